//! `shared-alias` and `cross-type-alias`: rules across entities.

use std::collections::HashMap;

use super::characters::shown;
use super::{Linter, Rule};
use crate::error::Diagnostic;
use crate::gazetteer::load::Block;
use crate::gazetteer::{Alias, Entity};
use crate::span::LabelId;

impl Linter {
    /// `shared-alias` and `cross-type-alias`: one warning per normalised alias that several entities
    /// share, at the alias's last use, naming every owner.
    pub(in crate::gazetteer) fn shared_aliases(
        &self,
        entities: &[Entity],
        aliases: &[Alias],
        blocks: &[Block],
        labels: &[String],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, alias) in aliases.iter().enumerate() {
            by_key.entry(alias.key.as_str()).or_default().push(index);
        }
        let mut shared: Vec<&Vec<usize>> = by_key.values().filter(|v| v.len() > 1).collect();
        shared.sort_unstable();
        for indexes in shared {
            let last = &aliases[*indexes.last().expect("shared aliases have two uses")];
            let block = &blocks[last.entity.as_usize()];
            let owners: Vec<&Entity> = indexes
                .iter()
                .map(|&i| &entities[aliases[i].entity.as_usize()])
                .collect();
            let listed: Vec<String> = owners
                .iter()
                .map(|e| format!("{} ({})", e.id, labels[e.label.as_usize()]))
                .collect();
            let first_label: LabelId = owners[0].label;
            let rule = if owners.iter().all(|e| e.label == first_label) {
                Rule::SharedAlias
            } else {
                Rule::CrossTypeAlias
            };
            let message = format!(
                "alias \"{}\" is shared by {}",
                shown(&last.text),
                listed.join(", ")
            );
            out.push(rule.warning(block, block.alias_position(&last.text), &message));
        }
    }
}
