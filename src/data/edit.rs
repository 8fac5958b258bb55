//! Edit commands, the only way to change a document once loaded: [`Edit`], what applying one
//! reports when it cannot ([`EditError`]), and the row batches that move every column once. Cell
//! parsing lives in `input.rs`.

use super::cells::{BasisCell, DateCell, NUM_EMPTY};
use super::document::Document;
use super::facts::RowObserver;
use super::interner::EMPTY;
use super::place::Place;
use super::schema::Column;
use super::value::{Basis, DateOrder};
use crate::i18n::{Arg, Msg};

/// A field's name inside a sentence ("rigs seized"), in any language.
fn field_name(f: super::schema::Field) -> Msg {
    use super::schema::Field as F;
    use crate::msg;
    match f {
        F::Date => msg!("field-name-date"),
        F::Province => msg!("field-name-province"),
        F::City => msg!("field-name-city"),
        F::Action => msg!("field-name-action"),
        F::Projects => msg!("field-name-projects"),
        F::Rigs => msg!("field-name-rigs"),
        F::Kwh => msg!("field-name-kwh"),
        F::Coal => msg!("field-name-coal"),
        F::Basis => msg!("field-name-basis"),
        F::Source => msg!("field-name-source"),
        F::Notes => msg!("field-name-notes"),
    }
}

/// A change to the document. Applying one returns its inverse, which is what undo replays.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set one cell from text, parsed as if typed.
    SetCell {
        /// Row index.
        row: usize,
        /// Column.
        column: Column,
        /// The new text.
        text: String,
    },
    /// Insert a row at `at` with the given cell texts (missing columns empty).
    InsertRow {
        /// Index the new row gets.
        at: usize,
        /// Cell texts.
        cells: Vec<(Column, String)>,
    },
    /// Delete the row at `at`.
    DeleteRow {
        /// Row index.
        at: usize,
    },
    /// Read numeric dates such as `03/04/2021` in this order.
    SetDateOrder {
        /// The order.
        order: DateOrder,
    },
    /// Several edits that undo and redo as one (a paste, clearing a range).
    Batch {
        /// What the user did ("paste of 6 cells"), in any language.
        label: Msg,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// A short description for menus ("edit of rigs seized in row 12"), in any language (its
    /// English is the `Display` of the [`Msg`]).
    pub fn describe(&self, doc: &Document) -> Msg {
        use crate::msg;
        match self {
            Edit::SetCell { row, column, .. } => {
                let column = match column {
                    Column::Field(f) => Arg::from(field_name(*f)),
                    Column::Extra(_) => Arg::from(doc.column_title(*column).to_lowercase()),
                };
                msg!("edit-cell", column = column, row = (row + 1).to_string())
            }
            Edit::InsertRow { at, .. } => msg!("edit-insert-row", row = (at + 1).to_string()),
            Edit::DeleteRow { at } => msg!("edit-delete-row", row = (at + 1).to_string()),
            Edit::SetDateOrder { order } => msg!("edit-date-order", order = order.text()),
            Edit::Batch { label, .. } => label.clone(),
        }
    }
}

/// Why an edit could not be applied: it names a row or column the document does not have (an
/// edit made for another state of the document). Shown as a sentence ("row 12 does not exist").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The row to set a cell in or to delete is past the last row.
    RowOutOfRange {
        /// The row asked for (0-based).
        row: usize,
        /// Rows in the document.
        len: usize,
    },
    /// The extra column to set a cell in does not exist.
    ColumnOutOfRange {
        /// The extra column asked for (0-based, among the extra columns).
        column: usize,
        /// Extra columns in the document.
        extras: usize,
    },
    /// The place to insert a row at is past the end (a row can go at most after the last).
    InsertOutOfRange {
        /// The index the new row was to get.
        at: usize,
        /// Rows in the document.
        len: usize,
    },
}

impl EditError {
    /// The sentence in any language (the English is `Display`).
    pub fn message(&self) -> Msg {
        use crate::msg;
        match self {
            EditError::RowOutOfRange { row, .. } => {
                msg!("edit-error-row", row = (row + 1).to_string())
            }
            EditError::ColumnOutOfRange { column, .. } => {
                msg!("edit-error-column", column = (column + 1).to_string())
            }
            EditError::InsertOutOfRange { at, .. } => {
                msg!("edit-error-insert", row = (at + 1).to_string())
            }
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message().english())
    }
}

