//! One document as `suggest` reads it: its words, their normalised forms and the mentions that cover
//! them, and the runs of untagged words after cue words.

use rasid::{Normalized, Normalizer};

use super::cues::{ARMED_GROUP, LISTS, PERSON, PLACE, PROCLITICS, in_set_after_clitics, is_nisba};

/// The most words a candidate may have.
const MAX_WORDS: usize = 3;

/// Quote marks that may open a name right after a cue, and those that may close it.
const OPENING_QUOTES: &[char] = &['«', '“', '„', '"', '\'', '‘', '(', '['];
const CLOSING_QUOTES: &[char] = &['»', '”', '"', '\'', '’', ')', ']'];

/// A word of the text: its original byte range and whether a mention covers it (and of which type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Word {
    start: usize,
    end: usize,
    /// Index of the covering mention in the document's cover list.
    cover: Option<usize>,
}

/// A mention's extent, proclitics included, and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cover {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) is_place: bool,
}

/// Whether `c` is part of a word as written: letters and digits, and the harakat, tatweel and joiners
/// that sit inside words.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Harakat, superscript alef, tatweel and joiners: inside words, but dropped from suggested names.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
    )
}

/// Whether `c` may stand between two words of one name: spaces and invisible layout marks.
fn is_blank(c: char) -> bool {
    (c.is_whitespace() && c != '\n' && c != '\r')
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'
        )
}

