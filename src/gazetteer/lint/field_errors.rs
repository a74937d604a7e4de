//! Wording and position for the loader's errors about a field's value.
//!
//! Entities are deserialised from a parsed YAML tree, one at a time, and serde_yaml then reports a
//! value of the wrong type (`geonames: "abc"`) as `invalid type: string "abc", expected u64`: no field
//! name, no position, so the loader puts it on the entity's first line. This pass finds the field in
//! the entity's lines (the keys that can hold the expected type, and among them the one holding the
//! value the message quotes) and says what is wrong in the gazetteer's terms. A message it cannot
//! place is left as the loader wrote it.

use std::path::Path;

use crate::error::Diagnostic;

/// Keys whose values are numbers, with what a valid value looks like.
const NUMBER_KEYS: [(&str, &str); 4] = [
    ("geonames", "a GeoNames id, digits only, such as 174448"),
    ("population", "a whole number"),
    ("lat", "decimal degrees such as 34.45"),
    ("lon", "decimal degrees such as 40.91"),
];

/// Keys whose values are strings.
const STRING_KEYS: [&str; 13] = [
    "id",
    "type",
    "name",
    "name_en",
    "country",
    "admin1",
    "admin2",
    "wikidata",
    "parent",
    "successor",
    "active",
    "notes",
    "text",
];

/// Keys whose values are lists.
const LIST_KEYS: [&str; 3] = ["aliases", "affiliation", "sources"];

/// Rewrites, in place, the field errors among `diagnostics` that belong to the file `path` with
/// text `text`.
pub(in crate::gazetteer) fn locate_field_errors(
    path: &Path,
    text: &str,
    diagnostics: &mut [Diagnostic],
) {
    let mut lines: Option<Vec<&str>> = None;
    for diagnostic in diagnostics
        .iter_mut()
        .filter(|d| d.path == path && d.column == 1)
    {
        let Some(problem) = Problem::parse(&diagnostic.message) else {
            continue;
        };
        let lines = lines.get_or_insert_with(|| text.lines().collect());
        let Some(fields) = item_fields(lines, diagnostic.line) else {
            continue;
        };
        if let Some(field) = problem.field(&fields) {
            let id = fields.iter().find(|f| f.key == "id").map(|f| f.value);
            diagnostic.message = problem.message(field, id, &diagnostic.message);
            diagnostic.line = field.line;
            diagnostic.column = field.column;
        }
    }
}

/// What serde_yaml's message says was found and expected.
#[derive(Debug, PartialEq)]
struct Problem<'m> {
    /// The value found, when the message quotes it.
    found: Option<&'m str>,
    /// Whether the found value is a string.
    found_string: bool,
    /// The keys that could hold the expected type.
    keys: Vec<&'static str>,
}

impl<'m> Problem<'m> {
    /// Reads `invalid type: …, expected …`, `invalid value: …` and `unknown variant …`.
    fn parse(message: &'m str) -> Option<Problem<'m>> {
        if let Some(rest) = message.strip_prefix("unknown variant `") {
            let (value, expected) = rest.split_once('`')?;
            let keys = if expected.contains("`cue`") {
                vec!["when"]
            } else if expected.contains("`rebel-group`") {
                vec!["category"]
            } else {
                return None;
            };
            return Some(Problem {
                found: Some(value),
                found_string: true,
                keys,
            });
        }
        let rest = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))?;
        let (unexpected, expected) = rest.rsplit_once(", expected ")?;
        let keys: Vec<&'static str> = match expected {
            "u64" => vec!["geonames", "population"],
            "f64" => vec!["lat", "lon"],
            "a string" => STRING_KEYS.to_vec(),
            "a sequence" => LIST_KEYS.to_vec(),
            _ => return None,
        };
        let (found, found_string) = if let Some(quoted) = unexpected.strip_prefix("string ") {
            (Some(quoted.trim_matches('"')), true)
        } else {
            let quoted = unexpected
                .split_once('`')
                .and_then(|(_, rest)| rest.strip_suffix('`'));
            (quoted, false)
        };
        Some(Problem {
            found,
            found_string,
            keys,
        })
    }

    /// The field the problem is about: the candidate key holding the quoted value, or the only
    /// candidate key present.
    fn field<'f>(&self, fields: &'f [Field<'f>]) -> Option<&'f Field<'f>> {
        let candidates: Vec<&Field> = fields
            .iter()
            .filter(|f| self.keys.contains(&f.key))
            .collect();
        if let Some(found) = self.found
            && let Some(field) = candidates.iter().find(|f| f.value == found)
        {
            return Some(field);
        }
        match candidates.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    fn message(&self, field: &Field<'_>, id: Option<&str>, original: &str) -> String {
        let of_id = id.map(|id| format!(" of \"{id}\"")).unwrap_or_default();
        let key = field.key;
        let hint = NUMBER_KEYS.iter().find(|(k, _)| *k == key).map(|(_, h)| *h);
        match (hint, self.found) {
            (Some(_), Some(value)) if self.found_string && value.trim().parse::<f64>().is_ok() => {
                format!("{key} \"{value}\"{of_id} is quoted: write the number without quotes")
            }
            (Some(hint), Some(value)) if self.found_string => {
                format!("{key} \"{value}\"{of_id} is not a number: expected {hint}")
            }
            (Some(hint), Some(value)) => {
                format!("{key} {value}{of_id} is not valid: expected {hint}")
            }
            _ => format!("{key}{of_id}: {original}"),
        }
    }
}

