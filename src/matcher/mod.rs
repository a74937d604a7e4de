//! Finding aliases in normalised text: the automaton, word and clitic checks, context rules and the
//! choice among entities that share an alias.
//!
//! The automaton holds every alias once, normalised and deduplicated; a side table maps each pattern
//! to its candidates (alias, entity, type, rule). `لل` (ل + the article) needs no patterns of its own:
//! the normaliser restores the article's alef (`للبوكمال` → `لالبوكمال`), mapped to the second ل.
//!
//! A match found by the automaton is accepted when:
//! 1. it starts at a word start, or after proclitics (`و`/`ف`, then `ب`/`ل`/`ك`) glued to it, and the
//!    whole word is not a word of its own (see [`crate::Lexicon`]): `وحلب` yes, `وزارة` no. A match
//!    that starts deeper inside a word sends the search on to the next word;
//! 2. it ends at a word end, and starts and ends between original characters;
//! 3. at least one candidate's rule holds (`always`; `cue` when a cue word precedes).
//!
//! Leftmost-longest matching has a blind spot: when the longest alias at a position fails these checks,
//! a shorter alias at the same position may pass. So a rejected match is retried with searches that
//! end before it, and only then does the search move one character on.
//!
//! The automaton runs over the text re-encoded with one byte per Arabic letter (see [`alphabet`]);
//! every check here reads the normalised text.
//!
//! After the scan, each match picks one entity (see [`Matcher::resolve`]): candidates whose rule held,
//! an entity named unambiguously elsewhere in the document first.

mod alphabet;
mod automaton;
mod context;
pub(crate) mod facility;
mod image;
#[cfg(test)]
mod regression;
mod teh_marbuta;

use std::collections::HashMap;

use self::alphabet::Encoded;
use self::automaton::Automaton;
pub(crate) use self::automaton::Engine;

use crate::gazetteer::names::Kinds;
use crate::gazetteer::{Gazetteer, PLACE_LABEL, When};
use crate::lexicon::Lexicon;
use crate::normalize::{Normalized, is_word_char};
use crate::person::{KindsFilter, PersonRule};
use crate::span::{AliasId, EntityId, LabelId};

/// Each entity's country as a number, the same for the same country code, 0 for none.
fn entity_countries(gazetteer: &Gazetteer) -> Vec<u16> {
    let mut numbers: HashMap<&str, u16> = HashMap::new();
    gazetteer
        .entities()
        .iter()
        .map(|entity| match entity.attributes().country.as_deref() {
            None => 0,
            Some(code) => {
                let next = u16::try_from(numbers.len() + 1).unwrap_or(0);
                *numbers.entry(code).or_insert(next)
            }
        })
        .collect()
}

/// The proclitic sequences that may be glued to a name: an optional conjunction, then an optional
/// preposition, at least one of them.
pub(crate) const PROCLITICS: [&str; 11] =
    ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// The longest proclitic sequence with the restored alef of `لل` (`ولا`), in characters and in
/// (two-byte Arabic) bytes.
const PROCLITIC_MAX_CHARS: usize = 3;
const PROCLITIC_MAX_BYTES: usize = 6;

/// Characters that may stand between a proclitic and the name it governs (`بـ«داعش»`; tatweel is
/// already gone after normalisation).
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '(' | '['
    )
}

/// One entity an automaton pattern may stand for.
#[derive(Clone, Debug)]
struct Candidate {
    alias: AliasId,
    entity: EntityId,
    label: LabelId,
    when: When,
}

/// What the automaton's patterns are made of: aliases and the words that open a person's name.
enum Entry {
    Alias(usize),
    NameWord(Kinds),
}

impl Candidate {
    /// The first candidate of a pattern that has none (a name word only); never read.
    const NONE: Candidate = Candidate {
        alias: AliasId(0),
        entity: EntityId(0),
        label: LabelId(0),
        when: When::Always,
    };
}

#[derive(Clone, Debug)]
struct PatternInfo {
    candidates: std::ops::Range<u32>,
    /// The first candidate, copied here: most patterns have one, and checking a match then reads
    /// only this row (the candidate table is a second cache miss per match on large lists).
    first: Candidate,
    /// Whether every candidate's rule is `always`: then no candidate needs reading to check a match.
    all_always: bool,
    /// Byte length of the pattern's first word.
    first_word_len: u32,
    /// Zipf frequency of the pattern's first word, for the clitic decision (the same for every
    /// candidate: they share the pattern).
    first_word_zipf: f32,
    /// Whether a shorter pattern is this one cut at a space (`حزب الله` in `حزب الله العراقي`). Only
    /// such a pattern can pass where this one failed at the same start: a cut inside a word leaves a
    /// word character after it. Without one, a rejected match needs no retry.
    has_word_prefix: bool,
    /// The person-name grammar's classes of this word or phrase (a given name, a title, ...), all
    /// of them when one opens a name, none otherwise; a pattern may be a name word only, with no
    /// candidates.
    name_kinds: Kinds,
    /// The classes of the pattern's first word when the pattern is longer and that word opens a
    /// name: a name opens there even if the alias is not taken (`أبو قتادة المغربي`, an alias `أبو قتادة` with no anchor).
    first_word_kinds: Kinds,
}

