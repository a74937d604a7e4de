//! Gazetteers: entities, their types and aliases, validated and ready for the matcher.
//!
//! A [`Gazetteer`] is built from YAML files (see `gazetteers/README.md` for the format), from the
//! defaults embedded in the binary, or both. Building validates everything and reports every problem
//! at once with its file, line and column; a gazetteer that exists is a gazetteer that is consistent
//! (unique ids, known types, aliases that normalise to something, references that resolve).

pub(crate) mod image;
pub(crate) mod limits;
mod lint;
mod load;
pub(crate) mod names;
mod schema;
pub(crate) mod shared;
mod write;
mod yaml;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::error::{Diagnostic, Error, Level, Result};
use crate::normalize::{Normalized, Normalizer};
use crate::span::{AliasId, EntityId, LabelId};

use load::{Block, ParsedEntity, ParsedFile, SourceText};
use schema::EntityRecord;
pub use schema::{Category, When};
use shared::Attrs;
pub use shared::GazetteerStr;
pub use write::yaml_scalar;

/// The entity types every gazetteer knows; files may declare more under `types:`.
pub const DEFAULT_LABELS: [&str; 4] = ["PLACE", "ARMED_GROUP", "PERSON", "ORG"];

/// The label of PLACE: every gazetteer's labels start with [`DEFAULT_LABELS`].
pub(crate) const PLACE_LABEL: LabelId = LabelId(0);

/// The label of ARMED_GROUP, second of [`DEFAULT_LABELS`].
pub(crate) const ARMED_GROUP_LABEL: LabelId = LabelId(1);

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_gazetteers.rs"));
}

/// A digest of the embedded default files, computed at build time (see `build.rs`).
pub(crate) const DEFAULTS_DIGEST: u64 = embedded::DIGEST;

/// The name under which the embedded gazetteers are reported, e.g. `<default>/curated/people.yml`.
pub const DEFAULT_PREFIX: &str = "<default>";

/// A validated set of entities and aliases.
#[derive(Debug)]
pub struct Gazetteer {
    labels: Vec<String>,
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    /// Normalised cue words per label, indexed by [`LabelId`].
    cues: Vec<HashSet<String>>,
    /// The words of the person-name grammar.
    names: names::NameParts,
}

/// One entity.
#[derive(Clone, Debug)]
pub struct Entity {
    /// Stable id, unique in the gazetteer.
    pub id: GazetteerStr,
    /// The entity's type.
    pub label: LabelId,
    /// Canonical Arabic name.
    pub name: GazetteerStr,
    /// Canonical English name.
    pub name_en: GazetteerStr,
    /// Optional attributes (see [`Attrs`]).
    attributes: Attrs,
    aliases: std::ops::Range<u32>,
}

impl Entity {
    /// Optional attributes carried to the output.
    pub fn attributes(&self) -> &Attributes {
        static NONE: LazyLock<Attributes> = LazyLock::new(Attributes::default);
        self.attributes.get().unwrap_or(&NONE)
    }
}

/// Optional attributes of an entity, as the YAML gives them.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Attributes {
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Governorate or province (Arabic).
    pub admin1: Option<String>,
    /// District (Arabic).
    pub admin2: Option<String>,
    /// WGS84 latitude.
    pub lat: Option<f64>,
    /// WGS84 longitude.
    pub lon: Option<f64>,
    /// Population, for places.
    pub population: Option<u64>,
    /// GeoNames id.
    pub geonames: Option<u64>,
    /// Wikidata id (`Q…`).
    pub wikidata: Option<String>,
    /// Id of the entity this one is part of.
    pub parent: Option<String>,
    /// Ids of the entities it is allied with.
    pub affiliation: Vec<String>,
    /// Id of the entity this one became.
    pub successor: Option<String>,
    /// Actor category of an armed group.
    pub category: Option<Category>,
    /// Years active.
    pub active: Option<String>,
    /// Free text.
    pub notes: Option<String>,
    /// Where the entity comes from.
    pub sources: Vec<String>,
}

