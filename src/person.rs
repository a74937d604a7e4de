//! The person-name grammar: people no gazetteer lists, found by the shape of their names.
//!
//! News names far more people than any list holds, and most of those names have a shape a reader
//! sees at once. The matcher's automaton finds the words that open a name (given names, titles,
//! nationality adjectives, verbs of saying, kunya heads: `gazetteers/names/`) in the same pass as the
//! aliases; this module then reads the words after each of them:
//!
//! | rule | shape | the span |
//! |---|---|---|
//! | `given-name` | a given name and one to three more name words (`بدر باسلمة`); a given name that is also an everyday word (`جميل`) needs a known name or a rare word after it | the whole name |
//! | `title` | a title or role, its complements (definite words, nationality adjectives, tagged places and organisations, more titles) and a name (`وزير الخارجية الأمريكي كولن باول`, `المتحدث باسم التحالف العميد أحمد عسيري`, `الرئيس السيسي`) | the name, title outside |
//! | `nationality` | a nationality adjective and a name of two words or more (`الفنلندي جاركو نيمينن`) | the name |
//! | `speech-verb` | a verb of saying and a name of two words or more (`قال عمر الحسن`) | the name |
//! | `kunya` | `أبو`/`أم` and a name word, then name words (`أبو محمد الجولاني`) | the whole kunya |
//! | `coreference` | a later bare family or given name of a person named in full earlier in the document | the word |
//!
//! A *name word* is a known given name, or a word of Arabic letters that is rare as a word (below a
//! Zipf frequency, from the lexicon) and is no stop word, title, verb of saying or nationality
//! adjective; `بن`/`بنت` join two name words, `عبد` and `أبو` take the next word with them. Names never
//! cross punctuation.
//!
//! Exclusions: a name right after an excluded head (`آل`, `عائلة`, `مطار`, `جائزة`, `جامعة`) is no
//! person, and neither is a gazetteer person after a family marker (`آل الأسد`). A name inside a
//! gazetteer mention (`مطار جون كنيدي`) never fires: the gazetteer's span wins. A grammar name that
//! runs over a one-word place whose word is name-like takes it (`فالح العيساوي`, not the village).

use std::hash::Hasher;

use memchr::arch::all::packedpair::HeuristicFrequencyRank;
use memchr::memmem::FinderBuilder;

use crate::gazetteer::names::Kinds;
use crate::index::codec::{Decoded, Invalid, Reader, Writer};
use crate::lexicon::{Lexicon, Word as LexiconWord, WordHasher};
use crate::matcher::{NameWord, PROCLITICS, Resolved, Via, is_quote, last_word};
use crate::normalize::{OffsetMap, is_invisible, is_word_char, next_word};
use crate::span::LabelId;

mod place;

pub(crate) use place::FACILITY_HEADS;

/// Below this Zipf frequency a word may be part of a name without being a known name: most words
/// this rare in news are names (the lexicon lists words from Zipf 3).
const RARE_ZIPF: f32 = 4.0;
/// A family name in the article and the nisba ending (`الحسيني`, `المصري` ...) is often frequent as a
/// word too, so it may be more frequent than other name words.
const NISBA_ZIPF: f32 = 4.6;
/// A bare name word refers back to a person named in full unless it is this frequent: a surname
/// such as `الأسد` or `بشار` is frequent in news because the person is.
const COREF_ZIPF: f32 = 5.0;
/// A definite word after a title is its complement (`وزير الخارجية`) unless it is this rare: then it
/// is a bare surname (`الرئيس السيسي`).
const SURNAME_ZIPF: f32 = 3.2;
/// A name word shorter than this is an initial or noise.
const MIN_CHARS: usize = 2;
/// Name words after the opening one.
const MAX_PARTS: usize = 3;
/// Complement words between a title and the name.
const MAX_COMPLEMENTS: usize = 6;

/// The rule of the person-name grammar that found a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PersonRule {
    /// A given name and more name words.
    GivenName,
    /// A title or role before the name.
    Title,
    /// A nationality adjective before the name.
    Nationality,
    /// A verb of saying before the name.
    SpeechVerb,
    /// A kunya (`أبو محمد`).
    Kunya,
    /// A bare family or given name of a person named in full earlier in the document.
    Coreference,
}

impl PersonRule {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonRule::GivenName => "given-name",
            PersonRule::Title => "title",
            PersonRule::Nationality => "nationality",
            PersonRule::SpeechVerb => "speech-verb",
            PersonRule::Kunya => "kunya",
            PersonRule::Coreference => "coreference",
        }
    }
}

/// A mention in normalised offsets: from the gazetteer, or from the grammar.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// The proclitics: glued to the name (ending at `norm_start`), or written apart before a quote
    /// mark (`لـ"…`), or empty at `norm_start`.
    pub(crate) norm_clitics: std::ops::Range<usize>,
    pub(crate) norm_start: usize,
    pub(crate) norm_end: usize,
    pub(crate) what: What,
}

impl Found {
    /// Whether the mention's word starts at `at` with no proclitics glued to it: a name there is the
    /// mention's own, not a clitic reading of it.
    pub(crate) fn stands_unglued_at(&self, at: usize) -> bool {
        self.word_start() == at && self.norm_start == at
    }

    /// Where the mention's word starts: at its glued proclitics, or at the name.
    pub(crate) fn word_start(&self) -> usize {
        if self.norm_clitics.end == self.norm_start {
            self.norm_clitics.start
        } else {
            self.norm_start
        }
    }
}

/// What a found mention names.
#[derive(Clone, Copy, Debug)]
pub(crate) enum What {
    /// A gazetteer entity.
    Entity(Resolved),
    /// A person found by the grammar; `name` is the normalised span of the fullest form of the name
    /// in the document, which gives its id.
    Person {
        name: (usize, usize),
        rule: PersonRule,
    },
    /// A facility found by its head noun and a name-like word (see [`place`]); its name is its span.
    Place,
}

/// Per-document buffers of the grammar.
#[derive(Debug, Default)]
pub(crate) struct PersonScratch {
    found: Vec<Found>,
    /// Gazetteer mentions a grammar name took over (person over place).
    dropped: Vec<bool>,
    /// The mentions the name being read would take over, committed only when it is a name.
    taking: Vec<usize>,
    /// Full names that later bare names refer to: (key span in the text, mention index).
    keys: Vec<((usize, usize), usize)>,
    /// The bare names found, before they join the mentions.
    added: Vec<Found>,
}

