//! The right-click menu of a cell or row number (the row actions), and what a right-click
//! selects first. The Edit menu of the menu bar shows the same items through [`row_menu`].

use egui::Response;

use super::{Frame, Gathered, RowAction, TableState, Whole};

/// Row actions as menu items (the Edit menu and a cell's context menu); returns the one clicked.
pub fn row_menu(ui: &mut egui::Ui, n: usize) -> Option<RowAction> {
    let mut clicked = None;
    for action in RowAction::ALL {
        let mut button = egui::Button::new(action.label(n));
        if !action.shortcut().is_empty() {
            button = button.shortcut_text(action.shortcut());
        }
        if ui.add_enabled(action.enabled(n), button).clicked() {
            clicked = Some(action);
        }
    }
    clicked
}

/// The context menu of a cell or row number `r`; the action clicked goes into
/// `g.menu_action`.
pub(super) fn context_menu(r: &Response, nselected: usize, g: &mut Gathered) {
    r.context_menu(|ui| {
        if let Some(a) = row_menu(ui, nselected.max(1)) {
            g.menu_action = Some(a);
            ui.close();
        }
    });
}

/// A right-click outside the selection selects the clicked cell (or row) first.
pub(super) fn apply_context(f: &Frame<'_>, state: &mut TableState, g: &Gathered) {
    if let Some((row, col, whole_row)) = g.context {
        let pos = f.visible.iter().position(|&r| r == row);
        let inside = f.range.as_ref().is_some_and(|(rows, cols)| {
            pos.is_some_and(|p| rows.contains(&p)) && (whole_row || cols.contains(&col))
        });
        if !inside {
            state.cursor = Some((row, col));
            state.anchor = None;
            state.selected = Some(row);
            state.whole = if whole_row { Whole::Rows } else { Whole::Cells };
        }
    }
}
