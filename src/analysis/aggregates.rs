//! [`Aggregates`]: per-province, per-metric sums by day, made in one pass on load (or joined
//! from the sums made while reading) and kept in step with the document by every edit. The
//! day steps derived from them are in [`super::steps`], the views in [`super::view`].

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::load_sums::{Block, LoadSums};
use super::steps::{DayStep, compute_steps};
use crate::data::document::{Document, Metric, Place, RowFacts, RowObserver};
use crate::data::value::Basis;

#[derive(Clone, Debug, Default)]
pub(super) struct MetricAgg {
    /// Sum and count of event figures per day key.
    pub(super) events: BTreeMap<i32, (f64, u32)>,
    /// Reported running totals per day key.
    pub(super) totals: BTreeMap<i32, Vec<f64>>,
}

/// Per-province, per-metric sums kept in step with the document by [`RowObserver`].
#[derive(Clone, Debug, Default)]
pub struct Aggregates {
    pub(super) series: FxHashMap<(Place, Metric), MetricAgg>,
    /// Rows with a valid date per place and day (any row, with or without figures).
    pub(super) rows: FxHashMap<Place, BTreeMap<i32, u32>>,
    /// Rows that have figures but no valid date, so they are not charted.
    pub(super) undated_with_figures: usize,
    /// Totals rows with figures (`合计`, `Total`), left out of every sum.
    pub(super) totals_rows: usize,
    /// Notes under the table with figures (`注：…`), left out like totals rows.
    pub(super) note_rows: usize,
    /// Rows per place that are not totals rows, dated or not (places with none left out).
    pub(super) place_rows: FxHashMap<Place, usize>,
    /// Dated totals rows per day key (they count towards the date range only).
    pub(super) totals_days: BTreeMap<i32, u32>,
    pub(super) dirty: BTreeSet<(Place, Metric)>,
    pub(super) steps: FxHashMap<(Place, Metric), Vec<DayStep>>,
}

impl RowObserver for Aggregates {
    fn remove(&mut self, facts: &RowFacts) {
        self.update(facts, -1);
    }

    fn add(&mut self, facts: &RowFacts) {
        self.update(facts, 1);
    }
}

