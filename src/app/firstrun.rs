//! First run: the tip strip over the bundled sample data (until dismissed, which the settings
//! remember), and Help ▸ Data format… with its empty template files.

use super::App;
use crate::data::document::Document;
use crate::ui::data_format::{self, TemplateFormat};
use crate::ui::dialogs::SaveKind;
use crate::ui::{theme, tips};

/// What the first-run help shows.
#[derive(Default)]
pub(super) struct FirstRun {
    /// The sample data opens with the tip strip (the native window; see
    /// [`super::StartOptions::first_run_tips`]).
    pub(super) tips: bool,
    /// Help ▸ Data format… is open.
    pub(super) data_format: bool,
}

impl App {
    /// Whether the bundled sample data is what is open (not a file, nor the sample saved as one).
    fn sample_open(&self) -> bool {
        self.session.path().is_none() && self.session.name() == crate::io::SAMPLE_NAME
    }

    /// Whether the tip strip shows: over the sample data, until dismissed.
    pub(super) fn tips_shown(&self) -> bool {
        self.first_run.tips && !self.settings.tips_dismissed && self.sample_open()
    }

    /// The tip strip in a panel of its own above the dashboard, while it is shown.
    pub(super) fn tips_panel(&mut self, ui: &mut egui::Ui) {
        if !self.tips_shown() {
            return;
        }
        let frame = theme::info_bar_frame(ui.visuals());
        let dismissed = egui::Panel::top("tips")
            .frame(frame)
            .show(ui, tips::tip_strip)
            .inner;
        if dismissed {
            self.settings.tips_dismissed = true;
        }
    }

    /// Help ▸ Data format… while it is open, and the template it asks to save.
    pub(super) fn data_format_ui(&mut self, ctx: &egui::Context) {
        if !self.first_run.data_format {
            return;
        }
        if let Some(format) = data_format::data_format_ui(ctx, &mut self.first_run.data_format) {
            self.save_template(format);
        }
    }

    /// Asks where, then writes the header row of every known column there (atomically, as a
    /// save does); a cancelled dialog does nothing, a failed write says which file.
    fn save_template(&mut self, format: TemplateFormat) {
        let Some(mut path) = self
            .dialogs
            .pick_save(SaveKind::Template(format), &format.suggested_name())
        else {
            return;
        };
        if crate::io::Format::from_path(&path).is_none() {
            path.set_extension(format.extension());
        }
        match crate::io::write_path(&Document::new(), &path) {
            Ok(()) => self.info(crate::tr!(
                "firstrun-template-saved",
                path = path.display().to_string()
            )),
            Err(e) => self.error(crate::tr!(
                "firstrun-template-failed",
                error = e.to_string()
            )),
        }
    }
}
