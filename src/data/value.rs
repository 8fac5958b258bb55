//! Cell values: parsing what a person types (numbers, dates, basis) and formatting values back
//! for display. Parsing never panics; a failure carries a reason a user can act on.

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

impl EventDate {
    /// A date known to the day. Returns `None` for an impossible date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        chrono::NaiveDate::from_ymd_opt(year, month, day)?;
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

/// Parses a date as typed: `2021-09-27`, `2021/9/27`, `2021.09.27`, `2021-09`, `2021/9`, `2021`,
/// `2021年9月27日`, `2021年9月`, `2021年`. A trailing ISO time (`T00:00:00`) is ignored.
pub fn parse_date(text: &str) -> Result<EventDate, String> {
    let t = text.trim();
    let t = t.split_once('T').map_or(t, |(d, _)| d);
    let t = t.split_once(' ').map_or(t, |(d, rest)| {
        // "2021-09-27 00:00:00" from spreadsheets
        if rest.contains(':') { d } else { t }
    });
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
    let bad = || {
        format!(
            "“{t}” is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-27, 2021-09, 2021)"
        )
    };
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

/// Whether a figure is a count (integer, rigs and projects) or a quantity (kWh, tonnes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Whole, non-negative number of things.
    Count,
    /// Non-negative amount that may have decimals.
    Amount,
}

/// Parses a figure as typed: `10100`, `10,100`, `10 100`, `6.58 billion`, `6.58e9`, `1.2万`, `65.8亿`.
/// Counts must be whole numbers; no figure may be negative.
pub fn parse_number(text: &str, kind: NumberKind) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty".into());
    }
    let lower = t.to_lowercase();
    let mut body = lower.as_str();
    let mut factor = 1.0_f64;
    for (suffix, f) in [
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("万", 1e4),
        ("亿", 1e8),
    ] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            factor = f;
            break;
        }
    }
    let cleaned: String = body
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '_' | '\''))
        .collect();
    let valid_chars = !cleaned.is_empty()
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-' | '+'))
        && cleaned.chars().any(|c| c.is_ascii_digit());
    let value: f64 = if valid_chars {
        cleaned.parse().ok()
    } else {
        None
    }
    .ok_or_else(|| format!("“{t}” is not a number"))?;
    let value = value * factor;
    if !value.is_finite() {
        return Err(format!("“{t}” is too large"));
    }
    if value < 0.0 {
        return Err(format!("“{t}” is negative; figures must be 0 or more"));
    }
    if kind == NumberKind::Count && value.fract() != 0.0 {
        return Err(format!("“{t}” is not a whole number"));
    }
    Ok(value)
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
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(parse_date("27/09/2021").is_err());
        assert!(parse_date("abc").is_err());
        assert!(parse_date("").is_err());
    }

    #[test]
    fn numbers_parse_with_separators_and_magnitudes() {
        assert_eq!(parse_number("10,100", NumberKind::Count), Ok(10_100.0));
        assert_eq!(parse_number(" 10 100 ", NumberKind::Count), Ok(10_100.0));
        assert_eq!(parse_number("6.58 billion", NumberKind::Amount), Ok(6.58e9));
        assert_eq!(parse_number("1.2万", NumberKind::Count), Ok(12_000.0));
        assert!(parse_number("abc", NumberKind::Count).is_err());
        assert!(parse_number("-3", NumberKind::Count).is_err());
        assert!(parse_number("2.5", NumberKind::Count).is_err());
        assert!(parse_number("1e400", NumberKind::Amount).is_err());
        assert!(parse_number("NaN", NumberKind::Amount).is_err());
        assert!(parse_number("inf", NumberKind::Amount).is_err());
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
