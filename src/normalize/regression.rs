//! Regression tests for the normaliser's defects, named after them (issue 13: "Hardening").

use super::*;
use crate::{ErrorKind, Tagger};

/// Issue 13, defect 10: 10 MB of ﷺ took 930 MB to tag, since each 3-byte ﷺ became 33 bytes of
/// normalised text and each of those 4 bytes of offset map; a 1 GB file took 9 to 12 GB and aborted
/// under a memory limit. Normalised text is now at most three times the original for every
/// character, and documents above `Tagger::MAX_DOCUMENT_BYTES` are refused with an error.
#[test]
fn defect_10_memory_blowups() {
    let normalizer = Normalizer::new();
    let mut out = Normalized::new();
    // Every character, three times in a row (so that a restored alef of `لل` counts too).
    let mut worst = (0.0f64, ' ');
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let text: String = [c, c, c].iter().collect();
        normalizer.normalize_into(&text, &mut out);
        let ratio = out.as_str().len() as f64 / text.len() as f64;
        if ratio > worst.0 {
            worst = (ratio, c);
        }
    }
    assert!(
        worst.0 <= MAX_EXPANSION as f64,
        "U+{:04X} expands {} times",
        u32::from(worst.1),
        worst.0
    );

    // The reproducer: 10 MB of ﷺ normalises to its own size and tags.
    let salla = "\u{FDFA}".repeat((10 << 20) / 3);
    normalizer.normalize_into(&salla, &mut out);
    assert_eq!(out.as_str().len(), salla.len());
    let tagger = Tagger::new(crate::testing::gazetteer_of(
        "- {id: p:a, type: PLACE, name: حلب, name_en: Aleppo}",
    ));
    assert_eq!(tagger.tag(&format!("{salla} حلب")).unwrap().len(), 1);

    // Past the limit: an error, not an abort.
    let too_large = "a".repeat(Tagger::MAX_DOCUMENT_BYTES + 1);
    let error = tagger.tag(&too_large).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::DocumentTooLarge { len } if *len == too_large.len()),
        "{error:?}"
    );
    assert!(error.to_string().contains("at most 64 MiB"), "{error}");
    assert_eq!(
        Tagger::MAX_DOCUMENT_BYTES,
        64 << 20,
        "the message names the limit"
    );
}
