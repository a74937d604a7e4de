//! Property tests over generated texts, with the default gazetteers and with random small ones.
//!
//! Texts are made of aliases (so that names are found), aliases with proclitics glued on or written
//! apart before a quote mark, and noise chosen to stress the normaliser and the word checks (harakat,
//! tatweel, ligatures, presentation forms, invisible marks, ﷺ, quote marks, Latin, digits). For each
//! text: nothing panics; every mention's byte and code-point slices are its text; spans and their
//! proclitics are sorted and never overlap; tagging with a scratch reused from other texts gives what
//! a fresh `tag` gives; counting gives the totals of tagging; rejected candidates are slices too.
//!
//! The suite runs a few thousand cases from a fixed seed; `cargo test --release -- --ignored` runs
//! the long run, over a million cases from a random seed.

use std::cell::{Cell, RefCell};
use std::sync::LazyLock;
use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRng, TestRunner};

use super::*;

/// Noise between and inside names.
const NOISE: &[&str] = &[
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "،",
    ".",
    "\"",
    "«",
    "»",
    "(",
    ")",
    "'",
    "ـ",
    "\u{064E}",
    "\u{0651}",
    "\u{0670}",
    "\u{FDFA}",
    "\u{FEFB}",
    "\u{FE8D}",
    "\u{200F}",
    "\u{200D}",
    "\u{FEFF}",
    "ال",
    "لل",
    "ة",
    "ه",
    "ى",
    "ي",
    "أ",
    "إ",
    "آ",
    "ا",
    "ل",
    "ب",
    "و",
    "ك",
    "گ",
    "ی",
    "a",
    "B",
    "5",
    "٣",
    "x y",
    "مدينة ",
    "بلدة ",
    "الرئيس ",
    "حي ",
    "لـ",
    "بـ",
    "و",
    "ف",
];

/// Proclitics to glue to a name or write apart before a quote mark.
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "فل", "لـ", "بـ", "ول"];

/// A text made of `words`, proclitics and noise.
fn text_of(words: Vec<String>) -> impl Strategy<Value = String> {
    let word = select(words);
    let piece = prop_oneof![
        4 => word.clone(),
        2 => (select(CLITICS), word.clone()).prop_map(|(c, w)| format!("{c}{w}")),
        1 => (select(CLITICS), select(&["\"", "«", " \""][..]), word)
            .prop_map(|(c, q, w)| format!("{c}{q}{w}")),
        4 => select(NOISE).prop_map(str::to_owned),
        1 => prop::char::range('\u{0600}', '\u{06FF}').prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    // Mostly a space after a piece, so that names stand as words; sometimes nothing, so that they
    // are glued to what follows.
    let separator = select(&[" ", " ", " ", " ", "", "، ", "\n", ". "][..]);
    prop::collection::vec((piece, separator), 0..40).prop_map(|pieces| {
        pieces
            .into_iter()
            .flat_map(|(piece, separator)| [piece, separator.to_owned()])
            .collect()
    })
}

/// The default tagger and the texts of its aliases.
static DEFAULT: LazyLock<(Tagger, Vec<String>)> = LazyLock::new(|| {
    let tagger = Tagger::new(Gazetteer::defaults().expect("the default gazetteers load"));
    let words = tagger
        .gazetteer()
        .aliases()
        .iter()
        .map(|a| a.text.to_string())
        .collect();
    (tagger, words)
});

/// A small gazetteer: names of one to three words over a few letters, so that they overlap, nest and
/// share aliases, with every type and rule, and cue words.
fn small_gazetteer() -> impl Strategy<Value = (String, Vec<String>)> {
    let letters = select(vec!['ل', 'ا', 'ب', 'و', 'ك', 'ه', 'ي', 'ن', 'أ', 'ة']);
    let word = prop::collection::vec(letters, 1..5).prop_map(String::from_iter);
    let name = prop::collection::vec(word, 1..4).prop_map(|words| words.join(" "));
    let label = select(&["PLACE", "ARMED_GROUP", "PERSON", "ORG"][..]);
    let when = select(&["always", "always", "cue", "document"][..]);
    let alias = (name.clone(), when);
    let entity = (name, label, prop::collection::vec(alias, 0..3));
    prop::collection::vec(entity, 1..7).prop_map(|entities| {
        let mut yaml = String::from(
            "cues: {PLACE: [مدينة, بلدة, حي], PERSON: [الرئيس], ORG: [«»]}\nentities:\n",
        );
        let mut words = Vec::new();
        for (index, (name, label, aliases)) in entities.into_iter().enumerate() {
            yaml.push_str(&format!(
                "- {{id: e:{index}, type: {label}, name: \"{name}\", name_en: E{index}, aliases: ["
            ));
            for (text, when) in aliases {
                yaml.push_str(&format!("{{text: \"{text}\", when: {when}}}, "));
                words.push(text);
            }
            yaml.push_str("]}\n");
            words.push(name);
        }
        (yaml, words)
    })
}

/// Checks every property on one text; `scratch` comes from earlier texts.
fn check(
    tagger: &Tagger,
    text: &str,
    scratch: &mut Scratch,
    found: &Cell<u64>,
) -> std::result::Result<(), TestCaseError> {
    let mentions = tagger
        .tag(text)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    found.set(found.get() + mentions.len() as u64);
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for m in &mentions {
        let Some(written) = text.get(m.span.range()) else {
            return Err(TestCaseError::fail(format!("{m:?} is no slice")));
        };
        prop_assert!(!written.is_empty(), "{m:?} is empty");
        let start = text[..m.span.start].chars().count();
        let end = start + written.chars().count();
        let by_chars: String = chars[start..end].iter().collect();
        prop_assert_eq!(&by_chars, written, "code points of {:?}", m);
        prop_assert!(
            text.get(m.proclitics.range()).is_some(),
            "{m:?}: proclitics"
        );
        prop_assert!(
            m.proclitics.end <= m.span.start,
            "{m:?}: proclitics after the name"
        );
        prop_assert!(
            m.span.start >= previous_end
                && (m.proclitics.is_empty() || m.proclitics.start >= previous_end),
            "{m:?} overlaps the mention before it"
        );
        previous_end = m.span.end;
    }
    let mut reused = Vec::new();
    tagger
        .tag_with(scratch, text, |m| reused.push(m))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&reused, &mentions, "a reused scratch");
    // Counting and tagging agree on every entity, the grammar's people (by their id) included.
    // `count` makes an auto entity's id from its name in the normalised document, tagging from
    // the mention's span in the original: the two agree.
    let counted_id = |named: Named, key: &str| match named {
        Named::Entity { entity, .. } => tagger.gazetteer().entity(entity).id.to_string(),
        Named::Person { .. } => auto_id_of_key(AUTO_PERSON_PREFIX, key),
        _ => auto_id_of_key(AUTO_PLACE_PREFIX, key),
    };
    let tagged_id = |m: &Mention| match m.named {
        Named::Entity { entity, .. } => tagger.gazetteer().entity(entity).id.to_string(),
        _ => tagger.auto_id(text, m).unwrap_or_default(),
    };
    let mut counted: Vec<String> = Vec::new();
    tagger
        .keyed_entities_with(scratch, text, |named, key| {
            counted.push(counted_id(named, key))
        })
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    counted.sort_unstable();
    let mut tagged: Vec<String> = mentions.iter().map(tagged_id).collect();
    tagged.sort_unstable();
    prop_assert_eq!(counted, tagged, "count and tag totals");
    Ok(())
}

