//! `rasid count`: thread-count independence, merging, formats and bad input.

use crate::util::{SMALL_GAZETTEER, TempDir, run_in, run_with_gazetteer};

/// A small corpus: JSON Lines with dates and sources, plus text files in a directory.
fn corpus(dir: &TempDir) {
    let mut lines = String::new();
    for i in 0..300 {
        let text = match i % 3 {
            0 => "تقدمت قسد نحو البوكمال وبالبوكمال اشتباكات",
            1 => "صورة لـ\"قاسم سليماني\" قرب البوكمال",
            _ => "لا أسماء هنا",
        };
        let month = if i < 150 { "2017-10" } else { "2017-11" };
        lines.push_str(&format!(
            "{{\"id\": \"d{i}\", \"date\": \"{month}-0{}\", \"source\": \"s{}\", \"text\": \"{}\"}}\n",
            1 + i % 9,
            i % 2,
            text.replace('"', "\\\"")
        ));
    }
    dir.write("corpus.jsonl", lines);
    dir.write("texts/a.txt", "قسد في البوكمال");
    dir.write("texts/sub/b.md", "قاسم سليماني");
    dir.write("texts/skip.pdf", "not a text file");
}

fn count(dir: &TempDir, args: &[&str]) -> crate::util::Output {
    run_with_gazetteer(
        dir,
        SMALL_GAZETTEER,
        &[&["count", "--quiet"], args].concat(),
        b"",
    )
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let dir = TempDir::new();
    corpus(&dir);
    let one = count(&dir, &["--threads", "1", "corpus.jsonl"])
        .expect_code(0)
        .stdout;
    let four = count(&dir, &["--threads", "4", "corpus.jsonl"])
        .expect_code(0)
        .stdout;
    assert_eq!(one, four);
    let by_doc_one = count(&dir, &["--threads", "1", "--by-document", "corpus.jsonl"])
        .expect_code(0)
        .stdout;
    let by_doc_four = count(&dir, &["--threads", "4", "--by-document", "corpus.jsonl"])
        .expect_code(0)
        .stdout;
    assert_eq!(by_doc_one, by_doc_four);
    let rows: Vec<&str> = one.lines().collect();
    assert_eq!(
        rows[0],
        "id,label,name,name_en,mentions,documents,country,lat,lon"
    );
    // 100 documents mention البوكمال twice, 100 once; قسد in 100; سليماني in 100.
    assert_eq!(
        rows[1],
        "place:albukamal,PLACE,البوكمال,Abu Kamal,300,200,,,"
    );
}

/// The same corpus gzip-compressed (`.jsonl.gz`) and on standard input counts as the plain file.
#[test]
fn compressed_and_piped_corpora_count_as_the_plain_file() {
    use std::io::Write;

    let dir = TempDir::new();
    corpus(&dir);
    let plain = std::fs::read(dir.path().join("corpus.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&plain).unwrap();
    dir.write("corpus.jsonl.gz", gz.finish().unwrap());
    let expected = count(&dir, &["corpus.jsonl"]).expect_code(0).stdout;
    assert!(expected.contains("place:albukamal"), "{expected}");
    let compressed = count(&dir, &["corpus.jsonl.gz"]).expect_code(0).stdout;
    assert_eq!(compressed, expected);
    let piped = run_with_gazetteer(&dir, SMALL_GAZETTEER, &["count", "--quiet", "-"], &plain)
        .expect_code(0)
        .stdout;
    assert_eq!(piped, expected);
}

#[test]
fn merging_two_halves_equals_one_run() {
    let dir = TempDir::new();
    corpus(&dir);
    let text = std::fs::read_to_string(dir.path().join("corpus.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    dir.write("a.jsonl", lines[..120].join("\n"));
    dir.write("b.jsonl", lines[120..].join("\n"));
    for (grouping, format) in [
        (None, "csv"),
        (Some("month"), "csv"),
        (Some("source"), "json"),
    ] {
        let mut extra: Vec<&str> = Vec::new();
        if let Some(g) = grouping {
            extra.extend(["--group-by", g]);
        }
        let whole = count(
            &dir,
            &[&extra[..], &["--format", format, "corpus.jsonl"]].concat(),
        )
        .expect_code(0)
        .stdout;
        count(
            &dir,
            &[&extra[..], &["--format", "json", "-o", "a.json", "a.jsonl"]].concat(),
        )
        .expect_code(0);
        count(
            &dir,
            &[&extra[..], &["--format", "json", "-o", "b.json", "b.jsonl"]].concat(),
        )
        .expect_code(0);
        let merged = count(&dir, &["--merge", "--format", format, "a.json", "b.json"])
            .expect_code(0)
            .stdout;
        assert_eq!(merged, whole, "grouping {grouping:?}");
    }
}

#[test]
fn group_by_month_and_filters() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = count(
        &dir,
        &["--group-by", "month", "--label", "PLACE", "corpus.jsonl"],
    )
    .expect_code(0)
    .stdout;
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "group,id,label,name,mentions,documents",
            "2017-10,place:albukamal,PLACE,البوكمال,150,100",
            "2017-11,place:albukamal,PLACE,البوكمال,150,100",
        ]
    );
    let top = count(&dir, &["--top", "1", "--min-mentions", "5", "corpus.jsonl"])
        .expect_code(0)
        .stdout;
    assert_eq!(top.lines().count(), 2);
}

#[test]
fn geojson_is_lon_lat_points() {
    let dir = TempDir::new();
    let gazetteer = dir.write(
        "places.yml",
        "- id: p:albukamal\n  type: PLACE\n  name: البوكمال\n  name_en: Abu Kamal\n  lat: 34.45\n  lon: 40.91861\n\n- id: g:sdf\n  type: ARMED_GROUP\n  name: قسد\n  name_en: SDF\n",
    );
    dir.write("a.txt", "قسد في البوكمال والبوكمال");
    let args = [
        "count",
        "--no-default-gazetteers",
        "-g",
        gazetteer.to_str().unwrap(),
        "--quiet",
        "--format",
        "geojson",
        "a.txt",
    ];
    let json = run_in(dir.path(), &args, b"").expect_code(0).json();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    assert_eq!(features.len(), 1, "only entities with coordinates");
    assert_eq!(features[0]["geometry"]["type"], "Point");
    assert_eq!(
        features[0]["geometry"]["coordinates"],
        serde_json::json!([40.91861, 34.45])
    );
    assert_eq!(features[0]["properties"]["id"], "p:albukamal");
    assert_eq!(features[0]["properties"]["mentions"], 2);
}

#[test]
fn directories_are_searched_and_other_files_skipped() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = count(&dir, &["--format", "jsonl", "texts"]).expect_code(2);
    let rows: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "rasid: texts: skipped 1 file of other kinds (read are .txt, .md, .jsonl, .jsonl.gz): texts/skip.pdf\n",
        "skipped file types are counted and named"
    );
}

