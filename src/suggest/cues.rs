//! The word lists `suggest` reads text with: cue words and the type of name they announce, words
//! that end a name, and first words that cannot end one. They are written as spelt and normalised
//! once, with the normaliser the tagger uses.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::normalize::Normalizer;

/// The entity types a cue can suggest.
pub(super) const PLACE: &str = "PLACE";
pub(super) const ARMED_GROUP: &str = "ARMED_GROUP";
pub(super) const PERSON: &str = "PERSON";
pub(super) const ORG: &str = "ORG";

/// A cue word or phrase, the type of the name after it, and whether it belongs to that name. The
/// annotation guideline keeps a faction's own type word (`حركة أحرار الشام`, `لواء التوحيد`) but not a
/// generic head noun (`فصيل`, `ميليشيا`), a settlement word or a title.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    pub(super) written: &'static str,
    pub(super) label: &'static str,
    pub(super) in_name: bool,
}

const fn cue(written: &'static str, label: &'static str, in_name: bool) -> Cue {
    Cue {
        written,
        label,
        in_name,
    }
}

/// The cues. Settlement and admin words, not `منطقة` or `مخيم` (`منطقة خفض التصعيد`, and camps are
/// named with their type word); faction words, not `جيش`, `قوات` or `تنظيم`, which mostly precede
/// known names or common nouns (`قوات الأمن`); ranks and roles, which precede a person's name.
const CUES: &[Cue] = &[
    cue("مدينة", PLACE, false),
    cue("بلدة", PLACE, false),
    cue("قرية", PLACE, false),
    cue("حي", PLACE, false),
    cue("ناحية", PLACE, false),
    cue("محافظة", PLACE, false),
    cue("قضاء", PLACE, false),
    cue("فصيل", ARMED_GROUP, false),
    cue("لواء", ARMED_GROUP, true),
    cue("ألوية", ARMED_GROUP, true),
    cue("كتائب", ARMED_GROUP, true),
    cue("كتيبة", ARMED_GROUP, true),
    cue("سرايا", ARMED_GROUP, true),
    cue("حركة", ARMED_GROUP, true),
    cue("جبهة", ARMED_GROUP, true),
    cue("فرقة", ARMED_GROUP, true),
    cue("تجمع", ARMED_GROUP, true),
    cue("ميليشيا", ARMED_GROUP, false),
    cue("ميليشيات", ARMED_GROUP, false),
    cue("مليشيا", ARMED_GROUP, false),
    cue("مليشيات", ARMED_GROUP, false),
    cue("القائد", PERSON, false),
    cue("القيادي", PERSON, false),
    cue("العقيد", PERSON, false),
    cue("العميد", PERSON, false),
    // The rank "major general"; the indefinite `لواء` above is "brigade".
    cue("اللواء", PERSON, false),
    cue("النقيب", PERSON, false),
    cue("الرائد", PERSON, false),
    cue("المقدم", PERSON, false),
    cue("الأمير", PERSON, false),
    cue("الزعيم", PERSON, false),
    cue("الشيخ", PERSON, false),
    // "the one called": how reports introduce a person not otherwise known.
    cue("المدعو", PERSON, false),
    cue("الناطق باسم", ORG, false),
    cue("المتحدث باسم", ORG, false),
    cue("الناطق الرسمي باسم", ORG, false),
    cue("المتحدث الرسمي باسم", ORG, false),
];

/// Words that end a candidate wherever they stand: prepositions, conjunctions, pronouns, relatives,
/// reporting verbs, directions and generic descriptors.
const STOP_WORDS: &str = "\
في من إلى على عن مع ضد بين حتى منذ خلال بعد قبل عند نحو لدى عبر حول \
دون تحت فوق قرب قرابة أو ثم بل لكن التي الذي الذين اللذين اللتين هذه \
هذا ذلك تلك هو هي هم كما قد لم لن إن أن أنه أنها ما لا كل غير أمس \
اليوم أيضا حيث وفق بحسب حسب عام العام سابقا السابق الحالي الجديد قال \
أكد أعلن أشار أوضح صرح ذكر كشف نفى قتل لقي أصيب يقول شرق غرب شمال جنوب \
وسط شرقي غربي شمالي جنوبي ريف أطراف محيط معارض مسلح مقاتل عسكري جديد \
آخر واحد نفسه نفسها ذاتها تابع تابعة التابع التابعة";

/// Adjectives that follow a place and are no part of its name (`بلدة X المجاورة`); nisba adjectives
/// (`السورية`, `حدودية`) are recognised by their ending instead.
const PLACE_ADJECTIVES: &str = "\
المجاورة المحاصرة المحررة القريبة الواقعة المحتلة الكبيرة الصغيرة \
القديمة";

