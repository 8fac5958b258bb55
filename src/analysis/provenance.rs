//! The events behind a bar or a point: the rows of one place and period with a figure of the
//! metric, the first few kept for the tooltip and the rest counted ("… and N more"). No egui.

use super::{Filter, Granularity};
use crate::data::document::{Column, Document, Field, Metric, Place};

/// One event behind a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The row in the document.
    pub row: usize,
    /// Date, city, action, the metric's figure and source, as the user sees them.
    pub date: String,
    pub city: String,
    pub action: String,
    pub figure: String,
    pub source: String,
}

/// The first `cap` events of `place` in `period` with a figure of `metric`, and how many more.
pub fn events(
    doc: &Document,
    filter: &Filter,
    metric: Metric,
    place: Place,
    granularity: Granularity,
    period: i32,
    cap: usize,
) -> (Vec<Event>, usize) {
    events_between(
        doc,
        filter,
        metric,
        place,
        granularity,
        period..=period,
        cap,
    )
}

/// The first `cap` events of `place` in the periods `periods` (all of them: `i32::MIN..=
/// i32::MAX`; to the end of one: `i32::MIN..=p`) with a figure of `metric`, and how many more.
/// What the map's hover lists for its whole range or its time slider.
pub fn events_between(
    doc: &Document,
    filter: &Filter,
    metric: Metric,
    place: Place,
    granularity: Granularity,
    periods: std::ops::RangeInclusive<i32>,
    cap: usize,
) -> (Vec<Event>, usize) {
    events_of(doc, None, filter, metric, place, granularity, periods, cap)
}

/// As [`events_between`]; with an `index` (made from the same document) it looks only through
/// `place`'s own rows instead of every row.
#[allow(clippy::too_many_arguments)]
pub fn events_of(
    doc: &Document,
    index: Option<&PlaceRows>,
    filter: &Filter,
    metric: Metric,
    place: Place,
    granularity: Granularity,
    periods: std::ops::RangeInclusive<i32>,
    cap: usize,
) -> (Vec<Event>, usize) {
    let rows: Box<dyn Iterator<Item = usize>> = match index {
        Some(index) => Box::new(index.of(place).iter().map(|&r| r as usize)),
        None => Box::new(0..doc.len()),
    };
    let text = |row, f| doc.cell_text(row, Column::Field(f)).into_owned();
    let mut shown = Vec::new();
    let mut more = 0;
    for row in rows {
        if doc.place(row) != place || doc.figure_value(row, metric).is_none() {
            continue;
        }
        let Some(date) = doc.date_value(row) else {
            continue;
        };
        if !filter.accepts(place, Some(date))
            || !periods.contains(&granularity.period_of_key(date.day_key()))
        {
            continue;
        }
        if shown.len() < cap {
            shown.push(Event {
                row,
                date: text(row, Field::Date),
                city: text(row, Field::City),
                action: text(row, Field::Action),
                figure: figure_text(doc, row, metric).unwrap_or_default(),
                source: text(row, Field::Source),
            });
        } else {
            more += 1;
        }
    }
    (shown, more)
}

/// Each place's rows, in row order: a place's events are looked for among its own rows, not
/// every row (the app makes it once per document revision; at a million rows that takes a few
/// milliseconds, and a hover then looks through one province's rows).
#[derive(Debug, Default)]
pub struct PlaceRows {
    /// Rows per region id; the last list holds the rows of no known place.
    rows: Vec<Vec<u32>>,
}

impl PlaceRows {
    /// The rows of every place of `doc`.
    pub fn build(doc: &Document) -> PlaceRows {
        let mut rows = vec![Vec::new(); Place::COUNT];
        for row in 0..doc.len() {
            rows[doc.place(row).index()].push(row as u32);
        }
        PlaceRows { rows }
    }

    /// The rows of `place`, in row order.
    pub fn of(&self, place: Place) -> &[u32] {
        self.rows.get(place.index()).map_or(&[], Vec::as_slice)
    }
}

/// A row's figure of `metric` as the table shows it: thousands separated ("10,100"), with its
/// approximate marker ("~500", "3,000+"); `None` without a figure.
pub fn figure_text(doc: &Document, row: usize, metric: Metric) -> Option<String> {
    use crate::data::figure::MarkerSide;
    let v = doc.figure_value(row, metric)?;
    let number = crate::data::value::group_thousands(v, 6);
    Some(match doc.figure_marker(row, metric) {
        Some((MarkerSide::Before, marker)) => format!("{marker}{number}"),
        Some((MarkerSide::After, marker)) => format!("{number}{marker}"),
        None => number,
    })
}

/// One part of a source cell: a web address (with the domain it is shown as) or other text.
#[derive(Clone, Debug, PartialEq)]
pub enum SourcePart {
    /// An http(s) address.
    Link { url: String, domain: String },
    /// Anything else (a newspaper's name, "local notice").
    Text(String),
}

