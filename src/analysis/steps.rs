//! Day steps: one day's effect on a series (its events, then its running totals applied), worked
//! out from the per-day sums and cached until an edit touches the series.

use super::Aggregates;
use super::aggregates::MetricAgg;
use crate::data::document::{Metric, Place};

/// One day's effect on a series: how much it added and how many rows were behind it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DayStep {
    /// Day key `yyyymmdd`.
    pub day_key: i32,
    /// What the day added to the cumulative level.
    pub increment: f64,
    /// Rows that reported a figure that day.
    pub rows: u32,
    /// The cumulative level after the day.
    pub level: f64,
}

impl Aggregates {
    /// The day-by-day steps of one series, running totals applied.
    pub fn steps(&mut self, place: Place, metric: Metric) -> &[DayStep] {
        let key = (place, metric);
        if self.dirty.remove(&key) || !self.steps.contains_key(&key) {
            let steps = self.series.get(&key).map(compute_steps).unwrap_or_default();
            self.steps.insert(key, steps);
        }
        self.steps.get(&key).map_or(&[], Vec::as_slice)
    }

    pub(super) fn flush_dirty(&mut self) {
        let dirty: Vec<_> = std::mem::take(&mut self.dirty).into_iter().collect();
        let compute = |keys: &[(Place, Metric)]| -> Vec<Vec<DayStep>> {
            keys.iter()
                .map(|key| self.series.get(key).map(compute_steps).unwrap_or_default())
                .collect()
        };
        // After a load every series is new: worked out on all cores.
        let threads = std::thread::available_parallelism().map_or(1, |t| t.get().min(8));
        let steps: Vec<Vec<DayStep>> = if dirty.len() < 16 || threads == 1 {
            compute(&dirty)
        } else {
            let chunk = dirty.len().div_ceil(threads);
            std::thread::scope(|scope| {
                let handles: Vec<_> = dirty
                    .chunks(chunk)
                    .map(|keys| scope.spawn(move || compute(keys)))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for (key, steps) in dirty.into_iter().zip(steps) {
            self.steps.insert(key, steps);
        }
    }
}

pub(super) fn compute_steps(agg: &MetricAgg) -> Vec<DayStep> {
    // Both maps are in day order: one merge, no lookups.
    let mut events = agg.events.iter().peekable();
    let mut totals = agg.totals.iter().peekable();
    let mut level = 0.0;
    let mut out = Vec::with_capacity(agg.events.len() + agg.totals.len());
    loop {
        let k = match (events.peek().map(|e| *e.0), totals.peek().map(|t| *t.0)) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        let mut step = DayStep {
            day_key: k,
            increment: 0.0,
            rows: 0,
            level,
        };
        if let Some((_, &(sum, n))) = events.next_if(|e| *e.0 == k) {
            step.increment += sum;
            step.rows += n;
            level += sum;
        }
        if let Some((_, list)) = totals.next_if(|t| *t.0 == k) {
            for total in list {
                let inc = (total - level).max(0.0);
                step.increment += inc;
                step.rows += 1;
                level += inc;
            }
        }
        step.level = level;
        out.push(step);
    }
    out
}
