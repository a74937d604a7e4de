//! Finding aliases in normalised text: the automaton, word and clitic checks, context rules and the
//! choice among entities that share an alias.
//!
//! The automaton holds every alias once, normalised and deduplicated; a side table maps each pattern
//! to its candidates (alias, entity, type, rule). For an alias starting with the article `ال`, a second
//! pattern `ل…` is added, because `ل` + `ال` is written `لل` (`للبوكمال`): that pattern only counts after
//! a `ل` proclitic, and its span starts at the second `ل`, as the annotation guideline has it.
//!
//! A match found by the automaton is accepted when:
//! 1. it ends at a word end and starts and ends between original characters;
//! 2. it starts at a word start, or after proclitics (`و`/`ف`, then `ب`/`ل`/`ك`) glued to it, and the
//!    whole word is not a word of its own (see [`crate::Lexicon`]): `وحلب` yes, `وزارة` no;
//! 3. at least one candidate's rule holds (`always`; `cue` when a cue word precedes).
//!
//! Leftmost-longest matching has a blind spot: when the longest alias at a position fails these checks,
//! a shorter alias at the same position may pass. So a rejected match is retried with searches that
//! end before it, and only then does the search move one character on.
//!
//! After the scan, each match picks one entity (see [`Resolver`]): candidates whose rule held, an
//! entity named unambiguously elsewhere in the document first.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use crate::gazetteer::{Gazetteer, When};
use crate::lexicon::Lexicon;
use crate::normalize::{Normalized, is_word_char};
use crate::span::{AliasId, EntityId, LabelId};

/// The article, as written at the start of an alias key.
const ARTICLE: &str = "ال";

/// The proclitic sequences that may be glued to a name: an optional conjunction, then an optional
/// preposition, at least one of them.
const PROCLITICS: [&str; 11] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"];

/// The longest proclitic sequence, in characters and in (two-byte Arabic) bytes.
const PROCLITIC_MAX_CHARS: usize = 2;
const PROCLITIC_MAX_BYTES: usize = 4;

/// Characters that may stand between a proclitic and the name it governs (`بـ«داعش»`; tatweel is
/// already gone after normalisation).
fn is_quote(c: char) -> bool {
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
    /// The `لل` form: the pattern is the alias with its article's alef dropped.
    lam_lam: bool,
    /// Zipf frequency of the alias's first word in dictionary form, for the clitic decision.
    first_word_zipf: f32,
}

#[derive(Clone, Debug)]
struct PatternInfo {
    candidates: std::ops::Range<u32>,
    /// Byte length of the pattern's first word.
    first_word_len: u32,
}

/// The compiled aliases of a gazetteer.
#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<PatternInfo>,
    candidates: Vec<Candidate>,
    lexicon: Lexicon,
}

/// How a candidate fared at one match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
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
    /// Where the proclitics start (`norm_start` when there are none).
    pub(crate) norm_clitic_start: usize,
    pattern: u32,
    /// Index of this match's first status in the scratch status table.
    statuses: u32,
}

/// Per-document buffers, reused across documents.
#[derive(Debug, Default)]
pub(crate) struct MatchScratch {
    pub(crate) raw: Vec<RawMatch>,
    statuses: Vec<Status>,
    anchored: Vec<EntityId>,
}

/// The entity chosen for a match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    pub(crate) alias: AliasId,
    pub(crate) entity: EntityId,
    pub(crate) label: LabelId,
}

