//! The whole window from the keyboard alone, as a user without a mouse (or with a screen
//! reader) meets it, on the real app under egui_kittest: only key events and typed text
//! (`Event::Text`, what a keyboard sends) reach it; what the test reads is the accessibility
//! tree (the focused node and its name), the model and the files written.

mod app_harness;

use std::path::{Path, PathBuf};

use app_harness::{ScriptedDialogs, sample_start};
use crackdown_dashboard::data::document::{Column, Field, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::{App, StartOptions};
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app on the sample data, 1600×1000, its recovery copies in a folder of its own.
fn harness(dialogs: ScriptedDialogs) -> Harness<'static, App> {
    let start = sample_start();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(dialogs)));
    h.run();
    h
}

/// A key pressed and released, and the frames it causes.
fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// A key pressed with modifiers held.
fn chord(h: &mut Harness<'_, App>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// Text typed on the keyboard (the event a keyboard's characters arrive as).
fn type_text(h: &mut Harness<'_, App>, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run();
}

/// The accessible name of the widget with the keyboard focus.
fn focused(h: &Harness<'_, App>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .map(|n| n.accesskit_node().label().unwrap_or_default())
}

/// Presses Tab (or Shift+Tab when `back`) until the focused widget's name satisfies `wanted`,
/// at most `limit` times; returns the names passed on the way (the last one the wanted one).
fn tab_to(
    h: &mut Harness<'_, App>,
    back: bool,
    limit: usize,
    wanted: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut trail = Vec::new();
    for _ in 0..limit {
        if back {
            chord(h, Modifiers::SHIFT, Key::Tab);
        } else {
            press(h, Key::Tab);
        }
        let name = focused(h).unwrap_or_default();
        trail.push(name.clone());
        if wanted(&name) {
            return trail;
        }
    }
    panic!("Tab never reached the widget wanted; it went through {trail:?}");
}

fn inner_mongolia() -> Place {
    Place::Region(Gazetteer::get().resolve("Inner Mongolia").unwrap().region)
}

