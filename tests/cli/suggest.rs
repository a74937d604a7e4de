//! `rasid suggest`: exact candidates on a crafted corpus, and stubs that `rasid check` accepts once
//! pasted, on the crafted corpus and on the dev texts.

use std::path::PathBuf;

use crate::util::{Output, SMALL_GAZETTEER, TempDir, run_in, run_with_gazetteer};

/// Two articles: `جرابلس` twice (once with harakat), a place before a nisba, a kunya after a rank, a
/// faction name in quotes, a brigade named after a tagged place, and names the gazetteer knows.
fn corpus(dir: &TempDir) {
    dir.write(
        "texts/a.txt",
        "سيطرت قسد على مدينة جرابلس، وصولاً إلى بلدة صوران الحدودية. وقال القائد أبو محمد الجولاني إن حركة «أحرار الشام» انسحبت.",
    );
    dir.write(
        "texts/b.txt",
        "اشتباكات في مدينة جَرابلس وقرب البوكمال بين قسد ولواء ثوار البوكمال.",
    );
}

/// Runs `rasid suggest` with the small gazetteer only.
fn suggest(dir: &TempDir, args: &[&str]) -> Output {
    run_with_gazetteer(
        dir,
        SMALL_GAZETTEER,
        &[&["suggest", "--quiet"], args].concat(),
        b"",
    )
}

/// The (type, name) of each stub, in order.
fn stubs(yaml: &str) -> Vec<(String, String)> {
    let mut stubs = Vec::new();
    let mut label = None;
    for line in yaml.lines() {
        if let Some(l) = line.strip_prefix("  type: ") {
            label = Some(l.to_owned());
        } else if let Some(name) = line.strip_prefix("  name: ") {
            stubs.push((label.take().expect("type before name"), name.to_owned()));
        }
    }
    stubs
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(l, n)| ((*l).to_owned(), (*n).to_owned()))
        .collect()
}

#[test]
fn crafted_corpus_gives_exact_candidates() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = suggest(&dir, &["texts"]).expect_code(0);
    let expected = "\
# rasid suggest: 5 candidates after cue words in 2 documents, each seen at least 1 time.
# Review each stub (name, type), replace the TODO in name_en, add aliases, then paste it into
# a gazetteer file and run `rasid check`.

