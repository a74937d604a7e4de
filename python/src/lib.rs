//! The `rasid._rasid` extension module: the library's tagger, counts and checks for Python.
//!
//! Tagging runs with the interpreter detached (the GIL released), on as many threads as asked; only
//! the conversion of the results into Python objects holds the interpreter. The pure-Python package
//! `rasid` (beside this crate) re-exports these and adds pandas and Spark on top.

mod count;
mod parallel;
mod record;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use rasid::count::Filter;
use rasid::{DEFAULT_PREFIX, Diagnostic, Level, Scratch};

use record::{Tagged, tag_one};

pyo3::create_exception!(
    _rasid,
    RasidError,
    pyo3::exceptions::PyException,
    "An error of rasid: the message is the line the `rasid` command prints after `rasid: `."
);

pyo3::create_exception!(
    _rasid,
    GazetteerError,
    RasidError,
    "A gazetteer could not be loaded: every problem found, one `path:line:col: error: message` per line."
);

pyo3::create_exception!(
    _rasid,
    DocumentTooLargeError,
    RasidError,
    "A document larger than 64 MiB, which rasid refuses to tag."
);

/// The Python exception for a library error, with the message the command line prints.
pub(crate) fn to_py_err(e: &rasid::Error) -> PyErr {
    let message = e.to_string();
    match e.kind() {
        rasid::ErrorKind::Gazetteer(_) => GazetteerError::new_err(message),
        rasid::ErrorKind::DocumentTooLarge { .. } => DocumentTooLargeError::new_err(message),
        _ => RasidError::new_err(message),
    }
}

/// As [`to_py_err`], the message starting with where (`text 12: ...`).
pub(crate) fn to_py_err_at(e: &rasid::Error, at: &str) -> PyErr {
    let message = format!("{at}: {e}");
    match e.kind() {
        rasid::ErrorKind::Gazetteer(_) => GazetteerError::new_err(message),
        rasid::ErrorKind::DocumentTooLarge { .. } => DocumentTooLargeError::new_err(message),
        _ => RasidError::new_err(message),
    }
}

/// How many threads to tag on: `None` means every core, as the command line does.
pub(crate) fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
        Some(n @ 1..=256) => Ok(n),
        Some(n) => Err(PyValueError::new_err(format!(
            "threads must be from 1 to 256, not {n}"
        ))),
    }
}

/// The builder of a tagger over the built-in gazetteers (or not) and `paths` (files, and the
/// gazetteer files below directories, walked as `rasid --gazetteer DIR` walks them).
fn tagger_builder(paths: &[PathBuf], defaults: bool, person_grammar: bool) -> rasid::TaggerBuilder {
    let mut builder = rasid::Tagger::builder();
    builder.defaults(defaults).person_grammar(person_grammar);
    for path in paths {
        builder.gazetteer_path(path);
    }
    builder
}

/// Tags Arabic text with the gazetteers' places, armed groups, people and organisations.
///
/// Build one and reuse it: compiling the gazetteers takes about a second (a few milliseconds once
/// the compiled tagger is in the cache, as for the ``rasid`` command), tagging an article a
/// fraction of a millisecond. A ``Tagger`` is safe to share between threads; it is not pickled
/// (``rasid.spark`` builds one per worker instead).
///
/// Args:
///     gazetteers: YAML gazetteer files or directories of them, added to the built-in ones.
///     defaults: whether the built-in gazetteers are loaded (``False`` needs ``gazetteers``).
///     person_grammar: whether people nobody listed are found by the shape of their names.
///     cache: whether the compiled tagger is kept in, and read back from, the cache directory
///         ``rasid`` uses (``$RASID_CACHE_DIR``, else ``$XDG_CACHE_HOME/rasid``, else
///         ``~/.cache/rasid``); a damaged or stale cache file is rebuilt, never trusted.
///
/// Raises:
///     GazetteerError: a gazetteer has errors (every one is in the message).
///     RasidError: a file cannot be read.
#[pyclass(frozen, module = "rasid._rasid")]
struct Tagger {
    inner: Arc<rasid::Tagger>,
}

