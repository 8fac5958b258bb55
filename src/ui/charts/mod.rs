//! The four metric charts: per-period stacked bars or cumulative lines per province, a legend
//! that hides and shows provinces, a hover tooltip, and the Export PNG… button.

use std::collections::BTreeSet;

use chrono::Datelike;
use egui::{Color32, Rect, RichText, Sense, Ui};
use egui_plot::{GridInput, GridMark, Line, Plot, PlotPoints};

use crate::analysis::{Granularity, MetricChart, Series, date_to_x, x_to_date};
use crate::data::document::{Document, Metric, Place};
use crate::ui::{reduce, theme};

/// What a chart asks the app to do after drawing.
#[derive(Default)]
pub struct ChartActions {
    /// The user clicked a legend entry: toggle this place.
    pub toggle: Option<Place>,
    /// The user clicked Export PNG… on this chart.
    pub export: bool,
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
    /// Hide the export button (the frame being captured).
    pub capturing: bool,
    /// First and last visible day keys: every chart shows the same time span.
    pub span: Option<(i32, i32)>,
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

fn trim_decimals(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Axis numbers: `6.58B`, `2M`, `12.5k`, `300`.
fn short_number(v: f64) -> String {
    let v = v + 0.0; // no "-0"
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    trim_decimals(format!("{scaled:.2}")) + suffix
}

fn period_x_range(g: Granularity, period: i32) -> (f64, f64) {
    (date_to_x(g.start(period)), date_to_x(g.end(period)))
}

/// Year, quarter or month marks depending on the visible span.
fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let span_years = (max - min) / 365.25;
    let first = x_to_date(min).year() - 1;
    let last = x_to_date(max).year() + 1;
    let mut marks = Vec::new();
    for year in first..=last {
        let months: &[u32] = if span_years > 8.0 {
            &[1]
        } else if span_years > 2.5 {
            &[1, 4, 7, 10]
        } else {
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        };
        for &m in months {
            let Some(d) = chrono::NaiveDate::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let x = date_to_x(d);
            if x < min || x > max {
                continue;
            }
            let step = if m == 1 {
                365.0
            } else if (m - 1) % 3 == 0 {
                91.0
            } else {
                30.0
            };
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
        }
    }
    marks
}

/// Value marks at 1, 2 or 5 × 10ⁿ, about four over the visible range, so every chart gets
/// readable labels however tall it is.
fn value_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let range = (max - min).abs();
    if !range.is_finite() || range <= 0.0 {
        return Vec::new();
    }
    let raw = range / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut marks = Vec::new();
    let mut v = (min / step).ceil() * step;
    while v <= max && marks.len() < 50 {
        marks.push(GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

fn date_label(mark: GridMark) -> String {
    let d = x_to_date(mark.value + 0.5);
    if d.month() == 1 {
        format!("{}", d.year())
    } else if mark.step_size >= 90.0 {
        format!("Q{}", (d.month() - 1) / 3 + 1)
    } else {
        d.format("%b").to_string()
    }
}

/// Draws one chart. Returns what the user asked for and where it was drawn.
pub fn chart_ui(ui: &mut Ui, input: &ChartInput<'_>, height: f32) -> (ChartActions, ChartLayout) {
    let metric = input.chart.metric;
    let mut actions = ChartActions::default();
    let mut layout = ChartLayout::default();
    let frame = theme::card_frame(ui.visuals()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(metric.title()).strong().size(15.0));
            let total: f64 = input.chart.series.iter().map(|s| s.total).sum();
            ui.label(
                RichText::new(format!("· {}", metric.format(total)))
                    .color(theme::weak_text(ui.visuals())),
            );
            let mode = if input.cumulative {
                "cumulative"
            } else {
                "per"
            };
            let per = if input.cumulative {
                String::new()
            } else {
                format!(" {}", input.granularity.label().to_lowercase())
            };
            ui.label(
                RichText::new(format!("({mode}{per})"))
                    .small()
                    .color(theme::weak_text(ui.visuals())),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if !input.capturing {
                    let b = ui.small_button("Export PNG…").on_hover_text(format!(
                        "Save the {} chart as a PNG picture",
                        metric.title().to_lowercase()
                    ));
                    let b = b.accessible_name(format!("Export PNG… {}", metric.title()));
                    if b.clicked() {
                        actions.export = true;
                    }
                } else {
                    ui.add_space(1.0);
                }
            });
        });
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
        let plot_height = (height - 70.0 - (planned - one_row).max(0.0)).max(80.0);
        layout.transform = Some(plot_ui(ui, input, plot_height));
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
        let measured = legend_rect.height();
        if (measured - planned).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(legend_id, measured));
            ui.ctx().request_discard("chart legend height changed");
        }
    });
    layout.frame = frame.response.rect;
    (actions, layout)
}

