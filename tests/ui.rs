//! UI tests on the real app, driven through accessible labels as a user would: click, type,
//! hover, and read what the window shows.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crackdown_dashboard::analysis::{Filter, Granularity};
use crackdown_dashboard::data::document::{Column, Field, Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::session::Session;
use crackdown_dashboard::ui::dialogs::{FileDialogs, SaveKind};
use crackdown_dashboard::{App, StartOptions};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Dialogs answered from a queue, as a user picking files would.
#[derive(Clone, Default)]
struct ScriptedDialogs {
    open: Arc<Mutex<VecDeque<PathBuf>>>,
    save: Arc<Mutex<VecDeque<PathBuf>>>,
}

impl ScriptedDialogs {
    /// Dialogs that will answer Open… and Save… with these files, in order.
    fn answering(open: &[PathBuf], save: &[PathBuf]) -> Self {
        let d = ScriptedDialogs::default();
        d.open.lock().unwrap().extend(open.iter().cloned());
        d.save.lock().unwrap().extend(save.iter().cloned());
        d
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.open.lock().unwrap().pop_front()
    }
    fn pick_save(&mut self, _kind: SaveKind, _suggested: &str) -> Option<PathBuf> {
        self.save.lock().unwrap().pop_front()
    }
}

fn harness(dialogs: ScriptedDialogs) -> Harness<'static, App> {
    harness_at(dialogs, 1.0)
}

fn harness_at(dialogs: ScriptedDialogs, pixels_per_point: f32) -> Harness<'static, App> {
    // Each test keeps its recovery copies in its own folder, never the user's.
    let recovery = tempfile::tempdir().unwrap().keep().join("recovery");
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(recovery),
        ..Default::default()
    };
    harness_with(dialogs, pixels_per_point, start)
}

fn harness_with(
    dialogs: ScriptedDialogs,
    pixels_per_point: f32,
    start: StartOptions,
) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_pixels_per_point(pixels_per_point)
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

fn inner_mongolia() -> Place {
    Place::Region(Gazetteer::get().resolve("Inner Mongolia").unwrap().region)
}

/// The rigs total the model computes from scratch for the current document.
fn expected_total(app: &App, metric: Metric, filter: &Filter) -> f64 {
    let doc = app.session().doc().clone();
    let mut fresh = Session::new(doc, None, "check");
    fresh.view(Granularity::Quarter, filter).totals[metric.index()]
}

/// The node a screen reader names `name` (its accessible label).
fn named<'a>(h: &'a Harness<'_, App>, name: &str) -> egui_kittest::Node<'a> {
    let name = name.to_owned();
    h.get_by(move |n| n.label().as_deref() == Some(name.as_str()))
}

/// Whether some node's accessible label contains `part`.
fn has_named_containing(h: &Harness<'_, App>, part: &str) -> bool {
    h.query_all_by(|n| n.label().is_some_and(|l| l.contains(part)))
        .next()
        .is_some()
}

fn card_text(metric: Metric, value: f64) -> String {
    format!("{}: {}", metric.title(), metric.format(value))
}

/// Scrolls the table like a user with a mouse wheel until the row whose City cell shows `city`
/// is on screen, and returns its 1-based row number.
fn row_of_city(h: &mut Harness<'_, App>, city: &str) -> usize {
    let wanted = format!(": {city}");
    let find = |h: &Harness<'_, App>| {
        h.query_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("City, row ") && l.ends_with(&wanted))
        })
        .map(|n| n.accesskit_node().label().unwrap())
    };
    for _ in 0..60 {
        if let Some(label) = find(h) {
            return label["City, row ".len()..label.find(':').unwrap()]
                .parse()
                .unwrap();
        }
        let last_visible = h
            .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Select row ")))
            .last()
            .expect("the table shows rows");
        last_visible.scroll_down();
        h.run();
    }
    panic!("no row with city {city}");
}

/// Clicks a table cell, replaces its text as a user would (select all, type) and presses Enter.
fn edit_cell(h: &mut Harness<'_, App>, column: &str, row: usize, current: &str, new: &str) {
    named(h, &format!("{column}, row {row}: {current}")).click();
    h.run();
    let editor_label = format!("Edit {column}, row {row}");
    let editor = h.get_by_label(&editor_label);
    assert!(
        editor.is_focused(),
        "the cell editor takes the keyboard focus"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&format!("Edit {column}, row {row}"))
        .type_text(new);
    h.key_press(Key::Enter);
    h.run();
}

/// A line of a chart's tooltip: a place's figure and its event count, "(1 event)" or
/// "(2 events)" (the charts' "About this chart" lines speak of events too).
fn is_tooltip_line(line: &str) -> bool {
    line.contains(" event)") || line.contains(" events)")
}

/// Hovers the rigs chart where Inner Mongolia's 2021 Q3 bar is and returns the tooltip lines.
fn hover_rigs_2021_q3(h: &mut Harness<'_, App>) -> Vec<String> {
    hover_rigs_inner_mongolia(h, 2021_09_27)
}

/// Hovers the rigs chart where Inner Mongolia's bar for the quarter of `day_key` is (or would
/// be) and returns the tooltip lines.
fn hover_rigs_inner_mongolia(h: &mut Harness<'_, App>, day_key: i32) -> Vec<String> {
    let period = Granularity::Quarter.period_of_key(day_key);
    // Hover where the bar is (or was): the stack position of the place, else the period's base.
    let pos = h
        .state_mut()
        .chart_point(Metric::Rigs, inner_mongolia(), period)
        .or_else(|| {
            let layout = h.state().chart_layout(Metric::Rigs);
            let t = layout.transform?;
            let (x0, x1) = (
                Granularity::Quarter.start(period),
                Granularity::Quarter.end(period),
            );
            let x = (crackdown_dashboard::analysis::date_to_x(x0)
                + crackdown_dashboard::analysis::date_to_x(x1))
                / 2.0;
            Some(t.position_from_point(&egui_plot::PlotPoint::new(x, 1.0)))
        })
        .expect("the rigs chart was drawn");
    h.hover_at(pos);
    h.run();
    let labels: Vec<String> = h
        .query_all_by(|n| n.value().as_deref().is_some_and(is_tooltip_line))
        .map(|n| n.accesskit_node().value().unwrap())
        .collect();
    h.remove_cursor();
    h.run();
    labels
}

#[test]
fn starts_with_sample_data_four_charts_and_cards() {
    let h = harness(ScriptedDialogs::default());
    for metric in Metric::ALL {
        h.get_by_label(&format!("Export… {}", metric.title()));
        let total = expected_total(h.state(), metric, &Filter::default());
        assert!(total > 0.0, "the sample data has figures for {metric:?}");
        named(&h, &card_text(metric, total));
    }
    let view = Session::sample()
        .view(Granularity::Quarter, &Filter::default())
        .clone();
    named(&h, &format!("Provinces: {}", view.provinces));
    assert!(has_named_containing(&h, "Date span: 2017-06-01 – "));
    assert!(h.get_all_by_label_contains("60 rows").count() >= 1);
}

#[test]
fn editing_bayannaoer_rigs_raises_inner_mongolia_by_10000() {
    let mut h = harness(ScriptedDialogs::default());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    named(&h, &card_text(Metric::Rigs, before));
    let tip = hover_rigs_2021_q3(&mut h);
    assert!(
        tip.iter().any(|l| l == "Inner Mongolia: 10,100 (1 event)"),
        "{tip:?}"
    );

    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");

    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    named(&h, &card_text(Metric::Rigs, before + 10_000.0));
    let tip = hover_rigs_2021_q3(&mut h);
    assert!(
        tip.iter().any(|l| l == "Inner Mongolia: 20,100 (1 event)"),
        "{tip:?}"
    );
    assert!(h.state().session().is_dirty());
    h.get_by_label_contains("(unsaved changes)");
}

#[test]
fn typing_abc_into_a_number_shows_the_problem_and_keeps_totals_consistent() {
    let mut h = harness(ScriptedDialogs::default());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "abc");

    // The text is kept as typed and flagged.
    let cell_label = format!("Rigs seized, row {row}: abc");
    let cell = named(&h, &cell_label);
    cell.hover();
    h.run();
    h.get_by_label_contains("“abc” is not a number");
    h.get_by_label_contains("1 cell to check");
    // The row no longer adds rigs; the cards agree with a fresh computation of the data.
    let after = expected_total(h.state(), Metric::Rigs, &Filter::default());
    assert_eq!(after, before - 10_100.0);
    named(&h, &card_text(Metric::Rigs, after));
    let tip = hover_rigs_2021_q3(&mut h);
    assert!(
        !tip.iter().any(|l| l.starts_with("Inner Mongolia")),
        "{tip:?}"
    );
}