/// The compiled aliases of a gazetteer.
#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: Automaton,
    patterns: Vec<PatternInfo>,
    candidates: Vec<Candidate>,
    lexicon: Lexicon,
    /// Each entity's country as a small number (0: none), to weigh homonyms by the countries a
    /// document names.
    entity_country: Vec<u16>,
    /// Words written with a final ه that are no spelling of a name in ة (see [`teh_marbuta`]).
    he_words: teh_marbuta::HeWords,
    /// The words of the name files, for the person-name grammar's lookups.
    name_filter: KindsFilter,
}

/// How a candidate fared at one match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Its alias fires anywhere, and a cue word of its type stood before it too: among homonyms a cue
    /// picks the one of its type, and an alias that fires anywhere is the better-known place
    /// (`حي جوبر`: the Damascus district over a village whose alias needs the cue).
    CuedAlways,
    /// A cue word stood before it.
    Cue,
    /// Its alias fires anywhere.
    Always,
    /// It fires only if the entity is anchored elsewhere in the document.
    Pending,
    /// Its checks failed here.
    Rejected,
}

/// A match that passed the checks, before an entity is chosen.
#[derive(Clone, Debug)]
pub(crate) struct RawMatch {
    pub(crate) norm_start: usize,
    pub(crate) norm_end: usize,
    /// The proclitics, glued to the name or written apart before a quote mark (`لـ"قاسم`); empty at
    /// `norm_start` when there are none. Never reaching into the previous match.
    pub(crate) norm_clitics: std::ops::Range<usize>,
    pattern: u32,
    /// Index of this match's first status in the scratch status table.
    statuses: u32,
}

/// Per-document buffers, reused across documents.
#[derive(Debug, Default)]
pub(crate) struct MatchScratch {
    /// The text in the automaton's alphabet.
    encoded: Encoded,
    pub(crate) raw: Vec<RawMatch>,
    statuses: Vec<Status>,
    anchored: Vec<EntityId>,
    /// The countries of the anchored entities (see `Matcher::entity_country`), sorted.
    anchored_countries: Vec<u16>,
    /// Whether some match has a choice to make (several live candidates, or one waiting for an
    /// anchor); when none has, resolving is a straight copy.
    has_choices: bool,
    /// Words of the person-name grammar found by the scan, in text order.
    pub(crate) name_words: Vec<NameWord>,
    /// When set, `scan` and `resolve` record every candidate they turn down, for explanations.
    pub(crate) record_rejections: bool,
    pub(crate) rejections: Vec<RawRejection>,
}

/// A word of the person-name grammar in the text (a given name, a title, a verb of saying ...).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameWord {
    pub(crate) norm_start: usize,
    pub(crate) norm_end: usize,
    /// Where its proclitics start (`norm_start` when there are none).
    pub(crate) norm_clitic_start: usize,
    /// All its classes in the name files, as the lexicon gives them.
    pub(crate) kinds: Kinds,
}

/// A candidate match that was turned down, and why.
#[derive(Clone, Debug)]
pub(crate) struct RawRejection {
    pub(crate) norm_start: usize,
    pub(crate) norm_end: usize,
    pattern: u32,
    pub(crate) reason: Rejection,
}

/// Why a candidate match was turned down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// It starts inside a longer word (`بن` in `عبدالبنك`).
    InsideWord,
    /// What precedes it in its word is not a proclitic sequence (`ال` + `بوكمال`).
    NotProclitics,
    /// The word goes on after it (`حرب` in `حربية`).
    WordContinues,
    /// It reads as an adjective of the word before (`سورية` in `عائلة سورية`, "a Syrian family").
    AdjectiveOfPrecedingWord,
    /// The whole word is a word of its own, not proclitics + the name (`وزارة`, not و + `زارة`).
    ProcliticReadingIsAWord,
    /// Its alias needs a cue word or an anchor, and there was none (`when: cue`/`document`).
    ContextRuleNotMet,
    /// Its alias waits for an unambiguous mention of the entity elsewhere in the document, which
    /// never came (`when: document`).
    NoAnchor,
    /// A longer accepted match covers it (`حزب الله` inside `كتائب حزب الله العراقي`).
    ShadowedByLongerMatch,
    /// Its alias needs its country in the document (`when: country`), and nothing else there points
    /// to that country (`الطبقة` "the class" in a text that names no Syrian place).
    CountryNotInDocument,
    /// Written with a final ه, it is a word of its own, not the name written with ة (`حديثه` "his
    /// talk", not `حديثة` Haditha).
    WordInHe,
}