/// One bar as handed to the plot: centre, width and height (stacked by the plot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSpec {
    /// Centre on the x axis.
    pub x: f64,
    /// Width on the x axis.
    pub width: f64,
    /// Height (this series' share of the stack).
    pub value: f64,
}

/// What a chart hands to egui_plot, already reduced to its pixel width (see
/// [`crate::ui::reduce`]): cumulative lines, or per-period bars that every series has for the
/// same x positions so they stack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlotData {
    /// One line per series (cumulative mode).
    pub lines: Vec<(Place, Vec<[f64; 2]>)>,
    /// One bar list per series (per-period mode), all the same length.
    pub bars: Vec<(Place, Vec<BarSpec>)>,
}

impl PlotData {
    /// The most points (line points or bars) any one series hands to the plot.
    pub fn max_points_per_series(&self) -> usize {
        let lines = self.lines.iter().map(|(_, p)| p.len());
        let bars = self.bars.iter().map(|(_, b)| b.len());
        lines.chain(bars).max().unwrap_or(0)
    }
}

/// The periods any series has a point in, in order.
fn chart_periods(chart: &MetricChart) -> Vec<i32> {
    let mut periods: Vec<i32> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    periods
}

/// Builds what a chart plots for a plot `width_px` pixels wide showing `x_range`: no series
/// hands the plot more points than `width_px`. Lines keep one lowest/highest pair per two pixel
/// columns (and their first and last points); bars falling in the same pixel column are merged
/// into one bar holding their sum, at the same positions for every series so stacks stay
/// aligned. Sparse series (fewer points than pixels) are unchanged.
pub fn plot_data(
    chart: &MetricChart,
    g: Granularity,
    cumulative: bool,
    x_range: (f64, f64),
    width_px: usize,
) -> PlotData {
    let periods = chart_periods(chart);
    let width_px = width_px.max(4);
    if cumulative {
        let end = periods.last().map(|&p| period_x_range(g, p).1);
        let lines = chart
            .series
            .iter()
            .map(|s| {
                let pts = cumulative_points(s, g, end);
                (s.place, reduce::reduce_line(&pts, x_range, width_px / 2))
            })
            .collect();
        return PlotData {
            lines,
            bars: Vec::new(),
        };
    }
    let spans: Vec<(f64, f64)> = periods.iter().map(|&p| period_x_range(g, p)).collect();
    let groups = reduce::bar_groups(&spans, x_range, width_px);
    let bars = chart
        .series
        .iter()
        .map(|s| {
            // This series' value in every period of the chart (0 where it has none).
            let mut values = vec![0.0; periods.len()];
            let mut i = 0;
            for pt in &s.points {
                while i < periods.len() && periods[i] < pt.period {
                    i += 1;
                }
                if i < periods.len() && periods[i] == pt.period {
                    values[i] = pt.value;
                }
            }
            let bars = groups
                .iter()
                .map(|r| {
                    let (x0, x1) = (spans[r.start].0, spans[r.end - 1].1);
                    BarSpec {
                        x: (x0 + x1) / 2.0,
                        width: (x1 - x0) * 0.8,
                        value: values[r.clone()].iter().sum(),
                    }
                })
                .collect();
            (s.place, bars)
        })
        .collect();
    PlotData {
        lines: Vec::new(),
        bars,
    }
}

