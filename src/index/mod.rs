//! The index image: a tagger compiled once and read back at the next start without parsing a
//! gazetteer or building an automaton.
//!
//! Compiling the default gazetteers (parsing 9 MB of embedded gazetteers, checking them, building
//! the automaton over 52,000 aliases) takes about a third of a second; tagging one article takes
//! milliseconds. So the first run compiles the tagger and writes it to the cache as one binary
//! image, and later runs read the image instead (see `DESIGN.md`, "Start-up").
//!
//! **Key.** One file per configuration (`tagger-<hash>.idx`, the hash of: defaults on or off, the
//! person-name grammar on or off, the paths of the user's gazetteers). Its header holds the key of
//! everything the image was built from: that configuration, the texts of the user's files, a digest
//! of the embedded defaults made at build time, the crate version, the image format version and
//! the size and time of the running executable (a rebuilt binary may normalise differently). An
//! image whose key differs is stale and rebuilt, and replaces the file.
//!
//! **Trust.** The image is never trusted: the header's magic, version, key and lengths and a
//! checksum of the tables are checked, and reading the tables checks every length and every index
//! against the table it points into (daachorse validates its own automaton). A damaged, truncated or
//! stale image is rebuilt, never used and never a panic. The gazetteer's strings and attribute
//! records, read only for output, lie in a region checked block by block when first read (see
//! [`Image`]).
//!
//! **Concurrency.** An image is written to a temporary file in the cache directory and renamed over
//! the old one: a reader sees the old file or the new one, whole. Two first runs at once both
//! compile, and the last rename wins with an identical image.
//!
//! **Location.** `$RASID_CACHE_DIR` if set, else `$XDG_CACHE_HOME/rasid`, else `$HOME/.cache/rasid`;
//! no cache when none is known. A cache that cannot be written is skipped silently: it only saves
//! time.

pub(crate) mod codec;

use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use codec::{Decoded, Invalid, Reader, Writer};

use crate::error::Result;
use crate::gazetteer::{DEFAULTS_DIGEST, GazetteerBuilder};
use crate::tagger::Tagger;

/// The version of the image layout; bump it when any `write_image` changes.
const FORMAT_VERSION: u32 = 3;

const MAGIC: [u8; 8] = *b"RASIDIX\0";

/// Magic, version, reserved word, key (16 bytes), tables' length and checksum, lazy region's
/// length.
const HEADER_LEN: usize = 8 + 4 + 4 + 16 + 8 + 8 + 8;

/// The lazily read region is checked in blocks of this many bytes, each when first read.
const LAZY_BLOCK: usize = 4096;

/// Where compiled taggers are kept between runs (see the module documentation of the cache key and
/// location).
///
/// # Examples
///
/// ```
/// use rasid::{IndexCache, Tagger};
///
/// let dir = std::env::temp_dir().join(format!("rasid-doc-cache-{}", std::process::id()));
/// let mut builder = Tagger::builder();
/// builder
///     .defaults(false)
///     .gazetteer_yaml("mine.yml", "- {id: x:kobani, type: PLACE, name: كوباني, name_en: Kobani}")
///     .cache(IndexCache::at(&dir));
/// let first = builder.build()?; // compiles and caches
/// let again = builder.build()?; // reads the image
/// assert_eq!(first.tag("في كوباني")?, again.tag("في كوباني")?);
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), rasid::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexCache {
    dir: Option<PathBuf>,
}

impl Default for IndexCache {
    fn default() -> IndexCache {
        IndexCache::new()
    }
}

impl IndexCache {
    /// The default location: `$RASID_CACHE_DIR`, else `$XDG_CACHE_HOME/rasid`, else
    /// `$HOME/.cache/rasid`; disabled when none of them is set.
    pub fn new() -> IndexCache {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let dir = var("RASID_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| var("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("rasid")))
            .or_else(|| var("HOME").map(|d| PathBuf::from(d).join(".cache").join("rasid")));
        IndexCache { dir }
    }

    /// A cache in `dir` (created when first written).
    pub fn at(dir: impl Into<PathBuf>) -> IndexCache {
        IndexCache {
            dir: Some(dir.into()),
        }
    }

    /// No cache: every tagger is compiled at start.
    pub fn disabled() -> IndexCache {
        IndexCache { dir: None }
    }

    /// The cache directory, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }
}

/// The cache file of a configuration and the key its image must carry.
pub(crate) struct Slot {
    path: PathBuf,
    key: [u64; 2],
}