/// The grammar, over one gazetteer's name words and one lexicon.
pub(crate) struct Grammar<'g> {
    /// The original text, whose spelling tells a name from a function word that folds like it
    /// (`على` "on" and `علي` Ali).
    pub(crate) original: &'g str,
    pub(crate) offsets: &'g OffsetMap,
    /// Word frequencies and, for the words of the name files, their classes.
    pub(crate) lexicon: &'g Lexicon,
    /// The words of the name files, to answer most questions about classes without the lexicon.
    pub(crate) filter: &'g KindsFilter,
    pub(crate) person: LabelId,
    pub(crate) place: LabelId,
}

/// One word of the text: its normalised span.
type Word = (usize, usize);

impl Grammar<'_> {
    /// Adds the grammar's persons to `found` (gazetteer mentions in text order), drops the mentions
    /// they take over and the excluded ones, and leaves `found` in text order.
    pub(crate) fn apply(
        &self,
        hay: &str,
        name_words: &[NameWord],
        found: &mut Vec<Found>,
        scratch: &mut PersonScratch,
    ) {
        // Facilities first: the names after their head nouns are no people (`مستشفى الملك فهد`).
        self.add_facilities(hay, name_words, found, scratch);
        scratch.found.clear();
        scratch.dropped.clear();
        scratch.dropped.resize(found.len(), false);
        let mut covered_until = 0;
        for word in name_words {
            if word.norm_start < covered_until
                || !word.kinds.any(Kinds::OPENERS)
                || self.is_folded_given_name(hay, word)
            {
                continue;
            }
            // A name may open on a one-word place (`فالح` a village too): the name takes it.
            let place = self.one_word_place_at(found, word);
            if place.is_none() && overlaps_any(found, word.norm_start, word.norm_start + 1) {
                continue;
            }
            scratch.taking.clear();
            if let Some(person) = self.person_at(hay, word, found, &mut scratch.taking) {
                covered_until = person.norm_end;
                if let Some(index) = place.filter(|_| person.norm_start == word.norm_start) {
                    scratch.dropped[index] = true;
                }
                for &index in &scratch.taking {
                    scratch.dropped[index] = true;
                }
                scratch.found.push(person);
            }
        }
        // Families and facility names: no person right after their head word.
        for (index, f) in found.iter().enumerate() {
            if let What::Entity(resolved) = f.what
                && resolved.label == self.person
                && self.after_family_marker(hay, f.word_start())
            {
                scratch.dropped[index] = true;
            }
        }
        let mut index = 0;
        found.retain(|_| {
            index += 1;
            !scratch.dropped[index - 1]
        });
        if !scratch.found.is_empty() || found.iter().any(|f| self.is_person(f)) {
            found.append(&mut scratch.found);
            found.sort_by_key(|f| f.norm_start);
            self.corefer(hay, found, scratch);
        }
        debug_assert!(
            found.windows(2).all(|w| w[0].norm_end <= w[1].word_start()),
            "mentions overlap after the name grammar"
        );
    }

    /// A normalised word's lexicon entry.
    fn word(&self, text: &str) -> LexiconWord {
        self.lexicon.word(text)
    }

    /// The name-grammar classes of a normalised word.
    fn kinds(&self, word: &str) -> Kinds {
        if !self.filter.may_have(word) {
            return Kinds::default();
        }
        self.word(word).kinds
    }

    /// Whether a one-word given name opener is a function word that folds like it (`على` "on",
    /// `علي` Ali): one written with ى, or a stop word written otherwise than it reads normalised.
    /// A fifth of the openers in news are `على`: they are turned away here, before any lookup.
    fn is_folded_given_name(&self, hay: &str, opener: &NameWord) -> bool {
        let kinds = opener.kinds;
        let word = (opener.norm_start, opener.norm_end);
        kinds.any(Kinds::ANY_GIVEN)
            && !kinds.any(Kinds::TITLE | Kinds::KUNYA)
            && !hay[word.0..word.1].contains(' ')
            && ((kinds.any(Kinds::STOP) && !self.written_as_normalized(hay, word))
                || self.is_folded_function_word(kinds, word))
    }

    fn is_person(&self, found: &Found) -> bool {
        match found.what {
            What::Entity(resolved) => resolved.label == self.person,
            What::Person { .. } => true,
            What::Place => false,
        }
    }

    /// The index of a gazetteer place mention that is exactly the name word `word`.
    fn one_word_place_at(&self, found: &[Found], word: &NameWord) -> Option<usize> {
        let (index, mention) = self.mention_at(found, word.norm_start)?;
        let place = matches!(mention.what, What::Entity(r) if r.label == self.place);
        (place && mention.norm_end == word.norm_end).then_some(index)
    }

    /// The gazetteer mention whose name starts exactly at `at`, with its index.
    fn mention_at<'f>(&self, found: &'f [Found], at: usize) -> Option<(usize, &'f Found)> {
        let index = found.partition_point(|f| f.norm_start < at);
        found
            .get(index)
            .filter(|f| f.norm_start == at || f.word_start() == at)
            .map(|f| (index, f))
    }

    /// The person opened by one name word, if its rule holds.
    fn person_at(
        &self,
        hay: &str,
        opener: &NameWord,
        found: &[Found],
        taking: &mut Vec<usize>,
    ) -> Option<Found> {
        let kinds = opener.kinds;
        let word = (opener.norm_start, opener.norm_end);
        let text = &hay[word.0..word.1];
        let (rule, start, end) = if kinds.any(Kinds::TITLE) {
            // `مستشفى الملك فهد`, `جامعة الملك عبدالعزيز`: a title after a facility's head is part of
            // the facility's name.
            // Most titles have no name after them: read that first, the words before only then.
            let (start, end) = self.after_title(hay, word.1, found, taking)?;
            if self.after_excluded_head(hay, opener.norm_start, opener) {
                return None;
            }
            (PersonRule::Title, start, end)
        } else if kinds.any(Kinds::KUNYA) {
            let (first, known) = self.name_word_after(hay, word.1, found, true, taking)?;
            if text == "ام" && !known {
                return None; // `رابحة أم خاسرة`: the particle "or", not "mother of"
            }
            let end = self.extend(hay, first.1, found, true, taking);
            // A kunya's nisba may be a nationality (`أبو قتادة المغربي`).
            let end = match next_word(hay, end) {
                Some(nisba) if self.kinds(&hay[nisba.0..nisba.1]).any(Kinds::NATIONALITY) => {
                    nisba.1
                }
                _ => end,
            };
            (PersonRule::Kunya, word.0, end)
        } else if kinds.any(Kinds::ANY_GIVEN) && !text.contains(' ') {
            // A function word that folds like a given name never gets here (see
            // `is_folded_given_name`).
            let stop = kinds.any(Kinds::STOP);
            let strong = kinds.any(Kinds::GIVEN) && !stop;
            let (first, known) = self.name_word_after(hay, word.1, found, strong, taking)?;
            let first_text = &hay[first.0..first.1];
            if !strong
                && !known
                && (self.word(first_text).zipf > 0.0 || (stop && !first_text.starts_with("ال")))
            {
                return None;
            }
            // A noun in ة and an adjective agreeing with it (`عودة مرتقبة`), not a name.
            if !known
                && text.ends_with('ه')
                && first_text.ends_with('ه')
                && !first_text.starts_with("ال")
            {
                return None;
            }
            let end = self.extend(hay, first.1, found, strong, taking);
            (PersonRule::GivenName, word.0, end)
        } else if kinds.any(Kinds::GIVEN) {
            // A compound given name (`عبد الله`) stands as a name on its own only with more after it.
            let (first, _) = self.name_word_after(hay, word.1, found, true, taking)?;
            let end = self.extend(hay, first.1, found, true, taking);
            (PersonRule::GivenName, word.0, end)
        } else if kinds.any(Kinds::NATIONALITY | Kinds::SPEECH_VERB) {
            let rule = if kinds.any(Kinds::SPEECH_VERB) {
                PersonRule::SpeechVerb
            } else {
                PersonRule::Nationality
            };
            // A definite word is no name here (`قال المتحدث`): a look at its first letters saves
            // the lookups of most such openers.
            if next_word(hay, word.1).is_none_or(|w| hay[w.0..w.1].starts_with("ال")) {
                return None;
            }
            let (first, known) = self.name_word_after(hay, word.1, found, false, taking)?;
            let first_text = &hay[first.0..first.1];
            if !(known || self.word(first_text).zipf == 0.0) {
                return None;
            }
            let end = self.extend(hay, first.1, found, false, taking);
            if end == first.1 {
                return None; // one word after a verb or an adjective is too weak
            }
            (rule, first.0, end)
        } else {
            return None;
        };
        if self.after_excluded_head(hay, start, opener)
            || !self.takes_over(found, start, end, taking)
        {
            return None;
        }
        let clitic_start = if start == word.0 {
            opener.norm_clitic_start
        } else {
            start
        };
        Some(Found {
            norm_clitics: clitic_start..start,
            norm_start: start,
            norm_end: end,
            what: What::Person {
                name: (start, end),
                rule,
            },
        })
    }

    /// Whether a name at `start..end` can take over every gazetteer mention it overlaps: a person's
    /// name inside it (`بندر بن سلمان بن محمد` holds the alias `بن سلمان`), or a place it already took;
    /// any other overlap keeps the gazetteer's reading. The person mentions are added to `taking`.
    fn takes_over(
        &self,
        found: &[Found],
        start: usize,
        end: usize,
        taking: &mut Vec<usize>,
    ) -> bool {
        let first = found.partition_point(|f| f.norm_end <= start);
        for (index, f) in found.iter().enumerate().skip(first) {
            if f.word_start() >= end {
                break;
            }
            if taking.contains(&index) {
                continue;
            }
            if !self.is_person(f) || f.word_start() < start || f.norm_end > end {
                return false;
            }
            taking.push(index);
        }
        true
    }

    /// After a title: its complements, then a name; the name's span.
    fn after_title(
        &self,
        hay: &str,
        mut at: usize,
        found: &[Found],
        taking: &mut Vec<usize>,
    ) -> Option<(usize, usize)> {
        for complements in 0..MAX_COMPLEMENTS {
            let word = next_word(hay, at)?;
            if let Some((_, mention)) = self.mention_at(found, word.0) {
                if self.is_person(mention) {
                    return None; // the gazetteer named the person already
                }
                at = mention.norm_end; // `المتحدث باسم التحالف`
                continue;
            }
            let text = &hay[word.0..word.1];
            let entry = self.word(text);
            let kinds = entry.kinds;
            if kinds.any(Kinds::TITLE) {
                at = word.1; // stacked titles: `المتحدث باسم التحالف العميد`
                continue;
            }
            if kinds.any(Kinds::ENDERS) || !is_letters(text) {
                return None;
            }
            if let Some(phrase) = self.title_phrase(hay, word) {
                at = phrase; // `رئيس الوزراء`
                continue;
            }
            let zipf = entry.zipf;
            let known = !self.is_folded_function_word(kinds, word)
                && (kinds.any(Kinds::GIVEN)
                    || (kinds.any(Kinds::COMMON_GIVEN)
                        && next_word(hay, word.1)
                            .is_some_and(|w| self.is_name_word(&hay[w.0..w.1]))));
            let definite = text.starts_with("ال");
            let surname = definite
                && zipf < SURNAME_ZIPF
                && (is_nisba(text) || zipf == 0.0) // `اللواء الخاضع`: a participle
                && !text.ends_with('ه') // `المتوفاة`: a feminine noun or adjective
                && !kinds.any(Kinds::NATIONALITY);
            let rare = !definite && zipf < RARE_ZIPF && self.is_name_word_entry(text, entry);
            if (known || surname || rare) && !self.has_tanween(word) {
                let end = self.extend(hay, word.1, found, true, taking);
                return Some((word.0, end));
            }
            if !definite && complements > 0 {
                return None; // a verb after the title's complement: `الخبير المروري أجرى`
            }
            at = word.1; // a complement: `الخارجية`, `الأمريكي`, `خارجية`
        }
        None
    }

    /// The end of a title of several words that starts at `word` (`رئيس الوزراء` inside a longer
    /// phrase), when the automaton saw its first word only as part of something else.
    fn title_phrase(&self, hay: &str, word: Word) -> Option<usize> {
        let next = next_word(hay, word.1)?;
        self.kinds(&hay[word.0..next.1])
            .any(Kinds::TITLE)
            .then_some(next.1)
    }

    /// The first name word right after `at`; with whether it is a known given name. A one-word place
    /// there is taken over when `strong` and its word is name-like.
    fn name_word_after(
        &self,
        hay: &str,
        at: usize,
        found: &[Found],
        strong: bool,
        taking: &mut Vec<usize>,
    ) -> Option<(Word, bool)> {
        let word = next_word(hay, at)?;
        let entry = self.word(&hay[word.0..word.1]);
        self.name_word_at(hay, word, entry, found, strong, taking)
    }

    /// [`Grammar::name_word_after`] for the word `word`, whose lexicon entry is `entry`.
    fn name_word_at(
        &self,
        hay: &str,
        word: Word,
        entry: LexiconWord,
        found: &[Found],
        strong: bool,
        taking: &mut Vec<usize>,
    ) -> Option<(Word, bool)> {
        let text = &hay[word.0..word.1];
        let kinds = entry.kinds;
        if let Some((index, mention)) = self.mention_at(found, word.0) {
            let unglued = mention.stands_unglued_at(word.0);
            // A given name right before a person's name is its patronymic chain
            // (`محمد خالد الحمد الصباح`): the whole is one name.
            if unglued && strong && self.is_person(mention) {
                taking.push(index);
                return Some(((word.0, mention.norm_end), true));
            }
            let one_word_place = matches!(mention.what, What::Entity(r) if r.label == self.place)
                && mention.norm_end == word.1
                && unglued;
            if !(strong && one_word_place && self.is_name_word_entry(text, entry)) {
                return None;
            }
            taking.push(index);
            return Some((word, false));
        }
        let known = kinds.any(Kinds::ANY_GIVEN) && !kinds.any(Kinds::STOP);
        let name = (known || self.is_name_word_entry(text, entry))
            && !self.has_tanween(word)
            && !self.is_folded_function_word(kinds, word);
        name.then_some((word, known))
    }

    /// The end of the name whose last word so far ends at `at`: up to [`MAX_PARTS`] more name words,
    /// `بن`/`بنت` chains and `عبد`/`أبو` + a word.
    fn extend(
        &self,
        hay: &str,
        mut at: usize,
        found: &[Found],
        strong: bool,
        taking: &mut Vec<usize>,
    ) -> usize {
        for _ in 0..MAX_PARTS {
            let Some(word) = next_word(hay, at) else {
                break;
            };
            let text = &hay[word.0..word.1];
            let entry = self.word(text);
            if entry.kinds.any(Kinds::LINK | Kinds::KUNYA) || text == "عبد" {
                // `بن سلمان`, `أبو زيد`, `عبد الرحمن`: the joined word must follow.
                match self.name_word_after(hay, word.1, found, strong, taking) {
                    Some((next, _)) => at = next.1,
                    None => break,
                }
                continue;
            }
            match self.name_word_at(hay, word, entry, found, strong, taking) {
                Some((next, _)) => at = next.1,
                None => break,
            }
        }
        at
    }

    /// Whether a word can be part of a name without being a known one.
    fn is_name_word(&self, text: &str) -> bool {
        self.is_name_word_entry(text, self.word(text))
    }

    /// [`Grammar::is_name_word`] for a word whose lexicon entry is `word`.
    fn is_name_word_entry(&self, text: &str, word: LexiconWord) -> bool {
        let kinds = word.kinds;
        if kinds.any(Kinds::ANY_GIVEN) {
            return !kinds.any(Kinds::STOP);
        }
        !kinds.any(Kinds::ENDERS | Kinds::NATIONALITY | Kinds::KUNYA)
            && is_letters(text)
            && text.chars().count() >= MIN_CHARS
            && word.zipf < if is_nisba(text) { NISBA_ZIPF } else { RARE_ZIPF }
            && !text.starts_with('و') // `والسديرة`: names in و are known ones (`وليد`)
            && !has_pronoun_suffix(text)
            && !(text.starts_with('ي') && text.chars().count() <= 5) // `يشرف`: a verb, not a name
            && !has_preposition_on_article(text)
            && !(text.starts_with("ال") && text.ends_with('ه') && word.zipf > 0.0)
            && !self.is_clitic_and_word(text)
    }

    /// Whether a word reads as proclitics glued to a known word (`والاستماع`, `لالصحفيين`): such a
    /// word is rare as a whole only because the word list holds bare words.
    fn is_clitic_and_word(&self, text: &str) -> bool {
        // The normaliser writes `لل` as `لال`, so `للصحفيين` reads ل + `الصحفيين` here too. A
        // preposition counts before the article or a frequent word (`لهيئة`): `باسلمة` is a name,
        // not ب + `اسلمة`.
        PROCLITICS.iter().any(|p| {
            text.strip_prefix(p).is_some_and(|rest| {
                let conjunction = matches!(*p, "و" | "ف");
                let zipf = self.word(rest).zipf;
                (zipf > 0.0 && (conjunction || rest.starts_with("ال")))
                    || (zipf >= RARE_ZIPF && matches!(*p, "ب" | "ل"))
            })
        })
    }

    /// A word as written in the original text, with the harakat after its last letter (which
    /// normalisation removed, so the normalised end stops before them).
    fn original_word(&self, word: Word) -> &str {
        let start = self.offsets.original_start(word.0);
        let end = self.offsets.original_start(word.1);
        let rest = &self.original[end..];
        let end = end + rest.len() - rest.trim_start_matches(is_mark).len();
        &self.original[start..end]
    }

    /// Whether the original word carries tanween (`كشفاً`): an indefinite noun, never a name.
    fn has_tanween(&self, word: Word) -> bool {
        self.original_word(word)
            .contains(['\u{064B}', '\u{064C}', '\u{064D}'])
    }

    /// Whether a word that folds like a given name is written as a function word (`على` for `علي`).
    fn is_folded_function_word(&self, kinds: Kinds, word: Word) -> bool {
        kinds.any(Kinds::FINAL_YEH) && self.written_with_alef_maqsura(word)
    }

    /// Whether the original word ends in ى.
    fn written_with_alef_maqsura(&self, word: Word) -> bool {
        self.original_word(word)
            .trim_end_matches(|c| is_mark(c) || is_invisible(c))
            .ends_with('ى')
    }

    /// Whether a word is written in the original exactly as it reads normalised (no folding).
    fn written_as_normalized(&self, hay: &str, word: Word) -> bool {
        self.original_word(word) == &hay[word.0..word.1]
    }

    /// Whether the word before a name is an excluded head (`جامعة جورج واشنطن`); a title opener
    /// stands there by design.
    fn after_excluded_head(&self, hay: &str, start: usize, opener: &NameWord) -> bool {
        let before = if start == opener.norm_start {
            opener.norm_clitic_start
        } else {
            start
        };
        // Titles between the head and the name belong to the facility's name too
        // (`مستشفى الملك فهد`, `طريق الأمير سلطان`).
        let mut at = before;
        for _ in 0..3 {
            let Some((word_start, _, kinds)) = self.token_before(hay, at) else {
                return false;
            };
            if kinds.any(Kinds::EXCLUDED_HEAD) {
                return true;
            }
            if !kinds.any(Kinds::TITLE) {
                return false;
            }
            at = word_start;
        }
        false
    }

    /// Whether a family marker (`آل`, `عائلة`) stands right before `at`.
    fn after_family_marker(&self, hay: &str, at: usize) -> bool {
        self.kinds_before(hay, at)
            .is_some_and(|kinds| kinds.any(Kinds::EXCLUDED_HEAD) && !kinds.any(Kinds::TITLE))
    }

    /// The classes of the word right before `at` (one space between), without its proclitics.
    fn kinds_before(&self, hay: &str, at: usize) -> Option<Kinds> {
        self.token_before(hay, at).map(|(_, _, kinds)| kinds)
    }

    /// Where the word before `at` starts, the word without its proclitics, and its classes.
    fn token_before<'h>(&self, hay: &'h str, at: usize) -> Option<(usize, &'h str, Kinds)> {
        let before = hay[..at].trim_end_matches(|c: char| c == ' ' || is_quote(c));
        if before.len() == at {
            return None;
        }
        let word = last_word(before);
        if word.is_empty() {
            return None;
        }
        let start = before.len() - word.len();
        let kinds = self.kinds(word);
        if !kinds.is_empty() {
            return Some((start, word, kinds));
        }
        let bare = PROCLITICS
            .iter()
            .filter_map(|p| word.strip_prefix(p))
            .map(|rest| (rest, self.kinds(rest)))
            .find(|(_, kinds)| !kinds.is_empty())
            .unwrap_or((word, kinds));
        Some((start, bare.0, bare.1))
    }

    /// Tags later bare family and given names of the people named in full (gazetteer or grammar).
    fn corefer(&self, hay: &str, found: &mut Vec<Found>, scratch: &mut PersonScratch) {
        scratch.keys.clear();
        for (index, f) in found.iter().enumerate() {
            if !self.is_person(f) {
                continue;
            }
            let name = &hay[f.norm_start..f.norm_end];
            let Some(last_space) = name.rfind(' ') else {
                continue;
            };
            let first = (f.norm_start, f.norm_start + name.find(' ').unwrap_or(0));
            let last = (f.norm_start + last_space + 1, f.norm_end);
            let listed = matches!(f.what, What::Entity(_));
            for key in [first, last] {
                let text = &hay[key.0..key.1];
                if self.is_coreference_key(text, listed) {
                    scratch.keys.push((key, index));
                }
            }
        }
        // A word that names two people is nobody's in particular.
        let mut ambiguous = Vec::new();
        for (i, &(key, index)) in scratch.keys.iter().enumerate() {
            let text = &hay[key.0..key.1];
            let other = scratch.keys[..i].iter().any(|&(k, j)| {
                &hay[k.0..k.1] == text && !self.same_person(hay, &found[j], &found[index])
            });
            if other {
                ambiguous.push(text);
            }
        }
        scratch
            .keys
            .retain(|&(k, _)| !ambiguous.contains(&&hay[k.0..k.1]));
        if scratch.keys.is_empty() {
            return;
        }
        // Each key is found with a SIMD substring search that looks first for the key's rarest bytes
        // in Arabic text (`ArabicBytes`): the default ranking takes the lead bytes that every Arabic
        // letter shares for rare, and stopped on every letter. Each hit is then read as a word.
        let mut added = std::mem::take(&mut scratch.added);
        added.clear();
        let bytes = hay.as_bytes();
        for &(span, index) in &scratch.keys {
            let from = found[index].norm_end;
            let key = &bytes[span.0..span.1];
            let finder = FinderBuilder::new().build_forward_with_ranker(ArabicBytes, key);
            for at in finder.find_iter(&bytes[from..]) {
                let word = (from + at, from + at + key.len());
                if let Some(f) = self.bare_name(hay, found, word, index) {
                    added.push(f);
                }
            }
        }
        if !added.is_empty() {
            // A word two keys found counts once: a person's given name may be another's family name,
            // and one key may be another with a proclitic glued on (`لبلاتر`, `بلاتر`), where the
            // reading with the proclitic wins.
            added.sort_by_key(|f| (f.word_start(), std::cmp::Reverse(f.norm_start)));
            keep_apart(&mut added);
            found.extend_from_slice(&added);
            found.sort_by_key(|f| f.norm_start);
        }
        scratch.added = added;
    }

    /// The mention of a bare name at `word` that refers to the person of `found[index]`, when it
    /// stands as a word of its own (proclitics allowed), after the full name, outside any mention.
    fn bare_name(&self, hay: &str, found: &[Found], word: Word, index: usize) -> Option<Found> {
        let (start, end) = word;
        let antecedent = &found[index];
        if start < antecedent.norm_end
            || !hay.is_char_boundary(start)
            || hay[end..].chars().next().is_some_and(is_word_char)
        {
            return None;
        }
        let glued: usize = hay[..start]
            .chars()
            .rev()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        let clitic_start = start - glued;
        let clitics = &hay[clitic_start..start];
        let key = &hay[start..end];
        let ok = clitics.is_empty()
            || PROCLITICS.contains(&clitics)
            || (key.starts_with("ال") && clitics == "ل")
            || clitics
                .strip_suffix('ا')
                .is_some_and(|c| PROCLITICS.contains(&c));
        let excluded = self
            .kinds_before(hay, clitic_start)
            .is_some_and(|kinds| kinds.any(Kinds::EXCLUDED_HEAD | Kinds::TITLE));
        if !ok
            || excluded
            || overlaps_any(found, clitic_start, end)
            || self.is_folded_function_word(self.kinds(key), word)
        {
            return None;
        }
        let what = match antecedent.what {
            What::Entity(mut resolved) => {
                resolved.via = Via::Grammar(PersonRule::Coreference);
                What::Entity(resolved)
            }
            What::Person { name, .. } => What::Person {
                name,
                rule: PersonRule::Coreference,
            },
            // Keys are made of people only.
            What::Place => return None,
        };
        Some(Found {
            norm_clitics: clitic_start..start,
            norm_start: start,
            norm_end: end,
            what,
        })
    }

    fn same_person(&self, hay: &str, a: &Found, b: &Found) -> bool {
        match (a.what, b.what) {
            (What::Entity(x), What::Entity(y)) => x.entity == y.entity,
            (What::Person { name: x, .. }, What::Person { name: y, .. }) => {
                hay[x.0..x.1] == hay[y.0..y.1]
            }
            _ => false,
        }
    }

    /// Whether a bare word can stand for a person named in full: a name word, not a link or a
    /// particle, and not a frequent word (a person a gazetteer lists may have a frequent surname:
    /// `الأسد`; one the grammar found is held to a stricter bar).
    fn is_coreference_key(&self, text: &str, listed: bool) -> bool {
        let entry = self.word(text);
        let kinds = entry.kinds;
        !kinds.any(Kinds::ENDERS | Kinds::NATIONALITY | Kinds::KUNYA | Kinds::COMMON_GIVEN)
            && text != "عبد"
            && is_letters(text)
            && text.chars().count() >= 3
            && entry.zipf < if listed { COREF_ZIPF } else { NISBA_ZIPF }
    }
}