impl Rejection {
    /// The reason in words, for output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::InsideWord => "inside a longer word",
            Rejection::NotProclitics => "preceded by letters that are not proclitics",
            Rejection::WordContinues => "the word goes on after it",
            Rejection::AdjectiveOfPrecedingWord => "an adjective of the word before",
            Rejection::ProcliticReadingIsAWord => "the whole word is a word of its own",
            Rejection::ContextRuleNotMet => "context rule not met",
            Rejection::NoAnchor => "no unambiguous mention of the entity in the document",
            Rejection::ShadowedByLongerMatch => "shadowed by a longer match",
            Rejection::CountryNotInDocument => {
                "its country is not named in the document, nor the entity itself"
            }
            Rejection::WordInHe => "written with ه, a word of its own, not the name in ة",
        }
    }
}

impl Matcher {
    /// The aliases a pattern stands for.
    pub(crate) fn aliases_of_pattern(&self, pattern: u32) -> impl Iterator<Item = AliasId> + '_ {
        let info = &self.patterns[pattern as usize];
        self.candidates[info.candidates.start as usize..info.candidates.end as usize]
            .iter()
            .map(|c| c.alias)
    }
}

impl Matcher {
    /// Records, for explanations, the aliases that start at a word inside an accepted match and end
    /// within it: leftmost-longest matching never reports them.
    pub(crate) fn record_shadowed(&self, text: &Normalized, scratch: &mut MatchScratch) {
        let hay = text.as_str();
        let encoded = &scratch.encoded;
        let mut shadowed = Vec::new();
        for raw in &scratch.raw {
            let (start, end) = (raw.norm_start, raw.norm_end);
            let word_starts = hay[start..end]
                .char_indices()
                .filter(|&(i, _)| i == 0 || hay[..start + i].ends_with(' '))
                .map(|(i, _)| start + i);
            for at in word_starts {
                let encoded_at = encoded.encoded_from(0, at);
                let encoded_end = encoded.encoded_from(encoded_at, end);
                // At the match's own start, only strictly shorter aliases; elsewhere, any inside.
                let limit = if at == start {
                    encoded_end - 1
                } else {
                    encoded_end
                };
                let found = self.automaton.find(encoded.bytes(), encoded_at..limit);
                if let Some(m) = found.filter(|m| m.start == encoded_at) {
                    let pattern = m.pattern;
                    let reason = Rejection::ShadowedByLongerMatch;
                    shadowed.push(RawRejection {
                        norm_start: at,
                        norm_end: encoded.normalized(m.end),
                        pattern,
                        reason,
                    });
                }
            }
        }
        scratch.rejections.extend(shadowed);
    }
}

impl RawRejection {
    pub(crate) fn pattern(&self) -> u32 {
        self.pattern
    }
}

impl MatchScratch {
    fn reject(&mut self, norm_start: usize, norm_end: usize, pattern: u32, reason: Rejection) {
        if self.record_rejections {
            self.rejections.push(RawRejection {
                norm_start,
                norm_end,
                pattern,
                reason,
            });
        }
    }
}

/// The entity chosen for a match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    pub(crate) alias: AliasId,
    pub(crate) entity: EntityId,
    pub(crate) label: LabelId,
    pub(crate) via: Via,
    /// How many candidates' rules held at this mention (more than one: homonyms were weighed).
    pub(crate) choices: u32,
}

/// Why a mention was accepted: which rule of its alias held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Via {
    /// The alias fires wherever it stands as a word (`when: always`).
    Always,
    /// A cue word of the entity's type stood right before it (`when: cue`).
    Cue,
    /// The entity was named unambiguously elsewhere in the document (`when: document`).
    Document,
    /// The person-name grammar found it, by the rule given.
    Grammar(PersonRule),
    /// Another entity of its country was named in the document (`when: country`).
    Country,
}

impl Via {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Always => "always",
            Via::Cue => "cue",
            Via::Document => "document",
            Via::Grammar(_) => "grammar",
            Via::Country => "country",
        }
    }
}

