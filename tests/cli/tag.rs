//! `rasid tag`: formats, offsets and the seed article.

use serde_json::Value;

use crate::util::{SMALL_GAZETTEER, TempDir, fixture, run, run_in, run_with_gazetteer};

const SEED: &str = "article-albukamal-2017.txt";

/// Every span's `text` must equal the original slice, by code points and by bytes.
pub fn assert_spans_match(text: &str, entities: &[Value]) {
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for e in entities {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let (byte_start, byte_end) = (
            e["byte_start"].as_u64().unwrap() as usize,
            e["byte_end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars[start..end].iter().collect();
        assert_eq!(
            by_chars,
            e["text"].as_str().unwrap(),
            "code point slice of {e}"
        );
        assert_eq!(
            &text[byte_start..byte_end],
            e["text"].as_str().unwrap(),
            "byte slice of {e}"
        );
        assert!(
            start >= previous_end,
            "spans overlap or are unsorted at {e}"
        );
        previous_end = end;
    }
}

/// The core issue's bar: every non-optional PLACE, ARMED_GROUP and PERSON gold span of the seed
/// article is found with exact offsets by the default gazetteers, and at most 2 spans are not in the gold.
#[test]
fn seed_article_meets_the_gold() {
    let out = run(&["tag", "--format", "json", fixture(SEED).to_str().unwrap()]).expect_code(0);
    let json = out.json();
    let predicted = json["entities"].as_array().unwrap();
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("article-albukamal-2017.gold.json")).unwrap(),
    )
    .unwrap();
    let key = |e: &Value| {
        (
            e["start"].as_u64().unwrap(),
            e["end"].as_u64().unwrap(),
            e["label"].as_str().unwrap().to_owned(),
        )
    };
    let predicted_keys: Vec<_> = predicted.iter().map(key).collect();
    let gold_entities = gold["entities"].as_array().unwrap();
    let scored = ["PLACE", "ARMED_GROUP", "PERSON"];
    let missed: Vec<_> = gold_entities
        .iter()
        .filter(|g| {
            !g["optional"].as_bool().unwrap_or(false)
                && scored.contains(&g["label"].as_str().unwrap())
        })
        .filter(|g| !predicted_keys.contains(&key(g)))
        .collect();
    assert!(missed.is_empty(), "gold spans missed: {missed:#?}");
    let gold_keys: Vec<_> = gold_entities.iter().map(key).collect();
    let extra: Vec<_> = predicted
        .iter()
        .filter(|p| !gold_keys.contains(&key(p)))
        .collect();
    assert!(extra.len() <= 2, "spans not in the gold: {extra:#?}");
    let text = std::fs::read_to_string(fixture(SEED)).unwrap();
    assert_spans_match(&text, predicted);
}

#[test]
fn json_record_has_every_field() {
    let dir = TempDir::new();
    let text = "تقدمت قسد نحو البوكمال وبالبوكمال اشتباكات.";
    let out = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", "--format", "json"],
        text.as_bytes(),
    )
    .expect_code(0);
    let json = out.json();
    assert_eq!(json["path"], "-");
    let entities = json["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 3);
    let third = &entities[2];
    assert_eq!(third["text"], "البوكمال");
    assert_eq!(third["label"], "PLACE");
    assert_eq!(third["id"], "place:albukamal");
    assert_eq!(third["name"], "البوكمال");
    assert_eq!(third["alias"], "البوكمال");
    assert_eq!(third["proclitics"], "وب");
    assert_spans_match(text, entities);
}

#[test]
fn several_inputs_make_a_json_array_and_jsonl_lines() {
    let dir = TempDir::new();
    let gazetteer = dir.write("g.yml", SMALL_GAZETTEER);
    let a = dir.write("a.txt", "قسد");
    let b = dir.write("b.txt", "لا شيء هنا");
    let args = [
        "tag",
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
    ];
    let files = [a.to_str().unwrap(), b.to_str().unwrap()];
    let json = run_in(
        dir.path(),
        &[&args[..], &["--format", "json"], &files[..]].concat(),
        b"",
    )
    .expect_code(0)
    .json();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert_eq!(json[1]["entities"].as_array().unwrap().len(), 0);
    let jsonl = run_in(
        dir.path(),
        &[&args[..], &["--format", "jsonl"], &files[..]].concat(),
        b"",
    )
    .expect_code(0);
    let lines: Vec<Value> = jsonl
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["entities"][0]["id"], "group:sdf");
}

