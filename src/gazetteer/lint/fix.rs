//! `rasid check --fix`: rewrites the findings that can be fixed without changing what the gazetteer
//! matches, as a line-based edit of each entity's alias list.
//!
//! A YAML library would re-serialise the whole file and lose every comment, so the rewrite touches
//! only the lines of block-style alias lists (see [`super::alias_list`]) and leaves every other byte
//! of the file as it was. In an alias list it:
//!
//! - strips invisible characters (bidi marks, zero-width characters, tatweel) and leading or trailing
//!   space from each alias, and trailing whitespace from the rewritten lines; the normaliser deletes
//!   all of these, so the matcher sees the same aliases;
//! - removes an `always` alias that normalises like the name or an earlier alias (the assembler
//!   ignores it), unless it writes out `when: always`, and an alias with a rule that repeats an
//!   earlier one word for word;
//! - sorts the aliases by text, then rule, in code point order (as `scripts/build_gazetteers.py`
//!   does), unless two of them normalise alike: then their order decides which spelling the output
//!   reports, and the list keeps its order.
//!
//! It keeps comments: a comment line above the first alias stays at the top of the list, a comment
//! line above a later alias moves with that alias, and a comment after an alias stays on its line.
//! An alias that carries a comment is never removed. It keeps quoting: a plain alias stays plain when
//! it can, a quoted one keeps its quotes. It does not touch flow lists (`aliases: [a, b]`), flow-map
//! items (`- {text: a, when: cue}`, which are moved but not rewritten), multi-line scalars, lists with
//! blank lines between items or comments inside an item, names, or any other field; the warnings
//! about those stay for a person to fix. A file with load errors is not rewritten at all.
//!
//! Every rewrite is checked before it is returned: the new text must load with no error into exactly
//! the entities expected, field for field. A file that fails the check is left as it was.

use std::collections::HashSet;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Diagnostic, Result};
use crate::gazetteer::load::{self, ParsedEntity, SourceText};
use crate::gazetteer::schema::AliasRecord;
use crate::gazetteer::write::{double_quoted, plain_is_safe};
use crate::gazetteer::{GazetteerBuilder, When};
use crate::normalize::Normalizer;

use super::alias_list::{AliasList, Form, Item, line_body, value_extent};
use super::clean;

impl GazetteerBuilder {
    /// Rewrites the safe `check` findings (invisible characters, surrounding space, duplicate and
    /// unsorted aliases) in the YAML files added to this builder, keeping comments and layout. The
    /// embedded defaults are never touched.
    ///
    /// Returns the files whose text changed, with their new text (nothing is written: the caller
    /// writes them), and a warning for each file that was left alone because rewriting it would not
    /// be safe (a file with load errors, or entities not in block style).
    ///
    /// # Errors
    ///
    /// An I/O error for a path that cannot be read.
    ///
    /// # Examples
    ///
    /// ```
    /// let yaml = "- id: x:a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n  aliases:\n    - حلب الشهباء\n    - الشهباء  # the grey one\n    - حلب\n";
    /// let (fixed, left_alone) = rasid::Gazetteer::builder().add_yaml("a.yml", yaml).fix()?;
    /// assert!(left_alone.is_empty());
    /// assert_eq!(
    ///     fixed[0].1,
    ///     "- id: x:a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n  aliases:\n    - الشهباء  # the grey one\n    - حلب الشهباء\n"
    /// );
    /// # Ok::<(), rasid::Error>(())
    /// ```
    // Plain std types: a named result struct would need an export from the crate root.
    #[allow(clippy::type_complexity)]
    pub fn fix(&self) -> Result<(Vec<(PathBuf, String)>, Vec<Diagnostic>)> {
        // Only the user's files: the embedded defaults are never rewritten.
        let sources = self.sources(false)?;
        let normalizer = Normalizer::new();
        let mut fixed = Vec::new();
        let mut left_alone = Vec::new();
        for source in sources {
            if source.path.extension().is_some_and(|e| e == "lst") {
                continue;
            }
            let source = Arc::new(source);
            match fix_source(&source, &normalizer) {
                Ok(Some(text)) => fixed.push((source.path.clone(), text)),
                Ok(None) => {}
                Err(reason) => {
                    let message = format!("not rewritten by --fix: {reason}");
                    left_alone.push(Diagnostic::warning(&source.path, 1, 1, message));
                }
            }
        }
        Ok((fixed, left_alone))
    }
}