/// With Inner Mongolia hidden, the rigs total is its 10,100 less than `before`, and the card
/// says so.
fn rigs_without_inner_mongolia(h: &Harness<'_, App>, before: f64) {
    let mut hidden = Filter::default();
    hidden.hidden.insert(inner_mongolia());
    let after = expected_total(h.state(), Metric::Rigs, &hidden);
    assert_eq!(after, before - 10_100.0);
    named(h, &card_text(Metric::Rigs, after));
}

#[test]
fn hiding_a_province_removes_it_from_charts_and_cards() {
    let mut h = harness(ScriptedDialogs::default());
    let all = Filter::default();
    let before = expected_total(h.state(), Metric::Rigs, &all);
    let provinces_before = Session::sample().view(Granularity::Quarter, &all).provinces;
    assert!(
        hover_rigs_2021_q3(&mut h)
            .iter()
            .any(|l| l.starts_with("Inner Mongolia"))
    );

    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Inner Mongolia")
        .click(); // the province list
    h.run();

    rigs_without_inner_mongolia(&h, before);
    named(&h, &format!("Provinces: {}", provinces_before - 1));
    assert!(
        !hover_rigs_2021_q3(&mut h)
            .iter()
            .any(|l| l.starts_with("Inner Mongolia"))
    );
    // The chart legend offers to show it again; clicking it brings it back everywhere.
    h.get_by_label("Show Inner Mongolia (rigs seized)").click();
    h.run();
    named(&h, &card_text(Metric::Rigs, before));
}

#[test]
fn dashboard_snapshot() {
    let mut h = harness(ScriptedDialogs::default());
    h.run();
    h.snapshot("dashboard");
}

#[test]
fn opening_a_binary_file_shows_a_message_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.csv");
    std::fs::write(
        &bad,
        [0x89, b'P', b'N', b'G', 0, 0, 0x1a, 0xff, 0xfe, 7, 0, 200],
    )
    .unwrap();
    let mut h = harness(ScriptedDialogs::answering(&[bad], &[]));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
    h.get_by_label_contains("Could not open “broken.csv”: this is not a text file");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label_contains("Could not open").is_none());
    assert_eq!(h.state().session().doc().len(), 60);
    assert!(h.get_all_by_label_contains("60 rows").count() >= 1);
}

#[test]
fn opening_another_file_with_unsaved_edits_asks_first() {
    let mut h = harness(ScriptedDialogs::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Open sample data").click();
    h.run();
    h.get_by_label_contains("Save the changes to");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session().is_dirty(), "Cancel keeps the edits");
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    // Undo brings back the saved state and clears the marker.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().session().is_dirty());
    named(&h, &format!("Rigs seized, row {row}: 10,100"));
}

fn all_cells(app: &App) -> Vec<Vec<String>> {
    let doc = app.session().doc();
    (0..doc.len())
        .map(|r| {
            doc.columns()
                .iter()
                .map(|&c| doc.cell_text(r, c).into_owned())
                .collect()
        })
        .collect()
}

#[test]
fn save_as_then_open_again_gives_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::answering(
        &[dir.path().join("edited.csv")],
        &[dir.path().join("edited")],
    );
    let mut h = harness(dialogs);
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "ten thousand");
    let before = all_cells(h.state());
    assert!(h.state().session().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(
        dir.path().join("edited.csv").is_file(),
        "Save As adds .csv to a name without extension"
    );
    assert!(
        !h.state().session().is_dirty(),
        "saving clears the unsaved marker"
    );
    assert!(h.get_all_by_label_contains("Saved").count() >= 1);

    // Open it again with Ctrl+O, as a user would.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().session().name(), "edited.csv");
    assert_eq!(
        all_cells(h.state()),
        before,
        "same rows, the unknown column and the unparsed cell included"
    );
    let row = row_of_city(&mut h, "Bayannaoer");
    named(&h, &format!("Rigs seized, row {row}: ten thousand"));
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_onto_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.csv");
    std::fs::write(
        &path,
        "Date,Province,Rigs\n2021-09-27,内蒙古自治区,\"10,100\"\n2021-06,Sichuan,5\n",
    )
    .unwrap();
    let mut h = harness(ScriptedDialogs::default());
    h.input_mut().dropped_files.push(Arc::new(Dropped(path)));
    h.run();
    // "Rigs" was read as rigs seized: a guess, shown before the data opens.
    h.get_by_label_contains("“Rigs” was read as rigs_seized");
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 2);
    assert!(h.get_all_by_label_contains("Opened").count() >= 1);
    named(&h, &card_text(Metric::Rigs, 10_105.0));
    named(&h, "Provinces: 2");
}

#[test]
fn closing_the_window_with_unsaved_edits_asks_first() {
    let mut h = harness(ScriptedDialogs::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label_contains("before closing?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label_contains("before closing?").is_none());
    assert!(h.state().session().is_dirty());
}

#[test]
fn escape_cancels_a_cell_edit_and_add_delete_rows() {
    let mut h = harness(ScriptedDialogs::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    named(&h, &format!("Rigs seized, row {row}: 10,100")).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&format!("Edit Rigs seized, row {row}"))
        .type_text("999");
    h.key_press(Key::Escape);
    h.run();
    named(&h, &format!("Rigs seized, row {row}: 10,100"));
    assert!(!h.state().session().is_dirty(), "Escape changes nothing");

    // Add a row after the selected one, type a date into it, then delete it again.
    h.get_by_label("Insert row below").click();
    h.run();
    let new_row = row + 1;
    h.get_by_label(&format!("Edit Date, row {new_row}"))
        .type_text("2022-01-05");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session().doc().len(), 61);
    named(&h, &format!("Date, row {new_row}: 2022-01-05"));
    named(&h, &format!("Select row {new_row}")).click();
    h.run();
    h.get_by_label("Delete row").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 60);
    named(&h, &format!("Rigs seized, row {row}: 10,100"));
}

#[test]
fn a_guessed_import_is_previewed_and_can_be_cancelled_or_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.csv");
    let (bytes, _, _) = encoding_rs::GB18030.encode("日期,省份,城市,查扣矿机,节约电量(亿千瓦时)\n2021年9月27日,内蒙古自治区,巴彦淖尔,\"10,100\",65.8\n");
    std::fs::write(&path, &bytes).unwrap();
    let mut h = harness(ScriptedDialogs::answering(
        &[path.clone(), path.clone()],
        &[],
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Import “gbk.csv”");
    h.get_by_label_contains("guessed as gb18030");
    h.get_by_label_contains("“节约电量(亿千瓦时)” was read as electricity_saved_kwh");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().session().doc().len(),
        60,
        "Cancel keeps what was open"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Open").click();
    h.run();
    let doc = h.state().session().doc();
    assert_eq!(doc.len(), 1);
    named(&h, &card_text(Metric::Rigs, 10_100.0));
    named(&h, &card_text(Metric::Kwh, 6.58e9));
    named(&h, "Province, row 1: 内蒙古自治区");
}

#[test]
fn the_problems_panel_lists_cells_and_fixing_one_removes_it() {
    let (_dir, mut h) = opened(
        "problems.csv",
        "date,province,rigs_seized\n2021-09-27,Hebei,abc\n2021-10-01,Atlantis,5\n",
    );
    h.run();
    h.get_by_label("Problems (2)");
    h.get_by_label("Problem: Row 1 · Rigs seized: “abc” is not a number")
        .click();
    h.run();
    let editor = h.get_by_label("Edit Rigs seized, row 1");
    assert!(
        editor.is_focused(),
        "clicking a problem opens its cell for editing"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Edit Rigs seized, row 1").type_text("12");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Problems (1)");
    assert!(h.query_by_label_contains("Problem: Row 1").is_none());
    h.get_by_label_contains("“Atlantis” is not a known province");
}

/// Starts the app, changes the Bayannaoer row's rigs from 10,100 to 20,100, waits for the
/// recovery copy in `recovery`, and drops the app without shutting it down, as a kill does.
fn edit_then_kill(start: StartOptions, recovery: &std::path::Path) {
    let mut h = harness_with(ScriptedDialogs::default(), 1.0, start);
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");
    h.run();
    assert!(
        recovery.join("unsaved.csv").is_file(),
        "the edit was written for recovery"
    );
    // A kill runs no shutdown code: the harness is dropped without closing the app.
    drop(h);
}

#[test]
fn unsaved_edits_are_restored_after_the_app_is_killed() {
    let data = tempfile::tempdir().unwrap();
    let recovery = data.path().join("recovery");
    let start = || StartOptions {
        sample: true,
        recovery_dir: Some(recovery.clone()),
        autosave_delay: Some(std::time::Duration::ZERO),
        ..Default::default()
    };
    edit_then_kill(start(), &recovery);

    let mut h = harness_with(ScriptedDialogs::default(), 1.0, start());
    h.get_by_label("Restore unsaved changes?");
    h.get_by_label_contains("“crackdown-events.csv (sample data)” had unsaved changes");
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.state().session().is_dirty(), "restored edits are unsaved");
    let row = row_of_city(&mut h, "Bayannaoer");
    named(&h, &format!("Rigs seized, row {row}: 20,100"));

    // Undoing back to the saved state leaves nothing to recover... and Discard forgets it.
    drop(h);
    let mut h = harness_with(ScriptedDialogs::default(), 1.0, start());
    h.get_by_label("Discard").click();
    h.run();
    assert!(!recovery.join("unsaved.csv").exists());
    assert!(!h.state().session().is_dirty());
}

