//! `rasid tag`: spans per article.

use std::io::{self, IsTerminal, Write};

use rasid::Scratch;

use super::args::{TagArgs, TagFormat};
use super::atomic::AtomicOutput;
use super::export;
use super::input::InputName;
use super::{EXIT_TROUBLE, Failure, build_tagger};
use rasid::corpus as parallel;
use rasid::corpus::{self as documents, BATCH_BYTES, Input, Problem, RawDocument, Skip};
use rasid::record::{MentionRecord, RejectedRecord, tsv_field};

pub(crate) fn run(args: &TagArgs) -> Result<u8, Failure> {
    // Checked first: a bad -j is a usage error whatever the inputs.
    let threads = parallel::threads(args.threads)?;
    let inputs = InputName::all(&args.inputs);
    // Standard input holds JSON Lines when it starts with `{`, as for `count`.
    let stdin_json = inputs.iter().any(InputName::is_stdin)
        && documents::stdin_is_json_lines().map_err(|e| Failure::trouble(e.to_string()))?;
    let json_lines = |input: &InputName| input.is_json_lines() || (input.is_stdin() && stdin_json);
    if args.format == Some(TagFormat::Brat) {
        if args.output.is_some() {
            return Err(Failure::trouble(
                "--format brat writes NAME.ann beside each text file NAME.txt; -o does not apply",
            ));
        }
        if let Some(input) = inputs.iter().find(|i| i.is_stdin() || json_lines(i)) {
            return Err(Failure::trouble(format!(
                "{}: --format brat writes NAME.ann beside a text file NAME.txt; give text files, \
                 not standard input or JSON Lines",
                input.display()
            )));
        }
    }
    // Before any work, so that an output that cannot be written fails at once.
    let mut output = AtomicOutput::new(args.output.as_deref())?;
    let tagger = build_tagger(&args.gazetteer)?;
    let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    let format = args
        .format
        .unwrap_or(if to_stdout && io::stdout().is_terminal() {
            TagFormat::Pretty
        } else {
            TagFormat::Jsonl
        });
    let mut out = output.writer();
    let mut writer = Writer {
        format,
        // A JSON Lines input holds many documents, so it makes an array even alone.
        array: inputs.len() > 1 || inputs.iter().any(json_lines),
        written: 0,
    };
    let mut scratch = Scratch::new();
    let mut mentions = Vec::new();
    let mut code = 0;
    writer.begin(&mut out)?;
    for input in &inputs {
        if json_lines(input) {
            code = code.max(tag_json_lines(
                &tagger,
                input,
                args,
                threads,
                &mut writer,
                &mut out,
            )?);
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
        let tagged = tagger.tag_with(&mut scratch, &text, |m| {
            if rasid::count::mention_keeps_country(&args.countries, gazetteer, m.named) {
                mentions.push(m);
            }
        });
        if let Err(e) = tagged {
            // A document too large to tag is reported like an unreadable one.
            out.flush()?;
            eprintln!("rasid: {}: {e}", input.display());
            code = EXIT_TROUBLE;
            continue;
        }
        let entities = MentionRecord::all(&tagger, &text, &mentions, args.explain);
        let rejected = if args.explain_rejected {
            Some(RejectedRecord::all(
                &tagger,
                &text,
                &tagger.rejections(&text)?,
            ))
        } else {
            None
        };
        if format == TagFormat::Brat {
            let mut ann = AtomicOutput::new(Some(&export::ann_path(input.path())))?;
            ann.writer()
                .write_all(export::brat_ann(&entities).as_bytes())?;
            ann.commit()?;
            continue;
        }
        let document = DocumentRecord {
            path: &input.display(),
            entities: &entities,
            rejected: rejected.as_deref(),
        };
        writer.document(&mut out, &document, &text)?;
    }
    writer.end(&mut out)?;
    output.commit()?;
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
    threads: usize,
    writer: &mut Writer,
    out: &mut impl Write,
) -> Result<u8, Failure> {
    let source = [if input.is_stdin() {
        Input::Stdin
    } else {
        Input::JsonLines(input.path().to_owned())
    }];
    let mut code = 0;
    let mut failure = None;
    // Lines without the text field are gathered and said once, with their number, at the end.
    let mut missing = documents::MissingText::default();
    let mut warn = |skip: Skip| {
        match skip {
            Skip::NoText { source, line } => missing.add(&source, line),
            Skip::Other(warning) => eprintln!("rasid: {warning}"),
        }
        code = EXIT_TROUBLE;
    };
    let skipped = if writer.format == TagFormat::Jsonl {
        let tag_batch = |scratch: &mut Scratch, batch: Vec<RawDocument>| {
            let mut lines = Vec::new();
            let mut warnings = Vec::new();
            for raw in batch {
                match tag_line(tagger, raw, args, scratch) {
                    Ok(line) => line.write_json(tagger, args, &mut lines),
                    Err(warning) => warnings.push(warning),
                }
            }
            (lines, warnings)
        };
        let finished = parallel::in_order(&source, threads, Scratch::new, tag_batch, |event| {
            match event {
                parallel::Event::Unreadable(warning) => warn(Skip::Other(warning)),
                parallel::Event::Batch((lines, warnings)) => {
                    warnings.into_iter().for_each(&mut warn);
                    if let Err(e) = out.write_all(&lines) {
                        failure = Some(Failure::from(e));
                        return false;
                    }
                }
            }
            true
        })?;
        finished.skipped.inputs
    } else {
        let mut scratch = Scratch::new();
        let mut tag_batch = |batch: Vec<RawDocument>| {
            for raw in batch {
                let line = match tag_line(tagger, raw, args, &mut scratch) {
                    Ok(line) => line,
                    Err(skip) => {
                        warn(skip);
                        continue;
                    }
                };
                // Other formats show each line as a document named `file:line`; only JSON Lines
                // output passes the document's own fields through.
                let records = MentionRecord::all(tagger, &line.text, &line.mentions, args.explain);
                let rejected = line.rejected(tagger, args);
                let document = DocumentRecord {
                    path: &line.location,
                    entities: &records,
                    rejected: rejected.as_deref(),
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
        .inputs
    };
    if let Some(failure) = failure {
        return Err(failure);
    }
    let fields = documents::Fields {
        text: args.text_field.clone(),
        id: String::new(),
        group: None,
    };
    for message in missing.messages(&fields) {
        eprintln!("rasid: {message}");
    }
    Ok(if skipped > 0 { EXIT_TROUBLE } else { code })
}

/// A JSON line's fields but the text: each key (unescaped) and the byte range of its value in the
/// line, as written.
type RawFields = Vec<(String, std::ops::Range<usize>)>;

/// One JSON line, tagged: the line as read, and where its fields are in it.
struct TaggedLine {
    location: String,
    line: String,
    /// Every field but the text and a former `entities`, in the line's order.
    fields: RawFields,
    text: String,
    mentions: Vec<rasid::Mention>,
}

/// Parses and tags one JSON line; `Err` says why the line is skipped (not UTF-8, not JSON, no text,
/// or a text rasid cannot tag).
fn tag_line(
    tagger: &rasid::Tagger,
    raw: RawDocument,
    args: &TagArgs,
    scratch: &mut Scratch,
) -> Result<TaggedLine, Skip> {
    let text_field = args.text_field.as_str();
    let (source, number) = (std::sync::Arc::clone(&raw.source), raw.line);
    let (location, line) = raw.into_text().map_err(Skip::Other)?;
    let (fields, text) = raw_fields(&line, text_field).map_err(|source| {
        Skip::Other(Problem::InvalidJson {
            location: location.clone(),
            source,
        })
    })?;
    let Some(text) = text else {
        return Err(Skip::NoText {
            source,
            line: number,
        });
    };
    let mut mentions = Vec::new();
    let gazetteer = tagger.gazetteer();
    tagger
        .tag_with(scratch, &text, |m| {
            if rasid::count::mention_keeps_country(&args.countries, gazetteer, m.named) {
                mentions.push(m);
            }
        })
        .map_err(|source| {
            Skip::Other(Problem::Tagging {
                location: location.clone(),
                source,
            })
        })?;
    Ok(TaggedLine {
        location,
        line,
        fields,
        text,
        mentions,
    })
}

/// The fields of a JSON object line, values left as written (`serde_json`'s `RawValue`: no number
/// is converted, so `12345678901234567890123` and `1e400` pass through as they are, and no map
/// re-sorts the keys), and the text field's string. The text field, when it is not a string, is
/// reported as missing.
fn raw_fields(
    line: &str,
    text_field: &str,
) -> Result<(RawFields, Option<String>), serde_json::Error> {
    use serde::de::{Deserializer as _, MapAccess, Visitor};
    use serde_json::value::RawValue;

    struct Fields<'t> {
        text_field: &'t str,
        base: usize,
    }

    impl<'de> Visitor<'de> for Fields<'_> {
        type Value = (RawFields, Option<String>);

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let (mut fields, mut text) = (Vec::new(), None);
            while let Some(key) = map.next_key::<String>()? {
                let value: &'de RawValue = map.next_value()?;
                if key == self.text_field {
                    text = serde_json::from_str::<String>(value.get()).ok();
                } else if key != "entities" {
                    // The value borrows from the line, so its place is its address less the line's.
                    let start = value.get().as_ptr() as usize - self.base;
                    fields.push((key, start..start + value.get().len()));
                }
            }
            Ok((fields, text))
        }
    }

    let mut deserializer = serde_json::Deserializer::from_str(line);
    let parsed = (&mut deserializer).deserialize_map(Fields {
        text_field,
        base: line.as_ptr() as usize,
    })?;
    deserializer.end()?;
    Ok(parsed)
}

impl TaggedLine {
    /// Writes the document's own fields, as written and in their order, with `entities` added, as
    /// one JSON line.
    /// With `--explain-rejected`, the candidates turned down in the line's text.
    fn rejected<'t>(
        &'t self,
        tagger: &rasid::Tagger,
        args: &TagArgs,
    ) -> Option<Vec<RejectedRecord<'t>>> {
        if !args.explain_rejected {
            return None;
        }
        // The text was tagged already, so it is within every limit and the rejections are found.
        let rejected = tagger.rejections(&self.text).ok()?;
        Some(RejectedRecord::all(tagger, &self.text, &rejected))
    }

    fn write_json(self, tagger: &rasid::Tagger, args: &TagArgs, out: &mut Vec<u8>) {
        out.push(b'{');
        for (key, value) in &self.fields {
            serde_json::to_writer(&mut *out, key).expect("a string serialises");
            out.push(b':');
            out.extend_from_slice(self.line[value.clone()].as_bytes());
            out.push(b',');
        }
        out.extend_from_slice(b"\"entities\":");
        let records = MentionRecord::all(tagger, &self.text, &self.mentions, args.explain);
        serde_json::to_writer(&mut *out, &records).expect("records serialise");
        if let Some(rejected) = self.rejected(tagger, args) {
            out.extend_from_slice(b",\"rejected\":");
            serde_json::to_writer(&mut *out, &rejected).expect("records serialise");
        }
        out.extend_from_slice(b"}\n");
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
            TagFormat::Conll => export::conll(out, text, entities)?,
            // Written beside each text file by `run`.
            TagFormat::Brat => {}
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
                        tsv_field(&m.id),
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
