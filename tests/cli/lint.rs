//! `rasid check` as a linter: one planted problem per rule in `tests/fixtures/lint/`, each reported
//! at its line and column, `--deny-warnings`, `--summary` and `--fix`.

use crate::util::{TempDir, fixture, run, run_in};

/// Every finding for the fixture directory, in the order `check` sorts them (file, line, column).
/// Lines and columns are those of the planted problem in the fixture files.
const EXPECTED: &str = r#"tests/fixtures/lint/errors.yml:8:3: error: unknown field `alises` in entity "place:lint:typo", expected one of `id`, `type`, `name`, `name_en`, `aliases`, `country`, `admin1`, `admin2`, `lat`, `lon`, `population`, `geonames`, `wikidata`, `parent`, `affiliation`, `successor`, `category`, `active`, `notes`, `sources`
tests/fixtures/lint/errors.yml:12:3: error: missing field `name_en` in entity "place:lint:no-english"
tests/fixtures/lint/errors.yml:22:3: error: duplicate id "place:lint:twice" (first defined at tests/fixtures/lint/errors.yml:17)
tests/fixtures/lint/errors.yml:33:7: error: empty alias in entity "place:lint:empty-alias"
tests/fixtures/lint/errors.yml:41:7: error: alias "ـــ" of "place:lint:tatweel-alias" normalises to nothing
tests/fixtures/lint/errors.yml:45:3: error: unknown type "PLCAE" in entity "place:lint:bad-type": expected one of PLACE, ARMED_GROUP, PERSON, ORG or a type declared under `types:`
tests/fixtures/lint/errors.yml:54:3: error: parent "group:lint:nowhere" of "group:lint:orphan" is not the id of any entity
tests/fixtures/lint/errors.yml:61:3: error: latitude 95.5 of "place:lint:far-north" is out of range -90..90
tests/fixtures/lint/errors.yml:69:3: error: wikidata id "P31" of "place:lint:bad-qid" is not of the form Q123
tests/fixtures/lint/errors.yml:76:13: error: `geonames` "17x448" of "place:lint:bad-geonames" is not a GeoNames id, digits only, such as 174448
tests/fixtures/lint/syntax.yml:7:1: error: while parsing a flow sequence, expected ',' or ']'
tests/fixtures/lint/warnings.yml:12:3: warning: alias "تل الورد" is shared by place:lint:tal-alward-1 (PLACE), place:lint:tal-alward-2 (PLACE) [shared-alias]
tests/fixtures/lint/warnings.yml:25:3: warning: alias "هاوار" is shared by org:lint:hawar (ORG), place:lint:hawar (PLACE) [cross-type-alias]
tests/fixtures/lint/warnings.yml:34:7: warning: alias "الباب" of "place:lint:al-bab" is a frequent Arabic word (zipf 4.9; "باب" 5.1): give it `when: cue` or `when: document`, or write `when: always` if it is meant [frequent-word]
tests/fixtures/lint/warnings.yml:42:7: warning: alias "وستون" of "place:lint:weston" also reads as the proclitic "و" + the frequent word "ستون" (zipf 4.3; the alias 3.4): give it `when: cue` or `when: document`, or write `when: always` if it is meant [proclitic]
tests/fixtures/lint/warnings.yml:50:7: warning: alias "UN" of "org:lint:un" has only 2 letters: short aliases match abbreviations and stray letters [short-alias]
tests/fixtures/lint/warnings.yml:58:7: warning: alias "تل أبيض الشرقية<U+200F>" of "place:lint:tal-abyad" contains U+200F right-to-left mark: the matcher ignores it, delete it [invisible-char]
tests/fixtures/lint/warnings.yml:66:7: warning: alias "جِسْر الشُّغور" of "place:lint:jisr" is written with harakat (U+0650 kasra, U+0652 sukun, U+064F damma, U+0651 shadda): the matcher ignores them, write the bare letters [harakat]
tests/fixtures/lint/warnings.yml:74:7: warning: alias "گوير الجديدة" of "place:lint:gwer" mixes Persian letters (U+06AF "گ") into Arabic [mixed-script]
tests/fixtures/lint/warnings.yml:82:7: warning: alias " حويجة العبيد" of "place:lint:hawija" has leading space [space]
tests/fixtures/lint/warnings.yml:90:7: warning: alias "ابو الظهور الشرقية" of "place:lint:abu-al-duhur" normalises like the name "أبو الظهور الشرقية": the matcher sees no difference [duplicate-alias]
tests/fixtures/lint/warnings.yml:99:7: warning: aliases of "group:lint:brigade" are not sorted: "كتيبة الاختبار" sorts before "لواء الاختبار" [unsorted-aliases]
tests/fixtures/lint/warnings.yml:107:3: warning: coordinates 40.91, 34.45 of "place:lint:swapped" fall outside SY (lat 32.3..37.4, lon 35.6..42.4); swapped they fall inside: lat and lon look exchanged [coordinates]
"#;