/// A Bloom filter over the words and phrases of the name files: a word it turns away has no classes.
///
/// The grammar asks for the classes of the words around every opener (the word before, for an
/// excluded head; the words after a title, for a title phrase), and most such words are in none of
/// the name files. The lexicon's 1 MB table answers with a cache miss a lookup; this filter's 8 KB
/// stay in the cache and turn away all but a few per cent of them.
#[derive(Clone, Debug)]
pub(crate) struct KindsFilter {
    bits: Box<[u64]>,
}

impl KindsFilter {
    /// Bits in the filter: 2^16, two per word; with the 4,500 words of the default name files, one
    /// word in sixty passes without being one.
    const BITS: u64 = 1 << 16;

    /// A filter that lets through every word of `words`.
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> KindsFilter {
        let mut bits = vec![0u64; (KindsFilter::BITS / 64) as usize].into_boxed_slice();
        for word in words {
            for bit in KindsFilter::bits_of(word) {
                bits[(bit / 64) as usize] |= 1 << (bit % 64);
            }
        }
        KindsFilter { bits }
    }

    /// Appends the filter to an index image.
    pub(crate) fn write_image(&self, w: &mut Writer) {
        w.u32(self.bits.len() as u32);
        for &word in &self.bits {
            w.u64(word);
        }
    }

