//! Regression tests for the hardening issue: `-o` never destroys what is at its path, interrupted and
//! failed runs leave nothing behind, hostile directories, huge `-j`, JSON Lines passed through
//! untouched, and the silent empty results. Each test is named after the defect it pins.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;
use std::process::Command;

use crate::util::{Output, SMALL_GAZETTEER, TempDir, run_with_gazetteer};

/// An article with two mentions in the small gazetteer.
const ARTICLE: &str = "تقدمت قسد نحو البوكمال";

/// `rasid count` over `ARTICLE` on standard input with the small gazetteer, plus `args`.
fn count_stdin(dir: &TempDir, args: &[&str]) -> Output {
    run_with_gazetteer(
        dir,
        SMALL_GAZETTEER,
        &[&["count", "--quiet"], args].concat(),
        ARTICLE.as_bytes(),
    )
}

/// The names in `dir`, sorted (the gazetteer `g.yml` the harness writes is left out).
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "g.yml")
        .collect();
    names.sort();
    names
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

// Issue 13, defect 1: `-o /dev/null` replaced the device by a CSV file.
#[test]
fn regression_o_dev_null_writes_through() {
    let dir = TempDir::new();
    count_stdin(&dir, &["-o", "/dev/null"]).expect_code(0);
    let meta = fs::symlink_metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/null: {meta:?}");
}

