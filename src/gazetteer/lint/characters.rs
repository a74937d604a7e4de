//! `invisible-char`, `harakat`, `mixed-script` and `space`: rules about the characters written, and
//! the character helpers the messages and `--fix` use.

use std::fmt::Write as _;

use super::{EntityLint, Rule};
use crate::normalize::is_invisible;

impl EntityLint<'_> {
    /// `invisible-char`, `harakat`, `mixed-script` and `space`: rules about the characters written.
    pub(super) fn characters(&mut self) {
        let id = &self.record.id;
        for (which, text) in self.texts() {
            let what = which.what();
            let shown = shown(text);
            let invisible = code_points(text, is_invisible);
            if !invisible.is_empty() {
                let message = format!(
                    "{what} \"{shown}\" of \"{id}\" contains {invisible}: the matcher ignores it, delete it"
                );
                self.warn(Rule::InvisibleChar, which, &message);
            }
            let harakat = code_points(text, is_haraka);
            if !harakat.is_empty() {
                let message = format!(
                    "{what} \"{shown}\" of \"{id}\" is written with harakat ({harakat}): the matcher ignores them, write the bare letters"
                );
                self.warn(Rule::Harakat, which, &message);
            }
            if text.chars().any(is_arabic_letter) {
                let latin = code_points(text, is_latin_letter);
                let persian = code_points(text, is_persian_letter);
                let mixed = match (latin.is_empty(), persian.is_empty()) {
                    (true, true) => None,
                    (false, true) => Some(format!("Latin letters ({latin})")),
                    (true, false) => Some(format!("Persian letters ({persian})")),
                    (false, false) => Some(format!(
                        "Latin letters ({latin}) and Persian letters ({persian})"
                    )),
                };
                if let Some(mixed) = mixed {
                    let message =
                        format!("{what} \"{shown}\" of \"{id}\" mixes {mixed} into Arabic");
                    self.warn(Rule::MixedScript, which, &message);
                }
            }
            let where_space = match (
                text.starts_with(char::is_whitespace),
                text.ends_with(char::is_whitespace),
            ) {
                (true, true) => Some("leading and trailing"),
                (true, false) => Some("leading"),
                (false, true) => Some("trailing"),
                (false, false) => None,
            };
            if let Some(where_space) = where_space.filter(|_| !text.trim().is_empty()) {
                let message = format!("{what} \"{shown}\" of \"{id}\" has {where_space} space");
                self.warn(Rule::Space, which, &message);
            }
        }
    }
}

/// An alias as `--fix` leaves it: invisible characters deleted, surrounding space trimmed.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_invisible(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// `text` for a message: invisible and control characters as `<U+200F>`, so that a terminal neither
/// hides them nor reorders the line around a bidi control.
pub(super) fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) || c.is_control() {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The distinct characters of `text` that `pick` selects, as `U+200F right-to-left mark` or
/// `U+06AF "گ"`.
fn code_points(text: &str, pick: fn(char) -> bool) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| pick(c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|&c| match char_name(c) {
            Some(name) => format!("U+{:04X} {name}", u32::from(c)),
            None => format!("U+{:04X} \"{c}\"", u32::from(c)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names of the invisible characters and harakat met in pasted text.
fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{061C}' => "arabic letter mark",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{00AD}' => "soft hyphen",
        '\u{0640}' => "tatweel",
        '\u{202A}'..='\u{202E}' => "bidi embedding or override",
        '\u{2066}'..='\u{2069}' => "bidi isolate",
        '\u{064B}' => "fathatan",
        '\u{064C}' => "dammatan",
        '\u{064D}' => "kasratan",
        '\u{064E}' => "fatha",
        '\u{064F}' => "damma",
        '\u{0650}' => "kasra",
        '\u{0651}' => "shadda",
        '\u{0652}' => "sukun",
        '\u{0670}' => "superscript alef",
        _ => return None,
    })
}

/// Harakat and the other marks the normaliser deletes from the Arabic block (not Quranic signs).
fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Letters of the Arabic block, presentation forms included.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Basic Latin and Latin-1/Extended-A/B letters.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic())
}

/// Letters of Persian that Arabic news text does not use: peh, tcheh, jeh, gaf, keheh, Farsi yeh,
/// heh with yeh above. Keheh and Farsi yeh fold to ك and ي, so they are pasted spellings; the others
/// do not fold and stop the alias from matching Arabic spellings.
fn is_persian_letter(c: char) -> bool {
    matches!(
        c,
        '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06A9}' | '\u{06CC}' | '\u{06C0}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_and_showing() {
        let rows = [
            ("rlm stripped", "حلب\u{200F}", "حلب", "حلب<U+200F>"),
            ("tatweel stripped", "حلـب", "حلب", "حل<U+0640>ب"),
            ("spaces trimmed", " حلب ", "حلب", " حلب "),
            (
                "zwnj inside kept out",
                "می\u{200C}خواهد",
                "میخواهد",
                "می<U+200C>خواهد",
            ),
            ("harakat kept", "حَلَب", "حَلَب", "حَلَب"),
        ];
        for (name, text, cleaned, message_form) in rows {
            assert_eq!(clean(text), cleaned, "{name}");
            assert_eq!(shown(text), message_form, "{name}");
        }
    }

    #[test]
    fn character_classes() {
        let rows = [
            (
                "latin in arabic",
                "حلب x",
                is_latin_letter as fn(char) -> bool,
                "U+0078 \"x\"",
            ),
            ("accented latin", "é", is_latin_letter, "U+00E9 \"é\""),
            ("keheh", "کركوك", is_persian_letter, "U+06A9 \"ک\""),
            ("gaf twice", "گگ", is_persian_letter, "U+06AF \"گ\""),
            (
                "damma and shadda",
                "مُزّة",
                is_haraka,
                "U+064F damma, U+0651 shadda",
            ),
            ("arabic yeh is not persian", "علي", is_persian_letter, ""),
        ];
        for (name, text, pick, expected) in rows {
            assert_eq!(code_points(text, pick), expected, "{name}");
        }
    }
}
