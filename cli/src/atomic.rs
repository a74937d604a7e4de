//! Output that never destroys what it writes to: `-o PATH` (and `check --fix`) decide how to write
//! by what is at PATH, and a run that fails or is interrupted leaves PATH as it was.
//!
//! | at PATH | how it is written |
//! |---|---|
//! | nothing yet | a temporary file beside it, synced, then renamed to PATH |
//! | `-` | standard output, as results come |
//! | a regular file | a temporary file beside it, given the file's mode and owner, synced, renamed over it |
//! | a regular file with other hard links | staged in a temporary file; at the end copied *into* the file, which keeps its inode so every name shows the result |
//! | a symbolic link (or a chain of them) | resolved: the final target is written as above and the link is kept |
//! | a device, FIFO or socket (`/dev/null`, `/dev/stdout`), directly or through links | opened and written through, never replaced |
//! | a directory, or a path ending in `/` | an error before anything runs |
//!
//! Hard links are the trade-off: renaming over one name would leave the other names on the old
//! content, silently splitting what the user linked on purpose, so the file is rewritten in place
//! instead. Only that final copy is not atomic; until it starts, the file is untouched.
//!
//! Temporary files come from `tempfile`: a unique name created exclusively (`O_EXCL`), so two runs
//! writing the same path, or a planted file or link with a guessable name, cannot collide. They are
//! removed when the run fails, and on SIGINT, SIGTERM and SIGHUP by a signal thread (`signal-hook`)
//! that then ends the process as the signal would have; the data is synced before the rename, so a
//! crash after it cannot leave an empty file behind the new name.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use tempfile::NamedTempFile;

use super::Failure;

/// Where the bytes go, and what `commit` does with them.
enum Target {
    /// Standard output, a device or a FIFO: written as they come.
    Stream,
    /// A temporary file renamed over `target` at the end.
    Replace { temp: Temporary, target: PathBuf },
    /// A temporary file copied into the hard-linked `target` at the end.
    CopyInto { temp: Temporary, target: PathBuf },
}

pub(crate) struct AtomicOutput {
    writer: Named<BufWriter<Box<dyn Write>>>,
    target: Target,
}

impl AtomicOutput {
    /// Output to `path` (`-` is standard output), or to stdout when `None`. Called before the run,
    /// so that a path that cannot be written fails at once.
    ///
    /// # Errors
    ///
    /// A one-line message naming `path` as the user gave it: a directory, a missing parent
    /// directory, no permission.
    pub(crate) fn new(path: Option<&Path>) -> Result<AtomicOutput, Failure> {
        let Some(path) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(AtomicOutput::stream(
                Box::new(io::stdout()),
                "standard output",
            ));
        };
        let shown = path.display().to_string();
        let fail = |e: &dyn std::fmt::Display| Failure::trouble(format!("{shown}: {e}"));
        if shown.ends_with('/') {
            return Err(fail(&"is a directory, not a file to write"));
        }
        // What the path finally points to, through any links: a device or FIFO is opened by the path
        // itself, since the kernel's own links (`/dev/stdout` → `/proc/self/fd/1` → `pipe:[…]`)
        // do not resolve to a name.
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(fail(&"is a directory, not a file to write"));
            }
            Ok(meta) if !meta.is_file() => {
                // A device, FIFO or socket: never replaced by a regular file.
                let file = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| fail(&e))?;
                return Ok(AtomicOutput::stream(Box::new(file), &shown));
            }
            _ => {}
        }
        // A regular file, or nothing yet: the file the links lead to is the one replaced.
        let target = resolve(path).map_err(|e| fail(&e))?;
        let existing = match fs::metadata(&target) {
            Ok(meta) if meta.is_file() => Some(meta),
            Ok(_) => return Err(fail(&"changed while being opened")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(fail(&e)),
        };
        let temp = temporary_beside(&target).map_err(|e| fail(&without_temporary_path(&e)))?;
        let file = temp.as_file().try_clone().map_err(|e| fail(&e))?;
        let writer = Named::new(BufWriter::new(Box::new(file) as Box<dyn Write>), &shown);
        let target = match &existing {
            Some(meta) if link_count(meta) > 1 => Target::CopyInto { temp, target },
            _ => Target::Replace { temp, target },
        };
        Ok(AtomicOutput { writer, target })
    }

    fn stream(out: Box<dyn Write>, shown: &str) -> AtomicOutput {
        AtomicOutput {
            writer: Named::new(BufWriter::new(out), shown),
            target: Target::Stream,
        }
    }

    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flushes and puts the output in place: renamed over the target, or copied into a hard-linked
    /// one, after the data reached the disk.
    ///
    /// # Errors
    ///
    /// A message naming the user's path when the data cannot be written or moved into place; the
    /// target is then as it was (but for a failed copy into a hard-linked file).
    pub(crate) fn commit(mut self) -> Result<(), Failure> {
        self.writer.flush()?;
        let shown = self.writer.name.clone();
        let fail = |e: io::Error| Failure::trouble(format!("{shown}: {e}"));
        match self.target {
            Target::Stream => Ok(()),
            Target::Replace { temp, target } => {
                // Held until the rename is done: a signal now waits, and finds nothing to remove.
                let mut pending = pending();
                let file = temp.unregister(&mut pending);
                if let Ok(meta) = fs::metadata(&target) {
                    keep_mode_and_owner(file.as_file(), &meta);
                }
                file.as_file().sync_all().map_err(fail)?;
                file.persist(&target).map_err(|e| fail(e.error))?;
                sync_parent(&target);
                Ok(())
            }
            Target::CopyInto { temp, target } => {
                // Held until the copy is done, so a signal cannot cut it short.
                let mut pending = pending();
                let temp = temp.unregister(&mut pending);
                let mut staged = temp.reopen().map_err(fail)?;
                staged.rewind().map_err(fail)?;
                let mut file = OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&target)
                    .map_err(fail)?;
                io::copy(&mut staged, &mut file).map_err(fail)?;
                file.sync_all().map_err(fail)
            }
        }
    }
}

