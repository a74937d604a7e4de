//! The search loop over normalised text: the automaton's matches, word and clitic checks, and the
//! retry of shorter aliases where the longest failed.

use super::nisba::nisba_names_no_group;
use super::rules::{candidate_status, reads_as_adjective};
use super::{
    MatchScratch, Matcher, NameWord, PROCLITIC_MAX_BYTES, PROCLITIC_MAX_CHARS, PROCLITICS,
    RawMatch, Rejection, Status, is_quote, last_word, table_index,
};
use crate::gazetteer::names::Kinds;
use crate::gazetteer::{ARMED_GROUP_LABEL, PLACE_LABEL};
use crate::lexicon::Word as LexiconWord;
use crate::normalize::{Normalized, is_word_char, word_len};

impl Matcher {
    /// Finds every accepted match in `text`, in order, never overlapping, into `scratch.raw`.
    pub(crate) fn scan(&self, text: &Normalized, scratch: &mut MatchScratch) {
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
            let Some(found) = self.find(bytes, at..bytes.len()) else {
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
                let verdict =
                    self.accept(text, (clitic_start, clitics), start, end, pattern, scratch);
                match verdict {
                    Ok(()) => break,
                    Err(reason) => scratch.reject(start, end, pattern, reason),
                }
                // The blind spot: a shorter alias at the same start may pass where the longest
                // failed. Leftmost-longest over `start..end - 1` finds the longest one there, if any;
                // a match starting later means there is none (and needs no anchored automaton).
                // A pattern with no alias among its word prefixes has nothing to retry: most
                // rejected hits are such (a given name at the start of a longer word), and the
                // search would cost as much as the hit.
                let shorter = found.start..encoded_end - 1;
                let retry = self.patterns[pattern as usize].has_word_prefix;
                match retry
                    .then(|| self.find(bytes, shorter))
                    .flatten()
                    .filter(|m| m.start == found.start)
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
        let whole = if clitics.is_empty() {
            LexiconWord::default()
        } else {
            let first_word_end = start + info.first_word_len as usize;
            self.lexicon
                .word(&hay[clitic_start..first_word_end.min(end)])
        };
        let status_start = scratch.statuses.len();
        let mut live = 0;
        let mut pending = false;
        let mut clitic_word = false;
        // A word more frequent than its remainder is a word (`وزارة`, not و + `زارة`), and so is a
        // word the name files list (`بكير` is a name, not ب + `كير`): with the name grammar on, the
        // lexicon knows those.
        let clitic_is_word = !clitics.is_empty()
            && (whole.zipf > info.first_word_zipf || whole.kinds.any(Kinds::OPENERS));
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
        // Adjectives are no places, and a nisba is no group; other types keep the reading (a list
        // of any phrases, say).
        let name = &hay[start..end];
        let adjective = reads_as_adjective(&self.cues, hay, clitic_start, clitics, name);
        // Read only for a group candidate: most matches have none.
        let mut nisba = None;
        // Whether a candidate was turned down as an adjective: of a place, or a nisba of a group.
        let mut read_as_adjective = false;
        let mut rejects_adjective = |label| {
            let no_group = label == ARMED_GROUP_LABEL
                && *nisba.get_or_insert_with(|| {
                    nisba_names_no_group(
                        &self.cues,
                        &self.lexicon,
                        hay,
                        (clitic_start, clitics),
                        name,
                    )
                });
            let rejected = (adjective && label == PLACE_LABEL) || no_group;
            read_as_adjective |= rejected;
            rejected
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
                    candidate_status(&self.cues, hay, clitic_start..end, candidate)
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
            } else if read_as_adjective {
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

/// The start of the first word after the word that contains `norm_idx` (or the end of the text).
fn next_word_start(hay: &str, norm_idx: usize) -> usize {
    let rest = &hay[norm_idx..];
    let word_end = word_len(rest);
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
