//! The map picture: the 34 provincial-level divisions of [`crate::map`] coloured by one metric over
//! the date range (per period or cumulative, as the dashboard), with the class legend, "No data",
//! the borders' origin, and the same frame (title, subtitle, footer) as the charts.

use crate::analysis::View;
use crate::data::document::Metric;
use crate::map::scale::{Fill, Scale};
use crate::map::values::{MapValues, When};
use crate::map::{Map, ORIGIN};

use super::chart::{Colors, framed};
use super::font::fit;
use super::palette::Rgb;
use super::scene::{Anchor, Area, Scene, Shape};
use super::units::{Lang, amount};
use super::{Texts, Theme};

const LEGEND_TEXT: f32 = 12.0;
const LEGEND_WIDTH: f32 = 210.0;

fn rgb(c: [u8; 3]) -> Rgb {
    Rgb(c[0], c[1], c[2])
}

/// The map picture of `metric` over the view's date range, `width` × `height` logical pixels.
#[allow(clippy::too_many_arguments)]
pub fn map_scene(
    view: &View,
    metric: Metric,
    cumulative: bool,
    lang: Lang,
    texts: &Texts,
    theme: Theme,
    width: f32,
    height: f32,
) -> Scene {
    let (mut scene, colors, area) = framed(texts, theme, width, height);
    let values = MapValues::new(view, metric, When::All, cumulative);
    let scale = Scale::new(values.range.iter().copied(), theme == Theme::Dark);
    let legend_w = LEGEND_WIDTH.min(area.w * 0.35);
    let map_area = Area {
        w: (area.w - legend_w - 12.0).max(10.0),
        ..area
    };
    shapes(&mut scene, map_area, &values, &scale, &colors);
    let legend_area = Area {
        x: map_area.x + map_area.w + 12.0,
        w: legend_w,
        ..area
    };
    legend(&mut scene, legend_area, metric, &scale, lang, &colors);
    scene
}

/// The divisions, fitted into `area` keeping the projection's aspect; larger ones first, so a
/// division inside another (Beijing and Tianjin in Hebei) is painted over the hole it leaves.
fn shapes(scene: &mut Scene, area: Area, values: &MapValues, scale: &Scale, colors: &Colors) {
    let map = Map::get();
    let aspect = map.aspect().max(0.01);
    let side = area.w.min(area.h / aspect);
    let (x0, y0) = (
        area.x + (area.w - side) / 2.0,
        area.y + (area.h - side * aspect) / 2.0,
    );
    let mut order: Vec<_> = map.shapes().iter().collect();
    let extent = |b: [f32; 4]| (b[2] - b[0]) * (b[3] - b[1]);
    order.sort_by(|a, b| extent(b.bounds).total_cmp(&extent(a.bounds)));
    let border = (colors.background, 0.6);
    for shape in order {
        let fill = rgb(scale.color(scale.fill(values.get(shape.region).map(|v| v.value))));
        for ring in &shape.rings {
            let points: Vec<(f32, f32)> = ring
                .iter()
                .map(|p| (x0 + p[0] * side, y0 + p[1] * side))
                .collect();
            if points.len() >= 3 {
                scene.shapes.push(Shape::Polygon {
                    points,
                    fill,
                    stroke: Some(border),
                });
            }
        }
    }
}

/// The classes from the most to the least, then "No data" (and zero when a scale has it), and
/// the borders' origin.
fn legend(
    scene: &mut Scene,
    area: Area,
    metric: Metric,
    scale: &Scale,
    lang: Lang,
    colors: &Colors,
) {
    let pitch = LEGEND_TEXT * 1.8;
    let swatch = LEGEND_TEXT;
    let mut y = area.y + LEGEND_TEXT;
    let title = fit(super::units::metric_name(metric, lang), LEGEND_TEXT, area.w);
    scene.text(
        area.x,
        y,
        title,
        LEGEND_TEXT,
        true,
        colors.text,
        Anchor::Start,
    );
    y += pitch * 0.6;
    let mut entries: Vec<(Fill, String)> = (0..scale.classes())
        .rev()
        .map(|i| {
            let (lo, hi) = scale.bounds(i);
            let label = if (hi - lo).abs() < f64::EPSILON {
                amount(metric, lo, lang)
            } else {
                format!(
                    "{} – {}",
                    amount(metric, lo, lang),
                    amount(metric, hi, lang)
                )
            };
            (Fill::Class(i), label)
        })
        .collect();
    entries.push((Fill::Zero, "Zero".to_owned()));
    entries.push((Fill::NoData, "No data".to_owned()));
    for (fill, label) in entries {
        scene.shapes.push(Shape::Polygon {
            points: vec![
                (area.x, y),
                (area.x + swatch, y),
                (area.x + swatch, y + swatch),
                (area.x, y + swatch),
            ],
            fill: rgb(scale.color(fill)),
            stroke: Some((colors.axis, 0.5)),
        });
        let text = fit(&label, LEGEND_TEXT, area.w - swatch - 6.0);
        scene.text(
            area.x + swatch + 6.0,
            y + swatch - 1.0,
            text,
            LEGEND_TEXT,
            false,
            colors.text,
            Anchor::Start,
        );
        y += pitch;
    }
    // The origin on as many lines as its parts need (it is long for a narrow legend).
    for (i, part) in ORIGIN.split(", ").enumerate() {
        scene.text(
            area.x,
            y + LEGEND_TEXT * (1.0 + 1.2 * i as f32),
            fit(part, LEGEND_TEXT * 0.8, area.w),
            LEGEND_TEXT * 0.8,
            false,
            colors.weak,
            Anchor::Start,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Filter, Granularity};

    #[test]
    fn every_division_is_drawn_and_the_shown_ones_in_their_class_colour() {
        let doc = crate::io::sample_document();
        let view = Aggregates::build(&doc).view(Granularity::Quarter, &Filter::default());
        let texts = Texts {
            title: "T".into(),
            subtitle: "S".into(),
            footer: "Source: f.csv".into(),
            description: "D".into(),
        };
        let scene = map_scene(
            &view,
            Metric::Rigs,
            false,
            Lang::En,
            &texts,
            Theme::Light,
            1200.0,
            675.0,
        );
        let polygons: Vec<Rgb> = scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Polygon { fill, .. } => Some(*fill),
                _ => None,
            })
            .collect();
        let rings: usize = Map::get().shapes().iter().map(|s| s.rings.len()).sum();
        assert!(
            polygons.len() >= rings,
            "every ring of every division, plus the legend swatches"
        );
        let values = MapValues::new(&view, Metric::Rigs, When::All, false);
        let scale = Scale::new(values.range.iter().copied(), false);
        let most = rgb(scale.color(Fill::Class(scale.classes() - 1)));
        let none = rgb(scale.color(Fill::NoData));
        assert!(polygons.contains(&most) && polygons.contains(&none));
        assert!(scene.texts().any(|t| t.contains("No data")));
        assert!(scene.texts().any(|t| t.contains("Natural Earth")));
    }
}
