//! Mentions as users read them: code-point offsets beside byte offsets, names resolved, and the JSON
//! form `rasid tag` writes (one object per mention, fields in the order below).
//!
//! ```
//! use rasid::{Gazetteer, Tagger, record::MentionRecord};
//!
//! let tagger = Tagger::new(Gazetteer::defaults()?);
//! let text = "قصف على البوكمال";
//! let mentions = tagger.tag(text)?;
//! let records = MentionRecord::all(&tagger, text, &mentions, false);
//! assert_eq!(records[0].start, 8);
//! let json = serde_json::to_string(&records[0]).unwrap();
//! assert!(json.starts_with(r#"{"start":8,"end":16,"byte_start":"#));
//! # Ok::<(), rasid::Error>(())
//! ```

use std::borrow::Cow;

use serde::Serialize;

use crate::normalize::Normalizer;
use crate::{Entity, Mention, Named, Rejected, Tagger, Via};

/// One mention as users read it (JSON, TSV, pretty): what `rasid tag` writes per entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MentionRecord<'a> {
    /// Code point offset of the name, as Python and spaCy count.
    pub start: usize,
    /// Code point offset of the name's end, exclusive.
    pub end: usize,
    /// UTF-8 byte offset of the name.
    pub byte_start: usize,
    /// UTF-8 byte offset of the name's end, exclusive.
    pub byte_end: usize,
    /// The name as written, without proclitics.
    pub text: &'a str,
    /// The entity's type (`PLACE`, `ARMED_GROUP`, …).
    pub label: &'a str,
    /// The entity's id; for a person the name grammar found, `person:auto:` and the name; for a
    /// facility found by its head noun, `place:auto:` and the name.
    pub id: Cow<'a, str>,
    /// The entity's Arabic name; for a person the grammar found, the fullest form in the text.
    pub name: &'a str,
    /// The alias that matched; for a person the name grammar found, the name as written.
    pub alias: &'a str,
    /// Proclitics glued to the name (`وب`), as written; empty when there are none.
    pub proclitics: &'a str,
    /// Where a place is, as `count` gives it: present when the gazetteer has it.
    #[serde(flatten)]
    pub geo: Geo<'a>,
    /// When asked for: how the mention matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
}

/// The English name, country, province and point of a mentioned entity, each left out of JSON when
/// the gazetteer does not give it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Geo<'a> {
    /// The entity's English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<&'a str>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<&'a str>,
    /// First-level administrative division.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<&'a str>,
    /// Latitude in degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

impl<'a> Geo<'a> {
    fn of(entity: &'a Entity) -> Geo<'a> {
        let attributes = entity.attributes();
        Geo {
            name_en: Some(entity.name_en.as_str()),
            country: attributes.country.as_deref(),
            admin1: attributes.admin1.as_deref(),
            lat: attributes.lat,
            lon: attributes.lon,
        }
    }
}

/// How one mention matched (`rasid tag --explain`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The alias's rule (`always`, `cue`, `document`, `cue-or-document`; `grammar` for a person
    /// the name grammar found or a facility found by its head noun).
    pub when: &'static str,
    /// Which part of the rule held (`always`, `cue`, `document`, `country`, `grammar`; `facility`
    /// for a facility found by its head noun).
    pub via: &'static str,
    /// The normalisation rules the matched text went through (`أ→ا`, `harakat removed`).
    pub steps: Vec<&'static str>,
    /// How many entities' aliases held here; above 1, homonyms were weighed.
    pub choices: u32,
    /// For `via: grammar`: the rule of the person-name grammar that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
}

/// A candidate turned down (`rasid tag --explain-rejected`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RejectedRecord<'a> {
    /// Code point offset of the candidate.
    pub start: usize,
    /// Code point offset of the candidate's end, exclusive.
    pub end: usize,
    /// The candidate as written.
    pub text: &'a str,
    /// The aliases that matched there, as `id:alias`.
    pub candidates: Vec<String>,
    /// Why it was turned down.
    pub reason: &'static str,
}

