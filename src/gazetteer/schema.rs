//! Serde structs that mirror the gazetteer YAML exactly.
//!
//! Every struct denies unknown fields, so a typo (`alises:`) is an error, not a silently ignored key.
//! The schema stays flat (no `#[serde(flatten)]`), which keeps serde_yaml's error locations right.
//! Validation beyond shape (unique ids, known types, aliases that normalise to something) lives in
//! `load`, which knows the file and line of every record.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};

/// A gazetteer file in its mapping form: declarations and entities. A file that is a plain list is a
/// list of entities.
///
/// From YAML the entities stay raw values, so that each one is checked (and located) on its own; from
/// the JSON embedded at build time they are read as records directly.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileRecord<E = serde_yaml::Value> {
    /// Entity types this file introduces, besides the defaults.
    #[serde(default)]
    pub(crate) types: Vec<String>,
    /// Context cue words per entity type, for aliases with `when: cue`.
    #[serde(default)]
    pub(crate) cues: BTreeMap<String, Vec<String>>,
    #[serde(default = "Vec::new")]
    pub(crate) entities: Vec<E>,
}

impl<E> Default for FileRecord<E> {
    fn default() -> FileRecord<E> {
        FileRecord {
            types: Vec::new(),
            cues: BTreeMap::new(),
            entities: Vec::new(),
        }
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
