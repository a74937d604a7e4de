//! Regression tests for the matcher's defects, one per defect, named after it (issue 13:
//! "Hardening").

use super::build::word_prefixes;

/// What `word_prefixes` computes, by a search per space.
fn word_prefixes_by_search(keys: &[&str]) -> Vec<bool> {
    keys.iter()
        .map(|key| {
            key.match_indices(' ')
                .any(|(space, _)| keys.binary_search(&&key[..space]).is_ok())
        })
        .collect()
}

/// Issue 13, defect 9: whether a key has a shorter key that is it cut at a space took a binary
/// search per space, each comparing up to the whole key: quadratic in an alias's length (4.4 MB of
/// aliases took 9.8 s, a 50 MB alias ran for more than 400 s). Now one pass over the sorted keys.
#[test]
fn defect_9_quadratic_loading_prefix_check() {
    let mut keys = vec![
        "حزب",
        "حزب الله",
        "حزب الله العراقي",
        "حزب الله ا",
        "حزب اللهي",
        "حزب اللهي الجديد",
        "حلب",
        "حلب الشهباء",
        "دير",
        "دير الزور",
        "دير الزورية",
        "الزور",
        "ا ب ج",
        "ا",
    ];
    keys.sort_unstable();
    let expected = word_prefixes_by_search(&keys);
    assert!(expected.iter().filter(|&&b| b).count() >= 4);
    assert_eq!(
        word_prefixes(&keys).collect::<Vec<_>>(),
        expected,
        "{keys:?}"
    );

    // A key of 2 MB with a million spaces, and its first half as another key.
    let long = "س ".repeat(1 << 20);
    let long = long.trim_end();
    let half = &long[..long.len() / 2].trim_end();
    let keys = [*half, long];
    let found: Vec<bool> = word_prefixes(&keys).collect();
    assert_eq!(found, [false, true]);
}
