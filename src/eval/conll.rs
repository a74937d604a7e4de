//! CoNLL BIO gold: one `TOKEN TAG` per line, a blank line between sentences, `-DOCSTART-` lines
//! between documents.
//!
//! A CoNLL file has no original text, so one is rebuilt: tokens joined by single spaces, sentences by
//! line breaks. rasid tags that text and spans are compared by code points in it. Rebuilt text is not
//! the text as published (punctuation is spaced out, and clitics stand apart where the corpus split
//! them), so compare figures on CoNLL gold with each other, not with figures on original texts.
//!
//! Columns are separated by any whitespace; the first is the token and the last the tag, so
//! CoNLL-2003-style files with POS and chunk columns read too. Tags are `O`, `B-TYPE` and `I-TYPE`;
//! an `I-` that does not continue an entity of its type starts one (IOB1 files, and the common
//! slip), and the `E-`/`S-` tags of BIOES (`L-`/`U-` of BILOU) are understood.

use super::LabeledSpan;
use super::gold::{GoldDocument, GoldError};

/// Where a tag puts its token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    Outside,
    Begin,
    Inside,
    End,
    Single,
}

/// A tag split into its position and type.
fn parse_tag(tag: &str) -> Option<(Position, &str)> {
    if tag == "O" {
        return Some((Position::Outside, ""));
    }
    let (prefix, label) = tag.split_once('-')?;
    let position = match prefix {
        "B" => Position::Begin,
        "I" => Position::Inside,
        "E" | "L" => Position::End,
        "S" | "U" => Position::Single,
        _ => return None,
    };
    (!label.is_empty()).then_some((position, label))
}

/// The document being rebuilt.
#[derive(Default)]
struct Builder {
    text: String,
    /// Length of `text` in code points.
    chars: usize,
    entities: Vec<LabeledSpan>,
    /// The entity being extended: its start and label.
    open: Option<(usize, String)>,
    /// End of the last token, in code points.
    last_end: usize,
    in_sentence: bool,
    /// The line of the first token, for the document's id.
    first_line: Option<usize>,
}

