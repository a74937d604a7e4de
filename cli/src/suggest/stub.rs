//! Candidates as YAML stubs in the gazetteer format: a comment with the evidence, an id from a rough
//! transliteration, and values quoted wherever YAML would misread them.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use rasid::{Gazetteer, Normalizer, yaml_scalar};

use super::Candidate;
use super::cues::{ARMED_GROUP, PERSON, PLACE};
use super::page::{is_word_char, one_line};

/// What the output's opening comment says.
pub(super) struct Header {
    pub(super) candidates: usize,
    pub(super) documents: u64,
    pub(super) min_count: u64,
    pub(super) source: String,
}

/// Writes the stubs as one YAML list, each with a comment on where it was seen.
pub(super) fn write_stubs(
    out: &mut dyn Write,
    header: &Header,
    candidates: &[Candidate],
    gazetteer: &Gazetteer,
) -> io::Result<()> {
    writeln!(
        out,
        "# rasid suggest: {} after cue words in {} documents, each seen at least {}.",
        plural(header.candidates as u64, "candidate", "candidates"),
        header.documents,
        plural(header.min_count, "time", "times"),
    )?;
    writeln!(
        out,
        "# Review each stub (name, type), replace the TODO in name_en, add aliases, then paste it into"
    )?;
    writeln!(out, "# a gazetteer file and run `rasid check`.")?;
    let known = known_aliases(gazetteer, candidates);
    let mut ids = IdMaker::new(gazetteer);
    let source = format!("suggested from {}", header.source);
    for (rank, candidate) in candidates.iter().enumerate() {
        let name = candidate.spelling();
        let cues: Vec<String> = candidate
            .cues
            .iter()
            .map(|(cue, n)| format!("{cue} ({n})"))
            .collect();
        writeln!(out)?;
        writeln!(
            out,
            "# seen {}, after {}; first in {}: {}",
            plural(candidate.count, "time", "times"),
            cues.join(", "),
            one_line(&candidate.example.document),
            candidate.example.sentence
        )?;
        if let Some(owners) = known.get(&candidate.key) {
            writeln!(
                out,
                "# note: already an alias of {}, which did not fire here",
                owners.join(", ")
            )?;
        }
        let slug = transliterate(name);
        writeln!(out, "- id: {}", ids.make(candidate.label, &slug, rank + 1))?;
        writeln!(out, "  type: {}", candidate.label)?;
        writeln!(out, "  name: {}", yaml_scalar(name))?;
        let english = if slug.is_empty() {
            "TODO".to_owned()
        } else {
            format!("TODO {}", slug.replace('-', " "))
        };
        writeln!(out, "  name_en: {}", yaml_scalar(&english))?;
        writeln!(out, "  aliases: []")?;
        // A JSON string is a valid YAML double-quoted scalar, safe inside a flow list.
        let quoted = serde_json::to_string(&source).map_err(io::Error::from)?;
        writeln!(out, "  sources: [{quoted}]")?;
    }
    Ok(())
}

/// `1 time`, `2 times`.
fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The entities that already have each candidate's normalised form as an alias (one whose rule did
/// not hold where the candidate was seen), as `id (when: rule)`.
fn known_aliases(gazetteer: &Gazetteer, candidates: &[Candidate]) -> HashMap<String, Vec<String>> {
    let wanted: HashSet<&str> = candidates.iter().map(|c| c.key.as_str()).collect();
    let normalizer = Normalizer::new();
    let mut known: HashMap<String, Vec<String>> = HashMap::new();
    for alias in gazetteer.aliases() {
        let key = normalizer.normalize_key(&alias.text);
        if wanted.contains(key.as_str()) {
            let entity = gazetteer.entity(alias.entity);
            known.entry(key).or_default().push(format!(
                "{} (when: {})",
                entity.id,
                alias.when.as_str()
            ));
        }
    }
    known
}

/// Makes ids that clash neither with the gazetteer's nor with each other.
struct IdMaker {
    taken: HashSet<String>,
}

