//! `rasid eval` on small hand-scored fixtures, in JSON Lines, brat and CoNLL.
//!
//! `tests/fixtures/eval/` holds one gold twice: `gold.jsonl` with `docs/<id>.txt`, and brat
//! `docs/<id>.ann` beside the same texts; and `ner.conll`, CoNLL BIO with ANERcorp-style labels. Every
//! test uses `SMALL_GAZETTEER` (قسد ARMED_GROUP, البوكمال/أبو كمال PLACE, قاسم سليماني PERSON) so
//! the expected figures do not move when the shipped gazetteers change.

use crate::util::{Output, SMALL_GAZETTEER, TempDir, fixture, run_in};

/// Runs `rasid eval` with the small gazetteer only.
fn eval(dir: &TempDir, args: &[&str]) -> Output {
    let gazetteer = dir.write("g.yml", SMALL_GAZETTEER);
    let mut all = vec![
        "eval",
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    run_in(dir.path(), &all, b"")
}

/// The cells of the table row whose first column is `name`.
fn row(out: &Output, name: &str) -> Vec<String> {
    let line = out
        .stdout
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no row {name} in\n{}", out.stdout));
    line.split_whitespace().map(str::to_owned).collect()
}

/// Columns after the name: exact P R F1 (1..4), overlap P~ R~ F1~ (4..7), exact tp fp fn (7..10),
/// overlap tp~ fp~ fn~ (10..13).
const EXACT: std::ops::Range<usize> = 1..4;
const OVERLAP: std::ops::Range<usize> = 4..7;
const EXACT_COUNTS: std::ops::Range<usize> = 7..10;
const OVERLAP_COUNTS: std::ops::Range<usize> = 10..13;

fn path(name: &str) -> String {
    fixture(name).to_str().unwrap().to_owned()
}

/// Text: "قسد في البوكمال مع قاسم سليماني وحلب" with gold PLACE البوكمال, PLACE حلب, PERSON قاسم سليماني,
/// ARMED_GROUP قسد (0-3). The small gazetteer finds قسد, البوكمال and قاسم سليماني but not حلب, and
/// the gold marks قسد as PLACE on purpose: PLACE tp 1 fp 0 fn 2 → P 1.000 R 0.333 F1 0.500;
/// ARMED_GROUP fp 1; PERSON tp 1.
///
/// Every span that pairs here pairs exactly, so overlap must give the same figures; only the
/// untyped row, which forgives the label of قسد, differs.
#[test]
fn eval_matches_hand_computed_scores() {
    let dir = TempDir::new();
    let text = "قسد في البوكمال مع قاسم سليماني وحلب";
    dir.write("texts/d1.txt", text);
    let gold = r#"{"id": "d1", "entities": [{"start": 0, "end": 3, "label": "PLACE"}, {"start": 7, "end": 15, "label": "PLACE"}, {"start": 19, "end": 31, "label": "PERSON"}, {"start": 33, "end": 36, "label": "PLACE"}]}"#;
    dir.write("gold.jsonl", format!("{gold}\n"));
    let out = eval(&dir, &["--gold", "gold.jsonl", "texts"]).expect_code(0);
    assert_eq!(row(&out, "PLACE")[EXACT], ["1.000", "0.333", "0.500"]);
    assert_eq!(row(&out, "PERSON")[EXACT], ["1.000", "1.000", "1.000"]);
    assert_eq!(row(&out, "ARMED_GROUP")[EXACT_COUNTS], ["0", "1", "0"]);
    // Overall: tp 2, fp 1, fn 2 → P 0.667 R 0.500 F1 0.571.
    let headline = row(&out, "PLACE+ARMED_GROUP+PERSON");
    assert_eq!(headline[EXACT], ["0.667", "0.500", "0.571"]);
    assert_eq!(headline[OVERLAP], headline[EXACT]);
    assert_eq!(headline[OVERLAP_COUNTS], headline[EXACT_COUNTS]);
    // Untyped: قسد pairs too → tp 3, fp 0, fn 1 → P 1.000 R 0.750 F1 0.857.
    let untyped = row(&out, "untyped");
    assert_eq!(untyped[EXACT_COUNTS], ["3", "0", "1"]);
    assert_eq!(untyped[EXACT], ["1.000", "0.750", "0.857"]);
}

/// The fixture separates all four modes. Gold (2 documents, 6 spans):
///   d1 "قسد في مدينة البوكمال مع قاسم سليماني وحلب": قسد PLACE (a label error on purpose),
///      "مدينة البوكمال" PLACE (type word inside, against the guideline), قاسم سليماني PERSON, حلب PLACE
///   d2 "وقسد في أبو كمال": قسد ARMED_GROUP, أبو كمال PLACE
/// Predicted (5): d1 قسد ARMED_GROUP, البوكمال PLACE, قاسم سليماني PERSON; d2 قسد ARMED_GROUP, أبو كمال PLACE.
///
/// Exact, typed:    PLACE tp 1 (أبو كمال) fp 1 (البوكمال) fn 3 → P 0.500 R 0.250 F1 0.333
///                  ARMED_GROUP tp 1 fp 1 (d1 قسد) fn 0 → P 0.500 R 1.000 F1 0.667; PERSON tp 1
///                  all: tp 3 fp 2 fn 3 → P 0.600 R 0.500 F1 0.545
/// Overlap, typed:  البوكمال now pairs with مدينة البوكمال: PLACE tp 2 fp 0 fn 2 → 1.000 0.500 0.667
///                  all: tp 4 fp 1 fn 2 → P 0.800 R 0.667 F1 0.727
/// Exact, untyped:  d1 قسد pairs (label ignored): tp 4 fp 1 fn 2 → 0.800 0.667 0.727
/// Overlap, untyped: only حلب is missed: tp 5 fp 0 fn 1 → P 1.000 R 0.833 F1 0.909
#[test]
fn four_modes_on_the_jsonl_fixture() {
    let dir = TempDir::new();
    let out = eval(
        &dir,
        &["--gold", &path("eval/gold.jsonl"), &path("eval/docs")],
    )
    .expect_code(0);
    assert_eq!(out.stderr, "");
    let place = row(&out, "PLACE");
    assert_eq!(place[EXACT], ["0.500", "0.250", "0.333"]);
    assert_eq!(place[EXACT_COUNTS], ["1", "1", "3"]);
    assert_eq!(place[OVERLAP], ["1.000", "0.500", "0.667"]);
    assert_eq!(place[OVERLAP_COUNTS], ["2", "0", "2"]);
    assert_eq!(row(&out, "ARMED_GROUP")[EXACT], ["0.500", "1.000", "0.667"]);
    assert_eq!(row(&out, "PERSON")[EXACT_COUNTS], ["1", "0", "0"]);
    for name in ["PLACE+ARMED_GROUP+PERSON", "all"] {
        let r = row(&out, name);
        assert_eq!(r[EXACT], ["0.600", "0.500", "0.545"], "{name}");
        assert_eq!(r[OVERLAP], ["0.800", "0.667", "0.727"], "{name}");
    }
    let untyped = row(&out, "untyped");
    assert_eq!(untyped[EXACT_COUNTS], ["4", "1", "2"]);
    assert_eq!(untyped[EXACT], ["0.800", "0.667", "0.727"]);
    assert_eq!(untyped[OVERLAP_COUNTS], ["5", "0", "1"]);
    assert_eq!(untyped[OVERLAP], ["1.000", "0.833", "0.909"]);
    assert!(out.stdout.contains("(2 documents;"), "{}", out.stdout);
}

/// `--show` groups errors by predicted entity (false positives) and by gold text (false negatives),
/// and says how near each came.
#[test]
fn show_lists_grouped_errors_in_context() {
    let dir = TempDir::new();
    let out = eval(
        &dir,
        &[
            "--gold",
            &path("eval/gold.jsonl"),
            &path("eval/docs"),
            "--show",
        ],
    )
    .expect_code(0);
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with(' '))
        .collect();
    assert_eq!(
        headers,
        [
            "FP group:sdf (قوات سوريا الديمقراطية): 1",
            "FP place:albukamal (البوكمال): 1",
            "FN «حلب»: 1",
            "FN «قسد»: 1",
            "FN «مدينة البوكمال»: 1",
        ]
    );
    // Each occurrence: document:start-end, label, how near, context with the span in [[…]].
    let occurrence = |header: &str| -> Vec<String> {
        let lines: Vec<&str> = out.stdout.lines().collect();
        let i = lines.iter().position(|l| *l == header).unwrap();
        lines[i + 1]
            .trim_start()
            .split('\t')
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        occurrence("FP place:albukamal (البوكمال): 1"),
        [
            "d1:13-21",
            "PLACE",
            "boundary",
            "قسد في مدينة [[البوكمال]] مع قاسم سليماني وحلب "
        ]
    );
    assert_eq!(
        occurrence("FP group:sdf (قوات سوريا الديمقراطية): 1")[2],
        "label"
    );
    assert_eq!(occurrence("FN «قسد»: 1")[..3], ["d1:0-3", "PLACE", "label"]);
    assert_eq!(occurrence("FN «حلب»: 1")[2], "missed");
    assert_eq!(
        occurrence("FN «مدينة البوكمال»: 1")[..3],
        ["d1:7-21", "PLACE", "boundary"]
    );
    // The table still follows.
    assert_eq!(row(&out, "all")[EXACT_COUNTS], ["3", "2", "3"]);
}

