//! The import preview: what the reader guessed (encoding, delimiter, sheet, column mapping,
//! date order), the first rows as they will be read, and the number of problems, before the
//! data replaces what is open.

use egui::{RichText, Ui};

use crate::data::document::{Column, Field};
use crate::data::value::DateOrder;
use crate::io::{self, ImportReport, ReadOptions};
use crate::session::Import;
use crate::ui::{preview_choices, table, theme};

/// What the user decided.
#[derive(Clone, Debug, PartialEq)]
pub enum PreviewChoice {
    /// Keep looking (an option changed: read again with these options).
    Reread {
        /// The options with the new choice.
        options: ReadOptions,
        /// The choice, for Undo and Redo ("delimiter: semicolon").
        label: String,
    },
    /// Step back to the choices before the last one.
    Undo,
    /// Make the last undone choice again.
    Redo,
    /// Open the data as shown.
    Open,
    /// Leave everything as it was.
    Cancel,
}

/// The preview's own undo history: each entry is the options to return to and the choice that
/// left them ("delimiter: semicolon").
#[derive(Clone, Debug, Default)]
pub struct PreviewHistory {
    undo: Vec<(ReadOptions, String)>,
    redo: Vec<(ReadOptions, String)>,
}

impl PreviewHistory {
    /// A choice was made: `before` are the options it replaced.
    pub fn record(&mut self, before: ReadOptions, label: String) {
        self.undo.push((before, label));
        self.redo.clear();
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(_, l)| l.as_str())
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|(_, l)| l.as_str())
    }

    /// The options Undo goes back to (nothing changes until [`PreviewHistory::undone`]).
    pub fn undo_target(&self) -> Option<&ReadOptions> {
        self.undo.last().map(|(o, _)| o)
    }

    /// The options Redo goes to.
    pub fn redo_target(&self) -> Option<&ReadOptions> {
        self.redo.last().map(|(o, _)| o)
    }

    /// Undo was read successfully; `current` are the options it left.
    pub fn undone(&mut self, current: ReadOptions) {
        if let Some((_, label)) = self.undo.pop() {
            self.redo.push((current, label));
        }
    }

    /// Redo was read successfully; `current` are the options it left.
    pub fn redone(&mut self, current: ReadOptions) {
        if let Some((_, label)) = self.redo.pop() {
            self.undo.push((current, label));
        }
    }
}

/// Draws the preview of `import`, read with `options`, with Undo and Redo for its choices.
pub fn preview_ui(
    ui: &mut Ui,
    name: &str,
    import: &Import,
    options: &ReadOptions,
    history: &PreviewHistory,
) -> Option<PreviewChoice> {
    let report = &import.report;
    let mut next = options.clone();
    let mut choice_label = String::new();
    guesses_ui(ui, name, report);
    notices_ui(ui, report, &mut next, &mut choice_label);
    settings_grid(ui, report, &mut next, &mut choice_label);
    ui.add_space(6.0);
    mapping_grid(ui, report, &mut next, &mut choice_label);
    ui.add_space(6.0);
    rows_preview(ui, import);
    ui.add_space(8.0);
    let mut choice = buttons(ui, history);
    if choice.is_none() && next != *options {
        choice = Some(PreviewChoice::Reread {
            options: next,
            label: choice_label,
        });
    }
    choice
}

/// The heading, and what the reader guessed or warned about.
fn guesses_ui(ui: &mut Ui, name: &str, report: &ImportReport) {
    ui.heading(crate::tr!("preview-title", name = name.to_owned()));
    ui.label(RichText::new(crate::tr!("preview-intro")).color(theme::weak_text(ui.visuals())));
    ui.add_space(4.0);
    // Guesses are for checking, not errors: in the normal text colour. Warnings (text that
    // could not be decoded, …) stand out in red.
    for g in &report.guesses {
        ui.label(RichText::new(format!("• {}", g.text())).color(ui.visuals().text_color()));
    }
    for w in &report.warnings {
        ui.label(RichText::new(format!("• {}", w.text())).color(theme::error_text(ui.visuals())));
    }
    ui.add_space(4.0);
}

