//! Summary cards: totals of what is visible.

use egui::{RichText, Ui};

use crate::analysis::{View, day_key_label};
use crate::data::document::Metric;
use crate::ui::theme;

fn card(ui: &mut Ui, title: &str, value: &str, width: f32) {
    // Long values (the date span) get a smaller size so the card keeps one line.
    let size = if value.chars().count() > 16 {
        15.0
    } else {
        18.0
    };
    theme::card_frame(ui.visuals()).show(ui, |ui| {
        ui.set_width(width);
        ui.vertical(|ui| {
            ui.label(
                RichText::new(title)
                    .small()
                    .color(theme::weak_text(ui.visuals())),
            );
            let value_label = ui.label(RichText::new(value).strong().size(size));
            // A screen reader (and a test) reads the card as "Rigs seized: 52,170".
            let _ = value_label.accessible_name(format!("{title}: {value}"));
        });
    });
}

/// One row of cards: a total per metric, provinces, date span.
pub fn cards_ui(ui: &mut Ui, view: &View) {
    let n = 6.0;
    let spacing = ui.spacing().item_spacing.x;
    let width =
        ((ui.available_width() - spacing * (n - 1.0)) / n - 2.0 * f32::from(theme::PAD) - 2.0)
            .max(60.0);
    ui.horizontal(|ui| {
        for m in Metric::ALL {
            card(ui, m.title(), &m.format(view.totals[m.index()]), width);
        }
        card(ui, "Provinces", &view.provinces.to_string(), width);
        let span = match (view.first_day, view.last_day) {
            (Some(a), Some(b)) => format!("{} – {}", day_key_label(a), day_key_label(b)),
            _ => "no dated rows".to_owned(),
        };
        card(ui, "Date span", &span, width);
    });
}
