//! The tagger: text in, mentions with exact original spans out.
//!
//! A [`Tagger`] is built once (the automaton over every alias is the expensive part) and shared by
//! reference across documents and threads; each worker keeps a [`Scratch`] so that tagging allocates
//! nothing per match.

mod builder;

pub use builder::TaggerBuilder;

use std::cell::RefCell;
use std::sync::Arc;

use crate::error::{Error, Result};

use crate::gazetteer::GazetteerBuilder;
use crate::gazetteer::{DEFAULT_LABELS, Gazetteer, PLACE_LABEL};
use crate::index::codec::{Decoded, Reader, Writer};
use crate::index::{Image, IndexCache, Slot};
use crate::lexicon::Lexicon;
use crate::matcher::{Engine, MatchScratch, Matcher, Rejection, Via, facility};
use crate::normalize::{MAX_EXPANSION, Normalized, Normalizer, is_invisible};
use crate::person::{Found, Grammar, PersonScratch, What, keep_apart};
use crate::span::{AliasId, EntityId, LabelId, Span};

/// The prefix of the ids of people found by the name grammar: `person:auto:` + the normalised name,
/// words joined by `-`.
pub const AUTO_PERSON_PREFIX: &str = "person:auto:";

/// The prefix of the ids of facilities found by their head noun and a name-like word
/// (`مستشفى السلامة`): `place:auto:` + the normalised span, words joined by `-`.
pub const AUTO_PLACE_PREFIX: &str = "place:auto:";

/// One mention of an entity in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mention {
    /// The name as written, in original bytes; never includes proclitics.
    pub span: Span,
    /// Proclitics attached to the name (`وب` in `وبالبوكمال`); empty when there are none.
    pub proclitics: Span,
    /// What the mention names: a gazetteer entity, or a person the name grammar found.
    pub named: Named,
    /// The entity's type.
    pub label: LabelId,
    /// Which rule of the alias held.
    pub via: Via,
    /// How many entities' aliases held here; above 1, homonyms were weighed (see the gazetteer
    /// README for the order).
    pub choices: u32,
    /// Whether an auto entity's name, as normalised in the document, opens with an article's alef
    /// that is not written (see [`Tagger::auto_id`]).
    name_opens_with_article: bool,
}

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Named {
    /// An entity of the gazetteer, through one of its aliases (for a coreferent bare name: the alias
    /// of the full mention it refers to).
    Entity {
        /// The entity.
        entity: EntityId,
        /// The alias that matched.
        alias: AliasId,
    },
    /// A person no gazetteer lists, found by the name grammar. Its id is made from the name
    /// ([`Tagger::auto_id`]).
    Person {
        /// The fullest form of the name in the document, in original bytes.
        name: Span,
    },
    /// A facility no gazetteer lists, found by its head noun and a name-like word after it
    /// (`مستشفى السلامة`, `قاعدة العند الجوية`): a PLACE. Its id is made from the name
    /// ([`Tagger::auto_id`]).
    Place {
        /// The facility's name as written, head noun included: the mention's span.
        name: Span,
    },
}

impl Mention {
    /// The gazetteer entity, when the mention names one.
    pub fn entity(&self) -> Option<EntityId> {
        match self.named {
            Named::Entity { entity, .. } => Some(entity),
            Named::Person { .. } | Named::Place { .. } => None,
        }
    }
}

/// A candidate match that was turned down.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rejected {
    /// The candidate's text, in original bytes.
    pub span: Span,
    /// The aliases that matched there (several when entities share an alias).
    pub aliases: Vec<AliasId>,
    /// Why it was turned down.
    pub reason: Rejection,
}

/// Per-worker buffers; reuse one across documents.
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: Normalized,
    matches: MatchScratch,
    found: Vec<Found>,
    persons: PersonScratch,
}

