//! The image round trip, a damaged, stale or tampered image, and concurrent first runs.

use std::path::{Path, PathBuf};

use super::*;
use crate::gazetteer::Gazetteer;
use crate::lexicon::Lexicon;
use crate::matcher::Engine;
use crate::{Mention, Named};

/// A gazetteer with attributes, cues, homonyms, `when` rules and name words: every table of the
/// image has rows.
const YAML: &str = "\
cues:
  PLACE: [مدينة, بلدة]
names:
  given: [محمد, خالد]
  titles: [العميد]
entities:
- id: place:albukamal
  type: PLACE
  name: البوكمال
  name_en: Abu Kamal
  aliases: [أبو كمال]
  country: SY
  admin1: دير الزور
  lat: 34.45
  lon: 40.92
  population: 50000
  geonames: 172515
  sources: [geonames]
- id: place:tabqa
  type: PLACE
  name: الطبقة
  name_en: Tabqa
  aliases: [{text: الطبقة, when: cue-or-document}]
  country: SY
- id: place:qaim
  type: PLACE
  name: القائم
  name_en: Al-Qa'im
  aliases: [{text: القائم, when: cue}]
  country: IQ
- id: group:sdf
  type: ARMED_GROUP
  name: قوات سوريا الديمقراطية
  name_en: SDF
  aliases: [قسد]
  category: rebel-group
  affiliation: [place:albukamal]
";

const TEXT: &str =
    "سيطرت قسد على مدينة القائم وبلدة البوكمال، وقال العميد محمد خالد إن الطبقة آمنة";

fn builder() -> GazetteerBuilder {
    let mut builder = Gazetteer::builder();
    builder.defaults(false).add_yaml("t.yml", YAML);
    builder
}

fn compiled(engine: Engine) -> Tagger {
    let gazetteer = builder().build().expect("valid test gazetteer");
    Tagger::with_engine(gazetteer, Lexicon::embedded(), true, engine)
        .expect("the test gazetteer compiles")
}

const KEY: [u64; 2] = [1, 2];

fn image() -> Vec<u8> {
    write_image(&compiled(Engine::DoubleArray), KEY)
}

fn load(bytes: &[u8]) -> Decoded<Tagger> {
    read_image(Bytes::Owned(bytes.to_vec()), KEY)
}

/// What a tagger says of `text`, with every entity's id, names and attributes and every alias
/// written out: a read-back tagger must agree on all of it, not only on spans.
fn described(tagger: &Tagger, text: &str) -> Vec<String> {
    let g = tagger.gazetteer();
    let mentions: Vec<Mention> = tagger.tag(text).expect("a short text");
    let mut lines: Vec<String> = mentions
        .iter()
        .map(|m| match m.named {
            Named::Entity { entity, alias } => {
                let e = g.entity(entity);
                format!(
                    "{m:?} {} {} {} {:?} {}",
                    e.id,
                    e.name,
                    e.name_en,
                    e.attributes(),
                    g.alias(alias).text
                )
            }
            _ => format!("{m:?} {:?}", tagger.auto_id(text, m)),
        })
        .collect();
    let rejected = tagger.rejections(text).expect("a short text");
    lines.extend(rejected.iter().map(|r| format!("{r:?}")));
    lines
}

/// Every text of the dev sets.
fn dev_texts() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts = Vec::new();
    for set in ["dev/texts", "regional-dev/texts"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(set))
            .expect("dev texts")
            .map(|e| e.expect("dev text").path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("dev text");
            texts.push((path, text));
        }
    }
    texts
}

#[test]
fn round_trip_tags_as_the_compiled_tagger() {
    let expected = described(&compiled(Engine::AhoCorasick), TEXT);
    assert!(
        expected.len() >= 5,
        "the text names the test entities: {expected:#?}"
    );
    let read = load(&image()).expect("a fresh image reads back");
    assert_eq!(described(&read, TEXT), expected);
    // Writing what was read gives the same image: nothing is lost on the way.
    let again = write_image(&read, KEY);
    assert_eq!(
        described(&load(&again).expect("reads back"), TEXT),
        expected
    );
}

#[test]
fn round_trip_of_the_defaults_on_the_dev_texts() {
    let gazetteer = Gazetteer::defaults().expect("valid defaults");
    let compiled = Tagger::new(gazetteer);
    let gazetteer = Gazetteer::defaults().expect("valid defaults");
    let double_array =
        Tagger::with_engine(gazetteer, Lexicon::embedded(), true, Engine::DoubleArray)
            .expect("the defaults compile");
    let read = load(&write_image(&double_array, KEY)).expect("the defaults' image reads back");
    let texts = dev_texts();
    assert!(texts.len() >= 20, "{} dev texts", texts.len());
    for (path, text) in &texts {
        let expected = described(&compiled, text);
        assert_eq!(described(&read, text), expected, "{}", path.display());
    }
}

