//! Arabic normalisation with a map back to the original text.
//!
//! Text and gazetteer aliases go through the same normaliser, so that `إدلب`, `ادلب` and `إدْلِب` all meet
//! in one automaton pattern. Every normalised byte remembers the original character it came from, which
//! is how a match in normalised text becomes an exact span of the original.
//!
//! | original | becomes | why |
//! |---|---|---|
//! | harakat U+064B–U+065F (fatha, damma, kasra, tanween, shadda, sukun, …), superscript alef U+0670 | removed | vocalisation is optional in news text |
//! | Quranic marks U+0610–U+061A, U+06D6–U+06ED, U+08D3–U+08FF | removed | same |
//! | tatweel U+0640 | removed | typographic stretching (`لـ"قاسم"`) |
//! | أ U+0623, إ U+0625, آ U+0622, ٱ U+0671, ٲ U+0672, ٳ U+0673 | ا | hamza is written inconsistently (`ادلب`/`إدلب`) |
//! | ى U+0649, Farsi yeh ی U+06CC | ي | final yeh is written both ways (`الزبدانى`) |
//! | ة U+0629, ۀ U+06C0, ہ U+06C1, ھ U+06BE, ە U+06D5 | ه | teh marbuta is written as heh (`حماه`/`حماة`) |
//! | keheh ک U+06A9, swash kaf ڪ U+06AA | ك | Persian keyboards |
//! | digits ٠–٩ U+0660–U+0669, ۰–۹ U+06F0–U+06F9 | 0–9 | `الفرقة ١٧` is `الفرقة 17` |
//! | presentation forms U+FB50–U+FDFF, U+FE70–U+FEFE | compatibility decomposition, folded again | text pasted from PDFs (`ﻻ` → `لا`) |
//! | phrase ligatures ﷺ U+FDFA, ﷻ U+FDFB | unchanged | no name is spelt with them; expanded (18 and 8 characters) they would multiply a text's size |
//! | ALM U+061C, soft hyphen U+00AD, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, BOM U+FEFF | removed | invisible layout marks |
//! | space, tab, NBSP U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 | one ASCII space per run | names split by odd or double spaces |
//! | upper-case letters (Latin, Greek, Cyrillic, …) | lower case | case-insensitive Latin names |
//! | `لل` at a word's start (after an optional و/ف) | `لال` | ل + the article: `للبوكمال` is `ل` + `البوكمال`; the restored alef maps to the second ل |
//! | everything else (letters, punctuation, newlines) | unchanged | |
//!
//! Normalised text is never more than [`MAX_EXPANSION`] times the original's bytes (`ﷲ`, 3 bytes,
//! becomes `الله`, 8), which bounds the memory tagging takes.
//!
//! `ؤ` and `ئ` are kept: they are consistent in names and folding them would merge unrelated words.
//! Folding ى → ي makes the preposition `على` equal the name `علي`; the gazetteers, not the normaliser,
//! decide how such aliases may fire (see `when` in the gazetteer format).

mod arabic;
mod offsets;
#[cfg(test)]
mod regression;

use arabic::rule_name;
pub(crate) use arabic::{is_invisible, is_word_char, next_word, word_len};
pub(crate) use offsets::OffsetMap;

use arabic::{Fold, fold, fold_decomposed};

/// How many times its original's bytes normalised text may take at most.
pub(crate) const MAX_EXPANSION: usize = 3;

/// Whether a `ل` about to be written is the article's, after the preposition ل at a word's start
/// (after an optional و or ف): `للبوكمال` is ل + `البوكمال` with the article's alef dropped in
/// writing. The normaliser writes the alef back (`لالبوكمال`), mapped to the second ل, so that the
/// alias `البوكمال` matches and its span starts at the second ل, as the annotation guideline has it.
/// A name that itself starts with ل (`للبنان` = ل + `لبنان`) is still found: the matcher reads the
/// restored alef as part of the proclitic.
fn is_lam_of_article_after_lam(written: &str, word_len: u8) -> bool {
    let mut back = written.chars().rev();
    matches!(
        (word_len, back.next(), back.next()),
        (1, Some('ل'), _) | (2, Some('ل'), Some('و' | 'ف'))
    )
}

/// The fold of every character of the Arabic block U+0600–U+06FF, computed once from [`fold`].
fn arabic_block() -> &'static [Fold; 256] {
    static TABLE: std::sync::LazyLock<[Fold; 256]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|i| {
            let c = char::from_u32(0x0600 + i as u32).expect("the Arabic block is scalar values");
            fold(c)
        })
    });
    &TABLE
}