/// One written form of an entity.
#[derive(Clone, Debug)]
pub struct Alias {
    /// The alias as written in the gazetteer.
    pub text: GazetteerStr,
    /// When it may fire.
    pub when: When,
    /// The entity it names.
    pub entity: EntityId,
    /// The normalised form the matcher searches for.
    pub(crate) key: String,
}

impl Gazetteer {
    /// A builder that loads the embedded defaults plus any files added to it.
    ///
    /// # Examples
    ///
    /// ```
    /// let gazetteer = rasid::Gazetteer::builder()
    ///     .add_yaml("mine.yml", "- {id: x:kobani, type: PLACE, name: كوباني, name_en: Kobani}")
    ///     .defaults(false)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(gazetteer.len(), 1);
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// The embedded default gazetteers.
    ///
    /// # Errors
    ///
    /// Only if the embedded files are invalid, which the test suite rules out.
    pub fn defaults() -> Result<Gazetteer> {
        GazetteerBuilder::new().build()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity with index `id`.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.as_usize()]
    }

    /// All entities, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The alias with index `id`.
    pub fn alias(&self, id: AliasId) -> &Alias {
        &self.aliases[id.as_usize()]
    }

    /// All aliases; every entity's canonical name is among them.
    pub fn aliases(&self) -> &[Alias] {
        &self.aliases
    }

    /// The aliases of one entity.
    pub fn aliases_of(&self, id: EntityId) -> &[Alias] {
        let range = &self.entity(id).aliases;
        &self.aliases[range.start as usize..range.end as usize]
    }

    /// The name of a label (`PLACE`, …).
    pub fn label_name(&self, label: LabelId) -> &str {
        &self.labels[label.as_usize()]
    }

    /// All labels, indexed by [`LabelId`].
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Frees the aliases' normalised keys once the matcher is compiled from them: nothing reads them
    /// afterwards, and on a list of 100,000 names they hold megabytes.
    pub(crate) fn release_keys(&mut self) {
        for alias in &mut self.aliases {
            alias.key = String::new();
        }
    }

    /// The words of the person-name grammar.
    pub(crate) fn name_parts(&self) -> &names::NameParts {
        &self.names
    }

    /// The normalised cue words of each label, indexed by [`LabelId`]; the matcher compiles them.
    pub(crate) fn cue_words(&self) -> &[HashSet<String>] {
        &self.cues
    }
}

