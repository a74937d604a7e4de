//! Reading input documents: files or standard input, whole and checked as UTF-8.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One input as named on the command line; `-` is standard input.
#[derive(Clone, Debug)]
pub(crate) struct InputName(PathBuf);

impl InputName {
    /// The inputs to read: those given, or standard input when none are.
    pub(crate) fn all(given: &[PathBuf]) -> Vec<InputName> {
        if given.is_empty() {
            vec![InputName(PathBuf::from("-"))]
        } else {
            given.iter().cloned().map(InputName).collect()
        }
    }

    pub(crate) fn is_stdin(&self) -> bool {
        self.0 == Path::new("-")
    }

    /// Whether the input is JSON Lines (`.jsonl`, `.jsonl.gz`): one document per line.
    pub(crate) fn is_json_lines(&self) -> bool {
        let name = self.0.to_string_lossy();
        name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
    }

    /// The path as given.
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    /// The name to show in output and messages.
    pub(crate) fn display(&self) -> String {
        self.0.display().to_string()
    }

    /// Reads the whole input as UTF-8 text.
    ///
    /// # Errors
    ///
    /// A one-line message naming the input: missing file, directory, I/O error, or the byte offset
    /// of the first invalid UTF-8 sequence.
    pub(crate) fn read(&self) -> Result<String, String> {
        let name = self.display();
        String::from_utf8(self.read_bytes()?).map_err(|e| {
            format!(
                "{name}: not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )
        })
    }

    /// Reads the whole input as bytes, decompressing a `.gz` file.
    ///
    /// # Errors
    ///
    /// A one-line message naming the input: missing file, directory, or I/O error.
    pub(crate) fn read_bytes(&self) -> Result<Vec<u8>, String> {
        let name = self.display();
        let mut bytes = Vec::new();
        if self.is_stdin() {
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: {e}"))?;
        } else if self.0.is_dir() {
            return Err(format!("{name}: is a directory, not a text file"));
        } else if name.ends_with(".gz") {
            let file = std::fs::File::open(&self.0).map_err(|e| format!("{name}: {e}"))?;
            rasid::corpus::GzReader::new(std::io::BufReader::new(file))
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: {e}"))?;
        } else {
            bytes = std::fs::read(&self.0).map_err(|e| format!("{name}: {e}"))?;
        }
        Ok(bytes)
    }
}
