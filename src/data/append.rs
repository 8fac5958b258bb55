//! Joining documents: [`Document::append`] takes in the rows of a part of the same file read on
//! another thread, on two threads itself when the part is large.

use super::cells::{BasisCell, DateCell, NUM_EMPTY, NUM_SIDE, Num, NumCell};
use super::document::Document;
use super::interner::{EMPTY, Sym};

impl Document {
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
    pub(super) fn append_on(&mut self, other: Document, threads: bool) {
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
        self.absorb_totals_syms(&other.totals_syms, &map);
        self.date_votes[0] += other.date_votes[0];
        self.date_votes[1] += other.date_votes[1];
        self.len += n;
        self.revision += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::{Column, Field, Metric};

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
}
