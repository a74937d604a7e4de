//! `rasid count`: entity totals over a corpus, in parallel and in bounded memory.
//!
//! Workers (see [`rasid::corpus::in_order`]) parse, tag and tally batches of documents, each into its own
//! totals; the main thread prints warnings and per-document rows in input order, shows progress, and
//! merges the workers' totals at the end. Totals are sums, so the output is the same for any number
//! of threads.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rasid::Tagger;
use rasid::count::{AutoEntities, CountTable, Counter, DocumentRowWriter, Filter, document_rows};

use super::args::{CountArgs, CountFormat};
use super::atomic::AtomicOutput;
use super::labels;
use super::memory;
use super::progress::Progress;
use super::{EXIT_TROUBLE, Failure, build_tagger};
use rasid::corpus as parallel;
use rasid::corpus::{self as documents, Fields, Problem, RawDocument, Skip};

pub(crate) fn run(args: &CountArgs) -> Result<u8, Failure> {
    let started = Instant::now();
    if args.merge {
        return merge(args);
    }
    let threads = parallel::threads(args.threads)?;
    memory::map_large_buffers();
    // First, so that an output that cannot be written fails before any work.
    let mut output = AtomicOutput::new(args.output.as_deref())?;
    let tagger = build_tagger(&args.gazetteer)?;
    memory::release_free_memory();
    let labels = labels::resolve(&args.labels, tagger.gazetteer().labels())?;
    let mut filter = Filter::default();
    filter.labels = labels;
    filter.countries = args.countries.clone();
    filter.min_mentions = args.min_mentions;
    filter.top = args.top;
    let fields = args.fields.fields(args.group_by.as_deref());
    let mut counter = Counter::new(&tagger);
    let mut sink = if args.by_document {
        if args.format == CountFormat::Geojson {
            return Err(Failure::trouble(
                "--by-document has no GeoJSON form; use csv, tsv, json or jsonl",
            ));
        }
        let writer = DocumentRowWriter::new(output.writer(), args.format.into())?;
        Some(Sink {
            tagger: &tagger,
            people: counter.people(),
            filter: &filter,
            writer,
        })
    } else {
        None
    };
    let (report, workers) = pipeline(&tagger, &counter, &fields, args, threads, &mut sink)?;
    if report.inputs_read == 0 {
        // A typo must not replace a good earlier result with an empty table.
        let kept = match &args.output {
            Some(path) if path.as_os_str() != "-" => format!("; {} left as it was", path.display()),
            _ => String::new(),
        };
        return Err(Failure::trouble(format!("no input could be read{kept}")));
    }
    for message in report.missing_text.messages(&fields) {
        eprintln!("rasid: {message}");
    }
    if let Some(warning) = documents::ungrouped_warning(&fields, report.ungrouped) {
        eprintln!("rasid: {warning}");
    }
    if let Some(sink) = sink {
        sink.writer.finish()?;
    }
    for worker in workers {
        counter.merge(worker);
    }
    let documents_counted = counter.documents();
    if !args.by_document {
        // The workers' buffers are gone; the table is the run's last large allocation.
        memory::release_free_memory();
        counter.write_table(
            &tagger,
            &filter,
            output.writer(),
            args.format.into(),
            args.group_by.is_some(),
        )?;
    }
    output.commit()?;
    let skipped = report.skipped_inputs + report.skipped_documents;
    if !args.quiet {
        eprintln!(
            "rasid: {} documents, {:.1} MB, {} mentions, {:.2} s; skipped {} inputs and {} documents",
            documents_counted,
            report.bytes as f64 / 1e6,
            report.mentions,
            started.elapsed().as_secs_f64(),
            report.skipped_inputs,
            report.skipped_documents
        );
    }
    Ok(if skipped > 0 { EXIT_TROUBLE } else { 0 })
}

