//! Per-pixel reduction of chart data, so no chart is ever handed more points than it has pixels
//! across however dense a series is. Pure functions on plain numbers (no egui), used by
//! [`crate::ui::charts`] with the plot's width in pixels and the x range it shows.
//!
//! Lines keep, per pixel column, the lowest and the highest point (in their x order), plus the
//! first and the last point, so the drawn line has the same extremes and ends. Bars that fall in
//! the same pixel column are merged into one bar (their values summed by the caller).

use std::ops::Range;

/// The pixel column of `x` in `columns` columns over `lo..hi` (clamped to the edge columns).
fn column(x: f64, lo: f64, hi: f64, columns: usize) -> usize {
    if hi <= lo || !x.is_finite() {
        return 0;
    }
    let c = ((x - lo) / (hi - lo) * columns as f64).floor();
    if c <= 0.0 {
        0
    } else {
        (c as usize).min(columns - 1)
    }
}

/// A usable x range: the given one when it is finite and not empty, else `fallback`.
fn usable_range(x_range: (f64, f64), fallback: (f64, f64)) -> (f64, f64) {
    let (lo, hi) = x_range;
    if lo.is_finite() && hi.is_finite() && lo < hi {
        (lo, hi)
    } else {
        fallback
    }
}

/// Reduces a line whose points are sorted by x to at most `2 × columns` points for a plot
/// `columns` pixels wide showing `x_range`: the first and the last point, and for each pixel
/// column the lowest and the highest point in it, in x order. Points outside `x_range` are left
/// out except the nearest one on each side (the line enters and leaves the plot through them), so
/// a zoomed view keeps full detail. Returns the points unchanged when there are no more than
/// `2 × columns` of them to show. `columns` below 2 counts as 2.
pub fn reduce_line(points: &[[f64; 2]], x_range: (f64, f64), columns: usize) -> Vec<[f64; 2]> {
    let columns = columns.max(2);
    let (start, end) = match x_range {
        (lo, hi) if lo.is_finite() && hi.is_finite() && lo < hi => {
            let first_in = points.partition_point(|p| p[0] < lo);
            let after = points.partition_point(|p| p[0] <= hi);
            (first_in.saturating_sub(1), (after + 1).min(points.len()))
        }
        _ => (0, points.len()),
    };
    let shown = &points[start..end.max(start)];
    if shown.len() <= 2 * columns {
        return shown.to_vec();
    }
    let (first, last) = (shown[0], shown[shown.len() - 1]);
    let (lo, hi) = usable_range(x_range, (first[0], last[0]));
    // The first and last points take one column's budget; the others share the rest.
    let inner_columns = columns - 1;
    let mut out = Vec::with_capacity(2 * columns);
    out.push(first);
    let flush = |out: &mut Vec<[f64; 2]>, lowest: [f64; 2], highest: [f64; 2], low_first: bool| {
        if lowest == highest {
            out.push(lowest);
        } else if low_first {
            out.extend([lowest, highest]);
        } else {
            out.extend([highest, lowest]);
        }
    };
    // (column, lowest, highest, lowest comes first)
    let mut current: Option<(usize, [f64; 2], [f64; 2], bool)> = None;
    for &p in &shown[1..shown.len() - 1] {
        if p[1].is_nan() {
            continue;
        }
        let c = column(p[0], lo, hi, inner_columns);
        match &mut current {
            Some((col, lowest, highest, low_first)) if *col == c => {
                if p[1] < lowest[1] {
                    *lowest = p;
                    *low_first = false;
                }
                if p[1] > highest[1] {
                    *highest = p;
                    *low_first = true;
                }
            }
            _ => {
                if let Some((_, lowest, highest, low_first)) = current {
                    flush(&mut out, lowest, highest, low_first);
                }
                current = Some((c, p, p, true));
            }
        }
    }
    if let Some((_, lowest, highest, low_first)) = current {
        flush(&mut out, lowest, highest, low_first);
    }
    out.push(last);
    out
}

