//! The document: every reported event, stored column by column, and the edit commands that are
//! the only way to change it.
//!
//! Storage is built for a million rows: one vector per column, repeated strings interned to a
//! 4-byte symbol, figures stored as `f64` with empty and unparsed cells encoded in NaN payloads.
//! A cell that does not parse keeps its text exactly as typed; its reason is derived again from
//! that text whenever it is asked for, so nothing else has to be stored.

use std::borrow::Cow;
use std::collections::HashMap;

use super::figure::{self, MarkerSide, Quantity};
use super::gazetteer::{Gazetteer, NATIONAL, RegionId};
use super::value::{self, Basis, DateOrder, EventDate};

/// A field the app understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Day, month or year of the event.
    Date,
    /// Provincial-level division, or `National`.
    Province,
    /// City, county or area (optional).
    City,
    /// What happened (free text).
    Action,
    /// Mining projects shut down.
    Projects,
    /// Mining rigs seized.
    Rigs,
    /// Electricity saved, kWh.
    Kwh,
    /// Coal saved, tonnes.
    Coal,
    /// `event` or `running_total`.
    Basis,
    /// Where the figures come from.
    Source,
    /// Caveats and other figures.
    Notes,
}

impl Field {
    /// All fields in their canonical column order.
    pub const ALL: [Field; 11] = [
        Field::Date,
        Field::Province,
        Field::City,
        Field::Action,
        Field::Projects,
        Field::Rigs,
        Field::Kwh,
        Field::Coal,
        Field::Basis,
        Field::Source,
        Field::Notes,
    ];

    /// The column name written to files.
    pub fn key(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Province => "province",
            Field::City => "city",
            Field::Action => "action",
            Field::Projects => "projects_shut_down",
            Field::Rigs => "rigs_seized",
            Field::Kwh => "electricity_saved_kwh",
            Field::Coal => "coal_saved_tonnes",
            Field::Basis => "basis",
            Field::Source => "source",
            Field::Notes => "notes",
        }
    }

    /// The column title shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Field::Date => "Date",
            Field::Province => "Province",
            Field::City => "City",
            Field::Action => "Action",
            Field::Projects => "Projects shut down",
            Field::Rigs => "Rigs seized",
            Field::Kwh => "Electricity saved (kWh)",
            Field::Coal => "Coal saved (t)",
            Field::Basis => "Basis",
            Field::Source => "Source",
            Field::Notes => "Notes",
        }
    }

    /// The metric this field holds, if it is a figure.
    pub fn metric(self) -> Option<Metric> {
        match self {
            Field::Projects => Some(Metric::Projects),
            Field::Rigs => Some(Metric::Rigs),
            Field::Kwh => Some(Metric::Kwh),
            Field::Coal => Some(Metric::Coal),
            _ => None,
        }
    }
}

/// A figure that is charted and summed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    /// Mining projects shut down.
    Projects,
    /// Mining rigs seized.
    Rigs,
    /// Electricity saved, kWh.
    Kwh,
    /// Coal saved, tonnes.
    Coal,
}

impl Metric {
    /// All metrics in display order.
    pub const ALL: [Metric; 4] = [Metric::Projects, Metric::Rigs, Metric::Kwh, Metric::Coal];

    /// Index 0..4.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The field holding this metric.
    pub fn field(self) -> Field {
        match self {
            Metric::Projects => Field::Projects,
            Metric::Rigs => Field::Rigs,
            Metric::Kwh => Field::Kwh,
            Metric::Coal => Field::Coal,
        }
    }

    /// Chart and card title.
    pub fn title(self) -> &'static str {
        match self {
            Metric::Projects => "Projects shut down",
            Metric::Rigs => "Rigs seized",
            Metric::Kwh => "Electricity saved",
            Metric::Coal => "Coal saved",
        }
    }

    /// What the figures count, which decides their units.
    pub fn quantity(self) -> Quantity {
        match self {
            Metric::Projects | Metric::Rigs => Quantity::Count,
            Metric::Kwh => Quantity::Energy,
            Metric::Coal => Quantity::Mass,
        }
    }

    /// A value with its unit, for cards and tooltips.
    pub fn format(self, value: f64) -> String {
        match self {
            Metric::Projects | Metric::Rigs => value::group_thousands(value, 0),
            Metric::Kwh => value::format_kwh(value),
            Metric::Coal => value::format_tonnes(value),
        }
    }
}

/// A column of the document: a known field or one the app does not know (kept as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// A field the app understands.
    Field(Field),
    /// An extra column, by index into [`Document::extra_names`].
    Extra(usize),
}

/// Interned string handle.
pub type Sym = u32;

/// The empty string's symbol.
pub const EMPTY: Sym = 0;

/// Interns repeated strings (provinces, cities, sources, actions) so each is stored once: all
/// text in one arena, a table of spans, and a hash table of symbols (no allocation per string).
#[derive(Clone, Debug)]
pub struct Interner {
    arena: String,
    /// Where each string ends in `arena` (a string starts where the previous one ends).
    ends: Ends,
    /// Each string's 31-bit hash, so growing the table and joining interners (the parts of a
    /// file read in parallel) need not read and hash the strings again.
    hashes: Vec<u32>,
    table: hashbrown::HashTable<Sym>,
    /// Strings interned lately, by a hash of their length and end words: a file's repeated
    /// cells (provinces, actions, sources) are found here without probing the table.
    recent: Vec<Recent>,
    /// Free text stored lately, by its hash: a note repeated close by is stored once.
    recent_free: Vec<Sym>,
}

/// End offsets of the interned strings, 4 bytes each: the offset modulo 2³², and the symbols at
/// which the arena passed another 4 GiB (none in practice; one entry per boundary passed).
#[derive(Clone, Debug)]
struct Ends {
    low: Vec<u32>,
    wraps: Vec<Sym>,
}

impl Ends {
    fn len(&self) -> usize {
        self.low.len()
    }

    /// The end offset of string `i`.
    #[inline(always)]
    fn end(&self, i: usize) -> usize {
        let low = self.low[i] as usize;
        if self.wraps.is_empty() {
            low
        } else {
            self.end_past_4g(i, low)
        }
    }

    #[cold]
    #[inline(never)]
    fn end_past_4g(&self, i: usize, low: usize) -> usize {
        let high = self.wraps.partition_point(|&w| w as usize <= i) as u64;
        (low as u64 + (high << 32)) as usize
    }

    /// The byte range of string `i`.
    #[inline(always)]
    fn range(&self, i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        start..self.end(i)
    }

    /// Adds a string that ends at `end` (after the last one's end).
    fn push(&mut self, end: usize) {
        let before = if self.low.is_empty() {
            0
        } else {
            self.end(self.low.len() - 1) as u64
        };
        let sym = self.low.len() as Sym;
        for _ in (before >> 32)..((end as u64) >> 32) {
            self.wraps.push(sym);
        }
        self.low.push(end as u32);
    }
}

/// A string interned lately: its length, its first and last 8 bytes (zero-padded), its symbol.
/// Strings of up to 16 bytes are wholly described by these, longer ones are compared in full.
#[derive(Clone, Copy, Debug, Default)]
struct Recent {
    first: u64,
    last: u64,
    len: u32,
    sym: Sym,
}

/// Entries of [`Interner::recent`] (a power of two).
const RECENT: usize = 4096;

/// Whether two strings of the same length and the same end words (see [`end_words`]) are equal:
/// up to 16 bytes they are; up to 32 two more words decide, without a call to `memcmp`.
fn same_middle(a: &[u8], b: &[u8]) -> bool {
    let n = b.len();
    if a.len() != n {
        return false;
    }
    if n <= 16 {
        return true;
    }
    if n <= 32 {
        let word = |s: &[u8], at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&s[at..at + 8]);
            u64::from_le_bytes(w)
        };
        return word(a, 8) == word(b, 8) && word(a, n - 16) == word(b, n - 16);
    }
    a == b
}

/// A string's first and last 8 bytes, zero-padded when shorter.
fn end_words(b: &[u8]) -> (u64, u64) {
    let word = |w: &[u8]| {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        u64::from_le_bytes(a)
    };
    let n = b.len();
    if n >= 8 {
        (word(&b[..8]), word(&b[n - 8..]))
    } else {
        let mut a = [0u8; 8];
        for (x, y) in a.iter_mut().zip(b) {
            *x = *y;
        }
        (u64::from_le_bytes(a), 0)
    }
}

impl Default for Interner {
    fn default() -> Self {
        // Symbol 0 is the empty string (`EMPTY`), which `intern` returns without a lookup.
        Interner {
            arena: String::new(),
            ends: Ends {
                low: vec![0],
                wraps: Vec::new(),
            },
            hashes: vec![0],
            table: hashbrown::HashTable::new(),
            recent: Vec::new(),
            recent_free: Vec::new(),
        }
    }
}

/// The bytes of a symbol in an interner's arena (compared as bytes: the arena holds whole
/// strings, so no character boundary checks are needed).
#[inline(always)]
fn bytes_of<'a>(arena: &'a str, ends: &Ends, sym: Sym) -> &'a [u8] {
    arena
        .as_bytes()
        .get(ends.range(sym as usize))
        .unwrap_or_default()
}

/// The table's 64-bit hash of a string's stored 31-bit hash (the multiply spreads it over the
/// bits the table uses for buckets and tags).
#[inline]
fn table_hash(h: u32) -> u64 {
    u64::from(h).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A hash of a string for the interner: the short strings of a file's cells (provinces,
/// actions, dates kept as text) take two overlapping 8-byte words and one multiply-and-fold,
/// longer ones 8 bytes a step.
fn hash_str(b: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = b.len();
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let mix = |h: u64, w: u64| {
        let m = u128::from(h ^ w) * u128::from(K);
        (m as u64) ^ ((m >> 64) as u64)
    };
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            h = mix(h, word(at));
            at += 8;
        }
        h = mix(h, word(n - 8));
    } else if n >= 4 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[..4]);
        let lo = u32::from_le_bytes(w);
        w.copy_from_slice(&b[n - 4..]);
        h = mix(h, u64::from(lo) | u64::from(u32::from_le_bytes(w)) << 32);
    } else if n > 0 {
        h = mix(
            h,
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
        );
    }
    mix(h, K)
}

