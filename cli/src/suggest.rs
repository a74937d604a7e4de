//! `rasid suggest`: candidate names for hand extension, found after cue words and printed as
//! ready-to-paste YAML stubs. The finding is the library's ([`rasid::suggest`]); this module reads
//! the corpus and prints.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use rasid::suggest::{Collector, Header, write_stubs};

use super::args::{FieldArgs, GazetteerArgs};
use super::documents::each_document;
use super::{EXIT_TROUBLE, Failure, build_tagger};

const EXAMPLES: &str = "\
Examples:
  rasid suggest articles/ > candidates.yml     # review, then paste into a gazetteer file
  rasid suggest --min-count 3 --top 50 corpus.jsonl.gz
  rasid check candidates.yml                   # the stubs pass as they are

Each stub is preceded by a comment with its count, the cue words it followed and the first sentence
it was seen in. The type comes from the cue: PLACE after مدينة, بلدة, قرية, حي, ناحية, محافظة, قضاء;
ARMED_GROUP after فصيل, لواء, ألوية, كتائب, كتيبة, سرايا, حركة, جبهة, فرقة, تجمع, ميليشيا;
PERSON after القائد, القيادي, العقيد, العميد, اللواء, النقيب, الرائد, المقدم, الأمير, الزعيم, الشيخ,
المدعو; ORG after الناطق باسم, المتحدث باسم (the spokesman speaks for an organisation).

Exit codes:
  0  every input was read
  2  something was skipped (an unreadable file, a bad JSON line), or a usage error";

#[derive(Debug, Args)]
#[command(after_long_help = EXAMPLES)]
pub(crate) struct SuggestArgs {
    /// Files, directories or `-` (as for `count`); standard input when none is given.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Only candidates seen at least this many times.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_count: u64,
    /// Only the N most frequent candidates.
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,
    #[command(flatten)]
    pub(crate) fields: FieldArgs,
    /// No summary on standard error.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

pub(crate) fn run(args: &SuggestArgs) -> Result<u8, Failure> {
    let tagger = build_tagger(&args.gazetteer)?;
    let fields = args.fields.fields(None);
    let mut collector = Collector::new(&tagger);
    let mut documents = 0u64;
    let reading = each_document(&args.inputs, &fields, args.quiet, &mut |document| {
        collector
            .add(document)
            .map(|()| documents += 1)
            .map_err(|e| e.to_string())
    });
    let mut candidates = collector.finish();
    candidates.retain(|c| c.count() >= args.min_count);
    if let Some(top) = args.top {
        candidates.truncate(top);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let header = Header::new(
        candidates.len(),
        documents,
        args.min_count,
        corpus_name(&args.inputs),
    );
    write_stubs(&mut out, &header, &candidates, tagger.gazetteer())?;
    out.flush()?;
    if !args.quiet {
        eprintln!(
            "rasid: {} candidates from {documents} documents; skipped {} inputs and {} documents",
            candidates.len(),
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

/// How the corpus is named in `sources:`.
fn corpus_name(inputs: &[PathBuf]) -> String {
    if inputs.is_empty() {
        return "standard input".to_owned();
    }
    let names: Vec<String> = inputs
        .iter()
        .map(|p| match p.to_str() {
            Some("-") => "standard input".to_owned(),
            _ => p.display().to_string(),
        })
        .collect();
    names.join(" ")
}
