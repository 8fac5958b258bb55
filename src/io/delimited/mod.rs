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
use crate::io::header_find::{self, HeadRow};
use crate::io::progress::Progress;
use crate::io::report::{ImportReport, ReadOptions};
use parts::{MIN_PARALLEL_BYTES, PartProgress, part_count, read_in_parts};

/// The header of delimited text made into an empty document's columns, and the offset where
/// the body starts. The header is looked for among the first rows ([`header_find`]): a `sep=`
/// line, title rows, notes and blank lines above it are skipped, and a unit row under it is part
/// of it. `None` when no header is found: the text is blank, or — with `more`, the text going
/// on — the rows to look at (and, for a delimiter other than a comma, the rows that decide the
/// number formats) run past its end.
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
            crate::msg!("file-bad-delimiter", byte = format!("{delimiter:#04x}")),
        ));
    }
    let start = sniff::sep_line(text).map_or(0, |(_, len)| len);
    let Some(head) = head_rows(text, delimiter, start, more) else {
        return Ok(None);
    };
    let rows: Vec<HeadRow> = head.iter().map(|(row, _)| row.clone()).collect();
    let Some(header) = header_find::find_header(&rows, options.header_row) else {
        return match options.header_row {
            Some(n)
                if rows
                    .iter()
                    .any(|r| r.cells.iter().any(|c| !c.trim().is_empty())) =>
            {
                Err(err(
                    path,
                    ErrorKind::NoHeader,
                    crate::msg!("file-not-a-header", row = n.to_string()),
                ))
            }
            _ => Ok(None),
        };
    };
    let body = head[header.body() - 1].1;
    let mut builder = Builder::begin(path, &header.names, report, options)?;
    header_find::note_header(report, options, &rows, &header);
    if delimiter != b',' {
        let Some(sample) = sample_records(text, delimiter, body, more) else {
            return Ok(None);
        };
        builder.number_formats(&sample, report, options);
    }
    Ok(Some((builder, body)))
}

/// The first records of `text` from `start` until [`header_find::GATHER`] of them are not blank,
/// each with its row number (as a spreadsheet counts rows: blank lines too) and the offset after
/// it; `None` when, with `more`, the text ends before.
fn head_rows(text: &str, delimiter: u8, start: usize, more: bool) -> Option<Vec<(HeadRow, usize)>> {
    let mut out: Vec<(HeadRow, usize)> = Vec::new();
    let (mut pos, mut number, mut filled) = (start, 0, 0);
    while filled < header_find::GATHER {
        let mut record: Option<(Vec<String>, usize)> = None;
        let (end, ended) = split::read_chunk(text, delimiter, pos, usize::MAX, more, |f, at| {
            record = Some((f.iter().map(|c| (*c).to_owned()).collect(), at));
            false
        });
        let Some((cells, at)) = record.filter(|_| ended == split::Ended::Cancelled) else {
            // The text ended: all of it when it does not go on.
            return (!more).then_some(out);
        };
        number += 1 + line_ends(&text.as_bytes()[pos..at]);
        let row = HeadRow { number, cells };
        filled += usize::from(row.cells.iter().any(|c| !c.trim().is_empty()));
        out.push((row, end));
        pos = end;
    }
    Some(out)
}

/// Line ends in `bytes` (a CRLF is one): the blank lines a reader skipped.
fn line_ends(bytes: &[u8]) -> usize {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}

/// Records read to decide each figure column's number format before the body is read in
/// parallel parts.
const FORMAT_SAMPLE: usize = 200;