/// The x range the plot shows and its width in physical pixels: from the plot's last frame when
/// the user zoomed or moved it, else the range the chart asks for (which holds all its data).
fn shown_x_range_and_width(
    ui: &Ui,
    plot_id: egui::Id,
    wanted: (f64, f64),
    width_points: f32,
) -> ((f64, f64), usize) {
    let memory = egui_plot::PlotMemory::load(ui.ctx(), plot_id);
    let range = match &memory {
        Some(m) if !m.auto_bounds.x => {
            let r = m.bounds().range_x();
            (*r.start(), *r.end())
        }
        _ => wanted,
    };
    // The plot area of the last frame; on the first frame the widget less its value axis.
    let points = memory
        .map(|m| m.transform().frame().width())
        .filter(|w| *w > 0.0)
        .unwrap_or(width_points - 36.0);
    let pixels = (points * ui.ctx().pixels_per_point()).floor().max(1.0) as usize;
    (range, pixels)
}

fn plot_ui(ui: &mut Ui, input: &ChartInput<'_>, height: f32) -> egui_plot::PlotTransform {
    let metric = input.chart.metric;
    let g = input.granularity;
    let periods = chart_periods(input.chart);
    let plot_id = ui.make_persistent_id(("chart", metric.index()));
    let width = ui.available_width();
    let plot = Plot::new(("chart", metric.index()))
        .id(plot_id)
        .height(height)
        .width(width)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .x_grid_spacer(date_grid)
        .y_grid_spacer(value_grid)
        .x_axis_formatter(|mark, _| date_label(mark))
        .y_axis_formatter(|mark, _| short_number(mark.value))
        .y_axis_min_width(36.0);
    let span = input
        .span
        .map(|(a, b)| (g.period_of_key(a), g.period_of_key(b)));
    let (plot, wanted) = match span.or_else(|| Some((*periods.first()?, *periods.last()?))) {
        Some((a, b)) => {
            let (x0, _) = period_x_range(g, a);
            let (_, x1) = period_x_range(g, b);
            let pad = (x1 - x0).max(60.0) * 0.02;
            let wanted = (x0 - pad, x1 + pad);
            (plot.include_x(wanted.0).include_x(wanted.1), wanted)
        }
        None => {
            let wanted = (
                date_to_x(chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap_or_default()),
                date_to_x(chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default()),
            );
            (
                plot.include_x(wanted.0).include_x(wanted.1).include_y(1.0),
                wanted,
            )
        }
    };
    let (x_range, width_px) = shown_x_range_and_width(ui, plot_id, wanted, width);
    let data = plot_data(input.chart, g, input.cumulative, x_range, width_px);
    // The plot's background would repaint the card's own colour under the whole plot: only its
    // outline is drawn, in its place under the grid (software rendering shades every pixel of
    // every fill, so each full-size fill costs a frame real time).
    let background = ui.painter().add(egui::Shape::Noop);
    let plot = plot.show_background(false);
    // Stacked bars: each province's bar starts where the ones below it ended. They are painted
    // as one mesh over the plot (below), not as egui_plot bar charts: those compare every
    // province with every other to stack and tessellate each bar with anti-aliased edges, which
    // was most of a frame with 34 provinces.
    let mut stacked: Vec<(egui::Color32, f64, f64, f64, f64)> = Vec::new();
    let mut base: Vec<f64> = Vec::new();
    for (place, specs) in &data.bars {
        if base.len() < specs.len() {
            base.resize(specs.len(), 0.0);
        }
        let color = theme::place_color(*place);
        for (i, b) in specs.iter().enumerate() {
            if b.value == 0.0 {
                continue;
            }
            let (x0, x1) = (b.x - b.width / 2.0, b.x + b.width / 2.0);
            stacked.push((color, x0, x1, base[i], base[i] + b.value));
            base[i] += b.value;
        }
    }
    let top = base.iter().copied().fold(0.0, f64::max);
    let plot = if top > 0.0 {
        plot.include_y(top * 1.05)
    } else {
        plot
    };
    let response = plot.show(ui, |plot_ui| {
        for (place, pts) in data.lines {
            plot_ui.line(
                Line::new(Document::place_name(place), PlotPoints::from(pts))
                    .color(theme::place_color(place))
                    .width(2.0)
                    .allow_hover(false),
            );
        }
        plot_ui.pointer_coordinate()
    });
    let transform = response.transform;
    let rect = response.response.rect;
    if !stacked.is_empty() {
        let mut mesh = egui::Mesh::default();
        for &(color, x0, x1, y0, y1) in &stacked {
            let a = transform.position_from_point(&egui_plot::PlotPoint::new(x0, y1));
            let b = transform.position_from_point(&egui_plot::PlotPoint::new(x1, y0));
            mesh.add_colored_rect(egui::Rect::from_two_pos(a, b), color);
        }
        ui.painter()
            .with_clip_rect(*transform.frame())
            .add(egui::Shape::mesh(mesh));
    }
    ui.painter().with_clip_rect(rect).set(
        background,
        egui::epaint::RectShape::stroke(
            rect,
            2,
            ui.visuals().widgets.noninteractive.bg_stroke,
            egui::StrokeKind::Inside,
        ),
    );
    if let Some(pointer) = response.inner
        && response.response.hovered()
    {
        let hit = hover_hit(input, pointer.x, pointer.y, &transform);
        let weak = theme::weak_text(ui.visuals());
        response
            .response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, input, hit, weak));
    }
    transform
}