impl std::error::Error for EditError {}

impl Document {
    /// Applies an edit, telling `observer` which row facts leave and enter, and returns the edit
    /// that undoes it.
    pub fn apply(
        &mut self,
        edit: &Edit,
        observer: &mut dyn RowObserver,
    ) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::SetCell { row, column, text } => {
                let row = *row;
                if row >= self.len {
                    return Err(EditError::RowOutOfRange { row, len: self.len });
                }
                if let Column::Extra(i) = column
                    && *i >= self.extras.len()
                {
                    return Err(EditError::ColumnOutOfRange {
                        column: *i,
                        extras: self.extras.len(),
                    });
                }
                let old = self.cell_text(row, *column).into_owned();
                observer.remove(&self.facts(row));
                self.write_cell(row, *column, text, false);
                observer.add(&self.facts(row));
                Edit::SetCell {
                    row,
                    column: *column,
                    text: old,
                }
            }
            Edit::InsertRow { at, cells } => {
                let at = *at;
                if at > self.len {
                    return Err(EditError::InsertOutOfRange { at, len: self.len });
                }
                self.insert_empty(at);
                for (column, text) in cells {
                    if matches!(column, Column::Extra(i) if *i >= self.extras.len()) {
                        continue;
                    }
                    self.write_cell(at, *column, text, false);
                }
                observer.add(&self.facts(at));
                Edit::DeleteRow { at }
            }
            Edit::DeleteRow { at } => {
                let at = *at;
                if at >= self.len {
                    return Err(EditError::RowOutOfRange {
                        row: at,
                        len: self.len,
                    });
                }
                let cells = self.row_cells(at);
                observer.remove(&self.facts(at));
                self.remove_row(at);
                Edit::InsertRow { at, cells }
            }
            Edit::SetDateOrder { order } => {
                let old = self.date_order;
                // Only kept text changes meaning with the order.
                let affected: Vec<usize> = (0..self.len)
                    .filter(|&r| matches!(self.date[r], DateCell::Invalid(_)))
                    .collect();
                for &r in &affected {
                    observer.remove(&self.facts(r));
                }
                self.date_order = *order;
                for &r in &affected {
                    observer.add(&self.facts(r));
                }
                Edit::SetDateOrder { order: old }
            }
            Edit::Batch { label, edits } if self.rows_at_once(edits) => {
                return Ok(self.apply_row_batch(label, edits, observer));
            }
            Edit::Batch { label, edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e, observer) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Leave the document as it was: undo what was done so far.
                            for inv in inverses.iter().rev() {
                                let _ = self.apply(inv, observer);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch {
                    label: label.clone(),
                    edits: inverses,
                }
            }
        };
        self.revision += 1;
        Ok(inverse)
    }

    /// True when a batch only deletes rows from the bottom up, or only inserts rows at strictly
    /// rising places (what deleting, duplicating and undoing several rows make): such a batch
    /// moves every column once instead of once a row.
    fn rows_at_once(&self, edits: &[Edit]) -> bool {
        if edits.len() < 2 {
            return false;
        }
        let deletes: Option<Vec<usize>> = edits
            .iter()
            .map(|e| match e {
                Edit::DeleteRow { at } => Some(*at),
                _ => None,
            })
            .collect();
        if let Some(at) = deletes {
            return at.first().is_some_and(|&a| a < self.len) && at.windows(2).all(|w| w[0] > w[1]);
        }
        let inserts: Option<Vec<usize>> = edits
            .iter()
            .map(|e| match e {
                Edit::InsertRow { at, cells } => (!cells
                    .iter()
                    .any(|(c, _)| matches!(c, Column::Extra(i) if *i >= self.extras.len())))
                .then_some(*at),
                _ => None,
            })
            .collect();
        inserts.is_some_and(|at| {
            at.windows(2).all(|w| w[0] < w[1])
                && at.iter().enumerate().all(|(j, &a)| a <= self.len + j)
        })
    }

    /// Applies a batch that [`Document::rows_at_once`] accepted, with the same result and
    /// inverse as applying its edits one by one.
    fn apply_row_batch(
        &mut self,
        label: &Msg,
        edits: &[Edit],
        observer: &mut dyn RowObserver,
    ) -> Edit {
        let mut inverses = Vec::with_capacity(edits.len());
        if matches!(edits[0], Edit::DeleteRow { .. }) {
            // Bottom-up indices are also the rows' indices before any deletion.
            let mut gone = vec![false; self.len];
            for e in edits {
                if let Edit::DeleteRow { at } = *e {
                    inverses.push(Edit::InsertRow {
                        at,
                        cells: self.row_cells(at),
                    });
                    observer.remove(&self.facts(at));
                    gone[at] = true;
                }
            }
            fn keep<T>(v: &mut Vec<T>, gone: &[bool]) {
                let mut i = 0;
                v.retain(|_| {
                    i += 1;
                    !gone[i - 1]
                });
            }
            keep(&mut self.date, &gone);
            keep(&mut self.province, &gone);
            keep(&mut self.place, &gone);
            keep(&mut self.city, &gone);
            keep(&mut self.action, &gone);
            for f in &mut self.figures {
                keep(&mut f.cells, &gone);
            }
            keep(&mut self.basis, &gone);
            keep(&mut self.source, &gone);
            keep(&mut self.notes, &gone);
            for e in &mut self.extras {
                keep(e, &gone);
            }
            self.len -= edits.len();
        } else {
            // Rising places are the new rows' final indices: merge empty rows in, then fill them.
            let at: Vec<usize> = edits
                .iter()
                .filter_map(|e| match e {
                    Edit::InsertRow { at, .. } => Some(*at),
                    _ => None,
                })
                .collect();
            fn spread<T: Copy>(v: &mut Vec<T>, at: &[usize], fill: T) {
                let mut out = Vec::with_capacity(v.len() + at.len());
                let mut old = v.iter().copied();
                let mut next = at.iter().peekable();
                for i in 0..v.len() + at.len() {
                    if next.peek() == Some(&&i) {
                        next.next();
                        out.push(fill);
                    } else if let Some(x) = old.next() {
                        out.push(x);
                    }
                }
                *v = out;
            }
            spread(&mut self.date, &at, DateCell::Empty);
            spread(&mut self.province, &at, EMPTY);
            spread(&mut self.place, &at, Place::Unknown);
            spread(&mut self.city, &at, EMPTY);
            spread(&mut self.action, &at, EMPTY);
            for f in &mut self.figures {
                spread(&mut f.cells, &at, NUM_EMPTY);
            }
            spread(&mut self.basis, &at, BasisCell::Valid(Basis::Event));
            spread(&mut self.source, &at, EMPTY);
            spread(&mut self.notes, &at, EMPTY);
            for e in &mut self.extras {
                spread(e, &at, EMPTY);
            }
            self.len += at.len();
            for e in edits {
                if let Edit::InsertRow { at, cells } = e {
                    for (column, text) in cells {
                        self.write_cell(*at, *column, text, false);
                    }
                    observer.add(&self.facts(*at));
                    inverses.push(Edit::DeleteRow { at: *at });
                }
            }
        }
        self.revision += 1;
        inverses.reverse();
        Edit::Batch {
            label: label.clone(),
            edits: inverses,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::tests::doc_with_row;
    use crate::data::facts::NoObserver;
    use crate::data::schema::Field;

    #[test]
    fn edits_return_their_inverse() {
        let mut d = doc_with_row();
        let set = Edit::SetCell {
            row: 0,
            column: Column::Field(Field::Rigs),
            text: "20100".into(),
        };
        let undo = d.apply(&set, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "20100");
        d.apply(&undo, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "10100");

        let undo_delete = d
            .apply(&Edit::DeleteRow { at: 0 }, &mut NoObserver)
            .unwrap();
        assert!(d.is_empty());
        d.apply(&undo_delete, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Projects)), "abc");
        assert_eq!(d.cell_text(0, Column::Field(Field::City)), "Bayannaoer");
        assert!(
            d.apply(&Edit::DeleteRow { at: 5 }, &mut NoObserver)
                .is_err()
        );
    }

    #[test]
    fn refused_edits_say_which_row_or_column_is_missing() {
        let mut d = doc_with_row();
        let delete = d.apply(&Edit::DeleteRow { at: 5 }, &mut NoObserver);
        assert_eq!(delete, Err(EditError::RowOutOfRange { row: 5, len: 1 }));
        assert_eq!(delete.unwrap_err().to_string(), "row 6 does not exist");
        let set = Edit::SetCell {
            row: 0,
            column: Column::Extra(2),
            text: "x".into(),
        };
        let err = d.apply(&set, &mut NoObserver).unwrap_err();
        assert!(matches!(
            err,
            EditError::ColumnOutOfRange {
                column: 2,
                extras: 0
            }
        ));
        assert_eq!(err.to_string(), "column 3 does not exist");
        let insert = Edit::InsertRow {
            at: 3,
            cells: Vec::new(),
        };
        let err = d.apply(&insert, &mut NoObserver).unwrap_err();
        assert_eq!(err, EditError::InsertOutOfRange { at: 3, len: 1 });
        assert_eq!(err.to_string(), "cannot insert at row 4");
        // A batch that fails part way leaves the document as it was and reports the failure.
        let batch = Edit::Batch {
            label: "two".into(),
            edits: vec![
                Edit::SetCell {
                    row: 0,
                    column: Column::Field(Field::Rigs),
                    text: "5".into(),
                },
                Edit::DeleteRow { at: 9 },
            ],
        };
        let err = d.apply(&batch, &mut NoObserver).unwrap_err();
        assert_eq!(err, EditError::RowOutOfRange { row: 9, len: 1 });
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "10100");
        let _: &dyn std::error::Error = &err;
    }

    fn all_text(d: &Document) -> Vec<Vec<String>> {
        (0..d.len())
            .map(|r| {
                d.columns()
                    .iter()
                    .map(|&c| d.cell_text(r, c).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn row_batches_move_columns_once_with_the_same_result_as_one_by_one() {
        use crate::analysis::{Aggregates, Filter, Granularity};
        let text = crate::synth::csv(300, 9);
        let original =
            crate::io::read_bytes(std::path::Path::new("t.csv"), text.as_bytes(), None).unwrap();
        let deletes: Vec<Edit> = [250, 120, 119, 7, 0]
            .iter()
            .map(|&at| Edit::DeleteRow { at })
            .collect();
        let inserts: Vec<Edit> = [0, 5, 6, 298]
            .iter()
            .map(|&at| Edit::InsertRow {
                at,
                cells: original.row_cells(at + 1),
            })
            .collect();
        for edits in [deletes, inserts] {
            let batch = Edit::Batch {
                label: "rows".into(),
                edits: edits.clone(),
            };
            let mut fast = original.clone();
            assert!(fast.rows_at_once(&edits));
            let mut agg = Aggregates::build(&fast);
            let undo = fast.apply(&batch, &mut agg).unwrap();
            let mut slow = original.clone();
            for e in &edits {
                slow.apply(e, &mut NoObserver).unwrap();
            }
            assert_eq!(all_text(&fast), all_text(&slow));
            assert_eq!(
                (0..fast.len()).map(|r| fast.place(r)).collect::<Vec<_>>(),
                (0..slow.len()).map(|r| slow.place(r)).collect::<Vec<_>>()
            );
            // The aggregates followed the rows.
            assert_eq!(
                agg.view(Granularity::Month, &Filter::default()),
                Aggregates::build(&fast).view(Granularity::Month, &Filter::default())
            );
            // Undo (itself a batch taken at once) gives the original back.
            let redo = fast.apply(&undo, &mut agg).unwrap();
            assert_eq!(all_text(&fast), all_text(&original));
            assert_eq!(
                agg.view(Granularity::Month, &Filter::default()),
                Aggregates::build(&original).view(Granularity::Month, &Filter::default())
            );
            fast.apply(&redo, &mut agg).unwrap();
            assert_eq!(all_text(&fast), all_text(&slow));
        }
        // Out of order or out of range: applied one by one (and refused as before).
        let d = original.clone();
        assert!(!d.rows_at_once(&[Edit::DeleteRow { at: 1 }, Edit::DeleteRow { at: 2 }]));
        assert!(!d.rows_at_once(&[Edit::DeleteRow { at: 900 }, Edit::DeleteRow { at: 2 }]));
        assert!(!d.rows_at_once(&[
            Edit::InsertRow {
                at: 301,
                cells: Vec::new()
            },
            Edit::InsertRow {
                at: 303,
                cells: Vec::new()
            }
        ]));
    }
}
