//! The real app in a 1600×900 window with a large file loaded and the cursor in the table: the
//! setup the UI-frame benchmark (`benches/core.rs`) and `examples/overdraw` share (each includes
//! this file with `#[path]`).

use crackdown_dashboard::App;
use crackdown_dashboard::StartOptions;
use egui_kittest::kittest::Queryable;

/// The window size both measure at.
pub const SIZE: [f32; 2] = [1600.0, 900.0];

/// The app started with `options` (which name the file), stepped until the file is in and the
/// problem list checked (a large file loads on worker threads), then with a Rigs seized cell
/// clicked so Page Down scrolls the table.
pub fn loaded(options: StartOptions) -> egui_kittest::Harness<'static, App> {
    let mut h = egui_kittest::Harness::builder()
        .with_size(SIZE)
        .build_eframe(|cc| App::new(cc, options));
    let start = std::time::Instant::now();
    while h.state().session().doc().is_empty()
        || h.query_all_by(|node| {
            node.label()
                .is_some_and(|l| l.contains("checking for problems") || l.contains("Loading"))
        })
        .count()
            > 0
    {
        assert!(start.elapsed().as_secs() < 300, "the file loads");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
    h.query_all_by(|node| {
        node.label()
            .is_some_and(|l| l.starts_with("Rigs seized, row "))
    })
    .next()
    .expect("a table cell")
    .click();
    h.run_steps(2);
    h
}
