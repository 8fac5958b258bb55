//! The plot of one chart: the egui_plot widget with its axes and the range it shows, the
//! cumulative lines, the stacked bars painted as one mesh over it, its outline, and the hover
//! tooltip. What is plotted is built in `data.rs`.

use egui::Ui;
use egui_plot::{Line, Plot, PlotPoints, PlotTransform};

use crate::analysis::date_to_x;
use crate::picture::units;
use crate::ui::theme;

use super::axes::{date_grid, date_label, period_x_range, value_grid, value_label};
use super::data::{PlotData, chart_periods, plot_data};
use super::hover::{hover_hit, tooltip_ui};
use super::markers;
use super::{ChartActions, ChartInput};
use crate::data::document::Place;

/// One stacked bar in plot coordinates: colour, x from and to, y from and to.
type StackedBar = (egui::Color32, f64, f64, f64, f64);

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

/// The plot widget: fixed (no zoom, scroll or drag), date and value axes; the value axis in
/// the unit its largest value reads best in, titled with it.
fn new_plot<'a>(input: &ChartInput<'_>, plot_id: egui::Id, width: f32, height: f32) -> Plot<'a> {
    let metric = input.chart.metric;
    let max = crate::picture::chart::value_max(input.chart, input.cumulative);
    let lang = crate::ui::words::units_lang();
    let scale = units::axis_scale(metric, max, lang);
    let metric_index = metric.index();
    Plot::new(("chart", metric_index))
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
        .y_axis_formatter(move |mark, _| value_label(mark, scale))
        .y_axis_label(egui::RichText::new(units::axis_title(metric, scale, lang)).small())
        .y_axis_min_width(36.0)
}

/// The x range the chart asks for: the shared time span (or the chart's own periods), padded;
/// 2017 to 2023 when there is nothing to show. The plot includes it.
fn include_wanted<'a>(
    plot: Plot<'a>,
    input: &ChartInput<'_>,
    periods: &[i32],
) -> (Plot<'a>, (f64, f64)) {
    let g = input.granularity;
    let span = input
        .span
        .map(|(a, b)| (g.period_of_key(a), g.period_of_key(b)));
    match span.or_else(|| Some((*periods.first()?, *periods.last()?))) {
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
    }
}

/// How much of its colour a province not selected keeps while another one is selected.
const FADED: f32 = 0.3;

/// A province's colour in this chart: faded while another province is selected.
fn highlighted(place: Place, selected: Option<Place>) -> egui::Color32 {
    let color = theme::place_color(place);
    match selected {
        Some(s) if s != place => color.gamma_multiply(FADED),
        _ => color,
    }
}

/// A cumulative line's colour and width: the selected province's thicker, the others faded.
fn line_look(place: Place, selected: Option<Place>) -> (egui::Color32, f32) {
    let width = match selected {
        None => 2.0,
        Some(s) if s == place => 3.5,
        Some(_) => 1.5,
    };
    (highlighted(place, selected), width)
}

/// A click on a bar or near a line asks the app to select its province (the app clears the
/// selection when it is the selected one already). Legend clicks are the legend's.
fn click_select(
    response: &egui::Response,
    input: &ChartInput<'_>,
    pointer: Option<egui_plot::PlotPoint>,
    transform: &PlotTransform,
    actions: &mut ChartActions,
) {
    if let Some(pointer) = pointer
        && response.clicked()
    {
        actions.select = hover_hit(input, pointer.x, pointer.y, transform).place();
    }
}