#[test]
fn bad_lines_are_skipped_with_a_warning_and_strict_stops() {
    let dir = TempDir::new();
    dir.write(
        "bad.jsonl",
        b"{\"id\": 1, \"text\": \"\xd9\x82\xd8\xb3\xd8\xaf\"}\n{broken\n{\"id\": 3}\n{\"id\": 4, \"text\": \"\xff\"}\n{\"id\": 5, \"text\": \"\xd9\x82\xd8\xb3\xd8\xaf\"}\n",
    );
    let out = count(&dir, &["bad.jsonl"]).expect_code(2);
    let warnings: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(warnings.len(), 3, "{}", out.stderr);
    assert!(
        warnings[0].starts_with("rasid: bad.jsonl:2: invalid JSON"),
        "{}",
        warnings[0]
    );
    assert_eq!(
        warnings[1],
        "rasid: bad.jsonl:4: not valid UTF-8 at byte 19"
    );
    // Lines without the text field are gathered and said at the end, once per file.
    assert_eq!(warnings[2], "rasid: bad.jsonl:3: no string field \"text\"");
    assert!(
        out.stdout
            .contains("group:sdf,ARMED_GROUP,قوات سوريا الديمقراطية,Syrian Democratic Forces,2,2"),
        "{}",
        out.stdout
    );
    let strict = count(&dir, &["--strict", "-o", "out.csv", "bad.jsonl"]).expect_code(2);
    assert!(strict.stderr.contains("--strict"), "{}", strict.stderr);
    assert!(!dir.path().join("out.csv").exists(), "nothing half-written");
}

#[test]
fn unreadable_inputs_are_named_skipped_and_counted() {
    let dir = TempDir::new();
    dir.write("good.txt", "قسد");
    let out = count(&dir, &["missing.txt", "good.txt"]).expect_code(2);
    assert!(
        out.stderr.starts_with("rasid: missing.txt: "),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("group:sdf"));
}

#[test]
fn summary_line_goes_to_stderr() {
    let dir = TempDir::new();
    dir.write("good.txt", "قسد");
    let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, &["count", "good.txt"], b"").expect_code(0);
    assert!(
        out.stderr
            .starts_with("rasid: 1 documents, 0.0 MB, 1 mentions"),
        "{}",
        out.stderr
    );
    // Piped, stderr gets the summary alone: no progress bar.
    assert_eq!(out.stderr.lines().count(), 1, "{:?}", out.stderr);
    assert!(!out.stderr.contains('\r'), "{:?}", out.stderr);
    let quiet = count(&dir, &["good.txt"]).expect_code(0);
    assert_eq!(quiet.stderr, "", "--quiet silences the summary");
}
