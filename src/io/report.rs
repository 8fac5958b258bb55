//! What a read takes and gives: [`ReadOptions`] (choices that override the guesses),
//! [`ImportReport`] (what was found and guessed) and [`Import`] (the document, the report and the
//! sums made while reading), and the last step of every read that settles the date order.

use super::error::FileError;
use super::format::Format;
use crate::data::document::{Document, Field, Notice};
use crate::data::figure::NumberFormat;
use crate::data::problem_index::ProblemIndex;
use crate::data::row_checks::Checked;
use crate::data::sink::LoadSink;
use crate::data::value::DateOrder;
use crate::i18n::Msg;

/// Choices that override what the reader would guess (the import preview sets them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// Text encoding (by name: `utf-8`, `gb18030`, …).
    pub encoding: Option<String>,
    /// Field delimiter for delimited text.
    pub delimiter: Option<u8>,
    /// Sheet of a workbook, by index.
    pub sheet: Option<usize>,
    /// How to read numeric day/month dates.
    pub date_order: Option<DateOrder>,
    /// Per source column: the field it holds, or `None` to keep it as an extra column.
    pub mapping: Option<Vec<Option<Field>>>,
    /// The row that names the columns, 1-based as a spreadsheet numbers rows (the rows above
    /// it are skipped).
    pub header_row: Option<usize>,
    /// How the figures of delimited text write their numbers (every figure column alike).
    pub number_format: Option<NumberFormat>,
}

/// What the reader found and what it had to guess.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The format read.
    pub format: Option<Format>,
    /// Encoding name (`utf-8`, `gb18030`, `utf-16le`, …); empty for spreadsheets and JSON bytes.
    pub encoding: String,
    /// Delimiter of delimited text.
    pub delimiter: Option<u8>,
    /// Sheet names of a workbook.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<usize>,
    /// Source column names, in file order.
    pub headers: Vec<String>,
    /// What each source column was mapped to (`None`: kept as an extra column).
    pub mapping: Vec<Option<Field>>,
    /// The day/month order used (inferred from the file or chosen).
    pub date_order: DateOrder,
    /// The row taken as the header, 1-based as a spreadsheet numbers rows (`None` for JSON).
    pub header_row: Option<usize>,
    /// The rows that could be the header (the first rows that are not blank): each row's
    /// number and the start of its text.
    pub header_rows: Vec<(usize, String)>,
    /// The number format most figure columns were read in (delimited text whose delimiter is
    /// not a comma; `None` otherwise).
    pub number_format: Option<NumberFormat>,
    /// Each figure column's number format (delimited text whose delimiter is not a comma).
    pub number_formats: Vec<(Field, NumberFormat)>,
    /// Sentences naming each guess ("encoding guessed as gb18030").
    pub guesses: Vec<Msg>,
    /// Other things the user should know.
    pub warnings: Vec<Msg>,
    /// What the user should know about the columns as read: no column recognised, extra
    /// columns that hold figures ([`Document::notices`]).
    pub notices: Vec<Notice>,
}

impl ImportReport {
    /// True when something was guessed, or a column holds figures the app does not read, and
    /// the user should confirm it before the data opens.
    pub fn needs_preview(&self) -> bool {
        !self.guesses.is_empty() || !self.notices.is_empty()
    }

    /// The notices about a document read with this report: no column recognised, then the
    /// document's own.
    pub fn notices_of(&self, doc: &Document) -> Vec<Notice> {
        let mut out = Vec::new();
        if !self.mapping.is_empty() && self.mapping.iter().all(Option::is_none) {
            out.push(Notice {
                column: None,
                // `check` says it too.
                message: crate::msg!("notice-none-recognised"),
            });
        }
        let mapped = |fields: &[Field]| self.mapping.iter().flatten().any(|f| fields.contains(f));
        let some_recognised = self.mapping.iter().any(Option::is_some);
        if some_recognised && !doc.is_empty() {
            if !mapped(&[Field::Date]) {
                out.push(Notice {
                    column: None,
                    message: crate::msg!("notice-no-date-column"),
                });
            }
            if !mapped(&[Field::Province, Field::City]) {
                out.push(Notice {
                    column: None,
                    message: crate::msg!("notice-no-place-column"),
                });
            }
        }
        out.extend(doc.notices());
        out
    }
}

/// A document read from a file, with the report of how it was read and the sums of the sink `S`.
pub struct Import<S: LoadSink> {
    /// The rows.
    pub doc: Document,
    /// How they were read.
    pub report: ImportReport,
    /// The document's sums when they were made while reading (delimited text) or on the
    /// loading thread ([`super::read_path_progress`]), so opening need not walk the rows again.
    pub aggregates: Option<S::Output>,
    /// The document's problems when they were checked on the loading thread
    /// ([`super::read_path_progress`]), so opening need not check every row again.
    pub problems: Option<ProblemIndex>,
}

impl<S: LoadSink> Import<S> {
    /// The document's sums: those made while reading, else summed now.
    pub fn summed_aggregates(&mut self) -> &mut S::Output {
        let Import {
            doc, aggregates, ..
        } = self;
        aggregates.get_or_insert_with(|| S::sum(doc))
    }

    /// The document's problems: those checked while reading, else checked now.
    pub fn checked_problems(&mut self) -> &mut ProblemIndex {
        let Import { doc, problems, .. } = self;
        problems.get_or_insert_with(|| ProblemIndex::build(doc))
    }
}

impl<S: LoadSink> Import<Checked<S>> {
    /// The import read with every row checked on the threads that read it: its sums, and its
    /// problems made from those checks (none when the rows were not summed while read).
    pub fn into_checked(self) -> Import<S> {
        let Import {
            doc,
            report,
            aggregates,
            problems,
        } = self;
        let (aggregates, checks) = aggregates.unzip();
        Import {
            problems: problems.or_else(|| checks.map(|c| ProblemIndex::from_checks(&doc, c))),
            doc,
            report,
            aggregates,
        }
    }
}

/// Settles the date order (as chosen, or as the unambiguous dates say) and keeps the sums made
/// while reading when that did not change how any date reads.
pub(crate) fn finish<S: LoadSink>(
    mut doc: Document,
    aggregates: Option<S::Output>,
    mut report: ImportReport,
    options: &ReadOptions,
) -> Result<Import<S>, FileError> {
    let read_order = doc.date_order();
    match options.date_order {
        Some(order) if order != DateOrder::Unknown => {
            let _ = doc.apply(
                &crate::data::document::Edit::SetDateOrder { order },
                &mut crate::data::document::NoObserver,
            );
        }
        _ => {
            if let Some(order) = doc.infer_date_order() {
                report
                    .guesses
                    .push(crate::msg!("guess-date-order", order = order.text()));
            }
        }
    }
    if doc.has_ambiguous_dates() {
        report.guesses.push(crate::msg!("guess-ambiguous-dates"));
    }
    report.date_order = doc.date_order();
    report.notices = report.notices_of(&doc);
    let aggregates = aggregates.filter(|_| doc.date_order() == read_order);
    Ok(Import {
        doc,
        report,
        aggregates,
        problems: None,
    })
}
