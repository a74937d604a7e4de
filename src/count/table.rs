//! The rows `count` writes, their order and filters, and the five output formats.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How a count table is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CountFormat {
    /// Comma-separated values with a header (RFC 4180 quoting).
    Csv,
    /// Tab-separated values with a header.
    Tsv,
    /// One JSON object with the totals; what [`CountTable::read`] reads back.
    Json,
    /// One JSON object per row.
    Jsonl,
    /// An RFC 7946 FeatureCollection of the counted places that have coordinates.
    Geojson,
}

/// One entity's totals (in one group). The text fields borrow from the gazetteer when the row comes
/// from a run: a run over a list of 100,000 names would otherwise copy 400,000 strings at its end.
/// Rows read back for `--merge` own theirs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CountRow<'a> {
    /// The group (`--group-by`); `None` when not grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Cow<'a, str>>,
    /// The entity's id.
    pub id: Cow<'a, str>,
    /// The entity's type.
    pub label: Cow<'a, str>,
    /// The entity's Arabic name.
    pub name: Cow<'a, str>,
    /// The entity's English name; empty for a person the name grammar found.
    pub name_en: Cow<'a, str>,
    /// Mentions counted.
    pub mentions: u64,
    /// Documents with at least one mention.
    pub documents: u64,
    /// ISO country code, when the gazetteer gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'a, str>>,
    /// Latitude, when the gazetteer gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude, when the gazetteer gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

impl CountRow<'_> {
    /// The row with its text owned, free of the gazetteer it came from.
    pub fn into_owned(self) -> CountRow<'static> {
        let owned = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
        CountRow {
            group: self.group.map(owned),
            id: owned(self.id),
            label: owned(self.label),
            name: owned(self.name),
            name_en: owned(self.name_en),
            mentions: self.mentions,
            documents: self.documents,
            country: self.country.map(owned),
            lat: self.lat,
            lon: self.lon,
        }
    }
}

/// The totals of a count: the whole `--format json` output, and what `--merge` reads back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CountTable<'a> {
    /// Documents counted.
    pub documents: u64,
    /// One row per entity (per group), in the order [`CountTable::finish`] gives.
    pub entities: Vec<CountRow<'a>>,
}

impl CountTable<'static> {
    /// Reads a table `rasid count --format json` wrote.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when the file cannot be read, [`crate::ErrorKind::NotACountTable`]
    /// when it is not such a table.
    pub fn read(path: &Path) -> Result<CountTable<'static>> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        serde_json::from_str(&text).map_err(|e| Error::not_a_count_table(path, e))
    }
}

