//! Per-character folding rules for Arabic-script news text.
//!
//! Each code point folds to nothing, to one character or (for presentation-form ligatures) to a short
//! sequence. The rules are `match` arms on code point ranges so the hot loop never hashes; the table in
//! the parent module's docs lists them all.

use unicode_normalization::char::decompose_compatible;

/// What one original character becomes in the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Unchanged.
    Keep,
    /// Replaced by one character.
    Char(char),
    /// Removed: diacritics, tatweel, invisible format characters.
    Delete,
    /// A space character of any kind; runs of them collapse into one ASCII space.
    Space,
    /// An Arabic presentation form: decomposed compatibly, then each part is folded again.
    Decompose,
}

/// Folds one character. See the table in [`crate::normalize`].
pub(crate) fn fold(c: char) -> Fold {
    match c {
        // ASCII fast path: only upper-case letters and blanks change.
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        ' ' | '\t' => Fold::Space,
        '\0'..='\u{7F}' => Fold::Keep,
        // Harakat, shadda, sukun and the rarer marks of the Arabic block; superscript alef.
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Fold::Delete,
        // Quranic annotation signs.
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}' => Fold::Delete,
        // Tatweel (kashida).
        '\u{0640}' => Fold::Delete,
        // Hamza carriers and wasla on alef: أ إ آ ٱ ٲ ٳ.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => {
            Fold::Char('ا')
        }
        // Alef maqsura and Farsi yeh.
        '\u{0649}' | '\u{06CC}' => Fold::Char('ي'),
        // Teh marbuta, heh goal, heh doachashmee, ae, heh with yeh above.
        '\u{0629}' | '\u{06C1}' | '\u{06BE}' | '\u{06D5}' | '\u{06C0}' => Fold::Char('ه'),
        // Keheh and swash kaf.
        '\u{06A9}' | '\u{06AA}' => Fold::Char('ك'),
        // Arabic-Indic and Extended Arabic-Indic (Persian) digits.
        '\u{0660}'..='\u{0669}' => Fold::Char(ascii_digit(c, '\u{0660}')),
        '\u{06F0}'..='\u{06F9}' => Fold::Char(ascii_digit(c, '\u{06F0}')),
        // Invisible format characters: Arabic letter mark, soft hyphen, zero-width and bidi controls,
        // word joiner, byte order mark.
        '\u{061C}' | '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => Fold::Delete,
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => Fold::Delete,
        // Non-breaking and typographic spaces.
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Space,
        // Every other character of the Arabic block stays; this arm spares the Unicode case tables.
        '\u{0600}'..='\u{06FF}' => Fold::Keep,
        // The phrase ligatures ﷺ (18 letters and spaces) and ﷻ (8) stay whole: no name is spelt with
        // them, and expanded they made normalised text 11 times the original; every other
        // presentation form is at most 8/3 of its bytes once decomposed.
        '\u{FDFA}' | '\u{FDFB}' => Fold::Keep,
        // Presentation forms A and B, as pasted from PDFs.
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Decompose,
        _ if c.is_uppercase() => match single_lowercase(c) {
            Some(lower) => Fold::Char(lower),
            None => Fold::Keep,
        },
        _ => Fold::Keep,
    }
}

/// Calls `emit` with each character that `c` folds to, in order.
///
/// This is the slow path for presentation forms only; everything else goes through [`fold`] directly.
pub(crate) fn fold_decomposed(c: char, mut emit: impl FnMut(char)) {
    decompose_compatible(c, |part| match fold(part) {
        Fold::Keep => emit(part),
        Fold::Char(folded) => emit(folded),
        Fold::Space => emit(' '),
        Fold::Delete => {}
        // No compatibility decomposition (ornate parentheses, unassigned points): keep it as it is.
        Fold::Decompose => emit(part),
    });
}

