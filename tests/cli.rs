//! The command line, run as a user would run it: the real binary, its output and exit code.

use std::process::Command;

use crackdown_dashboard::analysis::{Filter, Granularity};
use crackdown_dashboard::data::document::{Metric, Place};
use crackdown_dashboard::data::gazetteer::Gazetteer;
use crackdown_dashboard::session::Session;
use serde_json::Value;

/// The binary, logging into a test folder instead of the user's data folder.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crackdown-dashboard"));
    c.env(
        "CRACKDOWN_DATA_DIR",
        std::env::temp_dir().join("crackdown-dashboard-tests"),
    );
    c
}

#[test]
fn check_json_on_the_sample_prints_the_dashboard_totals() {
    let out = bin()
        .args(["check", "sample-data/crackdown-events.csv", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "file",
            "format",
            "encoding",
            "rows",
            "date_range",
            "provinces",
            "rows_left_out",
            "problems",
            "notices"
        ]
    );
    assert_eq!(
        v["rows_left_out"],
        serde_json::json!({"no_date": 0, "totals_rows": 0, "note_rows": 0})
    );
    assert_eq!(v["notices"], serde_json::json!([]));
    assert_eq!(v["format"], "csv");
    assert_eq!(v["encoding"], "utf-8");
    assert_eq!(v["rows"], 60);
    assert_eq!(
        v["date_range"],
        serde_json::json!(["2017-06-01", "2022-08-28"])
    );
    assert_eq!(v["problems"], serde_json::json!([]));
    let view = Session::sample()
        .view(Granularity::Quarter, &Filter::default())
        .clone();
    let provinces = v["provinces"].as_array().unwrap();
    let im = provinces.iter().find(|p| p["code"] == "CN-NM").unwrap();
    assert_eq!(im["name"], "Inner Mongolia");
    assert_eq!(
        im["projects_shut_down"], 45.0,
        "the running total sets the level"
    );
    assert_eq!(im["rigs_seized"], 10100.0);
    assert_eq!(im["electricity_saved_kwh"], 6.58e9);
    let national = provinces.iter().find(|p| p["code"] == "CN").unwrap();
    assert_eq!(national["name"], "National");
    // Every province's totals are what the dashboard shows.
    for p in provinces {
        let code = p["code"].as_str().unwrap();
        let place = Place::Region(
            Gazetteer::get()
                .regions()
                .iter()
                .position(|r| r.code == code)
                .unwrap() as u8,
        );
        for (m, key) in [
            (Metric::Projects, "projects_shut_down"),
            (Metric::Rigs, "rigs_seized"),
            (Metric::Kwh, "electricity_saved_kwh"),
            (Metric::Coal, "coal_saved_tonnes"),
        ] {
            assert_eq!(
                p[key].as_f64().unwrap(),
                view.place_total(m, place).unwrap_or(0.0),
                "{code} {key}"
            );
        }
    }
    let rigs: f64 = provinces
        .iter()
        .map(|p| p["rigs_seized"].as_f64().unwrap())
        .sum();
    assert_eq!(rigs, view.totals[Metric::Rigs.index()]);
}

#[test]
fn aggregate_prints_each_province_and_period_and_times_itself_when_asked() {
    let out = bin()
        .args([
            "aggregate",
            "sample-data/crackdown-events.csv",
            "--by",
            "year",
            "--time",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with("read, summed and written in ") && stderr.trim_end().ends_with(" ms"),
        "{stderr}"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "province,period,projects_shut_down,rigs_seized,electricity_saved_kwh,coal_saved_tonnes"
        )
    );
    // The yearly lines add up to the dashboard's totals, province by province.
    let view = Session::sample()
        .view(Granularity::Year, &Filter::default())
        .clone();
    let mut rigs: std::collections::BTreeMap<String, f64> = Default::default();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 6, "{line}");
        assert!(cells[1].len() == 4 && cells[1].starts_with("20"), "{line}");
        *rigs.entry(cells[0].to_owned()).or_default() += cells[3].parse::<f64>().unwrap_or(0.0);
    }
    let im = Place::Region(Gazetteer::get().resolve("Inner Mongolia").unwrap().region);
    assert_eq!(
        rigs["Inner Mongolia"],
        view.place_total(Metric::Rigs, im).unwrap()
    );
    assert_eq!(
        rigs.values().sum::<f64>(),
        view.totals[Metric::Rigs.index()]
    );
    // Without --time, nothing on stderr.
    let quiet = bin()
        .args(["aggregate", "sample-data/crackdown-events.csv"])
        .output()
        .unwrap();
    assert!(quiet.stderr.is_empty());
    assert_eq!(quiet.status.code(), Some(0));
}

