//! How cells are encoded: figure cells packed in NaN payloads ([`NumCell`]) and 4-byte figure
//! columns with a side table ([`NumCol`]), date and basis cells, and the cheap checks that let
//! loading skip parsing (plain digits, byte-order marks, spaces around places). No document
//! storage here.

use super::interner::Sym;
use super::value::{Basis, EventDate};

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

    #[inline]
    pub(super) fn pack(n: Num) -> NumCell {
        match n {
            Num::Empty => NumCell::EMPTY,
            Num::Value(v) if v.is_finite() => NumCell(v.to_bits()),
            Num::Value(_) => NumCell::EMPTY,
            Num::Invalid(sym) => NumCell(INVALID_TAG | u64::from(sym)),
            Num::Approx(i) => NumCell(APPROX_TAG | u64::from(i)),
        }
    }

    #[inline]
    pub(super) fn unpack(self) -> Num {
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
pub(super) struct NumCol {
    /// One cell a row: a whole number inline, [`NUM_EMPTY`], or [`NUM_SIDE`] and an index.
    pub(super) cells: Vec<u32>,
    /// The cells that are not whole numbers below 2³¹.
    pub(super) side: Vec<NumCell>,
}

/// A figure column's empty cell.
pub(super) const NUM_EMPTY: u32 = u32::MAX;

/// Marks a figure column's cell held in its side table (the rest is the index).
pub(super) const NUM_SIDE: u32 = 1 << 31;

impl NumCol {
    #[inline]
    pub(super) fn get(&self, row: usize) -> Num {
        self.cells.get(row).map_or(Num::Empty, |&c| self.num(c))
    }

    /// What a stored cell holds: a whole number inline, anything else in the side table.
    #[inline]
    pub(super) fn num(&self, cell: u32) -> Num {
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

    #[inline]
    pub(super) fn encode(&mut self, n: Num, reuse: Option<u32>) -> u32 {
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

    pub(super) fn set(&mut self, row: usize, n: Num) {
        let old = self.cells[row];
        self.cells[row] = self.encode(n, Some(old));
    }

    pub(super) fn heap_bytes(&self) -> usize {
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

/// A basis cell: a basis, `counted` (an event the user said is not a totals row), or unparsed
/// text (which counts as an event).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BasisCell {
    /// A parsed basis.
    Valid(Basis),
    /// An event, counted though its row looks like a totals row (`counted`).
    Counted,
    /// Text that did not parse, kept as typed.
    Invalid(Sym),
}

/// The value of a cell of 1 to `max_len` plain ASCII digits.
#[inline]
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
#[inline]
pub(super) fn plain_count(text: &str) -> Option<f64> {
    plain_digits(text, 15).map(|v| v as f64)
}

/// A cell of plain ASCII digits below a billion, as a figure column stores it inline.
#[inline]
pub(super) fn plain_u32(text: &str) -> Option<u32> {
    plain_digits(text, 9).map(|v| v as u32)
}

/// A cell without byte-order marks at its ends (cheap when there are none).
#[inline]
pub(super) fn strip_bom(mut text: &str) -> &str {
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

/// A province or city cell without surrounding spaces or byte-order marks.
#[inline]
pub(super) fn place_text(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
