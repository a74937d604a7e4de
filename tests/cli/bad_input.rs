//! The bad-input table of the core issue, one test per row.

use crate::util::{SMALL_GAZETTEER, TempDir, run_in, run_with_gazetteer};

fn run_tag(dir: &TempDir, files: &[&str]) -> crate::util::Output {
    let args = [&["tag", "--format", "jsonl"], files].concat();
    run_with_gazetteer(dir, SMALL_GAZETTEER, &args, b"")
}

#[test]
fn invalid_utf8_is_reported_and_other_files_still_tagged() {
    let dir = TempDir::new();
    dir.write("bad.txt", b"\xd9\x82\xd8\xb3\xd8\xaf \xff\xfe binary");
    dir.write("nul.bin", b"\x00\x01\x02\xff\x00");
    dir.write("good.txt", "قسد");
    let out = run_tag(&dir, &["bad.txt", "nul.bin", "good.txt"]).expect_code(2);
    assert_eq!(
        out.stderr.lines().collect::<Vec<_>>(),
        [
            "rasid: bad.txt: not valid UTF-8 at byte 7",
            "rasid: nul.bin: not valid UTF-8 at byte 3",
        ]
    );
    assert!(
        out.stdout.contains("\"path\":\"good.txt\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("group:sdf"));
}

#[test]
fn nul_bytes_in_valid_utf8_are_text() {
    let dir = TempDir::new();
    dir.write("nul.txt", "قسد\0قسد");
    let out = run_tag(&dir, &["nul.txt"]).expect_code(0);
    assert_eq!(out.stdout.matches("group:sdf").count(), 2);
}

#[test]
fn empty_and_blank_files_have_no_entities() {
    let dir = TempDir::new();
    dir.write("empty.txt", "");
    dir.write("blank.txt", " \n\t\u{00A0}\n");
    let out = run_tag(&dir, &["empty.txt", "blank.txt"]).expect_code(0);
    for line in out.stdout.lines() {
        let json: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(json["entities"].as_array().unwrap().len(), 0);
    }
    assert!(out.stderr.is_empty());
}

#[test]
fn missing_file_and_directory_are_named() {
    let dir = TempDir::new();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let out = run_tag(&dir, &["nope.txt", "folder"]).expect_code(2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert!(lines[0].starts_with("rasid: nope.txt: "), "{}", lines[0]);
    assert_eq!(lines[1], "rasid: folder: is a directory, not a text file");
}

#[test]
fn malformed_gazetteers_report_every_problem_with_positions() {
    let dir = TempDir::new();
    dir.write("gaz/syntax.yml", "- id: a\n  name: [unclosed\n");
    dir.write(
        "gaz/semantic.yml",
        "- id: p:one\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n\n- id: p:one\n  type: PLACE\n  name: حمص\n  name_en: Homs\n  aliases:\n    - \"\u{064E}\u{0651}\"\n\n- id: p:two\n  type: PLACE\n  name: درعا\n  name_en: Daraa\n  alises: [x]\n",
    );
    let out = run_in(
        dir.path(),
        &["tag", "--no-default-gazetteers", "-g", "gaz"],
        "حلب".as_bytes(),
    )
    .expect_code(2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stderr);
    assert_eq!(
        lines[0],
        "rasid: gaz/semantic.yml:6:3: error: duplicate id \"p:one\" (first defined at gaz/semantic.yml:1)"
    );
    assert_eq!(
        lines[1],
        "rasid: gaz/semantic.yml:11:7: error: alias \"\u{064E}\u{0651}\" of \"p:one\" normalises to nothing"
    );
    assert!(
        lines[2].starts_with("rasid: gaz/semantic.yml:17:3: error: unknown field `alises`"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with(
            "rasid: gaz/syntax.yml:3:1: error: while parsing a flow sequence, expected"
        ),
        "{}",
        lines[3]
    );
    assert!(
        out.stdout.is_empty(),
        "nothing is tagged with a broken gazetteer"
    );
}

#[test]
fn a_long_line_and_a_large_file_work() {
    let dir = TempDir::new();
    // Mostly text without names, so that the output stays small while the input is 60 MB, near the
    // limit of 64 MiB per document.
    let unit = format!(
        "{}اشتباكات بين قسد وداعش قرب البوكمال. ",
        "نص عادي بلا أسماء ولا أماكن. ".repeat(40)
    );
    let large = unit.repeat(60 * 1024 * 1024 / unit.len());
    assert!(!large.contains('\n'), "one line");
    dir.write("large.txt", &large);
    let out = run_tag(&dir, &["large.txt"]).expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let count = large.matches("قسد").count() + large.matches("البوكمال").count();
    assert_eq!(json["entities"].as_array().unwrap().len(), count);
}
