//! The person-name grammar through the binary: people no gazetteer lists, on real articles.

use crate::dev::dev_dir;
use crate::util::{TempDir, field, has_id_prefix, run, run_in};

/// The people the grammar finds in a dev article, as (text, id, rule).
fn auto_people(args: &[&str]) -> Vec<(String, String, String)> {
    let out = run(args).expect_code(0);
    let doc = out.json();
    doc["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter(|e| has_id_prefix(e, "person:auto:"))
        .map(|e| {
            assert_eq!(e["label"], "PERSON", "{e}");
            (
                field(e, "text"),
                field(e, "id"),
                e["explain"]["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn unlisted_people_in_a_dev_article_have_ids_from_their_names() {
    let text = dev_dir().join("texts").join("102.txt");
    let path = text.to_str().expect("UTF-8 path");
    let people = auto_people(&["tag", "--format", "json", "--explain", path]);
    let names: Vec<&str> = people.iter().map(|(t, _, _)| t.as_str()).collect();
    assert!(names.contains(&"داود العلي"), "{people:?}");
    for (text, id, rule) in &people {
        assert!(
            id.ends_with(&text.replace(' ', "-")) || rule == "coreference",
            "{id} {text}"
        );
        assert!(!rule.is_empty(), "{text} has no rule under --explain");
    }
}

#[test]
fn no_person_grammar_finds_only_listed_people() {
    let text = dev_dir().join("texts").join("102.txt");
    let path = text.to_str().expect("UTF-8 path");
    let people = auto_people(&["tag", "--format", "json", "--no-person-grammar", path]);
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn count_counts_unlisted_people_as_tag_finds_them() {
    let texts = dev_dir().join("texts");
    let dir = texts.to_str().expect("UTF-8 path");
    let out = run(&["count", "--format", "jsonl", "--quiet", dir]).expect_code(0);
    let counted: u64 = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON row"))
        .filter(|row| has_id_prefix(row, "person:auto:"))
        .map(|row| row["mentions"].as_u64().expect("mentions"))
        .sum();
    let mut files: Vec<String> = std::fs::read_dir(&texts)
        .expect("the dev texts")
        .map(|e| e.expect("a dev text").path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut args = vec!["tag", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let tagged = run(&args).expect_code(0);
    let found = tagged.stdout.matches("\"id\":\"person:auto:").count() as u64;
    assert!(found > 0);
    assert_eq!(counted, found);
}

#[test]
fn check_locates_a_mistake_in_a_name_part_file() {
    let dir = TempDir::new();
    dir.write(
        "names.yml",
        "names:\n  given:\n    - سامر\n    - {text: جميل, commn: true}\n",
    );
    let out = run_in(dir.path(), &["check", "names.yml"], b"").expect_code(1);
    assert!(
        out.stdout
            .starts_with("names.yml:4:20: error: unknown field `commn` in a given name"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_user_name_part_file_extends_the_grammar() {
    let dir = TempDir::new();
    dir.write("names.yml", "names:\n  titles: [المايسترو]\n");
    let text = "وقال المايسترو زوروغلو إن الفريق جاهز".as_bytes();
    let without = run_in(dir.path(), &["tag", "--format", "json"], text).expect_code(0);
    assert!(!without.stdout.contains("زوروغلو"), "{}", without.stdout);
    let with = run_in(
        dir.path(),
        &["tag", "--format", "json", "-g", "names.yml"],
        text,
    )
    .expect_code(0);
    assert!(
        with.stdout.contains("\"person:auto:زوروغلو\""),
        "{}",
        with.stdout
    );
}
