//! Synthetic event data for scale tests and benchmarks: deterministic for a seed, spread over
//! all provinces and 2017–2022, skewed like the real figures, with some running totals.

use std::fmt::Write;

use crate::data::gazetteer::{Gazetteer, NATIONAL};

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ACTIONS: &[&str] = &[
    "police seizure (electricity theft)",
    "shutdown order",
    "inspection",
    "punitive electricity price",
    "customs seizure",
    "court ruling",
];

/// A CSV file of `rows` events in the app's own format.
pub fn csv(rows: usize, seed: u64) -> String {
    let g = Gazetteer::get();
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(rows * 110 + 200);
    out.push_str("date,province,city,action,projects_shut_down,rigs_seized,electricity_saved_kwh,coal_saved_tonnes,basis,source,notes\n");
    // Mining provinces get most events, as in the real record.
    let heavy = ["CN-NM", "CN-XJ", "CN-SC", "CN-YN", "CN-HE", "CN-GD"];
    for i in 0..rows {
        let region = if rng.below(10) < 6 {
            let code = heavy[rng.below(heavy.len() as u64) as usize];
            g.regions().iter().position(|r| r.code == code).unwrap_or(0)
        } else {
            rng.below(u64::from(NATIONAL)) as usize
        };
        let year = 2017 + rng.below(6);
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let date = match rng.below(10) {
            0 => format!("{year}"),
            1 | 2 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let running = rng.below(50) == 0;
        // Heavy-tailed rig counts: most seizures are small, a few are huge.
        let rigs = if rng.below(3) == 0 {
            String::new()
        } else {
            format!("{}", (10.0 * (1.0 / (rng.unit() + 0.01))).round())
        };
        let projects = if rng.below(4) == 0 {
            format!("{}", 1 + rng.below(30))
        } else {
            String::new()
        };
        let kwh = if rng.below(8) == 0 {
            format!("{}", 1000 * (1 + rng.below(5_000_000)))
        } else {
            String::new()
        };
        let coal = if rng.below(12) == 0 {
            format!("{}", 1 + rng.below(2_000_000))
        } else {
            String::new()
        };
        let action = ACTIONS[rng.below(ACTIONS.len() as u64) as usize];
        let basis = if running { "running_total" } else { "event" };
        let note = if rng.below(5) == 0 {
            format!("synthetic note {i}")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{date},{},,{action},{projects},{rigs},{kwh},{coal},{basis},https://example.org/{},{note}",
            g.regions()[region].english,
            rng.below(1000)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_seed_same_data() {
        assert_eq!(super::csv(100, 7), super::csv(100, 7));
        assert_ne!(super::csv(100, 7), super::csv(100, 8));
        let doc = crate::io::read_bytes(
            std::path::Path::new("s.csv"),
            super::csv(1000, 1).as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(doc.len(), 1000);
        assert!(doc.problems().is_empty(), "{:?}", &doc.problems()[..1]);
    }
}