#[test]
fn tsv_has_a_header_and_one_row_per_mention() {
    let dir = TempDir::new();
    let out = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &["tag", "--format", "tsv"],
        "صورة لـ\"قاسم سليماني\" قرب البوكمال".as_bytes(),
    )
    .expect_code(0);
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows[0][..3], ["path", "start", "end"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][5], "قاسم سليماني");
    assert_eq!(
        rows[1][10], "ل",
        "the proclitic before the tatweel and quote"
    );
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_rasid"))
        .args([
            "tag",
            "--format",
            "jsonl",
            fixture(SEED).to_str().unwrap(),
            fixture(SEED).to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn json_lines_input_passes_fields_through() {
    let dir = TempDir::new();
    dir.write(
        "c.jsonl",
        "{\"id\": \"a1\", \"date\": \"2017-11-07\", \"source\": \"x\", \"text\": \"قسد في البوكمال\"}\n{broken\n{\"id\": \"a2\", \"text\": \"\"}\n",
    );
    let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, &["tag", "c.jsonl"], b"").expect_code(2);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["date"], "2017-11-07");
    assert_eq!(lines[0]["source"], "x");
    assert!(lines[0].get("text").is_none(), "the text is not repeated");
    assert_eq!(lines[0]["entities"].as_array().unwrap().len(), 2);
    assert_spans_match("قسد في البوكمال", lines[0]["entities"].as_array().unwrap());
    assert_eq!(lines[1]["entities"].as_array().unwrap().len(), 0);
    assert!(
        out.stderr.starts_with("rasid: c.jsonl:2: invalid JSON"),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_tells_how_each_mention_matched_and_what_was_turned_down() {
    let dir = TempDir::new();
    let gazetteer = dir.write(
        "g.yml",
        "cues: {PLACE: [مدينة]}\nentities:\n- {id: p:bab, type: PLACE, name: الباب, name_en: al-Bab, aliases: [{text: الباب, when: cue}]}\n- {id: p:zara, type: PLACE, name: زارة, name_en: Zara}\n- {id: g:sdf, type: ARMED_GROUP, name: قسد, name_en: SDF}\n",
    );
    let text = "دخلت قسد مدينة البابِ، وأعلنت وزارة الدفاع وفتح الباب";
    let args = [
        "tag",
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
        "--format",
        "json",
        "--explain",
        "--explain-rejected",
    ];
    let json = run_in(dir.path(), &args, text.as_bytes())
        .expect_code(0)
        .json();
    let entities = json["entities"].as_array().unwrap();
    assert_eq!(entities.len(), 2, "{json:#}");
    assert_eq!(entities[0]["explain"]["via"], "always");
    assert_eq!(
        entities[1]["text"], "البابِ",
        "trailing harakat belong to the name"
    );
    assert_eq!(entities[1]["explain"]["when"], "cue");
    assert_eq!(entities[1]["explain"]["via"], "cue");
    assert_eq!(
        entities[1]["explain"]["steps"],
        serde_json::json!(["harakat removed"])
    );
    let rejected: Vec<(&str, &str)> = json["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["text"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rejected,
        [
            ("زارة", "the whole word is a word of its own"),
            ("الباب", "context rule not met")
        ]
    );
}

/// The core issue asks for the exit codes in `--help`: the top-level help and each subcommand's.
#[test]
fn exit_codes_are_documented_in_help() {
    for args in [
        &["--help"][..],
        &["tag", "--help"],
        &["check", "--help"],
        &["count", "--help"],
    ] {
        let out = run(args).expect_code(0);
        assert!(
            out.stdout.contains("Exit codes:"),
            "{args:?}:\n{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("  2  "),
            "{args:?} documents exit code 2:\n{}",
            out.stdout
        );
    }
}

/// Over several batches (the seed article's paragraphs, repeated past a megabyte), any number of
/// workers writes the same lines, in input order.
#[test]
fn json_lines_come_out_in_input_order_whatever_the_thread_count() {
    let article = std::fs::read_to_string(fixture(SEED)).unwrap();
    let paragraphs: Vec<&str> = article
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let dir = TempDir::new();
    let mut corpus = String::new();
    for id in 0..3000 {
        let text = paragraphs[id % paragraphs.len()];
        let line = serde_json::json!({"id": id, "text": text});
        corpus.push_str(&format!("{line}\n"));
    }
    assert!(
        corpus.len() > 1 << 20,
        "several batches: {} bytes",
        corpus.len()
    );
    dir.write("corpus.jsonl", &corpus);
    let one = run_in(dir.path(), &["tag", "-j", "1", "corpus.jsonl"], b"").expect_code(0);
    let four = run_in(dir.path(), &["tag", "-j", "4", "corpus.jsonl"], b"").expect_code(0);
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<u64> = four
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, (0..3000).collect::<Vec<u64>>());
    let mentions: usize = four
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["entities"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert!(
        mentions > 600,
        "the paragraphs name places and groups: {mentions}"
    );
}
