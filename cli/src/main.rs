//! The `rasid` command line: argument parsing, subcommands, output and exit codes. It is a shell
//! around the `rasid` library and calls only its public API.
//!
//! Data goes to stdout, diagnostics to stderr as `rasid: <message>`. A broken pipe (`rasid tag … | head`)
//! ends the run quietly with success, as ripgrep does.

mod args;
mod atomic;
mod check;
mod count;
mod coverage;
mod dates;
mod documents;
mod eval;
mod export;
mod gz;
mod html;
mod input;
mod labels;
mod parallel;
mod progress;
mod suggest;
mod tag;
mod walk;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command, GazetteerArgs};
use rasid::{Gazetteer, GazetteerBuilder, Tagger};

/// Exit code for usage errors, unreadable inputs and invalid gazetteers.
const EXIT_TROUBLE: u8 = 2;

/// An error that ends the run: what to print, and the exit code.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Print each line as `rasid: <line>` and exit with the code.
    Message(Vec<String>, u8),
    /// Stdout was closed: stop quietly with success.
    BrokenPipe,
}

impl Failure {
    pub(crate) fn trouble(message: impl Into<String>) -> Failure {
        Failure::Message(vec![message.into()], EXIT_TROUBLE)
    }
}

impl From<io::Error> for Failure {
    /// Errors while writing output.
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::trouble(format!("writing output: {e}"))
        }
    }
}

impl From<rasid::Error> for Failure {
    fn from(e: rasid::Error) -> Failure {
        Failure::Message(
            e.to_string().lines().map(str::to_owned).collect(),
            EXIT_TROUBLE,
        )
    }
}

/// Runs the command line and returns the process's exit code.
fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tag(args) => tag::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Count(args) => count::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Coverage(args) => coverage::run(&args),
        Command::Suggest(args) => suggest::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Message(lines, code)) => {
            for line in lines {
                eprintln!("rasid: {line}");
            }
            ExitCode::from(code)
        }
    }
}

/// The gazetteer builder the user's flags ask for.
fn gazetteer_builder(args: &GazetteerArgs) -> GazetteerBuilder {
    let mut builder = Gazetteer::builder();
    builder.defaults(!args.no_default_gazetteers);
    add_gazetteer_paths(&mut builder, &args.gazetteers);
    builder
}

/// Adds gazetteer files, and the `.yml`, `.yaml` and `.lst` files below directories, through the one
/// walk the inputs use (links back not followed, only regular files, sorted); what it skips is
/// warned about on stderr. A path that does not exist is left to the builder, which names it.
fn add_gazetteer_paths(builder: &mut GazetteerBuilder, paths: &[std::path::PathBuf]) {
    let is_gazetteer = |path: &std::path::Path| {
        matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yml" | "yaml" | "lst")
        )
    };
    for path in paths {
        if path.is_dir() {
            let found = walk::walk(path, &is_gazetteer, &mut |w| eprintln!("rasid: {w}"));
            for file in found.files {
                builder.add_path(file);
            }
        } else {
            builder.add_path(path);
        }
    }
}

/// Loads the gazetteers and compiles the tagger, once per run.
fn build_tagger(args: &GazetteerArgs) -> Result<Tagger, Failure> {
    if args.no_default_gazetteers && args.gazetteers.is_empty() {
        return Err(Failure::trouble(
            "--no-default-gazetteers needs at least one --gazetteer",
        ));
    }
    let gazetteer = gazetteer_builder(args).build()?;
    let lexicon = rasid::Lexicon::embedded();
    Ok(Tagger::with_options(
        gazetteer,
        lexicon,
        !args.no_person_grammar,
    ))
}

/// The gazetteer of `yaml` alone, without the defaults, for the unit tests of the subcommands.
#[cfg(test)]
fn test_gazetteer(yaml: &str) -> Gazetteer {
    Gazetteer::builder()
        .defaults(false)
        .add_yaml("t.yml", yaml)
        .build()
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}
