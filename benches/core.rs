//! Benchmarks of the paths a user waits on: opening a file, one cell edit with the charts
//! following, and one UI frame with a large table (egui pass, no GPU).
//!
//! Run with `cargo bench --bench core`; figures are in the README.

use std::hint::black_box;
use std::path::Path;

use crackdown_dashboard::analysis::{Aggregates, Filter, Granularity};
use crackdown_dashboard::data::document::{Column, Edit, Field};
use crackdown_dashboard::io::{self, Format};
use crackdown_dashboard::session::Session;
use crackdown_dashboard::{App, StartOptions, synth};
use criterion::{Criterion, criterion_group, criterion_main};

const ROWS: usize = 100_000;

fn open_and_aggregate(c: &mut Criterion) {
    let text = synth::csv(ROWS, 42);
    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    g.bench_function("parse 100k-row CSV", |b| {
        b.iter(|| {
            io::read_bytes(
                Path::new("bench.csv"),
                black_box(text.as_bytes()),
                Some(Format::Csv),
            )
            .unwrap()
        })
    });
    let doc = io::read_bytes(Path::new("bench.csv"), text.as_bytes(), Some(Format::Csv)).unwrap();
    g.bench_function("aggregate 100k rows + quarterly view", |b| {
        b.iter(|| Aggregates::build(black_box(&doc)).view(Granularity::Quarter, &Filter::default()))
    });
    g.bench_function("open sample data (60 rows) + view", |b| {
        b.iter(|| {
            Session::sample()
                .view(Granularity::Quarter, &Filter::default())
                .totals
        })
    });
    g.finish();
}

fn edit_cell(c: &mut Criterion) {
    let text = synth::csv(ROWS, 42);
    let doc = io::read_bytes(Path::new("bench.csv"), text.as_bytes(), Some(Format::Csv)).unwrap();
    let mut session = Session::new(doc, None, "bench");
    let mut n = 0u64;
    // The edit itself: the document changes and the per-province aggregates follow incrementally.
    c.bench_function("edit one cell → aggregates updated (100k rows)", |b| {
        b.iter(|| {
            n += 1;
            let edit = Edit::SetCell {
                row: 5_000,
                column: Column::Field(Field::Rigs),
                text: (n % 900 + 1).to_string(),
            };
            session.apply(edit).unwrap();
        })
    });
    // The edit and the charts' new per-quarter series and totals.
    c.bench_function("edit one cell + new quarterly view (100k rows)", |b| {
        b.iter(|| {
            n += 1;
            let edit = Edit::SetCell {
                row: 5_000,
                column: Column::Field(Field::Rigs),
                text: (n % 900 + 1).to_string(),
            };
            session.apply(edit).unwrap();
            black_box(
                session
                    .view(Granularity::Quarter, &Filter::default())
                    .totals,
            )
        })
    });
}

fn ui_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, synth::csv(ROWS, 42)).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(|cc| {
            App::new(
                cc,
                StartOptions {
                    file: Some(path.clone()),
                    ..Default::default()
                },
            )
        });
    // A file this size loads on a worker thread: step until it is in.
    let start = std::time::Instant::now();
    while h.state().session().doc().len() != ROWS {
        assert!(start.elapsed().as_secs() < 300, "the file loads");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
    let mut g = c.benchmark_group("ui");
    g.sample_size(20);
    g.bench_function(
        "one frame, 100k rows, table + 4 charts (egui pass + tessellation)",
        |b| {
            b.iter(|| {
                h.ctx.request_repaint();
                h.step();
                let out = h.output();
                black_box(h.ctx.tessellate(out.shapes.clone(), out.pixels_per_point));
            })
        },
    );
    g.finish();
}

criterion_group!(benches, open_and_aggregate, edit_cell, ui_frame);
criterion_main!(benches);
