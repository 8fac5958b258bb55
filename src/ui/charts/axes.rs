//! The charts' axes: where periods fall on the time axis, the year, quarter and month marks and
//! their labels, and the value marks with their short numbers (`6.58B`).

use chrono::Datelike;
use egui_plot::{GridInput, GridMark};

use crate::analysis::{Granularity, date_to_x, x_to_date};

fn trim_decimals(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Axis numbers: `6.58B`, `2M`, `12.5k`, `300`.
pub(super) fn short_number(v: f64) -> String {
    let v = v + 0.0; // no "-0"
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e3 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    trim_decimals(format!("{scaled:.2}")) + suffix
}

/// Where a period starts and ends on the time axis.
pub(super) fn period_x_range(g: Granularity, period: i32) -> (f64, f64) {
    (date_to_x(g.start(period)), date_to_x(g.end(period)))
}

/// Year, quarter or month marks depending on the visible span.
pub(super) fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let span_years = (max - min) / 365.25;
    let first = x_to_date(min).year() - 1;
    let last = x_to_date(max).year() + 1;
    let mut marks = Vec::new();
    for year in first..=last {
        let months: &[u32] = if span_years > 8.0 {
            &[1]
        } else if span_years > 2.5 {
            &[1, 4, 7, 10]
        } else {
            &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        };
        for &m in months {
            let Some(d) = chrono::NaiveDate::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let x = date_to_x(d);
            if x < min || x > max {
                continue;
            }
            let step = if m == 1 {
                365.0
            } else if (m - 1) % 3 == 0 {
                91.0
            } else {
                30.0
            };
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
        }
    }
    marks
}

/// Value marks at 1, 2 or 5 × 10ⁿ, about four over the visible range, so every chart gets
/// readable labels however tall it is.
pub(super) fn value_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let range = (max - min).abs();
    if !range.is_finite() || range <= 0.0 {
        return Vec::new();
    }
    let raw = range / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut marks = Vec::new();
    let mut v = (min / step).ceil() * step;
    while v <= max && marks.len() < 50 {
        marks.push(GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

/// A time mark's label: the year in January, else the quarter or the month.
pub(super) fn date_label(mark: GridMark) -> String {
    let d = x_to_date(mark.value + 0.5);
    if d.month() == 1 {
        format!("{}", d.year())
    } else if mark.step_size >= 90.0 {
        format!("Q{}", (d.month() - 1) / 3 + 1)
    } else {
        d.format("%b").to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn axis_numbers_are_short_up_to_trillions() {
        assert_eq!(super::short_number(2_500.0), "2.5k");
        assert_eq!(super::short_number(6e9), "6B");
        assert_eq!(super::short_number(1.5e13), "15T");
        assert_eq!(super::short_number(-0.0), "0");
    }
}
