//! The editable table: every row, virtualized, with click-to-edit cells. It never changes the
//! document itself: it returns edit commands for the app to apply.

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::analysis::rows::SortDir;
use crate::data::document::{Column, Document, Edit, Field};
use crate::data::figure::MarkerSide;
use crate::data::value;
use crate::ui::theme;

/// A cell being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    /// Document row.
    pub row: usize,
    /// Column.
    pub column: Column,
    /// Text typed so far.
    pub buffer: String,
    /// Focus has been requested.
    pub focused: bool,
}

/// Table state that lives between frames.
#[derive(Default)]
pub struct TableState {
    /// The cell being edited.
    pub editing: Option<Editing>,
    /// The selected row (document index).
    pub selected: Option<usize>,
    /// Scroll to this visible-row index next frame.
    pub scroll_to: Option<usize>,
    /// Quick search text.
    pub search: String,
    /// Show only rows with problems.
    pub problems_only: bool,
    /// Sort column and direction (a view, not an edit).
    pub sort: Option<(Column, SortDir)>,
}

impl TableState {
    /// Header click: ascending, then descending, then file order.
    pub fn cycle_sort(&mut self, column: Column) {
        self.sort = match self.sort {
            Some((c, SortDir::Ascending)) if c == column => Some((column, SortDir::Descending)),
            Some((c, SortDir::Descending)) if c == column => None,
            _ => Some((column, SortDir::Ascending)),
        };
    }
}

/// What the table asks the app to do.
#[derive(Default)]
pub struct TableActions {
    /// Edits to apply, in order.
    pub edits: Vec<Edit>,
    /// Add a row after the selection (or at the end).
    pub add_row: bool,
    /// Delete the selected row.
    pub delete_row: bool,
}

fn column_width(column: Column) -> f32 {
    match column {
        Column::Field(Field::Date) => 90.0,
        Column::Field(Field::Province) => 120.0,
        Column::Field(Field::City) => 110.0,
        Column::Field(Field::Action) => 260.0,
        Column::Field(Field::Projects | Field::Rigs | Field::Coal) => 100.0,
        Column::Field(Field::Kwh) => 150.0,
        Column::Field(Field::Basis) => 100.0,
        Column::Field(Field::Source) => 220.0,
        Column::Field(Field::Notes) => 320.0,
        Column::Extra(_) => 110.0,
    }
}

/// What a cell shows: figures with thousands separators (and their approximate marker),
/// everything else as stored.
fn display_text(doc: &Document, row: usize, column: Column) -> String {
    if let Column::Field(f) = column
        && let Some(m) = f.metric()
        && let Some(v) = doc.figure_value(row, m)
    {
        let number = value::group_thousands(v, 6);
        return match doc.figure_marker(row, m) {
            Some((MarkerSide::Before, marker)) => format!("{marker}{number}"),
            Some((MarkerSide::After, marker)) => format!("{number}{marker}"),
            None => number,
        };
    }
    doc.cell_text(row, column).into_owned()
}