    /// Reads a filter written by [`KindsFilter::write_image`]; one of another size is refused.
    pub(crate) fn read_image(r: &mut Reader<'_>) -> Decoded<KindsFilter> {
        let count = r.count(8, "name filter")?;
        if count as u64 != KindsFilter::BITS / 64 {
            return Err(Invalid("name filter"));
        }
        let bits = (0..count)
            .map(|_| r.u64("name filter"))
            .collect::<Decoded<Box<[u64]>>>()?;
        Ok(KindsFilter { bits })
    }

    /// Whether `word` may be one of the filter's words; `false` means it is not.
    #[inline]
    pub(crate) fn may_have(&self, word: &str) -> bool {
        KindsFilter::bits_of(word)
            .iter()
            .all(|&bit| self.bits[(bit / 64) as usize] & (1 << (bit % 64)) != 0)
    }

    /// The word's two bits: two slices of one FNV-1a hash.
    #[inline]
    fn bits_of(word: &str) -> [u64; 2] {
        let mut hasher = WordHasher::default();
        hasher.write(word.as_bytes());
        let hash = hasher.finish();
        [hash % KindsFilter::BITS, (hash >> 32) % KindsFilter::BITS]
    }
}

/// How often a byte occurs in Arabic news in UTF-8, roughly, for the substring search's choice of
/// the bytes to look for first: the lead bytes of Arabic letters and the space are the commonest,
/// the second bytes of the frequent letters (ا ل ي م و ن ر ه ت ب ع) next.
struct ArabicBytes;

