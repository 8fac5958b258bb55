//! The editable table: every row, virtualized, with click-to-edit cells. It never changes the
//! document itself: it returns edit commands for the app to apply.

use egui::{Align, Key, Layout, Modifiers, RichText, Sense, Ui};
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
    /// The active cell (document row, column index); keys act on it.
    pub cursor: Option<(usize, usize)>,
    /// The other corner of a selected range (document row, column index).
    pub anchor: Option<(usize, usize)>,
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

/// Rows a Page Up / Page Down moves.
const PAGE: isize = 20;

/// The selected rectangle in visible-row and column indices, if any.
fn selection(
    state: &TableState,
    visible: &[usize],
) -> Option<(
    std::ops::RangeInclusive<usize>,
    std::ops::RangeInclusive<usize>,
)> {
    let (cr, cc) = state.cursor?;
    let (ar, ac) = state.anchor.unwrap_or((cr, cc));
    let pr = visible.iter().position(|&r| r == cr)?;
    let pa = visible.iter().position(|&r| r == ar).unwrap_or(pr);
    Some((pr.min(pa)..=pr.max(pa), cc.min(ac)..=cc.max(ac)))
}

/// Keys and clipboard events for the table when no text field has the keyboard: arrows, Tab,
/// Home/End, Page Up/Down, Ctrl+Home/End, Ctrl+A, Enter/F2 to edit, Delete to clear, typing to
/// start editing, copy and paste as tab-separated text.
fn handle_keys(
    ui: &Ui,
    doc: &Document,
    visible: &[usize],
    state: &mut TableState,
    actions: &mut TableActions,
) {
    let ctx = ui.ctx().clone();
    if state.editing.is_some() || ctx.text_edit_focused() || visible.is_empty() {
        return;
    }
    let Some((row, col)) = state.cursor else {
        return;
    };
    let ncols = doc.columns().len();
    let Some(pos) = visible.iter().position(|&r| r == row) else {
        return;
    };
    let consume = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_key(m, k));
    let mut target: Option<(isize, isize, bool)> = None; // (row delta or absolute, col, extend)
    let (p, c) = (pos as isize, col as isize);
    let last_row = visible.len() as isize - 1;
    let last_col = ncols as isize - 1;
    // Shift first: a plain-key match would also take the shifted key.
    for (m, extend) in [(Modifiers::SHIFT, true), (Modifiers::NONE, false)] {
        if consume(m, Key::ArrowDown) {
            target = Some((p + 1, c, extend));
        }
        if consume(m, Key::ArrowUp) {
            target = Some((p - 1, c, extend));
        }
        if consume(m, Key::ArrowRight) {
            target = Some((p, c + 1, extend));
        }
        if consume(m, Key::ArrowLeft) {
            target = Some((p, c - 1, extend));
        }
        if consume(m, Key::PageDown) {
            target = Some((p + PAGE, c, extend));
        }
        if consume(m, Key::PageUp) {
            target = Some((p - PAGE, c, extend));
        }
        if consume(m | Modifiers::COMMAND, Key::Home) {
            target = Some((0, 0, extend));
        }
        if consume(m | Modifiers::COMMAND, Key::End) {
            target = Some((last_row, last_col, extend));
        }
        if consume(m, Key::Home) {
            target = Some((p, 0, extend));
        }
        if consume(m, Key::End) {
            target = Some((p, last_col, extend));
        }
    }
    if consume(Modifiers::SHIFT, Key::Tab) {
        target = Some((p, c - 1, false));
    }
    if consume(Modifiers::NONE, Key::Tab) {
        target = Some((p, c + 1, false));
    }
    if consume(Modifiers::COMMAND, Key::A) {
        state.anchor = Some((visible[0], 0));
        state.cursor = Some((visible[visible.len() - 1], ncols - 1));
        return;
    }
    if consume(Modifiers::NONE, Key::Escape) {
        state.anchor = None;
    }
    if let Some((r, c, extend)) = target {
        let r = r.clamp(0, last_row) as usize;
        let c = c.clamp(0, last_col) as usize;
        if extend {
            state.anchor.get_or_insert((row, col));
        } else {
            state.anchor = None;
        }
        state.cursor = Some((visible[r], c));
        state.selected = Some(visible[r]);
        state.scroll_to = Some(r);
        return;
    }
    let column = doc.columns()[col];
    if consume(Modifiers::NONE, Key::Enter) || consume(Modifiers::NONE, Key::F2) {
        state.editing = Some(Editing {
            row,
            column,
            buffer: doc.cell_text(row, column).into_owned(),
            focused: false,
        });
        return;
    }
    let range = selection(state, visible);
    if (consume(Modifiers::NONE, Key::Delete) || consume(Modifiers::NONE, Key::Backspace))
        && let Some((rows, cols)) = range.clone()
    {
        let edits: Vec<Edit> = rows
            .flat_map(|r| cols.clone().map(move |c| (r, c)))
            .filter(|&(r, c)| !doc.cell_text(visible[r], doc.columns()[c]).is_empty())
            .map(|(r, c)| Edit::SetCell {
                row: visible[r],
                column: doc.columns()[c],
                text: String::new(),
            })
            .collect();
        if !edits.is_empty() {
            let n = edits.len();
            actions.edits.push(Edit::Batch {
                label: format!("clearing of {n} cell{}", if n == 1 { "" } else { "s" }),
                edits,
            });
        }
        return;
    }
    let events = ctx.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Copy | egui::Event::Cut => {
                if let Some((rows, cols)) = range.clone() {
                    let cells: Vec<Vec<String>> = rows
                        .map(|r| {
                            cols.clone()
                                .map(|c| doc.cell_text(visible[r], doc.columns()[c]).into_owned())
                                .collect()
                        })
                        .collect();
                    ctx.copy_text(crate::io::clipboard::to_tsv(&cells));
                }
            }
            egui::Event::Paste(text) => {
                let block = crate::io::clipboard::from_tsv(&text);
                actions
                    .edits
                    .extend(paste_edits(doc, visible, pos, col, &block));
            }
            egui::Event::Text(t) if !t.chars().all(char::is_control) => {
                // Typing over a cell starts editing it with what was typed, as in a spreadsheet.
                state.editing = Some(Editing {
                    row,
                    column,
                    buffer: t,
                    focused: false,
                });
                return;
            }
            _ => {}
        }
    }
}