#[test]
fn choosing_the_date_order_in_the_preview_reads_ambiguous_dates() {
    let (_dir, mut h) = opened(
        "dates.csv",
        "date,province,rigs\n03/04/2021,Hebei,5\n05/06/2021,Hebei,7\n",
    );
    h.run();
    h.get_by_label_contains("could be day/month or month/day");
    named(&h, "Date order: not chosen").click();
    h.run();
    h.get_by_label("day/month/year").click();
    h.run();
    assert!(
        h.query_by_label_contains("could be day/month or month/day")
            .is_none()
    );
    h.get_by_label("Open").click();
    h.run();
    named(&h, "Date, row 1: 2021-04-03");
    named(&h, "Date, row 2: 2021-06-05");
}

/// The text of `column`'s cell in the topmost row the table shows.
fn top_cell(h: &Harness<'_, App>, column: &str) -> String {
    let prefix = format!("{column}, row ");
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&prefix)))
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .map(|n| {
            let l = n.accesskit_node().label().unwrap();
            l[l.find(": ").unwrap() + 2..].to_owned()
        })
        .unwrap()
}

#[test]
fn sorting_and_searching_are_views_not_edits() {
    let mut h = harness(ScriptedDialogs::default());
    named(&h, "Sort by Rigs seized").click();
    h.run();
    named(&h, "Sort by Rigs seized").click(); // descending
    h.run();
    assert_eq!(
        top_cell(&h, "City"),
        "Bayannaoer",
        "the largest seizure comes first"
    );
    assert!(!h.state().session().is_dirty(), "sorting is not an edit");
    named(&h, "Sort by Rigs seized").click(); // back to file order
    h.run();
    named(&h, "Select row 1");

    named(&h, "Search").click();
    h.run();
    named(&h, "Search").type_text("tangshan");
    h.run();
    let shown = h.state().session().doc().len();
    assert!(
        h.get_all_by_label_contains(&format!("of {shown} rows"))
            .count()
            >= 1
    );
    assert_eq!(top_cell(&h, "City"), "Tangshan");
    h.get_by_label("Only rows with problems").click();
    h.run();
    assert!(
        h.get_all_by_label_contains(&format!("0 of {shown} rows"))
            .count()
            >= 1
    );
    assert!(!h.state().session().is_dirty());
}

#[test]
fn ticking_the_problems_filter_leaves_it_where_it_was() {
    let mut h = harness(ScriptedDialogs::default());
    let before = h.get_by_label("Only rows with problems").rect();
    let search = named(&h, "Search").rect();
    h.get_by_label("Only rows with problems").click();
    h.run();
    assert!(
        h.get_all_by_label_contains("0 of 60 rows").count() >= 1,
        "the count changed"
    );
    assert_eq!(h.get_by_label("Only rows with problems").rect(), before);
    assert_eq!(named(&h, "Search").rect(), search);
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

/// With no active cell yet, a move key makes the first cell active, so the keyboard alone can
/// start in the table: Ctrl+Home, five to the right, one down and Enter edit row 2's rigs (the
/// route `scripts/e2e-window` takes in the real window).
#[test]
fn a_move_key_with_no_active_cell_starts_at_the_first_cell() {
    let mut h = harness(ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    for key in [Key::ArrowRight; 5]
        .into_iter()
        .chain([Key::ArrowDown, Key::Enter])
    {
        h.key_press(key);
        h.run();
    }
    named(&h, "Edit Rigs seized, row 2");
}

#[test]
fn the_table_works_from_the_keyboard() {
    let mut h = harness(ScriptedDialogs::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    named(&h, &format!("Rigs seized, row {row}: 10,100")).click();
    h.run();
    h.key_press(Key::Escape); // cancel the edit, keep the active cell
    h.run();
    assert!(
        h.query_by_label(&format!("Edit Rigs seized, row {row}"))
            .is_none()
    );
    for _ in 0..3 {
        h.key_press(Key::ArrowLeft); // rigs → projects → action → city
    }
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.get_by_label(&format!("Edit City, row {row}"))
            .is_focused(),
        "Enter edits the active cell"
    );
    h.key_press(Key::Escape);
    h.key_press(Key::ArrowDown);
    h.run();
    // Typing over the active cell starts editing it; Tab commits and moves right.
    h.event(egui::Event::Text("Baotou".into()));
    h.run();
    h.key_press(Key::Tab);
    h.run();
    named(&h, &format!("City, row {}: Baotou", row + 1));
    h.key_press(Key::F2);
    h.run();
    assert!(
        h.get_by_label(&format!("Edit Action, row {}", row + 1))
            .is_focused(),
        "Tab moved to the next column"
    );
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.get_by_label("Edit Date, row 1").is_focused(),
        "Ctrl+Home goes to the first cell"
    );
    h.key_press(Key::Escape);
    h.run();

    // Shift+arrows select a range; copying gives tab-separated text a spreadsheet pastes.
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    assert_eq!(
        copied(&h).as_deref(),
        Some("2017-06\tXinjiang\n2018\tHubei\n")
    );
}

#[test]
fn pasting_a_block_from_a_spreadsheet_grows_the_table_and_undoes_as_one() {
    let mut h = harness(ScriptedDialogs::default());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    named(&h, "Date, row 1: 2017-06").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End); // last row, last column
    h.key_press(Key::Home); // first column
    h.run();
    let last = h.state().session().doc().len() - 1;
    let last_rigs = h
        .state()
        .session()
        .doc()
        .figure_value(last, Metric::Rigs)
        .unwrap_or(0.0);
    let block = "2022-01-01\t北京\t\t查处矿场\t\t1,234\n2022-02-01\t上海市\t\t\t\t\"5,000\"\n";
    h.event(egui::Event::Paste(block.into()));
    h.run();
    assert_eq!(
        h.state().session().doc().len(),
        61,
        "the second line added a row"
    );
    let last_before = h.state().session().doc().len() - 1;
    named(&h, &format!("Province, row {last_before}: 北京"));
    named(&h, &format!("Action, row {last_before}: 查处矿场"));
    named(&h, &format!("Rigs seized, row {last_before}: 1,234"));
    named(&h, &format!("Rigs seized, row {}: 5,000", last_before + 1));
    // The last row's rigs were replaced by 1,234 and a new row added 5,000.
    let after = expected_total(h.state(), Metric::Rigs, &Filter::default());
    assert_eq!(after, before - last_rigs + 1234.0 + 5000.0);
    named(&h, &card_text(Metric::Rigs, after));
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo paste of 12 cells").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 60);
    named(&h, &card_text(Metric::Rigs, before));
    assert!(!h.state().session().is_dirty());
}

#[test]
fn a_large_file_loads_in_the_background_with_progress_and_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.csv");
    std::fs::write(&big, crackdown_dashboard::synth::csv(150_000, 3)).unwrap();
    let mut h = harness(ScriptedDialogs::answering(&[big.clone(), big.clone()], &[]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.step();
    h.step();
    h.get_by_label("Opening “big.csv”");
    h.get_by_label_contains("Loading progress");
    // The window keeps responding: cancel, and the open data stays.
    h.get_by_label("Cancel loading").click();
    // The worker stops at its next check (within a few megabytes), then the dialog closes.
    let start = std::time::Instant::now();
    while h.query_by_label("Opening “big.csv”").is_some() {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
    assert!(h.query_by_label("Opening “big.csv”").is_none());
    assert_eq!(h.state().session().doc().len(), 60);
    assert!(h.get_all_by_label_contains("Loading cancelled").count() >= 1);

    // Again, to the end this time.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.step();
    let start = std::time::Instant::now();
    while h.state().session().doc().len() != 150_000 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "the load finishes"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    h.run();
    assert!(h.query_by_label("Opening “big.csv”").is_none());
    assert!(h.get_all_by_label_contains("150,000 rows").count() >= 1);
}

#[test]
fn the_date_order_can_be_changed_after_opening_and_undone() {
    let (_dir, mut h) = opened("dates.csv", "date,province,rigs\n03/04/2021,Hebei,5\n");
    h.run();
    h.get_by_label("Open").click(); // keep the order unchosen
    h.run();
    named(&h, "Date, row 1: 03/04/2021");
    h.get_by_label("Data").click();
    h.run();
    h.get_by_label("month/day/year").click();
    h.run();
    named(&h, "Date, row 1: 2021-03-04");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, "Date, row 1: 03/04/2021");
}

// ---- Rows, selection and undo of every kind of change ----

/// Whether the status bar shows the unsaved-changes marker.
fn shows_unsaved(h: &Harness<'_, App>) -> bool {
    h.query_by_label_contains("(unsaved changes)").is_some()
}

/// Opens a menu with `open`, then clicks the item that appeared whose label starts with `prefix`
/// (the table's buttons carry the same names, so the new one is the menu's). Returns its label.
fn click_new_item(
    h: &mut Harness<'static, App>,
    open: impl FnOnce(&mut Harness<'static, App>),
    prefix: &str,
) -> String {
    let matching = |h: &Harness<'static, App>| -> Vec<(egui::Rect, String)> {
        h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(prefix)))
            .map(|n| (n.rect(), n.accesskit_node().label().unwrap()))
            .collect()
    };
    let before = matching(h);
    open(h);
    h.run();
    let (rect, label) = matching(h)
        .into_iter()
        .find(|item| !before.contains(item))
        .unwrap_or_else(|| panic!("the menu shows an item starting with {prefix:?}"));
    // The accessible label ends with the shortcut shown beside the item.
    let text = label.split(" Ctrl+").next().unwrap_or_default().to_owned();
    h.hover_at(rect.center());
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: rect.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    text
}

