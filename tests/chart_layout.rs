//! The four charts fit the window side by side however many provinces have figures: a legend of
//! all 34 provinces wraps (and scrolls past three rows) instead of widening its chart and pushing
//! the neighbouring chart out of the window.

use std::sync::Arc;

use crackdown_dashboard::data::document::Metric;
use crackdown_dashboard::{App, StartOptions, synth};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn four_charts_fit_a_1600_by_900_window_with_every_province() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all-provinces.csv");
    // Small enough to open at once; the synthetic data has figures for every province.
    std::fs::write(&path, synth::csv(3_000, 42)).unwrap();
    let start = StartOptions {
        file: Some(path),
        recovery_dir: Some(dir.path().join("recovery")),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::new(cc, start));
    h.run();
    assert_eq!(h.state().session().doc().len(), 3_000);
    let places = h.state().session().aggregates().places().len();
    assert!(places >= 30, "the data covers the provinces ({places})");

    let window = h.ctx.content_rect();
    eprintln!("{:?}", Metric::ALL.map(|m| h.state().chart_layout(m).frame));
    eprintln!(
        "{:?}",
        Metric::ALL.map(|m| h.state().chart_layout(m).transform.map(|t| *t.frame()))
    );
    let frames: Vec<egui::Rect> = Metric::ALL
        .iter()
        .map(|&m| h.state().chart_layout(m).frame)
        .collect();
    // The table's toolbar starts the table panel under the charts.
    let table_top = h
        .get_by(|n| n.label().as_deref() == Some("Insert row above"))
        .rect()
        .top();
    for (m, f) in Metric::ALL.iter().zip(&frames) {
        assert!(
            f.bottom() <= table_top,
            "{m:?} chart {f:?} ends above the table ({table_top})"
        );
        assert!(f.is_positive(), "{m:?} chart was drawn: {f:?}");
        assert!(
            window.contains_rect(*f),
            "{m:?} chart {f:?} lies inside the window {window:?}"
        );
        assert!(
            f.width() < window.width() / 2.0,
            "{m:?} chart keeps its half: {f:?}"
        );
    }
    for i in 0..frames.len() {
        for j in i + 1..frames.len() {
            assert!(
                !frames[i].shrink(1.0).intersects(frames[j].shrink(1.0)),
                "charts {i} and {j} overlap: {:?} {:?}",
                frames[i],
                frames[j]
            );
        }
    }
}
