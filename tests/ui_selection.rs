//! One province selected in every view, on the real app as a user meets it: a click on a bar of
//! a chart selects its province (highlighted in the charts, outlined on the map, the table shows
//! its rows with a chip saying so), the map's click selects in the charts too, and the selection
//! is cleared by clicking the selected bar again, by Escape (when nothing else wants it), by the
//! chip's Show all rows, by hiding the province and by opening another file. A snapshot of the
//! dashboard with a province selected.

mod app_harness;

use app_harness::{ScriptedDialogs, harness, named};
use crackdown_dashboard::App;
use crackdown_dashboard::analysis::Granularity;
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn place(name: &str) -> Place {
    Place::Region(Gazetteer::get().resolve(name).unwrap().region)
}

/// Presses and releases the primary button at `pos`, the pointer moved there first (a user's
/// click on a bar, which is painted, not a widget).
fn click_at(h: &mut Harness<'_, App>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run();
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.input_mut().events.push(button(true));
    h.run();
    h.input_mut().events.push(button(false));
    h.run();
    h.remove_cursor();
    h.run();
}

/// Clicks Inner Mongolia's 2021 Q3 bar of the rigs chart.
fn click_rigs_bar(h: &mut Harness<'_, App>) {
    let period = Granularity::Quarter.period_of_key(2021_09_27);
    let pos = h
        .state_mut()
        .chart_point(Metric::Rigs, place("Inner Mongolia"), period)
        .expect("Inner Mongolia has a rigs bar in 2021 Q3");
    click_at(h, pos);
}

/// Whether a label shows `text` as written (a label's text is its accessible value).
fn says(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by(|n| n.value().as_deref() == Some(text))
        .next()
        .is_some()
}

/// The document rows whose place is `p` (cities roll up: `Document::place`).
fn rows_of(h: &Harness<'_, App>, p: Place) -> Vec<usize> {
    let doc = h.state().session().doc();
    (0..doc.len()).filter(|&r| doc.place(r) == p).collect()
}

/// The document rows the table shows ("Select row N" is row N's number button).
fn shown_rows(h: &Harness<'_, App>) -> Vec<usize> {
    let mut rows: Vec<usize> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Select row ")))
        .filter_map(|n| {
            let label = n.accesskit_node().label()?;
            label.strip_prefix("Select row ")?.parse::<usize>().ok()
        })
        .map(|n| n - 1)
        .collect();
    rows.sort_unstable();
    rows
}

/// The table shows exactly the rows of `p`: the toolbar's count, the chip, the rows drawn.
fn table_shows_only(h: &Harness<'_, App>, name: &str, p: Place) {
    let rows = rows_of(h, p);
    let total = h.state().session().doc().len();
    assert!(!rows.is_empty() && rows.len() < total, "{name}: {rows:?}");
    assert!(
        says(h, &format!("{} of {total} rows", rows.len())),
        "the table's count of {name}'s rows"
    );
    assert!(
        says(h, &format!("{name}: {} rows", rows.len())),
        "the chip names {name} and its rows"
    );
    let _ = named(
        h,
        &format!("Show all rows (clears the selection of {name})"),
    );
    let shown = shown_rows(h);
    assert!(!shown.is_empty(), "rows are drawn");
    assert!(
        shown.iter().all(|r| rows.contains(r)),
        "only {name}'s rows are drawn: {shown:?} of {rows:?}"
    );
    assert_eq!(shown[0], rows[0], "from {name}'s first row");
}

/// What the window says about rows (for failure messages).
fn row_labels(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|node| {
        let text = format!("{:?} {:?}", node.label(), node.value());
        text.contains("rows")
    })
    .map(|n| {
        let node = n.accesskit_node();
        format!("{:?} {:?} {:?}", node.role(), node.label(), node.value())
    })
    .collect()
}

/// The table shows every row, with no chip.
fn table_shows_all(h: &Harness<'_, App>) {
    let total = h.state().session().doc().len();
    assert!(
        !h.query_all_by(|n| n
            .value()
            .is_some_and(|v| v.ends_with(&format!(" of {total} rows"))))
            .any(|_| true),
        "every row: {:?}",
        row_labels(h)
    );
    let shown = shown_rows(h);
    let n = shown.len().min(3);
    assert_eq!(
        shown[..n],
        (0..n).collect::<Vec<_>>(),
        "from the first row on"
    );
    assert!(
        h.query_all_by_label_contains("Show all rows (clears")
            .next()
            .is_none(),
        "no chip"
    );
}