impl Scratch {
    /// Empty buffers.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

/// Tags text with the entities of a gazetteer.
///
/// # Examples
///
/// ```
/// use rasid::{Gazetteer, Tagger};
///
/// let yaml = "- {id: g:sdf, type: ARMED_GROUP, name: قوات سوريا الديمقراطية, name_en: SDF, aliases: [قسد]}";
/// let gazetteer = Gazetteer::builder().defaults(false).add_yaml("mine.yml", yaml).build()?;
/// let tagger = Tagger::new(gazetteer);
/// let text = "اشتباكات بين داعش وقسد";
/// let mentions = tagger.tag(text)?;
/// assert_eq!(mentions.len(), 1);
/// assert_eq!(&text[mentions[0].span.range()], "قسد");
/// assert_eq!(&text[mentions[0].proclitics.range()], "و");
/// # Ok::<(), rasid::Error>(())
/// ```
#[derive(Debug)]
pub struct Tagger {
    gazetteer: Gazetteer,
    matcher: Matcher,
    normalizer: Normalizer,
    /// Whether the person-name grammar runs (the gazetteer has name words and it was not turned off).
    person_grammar: bool,
}

impl Tagger {
    /// The largest document tagged, in bytes (64 MiB, a few thousand news articles).
    ///
    /// Tagging keeps the normalised text (at most three times the original's bytes), a map of 4
    /// bytes per normalised byte and the automaton's re-encoding of it with its own map: about 9
    /// times the document's size for Arabic text, 21 times at worst (a text of `ﷲ`), 1.4 GB at this
    /// limit. A larger text is refused with
    /// [`crate::ErrorKind::DocumentTooLarge`] rather than risk running out of memory; a corpus
    /// goes in as many documents (files, or JSON Lines).
    pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

    /// A builder: gazetteer files and directories, the defaults or not, the word list, the
    /// person-name grammar; its `build` reports every failure as an error.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::new()
    }

    /// Compiles the gazetteer, with the embedded Arabic word list deciding proclitics and the
    /// person-name grammar on (it runs when the gazetteer has name words: the defaults do).
    pub fn new(gazetteer: Gazetteer) -> Tagger {
        Tagger::with_lexicon(gazetteer, Lexicon::embedded())
    }

    /// Compiles the gazetteer with a given word list.
    pub fn with_lexicon(gazetteer: Gazetteer, lexicon: Lexicon) -> Tagger {
        Tagger::with_options(gazetteer, lexicon, true)
    }

    /// Compiles the gazetteer with a given word list, and the person-name grammar only when
    /// `person_grammar` is set.
    ///
    /// # Panics
    ///
    /// When the aliases are too many for the automaton ([`crate::ErrorKind::TooManyAliases`]);
    /// [`TaggerBuilder::build`] returns that as an error instead.
    pub fn with_options(gazetteer: Gazetteer, lexicon: Lexicon, person_grammar: bool) -> Tagger {
        Tagger::compile(gazetteer, lexicon, person_grammar)
            .unwrap_or_else(|error| panic!("rasid: {error}"))
    }

    /// [`Tagger::with_options`], the automaton's limits an error rather than a panic.
    pub(crate) fn compile(
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        person_grammar: bool,
    ) -> Result<Tagger> {
        Tagger::with_engine(gazetteer, lexicon, person_grammar, Engine::AhoCorasick)
    }

    /// The tagger of `builder`'s gazetteers with the embedded word list, read from the index cache
    /// when it holds an image of exactly these inputs, else compiled and written there for the
    /// next run (see [`IndexCache`]). With [`IndexCache::disabled`], as
    /// [`Tagger::with_options`]. Tags exactly as a tagger compiled from the same gazetteers.
    ///
    /// Reached through [`TaggerBuilder::cache`], the one public way in.
    ///
    /// # Errors
    ///
    /// As [`GazetteerBuilder::build`]: an unreadable or invalid gazetteer. A damaged, stale or
    /// unwritable cache is no error: the tagger is compiled.
    pub(crate) fn cached(
        builder: &GazetteerBuilder,
        person_grammar: bool,
        cache: &IndexCache,
    ) -> Result<Tagger> {
        let Some(dir) = cache.dir() else {
            return Tagger::compile(builder.build()?, Lexicon::embedded(), person_grammar);
        };
        let slot = Slot::new(dir, builder, person_grammar)?;
        if let Some(tagger) = slot.load() {
            return Ok(tagger);
        }
        let gazetteer = builder.build()?;
        let tagger = Tagger::with_engine(
            gazetteer,
            Lexicon::embedded(),
            person_grammar,
            Engine::DoubleArray,
        )?;
        slot.store(&tagger);
        Ok(tagger)
    }

