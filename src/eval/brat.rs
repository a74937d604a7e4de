//! brat standoff gold: `<name>.ann` beside `<name>.txt`.
//!
//! Only text-bound annotations (`T` lines: `T1<TAB>LABEL START END<TAB>text`) are entities. Relations,
//! events, attributes, normalisations and notes (`R`, `E`, `A`, `M`, `N`, `#`, `*` lines) are ignored,
//! and so are the `T` lines that an `E` line uses as an event trigger, which mark events, not names.
//!
//! brat offsets count code points of the `.txt` as stored (the brat server slices Python `str`s),
//! which is rasid's `start`/`end` unit, so they are used as they are. A discontinuous span
//! (`START END;START END`) is scored by its outer extent: brat makes them for names broken across a
//! line, where the outer extent is the name; when a gap holds more than whitespace, a warning says so.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::LabeledSpan;
use super::gold::{GoldDocument, GoldError, GoldWarning, RawEntity, check_entities, read_text};

/// A text-bound annotation as written.
#[derive(Debug, PartialEq, Eq)]
struct TextBound {
    id: String,
    line: usize,
    label: String,
    /// `(start, end)` code points, in the order written.
    fragments: Vec<(usize, usize)>,
    text: String,
}

/// The entities of one `.ann` file: its `T` lines that are not event triggers.
///
/// # Errors
///
/// A [`GoldError`] naming `path:line` for a `T` line that does not have the brat form.
fn parse_ann(source: &str, name: &str) -> Result<Vec<TextBound>, GoldError> {
    let mut bounds = Vec::new();
    let mut triggers = BTreeSet::new();
    for (i, line) in source.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with('T') {
            bounds.push(parse_text_bound(line, i + 1, &format!("{name}:{}", i + 1))?);
        } else if line.starts_with('E') {
            // `E1<TAB>Attack:T2 Target:T3`: the trigger is the id after the first colon.
            let trigger = line
                .split('\t')
                .nth(1)
                .and_then(|args| args.split_whitespace().next())
                .and_then(|first| first.split_once(':'))
                .map(|(_, id)| id.to_owned());
            triggers.extend(trigger);
        }
    }
    bounds.retain(|b| !triggers.contains(&b.id));
    Ok(bounds)
}

fn parse_text_bound(line: &str, number: usize, location: &str) -> Result<TextBound, GoldError> {
    let bad_line = || GoldError::BadTextBound {
        location: location.to_owned(),
        line: line.to_owned(),
    };
    let mut fields = line.splitn(3, '\t');
    let (Some(id), Some(middle)) = (fields.next(), fields.next()) else {
        return Err(bad_line());
    };
    let text = fields.next().unwrap_or_default().to_owned();
    let (label, offsets) = middle.split_once(' ').ok_or_else(bad_line)?;
    let mut fragments = Vec::new();
    for fragment in offsets.split(';') {
        let numbers: Vec<&str> = fragment.split_whitespace().collect();
        let parsed = match numbers[..] {
            [start, end] => start.parse::<usize>().ok().zip(end.parse::<usize>().ok()),
            _ => None,
        };
        let (start, end) = parsed.ok_or_else(|| GoldError::BadOffsets {
            location: location.to_owned(),
            offsets: offsets.to_owned(),
        })?;
        fragments.push((start, end));
    }
    Ok(TextBound {
        id: id.to_owned(),
        line: number,
        label: label.to_owned(),
        fragments,
        text,
    })
}

/// Turns annotations into checkable gold entities, joining discontinuous fragments.
fn to_entities(
    bounds: Vec<TextBound>,
    text: &str,
    name: &str,
    warnings: &mut Vec<GoldWarning>,
) -> Vec<RawEntity> {
    let chars: Vec<char> = text.chars().collect();
    bounds
        .into_iter()
        .map(|b| {
            let location = format!("{name}:{}", b.line);
            let start = b.fragments.iter().map(|f| f.0).min().unwrap_or(0);
            let end = b.fragments.iter().map(|f| f.1).max().unwrap_or(0);
            let discontinuous = b.fragments.len() > 1;
            if discontinuous {
                let mut sorted = b.fragments.clone();
                sorted.sort_unstable();
                let gap_has_text = sorted.windows(2).any(|w| {
                    let (from, to) = (w[0].1.min(chars.len()), w[1].0.min(chars.len()));
                    chars
                        .get(from..to)
                        .is_some_and(|gap| gap.iter().any(|c| !c.is_whitespace()))
                });
                if gap_has_text {
                    warnings.push(GoldWarning::GapWithText {
                        location: location.clone(),
                        id: b.id.clone(),
                        start,
                        end,
                    });
                }
            }
            RawEntity {
                span: LabeledSpan::new(start, end, b.label),
                // brat joins the fragments' texts with a space, so only a continuous span's text is
                // comparable with the outer extent.
                text: (!discontinuous).then_some(b.text),
                location,
            }
        })
        .collect()
}