/// The 31-bit hash the interner keeps per string (its top bit is [`FREE`]).
fn hash32(b: &[u8]) -> u32 {
    (hash_str(b) >> 33) as u32
}

/// Marks the stored hash of a string kept as free text (see [`Interner::intern_free_text`]):
/// one that is not in the table.
const FREE: u32 = 1 << 31;

/// Entries of [`Interner::recent_free`].
const RECENT_FREE: usize = 256;

impl Interner {
    fn span(&self, sym: Sym) -> &str {
        &self.arena[self.ends.range(sym as usize)]
    }

    /// The symbol for `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> Sym {
        if s.is_empty() {
            return EMPTY;
        }
        let b = s.as_bytes();
        let (first, last) = end_words(b);
        let slot = ((first ^ last.rotate_left(29) ^ b.len() as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            >> (64 - RECENT.trailing_zeros())) as usize;
        if let Some(r) = self.recent.get(slot)
            && r.len as usize == b.len()
            && r.first == first
            && r.last == last
            && same_middle(bytes_of(&self.arena, &self.ends, r.sym), b)
        {
            return r.sym;
        }
        let sym = self.intern_hashed(s, hash32(b));
        let recent = &mut self.recent;
        if recent.is_empty() {
            recent.resize(RECENT, Recent::default());
        }
        recent[slot] = Recent {
            first,
            last,
            len: b.len() as u32,
            sym,
        };
        sym
    }

    /// For free text that seldom repeats (notes): stored without a place in the table, so
    /// neither reading nor joining the parts of a file probes the table for each of a million
    /// distinct notes. A note repeated while it is still in a small cache of recent notes
    /// ([`RECENT_FREE`] entries, by hash) is stored once; otherwise equal notes may hold
    /// different symbols (compare their texts, or their [`Interner::content_hash`]).
    pub fn intern_free_text(&mut self, s: &str) -> Sym {
        if s.is_empty() {
            return EMPTY;
        }
        let b = s.as_bytes();
        let h = hash32(b);
        let slot = h as usize % RECENT_FREE;
        if let Some(&sym) = self.recent_free.get(slot)
            && sym != EMPTY
            && self.hashes.get(sym as usize) == Some(&(h | FREE))
            && bytes_of(&self.arena, &self.ends, sym) == b
        {
            return sym;
        }
        let sym = self.push_string(s, h | FREE);
        if self.recent_free.is_empty() {
            self.recent_free.resize(RECENT_FREE, EMPTY);
        }
        self.recent_free[slot] = sym;
        sym
    }

    /// Adds `s` under the next symbol with its stored hash `h` (not to the table).
    fn push_string(&mut self, s: &str, h: u32) -> Sym {
        let sym = self.ends.len() as Sym;
        self.arena.push_str(s);
        self.ends.push(self.arena.len());
        self.hashes.push(h);
        sym
    }

    /// A 31-bit hash of a symbol's text: equal texts hash the same, whether stored as free text
    /// or not.
    pub fn content_hash(&self, sym: Sym) -> u32 {
        self.hashes.get(sym as usize).map_or(0, |h| h & !FREE)
    }

    /// The symbol for `s`, whose stored hash is `h`, adding it to the table when new (past the
    /// recent cache).
    fn intern_hashed(&mut self, s: &str, h: u32) -> Sym {
        let b = s.as_bytes();
        let (arena, ends) = (&self.arena, &self.ends);
        if let Some(&sym) = self
            .table
            .find(table_hash(h), |&sym| bytes_of(arena, ends, sym) == b)
        {
            return sym;
        }
        let sym = self.push_string(s, h);
        let hashes = &self.hashes;
        self.table
            .insert_unique(table_hash(h), sym, |&sym| table_hash(hashes[sym as usize]));
        sym
    }

    /// Interns every string of `other` (another part of the same file) and returns the symbol
    /// here of each of its symbols: their hashes are reused, the table grows once, and free
    /// text is appended as it is.
    pub fn absorb(&mut self, other: &Interner) -> Vec<Sym> {
        let hashes = &self.hashes;
        let indexed = other.hashes.iter().filter(|&&h| h & FREE == 0).count();
        self.table
            .reserve(indexed, |&sym| table_hash(hashes[sym as usize]));
        self.arena.reserve(other.arena.len());
        self.ends.low.reserve(other.len());
        self.hashes.reserve(other.len());
        let mut map = Vec::with_capacity(other.len());
        map.push(EMPTY);
        for sym in 1..other.len() {
            let (text, h) = (other.span(sym as Sym), other.hashes[sym]);
            map.push(if h & FREE != 0 {
                self.push_string(text, h)
            } else {
                self.intern_hashed(text, h)
            });
        }
        map
    }

    /// The text of a symbol.
    pub fn resolve(&self, sym: Sym) -> &str {
        if (sym as usize) < self.ends.len() {
            self.span(sym)
        } else {
            ""
        }
    }

    /// How many distinct strings are stored.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when only the empty string is stored.
    pub fn is_empty(&self) -> bool {
        self.ends.len() <= 1
    }

    /// Bytes held (text, spans and table), for memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.low.capacity() * std::mem::size_of::<u32>()
            + self.ends.wraps.capacity() * std::mem::size_of::<Sym>()
            + self.hashes.capacity() * std::mem::size_of::<u32>()
            + self.table.capacity() * (std::mem::size_of::<Sym>() + 1)
            + self.recent.capacity() * std::mem::size_of::<Recent>()
            + self.recent_free.capacity() * std::mem::size_of::<Sym>()
    }

    /// Every string, in symbol order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len() as Sym).map(|s| self.span(s))
    }
}

/// A figure cell packed in 8 bytes: a finite value, empty, or the symbol of unparsed text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumCell(u64);

const NAN_TAG: u64 = 0x7ff8_0000_0000_0000;
const EMPTY_BITS: u64 = NAN_TAG | (1 << 48);
const INVALID_TAG: u64 = NAN_TAG | (2 << 48);
const APPROX_TAG: u64 = NAN_TAG | (3 << 48);

/// What a figure cell holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// Nothing reported.
    Empty,
    /// A parsed figure.
    Value(f64),
    /// Text that did not parse, kept as typed.
    Invalid(Sym),
    /// An approximate figure ("about 10,000"): index into the document's approximate values.
    Approx(u32),
}

impl NumCell {
    /// An empty cell.
    pub const EMPTY: NumCell = NumCell(EMPTY_BITS);

    fn pack(n: Num) -> NumCell {
        match n {
            Num::Empty => NumCell::EMPTY,
            Num::Value(v) if v.is_finite() => NumCell(v.to_bits()),
            Num::Value(_) => NumCell::EMPTY,
            Num::Invalid(sym) => NumCell(INVALID_TAG | u64::from(sym)),
            Num::Approx(i) => NumCell(APPROX_TAG | u64::from(i)),
        }
    }

    fn unpack(self) -> Num {
        let v = f64::from_bits(self.0);
        if !v.is_nan() {
            Num::Value(v)
        } else if self.0 & !0xffff_ffff == INVALID_TAG {
            Num::Invalid((self.0 & 0xffff_ffff) as Sym)
        } else if self.0 & !0xffff_ffff == APPROX_TAG {
            Num::Approx((self.0 & 0xffff_ffff) as u32)
        } else {
            Num::Empty
        }
    }
}

/// A figure column in 4 bytes a cell: whole non-negative numbers below 2³¹ (nearly every count)
/// inline, anything else (fractions, large or negative values, kept text, approximate figures)
/// as an index into a side table of [`NumCell`]s.
#[derive(Clone, Debug, Default)]
struct NumCol {
    cells: Vec<u32>,
    side: Vec<NumCell>,
}

const NUM_EMPTY: u32 = u32::MAX;
const NUM_SIDE: u32 = 1 << 31;

impl NumCol {
    fn get(&self, row: usize) -> Num {
        self.cells.get(row).map_or(Num::Empty, |&c| self.num(c))
    }

    /// What a stored cell holds: a whole number inline, anything else in the side table.
    #[inline]
    fn num(&self, cell: u32) -> Num {
        if cell & NUM_SIDE == 0 {
            Num::Value(f64::from(cell))
        } else if cell == NUM_EMPTY {
            Num::Empty
        } else {
            self.side
                .get((cell & !NUM_SIDE) as usize)
                .map_or(Num::Empty, |n| n.unpack())
        }
    }

    fn encode(&mut self, n: Num, reuse: Option<u32>) -> u32 {
        if let Num::Value(v) = n
            && v >= 0.0
            && v < f64::from(NUM_SIDE)
            && (v as u32 as f64).to_bits() == v.to_bits()
        {
            return v as u32;
        }
        if n == Num::Empty || matches!(n, Num::Value(v) if !v.is_finite()) {
            return NUM_EMPTY;
        }
        let cell = NumCell::pack(n);
        match reuse {
            Some(c) if c != NUM_EMPTY && c & NUM_SIDE != 0 => {
                self.side[(c & !NUM_SIDE) as usize] = cell;
                c
            }
            _ => {
                self.side.push(cell);
                NUM_SIDE | (self.side.len() - 1) as u32
            }
        }
    }

    fn set(&mut self, row: usize, n: Num) {
        let old = self.cells[row];
        self.cells[row] = self.encode(n, Some(old));
    }

    fn heap_bytes(&self) -> usize {
        self.cells.capacity() * 4 + self.side.capacity() * 8
    }
}

/// A date cell: empty, a date, or text kept as typed. Kept text is read again with the
/// document's day/month order whenever it is asked for, so choosing the order for an
/// ambiguous column (`03/04/2021`) turns those cells into dates and undoing it turns them back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DateCell {
    /// No date.
    Empty,
    /// A parsed date.
    Valid(EventDate),
    /// Text that did not parse on its own (invalid, or ambiguous without a date order).
    Invalid(Sym),
}

