//! Scoring predicted spans against gold annotations: precision, recall and F1 per label.
//!
//! Spans are compared in two ways, as NER evaluations usually report them: *exact* (same start and
//! end) and *overlap* (at least one shared code point). Each comes *typed* (the labels must agree
//! too, counted per label) and *untyped* (labels ignored: did the tagger find the names at all?).
//!
//! Matching is one-to-one and greedy in text order: each predicted span, from the leftmost, takes the
//! gold span with the same boundaries if there is a free one, and otherwise the leftmost free gold
//! span it pairs with. Greedy is not an optimal assignment, but with flat spans (rasid's output and
//! most gold) it gives the same result, and it is what the dev-set figures of the gazetteers issue
//! were computed with, so they stay comparable.
//!
//! A gold span marked optional neither counts as missed when absent nor makes a prediction on it a
//! false positive.
//!
//! Offsets are whatever unit the caller uses consistently; the CLI uses code points.
//!
//! Gold comes in three formats, read into [`GoldDocument`]s with code-point spans checked against
//! their text: JSON Lines with texts beside ([`read_jsonl`]), brat standoff ([`read_brat`]) and
//! CoNLL BIO ([`read_conll`]); [`GoldFormat::detect`] tells them apart.

mod brat;
mod conll;
mod gold;

use std::collections::BTreeMap;

pub use brat::read as read_brat;
pub use conll::parse as parse_conll;
pub use gold::{GoldDocument, GoldError, GoldFormat, GoldWarning, read_conll, read_jsonl};

/// A labelled span, end exclusive.
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

impl LabeledSpan {
    /// A span that is not optional.
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> LabeledSpan {
        LabeledSpan {
            start,
            end,
            label: label.into(),
            optional: false,
        }
    }
}

/// How span boundaries are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchMode {
    /// Same start and end.
    Exact,
    /// At least one shared code point.
    Overlap,
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
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

/// Typed counts per label, accumulated over documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Scores {
    /// Counts per label.
    pub per_label: BTreeMap<String, Counts>,
}

/// The unpaired spans of one document in one mode, as indices into the slices that were scored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// Indices of predicted spans with no gold partner, in text order.
    pub false_positives: Vec<usize>,
    /// Indices of (non-optional) gold spans with no predicted partner, in text order.
    pub false_negatives: Vec<usize>,
}

impl Scores {
    /// Scores one document with labels compared, adds its counts and returns its errors.
    pub fn add_document(
        &mut self,
        gold: &[LabeledSpan],
        predicted: &[LabeledSpan],
        mode: MatchMode,
    ) -> Outcome {
        let pairing = Pairing::new(gold, predicted, mode, true);
        for (p, partner) in pairing.partner_of_predicted.iter().enumerate() {
            let label = &predicted[p].label;
            match partner {
                Some(g) if gold[*g].optional => {}
                Some(_) => self.entry(label).true_positives += 1,
                None => self.entry(label).false_positives += 1,
            }
        }
        for &g in &pairing.missed_gold() {
            self.entry(&gold[g].label).false_negatives += 1;
        }
        pairing.outcome()
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

    /// The counts of every label added up (the micro average).
    pub fn all(&self) -> Counts {
        self.total(self.per_label.keys().map(String::as_str))
    }
}

/// Scores one document with labels ignored and adds its counts to `counts`; returns its errors.
pub fn add_untyped(
    counts: &mut Counts,
    gold: &[LabeledSpan],
    predicted: &[LabeledSpan],
    mode: MatchMode,
) -> Outcome {
    let pairing = Pairing::new(gold, predicted, mode, false);
    for partner in &pairing.partner_of_predicted {
        match partner {
            Some(g) if gold[*g].optional => {}
            Some(_) => counts.true_positives += 1,
            None => counts.false_positives += 1,
        }
    }
    counts.false_negatives += pairing.missed_gold().len();
    pairing.outcome()
}

/// The one-to-one pairing of one document's spans in one mode.
struct Pairing<'g> {
    gold: &'g [LabeledSpan],
    /// For each predicted span, the gold span it took.
    partner_of_predicted: Vec<Option<usize>>,
    gold_taken: Vec<bool>,
    predicted_order: Vec<usize>,
    gold_order: Vec<usize>,
}