/// Clicks the Edit menu's item starting with `prefix` and returns its full label.
fn edit_menu(h: &mut Harness<'static, App>, prefix: &str) -> String {
    click_new_item(h, |h| named(h, "Edit").click(), prefix)
}

/// Right-clicks the cell (or row number) named `cell` and clicks its context menu's item.
fn context_menu(h: &mut Harness<'static, App>, cell: &str, prefix: &str) -> String {
    let cell = cell.to_owned();
    click_new_item(h, move |h| named(h, &cell).click_secondary(), prefix)
}

/// The text the app copies for Ctrl+C.
fn copy(h: &mut Harness<'static, App>) -> String {
    h.event(egui::Event::Copy);
    h.step();
    let text = copied(h).expect("Ctrl+C put text on the clipboard");
    h.run();
    text
}

/// A row's cells as the model holds them, tab-separated (what a spreadsheet would paste).
fn row_tsv(app: &App, row: usize) -> String {
    all_cells(app)[row - 1].join("\t")
}

#[test]
fn undo_and_redo_a_cell_edit_and_the_unsaved_marker_follows() {
    let mut h = harness(ScriptedDialogs::default());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");
    named(&h, &card_text(Metric::Rigs, before + 10_000.0));
    assert!(shows_unsaved(&h));

    let label = edit_menu(&mut h, "Undo");
    assert_eq!(label, format!("Undo edit of rigs seized in row {row}"));
    named(&h, &format!("Rigs seized, row {row}: 10,100"));
    named(&h, &card_text(Metric::Rigs, before));
    assert!(!shows_unsaved(&h), "back at the saved state: no marker");

    let label = edit_menu(&mut h, "Redo");
    assert_eq!(label, format!("Redo edit of rigs seized in row {row}"));
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    named(&h, &card_text(Metric::Rigs, before + 10_000.0));
    assert!(shows_unsaved(&h));

    // The same from the keyboard.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, &format!("Rigs seized, row {row}: 10,100"));
    assert!(!shows_unsaved(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    assert!(shows_unsaved(&h));
}

#[test]
fn inserting_rows_above_and_below_from_buttons_menu_and_keys_undoes_and_redoes() {
    let mut h = harness(ScriptedDialogs::default());
    let cells = all_cells(h.state());
    named(&h, "Select row 5").click();
    h.run();
    h.get_by_label("Insert row above").click();
    h.run();
    // The new row 5 is empty and its date is being typed; the old row 5 moved down.
    h.get_by_label("Edit Date, row 5").type_text("2022-03-01");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session().doc().len(), 61);
    named(&h, "Date, row 5: 2022-03-01");
    named(&h, "Province, row 5: empty");
    named(&h, "Date, row 6: 2018-04-24");
    assert_eq!(row_tsv(h.state(), 6), cells[4].join("\t"));

    assert_eq!(edit_menu(&mut h, "Undo"), "Undo edit of date in row 5");
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo insertion of row 5");
    assert_eq!(h.state().session().doc().len(), 60);
    named(&h, "Date, row 5: 2018-04-24");
    assert_eq!(all_cells(h.state()), cells);
    assert!(!shows_unsaved(&h));
    assert_eq!(edit_menu(&mut h, "Redo"), "Redo insertion of row 5");
    named(&h, "Province, row 5: empty");
    named(&h, "Date, row 6: 2018-04-24");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    named(&h, "Date, row 5: 2022-03-01");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(all_cells(h.state()), cells);

    // Insert row below from the Edit menu: after row 5.
    named(&h, "Select row 5").click();
    h.run();
    assert_eq!(edit_menu(&mut h, "Insert row below"), "Insert row below");
    h.key_press(Key::Escape); // leave the new row empty
    h.run();
    assert_eq!(h.state().session().doc().len(), 61);
    named(&h, "Date, row 5: 2018-04-24");
    named(&h, "Date, row 6: empty");
    named(&h, "Date, row 7: 2018-06-06");
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo insertion of row 6");
    named(&h, "Date, row 6: 2018-06-06");

    // Ctrl++ with a whole row selected (Shift+Space) inserts above it.
    named(&h, "City, row 6: Tangshan").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Space);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    named(&h, "City, row 6: empty");
    named(&h, "City, row 7: Tangshan");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(all_cells(h.state()), cells);
    assert!(!shows_unsaved(&h));
}

#[test]
fn duplicating_several_rows_is_one_undo_step() {
    let mut h = harness(ScriptedDialogs::default());
    let cells = all_cells(h.state());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    // Rows 5–7: Tianjin 600, Hebei (Tangshan) 855, Anhui (Hanshan) 200 rigs.
    named(&h, "Select row 5").click();
    h.run();
    named(&h, "Select row 7").click_modifiers(Modifiers::SHIFT);
    h.run();
    h.get_by_label("Duplicate 3 rows").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 63);
    for (copy, original) in [(8, 5), (9, 6), (10, 7)] {
        assert_eq!(row_tsv(h.state(), copy), cells[original - 1].join("\t"));
    }
    named(&h, "City, row 9: Tangshan");
    named(&h, "Rigs seized, row 10: 200");
    named(&h, "Date, row 11: 2018-07-21"); // the old row 8 follows the copies
    let after = expected_total(h.state(), Metric::Rigs, &Filter::default());
    // Tangshan's 855 counts before Hebei's running total of 2019-12-22, so its copy does not
    // raise Hebei's end total; Tianjin and Anhui add theirs.
    assert_eq!(after, before + 600.0 + 200.0);
    named(&h, &card_text(Metric::Rigs, after));
    // The copies are selected: the buttons name them.
    h.get_by_label("Delete 3 rows");

    assert_eq!(edit_menu(&mut h, "Undo"), "Undo duplicate of 3 rows");
    assert_eq!(all_cells(h.state()), cells);
    named(&h, &card_text(Metric::Rigs, before));
    assert!(!shows_unsaved(&h));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().session().doc().len(), 63);
    named(&h, &card_text(Metric::Rigs, after));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();

    // One row from a cell's context menu (Ctrl+Home scrolls back to the top first).
    h.key_press_modifiers(Modifiers::COMMAND, Key::Home);
    h.run();
    let label = context_menu(&mut h, "City, row 2: Wuhan", "Duplicate");
    assert_eq!(label, "Duplicate row");
    named(&h, "City, row 3: Wuhan");
    named(&h, "Rigs seized, row 3: 80");
    assert_eq!(row_tsv(h.state(), 3), cells[1].join("\t"));
    named(&h, &card_text(Metric::Rigs, before + 80.0));
    // The copy repeats its row exactly: the toolbar counts it (not as a cell).
    assert!(
        h.get_all_by_label_contains("1 repeated row to check")
            .count()
            >= 1
    );
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo duplicate of row 2");
    assert_eq!(all_cells(h.state()), cells);
    assert_eq!(edit_menu(&mut h, "Redo"), "Redo duplicate of row 2");
    named(&h, "City, row 3: Wuhan");
}

