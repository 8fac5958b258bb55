//! The policy timeline on the real app, as a user meets it: markers of the rows with an action
//! and no figures (and National rows) along the bottom of the time charts, one accessible node
//! per day, a tooltip naming the date, the province and the text, and the "Policy timeline"
//! switch in the filter bar and the View menu; hiding a province takes its markers away.

mod app_harness;

use app_harness::{ScriptedDialogs, harness, named};
use crackdown_dashboard::App;
use crackdown_dashboard::analysis::day_key_label;
use crackdown_dashboard::analysis::timeline::{Marker, markers};
use crackdown_dashboard::data::document::{Document, Metric, Place};
use crackdown_dashboard::data::gazetteer::NATIONAL;
use crackdown_dashboard::ui::charts::{DayMarkers, by_day};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const PREFIX: &str = "Policy event, ";

/// The markers the app's filter lets through, by day, as the timeline module makes them.
fn expected(h: &Harness<'_, App>) -> Vec<DayMarkers> {
    let app = h.state();
    by_day(markers(app.session().doc(), &app.view_settings().filter))
}

/// The policy-event nodes of one chart (their description is the chart's title): label and
/// rect, left to right.
fn event_nodes(h: &Harness<'_, App>, metric: Metric) -> Vec<(String, egui::Rect)> {
    let chart = metric.title();
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l.starts_with(PREFIX))
            && n.description().as_deref() == Some(chart)
    })
    .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
    .collect()
}

/// Every policy-event node of every chart.
fn all_event_nodes(h: &Harness<'_, App>) -> usize {
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(PREFIX)))
        .count()
}

/// How many times some text is shown as written (a label's text is its accessible value; the
/// table may show a date too).
fn text_count(h: &Harness<'_, App>, text: &str) -> usize {
    h.query_all_by(|n| n.value().as_deref() == Some(text))
        .count()
}

/// Whether some text is shown as written.
fn shows_text(h: &Harness<'_, App>, text: &str) -> bool {
    text_count(h, text) > 0
}

/// A marker's line in the tooltip: "Inner Mongolia: Ban on …".
fn line(m: &Marker) -> String {
    format!("{}: {}", Document::place_name(m.place), m.text.trim())
}

/// Whether the bars' tooltip shows: a bar line ("Inner Mongolia: 10,100 (1 event)"), no
/// figures, or the quarter's name ("2018 Q1"; the charts group by quarter).
fn bar_tooltip_shown(h: &Harness<'_, App>, day: i32) -> bool {
    let quarter = format!("{} Q{}", day / 10_000, (day / 100 % 100 - 1) / 3 + 1);
    h.query_all_by(|n| {
        n.value().as_deref().is_some_and(|v| {
            v.contains(" event)")
                || v.contains(" events)")
                || v == "no figures in this period"
                || v == quarter
        })
    })
    .next()
    .is_some()
}

#[test]
fn each_day_of_the_timeline_is_a_node_on_every_time_chart() {
    let h = harness(ScriptedDialogs::default());
    let days = expected(&h);
    let national = Place::Region(NATIONAL);
    assert!(
        days.iter()
            .flat_map(|d| &d.markers)
            .any(|m| m.place == national),
        "the sample has National rows"
    );
    assert!(
        days.iter()
            .flat_map(|d| &d.markers)
            .any(|m| m.place != national),
        "and figureless province rows"
    );
    for metric in Metric::ALL {
        let nodes = event_nodes(&h, metric);
        assert_eq!(nodes.len(), days.len(), "{metric:?}: one node per day");
        for (day, (label, rect)) in days.iter().zip(&nodes) {
            let date = day_key_label(day.day);
            assert!(
                label.starts_with(&format!("{PREFIX}{date}, ")),
                "{label} is of {date}"
            );
            for m in &day.markers {
                assert!(label.contains(&line(m)), "{label} names {}", line(m));
            }
            assert!(rect.is_positive(), "{label} has a place on screen");
        }
    }
}

#[test]
fn the_lines_carry_the_markers_too() {
    let mut h = harness(ScriptedDialogs::default());
    let n = all_event_nodes(&h);
    named(&h, "Cumulative").click();
    h.run();
    assert!(h.state().view_settings().cumulative());
    assert_eq!(all_event_nodes(&h), n, "the same markers on the lines");
}

