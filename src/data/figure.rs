//! Figures as people write them: `10,100`, `10 100`, `6.58 billion kWh`, `6.58 TWh`, `65.8亿千瓦时`,
//! `1.2万台`, `about 10,000`, `逾3000`, `10,000+`. Units and magnitudes are powers of ten, applied
//! by shifting the decimal point, so `65.8` in a column of 亿千瓦时 is exactly 6,580,000,000 kWh.
//! Decimal commas (`6580,0`, `1.234,5`, `1 234,5`) are read in a column's [`NumberFormat`].

pub use super::number_format::{NumberFormat, Votes, parse_figure_as};

/// What a figure counts, which decides the units it may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// Whole things: rigs, projects (`台`, `家`, `rigs` may follow).
    Count,
    /// Electricity, stored in kWh.
    Energy,
    /// Mass, stored in tonnes.
    Mass,
}

/// Which side of the number an approximate marker stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerSide {
    /// `about 10,000`, `约200`.
    Before,
    /// `10,000+`, `3000多`.
    After,
}

/// A parsed figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value in canonical units (count, kWh, tonnes).
    pub value: f64,
    /// The approximate marker as typed (`about `, `约`, `+`), if any.
    pub marker: Option<(MarkerSide, String)>,
}

impl Figure {
    /// True when the figure was marked as approximate.
    pub fn approximate(&self) -> bool {
        self.marker.is_some()
    }
}

/// Why a figure cell does not read as a figure. Shown as a sentence a user can act on; `text`
/// is the cell without spaces around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FigureError {
    /// Nothing was typed.
    Empty,
    /// The figure is below zero.
    Negative {
        /// The cell's text.
        text: String,
    },
    /// The text is not a number (with or without units and markers).
    NotANumber {
        /// The cell's text.
        text: String,
    },
    /// Thousands separators that do not stand every three digits (`1,5`).
    Separators {
        /// The cell's text.
        text: String,
    },
    /// The value does not fit a figure.
    TooLarge {
        /// The cell's text.
        text: String,
    },
    /// A count (rigs, projects) with a fraction.
    NotWhole {
        /// The cell's text.
        text: String,
    },
    /// A figure that reads as one value in its column's number format and as another in the
    /// usual `1,234.5` (`1.234` under `1.234,5`): not guessed.
    Ambiguous {
        /// The cell's text.
        text: String,
        /// Its value in the column's number format.
        here: String,
        /// Its value as `1,234.5`.
        usual: String,
        /// The column's number format, as it writes `1234.5`.
        format: &'static str,
    },
    /// A figure that does not read in its column's number format (but does as `1,234.5`).
    WrongFormat {
        /// The cell's text.
        text: String,
        /// The column's number format, as it writes `1234.5`.
        format: &'static str,
    },
}

impl FigureError {
    /// What is wrong, as a sentence in any language (the English is [`std::fmt::Display`]).
    pub fn message(&self) -> crate::i18n::Msg {
        use crate::msg;
        match self {
            FigureError::Empty => msg!("figure-empty"),
            FigureError::Negative { text } => msg!("figure-negative", text = text.as_str()),
            FigureError::NotANumber { text } => msg!("figure-not-a-number", text = text.as_str()),
            FigureError::Separators { text } => msg!("figure-separators", text = text.as_str()),
            FigureError::TooLarge { text } => msg!("figure-too-large", text = text.as_str()),
            FigureError::NotWhole { text } => msg!("figure-not-whole", text = text.as_str()),
            FigureError::Ambiguous {
                text,
                here,
                usual,
                format,
            } => msg!(
                "figure-ambiguous",
                text = text.as_str(),
                usual = usual.as_str(),
                here = here.as_str(),
                format = *format
            ),
            FigureError::WrongFormat { text, format } => msg!(
                "figure-wrong-format",
                text = text.as_str(),
                format = *format
            ),
        }
    }
}

impl std::fmt::Display for FigureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message().english())
    }
}

impl std::error::Error for FigureError {}

const BEFORE: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "more than",
    "greater than",
    "at least",
    "up to",
    "nearly",
    "almost",
    "around",
    "roughly",
    "about",
    "circa",
    "some",
    "over",
    "c.",
    "大约",
    "约",
    "超过",
    "逾",
    "近",
    "超",
    "达",
    "~",
    "≈",
    "～",
    ">",
];

