//! Facilities no gazetteer lists: a facility's head noun and a name-like word after it make one
//! PLACE span with the head inside, as the annotation guideline wants (`مستشفى السلامة`, `شارع
//! العدوي`, `سجن صيدنايا`, `قاعدة العند الجوية`, `مستشفى الملك فهد`).
//!
//! The head nouns are few and fixed ([`HEADS`]): those that name a facility in construct with a
//! proper name (`مستشفى`، `مطار`، `شارع`، `سجن`، `قاعدة` …). Nouns that are as often common nouns
//! with a common complement are left out: `نقطة` (`نقطة التحول`), `ساحة` (`ساحة المعركة`), `محطة`
//! (`محطة التوليد`), `حقل`, `سد` (also the verb "to close": `سد العجز`), `بوابة`. A head that is
//! written definite (`المستشفى الميداني`) is never one: a name follows the head in construct.
//!
//! What may follow the head (at most three name words after the first, as in a person's name, then an adjective of
//! the facility such as `الجوية`, `الدولي`):
//! - a person the gazetteer lists (`شارع جمال عبد الناصر`): the facility takes the mention over;
//! - a title, a kunya or a given name opening a name, read as the name grammar reads a person's
//!   (`مستشفى الملك فهد`, `مسجد الإمام الصادق`, `شارع خالد بن الوليد`); a common given name needs
//!   a name word after it;
//! - one definite word rarer than a common noun (`العدوي`, `المعاشيق`; Zipf below 4.3, 3.6 after a
//!   head that is also an everyday word: `قصر النظر`, `قاعدة البيانات`), not an adjective of the
//!   facility (`الميداني`, `التخصصي`) or a nationality;
//! - one indefinite word rarer still (Zipf below 3.5, or 3.2), of a name's shape: not a nisba
//!   (`عسكرية`, `شيشاني`), not an adjective or adverb made from a known word (`تدريبي` from `تدريب`,
//!   `حكوميا` from `حكومي`), no tanween, no pronoun suffix, no proclitic on a known word.
//!
//! A known place after the head is [`crate::matcher::facility`]'s (`مطار جازان`), and a facility
//! inside another mention is that mention's. The heads are found by the matcher's automaton in the
//! same pass as the aliases and the name words (class [`Kinds::FACILITY`]).

use super::{
    Found, Grammar, NISBA_ZIPF, PersonScratch, What, Word, has_preposition_on_article,
    has_pronoun_suffix, is_letters, overlaps_any,
};
use crate::gazetteer::names::Kinds;
use crate::lexicon::Word as LexiconWord;
use crate::matcher::facility::{adjective_end, is_facility_adjective};
use crate::matcher::{NameWord, PROCLITICS};
use crate::normalize::next_word;

/// How readily a head noun makes the word after it a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// A noun that names a facility whenever a rare word follows it (`مستشفى`, `سجن`).
    Facility,
    /// A noun that is also an everyday word (`قصر` "shortness", `قاعدة` "rule", `جسر جوي` "an
    /// airlift"): the word after it must be rarer.
    Everyday,
    /// An everyday noun that is also a verbal noun whose object is a person (`بسجن أحمد نظيف`
    /// "with imprisoning Ahmed Nazif"): a person's name after it is no facility's.
    Verbal,
}

/// The head nouns, normalised (ة is ه, ى is ي, أ is ا), with how readily each names a facility.
const HEADS: &[(&str, Head)] = &[
    ("مطار", Head::Facility),
    ("مستشفي", Head::Facility),
    ("مشفي", Head::Facility),
    ("شارع", Head::Facility),
    ("مسجد", Head::Facility),
    ("معسكر", Head::Facility),
    ("ثكنه", Head::Facility),
    ("ميناء", Head::Facility),
    ("مرفا", Head::Facility),
    ("دوار", Head::Facility),
    ("جامع", Head::Everyday),
    ("مخيم", Head::Everyday),
    ("معبر", Head::Everyday),
    ("قاعده", Head::Everyday),
    ("قصر", Head::Everyday),
    ("جسر", Head::Everyday),
    // `سجن النشطاء` "imprisoning the activists": also a verbal noun.
    ("سجن", Head::Verbal),
];

