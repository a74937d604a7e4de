//! The YAML layer: a gazetteer file parsed into a tree that keeps the position of every node, then
//! turned into records field by field, so that every problem is reported at once and where it is.
//!
//! The tree comes from `marked-yaml` (on `yaml-rust2`, both maintained; serde_yaml is archived and
//! gives no positions for values). Each field of an entity is converted on its own: a value of the
//! wrong type is reported at the value, an unknown key at the key, a missing field at the entity's
//! `- `, an alias at its item, and the other fields are still read and checked. Fields that failed are
//! listed so that the checks after them do not report them again.
//!
//! Scalars are read as written: `name: 123` is the name "123". An unquoted empty value, `~` or
//! `null` is no value.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode, MarkedSequenceNode};
use marked_yaml::{LoadError, LoaderOptions, Node};

use crate::error::Diagnostic;

use super::limits;
use super::load::{Block, ParsedEntity, ParsedFile, Position, Positions, SourceText};
use super::schema::{AliasRecord, Category, EntityRecord, GivenRecord, When};

/// Parses a YAML gazetteer file, adding every problem to `diagnostics`.
pub(crate) fn parse(source: &Arc<SourceText>, diagnostics: &mut Vec<Diagnostic>) -> ParsedFile {
    let text = &source.text;
    let mut reader = Reader {
        path: &source.path,
        diagnostics,
    };
    // The parser takes time quadratic in the nesting depth: measure it first.
    if let Some(at) = limits::too_deep(text) {
        let message = format!(
            "nested deeper than {} levels (a gazetteer needs 5 at most)",
            limits::MAX_DEPTH
        );
        reader.error(at, message);
        return ParsedFile::default();
    }
    let significant = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---");
    let Some(first) = significant else {
        return ParsedFile::default();
    };
    let options = LoaderOptions::default().error_on_duplicate_keys(true);
    let options = if first.starts_with('-') || first.starts_with('[') {
        options.toplevel_sequence()
    } else {
        options.toplevel_mapping()
    };
    let tree = match marked_yaml::parse_yaml_with_options(0, &**text, options) {
        Ok(tree) => tree,
        Err(e) => {
            let (at, message) = load_error(text, &e);
            reader.error(at, message);
            return ParsedFile::default();
        }
    };
    let lines = LineStarts::new(text);
    let mut file = ParsedFile::default();
    let entities = match &tree {
        Node::Sequence(items) => Some(items),
        Node::Mapping(map) => reader.file_map(map, &mut file),
        Node::Scalar(scalar) => {
            let message =
                "expected a list of entities or a map of `types`, `cues`, `names` and `entities`";
            reader.error(start(scalar.span()), message.to_owned());
            None
        }
    };
    if let Some(items) = entities {
        file.entities = reader.entities(source, &lines, items);
    }
    file
}

/// The byte offset where each line starts, to cut an entity's block out of the text.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> LineStarts {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        LineStarts(starts.collect())
    }

    /// The byte offset of 1-based `line`, or the text's end.
    fn start(&self, line: usize, len: usize) -> usize {
        self.0.get(line.saturating_sub(1)).copied().unwrap_or(len)
    }
}

fn start(span: &marked_yaml::Span) -> Position {
    span.start().map_or((1, 1), |m| (m.line(), m.column()))
}

/// Where a node starts; for a block map, its first key (the parser marks a later column).
fn position(node: &Node) -> Position {
    match node {
        Node::Mapping(map) => first_key(map),
        other => start(other.span()),
    }
}

/// Where a map's first key is.
fn first_key(map: &MarkedMappingNode) -> Position {
    map.iter()
        .next()
        .map_or_else(|| start(map.span()), |(key, _)| start(key.span()))
}

/// What a node is, for messages.
fn kind(node: &Node) -> &'static str {
    match node {
        Node::Scalar(_) => "a string",
        Node::Sequence(_) => "a list",
        Node::Mapping(_) => "a map",
    }
}

/// Whether a scalar is no value: unquoted empty, `~` or `null`.
fn is_null(scalar: &MarkedScalarNode) -> bool {
    scalar.may_coerce() && matches!(scalar.as_str(), "" | "~" | "null" | "Null" | "NULL")
}

