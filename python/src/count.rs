//! `Tagger.count`: mentions and documents per entity over an iterable of texts or dicts, as
//! `rasid count --format json` gives them.
//!
//! Documents are read from Python in batches; each batch is tagged and tallied on worker threads
//! with the interpreter released, every worker adding to its own totals, merged at the end (a sum,
//! so the result does not depend on the number of threads).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use rasid::count::{AutoEntities, Counts, DocumentTally};
use rasid::{EntityId, Named, Scratch, Tagger};

/// The label of the people the name grammar finds, as `rasid count` gives it.
const AUTO_LABEL: &str = "PERSON";

/// Documents a worker takes at a time from a batch.
const CHUNK: usize = 8;

/// What `count` was asked for.
pub(crate) struct Options<'a> {
    pub(crate) group_by: Option<&'a str>,
    pub(crate) by_document: bool,
    pub(crate) text_field: &'a str,
    pub(crate) id_field: &'a str,
    pub(crate) threads: usize,
    pub(crate) batch_size: usize,
}

/// One document read from Python.
struct Document {
    id: String,
    text: String,
    group: Option<String>,
}

/// A worker's totals and buffers, kept across batches.
struct Worker {
    counts: Counts,
    tally: DocumentTally,
    scratch: Scratch,
}

/// One document's result.
enum Outcome {
    Counted(Vec<(EntityId, u32)>),
    Failed(String),
}

pub(crate) fn count<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    documents: &Bound<'py, PyAny>,
    options: &Options<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    if options.group_by == Some("month") {
        return Err(PyValueError::new_err(
            "group_by=\"month\" is not available yet: give the documents a month field and group by it",
        ));
    }
    let entities = tagger.gazetteer().len();
    let autos = AutoEntities::new(entities);
    let mut workers: Vec<Worker> = Vec::new();
    let mut by_document = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let (mut missing_text, mut ungrouped, mut read) = (0u64, 0u64, 0usize);
    let mut input = documents.try_iter()?;
    let mut exhausted = false;
    while !exhausted {
        let mut batch = Vec::with_capacity(options.batch_size);
        for _ in 0..options.batch_size {
            let Some(item) = input.next() else {
                exhausted = true;
                break;
            };
            let index = read;
            read += 1;
            match document(&item?, index, options)? {
                Some(doc) => {
                    ungrouped += u64::from(doc.group.as_deref() == Some(""));
                    batch.push(doc);
                }
                None => missing_text += 1,
            }
        }
        if batch.is_empty() {
            continue;
        }
        let threads = options.threads.min(batch.len().div_ceil(CHUNK)).max(1);
        while workers.len() < threads {
            workers.push(Worker {
                counts: Counts::new(entities),
                tally: DocumentTally::new(entities),
                scratch: Scratch::new(),
            });
        }
        let outcomes = py.detach(|| tally_batch(tagger, &autos, &batch, &mut workers[..threads]));
        for (doc, outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Outcome::Failed(message) => warnings.push(message),
                Outcome::Counted(rows) if options.by_document => {
                    by_document.push((doc.id.clone(), rows));
                }
                Outcome::Counted(_) => {}
            }
        }
    }
    let mut counts = Counts::new(entities);
    for worker in workers {
        counts.merge(worker.counts);
    }
    let autos = autos.into_entities();
    let result = PyDict::new(py);
    result.set_item("documents", counts.documents())?;
    result.set_item("entities", totals(py, tagger, &autos, &counts)?)?;
    if options.by_document {
        result.set_item(
            "by_document",
            document_rows(py, tagger, &autos, &by_document)?,
        )?;
    }
    result.set_item("skipped", warnings)?;
    result.set_item("missing_text", missing_text)?;
    result.set_item("ungrouped", ungrouped)?;
    Ok(result)
}

/// A text, or a dict with the text field; `None` for a dict without it (skipped and counted, as
/// `rasid count` skips a JSON line without it).
fn document(
    item: &Bound<'_, PyAny>,
    index: usize,
    options: &Options<'_>,
) -> PyResult<Option<Document>> {
    if let Ok(text) = item.cast::<PyString>() {
        return Ok(Some(Document {
            id: index.to_string(),
            text: text.to_str()?.to_owned(),
            group: options.group_by.map(|_| String::new()),
        }));
    }
    let Ok(dict) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "count takes str or dict items; item {index} is a {}",
            item.get_type().name()?
        )));
    };
    let Some(text) = dict.get_item(options.text_field)? else {
        return Ok(None);
    };
    let Ok(text) = text.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "item {index}: field \"{}\" is not a str",
            options.text_field
        )));
    };
    let id = match dict.get_item(options.id_field)? {
        Some(id) if !id.is_none() => scalar(&id)?,
        _ => index.to_string(),
    };
    let group = match options.group_by {
        None => None,
        Some(field) => Some(match dict.get_item(field)? {
            Some(value) if !value.is_none() => scalar(&value)?,
            _ => String::new(),
        }),
    };
    Ok(Some(Document {
        id,
        text: text.to_str()?.to_owned(),
        group,
    }))
}

