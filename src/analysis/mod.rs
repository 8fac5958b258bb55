//! Series and totals per province and period, kept up to date by edits.
//!
//! [`Aggregates`] observes the document: every edit removes the old facts of a row and adds the
//! new ones, touching only that row's province and day. Per-period and cumulative series are
//! derived from the per-day sums on demand and cached by document revision, so no frame ever
//! walks the rows.
//!
//! Running totals: a `running_total` row sets its province's cumulative level. Its increment is
//! the reported total minus the running sum so far, never negative. On the same day, events count
//! before running totals, and several running totals apply from the smallest up.

pub mod rows;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use chrono::{Datelike, NaiveDate};

use crate::data::document::{Document, Metric, Place, RowFacts, RowObserver};
use crate::data::gazetteer::NATIONAL;
use crate::data::value::{Basis, EventDate};

/// How events are grouped on the time axis.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    #[default]
    Quarter,
    /// Calendar years.
    Year,
}

impl Granularity {
    /// All choices, for selectors.
    pub const ALL: [Granularity; 3] = [Granularity::Month, Granularity::Quarter, Granularity::Year];

    /// Name shown in the selector.
    pub fn label(self) -> &'static str {
        match self {
            Granularity::Month => "Month",
            Granularity::Quarter => "Quarter",
            Granularity::Year => "Year",
        }
    }

    /// The period a day key (`yyyymmdd`) falls in, as a sequential index.
    pub fn period_of_key(self, day_key: i32) -> i32 {
        let year = day_key / 10_000;
        let month = (day_key / 100) % 100;
        match self {
            Granularity::Month => year * 12 + (month - 1),
            Granularity::Quarter => year * 4 + (month - 1) / 3,
            Granularity::Year => year,
        }
    }

    /// The period a date falls in (a month or year counts from its first day).
    pub fn period_of(self, date: EventDate) -> i32 {
        self.period_of_key(date.day_key())
    }

    /// First day of a period.
    pub fn start(self, period: i32) -> NaiveDate {
        let (year, month) = match self {
            Granularity::Month => (period.div_euclid(12), period.rem_euclid(12) + 1),
            Granularity::Quarter => (period.div_euclid(4), period.rem_euclid(4) * 3 + 1),
            Granularity::Year => (period, 1),
        };
        NaiveDate::from_ymd_opt(year, month as u32, 1).unwrap_or_default()
    }

    /// First day after a period.
    pub fn end(self, period: i32) -> NaiveDate {
        self.start(period + 1)
    }

    /// How a period is written: `2021-09`, `2021 Q3`, `2021`.
    pub fn period_label(self, period: i32) -> String {
        let start = self.start(period);
        match self {
            Granularity::Month => format!("{}-{:02}", start.year(), start.month()),
            Granularity::Quarter => format!("{} Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Granularity::Year => format!("{}", start.year()),
        }
    }
}

/// Days since 1970-01-01: the x coordinate of charts.
pub fn date_to_x(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date at an x coordinate of a chart.
pub fn x_to_date(x: f64) -> NaiveDate {
    let days = x.floor().clamp(-1e6, 1e6) as i32;
    NaiveDate::from_num_days_from_ce_opt(days + 719_163).unwrap_or_default()
}

#[derive(Clone, Debug, Default)]
struct MetricAgg {
    /// Sum and count of event figures per day key.
    events: BTreeMap<i32, (f64, u32)>,
    /// Reported running totals per day key.
    totals: BTreeMap<i32, Vec<f64>>,
}

/// Day slots of a year block: month 0–12 × day 0–31 (a day key's last four digits).
const SLOTS: usize = 13 * 32;

/// One day's sums in a year block: what one row touches, in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct SlotSums {
    sums: [f64; 4],
    counts: [u32; 4],
    rows: u32,
}

/// One province's sums for one year, by day: dense, so loading adds without looking anything up.
struct Block {
    /// [`SLOTS`] slots, written in place on the heap (no block-sized copy on the stack).
    slots: Box<[SlotSums]>,
}

impl Block {
    fn new() -> Block {
        Block {
            slots: vec![SlotSums::default(); SLOTS].into_boxed_slice(),
        }
    }