/// The brat copy of the gold (a discontinuous span for قاسم سليماني, notes, a relation and an
/// attribute that must be ignored) scores exactly as the JSON Lines copy, error listing included.
#[test]
fn brat_gold_scores_as_the_same_gold_in_json_lines() {
    let dir = TempDir::new();
    let jsonl = eval(
        &dir,
        &[
            "--gold",
            &path("eval/gold.jsonl"),
            &path("eval/docs"),
            "--show",
        ],
    )
    .expect_code(0);
    let brat = eval(&dir, &["--gold", &path("eval/docs"), "--show"]).expect_code(0);
    assert_eq!(brat.stderr, "", "a whitespace gap needs no warning");
    assert_eq!(brat.stdout, jsonl.stdout);
    // One .ann file is one document.
    let single = eval(&dir, &["--gold", &path("eval/docs/d2.ann")]).expect_code(0);
    assert!(single.stdout.contains("(1 documents;"), "{}", single.stdout);
    assert_eq!(row(&single, "all")[EXACT_COUNTS], ["2", "0", "0"]);
}

/// CoNLL with ANERcorp labels, mapped: LOC=PLACE, PERS=PERSON, ORG=ARMED_GROUP, MISC dropped.
/// Rebuilt texts: doc 1 "قاسم سليماني في البوكمال .\nقسد تقاتل في حلب ." and doc 2
/// "أعلنت قوات سوريا الديمقراطية سيطرتها على مدينة أبو كمال وفق رويترز .\nقسد تتقدم ."
/// Gold after the map (7): PERSON قاسم سليماني, PLACE البوكمال, ARMED_GROUP قسد, PLACE حلب;
/// ARMED_GROUP قوات سوريا الديمقراطية, PLACE مدينة أبو كمال, PLACE قسد (a label error on purpose);
/// رويترز (MISC) is dropped. Predicted (6): the same but حلب missed, أبو كمال without مدينة, and the
/// second قسد as ARMED_GROUP.
///
/// Exact, typed:    PLACE tp 1 fp 1 fn 3 → P 0.500 R 0.250 F1 0.333
///                  ARMED_GROUP tp 2 fp 1 fn 0 → P 0.667 R 1.000 F1 0.800; PERSON tp 1
///                  all: tp 4 fp 2 fn 3 → P 0.667 R 0.571 F1 0.615
/// Overlap, typed:  PLACE tp 2 fp 0 fn 2; all: tp 5 fp 1 fn 2 → P 0.833 R 0.714 F1 0.769
/// Untyped:         exact tp 5 fp 1 fn 2 → 0.833 0.714 0.769; overlap tp 6 fp 0 fn 1 → 1.000 0.857 0.923
#[test]
fn conll_with_a_label_map() {
    let dir = TempDir::new();
    let gold = path("eval/ner.conll");
    let out = eval(
        &dir,
        &[
            "--gold",
            &gold,
            "--map",
            "LOC=PLACE,PERS=PERSON",
            "--map",
            "ORG=ARMED_GROUP,MISC=",
            "--show",
        ],
    )
    .expect_code(0);
    assert_eq!(out.stderr, "");
    let place = row(&out, "PLACE");
    assert_eq!(place[EXACT], ["0.500", "0.250", "0.333"]);
    assert_eq!(place[OVERLAP_COUNTS], ["2", "0", "2"]);
    let armed = row(&out, "ARMED_GROUP");
    assert_eq!(armed[EXACT], ["0.667", "1.000", "0.800"]);
    assert_eq!(armed[EXACT_COUNTS], ["2", "1", "0"]);
    let all = row(&out, "all");
    assert_eq!(all[EXACT], ["0.667", "0.571", "0.615"]);
    assert_eq!(all[OVERLAP], ["0.833", "0.714", "0.769"]);
    let untyped = row(&out, "untyped");
    assert_eq!(untyped[EXACT], ["0.833", "0.714", "0.769"]);
    assert_eq!(untyped[OVERLAP], ["1.000", "0.857", "0.923"]);
    // No row for the dropped or renamed labels.
    for gone in ["MISC", "LOC", "PERS"] {
        assert!(
            !out.stdout
                .lines()
                .any(|l| l.split_whitespace().next() == Some(gone)),
            "{gone} row in\n{}",
            out.stdout
        );
    }
    // Documents are named by the line of their first token; offsets are in the rebuilt text.
    assert!(
        out.stdout
            .contains(&format!("    {gold}:3:40-43\tPLACE\tmissed\t")),
        "{}",
        out.stdout
    );
}

