//! Rows left out of the sums, named rather than dropped in silence: totals rows (they sum other
//! rows) and rows with figures but no valid date (they cannot be placed on a chart). Each is a
//! row-level problem ([`RowProblem`]), found in O(1) per row, and a totals row has a one-click
//! fix ([`Document::count_row`]). No parsing here.

use super::document::Document;
use super::edit::Edit;
use super::problems::Problem;
use super::schema::{Column, Field, Metric};
use super::value;
use crate::i18n::Msg;

/// Why a whole row is left out of the charts and cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The row looks like a totals row: the cell holding the totals word.
    TotalsRow(Column),
    /// The row looks like a note under the table (`注：…`): the cell holding it.
    NoteRow(Column),
    /// The row has figures but no valid date.
    NoDate,
}

/// What the problem list says of a totals row.
pub const TOTALS_ROW: &str = "looks like a totals row: not counted";

/// What the problem list says of a note under the table.
pub const NOTE_ROW: &str = "looks like a note under the table, not an event: not counted";

/// What the problem list says of a row with figures but no valid date.
pub const NO_DATE: &str = "no date: not in charts or cards";

impl RowProblem {
    /// What the problem list says, in English.
    pub fn message(&self) -> &'static str {
        match self {
            RowProblem::TotalsRow(_) => TOTALS_ROW,
            RowProblem::NoteRow(_) => NOTE_ROW,
            RowProblem::NoDate => NO_DATE,
        }
    }

    /// What the problem list says, in any language (its English is [`RowProblem::message`]).
    pub fn text(&self) -> Msg {
        match self {
            RowProblem::TotalsRow(_) => crate::msg!("problem-totals-row"),
            RowProblem::NoteRow(_) => crate::msg!("problem-note-row"),
            RowProblem::NoDate => crate::msg!("problem-no-date"),
        }
    }

    /// The cell the problem points at, if one (the totals word).
    pub fn column(&self) -> Option<Column> {
        match self {
            RowProblem::TotalsRow(c) | RowProblem::NoteRow(c) => Some(*c),
            RowProblem::NoDate => None,
        }
    }
}

impl Problem {
    /// True for a totals row or a note under the table (see [`RowProblem::TotalsRow`]): both
    /// are left out by the same cells and counted again by the same fix.
    pub fn is_totals_row(&self) -> bool {
        matches!(
            self.message.key(),
            Some("problem-totals-row" | "problem-note-row")
        )
    }

    /// True for a row left out of the sums: a totals row or figures without a date.
    pub fn is_left_out(&self) -> bool {
        matches!(
            self.message.key(),
            Some("problem-totals-row" | "problem-note-row" | "problem-no-date")
        )
    }
}

impl Document {
    /// Why a row is left out of the sums, if it is: a totals row, or figures without a valid
    /// date (an impossible date keeps its own cell problem too). A row is checked by looking at
    /// its own cells only.
    pub fn row_problem(&self, row: usize) -> Option<RowProblem> {
        if row >= self.len {
            return None;
        }
        if let Some(t) = self.totals_row_cell(row) {
            return Some(if t.note {
                RowProblem::NoteRow(t.column)
            } else {
                RowProblem::TotalsRow(t.column)
            });
        }
        let figures = Metric::ALL
            .iter()
            .any(|&m| self.figure_value(row, m).is_some());
        (figures && self.date_value(row).is_none()).then_some(RowProblem::NoDate)
    }

