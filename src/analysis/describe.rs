//! Text alternatives and provenance of what a chart shows: the "About this chart" sentence
//! (the top province's share over the date range and the largest single event), and the
//! distinct sources of the rows behind it, for a picture's footer. Robust to no data, one
//! province and no dates.

use super::{Filter, View};
use crate::data::document::{Column, Document, Field, Metric, Place};
use crate::data::value::{Basis, format_kwh, format_tonnes, group_thousands};

/// The rows a chart of `metrics` is made of: they pass the filter, are counted in the sums and
/// have a figure of one of the metrics.
pub fn shown_rows<'a>(
    doc: &'a Document,
    filter: &'a Filter,
    metrics: &'a [Metric],
) -> impl Iterator<Item = usize> + 'a {
    (0..doc.len()).filter(move |&row| {
        doc.date_value(row).is_some()
            && filter.accepts(doc.place(row), doc.date_value(row))
            && doc.row_problem(row).is_none()
            && metrics.iter().any(|&m| doc.figure_value(row, m).is_some())
    })
}

/// A source as it reads in a footer: without `https://` and `www.`, at most 60 characters.
pub fn short_source(source: &str) -> String {
    let s = source.trim();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let s = s.strip_prefix("www.").unwrap_or(s).trim_end_matches('/');
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(59).collect();
        format!("{cut}…")
    } else {
        s.to_owned()
    }
}

/// The distinct sources of the shown rows, in row order; a cell naming several (separated by
/// `;`) counts each.
pub fn sources(doc: &Document, filter: &Filter, metrics: &[Metric]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for row in shown_rows(doc, filter, metrics) {
        let cell = doc.cell_text(row, Column::Field(Field::Source));
        for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            if seen.insert(part.to_owned()) {
                out.push(part.to_owned());
            }
        }
    }
    out
}

/// The footer: `Source: <file>; <first sources> and N more` (at most `max` sources named).
pub fn footer(file: &str, sources: &[String], max: usize) -> String {
    let mut text = format!("Source: {file}");
    if sources.is_empty() {
        return text;
    }
    let named: Vec<String> = sources.iter().take(max).map(|s| short_source(s)).collect();
    text.push_str("; ");
    text.push_str(&named.join(", "));
    if sources.len() > named.len() {
        text.push_str(&format!(" and {} more", sources.len() - named.len()));
    }
    text
}

/// A figure of one event in words: `8,181 rigs`, `1 project`, `6.58 billion kWh`, `2 million t
/// of coal`.
pub fn event_amount(metric: Metric, v: f64) -> String {
    match metric {
        Metric::Projects if v == 1.0 => "1 project".to_owned(),
        Metric::Projects => format!("{} projects", group_thousands(v, 0)),
        Metric::Rigs if v == 1.0 => "1 rig".to_owned(),
        Metric::Rigs => format!("{} rigs", group_thousands(v, 0)),
        Metric::Kwh => format_kwh(v),
        Metric::Coal => format!("{} of coal", format_tonnes(v)),
    }
}

/// What the "About this chart" sentence says, before it is put in words (the interface words it
/// in its own language at display time; [`About::english`] is the sentence of the command line
/// and the pictures' `<desc>`).
#[derive(Clone, Debug, PartialEq)]
pub struct About {
    /// The chart's metric.
    pub metric: Metric,
    /// The top province's share; `None` when the rows shown have no figures of the metric.
    pub share: Option<Share>,
    /// The first and last year of the view (`None` without dates).
    pub years: Option<(i32, i32)>,
    /// The largest single event (not a running total), if any.
    pub event: Option<Event>,
}

/// The province with the largest total and its share of the whole.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    /// The province.
    pub place: Place,
    /// Its share in percent, rounded; `None` when it is the only province with figures.
    pub percent: Option<f64>,
}

/// The largest single event of the rows shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its figure.
    pub value: f64,
    /// Its city as written in the file (user data, never translated), when it has one.
    pub city: Option<String>,
    /// Its province.
    pub place: Place,
    /// Its date as the file's date value prints (`2021-05-25`, `2021-05`).
    pub date: Option<String>,
}

/// `2018–2022`, `2021`, or nothing without dates.
fn years(years: Option<(i32, i32)>) -> String {
    match years {
        Some((a, b)) if a == b => format!(" in {a}"),
        Some((a, b)) => format!(" in {a}–{b}"),
        None => String::new(),
    }
}

