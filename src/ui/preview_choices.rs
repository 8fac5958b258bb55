//! The import preview's choices of where the table starts and how its numbers are written: the
//! header row and the number format (rows of the preview's settings grid, in `preview.rs`).

use egui::{RichText, Ui};

use crate::data::figure::NumberFormat;
use crate::io::{ImportReport, ReadOptions};
use crate::ui::theme;

/// The row that names the columns, among the first rows of the file. Choosing another reads the
/// file again with it (and the columns mapped afresh).
pub(crate) fn header_row_row(
    ui: &mut Ui,
    report: &ImportReport,
    next: &mut ReadOptions,
    label: &mut String,
) {
    let Some(current) = report.header_row else {
        return;
    };
    if report.header_rows.len() < 2 {
        return;
    }
    ui.label(crate::tr!("preview-header-row"));
    let mut row = current;
    let text = |n: usize| {
        report
            .header_rows
            .iter()
            .find(|(r, _)| *r == n)
            .map_or_else(
                || crate::tr!("preview-row", row = n.to_string()),
                |(_, t)| crate::tr!("preview-row-text", row = n.to_string(), text = t.clone()),
            )
    };
    let r = egui::ComboBox::from_id_salt("preview_header_row")
        .selected_text(text(current))
        .width(320.0)
        .show_ui(ui, |ui| {
            for (n, _) in &report.header_rows {
                ui.selectable_value(&mut row, *n, text(*n));
            }
        });
    let _ = r.response.accessible_name(crate::tr!(
        "preview-header-row-name",
        row = current.to_string()
    ));
    if row != current {
        *label = crate::tr!("preview-choice-header-row", row = row.to_string());
        next.header_row = Some(row);
        next.mapping = None;
    }
    ui.end_row();
}

/// How the figures write their numbers (delimited text whose delimiter is not a comma), with
/// each figure column's own format when they differ.
pub(crate) fn number_format_row(
    ui: &mut Ui,
    report: &ImportReport,
    next: &mut ReadOptions,
    label: &mut String,
) {
    let Some(current) = report.number_format else {
        return;
    };
    ui.label(crate::tr!("preview-number-format"));
    let describe = |f: NumberFormat| match f {
        NumberFormat::Point => crate::tr!("preview-number-point"),
        NumberFormat::Comma => crate::tr!("preview-number-comma"),
        NumberFormat::Space => crate::tr!("preview-number-space"),
    };
    let mut format = current;
    ui.horizontal(|ui| {
        let r = egui::ComboBox::from_id_salt("preview_number_format")
            .selected_text(describe(current))
            .show_ui(ui, |ui| {
                for f in NumberFormat::ALL {
                    ui.selectable_value(&mut format, f, describe(f));
                }
            });
        let _ = r.response.accessible_name(crate::tr!(
            "preview-number-format-name",
            format = current.label()
        ));
        let differ: Vec<String> = report
            .number_formats
            .iter()
            .filter(|(_, f)| *f != current)
            .map(|(c, f)| format!("{}: {}", c.key(), f.label()))
            .collect();
        if !differ.is_empty() {
            ui.label(
                RichText::new(crate::tr!(
                    "preview-number-except",
                    columns = differ.join(", ")
                ))
                .color(theme::weak_text(ui.visuals())),
            );
        }
    });
    if format != current {
        *label = crate::tr!("preview-choice-number-format", format = format.label());
        next.number_format = Some(format);
    }
    ui.end_row();
}