/// The rigs chart's accessible description.
fn rigs_description(h: &Harness<'_, App>) -> String {
    h.get_by_label("Chart: Rigs seized")
        .accesskit_node()
        .description()
        .unwrap_or_default()
}

#[test]
fn a_province_selected_in_a_chart_is_selected_in_the_map_and_the_table() {
    let mut h = harness(ScriptedDialogs::default());
    assert_eq!(h.state().selected_place(), None);
    table_shows_all(&h);
    assert!(!rigs_description(&h).contains("is selected"));

    click_rigs_bar(&mut h);
    let im = place("Inner Mongolia");
    assert_eq!(h.state().selected_place(), Some(im));
    table_shows_only(&h, "Inner Mongolia", im);
    assert!(
        rigs_description(&h).ends_with(" Inner Mongolia is selected."),
        "{}",
        rigs_description(&h)
    );

    // On the map, Inner Mongolia is the selected one.
    named(&h, "Map").click();
    h.run();
    let on_map = h.get_by_role_and_label(Role::Button, "Inner Mongolia");
    assert_eq!(on_map.accesskit_node().is_selected(), Some(true));
    table_shows_only(&h, "Inner Mongolia", im);
    // Another province clicked on the map; back on the charts the selection followed.
    h.get_by_role_and_label(Role::Button, "Sichuan").click();
    h.run();
    named(&h, "Charts").click();
    h.run();
    assert_eq!(h.state().selected_place(), Some(place("Sichuan")));
    table_shows_only(&h, "Sichuan", place("Sichuan"));
    assert!(rigs_description(&h).ends_with(" Sichuan is selected."));

    // Escape clears it: the table shows every row again.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_place(), None);
    table_shows_all(&h);
    assert!(!rigs_description(&h).contains("is selected"));

    // Clicking the bar selects; clicking the selected bar again clears.
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(im));
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), None);
    table_shows_all(&h);
}

#[test]
fn a_point_of_the_cumulative_chart_selects_its_province() {
    let mut h = harness(ScriptedDialogs::default());
    named(&h, "Cumulative").click();
    h.run();
    assert!(h.state().view_settings().cumulative());
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), None);
}

#[test]
fn show_all_rows_hiding_and_opening_another_file_clear_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.csv");
    std::fs::write(
        &other,
        "date,province,rigs_seized\n2021-06-01,Inner Mongolia,5\n2021-07-01,Sichuan,7\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.lock().unwrap().push_back(other);
    let mut h = harness(dialogs);

    // The chip's button.
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    named(&h, "Show all rows (clears the selection of Inner Mongolia)").click();
    h.run();
    assert_eq!(h.state().selected_place(), None);
    table_shows_all(&h);

    // Hiding the selected province (its check box in the province list).
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    h.get_by_role_and_label(Role::CheckBox, "Inner Mongolia")
        .click();
    h.run();
    assert_eq!(
        h.state().selected_place(),
        None,
        "a hidden province is not selected"
    );
    h.get_by_role_and_label(Role::CheckBox, "Inner Mongolia")
        .click();
    h.run();

    // Opening another file.
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().session().doc().len(), 2, "the other file is open");
    assert_eq!(h.state().selected_place(), None);
    table_shows_all(&h);
}

#[test]
fn escape_for_a_menu_or_a_cell_edit_keeps_the_selection() {
    let mut h = harness(ScriptedDialogs::default());
    click_rigs_bar(&mut h);
    let im = Some(place("Inner Mongolia"));
    assert_eq!(h.state().selected_place(), im);

    // A menu open: Escape closes it, the selection stays.
    named(&h, "File").click();
    h.run();
    let menu_open = |h: &Harness<'_, App>| h.query_by_label_contains("Export dashboard…").is_some();
    assert!(menu_open(&h), "the File menu is open");
    h.key_press(Key::Escape);
    h.run();
    assert!(!menu_open(&h), "Escape closed the menu");
    assert_eq!(h.state().selected_place(), im);

    // A cell being edited: Escape cancels the edit, the selection stays.
    let cell = format!("City, row {}: ", shown_rows(&h)[0] + 1);
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with(&cell)))
        .click();
    h.run();
    assert!(
        h.query_by(|n| n.role() == Role::TextInput && n.is_focused())
            .is_some(),
        "the cell is being edited"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by(|n| n.role() == Role::TextInput && n.is_focused())
            .is_none(),
        "Escape cancelled the edit"
    );
    assert_eq!(h.state().selected_place(), im);
    // Nothing else wants it now: the next Escape clears the selection.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_place(), None);
}

