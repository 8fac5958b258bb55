//! Benchmarks of the paths a user waits on, at a million rows: opening a CSV or JSON file
//! (read, parse, aggregate per province and month), one cell edit with the charts following,
//! the problem list following an edit and the check of every row, sorting every row, and one UI frame with the table scrolling and all charts (egui pass plus
//! tessellation, no GPU). The frame benchmark also prints p50/p95 over 300 frames.
//!
//! Run with `cargo bench --bench core`; figures are in the README. `BENCH_ROWS=100000` runs
//! the same at another size.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

use crackdown_dashboard::analysis::rows::{RowQuery, SortDir, visible_rows, visible_rows_checked};
use crackdown_dashboard::analysis::{Filter, Granularity, LoadSums};
use crackdown_dashboard::data::document::{Column, Edit, Field};
use crackdown_dashboard::data::problem_index::ProblemIndex;
use crackdown_dashboard::io::{self, Format};
use crackdown_dashboard::session::Session;
use crackdown_dashboard::{StartOptions, synth};
use criterion::{Criterion, criterion_group};

#[path = "support/dashboard.rs"]
mod dashboard;

fn rows() -> usize {
    std::env::var("BENCH_ROWS")
        .ok()
        .and_then(|r| r.replace('_', "").parse().ok())
        .unwrap_or(1_000_000)
}

fn label(what: &str) -> String {
    let n = rows();
    let size = if n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else {
        format!("{}k", n / 1000)
    };
    what.replace("{n}", &size)
}

/// The generated files, written once: (directory, CSV path, JSON path). A static is never dropped,
/// so `main` removes the directory at the end.
static FILES: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();

/// The generated files (see [`FILES`]).
fn files() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    FILES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("events.csv");
        let json = dir.path().join("events.json");
        std::fs::write(&csv, synth::csv(rows(), 42)).unwrap();
        let doc = io::read_path(&csv).unwrap();
        std::fs::write(&json, io::to_bytes(&doc, Format::Json).unwrap()).unwrap();
        (dir, csv, json)
    })
}

fn open_and_aggregate(c: &mut Criterion) {
    let (_, csv, json) = files();
    let mut g = c.benchmark_group("open");
    g.sample_size(10);
    for (name, path) in [("CSV", csv), ("JSON", json)] {
        g.bench_function(
            label(&format!(
                "open + parse + aggregate {{n}}-row {name} (per province and month)"
            )),
            |b| {
                // As the app opens a file: CSV rows are summed while they are read, JSON after.
                b.iter(|| {
                    let (_, import) = io::read_path_progress::<LoadSums>(
                        black_box(path),
                        &io::ReadOptions::default(),
                        &io::Progress::default(),
                    )
                    .unwrap();
                    let mut agg = import.aggregates.expect("summed on the loading thread");
                    let view = agg.view(Granularity::Month, &Filter::default());
                    black_box((import.doc.len(), view.totals))
                })
            },
        );
    }
    g.bench_function("open sample data (60 rows) + view", |b| {
        b.iter(|| {
            Session::sample()
                .view(Granularity::Quarter, &Filter::default())
                .totals
        })
    });
    g.finish();
}

/// A new rigs figure for row 5,000 (a different one each time).
fn rigs_edit(n: u64) -> Edit {
    Edit::SetCell {
        row: 5_000,
        column: Column::Field(Field::Rigs),
        text: (n % 900 + 1).to_string(),
    }
}

