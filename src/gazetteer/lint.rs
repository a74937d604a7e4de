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
//!
//! One module per rule family: [`words`] (`short-alias`, `frequent-word`, `proclitic`), [`shared`]
//! (`shared-alias`, `cross-type-alias`), [`characters`] (`invisible-char`, `harakat`, `mixed-script`,
//! `space`) and [`entries`] (`duplicate-alias`, `unsorted-aliases`, `coordinates`).

mod alias_list;
mod characters;
mod country_box;
mod entries;
mod fix;
mod shared;
mod words;

use std::cell::OnceCell;

use crate::error::Diagnostic;
use crate::lexicon::Lexicon;
use crate::normalize::Normalizer;

use super::Alias;
use super::load::Block;
use super::schema::EntityRecord;
use alias_list::AliasList;
use characters::clean;

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
}