/// The name of the rule that changes `c`, for explanations (`أ→ا`, `harakat removed`); `None` when
/// `c` is kept as it is.
pub(crate) fn rule_name(c: char) -> Option<&'static str> {
    let name = match c {
        'أ' => "أ→ا",
        'إ' => "إ→ا",
        'آ' => "آ→ا",
        'ٱ' | '\u{0672}' | '\u{0673}' => "ٱ→ا",
        'ى' => "ى→ي",
        'ة' => "ة→ه",
        '\u{0640}' => "tatweel removed",
        '\u{064B}'..='\u{065F}' | '\u{0670}' => "harakat removed",
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}' => {
            "Quranic marks removed"
        }
        '\u{06CC}' | '\u{06A9}' | '\u{06AA}' | '\u{06C0}' | '\u{06C1}' | '\u{06BE}'
        | '\u{06D5}' => "Persian letters folded",
        '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}' => "digits folded",
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => "presentation forms decomposed",
        _ if is_invisible(c) => "invisible marks removed",
        _ => match fold(c) {
            Fold::Space if c != ' ' => "spaces folded",
            Fold::Char(_) => "case folded",
            _ => return None,
        },
    };
    Some(name)
}

/// Whether `c` belongs to a word in normalised text: letters and digits of any script.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // Fast paths for ASCII and the Arabic letters and digits; the Unicode tables for the rest.
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{0620}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The byte length of the run of word characters ([`is_word_char`]) that `text` starts with.
///
/// The name grammar reads the text word by word around every name it tries; a loop over bytes that
/// decodes the two-byte letters of the Arabic block by hand is several times faster there than
/// `str::find` with a predicate, which decodes every character through the general path.
pub(crate) fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let (is_word, width) = match (lead, bytes.get(at + 1)) {
            (0..0x80, _) => (lead.is_ascii_alphanumeric(), 1),
            // U+0600–U+06FF: the lead byte and one continuation byte.
            (0xD8..=0xDB, Some(&next)) => {
                let code = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
                (char::from_u32(code).is_some_and(is_word_char), 2)
            }
            _ => match text[at..].chars().next() {
                Some(c) => (is_word_char(c), c.len_utf8()),
                None => (false, 0),
            },
        };
        if !is_word {
            break;
        }
        at += width;
    }
    at
}

/// The byte span of the word that starts one space after `at` in normalised `text`, if the text
/// goes on that way: what the name rules read after a word (a title's name, a facility's adjective).
pub(crate) fn next_word(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let len = word_len(rest);
    (len > 0).then_some((at + 1, at + 1 + len))
}

/// Whether `c` is an invisible format character that [`fold`] deletes. A span never ends on one:
/// an RLM after a name is layout, not part of the name (unlike harakat, which belong to their letter).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{0640}'
    )
}

fn ascii_digit(c: char, zero: char) -> char {
    let value = u32::from(c) - u32::from(zero);
    char::from_digit(value, 10).expect("digit ranges hold exactly ten code points")
}