#[test]
fn deleting_several_rows_is_one_undo_step() {
    let mut h = harness(ScriptedDialogs::default());
    let cells = all_cells(h.state());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    // Select rows 5–7 with the keyboard: a cell, Shift+Down twice, Shift+Space for whole rows.
    named(&h, "Date, row 5: 2018-04-24").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    // Shift+Space as a real window delivers it: the key and the space it types, in one frame.
    let space = |pressed| egui::Event::Key {
        key: Key::Space,
        pressed,
        modifiers: Modifiers::SHIFT,
        repeat: false,
        physical_key: None,
    };
    h.input_mut().events.extend([
        egui::Event::ModifiersChanged(Modifiers::SHIFT),
        space(true),
        egui::Event::Text(" ".into()),
        space(false),
        egui::Event::ModifiersChanged(Modifiers::NONE),
    ]);
    h.step();
    h.run();
    assert!(
        h.query_by_label_contains("Edit Date").is_none(),
        "the space of Shift+Space does not start editing"
    );
    h.get_by_label("Delete 3 rows");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert_eq!(h.state().session().doc().len(), 57);
    named(&h, "Date, row 5: 2018-07-21");
    let after = expected_total(h.state(), Metric::Rigs, &Filter::default());
    assert_eq!(
        after,
        before - 600.0 - 200.0,
        "Tangshan's 855 is inside Hebei's total"
    );
    named(&h, &card_text(Metric::Rigs, after));
    assert!(shows_unsaved(&h));

    assert_eq!(edit_menu(&mut h, "Undo"), "Undo delete of 3 rows");
    assert_eq!(
        all_cells(h.state()),
        cells,
        "every cell is back, in its place"
    );
    named(&h, &card_text(Metric::Rigs, before));
    assert!(!shows_unsaved(&h));
    assert_eq!(edit_menu(&mut h, "Redo"), "Redo delete of 3 rows");
    assert_eq!(h.state().session().doc().len(), 57);
    named(&h, "Date, row 5: 2018-07-21");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(all_cells(h.state()), cells);

    // A row from its number's context menu.
    assert_eq!(context_menu(&mut h, "Select row 2", "Delete"), "Delete row");
    named(&h, "City, row 2: empty"); // row 3 (National) moved up
    named(&h, "Province, row 2: National");
    named(&h, &card_text(Metric::Rigs, before - 80.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, "City, row 2: Wuhan");
    assert!(!shows_unsaved(&h));
}

#[test]
fn delete_clears_the_selected_cells_as_one_undo_step() {
    let mut h = harness(ScriptedDialogs::default());
    let cells = all_cells(h.state());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    // Rows 5 and 6, City to Rigs seized (Tianjin 600 and Tangshan 855).
    named(&h, "City, row 5: empty").click();
    h.run();
    h.key_press(Key::Escape);
    named(&h, "Rigs seized, row 6: 855").click_modifiers(Modifiers::SHIFT);
    h.run();
    h.key_press(Key::Delete);
    h.run();
    named(&h, "Rigs seized, row 5: empty");
    named(&h, "City, row 6: empty");
    named(&h, "Action, row 6: empty");
    named(&h, "Province, row 6: Hebei"); // outside the range
    named(&h, &card_text(Metric::Rigs, before - 600.0));
    // 5 cells had text (row 5: action, rigs; row 6: city, action, rigs).
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo clearing of 5 cells");
    assert_eq!(all_cells(h.state()), cells);
    assert!(!shows_unsaved(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    named(&h, "City, row 6: empty");
    named(&h, &card_text(Metric::Rigs, before - 600.0));

    // A whole row (Shift+Space) clears every cell of it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, "City, row 2: Wuhan").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Space);
    h.key_press(Key::Delete);
    h.run();
    let left: Vec<String> = all_cells(h.state())[1]
        .iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect();
    assert_eq!(left, ["event"], "only the basis is left, at its default");
    assert_eq!(
        h.state().session().doc().len(),
        60,
        "clearing is not deleting"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(all_cells(h.state()), cells);
}

#[test]
fn pasting_chinese_text_and_thousands_separators_into_the_middle_undoes_and_redoes() {
    let mut h = harness(ScriptedDialogs::default());
    let cells = all_cells(h.state());
    let before = expected_total(h.state(), Metric::Rigs, &Filter::default());
    let tip = hover_rigs_inner_mongolia(&mut h, 2019_05_27);
    assert!(
        !tip.iter().any(|l| l.starts_with("Inner Mongolia")),
        "{tip:?}"
    );
    // Rows 13 and 14 (Hebei/Tangshan with 4 rigs, Sichuan/Kangding), from the Province column.
    assert_eq!(row_of_city(&mut h, "Kangding"), 14);
    named(&h, "Province, row 13: Hebei").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    // As Excel or WPS put it on the clipboard: CRLF lines, numbers as displayed.
    let block =
        "内蒙古\t鄂尔多斯\t查处虚拟货币挖矿\t3\t12,345\r\n内蒙古自治区\t鄂尔多斯市\t\t\t1,000\r\n";
    h.event(egui::Event::Paste(block.into()));
    h.run();
    assert_eq!(h.state().session().doc().len(), 60, "no rows added");
    named(&h, "Province, row 13: 内蒙古");
    named(&h, "City, row 13: 鄂尔多斯");
    named(&h, "Action, row 13: 查处虚拟货币挖矿");
    named(&h, "Projects shut down, row 13: 3");
    named(&h, "Rigs seized, row 13: 12,345");
    named(&h, "Province, row 14: 内蒙古自治区");
    named(&h, "City, row 14: 鄂尔多斯市");
    named(&h, "Action, row 14: empty");
    named(&h, "Rigs seized, row 14: 1,000");
    named(&h, "Date, row 13: 2019-05"); // outside the block
    named(&h, "Date, row 14: 2019-05-27");
    assert!(
        h.query_by_label_contains("cells to check").is_none(),
        "every cell parsed"
    );
    // Hebei loses 4 rigs before its running total (so its total stays); Inner Mongolia gains
    // 12,345 + 1,000.
    let after = expected_total(h.state(), Metric::Rigs, &Filter::default());
    assert_eq!(after, before + 13_345.0);
    named(&h, &card_text(Metric::Rigs, after));
    // Both rows are in 2019 Q2: Inner Mongolia's bar there holds them.
    let tip = hover_rigs_inner_mongolia(&mut h, 2019_05_27);
    assert!(
        tip.iter().any(|l| l == "Inner Mongolia: 13,345 (2 events)"),
        "{tip:?}"
    );

    assert_eq!(edit_menu(&mut h, "Undo"), "Undo paste of 10 cells");
    assert_eq!(all_cells(h.state()), cells);
    named(&h, &card_text(Metric::Rigs, before));
    assert!(!shows_unsaved(&h));
    assert_eq!(edit_menu(&mut h, "Redo"), "Redo paste of 10 cells");
    named(&h, "City, row 13: 鄂尔多斯");
    named(&h, &card_text(Metric::Rigs, after));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    named(&h, "Province, row 13: Hebei");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    named(&h, "Province, row 13: 内蒙古");
}

#[test]
fn a_row_by_its_number_and_a_column_by_ctrl_space_copy_as_tsv() {
    let mut h = harness(ScriptedDialogs::default());
    named(&h, "Select row 2").click();
    h.run();
    let text = copy(&mut h);
    assert!(text.starts_with("2018\tHubei\tWuhan\tpolice seizure (electricity theft)\t\t80\t"));
    assert_eq!(text, format!("{}\n", row_tsv(h.state(), 2)));
    let ncols = h.state().session().doc().columns().len();
    assert_eq!(text.trim_end_matches('\n').split('\t').count(), ncols);

    // Shift+click on another number: rows 2–4.
    named(&h, "Select row 4").click_modifiers(Modifiers::SHIFT);
    h.run();
    h.get_by_label("Delete 3 rows");
    let text = copy(&mut h);
    let expected: String = (2..=4).map(|r| row_tsv(h.state(), r) + "\n").collect();
    assert_eq!(text, expected);

    // A column: click a cell of it, Ctrl+Space, copy every shown row's cell.
    named(&h, "City, row 2: Wuhan").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    h.run();
    let text = copy(&mut h);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 60);
    assert_eq!(&lines[..3], ["", "Wuhan", ""]);
    assert_eq!(lines[5], "Tangshan");
    let city = h
        .state()
        .session()
        .doc()
        .columns()
        .iter()
        .position(|c| h.state().session().doc().column_title(*c) == "City")
        .unwrap();
    let column: Vec<String> = all_cells(h.state())
        .into_iter()
        .map(|r| r[city].clone())
        .collect();
    assert_eq!(lines, column);
    // The header still sorts; the selection is not an edit.
    assert!(!shows_unsaved(&h));

    // With a search, a column copies the rows shown.
    named(&h, "Search").click();
    h.run();
    named(&h, "Search").type_text("tangshan");
    h.run();
    named(&h, "City, row 6: Tangshan").click();
    h.run();
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    h.run();
    let text = copy(&mut h);
    assert!(text.lines().count() >= 3);
    assert!(text.lines().all(|l| l == "Tangshan"), "{text}");
}

/// Presses the mouse on `from`, moves it over `via` to `to` and lets go, as a user drags.
fn drag(h: &mut Harness<'static, App>, from: &str, to: &str) {
    let a = named(h, from).rect().center();
    let b = named(h, to).rect().center();
    h.hover_at(a);
    h.run();
    h.drag_at(a);
    h.run();
    h.hover_at(a + (b - a) * 0.5);
    h.run();
    h.hover_at(b);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: b,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

#[test]
fn dragging_the_mouse_selects_a_range_of_cells_or_rows() {
    let mut h = harness(ScriptedDialogs::default());
    drag(&mut h, "City, row 5: empty", "Rigs seized, row 7: 200");
    assert!(
        h.query_by_label_contains("Edit City").is_none(),
        "a drag does not start editing"
    );
    let text = copy(&mut h);
    let action = |r: usize| all_cells(h.state())[r - 1][3].clone();
    assert_eq!(
        text,
        format!(
            "\t{}\t\t600\nTangshan\t{}\t\t855\nHanshan\t{}\t\t200\n",
            action(5),
            action(6),
            action(7)
        )
    );
    // Delete clears exactly the dragged range.
    h.key_press(Key::Delete);
    h.run();
    named(&h, "Rigs seized, row 6: empty");
    named(&h, "Province, row 6: Hebei");
    named(&h, "Electricity saved (kWh), row 6: empty");
    named(&h, "Rigs seized, row 8: empty");
    named(&h, "Date, row 7: 2018-06-22");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();

    // Over the row numbers, a drag selects whole rows.
    drag(&mut h, "Select row 3", "Select row 6");
    h.get_by_label("Delete 4 rows").click();
    h.run();
    assert_eq!(h.state().session().doc().len(), 56);
    named(&h, "Date, row 3: 2018-06-22");
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo delete of 4 rows");
    assert_eq!(h.state().session().doc().len(), 60);
}

#[test]
fn dragging_past_the_rows_scrolls_them_and_extends_the_selection() {
    let mut h = harness(ScriptedDialogs::default());
    let rows_shown = |h: &Harness<'_, App>| {
        h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Select row ")))
            .map(|n| n.rect())
            .collect::<Vec<_>>()
    };
    assert!(
        h.query_by_label("Select row 60").is_none(),
        "the last sample row starts out of view"
    );
    let bottom = rows_shown(&h)
        .iter()
        .map(|r| r.bottom())
        .fold(f32::MIN, f32::max);
    // Press on a cell, drag down past the last row shown and hold the mouse there.
    let cell = |h: &Harness<'_, App>, prefix: &str| {
        let prefix = prefix.to_owned();
        h.get_by(move |n| n.label().is_some_and(|l| l.starts_with(&prefix)))
            .rect()
            .center()
    };
    let a = cell(&h, "Province, row 2: ");
    hold_drag(&mut h, a, egui::pos2(a.x, bottom + 60.0));
    assert!(
        h.query_by_label("Select row 60").is_some(),
        "the rows scrolled to the end while the mouse was held below them"
    );
    // The selection runs from the pressed cell to the last row, in the pressed column.
    let text = copy(&mut h);
    let expected: Vec<String> = all_cells(h.state())[1..]
        .iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
    // Held above the rows, the drag scrolls back up.
    let a = cell(&h, "Province, row 58: ");
    let top = rows_shown(&h)
        .iter()
        .map(|r| r.top())
        .fold(f32::MAX, f32::min);
    hold_drag(&mut h, a, egui::pos2(a.x, top - 40.0));
    assert!(
        h.query_by_label("Select row 1").is_some(),
        "scrolled back to the top"
    );
    assert_eq!(copy(&mut h).lines().count(), 58, "rows 1 to 58");
}

/// Presses the mouse at `from`, moves it to `to`, holds it there for 40 frames and lets go.
fn hold_drag(h: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    for _ in 0..40 {
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
}

/// Whether a button whose label starts with `prefix` is shown (Undo and Redo name their choice).
fn shows_prefix(h: &Harness<'_, App>, prefix: &str) -> bool {
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(prefix)))
        .next()
        .is_some()
}

/// Opens the preview's drop-down named `combo` and picks `option`.
fn choose(h: &mut Harness<'static, App>, combo: &str, option: &str) {
    named(h, combo).click();
    h.run();
    named(h, option).click();
    h.run();
}

#[test]
fn import_preview_choices_undo_and_redo() {
    // Read with semicolons instead, the last column ("Notes") is still a known one.
    let (_dir, mut h) = opened(
        "guessed.csv",
        "Date,Province,City,Rigs;Notes\n03/04/2021,Hebei,唐山,5;x\n05/06/2021,Hebei,唐山,7;y\n",
    );
    h.run();
    h.get_by_label("Import “guessed.csv”");
    assert!(!shows_prefix(&h, "Undo ") && !shows_prefix(&h, "Redo "));
    assert_eq!(h.get_all_by_label("唐山").count(), 2);

    // Date order, then a wrong delimiter, then a wrong encoding.
    h.get_by_label_contains("could be day/month or month/day");
    choose(&mut h, "Date order: not chosen", "day/month/year");
    assert!(h.query_by_label_contains("could be day/month").is_none());
    h.get_by_label("2021-04-03");
    h.get_by_label("Undo date order: day/month/year");
    // A delimiter that finds no known column reads every column as an extra one (issue 12: the
    // user may map them), and is undone like any choice.
    choose(&mut h, "Delimiter", "tab");
    h.get_by_label_contains("no column has a name the app knows");
    h.get_by_label("Undo delimiter: tab").click();
    h.run();
    h.get_by_label("Undo date order: day/month/year");
    choose(&mut h, "Delimiter", "semicolon");
    h.get_by_label("Undo delimiter: semicolon");
    assert!(h.query_by_label("2021-04-03").is_none(), "one column now");
    named(
        &h,
        "Column “Date,Province,City,Rigs” holds: keep as extra column",
    );
    h.get_by_label("Undo delimiter: semicolon").click();
    h.run();
    h.get_by_label("2021-04-03");
    h.get_by_label("Redo delimiter: semicolon");
    h.get_by_label("Undo date order: day/month/year");
    choose(&mut h, "Encoding", "windows-1252");
    h.get_by_label("Undo encoding: windows-1252");
    assert!(
        h.query_by_label("唐山").is_none(),
        "read in the wrong encoding"
    );
    assert!(!shows_prefix(&h, "Redo "), "a new choice clears Redo");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.get_all_by_label("唐山").count(), 2);
    h.get_by_label("Redo encoding: windows-1252");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(h.query_by_label("唐山").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    // Back before the date order: the dates are ambiguous again.
    h.get_by_label_contains("could be day/month or month/day");
    named(&h, "Date order: not chosen");
    assert!(!shows_prefix(&h, "Undo "));
    h.get_by_label("Redo date order: day/month/year");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    named(&h, "Date order: day/month/year");
    h.get_by_label("2021-04-03");

    // The column mapping.
    choose(&mut h, "Column “City” holds: City", "keep as extra column");
    named(&h, "Column “City” holds: keep as extra column");
    h.get_by_label("Undo column “City”: extra column").click();
    h.run();
    named(&h, "Column “City” holds: City");
    assert_eq!(
        h.state().session().doc().len(),
        60,
        "choices in the preview do not touch the open data"
    );

    // Opened with the chosen date order: the choice is the first undoable edit.
    h.get_by_label("Open").click();
    h.run();
    named(&h, "Date, row 1: 2021-04-03");
    assert!(!shows_unsaved(&h), "the data as opened");
    assert_eq!(edit_menu(&mut h, "Undo"), "Undo date order day/month/year");
    named(&h, "Date, row 1: 03/04/2021");
    h.get_by_label_contains("2 cells to check");
    assert!(shows_unsaved(&h));
    assert_eq!(edit_menu(&mut h, "Redo"), "Redo date order day/month/year");
    named(&h, "Date, row 2: 2021-06-05");
    assert!(!shows_unsaved(&h));
}

#[test]
fn choosing_a_sheet_in_the_preview_undoes_and_redoes() {
    // A workbook with a sheet of events per year; "Rigs" is a guessed header, so it is previewed.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two years.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, city, rigs) in [("2021", "Bayannaoer", 10_100.0), ("2022", "Ordos", 77.0)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (c, h) in ["Date", "Province", "City", "Rigs"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, format!("{name}-09-27")).unwrap();
        sheet.write_string(1, 1, "Inner Mongolia").unwrap();
        sheet.write_string(1, 2, city).unwrap();
        sheet.write_number(1, 3, rigs).unwrap();
    }
    book.save(&path).unwrap();
    let mut h = harness(ScriptedDialogs::answering(&[path], &[]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Import “two years.xlsx”");
    h.get_by_label("Bayannaoer");
    choose(&mut h, "Sheet", "2022");
    h.get_by_label("Ordos");
    assert!(h.query_by_label("Bayannaoer").is_none());
    h.get_by_label("Undo sheet: 2022").click();
    h.run();
    h.get_by_label("Bayannaoer");
    h.get_by_label("Redo sheet: 2022").click();
    h.run();
    h.get_by_label("Ordos");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.get_by_label("Open").click();
    h.run();
    named(&h, "City, row 1: Ordos");
    named(&h, &card_text(Metric::Rigs, 77.0));
}

#[test]
fn undo_in_the_import_preview_leaves_the_open_data_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dates.csv");
    std::fs::write(&path, "date,province,rigs\n03/04/2021,Hebei,5\n").unwrap();
    let mut h = harness(ScriptedDialogs::answering(&[path], &[]));
    let row = row_of_city(&mut h, "Bayannaoer");
    edit_cell(&mut h, "Rigs seized", row, "10,100", "20100");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Cancel").click(); // the unsaved-changes question: keep the edit for now
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Don't Save").click();
    h.run();
    h.get_by_label("Import “dates.csv”");
    // Nothing chosen yet: Ctrl+Z belongs to the preview and has nothing to undo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    assert!(shows_unsaved(&h));
}

/// The app after File ▸ Open… (Ctrl+O) of a new file `name` holding `contents` (the
/// directory lasts as long as the returned guard).
fn opened(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, Harness<'static, App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    let h = harness(ScriptedDialogs::answering(&[path], &[]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    (dir, h)
}

/// Steps the app until `done` (work on worker threads comes back between steps).
fn wait(h: &mut Harness<'_, App>, done: &dyn Fn(&Harness<'_, App>) -> bool) {
    let start = std::time::Instant::now();
    while !done(h) {
        assert!(start.elapsed() < std::time::Duration::from_secs(120));
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// A large file's problems are checked on a worker after it opens (not while the window waits),
/// and the list opens once the check finds one.
#[test]
fn a_large_file_with_a_problem_opens_its_problem_list_when_checked() {
    let mut text = crackdown_dashboard::synth::csv(60_000, 5);
    text.push_str("2021-05-06,Sichuan,,raid,,many,,,event,,a figure that does not parse\n");
    let (_dir, mut h) = opened("big.csv", text);
    wait(&mut h, &|h| h.state().session().doc().len() == 60_001);
    // The status bar counts the problems once the worker has checked.
    wait(&mut h, &|h| {
        h.query_all_by(|n| {
            n.label().is_some_and(|l| {
                l == "1 problem"
                    || (l.ends_with(" problems") && l.starts_with(|c: char| c.is_ascii_digit()))
            })
        })
        .count()
            > 0
    });
    assert!(
        h.query_by_label("Problem: Row 60001 · Rigs seized: “many” is not a number")
            .is_some(),
        "the problem list is open, listing the cell"
    );
    // The rows-with-problems filter reads the list just checked: only that row is left.
    h.get_by_label("Only rows with problems").click();
    wait(&mut h, &|h| h.query_by_label("Select row 1").is_none());
    assert!(h.query_by_label("Select row 60001").is_some());
    assert_eq!(
        h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with("Select row ")))
            .count(),
        1
    );
}

