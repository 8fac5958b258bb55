//! First run, as a new user meets it: the sample data opens with a tip strip (three tips and
//! Dismiss); Dismiss hides it and a restarted app with the same settings does not show it again;
//! opening your own file hides it; Help ▸ Data format… lists every column the app reads and saves
//! empty templates (CSV and .xlsx) that open again with every column recognised and no problems.
//!
//! The app starts as the native window does (`first_run_tips`), with its settings read from and
//! written to a store like eframe's, and with no system font provider: only the app's own fonts
//! (egui's and the bundled Noto Sans SC subset), so a character they lack fails here (egui 0.37
//! panics on a glyph no loaded font has).

mod app_harness;

use std::path::{Path, PathBuf};

use app_harness::{MemoryStorage, ScriptedDialogs, named, shows};
use crackdown_dashboard::App;
use crackdown_dashboard::app::{Settings, StartOptions};
use crackdown_dashboard::data::document::Field;
use crackdown_dashboard::io::{self, ReadOptions};
use crackdown_dashboard::ui::data_format::TemplateFormat;
use crackdown_dashboard::ui::dialogs::SaveKind;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The three tips as an English-speaking user reads them.
const TIPS: [&str; 3] = [
    "Open your own file: File › Open…, or drop it here",
    "Click a cell to edit",
    "Export a chart for your report",
];

/// A first start (no file given, none open last time, so the sample data opens) as the native
/// window starts, with the settings `stored` by an earlier run.
fn start(stored: &MemoryStorage, dialogs: ScriptedDialogs) -> Harness<'static, App> {
    let recovery = tempfile::tempdir().unwrap().keep().join("recovery");
    let start = StartOptions {
        first_run_tips: true,
        recovery_dir: Some(recovery),
        ..Default::default()
    };
    let storage: &'static MemoryStorage = Box::leak(Box::new(stored.clone()));
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| {
            cc.storage = Some(storage);
            App::with_dialogs(cc, start, Box::new(dialogs))
        });
    h.run();
    h
}

/// The settings the app writes when it closes.
fn closed(h: &mut Harness<'_, App>) -> MemoryStorage {
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    storage
}

/// Whether a text is shown, as a widget's name or as a label's text.
fn shows_text(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by(|n| n.label().as_deref() == Some(text) || n.value().as_deref() == Some(text))
        .next()
        .is_some()
}

/// How many widgets show exactly `text`.
fn count_text(h: &Harness<'_, App>, text: &str) -> usize {
    h.query_all_by(|n| n.label().as_deref() == Some(text) || n.value().as_deref() == Some(text))
        .count()
}

/// Whether some label's text contains `part`.
fn shows_containing(h: &Harness<'_, App>, part: &str) -> bool {
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l.contains(part)) || n.value().is_some_and(|v| v.contains(part))
    })
    .next()
    .is_some()
}

/// Clicks `menu`, then `item` in it.
fn menu_item(h: &mut Harness<'_, App>, menu: &str, item: &str) {
    named(h, menu).click();
    h.run();
    named(h, item).click();
    h.run();
}

/// Opens `path` with File ▸ Open… (Ctrl+O), the dialog answered with it.
fn open_file(h: &mut Harness<'_, App>, dialogs: &ScriptedDialogs, path: &Path) {
    dialogs.open.lock().unwrap().push_back(path.to_owned());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
}

#[test]
fn the_sample_opens_with_three_tips_and_dismiss_hides_them_for_good() {
    let mut h = start(&MemoryStorage::default(), ScriptedDialogs::default());
    assert!(
        h.state().session().path().is_none(),
        "the sample data is open"
    );
    for tip in TIPS {
        assert!(shows_text(&h, tip), "the tip {tip:?} is shown");
    }
    // Not dismissed, the strip is there again after a restart.
    let before = closed(&mut h);
    let mut h = start(&before, ScriptedDialogs::default());
    assert!(shows_text(&h, TIPS[1]), "the strip shows until dismissed");

    named(&h, "Dismiss the tips").click();
    h.run();
    for tip in TIPS {
        assert!(!shows_text(&h, tip), "the tip {tip:?} is gone");
    }
    let after = closed(&mut h);
    let h = start(&after, ScriptedDialogs::default());
    assert!(
        h.state().session().path().is_none(),
        "the sample data again"
    );
    assert!(
        !shows_text(&h, TIPS[1]) && !shows(&h, "Dismiss the tips"),
        "a dismissed strip does not come back"
    );
}

#[test]
fn opening_your_own_file_hides_the_tips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.csv");
    std::fs::write(&path, "date,province,rigs_seized\n2021-06-01,Sichuan,120\n").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = start(&MemoryStorage::default(), dialogs.clone());
    assert!(shows_text(&h, TIPS[0]));
    open_file(&mut h, &dialogs, &path);
    assert_eq!(h.state().session().doc().len(), 1, "the file is open");
    assert!(
        !shows_text(&h, TIPS[0]) && !shows(&h, "Dismiss the tips"),
        "no tips over your own file"
    );
}

