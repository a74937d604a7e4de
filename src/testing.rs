//! Helpers shared by the unit tests.

use crate::Gazetteer;

/// The gazetteer of `yaml` alone, without the defaults.
pub(crate) fn gazetteer_of(yaml: &str) -> Gazetteer {
    Gazetteer::builder()
        .defaults(false)
        .add_yaml("t.yml", yaml)
        .build()
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

/// Every string of up to `max_len` characters from `alphabet`, shortest first: the exhaustive input
/// of the property tests (normalisation, the automaton's alphabet, the tagger's invariants).
pub(crate) fn short_strings(alphabet: &[char], max_len: u32) -> impl Iterator<Item = String> + '_ {
    (0..=max_len).flat_map(move |len| {
        (0..alphabet.len().pow(len)).map(move |mut code| {
            let mut text = String::new();
            for _ in 0..len {
                text.push(alphabet[code % alphabet.len()]);
                code /= alphabet.len();
            }
            text
        })
    })
}
