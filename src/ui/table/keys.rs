//! Keys and clipboard events for the table when no text field has the keyboard: moving the
//! active cell, selecting all or whole rows and columns, the row shortcuts, starting an edit,
//! clearing cells, and copy and paste as tab-separated text.

use egui::{Align, Context, Key, Modifiers, Ui};

use crate::data::document::{Column, Document, Edit};

use super::selection::{CellRange, selection};
use super::{Editing, RowAction, TableActions, TableState, Whole};

/// Rows a Page Up / Page Down moves.
const PAGE: isize = 20;

/// Where a key moves the active cell: (visible row, column, extend the selection); the row and
/// column may be out of range (they are clamped).
type Target = (isize, isize, bool);

fn consume(ctx: &Context, m: Modifiers, k: Key) -> bool {
    ctx.input_mut(|i| i.consume_key(m, k))
}

/// Keys and clipboard events for the table when its grid has the keyboard (or nothing has; Tab
/// leaves the table, see `grid.rs`): arrows,
/// Home/End, Page Up/Down, Ctrl+Home/End, Ctrl+A, Enter/F2 to edit, Delete to clear, typing to
/// start editing, copy and paste as tab-separated text.
pub(super) fn handle_keys(
    ui: &Ui,
    doc: &Document,
    visible: &[usize],
    state: &mut TableState,
    actions: &mut TableActions,
) {
    let ctx = ui.ctx().clone();
    // A dialog over the table (the export dialog, the import preview…) has the keys; so does
    // any widget other than the table's grid that has the focus.
    if state.editing.is_some()
        || !super::grid::has_keyboard(&ctx, ui.layer_id())
        || visible.is_empty()
    {
        return;
    }
    let ncols = doc.columns().len();
    let last = (visible.len() as isize - 1, ncols as isize - 1);
    let Some((row, col)) = state.cursor else {
        // No active cell yet: a move key makes the first one active (a spreadsheet's A1).
        if navigation(&ctx, 0, 0, last).is_some() {
            move_cursor(state, visible, (visible[0], 0), (0, 0, false), last);
        }
        return;
    };
    let Some(pos) = visible.iter().position(|&r| r == row) else {
        return;
    };
    let target = navigation(&ctx, pos as isize, col as isize, last);
    if select_all(&ctx, visible, ncols, state) {
        return;
    }
    let space = whole_rows_or_columns(&ctx, state);
    if row_shortcuts(&ctx, state, actions) {
        return;
    }
    // Escape drops a selected range back to the active cell; with no range it is left for the
    // app (it clears the province selected in every view).
    let range_selected = state.anchor.is_some() || state.whole != Whole::Cells;
    if range_selected && consume(&ctx, Modifiers::NONE, Key::Escape) {
        state.anchor = None;
        state.whole = Whole::Cells;
    }
    if let Some(target) = target {
        move_cursor(state, visible, (row, col), target, last);
        return;
    }
    let column = doc.columns()[col];
    if consume(&ctx, Modifiers::NONE, Key::Enter) || consume(&ctx, Modifiers::NONE, Key::F2) {
        state.editing = Some(Editing {
            row,
            column,
            buffer: doc.cell_text(row, column).into_owned(),
            focused: false,
        });
        return;
    }
    let range = selection(state, visible, ncols);
    if clear_cells(&ctx, doc, visible, range.clone(), actions) {
        return;
    }
    clipboard_and_typing(
        &ctx,
        (doc, visible),
        range,
        (pos, col),
        space,
        state,
        actions,
    );
}

/// Arrows, Page Up/Down, Home/End, Ctrl+Home/End (Shift extends): where they
/// move the active cell from visible row `p`, column `c`. `last` is the last row and column.
fn navigation(ctx: &Context, p: isize, c: isize, last: (isize, isize)) -> Option<Target> {
    let (last_row, last_col) = last;
    let mut target: Option<Target> = None; // (row delta or absolute, col, extend)
    // Shift first: a plain-key match would also take the shifted key.
    for (m, extend) in [(Modifiers::SHIFT, true), (Modifiers::NONE, false)] {
        if consume(ctx, m, Key::ArrowDown) {
            target = Some((p + 1, c, extend));
        }
        if consume(ctx, m, Key::ArrowUp) {
            target = Some((p - 1, c, extend));
        }
        if consume(ctx, m, Key::ArrowRight) {
            target = Some((p, c + 1, extend));
        }
        if consume(ctx, m, Key::ArrowLeft) {
            target = Some((p, c - 1, extend));
        }
        if consume(ctx, m, Key::PageDown) {
            target = Some((p + PAGE, c, extend));
        }
        if consume(ctx, m, Key::PageUp) {
            target = Some((p - PAGE, c, extend));
        }
        if consume(ctx, m | Modifiers::COMMAND, Key::Home) {
            target = Some((0, 0, extend));
        }
        if consume(ctx, m | Modifiers::COMMAND, Key::End) {
            target = Some((last_row, last_col, extend));
        }
        if consume(ctx, m, Key::Home) {
            target = Some((p, 0, extend));
        }
        if consume(ctx, m, Key::End) {
            target = Some((p, last_col, extend));
        }
    }
    target
}

/// Ctrl+A (or Ctrl+Shift+Space) selects every shown cell; returns whether it did.
fn select_all(ctx: &Context, visible: &[usize], ncols: usize, state: &mut TableState) -> bool {
    if consume(ctx, Modifiers::COMMAND, Key::A)
        || consume(ctx, Modifiers::COMMAND | Modifiers::SHIFT, Key::Space)
    {
        state.anchor = Some((visible[0], 0));
        state.cursor = Some((visible[visible.len() - 1], ncols - 1));
        state.whole = Whole::Cells;
        return true;
    }
    false
}

