//! Turning mentions into output records: code-point offsets beside byte offsets, names resolved.

use std::borrow::Cow;

use serde::Serialize;

use rasid::{Mention, Named, Normalizer, Rejected, Tagger, Via};

/// One mention as users read it (JSON, TSV, pretty).
#[derive(Debug, Serialize)]
pub(crate) struct MentionRecord<'a> {
    /// Code point offsets, end exclusive, as Python and spaCy count.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) byte_start: usize,
    pub(crate) byte_end: usize,
    pub(crate) text: &'a str,
    pub(crate) label: &'a str,
    pub(crate) id: Cow<'a, str>,
    pub(crate) name: &'a str,
    /// The alias that matched; for a person the name grammar found, the name as written.
    pub(crate) alias: &'a str,
    pub(crate) proclitics: &'a str,
    /// Where a place is, as `count` gives it: present when the gazetteer has it.
    #[serde(flatten)]
    pub(crate) geo: Geo<'a>,
    /// With `--explain`: how the mention matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) explain: Option<Explanation>,
}

/// The English name, country, province and point of a mentioned entity, each left out of JSON when
/// the gazetteer does not give it.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Geo<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) name_en: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) admin1: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lon: Option<f64>,
}

impl<'a> Geo<'a> {
    fn of(entity: &'a rasid::Entity) -> Geo<'a> {
        let attributes = entity.attributes();
        Geo {
            name_en: Some(entity.name_en.as_str()),
            country: attributes.country.as_deref(),
            admin1: attributes.admin1.as_deref(),
            lat: attributes.lat,
            lon: attributes.lon,
        }
    }
}

/// How one mention matched (`rasid tag --explain`).
#[derive(Debug, Serialize)]
pub(crate) struct Explanation {
    /// The alias's rule (`always`, `cue`, `document`, `cue-or-document`).
    pub(crate) when: &'static str,
    /// Which part of the rule held (`always`, `cue`, `document`).
    pub(crate) via: &'static str,
    /// The normalisation rules the matched text went through (`أ→ا`, `harakat removed`).
    pub(crate) steps: Vec<&'static str>,
    /// How many entities' aliases held here; above 1, homonyms were weighed.
    pub(crate) choices: u32,
    /// For `via: grammar`: the rule of the person-name grammar that fired.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rule: Option<&'static str>,
}

/// A candidate turned down (`rasid tag --explain-rejected`).
#[derive(Debug, Serialize)]
pub(crate) struct RejectedRecord<'a> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'a str,
    /// The aliases that matched there, as `id:alias`.
    pub(crate) candidates: Vec<String>,
    pub(crate) reason: &'static str,
}

/// Converts mentions, in text order, to records. Code points are counted incrementally, so the whole
/// conversion is one pass over the text.
pub(crate) fn records<'a>(
    tagger: &'a Tagger,
    text: &'a str,
    mentions: &[Mention],
) -> Vec<MentionRecord<'a>> {
    let gazetteer = tagger.gazetteer();
    let mut counter = CodePointCounter::default();
    mentions
        .iter()
        .map(|m| {
            let (id, name, alias, geo) = match m.named {
                Named::Entity { entity, alias } => {
                    let entity = gazetteer.entity(entity);
                    let alias = &gazetteer.alias(alias).text;
                    (
                        Cow::Borrowed(entity.id.as_str()),
                        entity.name.as_str(),
                        alias.as_str(),
                        Geo::of(entity),
                    )
                }
                Named::Person { name } => {
                    let name = &text[name.range()];
                    (
                        Cow::Owned(tagger.person_id(name)),
                        name,
                        &text[m.span.range()],
                        Geo::default(),
                    )
                }
            };
            MentionRecord {
                start: counter.advance(text, m.span.start),
                end: counter.advance(text, m.span.end),
                byte_start: m.span.start,
                byte_end: m.span.end,
                text: &text[m.span.range()],
                label: gazetteer.label_name(m.label),
                id,
                name,
                alias,
                proclitics: &text[m.proclitics.range()],
                geo,
                explain: None,
            }
        })
        .collect()
}