impl HeuristicFrequencyRank for ArabicBytes {
    fn rank(&self, byte: u8) -> u8 {
        match byte {
            0xD8 | 0xD9 | b' ' => 255,
            // ا ر ت ب ع in D8, ل ي م و ن ه in D9
            0xA7 | 0xB1 | 0xAA | 0xA8 | 0xB9 | 0x84 | 0x8A | 0x85 | 0x88 | 0x86 | 0x87 => 200,
            0x80..=0xBF => 120,
            _ => 60,
        }
    }
}

/// Keeps the mentions of `found` (in text order) that do not overlap one kept before: leftmost
/// wins, as in the scan.
pub(crate) fn keep_apart(found: &mut Vec<Found>) {
    let mut end = 0;
    found.retain(|f| {
        let apart = f.word_start() >= end;
        if apart {
            end = f.norm_end;
        }
        apart
    });
}

/// Whether a mention of `found` (in text order) overlaps `start..end`.
fn overlaps_any(found: &[Found], start: usize, end: usize) -> bool {
    let after = found.partition_point(|f| f.word_start() < end);
    found[..after]
        .iter()
        .rev()
        .take(2)
        .any(|f| f.norm_end > start)
}

/// Harakat and tatweel, which normalisation removes.
fn is_mark(c: char) -> bool {
    ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0640}'
}

