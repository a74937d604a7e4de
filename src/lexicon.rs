//! Word frequencies of Arabic, used to tell a proclitic from a word's own first letter.
//!
//! `وحلب` is و + `حلب`, but `وزارة` is a word, not و + `زارة` (a Syrian village). The rule: a clitic
//! reading of a word is taken only when the whole word is not more frequent than the remainder.
//! Clitic forms are always rarer than their bare word (و attaches to a fraction of a noun's uses), so a
//! whole word that is *more* frequent than its remainder is a word in its own right. The list is the
//! embedded `gazetteers/lexicon/arabic_words.tsv` (folded words, Zipf ≥ 3), built by
//! `scripts/build_lexicon.py` from wordfreq (CC BY-SA 4.0).

use std::hash::Hasher;

use crate::gazetteer::names::{Kinds, NameParts};
use crate::index::codec::{Decoded, Invalid, Reader, Writer};

static EMBEDDED: &str = include_str!("../gazetteers/lexicon/arabic_words.tsv");

/// Folded Arabic words and their Zipf frequency (log10 of uses per billion words).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: WordTable,
}

/// The lexicon's words by their 64-bit hash, in one flat open-addressing table.
///
/// The lexicon is read in the hot loop (every proclitic reading, every word around a name opener), and
/// a hash map of boxed strings costs three cache misses a lookup: the control bytes, the bucket and
/// the key behind its pointer. Here a lookup reads one 16-byte slot, and a word absent from the list
/// (most names) is told at the first empty slot. A word is its hash: two words that share 64 bits of
/// FNV-1a would share an entry, one lookup in about 10^14 for 50,000 words, and no two words of the
/// shipped list do (a test checks).
#[derive(Clone, Debug, Default)]
struct WordTable {
    /// A power of two long, at most half full; a slot with hash 0 is empty.
    slots: Box<[Slot]>,
    len: usize,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    hash: u64,
    word: Word,
}

impl WordTable {
    /// The hash that stands for `word`: FNV-1a, never 0 (the empty slot's).
    fn hash(word: &str) -> u64 {
        let mut hasher = WordHasher::default();
        hasher.write(word.as_bytes());
        hasher.finish().max(1)
    }

    /// Where the probe for `hash` starts: FNV-1a's low bits are poorly mixed, so fold the high ones in.
    fn home(&self, hash: u64) -> usize {
        let mixed = hash ^ (hash >> 29) ^ (hash >> 47);
        (mixed as usize) & (self.slots.len() - 1)
    }

    fn get(&self, word: &str) -> Word {
        if self.slots.is_empty() {
            return Word::default();
        }
        let hash = WordTable::hash(word);
        let slot = self.slots[self.probe(hash)];
        if slot.hash == hash {
            slot.word
        } else {
            Word::default()
        }
    }

    /// The entry of the word with hash `hash`, added with no frequency and no classes if absent.
    fn entry(&mut self, hash: u64) -> &mut Word {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = self.probe(hash);
        if self.slots[at].hash == 0 {
            self.slots[at].hash = hash;
            self.len += 1;
        }
        &mut self.slots[at].word
    }

    /// The slot that holds `hash`, or the empty slot where it would go (the table is never full).
    fn probe(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(hash);
        while self.slots[at].hash != hash && self.slots[at].hash != 0 {
            at = (at + 1) & mask;
        }
        at
    }

    /// An empty table that holds `len` words without growing.
    fn with_capacity(len: usize) -> WordTable {
        let capacity = (len * 2 + 2).next_power_of_two().max(64);
        WordTable {
            slots: vec![Slot::default(); capacity].into_boxed_slice(),
            len: 0,
        }
    }

    fn grow(&mut self) {
        let capacity = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(
            &mut self.slots,
            vec![Slot::default(); capacity].into_boxed_slice(),
        );
        self.len = 0;
        for slot in old.iter().filter(|s| s.hash != 0) {
            *self.entry(slot.hash) = slot.word;
        }
    }

