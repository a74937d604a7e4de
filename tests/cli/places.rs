//! The default gazetteers on the region beyond the Levant and the world's geography (issue 10):
//! names that were missing, common words that must stay words, and homonyms that the document's
//! country decides.

use crate::util::{places_by, root, run_in, tagged};

/// The (text, country) of the places tagged in `text` with the default gazetteers, in text order.
fn places(text: &str) -> Vec<(String, String)> {
    places_by(text, "country")
}

#[test]
fn names_of_the_region_and_the_world_are_known() {
    // (row name, text, the span, its country)
    let rows = [
        ("jazan", "هطلت أمطار على جازان أمس", "جازان", "SA"),
        (
            "hafr al-batin",
            "وصل الوفد إلى حفر الباطن",
            "حفر الباطن",
            "SA",
        ),
        ("abyan", "اشتباكات في أبين جنوب اليمن", "أبين", "YE"),
        ("dahab", "افتتح فندق في دهب", "دهب", "EG"),
        (
            "khartoum without a cue",
            "قال مسؤول في الخرطوم إن",
            "الخرطوم",
            "SD",
        ),
        (
            "kabul without a cue",
            "وصل الوزير إلى كابول أمس",
            "كابول",
            "AF",
        ),
        (
            "barcelona without a cue",
            "فاز الفريق في برشلونة أمس",
            "برشلونة",
            "ES",
        ),
        (
            "boston without a cue",
            "جامعة في بوسطن الأمريكية",
            "بوسطن",
            "US",
        ),
        (
            "marrakesh without a cue",
            "مؤتمر في مراكش المغربية",
            "مراكش",
            "MA",
        ),
        ("california", "حرائق في كاليفورنيا", "كاليفورنيا", "US"),
        (
            "shanghai press spelling",
            "بورصة شنغهاي ارتفعت",
            "شنغهاي",
            "CN",
        ),
        ("darfur", "النزاع في دارفور مستمر", "دارفور", "SD"),
        (
            "ibb after a cue",
            "قصفت الطائرات محافظة إب اليمنية",
            "إب",
            "YE",
        ),
    ];
    for (name, text, span, country) in rows {
        let found = places(text);
        assert!(
            found.iter().any(|(t, c)| t == span && c == country),
            "{name}: {found:?}"
        );
    }
}

#[test]
fn seas_continents_and_historic_states_are_places() {
    let rows = [
        ("sea", "سفينة في البحر الأحمر", "البحر الأحمر"),
        ("continent", "دول آسيا وأوروبا", "آسيا"),
        ("historic state", "تفكك يوغسلافيا", "يوغسلافيا"),
    ];
    for (name, text, span) in rows {
        let found = places(text);
        assert!(found.iter().any(|(t, _)| t == span), "{name}: {found:?}");
    }
}

#[test]
fn jubail_is_saudi_not_byblos() {
    // `الجبيل` was a made-up article form of Lebanon's `جبيل` (Byblos): a source names Jubail so.
    let found = places("توسعة ميناء الجبيل الصناعي");
    assert!(found.iter().all(|(_, c)| c != "LB"), "{found:?}");
}

/// `إب` (Ibb) folds like `أب` "father": two letters, a place only after a cue word.
#[test]
fn ibb_needs_its_cue() {
    // (row name, text)
    let rows = [
        ("father", "قال إن أب الضحية وصل"),
        ("the father", "زار الأب ابنه"),
    ];
    for (name, text) in rows {
        let found = places(text);
        assert!(found.is_empty(), "{name}: {found:?}");
    }
}

#[test]
fn month_names_are_no_places() {
    // Transliterated like foreign names, but words: `مايو` (May), `مارس` (March).
    let found = places("في مايو ومنذ مارس الماضي");
    assert!(found.is_empty(), "{found:?}");
}

