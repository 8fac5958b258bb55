//! UI tests of naming columns (issue 12): a file whose columns the app cannot name opens in the
//! import preview with every column kept as an extra column, and the user maps them there; a
//! mapping the app guessed is shown as a guess and can be changed; an extra column holding
//! figures is named in the preview and in the problems panel. Driven through accessible labels
//! as a user would.

use crackdown_dashboard::App;
use crackdown_dashboard::data::document::Metric;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod app_harness;
use app_harness::{card_text, named, opened, shows_containing as shows};

/// Opens the drop-down named `combo` and picks the field `option` from its list.
fn choose(h: &mut Harness<'static, App>, combo: &str, option: &str) {
    named(h, combo).click();
    h.run();
    h.get_by_role_and_label(Role::Button, option).click();
    h.run();
}

const NOTICE_KUANGJI: &str = "“kuangji” holds numbers and is kept as an extra column: map it?";

#[test]
fn columns_no_one_recognised_are_mapped_in_the_preview() {
    let (_dir, mut h) = opened(
        "pinyin.csv",
        "riqi,shengfen,kuangji\n2021-09-27,Inner Mongolia,10100\n2021-06-18,Sichuan,200\n",
    );
    // Not refused: the preview opens with every column kept, and says why.
    h.get_by_label("Import “pinyin.csv”");
    assert!(shows(&h, "no column has a name the app knows"));
    named(&h, "Column “riqi” holds: keep as extra column");
    named(&h, "Column “shengfen” holds: keep as extra column");
    named(&h, "Column “kuangji” holds: keep as extra column");
    // The column of figures has a notice; the dates and names do not.
    assert!(shows(&h, NOTICE_KUANGJI));
    assert!(!shows(&h, "“riqi” holds numbers") && !shows(&h, "“shengfen” holds numbers"));

    choose(&mut h, "Column “riqi” holds: keep as extra column", "Date");
    named(&h, "Column “riqi” holds: Date");
    assert!(!shows(&h, "no column has a name the app knows"));
    choose(
        &mut h,
        "Column “shengfen” holds: keep as extra column",
        "Province",
    );
    // The notice's own drop-down maps its column.
    choose(
        &mut h,
        "Map “kuangji” to: keep as extra column",
        "Rigs seized",
    );
    named(&h, "Column “kuangji” holds: Rigs seized");
    assert!(!shows(&h, NOTICE_KUANGJI), "mapped: no notice");
    h.get_by_label("Undo column “kuangji”: Rigs seized");
    assert_eq!(h.state().session().doc().len(), 60, "still the sample");

    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 2);
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    named(&h, "Rigs seized, row 1: 10,100");
    named(&h, "Date, row 2: 2021-06-18");
}

#[test]
fn a_guessed_mapping_is_marked_and_changing_it_reads_again() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(
        "日期,省份,关停项目数,查扣矿机数量\n2021/9/27,内蒙古,45,10100\n2021/6/18,四川省,3,200\n",
    );
    let (_dir, mut h) = opened("keywords.csv", bytes);
    h.get_by_label("Import “keywords.csv”");
    // Every guess is listed (as a guess, not an error) and marked in the mapping grid.
    assert!(shows(
        &h,
        "column “查扣矿机数量” was read as rigs_seized (from the words in its name)"
    ));
    assert!(shows(
        &h,
        "column “关停项目数” was read as projects_shut_down"
    ));
    assert!(
        h.get_all_by_label("guessed").count() >= 4,
        "日期, 省份 and the two figures are guesses"
    );
    named(&h, "Column “查扣矿机数量” holds: Rigs seized");

    // The user disagrees: the column is read again as an extra column, and its figures are then
    // named in a notice rather than left out silently.
    choose(
        &mut h,
        "Column “查扣矿机数量” holds: Rigs seized",
        "keep as extra column",
    );
    named(&h, "Column “查扣矿机数量” holds: keep as extra column");
    assert!(shows(
        &h,
        "“查扣矿机数量” holds numbers and is kept as an extra column: map it?"
    ));
    h.get_by_label("Undo column “查扣矿机数量”: extra column")
        .click();
    h.run();
    named(&h, "Column “查扣矿机数量” holds: Rigs seized");
    h.get_by_label("Open").click();
    h.run();
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    named(&h, &card_text(Metric::Projects, 48.0));
}

#[test]
fn an_extra_column_of_figures_is_named_in_the_problems_panel() {
    let (_dir, mut h) = opened(
        "fines.csv",
        "date,province,rigs_seized,罚款(万元),执法单位\n\
         2021-09-27,Inner Mongolia,10100,120,公安局\n\
         2021-06-18,Sichuan,200,35.5,能源局\n",
    );
    // Nothing else was guessed: the notice alone opens the preview.
    h.get_by_label("Import “fines.csv”");
    assert!(shows(
        &h,
        "“罚款(万元)” holds numbers and is kept as an extra column: map it?"
    ));
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 2);
    // The problem list opens for it, the notice above the (no) cell problems.
    h.get_by_label("Columns to check (1)");
    h.get_by_label("“罚款(万元)” holds numbers and is kept as an extra column: map it?");
    assert!(!shows(&h, "“执法单位” holds numbers"));
    let notice_y = h.get_by_label("Columns to check (1)").rect().min.y;
    let problems_y = h.get_by_label("Problems (0)").rect().min.y;
    assert!(notice_y < problems_y, "notices come first");
}