/// A small file of the user's, copied from the fixtures into a folder of its own.
fn users_file(dir: &Path) -> PathBuf {
    let path = dir.join("events.csv");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/utf8_no_bom.csv"
        ),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn a_whole_task_is_done_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = users_file(dir.path());
    let picture = dir.path().join("rigs.png");
    let dialogs = ScriptedDialogs::default();
    dialogs.open.lock().unwrap().push_back(file.clone());
    dialogs.save.lock().unwrap().push_back(picture.clone());
    let mut h = harness(dialogs);

    // Ctrl+O opens the file (the dialog answers with it).
    chord(&mut h, Modifiers::COMMAND, Key::O);
    assert_eq!(h.state().session().path(), Some(file.as_path()));

    // Tab reaches the table as one stop; its first cell becomes the active one.
    let trail = tab_to(&mut h, false, 80, &|n| n.starts_with("Table"));
    assert_eq!(
        trail.last().map(String::as_str),
        Some("Table, Date, row 1: 2021-09-27"),
        "{trail:?}"
    );
    // The arrows move the active cell; the focus stays with the table.
    for _ in 0..3 {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(
        focused(&h).as_deref(),
        Some("Table, Rigs seized, row 1: 10,100")
    );
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowRight);
    // Enter edits the cell; Escape leaves it as it was.
    press(&mut h, Key::Enter);
    assert_eq!(focused(&h).as_deref(), Some("Edit Rigs seized, row 1"));
    press(&mut h, Key::Escape);
    assert_eq!(
        focused(&h).as_deref(),
        Some("Table, Rigs seized, row 1: 10,100"),
        "Escape gives the keyboard back to the table"
    );
    // Typing over the active cell replaces it; Enter commits.
    type_text(&mut h, "12500");
    press(&mut h, Key::Enter);
    let rigs = Column::Field(Field::Rigs);
    assert_eq!(h.state().session().doc().cell_text(0, rigs), "12500");
    assert!(h.state().session().is_dirty());

    // Tab on to the Charts | Map switch; Enter shows the map.
    tab_to(&mut h, false, 80, &|n| n == "Map");
    press(&mut h, Key::Enter);
    assert!(h.state().settings_map_shown(), "Enter on Map shows the map");
    // Tab reaches the provinces on the map; Enter selects one, and it reads as selected.
    tab_to(&mut h, false, 80, &|n| n == "Inner Mongolia");
    let on_map = h.query_by(|n| n.is_focused()).unwrap();
    assert!(
        on_map
            .accesskit_node()
            .description()
            .is_some_and(|d| d.starts_with("Rigs seized: 12,500")),
        "the province on the map, its value told: {:?}",
        on_map.accesskit_node().description()
    );
    assert_eq!(h.state().selected_place(), None);
    press(&mut h, Key::Space);
    assert_eq!(h.state().selected_place(), Some(inner_mongolia()));
    let node = h
        .query_by(|n| n.is_focused())
        .expect("the province keeps the focus");
    assert_eq!(node.accesskit_node().is_selected(), Some(true));
    // The arrows move between the provinces on the map: Left to a neighbour to the west.
    press(&mut h, Key::ArrowLeft);
    let west = focused(&h).unwrap_or_default();
    assert!(
        !west.is_empty() && west != "Inner Mongolia",
        "Left moves to a neighbour: {west}"
    );
    assert!(
        h.query_by(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().description())
            .is_some_and(|d| d.starts_with("Rigs seized")),
        "a province of the map: {west}"
    );
    // Enter selects that one instead.
    press(&mut h, Key::Enter);
    let region = Gazetteer::get().resolve(&west).unwrap().region;
    assert_eq!(h.state().selected_place(), Some(Place::Region(region)));

    // Back to the charts (Shift+Tab to the switch), then on to a chart's Export….
    tab_to(&mut h, true, 120, &|n| n == "Charts");
    press(&mut h, Key::Enter);
    assert!(!h.state().settings_map_shown());
    tab_to(&mut h, false, 80, &|n| n == "Export… Rigs seized");
    press(&mut h, Key::Enter);
    assert!(
        h.query_by_label("Export rigs seized").is_some(),
        "Enter opens the export dialog"
    );
    // Escape closes it, and the focus is back on the button; Space opens it again.
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Export rigs seized").is_none());
    assert_eq!(focused(&h).as_deref(), Some("Export… Rigs seized"));
    press(&mut h, Key::Space);
    assert!(h.query_by_label("Export rigs seized").is_some());
    // In the dialog, Tab goes round its own widgets only; Save… writes the picture.
    let trail = tab_to(&mut h, false, 40, &|n| n == "Save…");
    assert!(
        !trail.iter().any(|n| n.starts_with("Table") || n == "File"),
        "the dialog keeps the focus: {trail:?}"
    );
    press(&mut h, Key::Enter);
    assert!(picture.is_file(), "the PNG is written");
    assert!(h.query_by_label("Export rigs seized").is_none());

    // Ctrl+S writes the edit into the user's file.
    chord(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("12500"), "{saved}");
    assert!(!h.state().session().is_dirty());
}

/// What Tab goes through from the top of the window until it comes round again.
fn tab_cycle(h: &mut Harness<'_, App>) -> Vec<String> {
    press(h, Key::Tab);
    let first = h
        .query_by(|n| n.is_focused())
        .map(|n| n.accesskit_node().id())
        .expect("Tab focuses a widget");
    let mut names = vec![focused(h).unwrap_or_default()];
    for _ in 0..600 {
        press(h, Key::Tab);
        let node = h.query_by(|n| n.is_focused()).expect("the focus stays");
        if node.accesskit_node().id() == first {
            return names;
        }
        names.push(node.accesskit_node().label().unwrap_or_default());
    }
    panic!("Tab did not come round in 600 presses: {names:?}");
}

#[test]
fn tab_goes_round_the_whole_window_and_every_stop_has_a_name() {
    let mut h = harness(ScriptedDialogs::default());
    let names = tab_cycle(&mut h);
    let unnamed: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].trim().is_empty())
        .collect();
    assert!(
        unnamed.is_empty(),
        "stops {unnamed:?} have no name: {names:?}"
    );
    let has = |wanted: &dyn Fn(&str) -> bool, what: &str| {
        assert!(
            names.iter().any(|n| wanted(n)),
            "Tab reaches {what}: {names:?}"
        );
    };
    has(&|n| n == "File", "the File menu");
    has(&|n| n == "Hide all", "the province list's buttons");
    has(&|n| n == "Inner Mongolia", "a province in the list");
    has(
        &|n| n == "Hide Inner Mongolia (rigs seized)",
        "a legend entry",
    );
    has(&|n| n == "Map", "the Charts | Map switch");
    has(&|n| n == "Export… Rigs seized", "a chart's Export…");
    has(&|n| n.starts_with("Table"), "the table");
    assert_eq!(
        names.iter().filter(|n| n.starts_with("Table")).count(),
        1,
        "the table is one stop: {names:?}"
    );
    // In order: menus, the filter bar, the province list, the table, then the dashboard.
    let at = |wanted: &str| names.iter().position(|n| n == wanted).unwrap();
    assert!(at("File") < at("Inner Mongolia"));
    assert!(at("Map") < at("Export… Rigs seized"));
}

