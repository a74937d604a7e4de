//! Counting mentions over many documents: mentions and documents per entity, optionally per group,
//! and the tables `rasid count` writes.
//!
//! [`count`] counts an iterator of texts; [`Counter`] is the same thing one document at a time, one
//! per worker thread ([`Counter::worker`]), merged at the end ([`Counter::merge`]). Counting is a
//! sum, so the result does not depend on how documents were split among workers.
//!
//! ```
//! use rasid::{Gazetteer, Tagger, count::{CountFormat, Filter, count}};
//!
//! let tagger = Tagger::new(Gazetteer::defaults()?);
//! let texts = ["قصف على البوكمال", "وصل إلى البوكمال ثم إلى حلب"];
//! let table = count(&tagger, texts, &Filter::default())?;
//! assert_eq!(table.documents, 2);
//! assert_eq!(table.entities[0].name, "البوكمال");
//! assert_eq!((table.entities[0].mentions, table.entities[0].documents), (2, 2));
//! let mut csv = Vec::new();
//! table.write(&mut csv, CountFormat::Csv, false)?; // what `rasid count` writes
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Underneath, workers each keep a [`DocumentTally`] (reused per document) and a [`Counts`].

mod table;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::span::EntityId;
use crate::tagger::{
    AUTO_PERSON_PREFIX, AUTO_PLACE_PREFIX, Named, Scratch, Tagger, auto_id_of_key,
};

pub use table::{CountFormat, CountRow, CountTable, Delimited};

/// The label of the people the name grammar finds.
pub const AUTO_PERSON_LABEL: &str = "PERSON";

/// The label of the facilities found by their head noun (`place:auto:` ids).
pub const AUTO_PLACE_LABEL: &str = "PLACE";

/// The label of an entity numbered by [`AutoEntities`], from its id: a facility's (`place:auto:`)
/// or a person's.
pub fn auto_label(id: &str) -> &'static str {
    if id.starts_with(crate::AUTO_PLACE_PREFIX) {
        AUTO_PLACE_LABEL
    } else {
        AUTO_PERSON_LABEL
    }
}

/// Whether an entity numbered by [`AutoEntities`] with `label` passes `--country`: a facility
/// found by its head noun has no known country, so it is kept only when no country is asked for.
fn auto_keeps_country(countries: &[String], label: &str) -> bool {
    countries.is_empty() || label != AUTO_PLACE_LABEL
}

/// Which rows a count keeps: `rasid count`'s `--label`, `--country`, `--min-mentions` and `--top`.
/// The default keeps every row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Filter {
    /// Only these labels, spelled as the gazetteer does; all when empty.
    pub labels: Vec<String>,
    /// Only the places of these countries (ISO codes, any case); other types are kept. All when
    /// empty.
    pub countries: Vec<String>,
    /// Only rows with at least this many mentions.
    pub min_mentions: u64,
    /// Only the N most mentioned entities (per group).
    pub top: Option<usize>,
}

impl Filter {
    /// Whether an entity passes the country filter: no codes given, not a place, or a place whose
    /// `country` is one of the codes (compared without regard to case). An entity past the
    /// gazetteer's is a person the name grammar found: not a place.
    pub fn keeps_country(&self, gazetteer: &Gazetteer, entity: EntityId) -> bool {
        keeps_country(&self.countries, gazetteer, entity)
    }

    /// Whether a row of this label and count passes the label and mention filters.
    pub fn keeps_row(&self, label: &str, mentions: u64) -> bool {
        mentions >= self.min_mentions
            && (self.labels.is_empty() || self.labels.iter().any(|l| l == label))
    }
}

/// Whether a tagged mention passes `--country`, as `count` decides for its row: a gazetteer entity
/// by [`keeps_country`], a person the grammar found as no place, a facility found by its head noun
/// as a place of no known country.
pub fn mention_keeps_country(countries: &[String], gazetteer: &Gazetteer, named: Named) -> bool {
    match named {
        Named::Entity { entity, .. } => keeps_country(countries, gazetteer, entity),
        Named::Person { .. } => auto_keeps_country(countries, AUTO_PERSON_LABEL),
        Named::Place { .. } => auto_keeps_country(countries, AUTO_PLACE_LABEL),
    }
}

