//! `rasid tag --format html`: one self-contained page with the entities highlighted.
//!
//! The page is meant to be mailed, archived or opened from a USB stick on a machine with no
//! network, so it carries everything itself: the CSS sits in `<head>`, and there is no script, no
//! image, no link and no web font (the font stack names fonts an operating system ships with).
//! Every string that comes from the article, the path or the gazetteers is escaped, since news
//! text can hold `<`, `&` and quotes, and the page must show it, not run it.
//!
//! The layout is right to left (`<html dir="rtl" lang="ar">`). Latin strings inside the Arabic
//! flow (labels, ids, paths, counts) are wrapped in `<bdi>`, which isolates them from the bidi
//! algorithm: without it a label such as `PLACE` after a name followed by `.` or `)` can swap
//! places with that punctuation or pull a neighbouring number to the wrong side.
//!
//! Documents are written one at a time, as the other formats stream them, so each document's
//! section carries its own legend: a legend for the whole page would need every document first.
//!
//! The mark covers exactly the reported span, so the page shows the offsets the other formats
//! give. The proclitics before a name (`وب` in `وبالبوكمال`) stay outside it; the tooltip names them.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use rasid::record::MentionRecord;

/// Highlight colours as (background, accent), one CSS class `cN` each. The first entries belong to
/// the built-in types, in [`BUILT_IN`] order, so a type looks the same on every page; user types
/// share the rest (see [`colour`]). Backgrounds are light so that black text keeps its contrast.
const PALETTE: [(&str, &str); 12] = [
    ("#cfe6ff", "#1f5f9e"), // blue: PLACE
    ("#ffd5cf", "#b3261e"), // red: ARMED_GROUP
    ("#d3f2cc", "#2b7a36"), // green: PERSON
    ("#eadbff", "#6d3bb0"), // purple: ORG
    ("#ffe7b3", "#9a6200"), // amber
    ("#cdf1f1", "#0f7878"), // teal
    ("#ffd6ea", "#a8306f"), // pink
    ("#e3e9c6", "#5f6f12"), // olive
    ("#ffdcc4", "#b04a12"), // orange
    ("#d8ddff", "#3343b0"), // indigo
    ("#ecdccf", "#7a4b2c"), // brown
    ("#e2e2e2", "#4a4a4a"), // grey
];

/// The built-in entity types, which own the first colours of [`PALETTE`].
const BUILT_IN: [&str; 4] = ["PLACE", "ARMED_GROUP", "PERSON", "ORG"];

