//! The time plots: per-period bars stacked by province, or cumulative lines (flat within a
//! period, rising at its end, as on screen), over the shared time span, with value ticks in the
//! axis's unit, date marks and the axis title with its unit.

use crate::analysis::{Granularity, MetricChart, date_to_x};

use super::super::font::{cap_height, text_width};
use super::super::palette::place_rgb;
use super::super::scene::{Anchor, Area, Scene};
use super::super::ticks::{date_label_in, date_marks, zero_based_axis};
use super::super::units::Lang;
use super::super::units::{axis_scale, axis_title, tick_label};
use super::{ChartSpec, Colors};

/// Tick and axis-title size, px.
pub(super) const TICK: f32 = 10.5;

/// The periods any series has a point in, in order.
pub(super) fn chart_periods(chart: &MetricChart) -> Vec<i32> {
    let mut periods: Vec<i32> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    periods
}

/// The x range (days since 1970) of the shared span, else of the chart's periods; 2017–2023
/// when there is nothing.
pub(super) fn x_range(spec: &ChartSpec<'_>) -> (f64, f64) {
    let g = spec.granularity;
    let periods = chart_periods(spec.chart);
    let span = spec
        .span
        .map(|(a, b)| (g.period_of_key(a), g.period_of_key(b)))
        .or_else(|| Some((*periods.first()?, *periods.last()?)));
    match span {
        Some((a, b)) => (date_to_x(g.start(a)), date_to_x(g.end(b.max(a)))),
        None => (
            date_to_x(chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap_or_default()),
            date_to_x(chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default()),
        ),
    }
}

/// The highest stack of one period (bars) or the highest level (lines).
pub fn value_max(chart: &MetricChart, cumulative: bool) -> f64 {
    if cumulative {
        return chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.level).chain([s.level_before]))
            .fold(0.0, f64::max);
    }
    let periods = chart_periods(chart);
    let mut sums = vec![0.0; periods.len()];
    for s in &chart.series {
        for p in &s.points {
            if let Ok(i) = periods.binary_search(&p.period) {
                sums[i] += p.value.max(0.0);
            }
        }
    }
    sums.into_iter().fold(0.0, f64::max)
}

/// A value axis drawn at the left of `area`: grid lines, tick labels and the axis title above.
/// Returns the plot rectangle right of the labels and the axis top.
pub(super) fn value_axis(
    scene: &mut Scene,
    area: Area,
    spec: &ChartSpec<'_>,
    max: f64,
    bottom_margin: f32,
    colors: &Colors,
) -> (Area, f64) {
    let metric = spec.chart.metric;
    // The title's line, and room for the top tick's label under it.
    let title_h = TICK * 2.2;
    let h = (area.h - title_h - bottom_margin).max(10.0);
    let count = (h / 45.0).clamp(2.0, 6.0);
    let (top, ticks, step) = zero_based_axis(max, f64::from(count));
    let scale = axis_scale(metric, top, spec.lang);
    let labels: Vec<String> = ticks.iter().map(|t| tick_label(*t, step, scale)).collect();
    let left = labels
        .iter()
        .map(|l| text_width(l, TICK))
        .fold(0.0, f32::max)
        + 6.0;
    let plot = Area {
        x: area.x + left,
        y: area.y + title_h,
        w: (area.w - left - 4.0).max(10.0),
        h,
    };
    let title = axis_title(metric, scale, spec.lang);
    scene.text(
        area.x,
        area.y + TICK,
        title,
        TICK,
        false,
        colors.weak,
        Anchor::Start,
    );
    for (t, label) in ticks.iter().zip(labels) {
        let y = (plot.bottom() - (*t / top) as f32 * plot.h).round();
        if *t > 0.0 {
            scene.rect(plot.x, y, plot.w, 1.0, colors.grid);
        }
        let baseline = y + cap_height(TICK) / 2.0;
        scene.text(
            plot.x - 5.0,
            baseline,
            label,
            TICK,
            false,
            colors.weak,
            Anchor::End,
        );
    }
    (plot, top)
}

