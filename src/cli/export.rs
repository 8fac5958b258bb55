//! `export`: a chart or the dashboard as a PNG or SVG picture, without a window, display or
//! GPU (the scene of `crate::picture`, rendered by resvg on the CPU).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Exit;
use crate::analysis::{Filter, Granularity, LoadSums};
use crate::data::document::{Metric, Place};
use crate::data::gazetteer::{Gazetteer, NATIONAL};
use crate::data::value::{self, Precision};
use crate::io::{self, ReadOptions};
use crate::picture::chart::{ChartSpec, chart_scene};
use crate::picture::dashboard::dashboard_scene;
use crate::picture::map::map_scene;
use crate::picture::texts::{chart_texts, dashboard_texts, filter_phrase};
use crate::picture::units::Lang;
use crate::picture::{ChartKind, Format, Theme, encode};

/// What `--chart` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Metric(Metric),
    /// The map; its metric is `--metric` (rigs seized unless given).
    Map,
    Dashboard,
}

/// The parsed command line of `export`.
#[derive(Debug)]
struct Request {
    file: PathBuf,
    what: What,
    out: PathBuf,
    format: Format,
    kind: ChartKind,
    period: Granularity,
    filter: Filter,
    width: f32,
    height: f32,
    scale: f32,
    theme: Theme,
    /// The map's metric.
    metric: Metric,
}

/// The value after an option, or why it is missing.
fn value<'a>(it: &mut std::slice::Iter<'a, String>, option: &str) -> Result<&'a str, String> {
    it.next()
        .map(String::as_str)
        .ok_or_else(|| format!("{option} needs a value"))
}

fn number(text: &str, option: &str, min: f32, max: f32) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
        _ => Err(format!(
            "{option} takes a number from {min} to {max}, not “{text}”"
        )),
    }
}

/// A range date: a day, or a month or year counted from its first (or to its last) day.
fn range_key(text: &str, end: bool, option: &str) -> Result<i32, String> {
    let d = value::parse_date(text)
        .map_err(|e| format!("{option} takes a date such as 2021-06-01 or 2021-06: {e}"))?;
    let key = d.day_key();
    Ok(if end {
        match d.precision() {
            Precision::Year => key - key % 10_000 + 1231,
            Precision::Month => key - key % 100 + 31,
            Precision::Day => key,
        }
    } else {
        key
    })
}

/// Every place hidden but the listed provinces (ISO codes such as CN-NM, or names).
fn only_provinces(list: &str) -> Result<std::collections::BTreeSet<Place>, String> {
    let g = Gazetteer::get();
    let mut shown = std::collections::BTreeSet::new();
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let by_code = g
            .regions()
            .iter()
            .position(|r| r.code.eq_ignore_ascii_case(item))
            .and_then(|i| u8::try_from(i).ok());
        let id = by_code
            .or_else(|| g.resolve(item).map(|r| r.region))
            .ok_or_else(|| {
                format!("--provinces: “{item}” is not a province code (CN-NM) or name")
            })?;
        shown.insert(Place::Region(id));
    }
    if shown.is_empty() {
        return Err("--provinces needs codes such as CN-NM,CN-SC".into());
    }
    let mut hidden: std::collections::BTreeSet<Place> = (0..g.regions().len())
        .filter_map(|i| u8::try_from(i).ok())
        .map(Place::Region)
        .chain([Place::Region(NATIONAL), Place::Unknown])
        .collect();
    hidden.retain(|p| !shown.contains(p));
    Ok(hidden)
}

fn chart_option(text: &str) -> Result<What, String> {
    Ok(match text {
        "projects" => What::Metric(Metric::Projects),
        "rigs" => What::Metric(Metric::Rigs),
        "electricity" => What::Metric(Metric::Kwh),
        "coal" => What::Metric(Metric::Coal),
        "dashboard" => What::Dashboard,
        "map" => What::Map,
        _ => {
            return Err(format!(
                "--chart takes projects, rigs, electricity, coal, map or dashboard, not “{text}”"
            ));
        }
    })
}

