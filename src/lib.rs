//! rasid (راصد, "the observer") finds places, armed groups, people and organisations in Arabic news
//! text by matching gazetteers, and reports each mention with its exact span in the original text.
//!
//! Matching sees through Arabic spelling variation (hamza forms, ى/ي, ة/ه, harakat, tatweel, PDF
//! presentation forms, Persian letters, invisible marks) and through proclitics glued to a name
//! (`وبالبوكمال`, `للبوكمال`, `لـ"قاسم سليماني"`), and every span still points into the text as written.
//!
//! ```
//! use rasid::{Gazetteer, Named, Tagger};
//!
//! let tagger = Tagger::new(Gazetteer::defaults()?);
//! let text = "سيطرت القوات العراقية على مدينة القائم المتاخمة للبوكمال، وقال العميد بدر باسلمة إن";
//! for mention in tagger.tag(text)? {
//!     let id = match mention.named {
//!         Named::Entity { entity, .. } => tagger.gazetteer().entity(entity).id.to_string(),
//!         // People no gazetteer lists, found by the person-name grammar, and facilities found by
//!         // their head noun (`مستشفى السلامة`): ids made from their names.
//!         _ => match tagger.auto_id(text, &mention) {
//!             Some(id) => id,
//!             None => continue, // what a later version may find (`Named` is `#[non_exhaustive]`)
//!         },
//!     };
//!     println!("{} {} {id}", &text[mention.span.range()], tagger.gazetteer().label_name(mention.label));
//! }
//! # Ok::<(), rasid::Error>(())
//! ```
#![deny(missing_docs)]

pub mod corpus;
pub mod count;
pub mod coverage;
mod error;
pub mod eval;
mod gazetteer;
mod index;
mod lexicon;
mod matcher;
mod normalize;
mod person;
pub mod record;
mod span;
pub mod suggest;
mod tagger;
#[cfg(test)]
mod testing;

pub use error::{Diagnostic, Error, ErrorKind, Level, Result};
pub use gazetteer::{
    Alias, Attributes, Category, DEFAULT_LABELS, DEFAULT_PREFIX, Entity, Gazetteer,
    GazetteerBuilder, GazetteerStr, When, yaml_scalar,
};
pub use index::IndexCache;
pub use lexicon::Lexicon;
pub use matcher::{Rejection, Via};
pub use normalize::{Normalized, Normalizer};
pub use person::PersonRule;
pub use span::{AliasId, EntityId, LabelId, Span};
pub use tagger::{
    AUTO_PERSON_PREFIX, AUTO_PLACE_PREFIX, Mention, Named, Rejected, Scratch, Tagger, TaggerBuilder,
};

/// Every public type can be shared and sent between threads: checked when the library compiles.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Alias>();
    send_sync::<Attributes>();
    send_sync::<Category>();
    send_sync::<Entity>();
    send_sync::<Gazetteer>();
    send_sync::<GazetteerBuilder>();
    send_sync::<When>();
    send_sync::<Diagnostic>();
    send_sync::<Error>();
    send_sync::<ErrorKind>();
    send_sync::<Level>();
    send_sync::<Lexicon>();
    send_sync::<Rejection>();
    send_sync::<Via>();
    send_sync::<Normalized>();
    send_sync::<Normalizer>();
    send_sync::<PersonRule>();
    send_sync::<AliasId>();
    send_sync::<EntityId>();
    send_sync::<LabelId>();
    send_sync::<Span>();
    send_sync::<Mention>();
    send_sync::<Named>();
    send_sync::<Rejected>();
    send_sync::<Scratch>();
    send_sync::<Tagger>();
    send_sync::<TaggerBuilder>();
    send_sync::<record::MentionRecord<'static>>();
    send_sync::<record::Geo<'static>>();
    send_sync::<record::Explanation>();
    send_sync::<record::RejectedRecord<'static>>();
    send_sync::<corpus::Document>();
    send_sync::<corpus::Event<()>>();
    send_sync::<corpus::Fields>();
    send_sync::<corpus::Finished<()>>();
    send_sync::<corpus::Found>();
    send_sync::<corpus::GzReader<&'static [u8]>>();
    send_sync::<corpus::Input>();
    send_sync::<corpus::MissingText>();
    send_sync::<corpus::Problem>();
    send_sync::<corpus::RawDocument>();
    send_sync::<corpus::Skip>();
    send_sync::<corpus::Skipped>();
    send_sync::<eval::GoldDocument>();
    send_sync::<eval::GoldError>();
    send_sync::<eval::GoldFormat>();
    send_sync::<eval::GoldWarning>();
    send_sync::<coverage::Rank>();
    send_sync::<coverage::Report<'static>>();
    send_sync::<coverage::Row<'static>>();
    send_sync::<coverage::Tally>();
    send_sync::<suggest::Candidate>();
    send_sync::<suggest::Collector<'static>>();
    send_sync::<suggest::Header>();
    send_sync::<count::AutoEntities>();
    send_sync::<count::CountFormat>();
    send_sync::<count::CountRow<'static>>();
    send_sync::<count::CountTable<'static>>();
    send_sync::<count::Counter>();
    send_sync::<count::Counts>();
    send_sync::<count::Delimited<'static, Vec<u8>>>();
    send_sync::<count::DocumentRow<'static>>();
    send_sync::<count::DocumentRowWriter<Vec<u8>>>();
    send_sync::<count::DocumentTally>();
    send_sync::<count::Filter>();
    send_sync::<count::Tally>();
};