const AFTER: &[&str] = &["or more", "以上", "左右", "多", "余", "+", "＋"];

/// Unit words per quantity with their power of ten relative to the canonical unit.
fn units(q: Quantity) -> &'static [(&'static str, i32)] {
    match q {
        Quantity::Count => &[
            ("mining rigs", 0),
            ("machines", 0),
            ("projects", 0),
            ("rigs", 0),
            ("units", 0),
            ("sets", 0),
            ("rig", 0),
            ("台", 0),
            ("个", 0),
            ("家", 0),
            ("座", 0),
            ("处", 0),
            ("套", 0),
        ],
        Quantity::Energy => &[
            ("kilowatt-hours", 0),
            ("kilowatt hours", 0),
            ("twh", 9),
            ("gwh", 6),
            ("mwh", 3),
            ("kwh", 0),
            ("千瓦时", 0),
            ("千瓦·时", 0),
            ("度", 0),
        ],
        Quantity::Mass => &[
            ("tonnes", 0),
            ("tonne", 0),
            ("tons", 0),
            ("ton", 0),
            ("mt", 6),
            ("kt", 3),
            ("吨", 0),
            ("t", 0),
        ],
    }
}

const MAGNITUDES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mln", 6),
    ("bln", 9),
    ("bn", 9),
    ("百万", 6),
    ("千万", 7),
    ("万亿", 12),
    ("万", 4),
    ("亿", 8),
    ("千", 3),
    ("k", 3),
];

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(p.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(p).then(|| &s[..cut])
}

/// Fullwidth digits and punctuation to ASCII, so `１２，３００` reads like `12,300`.
fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' => '.',
            '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Splits a plain number (`10,100.5`, `10 100`, `6.58e9`) into its significant digits and a power
/// of ten, checking that thousands separators sit every three digits.
fn decimal(body: &str, original: &str, format: NumberFormat) -> Result<(String, i32), FigureError> {
    let not_a_number = || FigureError::NotANumber {
        text: original.to_owned(),
    };
    let body = body.trim();
    if body.is_empty() {
        return Err(not_a_number());
    }
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => {
            let e: i32 = body[i + 1..].parse().map_err(|_| not_a_number())?;
            (&body[..i], e)
        }
        None => (body, 0),
    };
    let (point, thousands) = format.marks();
    let (int, frac) = mantissa.split_once(point).unwrap_or((mantissa, ""));
    let groups: Vec<&str> = int.split(thousands).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return Err(FigureError::Separators {
            text: original.to_owned(),
        });
    }
    let int: String = groups.concat();
    if !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (int.is_empty() && frac.is_empty())
    {
        return Err(not_a_number());
    }
    let digits = format!("{int}{frac}");
    let exp = exp
        .checked_sub(frac.len() as i32)
        .ok_or_else(not_a_number)?;
    Ok((digits, exp))
}

/// Strips a marker after the number ("+", "多", "or more"), remembering it when none was seen yet.
fn strip_after(s: &mut &str, marker: &mut Option<(MarkerSide, String)>) {
    for m in AFTER {
        if let Some(rest) = strip_suffix_ci(s, m) {
            let rest = rest.trim_end();
            if marker.is_none() {
                *marker = Some((MarkerSide::After, s[rest.len()..].to_owned()));
            }
            *s = rest;
            return;
        }
    }
}

/// Parses a figure written as `1,234.5`. `column_pow10` is the unit a column header gives
/// (`(亿千瓦时)` → 8); it applies when the cell names no unit of its own.
pub fn parse_figure(
    text: &str,
    quantity: Quantity,
    column_pow10: i32,
) -> Result<Figure, FigureError> {
    parse_in(text, quantity, column_pow10, NumberFormat::Point)
}

