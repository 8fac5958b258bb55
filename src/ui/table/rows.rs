//! Row actions: inserting, duplicating and deleting the selected rows, and the edit each one
//! makes. The buttons and menu items that ask for them are in `toolbar.rs` and `menus.rs`.

use crate::data::document::{Document, Edit};
use crate::i18n::Msg;

use super::TableState;
use super::selection::selected_rows;

/// Something done to the selected rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// An empty row above the selection.
    InsertAbove,
    /// An empty row below the selection.
    InsertBelow,
    /// Copies of the selected rows below them.
    Duplicate,
    /// Remove the selected rows.
    Delete,
}

impl RowAction {
    /// All row actions, in menu order.
    pub const ALL: [RowAction; 4] = [
        RowAction::InsertAbove,
        RowAction::InsertBelow,
        RowAction::Duplicate,
        RowAction::Delete,
    ];

    /// Menu and button text for `n` selected rows ("Delete 3 rows").
    pub fn label(self, n: usize) -> String {
        let n = n.max(1);
        match self {
            RowAction::InsertAbove => crate::tr!("table-insert-above"),
            RowAction::InsertBelow => crate::tr!("table-insert-below"),
            RowAction::Duplicate => crate::tr!("table-duplicate-rows", count = n),
            RowAction::Delete => crate::tr!("table-delete-rows", count = n),
        }
    }

    /// Its tooltip in the toolbar.
    pub fn hint(self) -> String {
        match self {
            RowAction::InsertAbove => crate::tr!("table-insert-above-hint"),
            RowAction::InsertBelow => crate::tr!("table-insert-below-hint"),
            RowAction::Duplicate => crate::tr!("table-duplicate-hint"),
            RowAction::Delete => crate::tr!("table-delete-hint"),
        }
    }

    /// The keyboard shortcut shown next to it in menus.
    pub fn shortcut(self) -> &'static str {
        match self {
            RowAction::InsertAbove => "Ctrl++",
            RowAction::Delete => "Ctrl+-",
            _ => "",
        }
    }

    /// Whether it can act with `n` selected rows.
    pub fn enabled(self, n: usize) -> bool {
        match self {
            RowAction::InsertAbove | RowAction::InsertBelow => true,
            RowAction::Duplicate | RowAction::Delete => n > 0,
        }
    }
}

/// The edit a row action makes and what to select after it.
pub struct RowPlan {
    /// The edit (one undo step).
    pub edit: Edit,
    /// The document rows to select once the edit is applied.
    pub select: std::ops::Range<usize>,
    /// Start editing the first selected row (a new empty row).
    pub edit_new_row: bool,
}

/// What Undo names a duplication or deletion of `rows`.
fn plural_rows(duplicate: bool, rows: &[usize]) -> Msg {
    let row = rows.first().map_or(String::new(), |r| (r + 1).to_string());
    if duplicate {
        crate::msg!("edit-duplicate-rows", count = rows.len(), row = row)
    } else {
        crate::msg!("edit-delete-rows", count = rows.len(), row = row)
    }
}

