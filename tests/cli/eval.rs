//! `rasid eval` on a small hand-scored fixture.

use crate::util::{SMALL_GAZETTEER, TempDir, run_in};

/// Text: "قسد في البوكمال مع قاسم سليماني وحلب" with gold PLACE البوكمال, PLACE حلب, PERSON قاسم سليماني,
/// ARMED_GROUP قسد (0-3). The small gazetteer finds قسد, البوكمال and قاسم سليماني but not حلب, and
/// the gold marks قسد as PLACE on purpose: PLACE tp 1 fp 0 fn 2 → P 1.000 R 0.333 F1 0.500;
/// ARMED_GROUP fp 1; PERSON tp 1.
#[test]
fn eval_matches_hand_computed_scores() {
    let dir = TempDir::new();
    let gazetteer = dir.write("g.yml", SMALL_GAZETTEER);
    let text = "قسد في البوكمال مع قاسم سليماني وحلب";
    dir.write("texts/d1.txt", text);
    let gold = r#"{"id": "d1", "entities": [{"start": 0, "end": 3, "label": "PLACE"}, {"start": 7, "end": 15, "label": "PLACE"}, {"start": 19, "end": 31, "label": "PERSON"}, {"start": 33, "end": 36, "label": "PLACE"}]}"#;
    dir.write("gold.jsonl", format!("{gold}\n"));
    let out = run_in(
        dir.path(),
        &[
            "eval",
            "--no-default-gazetteers",
            "-g",
            gazetteer.to_str().unwrap(),
            "--gold",
            "gold.jsonl",
            "texts",
        ],
        b"",
    )
    .expect_code(0);
    let row = |label: &str| -> Vec<String> {
        let line = out
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(label))
            .unwrap();
        line.split_whitespace().map(str::to_owned).collect()
    };
    assert_eq!(row("PLACE")[1..4], ["1.000", "0.333", "0.500"]);
    assert_eq!(row("PERSON")[1..4], ["1.000", "1.000", "1.000"]);
    assert_eq!(row("ARMED_GROUP")[7..10], ["0", "1", "0"]);
    // Overall: tp 2, fp 1, fn 2 → P 0.667 R 0.500 F1 0.571.
    assert_eq!(
        row("PLACE+ARMED_GROUP+PERSON")[1..4],
        ["0.667", "0.500", "0.571"]
    );
}
