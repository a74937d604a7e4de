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

use std::cmp::Ordering;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use rasid::{Entity, Gazetteer, Scratch};

use super::args::{FieldArgs, GazetteerArgs};
use super::documents::each_document;
use super::{EXIT_TROUBLE, Failure, build_tagger};
use rasid::count::Delimited;

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
            if let rasid::Named::Entity { entity, alias } = m.named {
                tally.add(entity.as_usize(), alias.as_usize())
            }
        });
        tagged.map_err(|e| {
            tally.forget_document();
            format!("{}: {e}", document.id)
        })
    });
    let report = Report::new(gazetteer, &tally, &labels, args.top, args.rank_by);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        CoverageFormat::Tsv => report.write_tsv(&mut out)?,
        CoverageFormat::Table => report.write_table(&mut out, args.rank_by)?,
    }
    out.flush()?;
    if !args.quiet {
        eprintln!(
            "rasid: {} documents, {} mentions; never matched: {} entities, {} aliases of matched entities; skipped {} inputs and {} documents",
            tally.documents,
            tally.mentions,
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

/// Mentions and documents of one alias or entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counter {
    mentions: u64,
    documents: u64,
    /// The number of the last document that counted here (1-based), so that a document counts once
    /// without clearing anything between documents.
    last_document: u64,
}

impl Counter {
    fn add(&mut self, document: u64) {
        self.mentions += 1;
        if self.last_document != document {
            self.last_document = document;
            self.documents += 1;
        }
    }
}

/// Counters for every alias and entity of the gazetteer, indexed like its tables.
#[derive(Debug)]
struct Tally {
    documents: u64,
    mentions: u64,
    aliases: Vec<Counter>,
    entities: Vec<Counter>,
}

impl Tally {
    fn new(gazetteer: &Gazetteer) -> Tally {
        Tally {
            documents: 0,
            mentions: 0,
            aliases: vec![Counter::default(); gazetteer.aliases().len()],
            entities: vec![Counter::default(); gazetteer.len()],
        }
    }

    fn start_document(&mut self) {
        self.documents += 1;
    }

    /// Takes back a document that could not be tagged; tagging fails before any mention, so no
    /// counter holds its number.
    fn forget_document(&mut self) {
        self.documents -= 1;
    }

    fn add(&mut self, entity: usize, alias: usize) {
        self.mentions += 1;
        self.aliases[alias].add(self.documents);
        self.entities[entity].add(self.documents);
    }
}

/// One row of the report.
#[derive(Clone, Debug)]
struct Row<'g> {
    entity: &'g Entity,
    label: &'g str,
    /// The alias, or the entity's name for an unmatched entity.
    alias: &'g str,
    /// The alias's rule; empty for an unmatched entity.
    when: &'static str,
    mentions: u64,
    documents: u64,
}

impl Row<'_> {
    fn per_document(&self) -> f64 {
        if self.documents == 0 {
            0.0
        } else {
            self.mentions as f64 / self.documents as f64
        }
    }
}

/// The three lists, filtered and in their final order.
#[derive(Debug)]
struct Report<'g> {
    documents: u64,
    frequent: Vec<Row<'g>>,
    unmatched_aliases: Vec<Row<'g>>,
    unmatched_entities: Vec<Row<'g>>,
}

