//! `rasid suggest`: candidate names for hand extension, found after cue words (`مدينة X`,
//! `لواء X`, …) and printed as ready-to-paste YAML stubs.
//!
//! A cue word says what kind of name follows it: a settlement word a place, a faction word an armed
//! group, a rank or role a person. Every run of up to three words right after a cue, that rasid did
//! not already tag, is a candidate; the words are normalised to group spelling variants, and the
//! spelling shown is the most frequent one as written (without harakat and tatweel).
//!
//! How many of the words after the cue belong to the name is the hard part. A name in quotes
//! (`حركة «أحرار الشام»`) is taken whole. Otherwise the run stops at punctuation, a tagged name of the
//! wrong kind, a function word or, for places, an adjective (`مدينة جرابلس الحدودية`); within what is
//! left, a word is added only when the previous one cannot end a name (`أبو`, `دير`, `تل`, …; for groups
//! and people any word without the article, whose noun is in construct with the next), or when the
//! corpus shows the longer form at least twice and in most uses of the shorter one. That needs the
//! whole corpus, so runs are kept until the end: one entry per distinct normalised run with its
//! spellings, cue words and first example, so memory grows with the variety of candidates, not with
//! the size of the corpus.
//!
//! The code: `cues` holds the word lists, `page` reads one document into runs, this module counts
//! runs and decides their length, and `stub` writes the YAML.

mod cues;
mod page;
mod stub;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use rasid::{Normalized, Normalizer, Scratch, Tagger};

use super::args::{FieldArgs, GazetteerArgs};
use super::documents::each_document;
use super::{EXIT_TROUBLE, Failure, build_tagger};
use cues::{LISTS, PLACE};
use page::{Cover, Norms, Page, Run, words};
use rasid::corpus::Document;
use stub::{Header, write_stubs};

const EXAMPLES: &str = "\
Examples:
  rasid suggest articles/ > candidates.yml     # review, then paste into a gazetteer file
  rasid suggest --min-count 3 --top 50 corpus.jsonl.gz
  rasid check candidates.yml                   # the stubs pass as they are

Each stub is preceded by a comment with its count, the cue words it followed and the first sentence
it was seen in. The type comes from the cue: PLACE after مدينة, بلدة, قرية, حي, ناحية, محافظة, قضاء;
ARMED_GROUP after فصيل, لواء, ألوية, كتائب, كتيبة, سرايا, حركة, جبهة, فرقة, تجمع, ميليشيا;
PERSON after القائد, القيادي, العقيد, العميد, اللواء, النقيب, الرائد, المقدم, الأمير, الزعيم, الشيخ,
المدعو; ORG after الناطق باسم, المتحدث باسم (the spokesman speaks for an organisation).

Exit codes:
  0  every input was read
  2  something was skipped (an unreadable file, a bad JSON line), or a usage error";

#[derive(Debug, Args)]
#[command(after_long_help = EXAMPLES)]
pub(crate) struct SuggestArgs {
    /// Files, directories or `-` (as for `count`); standard input when none is given.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Only candidates seen at least this many times.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_count: u64,
    /// Only the N most frequent candidates.
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,
    #[command(flatten)]
    pub(crate) fields: FieldArgs,
    /// No summary on standard error.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    #[command(flatten)]
    pub(crate) gazetteer: GazetteerArgs,
}

pub(crate) fn run(args: &SuggestArgs) -> Result<u8, Failure> {
    let tagger = build_tagger(&args.gazetteer)?;
    let fields = args.fields.fields(None);
    let mut collector = Collector::new(&tagger);
    let mut documents = 0u64;
    let reading = each_document(&args.inputs, &fields, args.quiet, &mut |document| {
        collector.add(document).map(|()| documents += 1)
    });
    let mut candidates = collector.finish();
    candidates.retain(|c| c.count >= args.min_count);
    if let Some(top) = args.top {
        candidates.truncate(top);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let header = Header {
        candidates: candidates.len(),
        documents,
        min_count: args.min_count,
        source: corpus_name(&args.inputs),
    };
    write_stubs(&mut out, &header, &candidates, tagger.gazetteer())?;
    out.flush()?;
    if !args.quiet {
        eprintln!(
            "rasid: {} candidates from {documents} documents; skipped {} inputs and {} documents",
            candidates.len(),
            reading.skipped_inputs,
            reading.skipped_documents
        );
    }
    Ok(if reading.skipped() > 0 {
        EXIT_TROUBLE
    } else {
        0
    })
}

/// How the corpus is named in `sources:`.
fn corpus_name(inputs: &[PathBuf]) -> String {
    if inputs.is_empty() {
        return "standard input".to_owned();
    }
    let names: Vec<String> = inputs
        .iter()
        .map(|p| match p.to_str() {
            Some("-") => "standard input".to_owned(),
            _ => p.display().to_string(),
        })
        .collect();
    names.join(" ")
}

/// Where a candidate was first seen.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Example {
    /// Order of the occurrence in the corpus: the lowest is the first.
    seq: u64,
    document: String,
    sentence: String,
}