/// A field's value as a group or id: a string as it is, anything else as `str()` gives it.
fn scalar(value: &Bound<'_, PyAny>) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_str()?.to_owned()),
        Err(_) => Ok(value.str()?.to_str()?.to_owned()),
    }
}

/// Tags and tallies one batch on the given workers; outcomes in input order.
fn tally_batch(
    tagger: &Tagger,
    autos: &AutoEntities,
    batch: &[Document],
    workers: &mut [Worker],
) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..batch.len()).map(|_| None).collect());
    let work = |worker: &mut Worker| {
        let mut done = Vec::with_capacity(CHUNK);
        loop {
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            if start >= batch.len() {
                break;
            }
            let end = (start + CHUNK).min(batch.len());
            done.extend(
                batch[start..end]
                    .iter()
                    .map(|doc| tally_one(tagger, autos, doc, worker)),
            );
            let mut outcomes = outcomes.lock().unwrap_or_else(|e| e.into_inner());
            for (slot, outcome) in outcomes[start..end].iter_mut().zip(done.drain(..)) {
                *slot = Some(outcome);
            }
        }
    };
    if let [worker] = workers {
        work(worker);
    } else {
        std::thread::scope(|scope| {
            for worker in workers.iter_mut() {
                scope.spawn(|| work(worker));
            }
        });
    }
    outcomes
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|o| o.expect("every document of the batch was counted"))
        .collect()
}

fn tally_one(
    tagger: &Tagger,
    autos: &AutoEntities,
    doc: &Document,
    worker: &mut Worker,
) -> Outcome {
    worker.tally.clear();
    let tally = &mut worker.tally;
    let text = doc.text.as_str();
    let tagged = tagger.entities_with(&mut worker.scratch, text, |named| {
        let entity = match named {
            Named::Entity { entity, .. } => entity,
            Named::Person { name } => {
                let name = &text[name.range()];
                autos.number(&tagger.person_id(name), name)
            }
        };
        tally.add(entity);
    });
    if let Err(e) = tagged {
        return Outcome::Failed(format!("{}: {e}", doc.id));
    }
    worker
        .counts
        .add_document(doc.group.as_deref(), &worker.tally);
    Outcome::Counted(worker.tally.iter().collect())
}

/// An entity's id, label, name, English name, country and point; the people the grammar found are
/// numbered after the gazetteer's entities.
struct Described<'a> {
    id: &'a str,
    label: &'a str,
    name: &'a str,
    name_en: &'a str,
    country: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
}

fn describe<'a>(
    tagger: &'a Tagger,
    autos: &'a [(String, String)],
    entity: EntityId,
) -> Described<'a> {
    let gazetteer = tagger.gazetteer();
    if let Some((id, name)) = entity
        .as_usize()
        .checked_sub(gazetteer.len())
        .and_then(|i| autos.get(i))
    {
        return Described {
            id,
            label: AUTO_LABEL,
            name,
            name_en: "",
            country: None,
            lat: None,
            lon: None,
        };
    }
    let e = gazetteer.entity(entity);
    Described {
        id: &e.id,
        label: gazetteer.label_name(e.label),
        name: &e.name,
        name_en: &e.name_en,
        country: e.attributes().country.as_deref(),
        lat: e.attributes().lat,
        lon: e.attributes().lon,
    }
}

/// The totals as rows, in `rasid count`'s order: by group, then mentions descending, then id.
fn totals<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    autos: &[(String, String)],
    counts: &Counts,
) -> PyResult<Bound<'py, PyList>> {
    let mut rows: Vec<_> = counts
        .iter()
        .map(|(group, entity, tally)| (group, describe(tagger, autos, entity), tally))
        .collect();
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.2.mentions.cmp(&a.2.mentions))
            .then_with(|| a.1.id.cmp(b.1.id))
    });
    let list = PyList::empty(py);
    for (group, e, tally) in rows {
        let d = PyDict::new(py);
        if let Some(group) = group {
            d.set_item("group", group)?;
        }
        d.set_item("id", e.id)?;
        d.set_item("label", e.label)?;
        d.set_item("name", e.name)?;
        d.set_item("name_en", e.name_en)?;
        d.set_item("mentions", tally.mentions)?;
        d.set_item("documents", tally.documents)?;
        d.set_item("country", e.country)?;
        d.set_item("lat", e.lat)?;
        d.set_item("lon", e.lon)?;
        list.append(d)?;
    }
    Ok(list)
}

/// The rows of `--by-document`: per document in input order, its entities in order of first mention.
fn document_rows<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    autos: &[(String, String)],
    documents: &[(String, Vec<(EntityId, u32)>)],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for (doc_id, entities) in documents {
        for &(entity, mentions) in entities {
            let e = describe(tagger, autos, entity);
            let d = PyDict::new(py);
            d.set_item("doc_id", doc_id)?;
            d.set_item("id", e.id)?;
            d.set_item("label", e.label)?;
            d.set_item("name", e.name)?;
            d.set_item("mentions", mentions)?;
            list.append(d)?;
        }
    }
    Ok(list)
}
