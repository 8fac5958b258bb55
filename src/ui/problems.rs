//! The problems panel: the notices about columns (an extra column holding figures) above every
//! cell that did not parse, unknown province, negative count, ambiguous date, row left out of
//! the sums (totals rows, rows without a date) and duplicate row, with row and column. Clicking
//! one asks the app to select that cell; fixing it removes it from the list. A totals row has a
//! button that counts it (the user says it is a real row).

use egui::{RichText, Ui};

use crate::data::document::{Column, Document, Edit, Notice, Problem};
use crate::ui::focus::ClickableGroup as _;
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
    ui.heading(crate::tr!(
        "problems-title",
        count = problems.len().to_string()
    ));
    ui.label(
        RichText::new(crate::tr!("problems-hint"))
            .small()
            .color(theme::weak_text(ui.visuals())),
    );
    ui.separator();
    if problems.is_empty() {
        ui.label(crate::tr!("problems-none"));
        return None;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, problems.len(), |ui, range| {
            for p in &problems[range] {
                let place = match p.column {
                    Some(c) => crate::tr!(
                        "problems-row-column",
                        row = (p.row + 1).to_string(),
                        column = table::column_title(doc, c)
                    ),
                    None => crate::tr!("problems-row", row = (p.row + 1).to_string()),
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
    let message = p.message.text();
    let response = ui
        .clickable_vertical(|ui| {
            ui.set_min_height(row_height - 4.0);
            ui.label(RichText::new(place).strong());
            ui.label(RichText::new(&message).color(theme::error_text(ui.visuals())));
        })
        .response
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .accessible_name(crate::tr!(
            "problems-item",
            place = place.to_owned(),
            message = message.clone()
        ));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            crate::tr!(
                "problems-item",
                place = place.to_owned(),
                message = message.clone()
            ),
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
    ui.heading(crate::tr!(
        "problems-columns-title",
        count = notices.len().to_string()
    ));
    for n in notices {
        ui.label(RichText::new(n.message.text()).color(ui.visuals().warn_fg_color));
    }
    ui.label(
        RichText::new(crate::tr!("problems-columns-hint"))
            .small()
            .color(theme::weak_text(ui.visuals())),
    );
    ui.separator();
}
