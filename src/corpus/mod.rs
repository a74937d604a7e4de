//! Reading a corpus: text files, directories, JSON Lines (optionally gzip-compressed) and standard
//! input, cut into batches of documents, and the ordered, bounded parallel pipeline that processes
//! them ([`in_order`]), as `rasid count` and `rasid tag` read.
//!
//! The reader only splits bytes into documents; parsing JSON and checking UTF-8 happen in the workers,
//! so that one reader thread keeps any number of taggers busy. Every problem is a message naming the
//! file (and line), never a panic.

mod dates;
mod gz;
mod parallel;
mod problem;
mod walk;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use dates::month_of;
pub use gz::GzReader;
pub use parallel::{Event, Finished, MAX_THREADS, in_order, in_order_from, threads, window};
pub use problem::Problem;
pub use walk::{Found, some_paths, walk};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A document's bytes and where they came from.
#[derive(Debug)]
pub struct RawDocument {
    /// The input's name, as given or found.
    pub source: Arc<str>,
    /// 1-based line in a JSON Lines input; 0 for a whole text file.
    pub line: usize,
    /// The document's bytes: a whole file, or one JSON line without its line break.
    pub bytes: Vec<u8>,
}

impl RawDocument {
    fn is_json_line(&self) -> bool {
        self.line > 0
    }

    /// How many bytes of the input this document was read from: a JSON line with its newline, or a
    /// whole file. The progress line's unit, comparable with file sizes.
    pub fn input_len(&self) -> u64 {
        self.bytes.len() as u64 + u64::from(self.is_json_line())
    }

    /// Where to point a warning about this document.
    pub fn location(&self) -> String {
        if self.is_json_line() {
            format!("{}:{}", self.source, self.line)
        } else {
            self.source.to_string()
        }
    }
}

/// Which JSON fields hold what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The field holding the text (`text`).
    pub text: String,
    /// The field holding the document's id (`id`); a document without one is named by its place.
    pub id: String,
    /// The field to group by, if any, and whether to cut it to `YYYY-MM` ([`month_of`]).
    pub group: Option<(String, bool)>,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// The id field's value as text, or the place (`file`, `file:line`) when there is none.
    pub id: String,
    /// The text.
    pub text: String,
    /// The group, when [`Fields::group`] asks for one.
    pub group: Option<String>,
    /// With a group asked for: the document had no value for it (no field, or a date no form of
    /// [`month_of`] reads), so its group is `""`.
    pub ungrouped: bool,
}

impl Document {
    /// A document of its own: an id and a text, no group.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            group: None,
            ungrouped: false,
        }
    }
}

/// Why a document is skipped.
#[derive(Debug)]
pub enum Skip {
    /// A JSON line without the text field. Its own kind, because a corpus with another field name
    /// misses it on every line, and that is said once with the count.
    NoText {
        /// The input's name.
        source: Arc<str>,
        /// The line.
        line: usize,
    },
    /// Anything else, naming the place.
    Other(Problem),
}

impl Skip {
    /// The message for one skipped document.
    pub fn message(&self, fields: &Fields) -> String {
        match self {
            Skip::NoText { source, line } => {
                format!("{source}:{line}: no string field \"{}\"", fields.text)
            }
            Skip::Other(problem) => problem.to_string(),
        }
    }
}

impl RawDocument {
    /// The bytes as UTF-8 text, with the document's location for messages.
    ///
    /// # Errors
    ///
    /// [`Problem::NotUtf8`], naming the location and the byte where the UTF-8 breaks.
    pub fn into_text(self) -> Result<(String, String), Problem> {
        let location = self.location();
        match String::from_utf8(self.bytes) {
            Ok(text) => Ok((location, text)),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                Err(Problem::NotUtf8 { location, at })
            }
        }
    }

    /// Checks UTF-8 and, for a JSON line, extracts the fields.
    ///
    /// # Errors
    ///
    /// Why the document is skipped, naming the file and line: invalid UTF-8, invalid JSON, or no
    /// text field.
    pub fn parse(self, fields: &Fields) -> Result<Document, Skip> {
        let is_json_line = self.is_json_line();
        let (source, line) = (Arc::clone(&self.source), self.line);
        let (location, text) = self.into_text().map_err(Skip::Other)?;
        if !is_json_line {
            // A whole file: its location is its name, and it has no fields to group by.
            let group = fields.group.as_ref().map(|_| String::new());
            return Ok(Document {
                id: location,
                text,
                ungrouped: group.is_some(),
                group,
            });
        }
        let mut deserializer = serde_json::Deserializer::from_str(&text);
        let parsed = DocumentSeed { fields }
            .deserialize(&mut deserializer)
            .and_then(|doc| deserializer.end().map(|()| doc))
            .map_err(|source| {
                Skip::Other(Problem::InvalidJson {
                    location: location.clone(),
                    source,
                })
            })?;
        let text = parsed.text.ok_or(Skip::NoText { source, line })?;
        let id = parsed.id.unwrap_or_else(|| location.clone());
        let group = fields.group.as_ref().map(|(_, month)| {
            let value = parsed.group.unwrap_or_default();
            if *month {
                month_of(&value).unwrap_or_default()
            } else {
                value
            }
        });
        Ok(Document {
            id,
            text,
            ungrouped: group.as_ref().is_some_and(String::is_empty),
            group,
        })
    }
}