#[test]
fn f10_reaches_the_menus_and_the_arrows_and_escape_work_in_them() {
    let mut h = harness(ScriptedDialogs::default());
    press(&mut h, Key::F10);
    assert_eq!(focused(&h).as_deref(), Some("File"));
    // Enter opens the menu; Down goes into it and on.
    press(&mut h, Key::Enter);
    assert!(
        h.query_by_label_contains("Export dashboard…").is_some(),
        "Enter opens the menu"
    );
    press(&mut h, Key::ArrowDown);
    assert_eq!(focused(&h).as_deref(), Some("Open… Ctrl+O"));
    press(&mut h, Key::ArrowDown);
    assert_eq!(focused(&h).as_deref(), Some("Open Recent"));
    // Escape closes it.
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label_contains("Export dashboard…").is_none(),
        "the menu closed"
    );
    // Right from File goes along the bar.
    press(&mut h, Key::F10);
    press(&mut h, Key::ArrowRight);
    assert_eq!(focused(&h).as_deref(), Some("Edit"));
}

/// How many pixels of row `y`, from `x0` to `x1`, are within a few levels of `color`.
fn pixels_of(img: &image::RgbaImage, y: u32, (x0, x1): (u32, u32), color: egui::Color32) -> usize {
    (x0..x1)
        .filter(|&x| {
            let p = img.get_pixel(x, y).0;
            (0..3).all(|i| p[i].abs_diff(color.to_array()[i]) <= 24)
        })
        .count()
}

#[test]
fn the_focused_widget_has_a_clear_ring_in_light_and_dark() {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let mut h = harness(ScriptedDialogs::default());
        h.ctx.set_theme(theme);
        h.run();
        tab_to(&mut h, false, 200, &|n| n == "Export… Rigs seized");
        let rect = h.get_by_label("Export… Rigs seized").rect();
        let ring = crackdown_dashboard::ui::theme::focus_stroke(&h.ctx.global_style().visuals);
        // Two points outside the button's top edge: the ring (1 to 3 points out).
        let y = (rect.top() - 2.0).round() as u32;
        let xs = ((rect.left() + 3.0) as u32, (rect.right() - 3.0) as u32);
        let img = h.render().unwrap();
        let on_ring = pixels_of(&img, y, xs, ring.color);
        assert!(
            on_ring as f32 >= 0.9 * (xs.1 - xs.0) as f32,
            "{theme:?}: the ring is drawn ({on_ring} of {} pixels)",
            xs.1 - xs.0
        );
        // Without the focus (Escape gives it up), no ring.
        press(&mut h, Key::Escape);
        let img = h.render().unwrap();
        assert_eq!(pixels_of(&img, y, xs, ring.color), 0, "{theme:?}: no ring");
    }
}

/// The stops of a Tab cycle that have no name.
fn unnamed(names: &[String]) -> Vec<usize> {
    (0..names.len())
        .filter(|&i| names[i].trim().is_empty())
        .collect()
}

#[test]
fn on_the_map_and_in_the_export_dialog_every_stop_has_a_name_too() {
    let mut h = harness(ScriptedDialogs::default());
    tab_to(&mut h, false, 200, &|n| n == "Map");
    press(&mut h, Key::Enter);
    assert!(h.state().settings_map_shown());
    let names = tab_cycle(&mut h);
    assert!(unnamed(&names).is_empty(), "unnamed: {names:?}");
    let provinces = names
        .iter()
        .filter(|n| n.as_str() == "Inner Mongolia" || n.as_str() == "Hong Kong")
        .count();
    // Inner Mongolia in the province list and on the map; Hong Kong (no rows) only on the map.
    assert_eq!(provinces, 3, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("Map: ")), "{names:?}");

    // The export dialog of the whole dashboard, from the File menu by keys.
    press(&mut h, Key::F10);
    press(&mut h, Key::Enter);
    // The menu item shows its shortcut: "Export dashboard… Ctrl+E".
    tab_to(&mut h, false, 20, &|n| n.starts_with("Export dashboard…"));
    press(&mut h, Key::Enter);
    assert!(h.query_by_label("Export dashboard").is_some(), "the dialog");
    let names = tab_cycle(&mut h);
    assert!(unnamed(&names).is_empty(), "unnamed: {names:?}");
    for wanted in [
        "1600 × 900",
        "2×",
        "SVG (vectors, text as text)",
        "Title",
        "Save…",
        "Cancel",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted}: {names:?}");
    }
    assert!(
        !names.iter().any(|n| n == "File" || n.starts_with("Table")),
        "only the dialog's own widgets: {names:?}"
    );
}

