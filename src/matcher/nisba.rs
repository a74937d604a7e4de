//! A group named after a family is also the adjective of that family: `الحوثي` is the Houthis in
//! `مواقع الحوثي` ("the Houthis' positions") and in `ميليشيات الحوثي`, but an adjective in `التمرد الحوثي`
//! ("the Houthi rebellion") or `القيادي الحوثي` ("the Houthi leader"), which name no group (nationality
//! and other adjectives are no entities, annotation guideline). Arabic tells them apart by the article
//! of the word before: a noun in construct (`مواقع`) has none, a noun that the adjective agrees with
//! has it.

use super::rules::Cues;
use super::{PROCLITICS, last_word};
use crate::gazetteer::ARMED_GROUP_LABEL;
use crate::gazetteer::names::Kinds;
use crate::lexicon::Lexicon;
use crate::span::LabelId;

/// Whether a one-word definite nisba (`الحوثي`, normalised; the match's proclitics are `clitics`,
/// starting at `clitic_start`) names no armed group here, but describes or names someone:
/// - an adjective of the definite word right before it: that word carries the article, with or
///   without its own proclitics (`التمرد`, `للوجود`), and is no cue word of groups (`المليشيات
///   الحوثي` keeps the group);
/// - a man's family name after his given name (`يحيى الحوثي`, `أبو يحيى الحوثي`), which the
///   person-name grammar reads. A given name that is also an everyday word (`صالح`) does not decide
///   it.
///
/// A proclitic on the name itself keeps the name (`المخلوع والحوثي`: "the deposed president and the
/// Houthis").
pub(super) fn nisba_names_no_group(
    cues: &Cues,
    lexicon: &Lexicon,
    hay: &str,
    (clitic_start, clitics): (usize, &str),
    name: &str,
) -> bool {
    let nisba =
        clitics.is_empty() && !name.contains(' ') && name.starts_with("ال") && name.ends_with('ي');
    let Some(word) = hay[..clitic_start].strip_suffix(' ').map(last_word) else {
        return false;
    };
    nisba && (is_definite_non_cue(cues, ARMED_GROUP_LABEL, word) || is_given_name(lexicon, word))
}

/// Whether `word` carries the article (after its proclitics, if any) and is no cue word of `label`.
fn is_definite_non_cue(cues: &Cues, label: LabelId, word: &str) -> bool {
    // The word itself, or the word after its proclitics (`للوجود` is normalised `لالوجود`).
    let definite = std::iter::once(word)
        .chain(PROCLITICS.iter().filter_map(|p| word.strip_prefix(p)))
        .filter_map(|w| w.strip_prefix("ال"))
        .find(|bare| bare.chars().count() >= 3);
    definite.is_some_and(|bare| !cues.is_cue(label, bare) && !cues.is_cue(label, word))
}

/// Whether `word` is a given name that is no everyday word.
fn is_given_name(lexicon: &Lexicon, word: &str) -> bool {
    let kinds = lexicon.word(word).kinds;
    // `على الحوثي` "against the Houthis": the preposition على folds like the name علي.
    word != "علي" && kinds.any(Kinds::GIVEN) && !kinds.any(Kinds::COMMON_GIVEN)
}

#[cfg(test)]
mod tests {
    use crate::Tagger;

    /// A group named by a nisba is no group where the nisba is an adjective; other types, and the
    /// group after a word in construct, a cue or with a proclitic on it, keep their reading.
    #[test]
    fn a_nisba_after_a_definite_noun_is_no_group() {
        let yaml = "\
cues: {ARMED_GROUP: [ميليشيات]}
entities:
- {id: g:houthis, type: ARMED_GROUP, name: أنصار الله, name_en: Houthis, aliases: [الحوثي]}
- {id: p:bahri, type: PLACE, name: البحري, name_en: Al Bahri}
";
        let tagger = Tagger::new(crate::testing::gazetteer_of(yaml));
        // (row name, text, the ids tagged)
        let rows: [(&str, &str, &[&str]); 11] = [
            ("alone", "قصف الحوثي المدينة", &["g:houthis"]),
            ("after a noun in construct", "مواقع الحوثي", &["g:houthis"]),
            ("at the start", "الحوثي يقصف", &["g:houthis"]),
            ("after a cue", "ميليشيات الحوثي", &["g:houthis"]),
            (
                "after a cue with the article",
                "الميليشيات الحوثي",
                &["g:houthis"],
            ),
            (
                "a proclitic on the name",
                "الرئيس المخلوع والحوثي",
                &["g:houthis"],
            ),
            ("the rebellion", "التمرد الحوثي", &[]),
            ("the leader", "القيادي الحوثي في تعز", &[]),
            ("a preposition on the noun", "التصدي للوجود الحوثي", &[]),
            ("after a short word", "الى الحوثي", &["g:houthis"]),
            ("places keep the reading", "الميناء البحري", &["p:bahri"]),
        ];
        for (name, text, expected) in rows {
            let ids: Vec<&str> = tagger
                .tag(text)
                .unwrap()
                .iter()
                .map(|m| {
                    let entity = m.entity().expect("a gazetteer entity");
                    tagger.gazetteer().entity(entity).id.as_str()
                })
                .collect();
            assert_eq!(ids, expected, "{name}: {text}");
        }
    }
}
