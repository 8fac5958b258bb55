//! The chart views on the real app, as a user meets them: each kind chosen by its button in the
//! filter bar and by its View menu item; small multiples (one panel per province, in total
//! order) and the ranking (bars in order, with the totals the aggregates give); hovering a panel
//! or bar names its province, total and events; clicking one selects the province; "Top 5"
//! keeps five provinces and sums the rest into Other, whose value is their sum. Snapshots of
//! each view.

mod app_harness;

use std::path::Path;

use app_harness::{ScriptedDialogs, harness, named, shows_containing};
use crackdown_dashboard::App;
use crackdown_dashboard::analysis::ranking::by_total;
use crackdown_dashboard::data::document::{Document, Metric, Place};
use crackdown_dashboard::picture::ChartKind;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The accessible labels that start with `prefix`, in the order of the tree (the layout's).
fn labels_starting(h: &Harness<'_, App>, prefix: &str) -> Vec<String> {
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(prefix)))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

/// The provinces of `metric` with their totals, largest first, as the aggregates give them.
fn ranked(h: &mut Harness<'_, App>, metric: Metric) -> Vec<(Place, f64)> {
    let view = h.state_mut().current_view();
    by_total(view.chart(metric).unwrap())
}

/// A click on `name` (a button of the filter bar), then a frame.
fn click(h: &mut Harness<'_, App>, name: &str) {
    named(h, name).click();
    h.run();
}

/// View ▸ `item`, clicked as a user does.
fn view_menu(h: &mut Harness<'_, App>, item: &str) {
    click(h, "View");
    click(h, item);
    h.key_press(egui::Key::Escape);
    h.run();
}

#[test]
fn each_kind_is_chosen_by_its_button_and_by_its_menu_item() {
    let mut h = harness(ScriptedDialogs::default());
    assert_eq!(h.state().view_settings().kind, ChartKind::Bars);
    let panels = "Rigs seized panel: ";
    let bars = "Rigs seized ranking: ";
    let buttons = [
        ("Small multiples", ChartKind::Multiples),
        ("Ranking", ChartKind::Ranking),
        ("Cumulative", ChartKind::Cumulative),
        ("Per period", ChartKind::Bars),
    ];
    for (button, kind) in buttons {
        click(&mut h, button);
        assert_eq!(h.state().view_settings().kind, kind, "{button}");
        let shown = (
            shows_containing(&h, panels),
            shows_containing(&h, bars),
            shows_containing(&h, "Chart: Rigs seized"),
        );
        let expect = match kind {
            ChartKind::Multiples => (true, false, false),
            ChartKind::Ranking => (false, true, false),
            _ => (false, false, true),
        };
        assert_eq!(shown, expect, "{button}: panels, bars, plot");
    }
    let items = [
        ("Ranking (total per province)", ChartKind::Ranking),
        (
            "Small multiples (one chart per province)",
            ChartKind::Multiples,
        ),
        ("Cumulative (lines)", ChartKind::Cumulative),
        ("Per period (bars)", ChartKind::Bars),
    ];
    for (item, kind) in items {
        view_menu(&mut h, item);
        assert_eq!(h.state().view_settings().kind, kind, "{item}");
    }
}

#[test]
fn small_multiples_show_one_panel_per_province_in_total_order() {
    let mut h = harness(ScriptedDialogs::default());
    click(&mut h, "Small multiples");
    for metric in Metric::ALL {
        let expect: Vec<String> = ranked(&mut h, metric)
            .into_iter()
            .map(|(place, total)| {
                format!(
                    "{} panel: {}, {}",
                    metric.title(),
                    Document::place_name(place),
                    metric.format(total)
                )
            })
            .collect();
        assert!(!expect.is_empty(), "{metric:?} has provinces");
        let shown = labels_starting(&h, &format!("{} panel: ", metric.title()));
        assert_eq!(shown, expect, "{metric:?}");
    }
    // Hovering a panel names its province, total and events.
    let (place, total) = ranked(&mut h, Metric::Rigs)[1];
    let name = Document::place_name(place);
    let label = format!("Rigs seized panel: {name}, {}", Metric::Rigs.format(total));
    named(&h, &label).hover();
    h.run();
    let total_line = format!("Total: {}", Metric::Rigs.format(total));
    assert!(shows_containing(&h, &total_line), "tooltip: {total_line}");
    assert!(shows_containing(&h, &format!("Click to select {name}")));
}