impl Matcher {
    /// Compiles the gazetteer's aliases and, with `name_words`, the words that open a person's name
    /// (one automaton finds both), with the given engine.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        lexicon: Lexicon,
        name_words: bool,
        engine: Engine,
    ) -> Matcher {
        // Aliases sorted by key (stably, so gazetteer order holds within a key), then one pattern per
        // key, borrowing the keys: no copy of 100,000 strings while the automaton is built.
        let aliases = gazetteer.aliases();
        // Aliases first, so that a stable sort keeps gazetteer order within a key and a key that is
        // a name word too gets its alias as the pattern's first candidate.
        let name_parts = gazetteer.name_parts();
        // A word that opens a name keeps all its classes (a given name that folds like a function
        // word: `FINAL_YEH`, `STOP`), so that the grammar needs no lookup of its own to read it.
        let openers = name_parts
            .iter()
            .filter(|(_, kinds)| name_words && !kinds.only(Kinds::OPENERS).is_empty());
        let mut entries: Vec<(&str, Entry)> = aliases
            .iter()
            .enumerate()
            .map(|(index, alias)| (alias.key.as_str(), Entry::Alias(index)))
            .chain(openers.map(|(word, kinds)| (word, Entry::NameWord(kinds))))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut keys: Vec<&str> = Vec::new();
        let mut patterns: Vec<PatternInfo> = Vec::new();
        let mut candidates = Vec::with_capacity(aliases.len());
        for (key, entry) in entries {
            if keys.last() != Some(&key) {
                keys.push(key);
                let start = table_index(candidates.len());
                let first_word_len = key.find(' ').unwrap_or(key.len());
                patterns.push(PatternInfo {
                    candidates: start..start,
                    first: Candidate::NONE,
                    all_always: true,
                    first_word_len: table_index(first_word_len),
                    first_word_zipf: lexicon.zipf(&key[..first_word_len]),
                    has_word_prefix: false,
                    name_kinds: Kinds::default(),
                    first_word_kinds: match first_word_len < key.len() && name_words {
                        true => Some(name_parts.kinds(&key[..first_word_len]))
                            .filter(|kinds| kinds.any(Kinds::OPENERS))
                            .unwrap_or_default(),
                        false => Kinds::default(),
                    },
                });
            }
            let last = patterns
                .last_mut()
                .expect("a pattern was pushed for this key");
            match entry {
                Entry::NameWord(kinds) => last.name_kinds = last.name_kinds.with(kinds),
                Entry::Alias(index) => {
                    let alias = &aliases[index];
                    let candidate = Candidate {
                        alias: AliasId::from_usize(index),
                        entity: alias.entity,
                        label: gazetteer.entity(alias.entity).label,
                        when: alias.when,
                    };
                    if last.candidates.is_empty() {
                        last.first = candidate.clone();
                    }
                    last.all_always &= candidate.when == When::Always;
                    candidates.push(candidate);
                    last.candidates.end = table_index(candidates.len());
                }
            }
        }
        for (info, has) in patterns.iter_mut().zip(word_prefixes(&keys)) {
            info.has_word_prefix = has;
        }
        let mut encoded_keys = Vec::new();
        let mut key_ends = Vec::with_capacity(keys.len());
        for key in &keys {
            alphabet::encode_key(key, &mut encoded_keys);
            key_ends.push(encoded_keys.len());
        }
        let key_starts = std::iter::once(0).chain(key_ends.iter().copied());
        let keys = key_starts.zip(&key_ends).map(|(s, &e)| &encoded_keys[s..e]);
        let automaton = Automaton::build(engine, keys);
        Matcher {
            automaton,
            patterns,
            candidates,
            lexicon,
            entity_country: entity_countries(gazetteer),
            he_words: teh_marbuta::HeWords::embedded(),
            name_filter: KindsFilter::new(name_parts.iter().map(|(word, _)| word)),
        }
    }

    /// The word list that decides proclitics, for the name grammar's word frequencies too.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The filter over the words of the name files.
    pub(crate) fn name_filter(&self) -> &KindsFilter {
        &self.name_filter
    }

    /// Finds every accepted match in `text`, in order, never overlapping, into `scratch.raw`.
    pub(crate) fn scan(
        &self,
        gazetteer: &Gazetteer,
        text: &Normalized,
        scratch: &mut MatchScratch,
    ) {
        scratch.raw.clear();
        scratch.statuses.clear();
        scratch.rejections.clear();
        scratch.name_words.clear();
        scratch.has_choices = false;
        let hay = text.as_str();
        let mut encoded = std::mem::take(&mut scratch.encoded);
        encoded.encode(hay);
        let bytes = encoded.bytes();
        // Where the search goes on, in encoded bytes; every check below is on normalised offsets.
        let mut at = 0;
        while at < bytes.len() {
            let Some(found) = self.automaton.find(bytes, at..bytes.len()) else {
                break;
            };
            let start = encoded.normalized(found.start);
            let found_end = encoded.normalized(found.end);
            let pattern = found.pattern;
            // A match that starts deep inside a word cannot be rescued by a shorter alias, and no
            // match can start later in that word: go on at the next word.
            let Some(clitic_start) = word_start(hay, start) else {
                scratch.reject(start, found_end, pattern, Rejection::InsideWord);
                at = encoded.encoded_from(found.start, next_word_start(hay, start));
                continue;
            };
            // Nor can one whose proclitics are not proclitics (`ال` + `بوكمال`) or that starts inside
            // an expanded character: go on at the next character.
            let Some(clitics) = self.clitics(text, clitic_start, start) else {
                scratch.reject(start, found_end, pattern, Rejection::NotProclitics);
                let next = start + char_len_at(hay, start);
                at = encoded.encoded_from(found.start, next);
                continue;
            };
            let (mut end, mut encoded_end, mut pattern) = (found_end, found.end, pattern);
            loop {
                let verdict = self.accept(
                    gazetteer,
                    text,
                    (clitic_start, clitics),
                    start,
                    end,
                    pattern,
                    scratch,
                );
                match verdict {
                    Ok(()) => break,
                    Err(reason) => scratch.reject(start, end, pattern, reason),
                }
                // The blind spot: a shorter alias at the same start may pass where the longest
                // failed. Leftmost-longest over `start..end - 1` finds the longest one there, if any;
                // a match starting later means there is none (and needs no anchored automaton).
                let shorter = found.start..encoded_end - 1;
                let retry = self.patterns[pattern as usize].has_word_prefix;
                match self
                    .automaton
                    .find(bytes, shorter)
                    .filter(|m| retry && m.start == found.start)
                {
                    Some(m) => {
                        end = encoded.normalized(m.end);
                        encoded_end = m.end;
                        pattern = m.pattern;
                    }
                    None => {
                        end = start;
                        break;
                    }
                }
            }
            at = if end > start {
                encoded_end
            } else {
                let next = next_candidate_start(text, clitic_start, start);
                encoded.encoded_from(found.start, next)
            };
        }
        scratch.encoded = encoded;
    }

    /// The proclitics written before a match that starts at `start` in a word starting at
    /// `clitic_start`, without a restored alef (`لال…` → `ل`); `None` when they are no proclitics or
    /// the start falls inside an expanded character.
    fn clitics<'t>(
        &self,
        text: &'t Normalized,
        clitic_start: usize,
        start: usize,
    ) -> Option<&'t str> {
        let hay = text.as_str();
        let written = &hay[clitic_start..start];
        let offsets = &text.offsets;
        // `للبنان`: the alias `لبنان` starts right after the restored alef, on the same original ل.
        let restored_alef = written.len() >= 4
            && written.ends_with('ا')
            && offsets.original_start(start - 2) == offsets.original_start(start);
        let clitics = if restored_alef {
            &written[..written.len() - 2]
        } else {
            written
        };
        let fits = clitics.is_empty() || PROCLITICS.contains(&clitics);
        (fits && (restored_alef || offsets.is_original_boundary(start))).then_some(clitics)
    }

    /// Checks one match whose start passed and, when it passes, records it with its candidates'
    /// statuses.
    #[allow(clippy::too_many_arguments)] // one hot call site; a struct would only rename them
    fn accept(
        &self,
        gazetteer: &Gazetteer,
        text: &Normalized,
        (clitic_start, clitics): (usize, &str),
        start: usize,
        end: usize,
        pattern: u32,
        scratch: &mut MatchScratch,
    ) -> Result<(), Rejection> {
        let hay = text.as_str();
        let at_word_end = hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if !at_word_end || !text.offsets.is_original_boundary(end) {
            return Err(Rejection::WordContinues);
        }
        let info = &self.patterns[pattern as usize];
        let whole_zipf = if clitics.is_empty() {
            0.0
        } else {
            let first_word_end = start + info.first_word_len as usize;
            self.lexicon
                .zipf(&hay[clitic_start..first_word_end.min(end)])
        };
        let status_start = scratch.statuses.len();
        let mut live = 0;
        let mut pending = false;
        let mut clitic_word = false;
        let clitic_is_word = !clitics.is_empty() && whole_zipf > info.first_word_zipf;
        // `كمينا` is a word, not ك + `مينا`: "like" hardly ever precedes a person's name.
        if !clitic_is_word && !clitics.contains('ك') {
            let (kinds, word_end) = if info.name_kinds.is_empty() {
                (
                    info.first_word_kinds,
                    (start + info.first_word_len as usize).min(end),
                )
            } else {
                (info.name_kinds, end)
            };
            if !kinds.is_empty() {
                scratch.name_words.push(NameWord {
                    norm_start: start,
                    norm_end: word_end,
                    norm_clitic_start: clitic_start,
                    kinds,
                });
            }
        }
        let count = (info.candidates.end - info.candidates.start) as usize;
        if count == 0 {
            // A name word and nothing else: the scan goes on after it.
            return Ok(());
        }
        // Adjectives are no places; other types keep the reading (a list of any phrases, say).
        let adjective = reads_as_adjective(gazetteer, hay, clitic_start, clitics, &hay[start..end]);
        let mut adjective_of_place = false;
        let mut rejects_adjective = |label| {
            let place = adjective && label == PLACE_LABEL;
            adjective_of_place |= place;
            place
        };
        if info.all_always && count == 1 {
            // The common case: one candidate that fires anywhere; nothing to read or weigh.
            let rejected = clitic_is_word || rejects_adjective(info.first.label);
            let status = if rejected {
                Status::Rejected
            } else {
                Status::Always
            };
            clitic_word = clitic_is_word;
            live = if rejected { 0 } else { count };
            scratch.statuses.extend(std::iter::repeat_n(status, count));
        } else {
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            for candidate in candidates {
                let status = if clitic_is_word {
                    clitic_word = true;
                    Status::Rejected
                } else if rejects_adjective(candidate.label) {
                    Status::Rejected
                } else {
                    candidate_status(gazetteer, hay, clitic_start..end, candidate)
                };
                live += usize::from(status != Status::Rejected);
                pending |= status == Status::Pending;
                scratch.statuses.push(status);
            }
        }
        scratch.has_choices |= live > 1 || pending;
        if live == 0 {
            scratch.statuses.truncate(status_start);
            return Err(if clitic_word {
                Rejection::ProcliticReadingIsAWord
            } else if adjective_of_place {
                Rejection::AdjectiveOfPrecedingWord
            } else {
                Rejection::ContextRuleNotMet
            });
        }
        let norm_clitics = if clitic_start < start {
            clitic_start..start
        } else {
            // Detached proclitics are the word before the quote mark, which may be the end of the
            // previous match (`أ. ف. ب "كريدي"`): then they are its letters, not proclitics.
            let previous_end = scratch.raw.last().map_or(0, |r| r.norm_end);
            detached_clitics(hay, start)
                .filter(|clitics| clitics.start >= previous_end)
                .unwrap_or(start..start)
        };
        scratch.raw.push(RawMatch {
            norm_start: start,
            norm_end: end,
            norm_clitics,
            pattern,
            statuses: table_index(status_start),
        });
        Ok(())
    }

    /// Chooses an entity for every match in `scratch.raw`, calling `emit` in text order; matches whose
    /// only candidates wait for an anchor that never came are dropped.
    pub(crate) fn resolve(
        &self,
        scratch: &mut MatchScratch,
        mut emit: impl FnMut(&RawMatch, Resolved),
    ) {
        if !scratch.has_choices {
            // Every match has exactly one live candidate that fired on its own.
            for raw in &scratch.raw {
                let info = &self.patterns[raw.pattern as usize];
                let statuses = &scratch.statuses[raw.statuses as usize..];
                let live = (info.candidates.start as usize..info.candidates.end as usize)
                    .zip(statuses)
                    .find(|(_, status)| **status != Status::Rejected);
                if let Some((index, &status)) = live {
                    let c = if index == info.candidates.start as usize {
                        &info.first
                    } else {
                        &self.candidates[index]
                    };
                    let via = if status == Status::Cue {
                        Via::Cue
                    } else {
                        Via::Always
                    };
                    let resolved = Resolved {
                        alias: c.alias,
                        entity: c.entity,
                        label: c.label,
                        via,
                        choices: 1,
                    };
                    emit(raw, resolved);
                }
            }
            return;
        }
        self.collect_anchors(scratch);
        let mut no_anchor = Vec::new();
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let first_status = scratch.statuses[raw.statuses as usize];
            if info.candidates.len() == 1
                && matches!(
                    first_status,
                    Status::Always | Status::Cue | Status::CuedAlways
                )
            {
                // Nothing to weigh: the one candidate fired on its own.
                let via = if first_status == Status::Cue {
                    Via::Cue
                } else {
                    Via::Always
                };
                let c = &info.first;
                emit(
                    raw,
                    Resolved {
                        alias: c.alias,
                        entity: c.entity,
                        label: c.label,
                        via,
                        choices: 1,
                    },
                );
                continue;
            }
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let mut choices = 0;
            let best = candidates
                .iter()
                .zip(statuses)
                .enumerate()
                .filter_map(|(order, (candidate, &status))| {
                    let anchored = scratch.anchored.binary_search(&candidate.entity).is_ok();
                    let country = self.entity_country[candidate.entity.as_usize()];
                    let in_context =
                        country != 0 && scratch.anchored_countries.binary_search(&country).is_ok();
                    let by_country = status == Status::Pending
                        && !anchored
                        && candidate.when == When::Country
                        && in_context;
                    let holds = match status {
                        Status::CuedAlways | Status::Cue | Status::Always => true,
                        Status::Pending => anchored || by_country,
                        Status::Rejected => false,
                    };
                    choices += u32::from(holds);
                    let cued = matches!(status, Status::CuedAlways | Status::Cue);
                    // A cue beats an anchor, which beats the country the document is about (`طرابلس`
                    // in a text that names لبنان), which beats a plain alias; then gazetteer order.
                    let rank = (!cued, !anchored, !in_context, status, order);
                    holds.then_some((rank, candidate, status, by_country))
                })
                .min_by(|a, b| a.0.cmp(&b.0));
            if best.is_none() && scratch.record_rejections {
                let (norm_start, norm_end, pattern) = (raw.norm_start, raw.norm_end, raw.pattern);
                let by_country = candidates.iter().any(|c| c.when == When::Country);
                let reason = if by_country {
                    Rejection::CountryNotInDocument
                } else {
                    Rejection::NoAnchor
                };
                no_anchor.push(RawRejection {
                    norm_start,
                    norm_end,
                    pattern,
                    reason,
                });
            }
            if let Some((_, c, status, by_country)) = best {
                let via = match status {
                    Status::Cue => Via::Cue,
                    Status::Pending if by_country => Via::Country,
                    Status::Pending => Via::Document,
                    Status::CuedAlways | Status::Always | Status::Rejected => Via::Always,
                };
                let resolved = Resolved {
                    alias: c.alias,
                    entity: c.entity,
                    label: c.label,
                    via,
                    choices,
                };
                emit(raw, resolved);
            }
        }
        scratch.rejections.extend(no_anchor);
    }

    /// Entities named unambiguously in the document: by a match whose only live candidate fired on
    /// its own. They resolve `document` aliases and break ties between homonyms.
    fn collect_anchors(&self, scratch: &mut MatchScratch) {
        scratch.anchored.clear();
        scratch.anchored_countries.clear();
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let mut live = candidates
                .iter()
                .zip(statuses)
                .filter(|(_, s)| **s != Status::Rejected);
            let fired = |s| matches!(s, Status::CuedAlways | Status::Cue | Status::Always);
            if let (Some((only, &status)), None) = (live.next(), live.next())
                && fired(status)
            {
                scratch.anchored.push(only.entity);
            }
            // A match whose candidates that fired on their own all lie in one country points to
            // that country even when it is not one entity (`الرقة`: the city and, waiting for an
            // anchor, the governorate).
            if let Some(country) =
                context::fired_country(&self.entity_country, candidates, statuses)
            {
                scratch.anchored_countries.push(country);
            }
        }
        scratch.anchored.sort_unstable();
        scratch.anchored.dedup();
        let countries = scratch
            .anchored
            .iter()
            .map(|e| self.entity_country[e.as_usize()]);
        scratch
            .anchored_countries
            .extend(countries.filter(|&c| c != 0));
        scratch.anchored_countries.sort_unstable();
        scratch.anchored_countries.dedup();
    }
}