/// The largest single event (not a running total) of the shown rows: its figure, its city or
/// province, its date.
fn largest_event(doc: &Document, filter: &Filter, metric: Metric) -> Option<Event> {
    let (row, v) = shown_rows(doc, filter, &[metric])
        .filter(|&r| doc.cell_text(r, Column::Field(Field::Basis)) != Basis::RunningTotal.as_str())
        .filter_map(|r| Some((r, doc.figure_value(r, metric)?)))
        .filter(|(_, v)| v.is_finite() && *v > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let city = doc.cell_text(row, Column::Field(Field::City));
    let city = city.trim();
    Some(Event {
        value: v,
        city: (!city.is_empty()).then(|| city.to_owned()),
        place: doc.place(row),
        date: doc.date_value(row).map(|d| d.to_string()),
    })
}

/// What the "About this chart" sentence of `metric` says: the top province's share over the
/// date range and the largest single event.
pub fn about_parts(doc: &Document, view: &View, filter: &Filter, metric: Metric) -> About {
    let series = view.chart(metric).map_or(&[][..], |c| &c.series[..]);
    let total: f64 = series.iter().map(|s| s.total).sum();
    let top = series
        .iter()
        .filter(|s| s.total > 0.0)
        .max_by(|a, b| a.total.total_cmp(&b.total).then(b.place.cmp(&a.place)));
    let years = view
        .first_day
        .zip(view.last_day)
        .map(|(a, b)| (a / 10_000, b / 10_000));
    let Some(top) = top.filter(|_| total > 0.0) else {
        return About {
            metric,
            share: None,
            years,
            event: None,
        };
    };
    let percent = if series.iter().filter(|s| s.total > 0.0).count() == 1 {
        None
    } else {
        Some((top.total / total * 100.0).round())
    };
    About {
        metric,
        share: Some(Share {
            place: top.place,
            percent,
        }),
        years,
        event: largest_event(doc, filter, metric),
    }
}

impl About {
    /// The sentence in English: "Inner Mongolia accounts for 62% of rigs seized in 2018–2022;
    /// the largest single event is 8,181 rigs in Ordos on 2021-05-25."
    pub fn english(&self) -> String {
        let what = self.metric.title().to_lowercase();
        let Some(share) = self.share else {
            return format!("No figures for {what} in the rows shown.");
        };
        let name = Document::place_name(share.place);
        let share = match share.percent {
            None => format!("{name} accounts for all {what}{}", years(self.years)),
            Some(pct) => format!("{name} accounts for {pct}% of {what}{}", years(self.years)),
        };
        match &self.event {
            Some(e) => {
                let place = e
                    .city
                    .clone()
                    .unwrap_or_else(|| Document::place_name(e.place).to_owned());
                let date = e
                    .date
                    .as_ref()
                    .map_or(String::new(), |d| format!(" on {d}"));
                format!(
                    "{share}; the largest single event is {} in {place}{date}.",
                    event_amount(self.metric, e.value)
                )
            }
            None => format!("{share}."),
        }
    }
}

/// The "About this chart" sentence in English: "Inner Mongolia accounts for 62% of rigs seized
/// in 2018–2022; the largest single event is 8,181 rigs in Ordos on 2021-05-25."
pub fn about(doc: &Document, view: &View, filter: &Filter, metric: Metric) -> String {
    about_parts(doc, view, filter, metric).english()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Granularity};

    fn doc(rows: &[(&str, &str, &str, &str, &str)]) -> Document {
        // (date, province, city, rigs, source)
        let mut d = Document::new();
        for (date, province, city, rigs, source) in rows {
            d.push_row([
                (Column::Field(Field::Date), *date),
                (Column::Field(Field::Province), *province),
                (Column::Field(Field::City), *city),
                (Column::Field(Field::Rigs), *rigs),
                (Column::Field(Field::Source), *source),
            ]);
        }
        d
    }

    fn about_rigs(d: &Document, filter: &Filter) -> String {
        let view = Aggregates::build(d).view(Granularity::Year, filter);
        about(d, &view, filter, Metric::Rigs)
    }

    #[test]
    fn the_top_share_and_the_largest_event() {
        let d = doc(&[
            (
                "2018-06-06",
                "Inner Mongolia",
                "Ordos",
                "8181",
                "https://www.a.com/x/",
            ),
            (
                "2022-01-02",
                "Inner Mongolia",
                "",
                "1819",
                "b.org ; https://a.com/x",
            ),
            ("2020-05", "Hebei", "", "2500", "c.net"),
            ("2021", "合计", "", "99999", "totals.example"),
        ]);
        assert_eq!(
            about_rigs(&d, &Filter::default()),
            "Inner Mongolia accounts for 80% of rigs seized in 2018–2022; the largest single \
             event is 8,181 rigs in Ordos on 2018-06-06."
        );
        // The totals row is not shown, so its source is not named.
        let s = sources(&d, &Filter::default(), &[Metric::Rigs]);
        assert_eq!(
            s,
            ["https://www.a.com/x/", "b.org", "https://a.com/x", "c.net"]
        );
        assert_eq!(
            footer("f.csv", &s, 2),
            "Source: f.csv; a.com/x, b.org and 2 more"
        );
        assert_eq!(footer("f.csv", &[], 2), "Source: f.csv");
    }

    #[test]
    fn one_province_no_data_and_no_dates() {
        let d = doc(&[("2021-05-25", "Hebei", "", "10", "")]);
        assert_eq!(
            about_rigs(&d, &Filter::default()),
            "Hebei accounts for all rigs seized in 2021; the largest single event is 10 rigs \
             in Hebei on 2021-05-25."
        );
        let empty = Document::new();
        assert_eq!(
            about_rigs(&empty, &Filter::default()),
            "No figures for rigs seized in the rows shown."
        );
        let undated = doc(&[("", "Hebei", "", "10", "")]);
        assert_eq!(
            about_rigs(&undated, &Filter::default()),
            "No figures for rigs seized in the rows shown."
        );
        assert!(short_source(&"x".repeat(100)).ends_with('…'));
    }
}