impl<'a> CountTable<'a> {
    /// An empty table: the start of a merge.
    pub fn new() -> CountTable<'a> {
        CountTable::default()
    }

    /// The table with its text owned, free of the gazetteer it came from.
    pub fn into_owned(self) -> CountTable<'static> {
        CountTable {
            documents: self.documents,
            entities: self
                .entities
                .into_iter()
                .map(CountRow::into_owned)
                .collect(),
        }
    }

    /// Whether the rows have groups (the first row tells: a table is counted grouped or not).
    pub fn is_grouped(&self) -> bool {
        self.entities.first().is_some_and(|r| r.group.is_some())
    }

    /// Adds another table's rows, summing rows of the same group and id.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::CountOverflow`], naming the entity (or the document total) whose sum
    /// would pass `u64::MAX`; the table is then partly merged and must not be used.
    pub fn merge(&mut self, other: CountTable<'a>) -> Result<()> {
        let too_many = |what: &str| Error::count_overflow(what.to_owned());
        self.documents = self
            .documents
            .checked_add(other.documents)
            .ok_or_else(|| too_many("the document totals"))?;
        let mut index: BTreeMap<(Option<Cow<'a, str>>, Cow<'a, str>), usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.group.clone(), r.id.clone()), i))
            .collect();
        for row in other.entities {
            match index.get(&(row.group.clone(), row.id.clone())) {
                Some(&i) => {
                    let mine = &mut self.entities[i];
                    let sums = mine
                        .mentions
                        .checked_add(row.mentions)
                        .zip(mine.documents.checked_add(row.documents));
                    let Some((mentions, documents)) = sums else {
                        return Err(too_many(&format!("the counts of \"{}\"", row.id)));
                    };
                    (mine.mentions, mine.documents) = (mentions, documents);
                }
                None => {
                    index.insert((row.group.clone(), row.id.clone()), self.entities.len());
                    self.entities.push(row);
                }
            }
        }
        Ok(())
    }

    /// Sorts (group, then mentions descending, then id) and applies the filters.
    /// Only the rows of `labels` (all when empty) with at least `min_mentions`, and the `top` most
    /// mentioned per group.
    pub fn finish(&mut self, labels: &[String], min_mentions: u64, top: Option<usize>) {
        self.entities.retain(|r| {
            r.mentions >= min_mentions
                && (labels.is_empty() || labels.iter().any(|l| *l == r.label))
        });
        // A row is one (group, id), so the order is total and an unstable sort gives the stable
        // one's result, in place: the stable sort's buffer was a copy of every row at the run's peak.
        self.entities.sort_unstable_by(|a, b| {
            a.group
                .cmp(&b.group)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.id.cmp(&b.id))
        });
        if let Some(top) = top {
            let mut kept_in_group = 0;
            let mut previous: Option<Option<Cow<'a, str>>> = None;
            self.entities.retain(|r| {
                if previous.as_ref() != Some(&r.group) {
                    previous = Some(r.group.clone());
                    kept_in_group = 0;
                }
                kept_in_group += 1;
                kept_in_group <= top
            });
        }
    }

    /// Writes the table in `format`; `grouped` gives the CSV and TSV the group column.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn write(&self, out: &mut dyn Write, format: CountFormat, grouped: bool) -> io::Result<()> {
        match format {
            CountFormat::Csv | CountFormat::Tsv => {
                let mut table = Delimited::new(out, format);
                if grouped {
                    table.row(&["group", "id", "label", "name", "mentions", "documents"])?;
                } else {
                    table.row(&[
                        "id",
                        "label",
                        "name",
                        "name_en",
                        "mentions",
                        "documents",
                        "country",
                        "lat",
                        "lon",
                    ])?;
                }
                let (mut mentions, mut documents) = ([0; 20], [0; 20]);
                for r in &self.entities {
                    let (mentions, documents) = (
                        decimal(r.mentions, &mut mentions),
                        decimal(r.documents, &mut documents),
                    );
                    if grouped {
                        let group = r.group.as_deref().unwrap_or_default();
                        table.row(&[group, &r.id, &r.label, &r.name, mentions, documents])?;
                    } else {
                        let country = r.country.as_deref().unwrap_or_default();
                        let (lat, lon) = (optional_number(r.lat), optional_number(r.lon));
                        table.row(&[
                            &r.id, &r.label, &r.name, &r.name_en, mentions, documents, country,
                            &lat, &lon,
                        ])?;
                    }
                }
                Ok(())
            }
            CountFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, self)?;
                out.write_all(b"\n")
            }
            CountFormat::Jsonl => {
                for r in &self.entities {
                    serde_json::to_writer(&mut *out, r)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
            CountFormat::Geojson => write_geojson(out, &self.entities),
        }
    }
}

/// `value` in decimal, written at the end of `buf`: a table of tens of thousands of rows made two
/// strings a row for its counts.
fn decimal(value: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut rest = value;
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // ASCII digits: always UTF-8.
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

fn optional_number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// An RFC 7946 FeatureCollection: one Point feature per row with coordinates, `[lon, lat]`.
fn write_geojson(out: &mut dyn Write, rows: &[CountRow<'_>]) -> io::Result<()> {
    let features: Vec<serde_json::Value> = rows
        .iter()
        .filter_map(|r| {
            let (lat, lon) = (r.lat?, r.lon?);
            let mut properties = serde_json::to_value(r).ok()?;
            if let Some(map) = properties.as_object_mut() {
                map.remove("lat");
                map.remove("lon");
            }
            Some(serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }))
        })
        .collect();
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    serde_json::to_writer(&mut *out, &collection)?;
    out.write_all(b"\n")
}