/// A basis cell: a basis, or unparsed text (which counts as an event).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BasisCell {
    /// A parsed basis.
    Valid(Basis),
    /// Text that did not parse, kept as typed.
    Invalid(Sym),
}

/// Where a row's figures are charted: a region, or "unknown province" when the cell names none.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Place {
    /// A region of the gazetteer.
    Region(RegionId),
    /// The province cell is empty or names no known province.
    Unknown,
}

/// The row's figures as the analysis sees them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RowFacts {
    /// Where the figures belong.
    pub place: Place,
    /// When, if the date parsed.
    pub date: Option<EventDate>,
    /// Event or running total.
    pub basis: Basis,
    /// Parsed figures per [`Metric`], `None` when empty or unparsed.
    pub values: [Option<f64>; 4],
}

/// A change to the document. Applying one returns its inverse, which is what undo replays.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Set one cell from text, parsed as if typed.
    SetCell {
        /// Row index.
        row: usize,
        /// Column.
        column: Column,
        /// The new text.
        text: String,
    },
    /// Insert a row at `at` with the given cell texts (missing columns empty).
    InsertRow {
        /// Index the new row gets.
        at: usize,
        /// Cell texts.
        cells: Vec<(Column, String)>,
    },
    /// Delete the row at `at`.
    DeleteRow {
        /// Row index.
        at: usize,
    },
    /// Read numeric dates such as `03/04/2021` in this order.
    SetDateOrder {
        /// The order.
        order: DateOrder,
    },
    /// Several edits that undo and redo as one (a paste, clearing a range).
    Batch {
        /// What the user did ("paste of 6 cells").
        label: String,
        /// The edits, applied in order.
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// A short description for menus ("edit of rigs seized in row 12").
    pub fn describe(&self, doc: &Document) -> String {
        match self {
            Edit::SetCell { row, column, .. } => {
                format!(
                    "edit of {} in row {}",
                    doc.column_title(*column).to_lowercase(),
                    row + 1
                )
            }
            Edit::InsertRow { at, .. } => format!("insertion of row {}", at + 1),
            Edit::DeleteRow { at } => format!("deletion of row {}", at + 1),
            Edit::SetDateOrder { order } => format!("date order {}", order.label()),
            Edit::Batch { label, .. } => label.clone(),
        }
    }
}

/// Why an edit could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Something a user should check: a cell that did not parse or a duplicated row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Row index (0-based).
    pub row: usize,
    /// The cell's column, or `None` for the whole row (duplicates).
    pub column: Option<Column>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Listens to row changes so derived data (aggregates) can follow edits incrementally.
pub trait RowObserver {
    /// A row's facts are about to leave the document (edit or deletion).
    fn remove(&mut self, facts: &RowFacts);
    /// A row's facts entered the document (edit or insertion).
    fn add(&mut self, facts: &RowFacts);
}

/// The value of a cell of 1 to `max_len` plain ASCII digits.
fn plain_digits(text: &str, max_len: usize) -> Option<u64> {
    let b = text.as_bytes();
    if b.is_empty() || b.len() > max_len {
        return None;
    }
    b.iter().try_fold(0u64, |v, &c| {
        c.is_ascii_digit().then(|| v * 10 + u64::from(c - b'0'))
    })
}

/// The value of a cell of plain ASCII digits (at most 15, so the value is exact).
fn plain_count(text: &str) -> Option<f64> {
    plain_digits(text, 15).map(|v| v as f64)
}

/// A cell of plain ASCII digits below a billion, as a figure column stores it inline.
fn plain_u32(text: &str) -> Option<u32> {
    plain_digits(text, 9).map(|v| v as u32)
}

/// A cell without byte-order marks at its ends (cheap when there are none).
fn strip_bom(mut text: &str) -> &str {
    let b = text.as_bytes();
    if b.first() != Some(&0xEF) && b.last() != Some(&0xBF) {
        return text;
    }
    while let Some(t) = text.strip_prefix('\u{feff}') {
        text = t;
    }
    while let Some(t) = text.strip_suffix('\u{feff}') {
        text = t;
    }
    text
}

/// Runs `$body` with `$v` bound to each vector that holds one entry per row: every column's
/// cells, the rows' places and each extra column (so no column is forgotten when rows are
/// reserved, removed or shrunk).
macro_rules! each_row_vec {
    ($doc:expr, |$v:ident| $body:expr) => {{
        let doc = &mut *$doc;
        {
            let $v = &mut doc.date;
            $body;
        }
        {
            let $v = &mut doc.place;
            $body;
        }
        for $v in [
            &mut doc.province,
            &mut doc.city,
            &mut doc.action,
            &mut doc.source,
            &mut doc.notes,
        ] {
            $body;
        }
        for $v in doc.extras.iter_mut() {
            $body;
        }
        for f in doc.figures.iter_mut() {
            let $v = &mut f.cells;
            $body;
        }
        {
            let $v = &mut doc.basis;
            $body;
        }
    }};
}

/// All rows of an event file, column by column.
#[derive(Clone, Debug, Default)]
pub struct Document {
    strings: Interner,
    /// Column order as in the file (known fields not in the file are appended).
    columns: Vec<Column>,
    extra_names: Vec<String>,
    len: usize,
    date: Vec<DateCell>,
    province: Vec<Sym>,
    place: Vec<Place>,
    city: Vec<Sym>,
    action: Vec<Sym>,
    figures: [NumCol; 4],
    basis: Vec<BasisCell>,
    source: Vec<Sym>,
    notes: Vec<Sym>,
    extras: Vec<Vec<Sym>>,
    revision: u64,
    /// Approximate figures, referenced by [`Num::Approx`]: value and the marker as typed.
    approx: Vec<(f64, MarkerSide, Sym)>,
    /// Header names as written in the file, for known columns whose name differs from the key.
    headers: HashMap<Column, String>,
    /// Unit of each figure column as a power of ten of the canonical unit (from its header).
    pow10: [i32; 4],
    /// How numeric day/month dates are read.
    date_order: DateOrder,
    /// Votes from unambiguous numeric dates seen while loading: day-first, month-first.
    date_votes: [u32; 2],
    /// Where a (province, city) text pair is charted: resolved once per distinct pair.
    place_cache: rustc_hash::FxHashMap<(Sym, Sym), Place>,
    /// Where a row with this province symbol and no city is charted (by symbol).
    place_by_province: Vec<Option<Place>>,
    /// Whether a date or basis cell has ever held text that did not parse (set when one is
    /// read, never cleared): when not, loading need not look through those columns for text.
    text_in_dates_or_bases: bool,
}

impl Document {
    /// An empty document with every known column.
    pub fn new() -> Self {
        Self::with_columns(
            Field::ALL.iter().map(|f| Column::Field(*f)).collect(),
            Vec::new(),
        )
    }

    /// An empty document with the given column order and extra column names. Known fields missing
    /// from `columns` are appended so every field has a column.
    pub fn with_columns(mut columns: Vec<Column>, extra_names: Vec<String>) -> Self {
        for f in Field::ALL {
            if !columns.contains(&Column::Field(f)) {
                columns.push(Column::Field(f));
            }
        }
        let extras = vec![Vec::new(); extra_names.len()];
        Document {
            columns,
            extra_names,
            extras,
            ..Default::default()
        }
    }

