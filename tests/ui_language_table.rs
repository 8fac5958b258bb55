//! The table, the import preview, the problem messages, the status bar and the Edit and Help
//! menus in Chinese, as a user sees them after View ▸ Language ▸ 中文, drawn with only the bundled
//! fonts (no system font provider: egui 0.37 panics on a glyph no loaded font has, so a missing
//! character fails here). The problem messages and the Undo descriptions are made as keys and
//! arguments and shown in the language of the moment: switching back to English shows them in
//! English again.

mod app_harness;

use std::path::{Path, PathBuf};

use app_harness::{ScriptedDialogs, bundled_fonts_only, choose_language, named, shows};
use crackdown_dashboard::App;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Whether a text is shown, as a widget's name or a label's text.
fn shows_text(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by(|n| n.label().as_deref() == Some(text) || n.value().as_deref() == Some(text))
        .next()
        .is_some()
}

/// Whether a text containing `part` is shown, as a widget's name or a label's text.
fn shows_text_containing(h: &Harness<'_, App>, part: &str) -> bool {
    let has = |t: Option<String>| t.is_some_and(|t| t.contains(part));
    h.query_all_by(|n| has(n.label()) || has(n.value()))
        .next()
        .is_some()
}

/// How many widgets are named `name`.
fn count_named(h: &Harness<'_, App>, name: &str) -> usize {
    h.query_all_by(|n| n.label().as_deref() == Some(name))
        .count()
}

/// The app in Chinese, then File ▸ Open… (Ctrl+O) of `path`.
fn open_in_chinese(path: &Path) -> Harness<'static, App> {
    let dialogs = ScriptedDialogs::default();
    let queue = dialogs.open.clone();
    let mut h = bundled_fonts_only(dialogs);
    choose_language(&mut h, "View", "Language", "中文");
    queue.lock().unwrap().push_back(path.to_owned());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h
}

/// A file of `contents` named `name` in a new folder (kept as long as the guard).
fn file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

#[test]
fn the_table_toolbar_header_and_a_cells_context_menu_are_chinese() {
    let mut h = bundled_fonts_only(ScriptedDialogs::default());
    assert!(shows(&h, "Insert row above") && shows(&h, "Sort by Date"));
    choose_language(&mut h, "View", "Language", "中文");
    named(&h, "搜索");
    for text in [
        "只显示有问题的行",
        "在上方插入行",
        "在下方插入行",
        "复制行",
        "删除行",
    ] {
        assert!(shows_text(&h, text), "{text} in the toolbar");
    }
    assert!(shows_text_containing(&h, " 行"), "the row count");
    assert!(
        shows_text(&h, "crackdown-events.csv（示例数据）"),
        "the status bar names the sample data"
    );
    named(&h, "按日期排序");
    named(&h, "按查扣矿机数排序");
    assert!(!shows(&h, "Insert row above") && !shows(&h, "Sort by Date"));
    // A cell's context menu: the row actions, named for the one row it acts on.
    let cell = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("省份，第 1 行：")))
        .next()
        .expect("the first row's province cell, named in Chinese")
        .accesskit_node()
        .label()
        .unwrap();
    assert!(!shows(&h, "删除行 Ctrl+-"));
    named(&h, &cell).click_secondary();
    h.run();
    // The menu's items, with their shortcuts, beside the toolbar's buttons.
    named(&h, "在上方插入行 Ctrl++");
    named(&h, "删除行 Ctrl+-");
    assert_eq!(count_named(&h, "在下方插入行"), 2, "toolbar and menu");
    assert_eq!(count_named(&h, "复制行"), 2, "toolbar and menu");
}

#[test]
fn the_import_preview_of_a_semicolon_file_is_chinese() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/delim_semicolon.csv");
    let mut h = open_in_chinese(&fixture);
    assert!(shows_text(&h, "导入“delim_semicolon.csv”"), "the heading");
    // The reader's guesses, made on the loading thread, shown in Chinese.
    assert!(
        shows_text(&h, "• 检测到的分隔符是分号"),
        "the delimiter guess"
    );
    for text in [
        "格式",
        "编码",
        "分隔符",
        "表头行",
        "日期顺序",
        "数字格式",
        "列",
    ] {
        assert!(shows_text(&h, text), "{text} in the preview");
    }
    named(&h, "分隔符");
    named(&h, "列“province”的内容: 省份");
    assert!(shows_text_containing(&h, "将读取的前几行（2 行，"));
    assert!(!shows_text_containing(&h, "the delimiter was detected"));
    named(&h, "打开").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 2);
    assert!(
        shows_text_containing(&h, "已打开 "),
        "the status bar says so"
    );
}

