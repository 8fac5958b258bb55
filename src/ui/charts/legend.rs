//! The chart's legend: one entry per place, wrapped onto rows, that hides or shows the place
//! when clicked. How much height it takes from the plot is planned in `mod.rs`.

use egui::{Rect, RichText, Sense, Ui};

use crate::ui::focus::ClickableGroup as _;
use crate::ui::{theme, words};

use super::{ChartActions, ChartInput};

/// Rows of legend shown before the legend scrolls.
pub(super) const LEGEND_MAX_ROWS: usize = 3;

/// Gap between legend entries.
const LEGEND_GAP: f32 = 10.0;

/// Width of each legend entry: a 10-point swatch, 4 points, the name.
pub(super) fn legend_entry_widths(ui: &Ui, input: &ChartInput<'_>) -> Vec<f32> {
    input
        .all
        .series
        .iter()
        .map(|s| {
            let name = super::other::series_name(input, s.place);
            let galley = egui::WidgetText::from(RichText::new(name).small()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Small,
            );
            10.0 + 4.0 + galley.size().x
        })
        .collect()
}

/// Rows a legend with entries this wide needs in `width`.
pub(super) fn legend_rows(widths: &[f32], width: f32) -> usize {
    let mut rows = 1;
    let mut x = 0.0;
    for &w in widths {
        if x > 0.0 && x + w > width {
            rows += 1;
            x = 0.0;
        }
        x += w + LEGEND_GAP;
    }
    rows
}

/// The selected province's entry: a ring round its swatch and its name strong and underlined.
fn marked(painter: &egui::Painter, swatch: Rect, ring: egui::Color32, text: RichText) -> RichText {
    painter.rect_stroke(
        swatch.expand(2.0),
        3.0,
        egui::Stroke::new(1.5, ring),
        egui::StrokeKind::Outside,
    );
    text.strong().underline()
}

/// Draws the legend entries, wrapped; returns where.
pub(super) fn legend_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    widths: &[f32],
    actions: &mut ChartActions,
) -> Rect {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = LEGEND_GAP;
        if input.all.series.is_empty() {
            ui.label(
                RichText::new(crate::tr!("chart-no-figures")).color(theme::weak_text(ui.visuals())),
            );
        }
        for (i, s) in input.all.series.iter().enumerate() {
            // An entry is a group of widgets, which the wrapping layout would not move to the
            // next row by itself: wrap before one that does not fit.
            let width = widths.get(i).copied().unwrap_or(0.0);
            if ui.cursor().min.x > ui.max_rect().left() + 0.5
                && ui.available_size_before_wrap().x < width
            {
                ui.end_row();
            }
            if s.place == super::other::OTHER {
                super::other::legend_entry(ui, input, s);
                continue;
            }
            let hidden = input.hidden.contains(&s.place);
            let selected = input.selected == Some(s.place);
            let color = if hidden {
                ui.visuals().weak_text_color()
            } else {
                theme::place_color(s.place)
            };
            let name = words::place_name(s.place);
            let response = ui
                .clickable_horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    let (r, painter) = ui.allocate_painter(egui::vec2(10.0, 10.0), Sense::hover());
                    if hidden {
                        painter.rect_stroke(
                            r.rect,
                            2.0,
                            egui::Stroke::new(1.0, color),
                            egui::StrokeKind::Inside,
                        );
                    } else {
                        painter.rect_filled(r.rect, 2.0, color);
                    }
                    let mut text = RichText::new(&name).small();
                    if hidden {
                        text = text.strikethrough().color(color);
                    }
                    if selected {
                        let ring = ui.visuals().strong_text_color();
                        text = marked(ui.painter(), r.rect, ring, text);
                    }
                    ui.add(egui::Label::new(text).selectable(false))
                })
                .response;
            let metric = words::metric_lower(input.chart.metric);
            let selection_hint =
                selected.then(|| crate::tr!("selection-legend-hint", place = name.clone()));
            let (hint, accessible) = if hidden {
                (
                    crate::tr!("legend-show-hint", place = name.clone()),
                    crate::tr!("legend-show-name", place = name, metric = metric),
                )
            } else {
                (
                    crate::tr!("legend-hide-hint", place = name.clone()),
                    crate::tr!("legend-hide-name", place = name, metric = metric),
                )
            };
            let hint = match selection_hint {
                Some(line) => format!("{hint}\n{line}"),
                None => hint,
            };
            let response = response
                .on_hover_text(hint)
                .accessible_name(accessible.clone());
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::CheckBox, true, !hidden, accessible.clone())
            });
            if response.clicked() {
                actions.toggle = Some(s.place);
            }
        }
    })
    .response
    .rect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_rows_wrap_entries_that_do_not_fit() {
        assert_eq!(legend_rows(&[], 100.0), 1);
        assert_eq!(legend_rows(&[40.0, 40.0], 100.0), 1); // 40 + 10 + 40
        assert_eq!(legend_rows(&[40.0, 40.0, 40.0], 100.0), 2);
        assert_eq!(legend_rows(&[150.0, 150.0], 100.0), 2); // one too wide still takes a row
        assert_eq!(legend_rows(&[60.0; 34], 500.0), 5); // 7 a row
    }
}