/// Date marks and labels under `plot` for the x range `(x0, x1)`.
pub(super) fn date_axis(
    scene: &mut Scene,
    plot: Area,
    (x0, x1): (f64, f64),
    lang: Lang,
    colors: &Colors,
) {
    let max_marks = (plot.w / 44.0).floor().max(1.0) as usize;
    for mark in date_marks(x0, x1, max_marks) {
        let x = plot.x + ((mark.x - x0) / (x1 - x0)) as f32 * plot.w;
        let tick = if mark.step >= 365.0 { 5.0 } else { 3.0 };
        scene.rect(x.round(), plot.bottom(), 1.0, tick, colors.axis);
        let baseline = plot.bottom() + 5.0 + TICK;
        scene.text(
            x,
            baseline,
            date_label_in(mark, lang),
            TICK,
            false,
            colors.weak,
            Anchor::Middle,
        );
    }
    scene.rect(plot.x, plot.bottom(), plot.w, 1.0, colors.axis);
}

/// Draws per-period stacked bars or cumulative lines into `area`.
pub(super) fn draw(
    scene: &mut Scene,
    area: Area,
    spec: &ChartSpec<'_>,
    colors: &Colors,
    cumulative: bool,
) {
    let max = value_max(spec.chart, cumulative);
    let (plot, top) = value_axis(scene, area, spec, max, TICK + 8.0, colors);
    let (x0, x1) = x_range(spec);
    let fx = |x: f64| plot.x + ((x - x0) / (x1 - x0)) as f32 * plot.w;
    let fy = |v: f64| plot.bottom() - (v / top) as f32 * plot.h;
    let g = spec.granularity;
    if cumulative {
        for s in &spec.chart.series {
            let pts: Vec<(f32, f32)> = step_points(s, g, x1)
                .into_iter()
                .map(|(x, v)| (fx(x), fy(v)))
                .collect();
            scene.line(pts, place_rgb(s.place), 2.0);
        }
    } else {
        stacked_bars(scene, spec, g, &fx, &fy);
    }
    super::timeline::draw(scene, plot, spec.markers, &fx, colors.background);
    date_axis(scene, plot, (x0, x1), spec.lang, colors);
}

/// The stacked bars: each province's bar starts where the ones below it ended.
fn stacked_bars(
    scene: &mut Scene,
    spec: &ChartSpec<'_>,
    g: Granularity,
    fx: &dyn Fn(f64) -> f32,
    fy: &dyn Fn(f64) -> f32,
) {
    let periods = chart_periods(spec.chart);
    let mut base = vec![0.0; periods.len()];
    for s in &spec.chart.series {
        let color = place_rgb(s.place);
        for p in &s.points {
            let Ok(i) = periods.binary_search(&p.period) else {
                continue;
            };
            if p.value <= 0.0 {
                continue;
            }
            let (a, b) = (date_to_x(g.start(p.period)), date_to_x(g.end(p.period)));
            let (l, r) = (fx(a + (b - a) * 0.1), fx(b - (b - a) * 0.1));
            let (y0, y1) = (fy(base[i]), fy(base[i] + p.value));
            scene.rect(l, y1, (r - l).max(1.0), y0 - y1, color);
            base[i] += p.value;
        }
    }
}

/// A cumulative line as steps: flat within a period, rising at its end; held to `end`.
pub(super) fn step_points(
    s: &crate::analysis::Series,
    g: Granularity,
    end: f64,
) -> Vec<(f64, f64)> {
    let mut pts = Vec::with_capacity(s.points.len() * 2 + 1);
    let mut level = s.level_before;
    for p in &s.points {
        let (x0, x1) = (date_to_x(g.start(p.period)), date_to_x(g.end(p.period)));
        pts.push((x0, level));
        level = p.level;
        pts.push((x1, level));
    }
    if let Some(&(x, v)) = pts.last()
        && end > x
    {
        pts.push((end, v));
    }
    pts
}
