//! Regression tests for the tagger's defects, one per defect, named after it (issue 13:
//! "Hardening").

use super::*;

/// A mention as (entity id, text, proclitics).
type Seen<'t> = (&'t str, &'t str, &'t str);

/// The entity ids and proclitics of each mention of `text`.
fn mentions_of<'t>(tagger: &Tagger, text: &'t str) -> Vec<(String, &'t str, &'t str)> {
    tagger
        .tag(text)
        .unwrap()
        .iter()
        .map(|m| {
            let id = tagger
                .gazetteer()
                .entity(m.entity().expect("a listed entity"))
                .id
                .to_string();
            (id, &text[m.span.range()], &text[m.proclitics.range()])
        })
        .collect()
}

/// Issue 13, defect 11: detached proclitics (`لـ"قاسم`) were read from the word before the quote
/// mark even when that word ended the previous mention, so the AFP span's last letter was also the
/// proclitic of the next name.
#[test]
fn defect_11_proclitic_overlaps_previous_mention() {
    let news = "\
- {id: o:afp, type: ORG, name: أ. ف. ب, name_en: AFP}
- {id: h:credit, type: PERSON, name: كريدي, name_en: Credit}
- {id: h:qasem, type: PERSON, name: قاسم, name_en: Qasem}
";
    let minimal = "- {id: p:l, type: PLACE, name: ل, name_en: L}";
    let rows: [(&str, &str, &str, &[Seen]); 4] = [
        (
            "AFP then a quoted name",
            news,
            "نقلت أ. ف. ب \"كريدي\"",
            &[("o:afp", "أ. ف. ب", ""), ("h:credit", "كريدي", "")],
        ),
        (
            "a detached proclitic after a word that is no mention",
            news,
            "قال لـ\"قاسم\" أ. ف. ب",
            &[("h:qasem", "قاسم", "ل"), ("o:afp", "أ. ف. ب", "")],
        ),
        (
            "minimal: a one-letter alias, then itself quoted",
            minimal,
            "ل\"ل",
            &[("p:l", "ل", ""), ("p:l", "ل", "")],
        ),
        (
            "minimal, with a space between",
            minimal,
            "ل \"ل\"",
            &[("p:l", "ل", ""), ("p:l", "ل", "")],
        ),
    ];
    for (name, yaml, text, expected) in rows {
        let tagger = Tagger::with_lexicon(crate::testing::gazetteer_of(yaml), Lexicon::empty());
        let found = mentions_of(&tagger, text);
        let expected: Vec<(String, &str, &str)> = expected
            .iter()
            .map(|&(id, span, clitics)| (id.to_owned(), span, clitics))
            .collect();
        assert_eq!(found, expected, "{name}: {text}");
    }
}

/// A facility's descriptor reached into the next match (`ميناء أم قصر` over a place `قصر وطى`): two
/// mentions overlapped and the output panicked slicing between them. The long property run found it.
#[test]
fn a_facility_span_never_overlaps_the_next_mention() {
    let yaml = "\
- {id: p:umm-qasr, type: PLACE, name: أم قصر, name_en: Umm Qasr}
- {id: p:qasr-wata, type: PLACE, name: قصر وطى, name_en: Qasr Wata}
";
    let tagger = Tagger::new(crate::testing::gazetteer_of(yaml));
    for text in [
        "ميناء أم قصر وطى حوب ",
        "ميناء أم قصر",
        "قصر وطى ميناء أم قصر",
    ] {
        let mentions = tagger.tag(text).unwrap();
        for pair in mentions.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].proclitics.start.min(pair[1].span.start),
                "{text}: {pair:?}"
            );
        }
    }
    let defaults = Tagger::new(Gazetteer::defaults().unwrap());
    let text = "ميناء أم قصر وطى حوب ";
    let mentions = defaults.tag(text).unwrap();
    assert!(
        mentions
            .windows(2)
            .all(|p| p[0].span.end <= p[1].span.start),
        "{mentions:?}"
    );
}
