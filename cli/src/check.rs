//! `rasid check`: validate and lint gazetteers, and fix what is safe to fix.
//!
//! Findings go to stdout as `path:line:col: level: message [rule]`, all at once; the counts per rule
//! go to stderr, so `rasid check > findings.txt` still shows what kind of problems there are.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use rasid::{DEFAULT_PREFIX, Diagnostic, Level};

use super::Failure;
use super::atomic::AtomicOutput;

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Gazetteer files or directories to check; the built-in gazetteers when none is given.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Check the given files alone, not together with the built-in gazetteers.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,
    /// Exit with code 1 on warnings too, not only on errors.
    #[arg(long)]
    pub(crate) deny_warnings: bool,
    /// Rewrite the given files in place where it is safe: strip invisible characters and surrounding
    /// space from aliases, remove duplicate aliases, sort aliases. Comments and the rest of the file
    /// are kept; the findings left are printed after.
    #[arg(long)]
    pub(crate) fix: bool,
    /// Print the number of findings per file and rule instead of every finding.
    #[arg(long)]
    pub(crate) summary: bool,
}

/// Exit code when errors (or, with `--deny-warnings`, warnings) were found.
const EXIT_FINDINGS: u8 = 1;

/// The summary bucket of error-level findings, which carry no rule name.
const ERRORS_BUCKET: &str = "error";

pub(crate) fn run(args: &CheckArgs) -> Result<u8, Failure> {
    if args.fix {
        fix(&args.paths)?;
    }
    // Given files are checked together with the defaults, so that ids clashing with a built-in entity
    // and references to built-in entities are judged right; only the given files' findings are shown.
    let builder = gazetteer_builder(
        args.paths.is_empty() || !args.no_default_gazetteers,
        &args.paths,
    );
    let diagnostics = builder.check()?;
    let shown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| args.paths.is_empty() || !d.path.starts_with(Path::new(DEFAULT_PREFIX)))
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.summary {
        for ((path, bucket), count) in per_file_and_bucket(&shown) {
            writeln!(out, "{}: {}", path.display(), counted(count, bucket))?;
        }
    } else {
        for d in &shown {
            writeln!(out, "{d}")?;
        }
    }
    out.flush()?;
    let errors = shown.iter().filter(|d| d.level == Level::Error).count();
    let warnings = shown.len() - errors;
    // The warnings per rule; the errors are counted once, in the total below.
    for (bucket, count) in per_bucket(&shown) {
        if bucket != ERRORS_BUCKET {
            eprintln!("rasid: {}", counted(count, bucket));
        }
    }
    eprintln!(
        "rasid: {errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(if failed { EXIT_FINDINGS } else { 0 })
}

/// Rewrites the safe findings of the files at `paths`, each through a temporary file renamed over it.
fn fix(paths: &[PathBuf]) -> Result<(), Failure> {
    if paths.is_empty() {
        return Err(Failure::trouble(
            "--fix needs the gazetteer files or directories to rewrite (the built-in gazetteers are read-only)",
        ));
    }
    let builder = gazetteer_builder(false, paths);
    let (fixed, left_alone) = builder.fix()?;
    for (path, text) in &fixed {
        // Whole or not at all: a temporary file beside it, renamed over it.
        let mut output = AtomicOutput::new(Some(path))?;
        output.writer().write_all(text.as_bytes())?;
        output.commit()?;
        eprintln!("rasid: fixed {}", path.display());
    }
    for d in &left_alone {
        eprintln!("rasid: {d}");
    }
    Ok(())
}

/// The rule a warning names at its end (`… [frequent-word]`), or the errors' bucket.
fn bucket(d: &Diagnostic) -> &str {
    if d.level == Level::Error {
        return ERRORS_BUCKET;
    }
    d.message
        .strip_suffix(']')
        .and_then(|m| m.rsplit_once(" ["))
        .map_or("warning", |(_, rule)| rule)
}

fn per_file_and_bucket<'d>(shown: &[&'d Diagnostic]) -> BTreeMap<(&'d Path, &'d str), usize> {
    let mut counts = BTreeMap::new();
    for d in shown {
        *counts.entry((d.path.as_path(), bucket(d))).or_default() += 1;
    }
    counts
}

/// Counts per bucket, errors first, then the most frequent rules.
fn per_bucket<'d>(shown: &[&'d Diagnostic]) -> Vec<(&'d str, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in shown {
        *counts.entry(bucket(d)).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by_key(|&(bucket, count)| (bucket != ERRORS_BUCKET, std::cmp::Reverse(count)));
    counts
}

/// `3 errors` or `1 warning [frequent-word]`.
fn counted(count: usize, bucket: &str) -> String {
    if bucket == ERRORS_BUCKET {
        format!("{count} error{}", plural(count))
    } else {
        format!("{count} warning{} [{bucket}]", plural(count))
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// The gazetteers of `paths` (files, and the gazetteer files below directories; what the walk skips
/// is warned about on stderr), with the defaults or not.
fn gazetteer_builder(defaults: bool, paths: &[std::path::PathBuf]) -> rasid::GazetteerBuilder {
    let mut builder = rasid::Tagger::builder();
    builder.defaults(defaults);
    for path in paths {
        builder.gazetteer_path(path);
    }
    builder.gazetteer_builder(&mut |w| eprintln!("rasid: {w}"))
}
