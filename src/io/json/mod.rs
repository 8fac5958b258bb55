//! Reading JSON event files straight into a document, without a `serde_json::Value` tree or a
//! table of cell strings: the text is walked with serde, and each row object becomes cells
//! handed to the [`Builder`] as soon as it is read, borrowing the file's text wherever a string
//! has no escapes.
//!
//! The columns must be known before the first row is added: the file's own `"columns"` list
//! first, then the rows' keys in order of first appearance. The first pass therefore builds
//! optimistically with the columns known when the rows start plus the first row's keys. When
//! that guess turns out wrong (a later row brings a key that is not a column yet, the file names
//! its columns only after the rows, another array holds the rows), a second pass builds the
//! document again with the columns the first pass learned. The files the app writes list their
//! columns before the rows and are read in one pass.
//!
//! Errors are those of parsing the whole text as a `serde_json::Value`: the first pass reads
//! every value with `deserialize_any`, one level of serde_json's recursion limit per array or
//! object as `Value` does, so invalid JSON and too deep nesting are reported at the same line
//! and column; and a missing rows array or a row that is not an object is reported only once
//! the whole text is known to be valid JSON.

mod scan;
mod visit;

use std::path::Path;

use scan::{Build, Kind, RowsSummary, Scan};
use visit::TopVisitor;

use super::builder::Builder;
use super::error::{ErrorKind, FileError, cancelled, err};
use super::progress::Progress;
use super::report::{ImportReport, ReadOptions};
use crate::data::document::Document;
use serde::de::Deserializer as _;

/// Top-level keys that may hold the rows, in order of preference.
const ROW_KEYS: [&str; 4] = ["events", "rows", "data", "records"];

/// No key (a listed column that no row has).
const NONE: u32 = u32::MAX;

/// The "occurrence" of a top-level array of rows.
const TOP: usize = usize::MAX;

/// Entries of [`scan::Rows::recent`] (a power of two).
const RECENT: usize = 128;

/// Rows between checks for cancelling and progress reports.
const TICK: usize = 8192;

/// A JSON file read.
pub(super) struct Parsed {
    /// True when the rows array is empty: the document then keeps the columns the file names,
    /// if any is known, and the caller shows it as it is.
    pub rows_empty: bool,
    /// The document, or why the rows could not become one (no known column, cancelled).
    pub doc: Result<Document, FileError>,
}

impl Parsed {
    /// A document read (rows not empty).
    fn doc(doc: Result<Document, FileError>) -> Parsed {
        Parsed {
            rows_empty: false,
            doc,
        }
    }
}

/// What the first pass learned of the rows array to build again: where it is, how many rows it
/// has, and all its columns.
struct Again {
    occurrence: usize,
    len: usize,
    headers: Vec<String>,
}

/// Reads JSON text. `Err` means the text is not a JSON table of events (invalid JSON, no rows
/// array, a row that is not an object), and leaves `report` as it was; problems of the table
/// itself are in [`Parsed::doc`].
pub(super) fn read(
    path: &Path,
    text: &str,
    report: &mut ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Parsed, FileError> {
    let text = text.trim_start_matches('\u{feff}');
    let snapshot = report.clone();
    // First pass: check the whole text, learn the columns, and build the document if the
    // columns known at the first row are all there are.
    let mut scan = Scan::new(path, text, report, &snapshot, options, progress);
    let again = match first_pass(&mut scan, path, text)? {
        Ok(parsed) => return Ok(parsed),
        Err(again) => again,
    };
    scan.restore();
    drop(scan);

    // Second pass: build the rows array with all its columns.
    let mut builder = match Builder::begin(path, &again.headers, report, options) {
        Ok(b) => b,
        Err(e) => return Ok(Parsed::doc(Err(e))),
    };
    builder.doc.reserve(again.len);
    let mut scan = Scan::new(path, text, report, &snapshot, options, progress);
    scan.target = Some(again.occurrence);
    scan.prepared = Some(Build {
        header_src: vec![NONE; again.headers.len()],
        headers: again.headers,
        builder: Some(builder),
    });
    walk(&mut scan, path, text)?;
    if scan.cancelled {
        return Ok(Parsed::doc(Err(cancelled(path))));
    }
    match scan.built.take() {
        Some(b) => {
            let mut doc = b.doc;
            doc.shrink_to_fit();
            Ok(Parsed::doc(Ok(doc)))
        }
        None => Err(err(
            path,
            ErrorKind::NotATable,
            crate::msg!("json-rows-again"),
        )),
    }
}

/// Walks the whole text with `scan`; the JSON error, unless the walk was cancelled (then
/// `scan.cancelled` says so).
fn walk<'de>(scan: &mut Scan<'de, '_>, path: &Path, text: &'de str) -> Result<(), FileError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = (&mut de)
        .deserialize_any(TopVisitor(&mut *scan))
        .and_then(|()| de.end());
    match walked {
        Err(e) if !scan.cancelled => Err(json_error(path, &e)),
        _ => Ok(()),
    }
}

