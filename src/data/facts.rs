//! The row facts the analysis sees ([`RowFacts`]), read one row at a time or side by side over
//! many rows, and the [`RowObserver`] that edits tell which facts leave and enter. No edits here.

use super::cells::BasisCell;
use super::document::Document;
use super::interner::EMPTY;
use super::place::Place;
use super::schema::{Column, Field, Metric};
use super::value::{Basis, EventDate};

/// The row's figures as the analysis sees them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowFacts {
    /// Where the figures belong.
    pub place: Place,
    /// When, if the date parsed.
    pub date: Option<EventDate>,
    /// Event or running total.
    pub basis: Basis,
    /// Parsed figures per [`Metric`], `None` when empty or unparsed.
    pub values: [Option<f64>; 4],
    /// The row looks like a totals row (`合计`, `Total`; see `data::totals`): it sums other
    /// rows, so it is left out of every sum.
    pub totals_row: bool,
    /// The cell that makes it a totals row reads as a note under the table (`注：…`,
    /// `Source: …`): left out like a totals row, and counted apart from them.
    pub note_row: bool,
}

impl RowFacts {
    /// True when some figure parsed.
    pub fn has_figures(&self) -> bool {
        self.values.iter().any(Option::is_some)
    }
}

/// Listens to row changes so derived data (aggregates) can follow edits incrementally.
pub trait RowObserver {
    /// A row's facts are about to leave the document (edit or deletion).
    fn remove(&mut self, facts: &RowFacts);
    /// A row's facts entered the document (edit or insertion).
    fn add(&mut self, facts: &RowFacts);
}

/// An observer that ignores changes.
pub struct NoObserver;

impl RowObserver for NoObserver {
    fn remove(&mut self, _: &RowFacts) {}
    fn add(&mut self, _: &RowFacts) {}
}

impl Document {
    /// The row's figures as the analysis sees them.
    pub fn facts(&self, row: usize) -> RowFacts {
        let mut values = [None; 4];
        for m in Metric::ALL {
            values[m.index()] = self.figure_value(row, m);
        }
        let totals = self.totals_row_cell(row);
        RowFacts {
            place: self.place(row),
            date: self.date_value(row),
            basis: match self.basis.get(row) {
                Some(BasisCell::Valid(b)) => *b,
                _ => Basis::Event,
            },
            values,
            totals_row: totals.is_some(),
            note_row: totals.is_some_and(|t| t.note),
        }
    }

    /// Calls `f` with the facts of every row in `range`, in order, as [`Document::facts`] gives
    /// them: the columns are read side by side (the loading pass over a million rows).
    pub fn for_each_facts(&self, range: std::ops::Range<usize>, mut f: impl FnMut(RowFacts)) {
        let range = range.start.min(self.len)..range.end.min(self.len);
        let [p, r, k, c] = &self.figures;
        // The first cell is looked at on its own only when it is not the province or city.
        let first_apart = !matches!(
            self.columns.first(),
            Some(Column::Field(Field::Province | Field::City)) | None
        );
        let rows = self.place[range.clone()]
            .iter()
            .zip(&self.date[range.clone()])
            .zip(&self.basis[range.clone()])
            .zip(p.cells[range.clone()].iter().zip(&r.cells[range.clone()]))
            .zip(k.cells[range.clone()].iter().zip(&c.cells[range.clone()]))
            .zip(
                self.province[range.clone()]
                    .iter()
                    .zip(&self.city[range.clone()]),
            );
        for (row, (((((&place, &date), &basis), (&pc, &rc)), (&kc, &cc)), (&province, &city))) in
            range.zip(rows)
        {
            let first = if first_apart {
                self.first_cell_sym(row)
            } else {
                EMPTY
            };
            let totals = self.totals_cell_of(basis, province, city, first);
            f(RowFacts {
                totals_row: totals.is_some(),
                note_row: totals.is_some_and(|t| t.note),
                place,
                date: self.date_cell_value(date),
                basis: match basis {
                    BasisCell::Valid(b) => b,
                    BasisCell::Counted | BasisCell::Invalid(_) => Basis::Event,
                },
                values: [
                    self.cell_value(Metric::Projects, pc),
                    self.cell_value(Metric::Rigs, rc),
                    self.cell_value(Metric::Kwh, kc),
                    self.cell_value(Metric::Coal, cc),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::edit::Edit;
    use crate::data::schema::{Column, Field};
    use crate::data::value::DateOrder;

    #[test]
    fn facts_side_by_side_are_the_row_facts() {
        let mut d = Document::new();
        let rows: [[&str; 6]; 7] = [
            ["2021-09-27", "Hebei", "12", "", "", "event"],
            [
                "2021-09",
                "Inner Mongolia",
                "about 10,000",
                "3.5",
                "-4",
                "running_total",
            ],
            [
                "03/04/2021",
                "Atlantis",
                "many",
                "3000000000",
                "",
                "sometimes",
            ],
            ["", "Xinjiang", "", "7", "1.2 billion", ""],
            ["not a date", "", "5", "", "", "event"],
            ["2020", "Sichuan", "", "", "", "cumulative"],
            ["2019-02-30", "Yunnan", "1", "2", "3", ""],
        ];
        let fields = [
            Field::Date,
            Field::Province,
            Field::Projects,
            Field::Rigs,
            Field::Kwh,
            Field::Basis,
        ];
        for r in rows {
            d.push_row(fields.iter().map(|f| Column::Field(*f)).zip(r));
        }
        d.apply(
            &Edit::SetDateOrder {
                order: DateOrder::DayFirst,
            },
            &mut NoObserver,
        )
        .unwrap();
        let mut seen = Vec::new();
        d.for_each_facts(0..100, |f| seen.push(f));
        let expected: Vec<RowFacts> = (0..d.len()).map(|r| d.facts(r)).collect();
        assert_eq!(seen, expected);
        let mut part = Vec::new();
        d.for_each_facts(2..4, |f| part.push(f));
        assert_eq!(part, expected[2..4]);
    }
}