/// The position and message of a parse error, with a hint for the commonest cause, a line indented
/// differently from the lines it belongs with.
fn load_error(text: &str, error: &LoadError) -> (Position, String) {
    let (marker, message) = match error {
        LoadError::ScanError(marker, scan) => (*marker, scan.info().to_owned()),
        LoadError::DuplicateKey(inner) => {
            let first = start(inner.prev_key.span());
            let message = format!(
                "duplicate key `{}` (first at line {})",
                inner.key.as_str(),
                first.0
            );
            return (start(inner.key.span()), message);
        }
        LoadError::UnexpectedAnchor(marker) => (
            *marker,
            "anchors and aliases (`&name`, `*name`) are not supported".to_owned(),
        ),
        LoadError::UnexpectedTag(marker) => {
            (*marker, "tags (`!name`) are not supported".to_owned())
        }
        LoadError::MappingKeyMustBeScalar(marker) => {
            (*marker, "a map's keys must be plain words".to_owned())
        }
        LoadError::TopLevelMustBeMapping(marker) | LoadError::TopLevelMustBeSequence(marker) => (
            *marker,
            "expected a list of entities or a map of `types`, `cues` and `entities`".to_owned(),
        ),
    };
    let at = (marker.line(), marker.column());
    (at, with_indentation_hint(text, at.0, message))
}

/// Adds a hint when the line of a syntax error, or the line before it, is indented by a number of
/// spaces that no line before it uses: the usual mistake is one space too few or too many.
fn with_indentation_hint(text: &str, line: usize, message: String) -> String {
    let lines: Vec<&str> = text.lines().take(line).collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let significant = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    for candidate in (line.saturating_sub(2)..line).rev() {
        let Some(this) = lines.get(candidate).filter(|l| significant(l)) else {
            continue;
        };
        let before: Vec<usize> = lines[..candidate]
            .iter()
            .filter(|l| significant(l))
            .map(|l| indent(l))
            .collect();
        let Some(&previous) = before.last() else {
            continue;
        };
        let this_indent = indent(this);
        let nested = this_indent == previous + 2 || this_indent == previous + 4;
        if !nested && !before.contains(&this_indent) {
            return format!(
                "{message}: line {} is indented by {this_indent} space{}, which lines up with no line \
                 before it (the line before has {previous}); keys of one map must start in the same column",
                candidate + 1,
                if this_indent == 1 { "" } else { "s" }
            );
        }
    }
    message
}

