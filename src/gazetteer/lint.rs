//! Lint: what `rasid check` says about entries that load but probably do not do what their author
//! meant.
//!
//! The loader's errors make a gazetteer unusable; the warnings here point at aliases that will match
//! too much, too little or something else, and at entries that will not diff cleanly. Each warning
//! ends with its rule's name in brackets (`[frequent-word]`), so that a long list can be grouped,
//! counted and grepped. The rules:
//!
//! | rule | warns about | `--fix` |
//! |---|---|---|
//! | `shared-alias` | one normalised alias on several entities of one type (homonyms) | no |
//! | `cross-type-alias` | one normalised alias on entities of different types | no |
//! | `frequent-word` | an `always` alias that is a frequent Arabic word (Zipf ≥ [`FREQUENT_WORD_ZIPF`], and its form with or without the article ≥ [`ARTICLE_ALTERNATION_ZIPF`]) | no |
//! | `proclitic` | an `always` one-word alias that reads as و ف ب ل ك + a frequent word (Zipf ≥ [`PROCLITIC_REST_ZIPF`]), where the lexicon prefers that reading | no |
//! | `short-alias` | an alias of at most [`SHORT_ALIAS_MAX_LETTERS`] letters | no |
//! | `invisible-char` | bidi marks, zero-width characters, tatweel in a name or alias | stripped |
//! | `harakat` | harakat in a name or alias (the matcher ignores them) | no |
//! | `mixed-script` | Latin or Persian letters inside an Arabic name or alias | no |
//! | `space` | leading or trailing space in a name or alias | trimmed |
//! | `duplicate-alias` | an alias that normalises like the name or an earlier alias | removed |
//! | `unsorted-aliases` | aliases out of code point order | sorted |
//! | `coordinates` | a point outside the bounding box of the entity's `country` | no |
//!
//! A rule silences `frequent-word` and `proclitic`: `when: cue` or `document` is the remedy they
//! suggest, and a `when: always` written out says the choice is deliberate (`حلب` is frequent, and
//! means Aleppo). The frequencies come from the embedded [`Lexicon`], the one the matcher uses to read
//! proclitics. A frequency list counts names as words, so both rules ask for more than frequency:
//! `frequent-word` also wants the article to come and go (names keep one form), and `proclitic` wants
//! the alias's spelling to occur in text (to be listed) and to be no more frequent than the word
//! after the proclitic, the test by which the matcher itself takes `وحلب` as و + `حلب` but `كندا` as
//! a word. [`fix`] holds the rewrite behind `--fix`.

mod alias_list;
mod country_box;
mod fix;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::error::Diagnostic;
use crate::lexicon::Lexicon;
use crate::matcher::is_proclitic_letter;
use crate::normalize::{Normalizer, is_invisible};
use crate::span::LabelId;

use super::load::Block;
use super::schema::EntityRecord;
use super::{Alias, Entity, When};
use alias_list::AliasList;
use country_box::country_box;

/// Zipf frequency (log10 of uses per billion words) from which an `always` alias counts as a frequent
/// word. 4.0 is about one use in 100,000 words: `الباب` (the door) and `القائم` are above, most town
/// names are far below.
pub(super) const FREQUENT_WORD_ZIPF: f32 = 4.0;

/// A frequent alias is a word, not a frequent name, when its form with the article added or removed
/// is at least this frequent too. Ordinary nouns and adjectives take and drop the article (`الباب` and
/// `باب`, `حديثة` and `الحديثة`); names keep one form (`بغداد` is never `البغداد`, `الموصل` never
/// `موصل`), so a name that is frequent only because the news names it is not reported.
pub(super) const ARTICLE_ALTERNATION_ZIPF: f32 = 3.5;

/// Zipf frequency from which the rest of a one-word alias after a proclitic letter counts as a word
/// the alias may be mistaken for: lower than [`FREQUENT_WORD_ZIPF`], as the reading only needs the
/// rest to be a common word, not the whole alias.
pub(super) const PROCLITIC_REST_ZIPF: f32 = 3.5;

/// Aliases with at most this many letters (after normalisation, spaces not counted) are short.
pub(super) const SHORT_ALIAS_MAX_LETTERS: usize = 2;

/// The rest after a proclitic letter must have at least this many letters to be read as a word.
const PROCLITIC_REST_MIN_LETTERS: usize = 2;

