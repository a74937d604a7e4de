//! Reading gazetteer files and turning them into located records.
//!
//! YAML goes through [`super::yaml`], which keeps the position of every node and reads each field
//! on its own, so that every problem of a file is reported at once where it is. The embedded files
//! come as JSON converted at build time (fast start-up); a plain list (`.lst`) is read line by line.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Diagnostic, Error, Result};

use super::schema::{EntityRecord, FileRecord, NamesRecord};
use super::{limits, yaml};

/// A gazetteer file's text and the name it is reported under.
#[derive(Clone, Debug)]
pub(crate) struct SourceText {
    pub(crate) path: PathBuf,
    pub(crate) text: Arc<str>,
    /// The same tree as JSON, converted at build time for the embedded files (see `build.rs`).
    pub(crate) json: Option<&'static str>,
}

/// An entity record and where it came from.
#[derive(Debug)]
pub(crate) struct ParsedEntity {
    pub(crate) record: EntityRecord,
    pub(crate) block: Block,
    /// The fields whose values could not be read (already reported): checks of them are skipped.
    pub(crate) bad_fields: Vec<&'static str>,
}

/// A 1-based line and column.
pub(crate) type Position = (usize, usize);

/// Where the keys, values and alias items of an entity read from YAML are.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    /// Each key with its position and its value's.
    pub(crate) keys: Vec<(String, Position, Position)>,
    /// Each alias item that was read, in the order of the record's aliases.
    pub(crate) aliases: Vec<Position>,
}

/// Where an entity's item sits in its file.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub(crate) source: Arc<SourceText>,
    /// 1-based line of the item's `- `.
    pub(crate) line: usize,
    /// The item's block in the file's text, from the start of its first line.
    pub(crate) bytes: Range<usize>,
    /// The positions the YAML layer recorded; `None` for JSON and plain lists, whose positions are
    /// found by scanning the block.
    pub(crate) positions: Option<Arc<Positions>>,
}

impl Block {
    pub(crate) fn path(&self) -> &Path {
        &self.source.path
    }

    /// The diagnostic position of `key:` in this entity's block, or of the block itself.
    pub(crate) fn key_position(&self, key: &str) -> (usize, usize) {
        if let Some(positions) = &self.positions {
            return positions
                .keys
                .iter()
                .find(|(k, _, _)| k == key)
                .map_or((self.line, 1), |&(_, at, _)| at);
        }
        self.find_in_block(|line| key_column(line, key))
            .unwrap_or((self.line, 1))
    }

    /// The diagnostic position of the `index`th alias, whose text is `alias`.
    pub(crate) fn alias_item_position(&self, index: usize, alias: &str) -> (usize, usize) {
        match self.positions.as_ref().and_then(|p| p.aliases.get(index)) {
            Some(&at) => at,
            None => self.alias_position(alias),
        }
    }

    /// The diagnostic position of an alias's text in this entity's block, or of `aliases:`.
    pub(crate) fn alias_position(&self, alias: &str) -> (usize, usize) {
        if !alias.trim().is_empty() {
            let found = self.find_in_block(|line| {
                let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
                let value = ["text:", "name:"]
                    .iter()
                    .find_map(|key| trimmed.strip_prefix(key))
                    .map_or(trimmed, str::trim_start);
                let value = value.trim_matches(|c| c == '"' || c == '\'');
                (value == alias).then(|| char_column(line, line.len() - trimmed.len()))
            });
            if let Some(position) = found {
                return position;
            }
        }
        self.key_position("aliases")
    }

    fn find_in_block(
        &self,
        mut column_of: impl FnMut(&str) -> Option<usize>,
    ) -> Option<(usize, usize)> {
        self.source.text[self.bytes.clone()]
            .lines()
            .enumerate()
            .find_map(|(idx, line)| column_of(line).map(|col| (self.line + idx, col)))
    }
}

/// What one file declares.
#[derive(Debug, Default)]
pub(crate) struct ParsedFile {
    pub(crate) path: PathBuf,
    pub(crate) types: Vec<String>,
    /// Where each type is declared, when known (as many as `types`, or none).
    pub(crate) type_positions: Vec<Position>,
    pub(crate) cues: Vec<(String, Vec<String>)>,
    /// Where each type's cues are, and each cue word, when known (as many as `cues`, or none).
    pub(crate) cue_positions: Vec<(Position, Vec<Position>)>,
    /// Words of the person-name grammar.
    pub(crate) names: NamesRecord,
    /// The entities of a YAML or JSON file.
    pub(crate) entities: Vec<ParsedEntity>,
    /// The entities of a plain list, made one at a time by [`ParsedFile::into_entities`]: a list of
    /// 100,000 names held as full records at once would double the memory that loading takes.
    list: Option<ListEntities>,
}

impl ParsedFile {
    /// Every entity of the file, in file order.
    pub(crate) fn into_entities(self) -> impl Iterator<Item = ParsedEntity> {
        self.entities
            .into_iter()
            .chain(self.list.into_iter().flatten())
    }
}

