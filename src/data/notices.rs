//! Notices: what the user should know about the columns, beside the cell problems. A column the
//! app keeps as an extra column while its cells are mostly figures is named, so no figure is
//! left out of the sums without a word ("“seized miners (units)” holds numbers and is kept as an
//! extra column: map it?").
//!
//! Worked out from the document (so they follow the mapping chosen and later edits), on a sample
//! of at most [`SAMPLE_ROWS`] rows spread over the document, so a million rows cost no more
//! than a few thousand.

use super::document::{Column, Document};
use super::figure::{Quantity, parse_figure};
use super::interner::EMPTY;

/// At most this many rows are looked at per column.
pub const SAMPLE_ROWS: usize = 2048;

/// At most this many cells are looked at in all (a file with thousands of extra columns samples
/// fewer rows of each, never fewer than 16).
const SAMPLE_CELLS: usize = 200_000;

/// At most this many columns are named one by one; the rest are counted in one notice.
pub const MAX_NAMED: usize = 20;

/// Something the user should know about a column (or the whole file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The column's name as in the file, or `None` for the whole file.
    pub column: Option<String>,
    /// What to know, in a sentence (its English is `message.english()`; the interface shows
    /// `message.text()`).
    pub message: crate::i18n::Msg,
}

/// Extra columns whose names say they number the rows or hold a year or code, not a figure.
const NOT_FIGURES: &[&str] = &[
    "id", "no", "nr", "index", "row", "rank", "year", "month", "code", "zip", "postcode", "phone",
    "tel", "序号", "编号", "行号", "排名", "年份", "年", "月份", "月", "邮编", "代码", "电话",
];

/// True when the cell reads as a number (with units, magnitudes and markers), a figure of any
/// kind; negative numbers count too.
fn is_number(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['-', '−']).trim_start();
    [Quantity::Energy, Quantity::Count, Quantity::Mass]
        .iter()
        .any(|&q| parse_figure(t, q, 0).is_ok())
}

impl Document {
    /// The notices about the document's columns: each extra column that mostly holds figures.
    pub fn notices(&self) -> Vec<Notice> {
        let per_column = (SAMPLE_CELLS / self.extra_names.len().max(1)).clamp(16, SAMPLE_ROWS);
        let step = self.len.div_ceil(per_column).max(1);
        let mut out = Vec::new();
        let mut more = 0_usize;
        for (i, name) in self.extra_names.iter().enumerate() {
            if !self.columns.contains(&Column::Extra(i)) || names_no_figure(name) {
                continue;
            }
            let cells = &self.extras[i];
            let (mut filled, mut numbers) = (0_usize, 0_usize);
            let mut counting = true;
            let mut previous: Option<f64> = None;
            for row in (0..self.len).step_by(step) {
                let sym = cells[row];
                if sym == EMPTY {
                    continue;
                }
                let text = self.strings.resolve(sym).trim();
                if text.is_empty() {
                    continue;
                }
                filled += 1;
                if is_number(text) {
                    numbers += 1;
                    // Row numbers 1, 2, 3… (as sampled) are not figures.
                    let v = text.parse::<f64>().ok();
                    counting &= match (previous, v) {
                        (None, Some(_)) => true,
                        (Some(p), Some(v)) => v - p == step as f64,
                        _ => false,
                    };
                    previous = v;
                } else {
                    counting = false;
                }
            }
            let mostly = numbers > 0 && numbers * 5 >= filled * 4;
            if mostly && !(counting && numbers > 2) {
                if out.len() == MAX_NAMED {
                    more += 1;
                    continue;
                }
                out.push(Notice {
                    column: Some(name.clone()),
                    message: crate::msg!("notice-holds-numbers", name = name.as_str()),
                });
            }
        }
        if more > 0 {
            out.push(Notice {
                column: None,
                message: crate::msg!("notice-more", count = more),
            });
        }
        out
    }
}

/// True when an extra column's name says it holds no figure (a row number, year or code).
fn names_no_figure(name: &str) -> bool {
    let folded: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    folded.is_empty() && name.contains('#') || NOT_FIGURES.contains(&folded.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Column, Field};

    fn doc(headers: &[&str], rows: &[&[&str]]) -> Document {
        let mut extras = Vec::new();
        let columns: Vec<Column> = headers
            .iter()
            .map(|h| match *h {
                "date" => Column::Field(Field::Date),
                "province" => Column::Field(Field::Province),
                "rigs_seized" => Column::Field(Field::Rigs),
                _ => {
                    extras.push((*h).to_owned());
                    Column::Extra(extras.len() - 1)
                }
            })
            .collect();
        let mut d = Document::with_columns(columns.clone(), extras);
        for r in rows {
            d.push_record(&columns, r);
        }
        d
    }

    #[test]
    fn an_extra_column_of_numbers_is_noticed_and_text_is_not() {
        let d = doc(
            &[
                "date",
                "province",
                "罚款(万元)",
                "hashrate (EH/s)",
                "remark",
                "序号",
            ],
            &[
                &["2021-09-27", "Hebei", "12.5", "1,200", "raided", "1"],
                &["2021-09-28", "Hebei", "约30万", "", "fine", "2"],
                &["2021-09-29", "Hebei", "", "3 EH/s", "x", "3"],
            ],
        );
        let n = d.notices();
        let columns: Vec<_> = n.iter().map(|n| n.column.clone().unwrap()).collect();
        assert_eq!(columns, ["罚款(万元)"], "{n:?}");
        assert_eq!(
            n[0].message,
            "“罚款(万元)” holds numbers and is kept as an extra column: map it?"
        );
    }

    #[test]
    fn row_numbers_years_and_mostly_text_are_not_noticed() {
        let d = doc(
            &["date", "seq", "yr", "mixed", "neg"],
            &[
                &["2021-09-27", "1", "2021", "a", "-3"],
                &["2021-09-28", "2", "2021", "b", "-4"],
                &["2021-09-29", "3", "2022", "5", "7"],
            ],
        );
        let n: Vec<_> = d.notices().into_iter().filter_map(|n| n.column).collect();
        // "seq" numbers the rows; "yr" holds numbers (a year column named oddly is noticed).
        assert_eq!(n, ["yr", "neg"]);
    }

    #[test]
    fn many_columns_of_numbers_are_counted_after_the_first_ones() {
        let names: Vec<String> = (0..50).map(|i| format!("x{i}")).collect();
        let columns: Vec<Column> = (0..50).map(Column::Extra).collect();
        let mut d = Document::with_columns(columns.clone(), names);
        d.push_record(&columns, &["5"; 50]);
        let n = d.notices();
        assert_eq!(n.len(), MAX_NAMED + 1);
        assert_eq!(n[MAX_NAMED].column, None);
        assert_eq!(n[MAX_NAMED].message, "30 more extra columns hold numbers");
    }

    #[test]
    fn large_documents_are_sampled() {
        let columns = [Column::Field(Field::Date), Column::Extra(0)];
        let mut d = Document::with_columns(columns.to_vec(), vec!["fines".into()]);
        for i in 0..300_000 {
            d.push_record(
                &columns,
                &["2021-09-27", if i % 2 == 0 { "7" } else { "70" }],
            );
        }
        let start = std::time::Instant::now();
        assert_eq!(d.notices().len(), 1);
        assert!(start.elapsed() < std::time::Duration::from_millis(500));
    }
}
