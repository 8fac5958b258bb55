//! The tip strip shown over the bundled sample data: three short tips on one line and Dismiss,
//! quiet like an editor's info bar (LibreOffice, VS Code), not a dialog. The app decides when it
//! is shown and remembers a Dismiss in the settings.

use egui::RichText;

use super::theme;

/// The three tips, in the interface's language.
pub fn tips() -> [String; 3] {
    [
        crate::tr!(
            "firstrun-tip-open",
            file = crate::tr!("menu-file"),
            open = crate::tr!("menu-open")
        ),
        crate::tr!("firstrun-tip-edit"),
        crate::tr!("firstrun-tip-export"),
    ]
}

/// Lays out the strip in `ui` (a panel of its own); true when Dismiss was clicked.
pub fn tip_strip(ui: &mut egui::Ui) -> bool {
    let mut dismissed = false;
    ui.horizontal(|ui| {
        let weak = theme::weak_text(ui.visuals());
        ui.label(RichText::new(crate::tr!("firstrun-tips")).color(weak));
        for (i, tip) in tips().into_iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("·").color(weak));
            }
            ui.label(tip);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            dismissed = ui
                .small_button(crate::tr!("firstrun-dismiss"))
                .on_hover_text(crate::tr!("firstrun-dismiss-hint"))
                .accessible_name(crate::tr!("firstrun-dismiss-name"))
                .clicked();
        });
    });
    dismissed
}