/// First parts of names that cannot end one: kunyas, patronyms and the heads of compound place
/// names (`أبو كمال`, `عبد الرحمن`, `دير الزور`, `تل أبيض`, `خان شيخون`).
const HEADS: &str = "\
أبو أبي أبا ابن بن بني بنت عبد أم آل ذو ذي دير تل رأس عين كفر خان جسر \
بئر بيت باب مرج وادي جبل سيدي قصر سوق معرة تلة الشيخ";

/// Proclitic combinations that may be glued to a cue word (`بمدينة`, `وللقائد` → `ولالقائد`): the
/// matcher's.
pub(super) use crate::matcher::PROCLITICS;

/// The word lists, normalised once.
pub(super) struct Lists {
    /// Cues as normalised words, beside [`CUES`].
    pub(super) cues: Vec<(Vec<String>, Cue)>,
    /// Cue indexes by their first normalised word.
    pub(super) by_first: HashMap<String, Vec<usize>>,
    /// Words that end a run wherever they stand.
    pub(super) stop: HashSet<String>,
    /// The first word of every cue: it ends a run, but may start one (`حي الشيخ مقصود`).
    pub(super) cue_words: HashSet<String>,
    /// Words that end a place's run.
    pub(super) place_adjectives: HashSet<String>,
    /// Words after which a run always goes on.
    pub(super) heads: HashSet<String>,
}

pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let normalizer = Normalizer::new();
    let key = |w: &str| normalizer.normalize_key(w);
    let cues: Vec<(Vec<String>, Cue)> = CUES
        .iter()
        .map(|&cue| (cue.written.split(' ').map(key).collect(), cue))
        .collect();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (words, _)) in cues.iter().enumerate() {
        by_first.entry(words[0].clone()).or_default().push(i);
    }
    Lists {
        stop: STOP_WORDS.split_whitespace().map(key).collect(),
        cue_words: by_first.keys().cloned().collect(),
        cues,
        by_first,
        place_adjectives: PLACE_ADJECTIVES.split_whitespace().map(key).collect(),
        heads: HEADS.split_whitespace().map(key).collect(),
    }
});

/// `word` without a leading proclitic combination, when what is left is in `set`.
pub(super) fn in_set_after_clitics(word: &str, set: &HashSet<String>) -> bool {
    set.contains(word)
        || PROCLITICS.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 2 && set.contains(rest))
        })
}

/// Whether a word as written looks like a nisba adjective (`السورية`, `حدودية`, `الشرقي`): those
/// follow a place's name rather than belonging to it. Read before normalisation, which would make
/// `الكبرى` (ى) end like `الشرقي` (ي).
pub(super) fn is_nisba(written: &str) -> bool {
    let letters = written.chars().count();
    let definite = written.starts_with("ال");
    (letters >= 5
        && ["ية", "يه", "يين", "يون", "يات"]
            .iter()
            .any(|e| written.ends_with(e)))
        || (definite && letters >= 5 && written.ends_with('ي'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_words_are_single_normalised_words() {
        let normalizer = Normalizer::new();
        let words = STOP_WORDS
            .split_whitespace()
            .chain(PLACE_ADJECTIVES.split_whitespace())
            .chain(HEADS.split_whitespace())
            .chain(CUES.iter().flat_map(|c| c.written.split(' ')));
        for word in words {
            let key = normalizer.normalize_key(word);
            assert!(!key.is_empty() && !key.contains(' '), "{word:?}");
        }
        assert_eq!(LISTS.cues.len(), CUES.len());
    }

    #[test]
    fn clitics_before_list_words() {
        let normalizer = Normalizer::new();
        let rows = [
            ("bare", "ريف", true),
            ("beh", "بريف", true),
            ("waw beh", "وبريف", true),
            // `لبنان` is no ل + `بنان`: the rest is not in the list.
            ("not a clitic", "لبنان", false),
            ("waw on a function word", "وما", true),
        ];
        let names: HashSet<&str> = rows.iter().map(|r| r.0).collect();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for (name, word, expected) in rows {
            let key = normalizer.normalize_key(word);
            assert_eq!(in_set_after_clitics(&key, &LISTS.stop), expected, "{name}");
        }
    }

    #[test]
    fn nisbas() {
        let rows = [
            ("definite feminine", "السورية", true),
            ("indefinite feminine", "حدودية", true),
            ("definite masculine", "الشرقي", true),
            ("plural", "الإيرانيين", true),
            // Alef maqsura is no nisba, though it normalises like one.
            ("alef maqsura", "الكبرى", false),
            ("short word", "قرية", false),
            ("place name", "جرابلس", false),
        ];
        let names: HashSet<&str> = rows.iter().map(|r| r.0).collect();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for (name, word, expected) in rows {
            assert_eq!(is_nisba(word), expected, "{name}");
        }
    }
}