    /// The entries, in slot order.
    fn iter(&self) -> impl Iterator<Item = (u64, Word)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.hash != 0)
            .map(|s| (s.hash, s.word))
    }
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
        let mut words = WordTable::with_capacity(text.lines().count());
        let rows = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (word, zipf) = line.split_once('\t')?;
                Some((word, zipf.parse().ok()?))
            });
        for (word, zipf) in rows {
            words.entry(WordTable::hash(word)).zipf = zipf;
        }
        Lexicon { words }
    }

    /// The Zipf frequency of a normalised word, 0 when it is rarer than the list's cut.
    pub fn zipf(&self, norm_word: &str) -> f32 {
        self.words.get(norm_word).zipf
    }

    /// A normalised word's frequency and name-grammar classes.
    pub(crate) fn word(&self, norm_word: &str) -> Word {
        self.words.get(norm_word)
    }

    /// Records the name-grammar classes of every word of `parts`.
    pub(crate) fn add_name_parts(&mut self, parts: &NameParts) {
        for (word, kinds) in parts.iter() {
            let entry = self.words.entry(WordTable::hash(word));
            entry.kinds = entry.kinds.with(kinds);
        }
    }

    /// Appends the words' hashes, frequencies and classes to an index image, in hash order (the same
    /// lexicon always writes the same bytes).
    pub(crate) fn write_image(&self, w: &mut Writer) {
        let mut words: Vec<(u64, Word)> = self.words.iter().collect();
        words.sort_unstable_by_key(|&(hash, _)| hash);
        w.len(words.len());
        for (hash, entry) in words {
            w.u64(hash);
            w.f32(entry.zipf);
            w.u16(entry.kinds.bits());
        }
    }

    /// Reads a lexicon written by [`Lexicon::write_image`].
    pub(crate) fn read_image(r: &mut Reader<'_>) -> Decoded<Lexicon> {
        let count = r.count(14, "lexicon")?;
        let mut words = WordTable::with_capacity(count);
        for _ in 0..count {
            let hash = r.u64("lexicon word")?;
            if hash == 0 {
                return Err(Invalid("lexicon word"));
            }
            let entry = words.entry(hash);
            entry.zipf = r.f32("lexicon frequency")?;
            entry.kinds = Kinds::from_bits(r.u16("lexicon classes")?);
        }
        Ok(Lexicon { words })
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

    /// A word is its hash: no two words of the shipped list may share one, and every word reads back
    /// its own frequency; words outside the list read as 0.
    #[test]
    fn the_table_holds_every_word_of_the_list_apart() {
        let lexicon = Lexicon::embedded();
        let mut hashes = std::collections::HashMap::new();
        let rows = EMBEDDED.lines().filter(|l| !l.starts_with('#'));
        let mut count = 0;
        for (word, zipf) in rows.filter_map(|l| l.split_once('\t')) {
            let zipf: f32 = zipf.parse().expect("a generated frequency");
            if let Some(other) = hashes.insert(WordTable::hash(word), word) {
                assert_eq!(other, word, "{other} and {word} share a hash");
            }
            assert_eq!(lexicon.zipf(word), zipf, "{word}");
            count += 1;
        }
        assert!(count > 40_000, "the shipped list has {count} words");
        assert_eq!(lexicon.words.len, hashes.len());
        for absent in ["باسلمة", "xyzzy", "", "وزارهه"] {
            assert_eq!(lexicon.zipf(absent), 0.0, "{absent}");
        }
    }

    /// The image holds the same table, with the name classes added.
    #[test]
    fn an_image_reads_back_the_same_lexicon() {
        let mut lexicon = Lexicon::embedded();
        let parts = crate::testing::gazetteer_of("names:\n  given: [باسلمة, محمد]\nentities: []\n");
        lexicon.add_name_parts(parts.name_parts());
        let mut w = Writer::default();
        lexicon.write_image(&mut w);
        let back = Lexicon::read_image(&mut Reader::new(&w.bytes)).expect("a whole image");
        // Keys are normalised: ة is ه.
        for word in ["باسلمه", "محمد", "وزاره", "حلب", "xyzzy"] {
            let (a, b) = (lexicon.word(word), back.word(word));
            assert_eq!((a.zipf, a.kinds), (b.zipf, b.kinds), "{word}");
        }
        assert!(back.word("باسلمه").kinds.any(Kinds::GIVEN));
    }

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
