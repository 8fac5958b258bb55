//! The app's modal dialogs: loading progress, the import preview, restoring unsaved edits after
//! a crash, errors, and unsaved changes before closing or opening another file. The file
//! pickers are in `crate::ui::dialogs`.

use egui::ViewportCommand;

use super::App;
use super::open::{Pending, PreviewStep};
use crate::session::Session;
use crate::ui::preview::{self, PreviewChoice};

impl App {
    /// The progress of a file loading on a worker, with Cancel.
    pub(super) fn loading_ui(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.jobs.loading else {
            return;
        };
        let (done, total) = loading.progress.get();
        let name = loading.path.file_name().map_or_else(
            || loading.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("loading_modal")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(crate::tr!("dialog-opening", name = name.clone()));
            let fraction = if total > 0 {
                done as f32 / total as f32
            } else {
                0.0
            };
            // The file's size is half the total: reading and parsing count it once each,
            // one after the other or together (a CSV file is parsed as it is read).
            let size = (total / 2) as f64 / 1e6;
            let text = crate::tr!(
                "status-mb-read",
                read = format!("{:.1}", f64::from(fraction) * size),
                size = format!("{size:.1}")
            );
            ui.add(egui::ProgressBar::new(fraction).show_percentage())
                .accessible_name(crate::tr!(
                    "status-loading-progress",
                    progress = text.clone()
                ));
            ui.label(text);
            ui.add_space(6.0);
            if ui.button(crate::tr!("dialog-cancel-loading")).clicked() {
                cancel = true;
            }
        });
        if cancel {
            loading.progress.cancel();
            self.jobs.loading = None;
            self.info(crate::tr!("dialog-loading-cancelled"));
        }
    }

    /// The import preview: open, cancel, read again another way, undo or redo a choice.
    pub(super) fn preview_ui(&mut self, ctx: &egui::Context) {
        let Some(state) = &self.preview else { return };
        let name = state.path.file_name().map_or_else(
            || state.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_max_width(ctx.content_rect().width() * 0.8);
            preview::preview_ui(ui, &name, &state.import, &state.options, &state.history)
        });
        let escape = escaped(ctx, &modal);
        let choice = modal.inner.or(escape.then_some(PreviewChoice::Cancel));
        match choice {
            Some(PreviewChoice::Open) => {
                if let Some(state) = self.preview.take() {
                    let first = state
                        .options
                        .date_order
                        .is_some()
                        .then_some(state.first_date_order);
                    self.accept_import_with_order(&state.path, state.import, first);
                }
            }
            Some(PreviewChoice::Cancel) => {
                self.preview = None;
                self.info(crate::tr!("status-import-cancelled"));
            }
            Some(PreviewChoice::Reread { options, label }) => {
                if let Some(state) = &mut self.preview {
                    let before = state.options.clone();
                    match state.reread(options) {
                        Ok(()) => state.history.record(before, label),
                        Err(e) => self.error(crate::tr!("status-could-not-read", error = e.text())),
                    }
                }
            }
            Some(PreviewChoice::Undo) => self.preview_step(PreviewStep::Undo),
            Some(PreviewChoice::Redo) => self.preview_step(PreviewStep::Redo),
            None => {}
        }
    }

    /// Offers back unsaved edits left by a crash: Restore or Discard (inside the crash notice
    /// when that is shown).
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(rec) = self.unsaved.recovered.clone() else {
            return;
        };
        if self.crash_notice_shown() {
            return;
        }
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery_modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(crate::tr!("dialog-restore-title"));
            choice = recovery_offer(ui, &rec);
        });
        // Closing the window without choosing keeps the copy for the next start.
        if let Some(restore) = choice {
            self.recovery_chosen(restore);
        }
    }

    /// Restores the recovered edits, or forgets them.
    pub(super) fn recovery_chosen(&mut self, restore: bool) {
        let Some(rec) = self.unsaved.recovered.take() else {
            return;
        };
        let Some(recovery) = self.unsaved.recovery.clone() else {
            return;
        };
        if !restore {
            recovery.clear();
            return;
        }
        match recovery.read() {
            Ok(doc) => {
                let mut s = Session::new(doc, rec.original.clone(), rec.name.clone());
                s.mark_dirty();
                self.replace_session(s);
                self.info(crate::tr!(
                    "status-restored",
                    name = rec.name.clone(),
                    time = rec.saved_at.to_string()
                ));
            }
            Err(e) => self.error(crate::tr!(
                "status-could-not-restore",
                error = e.to_string()
            )),
        }
    }

    /// Every modal dialog open this frame, over the panels.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.loading_ui(ctx);
        self.crash_notice_ui(ctx);
        self.recovery_ui(ctx);
        self.preview_ui(ctx);
        self.export_ui(ctx);
        self.data_format_ui(ctx);
        self.error_ui(ctx);
        self.unsaved_ui(ctx);
    }

    /// The error message, until OK.
    fn error_ui(&mut self, ctx: &egui::Context) {
        if let Some(m) = self.message.clone().filter(|m| m.error) {
            let modal = egui::Modal::new(egui::Id::unique("error_modal")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading(crate::tr!("dialog-error-title"));
                ui.label(&m.text);
                ui.add_space(8.0);
                ui.button(crate::tr!("dialog-ok")).clicked()
            });
            if modal.inner || modal.should_close() {
                self.message = None;
            }
        }
    }

    /// Save, Don't Save or Cancel before closing or opening another file with unsaved changes;
    /// then what was waiting goes ahead.
    fn unsaved_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.pending.clone() else {
            return;
        };
        let name = self.session.name().to_owned();
        let question = match &pending {
            Pending::Close => crate::tr!("dialog-unsaved-closing", name = name),
            Pending::Open(_) => crate::tr!("dialog-unsaved-opening", name = name),
        };
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("unsaved_modal")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(crate::tr!("dialog-unsaved-title"));
            ui.label(question);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(crate::tr!("dialog-save")).clicked() {
                    choice = Some(0);
                }
                if ui.button(crate::tr!("dialog-dont-save")).clicked() {
                    choice = Some(1);
                }
                if ui.button(crate::tr!("dialog-cancel")).clicked() {
                    choice = Some(2);
                }
            });
        });
        if choice.is_none() && escaped(ctx, &modal) {
            choice = Some(2); // Escape is Cancel
        }
        let proceed = match choice {
            Some(0) => self.save(),
            Some(1) => {
                // The user discarded the edits: nothing to recover.
                if let Some(r) = &self.unsaved.recovery {
                    r.clear();
                }
                self.unsaved.due = None;
                true
            }
            Some(_) => {
                self.pending = None;
                false
            }
            None => false,
        };
        if proceed {
            self.pending = None;
            match pending {
                Pending::Close => {
                    self.window.allow_close = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                Pending::Open(target) => self.do_open(target),
            }
        }
    }
}

/// Whether Escape was pressed for `modal` (the topmost, no menu open in it). A click beside it
/// does not count: it could be a slip, and the import preview and the unsaved-changes question
/// stay until answered or escaped.
fn escaped<R>(ctx: &egui::Context, modal: &egui::ModalResponse<R>) -> bool {
    modal.is_top_modal
        && !modal.any_popup_open
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// What the recovery copy holds and the Restore and Discard buttons; the choice, if made.
pub(super) fn recovery_offer(ui: &mut egui::Ui, rec: &crate::recovery::Recovered) -> Option<bool> {
    let mut choice = None;
    ui.label(crate::tr!(
        "dialog-recovery-kept",
        name = rec.name.clone(),
        time = rec.saved_at.clone()
    ));
    if rec.original_changed() {
        ui.label(crate::tr!("dialog-recovery-changed"));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(crate::tr!("dialog-restore")).clicked() {
            choice = Some(true);
        }
        if ui.button(crate::tr!("dialog-discard")).clicked() {
            choice = Some(false);
        }
    });
    choice
}
