//! The window's panels (menu, filters, status, provinces, problems, table, dashboard) and the
//! overlay shown while a file is dragged over the window.

use super::App;
use crate::ui::{filters, problems, table};

impl App {
    /// A panel's frame: without its fill when the clear colour paints the background.
    fn panel_frame(&self, ui: &egui::Ui, central: bool) -> egui::Frame {
        let frame = if central {
            egui::Frame::central_panel(ui.style())
        } else {
            egui::Frame::side_top_panel(ui.style())
        };
        if self.paint.background_from_clear {
            frame.fill(egui::Color32::TRANSPARENT)
        } else {
            frame
        }
    }

    /// Lays out every panel. They sit in a scope whose frame is the panel colour, painted by the
    /// clear colour when `background_from_clear`: widgets that blend to the background (scroll
    /// fades) see it.
    pub(super) fn panels(&mut self, ui: &mut egui::Ui) {
        let background = egui::UiStackInfo::new(egui::UiKind::Frame)
            .with_frame(egui::Frame::NONE.fill(ui.visuals().panel_fill));
        ui.scope_builder(egui::UiBuilder::new().ui_stack_info(background), |ui| {
            let side = self.panel_frame(ui, false);
            egui::Panel::top("menu")
                .frame(side)
                .show(ui, |ui| self.menu_bar(ui));
            egui::Panel::top("filters").frame(side).show(ui, |ui| {
                ui.add_space(2.0);
                filters::filter_bar(ui, &mut self.settings.view);
                ui.add_space(2.0);
            });
            self.tips_panel(ui);
            egui::Panel::bottom("status")
                .frame(side)
                .show(ui, |ui| self.status_bar(ui));
            self.side_panels(ui, side);
            self.table_panel(ui, side);
            let central = self.panel_frame(ui, true);
            egui::CentralPanel::default()
                .frame(central)
                .show(ui, |ui| self.dashboard(ui));
        });
    }

    /// The province list on the left and, when open, the problem list on the right.
    fn side_panels(&mut self, ui: &mut egui::Ui, side: egui::Frame) {
        let places = self.session.aggregates().places();
        let view = self.current_view();
        egui::Panel::left("provinces")
            .frame(side)
            .resizable(true)
            .default_size(190.0)
            .show(ui, |ui| {
                filters::province_list(ui, &places, &mut self.settings.view.filter.hidden, &view);
            });
        if self.settings.show_problems {
            let notices = self.notices();
            let mut clicked = None;
            egui::Panel::right("problems")
                .frame(side)
                .resizable(true)
                .default_size(280.0)
                .show(ui, |ui| {
                    clicked = problems::problems_ui(
                        ui,
                        self.session.doc(),
                        self.session.problems().list(),
                        &notices,
                    );
                });
            match clicked {
                Some(problems::ProblemClick::Select(row, column)) => {
                    // The Enter or Space that clicked the problem is not for the cell's field,
                    // which opens this frame (it would commit the cell at once).
                    ui.input_mut(|i| {
                        i.consume_key(egui::Modifiers::NONE, egui::Key::Enter);
                        i.consume_key(egui::Modifiers::NONE, egui::Key::Space);
                    });
                    self.focus_cell(row, column);
                }
                Some(problems::ProblemClick::Fix(edit)) => {
                    self.apply(edit);
                }
                None => {}
            }
        }
    }

    /// The table at the bottom, with the edits and row actions it asks for applied.
    fn table_panel(&mut self, ui: &mut egui::Ui, side: egui::Frame) {
        let visible = self.visible_rows();
        let problems = self.problem_counts();
        egui::Panel::bottom("table")
            .frame(side)
            .resizable(true)
            .default_size(300.0)
            .min_size(120.0)
            .show(ui, |ui| {
                // The panel keeps its height when a filter leaves few rows (its toolbar must
                // not move from under the pointer).
                ui.set_min_height(ui.available_height());
                ui.add_space(4.0);
                let shown = (visible.as_slice(), self.selected_place);
                let doc = self.session.doc();
                let actions = table::table_ui(ui, doc, shown, &mut self.table, problems);
                if actions.clear_place {
                    self.selected_place = None;
                }
                for e in actions.edits {
                    self.apply(e);
                }
                if let Some(action) = actions.rows {
                    self.row_action(action);
                }
            });
    }

    /// While files are dragged over the window: a dark overlay saying to drop them.
    pub(super) fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                crate::tr!("status-drop"),
                egui::TextStyle::Heading.resolve(&ctx.global_style()),
                egui::Color32::WHITE,
            );
        }
    }
}
