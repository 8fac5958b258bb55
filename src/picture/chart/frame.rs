//! What surrounds a plot: the title and subtitle on top, the legend and the footer below.

use crate::data::document::Place;

use super::super::Texts;
use super::super::font::{cap_height, fit, text_width, wrap};
use super::super::palette::place_rgb;
use super::super::scene::{Anchor, Area, Scene};
use super::super::units::Lang;
use super::{Colors, place_label};

/// Title size, px.
const TITLE: f32 = 20.0;
/// Subtitle size, px.
const SUBTITLE: f32 = 13.0;
/// Legend size, px.
const LEGEND: f32 = 11.0;
/// Footer size, px.
const FOOTER: f32 = 10.5;

/// Draws the title and subtitle at the top of `area`; returns the y below them.
pub fn header(scene: &mut Scene, area: Area, texts: &Texts, colors: &Colors) -> f32 {
    let mut y = area.y;
    for line in wrap(&texts.title, TITLE, area.w, 2) {
        y += TITLE * 1.15;
        scene.text(
            area.x,
            y - TITLE * 0.2,
            line,
            TITLE,
            true,
            colors.text,
            Anchor::Start,
        );
    }
    for line in wrap(&texts.subtitle, SUBTITLE, area.w, 2) {
        y += SUBTITLE * 1.35;
        scene.text(
            area.x,
            y - SUBTITLE * 0.25,
            line,
            SUBTITLE,
            false,
            colors.weak,
            Anchor::Start,
        );
    }
    y
}

/// Draws the footer (wrapped, at most three lines) at the bottom of `area`; returns its top.
pub fn footer_area(scene: &mut Scene, area: Area, footer: &str, colors: &Colors) -> f32 {
    let lines = wrap(footer, FOOTER, area.w, 3);
    let pitch = FOOTER * 1.35;
    let top = area.bottom() - pitch * lines.len() as f32;
    for (i, line) in lines.into_iter().enumerate() {
        let baseline = top + pitch * (i as f32 + 1.0) - FOOTER * 0.3;
        scene.text(
            area.x,
            baseline,
            line,
            FOOTER,
            false,
            colors.weak,
            Anchor::Start,
        );
    }
    top
}

/// Draws a legend of `places` (a colour swatch and the name, wrapped into rows, at most four;
/// "+ N more" when they do not fit) at the bottom of `area`; returns its top.
pub fn legend(scene: &mut Scene, area: Area, places: &[Place], lang: Lang, colors: &Colors) -> f32 {
    if places.is_empty() {
        return area.bottom();
    }
    let swatch = 10.0;
    let gap = 14.0;
    let pitch = LEGEND * 1.6;
    let entries: Vec<(Place, String, f32)> = places
        .iter()
        .map(|&p| {
            let name = fit(&place_label(p, lang), LEGEND, area.w * 0.5);
            let w = swatch + 4.0 + text_width(&name, LEGEND);
            (p, name, w)
        })
        .collect();
    // Rows of entries that fit the width.
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = 0.0;
    for (i, e) in entries.iter().enumerate() {
        let row = rows.last_mut().expect("one row at least");
        if !row.is_empty() && x + e.2 > area.w {
            rows.push(Vec::new());
            x = 0.0;
        }
        rows.last_mut().expect("one row at least").push(i);
        x += e.2 + gap;
    }
    let max_rows = 4;
    let shown: usize = rows.iter().take(max_rows).map(Vec::len).sum();
    let left = entries.len() - shown;
    rows.truncate(max_rows);
    let top = area.bottom() - pitch * rows.len() as f32;
    for (r, row) in rows.iter().enumerate() {
        let mut x = area.x;
        let baseline = top + pitch * r as f32 + (pitch + cap_height(LEGEND)) / 2.0;
        for &i in row {
            let (place, name, w) = &entries[i];
            // Whole pixels, so the swatch holds the exact colour at any whole scale.
            let sy = (baseline - cap_height(LEGEND) / 2.0 - swatch / 2.0).round();
            scene.rect(x.round(), sy, swatch, swatch, place_rgb(*place));
            scene.text(
                x + swatch + 4.0,
                baseline,
                name.clone(),
                LEGEND,
                false,
                colors.text,
                Anchor::Start,
            );
            x += w + gap;
        }
        if r + 1 == rows.len() && left > 0 {
            let more = format!("+ {left} more");
            scene.text(
                area.right(),
                baseline,
                more,
                LEGEND,
                false,
                colors.weak,
                Anchor::End,
            );
        }
    }
    top
}
