//! `rasid eval`: precision, recall and F1 against gold annotations in JSON Lines, brat standoff or
//! CoNLL BIO, with gold labels renamed by `--map`, and `--show` listing every error in context.
//!
//! The scoring itself lives in the library ([`rasid::eval`]); this module reads gold, tags the texts
//! and prints.

mod show;

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use rasid::Scratch;
use rasid::eval::{Counts, Evaluation, LabelMap, LabeledSpan};

use super::args::GazetteerArgs;
use super::{Failure, build_tagger};
use rasid::eval::{GoldDocument, GoldFormat as Format};
use rasid::record::MentionRecord;
use show::{Listing, Prediction};

const EXAMPLES: &str = "\
Examples:
  rasid eval --gold gold.jsonl texts/              # JSON Lines gold, texts/<id>.txt
  rasid eval --gold annotated/                     # brat: annotated/*.ann beside *.txt
  rasid eval --gold test.conll --map LOC=PLACE,PERS=PERSON,MISC=
  rasid eval --gold gold.jsonl texts/ --show       # every error in context, grouped

Gold formats (--gold-format, or guessed: a directory or .ann is brat, .jsonl/.json is JSON
Lines, any other file is JSON Lines if it starts with `{` and CoNLL otherwise):
  jsonl  {\"id\", \"entities\": [{\"start\", \"end\", \"label\", \"optional\"?, \"text\"?}]} per line;
         start/end in code points (Python string indices), end exclusive
  brat   T lines `T1<TAB>LABEL START END<TAB>text`, offsets in code points of the .txt; a
         discontinuous span is scored as its outer extent; other lines are ignored
  conll  `TOKEN TAG` per line (first and last column), BIO/IOB1/BIOES tags, blank line between
         sentences, -DOCSTART- between documents; the text is rebuilt by joining tokens with
         spaces and sentences with line breaks, and rasid tags that text

Scores: P R F1 compare exact spans, P~ R~ F1~ overlapping spans; per label, for
PLACE+ARMED_GROUP+PERSON, for all labels, and `untyped` (labels ignored).

Exit codes:
  0  scored
  2  usage error, unreadable or malformed gold or text, or invalid gazetteer";

#[derive(Debug, Args)]
#[command(after_long_help = EXAMPLES)]
pub(crate) struct EvalArgs {
    /// Gold annotations: a JSON Lines file, a brat directory or .ann file, or a CoNLL file.
    #[arg(long, value_name = "PATH")]
    pub(crate) gold: PathBuf,
    /// The gold's format; guessed from the path when not given (see --help).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) gold_format: Option<GoldFormat>,
    /// JSON Lines gold only: the directory holding `<id>.txt`, or the text file of a one-document gold.
    #[arg(value_name = "TEXTS")]
    pub(crate) texts: Option<PathBuf>,
    /// Rename gold labels before scoring, FROM=TO (repeatable or comma-separated); FROM= drops them.
    #[arg(long = "map", value_name = "FROM=TO", value_delimiter = ',', value_parser = parse_rule)]
    pub(crate) map: Vec<(String, Option<String>)>,
    /// List every false positive and false negative with its context, grouped by entity.
    #[arg(long)]
    pub(crate) show: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

/// What the gold file or directory holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum GoldFormat {
    /// JSON Lines of `{"id", "entities": [{"start", "end", "label"}]}`, texts as `TEXTS/<id>.txt`.
    Jsonl,
    /// brat standoff: `<name>.ann` beside `<name>.txt` (a directory, or one `.ann` file).
    Brat,
    /// CoNLL BIO: one `TOKEN TAG` per line, blank lines between sentences.
    Conll,
}

/// One `--map` rule.
fn parse_rule(rule: &str) -> Result<(String, Option<String>), String> {
    let (from, to) = rule
        .split_once('=')
        .ok_or_else(|| format!("expected FROM=TO (or FROM= to drop a label), found {rule:?}"))?;
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() {
        return Err(format!("no label to rename in {rule:?}"));
    }
    Ok((from.to_owned(), (!to.is_empty()).then(|| to.to_owned())))
}

/// The labels the headline figure covers, as the annotation guideline scores them.
const HEADLINE: [&str; 3] = ["PLACE", "ARMED_GROUP", "PERSON"];

pub(crate) fn run(args: &EvalArgs) -> Result<u8, Failure> {
    let mut warnings = Vec::new();
    let mut documents = read_gold(args, &mut warnings).map_err(Failure::trouble)?;
    let map = label_map(&args.map, &documents, &mut warnings);
    for document in &mut documents {
        map.apply(&mut document.entities);
    }
    let tagger = build_tagger(&args.gazetteer)?;
    warnings.extend(foreign_labels(&documents, tagger.gazetteer().labels()));
    for warning in &warnings {
        eprintln!("rasid: {warning}");
    }
    let mut evaluation = Evaluation::new();
    let mut listing = Listing::default();
    let mut scratch = Scratch::new();
    for document in &documents {
        let mut mentions = Vec::new();
        tagger.tag_with(&mut scratch, &document.text, |m| mentions.push(m))?;
        let records = MentionRecord::all(&tagger, &document.text, &mentions, false);
        let predicted: Vec<LabeledSpan> = records
            .iter()
            .map(|r| LabeledSpan::new(r.start, r.end, r.label))
            .collect();
        let findings = evaluation.add_document(&document.entities, &predicted);
        if args.show {
            let predictions: Vec<Prediction<'_>> = predicted
                .iter()
                .zip(&records)
                .map(|(span, r)| Prediction {
                    span,
                    entity_id: &r.id,
                    entity_name: r.name,
                })
                .collect();
            listing.add(
                &document.id,
                &document.text,
                &document.entities,
                &predictions,
                &findings,
            );
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.show {
        listing.write(&mut out)?;
        writeln!(out)?;
    }
    write_table(&mut out, &evaluation)?;
    out.flush()?;
    Ok(0)
}

/// Reads the gold in its format; TEXTS is for JSON Lines only, the other formats carry their text.
fn read_gold(args: &EvalArgs, warnings: &mut Vec<String>) -> Result<Vec<GoldDocument>, String> {
    let format = match args.gold_format {
        Some(format) => format,
        None => match Format::detect(&args.gold).map_err(|e| e.to_string())? {
            Format::Jsonl => GoldFormat::Jsonl,
            Format::Brat => GoldFormat::Brat,
            _ => GoldFormat::Conll,
        },
    };
    let texts = args.texts.as_deref();
    let mut gold_warnings = Vec::new();
    let read = match (format, texts) {
        (GoldFormat::Jsonl, Some(texts)) => {
            rasid::eval::read_jsonl(&args.gold, texts, &mut gold_warnings)
        }
        (GoldFormat::Jsonl, None) => {
            return Err(format!(
                "{}: JSON Lines gold needs TEXTS, the directory holding <id>.txt",
                args.gold.display()
            ));
        }
        (GoldFormat::Brat, None) => rasid::eval::read_brat(&args.gold, &mut gold_warnings),
        (GoldFormat::Conll, None) => rasid::eval::read_conll(&args.gold),
        (GoldFormat::Brat, Some(texts)) => {
            return Err(format!(
                "{}: TEXTS is for JSON Lines gold only; brat texts are the .txt files beside the .ann files",
                texts.display()
            ));
        }
        (GoldFormat::Conll, Some(texts)) => {
            return Err(format!(
                "{}: TEXTS is for JSON Lines gold only; CoNLL gold has no texts, rasid rebuilds them from the tokens",
                texts.display()
            ));
        }
    };
    warnings.extend(gold_warnings.iter().map(ToString::to_string));
    read.map_err(|e| e.to_string())
}

/// The `--map` rules; warns about rules for labels the gold does not have (a typo would otherwise
/// silently score nothing).
fn label_map(
    rules: &[(String, Option<String>)],
    documents: &[GoldDocument],
    warnings: &mut Vec<String>,
) -> LabelMap {
    let labels: BTreeSet<&str> = documents
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| e.label.as_str()))
        .collect();
    let mut map = LabelMap::new();
    for (from, to) in rules {
        if !labels.contains(from.as_str()) {
            let known: Vec<&str> = labels.iter().copied().collect();
            let known = if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            };
            warnings.push(format!(
                "warning: --map {from}={}: the gold has no label {from:?} (it has {known})",
                to.as_deref().unwrap_or_default(),
            ));
        }
        map.insert(from.clone(), to.clone());
    }
    map
}