#[test]
fn the_ranking_lists_provinces_largest_first_with_their_totals() {
    let mut h = harness(ScriptedDialogs::default());
    click(&mut h, "Ranking");
    for metric in Metric::ALL {
        let ranked = ranked(&mut h, metric);
        let expect: Vec<String> = ranked
            .iter()
            .filter(|(_, total)| *total > 0.0)
            .map(|(place, total)| {
                format!(
                    "{} ranking: {}, {}",
                    metric.title(),
                    Document::place_name(*place),
                    metric.format(*total)
                )
            })
            .collect();
        assert!(!expect.is_empty(), "{metric:?} has provinces");
        let shown = labels_starting(&h, &format!("{} ranking: ", metric.title()));
        assert_eq!(shown, expect, "{metric:?}");
        // The bars add up to the card's total.
        let sum: f64 = ranked.iter().map(|r| r.1).sum();
        let card = app_harness::card_text(metric, sum);
        assert!(app_harness::shows(&h, &card), "{card}");
    }
}

#[test]
fn clicking_a_panel_or_a_bar_selects_its_province() {
    let mut h = harness(ScriptedDialogs::default());
    assert_eq!(h.state().selected_place(), None);
    click(&mut h, "Small multiples");
    let ranked = ranked(&mut h, Metric::Rigs);
    let (second, total) = ranked[1];
    let label = format!(
        "Rigs seized panel: {}, {}",
        Document::place_name(second),
        Metric::Rigs.format(total)
    );
    let selected =
        |h: &Harness<'_, App>, label: &str| named(h, label).accesskit_node().is_selected();
    assert_eq!(selected(&h, &label), Some(false));
    click(&mut h, &label);
    assert_eq!(h.state().selected_place(), Some(second));
    assert_eq!(selected(&h, &label), Some(true), "shown as selected");
    // The smallest province's panel is below the card's fold: scrolled to, then clicked.
    let (last, total) = *ranked.last().unwrap();
    let label = format!(
        "Rigs seized panel: {}, {}",
        Document::place_name(last),
        Metric::Rigs.format(total)
    );
    let card = h.state().chart_layout(Metric::Rigs).frame;
    assert!(
        !card.contains(named(&h, &label).rect().center()),
        "out of view"
    );
    named(&h, &label).scroll_to_me();
    h.run();
    assert!(
        card.contains(named(&h, &label).rect().center()),
        "scrolled into view"
    );
    click(&mut h, &label);
    assert_eq!(h.state().selected_place(), Some(last));
    click(&mut h, "Ranking");
    let (first, total) = ranked[0];
    let label = format!(
        "Rigs seized ranking: {}, {}",
        Document::place_name(first),
        Metric::Rigs.format(total)
    );
    assert_eq!(selected(&h, &label), Some(false));
    click(&mut h, &label);
    assert_eq!(h.state().selected_place(), Some(first));
    assert_eq!(selected(&h, &label), Some(true), "shown as selected");
}

#[test]
fn top_five_keeps_five_provinces_and_sums_the_rest_into_other() {
    let mut h = harness(ScriptedDialogs::default());
    // The metric with the most provinces.
    let metric = Metric::ALL
        .into_iter()
        .max_by_key(|m| ranked(&mut h, *m).len())
        .unwrap();
    let ranked = ranked(&mut h, metric);
    assert!(ranked.len() > 5, "the sample has more than five provinces");
    let lower = metric.title().to_lowercase();
    let legend = |h: &Harness<'_, App>| {
        labels_starting(h, "Hide ")
            .into_iter()
            .filter(|l| l.ends_with(&format!("({lower})")))
            .count()
    };
    assert_eq!(legend(&h), ranked.len(), "every province before");
    click(&mut h, "Top 5");
    assert_eq!(h.state().view_settings().top_n, Some(5));
    assert_eq!(legend(&h), 5, "five provinces kept");
    let grouped = &ranked[5..];
    let sum: f64 = grouped.iter().map(|r| r.1).sum();
    let other = format!(
        "Other ({} provinces): {} ({lower})",
        grouped.len(),
        metric.format(sum)
    );
    assert!(
        labels_starting(&h, "Other (").contains(&other),
        "{other} in {:?}",
        labels_starting(&h, "Other (")
    );
    // Its hover names the provinces it holds.
    named(&h, &other).hover();
    h.run();
    let names: Vec<&str> = grouped
        .iter()
        .map(|(place, _)| Document::place_name(*place))
        .collect();
    let hint = format!("Summed into Other: {}", names.join(", "));
    assert!(
        h.query_by(|n| n.value().as_deref() == Some(hint.as_str()))
            .is_some(),
        "the hover says {hint}"
    );
    // The cards are unaffected.
    let all: f64 = ranked.iter().map(|r| r.1).sum();
    assert!(app_harness::shows(&h, &app_harness::card_text(metric, all)));
    click(&mut h, "All");
    assert_eq!(legend(&h), ranked.len(), "every province again");
    assert!(labels_starting(&h, "Other (").is_empty());
}