/// Without the map, gold labels that are not gazetteer types are scored as they are (all misses),
/// with a warning that says how to map them.
#[test]
fn conll_without_a_map_warns_about_foreign_labels() {
    let dir = TempDir::new();
    let out = eval(&dir, &["--gold", &path("eval/ner.conll")]).expect_code(0);
    assert_eq!(row(&out, "LOC")[EXACT_COUNTS], ["0", "0", "4"]);
    assert_eq!(row(&out, "all")[EXACT_COUNTS], ["0", "6", "8"]);
    let warned: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("rasid: warning: gold label "))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(warned, ["\"LOC\"", "\"MISC\"", "\"PERS\""]);
    assert!(
        out.stderr
            .contains("--map LOC=TYPE or drop it with --map LOC="),
        "{}",
        out.stderr
    );
}

/// Format detection: a CoNLL file named `.txt` is read as CoNLL from its content, and
/// `--gold-format` overrides the guess.
#[test]
fn gold_format_is_detected_or_given() {
    let dir = TempDir::new();
    let conll = std::fs::read_to_string(fixture("eval/ner.conll")).unwrap();
    dir.write("ner.txt", &conll);
    dir.write("ner.data", &conll);
    let detected = eval(&dir, &["--gold", "ner.txt", "--map", "LOC=PLACE"]).expect_code(0);
    assert_eq!(row(&detected, "PLACE")[EXACT_COUNTS], ["1", "1", "3"]);
    let given = eval(
        &dir,
        &[
            "--gold",
            "ner.data",
            "--gold-format",
            "conll",
            "--map",
            "LOC=PLACE",
        ],
    )
    .expect_code(0);
    assert_eq!(given.stdout, detected.stdout.replace("ner.txt", "ner.data"));
    // A JSON Lines file read as CoNLL fails on its first line rather than scoring nonsense.
    let wrong = eval(
        &dir,
        &["--gold", &path("eval/gold.jsonl"), "--gold-format", "conll"],
    )
    .expect_code(2);
    assert!(
        wrong.stderr.contains("gold.jsonl:1: unknown tag"),
        "{}",
        wrong.stderr
    );
}

