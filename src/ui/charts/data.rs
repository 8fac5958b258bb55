//! What a chart hands to egui_plot: per-period bars or cumulative lines per place, built from
//! the chart's series and reduced to the plot's pixel width. No drawing here.

use crate::analysis::{Granularity, MetricChart, Series};
use crate::data::document::Place;
use crate::ui::reduce;

use super::axes::period_x_range;

/// One bar as handed to the plot: centre, width and height (stacked by the plot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSpec {
    /// Centre on the x axis.
    pub x: f64,
    /// Width on the x axis.
    pub width: f64,
    /// Height (this series' share of the stack).
    pub value: f64,
}

/// What a chart hands to egui_plot, already reduced to its pixel width (see
/// [`crate::ui::reduce`]): cumulative lines, or per-period bars that every series has for the
/// same x positions so they stack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlotData {
    /// One line per series (cumulative mode).
    pub lines: Vec<(Place, Vec<[f64; 2]>)>,
    /// One bar list per series (per-period mode), all the same length.
    pub bars: Vec<(Place, Vec<BarSpec>)>,
}

impl PlotData {
    /// The most points (line points or bars) any one series hands to the plot.
    pub fn max_points_per_series(&self) -> usize {
        let lines = self.lines.iter().map(|(_, p)| p.len());
        let bars = self.bars.iter().map(|(_, b)| b.len());
        lines.chain(bars).max().unwrap_or(0)
    }
}

/// The periods any series has a point in, in order.
pub(super) fn chart_periods(chart: &MetricChart) -> Vec<i32> {
    let mut periods: Vec<i32> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    periods
}

/// Builds what a chart plots for a plot `width_px` pixels wide showing `x_range`: no series
/// hands the plot more points than `width_px`. Lines keep one lowest/highest pair per two pixel
/// columns (and their first and last points); bars falling in the same pixel column are merged
/// into one bar holding their sum, at the same positions for every series so stacks stay
/// aligned. Sparse series (fewer points than pixels) are unchanged.
pub fn plot_data(
    chart: &MetricChart,
    g: Granularity,
    cumulative: bool,
    x_range: (f64, f64),
    width_px: usize,
) -> PlotData {
    let periods = chart_periods(chart);
    let width_px = width_px.max(4);
    if cumulative {
        let end = periods.last().map(|&p| period_x_range(g, p).1);
        let lines = chart
            .series
            .iter()
            .map(|s| {
                let pts = cumulative_points(s, g, end);
                (s.place, reduce::reduce_line(&pts, x_range, width_px / 2))
            })
            .collect();
        return PlotData {
            lines,
            bars: Vec::new(),
        };
    }
    let spans: Vec<(f64, f64)> = periods.iter().map(|&p| period_x_range(g, p)).collect();
    let groups = reduce::bar_groups(&spans, x_range, width_px);
    let bars = chart
        .series
        .iter()
        .map(|s| {
            // This series' value in every period of the chart (0 where it has none).
            let mut values = vec![0.0; periods.len()];
            let mut i = 0;
            for pt in &s.points {
                while i < periods.len() && periods[i] < pt.period {
                    i += 1;
                }
                if i < periods.len() && periods[i] == pt.period {
                    values[i] = pt.value;
                }
            }
            let bars = groups
                .iter()
                .map(|r| {
                    let (x0, x1) = (spans[r.start].0, spans[r.end - 1].1);
                    BarSpec {
                        x: (x0 + x1) / 2.0,
                        width: (x1 - x0) * 0.8,
                        value: values[r.clone()].iter().sum(),
                    }
                })
                .collect();
            (s.place, bars)
        })
        .collect();
    PlotData {
        lines: Vec::new(),
        bars,
    }
}

