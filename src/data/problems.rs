//! What a user should check: cells that did not parse, rows left out of the sums (see
//! `left_out.rs`) and repeated rows ([`Problem`]). No parsing into the document here: the
//! reasons are derived again from the kept text.

use super::cells::{BasisCell, DateCell, NUM_EMPTY, NUM_SIDE, Num};
use super::document::Document;
use super::figure;
use super::interner::{EMPTY, Sym};
use super::place::Place;
use super::problem_index::ProblemIndex;
use super::schema::{Column, Field};
use super::value;
use crate::i18n::Msg;

/// A row's hash ([`Document::row_hash`]): what finds the rows that may repeat one another.
pub(super) type RowHash = u32;

/// Something a user should check: a cell that did not parse or a duplicated row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Row index (0-based).
    pub row: usize,
    /// The cell's column, or `None` for the whole row (duplicates).
    pub column: Option<Column>,
    /// What is wrong, in a sentence (its English is `message.english()`; the interface shows
    /// `message.text()`).
    pub message: Msg,
}

impl Document {
    /// Why a cell is flagged, or `None` when it is fine.
    pub fn cell_problem(&self, row: usize, column: Column) -> Option<Msg> {
        if row >= self.len {
            return None;
        }
        match column {
            Column::Field(Field::Date) => match self.date[row] {
                // A totals word in the first cell (`合计` under the dates) is not a date the app
                // failed to read: the row is listed as a totals row instead.
                DateCell::Invalid(_) if self.totals_cell(row) == Some(column) => None,
                DateCell::Invalid(sym) if self.is_part_of_note(row, sym) => None,
                DateCell::Invalid(sym) => {
                    value::parse_date_in(self.strings.resolve(sym), self.date_order)
                        .err()
                        .map(|e| e.message())
                }
                _ => None,
            },
            Column::Field(Field::Province) => {
                let text = self.strings.resolve(self.province[row]);
                if self.place[row] != Place::Unknown {
                    return None;
                }
                // A totals word is not a place the app failed to find: the row is listed as a
                // totals row instead.
                if matches!(
                    self.totals_cell(row),
                    Some(Column::Field(Field::Province | Field::City))
                ) {
                    return None;
                }
                if text.trim().is_empty() {
                    let city = self.strings.resolve(self.city[row]);
                    return (!city.trim().is_empty())
                        .then(|| crate::msg!("problem-no-province-city", city = city));
                }
                Some(crate::msg!("problem-unknown-place", text = text))
            }
            Column::Field(Field::Basis) => match self.basis[row] {
                BasisCell::Invalid(sym) => value::parse_basis(self.strings.resolve(sym))
                    .err()
                    .map(|e| e.message()),
                BasisCell::Valid(_) | BasisCell::Counted => None,
            },
            Column::Field(f) => {
                let metric = f.metric()?;
                match self.figure(row, metric) {
                    Num::Invalid(sym) if self.is_part_of_note(row, sym) => None,
                    Num::Invalid(sym) => figure::parse_figure_as(
                        self.strings.resolve(sym),
                        metric.quantity(),
                        0,
                        self.number_format[metric.index()],
                    )
                    .err()
                    .map(|e| e.message()),
                    _ => None,
                }
            }
            Column::Extra(_) => None,
        }
    }

    /// Every flagged cell, row left out of the sums ([`Document::row_problem`]) and duplicated
    /// row, in row then column order (checked once; see [`ProblemIndex`] for a list that
    /// follows edits).
    pub fn problems(&self) -> Vec<Problem> {
        ProblemIndex::build(self).into_list()
    }

    /// Pushes the problems of `row` itself onto `out`: its flagged cells, in column order, then
    /// whether it is left out of the sums (a totals row, figures without a date).
    pub(super) fn check_row(&self, row: usize, out: &mut Vec<Problem>) {
        for &column in &self.columns {
            // Most cells are fine: told apart by their encoding before any text is looked at.
            if !self.may_be_flagged(row, column) {
                continue;
            }
            if let Some(message) = self.cell_problem(row, column) {
                out.push(Problem {
                    row,
                    column: Some(column),
                    message,
                });
            }
        }
        if let Some(p) = self.row_problem(row) {
            out.push(Problem {
                row,
                column: p.column(),
                message: p.text(),
            });
        }
    }

    /// False when the cell is certainly fine (parsed, or text the app keeps as it is); true
    /// when [`Document::cell_problem`] must look.
    fn may_be_flagged(&self, row: usize, column: Column) -> bool {
        match column {
            Column::Field(Field::Date) => matches!(self.date[row], DateCell::Invalid(_)),
            Column::Field(Field::Province) => self.place[row] == Place::Unknown,
            Column::Field(Field::Basis) => matches!(self.basis[row], BasisCell::Invalid(_)),
            Column::Field(f) => f
                .metric()
                .is_some_and(|m| matches!(self.figure(row, m), Num::Invalid(_))),
            Column::Extra(_) => false,
        }
    }

    /// True when every cell of `row` is blank.
    pub(super) fn row_is_blank(&self, row: usize) -> bool {
        self.columns
            .iter()
            .all(|&c| self.cell_text(row, c).trim().is_empty())
    }

    /// True when rows `a` and `b` hold the same cell texts.
    pub(super) fn rows_equal(&self, a: usize, b: usize) -> bool {
        self.columns
            .iter()
            .all(|&c| self.cell_text(a, c) == self.cell_text(b, c))
    }