#[test]
fn in_chinese_the_tooltip_and_the_nodes_name_national_as_quanguo() {
    let mut h = harness(ScriptedDialogs::default());
    app_harness::choose_language(&mut h, "View", "Language", "中文");
    let days = expected(&h);
    let national = Place::Region(NATIONAL);
    let day = days
        .iter()
        .find(|d| d.markers.iter().any(|m| m.place == national))
        .unwrap();
    let m = day.markers.iter().find(|m| m.place == national).unwrap();
    let label = format!(
        "政策事件，{}，全国：{}",
        day_key_label(day.day),
        m.text.trim()
    );
    let nodes: Vec<(String, egui::Rect)> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&label)))
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect();
    assert_eq!(nodes.len(), 4, "{label}: one node on each chart");
    let titles = text_count(&h, "政策时间线");
    h.hover_at(nodes[0].1.center());
    h.run();
    assert!(shows_text(&h, &format!("全国：{}", m.text.trim())));
    assert_eq!(
        text_count(&h, "政策时间线"),
        titles + 1,
        "the tooltip's title"
    );
}

#[test]
fn hovering_a_marker_shows_its_date_province_and_text_before_the_bars() {
    let mut h = harness(ScriptedDialogs::default());
    let days = expected(&h);
    let national = Place::Region(NATIONAL);
    // A province's marker and a National one.
    for national_one in [false, true] {
        let (i, day) = days
            .iter()
            .enumerate()
            .find(|(_, d)| {
                d.markers
                    .iter()
                    .any(|m| (m.place == national) == national_one)
            })
            .expect("such a marker");
        let m = day
            .markers
            .iter()
            .find(|m| (m.place == national) == national_one)
            .unwrap();
        let date = day_key_label(day.day);
        assert!(!shows_text(&h, &line(m)), "no tooltip before the hover");
        let dates = text_count(&h, &date);
        let rect = event_nodes(&h, Metric::Rigs)[i].1;
        h.hover_at(rect.center());
        h.run();
        assert_eq!(text_count(&h, &date), dates + 1, "the tooltip shows {date}");
        assert!(shows_text(&h, &line(m)), "and {}", line(m));
        assert!(
            !bar_tooltip_shown(&h, day.day),
            "the marker's tooltip, not the bars'"
        );
        h.remove_cursor();
        h.run();
        assert!(!shows_text(&h, &line(m)), "gone with the pointer");
    }
}

#[test]
fn the_filter_bar_switch_takes_the_markers_away_and_back() {
    let mut h = harness(ScriptedDialogs::default());
    let n = all_event_nodes(&h);
    assert!(n > 0);
    assert!(h.state().view_settings().timeline, "on by default");
    h.get_by_role_and_label(Role::CheckBox, "Policy timeline")
        .click();
    h.run();
    assert!(!h.state().view_settings().timeline);
    assert_eq!(all_event_nodes(&h), 0, "switched off: no markers");
    h.get_by_role_and_label(Role::CheckBox, "Policy timeline")
        .click();
    h.run();
    assert_eq!(all_event_nodes(&h), n, "switched on again");
}

/// The sample data with the cards and charts painted from their picture, stepped until a frame
/// skips their layout (as the native window does while nothing reaches them).
fn holding_still() -> Harness<'static, App> {
    let start = crackdown_dashboard::StartOptions {
        chart_pictures: true,
        ..app_harness::sample_start()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .with_context_setup(|ctx| {
            ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(ScriptedDialogs::default())));
    h.run();
    until_skipping(&mut h);
    h
}

fn until_skipping(h: &mut Harness<'_, App>) {
    for _ in 0..8 {
        h.step();
        if h.state().charts_skipped() {
            return;
        }
    }
    panic!("a frame skips the charts' layout once they hold still");
}

#[test]
fn the_switch_reaches_charts_painted_from_their_picture() {
    let mut h = holding_still();
    let n = all_event_nodes(&h);
    assert!(n > 0, "the held layout has the markers");
    for want in [0, n] {
        h.get_by_role_and_label(Role::CheckBox, "Policy timeline")
            .click();
        h.run();
        h.remove_cursor();
        until_skipping(&mut h);
        assert_eq!(all_event_nodes(&h), want, "held again, as switched");
    }
}

#[test]
fn the_view_menu_item_takes_the_markers_away_and_back() {
    let mut h = harness(ScriptedDialogs::default());
    let n = all_event_nodes(&h);
    for (on, want) in [(false, 0), (true, n)] {
        named(&h, "View").click();
        h.run();
        // The filter bar's check box and the menu's: the menu's is the later one.
        let items: Vec<_> = h
            .get_all_by_role_and_label(Role::CheckBox, "Policy timeline")
            .collect();
        assert_eq!(items.len(), 2, "the View menu has the switch too");
        items[1].click();
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
        assert_eq!(h.state().view_settings().timeline, on);
        assert_eq!(all_event_nodes(&h), want);
    }
}