/// CSV (RFC 4180: fields with commas, quotes or line breaks are quoted) or TSV (tabs and line breaks
/// in fields become spaces).
#[derive(Debug)]
pub struct Delimited<'w, W: Write + ?Sized> {
    out: &'w mut W,
    format: CountFormat,
}

impl<'w, W: Write + ?Sized> Delimited<'w, W> {
    /// Rows to `out`: tab-separated for [`CountFormat::Tsv`], comma-separated otherwise.
    pub fn new(out: &'w mut W, format: CountFormat) -> Delimited<'w, W> {
        Delimited { out, format }
    }

    /// Writes one row.
    ///
    /// # Errors
    ///
    /// The writer's.
    pub fn row(&mut self, fields: &[&str]) -> io::Result<()> {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.write_all(if self.format == CountFormat::Tsv {
                    b"\t"
                } else {
                    b","
                })?;
            }
            if self.format == CountFormat::Tsv {
                self.out
                    .write_all(crate::record::tsv_field(field).as_bytes())?;
            } else if field.bytes().any(needs_csv_quotes) {
                write!(self.out, "\"{}\"", field.replace('"', "\"\""))?;
            } else {
                self.out.write_all(field.as_bytes())?;
            }
        }
        self.out.write_all(b"\n")
    }
}

/// Whether a field with this byte needs quotes in CSV. Bytes, not chars, are read: the four are
/// ASCII, which no byte of a longer character equals, and the Arabic of a table is most of it.
fn needs_csv_quotes(byte: u8) -> bool {
    matches!(byte, b',' | b'"' | b'\n' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut buf = [0; 20];
        for value in [0, 7, 10, 99, 1_000_003, u64::MAX] {
            assert_eq!(decimal(value, &mut buf), value.to_string());
        }
    }

    fn row<'a>(group: Option<&'a str>, id: &'a str, mentions: u64) -> CountRow<'a> {
        CountRow {
            group: group.map(Cow::Borrowed),
            id: Cow::Borrowed(id),
            label: Cow::Borrowed("PLACE"),
            name: Cow::Borrowed("حلب, الشهباء"),
            name_en: Cow::Borrowed("Aleppo"),
            mentions,
            documents: 1,
            country: Some(Cow::Borrowed("SY")),
            lat: Some(36.2),
            lon: Some(37.15),
        }
    }

    #[test]
    fn csv_quotes_commas() {
        let table = CountTable {
            documents: 1,
            entities: vec![row(None, "a", 2)],
        };
        let mut out = Vec::new();
        table.write(&mut out, CountFormat::Csv, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().nth(1).unwrap(),
            "a,PLACE,\"حلب, الشهباء\",Aleppo,2,1,SY,36.2,37.15"
        );
    }

    #[test]
    fn sorted_filtered_and_cut_per_group() {
        let mut table = CountTable {
            documents: 3,
            entities: vec![
                row(Some("b"), "x", 1),
                row(Some("a"), "y", 1),
                row(Some("a"), "x", 5),
                row(Some("a"), "z", 3),
            ],
        };
        table.finish(&[], 1, Some(2));
        let order: Vec<_> = table
            .entities
            .iter()
            .map(|r| (r.group.clone().unwrap(), r.id.clone()))
            .collect();
        assert_eq!(
            order,
            [
                ("a".into(), "x".into()),
                ("a".into(), "z".into()),
                ("b".into(), "x".into())
            ]
        );
    }

    #[test]
    fn merge_sums_matching_rows() {
        let mut a = CountTable {
            documents: 2,
            entities: vec![row(None, "x", 2)],
        };
        a.merge(CountTable {
            documents: 3,
            entities: vec![row(None, "x", 1), row(None, "y", 4)],
        })
        .unwrap();
        assert_eq!(a.documents, 5);
        assert_eq!(
            a.entities.iter().map(|r| r.mentions).collect::<Vec<_>>(),
            [3, 4]
        );
        assert_eq!(a.entities[0].documents, 2);
    }
}
