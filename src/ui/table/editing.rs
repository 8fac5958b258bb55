//! Editing a cell: the text field drawn over it, and what Enter, Tab, Escape or a click
//! elsewhere make of it once the rows are drawn (commit, cancel, move on, start another).
//! Keys that start editing are in `keys.rs`.

use egui::{Align, Ui};

use crate::data::document::{Column, Edit};

use super::{Editing, Frame, Gathered, TableActions, TableState, Whole};

/// The text field of the cell being edited (`ed`, at document `row` and column `c`).
pub(super) fn editor_cell(
    ui: &mut Ui,
    ed: &mut Editing,
    row: usize,
    c: Column,
    title: &str,
    g: &mut Gathered,
) {
    let r = ui.add(
        egui::TextEdit::singleline(&mut ed.buffer)
            .desired_width(f32::INFINITY)
            .margin(egui::vec2(2.0, 0.0)),
    );
    let r = r.accessible_name(crate::tr!(
        "table-edit-cell",
        title = title.to_owned(),
        row = (row + 1).to_string()
    ));
    if !ed.focused {
        r.request_focus();
        ed.focused = true;
    }
    let (enter, escape, tab, shift) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::Tab),
            i.modifiers.shift,
        )
    });
    if escape || enter || tab {
        // Give the keyboard back to the table at once.
        r.surrender_focus();
    }
    if escape {
        g.cancel = true;
    } else if r.lost_focus() || enter || tab {
        g.commit = Some(Edit::SetCell {
            row,
            column: c,
            text: ed.buffer.clone(),
        });
        // Enter moves down, Tab right, Shift+Tab left, as in a spreadsheet.
        g.move_after = match (enter, tab, shift) {
            (true, _, _) => Some((1, 0)),
            (_, true, false) => Some((0, 1)),
            (_, true, true) => Some((0, -1)),
            _ => None,
        };
    }
}

/// Commits or cancels the edit, moves on after Enter or Tab, and starts editing a clicked cell
/// (Shift+click extends the selection instead).
pub(super) fn finish(
    f: &Frame<'_>,
    state: &mut TableState,
    g: Gathered,
    actions: &mut TableActions,
) {
    let Gathered {
        mut commit,
        cancel,
        start,
        move_after,
        ..
    } = g;
    // An edit ended with a key gives the keyboard back to the table's grid.
    state.take_keyboard |= cancel || move_after.is_some();
    if cancel {
        state.editing = None;
    } else if commit.is_none() && start.is_some() {
        // Clicking another cell commits the one being edited, as in a spreadsheet.
        commit = state.editing.take().map(|ed| Edit::SetCell {
            row: ed.row,
            column: ed.column,
            text: ed.buffer,
        });
    }
    if let Some(Edit::SetCell { row, column, text }) = &commit {
        if f.doc.cell_text(*row, *column) != text.as_str() {
            actions.edits.extend(commit.clone());
        }
        state.editing = None;
    }
    if let (Some((dr, dc)), Some(Edit::SetCell { row, column, .. })) = (move_after, &commit) {
        move_on(f, state, *row, *column, dr, dc);
    }
    if let Some((row, column)) = start {
        start_editing(f, state, row, column);
    }
}

/// After Enter or Tab: the active cell moves `dr` rows and `dc` columns from the committed one.
fn move_on(
    f: &Frame<'_>,
    state: &mut TableState,
    row: usize,
    column: Column,
    dr: isize,
    dc: isize,
) {
    let (visible, columns) = (f.visible, f.columns);
    let col = columns.iter().position(|c| *c == column).unwrap_or(0) as isize;
    if let Some(pos) = visible.iter().position(|r| *r == row) {
        let p = (pos as isize + dr).clamp(0, visible.len() as isize - 1) as usize;
        let c = (col + dc).clamp(0, columns.len() as isize - 1) as usize;
        state.cursor = Some((visible[p], c));
        state.anchor = None;
        state.selected = Some(visible[p]);
        state.scroll_to = Some((p, Align::Center));
    }
}

/// A click on a cell edits it; Shift+click extends the selection from the active cell.
fn start_editing(f: &Frame<'_>, state: &mut TableState, row: usize, column: Column) {
    let col = f.columns.iter().position(|&c| c == column).unwrap_or(0);
    if f.shift_click && state.cursor.is_some() {
        // Shift-click extends the selection from the active cell.
        state.anchor = state.anchor.or(state.cursor);
        state.cursor = Some((row, col));
        state.whole = Whole::Cells;
        state.editing = None;
        state.take_keyboard = true;
    } else {
        state.selected = Some(row);
        state.cursor = Some((row, col));
        state.anchor = None;
        state.whole = Whole::Cells;
        state.editing = Some(Editing {
            row,
            column,
            buffer: f.doc.cell_text(row, column).into_owned(),
            focused: false,
        });
    }
}
