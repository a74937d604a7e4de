//! `rasid coverage`: which entities and aliases never matched over a corpus (dead weight or
//! misspelt), and which matched suspiciously often (a common word slipping through).
//!
//! One pass over the corpus tallies, per alias and per entity, the mentions and the documents that hold
//! them; the report is computed from those tallies at the end, so memory is two counters per alias
//! whatever the corpus size. Reading is streamed and single-threaded: the report is a by-product of
//! tagging, and a gazetteer review runs over a sample rather than a whole archive (`count` is the
//! parallel tool for that).
//!
//! The library does not record which file an entity came from, so rows name the entity's id and come
//! in gazetteer load order (built-in files first, then `--gazetteer` files in the order given), which
//! keeps each file's entities together.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use rasid::Scratch;
use rasid::coverage::{Report, Tally};

use super::args::{FieldArgs, GazetteerArgs};
use super::documents::each_document;
use super::{EXIT_TROUBLE, Failure, build_tagger};

const EXAMPLES: &str = "\
Examples:
  rasid coverage articles/                          # TSV: frequent, then unmatched aliases and entities
  rasid coverage --format table --top 30 corpus.jsonl.gz
  rasid coverage --no-default-gazetteers -g mine.yml --label ARMED_GROUP articles/
  rasid coverage corpus.jsonl | grep '^unmatched-entity'

Rows (TSV columns kind, id, label, alias, when, mentions, documents, per_document, share):
  frequent          the --top aliases by --rank-by; per_document is mentions / documents holding
                    the alias, share is documents holding it / all documents
  unmatched-alias   an alias that never matched, of an entity that matched through another alias
  unmatched-entity  an entity none of whose aliases matched (alias is its name)

Exit codes:
  0  every input was read
  2  something was skipped (an unreadable file, a bad JSON line), or a usage error";

#[derive(Debug, Args)]
#[command(after_long_help = EXAMPLES)]
pub(crate) struct CoverageArgs {
    /// Files, directories or `-` (as for `count`); standard input when none is given.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CoverageFormat::Tsv)]
    pub(crate) format: CoverageFormat,
    /// Only entities of these types (repeatable).
    #[arg(long = "label", value_name = "LABEL")]
    pub(crate) labels: Vec<String>,
    /// How many of the most frequent aliases to list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub(crate) top: usize,
    /// What makes an alias frequent.
    #[arg(long, value_enum, default_value_t = Rank::PerDocument)]
    pub(crate) rank_by: Rank,
    #[command(flatten)]
    pub(crate) fields: FieldArgs,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

/// How `coverage` writes its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum CoverageFormat {
    /// One row per finding, with a header; the first column says which list it belongs to.
    Tsv,
    /// Aligned sections for reading.
    Table,
}

/// What ranks the frequent aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Rank {
    /// Mentions per document that holds the alias: a word that keeps firing inside an article.
    PerDocument,
    /// Share of all documents that hold the alias: a word that fires everywhere.
    Share,
    /// Total mentions.
    Mentions,
}

impl From<Rank> for rasid::coverage::Rank {
    fn from(rank: Rank) -> Self {
        match rank {
            Rank::PerDocument => Self::PerDocument,
            Rank::Share => Self::Share,
            Rank::Mentions => Self::Mentions,
        }
    }
}

pub(crate) fn run(args: &CoverageArgs) -> Result<u8, Failure> {
    let tagger = build_tagger(&args.gazetteer)?;
    let gazetteer = tagger.gazetteer();
    let labels = super::labels::resolve(&args.labels, gazetteer.labels())?;
    let fields = args.fields.fields(None);
    let mut tally = Tally::new(gazetteer);
    let mut scratch = Scratch::new();
    let reading = each_document(&args.inputs, &fields, args.quiet, &mut |document| {
        tally.start_document();
        let tagged = tagger.tag_with(&mut scratch, &document.text, |m| {
            // Coverage is about the gazetteer's aliases: the grammar's people have none.
            tally.add_mention(&m);
        });
        tagged.map_err(|e| {
            tally.forget_document();
            format!("{}: {e}", document.id)
        })
    });
    let rank = args.rank_by.into();
    let report = Report::new(gazetteer, &tally, &labels, args.top, rank);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        CoverageFormat::Tsv => report.write_tsv(&mut out)?,
        CoverageFormat::Table => report.write_table(&mut out, rank)?,
    }
    out.flush()?;
    if !args.quiet {
        eprintln!(
            "rasid: {} documents, {} mentions; never matched: {} entities, {} aliases of matched entities; skipped {} inputs and {} documents",
            tally.documents(),
            tally.mentions(),
            report.unmatched_entities.len(),
            report.unmatched_aliases.len(),
            reading.skipped_inputs,
            reading.skipped_documents
        );
    }
    Ok(if reading.skipped() > 0 {
        EXIT_TROUBLE
    } else {
        0
    })
}
