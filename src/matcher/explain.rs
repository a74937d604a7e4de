//! Why candidates were turned down, for explanations: the rejection reasons, and the aliases that
//! a longer accepted match shadows.

use super::{MatchScratch, Matcher};
use crate::normalize::Normalized;
use crate::span::AliasId;

/// A candidate match that was turned down, and why.
#[derive(Clone, Debug)]
pub(crate) struct RawRejection {
    pub(crate) norm_start: usize,
    pub(crate) norm_end: usize,
    pub(super) pattern: u32,
    pub(crate) reason: Rejection,
}

/// Why a candidate match was turned down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// It starts inside a longer word (`بن` in `عبدالبنك`).
    InsideWord,
    /// What precedes it in its word is not a proclitic sequence (`ال` + `بوكمال`).
    NotProclitics,
    /// The word goes on after it (`حرب` in `حربية`).
    WordContinues,
    /// It reads as an adjective of the word before (`سورية` in `عائلة سورية`, "a Syrian family").
    AdjectiveOfPrecedingWord,
    /// The whole word is a word of its own, not proclitics + the name (`وزارة`, not و + `زارة`).
    ProcliticReadingIsAWord,
    /// Its alias needs a cue word or an anchor, and there was none (`when: cue`/`document`).
    ContextRuleNotMet,
    /// Its alias waits for an unambiguous mention of the entity elsewhere in the document, which
    /// never came (`when: document`).
    NoAnchor,
    /// A longer accepted match covers it (`حزب الله` inside `كتائب حزب الله العراقي`).
    ShadowedByLongerMatch,
    /// Its alias needs its country in the document (`when: country`), and nothing else there points
    /// to that country (`الطبقة` "the class" in a text that names no Syrian place).
    CountryNotInDocument,
    /// Written with a final ه, it is a word of its own, not the name written with ة (`حديثه` "his
    /// talk", not `حديثة` Haditha).
    WordInHe,
}

impl Rejection {
    /// The reason in words, for output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rejection::InsideWord => "inside a longer word",
            Rejection::NotProclitics => "preceded by letters that are not proclitics",
            Rejection::WordContinues => "the word goes on after it",
            Rejection::AdjectiveOfPrecedingWord => "an adjective of the word before",
            Rejection::ProcliticReadingIsAWord => "the whole word is a word of its own",
            Rejection::ContextRuleNotMet => "context rule not met",
            Rejection::NoAnchor => "no unambiguous mention of the entity in the document",
            Rejection::ShadowedByLongerMatch => "shadowed by a longer match",
            Rejection::CountryNotInDocument => {
                "its country is not named in the document, nor the entity itself"
            }
            Rejection::WordInHe => "written with ه, a word of its own, not the name in ة",
        }
    }
}

impl Matcher {
    /// The aliases a pattern stands for.
    pub(crate) fn aliases_of_pattern(&self, pattern: u32) -> impl Iterator<Item = AliasId> + '_ {
        let info = &self.patterns[pattern as usize];
        self.candidates[info.candidates.start as usize..info.candidates.end as usize]
            .iter()
            .map(|c| c.alias)
    }
}

impl Matcher {
    /// Records, for explanations, the aliases that start at a word inside an accepted match and end
    /// within it: leftmost-longest matching never reports them.
    pub(crate) fn record_shadowed(&self, text: &Normalized, scratch: &mut MatchScratch) {
        let hay = text.as_str();
        let encoded = &scratch.encoded;
        let mut shadowed = Vec::new();
        for raw in &scratch.raw {
            let (start, end) = (raw.norm_start, raw.norm_end);
            let word_starts = hay[start..end]
                .char_indices()
                .filter(|&(i, _)| i == 0 || hay[..start + i].ends_with(' '))
                .map(|(i, _)| start + i);
            for at in word_starts {
                let encoded_at = encoded.encoded_from(0, at);
                let encoded_end = encoded.encoded_from(encoded_at, end);
                // At the match's own start, only strictly shorter aliases; elsewhere, any inside.
                let limit = if at == start {
                    encoded_end - 1
                } else {
                    encoded_end
                };
                let found = self.find(encoded.bytes(), encoded_at..limit);
                if let Some(m) = found.filter(|m| m.start == encoded_at) {
                    let pattern = m.pattern;
                    let reason = Rejection::ShadowedByLongerMatch;
                    shadowed.push(RawRejection {
                        norm_start: at,
                        norm_end: encoded.normalized(m.end),
                        pattern,
                        reason,
                    });
                }
            }
        }
        scratch.rejections.extend(shadowed);
    }
}

impl RawRejection {
    pub(crate) fn pattern(&self) -> u32 {
        self.pattern
    }
}

impl MatchScratch {
    pub(super) fn reject(
        &mut self,
        norm_start: usize,
        norm_end: usize,
        pattern: u32,
        reason: Rejection,
    ) {
        if self.record_rejections {
            self.rejections.push(RawRejection {
                norm_start,
                norm_end,
                pattern,
                reason,
            });
        }
    }
}
