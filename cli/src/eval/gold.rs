//! Gold annotations in any of the three formats, read into one shape: a document's text and its
//! labelled spans in code points, checked against the text.
//!
//! Which format a path holds is decided by one rule (see [`GoldFormat::detect`]) so that users can
//! predict it, and `--gold-format` overrides it.

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use rasid::eval::LabeledSpan;

/// A gold document: its text and spans.
#[derive(Debug)]
pub(crate) struct GoldDocument {
    /// How listings name the document: the JSON `id`, the `.ann` path without extension, or
    /// `file.conll:LINE` for a CoNLL document.
    pub(crate) id: String,
    pub(crate) text: String,
    /// Code points, end exclusive, valid for `text`.
    pub(crate) entities: Vec<LabeledSpan>,
}

/// What the gold file or directory holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum GoldFormat {
    /// JSON Lines of {"id", "entities": [{"start", "end", "label"}]}, texts as TEXTS/<id>.txt.
    Jsonl,
    /// brat standoff: <name>.ann beside <name>.txt (a directory, or one .ann file).
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
    /// A message naming the path when it cannot be read.
    pub(crate) fn detect(path: &Path) -> Result<GoldFormat, String> {
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
/// A message naming the path: missing, unreadable, or not UTF-8 (with the byte offset).
pub(crate) fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not valid UTF-8 at byte {}",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
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
/// A message for the first span that is empty, reversed or runs past the end of the text: offsets in
/// another unit (bytes, UTF-16) or gold for another text, which would make every figure wrong.
/// A span whose stated text differs from the text at its offsets only adds a warning, since the
/// offsets are what is scored; the warning catches bytes-for-code-points and CRLF slips.
pub(crate) fn check_entities(
    text: &str,
    entities: Vec<RawEntity>,
    warnings: &mut Vec<String>,
) -> Result<Vec<LabeledSpan>, String> {
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
            return Err(format!(
                "{}: span {start}-{end} is not inside the text ({length} code points); offsets are code points, end exclusive",
                entity.location
            ));
        }
        let actual = &text[boundaries[start]..boundaries[end]];
        if let Some(stated) = &entity.text
            && stated != actual
        {
            warnings.push(format!(
                "{}: warning: span {start}-{end} says {stated:?} but the text there is {actual:?}",
                entity.location
            ));
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
/// A message naming the file and line: unreadable files, invalid JSON, spans outside the text.
pub(crate) fn read_jsonl(
    path: &Path,
    texts: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<GoldDocument>, String> {
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
                    .map_err(|e| format!("{name}:{}: {e}", i + 1))
            })
            .collect::<Result<_, _>>()?,
    };
    if !texts.is_dir() && parsed.len() > 1 {
        return Err(format!(
            "{}: not a directory, and the gold has {} documents; give the directory holding <id>.txt",
            texts.display(),
            parsed.len()
        ));
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
            error,
            "g.jsonl:1: entity 1: span 5-11 is not inside the text (6 code points); offsets are code points, end exclusive"
        );
        check_entities(text, vec![raw(2, 5, Some("حلب"))], &mut warnings).unwrap();
        assert_eq!(
            warnings,
            ["g.jsonl:1: entity 1: warning: span 2-5 says \"حلب\" but the text there is \" حل\""]
        );
    }

    #[test]
    fn empty_spans_are_errors() {
        let error = check_entities("حلب", vec![raw(1, 1, None)], &mut Vec::new()).unwrap_err();
        assert!(error.contains("span 1-1 is not inside the text"), "{error}");
    }
}
