//! Small multiples on screen: one small per-period bar chart per visible province, ordered by
//! total (largest first), all on the same time span as the other charts and one value scale for
//! every panel of the metric, so their heights compare. A grid that fits the card, scrolling
//! when the panels do not fit. Hovering a panel shows its province, total and events; clicking
//! selects the province; the selected one is outlined and the others faded.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Ui, pos2, vec2};

use crate::analysis::{Series, date_to_x};
use crate::data::document::Place;
use crate::picture::{ticks, units};
use crate::ui::{theme, words};

use super::axes::period_x_range;
use super::data::chart_periods;
use super::{ChartActions, ChartInput};

/// Panels are at least this wide (columns are as many as fit).
const PANEL_MIN_WIDTH: f32 = 190.0;
/// Panels are at least this tall (below it, the grid scrolls) and at most this tall.
const PANEL_HEIGHT: (f32, f32) = (72.0, 150.0);
/// Space between panels.
const GAP: f32 = 6.0;
/// The panel's title row and its year row.
const TITLE_H: f32 = 16.0;
const YEARS_H: f32 = 13.0;

/// The time span every panel shows: the span shared by all charts, else this chart's periods,
/// else 2017 to 2023.
pub(super) fn shared_x(input: &ChartInput<'_>) -> (f64, f64) {
    let g = input.granularity;
    let periods = chart_periods(input.chart);
    let span = input
        .span
        .map(|(a, b)| (g.period_of_key(a), g.period_of_key(b)))
        .or_else(|| Some((*periods.first()?, *periods.last()?)));
    match span {
        Some((a, b)) => (period_x_range(g, a).0, period_x_range(g, b).1),
        None => {
            let year = |y| date_to_x(chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default());
            (year(2017), year(2023))
        }
    }
}

/// The chart's series by total, largest first (`analysis::ranking::by_total`).
pub(super) fn ordered<'a>(input: &ChartInput<'a>) -> Vec<&'a Series> {
    crate::analysis::ranking::by_total(input.chart)
        .into_iter()
        .filter_map(|(place, _)| input.chart.series.iter().find(|s| s.place == place))
        .collect()
}

/// The province's colour, faded when another province is selected.
pub(super) fn shown_color(input: &ChartInput<'_>, place: Place) -> Color32 {
    let color = theme::place_color(place);
    match input.selected {
        Some(sel) if sel != place && input.chart.series.iter().any(|s| s.place == sel) => {
            color.gamma_multiply(0.3)
        }
        _ => color,
    }
}

/// The tooltip of a panel or a ranking bar: the province, its total and its events.
pub(super) fn place_tooltip(ui: &mut Ui, input: &ChartInput<'_>, s: &Series) {
    let metric = input.chart.metric;
    let name = words::place_name(s.place);
    ui.label(
        RichText::new(&name)
            .strong()
            .color(theme::place_color(s.place)),
    );
    ui.label(crate::tr!(
        "views-tip-total",
        value = words::figure(metric, s.total)
    ));
    let events: u32 = s.points.iter().map(|p| p.rows).sum();
    ui.label(words::events(events));
    ui.label(
        RichText::new(crate::tr!("views-tip-select", place = name))
            .small()
            .color(theme::weak_text(ui.visuals())),
    );
}

/// Draws the small multiples in `height` points; a click on a panel asks to select it.
pub(super) fn multiples_ui(
    ui: &mut Ui,
    input: &ChartInput<'_>,
    height: f32,
    actions: &mut ChartActions,
) {
    let metric = input.chart.metric;
    let lang = words::units_lang();
    let series = ordered(input);
    let max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value))
        .fold(0.0, f64::max);
    let (top, _, step) = ticks::zero_based_axis(max, 2.0);
    let scale = units::axis_scale(metric, top, lang);
    let weak = theme::weak_text(ui.visuals());
    let header = ui.label(
        RichText::new(crate::tr!(
            "views-panel-scale",
            axis = units::axis_title(metric, scale, lang),
            top = units::tick_label(top, step, scale)
        ))
        .small()
        .color(weak),
    );
    if series.is_empty() {
        return;
    }
    let avail = (height - header.rect.height() - ui.spacing().item_spacing.y).max(40.0);
    let width = ui.available_width();
    let cols = (((width + GAP) / (PANEL_MIN_WIDTH + GAP)).floor() as usize).clamp(1, series.len());
    let rows = series.len().div_ceil(cols);
    let pw = ((width - GAP * (cols - 1) as f32) / cols as f32).floor();
    let fit = (avail - GAP * (rows - 1) as f32) / rows as f32;
    let ph = fit.clamp(PANEL_HEIGHT.0, PANEL_HEIGHT.1).floor();
    let grid = Grid {
        x: shared_x(input),
        top,
        size: vec2(pw, ph),
    };
    egui::ScrollArea::vertical()
        .id_salt(("multiples", metric.index()))
        .max_height(avail)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing = vec2(GAP, GAP);
            for chunk in series.chunks(cols) {
                ui.horizontal(|ui| {
                    for s in chunk {
                        if panel_ui(ui, input, s, &grid) {
                            actions.select = Some(s.place);
                        }
                    }
                });
            }
        });
}

