//! The status bar and the messages it (or, for errors, a dialog) shows.

use egui::RichText;

use super::App;
use crate::ui::theme;

/// A message for the user: errors in a dialog, information in the status bar.
#[derive(Clone, Debug)]
pub(super) struct Message {
    pub(super) text: String,
    pub(super) error: bool,
}

impl App {
    /// Shows `text` in the status bar.
    pub(super) fn info(&mut self, text: impl Into<String>) {
        let text = text.into();
        log::info!("shown: {text}");
        self.message = Some(Message { text, error: false });
    }

    /// Shows `text` in an error dialog.
    pub(super) fn error(&mut self, text: impl Into<String>) {
        let text = text.into();
        log::error!("shown to the user: {text}");
        self.message = Some(Message { text, error: true });
    }

    /// The file, row counts, problem count (a toggle for the problem list) and the last message.
    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let problems = self.problem_count();
        let shown = self.visible_rows().len();
        ui.horizontal(|ui| {
            let name = match self.session.path() {
                Some(p) => p.display().to_string(),
                None if self.session.name() == crate::io::SAMPLE_NAME => {
                    crate::tr!("status-sample-name")
                }
                None => self.session.name().to_owned(),
            };
            if self.session.is_dirty() {
                ui.label(crate::tr!("status-unsaved", name = name));
            } else {
                ui.label(name);
            }
            ui.separator();
            let total = crate::data::value::group_thousands(self.session.doc().len() as f64, 0);
            if shown == self.session.doc().len() {
                ui.label(crate::tr!("table-rows", rows = total));
            } else {
                ui.label(crate::tr!(
                    "table-rows-of",
                    shown = crate::data::value::group_thousands(shown as f64, 0),
                    rows = total
                ));
            }
            // No spinner: it would repaint every frame; the worker asks for one when done.
            if self.derived.visible_cache.is_busy() {
                ui.label(
                    RichText::new(crate::tr!("status-sorting"))
                        .color(theme::weak_text(ui.visuals())),
                );
            }
            ui.separator();
            let text = crate::tr!("status-problems", count = problems);
            let color = if problems > 0 {
                theme::error_text(ui.visuals())
            } else {
                theme::weak_text(ui.visuals())
            };
            if ui
                .selectable_label(
                    self.settings.show_problems,
                    RichText::new(text).color(color),
                )
                .on_hover_text(crate::tr!("status-problems-hint"))
                .clicked()
            {
                self.settings.show_problems = !self.settings.show_problems;
            }
            if let Some(m) = self.message.clone().filter(|m| !m.error) {
                ui.separator();
                ui.label(m.text);
            }
        });
    }
}