/// A warning for each gold label (after `--map`) that the gazetteers have no type for: every span of
/// it is a miss, which is right for a type rasid does not cover but usually means a map is missing.
fn foreign_labels(documents: &[GoldDocument], types: &[String]) -> Vec<String> {
    let labels: BTreeSet<&str> = documents
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| e.label.as_str()))
        .filter(|l| !types.iter().any(|t| t == l))
        .collect();
    labels
        .into_iter()
        .map(|l| {
            format!(
                "warning: gold label {l:?} is not a gazetteer type ({}); rename it with --map {l}=TYPE or drop it with --map {l}=",
                types.join(", ")
            )
        })
        .collect()
}

/// One row of the table.
struct Row {
    name: String,
    exact: Counts,
    overlap: Counts,
}

fn rows(evaluation: &Evaluation) -> Vec<Row> {
    let (exact, overlap) = (&evaluation.exact, &evaluation.overlap);
    let mut labels: Vec<&str> = exact.per_label.keys().map(String::as_str).collect();
    // The headline labels first in guideline order, then the rest alphabetically.
    labels.sort_by_key(|l| {
        HEADLINE
            .iter()
            .position(|h| h == l)
            .unwrap_or(HEADLINE.len())
    });
    let mut rows: Vec<Row> = labels
        .iter()
        .map(|&l| Row {
            name: l.to_owned(),
            exact: exact.total([l]),
            overlap: overlap.total([l]),
        })
        .collect();
    rows.push(Row {
        name: HEADLINE.join("+"),
        exact: exact.total(HEADLINE),
        overlap: overlap.total(HEADLINE),
    });
    rows.push(Row {
        name: "all".to_owned(),
        exact: exact.all(),
        overlap: overlap.all(),
    });
    rows.push(Row {
        name: "untyped".to_owned(),
        exact: evaluation.untyped_exact,
        overlap: evaluation.untyped_overlap,
    });
    rows
}