/// What every panel shares: the time span, the top of the value scale and the panel's size.
struct Grid {
    x: (f64, f64),
    top: f64,
    size: egui::Vec2,
}

/// One panel; returns whether it was clicked.
fn panel_ui(ui: &mut Ui, input: &ChartInput<'_>, s: &Series, grid: &Grid) -> bool {
    let metric = input.chart.metric;
    let (rect, response) = ui.allocate_exact_size(grid.size, Sense::click());
    let name = words::place_name(s.place);
    let value = words::figure(metric, s.total);
    let accessible = crate::tr!(
        "views-panel-name",
        metric = words::metric_title(metric),
        place = name.clone(),
        value = value.clone()
    );
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, accessible.clone()));
    // Screen readers say which province is the selected one (outlined).
    let selected = input.selected == Some(s.place);
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_selected(selected));
    if ui.is_rect_visible(rect) {
        paint_panel(ui, input, s, grid, rect, &name, &value);
        if response.hovered() {
            ui.painter().rect_stroke(
                rect,
                3.0,
                ui.visuals().widgets.hovered.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
    }
    let response = response.on_hover_ui(|ui| place_tooltip(ui, input, s));
    response.clicked()
}

/// Paints a panel: its frame (outlined when selected), title, baseline, bars and years.
fn paint_panel(
    ui: &Ui,
    input: &ChartInput<'_>,
    s: &Series,
    grid: &Grid,
    rect: Rect,
    name: &str,
    value: &str,
) {
    let visuals = ui.visuals();
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let selected = input.selected == Some(s.place);
    let stroke = if selected {
        egui::Stroke::new(2.0, visuals.strong_text_color())
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    painter.rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
    let text_color = if input.selected.is_some() && !selected {
        theme::weak_text(visuals)
    } else {
        visuals.text_color()
    };
    let title = crate::tr!(
        "views-panel-title",
        place = name.to_owned(),
        value = value.to_owned()
    );
    painter.text(
        rect.left_top() + vec2(5.0, 3.0),
        Align2::LEFT_TOP,
        title,
        FontId::proportional(11.5),
        text_color,
    );
    let plot = Rect::from_min_max(
        pos2(rect.left() + 5.0, rect.top() + TITLE_H + 4.0),
        pos2(rect.right() - 5.0, rect.bottom() - YEARS_H - 2.0),
    );
    let (x0, x1) = grid.x;
    let fx = |x: f64| plot.left() + ((x - x0) / (x1 - x0).max(1.0)) as f32 * plot.width();
    let fy = |v: f64| plot.bottom() - (v / grid.top) as f32 * plot.height();
    let grid_stroke = egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    painter.hline(plot.x_range(), fy(grid.top).round(), grid_stroke);
    let mut mesh = egui::Mesh::default();
    let color = shown_color(input, s.place);
    let g = input.granularity;
    for p in s.points.iter().filter(|p| p.value > 0.0) {
        let (a, b) = period_x_range(g, p.period);
        let (l, r) = (fx(a + (b - a) * 0.1), fx(b - (b - a) * 0.1));
        let r = r.max(l + 1.0);
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(l, fy(p.value)), pos2(r, plot.bottom())),
            color,
        );
    }
    painter.add(egui::Shape::mesh(mesh));
    let axis = egui::Stroke::new(1.0, theme::weak_text(visuals));
    painter.hline(plot.x_range(), plot.bottom().round(), axis);
    // Year marks and labels (the exports' marks), thinned to fit.
    let max_marks = (plot.width() / 34.0).floor() as usize;
    let font = FontId::proportional(9.5);
    for m in ticks::date_marks(x0, x1, max_marks)
        .into_iter()
        .filter(|m| m.step >= 365.0)
    {
        let x = fx(m.x).round();
        painter.vline(x, plot.bottom()..=plot.bottom() + 3.0, axis);
        let label = ticks::date_label_in(m, words::units_lang());
        if x - 12.0 >= rect.left() && x + 12.0 <= rect.right() {
            painter.text(
                pos2(x, plot.bottom() + 3.0),
                Align2::CENTER_TOP,
                label,
                font.clone(),
                theme::weak_text(visuals),
            );
        }
    }
}
