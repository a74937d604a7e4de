//! Villages and neighbourhoods of Yemen, Saudi Arabia, Egypt, Libya and Sudan in the default
//! gazetteers (issue 10): a small place abroad fires after a cue word, or, when its name reads as no
//! word, in a text that points to its country; never on a word that only looks like it.

use crate::util::{Row, assert_place_ids};

#[test]
fn a_small_place_abroad_needs_a_cue_or_its_country() {
    // (row name, text, the places expected as (text, id), in order)
    let rows: [Row<'_>; 8] = [
        (
            "a Yemeni village after its cue",
            "سيطرت المقاومة في منطقة عقان",
            &[("عقان", "place:wof:1276504021")],
        ),
        (
            "a Riyadh neighbourhood after its cue",
            "وقع الانفجار في حي الملز بالرياض",
            &[
                ("الملز", "place:wof:1746072079"),
                ("الرياض", "place:wof:421204501"),
            ],
        ),
        (
            "a name that is no word, in a text about its country",
            "خضعت المسالخ في الكعكية لرقابة أمانة مكة",
            &[
                ("الكعكية", "place:wof:1746152381"),
                ("مكة", "place:wof:421204201"),
            ],
        ),
        (
            "the same name with nothing pointing to its country",
            "خضعت المسالخ في الكعكية لرقابة الأمانة",
            &[],
        ),
        (
            "a word that is a village in Saudi Arabia needs its cue there too",
            "افتتحت الأمانة المسلخ الجديد في الرياض",
            &[("الرياض", "place:wof:421204501")],
        ),
        (
            "a name that is no word still needs the country with a proclitic on it",
            "و\"برادات النايف\" في الصواغية قرب بلدة الفوعة",
            &[
                ("الصواغية", "place:wof:1260057271"),
                ("الفوعة", "place:wof:1310392609"),
            ],
        ),
        (
            "to Lebanon is no Yemeni village البنان",
            "غادر الوفد اليمن متوجها للبنان",
            &[("اليمن", "country:ye"), ("لبنان", "country:lb")],
        ),
        (
            "a centre is no place cue",
            "زار الوزير مركز صحي في الرياض",
            &[("الرياض", "place:wof:421204501")],
        ),
    ];
    assert_place_ids(&rows);
}
