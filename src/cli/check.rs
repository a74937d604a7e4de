//! `rasid check`: validate gazetteers and list every problem.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use rasid::{DEFAULT_PREFIX, Gazetteer, Level};

use super::Failure;

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Gazetteer files or directories to check; the built-in gazetteers when none is given.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Check the given files alone, not together with the built-in gazetteers.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,
}

/// Exit code when errors were found.
const EXIT_ERRORS: u8 = 1;

pub(crate) fn run(args: &CheckArgs) -> Result<u8, Failure> {
    let mut builder = Gazetteer::builder();
    // Given files are checked together with the defaults, so that ids clashing with a built-in entity
    // and references to built-in entities are judged right; only the given files' findings are shown.
    builder.defaults(args.paths.is_empty() || !args.no_default_gazetteers);
    for path in &args.paths {
        builder.add_path(path);
    }
    let diagnostics = builder.check()?;
    let shown: Vec<_> = diagnostics
        .iter()
        .filter(|d| args.paths.is_empty() || !d.path.starts_with(Path::new(DEFAULT_PREFIX)))
        .collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for d in &shown {
        writeln!(out, "{d}")?;
    }
    out.flush()?;
    let errors = shown.iter().filter(|d| d.level == Level::Error).count();
    let warnings = shown.len() - errors;
    eprintln!("rasid: {errors} errors, {warnings} warnings");
    Ok(if errors > 0 { EXIT_ERRORS } else { 0 })
}
