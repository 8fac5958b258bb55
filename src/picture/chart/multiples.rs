//! Small multiples: one small per-period bar chart per province, ordered by total, all on the
//! same axes (the same time span and the same value scale), so their heights compare.

use crate::analysis::date_to_x;

use super::super::font::{cap_height, fit};
use super::super::palette::place_rgb;
use super::super::scene::{Anchor, Area, Scene};
use super::super::ticks::zero_based_axis;
use super::super::units::{amount, axis_scale, axis_title, tick_label};
use super::time::{TICK, x_range};
use super::{ChartSpec, Colors, by_total, place_label};

/// Columns and rows for `n` panels in `area`, panels about twice as wide as tall.
fn grid(n: usize, area: Area) -> (usize, usize) {
    let n = n.max(1);
    let ideal = ((n as f32) * area.w / area.h.max(1.0) / 2.0).sqrt().ceil() as usize;
    let cols = ideal.clamp(1, n);
    (cols, n.div_ceil(cols))
}

/// Draws the small multiples into `area`.
pub(super) fn draw(scene: &mut Scene, area: Area, spec: &ChartSpec<'_>, colors: &Colors) {
    let series = by_total(spec.chart);
    let metric = spec.chart.metric;
    let max = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value))
        .fold(0.0, f64::max);
    let (top, _, step) = zero_based_axis(max, 4.0);
    let scale = axis_scale(metric, top, spec.lang);
    let title = format!(
        "{}; each panel 0 – {}",
        axis_title(metric, scale, spec.lang),
        tick_label(top, step, scale)
    );
    scene.text(
        area.x,
        area.y + TICK,
        title,
        TICK,
        false,
        colors.weak,
        Anchor::Start,
    );
    if series.is_empty() {
        return;
    }
    let body = Area {
        x: area.x,
        y: area.y + TICK * 1.8,
        w: area.w,
        h: (area.h - TICK * 1.8).max(10.0),
    };
    let (cols, rows) = grid(series.len(), body);
    let (cw, ch) = (body.w / cols as f32, body.h / rows as f32);
    let (x0, x1) = x_range(spec);
    let g = spec.granularity;
    let label = (ch * 0.22).clamp(7.0, 11.0);
    for (i, s) in series.iter().enumerate() {
        let cell = Area {
            x: body.x + (i % cols) as f32 * cw,
            y: body.y + (i / cols) as f32 * ch,
            w: cw - 8.0,
            h: ch - 6.0,
        };
        let name = format!(
            "{} · {}",
            place_label(s.place, spec.lang),
            amount(metric, s.total, spec.lang)
        );
        let name = fit(&name, label, cell.w);
        scene.text(
            cell.x,
            cell.y + label,
            name,
            label,
            false,
            colors.text,
            Anchor::Start,
        );
        let plot = Area {
            x: cell.x,
            y: cell.y + label * 1.5,
            w: cell.w,
            // Room under the last row for its years.
            h: (cell.h - label * 1.5 - TICK - 4.0).max(2.0),
        };
        scene.rect(plot.x, plot.y.round(), plot.w, 1.0, colors.grid);
        let fx = |x: f64| plot.x + ((x - x0) / (x1 - x0)) as f32 * plot.w;
        let color = place_rgb(s.place);
        for p in s.points.iter().filter(|p| p.value > 0.0) {
            let (a, b) = (date_to_x(g.start(p.period)), date_to_x(g.end(p.period)));
            let (l, r) = (fx(a + (b - a) * 0.1), fx(b - (b - a) * 0.1));
            let h = (p.value / top) as f32 * plot.h;
            scene.rect(l, plot.bottom() - h, (r - l).max(1.0), h, color);
        }
        scene.rect(plot.x, plot.bottom(), plot.w, 1.0, colors.axis);
        // Years at the ends of the bottom row.
        if i / cols == rows - 1 || i + cols >= series.len() {
            let y = plot.bottom() + 2.0 + cap_height(TICK) + 2.0;
            let first = crate::analysis::x_to_date(x0 + 0.5);
            let last = crate::analysis::x_to_date(x1 - 0.5);
            let (a, b) = (
                first.format("%Y").to_string(),
                last.format("%Y").to_string(),
            );
            if y < area.bottom() + TICK {
                scene.text(plot.x, y, a, TICK * 0.9, false, colors.weak, Anchor::Start);
                scene.text(
                    plot.right(),
                    y,
                    b,
                    TICK * 0.9,
                    false,
                    colors.weak,
                    Anchor::End,
                );
            }
        }
    }
}
