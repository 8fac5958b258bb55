//! Which byte separates the fields of delimited text: as chosen, else detected from the first
//! lines ([`detect_delimiter`]), and the delimiters' names.

use crate::io::format::Format;
use crate::io::headers::match_header;
use crate::io::report::{ImportReport, ReadOptions};

/// Human name of a delimiter.
pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "vertical bar",
        _ => "other",
    }
}

/// Delimiters the reader considers, in order of preference.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the first lines into the same number (> 1) of fields.
pub fn detect_delimiter(text: &str, default: u8) -> u8 {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    // (rows with the header's field count, rows sampled, header field count)
    let score = |d: u8| -> (usize, usize, usize) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty())) // blank lines do not count
            .take(20)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            return (0, 0, 0);
        };
        (
            counts.iter().filter(|&&c| c == first).count(),
            counts.len(),
            first,
        )
    };
    // The extension's delimiter wins whenever it splits the header into 2+ fields and at least
    // half of the sampled rows alike (ragged rows happen; a wrong delimiter splits the header
    // into one field or into pieces that the rows do not repeat).
    let (consistent, sampled, fields) = score(default);
    // A header the default splits into names the app knows settles it.
    let knows_header = |d: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .find(|r| r.iter().any(|c| !c.trim().is_empty()))
            .is_some_and(|r| r.len() >= 2 && r.iter().any(|h| match_header(h).is_some()))
    };
    if knows_header(default) {
        return default;
    }
    if fields >= 2 && consistent * 2 >= sampled {
        return default;
    }
    let mut best = (default, (consistent, fields));
    for d in DELIMITERS {
        let (c, _, f) = score(d);
        if f >= 2 && (c, f) > best.1 {
            best = (d, (c, f));
        }
    }
    best.0
}

/// The delimiter of delimited text: as chosen, else detected from its first lines (noted in the
/// report when it is not the format's own).
pub(crate) fn choose_delimiter(
    text: &str,
    format: Format,
    options: &ReadOptions,
    report: &mut ImportReport,
) -> u8 {
    let default = if format == Format::Tsv { b'\t' } else { b',' };
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| detect_delimiter(text, default));
    if delimiter != default && options.delimiter.is_none() {
        report.guesses.push(format!(
            "the delimiter was detected as {}",
            delimiter_name(delimiter)
        ));
    }
    report.delimiter = Some(delimiter);
    report.format = Some(format);
    delimiter
}