/// A lint rule; its name ends each of its warnings in brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    SharedAlias,
    CrossTypeAlias,
    FrequentWord,
    Proclitic,
    ShortAlias,
    InvisibleChar,
    Harakat,
    MixedScript,
    Space,
    DuplicateAlias,
    UnsortedAliases,
    Coordinates,
}

impl Rule {
    /// Every rule, in the order of the module table.
    #[cfg(test)]
    const ALL: [Rule; 12] = [
        Rule::SharedAlias,
        Rule::CrossTypeAlias,
        Rule::FrequentWord,
        Rule::Proclitic,
        Rule::ShortAlias,
        Rule::InvisibleChar,
        Rule::Harakat,
        Rule::MixedScript,
        Rule::Space,
        Rule::DuplicateAlias,
        Rule::UnsortedAliases,
        Rule::Coordinates,
    ];

    /// The name shown in brackets after a warning.
    pub(super) fn name(self) -> &'static str {
        match self {
            Rule::SharedAlias => "shared-alias",
            Rule::CrossTypeAlias => "cross-type-alias",
            Rule::FrequentWord => "frequent-word",
            Rule::Proclitic => "proclitic",
            Rule::ShortAlias => "short-alias",
            Rule::InvisibleChar => "invisible-char",
            Rule::Harakat => "harakat",
            Rule::MixedScript => "mixed-script",
            Rule::Space => "space",
            Rule::DuplicateAlias => "duplicate-alias",
            Rule::UnsortedAliases => "unsorted-aliases",
            Rule::Coordinates => "coordinates",
        }
    }

    fn warning(self, block: &Block, (line, column): (usize, usize), message: &str) -> Diagnostic {
        let message = format!("{message} [{}]", self.name());
        Diagnostic::warning(block.path(), line, column, message)
    }
}

/// Runs the rules; built only for `check`, so that loading for tagging never pays for the lexicon.
#[derive(Debug)]
pub(super) struct Linter {
    normalizer: Normalizer,
    lexicon: Lexicon,
}

impl Linter {
    pub(super) fn new() -> Linter {
        Linter {
            normalizer: Normalizer::new(),
            lexicon: Lexicon::embedded(),
        }
    }

    /// The rules that look at one valid entity: `record` as written, `aliases` as the assembler merged
    /// them (one per normalised form, the name first, each with the rule that applies to it).
    pub(super) fn entity(
        &self,
        record: &EntityRecord,
        block: &Block,
        aliases: &[Alias],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut lint = EntityLint {
            record,
            block,
            list: OnceCell::new(),
            out,
        };
        lint.characters();
        lint.duplicates(&self.normalizer);
        lint.order();
        lint.coordinates();
        for alias in aliases {
            self.alias_words(&mut lint, alias);
        }
    }