#[test]
fn damaged_images_are_refused() {
    let image = image();
    let header_fields = [
        ("magic", 0),
        ("version", 8),
        ("key", 16),
        ("tables' length", 32),
        ("tables' checksum", 40),
        ("lazy region's length", 48),
        ("block checksums", HEADER_LEN),
        ("tables", HEADER_LEN + 40),
        ("last table byte", image.len() - lazy_len(&image) - 1),
    ];
    for (name, at) in header_fields {
        let mut damaged = image.clone();
        damaged[at] ^= 0x40;
        assert!(load(&damaged).is_err(), "{name}");
    }
    assert!(
        matches!(load(&image[..image.len() - 1]), Err(Invalid(_))),
        "truncated"
    );
    let mut longer = image.clone();
    longer.push(0);
    assert!(load(&longer).is_err(), "a byte too many");
    assert!(
        matches!(
            read_image(Bytes::Owned(image.clone()), [1, 3]),
            Err(Invalid("stale key"))
        ),
        "another key"
    );
}

#[test]
fn a_damaged_string_or_record_reads_as_empty() {
    let image = image();
    let lazy = image.len() - lazy_len(&image);
    let mut damaged = image.clone();
    // The lazy region starts with the first entity's id.
    damaged[lazy] ^= 0x01;
    let read = load(&damaged).expect("the tables are intact");
    let g = read.gazetteer();
    assert_eq!(g.entity(crate::EntityId(0)).id.as_str(), "");
    assert_eq!(
        g.entity(crate::EntityId(0)).attributes(),
        &crate::Attributes::default()
    );
    // Tagging reads no string: it still works.
    assert_eq!(
        read.tag(TEXT).expect("tags").len(),
        load(&image).expect("intact").tag(TEXT).expect("tags").len()
    );
}

fn lazy_len(image: &[u8]) -> usize {
    let mut r = Reader::new(&image[48..56]);
    usize::try_from(r.u64("length").expect("header")).expect("small")
}

/// Recomputes the tables' checksum, so that a change inside them reaches the structural checks.
fn reseal(image: &mut [u8]) {
    let tables_len = usize::try_from(u64::from_le_bytes(
        image[32..40].try_into().expect("8 bytes"),
    ))
    .expect("small");
    if let Some(tables) = image.get(HEADER_LEN..HEADER_LEN + tables_len) {
        let sum = codec::checksum(tables);
        image[40..48].copy_from_slice(&sum.to_le_bytes());
    }
}

/// Past the checksum, whatever the tables hold is an error or a tagger, never a panic; and a
/// tagger from tampered tables tags without panicking.
#[test]
fn tampered_tables_never_panic() {
    let image = image();
    let tables_end = image.len() - lazy_len(&image);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut random = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut read = 0;
    for round in 0..1000 {
        let mut tampered = image.clone();
        for _ in 0..1 + round % 3 {
            let at = HEADER_LEN + (random() as usize) % (tables_end - HEADER_LEN);
            tampered[at] = match round % 4 {
                0 => 0xff,
                1 => 0,
                _ => random() as u8,
            };
        }
        reseal(&mut tampered);
        if let Ok(tagger) = load(&tampered) {
            read += 1;
            let _ = described(&tagger, TEXT);
        }
    }
    assert!(read > 0, "some changes leave a readable image");
    for len in (0..image.len()).step_by(7) {
        let mut truncated = image[..len].to_vec();
        if len >= HEADER_LEN {
            reseal(&mut truncated);
        }
        assert!(load(&truncated).is_err(), "truncated to {len}");
    }
}

/// A private cache directory, removed when dropped.
struct CacheDir(PathBuf);

