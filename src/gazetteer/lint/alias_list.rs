//! The lines of an entity's alias list, found by a scan of the entity's block.
//!
//! serde_yaml gives values without positions, so `check` and `--fix` find the alias items by reading
//! lines. The scan understands the block style the format asks for:
//!
//! ```yaml
//!   aliases:              # nothing after the key but a comment
//!     # a comment here belongs to the item below it
//!     - حلب الشهباء       # a plain or quoted alias on one line
//!     - text: الشهباء     # a map item, its keys on lines indented deeper than its `-`
//!       when: cue
//! ```
//!
//! A flow list (`aliases: [a, b]`) is not scanned at all. Items of other shapes (flow maps, block
//! scalars, plain scalars folded over several lines) are found but marked [`Form::Other`]: their
//! position is known, their text is not rewritten. A blank line between items, or a comment inside
//! an item, makes the list [`AliasList::irregular`]: its items are located but never moved.

use std::ops::Range;

/// The alias list of one entity block.
#[derive(Debug)]
pub(super) struct AliasList<'a> {
    /// The block's lines, line endings included.
    lines: Vec<&'a str>,
    /// Byte offset in the file of the start of each line, and of the block's end.
    offsets: Vec<usize>,
    /// 1-based file line of `lines[0]`.
    first_line: usize,
    /// Line index of the `aliases:` key.
    pub(super) key: usize,
    /// The items, in file order.
    pub(super) items: Vec<Item>,
    /// Whether blank lines or comments sit where a rewrite could not tell whom they belong to.
    pub(super) irregular: bool,
}

/// One item of an alias list.
#[derive(Clone, Debug)]
pub(super) struct Item {
    /// Line indices, from the first comment line above the item to its last line.
    pub(super) lines: Range<usize>,
    /// Line index of the item's `- `.
    pub(super) head: usize,
    /// The alias text's line index and the byte offset of its value in that line.
    pub(super) value: (usize, usize),
    /// What the item looks like.
    pub(super) form: Form,
    /// Whether the item writes out a `when:` rule, `when: always` included.
    pub(super) explicit_when: bool,
}

/// The shape of an item, which decides what `--fix` may do with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// `- text`, plain or quoted, on one line.
    Scalar,
    /// A block map, `- text: …` with `when: …` on the next line (or the other way round).
    Map,
    /// Anything else: located and moved, never rewritten.
    Other,
}

impl<'a> AliasList<'a> {
    /// Scans the block at `bytes` of `text`, whose first line is file line `first_line` (1-based).
    /// `None` when the block has no block-style `aliases:` key.
    pub(super) fn scan(text: &'a str, bytes: Range<usize>, first_line: usize) -> Option<Self> {
        let block = text.get(bytes.clone())?;
        let lines: Vec<&str> = block.split_inclusive('\n').collect();
        let mut offsets = Vec::with_capacity(lines.len() + 1);
        let mut offset = bytes.start;
        for line in &lines {
            offsets.push(offset);
            offset += line.len();
        }
        offsets.push(offset);
        let (key, key_indent) = lines.iter().enumerate().find_map(|(idx, line)| {
            let (indent, content) = split_content(line);
            let rest = content.strip_prefix("aliases:")?;
            let rest = rest.trim();
            (rest.is_empty() || rest.starts_with('#')).then_some((idx, indent))
        })?;
        let mut list = AliasList {
            lines,
            offsets,
            first_line,
            key,
            items: Vec::new(),
            irregular: false,
        };
        list.scan_items(key + 1, key_indent);
        Some(list)
    }