/// Rejected candidates are slices of the text (the explanation path; slower, so checked in the suite).
fn check_rejections(tagger: &Tagger, text: &str) -> std::result::Result<(), TestCaseError> {
    for r in tagger
        .rejections(text)
        .map_err(|e| TestCaseError::fail(e.to_string()))?
    {
        prop_assert!(text.get(r.span.range()).is_some(), "{r:?}");
    }
    Ok(())
}

fn runner(cases: u32, seeded: bool) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    if seeded {
        let rng = TestRng::deterministic_rng(config.rng_algorithm);
        TestRunner::new_with_rng(config, rng)
    } else {
        TestRunner::new(config)
    }
}

/// Runs `cases` texts over the default gazetteers; the number of mentions found.
fn run_default(cases: u32, seeded: bool, rejections: bool) -> u64 {
    let (tagger, words) = &*DEFAULT;
    let scratch = RefCell::new(Scratch::new());
    let found = Cell::new(0);
    runner(cases, seeded)
        .run(&text_of(words.clone()), |text| {
            check(tagger, &text, &mut scratch.borrow_mut(), &found)?;
            if rejections {
                check_rejections(tagger, &text)?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    found.get()
}

/// Runs `cases` random small gazetteers with a few texts each; the number of mentions found.
fn run_small(cases: u32, seeded: bool, rejections: bool) -> u64 {
    let scratch = RefCell::new(Scratch::new());
    let found = Cell::new(0);
    let strategy = small_gazetteer()
        .prop_flat_map(|(yaml, words)| (Just(yaml), prop::collection::vec(text_of(words), 1..4)));
    runner(cases, seeded)
        .run(&strategy, |(yaml, texts)| {
            let tagger =
                Tagger::with_lexicon(crate::testing::gazetteer_of(&yaml), Lexicon::empty());
            for text in texts {
                check(&tagger, &text, &mut scratch.borrow_mut(), &found)?;
                if rejections {
                    check_rejections(&tagger, &text)?;
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    found.get()
}

#[test]
fn properties_hold_over_the_default_gazetteers() {
    let found = run_default(2_000, true, true);
    assert!(found > 10_000, "the texts are full of names: {found}");
}

#[test]
fn properties_hold_over_random_small_gazetteers() {
    let found = run_small(1_000, true, true);
    assert!(found > 3_000, "the texts are full of names: {found}");
}

/// The long run: a million texts over the default gazetteers and a million over random small
/// gazetteers (a quarter of a million, with about two texts each), from a random seed.
#[test]
#[ignore = "long: run with cargo test --release -- --ignored"]
fn properties_hold_over_a_million_texts() {
    let started = Instant::now();
    let found = run_default(1_000_000, false, false);
    let default = started.elapsed();
    let found_small = run_small(500_000, false, false);
    eprintln!(
        "1,000,000 texts over the default gazetteers in {default:?} ({found} mentions); \
         500,000 small gazetteers in {:?} ({found_small} mentions)",
        started.elapsed() - default
    );
    assert!(found > 1_000_000 && found_small > 1_000_000);
}
