//! What the document is about: the countries its unambiguous mentions point to.
//!
//! Homonyms take the one in a country the document names (`طرابلس` beside `بنغازي` is Libya's), and
//! an alias with `when: country` fires only where the document points to its entity's country
//! (`الطبقة` is Tabqa in a text about Syria, "the class" elsewhere). A mention points to a country
//! when every candidate that fired on its own there (`always`, or a cue that held) lies in that one
//! country, even if there are several of them (`الرقة` is the city, and the governorate waiting for an
//! anchor).

use super::{Candidate, Status};

/// The one country of the candidates that fired on their own at a match, if they share one.
pub(super) fn fired_country(
    entity_country: &[u16],
    candidates: &[Candidate],
    statuses: &[Status],
) -> Option<u16> {
    let mut fired = candidates
        .iter()
        .zip(statuses)
        .filter(|(_, s)| matches!(s, Status::CuedAlways | Status::Cue | Status::Always))
        .map(|(c, _)| entity_country[c.entity.as_usize()]);
    let first = fired.next()?;
    (first != 0 && fired.all(|c| c == first)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::When;
    use crate::span::{AliasId, EntityId, LabelId};

    fn candidate(entity: usize) -> Candidate {
        Candidate {
            alias: AliasId::from_usize(entity),
            entity: EntityId::from_usize(entity),
            label: LabelId::from_usize(0),
            when: When::Always,
        }
    }

    #[test]
    fn a_match_points_to_the_one_country_of_what_fired() {
        // Entities 0 and 1 in country 7, entity 2 in country 9, entity 3 in none.
        let countries = [7, 7, 9, 0];
        let c = [candidate(0), candidate(1), candidate(2), candidate(3)];
        use Status::{Always, Cue, Pending, Rejected};
        // (row name, candidates, statuses, the country)
        type Row<'a> = (&'a str, &'a [Candidate], &'a [Status], Option<u16>);
        let rows: [Row<'_>; 6] = [
            ("one entity", &c[..1], &[Always], Some(7)),
            ("two of one country", &c[..2], &[Always, Cue], Some(7)),
            (
                "pending ones do not count",
                &c[..3],
                &[Always, Always, Pending],
                Some(7),
            ),
            ("two countries", &c[..3], &[Always, Rejected, Always], None),
            ("nothing fired", &c[..2], &[Pending, Rejected], None),
            ("no country", &c[3..], &[Always], None),
        ];
        for (name, candidates, statuses, expected) in rows {
            assert_eq!(
                fired_country(&countries, candidates, statuses),
                expected,
                "{name}"
            );
        }
    }
}
