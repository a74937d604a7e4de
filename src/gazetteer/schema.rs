//! Serde structs that mirror the gazetteer YAML exactly.
//!
//! Every struct denies unknown fields, so a typo (`alises:`) is an error, not a silently ignored key.
//! These read the JSON embedded at build time; YAML is read field by field by `yaml`, with the
//! position of every value. Validation beyond shape (unique ids, known types, aliases that normalise to something) lives in
//! `load`, which knows the file and line of every record.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

/// A gazetteer file in its mapping form: declarations and entities. A file that is a plain list is a
/// list of entities.
///
/// Read from the JSON embedded at build time, with the entities as records.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileRecord<E> {
    /// Entity types this file introduces, besides the defaults.
    #[serde(default)]
    pub(crate) types: Vec<String>,
    /// Context cue words per entity type, for aliases with `when: cue`.
    #[serde(default)]
    pub(crate) cues: BTreeMap<String, Vec<String>>,
    #[serde(default = "Vec::new")]
    pub(crate) entities: Vec<E>,
    /// Words of the person-name grammar (`gazetteers/names/`).
    #[serde(default)]
    pub(crate) names: NamesRecord,
}

impl<E> Default for FileRecord<E> {
    fn default() -> FileRecord<E> {
        FileRecord {
            types: Vec::new(),
            cues: BTreeMap::new(),
            entities: Vec::new(),
            names: NamesRecord::default(),
        }
    }
}

/// The word lists of the person-name grammar, each a class of words (see `gazetteers/names/README.md`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NamesRecord {
    /// Given names; those that are also everyday words are marked `common`.
    #[serde(default)]
    pub(crate) given: Vec<GivenRecord>,
    /// Titles and roles that stand before a name (`الرئيس`, `وزير`, `المتحدث باسم`).
    #[serde(default)]
    pub(crate) titles: Vec<String>,
    /// Nationality adjectives that may stand before a name (`الفنلندي جاركو نيمينن`).
    #[serde(default)]
    pub(crate) nationalities: Vec<String>,
    /// Verbs of saying that stand before the speaker's name (`قال`, `أكدت`).
    #[serde(default)]
    pub(crate) speech_verbs: Vec<String>,
    /// Kunya heads (`أبو`, `أم`), part of the name.
    #[serde(default)]
    pub(crate) kunya: Vec<String>,
    /// Words that join the parts of a name (`بن`, `بنت`).
    #[serde(default)]
    pub(crate) links: Vec<String>,
    /// Words after which a name is not a person mention: family markers and the heads of facility,
    /// prize and institution names (`آل`, `مطار`, `جائزة`).
    #[serde(default)]
    pub(crate) excluded_heads: Vec<String>,
    /// Words that are never part of a name.
    #[serde(default)]
    pub(crate) stop: Vec<String>,
}

/// A given name: a plain string, or a map that marks it as an everyday word too.
#[derive(Debug)]
pub(crate) struct GivenRecord {
    pub(crate) text: String,
    /// Also an everyday word (`جميل` "beautiful"): it opens a name only with a second name word or a
    /// title before it.
    pub(crate) common: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GivenMap {
    text: String,
    #[serde(default)]
    common: bool,
}

impl<'de> Deserialize<'de> for GivenRecord {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<GivenRecord, D::Error> {
        struct GivenVisitor;

        impl<'de> Visitor<'de> for GivenVisitor {
            type Value = GivenRecord;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a given name or a map with `text` and `common`")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<GivenRecord, E> {
                Ok(GivenRecord {
                    text: text.to_owned(),
                    common: false,
                })
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<GivenRecord, M::Error> {
                let GivenMap { text, common } =
                    GivenMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(GivenRecord { text, common })
            }
        }