    /// `short-alias`, `frequent-word` and `proclitic`: rules about the normalised form.
    fn alias_words(&self, lint: &mut EntityLint<'_>, alias: &Alias) {
        let which = lint.which(&alias.text);
        let what = which.what();
        let shown = shown(&alias.text);
        let id = &lint.record.id;
        let letters = alias.key.chars().filter(|c| !c.is_whitespace()).count();
        if letters <= SHORT_ALIAS_MAX_LETTERS {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" has only {letters} letter{}: short aliases match abbreviations and stray letters",
                if letters == 1 { "" } else { "s" }
            );
            lint.warn(Rule::ShortAlias, which, &message);
        }
        if alias.when != When::Always || alias.key.contains(' ') {
            return;
        }
        let zipf = self.lexicon.zipf(&alias.key);
        let other_form = match alias.key.strip_prefix("ال") {
            Some(bare) => bare.to_owned(),
            None => format!("ال{}", alias.key),
        };
        let other_zipf = self.lexicon.zipf(&other_form);
        if zipf >= FREQUENT_WORD_ZIPF
            && other_zipf >= ARTICLE_ALTERNATION_ZIPF
            && !self.explicit_when(lint, &alias.key)
        {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" is a frequent Arabic word (zipf {zipf:.1}; \"{other_form}\" {other_zipf:.1}): give it `when: cue` or `when: document`, or write `when: always` if it is meant"
            );
            lint.warn(Rule::FrequentWord, which, &message);
        }
        let Some(first) = alias.key.chars().next().filter(|&c| is_proclitic_letter(c)) else {
            return;
        };
        let rest = &alias.key[first.len_utf8()..];
        if rest.chars().count() < PROCLITIC_REST_MIN_LETTERS {
            return;
        }
        let rest_zipf = self.lexicon.zipf(rest);
        // Listed (Zipf 3 or more) and no more frequent than the rest: the matcher's own test.
        if rest_zipf >= PROCLITIC_REST_ZIPF
            && zipf > 0.0
            && self.lexicon.allows_clitic_reading(&alias.key, rest)
            && !self.explicit_when(lint, &alias.key)
        {
            let message = format!(
                "{what} \"{shown}\" of \"{id}\" also reads as the proclitic \"{first}\" + the frequent word \"{rest}\" (zipf {rest_zipf:.1}; the alias {zipf:.1}): give it `when: cue` or `when: document`, or write `when: always` if it is meant"
            );
            lint.warn(Rule::Proclitic, which, &message);
        }
    }

    /// Whether an alias of the entity that normalises to `key` writes out its `when:`.
    fn explicit_when(&self, lint: &EntityLint<'_>, key: &str) -> bool {
        let Some(list) = lint.list() else {
            return false;
        };
        lint.record
            .aliases
            .iter()
            .zip(&list.items)
            .any(|(alias, item)| {
                item.explicit_when && self.normalizer.normalize_key(&alias.text) == key
            })
    }

    /// `shared-alias` and `cross-type-alias`: one warning per normalised alias that several entities
    /// share, at the alias's last use, naming every owner.
    pub(super) fn shared_aliases(
        &self,
        entities: &[Entity],
        aliases: &[Alias],
        blocks: &[Block],
        labels: &[String],
        out: &mut Vec<Diagnostic>,
    ) {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, alias) in aliases.iter().enumerate() {
            by_key.entry(alias.key.as_str()).or_default().push(index);
        }
        let mut shared: Vec<&Vec<usize>> = by_key.values().filter(|v| v.len() > 1).collect();
        shared.sort_unstable();
        for indexes in shared {
            let last = &aliases[*indexes.last().expect("shared aliases have two uses")];
            let block = &blocks[last.entity.as_usize()];
            let owners: Vec<&Entity> = indexes
                .iter()
                .map(|&i| &entities[aliases[i].entity.as_usize()])
                .collect();
            let listed: Vec<String> = owners
                .iter()
                .map(|e| format!("{} ({})", e.id, labels[e.label.as_usize()]))
                .collect();
            let first_label: LabelId = owners[0].label;
            let rule = if owners.iter().all(|e| e.label == first_label) {
                Rule::SharedAlias
            } else {
                Rule::CrossTypeAlias
            };
            let message = format!(
                "alias \"{}\" is shared by {}",
                shown(&last.text),
                listed.join(", ")
            );
            out.push(rule.warning(block, block.alias_position(&last.text), &message));
        }
    }
}

/// A name or the alias at an index of the record's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Name,
    Alias(usize),
}

impl Which {
    fn what(self) -> &'static str {
        match self {
            Which::Name => "name",
            Which::Alias(_) => "alias",
        }
    }
}