/// Words that describe a facility rather than name it (normalised), besides the adjectives that
/// close a name (`matcher::facility`): `مستشفى الميداني` is a field hospital.
const DESCRIPTORS: &[&str] = &[
    "الاستشاري",
    "الاعدادي",
    "التحضيري",
    "التدريبي",
    "الاهلي",
    "التجاري",
    "التخصصي",
    "التعليمي",
    "الجامعي",
    "الجديد",
    "الحربي",
    "الحكومي",
    "الخاص",
    "الرئاسي",
    "الرئيسي",
    "السياحي",
    "الصغير",
    "العام",
    "القديم",
    "المحلي",
    "المدني",
    "الميداني",
    "الوطني",
];

/// Words after a head noun that refer back and name nothing (`قصر الأمير المذكور`), and the
/// complements of a camp that say what it is for (`معسكر الاعتقال`, `معسكر الإعداد` of a team).
const NEVER_NAMES: &[&str] = &[
    "المذكور",
    "المذكوره",
    "المعني",
    "المعنيه",
    "نفسه",
    "الاعتقال",
    "الاستعداد",
    "الاعداد",
    "التحضير",
    "التدريب",
    "المنتخب",
    "النخبه",
];

/// A word in ه whose stem is this frequent reads as the stem and the pronoun (`والده`).
const PRONOUN_STEM_ZIPF: f32 = 4.0;

/// Words a name may have after its first (`خالد بن الوليد`: `بن` and the word it joins count as one).
const MORE_NAME_WORDS: usize = 2;

/// The head nouns of the rule, normalised: the matcher makes them patterns of its automaton.
pub(crate) const FACILITY_HEADS: [&str; HEADS.len()] = {
    let mut heads = [""; HEADS.len()];
    let mut i = 0;
    while i < HEADS.len() {
        heads[i] = HEADS[i].0;
        i += 1;
    }
    heads
};

/// How readily a head noun names a facility.
fn head_of(word: &str) -> Option<Head> {
    HEADS
        .iter()
        .find(|(head, _)| *head == word)
        .map(|&(_, h)| h)
}

/// The Zipf frequency below which a definite word after `head` is a name.
fn definite_limit(head: Head) -> f32 {
    match head {
        Head::Facility => 4.3,
        Head::Everyday | Head::Verbal => 3.6,
    }
}

/// The Zipf frequency below which an indefinite word after `head` is a name.
fn indefinite_limit(head: Head) -> f32 {
    match head {
        Head::Facility => 3.5,
        Head::Everyday | Head::Verbal => 3.2,
    }
}

