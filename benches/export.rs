//! The export path a user waits on after Save… or Copy image: the dashboard of the sample data
//! as a 2× PNG (1200×675 logical, 2400×1350 pixels): scene, SVG, resvg rendering with the
//! bundled font, PNG encoding. Target: at most 300 ms. Also the parts, to see where time goes.
//!
//! Run with `cargo bench --bench export`. The headless `export` command as a whole process is
//! measured with `/usr/bin/time -v` on a release build (see the report / docs/performance.md).

use std::hint::black_box;

use crackdown_dashboard::analysis::{Filter, Granularity};
use crackdown_dashboard::picture::dashboard::dashboard_scene;
use crackdown_dashboard::picture::texts::dashboard_texts;
use crackdown_dashboard::picture::units::Lang;
use crackdown_dashboard::picture::{ChartKind, Format, Theme, encode, png, svg};
use crackdown_dashboard::session::Session;
use criterion::{Criterion, criterion_group, criterion_main};

fn export(c: &mut Criterion) {
    let mut session = Session::sample();
    let filter = Filter::default();
    let view = session.view(Granularity::Quarter, &filter).clone();
    let texts = dashboard_texts(
        session.doc(),
        &view,
        &filter,
        ChartKind::Bars,
        "crackdown-events.csv",
    );
    let scene = || {
        dashboard_scene(
            &view,
            ChartKind::Bars,
            Lang::En,
            &texts,
            Theme::Light,
            1200.0,
            675.0,
            &[],
        )
    };
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.bench_function("dashboard 2x png (scene, svg, render, encode)", |b| {
        b.iter(|| black_box(encode(&scene(), Format::Png, 2.0).unwrap()))
    });
    group.bench_function("dashboard scene and svg", |b| {
        b.iter(|| black_box(svg::to_svg(&scene())))
    });
    let text = svg::to_svg(&scene());
    group.bench_function("dashboard 2x render", |b| {
        b.iter(|| black_box(png::render_svg(&text, 2.0).unwrap()))
    });
    let pixels = png::render_svg(&text, 2.0).unwrap();
    group.bench_function("dashboard 2x png encode", |b| {
        b.iter(|| black_box(png::encode_png(&pixels).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
