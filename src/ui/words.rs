//! The dashboard's words in the interface's language: metric names, province names (the
//! gazetteer's Chinese names in Chinese, the rule of [`crate::picture::chart::place_label`]),
//! figures (万 and 亿 in Chinese, the units of [`crate::picture::units`]), event counts, the
//! "About this chart" sentence and the texts an exported picture starts with.
//!
//! Made at display time on the UI thread, in the thread's language ([`crate::i18n`]). In English
//! they read exactly as the command line's ([`crate::analysis::describe`],
//! [`crate::picture::texts`]); the tests below hold them to that.

use crate::analysis::describe::{self, About};
use crate::analysis::{Filter, Granularity, View, day_key_label};
use crate::data::document::{Metric, Place};
use crate::i18n::{self, Language};
use crate::picture::texts::{self, NamedPlaces};
use crate::picture::units::{self, Lang};
use crate::picture::{ChartKind, Texts};
use crate::tr;

/// How numbers and names are written for the interface's language (the one mapping from
/// [`i18n::Language`] to [`units::Lang`]).
pub fn units_lang() -> Lang {
    match i18n::language() {
        Language::En => Lang::En,
        Language::Zh => Lang::Zh,
    }
}

/// A place's name in the interface's language ("Inner Mongolia", "内蒙古自治区").
pub fn place_name(place: Place) -> String {
    crate::picture::chart::place_label(place, units_lang())
}

/// A metric's name as a title ("Rigs seized", "查获矿机").
pub fn metric_title(metric: Metric) -> String {
    match metric {
        Metric::Projects => tr!("metric-projects"),
        Metric::Rigs => tr!("metric-rigs"),
        Metric::Kwh => tr!("metric-kwh"),
        Metric::Coal => tr!("metric-coal"),
    }
}

/// A metric's name inside a sentence ("rigs seized", "查获矿机").
pub fn metric_lower(metric: Metric) -> String {
    match metric {
        Metric::Projects => tr!("metric-projects-lower"),
        Metric::Rigs => tr!("metric-rigs-lower"),
        Metric::Kwh => tr!("metric-kwh-lower"),
        Metric::Coal => tr!("metric-coal-lower"),
    }
}

/// A figure with its unit, for cards, tooltips and legends: "6.58 billion kWh", "8,181" in
/// English; "65.8亿千瓦时", "8181台" in Chinese.
pub fn figure(metric: Metric, value: f64) -> String {
    match units_lang() {
        Lang::En => metric.format(value),
        Lang::Zh => units::amount(metric, value, Lang::Zh),
    }
}

/// "1 event", "3 events", "3 次行动".
pub fn events(n: u32) -> String {
    tr!("events-count", count = n, n = n.to_string())
}

/// A period as the interface names it: "2021-07", "2021 Q3", "2021"; "2021年7月", "2021年第3季度",
/// "2021年".
pub fn period_label(g: Granularity, period: i32) -> String {
    use chrono::Datelike;
    let start = g.start(period);
    let year = start.year().to_string();
    match g {
        Granularity::Month => tr!(
            "period-month",
            year = year,
            month = format!("{:02}", start.month()),
            m = start.month().to_string()
        ),
        Granularity::Quarter => tr!(
            "period-quarter",
            year = year,
            quarter = ((start.month() - 1) / 3 + 1).to_string()
        ),
        Granularity::Year => tr!("period-year", year = year),
    }
}

/// A grouping's name inside a sentence ("quarter", "季度").
fn period_lower(g: Granularity) -> String {
    crate::ui::filters::granularity_name(g).to_lowercase()
}

/// " in 2018–2022" ("2018–2022年"), nothing without dates.
fn years(years: Option<(i32, i32)>) -> String {
    match years {
        Some((a, b)) if a == b => tr!("about-in-year", year = a.to_string()),
        Some((a, b)) => tr!("about-in-years", from = a.to_string(), to = b.to_string()),
        None => String::new(),
    }
}

/// The "About this chart" sentence in the interface's language.
pub fn about(a: &About) -> String {
    let what = metric_lower(a.metric);
    let Some(share) = a.share else {
        return tr!("about-no-figures", what = what);
    };
    let place = place_name(share.place);
    let years = years(a.years);
    let share = match share.percent {
        None => tr!(
            "about-all",
            place = place,
            what = what.clone(),
            years = years
        ),
        Some(p) => tr!(
            "about-share",
            place = place,
            percent = p.to_string(),
            what = what.clone(),
            years = years
        ),
    };
    let Some(e) = &a.event else {
        return tr!("about-without-event", share = share);
    };
    let amount = match units_lang() {
        Lang::En => describe::event_amount(a.metric, e.value),
        Lang::Zh => units::amount(a.metric, e.value, Lang::Zh),
    };
    let date = e
        .date
        .as_ref()
        .map_or(String::new(), |d| tr!("about-on-date", date = d.clone()));
    let event = tr!(
        "about-event",
        amount = tr!("about-event-amount", what = what, amount = amount),
        at = e.city.clone().unwrap_or_else(|| place_name(e.place)),
        date = date
    );
    tr!("about-with-event", share = share, event = event)
}

