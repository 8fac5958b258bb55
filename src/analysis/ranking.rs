//! Provinces ordered by their total (small multiples, ranking bars) and the "top N and Other"
//! grouping of the stacked bars. No egui: the export reuses it.

use std::collections::BTreeMap;

use super::{MetricChart, PeriodPoint};
use crate::data::document::Place;

/// The series standing for the places summed into Other (see [`top_n`]): an id no region of
/// the gazetteer has (the palette's grey for places it does not know; pictures name it Other).
pub const OTHER: Place = Place::Region(u8::MAX);

/// Places of a chart with their total over the visible range, largest first (ties by place).
pub fn by_total(chart: &MetricChart) -> Vec<(Place, f64)> {
    let mut out: Vec<(Place, f64)> = chart.series.iter().map(|s| (s.place, s.total)).collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The `n` largest places kept, the rest summed into one "Other" group.
#[derive(Clone, Debug, PartialEq)]
pub struct TopN {
    /// Places kept, largest first.
    pub top: Vec<Place>,
    /// Places summed into Other, largest first (what the legend says Other holds).
    pub other: Vec<Place>,
    /// Other's points per period (values and rows summed; empty when nothing is grouped).
    pub other_points: Vec<PeriodPoint>,
}

/// Groups all but the `n` largest places of `chart` into Other. With `n` at least the number
/// of places, nothing is grouped.
pub fn top_n(chart: &MetricChart, n: usize) -> TopN {
    let ordered = by_total(chart);
    let split = n.min(ordered.len());
    let top: Vec<Place> = ordered[..split].iter().map(|p| p.0).collect();
    let other: Vec<Place> = ordered[split..].iter().map(|p| p.0).collect();
    let mut sums: BTreeMap<i32, PeriodPoint> = BTreeMap::new();
    for s in chart.series.iter().filter(|s| other.contains(&s.place)) {
        for p in &s.points {
            let e = sums.entry(p.period).or_insert(PeriodPoint {
                period: p.period,
                value: 0.0,
                rows: 0,
                level: 0.0,
            });
            e.value += p.value;
            e.rows += p.rows;
        }
    }
    let mut level = 0.0;
    let other_points = sums
        .into_values()
        .map(|mut p| {
            level += p.value;
            p.level = level;
            p
        })
        .collect();
    TopN {
        top,
        other,
        other_points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Filter, Granularity};
    use crate::data::document::Metric;

    #[test]
    fn ranking_and_top_n_keep_every_figure() {
        let doc = crate::io::sample_document();
        let mut agg = Aggregates::build(&doc);
        let view = agg.view(Granularity::Quarter, &Filter::default());
        let chart = view.chart(Metric::Rigs).unwrap();
        let ranked = by_total(chart);
        assert!(ranked.len() >= 3);
        assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1));
        let g = top_n(chart, 2);
        assert_eq!(g.top, vec![ranked[0].0, ranked[1].0]);
        assert_eq!(g.other.len(), ranked.len() - 2);
        let other_total: f64 = g.other_points.iter().map(|p| p.value).sum();
        let expect: f64 = ranked[2..].iter().map(|p| p.1).sum();
        assert!(
            (other_total - expect).abs() < 1e-6,
            "{other_total} vs {expect}"
        );
        let none = top_n(chart, 100);
        assert!(none.other.is_empty() && none.other_points.is_empty());
    }
}
