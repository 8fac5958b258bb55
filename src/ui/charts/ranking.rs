//! The ranking on screen: one horizontal bar per province with figures, its total over the date
//! range, largest on top, named on the left and its value written at the bar's end, in the
//! province's colour; the value axis's marks above (the exports' ticks); scrolling when the bars
//! do not fit. Hovering a bar shows its province, total and events; clicking selects the
//! province; the selected one is outlined and the others faded.

use egui::{Align2, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::analysis::Series;
use crate::picture::{ticks, units};
use crate::ui::{theme, words};

use super::multiples::{ordered, place_tooltip, shown_color};
use super::{ChartActions, ChartInput};

/// One bar's row.
const ROW: f32 = 22.0;
/// The size of the names and values.
const TEXT: f32 = 12.0;

/// Where the bars go: the value at the plot's right edge, the x of its left and right edges.
struct Scale {
    top: f64,
    left: f32,
    right: f32,
}

impl Scale {
    fn x(&self, v: f64) -> f32 {
        self.left + (v / self.top) as f32 * (self.right - self.left)
    }
}

/// Draws the ranking in `height` points; a click on a bar asks to select its province.
pub(super) fn ranking_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    height: f32,
    actions: &mut ChartActions,
) {
    let metric = input.chart.metric;
    let lang = words::units_lang();
    let series: Vec<&Series> = ordered(input)
        .into_iter()
        .filter(|s| s.total > 0.0)
        .collect();
    let width = ui.available_width();
    let max = series.first().map_or(0.0, |s| s.total);
    let count = f64::from((width / 120.0).clamp(2.0, 6.0));
    let (top, marks, step) = ticks::zero_based_axis(max, count);
    let axis_scale = units::axis_scale(metric, top, lang);
    let weak = theme::weak_text(ui.visuals());
    let header = ui.label(
        RichText::new(units::axis_title(metric, axis_scale, lang))
            .small()
            .color(weak),
    );
    if series.is_empty() {
        return;
    }
    let font = FontId::proportional(TEXT);
    let text_width = |ui: &Ui, text: String| {
        ui.painter()
            .layout_no_wrap(text, font.clone(), weak)
            .size()
            .x
    };
    let names: Vec<String> = series.iter().map(|s| words::place_name(s.place)).collect();
    let values: Vec<String> = series
        .iter()
        .map(|s| words::figure(metric, s.total))
        .collect();
    let name_w = names
        .iter()
        .map(|n| text_width(ui, n.clone()))
        .fold(0.0, f32::max)
        .min(width * 0.35)
        + 8.0;
    let value_w = values
        .iter()
        .map(|v| text_width(ui, v.clone()))
        .fold(0.0, f32::max)
        + 8.0;
    let left = ui.cursor().left();
    let scale = Scale {
        top,
        left: left + name_w,
        right: (left + width - value_w).max(left + name_w + 10.0),
    };
    // The value axis's marks, above the bars (they stay while the bars scroll).
    let (marks_rect, _) = ui.allocate_exact_size(vec2(width, 13.0), Sense::hover());
    for &t in &marks {
        ui.painter().text(
            pos2(scale.x(t), marks_rect.bottom()),
            Align2::CENTER_BOTTOM,
            units::tick_label(t, step, axis_scale),
            FontId::proportional(9.5),
            weak,
        );
    }
    let used = header.rect.height() + marks_rect.height() + 2.0 * ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt(("ranking", metric.index()))
        .max_height((height - used).max(ROW))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for (i, s) in series.iter().enumerate() {
                let row = Row {
                    name: &names[i],
                    value: &values[i],
                    marks: &marks,
                };
                if bar_ui(ui, input, s, &scale, &row) {
                    actions.select = Some(s.place);
                }
            }
        });
}

/// A bar's texts and the value axis's marks (its grid lines).
struct Row<'a> {
    name: &'a str,
    value: &'a str,
    marks: &'a [f64],
}

/// One bar's row; returns whether it was clicked.
fn bar_ui(ui: &mut Ui, input: &ChartInput<'_>, s: &Series, scale: &Scale, row: &Row<'_>) -> bool {
    let metric = input.chart.metric;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW), Sense::click());
    let accessible = crate::tr!(
        "views-bar-name",
        metric = words::metric_title(metric),
        place = row.name.to_owned(),
        value = row.value.to_owned()
    );
    let selected = input.selected == Some(s.place);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, accessible.clone()));
    // Screen readers say which province is the selected one (outlined).
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_selected(selected));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
        if response.hovered() {
            painter.rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let grid = egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
        for &t in row.marks {
            painter.vline(scale.x(t).round(), rect.y_range(), grid);
        }
        let text_color = if input.selected.is_some() && !selected {
            theme::weak_text(visuals)
        } else {
            visuals.text_color()
        };
        let font = FontId::proportional(TEXT);
        painter.text(
            pos2(scale.left - 6.0, rect.center().y),
            Align2::RIGHT_CENTER,
            row.name,
            font.clone(),
            text_color,
        );
        let end = scale.x(s.total).max(scale.left + 1.0);
        let bar = Rect::from_min_max(
            pos2(scale.left, rect.top() + ROW * 0.15),
            pos2(end, rect.bottom() - ROW * 0.15),
        );
        painter.rect_filled(bar, 1.0, shown_color(input, s.place));
        if selected {
            painter.rect_stroke(
                bar.expand(1.0),
                1.0,
                egui::Stroke::new(2.0, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
        painter.text(
            pos2(end + 4.0, rect.center().y),
            Align2::LEFT_CENTER,
            row.value,
            font,
            text_color,
        );
        let axis = egui::Stroke::new(1.0, theme::weak_text(visuals));
        painter.vline(scale.left.round(), rect.y_range(), axis);
    }
    let response = response.on_hover_ui(|ui| place_tooltip(ui, input, s));
    response.clicked()
}