/// The rules' view of one entity.
struct EntityLint<'a> {
    record: &'a EntityRecord,
    block: &'a Block,
    /// Scanned only when a warning needs a position.
    list: OnceCell<Option<AliasList<'a>>>,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> EntityLint<'a> {
    fn list(&self) -> Option<&AliasList<'a>> {
        let block = self.block;
        self.list
            .get_or_init(|| {
                AliasList::scan(&block.source.text, block.bytes.clone(), block.line)
                    .filter(|list| list.items.len() == self.record.aliases.len())
            })
            .as_ref()
    }

    fn position(&self, which: Which) -> (usize, usize) {
        match which {
            Which::Name => self.block.key_position("name"),
            Which::Alias(index) => match self.list() {
                Some(list) => list.position(&list.items[index]),
                None => self
                    .block
                    .alias_item_position(index, &self.record.aliases[index].text),
            },
        }
    }

    /// Which written form a merged alias's text is: the name, or the first alias spelt so.
    fn which(&self, text: &str) -> Which {
        if text == self.record.name {
            return Which::Name;
        }
        self.record
            .aliases
            .iter()
            .position(|a| a.text == text)
            .map_or(Which::Name, Which::Alias)
    }

    fn warn(&mut self, rule: Rule, which: Which, message: &str) {
        let at = self.position(which);
        self.out.push(rule.warning(self.block, at, message));
    }

    fn texts(&self) -> impl Iterator<Item = (Which, &'a str)> + use<'a> {
        let record = self.record;
        std::iter::once((Which::Name, record.name.as_str())).chain(
            record
                .aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (Which::Alias(i), a.text.as_str())),
        )
    }

    /// `invisible-char`, `harakat`, `mixed-script` and `space`: rules about the characters written.
    fn characters(&mut self) {
        let id = &self.record.id;
        for (which, text) in self.texts() {
            let what = which.what();
            let shown = shown(text);
            let invisible = code_points(text, is_invisible);
            if !invisible.is_empty() {
                let message = format!(
                    "{what} \"{shown}\" of \"{id}\" contains {invisible}: the matcher ignores it, delete it"
                );
                self.warn(Rule::InvisibleChar, which, &message);
            }
            let harakat = code_points(text, is_haraka);
            if !harakat.is_empty() {
                let message = format!(
                    "{what} \"{shown}\" of \"{id}\" is written with harakat ({harakat}): the matcher ignores them, write the bare letters"
                );
                self.warn(Rule::Harakat, which, &message);
            }
            if text.chars().any(is_arabic_letter) {
                let latin = code_points(text, is_latin_letter);
                let persian = code_points(text, is_persian_letter);
                let mixed = match (latin.is_empty(), persian.is_empty()) {
                    (true, true) => None,
                    (false, true) => Some(format!("Latin letters ({latin})")),
                    (true, false) => Some(format!("Persian letters ({persian})")),
                    (false, false) => Some(format!(
                        "Latin letters ({latin}) and Persian letters ({persian})"
                    )),
                };
                if let Some(mixed) = mixed {
                    let message =
                        format!("{what} \"{shown}\" of \"{id}\" mixes {mixed} into Arabic");
                    self.warn(Rule::MixedScript, which, &message);
                }
            }
            let where_space = match (
                text.starts_with(char::is_whitespace),
                text.ends_with(char::is_whitespace),
            ) {
                (true, true) => Some("leading and trailing"),
                (true, false) => Some("leading"),
                (false, true) => Some("trailing"),
                (false, false) => None,
            };
            if let Some(where_space) = where_space.filter(|_| !text.trim().is_empty()) {
                let message = format!("{what} \"{shown}\" of \"{id}\" has {where_space} space");
                self.warn(Rule::Space, which, &message);
            }
        }
    }

    /// `duplicate-alias`: an alias that adds nothing, because the name or an earlier alias normalises
    /// alike. An alias with a rule after an `always` form is not one: that is how a name gets a rule;
    /// nor is one with `when: always` written out, which marks an `always` as deliberate.
    fn duplicates(&mut self, normalizer: &Normalizer) {
        let id = &self.record.id;
        let mut first: HashMap<String, (Which, When)> = HashMap::new();
        first.insert(
            normalizer.normalize_key(&self.record.name),
            (Which::Name, When::Always),
        );
        for (index, alias) in self.record.aliases.iter().enumerate() {
            let key = normalizer.normalize_key(&alias.text);
            let Some(&(earlier, earlier_when)) = first.get(&key) else {
                first.insert(key, (Which::Alias(index), alias.when));
                continue;
            };
            let earlier_text = match earlier {
                Which::Name => &self.record.name,
                Which::Alias(i) => &self.record.aliases[i].text,
            };
            let earlier_shown = match earlier {
                Which::Name => format!("the name \"{}\"", shown(earlier_text)),
                Which::Alias(_) => format!(
                    "\"{}\" on line {}",
                    shown(earlier_text),
                    self.position(earlier).0
                ),
            };
            let shown = shown(&alias.text);
            let same_text = clean(&alias.text) == clean(earlier_text);
            let written_rule = self
                .list()
                .is_some_and(|list| list.items[index].explicit_when);
            let message = if alias.when == When::Always && written_rule {
                // `when: always` written out: a deliberate choice, see `frequent-word`.
                continue;
            } else if alias.when == When::Always {
                if same_text {
                    format!("alias \"{shown}\" of \"{id}\" repeats {earlier_shown}")
                } else {
                    format!(
                        "alias \"{shown}\" of \"{id}\" normalises like {earlier_shown}: the matcher sees no difference"
                    )
                }
            } else if earlier_when == When::Always {
                // The rule now applies to the earlier form too.
                first.insert(key, (earlier, alias.when));
                continue;
            } else if same_text && alias.when == earlier_when {
                format!("alias \"{shown}\" of \"{id}\" repeats {earlier_shown}")
            } else {
                format!(
                    "alias \"{shown}\" of \"{id}\" (when: {}) normalises like {earlier_shown} (when: {}), whose rule wins",
                    alias.when.as_str(),
                    earlier_when.as_str()
                )
            };
            self.warn(Rule::DuplicateAlias, Which::Alias(index), &message);
        }
    }

    /// `unsorted-aliases`: the first alias that sorts before the one above it.
    fn order(&mut self) {
        let aliases = &self.record.aliases;
        let misplaced = (1..aliases.len()).find(|&i| {
            let previous = &aliases[i - 1];
            let this = &aliases[i];
            (clean(&this.text), this.when.as_str())
                < (clean(&previous.text), previous.when.as_str())
        });
        if let Some(index) = misplaced {
            let message = format!(
                "aliases of \"{}\" are not sorted: \"{}\" sorts before \"{}\"",
                self.record.id,
                shown(&aliases[index].text),
                shown(&aliases[index - 1].text)
            );
            self.warn(Rule::UnsortedAliases, Which::Alias(index), &message);
        }
    }

    /// `coordinates`: a point outside the bounding box of the entity's country, with a hint when the
    /// point swapped would fit.
    fn coordinates(&mut self) {
        let record = self.record;
        let (Some(country), Some(lat), Some(lon)) = (&record.country, record.lat, record.lon)
        else {
            return;
        };
        // Out-of-range values are errors already.
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return;
        }
        let Some(bounds) = country_box(&country.to_ascii_uppercase()) else {
            return;
        };
        if bounds.contains(lat, lon) {
            return;
        }
        let mut message = format!(
            "coordinates {lat}, {lon} of \"{}\" fall outside {country} (lat {}..{}, lon {}..{})",
            record.id, bounds.lat_min, bounds.lat_max, bounds.lon_min, bounds.lon_max
        );
        if bounds.contains(lon, lat) {
            message.push_str("; swapped they fall inside: lat and lon look exchanged");
        }
        let at = self.block.key_position("lat");
        self.out
            .push(Rule::Coordinates.warning(self.block, at, &message));
    }
}

