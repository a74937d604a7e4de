//! `rasid count`: entity totals over a corpus, in parallel and in bounded memory.
//!
//! Workers (see [`super::parallel`]) parse, tag and tally batches of documents, each into its own
//! totals; the main thread prints warnings and per-document rows in input order, shows progress, and
//! merges the workers' totals at the end. Totals are sums, so the output is the same for any number
//! of threads.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use rasid::count::{Counts, DocumentTally};
use rasid::{Scratch, Tagger};

use super::args::{CountArgs, CountFormat};
use super::atomic::AtomicOutput;
use super::documents::{self, Fields, RawDocument};
use super::parallel;
use super::progress::Progress;
use super::table::{CountRow, CountTable, Delimited};
use super::{EXIT_TROUBLE, Failure, build_tagger};

pub(crate) fn run(args: &CountArgs) -> Result<u8, Failure> {
    let started = Instant::now();
    if args.merge {
        return merge(args);
    }
    let tagger = build_tagger(&args.gazetteer)?;
    let threads = parallel::threads(args.threads);
    let fields = args.fields.fields(args.group_by.as_deref());
    let mut output = AtomicOutput::new(args.output.as_deref())?;
    let mut sink = Sink::new(args, &tagger, output.writer());
    let report = pipeline(&tagger, &fields, args, threads, &mut sink)?;
    sink.finish()?;
    if !args.by_document {
        let mut table = totals_table(&tagger, &report.counts, &args.countries);
        table.finish(&args.labels, args.min_mentions, args.top);
        table.write(output.writer(), args.format, args.group_by.is_some())?;
    }
    output.commit()?;
    let skipped = report.skipped_inputs + report.skipped_documents;
    if !args.quiet {
        eprintln!(
            "rasid: {} documents, {:.1} MB, {} mentions, {:.2} s; skipped {} inputs and {} documents",
            report.counts.documents(),
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
    counts: Counts,
    bytes: u64,
    mentions: u64,
    skipped_inputs: usize,
    skipped_documents: usize,
}

/// A worker's result for one batch.
struct BatchResult {
    warnings: Vec<String>,
    rows: Vec<DocumentRows>,
    bytes: u64,
    documents: u64,
    mentions: u64,
}

/// The per-document rows of `--by-document`.
struct DocumentRows {
    id: String,
    entities: Vec<(rasid::EntityId, u32)>,
}

fn pipeline(
    tagger: &Tagger,
    fields: &Fields,
    args: &CountArgs,
    threads: usize,
    sink: &mut Sink<'_, '_>,
) -> Result<Report, Failure> {
    let (inputs, skipped_in_dirs) =
        documents::expand(&args.inputs, &mut |w| eprintln!("rasid: {w}"));
    let total_size = documents::known_size(&inputs);
    let mut report = Report {
        counts: Counts::new(tagger.gazetteer().len()),
        bytes: 0,
        mentions: 0,
        skipped_inputs: skipped_in_dirs,
        skipped_documents: 0,
    };
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal(), total_size);
    let mut failure = None;
    let finished = parallel::in_order(
        &inputs,
        threads,
        || Worker::new(tagger),
        |worker, batch| worker.count(tagger, fields, args.by_document, batch),
        |event| {
            let result = match event {
                parallel::Event::Unreadable(warning) => {
                    progress.clear();
                    eprintln!("rasid: {warning}");
                    return true;
                }
                parallel::Event::Batch(result) => result,
            };
            report.bytes += result.bytes;
            report.mentions += result.mentions;
            report.skipped_documents += result.warnings.len();
            for w in &result.warnings {
                progress.clear();
                eprintln!("rasid: {w}");
            }
            if args.strict && !result.warnings.is_empty() {
                failure = Some(Failure::trouble(
                    "stopped at the first bad document (--strict)",
                ));
                return false;
            }
            if let Err(e) = sink.documents(&result.rows) {
                failure = Some(e);
                return false;
            }
            progress.update(result.documents, result.bytes);
            true
        },
    );
    progress.clear();
    report.skipped_inputs += finished.skipped_inputs;
    if args.strict && report.skipped_inputs > 0 && failure.is_none() {
        failure = Some(Failure::trouble(
            "stopped at the first unreadable input (--strict)",
        ));
    }
    for worker in finished.states {
        report.counts.merge(worker.counts);
    }
    match failure {
        Some(f) => Err(f),
        None => Ok(report),
    }
}

/// A worker's own buffers and totals.
struct Worker {
    counts: Counts,
    tally: DocumentTally,
    scratch: Scratch,
}

impl Worker {
    fn new(tagger: &Tagger) -> Worker {
        Worker {
            counts: Counts::new(tagger.gazetteer().len()),
            tally: DocumentTally::new(tagger.gazetteer().len()),
            scratch: Scratch::new(),
        }
    }

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
            rows: Vec::new(),
            bytes: 0,
            documents: 0,
            mentions: 0,
        };
        for raw in batch {
            let document = match raw.parse(fields) {
                Ok(document) => document,
                Err(warning) => {
                    result.warnings.push(warning);
                    continue;
                }
            };
            self.tally.clear();
            let tally = &mut self.tally;
            let tagged = tagger.entities_with(&mut self.scratch, &document.text, |entity| {
                tally.add(entity);
                result.mentions += 1;
            });
            if let Err(e) = tagged {
                result.warnings.push(format!("{}: {e}", document.id));
                continue;
            }
            result.bytes += document.text.len() as u64;
            result.documents += 1;
            // `parse` gives a group only when `--group-by` asked for one.
            self.counts
                .add_document(document.group.as_deref(), &self.tally);
            if by_document {
                result.rows.push(DocumentRows {
                    id: document.id,
                    entities: self.tally.iter().collect(),
                });
            }
        }
        result
    }
}

