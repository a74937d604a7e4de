//! `rasid eval`: precision, recall and F1 against gold annotations.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Deserialize;

use rasid::Scratch;
use rasid::eval::{LabeledSpan, MatchMode, Outcome, Scores};

use super::args::GazetteerArgs;
use super::output::records;
use super::{Failure, build_tagger};

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

/// The labels the headline figure covers, as the annotation guideline scores them.
const HEADLINE: [&str; 3] = ["PLACE", "ARMED_GROUP", "PERSON"];

#[derive(Deserialize)]
struct GoldDocument {
    id: String,
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    optional: bool,
}

pub(crate) fn run(args: &EvalArgs) -> Result<u8, Failure> {
    let tagger = build_tagger(&args.gazetteer)?;
    let documents = read_gold(&args.gold)?;
    let mut exact = Scores::default();
    let mut overlap = Scores::default();
    let mut scratch = Scratch::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for document in &documents {
        // A single-document gold may name its text file directly.
        let path = if args.texts.is_dir() {
            args.texts.join(format!("{}.txt", document.id))
        } else {
            args.texts.clone()
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Failure::trouble(format!("{}: {e}", path.display())))?;
        let mut mentions = Vec::new();
        tagger.tag_with(&mut scratch, &text, |m| mentions.push(m))?;
        let predicted: Vec<LabeledSpan> = records(&tagger, &text, &mentions)
            .into_iter()
            .map(|r| LabeledSpan {
                start: r.start,
                end: r.end,
                label: r.label.to_owned(),
                optional: false,
            })
            .collect();
        let gold: Vec<LabeledSpan> = document
            .entities
            .iter()
            .map(|g| LabeledSpan {
                start: g.start,
                end: g.end,
                label: g.label.clone(),
                optional: g.optional,
            })
            .collect();
        let outcome = exact.add_document(&gold, &predicted, MatchMode::Exact);
        overlap.add_document(&gold, &predicted, MatchMode::Overlap);
        if args.show {
            show_errors(&mut out, &document.id, &text, &outcome)?;
        }
    }
    write_table(&mut out, &exact, &overlap)?;
    out.flush()?;
    Ok(0)
}

/// Reads gold as JSON Lines, or as one JSON object for a single document.
fn read_gold(path: &Path) -> Result<Vec<GoldDocument>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::trouble(format!("{}: {e}", path.display())))?;
    if let Ok(single) = serde_json::from_str::<GoldDocument>(&text) {
        return Ok(vec![single]);
    }
    let mut documents = Vec::new();
    for (number, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let document = serde_json::from_str(line)
            .map_err(|e| Failure::trouble(format!("{}:{}: {e}", path.display(), number + 1)))?;
        documents.push(document);
    }
    Ok(documents)
}

fn write_table(out: &mut impl Write, exact: &Scores, overlap: &Scores) -> io::Result<()> {
    writeln!(
        out,
        "{:<24} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
        "label", "P", "R", "F1", "P~", "R~", "F1~", "tp", "fp", "fn"
    )?;
    let mut labels: Vec<&str> = exact.per_label.keys().map(String::as_str).collect();
    labels.sort_by_key(|l| {
        HEADLINE
            .iter()
            .position(|h| h == l)
            .unwrap_or(HEADLINE.len())
    });
    let rows = labels
        .iter()
        .map(|l| (l.to_string(), vec![*l]))
        .chain(std::iter::once((HEADLINE.join("+"), HEADLINE.to_vec())));
    for (name, labels) in rows {
        let e = exact.total(labels.iter().copied());
        let o = overlap.total(labels.iter().copied());
        writeln!(
            out,
            "{name:<24} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>5} {:>5} {:>5}",
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1(),
            e.true_positives,
            e.false_positives,
            e.false_negatives
        )?;
    }
    writeln!(
        out,
        "(P R F1: exact spans; P~ R~ F1~: overlapping spans; counts are exact)"
    )
}

fn show_errors(out: &mut impl Write, id: &str, text: &str, outcome: &Outcome) -> io::Result<()> {
    let chars: Vec<char> = text.chars().collect();
    let context = |s: &LabeledSpan| -> String {
        let before: String = chars[s.start.saturating_sub(40)..s.start].iter().collect();
        let inside: String = chars[s.start..s.end.min(chars.len())].iter().collect();
        let after: String = chars[s.end.min(chars.len())..(s.end + 40).min(chars.len())]
            .iter()
            .collect();
        format!(
            "{}[[{inside}]]{}",
            before.replace('\n', " "),
            after.replace('\n', " ")
        )
    };
    for s in &outcome.false_positives {
        writeln!(
            out,
            "{id}\tFP\t{}\t{}-{}\t{}",
            s.label,
            s.start,
            s.end,
            context(s)
        )?;
    }
    for s in &outcome.false_negatives {
        writeln!(
            out,
            "{id}\tFN\t{}\t{}-{}\t{}",
            s.label,
            s.start,
            s.end,
            context(s)
        )?;
    }
    Ok(())
}
