//! Word frequencies of Arabic, used to tell a proclitic from a word's own first letter.
//!
//! `وحلب` is و + `حلب`, but `وزارة` is a word, not و + `زارة` (a Syrian village). The rule: a clitic
//! reading of a word is taken only when the whole word is not more frequent than the remainder.
//! Clitic forms are always rarer than their bare word (و attaches to a fraction of a noun's uses), so a
//! whole word that is *more* frequent than its remainder is a word in its own right. The list is the
//! embedded `gazetteers/lexicon/arabic_words.tsv` (folded words, Zipf ≥ 3), built by
//! `scripts/build_lexicon.py` from wordfreq (CC BY-SA 4.0).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::gazetteer::names::{Kinds, NameParts};
use crate::index::codec::{Decoded, Reader, Writer};

static EMBEDDED: &str = include_str!("../gazetteers/lexicon/arabic_words.tsv");

/// Folded Arabic words and their Zipf frequency (log10 of uses per billion words).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    zipf: HashMap<Box<str>, Word, BuildHasherDefault<WordHasher>>,
}

/// What the lexicon knows of a word: its frequency and, once a tagger added them, its classes in
/// the person-name grammar (one lookup answers both in the grammar's reading of names).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Word {
    pub(crate) zipf: f32,
    pub(crate) kinds: Kinds,
}

/// FNV-1a: the lexicon is looked up for every proclitic reading in the hot loop, its keys are short
/// words from a fixed list (no adversary to defend against), and SipHash cost a fifth of the scan.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Lexicon {
    /// The embedded word list.
    pub fn embedded() -> Lexicon {
        Lexicon::parse(EMBEDDED)
    }

    /// An empty lexicon: every clitic reading is taken.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Parses `word<TAB>zipf` lines; `#` lines and malformed lines are skipped (the file is generated).
    fn parse(text: &str) -> Lexicon {
        let zipf = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (word, zipf) = line.split_once('\t')?;
                let zipf = zipf.parse().ok()?;
                Some((
                    Box::from(word),
                    Word {
                        zipf,
                        kinds: Kinds::default(),
                    },
                ))
            })
            .collect();
        Lexicon { zipf }
    }

    /// The Zipf frequency of a normalised word, 0 when it is rarer than the list's cut.
    pub fn zipf(&self, norm_word: &str) -> f32 {
        self.zipf.get(norm_word).map_or(0.0, |w| w.zipf)
    }

    /// A normalised word's frequency and name-grammar classes.
    pub(crate) fn word(&self, norm_word: &str) -> Word {
        self.zipf.get(norm_word).copied().unwrap_or_default()
    }

    /// Records the name-grammar classes of every word of `parts`.
    pub(crate) fn add_name_parts(&mut self, parts: &NameParts) {
        for (word, kinds) in parts.iter() {
            let entry = self.zipf.entry(Box::from(word)).or_default();
            entry.kinds = entry.kinds.with(kinds);
        }
    }

    /// Appends the words, their frequencies and classes to an index image.
    pub(crate) fn write_image(&self, w: &mut Writer) {
        let mut words: Vec<(&str, Word)> = self.zipf.iter().map(|(k, &v)| (&**k, v)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        w.len(words.len());
        for (word, entry) in words {
            w.str(word);
            w.f32(entry.zipf);
            w.u16(entry.kinds.bits());
        }
    }

    /// Reads a lexicon written by [`Lexicon::write_image`].
    pub(crate) fn read_image(r: &mut Reader<'_>) -> Decoded<Lexicon> {
        let count = r.count(10, "lexicon")?;
        let mut zipf = HashMap::with_capacity_and_hasher(count, BuildHasherDefault::default());
        for _ in 0..count {
            let word = Box::from(r.str("lexicon word")?);
            let entry = Word {
                zipf: r.f32("lexicon frequency")?,
                kinds: Kinds::from_bits(r.u16("lexicon classes")?),
            };
            zipf.insert(word, entry);
        }
        Ok(Lexicon { zipf })
    }

    /// Whether `whole` (a normalised word) should be read as proclitics + `rest` rather than as a word
    /// of its own.
    pub fn allows_clitic_reading(&self, whole: &str, rest: &str) -> bool {
        self.zipf(whole) <= self.zipf(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_readings() {
        let lexicon = Lexicon::embedded();
        let rows = [
            ("waw on a city", "وحلب", "حلب", true),
            ("beh on a city", "بحلب", "حلب", true),
            ("unlisted clitic form", "بالبوكمال", "البوكمال", true),
            ("wizara is a word", "وزاره", "زاره", false),
            ("wakala is a word", "وكاله", "كاله", false),
            ("lajna is a word", "لجنه", "جنه", false),
            ("kamil is a word", "كامل", "امل", false),
        ];
        for (name, whole, rest, expected) in rows {
            assert_eq!(
                lexicon.allows_clitic_reading(whole, rest),
                expected,
                "{name}"
            );
        }
    }
}