/// The character at byte `idx` (a char boundary) of `text` and its width, with a fast path for the
/// one- and two-byte characters of ASCII and Arabic.
#[inline]
fn decode(text: &str, idx: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[idx];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if b & 0xE0 == 0xC0 {
        let cp = (u32::from(b & 0x1F) << 6) | u32::from(bytes[idx + 1] & 0x3F);
        if let Some(c) = char::from_u32(cp) {
            return (c, 2);
        }
    }
    let c = text[idx..]
        .chars()
        .next()
        .expect("a char boundary before the end");
    (c, c.len_utf8())
}

/// Writes one folded character, restoring the article's alef in a word-initial `لل`.
#[inline(always)]
fn push_letter(written: &mut String, word_len: &mut u8, letter: char) {
    if letter == 'ل' && is_lam_of_article_after_lam(written, *word_len) {
        written.push('ا');
    }
    written.push(letter);
    *word_len = if is_word_char(letter) {
        word_len.saturating_add(1)
    } else {
        0
    };
}

/// Normalised text and the map from its bytes back to the original.
///
/// Keep one per worker and reuse it: [`Normalizer::normalize_into`] clears it without freeing memory.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub(crate) text: String,
    pub(crate) offsets: OffsetMap,
}

impl Normalized {
    /// An empty buffer.
    pub fn new() -> Normalized {
        Normalized::default()
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The Arabic normaliser. It has no options yet; it is a type so that options can come without
/// breaking callers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Normalizer {
    _private: (),
}

impl Normalizer {
    /// The normaliser with the rules of the module table.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// Normalises `text` into a fresh buffer.
    ///
    /// # Panics
    ///
    /// Panics if `text` is 4 GiB or longer; offsets are stored as `u32` to halve the map's memory.
    /// [`crate::Tagger`] checks the length first and returns an error instead.
    ///
    /// # Examples
    ///
    /// ```
    /// use rasid::Normalizer;
    /// let normalized = Normalizer::new().normalize("إدْلِبـ  ومحافظة حماة");
    /// assert_eq!(normalized.as_str(), "ادلب ومحافظه حماه");
    /// ```
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = Normalized::new();
        self.normalize_into(text, &mut out);
        out
    }

    /// Normalises `text` into `out`, reusing its memory.
    ///
    /// # Panics
    ///
    /// As [`Normalizer::normalize`].
    pub fn normalize_into(&self, text: &str, out: &mut Normalized) {
        let original_len = u32::try_from(text.len()).expect("text shorter than 4 GiB");
        out.text.clear();
        out.offsets.clear();
        out.text.reserve(text.len());
        let mut last_was_space = false;
        // Characters of the current word emitted so far (saturating), to spot a word-initial `لل`.
        let mut word_len = 0u8;
        let arabic = arabic_block();
        let mut idx = 0;
        while idx < text.len() {
            // `idx < text.len()`, which fits in u32 as checked above.
            let at = idx as u32;
            let before = out.text.len();
            let (c, width) = decode(text, idx);
            idx += width;
            // The Arabic block and ASCII make up nearly all news text: a table and a match for them,
            // the general rules for the rest.
            let folded = match u32::from(c) {
                0x0600..=0x06FF => arabic[(u32::from(c) - 0x0600) as usize],
                _ => fold(c),
            };
            match folded {
                Fold::Keep => push_letter(&mut out.text, &mut word_len, c),
                Fold::Char(folded) => push_letter(&mut out.text, &mut word_len, folded),
                Fold::Delete => continue,
                Fold::Space if last_was_space => continue,
                Fold::Space => push_letter(&mut out.text, &mut word_len, ' '),
                Fold::Decompose => {
                    fold_decomposed(c, |part| push_letter(&mut out.text, &mut word_len, part));
                }
            }
            last_was_space = word_len == 0 && out.text.ends_with(' ');
            out.offsets.push(at, out.text.len() - before);
        }
        out.offsets.finish(original_len);
    }