    fn add(&mut self, other: &Block) {
        for (a, b) in self.slots.iter_mut().zip(&other.slots) {
            for m in 0..4 {
                a.sums[m] += b.sums[m];
                a.counts[m] += b.counts[m];
            }
            a.rows += b.rows;
        }
    }
}

/// What one thread summed over its rows (a part of a file just read, or a range of a document):
/// dense per-(province, year) day blocks, joined by [`Aggregates::from_sums`].
pub struct LoadSums {
    index: FxHashMap<(Place, i32), usize>,
    blocks: Vec<Block>,
    totals: Vec<(Place, Metric, i32, f64)>,
    undated_with_figures: usize,
    /// Block of (place, year) for years 1900–2199 by direct index; other years by `index`.
    dense: Vec<u32>,
}

impl Default for LoadSums {
    fn default() -> Self {
        LoadSums {
            index: FxHashMap::default(),
            blocks: Vec::new(),
            totals: Vec::new(),
            undated_with_figures: 0,
            dense: vec![u32::MAX; 256 * 300],
        }
    }
}

/// Rows summed at a time by [`LoadSums::add_rows`].
const BATCH: usize = 32;

impl LoadSums {
    fn collect(doc: &Document, range: std::ops::Range<usize>) -> LoadSums {
        let mut p = LoadSums::default();
        p.add_rows(doc, range);
        p
    }

    /// Adds the facts of the document's rows in `range`, [`BATCH`] rows at a time: the day sums
    /// of a batch are asked of memory first, all at once, then added to. (They are spread over
    /// megabytes, so nearly every row's sums miss the cache; one by one, each miss stalls the
    /// loop.)
    pub fn add_rows(&mut self, doc: &Document, range: std::ops::Range<usize>) {
        let mut batch: Vec<RowFacts> = Vec::with_capacity(BATCH);
        doc.for_each_facts(range, |facts| {
            batch.push(facts);
            if batch.len() == BATCH {
                self.add_batch(&batch);
                batch.clear();
            }
        });
        self.add_batch(&batch);
    }

    fn add_batch(&mut self, batch: &[RowFacts]) {
        let mut at = [(0u32, 0u16); BATCH];
        for (facts, at) in batch.iter().zip(&mut at) {
            if let Some(date) = facts.date {
                *at = self.slot_of(facts.place, date);
                prefetch(&self.blocks[at.0 as usize].slots[usize::from(at.1)]);
            }
        }
        for (facts, &(b, slot)) in batch.iter().zip(&at) {
            let Some(date) = facts.date else {
                if facts.values.iter().any(Option::is_some) {
                    self.undated_with_figures += 1;
                }
                continue;
            };
            let s = &mut self.blocks[b as usize].slots[usize::from(slot)];
            s.rows += 1;
            match facts.basis {
                Basis::Event => {
                    // Without a branch per figure: whether a row has each is anyone's guess.
                    for (m, v) in facts.values.iter().enumerate() {
                        s.sums[m] += v.unwrap_or(0.0);
                        s.counts[m] += u32::from(v.is_some());
                    }
                }
                Basis::RunningTotal => {
                    for m in Metric::ALL {
                        if let Some(v) = facts.values[m.index()] {
                            self.totals.push((facts.place, m, date.day_key(), v));
                        }
                    }
                }
            }
        }
    }

    /// The block (of the place and year) and the slot (of the day) a dated row adds to, the block
    /// made when new.
    #[inline]
    fn slot_of(&mut self, place: Place, date: EventDate) -> (u32, u16) {
        let year = i32::from(date.year);
        // The day key's parts, without dividing it back apart.
        let slot = u16::from(date.month.max(1)) * 32 + u16::from(date.day.max(1));
        let place_index = match place {
            Place::Region(id) => usize::from(id),
            Place::Unknown => 255,
        };
        let direct = (1900..2200)
            .contains(&year)
            .then(|| place_index * 300 + (year - 1900) as usize);
        let b = match direct.map(|i| self.dense[i]) {
            Some(b) if b != u32::MAX => b,
            _ => {
                let next = self.blocks.len() as u32;
                let b = *self.index.entry((place, year)).or_insert(next as usize) as u32;
                if b == next {
                    self.blocks.push(Block::new());
                }
                if let Some(i) = direct {
                    self.dense[i] = b;
                }
                b
            }
        };
        (b, slot)
    }
}