/// An alias as `--fix` leaves it: invisible characters deleted, surrounding space trimmed.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_invisible(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// `text` for a message: invisible and control characters as `<U+200F>`, so that a terminal neither
/// hides them nor reorders the line around a bidi control.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_invisible(c) || c.is_control() {
            let _ = write!(out, "<U+{:04X}>", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The distinct characters of `text` that `pick` selects, as `U+200F right-to-left mark` or
/// `U+06AF "گ"`.
fn code_points(text: &str, pick: fn(char) -> bool) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| pick(c)) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|&c| match char_name(c) {
            Some(name) => format!("U+{:04X} {name}", u32::from(c)),
            None => format!("U+{:04X} \"{c}\"", u32::from(c)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names of the invisible characters and harakat met in pasted text.
fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200E}' => "left-to-right mark",
        '\u{200F}' => "right-to-left mark",
        '\u{061C}' => "arabic letter mark",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{00AD}' => "soft hyphen",
        '\u{0640}' => "tatweel",
        '\u{202A}'..='\u{202E}' => "bidi embedding or override",
        '\u{2066}'..='\u{2069}' => "bidi isolate",
        '\u{064B}' => "fathatan",
        '\u{064C}' => "dammatan",
        '\u{064D}' => "kasratan",
        '\u{064E}' => "fatha",
        '\u{064F}' => "damma",
        '\u{0650}' => "kasra",
        '\u{0651}' => "shadda",
        '\u{0652}' => "sukun",
        '\u{0670}' => "superscript alef",
        _ => return None,
    })
}

/// Harakat and the other marks the normaliser deletes from the Arabic block (not Quranic signs).
fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Letters of the Arabic block, presentation forms included.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Basic Latin and Latin-1/Extended-A/B letters.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic())
}