/// [`parse_figure`] in a number format, without asking whether another format reads it too
/// (that is [`parse_figure_as`]).
pub(crate) fn parse_in(
    text: &str,
    quantity: Quantity,
    column_pow10: i32,
    format: NumberFormat,
) -> Result<Figure, FigureError> {
    // Plain digits (the common case when loading): no allocation, exact.
    let b = text.as_bytes();
    if column_pow10 == 0
        && (format == NumberFormat::Point || !b.contains(&b'.'))
        && !b.is_empty()
        && b.len() <= 15
        && b[0].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && b.iter().filter(|c| **c == b'.').count() <= 1
        && let Ok(value) = text.parse::<f64>()
        && (quantity != Quantity::Count || value.fract() == 0.0)
    {
        return Ok(Figure {
            value,
            marker: None,
        });
    }
    let original = text.trim();
    if original.is_empty() {
        return Err(FigureError::Empty);
    }
    if original.starts_with('-') || original.starts_with('−') {
        return Err(FigureError::Negative {
            text: original.to_owned(),
        });
    }
    let normalized = halfwidth(original);
    let start = normalized.trim();
    let mut s = start;
    // Markers before the number ("about", "more than", "约"); they may stack ("约超过").
    'before: loop {
        for m in BEFORE {
            if let Some(rest) = strip_prefix_ci(s, m) {
                // "over" must not eat "overall": a word marker needs a space or digit after it.
                if m.chars().all(char::is_alphabetic) && rest.starts_with(char::is_alphabetic) {
                    continue;
                }
                s = rest.trim_start();
                continue 'before;
            }
        }
        break;
    }
    let mut marker = (s.len() < start.len()).then(|| {
        (
            MarkerSide::Before,
            start[..start.len() - s.len()].to_owned(),
        )
    });
    strip_after(&mut s, &mut marker);
    // Unit word (the cell's own unit wins over the column's).
    let mut pow10 = None;
    for (u, p) in units(quantity) {
        if let Some(rest) = strip_suffix_ci(s, u) {
            let rest_trim = rest.trim_end();
            // A one-letter unit ("t") must follow a digit or space, not be part of a word.
            if u.len() == 1
                && !rest.ends_with(|c: char| {
                    c.is_ascii_digit()
                        || c == ' '
                        || MAGNITUDES.iter().any(|(m, _)| rest_trim.ends_with(m))
                })
            {
                continue;
            }
            pow10 = Some(*p);
            s = rest_trim;
            break;
        }
    }
    // Magnitude words may stack: "1.2 million", "65.8亿", "3 万".
    let mut magnitude = 0;
    for (m, p) in MAGNITUDES {
        if let Some(rest) = strip_suffix_ci(s, m) {
            let rest_trim = rest.trim_end();
            if *m == "k" && !rest.ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            magnitude += p;
            s = rest_trim;
            break;
        }
    }
    // "3000多台", "10,000+ rigs": a marker may also stand between the number and its unit.
    strip_after(&mut s, &mut marker);
    let (digits, exp) = decimal(s, original, format)?;
    let total = exp + magnitude + pow10.unwrap_or(column_pow10);
    let value: f64 = format!("{digits}e{total}")
        .parse()
        .map_err(|_| FigureError::NotANumber {
            text: original.to_owned(),
        })?;
    if !value.is_finite() {
        return Err(FigureError::TooLarge {
            text: original.to_owned(),
        });
    }
    if quantity == Quantity::Count && value.fract() != 0.0 {
        return Err(FigureError::NotWhole {
            text: original.to_owned(),
        });
    }
    Ok(Figure { value, marker })
}

