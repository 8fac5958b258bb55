//! Cell values: the basis of a row's figures, and formatting numbers back for display. Dates are
//! in `date.rs` (the types) and `date_parse.rs` (parsing), re-exported here so `data::value`
//! paths keep working. Parsing never panics; a failure carries a reason a user can act on.

pub use super::date::{DateOrder, EventDate, Precision, days_in_month};
pub use super::date_parse::{
    DateError, NumericOrder, iso_date, numeric_order, parse_date, parse_date_in,
};

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

/// Why a basis cell does not read as a basis: its text (without spaces around it) is none of
/// the spellings of `event` or `running_total`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasisError {
    /// The cell's text.
    pub text: String,
}

impl BasisError {
    /// What is wrong, as a sentence in any language (the English is [`std::fmt::Display`]).
    pub fn message(&self) -> crate::i18n::Msg {
        crate::msg!("basis-invalid", text = self.text.as_str())
    }
}

impl std::fmt::Display for BasisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message().english())
    }
}

impl std::error::Error for BasisError {}

/// The basis the totals-row fix writes: an event, counted though the row looks like a totals
/// row (`合计`, `Total`), so that it is summed like any other event.
pub const COUNTED: &str = "counted";

/// Whether a basis cell says `counted` (in any case, with spaces around it; `计入` in Chinese).
pub fn is_counted_basis(text: &str) -> bool {
    let t = text.trim();
    t.eq_ignore_ascii_case(COUNTED) || t == "计入"
}

/// Parses a basis cell; an empty cell is an event.
pub fn parse_basis(text: &str) -> Result<Basis, BasisError> {
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
        _ => Err(BasisError {
            text: text.trim().to_owned(),
        }),
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
        assert_eq!(
            parse_basis(" maybe ").unwrap_err().to_string(),
            "“maybe” is not a basis: use event or running_total"
        );
    }
}
