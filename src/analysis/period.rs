//! The time axis: [`Granularity`] (months, quarters, years) and the periods day keys fall in,
//! day keys as dates, and dates as chart coordinates.

use chrono::{Datelike, NaiveDate};

use crate::data::value::EventDate;

/// How events are grouped on the time axis.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Granularity {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    #[default]
    Quarter,
    /// Calendar years.
    Year,
}

impl Granularity {
    /// All choices, for selectors.
    pub const ALL: [Granularity; 3] = [Granularity::Month, Granularity::Quarter, Granularity::Year];

    /// Name shown in the selector.
    pub fn label(self) -> &'static str {
        match self {
            Granularity::Month => "Month",
            Granularity::Quarter => "Quarter",
            Granularity::Year => "Year",
        }
    }

    /// The period a day key (`yyyymmdd`) falls in, as a sequential index.
    pub fn period_of_key(self, day_key: i32) -> i32 {
        let year = day_key / 10_000;
        let month = (day_key / 100) % 100;
        match self {
            Granularity::Month => year * 12 + (month - 1),
            Granularity::Quarter => year * 4 + (month - 1) / 3,
            Granularity::Year => year,
        }
    }

    /// The period a date falls in (a month or year counts from its first day).
    pub fn period_of(self, date: EventDate) -> i32 {
        self.period_of_key(date.day_key())
    }

    /// First day of a period.
    pub fn start(self, period: i32) -> NaiveDate {
        let (year, month) = match self {
            Granularity::Month => (period.div_euclid(12), period.rem_euclid(12) + 1),
            Granularity::Quarter => (period.div_euclid(4), period.rem_euclid(4) * 3 + 1),
            Granularity::Year => (period, 1),
        };
        NaiveDate::from_ymd_opt(year, month as u32, 1).unwrap_or_default()
    }

    /// First day after a period.
    pub fn end(self, period: i32) -> NaiveDate {
        self.start(period + 1)
    }

    /// How a period is written: `2021-09`, `2021 Q3`, `2021`.
    pub fn period_label(self, period: i32) -> String {
        let start = self.start(period);
        match self {
            Granularity::Month => format!("{}-{:02}", start.year(), start.month()),
            Granularity::Quarter => format!("{} Q{}", start.year(), (start.month() - 1) / 3 + 1),
            Granularity::Year => format!("{}", start.year()),
        }
    }
}

/// Days since 1970-01-01: the x coordinate of charts.
pub fn date_to_x(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce() - 719_163)
}

/// The date at an x coordinate of a chart.
pub fn x_to_date(x: f64) -> NaiveDate {
    let days = x.floor().clamp(-1e6, 1e6) as i32;
    NaiveDate::from_num_days_from_ce_opt(days + 719_163).unwrap_or_default()
}

/// Formats a day key (`yyyymmdd`) as an ISO date.
pub fn day_key_label(key: i32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        key / 10_000,
        (key / 100) % 100,
        key % 100
    )
}
