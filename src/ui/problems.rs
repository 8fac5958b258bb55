//! The problems panel: the notices about columns (an extra column holding figures) above every
//! cell that did not parse, unknown province, negative count, ambiguous date, row left out of
//! the sums (totals rows, rows without a date) and duplicate row, with row and column. Clicking
//! one asks the app to select that cell; fixing it removes it from the list. A totals row has a
//! button that counts it (the user says it is a real row).

use egui::{RichText, Ui};

use crate::data::document::{Column, Document, Edit, Notice, Problem};
use crate::ui::{table, theme};

/// What the user asked of the problem list.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemClick {
    /// Select this cell (or row) in the table.
    Select(usize, Option<Column>),
    /// Apply a fix (counting a totals row).
    Fix(Edit),
}

/// Draws the notices and the list; returns what the user clicked.
pub fn problems_ui(
    ui: &mut Ui,
    doc: &Document,
    problems: &[Problem],
    notices: &[Notice],
) -> Option<ProblemClick> {
    let mut clicked = None;
    notices_ui(ui, notices);
    ui.heading(format!("Problems ({})", problems.len()));
    ui.label(
        RichText::new(
            "Cells are kept exactly as typed; they count once fixed. Click one to edit it.",
        )
        .small()
        .color(theme::weak_text(ui.visuals())),
    );
    ui.separator();
    if problems.is_empty() {
        ui.label("Nothing to check.");
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for p in &problems[range] {
                let place = match p.column {
                    Some(c) => format!("Row {} · {}", p.row + 1, doc.column_title(c)),
                    None => format!("Row {}", p.row + 1),
                };
                ui.horizontal(|ui| {
                    if let Some(c) = problem_ui(ui, doc, p, &place, row_height) {
                        clicked = Some(c);
                    }
                });
            }
        });
    clicked
}

/// One problem: its place and message (clicked, it selects the cell) and, for a totals row,
/// the button that counts it.
fn problem_ui(
    ui: &mut Ui,
    doc: &Document,
    p: &Problem,
    place: &str,
    row_height: f32,
) -> Option<ProblemClick> {
    let mut clicked = None;
    let response = ui
        .vertical(|ui| {
            ui.set_min_height(row_height - 4.0);
            ui.label(RichText::new(place).strong());
            ui.label(RichText::new(&p.message).color(theme::error_text(ui.visuals())));
        })
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .accessible_name(format!("Problem: {place}: {}", p.message));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Problem: {place}: {}", p.message),
        )
    });
    if response.clicked() {
        clicked = Some(ProblemClick::Select(p.row, p.column));
    }
    // A totals row the user says is a real row: counted in one click.
    if p.is_totals_row()
        && let Some(fix) = doc.count_row(p.row)
        && table::count_row_button(ui, p.row).clicked()
    {
        clicked = Some(ProblemClick::Fix(fix));
    }
    clicked
}

/// The notices, above the problems: figures the app does not count, named so they are not
/// missed.
fn notices_ui(ui: &mut Ui, notices: &[Notice]) {
    if notices.is_empty() {
        return;
    }
    ui.heading(format!("Columns to check ({})", notices.len()));
    for n in notices {
        ui.label(RichText::new(&n.message).color(ui.visuals().warn_fg_color));
    }
    ui.label(
        RichText::new(
            "Their figures are not in the charts or cards. Open the file again to choose what \
             each column holds in the import preview.",
        )
        .small()
        .color(theme::weak_text(ui.visuals())),
    );
    ui.separator();
}
