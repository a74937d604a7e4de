//! The image's byte layout: little-endian integers and length-prefixed strings, written into one
//! buffer and read back through a cursor that checks every length against what is left.
//!
//! Reading never trusts the bytes: a length past the end, a string that is not UTF-8 or a tag out of
//! range is an [`Invalid`] error, never a panic or an out-of-bounds read.

/// The image is malformed: what was being read when it turned out so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Invalid(pub(crate) &'static str);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed index image: {}", self.0)
    }
}

pub(crate) type Decoded<T> = std::result::Result<T, Invalid>;

/// Appends values to an image.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub(crate) fn u16(&mut self, value: u16) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn f32(&mut self, value: f32) {
        self.u32(value.to_bits());
    }

    pub(crate) fn f64(&mut self, value: f64) {
        self.u64(value.to_bits());
    }

    pub(crate) fn bool(&mut self, value: bool) {
        self.u8(u8::from(value));
    }

    /// A count or index; every table of a gazetteer has fewer than 2^32 rows.
    pub(crate) fn len(&mut self, value: usize) {
        self.u32(u32::try_from(value).expect("image tables hold fewer than 2^32 rows"));
    }

    pub(crate) fn bytes(&mut self, value: &[u8]) {
        self.len(value.len());
        self.bytes.extend_from_slice(value);
    }

    pub(crate) fn str(&mut self, value: &str) {
        self.bytes(value.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, value: Option<&str>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.str(value);
        }
    }

    pub(crate) fn opt_u64(&mut self, value: Option<u64>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.u64(value);
        }
    }

    pub(crate) fn opt_f64(&mut self, value: Option<f64>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.f64(value);
        }
    }

    pub(crate) fn strs<'s>(&mut self, values: impl ExactSizeIterator<Item = &'s str>) {
        self.len(values.len());
        for value in values {
            self.str(value);
        }
    }
}

/// Reads values back from an image, in the order they were written.
#[derive(Debug)]
pub(crate) struct Reader<'b> {
    bytes: &'b [u8],
    position: usize,
}

impl<'b> Reader<'b> {
    pub(crate) fn new(bytes: &'b [u8]) -> Reader<'b> {
        Reader { bytes, position: 0 }
    }

    /// Whether everything was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.position == self.bytes.len()
    }

