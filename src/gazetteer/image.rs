//! The gazetteer's part of the index image (see [`crate::index`]): labels, entities with their
//! attributes, aliases, cue words and name words, read back without parsing or validating YAML.
//!
//! Strings and attribute records stay in the image's lazily read region (see [`super::shared`]).
//! Reading checks every cross-reference (an entity's label and aliases, an alias's entity) and that
//! every range lies in the region, so the tables it gives never index out of bounds; a string or
//! record is checked when it is first read.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use super::names::NameParts;
use super::shared::{Attrs, GazetteerStr};
use super::{Alias, Attributes, Category, Entity, Gazetteer, When};
use crate::index::Image;
use crate::index::codec::{Decoded, Invalid, Reader, Writer};
use crate::span::{EntityId, LabelId};

pub(crate) fn when_code(when: When) -> u8 {
    match when {
        When::Always => 0,
        When::Cue => 1,
        When::Document => 2,
        When::CueOrDocument => 3,
        When::Country => 4,
    }
}

pub(crate) fn when_from(code: u8) -> Decoded<When> {
    Ok(match code {
        0 => When::Always,
        1 => When::Cue,
        2 => When::Document,
        3 => When::CueOrDocument,
        4 => When::Country,
        _ => return Err(Invalid("alias rule")),
    })
}

fn category_code(category: Option<Category>) -> u8 {
    match category {
        None => 0,
        Some(Category::StateForces) => 1,
        Some(Category::RebelGroup) => 2,
        Some(Category::PoliticalMilitia) => 3,
        Some(Category::IdentityMilitia) => 4,
        Some(Category::ExternalForces) => 5,
    }
}

fn category_from(code: u8) -> Decoded<Option<Category>> {
    Ok(match code {
        0 => None,
        1 => Some(Category::StateForces),
        2 => Some(Category::RebelGroup),
        3 => Some(Category::PoliticalMilitia),
        4 => Some(Category::IdentityMilitia),
        5 => Some(Category::ExternalForces),
        _ => return Err(Invalid("entity category")),
    })
}

/// Appends `text` to the lazily read region and writes its range there to `w`.
fn add_string(text: &str, w: &mut Writer, lazy: &mut Writer) {
    w.len(lazy.bytes.len());
    lazy.bytes.extend_from_slice(text.as_bytes());
    w.len(lazy.bytes.len());
}

/// A range of the image's lazily read region, from `r`. It is checked to lie in the region, but
/// its bytes are not read here, which would touch every page of the region: they are checked when
/// first read (see [`Image::lazy`]).
fn lazy_range(r: &mut Reader<'_>, image: &Image, what: &'static str) -> Decoded<(u32, u32)> {
    let (start, end) = (r.u32(what)?, r.u32(what)?);
    if start > end || end as usize > image.lazy_len() {
        return Err(Invalid(what));
    }
    Ok((start, end))
}

fn read_string(
    r: &mut Reader<'_>,
    image: &Arc<Image>,
    what: &'static str,
) -> Decoded<GazetteerStr> {
    let (start, end) = lazy_range(r, image, what)?;
    Ok(GazetteerStr::in_image(image, start, end))
}

impl Gazetteer {
    /// Appends the gazetteer to an image: its tables to `w`, and the strings and attribute records
    /// they point to to `lazy`, the region that a tagger read from the image leaves in place and
    /// reads only when asked for an entity's name or attributes. The aliases' normalised keys are
    /// not written: the matcher's patterns hold them.
    pub(crate) fn write_image(&self, w: &mut Writer, lazy: &mut Writer) {
        w.strs(self.labels.iter().map(String::as_str));
        w.len(self.entities.len());
        for entity in &self.entities {
            add_string(&entity.id, w, lazy);
            add_string(&entity.name, w, lazy);
            add_string(&entity.name_en, w, lazy);
            w.len(entity.label.as_usize());
            w.u32(entity.aliases.start);
            w.u32(entity.aliases.end);
            match entity.attributes.get() {
                Some(a) => {
                    w.bool(true);
                    w.len(lazy.bytes.len());
                    write_attributes(a, lazy);
                    w.len(lazy.bytes.len());
                }
                None => w.bool(false),
            }
        }
        w.len(self.aliases.len());
        for alias in &self.aliases {
            add_string(&alias.text, w, lazy);
            w.u8(when_code(alias.when));
            w.len(alias.entity.as_usize());
        }
        for cues in &self.cues {
            let mut sorted: Vec<&str> = cues.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            w.strs(sorted.into_iter());
        }
        let mut parts: Vec<(&str, u16)> = self.names.iter().map(|(w, k)| (w, k.bits())).collect();
        parts.sort_unstable();
        w.len(parts.len());
        for (word, kinds) in parts {
            w.str(word);
            w.u16(kinds);
        }
    }

