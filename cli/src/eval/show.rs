//! `eval --show`: every exact-span error in context, grouped so that one bad alias or one missing
//! name reads as one entry with its occurrences under it, most frequent first.
//!
//! False positives are grouped by the predicted entity (an alias to fix or a context rule to add);
//! false negatives by the gold text (a name to add). Each occurrence says how near it came
//! ([`rasid::eval::Mismatch`]): a `boundary` error is an alias one word too short or long, a `label` error a type to
//! check, `spurious`/`missed` a plain miss.

use std::collections::BTreeMap;
use std::io::{self, Write};

use rasid::eval::{Finding, LabeledSpan, Side};

/// Characters of context either side of a span.
const CONTEXT: usize = 40;

/// One error where it happened.
#[derive(Debug)]
struct Occurrence {
    document: String,
    start: usize,
    end: usize,
    label: String,
    why: &'static str,
    context: String,
}

/// The errors of a run, grouped.
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// Keyed by side, then entity id (false positives) or gold text (false negatives).
    groups: BTreeMap<(Side, String), Group>,
}

#[derive(Debug, Default)]
struct Group {
    /// The entity's name, for a false-positive group.
    name: Option<String>,
    occurrences: Vec<Occurrence>,
}

/// A predicted span and the entity it names.
pub(crate) struct Prediction<'a> {
    pub(crate) span: &'a LabeledSpan,
    pub(crate) entity_id: &'a str,
    pub(crate) entity_name: &'a str,
}

impl Listing {
    /// Adds one document's findings.
    pub(crate) fn add(
        &mut self,
        document: &str,
        text: &str,
        gold: &[LabeledSpan],
        predicted: &[Prediction<'_>],
        findings: &[Finding],
    ) {
        let chars: Vec<char> = text.chars().collect();
        for finding in findings {
            let (span, key, name) = match finding.side {
                Side::FalsePositive => {
                    let p = &predicted[finding.index];
                    (p.span, p.entity_id.to_owned(), Some(p.entity_name))
                }
                Side::FalseNegative => {
                    let g = &gold[finding.index];
                    (g, one_line(&slice(&chars, g.start, g.end)), None)
                }
            };
            let group = self.groups.entry((finding.side, key)).or_default();
            group.name = name.map(str::to_owned);
            group.occurrences.push(Occurrence {
                document: document.to_owned(),
                start: span.start,
                end: span.end,
                label: span.label.clone(),
                why: finding.mismatch.name(finding.side),
                context: context(&chars, span.start, span.end),
            });
        }
    }

    /// Writes the groups: false positives then false negatives, each most frequent first.
    pub(crate) fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut groups: Vec<(&(Side, String), &Group)> = self.groups.iter().collect();
        groups.sort_by(|(a_key, a), (b_key, b)| {
            a_key
                .0
                .cmp(&b_key.0)
                .then(b.occurrences.len().cmp(&a.occurrences.len()))
                .then_with(|| a_key.1.cmp(&b_key.1))
        });
        for ((side, key), group) in groups {
            let count = group.occurrences.len();
            match (side, &group.name) {
                (Side::FalsePositive, Some(name)) => writeln!(out, "FP {key} ({name}): {count}")?,
                _ => writeln!(out, "FN «{key}»: {count}")?,
            }
            for o in &group.occurrences {
                writeln!(
                    out,
                    "    {}:{}-{}\t{}\t{}\t{}",
                    o.document, o.start, o.end, o.label, o.why, o.context
                )?;
            }
        }
        Ok(())
    }
}

fn slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    chars[start.min(end)..end].iter().collect()
}

/// Line breaks and tabs as spaces, so that one occurrence stays on one line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

/// Up to [`CONTEXT`] characters either side of the span, the span in `[[…]]`.
fn context(chars: &[char], start: usize, end: usize) -> String {
    let before = slice(chars, start.saturating_sub(CONTEXT), start);
    let inside = slice(chars, start, end);
    let after = slice(chars, end, end.saturating_add(CONTEXT));
    one_line(&format!("{before}[[{inside}]]{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasid::eval::Mismatch;

    #[test]
    fn context_is_forty_characters_either_side() {
        let text: Vec<char> = format!("{}حلب\n{}", "ا".repeat(50), "ب".repeat(50))
            .chars()
            .collect();
        let shown = context(&text, 50, 53);
        assert_eq!(
            shown,
            format!("{}[[حلب]] {}", "ا".repeat(40), "ب".repeat(39))
        );
        assert_eq!(context(&text, 0, 3), format!("[[ااا]]{}", "ا".repeat(40)));
    }

    #[test]
    fn groups_by_entity_and_by_gold_text() {
        let text = "حلب وحلب ثم قسد";
        let gold = [
            LabeledSpan::new(0, 3, "PLACE"),
            LabeledSpan::new(5, 8, "PLACE"),
        ];
        let spurious = LabeledSpan::new(12, 15, "ARMED_GROUP");
        let predicted = [Prediction {
            span: &spurious,
            entity_id: "group:sdf",
            entity_name: "قوات سوريا الديمقراطية",
        }];
        let missed = |index| Finding::new(Side::FalseNegative, index, Mismatch::Unmatched);
        let findings = [
            Finding::new(Side::FalsePositive, 0, Mismatch::Unmatched),
            missed(0),
            missed(1),
        ];
        let mut listing = Listing::default();
        listing.add("d1", text, &gold, &predicted, &findings);
        let mut out = Vec::new();
        listing.write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "FP group:sdf (قوات سوريا الديمقراطية): 1\n\
             \x20   d1:12-15\tARMED_GROUP\tspurious\tحلب وحلب ثم [[قسد]]\n\
             FN «حلب»: 2\n\
             \x20   d1:0-3\tPLACE\tmissed\t[[حلب]] وحلب ثم قسد\n\
             \x20   d1:5-8\tPLACE\tmissed\tحلب و[[حلب]] ثم قسد\n"
        );
    }
}
