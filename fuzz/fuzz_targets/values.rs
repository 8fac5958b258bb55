//! Any text typed into a cell: the value parsers and the gazetteer never panic, and what they
//! accept has a canonical form that parses back to the same value.
#![no_main]

use crackdown_dashboard::data::document::{Column, Document, Field};
use crackdown_dashboard::data::gazetteer::{Gazetteer, REGION_COUNT};
use crackdown_dashboard::data::value::{self, NumberKind, Precision};
use crackdown_dashboard_fuzz::exercise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    for kind in [NumberKind::Count, NumberKind::Amount] {
        if let Ok(v) = value::parse_number(text, kind) {
            assert!(v.is_finite() && v >= 0.0, "{text:?} → {v}");
            if kind == NumberKind::Count {
                assert_eq!(v.fract(), 0.0, "count {text:?} → {v}");
                assert_eq!(value::parse_number(text, NumberKind::Amount), Ok(v));
            }
            let canonical = value::canonical_number(v);
            let again = value::parse_number(&canonical, kind);
            assert!(
                again.as_ref().is_ok_and(|w| w.to_bits() == v.to_bits()),
                "{text:?} → {v} → {canonical:?} → {again:?}"
            );
            let _ = value::human_amount(v);
            let _ = value::group_thousands(v, 2);
        }
    }

    if let Ok(d) = value::parse_date(text) {
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
        assert!(d.day_key() >= 1990_01_01 && d.day_key() <= 2100_12_31);
    }

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
