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

/// The lexicon's words by their hash, in one flat open-addressing table of 8-byte slots.
///
/// The lexicon is read in the hot loop (every proclitic reading, every word around a name opener), and
/// a hash map of boxed strings costs three cache misses a lookup: the control bytes, the bucket and
/// the key behind its pointer. Here a lookup reads one slot, and a word absent from the list (most
/// names) is told at the first empty slot. The table is 1 MB, half a core's L2 cache, which it
/// shares with the automaton's states: with 16-byte slots `count` took 3 % more time with the name
/// grammar on.
///
/// A word is its fingerprint, 43 bits of its 64-bit FNV-1a hash: two words that share one share an
/// entry. An absent word reads a listed word's entry once in about 10^8 lookups (60,000 words in
/// 2^43 fingerprints), and no two words of the shipped list and name files share one (a test
/// checks).
#[derive(Clone, Debug, Default)]
struct WordTable {
    /// A power of two long, at most half full.
    slots: Box<[Slot]>,
    len: usize,
}

/// One word in 64 bits: its fingerprint (never 0), its classes, and its Zipf frequency in
/// hundredths (the list gives two decimals; the commonest word is under 8). 0 is the empty slot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Slot(u64);

const ZIPF_BITS: u32 = 10;
const KINDS_BITS: u32 = 11;
const FINGERPRINT_SHIFT: u32 = ZIPF_BITS + KINDS_BITS;
const ZIPF_MASK: u64 = (1 << ZIPF_BITS) - 1;
const KINDS_MASK: u64 = (1 << KINDS_BITS) - 1;
const _: () = assert!((Kinds::ALL.bits() as u64) <= KINDS_MASK);

/// The table's size limit in slots, for an image to be read: far above any lexicon.
const MAX_SLOTS: usize = 1 << 24;

impl Slot {
    fn new(fingerprint: u64) -> Slot {
        Slot(fingerprint << FINGERPRINT_SHIFT)
    }

    fn fingerprint(self) -> u64 {
        self.0 >> FINGERPRINT_SHIFT
    }

    fn word(self) -> Word {
        Word {
            zipf: (self.0 & ZIPF_MASK) as f32 / 100.0,
            kinds: Kinds::from_bits(((self.0 >> ZIPF_BITS) & KINDS_MASK) as u16),
        }
    }

    fn set_zipf(&mut self, zipf: f32) {
        let centi = (zipf * 100.0).round().clamp(0.0, ZIPF_MASK as f32) as u64;
        self.0 = (self.0 & !ZIPF_MASK) | centi;
    }

    fn add_kinds(&mut self, kinds: Kinds) {
        self.0 |= (u64::from(kinds.bits()) & KINDS_MASK) << ZIPF_BITS;
    }
}

impl WordTable {
    /// The fingerprint that stands for `word`: the high bits of its FNV-1a hash (the best mixed),
    /// never 0.
    fn fingerprint(word: &str) -> u64 {
        let mut hasher = WordHasher::default();
        hasher.write(word.as_bytes());
        (hasher.finish() >> FINGERPRINT_SHIFT).max(1)
    }

