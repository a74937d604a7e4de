//! Facilities no gazetteer lists, found by their head noun (`مستشفى العدوي`): one PLACE span with
//! the head inside, an id made from the name, counted like any entity.

use crate::util::{TempDir, has_id_prefix, run_in, tagged};

/// A short article with two unlisted facilities and a generic phrase that names none.
const ARTICLE: &str =
    "نقل الجرحى إلى مستشفى العدوي، ثم إلى المستشفى الميداني قرب قاعدة العند الجوية.\n";

#[test]
fn tag_gives_an_unlisted_facility_one_place_span_and_an_auto_id() {
    let entities = tagged(ARTICLE, &["--explain"]);
    let autos: Vec<&serde_json::Value> = entities
        .iter()
        .filter(|e| has_id_prefix(e, "place:auto:"))
        .collect();
    // (text, id) of each facility, in text order; the field hospital is no name.
    let expected = [
        ("مستشفى العدوي", "place:auto:مستشفي-العدوي"),
        ("قاعدة العند الجوية", "place:auto:قاعده-العند-الجويه"),
    ];
    assert_eq!(autos.len(), expected.len(), "{entities:?}");
    for (e, (text, id)) in autos.iter().zip(expected) {
        assert_eq!(e["text"], text, "{e}");
        assert_eq!(e["id"], id, "{e}");
        assert_eq!(e["label"], "PLACE", "{e}");
        assert_eq!(e["name"], text, "{e}");
        assert_eq!(e["explain"]["via"], "facility", "{e}");
        // Offsets in code points, as Python counts them.
        let start = ARTICLE.find(text).expect("in the article");
        let chars = ARTICLE[..start].chars().count();
        assert_eq!(e["start"], chars, "{e}");
        assert_eq!(e["end"], chars + text.chars().count(), "{e}");
        assert!(e.get("country").is_none(), "{e}");
    }
}

#[test]
fn count_counts_unlisted_facilities_with_no_country() {
    let dir = TempDir::new();
    let path = dir.write("a.txt", ARTICLE.repeat(2));
    let path = path.to_str().expect("UTF-8 path");
    let out = run_in(
        dir.path(),
        &["count", "--format", "csv", "--quiet", path],
        b"",
    )
    .expect_code(0);
    let row = out
        .stdout
        .lines()
        .find(|l| l.starts_with("place:auto:مستشفي-العدوي,"))
        .unwrap_or_else(|| panic!("no row for the hospital:\n{}", out.stdout));
    assert_eq!(row, "place:auto:مستشفي-العدوي,PLACE,مستشفى العدوي,,2,1,,,");
    // A facility of no known country is no place of the countries asked for.
    let out = run_in(
        dir.path(),
        &[
            "count",
            "--format",
            "csv",
            "--quiet",
            "--country",
            "YE",
            path,
        ],
        b"",
    )
    .expect_code(0);
    assert!(!out.stdout.contains("place:auto:"), "{}", out.stdout);
}

#[test]
fn tag_country_drops_unlisted_facilities_and_keeps_unlisted_people() {
    let text = "وقال عمر الحسيني إن الجرحى نقلوا إلى مستشفى العدوي في عدن.";
    let autos = |flags: &[&str]| -> Vec<String> {
        tagged(text, flags)
            .iter()
            .filter(|e| has_id_prefix(e, "place:auto:") || has_id_prefix(e, "person:auto:"))
            .map(|e| e["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        autos(&[]),
        ["person:auto:عمر-الحسيني", "place:auto:مستشفي-العدوي"]
    );
    // A facility of no known country is no place of Yemen; a person is no place at all.
    assert_eq!(autos(&["--country", "YE"]), ["person:auto:عمر-الحسيني"]);
}