/// Bad gold and bad arguments end with exit code 2 and one message that says where and what.
#[test]
fn bad_gold_is_reported_with_its_location() {
    let dir = TempDir::new();
    dir.write("texts/d1.txt", "في حلب");
    // Byte offsets (5-11) instead of code points (3-6).
    dir.write(
        "bytes.jsonl",
        "{\"id\": \"d1\", \"entities\": [{\"start\": 5, \"end\": 11, \"label\": \"PLACE\"}]}\n",
    );
    dir.write(
        "shifted.jsonl",
        "{\"id\": \"d1\", \"entities\": [{\"start\": 2, \"end\": 5, \"label\": \"PLACE\", \"text\": \"حلب\"}]}\n",
    );
    dir.write(
        "two.jsonl",
        "{\"id\": \"d1\", \"entities\": []}\n{\"id\": \"d2\", \"entities\": []}\n",
    );
    dir.write("bad.conll", "حلب B-LOC\nإدلب\n");
    dir.write("brat/d1.txt", "في حلب");
    dir.write("brat/d1.ann", "T1\tPLACE 3 x\tحلب\n");
    dir.write("empty/readme.md", "nothing here");
    struct Case {
        name: &'static str,
        args: &'static [&'static str],
        code: i32,
        stderr: &'static str,
    }
    let cases = [
        Case {
            name: "offsets past the end",
            args: &["--gold", "bytes.jsonl", "texts"],
            code: 2,
            stderr: "rasid: bytes.jsonl:1: entity 1: span 5-11 is not inside the text (6 code points); offsets are code points, end exclusive\n",
        },
        Case {
            name: "stated text differs: a warning, still scored",
            args: &["--gold", "shifted.jsonl", "texts"],
            code: 0,
            stderr: "rasid: shifted.jsonl:1: entity 1: warning: span 2-5 says \"حلب\" but the text there is \" حل\"\n",
        },
        Case {
            name: "JSON Lines without texts",
            args: &["--gold", "bytes.jsonl"],
            code: 2,
            stderr: "rasid: bytes.jsonl: JSON Lines gold needs TEXTS, the directory holding <id>.txt\n",
        },
        Case {
            name: "one text file for several documents",
            args: &["--gold", "two.jsonl", "texts/d1.txt"],
            code: 2,
            stderr: "rasid: texts/d1.txt: not a directory, and the gold has 2 documents; give the directory holding <id>.txt\n",
        },
        Case {
            name: "texts given with brat gold",
            args: &["--gold", "brat", "texts"],
            code: 2,
            stderr: "rasid: texts: TEXTS is for JSON Lines gold only; brat texts are the .txt files beside the .ann files\n",
        },
        Case {
            name: "malformed brat line",
            args: &["--gold", "brat"],
            code: 2,
            stderr: "rasid: brat/d1.ann:1: offsets \"3 x\" are not START END pairs separated by ';'\n",
        },
        Case {
            name: "directory without .ann files",
            args: &["--gold", "empty"],
            code: 2,
            stderr: "rasid: empty: no .ann files found; brat gold is <name>.ann beside <name>.txt\n",
        },
        Case {
            name: "CoNLL line without a tag",
            args: &["--gold", "bad.conll"],
            code: 2,
            stderr: "rasid: bad.conll:2: expected TOKEN TAG, found \"إدلب\"\n",
        },
    ];
    for case in &cases {
        let out = eval(&dir, case.args);
        assert_eq!(out.code, case.code, "{}: {}", case.name, out.stderr);
        assert_eq!(out.stderr, case.stderr, "{}", case.name);
    }
    let bad_map = eval(&dir, &["--gold", "bad.conll", "--map", "LOC"]).expect_code(2);
    assert!(
        bad_map
            .stderr
            .contains("expected FROM=TO (or FROM= to drop a label), found \"LOC\""),
        "{}",
        bad_map.stderr
    );
}