impl<'g> Pairing<'g> {
    fn new(
        gold: &'g [LabeledSpan],
        predicted: &[LabeledSpan],
        mode: MatchMode,
        typed: bool,
    ) -> Pairing<'g> {
        let gold_order = text_order(gold);
        let predicted_order = text_order(predicted);
        // Only gold spans starting in (p.start - longest gold, p.end) can pair with p, so each
        // prediction looks at a window of the sorted gold instead of all of it: a CoNLL file without
        // document breaks is one long document with thousands of spans.
        let longest = gold.iter().map(|g| g.end - g.start).max().unwrap_or(0);
        let mut gold_taken = vec![false; gold.len()];
        let mut partner_of_predicted = vec![None; predicted.len()];
        for &p in &predicted_order {
            let span = &predicted[p];
            let from = gold_order.partition_point(|&g| gold[g].start + longest < span.start);
            let partner = {
                let candidates = || {
                    gold_order[from..]
                        .iter()
                        .copied()
                        .take_while(|&g| gold[g].start <= span.end)
                        .filter(|&g| !gold_taken[g] && (!typed || gold[g].label == span.label))
                };
                // An exact partner first, so that an overlapping gold span nested around it (only
                // possible in gold, never in rasid's flat output) does not take its place.
                candidates()
                    .find(|&g| pairs(&gold[g], span, MatchMode::Exact))
                    .or_else(|| candidates().find(|&g| pairs(&gold[g], span, mode)))
            };
            if let Some(g) = partner {
                gold_taken[g] = true;
                partner_of_predicted[p] = Some(g);
            }
        }
        Pairing {
            gold,
            partner_of_predicted,
            gold_taken,
            predicted_order,
            gold_order,
        }
    }

    /// Non-optional gold spans nobody took, in text order.
    fn missed_gold(&self) -> Vec<usize> {
        self.gold_order
            .iter()
            .copied()
            .filter(|&g| !self.gold_taken[g] && !self.gold[g].optional)
            .collect()
    }

    fn outcome(&self) -> Outcome {
        Outcome {
            false_positives: self
                .predicted_order
                .iter()
                .copied()
                .filter(|&p| self.partner_of_predicted[p].is_none())
                .collect(),
            false_negatives: self.missed_gold(),
        }
    }
}

/// Indices of `spans` sorted by start, then end, then position (a stable order for equal spans).
fn text_order(spans: &[LabeledSpan]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, spans[i].end));
    order
}

fn pairs(gold: &LabeledSpan, predicted: &LabeledSpan, mode: MatchMode) -> bool {
    match mode {
        MatchMode::Exact => gold.start == predicted.start && gold.end == predicted.end,
        MatchMode::Overlap => gold.start < predicted.end && predicted.start < gold.end,
    }
}

/// Which side an error is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// A predicted span with no exact, same-label gold partner.
    FalsePositive,
    /// A gold span with no exact, same-label predicted partner.
    FalseNegative,
}

/// How near an exact-typed error came to being right, judged by the looser modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mismatch {
    /// Paired when spans only need to overlap: a boundary is off (a type word or clitic in or out).
    Boundary,
    /// Paired exactly when labels are ignored: the right name with the wrong type.
    Label,
    /// Paired only when spans may overlap and labels are ignored.
    BoundaryAndLabel,
    /// Paired in no mode: a spurious prediction or a plain miss.
    Unmatched,
}

impl Mismatch {
    /// A short lowercase name for listings.
    pub fn name(self, side: Side) -> &'static str {
        match (self, side) {
            (Mismatch::Boundary, _) => "boundary",
            (Mismatch::Label, _) => "label",
            (Mismatch::BoundaryAndLabel, _) => "boundary+label",
            (Mismatch::Unmatched, Side::FalsePositive) => "spurious",
            (Mismatch::Unmatched, Side::FalseNegative) => "missed",
        }
    }
}

/// One exact-typed error of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// False positive or false negative.
    pub side: Side,
    /// Index into the predicted spans (false positive) or the gold spans (false negative).
    pub index: usize,
    /// How near it came.
    pub mismatch: Mismatch,
}

impl Finding {
    /// A finding of `side` at `index`.
    pub fn new(side: Side, index: usize, mismatch: Mismatch) -> Finding {
        Finding {
            side,
            index,
            mismatch,
        }
    }
}

