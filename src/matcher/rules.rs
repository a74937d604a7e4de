//! The rules a match must meet beyond its word checks: an alias's `when` rule and the cue words
//! before it, and the adjective reading that is no place.

use super::{Candidate, PROCLITICS, Status, is_quote, last_word};
use crate::gazetteer::{Gazetteer, When};
use crate::span::LabelId;

/// The status of a candidate whose word checks passed, from its `when` rule.
pub(super) fn candidate_status(
    gazetteer: &Gazetteer,
    hay: &str,
    word: std::ops::Range<usize>,
    candidate: &Candidate,
) -> Status {
    let cued = |label| {
        preceded_by_cue(gazetteer, hay, word.start, label)
            || (gazetteer.is_cue(label, QUOTED_CUE) && is_quoted(hay, word.clone()))
    };
    match candidate.when {
        When::Always if gazetteer.has_cues(candidate.label) && cued(candidate.label) => {
            Status::CuedAlways
        }
        When::Always => Status::Always,
        when if when.allows_cue() && cued(candidate.label) => Status::Cue,
        when if when.allows_document() => Status::Pending,
        _ => Status::Rejected,
    }
}

/// Whether the word before `norm_start` (after spaces and quote marks: `مدينة (القائم)`) is a cue for
/// `label`, possibly with its own proclitics (`بمدينة`).
fn preceded_by_cue(gazetteer: &Gazetteer, hay: &str, norm_start: usize, label: LabelId) -> bool {
    let before = hay[..norm_start].trim_end_matches(|c| c == ' ' || is_quote(c));
    if before.len() == norm_start {
        return false; // glued to something that is not a proclitic
    }
    let word = last_word(before);
    !word.is_empty()
        && (gazetteer.is_cue(label, word)
            || PROCLITICS.iter().any(|p| {
                word.strip_prefix(p)
                    .is_some_and(|rest| gazetteer.is_cue(label, rest))
            }))
}

/// The cue word that stands for quote marks around a name: Arabic news quotes the names of outlets
/// (`لـ«الشرق الأوسط»`, `"الحياة"`), so for ORG a quoted name is as good as `صحيفة` before it.
const QUOTED_CUE: &str = "«»";

/// Whether the normalised range `word` (a match with its proclitics) stands between an opening and a
/// closing quote mark, spaces allowed inside them.
fn is_quoted(hay: &str, word: std::ops::Range<usize>) -> bool {
    let before = hay[..word.start].trim_end_matches(' ').chars().next_back();
    let after = hay[word.end..].trim_start_matches(' ').chars().next();
    matches!(before, Some('«' | '"' | '“' | '\'' | '‘'))
        && matches!(after, Some('»' | '"' | '”' | '\'' | '’'))
}

/// Whether a one-word match reads as an adjective agreeing with the word before it, not the place it
/// also spells:
/// - indefinite: a feminine nisba (`سورية`, "Syrian") right after an indefinite feminine word
///   (`عائلة سورية`, "a Syrian family"; `مصادر عراقية وسورية`), not `في سورية`;
/// - definite: a feminine word with the article right after a definite feminine word or plural
///   (`الأسلحة الحديثة`, "the modern weapons"; `السلطات السعودية`, "the Saudi authorities";
///   `القائمة السوداء`, "the black list"), not `زار السعودية`. Nationality adjectives are no
///   entities (annotation guideline).
///
/// A cue word before it (`مدينة`, `بلدة`, `العاصمة`) keeps the name reading (`العاصمة الدوحة`), and so
/// do prepositions glued to it, and for a definite name any proclitic: `الرقة والحسكة` are two places.
pub(super) fn reads_as_adjective(
    gazetteer: &Gazetteer,
    hay: &str,
    clitic_start: usize,
    clitics: &str,
    name: &str,
) -> bool {
    // Normalised: ة is ه, so the nisba ending ية is يه.
    let definite = name.starts_with("ال");
    // Definite feminine adjectives end in ة or, for colours and the like, in اء (`السوداء`).
    let agreeing = if definite {
        name.ends_with('ه') || name.ends_with("اء")
    } else {
        name.ends_with("يه")
    };
    let clitics_allowed = if definite {
        clitics.is_empty()
    } else {
        matches!(clitics, "" | "و" | "ف")
    };
    if !agreeing || name.contains(' ') || !clitics_allowed {
        return false;
    }
    let Some(before) = hay[..clitic_start].strip_suffix(' ') else {
        return false;
    };
    let word = last_word(before);
    let bare = word.strip_prefix("ال").unwrap_or(word);
    let feminine = word.ends_with('ه') || (definite && word.ends_with("ات"));
    let is_cue = || {
        (0..gazetteer.labels().len()).any(|l| {
            let label = LabelId::from_usize(l);
            gazetteer.is_cue(label, word) || gazetteer.is_cue(label, bare)
        })
    };
    feminine && word.starts_with("ال") == definite && bare.chars().count() >= 3 && !is_cue()
}