impl Grammar<'_> {
    /// Adds the facilities named after a head noun to `found` (mentions in text order), taking over
    /// the gazetteer people inside them; leaves `found` in text order.
    pub(super) fn add_facilities(
        &self,
        hay: &str,
        name_words: &[NameWord],
        found: &mut Vec<Found>,
        scratch: &mut PersonScratch,
    ) {
        let mut added = std::mem::take(&mut scratch.added);
        added.clear();
        scratch.taking.clear();
        let mut covered_until = 0;
        for word in name_words.iter().filter(|w| w.kinds.any(Kinds::FACILITY)) {
            // The scan found the head as a word, with its proclitics (`بمطار`).
            let (clitic_start, start, end) =
                (word.norm_clitic_start, word.norm_start, word.norm_end);
            if start < covered_until || overlaps_any(found, clitic_start, end) {
                continue;
            }
            let Some(head) = head_of(&hay[start..end]) else {
                continue;
            };
            let taken = scratch.taking.len();
            let Some(name_end) = self.facility_name(hay, end, head, found, &mut scratch.taking)
            else {
                scratch.taking.truncate(taken);
                continue;
            };
            let with_adjective = descriptor_end(hay, name_end);
            let name_end = if overlaps_any(found, name_end, with_adjective) {
                name_end
            } else {
                with_adjective
            };
            covered_until = name_end;
            added.push(Found {
                norm_clitics: clitic_start..start,
                norm_start: start,
                norm_end: name_end,
                what: What::Place,
            });
        }
        if !added.is_empty() {
            if !scratch.taking.is_empty() {
                let mut index = 0;
                let taking = &scratch.taking;
                found.retain(|_| {
                    index += 1;
                    !taking.contains(&(index - 1))
                });
            }
            found.append(&mut added);
            found.sort_by_key(|f| f.norm_start);
        }
        scratch.taking.clear();
        scratch.added = added;
    }

    /// Where the name after a head noun that ends at `at` ends, when a name follows; the gazetteer
    /// people it takes over are added to `taking`.
    fn facility_name(
        &self,
        hay: &str,
        at: usize,
        head: Head,
        found: &[Found],
        taking: &mut Vec<usize>,
    ) -> Option<usize> {
        let word = next_word(hay, at)?;
        if let Some((index, mention)) = self.mention_at(found, word.0) {
            // A listed person's name is the facility's (`شارع جمال عبد الناصر`); a known place is
            // `matcher::facility`'s, and any other mention is no facility's name.
            if mention.stands_unglued_at(word.0) && self.is_person(mention) && head != Head::Verbal
            {
                taking.push(index);
                return Some(mention.norm_end);
            }
            return None;
        }
        if overlaps_any(found, word.0, word.1) {
            return None;
        }
        let text = &hay[word.0..word.1];
        if !is_letters(text) || self.has_tanween(word) {
            return None;
        }
        let entry = self.word(text);
        let kinds = entry.kinds;
        if kinds.any(Kinds::STOP) || self.is_folded_function_word(kinds, word) {
            return None;
        }
        if text == "الفريق" {
            return None; // the rank, but after a camp the team: `معسكر الفريق`
        }
        if head == Head::Verbal && kinds.any(Kinds::TITLE | Kinds::ANY_GIVEN) {
            return None; // `بسجن الرئيس`, `بسجن أحمد نظيف`: imprisoning a person
        }
        if kinds.any(Kinds::TITLE | Kinds::KUNYA) {
            // `سجن والده` "his father's prison": the title `والدة` written with ه is a noun and
            // its pronoun.
            if self.original_word(word).ends_with('ه') && self.has_pronoun_reading(text) {
                return None;
            }
            // `مستشفى الملك فهد`, `مسجد الإمام الصادق`, `شارع أبو نواس`: a name must follow.
            let name = next_word(hay, word.1)?;
            if let Some((index, mention)) = self.mention_at(found, name.0) {
                if !(mention.stands_unglued_at(name.0) && self.is_person(mention)) {
                    return None;
                }
                taking.push(index);
                return Some(mention.norm_end);
            }
            let text = &hay[name.0..name.1];
            let entry = self.word(text);
            let given = self.is_given_name(name, entry.kinds);
            if !given
                && (entry.kinds.any(Kinds::ENDERS | Kinds::NATIONALITY)
                    || !is_letters(text)
                    || self.has_tanween(name)
                    || !self.is_facility_name_word(text, entry, Head::Facility))
            {
                return None;
            }
            return Some(self.more_name_words(hay, name.1, found));
        }
        if self.is_given_name(word, kinds) && !self.has_pronoun_reading(text) {
            let end = self.more_name_words(hay, word.1, found);
            if kinds.any(Kinds::GIVEN) || end > word.1 {
                return Some(end);
            }
            // A given name that is an everyday word (`جميل`) needs a name word after it, or to be
            // rare enough as a word to name the facility alone (`مسجد الصادق`).
        }
        if kinds.any(Kinds::ENDERS | Kinds::NATIONALITY) {
            return None;
        }
        self.is_facility_name_word(text, entry, head)
            .then_some(word.1)
    }

    /// Whether a word is a given name as written (not `على` for `علي`, not a stop word).
    fn is_given_name(&self, word: Word, kinds: Kinds) -> bool {
        kinds.any(Kinds::ANY_GIVEN)
            && !kinds.any(Kinds::STOP)
            && !self.is_folded_function_word(kinds, word)
    }

    /// The end of a name whose first word ends at `at`, with up to two more words that only a
    /// person's name has: given names, `بن`/`عبد`/`أبو` and the word they join, family names in ي
    /// (`شارع خالد بن الوليد`, `شارع هدى شعراوي`). An adjective or a verb after the name ends it
    /// (`شارع خالد بن الوليد المجاور`, `مسجد عمرو بن العاص سيواجه`).
    fn more_name_words(&self, hay: &str, mut at: usize, found: &[Found]) -> usize {
        for _ in 0..MORE_NAME_WORDS {
            let Some(word) = next_word(hay, at) else {
                break;
            };
            if overlaps_any(found, word.0, word.1) {
                break;
            }
            let text = &hay[word.0..word.1];
            let kinds = self.word(text).kinds;
            if kinds.any(Kinds::LINK | Kinds::KUNYA) || text == "عبد" {
                let kunya = !kinds.any(Kinds::LINK);
                match self.joined_end(hay, word.1, found, kunya, 2) {
                    Some(end) => {
                        at = end;
                        continue;
                    }
                    None => break,
                }
            }
            if self.is_given_name(word, kinds)
                || self.is_family_name(text, kinds)
                || self.is_unknown_word(text, kinds)
            {
                at = word.1;
            } else {
                break;
            }
        }
        at
    }

    /// Where the name word joined by `بن`, `عبد` or `أبو` (ending at `at`) ends: a given name, a
    /// definite word of a name's frequency (`بن الوليد`, `عبد الله`), a word the word list does not
    /// know, any word after `أبو`/`عبد` (`أبو جبل`), and through another `عبد` or `أبو` up to
    /// `depth` times (`علي بن أبي طالب`, `تركي بن عبد الله`).
    fn joined_end(
        &self,
        hay: &str,
        at: usize,
        found: &[Found],
        kunya: bool,
        depth: usize,
    ) -> Option<usize> {
        let word = next_word(hay, at)?;
        if overlaps_any(found, word.0, word.1) {
            return None;
        }
        let text = &hay[word.0..word.1];
        let entry = self.word(text);
        let kinds = entry.kinds;
        if (text == "عبد" || kinds.any(Kinds::KUNYA)) && depth > 0 {
            return self.joined_end(hay, word.1, found, true, depth - 1);
        }
        if !is_letters(text) || kinds.any(Kinds::STOP | Kinds::ENDERS) || self.has_tanween(word) {
            return None;
        }
        let name = kunya
            || self.is_given_name(word, kinds)
            || (text.starts_with("ال") && entry.zipf < NISBA_ZIPF)
            || self.is_unknown_word(text, kinds);
        name.then_some(word.1)
    }

    /// Whether a word after a name word is one the word list does not know, of a name's shape
    /// (`شارل ديغول`, `ناظم الورار`).
    fn is_unknown_word(&self, text: &str, kinds: Kinds) -> bool {
        let bare = text.strip_prefix("ال").unwrap_or(text);
        is_letters(text)
            && kinds.is_empty()
            && self.word(text).zipf == 0.0
            && self.is_rare_word_shape(bare)
            && !self.is_derived_adjective(bare) // `زحاما`: an accusative of `زحام`
    }

    /// Whether a word after a given name is a family name in ي (`العدوي`, `شعراوي`), not an
    /// adjective of the facility.
    fn is_family_name(&self, text: &str, kinds: Kinds) -> bool {
        let limit = if text.starts_with("ال") {
            definite_limit(Head::Facility)
        } else {
            indefinite_limit(Head::Facility)
        };
        text.ends_with('ي')
            && is_letters(text)
            && text.chars().count() >= 4
            && self.is_rare_word_shape(text.strip_prefix("ال").unwrap_or(text)) // not `ومستشفى`
            && !kinds.any(Kinds::ENDERS | Kinds::NATIONALITY)
            && !is_facility_adjective(text)
            && !DESCRIPTORS.contains(&text)
            && self.word(text).zipf < limit
    }

    /// Whether a word that is no known name part names the facility after `head`.
    fn is_facility_name_word(&self, text: &str, entry: LexiconWord, head: Head) -> bool {
        if has_pronoun_suffix(text)
            || self.is_clitic_and_word(text)
            || text.starts_with('و') // `وموحد`: a conjunction and a word
            || has_preposition_on_article(text)
            || is_facility_adjective(text)
            || DESCRIPTORS.contains(&text)
            || NEVER_NAMES.contains(&text)
        {
            return false;
        }
        match text.strip_prefix("ال") {
            Some(bare) => {
                // `الشغوفين`: a plural noun or adjective; `قاعدة الإمدادات`: a plural in ات after
                // an everyday head is its complement.
                bare.chars().count() >= 2
                    && entry.zipf < definite_limit(head)
                    && !is_plural(text)
                    && !(head != Head::Facility && text.ends_with("ات"))
            }
            None => {
                entry.zipf < indefinite_limit(head)
                    && self.is_rare_word_shape(text)
                    // `عسكرية`, `شيشاني`: a nisba, an adjective or a person's origin
                    && !text.ends_with("يه")
                    && !text.ends_with('ي')
                    && !self.is_derived_adjective(text)
            }
        }
    }

    /// Whether an indefinite word has the shape of a name rather than a verb, a participle or a
    /// preposition and a word: `يقع`, `تصح` (imperfect verbs), `متعرج` (a participle), `لتجريب`.
    fn is_rare_word_shape(&self, text: &str) -> bool {
        let chars = text.chars().count();
        let verb = match text.chars().next() {
            Some('ي') => chars <= 5,
            Some('ت') => chars <= 4,
            _ => false,
        };
        let prefix = ["مت", "مست", "سي", "ست", "و"]
            .iter()
            .any(|p| text.starts_with(p))
            || has_preposition_on_article(text);
        chars >= 3
            && !verb
            && !prefix
            && !is_plural(text)
            && !has_pronoun_suffix(text)
            && !self.has_pronoun_reading(text)
            && !self.is_proclitic_and_word(text)
    }

    /// Whether a word in ه reads as a known word with the pronoun "his" (`والده` from `والد`,
    /// `مسافته` from `مسافة`): a noun of the sentence, not a name.
    fn has_pronoun_reading(&self, text: &str) -> bool {
        let Some(stem) = text.strip_suffix('ه') else {
            return false;
        };
        if stem.chars().count() >= 2 && self.word(stem).zipf >= PRONOUN_STEM_ZIPF {
            return true;
        }
        // A word in ة with the pronoun: `مسافته` is `مسافة` (normalised `مسافه`) + ه.
        stem.strip_suffix('ت').is_some_and(|bare| {
            bare.chars().count() >= 2 && {
                let mut feminine = String::with_capacity(bare.len() + 2);
                feminine.push_str(bare);
                feminine.push('ه');
                self.word(&feminine).zipf >= PRONOUN_STEM_ZIPF
            }
        })
    }

    /// Whether a word reads as a proclitic glued to a known word (`لتجريب`, `لمرضاه`).
    fn is_proclitic_and_word(&self, text: &str) -> bool {
        PROCLITICS.iter().any(|p| {
            text.strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() >= 3 && self.word(rest).zipf > 0.0)
        })
    }

    /// Whether an indefinite word is an adjective or adverb made from a known word by a final ي or
    /// ا (`تدريبي` from `تدريب`, `حكوميا` from `حكومي`): it describes the facility.
    fn is_derived_adjective(&self, text: &str) -> bool {
        text.strip_suffix(['ي', 'ا'])
            .is_some_and(|stem| stem.chars().count() >= 2 && self.word(stem).zipf > 0.0)
    }
}

