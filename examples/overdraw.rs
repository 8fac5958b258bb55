//! What one frame of the dashboard asks the GPU (or llvmpipe) to shade: the real app at
//! 1600×900 with the table scrolling and every chart, tessellated as eframe does, then every
//! triangle clipped to its clip rect and its area summed. Prints the shaded area against the
//! window's (the overdraw factor), primitives, vertices and triangles, the area per kind of shape
//! and per clip rect, and how many pixels are covered how many times.
//!
//! `cargo run --release --example overdraw [FILE]` (without FILE: a generated file of
//! `ROWS=100000` rows; the layout, not the row count, decides the area).
use std::collections::BTreeMap;

use crackdown_dashboard::{StartOptions, synth};
use egui::epaint::{ClippedShape, Primitive, Shape};
use egui::{Pos2, Rect};

#[path = "../benches/support/dashboard.rs"]
mod dashboard;
use dashboard::SIZE;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = match std::env::args().nth(1) {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            let rows = std::env::var("ROWS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(100_000);
            let p = dir.path().join("events.csv");
            std::fs::write(&p, synth::csv(rows, 42)).unwrap();
            p
        }
    };
    let mut h = dashboard::loaded(StartOptions {
        file: Some(path.clone()),
        background_from_clear: true,
        chart_pictures: std::env::var_os("NO_PICTURES").is_none(),
        ..Default::default()
    });

    let ctx = h.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let screen = Rect::from_min_size(Pos2::ZERO, SIZE.into());
    let app = h.state_mut();
    let mut out = None;
    for i in 0..5 {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(100.0 + f64::from(i) / 60.0),
            events: vec![egui::Event::Key {
                key: egui::Key::PageDown,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            }],
            ..Default::default()
        };
        out = Some(ctx.run_ui(input, |ui| eframe::App::ui(app, ui, &mut eframe_frame)));
    }
    let out = out.unwrap();
    let ppp = out.pixels_per_point;
    let window_px = f64::from(SIZE[0] * SIZE[1] * ppp * ppp);

    // The whole frame as eframe paints it.
    let prims = ctx.tessellate(out.shapes.clone(), ppp);
    let mut coverage = vec![0u16; (SIZE[0] * ppp) as usize * (SIZE[1] * ppp) as usize];
    let (mut verts, mut tris, mut area, mut blocks) = (0usize, 0usize, 0.0f64, 0usize);
    for p in &prims {
        if let Primitive::Mesh(m) = &p.primitive {
            verts += m.vertices.len();
            tris += m.indices.len() / 3;
            for t in m.indices.chunks(3) {
                let tri = [t[0], t[1], t[2]].map(|i| m.vertices[i as usize].pos);
                area += clipped_area(tri, p.clip_rect.intersect(screen)) * f64::from(ppp * ppp);
                blocks += rasterize(&mut coverage, tri, p.clip_rect.intersect(screen), ppp);
            }
        }
    }
    println!(
        "frame: {} primitives (draw calls), {verts} vertices, {tris} triangles; \
         shaded area {:.2} Mpx = {:.2}× the window ({:.2} Mpx); \
         4×4 blocks touched per triangle, summed: {blocks} ({:.2} Mpx)",
        prims.len(),
        area / 1e6,
        area / window_px,
        window_px / 1e6,
        blocks as f64 * 16.0 / 1e6
    );
    if std::env::var_os("LIST").is_some() {
        for p in &prims {
            if let Primitive::Mesh(m) = &p.primitive {
                let c = p.clip_rect;
                let b = m.calc_bounds();
                println!(
                    "  clip [{:.1},{:.1}]-[{:.1},{:.1}] tris {:>5} bounds [{:.1},{:.1}]-[{:.1},{:.1}]",
                    c.min.x,
                    c.min.y,
                    c.max.x,
                    c.max.y,
                    m.indices.len() / 3,
                    b.min.x,
                    b.min.y,
                    b.max.x,
                    b.max.y
                );
            }
        }
    }
    let mut hist = BTreeMap::<u16, usize>::new();
    for c in &coverage {
        *hist.entry((*c).min(6)).or_default() += 1;
    }
    println!("pixels shaded n times (6 = 6 or more): {hist:?}");

    // Per kind of shape and per clip rect: each shape tessellated on its own.
    let mut by_kind = BTreeMap::<String, (f64, usize, usize, usize)>::new();
    let mut by_clip = BTreeMap::<String, (f64, usize, usize, usize)>::new();
    let mut scratch = vec![0u16; coverage.len()];
    for cs in &out.shapes {
        let mut flat = Vec::new();
        flatten(&cs.shape, &mut flat);
        for shape in flat {
            let kind = kind_of(&shape);
            let clip = cs.clip_rect;
            let prims = ctx.tessellate(
                vec![ClippedShape {
                    shape,
                    ..cs.clone()
                }],
                ppp,
            );
            let (mut a, mut t, mut b) = (0.0, 0usize, 0usize);
            for p in &prims {
                if let Primitive::Mesh(m) = &p.primitive {
                    t += m.indices.len() / 3;
                    for tri in m.indices.chunks(3) {
                        let tri = [tri[0], tri[1], tri[2]].map(|i| m.vertices[i as usize].pos);
                        a +=
                            clipped_area(tri, p.clip_rect.intersect(screen)) * f64::from(ppp * ppp);
                        b += rasterize(&mut scratch, tri, p.clip_rect.intersect(screen), ppp);
                    }
                }
            }
            for (map, key) in [
                (&mut by_kind, kind.clone()),
                (
                    &mut by_clip,
                    format!(
                        "clip [{:.0},{:.0}]-[{:.0},{:.0}] {kind}",
                        clip.min.x, clip.min.y, clip.max.x, clip.max.y
                    ),
                ),
            ] {
                let e = map.entry(key).or_default();
                e.0 += a;
                e.1 += t;
                e.2 += 1;
                e.3 += b;
            }
        }
    }
    let print = |title: &str, map: &BTreeMap<String, (f64, usize, usize, usize)>, n: usize| {
        println!("\n{title} (area kpx, 4×4 blocks ×16 kpx, triangles, shapes):");
        let mut v: Vec<_> = map.iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1.3));
        for (k, (a, t, s, b)) in v.into_iter().take(n) {
            println!(
                "{:>9.1} {:>9.1} {:>7} {:>6}  {k}",
                a / 1e3,
                *b as f64 * 16.0 / 1e3,
                t,
                s
            );
        }
    };
    print("by kind", &by_kind, 40);
    print("by clip rect and kind", &by_clip, 40);
}

