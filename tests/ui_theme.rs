//! Light and dark, as a user switches them: View ▸ Theme ▸ Light turns the window light at once,
//! Dark turns it dark, and the choice is kept for the next start (through the same eframe storage
//! the app saves its settings to). Snapshot images of the dashboard in each theme.

mod app_harness;

use std::sync::Arc;

use app_harness::{MemoryStorage, ScriptedDialogs, harness, named, sample_start};
use crackdown_dashboard::App;
use egui_kittest::Harness;

/// Chooses View ▸ Theme ▸ `choice` by clicking, as a user does, and closes the menu.
fn choose_theme(h: &mut Harness<'_, App>, choice: &str) {
    named(h, "View").click();
    h.run();
    named(h, "Theme").click();
    h.run();
    named(h, choice).click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
}

/// Whether the window is painted dark: its panels' background as the user sees it.
fn looks_dark(h: &Harness<'_, App>) -> bool {
    let fill = h.ctx.global_style().visuals.panel_fill;
    let [r, g, b, _] = fill.to_array();
    (u32::from(r) + u32::from(g) + u32::from(b)) / 3 < 128
}

/// The app started from `storage`, as the next start reads its saved settings.
fn started_from(storage: &'static MemoryStorage) -> Harness<'static, App> {
    let start = sample_start();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            App::with_dialogs(cc, start, Box::new(ScriptedDialogs::default()))
        });
    h.run();
    h
}

#[test]
fn choosing_light_and_dark_in_the_view_menu_repaints_and_is_kept() {
    let mut h = harness(ScriptedDialogs::default());
    // With no system theme to follow (as here), egui starts dark.
    assert!(looks_dark(&h), "dark before any choice");
    choose_theme(&mut h, "Light");
    assert!(!looks_dark(&h), "light after View ▸ Theme ▸ Light");

    // Closing saves the settings; the next start reads them and is light from its first frame.
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let storage: &'static MemoryStorage = Box::leak(Box::new(storage));
    let mut next = started_from(storage);
    assert!(!looks_dark(&next), "the next start is light too");

    choose_theme(&mut next, "Dark");
    assert!(looks_dark(&next), "dark after View ▸ Theme ▸ Dark");
    choose_theme(&mut next, "Follow the system");
    assert!(
        looks_dark(&next),
        "following a system that says nothing is dark"
    );
}

#[test]
fn dashboard_light_and_dark_snapshots() {
    let mut h = harness(ScriptedDialogs::default());
    choose_theme(&mut h, "Light");
    h.snapshot("dashboard-light");
    choose_theme(&mut h, "Dark");
    h.snapshot("dashboard-dark");
}
