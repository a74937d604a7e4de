//! A one-line progress display on stderr for long runs: documents, bytes read, speed, and the time
//! left when the input size is known. Shown only on a terminal; `indicatif` limits the redraws.
//!
//! The position is the bytes *read from the inputs* (a JSON line with its newline, a text file
//! whole), the same unit as the file sizes the total adds up, so the time left compares like with
//! like: decoded text is shorter than its JSON (`\u0627` is six bytes for two), and counting it
//! against file sizes made the estimate run long.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub(crate) struct Progress {
    bar: ProgressBar,
    documents: u64,
}

impl Progress {
    /// A display on stderr when `enabled`, with a time left when `total_bytes` is known.
    pub(crate) fn new(enabled: bool, total_bytes: Option<u64>) -> Progress {
        let target = if enabled {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(total_bytes, target);
        let template = if total_bytes.is_some() {
            "{msg}, {decimal_bytes} of {decimal_total_bytes}, {decimal_bytes_per_sec}, {eta} left"
        } else {
            "{msg}, {decimal_bytes}, {decimal_bytes_per_sec}"
        };
        bar.set_style(ProgressStyle::with_template(template).expect("the template is valid"));
        Progress { bar, documents: 0 }
    }

    /// Adds `documents` and the `input_bytes` they were read from.
    pub(crate) fn update(&mut self, documents: u64, input_bytes: u64) {
        self.documents += documents;
        // The position first: setting the message redraws, and should show both at once.
        self.bar.inc(input_bytes);
        self.bar
            .set_message(format!("{} documents", self.documents));
    }

    /// Prints `rasid: <message>` on stderr without tearing the progress line.
    pub(crate) fn warn(&self, message: &str) {
        self.bar.suspend(|| eprintln!("rasid: {message}"));
    }

    /// Erases the line, at the end.
    pub(crate) fn clear(&self) {
        self.bar.finish_and_clear();
    }
}