/// Draws the table toolbar and body.
pub fn table_ui(
    ui: &mut Ui,
    doc: &Document,
    visible: &[usize],
    state: &mut TableState,
    problems: usize,
) -> TableActions {
    let mut actions = TableActions::default();
    ui.horizontal(|ui| {
        if ui.button("Add row").on_hover_text("Add an empty row after the selected one").clicked() {
            actions.add_row = true;
        }
        let can_delete = state.selected.is_some_and(|r| r < doc.len());
        if ui.add_enabled(can_delete, egui::Button::new("Delete row")).on_hover_text("Delete the selected row").clicked() {
            actions.delete_row = true;
        }
        ui.separator();
        let shown = if visible.len() == doc.len() {
            format!("{} rows", value::group_thousands(doc.len() as f64, 0))
        } else {
            format!("{} of {} rows", value::group_thousands(visible.len() as f64, 0), value::group_thousands(doc.len() as f64, 0))
        };
        ui.label(shown);
        ui.separator();
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.search).hint_text("Search text columns").desired_width(180.0),
        );
        let _ = search.accessible_name("Search");
        ui.checkbox(&mut state.problems_only, "Only rows with problems");
        if problems > 0 {
            ui.label(
                RichText::new(format!("{problems} cell{} to check", if problems == 1 { "" } else { "s" }))
                    .color(theme::error_text(ui.visuals())),
            )
            .on_hover_text("Cells shown in red did not parse; hover one to see why. They are kept exactly as typed.");
        }
    });

    let columns = doc.columns().to_vec();
    let text_height = egui::TextStyle::Body
        .resolve(ui.style())
        .size
        .max(ui.spacing().interact_size.y);
    let row_height = text_height + 4.0;
    let mut builder = TableBuilder::new(ui)
        .id_salt("events_table")
        .striped(true)
        .resizable(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .column(TableColumn::exact(44.0));
    for &c in &columns {
        builder = builder.column(
            TableColumn::initial(column_width(c))
                .at_least(40.0)
                .clip(true),
        );
    }
    if let Some(i) = state.scroll_to.take() {
        builder = builder.scroll_to_row(i, Some(Align::Center));
    }
    let mut commit: Option<Edit> = None;
    let mut cancel = false;
    let mut start: Option<(usize, Column)> = None;
    let mut sort_clicked: Option<Column> = None;
    builder
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("#").strong());
            });
            for &c in &columns {
                header.col(|ui| {
                    let arrow = match state.sort {
                        Some((s, SortDir::Ascending)) if s == c => " ↑",
                        Some((s, SortDir::Descending)) if s == c => " ↓",
                        _ => "",
                    };
                    let title = doc.column_title(c);
                    let r = ui
                        .add(
                            egui::Label::new(RichText::new(format!("{title}{arrow}")).strong())
                                .sense(Sense::click()),
                        )
                        .on_hover_text("Click to sort: ascending, descending, file order")
                        .accessible_name(format!("Sort by {title}"));
                    if r.clicked() {
                        sort_clicked = Some(c);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, visible.len(), |mut table_row| {
                let row = visible[table_row.index()];
                let selected = state.selected == Some(row);
                table_row.set_selected(selected);
                table_row.col(|ui| {
                    let r = ui
                        .add(
                            egui::Label::new(RichText::new((row + 1).to_string()).weak())
                                .sense(Sense::click()),
                        )
                        .accessible_name(format!("Select row {}", row + 1));
                    if r.clicked() {
                        state.selected = Some(row);
                    }
                });
                for &c in &columns {
                    table_row.col(|ui| {
                        let title = doc.column_title(c);
                        if let Some(ed) = state
                            .editing
                            .as_mut()
                            .filter(|e| e.row == row && e.column == c)
                        {
                            let r = ui.add(
                                egui::TextEdit::singleline(&mut ed.buffer)
                                    .desired_width(f32::INFINITY)
                                    .margin(egui::vec2(2.0, 0.0)),
                            );
                            let r = r.accessible_name(format!("Edit {title}, row {}", row + 1));
                            if !ed.focused {
                                r.request_focus();
                                ed.focused = true;
                            }
                            let (enter, escape) = ui.input(|i| {
                                (
                                    i.key_pressed(egui::Key::Enter),
                                    i.key_pressed(egui::Key::Escape),
                                )
                            });
                            if escape {
                                cancel = true;
                            } else if r.lost_focus() || enter {
                                commit = Some(Edit::SetCell {
                                    row,
                                    column: c,
                                    text: ed.buffer.clone(),
                                });
                            }
                            return;
                        }
                        let text = display_text(doc, row, c);
                        let problem = doc.cell_problem(row, c);
                        let mut rt = RichText::new(&text);
                        if problem.is_some() {
                            rt = rt
                                .color(theme::error_text(ui.visuals()))
                                .background_color(theme::error_fill(ui.visuals()));
                        }
                        let numeric = matches!(c, Column::Field(f) if f.metric().is_some());
                        let label = egui::Label::new(rt).sense(Sense::click()).truncate();
                        let r = if numeric {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.add(label))
                                .inner
                        } else {
                            ui.add(label)
                        };
                        let shown = if text.is_empty() {
                            "empty"
                        } else {
                            text.as_str()
                        };
                        let r = r.accessible_name(format!("{title}, row {}: {shown}", row + 1));
                        let r = match &problem {
                            Some(p) => r.on_hover_text(
                                RichText::new(format!(
                                    "{p}\nThe text is kept as typed; this cell does not count."
                                ))
                                .color(theme::error_text(ui.visuals())),
                            ),
                            None if !text.is_empty() && r.hovered() && text.len() > 24 => {
                                r.on_hover_text(&text)
                            }
                            None => r,
                        };
                        if r.clicked() {
                            start = Some((row, c));
                        }
                    });
                }
            });
        });
    if let Some(c) = sort_clicked {
        state.cycle_sort(c);
    }
    if cancel {
        state.editing = None;
    } else if commit.is_none() && start.is_some() {
        // Clicking another cell commits the one being edited, as in a spreadsheet.
        commit = state.editing.take().map(|ed| Edit::SetCell {
            row: ed.row,
            column: ed.column,
            text: ed.buffer,
        });
    }
    if let Some(Edit::SetCell { row, column, text }) = &commit {
        if doc.cell_text(*row, *column) != text.as_str() {
            actions.edits.extend(commit.clone());
        }
        state.editing = None;
    }
    if let Some((row, column)) = start {
        state.selected = Some(row);
        state.editing = Some(Editing {
            row,
            column,
            buffer: doc.cell_text(row, column).into_owned(),
            focused: false,
        });
    }
    actions
}
