//! `rasid tag`: spans per article.

use std::io::{self, IsTerminal, Write};

use rasid::Scratch;

use super::args::{TagArgs, TagFormat};
use super::documents::{self, BATCH_BYTES, Input, RawDocument};
use super::input::InputName;
use super::output::{MentionRecord, RejectedRecord, explain, records, rejected_records, tsv_field};
use super::parallel;
use super::{EXIT_TROUBLE, Failure, build_tagger};

pub(crate) fn run(args: &TagArgs) -> Result<u8, Failure> {
    let tagger = build_tagger(&args.gazetteer)?;
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        TagFormat::Pretty
    } else {
        TagFormat::Jsonl
    });
    let inputs = InputName::all(&args.inputs);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut writer = Writer {
        format,
        array: inputs.len() > 1,
        written: 0,
    };
    let mut scratch = Scratch::new();
    let mut mentions = Vec::new();
    let mut code = 0;
    writer.begin(&mut out)?;
    for input in &inputs {
        if input.is_json_lines() {
            code = code.max(tag_json_lines(&tagger, input, args, &mut writer, &mut out)?);
            continue;
        }
        let text = match input.read() {
            Ok(text) => text,
            Err(message) => {
                // Other inputs are still tagged; the run ends with exit code 2.
                out.flush()?;
                eprintln!("rasid: {message}");
                code = EXIT_TROUBLE;
                continue;
            }
        };
        mentions.clear();
        let gazetteer = tagger.gazetteer();
        tagger.tag_with(&mut scratch, &text, |m| {
            if super::country::keeps(&args.countries, gazetteer, m.entity) {
                mentions.push(m);
            }
        })?;
        let mut entities = records(&tagger, &text, &mentions);
        if args.explain {
            explain(&tagger, &text, &mentions, &mut entities);
        }
        let rejected = if args.explain_rejected {
            Some(rejected_records(&tagger, &text, &tagger.rejections(&text)?))
        } else {
            None
        };
        let document = DocumentRecord {
            path: &input.display(),
            entities: &entities,
            rejected: rejected.as_deref(),
        };
        writer.document(&mut out, &document, &text)?;
    }
    writer.end(&mut out)?;
    out.flush()?;
    Ok(code)
}

/// Tags a JSON Lines input: one output line per document, its fields passed through (all but the
/// text) with `entities` added. Bad lines are reported with their line number and skipped. The input
/// is streamed in batches, so a file of any size tags in bounded memory; written as JSON Lines, the
/// batches are tagged on `threads` workers and written in input order.
fn tag_json_lines(
    tagger: &rasid::Tagger,
    input: &InputName,
    args: &TagArgs,
    writer: &mut Writer,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let source = [Input::JsonLines(input.path().to_owned())];
    let mut code = 0;
    let mut failure = None;
    let mut warn = |warning: &str| {
        eprintln!("rasid: {warning}");
        code = EXIT_TROUBLE;
    };
    let skipped = if writer.format == TagFormat::Jsonl {
        let threads = parallel::threads(args.threads);
        let tag_batch = |scratch: &mut Scratch, batch: Vec<RawDocument>| {
            let mut lines = Vec::new();
            let mut warnings = Vec::new();
            for raw in batch {
                match tag_line(tagger, raw, args, scratch) {
                    Ok(line) => line.write_json(tagger, &mut lines),
                    Err(warning) => warnings.push(warning),
                }
            }
            (lines, warnings)
        };
        let finished = parallel::in_order(&source, threads, Scratch::new, tag_batch, |event| {
            match event {
                parallel::Event::Unreadable(warning) => warn(&warning),
                parallel::Event::Batch((lines, warnings)) => {
                    warnings.iter().for_each(|w| warn(w));
                    if let Err(e) = out.write_all(&lines) {
                        failure = Some(Failure::from(e));
                        return false;
                    }
                }
            }
            true
        });
        finished.skipped_inputs
    } else {
        let mut scratch = Scratch::new();
        let mut tag_batch = |batch: Vec<RawDocument>| {
            for raw in batch {
                let line = match tag_line(tagger, raw, args, &mut scratch) {
                    Ok(line) => line,
                    Err(warning) => {
                        warn(&warning);
                        continue;
                    }
                };
                // Other formats show each line as a document named `file:line`; only JSON Lines
                // output passes the document's own fields through.
                let records = records(tagger, &line.text, &line.mentions);
                let document = DocumentRecord {
                    path: &line.location,
                    entities: &records,
                    rejected: None,
                };
                if let Err(e) = writer.document(out, &document, &line.text) {
                    failure = Some(Failure::from(e));
                    return false;
                }
            }
            true
        };
        // An unreadable input counts through the returned number.
        documents::read_all(&source, BATCH_BYTES, &mut tag_batch, &mut |w| {
            eprintln!("rasid: {w}");
        })
    };
    if let Some(failure) = failure {
        return Err(failure);
    }
    Ok(if skipped > 0 { EXIT_TROUBLE } else { code })
}

/// One JSON line, tagged.
struct TaggedLine {
    location: String,
    /// The document's fields but the text.
    fields: serde_json::Map<String, serde_json::Value>,
    text: String,
    mentions: Vec<rasid::Mention>,
}