/// Where `--by-document` rows go as they arrive, in input order.
struct Sink<'a, 'w> {
    tagger: &'a Tagger,
    format: CountFormat,
    labels: &'a [String],
    countries: &'a [String],
    min_mentions: u64,
    enabled: bool,
    out: &'w mut dyn Write,
    started: bool,
    wrote_row: bool,
}

impl<'a, 'w> Sink<'a, 'w> {
    fn new(args: &'a CountArgs, tagger: &'a Tagger, out: &'w mut dyn Write) -> Sink<'a, 'w> {
        Sink {
            tagger,
            format: args.format,
            labels: &args.labels,
            countries: &args.countries,
            min_mentions: args.min_mentions,
            enabled: args.by_document,
            out,
            started: false,
            wrote_row: false,
        }
    }

    fn documents(&mut self, documents: &[DocumentRows]) -> Result<(), Failure> {
        if !self.enabled {
            return Ok(());
        }
        let gazetteer = self.tagger.gazetteer();
        if !self.started {
            self.started = true;
            match self.format {
                CountFormat::Csv | CountFormat::Tsv => {
                    Delimited::new(&mut self.out, self.format)
                        .row(&["doc_id", "id", "label", "name", "mentions"])?
                }
                CountFormat::Json => self.out.write_all(b"[\n")?,
                CountFormat::Jsonl => {}
                CountFormat::Geojson => {
                    return Err(Failure::trouble(
                        "--by-document has no GeoJSON form; use csv, tsv, json or jsonl",
                    ));
                }
            }
        }
        for document in documents {
            for &(entity_id, mentions) in &document.entities {
                let entity = gazetteer.entity(entity_id);
                let label = gazetteer.label_name(entity.label);
                if u64::from(mentions) < self.min_mentions
                    || !(self.labels.is_empty() || self.labels.iter().any(|l| l == label))
                    || !super::country::keeps(self.countries, gazetteer, entity_id)
                {
                    continue;
                }
                match self.format {
                    CountFormat::Csv | CountFormat::Tsv => {
                        Delimited::new(&mut self.out, self.format).row(&[
                            &document.id,
                            &entity.id,
                            label,
                            &entity.name,
                            &mentions.to_string(),
                        ])?
                    }
                    CountFormat::Json | CountFormat::Jsonl => {
                        if self.format == CountFormat::Json && self.started_rows() {
                            self.out.write_all(b",\n")?;
                        }
                        let row = serde_json::json!({"doc_id": document.id, "id": entity.id, "label": label, "name": entity.name, "mentions": mentions});
                        serde_json::to_writer(&mut self.out, &row).map_err(io::Error::from)?;
                        if self.format == CountFormat::Jsonl {
                            self.out.write_all(b"\n")?;
                        }
                    }
                    CountFormat::Geojson => {}
                }
            }
        }
        Ok(())
    }

    /// For JSON arrays: whether a row was written before (then a comma is due).
    fn started_rows(&mut self) -> bool {
        let before = self.wrote_row;
        self.wrote_row = true;
        before
    }

    fn finish(&mut self) -> Result<(), Failure> {
        if self.enabled && self.format == CountFormat::Json {
            if !self.started {
                self.out.write_all(b"[")?;
            }
            self.out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

/// The workers' totals as rows, borrowing the gazetteer's text.
fn totals_table<'a>(
    tagger: &'a Tagger,
    counts: &'a Counts,
    countries: &[String],
) -> CountTable<'a> {
    let gazetteer = tagger.gazetteer();
    let mut entities = Vec::with_capacity(counts.iter().count());
    let kept = counts
        .iter()
        .filter(|&(_, entity_id, _)| super::country::keeps(countries, gazetteer, entity_id));
    entities.extend(kept.map(|(group, entity_id, tally)| {
        let entity = gazetteer.entity(entity_id);
        CountRow {
            group: group.map(Cow::Borrowed),
            id: Cow::Borrowed(&entity.id),
            label: Cow::Borrowed(gazetteer.label_name(entity.label)),
            name: Cow::Borrowed(&entity.name),
            name_en: Cow::Borrowed(&entity.name_en),
            mentions: tally.mentions,
            documents: tally.documents,
            country: entity.attributes().country.as_deref().map(Cow::Borrowed),
            lat: entity.attributes().lat,
            lon: entity.attributes().lon,
        }
    }));
    CountTable {
        documents: counts.documents(),
        entities,
    }
}

/// `--merge`: adds up earlier `--format json` outputs.
fn merge(args: &CountArgs) -> Result<u8, Failure> {
    if args.inputs.is_empty() {
        return Err(Failure::trouble(
            "--merge needs the JSON files of earlier runs",
        ));
    }
    let mut table = CountTable::default();
    let mut grouped = false;
    for path in &args.inputs {
        let part = read_table(path)?;
        grouped |= part.entities.iter().any(|r| r.group.is_some());
        table.merge(part);
    }
    table.finish(&args.labels, args.min_mentions, args.top);
    let mut output = AtomicOutput::new(args.output.as_deref())?;
    table.write(output.writer(), args.format, grouped)?;
    output.commit()?;
    Ok(0)
}

fn read_table(path: &PathBuf) -> Result<CountTable<'static>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::trouble(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::trouble(format!(
            "{}: not a `rasid count --format json` output: {e}",
            path.display()
        ))
    })
}
