//! [`LoadSums`]: the sums one thread makes over its rows while a file is read (or over a range of
//! a document), in dense per-(province, year) day blocks; the reader's [`LoadSink`] for the
//! aggregates. Joining them into [`Aggregates`] is in [`super::aggregates`].

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Aggregates;
use crate::data::document::{Document, Metric, Place, RowFacts};
use crate::data::sink::LoadSink;
use crate::data::value::{Basis, EventDate};

/// Day slots of a year block: month 0–12 × day 0–31 (a day key's last four digits).
const SLOTS: usize = 13 * 32;

/// One day's sums in a year block: what one row touches, in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
pub(super) struct SlotSums {
    pub(super) sums: [f64; 4],
    pub(super) counts: [u32; 4],
    pub(super) rows: u32,
}

/// One province's sums for one year, by day: dense, so loading adds without looking anything up.
pub(super) struct Block {
    /// [`SLOTS`] slots, written in place on the heap (no block-sized copy on the stack).
    pub(super) slots: Box<[SlotSums]>,
}

impl Block {
    pub(super) fn new() -> Block {
        Block {
            slots: vec![SlotSums::default(); SLOTS].into_boxed_slice(),
        }
    }

    pub(super) fn add(&mut self, other: &Block) {
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
    pub(super) index: FxHashMap<(Place, i32), usize>,
    pub(super) blocks: Vec<Block>,
    pub(super) totals: Vec<(Place, Metric, i32, f64)>,
    pub(super) undated_with_figures: usize,
    pub(super) totals_rows: usize,
    /// Notes under the table with figures (left out like totals rows, counted apart).
    pub(super) note_rows: usize,
    /// Rows of each place that are not totals rows, dated or not, by [`Place::index`].
    pub(super) place_rows: Vec<u32>,
    /// The day keys of the dated totals rows (few: they only count towards the date range).
    pub(super) totals_days: Vec<i32>,
    /// Block of (place, year) for years 1900–2199 by direct index; other years by `index`.
    pub(super) dense: Vec<u32>,
}

impl Default for LoadSums {
    fn default() -> Self {
        LoadSums {
            index: FxHashMap::default(),
            blocks: Vec::new(),
            totals: Vec::new(),
            undated_with_figures: 0,
            totals_rows: 0,
            note_rows: 0,
            place_rows: vec![0; Place::COUNT],
            totals_days: Vec::new(),
            dense: vec![u32::MAX; 256 * 300],
        }
    }
}

/// Rows summed at a time by [`LoadSums::add_rows`].
const BATCH: usize = 32;

impl LoadSums {
    pub(super) fn collect(doc: &Document, range: std::ops::Range<usize>) -> LoadSums {
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
            if let Some(date) = facts.date
                && !facts.totals_row
            {
                *at = self.slot_of(facts.place, date);
                prefetch(&self.blocks[at.0 as usize].slots[usize::from(at.1)]);
            }
        }
        for (facts, &(b, slot)) in batch.iter().zip(&at) {
            // A totals row sums other rows: left out (counted only as left out).
            if facts.totals_row {
                let figures = usize::from(facts.has_figures());
                if facts.note_row {
                    self.note_rows += figures;
                } else {
                    self.totals_rows += figures;
                }
                if let Some(date) = facts.date {
                    self.totals_days.push(date.day_key());
                }
                continue;
            }
            self.place_rows[facts.place.index()] += 1;
            let Some(date) = facts.date else {
                if facts.has_figures() {
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

/// The aggregates are summed while a file is read: each part's rows into its own sums, joined
/// into [`Aggregates`] once the parts are read.
impl LoadSink for LoadSums {
    type Output = Aggregates;

    #[inline]
    fn add_rows(&mut self, doc: &Document, rows: Range<usize>) {
        LoadSums::add_rows(self, doc, rows);
    }

    fn join(parts: Vec<LoadSums>) -> Aggregates {
        Aggregates::from_sums(parts)
    }

    fn sum(doc: &Document) -> Aggregates {
        Aggregates::build(doc)
    }
}
