//! Coverage of a gazetteer over a corpus: which entities and aliases never matched (dead weight or
//! misspelt), and which matched suspiciously often (a common word slipping through), as
//! `rasid coverage` reports them.
//!
//! A [`Tally`] keeps, per alias and per entity, the mentions and the documents that hold them; the
//! [`Report`] is computed from it at the end, so memory is two counters per alias whatever the
//! corpus size. Rows name the entity's id and come in gazetteer load order, which keeps each file's
//! entities together.

use std::cmp::Ordering;
use std::io::{self, Write};

use crate::count::{CountFormat, Delimited};
use crate::gazetteer::{Entity, Gazetteer};
use crate::tagger::{Mention, Named};

/// What ranks the frequent aliases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rank {
    /// Mentions per document that holds the alias: a word that keeps firing inside an article.
    PerDocument,
    /// Share of all documents that hold the alias: a word that fires everywhere.
    Share,
    /// Total mentions.
    Mentions,
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
#[derive(Clone, Debug)]
pub struct Tally {
    documents: u64,
    mentions: u64,
    aliases: Vec<Counter>,
    entities: Vec<Counter>,
}

impl Tally {
    /// Zero counters for every alias and entity of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Tally {
        Tally {
            documents: 0,
            mentions: 0,
            aliases: vec![Counter::default(); gazetteer.aliases().len()],
            entities: vec![Counter::default(); gazetteer.len()],
        }
    }

    /// Starts the next document; its mentions follow.
    pub fn start_document(&mut self) {
        self.documents += 1;
    }

    /// Takes back a document that could not be tagged; tagging fails before any mention, so no
    /// counter holds its number.
    pub fn forget_document(&mut self) {
        self.documents -= 1;
    }

    fn add(&mut self, entity: usize, alias: usize) {
        self.mentions += 1;
        self.aliases[alias].add(self.documents);
        self.entities[entity].add(self.documents);
    }

    /// Counts one mention of the current document. Coverage is about the gazetteer's aliases: the
    /// people the name grammar finds have none and are not counted.
    pub fn add_mention(&mut self, mention: &Mention) {
        if let Named::Entity { entity, alias } = mention.named {
            self.add(entity.as_usize(), alias.as_usize());
        }
    }

    /// Documents counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Mentions counted.
    pub fn mentions(&self) -> u64 {
        self.mentions
    }
}

/// One row of the report.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Row<'g> {
    /// The entity.
    pub entity: &'g Entity,
    /// Its type.
    pub label: &'g str,
    /// The alias, or the entity's name for an unmatched entity.
    pub alias: &'g str,
    /// The alias's rule; empty for an unmatched entity.
    pub when: &'static str,
    /// Mentions through the alias.
    pub mentions: u64,
    /// Documents holding the alias.
    pub documents: u64,
}

impl Row<'_> {
    /// Mentions per document that holds the alias.
    pub fn per_document(&self) -> f64 {
        if self.documents == 0 {
            0.0
        } else {
            self.mentions as f64 / self.documents as f64
        }
    }
}

/// The three lists, filtered and in their final order.
#[derive(Debug)]
#[non_exhaustive]
pub struct Report<'g> {
    /// Documents counted.
    pub documents: u64,
    /// The `top` most frequent aliases, by the rank asked for.
    pub frequent: Vec<Row<'g>>,
    /// Aliases that never matched, of entities that did.
    pub unmatched_aliases: Vec<Row<'g>>,
    /// Entities that never matched.
    pub unmatched_entities: Vec<Row<'g>>,
}

impl<'g> Report<'g> {
    /// The report of a tally over `gazetteer`: only entities of `labels` (all when empty), the
    /// `top` frequent aliases by `rank`.
    pub fn new(
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

    /// The share of all documents that hold the row's alias.
    pub fn share(&self, row: &Row<'_>) -> f64 {
        if self.documents == 0 {
            0.0
        } else {
            row.documents as f64 / self.documents as f64
        }
    }

    /// Writes one row per finding, with a header; the first column names the list.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn write_tsv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut table = Delimited::new(out, CountFormat::Tsv);
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
    /// Writes aligned sections for reading.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn write_table(&self, out: &mut dyn Write, rank: Rank) -> io::Result<()> {
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
        Gazetteer::builder()
            .defaults(false)
            .add_yaml("t.yml", yaml)
            .build()
            .unwrap_or_else(|e| panic!("{e}\n{yaml}"))
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