    /// Appends the tagger (built with [`Engine::DoubleArray`]) to an index image: its tables to
    /// `w`, the gazetteer's strings and attributes to `lazy`.
    pub(crate) fn write_image(&self, w: &mut Writer, lazy: &mut Writer) {
        w.bool(self.person_grammar);
        self.gazetteer.write_image(w, lazy);
        self.matcher.write_image(w);
    }

    /// Reads a tagger written by [`Tagger::write_image`] from `r`, a reader over `image`.
    pub(crate) fn read_image(r: &mut Reader<'_>, image: &Arc<Image>) -> Decoded<Tagger> {
        let person_grammar = r.bool("person grammar")?;
        let gazetteer = Gazetteer::read_image(r, image)?;
        let matcher = Matcher::read_image(r, &gazetteer)?;
        Ok(Tagger {
            gazetteer,
            matcher,
            normalizer: Normalizer::new(),
            person_grammar,
        })
    }

    pub(crate) fn with_engine(
        mut gazetteer: Gazetteer,
        mut lexicon: Lexicon,
        person_grammar: bool,
        engine: Engine,
    ) -> Result<Tagger> {
        let person_grammar = person_grammar && !gazetteer.name_parts().is_empty();
        if person_grammar {
            lexicon.add_name_parts(gazetteer.name_parts());
        }
        let matcher = Matcher::new(&gazetteer, lexicon, person_grammar, engine)?;
        gazetteer.release_keys();
        Ok(Tagger {
            gazetteer,
            matcher,
            normalizer: Normalizer::new(),
            person_grammar,
        })
    }

    /// The id of the auto entity a mention of `text` names ([`Named::Person`], [`Named::Place`]);
    /// `None` for a gazetteer entity. The id is the prefix ([`AUTO_PERSON_PREFIX`],
    /// [`AUTO_PLACE_PREFIX`]) and the name as the document normalises it, words joined by `-`:
    /// the id `count` gives it.
    ///
    /// The name as written may have lost a letter to the proclitic before it: `للصادق المهدي` is
    /// ل + `الصادق المهدي` with the article's alef dropped in writing, its name starts at the second
    /// ل, and its id is that of `الصادق المهدي`. (In `للطيف إبراهيم`, ل + `لطيف إبراهيم`, nothing was
    /// dropped: the mention tells the two apart.)
    pub fn auto_id(&self, text: &str, mention: &Mention) -> Option<String> {
        let (prefix, name) = match mention.named {
            Named::Entity { .. } => return None,
            Named::Person { name } => (AUTO_PERSON_PREFIX, name),
            Named::Place { name } => (AUTO_PLACE_PREFIX, name),
        };
        let lead = if mention.name_opens_with_article {
            "ا"
        } else {
            ""
        };
        Some(self.id_of(prefix, lead, &text[name.range()]))
    }

    /// The id of a person the name grammar found, from its name alone: `person:auto:` and the
    /// normalised name with `-` between words. [`Tagger::auto_id`] gives a mention's.
    pub fn person_id(&self, name: &str) -> String {
        self.id_of(AUTO_PERSON_PREFIX, "", name)
    }

    /// The id of a facility found by its head noun, from its name alone: `place:auto:` and the
    /// normalised name with `-` between words. [`Tagger::auto_id`] gives a mention's.
    pub fn place_id(&self, name: &str) -> String {
        self.id_of(AUTO_PLACE_PREFIX, "", name)
    }

    /// `prefix` and the normalisation of `lead` + `name`, words joined by `-`.
    fn id_of(&self, prefix: &str, lead: &str, name: &str) -> String {
        thread_local! {
            /// Tagging makes an id for every auto entity it writes: one buffer per thread, not a
            /// normalisation's allocations per name.
            static KEY: RefCell<(String, Normalized)> = RefCell::default();
        }
        KEY.with_borrow_mut(|(written, key)| {
            written.clear();
            written.push_str(lead);
            written.push_str(name);
            self.normalizer.normalize_into(written, key);
            auto_id_of_key(prefix, key.as_str())
        })
    }

