//! `Tagger.count`: mentions and documents per entity over an iterable of texts or dicts, the rows of
//! `rasid count --format json`, counted by the library's own [`Counter`].
//!
//! Documents are read from Python in batches; each batch is tagged and counted on worker threads
//! with the interpreter released, every worker a [`Counter`] of its own, merged at the end (a sum,
//! so the result does not depend on the number of threads).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use rasid::Tagger;
use rasid::corpus::month_of;
use rasid::count::{Counter, Filter};

use crate::parallel::{map_in_order, useful_threads};

/// What `count` was asked for.
pub(crate) struct Options<'a> {
    pub(crate) group_by: Option<&'a str>,
    pub(crate) by_document: bool,
    pub(crate) text_field: &'a str,
    pub(crate) id_field: &'a str,
    pub(crate) threads: usize,
    pub(crate) batch_size: usize,
    pub(crate) filter: Filter,
}

/// One document read from Python.
struct Document {
    id: String,
    text: String,
    group: Option<String>,
}

/// One `--by-document` row, owned: the counter's rows borrow it, and it moves on to the next
/// document.
struct DocumentRow {
    id: String,
    label: String,
    mentions: u32,
    name: String,
}

/// One document's result.
enum Outcome {
    Counted(Vec<DocumentRow>),
    Failed(String),
}

pub(crate) fn count<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    documents: &Bound<'py, PyAny>,
    options: &Options<'_>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut counter = Counter::new(tagger);
    let mut workers: Vec<Counter> = Vec::new();
    let mut by_document = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
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
        let threads = useful_threads(options.threads, batch.len());
        while workers.len() < threads {
            workers.push(counter.worker());
        }
        let outcomes = py.detach(|| {
            map_in_order(&batch, &mut workers[..threads], |counter, doc| {
                count_one(tagger, doc, counter, options)
            })
        });
        for (doc, outcome) in batch.into_iter().zip(outcomes) {
            match outcome {
                Outcome::Failed(message) => skipped.push(message),
                Outcome::Counted(rows) => {
                    if options.by_document {
                        by_document.push((doc.id, rows));
                    }
                }
            }
        }
    }
    for worker in workers {
        counter.merge(worker);
    }
    let table = counter.into_table(tagger, &options.filter);
    let result = PyDict::new(py);
    result.set_item("documents", table.documents)?;
    let rows = PyList::empty(py);
    for r in &table.entities {
        let d = PyDict::new(py);
        if let Some(group) = &r.group {
            d.set_item("group", group.as_ref())?;
        }
        d.set_item("id", r.id.as_ref())?;
        d.set_item("label", r.label.as_ref())?;
        d.set_item("name", r.name.as_ref())?;
        d.set_item("name_en", r.name_en.as_ref())?;
        d.set_item("mentions", r.mentions)?;
        d.set_item("documents", r.documents)?;
        d.set_item("country", r.country.as_deref())?;
        d.set_item("lat", r.lat)?;
        d.set_item("lon", r.lon)?;
        rows.append(d)?;
    }
    result.set_item("entities", rows)?;
    if options.by_document {
        let rows = PyList::empty(py);
        for (doc_id, entities) in &by_document {
            for r in entities {
                let d = PyDict::new(py);
                d.set_item("doc_id", doc_id)?;
                d.set_item("id", &r.id)?;
                d.set_item("label", &r.label)?;
                d.set_item("mentions", r.mentions)?;
                d.set_item("name", &r.name)?;
                rows.append(d)?;
            }
        }
        result.set_item("by_document", rows)?;
    }
    result.set_item("skipped", skipped)?;
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
        // As `rasid count --group-by month`: the `YYYY-MM` of the `date` field, "" when unreadable.
        Some("month") => Some(match dict.get_item("date")? {
            Some(value) if !value.is_none() => month_of(&scalar(&value)?).unwrap_or_default(),
            _ => String::new(),
        }),
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

fn count_one(
    tagger: &Tagger,
    doc: &Document,
    counter: &mut Counter,
    options: &Options<'_>,
) -> Outcome {
    if let Err(e) = counter.add(tagger, &doc.text, doc.group.as_deref()) {
        // As `rasid count` reports a document it cannot tag: its id, then the message.
        return Outcome::Failed(format!("{}: {e}", doc.id));
    }
    if !options.by_document {
        return Outcome::Counted(Vec::new());
    }
    let rows = counter
        .document_rows(tagger, &doc.id, &options.filter)
        .map(|r| DocumentRow {
            id: r.id.into_owned(),
            label: r.label.to_owned(),
            mentions: r.mentions,
            name: r.name.into_owned(),
        })
        .collect();
    Outcome::Counted(rows)
}