impl Slot {
    /// The slot of `builder`'s gazetteers with the person grammar on or off, in `dir`.
    pub(crate) fn new(
        dir: &Path,
        builder: &GazetteerBuilder,
        person_grammar: bool,
    ) -> Result<Slot> {
        let mut config = std::hash::DefaultHasher::new();
        let mut content = std::hash::DefaultHasher::new();
        config.write(b"rasid tagger index");
        config.write_u8(u8::from(person_grammar));
        builder.fingerprint(&mut config, &mut content)?;
        let name = config.finish();
        content.write_u64(name);
        content.write_u32(FORMAT_VERSION);
        content.write_u64(DEFAULTS_DIGEST);
        content.write(env!("CARGO_PKG_VERSION").as_bytes());
        executable_fingerprint(&mut content);
        let high = content.finish();
        content.write_u64(high);
        let key = [content.finish(), high];
        Ok(Slot {
            path: dir.join(format!("tagger-{name:016x}.idx")),
            key,
        })
    }

    /// The tagger in the slot's file, if it holds a valid image with the slot's key.
    pub(crate) fn load(&self) -> Option<Tagger> {
        let file = std::fs::File::open(&self.path).ok()?;
        // SAFETY: the map is read-only, and rasid never writes a cache file in place: an image is
        // written to a temporary file and renamed over the old one, whose mapped pages stay as
        // they were. Another program truncating the file while it is mapped is outside what a
        // cache can defend against (as for any mapped file, the read would fault).
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        read_image(Bytes::Mapped(map), self.key).ok()
    }

    /// Writes `tagger`'s image to the slot's file, atomically; failures are ignored (the cache only
    /// saves time).
    pub(crate) fn store(&self, tagger: &Tagger) {
        let parts = image_parts(tagger, self.key);
        let _ = self.store_parts(&parts);
    }

    /// Writes the image's parts one after the other: joining them first would hold the image twice.
    fn store_parts(&self, parts: &[Vec<u8>]) -> std::io::Result<()> {
        use std::io::Write;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        for part in parts {
            file.write_all(part)?;
        }
        file.persist(&self.path).map_err(|e| e.error)?;
        prune(dir, &self.path, SystemTime::now());
        Ok(())
    }
}

