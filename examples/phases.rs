//! Times opening a file as the app does (for CSV: read in chunks, parsed and summed for the
//! aggregates on one thread per part, the parts then joined) and making the monthly view, and
//! prints the document's bytes per row and the process's resident memory after loading:
//! `cargo run --release --example phases FILE` (`RUNS=N`).
use std::time::Instant;

use crackdown_dashboard::analysis::{Filter, Granularity, LoadSums};
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
        let (_, mut import) = io::read_path_progress::<LoadSums>(
            path,
            &io::ReadOptions::default(),
            &io::Progress::default(),
        )
        .unwrap();
        let t_open = t.elapsed();
        let summed = import.aggregates.is_some();
        // Made on the loading thread; built here only if a reader left them out.
        let agg = import.summed_aggregates();
        let t_agg = t.elapsed();
        let v = agg.view(Granularity::Month, &Filter::default());
        let doc = &import.doc;
        let t_view = t.elapsed();
        // Resident memory now that the load's buffers are gone and the aggregates are built (the
        // first run's figure is the one to read: later runs add what the allocator kept).
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .map(|l| l.trim_start_matches("VmRSS:").trim().to_owned())
            })
            .unwrap_or_default();
        println!(
            "open {:?} (aggregates made while loading: {summed}; else {:?}) view {:?} | rows {} heap {} B/row {:.1} resident {rss} totals {:?}",
            t_open,
            t_agg - t_open,
            t_view - t_agg,
            doc.len(),
            doc.heap_bytes(),
            doc.heap_bytes() as f64 / doc.len() as f64,
            v.totals
        );
    }
}