/// All four scores of a run: exact and overlap, typed and untyped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Evaluation {
    /// Typed, exact spans.
    pub exact: Scores,
    /// Typed, overlapping spans.
    pub overlap: Scores,
    /// Labels ignored, exact spans.
    pub untyped_exact: Counts,
    /// Labels ignored, overlapping spans.
    pub untyped_overlap: Counts,
    /// Documents scored.
    pub documents: usize,
}

impl Evaluation {
    /// No documents yet.
    pub fn new() -> Evaluation {
        Evaluation::default()
    }

    /// Scores one document in every mode; returns its exact-typed errors, false positives then false
    /// negatives, each in text order.
    ///
    /// # Examples
    ///
    /// ```
    /// use rasid::eval::{Evaluation, LabeledSpan, Mismatch};
    ///
    /// // Gold has "مدينة البوكمال" as one PLACE; the tagger found only "البوكمال".
    /// let gold = [LabeledSpan::new(0, 14, "PLACE")];
    /// let predicted = [LabeledSpan::new(6, 14, "PLACE")];
    /// let mut evaluation = Evaluation::new();
    /// let findings = evaluation.add_document(&gold, &predicted);
    /// assert_eq!(evaluation.exact.all().f1(), 0.0);
    /// assert_eq!(evaluation.overlap.all().f1(), 1.0);
    /// assert!(findings.iter().all(|f| f.mismatch == Mismatch::Boundary));
    /// ```
    pub fn add_document(
        &mut self,
        gold: &[LabeledSpan],
        predicted: &[LabeledSpan],
    ) -> Vec<Finding> {
        self.documents += 1;
        let exact = self.exact.add_document(gold, predicted, MatchMode::Exact);
        let overlap = self
            .overlap
            .add_document(gold, predicted, MatchMode::Overlap);
        let untyped_exact = add_untyped(&mut self.untyped_exact, gold, predicted, MatchMode::Exact);
        let untyped_overlap = add_untyped(
            &mut self.untyped_overlap,
            gold,
            predicted,
            MatchMode::Overlap,
        );
        // The first looser mode in which an exact-typed error is paired says how near it came.
        let looser = [
            (&overlap, Mismatch::Boundary),
            (&untyped_exact, Mismatch::Label),
            (&untyped_overlap, Mismatch::BoundaryAndLabel),
        ];
        let diagnose = |side: Side, len: usize, unpaired: fn(&Outcome) -> &[usize]| {
            let masks: Vec<(Vec<bool>, Mismatch)> = looser
                .iter()
                .map(|(outcome, mismatch)| (mask(len, unpaired(outcome)), *mismatch))
                .collect();
            unpaired(&exact)
                .iter()
                .map(|&index| Finding {
                    side,
                    index,
                    mismatch: masks
                        .iter()
                        .find(|(still_unpaired, _)| !still_unpaired[index])
                        .map_or(Mismatch::Unmatched, |(_, mismatch)| *mismatch),
                })
                .collect::<Vec<_>>()
        };
        let false_positives =
            diagnose(Side::FalsePositive, predicted.len(), |o| &o.false_positives);
        let false_negatives = diagnose(Side::FalseNegative, gold.len(), |o| &o.false_negatives);
        false_positives.into_iter().chain(false_negatives).collect()
    }
}

/// `true` at each of `indices`.
fn mask(len: usize, indices: &[usize]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for &i in indices {
        mask[i] = true;
    }
    mask
}

/// Renames gold labels before scoring, so third-party gold (`LOC`, `PERS`) can be scored against
/// rasid's types (`PLACE`, `PERSON`). Labels with no rule are kept; a rule with no target drops the
/// spans of that label (a `MISC` that rasid has no type for).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelMap {
    rules: BTreeMap<String, Option<String>>,
}

impl LabelMap {
    /// The identity map.
    pub fn new() -> LabelMap {
        LabelMap::default()
    }

    /// Maps `from` to `to`, or drops `from` when `to` is `None`; a later rule for the same label wins.
    pub fn insert(&mut self, from: impl Into<String>, to: Option<String>) -> &mut LabelMap {
        self.rules.insert(from.into(), to);
        self
    }

    /// The label `label` becomes, or `None` when it is dropped.
    pub fn map<'a>(&'a self, label: &'a str) -> Option<&'a str> {
        match self.rules.get(label) {
            Some(to) => to.as_deref(),
            None => Some(label),
        }
    }