/// The fixed text of one file, `None` when nothing changes, or why it cannot be fixed.
fn fix_source(
    source: &Arc<SourceText>,
    normalizer: &Normalizer,
) -> std::result::Result<Option<String>, &'static str> {
    let mut diagnostics = Vec::new();
    let mut parsed = load::parse(source, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err("the file has errors; fix them first");
    }
    let disjoint = parsed
        .entities
        .windows(2)
        .all(|pair| pair[0].block.bytes.end <= pair[1].block.bytes.start);
    if !disjoint {
        return Err("its entities are not in block style");
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for entity in &mut parsed.entities {
        if let Some((range, text, aliases)) = plan(source, entity, normalizer) {
            edits.push((range, text));
            entity.record.aliases = aliases;
        }
    }
    if edits.is_empty() {
        return Ok(None);
    }
    let mut text = String::with_capacity(source.text.len());
    let mut at = 0;
    for (range, replacement) in &edits {
        text.push_str(&source.text[at..range.start]);
        text.push_str(replacement);
        at = range.end;
    }
    text.push_str(&source.text[at..]);
    if text == *source.text {
        return Ok(None);
    }
    verify(source, &text, &parsed.entities)?;
    Ok(Some(text))
}

/// The new text must load cleanly into the expected records.
fn verify(
    source: &SourceText,
    text: &str,
    expected: &[ParsedEntity],
) -> std::result::Result<(), &'static str> {
    let rewritten = Arc::new(SourceText {
        path: source.path.clone(),
        text: Arc::from(text),
        json: None,
    });
    let mut diagnostics = Vec::new();
    let parsed = load::parse(&rewritten, &mut diagnostics);
    let same = diagnostics.is_empty()
        && parsed.entities.len() == expected.len()
        && parsed
            .entities
            .iter()
            .zip(expected)
            .all(|(a, b)| format!("{:?}", a.record) == format!("{:?}", b.record));
    if same {
        Ok(())
    } else {
        Err("the rewrite did not load back as expected (please report this)")
    }
}

/// One alias item as it will be written.
struct Planned<'l> {
    item: &'l Item,
    /// The value line rewritten, when the text changed.
    value_line: Option<String>,
    record: AliasRecord,
    key: String,
}