/// The notices about columns (an extra column holding figures), each with its column's mapping
/// next to it. A changed choice goes into `next`, named in `label`.
fn notices_ui(ui: &mut Ui, report: &ImportReport, next: &mut ReadOptions, label: &mut String) {
    let mut mapping = report.mapping.clone();
    for n in &report.notices {
        let Some(column) = &n.column else {
            ui.label(
                RichText::new(format!("• {}", n.message.text())).color(ui.visuals().warn_fg_color),
            );
            continue;
        };
        let index = report.headers.iter().enumerate().position(|(i, h)| {
            header_label(i, h) == *column && mapping.get(i).is_some_and(Option::is_none)
        });
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("• {}", n.message.text())).color(ui.visuals().warn_fg_color),
            );
            let Some(i) = index else { return };
            let current = mapping.get(i).copied().flatten();
            let name = crate::tr!("preview-map-to", column = column.clone());
            if let Some(chosen) = field_combo(ui, ("preview_notice_map", i), &name, current)
                && i < mapping.len()
            {
                *label = choice_of_column(column, chosen);
                mapping[i] = chosen;
                next.mapping = Some(mapping.clone());
            }
        });
    }
    if !report.notices.is_empty() {
        ui.add_space(4.0);
    }
}

/// How Undo names a column's new mapping ("column “x”: Rigs seized").
fn choice_of_column(column: &str, chosen: Option<Field>) -> String {
    let field = chosen.map_or_else(|| crate::tr!("preview-extra-column"), table::field_title);
    crate::tr!(
        "preview-choice-column",
        column = column.to_owned(),
        field = field
    )
}

/// A column's name as the preview shows it (and extra columns are named as the reader names
/// them, which the notices use too).
fn header_label(i: usize, h: &str) -> String {
    if h.trim().is_empty() {
        format!("column {}", i + 1)
    } else {
        h.trim().to_owned()
    }
}

/// A drop-down of the fields a column may hold, named `name: current`; the new choice when the
/// user picks another.
fn field_combo(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    name: &str,
    current: Option<Field>,
) -> Option<Option<Field>> {
    let keep = crate::tr!("preview-keep-extra");
    let text = current.map_or_else(|| keep.clone(), table::field_title);
    let mut chosen = current;
    let r = egui::ComboBox::from_id_salt(salt)
        .selected_text(&text)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, &keep);
            for f in Field::ALL {
                ui.selectable_value(&mut chosen, Some(f), table::field_title(f));
            }
        });
    let _ = r.response.accessible_name(format!("{name}: {text}"));
    (chosen != current).then_some(chosen)
}

/// Format, encoding, delimiter, sheet and date order. A changed choice goes into `next`, named
/// in `label`.
fn settings_grid(ui: &mut Ui, report: &ImportReport, next: &mut ReadOptions, label: &mut String) {
    egui::Grid::new("preview_settings")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(crate::tr!("preview-format"));
            ui.label(report.format.map_or("?", io::Format::name));
            ui.end_row();
            if !report.encoding.is_empty() {
                encoding_row(ui, report, next, label);
            }
            if let Some(d) = report.delimiter {
                delimiter_row(ui, d, next, label);
            }
            if report.sheets.len() > 1 {
                sheet_row(ui, report, next, label);
            }
            preview_choices::header_row_row(ui, report, next, label);
            date_order_row(ui, report, next, label);
            preview_choices::number_format_row(ui, report, next, label);
        });
}

fn encoding_row(ui: &mut Ui, report: &ImportReport, next: &mut ReadOptions, label: &mut String) {
    ui.label(crate::tr!("preview-encoding"));
    let mut enc = report.encoding.clone();
    let r = egui::ComboBox::from_id_salt("preview_encoding")
        .selected_text(&enc)
        .show_ui(ui, |ui| {
            for e in io::decode::CHOICES {
                ui.selectable_value(&mut enc, (*e).to_owned(), *e);
            }
        });
    let _ = r.response.accessible_name(crate::tr!("preview-encoding"));
    if enc != report.encoding {
        *label = crate::tr!("preview-choice-encoding", encoding = enc.clone());
        next.encoding = Some(enc);
    }
    ui.end_row();
}

fn delimiter_row(ui: &mut Ui, d: u8, next: &mut ReadOptions, label: &mut String) {
    ui.label(crate::tr!("preview-delimiter"));
    let mut delim = d;
    let r = egui::ComboBox::from_id_salt("preview_delimiter")
        .selected_text(io::delimiter_text(d).text())
        .show_ui(ui, |ui| {
            for c in io::DELIMITERS {
                ui.selectable_value(&mut delim, c, io::delimiter_text(c).text());
            }
        });
    let _ = r.response.accessible_name(crate::tr!("preview-delimiter"));
    if delim != d {
        *label = crate::tr!(
            "preview-choice-delimiter",
            delimiter = io::delimiter_text(delim).text()
        );
        next.delimiter = Some(delim);
    }
    ui.end_row();
}

