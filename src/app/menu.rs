//! The menu bar, one function per menu.

use egui::{RichText, ViewportCommand};

use super::App;
use super::open::OpenTarget;
use crate::analysis::Filter;
use crate::data::document::Edit;
use crate::ui::table;

impl App {
    /// File, Edit, Data, View and Help.
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            let file = ui.menu_button(crate::tr!("menu-file"), |ui| self.file_menu(ui));
            super::keyboard::note_first_menu(ui.ctx(), file.response.id);
            ui.menu_button(crate::tr!("menu-edit"), |ui| self.edit_menu(ui));
            ui.menu_button(crate::tr!("menu-data"), |ui| self.data_menu(ui));
            ui.menu_button(crate::tr!("menu-view"), |ui| self.view_menu(ui));
            ui.menu_button(crate::tr!("menu-help"), |ui| {
                if ui.button(crate::tr!("menu-open-sample")).clicked() {
                    self.request_open(OpenTarget::Sample);
                }
                if ui.button(crate::tr!("firstrun-menu-data-format")).clicked() {
                    self.first_run.data_format = true;
                }
                let version = crate::tr!(
                    "about-version",
                    app = crate::tr!("app-name"),
                    version = env!("CARGO_PKG_VERSION")
                );
                ui.label(RichText::new(version).weak());
                // Where the map's borders come from.
                ui.label(RichText::new(crate::tr!("about-map")).weak());
            });
        });
    }

    /// Open, Open Recent, Save, Save As, Export dashboard and Quit.
    fn file_menu(&mut self, ui: &mut egui::Ui) {
        if ui
            .add(egui::Button::new(crate::tr!("menu-open")).shortcut_text("Ctrl+O"))
            .clicked()
        {
            self.request_open(OpenTarget::Dialog);
        }
        ui.menu_button(crate::tr!("menu-open-recent"), |ui| self.recent_menu(ui));
        ui.separator();
        if ui
            .add(egui::Button::new(crate::tr!("menu-save")).shortcut_text("Ctrl+S"))
            .clicked()
        {
            self.commit_editing();
            self.save();
        }
        if ui
            .add(egui::Button::new(crate::tr!("menu-save-as")).shortcut_text("Ctrl+Shift+S"))
            .clicked()
        {
            self.commit_editing();
            self.save_as();
        }
        ui.separator();
        if ui
            .add(egui::Button::new(crate::tr!("menu-export-dashboard")).shortcut_text("Ctrl+E"))
            .clicked()
        {
            self.open_export(crate::ui::export_dialog::ExportTarget::Dashboard);
        }
        ui.separator();
        if ui.button(crate::tr!("menu-quit")).clicked() {
            ui.ctx().send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// The recently opened files, and Clear list.
    fn recent_menu(&mut self, ui: &mut egui::Ui) {
        if self.settings.recent.is_empty() {
            ui.label(RichText::new(crate::tr!("menu-no-recent")).weak());
        }
        for p in self.settings.recent.clone() {
            let name = p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(p.display().to_string())
                .clicked()
            {
                self.request_open(OpenTarget::Path(p));
            }
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            if ui.button(crate::tr!("menu-clear-recent")).clicked() {
                self.settings.recent.clear();
            }
        }
    }

    /// Undo, Redo and the row actions.
    fn edit_menu(&mut self, ui: &mut egui::Ui) {
        let undo = self
            .session
            .undo_description()
            .map(|d| crate::tr!("edit-undo-what", what = d.text()));
        if ui
            .add_enabled(
                undo.is_some(),
                egui::Button::new(undo.unwrap_or_else(|| crate::tr!("edit-undo")))
                    .shortcut_text("Ctrl+Z"),
            )
            .clicked()
        {
            self.undo();
        }
        let redo = self
            .session
            .redo_description()
            .map(|d| crate::tr!("edit-redo-what", what = d.text()));
        if ui
            .add_enabled(
                redo.is_some(),
                egui::Button::new(redo.unwrap_or_else(|| crate::tr!("edit-redo")))
                    .shortcut_text("Ctrl+Y"),
            )
            .clicked()
        {
            self.redo();
        }
        ui.separator();
        let visible = self.visible_rows();
        let n = table::selected_count(&self.table, &visible, self.session.doc().columns().len());
        if let Some(action) = table::row_menu(ui, n) {
            self.row_action(action);
        }
    }

    /// How numeric dates are read.
    fn data_menu(&mut self, ui: &mut egui::Ui) {
        ui.label(RichText::new(crate::tr!("menu-date-order")).weak());
        let current = self.session.doc().date_order();
        for order in [
            crate::data::value::DateOrder::DayFirst,
            crate::data::value::DateOrder::MonthFirst,
        ] {
            if ui.radio(current == order, order.text().text()).clicked() && current != order {
                self.apply(Edit::SetDateOrder { order });
            }
        }
    }

    /// Grouping, bars or lines, and showing everything again.
    fn view_menu(&mut self, ui: &mut egui::Ui) {
        let v = &mut self.settings.view;
        for g in crate::analysis::Granularity::ALL {
            ui.radio_value(&mut v.granularity, g, crate::ui::filters::granularity_by(g));
        }
        ui.separator();
        use crate::picture::ChartKind;
        ui.radio_value(&mut v.kind, ChartKind::Bars, crate::tr!("menu-per-period"));
        ui.radio_value(
            &mut v.kind,
            ChartKind::Cumulative,
            crate::tr!("menu-cumulative"),
        );
        ui.radio_value(
            &mut v.kind,
            ChartKind::Multiples,
            crate::tr!("menu-multiples"),
        );
        ui.radio_value(&mut v.kind, ChartKind::Ranking, crate::tr!("menu-ranking"));
        ui.separator();
        crate::ui::filters::timeline_switch(ui, &mut v.timeline);
        ui.separator();
        if ui.button(crate::tr!("menu-show-all")).clicked() {
            v.filter = Filter::default();
            v.from_text.clear();
            v.to_text.clear();
        }
        ui.separator();
        ui.menu_button(crate::tr!("menu-language"), |ui| self.language_menu(ui));
        ui.menu_button(crate::tr!("menu-theme"), |ui| self.theme_menu(ui));
    }

    /// Follow the system, light or dark (applied at the next frame's start, and kept).
    fn theme_menu(&mut self, ui: &mut egui::Ui) {
        use egui::ThemePreference as T;
        let chosen = &mut self.settings.theme;
        let choices = [
            (T::System, crate::tr!("menu-theme-system")),
            (T::Light, crate::tr!("menu-theme-light")),
            (T::Dark, crate::tr!("menu-theme-dark")),
        ];
        for (theme, name) in choices {
            ui.radio_value(chosen, theme, name);
        }
    }

    /// Follow the system, or one of the languages (each named in its own language).
    fn language_menu(&mut self, ui: &mut egui::Ui) {
        let before = self.settings.interface_language();
        let chosen = &mut self.settings.language;
        ui.radio_value(chosen, None, crate::tr!("menu-language-system"));
        for lang in crate::i18n::Language::ALL {
            ui.radio_value(chosen, Some(lang), lang.name());
        }
        // The rest of this frame already shows the new language.
        crate::i18n::set_language(self.settings.interface_language());
        // The status bar's last message was worded in the old language: it goes (an error
        // dialog stays until it is closed).
        if self.settings.interface_language() != before
            && self.message.as_ref().is_some_and(|m| !m.error)
        {
            self.message = None;
        }
    }
}
