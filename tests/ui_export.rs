//! The Export dialog as a user meets it (egui_kittest on the real app): opened from a chart's
//! Export… button or File ▸ Export dashboard…, a size and scale chosen, Save… writes the picture
//! (made off screen, so its size is the one chosen, not the window's), Copy image puts the same
//! PNG on the clipboard, and each chart carries its "About this chart" line. Ctrl+E opens the
//! dashboard's, and the keyboard alone goes through it.

mod app_harness;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use app_harness::shows_containing;
use crackdown_dashboard::ui::dialogs::{FileDialogs, SaveKind};
use crackdown_dashboard::{App, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Save dialogs answered with these paths in turn (the kind asked for is noted).
#[derive(Clone, Default)]
struct SaveTo {
    paths: Arc<Mutex<VecDeque<PathBuf>>>,
    kinds: Arc<Mutex<Vec<(SaveKind, String)>>>,
}

impl FileDialogs for SaveTo {
    fn pick_open(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, kind: SaveKind, suggested: &str) -> Option<PathBuf> {
        self.kinds
            .lock()
            .unwrap()
            .push((kind, suggested.to_owned()));
        self.paths.lock().unwrap().pop_front()
    }
}

/// The app on the sample data in a 1600×1000 window, Save… answered with `paths`.
fn harness(paths: &[PathBuf]) -> (SaveTo, Harness<'static, App>) {
    let dialogs = SaveTo::default();
    dialogs.paths.lock().unwrap().extend(paths.iter().cloned());
    let recovery = tempfile::tempdir().unwrap().keep().join("recovery");
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(recovery),
        ..Default::default()
    };
    let boxed = dialogs.clone();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(boxed)));
    h.run();
    (dialogs, h)
}

#[test]
fn a_chart_exported_at_2x_and_1600_by_900_is_3200_by_1800_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rigs picture");
    let (dialogs, mut h) = harness(std::slice::from_ref(&path));
    h.get_by_label("Export… Rigs seized").click();
    h.run();
    h.get_by_label("Export rigs seized");
    // The subtitle and footer come prefilled: metric, period, filters; file and sources.
    assert!(
        h.query_all_by(|n| n
            .value()
            .is_some_and(|v| v.starts_with("Rigs seized per quarter")))
            .next()
            .is_some(),
        "the subtitle is prefilled"
    );
    h.get_by_label("2×").click();
    h.run();
    h.get_by_label("1600 × 900").click();
    h.run();
    assert!(shows_containing(&h, "The PNG will be 3200 × 1800 pixels."));
    h.get_by_label("Save…").click();
    h.run();
    let written = dir.path().join("rigs picture.png");
    assert!(written.is_file(), "the .png extension is added");
    let img = image::open(&written).unwrap();
    assert_eq!((img.width(), img.height()), (3200, 1800));
    assert!(
        h.query_by_label("Export rigs seized").is_none(),
        "Save closes the dialog"
    );
    assert!(shows_containing(&h, "Exported"));
    assert_eq!(
        dialogs.kinds.lock().unwrap().as_slice(),
        [(SaveKind::Png, "rigs-seized.png".to_owned())]
    );
}

#[test]
fn copy_image_puts_the_png_on_the_clipboard() {
    let (_, mut h) = harness(&[]);
    h.get_by_label("Export… Coal saved").click();
    h.run();
    h.get_by_label("Copy image").click();
    h.step();
    let copied: Vec<[usize; 2]> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyImage(img) => Some(img.size),
            _ => None,
        })
        .collect();
    assert_eq!(copied, [[1200, 675]], "one image of the chosen size at 1×");
    h.run();
    assert!(shows_containing(
        &h,
        "Copied the coal saved picture (1200×675 px)"
    ));
    // The dialog stays open for a Save… after the copy; Cancel closes it, nothing written.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Export coal saved").is_none());
}

#[test]
fn the_dashboard_exports_as_svg_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dashboard.svg");
    let (dialogs, mut h) = harness(std::slice::from_ref(&path));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Export dashboard…").click();
    h.run();
    h.get_by_label("SVG (vectors, text as text)").click();
    h.get_by_label("Dark").click();
    h.run();
    h.get_by_label("Save…").click();
    h.run();
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Source: crackdown-events.csv"));
    assert!(svg.contains("<desc id=\"desc\">Inner Mongolia accounts for"));
    assert!(svg.contains("fill=\"#1b1b1b\""), "the dark background");
    assert_eq!(dialogs.kinds.lock().unwrap()[0].0, SaveKind::Svg);
}

/// Whether a label (a dialog's heading) reads `text`.
fn heading(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by(|n| n.value().as_deref() == Some(text))
        .next()
        .is_some()
}

