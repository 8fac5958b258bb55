//! The events behind a figure, on the real app as a user meets them: hovering a bar lists its
//! events (date, city, action, figure, source domain), ten at most and "… and N more"; a click
//! pins the list in a popup whose sources are links that open in the browser (the app asks the
//! platform to open the address); Escape closes it; the map's hover lists a province's events;
//! a source cell in the table opens its address; and a snapshot of the tooltip.

mod app_harness;

use std::sync::{Arc, Mutex};

use app_harness::{ScriptedDialogs, harness, named, opened};
use crackdown_dashboard::App;
use crackdown_dashboard::analysis::provenance::{self, Event};
use crackdown_dashboard::analysis::{Filter, Granularity};
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use egui::accesskit::Role;
use egui::{OutputCommand, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn place(name: &str) -> Place {
    Place::Region(Gazetteer::get().resolve(name).unwrap().region)
}

/// The addresses the app asked the platform to open, frame by frame (what eframe hands the
/// browser).
#[derive(Clone, Default)]
struct Opened(Arc<Mutex<Vec<String>>>);

struct RecordUrls(Opened);

impl egui::Plugin for RecordUrls {
    fn debug_name(&self) -> &'static str {
        "record opened urls"
    }
    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        for c in &output.platform_output.commands {
            if let OutputCommand::OpenUrl(u) = c {
                assert!(u.new_tab, "sources open in a new tab");
                self.0.0.lock().unwrap().push(u.url.clone());
            }
        }
    }
}

fn record_urls(h: &Harness<'_, App>) -> Opened {
    let opened = Opened::default();
    h.ctx.add_plugin(RecordUrls(opened.clone()));
    opened
}

impl Opened {
    fn urls(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Whether some label shows `text` exactly (a label's text is its accessible value).
fn shows_value(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_by(|n| n.value().as_deref() == Some(text)).is_some()
}

/// The labels of event lines shown ("date · city · action · figure").
fn event_lines(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|n| {
        n.value()
            .is_some_and(|v| v.contains(" · ") && v.starts_with(|c: char| c.is_ascii_digit()))
    })
    .map(|n| n.accesskit_node().value().unwrap())
    .collect()
}

/// The events `provenance::events` lists for a chart's bar (the app's filter: none).
fn expected(h: &Harness<'_, App>, metric: Metric, p: Place, period: i32) -> (Vec<Event>, usize) {
    let doc = h.state().session().doc();
    provenance::events(
        doc,
        &Filter::default(),
        metric,
        p,
        Granularity::Quarter,
        period,
        10,
    )
}

/// Hovers a place's bar in `metric`'s chart for the quarter of `day_key`; returns its position.
fn hover_bar(h: &mut Harness<'_, App>, metric: Metric, p: Place, day_key: i32) -> egui::Pos2 {
    let period = Granularity::Quarter.period_of_key(day_key);
    let pos = h
        .state_mut()
        .chart_point(metric, p, period)
        .expect("the bar is drawn");
    h.hover_at(pos);
    h.run();
    pos
}

fn click_at(h: &mut Harness<'_, App>, pos: egui::Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

fn q3_2021() -> i32 {
    Granularity::Quarter.period_of_key(2021_09_27)
}

#[test]
fn hovering_a_bar_lists_the_events_behind_it() {
    let mut h = harness(ScriptedDialogs::default());
    let im = place("Inner Mongolia");
    let (events, more) = expected(&h, Metric::Rigs, im, q3_2021());
    assert!(!events.is_empty() && more == 0, "the sample has a few");
    assert!(
        event_lines(&h).is_empty(),
        "nothing listed before the hover"
    );
    hover_bar(&mut h, Metric::Rigs, im, 2021_09_27);
    let lines = event_lines(&h);
    assert_eq!(lines.len(), events.len(), "one line per event: {lines:?}");
    for e in &events {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&e.date) && l.contains(&e.city) && l.contains(&e.figure)),
            "{e:?} in {lines:?}"
        );
        let domain = provenance::domain(e.source.split_whitespace().next().unwrap()).unwrap();
        assert!(shows_value(&h, &domain), "{domain} shown");
    }
    assert!(shows_value(&h, "Events behind this figure"));
    assert!(
        !h.query_all_by_label_contains("more").any(|n| n
            .accesskit_node()
            .value()
            .is_some_and(|v| v.starts_with("…"))),
        "no '… and N more' for a few events"
    );
    h.remove_cursor();
    h.run();
    assert!(event_lines(&h).is_empty(), "the list goes with the tooltip");
}