/// Whether an entity passes `--country` (see [`Filter::keeps_country`]).
pub fn keeps_country(countries: &[String], gazetteer: &Gazetteer, entity: EntityId) -> bool {
    if countries.is_empty() || entity.as_usize() >= gazetteer.len() {
        return true;
    }
    let entity = gazetteer.entity(entity);
    if gazetteer.label_name(entity.label) != "PLACE" {
        return true;
    }
    entity.attributes().country.as_deref().is_some_and(|code| {
        countries
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case(code))
    })
}

/// Counts the mentions of every text, as `rasid count` does (ungrouped), and returns the sorted,
/// filtered totals.
///
/// # Errors
///
/// A text the tagger cannot tag ([`crate::ErrorKind::DocumentTooLarge`]).
pub fn count<'t, I>(tagger: &'t Tagger, texts: I, filter: &Filter) -> Result<CountTable<'t>>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut counter = Counter::new(tagger);
    for text in texts {
        counter.add(tagger, text.as_ref(), None)?;
    }
    Ok(counter.into_table(tagger, filter))
}

/// Counts the mentions of every (text, group) pair, as `rasid count --group-by` does: totals per
/// group, sorted, filtered (`top` per group).
///
/// # Errors
///
/// A text the tagger cannot tag ([`crate::ErrorKind::DocumentTooLarge`]).
pub fn count_grouped<'t, I, T, G>(
    tagger: &'t Tagger,
    documents: I,
    filter: &Filter,
) -> Result<CountTable<'t>>
where
    I: IntoIterator<Item = (T, G)>,
    T: AsRef<str>,
    G: AsRef<str>,
{
    let mut counter = Counter::new(tagger);
    for (text, group) in documents {
        counter.add(tagger, text.as_ref(), Some(group.as_ref()))?;
    }
    Ok(counter.into_table(tagger, filter))
}

/// One worker's count: its totals, the entities of the last document, and its buffers. The people
/// the name grammar finds are numbered in a table all the workers made by [`Counter::worker`] share.
#[derive(Debug)]
pub struct Counter {
    people: Arc<AutoEntities>,
    counts: Counts,
    tally: DocumentTally,
    scratch: Scratch,
    recent: RecentAutos,
    /// The same for the facilities found by their head noun, apart so that a facility and a
    /// person never share a slot's name.
    recent_places: RecentAutos,
    mentions: u64,
}

impl Counter {
    /// A counter for `tagger`'s gazetteer.
    pub fn new(tagger: &Tagger) -> Counter {
        let entities = tagger.gazetteer().len();
        Counter::with_people(entities, Arc::new(AutoEntities::new(entities)))
    }

    fn with_people(entities: usize, people: Arc<AutoEntities>) -> Counter {
        Counter {
            people,
            counts: Counts::new(entities),
            tally: DocumentTally::new(entities),
            scratch: Scratch::new(),
            recent: RecentAutos::new(),
            recent_places: RecentAutos::new(),
            mentions: 0,
        }
    }

    /// Another counter for another thread, numbering people with this one; merge it back with
    /// [`Counter::merge`].
    pub fn worker(&self) -> Counter {
        Counter::with_people(self.counts.entities, Arc::clone(&self.people))
    }

    /// Tags one document and counts its mentions, in `group` when given; returns its mentions.
    ///
    /// # Errors
    ///
    /// A text the tagger cannot tag ([`crate::ErrorKind::DocumentTooLarge`]); nothing is counted.
    pub fn add(&mut self, tagger: &Tagger, text: &str, group: Option<&str>) -> Result<u64> {
        self.tally.clear();
        let (tally, people) = (&mut self.tally, &*self.people);
        let (recent, recent_places) = (&mut self.recent, &mut self.recent_places);
        let mut mentions = 0;
        let tagged = tagger.keyed_entities_with(&mut self.scratch, text, |named, key| {
            let entity = match named {
                Named::Entity { entity, .. } => entity,
                Named::Person { name } => {
                    recent.number(people, &text[name.range()], key, AUTO_PERSON_PREFIX)
                }
                Named::Place { name } => {
                    recent_places.number(people, &text[name.range()], key, AUTO_PLACE_PREFIX)
                }
            };
            tally.add(entity);
            mentions += 1;
        });
        if let Err(e) = tagged {
            self.tally.clear();
            return Err(e);
        }
        self.counts.add_document(group, &self.tally);
        self.mentions += mentions;
        Ok(mentions)
    }

