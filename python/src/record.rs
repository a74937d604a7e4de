//! Mentions as Python dicts with the fields and values of `rasid tag --format json`'s entities.
//!
//! The work is split in two: [`tag_one`] and [`tag_batch`] run without the interpreter and keep
//! everything a record needs (code-point offsets, the explanation's steps); [`to_python`] only
//! builds the dicts.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use rasid::{Mention, Named, Normalizer, Scratch, Tagger, Via};

/// One text's mentions, ready to become dicts.
#[derive(Debug, Default)]
pub(crate) struct Tagged {
    mentions: Vec<Mention>,
    /// The code-point (start, end) of each mention.
    code_points: Vec<(usize, usize)>,
    /// With `explain`: the normalisation steps of each mention's text.
    steps: Option<Vec<Vec<&'static str>>>,
}

/// Tags one text and counts its mentions' code points.
pub(crate) fn tag_one(
    tagger: &Tagger,
    scratch: &mut Scratch,
    text: &str,
    explain: bool,
) -> rasid::Result<Tagged> {
    let mut tagged = Tagged::default();
    tagger.tag_with(scratch, text, |m| tagged.mentions.push(m))?;
    // Mentions come in text order and never overlap, so one pass over the text counts them all.
    let (mut byte, mut chars) = (0, 0);
    let mut advance = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    tagged.code_points = tagged
        .mentions
        .iter()
        .map(|m| (advance(m.span.start), advance(m.span.end)))
        .collect();
    if explain {
        let normalizer = Normalizer::new();
        tagged.steps = Some(
            tagged
                .mentions
                .iter()
                .map(|m| {
                    normalizer.explain(&text[m.proclitics.start.min(m.span.start)..m.span.end])
                })
                .collect(),
        );
    }
    Ok(tagged)
}

/// Documents a worker takes at a time from a batch: few enough to balance long and short texts.
const CHUNK: usize = 8;

/// Tags a batch of texts on up to `threads` threads; results are in input order.
pub(crate) fn tag_batch(
    tagger: &Tagger,
    texts: &[String],
    explain: bool,
    threads: usize,
    scratches: &mut Vec<Scratch>,
) -> Vec<rasid::Result<Tagged>> {
    let threads = threads.min(texts.len().div_ceil(CHUNK)).max(1);
    if scratches.len() < threads {
        scratches.resize_with(threads, Scratch::new);
    }
    if threads == 1 {
        let scratch = &mut scratches[0];
        return texts
            .iter()
            .map(|text| tag_one(tagger, scratch, text, explain))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<rasid::Result<Tagged>>>> =
        Mutex::new((0..texts.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for scratch in scratches.iter_mut().take(threads) {
            let (next, results) = (&next, &results);
            scope.spawn(move || {
                let mut done = Vec::with_capacity(CHUNK);
                loop {
                    let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                    if start >= texts.len() {
                        break;
                    }
                    let end = (start + CHUNK).min(texts.len());
                    done.extend(
                        texts[start..end]
                            .iter()
                            .map(|text| tag_one(tagger, scratch, text, explain)),
                    );
                    let mut results = results.lock().unwrap_or_else(|e| e.into_inner());
                    for (slot, result) in results[start..end].iter_mut().zip(done.drain(..)) {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every text of the batch was tagged"))
        .collect()
}

/// The mentions of `text` as a list of dicts, keys in the order of the command line's JSON.
pub(crate) fn to_python<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    text: &str,
    tagged: &Tagged,
) -> PyResult<Bound<'py, PyList>> {
    let gazetteer = tagger.gazetteer();
    let list = PyList::empty(py);
    for (i, (m, &(start, end))) in tagged.mentions.iter().zip(&tagged.code_points).enumerate() {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), start)?;
        d.set_item(intern!(py, "end"), end)?;
        d.set_item(intern!(py, "byte_start"), m.span.start)?;
        d.set_item(intern!(py, "byte_end"), m.span.end)?;
        d.set_item(intern!(py, "text"), &text[m.span.range()])?;
        d.set_item(intern!(py, "label"), gazetteer.label_name(m.label))?;
        let proclitics = &text[m.proclitics.range()];
        match m.named {
            Named::Entity { entity, alias } => {
                let entity = gazetteer.entity(entity);
                d.set_item(intern!(py, "id"), entity.id.as_str())?;
                d.set_item(intern!(py, "name"), entity.name.as_str())?;
                d.set_item(intern!(py, "alias"), gazetteer.alias(alias).text.as_str())?;
                d.set_item(intern!(py, "proclitics"), proclitics)?;
                // As the command line's JSON: the English name always, the rest when known.
                let attributes = entity.attributes();
                d.set_item(intern!(py, "name_en"), entity.name_en.as_str())?;
                if let Some(country) = &attributes.country {
                    d.set_item(intern!(py, "country"), country.as_str())?;
                }
                if let Some(admin1) = &attributes.admin1 {
                    d.set_item(intern!(py, "admin1"), admin1.as_str())?;
                }
                if let Some(lat) = attributes.lat {
                    d.set_item(intern!(py, "lat"), lat)?;
                }
                if let Some(lon) = attributes.lon {
                    d.set_item(intern!(py, "lon"), lon)?;
                }
            }
            Named::Person { name } => {
                let name = &text[name.range()];
                d.set_item(intern!(py, "id"), tagger.person_id(name))?;
                d.set_item(intern!(py, "name"), name)?;
                d.set_item(intern!(py, "alias"), &text[m.span.range()])?;
                d.set_item(intern!(py, "proclitics"), proclitics)?;
            }
        }
        if let Some(steps) = &tagged.steps {
            d.set_item(
                intern!(py, "explain"),
                explanation(py, tagger, m, &steps[i])?,
            )?;
        }
        list.append(d)?;
    }
    Ok(list)
}

/// How one mention matched, as `rasid tag --explain` gives it.
fn explanation<'py>(
    py: Python<'py>,
    tagger: &Tagger,
    m: &Mention,
    steps: &[&'static str],
) -> PyResult<Bound<'py, PyDict>> {
    let when = match m.named {
        Named::Entity { alias, .. } => tagger.gazetteer().alias(alias).when.as_str(),
        Named::Person { .. } => "grammar",
    };
    let d = PyDict::new(py);
    d.set_item("when", when)?;
    d.set_item("via", m.via.as_str())?;
    d.set_item("steps", steps)?;
    d.set_item("choices", m.choices)?;
    if let Via::Grammar(rule) = m.via {
        d.set_item("rule", rule.as_str())?;
    }
    Ok(d)
}
