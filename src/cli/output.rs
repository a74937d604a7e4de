//! Turning mentions into output records: code-point offsets beside byte offsets, names resolved.

use serde::Serialize;

use rasid::{Mention, Tagger};

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
            }
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
