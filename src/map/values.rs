//! What the map colours: per division, the chosen metric's value for the chosen time (the whole
//! date range, or one period of the time slider), per period or cumulative as the dashboard is,
//! with the events behind it. Built from the dashboard's [`View`].

use crate::analysis::View;
use crate::data::document::{Metric, Place};
use crate::data::gazetteer::RegionId;

/// The time the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// The whole date range of the filter.
    All,
    /// One period (a [`crate::analysis::Granularity`] index).
    Period(i32),
}

/// One division's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    /// The metric's value: what the time added, or the running total at its end.
    pub value: f64,
    /// Events (rows with figures) behind the value.
    pub events: u32,
}

/// Per region: its value for one time (`None`: no figure).
#[derive(Clone, Debug, PartialEq)]
pub struct MapValues {
    /// Indexed by region id.
    pub values: Vec<Option<Value>>,
    /// The values the colour scale spans: over the whole range, every province's value; on the
    /// time slider, every value any period can show (so the scale holds while it plays).
    pub range: Vec<f64>,
    /// Periods with figures, first to last (what the slider steps through).
    pub periods: Vec<i32>,
}

impl MapValues {
    /// The map's values for `metric` at `when`, per period or `cumulative`.
    pub fn new(view: &View, metric: Metric, when: When, cumulative: bool) -> MapValues {
        let mut out = MapValues {
            values: vec![None; crate::data::gazetteer::REGION_COUNT],
            range: Vec::new(),
            periods: Vec::new(),
        };
        let Some(chart) = view.chart(metric) else {
            return out;
        };
        for s in &chart.series {
            let Place::Region(id) = s.place else { continue };
            out.periods.extend(s.points.iter().map(|p| p.period));
            match (when, cumulative) {
                (When::All, false) => out.range.push(s.total),
                (When::All, true) => out.range.extend(s.points.last().map(|p| p.level)),
                (When::Period(_), false) => out.range.extend(s.points.iter().map(|p| p.value)),
                (When::Period(_), true) => out.range.extend(s.points.iter().map(|p| p.level)),
            }
            let upto = |p: i32| match when {
                When::All => true,
                When::Period(q) => p <= q,
            };
            let value = if cumulative {
                let events = s
                    .points
                    .iter()
                    .filter(|p| upto(p.period))
                    .map(|p| p.rows)
                    .sum();
                match s.points.iter().rfind(|p| upto(p.period)) {
                    Some(p) => Some(Value {
                        value: p.level,
                        events,
                    }),
                    None if s.level_before != 0.0 => Some(Value {
                        value: s.level_before,
                        events,
                    }),
                    None => None,
                }
            } else {
                match when {
                    When::All => Some(Value {
                        value: s.total,
                        events: s.points.iter().map(|p| p.rows).sum(),
                    }),
                    When::Period(q) => s.points.iter().find(|p| p.period == q).map(|p| Value {
                        value: p.value,
                        events: p.rows,
                    }),
                }
            };
            if let Some(slot) = out.values.get_mut(usize::from(id as RegionId)) {
                *slot = value;
            }
        }
        out.periods.sort_unstable();
        out.periods.dedup();
        out
    }

    /// One region's value.
    pub fn get(&self, region: RegionId) -> Option<Value> {
        self.values.get(usize::from(region)).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Filter, Granularity};
    use crate::data::gazetteer::Gazetteer;

    fn region(name: &str) -> RegionId {
        Gazetteer::get().resolve(name).unwrap().region
    }

    fn view() -> View {
        let doc = crate::io::sample_document();
        Aggregates::build(&doc).view(Granularity::Year, &Filter::default())
    }

    #[test]
    fn whole_range_is_the_total_with_its_events() {
        let view = view();
        let v = MapValues::new(&view, Metric::Rigs, When::All, false);
        let gd = v.get(region("Guangdong")).unwrap();
        let place = Place::Region(region("Guangdong"));
        assert_eq!(Some(gd.value), view.place_total(Metric::Rigs, place));
        assert!(gd.events >= 1);
        // A province with events but no rigs figure has no data, not zero.
        assert_eq!(v.get(region("Xinjiang")), None);
        assert_eq!(v.get(region("Macao")), None);
    }

    #[test]
    fn a_period_shows_what_it_added_or_the_level_at_its_end() {
        let view = view();
        let all = MapValues::new(&view, Metric::Rigs, When::All, false);
        let per_year: f64 = all
            .periods
            .iter()
            .filter_map(|&p| {
                MapValues::new(&view, Metric::Rigs, When::Period(p), false).get(region("Guangdong"))
            })
            .map(|v| v.value)
            .sum();
        assert_eq!(
            Some(per_year),
            all.get(region("Guangdong")).map(|v| v.value)
        );
        let last = *all.periods.last().unwrap();
        let cum = MapValues::new(&view, Metric::Rigs, When::Period(last), true);
        let cum_all = MapValues::new(&view, Metric::Rigs, When::All, true);
        assert_eq!(cum.values, cum_all.values);
        // Before its first figure a province has no data in cumulative mode either.
        let first = all.periods[0] - 1;
        let before = MapValues::new(&view, Metric::Rigs, When::Period(first), true);
        assert!(before.values.iter().all(Option::is_none));
    }
}