#[test]
fn selection_snapshot() {
    let mut h = harness(ScriptedDialogs::default());
    click_rigs_bar(&mut h);
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    h.snapshot("selection");
}

/// The colours the charts' bars are painted in (their meshes' vertices) and the colours and
/// widths of the lines, in the last frame.
fn painted_colors(h: &Harness<'_, App>) -> (Vec<egui::Color32>, Vec<(egui::Color32, f32)>) {
    fn walk(
        shape: &egui::Shape,
        bars: &mut Vec<egui::Color32>,
        lines: &mut Vec<(egui::Color32, f32)>,
    ) {
        match shape {
            egui::Shape::Mesh(m) => bars.extend(m.vertices.iter().map(|v| v.color)),
            egui::Shape::Path(p) => {
                if let egui::epaint::ColorMode::Solid(c) = p.stroke.color {
                    lines.push((c, p.stroke.width));
                }
            }
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, bars, lines)),
            _ => {}
        }
    }
    let (mut bars, mut lines) = (Vec::new(), Vec::new());
    for s in &h.output().shapes {
        walk(&s.shape, &mut bars, &mut lines);
    }
    (bars, lines)
}

#[test]
fn the_selected_province_stays_bright_and_the_others_fade() {
    use crackdown_dashboard::ui::theme::place_color;
    let mut h = harness(ScriptedDialogs::default());
    let (im, yunnan) = (place("Inner Mongolia"), place("Yunnan"));
    let faded = |p| place_color(p).gamma_multiply(0.3);
    let (bars, _) = painted_colors(&h);
    assert!(bars.contains(&place_color(im)) && bars.contains(&place_color(yunnan)));
    assert!(!bars.contains(&faded(yunnan)), "nothing faded before");

    click_rigs_bar(&mut h);
    let (bars, _) = painted_colors(&h);
    assert!(bars.contains(&place_color(im)), "Inner Mongolia in full");
    assert!(!bars.contains(&place_color(yunnan)), "Yunnan not in full");
    assert!(bars.contains(&faded(yunnan)), "Yunnan faded");

    // The cumulative lines: the selected one thicker, the others faded and thinner.
    named(&h, "Cumulative").click();
    h.run();
    let (_, lines) = painted_colors(&h);
    assert!(lines.contains(&(place_color(im), 3.5)), "{lines:?}");
    assert!(lines.contains(&(faded(yunnan), 1.5)), "{lines:?}");
    assert!(!lines.iter().any(|(c, _)| *c == place_color(yunnan)));
    // Cleared: every line as before.
    h.key_press(Key::Escape);
    h.run();
    let (_, lines) = painted_colors(&h);
    assert!(lines.contains(&(place_color(im), 2.0)) && lines.contains(&(place_color(yunnan), 2.0)));
}

