//! Mapping from normalised byte offsets back to the original text.
//!
//! The map is dense, one entry per normalised byte plus an end sentinel, so every lookup is O(1).
//! Each normalised byte points at the start of the original character it came from. Deleted characters
//! (harakat, tatweel, invisible marks) have no entry of their own: they fall inside the range of the
//! character before them, which is why a span absorbs the harakat that follow its last letter.

/// Normalised byte → original byte, with an end sentinel.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    /// `starts[i]` is the original byte offset of the character that produced normalised byte `i`;
    /// `starts[len]` is the original text's length.
    starts: Vec<u32>,
}

impl OffsetMap {
    pub(crate) fn clear(&mut self) {
        self.starts.clear();
    }

    /// Records that the next `norm_len` normalised bytes came from the character at `original_start`.
    #[inline]
    pub(crate) fn push(&mut self, original_start: u32, norm_len: usize) {
        self.starts
            .extend(std::iter::repeat_n(original_start, norm_len));
    }

    pub(crate) fn finish(&mut self, original_len: u32) {
        self.starts.push(original_len);
    }

    /// The original byte where the normalised byte `norm_idx` starts.
    #[inline]
    pub(crate) fn original_start(&self, norm_idx: usize) -> usize {
        self.starts[norm_idx] as usize
    }

    /// Whether `norm_idx` falls between two original characters, not inside the expansion of one
    /// (a lam-alef ligature normalises to two letters that share one original character).
    #[inline]
    pub(crate) fn is_original_boundary(&self, norm_idx: usize) -> bool {
        norm_idx == 0
            || norm_idx + 1 == self.starts.len()
            || self.starts[norm_idx] != self.starts[norm_idx - 1]
    }

    #[cfg(test)]
    pub(crate) fn as_slice(&self) -> &[u32] {
        &self.starts
    }
}
