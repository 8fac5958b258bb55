//! An idle app does not repaint: once nothing changes, the last frame asks for no further frame
//! at all (neither at once nor after a delay), with the sample data, with rows selected in the
//! table, and with the pointer resting on a chart and its tooltip shown. A real window then sleeps
//! (about 0% CPU; `scripts/window-frames` measures that too).
//!
//! Two controls show the check can fail: the frame-timing mode repaints continuously, and an
//! unsaved edit schedules one wake-up for its recovery copy.

use std::sync::Arc;
use std::time::Duration;

use crackdown_dashboard::analysis::Granularity;
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::{App, StartOptions};
use egui::{Key, Modifiers, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn start() -> StartOptions {
    StartOptions {
        sample: true,
        recovery_dir: Some(tempfile::tempdir().unwrap().keep().join("recovery")),
        ..Default::default()
    }
}

fn harness(start: StartOptions) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(8)
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::new(cc, start))
}

/// The node a screen reader names `name` (its accessible label).
fn named<'a>(h: &'a Harness<'_, App>, name: &str) -> egui_kittest::Node<'a> {
    let name = name.to_owned();
    h.get_by(move |n| n.label().as_deref() == Some(name.as_str()))
}

/// Runs frames until the app stops asking for immediate ones, then checks that the last frame
/// scheduled no repaint at all. `Err` says what keeps it busy.
fn settles_idle(h: &mut Harness<'_, App>) -> Result<u64, String> {
    let steps = h.try_run().map_err(|e| format!("keeps repainting: {e}"))?;
    let delay = h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    if delay != Duration::MAX {
        return Err(format!(
            "settled after {steps} frames but scheduled another frame in {delay:?}: {:?}",
            h.ctx.repaint_causes()
        ));
    }
    // And it stays so: a further frame (as the OS might send on expose) asks for nothing either.
    h.step();
    let delay = h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    if delay != Duration::MAX {
        return Err(format!("an extra frame scheduled another in {delay:?}"));
    }
    Ok(steps)
}

/// Rests the pointer on Inner Mongolia's 2021 Q3 bar of the rigs chart.
fn hover_inner_mongolia_rigs(h: &mut Harness<'_, App>) {
    let inner_mongolia = Place::Region(Gazetteer::get().resolve("Inner Mongolia").unwrap().region);
    let period = Granularity::Quarter.period_of_key(2021_09_27);
    let pos = h
        .state_mut()
        .chart_point(Metric::Rigs, inner_mongolia, period)
        .expect("the rigs chart shows the bar");
    h.hover_at(pos);
}

#[test]
fn sample_data_settles_without_repainting() {
    let mut h = harness(start());
    settles_idle(&mut h).unwrap();
    assert_eq!(h.state().session().doc().len(), 60, "the sample is open");
}

#[test]
fn selection_and_a_hovered_chart_stay_idle() {
    let mut h = harness(start());
    settles_idle(&mut h).unwrap();

    // A selected row.
    named(&h, "Select row 3").click();
    settles_idle(&mut h).expect("after selecting a row");

    // A selected range: click a cell (it starts editing), Escape keeps the active cell, then
    // Shift+Down twice extends the selection.
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Province, row 2: "))
    })
    .click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    settles_idle(&mut h).expect("after selecting a range of cells");

    // The pointer resting on Inner Mongolia's 2021 Q3 rigs bar, its tooltip shown.
    hover_inner_mongolia_rigs(&mut h);
    settles_idle(&mut h).expect("with a chart hovered");
    assert!(
        h.query_by(|n| n.value().is_some_and(|v| v.starts_with("Inner Mongolia: ")))
            .is_some(),
        "the tooltip is shown while idle"
    );
    assert_eq!(
        h.state().session().undo_description(),
        None,
        "nothing was edited"
    );
}

#[test]
fn the_check_catches_continuous_repaints() {
    // The frame-timing mode repaints every frame on purpose: the check must say so.
    let mut h = harness(StartOptions {
        frame_stats: Some(100_000),
        ..start()
    });
    let err = settles_idle(&mut h).expect_err("frame-timing mode repaints continuously");
    assert!(err.contains("keeps repainting"), "{err}");
}

#[test]
fn the_check_catches_a_scheduled_repaint() {
    // An unsaved edit schedules one frame for its recovery copy, a minute later.
    let mut h = harness(StartOptions {
        autosave_delay: Some(Duration::from_secs(60)),
        ..start()
    });
    settles_idle(&mut h).unwrap();
    named(&h, "Insert row below").click();
    let err = settles_idle(&mut h).expect_err("the recovery copy is scheduled");
    assert!(err.contains("scheduled another frame"), "{err}");
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn a_scroll_animation_left_by_the_last_run_is_dropped_at_start() {
    // egui persists scroll areas with any running animation, timed by the last run's clock
    // (here: still 1,000 s to go). Restored, it would repaint every frame until this run's
    // clock catches up.
    let restored: egui::containers::scroll_area::State = serde_json::from_str(
        r#"{"offset_target": [null, {"animation_time_span": [1000.0, 1001.0], "target_offset": 5000.0}]}"#,
    )
    .unwrap();
    let id = egui::Id::unique("a scroll area of the last run");
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_max_steps(8)
        .with_context_setup(move |ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
            ctx.data_mut(|d| d.insert_persisted(id, restored));
        })
        .build_eframe(move |cc| {
            assert!(
                cc.egui_ctx
                    .data_mut(|d| d.get_persisted::<egui::containers::scroll_area::State>(id))
                    .is_some(),
                "the restored state is there before the app starts"
            );
            App::new(cc, start())
        });
    settles_idle(&mut h).unwrap();
    let left = h
        .ctx
        .data_mut(|d| d.get_persisted::<egui::containers::scroll_area::State>(id));
    assert!(left.is_none(), "the app dropped the restored scroll state");
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn the_dashboard_from_its_picture_stays_idle() {
    // As in the native window, the cards and charts are painted from a picture of themselves
    // once they hold still: taking it costs a few frames, then none.
    let mut h = harness(StartOptions {
        chart_pictures: true,
        ..start()
    });
    settles_idle(&mut h).unwrap();
    assert!(h.state().charts_from_picture(), "the picture is in use");
    hover_inner_mongolia_rigs(&mut h);
    settles_idle(&mut h).expect("with a chart hovered");
    h.remove_cursor();
    settles_idle(&mut h).expect("after the pointer left");
    assert!(h.state().charts_from_picture(), "the picture is in use");
}