/// What a run saw.
struct Report {
    /// Inputs (files, standard input) that gave documents or were read to the end.
    inputs_read: usize,
    bytes: u64,
    mentions: u64,
    skipped_inputs: usize,
    skipped_documents: usize,
    /// JSON lines without the text field, said once per input at the end.
    missing_text: documents::MissingText,
    /// Documents `--group-by` found no group for.
    ungrouped: u64,
}

/// A worker's result for one batch.
struct BatchResult {
    warnings: Vec<Problem>,
    /// JSON lines without the text field (input, line).
    missing_text: Vec<(Arc<str>, usize)>,
    /// Documents `--group-by` found no group for.
    ungrouped: u64,
    rows: Vec<DocumentEntities>,
    /// Bytes of decoded text tagged.
    bytes: u64,
    /// Bytes read from the inputs, bad documents included: the progress line's unit.
    input_bytes: u64,
    documents: u64,
    mentions: u64,
}

/// The per-document rows of `--by-document`.
struct DocumentEntities {
    id: String,
    entities: Vec<(rasid::EntityId, u32)>,
}

/// Runs the workers over the inputs; returns what the run saw and the workers' counters, to merge
/// into `counter`.
fn pipeline(
    tagger: &Tagger,
    counter: &Counter,
    fields: &Fields,
    args: &CountArgs,
    threads: usize,
    sink: &mut Option<Sink<'_, '_>>,
) -> Result<(Report, Vec<Counter>), Failure> {
    let (inputs, skipped_in_dirs) =
        documents::expand(&args.inputs, &mut |w| eprintln!("rasid: {w}"));
    let total_size = documents::known_size(&inputs);
    let mut report = Report {
        inputs_read: 0,
        bytes: 0,
        mentions: 0,
        skipped_inputs: skipped_in_dirs,
        skipped_documents: 0,
        missing_text: documents::MissingText::default(),
        ungrouped: 0,
    };
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal(), total_size);
    let mut failure = None;
    let finished = parallel::in_order(
        &inputs,
        threads,
        || Worker {
            counter: counter.worker(),
        },
        |worker, batch| worker.count(tagger, fields, args.by_document, batch),
        |event| {
            let result = match event {
                parallel::Event::Unreadable(warning) => {
                    progress.warn(&warning.to_string());
                    return true;
                }
                parallel::Event::Batch(result) => result,
            };
            report.bytes += result.bytes;
            report.mentions += result.mentions;
            report.skipped_documents += result.warnings.len() + result.missing_text.len();
            report.ungrouped += result.ungrouped;
            for w in &result.warnings {
                progress.warn(&w.to_string());
            }
            for (source, line) in &result.missing_text {
                if args.strict {
                    // The run stops here, before the gathered warnings are printed.
                    let skip = Skip::NoText {
                        source: Arc::clone(source),
                        line: *line,
                    };
                    progress.warn(&skip.message(fields));
                }
                report.missing_text.add(source, *line);
            }
            if args.strict && !(result.warnings.is_empty() && result.missing_text.is_empty()) {
                failure = Some(Failure::trouble(
                    "stopped at the first bad document (--strict)",
                ));
                return false;
            }
            if let Some(sink) = sink.as_mut()
                && let Err(e) = sink.documents(result.rows)
            {
                failure = Some(Failure::from(e));
                return false;
            }
            progress.update(result.documents, result.input_bytes);
            true
        },
    )?;
    progress.clear();
    report.skipped_inputs += finished.skipped.inputs;
    report.inputs_read = inputs.len().saturating_sub(finished.skipped.unread);
    if args.strict && report.skipped_inputs > 0 && failure.is_none() {
        failure = Some(Failure::trouble(
            "stopped at the first unreadable input (--strict)",
        ));
    }
    let workers = finished.states.into_iter().map(|w| w.counter).collect();
    match failure {
        Some(f) => Err(f),
        None => Ok((report, workers)),
    }
}

/// A worker's own counter.
struct Worker {
    counter: Counter,
}

