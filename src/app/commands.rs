//! Edit commands: apply, undo and redo, the row actions, selecting a problem's cell, and the
//! keyboard shortcuts that trigger them. The menus are in `menu.rs`.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::App;
use super::open::{OpenTarget, PreviewStep};
use crate::data::document::{Column, Edit, Field};
use crate::ui::export_dialog::ExportTarget;
use crate::ui::table::{self, Editing, RowAction};

impl App {
    /// Applies an edit through the session (so undo replays it); false when it failed.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        let result = self.session.apply(edit);
        if let Err(e) = &result {
            self.error(crate::tr!(
                "status-edit-failed",
                reason = e.message().text()
            ));
        }
        self.changed();
        result.is_ok()
    }

    /// Applies the cell being edited, as a spreadsheet does before saving or opening.
    pub(super) fn commit_editing(&mut self) {
        if let Some(ed) = self.table.editing.take()
            && self.session.doc().cell_text(ed.row, ed.column) != ed.buffer.as_str()
        {
            self.apply(Edit::SetCell {
                row: ed.row,
                column: ed.column,
                text: ed.buffer,
            });
        }
    }

    /// Undoes the last edit (Edit ▸ Undo, Ctrl+Z).
    pub(super) fn undo(&mut self) {
        self.table.editing = None;
        if let Some(d) = self.session.undo_description().map(|d| d.text())
            && self.session.undo()
        {
            self.info(crate::tr!("status-undid", what = d));
            self.changed();
        }
    }

    /// Redoes the last undone edit (Edit ▸ Redo, Ctrl+Y or Ctrl+Shift+Z).
    pub(super) fn redo(&mut self) {
        self.table.editing = None;
        if let Some(d) = self.session.redo_description().map(|d| d.text())
            && self.session.redo()
        {
            self.info(crate::tr!("status-redid", what = d));
            self.changed();
        }
    }

    /// Inserts, duplicates or deletes the selected rows as one undo step, then selects the rows
    /// it made (or the row that took the deleted ones' place).
    pub(super) fn row_action(&mut self, action: RowAction) {
        self.commit_editing();
        let visible = self.visible_rows();
        let Some(plan) = table::plan_rows(self.session.doc(), &visible, &self.table, action) else {
            return;
        };
        let description = plan.edit.describe(self.session.doc()).text();
        if !self.apply(plan.edit) {
            return;
        }
        let visible = self.visible_rows();
        self.table.select_rows(&visible, plan.select.clone());
        if plan.edit_new_row {
            // A new empty row: type its date straight away.
            let at = plan.select.start;
            let col = self
                .session
                .doc()
                .columns()
                .iter()
                .position(|&c| c == Column::Field(Field::Date))
                .unwrap_or(0);
            self.table.whole = table::Whole::Cells;
            self.table.cursor = Some((at, col));
            self.table.editing = Some(Editing {
                row: at,
                column: self.session.doc().columns()[col],
                buffer: String::new(),
                focused: false,
            });
        }
        let mut done = description;
        if let Some(first) = done.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        self.info(crate::tr!("status-done", what = done));
    }

    /// Selects a problem's cell in the table, ready to be fixed.
    pub(super) fn focus_cell(&mut self, row: usize, column: Option<Column>) {
        let visible = self.visible_rows();
        let Some(index) = visible.iter().position(|&r| r == row) else {
            self.info(crate::tr!("status-row-hidden", row = (row + 1).to_string()));
            return;
        };
        self.table.selected = Some(row);
        self.table.scroll_to = Some((index, egui::Align::Center));
        self.table.editing = column.map(|c| Editing {
            row,
            column: c,
            buffer: self.session.doc().cell_text(row, c).into_owned(),
            focused: false,
        });
    }

    /// Save, Save As, Open, Export dashboard, Undo and Redo from the keyboard.
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // A focused text field keeps Ctrl+Z for its own text.
        let editing_text = ctx.text_edit_focused();
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let consume = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&shortcut(m, k)));
        // Longer chords first: Ctrl+S would also match Ctrl+Shift+S.
        if consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            self.commit_editing();
            self.save_as();
        }
        if consume(Modifiers::COMMAND, Key::S) {
            self.commit_editing();
            self.save();
        }
        if consume(Modifiers::COMMAND, Key::O) {
            self.commit_editing();
            self.request_open(OpenTarget::Dialog);
        }
        // File ▸ Export dashboard…, but not over a dialog (the menu cannot be reached then).
        let no_dialog = ctx.memory(|m| m.top_modal_layer().is_none());
        if no_dialog && consume(Modifiers::COMMAND, Key::E) {
            self.commit_editing();
            self.open_export(ExportTarget::Dashboard);
        }
        if !editing_text {
            // While the import preview is open, undo and redo step through its choices.
            let preview = self.preview.is_some();
            if consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
                || consume(Modifiers::COMMAND, Key::Y)
            {
                if preview {
                    self.preview_step(PreviewStep::Redo);
                } else {
                    self.redo();
                }
            }
            if consume(Modifiers::COMMAND, Key::Z) {
                if preview {
                    self.preview_step(PreviewStep::Undo);
                } else {
                    self.undo();
                }
            }
        }
    }
}
