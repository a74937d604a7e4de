//! A one-line progress display on stderr for long `count` runs: documents, megabytes, speed, and the
//! time left when the input size is known. Shown only on a terminal, at most ten times a second.

use std::io::Write;
use std::time::{Duration, Instant};

pub(crate) struct Progress {
    enabled: bool,
    total_bytes: Option<u64>,
    started: Instant,
    last_shown: Option<Instant>,
    documents: u64,
    bytes: u64,
    shown: bool,
}

impl Progress {
    pub(crate) fn new(enabled: bool, total_bytes: Option<u64>) -> Progress {
        Progress {
            enabled,
            total_bytes,
            started: Instant::now(),
            last_shown: None,
            documents: 0,
            bytes: 0,
            shown: false,
        }
    }

    pub(crate) fn update(&mut self, documents: u64, bytes: u64) {
        self.documents += documents;
        self.bytes += bytes;
        if !self.enabled
            || self
                .last_shown
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last_shown = Some(Instant::now());
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = self.bytes as f64 / 1e6 / seconds;
        let mut line = format!(
            "{} documents, {:.1} MB, {:.1} MB/s",
            self.documents,
            self.bytes as f64 / 1e6,
            rate
        );
        if let Some(total) = self.total_bytes.filter(|&t| t > self.bytes && rate > 0.0) {
            line.push_str(&format!(
                ", {:.0} s left",
                (total - self.bytes) as f64 / 1e6 / rate
            ));
        }
        let mut stderr = std::io::stderr().lock();
        let _ = write!(stderr, "\r\x1b[2K{line}");
        let _ = stderr.flush();
        self.shown = true;
    }

    /// Erases the line, before a warning or at the end.
    pub(crate) fn clear(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            self.shown = false;
        }
    }
}
