//! A headless frame of the real app with the map visible (the Charts | Map switch on Map), on a
//! generated file (`BENCH_ROWS`, default 1,000,000 rows) in a 1600×900 window: the egui pass
//! (the choropleth's meshes, outlines, legend, slider, the table below) and tessellation, while
//! the pointer moves over the map, so each frame also hit-tests a province and lays out its
//! tooltip. Target: p95 ≤ 3 ms. Run with `cargo bench --bench map`.

use std::hint::black_box;

use crackdown_dashboard::{StartOptions, synth};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::kittest::Queryable;

#[path = "support/dashboard.rs"]
mod dashboard;

fn rows() -> usize {
    std::env::var("BENCH_ROWS")
        .ok()
        .and_then(|r| r.replace('_', "").parse().ok())
        .unwrap_or(1_000_000)
}

fn map_frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("events.csv");
    std::fs::write(&csv, synth::csv(rows(), 42)).unwrap();
    let mut h = dashboard::loaded(StartOptions {
        file: Some(csv.clone()),
        ..Default::default()
    });
    h.get_by_label("Map").click();
    h.run_steps(3);
    assert!(h.state().settings_map_shown(), "the map is shown");
    // Where the map is: the pointer sweeps across the provinces' nodes.
    let points: Vec<egui::Pos2> = [
        "Inner Mongolia",
        "Sichuan",
        "Guangdong",
        "Xinjiang",
        "Macao",
    ]
    .iter()
    .map(|name| {
        h.get_by_role_and_label(egui::accesskit::Role::Button, name)
            .rect()
            .center()
    })
    .collect();
    let ctx = h.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, dashboard::SIZE.into());
    let mut time = 100.0;
    let app = h.state_mut();
    let mut frame = |i: usize| {
        time += 1.0 / 60.0;
        let a = points[i % points.len()];
        let b = points[(i + 1) % points.len()];
        let t = (i % 7) as f32 / 7.0;
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events: vec![egui::Event::PointerMoved(a.lerp(b, t))],
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| eframe::App::ui(app, ui, &mut eframe_frame));
        // No GPU here to take the font atlas's updates (new glyphs, as a tooltip's text brings).
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    let mut times: Vec<f64> = (0..300)
        .map(|i| {
            let t = std::time::Instant::now();
            frame(i);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "map frame, {} rows, pointer over the map: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} frames",
        rows(),
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1],
        times.len()
    );
    let mut g = c.benchmark_group("map");
    g.sample_size(20);
    let mut i = 0;
    g.bench_function(
        "one frame with the map visible (egui pass + tessellation)",
        |b| {
            b.iter(|| {
                i += 1;
                frame(i);
            })
        },
    );
    g.finish();
}

criterion_group!(benches, map_frames);
criterion_main!(benches);
