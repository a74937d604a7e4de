//! Facilities and names inside names, decided once a place is chosen (annotation guideline):
//! - a facility head noun right before a known place makes one PLACE span with it, and a following
//!   adjective of the facility too (`مطار جازان`, `قاعدة العند الجوية`, `بقاعدة طبرق` with ب outside);
//! - a place right after the head noun of an organisation's name (`بنك فرنسا المركزي`, `ريال مدريد`,
//!   `مجلس محافظة الأنبار`) is part of that name, not a place of its own.
//!
//! Only the words around a match are read; nothing is allocated.

use super::{PROCLITICS, last_word};
use crate::normalize::next_word;

/// Head nouns of facilities named after a place (normalised: ة is ه).
const FACILITY_HEADS: &[&str] = &[
    "مطار",
    "مستشفي",
    "شارع",
    "قاعده",
    "معبر",
    "ميناء",
    "قصر",
    "جسر",
    "سد",
    "مخيم",
    "حقل",
    "مسجد",
    "بوابه",
    "نقطه",
    "دوار",
    "ساحه",
    "سجن",
    "محطه",
    "مرفا",
];

/// Adjectives that close a facility's name (`الجوية`, `الدولي`).
const FACILITY_ADJECTIVES: &[&str] = &[
    "الجويه",
    "الجوي",
    "الدولي",
    "البحريه",
    "البحري",
    "العسكريه",
    "العسكري",
    "الحدودي",
    "الحدوديه",
    "المركزي",
    "الكبير",
    "النفطي",
    "النفطيه",
    "التخصصي",
];

/// Head nouns of organisation names that take a place name (`بنك فرنسا`, `نادي الرياض`).
const ORGANISATION_HEADS: &[&str] = &[
    "بنك",
    "مصرف",
    "مجلس",
    "نادي",
    "شركه",
    "جامعه",
    "ريال",
    "اتلتيكو",
    "منتخب",
];

/// Administrative words that stand between an organisation's head and the place
/// (`مجلس محافظة الأنبار`).
const ADMIN_WORDS: &[&str] = &["محافظه", "مدينه", "ولايه", "منطقه"];

/// Type words of settlements and administrative units (normalised), outside a place's span by the
/// annotation guideline (`محافظة لحج` → `لحج`), unless part of the official name (`ريف دمشق`).
const SETTLEMENT_TYPE_WORDS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "حي",
    "محافظه",
    "ريف",
    "منطقه",
    "ناحيه",
    "قضاء",
    "ولايه",
    "مديريه",
];