/// Asks for the cache line of `slot`, to be written soon.
#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
#[inline(always)]
fn prefetch(slot: &SlotSums) {
    safe_arch::prefetch_et0(slot);
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
#[inline(always)]
fn prefetch(_slot: &SlotSums) {}

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

/// Per-province, per-metric sums kept in step with the document by [`RowObserver`].
#[derive(Clone, Debug, Default)]
pub struct Aggregates {
    series: FxHashMap<(Place, Metric), MetricAgg>,
    /// Rows with a valid date per place and day (any row, with or without figures).
    rows: FxHashMap<Place, BTreeMap<i32, u32>>,
    /// Rows that have figures but no valid date, so they are not charted.
    undated_with_figures: usize,
    dirty: BTreeSet<(Place, Metric)>,
    steps: FxHashMap<(Place, Metric), Vec<DayStep>>,
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
        for p in partials {
            agg.undated_with_figures += p.undated_with_figures;
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
        let has_figures = facts.values.iter().any(Option::is_some);
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

    /// The day-by-day steps of one series, running totals applied.
    pub fn steps(&mut self, place: Place, metric: Metric) -> &[DayStep] {
        let key = (place, metric);
        if self.dirty.remove(&key) || !self.steps.contains_key(&key) {
            let steps = self.series.get(&key).map(compute_steps).unwrap_or_default();
            self.steps.insert(key, steps);
        }
        self.steps.get(&key).map_or(&[], Vec::as_slice)
    }

    fn flush_dirty(&mut self) {
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

fn compute_steps(agg: &MetricAgg) -> Vec<DayStep> {
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

/// Formats a day key (`yyyymmdd`) as an ISO date.
pub fn day_key_label(key: i32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        key / 10_000,
        (key / 100) % 100,
        key % 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Column, Edit, Field};

    fn doc(rows: &[(&str, &str, &str, &str)]) -> Document {
        // (date, province, rigs, basis)
        let mut d = Document::new();
        for (date, province, rigs, basis) in rows {
            d.push_row([
                (Column::Field(Field::Date), *date),
                (Column::Field(Field::Province), *province),
                (Column::Field(Field::Rigs), *rigs),
                (Column::Field(Field::Basis), *basis),
            ]);
        }
        d
    }

    fn hebei() -> Place {
        Place::Region(
            crate::data::gazetteer::Gazetteer::get()
                .resolve("Hebei")
                .unwrap()
                .region,
        )
    }

    #[test]
    fn running_total_sets_level_never_negative() {
        let d = doc(&[
            ("2018-06-06", "Hebei", "855", "event"),
            ("2018-10", "Hebei", "3100", "event"),
            ("2019-05", "Hebei", "4", ""),
            ("2019-12-22", "Hebei", "6890", "running_total"),
            ("2020-01-05", "Hebei", "100", "event"),
            ("2020-02-01", "Hebei", "5000", "running_total"),
        ]);
        let mut agg = Aggregates::build(&d);
        let steps = agg.steps(hebei(), Metric::Rigs).to_vec();
        let incs: Vec<f64> = steps.iter().map(|s| s.increment).collect();
        assert_eq!(incs, vec![855.0, 3100.0, 4.0, 6890.0 - 3959.0, 100.0, 0.0]);
        assert_eq!(steps.last().unwrap().level, 6990.0);
        let view = agg.view(Granularity::Year, &Filter::default());
        assert_eq!(view.totals[Metric::Rigs.index()], 6990.0);
    }

    #[test]
    fn same_day_events_count_before_totals() {
        let d = doc(&[
            ("2021-09-27", "Hebei", "45", "running_total"),
            ("2021-09-27", "Hebei", "10", "event"),
        ]);
        let mut agg = Aggregates::build(&d);
        let steps = agg.steps(hebei(), Metric::Rigs);
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].increment, 45.0);
        assert_eq!(steps[0].rows, 2);
    }

    #[test]
    fn month_quarter_year_aggregation() {
        let d = doc(&[
            ("2021-01-15", "Hebei", "1", ""),
            ("2021-02", "Hebei", "2", ""),
            ("2021-04-01", "Hebei", "4", ""),
            ("2021", "Hebei", "8", ""),
            ("2022-12-31", "Hebei", "16", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let pts = |agg: &mut Aggregates, g: Granularity| -> Vec<(String, f64, u32)> {
            let v = agg.view(g, &Filter::default());
            v.chart(Metric::Rigs).unwrap().series[0]
                .points
                .iter()
                .map(|p| (g.period_label(p.period), p.value, p.rows))
                .collect()
        };
        assert_eq!(
            pts(&mut agg, Granularity::Month),
            vec![
                ("2021-01".into(), 9.0, 2),
                ("2021-02".into(), 2.0, 1),
                ("2021-04".into(), 4.0, 1),
                ("2022-12".into(), 16.0, 1)
            ]
        );
        assert_eq!(
            pts(&mut agg, Granularity::Quarter),
            vec![
                ("2021 Q1".into(), 11.0, 3),
                ("2021 Q2".into(), 4.0, 1),
                ("2022 Q4".into(), 16.0, 1)
            ]
        );
        assert_eq!(
            pts(&mut agg, Granularity::Year),
            vec![("2021".into(), 15.0, 4), ("2022".into(), 16.0, 1)]
        );
        // Levels are cumulative.
        let v = agg.view(Granularity::Year, &Filter::default());
        let levels: Vec<f64> = v.chart(Metric::Rigs).unwrap().series[0]
            .points
            .iter()
            .map(|p| p.level)
            .collect();
        assert_eq!(levels, vec![15.0, 31.0]);
    }

    #[test]
    fn edits_update_aggregates_incrementally() {
        let mut d = doc(&[
            ("2021-09-27", "Inner Mongolia", "10100", ""),
            ("2021-06", "Hebei", "5", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let edit = Edit::SetCell {
            row: 0,
            column: Column::Field(Field::Rigs),
            text: "20100".into(),
        };
        d.apply(&edit, &mut agg).unwrap();
        let v = agg.view(Granularity::Month, &Filter::default());
        assert_eq!(v.totals[Metric::Rigs.index()], 20105.0);
        assert_eq!(
            agg.view(Granularity::Month, &Filter::default()),
            Aggregates::build(&d).view(Granularity::Month, &Filter::default())
        );
        d.apply(&Edit::DeleteRow { at: 1 }, &mut agg).unwrap();
        assert_eq!(
            agg.view(Granularity::Year, &Filter::default()).totals[Metric::Rigs.index()],
            20100.0
        );
    }

    #[test]
    fn filters_hide_places_and_dates() {
        let d = doc(&[
            ("2021-09-27", "Inner Mongolia", "10100", ""),
            ("2019-06", "Hebei", "5", ""),
        ]);
        let mut agg = Aggregates::build(&d);
        let mut f = Filter::default();
        f.hidden.insert(hebei());
        let v = agg.view(Granularity::Month, &f);
        assert_eq!(v.totals[Metric::Rigs.index()], 10100.0);
        assert_eq!(v.provinces, 1);
        let f = Filter {
            from: Some(2019_01_01),
            to: Some(2019_12_31),
            ..Default::default()
        };
        let v = agg.view(Granularity::Month, &f);
        assert_eq!(v.totals[Metric::Rigs.index()], 5.0);
        assert_eq!(v.first_day, Some(2019_06_01));
    }

    #[test]
    fn period_arithmetic() {
        let g = Granularity::Quarter;
        let p = g.period_of(EventDate::ymd(2021, 9, 27).unwrap());
        assert_eq!(g.start(p), NaiveDate::from_ymd_opt(2021, 7, 1).unwrap());
        assert_eq!(g.end(p), NaiveDate::from_ymd_opt(2021, 10, 1).unwrap());
        assert_eq!(
            x_to_date(date_to_x(NaiveDate::from_ymd_opt(2021, 9, 27).unwrap())),
            NaiveDate::from_ymd_opt(2021, 9, 27).unwrap()
        );
        assert_eq!(date_to_x(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0.0);
    }
}