/// Lines without the text field, gathered per input so that a corpus missing it on every line
/// gives one warning with the count instead of one per line.
#[derive(Debug, Default)]
pub struct MissingText {
    /// Per input in order of appearance: the name, the number of lines, the first line.
    inputs: Vec<(Arc<str>, usize, usize)>,
}

impl MissingText {
    /// Notes a line of `source` without the text field.
    pub fn add(&mut self, source: &Arc<str>, line: usize) {
        match self.inputs.last_mut() {
            Some((last, count, _)) if last == source => *count += 1,
            _ => self.inputs.push((Arc::clone(source), 1, line)),
        }
    }

    /// One line per input: `c.jsonl:7: no string field "text"` for one line, or
    /// `c.jsonl: 3000 lines have no string field "text" (the first is line 1); skipped`.
    pub fn messages(&self, fields: &Fields) -> Vec<String> {
        self.inputs
            .iter()
            .map(|(source, count, first)| {
                if *count == 1 {
                    format!("{source}:{first}: no string field \"{}\"", fields.text)
                } else {
                    format!(
                        "{source}: {count} lines have no string field \"{}\" (the first is line {first}); skipped",
                        fields.text
                    )
                }
            })
            .collect()
    }
}

/// The warning for the documents that `--group-by` found no group for, if any.
pub fn ungrouped_warning(fields: &Fields, ungrouped: u64) -> Option<String> {
    let (field, month) = fields.group.as_ref()?;
    if ungrouped == 0 {
        return None;
    }
    let documents = if ungrouped == 1 {
        "document has"
    } else {
        "documents have"
    };
    Some(if *month {
        format!(
            "{ungrouped} {documents} no \"{field}\" that reads as a date (ISO, 21/07/2015, epoch seconds); counted in group \"\""
        )
    } else {
        format!("{ungrouped} {documents} no field \"{field}\"; counted in group \"\"")
    })
}

struct DocumentSeed<'f> {
    fields: &'f Fields,
}

