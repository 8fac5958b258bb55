//! Ticks shared by the screen's charts and the exports: value ticks at 1, 2, 2.5 or 5 × 10ⁿ,
//! and year, quarter or month marks on the time axis with their labels.

use chrono::Datelike;

use crate::analysis::{date_to_x, x_to_date};
use crate::picture::units::Lang;

/// The step of about `count` value ticks over `min..max`: 1, 2, 2.5 or 5 × 10ⁿ. `None` for an
/// empty or invalid range.
pub fn nice_step(min: f64, max: f64, count: f64) -> Option<f64> {
    let range = (max - min).abs();
    if !range.is_finite() || range <= 0.0 || count <= 0.0 {
        return None;
    }
    let raw = range / count;
    let magnitude = 10f64.powf(raw.log10().floor());
    Some(
        [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * magnitude),
    )
}

/// Value ticks from the first multiple of the step at or above `min` up to `max` (at most 50).
pub fn value_ticks(min: f64, max: f64, count: f64) -> (Vec<f64>, f64) {
    let Some(step) = nice_step(min, max, count) else {
        return (Vec::new(), 0.0);
    };
    let mut ticks = Vec::new();
    let mut i = (min / step).ceil();
    while i * step <= max + step * 1e-9 && ticks.len() < 50 {
        ticks.push(i * step);
        i += 1.0;
    }
    (ticks, step)
}

/// A value axis from 0 to a whole number of steps at or above `max`: its top and its ticks.
pub fn zero_based_axis(max: f64, count: f64) -> (f64, Vec<f64>, f64) {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let step = nice_step(0.0, max, count).unwrap_or(1.0);
    let top = (max / step - 1e-9).ceil().max(1.0) * step;
    let (ticks, step) = value_ticks(0.0, top, top / step);
    (top, ticks, step)
}

/// A mark on the time axis: its x (days since 1970) and the span it steps by (365, 91 or 30).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMark {
    /// Days since 1970-01-01.
    pub x: f64,
    /// 365 for a year, 91 for a quarter, 30 for a month.
    pub step: f64,
}

/// Year marks, plus quarters when the span is under 8 years, plus months under 2.5 years;
/// `max_marks` thins them to years (or every other year…) when the axis is narrow.
pub fn date_marks(min: f64, max: f64, max_marks: usize) -> Vec<DateMark> {
    let span_years = (max - min) / 365.25;
    let months: &[u32] = if span_years > 8.0 {
        &[1]
    } else if span_years > 2.5 {
        &[1, 4, 7, 10]
    } else {
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    };
    let marks = marks_in(min, max, months, 1);
    if marks.len() <= max_marks.max(1) {
        return marks;
    }
    let mut every = 1;
    loop {
        let years = marks_in(min, max, &[1], every);
        if years.len() <= max_marks.max(1) || every > 100 {
            return years;
        }
        every += 1;
    }
}

fn marks_in(min: f64, max: f64, months: &[u32], every_years: i32) -> Vec<DateMark> {
    let first = x_to_date(min).year() - 1;
    let last = x_to_date(max).year() + 1;
    let mut marks = Vec::new();
    for year in (first..=last).filter(|y| y.rem_euclid(every_years) == 0) {
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
            marks.push(DateMark { x, step });
        }
    }
    marks
}

/// A time mark's label: the year in January, else the quarter or the month.
pub fn date_label(mark: DateMark) -> String {
    date_label_in(mark, Lang::En)
}

/// A time mark's label in `lang`: the year in January, else the quarter or the month (`Q3`,
/// `Apr`; in Chinese `Q3`, `4月`).
pub fn date_label_in(mark: DateMark, lang: Lang) -> String {
    let d = x_to_date(mark.x + 0.5);
    if d.month() == 1 {
        format!("{}", d.year())
    } else if mark.step >= 90.0 {
        format!("Q{}", (d.month() - 1) / 3 + 1)
    } else {
        match lang {
            Lang::En => d.format("%b").to_string(),
            Lang::Zh => format!("{}月", d.month()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round_and_cover_the_maximum() {
        let (top, ticks, step) = zero_based_axis(10_100.0, 4.0);
        assert_eq!(step, 5_000.0);
        assert_eq!(top, 15_000.0);
        assert_eq!(ticks, vec![0.0, 5_000.0, 10_000.0, 15_000.0]);
        let (top, ticks, _) = zero_based_axis(0.0, 4.0);
        assert!(top > 0.0 && !ticks.is_empty());
        assert_eq!(nice_step(0.0, 0.0, 4.0), None);
        assert_eq!(nice_step(0.0, 10.0, 4.0), Some(2.5));
    }

    #[test]
    fn date_marks_thin_to_years_on_a_narrow_axis() {
        let x = |y, m| date_to_x(chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap());
        let marks = date_marks(x(2017, 6), x(2022, 2), 100);
        assert!(marks.iter().any(|m| m.step == 91.0));
        let labels: Vec<String> = date_marks(x(2017, 6), x(2022, 2), 5)
            .into_iter()
            .map(date_label)
            .collect();
        assert_eq!(labels, ["2018", "2019", "2020", "2021", "2022"]);
        let months: Vec<(String, String)> = date_marks(x(2021, 2), x(2021, 6), 100)
            .into_iter()
            .map(|m| (date_label(m), date_label_in(m, Lang::Zh)))
            .collect();
        assert!(
            months.contains(&("May".to_owned(), "5月".to_owned())),
            "{months:?}"
        );
        let few = date_marks(x(2000, 6), x(2022, 2), 6);
        assert!(few.len() <= 6 && !few.is_empty());
    }
}