impl Worker {
    /// Tags every document of a batch and adds it to the totals.
    fn count(
        &mut self,
        tagger: &Tagger,
        fields: &Fields,
        by_document: bool,
        batch: Vec<RawDocument>,
    ) -> BatchResult {
        let mut result = BatchResult {
            warnings: Vec::new(),
            missing_text: Vec::new(),
            ungrouped: 0,
            rows: Vec::new(),
            bytes: 0,
            input_bytes: 0,
            documents: 0,
            mentions: 0,
        };
        for raw in batch {
            result.input_bytes += raw.input_len();
            let document = match raw.parse(fields) {
                Ok(document) => document,
                Err(Skip::NoText { source, line }) => {
                    result.missing_text.push((source, line));
                    continue;
                }
                Err(Skip::Other(warning)) => {
                    result.warnings.push(warning);
                    continue;
                }
            };
            // `parse` gives a group only when `--group-by` asked for one.
            let group = document.group.as_deref();
            match self.counter.add(tagger, &document.text, group) {
                Ok(mentions) => result.mentions += mentions,
                Err(e) => {
                    result.warnings.push(Problem::Tagging {
                        location: document.id,
                        source: e,
                    });
                    continue;
                }
            }
            result.bytes += document.text.len() as u64;
            result.documents += 1;
            result.ungrouped += u64::from(document.ungrouped);
            if by_document {
                result.rows.push(DocumentEntities {
                    id: document.id,
                    entities: self.counter.document().iter().collect(),
                });
            }
        }
        result
    }
}

/// Where `--by-document` rows go as they arrive, in input order.
struct Sink<'a, 'w> {
    tagger: &'a Tagger,
    people: &'a AutoEntities,
    filter: &'a Filter,
    writer: DocumentRowWriter<&'w mut dyn Write>,
}

impl Sink<'_, '_> {
    fn documents(&mut self, documents: Vec<DocumentEntities>) -> io::Result<()> {
        for document in documents {
            let rows = document_rows(
                self.tagger,
                self.people,
                &document.id,
                document.entities,
                self.filter,
            );
            self.writer.write(rows)?;
        }
        Ok(())
    }
}

/// `--merge`: adds up earlier `--format json` outputs.
fn merge(args: &CountArgs) -> Result<u8, Failure> {
    if args.inputs.is_empty() {
        return Err(Failure::trouble(
            "--merge needs the JSON files of earlier runs",
        ));
    }
    let mut table = CountTable::new();
    // The first part with rows, and whether it was grouped: every other part must be alike.
    let mut grouped: Option<(&PathBuf, bool)> = None;
    for path in &args.inputs {
        let part = CountTable::read(path)?;
        if let Some(first) = part.entities.first() {
            let this = first.group.is_some();
            match grouped {
                None => grouped = Some((path, this)),
                Some((other, was)) if was != this => {
                    let (with, without) = if this { (path, other) } else { (other, path) };
                    return Err(Failure::trouble(format!(
                        "{} has groups and {} has none: merge parts counted with the same --group-by",
                        with.display(),
                        without.display()
                    )));
                }
                Some(_) => {}
            }
        }
        table
            .merge(part)
            .map_err(|e| Failure::trouble(format!("{}: {e}", path.display())))?;
    }
    let grouped = grouped.is_some_and(|(_, grouped)| grouped);
    // The labels these parts know; a zero count leaves no row, so only those with rows are known.
    let mut known: Vec<&str> = table.entities.iter().map(|r| r.label.as_ref()).collect();
    known.sort_unstable();
    known.dedup();
    let labels = labels::resolve(&args.labels, &known)?;
    table.finish(&labels, args.min_mentions, args.top);
    let mut output = AtomicOutput::new(args.output.as_deref())?;
    table.write(output.writer(), args.format.into(), grouped)?;
    output.commit()?;
    Ok(0)
}
