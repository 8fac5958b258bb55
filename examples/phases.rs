//! Times the phases of opening a file (read; parse, which sums CSV rows for the aggregates as it
//! goes; aggregate, the pass other formats need; view) and prints the document's bytes per row and the process's
//! resident memory after loading: `cargo run --release --example phases FILE` (`RUNS=N`).
use std::time::Instant;

use crackdown_dashboard::analysis::{Aggregates, Filter, Granularity};
use crackdown_dashboard::io;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let path = std::path::Path::new(&path);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let t = Instant::now();
        let bytes = io::read_file(path, &io::Progress::default()).unwrap();
        let t_read = t.elapsed();
        let import = io::read(path, &bytes, None, &io::ReadOptions::default()).unwrap();
        let t_parse = t.elapsed();
        drop(bytes);
        let doc = import.doc;
        // Delimited text is summed while it is read; other formats take a pass afterwards.
        let mut agg = import.aggregates.unwrap_or_else(|| Aggregates::build(&doc));
        let t_agg = t.elapsed();
        let v = agg.view(Granularity::Month, &Filter::default());
        let t_view = t.elapsed();
        // Resident memory now that the file's bytes are gone and the aggregates are built.
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .map(|l| l.trim_start_matches("VmRSS:").trim().to_owned())
            })
            .unwrap_or_default();
        println!(
            "read {:?} parse {:?} aggregate {:?} view {:?} | rows {} heap {} B/row {:.1} resident {rss} totals {:?}",
            t_read,
            t_parse - t_read,
            t_agg - t_parse,
            t_view - t_agg,
            doc.len(),
            doc.heap_bytes(),
            doc.heap_bytes() as f64 / doc.len() as f64,
            v.totals
        );
    }
}