/// A source cell cut into its parts: addresses (`http://`, `https://`) and the text between
/// them, split at `;`, `,` and white space between addresses ("https://a.cn/1 ; https://b.com/2").
pub fn source_parts(source: &str) -> Vec<SourcePart> {
    let mut parts = Vec::new();
    let mut text = String::new();
    for word in source.split_whitespace() {
        let trimmed = word.trim_matches(|c| matches!(c, ';' | ',' | '(' | ')' | '<' | '>'));
        if let Some(domain) = domain(trimmed) {
            let t = text.trim().trim_matches(|c| matches!(c, ';' | ',')).trim();
            if !t.is_empty() {
                parts.push(SourcePart::Text(t.to_owned()));
            }
            text.clear();
            parts.push(SourcePart::Link {
                url: trimmed.to_owned(),
                domain,
            });
        } else {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    let t = text.trim().trim_matches(|c| matches!(c, ';' | ',')).trim();
    if !t.is_empty() {
        parts.push(SourcePart::Text(t.to_owned()));
    }
    parts
}

/// The domain of an http(s) address without `www.` ("coindesk.com"); `None` for anything that
/// is not one.
pub fn domain(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    let host = host.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_s_own_rows_give_the_events_every_row_gives() {
        let doc = crate::io::sample_document();
        let index = PlaceRows::build(&doc);
        let all: usize = (0..doc.len())
            .filter(|&r| index.of(doc.place(r)).contains(&(r as u32)))
            .count();
        assert_eq!(all, doc.len(), "every row is in its place's list");
        let g = Granularity::Quarter;
        for place in (0..doc.len()).map(|r| doc.place(r)) {
            for metric in Metric::ALL {
                let f = Filter::default();
                let whole = i32::MIN..=i32::MAX;
                assert_eq!(
                    events_of(&doc, Some(&index), &f, metric, place, g, whole.clone(), 3),
                    events_between(&doc, &f, metric, place, g, whole, 3),
                    "{place:?} {metric:?}"
                );
            }
        }
    }
    use crate::analysis::Aggregates;

    #[test]
    fn the_events_behind_each_bar_are_its_rows() {
        let doc = crate::io::sample_document();
        let mut agg = Aggregates::build(&doc);
        let g = Granularity::Quarter;
        let view = agg.view(g, &Filter::default());
        let chart = view.chart(Metric::Rigs).unwrap();
        let s = &chart.series[0];
        let p = s.points[0];
        let (shown, more) = events(
            &doc,
            &Filter::default(),
            Metric::Rigs,
            s.place,
            g,
            p.period,
            10,
        );
        assert_eq!(shown.len() + more, p.rows as usize);
        assert!(
            shown
                .iter()
                .all(|e| !e.source.is_empty() && !e.figure.is_empty())
        );
        let (one, rest) = events(
            &doc,
            &Filter::default(),
            Metric::Rigs,
            s.place,
            g,
            p.period,
            0,
        );
        assert!(one.is_empty() && rest == p.rows as usize);
    }

    #[test]
    fn sources_are_cut_into_links_and_text() {
        assert_eq!(
            source_parts("https://www.CoinDesk.com/a?b=1 ; http://x.cn:8080/p"),
            vec![
                SourcePart::Link {
                    url: "https://www.CoinDesk.com/a?b=1".into(),
                    domain: "coindesk.com".into()
                },
                SourcePart::Link {
                    url: "http://x.cn:8080/p".into(),
                    domain: "x.cn".into()
                },
            ]
        );
        assert_eq!(
            source_parts("Xinhua, 2021 (https://news.cn/1)"),
            vec![
                SourcePart::Text("Xinhua, 2021".into()),
                SourcePart::Link {
                    url: "https://news.cn/1".into(),
                    domain: "news.cn".into()
                },
            ]
        );
        assert_eq!(
            source_parts("local notice"),
            vec![SourcePart::Text("local notice".into())]
        );
        assert!(source_parts("  ").is_empty());
        for not_a_url in [
            "ftp://a.cn/x",
            "javascript:alert(1)",
            "https://",
            "http://localhost/",
        ] {
            assert_eq!(domain(not_a_url), None, "{not_a_url}");
        }
    }

    #[test]
    fn a_range_of_periods_holds_the_events_of_each() {
        let doc = crate::io::sample_document();
        let mut agg = Aggregates::build(&doc);
        let g = Granularity::Quarter;
        let view = agg.view(g, &Filter::default());
        let chart = view.chart(Metric::Rigs).unwrap();
        let s = &chart.series[0];
        let rows: usize = s.points.iter().map(|p| p.rows as usize).sum();
        let (shown, more) = events_between(
            &doc,
            &Filter::default(),
            Metric::Rigs,
            s.place,
            g,
            i32::MIN..=i32::MAX,
            3,
        );
        assert_eq!(shown.len() + more, rows);
        let last = s.points.last().unwrap().period;
        let (shown, more) = events_between(
            &doc,
            &Filter::default(),
            Metric::Rigs,
            s.place,
            g,
            i32::MIN..=last - 1,
            usize::MAX,
        );
        assert_eq!(
            shown.len() + more,
            rows - s.points.last().unwrap().rows as usize
        );
    }
}