/// Groups bars (their x spans, sorted by x) so that at most one bar is drawn per pixel column of
/// a plot `columns` pixels wide showing `x_range`: consecutive bars whose centres fall in the
/// same column form one group, to be drawn as one bar over the group's span with the group's
/// values summed. Bars wholly outside `x_range` are left out. With no more bars than columns,
/// every bar is its own group.
pub fn bar_groups(spans: &[(f64, f64)], x_range: (f64, f64), columns: usize) -> Vec<Range<usize>> {
    let columns = columns.max(1);
    if spans.len() <= columns {
        return (0..spans.len()).map(|i| i..i + 1).collect();
    }
    let fallback = (
        spans.first().map_or(0.0, |s| s.0),
        spans.last().map_or(1.0, |s| s.1),
    );
    let (lo, hi) = usable_range(x_range, fallback);
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(columns);
    let mut current: Option<(usize, Range<usize>)> = None;
    for (i, &(x0, x1)) in spans.iter().enumerate() {
        if x1 < lo || x0 > hi {
            continue;
        }
        let c = column((x0 + x1) / 2.0, lo, hi, columns);
        match &mut current {
            Some((col, range)) if *col == c && range.end == i => range.end = i + 1,
            _ => {
                if let Some((_, range)) = current.take() {
                    groups.push(range);
                }
                current = Some((c, i..i + 1));
            }
        }
    }
    if let Some((_, range)) = current {
        groups.push(range);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dense, noisy, deterministic series: `n` points over x = 0..n.
    fn noisy(n: usize) -> Vec<[f64; 2]> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        (0..n)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let noise = (state % 1000) as f64 / 10.0;
                [i as f64, (i as f64 / 50.0).sin() * 100.0 + noise]
            })
            .collect()
    }

    fn min_y(p: &[[f64; 2]]) -> f64 {
        p.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min)
    }

    fn max_y(p: &[[f64; 2]]) -> f64 {
        p.iter().map(|p| p[1]).fold(f64::NEG_INFINITY, f64::max)
    }

    #[test]
    fn line_keeps_first_last_min_and_max() {
        let pts = noisy(100_000);
        let out = reduce_line(&pts, (0.0, 100_000.0), 300);
        assert!(out.len() < pts.len() / 10, "reduced: {}", out.len());
        assert_eq!(out.first(), pts.first());
        assert_eq!(out.last(), pts.last());
        assert_eq!(min_y(&out), min_y(&pts));
        assert_eq!(max_y(&out), max_y(&pts));
        // Every point kept is a point of the series, in x order.
        assert!(out.windows(2).all(|w| w[0][0] <= w[1][0]));
        assert!(out.iter().all(|p| pts.contains(p)));
    }

    #[test]
    fn extremes_at_the_ends_and_inside_are_kept() {
        let mut pts = noisy(10_000);
        pts[0][1] = -500.0; // global minimum is the first point
        pts[9_999][1] = 900.0; // global maximum is the last point
        pts[1][1] = 800.0; // a spike right after the first point, in the first column
        let out = reduce_line(&pts, (0.0, 10_000.0), 50);
        assert_eq!(out[0], [0.0, -500.0]);
        assert_eq!(out[out.len() - 1], [9_999.0, 900.0]);
        assert!(out.contains(&[1.0, 800.0]));
    }

    #[test]
    fn each_pixel_column_keeps_its_own_min_and_max() {
        let pts = noisy(50_000);
        let columns = 200;
        let out = reduce_line(&pts, (0.0, 50_000.0), columns);
        // Inner points share columns - 1 columns; each column's extremes survive.
        let inner = &pts[1..pts.len() - 1];
        for c in 0..columns - 1 {
            let in_col: Vec<[f64; 2]> = inner
                .iter()
                .copied()
                .filter(|p| column(p[0], 0.0, 50_000.0, columns - 1) == c)
                .collect();
            if in_col.is_empty() {
                continue;
            }
            let lo = in_col.iter().copied().min_by(|a, b| a[1].total_cmp(&b[1]));
            let hi = in_col.iter().copied().max_by(|a, b| a[1].total_cmp(&b[1]));
            assert!(out.contains(&lo.unwrap()), "column {c} lost its minimum");
            assert!(out.contains(&hi.unwrap()), "column {c} lost its maximum");
        }
    }

    #[test]
    fn never_more_than_two_points_per_column() {
        for n in [0, 1, 2, 3, 10, 399, 400, 401, 1_000, 123_457] {
            let pts = noisy(n);
            for columns in [0, 1, 2, 3, 7, 200, 1_000] {
                let out = reduce_line(&pts, (0.0, n as f64), columns);
                assert!(
                    out.len() <= 2 * columns.max(2),
                    "{n} points, {columns} columns: {} kept",
                    out.len()
                );
            }
        }
        // A stair line (two points per x, as cumulative lines are drawn) too.
        let stairs: Vec<[f64; 2]> = (0..20_000)
            .flat_map(|i| [[i as f64, i as f64], [i as f64 + 1.0, i as f64 + 1.0]])
            .collect();
        let out = reduce_line(&stairs, (0.0, 20_001.0), 250);
        assert!(out.len() <= 500, "{}", out.len());
        assert_eq!(out.last(), stairs.last());
    }

    #[test]
    fn no_op_when_there_are_fewer_points_than_pixels() {
        let pts = noisy(399);
        assert_eq!(reduce_line(&pts, (0.0, 399.0), 200), pts);
        let pts = noisy(30);
        assert_eq!(reduce_line(&pts, (0.0, 30.0), 800), pts);
        // An empty or unusable range shows everything.
        assert_eq!(reduce_line(&pts, (5.0, 5.0), 800), pts);
        assert_eq!(reduce_line(&pts, (f64::NAN, 1.0), 800), pts);
    }

    #[test]
    fn zoomed_range_keeps_full_detail_and_its_neighbours() {
        let pts = noisy(100_000);
        // 300 points shown in 200 columns: no reduction needed, one neighbour each side.
        let out = reduce_line(&pts, (1_000.0, 1_299.0), 200);
        assert_eq!(out, pts[999..1_301].to_vec());
        // A wider zoom: reduced within the range, ends are the neighbours outside it.
        let out = reduce_line(&pts, (10_000.0, 20_000.0), 100);
        assert!(out.len() <= 200);
        assert_eq!(out[0], pts[9_999]);
        assert_eq!(out[out.len() - 1], pts[20_001]);
        let shown = &pts[10_000..=20_000];
        assert_eq!(min_y(&out[1..out.len() - 1]), min_y(shown));
        assert_eq!(max_y(&out[1..out.len() - 1]), max_y(shown));
    }

    #[test]
    fn nan_values_are_skipped_not_kept() {
        let mut pts = noisy(5_000);
        for p in pts.iter_mut().skip(1).step_by(3) {
            p[1] = f64::NAN;
        }
        let out = reduce_line(&pts, (0.0, 5_000.0), 100);
        assert!(out.len() <= 200);
        assert!(out[1..out.len() - 1].iter().all(|p| !p[1].is_nan()));
    }

    fn spans(n: usize) -> Vec<(f64, f64)> {
        (0..n).map(|i| (i as f64, i as f64 + 1.0)).collect()
    }

    #[test]
    fn bars_merge_to_at_most_one_per_column() {
        let s = spans(10_000);
        let groups = bar_groups(&s, (0.0, 10_000.0), 300);
        assert!(groups.len() <= 300, "{}", groups.len());
        assert!(groups.len() >= 299, "{}", groups.len());
        // Groups cover every bar once, in order, without gaps.
        assert_eq!(groups.first().map(|g| g.start), Some(0));
        assert_eq!(groups.last().map(|g| g.end), Some(10_000));
        assert!(groups.windows(2).all(|w| w[0].end == w[1].start));
        assert!(groups.iter().all(|g| !g.is_empty()));
    }

    #[test]
    fn bars_no_op_below_width() {
        let s = spans(120);
        let groups = bar_groups(&s, (0.0, 120.0), 500);
        assert_eq!(groups, (0..120).map(|i| i..i + 1).collect::<Vec<_>>());
        assert!(bar_groups(&[], (0.0, 1.0), 500).is_empty());
    }

    #[test]
    fn zoomed_bars_leave_out_what_is_off_screen() {
        let s = spans(10_000);
        let groups = bar_groups(&s, (100.0, 299.0), 400);
        // 200 bars shown in 400 columns would each be their own group; here all 10,000 are more
        // than the columns, so those off screen are dropped and the shown ones stay single.
        assert_eq!(groups.first(), Some(&(99..100)));
        assert_eq!(groups.last(), Some(&(299..300)));
        assert!(groups.iter().all(|g| g.len() == 1));
    }
}