impl<'a> MentionRecord<'a> {
    /// The record of one mention of `text`, with its explanation when `explain` is set. Counts the
    /// code points from the start of the text: for every mention of a text, [`MentionRecord::all`]
    /// is one pass.
    pub fn new(tagger: &'a Tagger, text: &'a str, mention: &Mention, explain: bool) -> Self {
        let mut counter = CodePointCounter::default();
        let mut record = record(tagger, text, mention, &mut counter);
        if explain {
            record.explain = Some(explanation(tagger, &Normalizer::new(), text, mention));
        }
        record
    }

    /// The records of a text's mentions, in the order given (text order, as the tagger gives
    /// them), with their explanations when `explain` is set. Code points are counted incrementally,
    /// so the whole conversion is one pass over the text.
    pub fn all(
        tagger: &'a Tagger,
        text: &'a str,
        mentions: &[Mention],
        explain: bool,
    ) -> Vec<Self> {
        let mut records = records(tagger, text, mentions);
        if explain {
            explain_all(tagger, text, mentions, &mut records);
        }
        records
    }
}

impl<'a> RejectedRecord<'a> {
    /// The records of a text's rejected candidates ([`Tagger::rejections`]), offsets in code
    /// points.
    pub fn all(tagger: &Tagger, text: &'a str, rejected: &[Rejected]) -> Vec<Self> {
        rejected_records(tagger, text, rejected)
    }
}

/// Converts mentions, in text order, to records. Code points are counted incrementally, so the whole
/// conversion is one pass over the text.
fn records<'a>(tagger: &'a Tagger, text: &'a str, mentions: &[Mention]) -> Vec<MentionRecord<'a>> {
    let mut counter = CodePointCounter::default();
    mentions
        .iter()
        .map(|m| record(tagger, text, m, &mut counter))
        .collect()
}

/// One record; `counter` must not be past the mention's start.
fn record<'a>(
    tagger: &'a Tagger,
    text: &'a str,
    m: &Mention,
    counter: &mut CodePointCounter,
) -> MentionRecord<'a> {
    let gazetteer = tagger.gazetteer();
    let (id, name, alias, geo) = match m.named {
        Named::Entity { entity, alias } => {
            let entity = gazetteer.entity(entity);
            let alias = &gazetteer.alias(alias).text;
            (
                Cow::Borrowed(entity.id.as_str()),
                entity.name.as_str(),
                alias.as_str(),
                Geo::of(entity),
            )
        }
        // An auto entity's name: its fullest form in the text (a person), or its span (a facility).
        Named::Person { name } | Named::Place { name } => (
            Cow::Owned(tagger.auto_id(text, m).unwrap_or_default()),
            &text[name.range()],
            &text[m.span.range()],
            Geo::default(),
        ),
    };
    MentionRecord {
        start: counter.advance(text, m.span.start),
        end: counter.advance(text, m.span.end),
        byte_start: m.span.start,
        byte_end: m.span.end,
        text: &text[m.span.range()],
        label: gazetteer.label_name(m.label),
        id,
        name,
        alias,
        proclitics: &text[m.proclitics.range()],
        geo,
        explain: None,
    }
}