/// Writes `value` in a unit `pow10` times larger, exactly: `6580000000` at 8 → `65.8`.
pub fn in_unit(value: f64, pow10: i32) -> String {
    let plain = crate::data::value::canonical_number(value);
    if pow10 == 0 {
        return plain;
    }
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 - pow10;
    let out = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    let out = if out.contains('.') {
        out.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        out
    };
    let trimmed = out.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else if trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// A figure with its marker, in the given unit: `about 10000`, `约65.8`, `10000+`.
pub fn with_marker(number: &str, marker: Option<&(MarkerSide, String)>) -> String {
    match marker {
        None => number.to_owned(),
        Some((MarkerSide::Before, m)) => format!("{m}{number}"),
        Some((MarkerSide::After, m)) => format!("{number}{m}"),
    }
}

/// The power of ten a header's unit stands for: `Electricity saved (GWh)` → 6 (kWh),
/// `节约电量(亿千瓦时)` → 8, `Coal (million t)` → 6, `rigs` → 0. A unit in brackets wins; else
/// the last unit anywhere in the header (`节约电量万度` → 4, `Electricity saved GWh` → 6).
pub fn header_pow10(header: &str, quantity: Quantity) -> i32 {
    header_unit(header, quantity).unwrap_or(0)
}

/// As [`header_pow10`], `None` when the header names no unit of `quantity` at all (a header
/// that says `kWh` has a unit: `Some(0)`).
pub fn header_unit(header: &str, quantity: Quantity) -> Option<i32> {
    let h = halfwidth(header).to_lowercase();
    let inner: Vec<&str> = h
        .split(['(', '（', '[', '【'])
        .skip(1)
        .map(|s| s.split([')', '）', ']', '】']).next().unwrap_or(""))
        .collect();
    for part in inner {
        let part = part.trim();
        let mut s = part;
        let mut p = 0;
        for (u, up) in units(quantity) {
            if let Some(rest) = strip_suffix_ci(s, u) {
                p += up;
                s = rest.trim_end();
                break;
            }
        }
        for (m, mp) in MAGNITUDES {
            if s == *m || strip_suffix_ci(s, m).is_some_and(str::is_empty) {
                p += mp;
                s = "";
                break;
            }
        }
        if s.is_empty() && (p != 0 || !part.is_empty()) {
            return Some(p);
        }
    }
    loose_pow10(&h, quantity)
}

/// A unit written outside brackets (`节约电量万度`, `Electricity saved GWh`, `coal saved million
/// t`): the last unit word in `h` (halfwidth, lower case; an English unit standing as a word)
/// with the magnitude right before it.
fn loose_pow10(h: &str, quantity: Quantity) -> Option<i32> {
    let word_char = |c: char| c.is_ascii_alphanumeric();
    let mut last: Option<(usize, i32)> = None;
    for (u, up) in units(quantity) {
        for (at, _) in h.match_indices(u) {
            let (before, after) = (&h[..at], &h[at + u.len()..]);
            if u.is_ascii() && (before.ends_with(word_char) || after.starts_with(word_char)) {
                continue;
            }
            let b = before.trim_end();
            let magnitude = MAGNITUDES.iter().find_map(|(m, mp)| {
                let rest = b.strip_suffix(m)?;
                (!m.is_ascii() || !rest.ends_with(word_char)).then_some(*mp)
            });
            if last.is_none_or(|(l, _)| at > l) {
                last = Some((at, up + magnitude.unwrap_or(0)));
            }
        }
    }
    last.map(|(_, p)| p)
}

/// A unit word as it is compared: halfwidth, lower case, without brackets or spaces around.
fn unit_key(word: &str) -> String {
    halfwidth(word)
        .to_lowercase()
        .trim()
        .trim_start_matches(['(', '（', '[', '【'])
        .trim_end_matches([')', '）', ']', '】'])
        .trim()
        .to_owned()
}

/// What a unit word counts and its power of ten: `万千瓦时` → energy, 4; `台` → count, 0;
/// `(million t)` → mass, 6. `None` for a magnitude alone (`万`) or a word that is no unit.
pub fn unit_of(word: &str) -> Option<(Quantity, i32)> {
    let w = unit_key(word);
    [Quantity::Count, Quantity::Energy, Quantity::Mass]
        .into_iter()
        .find_map(|q| {
            units(q).iter().find_map(|(u, up)| {
                let rest = strip_suffix_ci(&w, u)?.trim_end();
                if rest.is_empty() {
                    return Some((q, *up));
                }
                let (_, mp) = MAGNITUDES.iter().find(|(m, _)| rest == *m)?;
                Some((q, up + mp))
            })
        })
}

/// True when `word` is a unit a figure is counted in, alone as a unit row under a header writes
/// it: `台`, `个`, `万千瓦时`, `亿度`, `kWh`, `万吨`, `(t)`, `万` (brackets allowed).
pub fn is_unit_word(word: &str) -> bool {
    let w = unit_key(word);
    !w.is_empty() && (MAGNITUDES.iter().any(|(m, _)| w == *m) || unit_of(&w).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str, q: Quantity) -> f64 {
        parse_figure(text, q, 0)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .value
    }

    #[test]
    fn separators_units_and_magnitudes() {
        assert_eq!(v("10,100", Quantity::Count), 10_100.0);
        assert_eq!(v("10 100", Quantity::Count), 10_100.0);
        assert_eq!(v("１０，１００", Quantity::Count), 10_100.0);
        assert_eq!(v("6.58 billion kWh", Quantity::Energy), 6.58e9);
        assert_eq!(v("6.58 TWh", Quantity::Energy), 6.58e9);
        assert_eq!(v("65.8亿千瓦时", Quantity::Energy), 6.58e9);
        assert_eq!(v("1.2 million", Quantity::Count), 1.2e6);
        assert_eq!(v("1.2万台", Quantity::Count), 12_000.0);
        assert_eq!(v("3 万", Quantity::Count), 30_000.0);
        assert_eq!(v("2 million tons", Quantity::Mass), 2e6);
        assert_eq!(v("2 Mt", Quantity::Mass), 2e6);
        assert_eq!(v("200万吨", Quantity::Mass), 2e6);
        assert_eq!(v("10k", Quantity::Count), 10_000.0);
        assert_eq!(v("6.58e9", Quantity::Energy), 6.58e9);
        assert_eq!(v("1104", Quantity::Energy), 1104.0);
    }

    #[test]
    fn approximate_markers_are_kept() {
        for (text, value, marker) in [
            ("about 10,000", 10_000.0, "about "),
            ("over 200", 200.0, "over "),
            ("more than 60", 60.0, "more than "),
            ("约200", 200.0, "约"),
            ("逾3000", 3000.0, "逾"),
            ("超过500", 500.0, "超过"),
            ("10,000+", 10_000.0, "+"),
            ("~50", 50.0, "~"),
            ("3000多", 3000.0, "多"),
        ] {
            let f =
                parse_figure(text, Quantity::Count, 0).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(f.value, value, "{text}");
            assert_eq!(
                f.marker.as_ref().map(|m| m.1.as_str()),
                Some(marker),
                "{text}"
            );
            let rebuilt = with_marker(
                &crate::data::value::canonical_number(f.value),
                f.marker.as_ref(),
            );
            assert_eq!(
                parse_figure(&rebuilt, Quantity::Count, 0).unwrap(),
                f,
                "{text} → {rebuilt}"
            );
        }
        assert!(
            parse_figure("10100", Quantity::Count, 0)
                .unwrap()
                .marker
                .is_none()
        );
    }

    #[test]
    fn bad_figures_say_why() {
        assert!(
            parse_figure("abc", Quantity::Count, 0)
                .unwrap_err()
                .to_string()
                .contains("not a number")
        );
        assert!(
            parse_figure("-5", Quantity::Count, 0)
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(
            parse_figure("12.5", Quantity::Count, 0)
                .unwrap_err()
                .to_string()
                .contains("whole")
        );
        assert!(
            parse_figure("1,5", Quantity::Energy, 0)
                .unwrap_err()
                .to_string()
                .contains("three digits")
        );
        assert!(parse_figure("1e999", Quantity::Energy, 0).is_err());
        assert!(parse_figure("overall", Quantity::Count, 0).is_err());
        assert!(parse_figure("", Quantity::Count, 0).is_err());
        assert!(parse_figure("NaN", Quantity::Energy, 0).is_err());
        assert!(parse_figure("inf", Quantity::Energy, 0).is_err());
    }

    #[test]
    fn figure_errors_have_kinds() {
        let text = |t: &str| t.to_owned();
        assert_eq!(
            parse_figure(" -5 ", Quantity::Count, 0),
            Err(FigureError::Negative { text: text("-5") })
        );
        assert_eq!(
            parse_figure("1,5", Quantity::Energy, 0),
            Err(FigureError::Separators { text: text("1,5") })
        );
        assert_eq!(
            parse_figure("1e999", Quantity::Energy, 0),
            Err(FigureError::TooLarge {
                text: text("1e999")
            })
        );
        assert_eq!(
            parse_figure("12.5 rigs", Quantity::Count, 0),
            Err(FigureError::NotWhole {
                text: text("12.5 rigs")
            })
        );
        assert_eq!(
            parse_figure(" ", Quantity::Count, 0),
            Err(FigureError::Empty)
        );
        let err = parse_figure("abc", Quantity::Count, 0).unwrap_err();
        assert_eq!(err, FigureError::NotANumber { text: text("abc") });
        assert_eq!(err.to_string(), "“abc” is not a number");
    }

    #[test]
    fn header_units_scale_columns_exactly() {
        assert_eq!(header_pow10("Electricity saved (GWh)", Quantity::Energy), 6);
        assert_eq!(header_pow10("节约电量(亿千瓦时)", Quantity::Energy), 8);
        assert_eq!(header_pow10("节约电量（亿千瓦时）", Quantity::Energy), 8);
        assert_eq!(header_pow10("Coal (million t)", Quantity::Mass), 6);
        assert_eq!(header_pow10("electricity_saved_kwh", Quantity::Energy), 0);
        assert_eq!(header_pow10("Electricity saved (kWh)", Quantity::Energy), 0);
        let f = parse_figure("65.8", Quantity::Energy, 8).unwrap();
        assert_eq!(f.value, 6_580_000_000.0);
        assert_eq!(in_unit(f.value, 8), "65.8");
        assert_eq!(in_unit(6.58e9, 6), "6580");
        assert_eq!(in_unit(1104.0, 8), "0.00001104");
        assert_eq!(in_unit(0.0, 8), "0");
        // The cell's own unit wins over the column's.
        assert_eq!(
            parse_figure("6.58 TWh", Quantity::Energy, 8).unwrap().value,
            6.58e9
        );
    }

    #[test]
    fn a_unit_word_says_what_it_counts() {
        for (w, q) in [
            ("万千瓦时", Some((Quantity::Energy, 4))),
            ("亿度", Some((Quantity::Energy, 8))),
            ("GWh", Some((Quantity::Energy, 6))),
            ("台", Some((Quantity::Count, 0))),
            ("（万吨）", Some((Quantity::Mass, 4))),
            ("million t", Some((Quantity::Mass, 6))),
            ("万", None),
            ("万元", None),
            ("%", None),
        ] {
            assert_eq!(unit_of(w), q, "{w}");
        }
        assert_eq!(header_unit("节约电量", Quantity::Energy), None);
        assert_eq!(
            header_unit("electricity_saved_kwh", Quantity::Energy),
            Some(0)
        );
        assert_eq!(header_unit("节约电量(万千瓦时)", Quantity::Energy), Some(4));
    }

    #[test]
    fn units_anywhere_in_a_header() {
        for (h, q, p) in [
            ("节约电量万度", Quantity::Energy, 4),
            ("节约电量（万度）", Quantity::Energy, 4),
            ("节约电量亿度", Quantity::Energy, 8),
            ("电量（亿千瓦时）", Quantity::Energy, 8),
            ("节约电量万千瓦时", Quantity::Energy, 4),
            ("Electricity saved GWh", Quantity::Energy, 6),
            ("Power saved, MWh", Quantity::Energy, 3),
            ("节约标准煤(万吨)", Quantity::Mass, 4),
            ("节约标准煤万吨", Quantity::Mass, 4),
            ("coal (million t)", Quantity::Mass, 6),
            ("coal saved million t", Quantity::Mass, 6),
            ("coal saved, Mt", Quantity::Mass, 6),
            ("查扣矿机万台", Quantity::Count, 4),
            // Words that only hold a unit's letters or characters are not units.
            ("coal_saved_tonnes", Quantity::Mass, 0),
            ("coal seized at the mint", Quantity::Mass, 0),
            ("2021年度节约电量", Quantity::Energy, 0),
            ("关停项目数", Quantity::Count, 0),
            ("rigs", Quantity::Count, 0),
        ] {
            assert_eq!(header_pow10(h, q), p, "{h}");
        }
    }

    #[test]
    fn du_is_kwh_and_fullwidth_digits_take_a_unit() {
        assert_eq!(v("65.8亿度", Quantity::Energy), 6.58e9);
        assert_eq!(v("120万度", Quantity::Energy), 1.2e6);
        assert_eq!(v("3000度", Quantity::Energy), 3000.0);
        assert_eq!(v("１０１００台", Quantity::Count), 10_100.0);
        assert_eq!(v("６５．８亿千瓦时", Quantity::Energy), 6.58e9);
        assert_eq!(v("６５．８亿度", Quantity::Energy), 6.58e9);
        assert_eq!(v("２００万吨", Quantity::Mass), 2e6);
        let f = parse_figure("约１２００台", Quantity::Count, 0).unwrap();
        assert_eq!((f.value, f.approximate()), (1200.0, true));
        let f = parse_figure("３０００余台", Quantity::Count, 0).unwrap();
        assert_eq!((f.value, f.approximate()), (3000.0, true));
        // A cell in a column of 万度 is in 万度 unless it names its own unit.
        assert_eq!(
            parse_figure("12", Quantity::Energy, 4).unwrap().value,
            120_000.0
        );
        assert_eq!(
            parse_figure("12度", Quantity::Energy, 4).unwrap().value,
            12.0
        );
    }
}