/// Several About sentences as one text (the dashboard picture's description).
pub fn about_all(sentences: &[String]) -> String {
    sentences.join(&tr!("about-join"))
}

/// Names joined as a list: "Hebei, Shanxi", "河北省、山西省".
fn list(names: &[String]) -> String {
    names.join(&tr!("picture-list-separator"))
}

/// " and 3 more", nothing for none.
fn and_more(n: usize) -> String {
    if n > 0 {
        tr!("picture-and-more", n = n.to_string())
    } else {
        String::new()
    }
}

/// How the kind and period read: "per quarter, stacked by province".
fn kind_phrase(kind: ChartKind, g: Granularity) -> String {
    let period = period_lower(g);
    match kind {
        ChartKind::Bars => tr!("picture-kind-bars", period = period),
        ChartKind::Cumulative => tr!("picture-kind-cumulative", period = period),
        ChartKind::Multiples => tr!("picture-kind-multiples", period = period),
        ChartKind::Ranking => tr!("picture-kind-ranking"),
    }
}

/// The dates and filters shown: "2017-06-01 – 2022-01-05 · 19 provinces · hidden: Hebei" (the
/// provinces named by [`texts::named_places`], as the command line's English names them).
fn filter_phrase(view: &View, filter: &Filter) -> String {
    let mut parts = Vec::new();
    if let (Some(a), Some(b)) = (view.first_day, view.last_day) {
        parts.push(format!("{} – {}", day_key_label(a), day_key_label(b)));
    }
    parts.push(tr!(
        "picture-provinces",
        count = view.provinces,
        n = view.provinces.to_string()
    ));
    let names = |places: Vec<Place>| -> String {
        list(&places.into_iter().map(place_name).collect::<Vec<_>>())
    };
    match texts::named_places(view, filter) {
        NamedPlaces::All => {}
        NamedPlaces::Only(shown) => parts.push(tr!("picture-only", names = names(shown))),
        NamedPlaces::Hidden(first, more) => parts.push(tr!(
            "picture-hidden",
            names = names(first),
            more = and_more(more)
        )),
    }
    parts.join(&tr!("picture-parts-separator"))
}

/// The footer: "Source: <file>; <first sources> and N more".
fn footer(file: &str, sources: &[String]) -> String {
    if sources.is_empty() {
        return tr!("picture-footer", file = file.to_owned());
    }
    let max = crate::picture::texts::FOOTER_SOURCES;
    let named: Vec<String> = sources
        .iter()
        .take(max)
        .map(|s| describe::short_source(s))
        .collect();
    tr!(
        "picture-footer-sources",
        file = file.to_owned(),
        sources = list(&named),
        more = and_more(sources.len() - named.len())
    )
}

/// What a picture is made from: the document, the view, the filter, the kind and the file name.
pub struct PictureInput<'a> {
    /// The document.
    pub doc: &'a crate::data::document::Document,
    /// The view shown.
    pub view: &'a View,
    /// Its filter.
    pub filter: &'a Filter,
    /// Bars or lines.
    pub kind: ChartKind,
    /// The file's name for the footer.
    pub file: &'a str,
}

/// The texts of one metric's chart picture in the interface's language.
pub fn chart_texts(p: &PictureInput<'_>, metric: Metric) -> Texts {
    let title = metric_title(metric);
    Texts {
        title: tr!("picture-chart-title", metric = title.clone()),
        subtitle: tr!(
            "picture-chart-subtitle",
            metric = title,
            kind = kind_phrase(p.kind, p.view.granularity),
            filters = filter_phrase(p.view, p.filter)
        ),
        footer: footer(p.file, &describe::sources(p.doc, p.filter, &[metric])),
        description: about(&describe::about_parts(p.doc, p.view, p.filter, metric)),
    }
}

/// The texts of the dashboard picture in the interface's language.
pub fn dashboard_texts(p: &PictureInput<'_>) -> Texts {
    let sentences: Vec<String> = Metric::ALL
        .iter()
        .map(|&m| about(&describe::about_parts(p.doc, p.view, p.filter, m)))
        .collect();
    Texts {
        title: tr!("picture-dashboard-title"),
        subtitle: tr!(
            "picture-dashboard-subtitle",
            kind = kind_phrase(p.kind, p.view.granularity),
            filters = filter_phrase(p.view, p.filter)
        ),
        footer: footer(p.file, &describe::sources(p.doc, p.filter, &Metric::ALL)),
        description: about_all(&sentences),
    }
}

