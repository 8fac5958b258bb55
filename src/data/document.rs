//! The document: every reported event, stored column by column, and reading its cells back.
//!
//! Storage is built for a million rows: one vector per column, repeated strings interned to a
//! 4-byte symbol, figures stored as `f64` with empty and unparsed cells encoded in NaN payloads.
//! A cell that does not parse keeps its text exactly as typed; its reason is derived again from
//! that text whenever it is asked for, so nothing else has to be stored.
//!
//! Other parts of the document live beside this file, each adding an `impl Document` block:
//! the schema (`schema.rs`), the interner (`interner.rs`), the cell encodings (`cells.rs`),
//! parsing cell texts in (`input.rs`), places (`place.rs`), row facts (`facts.rs`), edits
//! (`edit.rs`), problems (`problems.rs`), totals rows (`totals.rs`), rows left out of the sums
//! (`left_out.rs`) and joining parts (`append.rs`). Their public items are
//! re-exported here, so `data::document::{Field, Document, Edit, ...}` keeps working.

use std::borrow::Cow;
use std::collections::HashMap;

pub use super::cells::{BasisCell, DateCell, Num, NumCell};
use super::cells::{NUM_EMPTY, NumCol};
pub use super::edit::{Edit, EditError};
pub use super::facts::{NoObserver, RowFacts, RowObserver};
use super::figure::{self, MarkerSide, NumberFormat};
pub use super::interner::{EMPTY, Interner, Sym};
pub use super::notices::Notice;
pub use super::place::Place;
pub use super::problems::Problem;
pub use super::schema::{Column, Field, Metric};
use super::value::{self, Basis, DateOrder, EventDate};

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
    pub(super) strings: Interner,
    /// Column order as in the file (known fields not in the file are appended).
    pub(super) columns: Vec<Column>,
    pub(super) extra_names: Vec<String>,
    pub(super) len: usize,
    pub(super) date: Vec<DateCell>,
    pub(super) province: Vec<Sym>,
    pub(super) place: Vec<Place>,
    pub(super) city: Vec<Sym>,
    pub(super) action: Vec<Sym>,
    pub(super) figures: [NumCol; 4],
    pub(super) basis: Vec<BasisCell>,
    pub(super) source: Vec<Sym>,
    pub(super) notes: Vec<Sym>,
    pub(super) extras: Vec<Vec<Sym>>,
    pub(super) revision: u64,
    /// Approximate figures, referenced by [`Num::Approx`]: value and the marker as typed.
    pub(super) approx: Vec<(f64, MarkerSide, Sym)>,
    /// Header names as written in the file, for known columns whose name differs from the key.
    pub(super) headers: HashMap<Column, String>,
    /// Unit of each figure column as a power of ten of the canonical unit (from its header).
    pub(super) pow10: [i32; 4],
    /// How each figure column writes its numbers (`1,234.5`, `1.234,5`, `1 234,5`).
    pub(super) number_format: [NumberFormat; 4],
    /// How numeric day/month dates are read.
    pub(super) date_order: DateOrder,
    /// Votes from unambiguous numeric dates seen while loading: day-first, month-first.
    pub(super) date_votes: [u32; 2],
    /// Where a (province, city) text pair is charted: resolved once per distinct pair.
    pub(super) place_cache: rustc_hash::FxHashMap<(Sym, Sym), Place>,
    /// Where a row with this province symbol and no city is charted (by symbol).
    pub(super) place_by_province: Vec<Option<Place>>,
    /// Whether a date or basis cell has ever held text that did not parse (set when one is
    /// read, never cleared): when not, loading need not look through those columns for text.
    pub(super) text_in_dates_or_bases: bool,
    /// Per symbol, whether its text is a totals word (`totals.rs`; 0 when not looked at yet).
    pub(super) totals_syms: Vec<u8>,
}

/// Where a new document's revisions start: 2³² apart for each document made in this process,
/// so two documents (the one open and the next file opened) never have the same revision and
/// the caches keyed by it (the About lines, the timeline markers, the event lists) need no
/// clearing when a file opens.
fn first_revision() -> u64 {
    static DOCUMENTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    DOCUMENTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) << 32
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
            revision: first_revision(),
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

    /// Counter bumped by every change; caches compare it. Each document starts from a number of
    /// its own (see [`first_revision`]), so a cache never takes one document for another.
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

    /// How a figure column writes its numbers: its cells, and edits typed into it, are read so.
    pub fn number_format(&self, metric: Metric) -> NumberFormat {
        self.number_format[metric.index()]
    }

    /// Sets how a figure column writes its numbers, for the cells read after (a reader sets it
    /// before the first row).
    pub fn set_number_format(&mut self, metric: Metric, format: NumberFormat) {
        self.number_format[metric.index()] = format;
        self.revision += 1;
    }

    /// How numeric day/month dates are read.
    pub fn date_order(&self) -> DateOrder {
        self.date_order
    }

    /// True when some date cell is ambiguous under the current order.
    pub fn has_ambiguous_dates(&self) -> bool {
        self.date_order == DateOrder::Unknown
            && self.text_in_dates_or_bases
            && self.date.iter().any(|c| {
                matches!(c, DateCell::Invalid(sym) if value::numeric_order(self.strings.resolve(*sym)) == Some(value::NumericOrder::Ambiguous))
            })
    }

    pub(super) fn insert_empty(&mut self, at: usize) {
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

    pub(super) fn remove_row(&mut self, at: usize) {
        each_row_vec!(self, |v| {
            v.remove(at);
        });
        self.len -= 1;
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
                BasisCell::Counted => Cow::Borrowed(value::COUNTED),
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
    pub(super) fn num_value(&self, n: Num) -> Option<f64> {
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
    pub(super) fn date_cell_value(&self, cell: DateCell) -> Option<EventDate> {
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
    pub(super) fn cell_value(&self, metric: Metric, cell: u32) -> Option<f64> {
        self.num_value(self.figures[metric.index()].num(cell))
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

#[cfg(test)]
pub(in crate::data) mod tests {
    use super::*;

    /// A document of one row, with a cell that did not parse.
    pub(in crate::data) fn doc_with_row() -> Document {
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
}