    /// The normalisation rules that change something in `original`, in order of first use, for
    /// explaining a match (`["أ→ا", "harakat removed"]`).
    ///
    /// # Examples
    ///
    /// ```
    /// let steps = rasid::Normalizer::new().explain("مطار المزّة");
    /// assert_eq!(steps, ["harakat removed", "ة→ه"]);
    /// ```
    pub fn explain(&self, original: &str) -> Vec<&'static str> {
        let mut steps = Vec::new();
        for name in original.chars().filter_map(rule_name) {
            if !steps.contains(&name) {
                steps.push(name);
            }
        }
        steps
    }

    /// Normalises a gazetteer alias or a cue word to its matching key: normalised, trimmed.
    ///
    /// Returns an empty string when nothing is left (an alias made only of harakat, say), which the
    /// gazetteer loader reports as an error.
    pub fn normalize_key(&self, alias: &str) -> String {
        self.normalize(alias).text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one conformance helper every rule goes through: checks the normalised text, and that each
    /// normalised character maps back to an original character that folds to it. Offsets are computed
    /// from the strings, never typed by hand.
    fn assert_normalizes(original: &str, expected: &str) {
        let n = Normalizer::new().normalize(original);
        assert_eq!(n.as_str(), expected, "normalising {original:?}");
        assert_offsets_consistent(original, &n);
        let again = Normalizer::new().normalize(n.as_str());
        assert_eq!(
            again.as_str(),
            n.as_str(),
            "normalising twice changed {original:?}"
        );
    }

    fn assert_offsets_consistent(original: &str, n: &Normalized) {
        let starts = n.offsets.as_slice();
        assert_eq!(starts.len(), n.text.len() + 1);
        assert_eq!(*starts.last().unwrap() as usize, original.len());
        for pair in starts.windows(2) {
            assert!(pair[0] <= pair[1], "offsets must be monotone: {starts:?}");
        }
        for (norm_idx, c) in n.text.char_indices() {
            let at = n.offsets.original_start(norm_idx);
            assert!(original.is_char_boundary(at), "{at} is not a char boundary");
            let source = original[at..].chars().next().unwrap();
            let mut refolded = String::new();
            match fold(source) {
                Fold::Keep => refolded.push(source),
                Fold::Char(f) => refolded.push(f),
                Fold::Space => refolded.push(' '),
                Fold::Delete => panic!("deleted char {source:?} has an offset"),
                Fold::Decompose => fold_decomposed(source, |p| refolded.push(p)),
            }
            let restored_alef = c == 'ا' && source == 'ل';
            assert!(
                refolded.contains(c) || restored_alef,
                "{c:?} does not come from {source:?}"
            );
        }
    }

    #[test]
    fn rules() {
        let rows: &[(&str, &str, &str)] = &[
            ("harakat", "إِدْلِب", "ادلب"),
            ("shadda inside a word", "المزّة", "المزه"),
            ("tatweel after clitic", "لـ\"قاسم\"", "ل\"قاسم\""),
            ("alef maqsura", "الزبدانى", "الزبداني"),
            ("teh marbuta", "حماة", "حماه"),
            ("persian letters", "کرکوک ی", "كركوك ي"),
            ("eastern digits", "٧ نوفمبر ٢٠١٧", "7 نوفمبر 2017"),
            ("bidi marks vanish", "\u{200F}حلب\u{202C}", "حلب"),
            ("zero width inside a name", "دير\u{200C} الزور", "دير الزور"),
            (
                "nbsp and double spaces collapse",
                "دير\u{00A0} الزور",
                "دير الزور",
            ),
            ("latin case", "HRC Lab", "hrc lab"),
            ("lam-alef ligature", "\u{FEDF}\u{FEFC}", "لالا"),
            ("newline kept", "حلب\nإدلب", "حلب\nادلب"),
            ("lam of the article after lam", "للبوكمال", "لالبوكمال"),
            ("after waw and lam", "وللقوات", "ولالقوات"),
            ("lam lam inside a word", "الللل", "الللل"),
            ("empty", "", ""),
        ];
        for &(_name, original, expected) in rows {
            assert_normalizes(original, expected);
        }
    }

    #[test]
    fn keys_trim_and_may_be_empty() {
        let n = Normalizer::new();
        assert_eq!(n.normalize_key("  البوكمال "), "البوكمال");
        assert_eq!(n.normalize_key("\u{064E}\u{0651}ـ"), "");
    }

    /// Exhaustive over short strings from a small alphabet that exercises every kind of rule.
    #[test]
    fn invariants_hold_on_all_short_strings() {
        let alphabet = [
            'ا', 'أ', 'ل', 'ة', 'ى', '\u{064E}', 'ـ', ' ', '\u{00A0}', '\u{200F}', '\u{FEFB}', 'ک',
            '٣', 'A', '"',
        ];
        let mut buf = Normalized::new();
        let normalizer = Normalizer::new();
        for s in crate::testing::short_strings(&alphabet, 4) {
            normalizer.normalize_into(&s, &mut buf);
            assert_offsets_consistent(&s, &buf);
            let again = normalizer.normalize(buf.as_str());
            assert_eq!(again.as_str(), buf.as_str(), "idempotence on {s:?}");
        }
    }
}