/// Stacked bars: each province's bar starts where the ones below it ended. Returns the bars
/// and the top of the highest stack.
fn stack_bars(data: &PlotData, selected: Option<Place>) -> (Vec<StackedBar>, f64) {
    let mut stacked: Vec<StackedBar> = Vec::new();
    let mut base: Vec<f64> = Vec::new();
    for (place, specs) in &data.bars {
        if base.len() < specs.len() {
            base.resize(specs.len(), 0.0);
        }
        let color = highlighted(*place, selected);
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
    (stacked, top)
}

/// The stacked bars as one mesh over the plot, clipped to its frame.
fn paint_bars(ui: &Ui, transform: &PlotTransform, stacked: &[StackedBar]) {
    if !stacked.is_empty() {
        let mut mesh = egui::Mesh::default();
        for &(color, x0, x1, y0, y1) in stacked {
            let a = transform.position_from_point(&egui_plot::PlotPoint::new(x0, y1));
            let b = transform.position_from_point(&egui_plot::PlotPoint::new(x1, y0));
            mesh.add_colored_rect(egui::Rect::from_two_pos(a, b), color);
        }
        ui.painter()
            .with_clip_rect(*transform.frame())
            .add(egui::Shape::mesh(mesh));
    }
}

/// Draws the plot of one chart `height` points tall; returns its transform. A click on a
/// province goes into `actions`.
pub(super) fn plot_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    height: f32,
    actions: &mut ChartActions,
) -> PlotTransform {
    let metric = input.chart.metric;
    let g = input.granularity;
    let periods = chart_periods(input.chart);
    let plot_id = ui.make_persistent_id(("chart", metric.index()));
    let width = ui.available_width();
    let plot = new_plot(input, plot_id, width, height);
    let (plot, wanted) = include_wanted(plot, input, &periods);
    let (x_range, width_px) = shown_x_range_and_width(ui, plot_id, wanted, width);
    let mut data = plot_data(input.chart, g, input.cumulative, x_range, width_px);
    // The selected province's line is drawn last, over the others.
    data.lines
        .sort_by_key(|(place, _)| Some(*place) == input.selected);
    // The plot's background would repaint the card's own colour under the whole plot: only its
    // outline is drawn, in its place under the grid (software rendering shades every pixel of
    // every fill, so each full-size fill costs a frame real time).
    let background = ui.painter().add(egui::Shape::Noop);
    let plot = plot.show_background(false);
    // Stacked bars are painted as one mesh over the plot (below), not as egui_plot bar charts:
    // those compare every province with every other to stack and tessellate each bar with
    // anti-aliased edges, which was most of a frame with 34 provinces.
    let (stacked, top) = stack_bars(&data, input.selected);
    let plot = if top > 0.0 {
        plot.include_y(top * 1.05)
    } else {
        plot
    };
    let response = plot.show(ui, |plot_ui| {
        for (place, pts) in data.lines {
            let (color, width) = line_look(place, input.selected);
            plot_ui.line(
                Line::new(crate::ui::words::place_name(place), PlotPoints::from(pts))
                    .color(color)
                    .width(width)
                    .allow_hover(false),
            );
        }
        plot_ui.pointer_coordinate()
    });
    let transform = response.transform;
    let rect = response.response.rect;
    // A name and the text alternative, for screen readers (Tab stops on the plot).
    let name = crate::tr!(
        "keys-chart",
        metric = crate::ui::words::metric_title(input.chart.metric)
    );
    let about = described(input);
    ui.ctx()
        .accesskit_node_builder(response.response.id, |node| {
            node.set_label(name);
            if !about.is_empty() {
                node.set_description(about);
            }
        });
    paint_bars(ui, &transform, &stacked);
    ui.painter().with_clip_rect(rect).set(
        background,
        egui::epaint::RectShape::stroke(
            rect,
            2,
            ui.visuals().widgets.noninteractive.bg_stroke,
            egui::StrokeKind::Inside,
        ),
    );
    // The policy timeline over the bars and lines; its tooltip before the bars' one.
    let on_marker = timeline(ui, input, plot_id, &transform, &response.response);
    click_select(
        &response.response,
        input,
        response.inner,
        &transform,
        actions,
    );
    if let Some(pointer) = response.inner
        && response.response.hovered()
        && !on_marker
    {
        let hit = hover_hit(input, pointer.x, pointer.y, &transform);
        provenance_actions(&response.response, hit, actions);
        let weak = theme::weak_text(ui.visuals());
        response
            .response
            .on_hover_ui_at_pointer(|ui| tooltip_ui(ui, input, hit, weak));
    }
    transform
}

/// The policy-timeline markers of a time chart (bars or lines), their accessible nodes, and
/// their tooltip when the pointer is on one; returns whether it is.
fn timeline(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    plot_id: egui::Id,
    transform: &PlotTransform,
    plot: &egui::Response,
) -> bool {
    use crate::picture::ChartKind;
    if input.markers.is_empty() || !matches!(input.kind, ChartKind::Bars | ChartKind::Cumulative) {
        return false;
    }
    let spots = markers::spots(input.markers, transform);
    markers::paint(ui, &spots);
    let chart = crate::ui::words::metric_title(input.chart.metric);
    markers::nodes(ui, plot_id, &spots, &chart);
    let pointer = ui.ctx().pointer_hover_pos();
    let Some(spot) = pointer
        .filter(|_| plot.hovered())
        .and_then(|p| markers::hit(&spots, p))
    else {
        return false;
    };
    plot.clone()
        .on_hover_ui_at_pointer(|ui| markers::tooltip_ui(ui, spot));
    true
}

/// The plot's accessible description: the "About this chart" sentence, and which province is
/// selected.
fn described(input: &ChartInput<'_>) -> String {
    let Some(place) = input.selected else {
        return input.about.to_owned();
    };
    let selected = crate::tr!(
        "selection-chart",
        place = crate::ui::words::place_name(place)
    );
    if input.about.is_empty() {
        selected
    } else {
        format!("{} {selected}", input.about)
    }
}

/// The provenance of the bar or point under the pointer: its place and period asked for (the
/// tooltip lists their events), and a click pins that list where it was.
fn provenance_actions(
    response: &egui::Response,
    hit: super::hover::Hit,
    actions: &mut ChartActions,
) {
    let Some(place) = hit.place() else { return };
    actions.hovered = Some((place, hit.period()));
    if response.clicked()
        && let Some(at) = response.interact_pointer_pos()
    {
        actions.pin = Some((place, hit.period(), at));
    }
}
