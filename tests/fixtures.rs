//! The fixtures corpus (`tests/fixtures/manifest.json`): odd and hostile files, each read as
//! the app reads it and checked against its expected outcome. All mismatches are reported
//! together.

use std::path::{Path, PathBuf};

use crackdown_dashboard::analysis::LoadSums;
use crackdown_dashboard::cli;
use crackdown_dashboard::data::document::{Column, Document, Field, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::io::{self, Format, Import, ReadOptions};
use serde_json::Value;

fn field_by_key(key: &str) -> Option<Field> {
    Field::ALL.iter().copied().find(|f| f.key() == key)
}

fn fixture_bytes(entry: &Value, dir: &Path) -> (PathBuf, Vec<u8>) {
    let file = entry["file"].as_str().unwrap();
    let path = dir.join(file);
    if entry.get("generated").and_then(Value::as_bool) == Some(true) {
        let recipe = &entry["recipe"];
        match recipe["recipe"].as_str() {
            Some("big_cell") => {
                let n = recipe["bytes"].as_u64().unwrap() as usize;
                let mut bytes =
                    b"date,province,rigs_seized,notes\n2021-09-27,Inner Mongolia,10100,".to_vec();
                bytes.extend(std::iter::repeat_n(b'x', n));
                bytes.push(b'\n');
                return (path, bytes);
            }
            other => panic!("unknown recipe {other:?} for {file}"),
        }
    }
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    (path, bytes)
}

fn check_cell(doc: &Document, file: &str, cell: &Value, failures: &mut Vec<String>) {
    let row = cell["row"].as_u64().unwrap() as usize - 1;
    let key = cell["column"].as_str().unwrap();
    let Some(field) = field_by_key(key) else {
        failures.push(format!("{file}: unknown column {key}"));
        return;
    };
    let column = Column::Field(field);
    let mut fail = |what: String| failures.push(format!("{file} row {} {key}: {what}", row + 1));
    if row >= doc.len() {
        fail(format!("no such row (document has {})", doc.len()));
        return;
    }
    let text = doc.cell_text(row, column);
    if let Some(v) = cell.get("value").and_then(Value::as_f64) {
        match field.metric().and_then(|m| doc.figure_value(row, m)) {
            Some(got) if (got - v).abs() <= 1e-9 * v.abs().max(1.0) => {}
            got => fail(format!(
                "value {got:?}, expected {v} (cell “{text}”, problem {:?})",
                doc.cell_problem(row, column)
            )),
        }
    }
    if let Some(a) = cell.get("approximate").and_then(Value::as_bool) {
        let got = field
            .metric()
            .is_some_and(|m| doc.figure_marker(row, m).is_some());
        if got != a {
            fail(format!("approximate {got}, expected {a} (cell “{text}”)"));
        }
    }
    if let Some(t) = cell.get("text").and_then(Value::as_str)
        && text != t
    {
        fail(format!(
            "text “{text}”, expected “{t}” (problem {:?})",
            doc.cell_problem(row, column)
        ));
    }
    if let Some(t) = cell.get("text_contains").and_then(Value::as_str)
        && !text.contains(t)
    {
        fail(format!("text “{text}” does not contain “{t}”"));
    }
    if let Some(n) = cell.get("text_length").and_then(Value::as_u64)
        && text.chars().count() as u64 != n
    {
        fail(format!(
            "text length {}, expected {n}",
            text.chars().count()
        ));
    }
    if let Some(code) = cell.get("province_code").and_then(Value::as_str) {
        let got = match doc.place(row) {
            Place::Region(id) => Gazetteer::get().region(id).code.clone(),
            Place::Unknown => "unknown".into(),
        };
        if got != code {
            fail(format!("province {got}, expected {code} (cell “{text}”)"));
        }
    }
    if let Some(p) = cell.get("problem").and_then(Value::as_bool) {
        let got = doc.cell_problem(row, column);
        if got.is_some() != p {
            fail(format!("problem {got:?}, expected {p} (cell “{text}”)"));
        }
    }
}

/// The row-level problems (`row_problems`), the totals over every province (`totals`) and the
/// rows left out of them (`rows_left_out`), as `check --json` gives them.
fn check_left_out(
    entry: &Value,
    path: &Path,
    import: &mut Import<LoadSums>,
    file: &str,
    failures: &mut Vec<String>,
) {
    for want in entry
        .get("row_problems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let row = want["row"].as_u64().unwrap() as usize - 1;
        let got = import.doc.row_problem(row).map(|p| p.message());
        if got != want["message"].as_str() {
            failures.push(format!(
                "{file} row {}: row problem {got:?}, expected {}",
                row + 1,
                want["message"]
            ));
        }
    }
    if entry.get("totals").is_none() && entry.get("rows_left_out").is_none() {
        return;
    }
    let summary = cli::summary(path, import);
    if let Some(want) = entry.get("rows_left_out")
        && summary["rows_left_out"] != *want
    {
        failures.push(format!(
            "{file}: rows left out {}, expected {want}",
            summary["rows_left_out"]
        ));
    }
    for (key, want) in entry
        .get("totals")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let got: f64 = summary["provinces"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| p[key.as_str()].as_f64().unwrap_or(0.0))
            .sum();
        let want = want.as_f64().unwrap();
        if (got - want).abs() > 1e-9 * want.abs().max(1.0) {
            failures.push(format!("{file}: total {key} {got}, expected {want}"));
        }
    }
}