#[test]
fn the_import_preview_of_a_gbk_file_names_the_guessed_encoding_in_chinese() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gbk_chinese_headers.csv");
    let mut h = open_in_chinese(&fixture);
    assert!(
        shows_text(&h, "• 没有字节顺序标记，也不是 UTF-8：推测编码为 gb18030"),
        "the encoding guess"
    );
    named(&h, "取消").click();
    h.run();
    assert!(shows_text(&h, "已取消导入；原来打开的数据没有改变"));
}

#[test]
fn a_problem_reads_in_chinese_in_the_panel_and_the_cells_tooltip_then_in_english_again() {
    let (_dir, path) = file(
        "problems.csv",
        b"date,province,rigs_seized\n2021-09-27,Hebei,abc\n,Hebei,6890\n",
    );
    let mut h = open_in_chinese(&path);
    named(&h, "问题：第 1 行 · 查扣矿机数：“abc”不是数字");
    named(&h, "问题：第 2 行：没有日期：不计入图表和卡片");
    assert!(shows_text(&h, "1 个单元格需要检查"), "the toolbar's count");
    assert!(shows_text(&h, "1 行未计入合计"));
    named(&h, "查扣矿机数，第 1 行：abc").hover();
    h.run();
    assert!(
        shows_text_containing(&h, "“abc”不是数字\n文本按输入原样保留；此单元格不计入。"),
        "the cell's tooltip"
    );
    // The same problems, made once when the file was read, in English after switching back.
    choose_language(&mut h, "视图", "语言", "English");
    named(&h, "Problem: Row 1 · Rigs seized: “abc” is not a number");
    named(&h, "Problem: Row 2: no date: not in charts or cards");
}

#[test]
fn undo_names_the_edit_and_saving_says_so_in_chinese() {
    let (_dir, path) = file(
        "events.csv",
        b"date,province,rigs_seized\n2021-09-27,Hebei,10\n2021-09-28,Hebei,20\n",
    );
    let mut h = open_in_chinese(&path);
    assert!(shows_text_containing(&h, "已打开 "), "{path:?} opened");
    named(&h, "在下方插入行").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().session().doc().len(), 3);
    assert!(
        shows_text_containing(&h, "（按 Ctrl+Z 撤销）"),
        "the status message"
    );
    named(&h, "编辑").click();
    h.run();
    let undo = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("撤销：插入第 ")))
        .next()
        .expect("Edit ▸ Undo names the insertion in Chinese")
        .accesskit_node()
        .label()
        .unwrap();
    assert!(undo.starts_with("撤销：插入第 3 行"), "{undo}");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().session().is_dirty(), "saved");
    assert!(
        shows_text(&h, &format!("已保存 {}", path.display())),
        "the status bar after saving"
    );
    // The description was made while the interface was Chinese; it is shown in English now.
    choose_language(&mut h, "视图", "语言", "English");
    named(&h, "Edit").click();
    h.run();
    assert!(
        h.query_all_by(|n| n
            .label()
            .is_some_and(|l| l.starts_with("Undo insertion of row ")))
            .next()
            .is_some(),
        "Edit ▸ Undo in English"
    );
}

#[test]
fn help_about_is_chinese() {
    let mut h = bundled_fonts_only(ScriptedDialogs::default());
    choose_language(&mut h, "View", "Language", "中文");
    named(&h, "帮助").click();
    h.run();
    assert!(shows_text(&h, "打开示例数据"));
    assert!(
        shows_text_containing(&h, &format!("挖矿整治仪表板 {}", env!("CARGO_PKG_VERSION"))),
        "the name and version"
    );
    assert!(shows_text_containing(
        &h,
        "地图边界：Natural Earth 一级行政区"
    ));
    assert!(!shows_text_containing(&h, "Map borders"));
}