#[test]
fn the_events_are_found_once_per_figure_hovered() {
    let mut h = harness(ScriptedDialogs::default());
    assert_eq!(h.state().provenance_scans(), 0, "nothing hovered yet");
    let im = place("Inner Mongolia");
    let pos = hover_bar(&mut h, Metric::Rigs, im, 2021_09_27);
    assert_eq!(h.state().provenance_scans(), 1);
    // The pointer moves over the same bar, frame after frame: the rows are not looked at again.
    for dy in 1..=5 {
        h.hover_at(pos + egui::vec2(0.0, dy as f32));
        h.run();
    }
    assert_eq!(
        h.state().provenance_scans(),
        1,
        "the same bar: the list kept"
    );
    assert_eq!(event_lines(&h).len(), 1);
    // Another bar: its own list.
    hover_bar(&mut h, Metric::Rigs, place("Yunnan"), 2021_03_01);
    assert_eq!(h.state().provenance_scans(), 2);
}

/// Twelve seizures in Sichuan in July 2021, each with its own source.
fn twelve_rows() -> String {
    let mut csv = String::from("date,province,city,action,rigs_seized,source\n");
    for i in 1..=12 {
        csv.push_str(&format!(
            "2021-07-{i:02},Sichuan,Ya'an,seizure number {i},{},https://news{i}.example.cn/a/{i}\n",
            i * 10
        ));
    }
    csv
}

#[test]
fn more_than_ten_events_show_ten_and_the_rest_counted() {
    let (_dir, mut h) = opened("twelve.csv", twelve_rows());
    let sichuan = place("Sichuan");
    let (events, more) = expected(&h, Metric::Rigs, sichuan, q3_2021());
    assert_eq!((events.len(), more), (10, 2), "the file's rows");
    hover_bar(&mut h, Metric::Rigs, sichuan, 2021_07_01);
    let lines = event_lines(&h);
    assert_eq!(lines.len(), 10, "{lines:?}");
    for i in 1..=10 {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("2021-07-{i:02} · Ya'an · seizure number {i} · "))),
            "row {i} in {lines:?}"
        );
        assert!(shows_value(&h, &format!("news{i}.example.cn")));
    }
    assert!(!shows_value(&h, "news11.example.cn"));
    assert!(shows_value(&h, "… and 2 more"));
}

#[test]
fn clicking_a_bar_pins_its_events_and_a_source_opens_in_the_browser() {
    let mut h = harness(ScriptedDialogs::default());
    let opened = record_urls(&h);
    let im = place("Inner Mongolia");
    let (events, _) = expected(&h, Metric::Rigs, im, q3_2021());
    let pos = hover_bar(&mut h, Metric::Rigs, im, 2021_09_27);
    assert!(h.state().pinned_title().is_none());
    click_at(&mut h, pos);
    assert_eq!(h.state().pinned_title(), Some("Inner Mongolia · 2021 Q3"));
    // The pointer leaves: the tooltip goes, the pinned list stays, its sources are links.
    h.hover_at(egui::pos2(5.0, 5.0));
    h.run();
    let first = &events[0];
    let url = first.source.split_whitespace().next().unwrap().to_owned();
    let domain = provenance::domain(&url).unwrap();
    let link_name = format!("Open {domain} in the browser");
    assert!(opened.urls().is_empty());
    h.get_by_role_and_label(Role::Link, &link_name).click();
    h.run();
    assert_eq!(opened.urls(), vec![url], "the link asked for its address");
    assert!(
        h.state().pinned_title().is_some(),
        "a link click keeps it open"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().pinned_title().is_none(), "Escape closes it");
    assert!(h.query_by_role_and_label(Role::Link, &link_name).is_none());
    // Pinned again, a click elsewhere closes it too.
    click_at(&mut h, pos);
    assert!(h.state().pinned_title().is_some());
    click_at(&mut h, egui::pos2(800.0, 12.0));
    assert!(
        h.state().pinned_title().is_none(),
        "a click elsewhere closes it"
    );
}

