//! The map view on the real app, as a user meets it: switch the dashboard from Charts to Map,
//! hover provinces (Hong Kong and Macao too, a few pixels across) and read the tooltip, click one
//! to select it, play the time slider, and a snapshot of the map on the sample data.

mod app_harness;

use std::time::Duration;

use app_harness::{ScriptedDialogs, harness, named, shows_containing};
use crackdown_dashboard::App;
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use egui::ViewportId;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn place(name: &str) -> Place {
    Place::Region(Gazetteer::get().resolve(name).unwrap().region)
}

/// The app on the sample data with the map shown (clicked, as a user would).
fn on_map() -> Harness<'static, App> {
    let mut h = harness(ScriptedDialogs::default());
    assert!(!shows_containing(&h, "Map: "), "the charts are the default");
    named(&h, "Map").click();
    h.run();
    assert!(h.state().settings_map_shown(), "the switch shows the map");
    h
}

/// Whether some text is shown as written (a label's text is its accessible value).
fn shows_text(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_by(|n| n.value().as_deref() == Some(text)).is_some()
}

/// A province of the map, by the name the interface gives it (a button on the map; the
/// province list has check boxes of the same names).
fn province<'a>(h: &'a Harness<'_, App>, name: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::Button, name)
}

#[test]
fn the_switch_shows_the_map_and_the_charts_again() {
    let mut h = on_map();
    assert!(
        shows_containing(&h, "Map: Rigs seized"),
        "the map and what it shows"
    );
    assert!(
        !shows_containing(&h, "Export… Rigs seized"),
        "no charts under the map"
    );
    // All 34 divisions are on it, each a node a screen reader finds.
    for r in Gazetteer::get().regions().iter().take(34) {
        let _ = province(&h, &r.english);
    }
    named(&h, "Charts").click();
    h.run();
    assert!(!shows_containing(&h, "Map: "));
    assert!(shows_containing(&h, "Export…"));
}

#[test]
fn hovering_hong_kong_and_macao_names_them_and_their_value() {
    let mut h = on_map();
    for name in ["Hong Kong", "Macao"] {
        assert!(
            !shows_text(&h, "Rigs seized: no data"),
            "no tooltip before the hover"
        );
        assert!(!shows_text(&h, name), "{name}: not named before the hover");
        province(&h, name).hover();
        h.run();
        // The tooltip: the name and the value.
        assert!(shows_text(&h, name), "{name}: the tooltip names it");
        assert!(
            shows_text(&h, "Rigs seized: no data"),
            "{name} has no rigs figure"
        );
        assert!(shows_text(&h, "no events with this figure"));
        // Away from the map: the tooltip goes.
        h.hover_at(egui::pos2(5.0, 5.0));
        h.run();
    }
}

#[test]
fn hovering_a_province_with_figures_shows_its_total_and_events() {
    let mut h = on_map();
    let total = h
        .state_mut()
        .current_view()
        .place_total(Metric::Rigs, place("Guangdong"))
        .expect("the sample has rigs seized in Guangdong");
    province(&h, "Guangdong").hover();
    h.run();
    assert!(
        shows_text(&h, &format!("Rigs seized: {}", Metric::Rigs.format(total))),
        "the tooltip gives Guangdong's rigs seized"
    );
    // The sample has eight Guangdong rows with rigs seized.
    assert!(shows_text(&h, "8 events"), "and the events behind them");
}

#[test]
fn clicking_a_province_selects_it() {
    let mut h = on_map();
    assert_eq!(h.state().selected_place(), None);
    province(&h, "Inner Mongolia").click();
    h.run();
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    // Macao, a pixel or two across, is clicked as easily.
    province(&h, "Macao").click();
    h.run();
    assert_eq!(h.state().selected_place(), Some(place("Macao")));
}

#[test]
fn play_steps_through_the_periods_and_stopped_nothing_repaints() {
    let mut h = on_map();
    let delay = h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX, "the map at rest asks for no frame");
    named(&h, "Play").click();
    h.run();
    // The first period of the sample (2017 Q2: Xinjiang's notice of June 2017) is shown, and
    // the next step is scheduled.
    assert!(
        shows_containing(&h, "Rigs seized · 2017 Q2"),
        "the first period"
    );
    let delay = h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert!(
        delay <= Duration::from_secs(1),
        "playing asks for the next step: {delay:?}"
    );
    named(&h, "Pause").click();
    h.run();
    h.step();
    let delay = h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, Duration::MAX, "paused, nothing repaints");
    assert!(shows_containing(&h, "Play"));
}

#[test]
fn map_snapshot() {
    let mut h = on_map();
    province(&h, "Inner Mongolia").click();
    h.run();
    // The click also pins the province's events in a popup (tests/ui_provenance.rs): closed, so
    // the picture is of the map.
    h.key_press(egui::Key::Escape);
    h.hover_at(egui::pos2(5.0, 5.0));
    h.run();
    h.snapshot("map");
}
