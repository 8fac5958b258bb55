//! Frame timing of the real window, for `scripts/window-frames`: with `CRACKDOWN_FRAME_STATS=N`
//! the app, once its file is loaded, scrolls the table by a few rows every frame, repaints
//! continuously for N frames, then prints the wall time between consecutive frames and eframe's
//! CPU time per frame (p50 / p95 / max) on stderr and closes. No egui types here: the app feeds
//! it the times.

use std::time::{Duration, Instant};

/// Rows the table moves down every measured frame.
pub const ROWS_PER_FRAME: usize = 7;

/// Frames drawn before measuring starts (first layout, fonts, textures).
pub const WARMUP_FRAMES: usize = 10;

/// Collects frame times while the table scrolls.
#[derive(Clone, Debug)]
pub struct FrameStats {
    frames: usize,
    warmup: usize,
    last: Option<Instant>,
    started: Option<Instant>,
    intervals: Vec<f64>,
    cpu: Vec<f64>,
    row: usize,
    /// CPU time of the whole process (all threads) when measuring started and at the last frame.
    process_cpu: (Option<f64>, Option<f64>),
    /// Measured frames whose previous frame painted the dashboard from its picture.
    pictures: usize,
    /// Of those, the frames that did so without laying the dashboard out
    /// (`ui::paint::internals::chart_hold`).
    skipped: usize,
}

/// CPU seconds the whole process (every thread: UI, the renderer's rasterizer threads) has used,
/// from `/proc/self/stat` (Linux; `None` elsewhere). Clock ticks are USER_HZ, 100 on Linux.
pub fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    parse_stat_cpu(&stat)
}

/// utime + stime in seconds from a `/proc/PID/stat` line (fields 14 and 15, counted after the
/// command name, which may hold spaces and parentheses).
fn parse_stat_cpu(stat: &str) -> Option<f64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// p50, p95 and max of a list of milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    /// Median.
    pub p50: f64,
    /// 95th percentile (nearest rank).
    pub p95: f64,
    /// Largest.
    pub max: f64,
}

/// Nearest-rank percentiles; `None` for an empty list.
pub fn percentiles(values: &[f64]) -> Option<Percentiles> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = |q: f64| {
        let r = (q * v.len() as f64).ceil() as usize;
        v[r.clamp(1, v.len()) - 1]
    };
    Some(Percentiles {
        p50: rank(0.50),
        p95: rank(0.95),
        max: v[v.len() - 1],
    })
}

impl FrameStats {
    /// Measures `frames` frames after [`WARMUP_FRAMES`].
    pub fn new(frames: usize) -> Self {
        FrameStats {
            frames: frames.max(1),
            warmup: WARMUP_FRAMES,
            last: None,
            started: None,
            intervals: Vec::with_capacity(frames),
            cpu: Vec::with_capacity(frames),
            row: 0,
            process_cpu: (None, None),
            pictures: 0,
            skipped: 0,
        }
    }

    /// `CRACKDOWN_FRAME_STATS=N` as a frame count (none when unset, empty, zero or not a number).
    pub fn from_env_value(value: Option<&str>) -> Option<usize> {
        value?.trim().parse().ok().filter(|n| *n > 0)
    }

    /// The visible-row index to scroll to this frame, moving [`ROWS_PER_FRAME`] down each call
    /// and starting over at the top after the last row.
    pub fn next_row(&mut self, rows: usize) -> usize {
        if rows == 0 {
            return 0;
        }
        self.row = (self.row + ROWS_PER_FRAME) % rows;
        self.row
    }

    /// Records the start of a frame at `now`, with eframe's CPU time of the previous frame.
    /// Returns true once enough frames are measured.
    pub fn frame(&mut self, now: Instant, previous_cpu: Option<f32>) -> bool {
        self.frame_with_process_cpu(now, previous_cpu, process_cpu_seconds())
    }

    /// [`Self::frame`] with the process's CPU seconds so far given.
    pub fn frame_with_process_cpu(
        &mut self,
        now: Instant,
        previous_cpu: Option<f32>,
        process_cpu: Option<f64>,
    ) -> bool {
        if self.warmup > 0 {
            self.warmup -= 1;
            self.last = Some(now);
            self.process_cpu.0 = process_cpu;
            return false;
        }
        self.process_cpu.1 = process_cpu;
        if let Some(last) = self.last {
            self.intervals
                .push(now.saturating_duration_since(last).as_secs_f64() * 1000.0);
            if let Some(cpu) = previous_cpu {
                self.cpu.push(f64::from(cpu) * 1000.0);
            }
        }
        self.started.get_or_insert(now);
        self.last = Some(now);
        self.intervals.len() >= self.frames
    }

    /// Notes whether the previous frame painted the cards and charts from their picture (see
    /// `ui::paint::internals::chart_cache`), and whether it did without laying them out
    /// (`ui::paint::internals::chart_hold`); counted once measuring has started.
    pub fn note_picture(&mut self, used: bool, skipped: bool) {
        if self.warmup == 0 && used {
            self.pictures += 1;
            self.skipped += usize::from(skipped);
        }
    }

    /// Frames measured so far.
    pub fn measured(&self) -> usize {
        self.intervals.len()
    }

    /// Wall time between consecutive frames, in ms.
    pub fn intervals(&self) -> Option<Percentiles> {
        percentiles(&self.intervals)
    }

