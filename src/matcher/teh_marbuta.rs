//! The ة/ه fold, undone where it misleads: a word written with a final ه that is a word of its own
//! (`حديثه` "his talk", `قوله` "his saying") is not a place whose name ends in ة (`حديثة` Haditha,
//! `قولة` Kavala).
//!
//! The normaliser folds ة to ه, because Arabic text writes either for the same name (`الرقه` for
//! `الرقة`). But ه is also the pronoun suffix "his", and some stems + ه are frequent words. The list of
//! those words (`gazetteers/lexicon/he_words.tsv`, built by `scripts/build_lexicon.py` from word
//! frequencies) names the ه spellings that are words in their own right; a careless spelling of a
//! name is far rarer than the name and is not on it. The check runs once per match after the scan,
//! on the original text, which still tells ة from ه.

use std::collections::HashSet;

use super::{MatchScratch, Matcher, RawRejection, Rejection};
use crate::gazetteer::Gazetteer;
use crate::normalize::Normalized;

static EMBEDDED: &str = include_str!("../../gazetteers/lexicon/he_words.tsv");

/// Normalised words that are written with a final ه and are words of their own.
#[derive(Debug, Default)]
pub(crate) struct HeWords(HashSet<Box<str>>);

impl HeWords {
    /// The embedded list.
    pub(crate) fn embedded() -> HeWords {
        HeWords::parse(EMBEDDED)
    }

    fn parse(text: &str) -> HeWords {
        let words = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        HeWords(words.map(Box::from).collect())
    }

    fn contains(&self, norm_word: &str) -> bool {
        self.0.contains(norm_word)
    }
}

impl Matcher {
    /// Drops the matches whose last word is written with ه in `original`, reads as a word of its own
    /// ([`HeWords`]), and matched an alias written with ة.
    pub(crate) fn drop_he_words(
        &self,
        gazetteer: &Gazetteer,
        original: &str,
        text: &Normalized,
        scratch: &mut MatchScratch,
    ) {
        let hay = text.as_str();
        let offsets = &text.offsets;
        let is_he_word = |start: usize, end: usize, pattern: u32| {
            let name = &hay[start..end];
            let Some(stem) = name.strip_suffix('ه') else {
                return false;
            };
            let written = &original[offsets.original_start(start + stem.len())..];
            let word_start = name.rfind(' ').map_or(start, |space| start + space + 1);
            written.starts_with('ه')
                && self.he_words.contains(&hay[word_start..end])
                && self
                    .aliases_of_pattern(pattern)
                    .all(|alias| gazetteer.alias(alias).text.ends_with('ة'))
        };
        let mut dropped = Vec::new();
        scratch.raw.retain(|raw| {
            let keep = !is_he_word(raw.norm_start, raw.norm_end, raw.pattern);
            if !keep {
                dropped.push(RawRejection {
                    norm_start: raw.norm_start,
                    norm_end: raw.norm_end,
                    pattern: raw.pattern,
                    reason: Rejection::WordInHe,
                });
            }
            keep
        });
        if scratch.record_rejections {
            scratch.rejections.extend(dropped);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::gazetteer_of;
    use crate::{Lexicon, Tagger};

    const YAML: &str = "\
- {id: p:haditha, type: PLACE, name: حديثة, name_en: Haditha}
- {id: p:raqqa, type: PLACE, name: الرقة, name_en: Raqqa}
- {id: p:hama, type: PLACE, name: حماه, name_en: Hama}
";

    #[test]
    fn words_in_he_are_not_names_in_teh_marbuta() {
        let tagger = Tagger::with_lexicon(gazetteer_of(YAML), Lexicon::empty());
        // (row name, text, the ids tagged)
        let rows: [(&str, &str, &[&str]); 6] = [
            ("his talk is no Haditha", "وفي حديثه قال", &[]),
            ("with a proclitic", "ولحديثه بقية", &[]),
            (
                "Haditha in teh marbuta",
                "معارك في حديثة أمس",
                &["p:haditha"],
            ),
            (
                "a careless spelling of a name",
                "في الرقه أمس",
                &["p:raqqa"],
            ),
            ("an alias written in he", "في حماه أمس", &["p:hama"]),
            (
                "alias in he, text in teh marbuta",
                "في حماة أمس",
                &["p:hama"],
            ),
        ];
        for (name, text, expected) in rows {
            let ids: Vec<String> = tagger
                .tag(text)
                .expect("tags")
                .iter()
                .map(|m| {
                    tagger
                        .gazetteer()
                        .entity(m.entity().expect("a listed entity"))
                        .id
                        .to_string()
                })
                .collect();
            assert_eq!(ids, expected, "{name}");
        }
    }

    #[test]
    fn the_list_holds_pronoun_forms_not_careless_spellings() {
        let words = super::HeWords::embedded();
        assert!(words.contains("حديثه") && words.contains("قوله"));
        assert!(!words.contains("الرقه") && !words.contains("حماه") && !words.contains("غزه"));
    }
}