/// Collects gazetteer sources, then validates and builds a [`Gazetteer`].
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    defaults: bool,
    paths: Vec<PathBuf>,
    texts: Vec<(PathBuf, String)>,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// A builder with the embedded defaults and nothing else.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: true,
            paths: Vec::new(),
            texts: Vec::new(),
        }
    }

    /// Whether to load the embedded default gazetteers (on by default).
    pub fn defaults(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a gazetteer file (YAML, or a `.lst` plain list), or every such file below a directory.
    pub fn add_path(&mut self, path: impl Into<PathBuf>) -> &mut GazetteerBuilder {
        self.paths.push(path.into());
        self
    }

    /// Adds YAML text, reported under `name`.
    pub fn add_yaml(
        &mut self,
        name: impl Into<PathBuf>,
        yaml: impl Into<String>,
    ) -> &mut GazetteerBuilder {
        self.texts.push((name.into(), yaml.into()));
        self
    }

    /// Validates every source and builds the gazetteer. Warnings are dropped; see
    /// [`GazetteerBuilder::check`] to see them.
    ///
    /// # Errors
    ///
    /// An I/O error for a path that cannot be read, or [`crate::ErrorKind::Gazetteer`] listing every
    /// error-level problem found in any file.
    pub fn build(&self) -> Result<Gazetteer> {
        let (gazetteer, diagnostics) = self.assemble(false)?;
        let errors: Vec<Diagnostic> = diagnostics
            .into_iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        match gazetteer {
            Some(gazetteer) if errors.is_empty() => Ok(gazetteer),
            _ => Err(Error::gazetteer(errors)),
        }
    }

    /// Validates every source and returns all diagnostics, errors and warnings, in file order.
    ///
    /// # Errors
    ///
    /// An I/O error for a path that cannot be read.
    pub fn check(&self) -> Result<Vec<Diagnostic>> {
        Ok(self.assemble(true)?.1)
    }

    /// The sources to load: the embedded defaults when `with_defaults`, then the added paths and
    /// texts, in that order.
    fn sources(&self, with_defaults: bool) -> Result<Vec<SourceText>> {
        let mut sources = Vec::new();
        if with_defaults {
            for (name, text, json) in embedded::FILES {
                let path = Path::new(DEFAULT_PREFIX).join(name);
                sources.push(SourceText {
                    path,
                    text: Arc::from(*text),
                    json: *json,
                });
            }
        }
        for path in &self.paths {
            load::read_path(path, &mut sources)?;
        }
        for (name, text) in &self.texts {
            sources.push(SourceText {
                path: name.clone(),
                text: Arc::from(text.as_str()),
                json: None,
            });
        }
        Ok(sources)
    }

    fn assemble(&self, with_warnings: bool) -> Result<(Option<Gazetteer>, Vec<Diagnostic>)> {
        let mut diagnostics = Vec::new();
        let parse = |source: SourceText, diagnostics: &mut Vec<Diagnostic>| {
            let source = Arc::new(source);
            load::parse(&source, diagnostics)
        };
        // Types must all be declared before any entity is added, so a file that may declare types is
        // parsed up front. An embedded file converted to a JSON list cannot, and is parsed only when
        // its turn comes: holding every file's records at once would cost tens of megabytes of peak
        // memory on the default gazetteers.
        let mut files: Vec<std::result::Result<ParsedFile, SourceText>> = Vec::new();
        for source in self.sources(self.defaults)? {
            if source.json.is_some_and(|json| json.starts_with('[')) {
                files.push(Err(source));
            } else {
                files.push(Ok(parse(source, &mut diagnostics)));
            }
        }
        let mut assembler = Assembler::new(&mut diagnostics, with_warnings);
        for file in files.iter().flatten() {
            assembler.declare_types(file);
        }
        for file in files {
            let file = file.unwrap_or_else(|source| parse(source, assembler.diagnostics));
            assembler.add_file(file);
        }
        let gazetteer = assembler.finish();
        // File order, then position: how a person reads through the problems.
        diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        Ok((gazetteer, diagnostics))
    }
}

static ID_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9][a-z0-9._:-]*$").expect("valid regex"));
static LABEL_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z0-9][A-Z0-9_]*$").expect("valid regex"));
static WIKIDATA_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Q[1-9][0-9]*$").expect("valid regex"));

/// Turns parsed files into a gazetteer, validating as it goes.
struct Assembler<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    normalizer: Normalizer,
    /// Reused for normalising aliases.
    buffer: Normalized,
    labels: Vec<String>,
    cues: Vec<HashSet<String>>,
    names: names::NameParts,
    entities: Vec<Entity>,
    aliases: Vec<Alias>,
    blocks: Vec<Block>,
    ids: HashMap<String, EntityId>,
    /// References to check once every entity is known: (entity, field, target id).
    references: Vec<(EntityId, &'static str, String)>,
    /// The warnings' rules, for `check` only.
    linter: Option<lint::Linter>,
}

