//! Mentions as Python dicts with the fields and values of `rasid tag --format json`'s entities.
//!
//! Tagging ([`tag_one`], [`tag_batch`]) runs without the interpreter; [`to_python`] turns the
//! library's own records ([`rasid::record::MentionRecord`], what the command line serialises) into
//! dicts, so both give the same fields in the same order.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use rasid::record::MentionRecord;
use rasid::{Mention, Scratch, Tagger};

use crate::parallel::{map_in_order, useful_threads};

/// One text's mentions, ready to become dicts.
pub(crate) type Tagged = Vec<Mention>;

/// Tags one text.
pub(crate) fn tag_one(tagger: &Tagger, scratch: &mut Scratch, text: &str) -> rasid::Result<Tagged> {
    let mut mentions = Vec::new();
    tagger.tag_with(scratch, text, |m| mentions.push(m))?;
    Ok(mentions)
}

/// Tags a batch of texts on up to `threads` threads; results are in input order.
pub(crate) fn tag_batch(
    tagger: &Tagger,
    texts: &[String],
    threads: usize,
    scratches: &mut Vec<Scratch>,
) -> Vec<rasid::Result<Tagged>> {
    let threads = useful_threads(threads, texts.len());
    if scratches.len() < threads {
        scratches.resize_with(threads, Scratch::new);
    }
    map_in_order(texts, &mut scratches[..threads], |scratch, text| {
        tag_one(tagger, scratch, text)
    })
}

/// The mentions of `text` as a list of dicts, keys in the order of the command line's JSON: a key
/// the JSON leaves out (a place field the gazetteer does not give, `explain` unasked) is left out.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    text: &str,
    mentions: &[Mention],
    explain: bool,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for r in MentionRecord::all(tagger, text, mentions, explain) {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), r.start)?;
        d.set_item(intern!(py, "end"), r.end)?;
        d.set_item(intern!(py, "byte_start"), r.byte_start)?;
        d.set_item(intern!(py, "byte_end"), r.byte_end)?;
        d.set_item(intern!(py, "text"), r.text)?;
        d.set_item(intern!(py, "label"), r.label)?;
        d.set_item(intern!(py, "id"), r.id.as_ref())?;
        d.set_item(intern!(py, "name"), r.name)?;
        d.set_item(intern!(py, "alias"), r.alias)?;
        d.set_item(intern!(py, "proclitics"), r.proclitics)?;
        let geo = &r.geo;
        if let Some(name_en) = geo.name_en {
            d.set_item(intern!(py, "name_en"), name_en)?;
        }
        if let Some(country) = geo.country {
            d.set_item(intern!(py, "country"), country)?;
        }
        if let Some(admin1) = geo.admin1 {
            d.set_item(intern!(py, "admin1"), admin1)?;
        }
        if let Some(lat) = geo.lat {
            d.set_item(intern!(py, "lat"), lat)?;
        }
        if let Some(lon) = geo.lon {
            d.set_item(intern!(py, "lon"), lon)?;
        }
        if let Some(e) = &r.explain {
            let x = PyDict::new(py);
            x.set_item("when", e.when)?;
            x.set_item("via", e.via)?;
            x.set_item("steps", &e.steps)?;
            x.set_item("choices", e.choices)?;
            if let Some(rule) = e.rule {
                x.set_item("rule", rule)?;
            }
            d.set_item(intern!(py, "explain"), x)?;
        }
        list.append(d)?;
    }
    Ok(list)
}