fn write_table(out: &mut impl Write, evaluation: &Evaluation) -> io::Result<()> {
    let rows = rows(evaluation);
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("label".len());
    writeln!(
        out,
        "{:<width$}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}",
        "label", "P", "R", "F1", "P~", "R~", "F1~", "tp", "fp", "fn", "tp~", "fp~", "fn~"
    )?;
    for Row {
        name,
        exact: e,
        overlap: o,
    } in &rows
    {
        writeln!(
            out,
            "{name:<width$}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}",
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1(),
            e.true_positives,
            e.false_positives,
            e.false_negatives,
            o.true_positives,
            o.false_positives,
            o.false_negatives,
        )?;
    }
    writeln!(
        out,
        "({} documents; P R F1 tp fp fn: exact spans; ~: overlapping spans; all: every label; untyped: labels ignored)",
        evaluation.documents
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_rules() {
        assert_eq!(
            parse_rule("LOC=PLACE"),
            Ok(("LOC".to_owned(), Some("PLACE".to_owned())))
        );
        assert_eq!(parse_rule(" MISC = "), Ok(("MISC".to_owned(), None)));
        assert_eq!(
            parse_rule("LOC"),
            Err("expected FROM=TO (or FROM= to drop a label), found \"LOC\"".to_owned())
        );
        assert!(parse_rule("=PLACE").is_err());
    }

    #[test]
    fn unused_map_rules_warn() {
        let documents = [GoldDocument::new(
            "d",
            "حلب",
            vec![LabeledSpan::new(0, 3, "LOC")],
        )];
        let mut warnings = Vec::new();
        let map = label_map(
            &[
                ("LOC".into(), Some("PLACE".into())),
                ("LOCATION".into(), Some("PLACE".into())),
            ],
            &documents,
            &mut warnings,
        );
        assert_eq!(map.map("LOC"), Some("PLACE"));
        assert_eq!(
            warnings,
            ["warning: --map LOCATION=PLACE: the gold has no label \"LOCATION\" (it has LOC)"]
        );
    }
}