        deserializer.deserialize_any(GivenVisitor)
    }
}

/// One entity block.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityRecord {
    pub(crate) id: String,
    #[serde(rename = "type")]
    pub(crate) label: String,
    pub(crate) name: String,
    pub(crate) name_en: String,
    #[serde(default)]
    pub(crate) aliases: Vec<AliasRecord>,
    pub(crate) country: Option<String>,
    pub(crate) admin1: Option<String>,
    pub(crate) admin2: Option<String>,
    pub(crate) lat: Option<f64>,
    pub(crate) lon: Option<f64>,
    pub(crate) population: Option<u64>,
    pub(crate) geonames: Option<u64>,
    pub(crate) wikidata: Option<String>,
    pub(crate) parent: Option<String>,
    #[serde(default)]
    pub(crate) affiliation: Vec<String>,
    pub(crate) successor: Option<String>,
    pub(crate) category: Option<Category>,
    pub(crate) active: Option<String>,
    pub(crate) notes: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<String>,
}

impl EntityRecord {
    /// An entity with only its required fields; its name serves as the English name too.
    pub(crate) fn named(id: String, label: String, name: &str) -> EntityRecord {
        EntityRecord {
            id,
            label,
            name: name.to_owned(),
            name_en: name.to_owned(),
            ..EntityRecord::default()
        }
    }
}

/// An alias: a plain string, or a map with a rule.
#[derive(Debug)]
pub(crate) struct AliasRecord {
    pub(crate) text: String,
    pub(crate) when: When,
}

/// When an alias may fire; see `gazetteers/README.md`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// Wherever it stands as a whole word.
    #[default]
    Always,
    /// Only right after a cue word of the entity's type.
    Cue,
    /// Only when the same entity fired elsewhere in the document on its own.
    Document,
    /// When either `Cue` or `Document` holds.
    CueOrDocument,
    /// When `Cue` or `Document` holds, or another entity of the same `country` fired on its own in
    /// the document: a name that is also a common word (`الطبقة` "the class", Tabqa), or a body that
    /// exists in several countries (`الدفاع المدني`, civil defence), stands for this entity only where
    /// the text is about its country.
    Country,
}

impl When {
    /// Every rule, in the order messages list them.
    pub const ALL: [When; 5] = [
        When::Always,
        When::Cue,
        When::Document,
        When::CueOrDocument,
        When::Country,
    ];

    /// The rule a YAML file names, if any.
    pub fn from_name(name: &str) -> Option<When> {
        When::ALL.into_iter().find(|when| when.as_str() == name)
    }

    /// The name used in YAML and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            When::Always => "always",
            When::Cue => "cue",
            When::Document => "document",
            When::CueOrDocument => "cue-or-document",
            When::Country => "country",
        }
    }

    pub(crate) fn allows_cue(self) -> bool {
        matches!(self, When::Cue | When::CueOrDocument | When::Country)
    }

    pub(crate) fn allows_document(self) -> bool {
        matches!(self, When::Document | When::CueOrDocument | When::Country)
    }
}

/// ACLED-style actor category of an armed group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A state's military, police or security forces.
    StateForces,
    /// An organised rebel group fighting a government.
    RebelGroup,
    /// A militia serving a political elite or party.
    PoliticalMilitia,
    /// A militia organised around an ethnic, religious or tribal identity.
    IdentityMilitia,
    /// A foreign state's forces or an international coalition.
    ExternalForces,
}

impl Category {
    /// The name used in YAML and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::StateForces => "state-forces",
            Category::RebelGroup => "rebel-group",
            Category::PoliticalMilitia => "political-militia",
            Category::IdentityMilitia => "identity-militia",
            Category::ExternalForces => "external-forces",
        }
    }
}

/// The map form of an alias.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasMap {
    text: String,
    #[serde(default)]
    when: When,
}

impl<'de> Deserialize<'de> for AliasRecord {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<AliasRecord, D::Error> {
        struct AliasVisitor;

        impl<'de> Visitor<'de> for AliasVisitor {
            type Value = AliasRecord;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an alias string or a map with `text` and `when`")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<AliasRecord, E> {
                Ok(AliasRecord {
                    text: text.to_owned(),
                    when: When::Always,
                })
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<AliasRecord, M::Error> {
                let AliasMap { text, when } =
                    AliasMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(AliasRecord { text, when })
            }
        }

        deserializer.deserialize_any(AliasVisitor)
    }
}