    /// A hash of what a row's cells hold: rows with the same cell texts hash the same. Texts
    /// count by their content hash, not their symbol, so that the parts of a file read on
    /// several threads (each with its own symbols) hash their rows as the joined document does;
    /// the cells are taken in one fixed order whatever the columns' order, and an empty extra
    /// cell counts as none, so that a row hashes the same before and after a wider row added an
    /// extra column. (Every document has every field's column.)
    #[inline]
    pub(super) fn row_hash(&self, row: usize) -> RowHash {
        use std::hash::Hasher;
        let text = |sym: Sym| u64::from(self.strings.content_hash(sym));
        let mut h = rustc_hash::FxHasher::default();
        // Each cell one word, its kind in the top bits: a date, text, a basis.
        h.write_u64(match self.date[row] {
            DateCell::Valid(d) => date_word(d),
            DateCell::Empty => 2 << 56,
            DateCell::Invalid(sym) => match self.date_cell_value(DateCell::Invalid(sym)) {
                Some(d) => date_word(d),
                None => 2 << 56 | text(sym),
            },
        });
        h.write_u64(match self.basis[row] {
            BasisCell::Valid(b) => 3 + b as u64,
            BasisCell::Counted => 10,
            BasisCell::Invalid(sym) => 5 << 56 | text(sym),
        });
        for col in &self.figures {
            let cell = col.cells[row];
            // Whole numbers below 2³¹ are always inline, so the same value is always one word.
            if cell & NUM_SIDE == 0 || cell == NUM_EMPTY {
                h.write_u32(cell);
                continue;
            }
            match col.num(cell) {
                Num::Empty => h.write_u32(NUM_EMPTY),
                Num::Value(v) => h.write_u64(v.to_bits()),
                Num::Invalid(sym) => h.write_u64(8 << 56 | text(sym)),
                Num::Approx(i) => {
                    let (v, side, sym) = self.approx[i as usize];
                    h.write_u64(v.to_bits());
                    h.write_u64(9 << 56 | (side as u64) << 40 | text(sym));
                }
            }
        }
        h.write_u64(text(self.province[row]) | text(self.city[row]) << 32);
        h.write_u64(text(self.action[row]) | text(self.source[row]) << 32);
        h.write_u32(self.strings.content_hash(self.notes[row]));
        for (i, col) in self.extras.iter().enumerate() {
            let sym = col[row];
            if sym != EMPTY {
                h.write_u64((i as u64) << 32 | text(sym));
            }
        }
        // Folded to 32 bits: rows of one hash are compared cell by cell, so a hash shared by
        // rows that differ (about a hundred pairs among a million rows) costs a comparison, and
        // half the width halves the hash lists and their sorting while a file loads.
        (h.finish().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as RowHash
    }

    /// False when the row certainly has no problem of its own (what [`Document::check_row`]
    /// finds), told from the cells' encodings and the totals words' cache: a valid date, a
    /// known place, no basis or figure kept as text, no totals word. Most rows of most files.
    #[inline]
    pub(super) fn may_have_problems(&self, row: usize) -> bool {
        let basis = self.basis[row];
        if !matches!(self.date[row], DateCell::Valid(_))
            || self.place[row] == Place::Unknown
            || matches!(basis, BasisCell::Invalid(_))
        {
            return true;
        }
        let kept_text = self.figures.iter().any(|col| {
            let cell = col.cells[row];
            cell & NUM_SIDE != 0 && cell != NUM_EMPTY && matches!(col.num(cell), Num::Invalid(_))
        });
        kept_text
            || self
                .totals_cell_of(
                    basis,
                    self.province[row],
                    self.city[row],
                    self.first_cell_sym(row),
                )
                .is_some()
    }
}

/// A date as one word of a row hash.
#[inline]
fn date_word(d: crate::data::value::EventDate) -> u64 {
    1 << 56 | u64::from(d.year as u16) << 16 | u64::from(d.month) << 8 | u64::from(d.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_rows_are_found_though_their_notes_hold_different_symbols() {
        let columns = [
            Column::Field(Field::Date),
            Column::Field(Field::Province),
            Column::Field(Field::Notes),
        ];
        let build = |from: usize, to: usize| {
            let mut d = Document::with_columns(columns.to_vec(), Vec::new());
            for i in from..to {
                // Row 1000 repeats row 0, its note long gone from the cache of recent notes.
                let i = if i == 1000 { 0 } else { i };
                let note = format!("note {i}");
                d.push_record(&columns, &["2021-06-01", "Hebei", &note]);
            }
            d
        };
        let repeat = |d: &Document| {
            d.problems()
                .into_iter()
                .filter(|p| p.column.is_none())
                .map(|p| p.message)
                .collect::<Vec<_>>()
        };
        let expected = vec!["row 1001 repeats row 1 exactly; delete one if it is the same event"];
        let whole = build(0, 1001);
        assert_ne!(
            whole.notes[0], whole.notes[1000],
            "free text is not looked up"
        );
        assert_eq!(repeat(&whole), expected);
        // The same rows read in two parts and joined.
        let mut joined = build(0, 500);
        joined.append_on(build(500, 1001), true);
        assert_eq!(repeat(&joined), expected);
        // Notes that differ are not repeats.
        let mut other = build(0, 2);
        other.push_record(&columns, &["2021-06-01", "Hebei", "note 9"]);
        assert!(repeat(&other).is_empty());
    }
}