impl CacheDir {
    fn new(name: &str) -> CacheDir {
        let dir = std::env::temp_dir().join(format!("rasid-index-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        CacheDir(dir)
    }

    fn cache(&self) -> IndexCache {
        IndexCache::at(&self.0)
    }

    /// The one cache file.
    fn file(&self) -> PathBuf {
        let files: Vec<PathBuf> = std::fs::read_dir(&self.0)
            .expect("the cache directory exists")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }
}

impl Drop for CacheDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether the tagger's gazetteer points into an image (it was read, not compiled).
fn from_image(tagger: &Tagger) -> bool {
    tagger
        .gazetteer()
        .entity(crate::EntityId(0))
        .id
        .is_in_image()
}

#[test]
fn first_run_writes_the_image_and_the_next_reads_it() {
    let dir = CacheDir::new("first");
    let expected = described(&compiled(Engine::AhoCorasick), TEXT);
    let first = Tagger::cached(&builder(), true, &dir.cache()).expect("compiles");
    assert!(!from_image(&first));
    assert_eq!(described(&first, TEXT), expected);
    let second = Tagger::cached(&builder(), true, &dir.cache()).expect("reads");
    assert!(from_image(&second));
    assert_eq!(described(&second, TEXT), expected);
    // Without the person grammar: another configuration, another file.
    let other = Tagger::cached(&builder(), false, &dir.cache()).expect("compiles");
    assert!(!from_image(&other));
    let disabled = Tagger::cached(&builder(), true, &IndexCache::disabled()).expect("compiles");
    assert_eq!(described(&disabled, TEXT), expected);
}

#[test]
fn a_corrupt_cache_file_is_rebuilt() {
    type Damage = fn(&mut Vec<u8>);
    let rows: [(&str, Damage); 5] = [
        ("empty", |b| b.clear()),
        ("truncated", |b| b.truncate(b.len() / 2)),
        ("flipped byte in the tables", |b| b[HEADER_LEN + 100] ^= 1),
        ("garbage", |b| b.iter_mut().for_each(|x| *x = 0xa5)),
        ("another format version", |b| b[8] ^= 0x7f),
    ];
    let expected = described(&compiled(Engine::AhoCorasick), TEXT);
    for (name, damage) in rows {
        let dir = CacheDir::new("corrupt");
        Tagger::cached(&builder(), true, &dir.cache()).expect("compiles");
        let file = dir.file();
        let mut bytes = std::fs::read(&file).expect("the image");
        damage(&mut bytes);
        std::fs::write(&file, &bytes).expect("damage the image");
        let rebuilt = Tagger::cached(&builder(), true, &dir.cache()).expect("rebuilds");
        assert!(!from_image(&rebuilt), "{name}");
        assert_eq!(described(&rebuilt, TEXT), expected, "{name}");
        let read = Tagger::cached(&builder(), true, &dir.cache()).expect("reads");
        assert!(
            from_image(&read),
            "{name}: the rebuilt image replaced the damaged one"
        );
    }
}

#[test]
fn a_stale_cache_file_is_rebuilt() {
    let dir = CacheDir::new("stale");
    let work = CacheDir::new("stale-gazetteer");
    std::fs::create_dir_all(&work.0).expect("work dir");
    let path = work.0.join("mine.yml");
    let mut builder = Gazetteer::builder();
    builder.defaults(false).add_path(&path);
    std::fs::write(&path, YAML).expect("write gazetteer");
    let first = Tagger::cached(&builder, true, &dir.cache()).expect("compiles");
    assert_eq!(first.gazetteer().len(), 4);
    let file = dir.file();
    // The user edits the file: same configuration, same cache file, another key.
    let more = format!("{YAML}- {{id: place:raqqa, type: PLACE, name: الرقة, name_en: Raqqa}}\n");
    std::fs::write(&path, more).expect("edit gazetteer");
    let edited = Tagger::cached(&builder, true, &dir.cache()).expect("rebuilds");
    assert!(!from_image(&edited));
    assert_eq!(edited.gazetteer().len(), 5);
    assert_eq!(
        dir.file(),
        file,
        "the stale image was replaced, not kept beside"
    );
    let read = Tagger::cached(&builder, true, &dir.cache()).expect("reads");
    assert!(from_image(&read));
    assert_eq!(read.gazetteer().len(), 5);
}

#[test]
fn concurrent_first_runs_leave_a_whole_image() {
    let dir = CacheDir::new("concurrent");
    let expected = described(&compiled(Engine::AhoCorasick), TEXT);
    let barrier = std::sync::Barrier::new(4);
    std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    let tagger = Tagger::cached(&builder(), true, &dir.cache()).expect("tags");
                    described(&tagger, TEXT)
                })
            })
            .collect();
        for run in runs {
            assert_eq!(run.join().expect("no panic"), expected);
        }
    });
    let read = Tagger::cached(&builder(), true, &dir.cache()).expect("reads");
    assert!(from_image(&read));
    assert_eq!(described(&read, TEXT), expected);
    dir.file();
}

#[test]
fn an_unwritable_cache_is_no_error() {
    let dir = CacheDir::new("unwritable");
    // A file where the directory should be: nothing can be written below it.
    std::fs::write(&dir.0, "not a directory").expect("write file");
    let tagger = Tagger::cached(&builder(), true, &dir.cache()).expect("compiles");
    assert_eq!(
        described(&tagger, TEXT),
        described(&compiled(Engine::AhoCorasick), TEXT)
    );
    let _ = std::fs::remove_file(&dir.0);
}

/// Writing an image removes the cache files unused for longer than [`STALE_AFTER`], and nothing
/// else: not a recent one, not the one just written, not a file the cache did not name.
#[test]
fn writing_an_image_removes_stale_cache_files() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let now = SystemTime::now();
    let old = now - STALE_AFTER - Duration::from_secs(3600);
    let file = |name: &str, time: SystemTime| {
        let path = dir.path().join(name);
        let f = std::fs::File::create(&path).expect("create");
        let times = std::fs::FileTimes::new()
            .set_modified(time)
            .set_accessed(time);
        f.set_times(times).expect("set times");
        path
    };
    // (row name, file, last used, kept)
    let rows = [
        (
            "stale cache file",
            file("tagger-0000000000000001.idx", old),
            false,
        ),
        (
            "recent cache file",
            file("tagger-0000000000000002.idx", now),
            true,
        ),
        (
            "the one written",
            file("tagger-0000000000000003.idx", old),
            true,
        ),
        ("not a cache file", file("notes.txt", old), true),
    ];
    prune(dir.path(), &rows[2].1, now);
    for (name, path, kept) in &rows {
        assert_eq!(path.exists(), *kept, "{name}");
    }
}
