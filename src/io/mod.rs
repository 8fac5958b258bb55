//! Reading and writing event files: CSV/TSV (delimiter detected), JSON, and spreadsheets
//! (.xlsx, .xls, .ods), in UTF-8, UTF-16 or a guessed legacy encoding, with forgiving header
//! matching and atomic saves. Nothing here knows about the UI or about what is summed over the
//! rows: errors name the file, row and column, a report says what was guessed so the app can
//! show an import preview, and the rows read are handed to the caller's [`LoadSink`].
//!
//! This file holds the entry points only; the readers live in the modules below.

mod atomic;
mod builder;
pub mod clipboard;
pub mod decode;
pub mod delimited;
mod error;
mod file;
mod format;
mod header_find;
mod header_keywords;
mod headers;
mod json;
mod progress;
mod report;
pub mod sheet;
mod text;
mod write;

use std::path::Path;

pub use crate::data::sink::LoadSink;
pub use atomic::atomic_write;
pub use delimited::sniff::{DELIMITERS, delimiter_name, delimiter_text, detect_delimiter};
/// Delimited text split into records (the old path of [`delimited::split`]).
pub use delimited::split as fastcsv;
/// Delimited text read from its file in chunks (the old path of [`delimited::stream`]).
pub use delimited::stream;
pub use error::{ErrorKind, FileError};
pub use file::read_file;
pub use format::Format;
pub use headers::{Strength, classify_header, is_key, match_header, synonyms};
pub use progress::Progress;
pub use report::{Import, ImportReport, ReadOptions};
pub use write::{EncodeError, to_bytes};

use crate::data::document::{Document, Field};
use crate::data::row_checks::Checked;
use error::err;
use format::sniff_binary;
use report::finish;

/// Reads an event file, choosing the format from the extension (or the content when unknown).
pub fn read_path(path: &Path) -> Result<Document, FileError> {
    read_path_with::<()>(path, &ReadOptions::default()).map(|i| i.doc)
}

/// Reads an event file with the given choices, returning the report too, and the rows summed
/// into `S` where they were read in parts. Plain UTF-8 delimited text is read in chunks
/// ([`stream`]); anything else whole.
pub fn read_path_with<S: LoadSink>(
    path: &Path,
    options: &ReadOptions,
) -> Result<Import<S>, FileError> {
    read_any(path, options, &Progress::default()).map(|(_, import)| import)
}

/// As [`read_path_with`], with every row checked for problems too ([`Import::problems`]): on
/// the threads that read it when the file is read in parts, after reading otherwise.
pub fn read_path_checked<S: LoadSink>(
    path: &Path,
    options: &ReadOptions,
) -> Result<Import<S>, FileError> {
    let (_, import) = read_any::<Checked<S>>(path, options, &Progress::default())?;
    let mut import = import.into_checked();
    import.checked_problems();
    Ok(import)
}

/// Reads plain UTF-8 delimited text in chunks, anything else whole: the import, and the file's
/// bytes when it was read whole.
fn read_any<S: LoadSink>(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Option<Vec<u8>>, Import<S>), FileError> {
    let started = std::time::Instant::now();
    let result = read_any_unlogged(path, options, progress);
    match &result {
        Ok((_, import)) => log::info!(
            "read {} rows from {} in {:.0} ms",
            import.doc.len(),
            path.display(),
            started.elapsed().as_secs_f64() * 1000.0
        ),
        Err(e) => log::warn!("reading failed ({:?}): {e}", e.kind()),
    }
    result
}

/// [`read_any`] without the log line.
fn read_any_unlogged<S: LoadSink>(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Option<Vec<u8>>, Import<S>), FileError> {
    let format = Format::from_path(path);
    if let Some(import) = stream::read_path(path, format, options, progress, Default::default())? {
        return Ok((None, import));
    }
    let bytes = read_file(path, progress)?;
    let import = read_with(path, &bytes, format, options, progress)?;
    Ok((Some(bytes), import))
}

/// Reads a file, reporting progress and stopping when cancelled, parses it and sums its rows
/// into `S`. Returns the file's bytes when it was read whole or when reading it guessed
/// something, for an import preview to read again with other choices; none otherwise.
pub fn read_path_progress<S: LoadSink>(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Vec<u8>, Import<S>), FileError> {
    // Every row checked here, on the loading threads, so that opening a large file does not
    // stop the window: while it is read in parts, each part's rows on its own thread.
    let (bytes, import) = read_any::<Checked<S>>(path, options, progress)?;
    let mut import = import.into_checked();
    import.checked_problems();
    let bytes = match bytes {
        Some(bytes) => {
            // Summed here, on the loading thread, when the reader did not already.
            import.summed_aggregates();
            bytes
        }
        // Read in chunks: the bytes are read too only when the reading guessed something, for
        // the import preview to read again with other choices.
        None if import.report.needs_preview() => read_file(path, progress)?,
        None => Vec::new(),
    };
    Ok((bytes, import))
}

/// Reads an event file from memory. `path` is only used in messages; `format` `None` sniffs.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Document, FileError> {
    read::<()>(path, bytes, format, &ReadOptions::default()).map(|i| i.doc)
}

/// Reads an event file from memory with the given choices.
pub fn read<S: LoadSink>(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    options: &ReadOptions,
) -> Result<Import<S>, FileError> {
    read_with(path, bytes, format, options, &Progress::default())
}

/// As [`read`], reporting parsing progress (the second half of `progress`) and stopping when
/// cancelled.
pub fn read_with<S: LoadSink>(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Import<S>, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(path, ErrorKind::Empty, crate::msg!("file-empty")));
    }
    let mut report = ImportReport::default();
    let format = match (format, sniff_binary(bytes)) {
        (_, Some(b)) => b,
        (Some(f), None) if f.is_spreadsheet() => {
            return Err(err(
                path,
                ErrorKind::NotAWorkbook,
                crate::msg!("file-not-a-workbook", format = f.name()),
            ));
        }
        (Some(f), None) => f,
        (None, None) => Format::Csv,
    };
    if !format.is_spreadsheet() {
        return text::read_text(path, bytes, format, report, options, progress);
    }
    let (headers, rows) = sheet::read_sheet(path, bytes, options, &mut report)?;
    report.format = Some(format);
    let doc = builder::build(path, &headers, &rows, &mut report, options, progress)?;
    finish(doc, None, report, options)
}

/// Writes the document in the format the extension names, atomically.
pub fn write_path(doc: &Document, path: &Path) -> Result<(), FileError> {
    let format = Format::from_path(path).unwrap_or(Format::Csv);
    let written = to_bytes(doc, format)
        .map_err(|e| e.for_file(path))
        .and_then(|bytes| atomic_write(path, &bytes));
    match &written {
        Ok(()) => log::info!("saved {} rows to {}", doc.len(), path.display()),
        Err(e) => log::warn!("saving failed ({:?}): {e}", e.kind()),
    }
    written
}

/// The sample dataset shipped inside the binary (same content as `sample-data/`).
pub const SAMPLE_CSV: &str = include_str!("../../sample-data/crackdown-events.csv");

/// The name the sample data is shown under.
pub const SAMPLE_NAME: &str = "crackdown-events.csv (sample data)";

/// The sample dataset as a document.
pub fn sample_document() -> Document {
    read_bytes(
        Path::new(SAMPLE_NAME),
        SAMPLE_CSV.as_bytes(),
        Some(Format::Csv),
    )
    .unwrap_or_else(|_| Document::new())
}

/// Keeps the field list in one place for callers that need it.
pub fn known_fields() -> &'static [Field] {
    &Field::ALL
}
