//! Strings and attributes that stay in the index image: a tagger read from an image points into
//! its mapped bytes instead of copying 45,000 entities' names and attributes onto the heap.
//!
//! [`GazetteerStr`] is an entity's id or name or an alias: owned when the gazetteer was compiled
//! from YAML, a range of the image when it was read from one. An entity's attributes are decoded
//! from the image the first time they are asked for; most runs ask for a handful. Both lie in the
//! image's lazily checked region, whose pages a run that reads none of them never touches.

use std::sync::{Arc, OnceLock};

use super::Attributes;
use crate::index::Image;

/// A string of a gazetteer: an entity's id or name, an alias as written. Dereferences to `str`.
#[derive(Clone)]
pub struct GazetteerStr(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Box<str>),
    /// A byte range of an image's lazily checked region (see [`Image::lazy`]), checked to be UTF-8
    /// each time it is read (a few dozen bytes: an entity's id or name is read for output, not in
    /// the scan).
    Image(Arc<Image>, u32, u32),
}

impl GazetteerStr {
    /// A byte range of `image`'s lazily checked region.
    pub(crate) fn in_image(image: &Arc<Image>, start: u32, end: u32) -> GazetteerStr {
        GazetteerStr(Repr::Image(Arc::clone(image), start, end))
    }

    /// Whether the string lies in an image.
    #[cfg(test)]
    pub(crate) fn is_in_image(&self) -> bool {
        matches!(self.0, Repr::Image(..))
    }

    /// The string.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(text) => text,
            // A range that is damaged or not UTF-8 (a tampered image) reads as empty, never
            // panics.
            Repr::Image(image, start, end) => image
                .lazy(*start as usize..*end as usize)
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .unwrap_or_default(),
        }
    }
}

impl std::ops::Deref for GazetteerStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for GazetteerStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for GazetteerStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for GazetteerStr {
    fn from(text: String) -> GazetteerStr {
        GazetteerStr(Repr::Owned(text.into_boxed_str()))
    }
}

impl From<&str> for GazetteerStr {
    fn from(text: &str) -> GazetteerStr {
        GazetteerStr(Repr::Owned(Box::from(text)))
    }
}

impl std::fmt::Display for GazetteerStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for GazetteerStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for GazetteerStr {
    fn eq(&self, other: &GazetteerStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for GazetteerStr {}

impl PartialEq<str> for GazetteerStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for GazetteerStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for GazetteerStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialOrd for GazetteerStr {
    fn partial_cmp(&self, other: &GazetteerStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GazetteerStr {
    fn cmp(&self, other: &GazetteerStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for GazetteerStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// An entity's attributes: owned, or a record of the image decoded on first use.
#[derive(Clone, Debug)]
pub(crate) enum Attrs {
    /// Absent when all are empty: a plain list of 100,000 names would otherwise carry 30 MB of
    /// empty fields.
    Owned(Option<Box<Attributes>>),
    /// A record of the image's lazily checked region, decoded when first read; a damaged record
    /// reads as no attributes.
    Image {
        image: Arc<Image>,
        start: u32,
        end: u32,
        decoded: OnceLock<Box<Attributes>>,
    },
}

impl Attrs {
    pub(crate) fn get(&self) -> Option<&Attributes> {
        match self {
            Attrs::Owned(attributes) => attributes.as_deref(),
            Attrs::Image {
                image,
                start,
                end,
                decoded,
            } => Some(decoded.get_or_init(|| {
                let bytes = image.lazy(*start as usize..*end as usize);
                let mut r = crate::index::codec::Reader::new(bytes.unwrap_or_default());
                let attributes = super::image::read_attributes(&mut r)
                    .ok()
                    .filter(|_| r.is_empty());
                Box::new(attributes.unwrap_or_default())
            })),
        }
    }
}
