//! The rules a match must meet beyond its word checks: an alias's `when` rule and the cue words
//! before it, and the adjective reading that is no place.

use std::collections::HashSet;

use super::{Candidate, PROCLITICS, Status, is_quote, last_word};
use crate::gazetteer::{Gazetteer, When};
use crate::span::LabelId;

/// The gazetteer's cue words, compiled into the matcher when it is built or read from an image, so
/// that a scan consults no gazetteer.
#[derive(Debug)]
pub(super) struct Cues {
    /// The normalised cue words of each label, indexed by [`LabelId`].
    by_label: Vec<HashSet<String>>,
    /// The cue words of every label together: the adjective check asks whether a word cues any
    /// type, once per one-word match.
    any: HashSet<String>,
}

impl Cues {
    pub(super) fn new(gazetteer: &Gazetteer) -> Cues {
        let by_label = gazetteer.cue_words().to_vec();
        let any = by_label.iter().flatten().cloned().collect();
        Cues { by_label, any }
    }

    /// Whether any cue word is declared for `label`.
    fn has(&self, label: LabelId) -> bool {
        !self.by_label[label.as_usize()].is_empty()
    }

    /// Whether the normalised word `norm_word` is a cue for entities of type `label`.
    pub(super) fn is_cue(&self, label: LabelId, norm_word: &str) -> bool {
        self.by_label[label.as_usize()].contains(norm_word)
    }

    /// Whether the normalised word `norm_word` is a cue for entities of any type.
    fn is_any_cue(&self, norm_word: &str) -> bool {
        self.any.contains(norm_word)
    }
}

/// The status of a candidate whose word checks passed, from its `when` rule.
pub(super) fn candidate_status(
    cues: &Cues,
    hay: &str,
    word: std::ops::Range<usize>,
    candidate: &Candidate,
) -> Status {
    let cued = |label| {
        preceded_by_cue(cues, hay, word.start, label)
            || (cues.is_cue(label, QUOTED_CUE) && is_quoted(hay, word.clone()))
    };
    match candidate.when {
        When::Always if cues.has(candidate.label) && cued(candidate.label) => Status::CuedAlways,
        When::Always => Status::Always,
        when if when.allows_cue() && cued(candidate.label) => Status::Cue,
        when if when.allows_document() => Status::Pending,
        _ => Status::Rejected,
    }
}

/// Whether the word before `norm_start` (after spaces and quote marks: `مدينة (القائم)`) is a cue for
/// `label`, possibly with its own proclitics (`بمدينة`).
fn preceded_by_cue(cues: &Cues, hay: &str, norm_start: usize, label: LabelId) -> bool {
    let before = hay[..norm_start].trim_end_matches(|c| c == ' ' || is_quote(c));
    if before.len() == norm_start {
        return false; // glued to something that is not a proclitic
    }
    let word = last_word(before);
    !word.is_empty()
        && (cues.is_cue(label, word)
            || PROCLITICS.iter().any(|p| {
                word.strip_prefix(p)
                    .is_some_and(|rest| cues.is_cue(label, rest))
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
    cues: &Cues,
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
    let is_cue = || cues.is_any_cue(word) || cues.is_any_cue(bare);
    feminine && word.starts_with("ال") == definite && bare.chars().count() >= 3 && !is_cue()
}