    /// The entities of the last document added, in order of first mention, with their mentions.
    pub fn document(&self) -> &DocumentTally {
        &self.tally
    }

    /// The last document's rows, as `rasid count --by-document` writes them, filtered (but for
    /// `top`).
    pub fn document_rows<'a>(
        &'a self,
        tagger: &'a Tagger,
        doc_id: &'a str,
        filter: &'a Filter,
    ) -> impl Iterator<Item = DocumentRow<'a>> + 'a {
        let entities: Vec<(EntityId, u32)> = self.tally.iter().collect();
        document_rows(tagger, &self.people, doc_id, entities, filter)
    }

    /// The table that numbers the people the name grammar found, shared by this counter's workers.
    pub fn people(&self) -> &AutoEntities {
        &self.people
    }

    /// Adds another worker's totals.
    pub fn merge(&mut self, other: Counter) {
        self.counts.merge(other.counts);
        self.mentions += other.mentions;
    }

    /// Documents counted.
    pub fn documents(&self) -> u64 {
        self.counts.documents()
    }

    /// Mentions counted.
    pub fn mentions(&self) -> u64 {
        self.mentions
    }

    /// The totals.
    pub fn counts(&self) -> &Counts {
        &self.counts
    }

    /// The totals as the rows `rasid count` writes: sorted (group, mentions descending, id) and
    /// filtered. Call it once every worker is merged in.
    pub fn into_table<'t>(self, tagger: &'t Tagger, filter: &Filter) -> CountTable<'t> {
        let (people, counts) = self.into_parts();
        totals_table(tagger, &counts, filter, |index| {
            let (id, name) = people.get(index)?;
            Some((Cow::Owned(id.to_owned()), Cow::Owned(name.to_owned())))
        })
    }

    /// Writes the table [`Counter::into_table`] gives, as [`CountTable::write`] does, without
    /// copying the ids and names of the people the grammar found: a run over a large corpus finds
    /// tens of thousands, and copying them was most of what its last, single-threaded step did.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn write_table(
        self,
        tagger: &Tagger,
        filter: &Filter,
        out: &mut dyn Write,
        format: CountFormat,
        grouped: bool,
    ) -> io::Result<()> {
        let (people, counts) = self.into_parts();
        let table = totals_table(tagger, &counts, filter, |index| {
            let (id, name) = people.get(index)?;
            Some((Cow::Borrowed(id), Cow::Borrowed(name)))
        });
        table.write(out, format, grouped)
    }

    /// The people the grammar found and the totals.
    fn into_parts(self) -> (AutoNames, Counts) {
        let people = match Arc::try_unwrap(self.people) {
            Ok(people) => people.into_names(),
            Err(shared) => shared.names(),
        };
        (people, self.counts)
    }
}

