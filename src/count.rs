//! Counting mentions over many documents: mentions and documents per entity, optionally per group.
//!
//! Workers each keep a [`DocumentTally`] (reused per document) and a [`Counts`], then merge their
//! `Counts` at the end. Counting is a sum, so the result does not depend on how documents were split
//! among workers.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

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

    /// Counts one mention. An entity past the gazetteer's (see [`AutoEntities`]) grows the tally.
    #[inline]
    pub fn add(&mut self, entity: EntityId) {
        if entity.as_usize() >= self.mentions.len() {
            self.mentions.resize(entity.as_usize() + 1, 0);
        }
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
                    if entity.as_usize() >= self.totals.len() {
                        self.totals.resize(entity.as_usize() + 1, Tally::default());
                    }
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
        if self.totals.len() < other.totals.len() {
            self.totals.resize(other.totals.len(), Tally::default());
        }
        for (mine, theirs) in self.totals.iter_mut().zip(other.totals) {
            mine.add(theirs);
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

/// People the name grammar found, numbered after the gazetteer's entities so that tallies count
/// them like any entity. Shared by the workers of one run; an id is numbered once.
#[derive(Debug, Default)]
pub struct AutoEntities {
    base: usize,
    table: Mutex<AutoTable>,
}

#[derive(Debug, Default)]
struct AutoTable {
    numbers: HashMap<String, EntityId>,
    /// (id, name) by number after `base`.
    entities: Vec<(String, String)>,
}

impl AutoEntities {
    /// Numbers after a gazetteer of `base` entities.
    pub fn new(base: usize) -> AutoEntities {
        AutoEntities {
            base,
            table: Mutex::new(AutoTable::default()),
        }
    }

    /// The number of the entity `id`, given one the first time it is seen. Of the spellings of the
    /// name seen with it (`إبراهيم`, `ابراهيم`), the first in byte order is kept, so the name does not
    /// depend on which worker saw which document first.
    pub fn number(&self, id: &str, name: &str) -> EntityId {
        // A worker that panicked left the table consistent: every insert is one step.
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&number) = table.numbers.get(id) {
            let index = number.as_usize() - self.base;
            let kept = &mut table.entities[index].1;
            if name < kept.as_str() {
                name.clone_into(kept);
            }
            return number;
        }
        let number = EntityId::from_usize(self.base + table.entities.len());
        table.numbers.insert(id.to_owned(), number);
        table.entities.push((id.to_owned(), name.to_owned()));
        number
    }

    /// The (id, name) of a numbered entity; `None` for a gazetteer entity's number.
    pub fn get(&self, number: EntityId) -> Option<(String, String)> {
        let table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        let index = number.as_usize().checked_sub(self.base)?;
        table.entities.get(index).cloned()
    }

    /// Every entity numbered, as (id, name), in number order from the gazetteer's size on.
    pub fn into_entities(self) -> Vec<(String, String)> {
        let table = self.table.into_inner().unwrap_or_else(|e| e.into_inner());
        table.entities
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

    /// Two workers may see a person's spellings in either order (a count on several threads gave
    /// `إبراهيم الشيخي` or `ابراهيم الشيخي` from run to run): the name kept is the same.
    #[test]
    fn an_auto_entity_keeps_one_name_whatever_the_order() {
        for spellings in [
            ["إبراهيم الشيخي", "ابراهيم الشيخي"],
            ["ابراهيم الشيخي", "إبراهيم الشيخي"],
        ] {
            let autos = AutoEntities::new(4);
            let first = autos.number("person:auto:ابراهيم-الشيخي", spellings[0]);
            let second = autos.number("person:auto:ابراهيم-الشيخي", spellings[1]);
            assert_eq!(first, second);
            assert_eq!(first, EntityId(4));
            let entities = autos.into_entities();
            assert_eq!(entities.len(), 1);
            assert_eq!(entities[0].1, "إبراهيم الشيخي");
        }
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
