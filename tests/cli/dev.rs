//! The annotated dev set: every reported span is the exact original slice.

use std::path::PathBuf;

use crate::tag::assert_spans_match;
use crate::util::{root, run};

/// The annotated dev set, copied into the fixtures with its guideline and attribution
/// (`tests/fixtures/dev/README.md`); `RASID_DEV_DIR` points the tests at another copy.
pub fn dev_dir() -> PathBuf {
    let dir = std::env::var_os("RASID_DEV_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("tests").join("fixtures").join("dev"));
    assert!(
        dir.join("texts").is_dir(),
        "dev set not found at {} (set RASID_DEV_DIR)",
        dir.display()
    );
    dir
}

/// The dev texts, sorted.
fn dev_texts() -> Vec<PathBuf> {
    let texts = dev_dir().join("texts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn every_dev_span_is_the_original_slice() {
    let files = dev_texts();
    assert!(
        files.len() >= 10,
        "expected the dev texts in {}",
        dev_dir().join("texts").display()
    );
    let args: Vec<String> = ["tag", "--format", "jsonl"]
        .iter()
        .map(|s| s.to_string())
        .chain(files.iter().map(|f| f.to_str().unwrap().to_owned()))
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args).expect_code(0);
    let mut total = 0;
    for line in out.stdout.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = std::fs::read_to_string(doc["path"].as_str().unwrap()).unwrap();
        let entities = doc["entities"].as_array().unwrap();
        total += entities.len();
        assert_spans_match(&text, entities);
    }
    assert!(
        total > 100,
        "the default gazetteers find names in the dev texts ({total})"
    );
}

/// The explanation path on real text: every rejected candidate (they overlap and nest) is the
/// original slice at its code point offsets.
#[test]
fn rejected_candidates_on_dev_texts_are_original_slices() {
    let files = dev_texts();
    for file in files.iter().take(4) {
        let out = run(&[
            "tag",
            "--format",
            "json",
            "--explain",
            "--explain-rejected",
            file.to_str().unwrap(),
        ])
        .expect_code(0);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let chars: Vec<char> = std::fs::read_to_string(file).unwrap().chars().collect();
        let rejected = doc["rejected"].as_array().unwrap();
        assert!(!rejected.is_empty(), "{}", file.display());
        for r in rejected {
            let (start, end) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[start..end].iter().collect::<String>(),
                r["text"].as_str().unwrap(),
                "{r}"
            );
        }
        for e in doc["entities"].as_array().unwrap() {
            assert!(e["explain"]["via"].is_string(), "{e}");
        }
    }
}
