//! `الحوثي` in the default gazetteers: the Houthi movement, named after its founders' family, and
//! the family's men (issue 10). The guideline tags a bare `الحوثي` that acts as a side as the armed
//! group, keeps a head noun before it outside the span (`ميليشيات الحوثي` → `الحوثي`, as
//! `ميليشيا حزب الله` → `حزب الله`), and tags a man named in full as a person.

use crate::util::{Row, field, owned_pairs, tagged};

/// The (text, label, id) of every mention in `text`, with the default gazetteers.
fn mentions(text: &str) -> Vec<(String, String, String)> {
    tagged(text, &[])
        .iter()
        .map(|e| (field(e, "text"), field(e, "label"), field(e, "id")))
        .collect()
}

#[test]
fn al_houthi_is_the_group_unless_a_man_is_named() {
    const GROUP: &str = "group:houthis";
    const LEADER: &str = "person:abdul-malik-al-houthi";
    // (row name, text, the (text, id) of each mention of الحوثي, in order)
    let rows: [Row<'_>; 12] = [
        (
            "a head noun stays outside",
            "قصفت ميليشيات الحوثي مدينة تعز",
            &[("الحوثي", GROUP)],
        ),
        (
            "a group's head noun with a preposition",
            "هجوم لجماعة الحوثي على مأرب",
            &[("الحوثي", GROUP)],
        ),
        (
            "bare, in a text about the Houthis",
            "تقدم الحوثيون نحو عدن. واستهدف التحالف مواقع الحوثي",
            &[("الحوثي", GROUP)],
        ),
        (
            "bare, in a text about the Houthis that names their leader",
            "قال عبد الملك الحوثي زعيم الحوثيين إن الهدنة انتهت. وقصف التحالف مواقع الحوثي",
            &[("عبد الملك الحوثي", LEADER), ("الحوثي", GROUP)],
        ),
        (
            "bare, after the leader is named and nothing else",
            "ألقى عبد الملك الحوثي خطابا. وقال الحوثي إن الحرب مستمرة",
            &[("عبد الملك الحوثي", LEADER), ("الحوثي", LEADER)],
        ),
        (
            "bare, with nothing to decide it",
            "وقال الحوثي إن الحرب مستمرة",
            &[],
        ),
        (
            "an adjective of the word before is no group",
            "تصدت قبائل مأرب للميليشيات الحوثية وللتمرد الحوثي. وتراجع التمرد الحوثي",
            &[],
        ),
        (
            "the founder named in short",
            "أسس حسين الحوثي الحركة",
            &[("حسين الحوثي", "person:hussein-al-houthi")],
        ),
        (
            "after the nominative of a group cue",
            "استهدف مسلحو الحوثي القرية",
            &[("الحوثي", GROUP)],
        ),
        (
            "a man of the family the lists do not hold",
            "وقتل أبو يحيى الحوثي في المعارك. وقصفت ميليشيات الحوثي",
            &[
                ("أبو يحيى الحوثي", "person:auto:ابو-يحيي-الحوثي"),
                ("الحوثي", GROUP),
            ],
        ),
        (
            "against the Houthis is no man named Ali",
            "تقدم الحوثيون. وتعهد بالقضاء على الحوثي",
            &[("الحوثي", GROUP)],
        ),
        (
            "the Houthis' forces are one designation",
            "تقدمت قوات الحوثي نحو لحج",
            &[("قوات الحوثي", GROUP)],
        ),
    ];
    for (name, text, expected) in rows {
        let found: Vec<(String, String)> = mentions(text)
            .into_iter()
            .filter(|(t, _, _)| t.ends_with("الحوثي"))
            .map(|(t, _, id)| (t, id))
            .collect();
        assert_eq!(found, owned_pairs(expected), "{name}: {text}");
    }
}