    /// Reads a gazetteer written by [`Gazetteer::write_image`] from `r`, a reader over `image`:
    /// its strings and attributes stay in `image`.
    pub(crate) fn read_image(r: &mut Reader<'_>, image: &Arc<Image>) -> Decoded<Gazetteer> {
        let labels = r.strings("labels")?;
        if labels.len() < super::DEFAULT_LABELS.len() {
            return Err(Invalid("labels"));
        }
        let entity_count = r.count(37, "entities")?;
        let mut entities = Vec::with_capacity(entity_count);
        for _ in 0..entity_count {
            let id = read_string(r, image, "entity id")?;
            let name = read_string(r, image, "entity name")?;
            let name_en = read_string(r, image, "entity name_en")?;
            let label = r.u32("entity label")? as usize;
            if label >= labels.len() {
                return Err(Invalid("entity label"));
            }
            let aliases = r.u32("entity aliases")?..r.u32("entity aliases")?;
            let attributes = match r.bool("entity attributes")? {
                false => Attrs::Owned(None),
                true => {
                    let (start, end) = lazy_range(r, image, "entity attributes")?;
                    Attrs::Image {
                        image: Arc::clone(image),
                        start,
                        end,
                        decoded: OnceLock::new(),
                    }
                }
            };
            entities.push(Entity {
                id,
                label: LabelId::from_usize(label),
                name,
                name_en,
                attributes,
                aliases,
            });
        }
        let alias_count = r.count(13, "aliases")?;
        let mut aliases = Vec::with_capacity(alias_count);
        for _ in 0..alias_count {
            let text = read_string(r, image, "alias text")?;
            let when = when_from(r.u8("alias rule")?)?;
            let entity = r.u32("alias entity")? as usize;
            if entity >= entities.len() {
                return Err(Invalid("alias entity"));
            }
            aliases.push(Alias {
                text,
                when,
                entity: EntityId::from_usize(entity),
                key: String::new(),
            });
        }
        let bad_range =
            |e: &Entity| e.aliases.start > e.aliases.end || e.aliases.end as usize > aliases.len();
        if entities.iter().any(bad_range) {
            return Err(Invalid("entity aliases"));
        }
        let mut cues = Vec::with_capacity(labels.len());
        for _ in 0..labels.len() {
            cues.push(r.strings("cue words")?.into_iter().collect::<HashSet<_>>());
        }
        let part_count = r.count(6, "name words")?;
        let mut parts = Vec::with_capacity(part_count);
        for _ in 0..part_count {
            parts.push((r.str("name word")?, r.u16("name word classes")?));
        }
        Ok(Gazetteer {
            labels,
            entities,
            aliases,
            cues,
            names: NameParts::from_bits(parts),
        })
    }
}

fn write_attributes(a: &Attributes, w: &mut Writer) {
    w.opt_str(a.country.as_deref());
    w.opt_str(a.admin1.as_deref());
    w.opt_str(a.admin2.as_deref());
    w.opt_f64(a.lat);
    w.opt_f64(a.lon);
    w.opt_u64(a.population);
    w.opt_u64(a.geonames);
    w.opt_str(a.wikidata.as_deref());
    w.opt_str(a.parent.as_deref());
    w.strs(a.affiliation.iter().map(String::as_str));
    w.opt_str(a.successor.as_deref());
    w.u8(category_code(a.category));
    w.opt_str(a.active.as_deref());
    w.opt_str(a.notes.as_deref());
    w.strs(a.sources.iter().map(String::as_str));
}

/// Reads one record written by `write_attributes`.
pub(crate) fn read_attributes(r: &mut Reader<'_>) -> Decoded<Attributes> {
    Ok(Attributes {
        country: r.opt_string("country")?,
        admin1: r.opt_string("admin1")?,
        admin2: r.opt_string("admin2")?,
        lat: r.opt_f64("lat")?,
        lon: r.opt_f64("lon")?,
        population: r.opt_u64("population")?,
        geonames: r.opt_u64("geonames")?,
        wikidata: r.opt_string("wikidata")?,
        parent: r.opt_string("parent")?,
        affiliation: r.strings("affiliation")?,
        successor: r.opt_string("successor")?,
        category: category_from(r.u8("category")?)?,
        active: r.opt_string("active")?,
        notes: r.opt_string("notes")?,
        sources: r.strings("sources")?,
    })
}

impl super::GazetteerBuilder {
    /// Feeds what the built gazetteer depends on to `hash`: whether the defaults are in, and every
    /// added file's path and text (a directory's files, as [`super::GazetteerBuilder::build`]
    /// would read them). The defaults are the binary's own; the index key covers them apart.
    /// `config` gets only what names the configuration (paths, not texts): one cache file per
    /// configuration, replaced when a text changes.
    ///
    /// # Errors
    ///
    /// An I/O error for a path that cannot be read, as [`super::GazetteerBuilder::build`] gives.
    pub(crate) fn fingerprint(
        &self,
        config: &mut impl std::hash::Hasher,
        content: &mut impl std::hash::Hasher,
    ) -> crate::Result<()> {
        use std::hash::Hash;
        self.defaults.hash(config);
        for source in self.sources(false)? {
            source.path.hash(config);
            source.path.hash(content);
            source.text.hash(content);
        }
        Ok(())
    }
}
