//! Processing a corpus on every core, in input order.
//!
//! One reader thread cuts the inputs into batches of documents; N workers process batches, each with
//! its own state (scratch buffers, totals); the calling thread receives the results in input order
//! through a small reorder buffer, together with the reader's warnings. Batches wait in a bounded
//! channel, so memory does not grow with the corpus. `count` and `tag` share it.
//!
//! Plain std threads and channels rather than a thread-pool crate: one producer, N identical
//! consumers and an ordered sink, which channels express directly.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use super::documents::{self, Input, RawDocument};

/// The most workers `-j` accepts: far past any machine's cores, far below what makes thread
/// creation fail (`-j 100000` aborted) or the channels' capacity overflow (`-j 18446744073709551615`).
pub(crate) const MAX_THREADS: u64 = 256;

/// The number of workers: as asked, or one per core (at most [`MAX_THREADS`]).
///
/// # Errors
///
/// A one-line message when the number asked is 0 or above [`MAX_THREADS`].
pub(crate) fn threads(asked: Option<u64>) -> Result<usize, super::Failure> {
    let Some(asked) = asked else {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        return Ok(cores.min(MAX_THREADS as usize));
    };
    match usize::try_from(asked) {
        Ok(n) if (1..=MAX_THREADS).contains(&asked) => Ok(n),
        _ => Err(super::Failure::trouble(format!(
            "-j {asked}: the number of threads must be between 1 and {MAX_THREADS}"
        ))),
    }
}

/// What the calling thread receives, in input order.
pub(crate) enum Event<R> {
    /// A worker's result for the next batch.
    Batch(R),
    /// An input the reader could not read (it is skipped and counted).
    Unreadable(String),
}

/// What a run leaves: every worker's final state, and how many inputs could not be read.
pub(crate) struct Finished<S> {
    pub(crate) states: Vec<S>,
    pub(crate) skipped: documents::Skipped,
}

/// Reads `inputs`, runs `work` over every batch on `threads` workers (each starting from `init()`),
/// and hands `each` the results in input order. `each` returns false to stop: reading ends, batches
/// already read are processed but not handed on.
pub(crate) fn in_order<S: Send, R: Send>(
    inputs: &[Input],
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Vec<RawDocument>) -> R + Sync,
    mut each: impl FnMut(Event<R>) -> bool,
) -> Finished<S> {
    let stop = AtomicBool::new(false);
    let (batch_tx, batch_rx) = mpsc::sync_channel::<(usize, Vec<RawDocument>)>(threads);
    let batch_rx = Mutex::new(batch_rx);
    let (result_tx, result_rx) = mpsc::channel::<(usize, R)>();
    let (warn_tx, warn_rx) = mpsc::channel::<String>();
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut index = 0;
            // Owned here, so the channels close when reading ends and the workers stop.
            let (batch_tx, warn_tx) = (batch_tx, warn_tx);
            documents::read_all(
                inputs,
                documents::BATCH_BYTES,
                &mut |batch| {
                    let sent =
                        batch_tx.send((index, batch)).is_ok() && !stop.load(Ordering::Relaxed);
                    index += 1;
                    sent
                },
                &mut |warning| {
                    let _ = warn_tx.send(warning);
                },
            )
        });
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                let (result_tx, batch_rx, init, work) =
                    (result_tx.clone(), &batch_rx, &init, &work);
                scope.spawn(move || {
                    let mut state = init();
                    loop {
                        let next = batch_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((index, batch))) = next else {
                            return state;
                        };
                        if result_tx.send((index, work(&mut state, batch))).is_err() {
                            return state;
                        }
                    }
                })
            })
            .collect();
        drop(result_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut stopped = false;
        for (index, result) in result_rx {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if stopped {
                    continue;
                }
                let go_on = warn_rx.try_iter().all(|w| each(Event::Unreadable(w)))
                    && each(Event::Batch(result));
                if !go_on {
                    stopped = true;
                    stop.store(true, Ordering::Relaxed);
                }
            }
            if stopped {
                // Drain so the reader and workers can finish.
                while batch_rx
                    .lock()
                    .map(|rx| rx.try_recv().is_ok())
                    .unwrap_or(false)
                {}
            }
        }
        let skipped = reader.join().expect("the reader thread does not panic");
        if !stopped {
            for warning in warn_rx.try_iter() {
                each(Event::Unreadable(warning));
            }
        }
        let states = workers
            .into_iter()
            .map(|w| w.join().expect("worker threads do not panic"))
            .collect();
        Finished { states, skipped }
    })
}