#[pymethods]
impl Tagger {
    #[new]
    #[pyo3(signature = (gazetteers = None, defaults = true, person_grammar = true, cache = true))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<Vec<PathBuf>>,
        defaults: bool,
        person_grammar: bool,
        cache: bool,
    ) -> PyResult<Tagger> {
        let paths = gazetteers.unwrap_or_default();
        if !defaults && paths.is_empty() {
            return Err(PyValueError::new_err(
                "defaults=False needs at least one gazetteer",
            ));
        }
        let mut builder = tagger_builder(&paths, defaults, person_grammar);
        builder.cache(match cache {
            true => rasid::IndexCache::new(),
            false => rasid::IndexCache::disabled(),
        });
        let tagger = py.detach(|| builder.build());
        match tagger {
            Ok(tagger) => Ok(Tagger {
                inner: Arc::new(tagger),
            }),
            Err(e) => Err(to_py_err(&e)),
        }
    }

    /// Tags one text.
    ///
    /// Returns a list of dicts with exactly the fields and values of the entities of
    /// ``rasid tag --format json``: ``start``/``end`` in code points (Python string indices),
    /// ``byte_start``/``byte_end`` in UTF-8 bytes, ``text``, ``label``, ``id``, ``name``, ``alias``,
    /// ``proclitics``, and ``name_en``, ``country``, ``admin1``, ``lat``, ``lon`` where the gazetteer
    /// gives them. With ``explain=True`` each also has ``explain``: how it matched, as
    /// ``rasid tag --explain`` shows it.
    ///
    /// Raises:
    ///     DocumentTooLargeError: the text is larger than 64 MiB.
    #[pyo3(signature = (text, *, explain = false))]
    fn tag<'py>(&self, py: Python<'py>, text: &str, explain: bool) -> PyResult<Bound<'py, PyList>> {
        let tagger = &*self.inner;
        let tagged = py.detach(|| tag_one(tagger, &mut Scratch::new(), text));
        let tagged = tagged.map_err(|e| to_py_err(&e))?;
        record::to_python(py, tagger, text, &tagged, explain)
    }

    /// Tags many texts, in parallel, and yields each text's mentions (as :meth:`tag` gives them)
    /// in input order.
    ///
    /// Texts are read from ``texts`` in batches; each batch is tagged on ``threads`` threads
    /// (every core when ``None``) with the interpreter released, so memory stays bounded whatever
    /// the length of the input.
    ///
    /// Raises:
    ///     TypeError: an item is not a ``str``.
    ///     DocumentTooLargeError: a text is larger than 64 MiB (the message gives its index).
    #[pyo3(signature = (texts, *, threads = None, explain = false, batch_size = 512))]
    fn tag_many(
        &self,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        explain: bool,
        batch_size: usize,
    ) -> PyResult<TagIter> {
        let threads = thread_count(threads)?;
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        Ok(TagIter {
            tagger: Arc::clone(&self.inner),
            input: Some(texts.try_iter()?.into_any().unbind()),
            explain,
            threads,
            batch_size,
            state: std::sync::Mutex::new(IterState::default()),
        })
    }

    /// Counts mentions per entity over documents, as ``rasid count --format json`` does; see
    /// :func:`rasid.count`, which wraps this and gives a pandas DataFrame.
    ///
    /// Returns a dict: ``documents``, ``entities`` (the rows), ``by_document`` (when asked),
    /// ``skipped`` (messages for documents that could not be tagged), ``missing_text`` (dicts
    /// without the text field) and ``ungrouped`` (documents without the ``group_by`` field).
    #[pyo3(signature = (documents, *, group_by = None, by_document = false, text_field = "text", id_field = "id", labels = None, countries = None, min_mentions = 0, top = None, threads = None, batch_size = 512))]
    #[allow(clippy::too_many_arguments)]
    fn count<'py>(
        &self,
        py: Python<'py>,
        documents: &Bound<'py, PyAny>,
        group_by: Option<&str>,
        by_document: bool,
        text_field: &str,
        id_field: &str,
        labels: Option<Vec<String>>,
        countries: Option<Vec<String>>,
        min_mentions: u64,
        top: Option<usize>,
        threads: Option<usize>,
        batch_size: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let threads = thread_count(threads)?;
        let known = self.inner.gazetteer().labels();
        let mut filter = Filter::default();
        filter.labels = labels
            .unwrap_or_default()
            .iter()
            .map(|label| {
                known
                    .iter()
                    .find(|k| k.to_lowercase() == label.to_lowercase())
                    .cloned()
                    .ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "unknown label \"{label}\": expected one of {}",
                            known.join(", ")
                        ))
                    })
            })
            .collect::<PyResult<_>>()?;
        filter.countries = countries.unwrap_or_default();
        filter.min_mentions = min_mentions;
        filter.top = top;
        let options = count::Options {
            group_by,
            by_document,
            text_field,
            id_field,
            threads,
            batch_size: batch_size.max(1),
            filter,
        };
        count::count(py, &self.inner, documents, &options)
    }

    /// The labels this tagger gives (``PLACE``, ``ARMED_GROUP``, ``PERSON``, ``ORG`` and those of
    /// the gazetteers).
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.gazetteer().labels().to_vec()
    }

    /// The number of entities in the gazetteers.
    fn __len__(&self) -> usize {
        self.inner.gazetteer().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<rasid.Tagger of {} entities>",
            self.inner.gazetteer().len()
        )
    }

    /// A tagger holds its compiled automaton, hundreds of megabytes' worth of work to ship: build one
    /// where it is used instead.
    fn __reduce__(&self) -> PyResult<()> {
        Err(PyTypeError::new_err(
            "a rasid.Tagger cannot be pickled: build one in each process (rasid.spark does)",
        ))
    }
}

