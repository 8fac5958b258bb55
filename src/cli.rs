//! Command line: `check`, `aggregate`, `convert`, `generate` and `export` (in `cli/export.rs`),
//! using the same reading, analysis, writing and picture code as the app. Exit codes: 0 done,
//! 1 the file could not be read or written, 2 usage error.

mod export;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::analysis::{Filter, Granularity, LoadSums, day_key_label};
use crate::data::document::{Document, Metric, Place};
use crate::data::gazetteer::Gazetteer;
use crate::data::problem_index::ProblemIndex;
use crate::io::{self, Format, ReadOptions};
use crate::session::Import;

/// Usage text for the subcommands.
pub const USAGE: &str = "usage:
  crackdown-dashboard [--sample] [--renderer glow|wgpu] [FILE]   open the app
  crackdown-dashboard check FILE [--json]                        read FILE and summarise it
  crackdown-dashboard aggregate FILE [--by month|quarter|year] [--time]
                                print sums per province and period (CSV); --time also prints on
                                stderr how long reading, summing and writing them took
  crackdown-dashboard convert IN OUT                             write IN as OUT (.csv .tsv .json .xlsx)
  crackdown-dashboard generate --rows N [--seed S] OUT.csv       write N synthetic events (same seed, same data)
  crackdown-dashboard export FILE --chart projects|rigs|electricity|coal|map|dashboard --out OUT.png|OUT.svg
        [--view bars|cumulative|multiples|ranking] [--period month|quarter|year]
        [--provinces CN-NM,CN-SC] [--from DATE] [--to DATE]
        [--width W] [--height H] [--scale S] [--theme light|dark] [--metric M (the map's figure)]
                                write a chart or the dashboard as a picture, without a window;
                                W and H in logical pixels (default 1200×675), so the PNG is
                                W·S × H·S pixels (S default 1); the SVG keeps text as text
";

/// What a command ended with.
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done.
    Ok,
    /// A file could not be read or written (reason already printed on stderr).
    Failed,
    /// The command line was wrong (usage already printed on stderr).
    Usage,
}

impl Exit {
    /// The process exit code.
    pub fn code(&self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Failed => 1,
            Exit::Usage => 2,
        }
    }
}

/// The subcommands [`run`] knows (the man page, `assets/crackdown-dashboard.1`, describes each:
/// `tests/packaging.rs` checks it).
pub const COMMANDS: &[&str] = &["check", "aggregate", "convert", "generate", "export"];

/// True when `args` (without the program name) name a subcommand.
pub fn is_command(args: &[String]) -> bool {
    args.first().is_some_and(|a| COMMANDS.contains(&a.as_str()))
}

/// Runs a subcommand, writing to the given streams.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let usage = |err: &mut dyn Write, why: &str| {
        let _ = write!(err, "{why}\n{USAGE}");
        Exit::Usage
    };
    match args.first().map(String::as_str) {
        Some("check") => {
            let mut json = false;
            let mut file = None;
            for a in &args[1..] {
                match a.as_str() {
                    "--json" => json = true,
                    s if s.starts_with("--") => return usage(err, &format!("unknown option {s}")),
                    s if file.is_none() => file = Some(PathBuf::from(s)),
                    s => return usage(err, &format!("unexpected argument {s}")),
                }
            }
            let Some(file) = file else {
                return usage(err, "check needs a FILE");
            };
            check(&file, json, out, err)
        }
        Some("aggregate") => {
            let mut by = Granularity::Month;
            let mut time = false;
            let mut file = None;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--by" => match it.next().map(String::as_str) {
                        Some("month") => by = Granularity::Month,
                        Some("quarter") => by = Granularity::Quarter,
                        Some("year") => by = Granularity::Year,
                        _ => return usage(err, "--by takes month, quarter or year"),
                    },
                    "--time" => time = true,
                    s if s.starts_with("--") => return usage(err, &format!("unknown option {s}")),
                    s if file.is_none() => file = Some(PathBuf::from(s)),
                    s => return usage(err, &format!("unexpected argument {s}")),
                }
            }
            let Some(file) = file else {
                return usage(err, "aggregate needs a FILE");
            };
            let started = std::time::Instant::now();
            let exit = aggregate(&file, by, out, err);
            if time && exit == Exit::Ok {
                let _ = writeln!(
                    err,
                    "read, summed and written in {:.1} ms",
                    started.elapsed().as_secs_f64() * 1e3
                );
            }
            exit
        }
        Some("convert") => {
            let [_, input, output] = args else {
                return usage(err, "convert needs IN and OUT");
            };
            let output = Path::new(output);
            match Format::from_path(output) {
                Some(Format::Csv | Format::Tsv | Format::Json | Format::Xlsx) => {}
                _ => {
                    return usage(
                        err,
                        &format!(
                            "cannot write {}: use .csv, .tsv, .json or .xlsx",
                            output.display()
                        ),
                    );
                }
            }
            match io::read_path(Path::new(input)).and_then(|doc| io::write_path(&doc, output)) {
                Ok(()) => Exit::Ok,
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    Exit::Failed
                }
            }
        }
        Some("generate") => {
            let mut rows = None;
            let mut seed = 1u64;
            let mut out_path = None;
            let mut it = args[1..].iter();
            while let Some(a) = it.next() {
                match a.as_str() {
                    "--rows" => match it.next().and_then(|n| n.replace('_', "").parse().ok()) {
                        Some(n) => rows = Some(n),
                        None => return usage(err, "--rows needs a whole number"),
                    },
                    "--seed" => match it.next().and_then(|n| n.parse().ok()) {
                        Some(n) => seed = n,
                        None => return usage(err, "--seed needs a whole number"),
                    },
                    s if s.starts_with("--") => return usage(err, &format!("unknown option {s}")),
                    s if out_path.is_none() => out_path = Some(PathBuf::from(s)),
                    s => return usage(err, &format!("unexpected argument {s}")),
                }
            }
            let (Some(rows), Some(out_path)) = (rows, out_path) else {
                return usage(err, "generate needs --rows N and OUT.csv");
            };
            match io::atomic_write(&out_path, crate::synth::csv(rows, seed).as_bytes()) {
                Ok(()) => Exit::Ok,
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    Exit::Failed
                }
            }
        }
        Some("export") => export::run(&args[1..], err),
        _ => usage(err, "unknown command"),
    }
}