/// The keyboard route `scripts/e2e-window` takes in the real window, with an active cell in the
/// table behind the dialog (its keys must not move or edit it): Ctrl+E, then Tab and Space only
/// (the dialog's Tab order: the pictures (dashboard, the four charts, the map), four sizes,
/// three scales, PNG, SVG, Light, Dark, Title, Subtitle, Footer, Save…). The third picture is
/// the rigs chart: its own title replaces the dashboard's.
#[test]
fn ctrl_e_opens_the_export_dialog_and_the_keyboard_alone_saves_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rigs-seized.png");
    let (dialogs, mut h) = harness(std::slice::from_ref(&path));
    app_harness::named(&h, "Rigs seized, row 2: 80").click();
    h.run();
    h.key_press(egui::Key::Escape); // the edit cancelled, the active cell kept
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export dashboard");
    let keys = |h: &mut egui_kittest::Harness<'_, _>, tabs: usize| {
        for _ in 0..tabs {
            h.key_press(egui::Key::Tab);
            h.run();
        }
        h.key_press(egui::Key::Space);
        h.run();
    };
    keys(&mut h, 3);
    assert!(
        heading(&h, "Export rigs seized"),
        "the heading names the rigs chart"
    );
    assert!(
        heading(&h, "Rigs seized, by province"),
        "the rigs chart's own title"
    );
    keys(&mut h, 5);
    assert!(shows_containing(&h, "The PNG will be 1600 × 900 pixels."));
    for _ in 0..13 {
        h.key_press(egui::Key::Tab);
        h.run();
    }
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(
        dialogs.kinds.lock().unwrap().as_slice(),
        [(SaveKind::Png, "rigs-seized.png".to_owned())],
        "Space on the 13th Tab after the size pressed Save…"
    );
    let img = image::open(&path).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 900));
    assert!(!heading(&h, "Export rigs seized"), "the dialog closed");
    assert!(
        !h.state().session().is_dirty(),
        "the keys for the dialog edited the table behind it"
    );
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Edit Rigs seized, row 2");
}

#[test]
fn ctrl_e_does_not_replace_a_dialog_already_open() {
    let (_, mut h) = harness(&[]);
    h.get_by_label("Export… Rigs seized").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export rigs seized");
    assert!(h.query_by_label("Export dashboard").is_none());
}

#[test]
fn a_file_that_cannot_be_written_is_named_in_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("rigs.png");
    let (_, mut h) = harness(std::slice::from_ref(&path));
    h.get_by_label("Export… Rigs seized").click();
    h.run();
    h.get_by_label("Save…").click();
    h.run();
    assert!(shows_containing(&h, "Could not export"));
    assert!(shows_containing(&h, "rigs.png"));
    assert!(!path.exists());
}

#[test]
fn each_chart_has_its_about_line_and_accessible_description() {
    let (_, h) = harness(&[]);
    assert!(
        shows_containing(&h, "Inner Mongolia accounts for 100% of electricity saved")
            || shows_containing(&h, "Inner Mongolia accounts for all electricity saved")
    );
    let described = h
        .query_all_by(|n| {
            n.description()
                .is_some_and(|d| d.contains(" accounts for "))
        })
        .count();
    assert_eq!(described, 4, "each plot carries its text alternative");
}

/// The map's own Export… (on the map's toolbar) exports the map, coloured by the metric the map
/// shows: the SVG the window writes is the one `export --chart map` writes for the same file.
#[test]
fn the_map_exports_from_its_toolbar_as_the_export_command_draws_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    let (dialogs, mut h) = harness(std::slice::from_ref(&path));
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Export… map").click();
    h.run();
    assert!(heading(&h, "Export the map of rigs seized"));
    h.get_by_label("SVG (vectors, text as text)").click();
    h.run();
    h.get_by_label("Save…").click();
    h.run();
    assert_eq!(
        dialogs.kinds.lock().unwrap().as_slice(),
        [(SaveKind::Svg, "map-rigs-seized.svg".to_owned())]
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(
        svg.contains("Rigs seized, map of the provinces"),
        "{svg:.400}"
    );

    let cli = dir.path().join("cli.svg");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_crackdown-dashboard"))
        .args([
            "export",
            "sample-data/crackdown-events.csv",
            "--chart",
            "map",
        ])
        .args([
            "--period", "quarter", "--width", "1200", "--height", "675", "--out",
        ])
        .arg(&cli)
        .status()
        .unwrap();
    assert!(status.success());
    // The same picture, but for the footer: the window calls the bundled file "(sample data)",
    // so its footer wraps the sources one name earlier.
    assert!(svg.contains("Source: crackdown-events.csv (sample data); yicaiglobal.com"));
    let cli = std::fs::read_to_string(&cli).unwrap();
    let body = |s: &str| -> Vec<String> {
        let footer_y = ["y=\"637.42\"", "y=\"651.6\""];
        s.lines()
            .filter(|l| !footer_y.iter().any(|y| l.contains(y)))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        body(&svg),
        body(&cli),
        "window vs command line, footer aside"
    );
    assert!(
        svg.matches("<polygon").count() >= 34,
        "the provinces are in the SVG"
    );
}