/// Parses `export FILE --chart … --out …`.
fn parse(args: &[String]) -> Result<Request, String> {
    let (mut file, mut what, mut out) = (None, None, None);
    let mut r = Request {
        file: PathBuf::new(),
        what: What::Dashboard,
        out: PathBuf::new(),
        format: Format::Png,
        kind: ChartKind::Bars,
        period: Granularity::Quarter,
        filter: Filter::default(),
        width: 1200.0,
        height: 675.0,
        scale: 1.0,
        theme: Theme::Light,
        metric: Metric::Rigs,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--chart" => what = Some(chart_option(value(&mut it, a)?)?),
            "--metric" => {
                r.metric = match value(&mut it, a)? {
                    "projects" => Metric::Projects,
                    "rigs" => Metric::Rigs,
                    "electricity" => Metric::Kwh,
                    "coal" => Metric::Coal,
                    v => {
                        return Err(format!(
                            "--metric takes projects, rigs, electricity or coal, not “{v}”"
                        ));
                    }
                }
            }
            "--out" => out = Some(PathBuf::from(value(&mut it, a)?)),
            "--view" => {
                let v = value(&mut it, a)?;
                r.kind = ChartKind::from_key(v).ok_or_else(|| {
                    format!("--view takes bars, cumulative, multiples or ranking, not “{v}”")
                })?;
            }
            "--period" => {
                r.period = match value(&mut it, a)? {
                    "month" => Granularity::Month,
                    "quarter" => Granularity::Quarter,
                    "year" => Granularity::Year,
                    v => return Err(format!("--period takes month, quarter or year, not “{v}”")),
                }
            }
            "--provinces" => r.filter.hidden = only_provinces(value(&mut it, a)?)?,
            "--from" => r.filter.from = Some(range_key(value(&mut it, a)?, false, a)?),
            "--to" => r.filter.to = Some(range_key(value(&mut it, a)?, true, a)?),
            "--width" => r.width = number(value(&mut it, a)?, a, 100.0, 8000.0)?.round(),
            "--height" => r.height = number(value(&mut it, a)?, a, 100.0, 8000.0)?.round(),
            "--scale" => r.scale = number(value(&mut it, a)?, a, 0.25, 8.0)?,
            "--theme" => {
                r.theme = match value(&mut it, a)? {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    v => return Err(format!("--theme takes light or dark, not “{v}”")),
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s if file.is_none() => file = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    r.file = file.ok_or("export needs a FILE")?;
    r.what = what.ok_or("export needs --chart projects|rigs|electricity|coal|map|dashboard")?;
    let out = out.ok_or("export needs --out OUT.png or OUT.svg")?;
    r.format = Format::from_path(&out)
        .ok_or_else(|| format!("cannot write {}: use .png or .svg", out.display()))?;
    r.out = out;
    if let (Some(a), Some(b)) = (r.filter.from, r.filter.to)
        && a > b
    {
        return Err("--from is after --to".into());
    }
    Ok(r)
}

/// Runs `export` (arguments after the command word).
pub(super) fn run(args: &[String], err: &mut dyn Write) -> Exit {
    let request = match parse(args) {
        Ok(r) => r,
        Err(why) => {
            let _ = write!(err, "{why}\n{}", super::USAGE);
            return Exit::Usage;
        }
    };
    match export(&request) {
        Ok(()) => Exit::Ok,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            Exit::Failed
        }
    }
}

/// Reads the file, builds the picture and writes it atomically.
fn export(r: &Request) -> Result<(), io::FileError> {
    let mut import = io::read_path_with::<LoadSums>(&r.file, &ReadOptions::default())?;
    let view = import.summed_aggregates().view(r.period, &r.filter);
    let doc = &import.doc;
    let name = file_name(&r.file);
    let scene = match r.what {
        What::Dashboard => {
            let texts = dashboard_texts(doc, &view, &r.filter, r.kind, &name);
            dashboard_scene(
                &view,
                r.kind,
                Lang::En,
                &texts,
                r.theme,
                r.width,
                r.height,
                &[],
            )
        }
        What::Map => {
            let cumulative = r.kind == ChartKind::Cumulative;
            let mut texts = chart_texts(doc, &view, &r.filter, r.metric, r.kind, &name);
            texts.title = format!("{}, map of the provinces", r.metric.title());
            texts.subtitle = format!(
                "{} {} · {}",
                r.metric.title(),
                if cumulative {
                    "cumulative"
                } else {
                    "over the date range"
                },
                filter_phrase(&view, &r.filter)
            );
            map_scene(
                &view,
                r.metric,
                cumulative,
                Lang::En,
                &texts,
                r.theme,
                r.width,
                r.height,
            )
        }
        What::Metric(metric) => {
            let texts = chart_texts(doc, &view, &r.filter, metric, r.kind, &name);
            let empty = crate::analysis::MetricChart {
                metric,
                series: Vec::new(),
            };
            let spec = ChartSpec {
                chart: view.chart(metric).unwrap_or(&empty),
                granularity: r.period,
                kind: r.kind,
                span: view.first_day.zip(view.last_day),
                lang: Lang::En,
                // The command draws no policy timeline (the window's export does).
                markers: &[],
            };
            chart_scene(&spec, &texts, r.theme, r.width, r.height)
        }
    };
    let bytes = encode(&scene, r.format, r.scale)
        .map_err(|e| io::FileError::new(&r.out, io::ErrorKind::Write, e.to_string()))?;
    io::atomic_write(&r.out, &bytes)
}

/// The file's name as a footer names it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