impl Builder {
    fn token(&mut self, token: &str, position: Position, label: &str, line: usize) {
        if self.in_sentence {
            self.push(" ");
        } else if self.first_line.is_some() {
            self.push("\n");
        }
        self.first_line.get_or_insert(line);
        self.in_sentence = true;
        let start = self.chars;
        self.push(token);
        let continues = matches!(position, Position::Inside | Position::End)
            && self.open.as_ref().is_some_and(|(_, open)| open == label);
        if !continues {
            self.close();
            if position != Position::Outside {
                self.open = Some((start, label.to_owned()));
            }
        }
        self.last_end = self.chars;
        if matches!(position, Position::End | Position::Single) {
            self.close();
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }

    fn close(&mut self) {
        if let Some((start, label)) = self.open.take() {
            self.entities
                .push(LabeledSpan::new(start, self.last_end, label));
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        self.in_sentence = false;
    }

    /// The finished document, if it has any tokens.
    fn finish(&mut self, name: &str) -> Option<GoldDocument> {
        self.end_sentence();
        let builder = std::mem::take(self);
        let line = builder.first_line?;
        Some(GoldDocument {
            id: format!("{name}:{line}"),
            text: builder.text,
            entities: builder.entities,
        })
    }
}

/// Reads a CoNLL file's documents; `name` names it in ids and messages.
///
/// # Errors
///
/// A [`GoldError`] naming `name:line` for a line with one column or a tag that is not `O` or
/// `X-TYPE`.
pub fn parse(source: &str, name: &str) -> Result<Vec<GoldDocument>, GoldError> {
    let mut documents = Vec::new();
    let mut builder = Builder::default();
    for (i, line) in source.lines().enumerate() {
        let number = i + 1;
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields[..] {
            [] => builder.end_sentence(),
            ["-DOCSTART-", ..] => documents.extend(builder.finish(name)),
            [_] => {
                return Err(GoldError::NotTokenTag {
                    location: format!("{name}:{number}"),
                    line: line.to_owned(),
                });
            }
            [token, .., tag] => {
                let (position, label) = parse_tag(tag).ok_or_else(|| GoldError::UnknownTag {
                    location: format!("{name}:{number}"),
                    tag: (*tag).to_owned(),
                })?;
                builder.token(token, position, label, number);
            }
        }
    }
    documents.extend(builder.finish(name));
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rebuilt text and each entity as (text, label), for readable expectations.
    fn read(source: &str) -> Vec<(String, Vec<(String, String)>)> {
        parse(source, "t.conll")
            .unwrap()
            .into_iter()
            .map(|d| {
                let chars: Vec<char> = d.text.chars().collect();
                let entities = d
                    .entities
                    .iter()
                    .map(|e| (chars[e.start..e.end].iter().collect(), e.label.clone()))
                    .collect();
                (d.text, entities)
            })
            .collect()
    }

    fn entities(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(t, l)| (t.to_string(), l.to_string()))
            .collect()
    }

    #[test]
    fn tags_become_spans() {
        struct Case {
            name: &'static str,
            source: &'static str,
            text: &'static str,
            entities: &'static [(&'static str, &'static str)],
        }
        let cases = [
            Case {
                name: "BIO",
                source: "قاسم B-PERS\nسليماني I-PERS\nفي O\nحلب B-LOC\n",
                text: "قاسم سليماني في حلب",
                entities: &[("قاسم سليماني", "PERS"), ("حلب", "LOC")],
            },
            Case {
                name: "adjacent entities of one type",
                source: "حلب B-LOC\nإدلب B-LOC\n",
                text: "حلب إدلب",
                entities: &[("حلب", "LOC"), ("إدلب", "LOC")],
            },
            Case {
                name: "IOB1: I- after O starts an entity",
                source: "في O\nحلب I-LOC\n",
                text: "في حلب",
                entities: &[("حلب", "LOC")],
            },
            Case {
                name: "I- of another type starts an entity",
                source: "حلب B-LOC\nقسد I-ORG\n",
                text: "حلب قسد",
                entities: &[("حلب", "LOC"), ("قسد", "ORG")],
            },
            Case {
                name: "BIOES",
                source: "قاسم B-PER\nسليماني E-PER\nحلب S-LOC\nإدلب S-LOC\n",
                text: "قاسم سليماني حلب إدلب",
                entities: &[("قاسم سليماني", "PER"), ("حلب", "LOC"), ("إدلب", "LOC")],
            },
            Case {
                name: "sentence break ends an entity",
                source: "حلب B-LOC\n\nإدلب I-LOC\n",
                text: "حلب\nإدلب",
                entities: &[("حلب", "LOC"), ("إدلب", "LOC")],
            },
            Case {
                name: "extra columns, tabs and CRLF",
                source: "حلب\tNNP\tB-NP\tB-LOC\r\nمدينة NN I-NP O\r\n",
                text: "حلب مدينة",
                entities: &[("حلب", "LOC")],
            },
        ];
        let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), cases.len(), "case names are unique");
        for case in &cases {
            let documents = read(case.source);
            assert_eq!(documents.len(), 1, "{}", case.name);
            assert_eq!(documents[0].0, case.text, "{}", case.name);
            assert_eq!(documents[0].1, entities(case.entities), "{}", case.name);
        }
    }

    #[test]
    fn docstart_separates_documents_and_names_them_by_line() {
        let source = "-DOCSTART- -X- -X- O\n\nحلب B-LOC\n\n-DOCSTART- O\n\nفي O\nإدلب B-LOC\n";
        let documents = parse(source, "t.conll").unwrap();
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["t.conll:3", "t.conll:7"]);
        assert_eq!(documents[1].text, "في إدلب");
        assert_eq!(documents[1].entities, [LabeledSpan::new(3, 7, "LOC")]);
    }

    #[test]
    fn bad_lines_name_the_line() {
        assert_eq!(
            parse("حلب B-LOC\nإدلب\n", "t.conll")
                .unwrap_err()
                .to_string(),
            "t.conll:2: expected TOKEN TAG, found \"إدلب\""
        );
        assert_eq!(
            parse("حلب LOC\n", "t.conll").unwrap_err().to_string(),
            "t.conll:1: unknown tag \"LOC\"; expected O, B-TYPE or I-TYPE (or E-, S-, L-, U-)"
        );
        assert!(parse("حلب B-\n", "t.conll").is_err());
    }

    #[test]
    fn empty_input_has_no_documents() {
        assert!(parse("", "t.conll").unwrap().is_empty());
        assert!(parse("-DOCSTART- O\n\n", "t.conll").unwrap().is_empty());
    }
}
