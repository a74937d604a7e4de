//! `rasid tag` input and output: JSON Lines on standard input, `-o FILE`, and the CoNLL and brat
//! exports, each read back by `rasid eval`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{Output, SMALL_GAZETTEER, TempDir, fixture, run_in, run_with_gazetteer};

const SEED: &str = "article-albukamal-2017.txt";

/// Two JSON lines, the second with its text in another field too, and a blank line between.
const LINES: &str = "{\"id\": \"d1\", \"text\": \"قسد في أبو كمال\", \"body\": \"لا شيء\"}\n\n\
                     {\"id\": \"d2\", \"text\": \"لا شيء\", \"body\": \"قاسم سليماني\"}\n";

/// Standard input that starts with `{` is JSON Lines, tagged as the same lines in a `.jsonl` file
/// are; `--text-field` applies.
#[test]
fn json_lines_on_standard_input_tag_as_a_file_does() {
    // (row name, extra arguments)
    let cases: [(&str, &[&str]); 3] = [
        ("json lines", &["--format", "jsonl"]),
        ("text field", &["--format", "jsonl", "--text-field", "body"]),
        ("json array", &["--format", "json"]),
    ];
    for (name, extra) in cases {
        let dir = TempDir::new();
        dir.write("in.jsonl", LINES);
        let mut from_file = vec!["tag"];
        from_file.extend_from_slice(extra);
        from_file.push("in.jsonl");
        let mut from_stdin = vec!["tag"];
        from_stdin.extend_from_slice(extra);
        let file_out = run_with_gazetteer(&dir, SMALL_GAZETTEER, &from_file, b"").expect_code(0);
        let stdin_out =
            run_with_gazetteer(&dir, SMALL_GAZETTEER, &from_stdin, LINES.as_bytes()).expect_code(0);
        // Documents are named by input and line: `-:3` for standard input.
        let file_out = file_out.stdout.replace("\"in.jsonl:", "\"-:");
        assert_eq!(stdin_out.stdout, file_out, "{name}");
        assert_eq!(stdin_out.stderr, "", "{name}");
    }
    let dir = TempDir::new();
    let out = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", "--format", "jsonl", "--text-field", "body"],
        LINES.as_bytes(),
    )
    .expect_code(0);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // The text field is left out, the other fields pass through, `entities` is added.
    assert_eq!(lines[1]["text"], "لا شيء");
    assert!(lines[1].get("body").is_none());
    assert_eq!(lines[1]["entities"][0]["id"], "person:soleimani");
    assert_eq!(lines[0]["entities"].as_array().unwrap().len(), 0);
}

/// Standard input that does not start with `{` is still one text.
#[test]
fn a_text_on_standard_input_is_one_document() {
    let dir = TempDir::new();
    let out = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", "--format", "jsonl"],
        "قسد في {أبو كمال}".as_bytes(),
    )
    .expect_code(0);
    let document: Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(document["path"], "-");
    let ids: Vec<&str> = document["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["group:sdf", "place:albukamal"]);
}

/// `-o FILE` gets what standard output would, and a run that fails leaves the file as it was.
#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = TempDir::new();
    let text = dir.write("a.txt", "قسد في أبو كمال");
    let to_stdout = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", "--format", "jsonl", text.to_str().unwrap()],
        b"",
    )
    .expect_code(0);
    let written = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", text.to_str().unwrap(), "-o", "out.jsonl"],
        b"",
    )
    .expect_code(0);
    assert_eq!(written.stdout, "");
    let file = dir.path().join("out.jsonl");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), to_stdout.stdout);

    // An invalid gazetteer ends the run before anything is tagged: the earlier result stays.
    let bad = dir.write("bad.yml", "- id: [unclosed\n");
    let failed = run_in(
        dir.path(),
        &[
            "tag",
            "--no-default-gazetteers",
            "-g",
            bad.to_str().unwrap(),
            text.to_str().unwrap(),
            "-o",
            "out.jsonl",
        ],
        b"",
    )
    .expect_code(2);
    assert!(failed.stderr.starts_with("rasid: "), "{}", failed.stderr);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), to_stdout.stdout);
}