    /// Where the probe for `fingerprint` starts: its Fibonacci hash, so that a table can grow from
    /// its slots alone.
    fn home(&self, fingerprint: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (fingerprint.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn get(&self, word: &str) -> Word {
        if self.slots.is_empty() {
            return Word::default();
        }
        self.slots[self.probe(WordTable::fingerprint(word))].word()
    }

    /// The slot of the word `fingerprint` stands for, taken (with no frequency and no classes)
    /// if absent.
    fn entry(&mut self, fingerprint: u64) -> &mut Slot {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = self.probe(fingerprint);
        if self.slots[at] == Slot::default() {
            self.slots[at] = Slot::new(fingerprint);
            self.len += 1;
        }
        &mut self.slots[at]
    }

    /// The slot that holds `fingerprint`, or the empty slot where it would go (the table is never
    /// full).
    fn probe(&self, fingerprint: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(fingerprint);
        loop {
            let slot = self.slots[at];
            if slot.fingerprint() == fingerprint || slot == Slot::default() {
                return at;
            }
            at = (at + 1) & mask;
        }
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
        for &slot in old.iter().filter(|&&s| s != Slot::default()) {
            *self.entry(slot.fingerprint()) = slot;
        }
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
            words.entry(WordTable::fingerprint(word)).set_zipf(zipf);
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
            self.words
                .entry(WordTable::fingerprint(word))
                .add_kinds(kinds);
        }
    }

    /// Appends the table to an index image, slot by slot: read back, it needs no hashing. The same
    /// words in the same order always make the same table.
    pub(crate) fn write_image(&self, w: &mut Writer) {
        let slots = &self.words.slots;
        w.len(slots.len());
        for slot in slots {
            w.u64(slot.0);
        }
    }

    /// Reads a lexicon written by [`Lexicon::write_image`]. A table that is no power of two from 64
    /// slots on, or more than half full, is refused: a probe must find an empty slot.
    pub(crate) fn read_image(r: &mut Reader<'_>) -> Decoded<Lexicon> {
        let capacity = r.count(8, "lexicon")?;
        if capacity != 0 && (!capacity.is_power_of_two() || !(64..=MAX_SLOTS).contains(&capacity)) {
            return Err(Invalid("lexicon size"));
        }
        let mut slots = Vec::with_capacity(capacity);
        for _ in 0..capacity {
            slots.push(Slot(r.u64("lexicon word")?));
        }
        let len = slots.iter().filter(|&&s| s != Slot::default()).count();
        if len * 2 > capacity {
            return Err(Invalid("lexicon size"));
        }
        let slots = slots.into_boxed_slice();
        Ok(Lexicon {
            words: WordTable { slots, len },
        })
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

    /// A word is its fingerprint: no two words of the shipped list and name files may share one,
    /// every word reads back its own frequency and classes, and words outside read as nothing.
    #[test]
    fn the_table_holds_every_shipped_word_apart() {
        let gazetteer = crate::Gazetteer::defaults().expect("the shipped gazetteers");
        let mut lexicon = Lexicon::embedded();
        lexicon.add_name_parts(gazetteer.name_parts());
        let mut fingerprints = std::collections::HashMap::new();
        let mut apart = |word: &str| {
            if let Some(other) = fingerprints.insert(WordTable::fingerprint(word), word.to_owned())
            {
                assert_eq!(other, word, "{other} and {word} share a fingerprint");
            }
        };
        let rows = EMBEDDED.lines().filter(|l| !l.starts_with('#'));
        let mut count = 0;
        for (word, zipf) in rows.filter_map(|l| l.split_once('\t')) {
            apart(word);
            let zipf: f32 = zipf.parse().expect("a generated frequency");
            assert_eq!(lexicon.zipf(word), zipf, "{word}");
            count += 1;
        }
        assert!(count > 40_000, "the shipped list has {count} words");
        for (word, kinds) in gazetteer.name_parts().iter() {
            apart(word);
            assert!(lexicon.word(word).kinds.any(kinds), "{word}");
        }
        assert_eq!(lexicon.words.len, fingerprints.len());
        for absent in ["باسلمة", "xyzzy", "", "وزارهه"] {
            let word = lexicon.word(absent);
            assert_eq!((word.zipf, word.kinds), (0.0, Kinds::default()), "{absent}");
        }
    }

    /// A table that grows from empty keeps every word where a lookup finds it.
    #[test]
    fn a_growing_table_keeps_its_words() {
        let mut table = WordTable::default();
        let words: Vec<String> = (0..5000).map(|i| format!("كلمه{i}")).collect();
        for (i, word) in words.iter().enumerate() {
            table
                .entry(WordTable::fingerprint(word))
                .set_zipf(i as f32 / 1000.0);
        }
        assert_eq!(table.len, words.len());
        assert!(table.slots.len() >= 2 * words.len());
        for (i, word) in words.iter().enumerate() {
            assert_eq!(
                table.get(word).zipf,
                (i as f32 / 1000.0 * 100.0).round() / 100.0,
                "{word}"
            );
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

    /// A table a probe could loop in, or of a size no table has, is refused, not searched.
    #[test]
    fn an_image_of_no_table_is_refused() {
        let image = |slots: &[u64]| {
            let mut w = Writer::default();
            w.len(slots.len());
            for &slot in slots {
                w.u64(slot);
            }
            Lexicon::read_image(&mut Reader::new(&w.bytes))
        };
        let full = vec![Slot::new(7).0; 64];
        let mut half = vec![0; 64];
        half[..32].copy_from_slice(&full[..32]);
        assert!(image(&full).is_err(), "full");
        assert!(image(&[0; 48]).is_err(), "not a power of two");
        assert!(image(&[0; 32]).is_err(), "too small");
        assert!(image(&half).is_ok(), "half full");
        assert!(image(&[]).is_ok(), "empty");
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