/// What a [`TagIter`] has read and tagged but not yet yielded.
#[derive(Default)]
struct IterState {
    /// Texts of the current batch, and their results, yielded from the front.
    ready: std::collections::VecDeque<(String, Tagged)>,
    /// Per-thread buffers, kept across batches.
    scratches: Vec<Scratch>,
    /// Texts read so far: the index of an offending one in error messages.
    read: usize,
}

/// The iterator :meth:`Tagger.tag_many` returns: one list of mentions per text, in input order.
#[pyclass(module = "rasid._rasid")]
struct TagIter {
    tagger: Arc<rasid::Tagger>,
    input: Option<Py<PyAny>>,
    explain: bool,
    threads: usize,
    batch_size: usize,
    state: std::sync::Mutex<IterState>,
}

#[pymethods]
impl TagIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        let state = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        if state.ready.is_empty() {
            let Some(input) = &self.input else {
                return Ok(None);
            };
            let input = input.bind(py).clone();
            let mut texts = Vec::with_capacity(self.batch_size);
            for item in input.try_iter()?.take(self.batch_size) {
                let item = item?;
                let text: String = item.extract().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "tag_many takes str items; item {} is a {}",
                        state.read + texts.len(),
                        item.get_type()
                            .name()
                            .map_or_else(|_| "?".into(), |n| n.to_string())
                    ))
                })?;
                texts.push(text);
            }
            if texts.len() < self.batch_size {
                self.input = None;
            }
            if texts.is_empty() {
                return Ok(None);
            }
            let first = state.read;
            state.read += texts.len();
            let tagger = &*self.tagger;
            let threads = self.threads;
            let scratches = &mut state.scratches;
            let results = py.detach(|| record::tag_batch(tagger, &texts, threads, scratches));
            if let Some((i, Err(e))) = results.iter().enumerate().find(|(_, r)| r.is_err()) {
                return Err(to_py_err_at(e, &format!("text {}", first + i)));
            }
            state.ready = texts
                .into_iter()
                .zip(results)
                .map(|(text, result)| (text, result.expect("errors were returned above")))
                .collect();
        }
        let (text, tagged) = state.ready.pop_front().expect("a batch is never empty");
        record::to_python(py, &self.tagger, &text, &tagged, self.explain).map(Some)
    }
}