struct Reader<'a> {
    path: &'a Path,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, (line, column): Position, message: String) {
        self.diagnostics
            .push(Diagnostic::error(self.path, line, column, message));
    }

    /// Reads `types` and `cues` of a file in the map form; its entities.
    fn file_map<'n>(
        &mut self,
        map: &'n MarkedMappingNode,
        file: &mut ParsedFile,
    ) -> Option<&'n MarkedSequenceNode> {
        let mut entities = None;
        for (key, value) in map.iter() {
            match key.as_str() {
                "types" => {
                    for (name, at) in self.strings(value, "types") {
                        file.types.push(name);
                        file.type_positions.push(at);
                    }
                }
                "cues" => self.cues(value, file),
                "names" => self.names(value, file),
                "entities" => match value {
                    Node::Sequence(items) => entities = Some(items),
                    Node::Scalar(s) if is_null(s) => {}
                    other => {
                        let message = format!("`entities` must be a list, not {}", kind(other));
                        self.error(position(other), message);
                    }
                },
                other => {
                    let message = format!(
                        "unknown field `{other}`, expected one of `types`, `cues`, `names`, `entities`"
                    );
                    self.error(start(key.span()), message);
                }
            }
        }
        entities
    }

    /// The `names:` section: word lists of the person-name grammar, each a list of strings, given
    /// names also as `{text, common}` maps.
    fn names(&mut self, value: &Node, file: &mut ParsedFile) {
        let map = match value {
            Node::Mapping(map) => map,
            Node::Scalar(s) if is_null(s) => return,
            other => {
                let message = format!("`names` must be a map of word lists, not {}", kind(other));
                self.error(position(other), message);
                return;
            }
        };
        let names = &mut file.names;
        for (key, words) in map.iter() {
            let list = match key.as_str() {
                "given" => {
                    self.given_names(words, &mut names.given);
                    continue;
                }
                "titles" => &mut names.titles,
                "nationalities" => &mut names.nationalities,
                "speech_verbs" => &mut names.speech_verbs,
                "kunya" => &mut names.kunya,
                "links" => &mut names.links,
                "excluded_heads" => &mut names.excluded_heads,
                "stop" => &mut names.stop,
                other => {
                    let message = format!(
                        "unknown field `{other}` in `names`, expected one of `given`, `titles`, \
                         `nationalities`, `speech_verbs`, `kunya`, `links`, `excluded_heads`, `stop`"
                    );
                    self.error(start(key.span()), message);
                    continue;
                }
            };
            let what = format!("names.{}", key.as_str());
            list.extend(self.strings(words, &what).into_iter().map(|(w, _)| w));
        }
    }

    /// Given names: strings, or `{text, common}` maps for names that are everyday words too.
    fn given_names(&mut self, node: &Node, out: &mut Vec<GivenRecord>) {
        let Node::Sequence(items) = node else {
            let plain = self.strings(node, "names.given");
            out.extend(plain.into_iter().map(|(text, _)| GivenRecord {
                text,
                common: false,
            }));
            return;
        };
        for item in items.iter() {
            match item {
                Node::Scalar(s) => out.push(GivenRecord {
                    text: s.as_str().to_owned(),
                    common: false,
                }),
                Node::Mapping(map) => {
                    let mut text = None;
                    let mut common = false;
                    for (key, value) in map.iter() {
                        match (key.as_str(), value) {
                            ("text", Node::Scalar(s)) => text = Some(s.as_str().to_owned()),
                            ("common", Node::Scalar(s))
                                if matches!(s.as_str(), "true" | "false") =>
                            {
                                common = s.as_str() == "true";
                            }
                            ("text" | "common", other) => {
                                let message = format!(
                                    "`{}` of a given name must be {}, not {}",
                                    key.as_str(),
                                    if key.as_str() == "text" {
                                        "a string"
                                    } else {
                                        "true or false"
                                    },
                                    kind(other)
                                );
                                self.error(position(other), message);
                            }
                            (other, _) => {
                                let message = format!(
                                    "unknown field `{other}` in a given name, expected `text` or `common`"
                                );
                                self.error(start(key.span()), message);
                            }
                        }
                    }
                    match text {
                        Some(text) => out.push(GivenRecord { text, common }),
                        None => {
                            let message = "a given name needs `text`".to_owned();
                            self.error(first_key(map), message);
                        }
                    }
                }
                Node::Sequence(_) => {
                    let message = "an item of `names.given` must be a name or a map, not a list";
                    self.error(position(item), message.to_owned());
                }
            }
        }
    }

    fn cues(&mut self, value: &Node, file: &mut ParsedFile) {
        let map = match value {
            Node::Mapping(map) => map,
            Node::Scalar(s) if is_null(s) => return,
            other => {
                let message = format!(
                    "`cues` must be a map from a type to its cue words, not {}",
                    kind(other)
                );
                self.error(position(other), message);
                return;
            }
        };
        for (label, words) in map.iter() {
            let read = self.strings(words, &format!("cues of {}", label.as_str()));
            let (words, positions) = read.into_iter().unzip();
            file.cues.push((label.as_str().to_owned(), words));
            file.cue_positions.push((start(label.span()), positions));
        }
    }

    /// A list of strings (a single string or nothing also do), each with its position.
    fn strings(&mut self, node: &Node, what: &str) -> Vec<(String, Position)> {
        match node {
            Node::Scalar(s) if is_null(s) => Vec::new(),
            Node::Scalar(s) => vec![(s.as_str().to_owned(), start(s.span()))],
            Node::Sequence(items) => items
                .iter()
                .filter_map(|item| match item {
                    Node::Scalar(s) => Some((s.as_str().to_owned(), start(s.span()))),
                    other => {
                        let message =
                            format!("an item of `{what}` must be a string, not {}", kind(other));
                        self.error(position(other), message);
                        None
                    }
                })
                .collect(),
            Node::Mapping(_) => {
                let message = format!("`{what}` must be a list of strings, not a map");
                self.error(position(node), message);
                Vec::new()
            }
        }
    }

    fn entities(
        &mut self,
        source: &Arc<SourceText>,
        lines: &LineStarts,
        items: &MarkedSequenceNode,
    ) -> Vec<ParsedEntity> {
        let len = source.text.len();
        // An item's block runs from its first line to the next item's.
        let first_lines: Vec<usize> = items.iter().map(item_line).collect();
        let mut entities = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let line = first_lines[index];
            let end = first_lines
                .get(index + 1)
                .map_or(len, |&next| lines.start(next, len));
            let bytes: Range<usize> = lines.start(line, len)..end.max(lines.start(line, len));
            let Node::Mapping(map) = item else {
                let message = format!("an entity must be a map of fields, not {}", kind(item));
                self.error(position(item), message);
                continue;
            };
            let mut positions = Positions::default();
            let mut bad_fields = Vec::new();
            let record = self.entity(map, &mut positions, &mut bad_fields);
            let block = Block {
                source: Arc::clone(source),
                line,
                bytes,
                positions: Some(Arc::new(positions)),
            };
            entities.push(ParsedEntity {
                record,
                block,
                bad_fields,
            });
        }
        entities
    }

    /// Reads one entity's fields, each on its own.
    fn entity(
        &mut self,
        map: &MarkedMappingNode,
        positions: &mut Positions,
        bad: &mut Vec<&'static str>,
    ) -> EntityRecord {
        let mut record = EntityRecord::default();
        let id = map
            .get_scalar("id")
            .map_or_else(|| "?".to_owned(), |s| s.as_str().to_owned());
        let mut seen = Vec::new();
        for (key, value) in map.iter() {
            let name = key.as_str();
            positions
                .keys
                .push((name.to_owned(), start(key.span()), position(value)));
            let Some(&field) = FIELDS.iter().find(|f| **f == name) else {
                let message = format!(
                    "unknown field `{name}` in entity \"{id}\", expected one of {}",
                    FIELDS.map(|f| format!("`{f}`")).join(", ")
                );
                self.error(start(key.span()), message);
                continue;
            };
            seen.push(field);
            if let Err(message) = set_field(&mut record, field, value, positions, self, &id) {
                self.error(position(value), message);
                bad.push(field);
            }
        }
        for field in ["id", "type", "name", "name_en"] {
            if !seen.contains(&field) {
                let message = format!("missing field `{field}` in entity \"{id}\"");
                self.error(first_key(map), message);
                bad.push(field);
            }
        }
        record
    }
}