/// The byte range of an entity's alias list, its new text and the aliases it will hold, or `None`
/// when the list stays as it is.
fn plan(
    source: &SourceText,
    entity: &ParsedEntity,
    normalizer: &Normalizer,
) -> Option<(Range<usize>, String, Vec<AliasRecord>)> {
    let block = &entity.block;
    let record = &entity.record;
    let list = AliasList::scan(&source.text, block.bytes.clone(), block.line)?;
    if list.irregular || list.items.is_empty() || list.items.len() != record.aliases.len() {
        return None;
    }
    let mut seen_keys: HashSet<String> = HashSet::new();
    seen_keys.insert(normalizer.normalize_key(&record.name));
    let mut seen_rules: HashSet<(String, When)> = HashSet::new();
    let mut kept: Vec<Planned<'_>> = Vec::new();
    let mut changed = false;
    for (index, (item, alias)) in list.items.iter().zip(&record.aliases).enumerate() {
        let rewritable = matches!(item.form, Form::Scalar | Form::Map);
        let cleaned = clean(&alias.text);
        let key = normalizer.normalize_key(&cleaned);
        // A comment above the first item heads the list and stays; others move with their item.
        let own_comment = (index > 0 && item.lines.start < item.head) || has_comment(&list, item);
        let duplicate = if alias.when == When::Always {
            seen_keys.contains(&key)
        } else {
            seen_rules.contains(&(cleaned.clone(), alias.when))
        };
        // A written `when: always` is kept: it marks a deliberate `always` (see `frequent-word`).
        let deliberate = alias.when == When::Always && item.explicit_when;
        if duplicate && rewritable && !own_comment && !deliberate {
            changed = true;
            continue;
        }
        seen_keys.insert(key.clone());
        if alias.when != When::Always {
            seen_rules.insert((cleaned.clone(), alias.when));
        }
        let value_line = if cleaned != alias.text && rewritable && !cleaned.is_empty() {
            let (line, at) = item.value;
            rewrite_value(list.line(line), at, &cleaned)
        } else {
            None
        };
        let text = if value_line.is_some() {
            cleaned
        } else {
            alias.text.clone()
        };
        let trailing_space =
            (item.head..item.lines.end).any(|idx| line_body(list.line(idx)).ends_with([' ', '\t']));
        changed |= value_line.is_some() || trailing_space;
        kept.push(Planned {
            item,
            value_line,
            record: AliasRecord {
                text,
                when: alias.when,
            },
            key,
        });
    }
    let distinct_keys: HashSet<&str> = kept.iter().map(|p| p.key.as_str()).collect();
    if distinct_keys.len() == kept.len() {
        let before: Vec<usize> = kept.iter().map(|p| p.item.head).collect();
        kept.sort_by(|a, b| {
            (&a.record.text, a.record.when.as_str()).cmp(&(&b.record.text, b.record.when.as_str()))
        });
        changed |= kept.iter().map(|p| p.item.head).ne(before);
    }
    if !changed {
        return None;
    }
    let first = &list.items[0];
    let last = list.items.last().expect("the list has items");
    if kept.is_empty() {
        // `aliases:` with no items would be null, not an empty list: the key goes too, unless a
        // comment stands on it or above the first item.
        let key_line = line_body(list.line(list.key));
        if key_line.contains('#') || first.lines.start < first.head {
            return None;
        }
        let range = list.bytes(list.key..last.lines.end);
        return Some((range, String::new(), Vec::new()));
    }
    let mut text = String::new();
    for idx in first.lines.start..first.head {
        text.push_str(list.line(idx));
    }
    for planned in &kept {
        let item = planned.item;
        let start = if std::ptr::eq(item, first) {
            item.head
        } else {
            item.lines.start
        };
        for idx in start..item.lines.end {
            let line = match &planned.value_line {
                Some(rewritten) if idx == item.value.0 => rewritten.as_str(),
                _ => list.line(idx),
            };
            if idx >= item.head {
                push_trimmed(&mut text, line);
            } else {
                text.push_str(line);
            }
        }
    }
    let range = list.bytes(first.lines.start..last.lines.end);
    let aliases = kept.into_iter().map(|p| p.record).collect();
    Some((range, text, aliases))
}

/// Whether an item's lines carry a comment after a value.
fn has_comment(list: &AliasList<'_>, item: &Item) -> bool {
    (item.head..item.lines.end).any(|idx| {
        let body = line_body(list.line(idx));
        if idx == item.value.0 && item.form != Form::Other {
            let rest = &body[item.value.1..];
            let end = value_extent(rest).unwrap_or(rest.len());
            rest[end..].contains('#')
        } else {
            body.contains(" #") || body.trim_start().starts_with('#')
        }
    })
}

/// Appends `line` without trailing whitespace, keeping its line ending.
fn push_trimmed(out: &mut String, line: &str) {
    let body = line_body(line);
    out.push_str(body.trim_end_matches([' ', '\t']));
    out.push_str(&line[body.len()..]);
}

/// `line` with the scalar at byte `at` replaced by `text`, in the scalar's quoting style when it can.
fn rewrite_value(line: &str, at: usize, text: &str) -> Option<String> {
    let body = line_body(line);
    let rest = body.get(at..)?;
    let len = value_extent(rest)?;
    let rendered = match rest.chars().next() {
        Some('\'') if !text.chars().any(char::is_control) => {
            format!("'{}'", text.replace('\'', "''"))
        }
        Some('"') => double_quoted(text),
        _ if plain_is_safe(text) => text.to_owned(),
        _ => double_quoted(text),
    };
    Some(format!(
        "{}{rendered}{}{}",
        &body[..at],
        &rest[len..],
        &line[body.len()..]
    ))
}

/// Whether `text` written plain reads back as the same string.
#[cfg(test)]
mod tests {
    use super::*;

