//! Reading gzip files member by member, so that what follows the last member is named for what it
//! is. `flate2`'s `MultiGzDecoder` reads any bytes after a member as the header of another one and,
//! for a few stray bytes, reports "unexpected end of file", which sends the user looking for a
//! truncated download instead of an appended log line.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The two bytes every gzip member starts with (RFC 1952).
const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A `BufRead` that counts the bytes consumed, for the offset in messages.
struct Counted<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

/// Decompresses one or more concatenated gzip members (as `gzip -c a b > ab.gz` makes), and fails
/// with "trailing bytes after the gzip data at byte N" when something else follows them, or with
/// "truncated gzip data" when a member ends early.
pub struct GzReader<R: BufRead> {
    decoder: Option<GzDecoder<Counted<R>>>,
}

impl<R: BufRead> GzReader<R> {
    /// Decompresses `inner`.
    pub fn new(inner: R) -> GzReader<R> {
        GzReader {
            decoder: Some(GzDecoder::new(Counted { inner, consumed: 0 })),
        }
    }
}

impl<R: BufRead> Read for GzReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            let n = decoder.read(buf).map_err(|e| {
                if e.kind() == io::ErrorKind::UnexpectedEof {
                    io::Error::new(e.kind(), "truncated gzip data (unexpected end of file)")
                } else {
                    e
                }
            })?;
            if n > 0 {
                return Ok(n);
            }
            // The member ended: another member, the end, or bytes that are not gzip.
            let mut rest = self.decoder.take().expect("present above").into_inner();
            let at = rest.consumed;
            let next = rest.fill_buf()?;
            if next.is_empty() {
                return Ok(0);
            }
            let starts_member = next[0] == MAGIC[0] && next.get(1).is_none_or(|&b| b == MAGIC[1]);
            if !starts_member {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("trailing bytes after the gzip data at byte {at}"),
                ));
            }
            self.decoder = Some(GzDecoder::new(rest));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    fn read(bytes: &[u8]) -> Result<String, String> {
        let mut text = String::new();
        GzReader::new(bytes)
            .read_to_string(&mut text)
            .map(|_| text)
            .map_err(|e| e.to_string())
    }

    // Issue 13, defect 15: trailing bytes after a gzip stream were reported as "unexpected end of
    // file".
    #[test]
    fn regression_gz_trailing_bytes_named() {
        let one = gzip("حلب\n");
        let two = [one.clone(), gzip("إدلب\n")].concat();
        let cases: [(&str, Vec<u8>, Result<String, String>); 5] = [
            ("one member", one.clone(), Ok("حلب\n".into())),
            ("two members", two, Ok("حلب\nإدلب\n".into())),
            (
                "a stray line",
                [one.clone(), b"x\n".to_vec()].concat(),
                Err(format!(
                    "trailing bytes after the gzip data at byte {}",
                    one.len()
                )),
            ),
            (
                "one stray byte",
                [one.clone(), b"\n".to_vec()].concat(),
                Err(format!(
                    "trailing bytes after the gzip data at byte {}",
                    one.len()
                )),
            ),
            (
                "truncated",
                one[..one.len() - 4].to_vec(),
                Err("truncated gzip data (unexpected end of file)".into()),
            ),
        ];
        for (name, bytes, expected) in cases {
            assert_eq!(read(&bytes), expected, "{name}");
        }
    }
}