fn flatten(shape: &Shape, out: &mut Vec<Shape>) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| flatten(s, out)),
        Shape::Noop => {}
        s => out.push(s.clone()),
    }
}

fn kind_of(shape: &Shape) -> String {
    match shape {
        Shape::Rect(r) => {
            let fill = if r.fill.a() == 0 {
                "no fill"
            } else if r.fill.a() == 255 {
                "opaque fill"
            } else {
                "translucent fill"
            };
            let stroke = if r.stroke.is_empty() { "" } else { " + stroke" };
            let round = if r.corner_radius == egui::CornerRadius::ZERO {
                ""
            } else {
                " rounded"
            };
            let blur = if r.blur_width > 0.0 { " blurred" } else { "" };
            format!("Rect ({fill}{stroke}{round}{blur})")
        }
        Shape::Text(t) => format!("Text ({} rows)", t.galley.rows.len().min(2)),
        Shape::LineSegment { .. } => "LineSegment".into(),
        Shape::Path(p) => format!(
            "Path ({}, {})",
            if p.closed { "closed" } else { "open" },
            if p.fill.a() > 0 { "filled" } else { "stroke" }
        ),
        Shape::Circle(_) => "Circle".into(),
        Shape::Mesh(_) => "Mesh".into(),
        other => format!("{:?}", std::mem::discriminant(other)),
    }
}

/// Area of the triangle inside `clip` (Sutherland–Hodgman, then the shoelace formula).
fn clipped_area(tri: [Pos2; 3], clip: Rect) -> f64 {
    let mut poly: Vec<Pos2> = tri.to_vec();
    let edges: [fn(Pos2, Rect) -> f32; 4] = [
        |p, r| p.x - r.min.x,
        |p, r| r.max.x - p.x,
        |p, r| p.y - r.min.y,
        |p, r| r.max.y - p.y,
    ];
    for inside in edges {
        if poly.is_empty() {
            return 0.0;
        }
        let mut next = Vec::with_capacity(poly.len() + 2);
        for i in 0..poly.len() {
            let a = poly[i];
            let b = poly[(i + 1) % poly.len()];
            let (da, db) = (inside(a, clip), inside(b, clip));
            if da >= 0.0 {
                next.push(a);
            }
            if (da >= 0.0) != (db >= 0.0) {
                let t = da / (da - db);
                next.push(a + (b - a) * t);
            }
        }
        poly = next;
    }
    let mut s = 0.0f64;
    for i in 0..poly.len() {
        let a = poly[i];
        let b = poly[(i + 1) % poly.len()];
        s += f64::from(a.x) * f64::from(b.y) - f64::from(b.x) * f64::from(a.y);
    }
    s.abs() / 2.0
}

/// Counts the pixels whose centres the triangle covers, inside `clip`.
fn rasterize(coverage: &mut [u16], tri: [Pos2; 3], clip: Rect, ppp: f32) -> usize {
    let mut blocks = std::collections::HashSet::new();
    let w = (SIZE[0] * ppp) as i32;
    let tri = tri.map(|p| p * ppp);
    let clip = Rect::from_min_max(clip.min * ppp, clip.max * ppp);
    // The triangle's extent along one axis, within the clip's.
    let extent = |coord: fn(&Pos2) -> f32, lo: f32, hi: f32| {
        let v = tri.map(|p| coord(&p));
        (
            v.iter().copied().fold(hi, f32::min).max(lo),
            v.iter().copied().fold(lo, f32::max).min(hi),
        )
    };
    let (min_x, max_x) = extent(|p| p.x, clip.min.x, clip.max.x);
    let (min_y, max_y) = extent(|p| p.y, clip.min.y, clip.max.y);
    let edge = |a: Pos2, b: Pos2, p: Pos2| (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    let area = edge(tri[0], tri[1], tri[2]);
    if area == 0.0 {
        return 0;
    }
    for y in (min_y.floor() as i32).max(0)..(max_y.ceil() as i32) {
        for x in (min_x.floor() as i32).max(0)..(max_x.ceil() as i32).min(w) {
            let p = Pos2::new(x as f32 + 0.5, y as f32 + 0.5);
            let e = [
                edge(tri[0], tri[1], p),
                edge(tri[1], tri[2], p),
                edge(tri[2], tri[0], p),
            ];
            let inside = if area > 0.0 {
                e.iter().all(|v| *v >= 0.0)
            } else {
                e.iter().all(|v| *v <= 0.0)
            };
            if inside && (y as usize) * (w as usize) + (x as usize) < coverage.len() {
                let c = &mut coverage[(y * w + x) as usize];
                *c = c.saturating_add(1);
                blocks.insert((x / 4, y / 4));
            }
        }
    }
    blocks.len()
}
