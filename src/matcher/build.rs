//! Compiling a gazetteer into a matcher: the pattern and candidate tables, the automaton over the
//! encoded keys, the entities' countries.

use std::collections::HashMap;

use super::automaton::{Automaton, Engine};
use super::rules::Cues;
use super::{Candidate, Matcher, NAME_WORD_END, PatternInfo, alphabet, table_index, teh_marbuta};
use crate::Result;
use crate::gazetteer::names::{Kinds, NameParts};
use crate::gazetteer::{Gazetteer, When};
use crate::lexicon::Lexicon;
use crate::person::KindsFilter;
use crate::span::AliasId;

/// Each entity's country as a number, the same for the same country code, 0 for none.
fn entity_countries(gazetteer: &Gazetteer) -> Vec<u16> {
    let mut numbers: HashMap<&str, u16> = HashMap::new();
    gazetteer
        .entities()
        .iter()
        .map(|entity| match entity.attributes().country.as_deref() {
            None => 0,
            Some(code) => {
                let next = u16::try_from(numbers.len() + 1).unwrap_or(0);
                *numbers.entry(code).or_insert(next)
            }
        })
        .collect()
}

/// What the automaton's patterns are made of: aliases and the words that open a person's name.
enum Entry {
    Alias(usize),
    NameWord(Kinds),
}

impl Matcher {
    /// Compiles the gazetteer's aliases and, with `name_words`, the words that open a person's name
    /// (one automaton finds both), with the given engine.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::TooManyAliases`] when the automaton cannot hold the keys.
    pub(crate) fn new(
        gazetteer: &Gazetteer,
        lexicon: Lexicon,
        name_words: bool,
        engine: Engine,
    ) -> Result<Matcher> {
        // Aliases sorted by key (stably, so gazetteer order holds within a key), then one pattern per
        // key, borrowing the keys: no copy of 100,000 strings while the automaton is built.
        let aliases = gazetteer.aliases();
        // Aliases first, so that a stable sort keeps gazetteer order within a key and a key that is
        // a name word too gets its alias as the pattern's first candidate.
        let name_parts = gazetteer.name_parts();
        // A word that opens a name keeps all its classes (a given name that folds like a function
        // word: `FINAL_YEH`, `STOP`), so that the grammar needs no lookup of its own to read it.
        let openers = name_parts
            .iter()
            .filter(|(_, kinds)| name_words && !kinds.only(Kinds::OPENERS).is_empty());
        // The head nouns of facilities (`مستشفى`) are found by the same pass, for the facility rule
        // of the grammar, with their classes from the name files too.
        let heads = crate::person::FACILITY_HEADS
            .iter()
            .filter(|_| name_words)
            .map(|&head| (head, word_kinds(name_parts, head)));
        let mut entries: Vec<(&str, Entry)> = aliases
            .iter()
            .enumerate()
            .map(|(index, alias)| (alias.key.as_str(), Entry::Alias(index)))
            .chain(openers.map(|(word, kinds)| (word, Entry::NameWord(kinds))))
            .chain(heads.map(|(word, kinds)| (word, Entry::NameWord(kinds))))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut keys: Vec<&str> = Vec::new();
        let mut patterns: Vec<PatternInfo> = Vec::new();
        let mut candidates = Vec::with_capacity(aliases.len());
        for (key, entry) in entries {
            if keys.last() != Some(&key) {
                keys.push(key);
                let start = table_index(candidates.len());
                let first_word_len = key.find(' ').unwrap_or(key.len());
                patterns.push(PatternInfo {
                    candidates: start..start,
                    first: Candidate::NONE,
                    all_always: true,
                    first_word_len: table_index(first_word_len),
                    first_word_zipf: lexicon.zipf(&key[..first_word_len]),
                    has_word_prefix: false,
                    name_kinds: Kinds::default(),
                    first_word_kinds: match first_word_len < key.len() && name_words {
                        true => Some(word_kinds(name_parts, &key[..first_word_len]))
                            .filter(|kinds| kinds.any(Kinds::OPENERS.with(Kinds::FACILITY)))
                            .unwrap_or_default(),
                        false => Kinds::default(),
                    },
                });
            }
            let last = patterns
                .last_mut()
                .expect("a pattern was pushed for this key");
            match entry {
                Entry::NameWord(kinds) => last.name_kinds = last.name_kinds.with(kinds),
                Entry::Alias(index) => {
                    let alias = &aliases[index];
                    let candidate = Candidate {
                        alias: AliasId::from_usize(index),
                        entity: alias.entity,
                        label: gazetteer.entity(alias.entity).label,
                        when: alias.when,
                    };
                    if last.candidates.is_empty() {
                        last.first = candidate.clone();
                    }
                    last.all_always &= candidate.when == When::Always;
                    candidates.push(candidate);
                    last.candidates.end = table_index(candidates.len());
                }
            }
        }
        for (info, has) in patterns.iter_mut().zip(word_prefixes(&keys)) {
            info.has_word_prefix = has;
        }
        let mut encoded_keys = Vec::new();
        let mut key_ends = Vec::with_capacity(keys.len());
        for (key, info) in keys.iter().zip(&patterns) {
            alphabet::encode_key(key, &mut encoded_keys);
            if info.is_name_word_only() {
                encoded_keys.push(NAME_WORD_END);
            }
            key_ends.push(encoded_keys.len());
        }
        let key_starts = std::iter::once(0).chain(key_ends.iter().copied());
        let keys = key_starts.zip(&key_ends).map(|(s, &e)| &encoded_keys[s..e]);
        let automaton = Automaton::build(engine, keys)?;
        Ok(Matcher {
            automaton,
            patterns,
            candidates,
            lexicon,
            entity_country: entity_countries(gazetteer),
            he_words: teh_marbuta::HeWords::embedded(),
            name_filter: KindsFilter::new(name_parts.iter().map(|(word, _)| word)),
            cues: Cues::new(gazetteer),
        })
    }
}

/// The classes of a word in the name files, and [`Kinds::FACILITY`] for a facility's head noun.
fn word_kinds(name_parts: &NameParts, word: &str) -> Kinds {
    let kinds = name_parts.kinds(word);
    if crate::person::FACILITY_HEADS.contains(&word) {
        kinds.with(Kinds::FACILITY)
    } else {
        kinds
    }
}

/// For each of the sorted, distinct `keys`, whether another key is it cut at a space (`حزب الله` of
/// `حزب الله العراقي`).
///
/// The keys that are prefixes of a key come before it in sorted order and form a chain, kept on a
/// stack: each key is pushed and popped once and compared with the top, so this is linear in the
/// keys' length (a binary search per space was quadratic in a long alias).
pub(super) fn word_prefixes<'k>(keys: &'k [&'k str]) -> impl Iterator<Item = bool> + 'k {
    let mut chain: Vec<&str> = Vec::new();
    keys.iter().map(move |key| {
        while chain.last().is_some_and(|top| !key.starts_with(top)) {
            chain.pop();
        }
        let has = chain
            .iter()
            .any(|prefix| key.as_bytes().get(prefix.len()) == Some(&b' '));
        chain.push(key);
        has
    })
}
