//! The texts a picture starts with (the export dialog prefills them; the headless command uses
//! them as they are): the title, the subtitle naming the metric, the period and the filters, the
//! footer naming the file and the sources of the shown rows, and the "About this chart" text.

use crate::analysis::describe::{about, footer, sources};
use crate::analysis::{Filter, Granularity, View, day_key_label};
use crate::data::document::{Document, Metric, Place};

use super::{ChartKind, Texts};

/// How many sources a footer names before "and N more".
pub const FOOTER_SOURCES: usize = 6;

/// How the kind and period read: `per quarter, stacked by province`.
pub fn kind_phrase(kind: ChartKind, g: Granularity) -> String {
    let per = g.label().to_lowercase();
    match kind {
        ChartKind::Bars => format!("per {per}, stacked by province"),
        ChartKind::Cumulative => format!("cumulative by {per}, per province"),
        ChartKind::Multiples => format!("per {per}, one panel per province, same scale"),
        ChartKind::Ranking => "total per province".to_owned(),
    }
}

/// Which provinces a picture's subtitle names, by the filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NamedPlaces {
    /// None are hidden.
    All,
    /// Most are hidden (a chosen few shown): the shown ones.
    Only(Vec<Place>),
    /// A few are hidden: the first three of them, and how many more.
    Hidden(Vec<Place>, usize),
}

/// The provinces the subtitle names for `filter` over `view` (every wording of the subtitle
/// follows these rules: English here, the interface's language in `ui::words`).
pub fn named_places(view: &View, filter: &Filter) -> NamedPlaces {
    let regions = crate::data::gazetteer::Gazetteer::get().regions().len();
    if filter.hidden.len() * 2 > regions {
        let mut shown: Vec<Place> = view
            .charts
            .iter()
            .flat_map(|c| c.series.iter().map(|s| s.place))
            .collect();
        shown.sort();
        shown.dedup();
        NamedPlaces::Only(shown)
    } else if filter.hidden.is_empty() {
        NamedPlaces::All
    } else {
        let first: Vec<Place> = filter.hidden.iter().take(3).copied().collect();
        NamedPlaces::Hidden(first, filter.hidden.len().saturating_sub(3))
    }
}

/// The dates and filters shown: `2017-06-01 – 2022-01-05 · 19 provinces · hidden: Hebei`.
pub fn filter_phrase(view: &View, filter: &Filter) -> String {
    let mut parts = Vec::new();
    if let (Some(a), Some(b)) = (view.first_day, view.last_day) {
        parts.push(format!("{} – {}", day_key_label(a), day_key_label(b)));
    }
    parts.push(match view.provinces {
        1 => "1 province".to_owned(),
        n => format!("{n} provinces"),
    });
    let names = |places: &[Place]| -> String {
        let names: Vec<&str> = places.iter().map(|p| Document::place_name(*p)).collect();
        names.join(", ")
    };
    match named_places(view, filter) {
        NamedPlaces::All => {}
        NamedPlaces::Only(shown) => parts.push(format!("only {}", names(&shown))),
        NamedPlaces::Hidden(first, more) => {
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            parts.push(format!("hidden: {}{more}", names(&first)));
        }
    }
    parts.join(" · ")
}

/// The texts of one metric's chart picture.
pub fn chart_texts(
    doc: &Document,
    view: &View,
    filter: &Filter,
    metric: Metric,
    kind: ChartKind,
    file: &str,
) -> Texts {
    Texts {
        title: format!("{}, by province", metric.title()),
        subtitle: format!(
            "{} {} · {}",
            metric.title(),
            kind_phrase(kind, view.granularity),
            filter_phrase(view, filter)
        ),
        footer: footer(file, &sources(doc, filter, &[metric]), FOOTER_SOURCES),
        description: about(doc, view, filter, metric),
    }
}

/// The texts of the dashboard picture.
pub fn dashboard_texts(
    doc: &Document,
    view: &View,
    filter: &Filter,
    kind: ChartKind,
    file: &str,
) -> Texts {
    let description = Metric::ALL
        .iter()
        .map(|&m| about(doc, view, filter, m))
        .collect::<Vec<_>>()
        .join(" ");
    Texts {
        title: "China's crackdown on crypto mining".to_owned(),
        subtitle: format!(
            "Projects, rigs, electricity and coal {} · {}",
            kind_phrase(kind, view.granularity),
            filter_phrase(view, filter)
        ),
        footer: footer(file, &sources(doc, filter, &Metric::ALL), FOOTER_SOURCES),
        description,
    }
}
