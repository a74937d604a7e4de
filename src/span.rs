//! Spans and identifiers shared by every module.

/// A half-open byte range `[start, end)` of the *original* text.
///
/// Spans always fall on character boundaries, so `&text[span.range()]` never panics for the text the
/// span came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// The span as a range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the span holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

macro_rules! index_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The index as a `usize`, for indexing the gazetteer's tables.
            pub fn as_usize(self) -> usize {
                self.0 as usize
            }

            pub(crate) fn from_usize(index: usize) -> $name {
                $name(u32::try_from(index).expect("gazetteer tables hold fewer than 2^32 rows"))
            }
        }
    };
}

index_newtype!(
    /// An entity's position in its [`crate::Gazetteer`]; stable for the gazetteer's lifetime, not across
    /// loads (the entity's string `id` is the stable name).
    EntityId
);

index_newtype!(
    /// An alias's position in its [`crate::Gazetteer`].
    AliasId
);

index_newtype!(
    /// An entity type's position in its [`crate::Gazetteer`]'s label table.
    LabelId
);