/// Adds the gazetteer files at `path` to `out`: the file itself, or every `*.yml`/`*.yaml`/`*.lst` file
/// below a directory, in sorted order so that loading is deterministic.
///
/// # Errors
///
/// An I/O error naming the path when it cannot be read, or when it is neither a file nor a directory.
pub(crate) fn read_path(path: &Path, out: &mut Vec<SourceText>) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        let mut files = Vec::new();
        collect_yaml_files(path, &mut files)?;
        files.sort();
        for file in files {
            read_file(&file, out)?;
        }
        Ok(())
    } else {
        read_file(path, out)
    }
}

fn collect_yaml_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            collect_yaml_files(&path, files)?;
        } else if is_gazetteer_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_gazetteer_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yml" | "yaml")
    )
}

fn read_file(path: &Path, out: &mut Vec<SourceText>) -> Result<()> {
    let is_list = path.extension().is_some_and(|e| e == "lst");
    let limit = if is_list {
        limits::MAX_LIST_BYTES
    } else {
        limits::MAX_YAML_BYTES
    };
    let len = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    if len > limit {
        let message = format!(
            "gazetteer file of {len} bytes: at most {} MiB; split it into several files",
            limit >> 20
        );
        return Err(Error::gazetteer(vec![Diagnostic::error(
            path, 1, 1, message,
        )]));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let message = format!("not valid UTF-8 at byte {at}");
        Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidData, message),
        )
    })?;
    out.push(SourceText {
        path: path.to_owned(),
        text: text.into(),
        json: None,
    });
    Ok(())
}

/// Parses one file, YAML or plain list, adding every problem to `diagnostics`.
pub(crate) fn parse(source: &Arc<SourceText>, diagnostics: &mut Vec<Diagnostic>) -> ParsedFile {
    let mut parsed = if source.path.extension().is_some_and(|e| e == "lst") {
        parse_list(source)
    } else if let Some(parsed) = source.json.and_then(|json| parse_json(source, json)) {
        parsed
    } else {
        yaml::parse(source, diagnostics)
    };
    parsed.path.clone_from(&source.path);
    parsed
}

/// The fast path for embedded files: typed records straight from JSON. `None` on any problem, and the
/// YAML path then finds and locates it.
fn parse_json(source: &Arc<SourceText>, json: &str) -> Option<ParsedFile> {
    let file: FileRecord<EntityRecord> = if json.starts_with('[') {
        FileRecord {
            entities: serde_json::from_str(json).ok()?,
            ..FileRecord::default()
        }
    } else if json.starts_with('{') {
        serde_json::from_str(json).ok()?
    } else {
        FileRecord::default()
    };
    let blocks = item_blocks(&source.text, file.entities.len());
    let entities = file
        .entities
        .into_iter()
        .zip(blocks)
        .map(|(record, (line, bytes))| ParsedEntity {
            record,
            block: Block {
                source: Arc::clone(source),
                line,
                bytes,
                positions: None,
            },
            bad_fields: Vec::new(),
        })
        .collect();
    Some(ParsedFile {
        types: file.types,
        cues: file.cues.into_iter().collect(),
        names: file.names,
        entities,
        ..ParsedFile::default()
    })
}

/// A plain list (GATE's `.lst`): one name per line, each its own entity, `#` comments. The type is the
/// file's stem upper-cased (`militias.lst` → `MILITIAS`), ids are `<stem>:<line>`.
fn parse_list(source: &Arc<SourceText>) -> ParsedFile {
    let stem = source
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("list");
    let label: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    ParsedFile {
        types: vec![label.clone()],
        list: Some(ListEntities {
            source: Arc::clone(source),
            id_prefix: label.to_ascii_lowercase(),
            label,
            offset: 0,
            line: 0,
        }),
        ..ParsedFile::default()
    }
}

/// The entities of a plain list, line by line.
#[derive(Debug)]
struct ListEntities {
    source: Arc<SourceText>,
    label: String,
    id_prefix: String,
    /// Where the next line starts, and its number less one.
    offset: usize,
    line: usize,
}

impl Iterator for ListEntities {
    type Item = ParsedEntity;

    fn next(&mut self) -> Option<ParsedEntity> {
        loop {
            let rest = &self.source.text[self.offset..];
            if rest.is_empty() {
                return None;
            }
            let len = rest.find('\n').map_or(rest.len(), |newline| newline + 1);
            let bytes = self.offset..self.offset + len;
            let name = rest[..len].trim();
            self.offset += len;
            self.line += 1;
            if name.is_empty() || name.starts_with('#') {
                continue;
            }
            let id = format!("{}:{}", self.id_prefix, self.line);
            let record = EntityRecord::named(id, self.label.clone(), name);
            let block = Block {
                source: Arc::clone(&self.source),
                line: self.line,
                bytes,
                positions: None,
            };
            return Some(ParsedEntity {
                record,
                block,
                bad_fields: Vec::new(),
            });
        }
    }
}