/// A distinct run: its cue type, normalised words and whether it was quoted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RunKey {
    label: &'static str,
    /// Whether the first of `words` is the cue's, which belongs to the name.
    head: bool,
    words: Vec<String>,
    quoted: bool,
}

/// What is known of a distinct run.
#[derive(Clone, Debug)]
struct RunStats {
    count: u64,
    /// Written forms and their counts.
    spellings: HashMap<String, u64>,
    /// Cue words (as listed) and their counts.
    cues: BTreeMap<&'static str, u64>,
    example: Example,
}

/// A suggested name.
#[derive(Clone, Debug)]
struct Candidate {
    label: &'static str,
    /// Normalised words, one space apart: what groups spelling variants.
    key: String,
    count: u64,
    spellings: HashMap<String, u64>,
    cues: BTreeMap<&'static str, u64>,
    example: Example,
}

impl Candidate {
    /// The most frequent spelling; the smallest of equally frequent ones.
    fn spelling(&self) -> &str {
        self.spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or("", |(s, _)| s.as_str())
    }
}

/// Gathers runs over a corpus.
struct Collector<'t> {
    tagger: &'t Tagger,
    normalizer: Normalizer,
    scratch: Scratch,
    buffer: Normalized,
    /// The index of the PLACE label: a place may stand inside a group's name.
    place: Option<usize>,
    runs: HashMap<RunKey, RunStats>,
    seq: u64,
}