/// A cumulative line as steps: flat within a period, rising at its end; held to `end`.
fn cumulative_points(s: &Series, g: Granularity, end: Option<f64>) -> Vec<[f64; 2]> {
    let mut pts: Vec<[f64; 2]> = Vec::with_capacity(s.points.len() * 2 + 2);
    let mut level = s.level_before;
    for p in &s.points {
        let (x0, x1) = period_x_range(g, p.period);
        pts.push([x0, level]);
        level = p.level;
        pts.push([x1, level]);
    }
    if let (Some(end), Some(last)) = (end, pts.last().copied())
        && end > last[0]
    {
        pts.push([end, last[1]]);
    }
    pts
}

/// The period and place under the pointer.
#[derive(Clone, Copy, Debug)]
struct Hit {
    period: i32,
    place: Option<Place>,
}

fn hover_hit(input: &ChartInput<'_>, x: f64, y: f64, transform: &egui_plot::PlotTransform) -> Hit {
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

fn tooltip_ui(ui: &mut Ui, input: &ChartInput<'_>, hit: Hit, weak: Color32) {
    let metric = input.chart.metric;
    let g = input.granularity;
    ui.label(RichText::new(g.period_label(hit.period)).strong());
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
        ui.label(RichText::new("no figures in this period").color(weak));
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
        let events = if *n == 1 {
            "1 event".to_owned()
        } else {
            format!("{n} events")
        };
        let text = if input.cumulative {
            format!(
                "{}: {} total ({} this period, {events})",
                Document::place_name(s.place),
                metric.format(*level),
                metric.format(*value)
            )
        } else {
            format!(
                "{}: {} ({events})",
                Document::place_name(s.place),
                metric.format(*value)
            )
        };
        let mut rt = RichText::new(text).color(theme::place_color(s.place));
        if i == 0 && hit.place == Some(s.place) {
            rt = rt.strong();
        }
        ui.label(rt);
    }
    if rows.len() > 12 {
        ui.label(RichText::new(format!("… and {} more", rows.len() - 12)).color(weak));
    }
}

