//! The table as one stop in the Tab order: a focusable node over its rows (a grid, named after
//! the active cell). While it has the keyboard focus the arrows move the active cell and Tab
//! leaves the table, as in a spreadsheet grid a screen reader knows. Clicking a cell or row, or
//! ending an edit with a key, gives it the focus again.

use egui::{Context, EventFilter, FocusDirection, Id, IdSalt, Key, Rect, Sense, Ui, WidgetInfo};

use super::{Frame, TableState};

/// The grid's widget id (one table in the window).
pub(super) fn id() -> Id {
    Id::unique("events table grid")
}

/// Whether keys go to the table on `layer`: its grid has the keyboard focus, or nothing has, and
/// no dialog is open over it (Escape closes the dialog, Enter is for its buttons; the export
/// dialog's Tab and Space must not move or edit the cell behind it).
pub(super) fn has_keyboard(ctx: &Context, layer: egui::LayerId) -> bool {
    ctx.memory(|m| {
        m.top_modal_layer().is_none()
            && m.allows_interaction(layer)
            && m.focused().is_none_or(|f| f == id())
    })
}

/// Registers the grid over the rows' viewport `rect` (before the rows: under them, so clicks
/// still land on the cells). Takes the focus when asked; when it gains it without an active
/// cell, the first cell becomes active.
pub(super) fn grid_node(ui: &mut Ui, rect: Rect, f: &Frame<'_>, state: &mut TableState) {
    let r = ui.interact(rect, id(), Sense::focusable_noninteractive());
    if std::mem::take(&mut state.take_keyboard) {
        r.request_focus();
    }
    if r.has_focus() {
        if state.cursor.is_none()
            && let Some(&first) = f.visible.first()
        {
            state.cursor = Some((first, 0));
            state.selected = Some(first);
        }
        let tab = ui.input(|i| i.key_pressed(Key::Tab));
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id(),
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    tab: false,
                    escape: true,
                },
            );
            // The arrows moved the active cell: the focus stays (the first frame after
            // taking the focus has no filter yet).
            if !tab {
                m.move_focus(FocusDirection::None);
            }
        });
    }
    let name = name(f, state);
    r.widget_info(|| WidgetInfo::labeled(egui::Role::Grid, true, &name));
}

/// "Table, Rigs seized, row 5: 10,100" for the active cell, "Table" without one.
fn name(f: &Frame<'_>, state: &TableState) -> String {
    let cell = state
        .cursor
        .and_then(|(row, col)| Some((row, *f.columns.get(col)?)))
        .filter(|(row, _)| *row < f.doc.len());
    match cell {
        Some((row, c)) => {
            let text = super::body::display_text(f.doc, row, c);
            crate::tr!(
                "keys-table-cell",
                column = f.doc.column_title(c).to_owned(),
                row = (row + 1).to_string(),
                value = if text.is_empty() {
                    crate::tr!("keys-table-empty")
                } else {
                    text
                }
            )
        }
        None => crate::tr!("keys-table"),
    }
}

/// The id salt of the table (egui_extras keeps its column widths under it).
pub(super) const TABLE_SALT: &str = "events_table";

/// Tab passes over the columns' resize handles (egui_extras' drag handles, which take no keys
/// and come right after the grid in the Tab order): on forward from the grid, back to the grid
/// from after them. Call after the table (`ui` is the one the table was built in).
pub(super) fn skip_resize_handles(ui: &Ui, columns: usize) {
    let table = ui.scope_id().with(IdSalt::new(TABLE_SALT));
    let Some(focused) = ui.memory(|m| m.focused()) else {
        return;
    };
    if !(0..=columns).any(|i| table.with("resize_column").with(i) == focused) {
        return;
    }
    ui.memory_mut(|m| {
        if m.had_focus_last_frame(id()) {
            // Tab from the grid: on to the widget after the handles.
            m.surrender_focus(focused);
            m.move_focus(FocusDirection::Next);
        } else {
            // Shift+Tab from the widget after them.
            m.request_focus(id());
        }
    });
}

/// A cell's node where screen readers (and tests) find it: its bounds and its click action,
/// which egui gives only to focusable widgets and to those with a `WidgetInfo`.
pub(super) fn cell_node(r: &egui::Response) {
    let rect = r.rect;
    r.ctx.accesskit_node_builder(r.id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        node.add_action(egui::accesskit::Action::Click);
    });
}