/// The ids tagged in `text` with the default gazetteers, in text order.
fn ids(text: &str) -> Vec<String> {
    tagged(text, &[])
        .iter()
        .map(|e| e["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_word_in_he_is_no_place_in_teh_marbuta() {
    // (row name, text, an id that must not be tagged)
    let rows = [
        (
            "his talk is not Haditha",
            "وقال في حديثه للصحيفة",
            "place:wof:421200415",
        ),
        (
            "his saying is not Kavala",
            "ونقلت عن مصدر قوله إن",
            "place:gn:735861",
        ),
    ];
    for (name, text, id) in rows {
        let found = ids(text);
        assert!(!found.iter().any(|i| i == id), "{name}: {found:?}");
    }
}

#[test]
fn a_common_word_or_a_national_body_needs_its_country_in_the_text() {
    // (row name, text, an id expected, an id that must not be tagged)
    let rows = [
        (
            "the class in Saudi news",
            "أثرت الأزمة على الطبقة الوسطى في السعودية",
            "country:sa",
            "place:wof:890449887",
        ),
        (
            "Tabqa in Syrian news",
            "سيطرت القوات على الطبقة قرب الرقة في سوريا",
            "place:wof:890449887",
            "",
        ),
        (
            "Saudi civil defence",
            "أعلن الدفاع المدني في جازان السعودية",
            "org:civil-defence",
            "org:syria-civil-defence",
        ),
        (
            "Syria Civil Defence",
            "انتشل الدفاع المدني الضحايا في إدلب السورية",
            "org:syria-civil-defence",
            "org:civil-defence",
        ),
        (
            "Saudi national guard",
            "وزير الحرس الوطني في الرياض عاصمة السعودية",
            "group:sa-national-guard",
            "group:national-guard-suwayda",
        ),
        (
            "a small place named like words, in Saudi news",
            "اشترى أبو رمان سيارة في الرياض عاصمة السعودية",
            "country:sa",
            "place:wof:1326510253",
        ),
        (
            "the same village in Syrian news",
            "قصف على أبو رمان في ريف حمص بسوريا",
            "place:wof:1326510253",
            "",
        ),
        (
            "no country, no guard",
            "قال قائد الحرس الوطني",
            "",
            "group:national-guard-suwayda",
        ),
    ];
    for (name, text, wanted, unwanted) in rows {
        let found = ids(text);
        assert!(
            wanted.is_empty() || found.iter().any(|i| i == wanted),
            "{name}: {found:?}"
        );
        assert!(!found.iter().any(|i| i == unwanted), "{name}: {found:?}");
    }
}

#[test]
fn explain_says_the_country_decided() {
    let text = "سيطرت القوات على الطبقة قرب الرقة في سوريا";
    let tabqa = tagged(text, &["--explain"])
        .into_iter()
        .find(|e| e["id"] == "place:wof:890449887")
        .unwrap_or_default();
    assert_eq!(tabqa["explain"]["via"], "country", "{tabqa}");
    let text = "أثرت الأزمة على الطبقة الوسطى";
    let out = run_in(
        &root(),
        &["tag", "--format", "json", "--explain-rejected"],
        text.as_bytes(),
    );
    assert!(
        out.expect_code(0)
            .stdout
            .contains("its country is not named in the document"),
        "rejection reason"
    );
}

#[test]
fn country_keeps_the_places_of_those_countries() {
    let text = "قصف في حلب وبغداد ودمشق والقاهرة قال الجيش السوري";
    // (row name, flags, the place texts expected)
    let rows: [(&str, &[&str], &[&str]); 3] = [
        ("no filter", &[], &["حلب", "بغداد", "دمشق", "القاهرة"]),
        ("one country", &["--country", "SY"], &["حلب", "دمشق"]),
        (
            "two, any case",
            &["--country", "sy,IQ"],
            &["حلب", "بغداد", "دمشق"],
        ),
    ];
    for (name, flags, expected) in rows {
        let entities = tagged(text, flags);
        let places: Vec<&str> = entities
            .iter()
            .filter(|e| e["label"] == "PLACE")
            .filter_map(|e| e["text"].as_str())
            .collect();
        assert_eq!(places, expected, "{name}");
        // Other types are not filtered.
        assert!(
            entities.iter().any(|e| e["label"] == "ARMED_GROUP"),
            "{name}"
        );
    }
    let out = run_in(
        &root(),
        &["count", "--country", "IQ", "--label", "PLACE"],
        text.as_bytes(),
    );
    let csv = out.expect_code(0).stdout;
    assert!(csv.contains("بغداد") && !csv.contains("حلب"), "{csv}");
}

#[test]
fn facilities_are_one_span_and_names_inside_names_no_place() {
    // (row name, text, the PLACE spans expected)
    let rows: [(&str, &str, &[&str]); 5] = [
        ("airport", "هبطت الطائرة في مطار جازان", &["مطار جازان"]),
        (
            "port with a proclitic on the head",
            "رست السفينة بميناء عدن الدولي",
            &["ميناء عدن الدولي"],
        ),
        ("central bank", "قال بنك فرنسا المركزي", &[]),
        ("club", "فاز ريال مدريد", &[]),
        ("provincial council", "قرر مجلس محافظة الأنبار", &[]),
    ];
    for (name, text, expected) in rows {
        let found: Vec<String> = places(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, expected, "{name}");
    }
}

/// A settlement's or administrative unit's type word is outside the span, even where the gazetteer
/// matched it to tell a governorate from its town; an official name keeps it.
#[test]
fn type_words_are_outside_the_span() {
    // (row name, text, the spans expected)
    let rows = [
        ("governorate", "قصف في محافظة لحج أمس", &["لحج"][..]),
        ("with a proclitic", "اشتباكات بمحافظة تعز", &["تعز"][..]),
        ("official name", "في ريف دمشق الغربي", &["ريف دمشق"][..]),
        ("a city's cue", "وصل إلى مدينة عدن", &["عدن"][..]),
    ];
    for (name, text, expected) in rows {
        let got: Vec<String> = places(text).into_iter().map(|(span, _)| span).collect();
        assert_eq!(got, expected, "{name}: {text}");
    }
}
