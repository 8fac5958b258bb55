//! The dashboard in Chinese, as a user meets it: View ▸ Language ▸ 中文 clicked, then the cards,
//! the four charts (titles, axis titles with 万 and 亿, legend with the provinces' Chinese names,
//! a bar's tooltip, the "About this chart" lines) and the map's tooltip all read in Chinese, drawn
//! with only the bundled fonts (egui 0.37 panics on a glyph no loaded font has, so a missing
//! character fails here). Back in English they read as before.

mod app_harness;

use app_harness::{
    ScriptedDialogs, bundled_fonts_only, choose_language, named, opened, painted_texts,
};
use crackdown_dashboard::App;
use crackdown_dashboard::analysis::{Granularity, day_key_label};
use crackdown_dashboard::app::StartOptions;
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::picture::units::{self, Lang};
use crackdown_dashboard::ui::dialogs::{FileDialogs, SaveKind};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The metrics' Chinese names, as the charts and cards title them.
const ZH_TITLES: [(Metric, &str); 4] = [
    (Metric::Projects, "关停挖矿项目"),
    (Metric::Rigs, "查获矿机"),
    (Metric::Kwh, "节约电量"),
    (Metric::Coal, "节约煤炭"),
];

fn place(name: &str) -> Place {
    Place::Region(Gazetteer::get().resolve(name).unwrap().region)
}

/// Save dialogs that answer with one path, then cancel.
struct SaveTo(Option<std::path::PathBuf>);

impl FileDialogs for SaveTo {
    fn pick_open(&mut self) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_save(&mut self, _kind: SaveKind, _suggested: &str) -> Option<std::path::PathBuf> {
        self.0.take()
    }
}

/// The texts of labels shown (a label's text is its accessible value).
fn label_values(h: &Harness<'_, App>) -> Vec<String> {
    h.query_all_by(|n| n.value().is_some())
        .filter_map(|n| n.value())
        .collect()
}

fn shows_name(h: &Harness<'_, App>, name: &str) -> bool {
    h.query_by(|n| n.label().as_deref() == Some(name)).is_some()
}

/// Hovers Inner Mongolia's 2021 Q3 bar of the rigs chart; returns the labels shown then.
fn hover_rigs_bar(h: &mut Harness<'_, App>) -> Vec<String> {
    let period = Granularity::Quarter.period_of_key(2021_09_27);
    let pos = h
        .state_mut()
        .chart_point(Metric::Rigs, place("Inner Mongolia"), period)
        .expect("Inner Mongolia has a rigs bar in 2021 Q3");
    h.hover_at(pos);
    h.run();
    let shown = label_values(h);
    h.remove_cursor();
    h.run();
    shown
}

#[test]
fn the_chinese_dashboard_reads_in_chinese_with_only_the_bundled_font() {
    let mut h = bundled_fonts_only(ScriptedDialogs::default());
    choose_language(&mut h, "View", "Language", "中文");
    let view = h.state_mut().current_view().clone();

    // The cards: a total per metric with 万 and 亿, the provinces, the date span.
    for (metric, title) in ZH_TITLES {
        let total = view.totals[metric.index()];
        let card = format!("{title}：{}", units::amount(metric, total, Lang::Zh));
        assert!(shows_name(&h, &card), "the card {card}");
        // The chart's title and its Export… button.
        assert!(shows_name(&h, &format!("导出… {title}")), "{title}'s chart");
    }
    assert!(shows_name(&h, &format!("省份：{}", view.provinces)));
    let (a, b) = (view.first_day.unwrap(), view.last_day.unwrap());
    let span = format!("日期范围：{} – {}", day_key_label(a), day_key_label(b));
    assert!(shows_name(&h, &span), "{span}");

    // The axis titles, in the unit the largest value reads best in (万, 亿).
    let painted = painted_texts(&h);
    for (metric, title) in ZH_TITLES {
        let axis: Vec<&String> = painted
            .iter()
            .filter(|t| t.starts_with(&format!("{title}（")))
            .collect();
        // The table's column header (节约电量（千瓦时）) starts the same way.
        assert!(!axis.is_empty(), "{title}'s axis title in {painted:?}");
        assert!(axis.iter().all(|t| t.ends_with('）')));
        if metric == Metric::Kwh {
            assert!(
                axis.iter().any(|t| t.as_str() == "节约电量（亿千瓦时）"),
                "{axis:?}"
            );
        }
    }
    assert!(
        painted.iter().any(|t| t.contains('万') || t.contains('亿')),
        "万 or 亿 on the axes"
    );
    assert!(
        painted.iter().any(|t| t == "（按季度）"),
        "the charts' mode"
    );

    // The legend: the provinces' Chinese names, and what clicking one does.
    assert!(
        shows_name(&h, "隐藏内蒙古自治区（查获矿机）"),
        "legend entry"
    );
    assert!(
        !shows_name(&h, "Hide Inner Mongolia (rigs seized)"),
        "no English legend entry"
    );
    // The province list.
    assert!(shows_name(&h, "内蒙古自治区"), "the province list");

    // The About lines, one per chart.
    let values = label_values(&h);
    for (_, title) in ZH_TITLES {
        assert!(
            values.iter().any(|v| v.contains(title)
                && v.ends_with('。')
                && (v.contains("占") || v.contains("全部来自"))),
            "{title}'s About line in {values:?}"
        );
    }
    assert!(
        values
            .iter()
            .any(|v| v.starts_with("内蒙古自治区占") && v.contains("查获矿机")),
        "Inner Mongolia's share of the rigs seized"
    );
    assert!(
        !values.iter().any(|v| v.contains("accounts for")),
        "no English About line"
    );

    // A bar's tooltip.
    let tip = hover_rigs_bar(&mut h);
    assert!(
        tip.iter().any(|t| t.starts_with("内蒙古自治区：")
            && t.contains("台（")
            && t.ends_with("次行动）")),
        "the bar's tooltip in {tip:?}"
    );
    assert!(tip.contains(&"2021年第3季度".to_owned()), "its period");

    // The map and its tooltip.
    named(&h, "地图").click();
    h.run();
    let total = h
        .state_mut()
        .current_view()
        .place_total(Metric::Rigs, place("Guangdong"))
        .unwrap();
    h.get_by_role_and_label(Role::Button, "广东省").hover();
    h.run();
    let values = label_values(&h);
    let value = format!("查获矿机：{}", units::amount(Metric::Rigs, total, Lang::Zh));
    assert!(values.contains(&value), "{value} in {values:?}");
    assert!(values.contains(&"8 次行动".to_owned()), "{values:?}");
    assert!(values.iter().any(|v| v == "广东省"), "the tooltip names it");
}

