//! `rasid check` on the shipped gazetteers and on user files.

use crate::util::{TempDir, run, run_in};

#[test]
fn shipped_gazetteers_have_no_errors() {
    let out = run(&["check"]).expect_code(0);
    assert!(!out.stdout.contains(": error:"), "{}", out.stdout);
    // Nothing that `--fix` would change: the generator and the curators keep the files tidy. And no
    // shipped alias fires everywhere while it reads as a frequent word: each such alias has a rule
    // or a commented decision. Every place lies inside its country's box.
    for rule in [
        "invisible-char",
        "space",
        "duplicate-alias",
        "unsorted-aliases",
        "frequent-word",
        "coordinates",
    ] {
        assert!(!out.stdout.contains(&format!("[{rule}]")), "{rule}");
    }
    // The counts per rule come on stderr, the total last.
    let last = out.stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("rasid: 0 errors, "), "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .any(|l| l.ends_with(" warnings [shared-alias]")),
        "{}",
        out.stderr
    );
}

#[test]
fn errors_exit_one_and_warnings_do_not() {
    let dir = TempDir::new();
    dir.write(
        "shared.yml",
        "- id: x:one\n  type: PLACE\n  name: تلة الزعتر\n  name_en: One\n\n- id: x:two\n  type: PERSON\n  name: تلة الزعتر\n  name_en: Two\n",
    );
    let out = run_in(dir.path(), &["check", "shared.yml"], b"").expect_code(0);
    assert_eq!(
        out.stdout.trim(),
        "shared.yml:8:3: warning: alias \"تلة الزعتر\" is shared by x:one (PLACE), x:two (PERSON) [cross-type-alias]"
    );
    dir.write(
        "bad.yml",
        "- id: x:three\n  type: PLCAE\n  name: س\n  name_en: S\n",
    );
    let out = run_in(dir.path(), &["check", "bad.yml"], b"").expect_code(1);
    assert!(
        out.stdout
            .starts_with("bad.yml:2:3: error: unknown type \"PLCAE\""),
        "{}",
        out.stdout
    );
}
