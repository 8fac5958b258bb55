//! The map's legend: the metric, one swatch per class with its bounds in the metric's units
//! ("80 – 190 rigs" reads as a count, "1.2 million kWh – …"), then zero and no data, which are
//! no class of the ramp.

use egui::{Color32, RichText, Ui};

use crate::data::document::Metric;
use crate::map::scale::{Fill, Scale};
use crate::map::values::MapValues;
use crate::ui::{theme, words};

fn swatch(ui: &mut Ui, fill: Color32, text: &str) {
    ui.horizontal(|ui| {
        let (r, painter) = ui.allocate_painter(egui::vec2(18.0, 12.0), egui::Sense::hover());
        painter.rect_filled(r.rect, 2.0, fill);
        painter.rect_stroke(
            r.rect,
            2.0,
            egui::Stroke::new(0.5, theme::weak_text(ui.visuals())),
            egui::StrokeKind::Inside,
        );
        ui.label(text);
    });
}

/// The legend beside the map.
pub(super) fn legend(ui: &mut Ui, scale: &Scale, values: &MapValues, metric: Metric) {
    ui.label(RichText::new(words::metric_title(metric)).strong());
    let color = |f: Fill| {
        let [r, g, b] = scale.color(f);
        Color32::from_rgb(r, g, b)
    };
    for i in (0..scale.classes()).rev() {
        let (lo, hi) = scale.bounds(i);
        let text = if lo == hi {
            words::figure(metric, lo)
        } else {
            format!(
                "{} – {}",
                words::figure(metric, lo),
                words::figure(metric, hi)
            )
        };
        swatch(ui, color(Fill::Class(i)), &text);
    }
    if values.values.iter().flatten().any(|v| v.value == 0.0) {
        swatch(ui, color(Fill::Zero), "0");
    }
    swatch(ui, color(Fill::NoData), &crate::tr!("map-no-data"));
    ui.add_space(6.0);
    ui.label(
        RichText::new(crate::tr!("map-origin"))
            .small()
            .color(theme::weak_text(ui.visuals())),
    );
}