// Issue 13, defect 1: a FIFO was replaced by a regular file instead of being written through.
#[test]
fn regression_o_fifo_writes_through() {
    let dir = TempDir::new();
    let fifo = dir.path().join("out.csv");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    count_stdin(&dir, &["-o", "out.csv"]).expect_code(0);
    let written = reader.join().unwrap();
    assert!(written.starts_with("id,label,"), "{written}");
    assert!(written.contains("group:sdf"), "{written}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names_in(dir.path()), ["out.csv"]);
}

// Issue 13, defect 1: `-o -` is standard output, not a file named `-`.
#[test]
fn regression_o_dash_is_stdout() {
    let dir = TempDir::new();
    let out = count_stdin(&dir, &["-o", "-"]).expect_code(0);
    assert!(out.stdout.contains("group:sdf"), "{}", out.stdout);
    assert!(names_in(dir.path()).is_empty());
    // `/dev/stdout` leads through kernel links to a pipe here: written through as well.
    let out = count_stdin(&dir, &["-o", "/dev/stdout"]).expect_code(0);
    assert!(out.stdout.contains("group:sdf"), "{}", out.stdout);
    assert!(
        fs::symlink_metadata("/dev/stdout")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// Issue 13, defect 1: a symlink was replaced by a regular file and its target left untouched.
#[test]
fn regression_o_symlink_replaces_target() {
    let dir = TempDir::new();
    dir.write("data/real.csv", "old\n");
    std::os::unix::fs::symlink("data/real.csv", dir.path().join("link.csv")).unwrap();
    count_stdin(&dir, &["-o", "link.csv"]).expect_code(0);
    let link = fs::symlink_metadata(dir.path().join("link.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    let real = fs::read_to_string(dir.path().join("data/real.csv")).unwrap();
    assert!(real.contains("group:sdf"), "{real}");
    assert_eq!(names_in(&dir.path().join("data")), ["real.csv"]);
}

// Issue 13, defect 1: a hard-linked file was replaced, so its other name kept the old content.
#[test]
fn regression_o_hard_link_written_in_place() {
    let dir = TempDir::new();
    let a = dir.write("a.csv", "old\n");
    let b = dir.path().join("b.csv");
    fs::hard_link(&a, &b).unwrap();
    let inode = fs::metadata(&a).unwrap().ino();
    count_stdin(&dir, &["-o", "a.csv"]).expect_code(0);
    let (a_text, b_text) = (
        fs::read_to_string(&a).unwrap(),
        fs::read_to_string(&b).unwrap(),
    );
    assert!(b_text.contains("group:sdf"), "{b_text}");
    assert_eq!(a_text, b_text);
    assert_eq!(
        fs::metadata(&a).unwrap().ino(),
        inode,
        "same file, still linked"
    );
    assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
    assert_eq!(names_in(dir.path()), ["a.csv", "b.csv"]);
}

// Issue 13, defect 1: a replaced file keeps its mode.
#[test]
fn regression_o_replaced_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    let out = dir.write("out.csv", "old\n");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    count_stdin(&dir, &["-o", "out.csv"]).expect_code(0);
    assert_eq!(fs::metadata(&out).unwrap().mode() & 0o777, 0o640);
    assert!(fs::read_to_string(&out).unwrap().contains("group:sdf"));
}

// Issue 13, defect 1: `check --fix link.yml` replaced the link by a fixed copy and left the real
// file unfixed.
#[test]
fn regression_check_fix_symlink_fixes_target() {
    let dir = TempDir::new();
    let unsorted = "\
- id: group:test:brigade
  type: ARMED_GROUP
  name: لواء الاختبار
  name_en: Test Brigade
  aliases:
    - لواء التجربة
    - كتيبة الاختبار
";
    let real = dir.write("real/g.yml", unsorted);
    std::os::unix::fs::symlink("real/g.yml", dir.path().join("link.yml")).unwrap();
    crate::util::run_in(
        dir.path(),
        &["check", "--no-default-gazetteers", "--fix", "link.yml"],
        b"",
    );
    assert!(
        fs::symlink_metadata(dir.path().join("link.yml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let fixed = fs::read_to_string(&real).unwrap();
    let kataiba = fixed.find("كتيبة الاختبار").unwrap();
    let liwa = fixed.find("لواء التجربة").unwrap();
    assert!(kataiba < liwa, "aliases sorted in the real file:\n{fixed}");
}

// Issue 13, defect 7: an interrupted `-o` run left its hidden temporary file behind, for every signal.
#[test]
fn regression_o_temp_removed_on_signal() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::Stdio;
    // (row name, signal name for kill, signal number)
    let cases = [
        ("sigint", "INT", 2),
        ("sigterm", "TERM", 15),
        ("sighup", "HUP", 1),
    ];
    for (name, signal, number) in cases {
        let dir = TempDir::new();
        dir.write("out.csv", "previous\n");
        let gazetteer = dir.write("g.yml", SMALL_GAZETTEER);
        // Standard input stays open, so the run waits with its temporary file created.
        let mut child = Command::new(env!("CARGO_BIN_EXE_rasid"))
            .args(["count", "--quiet", "--no-default-gazetteers", "-g"])
            .arg(&gazetteer)
            .args(["-o", "out.csv"])
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut waited = 0;
        while names_in(dir.path()).len() < 2 {
            assert!(waited < 1000, "{name}: no temporary file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
            waited += 1;
        }
        let temporary = names_in(dir.path());
        assert!(
            temporary
                .iter()
                .any(|n| n.starts_with(".out.csv.") && n.ends_with(".tmp")),
            "{name}: {temporary:?}"
        );
        let killed = Command::new("kill")
            .args(["-s", signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        // `wait` would close standard input, and the run could then end normally before the
        // signal is handled; it stays open until the child is gone.
        let stdin = child.stdin.take();
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.signal(), Some(number), "{name}: {status:?}");
        assert_eq!(names_in(dir.path()), ["out.csv"], "{name}");
        assert_eq!(
            fs::read_to_string(dir.path().join("out.csv")).unwrap(),
            "previous\n",
            "{name}"
        );
    }
}

// Issue 13, defect 8: `count typo.jsonl -o prev.csv` replaced a good result with a header-only table.
#[test]
fn regression_no_input_read_writes_nothing() {
    // (row name, inputs): nothing of them can be read.
    let cases: [(&str, &[&str]); 3] = [
        ("missing file", &["typo.jsonl"]),
        ("two missing files", &["typo.jsonl", "typo.txt"]),
        ("directory without texts", &["empty"]),
    ];
    for (name, inputs) in cases {
        for format in ["csv", "json"] {
            let dir = TempDir::new();
            dir.write("prev.csv", "a good result\n");
            fs::create_dir(dir.path().join("empty")).unwrap();
            let args = [inputs, &["--format", format, "-o", "prev.csv"]].concat();
            let out = count_stdin(&dir, &args).expect_code(2);
            assert!(
                out.stderr
                    .contains("no input could be read; prev.csv left as it was"),
                "{name}: {}",
                out.stderr
            );
            let prev = fs::read_to_string(dir.path().join("prev.csv")).unwrap();
            assert_eq!(prev, "a good result\n", "{name}");
            assert_eq!(names_in(dir.path()), ["empty", "prev.csv"], "{name}");
            // To standard output: no header-only table either.
            let out = count_stdin(&dir, &[inputs, &["--format", format]].concat()).expect_code(2);
            assert_eq!(out.stdout, "", "{name}");
        }
    }
}

// Issue 13, defect 15: the `-o` error named the temporary file, not the user's path.
#[test]
fn regression_o_error_names_the_users_path() {
    let dir = TempDir::new();
    dir.write("file.txt", "a file, not a directory");
    // (row name, -o path, expected message)
    let cases = [
        (
            "missing directory",
            "missing/out.csv",
            "rasid: missing/out.csv: No such file or directory",
        ),
        (
            "under a file",
            "file.txt/out.csv",
            "rasid: file.txt/out.csv: Not a directory",
        ),
    ];
    for (name, path, expected) in cases {
        let out = count_stdin(&dir, &["-o", path]).expect_code(2);
        assert!(out.stderr.starts_with(expected), "{name}: {}", out.stderr);
        assert!(!out.stderr.contains(".tmp"), "{name}: {}", out.stderr);
    }
}

// Issue 13, defect 15: `-o dir/` failed only after the whole run.
#[test]
fn regression_o_directory_fails_before_the_run() {
    let dir = TempDir::new();
    fs::create_dir(dir.path().join("sub")).unwrap();
    for path in ["sub", "sub/", "new/"] {
        // Without --quiet: a run would end with its summary line.
        let out = run_with_gazetteer(
            &dir,
            SMALL_GAZETTEER,
            &["count", "-o", path],
            ARTICLE.as_bytes(),
        )
        .expect_code(2);
        assert_eq!(
            out.stderr,
            format!("rasid: {path}: is a directory, not a file to write\n"),
            "{path}"
        );
        assert!(!dir.path().join("new").exists());
    }
}

// Issue 13, defect 15: trailing bytes after a gzip stream were reported as "unexpected end of file".
#[test]
fn regression_gz_trailing_bytes_message() {
    use std::io::Write;
    let dir = TempDir::new();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(format!("{{\"id\": \"a\", \"text\": \"{ARTICLE}\"}}\n").as_bytes())
        .unwrap();
    let gz = encoder.finish().unwrap();
    dir.write("c.jsonl.gz", [gz.clone(), b"log line\n".to_vec()].concat());
    let out = count_stdin(&dir, &["c.jsonl.gz", "--format", "json"]).expect_code(2);
    assert!(
        out.stderr.contains(&format!(
            "rasid: c.jsonl.gz: trailing bytes after the gzip data at byte {}",
            gz.len()
        )),
        "{}",
        out.stderr
    );
    assert_eq!(out.json()["documents"], 1, "the document before is counted");
}

// Issue 13, defect 15: `--merge` wrapped past u64::MAX.
#[test]
fn regression_merge_overflow_is_an_error() {
    let dir = TempDir::new();
    let part = format!(
        r#"{{"documents": 1, "entities": [{{"id": "group:sdf", "label": "ARMED_GROUP", "name": "قسد", "name_en": "SDF", "mentions": {}, "documents": 1}}]}}"#,
        u64::MAX
    );
    dir.write("a.json", &part);
    dir.write("b.json", &part);
    let out = count_stdin(&dir, &["--merge", "a.json", "b.json"]).expect_code(2);
    assert_eq!(
        out.stderr,
        format!(
            "rasid: b.json: the counts of \"group:sdf\" add up past {} and cannot be merged\n",
            u64::MAX
        )
    );
    assert_eq!(out.stdout, "");
}

// Issue 13, defect 5: `-j 100000` aborted on a failed thread spawn and `-j 18446744073709551615`
// on a capacity overflow.
#[test]
fn regression_threads_out_of_range_is_one_line_error() {
    let dir = TempDir::new();
    dir.write("c.jsonl", format!("{{\"text\": \"{ARTICLE}\"}}\n"));
    let max = u64::MAX.to_string();
    for subcommand in ["count", "tag"] {
        for threads in ["0", "257", "100000", max.as_str()] {
            let out = run_with_gazetteer(
                &dir,
                SMALL_GAZETTEER,
                &[subcommand, "-j", threads, "c.jsonl"],
                b"",
            )
            .expect_code(2);
            assert_eq!(
                out.stderr,
                format!("rasid: -j {threads}: the number of threads must be between 1 and 256\n"),
                "{subcommand} -j {threads}"
            );
            assert_eq!(out.stdout, "", "{subcommand} -j {threads}");
        }
        for threads in ["1", "256"] {
            run_with_gazetteer(
                &dir,
                SMALL_GAZETTEER,
                &[subcommand, "--threads", threads, "c.jsonl"],
                b"",
            )
            .expect_code(0);
        }
    }
}

// Issue 13, defect 3: `tag --format json two.jsonl` wrote objects joined by `,` without `[ ]`.
// Every format over several inputs gives one well-formed output.
#[test]
fn regression_tag_every_format_over_several_inputs() {
    let dir = TempDir::new();
    dir.write("a.txt", ARTICLE);
    dir.write("b.txt", "قاسم سليماني");
    dir.write(
        "two.jsonl",
        format!("{{\"id\": 1, \"text\": \"{ARTICLE}\"}}\n{{\"id\": 2, \"text\": \"لا شيء\"}}\n"),
    );
    dir.write(
        "one.jsonl",
        format!("{{\"id\": 3, \"text\": \"{ARTICLE}\"}}\n"),
    );
    // (row name, inputs, documents)
    let cases: [(&str, &[&str], usize); 4] = [
        ("two texts", &["a.txt", "b.txt"], 2),
        ("one JSON Lines file of two", &["two.jsonl"], 2),
        ("one JSON Lines file of one", &["one.jsonl"], 1),
        ("a text and JSON Lines", &["a.txt", "two.jsonl"], 3),
    ];
    for (name, inputs, documents) in cases {
        let tag = |format: &str| {
            run_with_gazetteer(
                &dir,
                SMALL_GAZETTEER,
                &[&["tag", "--format", format], inputs].concat(),
                b"",
            )
            .expect_code(0)
        };
        let json = tag("json").json();
        let array = json.as_array().unwrap_or_else(|| panic!("{name}: {json}"));
        assert_eq!(array.len(), documents, "{name}: json");
        let jsonl = tag("jsonl").stdout;
        assert_eq!(jsonl.lines().count(), documents, "{name}: jsonl");
        for line in jsonl.lines() {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}: jsonl: {e}: {line}"));
            assert!(value["entities"].is_array(), "{name}: {line}");
        }
        let tsv = tag("tsv").stdout;
        assert_eq!(
            tsv.matches("path\tstart\t").count(),
            1,
            "{name}: tsv\n{tsv}"
        );
        let columns = tsv
            .lines()
            .next()
            .map_or(0, |header| header.split('\t').count());
        assert!(
            tsv.lines()
                .skip(1)
                .all(|l| l.split('\t').count() == columns),
            "{name}: {tsv}"
        );
        let html = tag("html").stdout;
        assert_eq!(html.matches("<html").count(), 1, "{name}: html");
        assert_eq!(html.matches("</html>").count(), 1, "{name}: html");
        let pretty = tag("pretty").stdout;
        assert_eq!(
            pretty.lines().filter(|l| l.ends_with(" mentions")).count(),
            documents,
            "{name}: pretty"
        );
    }
}

/// A directory `d` with one article, a link back to itself and, when `fifo` is given, a FIFO of
/// that name.
fn hostile_directory(dir: &TempDir, fifo: Option<&str>) {
    dir.write("d/a.txt", ARTICLE);
    std::os::unix::fs::symlink(".", dir.path().join("d/self")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("d/again")).unwrap();
    if let Some(name) = fifo {
        mkfifo(&dir.path().join("d").join(name));
    }
}

// Issue 13, defect 2: `ln -s . d/self; rasid count d` counted the file 41 times; two such links
// made the walk exponential.
#[test]
fn regression_walk_self_link_counts_once() {
    let dir = TempDir::new();
    hostile_directory(&dir, None);
    let out = count_stdin(&dir, &["d", "--format", "json"]).expect_code(2);
    assert_eq!(out.json()["documents"], 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("d/self: a link back to d, not followed"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("d/again: a link back to d, not followed"),
        "{}",
        out.stderr
    );
}

// Issue 13, defect 2: a FIFO named like an input hung count, coverage, suggest and `-g DIR` forever;
// it is skipped with a warning and never opened.
#[test]
fn regression_walk_fifo_skipped_never_opened() {
    // (row name, FIFO name, arguments after the subcommand's gazetteer flags)
    let cases: [(&str, &str, &[&str]); 5] = [
        ("count", "x.txt", &["count", "--quiet", "d"]),
        ("count jsonl", "x.jsonl", &["count", "--quiet", "d"]),
        ("coverage", "x.txt", &["coverage", "d"]),
        ("suggest", "x.md", &["suggest", "--quiet", "d"]),
        ("-g DIR", "x.yml", &["tag", "-g", "d", "d/a.txt"]),
    ];
    for (name, fifo, args) in cases {
        let dir = TempDir::new();
        hostile_directory(&dir, Some(fifo));
        let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, args, b"");
        let expected =
            format!("rasid: d/{fifo}: not a regular file (a FIFO, socket or device), skipped");
        assert!(out.stderr.contains(&expected), "{name}: {}", out.stderr);
        assert!(out.code == 0 || out.code == 2, "{name}: {out:?}");
    }
}

// Issue 13, defect 2: `.lst` files inside a `-g` directory were ignored though the docs promise them.
#[test]
fn regression_g_dir_loads_lst_files() {
    let dir = TempDir::new();
    dir.write("mine/sub/militias.lst", "# test list\nلواء الاختبار\n");
    dir.write("mine/g.yml", SMALL_GAZETTEER);
    let out = crate::util::run_in(
        dir.path(),
        &[
            "tag",
            "--format",
            "json",
            "--no-default-gazetteers",
            "-g",
            "mine",
            "-",
        ],
        "تقدم لواء الاختبار نحو البوكمال".as_bytes(),
    )
    .expect_code(0);
    let labels: Vec<String> = out.json()["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(labels, ["MILITIAS", "PLACE"], "{}", out.stdout);
}

// Issue 13, defect 13: `tag` re-ordered a JSON line's keys alphabetically and turned the id
// 12345678901234567890123 into 1.2345678901234568e+22 (so did `count --by-document`), and rejected
// `1e400` that `count` accepts.
#[test]
fn regression_jsonl_fields_pass_through_untouched() {
    let dir = TempDir::new();
    let fields = r#""zeta": "z", "id": 12345678901234567890123, "alpha": {"b": [1, 2.50, 1e400], "a": null}, "big": 1e400, "ok": true"#;
    dir.write(
        "c.jsonl",
        format!("{{{fields}, \"text\": \"{ARTICLE}\"}}\n"),
    );
    let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, &["tag", "c.jsonl"], b"").expect_code(0);
    let expected = r#"{"zeta":"z","id":12345678901234567890123,"alpha":{"b": [1, 2.50, 1e400], "a": null},"big":1e400,"ok":true,"entities":["#;
    assert!(out.stdout.starts_with(expected), "{}", out.stdout);
    assert!(out.stdout.ends_with("]}\n"), "{}", out.stdout);
    let counted =
        count_stdin(&dir, &["c.jsonl", "--by-document", "--format", "jsonl"]).expect_code(0);
    for line in counted.stdout.lines() {
        assert!(
            line.starts_with(r#"{"doc_id":"12345678901234567890123","#),
            "{line}"
        );
    }
    assert_eq!(counted.stdout.lines().count(), 2, "{}", counted.stdout);
}

// Issue 13, defect 14: `--group-by month` put every document with a missing or non-ISO date in group
// "" without a word.
#[test]
fn regression_group_by_month_reads_common_dates_and_warns_once() {
    let dir = TempDir::new();
    let dates = [
        r#""2015-07-21""#,
        r#""21/07/2015""#,
        "1437436800",
        r#""٢١/٠٧/٢٠١٥""#,
        r#""yesterday""#,
        "null",
    ];
    let mut lines: String = dates
        .iter()
        .map(|d| format!("{{\"date\": {d}, \"text\": \"{ARTICLE}\"}}\n"))
        .collect();
    lines.push_str(&format!("{{\"text\": \"{ARTICLE}\"}}\n"));
    dir.write("c.jsonl", lines);
    let out = count_stdin(
        &dir,
        &["c.jsonl", "--group-by", "month", "--format", "json"],
    )
    .expect_code(0);
    let json = out.json();
    let sdf: Vec<(String, u64)> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["id"] == "group:sdf")
        .map(|r| {
            (
                r["group"].as_str().unwrap().to_owned(),
                r["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(sdf, [(String::new(), 3), ("2015-07".to_owned(), 4)]);
    assert_eq!(
        out.stderr,
        "rasid: 3 documents have no \"date\" that reads as a date (ISO, 21/07/2015, epoch seconds); counted in group \"\"\n"
    );
}

// Issue 13, defect 14: `--label place` or `--label PLACES` gave a header-only table.
#[test]
fn regression_label_case_insensitive_unknown_is_error() {
    let dir = TempDir::new();
    let out = count_stdin(&dir, &["--label", "place", "--format", "jsonl"]).expect_code(0);
    assert!(out.stdout.contains("place:albukamal"), "{}", out.stdout);
    assert!(!out.stdout.contains("group:sdf"), "{}", out.stdout);
    let out = count_stdin(&dir, &["--label", "PLACES"]).expect_code(2);
    assert_eq!(
        out.stderr,
        "rasid: unknown label \"PLACES\": expected one of PLACE, ARMED_GROUP, PERSON, ORG\n"
    );
    assert_eq!(out.stdout, "");
    // The same for --merge, against the labels of the parts.
    count_stdin(&dir, &["--format", "json", "-o", "part.json"]).expect_code(0);
    let out = count_stdin(
        &dir,
        &[
            "--merge",
            "part.json",
            "--label",
            "armed_group",
            "--format",
            "jsonl",
        ],
    )
    .expect_code(0);
    assert!(
        out.stdout.contains("group:sdf") && !out.stdout.contains("place:"),
        "{}",
        out.stdout
    );
    let out = count_stdin(&dir, &["--merge", "part.json", "--label", "PLACES"]).expect_code(2);
    assert_eq!(
        out.stderr,
        "rasid: unknown label \"PLACES\": expected one of ARMED_GROUP, PLACE\n"
    );
}

// Issue 13, defect 14: `--merge` of grouped with ungrouped parts mixed the two silently.
#[test]
fn regression_merge_grouped_with_ungrouped_is_error() {
    let dir = TempDir::new();
    dir.write(
        "c.jsonl",
        format!("{{\"source\": \"s\", \"text\": \"{ARTICLE}\"}}\n"),
    );
    count_stdin(&dir, &["c.jsonl", "--format", "json", "-o", "flat.json"]).expect_code(0);
    count_stdin(
        &dir,
        &[
            "c.jsonl",
            "--group-by",
            "source",
            "--format",
            "json",
            "-o",
            "grouped.json",
        ],
    )
    .expect_code(0);
    for order in [["flat.json", "grouped.json"], ["grouped.json", "flat.json"]] {
        let out = count_stdin(&dir, &["--merge", order[0], order[1]]).expect_code(2);
        assert_eq!(
            out.stderr,
            "rasid: grouped.json has groups and flat.json has none: merge parts counted with the same --group-by\n"
        );
        assert_eq!(out.stdout, "");
    }
}

// Issue 13, defect 14: files of other kinds in a directory were skipped without being named.
#[test]
fn regression_other_kinds_in_directory_named() {
    let dir = TempDir::new();
    dir.write("d/a.txt", ARTICLE);
    for name in ["b.pdf", "c.doc", "d.html", "e.csv"] {
        dir.write(&format!("d/{name}"), "x");
    }
    let out = count_stdin(&dir, &["d"]).expect_code(2);
    assert_eq!(
        out.stderr,
        "rasid: d: skipped 4 files of other kinds (read are .txt, .md, .jsonl, .jsonl.gz): d/b.pdf, d/c.doc, d/d.html and 1 more\n"
    );
}

// Issue 13, defect 14: a field missing in 3,000 lines printed 3,000 lines.
#[test]
fn regression_missing_field_one_line_with_count() {
    let dir = TempDir::new();
    let mut lines = format!("{{\"text\": \"{ARTICLE}\"}}\n");
    for i in 0..3000 {
        lines.push_str(&format!("{{\"id\": {i}, \"body\": \"{ARTICLE}\"}}\n"));
    }
    dir.write("c.jsonl", lines);
    dir.write("one.jsonl", format!("{{\"body\": \"{ARTICLE}\"}}\n"));
    let out = count_stdin(&dir, &["c.jsonl", "one.jsonl", "--format", "json"]).expect_code(2);
    assert_eq!(
        out.stderr,
        "rasid: c.jsonl: 3000 lines have no string field \"text\" (the first is line 2); skipped\n\
         rasid: one.jsonl:1: no string field \"text\"\n"
    );
    assert_eq!(out.json()["documents"], 1);
    // coverage and tag (in every format: JSON Lines output runs in parallel) say it once too.
    let runs: [&[&str]; 3] = [
        &["coverage", "c.jsonl"],
        &["tag", "--format", "jsonl", "c.jsonl"],
        &["tag", "--format", "tsv", "c.jsonl"],
    ];
    for args in runs {
        let out = run_with_gazetteer(&dir, SMALL_GAZETTEER, args, b"").expect_code(2);
        assert_eq!(
            out.stderr
                .lines()
                .filter(|l| l.contains("no string field"))
                .count(),
            1,
            "{args:?}: {}",
            out.stderr
        );
        let expected =
            "c.jsonl: 3000 lines have no string field \"text\" (the first is line 2); skipped";
        assert!(out.stderr.contains(expected), "{args:?}: {}", out.stderr);
    }
}