impl<'t> Collector<'t> {
    fn new(tagger: &'t Tagger) -> Collector<'t> {
        Collector {
            tagger,
            normalizer: Normalizer::new(),
            scratch: Scratch::new(),
            buffer: Normalized::new(),
            place: tagger.gazetteer().labels().iter().position(|l| l == PLACE),
            runs: HashMap::new(),
            seq: 0,
        }
    }

    /// Tags one document and records the runs after its cue words.
    fn add(&mut self, document: &Document) -> Result<(), String> {
        let text = document.text.as_str();
        let mut covers = Vec::new();
        self.tagger
            .tag_with(&mut self.scratch, text, |m| {
                // Proclitics are covered too: `وبالبوكمال` is no candidate.
                covers.push(Cover {
                    start: m.proclitics.start.min(m.span.start),
                    end: m.span.end,
                    is_place: Some(m.label.as_usize()) == self.place,
                });
            })
            .map_err(|e| format!("{}: {e}", document.id))?;
        let words = words(text, &covers);
        let norms = Norms::new(text, &words, &self.normalizer, &mut self.buffer);
        let page = Page {
            text,
            words,
            norms,
            covers,
        };
        for run in page.runs() {
            self.record(&page, &run, &document.id);
        }
        Ok(())
    }

    fn record(&mut self, page: &Page<'_>, run: &Run, document: &str) {
        let (cue_words, cue) = &LISTS.cues[run.cue];
        let head = cue.in_name.then(|| cue_words[0].clone());
        let key = RunKey {
            label: cue.label,
            head: head.is_some(),
            words: head
                .into_iter()
                .chain(run.words.clone().map(|w| page.norms.get(w).to_owned()))
                .collect(),
            quoted: run.quoted,
        };
        self.seq += 1;
        let seq = self.seq;
        let stats = self.runs.entry(key).or_insert_with(|| RunStats {
            count: 0,
            spellings: HashMap::new(),
            cues: BTreeMap::new(),
            example: Example {
                seq,
                document: document.to_owned(),
                sentence: page.sentence(run),
            },
        });
        stats.count += 1;
        *stats.spellings.entry(page.spelling(run)).or_default() += 1;
        *stats.cues.entry(cue.written).or_default() += 1;
    }

    /// Decides each run's length and merges runs into candidates, most frequent first.
    fn finish(self) -> Vec<Candidate> {
        choose_candidates(self.runs)
    }
}

/// Whether a run grows from `k` words to `k + 1`: the `k`th word cannot end a name, or the corpus
/// shows the longer form at least twice and in most uses of the shorter one.
fn extends(key: &RunKey, k: usize, prefix_counts: &HashMap<(&str, String), u64>) -> bool {
    let last = &key.words[k - 1];
    if LISTS.heads.contains(last) {
        return true;
    }
    // A group's or person's name word without the article is in construct with the next word
    // (`أحرار الشام`, `جمال معروف`); a place's is usually complete (`جرابلس`).
    if key.label != PLACE && !last.starts_with("ال") && last.chars().any(char::is_alphabetic) {
        return true;
    }
    let count = |n: usize| {
        prefix_counts
            .get(&(key.label, key.words[..n].join(" ")))
            .copied()
            .unwrap_or(0)
    };
    let (shorter, longer) = (count(k), count(k + 1));
    longer >= 2 && 2 * longer > shorter
}

/// Gives every run its length and adds up the runs that come to the same name; most frequent first,
/// then by type and normalised name, so that the order is the same on every run.
fn choose_candidates(runs: HashMap<RunKey, RunStats>) -> Vec<Candidate> {
    let mut prefix_counts: HashMap<(&str, String), u64> = HashMap::new();
    for (key, stats) in runs.iter().filter(|(key, _)| !key.quoted) {
        for n in 1..=key.words.len() {
            *prefix_counts
                .entry((key.label, key.words[..n].join(" ")))
                .or_default() += stats.count;
        }
    }
    let mut candidates: HashMap<(&'static str, String), Candidate> = HashMap::new();
    for (key, stats) in &runs {
        let mut k = if key.quoted {
            key.words.len()
        } else {
            usize::from(key.head) + 1
        };
        while k < key.words.len() && extends(key, k, &prefix_counts) {
            k += 1;
        }
        let words = key.words[..k].join(" ");
        let candidate = candidates
            .entry((key.label, words.clone()))
            .or_insert_with(|| Candidate {
                label: key.label,
                key: words,
                count: 0,
                spellings: HashMap::new(),
                cues: BTreeMap::new(),
                example: stats.example.clone(),
            });
        candidate.count += stats.count;
        for (spelling, n) in &stats.spellings {
            let prefix: Vec<&str> = spelling.split(' ').take(k).collect();
            *candidate.spellings.entry(prefix.join(" ")).or_default() += n;
        }
        for (cue, n) in &stats.cues {
            *candidate.cues.entry(cue).or_default() += n;
        }
        if stats.example.seq < candidate.example.seq {
            candidate.example = stats.example.clone();
        }
    }
    let mut candidates: Vec<Candidate> = candidates.into_values().collect();
    candidates.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.label.cmp(b.label))
            .then_with(|| a.key.cmp(&b.key))
    });
    candidates
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use rasid::Gazetteer;

    use super::cues::{ARMED_GROUP, ORG, PERSON};
    use super::*;

    /// A gazetteer with one place, so that `البوكمال` is tagged and everything else is not.
    fn tagger() -> Tagger {
        let yaml = "- {id: p:bk, type: PLACE, name: البوكمال, name_en: Abu Kamal}";
        Tagger::new(crate::test_gazetteer(yaml))
    }

    /// Candidates as (type, spelling, count), in output order.
    type Found = Vec<(&'static str, String, u64)>;

    /// The candidates of a corpus.
    fn suggest(texts: &[&str]) -> Found {
        let tagger = tagger();
        let mut collector = Collector::new(&tagger);
        for (i, text) in texts.iter().enumerate() {
            let document = Document::new(format!("d{i}"), *text);
            collector.add(&document).unwrap();
        }
        collector
            .finish()
            .iter()
            .map(|c| (c.label, c.spelling().to_owned(), c.count))
            .collect()
    }

    fn one(label: &'static str, spelling: &str) -> Found {
        vec![(label, spelling.to_owned(), 1)]
    }

    #[test]
    fn runs_after_cues() {
        let rows: &[(&str, &str, Found)] = &[
            (
                "stops at punctuation",
                "من مدينة جرابلس، وصولاً",
                one(PLACE, "جرابلس"),
            ),
            (
                "stops at a nisba",
                "في بلدة صوران الحدودية",
                one(PLACE, "صوران"),
            ),
            (
                "stops at a place adjective",
                "بلدة صوران المجاورة",
                one(PLACE, "صوران"),
            ),
            ("clitics on the cue", "وبمدينة جرابلس", one(PLACE, "جرابلس")),
            (
                "lam lam on the cue",
                "وللقائد جمال معروف",
                one(PERSON, "جمال معروف"),
            ),
            (
                "head of a compound place",
                "بلدة تل أبيض",
                one(PLACE, "تل أبيض"),
            ),
            (
                "cue word inside a place",
                "حي الشيخ مقصود",
                one(PLACE, "الشيخ مقصود"),
            ),
            (
                "harakat and tatweel dropped",
                "مدينة جَرابلـس",
                one(PLACE, "جرابلس"),
            ),
            (
                "faction word in the name",
                "حركة أحرار الشام",
                one(ARMED_GROUP, "حركة أحرار الشام"),
            ),
            (
                "quoted name",
                "حركة «نور الدين الزنكي» اليوم",
                one(ARMED_GROUP, "حركة نور الدين الزنكي"),
            ),
            (
                "too long in quotes",
                "حركة «نور الدين الزنكي الإسلامية»",
                vec![],
            ),
            (
                "generic head noun left out",
                "فصيل صقور الجبل",
                one(ARMED_GROUP, "صقور الجبل"),
            ),
            ("nisba after a faction word", "ميليشيات طائفية", vec![]),
            (
                "tagged place inside a group",
                "لواء ثوار البوكمال",
                one(ARMED_GROUP, "لواء ثوار البوكمال"),
            ),
            ("tagged place after a place cue", "مدينة البوكمال", vec![]),
            (
                "unit number",
                "لواء 313 الإيراني",
                one(ARMED_GROUP, "لواء 313"),
            ),
            (
                "kunya",
                "القائد أبو محمد الجولاني",
                one(PERSON, "أبو محمد الجولاني"),
            ),
            ("title, not a name", "القائد العسكري للفصيل", vec![]),
            (
                "multi-word cue",
                "الناطق باسم الخارجية الروسية",
                one(ORG, "الخارجية"),
            ),
            ("stop word", "مدينة في الشمال", vec![]),
            ("no cue", "جرابلس وصوران", vec![]),
            ("line break after the cue", "مدينة\nجرابلس", vec![]),
            (
                "verb ends a person",
                "العميد سهيل الحسن قال",
                one(PERSON, "سهيل الحسن"),
            ),
        ];
        let names: HashSet<&str> = rows.iter().map(|r| r.0).collect();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for (name, text, expected) in rows {
            assert_eq!(&suggest(&[text]), expected, "{name}: {text}");
        }
    }

    #[test]
    fn longer_forms_need_evidence() {
        // The longer form in two of three uses: it is the name.
        let texts = [
            "قرية المزرعة الكبرى",
            "قرية المزرعة الكبرى",
            "قرية المزرعة.",
        ];
        assert_eq!(
            suggest(&texts),
            [
                (PLACE, "المزرعة الكبرى".to_owned(), 2),
                (PLACE, "المزرعة".to_owned(), 1)
            ]
        );
        // In one of three, or only once: the short form.
        let texts = ["قرية المزرعة الكبرى", "قرية المزرعة.", "قرية المزرعة."];
        assert_eq!(suggest(&texts), [(PLACE, "المزرعة".to_owned(), 3)]);
        assert_eq!(suggest(&["قرية المزرعة الكبرى"]), one(PLACE, "المزرعة"));
    }

    #[test]
    fn variants_group_and_the_frequent_spelling_wins() {
        // Hamza and teh marbuta variants are one candidate, shown as most often written.
        let texts = [
            "مدينة اعزاز",
            "مدينة أعزاز",
            "مدينة أعزاز",
            "بلدة حماه",
            "مدينة حماة",
        ];
        assert_eq!(
            suggest(&texts),
            [
                (PLACE, "أعزاز".to_owned(), 3),
                // Equally frequent spellings: the smaller one.
                (PLACE, "حماة".to_owned(), 2)
            ]
        );
    }

    /// Every sequence of up to four pieces from a small set that exercises cues, clitics, quotes,
    /// punctuation and tagged names: nothing panics, and the stubs of everything found load as a
    /// gazetteer.
    #[test]
    fn short_texts_never_panic_and_stubs_load() {
        let pieces = [
            "مدينة",
            "بمدينة",
            "حركة",
            "القائد",
            "الناطق باسم",
            "«",
            "»",
            "(",
            " ",
            "،",
            "\n",
            "\u{200F}",
            "\u{064E}",
            "ـ",
            "جرابلس",
            "البوكمال",
            "أبو",
            "3",
        ];
        let tagger = tagger();
        let mut collector = Collector::new(&tagger);
        let mut text = String::new();
        for len in 1..=4u32 {
            for mut code in 0..pieces.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push_str(pieces[code % pieces.len()]);
                    code /= pieces.len();
                }
                let document = Document::new("d", text.clone());
                collector.add(&document).unwrap();
            }
        }
        let candidates = collector.finish();
        assert!(candidates.len() > 5, "{}", candidates.len());
        let header = Header {
            candidates: candidates.len(),
            documents: 1,
            min_count: 1,
            source: "pieces".to_owned(),
        };
        let mut yaml = Vec::new();
        write_stubs(&mut yaml, &header, &candidates, tagger.gazetteer()).unwrap();
        let yaml = String::from_utf8(yaml).unwrap();
        let loaded = Gazetteer::builder()
            .defaults(false)
            .add_yaml("stubs.yml", yaml.as_str())
            .build()
            .unwrap_or_else(|e| panic!("{e}\n{yaml}"));
        assert_eq!(loaded.len(), candidates.len());
    }
}
