//! Spreadsheets: reading .xlsx, .xls and .ods with calamine (cells become the text a person would
//! type, real dates become ISO dates), and writing .xlsx with rust_xlsxwriter, every text cell
//! as text, never as a formula.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::error::{ErrorKind, FileError, err};
use super::header_find::{self, HeadRow};
use super::report::{ImportReport, ReadOptions};
use super::write::EncodeError;
use crate::data::document::{Column, Document};
use crate::data::figure;

/// A workbook's sheets, each as rows of cell texts.
pub struct Workbook {
    /// Sheet names in workbook order.
    pub names: Vec<String>,
    sheets: Vec<Option<Vec<Vec<String>>>>,
    /// Each sheet's first row with a cell (0-based): its rows start there.
    starts: Vec<usize>,
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => crate::data::value::canonical_number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => d.date().format("%Y-%m-%d").to_string(),
            _ => crate::data::value::canonical_number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

impl Workbook {
    /// Opens a workbook from memory (the format is recognised from the content); `path` is
    /// only used in messages.
    pub fn open(path: &Path, bytes: &[u8]) -> Result<Workbook, FileError> {
        // calamine can panic on a damaged or truncated workbook (seen with a cut .xls): a user's
        // bad file must give a message, never bring the app down. (The panic hook is left as it
        // is: it is the process's, and swapping it would race with other threads.)
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Self::open_unguarded(path, bytes)
        }))
        .unwrap_or_else(|_| Err(err(path, ErrorKind::Damaged, crate::msg!("file-damaged"))))
    }

    fn open_unguarded(path: &Path, bytes: &[u8]) -> Result<Workbook, FileError> {
        let mut wb =
            calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
                err(
                    path,
                    ErrorKind::Spreadsheet,
                    crate::msg!("file-spreadsheet", reason = e.to_string()),
                )
                .with_source(e)
            })?;
        let names = wb.sheet_names();
        let mut starts = Vec::with_capacity(names.len());
        let sheets = names
            .iter()
            .map(|n| {
                let range = wb.worksheet_range(n).ok();
                starts.push(
                    range
                        .as_ref()
                        .and_then(|r| r.start())
                        .map_or(0, |(r, _)| r as usize),
                );
                range.map(|range| {
                    range
                        .rows()
                        .map(|r| r.iter().map(cell_text).collect())
                        .collect()
                })
            })
            .collect();
        Ok(Workbook {
            names,
            sheets,
            starts,
        })
    }

    /// The first rows of a sheet (until [`header_find::GATHER`] are not blank), numbered as the
    /// spreadsheet shows them.
    fn head(&self, index: usize) -> Vec<HeadRow> {
        let start = self.starts.get(index).copied().unwrap_or(0);
        let mut filled = 0;
        let mut out = Vec::new();
        for (i, row) in self.rows(index).unwrap_or_default().iter().enumerate() {
            if filled >= header_find::GATHER {
                break;
            }
            filled += usize::from(row.iter().any(|c| !c.trim().is_empty()));
            out.push(HeadRow {
                number: start + i + 1,
                cells: row.clone(),
            });
        }
        out
    }

    /// The rows of a sheet, header first.
    pub fn rows(&self, index: usize) -> Option<&[Vec<String>]> {
        self.sheets.get(index)?.as_deref()
    }

    /// The sheet to open by default: the first whose header (title rows above it skipped)
    /// names a known column.
    pub fn default_sheet(&self) -> usize {
        (0..self.names.len())
            .find(|&i| {
                header_find::find_header(&self.head(i), None)
                    .is_some_and(|h| h.names.iter().any(|n| super::match_header(n).is_some()))
            })
            .unwrap_or(0)
    }
}

/// The header and rows of the sheet to read (as chosen, else [`Workbook::default_sheet`]),
/// leading empty rows skipped; notes the sheets in `report`.
pub(crate) fn read_sheet(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
    report: &mut ImportReport,
) -> Result<(Vec<String>, Vec<Vec<String>>), FileError> {
    let wb = Workbook::open(path, bytes)?;
    let index = options
        .sheet
        .filter(|&i| i < wb.names.len())
        .unwrap_or_else(|| wb.default_sheet());
    if wb.names.len() > 1 && options.sheet.is_none() {
        report.guesses.push(crate::msg!(
            "guess-sheet",
            count = wb.names.len().to_string(),
            sheet = wb.names[index].as_str()
        ));
    }
    report.sheets = wb.names.clone();
    report.sheet = Some(index);
    let head = wb.head(index);
    let Some(header) = header_find::find_header(&head, options.header_row) else {
        let why = match options.header_row {
            Some(n)
                if head
                    .iter()
                    .any(|r| r.cells.iter().any(|c| !c.trim().is_empty())) =>
            {
                crate::msg!("file-not-a-header", row = n.to_string())
            }
            _ => crate::msg!("file-empty-sheet", sheet = wb.names[index].as_str()),
        };
        return Err(err(path, ErrorKind::Empty, why));
    };
    header_find::note_header(report, options, &head, &header);
    let rows = wb
        .rows(index)
        .and_then(|r| r.get(header.body()..))
        .map(<[Vec<String>]>::to_vec)
        .unwrap_or_default();
    Ok((header.names, rows))
}

/// Writes the document as an .xlsx workbook with one sheet.
pub fn write_xlsx(doc: &Document, headers: &[String]) -> Result<Vec<u8>, EncodeError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Events").map_err(EncodeError::from_error)?;
    for (c, header) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, header)
            .map_err(EncodeError::from_error)?;
    }
    for row in 0..doc.len() {
        let r = row as u32 + 1;
        for (c, &column) in doc.columns().iter().enumerate() {
            let text = doc.file_text(row, column);
            if text.is_empty() {
                continue;
            }
            let number = match column {
                Column::Field(f) => f.metric().and_then(|m| {
                    doc.figure_marker(row, m)
                        .is_none()
                        .then(|| doc.figure_value(row, m))
                        .flatten()
                        .map(|_| m)
                }),
                Column::Extra(_) => None,
            };
            match number.and_then(|m| {
                figure::in_unit(doc.figure_value(row, m)?, doc.column_pow10(m))
                    .parse::<f64>()
                    .ok()
            }) {
                Some(v) => ws.write_number(r, c as u16, v),
                // Text stays text: write_string never makes a formula of "=SUM(A1)".
                None => ws.write_string(r, c as u16, text.as_ref()),
            }
            .map_err(EncodeError::from_error)?;
        }
    }
    wb.save_to_buffer().map_err(EncodeError::from_error)
}