/// Reads brat gold: every `.ann` under a directory (recursively, in path order) or one `.ann` file,
/// each with the `.txt` of the same name beside it. A document's id is its path under the directory,
/// without the extension.
///
/// # Errors
///
/// A [`GoldError`] naming the file: no `.ann` found, a missing or unreadable `.txt`, a malformed `T`
/// line, a span outside the text.
pub fn read(path: &Path, warnings: &mut Vec<GoldWarning>) -> Result<Vec<GoldDocument>, GoldError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut found = Vec::new();
        walk(path, &mut found)?;
        found.sort();
        if found.is_empty() {
            return Err(GoldError::NoAnnFiles {
                dir: path.to_owned(),
            });
        }
        found
    } else {
        vec![path.to_owned()]
    };
    let mut documents = Vec::with_capacity(files.len());
    for ann in files {
        let name = ann.display().to_string();
        let text = read_text(&ann.with_extension("txt"))?;
        let bounds = parse_ann(&read_text(&ann)?, &name)?;
        let raw = to_entities(bounds, &text, &name, warnings);
        let entities = check_entities(&text, raw, warnings)?;
        let relative = if path.is_dir() {
            ann.strip_prefix(path).unwrap_or(&ann)
        } else {
            ann.file_name().map_or(ann.as_path(), Path::new)
        };
        let id = relative.with_extension("").to_string_lossy().into_owned();
        documents.push(GoldDocument { id, text, entities });
    }
    Ok(documents)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), GoldError> {
    let io = |source| GoldError::Io {
        path: dir.to_owned(),
        source,
    };
    let entries = std::fs::read_dir(dir).map_err(io)?;
    for entry in entries {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "ann") {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_lines_are_read_and_the_rest_ignored() {
        let ann = "T1\tPLACE 7 15\tالبوكمال\r\n\
                   T2\tAttack 0 5\tهجوم\n\
                   E1\tAttack:T2 Place:T1\n\
                   R1\tLocated Arg1:T1 Arg2:T3\n\
                   A1\tNegated T1\n\
                   #1\tAnnotatorNotes T1\tنص\n\
                   T3\tPERSON 19 23;24 31\tقاسم سليماني\n";
        let bounds = parse_ann(ann, "d.ann").unwrap();
        assert_eq!(
            bounds,
            [
                TextBound {
                    id: "T1".into(),
                    line: 1,
                    label: "PLACE".into(),
                    fragments: vec![(7, 15)],
                    text: "البوكمال".into(),
                },
                TextBound {
                    id: "T3".into(),
                    line: 7,
                    label: "PERSON".into(),
                    fragments: vec![(19, 23), (24, 31)],
                    text: "قاسم سليماني".into(),
                },
            ]
        );
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        struct Case {
            name: &'static str,
            line: &'static str,
            message: &'static str,
        }
        let cases = [
            Case {
                name: "no tab",
                line: "T1 PLACE 0 3 حلب",
                message: "d.ann:2: expected \"T1<TAB>LABEL START END<TAB>TEXT\", found \"T1 PLACE 0 3 حلب\"",
            },
            Case {
                name: "no offsets",
                line: "T1\tPLACE\tحلب",
                message: "d.ann:2: expected \"T1<TAB>LABEL START END<TAB>TEXT\", found \"T1\\tPLACE\\tحلب\"",
            },
            Case {
                name: "offset not a number",
                line: "T1\tPLACE 0 x\tحلب",
                message: "d.ann:2: offsets \"0 x\" are not START END pairs separated by ';'",
            },
            Case {
                name: "odd fragment",
                line: "T1\tPLACE 0 3;5\tحلب",
                message: "d.ann:2: offsets \"0 3;5\" are not START END pairs separated by ';'",
            },
        ];
        for case in &cases {
            let source = format!("#1\tnote\n{}\n", case.line);
            assert_eq!(
                parse_ann(&source, "d.ann").unwrap_err().to_string(),
                case.message,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn discontinuous_spans_take_the_outer_extent() {
        // "قاسم\nسليماني وحلب": a name broken by a line break, and one with a word in the gap.
        let text = "قاسم\nسليماني وحلب";
        let bounds = vec![
            TextBound {
                id: "T1".into(),
                line: 1,
                label: "PERSON".into(),
                fragments: vec![(0, 4), (5, 12)],
                text: "قاسم سليماني".into(),
            },
            TextBound {
                id: "T2".into(),
                line: 2,
                label: "PERSON".into(),
                fragments: vec![(14, 17), (0, 4)],
                text: "قاسم حلب".into(),
            },
        ];
        let mut warnings = Vec::new();
        let entities = to_entities(bounds, text, "d.ann", &mut warnings);
        let spans: Vec<(usize, usize)> = entities
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        assert_eq!(spans, [(0, 12), (0, 17)]);
        assert!(entities.iter().all(|e| e.text.is_none()));
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "d.ann:2: warning: discontinuous span T2 is scored as its outer extent 0-17, which takes in text between the fragments"
            ]
        );
    }
}