impl<'g> Report<'g> {
    fn new(
        gazetteer: &'g Gazetteer,
        tally: &Tally,
        labels: &[String],
        top: usize,
        rank: Rank,
    ) -> Report<'g> {
        let wanted = |entity: &Entity| {
            labels.is_empty()
                || labels
                    .iter()
                    .any(|l| l == gazetteer.label_name(entity.label))
        };
        let mut frequent = Vec::new();
        let mut unmatched_aliases = Vec::new();
        for (alias, counter) in gazetteer.aliases().iter().zip(&tally.aliases) {
            let entity = gazetteer.entity(alias.entity);
            if !wanted(entity) {
                continue;
            }
            let row = Row {
                entity,
                label: gazetteer.label_name(entity.label),
                alias: &alias.text,
                when: alias.when.as_str(),
                mentions: counter.mentions,
                documents: counter.documents,
            };
            if counter.mentions > 0 {
                frequent.push(row);
            } else if tally.entities[alias.entity.as_usize()].mentions > 0 {
                unmatched_aliases.push(row);
            }
        }
        frequent.sort_by(|a, b| by_rank(rank, a, b));
        frequent.truncate(top);
        let unmatched_entities = gazetteer
            .entities()
            .iter()
            .zip(&tally.entities)
            .filter(|(entity, counter)| counter.mentions == 0 && wanted(entity))
            .map(|(entity, _)| Row {
                entity,
                label: gazetteer.label_name(entity.label),
                alias: &entity.name,
                when: "",
                mentions: 0,
                documents: 0,
            })
            .collect();
        Report {
            documents: tally.documents,
            frequent,
            unmatched_aliases,
            unmatched_entities,
        }
    }

    fn share(&self, row: &Row<'_>) -> f64 {
        if self.documents == 0 {
            0.0
        } else {
            row.documents as f64 / self.documents as f64
        }
    }

    fn write_tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Delimited::new(out, rasid::count::CountFormat::Tsv);
        table.row(&[
            "kind",
            "id",
            "label",
            "alias",
            "when",
            "mentions",
            "documents",
            "per_document",
            "share",
        ])?;
        let lists = [
            ("frequent", &self.frequent),
            ("unmatched-alias", &self.unmatched_aliases),
            ("unmatched-entity", &self.unmatched_entities),
        ];
        for (kind, rows) in lists {
            for row in rows {
                table.row(&[
                    kind,
                    &row.entity.id,
                    row.label,
                    row.alias,
                    row.when,
                    &row.mentions.to_string(),
                    &row.documents.to_string(),
                    &format!("{:.2}", row.per_document()),
                    &format!("{:.4}", self.share(row)),
                ])?;
            }
        }
        Ok(())
    }

    /// Numbers first and Arabic last on each line, so that right-to-left text cannot reorder the
    /// columns on a terminal.
    fn write_table(&self, out: &mut dyn Write, rank: Rank) -> io::Result<()> {
        let ranked = match rank {
            Rank::PerDocument => "mentions per document holding it",
            Rank::Share => "share of documents",
            Rank::Mentions => "mentions",
        };
        writeln!(
            out,
            "most frequent aliases, by {ranked} ({} documents):",
            self.documents
        )?;
        let frequent: Vec<[String; 6]> = self
            .frequent
            .iter()
            .map(|r| {
                [
                    r.mentions.to_string(),
                    r.documents.to_string(),
                    format!("{:.2}", r.per_document()),
                    format!("{:.1}%", 100.0 * self.share(r)),
                    format!("{} {}", r.label, r.entity.id),
                    r.alias.to_owned(),
                ]
            })
            .collect();
        write_aligned(
            out,
            [
                "mentions",
                "documents",
                "per doc",
                "share",
                "entity",
                "alias",
            ],
            &frequent,
        )?;
        writeln!(
            out,
            "\naliases that never matched, of entities that did: {}",
            self.unmatched_aliases.len()
        )?;
        let aliases: Vec<[String; 3]> = self
            .unmatched_aliases
            .iter()
            .map(|r| {
                [
                    r.when.to_owned(),
                    format!("{} {}", r.label, r.entity.id),
                    r.alias.to_owned(),
                ]
            })
            .collect();
        write_aligned(out, ["when", "entity", "alias"], &aliases)?;
        writeln!(
            out,
            "\nentities that never matched: {}",
            self.unmatched_entities.len()
        )?;
        let entities: Vec<[String; 2]> = self
            .unmatched_entities
            .iter()
            .map(|r| [format!("{} {}", r.label, r.entity.id), r.alias.to_owned()])
            .collect();
        write_aligned(out, ["entity", "name"], &entities)
    }
}