#[test]
fn views_snapshots() {
    let mut h = harness(ScriptedDialogs::default());
    click(&mut h, "Cumulative");
    h.snapshot("views-cumulative");
    click(&mut h, "Per period");
    click(&mut h, "Top 5");
    h.snapshot("views-top-n");
    click(&mut h, "Small multiples");
    // Yunnan selected: outlined, the others faded.
    let yunnan = h
        .query_all_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("Rigs seized panel: Yunnan"))
        })
        .next()
        .unwrap()
        .accesskit_node()
        .label()
        .unwrap();
    click(&mut h, &yunnan);
    h.remove_cursor();
    h.run();
    h.snapshot("views-multiples");
    click(&mut h, "Ranking");
    h.snapshot("views-ranking");
}

/// Export… on the rigs chart saved as SVG (the dialog's own buttons); returns the SVG's texts.
fn export_rigs_svg(
    h: &mut Harness<'_, App>,
    dialogs: &ScriptedDialogs,
    path: &Path,
) -> Vec<String> {
    dialogs.save.lock().unwrap().push_back(path.to_owned());
    click(h, "Export… Rigs seized");
    click(h, "SVG (vectors, text as text)");
    click(h, "Save…");
    let svg = std::fs::read_to_string(path).unwrap();
    svg.split("</text>")
        .filter_map(|t| t.rsplit_once('>').map(|(_, text)| text.to_owned()))
        .collect()
}

#[test]
fn exports_from_the_window_draw_the_kind_and_the_top_n_shown() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness(dialogs.clone());
    let ranked = ranked(&mut h, Metric::Rigs);
    let name = |i: usize| Document::place_name(ranked[i].0).to_owned();

    click(&mut h, "Small multiples");
    let texts = export_rigs_svg(&mut h, &dialogs, &dir.path().join("multiples.svg"));
    let first = format!("{} · {}", name(0), Metric::Rigs.format(ranked[0].1));
    assert!(
        texts.contains(&first),
        "a panel titled {first} in {texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("each panel 0 –")));

    click(&mut h, "Ranking");
    let texts = export_rigs_svg(&mut h, &dialogs, &dir.path().join("ranking.svg"));
    let at = |n: &str| texts.iter().position(|t| t == n);
    let order: Vec<Option<usize>> = (0..ranked.len()).map(|i| at(&name(i))).collect();
    assert!(
        order.iter().all(Option::is_some),
        "every bar named: {texts:?}"
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "largest first");

    click(&mut h, "Per period");
    click(&mut h, "Top 5");
    let texts = export_rigs_svg(&mut h, &dialogs, &dir.path().join("top.svg"));
    assert!(texts.contains(&"Other".to_owned()), "Other in the legend");
    for i in 0..ranked.len() {
        assert_eq!(
            texts.contains(&name(i)),
            i < 5,
            "{}: kept or in Other",
            name(i)
        );
    }
}

#[test]
fn the_tooltip_over_other_names_it_and_the_provinces_it_holds() {
    use crackdown_dashboard::analysis::Granularity;
    use crackdown_dashboard::ui::charts::{OTHER, group_top_n, point_position};
    let mut h = harness(ScriptedDialogs::default());
    click(&mut h, "Top 5");
    let view = h.state_mut().current_view();
    let rigs = view.chart(Metric::Rigs).unwrap();
    let grouped = group_top_n(rigs, rigs, 5).expect("more than five provinces");
    let other = grouped.chart.series.last().unwrap();
    let top = other
        .points
        .iter()
        .max_by(|a, b| a.value.total_cmp(&b.value))
        .unwrap();
    let layout = h.state().chart_layout(Metric::Rigs);
    let pos = point_position(
        &layout,
        &grouped.chart,
        Granularity::Quarter,
        false,
        OTHER,
        top.period,
    )
    .expect("Other's bar was drawn");
    h.hover_at(pos);
    h.run();
    let events = if top.rows == 1 {
        "1 event".to_owned()
    } else {
        format!("{} events", top.rows)
    };
    let line = format!(
        "Other ({} provinces): {} ({events})",
        grouped.other.len(),
        Metric::Rigs.format(top.value)
    );
    let shown = |text: &str| h.query_by(|n| n.value().as_deref() == Some(text)).is_some();
    assert!(shown(&line), "the tooltip says {line}");
    let names: Vec<&str> = grouped
        .other
        .iter()
        .map(|p| Document::place_name(*p))
        .collect();
    let hint = format!("Summed into Other: {}", names.join(", "));
    assert!(shown(&hint), "and {hint}");
}

#[test]
fn the_views_speak_chinese_with_only_the_bundled_font() {
    let mut h = app_harness::bundled_fonts_only(ScriptedDialogs::default());
    app_harness::choose_language(&mut h, "View", "Language", "中文");
    click(&mut h, "分省小图");
    assert_eq!(h.state().view_settings().kind, ChartKind::Multiples);
    assert!(shows_containing(&h, "查获矿机小图：内蒙古自治区，"));
    click(&mut h, "排名");
    assert!(shows_containing(&h, "查获矿机排名：内蒙古自治区，"));
    click(&mut h, "按期");
    click(&mut h, "前 5 名");
    assert!(shows_containing(&h, "其他（"), "Other in Chinese");
}