/// Opens a file, aggregates it as the charts do (events plus running-total increments per
/// province and period) and prints one CSV line per province and period with figures.
fn aggregate(path: &Path, by: Granularity, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let mut import = match io::read_path_with::<LoadSums>(path, &ReadOptions::default()) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return Exit::Failed;
        }
    };
    let view = import.summed_aggregates().view(by, &Filter::default());
    drop(import);
    // (place, period) → value per metric.
    let mut table: std::collections::BTreeMap<(Place, i32), [Option<f64>; 4]> = Default::default();
    for chart in &view.charts {
        for series in &chart.series {
            for p in &series.points {
                table.entry((series.place, p.period)).or_default()[chart.metric.index()] =
                    Some(p.value);
            }
        }
    }
    let mut text = String::from(
        "province,period,projects_shut_down,rigs_seized,electricity_saved_kwh,coal_saved_tonnes\n",
    );
    for ((place, period), values) in &table {
        text.push_str(Document::place_name(*place));
        text.push(',');
        text.push_str(&by.period_label(*period));
        for v in values {
            text.push(',');
            if let Some(v) = v {
                text.push_str(&crate::data::figure::in_unit(*v, 0));
            }
        }
        text.push('\n');
    }
    match out.write_all(text.as_bytes()) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            let _ = writeln!(err, "cannot write the table: {e}");
            Exit::Failed
        }
    }
}

fn place_code(place: Place) -> Value {
    match place {
        Place::Region(id) => Value::from(Gazetteer::get().region(id).code.as_str()),
        Place::Unknown => Value::Null,
    }
}

/// The summary `check --json` prints (from the aggregates made while reading, when they were).
pub fn summary(path: &Path, import: &mut Import) -> Value {
    // The problems checked while reading, when they were; else checked now.
    import.checked_problems();
    let aggregates = import.summed_aggregates();
    let left_out = json!({
        "no_date": aggregates.undated_with_figures(),
        "totals_rows": aggregates.totals_rows(),
        "note_rows": aggregates.note_rows(),
    });
    let view = aggregates.view(Granularity::Year, &Filter::default());
    // Counted while the rows were summed: rows per place, and the first and last day.
    let rows_per_place = aggregates.rows_per_place();
    let day_range = aggregates.day_range();
    let (doc, report) = (&import.doc, &import.report);
    let provinces: Vec<Value> = rows_per_place
        .iter()
        .map(|(&place, &rows)| {
            let total = |m: Metric| view.place_total(m, place).unwrap_or(0.0);
            json!({
                "code": place_code(place),
                "name": Document::place_name(place),
                "rows": rows,
                "projects_shut_down": total(Metric::Projects),
                "rigs_seized": total(Metric::Rigs),
                "electricity_saved_kwh": total(Metric::Kwh),
                "coal_saved_tonnes": total(Metric::Coal),
            })
        })
        .collect();
    let problems: Vec<Value> = import
        .problems
        .as_ref()
        .map_or(&[][..], ProblemIndex::list)
        .iter()
        .map(|p| {
            json!({
                "row": p.row + 1,
                "column": p.column.map(|c| doc.column_key(c).to_owned()),
                "value": p.column.map(|c| doc.cell_text(p.row, c).into_owned()),
                "message": p.message.english(),
            })
        })
        .collect();
    json!({
        "file": path.display().to_string(),
        "format": report.format.map(Format::name),
        "encoding": if report.encoding.is_empty() { Value::Null } else { Value::from(report.encoding.as_str()) },
        "rows": doc.len(),
        "date_range": match day_range {
            Some((a, b)) => json!([day_key_label(a), day_key_label(b)]),
            None => Value::Null,
        },
        "provinces": provinces,
        "rows_left_out": left_out,
        "problems": problems,
        "notices": report
            .notices
            .iter()
            .map(|n| json!({"column": n.column, "message": n.message}))
            .collect::<Vec<_>>(),
    })
}

