//! The word classes of the person-name grammar: given names, titles, nationality adjectives, verbs
//! of saying, kunya heads, name links, excluded heads and stop words, from the `names:` section of
//! gazetteer files (`gazetteers/names/`).
//!
//! Words are kept normalised, as the matcher sees text, with every class a word belongs to: `أمين`
//! can be a given name and a title at once. The classes that open a name become patterns of the
//! matcher's automaton; the others are looked up only around those hits.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::lexicon::WordHasher;

use super::schema::NamesRecord;

/// A set of word classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Kinds(u16);

impl std::ops::BitOr for Kinds {
    type Output = Kinds;

    fn bitor(self, other: Kinds) -> Kinds {
        self.with(other)
    }
}

impl Kinds {
    /// A given name.
    pub(crate) const GIVEN: Kinds = Kinds(1);
    /// A given name that is also an everyday word.
    pub(crate) const COMMON_GIVEN: Kinds = Kinds(1 << 1);
    /// A title or role before a name.
    pub(crate) const TITLE: Kinds = Kinds(1 << 2);
    /// A nationality adjective.
    pub(crate) const NATIONALITY: Kinds = Kinds(1 << 3);
    /// A verb of saying.
    pub(crate) const SPEECH_VERB: Kinds = Kinds(1 << 4);
    /// A kunya head (`أبو`).
    pub(crate) const KUNYA: Kinds = Kinds(1 << 5);
    /// A link between name parts (`بن`).
    pub(crate) const LINK: Kinds = Kinds(1 << 6);
    /// A head after which a name is no person mention (`آل`, `مطار`).
    pub(crate) const EXCLUDED_HEAD: Kinds = Kinds(1 << 7);
    /// Never part of a name.
    pub(crate) const STOP: Kinds = Kinds(1 << 8);
    /// A given name listed with a final ي: written with ى it is another word (`على` "on", `علي` Ali).
    pub(crate) const FINAL_YEH: Kinds = Kinds(1 << 9);
    /// A facility's head noun (`مستشفى`, `مطار`): a name after it makes a place, not a person
    /// (`person::place`). The matcher gives it to the head nouns of that rule; no name file does.
    pub(crate) const FACILITY: Kinds = Kinds(1 << 10);
    /// Either kind of given name.
    pub(crate) const ANY_GIVEN: Kinds = Kinds::GIVEN.with(Kinds::COMMON_GIVEN);
    /// The classes that open a name: the automaton finds them.
    pub(crate) const OPENERS: Kinds = Kinds::ANY_GIVEN
        .with(Kinds::TITLE)
        .with(Kinds::NATIONALITY)
        .with(Kinds::SPEECH_VERB)
        .with(Kinds::KUNYA);
    /// The classes that end a name when they follow its parts.
    pub(crate) const ENDERS: Kinds = Kinds::TITLE
        .with(Kinds::SPEECH_VERB)
        .with(Kinds::EXCLUDED_HEAD)
        .with(Kinds::STOP)
        .with(Kinds::LINK);

    /// Whether any class of `other` is in `self`.
    pub(crate) fn any(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Every class: a new one must be added here, where the lexicon's slot checks that it fits.
    pub(crate) const ALL: Kinds = Kinds::OPENERS
        .with(Kinds::ENDERS)
        .with(Kinds::NATIONALITY)
        .with(Kinds::FINAL_YEH)
        .with(Kinds::FACILITY);

    /// The classes as bits, for the index image.
    pub(crate) const fn bits(self) -> u16 {
        self.0
    }

    /// Classes from [`Kinds::bits`].
    pub(crate) fn from_bits(bits: u16) -> Kinds {
        Kinds(bits)
    }

    pub(crate) const fn with(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    pub(crate) fn only(self, other: Kinds) -> Kinds {
        Kinds(self.0 & other.0)
    }
}

/// Normalised words and their classes.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameParts {
    kinds: HashMap<Box<str>, Kinds, BuildHasherDefault<WordHasher>>,
}

impl NameParts {
    /// The classes of a normalised word (or phrase); empty when it has none.
    pub(crate) fn kinds(&self, norm_word: &str) -> Kinds {
        self.kinds.get(norm_word).copied().unwrap_or_default()
    }

    /// Every word or phrase with its classes.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, Kinds)> {
        self.kinds.iter().map(|(k, &v)| (&**k, v))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The words and classes of [`NameParts::iter`], read back from the index image.
    pub(crate) fn from_bits<'w>(parts: impl IntoIterator<Item = (&'w str, u16)>) -> NameParts {
        let kinds = parts
            .into_iter()
            .map(|(word, bits)| (Box::from(word), Kinds::from_bits(bits)))
            .collect();
        NameParts { kinds }
    }

    /// Adds a file's words, normalised by `key`; returns the words that normalise to nothing.
    pub(crate) fn add<'r>(
        &mut self,
        record: &'r NamesRecord,
        mut key: impl FnMut(&str) -> String,
    ) -> Vec<&'r str> {
        let mut empty = Vec::new();
        let mut add = |text: &'r str, kinds: Kinds| {
            let word = key(text);
            if word.is_empty() {
                empty.push(text);
            } else {
                let entry = self.kinds.entry(word.into_boxed_str()).or_default();
                *entry = entry.with(kinds);
            }
        };
        for given in &record.given {
            let kind = if given.common {
                Kinds::COMMON_GIVEN
            } else {
                Kinds::GIVEN
            };
            let yeh = given.text.trim_end().ends_with('ي');
            add(
                &given.text,
                if yeh {
                    kind.with(Kinds::FINAL_YEH)
                } else {
                    kind
                },
            );
        }
        let lists = [
            (&record.titles, Kinds::TITLE),
            (&record.nationalities, Kinds::NATIONALITY),
            (&record.speech_verbs, Kinds::SPEECH_VERB),
            (&record.kunya, Kinds::KUNYA),
            (&record.links, Kinds::LINK),
            (&record.excluded_heads, Kinds::EXCLUDED_HEAD),
            (&record.stop, Kinds::STOP),
        ];
        for (words, kind) in lists {
            for word in words {
                add(word, kind);
            }
        }
        empty
    }
}