/// Letters of Persian that Arabic news text does not use: peh, tcheh, jeh, gaf, keheh, Farsi yeh,
/// heh with yeh above. Keheh and Farsi yeh fold to ك and ي, so they are pasted spellings; the others
/// do not fold and stop the alias from matching Arabic spellings.
fn is_persian_letter(c: char) -> bool {
    matches!(
        c,
        '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06A9}' | '\u{06CC}' | '\u{06C0}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules of the warnings `check` gives for one entity with these alias lines.
    fn rules_for(alias_lines: &str) -> Vec<String> {
        let yaml = format!(
            "- id: x:a\n  type: PLACE\n  name: قرية الاختبار الطويلة\n  name_en: Test\n  aliases:\n{alias_lines}"
        );
        let diagnostics = crate::Gazetteer::builder()
            .defaults(false)
            .add_yaml("t.yml", yaml)
            .check()
            .expect("no I/O");
        diagnostics
            .iter()
            .map(|d| {
                let rule = d.message.rsplit_once(" [").map_or("", |(_, r)| r);
                rule.trim_end_matches(']').to_owned()
            })
            .collect()
    }

    #[test]
    fn word_rules() {
        let rows: [(&str, &str, &[&str]); 11] = [
            ("a frequent word", "    - الباب\n", &["frequent-word"]),
            ("a frequent name keeps one form", "    - حلب\n", &[]),
            (
                "a rule silences it",
                "    - text: الباب\n      when: cue\n",
                &[],
            ),
            (
                "when: always written out silences it",
                "    - text: الباب\n      when: always\n",
                &[],
            ),
            (
                "the clitic reading is preferred",
                "    - بالتي\n",
                &["proclitic"],
            ),
            ("a word of its own is no clitic form", "    - كندا\n", &[]),
            ("a spelling too rare to occur", "    - بكان\n", &[]),
            ("one letter", "    - س\n", &["short-alias"]),
            ("phrases are not looked up", "    - باب الهوى\n", &[]),
            (
                "written always is no duplicate",
                "    - قرية الاختبار الطويلة\n    - text: قرية الاختبار الطويله\n      when: always\n",
                &["duplicate-alias"],
            ),
            (
                "a conflicting rule is a duplicate",
                "    - text: سين صاد\n      when: cue\n    - text: سين صاد\n      when: document\n",
                &["duplicate-alias"],
            ),
        ];
        for (name, aliases, expected) in rows {
            assert_eq!(rules_for(aliases), expected, "{name}");
        }
    }

    #[test]
    fn rule_names_are_unique_and_kebab_case() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Rule::ALL.len());
    }

    #[test]
    fn cleaning_and_showing() {
        let rows = [
            ("rlm stripped", "حلب\u{200F}", "حلب", "حلب<U+200F>"),
            ("tatweel stripped", "حلـب", "حلب", "حل<U+0640>ب"),
            ("spaces trimmed", " حلب ", "حلب", " حلب "),
            (
                "zwnj inside kept out",
                "می\u{200C}خواهد",
                "میخواهد",
                "می<U+200C>خواهد",
            ),
            ("harakat kept", "حَلَب", "حَلَب", "حَلَب"),
        ];
        for (name, text, cleaned, message_form) in rows {
            assert_eq!(clean(text), cleaned, "{name}");
            assert_eq!(shown(text), message_form, "{name}");
        }
    }

    #[test]
    fn character_classes() {
        let rows = [
            (
                "latin in arabic",
                "حلب x",
                is_latin_letter as fn(char) -> bool,
                "U+0078 \"x\"",
            ),
            ("accented latin", "é", is_latin_letter, "U+00E9 \"é\""),
            ("keheh", "کركوك", is_persian_letter, "U+06A9 \"ک\""),
            ("gaf twice", "گگ", is_persian_letter, "U+06AF \"گ\""),
            (
                "damma and shadda",
                "مُزّة",
                is_haraka,
                "U+064F damma, U+0651 shadda",
            ),
            ("arabic yeh is not persian", "علي", is_persian_letter, ""),
        ];
        for (name, text, pick, expected) in rows {
            assert_eq!(code_points(text, pick), expected, "{name}");
        }
    }
}
