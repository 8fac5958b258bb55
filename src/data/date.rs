//! Calendar dates as events report them: [`EventDate`] with its [`Precision`] (a year, a month or
//! a day) and the [`DateOrder`] a column's numeric dates are read in. Parsing typed dates lives
//! in `date_parse.rs`.

use std::fmt;

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known (`2021`).
    Year,
    /// Year and month (`2021-09`).
    Month,
    /// The exact day (`2021-09-27`).
    Day,
}

/// A calendar date with the precision it was reported with.
///
/// Ordering and [`EventDate::day_key`] treat a month or year as starting on its first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EventDate {
    /// Calendar year, e.g. 2021.
    pub year: i16,
    /// 1–12, or 0 when only the year is known.
    pub month: u8,
    /// 1–31, or 0 when only the year or month is known.
    pub day: u8,
}

/// Days in a month of the proleptic Gregorian calendar (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

impl EventDate {
    /// A date known to the day. Returns `None` for an impossible date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let year = i16::try_from(year).ok()?;
        Some(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// A date known to the month.
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Some(Self {
            year: i16::try_from(year).ok()?,
            month: month as u8,
            day: 0,
        })
    }

    /// A date known to the year.
    pub fn y(year: i32) -> Option<Self> {
        Some(Self {
            year: i16::try_from(year).ok()?,
            month: 0,
            day: 0,
        })
    }

    /// How precisely this date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The month, counting a year-precision date as January.
    pub fn month_or_first(self) -> u32 {
        u32::from(self.month.max(1))
    }

    /// The first day this date may refer to.
    pub fn first_day(self) -> chrono::NaiveDate {
        let month = self.month_or_first();
        let day = u32::from(self.day.max(1));
        chrono::NaiveDate::from_ymd_opt(i32::from(self.year), month, day)
            .or_else(|| chrono::NaiveDate::from_ymd_opt(i32::from(self.year), month, 1))
            .unwrap_or_default()
    }

    /// A sortable key: `yyyymmdd` with a missing month or day counted as the first.
    pub fn day_key(self) -> i32 {
        i32::from(self.year) * 10_000
            + i32::from(self.month.max(1)) * 100
            + i32::from(self.day.max(1))
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// Years a crackdown date may plausibly have; anything else is more likely a typo.
pub(super) const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1990..=2100;

/// How to read numeric dates such as `03/04/2021`, chosen once per column.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum DateOrder {
    /// Not known: dates where both readings are possible are flagged as ambiguous.
    #[default]
    Unknown,
    /// `03/04/2021` is 3 April (most of the world).
    DayFirst,
    /// `03/04/2021` is March 4 (United States).
    MonthFirst,
}

impl DateOrder {
    /// Name for menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::Unknown => "not chosen",
            DateOrder::DayFirst => "day/month/year",
            DateOrder::MonthFirst => "month/day/year",
        }
    }

    /// How menus name the order, in any language (its English is [`DateOrder::label`]).
    pub fn text(self) -> crate::i18n::Msg {
        match self {
            DateOrder::Unknown => crate::msg!("date-order-unknown"),
            DateOrder::DayFirst => crate::msg!("date-order-day-first"),
            DateOrder::MonthFirst => crate::msg!("date-order-month-first"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_days_agree_with_chrono() {
        for year in [1900, 1990, 1996, 2000, 2019, 2020, 2021, 2024, 2100] {
            for month in 0..14 {
                for day in 0..33 {
                    assert_eq!(
                        EventDate::ymd(year, month, day).is_some(),
                        chrono::NaiveDate::from_ymd_opt(year, month, day).is_some(),
                        "{year}-{month}-{day}"
                    );
                }
            }
        }
    }
}
