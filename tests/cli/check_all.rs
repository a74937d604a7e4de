//! `rasid check` reports every problem of a gazetteer in one run, each at its place.

use crate::util::{TempDir, run_in};

/// Issue 13, defect 6: `check` worked in three stages (type errors and unknown fields; then
/// duplicates, empty aliases and coordinates; then unknown references), reported one type error per
/// entity, put some errors at the wrong place (`name: [a]` at 1:1, `- ""` at the `aliases:` line, an
/// unknown cue type at 1:1), let empty cue words and upper-case ids pass, gave a one-space indent
/// only the parser's message, and printed the error count twice.
#[test]
fn defect_6_check_reports_every_problem_at_once() {
    let dir = TempDir::new();
    let bad = "\
types: [MILITIA]
cues:
  MILTIA: [كتيبة]
  PLACE: [مدينة, \"\"]
entities:
  - id: a
    type: PLACE
    name: [a]
    name_en: A
    lat: north
    geonames: \"abc\"
    aliases:
      - حلب
      - \"\"
  - id: Upper
    type: PLACE
    name: ب
    name_en: B
    parent: nowhere
    affiliation: [a]
  - id: a
    type: PLAC
    name: ت
    name_en: T
    lat: 95
    alises: [x]
";
    dir.write("bad.yml", bad);
    let out = run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "bad.yml"],
        b"",
    )
    .expect_code(1);
    let expected = "\
bad.yml:3:3: error: cues for unknown type \"MILTIA\": expected one of PLACE, ARMED_GROUP, PERSON, ORG, MILITIA or a type declared under `types:`
bad.yml:4:18: error: empty cue word for PLACE
bad.yml:8:11: error: `name` of \"a\" must be a string, not a list
bad.yml:10:10: error: `lat` \"north\" of \"a\" is not decimal degrees such as 34.45
bad.yml:11:15: error: `geonames` \"abc\" of \"a\" is not a GeoNames id, digits only, such as 174448
bad.yml:14:9: error: empty alias in entity \"a\"
bad.yml:15:5: error: invalid id \"Upper\": use lower-case letters, digits and . _ : - (starting with a letter or digit)
bad.yml:19:5: error: parent \"nowhere\" of \"Upper\" is not the id of any entity
bad.yml:21:5: error: duplicate id \"a\" (first defined at bad.yml:6)
bad.yml:22:5: error: unknown type \"PLAC\" in entity \"a\": expected one of PLACE, ARMED_GROUP, PERSON, ORG, MILITIA or a type declared under `types:`
bad.yml:25:5: error: latitude 95 of \"a\" is out of range -90..90
bad.yml:26:5: error: unknown field `alises` in entity \"a\", expected one of `id`, `type`, `name`, `name_en`, `aliases`, `country`, `admin1`, `admin2`, `lat`, `lon`, `population`, `geonames`, `wikidata`, `parent`, `affiliation`, `successor`, `category`, `active`, `notes`, `sources`
";
    assert_eq!(out.stdout, expected);
    assert_eq!(out.stderr, "rasid: 12 errors, 0 warnings\n");

    // A key indented by one space: the parser's message, and what is wrong with the line.
    dir.write(
        "indent.yml",
        "- id: a\n  type: PLACE\n name: x\n  name_en: y\n",
    );
    let out = run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "indent.yml"],
        b"",
    )
    .expect_code(1);
    assert!(
        out.stdout.starts_with("indent.yml:3:")
            && out
                .stdout
                .contains("line 3 is indented by 1 space, which lines up with no line before it"),
        "{}",
        out.stdout
    );
}