/// Whether a word opens with a preposition glued to the article (`بالمستشفى`, `لالصحفيين` for
/// `للصحفيين`): a common noun, never a name.
fn has_preposition_on_article(text: &str) -> bool {
    ["بال", "لال", "كال", "فال"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// Whether a word ends in a possessive or object pronoun (`تدريباته`, `قواتها`, `بلادنا`): such a word
/// is a noun or verb with its pronoun, not a name.
fn has_pronoun_suffix(text: &str) -> bool {
    const SUFFIXES: [&str; 9] = ["اته", "اتها", "ها", "هم", "هما", "هن", "كم", "كما", "نا"];
    text.chars().count() > 4 && SUFFIXES.iter().any(|s| text.ends_with(s))
}

/// A definite word in ي: the shape of a family name (`الحسيني`) and of a nationality adjective.
fn is_nisba(text: &str) -> bool {
    text.starts_with("ال") && text.ends_with('ي')
}

/// Arabic letters only (no digits, no Latin).
fn is_letters(text: &str) -> bool {
    text.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

#[cfg(test)]
mod tests {
    use crate::testing::gazetteer_of;
    use crate::{Lexicon, Named, Tagger, Via};

    use super::{KindsFilter, PersonRule};

    /// A few entities and the name words the rows need; the embedded lexicon gives frequencies.
    const YAML: &str = "
names:
  given: [جون, أحمد, بدر, عمر, سامر, جاركو, فالح, محمد, علي, فادي, بكير, كلثوم, الصادق, لطيف, {text: جميل, common: true}]
  titles: [الرئيس, وزير, العميد, المتحدث باسم]
  nationalities: [الأمريكي, الفنلندي, المغربي]
  speech_verbs: [قال]
  kunya: [أبو, أم]
  links: [بن]
  excluded_heads: [آل, عائلة, مطار, جامعة, مستشفى]
  stop: [إن, في]
entities:
  - {id: p:assad, type: PERSON, name: بشار الأسد, name_en: Assad, aliases: [الأسد]}
  - {id: g:coalition, type: ARMED_GROUP, name: التحالف, name_en: Coalition}
  - {id: pl:issawi, type: PLACE, name: العيساوي, name_en: Issawi}
  - {id: pl:aleppo, type: PLACE, name: حلب, name_en: Aleppo}
  - {id: pl:cair, type: PLACE, name: كير, name_en: Cair}
";

    fn tagger(grammar: bool) -> Tagger {
        Tagger::with_options(gazetteer_of(YAML), Lexicon::embedded(), grammar)
    }

    /// (text, id, rule) of every mention.
    fn mentions(tagger: &Tagger, text: &str) -> Vec<(String, String, Option<PersonRule>)> {
        tagger
            .tag(text)
            .expect("a short text")
            .into_iter()
            .map(|m| {
                let id = match m.named {
                    Named::Entity { entity, .. } => {
                        tagger.gazetteer().entity(entity).id.to_string()
                    }
                    _ => tagger.auto_id(text, &m).expect("an auto entity"),
                };
                let rule = match m.via {
                    Via::Grammar(rule) => Some(rule),
                    _ => None,
                };
                (text[m.span.range()].to_owned(), id, rule)
            })
            .collect()
    }

    /// A row: its name, the text, then the people the grammar must find there as (span text, rule);
    /// an empty list is a negative row.
    type Row = (
        &'static str,
        &'static str,
        &'static [(&'static str, PersonRule)],
    );

    /// One row per rule and per exclusion.
    #[test]
    fn every_rule_and_exclusion() {
        use PersonRule::*;
        let rows: &[Row] = &[
            (
                "given name and family name",
                "وصل بدر باسلمة أمس",
                &[("بدر باسلمة", GivenName)],
            ),
            ("given name alone is no one", "وصل بدر أمس", &[]),
            (
                "title, complements, name",
                "قال وزير الخارجية الأمريكي جون كيري إن",
                &[("جون كيري", Title)],
            ),
            (
                "stacked titles after an entity",
                "المتحدث باسم التحالف العميد أحمد عسيري",
                &[("أحمد عسيري", Title)],
            ),
            (
                "title and a bare rare surname",
                "أكد العميد الحبجي",
                &[("الحبجي", Title)],
            ),
            ("title then a verb is no name", "قال الرئيس إن الوضع", &[]),
            (
                "nationality and a foreign name",
                "فاز الفنلندي جاركو نيمينن",
                &[("جاركو نيمينن", Nationality)],
            ),
            (
                "nationality and unknown names",
                "فاز الفنلندي إيسا سومونن",
                &[("إيسا سومونن", Nationality)],
            ),
            (
                "speech verb and a name",
                "قال عمر الحسيني إن",
                &[("عمر الحسيني", SpeechVerb)],
            ),
            (
                "speech verb and an unknown name",
                "قال إيسا سومونن إن",
                &[("إيسا سومونن", SpeechVerb)],
            ),
            ("speech verb and a frequent word", "قال مسؤولون إن", &[]),
            (
                "kunya",
                "قتل أبو قتادة المغربي",
                &[("أبو قتادة المغربي", Kunya)],
            ),
            ("kunya with a frequent word", "أبو الحسن في", &[]),
            ("common given name needs a rare word", "كان جميل الطقس", &[]),
            (
                "common given name with a family name",
                "وصل جميل باسلمة",
                &[("جميل باسلمة", GivenName)],
            ),
            ("على is not علي", "سيطروا على باسلمة", &[]),
            (
                "علي as written",
                "وصل علي باسلمة",
                &[("علي باسلمة", GivenName)],
            ),
            ("a family is no person", "قصر آل الأسد", &[]),
            ("a university name is no person", "في جامعة جون هوبكنز", &[]),
            ("an airport name is no person", "مطار جون كنيدي", &[]),
            (
                "a title inside a facility name",
                "في مستشفى الرئيس سامر الحسيني",
                &[],
            ),
            (
                "proclitic and a conjunction word end a name",
                "وصل بدر والسديرة",
                &[],
            ),
            (
                "person over a one-word place",
                "قال فالح العيساوي",
                &[("فالح العيساوي", GivenName)],
            ),
            (
                "a listed name is no proclitic and a place",
                "وصل فادي بكير، ثم",
                &[("فادي بكير", GivenName)],
            ),
            (
                "a name before a full stop",
                "من أغاني أم كلثوم.",
                &[("أم كلثوم", Kunya)],
            ),
        ];
        let tagger = tagger(true);
        let mut names = std::collections::HashSet::new();
        for (name, text, expected) in rows {
            assert!(names.insert(name), "duplicate row name {name}");
            let got: Vec<(String, PersonRule)> = mentions(&tagger, text)
                .into_iter()
                .filter_map(|(span, id, rule)| {
                    (id.starts_with(crate::AUTO_PERSON_PREFIX)).then_some((span, rule?))
                })
                .collect();
            let expected: Vec<(String, PersonRule)> = expected
                .iter()
                .map(|(s, r)| ((*s).to_owned(), *r))
                .collect();
            assert_eq!(got, expected, "{name}: {text}");
        }
    }

    #[test]
    fn a_gazetteer_person_after_a_family_marker_is_dropped() {
        let got = mentions(&tagger(true), "عائلة الأسد وبشار الأسد");
        let ids: Vec<&str> = got.iter().map(|(_, id, _)| id.as_str()).collect();
        assert_eq!(ids, ["p:assad"]);
    }

    #[test]
    fn person_over_place_keeps_the_place_elsewhere() {
        let got = mentions(&tagger(true), "قال فالح العيساوي إن العيساوي بلدة");
        let ids: Vec<&str> = got.iter().map(|(_, id, _)| id.as_str()).collect();
        assert_eq!(ids, ["person:auto:فالح-العيساوي", "pl:issawi"]);
    }

    #[test]
    fn later_bare_names_corefer_with_the_full_name() {
        // `عمر` is also "age": too frequent a word to stand for the person alone; `سامر` is not.
        let text = "قال سامر الحسيني إن القصف مستمر. وأضاف الحسيني أن سامر بخير. ثم تحدث باسلمة";
        let got = mentions(&tagger(true), text);
        let expected = [
            (
                "سامر الحسيني",
                "person:auto:سامر-الحسيني",
                Some(PersonRule::SpeechVerb),
            ),
            (
                "الحسيني",
                "person:auto:سامر-الحسيني",
                Some(PersonRule::Coreference),
            ),
            (
                "سامر",
                "person:auto:سامر-الحسيني",
                Some(PersonRule::Coreference),
            ),
        ];
        let got: Vec<(&str, &str, Option<PersonRule>)> = got
            .iter()
            .map(|(s, id, r)| (s.as_str(), id.as_str(), *r))
            .collect();
        assert_eq!(got, expected);
    }

    /// Two keys, one the other with a proclitic glued on, found the same word twice: the mentions
    /// overlapped and the output panicked (a news article with `خلفا لبلاتر` after `جوزيف بلاتر`).
    #[test]
    fn two_keys_on_one_word_give_one_mention() {
        let text = "قال سامر باسلمة إن. ثم قال عمر لباسلمة أمس. وأضاف لباسلمة";
        let mentions = tagger(true).tag(text).expect("a short text");
        for pair in mentions.windows(2) {
            let next_start = pair[1].proclitics.start.min(pair[1].span.start);
            assert!(pair[0].span.end <= next_start, "{text}: {pair:?}");
        }
        let last = mentions.last().expect("mentions");
        assert_eq!(&text[last.span.range()], "باسلمة");
        assert_eq!(&text[last.proclitics.range()], "ل");
    }

    /// `للصادق المهدي` is ل + `الصادق المهدي` with the article's alef dropped in writing: the span
    /// starts at the second ل, and the id is the one of the name written in full, in `tag` and in
    /// `count` alike. `للطيف باسلمة` is ل + `لطيف باسلمة`, with nothing dropped.
    #[test]
    fn a_name_after_lam_of_the_article_has_the_id_written_in_full() {
        let tagger = tagger(true);
        let text = "وسلم الحكم للصادق المهدي بعد فوز حزبه. والتقى الرئيس الصادق المهدي أمس. \
                    وشكر للطيف باسلمة";
        let got = mentions(&tagger, text);
        let ids: Vec<(&str, &str)> = got
            .iter()
            .map(|(s, id, _)| (s.as_str(), id.as_str()))
            .collect();
        let (sadiq, latif) = ("person:auto:الصادق-المهدي", "person:auto:لطيف-باسلمه");
        assert_eq!(
            ids,
            [
                ("لصادق المهدي", sadiq),
                ("الصادق المهدي", sadiq),
                ("لطيف باسلمة", latif)
            ]
        );
        let table = crate::count::count(&tagger, [text], &crate::count::Filter::default())
            .expect("a short text");
        let counted: Vec<(&str, u64)> = table
            .entities
            .iter()
            .map(|r| (r.id.as_ref(), r.mentions))
            .collect();
        assert_eq!(counted, [(sadiq, 2), (latif, 1)]);
    }

    #[test]
    fn coreference_reaches_gazetteer_people() {
        let got = mentions(&tagger(true), "التقى بشار الأسد الوفد. وقال بشار إن");
        let ids: Vec<(&str, &str)> = got
            .iter()
            .map(|(s, id, _)| (s.as_str(), id.as_str()))
            .collect();
        assert_eq!(ids, [("بشار الأسد", "p:assad"), ("بشار", "p:assad")]);
    }

    /// The filter never turns away a word it was built from, and turns away most others.
    #[test]
    fn the_kinds_filter_has_no_false_negatives() {
        let words: Vec<String> = (0..4500).map(|i| format!("كلمه{i}")).collect();
        let filter = KindsFilter::new(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| filter.may_have(w)));
        let passed = (0..10_000)
            .filter(|i| filter.may_have(&format!("اخرى{i}")))
            .count();
        assert!(passed < 500, "{passed} of 10,000 other words passed");
    }

    #[test]
    fn the_grammar_can_be_turned_off() {
        let text = "قال عمر الحسيني إن بشار الأسد";
        assert_eq!(mentions(&tagger(false), text).len(), 1);
        assert_eq!(mentions(&tagger(true), text).len(), 2);
    }
}