    /// Relabels the spans in place and removes the dropped ones.
    ///
    /// # Examples
    ///
    /// ```
    /// use rasid::eval::{LabelMap, LabeledSpan};
    ///
    /// let mut map = LabelMap::new();
    /// map.insert("LOC", Some("PLACE".into())).insert("MISC", None);
    /// let mut spans = vec![
    ///     LabeledSpan::new(0, 3, "LOC"),
    ///     LabeledSpan::new(4, 9, "MISC"),
    ///     LabeledSpan::new(10, 12, "ORG"),
    /// ];
    /// map.apply(&mut spans);
    /// let labels: Vec<&str> = spans.iter().map(|s| s.label.as_str()).collect();
    /// assert_eq!(labels, ["PLACE", "ORG"]);
    /// ```
    pub fn apply(&self, spans: &mut Vec<LabeledSpan>) {
        spans.retain_mut(|span| match self.map(&span.label) {
            Some(to) => {
                if to != span.label {
                    span.label = to.to_owned();
                }
                true
            }
            None => false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> LabeledSpan {
        LabeledSpan::new(start, end, label)
    }

    fn triple(c: Counts) -> (usize, usize, usize) {
        (c.true_positives, c.false_positives, c.false_negatives)
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
        assert_eq!(triple(place), (1, 2, 2));
        assert!((place.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((place.recall() - 1.0 / 3.0).abs() < 1e-9);
        let mut overlap = Scores::default();
        overlap.add_document(&gold, &predicted, MatchMode::Overlap);
        let all = overlap.total(["PLACE", "PERSON"]);
        assert_eq!(triple(all), (3, 1, 1));
        assert!((all.f1() - 0.75).abs() < 1e-9);
        assert_eq!(overlap.all(), all);
    }

    #[test]
    fn optional_gold_is_neither_missed_nor_wrong() {
        let mut gold = [span(0, 5, "PLACE")];
        gold[0].optional = true;
        let mut evaluation = Evaluation::new();
        evaluation.add_document(&gold, &[span(0, 5, "PLACE")]);
        evaluation.add_document(&gold, &[]);
        assert_eq!(evaluation.exact.all(), Counts::default());
        assert_eq!(evaluation.untyped_overlap, Counts::default());
    }

    #[test]
    fn labels_must_agree_unless_untyped() {
        let mut evaluation = Evaluation::new();
        evaluation.add_document(&[span(0, 5, "PLACE")], &[span(0, 5, "ORG")]);
        assert_eq!(evaluation.overlap.per_label["PLACE"].false_negatives, 1);
        assert_eq!(evaluation.overlap.per_label["ORG"].false_positives, 1);
        assert_eq!(triple(evaluation.untyped_exact), (1, 0, 0));
    }

    #[test]
    fn input_order_does_not_matter() {
        let gold = [span(20, 24, "PLACE"), span(0, 8, "PLACE")];
        let predicted = [span(4, 22, "PLACE"), span(0, 2, "PLACE")];
        let mut forward = Scores::default();
        let outcome = forward.add_document(&gold, &predicted, MatchMode::Overlap);
        // (0, 2) comes first in the text and takes (0, 8); (4, 22) then takes (20, 24).
        assert_eq!(triple(forward.all()), (2, 0, 0));
        assert_eq!(outcome, Outcome::default());
        let reversed_gold: Vec<_> = gold.iter().rev().cloned().collect();
        let reversed_predicted: Vec<_> = predicted.iter().rev().cloned().collect();
        let mut backward = Scores::default();
        backward.add_document(&reversed_gold, &reversed_predicted, MatchMode::Overlap);
        assert_eq!(forward, backward);
    }

    /// The gold window must reach back far enough for a long gold span that starts well before a
    /// short prediction inside it.
    #[test]
    fn long_gold_spans_are_found_from_inside() {
        let gold = [span(0, 100, "ORG"), span(50, 52, "PLACE")];
        let predicted = [span(90, 95, "ORG")];
        let mut scores = Scores::default();
        scores.add_document(&gold, &predicted, MatchMode::Overlap);
        assert_eq!(triple(scores.per_label["ORG"]), (1, 0, 0));
        assert_eq!(triple(scores.per_label["PLACE"]), (0, 0, 1));
    }

    /// Nested gold: the prediction that equals the inner span takes it, leaving the outer span for
    /// the other prediction, instead of taking the outer span because it starts first.
    #[test]
    fn exact_partners_come_first() {
        let gold = [span(0, 10, "PLACE"), span(2, 4, "PLACE")];
        let predicted = [span(2, 4, "PLACE"), span(6, 8, "PLACE")];
        let mut scores = Scores::default();
        scores.add_document(&gold, &predicted, MatchMode::Overlap);
        assert_eq!(triple(scores.all()), (2, 0, 0));
    }

    #[test]
    fn one_prediction_pairs_with_one_gold_span() {
        let gold = [span(0, 3, "PLACE"), span(4, 7, "PLACE")];
        let predicted = [span(0, 7, "PLACE")];
        let mut scores = Scores::default();
        let outcome = scores.add_document(&gold, &predicted, MatchMode::Overlap);
        assert_eq!(triple(scores.all()), (1, 0, 1));
        assert_eq!(outcome.false_negatives, [1]);
    }

    #[test]
    fn mismatches_are_diagnosed() {
        struct Case {
            name: &'static str,
            gold: LabeledSpan,
            predicted: LabeledSpan,
            expected: Mismatch,
        }
        let cases = [
            Case {
                name: "type word inside the gold span",
                gold: span(0, 14, "PLACE"),
                predicted: span(6, 14, "PLACE"),
                expected: Mismatch::Boundary,
            },
            Case {
                name: "right name, wrong type",
                gold: span(0, 3, "PLACE"),
                predicted: span(0, 3, "ARMED_GROUP"),
                expected: Mismatch::Label,
            },
            Case {
                name: "both off",
                gold: span(0, 14, "ORG"),
                predicted: span(6, 14, "PLACE"),
                expected: Mismatch::BoundaryAndLabel,
            },
            Case {
                name: "nowhere near",
                gold: span(0, 3, "PLACE"),
                predicted: span(10, 13, "PLACE"),
                expected: Mismatch::Unmatched,
            },
        ];
        let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), cases.len(), "case names are unique");
        for case in &cases {
            let mut evaluation = Evaluation::new();
            let findings = evaluation.add_document(
                std::slice::from_ref(&case.gold),
                std::slice::from_ref(&case.predicted),
            );
            let expected = [
                Finding {
                    side: Side::FalsePositive,
                    index: 0,
                    mismatch: case.expected,
                },
                Finding {
                    side: Side::FalseNegative,
                    index: 0,
                    mismatch: case.expected,
                },
            ];
            assert_eq!(findings, expected, "{}", case.name);
        }
    }

    /// Every mode at once on the hand-computed document of `hand_computed_scores`, plus a label error.
    #[test]
    fn four_modes_hand_computed() {
        let gold = [
            span(0, 3, "PLACE"),
            span(10, 15, "PLACE"),
            span(20, 24, "PLACE"),
            span(30, 35, "PERSON"),
            span(50, 53, "PLACE"),
        ];
        let predicted = [
            span(0, 3, "PLACE"),
            span(10, 13, "PLACE"),
            span(30, 35, "PERSON"),
            span(40, 44, "PLACE"),
            span(50, 53, "ARMED_GROUP"),
        ];
        let mut evaluation = Evaluation::new();
        evaluation.add_document(&gold, &predicted);
        // Exact typed: (0,3) and (30,35) pair; 3 FPs, 3 FNs.
        assert_eq!(triple(evaluation.exact.all()), (2, 3, 3));
        // Overlap typed: (10,13) joins; FPs (40,44), (50,53) ARMED_GROUP; FNs (20,24), (50,53) PLACE.
        assert_eq!(triple(evaluation.overlap.all()), (3, 2, 2));
        // Exact untyped: (0,3), (30,35), (50,53).
        assert_eq!(triple(evaluation.untyped_exact), (3, 2, 2));
        // Overlap untyped: all but (40,44) and gold (20,24).
        assert_eq!(triple(evaluation.untyped_overlap), (4, 1, 1));
        assert!((evaluation.untyped_overlap.f1() - 0.8).abs() < 1e-9);
    }

    #[test]
    fn label_map_renames_keeps_and_drops() {
        let mut map = LabelMap::new();
        map.insert("LOC", Some("PLACE".into())).insert("MISC", None);
        assert_eq!(map.map("LOC"), Some("PLACE"));
        assert_eq!(map.map("ORG"), Some("ORG"));
        assert_eq!(map.map("MISC"), None);
        map.insert("LOC", Some("GPE".into()));
        assert_eq!(map.map("LOC"), Some("GPE"), "a later rule wins");
    }
}