    /// The gazetteer the tagger was built from.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Tags one text.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::DocumentTooLarge`] for a text larger than [`Tagger::MAX_DOCUMENT_BYTES`].
    pub fn tag(&self, text: &str) -> Result<Vec<Mention>> {
        let mut mentions = Vec::new();
        self.tag_with(&mut Scratch::new(), text, |m| mentions.push(m))?;
        Ok(mentions)
    }

    /// Tags one text with reused buffers, calling `emit` for each mention in text order.
    ///
    /// # Errors
    ///
    /// As [`Tagger::tag`].
    pub fn tag_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        mut emit: impl FnMut(Mention),
    ) -> Result<()> {
        self.run(scratch, text, |normalized, found| {
            emit(to_mention(text, normalized, found));
        })
    }

    /// Calls `emit` with what each mention in `text` names, in text order, without mapping the
    /// mentions' spans back to the text: the fast path for counting. A person's name span is mapped.
    ///
    /// # Errors
    ///
    /// As [`Tagger::tag`].
    pub fn entities_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        mut emit: impl FnMut(Named),
    ) -> Result<()> {
        self.keyed_entities_with(scratch, text, |named, _| emit(named))
    }

    /// As [`Tagger::entities_with`], with the key of each auto entity's id: its name as normalised
    /// in the document (empty for a gazetteer entity). `count` numbers auto entities by it, so that a
    /// name it meets needs no second normalisation; [`auto_id_of_key`] makes the id from it, the
    /// same one [`Tagger::auto_id`] gives the mention.
    pub(crate) fn keyed_entities_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        mut emit: impl FnMut(Named, &str),
    ) -> Result<()> {
        self.run(scratch, text, |normalized, found| {
            let hay = normalized.as_str();
            match found.what {
                What::Entity(resolved) => emit(
                    Named::Entity {
                        entity: resolved.entity,
                        alias: resolved.alias,
                    },
                    "",
                ),
                What::Person { name, .. } => emit(
                    Named::Person {
                        name: original_span(text, normalized, name.0, name.1),
                    },
                    &hay[name.0..name.1],
                ),
                What::Place => emit(
                    Named::Place {
                        name: original_span(text, normalized, found.norm_start, found.norm_end),
                    },
                    &hay[found.norm_start..found.norm_end],
                ),
            }
        })
    }

    /// The candidate matches that were turned down in `text`, with the reason: what `--explain-rejected`
    /// shows. Slower than [`Tagger::tag`]; meant for looking at one text.
    ///
    /// # Errors
    ///
    /// As [`Tagger::tag`].
    pub fn rejections(&self, text: &str) -> Result<Vec<Rejected>> {
        let mut scratch = Scratch::new();
        scratch.matches.record_rejections = true;
        self.run(&mut scratch, text, |_, _| {})?;
        self.matcher
            .record_shadowed(&scratch.normalized, &mut scratch.matches);
        let offsets = &scratch.normalized.offsets;
        let mut rejected: Vec<Rejected> = scratch
            .matches
            .rejections
            .iter()
            .filter(|r| {
                self.matcher
                    .aliases_of_pattern(r.pattern())
                    .next()
                    .is_some()
            })
            .map(|r| {
                let start = offsets.original_start(r.norm_start);
                let end = offsets.original_start(r.norm_end).max(start);
                let end = start + text[start..end].trim_end_matches(is_invisible).len();
                let aliases = self.matcher.aliases_of_pattern(r.pattern()).collect();
                Rejected {
                    span: Span { start, end },
                    aliases,
                    reason: r.reason,
                }
            })
            .collect();
        rejected.sort_by_key(|r| (r.span.start, r.span.end));
        Ok(rejected)
    }

    /// Normalises, scans and resolves one text.
    fn run(
        &self,
        scratch: &mut Scratch,
        text: &str,
        mut emit: impl FnMut(&Normalized, &Found),
    ) -> Result<()> {
        if text.len() > Tagger::MAX_DOCUMENT_BYTES {
            return Err(Error::document_too_large(text.len()));
        }
        self.normalizer
            .normalize_into(text, &mut scratch.normalized);
        debug_assert!(scratch.normalized.text.len() <= MAX_EXPANSION * text.len());
        self.matcher.scan(&scratch.normalized, &mut scratch.matches);
        self.matcher.drop_he_words(
            &self.gazetteer,
            text,
            &scratch.normalized,
            &mut scratch.matches,
        );
        let normalized = &scratch.normalized;
        let hay = normalized.as_str();
        let found = &mut scratch.found;
        found.clear();
        self.matcher.resolve(&mut scratch.matches, |raw, resolved| {
            let mut f = Found {
                norm_clitics: raw.norm_clitics.clone(),
                norm_start: raw.norm_start,
                norm_end: raw.norm_end,
                what: What::Entity(resolved),
            };
            if resolved.label == PLACE_LABEL {
                // Names inside names and facilities (see `matcher::facility`).
                if facility::inside_organisation_name(hay, f.word_start()) {
                    return;
                }
                let facility = (f.word_start() == f.norm_start)
                    .then(|| facility::facility_span(hay, f.norm_start, f.norm_end))
                    .flatten();
                // A facility's type word never reaches back into the mention before.
                let previous_end = found.last().map_or(0, |p: &Found| p.norm_end);
                if let Some((clitic_start, start, end)) = facility
                    && clitic_start >= previous_end
                {
                    (f.norm_clitics, f.norm_start, f.norm_end) = (clitic_start..start, start, end);
                } else {
                    self.leave_out_type_word(hay, &mut f, resolved.entity);
                }
            }
            found.push(f);
        });
        // A facility's descriptor may reach into the next match (`ميناء أم قصر` over a match at
        // `قصر`): leftmost wins, as in the scan, and mentions never overlap.
        keep_apart(found);
        if self.person_grammar {
            let grammar = Grammar {
                original: text,
                offsets: &normalized.offsets,
                lexicon: self.matcher.lexicon(),
                filter: self.matcher.name_filter(),
                person: PERSON_LABEL,
                place: PLACE_LABEL,
            };
            let name_words = &scratch.matches.name_words;
            grammar.apply(normalized.as_str(), name_words, found, &mut scratch.persons);
        }
        for f in found.iter() {
            emit(normalized, f);
        }
        Ok(())
    }
}

