//! `rasid tag --format html`: one self-contained page, right to left, every mention highlighted
//! with its label and id, a legend with the counts, and every piece of text escaped.
//!
//! The page is read back with a small scanner written for the markup `html.rs` writes (no HTML
//! parser crate); the browser check of the same page is `scripts/screenshot-html.sh`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{SMALL_GAZETTEER, TempDir, fixture, run, run_in, run_with_gazetteer};

const SEED: &str = "article-albukamal-2017.txt";

/// One highlighted mention, read back from the page.
#[derive(Debug)]
struct Mark {
    class: String,
    label: String,
    id: String,
    title: String,
    /// The highlighted text, unescaped.
    text: String,
    /// The label written after the text.
    badge: String,
}

/// Undoes the escaping of `html.rs` (`&amp;` last, so that `&amp;lt;` stays `&lt;`).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in a start tag, unescaped.
fn attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let start = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    let end = start + tag[start..].find('"').expect("closing quote");
    unescape(&tag[start..end])
}

/// The part of `html` between `open` and the next `close`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html
        .find(open)
        .unwrap_or_else(|| panic!("no {open} in page"))
        + open.len();
    let end = start + html[start..].find(close).expect("closing tag");
    &html[start..end]
}

fn marks(html: &str) -> Vec<Mark> {
    html.split("<mark ")
        .skip(1)
        .map(|piece| {
            let tag_end = piece.find('>').expect("end of start tag");
            let tag = format!(" {}", &piece[..tag_end]);
            let content = &piece[tag_end + 1..piece.find("</mark>").expect("</mark>")];
            let (text, badge) = content
                .split_once("<bdi class=\"lbl\">")
                .unwrap_or_else(|| panic!("no label in mark {content}"));
            Mark {
                class: attr(&tag, "class"),
                label: attr(&tag, "data-label"),
                id: attr(&tag, "data-id"),
                title: attr(&tag, "title"),
                text: unescape(text),
                badge: unescape(badge.strip_suffix("</bdi>").expect("label closes")),
            }
        })
        .collect()
}

/// The sections of the page, one per document.
fn sections(html: &str) -> Vec<&str> {
    html.split("<section class=\"doc\">").skip(1).collect()
}

/// The legend of one section: label → count, as displayed.
fn legend(section: &str) -> BTreeMap<String, usize> {
    let list = between(section, "<ul class=\"legend\">", "</ul>");
    list.split("<li ")
        .skip(1)
        .filter(|item| !item.starts_with("class=\"none\""))
        .map(|item| {
            let label = between(item, "<bdi class=\"label\">", "</bdi>");
            let count = between(item, "<bdi class=\"count\">", "</bdi>");
            (
                unescape(label),
                count.parse().expect("the count is a number"),
            )
        })
        .collect()
}

/// The article as a reader copies it from the page: the text block without tags and labels.
fn shown_text(section: &str) -> String {
    let block = between(section, "<div class=\"text\">", "</div>");
    let mut text = String::new();
    for (i, piece) in block.split("<bdi class=\"lbl\">").enumerate() {
        // Every piece after the first starts with a label, up to its `</bdi>`.
        let piece = if i == 0 {
            piece
        } else {
            &piece[piece.find("</bdi>").expect("label closes") + "</bdi>".len()..]
        };
        let mut rest = piece;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            rest = &rest[open + rest[open..].find('>').expect("tag closes") + 1..];
        }
        text.push_str(rest);
    }
    unescape(&text)
}

/// The page refers to nothing outside itself: no URL, no resource, no script.
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for needle in [
        "http:",
        "https:",
        "src=",
        "href=",
        "url(",
        "@import",
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@font-face",
    ] {
        assert!(!lower.contains(needle), "the page contains {needle:?}");
    }
}

/// Checks the marks of one document against the JSON output for it.
fn assert_marks_match(marks: &[Mark], entities: &[Value]) {
    assert_eq!(marks.len(), entities.len(), "one mark per mention");
    for (mark, e) in marks.iter().zip(entities) {
        assert_eq!(mark.text, e["text"].as_str().unwrap(), "{mark:?}");
        assert_eq!(mark.label, e["label"].as_str().unwrap(), "{mark:?}");
        assert_eq!(mark.badge, mark.label, "{mark:?}");
        assert_eq!(mark.id, e["id"].as_str().unwrap(), "{mark:?}");
        let hover: Vec<_> = mark.title.lines().collect();
        assert_eq!(hover[0], e["name"].as_str().unwrap(), "{mark:?}");
        assert!(hover[1].contains(e["id"].as_str().unwrap()), "{mark:?}");
    }
}