#[test]
fn a_large_table_sorts_and_searches_on_a_worker_and_edits_keep_working() {
    let (_dir, mut h) = opened("big.csv", crackdown_dashboard::synth::csv(60_000, 5));
    wait(&mut h, &|h| h.state().session().doc().len() == 60_000);
    let doc = h.state().session().doc_shared();
    let max = (0..doc.len())
        .filter_map(|r| doc.figure_value(r, Metric::Rigs))
        .fold(0.0, f64::max);
    named(&h, "Sort by Rigs seized").click();
    h.step();
    named(&h, "Sort by Rigs seized").click(); // descending
    h.step();
    let sorted = |h: &Harness<'_, App>| {
        h.query_all_by_label_contains("sorting and filtering")
            .count()
            == 0
            && top_cell(h, "Rigs seized")
                == crackdown_dashboard::data::value::group_thousands(max, 0)
    };
    wait(&mut h, &sorted);
    assert!(!h.state().session().is_dirty(), "sorting is not an edit");

    // Search narrows the rows on the worker too; the status bar counts them.
    named(&h, "Search").click();
    h.run();
    named(&h, "Search").type_text("note 5999");
    let expected = (0..doc.len())
        .filter(|&r| {
            doc.cell_text(r, Column::Field(Field::Notes))
                .contains("note 5999")
        })
        .count();
    assert!(expected >= 1);
    wait(&mut h, &|h| {
        h.query_all_by_label_contains(&format!("{expected} of 60,000 rows"))
            .count()
            >= 1
    });
}

