//! The texts a picture starts with (the export dialog prefills them; the headless command uses
//! them as they are): the title, the subtitle naming the metric, the period and the filters, the
//! footer naming the file and the sources of the shown rows, and the "About this chart" text.

use crate::analysis::describe::{about, footer, sources};
use crate::analysis::{Filter, Granularity, View, day_key_label};
use crate::data::document::{Document, Metric};

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
    let regions = crate::data::gazetteer::Gazetteer::get().regions().len();
    if filter.hidden.len() * 2 > regions {
        // Most are hidden (a chosen few shown): name the shown ones.
        let mut shown: Vec<_> = view
            .charts
            .iter()
            .flat_map(|c| c.series.iter().map(|s| s.place))
            .collect();
        shown.sort();
        shown.dedup();
        let names: Vec<&str> = shown.iter().map(|p| Document::place_name(*p)).collect();
        parts.push(format!("only {}", names.join(", ")));
    } else if !filter.hidden.is_empty() {
        let names: Vec<&str> = filter
            .hidden
            .iter()
            .take(3)
            .map(|p| Document::place_name(*p))
            .collect();
        let more = filter.hidden.len().saturating_sub(3);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        parts.push(format!("hidden: {}{more}", names.join(", ")));
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