#[test]
fn every_fixture_reads_as_expected() {
    let dir = Path::new("tests/fixtures");
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest.len() >= 30,
        "the corpus has {} fixtures",
        manifest.len()
    );
    let mut failures = Vec::new();
    for entry in &manifest {
        let file = entry["file"].as_str().unwrap();
        let (path, bytes) = fixture_bytes(entry, dir);
        let result = std::panic::catch_unwind(|| {
            io::read::<LoadSums>(
                &path,
                &bytes,
                Format::from_path(&path),
                &ReadOptions::default(),
            )
        });
        let Ok(result) = result else {
            failures.push(format!("{file}: PANIC"));
            continue;
        };
        match (entry["expect"].as_str(), result) {
            (Some("error"), Ok(import)) => failures.push(format!(
                "{file}: opened ({} rows) but should be refused",
                import.doc.len()
            )),
            (Some("error"), Err(e)) => {
                let want = entry["error_contains"].as_str().unwrap_or("");
                if !e.to_string().contains(want) {
                    failures.push(format!("{file}: message “{e}” lacks “{want}”"));
                }
                if !e.to_string().contains(file) {
                    failures.push(format!("{file}: message “{e}” does not name the file"));
                }
            }
            (_, Err(e)) => failures.push(format!("{file}: refused: {e}")),
            (_, Ok(mut import)) => {
                check_left_out(entry, &path, &mut import, file, &mut failures);
                let doc = &import.doc;
                let report = &import.report;
                if let Some(f) = entry.get("format").and_then(Value::as_str) {
                    let got = match (report.format, report.delimiter) {
                        (_, Some(b'\t')) => "tsv",
                        (Some(f), _) => f.name(),
                        (None, _) => "?",
                    };
                    if got != f {
                        failures.push(format!("{file}: format {got}, expected {f}"));
                    }
                }
                if let Some(e) = entry.get("encoding").and_then(Value::as_str) {
                    let e = if e == "utf-8-bom" { "utf-8" } else { e };
                    if report.encoding != e {
                        failures.push(format!(
                            "{file}: encoding {}, expected {e}",
                            report.encoding
                        ));
                    }
                }
                if let Some(d) = entry.get("delimiter").and_then(Value::as_str)
                    && report.delimiter != d.bytes().next()
                {
                    failures.push(format!(
                        "{file}: delimiter {:?}, expected {d:?}",
                        report.delimiter.map(char::from)
                    ));
                }
                if let Some(n) = entry.get("rows").and_then(Value::as_u64)
                    && doc.len() as u64 != n
                {
                    failures.push(format!("{file}: {} rows, expected {n}", doc.len()));
                }
                for key in entry
                    .get("columns")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let key = key.as_str().unwrap();
                    if !field_by_key(key).is_some_and(|f| report.mapping.contains(&Some(f))) {
                        failures.push(format!(
                            "{file}: column {key} not recognised (mapping {:?})",
                            report.mapping
                        ));
                    }
                }
                for name in entry
                    .get("extra_columns")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let name = name.as_str().unwrap();
                    if !doc.extra_names().iter().any(|n| n == name) {
                        failures.push(format!(
                            "{file}: extra column {name} not kept ({:?})",
                            doc.extra_names()
                        ));
                    }
                }
                if let Some(want) = entry.get("notices").and_then(Value::as_array) {
                    let mut want: Vec<&str> = want.iter().filter_map(Value::as_str).collect();
                    let mut got: Vec<&str> = report
                        .notices
                        .iter()
                        .filter_map(|n| n.column.as_deref())
                        .collect();
                    want.sort_unstable();
                    got.sort_unstable();
                    if got != want {
                        failures.push(format!(
                            "{file}: notices about {got:?}, expected {want:?} ({:?})",
                            report.notices
                        ));
                    }
                }
                for want in entry
                    .get("file_notices")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    let said = report
                        .notices
                        .iter()
                        .any(|n| n.column.is_none() && n.message.contains(want));
                    if !said {
                        failures.push(format!(
                            "{file}: no notice about the file saying “{want}” ({:?})",
                            report.notices
                        ));
                    }
                }
                if let Some(n) = entry.get("header_row").and_then(Value::as_u64)
                    && report.header_row != Some(n as usize)
                {
                    failures.push(format!(
                        "{file}: header row {:?}, expected {n}",
                        report.header_row
                    ));
                }
                if let Some(u) = entry.get("unit_row").and_then(Value::as_bool) {
                    let said = report
                        .guesses
                        .iter()
                        .any(|g| g.key() == Some("guess-unit-row"));
                    if said != u {
                        failures.push(format!(
                            "{file}: unit row {said}, expected {u} ({:?})",
                            report.guesses
                        ));
                    }
                }
                if let Some(f) = entry.get("number_format").and_then(Value::as_str)
                    && report.number_format.map(|n| n.label()) != Some(f)
                {
                    failures.push(format!(
                        "{file}: number format {:?}, expected {f}",
                        report.number_format.map(|n| n.label())
                    ));
                }
                if let Some(a) = entry.get("ambiguous_dates").and_then(Value::as_bool)
                    && doc.has_ambiguous_dates() != a
                {
                    failures.push(format!(
                        "{file}: ambiguous dates {}, expected {a}",
                        doc.has_ambiguous_dates()
                    ));
                }
                for pair in entry
                    .get("duplicate_rows")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let later = pair[1].as_u64().unwrap() as usize - 1;
                    if !doc
                        .problems()
                        .iter()
                        .any(|p| p.row == later && p.column.is_none())
                    {
                        failures.push(format!("{file}: duplicate row {} not reported", later + 1));
                    }
                }
                for cell in entry
                    .get("cells")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    check_cell(doc, file, cell, &mut failures);
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The command line reads every fixture without panicking or hanging, and exits 0 or 1.
#[test]
fn the_cli_never_panics_or_hangs_on_the_corpus() {
    let dir = Path::new("tests/fixtures");
    let manifest: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for entry in &manifest {
        let (path, bytes) = fixture_bytes(entry, dir);
        let path = if path.is_file() {
            path
        } else {
            let p = tmp.path().join(path.file_name().unwrap());
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_crackdown-dashboard"))
            .env(
                "CRACKDOWN_DATA_DIR",
                std::env::temp_dir().join("crackdown-dashboard-tests"),
            )
            .args(["check", path.to_str().unwrap(), "--json"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > std::time::Duration::from_secs(30) {
                child.kill().ok();
                panic!("{}: check hung", path.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        let expect = if entry["expect"] == "error" { 1 } else { 0 };
        assert_eq!(status.code(), Some(expect), "{}", path.display());
    }
}