/// The totals as the rows `rasid count` writes, sorted and filtered, borrowing the gazetteer's
/// text; `person` gives the id and name of the grammar's person at an index (numbered after the
/// gazetteer's entities).
fn totals_table<'a>(
    tagger: &'a Tagger,
    counts: &Counts,
    filter: &Filter,
    person: impl Fn(usize) -> Option<(Cow<'a, str>, Cow<'a, str>)>,
) -> CountTable<'a> {
    let countries = &filter.countries;
    let gazetteer = tagger.gazetteer();
    let mut entities = Vec::with_capacity(counts.iter().count());
    let kept = counts
        .iter()
        .filter(|&(_, entity_id, _)| keeps_country(countries, gazetteer, entity_id));
    for (group, entity_id, tally) in kept {
        let group = group.map(|g| Cow::Owned(g.to_owned()));
        if let Some((id, name)) = entity_id
            .as_usize()
            .checked_sub(gazetteer.len())
            .and_then(&person)
        {
            // A person counted in several groups has a row in each.
            let label = auto_label(&id);
            if !auto_keeps_country(countries, label) {
                continue;
            }
            entities.push(CountRow {
                group,
                id,
                label: Cow::Borrowed(label),
                name,
                name_en: Cow::Borrowed(""),
                mentions: tally.mentions,
                documents: tally.documents,
                country: None,
                lat: None,
                lon: None,
            });
            continue;
        }
        let entity = gazetteer.entity(entity_id);
        entities.push(CountRow {
            group,
            id: Cow::Borrowed(&entity.id),
            label: Cow::Borrowed(gazetteer.label_name(entity.label)),
            name: Cow::Borrowed(&entity.name),
            name_en: Cow::Borrowed(&entity.name_en),
            mentions: tally.mentions,
            documents: tally.documents,
            country: entity.attributes().country.as_deref().map(Cow::Borrowed),
            lat: entity.attributes().lat,
            lon: entity.attributes().lon,
        });
    }
    let mut table = CountTable {
        documents: counts.documents(),
        entities,
    };
    table.finish(&filter.labels, filter.min_mentions, filter.top);
    table
}

/// One row of `rasid count --by-document`: one entity's mentions in one document. JSON keys in
/// the order `rasid count` writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DocumentRow<'a> {
    /// The document's id.
    pub doc_id: &'a str,
    /// The entity's id.
    pub id: Cow<'a, str>,
    /// The entity's type.
    pub label: &'a str,
    /// Mentions in the document.
    pub mentions: u32,
    /// The entity's Arabic name.
    pub name: Cow<'a, str>,
}

/// A document's rows: `entities` as [`DocumentTally::iter`] gives them.
pub fn document_rows<'a>(
    tagger: &'a Tagger,
    people: &'a AutoEntities,
    doc_id: &'a str,
    entities: Vec<(EntityId, u32)>,
    filter: &'a Filter,
) -> impl Iterator<Item = DocumentRow<'a>> + 'a {
    let gazetteer = tagger.gazetteer();
    entities
        .into_iter()
        .filter_map(move |(entity_id, mentions)| {
            let (id, label, name) = match people.get(entity_id) {
                Some((id, name)) => {
                    let label = auto_label(&id);
                    if !auto_keeps_country(&filter.countries, label) {
                        return None;
                    }
                    (Cow::Owned(id), label, Cow::Owned(name))
                }
                None => {
                    let entity = gazetteer.entity(entity_id);
                    (
                        Cow::Borrowed(entity.id.as_str()),
                        gazetteer.label_name(entity.label),
                        Cow::Borrowed(entity.name.as_str()),
                    )
                }
            };
            let kept = filter.keeps_row(label, u64::from(mentions))
                && filter.keeps_country(gazetteer, entity_id);
            kept.then_some(DocumentRow {
                doc_id,
                id,
                label,
                mentions,
                name,
            })
        })
}

/// Writes `--by-document` rows as they come: CSV, TSV, a JSON array or JSON Lines.
#[derive(Debug)]
pub struct DocumentRowWriter<W: Write> {
    out: W,
    format: CountFormat,
    started: bool,
    wrote_row: bool,
}