fn edit_and_sort(c: &mut Criterion) {
    let (_, csv, _) = files();
    let doc = io::read_path(csv).unwrap();
    let mut session = Session::new(doc, None, "bench");
    let mut n = 0u64;
    // The edit itself: the document changes and the per-province aggregates follow incrementally.
    c.bench_function(
        &label("edit one cell → aggregates updated ({n} rows)"),
        |b| {
            b.iter(|| {
                n += 1;
                session.apply(rigs_edit(n)).unwrap();
            })
        },
    );
    // The edit and the charts' new per-quarter series and totals.
    c.bench_function(
        &label("edit one cell + new quarterly view ({n} rows)"),
        |b| {
            b.iter(|| {
                n += 1;
                session.apply(rigs_edit(n)).unwrap();
                black_box(
                    session
                        .view(Granularity::Quarter, &Filter::default())
                        .totals,
                )
            })
        },
    );
    // Deleting a thousand selected rows (one undo step) and undoing it.
    c.bench_function(&label("delete 1,000 rows + undo ({n} rows)"), |b| {
        b.iter(|| {
            let edits = (0..1000)
                .rev()
                .map(|i| Edit::DeleteRow { at: i * 700 })
                .collect();
            session
                .apply(Edit::Batch {
                    label: "delete of 1000 rows".into(),
                    edits,
                })
                .unwrap();
            session.undo();
        })
    });
    // The problem list following an edit: a cell that stops and starts parsing, the list and
    // its counts read as the status bar does; and the whole check, as opening a file makes it.
    let mut g = c.benchmark_group("problems");
    g.bench_function(
        label("edit one cell → problems updated ({n} rows)"),
        |b| {
            b.iter(|| {
                n += 1;
                let text = if n.is_multiple_of(2) { "abc" } else { "12" };
                session
                    .apply(Edit::SetCell {
                        row: 5_000,
                        column: Column::Field(Field::Rigs),
                        text: text.into(),
                    })
                    .unwrap();
                black_box((
                    session.problems().list().len(),
                    session.problems().cell_count(),
                ))
            })
        },
    );
    g.sample_size(10);
    g.bench_function(label("check every row ({n} rows)"), |b| {
        b.iter(|| black_box(ProblemIndex::build(session.doc()).list().len()))
    });
    g.finish();
    let doc = session.doc_shared();
    let mut g = c.benchmark_group("sort");
    g.sample_size(10);
    for (name, field) in [
        ("rigs seized", Field::Rigs),
        ("province", Field::Province),
        ("date", Field::Date),
        ("notes", Field::Notes),
    ] {
        let q = RowQuery {
            sort: Some((Column::Field(field), SortDir::Descending)),
            ..Default::default()
        };
        g.bench_function(label(&format!("sort {{n}} rows by {name}")), |b| {
            b.iter(|| black_box(visible_rows(&doc, &q).len()))
        });
    }
    g.finish();
    // The "rows with problems" filter, checking the rows itself or reading the list the app
    // keeps (the generated rows repeat some rows exactly: those are the problems).
    let mut g = c.benchmark_group("filter");
    g.sample_size(10);
    let q = RowQuery {
        problems_only: true,
        ..Default::default()
    };
    let listed = doc.problems();
    g.bench_function(label("rows with problems, checked ({n} rows)"), |b| {
        b.iter(|| black_box(visible_rows(&doc, &q).len()))
    });
    g.bench_function(label("rows with problems, from the list ({n} rows)"), |b| {
        b.iter(|| black_box(visible_rows_checked(&doc, &q, Some(&listed)).len()))
    });
    g.finish();
}

fn ui_frame(c: &mut Criterion) {
    // As the charts are painted live, then as the native window paints them: from a picture of
    // the cards and charts while they look the same (ui::chart_cache).
    for pictures in [false, true] {
        ui_frames(c, pictures);
    }
}

fn ui_frames(c: &mut Criterion, chart_pictures: bool) {
    let (_, csv, _) = files();
    let n = rows();
    let mut h = dashboard::loaded(StartOptions {
        file: Some(csv.clone()),
        chart_pictures,
        ..Default::default()
    });
    assert_eq!(h.state().session().doc().len(), n, "the whole file is in");
    // Frames as the app runs them without a screen reader: the same context and app, with
    // AccessKit off (kittest needs it only to find widgets, which the setup above did).
    let ctx = h.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, dashboard::SIZE.into());
    let mut time = 100.0;
    let app = h.state_mut();
    let mut frame = |i: usize| {
        let key = if i % 200 == 199 {
            (egui::Key::Home, egui::Modifiers::COMMAND)
        } else {
            (egui::Key::PageDown, egui::Modifiers::NONE)
        };
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events: vec![egui::Event::Key {
                key: key.0,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: key.1,
            }],
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| eframe::App::ui(app, ui, &mut eframe_frame));
        // No GPU here to take the font atlas's updates (new glyphs, as a tooltip's text brings).
        out.textures_delta.clear();
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        app.charts_from_picture()
    };
    // p50 / p95 of single frames (criterion reports means of batches).
    let mut pictured = 0;
    let mut times: Vec<f64> = (0..300)
        .map(|i| {
            let t = std::time::Instant::now();
            pictured += usize::from(frame(i));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    assert_eq!(
        pictured,
        if chart_pictures { times.len() } else { 0 },
        "frames with the cards and charts from their picture"
    );
    times.sort_by(f64::total_cmp);
    let what = if chart_pictures {
        "ui frame, {n} rows, table scrolling + 4 charts from their picture"
    } else {
        "ui frame, {n} rows, table scrolling + 4 charts"
    };
    println!(
        "{}: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} frames",
        label(what),
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1],
        times.len()
    );
    let mut g = c.benchmark_group("ui");
    g.sample_size(20);
    let mut i = 0;
    let name = if chart_pictures {
        "one frame, {n} rows, table scrolling + 4 charts from their picture (egui pass + tessellation)"
    } else {
        "one frame, {n} rows, table scrolling + 4 charts (egui pass + tessellation)"
    };
    g.bench_function(label(name), |b| {
        b.iter(|| {
            i += 1;
            black_box(frame(i));
        })
    });
    g.finish();
}

criterion_group!(benches, open_and_aggregate, edit_and_sort, ui_frame);
/// `criterion_main!` plus removing the generated files (about 284 MB at 1M rows), which the static
/// would otherwise leave in the temp folder after every run, `cargo test --all-targets` included.
fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if let Some((dir, _, _)) = FILES.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
}
