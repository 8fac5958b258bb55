//! [`Builder`]: a document made row by row from a header — the columns mapped to the fields the
//! app knows, then the rows taken as they come. Every reader (delimited text, JSON,
//! spreadsheets) builds through it.

use std::path::Path;

use super::error::{ErrorKind, FileError, cancelled, err};
use super::headers::{Strength, classify_header, is_key};
use super::progress::Progress;
use super::report::{ImportReport, ReadOptions};
use crate::data::document::Metric;
use crate::data::document::{Column, Document, Field};
use crate::data::figure::{NumberFormat, Votes};
use crate::i18n::Msg;

/// A field as the import guesses name it: its key in English (`rigs_seized`, as `check` prints
/// it), its name in Chinese.
fn field_key(f: Field) -> Msg {
    match f {
        Field::Date => crate::msg!("field-key-date"),
        Field::Province => crate::msg!("field-key-province"),
        Field::City => crate::msg!("field-key-city"),
        Field::Action => crate::msg!("field-key-action"),
        Field::Projects => crate::msg!("field-key-projects"),
        Field::Rigs => crate::msg!("field-key-rigs"),
        Field::Kwh => crate::msg!("field-key-kwh"),
        Field::Coal => crate::msg!("field-key-coal"),
        Field::Basis => crate::msg!("field-key-basis"),
        Field::Source => crate::msg!("field-key-source"),
        Field::Notes => crate::msg!("field-key-notes"),
    }
}

/// What each header maps to: as chosen in `overrides`, else as its name says, the stronger match
/// winning when two headers name one field (`None`: an extra column). With it, per header that
/// lost such a contest, the index of the header that won.
fn choose_fields(
    headers: &[String],
    overrides: Option<&Vec<Option<Field>>>,
) -> (Vec<Option<Field>>, Vec<Option<usize>>) {
    let matched: Vec<Option<(Field, Strength)>> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| match overrides.and_then(|o| o.get(i)) {
            Some(choice) => choice.map(|f| (f, Strength::Key)),
            None => classify_header(h),
        })
        .collect();
    let mut mapping = vec![None; headers.len()];
    let mut lost = vec![None; headers.len()];
    for f in Field::ALL {
        // The strongest match wins; between equals, the first column.
        let mut best: Option<(usize, Strength)> = None;
        for (i, m) in matched.iter().enumerate() {
            if let Some((mf, s)) = m
                && *mf == f
                && best.is_none_or(|(_, bs)| *s > bs)
            {
                best = Some((i, *s));
            }
        }
        let Some((winner, _)) = best else { continue };
        mapping[winner] = Some(f);
        for (i, m) in matched.iter().enumerate() {
            if i != winner && m.is_some_and(|(mf, _)| mf == f) {
                lost[i] = Some(winner);
            }
        }
    }
    (mapping, lost)
}

/// The column each header becomes (a field, as chosen or matched, else an extra column), the
/// extra columns' names, and the field each header was mapped to.
fn map_headers(mapping: &[Option<Field>], headers: &[String]) -> (Vec<Column>, Vec<String>) {
    let mut columns = Vec::with_capacity(headers.len());
    let mut extras = Vec::new();
    for (i, (h, field)) in headers.iter().zip(mapping).enumerate() {
        match field {
            Some(f) => columns.push(Column::Field(*f)),
            None => {
                let name = if h.trim().is_empty() {
                    format!("column {}", i + 1)
                } else {
                    h.trim().to_owned()
                };
                columns.push(Column::Extra(extras.len()));
                extras.push(name);
            }
        }
    }
    (columns, extras)
}

/// What the report says the app guessed about the columns: each mapping not by the field's own
/// key, each column left extra because another took its field, and a file with no known column.
fn note_mapping(
    headers: &[String],
    mapping: &[Option<Field>],
    lost: &[Option<usize>],
    report: &mut ImportReport,
) {
    let name = |i: usize| {
        let h = headers[i].trim();
        if h.is_empty() {
            format!("column {}", i + 1)
        } else {
            h.to_owned()
        }
    };
    for (i, (h, f)) in headers.iter().zip(mapping).enumerate() {
        match classify_header(h) {
            Some((g, Strength::Keyword)) if Some(g) == *f => report.guesses.push(crate::msg!(
                "guess-column-keyword",
                column = name(i),
                field = field_key(g)
            )),
            _ => {
                if let Some(f) = f
                    && !is_key(h, *f)
                {
                    report.guesses.push(crate::msg!(
                        "guess-column",
                        column = name(i),
                        field = field_key(*f)
                    ));
                }
            }
        }
        if let Some(w) = lost[i]
            && let Some(f) = mapping[w]
        {
            report.guesses.push(crate::msg!(
                "guess-column-lost",
                number = (i + 1).to_string(),
                column = name(i),
                field = field_key(f),
                other_number = (w + 1).to_string(),
                other = name(w)
            ));
        }
    }
}

/// Builds a document row by row from a header: maps the columns, then takes rows as they come.
#[derive(Clone)]
pub(crate) struct Builder {
    pub(crate) doc: Document,
    columns: Vec<Column>,
}