fn sheet_row(ui: &mut Ui, report: &ImportReport, next: &mut ReadOptions, label: &mut String) {
    ui.label(crate::tr!("preview-sheet"));
    let mut sheet = report.sheet.unwrap_or(0);
    let r = egui::ComboBox::from_id_salt("preview_sheet")
        .selected_text(report.sheets.get(sheet).map_or("", String::as_str))
        .show_ui(ui, |ui| {
            for (i, s) in report.sheets.iter().enumerate() {
                ui.selectable_value(&mut sheet, i, s);
            }
        });
    let _ = r.response.accessible_name(crate::tr!("preview-sheet"));
    if Some(sheet) != report.sheet {
        *label = crate::tr!(
            "preview-choice-sheet",
            sheet = report.sheets.get(sheet).cloned().unwrap_or_default()
        );
        next.sheet = Some(sheet);
        next.mapping = None;
        next.header_row = None;
    }
    ui.end_row();
}

fn date_order_row(ui: &mut Ui, report: &ImportReport, next: &mut ReadOptions, label: &mut String) {
    ui.label(crate::tr!("preview-date-order"));
    let mut order = report.date_order;
    let r = egui::ComboBox::from_id_salt("preview_date_order")
        .selected_text(order.text().text())
        .show_ui(ui, |ui| {
            for o in [DateOrder::DayFirst, DateOrder::MonthFirst] {
                ui.selectable_value(&mut order, o, o.text().text());
            }
        });
    let _ = r.response.accessible_name(crate::tr!(
        "preview-date-order-name",
        order = report.date_order.text().text()
    ));
    if order != report.date_order {
        *label = crate::tr!("preview-choice-date-order", order = order.text().text());
        next.date_order = Some(order);
    }
    ui.end_row();
}

/// Which field each column of the file holds, three columns to a row. A changed choice goes
/// into `next`, named in `choice_label`.
fn mapping_grid(
    ui: &mut Ui,
    report: &ImportReport,
    next: &mut ReadOptions,
    choice_label: &mut String,
) {
    ui.label(RichText::new(crate::tr!("preview-columns")).strong());
    egui::ScrollArea::horizontal()
        .id_salt("preview_mapping")
        .show(ui, |ui| {
            egui::Grid::new("preview_mapping_grid")
                .striped(true)
                .show(ui, |ui| {
                    let mut mapping = report.mapping.clone();
                    for (i, h) in report.headers.iter().enumerate() {
                        let label = header_label(i, h);
                        ui.label(&label);
                        let current = mapping.get(i).copied().flatten();
                        let name = crate::tr!("preview-column-holds", column = label.clone());
                        if let Some(chosen) = field_combo(ui, ("preview_map", i), &name, current)
                            && i < mapping.len()
                        {
                            *choice_label = choice_of_column(&label, chosen);
                            mapping[i] = chosen;
                            next.mapping = Some(mapping.clone());
                        }
                        // A mapping read from the name rather than the field's own key is the
                        // app's guess: marked, in the weak colour, so it is checked.
                        let guessed = current
                            .is_some_and(|f| !io::is_key(h, f) && io::match_header(h) == Some(f));
                        if guessed {
                            ui.label(
                                RichText::new(crate::tr!("preview-guessed"))
                                    .small()
                                    .color(theme::weak_text(ui.visuals())),
                            )
                            .on_hover_text(crate::tr!("preview-guessed-hint"));
                        } else {
                            ui.label("");
                        }
                        if i % 3 == 2 {
                            ui.end_row();
                        }
                    }
                });
        });
}

/// The first ten rows as they will be read, problems in red.
fn rows_preview(ui: &mut Ui, import: &Import) {
    let doc = &import.doc;
    // Checked once per read (on the loading thread, or when a choice reads the file again),
    // not every frame.
    let (problems, left_out) = import.problems.as_ref().map_or_else(
        || {
            let list = doc.problems();
            (list.len(), list.iter().filter(|p| p.is_left_out()).count())
        },
        |p| (p.list().len(), p.left_out_count()),
    );
    ui.label(
        RichText::new(crate::tr!(
            "preview-first-rows",
            rows = doc.len().to_string(),
            problems = problems
        ))
        .strong(),
    );
    if left_out > 0 {
        ui.label(
            RichText::new(crate::tr!("preview-left-out", count = left_out))
                .color(ui.visuals().warn_fg_color),
        );
    }
    egui::ScrollArea::both()
        .id_salt("preview_rows")
        .max_height(220.0)
        .show(ui, |ui| {
            egui::Grid::new("preview_rows_grid")
                .striped(true)
                .show(ui, |ui| {
                    let columns: Vec<Column> = doc.columns().to_vec();
                    for &c in &columns {
                        ui.label(RichText::new(table::column_title(doc, c)).strong());
                    }
                    ui.end_row();
                    for row in 0..doc.len().min(10) {
                        for &c in &columns {
                            let text = table::shown_text(doc, row, c);
                            let mut rt = RichText::new(text.chars().take(40).collect::<String>());
                            if doc.cell_problem(row, c).is_some() {
                                rt = rt.color(theme::error_text(ui.visuals()));
                            }
                            ui.label(rt);
                        }
                        ui.end_row();
                    }
                });
        });
}

