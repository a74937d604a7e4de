//! Reading a corpus one document at a time on this thread, with progress and warnings on stderr:
//! what `coverage` and `suggest` need. `count` and `tag` use the library's parallel pipeline.

use std::cell::RefCell;
use std::io::{self, IsTerminal};
use std::path::PathBuf;

use rasid::corpus::{
    BATCH_BYTES, Document, Fields, MissingText, Skip, expand, known_size, read_all,
};

use super::progress::Progress;

/// What reading a corpus skipped.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    pub(crate) skipped_inputs: usize,
    pub(crate) skipped_documents: usize,
}

impl Reading {
    pub(crate) fn skipped(&self) -> usize {
        self.skipped_inputs + self.skipped_documents
    }
}

/// Streams the documents of `inputs` to `each` in input order, as `count` reads them (text files,
/// directories, JSON Lines, gzip, standard input). An unreadable input, a bad JSON line or an `Err`
/// from `each` is printed as a warning naming its place, and skipped. Only one batch of about a
/// megabyte is held at a time. Shared by `coverage` and `suggest`, which need no parallelism.
pub(crate) fn each_document(
    inputs: &[PathBuf],
    fields: &Fields,
    quiet: bool,
    each: &mut dyn FnMut(&Document) -> Result<(), String>,
) -> Reading {
    let mut reading = Reading::default();
    let mut expand_warnings = Vec::new();
    let (inputs, skipped_in_dirs) = expand(inputs, &mut |w| expand_warnings.push(w));
    for w in expand_warnings {
        eprintln!("rasid: {w}");
    }
    // Shared by the batch callback and the read-warning callback, which run on this thread in turn.
    let progress = RefCell::new(Progress::new(
        !quiet && io::stderr().is_terminal(),
        known_size(&inputs),
    ));
    let warn = |message: String| progress.borrow().warn(&message);
    let mut missing = MissingText::default();
    let skipped_inputs = read_all(
        &inputs,
        BATCH_BYTES,
        &mut |batch| {
            let (mut count, mut bytes) = (0, 0);
            for raw in batch {
                bytes += raw.input_len();
                let result = match raw.parse(fields) {
                    Ok(document) => each(&document),
                    Err(Skip::NoText { source, line }) => {
                        reading.skipped_documents += 1;
                        missing.add(&source, line);
                        continue;
                    }
                    Err(Skip::Other(problem)) => Err(problem.to_string()),
                };
                match result {
                    Ok(()) => count += 1,
                    Err(message) => {
                        reading.skipped_documents += 1;
                        warn(message);
                    }
                }
            }
            progress.borrow_mut().update(count, bytes);
            true
        },
        &mut |w| warn(w.to_string()),
    );
    progress.borrow().clear();
    for message in missing.messages(fields) {
        eprintln!("rasid: {message}");
    }
    reading.skipped_inputs = skipped_in_dirs + skipped_inputs.inputs;
    reading
}