#[derive(Default)]
struct ParsedFields {
    text: Option<String>,
    id: Option<String>,
    group: Option<String>,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = ParsedFields;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<ParsedFields, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = ParsedFields;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    /// Takes only the fields it needs and skips the rest without building them.
    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ParsedFields, M::Error> {
        let mut out = ParsedFields::default();
        let group_field = self.fields.group.as_ref().map(|(f, _)| f.as_str());
        while let Some(key) = map.next_key::<String>()? {
            if key == self.fields.text {
                out.text = Some(map.next_value()?);
            } else if key == self.fields.id {
                out.id = Some(scalar_string(map.next_value::<&'de RawValue>()?));
            } else if Some(key.as_str()) == group_field {
                out.group = Some(scalar_string(map.next_value::<&'de RawValue>()?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(out)
    }
}

/// A JSON value as text: strings unescaped, `null` empty, other values exactly as written, so a big
/// integer id (`12345678901234567890123`) is not rounded through a float.
fn scalar_string(value: &serde_json::value::RawValue) -> String {
    let raw = value.get();
    if raw.starts_with('"') {
        serde_json::from_str(raw).unwrap_or_else(|_| raw.to_owned())
    } else if raw == "null" {
        String::new()
    } else {
        raw.to_owned()
    }
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A text file: one document.
    Text(PathBuf),
    /// A JSON Lines file (`.jsonl`, `.jsonl.gz`): one document per line.
    JsonLines(PathBuf),
    /// Standard input: JSON Lines when it starts with `{`, one text otherwise.
    Stdin,
}

/// The inputs named on the command line, directories expanded (sorted, recursive: `.txt` and `.md` as
/// text, `.jsonl` and `.jsonl.gz` as JSON Lines; see [`walk`]). Files of other kinds found in
/// directories are skipped and named in one warning per directory; their number, with the entries
/// that could not be used, is returned beside the inputs. A path named on the command line is taken
/// as it is (a FIFO such as `<(zcat …)` included); a missing one fails when it is read.
pub fn expand(given: &[PathBuf], warn: &mut dyn FnMut(Problem)) -> (Vec<Input>, usize) {
    let mut inputs = Vec::new();
    let mut skipped = 0;
    if given.is_empty() {
        return (vec![Input::Stdin], 0);
    }
    for path in given {
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let found = walk(path, &|p| classify(p).is_some(), warn);
            if !found.other_kinds.is_empty() {
                warn(Problem::OtherKinds {
                    dir: path.clone(),
                    files: found.other_kinds.clone(),
                });
            }
            skipped += found.other_kinds.len() + found.problems;
            inputs.extend(found.files.iter().filter_map(|p| classify(p)));
        } else if is_json_lines(path) {
            inputs.push(Input::JsonLines(path.clone()));
        } else {
            inputs.push(Input::Text(path.clone()));
        }
    }
    (inputs, skipped)
}

fn classify(path: &Path) -> Option<Input> {
    let name = path.file_name()?.to_str()?;
    if is_json_lines(path) {
        Some(Input::JsonLines(path.to_owned()))
    } else if name.ends_with(".txt") || name.ends_with(".md") {
        Some(Input::Text(path.to_owned()))
    } else {
        None
    }
}

fn is_json_lines(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// The size in bytes of what the inputs will read, when every input is a plain file (for the ETA).
pub fn known_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |total, input| match input {
        Input::Text(p) => Some(total + std::fs::metadata(p).ok()?.len()),
        Input::JsonLines(p) if !p.to_string_lossy().ends_with(".gz") => {
            Some(total + std::fs::metadata(p).ok()?.len())
        }
        _ => None,
    })
}

/// How many inputs reading skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Inputs that failed, at the start or part-way.
    pub inputs: usize,
    /// Those of them that failed before giving any document.
    pub unread: usize,
}

/// Reads every input and hands documents to `emit` in batches of about `batch_bytes`. Unreadable inputs
/// are reported to `warn` and skipped (the documents read before a failure part-way are kept);
/// returns how many were skipped. `emit` returns false to stop.
pub fn read_all(
    inputs: &[Input],
    batch_bytes: usize,
    emit: &mut dyn FnMut(Vec<RawDocument>) -> bool,
    warn: &mut dyn FnMut(Problem),
) -> Skipped {
    let mut batcher = Batcher {
        batch: Vec::new(),
        bytes: 0,
        limit: batch_bytes,
        emit,
        stopped: false,
        pushed: 0,
    };
    let mut skipped = Skipped::default();
    for input in inputs {
        if batcher.stopped {
            break;
        }
        let pushed_before = batcher.pushed;
        let result = match input {
            Input::Text(path) => read_text(path, &mut batcher),
            Input::JsonLines(path) => read_json_lines_file(path, &mut batcher),
            Input::Stdin => read_stdin(&mut batcher),
        };
        if let Err(message) = result {
            warn(message);
            skipped.inputs += 1;
            skipped.unread += usize::from(batcher.pushed == pushed_before);
        }
    }
    batcher.flush();
    skipped
}

struct Batcher<'e> {
    batch: Vec<RawDocument>,
    bytes: usize,
    limit: usize,
    emit: &'e mut dyn FnMut(Vec<RawDocument>) -> bool,
    stopped: bool,
    /// Documents pushed so far.
    pushed: usize,
}

impl Batcher<'_> {
    fn push(&mut self, document: RawDocument) {
        self.bytes += document.bytes.len();
        self.pushed += 1;
        self.batch.push(document);
        if self.bytes >= self.limit {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if !self.batch.is_empty() && !self.stopped {
            self.stopped = !(self.emit)(std::mem::take(&mut self.batch));
        }
        self.batch.clear();
        self.bytes = 0;
    }
}

fn read_text(path: &Path, batcher: &mut Batcher<'_>) -> Result<(), Problem> {
    if path.is_dir() {
        return Err(Problem::IsDirectory {
            path: path.to_owned(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Problem::io(path, e))?;
    batcher.push(RawDocument {
        source: path.display().to_string().into(),
        line: 0,
        bytes,
    });
    Ok(())
}

fn read_json_lines_file(path: &Path, batcher: &mut Batcher<'_>) -> Result<(), Problem> {
    let file = File::open(path).map_err(|e| Problem::io(path, e))?;
    let source: Arc<str> = path.display().to_string().into();
    let reader: Box<dyn Read> = if path.to_string_lossy().ends_with(".gz") {
        Box::new(GzReader::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    read_lines(BufReader::with_capacity(1 << 20, reader), &source, batcher)
        .map_err(|e| Problem::io(path, e))
}

/// Whether standard input is JSON Lines: its first non-blank byte, in what the first read gives, is
/// `{`. Nothing is consumed.
///
/// # Errors
///
/// [`Problem::Io`] when standard input cannot be read.
pub fn stdin_is_json_lines() -> Result<bool, Problem> {
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    let buffered = lock.fill_buf().map_err(Problem::stdin)?;
    Ok(starts_json(buffered))
}

fn starts_json(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// Standard input is JSON Lines when its first non-blank byte is `{`, one text document otherwise.
fn read_stdin(batcher: &mut Batcher<'_>) -> Result<(), Problem> {
    let stdin = io::stdin();
    let mut reader = BufReader::with_capacity(1 << 20, stdin.lock());
    let source: Arc<str> = "-".into();
    if starts_json(reader.fill_buf().map_err(Problem::stdin)?) {
        return read_lines(reader, &source, batcher).map_err(Problem::stdin);
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(Problem::stdin)?;
    batcher.push(RawDocument {
        source,
        line: 0,
        bytes,
    });
    Ok(())
}

fn read_lines(
    mut reader: impl BufRead,
    source: &Arc<str>,
    batcher: &mut Batcher<'_>,
) -> io::Result<()> {
    let mut line = 0;
    loop {
        let mut bytes = Vec::new();
        if reader.read_until(b'\n', &mut bytes)? == 0 || batcher.stopped {
            return Ok(());
        }
        line += 1;
        while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            bytes.pop();
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        batcher.push(RawDocument {
            source: Arc::clone(source),
            line,
            bytes,
        });
    }
}

/// About this many bytes of text per batch: large enough to amortise channel traffic, small enough
/// that a few batches per worker keep memory low.
pub const BATCH_BYTES: usize = 256 << 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(group: Option<(&str, bool)>) -> Fields {
        Fields {
            text: "text".into(),
            id: "id".into(),
            group: group.map(|(f, m)| (f.to_owned(), m)),
        }
    }

    fn line(json: &str) -> RawDocument {
        RawDocument {
            source: "c.jsonl".into(),
            line: 7,
            bytes: json.as_bytes().to_vec(),
        }
    }

    #[test]
    fn json_lines_take_the_named_fields() {
        let doc = line(
            r#"{"id": 12, "text": "حلب\nإدلب", "date": "2017-11-07T10:00", "x": [1, {"y": 2}]}"#,
        )
        .parse(&fields(Some(("date", true))))
        .unwrap();
        assert_eq!(
            (doc.id.as_str(), doc.text.as_str(), doc.group.as_deref()),
            ("12", "حلب\nإدلب", Some("2017-11"))
        );
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let f = fields(None);
        assert!(
            line("{not json")
                .parse(&f)
                .unwrap_err()
                .message(&f)
                .starts_with("c.jsonl:7: invalid JSON")
        );
        assert_eq!(
            line(r#"{"id": 1}"#).parse(&f).unwrap_err().message(&f),
            "c.jsonl:7: no string field \"text\""
        );
        let bad = RawDocument {
            source: "c.jsonl".into(),
            line: 3,
            bytes: b"{\"text\": \"\xff\"}".to_vec(),
        };
        assert_eq!(
            bad.parse(&f).unwrap_err().message(&f),
            "c.jsonl:3: not valid UTF-8 at byte 10"
        );
    }

    // Issue 13, defect 15: the progress line counted decoded text against file sizes, so its time
    // left was wrong for JSON Lines (escapes decode shorter).
    #[test]
    fn regression_progress_counts_input_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let lines = "{\"text\": \"\\u062d\\u0644\\u0628\"}\n{\"text\": \"حلب\"}\n";
        std::fs::write(&path, lines).unwrap();
        let text = dir.path().join("a.txt");
        std::fs::write(&text, "قصف في حلب").unwrap();
        let inputs = [Input::JsonLines(path), Input::Text(text)];
        let (mut read, mut decoded) = (0, 0);
        read_all(
            &inputs,
            BATCH_BYTES,
            &mut |batch| {
                for raw in batch {
                    read += raw.input_len();
                    decoded += raw.parse(&fields(None)).unwrap().text.len() as u64;
                }
                true
            },
            &mut |w| panic!("{w}"),
        );
        assert_eq!(read, known_size(&inputs).unwrap());
        assert!(decoded < read);
    }
}