#[test]
fn help_data_format_lists_every_column_the_app_reads() {
    let mut h = start(&MemoryStorage::default(), ScriptedDialogs::default());
    // The sample's table already shows its column names; the window adds one of each.
    let before: Vec<usize> = Field::ALL.iter().map(|f| count_text(&h, f.key())).collect();
    assert!(!shows_text(&h, "What it holds"));
    menu_item(&mut h, "Help", "Data format…");
    for head in ["Column", "What it holds", "Unit", "Also read as"] {
        assert!(shows_text(&h, head), "the heading {head:?}");
    }
    for (field, before) in Field::ALL.iter().zip(before) {
        assert!(
            count_text(&h, field.key()) > before,
            "{} is listed",
            field.key()
        );
    }
    for text in [
        "Mining rigs seized",
        "Electricity saved",
        "kWh",
        "tonnes",
        "event (the default, also when empty) or running_total: the row reports a total to date",
    ] {
        assert!(shows_text(&h, text), "{text:?} is shown");
    }
    // Spellings in English and Chinese, header units, dates and numbers.
    for part in [
        "Machines seized",
        "查扣矿机",
        "省份",
        "节约电量(亿千瓦时)",
        "2021年9月27日",
        "27 Sep 2021",
        "1.2万台",
    ] {
        assert!(shows_containing(&h, part), "{part:?} is shown");
    }
    assert!(shows(&h, "Save template CSV…") && shows(&h, "Save template .xlsx…"));
}

/// Saves a template from Help ▸ Data format…, the save dialog answered with `path` (or
/// cancelled when `None`); the dialogs asked.
fn save_template(
    h: &mut Harness<'_, App>,
    dialogs: &ScriptedDialogs,
    button: &str,
    path: Option<PathBuf>,
) -> Vec<(SaveKind, String)> {
    if let Some(p) = path {
        dialogs.save.lock().unwrap().push_back(p);
    }
    if !shows(h, button) {
        menu_item(h, "Help", "Data format…");
    }
    // The pointer goes to the button first (the window has settled at its size by then).
    named(h, button).hover();
    h.run();
    named(h, button).click();
    h.run();
    std::mem::take(&mut *dialogs.asked.lock().unwrap())
}

/// A template written by the app reads back with every known column, in order, and nothing else:
/// no rows, no problems, no notices, nothing guessed; File ▸ Open… then opens it.
fn check_template(h: &mut Harness<'_, App>, dialogs: &ScriptedDialogs, path: &Path) {
    let mut import = io::read_path_checked::<()>(path, &ReadOptions::default()).unwrap();
    let every: Vec<Option<Field>> = Field::ALL.iter().copied().map(Some).collect();
    assert_eq!(import.report.mapping, every, "every column recognised");
    let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(import.report.headers, keys, "headers as the docs name them");
    assert_eq!(import.doc.len(), 0, "no example row");
    assert!(import.checked_problems().list().is_empty(), "no problems");
    assert!(!import.report.needs_preview(), "nothing guessed");
    open_file(h, dialogs, path);
    assert_eq!(h.state().session().path(), Some(path), "opened in the app");
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(shows_containing(h, &format!("{name} (0 rows)")));
}

#[test]
fn save_template_csv_writes_a_file_that_opens_with_every_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-template.csv");
    let dialogs = ScriptedDialogs::default();
    let mut h = start(&MemoryStorage::default(), dialogs.clone());
    let asked = save_template(&mut h, &dialogs, "Save template CSV…", Some(path.clone()));
    assert_eq!(
        asked,
        [(
            SaveKind::Template(TemplateFormat::Csv),
            "crackdown-events-template.csv".to_owned()
        )]
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 1, "the header row only: {text:?}");
    assert!(shows_containing(&h, "Saved the template"));
    check_template(&mut h, &dialogs, &path);
}

#[test]
fn save_template_xlsx_writes_a_workbook_that_opens_with_every_column() {
    let dir = tempfile::tempdir().unwrap();
    // No extension typed: the template's is added.
    let typed = dir.path().join("my-template");
    let path = dir.path().join("my-template.xlsx");
    let dialogs = ScriptedDialogs::default();
    let mut h = start(&MemoryStorage::default(), dialogs.clone());
    let asked = save_template(&mut h, &dialogs, "Save template .xlsx…", Some(typed));
    assert_eq!(
        asked,
        [(
            SaveKind::Template(TemplateFormat::Xlsx),
            "crackdown-events-template.xlsx".to_owned()
        )]
    );
    assert_eq!(
        &std::fs::read(&path).unwrap()[..2],
        b"PK",
        "a workbook (zip)"
    );
    check_template(&mut h, &dialogs, &path);
}

#[test]
fn a_cancelled_template_dialog_does_nothing_and_a_failed_write_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = start(&MemoryStorage::default(), dialogs.clone());
    let asked = save_template(&mut h, &dialogs, "Save template CSV…", None);
    assert_eq!(asked.len(), 1, "the dialog was shown");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert!(
        !shows_containing(&h, "Saved the template")
            && !shows_containing(&h, "Could not save the template"),
        "no message"
    );

    let missing = dir.path().join("no-such-folder").join("template.xlsx");
    save_template(&mut h, &dialogs, "Save template .xlsx…", Some(missing));
    assert!(
        shows_containing(&h, "Could not save the template “template.xlsx”"),
        "the error names the file"
    );
}

#[test]
fn the_tips_and_the_data_format_window_in_chinese_draw_with_the_bundled_font() {
    let mut stored = MemoryStorage::default();
    let settings = Settings {
        language: Some(crackdown_dashboard::i18n::Language::Zh),
        ..Default::default()
    };
    eframe::set_value(&mut stored, eframe::APP_KEY, &settings);
    let mut h = start(&stored, ScriptedDialogs::default());
    for tip in [
        "打开自己的文件：文件 › 打开…，或把文件拖到这里",
        "点击单元格即可编辑",
        "导出图表，放进你的报告",
    ] {
        assert!(shows_text(&h, tip), "{tip}");
    }
    menu_item(&mut h, "帮助", "数据格式…");
    for text in [
        "列名",
        "内容",
        "单位",
        "也可写作",
        "查扣的矿机",
        "保存 CSV 模板…",
    ] {
        assert!(shows_text(&h, text), "{text}");
    }
    named(&h, "关闭提示").click();
    h.run();
    assert!(!shows_text(&h, "点击单元格即可编辑"));
}