/// The first pass: the document when it could be built while checking the text (or the empty
/// table, or a cancelled load), else what the second pass needs.
fn first_pass<'de>(
    scan: &mut Scan<'de, '_>,
    path: &Path,
    text: &'de str,
) -> Result<Result<Parsed, Again>, FileError> {
    if let Err(e) = walk(scan, path, text) {
        scan.restore();
        return Err(e);
    }
    if scan.cancelled {
        scan.restore();
        return Ok(Ok(Parsed::doc(Err(cancelled(path)))));
    }
    let (occurrence, rows, columns) = rows_found(scan, path)?;
    if let Some(i) = rows.first_bad {
        scan.restore();
        return Err(err(
            path,
            ErrorKind::NotATable,
            crate::msg!("json-row-not-object", row = (i + 1).to_string()),
        ));
    }
    // Column order: the file's own "columns" list when it has one, then keys as they appear.
    let mut headers = columns.clone().unwrap_or_default();
    for k in rows.keys {
        if !headers.contains(&k) {
            headers.push(k);
        }
    }
    let built = scan.built.take();
    if rows.len == 0 {
        scan.restore();
        let doc = Builder::begin(path, &headers, scan.report, scan.options).map(|b| b.doc);
        return Ok(Ok(Parsed {
            rows_empty: true,
            doc,
        }));
    }
    if let Some(b) = built
        && b.occurrence == occurrence
        && b.columns == columns
    {
        let mut doc = b.doc;
        doc.shrink_to_fit();
        return Ok(Ok(Parsed::doc(Ok(doc))));
    }
    Ok(Err(Again {
        occurrence,
        len: rows.len,
        headers,
    }))
}

/// The rows array the first pass found (its occurrence, what it holds, and the "columns" list
/// beside it); an error when the text has none.
fn rows_found(
    scan: &mut Scan<'_, '_>,
    path: &Path,
) -> Result<(usize, RowsSummary, Option<Vec<String>>), FileError> {
    match scan.kind {
        Kind::Array => match scan.top.take() {
            Some(rows) => Ok((TOP, rows, None)),
            None => Err(err(
                path,
                ErrorKind::NotATable,
                crate::msg!("json-rows-array"),
            )),
        },
        Kind::Object => {
            let found = scan.candidates.iter_mut().find_map(|c| {
                c.as_mut()
                    .and_then(|c| c.rows.take().map(|r| (c.occurrence, r)))
            });
            let Some((occurrence, rows)) = found else {
                scan.restore();
                return Err(err(
                    path,
                    ErrorKind::NotATable,
                    crate::msg!("json-no-events"),
                ));
            };
            Ok((occurrence, rows, scan.columns.take()))
        }
        Kind::Scalar => {
            scan.restore();
            Err(err(
                path,
                ErrorKind::NotATable,
                crate::msg!("json-single-value"),
            ))
        }
    }
}

