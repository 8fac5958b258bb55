//! How a column writes its numbers: `1,234.5` (the usual), `1.234,5` (decimal comma, dot
//! thousands: German, Spanish, Italian Excel) or `1 234,5` (decimal comma, space thousands:
//! French, Russian). A document keeps one per figure column, decided from the column's first
//! cells when a file whose delimiter is not a comma is read ([`NumberFormat::detect`]), and reads
//! the column's cells and later edits in it ([`parse_figure_as`]).

use super::figure::{Figure, FigureError, Quantity, parse_in};

/// How a column writes `1234.5`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NumberFormat {
    /// `1,234.5`: decimal point; thousands by comma or space.
    #[default]
    Point,
    /// `1.234,5`: decimal comma, thousands by dot.
    Comma,
    /// `1 234,5`: decimal comma, thousands by space (or a no-break space).
    Space,
}

impl NumberFormat {
    /// Every format, in order of preference when the cells fit several alike.
    pub const ALL: [NumberFormat; 3] = [
        NumberFormat::Point,
        NumberFormat::Comma,
        NumberFormat::Space,
    ];

    /// How the format writes one thousand two hundred thirty-four and a half.
    pub fn label(self) -> &'static str {
        match self {
            NumberFormat::Point => "1,234.5",
            NumberFormat::Comma => "1.234,5",
            NumberFormat::Space => "1 234,5",
        }
    }

    /// The decimal mark and the thousands separators (after no-break and thin spaces became
    /// spaces).
    pub(crate) fn marks(self) -> (char, &'static [char]) {
        match self {
            NumberFormat::Point => ('.', &[',', ' ', '\'', '_']),
            NumberFormat::Comma => (',', &['.']),
            NumberFormat::Space => (',', &[' ']),
        }
    }

    /// The format of one column from its cells alone (see [`NumberFormat::decide`]).
    pub fn detect<'a>(
        cells: impl IntoIterator<Item = &'a str>,
        quantity: Quantity,
        pow10: i32,
    ) -> NumberFormat {
        NumberFormat::decide(&[Votes::of(cells, quantity, pow10)])[0]
    }

    /// The format of each column of a file from its cells' [`Votes`] (a sample of the first
    /// rows is enough). A column whose cells tell (`6580,0`, `1 234,5`, `1,234.5`) takes the
    /// format most of them read in, the earlier in [`NumberFormat::ALL`] when several read as
    /// many. A column whose cells only fit one way for what it counts (`10.100` rigs: not ten
    /// and a tenth) takes the file's format — the one the telling cells of all columns are
    /// written in — when they fit it; the usual format otherwise. A count column alone is no
    /// reason to read `78.875` as 78875.
    pub fn decide(columns: &[Votes]) -> Vec<NumberFormat> {
        let argmax = |v: [usize; 3]| {
            let mut best = 0;
            for i in 1..3 {
                if v[i] > v[best] {
                    best = i;
                }
            }
            (v[best] > 0).then_some(NumberFormat::ALL[best])
        };
        let mut all = [0usize; 3];
        for c in columns {
            for (a, s) in all.iter_mut().zip(c.telling) {
                *a += s;
            }
        }
        let file = argmax(all).unwrap_or_default();
        columns
            .iter()
            .map(|c| {
                argmax(c.telling).unwrap_or_else(|| {
                    if c.fitting[file.index()] >= c.fitting[0] {
                        file
                    } else {
                        NumberFormat::Point
                    }
                })
            })
            .collect()
    }

    fn index(self) -> usize {
        match self {
            NumberFormat::Point => 0,
            NumberFormat::Comma => 1,
            NumberFormat::Space => 2,
        }
    }
}

/// What a column's cells say of its number format, per format in [`NumberFormat::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Votes {
    /// Cells that read as a number in this format and not in some other, whatever they count
    /// (`6580,0`, `1.234.567`, `1 234,5`, `1,234.5`).
    pub telling: [usize; 3],
    /// Cells that read as a figure of the column's quantity in this format (`10.100` rigs in
    /// `1.234,5`; plain digits read alike everywhere and do not count).
    pub fitting: [usize; 3],
}

