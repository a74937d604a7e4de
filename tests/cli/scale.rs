//! Inputs that grow: loading, tagging and explaining take time linear in their size, and memory
//! stays bounded (issue 13: "Hardening").

use crate::util::{TempDir, fixture, run_in};

/// The seed article repeated to at least `bytes` bytes.
fn long_text(bytes: usize) -> String {
    let article = std::fs::read_to_string(fixture("article-albukamal-2017.txt")).unwrap();
    article.repeat(bytes / article.len() + 1)
}

/// Issue 13, defect 12: `--explain-rejected` counted code points from the text's start for every
/// rejected candidate, quadratic in the text: 1 MB took 1.7 s and 4 MB 22.9 s (the 4 MB here took
/// 40 s). Linear, 4 MB takes about 1 s. No test times itself (speed lives in the benchmarks): this
/// one checks the output of the large input, which a quadratic count would make the suite crawl on.
#[test]
fn defect_12_explain_rejected_is_quadratic() {
    let dir = TempDir::new();
    let path = dir.write("long.txt", long_text(4 << 20));
    let output = run_in(
        dir.path(),
        &[
            "tag",
            "--explain-rejected",
            "--format",
            "jsonl",
            path.to_str().unwrap(),
        ],
        b"",
    )
    .expect_code(0);
    let rejected = output.stdout.matches("\"reason\"").count();
    assert!(
        rejected > 100_000,
        "the text has many rejected candidates: {rejected}"
    );
}

/// Issue 13, defect 9: deep YAML nesting took the parser time quadratic in the depth (30 s for
/// 100,000 levels), and an alias of megabytes took minutes to compile. Sizes and depth are now
/// checked before parsing, each with an error that names the limit.
#[test]
fn defect_9_quadratic_loading_guards() {
    let dir = TempDir::new();
    let entity = "- id: a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n";
    let deep_flow = format!(
        "{entity}  aliases: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_block = format!("{}x\n", "- ".repeat(100_000));
    let long_alias = format!(
        "{entity}  aliases:\n    - \"{}\"\n",
        "س ".repeat(2_000_000).trim_end()
    );
    let rows = [
        (
            "deep flow",
            deep_flow,
            "g.yml:5:42: error: nested deeper than 32 levels",
        ),
        (
            "deep block",
            deep_block,
            "g.yml:1:63: error: nested deeper than 32 levels",
        ),
        (
            "long alias",
            long_alias,
            "has 3999999 characters: at most 1000",
        ),
    ];
    for (name, yaml, expected) in rows {
        let output =
            crate::util::run_with_gazetteer(&dir, &yaml, &["tag"], "حلب".as_bytes()).expect_code(2);
        assert!(
            output.stderr.contains(expected),
            "{name}: {}",
            output.stderr
        );
    }
    // A file past the size limit is refused before it is read (a sparse file: no disk used).
    let big = dir.path().join("big.yml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    let output = run_in(
        dir.path(),
        &[
            "tag",
            "--no-default-gazetteers",
            "-g",
            big.to_str().unwrap(),
        ],
        "حلب".as_bytes(),
    )
    .expect_code(2);
    assert!(
        output
            .stderr
            .contains("big.yml:1:1: error: gazetteer file of 68157440 bytes: at most 64 MiB"),
        "{}",
        output.stderr
    );
}

/// Issue 13, defect 10: a 1 GB document took 9 to 12 GB and aborted under a memory limit. A
/// document above 64 MiB is now refused with a clear error and exit code 2, and the other inputs
/// are still tagged; a document of ﷺ (11 times its size once normalised, before) tags.
#[test]
fn defect_10_memory_blowups() {
    let dir = TempDir::new();
    // No names in it, so that a failure does not print 64 MiB of mentions.
    dir.write("big.txt", "lorem ipsum ".repeat((64 << 20) / 12 + 1));
    dir.write("salla.txt", format!("{} حلب\n", "\u{FDFA}".repeat(1 << 20)));
    let output = run_in(
        dir.path(),
        &["tag", "--format", "jsonl", "big.txt", "salla.txt"],
        b"",
    )
    .expect_code(2);
    assert_eq!(
        output.stderr.trim_end(),
        "rasid: big.txt: document of 67108872 bytes is too large: at most 64 MiB per document \
         (split it into several files, or one document per line of JSON Lines)"
    );
    assert_eq!(output.stdout.lines().count(), 1, "{}", output.stdout);
    assert!(
        output.stdout.contains("\"text\":\"حلب\""),
        "{}",
        output.stdout
    );
}