/// The warning rules, each planted once in `warnings.yml`.
const RULES: [&str; 12] = [
    "shared-alias",
    "cross-type-alias",
    "frequent-word",
    "proclitic",
    "short-alias",
    "invisible-char",
    "harakat",
    "mixed-script",
    "space",
    "duplicate-alias",
    "unsorted-aliases",
    "coordinates",
];

/// The rules `--fix` removes.
const FIXED_RULES: [&str; 4] = [
    "invisible-char",
    "space",
    "duplicate-alias",
    "unsorted-aliases",
];

fn lines_diff(expected: &str, actual: &str) -> String {
    let mut out = String::new();
    for (e, a) in expected.lines().zip(actual.lines()) {
        if e != a {
            out.push_str(&format!("- {e}\n+ {a}\n"));
        }
    }
    let (e, a) = (expected.lines().count(), actual.lines().count());
    if e != a {
        out.push_str(&format!("{e} expected lines, {a} actual lines\n"));
    }
    out
}

#[test]
fn every_planted_problem_is_reported_at_its_place() {
    let out = run(&["check", "--no-default-gazetteers", "tests/fixtures/lint"]).expect_code(1);
    assert!(
        out.stdout == EXPECTED,
        "findings differ:\n{}",
        lines_diff(EXPECTED, &out.stdout)
    );
    // One finding per rule, so that a rule that stops firing cannot hide behind another.
    for rule in RULES {
        let count = out.stdout.matches(&format!(" [{rule}]\n")).count();
        assert_eq!(count, 1, "rule {rule}");
    }
    // The errors are counted once, in the total (issue 13, defect 6: the count printed twice).
    let counts: Vec<&str> = out.stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(counts, ["rasid: 11 errors, 12 warnings"], "{}", out.stderr);
    for line in [
        "rasid: 1 warning [coordinates]",
        "rasid: 1 warning [unsorted-aliases]",
        "rasid: 11 errors, 12 warnings",
    ] {
        assert!(
            out.stderr.lines().any(|l| l == line),
            "{line}\n{}",
            out.stderr
        );
    }
}

#[test]
fn positions_point_at_the_planted_text() {
    // Independent of the expected messages: each warning's line and column hold the value it quotes.
    let text = std::fs::read_to_string(fixture("lint/warnings.yml")).expect("fixture");
    let lines: Vec<&str> = text.lines().collect();
    for finding in EXPECTED
        .lines()
        .filter(|l| l.contains(": warning: alias \""))
    {
        let mut parts = finding.splitn(4, ':');
        let (_, line, column) = (parts.next(), parts.next(), parts.next());
        let line: usize = line.and_then(|l| l.parse().ok()).expect("a line");
        let column: usize = column.and_then(|c| c.parse().ok()).expect("a column");
        let quoted = finding.split('"').nth(1).expect("a quoted alias");
        let quoted = quoted.replace("<U+200F>", "\u{200F}");
        let at: String = lines[line - 1].chars().skip(column - 1).collect();
        // The column is where the line's content starts: the alias, or the `name:` key.
        let at = at.trim_start_matches("name: ").trim_start_matches('"');
        assert!(
            at.starts_with(&quoted),
            "{finding}\nline {line}: {}",
            lines[line - 1]
        );
    }
}

