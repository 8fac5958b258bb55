//! The problems panel: every cell that did not parse, unknown province, negative count,
//! ambiguous date and duplicate row, with row and column. Clicking one asks the app to select
//! that cell; fixing it removes it from the list.

use egui::{RichText, Ui};

use crate::data::document::{Column, Document, Problem};
use crate::ui::theme;

/// Draws the list; returns the problem the user clicked.
pub fn problems_ui(
    ui: &mut Ui,
    doc: &Document,
    problems: &[Problem],
) -> Option<(usize, Option<Column>)> {
    let mut clicked = None;
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
                let response = ui
                    .vertical(|ui| {
                        ui.set_min_height(row_height - 4.0);
                        ui.label(RichText::new(&place).strong());
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
                    clicked = Some((p.row, p.column));
                }
            }
        });
    clicked
}