    /// eframe's CPU time per frame (ui + painting, not vsync), in ms.
    pub fn cpu(&self) -> Option<Percentiles> {
        percentiles(&self.cpu)
    }

    /// CPU time of the whole process per measured frame, in ms.
    pub fn process_cpu_per_frame(&self) -> Option<f64> {
        match self.process_cpu {
            (Some(a), Some(b)) if self.measured() > 0 => {
                Some((b - a) * 1000.0 / self.measured() as f64)
            }
            _ => None,
        }
    }

    /// Time from the first measured frame to the last.
    pub fn elapsed(&self) -> Duration {
        match (self.started, self.last) {
            (Some(a), Some(b)) => b.saturating_duration_since(a),
            _ => Duration::ZERO,
        }
    }

    /// One line for stderr, e.g.
    /// `frame-stats: 300 frames, 1000000 rows, 1600x900 px: interval p50 12.1 ms p95 15.0 ms max 30.2 ms (78 fps); cpu p50 …`.
    pub fn report(&self, rows: usize, size_px: [u32; 2]) -> String {
        let fmt = |p: Option<Percentiles>| match p {
            Some(p) => format!(
                "p50 {:.1} ms p95 {:.1} ms max {:.1} ms",
                p.p50, p.p95, p.max
            ),
            None => "no data".to_owned(),
        };
        let secs = self.elapsed().as_secs_f64();
        let fps = if secs > 0.0 {
            self.measured() as f64 / secs
        } else {
            0.0
        };
        let process = match self.process_cpu_per_frame() {
            Some(ms) => format!("{ms:.1} ms"),
            None => "unknown".to_owned(),
        };
        format!(
            "frame-stats: {} frames, {rows} rows, {}x{} px: interval {} ({fps:.0} fps); \
             ui+paint cpu {}; whole process cpu {process} a frame; \
             dashboard from its picture in {} frames, not laid out in {}",
            self.measured(),
            size_px[0],
            size_px[1],
            fmt(self.intervals()),
            fmt(self.cpu()),
            self.pictures,
            self.skipped,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        let p = percentiles(&v).unwrap();
        assert_eq!((p.p50, p.p95, p.max), (50.0, 95.0, 100.0));
        let p = percentiles(&[3.0, 1.0, 2.0]).unwrap();
        assert_eq!((p.p50, p.p95, p.max), (2.0, 3.0, 3.0));
        assert_eq!(percentiles(&[]), None);
    }

    #[test]
    fn counts_intervals_after_the_warmup() {
        let mut s = FrameStats::new(3);
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        for i in 0..WARMUP_FRAMES as u64 {
            assert!(!s.frame(at(i), Some(0.5)));
        }
        assert_eq!(s.measured(), 0);
        let base = WARMUP_FRAMES as u64 - 1;
        assert!(!s.frame(at(base + 10), Some(0.004)));
        assert!(!s.frame(at(base + 30), Some(0.006)));
        s.note_picture(true, true);
        assert!(s.frame(at(base + 70), Some(0.008)));
        let p = s.intervals().unwrap();
        assert_eq!((p.p50, p.max), (20.0, 40.0));
        let c = s.cpu().unwrap();
        assert!((c.max - 8.0).abs() < 1e-6, "{c:?}");
        assert!(
            s.report(100, [1600, 900])
                .contains("3 frames, 100 rows, 1600x900 px")
        );
        assert!(
            s.report(100, [1600, 900])
                .ends_with("picture in 1 frames, not laid out in 1")
        );
    }

    #[test]
    fn process_cpu_per_frame_from_proc_stat() {
        let line = "4242 (crackdown (x) y) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 12";
        assert_eq!(parse_stat_cpu(line), Some(3.0));
        assert_eq!(parse_stat_cpu("garbage"), None);
        assert!(process_cpu_seconds().is_some_and(|s| s >= 0.0));

        let mut s = FrameStats::new(2);
        let t0 = Instant::now();
        for i in 0..WARMUP_FRAMES {
            s.frame_with_process_cpu(t0 + Duration::from_millis(i as u64), None, Some(1.0));
        }
        s.frame_with_process_cpu(t0 + Duration::from_millis(40), None, Some(1.03));
        assert!(s.frame_with_process_cpu(t0 + Duration::from_millis(80), None, Some(1.08)));
        let per_frame = s.process_cpu_per_frame().unwrap();
        assert!((per_frame - 40.0).abs() < 1e-9, "{per_frame}");
    }

    #[test]
    fn scrolls_down_and_wraps() {
        let mut s = FrameStats::new(10);
        assert_eq!(s.next_row(100), ROWS_PER_FRAME);
        assert_eq!(s.next_row(100), 2 * ROWS_PER_FRAME);
        assert_eq!(s.next_row(10), (3 * ROWS_PER_FRAME) % 10);
        assert_eq!(s.next_row(0), 0);
    }

    #[test]
    fn env_value() {
        assert_eq!(FrameStats::from_env_value(Some("300")), Some(300));
        assert_eq!(FrameStats::from_env_value(Some(" 5 ")), Some(5));
        assert_eq!(FrameStats::from_env_value(Some("0")), None);
        assert_eq!(FrameStats::from_env_value(Some("x")), None);
        assert_eq!(FrameStats::from_env_value(None), None);
    }
}