/// Mentions per label in `rasid tag --format json` of one text.
fn labels_tagged(dir: &TempDir, text: &str) -> BTreeMap<String, u64> {
    let out = run_in(dir.path(), &["tag", "--format", "json", text], b"").expect_code(0);
    let document: Value = serde_json::from_str(&out.stdout).unwrap();
    let mut labels = BTreeMap::new();
    for e in document["entities"].as_array().unwrap() {
        *labels
            .entry(e["label"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    labels
}

/// The exact `tp fp fn` of a row of `rasid eval`'s table.
fn exact_counts(out: &Output, row: &str) -> [u64; 3] {
    let line = out
        .stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(row))
        .unwrap_or_else(|| panic!("no row {row}:\n{}", out.stdout));
    let columns: Vec<u64> = line
        .split_whitespace()
        .skip(7)
        .take(3)
        .map(|c| c.parse().unwrap())
        .collect();
    [columns[0], columns[1], columns[2]]
}

/// brat `.ann` written beside the text reads back as gold with every mention, and scores rasid's
/// own tagging of the same text with no error.
#[test]
fn brat_export_reads_back_as_gold() {
    let dir = TempDir::new();
    let text = dir.write("seed.txt", std::fs::read(fixture(SEED)).unwrap());
    let text = text.to_str().unwrap();
    let out = run_in(dir.path(), &["tag", "--format", "brat", text], b"").expect_code(0);
    assert_eq!(out.stdout, "");
    assert!(dir.path().join("seed.ann").is_file());
    let tagged = labels_tagged(&dir, text);
    let scored = run_in(dir.path(), &["eval", "--gold", "seed.ann"], b"").expect_code(0);
    for (label, mentions) in &tagged {
        let [tp, fp, fn_] = exact_counts(&scored, label);
        assert_eq!(tp + fn_, *mentions, "gold {label} read back");
        assert_eq!((fp, fn_), (0, 0), "{label}");
    }
    // Standard input has no file to put the `.ann` beside.
    let refused = run_in(dir.path(), &["tag", "--format", "brat"], "قسد".as_bytes()).expect_code(2);
    assert!(
        refused.stderr.contains("--format brat"),
        "{}",
        refused.stderr
    );
}

/// CoNLL BIO reads back as gold with every mention and its label; the text `eval` rebuilds from the
/// tokens is not the original, so only the gold is compared.
#[test]
fn conll_export_reads_back_as_gold() {
    let dir = TempDir::new();
    let text = dir.write("seed.txt", std::fs::read(fixture(SEED)).unwrap());
    let text = text.to_str().unwrap();
    run_in(
        dir.path(),
        &["tag", "--format", "conll", "-o", "seed.conll", text],
        b"",
    )
    .expect_code(0);
    let conll = std::fs::read_to_string(dir.path().join("seed.conll")).unwrap();
    assert!(conll.starts_with("-DOCSTART- O\n\n"), "{conll}");
    let tagged = labels_tagged(&dir, text);
    let scored = run_in(dir.path(), &["eval", "--gold", "seed.conll"], b"").expect_code(0);
    let mut total = 0;
    for (label, mentions) in &tagged {
        let [tp, _, fn_] = exact_counts(&scored, label);
        assert_eq!(tp + fn_, *mentions, "gold {label} read back");
        total += mentions;
    }
    let [tp, _, fn_] = exact_counts(&scored, "all");
    assert_eq!(tp + fn_, total);
}

/// `--explain` and `--explain-rejected` say the same of a JSON line as of the same text in a file,
/// in JSON Lines and JSON output alike.
#[test]
fn explanations_reach_json_lines_input() {
    let text = "قسد في أبو كمال";
    let line = serde_json::json!({"id": "d1", "text": text}).to_string() + "\n";
    let flags = ["--explain", "--explain-rejected"];
    for (name, format) in [("json lines", "jsonl"), ("json array", "json")] {
        let dir = TempDir::new();
        dir.write("in.txt", text);
        dir.write("in.jsonl", &line);
        let tag = |input: &str| {
            let mut args = vec!["tag", "--format", format];
            args.extend_from_slice(&flags);
            args.push(input);
            let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, &args, b"").expect_code(0);
            let first = match out.json() {
                Value::Array(mut documents) => documents.remove(0),
                document => document,
            };
            (first["entities"].clone(), first["rejected"].clone())
        };
        let (entities, rejected) = tag("in.jsonl");
        assert!(rejected.is_array(), "{name}: no rejected candidates listed");
        assert_eq!((entities.clone(), rejected), tag("in.txt"), "{name}");
        assert!(
            entities[0]["explain"]["via"].is_string(),
            "{name}: {entities}"
        );
    }
}