/// Parses and tags one JSON line; `Err` is the warning for a line to skip (not UTF-8, not JSON, no
/// text, or a text rasid cannot tag).
fn tag_line(
    tagger: &rasid::Tagger,
    raw: RawDocument,
    args: &TagArgs,
    scratch: &mut Scratch,
) -> Result<TaggedLine, String> {
    let text_field = args.text_field.as_str();
    let (location, line) = raw.into_text()?;
    let mut fields: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&line).map_err(|e| format!("{location}: invalid JSON: {e}"))?;
    let Some(serde_json::Value::String(text)) = fields.remove(text_field) else {
        return Err(format!("{location}: no string field \"{text_field}\""));
    };
    let mut mentions = Vec::new();
    let gazetteer = tagger.gazetteer();
    tagger
        .tag_with(scratch, &text, |m| {
            if super::country::keeps(&args.countries, gazetteer, m.entity) {
                mentions.push(m);
            }
        })
        .map_err(|e| format!("{location}: {e}"))?;
    Ok(TaggedLine {
        location,
        fields,
        text,
        mentions,
    })
}

impl TaggedLine {
    /// Writes the document's own fields with `entities` added, as one JSON line.
    fn write_json(mut self, tagger: &rasid::Tagger, out: &mut Vec<u8>) {
        let records = records(tagger, &self.text, &self.mentions);
        let entities = serde_json::to_value(records).expect("records serialise");
        self.fields.insert("entities".to_owned(), entities);
        serde_json::to_writer(&mut *out, &self.fields).expect("a JSON map serialises");
        out.push(b'\n');
    }
}

/// Writes documents in one format, keeping track of JSON array punctuation.
struct Writer {
    format: TagFormat,
    /// Several inputs in `json` format make one array.
    array: bool,
    written: usize,
}

#[derive(serde::Serialize)]
struct DocumentRecord<'a> {
    path: &'a str,
    entities: &'a [MentionRecord<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    rejected: Option<&'a [RejectedRecord<'a>]>,
}

impl Writer {
    fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            TagFormat::Json if self.array => out.write_all(b"[\n"),
            TagFormat::Html => super::html::begin(out),
            TagFormat::Tsv => writeln!(
                out,
                "path\tstart\tend\tbyte_start\tbyte_end\ttext\tlabel\tid\tname\talias\tproclitics\tname_en\tcountry\tadmin1\tlat\tlon"
            ),
            _ => Ok(()),
        }
    }

    fn document(
        &mut self,
        out: &mut impl Write,
        document: &DocumentRecord<'_>,
        text: &str,
    ) -> io::Result<()> {
        let (path, entities) = (document.path, document.entities);
        match self.format {
            TagFormat::Html => super::html::document(out, path, text, entities)?,
            TagFormat::Json => {
                if self.written > 0 {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer_pretty(&mut *out, document)?;
                if !self.array {
                    out.write_all(b"\n")?;
                }
            }
            TagFormat::Jsonl => {
                serde_json::to_writer(&mut *out, document)?;
                out.write_all(b"\n")?;
            }
            TagFormat::Tsv => {
                for m in entities {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        tsv_field(path),
                        m.start,
                        m.end,
                        m.byte_start,
                        m.byte_end,
                        tsv_field(m.text),
                        m.label,
                        tsv_field(m.id),
                        tsv_field(m.name),
                        tsv_field(m.alias),
                        m.proclitics,
                        tsv_field(m.geo.name_en.unwrap_or_default()),
                        m.geo.country.unwrap_or_default(),
                        tsv_field(m.geo.admin1.unwrap_or_default()),
                        m.geo.lat.map(|v| v.to_string()).unwrap_or_default(),
                        m.geo.lon.map(|v| v.to_string()).unwrap_or_default(),
                    )?;
                }
            }
            TagFormat::Pretty => {
                writeln!(out, "{path}: {} mentions", entities.len())?;
                for m in entities {
                    write!(
                        out,
                        "  {:>6}-{:<6} {:<12} {}  →  {} ({})",
                        m.start, m.end, m.label, m.text, m.name, m.id
                    )?;
                    if let Some(e) = &m.explain {
                        let steps = if e.steps.is_empty() {
                            "as written".to_owned()
                        } else {
                            e.steps.join(", ")
                        };
                        write!(
                            out,
                            "  [alias {}; {} via {}; {steps}",
                            m.alias, e.when, e.via
                        )?;
                        write!(
                            out,
                            "; proclitics {:?}; {} candidates]",
                            m.proclitics, e.choices
                        )?;
                    }
                    writeln!(out)?;
                }
                for r in document.rejected.unwrap_or_default() {
                    let candidates = r.candidates.join(", ");
                    writeln!(
                        out,
                        "  {:>6}-{:<6} rejected     {}  ({}): {}",
                        r.start, r.end, r.text, candidates, r.reason
                    )?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            TagFormat::Json if self.array => out.write_all(b"\n]\n"),
            TagFormat::Html => super::html::end(out),
            _ => Ok(()),
        }
    }
}