/// Open, Cancel, Undo and Redo.
fn buttons(ui: &mut Ui, history: &PreviewHistory) -> Option<PreviewChoice> {
    let mut choice = None;
    ui.horizontal(|ui| {
        if ui.button(crate::tr!("preview-open")).clicked() {
            choice = Some(PreviewChoice::Open);
        }
        if ui.button(crate::tr!("preview-cancel")).clicked() {
            choice = Some(PreviewChoice::Cancel);
        }
        ui.separator();
        let undo = history
            .undo_label()
            .map(|l| crate::tr!("edit-undo-what", what = l.to_owned()));
        if ui
            .add_enabled(
                undo.is_some(),
                egui::Button::new(undo.unwrap_or_else(|| crate::tr!("edit-undo"))),
            )
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            choice = Some(PreviewChoice::Undo);
        }
        let redo = history
            .redo_label()
            .map(|l| crate::tr!("edit-redo-what", what = l.to_owned()));
        if ui
            .add_enabled(
                redo.is_some(),
                egui::Button::new(redo.unwrap_or_else(|| crate::tr!("edit-redo"))),
            )
            .on_hover_text(crate::tr!("preview-redo-hint"))
            .clicked()
        {
            choice = Some(PreviewChoice::Redo);
        }
    });
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour each text line containing `part` is painted in, in one frame of `ui`.
    fn colours_of(part: &str, mut ui: impl FnMut(&mut Ui)) -> (Vec<egui::Color32>, egui::Visuals) {
        let ctx = egui::Context::default();
        let mut out = Vec::new();
        for _ in 0..2 {
            let mut frame = ctx.run_ui(Default::default(), &mut ui);
            frame.textures_delta.clear();
            out = frame
                .shapes
                .iter()
                .filter_map(|c| match &c.shape {
                    egui::Shape::Text(t) if t.galley.text().contains(part) => Some(
                        t.override_text_color
                            .unwrap_or(t.galley.job.sections[0].format.color),
                    ),
                    _ => None,
                })
                .collect();
        }
        (out, ctx.global_style().visuals.clone())
    }

    #[test]
    fn guesses_are_in_the_text_colour_and_warnings_in_red() {
        let report = ImportReport {
            guesses: vec!["column “查扣矿机数量” was read as rigs_seized".into()],
            warnings: vec!["3 bytes could not be decoded".into()],
            ..Default::default()
        };
        let (guess, visuals) = colours_of("was read as", |ui| guesses_ui(ui, "x.csv", &report));
        assert_eq!(guess, [visuals.text_color()]);
        assert_ne!(guess[0], theme::error_text(&visuals));
        let (warning, _) = colours_of("could not be decoded", |ui| {
            guesses_ui(ui, "x.csv", &report)
        });
        assert_eq!(warning, [theme::error_text(&visuals)]);
    }

    #[test]
    fn history_steps_back_and_forth_and_a_new_choice_clears_redo() {
        let first = ReadOptions::default();
        let semicolon = ReadOptions {
            delimiter: Some(b';'),
            ..Default::default()
        };
        let mut h = PreviewHistory::default();
        h.record(first.clone(), "delimiter: semicolon".into());
        assert_eq!(h.undo_label(), Some("delimiter: semicolon"));
        assert_eq!(h.undo_target(), Some(&first));
        h.undone(semicolon.clone());
        assert_eq!(h.undo_label(), None);
        assert_eq!(h.redo_label(), Some("delimiter: semicolon"));
        assert_eq!(h.redo_target(), Some(&semicolon));
        h.redone(first.clone());
        assert_eq!(h.undo_target(), Some(&first));
        h.undone(semicolon);
        h.record(first, "encoding: gb18030".into());
        assert_eq!(h.redo_label(), None);
        assert_eq!(h.undo_label(), Some("encoding: gb18030"));
    }
}
