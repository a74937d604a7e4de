//! Choosing one entity per match among the candidates whose rules held: anchors, cues and the
//! document's countries weigh homonyms.

use super::{MatchScratch, Matcher, RawMatch, RawRejection, Rejection, Status, context};
use crate::gazetteer::When;
use crate::person::PersonRule;
use crate::span::{AliasId, EntityId, LabelId};

/// The entity chosen for a match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolved {
    pub(crate) alias: AliasId,
    pub(crate) entity: EntityId,
    pub(crate) label: LabelId,
    pub(crate) via: Via,
    /// How many candidates' rules held at this mention (more than one: homonyms were weighed).
    pub(crate) choices: u32,
}

/// Why a mention was accepted: which rule of its alias held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Via {
    /// The alias fires wherever it stands as a word (`when: always`).
    Always,
    /// A cue word of the entity's type stood right before it (`when: cue`).
    Cue,
    /// The entity was named unambiguously elsewhere in the document (`when: document`).
    Document,
    /// The person-name grammar found it, by the rule given.
    Grammar(PersonRule),
    /// Another entity of its country was named in the document (`when: country`).
    Country,
    /// A facility no gazetteer lists, found by its head noun and a name-like word after it
    /// (`مستشفى السلامة`; see [`crate::AUTO_PLACE_PREFIX`]).
    Facility,
}

impl Via {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Always => "always",
            Via::Cue => "cue",
            Via::Document => "document",
            Via::Grammar(_) => "grammar",
            Via::Country => "country",
            Via::Facility => "facility",
        }
    }
}

impl Matcher {
    /// Chooses an entity for every match in `scratch.raw`, calling `emit` in text order; matches whose
    /// only candidates wait for an anchor that never came are dropped.
    pub(crate) fn resolve(
        &self,
        scratch: &mut MatchScratch,
        mut emit: impl FnMut(&RawMatch, Resolved),
    ) {
        if !scratch.has_choices {
            // Every match has exactly one live candidate that fired on its own.
            for raw in &scratch.raw {
                let info = &self.patterns[raw.pattern as usize];
                let statuses = &scratch.statuses[raw.statuses as usize..];
                let live = (info.candidates.start as usize..info.candidates.end as usize)
                    .zip(statuses)
                    .find(|(_, status)| **status != Status::Rejected);
                if let Some((index, &status)) = live {
                    let c = if index == info.candidates.start as usize {
                        &info.first
                    } else {
                        &self.candidates[index]
                    };
                    let via = if status == Status::Cue {
                        Via::Cue
                    } else {
                        Via::Always
                    };
                    let resolved = Resolved {
                        alias: c.alias,
                        entity: c.entity,
                        label: c.label,
                        via,
                        choices: 1,
                    };
                    emit(raw, resolved);
                }
            }
            return;
        }
        self.collect_anchors(scratch);
        let mut no_anchor = Vec::new();
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let first_status = scratch.statuses[raw.statuses as usize];
            if info.candidates.len() == 1
                && matches!(
                    first_status,
                    Status::Always | Status::Cue | Status::CuedAlways
                )
            {
                // Nothing to weigh: the one candidate fired on its own.
                let via = if first_status == Status::Cue {
                    Via::Cue
                } else {
                    Via::Always
                };
                let c = &info.first;
                emit(
                    raw,
                    Resolved {
                        alias: c.alias,
                        entity: c.entity,
                        label: c.label,
                        via,
                        choices: 1,
                    },
                );
                continue;
            }
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let mut choices = 0;
            let best = candidates
                .iter()
                .zip(statuses)
                .enumerate()
                .filter_map(|(order, (candidate, &status))| {
                    let anchored = scratch.anchored.binary_search(&candidate.entity).is_ok();
                    let country = self.entity_country[candidate.entity.as_usize()];
                    let in_context =
                        country != 0 && scratch.anchored_countries.binary_search(&country).is_ok();
                    let by_country = status == Status::Pending
                        && !anchored
                        && candidate.when == When::Country
                        && in_context;
                    let holds = match status {
                        Status::CuedAlways | Status::Cue | Status::Always => true,
                        Status::Pending => anchored || by_country,
                        Status::Rejected => false,
                    };
                    choices += u32::from(holds);
                    let cued = matches!(status, Status::CuedAlways | Status::Cue);
                    // A cue beats an anchor, which beats the country the document is about (`طرابلس`
                    // in a text that names لبنان), which beats a plain alias; then gazetteer order.
                    let rank = (!cued, !anchored, !in_context, status, order);
                    holds.then_some((rank, candidate, status, by_country))
                })
                .min_by(|a, b| a.0.cmp(&b.0));
            if best.is_none() && scratch.record_rejections {
                let (norm_start, norm_end, pattern) = (raw.norm_start, raw.norm_end, raw.pattern);
                let by_country = candidates.iter().any(|c| c.when == When::Country);
                let reason = if by_country {
                    Rejection::CountryNotInDocument
                } else {
                    Rejection::NoAnchor
                };
                no_anchor.push(RawRejection {
                    norm_start,
                    norm_end,
                    pattern,
                    reason,
                });
            }
            if let Some((_, c, status, by_country)) = best {
                let via = match status {
                    Status::Cue => Via::Cue,
                    Status::Pending if by_country => Via::Country,
                    Status::Pending => Via::Document,
                    Status::CuedAlways | Status::Always | Status::Rejected => Via::Always,
                };
                let resolved = Resolved {
                    alias: c.alias,
                    entity: c.entity,
                    label: c.label,
                    via,
                    choices,
                };
                emit(raw, resolved);
            }
        }
        scratch.rejections.extend(no_anchor);
    }

    /// Entities named unambiguously in the document: by a match whose only live candidate fired on
    /// its own. They resolve `document` aliases and break ties between homonyms.
    fn collect_anchors(&self, scratch: &mut MatchScratch) {
        scratch.anchored.clear();
        scratch.anchored_countries.clear();
        for raw in &scratch.raw {
            let info = &self.patterns[raw.pattern as usize];
            let candidates =
                &self.candidates[info.candidates.start as usize..info.candidates.end as usize];
            let statuses = &scratch.statuses[raw.statuses as usize..][..candidates.len()];
            let mut live = candidates
                .iter()
                .zip(statuses)
                .filter(|(_, s)| **s != Status::Rejected);
            let fired = |s| matches!(s, Status::CuedAlways | Status::Cue | Status::Always);
            if let (Some((only, &status)), None) = (live.next(), live.next())
                && fired(status)
            {
                scratch.anchored.push(only.entity);
            }
            // A match whose candidates that fired on their own all lie in one country points to
            // that country even when it is not one entity (`الرقة`: the city and, waiting for an
            // anchor, the governorate).
            if let Some(country) =
                context::fired_country(&self.entity_country, candidates, statuses)
            {
                scratch.anchored_countries.push(country);
            }
        }
        scratch.anchored.sort_unstable();
        scratch.anchored.dedup();
        let countries = scratch
            .anchored
            .iter()
            .map(|e| self.entity_country[e.as_usize()]);
        scratch
            .anchored_countries
            .extend(countries.filter(|&c| c != 0));
        scratch.anchored_countries.sort_unstable();
        scratch.anchored_countries.dedup();
    }
}