/// The edit for a row action on the selected rows: duplicates and deletions of several rows are
/// one undo step. `None` when there is nothing to act on.
pub fn plan_rows(
    doc: &Document,
    visible: &[usize],
    state: &TableState,
    action: RowAction,
) -> Option<RowPlan> {
    let rows = selected_rows(state, visible, doc.columns().len());
    let insert = |at: usize| RowPlan {
        edit: Edit::InsertRow {
            at,
            cells: Vec::new(),
        },
        select: at..at + 1,
        edit_new_row: true,
    };
    match action {
        RowAction::InsertAbove => Some(insert(rows.first().copied().unwrap_or(0).min(doc.len()))),
        RowAction::InsertBelow => Some(insert(
            rows.last().map_or(doc.len(), |r| (r + 1).min(doc.len())),
        )),
        RowAction::Duplicate => {
            let last = *rows.last()?;
            let edits = rows
                .iter()
                .enumerate()
                .map(|(i, &r)| Edit::InsertRow {
                    at: last + 1 + i,
                    cells: doc.row_cells(r),
                })
                .collect();
            Some(RowPlan {
                edit: Edit::Batch {
                    label: plural_rows(true, &rows),
                    edits,
                },
                select: last + 1..last + 1 + rows.len(),
                edit_new_row: false,
            })
        }
        RowAction::Delete => {
            let first = *rows.first()?;
            // From the bottom up, so the indices of the rows still to delete stay valid.
            let edits = rows
                .iter()
                .rev()
                .map(|&at| Edit::DeleteRow { at })
                .collect();
            let left = doc.len() - rows.len();
            let at = first.min(left.saturating_sub(1));
            Some(RowPlan {
                edit: Edit::Batch {
                    label: plural_rows(false, &rows),
                    edits,
                },
                select: if left == 0 { 0..0 } else { at..at + 1 },
                edit_new_row: false,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Column, Field, NoObserver};
    use crate::ui::table::Whole;
    use crate::ui::table::selection::selected_count;

    fn doc(cities: &[&str]) -> Document {
        let mut d = Document::new();
        for c in cities {
            d.push_row([(Column::Field(Field::City), *c)]);
        }
        d
    }

    fn cities(d: &Document) -> Vec<String> {
        (0..d.len())
            .map(|r| d.cell_text(r, Column::Field(Field::City)).into_owned())
            .collect()
    }

    /// Whole rows from visible position `from` to `to`.
    fn rows_selected(visible: &[usize], from: usize, to: usize) -> TableState {
        TableState {
            anchor: Some((visible[from], 2)),
            cursor: Some((visible[to], 2)),
            whole: Whole::Rows,
            ..Default::default()
        }
    }

    #[test]
    fn deleting_rows_of_a_sorted_view_deletes_those_rows_and_undoes_as_one() {
        let mut d = doc(&["a", "b", "c", "d", "e"]);
        // A sorted view shows rows 4, 0, 2, 1, 3: selecting the first three picks e, a, c.
        let visible = [4, 0, 2, 1, 3];
        let state = rows_selected(&visible, 0, 2);
        assert_eq!(
            selected_rows(&state, &visible, d.columns().len()),
            [0, 2, 4]
        );
        assert_eq!(selected_count(&state, &visible, d.columns().len()), 3);
        let plan = plan_rows(&d, &visible, &state, RowAction::Delete).unwrap();
        assert_eq!(plan.edit.describe(&d), "delete of 3 rows");
        let undo = d.apply(&plan.edit, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["b", "d"]);
        assert_eq!(plan.select, 0..1);
        d.apply(&undo, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn duplicates_follow_the_last_selected_row_in_order() {
        let mut d = doc(&["a", "b", "c", "d"]);
        let visible = [0, 1, 2, 3];
        let state = rows_selected(&visible, 2, 1); // dragged upwards: rows b and c
        let plan = plan_rows(&d, &visible, &state, RowAction::Duplicate).unwrap();
        assert_eq!(plan.edit.describe(&d), "duplicate of 2 rows");
        d.apply(&plan.edit, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["a", "b", "c", "b", "c", "d"]);
        assert_eq!(plan.select, 3..5);

        let one = rows_selected(&visible, 0, 0);
        let plan = plan_rows(&d, &visible, &one, RowAction::Duplicate).unwrap();
        assert_eq!(plan.edit.describe(&d), "duplicate of row 1");
    }

    #[test]
    fn inserting_goes_above_or_below_the_selection_and_works_on_an_empty_table() {
        let d = doc(&["a", "b", "c"]);
        let visible = [0, 1, 2];
        let state = rows_selected(&visible, 1, 2);
        let at = |action| match plan_rows(&d, &visible, &state, action).map(|p| p.edit) {
            Some(Edit::InsertRow { at, .. }) => at,
            other => panic!("{other:?}"),
        };
        assert_eq!(at(RowAction::InsertAbove), 1);
        assert_eq!(at(RowAction::InsertBelow), 3);

        let empty = Document::new();
        let none = TableState::default();
        assert!(plan_rows(&empty, &[], &none, RowAction::Delete).is_none());
        assert!(plan_rows(&empty, &[], &none, RowAction::Duplicate).is_none());
        let plan = plan_rows(&empty, &[], &none, RowAction::InsertBelow).unwrap();
        assert_eq!(
            plan.edit,
            Edit::InsertRow {
                at: 0,
                cells: Vec::new()
            }
        );
    }

    #[test]
    fn deleting_every_row_selects_nothing() {
        let d = doc(&["a", "b"]);
        let visible = [0, 1];
        let state = rows_selected(&visible, 0, 1);
        let plan = plan_rows(&d, &visible, &state, RowAction::Delete).unwrap();
        assert!(plan.select.is_empty());
        let mut after = TableState::default();
        after.select_rows(&[], plan.select);
        assert_eq!(after.cursor, None);
    }
}
