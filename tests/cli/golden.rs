//! Golden outputs: the tags of the seed article and of the dev texts, checked in under
//! `tests/fixtures/golden/` and compared exactly, so that any change in what rasid finds shows up
//! as a diff to review. `RASID_BLESS=1 cargo test --release golden` rewrites them.

use std::path::Path;

use crate::util::{root, run};

/// Tags `texts` (paths relative to the repository root) as JSON Lines, one line per text with its
/// file stem as `id`, and compares the lines with `tests/fixtures/golden/<name>.jsonl`.
fn assert_golden(name: &str, texts: &[String]) {
    let mut args = vec!["tag", "--format", "jsonl"];
    args.extend(texts.iter().map(String::as_str));
    let output = run(&args).expect_code(0);
    let mut lines = output.stdout.lines();
    let mut actual = String::new();
    for text in texts {
        let line = lines.next().expect("one line per text");
        let id = Path::new(text).file_stem().unwrap().to_str().unwrap();
        let path_field = format!("{{\"path\":\"{text}\",");
        let rest = line
            .strip_prefix(&path_field)
            .unwrap_or_else(|| panic!("{text}: the line starts with its path: {line}"));
        actual.push_str(&format!("{{\"id\":\"{id}\",{rest}\n"));
    }
    assert_eq!(lines.next(), None, "one line per text");

    let golden = root()
        .join("tests/fixtures/golden")
        .join(format!("{name}.jsonl"));
    if std::env::var_os("RASID_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (RASID_BLESS=1 writes it)", golden.display()));
    for (number, (want, got)) in expected.lines().zip(actual.lines()).enumerate() {
        assert!(
            want == got,
            "{}:{}: the output changed (review, then RASID_BLESS=1 to accept)\n--- golden ---\n{want}\n--- now ---\n{got}",
            golden.display(),
            number + 1
        );
    }
    assert_eq!(
        expected.lines().count(),
        actual.lines().count(),
        "{}: number of documents",
        golden.display()
    );
    assert_eq!(expected, actual, "{}", golden.display());
}

#[test]
fn golden_seed_article() {
    assert_golden(
        "article-albukamal-2017",
        &["tests/fixtures/article-albukamal-2017.txt".to_owned()],
    );
}

#[test]
fn golden_dev_texts() {
    let dir = root().join("tests/fixtures/dev/texts");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".txt"))
        .map(|name| format!("tests/fixtures/dev/texts/{name}"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 10, "the dev texts: {texts:?}");
    assert_golden("dev", &texts);
}
