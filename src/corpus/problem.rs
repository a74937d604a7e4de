//! What reading a corpus skips: an input or a document, with its place. Reading goes on after each;
//! the caller decides whether to warn, count or stop.

use std::fmt;
use std::path::{Path, PathBuf};

/// An input or document that was skipped, and why. Its `Display` is one line naming the place
/// (`c.jsonl:7: invalid JSON: …`).
#[derive(Debug)]
#[non_exhaustive]
pub enum Problem {
    /// An input that cannot be opened or read (`-` is standard input).
    Io {
        /// The input.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A directory where a text file was expected.
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// A document that is not UTF-8.
    NotUtf8 {
        /// `file` or `file:line`.
        location: String,
        /// The byte where the UTF-8 breaks.
        at: usize,
    },
    /// A JSON line that is not a JSON object.
    InvalidJson {
        /// `file:line`.
        location: String,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// A document the tagger refused (too large).
    Tagging {
        /// The document's id or place.
        location: String,
        /// The tagger's error.
        source: crate::Error,
    },
    /// Files below a directory that are not corpus files (`.txt`, `.md`, `.jsonl`, `.jsonl.gz`).
    OtherKinds {
        /// The directory walked.
        dir: PathBuf,
        /// The files left alone.
        files: Vec<PathBuf>,
    },
    /// A symbolic link back to a directory being walked: not followed.
    LinkLoop {
        /// The link.
        path: PathBuf,
        /// The directory it leads back to.
        ancestor: PathBuf,
    },
    /// A FIFO, socket or device named like an input, below a directory: never opened.
    NotRegularFile {
        /// The entry.
        path: PathBuf,
    },
    /// An entry of a directory that cannot be read.
    Walk {
        /// The entry.
        path: PathBuf,
        /// The walk's error.
        source: walkdir::Error,
    },
}

impl Problem {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Problem {
        Problem::Io {
            path: path.to_owned(),
            source,
        }
    }

    pub(crate) fn stdin(source: std::io::Error) -> Problem {
        Problem::io(Path::new("-"), source)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Problem::IsDirectory { path } => write!(f, "{}: is a directory", path.display()),
            Problem::NotUtf8 { location, at } => {
                write!(f, "{location}: not valid UTF-8 at byte {at}")
            }
            Problem::InvalidJson { location, source } => {
                write!(f, "{location}: invalid JSON: {source}")
            }
            Problem::Tagging { location, source } => write!(f, "{location}: {source}"),
            Problem::OtherKinds { dir, files } => write!(
                f,
                "{}: skipped {} file{} of other kinds (read are .txt, .md, .jsonl, .jsonl.gz): {}",
                dir.display(),
                files.len(),
                if files.len() == 1 { "" } else { "s" },
                super::some_paths(files)
            ),
            Problem::LinkLoop { path, ancestor } => write!(
                f,
                "{}: a link back to {}, not followed",
                path.display(),
                ancestor.display()
            ),
            Problem::NotRegularFile { path } => write!(
                f,
                "{}: not a regular file (a FIFO, socket or device), skipped",
                path.display()
            ),
            Problem::Walk { path, source } => match source.io_error() {
                Some(cause) => write!(f, "{}: {cause}", path.display()),
                None => write!(f, "{}: {source}", path.display()),
            },
        }
    }
}

impl std::error::Error for Problem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Problem::Io { source, .. } => Some(source),
            Problem::InvalidJson { source, .. } => Some(source),
            Problem::Tagging { source, .. } => Some(source),
            Problem::Walk { source, .. } => Some(source),
            _ => None,
        }
    }
}
