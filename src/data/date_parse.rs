//! Reading dates as people type them (`2021-09-27`, `27 Sep 2021`, `2021年9月`, `03/04/2021`,
//! spreadsheet serial numbers) into an [`EventDate`], and [`DateError`], why a text is not one.
//! The date types themselves live in `date.rs`.

use std::fmt;

use chrono::Datelike;

use super::date::{DateOrder, EventDate, YEAR_RANGE};
use crate::i18n::Msg;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// What a numeric `a/b/yyyy` date may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    /// Only day-first makes a date.
    DayFirst,
    /// Only month-first makes a date.
    MonthFirst,
    /// Both readings are dates (and differ).
    Ambiguous,
    /// Both readings give the same date (`05/05/2021`).
    Same,
}

/// Classifies `a/b/yyyy` (also with `.` or `-`), or `None` for other forms.
pub fn numeric_order(text: &str) -> Option<NumericOrder> {
    let (a, b, y) = split_numeric(text.trim())?;
    let day_first = EventDate::ymd(y, b, a).is_some();
    let month_first = EventDate::ymd(y, a, b).is_some();
    Some(match (day_first, month_first) {
        (true, true) if a == b => NumericOrder::Same,
        (true, true) => NumericOrder::Ambiguous,
        (true, false) => NumericOrder::DayFirst,
        (false, true) => NumericOrder::MonthFirst,
        (false, false) => return None,
    })
}

fn split_numeric(t: &str) -> Option<(u32, u32, i32)> {
    // d/m/yyyy to dd/mm/yyyy: 8 to 10 bytes (and no allocation for the common ISO dates).
    if !(8..=10).contains(&t.len()) || !matches!(t.as_bytes()[t.len() - 5], b'/' | b'.' | b'-') {
        return None;
    }
    let mut it = t.split(['/', '.', '-']);
    let parts = [it.next()?, it.next()?, it.next()?];
    if it.next().is_some() {
        return None;
    }
    if parts.len() != 3
        || parts[2].len() != 4
        || parts[..2].iter().any(|p| p.is_empty() || p.len() > 2)
    {
        return None;
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some((
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    ))
}

/// Why a date cell does not read as a date. Shown as a sentence a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// The text is in none of the forms a date is read from.
    NotADate {
        /// The text, without spaces around it or a time after it.
        text: String,
    },
    /// A numeric `a/b/yyyy` whose day and month make a date in neither order.
    NoDayAndMonth {
        /// The text, without spaces around it or a time after it.
        text: String,
    },
    /// The year is outside the years a crackdown date may have.
    YearOutOfRange {
        /// The year as typed.
        year: i32,
    },
    /// A numeric `a/b/yyyy` that is a date in both orders: the column's date order decides.
    Ambiguous {
        /// The text, without spaces around it or a time after it.
        text: String,
        /// The first number (`a`).
        first: u32,
        /// The second number (`b`).
        second: u32,
    },
    /// A day with a month name that the calendar does not have (`Sep 31 2021`).
    NoSuchDay {
        /// The text, without spaces around it or a time after it.
        text: String,
    },
    /// A `YYYY-MM` whose month does not exist.
    NoSuchMonth {
        /// The month as typed.
        month: u32,
    },
    /// A `YYYY-MM-DD` that the calendar does not have.
    NoSuchDate {
        /// The year.
        year: i32,
        /// The month as typed.
        month: u32,
        /// The day as typed.
        day: u32,
    },
}

impl DateError {
    /// What is wrong, as a sentence in any language (the English is [`fmt::Display`]).
    pub fn message(&self) -> Msg {
        let month_name =
            |m: u32| MONTHS[(m - 1) as usize][..1].to_uppercase() + &MONTHS[(m - 1) as usize][1..];
        match self {
            DateError::Empty => crate::msg!("date-empty"),
            DateError::NotADate { text } => crate::msg!("date-not-a-date", text = text.as_str()),
            DateError::NoDayAndMonth { text } => {
                crate::msg!("date-no-day-and-month", text = text.as_str())
            }
            DateError::YearOutOfRange { year } => crate::msg!(
                "date-year-out-of-range",
                year = year.to_string(),
                from = YEAR_RANGE.start().to_string(),
                to = YEAR_RANGE.end().to_string()
            ),
            DateError::Ambiguous {
                text,
                first,
                second,
            } => crate::msg!(
                "date-ambiguous",
                text = text.as_str(),
                first = first.to_string(),
                second = second.to_string(),
                first_name = month_name(*first),
                second_name = month_name(*second)
            ),
            DateError::NoSuchDay { text } => crate::msg!("date-no-such-day", text = text.as_str()),
            DateError::NoSuchMonth { month } => {
                crate::msg!("date-no-such-month", month = month.to_string())
            }
            DateError::NoSuchDate { year, month, day } => crate::msg!(
                "date-no-such-date",
                date = format!("{year}-{month:02}-{day:02}")
            ),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().english())
    }
}