/// Ctrl+Space: the selected columns; Shift+Space: the selected rows (as in spreadsheets).
/// Returns whether either was pressed (its space types nothing).
fn whole_rows_or_columns(ctx: &Context, state: &mut TableState) -> bool {
    let mut space = false;
    if consume(ctx, Modifiers::COMMAND, Key::Space) {
        state.whole = Whole::Columns;
        space = true;
    }
    if consume(ctx, Modifiers::SHIFT, Key::Space) {
        state.whole = Whole::Rows;
        space = true;
    }
    space
}

/// With whole rows selected, Ctrl+- deletes them and Ctrl++ inserts a row above (otherwise
/// these keys keep zooming). Returns whether one was pressed.
fn row_shortcuts(ctx: &Context, state: &TableState, actions: &mut TableActions) -> bool {
    if state.whole == Whole::Rows {
        if consume(ctx, Modifiers::COMMAND, Key::Minus) {
            actions.rows = Some(RowAction::Delete);
            return true;
        }
        if consume(ctx, Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals)
            || consume(ctx, Modifiers::COMMAND, Key::Plus)
        {
            actions.rows = Some(RowAction::InsertAbove);
            return true;
        }
    }
    false
}

/// Moves the active cell (document row and column `from`) to `target`, clamped to `last`;
/// without Shift the selection collapses to it.
fn move_cursor(
    state: &mut TableState,
    visible: &[usize],
    from: (usize, usize),
    target: Target,
    last: (isize, isize),
) {
    let (r, c, extend) = target;
    let r = r.clamp(0, last.0) as usize;
    let c = c.clamp(0, last.1) as usize;
    if extend {
        state.anchor.get_or_insert(from);
    } else {
        state.anchor = None;
        state.whole = Whole::Cells;
    }
    state.cursor = Some((visible[r], c));
    state.selected = Some(visible[r]);
    state.scroll_to = Some((r, Align::Center));
}

/// Delete or Backspace empties the selected cells (one undo step); returns whether it did.
fn clear_cells(
    ctx: &Context,
    doc: &Document,
    visible: &[usize],
    range: Option<CellRange>,
    actions: &mut TableActions,
) -> bool {
    if (consume(ctx, Modifiers::NONE, Key::Delete) || consume(ctx, Modifiers::NONE, Key::Backspace))
        && let Some((rows, cols)) = range
    {
        let edits: Vec<Edit> = rows
            .flat_map(|r| cols.clone().map(move |c| (r, c)))
            .filter(|&(r, c)| !doc.cell_text(visible[r], doc.columns()[c]).is_empty())
            .map(|(r, c)| Edit::SetCell {
                row: visible[r],
                column: doc.columns()[c],
                text: String::new(),
            })
            .collect();
        if !edits.is_empty() {
            let n = edits.len();
            actions.edits.push(Edit::Batch {
                label: crate::msg!("edit-clear-cells", count = n),
                edits,
            });
        }
        return true;
    }
    false
}

/// Copy, cut and paste events, and typed text, which starts editing the active cell (visible
/// row and column `at`) with what was typed. `space` is the space of Shift+Space, which types
/// nothing.
fn clipboard_and_typing(
    ctx: &Context,
    (doc, visible): (&Document, &[usize]),
    range: Option<CellRange>,
    at: (usize, usize),
    space: bool,
    state: &mut TableState,
    actions: &mut TableActions,
) {
    let (pos, col) = at;
    let (row, column) = (visible[pos], doc.columns()[col]);
    let events = ctx.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Copy | egui::Event::Cut => {
                if let Some((rows, cols)) = range.clone() {
                    let cells: Vec<Vec<String>> = rows
                        .map(|r| {
                            cols.clone()
                                .map(|c| doc.cell_text(visible[r], doc.columns()[c]).into_owned())
                                .collect()
                        })
                        .collect();
                    ctx.copy_text(crate::io::clipboard::to_tsv(&cells));
                }
            }
            egui::Event::Paste(text) => {
                let block = crate::io::clipboard::from_tsv(&text);
                actions
                    .edits
                    .extend(paste_edits(doc, visible, pos, col, &block));
            }
            // The space of Shift+Space selected rows; it types nothing.
            egui::Event::Text(t) if space && t.trim().is_empty() => {}
            egui::Event::Text(t) if !t.chars().all(char::is_control) => {
                // Typing over a cell starts editing it with what was typed, as in a spreadsheet.
                state.editing = Some(Editing {
                    row,
                    column,
                    buffer: t,
                    focused: false,
                });
                return;
            }
            _ => {}
        }
    }
}

/// The edits a pasted block makes from the active cell: cells are parsed as if typed, and rows
/// are added at the end when the block is longer than the table.
fn paste_edits(
    doc: &Document,
    visible: &[usize],
    pos: usize,
    col: usize,
    block: &[Vec<String>],
) -> Option<Edit> {
    let columns = doc.columns();
    let mut edits = Vec::new();
    let mut cells = 0;
    let mut appended = 0;
    for (i, line) in block.iter().enumerate() {
        let targets: Vec<(Column, String)> = line
            .iter()
            .enumerate()
            .filter_map(|(j, text)| columns.get(col + j).map(|&c| (c, text.clone())))
            .collect();
        cells += targets.len();
        match visible.get(pos + i) {
            Some(&row) => edits.extend(targets.into_iter().map(|(column, text)| Edit::SetCell {
                row,
                column,
                text,
            })),
            None => {
                edits.push(Edit::InsertRow {
                    at: doc.len() + appended,
                    cells: targets,
                });
                appended += 1;
            }
        }
    }
    (!edits.is_empty()).then(|| Edit::Batch {
        label: crate::msg!("edit-paste-cells", count = cells),
        edits,
    })
}
