//! A [`Scene`] as SVG: vectors stay vectors, text stays `<text>` in the bundled font's family,
//! and the text alternative is the SVG's `<title>` and `<desc>`.

use std::fmt::Write;

use super::font::FAMILY;
use super::scene::{Anchor, Scene, Shape};

/// Escapes text for XML content and attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most two decimals.
fn n(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn points(pts: &[(f32, f32)]) -> String {
    pts.iter()
        .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SVG document of a scene.
pub fn to_svg(scene: &Scene) -> String {
    let mut s = String::with_capacity(64 * scene.shapes.len() + 512);
    let (w, h) = (n(scene.width), n(scene.height));
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="title desc">"#
    );
    let _ = writeln!(s, r#"<title id="title">{}</title>"#, escape(&scene.title));
    let _ = writeln!(
        s,
        r#"<desc id="desc">{}</desc>"#,
        escape(&scene.description)
    );
    let _ = writeln!(
        s,
        r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
        scene.background.hex()
    );
    let _ = writeln!(
        s,
        r#"<g font-family="{FAMILY}" shape-rendering="crispEdges">"#
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { x, y, w, h, fill } => {
                let _ = writeln!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    n(*x),
                    n(*y),
                    n(*w),
                    n(*h),
                    fill.hex()
                );
            }
            Shape::Polyline {
                points: p,
                color,
                width,
            } => {
                let _ = writeln!(
                    s,
                    r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" shape-rendering="geometricPrecision"/>"#,
                    points(p),
                    color.hex(),
                    n(*width)
                );
            }
            Shape::Polygon {
                points: p,
                fill,
                stroke,
            } => {
                let stroke = stroke.map_or(String::new(), |(c, w)| {
                    format!(r#" stroke="{}" stroke-width="{}""#, c.hex(), n(w))
                });
                let _ = writeln!(
                    s,
                    r#"<polygon points="{}" fill="{}"{stroke} shape-rendering="geometricPrecision"/>"#,
                    points(p),
                    fill.hex()
                );
            }
            Shape::Circle { cx, cy, r, fill } => {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}" shape-rendering="geometricPrecision"/>"#,
                    n(*cx),
                    n(*cy),
                    n(*r),
                    fill.hex()
                );
            }
            Shape::Text(t) => {
                let anchor = match t.anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = if t.bold { r#" font-weight="bold""# } else { "" };
                let _ = writeln!(
                    s,
                    r#"<text x="{}" y="{}" font-size="{}"{weight} text-anchor="{anchor}" fill="{}">{}</text>"#,
                    n(t.x),
                    n(t.y),
                    n(t.size),
                    t.color.hex(),
                    escape(&t.text)
                );
            }
        }
    }
    s.push_str("</g>\n</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::palette::Rgb;

    #[test]
    fn text_is_escaped_and_the_alternative_is_title_and_desc() {
        let mut scene = Scene::new(100.0, 50.0, Rgb(255, 255, 255));
        scene.title = "Rigs <seized>".into();
        scene.description = "A & B".into();
        scene.text(
            1.0,
            2.0,
            "x < y & \"z\"",
            12.0,
            false,
            Rgb(0, 0, 0),
            Anchor::Start,
        );
        scene.rect(0.5, 0.25, 10.0, 0.0, Rgb(1, 2, 3)); // empty: left out
        let svg = to_svg(&scene);
        assert!(svg.contains("<title id=\"title\">Rigs &lt;seized&gt;</title>"));
        assert!(svg.contains("<desc id=\"desc\">A &amp; B</desc>"));
        assert!(svg.contains(">x &lt; y &amp; &quot;z&quot;</text>"));
        assert_eq!(svg.matches("<rect").count(), 1, "only the background");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(1.5), "1.5");
    }
}