/// The message for text serde_json refuses, with its line and column.
fn json_error(path: &Path, e: &serde_json::Error) -> FileError {
    let (why, kind) = if e.to_string().contains("recursion limit") {
        (crate::msg!("json-too-deep"), ErrorKind::TooDeep)
    } else {
        (
            crate::msg!("json-invalid", reason = e.to_string()),
            ErrorKind::Syntax {
                line: e.line(),
                column: e.column(),
            },
        )
    };
    err(
        path,
        kind,
        crate::msg!(
            "json-at",
            line = e.line().to_string(),
            column = e.column().to_string(),
            why = why
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::visit::number_text;
    use super::*;
    use crate::data::document::{Column, Field, Metric};
    use crate::io::builder::build;

    /// A JSON text that is not a table of events.
    fn not_a_table(path: &Path, message: &str) -> FileError {
        err(path, ErrorKind::NotATable, message)
    }

    /// The reader this module replaced (the whole text as a `serde_json::Value`, then every
    /// cell copied into a table of strings), kept to check that the results are the same.
    fn reference_read_json(
        path: &Path,
        text: &str,
    ) -> Result<(Vec<String>, Vec<Vec<String>>), FileError> {
        let text = text.trim_start_matches('\u{feff}');
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| json_error(path, &e))?;
        let rows = match &value {
            serde_json::Value::Array(a) => a,
            serde_json::Value::Object(o) => ROW_KEYS
                .iter()
                .find_map(|k| o.get(*k).and_then(|v| v.as_array()))
                .ok_or_else(|| not_a_table(path, "the JSON object has no \"events\" array; expected [ {…}, … ] or {\"events\": [ {…}, … ]}"))?,
            _ => return Err(not_a_table(path, "expected a JSON array of rows or {\"events\": [ … ]}, not a single value")),
        };
        let mut headers: Vec<String> = value
            .get("columns")
            .and_then(|c| c.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        for (i, row) in rows.iter().enumerate() {
            let obj = row.as_object().ok_or_else(|| {
                not_a_table(
                    path,
                    &format!("row {} is not an object with named fields", i + 1),
                )
            })?;
            for k in obj.keys() {
                if !headers.iter().any(|h| h == k) {
                    headers.push(k.clone());
                }
            }
        }
        let cells = rows
            .iter()
            .filter_map(|row| row.as_object())
            .map(|obj| {
                headers
                    .iter()
                    .map(|h| obj.get(h).map(reference_cell_text).unwrap_or_default())
                    .collect()
            })
            .collect();
        Ok((headers, cells))
    }

    fn reference_cell_text(v: &serde_json::Value) -> String {
        match v {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
                _ => n.to_string(),
            },
            other => other.to_string(),
        }
    }

    /// Everything a document shows, as text.
    fn fingerprint(doc: &Document) -> Vec<String> {
        let mut out = vec![
            format!("{:?}", doc.columns()),
            format!("{:?}", doc.extra_names()),
            format!("{} rows, {:?}", doc.len(), doc.date_order()),
        ];
        for &c in doc.columns() {
            out.push(format!("header {:?}: {:?}", c, doc.column_header(c)));
        }
        for row in 0..doc.len() {
            for &c in doc.columns() {
                out.push(format!(
                    "{row} {c:?}: {:?} / {:?}",
                    doc.cell_text(row, c),
                    doc.file_text(row, c)
                ));
            }
            for m in Metric::ALL {
                out.push(format!("{row} {m:?}: {:?}", doc.figure(row, m)));
            }
            out.push(format!("{row} date: {:?}", doc.date(row)));
        }
        out.push(format!("{:?}", doc.problems()));
        out
    }

    type Outcome = Result<(bool, Result<Vec<String>, String>, ImportReport), String>;

    fn new_outcome(text: &str, options: &ReadOptions, progress: &Progress) -> Outcome {
        let mut report = ImportReport::default();
        let parsed = read(Path::new("t.json"), text, &mut report, options, progress);
        match parsed {
            Ok(p) => Ok((
                p.rows_empty,
                p.doc
                    .map(|d| fingerprint(&d))
                    .map_err(|e| e.message.to_string()),
                report,
            )),
            Err(e) => {
                assert_eq!(report, ImportReport::default(), "report left changed");
                Err(e.message.to_string())
            }
        }
    }

    fn reference_outcome(text: &str, options: &ReadOptions) -> Outcome {
        let path = Path::new("t.json");
        let (headers, rows) = reference_read_json(path, text).map_err(|e| e.message.to_string())?;
        let mut report = ImportReport::default();
        let doc = build(
            path,
            &headers,
            &rows,
            &mut report,
            options,
            &Progress::default(),
        );
        Ok((
            rows.is_empty(),
            doc.map(|d| fingerprint(&d))
                .map_err(|e| e.message.to_string()),
            report,
        ))
    }

    fn same_as_before(text: &str) {
        let options = ReadOptions::default();
        let new = new_outcome(text, &options, &Progress::default());
        let old = reference_outcome(text, &options);
        assert_eq!(new, old, "for {text:?}");
    }

    #[test]
    fn cells_columns_and_numbers_are_read_as_documented() {
        let text = r#"{
          "columns": ["date", "province", "rigs_seized", "notes", "amount", "listed only"],
          "events": [
            {"date": "2021-09-27", "province": "Inner Mongolia", "rigs_seized": 10100,
             "notes": "caf\u00e9 \"quoted\"\nline", "amount": 12.5},
            {"province": "新疆", "amount": 1e20, "notes": null, "later": [1, {"a": null, "b": "x"}]},
            {"date": null, "amount": -3, "later": {"k": [true, false]}, "notes": "矿机 ✓",
             "rigs_seized": 200.0, "tags": "a\tb\\c"},
            {"amount": 0.1, "later": "plain"}
          ]
        }"#;
        let mut report = ImportReport::default();
        let parsed = read(
            Path::new("t.json"),
            text,
            &mut report,
            &ReadOptions::default(),
            &Progress::default(),
        )
        .unwrap();
        assert!(!parsed.rows_empty);
        let doc = parsed.doc.unwrap();
        assert_eq!(
            report.headers,
            [
                "date",
                "province",
                "rigs_seized",
                "notes",
                "amount",
                "listed only",
                "later",
                "tags"
            ]
        );
        assert_eq!(
            doc.extra_names(),
            ["amount", "listed only", "later", "tags"]
        );
        assert_eq!(doc.len(), 4);
        let notes = Column::Field(Field::Notes);
        let (amount, listed, later, tags) = (
            Column::Extra(0),
            Column::Extra(1),
            Column::Extra(2),
            Column::Extra(3),
        );
        let text_of = |row: usize, c: Column| doc.cell_text(row, c).into_owned();
        assert_eq!(text_of(0, Column::Field(Field::Date)), "2021-09-27");
        assert_eq!(text_of(0, notes), "café \"quoted\"\nline");
        assert_eq!(text_of(0, amount), "12.5");
        assert_eq!(text_of(0, later), "");
        assert_eq!(text_of(0, listed), "");
        assert_eq!(doc.figure_value(0, Metric::Rigs), Some(10100.0));
        assert_eq!(text_of(1, Column::Field(Field::Province)), "新疆");
        assert_eq!(text_of(1, amount), "1e+20");
        assert_eq!(text_of(1, notes), "");
        assert_eq!(text_of(1, later), r#"[1,{"a":null,"b":"x"}]"#);
        assert_eq!(text_of(1, Column::Field(Field::Date)), "");
        assert_eq!(text_of(2, amount), "-3");
        assert_eq!(text_of(2, later), r#"{"k":[true,false]}"#);
        assert_eq!(text_of(2, notes), "矿机 ✓");
        assert_eq!(text_of(2, tags), "a\tb\\c");
        assert_eq!(doc.figure_value(2, Metric::Rigs), Some(200.0));
        assert_eq!(text_of(3, amount), "0.1");
        assert_eq!(text_of(3, later), "plain");
        same_as_before(text);

        // An empty events array keeps the listed columns.
        let text = r#"{"columns": ["date", "province", "extra"], "events": []}"#;
        let mut report = ImportReport::default();
        let parsed = read(
            Path::new("t.json"),
            text,
            &mut report,
            &ReadOptions::default(),
            &Progress::default(),
        )
        .unwrap();
        assert!(parsed.rows_empty);
        let doc = parsed.doc.unwrap();
        assert_eq!(doc.len(), 0);
        assert_eq!(report.headers, ["date", "province", "extra"]);
        assert_eq!(doc.extra_names(), ["extra"]);
        assert_eq!(doc.column_header(Column::Extra(0)), "extra");
        same_as_before(text);
    }

    #[test]
    fn integers_read_as_number_text_writes_them() {
        for v in [
            0u64,
            1,
            999_999_999_999_999,
            1_000_000_000_000_000,
            9_007_199_254_740_993,
            u64::MAX,
        ] {
            let mut a = String::new();
            number_text(&serde_json::Number::from(v), &mut a);
            assert_eq!(a, v.to_string());
        }
        for v in [
            -1i64,
            -999_999_999_999_999,
            -1_000_000_000_000_000,
            -9_007_199_254_740_993,
            i64::MIN,
        ] {
            let mut a = String::new();
            number_text(&serde_json::Number::from(v), &mut a);
            assert_eq!(a, v.to_string());
        }
    }

    #[test]
    fn odd_files_read_as_before() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let deep_cell = format!(
            r#"[{{"date": "2021", "x": {}1{}}}]"#,
            "[".repeat(130),
            "]".repeat(130)
        );
        let deep_other = format!(
            r#"{{"events": [{{"date": "2021"}}], "meta": {}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        let at_limit = format!(
            r#"[{{"date": "2021", "x": {}1{}}}]"#,
            "[".repeat(125),
            "]".repeat(125)
        );
        let cases: Vec<String> = [
            "[]",
            "{}",
            "[{}]",
            "[{}, {}]",
            "5",
            "\"text\"",
            "null",
            "[1]",
            "[{\"date\": \"2021\"}, 2]",
            "[{\"date\": \"2021\"}, [1, 2]]",
            "[{\"date\": \"2021\"}, 2, {\"date\": ]",
            "[{\"date\": \"2021\",]",
            "[{\"date\": \"2021\"}] x",
            "[{\"date\": \"2021\"}",
            "{\"events\": 3}",
            "{\"events\": {\"date\": 1}}",
            "{\"rows\": [{\"date\": \"2021\"}], \"events\": [{\"province\": \"Hebei\"}]}",
            "{\"events\": [{\"date\": \"2021\"}], \"events\": 4, \"data\": [{\"province\": \"Hebei\"}]}",
            "{\"events\": [{\"date\": \"2021\"}], \"events\": [{\"province\": \"Hebei\", \"x\": 1}]}",
            "{\"events\": [{\"date\": \"2021\", \"zz\": 1}], \"columns\": [\"province\", \"date\"]}",
            "{\"columns\": [\"province\"], \"events\": [{\"date\": \"2021\"}], \"columns\": [\"date\", 5, [\"x\"], \"date\", \"province\"]}",
            "{\"columns\": [\"date\", \"date\"], \"events\": [{\"date\": \"2021\"}, {\"date\": \"2022\", \"notes\": \"n\"}]}",
            "{\"columns\": \"date\", \"events\": [{\"date\": \"2021\"}]}",
            "{\"columns\": [\"x\", \"y\"], \"events\": []}",
            "{\"columns\": [\"date\"], \"events\": [{}, {\"date\": \"  \"}]}",
            "{\"columns\": [\"date\"], \"events\": [1]}",
            "{\"columns\": [\"date\"], \"records\": [{\"x\": 1}], \"data\": []}",
            "[{\"x\": 1}]",
            "[{\"x\": 1}, {\"date\": \"2021\"}]",
            "[{\"date\": \"2021\", \"date\": null}, {\"date\": null, \"date\": \"2022\"}]",
            "[{\"da\\u0074e\": \"2021\", \"date\": \"2020\", \"\": \"empty key\"}]",
            "[{\"date\": \"2021\", \"rigs_seized\": -0}, {\"rigs_seized\": -0.0}, {\"rigs_seized\": 1e400}]",
            "[{\"date\": \"2021\", \"rigs_seized\": 1.0e15}, {\"rigs_seized\": 999999999999999.0}, {\"rigs_seized\": 123456789012345678901234567890}]",
            "[{\"date\": \"2021\", \"n\": 0.30000000000000004, \"m\": 5e-324, \"k\": 1.7976931348623157e308}]",
            "[{\"date\": \"\\ud83d\\ude00 \\u0000\", \"n\": \"\\ud800\"}]",
            "[{\"date\": \"a\u{1}b\"}]",
            "[{\"Date\": \"2021\", \"Rigs Seized\": \"1,000\", \"province\": \"hebei\"}]",
            "\u{feff}\u{feff}[{\"date\": \"2021\"}]",
            "  \n [{\"date\": \"2021\"}] \n ",
            "[{\"date\": \"2021\", \"b\": true, \"c\": false, \"d\": {}, \"e\": []}]",
            "[{\"date\": \"2021\", \"o\": {\"z\": 1, \"a\": 2, \"z\": 3}}]",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .chain([deep, deep_cell, deep_other, at_limit])
        .chain(
            [
                "[{\"date\": \"2021\"}, DEEP]",
                "{\"columns\": [\"date\", DEEP], \"events\": [{\"date\": \"2021\"}]}",
                "{\"rows\": [{\"date\": \"2021\", \"x\": DEEP}], \"events\": [{\"date\": \"2021\"}]}",
                "{\"events\": [{\"date\": \"2021\"}, {\"x\": 1, \"y\": DEEP}]}",
                "{\"events\": DEEP}",
                "{DEEP: 1}",
            ]
            .iter()
            .map(|s| s.replace("DEEP", &format!("{}{}", "[{\"a\":".repeat(70), "}]".repeat(70)))),
        )
        .collect();
        for text in &cases {
            same_as_before(text);
        }
    }

    /// A small deterministic generator of JSON-ish texts: shapes, keys, values and damage.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: u64) -> usize {
            (self.next() % n) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len() as u64)]
        }

        fn key(&mut self) -> String {
            let k = self.pick(&[
                "date",
                "province",
                "rigs_seized",
                "electricity_saved_kwh",
                "notes",
                "city",
                "Rigs Seized",
                "x",
                "y",
                "",
                "da\\u0074e",
                "n\\\"q",
            ]);
            format!("\"{k}\"")
        }

        fn value(&mut self, depth: u32) -> String {
            match self.below(if depth > 2 { 9 } else { 11 }) {
                0 => "null".into(),
                1 => self.pick(&["true", "false"]).into(),
                2 => self
                    .pick(&[
                        "0",
                        "-0",
                        "7",
                        "-12",
                        "10100",
                        "1e3",
                        "123456789012345678",
                        "-9999999999999999999",
                    ])
                    .into(),
                3 => self
                    .pick(&[
                        "0.5",
                        "-0.0",
                        "1e20",
                        "1.5e-7",
                        "123.0",
                        "1e15",
                        "999999999999999.5",
                        "2.5E+3",
                    ])
                    .into(),
                4 | 5 => format!(
                    "\"{}\"",
                    self.pick(&[
                        "2021-09-27",
                        "Hebei",
                        "内蒙古",
                        "",
                        "  ",
                        "a\\nb",
                        "\\u00e9\\ud83d\\ude00",
                        "\\\"q\\\"",
                        "1,000",
                        "约 200",
                        "03/04/2021",
                        "x\\\\y",
                    ])
                ),
                6..=8 => format!(
                    "\"{}\"",
                    self.pick(&["2020-05", "Sichuan", "5", "shutdown"])
                ),
                9 => {
                    let n = self.below(3);
                    let items: Vec<String> = (0..n).map(|_| self.value(depth + 1)).collect();
                    format!("[{}]", items.join(","))
                }
                _ => {
                    let n = self.below(3);
                    let items: Vec<String> = (0..n)
                        .map(|_| format!("{}:{}", self.key(), self.value(depth + 1)))
                        .collect();
                    format!("{{{}}}", items.join(","))
                }
            }
        }

        fn row(&mut self) -> String {
            match self.below(40) {
                0 => self.value(0),
                1 => "[1]".into(),
                _ => {
                    let n = self.below(6);
                    let items: Vec<String> = (0..n)
                        .map(|_| format!("{}: {}", self.key(), self.value(1)))
                        .collect();
                    format!("{{{}}}", items.join(", "))
                }
            }
        }

        fn rows(&mut self) -> String {
            let n = self.below(6);
            let rows: Vec<String> = (0..n).map(|_| self.row()).collect();
            format!("[{}]", rows.join(",\n "))
        }

        fn columns(&mut self) -> String {
            match self.below(5) {
                0 => self.value(1),
                _ => {
                    let n = self.below(5);
                    let items: Vec<String> = (0..n)
                        .map(|_| {
                            if self.below(6) == 0 {
                                self.value(1)
                            } else {
                                self.key()
                            }
                        })
                        .collect();
                    format!("[{}]", items.join(", "))
                }
            }
        }

        fn text(&mut self) -> String {
            let mut text = match self.below(8) {
                0 => self.value(0),
                1 | 2 => self.rows(),
                _ => {
                    let n = 1 + self.below(4);
                    let entries: Vec<String> = (0..n)
                        .map(|_| match self.below(7) {
                            0 | 1 => format!("\"columns\": {}", self.columns()),
                            2 => format!("\"meta\": {}", self.value(0)),
                            _ => {
                                let k = self.pick(&["events", "rows", "data", "records", "events"]);
                                let v = if self.below(6) == 0 {
                                    self.value(0)
                                } else {
                                    self.rows()
                                };
                                format!("\"{k}\": {v}")
                            }
                        })
                        .collect();
                    format!("{{{}}}", entries.join(",\n"))
                }
            };
            // Damage now and then: cut the text short or drop a character.
            match self.below(12) {
                0 if !text.is_empty() => {
                    let mut at = self.below(text.len() as u64);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    text.truncate(at);
                }
                1 if !text.is_empty() => {
                    let mut at = self.below(text.len() as u64);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    text.remove(at);
                }
                _ => {}
            }
            text
        }
    }

    #[test]
    fn generated_files_read_as_before() {
        let mut g = Gen(0x9E37_79B9_7F4A_7C15);
        // (documents, documents of no rows, files refused as a table, files not JSON)
        let mut seen = [0; 4];
        for _ in 0..4000 {
            let text = g.text();
            same_as_before(&text);
            match reference_outcome(&text, &ReadOptions::default()) {
                Ok((false, Ok(_), _)) => seen[0] += 1,
                Ok((true, _, _)) => seen[1] += 1,
                Ok((false, Err(_), _)) => seen[2] += 1,
                Err(_) => seen[3] += 1,
            }
        }
        assert!(
            seen.iter()
                .zip([1000, 200, 50, 1000])
                .all(|(&n, least)| n >= least),
            "{seen:?}"
        );
    }

    #[test]
    fn a_chosen_mapping_reads_as_before() {
        let text = r#"{"columns": ["when", "where", "n"], "events": [{"when": "2021-05", "where": "Hebei", "n": 3}, {"n": 4, "extra": 1}]}"#;
        let options = ReadOptions {
            mapping: Some(vec![
                Some(Field::Date),
                Some(Field::Province),
                Some(Field::Rigs),
            ]),
            ..ReadOptions::default()
        };
        let new = new_outcome(text, &options, &Progress::default());
        assert_eq!(new, reference_outcome(text, &options));
        assert!(new.unwrap().1.is_ok());
    }

    #[test]
    fn many_rows_in_one_pass_or_two_and_cancelling() {
        let row = |i: usize| {
            format!(
                r#"{{"date": "2021-{:02}", "province": "Hebei", "rigs_seized": {i}{}}}"#,
                i % 12 + 1,
                if i == 15_000 { r#", "late": "x""# } else { "" }
            )
        };
        let rows: Vec<String> = (0..20_000).map(row).collect();
        let listed = format!(
            r#"{{"columns": ["date", "province", "rigs_seized", "late"], "events": [{}]}}"#,
            rows.join(",")
        );
        let unlisted = format!("[{}]", rows.join(","));
        for text in [&listed, &unlisted] {
            same_as_before(text);
            let progress = Progress::default();
            progress.set(0, 2 * text.len() as u64);
            assert!(new_outcome(text, &ReadOptions::default(), &progress).is_ok());
            let (done, total) = progress.get();
            assert!(done > total / 2, "{done} of {total}");
            progress.cancel();
            let cancelled = new_outcome(text, &ReadOptions::default(), &progress).unwrap();
            assert_eq!(cancelled.1, Err("loading was cancelled".to_owned()));
        }
    }
}