/// The byte length of a settlement or administrative type word and the space after it that open a
/// matched alias (`محافظه لحج`, kept by a gazetteer to tell the governorate from the town), or 0.
///
/// Whether the type word belongs to the name is the entity's to say: its canonical name starts with
/// it (`ريف دمشق`, the governorate; `ولاية البركة`) or not.
pub(crate) fn type_word_len(alias: &str) -> usize {
    SETTLEMENT_TYPE_WORDS
        .iter()
        .find(|word| {
            alias
                .strip_prefix(**word)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .map_or(0, |word| word.len() + 1)
}

/// The word before `norm_start` (after one space), with the proclitics glued to it split off:
/// (where the word starts, where it starts without proclitics, the bare word).
fn word_before(hay: &str, norm_start: usize) -> Option<(usize, usize, &str)> {
    let before = hay[..norm_start].strip_suffix(' ')?;
    let word = last_word(before);
    let start = before.len() - word.len();
    if word.is_empty() {
        return None;
    }
    Some((start, start, word))
}

/// `word` without one proclitic sequence, when what is left is in `list`.
fn strip_to<'a>(word: &'a str, list: &[&str]) -> Option<(usize, &'a str)> {
    if list.contains(&word) {
        return Some((0, word));
    }
    PROCLITICS.iter().find_map(|p| {
        let rest = word.strip_prefix(p)?;
        list.contains(&rest).then_some((p.len(), rest))
    })
}

/// Where a facility's span starts and ends around a place matched at `norm_start..norm_end` with no
/// proclitics of its own, and where the facility word's proclitics start; `None` when no facility
/// head noun stands right before it.
pub(crate) fn facility_span(
    hay: &str,
    norm_start: usize,
    norm_end: usize,
) -> Option<(usize, usize, usize)> {
    let (clitic_start, _, word) = word_before(hay, norm_start)?;
    let (clitic_len, _) = strip_to(word, FACILITY_HEADS)?;
    let start = clitic_start + clitic_len;
    Some((clitic_start, start, adjective_end(hay, norm_end)))
}

/// Where a facility's name that ends at `norm_end` ends with the adjective of the facility that may
/// follow it (`الجوية`, `الدولي`): after the adjective, or at `norm_end` when none follows.
pub(crate) fn adjective_end(hay: &str, norm_end: usize) -> usize {
    match next_word(hay, norm_end) {
        Some((start, end)) if is_facility_adjective(&hay[start..end]) => end,
        _ => norm_end,
    }
}

/// Whether a normalised word is an adjective that closes a facility's name (`الجويه`).
pub(crate) fn is_facility_adjective(word: &str) -> bool {
    FACILITY_ADJECTIVES.contains(&word)
}

/// Whether a place matched at `norm_start` (its proclitics included) is part of an organisation's
/// name: right after an organisation's head noun, or after one with an administrative word between.
pub(crate) fn inside_organisation_name(hay: &str, norm_start: usize) -> bool {
    let Some((start, _, word)) = word_before(hay, norm_start) else {
        return false;
    };
    if strip_to(word, ORGANISATION_HEADS).is_some() {
        return true;
    }
    ADMIN_WORDS.contains(&word)
        && word_before(hay, start)
            .is_some_and(|(_, _, head)| strip_to(head, ORGANISATION_HEADS).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;

    fn norm(text: &str) -> String {
        Normalizer::new().normalize(text).as_str().to_owned()
    }

    #[test]
    fn type_words_open_an_alias() {
        // (row name, normalised alias, the type word's length with its space)
        let rows = [
            ("governorate", "محافظه لحج", "محافظه ".len()),
            ("district", "مديريه المنصوره", "مديريه ".len()),
            ("countryside", "ريف دمشق", "ريف ".len()),
            ("a bare name", "لحج", 0),
            ("a name that starts like one", "حيفا", 0),
            ("a type word alone", "محافظه", 0),
        ];
        for (name, alias, expected) in rows {
            assert_eq!(type_word_len(alias), expected, "{name}");
        }
    }

    #[test]
    fn facility_spans() {
        // (row name, text, the place, the facility span expected)
        let rows = [
            (
                "airport",
                "هبطت في مطار جازان أمس",
                "جازان",
                Some("مطار جازان"),
            ),
            (
                "base and adjective",
                "على قاعدة العند الجوية",
                "العند",
                Some("قاعدة العند الجوية"),
            ),
            (
                "proclitic on the head",
                "القتال بقاعدة طبرق مستمر",
                "طبرق",
                Some("قاعدة طبرق"),
            ),
            ("port", "قبالة ميناء درنة شمال", "درنة", Some("ميناء درنة")),
            ("no head", "في مدينة جازان", "جازان", None),
            (
                "a word that only ends like a head",
                "المطارات جازان",
                "جازان",
                None,
            ),
        ];
        for (name, text, place, expected) in rows {
            let hay = norm(text);
            let key = norm(place);
            let start = hay.find(&key).expect("place in text");
            let found = facility_span(&hay, start, start + key.len()).map(|(_, s, e)| &hay[s..e]);
            assert_eq!(found, expected.map(norm).as_deref(), "{name}");
        }
    }

    #[test]
    fn places_inside_organisation_names() {
        // (row name, text, the place, inside an organisation's name)
        let rows = [
            ("central bank", "قال بنك فرنسا المركزي", "فرنسا", true),
            ("club", "فاز ريال مدريد", "مدريد", true),
            (
                "provincial council",
                "قرر مجلس محافظة الأنبار",
                "الأنبار",
                true,
            ),
            (
                "with a proclitic on the head",
                "وفي نادي الرياض",
                "الرياض",
                true,
            ),
            ("a governorate", "في محافظة الأنبار", "الأنبار", false),
            ("a plain place", "زار الوزير فرنسا", "فرنسا", false),
        ];
        for (name, text, place, expected) in rows {
            let hay = norm(text);
            let start = hay.find(&norm(place)).expect("place in text");
            assert_eq!(inside_organisation_name(&hay, start), expected, "{name}");
        }
    }
}
