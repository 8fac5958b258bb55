//! Any text typed into a cell: the figure, date and basis parsers and the gazetteer never panic,
//! and what they accept is written back (in the column's unit, with its marker) as text that
//! parses to the same value.
#![no_main]

use crackdown_dashboard::data::document::{Column, Document, Field};
use crackdown_dashboard::data::figure::{self, Quantity};
use crackdown_dashboard::data::gazetteer::{Gazetteer, REGION_COUNT};
use crackdown_dashboard::data::value::{self, DateOrder, Precision};
use crackdown_dashboard_fuzz::{exercise, known_crash};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    if known_crash(text) {
        return;
    }

    for quantity in [Quantity::Count, Quantity::Energy, Quantity::Mass] {
        // The unit a header would give, and a few common ones (kWh, 亿千瓦时, million t).
        let header_pow10 = figure::header_pow10(text, quantity);
        for pow10 in [0, 3, 6, 8, header_pow10] {
            let Ok(fig) = figure::parse_figure(text, quantity, pow10) else {
                continue;
            };
            let v = fig.value;
            assert!(v.is_finite() && v >= 0.0, "{text:?} → {v}");
            if quantity == Quantity::Count {
                assert_eq!(v.fract(), 0.0, "count {text:?} → {v}");
            }
            // What a file gets: the value in the column's unit, with the marker as typed.
            let written = figure::with_marker(&figure::in_unit(v, pow10), fig.marker.as_ref());
            let again = figure::parse_figure(&written, quantity, pow10);
            assert!(
                again
                    .as_ref()
                    .is_ok_and(|g| g.value.to_bits() == v.to_bits() && g.marker == fig.marker),
                "{text:?} at 10^{pow10} → {fig:?} → written {written:?} → {again:?}"
            );
            let _ = (value::human_amount(v), value::group_thousands(v, 2));
        }
    }

    for order in [
        DateOrder::Unknown,
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
    ] {
        if let Ok(d) = value::parse_date_in(text, order) {
            let shown = d.to_string();
            assert_eq!(value::parse_date(&shown), Ok(d), "{text:?} → {shown}");
            assert!((1990..=2100).contains(&d.year), "{text:?} → {d:?}");
            // The first day a date may refer to is that date, completed with the 1st / January.
            let first = d.first_day().to_string();
            match d.precision() {
                Precision::Year => assert_eq!(first, format!("{shown}-01-01")),
                Precision::Month => assert_eq!(first, format!("{shown}-01")),
                Precision::Day => assert_eq!(first, shown),
            }
            assert!((1990_01_01..=2100_12_31).contains(&d.day_key()), "{d:?}");
        }
    }
    let _ = value::numeric_order(text);

    if let Ok(b) = value::parse_basis(text) {
        assert_eq!(value::parse_basis(b.as_str()), Ok(b));
    }

    let g = Gazetteer::get();
    let resolved = g.resolve(text);
    if let Some(r) = resolved {
        assert!(usize::from(r.region) < REGION_COUNT, "{r:?}");
        assert!(!g.region(r.region).english.is_empty());
    }
    // Surrounding whitespace never changes where a place resolves.
    assert_eq!(g.resolve(&format!("  {text}\t")), resolved, "{text:?}");
    if let Some(c) = g.resolve_city(text) {
        assert!(usize::from(c) < REGION_COUNT);
    }

    // The same text typed into every column of a row.
    let mut doc = Document::new();
    let columns: Vec<Column> = Field::ALL.iter().map(|&f| Column::Field(f)).collect();
    doc.push_row(columns.iter().map(|&c| (c, text)));
    exercise(&doc);
});
