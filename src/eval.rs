//! Scoring predicted spans against gold annotations: precision, recall and F1 per label.
//!
//! Two matching modes, as NER evaluations usually report: *exact* (same start, end and label) and
//! *overlap* (same label, spans share at least one character). Matching is one-to-one: each gold span
//! pairs with at most one predicted span, taken in text order. A gold span marked optional neither
//! counts as missed when absent nor makes a prediction on it a false positive.

use std::collections::BTreeMap;

/// A labelled span in code points, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabeledSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The label (`PLACE`, …).
    pub label: String,
    /// Gold only: the span may be left out without penalty.
    pub optional: bool,
}

/// How spans are paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchMode {
    /// Same start, end and label.
    Exact,
    /// Same label and at least one shared code point.
    Overlap,
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans paired with a gold span.
    pub true_positives: usize,
    /// Predicted spans with no gold partner.
    pub false_positives: usize,
    /// Gold spans with no predicted partner.
    pub false_negatives: usize,
}

impl Counts {
    /// Precision, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Recall, 0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Counts per label, accumulated over documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per label.
    pub per_label: BTreeMap<String, Counts>,
}

/// What happened to each span of one document, for error listings.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Predicted spans with no gold partner.
    pub false_positives: Vec<LabeledSpan>,
    /// Gold spans with no predicted partner.
    pub false_negatives: Vec<LabeledSpan>,
}

impl Scores {
    /// Scores one document and adds its counts; returns its errors.
    pub fn add_document(
        &mut self,
        gold: &[LabeledSpan],
        predicted: &[LabeledSpan],
        mode: MatchMode,
    ) -> Outcome {
        let mut gold_used = vec![false; gold.len()];
        let mut outcome = Outcome::default();
        for p in predicted {
            let partner = (0..gold.len())
                .find(|&g| !gold_used[g] && gold[g].label == p.label && pairs(&gold[g], p, mode));
            match partner {
                Some(g) => {
                    gold_used[g] = true;
                    if !gold[g].optional {
                        self.entry(&p.label).true_positives += 1;
                    }
                }
                None => {
                    self.entry(&p.label).false_positives += 1;
                    outcome.false_positives.push(p.clone());
                }
            }
        }
        for (g, used) in gold.iter().zip(gold_used) {
            if !used && !g.optional {
                self.entry(&g.label).false_negatives += 1;
                outcome.false_negatives.push(g.clone());
            }
        }
        outcome
    }

    fn entry(&mut self, label: &str) -> &mut Counts {
        self.per_label.entry(label.to_owned()).or_default()
    }

    /// The counts of some labels added up.
    pub fn total<'a>(&self, labels: impl IntoIterator<Item = &'a str>) -> Counts {
        let mut total = Counts::default();
        for label in labels {
            if let Some(counts) = self.per_label.get(label) {
                total.add(*counts);
            }
        }
        total
    }
}

fn pairs(gold: &LabeledSpan, predicted: &LabeledSpan, mode: MatchMode) -> bool {
    match mode {
        MatchMode::Exact => gold.start == predicted.start && gold.end == predicted.end,
        MatchMode::Overlap => gold.start < predicted.end && predicted.start < gold.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> LabeledSpan {
        LabeledSpan {
            start,
            end,
            label: label.to_owned(),
            optional: false,
        }
    }

    /// Hand-computed: gold has 3 PLACE spans and 1 PERSON; predictions hit one PLACE exactly, one
    /// PLACE by overlap only, miss one PLACE, add one spurious PLACE and get the PERSON exactly.
    #[test]
    fn hand_computed_scores() {
        let gold = [
            span(0, 3, "PLACE"),
            span(10, 15, "PLACE"),
            span(20, 24, "PLACE"),
            span(30, 35, "PERSON"),
        ];
        let predicted = [
            span(0, 3, "PLACE"),
            span(10, 13, "PLACE"),
            span(40, 44, "PLACE"),
            span(30, 35, "PERSON"),
        ];
        let mut exact = Scores::default();
        exact.add_document(&gold, &predicted, MatchMode::Exact);
        let place = exact.per_label["PLACE"];
        assert_eq!(
            (
                place.true_positives,
                place.false_positives,
                place.false_negatives
            ),
            (1, 2, 2)
        );
        assert!((place.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((place.recall() - 1.0 / 3.0).abs() < 1e-9);
        let mut overlap = Scores::default();
        overlap.add_document(&gold, &predicted, MatchMode::Overlap);
        let all = overlap.total(["PLACE", "PERSON"]);
        assert_eq!(
            (all.true_positives, all.false_positives, all.false_negatives),
            (3, 1, 1)
        );
        assert!((all.f1() - 0.75).abs() < 1e-9);
    }

    #[test]
    fn optional_gold_is_neither_missed_nor_wrong() {
        let mut gold = [span(0, 5, "PLACE")];
        gold[0].optional = true;
        let mut scores = Scores::default();
        scores.add_document(&gold, &[span(0, 5, "PLACE")], MatchMode::Exact);
        scores.add_document(&gold, &[], MatchMode::Exact);
        assert_eq!(
            scores.per_label.get("PLACE").copied().unwrap_or_default(),
            Counts::default()
        );
    }

    #[test]
    fn labels_must_agree() {
        let mut scores = Scores::default();
        scores.add_document(
            &[span(0, 5, "PLACE")],
            &[span(0, 5, "ORG")],
            MatchMode::Overlap,
        );
        assert_eq!(scores.per_label["PLACE"].false_negatives, 1);
        assert_eq!(scores.per_label["ORG"].false_positives, 1);
    }
}