/// The fields of an entity, in the order of `gazetteers/README.md`.
const FIELDS: [&str; 20] = [
    "id",
    "type",
    "name",
    "name_en",
    "aliases",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "geonames",
    "wikidata",
    "parent",
    "affiliation",
    "successor",
    "category",
    "active",
    "notes",
    "sources",
];

/// The line of an entity item's `- `: the line of its first key, for a map.
fn item_line(item: &Node) -> usize {
    position(item).0
}

/// A string value: a scalar; `None` for no value.
fn string(value: &Node, field: &str, id: &str) -> Result<Option<String>, String> {
    match value {
        Node::Scalar(s) if is_null(s) => Ok(None),
        Node::Scalar(s) => Ok(Some(s.as_str().to_owned())),
        other => Err(format!(
            "`{field}` of \"{id}\" must be a string, not {}",
            kind(other)
        )),
    }
}

fn required(value: &Node, field: &str, id: &str) -> Result<String, String> {
    string(value, field, id)?.ok_or_else(|| format!("`{field}` of \"{id}\" has no value"))
}

/// A number value, parsed; `expected` says what one looks like.
fn number<T: std::str::FromStr>(
    value: &Node,
    field: &str,
    id: &str,
    expected: &str,
) -> Result<Option<T>, String> {
    let Some(text) = string(value, field, id).map_err(|_| {
        format!(
            "`{field}` of \"{id}\" must be {expected}, not {}",
            kind(value)
        )
    })?
    else {
        return Ok(None);
    };
    text.trim()
        .parse()
        .map(Some)
        .map_err(|_| format!("`{field}` \"{text}\" of \"{id}\" is not {expected}"))
}

fn string_list(value: &Node, field: &str, id: &str) -> Result<Vec<String>, String> {
    match value {
        Node::Scalar(s) if is_null(s) => Ok(Vec::new()),
        Node::Sequence(items) => items
            .iter()
            .map(|item| string(item, field, id).map(Option::unwrap_or_default))
            .collect(),
        other => Err(format!(
            "`{field}` of \"{id}\" must be a list of strings, not {}",
            kind(other)
        )),
    }
}

fn set_field(
    record: &mut EntityRecord,
    field: &'static str,
    value: &Node,
    positions: &mut Positions,
    reader: &mut Reader<'_>,
    id: &str,
) -> Result<(), String> {
    const DEGREES: &str = "decimal degrees such as 34.45";
    match field {
        "id" => record.id = required(value, field, id)?,
        "type" => record.label = required(value, field, id)?,
        "name" => record.name = required(value, field, id)?,
        "name_en" => record.name_en = required(value, field, id)?,
        "aliases" => record.aliases = aliases(value, positions, reader, id)?,
        "country" => record.country = string(value, field, id)?,
        "admin1" => record.admin1 = string(value, field, id)?,
        "admin2" => record.admin2 = string(value, field, id)?,
        "lat" => record.lat = number(value, field, id, DEGREES)?,
        "lon" => record.lon = number(value, field, id, DEGREES)?,
        "population" => record.population = number(value, field, id, "a whole number")?,
        "geonames" => {
            let expected = "a GeoNames id, digits only, such as 174448";
            record.geonames = number(value, field, id, expected)?;
        }
        "wikidata" => record.wikidata = string(value, field, id)?,
        "parent" => record.parent = string(value, field, id)?,
        "affiliation" => record.affiliation = string_list(value, field, id)?,
        "successor" => record.successor = string(value, field, id)?,
        "category" => {
            record.category = match string(value, field, id)? {
                None => None,
                Some(text) => Some(category(&text).ok_or_else(|| {
                    format!(
                        "unknown category \"{text}\" of \"{id}\", expected one of state-forces, \
                         rebel-group, political-militia, identity-militia, external-forces"
                    )
                })?),
            }
        }
        "active" => record.active = string(value, field, id)?,
        "notes" => record.notes = string(value, field, id)?,
        "sources" => record.sources = string_list(value, field, id)?,
        _ => unreachable!("every field of FIELDS has an arm"),
    }
    Ok(())
}

