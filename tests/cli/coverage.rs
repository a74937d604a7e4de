//! `rasid coverage`: unmatched entities and aliases, and the most frequent aliases, on a crafted
//! corpus whose counts are worked out by hand.

use crate::util::{Output, TempDir, run_in, run_with_gazetteer};

/// Four entities: one matched through its name only, one through an alias only, one never written,
/// and one whose name is misspelt (no space in `دير الزور`), so it never matches either.
const GAZETTEER: &str = "\
- id: place:albukamal
  type: PLACE
  name: البوكمال
  name_en: Abu Kamal
  aliases:
    - أبو كمال

- id: group:sdf
  type: ARMED_GROUP
  name: قوات سوريا الديمقراطية
  name_en: Syrian Democratic Forces
  aliases:
    - قسد

- id: person:soleimani
  type: PERSON
  name: قاسم سليماني
  name_en: Qasem Soleimani

- id: place:deir-ez-zor
  type: PLACE
  name: ديرالزور
  name_en: Deir ez-Zor
";

/// Three documents: `قسد` twice in one; `البوكمال` once in each of two (once with proclitics).
fn corpus(dir: &TempDir) {
    dir.write(
        "texts/a.txt",
        "تقدمت قسد نحو البوكمال، وقالت قسد إن دير الزور هادئة",
    );
    dir.write(
        "texts/b.jsonl",
        "{\"id\": \"j1\", \"text\": \"قصف على وبالبوكمال\"}\n{\"id\": \"j2\", \"text\": \"لا أسماء هنا\"}\n",
    );
}

fn coverage(dir: &TempDir, args: &[&str]) -> Output {
    run_with_gazetteer(
        dir,
        GAZETTEER,
        &[&["coverage", "--quiet"], args].concat(),
        b"",
    )
}

#[test]
fn tsv_lists_frequent_and_unmatched() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = coverage(&dir, &["texts"]).expect_code(0);
    let expected = "\
kind\tid\tlabel\talias\twhen\tmentions\tdocuments\tper_document\tshare
frequent\tgroup:sdf\tARMED_GROUP\tقسد\talways\t2\t1\t2.00\t0.3333
frequent\tplace:albukamal\tPLACE\tالبوكمال\talways\t2\t2\t1.00\t0.6667
unmatched-alias\tplace:albukamal\tPLACE\tأبو كمال\talways\t0\t0\t0.00\t0.0000
unmatched-alias\tgroup:sdf\tARMED_GROUP\tقوات سوريا الديمقراطية\talways\t0\t0\t0.00\t0.0000
unmatched-entity\tperson:soleimani\tPERSON\tقاسم سليماني\t\t0\t0\t0.00\t0.0000
unmatched-entity\tplace:deir-ez-zor\tPLACE\tديرالزور\t\t0\t0\t0.00\t0.0000
";
    assert_eq!(out.stdout, expected);
}

#[test]
fn rank_top_and_label_filter() {
    let dir = TempDir::new();
    corpus(&dir);
    // By share of documents, البوكمال (2 of 3) comes before قسد (1 of 3).
    let out = coverage(&dir, &["--rank-by", "share", "--top", "1", "texts"]).expect_code(0);
    let frequent: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("frequent\t"))
        .collect();
    assert_eq!(
        frequent,
        ["frequent\tplace:albukamal\tPLACE\tالبوكمال\talways\t2\t2\t1.00\t0.6667"]
    );
    let out = coverage(&dir, &["--label", "PERSON", "texts"]).expect_code(0);
    let rows: Vec<&str> = out.stdout.lines().skip(1).collect();
    assert_eq!(
        rows,
        ["unmatched-entity\tperson:soleimani\tPERSON\tقاسم سليماني\t\t0\t0\t0.00\t0.0000"]
    );
}

#[test]
fn table_format_has_the_three_sections() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = coverage(&dir, &["--format", "table", "texts"]).expect_code(0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "most frequent aliases, by mentions per document holding it (3 documents):"
    );
    assert!(
        lines.contains(&"  2         1          2.00     33.3%  ARMED_GROUP group:sdf  قسد"),
        "{}",
        out.stdout
    );
    assert!(lines.contains(&"aliases that never matched, of entities that did: 2"));
    assert!(lines.contains(&"entities that never matched: 2"));
    assert!(
        lines.contains(&"  always  PLACE place:albukamal  أبو كمال"),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(&"  PLACE place:deir-ez-zor  ديرالزور"),
        "{}",
        out.stdout
    );
}

#[test]
fn standard_input_and_bad_lines() {
    let dir = TempDir::new();
    let gazetteer = dir.write("g.yml", GAZETTEER);
    let args = [
        "coverage",
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
    ];
    // JSON Lines on stdin with one bad line: it is reported with its line, skipped, and exits 2.
    let stdin = "{\"id\": \"x\", \"text\": \"قسد\"}\n{not json\n";
    let out = run_in(dir.path(), &args, stdin.as_bytes()).expect_code(2);
    assert!(
        out.stderr.contains("rasid: -:2: invalid JSON"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout
            .contains("frequent\tgroup:sdf\tARMED_GROUP\tقسد\talways\t1\t1\t1.00\t1.0000"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("1 documents, 1 mentions"),
        "{}",
        out.stderr
    );
}

#[test]
fn unknown_label_is_a_usage_error() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = coverage(&dir, &["--label", "PLCAE", "texts"]).expect_code(2);
    assert!(
        out.stderr
            .starts_with("rasid: unknown label \"PLCAE\": expected one of PLACE, ARMED_GROUP"),
        "{}",
        out.stderr
    );
}