impl Votes {
    /// The votes of a column's cells.
    pub fn of<'a>(
        cells: impl IntoIterator<Item = &'a str>,
        quantity: Quantity,
        pow10: i32,
    ) -> Votes {
        let mut v = Votes::default();
        for cell in cells {
            let cell = cell.trim();
            // Plain digits read alike everywhere; a cell that starts or ends with its separator
            // (`,0`, `.5`, `0,`) says nothing of which separator is the decimal one.
            if cell.is_empty()
                || cell.bytes().all(|b| b.is_ascii_digit())
                || cell.starts_with([',', '.', '，', '．'])
                || cell.ends_with([',', '.', '，', '．'])
            {
                continue;
            }
            let reads = NumberFormat::ALL.map(|f| parse_in(cell, Quantity::Energy, 0, f).is_ok());
            for (i, f) in NumberFormat::ALL.iter().enumerate() {
                v.fitting[i] += usize::from(parse_in(cell, quantity, pow10, *f).is_ok());
                // Point tells when neither decimal-comma format reads the cell; a decimal-comma
                // format tells when Point does not.
                let telling = if i == 0 {
                    reads[0] && !reads[1] && !reads[2]
                } else {
                    reads[i] && !reads[0]
                };
                v.telling[i] += usize::from(telling);
            }
        }
        v
    }
}