fn category(text: &str) -> Option<Category> {
    Some(match text {
        "state-forces" => Category::StateForces,
        "rebel-group" => Category::RebelGroup,
        "political-militia" => Category::PoliticalMilitia,
        "identity-militia" => Category::IdentityMilitia,
        "external-forces" => Category::ExternalForces,
        _ => return None,
    })
}

/// The aliases: each a string or a map with `text` and `when`. A bad item is reported at the item
/// and skipped; the others are kept.
fn aliases(
    value: &Node,
    positions: &mut Positions,
    reader: &mut Reader<'_>,
    id: &str,
) -> Result<Vec<AliasRecord>, String> {
    let items = match value {
        Node::Scalar(s) if is_null(s) => return Ok(Vec::new()),
        Node::Sequence(items) => items,
        other => {
            return Err(format!(
                "`aliases` of \"{id}\" must be a list, not {}",
                kind(other)
            ));
        }
    };
    let mut aliases = Vec::with_capacity(items.len());
    for item in items.iter() {
        let at = position(item);
        match alias(item, reader, id) {
            Ok(alias) => {
                aliases.push(alias);
                positions.aliases.push(at);
            }
            Err(message) => reader.error(at, message),
        }
    }
    Ok(aliases)
}

fn alias(item: &Node, reader: &mut Reader<'_>, id: &str) -> Result<AliasRecord, String> {
    let map = match item {
        Node::Scalar(s) => {
            return Ok(AliasRecord {
                text: if is_null(s) { "" } else { s.as_str() }.to_owned(),
                when: When::Always,
            });
        }
        Node::Mapping(map) => map,
        Node::Sequence(_) => {
            return Err(format!(
                "an alias of \"{id}\" must be a string or a map with `text` and `when`, not a list"
            ));
        }
    };
    let mut text = None;
    let mut rule = When::Always;
    for (key, value) in map.iter() {
        match key.as_str() {
            "text" => text = Some(required(value, "text", id)?),
            "when" => {
                let written = required(value, "when", id)?;
                rule = When::from_name(&written).ok_or_else(|| {
                    let known: Vec<&str> = When::ALL.iter().map(|when| when.as_str()).collect();
                    format!(
                        "unknown rule `when: {written}` in an alias of \"{id}\", expected one of {}",
                        known.join(", ")
                    )
                })?;
            }
            other => reader.error(
                start(key.span()),
                format!(
                    "unknown field `{other}` in an alias of \"{id}\", expected `text` or `when`"
                ),
            ),
        }
    }
    let text = text.ok_or_else(|| format!("an alias of \"{id}\" has no `text`"))?;
    Ok(AliasRecord { text, when: rule })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse time of the shipped YAML (about 9 MB) with this layer and with serde_yaml, for the
    /// record: `cargo test --release -- --ignored yaml_parse_time --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check"]
    fn yaml_parse_time() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
        let mut texts = Vec::new();
        for sub in ["curated", "generated"] {
            for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
                let path = entry.unwrap().path();
                texts.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
            }
        }
        let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
        let started = std::time::Instant::now();
        let mut entities = 0;
        for (path, text) in &texts {
            let source = Arc::new(SourceText {
                path: path.clone(),
                text: Arc::from(text.as_str()),
                json: None,
            });
            let mut diagnostics = Vec::new();
            entities += parse(&source, &mut diagnostics).entities.len();
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
        }
        let marked = started.elapsed();
        let started = std::time::Instant::now();
        for (_, text) in &texts {
            let _: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
        }
        let serde = started.elapsed();
        eprintln!(
            "{bytes} bytes, {entities} entities: marked-yaml and records {marked:?}, serde_yaml to a tree {serde:?}"
        );
    }
}
