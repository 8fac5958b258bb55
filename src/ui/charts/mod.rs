//! The four metric charts: per-period stacked bars or cumulative lines per province, a legend
//! that hides and shows provinces, a hover tooltip, the Export… button (it opens the export
//! dialog) and the "About this chart" line (also the plot's accessible description).
//!
//! This file holds what the app hands a chart and gets back, and the chart's card (title row,
//! plot, legend); the axes, the data plotted, the plot, its tooltip and the legend live in the
//! files next to it.

mod axes;
mod data;
mod hover;
mod legend;
mod markers;
mod multiples;
mod other;
mod plot;
mod ranking;

use std::collections::BTreeSet;

use egui::{Rect, RichText, Ui};

use crate::analysis::{Granularity, MetricChart};
use crate::data::document::{Metric, Place};
use crate::picture::ChartKind;
use crate::ui::{theme, words};

pub use data::{BarSpec, PlotData, plot_data};
pub use markers::{DayMarkers, by_day};
pub use other::{Grouped, OTHER, group as group_top_n, top_n_view};

use axes::period_x_range;
use legend::{LEGEND_MAX_ROWS, legend_entry_widths, legend_rows, legend_ui};
use plot::plot_ui;

/// What a chart asks the app to do after drawing.
#[derive(Default)]
pub struct ChartActions {
    /// The user clicked a legend entry: toggle this place.
    pub toggle: Option<Place>,
    /// The user clicked a province in the chart: select it in every view.
    pub select: Option<Place>,
    /// The user clicked Export… on this chart.
    pub export: bool,
    /// The place and period under the pointer: the app finds the events behind them (shown in
    /// the tooltip from `ChartInput::events`).
    pub hovered: Option<(Place, i32)>,
    /// The user clicked a place's bar or point: pin its events in a popup there.
    pub pin: Option<(Place, i32, egui::Pos2)>,
}

/// Everything one chart needs to draw itself.
pub struct ChartInput<'a> {
    /// Visible series of the metric.
    pub chart: &'a MetricChart,
    /// Series of the metric ignoring hidden provinces (for the legend).
    pub all: &'a MetricChart,
    /// Hidden places.
    pub hidden: &'a BTreeSet<Place>,
    /// Grouping.
    pub granularity: Granularity,
    /// Cumulative lines instead of per-period bars.
    pub cumulative: bool,
    /// How the metric is charted (`cumulative` is `kind == Cumulative`).
    pub kind: crate::picture::ChartKind,
    /// The province selected in any view: highlighted.
    pub selected: Option<Place>,
    /// The "About this chart" sentence (`crate::analysis::describe::about`).
    pub about: &'a str,
    /// First and last visible day keys: every chart shows the same time span.
    pub span: Option<(i32, i32)>,
    /// Keep the N largest provinces in the bars and lines and sum the rest into Other.
    pub top_n: Option<usize>,
    /// The provinces summed into Other (empty unless `top_n` grouped some; set by `chart_ui`).
    pub other: &'a [Place],
    /// The policy timeline's markers by day (empty when it is switched off); drawn on the bars
    /// and the lines.
    pub markers: &'a [DayMarkers],
    /// The events behind the figure hovered (found by the app from `ChartActions::hovered`).
    pub events: Option<&'a crate::ui::events::Hovered>,
}

impl Default for ChartLayout {
    fn default() -> Self {
        ChartLayout {
            frame: Rect::NOTHING,
            transform: None,
        }
    }
}

/// Where the chart was drawn (for export and tests).
#[derive(Clone, Copy, Debug)]
pub struct ChartLayout {
    /// The chart's whole frame: title, plot and legend.
    pub frame: Rect,
    /// Plot transform of the last frame.
    pub transform: Option<egui_plot::PlotTransform>,
}

/// The chart's title row: metric, total, mode and the Export… button.
fn title_row(ui: &mut Ui, input: &ChartInput<'_>, actions: &mut ChartActions) {
    let metric = input.chart.metric;
    ui.horizontal(|ui| {
        let title = words::metric_title(metric);
        ui.label(RichText::new(&title).strong().size(15.0));
        let total: f64 = input.chart.series.iter().map(|s| s.total).sum();
        ui.label(
            RichText::new(crate::tr!(
                "chart-total",
                total = words::figure(metric, total)
            ))
            .color(theme::weak_text(ui.visuals())),
        );
        let mode = if input.kind == ChartKind::Ranking {
            crate::tr!("views-mode-ranking")
        } else if input.cumulative {
            crate::tr!("chart-mode-cumulative")
        } else {
            let period = crate::ui::filters::granularity_name(input.granularity);
            crate::tr!("chart-mode-per", period = period.to_lowercase())
        };
        ui.label(
            RichText::new(mode)
                .small()
                .color(theme::weak_text(ui.visuals())),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let b = ui
                .small_button(crate::tr!("chart-export"))
                .on_hover_text(crate::tr!(
                    "chart-export-hint",
                    metric = words::metric_lower(metric)
                ));
            let b = b.accessible_name(crate::tr!("chart-export-name", metric = title));
            if b.clicked() {
                actions.export = true;
            }
        });
    });
}