/// Parses a figure of a column written in `format`. A cell that reads there and also as
/// `1,234.5` to another value (`1.234` in a `1.234,5` column) is [`FigureError::Ambiguous`]; one
/// that only reads as `1,234.5` is [`FigureError::WrongFormat`]: neither is guessed.
pub fn parse_figure_as(
    text: &str,
    quantity: Quantity,
    pow10: i32,
    format: NumberFormat,
) -> Result<Figure, FigureError> {
    let here = parse_in(text, quantity, pow10, format);
    if format == NumberFormat::Point {
        return here;
    }
    let usual = parse_in(text, quantity, pow10, NumberFormat::Point);
    let trimmed = || text.trim().to_owned();
    match (here, usual) {
        (Ok(h), Ok(u)) if h.value != u.value => Err(FigureError::Ambiguous {
            text: trimmed(),
            here: crate::data::value::canonical_number(h.value),
            usual: crate::data::value::canonical_number(u.value),
            format: format.label(),
        }),
        (Ok(h), _) => Ok(h),
        (Err(_), Ok(_)) => Err(FigureError::WrongFormat {
            text: trimmed(),
            format: format.label(),
        }),
        (Err(e), Err(_)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberFormat::{Comma, Point, Space};

    fn v(text: &str, q: Quantity, f: NumberFormat) -> Result<f64, FigureError> {
        parse_figure_as(text, q, 0, f).map(|f| f.value)
    }

    #[test]
    fn decimal_commas_with_dot_or_space_thousands() {
        assert_eq!(v("6580,0", Quantity::Energy, Comma), Ok(6580.0));
        assert_eq!(v("1.234,5", Quantity::Energy, Comma), Ok(1234.5));
        assert_eq!(v("1.234.567", Quantity::Energy, Comma), Ok(1_234_567.0));
        assert_eq!(v("0,5", Quantity::Mass, Comma), Ok(0.5));
        assert_eq!(v("1 234,5", Quantity::Energy, Space), Ok(1234.5));
        // A no-break space and a narrow no-break space, as French Excel writes them.
        assert_eq!(v("1\u{a0}234,5", Quantity::Energy, Space), Ok(1234.5));
        assert_eq!(v("12\u{202f}345", Quantity::Count, Space), Ok(12345.0));
        assert_eq!(v("65,8亿千瓦时", Quantity::Energy, Comma), Ok(6.58e9));
        assert_eq!(v("约1.200台", Quantity::Count, Comma), Ok(1200.0));
        // The usual format is as it always was.
        assert_eq!(v("1,234.5", Quantity::Energy, Point), Ok(1234.5));
        assert_eq!(v("1.234", Quantity::Energy, Point), Ok(1.234));
    }

    #[test]
    fn a_cell_starting_or_ending_with_its_separator_tells_no_format() {
        // Found by the round-trip proptest: `,0` kept as typed in a comma file, saved as TSV,
        // must not make the TSV's column read decimal commas (and `,0` a valid 0); nor `0,`.
        let v = Votes::of([",0", ".5", "0,", "12."], Quantity::Count, 0);
        assert_eq!(v, Votes::default());
    }

    #[test]
    fn a_count_with_dot_thousands_is_whole() {
        // 10.100 cannot be ten and a tenth rigs: the dot groups thousands.
        assert_eq!(v("10.100", Quantity::Count, Comma), Ok(10100.0));
        // A count with a decimal comma is no count: flagged as not fitting, not 1234.
        assert!(matches!(
            v("1,234", Quantity::Count, Comma),
            Err(FigureError::WrongFormat { .. })
        ));
    }

    #[test]
    fn cells_that_read_both_ways_are_flagged_not_guessed() {
        let e = v("1.234", Quantity::Energy, Comma).unwrap_err();
        assert!(matches!(e, FigureError::Ambiguous { .. }), "{e:?}");
        assert!(
            e.to_string().starts_with("“1.234” could be 1.234 or 1234"),
            "{e}"
        );
        let e = v("1,234", Quantity::Mass, Comma).unwrap_err();
        assert!(e.to_string().contains("could be 1234 or 1.234"), "{e}");
        // A dot decimal in a decimal-comma column does not fit it, and says so.
        let e = v("1.5", Quantity::Energy, Comma).unwrap_err();
        assert!(matches!(e, FigureError::WrongFormat { .. }), "{e:?}");
        assert!(e.to_string().contains("1.234,5"), "{e}");
        let e = v("1.234", Quantity::Energy, Space).unwrap_err();
        assert!(e.to_string().contains("1 234,5"), "{e}");
        // Text is still not a number.
        assert!(matches!(
            v("n/a", Quantity::Energy, Comma),
            Err(FigureError::NotANumber { .. })
        ));
        // Plain digits read alike everywhere.
        assert_eq!(v("10100", Quantity::Count, Comma), Ok(10100.0));
        assert_eq!(v("1 234", Quantity::Count, Space), Ok(1234.0));
    }

    #[test]
    fn a_column_s_format_is_the_one_that_reads_most_of_its_cells() {
        let detect = |cells: &[&str], q| NumberFormat::detect(cells.iter().copied(), q, 0);
        assert_eq!(
            detect(&["6580,0", "10", "1.104,5"], Quantity::Energy),
            Comma
        );
        assert_eq!(detect(&["1.234.567"], Quantity::Energy), Comma);
        assert_eq!(detect(&["1 234,5", "12,5"], Quantity::Energy), Space);
        assert_eq!(detect(&["1\u{a0}234,5"], Quantity::Energy), Space);
        assert_eq!(detect(&["1,234.5", "2.5"], Quantity::Energy), Point);
        // Nothing to tell by, or cells that read either way: the usual format.
        assert_eq!(detect(&["10100", "", "200"], Quantity::Count), Point);
        assert_eq!(detect(&["1,234"], Quantity::Energy), Point);
        // Decimal commas alone fit both decimal-comma formats: dot thousands come first.
        assert_eq!(detect(&["12,5", "0,25"], Quantity::Mass), Comma);
    }

    #[test]
    fn a_count_column_follows_the_file_s_decimal_commas() {
        let votes = |cells: &[&str], q| Votes::of(cells.iter().copied(), q, 0);
        let rigs = votes(&["10.100", "200", "1.200"], Quantity::Count);
        let kwh = votes(&["6580,0", "1.104,5"], Quantity::Energy);
        let coal = votes(&["12", ""], Quantity::Mass);
        assert_eq!(
            NumberFormat::decide(&[rigs, kwh, coal]),
            [Comma, Comma, Comma]
        );
        // Alone, 78.875 rigs is no reason for decimal commas: flagged as not whole instead.
        assert_eq!(NumberFormat::decide(&[rigs]), [Point]);
        let odd = votes(&["78.875"], Quantity::Count);
        assert_eq!(NumberFormat::decide(&[odd, coal]), [Point, Point]);
        // A column that tells otherwise keeps its own format.
        let point = votes(&["1,234.5", "2.5"], Quantity::Energy);
        assert_eq!(NumberFormat::decide(&[kwh, point]), [Comma, Point]);
    }
}
