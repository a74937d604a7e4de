//! The library's error type and the located diagnostics that gazetteer validation produces.
//!
//! Errors are an opaque struct around a `#[non_exhaustive]` kind, so new kinds are not breaking changes.
//! Gazetteer problems are collected, never returned one at a time: a user fixing a file wants every
//! problem in one run.

use std::fmt;
use std::path::{Path, PathBuf};

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An error from loading gazetteers or tagging text.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file or directory failed.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gazetteer has problems; every error-level diagnostic found is listed.
    Gazetteer(Vec<Diagnostic>),
    /// A document is larger than `Tagger::MAX_DOCUMENT_BYTES` (64 MiB).
    DocumentTooLarge {
        /// The document's length in bytes.
        len: usize,
    },
    /// Merging count tables would pass `u64::MAX`.
    CountOverflow {
        /// What adds up too far (`the counts of "country:sy"`).
        what: String,
    },
    /// Building a tagger without any gazetteer: the defaults off and none given.
    NoGazetteer,
    /// The gazetteers' aliases are too many for the automaton to hold.
    TooManyAliases {
        /// The number of distinct normalised aliases and name words.
        patterns: usize,
    },
    /// A number of worker threads out of range.
    Threads {
        /// The number asked for.
        asked: u64,
        /// The most allowed.
        max: u64,
    },
    /// A thread could not be started.
    ThreadStart {
        /// Which (`a worker thread`, `the reading thread`).
        what: &'static str,
        /// The system's error.
        source: std::io::Error,
    },
    /// A file read as a `rasid count --format json` table is not one.
    NotACountTable {
        /// The file.
        path: PathBuf,
        /// Why it does not read as one.
        source: serde_json::Error,
    },
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io {
                path: path.to_owned(),
                source,
            },
        }
    }

    pub(crate) fn gazetteer(diagnostics: Vec<Diagnostic>) -> Error {
        Error {
            kind: ErrorKind::Gazetteer(diagnostics),
        }
    }

    pub(crate) fn document_too_large(len: usize) -> Error {
        Error {
            kind: ErrorKind::DocumentTooLarge { len },
        }
    }

    pub(crate) fn no_gazetteer() -> Error {
        Error {
            kind: ErrorKind::NoGazetteer,
        }
    }

    pub(crate) fn too_many_aliases(patterns: usize) -> Error {
        Error {
            kind: ErrorKind::TooManyAliases { patterns },
        }
    }

    pub(crate) fn threads(asked: u64, max: u64) -> Error {
        Error {
            kind: ErrorKind::Threads { asked, max },
        }
    }

    pub(crate) fn thread_start(what: &'static str, source: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::ThreadStart { what, source },
        }
    }

    pub(crate) fn count_overflow(what: String) -> Error {
        Error {
            kind: ErrorKind::CountOverflow { what },
        }
    }

    pub(crate) fn not_a_count_table(path: &Path, source: serde_json::Error) -> Error {
        Error {
            kind: ErrorKind::NotACountTable {
                path: path.to_owned(),
                source,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ErrorKind::Gazetteer(diagnostics) => {
                // One line per problem; the first line alone still names a file and a position.
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            ErrorKind::DocumentTooLarge { len } => {
                write!(
                    f,
                    "document of {len} bytes is too large: at most 64 MiB per document \
                     (split it into several files, or one document per line of JSON Lines)"
                )
            }
            ErrorKind::NoGazetteer => {
                f.write_str("no gazetteer: the default gazetteers are off and no other was given")
            }
            ErrorKind::TooManyAliases { patterns } => write!(
                f,
                "the gazetteers' {patterns} distinct aliases are more than the matcher can hold"
            ),
            ErrorKind::Threads { asked, max } => write!(
                f,
                "-j {asked}: the number of threads must be between 1 and {max}"
            ),
            ErrorKind::ThreadStart { what, source } => {
                write!(f, "cannot start {what}: {source}")
            }
            ErrorKind::CountOverflow { what } => {
                write!(f, "{what} add up past {} and cannot be merged", u64::MAX)
            }
            ErrorKind::NotACountTable { path, source } => write!(
                f,
                "{}: not a `rasid count --format json` output: {source}",
                path.display()
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            ErrorKind::NotACountTable { source, .. } => Some(source),
            ErrorKind::ThreadStart { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The gazetteer cannot be used.
    Error,
    /// The gazetteer works, but probably not as its author meant.
    Warning,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Error => "error",
            Level::Warning => "warning",
        })
    }
}

/// One problem found in a gazetteer, with its location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the user named it (or `<default>/…` for the embedded gazetteers).
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Error or warning.
    pub level: Level,
    /// Lowercase, no trailing period; quotes the offending value.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn error(path: &Path, line: usize, column: usize, message: String) -> Diagnostic {
        Diagnostic {
            path: path.to_owned(),
            line,
            column,
            level: Level::Error,
            message,
        }
    }

    pub(crate) fn warning(path: &Path, line: usize, column: usize, message: String) -> Diagnostic {
        Diagnostic {
            path: path.to_owned(),
            line,
            column,
            level: Level::Warning,
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.level,
            self.message
        )
    }
}