/// The status of a candidate whose word checks passed, from its `when` rule.
fn candidate_status(
    gazetteer: &Gazetteer,
    hay: &str,
    word: std::ops::Range<usize>,
    candidate: &Candidate,
) -> Status {
    let cued = |label| {
        preceded_by_cue(gazetteer, hay, word.start, label)
            || (gazetteer.is_cue(label, QUOTED_CUE) && is_quoted(hay, word.clone()))
    };
    match candidate.when {
        When::Always if gazetteer.has_cues(candidate.label) && cued(candidate.label) => {
            Status::CuedAlways
        }
        When::Always => Status::Always,
        when if when.allows_cue() && cued(candidate.label) => Status::Cue,
        when if when.allows_document() => Status::Pending,
        _ => Status::Rejected,
    }
}

/// Whether the word before `norm_start` (after spaces and quote marks: `مدينة (القائم)`) is a cue for
/// `label`, possibly with its own proclitics (`بمدينة`).
fn preceded_by_cue(gazetteer: &Gazetteer, hay: &str, norm_start: usize, label: LabelId) -> bool {
    let before = hay[..norm_start].trim_end_matches(|c| c == ' ' || is_quote(c));
    if before.len() == norm_start {
        return false; // glued to something that is not a proclitic
    }
    let word = last_word(before);
    !word.is_empty()
        && (gazetteer.is_cue(label, word)
            || PROCLITICS.iter().any(|p| {
                word.strip_prefix(p)
                    .is_some_and(|rest| gazetteer.is_cue(label, rest))
            }))
}