#[test]
fn hiding_a_province_takes_its_markers_away() {
    let mut h = harness(ScriptedDialogs::default());
    let national = Place::Region(NATIONAL);
    let before = expected(&h);
    let place = before
        .iter()
        .flat_map(|d| &d.markers)
        .map(|m| m.place)
        .find(|p| *p != national)
        .expect("a province with a marker");
    let name = Document::place_name(place);
    let of_place = |h: &Harness<'_, App>| {
        event_nodes(h, Metric::Rigs)
            .iter()
            .filter(|(l, _)| l.contains(&format!("{name}: ")))
            .count()
    };
    assert!(of_place(&h) > 0);
    h.get_by_role_and_label(Role::CheckBox, name).click();
    h.run();
    assert!(h.state().view_settings().filter.hidden.contains(&place));
    assert_eq!(of_place(&h), 0, "{name} hidden: its markers go");
    let after = expected(&h);
    assert!(
        after.len() < before.len()
            || after.iter().map(|d| d.markers.len()).sum::<usize>()
                < before.iter().map(|d| d.markers.len()).sum::<usize>()
    );
    assert_eq!(
        event_nodes(&h, Metric::Rigs).len(),
        after.len(),
        "the others stay"
    );
}

#[test]
fn timeline_snapshot() {
    let mut h = harness(ScriptedDialogs::default());
    let days = expected(&h);
    let national = Place::Region(NATIONAL);
    let i = days
        .iter()
        .position(|d| d.markers.iter().any(|m| m.place == national))
        .unwrap();
    let rect = event_nodes(&h, Metric::Projects)[i].1;
    h.hover_at(rect.center());
    h.run();
    // The projects chart and the tooltip by it: its title, the date and the day's lines.
    // (The spot may hold the next days too.)
    let mut texts: Vec<String> = days.iter().flat_map(|d| &d.markers).map(line).collect();
    texts.extend(days.iter().map(|d| day_key_label(d.day)));
    texts.push("Policy timeline".to_owned());
    let frame = h.state().chart_layout(Metric::Projects).frame;
    // (The table may show the date too, far below: only texts near the pointer count.)
    let near = egui::Rect::from_center_size(rect.center(), egui::vec2(1200.0, 400.0));
    let shown = h
        .query_all_by(|n| n.value().is_some_and(|v| texts.contains(&v)))
        .map(|n| n.rect())
        .filter(|r| near.contains_rect(*r))
        .fold(frame, |a, b| a.union(b));
    let image = h.render().expect("rendered");
    let crop = shown.expand(8.0) * h.ctx.pixels_per_point();
    let x = crop.min.x.max(0.0) as u32;
    let y = crop.min.y.max(0.0) as u32;
    let w = (crop.width() as u32).min(image.width() - x);
    let height = (crop.height() as u32).min(image.height() - y);
    let part = image::imageops::crop_imm(&image, x, y, w, height).to_image();
    egui_kittest::image_snapshot(&part, "timeline");
}

/// The app on the sample data whose Save… dialogs answer `paths` in turn.
fn saving_to(paths: &[std::path::PathBuf]) -> Harness<'static, App> {
    let dialogs = ScriptedDialogs::default();
    dialogs.save.lock().unwrap().extend(paths.iter().cloned());
    harness(dialogs)
}

/// Exports the projects chart as SVG from its Export… button; returns the SVG.
fn export_projects_svg(h: &mut Harness<'_, App>, path: &std::path::Path) -> String {
    h.get_by_label("Export… Projects shut down").click();
    h.run();
    h.get_by_label("SVG (vectors, text as text)").click();
    h.run();
    h.get_by_label("Save…").click();
    h.run();
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_exported_chart_carries_the_markers_while_the_switch_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let (on, off) = (dir.path().join("on.svg"), dir.path().join("off.svg"));
    let mut h = saving_to(&[on.clone(), off.clone()]);
    let svg = export_projects_svg(&mut h, &on);
    // Bars are rects; the markers are the triangles, National's grey among them.
    let triangles: Vec<&str> = svg.lines().filter(|l| l.starts_with("<polygon")).collect();
    let days = expected(&h);
    assert!(triangles.len() >= days.len() / 2, "{}", triangles.len());
    let grey = "fill=\"#888888\""; // palette::NATIONAL_GREY
    assert!(
        triangles.iter().any(|t| t.contains(grey)),
        "National's marker"
    );
    h.get_by_role_and_label(Role::CheckBox, "Policy timeline")
        .click();
    h.run();
    let svg = export_projects_svg(&mut h, &off);
    assert!(
        !svg.contains("<polygon"),
        "switched off: no markers exported"
    );
}
