//! What the dashboard shows: the [`Filter`] (hidden provinces, date range) and the [`View`] of
//! the aggregates it lets through, per metric, province and period.

use std::collections::BTreeSet;

use super::steps::compute_steps;
use super::{Aggregates, Granularity};
use crate::data::document::{Metric, Place};
use crate::data::gazetteer::NATIONAL;
use crate::data::value::EventDate;

/// Which provinces and dates are visible; charts, cards and table all follow it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// Places the user hid.
    pub hidden: BTreeSet<Place>,
    /// First day key shown (`yyyymmdd`), inclusive.
    pub from: Option<i32>,
    /// Last day key shown, inclusive.
    pub to: Option<i32>,
}

impl Filter {
    /// Whether a row passes the filter. Rows without a date pass only when no range is set.
    pub fn accepts(&self, place: Place, date: Option<EventDate>) -> bool {
        if self.hidden.contains(&place) {
            return false;
        }
        match date {
            Some(d) => {
                let k = d.day_key();
                self.from.is_none_or(|f| k >= f) && self.to.is_none_or(|t| k <= t)
            }
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// One period of a series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodPoint {
    /// Period index (see [`Granularity::period_of_key`]).
    pub period: i32,
    /// What the period added (events plus running-total increments).
    pub value: f64,
    /// Rows behind the value.
    pub rows: u32,
    /// Cumulative level at the end of the period (all history counted).
    pub level: f64,
}

/// One province's series for one metric.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The province.
    pub place: Place,
    /// Periods with figures, in time order.
    pub points: Vec<PeriodPoint>,
    /// Sum of `value` over the visible periods.
    pub total: f64,
    /// Cumulative level before the first visible day.
    pub level_before: f64,
}

/// All series of one metric.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricChart {
    /// The metric.
    pub metric: Metric,
    /// One series per visible province with figures.
    pub series: Vec<Series>,
}

/// What the dashboard shows for the current filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Grouping of the time axis.
    pub granularity: Granularity,
    /// One chart per metric, in [`Metric::ALL`] order.
    pub charts: Vec<MetricChart>,
    /// Visible totals per metric.
    pub totals: [f64; 4],
    /// Provinces (not counting National or unknown) with visible rows.
    pub provinces: usize,
    /// Visible dated rows.
    pub rows: usize,
    /// First visible day key.
    pub first_day: Option<i32>,
    /// Last visible day key.
    pub last_day: Option<i32>,
}

impl View {
    /// The chart of one metric.
    pub fn chart(&self, metric: Metric) -> Option<&MetricChart> {
        self.charts.iter().find(|c| c.metric == metric)
    }

    /// Total of one metric for one place, if it is visible.
    pub fn place_total(&self, metric: Metric, place: Place) -> Option<f64> {
        self.chart(metric)?
            .series
            .iter()
            .find(|s| s.place == place)
            .map(|s| s.total)
    }
}

impl Aggregates {
    /// Per-period series and summary for what the filter lets through.
    pub fn view(&mut self, granularity: Granularity, filter: &Filter) -> View {
        self.flush_dirty();
        let mut view = View {
            granularity,
            ..Default::default()
        };
        let in_range =
            |k: i32| filter.from.is_none_or(|f| k >= f) && filter.to.is_none_or(|t| k <= t);
        let mut places: Vec<Place> = self
            .rows
            .keys()
            .copied()
            .chain(self.series.keys().map(|k| k.0))
            .collect();
        places.sort();
        places.dedup();
        for m in Metric::ALL {
            let mut chart = MetricChart {
                metric: m,
                series: Vec::new(),
            };
            for &place in &places {
                if filter.hidden.contains(&place) {
                    continue;
                }
                let key = (place, m);
                if !self.steps.contains_key(&key) {
                    let steps = self.series.get(&key).map(compute_steps).unwrap_or_default();
                    self.steps.insert(key, steps);
                }
                let steps = &self.steps[&key];
                let mut points: Vec<PeriodPoint> = Vec::new();
                for s in steps.iter().filter(|s| in_range(s.day_key)) {
                    let period = granularity.period_of_key(s.day_key);
                    match points.last_mut() {
                        Some(p) if p.period == period => {
                            p.value += s.increment;
                            p.rows += s.rows;
                            p.level = s.level;
                        }
                        _ => points.push(PeriodPoint {
                            period,
                            value: s.increment,
                            rows: s.rows,
                            level: s.level,
                        }),
                    }
                }
                if points.is_empty() {
                    continue;
                }
                let level_before = filter
                    .from
                    .and_then(|f| steps.iter().take_while(|s| s.day_key < f).last())
                    .map_or(0.0, |s| s.level);
                let total: f64 = points.iter().map(|p| p.value).sum();
                view.totals[m.index()] += total;
                chart.series.push(Series {
                    place,
                    points,
                    total,
                    level_before,
                });
            }
            view.charts.push(chart);
        }
        let mut first: Option<i32> = None;
        let mut last: Option<i32> = None;
        for (place, days) in &self.rows {
            if filter.hidden.contains(place) {
                continue;
            }
            let mut any = false;
            for (&k, &n) in
                days.range(filter.from.unwrap_or(i32::MIN)..=filter.to.unwrap_or(i32::MAX))
            {
                any = true;
                view.rows += n as usize;
                first = Some(first.map_or(k, |f| f.min(k)));
                last = Some(last.map_or(k, |l| l.max(k)));
            }
            if any && matches!(place, Place::Region(id) if *id != NATIONAL) {
                view.provinces += 1;
            }
        }
        view.first_day = first;
        view.last_day = last;
        view
    }
}