/// A cumulative line as steps: flat within a period, rising at its end; held to `end`.
fn cumulative_points(s: &Series, g: Granularity, end: Option<f64>) -> Vec<[f64; 2]> {
    let mut pts: Vec<[f64; 2]> = Vec::with_capacity(s.points.len() * 2 + 2);
    let mut level = s.level_before;
    for p in &s.points {
        let (x0, x1) = period_x_range(g, p.period);
        pts.push([x0, level]);
        level = p.level;
        pts.push([x1, level]);
    }
    if let (Some(end), Some(last)) = (end, pts.last().copied())
        && end > last[0]
    {
        pts.push([end, last[1]]);
    }
    pts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::PeriodPoint;
    use crate::data::document::Metric;
    use crate::data::gazetteer::NATIONAL;

    /// A chart with `n` consecutive monthly periods per series (far denser than any real data),
    /// two series with different values.
    fn dense_chart(n: i32) -> MetricChart {
        let first = 1000 * 12;
        let series = [(Place::Region(NATIONAL), 1.0), (Place::Region(3), 7.0)]
            .into_iter()
            .map(|(place, scale)| {
                let mut level = 0.0;
                let points = (0..n)
                    .map(|i| {
                        let value = scale * f64::from((i * 7919) % 101);
                        level += value;
                        PeriodPoint {
                            period: first + i,
                            value,
                            rows: 1,
                            level,
                        }
                    })
                    .collect::<Vec<_>>();
                Series {
                    place,
                    total: level,
                    points,
                    level_before: 0.0,
                }
            })
            .collect();
        MetricChart {
            metric: Metric::Rigs,
            series,
        }
    }

    fn full_range(chart: &MetricChart, g: Granularity) -> (f64, f64) {
        let periods = chart_periods(chart);
        (
            period_x_range(g, periods[0]).0,
            period_x_range(g, periods[periods.len() - 1]).1,
        )
    }

    #[test]
    fn dense_bars_hand_no_more_bars_than_pixels() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        let width = 640;
        let data = plot_data(&chart, g, false, full_range(&chart, g), width);
        assert!(data.lines.is_empty());
        assert_eq!(data.bars.len(), 2);
        assert!(data.max_points_per_series() <= width);
        assert!(data.max_points_per_series() >= width - 2, "fills the width");
        // Every series has bars at the same positions, so the stacks line up.
        let xs = |i: usize| data.bars[i].1.iter().map(|b| b.x).collect::<Vec<_>>();
        assert_eq!(xs(0), xs(1));
        // Merged bars hold the sums of what they merge: nothing is lost.
        for ((_, bars), s) in data.bars.iter().zip(&chart.series) {
            let sum: f64 = bars.iter().map(|b| b.value).sum();
            assert_eq!(sum, s.total);
        }
    }

    #[test]
    fn dense_lines_hand_no_more_points_than_pixels() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        let width = 500;
        let data = plot_data(&chart, g, true, full_range(&chart, g), width);
        assert!(data.bars.is_empty());
        assert_eq!(data.lines.len(), 2);
        assert!(data.max_points_per_series() <= width);
        for ((_, pts), s) in data.lines.iter().zip(&chart.series) {
            let full = cumulative_points(s, g, full_range(&chart, g).1.into());
            assert!(full.len() > 10 * width);
            assert_eq!(pts.first(), full.first());
            assert_eq!(pts.last(), full.last());
            let top = |p: &[[f64; 2]]| p.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
            assert_eq!(top(pts), top(&full));
        }
    }

    #[test]
    fn zoomed_dense_chart_keeps_every_bar_in_view() {
        let g = Granularity::Month;
        let chart = dense_chart(20_000);
        // 200 months in view on a 640-pixel plot: each month keeps its own bar.
        let periods = chart_periods(&chart);
        let range = (
            period_x_range(g, periods[5_000]).0,
            period_x_range(g, periods[5_199]).1,
        );
        let data = plot_data(&chart, g, false, range, 640);
        let bars = &data.bars[1].1;
        assert!(bars.len() <= 640);
        for (i, &p) in periods[5_000..5_200].iter().enumerate() {
            let (x0, x1) = period_x_range(g, p);
            let bar = bars
                .iter()
                .find(|b| b.x == (x0 + x1) / 2.0)
                .unwrap_or_else(|| panic!("month {i} in view has its own bar"));
            assert_eq!(bar.value, chart.series[1].points[5_000 + i].value);
        }
    }

    #[test]
    fn sparse_charts_are_plotted_as_they_are() {
        let g = Granularity::Quarter;
        let mut chart = dense_chart(24);
        for s in &mut chart.series {
            for p in &mut s.points {
                p.period = 2017 * 4 + (p.period - 1000 * 12);
            }
        }
        let range = full_range(&chart, g);
        let bars = plot_data(&chart, g, false, range, 800);
        assert_eq!(bars.bars[0].1.len(), 24);
        let first = chart.series[0].points[0];
        let (x0, x1) = period_x_range(g, first.period);
        assert_eq!(
            bars.bars[0].1[0],
            BarSpec {
                x: (x0 + x1) / 2.0,
                width: (x1 - x0) * 0.8,
                value: first.value
            }
        );
        let lines = plot_data(&chart, g, true, range, 800);
        let full = cumulative_points(&chart.series[1], g, Some(range.1));
        assert_eq!(lines.lines[1].1, full);
    }
}