impl Tagger {
    /// Moves a place's span past the settlement or administrative type word its alias opens with
    /// (`محافظة لحج` → `لحج`, as the annotation guideline has it), unless the entity's own name starts
    /// with that word (`ريف دمشق`). The alias still chose the entity: the governorate, not the town.
    fn leave_out_type_word(&self, hay: &str, f: &mut Found, entity: EntityId) {
        let len = facility::type_word_len(&hay[f.norm_start..f.norm_end]);
        if len == 0 || f.norm_start + len >= f.norm_end {
            return;
        }
        let type_word = &hay[f.norm_start..f.norm_start + len];
        let name = self
            .normalizer
            .normalize_key(&self.gazetteer.entity(entity).name);
        if !name.starts_with(type_word) {
            f.norm_start += len;
            f.norm_clitics = f.norm_start..f.norm_start;
        }
    }
}

/// The label of PERSON: every gazetteer's labels start with [`DEFAULT_LABELS`].
const PERSON_LABEL: LabelId = LabelId(2);
const _: () = assert!(matches!(DEFAULT_LABELS[2].as_bytes(), b"PERSON"));

/// An auto entity's id: `prefix` and the words of its normalised name, joined by `-`.
pub(crate) fn auto_id_of_key(prefix: &str, key: &str) -> String {
    let mut id = String::with_capacity(prefix.len() + key.len());
    id.push_str(prefix);
    for (i, word) in key.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            id.push('-');
        }
        id.push_str(word);
    }
    id
}

/// The original span of a normalised range, trimmed of trailing invisible marks.
fn original_span(text: &str, normalized: &Normalized, norm_start: usize, norm_end: usize) -> Span {
    let offsets = &normalized.offsets;
    let start = offsets.original_start(norm_start);
    // The end absorbs harakat after the last letter (they belong to it) but not layout marks.
    let end = start
        + text[start..offsets.original_start(norm_end).max(start)]
            .trim_end_matches(is_invisible)
            .len();
    Span { start, end }
}

