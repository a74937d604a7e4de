//! `short-alias`, `frequent-word` and `proclitic`: rules about an alias's normalised form and the
//! frequencies of the embedded lexicon.

use super::characters::shown;
use super::{
    ARTICLE_ALTERNATION_ZIPF, EntityLint, FREQUENT_WORD_ZIPF, Linter, PROCLITIC_REST_MIN_LETTERS,
    PROCLITIC_REST_ZIPF, Rule, SHORT_ALIAS_MAX_LETTERS,
};
use crate::gazetteer::{Alias, When};
use crate::matcher::is_proclitic_letter;

impl Linter {
    /// `short-alias`, `frequent-word` and `proclitic`: rules about the normalised form.
    pub(super) fn alias_words(&self, lint: &mut EntityLint<'_>, alias: &Alias) {
        let which = lint.which(&alias.text);
        let what = which.what();
        let shown = shown(&alias.text);
        let id = &lint.record.id;
        let letters = alias.key.chars().filter(|c| !c.is_whitespace()).count();
        if letters <= SHORT_ALIAS_MAX_LETTERS {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" has only {letters} letter{}: short aliases match abbreviations and stray letters",
                if letters == 1 { "" } else { "s" }
            );
            lint.warn(Rule::ShortAlias, which, &message);
        }
        if alias.when != When::Always || alias.key.contains(' ') {
            return;
        }
        let zipf = self.lexicon.zipf(&alias.key);
        let other_form = match alias.key.strip_prefix("ال") {
            Some(bare) => bare.to_owned(),
            None => format!("ال{}", alias.key),
        };
        let other_zipf = self.lexicon.zipf(&other_form);
        if zipf >= FREQUENT_WORD_ZIPF
            && other_zipf >= ARTICLE_ALTERNATION_ZIPF
            && !self.explicit_when(lint, &alias.key)
        {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" is a frequent Arabic word (zipf {zipf:.1}; \"{other_form}\" {other_zipf:.1}): give it `when: cue` or `when: document`, or write `when: always` if it is meant"
            );
            lint.warn(Rule::FrequentWord, which, &message);
        }
        let Some(first) = alias.key.chars().next().filter(|&c| is_proclitic_letter(c)) else {
            return;
        };
        let rest = &alias.key[first.len_utf8()..];
        if rest.chars().count() < PROCLITIC_REST_MIN_LETTERS {
            return;
        }
        let rest_zipf = self.lexicon.zipf(rest);
        // Listed (Zipf 3 or more) and no more frequent than the rest: the matcher's own test.
        if rest_zipf >= PROCLITIC_REST_ZIPF
            && zipf > 0.0
            && self.lexicon.allows_clitic_reading(&alias.key, rest)
            && !self.explicit_when(lint, &alias.key)
        {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" also reads as the proclitic \"{first}\" + the frequent word \"{rest}\" (zipf {rest_zipf:.1}; the alias {zipf:.1}): give it `when: cue` or `when: document`, or write `when: always` if it is meant"
            );
            lint.warn(Rule::Proclitic, which, &message);
        }
    }

    /// Whether an alias of the entity that normalises to `key` writes out its `when:`.
    fn explicit_when(&self, lint: &EntityLint<'_>, key: &str) -> bool {
        let Some(list) = lint.list() else {
            return false;
        };
        lint.record
            .aliases
            .iter()
            .zip(&list.items)
            .any(|(alias, item)| {
                item.explicit_when && self.normalizer.normalize_key(&alias.text) == key
            })
    }
}