    fn fix(yaml: &str) -> (Option<String>, Vec<Diagnostic>) {
        let (mut fixed, left_alone) = GazetteerBuilder::new()
            .defaults(false)
            .add_yaml("t.yml", yaml)
            .fix()
            .expect("no I/O");
        (fixed.pop().map(|(_, text)| text), left_alone)
    }

    const HEAD: &str = "- id: x:a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n";

    #[test]
    fn safe_rewrites() {
        let rows = [
            (
                "sorted, header comment stays, item comment moves",
                "  aliases:\n    # spellings\n    - ب\n    # second\n    - أ  # keep\n  country: SY\n",
                Some(
                    "  aliases:\n    # spellings\n    # second\n    - أ  # keep\n    - ب\n  country: SY\n",
                ),
            ),
            (
                "invisible characters and quoted space stripped, quotes kept",
                "  aliases:\n    - \"\u{200F}الشهباء \"\n    - text: 'بـلد'\n      when: cue\n",
                Some("  aliases:\n    - \"الشهباء\"\n    - text: 'بلد'\n      when: cue\n"),
            ),
            (
                "duplicates of the name and of an alias removed",
                "  aliases:\n    - حلب\n    - إدلب\n    - ادلب\n    - text: س\n      when: cue\n    - text: س\n      when: cue\n",
                Some("  aliases:\n    - إدلب\n    - text: س\n      when: cue\n"),
            ),
            (
                "a rule that gives the name its rule is kept",
                "  aliases:\n    - text: حلب\n      when: cue\n",
                None,
            ),
            (
                "a list left empty goes with its key",
                "  aliases:\n    - حلب\n  country: SY\n",
                Some("  country: SY\n"),
            ),
            (
                "a duplicate with a comment is kept",
                "  aliases:\n    - أ\n    - أ  # on purpose\n",
                None,
            ),
            (
                "aliases that normalise alike keep their order",
                "  aliases:\n    - ب\n    - إدلب\n    - text: ادلب\n      when: cue\n    - ادلب\n",
                Some("  aliases:\n    - ب\n    - إدلب\n    - text: ادلب\n      when: cue\n"),
            ),
            (
                "trailing whitespace stripped from alias lines",
                "  aliases:\n    - أ   \n  country: SY  \n",
                Some("  aliases:\n    - أ\n  country: SY  \n"),
            ),
            ("flow list untouched", "  aliases: [ب, أ]\n", None),
            (
                "blank line inside the list untouched",
                "  aliases:\n    - ب\n\n    - أ\n",
                None,
            ),
        ];
        for (name, tail, expected) in rows {
            let (fixed, left_alone) = fix(&format!("{HEAD}{tail}"));
            assert!(left_alone.is_empty(), "{name}: {left_alone:?}");
            assert_eq!(fixed, expected.map(|e| format!("{HEAD}{e}")), "{name}");
        }
    }

    #[test]
    fn fixing_twice_changes_nothing() {
        let yaml = format!("{HEAD}  aliases:\n    - ب\u{200F}\n    - أ\n    - أ\n");
        let (once, _) = fix(&yaml);
        let once = once.expect("a change");
        assert_eq!(fix(&once).0, None);
    }

    #[test]
    fn files_with_errors_are_left_alone() {
        let (fixed, left_alone) = fix("- id: x:a\n  type: PLACE\n  name: [\n");
        assert_eq!(fixed, None);
        assert_eq!(
            left_alone[0].to_string(),
            "t.yml:1:1: warning: not rewritten by --fix: the file has errors; fix them first"
        );
    }

    #[test]
    fn rendering_keeps_values() {
        let rows = [
            ("plain", "حلب", "حلب"),
            ("looks like a number", "123", "\"123\""),
            ("looks like a bool", "true", "\"true\""),
            ("colon space", "a: b", "\"a: b\""),
            ("leading dash", "- x", "\"- x\""),
        ];
        for (name, text, expected) in rows {
            let line = rewrite_value("    - old\n", 6, text).expect("a value");
            assert_eq!(line, format!("    - {expected}\n"), "{name}");
            let parsed: Vec<String> = serde_yaml::from_str(&line).expect("valid YAML");
            assert_eq!(parsed, [text], "{name}");
        }
    }
}
