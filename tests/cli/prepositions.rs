//! A preposition is no place cue (issue 10): `في`, `من` and `إلى` stand before nearly any word, so a
//! place whose alias needs a cue (a common word, a village) is not read after one alone. The type
//! word is the cue (`قرية تمور`), and a place that needs its country still fires where the text points
//! to it (`الطبقة` in a text about Syria).

use crate::util::{Row, assert_place_ids};

#[test]
fn a_bare_preposition_is_no_place_cue() {
    const TAMUR: &str = "place:wof:1276719645"; // a Yemeni village named "dates"
    const TABQA: &str = "place:wof:890449887"; // Tabqa, Syria; الطبقة is "the class"
    // (row name, text, the places expected as (text, id), in order)
    let rows: [Row<'_>; 7] = [
        (
            "after في",
            "وصلت القافلة إلى تمور في اليمن",
            &[("اليمن", "country:ye")],
        ),
        (
            "after من",
            "صدرت من تمور اليمن كميات",
            &[("اليمن", "country:ye")],
        ),
        (
            "after a type word",
            "وصلت القافلة إلى قرية تمور في اليمن",
            &[("تمور", TAMUR), ("اليمن", "country:ye")],
        ),
        (
            "a common word after إلى, in a text about another country",
            "انتمى إلى الطبقة الوسطى في السعودية",
            &[("السعودية", "country:sa")],
        ),
        (
            "the same word in a text about its country",
            "عاد من الطبقة في سوريا",
            &[("الطبقة", TABQA), ("سوريا", "country:sy")],
        ),
        (
            "his talk after في",
            "وقال في حديثه عن اليمن",
            &[("اليمن", "country:ye")],
        ),
        ("the class after في", "في الطبقة العاملة", &[]),
    ];
    assert_place_ids(&rows);
}
