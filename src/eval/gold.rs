//! Gold annotations in any of the three formats, read into one shape: a document's text and its
//! labelled spans in code points, checked against the text.
//!
//! Which format a path holds is decided by one rule (see [`GoldFormat::detect`]) so that users can
//! predict it, and `--gold-format` overrides it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::LabeledSpan;

/// A gold document: its text and spans.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct GoldDocument {
    /// How listings name the document: the JSON `id`, the `.ann` path without extension, or
    /// `file.conll:LINE` for a CoNLL document.
    pub id: String,
    /// The text (for CoNLL, rebuilt from the tokens).
    pub text: String,
    /// Code points, end exclusive, valid for `text`.
    pub entities: Vec<LabeledSpan>,
}

impl GoldDocument {
    /// A gold document: its id, text and spans (code points, end exclusive).
    pub fn new(id: impl Into<String>, text: impl Into<String>, entities: Vec<LabeledSpan>) -> Self {
        GoldDocument {
            id: id.into(),
            text: text.into(),
            entities,
        }
    }
}

/// Why gold cannot be read. Its `Display` is one line naming the file (and line, and entity).
#[derive(Debug)]
#[non_exhaustive]
pub enum GoldError {
    /// A file or directory that cannot be read.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file that is not UTF-8.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The byte where the UTF-8 breaks.
        at: usize,
    },
    /// A JSON Lines gold line that is not a gold document.
    Json {
        /// `file:line`.
        location: String,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// JSON Lines gold of several documents given one text file instead of a directory.
    TextsNotADirectory {
        /// The path given for the texts.
        texts: PathBuf,
        /// The documents in the gold.
        documents: usize,
    },
    /// A span that is empty, reversed or past the end of its text: offsets in another unit, or gold
    /// for another text.
    SpanOutsideText {
        /// `file:line` (and entity number).
        location: String,
        /// The span's start, in code points.
        start: usize,
        /// The span's end.
        end: usize,
        /// The text's length in code points.
        length: usize,
    },
    /// A brat directory without `.ann` files.
    NoAnnFiles {
        /// The directory.
        dir: PathBuf,
    },
    /// A brat `T` line that is not `T1<TAB>LABEL START END<TAB>TEXT`.
    BadTextBound {
        /// `file:line`.
        location: String,
        /// The line as written.
        line: String,
    },
    /// Brat offsets that are not `START END` pairs separated by `;`.
    BadOffsets {
        /// `file:line`.
        location: String,
        /// The offsets as written.
        offsets: String,
    },
    /// A CoNLL line with one column.
    NotTokenTag {
        /// `file:line`.
        location: String,
        /// The line as written.
        line: String,
    },
    /// A CoNLL tag that is not `O` or `X-TYPE`.
    UnknownTag {
        /// `file:line`.
        location: String,
        /// The tag as written.
        tag: String,
    },
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            GoldError::NotUtf8 { path, at } => {
                write!(f, "{}: not valid UTF-8 at byte {at}", path.display())
            }
            GoldError::Json { location, source } => write!(f, "{location}: {source}"),
            GoldError::TextsNotADirectory { texts, documents } => write!(
                f,
                "{}: not a directory, and the gold has {documents} documents; give the directory holding <id>.txt",
                texts.display()
            ),
            GoldError::SpanOutsideText {
                location,
                start,
                end,
                length,
            } => write!(
                f,
                "{location}: span {start}-{end} is not inside the text ({length} code points); offsets are code points, end exclusive"
            ),
            GoldError::NoAnnFiles { dir } => write!(
                f,
                "{}: no .ann files found; brat gold is <name>.ann beside <name>.txt",
                dir.display()
            ),
            GoldError::BadTextBound { location, line } => write!(
                f,
                "{location}: expected \"T1<TAB>LABEL START END<TAB>TEXT\", found {line:?}"
            ),
            GoldError::BadOffsets { location, offsets } => write!(
                f,
                "{location}: offsets {offsets:?} are not START END pairs separated by ';'"
            ),
            GoldError::NotTokenTag { location, line } => {
                write!(f, "{location}: expected TOKEN TAG, found {line:?}")
            }
            GoldError::UnknownTag { location, tag } => write!(
                f,
                "{location}: unknown tag {tag:?}; expected O, B-TYPE or I-TYPE (or E-, S-, L-, U-)"
            ),
        }
    }
}

impl std::error::Error for GoldError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GoldError::Io { source, .. } => Some(source),
            GoldError::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Something in the gold that is read but probably not meant. Its `Display` is one line naming the