/// The first line (1-based) and byte range of each entity item: items start at lines that open a
/// `- ` item at the indentation of the first such line (after an `entities:` key when the file has
/// one). When the scan does not find one item per entity (flow-style YAML), every entity gets line 1
/// and the whole file.
fn item_blocks(text: &str, count: usize) -> Vec<(usize, Range<usize>)> {
    let mut in_body = !text.lines().any(|l| l.starts_with("entities:"));
    let mut indent = None;
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(count);
    let mut offset = 0;
    for (idx, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        if !in_body {
            in_body = line.starts_with("entities:");
            continue;
        }
        let trimmed = line.trim_start_matches(' ');
        if !(trimmed.starts_with("- ") || trimmed.trim_end() == "-") {
            continue;
        }
        let this_indent = line.len() - trimmed.len();
        if *indent.get_or_insert(this_indent) == this_indent {
            starts.push((idx + 1, line_start));
        }
    }
    if starts.len() != count {
        return vec![(1, 0..text.len()); count];
    }
    let ends = starts
        .iter()
        .skip(1)
        .map(|&(_, start)| start)
        .chain(std::iter::once(text.len()));
    starts
        .iter()
        .zip(ends)
        .map(|(&(line, start), end)| (line, start..end))
        .collect()
}

/// The 1-based column of `key:` when `line` holds that key (possibly after `- `).
fn key_column(line: &str, key: &str) -> Option<usize> {
    let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
    let rest = trimmed.strip_prefix(key)?;
    rest.starts_with(':')
        .then(|| char_column(line, line.len() - trimmed.len()))
}

fn char_column(line: &str, byte: usize) -> usize {
    line[..byte].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::When;

    fn parse_str(text: &str) -> (ParsedFile, Vec<Diagnostic>) {
        let source = Arc::new(SourceText {
            path: "t.yml".into(),
            text: text.into(),
            json: None,
        });
        let mut diagnostics = Vec::new();
        let parsed = parse(&source, &mut diagnostics);
        (parsed, diagnostics)
    }

    #[test]
    fn syntax_error_has_position() {
        let (_, d) = parse_str("- id: a\n  name: [unclosed\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].line >= 2, "{d:?}");
    }

    #[test]
    fn unknown_field_points_at_the_key() {
        let text = "- id: a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n\n- id: b\n  type: PLACE\n  name: حمص\n  name_en: Homs\n  alises: [x]\n";
        let (parsed, d) = parse_str(text);
        // The entity is still read, so that its other fields are checked too.
        assert_eq!(parsed.entities.len(), 2);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (10, 3), "{d:?}");
        assert!(
            d[0].message.contains("unknown field `alises`"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn every_bad_entity_is_reported() {
        let text = "- id: a\n  type: PLACE\n\n- id: b\n  type: PLACE\n";
        let (_, d) = parse_str(text);
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (1, "missing field `name` in entity \"a\""),
                (1, "missing field `name_en` in entity \"a\""),
                (4, "missing field `name` in entity \"b\""),
                (4, "missing field `name_en` in entity \"b\""),
            ]
        );
    }

    #[test]
    fn alias_position_finds_plain_and_map_aliases() {
        let text = "- id: a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n  aliases:\n    - حلب الشهباء\n    - text: الشهباء\n      when: cue\n";
        let (parsed, d) = parse_str(text);
        assert!(d.is_empty(), "{d:?}");
        let entity = &parsed.entities[0].block;
        assert_eq!(entity.alias_position("حلب الشهباء"), (6, 7));
        assert_eq!(entity.alias_position("الشهباء"), (7, 7));
    }

    /// Every rule `gazetteers/README.md` documents is accepted in a hand-written file, not only in
    /// the embedded defaults (which load from their JSON form).
    #[test]
    fn every_when_rule_reads_from_yaml() {
        for rule in When::ALL {
            let name = rule.as_str();
            let text = format!(
                "- id: a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n  country: SY\n  aliases:\n    - text: الشهباء\n      when: {name}\n"
            );
            let (parsed, d) = parse_str(&text);
            assert!(d.is_empty(), "when: {name}: {d:?}");
            assert_eq!(
                parsed.entities[0].record.aliases[0].when, rule,
                "when: {name}"
            );
        }
    }

    #[test]
    fn unknown_when_rule_lists_every_known_one() {
        let text = "- id: a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n  aliases:\n    - text: الشهباء\n      when: sometimes\n";
        let (_, d) = parse_str(text);
        let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown rule `when: sometimes` in an alias of \"a\", expected one of always, cue, document, cue-or-document, country"
            ]
        );
    }

    #[test]
    fn mapping_form_declares_types_and_cues() {
        let text = "types: [MILITIA]\ncues:\n  PLACE: [مدينة]\nentities:\n  - id: a\n    type: MILITIA\n    name: س\n    name_en: S\n";
        let (parsed, d) = parse_str(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(parsed.types, ["MILITIA"]);
        assert_eq!(parsed.entities[0].block.line, 5);
    }
}
