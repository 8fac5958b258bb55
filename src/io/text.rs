//! A text file read whole: decoded (BOM, UTF-8 or a guessed encoding), then read as JSON when
//! it is (or claims to be) JSON, else as delimited text.

use std::path::Path;

use super::delimited::read_delimited;
use super::delimited::sniff::choose_delimiter;
use super::error::{ErrorKind, FileError, err};
use super::format::Format;
use super::progress::Progress;
use super::report::{Import, ImportReport, ReadOptions, finish};
use super::{decode, json};
use crate::data::document::Document;
use crate::data::sink::LoadSink;

/// Reads text `bytes` of `format` (its extension's, or CSV), filling in `report`.
pub(crate) fn read_text<S: LoadSink>(
    path: &Path,
    bytes: &[u8],
    format: Format,
    mut report: ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Import<S>, FileError> {
    let forced = match &options.encoding {
        Some(name) => Some(decode::encoding_by_name(name).ok_or_else(|| {
            err(
                path,
                ErrorKind::Encoding,
                crate::msg!("file-unknown-encoding", name = name.as_str()),
            )
        })?),
        None => None,
    };
    let decoded = decode::decode(bytes, forced)
        .map_err(|e| err(path, ErrorKind::Binary, e.message()).with_source(e))?;
    report.encoding = decode::encoding_name(decoded.encoding);
    if decoded.guessed {
        report.guesses.push(crate::msg!(
            "guess-encoding",
            encoding = report.encoding.as_str()
        ));
    }
    report.warnings.extend(decoded.warning);
    let text = decoded.text.as_ref();
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let looks_like_json =
        format != Format::Tsv && (start.starts_with('[') || start.starts_with('{'));
    // Content wins over the extension for JSON named .csv, but text that only starts with a
    // bracket ("[notes],date") and is not JSON stays delimited text.
    let json = match format {
        Format::Json => Some(json::read(path, text, &mut report, options, progress)?),
        _ if looks_like_json => json::read(path, text, &mut report, options, progress).ok(),
        _ => None,
    };
    if let Some(parsed) = json {
        report.format = Some(Format::Json);
        if parsed.rows_empty {
            // No events: keep the columns the file names (our own files list them), if any
            // is known; otherwise an empty document.
            let doc = parsed.doc.unwrap_or_else(|_| Document::new());
            return Ok(Import {
                doc,
                report,
                aggregates: None,
                problems: None,
            });
        }
        return finish(parsed.doc?, None, report, options);
    }
    let delimiter = choose_delimiter(text, format, options, &mut report);
    let (doc, agg) = read_delimited::<S>(path, text, delimiter, &mut report, options, progress)?;
    finish(doc, Some(agg), report, options)
}