/// The cue word that stands for quote marks around a name: Arabic news quotes the names of outlets
/// (`لـ«الشرق الأوسط»`, `"الحياة"`), so for ORG a quoted name is as good as `صحيفة` before it.
const QUOTED_CUE: &str = "«»";

/// Whether the normalised range `word` (a match with its proclitics) stands between an opening and a
/// closing quote mark, spaces allowed inside them.
fn is_quoted(hay: &str, word: std::ops::Range<usize>) -> bool {
    let before = hay[..word.start].trim_end_matches(' ').chars().next_back();
    let after = hay[word.end..].trim_start_matches(' ').chars().next();
    matches!(before, Some('«' | '"' | '“' | '\'' | '‘'))
        && matches!(after, Some('»' | '"' | '”' | '\'' | '’'))
}

/// Whether a one-word match reads as an adjective agreeing with the word before it, not the place it
/// also spells:
/// - indefinite: a feminine nisba (`سورية`, "Syrian") right after an indefinite feminine word
///   (`عائلة سورية`, "a Syrian family"; `مصادر عراقية وسورية`), not `في سورية`;
/// - definite: a feminine word with the article right after a definite feminine word or plural
///   (`الأسلحة الحديثة`, "the modern weapons"; `السلطات السعودية`, "the Saudi authorities";
///   `القائمة السوداء`, "the black list"), not `زار السعودية`. Nationality adjectives are no
///   entities (annotation guideline).
///
/// A cue word before it (`مدينة`, `بلدة`, `العاصمة`) keeps the name reading (`العاصمة الدوحة`), and so
/// do prepositions glued to it, and for a definite name any proclitic: `الرقة والحسكة` are two places.
fn reads_as_adjective(
    gazetteer: &Gazetteer,
    hay: &str,
    clitic_start: usize,
    clitics: &str,
    name: &str,
) -> bool {
    // Normalised: ة is ه, so the nisba ending ية is يه.
    let definite = name.starts_with("ال");
    // Definite feminine adjectives end in ة or, for colours and the like, in اء (`السوداء`).
    let agreeing = if definite {
        name.ends_with('ه') || name.ends_with("اء")
    } else {
        name.ends_with("يه")
    };
    let clitics_allowed = if definite {
        clitics.is_empty()
    } else {
        matches!(clitics, "" | "و" | "ف")
    };
    if !agreeing || name.contains(' ') || !clitics_allowed {
        return false;
    }
    let Some(before) = hay[..clitic_start].strip_suffix(' ') else {
        return false;
    };
    let word = last_word(before);
    let bare = word.strip_prefix("ال").unwrap_or(word);
    let feminine = word.ends_with('ه') || (definite && word.ends_with("ات"));
    let is_cue = || {
        (0..gazetteer.labels().len()).any(|l| {
            let label = LabelId::from_usize(l);
            gazetteer.is_cue(label, word) || gazetteer.is_cue(label, bare)
        })
    };
    feminine && word.starts_with("ال") == definite && bare.chars().count() >= 3 && !is_cue()
}

