//! Processing a corpus on every core, in input order.
//!
//! One reader thread cuts the inputs into batches of documents; N workers process batches, each with
//! its own state (scratch buffers, totals); the calling thread receives the results in input order
//! through a small reorder buffer, together with the reader's warnings. At most a window of batches is
//! in flight (see [`window`]), so memory grows neither with the corpus nor when the output is slow.
//! `rasid count` and `rasid tag` share it.
//!
//! Plain std threads and channels rather than a thread-pool crate: one producer, N identical
//! consumers and an ordered sink, which channels express directly.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use super::{BATCH_BYTES, Input, Problem, RawDocument, Skipped, read_all};
use crate::error::{Error, Result};

/// The most workers `-j` accepts: far past any machine's cores, far below what makes thread
/// creation fail (`-j 100000` aborted) or the channels' capacity overflow (`-j 18446744073709551615`).
pub const MAX_THREADS: u64 = 256;

/// The number of workers: as asked, or one per core (at most [`MAX_THREADS`]).
///
/// # Errors
///
/// [`crate::ErrorKind::Threads`] when the number asked is 0 or above [`MAX_THREADS`].
pub fn threads(asked: Option<u64>) -> Result<usize> {
    let Some(asked) = asked else {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        return Ok(cores.min(MAX_THREADS as usize));
    };
    match usize::try_from(asked) {
        Ok(n) if (1..=MAX_THREADS).contains(&asked) => Ok(n),
        _ => Err(Error::threads(asked, MAX_THREADS)),
    }
}

/// What the calling thread receives, in input order.
#[derive(Debug)]
pub enum Event<R> {
    /// A worker's result for the next batch.
    Batch(R),
    /// An input the reader could not read (it is skipped and counted).
    Unreadable(Problem),
}

/// What a run leaves: every worker's final state, and how many inputs could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub struct Finished<S> {
    /// Every worker's state, as its last batch left it.
    pub states: Vec<S>,
    /// Inputs that could not be read.
    pub skipped: Skipped,
}

/// Reads `inputs`, runs `work` over every batch on `threads` workers (each starting from `init()`),
/// and hands `each` the results in input order. `each` returns false to stop: reading ends, batches
/// already read are processed but not handed on.
///
/// # Errors
///
/// [`crate::ErrorKind::ThreadStart`] when not one worker thread, or the reading thread, can be
/// started.
pub fn in_order<S: Send, R: Send>(
    inputs: &[Input],
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, Vec<RawDocument>) -> R + Sync,
    each: impl FnMut(Event<R>) -> bool,
) -> Result<Finished<S>> {
    in_order_from(
        |emit, warn| read_all(inputs, BATCH_BYTES, emit, warn),
        threads,
        init,
        work,
        each,
    )
}

/// How many batches may be in flight at once (read, and not yet handed to `each`): enough to keep
/// every worker busy while the next batch waits, and no more. When the output is slow (`rasid tag
/// big.jsonl | slow-reader`) the reader waits for a free place instead of filling the memory with
/// results: 300 MB of input through a reader that sleeps reached 0.91 GB without the window.
pub fn window(threads: usize) -> usize {
    2 * threads + 2
}