impl Matcher {
    /// Compiles the gazetteer's aliases.
    pub(crate) fn new(gazetteer: &Gazetteer, lexicon: Lexicon) -> Matcher {
        let mut by_key: HashMap<String, Vec<Candidate>> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        for (index, alias) in gazetteer.aliases().iter().enumerate() {
            let entity = gazetteer.entity(alias.entity);
            let first_word = alias.key.split(' ').next().unwrap_or_default();
            let candidate = Candidate {
                alias: AliasId::from_usize(index),
                entity: alias.entity,
                label: entity.label,
                when: alias.when,
                lam_lam: false,
                first_word_zipf: lexicon.zipf(first_word),
            };
            let mut add = |key: String, candidate: Candidate| {
                by_key
                    .entry(key)
                    .or_insert_with_key(|key| {
                        keys.push(key.clone());
                        Vec::new()
                    })
                    .push(candidate);
            };
            if let Some(rest) = alias.key.strip_prefix(ARTICLE).filter(|r| !r.is_empty()) {
                let lam_lam = Candidate {
                    lam_lam: true,
                    ..candidate.clone()
                };
                add(format!("ل{rest}"), lam_lam);
            }
            add(alias.key.clone(), candidate);
        }
        let mut patterns = Vec::with_capacity(keys.len());
        let mut candidates = Vec::new();
        for key in &keys {
            let start = candidates.len();
            candidates.extend(by_key.remove(key).expect("every key has candidates"));
            let first_word_len = key.find(' ').unwrap_or(key.len());
            patterns.push(PatternInfo {
                candidates: table_index(start)..table_index(candidates.len()),
                first_word_len: table_index(first_word_len),
            });
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("aliases are short enough for the automaton");
        Matcher {
            automaton,
            patterns,
            candidates,
            lexicon,
        }
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
        let hay = text.as_str();
        let mut pos = 0;
        while pos < hay.len() {
            let input = Input::new(hay).span(pos..hay.len());
            let Some(found) = self.automaton.find(input) else {
                break;
            };
            let start = found.start();
            let mut end = found.end();
            let mut pattern = found.pattern().as_u32();
            loop {
                if self.accept(gazetteer, text, start, end, pattern, scratch) {
                    break;
                }
                // The blind spot: a shorter alias at the same start may pass where the longest
                // failed. Leftmost-longest over `start..end - 1` finds the longest one there, if any;
                // a match starting later means there is none (and needs no anchored automaton).
                let shorter = Input::new(hay).span(start..end - 1);
                match self.automaton.find(shorter).filter(|m| m.start() == start) {
                    Some(m) => {
                        end = m.end();
                        pattern = m.pattern().as_u32();
                    }
                    None => {
                        end = start;
                        break;
                    }
                }
            }
            pos = if end > start {
                end
            } else {
                start + char_len_at(hay, start)
            };
        }
    }

    /// Checks one match and, when it passes, records it with its candidates' statuses.
    fn accept(
        &self,
        gazetteer: &Gazetteer,
        text: &Normalized,
        start: usize,
        end: usize,
        pattern: u32,
        scratch: &mut MatchScratch,
    ) -> bool {
        let hay = text.as_str();
        let at_word_end = hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
        if !at_word_end
            || !text.offsets.is_original_boundary(start)
            || !text.offsets.is_original_boundary(end)
        {
            return false;
        }
        let info = &self.patterns[pattern as usize];
        let Some(clitic_start) = word_start(hay, start) else {
            return false;
        };
        let clitics = &hay[clitic_start..start];
        let first_word_end = start + info.first_word_len as usize;
        let whole_word = &hay[clitic_start..first_word_end.min(end)];
        let whole_zipf = if clitics.is_empty() {
            0.0
        } else {
            self.lexicon.zipf(whole_word)
        };
        let status_start = scratch.statuses.len();
        let mut any = false;
        let candidates =
            &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
        for candidate in candidates {
            let status = if !clitics_fit(clitics, candidate.lam_lam)
                || (!clitics.is_empty() && whole_zipf > candidate.first_word_zipf)
            {
                Status::Rejected
            } else {
                candidate_status(gazetteer, hay, clitic_start, candidate)
            };
            any |= status != Status::Rejected;
            scratch.statuses.push(status);
        }
        if !any {
            scratch.statuses.truncate(status_start);
            return false;
        }
        scratch.raw.push(RawMatch {
            norm_start: start,
            norm_end: end,
            norm_clitic_start: clitic_start,
            pattern,
            statuses: table_index(status_start),
        });
        true
    }

    /// Chooses an entity for every match in `scratch.raw`, calling `emit` in text order; matches whose
    /// only candidates wait for an anchor that never came are dropped.
    pub(crate) fn resolve(
        &self,
        scratch: &mut MatchScratch,
        mut emit: impl FnMut(&RawMatch, Resolved),
    ) {
        self.collect_anchors(scratch);
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let best = candidates
                .iter()
                .zip(statuses)
                .enumerate()
                .filter_map(|(order, (candidate, &status))| {
                    let anchored = scratch.anchored.binary_search(&candidate.entity).is_ok();
                    let holds = match status {
                        Status::Cue | Status::Always => true,
                        Status::Pending => anchored,
                        Status::Rejected => false,
                    };
                    // A cue beats an anchor, which beats a plain alias; then gazetteer order.
                    holds.then_some(((status != Status::Cue, !anchored, status, order), candidate))
                })
                .min_by(|a, b| a.0.cmp(&b.0))
                .map(|(_, candidate)| candidate);
            if let Some(c) = best {
                emit(
                    raw,
                    Resolved {
                        alias: c.alias,
                        entity: c.entity,
                        label: c.label,
                    },
                );
            }
        }
    }

    /// Entities named unambiguously in the document: by a match whose only live candidate fired on
    /// its own. They resolve `document` aliases and break ties between homonyms.
    fn collect_anchors(&self, scratch: &mut MatchScratch) {
        scratch.anchored.clear();
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let mut live = candidates
                .iter()
                .zip(statuses)
                .filter(|(_, s)| **s != Status::Rejected);
            if let (Some((only, Status::Cue | Status::Always)), None) = (live.next(), live.next()) {
                scratch.anchored.push(only.entity);
            }
        }
        scratch.anchored.sort_unstable();
        scratch.anchored.dedup();
    }
}

/// Whether the proclitics before a match are a valid sequence for the candidate's form.
fn clitics_fit(clitics: &str, lam_lam: bool) -> bool {
    if lam_lam {
        // `للبوكمال`: the first ل is the preposition, possibly after و or ف.
        matches!(clitics, "ل" | "ول" | "فل")
    } else {
        clitics.is_empty() || PROCLITICS.contains(&clitics)
    }
}

/// The status of a candidate whose word checks passed, from its `when` rule.
fn candidate_status(
    gazetteer: &Gazetteer,
    hay: &str,
    clitic_start: usize,
    candidate: &Candidate,
) -> Status {
    match candidate.when {
        When::Always => Status::Always,
        when if when.allows_cue()
            && preceded_by_cue(gazetteer, hay, clitic_start, candidate.label) =>
        {
            Status::Cue
        }
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

/// The run of word characters at the end of `text`.
fn last_word(text: &str) -> &str {
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

/// The byte length of the character at `idx`.
fn char_len_at(hay: &str, idx: usize) -> usize {
    hay[idx..].chars().next().map_or(1, char::len_utf8)
}

/// The proclitics written apart from a name, before the quote mark that opens it (`لـ"قاسم`,
/// `بـ «داعش»`), as a normalised byte range.
pub(crate) fn detached_clitics(hay: &str, norm_start: usize) -> Option<std::ops::Range<usize>> {
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
