//! `tag --format conll` and `--format brat`: the mentions in the two gold formats `eval` reads, so
//! that rasid's output can be corrected by hand in an annotation tool and scored as gold.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rasid::record::MentionRecord;

/// Whether a character stands as a token of its own in CoNLL output.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '،' | '؛'
                | '؟'
                | '«'
                | '»'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '…'
                | '–'
                | '—'
                | '٪'
                | '۔'
        )
}

/// Writes one document as CoNLL BIO: `-DOCSTART- O`, then one `TOKEN TAG` line per token and a
/// blank line after each line of the text. Tokens are cut at whitespace, around punctuation and at
/// every mention's start and end, so proclitics (`وب` of `وبالبوكمال`) stand apart and each mention
/// is whole tokens: `B-LABEL` on its first, `I-LABEL` on the rest.
///
/// # Errors
///
/// The writer's.
pub(crate) fn conll(
    out: &mut impl Write,
    text: &str,
    entities: &[MentionRecord<'_>],
) -> io::Result<()> {
    out.write_all(b"-DOCSTART- O\n\n")?;
    let mut tokens = Tokens {
        out,
        text,
        entities,
        next_entity: 0,
        open_entity: None,
        in_sentence: false,
    };
    let mut start: Option<usize> = None;
    let mut cuts = entities
        .iter()
        .flat_map(|e| [e.byte_start, e.byte_end])
        .peekable();
    for (i, c) in text.char_indices() {
        while cuts.next_if(|&cut| cut < i).is_some() {}
        let at_cut = cuts.next_if_eq(&i).is_some();
        if (c.is_whitespace() || is_punctuation(c) || at_cut)
            && let Some(s) = start.take()
        {
            tokens.token(s, i)?;
        }
        if c == '\n' {
            tokens.end_sentence()?;
        } else if is_punctuation(c) {
            tokens.token(i, i + c.len_utf8())?;
        } else if !c.is_whitespace() && start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.token(s, text.len())?;
    }
    tokens.end_sentence()
}

/// Tokens as they are cut, tagged by the mention they fall in.
struct Tokens<'o, 't, W: Write> {
    out: &'o mut W,
    text: &'t str,
    entities: &'t [MentionRecord<'t>],
    /// The first mention that does not end before the current token.
    next_entity: usize,
    /// The mention whose tokens are being written.
    open_entity: Option<usize>,
    in_sentence: bool,
}

impl<W: Write> Tokens<'_, '_, W> {
    fn token(&mut self, start: usize, end: usize) -> io::Result<()> {
        while self
            .entities
            .get(self.next_entity)
            .is_some_and(|e| e.byte_end <= start)
        {
            self.next_entity += 1;
        }
        let inside = self
            .entities
            .get(self.next_entity)
            .filter(|e| e.byte_start <= start);
        let token = &self.text[start..end];
        match inside {
            Some(entity) => {
                let position = if self.open_entity == Some(self.next_entity) {
                    "I"
                } else {
                    "B"
                };
                self.open_entity = Some(self.next_entity);
                writeln!(self.out, "{token} {position}-{}", entity.label)?;
            }
            None => {
                self.open_entity = None;
                writeln!(self.out, "{token} O")?;
            }
        }
        self.in_sentence = true;
        Ok(())
    }

    fn end_sentence(&mut self) -> io::Result<()> {
        if self.in_sentence {
            self.out.write_all(b"\n")?;
        }
        self.in_sentence = false;
        self.open_entity = None;
        Ok(())
    }
}

/// The brat `.ann` of a text's mentions: `T1<TAB>LABEL START END<TAB>TEXT` per mention, offsets in
/// code points. A mention broken across lines gets one fragment per line (`START END;START END`),
/// as brat writes them.
pub(crate) fn brat_ann(entities: &[MentionRecord<'_>]) -> String {
    let mut ann = String::new();
    for (n, entity) in entities.iter().enumerate() {
        let mut fragments = Vec::new();
        let mut start = entity.start;
        for line in entity.text.split('\n') {
            let end = start + line.chars().count();
            let trimmed = line.trim_end_matches('\r');
            if !trimmed.is_empty() {
                fragments.push((start, start + trimmed.chars().count(), trimmed));
            }
            start = end + 1;
        }
        let offsets: Vec<String> = fragments
            .iter()
            .map(|(s, e, _)| format!("{s} {e}"))
            .collect();
        let text: Vec<&str> = fragments.iter().map(|(_, _, t)| *t).collect();
        ann.push_str(&format!(
            "T{}\t{} {}\t{}\n",
            n + 1,
            entity.label,
            offsets.join(";"),
            text.join(" ")
        ));
    }
    ann
}

/// Where the `.ann` of a text file goes: beside it, its extension replaced.
pub(crate) fn ann_path(text: &Path) -> PathBuf {
    text.with_extension("ann")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasid::{Tagger, record::MentionRecord};

    fn tagged(text: &str, out: impl FnOnce(&[MentionRecord<'_>]) -> String) -> String {
        let tagger = Tagger::with_options(
            crate::test_gazetteer(
                "- id: place:sy:albukamal\n  type: PLACE\n  name: البوكمال\n  name_en: Abu Kamal\n  aliases: [البوكمال]\n- id: place:sy:deir-ez-zor\n  type: PLACE\n  name: دير الزور\n  name_en: Deir ez-Zor\n  aliases: [دير الزور]\n",
            ),
            rasid::Lexicon::embedded(),
            false,
        );
        let mentions = tagger.tag(text).unwrap();
        out(&MentionRecord::all(&tagger, text, &mentions, false))
    }

    #[test]
    fn conll_cuts_proclitics_punctuation_and_lines() {
        let text = "قصف وبالبوكمال، ثم\nدير الزور.";
        let got = tagged(text, |records| {
            let mut out = Vec::new();
            conll(&mut out, text, records).unwrap();
            String::from_utf8(out).unwrap()
        });
        assert_eq!(
            got,
            "-DOCSTART- O\n\nقصف O\nوب O\nالبوكمال B-PLACE\n، O\nثم O\n\nدير B-PLACE\nالزور I-PLACE\n. O\n\n"
        );
    }

    #[test]
    fn brat_offsets_are_code_points() {
        let text = "قصف البوكمال ودير الزور";
        let got = tagged(text, brat_ann);
        assert_eq!(
            got,
            "T1\tPLACE 4 12\tالبوكمال\nT2\tPLACE 14 23\tدير الزور\n"
        );
    }
}