impl<'d> Assembler<'d> {
    fn new(diagnostics: &'d mut Vec<Diagnostic>, with_warnings: bool) -> Assembler<'d> {
        let labels: Vec<String> = DEFAULT_LABELS.iter().map(|l| (*l).to_owned()).collect();
        Assembler {
            diagnostics,
            normalizer: Normalizer::new(),
            buffer: Normalized::new(),
            cues: vec![HashSet::new(); labels.len()],
            names: names::NameParts::default(),
            labels,
            entities: Vec::new(),
            aliases: Vec::new(),
            blocks: Vec::new(),
            ids: HashMap::new(),
            references: Vec::new(),
            linter: with_warnings.then(lint::Linter::new),
        }
    }

    fn error(&mut self, path: &Path, (line, column): (usize, usize), message: String) {
        self.diagnostics
            .push(Diagnostic::error(path, line, column, message));
    }

    fn declare_types(&mut self, file: &ParsedFile) {
        for (index, label) in file.types.iter().enumerate() {
            if !LABEL_PATTERN.is_match(label) {
                let at = file.type_positions.get(index).copied().unwrap_or((1, 1));
                let message =
                    format!("invalid type name \"{label}\": use upper case letters, digits and _");
                self.error(&file.path, at, message);
            } else if !self.labels.contains(label) {
                self.labels.push(label.clone());
                self.cues.push(HashSet::new());
            }
        }
    }

    fn label(&self, name: &str) -> Option<LabelId> {
        self.labels
            .iter()
            .position(|l| l == name)
            .map(LabelId::from_usize)
    }

    fn add_file(&mut self, mut file: ParsedFile) {
        let positions = std::mem::take(&mut file.cue_positions);
        for (index, (label, words)) in std::mem::take(&mut file.cues).into_iter().enumerate() {
            let (label_at, word_positions) = positions
                .get(index)
                .map_or(((1, 1), &[][..]), |(at, words)| (*at, words.as_slice()));
            let Some(label_id) = self.label(&label) else {
                let message = format!(
                    "cues for unknown type \"{label}\": expected one of {} or a type declared under `types:`",
                    self.labels.join(", ")
                );
                self.error(&file.path, label_at, message);
                continue;
            };
            for (word_index, word) in words.into_iter().enumerate() {
                let key = self.normalizer.normalize_key(&word);
                if key.is_empty() {
                    let at = word_positions.get(word_index).copied().unwrap_or(label_at);
                    let message = if word.trim().is_empty() {
                        format!("empty cue word for {label}")
                    } else {
                        format!("cue word \"{word}\" for {label} normalises to nothing")
                    };
                    self.error(&file.path, at, message);
                } else {
                    self.cues[label_id.as_usize()].insert(key);
                }
            }
        }
        let names = std::mem::take(&mut file.names);
        let normalizer = &self.normalizer;
        for word in self.names.add(&names, |w| normalizer.normalize_key(w)) {
            let message = format!("name word \"{word}\" normalises to nothing");
            self.error(&file.path, (1, 1), message);
        }
        for entity in file.into_entities() {
            self.add_entity(entity);
        }
    }

    /// Checks one entity and adds it. An entity with errors is added too (no gazetteer is built
    /// then), so that references to it and duplicates of it are checked in the same run.
    fn add_entity(&mut self, parsed: ParsedEntity) {
        let ParsedEntity {
            record,
            block,
            bad_fields,
        } = parsed;
        let bad = |field| bad_fields.contains(&field);
        let path = block.source.path.clone();
        let entity_id = EntityId::from_usize(self.entities.len());
        let mut ok = bad_fields.is_empty();

        if bad("id") {
        } else if !ID_PATTERN.is_match(&record.id) {
            let message = format!(
                "invalid id \"{}\": use lower-case letters, digits and . _ : - (starting with a letter or digit)",
                record.id
            );
            self.error(&path, block.key_position("id"), message);
            ok = false;
        } else if let Some(&first) = self.ids.get(&record.id) {
            let first = &self.blocks[first.as_usize()];
            let message = format!(
                "duplicate id \"{}\" (first defined at {}:{})",
                record.id,
                first.path().display(),
                first.line
            );
            self.error(&path, block.key_position("id"), message);
            ok = false;
        } else {
            self.ids.insert(record.id.clone(), entity_id);
        }
        let label = self.label(&record.label);
        if label.is_none() && !bad("type") {
            let message = format!(
                "unknown type \"{}\" in entity \"{}\": expected one of {} or a type declared under `types:`",
                record.label,
                record.id,
                self.labels.join(", ")
            );
            self.error(&path, block.key_position("type"), message);
            ok = false;
        }
        if record.name_en.trim().is_empty() && !bad("name_en") {
            let message = format!("empty name_en in entity \"{}\"", record.id);
            self.error(&path, block.key_position("name_en"), message);
            ok = false;
        }
        ok &= self.check_attributes(&record, &block, entity_id);

        let alias_start = self.aliases.len();
        ok &= self.add_aliases(&record, &block, entity_id, bad("name"));
        if ok && let (Some(linter), Some(_)) = (&self.linter, label) {
            linter.entity(
                &record,
                &block,
                &self.aliases[alias_start..],
                self.diagnostics,
            );
        }
        // With an unknown type the entity still takes its place (no gazetteer is built).
        let label = label.unwrap_or(LabelId::from_usize(0));
        self.blocks.push(block);
        self.entities.push(Entity {
            aliases: table_index(alias_start)..table_index(self.aliases.len()),
            id: record.id.into(),
            label,
            name: record.name.into(),
            name_en: record.name_en.into(),
            attributes: Attrs::Owned(
                Some(Box::new(Attributes {
                    country: record.country,
                    admin1: record.admin1,
                    admin2: record.admin2,
                    lat: record.lat,
                    lon: record.lon,
                    population: record.population,
                    geonames: record.geonames,
                    wikidata: record.wikidata,
                    parent: record.parent,
                    affiliation: record.affiliation,
                    successor: record.successor,
                    category: record.category,
                    active: record.active,
                    notes: record.notes,
                    sources: record.sources,
                }))
                .filter(|a| **a != Attributes::default()),
            ),
        });
    }

    fn check_attributes(&mut self, record: &EntityRecord, block: &Block, entity: EntityId) -> bool {
        let path = block.path();
        let mut ok = true;
        if let Some(lat) = record.lat.filter(|lat| !(-90.0..=90.0).contains(lat)) {
            let message = format!(
                "latitude {lat} of \"{}\" is out of range -90..90",
                record.id
            );
            self.error(path, block.key_position("lat"), message);
            ok = false;
        }
        if let Some(lon) = record.lon.filter(|lon| !(-180.0..=180.0).contains(lon)) {
            let message = format!(
                "longitude {lon} of \"{}\" is out of range -180..180",
                record.id
            );
            self.error(path, block.key_position("lon"), message);
            ok = false;
        }
        if let Some(qid) = record
            .wikidata
            .as_ref()
            .filter(|q| !WIKIDATA_PATTERN.is_match(q))
        {
            let message = format!(
                "wikidata id \"{qid}\" of \"{}\" is not of the form Q123",
                record.id
            );
            self.error(path, block.key_position("wikidata"), message);
            ok = false;
        }
        let targets = record
            .parent
            .iter()
            .map(|t| ("parent", t))
            .chain(record.successor.iter().map(|t| ("successor", t)))
            .chain(record.affiliation.iter().map(|t| ("affiliation", t)));
        for (field, target) in targets {
            self.references.push((entity, field, target.clone()));
        }
        ok
    }

    /// Adds the canonical name and the aliases, merging those that normalise alike within the entity.
    fn add_aliases(
        &mut self,
        record: &EntityRecord,
        block: &Block,
        entity: EntityId,
        name_is_bad: bool,
    ) -> bool {
        let path = block.path();
        let mut ok = true;
        let first_alias = self.aliases.len();
        let name = std::iter::once((&record.name, When::Always, None)).filter(|_| !name_is_bad);
        let aliases = (record.aliases.iter().enumerate()).map(|(i, a)| (&a.text, a.when, Some(i)));
        for (text, when, index) in name.chain(aliases) {
            let what = if index.is_none() { "name" } else { "alias" };
            // Positions may cost a scan of the block: only computed for a problem.
            let position = || match index {
                None => block.key_position("name"),
                Some(index) => block.alias_item_position(index, text),
            };
            if text.trim().is_empty() {
                self.error(
                    path,
                    position(),
                    format!("empty {what} in entity \"{}\"", record.id),
                );
                ok = false;
                continue;
            }
            let chars = text.chars().count();
            if chars > limits::MAX_ALIAS_CHARS {
                let start: String = text.chars().take(20).collect();
                let message = format!(
                    "{what} \"{start}…\" of \"{}\" has {chars} characters: at most {}",
                    record.id,
                    limits::MAX_ALIAS_CHARS
                );
                self.error(path, position(), message);
                ok = false;
                continue;
            }
            self.normalizer.normalize_into(text, &mut self.buffer);
            let key = self.buffer.as_str().trim();
            if key.is_empty() {
                let message = format!(
                    "{what} \"{text}\" of \"{}\" normalises to nothing",
                    record.id
                );
                self.error(path, position(), message);
                ok = false;
                continue;
            }
            // An entity has a handful of aliases: a scan beats a hash map per entity.
            match self.aliases[first_alias..]
                .iter_mut()
                .find(|a| a.key == key)
            {
                // An alias spelt like the name gives the name its rule.
                Some(same) => {
                    if index.is_some() && same.when == When::Always {
                        same.when = when;
                    }
                }
                None => {
                    let key = key.to_owned();
                    self.aliases.push(Alias {
                        text: text.as_str().into(),
                        when,
                        entity,
                        key,
                    });
                }
            }
        }
        ok
    }

    fn finish(mut self) -> Option<Gazetteer> {
        for (entity, field, target) in std::mem::take(&mut self.references) {
            if self.ids.contains_key(&target) {
                continue;
            }
            // An entity that failed validation is not in `blocks`; its own errors are reported.
            let Some(block) = self.blocks.get(entity.as_usize()).cloned() else {
                continue;
            };
            let message = format!(
                "{field} \"{target}\" of \"{}\" is not the id of any entity",
                self.entities[entity.as_usize()].id
            );
            self.error(block.path(), block.key_position(field), message);
        }
        if let Some(linter) = &self.linter {
            linter.shared_aliases(
                &self.entities,
                &self.aliases,
                &self.blocks,
                &self.labels,
                self.diagnostics,
            );
        }
        let failed = self.diagnostics.iter().any(|d| d.level == Level::Error);
        (!failed).then(|| Gazetteer {
            labels: self.labels,
            entities: self.entities,
            aliases: self.aliases,
            cues: self.cues,
            names: self.names,
        })
    }
}

fn table_index(index: usize) -> u32 {
    u32::try_from(index).expect("gazetteer tables hold fewer than 2^32 rows")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default gazetteers keep the promises of `gazetteers/README.md`: the entity counts per
    /// type, and a source for every entity.
    #[test]
    fn defaults_are_large_and_sourced() {
        let gazetteer = Gazetteer::defaults().expect("the defaults are valid");
        assert_eq!(gazetteer.label_name(PLACE_LABEL), "PLACE");
        let count = |label: &str| {
            let id = gazetteer
                .labels()
                .iter()
                .position(|l| l == label)
                .expect("default label");
            gazetteer
                .entities()
                .iter()
                .filter(|e| e.label.as_usize() == id)
                .count()
        };
        assert!(count("PLACE") >= 40_000, "{} places", count("PLACE"));
        assert!(
            count("ARMED_GROUP") >= 400,
            "{} armed groups",
            count("ARMED_GROUP")
        );
        assert!(count("PERSON") >= 1_000, "{} people", count("PERSON"));
        assert!(count("ORG") >= 200, "{} organisations", count("ORG"));
        let unsourced: Vec<&str> = gazetteer
            .entities()
            .iter()
            .filter(|e| e.attributes().sources.is_empty())
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            unsourced.is_empty(),
            "entities without a source: {unsourced:?}"
        );
    }
}