/// The run of word characters at the end of `text`.
pub(crate) fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// Where the word containing `norm_idx` starts, looking back at most two characters (the longest
/// proclitic sequence). `None` when the word starts further back: the match is inside a longer word.
fn word_start(hay: &str, norm_idx: usize) -> Option<usize> {
    let mut start = norm_idx;
    for (i, c) in hay[..norm_idx]
        .char_indices()
        .rev()
        .take(PROCLITIC_MAX_CHARS + 1)
    {
        if !is_word_char(c) {
            return Some(start);
        }
        if norm_idx - i > PROCLITIC_MAX_BYTES {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Where the next match could start after a rejected one at `start` in the word starting at
/// `word_start`: a later position in the same word only if what precedes it there could be proclitics,
/// else the next word.
fn next_candidate_start(text: &Normalized, word_start: usize, start: usize) -> usize {
    let hay = text.as_str();
    let mut pos = start + char_len_at(hay, start);
    while pos - word_start <= PROCLITIC_MAX_BYTES && pos < hay.len() {
        let prefix = &hay[word_start..pos];
        if prefix.chars().all(is_word_char)
            && (PROCLITICS.contains(&prefix) || prefix.ends_with('ا'))
        {
            return pos;
        }
        pos += char_len_at(hay, pos);
    }
    next_word_start(hay, start)
}

/// For each of the sorted, distinct `keys`, whether another key is it cut at a space (`حزب الله` of
/// `حزب الله العراقي`).
///
/// The keys that are prefixes of a key come before it in sorted order and form a chain, kept on a
/// stack: each key is pushed and popped once and compared with the top, so this is linear in the
/// keys' length (a binary search per space was quadratic in a long alias).
fn word_prefixes<'k>(keys: &'k [&'k str]) -> impl Iterator<Item = bool> + 'k {
    let mut chain: Vec<&str> = Vec::new();
    keys.iter().map(move |key| {
        while chain.last().is_some_and(|top| !key.starts_with(top)) {
            chain.pop();
        }
        let has = chain
            .iter()
            .any(|prefix| key.as_bytes().get(prefix.len()) == Some(&b' '));
        chain.push(key);
        has
    })
}

/// The start of the first word after the word that contains `norm_idx` (or the end of the text).
fn next_word_start(hay: &str, norm_idx: usize) -> usize {
    let rest = &hay[norm_idx..];
    let word_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let after = &rest[word_end..];
    let gap = after.find(is_word_char).unwrap_or(after.len());
    norm_idx + word_end + gap
}

/// The byte length of the character at `idx`.
fn char_len_at(hay: &str, idx: usize) -> usize {
    hay[idx..].chars().next().map_or(1, char::len_utf8)
}

/// The proclitics written apart from a name, before the quote mark that opens it (`لـ"قاسم`,
/// `بـ «داعش»`), as a normalised byte range.
fn detached_clitics(hay: &str, norm_start: usize) -> Option<std::ops::Range<usize>> {
    let before = &hay[..norm_start];
    let unquoted = before.trim_end_matches(|c| c == ' ' || is_quote(c));
    if !before[unquoted.len()..].contains(is_quote) {
        return None;
    }
    let clitics = last_word(unquoted);
    let clitic_start = unquoted.len() - clitics.len();
    let separated = unquoted[..clitic_start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    (separated && PROCLITICS.contains(&clitics)).then_some(clitic_start..unquoted.len())
}

fn table_index(index: usize) -> u32 {
    u32::try_from(index).expect("matcher tables hold fewer than 2^32 rows")
}