    /// How many bytes were read: the offset of the next value in the image.
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.position
    }

    pub(crate) fn take(&mut self, len: usize, what: &'static str) -> Decoded<&'b [u8]> {
        if len > self.remaining() {
            return Err(Invalid(what));
        }
        let start = self.position;
        self.position += len;
        Ok(&self.bytes[start..self.position])
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Decoded<[u8; N]> {
        let bytes = self.take(N, what)?;
        let mut array = [0; N];
        array.copy_from_slice(bytes);
        Ok(array)
    }

    pub(crate) fn u8(&mut self, what: &'static str) -> Decoded<u8> {
        Ok(self.array::<1>(what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &'static str) -> Decoded<u16> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn u32(&mut self, what: &'static str) -> Decoded<u32> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn u64(&mut self, what: &'static str) -> Decoded<u64> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn f32(&mut self, what: &'static str) -> Decoded<f32> {
        Ok(f32::from_bits(self.u32(what)?))
    }

    pub(crate) fn f64(&mut self, what: &'static str) -> Decoded<f64> {
        Ok(f64::from_bits(self.u64(what)?))
    }

    pub(crate) fn bool(&mut self, what: &'static str) -> Decoded<bool> {
        match self.u8(what)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Invalid(what)),
        }
    }

    /// A count of rows that each take at least `row_bytes` bytes: a count larger than the bytes
    /// left could hold is malformed, so no table is ever allocated from a corrupt count.
    pub(crate) fn count(&mut self, row_bytes: usize, what: &'static str) -> Decoded<usize> {
        let count = self.u32(what)? as usize;
        if count.saturating_mul(row_bytes.max(1)) > self.remaining() {
            return Err(Invalid(what));
        }
        Ok(count)
    }

    pub(crate) fn bytes(&mut self, what: &'static str) -> Decoded<&'b [u8]> {
        let len = self.u32(what)? as usize;
        self.take(len, what)
    }

    pub(crate) fn str(&mut self, what: &'static str) -> Decoded<&'b str> {
        std::str::from_utf8(self.bytes(what)?).map_err(|_| Invalid(what))
    }

    pub(crate) fn string(&mut self, what: &'static str) -> Decoded<String> {
        self.str(what).map(str::to_owned)
    }

    pub(crate) fn opt_string(&mut self, what: &'static str) -> Decoded<Option<String>> {
        Ok(match self.bool(what)? {
            true => Some(self.string(what)?),
            false => None,
        })
    }

    pub(crate) fn opt_u64(&mut self, what: &'static str) -> Decoded<Option<u64>> {
        Ok(match self.bool(what)? {
            true => Some(self.u64(what)?),
            false => None,
        })
    }

    pub(crate) fn opt_f64(&mut self, what: &'static str) -> Decoded<Option<f64>> {
        Ok(match self.bool(what)? {
            true => Some(self.f64(what)?),
            false => None,
        })
    }

    pub(crate) fn strings(&mut self, what: &'static str) -> Decoded<Vec<String>> {
        let count = self.count(4, what)?;
        (0..count).map(|_| self.string(what)).collect()
    }
}

/// A 64-bit checksum of `bytes`: it guards against a truncated or damaged file (whoever can write
/// the cache can write anything, so it is no defence against an adversary). Four independent
/// lanes of eight bytes each keep the multiplier busy: a few milliseconds on the default image,
/// where a byte-wise hash cost twenty.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |hash: u64, word: u64| (hash ^ word).wrapping_mul(K).rotate_left(29);
    let word = |chunk: &[u8]| {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        u64::from_le_bytes(word)
    };
    let mut lanes = [
        0x243f_6a88_85a3_08d3_u64,
        0x1319_8a2e_0370_7344,
        0xa409_3822_299f_31d0,
        0x082e_fa98_ec4e_6c89,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, chunk) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = mix(*lane, word(chunk));
        }
    }
    let mut hash = bytes.len() as u64;
    for lane in lanes {
        hash = mix(hash, lane);
    }
    for &byte in blocks.remainder() {
        hash = mix(hash, u64::from(byte));
    }
    hash ^ (hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_in_order() {
        let mut w = Writer::default();
        w.u8(7);
        w.u16(300);
        w.u32(70_000);
        w.u64(1 << 40);
        w.f32(2.5);
        w.f64(-36.25);
        w.bool(true);
        w.str("البوكمال");
        w.opt_str(None);
        w.opt_u64(Some(9));
        w.opt_f64(Some(1.5));
        w.strs(["a", "بب"].into_iter());
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u8("a"), Ok(7));
        assert_eq!(r.u16("a"), Ok(300));
        assert_eq!(r.u32("a"), Ok(70_000));
        assert_eq!(r.u64("a"), Ok(1 << 40));
        assert_eq!(r.f32("a"), Ok(2.5));
        assert_eq!(r.f64("a"), Ok(-36.25));
        assert_eq!(r.bool("a"), Ok(true));
        assert_eq!(r.str("a"), Ok("البوكمال"));
        assert_eq!(r.opt_string("a"), Ok(None));
        assert_eq!(r.opt_u64("a"), Ok(Some(9)));
        assert_eq!(r.opt_f64("a"), Ok(Some(1.5)));
        assert_eq!(r.strings("a"), Ok(vec!["a".to_owned(), "بب".to_owned()]));
        assert!(r.is_empty());
    }

    #[test]
    fn malformed_bytes_are_errors() {
        let rows: [(&str, &[u8]); 5] = [
            ("string longer than the image", &[9, 0, 0, 0, b'a']),
            ("truncated integer", &[1, 2]),
            ("bool out of range", &[2]),
            ("invalid utf-8", &[2, 0, 0, 0, 0xff, 0xfe]),
            ("count larger than the image", &[0xff, 0xff, 0xff, 0xff]),
        ];
        for (name, bytes) in rows {
            let mut r = Reader::new(bytes);
            let result = match name {
                "truncated integer" => r.u32("x").map(|_| ()),
                "bool out of range" => r.bool("x").map(|_| ()),
                "count larger than the image" => r.strings("x").map(|_| ()),
                _ => r.str("x").map(|_| ()),
            };
            assert_eq!(result, Err(Invalid("x")), "{name}");
        }
    }

    #[test]
    fn checksum_sees_every_byte() {
        let bytes: Vec<u8> = (0..=255).cycle().take(1001).collect();
        let sum = checksum(&bytes);
        for at in [0, 7, 8, 500, 1000] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1;
            assert_ne!(checksum(&damaged), sum, "byte {at}");
        }
        assert_ne!(checksum(&bytes[..1000]), sum, "truncated");
    }
}