// Of the `egui-internals` feature: the charts painted from their picture.
#[cfg(feature = "egui-internals")]
#[test]
fn the_charts_picture_follows_the_selection() {
    let with_pictures = |chart_pictures| {
        let start = crackdown_dashboard::StartOptions {
            chart_pictures,
            ..app_harness::sample_start()
        };
        // Without the harness's own pointer drawn: the screenshot the picture is made from
        // would hold it (a real window's screenshot has no pointer).
        let mut h = Harness::builder()
            .with_size([1600.0, 1000.0])
            .with_render_cursor(false)
            .wgpu()
            .with_context_setup(|ctx| {
                ctx.add_font_provider(std::sync::Arc::new(
                    egui_system_font_provider::SystemFontProvider::new(),
                ));
            })
            .build_eframe(move |cc| {
                App::with_dialogs(cc, start, Box::new(ScriptedDialogs::default()))
            });
        h.run();
        h
    };
    let differing = |live: &mut Harness<'_, App>, pictured: &mut Harness<'_, App>| {
        let (a, b) = (live.render().unwrap(), pictured.render().unwrap());
        a.pixels()
            .zip(b.pixels())
            .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 2))
            .count()
    };
    let (mut live, mut pictured) = (with_pictures(false), with_pictures(true));
    assert!(pictured.state().charts_from_picture());
    let before = pictured.render().unwrap();
    for h in [&mut live, &mut pictured] {
        click_rigs_bar(h);
        h.run();
        // The click also pinned the bar's event list; Escape closes it, the selection stays.
        h.key_press(Key::Escape);
        h.run();
    }
    assert_eq!(
        pictured.state().selected_place(),
        Some(place("Inner Mongolia"))
    );
    assert!(pictured.state().charts_from_picture(), "a new picture");
    assert_eq!(
        differing(&mut live, &mut pictured),
        0,
        "it shows the selection"
    );
    let after = pictured.render().unwrap();
    assert!(
        before
            .pixels()
            .zip(after.pixels())
            .filter(|(p, q)| p != q)
            .count()
            > 10_000,
        "the selection changed the picture"
    );
    // Cleared from the table (a click the charts do not get): the picture follows.
    for h in [&mut live, &mut pictured] {
        named(h, "Show all rows (clears the selection of Inner Mongolia)").click();
        h.run();
    }
    assert_eq!(pictured.state().selected_place(), None);
    assert!(pictured.state().charts_from_picture());
    assert_eq!(
        differing(&mut live, &mut pictured),
        0,
        "the selection is gone"
    );
    // Selected and cleared again with Escape (the first closes the pinned event list).
    for h in [&mut live, &mut pictured] {
        click_rigs_bar(h);
        for _ in 0..2 {
            h.key_press(Key::Escape);
            h.run();
        }
    }
    assert_eq!(pictured.state().selected_place(), None);
    assert_eq!(differing(&mut live, &mut pictured), 0, "cleared by Escape");
}

#[test]
fn the_chip_and_the_chart_description_in_chinese_with_only_the_bundled_fonts() {
    // No system font provider: a glyph the app's fonts lack would panic.
    let mut h = app_harness::bundled_fonts_only(ScriptedDialogs::default());
    app_harness::choose_language(&mut h, "View", "Language", "中文");
    click_rigs_bar(&mut h);
    let rows = rows_of(&h, place("Inner Mongolia")).len();
    assert!(
        says(&h, &format!("内蒙古自治区：{rows} 行")),
        "{:?}",
        row_labels(&h)
    );
    let _ = named(&h, "显示所有行（取消选中内蒙古自治区）");
    let chart = h.get_by_label("图表：查获矿机");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.ends_with("已选中内蒙古自治区。"),
        "{description}"
    );
    named(&h, "显示所有行（取消选中内蒙古自治区）").click();
    h.run();
    assert_eq!(h.state().selected_place(), None);
}

/// Steps the app until `done` (work on worker threads comes back between steps).
fn wait(h: &mut Harness<'_, App>, what: &str, done: &dyn Fn(&Harness<'_, App>) -> bool) {
    let start = std::time::Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "waited for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn a_large_table_shows_the_selected_provinces_rows_from_a_worker() {
    // 60,000 rows: the table's rows are worked out on a worker, once per selection.
    let (_dir, mut h) = app_harness::opened("big.csv", crackdown_dashboard::synth::csv(60_000, 5));
    wait(&mut h, "the file", &|h| {
        h.state().session().doc().len() == 60_000
    });
    named(&h, "Map").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Inner Mongolia")
        .click();
    // The table's rows and the province's events come from workers, a few frames apart.
    wait(&mut h, "the selection", &|h| {
        h.state().selected_place() == Some(place("Inner Mongolia"))
    });
    let n = rows_of(&h, place("Inner Mongolia")).len();
    assert!(n > 100 && n < 60_000, "{n}");
    let count = |n: usize| crackdown_dashboard::data::value::group_thousands(n as f64, 0);
    wait(&mut h, "the selected rows", &|h| {
        says(h, &format!("{} of 60,000 rows", count(n)))
    });
    assert!(says(&h, &format!("Inner Mongolia: {} rows", count(n))));
    let rows = rows_of(&h, place("Inner Mongolia"));
    let shown = shown_rows(&h);
    assert!(shown.iter().all(|r| rows.contains(r)), "{shown:?}");
    // Escape closes the event list the map's click pinned, a second one clears the selection:
    // every row again.
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().selected_place(), Some(place("Inner Mongolia")));
    h.key_press(Key::Escape);
    wait(&mut h, "every row", &|h| {
        says(h, "60,000 rows") && shown_rows(h)[0] == 0
    });
}
