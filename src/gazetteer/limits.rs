//! Limits checked before a gazetteer file is parsed or compiled, so that a hostile or broken file
//! gets a clear error at once instead of minutes of work or gigabytes of memory.
//!
//! - Nesting: a gazetteer needs five levels at most (a map, `entities:`, an entity, `aliases:`, an
//!   alias map). The YAML scanner takes time quadratic in the nesting depth (100,000 levels of `[`
//!   ran for 80 s), so the depth is measured first by a linear scan of the text.
//! - File size: the parsed tree takes many times the file's size in memory.
//! - Alias length: the longest shipped alias has a few dozen characters; an alias of megabytes is a
//!   mistake (a file pasted into a list item), and every alias goes through the automaton.

/// The deepest nesting a gazetteer file may have.
pub(crate) const MAX_DEPTH: usize = 32;

/// The largest YAML gazetteer file, in bytes.
pub(crate) const MAX_YAML_BYTES: u64 = 64 << 20;

/// The largest plain list (`.lst`) file, in bytes: read line by line, it costs less than YAML.
pub(crate) const MAX_LIST_BYTES: u64 = 256 << 20;

/// The longest alias or name, in characters.
pub(crate) const MAX_ALIAS_CHARS: usize = 1_000;

/// The 1-based line and column where `text` first nests deeper than [`MAX_DEPTH`], or `None`.
///
/// The depth counts block levels (by indentation), block indicators on one line (`- - x`) and flow
/// brackets (`[[`), with quoted scalars, comments and block scalars skipped. It can count a level
/// too many on odd but valid YAML; the limit is far above what a gazetteer uses, and it never counts
/// too few, so the parser never sees a deeper file.
pub(crate) fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut scanner = Scanner::default();
    for (index, line) in text.lines().enumerate() {
        if let Some(column) = scanner.line(line) {
            return Some((index + 1, column));
        }
    }
    None
}

#[derive(Default)]
struct Scanner {
    /// The indentations of the open block levels.
    indents: Vec<usize>,
    /// Open flow brackets (they span lines).
    flow: usize,
    /// The open quote mark of a quoted scalar that goes on to the next line.
    quote: Option<char>,
    /// Inside a block scalar (`|`, `>`) whose lines are more indented than this.
    block_scalar: Option<usize>,
}

impl Scanner {
    /// Scans one line; the 1-based column where it gets too deep, if it does.
    fn line(&mut self, line: &str) -> Option<usize> {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if let Some(parent) = self.block_scalar {
            if content.trim().is_empty() || indent > parent {
                return None;
            }
            self.block_scalar = None;
        }
        let blank = content.trim().is_empty() || content.starts_with('#');
        if self.flow == 0 && self.quote.is_none() {
            if blank {
                return None;
            }
            while self.indents.last().is_some_and(|&top| top > indent) {
                self.indents.pop();
            }
            if self.indents.last().is_none_or(|&top| top < indent) {
                self.indents.push(indent);
            }
        }
        let block = self.indents.len();
        let mut inline = 0;
        let mut scalar_start = true;
        let mut previous = ' ';
        // Where the last node on the line starts: a block scalar's lines are indented past it.
        let mut node = indent;
        let mut chars = content.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map_or(' ', |&(_, n)| n);
            if let Some(quote) = self.quote {
                if c == '\\' && quote == '"' {
                    chars.next();
                } else if c == quote {
                    if quote == '\'' && next == '\'' {
                        chars.next();
                    } else {
                        self.quote = None;
                        scalar_start = false;
                    }
                }
                previous = c;
                continue;
            }
            let deeper = match c {
                '#' if previous == ' ' || previous == '\t' => break,
                '[' | '{' if scalar_start || self.flow > 0 => {
                    self.flow += 1;
                    scalar_start = true;
                    true
                }
                ']' | '}' if self.flow > 0 => {
                    self.flow -= 1;
                    false
                }
                ',' if self.flow > 0 => {
                    scalar_start = true;
                    false
                }
                '"' | '\'' if scalar_start => {
                    self.quote = Some(c);
                    node = indent + at;
                    false
                }
                '-' | '?' if scalar_start && self.flow == 0 && next == ' ' => {
                    inline += 1;
                    node = indent + at;
                    true
                }
                ':' if next == ' ' || next == '\t' => {
                    scalar_start = true;
                    false
                }
                '|' | '>' if scalar_start && self.flow == 0 => {
                    self.block_scalar = Some(node);
                    break;
                }
                ' ' | '\t' => false,
                _ => {
                    if scalar_start {
                        node = indent + at;
                    }
                    scalar_start = false;
                    false
                }
            };
            if deeper && block + inline + self.flow > MAX_DEPTH {
                return Some(line[..indent + at].chars().count() + 1);
            }
            previous = c;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where a file gets too deep, if it does.
    type Position = Option<(usize, usize)>;

    #[test]
    fn nesting_rows() {
        let deep_flow = format!("- id: a\n  aliases: {}{}\n", "[".repeat(40), "]".repeat(40));
        let deep_block: String = (0..40)
            .map(|i| format!("{}- \n", " ".repeat(2 * i)))
            .collect();
        let deep_inline = format!("{}x\n", "- ".repeat(40));
        let quoted = format!(
            "- name: \"{}\"\n  notes: '{}'\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        let comment = format!("- id: a # {}\n", "[".repeat(100));
        let block_scalar = format!(
            "- notes: |\n{}\n  id: a\n",
            (0..40)
                .map(|i| format!("{}x", " ".repeat(4 + i)))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let plain = format!("- name: a{}\n", "[".repeat(100));
        let rows: [(&str, &str, Position); 8] = [
            (
                "a normal file",
                "entities:\n  - id: a\n    aliases:\n      - text: x\n        when: cue\n",
                None,
            ),
            ("deep flow", &deep_flow, Some((2, 42))),
            ("deep block", &deep_block, Some((32, 63))),
            ("deep inline", &deep_inline, Some((1, 63))),
            ("brackets in quotes", &quoted, None),
            ("brackets in a comment", &comment, None),
            ("a block scalar's indentation", &block_scalar, None),
            ("brackets inside a plain scalar", &plain, None),
        ];
        for (name, text, expected) in rows {
            assert_eq!(too_deep(text), expected, "{name}");
        }
    }

    #[test]
    fn shipped_gazetteers_are_shallow() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut files = Vec::new();
        for sub in ["", "curated", "generated"] {
            for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "yml") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 5);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(too_deep(&text), None, "{}", path.display());
        }
    }
}
