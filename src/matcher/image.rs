//! The matcher's part of the index image (see [`crate::index`]): the double-array automaton, the
//! pattern and candidate tables, the lexicon and the entities' countries.
//!
//! Every index in the tables is checked against the table it points into and the gazetteer read
//! before it, so a matcher read from a damaged image never indexes out of bounds.

use super::automaton::Automaton;
use super::rules::Cues;
use super::{Candidate, Matcher, PatternInfo, teh_marbuta};
use crate::gazetteer::Gazetteer;
use crate::gazetteer::image::{when_code, when_from};
use crate::gazetteer::names::Kinds;
use crate::index::codec::{Decoded, Invalid, Reader, Writer};
use crate::lexicon::Lexicon;
use crate::person::KindsFilter;
use crate::span::{AliasId, EntityId, LabelId};

fn write_candidate(c: &Candidate, w: &mut Writer) {
    w.len(c.alias.as_usize());
    w.len(c.entity.as_usize());
    w.len(c.label.as_usize());
    w.u8(when_code(c.when));
}

fn read_candidate(r: &mut Reader<'_>, gazetteer: &Gazetteer) -> Decoded<Candidate> {
    let alias = r.u32("candidate alias")? as usize;
    let entity = r.u32("candidate entity")? as usize;
    let label = r.u32("candidate label")? as usize;
    let when = when_from(r.u8("candidate rule")?)?;
    let fits = alias < gazetteer.aliases().len()
        && entity < gazetteer.len()
        && label < gazetteer.labels().len();
    if !fits {
        return Err(Invalid("candidate"));
    }
    Ok(Candidate {
        alias: AliasId::from_usize(alias),
        entity: EntityId::from_usize(entity),
        label: LabelId::from_usize(label),
        when,
    })
}

impl Matcher {
    /// Appends the matcher to an image; it must have been built with the double array.
    pub(crate) fn write_image(&self, w: &mut Writer) {
        w.len(self.patterns.len());
        for p in &self.patterns {
            w.u32(p.candidates.start);
            w.u32(p.candidates.end);
            write_candidate(&p.first, w);
            w.bool(p.all_always);
            w.u32(p.first_word_len);
            w.f32(p.first_word_zipf);
            w.bool(p.has_word_prefix);
            w.u16(p.name_kinds.bits());
            w.u16(p.first_word_kinds.bits());
        }
        w.len(self.candidates.len());
        for c in &self.candidates {
            write_candidate(c, w);
        }
        w.len(self.entity_country.len());
        for &country in &self.entity_country {
            w.u16(country);
        }
        self.lexicon.write_image(w);
        self.name_filter.write_image(w);
        self.automaton.write_image(w);
    }

    /// Reads a matcher written by [`Matcher::write_image`] for `gazetteer`.
    pub(crate) fn read_image(r: &mut Reader<'_>, gazetteer: &Gazetteer) -> Decoded<Matcher> {
        let count = r.count(38, "patterns")?;
        let mut patterns = Vec::with_capacity(count);
        for _ in 0..count {
            patterns.push(PatternInfo {
                candidates: r.u32("pattern candidates")?..r.u32("pattern candidates")?,
                first: read_candidate(r, gazetteer)?,
                all_always: r.bool("pattern rule")?,
                first_word_len: r.u32("pattern first word")?,
                first_word_zipf: r.f32("pattern first word")?,
                has_word_prefix: r.bool("pattern prefix")?,
                name_kinds: Kinds::from_bits(r.u16("pattern classes")?),
                first_word_kinds: Kinds::from_bits(r.u16("pattern classes")?),
            });
        }
        let count = r.count(13, "candidates")?;
        let candidates = (0..count)
            .map(|_| read_candidate(r, gazetteer))
            .collect::<Decoded<Vec<_>>>()?;
        let bad_range = |p: &PatternInfo| {
            p.candidates.start > p.candidates.end || p.candidates.end as usize > candidates.len()
        };
        if patterns.iter().any(bad_range) {
            return Err(Invalid("pattern candidates"));
        }
        let count = r.count(2, "countries")?;
        if count != gazetteer.len() {
            return Err(Invalid("countries"));
        }
        let entity_country = (0..count)
            .map(|_| r.u16("country"))
            .collect::<Decoded<Vec<_>>>()?;
        let lexicon = Lexicon::read_image(r)?;
        let name_filter = KindsFilter::read_image(r)?;
        let automaton = Automaton::read_image(r, patterns.len())?;
        Ok(Matcher {
            automaton,
            patterns,
            candidates,
            lexicon,
            entity_country,
            he_words: teh_marbuta::HeWords::embedded(),
            name_filter,
            // The gazetteer read just before holds the cue words: compiled from it, as at build.
            cues: Cues::new(gazetteer),
        })
    }
}