/// Where a facility's name that ends at `end` ends with the adjective or descriptor of the facility
/// that may follow it (`قاعدة العند الجوية`, `مستشفى الطور العام`), as the guideline wants.
fn descriptor_end(hay: &str, end: usize) -> usize {
    let with_adjective = adjective_end(hay, end);
    if with_adjective > end {
        return with_adjective;
    }
    match next_word(hay, end) {
        Some(word) if DESCRIPTORS.contains(&&hay[word.0..word.1]) => word.1,
        _ => end,
    }
}

/// Whether a word ends like a sound plural (`ين`, `ون`): a plural noun or adjective, or a verb.
fn is_plural(text: &str) -> bool {
    text.chars().count() >= 5 && (text.ends_with("ين") || text.ends_with("ون"))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crate::testing::gazetteer_of;
    use crate::{Lexicon, Named, Tagger, Via};

    /// Name words the rows need, a listed person and a known place; the embedded lexicon gives the
    /// frequencies.
    const YAML: &str = "
names:
  given: [خالد, فهد, جمال, محمد, خلف, {text: جميل, common: true}, {text: الصادق, common: true}]
  titles: [الملك, الإمام, الرئيس, والدة]
  nationalities: [السوري, الأمريكي]
  kunya: [أبو]
  links: [بن]
  excluded_heads: [مستشفى, شارع, مطار, سجن, قاعدة, مسجد]
  stop: [في, إن]
entities:
  - {id: p:nasser, type: PERSON, name: جمال عبد الناصر, name_en: Nasser}
  - {id: pl:jazan, type: PLACE, name: جازان, name_en: Jazan}
  - {id: pl:aden, type: PLACE, name: عدن, name_en: Aden}
";

    fn tagger() -> Tagger {
        Tagger::with_options(gazetteer_of(YAML), Lexicon::embedded(), true)
    }

    /// (span, id) of the facilities the rule found in `text`.
    fn facilities(tagger: &Tagger, text: &str) -> Vec<(String, String)> {
        tagger
            .tag(text)
            .expect("a short text")
            .into_iter()
            .filter_map(|m| match m.named {
                Named::Place { name } => {
                    assert_eq!(m.via, Via::Facility);
                    assert_eq!(tagger.gazetteer().label_name(m.label), "PLACE");
                    assert_eq!(name, m.span);
                    let span = &text[m.span.range()];
                    Some((span.to_owned(), tagger.place_id(span)))
                }
                _ => None,
            })
            .collect()
    }

    /// A row: its name, the text, and the facilities the rule must find there (empty: a negative
    /// row).
    type Row = (&'static str, &'static str, &'static [&'static str]);

    #[test]
    fn facilities_after_head_nouns() {
        let rows: &[Row] = &[
            // Positives.
            (
                "hospital and a rare definite word",
                "نقل إلى مستشفى العدوي أمس",
                &["مستشفى العدوي"],
            ),
            (
                "street and a nisba",
                "في شارع العدوي وسط المدينة",
                &["شارع العدوي"],
            ),
            (
                "base and its adjective",
                "سيطروا على قاعدة العند الجوية",
                &["قاعدة العند الجوية"],
            ),
            (
                "prison and an indefinite name",
                "أفرج عن معتقلين من سجن صيدنايا",
                &["سجن صيدنايا"],
            ),
            (
                "palace never listed",
                "اجتمعوا في قصر المعاشيق",
                &["قصر المعاشيق"],
            ),
            (
                "a title and a given name",
                "وصل إلى مطار الملك خالد الدولي",
                &["مطار الملك خالد الدولي"],
            ),
            (
                "a title and a rare name",
                "صلى في مسجد الإمام الصادق",
                &["مسجد الإمام الصادق"],
            ),
            (
                "a given name and its chain",
                "يمتد شارع خالد بن الوليد",
                &["شارع خالد بن الوليد"],
            ),
            (
                "a listed person taken over",
                "في شارع جمال عبد الناصر",
                &["شارع جمال عبد الناصر"],
            ),
            (
                "a proclitic on the head stays outside",
                "وصل بمستشفى العدوي",
                &["مستشفى العدوي"],
            ),
            (
                "a descriptor closes the name",
                "نقل إلى مستشفى العدوي العام",
                &["مستشفى العدوي العام"],
            ),
            (
                "a name ends before a conjoined facility",
                "بين مستشفى الملك فهد ومستشفى آخر",
                &["مستشفى الملك فهد"],
            ),
            (
                "a prison named with a kunya",
                "في سجن أبو العدوي",
                &["سجن أبو العدوي"],
            ),
            (
                "a common given name rare as a word",
                "وقع تفجير في مسجد الصادق",
                &["مسجد الصادق"],
            ),
            // Negatives.
            (
                "a definite head is no name's",
                "نقل إلى المستشفى الميداني",
                &[],
            ),
            ("a descriptor is no name", "أقيم مستشفى الميداني", &[]),
            ("an indefinite adjective", "في شارع رئيسي", &[]),
            ("a feminine adjective", "أنشأوا قاعدة عسكرية", &[]),
            ("a frequent indefinite adjective", "بنوا سجن مركزي", &[]),
            (
                "a nationality after a definite head",
                "في الشارع السوري",
                &[],
            ),
            ("a frequent definite noun", "قاعدة البيانات الجديدة", &[]),
            (
                "an everyday head and a common noun",
                "يعاني من قصر النظر",
                &[],
            ),
            (
                "an adjective made from a known word",
                "أقام معسكر تدريبي",
                &[],
            ),
            ("a head noun not in the list", "وصلوا إلى نقطة التحول", &[]),
            ("the verb سد", "بهدف سد العجز", &[]),
            ("a common given name alone", "في شارع جميل", &[]),
            ("a stop word", "مستشفى في المدينة", &[]),
            (
                "a known place is the place rule's",
                "هبطت في مطار جازان",
                &[],
            ),
            ("a word that only starts like a head", "مطارات العدوي", &[]),
            (
                "a title read as a noun and its pronoun",
                "في سجن والده خلف القضبان",
                &[],
            ),
            (
                "a plural complement of an everyday head",
                "قاعدة الإمدادات",
                &[],
            ),
            ("a detention camp", "نقلوا إلى معسكر الاعتقال", &[]),
            ("a team's camp", "انضم إلى معسكر الفريق الاتحادي", &[]),
            (
                "imprisonment of a person of a nation",
                "قضت بسجن شيشاني",
                &[],
            ),
            ("a noun and its pronoun", "على قصر مسافته", &[]),
            ("imprisonment of a person", "قضت بسجن محمد خالد", &[]),
        ];
        let tagger = tagger();
        let mut names = HashSet::new();
        for (name, text, expected) in rows {
            assert!(names.insert(name), "duplicate row name {name}");
            let got: Vec<String> = facilities(&tagger, text)
                .into_iter()
                .map(|(span, _)| span)
                .collect();
            assert_eq!(got, *expected, "{name}: {text}");
        }
    }

    #[test]
    fn the_id_is_the_normalised_span() {
        let got = facilities(
            &tagger(),
            "نقل إلى مستشفى العدوي، ثم إلى قاعدة العند الجوية",
        );
        let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(
            ids,
            ["place:auto:مستشفي-العدوي", "place:auto:قاعده-العند-الجويه"]
        );
    }

    #[test]
    fn a_known_place_after_the_head_keeps_its_entity() {
        let tagger = tagger();
        let text = "هبطت في مطار جازان";
        let mentions = tagger.tag(text).expect("a short text");
        assert_eq!(mentions.len(), 1);
        assert_eq!(&text[mentions[0].span.range()], "مطار جازان");
        assert!(mentions[0].entity().is_some());
    }

    #[test]
    fn the_rule_needs_the_name_grammar() {
        let tagger = Tagger::with_options(gazetteer_of(YAML), Lexicon::embedded(), false);
        assert!(facilities(&tagger, "نقل إلى مستشفى العدوي").is_empty());
    }
}