fn check(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> Exit {
    let mut import = match io::read_path_checked::<LoadSums>(path, &ReadOptions::default()) {
        Ok(i) => i,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return Exit::Failed;
        }
    };
    let s = summary(path, &mut import);
    if json {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&s).unwrap_or_default()
        );
    } else {
        print_summary(path, &s, &import.report, out);
    }
    // Left for the process's exit to free (`check` is a whole run): dropping the document, its
    // sums and its problems took about 9 ms of a million-row check, most of it the aggregates'
    // maps freed node by node and the columns unmapped one by one.
    std::mem::forget(import);
    Exit::Ok
}

/// The summary `check` prints without `--json`.
fn print_summary(path: &Path, s: &Value, report: &io::ImportReport, out: &mut dyn Write) {
    let _ = writeln!(out, "{}", path.display());
    let _ = writeln!(
        out,
        "  {} rows, {}{}",
        s["rows"],
        s["format"].as_str().unwrap_or("?"),
        s["encoding"]
            .as_str()
            .map(|e| format!(", {e}"))
            .unwrap_or_default()
    );
    if let Some(r) = s["date_range"].as_array() {
        let _ = writeln!(
            out,
            "  dates {} to {}",
            r[0].as_str().unwrap_or(""),
            r[1].as_str().unwrap_or("")
        );
    }
    for g in &report.guesses {
        let _ = writeln!(out, "  guessed: {g}");
    }
    for w in &report.warnings {
        let _ = writeln!(out, "  warning: {w}");
    }
    for n in &report.notices {
        let _ = writeln!(out, "  notice: {}", n.message);
    }
    let _ = writeln!(
        out,
        "  {:<18} {:>5} {:>9} {:>9} {:>20} {:>14}",
        "province", "rows", "projects", "rigs", "kWh saved", "coal (t)"
    );
    for p in s["provinces"].as_array().into_iter().flatten() {
        let n = |k: &str| p[k].as_f64().unwrap_or(0.0);
        let _ = writeln!(
            out,
            "  {:<18} {:>5} {:>9} {:>9} {:>20} {:>14}",
            p["name"].as_str().unwrap_or(""),
            p["rows"],
            crate::data::value::group_thousands(n("projects_shut_down"), 0),
            crate::data::value::group_thousands(n("rigs_seized"), 0),
            crate::data::value::group_thousands(n("electricity_saved_kwh"), 0),
            crate::data::value::group_thousands(n("coal_saved_tonnes"), 0),
        );
    }
    let left_out = |k: &str| s["rows_left_out"][k].as_u64().unwrap_or(0);
    let (undated, totals, notes) = (
        left_out("no_date"),
        left_out("totals_rows"),
        left_out("note_rows"),
    );
    if undated + totals + notes > 0 {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "  left out of the sums: {undated} row{} with figures but no date, {totals} totals row{}, {notes} note{} under the table",
            plural(undated),
            plural(totals),
            plural(notes)
        );
    }
    let problems = s["problems"].as_array().map_or(0, Vec::len);
    let _ = writeln!(
        out,
        "  {problems} problem{}",
        if problems == 1 { "" } else { "s" }
    );
    for p in s["problems"].as_array().into_iter().flatten().take(20) {
        let _ = writeln!(
            out,
            "    row {}, {}: {}",
            p["row"],
            p["column"].as_str().unwrap_or("whole row"),
            p["message"].as_str().unwrap_or("")
        );
    }
}
