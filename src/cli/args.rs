//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when nothing was found)
  1  `check` found errors
  2  usage error, unreadable input or invalid gazetteer";

/// Find places, armed groups, people and organisations in Arabic news text.
#[derive(Debug, Parser)]
#[command(name = "rasid", version, after_long_help = EXIT_CODES)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Tag articles: every mention with its span, type and entity.
    #[command(after_long_help = TAG_EXAMPLES)]
    Tag(TagArgs),
    /// Validate gazetteers: every problem at once, as path:line:col.
    #[command(after_long_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Score tagging against gold annotations: precision, recall and F1 per label.
    Eval(EvalArgs),
}

const TAG_EXAMPLES: &str = "\
Examples:
  rasid tag article.txt
  rasid tag --format json article.txt
  cat article.txt | rasid tag --format tsv
  rasid tag --gazetteer my-militias.yml article.txt

Offsets: `start`/`end` count Unicode code points (as Python and spaCy do), end exclusive;
`byte_start`/`byte_end` count UTF-8 bytes. Both point into the text exactly as read.

Exit codes:
  0  success (also when nothing was found)
  2  usage error, unreadable input or invalid gazetteer (other inputs are still tagged)";

const CHECK_EXAMPLES: &str = "\
Examples:
  rasid check                  # the built-in gazetteers
  rasid check my-gazetteers/   # your files, checked together with the built-in ones

Exit codes:
  0  no errors (warnings may be printed)
  1  errors found
  2  a path could not be read";

/// Where the gazetteers come from.
#[derive(Debug, Args)]
pub(crate) struct GazetteerArgs {
    /// Add a gazetteer file or directory of YAML files (repeatable).
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub(crate) gazetteers: Vec<PathBuf>,
    /// Use only the gazetteers given with --gazetteer, not the built-in ones.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,
}

#[derive(Debug, Args)]
pub(crate) struct TagArgs {
    /// Text files to tag; standard input when none is given or for `-`.
    #[arg(value_name = "FILE")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Output format; `pretty` on a terminal and `jsonl` otherwise when not given.
    #[arg(short, long, value_enum)]
    pub(crate) format: Option<TagFormat>,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

/// How `tag` writes its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TagFormat {
    /// One object `{"path", "entities"}` for one input, an array of them for several.
    Json,
    /// One `{"path", "entities"}` object per line per input.
    Jsonl,
    /// One mention per line, with a header row.
    Tsv,
    /// Aligned, readable lines.
    Pretty,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Gazetteer files or directories to check; the built-in gazetteers when none is given.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Check the given files alone, not together with the built-in gazetteers.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,
}

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    /// Gold annotations: JSON Lines of {"id", "entities": [{"start", "end", "label"}]} (code points).
    #[arg(long, value_name = "FILE")]
    pub(crate) gold: PathBuf,
    /// Directory holding `<id>.txt` for every gold document, or the text file of a one-document gold.
    #[arg(value_name = "TEXTS")]
    pub(crate) texts: PathBuf,
    /// List every false positive and false negative with its context.
    #[arg(long)]
    pub(crate) show: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}
