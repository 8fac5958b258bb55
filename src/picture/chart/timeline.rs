//! The policy timeline in an exported time chart: the same markers as on screen
//! (`crate::ui::charts` markers), small triangles along the bottom of the plot at their day in
//! the province's colour (National grey), stacked one per province where days are closer than
//! a triangle is wide.

use crate::analysis::date_to_x;
use crate::analysis::timeline::Marker;
use crate::data::document::Place;

use super::super::palette::{Rgb, place_rgb};
use super::super::scene::{Area, Scene, Shape};

/// Half a triangle's width and its height, px (as on screen).
pub const HALF_WIDTH: f32 = 4.0;
/// A triangle's height, px.
pub const HEIGHT: f32 = 7.0;
/// Most triangles stacked at one spot (one per province).
pub const MAX_STACK: usize = 4;

/// A day key's (`yyyymmdd`) x on a chart (days since 1970, as [`date_to_x`]), at noon; NaN for
/// a key that is no date.
pub fn day_x(day: i32) -> f64 {
    let (y, m, d) = (day / 10_000, (day / 100 % 100) as u32, (day % 100) as u32);
    chrono::NaiveDate::from_ymd_opt(y, m, d).map_or(f64::NAN, |d| date_to_x(d) + 0.5)
}

/// Draws `markers` (in date order) along the bottom of `plot`; `fx` maps a chart x to the
/// picture; `outline` rings each triangle (the background's colour).
pub(super) fn draw(
    scene: &mut Scene,
    plot: Area,
    markers: &[Marker],
    fx: &dyn Fn(f64) -> f32,
    outline: Rgb,
) {
    let mut spots: Vec<(f32, Vec<Place>)> = Vec::new();
    let (left, right) = (plot.x + HALF_WIDTH, plot.right() - HALF_WIDTH);
    for m in markers {
        let x = fx(day_x(m.day));
        if !(left..=right).contains(&x) {
            continue;
        }
        match spots.last_mut() {
            Some((at, places)) if x - *at < HALF_WIDTH * 2.0 => {
                if !places.contains(&m.place) {
                    places.push(m.place);
                }
            }
            _ => spots.push((x, vec![m.place])),
        }
    }
    let bottom = plot.bottom() - 1.5;
    for (x, places) in spots {
        for (i, place) in places.iter().take(MAX_STACK).enumerate() {
            let base = bottom - HEIGHT * i as f32;
            scene.shapes.push(Shape::Polygon {
                points: vec![
                    (x, base - HEIGHT),
                    (x + HALF_WIDTH, base),
                    (x - HALF_WIDTH, base),
                ],
                fill: place_rgb(*place),
                stroke: Some((outline, 1.0)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ChartSpec, chart_scene};
    use super::*;
    use crate::analysis::{Aggregates, Filter, Granularity};
    use crate::data::document::Metric;
    use crate::data::gazetteer::NATIONAL;
    use crate::picture::{ChartKind, Texts, Theme, units::Lang};

    /// The triangles of the scene: (fill, apex x).
    fn triangles(scene: &Scene) -> Vec<(Rgb, f32)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Polygon { points, fill, .. } if points.len() == 3 => {
                    Some((*fill, points[0].0))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bars_and_lines_carry_the_markers_in_their_colours_and_the_others_none() {
        let doc = crate::io::sample_document();
        let view = Aggregates::build(&doc).view(Granularity::Quarter, &Filter::default());
        let markers = crate::analysis::timeline::markers(&doc, &Filter::default());
        let chart = view.chart(Metric::Projects).unwrap();
        for kind in ChartKind::ALL {
            let spec = ChartSpec {
                chart,
                granularity: view.granularity,
                kind,
                span: view.first_day.zip(view.last_day),
                lang: Lang::En,
                markers: &markers,
            };
            let scene = chart_scene(&spec, &Texts::default(), Theme::Light, 1200.0, 675.0);
            let found = triangles(&scene);
            if matches!(kind, ChartKind::Bars | ChartKind::Cumulative) {
                assert!(found.len() >= 10, "{kind:?}: {}", found.len());
                let national = place_rgb(Place::Region(NATIONAL));
                assert!(found.iter().any(|(c, _)| *c == national), "{kind:?}");
                let province = markers.iter().find(|m| m.place != Place::Region(NATIONAL));
                let c = place_rgb(province.unwrap().place);
                assert!(found.iter().any(|(f, _)| *f == c), "{kind:?}");
                // Left to right, as the days.
                assert!(found.windows(2).all(|w| w[0].1 <= w[1].1), "{kind:?}");
            } else {
                assert!(found.is_empty(), "{kind:?} has no time axis");
            }
            let none = ChartSpec {
                markers: &[],
                ..spec
            };
            let scene = chart_scene(&none, &Texts::default(), Theme::Light, 1200.0, 675.0);
            assert!(triangles(&scene).is_empty(), "{kind:?} switched off");
        }
    }
}
