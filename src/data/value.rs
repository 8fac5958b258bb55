//! Cell values: parsing what a person types (numbers, dates, basis) and formatting values back
//! for display. Parsing never panics; a failure carries a reason a user can act on.

use std::fmt;

use chrono::Datelike;

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
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1990..=2100;

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
}

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

/// Parses a date as typed, with numeric day/month dates read in `order`. Accepted: `2021-09-27`,
/// `2021/9/27`, `2021.09.27`, `2021-09`, `2021`, `2021年9月27日`, `2021年9月`, `27 Sep 2021`,
/// `Sept. 27, 2021`, `September 2021`, `27/09/2021`, `09/27/2021`, spreadsheet serial numbers
/// (`44466`), and a trailing time, which is ignored.
pub fn parse_date_in(text: &str, order: DateOrder) -> Result<EventDate, String> {
    if let Some(d) = iso_date(text.as_bytes()) {
        return Ok(d);
    }
    let t = text.trim();
    let t = t
        .split_once('T')
        .filter(|(d, _)| d.len() >= 8 && d.starts_with(|c: char| c.is_ascii_digit()))
        .map_or(t, |(d, _)| d);
    let t = t
        .split_once(' ')
        .map_or(t, |(d, rest)| if rest.contains(':') { d } else { t });
    let bad = || {
        format!(
            "“{t}” is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-27, 2021-09, 2021)"
        )
    };
    if t.is_empty() {
        return Err("empty".into());
    }
    // Numeric day and month: the order decides, or the values do.
    if let Some((a, b, y)) = split_numeric(t) {
        // The year is checked first, so the message does not depend on the day/month order.
        if !YEAR_RANGE.contains(&y) {
            return Err(format!(
                "year {y} is outside {}–{}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ));
        }
        let (day, month) = match (numeric_order(t), order) {
            (Some(NumericOrder::DayFirst), _) | (Some(NumericOrder::Same), _) => (a, b),
            (Some(NumericOrder::MonthFirst), _) => (b, a),
            (Some(NumericOrder::Ambiguous), DateOrder::DayFirst) => (a, b),
            (Some(NumericOrder::Ambiguous), DateOrder::MonthFirst) => (b, a),
            (Some(NumericOrder::Ambiguous), DateOrder::Unknown) => {
                let month_name = |m: u32| {
                    MONTHS[(m - 1) as usize][..1].to_uppercase() + &MONTHS[(m - 1) as usize][1..]
                };
                return Err(format!(
                    "“{t}” is ambiguous: {a} {} or {} {b}? Choose the date order for this column",
                    month_name(b),
                    month_name(a)
                ));
            }
            (None, _) => return Err(format!("“{t}” is not a date")),
        };
        if !YEAR_RANGE.contains(&y) {
            return Err(format!(
                "year {y} is outside {}–{}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ));
        }
        return EventDate::ymd(y, month, day).ok_or_else(bad);
    }
    // Spreadsheet serial day numbers (1900 date system), e.g. 44466 = 2021-09-27.
    if let Ok(serial) = t.parse::<f64>()
        && t.len() >= 5
        // 32874 is 1990-01-01 and 73415 is 2100-12-31: the same years as typed dates.
        && (32_874.0..73_416.0).contains(&serial)
    {
        let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
        let d = base + chrono::Duration::days(serial.floor() as i64);
        return EventDate::ymd(d.year(), d.month(), d.day()).ok_or_else(bad);
    }
    // Month names: "27 Sep 2021", "Sept. 27, 2021", "September 2021".
    if t.chars().any(char::is_alphabetic) && !t.contains(['年', '月']) {
        let words: Vec<&str> = t
            .split([' ', ',', '-', '/'])
            .filter(|w| !w.is_empty())
            .collect();
        let mut month = None;
        let mut year = None;
        let mut day = None;
        for w in words {
            if let Some(m) = month_from_name(w) {
                if month.replace(m).is_some() {
                    return Err(bad());
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
                _ => return Err(bad()),
            }
        }
        let (Some(month), Some(year)) = (month, year) else {
            return Err(bad());
        };
        if !YEAR_RANGE.contains(&year) {
            return Err(format!(
                "year {year} is outside {}–{}",
                YEAR_RANGE.start(),
                YEAR_RANGE.end()
            ));
        }
        return match day {
            Some(d) => {
                EventDate::ymd(year, month, d).ok_or_else(|| format!("“{t}” does not exist"))
            }
            None => EventDate::ym(year, month).ok_or_else(bad),
        };
    }
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
    if !YEAR_RANGE.contains(&year) {
        return Err(format!(
            "year {year} is outside {}–{}",
            YEAR_RANGE.start(),
            YEAR_RANGE.end()
        ));
    }
    let num = |s: &str| -> Result<u32, String> {
        if s.len() > 2 {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    match parts.len() {
        1 => EventDate::y(year).ok_or_else(bad),
        2 => {
            let m = num(parts[1])?;
            EventDate::ym(year, m).ok_or_else(|| format!("month {m} does not exist"))
        }
        _ => {
            let m = num(parts[1])?;
            let d = num(parts[2])?;
            EventDate::ymd(year, m, d).ok_or_else(|| format!("{year}-{m:02}-{d:02} does not exist"))
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
pub fn parse_date(text: &str) -> Result<EventDate, String> {
    parse_date_in(text, DateOrder::Unknown)
}

/// What a row's figures mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Basis {
    /// The figures happened in this event (the default).
    #[default]
    Event,
    /// The figures are a total to date for the province ("brings the total to 45").
    RunningTotal,
}

impl Basis {
    /// The canonical spelling written to files.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Event => "event",
            Basis::RunningTotal => "running_total",
        }
    }
}

/// Parses a basis cell; an empty cell is an event.
pub fn parse_basis(text: &str) -> Result<Basis, String> {
    // The spellings the app writes, without allocating (millions of rows load through here).
    match text {
        "" | "event" => return Ok(Basis::Event),
        "running_total" => return Ok(Basis::RunningTotal),
        _ => {}
    }
    let key: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .collect();
    match key.as_str() {
        "" | "event" | "events" | "single" | "incident" | "事件" => Ok(Basis::Event),
        "runningtotal" | "total" | "cumulative" | "todate" | "totaltodate" | "累计" | "累计数" => {
            Ok(Basis::RunningTotal)
        }
        _ => Err(format!(
            "“{}” is not a basis: use event or running_total",
            text.trim()
        )),
    }
}

/// Formats a number with thousands separators and at most `decimals` decimals, trimming zeros.
pub fn group_thousands(value: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    if value < 0.0 && value != 0.0 {
        out.push('-');
    }
    let bytes = int.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(*b));
    }
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A large amount in words: `6.58 billion`, `11.04 million`, `150,000`.
pub fn human_amount(value: f64) -> String {
    let abs = value.abs();
    let (scaled, word) = if abs >= 1e12 {
        (value / 1e12, " trillion")
    } else if abs >= 1e9 {
        (value / 1e9, " billion")
    } else if abs >= 1e6 {
        (value / 1e6, " million")
    } else {
        return group_thousands(value, 2);
    };
    let decimals = if scaled.abs() >= 100.0 { 1 } else { 2 };
    format!("{}{word}", group_thousands(scaled, decimals))
}

/// Electricity with readable units: `6.58 billion kWh`.
pub fn format_kwh(value: f64) -> String {
    format!("{} kWh", human_amount(value))
}

/// Coal with readable units: `2 million t`.
pub fn format_tonnes(value: f64) -> String {
    format!("{} t", human_amount(value))
}

/// Canonical text of a figure as written to files: no separators, no exponent for whole numbers.
pub fn canonical_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Integer formatting: exact here, and far cheaper than float formatting (the table
        // formats its visible figures every frame).
        if value == 0.0 && value.is_sign_negative() {
            return "-0".to_owned();
        }
        (value as i64).to_string()
    } else {
        format!("{value}")
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
        assert!(parse_date("03/04/2021").unwrap_err().contains("ambiguous"));
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
    fn readable_units() {
        assert_eq!(format_kwh(6.58e9), "6.58 billion kWh");
        assert_eq!(format_kwh(150_000.0), "150,000 kWh");
        assert_eq!(format_kwh(11_040_000.0), "11.04 million kWh");
        assert_eq!(format_tonnes(2e6), "2 million t");
        assert_eq!(group_thousands(1234567.0, 0), "1,234,567");
        assert_eq!(canonical_number(6.58e9), "6580000000");
        assert_eq!(canonical_number(0.5), "0.5");
    }

    #[test]
    fn basis_synonyms() {
        assert_eq!(parse_basis(""), Ok(Basis::Event));
        assert_eq!(parse_basis("Running total"), Ok(Basis::RunningTotal));
        assert_eq!(parse_basis("cumulative"), Ok(Basis::RunningTotal));
        assert!(parse_basis("maybe").is_err());
    }
}