#[cfg(feature = "egui-internals")]
/// Pixels of two renderings that differ (any channel by more than 2).
fn differing_pixels(a: &image::RgbaImage, b: &image::RgbaImage) -> usize {
    assert_eq!(a.dimensions(), b.dimensions());
    a.pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 2))
        .count()
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn the_dashboard_painted_from_its_picture_looks_the_same_and_follows_changes() {
    // As in the native window: while the cards and charts look the same from frame to frame,
    // they are painted from a picture of themselves.
    let with_pictures = |chart_pictures, pixels_per_point| {
        let start = StartOptions {
            sample: true,
            recovery_dir: Some(tempfile::tempdir().unwrap().keep().join("recovery")),
            chart_pictures,
            ..Default::default()
        };
        harness_with(ScriptedDialogs::default(), pixels_per_point, start)
    };
    let same = |live: &mut Harness<'_, App>, pictured: &mut Harness<'_, App>| {
        let (a, b) = (live.render().unwrap(), pictured.render().unwrap());
        assert_eq!(
            differing_pixels(&a, &b),
            0,
            "the picture looks like live painting"
        );
    };
    // Pixel for pixel also at a fractional scale.
    let mut live = with_pictures(false, 1.25);
    let mut pictured = with_pictures(true, 1.25);
    assert!(pictured.state().charts_from_picture());
    same(&mut live, &mut pictured);
    // A picture wider than a texture may be (2048 pixels here) is not taken: painted live.
    let mut live = with_pictures(false, 1.5);
    let mut pictured = with_pictures(true, 1.5);
    assert!(!pictured.state().charts_from_picture());
    same(&mut live, &mut pictured);

    let mut live = with_pictures(false, 1.0);
    let mut pictured = with_pictures(true, 1.0);
    assert!(pictured.state().charts_from_picture());
    assert!(!live.state().charts_from_picture());
    same(&mut live, &mut pictured);

    // The charts still answer the pointer and a screen reader.
    pictured.get_by_label("Export… Rigs seized");
    let tip = hover_rigs_2021_q3(&mut pictured);
    assert!(
        tip.iter().any(|l| l == "Inner Mongolia: 10,100 (1 event)"),
        "{tip:?}"
    );

    // Hiding a province changes the cards and charts: the next picture shows the change.
    for h in [&mut live, &mut pictured] {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Inner Mongolia")
            .click();
        h.run();
    }
    assert!(pictured.state().charts_from_picture());
    same(&mut live, &mut pictured);
    let hidden = |h: &Harness<'_, App>| {
        h.query_by_label("Show Inner Mongolia (rigs seized)")
            .is_some()
    };
    assert!(hidden(&pictured) && hidden(&live));
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn the_window_paints_in_few_draw_calls() {
    // Shapes wholly inside their clip rects share one draw call (ui::clips) and the table's
    // stripes are one mesh: software OpenGL pays for every draw call.
    let mut h = harness(ScriptedDialogs::default());
    h.run();
    let output = h.output().clone();
    let primitives = h
        .ctx
        .tessellate(output.shapes, output.pixels_per_point)
        .len();
    // 21 when written, most of them the four charts' plots (the window paints the charts from
    // a picture); 171 with egui's clip rects as they were.
    assert!(primitives <= 30, "{primitives} draw calls");
}

// The cards and charts not laid out while nothing can reach them (ui::chart_hold): these tests
// drive the app in that state and check that the charts still answer as when laid out.

#[cfg(feature = "egui-internals")]
/// The sample data with the cards and charts painted from their picture, as in the native
/// window, stepped (as a window gets frames while the table scrolls) until a frame skips their
/// layout.
fn skipping(dialogs: ScriptedDialogs) -> Harness<'static, App> {
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(tempfile::tempdir().unwrap().keep().join("recovery")),
        chart_pictures: true,
        ..Default::default()
    };
    let mut h = harness_with(dialogs, 1.0, start);
    until_skipping(&mut h);
    h
}

#[cfg(feature = "egui-internals")]
/// Steps until a frame skips the charts' layout (a few frames once they hold still).
fn until_skipping(h: &mut Harness<'_, App>) {
    for _ in 0..8 {
        h.step();
        if h.state().charts_skipped() {
            return;
        }
    }
    panic!("a frame skips the charts' layout once they hold still");
}

