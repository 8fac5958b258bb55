//! UI tests of the rows left out of the sums (issue 12, items 6 and 7), on the real app through
//! accessible labels: a totals row is listed as a problem and counted with one click (undone
//! with Ctrl+Z), and the note under the cards names the rows without a date, the totals rows
//! and the notes under the table, and shows them.

use crackdown_dashboard::data::document::Metric;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

mod app_harness;
use app_harness::{card_text, named, opened, shows};

#[test]
fn a_totals_row_is_left_out_listed_and_counted_with_one_click_then_undone() {
    let (_dir, mut h) = opened(
        "totals.csv",
        "date,province,city,rigs_seized\n\
         2021-09-27,内蒙古,巴彦淖尔,10100\n\
         2021-06-18,四川,雅安,200\n\
         2021-09-30,合计,,10300\n",
    );
    // The totals word says, when hovered, why the row is not counted.
    named(&h, "Province, row 3: 合计").hover();
    h.run();
    h.get_by_label_contains("looks like a totals row, so its figures are not counted");
    // The cards leave the totals row out, and say so; the problem is listed.
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    h.get_by_label_contains("1 totals row is not counted");
    named(
        &h,
        "Problem: Row 3 · Province: looks like a totals row: not counted",
    );
    assert!(
        !h.query_all_by_label_contains("is not a known province")
            .any(|_| true),
        "合计 is not also an unknown province"
    );

    // The user says it is a real row.
    named(&h, "Count row 3 in the totals").click();
    h.run();
    named(&h, &card_text(Metric::Rigs, 20_600.0));
    named(&h, "Basis, row 3: counted");
    assert!(!shows(
        &h,
        "Problem: Row 3 · Province: looks like a totals row: not counted"
    ));
    assert!(
        h.query_by_label_contains("totals row is not counted")
            .is_none()
    );

    // Undone, it is left out again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    named(&h, "Basis, row 3: event");
    h.get_by_label_contains("1 totals row is not counted");
    named(
        &h,
        "Problem: Row 3 · Province: looks like a totals row: not counted",
    );
    // And redone.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    named(&h, &card_text(Metric::Rigs, 20_600.0));

    // The same fix from the cell's context menu, where the user sees the row.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    let count = "Count row 3 in the totals";
    let before = h.query_all_by_label(count).count();
    named(&h, "Province, row 3: 合计").click_secondary();
    h.run();
    let items: Vec<egui::Rect> = h.query_all_by_label(count).map(|n| n.rect()).collect();
    assert_eq!(items.len(), before + 1, "the context menu offers the fix");
    // The menu's item is drawn last (over the panels).
    let at = items[items.len() - 1].center();
    h.hover_at(at);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    named(&h, &card_text(Metric::Rigs, 20_600.0));
    named(&h, "Basis, row 3: counted");
}

#[test]
fn the_cards_name_the_rows_without_a_date_and_show_them_in_the_table() {
    let (_dir, mut h) = opened(
        "undated.csv",
        "date,province,rigs_seized\n\
         2021-09-27,Hebei,10\n\
         ,Hebei,6890\n\
         2021-13-45,Sichuan,200\n\
         ,Xinjiang,\n\
         2021-06-18,Sichuan,45\n",
    );
    named(&h, "Rigs seized, row 1: 10");
    named(&h, &card_text(Metric::Rigs, 55.0));
    let note = h.get_by_label("2 rows without a date are not counted");
    note.click();
    h.run();
    // The table shows those two rows, and only them.
    named(&h, "Rigs seized, row 2: 6,890");
    named(&h, "Rigs seized, row 3: 200");
    for gone in [
        "Rigs seized, row 1: 10",
        "Rigs seized, row 4: empty",
        "Rigs seized, row 5: 45",
    ] {
        assert!(!shows(&h, gone), "{gone} is not left out");
    }
    h.get_by_label_contains("Showing rows without a date");
    // Each is listed as a problem too.
    named(&h, "Problem: Row 2: no date: not in charts or cards");
    named(&h, "Problem: Row 3: no date: not in charts or cards");
    // Every row again.
    h.get_by_label("Show all rows").click();
    h.run();
    named(&h, "Rigs seized, row 1: 10");
    named(&h, "Rigs seized, row 5: 45");
    // A date typed into a row counts it.
    named(&h, "Date, row 2: empty").click();
    h.run();
    h.get_by_label("Edit Date, row 2").type_text("2021-10-01");
    h.key_press(Key::Enter);
    h.run();
    named(&h, &card_text(Metric::Rigs, 6_945.0));
    h.get_by_label("1 row without a date is not counted");
}

#[test]
fn the_import_preview_says_how_many_rows_are_left_out_before_opening() {
    // Chinese headers are guessed, so the file is previewed first.
    let (_dir, mut h) = opened(
        "统计.csv",
        "日期,省份,查扣矿机\n\
         2021-09-27,内蒙古,10100\n\
         ,四川,200\n\
         合计,,10300\n",
    );
    h.get_by_label("Import “统计.csv”");
    h.get_by_label_contains(
        "2 rows are left out of the sums (totals rows, notes under the table, rows without a date)",
    );
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label_contains("1 row without a date is not counted");
    h.get_by_label_contains("1 totals row is not counted");
    named(&h, &card_text(Metric::Rigs, 10_100.0));
}

#[test]
fn a_note_under_the_table_is_left_out_and_says_why_not_an_unknown_province() {
    let (_dir, mut h) = opened(
        "notes.csv",
        "province,date,rigs_seized\n\
         内蒙古,2021-09-27,10100\n\
         四川,2021-06-18,200\n\
         注：1.数据截至2021年9月底。,,\n\
         数据来源：各省发展改革委,,\n",
    );
    // The note, hovered, says why its row is not counted.
    named(&h, "Province, row 3: 注：1.数据截至2021年9月底。").hover();
    h.run();
    h.get_by_label_contains("looks like a note under the table (注：, Source:), not an event");
    // Both notes are listed as such, and neither is an unknown province; the cards count the
    // two real rows only.
    for row in [3, 4] {
        h.get_by_label_contains(&format!(
            "Problem: Row {row} · Province: looks like a note under the table, not an event"
        ));
    }
    assert!(
        !h.query_all_by_label_contains("is not a known province")
            .any(|_| true),
        "a note is not an unknown province"
    );
    named(&h, &card_text(Metric::Rigs, 10_300.0));
}

#[test]
fn a_note_under_the_table_with_figures_is_named_as_a_note_by_the_cards_not_as_a_totals_row() {
    let (_dir, mut h) = opened(
        "note-figures.csv",
        "province,date,rigs_seized\n\
         内蒙古,2021-09-27,10100\n\
         四川,2021-06-18,200\n\
         合计,2021-09-30,10300\n\
         注：另有小型矿点,,3\n",
    );
    named(&h, &card_text(Metric::Rigs, 10_300.0));
    h.get_by_label("1 totals row is not counted");
    let note = h.get_by_label("1 note under the table is not counted");
    note.click();
    h.run();
    // The table shows the note, not the totals row beside it.
    h.get_by_label_contains("Showing notes under the table");
    named(&h, "Rigs seized, row 4: 3");
    assert!(
        !shows(&h, "Rigs seized, row 3: 10,300"),
        "a totals row is no note"
    );
}
