//! The scene of one metric chart: a title, a subtitle, the plot (per-period stacked bars,
//! cumulative lines, small multiples or a ranking), a legend and the footer, built from the
//! same [`MetricChart`] series the screen draws, in the palette's colours, with the shared
//! ticks and units. The plot kinds live in the files beside this one; the header, legend and
//! footer in `frame.rs`.

mod frame;
mod multiples;
mod ranking;
mod time;
pub mod timeline;

use crate::analysis::{Granularity, MetricChart, Series};
use crate::data::document::{Document, Place};
use crate::data::gazetteer::Gazetteer;

use super::palette::Rgb;
use super::scene::{Area, Scene};
use super::units::Lang;
use super::{ChartKind, Texts, Theme};

pub use frame::{footer_area, header, legend};
pub use time::value_max;

/// What one chart picture shows.
#[derive(Clone, Copy, Debug)]
pub struct ChartSpec<'a> {
    /// The metric's series (visible provinces only).
    pub chart: &'a MetricChart,
    /// Months, quarters or years.
    pub granularity: Granularity,
    /// Bars, lines, small multiples or ranking.
    pub kind: ChartKind,
    /// First and last visible day keys (every chart shows the same time span).
    pub span: Option<(i32, i32)>,
    /// How numbers and names are written.
    pub lang: Lang,
    /// The policy timeline's markers, in date order, drawn on bars and lines (none when the
    /// timeline is switched off).
    pub markers: &'a [crate::analysis::timeline::Marker],
}

/// The colours of a theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colors {
    /// Background.
    pub background: Rgb,
    /// Titles and labels.
    pub text: Rgb,
    /// Subtitles, ticks, footer.
    pub weak: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Axis lines.
    pub axis: Rgb,
}

impl Colors {
    /// The colours of `theme`.
    pub fn of(theme: Theme) -> Colors {
        match theme {
            Theme::Light => Colors {
                background: Rgb(255, 255, 255),
                text: Rgb(26, 26, 26),
                weak: Rgb(89, 89, 89),
                grid: Rgb(227, 227, 227),
                axis: Rgb(140, 140, 140),
            },
            Theme::Dark => Colors {
                background: Rgb(27, 27, 27),
                text: Rgb(230, 230, 230),
                weak: Rgb(170, 170, 170),
                grid: Rgb(58, 58, 58),
                axis: Rgb(128, 128, 128),
            },
        }
    }
}

/// A place's name in `lang`.
pub fn place_label(place: Place, lang: Lang) -> String {
    match (lang, place) {
        // The places "top N and Other" summed (`analysis::ranking::top_n`).
        (Lang::En, crate::analysis::ranking::OTHER) => "Other".to_owned(),
        (Lang::Zh, crate::analysis::ranking::OTHER) => "其他".to_owned(),
        (Lang::Zh, Place::Region(id)) if usize::from(id) < Gazetteer::get().regions().len() => {
            Gazetteer::get().region(id).chinese.clone()
        }
        (Lang::Zh, Place::Unknown) => "未知省份".to_owned(),
        _ => Document::place_name(place).to_owned(),
    }
}

/// The series ordered by total, largest first (ties by place, so the order is stable).
pub fn by_total(chart: &MetricChart) -> Vec<&Series> {
    let mut series: Vec<&Series> = chart.series.iter().collect();
    series.sort_by(|a, b| b.total.total_cmp(&a.total).then(a.place.cmp(&b.place)));
    series
}

/// Draws the plot of `spec` into `area`.
pub fn plot(scene: &mut Scene, area: Area, spec: &ChartSpec<'_>, colors: &Colors) {
    match spec.kind {
        ChartKind::Bars => time::draw(scene, area, spec, colors, false),
        ChartKind::Cumulative => time::draw(scene, area, spec, colors, true),
        ChartKind::Multiples => multiples::draw(scene, area, spec, colors),
        ChartKind::Ranking => ranking::draw(scene, area, spec, colors),
    }
}

/// Whether the kind needs a legend of colours (the multiples and the ranking name their
/// provinces themselves).
pub fn needs_legend(kind: ChartKind) -> bool {
    matches!(kind, ChartKind::Bars | ChartKind::Cumulative)
}

