//! `duplicate-alias`, `unsorted-aliases` and `coordinates`: rules about an entry as a whole, the
//! first two for entries that diff cleanly.

use std::collections::HashMap;

use super::characters::shown;
use super::clean;
use super::country_box::country_box;
use super::{EntityLint, Rule, Which};
use crate::gazetteer::When;
use crate::normalize::Normalizer;

impl EntityLint<'_> {
    /// `duplicate-alias`: an alias that adds nothing, because the name or an earlier alias normalises
    /// alike. An alias with a rule after an `always` form is not one: that is how a name gets a rule;
    /// nor is one with `when: always` written out, which marks an `always` as deliberate.
    pub(super) fn duplicates(&mut self, normalizer: &Normalizer) {
        let id = &self.record.id;
        let mut first: HashMap<String, (Which, When)> = HashMap::new();
        first.insert(
            normalizer.normalize_key(&self.record.name),
            (Which::Name, When::Always),
        );
        for (index, alias) in self.record.aliases.iter().enumerate() {
            let key = normalizer.normalize_key(&alias.text);
            let Some(&(earlier, earlier_when)) = first.get(&key) else {
                first.insert(key, (Which::Alias(index), alias.when));
                continue;
            };
            let earlier_text = match earlier {
                Which::Name => &self.record.name,
                Which::Alias(i) => &self.record.aliases[i].text,
            };
            let earlier_shown = match earlier {
                Which::Name => format!("the name \"{}\"", shown(earlier_text)),
                Which::Alias(_) => format!(
                    "\"{}\" on line {}",
                    shown(earlier_text),
                    self.position(earlier).0
                ),
            };
            let shown = shown(&alias.text);
            let same_text = clean(&alias.text) == clean(earlier_text);
            let written_rule = self
                .list()
                .is_some_and(|list| list.items[index].explicit_when);
            let message = if alias.when == When::Always && written_rule {
                // `when: always` written out: a deliberate choice, see `frequent-word`.
                continue;
            } else if alias.when == When::Always {
                if same_text {
                    format!("alias \"{shown}\" of \"{id}\" repeats {earlier_shown}")
                } else {
                    format!(
                        "alias \"{shown}\" of \"{id}\" normalises like {earlier_shown}: the matcher sees no difference"
                    )
                }
            } else if earlier_when == When::Always {
                // The rule now applies to the earlier form too.
                first.insert(key, (earlier, alias.when));
                continue;
            } else if same_text && alias.when == earlier_when {
                format!("alias \"{shown}\" of \"{id}\" repeats {earlier_shown}")
            } else {
                format!(
                    "alias \"{shown}\" of \"{id}\" (when: {}) normalises like {earlier_shown} (when: {}), whose rule wins",
                    alias.when.as_str(),
                    earlier_when.as_str()
                )
            };
            self.warn(Rule::DuplicateAlias, Which::Alias(index), &message);
        }
    }

    /// `unsorted-aliases`: the first alias that sorts before the one above it.
    pub(super) fn order(&mut self) {
        let aliases = &self.record.aliases;
        let misplaced = (1..aliases.len()).find(|&i| {
            let previous = &aliases[i - 1];
            let this = &aliases[i];
            (clean(&this.text), this.when.as_str())
                < (clean(&previous.text), previous.when.as_str())
        });
        if let Some(index) = misplaced {
            let message = format!(
                "aliases of \"{}\" are not sorted: \"{}\" sorts before \"{}\"",
                self.record.id,
                shown(&aliases[index].text),
                shown(&aliases[index - 1].text)
            );
            self.warn(Rule::UnsortedAliases, Which::Alias(index), &message);
        }
    }

    /// `coordinates`: a point outside the bounding box of the entity's country, with a hint when the
    /// point swapped would fit.
    pub(super) fn coordinates(&mut self) {
        let record = self.record;
        let (Some(country), Some(lat), Some(lon)) = (&record.country, record.lat, record.lon)
        else {
            return;
        };
        // Out-of-range values are errors already.
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return;
        }
        let Some(bounds) = country_box(&country.to_ascii_uppercase()) else {
            return;
        };
        if bounds.contains(lat, lon) {
            return;
        }
        let mut message = format!(
            "coordinates {lat}, {lon} of \"{}\" fall outside {country} (lat {}..{}, lon {}..{})",
            record.id, bounds.lat_min, bounds.lat_max, bounds.lon_min, bounds.lon_max
        );
        if bounds.contains(lon, lat) {
            message.push_str("; swapped they fall inside: lat and lon look exchanged");
        }
        let at = self.block.key_position("lat");
        self.out
            .push(Rule::Coordinates.warning(self.block, at, &message));
    }
}
