//! The selected range: which cells, rows or columns it covers, and what a click on a row number
//! or a mouse drag makes of it. Keys that move the selection are in `keys.rs`; a drag past the
//! rows in `autoscroll.rs`.

use std::ops::RangeInclusive;

use egui::{Pos2, Ui};

use super::{Gathered, TableState, Whole};

/// A selected rectangle: visible-row indices and column indices.
pub(super) type CellRange = (RangeInclusive<usize>, RangeInclusive<usize>);

/// The document rows of the selection (ascending), or the selected row.
pub fn selected_rows(state: &TableState, visible: &[usize], ncols: usize) -> Vec<usize> {
    if let Some((rows, _)) = selection(state, visible, ncols) {
        let mut out: Vec<usize> = rows.map(|r| visible[r]).collect();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    state
        .selected
        .filter(|r| visible.contains(r))
        .into_iter()
        .collect()
}

/// How many rows the selection spans (without listing them).
pub fn selected_count(state: &TableState, visible: &[usize], ncols: usize) -> usize {
    match selection(state, visible, ncols) {
        Some((rows, _)) => rows.count(),
        None => usize::from(state.selected.is_some_and(|r| visible.contains(&r))),
    }
}

/// The selected rectangle in visible-row and column indices, if any: whole rows span every
/// column, whole columns every shown row.
pub(super) fn selection(state: &TableState, visible: &[usize], ncols: usize) -> Option<CellRange> {
    let (cr, cc) = state.cursor?;
    let (ar, ac) = state.anchor.unwrap_or((cr, cc));
    let pr = visible.iter().position(|&r| r == cr)?;
    let pa = visible.iter().position(|&r| r == ar).unwrap_or(pr);
    let last_col = ncols.max(1) - 1;
    let (cc, ac) = (cc.min(last_col), ac.min(last_col));
    Some(match state.whole {
        Whole::Cells => (pr.min(pa)..=pr.max(pa), cc.min(ac)..=cc.max(ac)),
        Whole::Rows => (pr.min(pa)..=pr.max(pa), 0..=last_col),
        Whole::Columns => (0..=visible.len() - 1, cc.min(ac)..=cc.max(ac)),
    })
}

/// Mouse drag selection: where the pointer is while the primary button is down. A drag ends
/// when the button is up.
pub(super) fn drag_pointer(ui: &Ui, state: &mut TableState) -> Option<Pos2> {
    let pointer = ui.input(|i| {
        i.pointer
            .primary_down()
            .then(|| i.pointer.interact_pos())
            .flatten()
    });
    if pointer.is_none() {
        state.drag = None;
    }
    pointer
}

/// A drag that started on a cell or row number this frame, and the cell a drag is over.
pub(super) fn apply_drag(state: &mut TableState, g: &Gathered) {
    if let Some((row, col, whole)) = g.drag_start {
        state.drag = Some(whole);
        state.anchor = Some((row, col));
        state.cursor = Some((row, col));
        state.selected = Some(row);
        state.whole = whole;
        state.take_keyboard = true;
    }
    if let (Some(kind), Some((row, col))) = (state.drag, g.drag_over) {
        // Over the row numbers a cell drag keeps its column; a row drag keeps the column too.
        let col = match (kind, col) {
            (Whole::Cells, c) if c != usize::MAX => c,
            _ => state.cursor.map_or(0, |c| c.1),
        };
        state.cursor = Some((row, col));
        state.editing = None;
    }
}

/// A click on a row number selects the whole row; Shift+click extends the selection.
pub(super) fn apply_row_click(state: &mut TableState, g: &Gathered) {
    if let Some((row, extend)) = g.row_click {
        let col = state.cursor.map_or(0, |c| c.1);
        if extend && state.cursor.is_some() {
            state.anchor = state.anchor.or(state.cursor);
        } else {
            state.anchor = None;
        }
        state.cursor = Some((row, col));
        state.selected = Some(row);
        state.whole = Whole::Rows;
        state.take_keyboard = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_columns_span_the_shown_rows() {
        let visible = [3, 1, 2];
        let state = TableState {
            cursor: Some((1, 4)),
            anchor: Some((1, 2)),
            whole: Whole::Columns,
            ..Default::default()
        };
        assert_eq!(selection(&state, &visible, 11), Some((0..=2, 2..=4)));
        let rows = TableState {
            whole: Whole::Rows,
            ..state
        };
        assert_eq!(selection(&rows, &visible, 11), Some((1..=1, 0..=10)));
    }
}