#[test]
fn check_reports_problems_with_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.csv");
    std::fs::write(
        &path,
        "date,province,rigs\n2021-09-27,Hebei,abc\n2021-09-27,Hebei,abc\n",
    )
    .unwrap();
    let out = bin()
        .args(["check", path.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["problems"][0],
        serde_json::json!({"row": 1, "column": "rigs_seized", "value": "abc", "message": "“abc” is not a number"})
    );
    assert_eq!(
        v["problems"].as_array().unwrap().len(),
        3,
        "two bad cells and a duplicate row: {}",
        v["problems"]
    );
    let text = bin()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("3 problems"));
}

#[test]
fn check_names_columns_it_does_not_read() {
    // No column recognised: not refused (exit 0), and the notices say so, then name each column
    // of figures kept as an extra column.
    let out = bin()
        .args(["check", "tests/fixtures/unknown_columns_only.csv", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rows"], 2);
    assert_eq!(
        v["notices"],
        serde_json::json!([
            {"column": null, "message": "no column was recognised: every column is kept as an extra column"},
            {"column": "foo", "message": "“foo” holds numbers and is kept as an extra column: map it?"},
            {"column": "bar", "message": "“bar” holds numbers and is kept as an extra column: map it?"},
        ])
    );
    let out = bin()
        .args(["check", "tests/fixtures/unmapped_numeric.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "  notice: “hashrate (EH/s)” holds numbers and is kept as an extra column: map it?"
        ),
        "{text}"
    );
    assert!(!text.contains("“执法单位” holds"), "{text}");
}

#[test]
fn exit_codes_and_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = bin()
        .args(["check", bad.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one-line reason: {stderr}");
    assert!(
        stderr.contains("bad.csv") && stderr.contains("not a text file"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(
        bin().args(["check"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["check", "a", "--bogus"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["convert", "a.csv"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["convert", "sample-data/crackdown-events.csv", "x.pdf"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let missing = bin()
        .args([
            "convert",
            "nope.csv",
            dir.path().join("o.csv").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn convert_round_trips_through_every_writable_format() {
    let dir = tempfile::tempdir().unwrap();
    let src = "sample-data/crackdown-events.csv";
    let original = crackdown_dashboard::io::read_path(std::path::Path::new(src)).unwrap();
    for ext in ["json", "xlsx", "tsv", "csv"] {
        let out = dir.path().join(format!("s.{ext}"));
        let status = bin()
            .args(["convert", src, out.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(status.success(), "{ext}");
        let back = crackdown_dashboard::io::read_path(&out).unwrap();
        assert_eq!(back.len(), original.len(), "{ext}");
        for row in 0..original.len() {
            for &c in original.columns() {
                assert_eq!(
                    back.cell_text(row, c),
                    original.cell_text(row, c),
                    "{ext} row {row} {c:?}"
                );
            }
        }
    }
}

#[test]
fn generate_is_deterministic_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    for p in [&a, &b] {
        let status = bin()
            .args([
                "generate",
                "--rows",
                "2000",
                "--seed",
                "7",
                p.to_str().unwrap(),
            ])
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "same seed, same data"
    );
    let doc = crackdown_dashboard::io::read_path(&a).unwrap();
    assert_eq!(doc.len(), 2000);
    assert!(doc.problems().is_empty());
    assert_eq!(
        bin()
            .args(["generate", "x.csv"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_log_file_in_the_data_folder_records_what_was_read() {
    let data = tempfile::tempdir().unwrap();
    let out = bin()
        .env("CRACKDOWN_DATA_DIR", data.path())
        .args(["check", "sample-data/crackdown-events.csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let log = crackdown_dashboard::logging::log_file_in(data.path());
    let text = std::fs::read_to_string(&log)
        .unwrap_or_else(|e| panic!("{} is written: {e}", log.display()));
    assert!(
        text.contains("started: check sample-data/crackdown-events.csv"),
        "{text}"
    );
    assert!(
        text.contains("read 60 rows from sample-data/crackdown-events.csv"),
        "{text}"
    );
    // Command-line tools keep their stderr their own: the log went to the file only.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("read 60 rows"));
}