#[test]
fn escape_answers_cancel_in_the_unsaved_changes_question_and_the_import_preview() {
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.csv");
    let (bytes, _, _) =
        encoding_rs::GB18030.encode("日期,省份,查扣矿机\n2021年9月27日,内蒙古自治区,5\n");
    std::fs::write(&gbk, &bytes).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.lock().unwrap().extend([gbk.clone(), gbk]);
    let mut h = harness(dialogs);
    // The import preview (a guessed encoding): Escape cancels it, the sample stays.
    chord(&mut h, Modifiers::COMMAND, Key::O);
    assert!(
        h.query_by_label("Import “gbk.csv”").is_some(),
        "the preview"
    );
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Import “gbk.csv”").is_none());
    assert_eq!(h.state().session().doc().len(), 60, "the sample is kept");

    // An edit by keys, then Ctrl+O asks first; Escape is Cancel: the edit stays.
    tab_to(&mut h, false, 80, &|n| n.starts_with("Table"));
    press(&mut h, Key::Delete);
    assert!(h.state().session().is_dirty());
    chord(&mut h, Modifiers::COMMAND, Key::O);
    assert!(
        h.query_by_label_contains("Save the changes to").is_some(),
        "the question"
    );
    press(&mut h, Key::Escape);
    assert!(h.query_by_label_contains("Save the changes to").is_none());
    assert!(h.state().session().is_dirty(), "Cancel keeps the edit");
    assert_eq!(h.state().session().doc().len(), 60);
    assert_eq!(
        focused(&h).as_deref(),
        Some("Table, Date, row 1: empty"),
        "the focus is back in the table"
    );
}

#[test]
fn a_problem_is_reached_by_tab_and_enter_opens_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("problems.csv");
    std::fs::write(&path, "date,province,rigs_seized\n2021-09-27,Hebei,abc\n").unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.lock().unwrap().push_back(path);
    let mut h = harness(dialogs);
    chord(&mut h, Modifiers::COMMAND, Key::O);
    // The problem list is open; Tab reaches the problem in it; Enter edits its cell.
    tab_to(&mut h, false, 40, &|n| {
        n == "Problem: Row 1 · Rigs seized: “abc” is not a number"
    });
    press(&mut h, Key::Enter);
    assert_eq!(focused(&h).as_deref(), Some("Edit Rigs seized, row 1"));
}

// Of the `egui-internals` feature: the charts painted from a picture of themselves.
#[cfg(feature = "egui-internals")]
#[test]
fn a_ring_on_a_chart_is_never_kept_in_the_charts_picture() {
    let start = StartOptions {
        chart_pictures: true,
        ..sample_start()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(ScriptedDialogs::default())));
    h.run();
    let entry = "Hide Inner Mongolia (rigs seized)";
    tab_to(&mut h, false, 200, &|n| n == entry);
    let rect = h.get_by_label(entry).rect();
    let ring = crackdown_dashboard::ui::theme::focus_stroke(&h.ctx.global_style().visuals);
    let y = (rect.top() - 2.0).round() as u32;
    let xs = ((rect.left() + 3.0) as u32, (rect.right() - 3.0) as u32);
    // Space hides the province: the charts change under the focused entry, and once they hold
    // still again a new picture of them is taken.
    press(&mut h, Key::Space);
    assert_eq!(
        focused(&h).as_deref(),
        Some("Show Inner Mongolia (rigs seized)")
    );
    for _ in 0..8 {
        h.step();
    }
    assert!(
        pixels_of(&h.render().unwrap(), y, xs, ring.color) > 0,
        "the ring"
    );
    // The focus leaves; the charts come from their picture, which shows no ring (a picture
    // taken while the ring was over them would).
    press(&mut h, Key::Escape);
    let mut from_picture = false;
    for _ in 0..8 {
        h.step();
        from_picture |= h.state().charts_from_picture();
    }
    let img = h.render().unwrap();
    assert!(
        from_picture && h.state().charts_from_picture(),
        "the charts are painted from their picture"
    );
    assert_eq!(
        pixels_of(&img, y, xs, ring.color),
        0,
        "no ring left in the picture"
    );
}
