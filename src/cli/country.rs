//! `--country SY,IQ`: keep the places of these countries; other types are not filtered.

use rasid::{EntityId, Gazetteer};

/// Whether an entity passes `--country`: no codes given, not a place, or a place whose `country` is
/// one of the codes (compared without regard to case).
pub(crate) fn keeps(countries: &[String], gazetteer: &Gazetteer, entity: EntityId) -> bool {
    // An entity past the gazetteer's is a person the name grammar found: not a place.
    if countries.is_empty() || entity.as_usize() >= gazetteer.len() {
        return true;
    }
    let entity = gazetteer.entity(entity);
    if gazetteer.label_name(entity.label) != "PLACE" {
        return true;
    }
    entity.attributes().country.as_deref().is_some_and(|code| {
        countries
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case(code))
    })
}