# seen 2 times, after مدينة (2); first in texts/a.txt: سيطرت قسد على مدينة جرابلس، وصولاً إلى بلدة صوران الحدودية.
- id: place:jrabls
  type: PLACE
  name: جرابلس
  name_en: TODO jrabls
  aliases: []
  sources: [\"suggested from texts\"]

# seen 1 time, after حركة (1); first in texts/a.txt: وقال القائد أبو محمد الجولاني إن حركة «أحرار الشام» انسحبت.
- id: group:hrka-ahrar-al-sham
  type: ARMED_GROUP
  name: حركة أحرار الشام
  name_en: TODO hrka ahrar al sham
  aliases: []
  sources: [\"suggested from texts\"]

# seen 1 time, after لواء (1); first in texts/b.txt: اشتباكات في مدينة جَرابلس وقرب البوكمال بين قسد ولواء ثوار البوكمال.
- id: group:lwa-thwar-al-bukmal
  type: ARMED_GROUP
  name: لواء ثوار البوكمال
  name_en: TODO lwa thwar al bukmal
  aliases: []
  sources: [\"suggested from texts\"]

# seen 1 time, after القائد (1); first in texts/a.txt: وقال القائد أبو محمد الجولاني إن حركة «أحرار الشام» انسحبت.
- id: person:abu-mhmd-al-julani
  type: PERSON
  name: أبو محمد الجولاني
  name_en: TODO abu mhmd al julani
  aliases: []
  sources: [\"suggested from texts\"]

# seen 1 time, after بلدة (1); first in texts/a.txt: سيطرت قسد على مدينة جرابلس، وصولاً إلى بلدة صوران الحدودية.
- id: place:suran
  type: PLACE
  name: صوران
  name_en: TODO suran
  aliases: []
  sources: [\"suggested from texts\"]
";
    assert_eq!(out.stdout, expected);
}

#[test]
fn min_count_and_top() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = suggest(&dir, &["--min-count", "2", "texts"]).expect_code(0);
    assert_eq!(stubs(&out.stdout), pairs(&[("PLACE", "جرابلس")]));
    let out = suggest(&dir, &["--top", "2", "texts"]).expect_code(0);
    assert_eq!(
        stubs(&out.stdout),
        pairs(&[("PLACE", "جرابلس"), ("ARMED_GROUP", "حركة أحرار الشام")])
    );
    let out = suggest(&dir, &["--min-count", "3", "texts"]).expect_code(0);
    assert!(stubs(&out.stdout).is_empty());
}

#[test]
fn an_alias_that_did_not_fire_is_noted() {
    let dir = TempDir::new();
    // `صوران` is known, but only after a cue of its own type; `قرية` is no cue in this file.
    let gazetteer = dir.write(
        "g.yml",
        "cues:\n  PLACE: [ناحية]\nentities:\n  - id: place:suran\n    type: PLACE\n    name: صوران\n    name_en: Suran\n    aliases:\n      - {text: صوران, when: cue}\n",
    );
    let out = run_in(
        dir.path(),
        &[
            "suggest",
            "--quiet",
            "--no-default-gazetteers",
            "-g",
            gazetteer.to_str().unwrap(),
            "-",
        ],
        "هدوء في بلدة صوران".as_bytes(),
    )
    .expect_code(0);
    assert!(
        out.stdout
            .contains("# note: already an alias of place:suran (when: cue), which did not fire here\n- id: place:suran-2\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("sources: [\"suggested from standard input\"]"),
        "{}",
        out.stdout
    );
}

/// Writes `stubs` to a file and checks it with `rasid check`: exit 0 and no error lines.
fn assert_check_accepts(dir: &TempDir, stubs: &str, defaults: bool) -> PathBuf {
    let path = dir.write("stubs.yml", stubs);
    let mut args = vec!["check", path.to_str().unwrap()];
    if !defaults {
        args.push("--no-default-gazetteers");
    }
    let out = run_in(dir.path(), &args, b"").expect_code(0);
    assert!(!out.stdout.contains(": error:"), "{}", out.stdout);
    path
}

#[test]
fn crafted_stubs_pass_check_and_tag_their_names() {
    let dir = TempDir::new();
    corpus(&dir);
    let out = suggest(&dir, &["texts"]).expect_code(0);
    let path = assert_check_accepts(&dir, &out.stdout, false);
    // Pasted as they are, the stubs find the names they were suggested from.
    let tagged = run_in(
        dir.path(),
        &[
            "tag",
            "--no-default-gazetteers",
            "-g",
            path.to_str().unwrap(),
            "--format",
            "tsv",
            "texts/a.txt",
        ],
        b"",
    )
    .expect_code(0);
    for id in ["place:jrabls", "place:suran", "person:abu-mhmd-al-julani"] {
        assert!(tagged.stdout.contains(id), "{id}:\n{}", tagged.stdout);
    }
}

/// The dev texts (see `dev.rs` for where they live).
fn dev_texts() -> PathBuf {
    crate::dev::dev_dir().join("texts")
}

/// Whether `name` stands in `text` as whole words.
fn occurs_as_words(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn dev_text_stubs_pass_check() {
    let texts = dev_texts();
    let texts_arg = texts.to_str().unwrap();
    let dir = TempDir::new();

    // With the built-in gazetteers: few names are left to suggest; whatever is printed passes
    // `rasid check` together with the built-in gazetteers, as a user would paste it.
    let out = run_in(dir.path(), &["suggest", "--quiet", texts_arg], b"").expect_code(0);
    assert!(
        out.stdout.starts_with("# rasid suggest: "),
        "{}",
        out.stdout
    );
    assert_check_accepts(&dir, &out.stdout, true);

    // With a three-entity gazetteer, most names are unmatched: many stubs, all valid.
    let out = suggest(&dir, &[texts_arg]).expect_code(0);
    let found = stubs(&out.stdout);
    assert!(found.len() >= 10, "{}", out.stdout);
    let path = assert_check_accepts(&dir, &out.stdout, false);

    // Every suggested name written as such in a dev text is tagged there by the pasted stubs.
    let files: Vec<String> = std::fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .collect();
    let mut args = vec![
        "tag",
        "--no-default-gazetteers",
        "-g",
        path.to_str().unwrap(),
        "--format",
        "tsv",
    ];
    args.extend(files.iter().map(String::as_str));
    let tagged = run_in(dir.path(), &args, b"").expect_code(0);
    let corpus: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let mut checked = 0;
    for (_, name) in &found {
        if corpus.iter().any(|t| occurs_as_words(t, name)) {
            checked += 1;
            assert!(
                tagged
                    .stdout
                    .lines()
                    .any(|l| l.split('\t').any(|f| f == name)),
                "{name} is in the texts but not tagged by its stub"
            );
        }
    }
    assert!(checked >= 10, "only {checked} names were checked");
}