impl<W: Write> DocumentRowWriter<W> {
    /// Rows in `format` to `out`.
    ///
    /// # Errors
    ///
    /// [`io::ErrorKind::Unsupported`] for GeoJSON, which has no per-document form.
    pub fn new(out: W, format: CountFormat) -> io::Result<DocumentRowWriter<W>> {
        if format == CountFormat::Geojson {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "--by-document has no GeoJSON form; use csv, tsv, json or jsonl",
            ));
        }
        Ok(DocumentRowWriter {
            out,
            format,
            started: false,
            wrote_row: false,
        })
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            match self.format {
                CountFormat::Csv | CountFormat::Tsv => {
                    Delimited::new(&mut self.out, self.format)
                        .row(&["doc_id", "id", "label", "name", "mentions"])?
                }
                CountFormat::Json => self.out.write_all(b"[\n")?,
                CountFormat::Jsonl | CountFormat::Geojson => {}
            }
        }
        Ok(())
    }

    /// Writes rows (the header first, the first time).
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn write<'r>(&mut self, rows: impl IntoIterator<Item = DocumentRow<'r>>) -> io::Result<()> {
        self.start()?;
        for row in rows {
            match self.format {
                CountFormat::Csv | CountFormat::Tsv => Delimited::new(&mut self.out, self.format)
                    .row(&[
                    row.doc_id,
                    &row.id,
                    row.label,
                    &row.name,
                    &row.mentions.to_string(),
                ])?,
                CountFormat::Json | CountFormat::Jsonl => {
                    if self.format == CountFormat::Json && self.wrote_row {
                        self.out.write_all(b",\n")?;
                    }
                    self.wrote_row = true;
                    serde_json::to_writer(&mut self.out, &row).map_err(io::Error::from)?;
                    if self.format == CountFormat::Jsonl {
                        self.out.write_all(b"\n")?;
                    }
                }
                CountFormat::Geojson => {}
            }
        }
        Ok(())
    }

    /// Ends the output (closes a JSON array) and gives the writer back.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == CountFormat::Json {
            if !self.started {
                self.out.write_all(b"[")?;
            }
            self.out.write_all(b"\n]\n")?;
        }
        Ok(self.out)
    }
}

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
///
/// A run over a large corpus finds tens of thousands of such people, kept to its end: their ids and
/// names live in one text buffer ([`AutoNames`]) and an index of hashes finds them, instead of
/// two strings and a map key per person (which made a third of the run's memory growth).
#[derive(Debug, Default)]
pub struct AutoEntities {
    base: usize,
    table: Mutex<AutoTable>,
}

#[derive(Debug, Default)]
struct AutoTable {
    /// Where each person is filed, by the hash of its id: open addressing, a power of two long
    /// (or empty) and at most half full.
    slots: Vec<AutoSlot>,
    names: AutoNames,
}

/// One person in [`AutoTable::slots`]. Most lookups are of a person met before under the spelling
/// kept for it, and the two hashes answer them from the slot alone: the id and name behind it are
/// another two cache misses, read only for another spelling or where the id's hash is shared. (Two
/// people would be taken for one only if both their ids' and their names' 64-bit hashes agreed.)
#[derive(Debug, Clone, Copy, Default)]
struct AutoSlot {
    id_hash: u64,
    /// The hash of the spelling kept for the name.
    name_hash: u64,
    /// The person's index after `base`, plus one; 0 in an empty slot.
    number: usize,
}

