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
//!
//! The parts: [`build`] compiles the tables and the automaton from the gazetteer, [`scan`] runs the
//! search loop, [`rules`] holds the `when` rules and cue words, [`context`] the document's countries,
//! [`resolve`] the choice among homonyms, and [`explain`] the reasons candidates were turned down.

mod alphabet;
mod automaton;
mod build;
mod context;
mod explain;
pub(crate) mod facility;
mod image;
mod nisba;
#[cfg(test)]
mod regression;
mod resolve;
mod rules;
mod scan;
mod teh_marbuta;

use self::alphabet::Encoded;
pub(crate) use self::automaton::Engine;
use self::automaton::{Automaton, Hit};
pub(crate) use self::explain::RawRejection;
pub use self::explain::Rejection;
pub(crate) use self::resolve::Resolved;
pub use self::resolve::Via;

use crate::gazetteer::When;
use crate::gazetteer::names::Kinds;
use crate::lexicon::Lexicon;
use crate::normalize::is_word_char;
use crate::person::KindsFilter;
use crate::span::{AliasId, EntityId, LabelId};

/// The proclitic sequences that may be glued to a name: an optional conjunction, then an optional
/// preposition, at least one of them. The one table of them: the name grammar, the gazetteer lint
/// and the suggestions read it too.
pub(crate) const PROCLITICS: [&str; 11] =
    ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Whether `c` is a proclitic on its own: a one-letter entry of [`PROCLITICS`].
pub(crate) fn is_proclitic_letter(c: char) -> bool {
    PROCLITICS.iter().any(|p| {
        let mut letters = p.chars();
        letters.next() == Some(c) && letters.next().is_none()
    })
}

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

/// The byte after a name word's pattern: the space before the next word.
///
/// Every rule of the name grammar reads a word after the one that opens it (a title's name, a given
/// name's family name), and normalised text has one space between words. A pattern that is a name word
/// and nothing else therefore carries that space, so that the automaton stops only where a name can
/// open: not at `ام` in `امام`, `غي` in `غير` or `مي` in `ميدان`, two in five of the stops that
/// name words made. [`Matcher::find`] takes the space off again.
pub(super) const NAME_WORD_END: u8 = b' ';

impl PatternInfo {
    /// Whether the pattern is a name word and no alias: its key ends with [`NAME_WORD_END`].
    fn is_name_word_only(&self) -> bool {
        self.candidates.is_empty()
    }
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
    /// The gazetteer's cue words, compiled.
    cues: rules::Cues,
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

impl Matcher {
    /// The word list that decides proclitics, for the name grammar's word frequencies too.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The filter over the words of the name files.
    pub(crate) fn name_filter(&self) -> &KindsFilter {
        &self.name_filter
    }

    /// The leftmost-longest match in `hay[span]` (encoded text), ending where its alias or name word
    /// ends: without the [`NAME_WORD_END`] a name word's pattern carries.
    fn find(&self, hay: &[u8], span: std::ops::Range<usize>) -> Option<Hit> {
        let mut hit = self.automaton.find(hay, span)?;
        if self.patterns[hit.pattern as usize].is_name_word_only() {
            hit.end -= 1;
        }
        Some(hit)
    }
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

fn table_index(index: usize) -> u32 {
    u32::try_from(index).expect("matcher tables hold fewer than 2^32 rows")
}

#[cfg(test)]
mod tests {
    use super::{PROCLITICS, is_proclitic_letter};

    /// The table is every non-empty sequence of an optional conjunction and an optional
    /// preposition, each once.
    #[test]
    fn proclitics_are_conjunction_then_preposition() {
        let mut expected = Vec::new();
        for conjunction in ["", "و", "ف"] {
            for preposition in ["", "ب", "ل", "ك"] {
                let sequence = format!("{conjunction}{preposition}");
                if !sequence.is_empty() {
                    expected.push(sequence);
                }
            }
        }
        let mut table: Vec<String> = PROCLITICS.iter().map(|p| (*p).to_owned()).collect();
        expected.sort();
        table.sort();
        assert_eq!(table, expected);
    }

    #[test]
    fn proclitic_letters_are_the_one_letter_sequences() {
        let cases = [
            ("waw", 'و', true),
            ("fa", 'ف', true),
            ("ba", 'ب', true),
            ("lam", 'ل', true),
            ("kaf", 'ك', true),
            ("alef", 'ا', false),
            ("seen", 'س', false),
        ];
        for (name, letter, expected) in cases {
            assert_eq!(is_proclitic_letter(letter), expected, "{name}");
        }
    }
}
