//! The chart's hover tooltip: which period and place are under the pointer, and the list of
//! places with their figures in that period.

use chrono::Datelike;
use egui::{Color32, RichText, Ui};

use crate::analysis::{Series, x_to_date};
use crate::data::document::Place;
use crate::ui::{theme, words};

use super::ChartInput;

/// The period and place under the pointer.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    period: i32,
    place: Option<Place>,
}

impl Hit {
    pub(super) fn period(self) -> i32 {
        self.period
    }
    /// The place under the pointer, if any.
    pub(super) fn place(self) -> Option<Place> {
        self.place
    }
}

pub(super) fn hover_hit(
    input: &ChartInput<'_>,
    x: f64,
    y: f64,
    transform: &egui_plot::PlotTransform,
) -> Hit {
    let g = input.granularity;
    let period = g.period_of_key({
        let d = x_to_date(x);
        d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
    });
    let series = &input.chart.series;
    let place = if input.cumulative {
        // Nearest line within 12 px.
        let py = transform.position_from_point_y(y);
        series
            .iter()
            .map(|s| {
                let level = s
                    .points
                    .iter()
                    .take_while(|p| p.period <= period)
                    .last()
                    .map_or(s.level_before, |p| p.level);
                (s.place, (transform.position_from_point_y(level) - py).abs())
            })
            .filter(|(_, d)| *d <= 12.0)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(p, _)| p)
    } else {
        let mut base = 0.0;
        let mut found = None;
        for s in series {
            let v = s
                .points
                .iter()
                .find(|p| p.period == period)
                .map_or(0.0, |p| p.value);
            if v > 0.0 && y >= base && y <= base + v {
                found = Some(s.place);
            }
            base += v;
        }
        found
    };
    Hit { period, place }
}

pub(super) fn tooltip_ui(ui: &mut Ui, input: &ChartInput<'_>, hit: Hit, weak: Color32) {
    let metric = input.chart.metric;
    let g = input.granularity;
    ui.label(RichText::new(words::period_label(g, hit.period)).strong());
    let mut rows: Vec<(&Series, f64, f64, u32)> = input
        .chart
        .series
        .iter()
        .filter_map(|s| {
            let pt = s.points.iter().find(|p| p.period == hit.period);
            let level = s
                .points
                .iter()
                .take_while(|p| p.period <= hit.period)
                .last()
                .map_or(s.level_before, |p| p.level);
            let value = pt.map_or(0.0, |p| p.value);
            let n = pt.map_or(0, |p| p.rows);
            (n > 0 || (input.cumulative && level > 0.0)).then_some((s, value, level, n))
        })
        .collect();
    if rows.is_empty() {
        ui.label(RichText::new(crate::tr!("tooltip-no-figures")).color(weak));
        return;
    }
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The hovered province first.
    if let Some(place) = hit.place
        && let Some(pos) = rows.iter().position(|r| r.0.place == place)
    {
        let r = rows.remove(pos);
        rows.insert(0, r);
    }
    for (i, (s, value, level, n)) in rows.iter().enumerate().take(12) {
        let events = words::events(*n);
        let place = super::other::series_name(input, s.place);
        let text = if input.cumulative {
            crate::tr!(
                "tooltip-line-cumulative",
                place = place,
                level = words::figure(metric, *level),
                value = words::figure(metric, *value),
                events = events
            )
        } else {
            crate::tr!(
                "tooltip-line",
                place = place,
                value = words::figure(metric, *value),
                events = events
            )
        };
        let mut rt = RichText::new(text).color(theme::place_color(s.place));
        if i == 0 && hit.place == Some(s.place) {
            rt = rt.strong();
        }
        ui.label(rt);
        if i == 0 && hit.place == Some(s.place) {
            hovered_events(ui, input, hit);
        }
    }
    if hit.place == Some(super::other::OTHER) {
        ui.label(RichText::new(super::other::members_hint(input.other)).color(weak));
    }
    if rows.len() > 12 {
        let more = (rows.len() - 12).to_string();
        ui.label(RichText::new(crate::tr!("tooltip-more", n = more)).color(weak));
    }
}

/// The events behind the hovered province's figure in the hovered period, when the app has
/// found them (a frame after the pointer came).
fn hovered_events(ui: &mut Ui, input: &ChartInput<'_>, hit: Hit) {
    let Some(place) = hit.place else { return };
    let figure = crate::ui::events::Figure {
        metric: input.chart.metric,
        place,
        periods: hit.period..=hit.period,
    };
    if let Some(list) = crate::ui::events::Hovered::of(input.events, &figure) {
        ui.indent("events", |ui| crate::ui::events::list_ui(ui, &list, false));
    }
}