/// Adds an explanation to every record (records and mentions in the same order).
fn explain_all(
    tagger: &Tagger,
    text: &str,
    mentions: &[Mention],
    records: &mut [MentionRecord<'_>],
) {
    let normalizer = Normalizer::new();
    for (record, m) in records.iter_mut().zip(mentions) {
        record.explain = Some(explanation(tagger, &normalizer, text, m));
    }
}

/// How one mention matched.
fn explanation(tagger: &Tagger, normalizer: &Normalizer, text: &str, m: &Mention) -> Explanation {
    let when = match m.named {
        Named::Entity { alias, .. } => tagger.gazetteer().alias(alias).when.as_str(),
        Named::Person { .. } | Named::Place { .. } => "grammar",
    };
    let steps = normalizer.explain(&text[m.proclitics.start.min(m.span.start)..m.span.end]);
    let rule = match m.via {
        Via::Grammar(rule) => Some(rule.as_str()),
        _ => None,
    };
    Explanation {
        when,
        via: m.via.as_str(),
        steps,
        choices: m.choices,
        rule,
    }
}

/// The rejected candidates of a text as records, offsets in code points.
fn rejected_records<'a>(
    tagger: &Tagger,
    text: &'a str,
    rejected: &[Rejected],
) -> Vec<RejectedRecord<'a>> {
    let gazetteer = tagger.gazetteer();
    // Rejected candidates overlap and nest, so their ends are not in order: convert every offset in
    // one sorted pass (counting from the start for each was quadratic on a long text).
    let code_points = CodePoints::of(
        text,
        rejected.iter().flat_map(|r| [r.span.start, r.span.end]),
    );
    rejected
        .iter()
        .map(|r| RejectedRecord {
            start: code_points.at(r.span.start),
            end: code_points.at(r.span.end),
            text: &text[r.span.range()],
            candidates: r
                .aliases
                .iter()
                .map(|&a| {
                    let alias = gazetteer.alias(a);
                    format!("{}:{}", gazetteer.entity(alias.entity).id, alias.text)
                })
                .collect(),
            reason: r.reason.as_str(),
        })
        .collect()
}

/// The code point offsets of a set of byte offsets in any order, counted in one pass over the text.
#[derive(Debug)]
struct CodePoints {
    /// Byte offsets, sorted and unique, with their code point offsets.
    table: Vec<(usize, usize)>,
}

impl CodePoints {
    fn of(text: &str, bytes: impl Iterator<Item = usize>) -> CodePoints {
        let mut offsets: Vec<usize> = bytes.collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut counter = CodePointCounter::default();
        let table = offsets
            .into_iter()
            .map(|byte| (byte, counter.advance(text, byte)))
            .collect();
        CodePoints { table }
    }

    /// The code point offset of `byte`, one of the offsets given to [`CodePoints::of`].
    fn at(&self, byte: usize) -> usize {
        let index = self.table.partition_point(|&(b, _)| b < byte);
        self.table[index].1
    }
}

/// Converts increasing byte offsets to code point offsets.
#[derive(Debug, Default)]
struct CodePointCounter {
    byte: usize,
    chars: usize,
}

impl CodePointCounter {
    /// The code point offset of `byte`, which must not be before the previous call's.
    fn advance(&mut self, text: &str, byte: usize) -> usize {
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// A field as a TSV row can hold it: tabs and line breaks, which would break the row, become spaces.
pub fn tsv_field(value: &str) -> std::borrow::Cow<'_, str> {
    if value.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        value.replace(['\t', '\n', '\r'], " ").into()
    } else {
        value.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_from_the_start() {
        let text = "في حلب وإدلب";
        let mut counter = CodePointCounter::default();
        let halab = text.find("حلب").unwrap();
        assert_eq!(counter.advance(text, halab), 3);
        assert_eq!(counter.advance(text, halab + "حلب".len()), 6);
    }

    /// Offsets in any order, nested and repeated, convert as counting from the start does.
    #[test]
    fn code_points_of_unordered_offsets() {
        let text = "في حلب وإدلب، ودير الزور";
        let bytes: Vec<usize> = [20, 5, 5, 0, text.len(), 13, 7]
            .into_iter()
            .map(|b| (b..).find(|&b| text.is_char_boundary(b)).unwrap())
            .collect();
        let code_points = CodePoints::of(text, bytes.iter().copied());
        for byte in bytes {
            assert_eq!(code_points.at(byte), text[..byte].chars().count(), "{byte}");
        }
    }
}