    /// The fix for a totals row the user says is a real row: its basis set to `counted`, so it
    /// is summed like any event (undone like any edit, and saved with the file). `None` when
    /// the row is not a totals row.
    pub fn count_row(&self, row: usize) -> Option<Edit> {
        self.totals_cell(row)?;
        Some(Edit::SetCell {
            row,
            column: Column::Field(Field::Basis),
            text: value::COUNTED.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::facts::{RowFacts, RowObserver};

    /// Sums of rigs as the aggregates would see them, following edits.
    #[derive(Default)]
    struct Rigs {
        counted: f64,
        totals_rows: i32,
    }

    impl RowObserver for Rigs {
        fn remove(&mut self, f: &RowFacts) {
            if f.totals_row {
                self.totals_rows -= 1;
            } else {
                self.counted -= f.values[Metric::Rigs.index()].unwrap_or(0.0);
            }
        }
        fn add(&mut self, f: &RowFacts) {
            if f.totals_row {
                self.totals_rows += 1;
            } else {
                self.counted += f.values[Metric::Rigs.index()].unwrap_or(0.0);
            }
        }
    }

    fn doc() -> Document {
        let columns = [
            Column::Field(Field::Date),
            Column::Field(Field::Province),
            Column::Field(Field::City),
            Column::Field(Field::Rigs),
        ];
        let mut d = Document::with_columns(columns.to_vec(), Vec::new());
        for r in [
            ["2021-09-27", "内蒙古", "巴彦淖尔", "10"],
            ["2021-09-28", "内蒙古", "鄂尔多斯", "20"],
            ["2021-09-28", "内蒙古", "小计", "30"],
            ["", "合计", "", "30"],
            ["", "河北", "", "7"],
            ["2021-13-45", "河北", "", "8"],
            ["", "河北", "", ""],
        ] {
            d.push_record(&columns, &r);
        }
        d
    }

    fn set(d: &mut Document, obs: &mut Rigs, row: usize, field: Field, text: &str) -> Edit {
        let e = Edit::SetCell {
            row,
            column: Column::Field(field),
            text: text.into(),
        };
        d.apply(&e, obs).unwrap()
    }

    #[test]
    fn totals_rows_and_undated_rows_are_row_problems() {
        let d = doc();
        let got: Vec<Option<RowProblem>> = (0..d.len()).map(|r| d.row_problem(r)).collect();
        use RowProblem::*;
        assert_eq!(
            got,
            [
                None,
                None,
                Some(TotalsRow(Column::Field(Field::City))),
                Some(TotalsRow(Column::Field(Field::Province))),
                Some(NoDate),
                Some(NoDate),
                None,
            ]
        );
        // The impossible date keeps its own cell problem.
        assert!(d.cell_problem(5, Column::Field(Field::Date)).is_some());
        let problems = d.problems();
        let row_level: Vec<(usize, Option<Column>, &str)> = problems
            .iter()
            .filter(|p| p.message == NoDate.message() || p.message.contains("totals row"))
            .map(|p| (p.row, p.column, p.message.english()))
            .collect();
        assert_eq!(
            row_level,
            [
                (
                    2,
                    Some(Column::Field(Field::City)),
                    TotalsRow(Column::Extra(0)).message()
                ),
                (
                    3,
                    Some(Column::Field(Field::Province)),
                    TotalsRow(Column::Extra(0)).message()
                ),
                (4, None, NoDate.message()),
                (5, None, NoDate.message()),
            ]
        );
        // "合计" is not also reported as an unknown province.
        assert!(
            !problems
                .iter()
                .any(|p| p.row == 3 && p.message.contains("not a known"))
        );
    }

    #[test]
    fn sums_follow_edits_into_and_out_of_totals_rows() {
        let mut d = doc();
        let mut obs = Rigs::default();
        for r in 0..d.len() {
            obs.add(&d.facts(r));
        }
        // 10 + 20 + 7 + 8: the subtotal and the total are not counted.
        assert_eq!((obs.counted, obs.totals_rows), (45.0, 2));
        // A province edited to 合计 leaves the sums; edited back, it returns.
        let undo = set(&mut d, &mut obs, 0, Field::Province, "合计");
        assert_eq!((obs.counted, obs.totals_rows), (35.0, 3));
        assert_eq!(
            d.row_problem(0),
            Some(RowProblem::TotalsRow(Column::Field(Field::Province)))
        );
        d.apply(&undo, &mut obs).unwrap();
        assert_eq!((obs.counted, obs.totals_rows), (45.0, 2));
        // The fix counts the row; undoing it leaves it out again.
        let fix = d.count_row(2).unwrap();
        let undo = d.apply(&fix, &mut obs).unwrap();
        assert_eq!((obs.counted, obs.totals_rows), (75.0, 1));
        assert_eq!(d.row_problem(2), None);
        assert_eq!(d.cell_text(2, Column::Field(Field::Basis)), "counted");
        assert_eq!(d.count_row(2), None, "nothing left to fix");
        d.apply(&undo, &mut obs).unwrap();
        assert_eq!((obs.counted, obs.totals_rows), (45.0, 2));
        // A running total is not a totals row.
        set(&mut d, &mut obs, 3, Field::Basis, "running_total");
        assert_eq!(obs.totals_rows, 1);
        assert_eq!(d.row_problem(3), Some(RowProblem::NoDate));
        // A date typed into an undated row puts it in the charts.
        set(&mut d, &mut obs, 4, Field::Date, "2021-10-01");
        assert_eq!(d.row_problem(4), None);
    }

    #[test]
    fn the_counted_mark_survives_writing_the_text_and_reading_it_back() {
        let mut d = doc();
        let fix = d.count_row(3).unwrap();
        d.apply(&fix, &mut crate::data::facts::NoObserver).unwrap();
        let mut again = Document::new();
        let columns: Vec<Column> = d.columns().to_vec();
        for r in 0..d.len() {
            let texts: Vec<String> = columns
                .iter()
                .map(|&c| d.cell_text(r, c).into_owned())
                .collect();
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            again.push_record(&columns, &texts);
        }
        assert_eq!(again.row_problem(3), Some(RowProblem::NoDate));
        assert!(!again.is_totals_row(3));
        assert!(again.is_totals_row(2));
    }
}
