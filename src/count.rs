//! Counting mentions over many documents: mentions and documents per entity, optionally per group.
//!
//! Workers each keep a [`DocumentTally`] (reused per document) and a [`Counts`], then merge their
//! `Counts` at the end. Counting is a sum, so the result does not depend on how documents were split
//! among workers.

use std::collections::{BTreeMap, HashMap};

use crate::span::EntityId;

/// Totals for one entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Mentions.
    pub mentions: u64,
    /// Documents with at least one mention.
    pub documents: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.mentions += other.mentions;
        self.documents += other.documents;
    }
}

/// Mentions per entity in one document. Dense, so that adding a mention is an index, not a hash.
#[derive(Clone, Debug)]
pub struct DocumentTally {
    mentions: Vec<u32>,
    touched: Vec<EntityId>,
}

impl DocumentTally {
    /// A tally for a gazetteer of `entities` entities.
    pub fn new(entities: usize) -> DocumentTally {
        DocumentTally {
            mentions: vec![0; entities],
            touched: Vec::new(),
        }
    }

    /// Forgets the previous document, in time proportional to the entities it mentioned.
    pub fn clear(&mut self) {
        for entity in self.touched.drain(..) {
            self.mentions[entity.as_usize()] = 0;
        }
    }

    /// Counts one mention.
    #[inline]
    pub fn add(&mut self, entity: EntityId) {
        let slot = &mut self.mentions[entity.as_usize()];
        if *slot == 0 {
            self.touched.push(entity);
        }
        *slot += 1;
    }

    /// The entities mentioned, in order of first mention, with their mention counts.
    pub fn iter(&self) -> impl Iterator<Item = (EntityId, u32)> + '_ {
        self.touched
            .iter()
            .map(|&e| (e, self.mentions[e.as_usize()]))
    }
}

/// Totals per entity, per group (one unnamed group when not grouping).
#[derive(Clone, Debug)]
pub struct Counts {
    entities: usize,
    /// Ungrouped totals, dense.
    totals: Vec<Tally>,
    /// Grouped totals, sparse: most entities never appear in most groups.
    groups: BTreeMap<String, HashMap<EntityId, Tally>>,
    documents: u64,
}

impl Counts {
    /// Empty counts for a gazetteer of `entities` entities.
    pub fn new(entities: usize) -> Counts {
        Counts {
            entities,
            totals: Vec::new(),
            groups: BTreeMap::new(),
            documents: 0,
        }
    }

    /// Adds one document's mentions, to `group` when given.
    pub fn add_document(&mut self, group: Option<&str>, document: &DocumentTally) {
        self.documents += 1;
        match group {
            None => {
                if self.totals.is_empty() {
                    self.totals = vec![Tally::default(); self.entities];
                }
                for (entity, mentions) in document.iter() {
                    self.totals[entity.as_usize()].add(Tally {
                        mentions: u64::from(mentions),
                        documents: 1,
                    });
                }
            }
            Some(group) => {
                let table = match self.groups.get_mut(group) {
                    Some(table) => table,
                    None => self.groups.entry(group.to_owned()).or_default(),
                };
                for (entity, mentions) in document.iter() {
                    table.entry(entity).or_default().add(Tally {
                        mentions: u64::from(mentions),
                        documents: 1,
                    });
                }
            }
        }
    }

    /// Adds another worker's counts.
    pub fn merge(&mut self, other: Counts) {
        self.documents += other.documents;
        if self.totals.is_empty() {
            self.totals = other.totals;
        } else {
            for (mine, theirs) in self.totals.iter_mut().zip(other.totals) {
                mine.add(theirs);
            }
        }
        for (group, table) in other.groups {
            let mine = self.groups.entry(group).or_default();
            for (entity, tally) in table {
                mine.entry(entity).or_default().add(tally);
            }
        }
    }

    /// Documents counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Every non-zero tally as (group, entity, tally); the group is `None` for ungrouped documents.
    /// Order: groups by name (ungrouped first), then entity index.
    pub fn iter(&self) -> impl Iterator<Item = (Option<&str>, EntityId, Tally)> + '_ {
        let ungrouped = self
            .totals
            .iter()
            .enumerate()
            .filter(|(_, t)| t.mentions > 0)
            .map(|(i, t)| (None, EntityId::from_usize(i), *t));
        let grouped = self.groups.iter().flat_map(|(group, table)| {
            let mut rows: Vec<(EntityId, Tally)> = table.iter().map(|(e, t)| (*e, *t)).collect();
            rows.sort_unstable_by_key(|(e, _)| *e);
            rows.into_iter()
                .map(move |(e, t)| (Some(group.as_str()), e, t))
        });
        ungrouped.chain(grouped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(entities: &[u32]) -> DocumentTally {
        let mut tally = DocumentTally::new(4);
        for &e in entities {
            tally.add(EntityId(e));
        }
        tally
    }

    #[test]
    fn mentions_and_documents() {
        let mut counts = Counts::new(4);
        counts.add_document(None, &document(&[1, 1, 2]));
        counts.add_document(None, &document(&[1]));
        let rows: Vec<_> = counts.iter().collect();
        assert_eq!(
            rows,
            [
                (
                    None,
                    EntityId(1),
                    Tally {
                        mentions: 3,
                        documents: 2
                    }
                ),
                (
                    None,
                    EntityId(2),
                    Tally {
                        mentions: 1,
                        documents: 1
                    }
                ),
            ]
        );
        assert_eq!(counts.documents(), 2);
    }

    #[test]
    fn merging_halves_equals_the_whole() {
        let docs = [
            (Some("2017-11"), vec![0, 1]),
            (Some("2017-12"), vec![1]),
            (Some("2017-11"), vec![3, 3]),
        ];
        let mut whole = Counts::new(4);
        for (group, entities) in &docs {
            whole.add_document(*group, &document(entities));
        }
        let mut first = Counts::new(4);
        first.add_document(docs[0].0, &document(&docs[0].1));
        let mut second = Counts::new(4);
        for (group, entities) in &docs[1..] {
            second.add_document(*group, &document(entities));
        }
        first.merge(second);
        assert_eq!(
            first.iter().collect::<Vec<_>>(),
            whole.iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn clearing_forgets_only_the_last_document() {
        let mut tally = document(&[2, 2]);
        tally.clear();
        tally.add(EntityId(0));
        assert_eq!(tally.iter().collect::<Vec<_>>(), [(EntityId(0), 1)]);
    }
}
