//! `rasid check`: validate gazetteers and list every problem.

use std::io::{self, Write};
use std::path::Path;

use rasid::{DEFAULT_PREFIX, Gazetteer, Level};

use super::Failure;
use super::args::CheckArgs;

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
