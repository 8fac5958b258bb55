//! The real app under egui_kittest, as the import tests drive it (`mod app_harness;` in each):
//! a file picked in the Open dialog, widgets found by their accessible labels. Each test file
//! uses some of these, so unused ones are allowed.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crackdown_dashboard::data::document::Metric;
use crackdown_dashboard::ui::dialogs::{FileDialogs, SaveKind};
use crackdown_dashboard::{App, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Dialogs answered from queues, as a user picking files would (a save dialog with nothing
/// queued is cancelled); the save dialogs asked for are noted with their suggested names.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    pub open: Arc<Mutex<VecDeque<PathBuf>>>,
    pub save: Arc<Mutex<VecDeque<PathBuf>>>,
    pub asked: Arc<Mutex<Vec<(SaveKind, String)>>>,
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open.lock().unwrap().pop_front()
    }
    fn pick_save(&mut self, kind: SaveKind, suggested: &str) -> Option<PathBuf> {
        self.asked
            .lock()
            .unwrap()
            .push((kind, suggested.to_owned()));
        self.save.lock().unwrap().pop_front()
    }
}

/// A start on the sample data, its recovery copies in a folder of its own (never the user's).
pub fn sample_start() -> StartOptions {
    StartOptions {
        sample: true,
        recovery_dir: Some(tempfile::tempdir().unwrap().keep().join("recovery")),
        ..Default::default()
    }
}

/// The app on the sample data, its recovery copies in a folder of its own (never the user's).
pub fn harness(dialogs: ScriptedDialogs) -> Harness<'static, App> {
    let start = sample_start();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .wgpu()
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(dialogs)));
    h.run();
    h
}

/// The app after File ▸ Open… (Ctrl+O) of a new file `name` holding `contents` (the directory
/// lasts as long as the returned guard).
pub fn opened(
    name: &str,
    contents: impl AsRef<[u8]>,
) -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.open.lock().unwrap().push_back(path);
    let mut h = harness(dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    (dir, h)
}

/// The node a screen reader names `name` (its accessible label).
pub fn named<'a>(h: &'a Harness<'_, App>, name: &str) -> egui_kittest::Node<'a> {
    let name = name.to_owned();
    h.get_by(move |n| n.label().as_deref() == Some(name.as_str()))
}

/// Whether some node is named `name` exactly.
pub fn shows(h: &Harness<'_, App>, name: &str) -> bool {
    h.query_by(|n| n.label().as_deref() == Some(name)).is_some()
}

/// Whether some node's accessible label (a label's text) contains `part`.
pub fn shows_containing(h: &Harness<'_, App>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

/// What a card says for `value` of `metric` ("Rigs seized: 10,100").
pub fn card_text(metric: Metric, value: f64) -> String {
    format!("{}: {}", metric.title(), metric.format(value))
}

/// The settings kept between runs, in memory, as eframe keeps them in a file.
#[derive(Clone, Default)]
pub struct MemoryStorage(pub std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

/// The app on the sample data with only its own fonts (egui's and the bundled Noto Sans SC
/// subset, no system font provider: egui 0.37 panics on a glyph no loaded font has), its
/// recovery copies in a folder of its own; `dialogs` answers File ▸ Open….
pub fn bundled_fonts_only(dialogs: ScriptedDialogs) -> Harness<'static, App> {
    let start = sample_start();
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(dialogs)));
    h.run();
    h
}

/// Chooses a language from View ▸ Language by clicking, as a user does (`view` and `language`
/// are those menus' names in the language shown now), and closes the menu.
pub fn choose_language(h: &mut Harness<'_, App>, view: &str, language: &str, choice: &str) {
    for name in [view, language, choice] {
        named(h, name).click();
        h.run();
    }
    h.key_press(Key::Escape);
    h.run();
}

/// Every text painted in the last frame (axis titles and ticks are painted, not widgets).
pub fn painted_texts(h: &Harness<'_, App>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in &h.output().shapes {
        walk(&s.shape, &mut out);
    }
    out
}
