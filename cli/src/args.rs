//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use rasid::corpus::Fields;

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
    Check(super::check::CheckArgs),
    /// Count mentions per entity over many articles (CSV, TSV, JSON, JSON Lines, GeoJSON).
    #[command(after_long_help = COUNT_EXAMPLES)]
    Count(CountArgs),
    /// Score tagging against gold annotations: precision, recall and F1 per label.
    Eval(super::eval::EvalArgs),
    /// Which entities and aliases never matched over a corpus, and which matched suspiciously often.
    Coverage(super::coverage::CoverageArgs),
    /// Candidate names for hand extension, as ready-to-paste YAML stubs.
    Suggest(super::suggest::SuggestArgs),
}

const COUNT_EXAMPLES: &str = "\
Examples:
  rasid count articles/ > counts.csv
  rasid count --format geojson --label PLACE -o places.geojson corpus.jsonl.gz
  rasid count --group-by month --top 20 corpus.jsonl
  rasid count --format json -o part1.json part1.jsonl     # then:
  rasid count --merge part1.json part2.json > all.csv

Inputs: text files (.txt, .md: one document each), JSON Lines (.jsonl, .jsonl.gz: one
{\"id\", \"text\", ...} object per line), directories (searched recursively for those), and `-`
or nothing for standard input (JSON Lines when it starts with `{`).

Exit codes:
  0  every input was read
  2  something was skipped (an unreadable file, a bad JSON line), or a usage error";

const TAG_EXAMPLES: &str = "\
Examples:
  rasid tag article.txt
  rasid tag --format json article.txt
  cat article.txt | rasid tag --format tsv
  rasid tag --gazetteer my-militias.yml article.txt
  rasid tag corpus.jsonl > tagged.jsonl     # one {\"id\", ..., \"entities\"} per line
  zcat corpus.jsonl.gz | rasid tag -o tagged.jsonl
  rasid tag --format conll article.txt      # BIO per token, read back by `rasid eval --gold`
  rasid tag --format brat texts/*.txt       # NAME.ann beside each NAME.txt

Offsets: `start`/`end` count Unicode code points (as Python and spaCy do), end exclusive;
`byte_start`/`byte_end` count UTF-8 bytes. Both point into the text exactly as read.

Exit codes:
  0  success (also when nothing was found)
  2  usage error, unreadable input or invalid gazetteer (other inputs are still tagged)";

const CHECK_EXAMPLES: &str = "\
Examples:
  rasid check                              # the built-in gazetteers; counts per rule on stderr
  rasid check --summary                    # counts per file and rule only
  rasid check my-gazetteers/               # your files, checked together with the built-in ones
  rasid check --fix my-gazetteers/         # rewrite the safe findings in place, then list the rest
  rasid check --deny-warnings mine.yml     # for CI: warnings fail too

Exit codes:
  0  no errors (warnings may be printed)
  1  errors found (or warnings, with --deny-warnings)
  2  a path could not be read";

/// Which JSON fields of a JSON Lines document hold its text and id.
#[derive(Debug, Args)]
pub(crate) struct FieldArgs {
    /// The JSON field holding the text.
    #[arg(long, value_name = "FIELD", default_value = "text")]
    pub(crate) text_field: String,
    /// The JSON field holding the document id.
    #[arg(long, value_name = "FIELD", default_value = "id")]
    pub(crate) id_field: String,
}

impl FieldArgs {
    /// The fields to read, grouping by `group` (a field name, or `month` for the `YYYY-MM` of `date`).
    pub(crate) fn fields(&self, group: Option<&str>) -> Fields {
        let group = group.map(|g| {
            if g == "month" {
                ("date".to_owned(), true)
            } else {
                (g.to_owned(), false)
            }
        });
        Fields {
            text: self.text_field.clone(),
            id: self.id_field.clone(),
            group,
        }
    }
}

/// Where the gazetteers come from.
#[derive(Debug, Args)]
pub(crate) struct GazetteerArgs {
    /// Add a gazetteer file or directory of YAML files (repeatable).
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub(crate) gazetteers: Vec<PathBuf>,
    /// Use only the gazetteers given with --gazetteer, not the built-in ones.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,
    /// Find only the people the gazetteers list: no person-name grammar.
    #[arg(long)]
    pub(crate) no_person_grammar: bool,
}

#[derive(Debug, Args)]
pub(crate) struct TagArgs {
    /// Text files and JSON Lines (`.jsonl`, `.jsonl.gz`) to tag; standard input when none is given
    /// or for `-` (JSON Lines when its first non-blank character is `{`, one text otherwise).
    #[arg(value_name = "FILE")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Output format; `pretty` on a terminal and `jsonl` otherwise when not given. JSON Lines inputs
    /// always give one JSON object per document per line, their other fields passed through.
    #[arg(short, long, value_enum)]
    pub(crate) format: Option<TagFormat>,
    /// Add to each mention how it matched: the alias's rule, which part held, the normalisation
    /// steps, the number of homonyms weighed.
    #[arg(long)]
    pub(crate) explain: bool,
    /// Also list the candidates that were found but turned down, with the reason.
    #[arg(long)]
    pub(crate) explain_rejected: bool,
    /// Only the places of these countries (ISO codes: `SY,IQ`); other types are kept.
    #[arg(long = "country", value_name = "CODES", value_delimiter = ',')]
    pub(crate) countries: Vec<String>,
    /// The JSON field holding the text, for JSON Lines inputs.
    #[arg(long, value_name = "FIELD", default_value = "text")]
    pub(crate) text_field: String,
    /// Write to FILE atomically (a temporary file renamed at the end) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Worker threads (1 to 256) for `.jsonl` inputs written as JSON Lines (default: all cores); output order
    /// is input order whatever the number.
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<u64>,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

/// How `tag` writes its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TagFormat {
    /// One object `{"path", "entities"}` for one text input, an array of them for several
    /// inputs or for JSON Lines.
    Json,
    /// One `{"path", "entities"}` object per line per input.
    Jsonl,
    /// One mention per line, with a header row.
    Tsv,
    /// Aligned, readable lines.
    Pretty,
    /// One self-contained HTML page with the entities highlighted.
    Html,
    /// CoNLL BIO: one `TOKEN TAG` per line, a blank line between lines of the text, `-DOCSTART-`
    /// before each document; what `rasid eval --gold` reads back.
    Conll,
    /// brat standoff: `NAME.ann` written beside each text file `NAME.txt` (code-point offsets);
    /// what `rasid eval --gold` reads back.
    Brat,
}

#[derive(Debug, Args)]
pub(crate) struct CountArgs {
    /// Files, directories or `-`; standard input when none is given.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CountFormat::Csv)]
    pub(crate) format: CountFormat,
    /// One row per document and entity instead of totals.
    #[arg(long, conflicts_with_all = ["group_by", "merge"])]
    pub(crate) by_document: bool,
    /// Totals per value of a JSON field (`date`, `source`, …); `month` groups by the `YYYY-MM` of `date`.
    #[arg(long, value_name = "FIELD")]
    pub(crate) group_by: Option<String>,
    /// Only these types (repeatable).
    #[arg(long = "label", value_name = "LABEL")]
    pub(crate) labels: Vec<String>,
    /// Only the places of these countries (ISO codes: `SY,IQ`); other types are kept.
    #[arg(long = "country", value_name = "CODES", value_delimiter = ',')]
    pub(crate) countries: Vec<String>,
    /// Only entities with at least this many mentions.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_mentions: u64,
    /// Only the N most mentioned entities (per group with --group-by).
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,
    #[command(flatten)]
    pub(crate) fields: FieldArgs,
    /// Worker threads, 1 to 256 (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub(crate) threads: Option<u64>,
    /// Stop at the first bad document instead of skipping it.
    #[arg(long)]
    pub(crate) strict: bool,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Write to FILE atomically (a temporary file renamed at the end) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Add up the `--format json` outputs of earlier runs (the INPUTs) instead of reading articles.
    #[arg(long)]
    pub(crate) merge: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

/// How `count` writes its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CountFormat {
    /// Comma-separated values with a header (RFC 4180 quoting).
    Csv,
    /// Tab-separated values with a header.
    Tsv,
    /// One JSON object with the totals; mergeable with --merge.
    Json,
    /// One JSON object per row.
    Jsonl,
    /// An RFC 7946 FeatureCollection of the counted places that have coordinates.
    Geojson,
}

impl From<CountFormat> for rasid::count::CountFormat {
    fn from(format: CountFormat) -> Self {
        match format {
            CountFormat::Csv => Self::Csv,
            CountFormat::Tsv => Self::Tsv,
            CountFormat::Json => Self::Json,
            CountFormat::Jsonl => Self::Jsonl,
            CountFormat::Geojson => Self::Geojson,
        }
    }
}