impl std::error::Error for DateError {}

/// Parses a date as typed, with numeric day/month dates read in `order`. Accepted: `2021-09-27`,
/// `2021/9/27`, `2021.09.27`, `2021-09`, `2021`, `2021年9月27日`, `2021年9月`, `27 Sep 2021`,
/// `Sept. 27, 2021`, `September 2021`, `27/09/2021`, `09/27/2021`, spreadsheet serial numbers
/// (`44466`), and a trailing time, which is ignored.
pub fn parse_date_in(text: &str, order: DateOrder) -> Result<EventDate, DateError> {
    if let Some(d) = iso_date(text.as_bytes()) {
        return Ok(d);
    }
    // Full-width digits and separators (`２０２１．９．２７`) read as their ASCII forms.
    if text.chars().any(|c| ('\u{ff0d}'..='\u{ff19}').contains(&c)) {
        let ascii: String = text
            .chars()
            .map(|c| match c {
                '\u{ff0d}'..='\u{ff19}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
                c => c,
            })
            .collect();
        return parse_date_in(&ascii, order);
    }
    let t = without_time(text.trim());
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    // Numeric day and month: the order decides, or the values do.
    if let Some((a, b, y)) = split_numeric(t) {
        return numeric_date(t, (a, b, y), order);
    }
    if let Some(d) = serial_date(t) {
        return d;
    }
    // Month names: "27 Sep 2021", "Sept. 27, 2021", "September 2021".
    if t.chars().any(char::is_alphabetic) && !t.contains(['年', '月']) {
        return named_month_date(t);
    }
    dashed_date(t)
}

/// A date's text without a time after it (`2021-09-27T08:00`, `2021-09-27 08:00:00`).
fn without_time(t: &str) -> &str {
    let t = t
        .split_once('T')
        .filter(|(d, _)| d.len() >= 8 && d.starts_with(|c: char| c.is_ascii_digit()))
        .map_or(t, |(d, _)| d);
    t.split_once(' ')
        .map_or(t, |(d, rest)| if rest.contains(':') { d } else { t })
}

/// The error for a text in none of the date forms.
fn not_a_date(t: &str) -> DateError {
    DateError::NotADate { text: t.to_owned() }
}

/// `Ok` when `year` is one a crackdown date may have.
fn check_year(year: i32) -> Result<(), DateError> {
    if YEAR_RANGE.contains(&year) {
        Ok(())
    } else {
        Err(DateError::YearOutOfRange { year })
    }
}

/// A numeric `a/b/yyyy` date (split into `a`, `b` and the year), read in `order` when both
/// readings are dates.
fn numeric_date(
    t: &str,
    (a, b, y): (u32, u32, i32),
    order: DateOrder,
) -> Result<EventDate, DateError> {
    // The year is checked first, so the message does not depend on the day/month order.
    check_year(y)?;
    let (day, month) = match (numeric_order(t), order) {
        (Some(NumericOrder::DayFirst), _) | (Some(NumericOrder::Same), _) => (a, b),
        (Some(NumericOrder::MonthFirst), _) => (b, a),
        (Some(NumericOrder::Ambiguous), DateOrder::DayFirst) => (a, b),
        (Some(NumericOrder::Ambiguous), DateOrder::MonthFirst) => (b, a),
        (Some(NumericOrder::Ambiguous), DateOrder::Unknown) => {
            return Err(DateError::Ambiguous {
                text: t.to_owned(),
                first: a,
                second: b,
            });
        }
        (None, _) => return Err(DateError::NoDayAndMonth { text: t.to_owned() }),
    };
    check_year(y)?;
    EventDate::ymd(y, month, day).ok_or_else(|| not_a_date(t))
}

