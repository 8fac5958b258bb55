//! The dashboard picture: the four metric charts in a two-by-two grid under one title and
//! subtitle, one shared legend and the footer.
//!
//! The map picture joins here once the map module is in this build: it would take the place of
//! a fifth panel (see `crate::cli` for the `--chart map` message meanwhile).

use crate::analysis::View;
use crate::data::document::Place;

use super::chart::{ChartSpec, framed, legend, needs_legend, plot};
use super::scene::{Anchor, Area, Scene};
use super::units::{Lang, amount, metric_name};
use super::{ChartKind, Texts, Theme};

/// Panel title size, px.
const PANEL_TITLE: f32 = 13.0;

/// The picture of the four charts of `view`, `width` × `height` logical pixels, with the policy
/// timeline's `markers` on bars and lines.
#[allow(clippy::too_many_arguments)]
pub fn dashboard_scene(
    view: &View,
    kind: ChartKind,
    lang: Lang,
    texts: &Texts,
    theme: Theme,
    width: f32,
    height: f32,
    markers: &[crate::analysis::timeline::Marker],
) -> Scene {
    let (mut scene, colors, mut area) = framed(texts, theme, width, height);
    if needs_legend(kind) {
        // Every province of any chart, in place order (the order of the series).
        let mut places: Vec<Place> = view
            .charts
            .iter()
            .flat_map(|c| c.series.iter().map(|s| s.place))
            .collect();
        places.sort();
        places.dedup();
        let legend_top = legend(&mut scene, area, &places, lang, &colors);
        area.h = (legend_top - area.y - 6.0).max(10.0);
    }
    let gap = 24.0;
    let (cw, ch) = ((area.w - gap) / 2.0, (area.h - gap) / 2.0);
    for (i, chart) in view.charts.iter().enumerate().take(4) {
        let cell = Area {
            x: area.x + (i % 2) as f32 * (cw + gap),
            y: area.y + (i / 2) as f32 * (ch + gap),
            w: cw.max(10.0),
            h: ch.max(10.0),
        };
        let total: f64 = chart.series.iter().map(|s| s.total).sum();
        let title = format!(
            "{} · {}",
            metric_name(chart.metric, lang),
            amount(chart.metric, total, lang)
        );
        let baseline = cell.y + PANEL_TITLE;
        scene.text(
            cell.x,
            baseline,
            title,
            PANEL_TITLE,
            true,
            colors.text,
            Anchor::Start,
        );
        let spec = ChartSpec {
            chart,
            granularity: view.granularity,
            kind,
            span: view.first_day.zip(view.last_day),
            lang,
            markers,
        };
        let plot_area = Area {
            x: cell.x,
            y: cell.y + PANEL_TITLE * 1.6,
            w: cell.w,
            h: (cell.h - PANEL_TITLE * 1.6).max(10.0),
        };
        plot(&mut scene, plot_area, &spec, &colors);
    }
    scene
}