#[test]
fn warnings_exit_zero_unless_denied() {
    let args = [
        "check",
        "--no-default-gazetteers",
        "tests/fixtures/lint/warnings.yml",
    ];
    let out = run(&args).expect_code(0);
    assert_eq!(out.stdout.lines().count(), 12, "{}", out.stdout);
    let denied = [&args[..], &["--deny-warnings"]].concat();
    run(&denied).expect_code(1);
    // A clean file passes even when warnings are denied.
    let dir = TempDir::new();
    dir.write(
        "clean.yml",
        "- id: x:clean\n  type: PLACE\n  name: تل الزعتر الشمالي\n  name_en: North Tal al-Zaatar\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--no-default-gazetteers",
            "--deny-warnings",
            "clean.yml",
        ],
        b"",
    )
    .expect_code(0);
    assert_eq!(out.stdout, "");
    assert_eq!(out.stderr, "rasid: 0 errors, 0 warnings\n");
}

#[test]
fn summary_counts_per_file_and_rule() {
    let out = run(&[
        "check",
        "--no-default-gazetteers",
        "--summary",
        "tests/fixtures/lint",
    ])
    .expect_code(1);
    let mut expected = vec![
        "tests/fixtures/lint/errors.yml: 10 errors".to_owned(),
        "tests/fixtures/lint/syntax.yml: 1 error".to_owned(),
    ];
    let mut rules = RULES;
    rules.sort_unstable();
    expected.extend(
        rules
            .iter()
            .map(|rule| format!("tests/fixtures/lint/warnings.yml: 1 warning [{rule}]")),
    );
    assert_eq!(out.stdout.lines().collect::<Vec<_>>(), expected);
}

/// `warnings.yml` after `--fix`, written as the edits it should make to the original: every other
/// byte, comments included, stays.
fn expected_after_fix(original: &str) -> String {
    let edits = [
        // invisible-char: the right-to-left mark goes, the comment after it stays.
        ("الشرقية\u{200F}  # pasted", "الشرقية  # pasted"),
        // space: trimmed inside the quotes, which are kept.
        ("- \" حويجة العبيد\"", "- \"حويجة العبيد\""),
        // duplicate-alias: the only alias goes, and its key with it.
        ("  aliases:\n    - ابو الظهور الشرقية\n", ""),
        // unsorted-aliases: sorted.
        (
            "    - لواء الاختبار\n    - كتيبة الاختبار\n",
            "    - كتيبة الاختبار\n    - لواء الاختبار\n",
        ),
    ];
    let mut text = original.to_owned();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replace(from, to);
    }
    text
}

#[test]
fn fix_rewrites_the_safe_findings_in_place() {
    let original = std::fs::read_to_string(fixture("lint/warnings.yml")).expect("fixture");
    let dir = TempDir::new();
    let path = dir.write("gazetteers/warnings.yml", &original);
    let out = run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "--fix", "gazetteers"],
        b"",
    )
    .expect_code(0);
    let fixed = std::fs::read_to_string(&path).expect("fixed file");
    let expected = expected_after_fix(&original);
    assert!(fixed == expected, "{}", lines_diff(&expected, &fixed));
    assert!(
        out.stderr
            .starts_with("rasid: fixed gazetteers/warnings.yml\n"),
        "{}",
        out.stderr
    );
    // The findings printed are those left after the fix.
    for rule in RULES {
        let expected = usize::from(!FIXED_RULES.contains(&rule));
        assert_eq!(
            out.stdout.matches(&format!("[{rule}]")).count(),
            expected,
            "{rule}"
        );
    }
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("gazetteers"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["warnings.yml"]);
    // A second run finds nothing to fix.
    let again = run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "--fix", "gazetteers"],
        b"",
    )
    .expect_code(0);
    assert!(!again.stderr.contains("fixed"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&path).expect("file"), expected);
}

#[test]
fn fix_leaves_files_with_errors_and_the_defaults_alone() {
    let original = std::fs::read_to_string(fixture("lint/errors.yml")).expect("fixture");
    let dir = TempDir::new();
    let path = dir.write("errors.yml", &original);
    let out = run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "--fix", "errors.yml"],
        b"",
    )
    .expect_code(1);
    assert_eq!(std::fs::read_to_string(&path).expect("file"), original);
    assert!(
        out.stderr.starts_with(
            "rasid: errors.yml:1:1: warning: not rewritten by --fix: the file has errors; fix them first\n"
        ),
        "{}",
        out.stderr
    );
    let out = run(&["check", "--fix"]).expect_code(2);
    assert!(
        out.stderr.contains("--fix needs the gazetteer files"),
        "{}",
        out.stderr
    );
}
