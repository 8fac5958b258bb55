//! The serde visitors of a JSON walk: the top-level value, its keys, the "columns" list, rows
//! arrays, rows, keys and cells, each handing what it reads to the [`Scan`]. Values that are
//! not needed are skipped as `serde_json::Value` would read them, so the recursion limit
//! applies alike.

use std::fmt::{self, Write as _};

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::scan::{Candidate, Cell, Kind, RowsSummary, Scan};
use super::{ROW_KEYS, TOP};

/// The text of a JSON number in a cell: whole numbers below 10^15 without a fraction or an
/// exponent, others as serde_json writes them.
pub(super) fn number_text(n: &serde_json::Number, out: &mut String) {
    let _ = match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => write!(out, "{f:.0}"),
        _ => write!(out, "{n}"),
    };
}

/// Reads and discards a value, entering arrays and objects as `Value` does (so that the
/// recursion limit applies alike).
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor).map(|()| Skip)
    }
}

struct SkipVisitor;

/// Visitor methods for scalars that do nothing.
macro_rules! accept_scalars {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    accept_scalars!(());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        skip_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        skip_map(map)
    }
}

fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Skip>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_key::<Skip>()?.is_some() {
        map.next_value::<Skip>()?;
    }
    Ok(())
}

/// The top-level value.
pub(super) struct TopVisitor<'s, 'de, 'p>(pub(super) &'s mut Scan<'de, 'p>);

impl<'de> Visitor<'de> for TopVisitor<'_, 'de, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON array or object")
    }

    accept_scalars!(());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let s = self.0;
        s.kind = Kind::Array;
        s.top = Some(s.run_rows(seq, TOP)?);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let s = self.0;
        s.kind = Kind::Object;
        while let Some(key) = map.next_key_seed(TopKey)? {
            let occurrence = s.occurrences;
            s.occurrences += 1;
            if let Some(target) = s.target {
                // Second pass: the text is known to be valid.
                if target == occurrence {
                    map.next_value_seed(RowsSeed(&mut *s, occurrence))?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
                continue;
            }
            match key {
                TopKeyKind::Columns => s.columns = map.next_value_seed(ColumnsSeed)?,
                TopKeyKind::Rows(i) => {
                    let rows = map.next_value_seed(RowsSeed(&mut *s, occurrence))?;
                    s.candidates[i] = Some(Candidate { occurrence, rows });
                }
                TopKeyKind::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(())
    }
}

enum TopKeyKind {
    Columns,
    Rows(usize),
    Other,
}

/// A top-level key.
struct TopKey;

impl<'de> DeserializeSeed<'de> for TopKey {
    type Value = TopKeyKind;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<TopKeyKind, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopKey {
    type Value = TopKeyKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<TopKeyKind, E> {
        Ok(if v == "columns" {
            TopKeyKind::Columns
        } else if let Some(i) = ROW_KEYS.iter().position(|k| *k == v) {
            TopKeyKind::Rows(i)
        } else {
            TopKeyKind::Other
        })
    }
}

/// The value of a "columns" key: its strings when it is an array.
struct ColumnsSeed;

impl<'de> DeserializeSeed<'de> for ColumnsSeed {
    type Value = Option<Vec<String>>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ColumnsSeed {
    type Value = Option<Vec<String>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of column names")
    }

    accept_scalars!(None);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut names = Vec::new();
        while let Some(name) = seq.next_element::<ColumnName>()? {
            names.extend(name.0);
        }
        Ok(Some(names))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// An element of the "columns" list: a name when it is a string.
struct ColumnName(Option<String>);

impl<'de> Deserialize<'de> for ColumnName {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ColumnNameVisitor).map(ColumnName)
    }
}

struct ColumnNameVisitor;

impl<'de> Visitor<'de> for ColumnNameVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a column name")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        skip_seq(seq).map(|()| None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// The value of one of the [`ROW_KEYS`] (or the top-level array): its rows when it is an
/// array, `None` otherwise.
struct RowsSeed<'s, 'de, 'p>(&'s mut Scan<'de, 'p>, usize);

impl<'de> DeserializeSeed<'de> for RowsSeed<'_, 'de, '_> {
    type Value = Option<RowsSummary>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RowsSeed<'_, 'de, '_> {
    type Value = Option<RowsSummary>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of rows")
    }

    accept_scalars!(None);

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.run_rows(seq, self.1).map(Some)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        skip_map(map).map(|()| None)
    }
}

/// One row.
pub(super) struct RowSeed<'s, 'de, 'p>(pub(super) &'s mut Scan<'de, 'p>);

impl<'de> DeserializeSeed<'de> for RowSeed<'_, 'de, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_, 'de, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row object")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.bad_row();
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.bad_row();
        skip_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let s = self.0;
        s.start_row();
        while let Some(k) = map.next_key_seed(KeySeed(&mut *s))? {
            if s.rows.build.is_some() {
                map.next_value_seed(CellSeed(&mut *s, k))?;
            } else {
                map.next_value::<Skip>()?;
            }
        }
        s.end_row();
        Ok(())
    }
}

/// A key of a row, as its index.
struct KeySeed<'s, 'de, 'p>(&'s mut Scan<'de, 'p>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_, 'de, '_> {
    type Value = u32;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, 'de, '_> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<u32, E> {
        self.0.at = (v.as_ptr() as usize).wrapping_sub(self.0.base);
        Ok(self.0.resolve(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u32, E> {
        Ok(self.0.resolve(v))
    }
}

/// The value of a key of a row, kept as the cell's text.
struct CellSeed<'s, 'de, 'p>(&'s mut Scan<'de, 'p>, u32);

impl<'de> CellSeed<'_, 'de, '_> {
    fn set(self, cell: Cell<'de>) {
        self.0.rows.slots[self.1 as usize] = cell;
    }

    fn write(self, f: impl FnOnce(&mut String)) {
        let r = &mut self.0.rows;
        let start = r.buf.len();
        f(&mut r.buf);
        r.slots[self.1 as usize] = Cell::Buf(start, r.buf.len());
    }

    fn nested(self, v: serde_json::Value) {
        self.write(|buf| {
            let _ = write!(buf, "{v}");
        });
    }
}

impl<'de> DeserializeSeed<'de> for CellSeed<'_, 'de, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CellSeed<'_, 'de, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a cell value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.set(Cell::Empty);
        Ok(())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.write(|buf| buf.push_str(if v { "true" } else { "false" }));
        Ok(())
    }

    // A JSON integer is read as u64 or i64; its text is the same as number_text's, whose f64
    // is exact below 10^15 (< 2^53) and which writes larger ones as integers.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.write(|buf| {
            let _ = write!(buf, "{v}");
        });
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.write(|buf| {
            let _ = write!(buf, "{v}");
        });
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // As serde_json::Value: a number that is not finite would be null.
        match serde_json::Number::from_f64(v) {
            Some(n) => self.write(|buf| number_text(&n, buf)),
            None => self.set(Cell::Empty),
        }
        Ok(())
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.set(Cell::Text(v));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.write(|buf| buf.push_str(v));
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let v = serde_json::Value::deserialize(SeqAccessDeserializer::new(seq))?;
        self.nested(v);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let v = serde_json::Value::deserialize(MapAccessDeserializer::new(map))?;
        self.nested(v);
        Ok(())
    }
}
