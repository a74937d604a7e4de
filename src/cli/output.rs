//! Turning mentions into output records: code-point offsets beside byte offsets, names resolved.

use serde::Serialize;

use rasid::{Mention, Normalizer, Rejected, Tagger};

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
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
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
            let entity = gazetteer.entity(m.entity);
            MentionRecord {
                start: counter.advance(text, m.span.start),
                end: counter.advance(text, m.span.end),
                byte_start: m.span.start,
                byte_end: m.span.end,
                text: &text[m.span.range()],
                label: gazetteer.label_name(m.label),
                id: &entity.id,
                name: &entity.name,
                alias: &gazetteer.alias(m.alias).text,
                proclitics: &text[m.proclitics.range()],
                geo: Geo::of(entity),
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
        let alias = tagger.gazetteer().alias(m.alias);
        let steps = normalizer.explain(&text[m.proclitics.start.min(m.span.start)..m.span.end]);
        let explanation = Explanation {
            when: alias.when.as_str(),
            via: m.via.as_str(),
            steps,
            choices: m.choices,
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
    // Rejected candidates overlap and nest, so offsets are counted from the start each time: this is
    // the explanation path, for one text.
    let code_points = |byte: usize| text[..byte].chars().count();
    rejected
        .iter()
        .map(|r| RejectedRecord {
            start: code_points(r.span.start),
            end: code_points(r.span.end),
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
}
