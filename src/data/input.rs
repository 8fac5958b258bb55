//! How cell texts become stored values: rows pushed by a loader ([`Document::push_record`], the
//! hot path of reading a file), typed cell edits, header units and the inferred date order.
//! Reading values back out lives in `document.rs`.

use super::cells::{
    BasisCell, DateCell, NUM_EMPTY, Num, place_text, plain_count, plain_u32, strip_bom,
};
use super::document::Document;
use super::figure;
use super::interner::{EMPTY, Sym};
use super::schema::{Column, Field, Metric};
use super::value::{self, Basis, DateOrder};

impl Document {
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
        self.note_totals_row(at);
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
        // The spellings the app writes, as nearly every file's bases are: no trimming, no
        // case folding.
        match text {
            "event" => return BasisCell::Valid(Basis::Event),
            "running_total" => return BasisCell::Valid(Basis::RunningTotal),
            _ => {}
        }
        if value::is_counted_basis(text) {
            return BasisCell::Counted;
        }
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
        let format = self.number_format[metric.index()];
        let mut parsed = figure::parse_figure_as(text, metric.quantity(), pow10, format);
        if !from_file && matches!(parsed, Err(figure::FigureError::WrongFormat { .. })) {
            // The table shows figures as 1234.5 whatever the column's format: what is typed as
            // shown reads as shown (a cell that reads both ways stays flagged).
            parsed = figure::parse_figure(text, metric.quantity(), pow10);
        }
        match parsed {
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

    /// Parses `text` into the cell. Never fails: unparsed text is kept and flagged. `from_file`
    /// reads figures in the column's unit; typed edits are in canonical units (as shown).
    pub(super) fn write_cell(&mut self, row: usize, column: Column, text: &str, from_file: bool) {
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
        self.note_totals_row(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cells_and_edits_read_in_the_column_s_number_format() {
        use crate::data::document::{Edit, NoObserver};
        use crate::data::figure::NumberFormat;
        let mut d = Document::new();
        d.set_number_format(Metric::Kwh, NumberFormat::Comma);
        let kwh = Column::Field(Field::Kwh);
        for text in ["6580,5", "1.104,25", "1.234", "1.5", "12"] {
            d.push_row([(kwh, text)]);
        }
        let values: Vec<Option<f64>> = (0..5).map(|r| d.figure_value(r, Metric::Kwh)).collect();
        assert_eq!(
            values,
            [Some(6580.5), Some(1104.25), None, None, Some(12.0)]
        );
        let why = |d: &Document, r| d.cell_problem(r, kwh).unwrap_or_default();
        assert!(
            why(&d, 2).starts_with("“1.234” could be 1.234 or 1234"),
            "{}",
            why(&d, 2)
        );
        assert!(
            why(&d, 3).contains("number format 1.234,5"),
            "{}",
            why(&d, 3)
        );
        // Typed into the table: a decimal comma, and a figure as the table shows it, read; a
        // cell that reads both ways stays flagged.
        let set = |d: &mut Document, text: &str| {
            let edit = Edit::SetCell {
                row: 4,
                column: kwh,
                text: text.into(),
            };
            d.apply(&edit, &mut NoObserver).unwrap();
            d.figure_value(4, Metric::Kwh)
        };
        assert_eq!(set(&mut d, "2,5"), Some(2.5));
        assert_eq!(set(&mut d, "1.5"), Some(1.5));
        assert_eq!(set(&mut d, "10.100"), None);
        assert!(
            why(&d, 4).contains("could be 10.1 or 10100"),
            "{}",
            why(&d, 4)
        );
        // Plain digits are exact whatever the format.
        assert_eq!(set(&mut d, "10100"), Some(10100.0));
    }
}
