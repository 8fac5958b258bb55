//! The table's header row: `#` over the row numbers, then each column's title, which sorts the
//! rows when clicked (the arrow shows the direction).

use egui::{RichText, Sense};
use egui_extras::TableRow;

use crate::analysis::rows::SortDir;

use super::{Frame, Gathered, TableState};

/// Draws the header row; a clicked title goes into `g.sort_clicked`.
pub(super) fn header_ui(
    mut header: TableRow<'_, '_>,
    f: &Frame<'_>,
    state: &TableState,
    g: &mut Gathered,
) {
    header.col(|ui| {
        ui.label(RichText::new("#").strong());
    });
    for (&c, title) in f.columns.iter().zip(&f.titles) {
        header.col(|ui| {
            let arrow = match state.sort {
                Some((s, SortDir::Ascending)) if s == c => " ↑",
                Some((s, SortDir::Descending)) if s == c => " ↓",
                _ => "",
            };
            let r = ui
                .add(
                    egui::Label::new(RichText::new(format!("{title}{arrow}")).strong())
                        .sense(Sense::click()),
                )
                .on_hover_text(crate::tr!("table-sort-hint"))
                .accessible_name(crate::tr!("table-sort-by", title = title.clone()));
            if r.clicked() {
                g.sort_clicked = Some(c);
            }
        });
    }
}
