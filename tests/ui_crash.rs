//! The notice at start after the last run closed unexpectedly, as a user meets it in the real
//! `App` (egui_kittest): the markers a panicked or killed run leaves in the data folder, the
//! notice with the panic's message, Copy report, and no notice after a clean start or once it
//! was closed. And a real panic in a child process leaves the crash record.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crackdown_dashboard::crash::{Crash, Markers};
use crackdown_dashboard::{App, StartOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const HEADING: &str = "Mining Crackdown Dashboard closed unexpectedly last time";

/// The app on the sample data, with its markers and recovery copy in `data`.
fn start(data: &Path) -> Harness<'static, App> {
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(data.join("recovery")),
        crash_dir: Some(data.to_owned()),
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::new(cc, start));
    h.run();
    h
}

/// What a run that panicked leaves: the running marker and the crash record.
fn panicked_run(data: &Path, message: &str) {
    let m = Markers::new(data);
    m.start();
    m.record(&Crash::now(message, "src/ui/table/body.rs:42", "main"))
        .unwrap();
}

/// Text the app put on the clipboard in the last frame.
fn copied(h: &Harness<'_, App>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}

fn shows(h: &Harness<'_, App>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn after_a_panic_the_notice_says_what_happened_and_copies_a_report() {
    let data = tempfile::tempdir().unwrap();
    panicked_run(data.path(), "row 7 is out of range");
    let mut h = start(data.path());
    h.get_by_label(HEADING);
    h.get_by_label_contains("row 7 is out of range");
    let log = crackdown_dashboard::logging::log_file_in(data.path());
    h.get_by_label(&format!("The log file is {}", log.display()));
    h.get_by_label("Open log folder").click();
    h.step();
    let opened = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::OpenUrl(u) => Some(u.url.clone()),
            _ => None,
        });
    assert_eq!(
        opened,
        Some(crackdown_dashboard::app::file_url(data.path()))
    );

    h.get_by_label("Copy report").click();
    h.step();
    let report = copied(&h).expect("Copy report puts text on the clipboard");
    assert!(report.contains(env!("CARGO_PKG_VERSION")), "{report}");
    assert!(report.contains("row 7 is out of range"), "{report}");
    assert!(report.contains("src/ui/table/body.rs:42"), "{report}");
    assert!(report.contains(std::env::consts::OS), "{report}");

    h.get_by_label("Close").click();
    h.run();
    assert!(!shows(&h, HEADING), "Close closes the notice");
    drop(h);
    // The next start (the last one was dropped, as a kill) says nothing of the panic again.
    let h = start(data.path());
    assert!(!shows(&h, HEADING));
    assert!(h.query_by_label_contains("out of range").is_none());
}

#[test]
fn a_clean_start_and_a_start_after_a_clean_exit_show_no_notice() {
    let data = tempfile::tempdir().unwrap();
    let h = start(data.path());
    assert!(!shows(&h, HEADING));
    assert!(Markers::new(data.path()).running_path().exists());
    drop(h);
    // main removes the marker when the window closes normally.
    Markers::new(data.path()).clean_exit();
    let h = start(data.path());
    assert!(!shows(&h, HEADING));
    assert!(h.query_by_label_contains("not closed normally").is_none());
}

#[test]
fn a_kill_with_nothing_unsaved_is_one_quiet_line() {
    let data = tempfile::tempdir().unwrap();
    drop(start(data.path())); // killed: the running marker stays
    let h = start(data.path());
    assert!(!shows(&h, HEADING), "no dialog");
    h.get_by_label_contains("not closed normally last time; nothing unsaved was lost");
}

#[test]
fn a_kill_with_unsaved_edits_offers_them_back_in_the_notice() {
    let data = tempfile::tempdir().unwrap();
    drop(start(data.path()));
    let doc = crackdown_dashboard::io::sample_document();
    crackdown_dashboard::recovery::Recovery::new(data.path().join("recovery"))
        .write(&doc, None, "events.csv")
        .unwrap();
    let mut h = start(data.path());
    h.get_by_label(HEADING);
    h.get_by_label_contains("“events.csv” had unsaved changes");
    assert!(
        !shows(&h, "Restore unsaved changes?"),
        "one dialog, not two"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert!(!shows(&h, HEADING));
    assert!(
        h.state().session().is_dirty(),
        "the restored edits are unsaved"
    );
}

/// In the child: the app's own panic hook, recording in `CRACKDOWN_TEST_PANIC_DIR`, then a
/// real panic. The parent runs this test binary again for just this test.
#[test]
fn a_real_panic_in_a_child_process_leaves_the_crash_record() {
    if let Some(dir) = std::env::var_os("CRACKDOWN_TEST_PANIC_DIR") {
        crackdown_dashboard::crash::record_panics_in(Path::new(&dir));
        crackdown_dashboard::logging::install_panic_hook();
        let cells: Vec<u32> = Vec::new();
        let row = cells.len() + 3;
        let _ = cells[row]; // index out of bounds, as a bug would
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_real_panic_in_a_child_process_leaves_the_crash_record",
            "--test-threads=1",
        ])
        .env("CRACKDOWN_TEST_PANIC_DIR", data.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child panicked");
    let record: PathBuf = Markers::new(data.path()).crash_path();
    let crash: Crash = serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    assert!(crash.message.contains("index out of bounds"), "{crash:?}");
    assert!(crash.location.contains("tests/ui_crash.rs"), "{crash:?}");
    assert_eq!(crash.version, env!("CARGO_PKG_VERSION"));
}