#[test]
fn back_in_english_the_dashboard_reads_as_before() {
    let mut h = bundled_fonts_only(ScriptedDialogs::default());
    choose_language(&mut h, "View", "Language", "中文");
    choose_language(&mut h, "视图", "语言", "English");
    assert!(shows_name(&h, "Hide Inner Mongolia (rigs seized)"));
    assert!(shows_name(&h, "Export… Rigs seized"));
    let painted = painted_texts(&h);
    assert!(
        painted.iter().any(|t| t == "Electricity saved (TWh)"),
        "{painted:?}"
    );
    let values = label_values(&h);
    assert!(
        values
            .iter()
            .any(|v| v.starts_with("Inner Mongolia accounts for"))
    );
    let tip = hover_rigs_bar(&mut h);
    assert!(
        tip.iter()
            .any(|t| t.starts_with("Inner Mongolia: ") && t.ends_with(" event)")),
        "the bar's tooltip in {tip:?}"
    );
    assert!(tip.contains(&"2021 Q3".to_owned()), "its period");
}

#[test]
fn a_chart_exported_from_the_chinese_window_is_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rigs.svg");
    let recovery = dir.path().join("recovery");
    let start = StartOptions {
        sample: true,
        recovery_dir: Some(recovery),
        ..Default::default()
    };
    let dialogs = SaveTo(Some(path.clone()));
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| App::with_dialogs(cc, start, Box::new(dialogs)));
    h.run();
    choose_language(&mut h, "View", "Language", "中文");
    named(&h, "导出… 查获矿机").click();
    h.run();
    assert!(
        label_values(&h).contains(&"导出“查获矿机”图表".to_owned()),
        "the dialog's heading"
    );
    // The texts the picture starts with, prefilled in Chinese.
    let field = |name: &str| named(&h, name).value().unwrap_or_default();
    assert_eq!(field("标题"), "查获矿机（按省份）");
    let subtitle = field("副标题");
    assert!(
        subtitle.starts_with("查获矿机，按季度，按省份堆叠 · ") && subtitle.ends_with(" 个省份"),
        "{subtitle}"
    );
    assert!(field("脚注").starts_with("来源："), "the footer");
    named(&h, "SVG（矢量，文字保留为文字）").click();
    h.run();
    named(&h, "保存…").click();
    h.run();
    let svg = std::fs::read_to_string(&path).expect("the picture is saved");
    assert!(
        label_values(&h)
            .iter()
            .any(|v| v.starts_with("已导出 ") && v.contains("（SVG，")),
        "the status bar says so"
    );
    for text in [
        "查获矿机（按省份）",
        "查获矿机（万台）",
        "内蒙古自治区",
        "内蒙古自治区占2017–2022年查获矿机的",
    ] {
        assert!(svg.contains(text), "{text} in the picture");
    }
    assert!(!svg.contains("Inner Mongolia"), "no English province name");
}

#[test]
fn the_cards_note_on_rows_left_out_in_chinese() {
    let (_dir, mut h) = opened(
        "left-out.csv",
        "date,province,rigs_seized\n\
         2021-09-27,Hebei,10\n\
         ,Hebei,6890\n\
         2021-13-45,Sichuan,200\n\
         2021-06-18,Sichuan,45\n\
         2021-09-30,合计,10300\n",
    );
    h.get_by_label("2 rows without a date are not counted");
    choose_language(&mut h, "View", "Language", "中文");
    assert!(shows_name(&h, "查获矿机：55台"), "the card");
    assert!(shows_name(&h, "1 个合计行未计入"), "the totals row");
    let note = h.get_by_label("2 行没有日期，未计入");
    note.hover();
    h.run();
    assert!(
        label_values(&h)
            .iter()
            .any(|v| v.starts_with("在表格中显示这些行")),
        "its hint"
    );
    assert!(
        h.query_by_label_contains("without a date").is_none(),
        "no English note"
    );
}