/// place, starting `warning:` after it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GoldWarning {
    /// A span whose stated text differs from the text at its offsets (the offsets are scored).
    TextDiffers {
        /// `file:line` (and entity number).
        location: String,
        /// The span's start, in code points.
        start: usize,
        /// The span's end.
        end: usize,
        /// The text the gold states.
        stated: String,
        /// The text at the offsets.
        actual: String,
    },
    /// A discontinuous brat span with text between its fragments, scored as its outer extent.
    GapWithText {
        /// `file:line`.
        location: String,
        /// The annotation's id (`T3`).
        id: String,
        /// The outer extent's start.
        start: usize,
        /// The outer extent's end.
        end: usize,
    },
}

impl fmt::Display for GoldWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoldWarning::TextDiffers {
                location,
                start,
                end,
                stated,
                actual,
            } => write!(
                f,
                "{location}: warning: span {start}-{end} says {stated:?} but the text there is {actual:?}"
            ),
            GoldWarning::GapWithText {
                location,
                id,
                start,
                end,
            } => write!(
                f,
                "{location}: warning: discontinuous span {id} is scored as its outer extent {start}-{end}, which takes in text between the fragments"
            ),
        }
    }
}

/// What the gold file or directory holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GoldFormat {
    /// JSON Lines of `{"id", "entities": [{"start", "end", "label"}]}`, texts as `TEXTS/<id>.txt`.
    Jsonl,
    /// brat standoff: `<name>.ann` beside `<name>.txt` (a directory, or one `.ann` file).
    Brat,
    /// CoNLL BIO: one `TOKEN TAG` per line, blank lines between sentences.
    Conll,
}

impl GoldFormat {
    /// The format of `path` when `--gold-format` is not given: a directory or a `.ann` file is brat,
    /// `.jsonl` and `.json` are JSON Lines, and any other file is JSON Lines when its first non-blank
    /// character is `{` and CoNLL otherwise (CoNLL files come as `.conll`, `.txt`, `.bio`, `.tsv`…).
    ///
    /// # Errors
    ///
    /// [`GoldError::Io`] or [`GoldError::NotUtf8`] when the file cannot be read.
    pub fn detect(path: &Path) -> Result<GoldFormat, GoldError> {
        if path.is_dir() {
            return Ok(GoldFormat::Brat);
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("ann") => Ok(GoldFormat::Brat),
            Some("jsonl" | "json") => Ok(GoldFormat::Jsonl),
            _ => {
                let text = read_text(path)?;
                let json = text.trim_start().starts_with('{');
                Ok(if json {
                    GoldFormat::Jsonl
                } else {
                    GoldFormat::Conll
                })
            }
        }
    }
}