/// The texts of the map picture in the interface's language (in English, those of the
/// command line's `export --chart map`).
pub fn map_texts(p: &PictureInput<'_>, metric: Metric) -> Texts {
    let title = metric_title(metric);
    let mode = if p.kind == ChartKind::Cumulative {
        tr!("picture-map-cumulative")
    } else {
        tr!("picture-map-range")
    };
    Texts {
        title: tr!("picture-map-title", metric = title.clone()),
        subtitle: tr!(
            "picture-map-subtitle",
            metric = title,
            mode = mode,
            filters = filter_phrase(p.view, p.filter)
        ),
        footer: footer(p.file, &describe::sources(p.doc, p.filter, &[metric])),
        description: about(&describe::about_parts(p.doc, p.view, p.filter, metric)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Aggregates;
    use crate::data::gazetteer::Gazetteer;

    /// Filters that exercise every phrase: none, a few hidden, most hidden, dates.
    fn filters() -> Vec<Filter> {
        let regions = Gazetteer::get().regions().len() as u8;
        vec![
            Filter::default(),
            Filter {
                hidden: (0..5).map(Place::Region).collect(),
                ..Filter::default()
            },
            Filter {
                hidden: (0..regions - 2).map(Place::Region).collect(),
                ..Filter::default()
            },
            Filter {
                hidden: [Place::Region(3)].into(),
                from: Some(2021_01_01),
                to: Some(2021_12_31),
            },
            Filter {
                from: Some(2030_01_01),
                ..Filter::default()
            },
        ]
    }

    #[test]
    fn in_english_the_words_are_the_command_lines() {
        i18n::set_language(Language::En);
        let doc = crate::io::sample_document();
        let mut aggregates = Aggregates::build(&doc);
        for filter in filters() {
            for g in Granularity::ALL {
                let view = aggregates.view(g, &filter);
                for kind in ChartKind::ALL {
                    let p = PictureInput {
                        doc: &doc,
                        view: &view,
                        filter: &filter,
                        kind,
                        file: "f.csv",
                    };
                    for m in Metric::ALL {
                        let cli = crate::picture::texts::chart_texts(
                            &doc, &view, &filter, m, kind, "f.csv",
                        );
                        assert_eq!(chart_texts(&p, m), cli, "{m:?} {kind:?} {filter:?}");
                        assert_eq!(metric_title(m), m.title());
                    }
                    let cli =
                        crate::picture::texts::dashboard_texts(&doc, &view, &filter, kind, "f.csv");
                    assert_eq!(dashboard_texts(&p), cli, "{kind:?} {filter:?}");
                }
            }
        }
        for g in Granularity::ALL {
            for p in [g.period_of_key(2021_07_05), g.period_of_key(2017_12_31)] {
                assert_eq!(period_label(g, p), g.period_label(p));
            }
        }
        assert_eq!(tr!("map-origin"), crate::map::ORIGIN);
        assert_eq!(events(1), "1 event");
        assert_eq!(events(1234), "1234 events");
        assert_eq!(figure(Metric::Kwh, 6.58e9), "6.58 billion kWh");
    }

    #[test]
    fn in_chinese_names_figures_and_the_about_sentence_are_chinese() {
        let doc = crate::io::sample_document();
        let view = Aggregates::build(&doc).view(Granularity::Quarter, &Filter::default());
        let parts = |m| describe::about_parts(&doc, &view, &Filter::default(), m);
        i18n::set_language(Language::Zh);
        let rigs = about(&parts(Metric::Rigs));
        let kwh_about = about(&parts(Metric::Kwh));
        let im = place_name(Place::Region(
            Gazetteer::get().resolve("Inner Mongolia").unwrap().region,
        ));
        let kwh = figure(Metric::Kwh, 6.58e9);
        let e = events(3);
        let q3 = Granularity::Quarter;
        let periods = [
            period_label(q3, q3.period_of_key(2021_07_05)),
            period_label(
                Granularity::Month,
                Granularity::Month.period_of_key(2021_07_05),
            ),
            period_label(
                Granularity::Year,
                Granularity::Year.period_of_key(2021_07_05),
            ),
        ];
        i18n::set_language(Language::En);
        assert_eq!(im, "内蒙古自治区");
        assert_eq!(kwh, "65.8亿千瓦时");
        assert_eq!(e, "3 次行动");
        assert_eq!(periods, ["2021年第3季度", "2021年7月", "2021年"]);
        // The sample: Inner Mongolia has most rigs seized, and all the electricity saved.
        assert!(
            rigs.starts_with("内蒙古自治区占2017–2022年查获矿机的"),
            "{rigs}"
        );
        assert!(
            rigs.contains("%；单次最大的一起是") && rigs.ends_with("台。"),
            "{rigs}"
        );
        assert_eq!(kwh_about, "2017–2022年节约电量全部来自内蒙古自治区。");
    }
}