/// The words of `text` (with at least one letter or digit) with the mention that covers each, if any;
/// `covers` is sorted and disjoint.
pub(super) fn words(text: &str, covers: &[Cover]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                // Marks alone (a stray tatweel) are no word: they normalise to nothing.
                if text[s..i]
                    .chars()
                    .any(|c| c.is_alphanumeric() && !is_mark(c))
                {
                    words.push(Word {
                        start: s,
                        end: i,
                        cover: None,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    let mut next = 0;
    for word in &mut words {
        while next < covers.len() && covers[next].end <= word.start {
            next += 1;
        }
        if next < covers.len() && covers[next].start < word.end {
            word.cover = Some(next);
        }
    }
    words
}

/// Normalised forms of words, stored in one buffer.
pub(super) struct Norms {
    text: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Norms {
    /// Normalises every word, reusing `buffer`.
    pub(super) fn new(
        text: &str,
        words: &[Word],
        normalizer: &Normalizer,
        buffer: &mut Normalized,
    ) -> Norms {
        let mut norms = Norms {
            text: String::new(),
            ranges: Vec::with_capacity(words.len()),
        };
        for word in words {
            normalizer.normalize_into(&text[word.start..word.end], buffer);
            let start = norms.text.len();
            norms.text.push_str(buffer.as_str().trim());
            norms.ranges.push(start..norms.text.len());
        }
        norms
    }

    /// The normalised form of word `i`.
    pub(super) fn get(&self, i: usize) -> &str {
        &self.text[self.ranges[i].clone()]
    }
}

/// One document's view: its text, words, their normalised forms and the mentions covering them.
pub(super) struct Page<'t> {
    pub(super) text: &'t str,
    pub(super) words: Vec<Word>,
    pub(super) norms: Norms,
    pub(super) covers: Vec<Cover>,
}

/// A candidate occurrence: the words right after a cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Run {
    pub(super) cue: usize,
    /// Index of the cue's first word.
    cue_word: usize,
    /// How many letters of proclitics the cue word carries (`بمدينة`: 1).
    cue_clitics: usize,
    /// Word indexes of the run, consecutive.
    pub(super) words: std::ops::Range<usize>,
    /// Taken whole from between quote marks.
    pub(super) quoted: bool,
}

impl Page<'_> {
    /// The cue that starts at word `i`, the longest if several do, the index of the word after it and
    /// the number of proclitic letters on the cue.
    fn cue_at(&self, i: usize) -> Option<(usize, usize, usize)> {
        let lists = &*LISTS;
        let first = self.norms.get(i);
        let (candidates, clitics) = lists.by_first.get(first).map(|c| (c, 0)).or_else(|| {
            PROCLITICS.iter().find_map(|p| {
                let rest = first.strip_prefix(p)?;
                Some((lists.by_first.get(rest)?, p.chars().count()))
            })
        })?;
        candidates
            .iter()
            .filter_map(|&cue| {
                let words = &lists.cues[cue].0;
                let end = i + words.len();
                let fits = end <= self.words.len()
                    && (1..words.len()).all(|k| {
                        self.norms.get(i + k) == words[k] && self.blank_between(i + k - 1, i + k)
                    });
                fits.then_some((cue, end, clitics))
            })
            .max_by_key(|&(cue, end, _)| (end, std::cmp::Reverse(cue)))
    }

    /// The text between two words.
    fn gap(&self, before: usize, after: usize) -> &str {
        &self.text[self.words[before].end..self.words[after].start]
    }

    /// Whether only spaces stand between two words: they may belong to one name.
    fn blank_between(&self, before: usize, after: usize) -> bool {
        self.gap(before, after).chars().all(is_blank)
    }

    /// The candidate words after the cue ending before word `next`, if any.
    fn run_after(
        &self,
        (cue, next, cue_clitics): (usize, usize, usize),
        cue_word: usize,
    ) -> Option<Run> {
        if next >= self.words.len() || self.words[cue_word].cover.is_some() {
            return None;
        }
        let gap = self.gap(next - 1, next);
        let unblank: Vec<char> = gap.chars().filter(|&c| !is_blank(c)).collect();
        let run = match unblank.as_slice() {
            [] => self.plain_run(cue, next),
            [quote] if OPENING_QUOTES.contains(quote) => self.quoted_run(cue, next),
            _ => None,
        }?;
        Some(Run {
            cue_word,
            cue_clitics,
            ..run
        })
    }

    /// The words between quote marks, when there are at most [`MAX_WORDS`] of them.
    fn quoted_run(&self, cue: usize, first: usize) -> Option<Run> {
        let mut end = first + 1;
        while end < self.words.len() && end - first <= MAX_WORDS && self.blank_between(end - 1, end)
        {
            end += 1;
        }
        let after = &self.text[self.words[end - 1].end..];
        let closes = after
            .chars()
            .find(|&c| !is_blank(c))
            .is_some_and(|c| CLOSING_QUOTES.contains(&c));
        let label = LISTS.cues[cue].1.label;
        let eligible = (first..end).all(|w| self.cover_allows(label, first, w));
        let whole = closes && end - first <= MAX_WORDS && eligible;
        (whole && self.whole_mentions(first..end)).then_some(Run {
            cue,
            cue_word: 0,
            cue_clitics: 0,
            words: first..end,
            quoted: true,
        })
    }

    /// The words after a cue up to the first that cannot be part of a name, at most [`MAX_WORDS`].
    fn plain_run(&self, cue: usize, first: usize) -> Option<Run> {
        let label = LISTS.cues[cue].1.label;
        let mut end = first;
        while end < self.words.len()
            && end - first < MAX_WORDS
            && (end == first || self.blank_between(end - 1, end))
            && self.may_continue(label, first, end)
        {
            end += 1;
        }
        // A run does not end inside a multi-word mention.
        while end > first && !self.whole_mentions(first..end) {
            end -= 1;
        }
        (end > first).then_some(Run {
            cue,
            cue_word: 0,
            cue_clitics: 0,
            words: first..end,
            quoted: false,
        })
    }

    /// Whether mentions inside `words` lie wholly inside it.
    fn whole_mentions(&self, words: std::ops::Range<usize>) -> bool {
        let (start, end) = (self.words[words.start].start, self.words[words.end - 1].end);
        words.filter_map(|w| self.words[w].cover).all(|c| {
            let cover = self.covers[c];
            cover.start >= start && cover.end <= end
        })
    }

    /// The first word is untagged; later words may be a tagged place inside a group's or an
    /// organisation's name (`لواء ثوار الرقة`).
    fn cover_allows(&self, label: &str, first: usize, w: usize) -> bool {
        match self.words[w].cover {
            None => true,
            Some(c) => w > first && label != PLACE && label != PERSON && self.covers[c].is_place,
        }
    }

    /// Whether word `w` may be part of a name that starts at `first` after a cue of type `label`.
    fn may_continue(&self, label: &str, first: usize, w: usize) -> bool {
        let lists = &*LISTS;
        let word = self.norms.get(w);
        let digits = word.chars().all(|c| c.is_ascii_digit());
        let single_letter = word.chars().count() < 2 && !digits;
        if !self.cover_allows(label, first, w)
            || single_letter
            || in_set_after_clitics(word, &lists.stop)
        {
            return false;
        }
        if w == first {
            // A person's name does not start with the article: `القائد العسكري` is a title. A nisba
            // right after a place or faction word describes it (`ميليشيات طائفية`), but after a
            // spokesman it is often the name (`الخارجية`, the foreign ministry). A number names only
            // a unit (`لواء 313`).
            let person_ok = label != PERSON || !word.starts_with("ال");
            let place_ok = label != PLACE || !lists.place_adjectives.contains(word);
            let nisba_ok = !matches!(label, PLACE | ARMED_GROUP) || !is_nisba(&self.written(w));
            return person_ok && place_ok && nisba_ok && (!digits || label == ARMED_GROUP);
        }
        // A later word starting with و is a conjunction (`مدينة جرابلس وصولا`), but for `وادي`.
        let conjunction = word.starts_with('و') && !lists.heads.contains(word);
        let place_ok = label != PLACE
            || !(lists.place_adjectives.contains(word) || is_nisba(&self.written(w)));
        let cue = in_set_after_clitics(word, &lists.cue_words) && !lists.heads.contains(word);
        !conjunction && !cue && !digits && place_ok
    }

    /// Every run after a cue in the document. Scanning resumes after a run, so that a cue word inside
    /// a name (`حي الشيخ مقصود`) does not start another.
    pub(super) fn runs(&self) -> Vec<Run> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            let Some(found) = self.cue_at(i) else {
                i += 1;
                continue;
            };
            match self.run_after(found, i) {
                Some(run) => {
                    i = run.words.end;
                    runs.push(run);
                }
                None => i = found.1,
            }
        }
        runs
    }

    /// Word `w` as written, without harakat, tatweel or joiners.
    fn written(&self, w: usize) -> String {
        self.text[self.words[w].start..self.words[w].end]
            .chars()
            .filter(|&c| !is_mark(c))
            .collect()
    }

    /// The name of a run as written, one space apart: the cue word first (without its proclitics)
    /// when it belongs to the name.
    pub(super) fn spelling(&self, run: &Run) -> String {
        let mut parts: Vec<String> = Vec::new();
        if LISTS.cues[run.cue].1.in_name {
            parts.push(
                self.written(run.cue_word)
                    .chars()
                    .skip(run.cue_clitics)
                    .collect(),
            );
        }
        parts.extend(run.words.clone().map(|w| self.written(w)));
        parts.join(" ")
    }

    /// The sentence around a run, on one line, cut to about [`EXAMPLE_CHARS`] characters.
    pub(super) fn sentence(&self, run: &Run) -> String {
        let start = self.words[run.cue_word].start;
        let end = self.words[run.words.end - 1].end;
        example_sentence(self.text, start, end)
    }
}