/// Adds an explanation to every record (records and mentions in the same order).
pub(crate) fn explain(
    tagger: &Tagger,
    text: &str,
    mentions: &[Mention],
    records: &mut [MentionRecord<'_>],
) {
    let normalizer = Normalizer::new();
    for (record, m) in records.iter_mut().zip(mentions) {
        let when = match m.named {
            Named::Entity { alias, .. } => tagger.gazetteer().alias(alias).when.as_str(),
            Named::Person { .. } => "grammar",
        };
        let steps = normalizer.explain(&text[m.proclitics.start.min(m.span.start)..m.span.end]);
        let rule = match m.via {
            Via::Grammar(rule) => Some(rule.as_str()),
            _ => None,
        };
        let explanation = Explanation {
            when,
            via: m.via.as_str(),
            steps,
            choices: m.choices,
            rule,
        };
        record.explain = Some(explanation);
    }
}

/// The rejected candidates of a text as records, offsets in code points.
pub(crate) fn rejected_records<'a>(
    tagger: &Tagger,
    text: &'a str,
    rejected: &[Rejected],
) -> Vec<RejectedRecord<'a>> {
    let gazetteer = tagger.gazetteer();
    // Rejected candidates overlap and nest, so their ends are not in order: convert every offset in
    // one sorted pass (counting from the start for each was quadratic on a long text).
    let code_points = CodePoints::of(
        text,
        rejected.iter().flat_map(|r| [r.span.start, r.span.end]),
    );
    rejected
        .iter()
        .map(|r| RejectedRecord {
            start: code_points.at(r.span.start),
            end: code_points.at(r.span.end),
            text: &text[r.span.range()],
            candidates: r
                .aliases
                .iter()
                .map(|&a| {
                    let alias = gazetteer.alias(a);
                    format!("{}:{}", gazetteer.entity(alias.entity).id, alias.text)
                })
                .collect(),
            reason: r.reason.as_str(),
        })
        .collect()
}

/// The code point offsets of a set of byte offsets in any order, counted in one pass over the text.
#[derive(Debug)]
struct CodePoints {
    /// Byte offsets, sorted and unique, with their code point offsets.
    table: Vec<(usize, usize)>,
}

impl CodePoints {
    fn of(text: &str, bytes: impl Iterator<Item = usize>) -> CodePoints {
        let mut offsets: Vec<usize> = bytes.collect();
        offsets.sort_unstable();
        offsets.dedup();
        let mut counter = CodePointCounter::default();
        let table = offsets
            .into_iter()
            .map(|byte| (byte, counter.advance(text, byte)))
            .collect();
        CodePoints { table }
    }

    /// The code point offset of `byte`, one of the offsets given to [`CodePoints::of`].
    fn at(&self, byte: usize) -> usize {
        let index = self.table.partition_point(|&(b, _)| b < byte);
        self.table[index].1
    }
}

/// Converts increasing byte offsets to code point offsets.
#[derive(Debug, Default)]
struct CodePointCounter {
    byte: usize,
    chars: usize,
}

impl CodePointCounter {
    /// The code point offset of `byte`, which must not be before the previous call's.
    fn advance(&mut self, text: &str, byte: usize) -> usize {
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Replaces tabs and line breaks, which would break a TSV row, by spaces.
pub(crate) fn tsv_field(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains(['\t', '\n', '\r']) {
        value.replace(['\t', '\n', '\r'], " ").into()
    } else {
        value.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_from_the_start() {
        let text = "في حلب وإدلب";
        let mut counter = CodePointCounter::default();
        let halab = text.find("حلب").unwrap();
        assert_eq!(counter.advance(text, halab), 3);
        assert_eq!(counter.advance(text, halab + "حلب".len()), 6);
    }

    /// Offsets in any order, nested and repeated, convert as counting from the start does.
    #[test]
    fn code_points_of_unordered_offsets() {
        let text = "في حلب وإدلب، ودير الزور";
        let bytes: Vec<usize> = [20, 5, 5, 0, text.len(), 13, 7]
            .into_iter()
            .map(|b| (b..).find(|&b| text.is_char_boundary(b)).unwrap())
            .collect();
        let code_points = CodePoints::of(text, bytes.iter().copied());
        for byte in bytes {
            assert_eq!(code_points.at(byte), text[..byte].chars().count(), "{byte}");
        }
    }
}