/// [`in_order`] over any source of batches (texts an embedder holds, say): `read` hands batches to
/// its first argument (which returns false to stop) and problems to its second, and returns what it
/// skipped.
///
/// # Errors
///
/// [`crate::ErrorKind::ThreadStart`] when not one worker thread, or the reading thread, can be
/// started.
pub fn in_order_from<B: Send, S: Send, R: Send>(
    read: impl FnOnce(&mut dyn FnMut(B) -> bool, &mut dyn FnMut(Problem)) -> Skipped + Send,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, B) -> R + Sync,
    mut each: impl FnMut(Event<R>) -> bool,
) -> Result<Finished<S>> {
    let threads = threads.max(1);
    let window = window(threads);
    let stop = AtomicBool::new(false);
    // A batch is read only with a ticket, and its ticket comes back once its result is handed on:
    // so read batches, queued batches, results in the channel and results waiting in the reorder
    // map together never pass `window`.
    let (ticket_tx, ticket_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        ticket_tx
            .send(())
            .expect("the channel holds `window` tickets");
    }
    let mut ticket_tx = Some(ticket_tx);
    let (batch_tx, batch_rx) = mpsc::sync_channel::<(usize, B)>(threads);
    let batch_rx = Mutex::new(batch_rx);
    // A worker that panics sends its panic in place of the batch's result: the run stops, and the
    // panic goes on from here instead of leaving the reader waiting for a batch that never comes.
    let (result_tx, result_rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    let (warn_tx, warn_rx) = mpsc::channel::<Problem>();
    std::thread::scope(|scope| {
        // Workers first: if the system refuses threads, as many as it gives are used, and none at
        // all is an error before anything is read.
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (result_tx, batch_rx, init, work) = (result_tx.clone(), &batch_rx, &init, &work);
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                let mut state = init();
                loop {
                    let next = batch_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((index, batch))) = next else {
                        return state;
                    };
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        work(&mut state, batch)
                    }));
                    let panicked = result.is_err();
                    if result_tx.send((index, result)).is_err() || panicked {
                        return state;
                    }
                }
            });
            match spawned {
                Ok(worker) => workers.push(worker),
                Err(e) if workers.is_empty() => {
                    return Err(Error::thread_start("a worker thread", e));
                }
                Err(_) => break,
            }
        }
        // A reader that cannot start drops its end of the batch channel, so the workers end too.
        let reader = std::thread::Builder::new()
            .spawn_scoped(scope, || {
                let mut index = 0;
                // Owned here, so the channels close when reading ends and the workers stop.
                let (batch_tx, warn_tx, ticket_rx) = (batch_tx, warn_tx, ticket_rx);
                read(
                    &mut |batch| {
                        if ticket_rx.recv().is_err() || stop.load(Ordering::Relaxed) {
                            return false;
                        }
                        let sent = batch_tx.send((index, batch)).is_ok();
                        index += 1;
                        sent
                    },
                    &mut |warning| {
                        let _ = warn_tx.send(warning);
                    },
                )
            })
            .map_err(|e| Error::thread_start("the reading thread", e))?;
        drop(result_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut stopped = false;
        let mut panic = None;
        for (index, result) in result_rx {
            let result = match result {
                Ok(result) => result,
                Err(payload) => {
                    panic.get_or_insert(payload);
                    stopped = true;
                    stop.store(true, Ordering::Relaxed);
                    ticket_tx = None;
                    while batch_rx
                        .lock()
                        .map(|rx| rx.try_recv().is_ok())
                        .unwrap_or(false)
                    {}
                    continue;
                }
            };
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if stopped {
                    continue;
                }
                let go_on = warn_rx.try_iter().all(|w| each(Event::Unreadable(w)))
                    && each(Event::Batch(result));
                if go_on {
                    if let Some(tickets) = &ticket_tx {
                        // Never blocks: at most `window` tickets exist.
                        let _ = tickets.send(());
                    }
                } else {
                    stopped = true;
                    stop.store(true, Ordering::Relaxed);
                    // No more tickets: a reader waiting for one ends.
                    ticket_tx = None;
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
        if let Some(payload) = panic {
            std::panic::resume_unwind(payload);
        }
        if !stopped {
            for warning in warn_rx.try_iter() {
                each(Event::Unreadable(warning));
            }
        }
        let states = workers
            .into_iter()
            .map(|w| w.join().expect("worker threads do not panic"))
            .collect();
        Ok(Finished { states, skipped })
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// Runs `batches` one-number batches through the pipeline on `threads` workers; `each` stops
    /// after `stop_after` results. Returns the results handed on and the most batches that were read
    /// and not yet handed on at any time, as the source itself observes it.
    fn run(batches: usize, threads: usize, stop_after: usize) -> (Vec<usize>, usize) {
        let handed = AtomicUsize::new(0);
        let mut most_in_flight = 0;
        let mut results = Vec::new();
        in_order_from(
            |emit, _warn| {
                for i in 0..batches {
                    if !emit(i) {
                        break;
                    }
                    most_in_flight = most_in_flight.max(i + 1 - handed.load(Ordering::SeqCst));
                }
                Skipped::default()
            },
            threads,
            || (),
            |(), batch| batch,
            |event| {
                if let Event::Batch(n) = event {
                    // A slow output: without the window the reader would race ahead meanwhile.
                    std::thread::yield_now();
                    results.push(n);
                    handed.fetch_add(1, Ordering::SeqCst);
                }
                results.len() < stop_after
            },
        )
        .unwrap_or_else(|_| panic!("threads start"));
        (results, most_in_flight)
    }

    // Issue 13, defect 4: with a slow stdout the result channel and the reorder map grew without
    // bound (300 MB of input reached 0.91 GB).
    #[test]
    fn regression_batches_in_flight_never_exceed_the_window() {
        for threads in [1, 2, 4] {
            let (results, most_in_flight) = run(2000, threads, usize::MAX);
            assert_eq!(results, (0..2000).collect::<Vec<_>>(), "in input order");
            assert!(
                most_in_flight <= 2 * threads + 2,
                "{threads} threads: {most_in_flight} batches in flight, window {}",
                window(threads)
            );
        }
    }

    /// A worker that panics ends the run with its panic; the run used to wait forever for the
    /// batch that worker never finished (a panic in tagging hung `rasid tag` on a corpus).
    #[test]
    fn a_panicking_worker_ends_the_run_instead_of_hanging() {
        for threads in [1, 2, 4] {
            let outcome = std::panic::catch_unwind(|| {
                in_order_from(
                    |emit, _warn| {
                        for i in 0..500 {
                            if !emit(i) {
                                break;
                            }
                        }
                        Skipped::default()
                    },
                    threads,
                    || (),
                    |(), batch: usize| {
                        assert!(batch != 100, "batch 100 fails");
                        batch
                    },
                    |_| true,
                )
            });
            let Err(payload) = outcome else {
                panic!("{threads}: the worker's panic did not reach the caller");
            };
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or_default();
            assert!(message.contains("batch 100 fails"), "{threads}: {message}");
        }
    }

    #[test]
    fn stopping_early_ends_the_run() {
        let (results, _) = run(2000, 3, 10);
        assert_eq!(results, (0..10).collect::<Vec<_>>());
    }
}