/// Mentions per label in the JSON output of one document.
fn counts(entities: &[Value]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for e in entities {
        *counts
            .entry(e["label"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    counts
}

#[test]
fn bundled_article_page() {
    let article = fixture(SEED);
    let article = article.to_str().unwrap();
    let html = run(&["tag", "--format", "html", article])
        .expect_code(0)
        .stdout;
    let json = run(&["tag", "--format", "json", article])
        .expect_code(0)
        .json();
    let entities = json["entities"].as_array().unwrap();
    assert!(entities.len() > 20, "the seed article has many mentions");

    assert!(html.starts_with("<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">\n"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.ends_with("</html>\n"));
    assert_self_contained(&html);

    let sections = sections(&html);
    assert_eq!(sections.len(), 1);
    let marks = marks(&html);
    assert_marks_match(&marks, entities);

    // One colour per label, different labels in different colours.
    let mut colours = BTreeMap::new();
    for mark in &marks {
        let colour = colours.entry(&mark.label).or_insert(&mark.class);
        assert_eq!(*colour, &mark.class, "one colour for {}", mark.label);
    }
    let distinct: std::collections::BTreeSet<_> = colours.values().collect();
    assert_eq!(distinct.len(), colours.len(), "colours {colours:?}");
    assert!(colours.len() >= 3, "the seed article has several types");

    assert_eq!(legend(sections[0]), counts(entities));
    assert_eq!(
        shown_text(sections[0]),
        std::fs::read_to_string(fixture(SEED)).unwrap(),
        "the page shows the article exactly"
    );
}

/// A gazetteer whose names and type need escaping, in the map form with a user type.
const SPECIAL_GAZETTEER: &str = r#"types: [MILITIA_UNIT]
entities:
  - id: unit:quotes
    type: MILITIA_UNIT
    name: 'كتيبة <"الأنصار"> & شركاه'
    name_en: Ansar <Battalion> & 'Co'
    aliases:
      - كتيبة الأنصار
"#;

#[test]
fn html_special_characters_are_escaped() {
    let dir = TempDir::new();
    let small = dir.write("small.yml", SMALL_GAZETTEER);
    let special = dir.write("special.yml", SPECIAL_GAZETTEER);
    let text =
        "<script>alert(\"x\")</script> قسد & 'كتيبة الأنصار' في \"البوكمال\" <b>&amp;\u{1}\0</b>\n";
    let input = "a&b <\"c\">.txt";
    dir.write(input, text);
    let args = |format| {
        vec![
            "tag".to_owned(),
            "--no-default-gazetteers".to_owned(),
            "-g".to_owned(),
            small.to_str().unwrap().to_owned(),
            "-g".to_owned(),
            special.to_str().unwrap().to_owned(),
            "--format".to_owned(),
            format,
            input.to_owned(),
        ]
    };
    let run_with = |format: &str| {
        let args = args(format.to_owned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_in(dir.path(), &args, b"").expect_code(0)
    };
    let html = run_with("html").stdout;
    let json = run_with("json").json();
    let entities = json["entities"].as_array().unwrap();
    let labels: Vec<_> = entities
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["ARMED_GROUP", "MILITIA_UNIT", "PLACE"]);

    assert_self_contained(&html);
    assert!(!html.contains("<b>"), "markup from the text stays text");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(html.contains(" &amp; &#39;"));
    assert!(html.contains("&lt;b&gt;&amp;amp;"));
    // Control characters show as their pictures: NUL would vanish from the page.
    assert!(html.contains("\u{2401}\u{2400}&lt;/b&gt;"));
    // The path and the canonical name, in the heading and the hover text.
    assert!(html.contains("<h2><bdi>a&amp;b &lt;&quot;c&quot;&gt;.txt</bdi></h2>"));
    assert!(html.contains("title=\"كتيبة &lt;&quot;الأنصار&quot;&gt; &amp; شركاه&#10;unit:quotes"));

    let marks = marks(&html);
    assert_marks_match(&marks, entities);
    assert_eq!(
        marks[1].title.lines().next(),
        Some("كتيبة <\"الأنصار\"> & شركاه")
    );
    let section = sections(&html)[0];
    assert_eq!(legend(section), counts(entities));
    let shown = shown_text(section);
    let pictured = text.replace('\u{1}', "\u{2401}").replace('\0', "\u{2400}");
    assert_eq!(
        shown, pictured,
        "the page shows the text, controls as pictures"
    );
}

#[test]
fn several_inputs_make_one_page_with_a_section_each() {
    let dir = TempDir::new();
    let first = dir.write("first.txt", "قسد في البوكمال وأبو كمال");
    let empty = dir.write("second.txt", "لا شيء هنا");
    let out = run_with_gazetteer(
        &dir,
        SMALL_GAZETTEER,
        &[
            "tag",
            "--format",
            "html",
            first.to_str().unwrap(),
            "missing.txt",
            empty.to_str().unwrap(),
        ],
        b"",
    )
    .expect_code(2);
    assert!(out.stderr.contains("missing.txt"), "{}", out.stderr);
    let html = out.stdout;
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("<html ").count(), 1);
    assert!(html.ends_with("</body>\n</html>\n"), "the page is complete");

    let sections = sections(&html);
    assert_eq!(sections.len(), 2, "the unreadable input has no section");
    assert!(sections[0].contains("first.txt</bdi></h2>"));
    assert!(sections[1].contains("second.txt</bdi></h2>"));
    let first_legend: Vec<_> = legend(sections[0]).into_iter().collect();
    assert_eq!(
        first_legend,
        [("ARMED_GROUP".to_owned(), 1), ("PLACE".to_owned(), 2)]
    );
    assert_eq!(marks(sections[0]).len(), 3);
    assert!(legend(sections[1]).is_empty());
    assert!(sections[1].contains("no entities found"));
    assert!(marks(sections[1]).is_empty());
    assert_eq!(shown_text(sections[1]), "لا شيء هنا");
}
