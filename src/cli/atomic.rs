//! Output that appears whole or not at all: `-o FILE` writes a temporary file beside FILE and renames
//! it over FILE only when everything was written. Without `-o`, output goes to stdout as it comes.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::Failure;

pub(crate) struct AtomicOutput {
    writer: Box<dyn Write>,
    /// (temporary, final) paths when writing to a file.
    paths: Option<(PathBuf, PathBuf)>,
}

impl AtomicOutput {
    /// Output to `path`, or to stdout when `None`.
    pub(crate) fn new(path: Option<&Path>) -> Result<AtomicOutput, Failure> {
        let Some(path) = path else {
            return Ok(AtomicOutput {
                writer: Box::new(BufWriter::new(io::stdout())),
                paths: None,
            });
        };
        let name = path
            .file_name()
            .ok_or_else(|| Failure::trouble(format!("{}: not a file name", path.display())))?;
        let temporary = path.with_file_name(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = File::create(&temporary)
            .map_err(|e| Failure::trouble(format!("{}: {e}", temporary.display())))?;
        Ok(AtomicOutput {
            writer: Box::new(BufWriter::new(file)),
            paths: Some((temporary, path.to_owned())),
        })
    }

    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flushes and, for a file, renames the temporary file into place, with the permissions of the
    /// file it replaces.
    pub(crate) fn commit(mut self) -> Result<(), Failure> {
        self.writer.flush()?;
        if let Some((temporary, target)) = self.paths.take() {
            if let Ok(meta) = std::fs::metadata(&target) {
                // Best effort: a file we may replace but not chmod keeps the default mode.
                let _ = std::fs::set_permissions(&temporary, meta.permissions());
            }
            std::fs::rename(&temporary, &target).map_err(|e| {
                let _ = std::fs::remove_file(&temporary);
                Failure::trouble(format!("{}: {e}", target.display()))
            })?;
        }
        Ok(())
    }
}

impl Drop for AtomicOutput {
    /// An output dropped without `commit` (an error, an interrupted run) leaves no partial file.
    fn drop(&mut self) {
        if let Some((temporary, _)) = self.paths.take() {
            let _ = std::fs::remove_file(temporary);
        }
    }
}