/// One finding of :func:`check`.
#[pyclass(frozen, get_all, module = "rasid._rasid")]
struct CheckDiagnostic {
    /// The file, as given.
    path: String,
    /// 1-based line.
    line: usize,
    /// 1-based column, in characters.
    column: usize,
    /// ``"error"`` or ``"warning"``.
    level: &'static str,
    /// The rule a warning names (``frequent-word``, ``shared-alias``, ...); ``None`` for errors.
    rule: Option<String>,
    /// The message, without the rule.
    message: String,
}

#[pymethods]
impl CheckDiagnostic {
    /// The line ``rasid check`` prints: ``path:line:col: level: message [rule]``.
    fn __str__(&self) -> String {
        let rule = self
            .rule
            .as_ref()
            .map_or(String::new(), |r| format!(" [{r}]"));
        format!(
            "{}:{}:{}: {}: {}{rule}",
            self.path, self.line, self.column, self.level, self.message
        )
    }

    fn __repr__(&self) -> String {
        format!("<rasid.Diagnostic {}>", self.__str__())
    }
}

impl CheckDiagnostic {
    fn of(d: &Diagnostic) -> CheckDiagnostic {
        let (message, rule) = match d.level {
            // Errors carry no rule name.
            Level::Error => (d.message.clone(), None),
            _ => match d
                .message
                .strip_suffix(']')
                .and_then(|m| m.rsplit_once(" ["))
            {
                Some((message, rule)) => (message.to_owned(), Some(rule.to_owned())),
                None => (d.message.clone(), None),
            },
        };
        CheckDiagnostic {
            path: d.path.display().to_string(),
            line: d.line,
            column: d.column,
            level: match d.level {
                Level::Error => "error",
                _ => "warning",
            },
            rule,
            message,
        }
    }
}

/// Checks gazetteer files or directories, as ``rasid check`` does, and returns every finding.
///
/// The files are checked together with the built-in gazetteers (clashing ids, references to built-in
/// entities) unless ``defaults=False``; only their own findings are returned. With no paths, the
/// built-in gazetteers themselves are checked.
///
/// Raises:
///     RasidError: a file cannot be read.
#[pyfunction]
#[pyo3(signature = (*paths, defaults = true))]
fn check(py: Python<'_>, paths: Vec<PathBuf>, defaults: bool) -> PyResult<Vec<CheckDiagnostic>> {
    let diagnostics = py.detach(|| {
        // Walk problems (a FIFO named `x.yml`, a link back) are skipped, as `rasid check` skips them.
        tagger_builder(&paths, paths.is_empty() || defaults, true)
            .gazetteer_builder(&mut |_| {})
            .check()
    });
    let diagnostics = diagnostics.map_err(|e| to_py_err(&e))?;
    Ok(diagnostics
        .iter()
        .filter(|d| paths.is_empty() || !d.path.starts_with(Path::new(DEFAULT_PREFIX)))
        .map(CheckDiagnostic::of)
        .collect())
}

#[pymodule]
fn _rasid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Tagger>()?;
    m.add_class::<TagIter>()?;
    m.add_class::<CheckDiagnostic>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add("RasidError", py.get_type::<RasidError>())?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    m.add(
        "DocumentTooLargeError",
        py.get_type::<DocumentTooLargeError>(),
    )?;
    m.add("__version__", PyString::new(py, env!("CARGO_PKG_VERSION")))?;
    Ok(())
}
