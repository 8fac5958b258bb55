//! The ranking: one horizontal bar per province, its total over the date range, largest first,
//! the value written at the bar's end.

use super::super::font::{cap_height, fit, text_width};
use super::super::palette::place_rgb;
use super::super::scene::{Anchor, Area, Scene};
use super::super::ticks::zero_based_axis;
use super::super::units::{amount, axis_scale, axis_title, tick_label};
use super::time::TICK;
use super::{ChartSpec, Colors, by_total, place_label};

/// Draws the ranking into `area`.
pub(super) fn draw(scene: &mut Scene, area: Area, spec: &ChartSpec<'_>, colors: &Colors) {
    let metric = spec.chart.metric;
    let series: Vec<_> = by_total(spec.chart)
        .into_iter()
        .filter(|s| s.total > 0.0)
        .collect();
    let max = series.first().map_or(0.0, |s| s.total);
    let count = (area.w / 120.0).clamp(2.0, 6.0);
    let (top, ticks, step) = zero_based_axis(max, f64::from(count));
    let scale = axis_scale(metric, top, spec.lang);
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
    let body_top = area.y + TICK * 1.8;
    let body_h = (area.h - TICK * 1.8 - TICK - 8.0).max(10.0);
    let n = series.len().max(1);
    let row = (body_h / n as f32).min(28.0);
    let size = (row * 0.62).clamp(6.0, 12.0);
    let names: Vec<String> = series
        .iter()
        .map(|s| fit(&place_label(s.place, spec.lang), size, area.w * 0.3))
        .collect();
    let values: Vec<String> = series
        .iter()
        .map(|s| amount(metric, s.total, spec.lang))
        .collect();
    let name_w = names
        .iter()
        .map(|n| text_width(n, size))
        .fold(0.0, f32::max)
        + 8.0;
    let value_w = values
        .iter()
        .map(|v| text_width(v, size))
        .fold(0.0, f32::max)
        + 8.0;
    let plot = Area {
        x: area.x + name_w,
        y: body_top,
        w: (area.w - name_w - value_w).max(10.0),
        h: row * n as f32,
    };
    for (t, label) in ticks.iter().map(|t| (*t, tick_label(*t, step, scale))) {
        let x = (plot.x + (t / top) as f32 * plot.w).round();
        scene.rect(x, plot.y, 1.0, plot.h, colors.grid);
        let baseline = plot.bottom() + 4.0 + TICK;
        scene.text(x, baseline, label, TICK, false, colors.weak, Anchor::Middle);
    }
    for (i, s) in series.iter().enumerate() {
        let y = plot.y + row * i as f32;
        let baseline = y + (row + cap_height(size)) / 2.0;
        scene.text(
            plot.x - 6.0,
            baseline,
            names[i].clone(),
            size,
            false,
            colors.text,
            Anchor::End,
        );
        let w = ((s.total / top) as f32 * plot.w).max(1.0);
        let (by, bh) = ((y + row * 0.15).round(), (row * 0.7).round().max(1.0));
        scene.rect(plot.x, by, w, bh, place_rgb(s.place));
        scene.text(
            plot.x + w + 4.0,
            baseline,
            values[i].clone(),
            size,
            false,
            colors.text,
            Anchor::Start,
        );
    }
    scene.rect(plot.x, plot.y, 1.0, plot.h, colors.axis);
}
