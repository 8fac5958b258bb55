//! Any bytes opened under an arbitrary file name, the way `io::read_path` does: the format comes
//! from the extension (picked by the first byte among csv, tsv, json, txt, xlsx, xls, ods) and is
//! sniffed from the content when the extension is unknown.
//!
//! Invariants: sniffing (`format` `None`) agrees with reading in the format it announces; errors
//! name the file; a document that was read, saved the way `io::write_path` saves to that name
//! (CSV for unknown extensions) and reopened the way `io::read_path` opens it, is unchanged.
#![no_main]

use std::path::Path;

use crackdown_dashboard::io::{self, Format};
use crackdown_dashboard_fuzz::{check_roundtrip, exercise, snapshot};
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 7] = ["csv", "tsv", "json", "txt", "xlsx", "xls", "ods"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = format!(
        "events.{}",
        EXTENSIONS[usize::from(first) % EXTENSIONS.len()]
    );
    let path = Path::new(&name);

    // Sniffing: `None` must behave exactly like the format the content announces.
    let sniffed = io::read_bytes(path, bytes, None);
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let announced = match std::str::from_utf8(text).map(str::trim_start) {
        Ok(t) if t.starts_with('[') || t.starts_with('{') => Format::Json,
        _ => Format::Csv,
    };
    let explicit = io::read_bytes(path, bytes, Some(announced));
    match (&sniffed, &explicit) {
        (Ok(a), Ok(b)) => {
            let none = Default::default();
            assert!(
                snapshot(a, &none) == snapshot(b, &none),
                "sniffed {announced:?} differs"
            );
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("sniffing disagrees with {announced:?}: {sniffed:?} vs {explicit:?}"),
    }

    // Opening as read_path would, then saving as write_path would, then reopening.
    let open_as = Format::from_path(path);
    match io::read_bytes(path, bytes, open_as) {
        Ok(doc) => {
            exercise(&doc);
            let save_as = open_as.unwrap_or(Format::Csv);
            check_roundtrip(&doc, save_as, open_as, &name);
        }
        Err(e) => assert!(
            e.to_string().contains(&name) && !e.message.is_empty(),
            "an error names the file: {e}"
        ),
    }
});