/// The stylesheet without the colour classes, which [`begin`] writes from [`PALETTE`].
const STYLE: &str = r#"
:root { color-scheme: light; }
body {
  margin: 0 auto; max-width: 60rem; padding: 1.5rem 2rem 3rem;
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New",
    "Traditional Arabic", "Geeza Pro", "Tahoma", "Segoe UI", "DejaVu Sans", sans-serif;
  background: #fdfdfb; color: #1b1b1b;
}
.page-head {
  display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0 2rem;
  border-bottom: 1px solid #ccc; margin-bottom: 1.5rem; padding-bottom: .5rem; color: #555; font-size: .9rem;
}
.page-head h1 { font-size: 1.2rem; margin: 0; color: #1b1b1b; }
.page-head p { margin: 0; }
section.doc { margin-bottom: 3rem; }
section.doc + section.doc { border-top: 2px solid #ccc; padding-top: 1.5rem; }
.doc h2 { font-size: 1rem; font-weight: normal; color: #444; margin: 0 0 .5rem; }
.doc h2 bdi { font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; }
.legend { list-style: none; margin: 0 0 1rem; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem .6rem; }
.legend li {
  background: var(--bg); border: 1px solid var(--fg); border-radius: 1rem;
  padding: .05rem .6rem; font-size: .85rem; font-family: "DejaVu Sans", "Segoe UI", sans-serif;
}
.legend .label { color: var(--fg); font-weight: bold; }
.legend .count { margin-inline-start: .35rem; }
.legend li.none { background: none; border-color: #ccc; color: #666; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font-size: 1.15rem; line-height: 2; }
mark.ent {
  background: var(--bg); color: inherit; border-radius: .2rem;
  box-shadow: inset 0 -.13em 0 var(--fg);
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark.ent:hover { outline: 2px solid var(--fg); }
.lbl {
  color: var(--fg); font-family: "DejaVu Sans", "Segoe UI", sans-serif; font-size: .55em;
  font-weight: bold; letter-spacing: .02em; vertical-align: .15em;
  margin-inline-start: .3em; margin-inline-end: .15em; user-select: none;
}
details.index { margin-top: 1rem; font-size: .9rem; }
details.index summary { cursor: pointer; color: #444; }
.index table { border-collapse: collapse; margin-top: .5rem; }
.index td, .index th { border-bottom: 1px solid #e2e2e2; padding: .15rem .6rem; text-align: start; }
.index td.id { font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; font-size: .8rem; }
.index td.n { text-align: end; }
.index .label { color: var(--fg); font-weight: bold; font-size: .8rem; }
"#;

/// Writes the start of the page, before the first document: the head with the whole stylesheet,
/// and a short line on how to read the page.
pub(crate) fn begin(out: &mut impl Write) -> io::Result<()> {
    out.write_all(
        b"<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">\n<head>\n<meta charset=\"utf-8\">\n\
          <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
          <title>rasid</title>\n<style>",
    )?;
    out.write_all(STYLE.as_bytes())?;
    for (index, (background, accent)) in PALETTE.iter().enumerate() {
        writeln!(out, ".c{index} {{ --bg: {background}; --fg: {accent}; }}")?;
    }
    out.write_all(
        b"</style>\n</head>\n<body>\n<header class=\"page-head\">\n<h1><bdi>rasid</bdi></h1>\n\
          <p><bdi>Entities highlighted by type. Hover over a name for its canonical entity and id.</bdi></p>\n\
          </header>\n",
    )
}

/// Writes one document: its path, a legend with the mentions per label, the text with the
/// mentions highlighted, and a folded index of the entities.
///
/// `entities` are in text order and do not overlap, as the tagger reports them.
pub(crate) fn document(
    out: &mut impl Write,
    path: &str,
    text: &str,
    entities: &[MentionRecord<'_>],
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"doc\">\n<h2><bdi>{}</bdi></h2>",
        Text(path)
    )?;
    let legend = Legend::of(entities.iter().map(|m| (m.label, &*m.id, m.name)));
    write_legend(out, &legend)?;
    write_text(out, text, entities)?;
    write_index(out, &legend, entities)?;
    out.write_all(b"</section>\n")
}

/// Writes the end of the page.
pub(crate) fn end(out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"</body>\n</html>\n")
}

/// The colour class of a label: fixed for the built-in types, and for user types a stable hash
/// into the remaining colours, so that a type keeps its colour across documents and runs. Two user
/// types may share a colour; their labels and the legend still tell them apart.
fn colour(label: &str) -> usize {
    if let Some(index) = BUILT_IN.iter().position(|&l| l == label) {
        return index;
    }
    // FNV-1a: std's hasher is not promised to be stable across Rust releases.
    let hash = label.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    let shared = PALETTE.len() - BUILT_IN.len();
    let offset = usize::try_from(hash).map_or(0, |hash| hash % shared);
    BUILT_IN.len() + offset
}

/// Mentions per label in one document, most frequent first, with the entities behind them.
#[derive(Debug, Default, PartialEq, Eq)]
struct Legend<'a> {
    rows: Vec<LegendRow<'a>>,
}

#[derive(Debug, PartialEq, Eq)]
struct LegendRow<'a> {
    label: &'a str,
    mentions: usize,
    /// (id, name, mentions), most mentioned first.
    entities: Vec<(&'a str, &'a str, usize)>,
}

impl<'a> Legend<'a> {
    /// Tallies mentions given as (label, id, name).
    fn of(mentions: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Legend<'a> {
        let mut by_label: BTreeMap<&str, BTreeMap<&str, (&str, usize)>> = BTreeMap::new();
        for (label, id, name) in mentions {
            let entity = by_label
                .entry(label)
                .or_default()
                .entry(id)
                .or_insert((name, 0));
            entity.1 += 1;
        }
        let mut rows: Vec<LegendRow<'a>> = by_label
            .into_iter()
            .map(|(label, entities)| {
                let mut entities: Vec<_> = entities
                    .into_iter()
                    .map(|(id, (name, mentions))| (id, name, mentions))
                    .collect();
                entities.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
                LegendRow {
                    label,
                    mentions: entities.iter().map(|e| e.2).sum(),
                    entities,
                }
            })
            .collect();
        rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.label.cmp(b.label)));
        Legend { rows }
    }
}

fn write_legend(out: &mut impl Write, legend: &Legend<'_>) -> io::Result<()> {
    out.write_all(b"<ul class=\"legend\">\n")?;
    if legend.rows.is_empty() {
        out.write_all(b"<li class=\"none\"><bdi>no entities found</bdi></li>\n")?;
    }
    for row in &legend.rows {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        writeln!(
            out,
            "<li class=\"c{}\" data-label=\"{label}\" title=\"{} mention{} of {} entit{}\">\
             <bdi class=\"label\">{label}</bdi> <bdi class=\"count\">{}</bdi></li>",
            colour(row.label),
            row.mentions,
            plural(row.mentions),
            row.entities.len(),
            if row.entities.len() == 1 { "y" } else { "ies" },
            row.mentions,
            label = Text(row.label),
        )?;
    }
    out.write_all(b"</ul>\n")
}

/// Writes the text with each mention in a `<mark>`: the text as written, then the label in a
/// `<bdi>`. The title gives the canonical name, the id and the label on hover.
fn write_text(out: &mut impl Write, text: &str, entities: &[MentionRecord<'_>]) -> io::Result<()> {
    out.write_all(b"<div class=\"text\">")?;
    let mut written = 0;
    for m in entities {
        let before = text
            .get(written..m.byte_start)
            .expect("mention spans are sorted, disjoint and on char boundaries");
        write!(out, "{}", Text(before))?;
        write!(
            out,
            "<mark class=\"ent c{}\" data-label=\"{}\" data-id=\"{}\" title=\"{}&#10;{} · {}",
            colour(m.label),
            Text(m.label),
            Text(&m.id),
            Text(m.name),
            Text(&m.id),
            Text(m.label),
        )?;
        if !m.proclitics.is_empty() {
            write!(out, "&#10;proclitics: {}", Text(m.proclitics))?;
        }
        write!(
            out,
            "\">{}<bdi class=\"lbl\">{}</bdi></mark>",
            Text(m.text),
            Text(m.label)
        )?;
        written = m.byte_end;
    }
    let rest = text
        .get(written..)
        .expect("mention spans end on char boundaries");
    write!(out, "{}", Text(rest))?;
    out.write_all(b"</div>\n")
}

/// Writes the entities of the document as a folded table: what hovering shows, for all at once
/// and for print.
fn write_index(
    out: &mut impl Write,
    legend: &Legend<'_>,
    entities: &[MentionRecord<'_>],
) -> io::Result<()> {
    if entities.is_empty() {
        return Ok(());
    }
    let count: usize = legend.rows.iter().map(|r| r.entities.len()).sum();
    writeln!(
        out,
        "<details class=\"index\">\n<summary><bdi>{count} entities</bdi></summary>\n<table>\n\
         <tr><th>type</th><th>name</th><th>id</th><th>mentions</th></tr>"
    )?;
    for row in &legend.rows {
        for (id, name, mentions) in &row.entities {
            writeln!(
                out,
                "<tr class=\"c{}\"><td><bdi class=\"label\">{}</bdi></td><td>{}</td>\
                 <td class=\"id\"><bdi>{}</bdi></td><td class=\"n\">{mentions}</td></tr>",
                colour(row.label),
                Text(row.label),
                Text(name),
                Text(id),
            )?;
        }
    }
    out.write_all(b"</table>\n</details>\n")
}

/// Text escaped for HTML content and for double- or single-quoted attribute values.
///
/// Besides `& < > " '`, control characters are replaced by their visible Control Pictures (U+2400
/// block) or U+FFFD: the HTML parser reports them as errors and drops NUL in the body, so the
/// page would otherwise silently differ from the text.
struct Text<'a>(&'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(needs_escape) {
            f.write_str(&rest[..at])?;
            let c = rest[at..]
                .chars()
                .next()
                .expect("find returned a char boundary");
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                // C0 controls and DEL have a picture each: U+2400 + code, and U+2421 for DEL.
                '\0'..='\x1f' => {
                    let picture = char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}');
                    write!(f, "{picture}")?;
                }
                '\x7f' => f.write_str("\u{2421}")?,
                _ => f.write_str("\u{fffd}")?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Characters that [`Text`] replaces: the HTML specials and the controls the HTML parser rejects
/// (all C0 controls but the whitespace ones, DEL, and the C1 controls).
fn needs_escape(c: char) -> bool {
    match c {
        '&' | '<' | '>' | '"' | '\'' => true,
        '\t' | '\n' | '\x0c' | '\r' => false,
        _ => c.is_control(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        let rows = [
            ("plain arabic", "قسد في البوكمال", "قسد في البوكمال"),
            ("markup", "<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
            ("ampersand before entity text", "&amp; &", "&amp;amp; &amp;"),
            ("quotes", "\"a\" 'b'", "&quot;a&quot; &#39;b&#39;"),
            ("whitespace kept", "a\tb\nc\r\nd\x0ce", "a\tb\nc\r\nd\x0ce"),
            ("nul becomes a picture", "a\0b", "a\u{2400}b"),
            ("escape becomes a picture", "\x1b[0m", "\u{241b}[0m"),
            ("delete", "\x7f", "\u{2421}"),
            ("c1 control", "a\u{85}b", "a\u{fffd}b"),
            (
                "bidi marks kept",
                "\u{200f}قسد\u{202e}",
                "\u{200f}قسد\u{202e}",
            ),
            ("empty", "", ""),
        ];
        for (name, input, expected) in rows {
            assert_eq!(Text(input).to_string(), expected, "row {name}");
        }
        let mut names: Vec<_> = rows.iter().map(|r| r.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), rows.len(), "row names are unique");
    }

    #[test]
    fn built_in_types_have_their_own_colours() {
        let colours: Vec<_> = BUILT_IN.iter().map(|l| colour(l)).collect();
        assert_eq!(colours, [0, 1, 2, 3]);
        for label in ["MILITIA_UNIT", "MILITIAS", "FACILITY", "X", ""] {
            let c = colour(label);
            assert!(
                (BUILT_IN.len()..PALETTE.len()).contains(&c),
                "{label} got colour {c}"
            );
            assert_eq!(colour(label), c, "{label} keeps its colour");
        }
    }

    #[test]
    fn legend_counts_mentions_and_entities() {
        let mentions = [
            ("PLACE", "place:albukamal", "البوكمال"),
            ("ARMED_GROUP", "group:sdf", "قسد"),
            ("PLACE", "place:albukamal", "البوكمال"),
            ("PLACE", "place:deir", "دير الزور"),
            ("PERSON", "person:soleimani", "قاسم سليماني"),
        ];
        let legend = Legend::of(mentions);
        let rows: Vec<_> = legend
            .rows
            .iter()
            .map(|r| (r.label, r.mentions, r.entities.len()))
            .collect();
        // Most mentions first; ties by label name.
        assert_eq!(
            rows,
            [("PLACE", 3, 2), ("ARMED_GROUP", 1, 1), ("PERSON", 1, 1)]
        );
        assert_eq!(
            legend.rows[0].entities[0],
            ("place:albukamal", "البوكمال", 2)
        );
        assert_eq!(Legend::of([]), Legend::default());
    }
}