/// Writes a header and rows in columns padded to their widest cell (in characters); the last
/// column is not padded.
fn write_aligned<const N: usize>(
    out: &mut dyn Write,
    header: [&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header = header.map(str::to_owned);
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::from(" ");
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            line.push(' ');
            line.push_str(cell);
            if i + 1 < N {
                let pad = width - cell.chars().count();
                line.extend(std::iter::repeat_n(' ', pad + 1));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The order of the frequent list: the rank's measure, then mentions, documents, id and alias, so
/// that the order is total and the same on every run.
fn by_rank(rank: Rank, a: &Row<'_>, b: &Row<'_>) -> Ordering {
    let first = match rank {
        // mentions/documents compared as exact fractions: a.m/a.d > b.m/b.d ⇔ a.m·b.d > b.m·a.d
        Rank::PerDocument => (u128::from(b.mentions) * u128::from(a.documents))
            .cmp(&(u128::from(a.mentions) * u128::from(b.documents))),
        Rank::Share => b.documents.cmp(&a.documents),
        Rank::Mentions => b.mentions.cmp(&a.mentions),
    };
    first
        .then(b.mentions.cmp(&a.mentions))
        .then(b.documents.cmp(&a.documents))
        .then_with(|| a.entity.id.cmp(&b.entity.id))
        .then_with(|| a.alias.cmp(b.alias))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let yaml = "\
- {id: p:a, type: PLACE, name: الف, name_en: A, aliases: [الفين]}
- {id: p:b, type: PLACE, name: باء, name_en: B}
- {id: g:c, type: ARMED_GROUP, name: جيم, name_en: C}";
        crate::test_gazetteer(yaml)
    }

    /// Documents as lists of (entity, alias) indexes.
    fn tally(gazetteer: &Gazetteer, documents: &[&[(usize, usize)]]) -> Tally {
        let mut tally = Tally::new(gazetteer);
        for document in documents {
            tally.start_document();
            for &(entity, alias) in *document {
                tally.add(entity, alias);
            }
        }
        tally
    }

    fn ids<'a>(rows: &'a [Row<'_>]) -> Vec<(&'a str, &'a str)> {
        rows.iter()
            .map(|r| (r.entity.id.as_str(), r.alias))
            .collect()
    }

    #[test]
    fn a_document_counts_once_per_alias() {
        let g = gazetteer();
        let t = tally(&g, &[&[(0, 0), (0, 0), (0, 1)], &[(0, 0)]]);
        assert_eq!((t.aliases[0].mentions, t.aliases[0].documents), (3, 2));
        assert_eq!((t.aliases[1].mentions, t.aliases[1].documents), (1, 1));
        assert_eq!((t.entities[0].mentions, t.entities[0].documents), (4, 2));
        assert_eq!((t.documents, t.mentions), (2, 4));
    }

    #[test]
    fn lists_split_matched_and_unmatched() {
        let g = gazetteer();
        // Aliases: 0 الف, 1 الفين (both p:a), 2 باء, 3 جيم.
        let t = tally(&g, &[&[(0, 0)], &[(2, 3)]]);
        let report = Report::new(&g, &t, &[], 10, Rank::PerDocument);
        assert_eq!(ids(&report.frequent), [("g:c", "جيم"), ("p:a", "الف")]);
        assert_eq!(ids(&report.unmatched_aliases), [("p:a", "الفين")]);
        assert_eq!(ids(&report.unmatched_entities), [("p:b", "باء")]);
        let places = Report::new(&g, &t, &["PLACE".to_owned()], 10, Rank::PerDocument);
        assert_eq!(ids(&places.frequent), [("p:a", "الف")]);
        assert_eq!(ids(&places.unmatched_entities), [("p:b", "باء")]);
    }

    #[test]
    fn ranks() {
        let g = gazetteer();
        // الف: 4 mentions in 1 document; باء: 3 in 3; جيم: 2 in 2 of 4 documents.
        let t = tally(
            &g,
            &[
                &[(0, 0), (0, 0), (0, 0), (0, 0), (1, 2), (2, 3)],
                &[(1, 2), (2, 3)],
                &[(1, 2)],
                &[],
            ],
        );
        let rows: &[(&str, Rank, &[&str])] = &[
            ("per document", Rank::PerDocument, &["الف", "باء", "جيم"]),
            ("share", Rank::Share, &["باء", "جيم", "الف"]),
            ("mentions", Rank::Mentions, &["الف", "باء", "جيم"]),
        ];
        let names: std::collections::HashSet<_> = rows.iter().map(|r| r.0).collect();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for &(name, rank, expected) in rows {
            let report = Report::new(&g, &t, &[], 10, rank);
            let got: Vec<&str> = report.frequent.iter().map(|r| r.alias).collect();
            assert_eq!(got, expected, "{name}");
        }
        let top = Report::new(&g, &t, &[], 1, Rank::Share);
        assert_eq!(ids(&top.frequent), [("p:b", "باء")]);
    }
}
