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
mod documents;
mod eval;
mod export;
mod html;
mod input;
mod labels;
mod progress;
mod suggest;
mod tag;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command, GazetteerArgs};
#[cfg(test)]
use rasid::Gazetteer;
use rasid::{Tagger, TaggerBuilder};

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

/// The tagger the user's flags ask for: gazetteer files and directories (through the one walk the
/// inputs use; what it skips is warned about on stderr), the defaults or not, the name grammar.
fn tagger_builder(args: &GazetteerArgs) -> TaggerBuilder {
    let mut builder = Tagger::builder();
    builder
        .defaults(!args.no_default_gazetteers)
        .person_grammar(!args.no_person_grammar);
    for path in &args.gazetteers {
        builder.gazetteer_path(path);
    }
    builder
}

/// Loads the gazetteers and compiles the tagger, once per run.
fn build_tagger(args: &GazetteerArgs) -> Result<Tagger, Failure> {
    if args.no_default_gazetteers && args.gazetteers.is_empty() {
        return Err(Failure::trouble(
            "--no-default-gazetteers needs at least one --gazetteer",
        ));
    }
    Ok(tagger_builder(args).build_reporting(&mut |w| eprintln!("rasid: {w}"))?)
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