impl IdMaker {
    fn new(gazetteer: &Gazetteer) -> IdMaker {
        IdMaker {
            taken: gazetteer.entities().iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// `<type>:<slug>`, or `suggested:<rank>` when the name has no Latin transliteration; `-2`, `-3`,
    /// … appended until unused.
    fn make(&mut self, label: &str, slug: &str, rank: usize) -> String {
        let base = if slug.is_empty() {
            format!("suggested:{rank}")
        } else {
            let prefix = match label {
                PLACE => "place",
                ARMED_GROUP => "group",
                PERSON => "person",
                _ => "org",
            };
            format!("{prefix}:{slug}")
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }
}

/// A lower-case ASCII slug of an Arabic name, one hyphen between words: a rough consonantal
/// transliteration (`جرابلس` → `jrabls`, `أبو كمال` → `abu-kmal`), enough to read and to keep ids
/// apart, not a standard romanisation. Latin letters and digits are kept; anything else is dropped.
fn transliterate(name: &str) -> String {
    let mut words = Vec::new();
    for word in name
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        let mut out = String::new();
        let letters: Vec<char> = word.chars().collect();
        let mut rest = &letters[..];
        if let ['ا', 'ل', tail @ ..] = rest
            && !tail.is_empty()
        {
            out.push_str("al-");
            rest = tail;
        }
        let mut previous_vowel = true;
        for (i, &c) in rest.iter().enumerate() {
            let next = rest.get(i + 1).copied();
            let latin = match c {
                'و' if previous_vowel || next == Some('ا') => "w",
                'و' => "u",
                'ي' | 'ی' if previous_vowel || next == Some('ا') => "y",
                'ي' | 'ی' => "i",
                'ة' | 'ى' => "a",
                _ => letter(c),
            };
            out.push_str(latin);
            if !latin.is_empty() {
                previous_vowel = latin.ends_with(['a', 'i', 'u', '-']);
            }
            // Latin letters and digits (Arabic-Indic ones as ASCII) are kept.
            let digit = c.to_digit(10).or_else(|| {
                ('٠'..='٩')
                    .contains(&c)
                    .then(|| u32::from(c) - u32::from('٠'))
            });
            if let Some(kept) = c
                .is_ascii_alphabetic()
                .then(|| c.to_ascii_lowercase())
                .or_else(|| digit.and_then(|d| char::from_digit(d, 10)))
            {
                out.push(kept);
                previous_vowel = false;
            }
        }
        let out = out.trim_matches('-').to_owned();
        if !out.is_empty() {
            words.push(out);
        }
    }
    let slug = words.join("-");
    // Ids stay short enough to read; cut at a character (all ASCII here) and a hyphen boundary.
    match slug.char_indices().nth(40) {
        Some((cut, _)) => slug[..cut].trim_end_matches('-').to_owned(),
        None => slug,
    }
}

/// The Latin letters for one Arabic letter other than و, ي, ة, ى; empty for letters with no ASCII
/// equivalent (ع, ء) and for anything else.
fn letter(c: char) -> &'static str {
    match c {
        'ا' | 'أ' | 'آ' | 'ٱ' => "a",
        'إ' => "i",
        'ب' => "b",
        'ت' | 'ط' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' | 'ھ' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' | 'ظ' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::cues::ORG;

    #[test]
    fn transliterations() {
        let rows = [
            ("plain", "جرابلس", "jrabls"),
            ("article", "الرقة", "al-rqa"),
            ("long vowels", "كوباني", "kubani"),
            ("waw before alef", "حوار", "hwar"),
            ("two words", "أبو كمال", "abu-kmal"),
            ("digits", "لواء ٣١٣", "lwa-313"),
            ("latin kept", "HRC لواء", "hrc-lwa"),
            ("nothing latin", "ععع", ""),
        ];
        let names: HashSet<&str> = rows.iter().map(|r| r.0).collect();
        assert_eq!(names.len(), rows.len(), "row names are unique");
        for (name, arabic, latin) in rows {
            assert_eq!(transliterate(arabic), latin, "{name}");
        }
    }

    #[test]
    fn ids_do_not_clash() {
        let yaml = "- {id: place:jrabls, type: PLACE, name: جرابلس, name_en: Jarabulus}";
        let gazetteer = crate::test_gazetteer(yaml);
        let mut ids = IdMaker::new(&gazetteer);
        // Taken by the gazetteer, then by the first stub.
        assert_eq!(ids.make(PLACE, "jrabls", 1), "place:jrabls-2");
        assert_eq!(ids.make(PLACE, "jrabls", 2), "place:jrabls-3");
        assert_eq!(ids.make(ARMED_GROUP, "jrabls", 3), "group:jrabls");
        assert_eq!(ids.make(ORG, "", 4), "suggested:4");
    }
}