/// Lower-cases `c` only when its lower case is one character, so that one original character never
/// becomes an unexpected sequence (`İ` lower-cases to two).
fn single_lowercase(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(c: char) -> String {
        let mut out = String::new();
        match fold(c) {
            Fold::Keep => out.push(c),
            Fold::Char(f) => out.push(f),
            Fold::Space => out.push(' '),
            Fold::Delete => {}
            Fold::Decompose => fold_decomposed(c, |p| out.push(p)),
        }
        out
    }

    #[test]
    fn table() {
        let rows: &[(&str, char, &str)] = &[
            ("fatha", '\u{064E}', ""),
            ("shadda", '\u{0651}', ""),
            ("sukun", '\u{0652}', ""),
            ("superscript alef", '\u{0670}', ""),
            ("tatweel", 'ـ', ""),
            ("alef with hamza above", 'أ', "ا"),
            ("alef with hamza below", 'إ', "ا"),
            ("alef with madda", 'آ', "ا"),
            ("alef wasla", 'ٱ', "ا"),
            ("alef maqsura", 'ى', "ي"),
            ("teh marbuta", 'ة', "ه"),
            ("farsi yeh", 'ی', "ي"),
            ("keheh", 'ک', "ك"),
            ("ae", 'ە', "ه"),
            ("heh with yeh above", 'ۀ', "ه"),
            ("arabic-indic seven", '٧', "7"),
            ("persian four", '۴', "4"),
            ("right-to-left mark", '\u{200F}', ""),
            ("zero width non-joiner", '\u{200C}', ""),
            ("right-to-left embedding", '\u{202B}', ""),
            ("first strong isolate", '\u{2068}', ""),
            ("byte order mark", '\u{FEFF}', ""),
            ("no-break space", '\u{00A0}', " "),
            ("latin capital", 'Q', "q"),
            ("greek capital", 'Σ', "σ"),
            ("beh final form", '\u{FE90}', "ب"),
            ("teh marbuta final form", '\u{FE94}', "ه"),
            ("lam-alef ligature", '\u{FEFB}', "لا"),
            ("lam-alef with hamza ligature", '\u{FEF7}', "لا"),
            ("farsi yeh final form", '\u{FBFD}', "ي"),
            ("plain letter", 'ب', "ب"),
            ("arabic comma", '،', "،"),
        ];
        let mut names: Vec<&str> = rows.iter().map(|r| r.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), rows.len(), "row names must be unique");
        for &(name, input, expected) in rows {
            assert_eq!(
                folded(input),
                expected,
                "rule {name}: U+{:04X}",
                u32::from(input)
            );
        }
    }

    #[test]
    fn letter_presentation_forms_fold_to_base_letters() {
        for cp in 0xFE80..=0xFEFC {
            let c = char::from_u32(cp).expect("presentation forms B are assigned");
            let out = folded(c);
            assert!(!out.is_empty(), "U+{cp:04X} vanished");
            for part in out.chars() {
                assert!(
                    ('\u{0621}'..='\u{064A}').contains(&part),
                    "U+{cp:04X} left {part:?}"
                );
            }
        }
    }

    /// The byte loop agrees with the definition, `is_word_char` over decoded characters, on every
    /// character of the Arabic block, its neighbours, ASCII and a sample of other scripts, alone,
    /// as a word's end and inside a word.
    #[test]
    fn word_len_agrees_with_is_word_char() {
        let by_definition =
            |text: &str| text.find(|c: char| !is_word_char(c)).unwrap_or(text.len());
        let chars = (0..0x80)
            .chain(0x0590..0x0800)
            .chain([0x00E9, 0x0416, 0x200C, 0x3042, 0xFEFB, 0x1F600])
            .filter_map(char::from_u32);
        for c in chars {
            for text in [format!("{c}"), format!("علي{c}"), format!("ب{c}د x")] {
                assert_eq!(
                    word_len(&text),
                    by_definition(&text),
                    "{text:?} (U+{:04X})",
                    c as u32
                );
            }
        }
        assert_eq!(word_len(""), 0);
    }

    #[test]
    fn next_word_is_one_space_away() {
        // (row name, text, from, the word expected)
        let rows = [
            ("a word", "قاعده العند الجويه", "قاعده".len(), Some("العند")),
            (
                "up to punctuation",
                "مطار عدن، امس",
                "مطار".len(),
                Some("عدن"),
            ),
            ("the end of the text", "مطار", "مطار".len(), None),
            ("punctuation first", "مطار، عدن", "مطار".len(), None),
            ("two spaces", "مطار  عدن", "مطار".len(), None),
            ("past the end", "مطار", 99, None),
        ];
        for (name, text, at, expected) in rows {
            let got = next_word(text, at).map(|(s, e)| &text[s..e]);
            assert_eq!(got, expected, "{name}");
        }
    }
}