/// A spreadsheet serial day number (1900 date system), e.g. 44466 = 2021-09-27; `None` when `t`
/// is not one.
fn serial_date(t: &str) -> Option<Result<EventDate, DateError>> {
    let serial = t.parse::<f64>().ok()?;
    // 32874 is 1990-01-01 and 73415 is 2100-12-31: the same years as typed dates.
    if t.len() < 5 || !(32_874.0..73_416.0).contains(&serial) {
        return None;
    }
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let d = base + chrono::Duration::days(serial.floor() as i64);
    Some(EventDate::ymd(d.year(), d.month(), d.day()).ok_or_else(|| not_a_date(t)))
}

/// A date with a month name: "27 Sep 2021", "Sept. 27, 2021", "September 2021".
fn named_month_date(t: &str) -> Result<EventDate, DateError> {
    let words = t.split([' ', ',', '-', '/']).filter(|w| !w.is_empty());
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for w in words {
        if let Some(m) = month_from_name(w) {
            if month.replace(m).is_some() {
                return Err(not_a_date(t));
            }
            continue;
        }
        let digits = w
            .trim_end_matches(['.', ','])
            .trim_end_matches(|c: char| c.is_ascii_alphabetic());
        match digits.parse::<i32>() {
            Ok(n) if digits.len() == 4 => year = Some(n),
            Ok(n) if (1..=31).contains(&n) && digits.len() <= 2 && day.is_none() => {
                day = Some(n as u32)
            }
            _ => return Err(not_a_date(t)),
        }
    }
    let (Some(month), Some(year)) = (month, year) else {
        return Err(not_a_date(t));
    };
    check_year(year)?;
    match day {
        Some(d) => EventDate::ymd(year, month, d)
            .ok_or_else(|| DateError::NoSuchDay { text: t.to_owned() }),
        None => EventDate::ym(year, month).ok_or_else(|| not_a_date(t)),
    }
}

