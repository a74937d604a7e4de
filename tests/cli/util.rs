//! The harness: runs the built `rasid` binary in a private temporary directory, feeds stdin and
//! captures stdout, stderr and the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The repository root, for fixtures: the parent of the command line's package.
pub fn root() -> PathBuf {
    let cli = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    cli.parent().map(Path::to_path_buf).unwrap_or(cli)
}

/// A fixture file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// A temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("rasid-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `name` inside the directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, contents).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Asserts the exit code, showing both streams when it differs.
    pub fn expect_code(self, code: i32) -> Output {
        assert_eq!(
            self.code, code,
            "unexpected exit code\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Parses stdout as one JSON document.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// Runs `rasid` with `args`, in `dir`, with `stdin` as standard input.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    run_in_with_cache(dir, args, stdin, &shared_cache())
}

/// The index cache the tests share, under cargo's temporary directory for tests: never the user's.
pub fn shared_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("index-cache")
}

/// Runs `rasid` as [`run_in`] does, with the index cache in `cache`.
pub fn run_in_with_cache(dir: &Path, args: &[&str], stdin: &[u8], cache: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasid"))
        .args(args)
        .current_dir(dir)
        .env("RASID_CACHE_DIR", cache)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rasid");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // rasid may exit before reading everything; a broken pipe here is not a failure.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("wait for rasid");
    writer.join().expect("stdin writer");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `rasid` in `dir` with the gazetteer `yaml` alone (written to `g.yml` there): `args` start with
/// the subcommand, and the gazetteer flags go right after it.
pub fn run_with_gazetteer(dir: &TempDir, yaml: &str, args: &[&str], stdin: &[u8]) -> Output {
    let gazetteer = dir.write("g.yml", yaml);
    let (subcommand, rest) = args.split_first().expect("a subcommand");
    let mut all = vec![
        *subcommand,
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
    ];
    all.extend_from_slice(rest);
    run_in(dir.path(), &all, stdin)
}

/// Runs `rasid` with `args` in the repository root, with empty stdin.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args, b"")
}

/// The entities `rasid tag --format json` finds in `text` with the default gazetteers and `flags`,
/// in text order.
pub fn tagged(text: &str, flags: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["tag", "--format", "json"];
    args.extend_from_slice(flags);
    let mut json = run_in(&root(), &args, text.as_bytes())
        .expect_code(0)
        .json();
    match json["entities"].take() {
        serde_json::Value::Array(entities) => entities,
        other => panic!("entities: {other}"),
    }
}

/// Whether a tagged entity or a count row has an id that starts with `prefix` (`person:auto:`).
pub fn has_id_prefix(entity: &serde_json::Value, prefix: &str) -> bool {
    entity["id"]
        .as_str()
        .is_some_and(|id| id.starts_with(prefix))
}

/// A string field of a tagged entity, empty when it has none.
pub fn field(entity: &serde_json::Value, key: &str) -> String {
    entity[key].as_str().unwrap_or_default().to_owned()
}

/// The (text, `key` field) of the places tagged in `text` with the default gazetteers, in text order.
pub fn places_by(text: &str, key: &str) -> Vec<(String, String)> {
    tagged(text, &[])
        .iter()
        .filter(|e| e["label"] == "PLACE")
        .map(|e| (field(e, "text"), field(e, key)))
        .collect()
}

/// A table row: its name, a text, and the (text, id) pairs expected in the text, in order.
pub type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// Owned copies of (text, id) pairs, to compare with what a run found.
pub fn owned_pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(text, id)| ((*text).to_owned(), (*id).to_owned()))
        .collect()
}

/// Checks that the default gazetteers tag in each row's text exactly its places, as (text, id).
pub fn assert_place_ids(rows: &[Row<'_>]) {
    for (name, text, expected) in rows {
        assert_eq!(
            places_by(text, "id"),
            owned_pairs(expected),
            "{name}: {text}"
        );
    }
}

/// A small gazetteer for tests that must not depend on the shipped data.
pub const SMALL_GAZETTEER: &str = "\
- id: group:sdf
  type: ARMED_GROUP
  name: قوات سوريا الديمقراطية
  name_en: Syrian Democratic Forces
  aliases:
    - قسد

- id: place:albukamal
  type: PLACE
  name: البوكمال
  name_en: Abu Kamal
  aliases:
    - أبو كمال

- id: person:soleimani
  type: PERSON
  name: قاسم سليماني
  name_en: Qasem Soleimani
";