/// A `key: value` line of an entity.
#[derive(Debug)]
struct Field<'t> {
    key: &'t str,
    /// The value without quotes or trailing comment.
    value: &'t str,
    /// 1-based line and character column of the key.
    line: usize,
    column: usize,
}

/// The `key: value` lines of the list item that starts at 1-based line `line`: its first line and the
/// lines indented deeper than its `- `, nested ones (an alias's `when:`) included.
fn item_fields<'t>(lines: &[&'t str], line: usize) -> Option<Vec<Field<'t>>> {
    let first = lines.get(line.checked_sub(1)?)?;
    let item_indent = first.len() - first.trim_start_matches(' ').len();
    if !first[item_indent..].starts_with('-') {
        return None;
    }
    let mut fields = Vec::new();
    for (idx, text) in lines.iter().enumerate().skip(line - 1) {
        let trimmed = text.trim_start_matches(' ');
        let indent = text.len() - trimmed.len();
        let blank = trimmed.trim().is_empty() || trimmed.starts_with('#');
        if idx >= line && !blank && indent <= item_indent {
            break;
        }
        let content = trimmed.trim_start_matches("- ").trim_start();
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            continue;
        }
        let value = value.trim();
        let value = match value.find(" #") {
            Some(at) if !value.starts_with(['"', '\'']) => value[..at].trim_end(),
            _ => value,
        };
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        let key_byte = text.len() - content.len();
        fields.push(Field {
            key,
            value,
            line: idx + 1,
            column: text[..key_byte].chars().count() + 1,
        });
    }
    Some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(yaml: &str, message: &str) -> Diagnostic {
        let path = Path::new("t.yml");
        let mut diagnostics = vec![Diagnostic::error(path, 1, 1, message.to_owned())];
        locate_field_errors(path, yaml, &mut diagnostics);
        diagnostics.pop().expect("one diagnostic")
    }

    #[test]
    fn field_errors_are_located_and_explained() {
        let entity = "- id: x:a\n  type: PLACE\n  name: حلب\n  name_en: Aleppo\n";
        let rows = [
            (
                "geonames not a number",
                "  geonames: abc\n",
                "invalid type: string \"abc\", expected u64",
                (
                    5,
                    3,
                    "geonames \"abc\" of \"x:a\" is not a number: expected a GeoNames id, digits only, such as 174448",
                ),
            ),
            (
                "geonames quoted",
                "  geonames: \"174448\"  # from the dump\n",
                "invalid type: string \"174448\", expected u64",
                (
                    5,
                    3,
                    "geonames \"174448\" of \"x:a\" is quoted: write the number without quotes",
                ),
            ),
            (
                "negative population",
                "  lat: 1.5\n  population: -5\n",
                "invalid value: integer `-5`, expected u64",
                (
                    6,
                    3,
                    "population -5 of \"x:a\" is not valid: expected a whole number",
                ),
            ),
            (
                "lon as a word, lat fine",
                "  lat: 34.4\n  lon: east\n",
                "invalid type: string \"east\", expected f64",
                (
                    6,
                    3,
                    "lon \"east\" of \"x:a\" is not a number: expected decimal degrees such as 40.91",
                ),
            ),
            (
                "wikidata as a number",
                "  wikidata: 170017\n",
                "invalid type: integer `170017`, expected a string",
                (
                    5,
                    3,
                    "wikidata of \"x:a\": invalid type: integer `170017`, expected a string",
                ),
            ),
            (
                "unknown rule of an alias",
                "  aliases:\n    - text: س\n      when: sometimes\n",
                "unknown variant `sometimes`, expected one of `always`, `cue`, `document`, `cue-or-document`",
                (
                    7,
                    7,
                    "when of \"x:a\": unknown variant `sometimes`, expected one of `always`, `cue`, `document`, `cue-or-document`",
                ),
            ),
            (
                "unplaceable message left alone",
                "  geonames: 1\n",
                "missing field `name_en`",
                (1, 1, "missing field `name_en`"),
            ),
        ];
        for (name, tail, message, (line, column, expected)) in rows {
            let d = located(
                &format!("{entity}{tail}\n- id: x:b\n  geonames: x\n"),
                message,
            );
            assert_eq!(
                (d.line, d.column, d.message.as_str()),
                (line, column, expected),
                "{name}"
            );
        }
    }
}