impl Aggregates {
    /// Aggregates of a whole document (the one full pass, on load): the rows are summed per
    /// province and day in dense per-year blocks, in parallel parts, then joined.
    pub fn build(doc: &Document) -> Self {
        let n = doc.len();
        let threads = std::thread::available_parallelism().map_or(1, |t| t.get().min(8));
        let parts = if n < 50_000 { 1 } else { threads };
        let partials: Vec<LoadSums> = if parts == 1 {
            vec![LoadSums::collect(doc, 0..n)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..parts)
                    .map(|i| {
                        let range = n * i / parts..n * (i + 1) / parts;
                        scope.spawn(move || LoadSums::collect(doc, range))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        Self::from_sums(partials)
    }

    /// Aggregates of a document whose rows were all added, once, to one of `partials` (in any
    /// order): what [`Aggregates::build`] gives.
    pub fn from_sums(partials: Vec<LoadSums>) -> Self {
        let mut agg = Aggregates::default();
        let mut blocks: BTreeMap<(Place, i32), Block> = BTreeMap::new();
        let mut totals: Vec<(Place, Metric, i32, f64)> = Vec::new();
        let mut place_rows = vec![0usize; Place::COUNT];
        for p in partials {
            agg.undated_with_figures += p.undated_with_figures;
            agg.totals_rows += p.totals_rows;
            agg.note_rows += p.note_rows;
            for (all, &n) in place_rows.iter_mut().zip(&p.place_rows) {
                *all += n as usize;
            }
            for day in p.totals_days {
                *agg.totals_days.entry(day).or_insert(0) += 1;
            }
            totals.extend(p.totals);
            let mut own: Vec<Option<Block>> = p.blocks.into_iter().map(Some).collect();
            for (key, i) in p.index {
                let Some(block) = own.get_mut(i).and_then(Option::take) else {
                    continue;
                };
                match blocks.get_mut(&key) {
                    Some(b) => b.add(&block),
                    None => {
                        blocks.insert(key, block);
                    }
                }
            }
        }
        agg.place_rows = place_rows
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(i, n)| (Place::from_index(i), n))
            .collect();
        // Blocks are in (place, year) order and slots in day order: each place's lists come out
        // in day order from one read of its blocks, and every map is built from sorted keys.
        let day_key =
            |year: i32, slot: usize| year * 10_000 + (slot / 32) as i32 * 100 + (slot % 32) as i32;
        let blocks: Vec<((Place, i32), Block)> = blocks.into_iter().collect();
        for run in blocks.chunk_by(|a, b| a.0.0 == b.0.0) {
            let place = run[0].0.0;
            let mut rows: Vec<(i32, u32)> = Vec::new();
            let mut events: [Vec<(i32, (f64, u32))>; 4] = Default::default();
            for ((_, year), block) in run {
                for (slot, s) in block.slots.iter().enumerate() {
                    if s.rows == 0 {
                        continue;
                    }
                    let key = day_key(*year, slot);
                    rows.push((key, s.rows));
                    for (m, list) in events.iter_mut().enumerate() {
                        if s.counts[m] > 0 {
                            list.push((key, (s.sums[m], s.counts[m])));
                        }
                    }
                }
            }
            if !rows.is_empty() {
                agg.rows.insert(place, rows.into_iter().collect());
            }
            for (m, list) in Metric::ALL.into_iter().zip(events) {
                if !list.is_empty() {
                    agg.series.entry((place, m)).or_default().events = list.into_iter().collect();
                }
            }
        }
        // Running totals, in (place, metric, day, value) order: each day's values listed together.
        totals.sort_unstable_by(|a, b| {
            (a.0, a.1.index(), a.2)
                .cmp(&(b.0, b.1.index(), b.2))
                .then(a.3.total_cmp(&b.3))
        });
        for run in totals.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let (place, m) = (run[0].0, run[0].1);
            let days = run
                .chunk_by(|a, b| a.2 == b.2)
                .map(|day| (day[0].2, day.iter().map(|t| t.3).collect::<Vec<f64>>()));
            agg.series.entry((place, m)).or_default().totals = days.collect();
        }
        // The day steps the views read, while on the loader's thread (rather than on the first
        // view).
        agg.steps = agg
            .series
            .iter()
            .map(|(&key, series)| (key, compute_steps(series)))
            .collect();
        agg
    }

    fn update(&mut self, facts: &RowFacts, sign: i32) {
        let has_figures = facts.has_figures();
        if facts.totals_row {
            if has_figures && facts.note_row {
                self.note_rows = self.note_rows.saturating_add_signed(sign as isize);
            } else if has_figures {
                self.totals_rows = self.totals_rows.saturating_add_signed(sign as isize);
            }
            if let Some(date) = facts.date {
                let c = self.totals_days.entry(date.day_key()).or_insert(0);
                *c = c.saturating_add_signed(sign);
                if *c == 0 {
                    self.totals_days.remove(&date.day_key());
                }
            }
            return;
        }
        let rows = self.place_rows.entry(facts.place).or_insert(0);
        *rows = rows.saturating_add_signed(sign as isize);
        if *rows == 0 {
            self.place_rows.remove(&facts.place);
        }
        let Some(date) = facts.date else {
            if has_figures {
                self.undated_with_figures = self
                    .undated_with_figures
                    .saturating_add_signed(sign as isize);
            }
            return;
        };
        let key = date.day_key();
        let counts = self.rows.entry(facts.place).or_default();
        let c = counts.entry(key).or_insert(0);
        *c = c.saturating_add_signed(sign);
        if *c == 0 {
            counts.remove(&key);
        }
        for m in Metric::ALL {
            let Some(v) = facts.values[m.index()] else {
                continue;
            };
            let agg = self.series.entry((facts.place, m)).or_default();
            match facts.basis {
                Basis::Event => {
                    let e = agg.events.entry(key).or_insert((0.0, 0));
                    e.1 = e.1.saturating_add_signed(sign);
                    e.0 += f64::from(sign) * v;
                    if e.1 == 0 {
                        agg.events.remove(&key);
                    }
                }
                Basis::RunningTotal => {
                    let list = agg.totals.entry(key).or_default();
                    if sign > 0 {
                        let pos = list.partition_point(|x| *x <= v);
                        list.insert(pos, v);
                    } else if let Some(pos) = list.iter().position(|x| *x == v) {
                        list.remove(pos);
                    }
                    if list.is_empty() {
                        agg.totals.remove(&key);
                    }
                }
            }
            self.dirty.insert((facts.place, m));
        }
    }

    /// Rows with figures but no valid date (not on the charts).
    pub fn undated_with_figures(&self) -> usize {
        self.undated_with_figures
    }

    /// Totals rows with figures, left out of every sum (they sum other rows).
    pub fn totals_rows(&self) -> usize {
        self.totals_rows
    }

    /// Notes under the table with figures, left out of every sum like totals rows.
    pub fn note_rows(&self) -> usize {
        self.note_rows
    }

    /// How many rows each place has, dated or not, in place order (totals rows are no place's:
    /// they are counted by [`Aggregates::totals_rows`]); places without rows are left out.
    pub fn rows_per_place(&self) -> BTreeMap<Place, usize> {
        self.place_rows.iter().map(|(&p, &n)| (p, n)).collect()
    }

    /// The first and last day keys of the dated rows, totals rows included.
    pub fn day_range(&self) -> Option<(i32, i32)> {
        let days = || self.rows.values().chain([&self.totals_days]);
        let first = days()
            .filter_map(|d| d.first_key_value())
            .map(|(&k, _)| k)
            .min()?;
        let last = days()
            .filter_map(|d| d.last_key_value())
            .map(|(&k, _)| k)
            .max()?;
        Some((first, last))
    }

    /// Places that have at least one dated row.
    pub fn places(&self) -> Vec<Place> {
        let mut v: Vec<Place> = self
            .rows
            .iter()
            .filter(|(_, m)| !m.is_empty())
            .map(|(p, _)| *p)
            .collect();
        v.sort();
        v
    }
}