/// Maps a normalised mention back to the original text.
fn to_mention(text: &str, normalized: &Normalized, found: &Found) -> Mention {
    let offsets = &normalized.offsets;
    let span = original_span(text, normalized, found.norm_start, found.norm_end);
    let norm = &found.norm_clitics;
    let proclitics = if norm.is_empty() {
        Span {
            start: span.start,
            end: span.start,
        }
    } else {
        let clitic_start = offsets.original_start(norm.start);
        let clitic_end = offsets.original_start(norm.end);
        let written = text[clitic_start..clitic_end].trim_end_matches(is_invisible);
        Span {
            start: clitic_start,
            end: clitic_start + written.len(),
        }
    };
    let (named, label, via, choices) = match found.what {
        What::Entity(resolved) => (
            Named::Entity {
                entity: resolved.entity,
                alias: resolved.alias,
            },
            resolved.label,
            resolved.via,
            resolved.choices,
        ),
        What::Person { name, rule } => (
            Named::Person {
                name: original_span(text, normalized, name.0, name.1),
            },
            PERSON_LABEL,
            Via::Grammar(rule),
            1,
        ),
        What::Place => (Named::Place { name: span }, PLACE_LABEL, Via::Facility, 1),
    };
    let name_opens_with_article = match found.what {
        What::Entity(_) => false,
        What::Person { name, .. } => opens_with_restored_alef(text, normalized, name.0),
        What::Place => opens_with_restored_alef(text, normalized, found.norm_start),
    };
    Mention {
        span,
        proclitics,
        named,
        label,
        via,
        choices,
        name_opens_with_article,
    }
}