/// The first [`FORMAT_SAMPLE`] records from `body`; `None` when, with `more`, the text ends
/// before.
fn sample_records(text: &str, delimiter: u8, body: usize, more: bool) -> Option<Vec<Vec<String>>> {
    let mut out = Vec::new();
    let (_, ended) = split::read_chunk(text, delimiter, body, usize::MAX, more, |f, _| {
        out.push(f.iter().map(|c| (*c).to_owned()).collect());
        out.len() < FORMAT_SAMPLE
    });
    (ended == split::Ended::Cancelled || !more).then_some(out)
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
        return Err(err(path, ErrorKind::Empty, crate::msg!("file-empty")));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Field, Metric};
    use crate::data::figure::NumberFormat;

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let text = "a,b\r\n\r\n\"x\ny\",c\r\n,,\r\nd,e";
        let rows = head_rows(text, b',', 0, false).unwrap();
        let numbers: Vec<usize> = rows.iter().map(|(r, _)| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 5]);
        assert_eq!(rows[1].0.cells, ["x\ny", "c"]);
        // Each row's end is where the next begins.
        assert_eq!(&text[rows[2].1..], "d,e");
        // Text that goes on, cut before enough rows: not yet.
        assert_eq!(head_rows("a,b\nc,d\n", b',', 0, true), None);
    }

    fn read(text: &str) -> crate::io::Import<()> {
        crate::io::read(
            Path::new("t.csv"),
            text.as_bytes(),
            None,
            &ReadOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn title_rows_a_sep_line_and_a_unit_row() {
        let import = read(
            "sep=;\r\nSeizures by province;;\r\n;;\r\nprovince;rigs_seized;electricity_saved_kwh\r\n;台;亿千瓦时\r\nHebei;10;65,8\r\n",
        );
        assert_eq!(import.report.delimiter, Some(b';'));
        assert_eq!(import.report.header_row, Some(3));
        assert_eq!(import.doc.len(), 1, "the unit row is no data row");
        assert_eq!(import.doc.figure_value(0, Metric::Kwh), Some(6.58e9));
        assert_eq!(import.doc.figure_value(0, Metric::Rigs), Some(10.0));
        let g = &import.report.guesses;
        assert!(
            g.iter()
                .any(|s| s == "the header is row 3; rows 1–2 above it are skipped"),
            "{g:?}"
        );
        assert!(
            g.iter()
                .any(|s| s.contains("row 4 holds the columns' units (台, 亿千瓦时)")),
            "{g:?}"
        );
        // A file whose first row is the header reads as always, with nothing guessed.
        let import = read("date,province,rigs_seized\n2021-09-27,Hebei,10\n");
        assert_eq!(import.report.header_row, Some(1));
        assert!(
            import.report.guesses.is_empty(),
            "{:?}",
            import.report.guesses
        );
        assert_eq!(
            import.report.number_format, None,
            "a comma file has one number format"
        );
    }

    #[test]
    fn a_chosen_header_row_and_number_format() {
        let text = "Title;;\nprovince;rigs_seized;coal_saved_tonnes\nHebei;1.200;0,5\n";
        let import = read(text);
        assert_eq!(import.report.header_row, Some(2));
        assert_eq!(import.report.number_format, Some(NumberFormat::Comma));
        assert_eq!(
            import.report.number_formats,
            [
                (Field::Rigs, NumberFormat::Comma),
                (Field::Coal, NumberFormat::Comma)
            ]
        );
        assert_eq!(import.doc.figure_value(0, Metric::Rigs), Some(1200.0));
        assert_eq!(import.doc.number_format(Metric::Coal), NumberFormat::Comma);
        let two = "province;rigs_seized\nprovincia;rigs\nHebei;3\n";
        assert_eq!(read(two).report.header_row, Some(1));
        let options = ReadOptions {
            header_row: Some(2),
            ..Default::default()
        };
        let import =
            crate::io::read::<()>(Path::new("t.csv"), two.as_bytes(), None, &options).unwrap();
        assert_eq!(import.report.header_row, Some(2));
        assert_eq!(import.report.headers, ["provincia", "rigs"]);
        assert_eq!(import.doc.len(), 1);
        assert!(import.report.guesses.iter().all(|g| !g.contains("header")));
        let options = ReadOptions {
            number_format: Some(NumberFormat::Point),
            ..Default::default()
        };
        let import =
            crate::io::read::<()>(Path::new("t.csv"), text.as_bytes(), None, &options).unwrap();
        assert_eq!(
            import.doc.figure_value(0, Metric::Rigs),
            None,
            "1.200 rigs is no count"
        );
        assert_eq!(import.doc.figure_value(0, Metric::Coal), None);
        assert!(
            import
                .report
                .guesses
                .iter()
                .all(|g| !g.contains("numbers are read"))
        );
    }
}
