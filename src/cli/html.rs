//! `rasid tag --format html`: one self-contained page with the entities highlighted.

use std::io::{self, Write};

use super::output::MentionRecord;

/// Writes the start of the page, before the first document.
pub(crate) fn begin(out: &mut impl Write) -> io::Result<()> {
    let _ = out;
    Err(io::Error::other("the HTML view is not built yet"))
}

/// Writes one document: its text with the mentions highlighted.
pub(crate) fn document(
    out: &mut impl Write,
    path: &str,
    text: &str,
    entities: &[MentionRecord<'_>],
) -> io::Result<()> {
    let _ = (out, path, text, entities);
    Ok(())
}

/// Writes the end of the page.
pub(crate) fn end(out: &mut impl Write) -> io::Result<()> {
    let _ = out;
    Ok(())
}