/// Follows symbolic links, chains included, to the path that holds the data; a path that is not a
/// link (or does not exist yet) is its own. A dangling link resolves to the file it names.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    // As many hops as Linux follows before ELOOP.
    const MAX_HOPS: usize = 40;
    let mut path = path.to_owned();
    for _ in 0..MAX_HOPS {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The temporary files of this process that a signal must remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves a list that is still right.
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts, once, the thread that removes the pending temporary files on SIGINT, SIGTERM or SIGHUP
/// and then ends the process the way the signal would have (so a shell sees the signal).
fn remove_on_signal() {
    static INSTALL: Once = Once::new();
    #[cfg(unix)]
    INSTALL.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            // Without the handler a signal still ends the run; only the cleanup is lost.
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends, so no output is put in place after the signal.
                let mut list = pending();
                for path in list.drain(..) {
                    let _ = fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

/// A temporary file listed for removal on a signal while it exists.
struct Temporary {
    /// `None` only once taken by `unregister`.
    file: Option<NamedTempFile>,
}

impl Temporary {
    fn as_file(&self) -> &File {
        self.file
            .as_ref()
            .expect("taken only by unregister")
            .as_file()
    }

    /// Takes the file off the list, for the caller to put in place while it holds the lock.
    fn unregister(mut self, pending: &mut Vec<PathBuf>) -> NamedTempFile {
        let file = self.file.take().expect("taken only once");
        pending.retain(|p| p != file.path());
        file
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            // Off the list first; then `NamedTempFile` removes the file.
            pending().retain(|p| p != file.path());
        }
    }
}

/// A new, uniquely named temporary file in `target`'s directory (a rename is atomic only within one
/// file system), named after the target so a stray one is recognisable.
fn temporary_beside(target: &Path) -> io::Result<Temporary> {
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new output gets the mode any new file gets (0666 less the umask), not tempfile's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    remove_on_signal();
    let mut pending = pending();
    let file = builder.tempfile_in(dir)?;
    pending.push(file.path().to_owned());
    Ok(Temporary { file: Some(file) })
}

#[cfg(unix)]
fn link_count(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_: &fs::Metadata) -> u64 {
    1
}

/// The message of an error from `tempfile`, less the ` at path "…"` it appends: the user named
/// another path, and the temporary file does not exist. (`tempfile` wraps the OS error in a private
/// type that hides it, so the text is the only handle.)
fn without_temporary_path(e: &io::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// Best effort: the replacement keeps the replaced file's mode and, when allowed (as root), owner.
fn keep_mode_and_owner(temp: &File, meta: &fs::Metadata) {
    let _ = temp.set_permissions(meta.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(temp, Some(meta.uid()), Some(meta.gid()));
    }
}

/// Best effort: the rename itself reaches the disk.
fn sync_parent(target: &Path) {
    #[cfg(unix)]
    if let Some(parent) = target.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
    }
}

/// A writer whose errors name the output as the user gave it, not a temporary file.
struct Named<W> {
    inner: W,
    name: String,
}

impl<W> Named<W> {
    fn new(inner: W, name: &str) -> Named<W> {
        Named {
            inner,
            name: name.to_owned(),
        }
    }

    fn annotate(&self, e: io::Error) -> io::Error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            e
        } else {
            io::Error::new(e.kind(), format!("{}: {e}", self.name))
        }
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.annotate(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.annotate(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlink_chains_resolve_to_the_last_target() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("data.csv");
        std::os::unix::fs::symlink("data.csv", dir.path().join("one")).unwrap();
        std::os::unix::fs::symlink("one", dir.path().join("two")).unwrap();
        assert_eq!(resolve(&dir.path().join("two")).unwrap(), file);
        assert_eq!(resolve(&file).unwrap(), file);
    }

    // Issue 13, defect 7: temporary names were `.NAME.PID.tmp`, the same for two outputs of one run
    // and guessable; now unique, and listed for the signal thread only while they exist.
    #[test]
    fn regression_temporaries_are_unique_and_listed_while_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let (a, b) = (
            temporary_beside(&target).unwrap(),
            temporary_beside(&target).unwrap(),
        );
        let (a_path, b_path) = (
            a.file.as_ref().unwrap().path().to_owned(),
            b.file.as_ref().unwrap().path().to_owned(),
        );
        assert_ne!(a_path, b_path);
        assert_eq!(a_path.parent(), Some(dir.path()));
        assert!(pending().contains(&a_path) && pending().contains(&b_path));
        drop(a);
        assert!(!pending().contains(&a_path) && !a_path.exists());
        let kept = b.unregister(&mut pending());
        assert!(!pending().contains(&b_path) && kept.path().exists());
    }

    #[test]
    fn symlink_loops_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        assert!(resolve(&dir.path().join("a")).is_err());
    }
}
