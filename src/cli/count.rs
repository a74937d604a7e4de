//! `rasid count`: entity totals over a corpus, in parallel and in bounded memory.
//!
//! Workers (see [`super::parallel`]) parse, tag and tally batches of documents, each into its own
//! totals; the main thread prints warnings and per-document rows in input order, shows progress, and
//! merges the workers' totals at the end. Totals are sums, so the output is the same for any number
//! of threads.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rasid::count::{AutoEntities, Counts, DocumentTally, RecentAutos};
use rasid::{Named, Scratch, Tagger};

use super::args::{CountArgs, CountFormat};
use super::atomic::AtomicOutput;
use super::documents::{self, Fields, RawDocument, Skip};
use super::labels;
use super::memory;
use super::parallel;
use super::progress::Progress;
use super::table::{CountRow, CountTable, Delimited};
use super::{EXIT_TROUBLE, Failure, build_tagger};

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
    let fields = args.fields.fields(args.group_by.as_deref());
    let autos = AutoEntities::new(tagger.gazetteer().len());
    let mut sink = Sink::new(args, &labels, &tagger, &autos, output.writer());
    let report = pipeline(&tagger, &autos, &fields, args, threads, &mut sink)?;
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
    sink.finish()?;
    if !args.by_document {
        // The workers' buffers are gone; the table is the run's last large allocation.
        memory::release_free_memory();
        let autos = autos.into_names();
        let mut table = totals_table(&tagger, &autos, &report.counts, &args.countries);
        table.finish(&labels, args.min_mentions, args.top);
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
    /// Inputs (files, standard input) that gave documents or were read to the end.
    inputs_read: usize,
    counts: Counts,
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
    warnings: Vec<String>,
    /// JSON lines without the text field (input, line).
    missing_text: Vec<(Arc<str>, usize)>,
    /// Documents `--group-by` found no group for.
    ungrouped: u64,
    rows: Vec<DocumentRows>,
    /// Bytes of decoded text tagged.
    bytes: u64,
    /// Bytes read from the inputs, bad documents included: the progress line's unit.
    input_bytes: u64,
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
    autos: &AutoEntities,
    fields: &Fields,
    args: &CountArgs,
    threads: usize,
    sink: &mut Sink<'_, '_>,
) -> Result<Report, Failure> {
    let (inputs, skipped_in_dirs) =
        documents::expand(&args.inputs, &mut |w| eprintln!("rasid: {w}"));
    let total_size = documents::known_size(&inputs);
    let mut report = Report {
        inputs_read: 0,
        counts: Counts::new(tagger.gazetteer().len()),
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
        || Worker::new(tagger),
        |worker, batch| worker.count(tagger, autos, fields, args.by_document, batch),
        |event| {
            let result = match event {
                parallel::Event::Unreadable(warning) => {
                    progress.warn(&warning);
                    return true;
                }
                parallel::Event::Batch(result) => result,
            };
            report.bytes += result.bytes;
            report.mentions += result.mentions;
            report.skipped_documents += result.warnings.len() + result.missing_text.len();
            report.ungrouped += result.ungrouped;
            for w in &result.warnings {
                progress.warn(w);
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
            if let Err(e) = sink.documents(&result.rows) {
                failure = Some(e);
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
    recent: RecentAutos,
}

impl Worker {
    fn new(tagger: &Tagger) -> Worker {
        Worker {
            counts: Counts::new(tagger.gazetteer().len()),
            tally: DocumentTally::new(tagger.gazetteer().len()),
            scratch: Scratch::new(),
            recent: RecentAutos::new(),
        }
    }

    /// Tags every document of a batch and adds it to the totals.
    fn count(
        &mut self,
        tagger: &Tagger,
        autos: &AutoEntities,
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
            self.tally.clear();
            let tally = &mut self.tally;
            let recent = &mut self.recent;
            let text = &document.text;
            let tagged = tagger.entities_with(&mut self.scratch, text, |named| {
                let entity = match named {
                    Named::Entity { entity, .. } => entity,
                    Named::Person { name } => {
                        let name = &text[name.range()];
                        recent.number(autos, name, || tagger.person_id(name))
                    }
                };
                tally.add(entity);
                result.mentions += 1;
            });
            if let Err(e) = tagged {
                result.warnings.push(format!("{}: {e}", document.id));
                continue;
            }
            result.bytes += document.text.len() as u64;
            result.documents += 1;
            result.ungrouped += u64::from(document.ungrouped);
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
    autos: &'a AutoEntities,
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
    fn new(
        args: &'a CountArgs,
        labels: &'a [String],
        tagger: &'a Tagger,
        autos: &'a AutoEntities,
        out: &'w mut dyn Write,
    ) -> Sink<'a, 'w> {
        Sink {
            tagger,
            autos,
            format: args.format,
            labels,
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
                let (id, label, name) = match self.autos.get(entity_id) {
                    Some((id, name)) => (Cow::Owned(id), AUTO_LABEL, Cow::Owned(name)),
                    None => {
                        let entity = gazetteer.entity(entity_id);
                        let label = gazetteer.label_name(entity.label);
                        (
                            Cow::Borrowed(&*entity.id),
                            label,
                            Cow::Borrowed(&*entity.name),
                        )
                    }
                };
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
                            &id,
                            label,
                            &name,
                            &mentions.to_string(),
                        ])?
                    }
                    CountFormat::Json | CountFormat::Jsonl => {
                        if self.format == CountFormat::Json && self.started_rows() {
                            self.out.write_all(b",\n")?;
                        }
                        let row = serde_json::json!({"doc_id": document.id, "id": id, "label": label, "name": name, "mentions": mentions});
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

/// The label of the people the name grammar finds.
const AUTO_LABEL: &str = "PERSON";

/// The workers' totals as rows, borrowing the gazetteer's text and the grammar's people (numbered
/// after the gazetteer's entities).
fn totals_table<'a>(
    tagger: &'a Tagger,
    autos: &'a rasid::count::AutoNames,
    counts: &'a Counts,
    countries: &[String],
) -> CountTable<'a> {
    let gazetteer = tagger.gazetteer();
    let mut entities = Vec::with_capacity(counts.iter().count());
    let kept = counts
        .iter()
        .filter(|&(_, entity_id, _)| super::country::keeps(countries, gazetteer, entity_id));
    entities.extend(kept.map(|(group, entity_id, tally)| {
        if let Some((id, name)) = entity_id
            .as_usize()
            .checked_sub(gazetteer.len())
            .and_then(|i| autos.get(i))
        {
            return CountRow {
                group: group.map(Cow::Borrowed),
                id: Cow::Borrowed(id),
                label: Cow::Borrowed(AUTO_LABEL),
                name: Cow::Borrowed(name),
                name_en: Cow::Borrowed(""),
                mentions: tally.mentions,
                documents: tally.documents,
                country: None,
                lat: None,
                lon: None,
            };
        }
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
    // The first part with rows, and whether it was grouped: every other part must be alike.
    let mut grouped: Option<(&PathBuf, bool)> = None;
    for path in &args.inputs {
        let part = read_table(path)?;
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