    /// Adds an empty extra column at the end (for rows wider than their file's header).
    pub fn add_extra_column(&mut self, name: String) -> Column {
        let column = Column::Extra(self.extra_names.len());
        self.extra_names.push(name);
        self.extras.push(vec![EMPTY; self.len]);
        self.columns.push(column);
        self.revision += 1;
        column
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Counter bumped by every change; caches compare it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Columns in display and save order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Names of the columns the app does not know.
    pub fn extra_names(&self) -> &[String] {
        &self.extra_names
    }

    /// The name a column is saved under.
    pub fn column_key(&self, column: Column) -> &str {
        match column {
            Column::Field(f) => f.key(),
            Column::Extra(i) => self.extra_names.get(i).map_or("", String::as_str),
        }
    }

    /// The title a column is shown under.
    pub fn column_title(&self, column: Column) -> &str {
        match column {
            Column::Field(f) => f.title(),
            Column::Extra(i) => self.extra_names.get(i).map_or("", String::as_str),
        }
    }

    /// Appends a row from a file's cell texts: figures are read in their column's unit (from its
    /// header), and unambiguous numeric dates vote on the column's day/month order.
    pub fn push_row<'a>(&mut self, cells: impl IntoIterator<Item = (Column, &'a str)>) {
        let (columns, texts): (Vec<Column>, Vec<&str>) = cells.into_iter().unzip();
        self.push_record(&columns, &texts);
    }

    /// As [`Document::push_row`], for a loader: `cells[i]` is the text of `columns[i]` (cells
    /// past the end of either are empty). Each cell is read once into the row's values, which
    /// are then pushed onto the columns, so a million rows load without a second pass.
    pub fn push_record(&mut self, columns: &[Column], cells: &[&str]) {
        let at = self.len;
        let mut date = DateCell::Empty;
        let [mut province, mut city, mut action, mut source, mut notes] = [EMPTY; 5];
        let mut figures = [NUM_EMPTY; 4];
        let mut basis = BasisCell::Valid(Basis::Event);
        for e in &mut self.extras {
            e.push(EMPTY);
        }
        for (&column, &text) in columns.iter().zip(cells) {
            // Empty cells are what the new row already holds.
            if text.is_empty() {
                continue;
            }
            let text = strip_bom(text);
            match column {
                Column::Field(Field::Date) => date = self.read_date(text),
                Column::Field(Field::Province) => province = self.intern_place(text),
                Column::Field(Field::City) => city = self.intern_place(text),
                Column::Field(Field::Action) => action = self.strings.intern(text),
                Column::Field(Field::Source) => source = self.strings.intern(text),
                Column::Field(Field::Notes) => notes = self.strings.intern_free_text(text),
                Column::Field(Field::Basis) => basis = self.read_basis(text),
                Column::Field(f @ (Field::Projects | Field::Rigs | Field::Kwh | Field::Coal)) => {
                    let m = f.metric().unwrap_or(Metric::Rigs).index();
                    figures[m] = match plain_u32(text) {
                        // Plain digits, as nearly every figure in a file is: stored as they are.
                        Some(v) if self.pow10[m] == 0 => v,
                        _ => {
                            let n = self.read_figure(Metric::ALL[m], text, true);
                            self.figures[m].encode(n, None)
                        }
                    };
                }
                Column::Extra(i) => {
                    let sym = self.strings.intern(text);
                    if let Some(cell) = self.extras.get_mut(i).and_then(|e| e.last_mut()) {
                        *cell = sym;
                    }
                }
            }
        }
        self.date.push(date);
        self.province.push(province);
        self.city.push(city);
        self.action.push(action);
        for (col, cell) in self.figures.iter_mut().zip(figures) {
            col.cells.push(cell);
        }
        self.basis.push(basis);
        self.source.push(source);
        self.notes.push(notes);
        let place = self.place_of(province, city);
        self.place.push(place);
        self.len = at + 1;
        self.revision += 1;
    }

    /// A date cell read from a file; unambiguous numeric dates vote on the day/month order.
    fn read_date(&mut self, text: &str) -> DateCell {
        // ISO dates, as nearly every file writes them, neither vote nor need more.
        if let Some(d) = value::iso_date(text.as_bytes()) {
            return DateCell::Valid(d);
        }
        match value::numeric_order(text) {
            Some(value::NumericOrder::DayFirst) => self.date_votes[0] += 1,
            Some(value::NumericOrder::MonthFirst) => self.date_votes[1] += 1,
            _ => {}
        }
        self.parse_date_cell(text)
    }

    fn parse_date_cell(&mut self, text: &str) -> DateCell {
        if text.trim().is_empty() {
            DateCell::Empty
        } else {
            match value::parse_date(text) {
                Ok(d) => DateCell::Valid(d),
                Err(_) => {
                    self.text_in_dates_or_bases = true;
                    DateCell::Invalid(self.strings.intern(text))
                }
            }
        }
    }

    fn read_basis(&mut self, text: &str) -> BasisCell {
        match value::parse_basis(text) {
            Ok(b) => BasisCell::Valid(b),
            Err(_) => {
                self.text_in_dates_or_bases = true;
                BasisCell::Invalid(self.strings.intern(text))
            }
        }
    }

    /// The symbol of a province or city cell, without the spaces around it.
    fn intern_place(&mut self, text: &str) -> Sym {
        // Cells rarely have spaces at their ends: the trim is skipped when both end bytes are
        // visible ASCII characters.
        let b = text.as_bytes();
        let plain = |c: Option<&u8>| c.is_some_and(u8::is_ascii_graphic);
        if plain(b.first()) && plain(b.last()) {
            self.strings.intern(text)
        } else {
            self.strings.intern(place_text(text))
        }
    }

    /// A figure cell's value: plain digits, a figure with units or separators, an approximate
    /// figure, or text kept as typed. `from_file` reads it in the column's unit (from its
    /// header); typed edits are in canonical units (as shown).
    fn read_figure(&mut self, metric: Metric, text: &str, from_file: bool) -> Num {
        let pow10 = if from_file {
            self.pow10[metric.index()]
        } else {
            0
        };
        if let Some(v) = plain_count(text).filter(|_| pow10 == 0) {
            // Plain digits, as nearly every figure in a file is: exact, no parsing.
            return Num::Value(v);
        }
        if text.trim().is_empty() {
            return Num::Empty;
        }
        match figure::parse_figure(text, metric.quantity(), pow10) {
            Ok(figure::Figure {
                value,
                marker: None,
            }) => Num::Value(value),
            Ok(figure::Figure {
                value,
                marker: Some((side, m)),
            }) => {
                let sym = self.strings.intern(&m);
                self.approx.push((value, side, sym));
                Num::Approx((self.approx.len() - 1) as u32)
            }
            Err(_) => Num::Invalid(self.strings.intern(text)),
        }
    }

    /// The symbols of a text column (province, city, action, source, notes, extra columns).
    fn text_column_mut(&mut self, column: Column) -> Option<&mut Vec<Sym>> {
        match column {
            Column::Field(Field::Province) => Some(&mut self.province),
            Column::Field(Field::City) => Some(&mut self.city),
            Column::Field(Field::Action) => Some(&mut self.action),
            Column::Field(Field::Source) => Some(&mut self.source),
            Column::Field(Field::Notes) => Some(&mut self.notes),
            Column::Extra(i) => self.extras.get_mut(i),
            Column::Field(_) => None,
        }
    }

    /// Reserves room for `rows` more rows (a loader's estimate from the file size).
    pub fn reserve(&mut self, rows: usize) {
        each_row_vec!(self, |v| v.reserve(rows));
    }

    /// Gives back spare capacity after loading.
    pub fn shrink_to_fit(&mut self) {
        each_row_vec!(self, |v| v.shrink_to_fit());
        for f in &mut self.figures {
            f.side.shrink_to_fit();
        }
        self.approx.shrink_to_fit();
    }

    /// Records a known column's header as written in the file; a unit in it (`(GWh)`,
    /// `(亿千瓦时)`) scales the column's figures.
    pub fn set_header(&mut self, column: Column, header: &str) {
        let Column::Field(field) = column else { return };
        if header.trim() != field.key() {
            self.headers.insert(column, header.trim().to_owned());
        }
        if let Some(m) = field.metric() {
            self.pow10[m.index()] = figure::header_pow10(header, m.quantity());
        }
    }

    /// The header a column is written under: as it was in the file, or its key.
    pub fn column_header(&self, column: Column) -> &str {
        self.headers
            .get(&column)
            .map_or_else(|| self.column_key(column), String::as_str)
    }

    /// A figure column's unit as a power of ten of the canonical unit (0 for kWh, t, counts).
    pub fn column_pow10(&self, metric: Metric) -> i32 {
        self.pow10[metric.index()]
    }

    /// How numeric day/month dates are read.
    pub fn date_order(&self) -> DateOrder {
        self.date_order
    }

    /// After loading: when the file's unambiguous numeric dates all agree (`27/09/2021` is
    /// day-first), read its ambiguous ones the same way. Returns the order chosen, if any.
    pub fn infer_date_order(&mut self) -> Option<DateOrder> {
        if self.date_order != DateOrder::Unknown {
            return None;
        }
        let order = match self.date_votes {
            [d, 0] if d > 0 => DateOrder::DayFirst,
            [0, m] if m > 0 => DateOrder::MonthFirst,
            _ => return None,
        };
        self.date_order = order;
        self.revision += 1;
        Some(order)
    }

    /// True when some date cell is ambiguous under the current order.
    pub fn has_ambiguous_dates(&self) -> bool {
        self.date_order == DateOrder::Unknown
            && self.text_in_dates_or_bases
            && self.date.iter().any(|c| {
                matches!(c, DateCell::Invalid(sym) if value::numeric_order(self.strings.resolve(*sym)) == Some(value::NumericOrder::Ambiguous))
            })
    }

    fn insert_empty(&mut self, at: usize) {
        self.date.insert(at, DateCell::Empty);
        self.province.insert(at, EMPTY);
        self.place.insert(at, Place::Unknown);
        self.city.insert(at, EMPTY);
        self.action.insert(at, EMPTY);
        for f in &mut self.figures {
            f.cells.insert(at, NUM_EMPTY);
        }
        self.basis.insert(at, BasisCell::Valid(Basis::Event));
        self.source.insert(at, EMPTY);
        self.notes.insert(at, EMPTY);
        for e in &mut self.extras {
            e.insert(at, EMPTY);
        }
        self.len += 1;
    }

    fn remove_row(&mut self, at: usize) {
        each_row_vec!(self, |v| {
            v.remove(at);
        });
        self.len -= 1;
    }

    /// Parses `text` into the cell. Never fails: unparsed text is kept and flagged. `from_file`
    /// reads figures in the column's unit; typed edits are in canonical units (as shown).
    fn write_cell(&mut self, row: usize, column: Column, text: &str, from_file: bool) {
        let text = strip_bom(text);
        match column {
            Column::Field(Field::Date) => self.date[row] = self.parse_date_cell(text),
            // A row read from a file resolves its place once, after all its cells.
            Column::Field(Field::Province) => {
                self.province[row] = self.strings.intern(place_text(text));
                if !from_file {
                    self.place[row] = self.compute_place(row);
                }
            }
            Column::Field(Field::City) => {
                self.city[row] = self.strings.intern(place_text(text));
                if !from_file {
                    self.place[row] = self.compute_place(row);
                }
            }
            Column::Field(Field::Action | Field::Source | Field::Notes) | Column::Extra(_) => {
                let sym = self.strings.intern(text);
                if let Some(col) = self.text_column_mut(column) {
                    col[row] = sym;
                }
            }
            Column::Field(Field::Basis) => self.basis[row] = self.read_basis(text),
            Column::Field(f @ (Field::Projects | Field::Rigs | Field::Kwh | Field::Coal)) => {
                let metric = f.metric().unwrap_or(Metric::Rigs);
                let cell = self.read_figure(metric, text, from_file);
                self.figures[metric.index()].set(row, cell);
            }
        }
    }

    /// The province cell if it resolves, else the city (cities roll up), else unknown; cached
    /// per distinct (province, city) text.
    fn compute_place(&mut self, row: usize) -> Place {
        self.place_of(self.province[row], self.city[row])
    }

    /// Where a row with these province and city symbols is charted.
    fn place_of(&mut self, province: Sym, city: Sym) -> Place {
        // Most rows name a province and no city: looked up by the province's symbol alone.
        if city == EMPTY {
            let i = province as usize;
            if let Some(Some(p)) = self.place_by_province.get(i) {
                return *p;
            }
            let p = self.resolve_place(province, city);
            if self.place_by_province.len() <= i {
                self.place_by_province.resize(i + 1, None);
            }
            self.place_by_province[i] = Some(p);
            return p;
        }
        if let Some(&p) = self.place_cache.get(&(province, city)) {
            return p;
        }
        let p = self.resolve_place(province, city);
        self.place_cache.insert((province, city), p);
        p
    }

    fn resolve_place(&self, province: Sym, city: Sym) -> Place {
        let g = Gazetteer::get();
        let province = self.strings.resolve(province);
        if !province.trim().is_empty() {
            return g
                .resolve(province)
                .map_or(Place::Unknown, |r| Place::Region(r.region));
        }
        let city = self.strings.resolve(city);
        g.resolve_city(city).map_or(Place::Unknown, Place::Region)
    }

    /// The text of a cell as shown in the table and written to files: canonical for parsed
    /// values, exactly as typed for cells that did not parse.
    pub fn cell_text(&self, row: usize, column: Column) -> Cow<'_, str> {
        if row >= self.len {
            return Cow::Borrowed("");
        }
        let s = |sym: Sym| Cow::Borrowed(self.strings.resolve(sym));
        match column {
            Column::Field(Field::Date) => match self.date[row] {
                DateCell::Empty => Cow::Borrowed(""),
                DateCell::Valid(d) => Cow::Owned(d.to_string()),
                // Kept text that reads as a date in the chosen day/month order shows as that date.
                DateCell::Invalid(sym) => {
                    match value::parse_date_in(self.strings.resolve(sym), self.date_order) {
                        Ok(d) => Cow::Owned(d.to_string()),
                        Err(_) => s(sym),
                    }
                }
            },
            Column::Field(Field::Province) => s(self.province[row]),
            Column::Field(Field::City) => s(self.city[row]),
            Column::Field(Field::Action) => s(self.action[row]),
            Column::Field(Field::Source) => s(self.source[row]),
            Column::Field(Field::Notes) => s(self.notes[row]),
            Column::Field(Field::Basis) => match self.basis[row] {
                BasisCell::Valid(b) => Cow::Borrowed(b.as_str()),
                BasisCell::Invalid(sym) => s(sym),
            },
            Column::Field(f) => self.figure_text(row, f.metric().unwrap_or(Metric::Rigs), 0),
            Column::Extra(i) => self.extras.get(i).map_or(Cow::Borrowed(""), |c| s(c[row])),
        }
    }

    /// The text a cell is written to a file with: as [`Document::cell_text`], except figures in
    /// their column's unit (`65.8` in a column of 亿千瓦时).
    pub fn file_text(&self, row: usize, column: Column) -> Cow<'_, str> {
        match column {
            Column::Field(f) if f.metric().is_some() => {
                let m = f.metric().unwrap_or(Metric::Rigs);
                self.figure_text(row, m, self.pow10[m.index()])
            }
            _ => self.cell_text(row, column),
        }
    }

    fn figure_text(&self, row: usize, metric: Metric, pow10: i32) -> Cow<'_, str> {
        match self.figure(row, metric) {
            Num::Empty => Cow::Borrowed(""),
            Num::Value(v) => Cow::Owned(figure::in_unit(v, pow10)),
            Num::Approx(i) => {
                let (v, side, sym) = self.approx[i as usize];
                let marker = (side, self.strings.resolve(sym).to_owned());
                Cow::Owned(figure::with_marker(
                    &figure::in_unit(v, pow10),
                    Some(&marker),
                ))
            }
            Num::Invalid(sym) => Cow::Borrowed(self.strings.resolve(sym)),
        }
    }

    /// A figure's value (exact or approximate), if it parsed.
    pub fn figure_value(&self, row: usize, metric: Metric) -> Option<f64> {
        self.num_value(self.figure(row, metric))
    }

    /// The value of a figure cell's content (exact or approximate), if it parsed.
    #[inline]
    fn num_value(&self, n: Num) -> Option<f64> {
        match n {
            Num::Value(v) => Some(v),
            Num::Approx(i) => self.approx.get(i as usize).map(|a| a.0),
            _ => None,
        }
    }

    /// The approximate marker of a figure (`about `, `约`, `+`), if it has one.
    pub fn figure_marker(&self, row: usize, metric: Metric) -> Option<(MarkerSide, &str)> {
        match self.figure(row, metric) {
            Num::Approx(i) => self
                .approx
                .get(i as usize)
                .map(|a| (a.1, self.strings.resolve(a.2))),
            _ => None,
        }
    }

    /// A figure cell.
    pub fn figure(&self, row: usize, metric: Metric) -> Num {
        self.figures[metric.index()].get(row)
    }

    /// A date cell.
    pub fn date(&self, row: usize) -> DateCell {
        self.date.get(row).copied().unwrap_or(DateCell::Empty)
    }

    /// The row's date, with kept text read in the document's day/month order.
    pub fn date_value(&self, row: usize) -> Option<EventDate> {
        self.date_cell_value(self.date(row))
    }

    /// What a date cell reads as in the document's date order.
    fn date_cell_value(&self, cell: DateCell) -> Option<EventDate> {
        match cell {
            DateCell::Valid(d) => Some(d),
            DateCell::Invalid(sym) => {
                value::parse_date_in(self.strings.resolve(sym), self.date_order).ok()
            }
            DateCell::Empty => None,
        }
    }

    /// The value of a stored figure cell of `metric`.
    #[inline]
    fn cell_value(&self, metric: Metric, cell: u32) -> Option<f64> {
        self.num_value(self.figures[metric.index()].num(cell))
    }

    /// Where a row's figures are charted.
    pub fn place(&self, row: usize) -> Place {
        self.place.get(row).copied().unwrap_or(Place::Unknown)
    }

    /// Why a cell is flagged, or `None` when it is fine.
    pub fn cell_problem(&self, row: usize, column: Column) -> Option<String> {
        if row >= self.len {
            return None;
        }
        match column {
            Column::Field(Field::Date) => match self.date[row] {
                DateCell::Invalid(sym) => {
                    value::parse_date_in(self.strings.resolve(sym), self.date_order).err()
                }
                _ => None,
            },
            Column::Field(Field::Province) => {
                let text = self.strings.resolve(self.province[row]);
                if self.place[row] != Place::Unknown {
                    return None;
                }
                if text.trim().is_empty() {
                    let city = self.strings.resolve(self.city[row]);
                    return (!city.trim().is_empty()).then(|| {
                        format!("no province, and the city “{city}” is not in the gazetteer")
                    });
                }
                Some(format!("“{text}” is not a known province, region or city"))
            }
            Column::Field(Field::Basis) => match self.basis[row] {
                BasisCell::Invalid(sym) => value::parse_basis(self.strings.resolve(sym)).err(),
                BasisCell::Valid(_) => None,
            },
            Column::Field(f) => {
                let metric = f.metric()?;
                match self.figure(row, metric) {
                    Num::Invalid(sym) => {
                        figure::parse_figure(self.strings.resolve(sym), metric.quantity(), 0).err()
                    }
                    _ => None,
                }
            }
            Column::Extra(_) => None,
        }
    }

    /// Every flagged cell and duplicated row, in row then column order.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        // Rows are compared by a hash of what their cells hold (equal texts are equal symbols,
        // but for notes, hashed by their text); a hash match is confirmed cell by cell.
        let mut seen: rustc_hash::FxHashMap<u64, usize> = rustc_hash::FxHashMap::default();
        for row in 0..self.len {
            for &column in &self.columns {
                if let Some(message) = self.cell_problem(row, column) {
                    out.push(Problem {
                        row,
                        column: Some(column),
                        message,
                    });
                }
            }
            match seen.entry(self.row_hash(row)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let first = *first.get();
                    let same = self
                        .columns
                        .iter()
                        .all(|&c| self.cell_text(row, c) == self.cell_text(first, c));
                    let blank = self
                        .columns
                        .iter()
                        .all(|&c| self.cell_text(row, c).trim().is_empty());
                    if same && !blank {
                        out.push(Problem {
                            row,
                            column: None,
                            message: format!(
                                "row {} repeats row {} exactly; delete one if it is the same event",
                                row + 1,
                                first + 1
                            ),
                        });
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(row);
                }
            }
        }
        out
    }

    /// A hash of what a row's cells hold: rows with the same cell texts hash the same.
    fn row_hash(&self, row: usize) -> u64 {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        for &column in &self.columns {
            match column {
                Column::Field(Field::Date) => match self.date_value(row) {
                    Some(d) => {
                        h.write_u8(1);
                        h.write_i16(d.year);
                        h.write_u8(d.month);
                        h.write_u8(d.day);
                    }
                    None => {
                        h.write_u8(2);
                        h.write_u32(match self.date[row] {
                            DateCell::Invalid(sym) => sym,
                            _ => EMPTY,
                        });
                    }
                },
                Column::Field(Field::Basis) => match self.basis[row] {
                    BasisCell::Valid(b) => h.write_u8(3 + b as u8),
                    BasisCell::Invalid(sym) => {
                        h.write_u8(5);
                        h.write_u32(sym);
                    }
                },
                Column::Field(f) if f.metric().is_some() => {
                    match self.figure(row, f.metric().unwrap_or(Metric::Rigs)) {
                        Num::Empty => h.write_u8(6),
                        Num::Value(v) => {
                            h.write_u8(7);
                            h.write_u64(v.to_bits());
                        }
                        Num::Invalid(sym) => {
                            h.write_u8(8);
                            h.write_u32(sym);
                        }
                        Num::Approx(i) => {
                            let (v, side, sym) = self.approx[i as usize];
                            h.write_u8(9);
                            h.write_u64(v.to_bits());
                            h.write_u8(side as u8);
                            h.write_u32(sym);
                        }
                    }
                }
                Column::Field(Field::Province) => h.write_u32(self.province[row]),
                Column::Field(Field::City) => h.write_u32(self.city[row]),
                Column::Field(Field::Action) => h.write_u32(self.action[row]),
                Column::Field(Field::Source) => h.write_u32(self.source[row]),
                // Equal notes may hold different symbols (free text): hashed by their text.
                Column::Field(Field::Notes) => {
                    h.write_u32(self.strings.content_hash(self.notes[row]))
                }
                Column::Field(_) => {}
                Column::Extra(i) => h.write_u32(self.extras.get(i).map_or(EMPTY, |c| c[row])),
            }
        }
        h.finish()
    }

    /// The row's figures as the analysis sees them.
    pub fn facts(&self, row: usize) -> RowFacts {
        let mut values = [None; 4];
        for m in Metric::ALL {
            values[m.index()] = self.figure_value(row, m);
        }
        RowFacts {
            place: self.place(row),
            date: self.date_value(row),
            basis: match self.basis.get(row) {
                Some(BasisCell::Valid(b)) => *b,
                _ => Basis::Event,
            },
            values,
        }
    }

    /// Calls `f` with the facts of every row in `range`, in order, as [`Document::facts`] gives
    /// them: the columns are read side by side (the loading pass over a million rows).
    pub fn for_each_facts(&self, range: std::ops::Range<usize>, mut f: impl FnMut(RowFacts)) {
        let range = range.start.min(self.len)..range.end.min(self.len);
        let [p, r, k, c] = &self.figures;
        let rows = self.place[range.clone()]
            .iter()
            .zip(&self.date[range.clone()])
            .zip(&self.basis[range.clone()])
            .zip(p.cells[range.clone()].iter().zip(&r.cells[range.clone()]))
            .zip(k.cells[range.clone()].iter().zip(&c.cells[range]));
        for ((((&place, &date), &basis), (&pc, &rc)), (&kc, &cc)) in rows {
            f(RowFacts {
                place,
                date: self.date_cell_value(date),
                basis: match basis {
                    BasisCell::Valid(b) => b,
                    BasisCell::Invalid(_) => Basis::Event,
                },
                values: [
                    self.cell_value(Metric::Projects, pc),
                    self.cell_value(Metric::Rigs, rc),
                    self.cell_value(Metric::Kwh, kc),
                    self.cell_value(Metric::Coal, cc),
                ],
            });
        }
    }

    /// Display name of a place.
    pub fn place_name(place: Place) -> &'static str {
        match place {
            Place::Region(id) => {
                let g = Gazetteer::get();
                if id == NATIONAL {
                    "National"
                } else {
                    g.region(id).english.as_str()
                }
            }
            Place::Unknown => "Unknown province",
        }
    }

    /// Applies an edit, telling `observer` which row facts leave and enter, and returns the edit
    /// that undoes it.
    pub fn apply(
        &mut self,
        edit: &Edit,
        observer: &mut dyn RowObserver,
    ) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::SetCell { row, column, text } => {
                let row = *row;
                if row >= self.len {
                    return Err(EditError(format!("row {} does not exist", row + 1)));
                }
                if let Column::Extra(i) = column
                    && *i >= self.extras.len()
                {
                    return Err(EditError(format!("column {} does not exist", i + 1)));
                }
                let old = self.cell_text(row, *column).into_owned();
                observer.remove(&self.facts(row));
                self.write_cell(row, *column, text, false);
                observer.add(&self.facts(row));
                Edit::SetCell {
                    row,
                    column: *column,
                    text: old,
                }
            }
            Edit::InsertRow { at, cells } => {
                let at = *at;
                if at > self.len {
                    return Err(EditError(format!("cannot insert at row {}", at + 1)));
                }
                self.insert_empty(at);
                for (column, text) in cells {
                    if matches!(column, Column::Extra(i) if *i >= self.extras.len()) {
                        continue;
                    }
                    self.write_cell(at, *column, text, false);
                }
                observer.add(&self.facts(at));
                Edit::DeleteRow { at }
            }
            Edit::DeleteRow { at } => {
                let at = *at;
                if at >= self.len {
                    return Err(EditError(format!("row {} does not exist", at + 1)));
                }
                let cells = self.row_cells(at);
                observer.remove(&self.facts(at));
                self.remove_row(at);
                Edit::InsertRow { at, cells }
            }
            Edit::SetDateOrder { order } => {
                let old = self.date_order;
                // Only kept text changes meaning with the order.
                let affected: Vec<usize> = (0..self.len)
                    .filter(|&r| matches!(self.date[r], DateCell::Invalid(_)))
                    .collect();
                for &r in &affected {
                    observer.remove(&self.facts(r));
                }
                self.date_order = *order;
                for &r in &affected {
                    observer.add(&self.facts(r));
                }
                Edit::SetDateOrder { order: old }
            }
            Edit::Batch { label, edits } if self.rows_at_once(edits) => {
                return Ok(self.apply_row_batch(label, edits, observer));
            }
            Edit::Batch { label, edits } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e, observer) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Leave the document as it was: undo what was done so far.
                            for inv in inverses.iter().rev() {
                                let _ = self.apply(inv, observer);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch {
                    label: label.clone(),
                    edits: inverses,
                }
            }
        };
        self.revision += 1;
        Ok(inverse)
    }

    /// Appends the rows of `other`, a document read with the same columns (a part of the same
    /// file read on another thread). Extra columns only one of them has are filled with empty
    /// cells.
    pub fn append(&mut self, other: Document) {
        let threads = other.len >= 100_000;
        self.append_on(other, threads);
    }

    /// As [`Document::append`]; with `threads`, one thread takes in the other part's strings
    /// and then grows the text columns, which need their symbols here, while this one grows the
    /// others (dates, places, figures, bases) as they are, then maps the few of their cells that
    /// hold text (unparsed dates, figures and bases).
    fn append_on(&mut self, other: Document, threads: bool) {
        while self.extras.len() < other.extras.len() {
            let name = other.extra_names[self.extras.len()].clone();
            self.add_extra_column(name);
        }
        let n = other.len;
        let at = self.len;
        let other = &other;
        let Document {
            date,
            province,
            city,
            action,
            source,
            notes,
            place,
            basis,
            figures,
            extras,
            strings,
            text_in_dates_or_bases,
            ..
        } = self;
        let texts = move || {
            let map = strings.absorb(&other.strings);
            let m = |sym: Sym| map.get(sym as usize).copied().unwrap_or(EMPTY);
            for (mine, theirs) in [
                (province, &other.province),
                (city, &other.city),
                (action, &other.action),
                (source, &other.source),
                (notes, &other.notes),
            ] {
                mine.reserve_exact(n);
                mine.extend(theirs.iter().map(|&s| m(s)));
            }
            for (j, col) in extras.iter_mut().enumerate() {
                match other.extras.get(j) {
                    Some(theirs) => col.extend(theirs.iter().map(|&s| m(s))),
                    None => col.resize(col.len() + n, EMPTY),
                }
            }
            // (Here rather than with the other columns, which take longer to copy.)
            basis.reserve_exact(n);
            basis.extend_from_slice(&other.basis);
            map
        };
        let side_offsets: [u32; 4] = std::array::from_fn(|i| figures[i].side.len() as u32);
        let mut rest = move || {
            date.reserve_exact(n);
            date.extend_from_slice(&other.date);
            place.reserve_exact(n);
            place.extend_from_slice(&other.place);
            for ((mine, theirs), offset) in figures.iter_mut().zip(&other.figures).zip(side_offsets)
            {
                mine.cells.reserve_exact(n);
                mine.cells.extend(theirs.cells.iter().map(|&c| {
                    if c == NUM_EMPTY || c & NUM_SIDE == 0 {
                        c
                    } else {
                        NUM_SIDE | ((c & !NUM_SIDE) + offset)
                    }
                }));
            }
        };
        // Growing the columns of a large part is mostly the kernel handing out fresh pages: the
        // text columns on another thread.
        let map = if threads {
            std::thread::scope(|scope| {
                let map = scope.spawn(texts);
                rest();
                map.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
        } else {
            rest();
            texts()
        };
        let m = |sym: Sym| map.get(sym as usize).copied().unwrap_or(EMPTY);
        // The cells that hold text among those copied as they were.
        if other.text_in_dates_or_bases {
            *text_in_dates_or_bases = true;
            for c in &mut self.date[at..] {
                if let DateCell::Invalid(sym) = c {
                    *sym = m(*sym);
                }
            }
            for c in &mut self.basis[at..] {
                if let BasisCell::Invalid(sym) = c {
                    *sym = m(*sym);
                }
            }
        }
        let approx_offset = self.approx.len() as u32;
        self.approx
            .extend(other.approx.iter().map(|&(v, side, sym)| (v, side, m(sym))));
        for (mine, theirs) in self.figures.iter_mut().zip(&other.figures) {
            mine.side.extend(theirs.side.iter().map(|c| {
                NumCell::pack(match c.unpack() {
                    Num::Invalid(sym) => Num::Invalid(m(sym)),
                    Num::Approx(i) => Num::Approx(i + approx_offset),
                    n => n,
                })
            }));
        }
        self.date_votes[0] += other.date_votes[0];
        self.date_votes[1] += other.date_votes[1];
        self.len += n;
        self.revision += 1;
    }

    /// Bytes the document holds on the heap (columns and strings), for memory figures.
    pub fn heap_bytes(&self) -> usize {
        fn cap<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        cap(&self.date)
            + cap(&self.province)
            + cap(&self.place)
            + cap(&self.city)
            + cap(&self.action)
            + self.figures.iter().map(NumCol::heap_bytes).sum::<usize>()
            + cap(&self.basis)
            + cap(&self.source)
            + cap(&self.notes)
            + self.extras.iter().map(cap).sum::<usize>()
            + cap(&self.approx)
            + self.strings.heap_bytes()
    }

    /// True when a batch only deletes rows from the bottom up, or only inserts rows at strictly
    /// rising places (what deleting, duplicating and undoing several rows make): such a batch
    /// moves every column once instead of once a row.
    fn rows_at_once(&self, edits: &[Edit]) -> bool {
        if edits.len() < 2 {
            return false;
        }
        let deletes: Option<Vec<usize>> = edits
            .iter()
            .map(|e| match e {
                Edit::DeleteRow { at } => Some(*at),
                _ => None,
            })
            .collect();
        if let Some(at) = deletes {
            return at.first().is_some_and(|&a| a < self.len) && at.windows(2).all(|w| w[0] > w[1]);
        }
        let inserts: Option<Vec<usize>> = edits
            .iter()
            .map(|e| match e {
                Edit::InsertRow { at, cells } => (!cells
                    .iter()
                    .any(|(c, _)| matches!(c, Column::Extra(i) if *i >= self.extras.len())))
                .then_some(*at),
                _ => None,
            })
            .collect();
        inserts.is_some_and(|at| {
            at.windows(2).all(|w| w[0] < w[1])
                && at.iter().enumerate().all(|(j, &a)| a <= self.len + j)
        })
    }

    /// Applies a batch that [`Document::rows_at_once`] accepted, with the same result and
    /// inverse as applying its edits one by one.
    fn apply_row_batch(
        &mut self,
        label: &str,
        edits: &[Edit],
        observer: &mut dyn RowObserver,
    ) -> Edit {
        let mut inverses = Vec::with_capacity(edits.len());
        if matches!(edits[0], Edit::DeleteRow { .. }) {
            // Bottom-up indices are also the rows' indices before any deletion.
            let mut gone = vec![false; self.len];
            for e in edits {
                if let Edit::DeleteRow { at } = *e {
                    inverses.push(Edit::InsertRow {
                        at,
                        cells: self.row_cells(at),
                    });
                    observer.remove(&self.facts(at));
                    gone[at] = true;
                }
            }
            fn keep<T>(v: &mut Vec<T>, gone: &[bool]) {
                let mut i = 0;
                v.retain(|_| {
                    i += 1;
                    !gone[i - 1]
                });
            }
            keep(&mut self.date, &gone);
            keep(&mut self.province, &gone);
            keep(&mut self.place, &gone);
            keep(&mut self.city, &gone);
            keep(&mut self.action, &gone);
            for f in &mut self.figures {
                keep(&mut f.cells, &gone);
            }
            keep(&mut self.basis, &gone);
            keep(&mut self.source, &gone);
            keep(&mut self.notes, &gone);
            for e in &mut self.extras {
                keep(e, &gone);
            }
            self.len -= edits.len();
        } else {
            // Rising places are the new rows' final indices: merge empty rows in, then fill them.
            let at: Vec<usize> = edits
                .iter()
                .filter_map(|e| match e {
                    Edit::InsertRow { at, .. } => Some(*at),
                    _ => None,
                })
                .collect();
            fn spread<T: Copy>(v: &mut Vec<T>, at: &[usize], fill: T) {
                let mut out = Vec::with_capacity(v.len() + at.len());
                let mut old = v.iter().copied();
                let mut next = at.iter().peekable();
                for i in 0..v.len() + at.len() {
                    if next.peek() == Some(&&i) {
                        next.next();
                        out.push(fill);
                    } else if let Some(x) = old.next() {
                        out.push(x);
                    }
                }
                *v = out;
            }
            spread(&mut self.date, &at, DateCell::Empty);
            spread(&mut self.province, &at, EMPTY);
            spread(&mut self.place, &at, Place::Unknown);
            spread(&mut self.city, &at, EMPTY);
            spread(&mut self.action, &at, EMPTY);
            for f in &mut self.figures {
                spread(&mut f.cells, &at, NUM_EMPTY);
            }
            spread(&mut self.basis, &at, BasisCell::Valid(Basis::Event));
            spread(&mut self.source, &at, EMPTY);
            spread(&mut self.notes, &at, EMPTY);
            for e in &mut self.extras {
                spread(e, &at, EMPTY);
            }
            self.len += at.len();
            for e in edits {
                if let Edit::InsertRow { at, cells } = e {
                    for (column, text) in cells {
                        self.write_cell(*at, *column, text, false);
                    }
                    observer.add(&self.facts(*at));
                    inverses.push(Edit::DeleteRow { at: *at });
                }
            }
        }
        self.revision += 1;
        inverses.reverse();
        Edit::Batch {
            label: label.to_owned(),
            edits: inverses,
        }
    }

    /// All cell texts of a row, for copying or undoing a deletion.
    pub fn row_cells(&self, row: usize) -> Vec<(Column, String)> {
        self.columns
            .iter()
            .map(|&c| (c, self.cell_text(row, c).into_owned()))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    }

    /// Distinct strings stored (for memory figures).
    pub fn interned_strings(&self) -> usize {
        self.strings.len()
    }
}

/// A province or city cell without surrounding spaces or byte-order marks.
fn place_text(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

/// An observer that ignores changes.
pub struct NoObserver;

impl RowObserver for NoObserver {
    fn remove(&mut self, _: &RowFacts) {}
    fn add(&mut self, _: &RowFacts) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_parts_are_the_rows_read_in_one_go() {
        let rows: Vec<[&str; 8]> = vec![
            [
                "2021-09-27",
                "Hebei",
                "12",
                "about 10,000",
                "event",
                "a",
                "x",
                "e1",
            ],
            [
                "bad date",
                "Atlantis",
                "many",
                "3.5",
                "sometimes",
                "b",
                "",
                "",
            ],
            [
                "2021-09",
                "Inner Mongolia",
                "约 30",
                "3000000000",
                "running_total",
                "a",
                "y",
                "e2",
            ],
            ["03/04/2021", " Sichuan ", "7", "", "", "c", "x", ""],
        ];
        let columns = [
            Column::Field(Field::Date),
            Column::Field(Field::Province),
            Column::Field(Field::Projects),
            Column::Field(Field::Kwh),
            Column::Field(Field::Basis),
            Column::Field(Field::Source),
            Column::Field(Field::Notes),
            Column::Extra(0),
        ];
        let build = |rows: &[[&str; 8]]| {
            let mut d = Document::with_columns(columns.to_vec(), vec!["extra".into()]);
            for r in rows {
                d.push_record(&columns, r);
            }
            d
        };
        let whole = build(&rows);
        for threads in [false, true] {
            for cut in 0..=rows.len() {
                let mut d = build(&rows[..cut]);
                d.append_on(build(&rows[cut..]), threads);
                assert_eq!(d.len(), whole.len());
                for r in 0..whole.len() {
                    for &c in &columns {
                        assert_eq!(
                            d.cell_text(r, c),
                            whole.cell_text(r, c),
                            "{threads} {cut} {r}"
                        );
                    }
                    assert_eq!(d.facts(r), whole.facts(r));
                    assert_eq!(
                        d.figure_marker(r, Metric::Kwh),
                        whole.figure_marker(r, Metric::Kwh)
                    );
                }
            }
        }
    }

    #[test]
    fn repeated_rows_are_found_though_their_notes_hold_different_symbols() {
        let columns = [
            Column::Field(Field::Date),
            Column::Field(Field::Province),
            Column::Field(Field::Notes),
        ];
        let build = |from: usize, to: usize| {
            let mut d = Document::with_columns(columns.to_vec(), Vec::new());
            for i in from..to {
                // Row 1000 repeats row 0, its note long gone from the cache of recent notes.
                let i = if i == 1000 { 0 } else { i };
                let note = format!("note {i}");
                d.push_record(&columns, &["2021-06-01", "Hebei", &note]);
            }
            d
        };
        let repeat = |d: &Document| {
            d.problems()
                .into_iter()
                .filter(|p| p.column.is_none())
                .map(|p| p.message)
                .collect::<Vec<_>>()
        };
        let expected = vec!["row 1001 repeats row 1 exactly; delete one if it is the same event"];
        let whole = build(0, 1001);
        assert_ne!(
            whole.notes[0], whole.notes[1000],
            "free text is not looked up"
        );
        assert_eq!(repeat(&whole), expected);
        // The same rows read in two parts and joined.
        let mut joined = build(0, 500);
        joined.append_on(build(500, 1001), true);
        assert_eq!(repeat(&joined), expected);
        // Notes that differ are not repeats.
        let mut other = build(0, 2);
        other.push_record(&columns, &["2021-06-01", "Hebei", "note 9"]);
        assert!(repeat(&other).is_empty());
    }

    #[test]
    fn interned_strings_keep_one_symbol_each() {
        // Many strings that share lengths and end words (the recent-strings cache's key), from
        // 1 to 40 bytes, interned twice in a scrambled order.
        let mut strings = Vec::new();
        for len in 1..=40usize {
            for k in 0..60usize {
                // One letter changed at position k mod len: past 16 bytes, many of these share
                // their length and both end words.
                let mut b = vec![b'a'; len];
                b[k % len] = b'b' + (k / len % 20) as u8;
                strings.push(String::from_utf8(b).unwrap());
            }
        }
        let mut i = Interner::default();
        let mut seen: HashMap<String, Sym> = HashMap::new();
        for round in 0..2 {
            for (n, s) in strings.iter().enumerate() {
                let s = if round == 1 {
                    &strings[(n * 7919) % strings.len()]
                } else {
                    s
                };
                let sym = i.intern(s);
                assert_eq!(i.resolve(sym), s);
                assert_eq!(*seen.entry(s.clone()).or_insert(sym), sym, "{s}");
            }
        }
        assert_eq!(i.len(), seen.len() + 1);
        // Another interner's strings (some shared, some new) join this one under the symbols
        // they have here, and are found again by their text.
        let mut other = Interner::default();
        let theirs: Vec<Sym> = ["zz-new", &strings[5], "内蒙古", &strings[700], "zz-new"]
            .iter()
            .map(|s| other.intern(s))
            .collect();
        let before = i.len();
        let map = i.absorb(&other);
        assert_eq!(i.len(), before + 2, "two new strings");
        for (&t, s) in theirs
            .iter()
            .zip(["zz-new", &strings[5], "内蒙古", &strings[700]])
        {
            assert_eq!(i.resolve(map[t as usize]), s);
            assert_eq!(i.intern(s), map[t as usize]);
        }
        assert_eq!(map[EMPTY as usize], EMPTY);
        // Free text: a note repeated close by is stored once; it is not in the table, so
        // interning the same text adds it there; equal texts have the same content hash.
        let note = i.intern_free_text("a note seen once");
        assert_eq!(i.resolve(note), "a note seen once");
        assert_eq!(i.intern_free_text("a note seen once"), note);
        let indexed = i.intern("a note seen once");
        assert_ne!(indexed, note);
        assert_eq!(i.content_hash(indexed), i.content_hash(note));
        // Joining keeps free text apart from the table, under the text it had.
        let mut part = Interner::default();
        let theirs = [
            part.intern_free_text("a note seen once"),
            part.intern_free_text("zz-note"),
        ];
        let before = i.len();
        let map = i.absorb(&part);
        assert_eq!(i.len(), before + 2, "free text is appended as it is");
        assert_eq!(i.resolve(map[theirs[0] as usize]), "a note seen once");
        assert_eq!(i.resolve(map[theirs[1] as usize]), "zz-note");
        assert_eq!(
            i.intern("zz-note"),
            i.len() as Sym - 1,
            "free text is not in the table"
        );
    }

    #[test]
    fn string_ends_past_four_gibibytes() {
        let mut ends = Ends {
            low: vec![0],
            wraps: Vec::new(),
        };
        let g4 = 1usize << 32;
        for end in [10, g4 - 1, g4 + 5, g4 + 5, 3 * g4 + 2, 3 * g4 + 9] {
            ends.push(end);
        }
        assert_eq!(ends.range(1), 0..10);
        assert_eq!(ends.range(2), 10..g4 - 1);
        assert_eq!(ends.range(3), g4 - 1..g4 + 5);
        assert_eq!(ends.range(4), g4 + 5..g4 + 5);
        // One string that passes two boundaries.
        assert_eq!(ends.range(5), g4 + 5..3 * g4 + 2);
        assert_eq!(ends.range(6), 3 * g4 + 2..3 * g4 + 9);
    }

    #[test]
    fn province_cells_lose_any_white_space_at_their_ends() {
        let mut d = Document::new();
        for text in [
            "A\u{b}",
            "\u{3000}Hebei",
            "Hebei\t",
            "\u{a0}Hebei\u{a0}",
            "Hebei",
        ] {
            d.push_row([(Column::Field(Field::Province), text)]);
        }
        let cells: Vec<_> = (0..d.len())
            .map(|r| d.cell_text(r, Column::Field(Field::Province)).into_owned())
            .collect();
        assert_eq!(cells, ["A", "Hebei", "Hebei", "Hebei", "Hebei"]);
    }

    #[test]
    fn facts_side_by_side_are_the_row_facts() {
        let mut d = Document::new();
        let rows: [[&str; 6]; 7] = [
            ["2021-09-27", "Hebei", "12", "", "", "event"],
            [
                "2021-09",
                "Inner Mongolia",
                "about 10,000",
                "3.5",
                "-4",
                "running_total",
            ],
            [
                "03/04/2021",
                "Atlantis",
                "many",
                "3000000000",
                "",
                "sometimes",
            ],
            ["", "Xinjiang", "", "7", "1.2 billion", ""],
            ["not a date", "", "5", "", "", "event"],
            ["2020", "Sichuan", "", "", "", "cumulative"],
            ["2019-02-30", "Yunnan", "1", "2", "3", ""],
        ];
        let fields = [
            Field::Date,
            Field::Province,
            Field::Projects,
            Field::Rigs,
            Field::Kwh,
            Field::Basis,
        ];
        for r in rows {
            d.push_row(fields.iter().map(|f| Column::Field(*f)).zip(r));
        }
        d.apply(
            &Edit::SetDateOrder {
                order: DateOrder::DayFirst,
            },
            &mut NoObserver,
        )
        .unwrap();
        let mut seen = Vec::new();
        d.for_each_facts(0..100, |f| seen.push(f));
        let expected: Vec<RowFacts> = (0..d.len()).map(|r| d.facts(r)).collect();
        assert_eq!(seen, expected);
        let mut part = Vec::new();
        d.for_each_facts(2..4, |f| part.push(f));
        assert_eq!(part, expected[2..4]);
    }

    fn doc_with_row() -> Document {
        let mut d = Document::new();
        d.push_row([
            (Column::Field(Field::Date), "2021-09-27"),
            (Column::Field(Field::Province), "内蒙古"),
            (Column::Field(Field::City), "Bayannaoer"),
            (Column::Field(Field::Rigs), "10,100"),
            (Column::Field(Field::Projects), "abc"),
        ]);
        d
    }

    #[test]
    fn cells_parse_or_are_kept_as_typed() {
        let d = doc_with_row();
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "10100");
        assert_eq!(d.cell_text(0, Column::Field(Field::Projects)), "abc");
        assert!(
            d.cell_problem(0, Column::Field(Field::Projects))
                .unwrap()
                .contains("not a number")
        );
        assert_eq!(d.cell_text(0, Column::Field(Field::Province)), "内蒙古");
        let f = d.facts(0);
        assert_eq!(f.values, [None, Some(10_100.0), None, None]);
        assert_eq!(Document::place_name(f.place), "Inner Mongolia");
        assert_eq!(d.problems().len(), 1);
    }

    #[test]
    fn num_cell_packing() {
        for n in [
            Num::Empty,
            Num::Value(0.0),
            Num::Value(6.58e9),
            Num::Invalid(7),
            Num::Invalid(u32::MAX),
        ] {
            assert_eq!(NumCell::pack(n).unpack(), n);
        }
    }

    #[test]
    fn edits_return_their_inverse() {
        let mut d = doc_with_row();
        let set = Edit::SetCell {
            row: 0,
            column: Column::Field(Field::Rigs),
            text: "20100".into(),
        };
        let undo = d.apply(&set, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "20100");
        d.apply(&undo, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Rigs)), "10100");

        let undo_delete = d
            .apply(&Edit::DeleteRow { at: 0 }, &mut NoObserver)
            .unwrap();
        assert!(d.is_empty());
        d.apply(&undo_delete, &mut NoObserver).unwrap();
        assert_eq!(d.cell_text(0, Column::Field(Field::Projects)), "abc");
        assert_eq!(d.cell_text(0, Column::Field(Field::City)), "Bayannaoer");
        assert!(
            d.apply(&Edit::DeleteRow { at: 5 }, &mut NoObserver)
                .is_err()
        );
    }

    fn all_text(d: &Document) -> Vec<Vec<String>> {
        (0..d.len())
            .map(|r| {
                d.columns()
                    .iter()
                    .map(|&c| d.cell_text(r, c).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn row_batches_move_columns_once_with_the_same_result_as_one_by_one() {
        use crate::analysis::{Aggregates, Filter, Granularity};
        let text = crate::synth::csv(300, 9);
        let original =
            crate::io::read_bytes(std::path::Path::new("t.csv"), text.as_bytes(), None).unwrap();
        let deletes: Vec<Edit> = [250, 120, 119, 7, 0]
            .iter()
            .map(|&at| Edit::DeleteRow { at })
            .collect();
        let inserts: Vec<Edit> = [0, 5, 6, 298]
            .iter()
            .map(|&at| Edit::InsertRow {
                at,
                cells: original.row_cells(at + 1),
            })
            .collect();
        for edits in [deletes, inserts] {
            let batch = Edit::Batch {
                label: "rows".into(),
                edits: edits.clone(),
            };
            let mut fast = original.clone();
            assert!(fast.rows_at_once(&edits));
            let mut agg = Aggregates::build(&fast);
            let undo = fast.apply(&batch, &mut agg).unwrap();
            let mut slow = original.clone();
            for e in &edits {
                slow.apply(e, &mut NoObserver).unwrap();
            }
            assert_eq!(all_text(&fast), all_text(&slow));
            assert_eq!(
                (0..fast.len()).map(|r| fast.place(r)).collect::<Vec<_>>(),
                (0..slow.len()).map(|r| slow.place(r)).collect::<Vec<_>>()
            );
            // The aggregates followed the rows.
            assert_eq!(
                agg.view(Granularity::Month, &Filter::default()),
                Aggregates::build(&fast).view(Granularity::Month, &Filter::default())
            );
            // Undo (itself a batch taken at once) gives the original back.
            let redo = fast.apply(&undo, &mut agg).unwrap();
            assert_eq!(all_text(&fast), all_text(&original));
            assert_eq!(
                agg.view(Granularity::Month, &Filter::default()),
                Aggregates::build(&original).view(Granularity::Month, &Filter::default())
            );
            fast.apply(&redo, &mut agg).unwrap();
            assert_eq!(all_text(&fast), all_text(&slow));
        }
        // Out of order or out of range: applied one by one (and refused as before).
        let d = original.clone();
        assert!(!d.rows_at_once(&[Edit::DeleteRow { at: 1 }, Edit::DeleteRow { at: 2 }]));
        assert!(!d.rows_at_once(&[Edit::DeleteRow { at: 900 }, Edit::DeleteRow { at: 2 }]));
        assert!(!d.rows_at_once(&[
            Edit::InsertRow {
                at: 301,
                cells: Vec::new()
            },
            Edit::InsertRow {
                at: 303,
                cells: Vec::new()
            }
        ]));
    }

    #[test]
    fn city_rolls_up_when_province_empty() {
        let mut d = Document::new();
        d.push_row([(Column::Field(Field::City), "Tangshan")]);
        assert_eq!(Document::place_name(d.place(0)), "Hebei");
        d.push_row([(Column::Field(Field::Province), "Atlantis")]);
        assert_eq!(d.place(1), Place::Unknown);
        assert!(d.cell_problem(1, Column::Field(Field::Province)).is_some());
    }
}