#[cfg(feature = "egui-internals")]
/// Every node of the accessibility tree: role, label, value and rounded bounds, sorted.
fn accessibility_tree(h: &Harness<'_, App>) -> Vec<String> {
    let mut nodes: Vec<String> = h
        .query_all_by(|_| true)
        .map(|n| {
            let node = n.accesskit_node();
            let r = node.bounding_box();
            format!(
                "{:?} {:?} {:?} {:?}",
                node.role(),
                node.label(),
                node.value(),
                r.map(|r| [r.x0, r.y0, r.x1, r.y1].map(|v| v.round() as i32))
            )
        })
        .collect();
    nodes.sort();
    nodes
}

#[cfg(feature = "egui-internals")]
/// Moves the pointer onto `pos`, presses and releases there, all in one frame's input (as a
/// touch screen or a fast user delivers it): the click can only land if egui knew the widget
/// under `pos` in the frame before.
fn click_in_one_frame(h: &mut Harness<'_, App>, pos: egui::Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.input_mut()
        .events
        .extend([egui::Event::PointerMoved(pos), button(true), button(false)]);
    h.step();
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn skipped_frames_look_and_read_like_live_ones() {
    let mut live = harness(ScriptedDialogs::default());
    live.step();
    let mut skipped = skipping(ScriptedDialogs::default());
    assert!(!live.state().charts_skipped());
    // Pixel for pixel, the table where it was.
    let (a, b) = (live.render().unwrap(), skipped.render().unwrap());
    assert_eq!(differing_pixels(&a, &b), 0, "a skipped frame looks live");
    // A screen reader finds the same widgets, named the same, in the same places.
    assert_eq!(accessibility_tree(&live), accessibility_tree(&skipped));
    skipped.get_by_label("Export… Rigs seized");
    skipped.get_by_label("Hide Inner Mongolia (rigs seized)");
    // And it stays so frame after frame.
    for _ in 0..3 {
        skipped.step();
        assert!(skipped.state().charts_skipped());
    }
    assert_eq!(accessibility_tree(&live), accessibility_tree(&skipped));
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn hovering_a_chart_shows_its_tooltip_after_skipped_frames() {
    let mut h = skipping(ScriptedDialogs::default());
    let tip = hover_rigs_2021_q3(&mut h);
    assert!(
        tip.iter().any(|l| l == "Inner Mongolia: 10,100 (1 event)"),
        "{tip:?}"
    );
    // The pointer left (hover_rigs_2021_q3 removes it): skipped again, no tooltip left over.
    until_skipping(&mut h);
    assert!(!has_named_containing(&h, "Inner Mongolia: 10,100"));
    assert!(
        h.query_all_by(|n| n.value().as_deref().is_some_and(is_tooltip_line))
            .next()
            .is_none(),
        "no tooltip"
    );
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn a_legend_click_after_skipped_frames_hides_and_shows_a_province() {
    let mut h = skipping(ScriptedDialogs::default());
    let all = Filter::default();
    let before = expected_total(h.state(), Metric::Rigs, &all);
    // Moved onto and clicked in the same frame, right after skipped ones.
    let entry = h.get_by_label("Hide Inner Mongolia (rigs seized)").rect();
    click_in_one_frame(&mut h, entry.center());
    h.run();
    rigs_without_inner_mongolia(&h, before);
    // Skipped again with the province hidden; a click as kittest sends it shows it again.
    h.remove_cursor();
    until_skipping(&mut h);
    h.get_by_label("Show Inner Mongolia (rigs seized)").click();
    h.run();
    named(&h, &card_text(Metric::Rigs, before));
}

#[cfg(feature = "egui-internals")]
/// The accessible label of the focused widget.
fn focused(h: &Harness<'_, App>) -> Option<String> {
    h.query_by(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
}

// Of the `egui-internals` feature itself.
#[cfg(feature = "egui-internals")]
#[test]
fn tab_moves_the_focus_into_the_charts_after_skipped_frames() {
    let mut live = harness(ScriptedDialogs::default());
    let mut skipped = skipping(ScriptedDialogs::default());
    let mut order = [Vec::new(), Vec::new()];
    for (i, h) in [&mut live, &mut skipped].into_iter().enumerate() {
        // The table panel's splitter (the lowest one) comes just before the charts in Tab order.
        h.query_all_by_label("Resize panel")
            .max_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
            .unwrap()
            .focus();
        h.run();
        order[i].push(focused(h));
        if i == 1 {
            // The focus is outside the charts: frames skip their layout again.
            until_skipping(h);
        }
        // Tab reaches the Charts | Map switch over the charts, then the first chart.
        for _ in 0..4 {
            // The frame Tab arrives in lays the charts out (the newly focused widget is painted
            // focused at once).
            for pressed in [true, false] {
                h.input_mut().events.push(egui::Event::Key {
                    key: Key::Tab,
                    physical_key: None,
                    pressed,
                    repeat: false,
                    modifiers: Modifiers::NONE,
                });
                h.step();
                assert!(!h.state().charts_skipped(), "a Tab frame is laid out");
            }
            h.run();
            order[i].push(focused(h));
        }
    }
    assert_eq!(order[0], order[1], "the same focus order as live");
    assert_eq!(
        order[1][3].as_deref(),
        Some("Export… Projects shut down"),
        "Tab moves into the first chart: {:?}",
        order[1]
    );
    // While a chart widget has the focus, the charts are laid out and it keeps the focus.
    skipped.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    skipped.run();
    assert_eq!(
        focused(&skipped).as_deref(),
        Some("Export… Projects shut down")
    );
    for _ in 0..4 {
        skipped.step();
        assert!(!skipped.state().charts_skipped());
    }
    assert_eq!(
        focused(&skipped).as_deref(),
        Some("Export… Projects shut down")
    );
    // Escape gives the focus up: frames skip the layout again.
    skipped.key_press(Key::Escape);
    skipped.run();
    assert_eq!(focused(&skipped), None);
    until_skipping(&mut skipped);
}

/// A reader that panics as a bug in the reader would, on whatever thread reads.
fn panicking_reader(
    _: &std::path::Path,
    _: &crackdown_dashboard::io::ReadOptions,
    _: &crackdown_dashboard::io::Progress,
) -> crackdown_dashboard::app::ReadResult {
    panic!("reader bug for the test")
}

#[test]
fn a_panic_on_the_loading_thread_ends_in_an_error_message_not_a_hung_window() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.csv");
    // Over the size that loads on a worker thread.
    std::fs::write(&big, crackdown_dashboard::synth::csv(40_000, 3)).unwrap();
    assert!(std::fs::metadata(&big).unwrap().len() > 2_000_000);
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(dir.path().join("recovery")),
        reader: Some(panicking_reader),
        ..Default::default()
    };
    let mut h = harness_with(ScriptedDialogs::answering(&[big], &[]), 1.0, start);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.step();
    let started = std::time::Instant::now();
    while h.query_by_label_contains("went wrong").is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the panic reaches the window"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run();
    }
    assert!(
        h.query_by_label("Opening “big.csv”").is_none(),
        "no progress window left"
    );
    h.get_by_label_contains("worker stopped unexpectedly (reader bug for the test)");
    assert_eq!(h.state().session().doc().len(), 60, "the open data stays");
}

#[test]
fn a_killed_apps_edits_are_offered_when_it_starts_again_with_the_same_file() {
    // As a user does after a crash: the app is started again by double-clicking the same file.
    let data = tempfile::tempdir().unwrap();
    let recovery = data.path().join("recovery");
    let file = data.path().join("events.csv");
    std::fs::write(&file, crackdown_dashboard::io::SAMPLE_CSV).unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    let start = || StartOptions {
        file: Some(file.clone()),
        recovery_dir: Some(recovery.clone()),
        autosave_delay: Some(std::time::Duration::ZERO),
        ..Default::default()
    };
    edit_then_kill(start(), &recovery);

    let h = harness_with(ScriptedDialogs::default(), 1.0, start());
    assert!(
        recovery.join("unsaved.csv").is_file(),
        "opening the file kept the copy"
    );
    h.get_by_label("Restore unsaved changes?");
    h.get_by_label_contains("“events.csv” had unsaved changes");
    assert!(h.query_by_label_contains("has changed since").is_none());
    drop(h); // closed without choosing: offered again

    // Meanwhile the file changed on disk: the offer says so.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, [on_disk.as_slice(), b"\n"].concat()).unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    let mut h = harness_with(ScriptedDialogs::default(), 1.0, start());
    h.get_by_label_contains("The file on disk has changed since then");
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.state().session().is_dirty(), "restored edits are unsaved");
    assert_eq!(h.state().session().path(), Some(file.as_path()));
    let row = row_of_city(&mut h, "Bayannaoer");
    named(&h, &format!("Rigs seized, row {row}: 20,100"));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        on_disk,
        "the file is unchanged until saved"
    );
}