/// Whether the normalised name at `norm_start` opens with the alef of an article that writing
/// dropped after the preposition ل (`للصادق` → `لالصادق`, see `normalize`): the original there is
/// the article's ل, which nothing else normalises to an alef.
fn opens_with_restored_alef(text: &str, normalized: &Normalized, norm_start: usize) -> bool {
    normalized.text[norm_start..].starts_with('ا')
        && text[normalized.offsets.original_start(norm_start)..].starts_with('ل')
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod regression;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn tagger_is_send_and_sync() {
        assert_send_sync::<Tagger>();
    }

    fn small_tagger() -> Tagger {
        let yaml = "\
cues: {PLACE: [بلدة]}
entities:
- {id: p:zara, type: PLACE, name: زارة, name_en: Zara}
- {id: p:harb, type: PLACE, name: حرب, name_en: Harb}
- {id: p:bank, type: PLACE, name: بنك, name_en: Bank}
- {id: p:bukamal, type: PLACE, name: بوكمال, name_en: Bukamal}
- {id: p:syria, type: PLACE, name: سورية, name_en: Syria}
- {id: p:bab, type: PLACE, name: باب, name_en: Bab, aliases: [{text: الباب, when: cue}]}
- {id: g:hashd, type: ARMED_GROUP, name: الحشد الشعبي, name_en: PMF, aliases: [{text: الحشد, when: document}]}
";
        tagger_of(yaml)
    }

    /// A tagger over `yaml` alone.
    fn tagger_of(yaml: &str) -> Tagger {
        Tagger::new(crate::testing::gazetteer_of(yaml))
    }

    /// Checks the entity ids tagged in each text, in order.
    fn assert_ids(tagger: &Tagger, rows: &[(&str, &[&str])]) {
        for &(text, expected) in rows {
            let mentions = tagger.tag(text).unwrap();
            let ids: Vec<&str> = mentions
                .iter()
                .map(|m| {
                    tagger
                        .gazetteer()
                        .entity(m.entity().expect("a gazetteer entity"))
                        .id
                        .as_str()
                })
                .collect();
            assert_eq!(ids, expected, "{text}");
        }
    }

    /// Every reason a candidate is turned down, one row each.
    #[test]
    fn rejections_name_their_reason() {
        let tagger = small_tagger();
        let rows = [
            (
                "proclitic reading is a word",
                "وزارة الدفاع",
                "زارة",
                Rejection::ProcliticReadingIsAWord,
            ),
            ("word continues", "حربية", "حرب", Rejection::WordContinues),
            (
                "adjective of the word before",
                "عائلة سورية",
                "سورية",
                Rejection::AdjectiveOfPrecedingWord,
            ),
            ("inside a word", "عبدالبنك", "بنك", Rejection::InsideWord),
            (
                "not proclitics",
                "البوكمال",
                "بوكمال",
                Rejection::NotProclitics,
            ),
            (
                "cue missing",
                "فتح الباب",
                "الباب",
                Rejection::ContextRuleNotMet,
            ),
            ("no anchor", "وصل الحشد", "الحشد", Rejection::NoAnchor),
            (
                "shadowed",
                "الحشد الشعبي",
                "الحشد",
                Rejection::ShadowedByLongerMatch,
            ),
        ];
        for (name, text, candidate, reason) in rows {
            let rejected = tagger.rejections(text).unwrap();
            let found = rejected.iter().find(|r| &text[r.span.range()] == candidate);
            assert_eq!(
                found.map(|r| r.reason),
                Some(reason),
                "{name}: {rejected:?}"
            );
            let tagged = tagger.tag(text).unwrap();
            assert!(
                tagged.iter().all(|m| &text[m.span.range()] != candidate),
                "{name}: not tagged"
            );
        }
    }

    /// Exhaustive over short strings from an alphabet of letters that make names, proclitics, the
    /// article, a ligature, tatweel, harakat and quotes: nothing panics, every span is a non-empty
    /// slice on char boundaries, proclitics sit right before their name, spans never overlap, and
    /// rejected candidates are slices too.
    #[test]
    fn invariants_hold_on_all_short_strings() {
        let yaml = "- {id: a, type: PLACE, name: لب, name_en: A, aliases: [الب, بل]}\n- {id: b, type: PLACE, name: ولا, name_en: B}";
        let tagger = Tagger::with_lexicon(crate::testing::gazetteer_of(yaml), Lexicon::empty());
        let alphabet = [
            'ل', 'ا', 'ب', 'و', 'ك', 'ـ', ' ', '\u{FEFB}', '"', '\u{064E}', 'أ',
        ];
        let mut scratch = Scratch::new();
        let (mut texts, mut mentions) = (0, 0);
        for text in crate::testing::short_strings(&alphabet, 5) {
            let mut previous_end = 0;
            tagger
                .tag_with(&mut scratch, &text, |m| {
                    assert!(
                        !m.span.is_empty() && m.span.start >= previous_end,
                        "{text:?}: {m:?}"
                    );
                    assert!(text.get(m.span.range()).is_some(), "{text:?}: {m:?}");
                    assert!(
                        m.proclitics.end <= m.span.start
                            && text.get(m.proclitics.range()).is_some()
                    );
                    previous_end = m.span.end;
                    mentions += 1;
                })
                .unwrap();
            texts += 1;
            for r in tagger.rejections(&text).unwrap() {
                assert!(text.get(r.span.range()).is_some(), "{text:?}: {r:?}");
            }
        }
        assert_eq!(
            texts,
            (0..=5).map(|len| alphabet.len().pow(len)).sum::<usize>()
        );
        assert!(
            mentions > 5_000,
            "the alphabet makes names often: {mentions}"
        );
    }

    #[test]
    fn anchors_and_cues_show_in_mentions() {
        let tagger = small_tagger();
        let text = "قوات الحشد الشعبي في بلدة الباب، ثم انسحب الحشد";
        let vias: Vec<(&str, Via)> = tagger
            .tag(text)
            .unwrap()
            .iter()
            .map(|m| (&text[m.span.range()], m.via))
            .collect();
        assert_eq!(
            vias,
            [
                ("الحشد الشعبي", Via::Always),
                ("الباب", Via::Cue),
                ("الحشد", Via::Document)
            ]
        );
    }

    /// A nisba spelt like a place is an adjective after an indefinite feminine word, except after a
    /// cue word or with a preposition glued to it.
    #[test]
    fn agreeing_nisba_is_an_adjective() {
        let tagger = small_tagger();
        let rows = [
            ("عاد إلى سورية", true),
            ("العراق وسورية", true),
            ("بلدة سورية", true),
            ("لجأت العائلة لسورية", true),
            ("الحكومة سورية", true),
            ("عائلة سورية", false),
            ("مصادر عراقية وسورية", false),
        ];
        for (text, tagged) in rows {
            let found = !tagger.tag(text).unwrap().is_empty();
            assert_eq!(found, tagged, "{text}");
        }
    }

    /// A cue before homonyms picks its type, and among those the alias that fires anywhere.
    #[test]
    fn a_cue_prefers_the_homonym_that_fires_anywhere() {
        let yaml = "\
cues: {PLACE: [حي], PERSON: [الرئيس]}
entities:
- {id: p:village, type: PLACE, name: جوبر, name_en: Jobar village, aliases: [{text: جوبر, when: cue}]}
- {id: p:district, type: PLACE, name: جوبر, name_en: Jobar}
- {id: p:aoun, type: PLACE, name: عون, name_en: Aoun village}
- {id: h:aoun, type: PERSON, name: عون, name_en: Aoun}
";
        let tagger = tagger_of(yaml);
        let rows: [(&str, &[&str]); 5] = [
            ("قصف حي جوبر", &["p:district"]),
            ("قصف جوبر", &["p:district"]),
            ("قال الرئيس عون", &["h:aoun"]),
            ("قرب حي عون", &["p:aoun"]),
            ("وصل عون", &["p:aoun"]),
        ];
        assert_ids(&tagger, &rows);
    }

    /// Between homonyms, the one in a country the document names wins (anchors and cues first).
    #[test]
    fn the_document_country_picks_among_homonyms() {
        let tagger = tagger_of(
            "\
- {id: p:tripoli-lb, type: PLACE, name: طرابلس, name_en: Tripoli LB, country: LB}
- {id: p:tripoli-ly, type: PLACE, name: طرابلس, name_en: Tripoli LY, country: LY}
- {id: c:lb, type: PLACE, name: لبنان, name_en: Lebanon, country: LB}
- {id: p:benghazi, type: PLACE, name: بنغازي, name_en: Benghazi, country: LY}
",
        );
        let rows: [(&str, &[&str]); 3] = [
            ("اشتباكات في طرابلس", &["p:tripoli-lb"]),
            ("قصف في طرابلس وبنغازي", &["p:tripoli-ly", "p:benghazi"]),
            ("طرابلس شمال لبنان", &["p:tripoli-lb", "c:lb"]),
        ];
        assert_ids(&tagger, &rows);
    }

    /// A definite feminine place name after a definite feminine word or plural agrees with it as an
    /// adjective; only places lose the reading.
    #[test]
    fn agreeing_definite_adjective_is_no_place() {
        let yaml = "\
cues: {PLACE: [العاصمة]}
entities:
- {id: p:hadithah, type: PLACE, name: الحديثة, name_en: Haditha}
- {id: p:sawda, type: PLACE, name: السوداء, name_en: As Sawda}
- {id: o:modern, type: ORG, name: الجديدة, name_en: The New}
";
        let tagger = tagger_of(yaml);
        let rows: [(&str, &[&str]); 9] = [
            ("الأسلحة الحديثة", &[]),
            ("القائمة السوداء", &[]),
            ("قرية السوداء", &["p:sawda"]),
            ("التقنيات الحديثة", &[]),
            ("وصلوا إلى الحديثة", &["p:hadithah"]),
            ("بين الرقة والحديثة", &["p:hadithah"]),
            ("في العاصمة الحديثة", &["p:hadithah"]),
            ("أسلحة الحديثة", &["p:hadithah"]),
            ("الصحيفة الجديدة", &["o:modern"]),
        ];
        assert_ids(&tagger, &rows);
    }

    /// The `«»` cue: a name between quote marks is cued, and the cued homonym wins.
    #[test]
    fn quote_marks_are_a_cue_where_declared() {
        let yaml = "\
cues: {ORG: [«»]}
entities:
- {id: p:region, type: PLACE, name: الشرق الأوسط, name_en: Middle East}
- {id: o:paper, type: ORG, name: الشرق الأوسط, name_en: Asharq, aliases: [{text: الشرق الأوسط, when: cue}]}
";
        let tagger = tagger_of(yaml);
        let rows: [(&str, &[&str]); 5] = [
            ("قال لـ«الشرق الأوسط» أمس", &["o:paper"]),
            ("قال لـ« الشرق الأوسط » أمس", &["o:paper"]),
            ("في \"الشرق الأوسط\"", &["o:paper"]),
            ("في الشرق الأوسط أمس", &["p:region"]),
            ("في «الشرق الأوسط الجديد»", &["p:region"]),
        ];
        assert_ids(&tagger, &rows);
    }
}