    fn scan_items(&mut self, from: usize, key_indent: usize) {
        let mut item_indent = None;
        // The first of the comment lines seen since the last item line, and whether a blank line was.
        let mut comments: Option<usize> = None;
        let mut blank = false;
        for idx in from..self.lines.len() {
            let body = line_body(self.lines[idx]);
            let trimmed = body.trim_start_matches(' ');
            if trimmed.trim().is_empty() {
                blank = true;
                continue;
            }
            if trimmed.starts_with('#') {
                comments.get_or_insert(idx);
                continue;
            }
            let indent = body.len() - trimmed.len();
            let is_head = trimmed.starts_with("- ") || trimmed == "-";
            let new_item = match item_indent {
                None if is_head && indent >= key_indent => {
                    item_indent = Some(indent);
                    true
                }
                Some(n) if is_head && indent == n => true,
                Some(n) if indent > n => false,
                _ => break,
            };
            if new_item {
                self.irregular |= blank;
                let start = comments.take().unwrap_or(idx);
                self.items.push(Item {
                    lines: start..idx + 1,
                    head: idx,
                    value: (idx, 0),
                    form: Form::Other,
                    explicit_when: false,
                });
            } else {
                self.irregular |= blank || comments.is_some();
                comments = None;
                if let Some(item) = self.items.last_mut() {
                    item.lines.end = idx + 1;
                }
            }
            blank = false;
        }
        for index in 0..self.items.len() {
            let (value, form) = self.shape(&self.items[index]);
            let item = &self.items[index];
            let explicit_when = (item.head..item.lines.end).any(|idx| {
                let (_, content) = split_content(line_body(self.lines[idx]));
                content.starts_with("when:")
                    || (content.starts_with('{') && content.contains("when:"))
            });
            let item = &mut self.items[index];
            item.value = value;
            item.form = form;
            item.explicit_when = explicit_when;
        }
    }

    /// Where an item's text is, and its form.
    fn shape(&self, item: &Item) -> ((usize, usize), Form) {
        let head = line_body(self.lines[item.head]);
        let (indent, content) = split_content(head);
        let single_line = item.head + 1 == item.lines.end;
        if content.starts_with("text:") || content.starts_with("when:") {
            let text_line = (item.head..item.lines.end).find_map(|idx| {
                let (indent, content) = split_content(line_body(self.lines[idx]));
                let rest = content.strip_prefix("text:")?;
                let value = indent + "text:".len() + (rest.len() - rest.trim_start().len());
                Some((idx, value))
            });
            return match text_line {
                Some((idx, value)) if is_simple_value(&line_body(self.lines[idx])[value..]) => {
                    ((idx, value), Form::Map)
                }
                Some(at) => (at, Form::Other),
                None => ((item.head, indent), Form::Other),
            };
        }
        let form = if single_line && is_simple_value(content) {
            Form::Scalar
        } else {
            Form::Other
        };
        ((item.head, indent), form)
    }

    /// The 1-based (line, column) of an item's text: the line holding it, and the character column
    /// where that line's content starts after any `- ` (the `text:` key of a map item), as the
    /// loader's positions are given.
    pub(super) fn position(&self, item: &Item) -> (usize, usize) {
        let idx = item.value.0;
        let line = line_body(self.lines[idx]);
        let (indent, _) = split_content(line);
        (self.first_line + idx, line[..indent].chars().count() + 1)
    }

    /// A line, its ending included.
    pub(super) fn line(&self, idx: usize) -> &'a str {
        self.lines[idx]
    }

    /// The file's byte range of a range of line indices.
    pub(super) fn bytes(&self, lines: Range<usize>) -> Range<usize> {
        self.offsets[lines.start]..self.offsets[lines.end]
    }
}

