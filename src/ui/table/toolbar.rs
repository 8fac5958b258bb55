//! The table's toolbar: quick search, the problems filter and count, the row action buttons and
//! how many rows are shown. The actions themselves are in `rows.rs`.

use egui::{RichText, Ui};

use crate::analysis::rows::LeftOut;
use crate::data::document::{Document, Place};
use crate::data::value;
use crate::ui::theme;

use super::selection::selected_count;
use super::{RowAction, TableActions, TableState};

/// The document's problems: cells that did not parse, rows that repeat another exactly, and
/// rows left out of the sums (totals rows, figures without a date).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProblemCounts {
    /// Flagged cells.
    pub cells: usize,
    /// Repeated rows.
    pub rows: usize,
    /// Rows left out of the sums.
    pub left_out: usize,
}

impl ProblemCounts {
    /// What the toolbar says of the rows left out of the sums ("2 rows left out of the sums"),
    /// or `None` when there are none.
    pub fn left_out_label(self) -> Option<String> {
        match self.left_out {
            0 => None,
            n => Some(crate::tr!("table-left-out", count = n)),
        }
    }

    /// What the toolbar says ("2 cells to check", "1 repeated row", "3 cells and 468 repeated
    /// rows to check"), or `None` when there is nothing.
    pub fn label(self) -> Option<String> {
        let (c, r) = (self.cells, self.rows);
        match (c, r) {
            (0, 0) => None,
            (c, 0) => Some(crate::tr!("table-cells-to-check", cells = c)),
            (0, r) => Some(crate::tr!("table-rows-to-check", rows = r)),
            (c, r) => Some(crate::tr!(
                "table-cells-and-rows-to-check",
                cells = c,
                rows = r
            )),
        }
    }
}

/// Draws the toolbar row above the table; a row action button clicked goes into `actions`.
/// `place` is the province selected in every view (the table shows only its rows).
pub(super) fn toolbar_ui(
    ui: &mut Ui,
    doc: &Document,
    (visible, place): (&[usize], Option<Place>),
    state: &mut TableState,
    problems: ProblemCounts,
    actions: &mut TableActions,
) {
    // The search field and the problems filter come first: what follows them changes width
    // (the buttons name how many rows they act on, the count changes with the filter), and
    // ticking the filter must not move it from under the pointer.
    ui.horizontal(|ui| {
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text(crate::tr!("table-search-hint"))
                .desired_width(180.0),
        );
        let _ = search.accessible_name(crate::tr!("table-search"));
        ui.checkbox(&mut state.problems_only, crate::tr!("table-only-problems"));
        if let Some(text) = problems.label() {
            ui.label(RichText::new(text).color(theme::error_text(ui.visuals())))
                .on_hover_text(crate::tr!("table-problems-hint"));
        }
        if let Some(text) = problems.left_out_label() {
            ui.label(RichText::new(text).color(theme::error_text(ui.visuals())))
                .on_hover_text(crate::tr!("table-left-out-hint"));
        }
        left_out_filter(ui, state);
        if state.left_out.is_none()
            && let Some(place) = place
        {
            actions.clear_place = place_chip(ui, place, visible.len());
        }
        ui.separator();
        let n = selected_count(state, visible, doc.columns().len());
        row_buttons(ui, n, actions);
        ui.separator();
        let shown = if visible.len() == doc.len() {
            crate::tr!(
                "table-rows",
                rows = value::group_thousands(doc.len() as f64, 0)
            )
        } else {
            crate::tr!(
                "table-rows-of",
                shown = value::group_thousands(visible.len() as f64, 0),
                rows = value::group_thousands(doc.len() as f64, 0)
            )
        };
        ui.label(shown);
    });
}

/// While the table shows only the rows left out of the sums (from the cards' note): what it
/// shows, and a button to show every row again.
fn left_out_filter(ui: &mut Ui, state: &mut TableState) {
    let Some(why) = state.left_out else { return };
    let text = match why {
        LeftOut::NoDate => crate::tr!("table-showing-no-date"),
        LeftOut::TotalsRow => crate::tr!("table-showing-totals"),
        LeftOut::NoteRow => crate::tr!("table-showing-notes"),
    };
    ui.label(RichText::new(text).strong());
    if ui
        .button(crate::tr!("table-show-all-rows"))
        .on_hover_text(crate::tr!("table-show-all-rows-hint"))
        .clicked()
    {
        state.left_out = None;
    }
}

/// While a province is selected in every view (the table shows only its rows): a chip naming
/// it and how many rows it has, with a button that clears the selection. Returns whether that
/// button was clicked.
fn place_chip(ui: &mut Ui, place: Place, rows: usize) -> bool {
    let name = crate::ui::words::place_name(place);
    let frame = egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
        .stroke(ui.visuals().selection.stroke)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(6, 1));
    frame
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            ui.label(
                RichText::new(crate::tr!(
                    "selection-rows",
                    place = name.clone(),
                    count = rows,
                    rows = value::group_thousands(rows as f64, 0)
                ))
                .strong(),
            );
            let clear = crate::tr!("selection-show-all-name", place = name);
            ui.small_button(crate::tr!("selection-show-all"))
                .on_hover_text(crate::tr!("selection-show-all-hint"))
                .accessible_name(clear)
                .clicked()
        })
        .inner
}

/// One button per row action, naming how many rows it acts on.
fn row_buttons(ui: &mut Ui, n: usize, actions: &mut TableActions) {
    for action in RowAction::ALL {
        let hover = action.hint();
        if ui
            .add_enabled(action.enabled(n), egui::Button::new(action.label(n)))
            .on_hover_text(hover)
            .clicked()
        {
            actions.rows = Some(action);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_counts_name_cells_and_repeated_rows() {
        let label = |cells, rows| {
            ProblemCounts {
                cells,
                rows,
                left_out: 0,
            }
            .label()
        };
        assert_eq!(label(0, 0), None);
        assert_eq!(label(1, 0).as_deref(), Some("1 cell to check"));
        assert_eq!(label(2, 0).as_deref(), Some("2 cells to check"));
        assert_eq!(label(0, 1).as_deref(), Some("1 repeated row to check"));
        assert_eq!(
            label(3, 468).as_deref(),
            Some("3 cells and 468 repeated rows to check")
        );
    }
}