/// A year, year and month, or full date with `-`, `/`, `.` or 年月日 between the parts
/// (`2021/9/27`, `2021年9月`).
fn dashed_date(t: &str) -> Result<EventDate, DateError> {
    let bad = || not_a_date(t);
    let normalized: String = t
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            '日' => ' ',
            c => c,
        })
        .collect();
    let normalized = normalized.trim().trim_end_matches('-');
    let parts: Vec<&str> = normalized.split('-').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    if parts[0].len() != 4 {
        return Err(bad());
    }
    let year: i32 = parts[0].parse().map_err(|_| bad())?;
    check_year(year)?;
    let num = |s: &str| -> Result<u32, DateError> {
        if s.len() > 2 {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    match parts.len() {
        1 => EventDate::y(year).ok_or_else(bad),
        2 => {
            let month = num(parts[1])?;
            EventDate::ym(year, month).ok_or(DateError::NoSuchMonth { month })
        }
        _ => {
            let month = num(parts[1])?;
            let day = num(parts[2])?;
            EventDate::ymd(year, month, day).ok_or(DateError::NoSuchDate { year, month, day })
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` without allocating (the common case when loading).
pub fn iso_date(b: &[u8]) -> Option<EventDate> {
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    if !YEAR_RANGE.contains(&year) {
        return None;
    }
    match b.len() {
        4 => EventDate::y(year),
        7 if b[4] == b'-' => EventDate::ym(year, digits(5..7)?),
        10 if b[4] == b'-' && b[7] == b'-' => EventDate::ymd(year, digits(5..7)?, digits(8..10)?),
        _ => None,
    }
}

/// Parses a date with numeric day/month order unknown (see [`parse_date_in`]).
pub fn parse_date(text: &str) -> Result<EventDate, DateError> {
    parse_date_in(text, DateOrder::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::Precision;

    #[test]
    fn dates_keep_precision() {
        assert_eq!(parse_date("2021-09-27").unwrap().to_string(), "2021-09-27");
        assert_eq!(parse_date("2021-09").unwrap().precision(), Precision::Month);
        assert_eq!(parse_date("2021").unwrap().precision(), Precision::Year);
        assert_eq!(parse_date("2021/9/27").unwrap().to_string(), "2021-09-27");
        assert_eq!(
            parse_date("2021年9月27日").unwrap().to_string(),
            "2021-09-27"
        );
        assert_eq!(parse_date("2021年9月").unwrap().to_string(), "2021-09");
        assert_eq!(
            parse_date("2021-09-27T00:00:00").unwrap().to_string(),
            "2021-09-27"
        );
        assert!(parse_date("2021-02-30").is_err());
        assert!(parse_date("2021-13").is_err());
        assert_eq!(parse_date("27/09/2021").unwrap().to_string(), "2021-09-27");
        assert_eq!(parse_date("09/27/2021").unwrap().to_string(), "2021-09-27");
        assert!(
            parse_date("03/04/2021")
                .unwrap_err()
                .to_string()
                .contains("ambiguous")
        );
        assert_eq!(
            parse_date_in("03/04/2021", DateOrder::DayFirst)
                .unwrap()
                .to_string(),
            "2021-04-03"
        );
        assert_eq!(
            parse_date_in("03/04/2021", DateOrder::MonthFirst)
                .unwrap()
                .to_string(),
            "2021-03-04"
        );
        assert_eq!(parse_date("05/05/2021").unwrap().to_string(), "2021-05-05");
        assert_eq!(parse_date("27 Sep 2021").unwrap().to_string(), "2021-09-27");
        assert_eq!(
            parse_date("Sept. 27, 2021").unwrap().to_string(),
            "2021-09-27"
        );
        assert_eq!(
            parse_date("September 27, 2021").unwrap().to_string(),
            "2021-09-27"
        );
        assert_eq!(parse_date("September 2021").unwrap().to_string(), "2021-09");
        assert_eq!(parse_date("Sep 2021").unwrap().to_string(), "2021-09");
        assert_eq!(
            parse_date("27th September 2021").unwrap().to_string(),
            "2021-09-27"
        );
        assert_eq!(parse_date("44466").unwrap().to_string(), "2021-09-27");
        assert_eq!(parse_date("44466.5").unwrap().to_string(), "2021-09-27");
        assert_eq!(
            parse_date("2021-09-27 00:00:00").unwrap().to_string(),
            "2021-09-27"
        );
        assert!(parse_date("Sep 31 2021").is_err());
        assert!(parse_date("Smarch 2021").is_err());
        assert!(parse_date("abc").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn date_errors_say_what_is_wrong() {
        assert_eq!(
            parse_date("03/04/2021"),
            Err(DateError::Ambiguous {
                text: "03/04/2021".into(),
                first: 3,
                second: 4
            })
        );
        assert_eq!(
            parse_date(" 03/04/2021 ").unwrap_err().to_string(),
            "“03/04/2021” is ambiguous: 3 April or March 4? Choose the date order for this column"
        );
        assert_eq!(parse_date("  "), Err(DateError::Empty));
        assert_eq!(
            parse_date("1899-01-01"),
            Err(DateError::YearOutOfRange { year: 1899 })
        );
        assert_eq!(
            parse_date("31/31/1899").unwrap_err().to_string(),
            "year 1899 is outside 1990–2100"
        );
        assert_eq!(
            parse_date("31/31/2021").unwrap_err().to_string(),
            "“31/31/2021” is not a date"
        );
        assert_eq!(
            parse_date("Sep 31 2021").unwrap_err().to_string(),
            "“Sep 31 2021” does not exist"
        );
        assert_eq!(
            parse_date("2021-13"),
            Err(DateError::NoSuchMonth { month: 13 })
        );
        assert_eq!(
            parse_date("2021年2月30日").unwrap_err().to_string(),
            "2021-02-30 does not exist"
        );
        assert_eq!(
            parse_date("abc 08:00").unwrap_err().to_string(),
            "“abc” is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-27, 2021-09, 2021)"
        );
    }

    #[test]
    fn dates_with_dots_and_fullwidth_digits() {
        for (text, want) in [
            ("2021.9.27", "2021-09-27"),
            ("2021.09.27", "2021-09-27"),
            ("2021.09", "2021-09"),
            ("27.09.2021", "2021-09-27"),
            ("9.27.2021", "2021-09-27"),
            ("２０２１．９．２７", "2021-09-27"),
            ("２０２１年９月２７日", "2021-09-27"),
            ("２０２１－０９－２７", "2021-09-27"),
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()),
                Ok(want.into()),
                "{text}"
            );
        }
        // Day and month in either order: the file's order decides, as with slashes.
        assert_eq!(numeric_order("27.09.2021"), Some(NumericOrder::DayFirst));
        assert_eq!(numeric_order("9.27.2021"), Some(NumericOrder::MonthFirst));
        assert_eq!(numeric_order("03.04.2021"), Some(NumericOrder::Ambiguous));
        assert!(matches!(
            parse_date("03.04.2021"),
            Err(DateError::Ambiguous { .. })
        ));
        assert_eq!(
            parse_date_in("03.04.2021", DateOrder::DayFirst).map(|d| d.to_string()),
            Ok("2021-04-03".into())
        );
        assert!(parse_date("2021.13.01").is_err());
    }
}