/// Reads a whole UTF-8 file.
///
/// # Errors
///
/// [`GoldError::Io`] (missing, unreadable) or [`GoldError::NotUtf8`] (with the byte offset).
pub(crate) fn read_text(path: &Path) -> Result<String, GoldError> {
    let bytes = std::fs::read(path).map_err(|source| GoldError::Io {
        path: path.to_owned(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| GoldError::NotUtf8 {
        path: path.to_owned(),
        at: e.utf8_error().valid_up_to(),
    })
}

/// Reads CoNLL BIO gold from a file.
///
/// # Errors
///
/// The file cannot be read, or a line is malformed (see [`GoldError`]).
pub fn read_conll(path: &Path) -> Result<Vec<GoldDocument>, GoldError> {
    super::conll::parse(&read_text(path)?, &path.display().to_string())
}

/// A gold entity as the file gives it, before it is checked against the text.
#[derive(Debug)]
pub(crate) struct RawEntity {
    pub(crate) span: LabeledSpan,
    /// The text the file says the span covers, when it says.
    pub(crate) text: Option<String>,
    /// `path:line` (and entity number) for messages.
    pub(crate) location: String,
}

/// Checks every span against the document's text and returns the spans.
///
/// # Errors
///
/// [`GoldError::SpanOutsideText`] for the first span that is empty, reversed or runs past the end of the text: offsets in
/// another unit (bytes, UTF-16) or gold for another text, which would make every figure wrong.
/// A span whose stated text differs from the text at its offsets only adds a warning, since the
/// offsets are what is scored; the warning catches bytes-for-code-points and CRLF slips.
pub(crate) fn check_entities(
    text: &str,
    entities: Vec<RawEntity>,
    warnings: &mut Vec<GoldWarning>,
) -> Result<Vec<LabeledSpan>, GoldError> {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let length = boundaries.len() - 1;
    let mut spans = Vec::with_capacity(entities.len());
    for entity in entities {
        let LabeledSpan { start, end, .. } = entity.span;
        if start >= end || end > length {
            return Err(GoldError::SpanOutsideText {
                location: entity.location,
                start,
                end,
                length,
            });
        }
        let actual = &text[boundaries[start]..boundaries[end]];
        if let Some(stated) = &entity.text
            && stated != actual
        {
            warnings.push(GoldWarning::TextDiffers {
                location: entity.location.clone(),
                start,
                end,
                stated: stated.clone(),
                actual: actual.to_owned(),
            });
        }
        spans.push(entity.span);
    }
    Ok(spans)
}

#[derive(Deserialize)]
struct JsonDocument {
    id: serde_json::Value,
    entities: Vec<JsonEntity>,
}

#[derive(Deserialize)]
struct JsonEntity {
    start: usize,
    end: usize,
    label: String,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    text: Option<String>,
}

/// Reads JSON Lines gold (or one JSON object for a single document) and the texts it names: TEXTS is
/// a directory of `<id>.txt`, or the text file itself when the gold has one document.
///
/// # Errors
///
/// A [`GoldError`] naming the file and line: unreadable files, invalid JSON, spans outside the text.
pub fn read_jsonl(
    path: &Path,
    texts: &Path,
    warnings: &mut Vec<GoldWarning>,
) -> Result<Vec<GoldDocument>, GoldError> {
    let source = read_text(path)?;
    let name = path.display();
    let parsed: Vec<(usize, JsonDocument)> = match serde_json::from_str(&source) {
        Ok(single) => vec![(1, single)],
        Err(_) => source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str(l)
                    .map(|d| (i + 1, d))
                    .map_err(|source| GoldError::Json {
                        location: format!("{name}:{}", i + 1),
                        source,
                    })
            })
            .collect::<Result<_, _>>()?,
    };
    if !texts.is_dir() && parsed.len() > 1 {
        return Err(GoldError::TextsNotADirectory {
            texts: texts.to_owned(),
            documents: parsed.len(),
        });
    }
    let mut documents = Vec::with_capacity(parsed.len());
    for (line, document) in parsed {
        let id = match document.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let text_path: PathBuf = if texts.is_dir() {
            texts.join(format!("{id}.txt"))
        } else {
            texts.to_owned()
        };
        let text = read_text(&text_path)?;
        let raw = document
            .entities
            .into_iter()
            .enumerate()
            .map(|(i, e)| RawEntity {
                span: LabeledSpan {
                    start: e.start,
                    end: e.end,
                    label: e.label,
                    optional: e.optional,
                },
                text: e.text,
                location: format!("{name}:{line}: entity {}", i + 1),
            })
            .collect();
        let entities = check_entities(&text, raw, warnings)?;
        documents.push(GoldDocument { id, text, entities });
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(start: usize, end: usize, text: Option<&str>) -> RawEntity {
        RawEntity {
            span: LabeledSpan::new(start, end, "PLACE"),
            text: text.map(str::to_owned),
            location: "g.jsonl:1: entity 1".to_owned(),
        }
    }

    #[test]
    fn spans_are_checked_in_code_points() {
        // "في حلب": حلب is code points 3-6 but bytes 5-11.
        let text = "في حلب";
        let mut warnings = Vec::new();
        let ok = check_entities(text, vec![raw(3, 6, Some("حلب"))], &mut warnings).unwrap();
        assert_eq!(ok, [LabeledSpan::new(3, 6, "PLACE")]);
        assert!(warnings.is_empty());
        let error = check_entities(text, vec![raw(5, 11, None)], &mut warnings).unwrap_err();
        assert_eq!(
            error.to_string(),
            "g.jsonl:1: entity 1: span 5-11 is not inside the text (6 code points); offsets are code points, end exclusive"
        );
        check_entities(text, vec![raw(2, 5, Some("حلب"))], &mut warnings).unwrap();
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["g.jsonl:1: entity 1: warning: span 2-5 says \"حلب\" but the text there is \" حل\""]
        );
    }

    #[test]
    fn empty_spans_are_errors() {
        let error = check_entities("حلب", vec![raw(1, 1, None)], &mut Vec::new())
            .unwrap_err()
            .to_string();
        assert!(error.contains("span 1-1 is not inside the text"), "{error}");
    }
}