/// Rows of legend shown before the legend scrolls.
const LEGEND_MAX_ROWS: usize = 3;

/// Gap between legend entries.
const LEGEND_GAP: f32 = 10.0;

/// Width of each legend entry: a 10-point swatch, 4 points, the name.
fn legend_entry_widths(ui: &Ui, input: &ChartInput<'_>) -> Vec<f32> {
    input
        .all
        .series
        .iter()
        .map(|s| {
            let galley =
                egui::WidgetText::from(RichText::new(Document::place_name(s.place)).small())
                    .into_galley(
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
fn legend_rows(widths: &[f32], width: f32) -> usize {
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

/// Draws the legend entries, wrapped; returns where.
fn legend_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    widths: &[f32],
    actions: &mut ChartActions,
) -> Rect {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = LEGEND_GAP;
        if input.all.series.is_empty() {
            ui.label(
                RichText::new("No figures for this metric in the visible rows")
                    .color(theme::weak_text(ui.visuals())),
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
            let hidden = input.hidden.contains(&s.place);
            let color = if hidden {
                ui.visuals().weak_text_color()
            } else {
                theme::place_color(s.place)
            };
            let name = Document::place_name(s.place);
            let response = ui
                .horizontal(|ui| {
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
                    let mut text = RichText::new(name).small();
                    if hidden {
                        text = text.strikethrough().color(color);
                    }
                    ui.add(egui::Label::new(text).selectable(false))
                })
                .response
                .interact(Sense::click());
            let action = if hidden { "Show" } else { "Hide" };
            let response = response
                .on_hover_text(format!(
                    "{action} {name} in every chart, card and the table"
                ))
                .accessible_name(format!(
                    "{action} {name} ({})",
                    input.chart.metric.title().to_lowercase()
                ));
            response.widget_info(|| {
                egui::WidgetInfo::selected(
                    egui::Role::CheckBox,
                    true,
                    !hidden,
                    format!(
                        "{action} {name} ({})",
                        input.chart.metric.title().to_lowercase()
                    ),
                )
            });
            if response.clicked() {
                actions.toggle = Some(s.place);
            }
        }
    })
    .response
    .rect
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

#[cfg(test)]
mod tests {
    #[test]
    fn axis_numbers_are_short_up_to_trillions() {
        assert_eq!(super::short_number(2_500.0), "2.5k");
        assert_eq!(super::short_number(6e9), "6B");
        assert_eq!(super::short_number(1.5e13), "15T");
        assert_eq!(super::short_number(-0.0), "0");
    }

    use super::*;
    use crate::analysis::PeriodPoint;
    use crate::data::gazetteer::NATIONAL;

    /// A chart with `n` consecutive monthly periods per series (far denser than any real data),
    /// two series with different values.
    fn dense_chart(n: i32) -> MetricChart {
        let first = 1000 * 12;
        let series = [(Place::Region(NATIONAL), 1.0), (Place::Region(3), 7.0)]
            .into_iter()
            .map(|(place, scale)| {
                let mut level = 0.0;
                let points = (0..n)
                    .map(|i| {
                        let value = scale * f64::from((i * 7919) % 101);
                        level += value;
                        PeriodPoint {
                            period: first + i,
                            value,
                            rows: 1,
                            level,
                        }
                    })
                    .collect::<Vec<_>>();
                Series {
                    place,
                    total: level,
                    points,
                    level_before: 0.0,
                }
            })
            .collect();
        MetricChart {
            metric: Metric::Rigs,
            series,
        }
    }

    fn full_range(chart: &MetricChart, g: Granularity) -> (f64, f64) {
        let periods = chart_periods(chart);
        (
            period_x_range(g, periods[0]).0,
            period_x_range(g, periods[periods.len() - 1]).1,
        )
    }

    #[test]
    fn dense_bars_hand_no_more_bars_than_pixels() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        let width = 640;
        let data = plot_data(&chart, g, false, full_range(&chart, g), width);
        assert!(data.lines.is_empty());
        assert_eq!(data.bars.len(), 2);
        assert!(data.max_points_per_series() <= width);
        assert!(data.max_points_per_series() >= width - 2, "fills the width");
        // Every series has bars at the same positions, so the stacks line up.
        let xs = |i: usize| data.bars[i].1.iter().map(|b| b.x).collect::<Vec<_>>();
        assert_eq!(xs(0), xs(1));
        // Merged bars hold the sums of what they merge: nothing is lost.
        for ((_, bars), s) in data.bars.iter().zip(&chart.series) {
            let sum: f64 = bars.iter().map(|b| b.value).sum();
            assert_eq!(sum, s.total);
        }
    }

    #[test]
    fn dense_lines_hand_no_more_points_than_pixels() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        let width = 500;
        let data = plot_data(&chart, g, true, full_range(&chart, g), width);
        assert!(data.bars.is_empty());
        assert_eq!(data.lines.len(), 2);
        assert!(data.max_points_per_series() <= width);
        for ((_, pts), s) in data.lines.iter().zip(&chart.series) {
            let full = cumulative_points(s, g, full_range(&chart, g).1.into());
            assert!(full.len() > 10 * width);
            assert_eq!(pts.first(), full.first());
            assert_eq!(pts.last(), full.last());
            let top = |p: &[[f64; 2]]| p.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
            assert_eq!(top(pts), top(&full));
        }
    }

    #[test]
    fn zoomed_dense_chart_keeps_every_bar_in_view() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        // 200 months in view on a 640-pixel plot: each month keeps its own bar.
        let periods = chart_periods(&chart);
        let range = (
            period_x_range(g, periods[5_000]).0,
            period_x_range(g, periods[5_199]).1,
        );
        let data = plot_data(&chart, g, false, range, 640);
        let bars = &data.bars[1].1;
        assert!(bars.len() <= 640);
        for (i, &p) in periods[5_000..5_200].iter().enumerate() {
            let (x0, x1) = period_x_range(g, p);
            let bar = bars
                .iter()
                .find(|b| b.x == (x0 + x1) / 2.0)
                .unwrap_or_else(|| panic!("month {i} in view has its own bar"));
            assert_eq!(bar.value, chart.series[1].points[5_000 + i].value);
        }
    }

    #[test]
    fn legend_rows_wrap_entries_that_do_not_fit() {
        assert_eq!(legend_rows(&[], 100.0), 1);
        assert_eq!(legend_rows(&[40.0, 40.0], 100.0), 1); // 40 + 10 + 40
        assert_eq!(legend_rows(&[40.0, 40.0, 40.0], 100.0), 2);
        assert_eq!(legend_rows(&[150.0, 150.0], 100.0), 2); // one too wide still takes a row
        assert_eq!(legend_rows(&[60.0; 34], 500.0), 5); // 7 a row
    }

    #[test]
    fn sparse_charts_are_plotted_as_they_are() {
        let g = Granularity::Quarter;
        let mut chart = dense_chart(24);
        for s in &mut chart.series {
            for p in &mut s.points {
                p.period = 2017 * 4 + (p.period - 1000 * 12);
            }
        }
        let range = full_range(&chart, g);
        let bars = plot_data(&chart, g, false, range, 800);
        assert_eq!(bars.bars[0].1.len(), 24);
        let first = chart.series[0].points[0];
        let (x0, x1) = period_x_range(g, first.period);
        assert_eq!(
            bars.bars[0].1[0],
            BarSpec {
                x: (x0 + x1) / 2.0,
                width: (x1 - x0) * 0.8,
                value: first.value
            }
        );
        let lines = plot_data(&chart, g, true, range, 800);
        let full = cumulative_points(&chart.series[1], g, Some(range.1));
        assert_eq!(lines.lines[1].1, full);
    }
}