/// Draws one chart. Returns what the user asked for and where it was drawn.
pub fn chart_ui(ui: &mut Ui, input: &ChartInput<'_>, height: f32) -> (ChartActions, ChartLayout) {
    // Top N and Other: the bars and lines (and their legend) of the grouped chart.
    let grouped = other::grouped(input);
    let input = &match &grouped {
        Some(g) => ChartInput {
            chart: &g.chart,
            all: &g.all,
            other: &g.other,
            ..*input
        },
        None => ChartInput { ..*input },
    };
    let metric = input.chart.metric;
    let mut actions = ChartActions::default();
    let mut layout = ChartLayout::default();
    let frame = theme::card_frame(ui.visuals()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        title_row(ui, input, &mut actions);
        // A legend of many provinces wraps onto more rows (up to LEGEND_MAX_ROWS, then it
        // scrolls); the plot gives up the height of the rows past the first, so the chart keeps
        // its size. The legend's height is measured each frame; when it differs from the one
        // planned for, the pass is laid out again at once (not on a later frame).
        let widths = legend_entry_widths(ui, input);
        let rows = legend_rows(&widths, ui.available_width());
        let one_row = ui.spacing().interact_size.y;
        let row_pitch = one_row + ui.spacing().item_spacing.y;
        let legend_id = egui::Id::unique(("chart legend height", metric.index()));
        let planned = ui
            .data(|d| d.get_temp::<f32>(legend_id))
            .unwrap_or((rows.min(LEGEND_MAX_ROWS) - 1) as f32 * row_pitch + one_row);
        let about_height = if input.about.is_empty() {
            0.0
        } else {
            row_pitch
        };
        let plot_height = (height - 70.0 - about_height - (planned - one_row).max(0.0)).max(80.0);
        match input.kind {
            ChartKind::Multiples => multiples::multiples_ui(ui, input, plot_height, &mut actions),
            ChartKind::Ranking => ranking::ranking_ui(ui, input, plot_height, &mut actions),
            ChartKind::Bars | ChartKind::Cumulative => {
                layout.transform = Some(plot_ui(ui, input, plot_height, &mut actions));
            }
        }
        let legend_rect = if rows > LEGEND_MAX_ROWS {
            egui::ScrollArea::vertical()
                .id_salt(("legend", metric.index()))
                .max_height(LEGEND_MAX_ROWS as f32 * row_pitch - ui.spacing().item_spacing.y)
                .min_scrolled_height(0.0)
                .auto_shrink([false, true])
                .show(ui, |ui| legend_ui(ui, input, &widths, &mut actions))
                .inner_rect
        } else {
            legend_ui(ui, input, &widths, &mut actions)
        };
        if !input.about.is_empty() {
            ui.label(
                RichText::new(input.about)
                    .small()
                    .color(theme::weak_text(ui.visuals())),
            );
        }
        let measured = legend_rect.height();
        if (measured - planned).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(legend_id, measured));
            ui.ctx().request_discard("chart legend height changed");
        }
    });
    layout.frame = frame.response.rect;
    if actions.select == Some(OTHER) {
        // Other is not one province: nothing to select.
        actions.select = None;
    }
    (actions, layout)
}

/// The screen position of a place's bar or line point in a period (for tests and tooltips).
pub fn point_position(
    layout: &ChartLayout,
    chart: &MetricChart,
    granularity: Granularity,
    cumulative: bool,
    place: Place,
    period: i32,
) -> Option<egui::Pos2> {
    let t = layout.transform?;
    let (x0, x1) = period_x_range(granularity, period);
    let mut base = 0.0;
    for s in &chart.series {
        let pt = s.points.iter().find(|p| p.period == period);
        let v = pt.map_or(0.0, |p| p.value);
        if s.place == place {
            let y = if cumulative {
                pt?.level
            } else {
                base + v / 2.0
            };
            let x = if cumulative {
                x1 - 0.01
            } else {
                (x0 + x1) / 2.0
            };
            return Some(t.position_from_point(&egui_plot::PlotPoint::new(x, y)));
        }
        base += v;
    }
    None
}

/// Which metric each chart shows, in order.
pub const METRICS: [Metric; 4] = Metric::ALL;