/// A line without its line ending.
pub(super) fn line_body(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The byte indent of a line's content after any `- `, and that content.
fn split_content(line: &str) -> (usize, &str) {
    let trimmed = line.trim_start_matches(' ');
    let trimmed = match trimmed.strip_prefix("- ") {
        Some(rest) => rest.trim_start_matches(' '),
        None => trimmed,
    };
    (line.len() - trimmed.len(), trimmed)
}

/// Whether a value starting at `text` is a one-line plain or quoted scalar whose extent
/// [`value_extent`] can find.
fn is_simple_value(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if "[]{}|>&*!%@`#".contains(first) {
        return false;
    }
    value_extent(text).is_some()
}

/// The byte length of the scalar at the start of `text` (a line's rest from the value on), without
/// a trailing comment or spaces. `None` for a quoted scalar that does not close on this line.
pub(super) fn value_extent(text: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, '"')) => {
            let mut escaped = false;
            for (at, c) in chars {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => return Some(at + 1),
                    _ => {}
                }
            }
            None
        }
        Some((_, '\'')) => {
            let bytes = text.as_bytes();
            let mut at = 1;
            while at < bytes.len() {
                if bytes[at] == b'\'' {
                    if bytes.get(at + 1) == Some(&b'\'') {
                        at += 2;
                        continue;
                    }
                    return Some(at + 1);
                }
                at += 1;
            }
            None
        }
        Some(_) => {
            let end = text.find(" #").unwrap_or(text.len());
            Some(text[..end].trim_end().len())
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> AliasList<'_> {
        AliasList::scan(text, 0..text.len(), 1).expect("an alias list")
    }

    #[test]
    fn items_comments_and_forms() {
        let text = "- id: a\n  name: حلب\n  aliases:\n    # the old name\n    - حلب الشهباء  # note\n    - text: الشهباء\n      when: cue\n    - {text: س, when: cue}\n  country: SY\n";
        let list = scan(text);
        assert!(!list.irregular);
        let rows: Vec<_> = list
            .items
            .iter()
            .map(|i| (i.lines.clone(), i.form, list.position(i), i.explicit_when))
            .collect();
        assert_eq!(
            rows,
            [
                (3..5, Form::Scalar, (5, 7), false),
                (5..7, Form::Map, (6, 7), true),
                (7..8, Form::Other, (8, 7), true),
            ]
        );
    }

    #[test]
    fn when_before_text_points_at_the_text_line() {
        let text = "- id: a\n  aliases:\n    - when: cue\n      text: \"الشهباء\"\n";
        let list = scan(text);
        assert_eq!(list.items[0].form, Form::Map);
        assert_eq!(list.position(&list.items[0]), (4, 7));
    }

    #[test]
    fn items_at_the_key_indent_and_trailing_comments() {
        let text = "- id: a\n  aliases:\n  - x\n  - y\n  # about the country\n  country: SY\n";
        let list = scan(text);
        assert_eq!(list.items.len(), 2);
        assert_eq!(list.items[1].lines, 3..4);
    }

    #[test]
    fn irregular_lists() {
        let rows = [
            (
                "blank line between items",
                "  aliases:\n    - x\n\n    - y\n",
            ),
            (
                "comment inside a map item",
                "  aliases:\n    - text: x\n      # c\n      when: cue\n",
            ),
        ];
        for (name, text) in rows {
            assert!(scan(text).irregular, "{name}");
        }
    }

    #[test]
    fn flow_lists_and_missing_keys_are_not_scanned() {
        let text = "- id: a\n  aliases: [x, y]\n";
        assert!(AliasList::scan(text, 0..text.len(), 1).is_none());
        let text = "- id: a\n  name: x\n";
        assert!(AliasList::scan(text, 0..text.len(), 1).is_none());
    }

    #[test]
    fn value_extents() {
        let rows = [
            ("plain", "حلب", Some("حلب".len())),
            ("plain with comment", "حلب  # c", Some("حلب".len())),
            ("hash inside a word", "a#b", Some(3)),
            ("double quoted with escape", r#""a\"b" # c"#, Some(6)),
            ("single quoted with doubled quote", "'a''b' x", Some(6)),
            ("unclosed", "\"abc", None),
        ];
        for (name, text, expected) in rows {
            assert_eq!(value_extent(text), expected, "{name}");
        }
    }
}
