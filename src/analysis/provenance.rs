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
    let text = |row, f| doc.cell_text(row, Column::Field(f)).into_owned();
    let mut shown = Vec::new();
    let mut more = 0;
    for row in 0..doc.len() {
        if doc.place(row) != place || doc.figure_value(row, metric).is_none() {
            continue;
        }
        let Some(date) = doc.date_value(row) else {
            continue;
        };
        if !filter.accepts(place, Some(date)) || granularity.period_of_key(date.day_key()) != period
        {
            continue;
        }
        if shown.len() < cap {
            shown.push(Event {
                row,
                date: text(row, Field::Date),
                city: text(row, Field::City),
                action: text(row, Field::Action),
                figure: doc
                    .cell_text(row, Column::Field(metric.field()))
                    .into_owned(),
                source: text(row, Field::Source),
            });
        } else {
            more += 1;
        }
    }
    (shown, more)
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