#[test]
fn the_map_hover_lists_a_provinces_events_and_a_click_pins_them() {
    let mut h = harness(ScriptedDialogs::default());
    named(&h, "Map").click();
    h.run();
    let im = place("Inner Mongolia");
    let doc = h.state().session().doc();
    let (events, more) = provenance::events_between(
        doc,
        &Filter::default(),
        Metric::Rigs,
        im,
        Granularity::Quarter,
        i32::MIN..=i32::MAX,
        10,
    );
    assert!(!events.is_empty());
    h.get_by_role_and_label(Role::Button, "Inner Mongolia")
        .hover();
    h.run();
    let lines = event_lines(&h);
    assert_eq!(lines.len(), events.len(), "{lines:?}");
    for e in &events {
        assert!(lines.iter().any(|l| l.starts_with(&e.date)), "{e:?}");
    }
    assert_eq!(shows_value(&h, &format!("… and {more} more")), more > 0);
    h.get_by_role_and_label(Role::Button, "Inner Mongolia")
        .click();
    h.run();
    assert!(
        h.state()
            .pinned_title()
            .is_some_and(|t| t.starts_with("Inner Mongolia · ")),
        "{:?}",
        h.state().pinned_title()
    );
}

#[test]
fn a_source_cell_in_the_table_opens_its_address() {
    let (_dir, mut h) = opened("twelve.csv", twelve_rows());
    let opened = record_urls(&h);
    let cell = h.get_by_label("Source, row 3: https://news3.example.cn/a/3");
    assert_eq!(
        cell.accesskit_node().role(),
        Role::Link,
        "the cell is a link"
    );
    cell.hover();
    h.run();
    named(&h, "Open source of row 3: news3.example.cn").click();
    h.run();
    assert_eq!(
        opened.urls(),
        vec!["https://news3.example.cn/a/3".to_owned()]
    );
    // A plain click on the cell still edits it (click-to-edit) and opens nothing.
    let cell = h.get_by_label("Source, row 3: https://news3.example.cn/a/3");
    let left = cell.rect().left_center() + egui::vec2(8.0, 0.0);
    click_at(&mut h, left);
    assert_eq!(opened.urls().len(), 1, "a click on the cell opens nothing");
    assert!(
        h.get_by_label("Edit Source, row 3").is_focused(),
        "the click edits the cell"
    );
}

#[test]
fn provenance_tooltip_snapshot() {
    let mut h = harness(ScriptedDialogs::default());
    hover_bar(&mut h, Metric::Rigs, place("Inner Mongolia"), 2021_09_27);
    h.snapshot("provenance-tooltip");
}

#[test]
fn a_source_cell_with_several_addresses_lists_them() {
    let mut h = harness(ScriptedDialogs::default());
    let opened = record_urls(&h);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Source, row 1: https://abcrypto.info/"))
    })
    .hover();
    h.run();
    named(
        &h,
        "Open source of row 1: abcrypto.info, techcryptonews.com, coindesk.com",
    )
    .click();
    h.run();
    assert!(opened.urls().is_empty(), "the button lists the addresses");
    named(&h, "Open techcryptonews.com in the browser").click();
    h.run();
    assert_eq!(
        opened.urls(),
        vec!["https://techcryptonews.com/?p=19499".to_owned()]
    );
}
