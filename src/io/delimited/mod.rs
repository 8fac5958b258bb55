//! Delimited text (CSV, TSV, any single-byte delimiter): the header, then the body in parts
//! read in parallel straight into a document and summed into a [`LoadSink`] as they are read.
//! [`split`] splits records, [`sniff`] finds the delimiter, [`parts`] reads and joins the
//! parts, [`stream`] reads a file in chunks instead of as one text.

mod parts;
pub(crate) mod sniff;
pub mod split;
pub mod stream;

use std::path::Path;

use crate::data::document::Document;
use crate::data::sink::LoadSink;
use crate::io::builder::Builder;
use crate::io::error::{ErrorKind, FileError, cancelled, err};
use crate::io::progress::Progress;
use crate::io::report::{ImportReport, ReadOptions};
use parts::{MIN_PARALLEL_BYTES, PartProgress, part_count, read_in_parts};

/// The header of delimited text (leading blank lines skipped) made into an empty document's
/// columns, and the offset where the body starts. `None` when no header is found: the text is
/// blank, or — with `more`, the text going on — the header runs past its end.
pub(crate) fn delimited_header(
    path: &Path,
    text: &str,
    delimiter: u8,
    more: bool,
    report: &mut ImportReport,
    options: &ReadOptions,
) -> Result<Option<(Builder, usize)>, FileError> {
    // The app only detects or offers `DELIMITERS`; any other single ASCII byte works too, but
    // a quote, a line end or half of a multi-byte character cannot separate fields.
    if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\n' | b'\r') {
        return Err(err(
            path,
            ErrorKind::BadDelimiter,
            format!(
                "byte {delimiter:#04x} cannot separate fields; use a comma, semicolon, tab or |"
            ),
        ));
    }
    let mut headers: Option<Vec<String>> = None;
    let (body, ended) = split::read_chunk(text, delimiter, 0, usize::MAX, more, |fields, _| {
        if fields.iter().all(|c| c.trim().is_empty()) {
            return true;
        }
        headers = Some(fields.iter().map(|c| (*c).to_owned()).collect());
        false
    });
    match headers {
        Some(headers) if ended == split::Ended::Cancelled => Ok(Some((
            Builder::begin(path, &headers, report, options)?,
            body,
        ))),
        _ => Ok(None),
    }
}

/// Reads delimited text straight into a document, without holding the rows twice: the header
/// first, then the body in parts read in parallel (see [`split`]) and joined in file order.
/// Each part's rows are summed into its sink on its thread once read.
pub(crate) fn read_delimited<S: LoadSink>(
    path: &Path,
    text: &str,
    delimiter: u8,
    report: &mut ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Document, S::Output), FileError> {
    let text = text.trim_start_matches('\u{feff}');
    let Some((template, body)) = delimited_header(path, text, delimiter, false, report, options)?
    else {
        return Err(err(path, ErrorKind::Empty, "the file is empty"));
    };
    let parts = part_count((text.len() - body) as u64, MIN_PARALLEL_BYTES);
    let cuts = split::guess_cuts(text, body, parts);
    let (_, total) = progress.get();
    let len = (text.len() - body) as u64;
    let counter = PartProgress::new(progress, len, total / 2, total - total / 2, total);
    let read = |reader: &mut parts::PartReader<'_, S>, from: usize, stop: usize| {
        Ok::<_, FileError>(split::read_records(
            text,
            delimiter,
            from,
            stop,
            |fields, at| reader.record(fields, at),
        ))
    };
    read_in_parts(&template, &cuts, text.len(), &counter, read)?.ok_or_else(|| cancelled(path))
}
