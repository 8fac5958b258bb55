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

/// The context menu of a cell or row number `r` of document row `row`; the action clicked goes
/// into `g.menu_action`. A totals row also offers to count it (into `g.count_row`).
pub(super) fn context_menu(f: &Frame<'_>, r: &Response, row: usize, g: &mut Gathered) {
    r.context_menu(|ui| {
        if let Some(a) = row_menu(ui, f.nselected.max(1)) {
            g.menu_action = Some(a);
            ui.close();
        }
        if f.doc.is_totals_row(row) {
            ui.separator();
            if count_row_button(ui, row).clicked() {
                g.count_row = Some(row);
                ui.close();
            }
        }
    });
}

/// The button that counts a totals row the user says is a real row (its accessible name says
/// which row).
pub fn count_row_button(ui: &mut egui::Ui, row: usize) -> Response {
    ui.button(crate::tr!("table-count-row"))
        .on_hover_text(crate::tr!("table-count-row-hint"))
        .accessible_name(crate::tr!(
            "table-count-row-name",
            row = (row + 1).to_string()
        ))
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
