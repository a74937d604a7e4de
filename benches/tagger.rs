//! Criterion benches: load and build (or read the cached image), normalise, tag one article, tag the
//! dev texts, and the cost of the person-name grammar (counting the fixture dev texts' entities with
//! and without it).
//!
//! `cargo bench` runs them; regressions show against the last saved baseline
//! (`cargo bench -- --save-baseline main`, then `--baseline main`). Whole-corpus throughput against the
//! aho-corasick limit is measured separately, by the benchmark kit's `compare.py` (see the README).

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rasid::count::Counter;
use rasid::{Gazetteer, IndexCache, Lexicon, Normalized, Normalizer, Scratch, Tagger};

const ARTICLE: &str = include_str!("../tests/fixtures/article-albukamal-2017.txt");

fn load_and_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("load default gazetteers", |b| {
        b.iter(|| Gazetteer::defaults().expect("defaults are valid"))
    });
    group.bench_function("load and build tagger", |b| {
        b.iter(|| Tagger::new(Gazetteer::defaults().expect("defaults are valid")))
    });
    // The start of every run after the first: the tagger read from its cached image.
    let dir = std::env::temp_dir().join(format!("rasid-bench-cache-{}", std::process::id()));
    let mut builder = Tagger::builder();
    builder.cache(IndexCache::at(&dir));
    builder.build().expect("defaults are valid");
    group.bench_function("read tagger from its image", |b| {
        b.iter(|| builder.build().expect("defaults are valid"))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn normalize(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    let normalizer = Normalizer::new();
    let mut out = Normalized::new();
    group.bench_function("seed article", |b| {
        b.iter(|| normalizer.normalize_into(ARTICLE, &mut out))
    });
    group.finish();
}

fn tag(c: &mut Criterion) {
    let tagger = Tagger::new(Gazetteer::defaults().expect("defaults are valid"));
    let mut scratch = Scratch::new();
    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("seed article", |b| {
        b.iter(|| {
            let mut n = 0;
            tagger
                .tag_with(&mut scratch, ARTICLE, |_| n += 1)
                .expect("small text");
            n
        })
    });
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev/texts");
    let texts: Vec<String> = std::fs::read_dir(&dev)
        .into_iter()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    if !texts.is_empty() {
        group.throughput(Throughput::Bytes(
            texts.iter().map(|t| t.len() as u64).sum(),
        ));
        group.bench_function("dev texts", |b| {
            b.iter(|| {
                let mut n = 0;
                for text in &texts {
                    tagger
                        .tag_with(&mut scratch, text, |_| n += 1)
                        .expect("small text");
                }
                n
            })
        });
    }
    group.finish();
}

/// What `rasid count` does per document (entities, no spans mapped, the grammar's people numbered
/// and tallied), with the person-name grammar on and off: the difference is the grammar's cost,
/// without start-up.
fn person_grammar(c: &mut Criterion) {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev/texts");
    let texts: Vec<String> = std::fs::read_dir(&dev)
        .expect("the fixture dev texts")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    let mut group = c.benchmark_group("count entities");
    group.throughput(Throughput::Bytes(
        texts.iter().map(|t| t.len() as u64).sum(),
    ));
    for (name, grammar) in [("grammar on", true), ("grammar off", false)] {
        let gazetteer = Gazetteer::defaults().expect("defaults are valid");
        let tagger = Tagger::with_options(gazetteer, Lexicon::embedded(), grammar);
        let mut counter = Counter::new(&tagger);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0;
                for text in &texts {
                    n += counter.add(&tagger, text, None).expect("small text");
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load_and_build, normalize, tag, person_grammar);
criterion_main!(benches);
