//! Any bytes opened under an arbitrary file name, the way `io::read_path` does: the format comes
//! from the extension (picked by the first byte among csv, tsv, json, txt, xlsx, xls, ods) and is
//! sniffed from the content when the extension is unknown.
//!
//! Invariants: sniffing (`format` `None`) reads exactly as CSV does (workbooks and JSON are
//! recognised by their content either way); errors name the file; a document that was read, saved
//! the way `io::write_path` saves to that name (CSV for unknown extensions, .xlsx for the
//! read-only .xls and .ods) and reopened the way `io::read_path` opens it, is unchanged.
#![no_main]

use std::path::Path;

use crackdown_dashboard::io::{self, Format};
use crackdown_dashboard_fuzz::{Mask, check_roundtrip, exercise, known_crash, snapshot};
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 7] = ["csv", "tsv", "json", "txt", "xlsx", "xls", "ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    if known_crash(&String::from_utf8_lossy(bytes)) {
        return;
    }
    let name = format!(
        "events.{}",
        EXTENSIONS[usize::from(first) % EXTENSIONS.len()]
    );
    let path = Path::new(&name);

    // Sniffing: `None` must behave exactly like `Some(Csv)`.
    let sniffed = io::read_bytes(path, bytes, None);
    let as_csv = io::read_bytes(path, bytes, Some(Format::Csv));
    match (&sniffed, &as_csv) {
        (Ok(a), Ok(b)) => {
            let none = Mask::default();
            assert!(snapshot(a, &none) == snapshot(b, &none), "sniffed ≠ CSV");
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("sniffing disagrees with CSV: {sniffed:?} vs {as_csv:?}"),
    }

    // Opening as read_path would, then saving as write_path would, then reopening.
    let open_as = Format::from_path(path);
    match io::read_bytes(path, bytes, open_as) {
        Ok(doc) => {
            exercise(&doc);
            let (save_as, saved_name) = match open_as {
                Some(Format::Xls | Format::Ods) => (Format::Xlsx, "events.xlsx".to_owned()),
                Some(f) => (f, name.clone()),
                None => (Format::Csv, name.clone()),
            };
            let reopen_as = Format::from_path(Path::new(&saved_name));
            check_roundtrip(&doc, save_as, reopen_as, &saved_name);
        }
        Err(e) => assert!(
            e.to_string().contains(&name) && !e.message.is_empty(),
            "an error names the file: {e}"
        ),
    }
});
