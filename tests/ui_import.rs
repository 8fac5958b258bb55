//! UI tests of the import preview's reading choices on the real app: the row that holds the
//! header, and the number format of a semicolon file. Driven through accessible labels as a user
//! would: the file picked in the Open dialog, choices made in the preview's drop-downs.

use crackdown_dashboard::App;
use crackdown_dashboard::data::document::Metric;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod app_harness;
use app_harness::{card_text, named, opened, shows};

/// Steps the app until nothing more changes (a grid that grew scrolls into place over a few
/// frames).
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..5 {
        if h.try_run().is_ok() {
            return;
        }
    }
    h.run();
}

/// Opens the preview's drop-down named `combo` and picks `option`.
fn choose(h: &mut Harness<'static, App>, combo: &str, option: &str) {
    named(h, combo).click();
    settle(h);
    named(h, option).click();
    settle(h);
}

/// A bilingual table as a provincial office sends it: a title row, the names in Chinese, the
/// same names in English, then the data.
const BILINGUAL: &str = "2021年虚拟货币挖矿整治情况统计表,,,\n\
    日期,省份,城市,查扣矿机\n\
    date,province,city,rigs_seized\n\
    2021-09-27,内蒙古,巴彦淖尔,10100\n\
    2021-10-08,四川省,雅安,200\n\
    2021-11-02,新疆,昌吉,1200\n\
    2021-11-05,河北省,唐山,30\n";

#[test]
fn choosing_the_header_row_in_the_preview() {
    let (_dir, mut h) = opened("统计表.csv", BILINGUAL);
    h.get_by_label("Import “统计表.csv”");
    // The row taken is named, and the rows above it are said to be skipped.
    h.get_by_label_contains("the header is row 3; rows 1–2 above it are skipped");
    named(&h, "Header row: 3");
    named(&h, "Column “rigs_seized” holds: Rigs seized");
    h.get_by_label("巴彦淖尔");
    h.get_by_label_contains("(4 rows, 0 problems)");

    // The Chinese names instead: the columns are mapped from them, and the English names become
    // a row of the table (its texts are no dates or figures).
    choose(
        &mut h,
        "Header row: 3",
        "row 2: 日期 | 省份 | 城市 | 查扣矿机",
    );
    named(&h, "Header row: 2");
    named(&h, "Column “查扣矿机” holds: Rigs seized");
    assert!(!shows(&h, "Column “rigs_seized” holds: Rigs seized"));
    h.get_by_label("rigs_seized");
    h.get_by_label_contains("(5 rows, ");
    h.get_by_label("Undo header row: 2");

    // Undone: the English names are the header again.
    h.get_by_label("Undo header row: 2").click();
    settle(&mut h);
    named(&h, "Header row: 3");
    named(&h, "Column “rigs_seized” holds: Rigs seized");
    h.get_by_label("Redo header row: 2");
    h.get_by_label_contains("(4 rows, 0 problems)");
    assert_eq!(
        h.state().session().doc().len(),
        60,
        "choices in the preview do not touch the open data"
    );

    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(h.state().session().doc().len(), 4);
    named(&h, "Rigs seized, row 1: 10,100");
    named(&h, "City, row 1: 巴彦淖尔");
    named(&h, &card_text(Metric::Rigs, 11_530.0));
}

/// A semicolon file from a German Excel: decimal commas, dot thousands, and a cell (`1.234` in
/// the kWh column) that reads either way.
const GERMAN: &str = "date;province;city;rigs_seized;electricity_saved_kwh\r\n\
    2021-09-27;Inner Mongolia;Bayannaoer;10.100;6580,5\r\n\
    2021-10-08;Hebei;Tangshan;200;1.104,25\r\n\
    2021-11-02;Xinjiang;Changji;1.200;1.234\r\n";

#[test]
fn changing_the_number_format_in_the_preview() {
    let (_dir, mut h) = opened("werte.csv", GERMAN);
    h.get_by_label("Import “werte.csv”");
    h.get_by_label_contains("numbers are read as 1.234,5 (decimal comma)");
    named(&h, "Number format: 1.234,5");
    // Read with decimal commas: the dots group thousands.
    for shown in ["10100", "6580.5", "1104.25", "1200"] {
        h.get_by_label(shown);
    }
    // 1.234 could be either: kept as typed and flagged.
    h.get_by_label("1.234");
    h.get_by_label_contains("(3 rows, 1 problem)");

    // As 1,234.5: the counts with a dot are not whole, the decimal commas do not read, and
    // 1.234 is a number.
    choose(&mut h, "Number format: 1.234,5", "1,234.5 (decimal point)");
    named(&h, "Number format: 1,234.5");
    for kept in ["10.100", "6580,5", "1.104,25", "1.200"] {
        h.get_by_label(kept);
    }
    assert!(!shows(&h, "10100"));
    h.get_by_label_contains("(3 rows, 4 problems)");

    // Back to decimal commas, and open.
    h.get_by_label("Undo number format: 1,234.5").click();
    settle(&mut h);
    named(&h, "Number format: 1.234,5");
    h.get_by_label("10100");
    h.get_by_label("Open").click();
    settle(&mut h);
    assert_eq!(h.state().session().doc().len(), 3);
    named(&h, "Rigs seized, row 1: 10,100");
    named(&h, "Rigs seized, row 3: 1,200");
    named(&h, "Electricity saved (kWh), row 2: 1,104.25");
    named(&h, &card_text(Metric::Rigs, 11_500.0));
    // The cell that reads either way says why it does not count.
    let cell = named(&h, "Electricity saved (kWh), row 3: 1.234");
    cell.hover();
    h.run();
    assert!(
        h.get_all_by_label_contains("“1.234” could be 1.234 or 1234")
            .count()
            >= 1
    );
    h.get_by_label_contains("1 cell to check");
}

/// Each file opened has its own "About this chart" lines: the sentences are cached per
/// document revision, and two files freshly opened are at the same revision.
#[test]
fn opening_another_file_remakes_the_about_lines() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = app_harness::ScriptedDialogs::default();
    for province in ["Hebei", "Sichuan"] {
        let path = dir.path().join(format!("{province}.csv"));
        let rows = format!("date,province,rigs_seized\n2021-05-01,{province},500\n");
        std::fs::write(&path, rows).unwrap();
        dialogs.open.lock().unwrap().push_back(path);
    }
    let mut h = app_harness::harness(dialogs);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(shows_about(&h, "Hebei accounts for all rigs seized"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(
        shows_about(&h, "Sichuan accounts for all rigs seized"),
        "the rigs chart's About line is about the file opened last"
    );
    assert!(!shows_about(&h, "Hebei accounts for"));
}

fn shows_about(h: &Harness<'_, App>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}