/// How long a cache file may go unread and unwritten before the next image written beside it
/// removes it. Each combination of gazetteers has its own file of some 26 MB: one tried once and
/// dropped must not keep its space forever, and one still in use is only compiled again, once.
const STALE_AFTER: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// Removes the cache files in `dir` other than `kept` that were neither read nor written for
/// [`STALE_AFTER`] (the read time as the file system keeps it: at least daily by Linux's default).
/// Only files named as cache files are touched; a run that still maps one keeps its pages.
fn prune(dir: &Path, kept: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_cache_file = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with("tagger-") && name.ends_with(".idx"));
        if !is_cache_file || path == kept {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let last_used = [meta.modified(), meta.accessed()]
            .into_iter()
            .filter_map(|time| time.ok())
            .max();
        let stale = last_used
            .and_then(|time| now.duration_since(time).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if stale {
            // Another run may be removing it too, or reading it: either way it is the cache's.
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The running executable's size and modification time: a rebuilt binary never reads an image of
/// another build, whose normaliser or tables may differ.
fn executable_fingerprint(hash: &mut impl Hasher) {
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    if let Ok(meta) = meta {
        hash.write_u64(meta.len());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        if let Some(since) = modified {
            hash.write_u128(since.as_nanos());
        }
    }
}

/// The bytes of an index image: mapped from the cache file, or in memory.
#[derive(Debug)]
pub(crate) enum Bytes {
    /// The cache file, mapped read-only: its pages are the page cache's, shared by every run.
    Mapped(memmap2::Mmap),
    /// An image in memory.
    #[cfg_attr(not(test), allow(dead_code))]
    Owned(Vec<u8>),
}

impl Bytes {
    fn get(&self) -> &[u8] {
        match self {
            Bytes::Mapped(map) => map,
            Bytes::Owned(bytes) => bytes,
        }
    }
}

/// An image whose header and tables were checked, with its lazily read region.
///
/// The image is the header, the tables (checked whole when read, by their checksum) and the lazy
/// region: the gazetteer's strings and attribute records, read only for output. The lazy region is
/// checked in blocks of [`LAZY_BLOCK`] bytes, each the first time something in it is read, so a run
/// that names a few entities touches a few pages of it.
#[derive(Debug)]
pub(crate) struct Image {
    bytes: Bytes,
    /// Where the lazy region lies in `bytes`.
    lazy: std::ops::Range<usize>,
    /// The checksum of each block of the lazy region.
    sums: Vec<u64>,
    /// Per block: unchecked, good or damaged.
    checked: Vec<std::sync::atomic::AtomicU8>,
}

const UNCHECKED: u8 = 0;
const GOOD: u8 = 1;
const DAMAGED: u8 = 2;

impl Image {
    /// The length of the lazily read region.
    pub(crate) fn lazy_len(&self) -> usize {
        self.lazy.len()
    }

    /// The bytes `range` of the lazily read region, once every block they lie in is checked;
    /// `None` when the range is outside the region or a block is damaged.
    pub(crate) fn lazy(&self, range: std::ops::Range<usize>) -> Option<&[u8]> {
        use std::sync::atomic::Ordering;
        if range.start > range.end || range.end > self.lazy.len() {
            return None;
        }
        let region = &self.bytes.get()[self.lazy.clone()];
        let last = range.end.saturating_sub(1).max(range.start);
        for block in range.start / LAZY_BLOCK..=last / LAZY_BLOCK {
            let state = self.checked.get(block)?;
            let status = match state.load(Ordering::Acquire) {
                UNCHECKED => {
                    let start = block * LAZY_BLOCK;
                    let bytes = region.get(start..(start + LAZY_BLOCK).min(region.len()))?;
                    let good = self.sums.get(block) == Some(&codec::checksum(bytes));
                    let status = if good { GOOD } else { DAMAGED };
                    state.store(status, Ordering::Release);
                    status
                }
                status => status,
            };
            if status != GOOD {
                return None;
            }
        }
        region.get(range)
    }
}

/// The image of `tagger`, with `key` in its header, in three parts to be written one after the
/// other: the header, the tables and the lazy region.
fn image_parts(tagger: &Tagger, key: [u64; 2]) -> [Vec<u8>; 3] {
    let mut tables = Writer::default();
    let mut lazy = Writer::default();
    tagger.write_image(&mut tables, &mut lazy);
    let lazy = lazy.bytes;
    let mut sums = Writer::default();
    sums.len(lazy.len().div_ceil(LAZY_BLOCK));
    for block in lazy.chunks(LAZY_BLOCK) {
        sums.u64(codec::checksum(block));
    }
    let tables = [sums.bytes, tables.bytes].concat();
    let mut w = Writer::default();
    w.bytes.extend_from_slice(&MAGIC);
    w.u32(FORMAT_VERSION);
    w.u32(0);
    w.u64(key[0]);
    w.u64(key[1]);
    w.u64(tables.len() as u64);
    w.u64(codec::checksum(&tables));
    w.u64(lazy.len() as u64);
    debug_assert_eq!(w.bytes.len(), HEADER_LEN);
    [w.bytes, tables, lazy]
}

/// The image of `tagger`, with `key` in its header.
#[cfg(test)]
pub(crate) fn write_image(tagger: &Tagger, key: [u64; 2]) -> Vec<u8> {
    image_parts(tagger, key).concat()
}

/// The tagger in `bytes`, if they are a whole, undamaged image with `key`; its strings and
/// attribute records stay in `bytes`.
pub(crate) fn read_image(bytes: Bytes, key: [u64; 2]) -> Decoded<Tagger> {
    let (tables, lazy, sums) = {
        let mut r = Reader::new(bytes.get());
        if r.take(8, "magic")? != MAGIC {
            return Err(Invalid("magic"));
        }
        if r.u32("version")? != FORMAT_VERSION {
            return Err(Invalid("version"));
        }
        r.u32("reserved")?;
        if [r.u64("key")?, r.u64("key")?] != key {
            return Err(Invalid("stale key"));
        }
        let length = |n: u64| usize::try_from(n).map_err(|_| Invalid("length"));
        let tables_len = length(r.u64("length")?)?;
        let sum = r.u64("checksum")?;
        let lazy_len = length(r.u64("length")?)?;
        let start = r.position();
        let tables = r.take(tables_len, "length")?;
        if codec::checksum(tables) != sum {
            return Err(Invalid("checksum"));
        }
        let lazy_start = r.position();
        r.take(lazy_len, "length")?;
        if !r.is_empty() {
            return Err(Invalid("length"));
        }
        let mut t = Reader::new(tables);
        let count = t.count(8, "block checksums")?;
        if count != lazy_len.div_ceil(LAZY_BLOCK) {
            return Err(Invalid("block checksums"));
        }
        let sums = (0..count)
            .map(|_| t.u64("block checksums"))
            .collect::<Decoded<Vec<u64>>>()?;
        let tables = start + t.position()..start + tables_len;
        (tables, lazy_start..lazy_start + lazy_len, sums)
    };
    let checked = sums.iter().map(|_| UNCHECKED.into()).collect();
    let image = Arc::new(Image {
        bytes,
        lazy,
        sums,
        checked,
    });
    let mut r = Reader::new(&image.bytes.get()[tables]);
    let tagger = Tagger::read_image(&mut r, &image)?;
    if !r.is_empty() {
        return Err(Invalid("trailing bytes"));
    }
    Ok(tagger)
}

#[cfg(test)]
mod tests;
