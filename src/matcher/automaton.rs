//! The two engines that find the patterns, behind one `find`: aho-corasick's automaton, built at
//! start from the gazetteers, and daachorse's double-array automaton, which can be written into the
//! index image and read back in milliseconds (see `DESIGN.md`, "Start-up").
//!
//! Both run leftmost-longest over the same encoded keys (pattern `i` is key `i`), so they report the
//! same match at every position; the round-trip tests check it on the dev texts.

use crate::{Error, Result};
use std::ops::Range;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder};

use crate::index::codec::{Decoded, Invalid, Reader, Writer};

/// Which engine a matcher builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Engine {
    /// aho-corasick: the faster scan on long texts and corpora; cannot be serialised.
    AhoCorasick,
    /// daachorse's double array: serialisable, for taggers loaded from an image.
    DoubleArray,
}

/// A pattern found: encoded byte range and pattern index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: u32,
}

pub(crate) enum Automaton {
    AhoCorasick(AhoCorasick),
    /// The double array and its number of patterns: a value read from an image is checked
    /// against it at each match, so a crafted image cannot index past the pattern table.
    DoubleArray(DoubleArrayAhoCorasick<u32>, u32),
}

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Automaton::AhoCorasick(a) => f.debug_tuple("AhoCorasick").field(a).finish(),
            Automaton::DoubleArray(a, _) => f
                .debug_struct("DoubleArray")
                .field("states", &a.num_states())
                .finish(),
        }
    }
}

impl Automaton {
    /// An automaton over `keys` (distinct, non-empty, encoded), pattern `i` being `keys[i]`.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::TooManyAliases`] when the automaton outgrows its state or pattern ids.
    /// One alias cannot do it (the loader caps an alias at `limits::MAX_ALIAS_CHARS` characters),
    /// but many can: the double array holds fewer states than aho-corasick, and the gazetteers a
    /// user gives have no cap on their total size.
    pub(crate) fn build<'k>(
        engine: Engine,
        keys: impl Iterator<Item = &'k [u8]> + Clone,
    ) -> Result<Automaton> {
        let too_many = || Error::too_many_aliases(keys.clone().count());
        match engine {
            Engine::AhoCorasick => AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(keys.clone())
                .map(Automaton::AhoCorasick)
                .map_err(|_| too_many()),
            Engine::DoubleArray => {
                let count = u32::try_from(keys.clone().count()).map_err(|_| too_many())?;
                let automaton = DoubleArrayAhoCorasickBuilder::new()
                    .match_kind(daachorse::MatchKind::LeftmostLongest)
                    .build(keys.clone())
                    .map_err(|_| too_many())?;
                Ok(Automaton::DoubleArray(automaton, count))
            }
        }
    }

    /// The leftmost-longest match in `hay[span]`, offsets in `hay`.
    #[inline]
    pub(crate) fn find(&self, hay: &[u8], span: Range<usize>) -> Option<Hit> {
        match self {
            Automaton::AhoCorasick(a) => a.find(Input::new(hay).span(span)).map(|m| Hit {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_u32(),
            }),
            Automaton::DoubleArray(a, patterns) => {
                let offset = span.start;
                let m = a.leftmost_find_iter(&hay[span]).next()?;
                (m.value() < *patterns).then(|| Hit {
                    start: offset + m.start(),
                    end: offset + m.end(),
                    pattern: m.value(),
                })
            }
        }
    }

    /// Appends a double-array automaton to an image.
    ///
    /// # Panics
    ///
    /// For an aho-corasick automaton, which cannot be serialised: images are built with
    /// [`Engine::DoubleArray`].
    pub(crate) fn write_image(&self, w: &mut Writer) {
        match self {
            Automaton::DoubleArray(a, _) => w.bytes(&a.serialize()),
            Automaton::AhoCorasick(_) => unreachable!("images are built with the double array"),
        }
    }

    /// Reads an automaton written by [`Automaton::write_image`] for `patterns` patterns, validated
    /// by daachorse.
    pub(crate) fn read_image(r: &mut Reader<'_>, patterns: usize) -> Decoded<Automaton> {
        let bytes = r.bytes("automaton")?;
        // A leftmost automaton serialises no standard states (an empty table, length 0 first), and
        // daachorse refuses a standard one without them: so this one is leftmost, and searching it
        // leftmost cannot panic.
        if bytes.get(..4) != Some(&[0, 0, 0, 0]) {
            return Err(Invalid("automaton kind"));
        }
        let (automaton, rest) =
            DoubleArrayAhoCorasick::<u32>::deserialize(bytes).map_err(|_| Invalid("automaton"))?;
        let patterns = u32::try_from(patterns).map_err(|_| Invalid("automaton"))?;
        if !rest.is_empty() {
            return Err(Invalid("automaton"));
        }
        Ok(Automaton::DoubleArray(automaton, patterns))
    }
}