/// A picture's frame, shared by one chart and the dashboard: the background, the title and
/// subtitle at the top, the footer at the bottom, and the area left between them for the plot.
pub fn framed(texts: &Texts, theme: Theme, width: f32, height: f32) -> (Scene, Colors, Area) {
    let colors = Colors::of(theme);
    let mut scene = Scene::new(width, height, colors.background);
    scene.title = texts.title.clone();
    scene.description = texts.description.clone();
    let pad = (width.min(height) * 0.03).clamp(10.0, 32.0);
    let inner = Area {
        x: pad,
        y: pad,
        w: (width - 2.0 * pad).max(1.0),
        h: (height - 2.0 * pad).max(1.0),
    };
    let top = header(&mut scene, inner, texts, &colors);
    let bottom = footer_area(&mut scene, inner, &texts.footer, &colors);
    let area = Area {
        x: inner.x,
        y: top + 6.0,
        w: inner.w,
        h: (bottom - top - 12.0).max(10.0),
    };
    (scene, colors, area)
}

/// The picture of one chart, `width` × `height` logical pixels.
pub fn chart_scene(
    spec: &ChartSpec<'_>,
    texts: &Texts,
    theme: Theme,
    width: f32,
    height: f32,
) -> Scene {
    let (mut scene, colors, mut area) = framed(texts, theme, width, height);
    if needs_legend(spec.kind) {
        let places: Vec<Place> = spec.chart.series.iter().map(|s| s.place).collect();
        let legend_top = legend(&mut scene, area, &places, spec.lang, &colors);
        area.h = (legend_top - area.y - 6.0).max(10.0);
    }
    plot(&mut scene, area, spec, &colors);
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Filter};
    use crate::data::document::Metric;
    use crate::picture::dashboard::dashboard_scene;
    use crate::picture::scene::Shape;

    fn sample_view() -> crate::analysis::View {
        let doc = crate::io::sample_document();
        Aggregates::build(&doc).view(Granularity::Quarter, &Filter::default())
    }

    fn texts() -> Texts {
        Texts {
            title: "T".into(),
            subtitle: "S".into(),
            footer: "Source: f.csv".into(),
            description: "D".into(),
        }
    }

    #[test]
    fn every_kind_names_its_axis_with_units_and_its_provinces() {
        let view = sample_view();
        let chart = view.chart(Metric::Kwh).unwrap();
        for kind in ChartKind::ALL {
            let spec = ChartSpec {
                chart,
                granularity: view.granularity,
                kind,
                span: view.first_day.zip(view.last_day),
                lang: Lang::En,
                markers: &[],
            };
            let scene = chart_scene(&spec, &texts(), Theme::Light, 1200.0, 675.0);
            let all: Vec<&str> = scene.texts().collect();
            assert!(
                all.iter().any(|t| t.starts_with("Electricity saved (TWh)")),
                "{kind:?}: {all:?}"
            );
            assert!(all.contains(&"Source: f.csv"));
            assert!(all.iter().any(|t| t.contains("Inner Mongolia")), "{kind:?}");
            let rects = scene
                .shapes
                .iter()
                .filter(|s| matches!(s, Shape::Rect { .. } | Shape::Polyline { .. }))
                .count();
            assert!(rects >= 3, "{kind:?} draws its data");
        }
    }

    #[test]
    fn chinese_names_and_units() {
        let view = sample_view();
        let spec = ChartSpec {
            chart: view.chart(Metric::Kwh).unwrap(),
            granularity: view.granularity,
            kind: ChartKind::Ranking,
            span: None,
            lang: Lang::Zh,
            markers: &[],
        };
        let scene = chart_scene(&spec, &texts(), Theme::Dark, 800.0, 450.0);
        let all: Vec<&str> = scene.texts().collect();
        assert!(all.contains(&"内蒙古自治区"), "{all:?}");
        assert!(all.contains(&"65.8亿千瓦时"), "{all:?}");
        assert!(all.contains(&"节约电量（亿千瓦时）"), "{all:?}");
    }

    #[test]
    fn empty_data_and_tiny_pictures_do_not_panic() {
        let empty = MetricChart {
            metric: Metric::Rigs,
            series: Vec::new(),
        };
        let view = sample_view();
        for kind in ChartKind::ALL {
            for (w, h) in [(100.0, 100.0), (1.0, 1.0), (8000.0, 120.0)] {
                let spec = ChartSpec {
                    chart: &empty,
                    granularity: Granularity::Month,
                    kind,
                    span: None,
                    lang: Lang::En,
                    markers: &[],
                };
                let scene = chart_scene(&spec, &Texts::default(), Theme::Light, w, h);
                let svg = crate::picture::svg::to_svg(&scene);
                assert!(
                    !svg.contains("NaN") && !svg.contains("inf"),
                    "{kind:?} {w}×{h}"
                );
                let d = dashboard_scene(&view, kind, Lang::En, &texts(), Theme::Light, w, h, &[]);
                let svg = crate::picture::svg::to_svg(&d);
                assert!(
                    !svg.contains("NaN") && !svg.contains("inf"),
                    "{kind:?} {w}×{h}"
                );
            }
        }
    }
}
