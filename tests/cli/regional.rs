//! The regional dev set (`tests/fixtures/regional-dev/`: Yemen, the Gulf, Libya, Egypt and Sudan):
//! its gold is consistent with its texts, and every span `rasid tag` reports on them is the original
//! slice.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

use crate::tag::assert_spans_match;
use crate::util::{fixture, run};

/// The labels the annotation guideline allows.
const LABELS: [&str; 4] = ["PLACE", "ARMED_GROUP", "PERSON", "ORG"];

fn regional_dir() -> PathBuf {
    fixture("regional-dev")
}

/// The text files, sorted.
fn regional_texts() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(regional_dir().join("texts"))
        .expect("regional-dev/texts")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The gold documents in file order: the id and its entities.
fn regional_gold() -> Vec<(String, Vec<Value>)> {
    let gold = std::fs::read_to_string(regional_dir().join("gold.jsonl")).expect("gold.jsonl");
    gold.lines()
        .enumerate()
        .map(|(i, line)| {
            let doc: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("gold.jsonl line {}: {e}", i + 1));
            let id = doc["id"].as_str().expect("a string id").to_owned();
            let entities = doc["entities"]
                .as_array()
                .expect("an entities array")
                .clone();
            (id, entities)
        })
        .collect()
}

#[test]
fn regional_gold_spans_are_sorted_original_slices_with_guideline_labels() {
    let docs = regional_gold();
    let ids: BTreeSet<&str> = docs.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "an id appears twice in gold.jsonl");
    let stems: Vec<String> = regional_texts()
        .iter()
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    let stems: BTreeSet<&str> = stems.iter().map(String::as_str).collect();
    assert_eq!(ids, stems, "one gold line per text file, and no other");
    assert!(docs.len() >= 12, "expected the 12 regional articles");

    let mut labels_seen = BTreeSet::new();
    for (id, entities) in &docs {
        let raw = std::fs::read(regional_dir().join("texts").join(format!("{id}.txt"))).unwrap();
        assert!(
            !raw.starts_with(b"\xEF\xBB\xBF"),
            "{id}.txt starts with a BOM"
        );
        assert!(!raw.contains(&b'\r'), "{id}.txt has a CR line end");
        let chars: Vec<char> = String::from_utf8(raw)
            .unwrap_or_else(|e| panic!("{id}.txt is not UTF-8: {e}"))
            .chars()
            .collect();
        assert!(!entities.is_empty(), "{id} has no entities");
        let mut previous_end = 0;
        for e in entities {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start < end && end <= chars.len(),
                "{id}: span out of range {e}"
            );
            assert!(
                start >= previous_end,
                "{id}: spans overlap or are unsorted at {e}"
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, e["text"].as_str().unwrap(), "{id}: slice of {e}");
            let label = e["label"].as_str().unwrap();
            assert!(LABELS.contains(&label), "{id}: unknown label in {e}");
            labels_seen.insert(label);
            previous_end = end;
        }
    }
    assert_eq!(
        labels_seen,
        LABELS.into_iter().collect::<BTreeSet<_>>(),
        "all four labels are annotated"
    );
}

#[test]
fn every_regional_span_reported_by_tag_is_the_original_slice() {
    let files = regional_texts();
    let mut args = vec!["tag".to_owned(), "--format".to_owned(), "jsonl".to_owned()];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args).expect_code(0);
    let mut documents = 0;
    let mut total = 0;
    for line in out.stdout.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let text = std::fs::read_to_string(doc["path"].as_str().unwrap()).unwrap();
        let entities = doc["entities"].as_array().unwrap();
        documents += 1;
        total += entities.len();
        assert_spans_match(&text, entities);
    }
    assert_eq!(documents, files.len(), "one output line per text");
    assert!(
        total > 100,
        "the default gazetteers find names in the regional texts ({total})"
    );
}