/// The edits a pasted block makes from the active cell: cells are parsed as if typed, and rows
/// are added at the end when the block is longer than the table.
fn paste_edits(
    doc: &Document,
    visible: &[usize],
    pos: usize,
    col: usize,
    block: &[Vec<String>],
) -> Option<Edit> {
    let columns = doc.columns();
    let mut edits = Vec::new();
    let mut cells = 0;
    let mut appended = 0;
    for (i, line) in block.iter().enumerate() {
        let targets: Vec<(Column, String)> = line
            .iter()
            .enumerate()
            .filter_map(|(j, text)| columns.get(col + j).map(|&c| (c, text.clone())))
            .collect();
        cells += targets.len();
        match visible.get(pos + i) {
            Some(&row) => edits.extend(targets.into_iter().map(|(column, text)| Edit::SetCell {
                row,
                column,
                text,
            })),
            None => {
                edits.push(Edit::InsertRow {
                    at: doc.len() + appended,
                    cells: targets,
                });
                appended += 1;
            }
        }
    }
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("paste of {cells} cell{}", if cells == 1 { "" } else { "s" }),
        edits,
    })
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
    handle_keys(ui, doc, visible, state, &mut actions);
    let shift_click = ui.input(|i| i.modifiers.shift);
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
    let mut move_after: Option<(isize, isize)> = None;
    let range = selection(state, visible);
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
                let table_row_index = table_row.index();
                let row = visible[table_row_index];
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
                            let (enter, escape, tab, shift) = ui.input(|i| {
                                (
                                    i.key_pressed(egui::Key::Enter),
                                    i.key_pressed(egui::Key::Escape),
                                    i.key_pressed(egui::Key::Tab),
                                    i.modifiers.shift,
                                )
                            });
                            if escape || enter || tab {
                                // Give the keyboard back to the table at once.
                                r.surrender_focus();
                            }
                            if escape {
                                cancel = true;
                            } else if r.lost_focus() || enter || tab {
                                commit = Some(Edit::SetCell {
                                    row,
                                    column: c,
                                    text: ed.buffer.clone(),
                                });
                                // Enter moves down, Tab right, Shift+Tab left, as in a spreadsheet.
                                move_after = match (enter, tab, shift) {
                                    (true, _, _) => Some((1, 0)),
                                    (_, true, false) => Some((0, 1)),
                                    (_, true, true) => Some((0, -1)),
                                    _ => None,
                                };
                            }
                            return;
                        }
                        let col_index = columns.iter().position(|&x| x == c).unwrap_or(0);
                        let cell_rect = ui.max_rect();
                        if let Some((rows, cols)) = &range
                            && rows.contains(&table_row_index)
                            && cols.contains(&col_index)
                        {
                            ui.painter().rect_filled(
                                cell_rect,
                                0.0,
                                ui.visuals().selection.bg_fill.linear_multiply(0.45),
                            );
                        }
                        if state.cursor == Some((row, col_index)) {
                            ui.painter().rect_stroke(
                                cell_rect.shrink(1.0),
                                0.0,
                                ui.visuals().selection.stroke,
                                egui::StrokeKind::Inside,
                            );
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
                        // The whole cell is clickable (also when empty), but not focusable: the
                        // keyboard stays with the table.
                        let (rect, r) = ui.allocate_exact_size(ui.available_size(), Sense::CLICK);
                        let galley = egui::WidgetText::from(rt).into_galley(
                            ui,
                            Some(egui::TextWrapMode::Truncate),
                            rect.width() - 4.0,
                            egui::TextStyle::Body,
                        );
                        let x = if numeric {
                            rect.right() - 2.0 - galley.size().x
                        } else {
                            rect.left() + 2.0
                        };
                        let pos = egui::pos2(x, rect.center().y - galley.size().y / 2.0);
                        ui.painter().with_clip_rect(rect).galley(
                            pos,
                            galley,
                            ui.visuals().text_color(),
                        );
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, text.as_str())
                        });
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
    if let (Some((dr, dc)), Some(Edit::SetCell { row, column, .. })) = (move_after, &commit) {
        let col = columns.iter().position(|c| c == column).unwrap_or(0) as isize;
        if let Some(pos) = visible.iter().position(|r| r == row) {
            let p = (pos as isize + dr).clamp(0, visible.len() as isize - 1) as usize;
            let c = (col + dc).clamp(0, columns.len() as isize - 1) as usize;
            state.cursor = Some((visible[p], c));
            state.anchor = None;
            state.selected = Some(visible[p]);
            state.scroll_to = Some(p);
        }
    }
    if let Some((row, column)) = start {
        let col = columns.iter().position(|&c| c == column).unwrap_or(0);
        if shift_click && state.cursor.is_some() {
            // Shift-click extends the selection from the active cell.
            state.anchor = state.anchor.or(state.cursor);
            state.cursor = Some((row, col));
            state.editing = None;
        } else {
            state.selected = Some(row);
            state.cursor = Some((row, col));
            state.anchor = None;
            state.editing = Some(Editing {
                row,
                column,
                buffer: doc.cell_text(row, column).into_owned(),
                focused: false,
            });
        }
    }
    actions
}