impl AutoTable {
    /// The slot where the probe for `id_hash` starts.
    fn home(&self, id_hash: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        (id_hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    /// Doubles the slots, filing every person again.
    fn grow(&mut self) {
        let capacity = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![AutoSlot::default(); capacity]);
        let mask = capacity - 1;
        for slot in old.into_iter().filter(|s| s.number != 0) {
            let mut at = self.home(slot.id_hash);
            while self.slots[at].number != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}

/// The ids and names of the people the grammar found, in number order, in one text buffer.
#[derive(Clone, Debug, Default)]
pub struct AutoNames {
    text: String,
    rows: Vec<AutoRow>,
}

/// One person of [`AutoNames`]: byte ranges of its id and name in the text buffer.
#[derive(Debug, Clone, Copy)]
struct AutoRow {
    id: (usize, usize),
    name: (usize, usize),
}

impl AutoNames {
    /// The (id, name) of the person at `index` (its number less the gazetteer's size).
    pub fn get(&self, index: usize) -> Option<(&str, &str)> {
        let row = self.rows.get(index)?;
        Some((
            &self.text[row.id.0..row.id.1],
            &self.text[row.name.0..row.name.1],
        ))
    }

    /// How many people there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Appends `text` to the buffer and gives its range.
    fn push_text(&mut self, text: &str) -> (usize, usize) {
        let start = self.text.len();
        self.text.push_str(text);
        (start, self.text.len())
    }
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
        self.number_hashed(id, name, text_hash(name))
    }

    /// [`AutoEntities::number`] for a name whose [`text_hash`] is `name_hash`.
    fn number_hashed(&self, id: &str, name: &str, name_hash: u64) -> EntityId {
        let id_hash = text_hash(id);
        // A worker that panicked left the table consistent: every insert is one step.
        let mut table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if (table.names.rows.len() + 1) * 2 > table.slots.len() {
            table.grow();
        }
        let mask = table.slots.len() - 1;
        let mut at = table.home(id_hash);
        let AutoTable { slots, names } = &mut *table;
        loop {
            let slot = slots[at];
            if slot.number == 0 {
                break;
            }
            if slot.id_hash == id_hash {
                let index = slot.number - 1;
                if slot.name_hash == name_hash {
                    return EntityId::from_usize(self.base + index);
                }
                let row = names.rows[index];
                if &names.text[row.id.0..row.id.1] == id {
                    if name < &names.text[row.name.0..row.name.1] {
                        // Rare: a spelling earlier in byte order came later. The old one stays in
                        // the buffer unless the new one fits in its place.
                        let kept = if name.len() == row.name.1 - row.name.0 {
                            names.text.replace_range(row.name.0..row.name.1, name);
                            row.name
                        } else {
                            names.push_text(name)
                        };
                        names.rows[index].name = kept;
                        slots[at].name_hash = name_hash;
                    }
                    return EntityId::from_usize(self.base + index);
                }
            }
            at = (at + 1) & mask;
        }
        let index = names.rows.len();
        let row = AutoRow {
            id: names.push_text(id),
            name: names.push_text(name),
        };
        names.rows.push(row);
        slots[at] = AutoSlot {
            id_hash,
            name_hash,
            number: index + 1,
        };
        EntityId::from_usize(self.base + index)
    }

    /// The (id, name) of a numbered entity; `None` for a gazetteer entity's number.
    pub fn get(&self, number: EntityId) -> Option<(String, String)> {
        // Most rows are the gazetteer's: they are answered without the workers' shared lock.
        let index = number.as_usize().checked_sub(self.base)?;
        let table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        table
            .names
            .get(index)
            .map(|(id, name)| (id.to_owned(), name.to_owned()))
    }

    /// Every entity numbered so far, as (id, name), in number order from the gazetteer's size on.
    pub fn names(&self) -> AutoNames {
        let table = self.table.lock().unwrap_or_else(|e| e.into_inner());
        table.names.clone()
    }

    /// Every entity numbered, as (id, name), in number order from the gazetteer's size on.
    pub fn into_names(self) -> AutoNames {
        let table = self.table.into_inner().unwrap_or_else(|e| e.into_inner());
        table.names
    }
}

/// The hash `count` files an auto entity's name or id under, eight bytes a step: FNV-1a, the
/// lexicon's hash of short words, takes a multiplication a byte, and these run to 40 bytes.
fn text_hash(text: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = (text.len() as u64).wrapping_mul(K);
    for chunk in text.as_bytes().chunks(8) {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(31);
    }
    hash ^ (hash >> 29)
}

/// A worker's memory of the auto entities it numbered lately, by their names as written.
///
/// Most mentions of a person the grammar found repeat a name seen before (the same person later in
/// the article, or in another one). The cache answers them without making the id, which allocates,
/// and without the shared table's lock. A fixed number of slots, each holding the last name that
/// hashed there; a slot's string is reused, so a warm cache allocates nothing.
#[derive(Debug)]
pub struct RecentAutos {
    slots: Vec<(String, Option<EntityId>)>,
}

impl Default for RecentAutos {
    fn default() -> RecentAutos {
        RecentAutos::new()
    }
}

impl RecentAutos {
    /// Slots: enough for the people of a day's news, 60 KB or so.
    const SLOTS: usize = 1024;

    /// An empty cache.
    pub fn new() -> RecentAutos {
        RecentAutos {
            slots: vec![(String::new(), None); RecentAutos::SLOTS],
        }
    }

    /// The number of the auto entity named `name` (as written), from the cache or from `autos`,
    /// which gets its id: `prefix` and `key`, the name as normalised in the document, words joined
    /// by `-` (the id [`Tagger::auto_id`] gives). The cache holds names as written, not keys: every
    /// spelling of a name reaches the table once, which keeps the first in byte order whatever the
    /// order of the documents.
    pub fn number(
        &mut self,
        autos: &AutoEntities,
        name: &str,
        key: &str,
        prefix: &str,
    ) -> EntityId {
        let hash = text_hash(name);
        // The slot count divides 2^64: the low bits choose the slot.
        let slot = &mut self.slots[(hash % RecentAutos::SLOTS as u64) as usize];
        match slot.1 {
            Some(number) if slot.0 == name => number,
            _ => {
                let number = autos.number_hashed(&auto_id_of_key(prefix, key), name, hash);
                name.clone_into(&mut slot.0);
                slot.1 = Some(number);
                number
            }
        }
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
            let names = autos.into_names();
            assert_eq!(names.len(), 1);
            assert_eq!(
                names.get(0),
                Some(("person:auto:ابراهيم-الشيخي", "إبراهيم الشيخي"))
            );
        }
    }

    /// The cache gives the number the table gives, for a name seen before and for two names in one
    /// slot.
    #[test]
    fn recent_autos_agree_with_the_table() {
        let autos = AutoEntities::new(4);
        let mut recent = RecentAutos::new();
        let names: Vec<String> = (0..3000).map(|i| format!("name {i}")).collect();
        for round in 0..2 {
            for (i, name) in names.iter().enumerate() {
                let number = recent.number(&autos, name, name, AUTO_PERSON_PREFIX);
                assert_eq!(number, EntityId::from_usize(4 + i), "round {round}: {name}");
            }
        }
        let table = autos.into_names();
        assert_eq!(table.len(), names.len());
        assert_eq!(table.get(7), Some(("person:auto:name-7", "name 7")));
    }

    /// The label of a numbered entity comes from its id; a facility of no known country passes
    /// `--country` only when no country is asked for.
    #[test]
    fn auto_entities_are_labelled_by_their_id() {
        let rows = [
            ("facility", "place:auto:مستشفي-العدوي", AUTO_PLACE_LABEL),
            ("person", "person:auto:بدر-باسلمه", AUTO_PERSON_LABEL),
        ];
        for (name, id, label) in rows {
            assert_eq!(auto_label(id), label, "{name}");
        }
        let some = ["YE".to_owned()];
        assert!(auto_keeps_country(&[], AUTO_PLACE_LABEL));
        assert!(!auto_keeps_country(&some, AUTO_PLACE_LABEL));
        assert!(auto_keeps_country(&some, AUTO_PERSON_LABEL));
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

    /// `write_table` writes what `into_table` and `CountTable::write` write, in every format,
    /// the grammar's people included.
    #[test]
    fn writing_the_table_in_place_writes_the_same_bytes() {
        let yaml = "names:\n  given: [سامر]\n  titles: [العميد]\nentities:\n  \
                    - {id: pl:aleppo, type: PLACE, name: حلب, name_en: Aleppo, country: SY}\n";
        let tagger = Tagger::new(crate::testing::gazetteer_of(yaml));
        let texts = [
            "قال العميد سامر باسلمة في حلب إن مستشفى السلامة أغلق.",
            "وصل سامر باسلمة إلى حلب، ثم العميد فادي الزعبي.",
        ];
        let counter = || {
            let mut counter = Counter::new(&tagger);
            for text in texts {
                counter.add(&tagger, text, None).expect("a short text");
            }
            counter
        };
        let filter = Filter::default();
        for format in [
            CountFormat::Csv,
            CountFormat::Tsv,
            CountFormat::Json,
            CountFormat::Jsonl,
        ] {
            let mut copied = Vec::new();
            let table = counter().into_table(&tagger, &filter);
            table.write(&mut copied, format, false).expect("a vector");
            let mut in_place = Vec::new();
            counter()
                .write_table(&tagger, &filter, &mut in_place, format, false)
                .expect("a vector");
            assert_eq!(
                String::from_utf8_lossy(&in_place),
                String::from_utf8_lossy(&copied)
            );
            let text = String::from_utf8_lossy(&in_place).into_owned();
            assert!(
                text.contains("person:auto:سامر-باسلمه"),
                "{format:?}: {text}"
            );
        }
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
