//! Ordered parallel work over a batch the interpreter handed over, one caller-kept state per worker
//! (a scratch, a counter), shared by `Tagger.tag_many` and `rasid.count`.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Items a worker takes at a time: few enough to balance long and short texts.
const CHUNK: usize = 8;

/// How many workers a batch of `len` items keeps busy, at most `threads` and at least one.
pub(crate) fn useful_threads(threads: usize, len: usize) -> usize {
    threads.min(len.div_ceil(CHUNK)).max(1)
}

/// `work` over every item, each worker with one of `states`; the results in input order. One state
/// runs on the calling thread.
pub(crate) fn map_in_order<T: Sync, S: Send, R: Send>(
    items: &[T],
    states: &mut [S],
    work: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    if let [state] = states {
        return items.iter().map(|item| work(state, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut chunks: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = states
            .iter_mut()
            .map(|state| {
                let (next, work) = (&next, &work);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= items.len() {
                            return done;
                        }
                        let end = (start + CHUNK).min(items.len());
                        let results = items[start..end].iter().map(|item| work(state, item));
                        done.push((start, results.collect()));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    });
    chunks.sort_unstable_by_key(|&(start, _)| start);
    chunks
        .into_iter()
        .flat_map(|(_, results)| results)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results come back in input order whatever the number of workers, and every item is done once.
    #[test]
    fn results_in_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        for workers in [1, 2, 3, 8] {
            let mut states = vec![0usize; workers];
            let squares = map_in_order(&items, &mut states, |seen, &i| {
                *seen += 1;
                i * i
            });
            let expected: Vec<usize> = items.iter().map(|i| i * i).collect();
            assert_eq!(squares, expected, "{workers} workers");
            assert_eq!(
                states.iter().sum::<usize>(),
                items.len(),
                "{workers} workers"
            );
        }
    }
}