impl Builder {
    /// An empty document with the columns `headers` name (noting in `report` how they were
    /// read). When none is a column the app knows, every column is an extra one and the report
    /// says so, for the import preview to let the user map them.
    pub(crate) fn begin(
        path: &Path,
        headers: &[String],
        report: &mut ImportReport,
        options: &ReadOptions,
    ) -> Result<Builder, FileError> {
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(err(
                path,
                ErrorKind::NoHeader,
                crate::msg!("file-no-header"),
            ));
        }
        let (mapping, lost) = choose_fields(headers, options.mapping.as_ref());
        let (columns, extras) = map_headers(&mapping, headers);
        if options.mapping.is_none() {
            note_mapping(headers, &mapping, &lost, report);
        }
        if mapping.iter().all(Option::is_none) {
            // Not a refusal: the preview opens with every column kept as an extra column, and
            // the user says what each holds.
            report.guesses.push(crate::msg!("guess-no-known-columns"));
        }
        report.headers = headers.to_vec();
        report.mapping = mapping;
        let mut doc = Document::with_columns(columns.clone(), extras);
        for (h, c) in headers.iter().zip(&columns) {
            doc.set_header(*c, h);
        }
        Ok(Builder { doc, columns })
    }

    /// Decides how each figure column writes its numbers from the first records of the body
    /// (or as chosen), before the body is read, and notes it in `report`.
    pub(crate) fn number_formats(
        &mut self,
        sample: &[Vec<String>],
        report: &mut ImportReport,
        options: &ReadOptions,
    ) {
        let figures: Vec<(usize, Field, Metric)> = (self.columns.iter().enumerate())
            .filter_map(|(i, c)| match *c {
                Column::Field(f) => f.metric().map(|m| (i, f, m)),
                Column::Extra(_) => None,
            })
            .collect();
        let votes: Vec<Votes> = (figures.iter())
            .map(|&(i, _, m)| {
                let cells = sample.iter().filter_map(|r| r.get(i)).map(String::as_str);
                Votes::of(cells, m.quantity(), self.doc.column_pow10(m))
            })
            .collect();
        let decided = NumberFormat::decide(&votes);
        let mut found: Vec<(Field, NumberFormat)> = Vec::new();
        for (&(_, f, m), d) in figures.iter().zip(decided) {
            let format = options.number_format.unwrap_or(d);
            self.doc.set_number_format(m, format);
            found.push((f, format));
        }
        // The file's format: as chosen, else the one most figure columns use.
        let count = |n: NumberFormat| found.iter().filter(|(_, x)| *x == n).count();
        let common = NumberFormat::ALL
            .into_iter()
            .fold(
                NumberFormat::Point,
                |a, b| if count(b) > count(a) { b } else { a },
            );
        report.number_format = Some(options.number_format.unwrap_or(common));
        if options.number_format.is_none() {
            for format in NumberFormat::ALL.into_iter().skip(1) {
                let columns: Vec<&str> = found
                    .iter()
                    .filter(|(_, x)| *x == format)
                    .map(|(f, _)| f.key())
                    .collect();
                if !columns.is_empty() {
                    report.guesses.push(crate::msg!(
                        "guess-number-format",
                        format = format.label(),
                        columns = columns.join(", ")
                    ));
                }
            }
        }
        report.number_formats = found;
    }

    /// Adds one row of cell texts; blank rows are skipped, cells beyond the header go to new,
    /// named extra columns rather than being dropped.
    pub(crate) fn add(&mut self, cells: &[&str]) {
        // Blank rows are skipped (white space as `str::trim` means it; a cell starting with a
        // letter or digit, as a row's first cell nearly always does, is decided at once).
        let blank = |c: &&str| {
            !c.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) && c.trim().is_empty()
        };
        if cells.iter().all(blank) {
            return;
        }
        for i in self.columns.len()..cells.len() {
            let c = self.doc.add_extra_column(format!("column {}", i + 1));
            self.columns.push(c);
        }
        self.doc.push_record(&self.columns, cells);
    }

    /// As [`Builder::add`], for cells that come one by one (gathered on the stack when a row
    /// has up to 32).
    pub(crate) fn add_iter<'a>(&mut self, cells: impl Iterator<Item = &'a str>) {
        let mut small = [""; 32];
        let mut n = 0;
        let mut wide: Vec<&str> = Vec::new();
        for c in cells {
            if n < small.len() {
                small[n] = c;
                n += 1;
            } else {
                if wide.is_empty() {
                    wide.extend_from_slice(&small);
                }
                wide.push(c);
            }
        }
        if wide.is_empty() {
            self.add(&small[..n]);
        } else {
            self.add(&wide);
        }
    }
}

/// Builds the document from a header and rows of cell texts (spreadsheets and JSON).
pub(crate) fn build(
    path: &Path,
    headers: &[String],
    rows: &[Vec<String>],
    report: &mut ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Document, FileError> {
    let mut b = Builder::begin(path, headers, report, options)?;
    let (_, total) = progress.get();
    let half = total / 2;
    for (i, record) in rows.iter().enumerate() {
        if i.is_multiple_of(8192) {
            if progress.is_cancelled() {
                return Err(cancelled(path));
            }
            if total > 0 {
                progress.set(half + half * i as u64 / rows.len().max(1) as u64, total);
            }
        }
        b.add_iter(record.iter().map(String::as_str));
    }
    Ok(b.doc)
}