/// About how many characters of context an example keeps.
const EXAMPLE_CHARS: usize = 160;

/// The sentence of `text` holding `start..end`, on one line and cut around the span with `…` when
/// longer than [`EXAMPLE_CHARS`].
fn example_sentence(text: &str, start: usize, end: usize) -> String {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '؟' | '\n' | '\r' | '۔');
    let from = text[..start]
        .char_indices()
        .rfind(|&(_, c)| is_end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(_, c)| is_end(c))
        .map_or(text.len(), |(i, c)| end + i + c.len_utf8());
    let before: Vec<char> = text[from..start].chars().collect();
    let after: Vec<char> = text[end..to].chars().collect();
    // Half the room on each side, and what one side does not use goes to the other.
    let room = EXAMPLE_CHARS.saturating_sub(text[start..end].chars().count());
    let keep_before = before
        .len()
        .min((room / 2).max(room.saturating_sub(after.len())));
    let keep_after = after.len().min(room - keep_before);
    let mut out = String::new();
    if keep_before < before.len() {
        out.push('…');
    }
    out.extend(&before[before.len() - keep_before..]);
    out.push_str(&text[start..end]);
    out.extend(&after[..keep_after]);
    if keep_after < after.len() {
        out.push('…');
    }
    one_line(out.trim())
}

/// Text made safe for a one-line YAML comment: line breaks and tabs become spaces, control and bidi
/// override characters are dropped.
pub(super) fn one_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_one_sentence_on_one_line() {
        let text = "جملة أولى. ثم جاءت مدينة جرابلس\tهنا! جملة ثالثة";
        let start = text.find("مدينة").unwrap();
        let end = text.find("\tهنا").unwrap();
        assert_eq!(
            example_sentence(text, start, end),
            "ثم جاءت مدينة جرابلس هنا!"
        );
        let long = format!("{} مدينة جرابلس {}", "ب".repeat(300), "ت".repeat(300));
        let start = long.find("مدينة").unwrap();
        let end = start + "مدينة جرابلس".len();
        let example = example_sentence(&long, start, end);
        assert!(
            example.starts_with('…') && example.ends_with('…'),
            "{example}"
        );
        assert!(example.contains("مدينة جرابلس"));
        assert!(example.chars().count() <= EXAMPLE_CHARS + 2);
    }
}
