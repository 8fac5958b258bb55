//! Which byte separates the fields of delimited text: as chosen, else detected from the first
//! lines ([`detect_delimiter`]), and the delimiters' names.

use crate::io::format::Format;
use crate::io::headers::match_header;
use crate::io::report::{ImportReport, ReadOptions};

/// Human name of a delimiter.
pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "vertical bar",
        _ => "other",
    }
}

/// A delimiter's name in any language (its English is [`delimiter_name`]).
pub fn delimiter_text(d: u8) -> crate::i18n::Msg {
    match d {
        b',' => crate::msg!("delimiter-comma"),
        b';' => crate::msg!("delimiter-semicolon"),
        b'\t' => crate::msg!("delimiter-tab"),
        b'|' => crate::msg!("delimiter-bar"),
        _ => crate::msg!("delimiter-other"),
    }
}

/// Delimiters the reader considers, in order of preference.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The delimiter a `sep=X` first line names (Excel writes `sep=;` and honours it; also quoted,
/// and after a byte-order mark), and the length of that line with its line end.
pub(crate) fn sep_line(text: &str) -> Option<(u8, usize)> {
    let bom = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[bom..];
    let line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = rest[..line_len].trim_matches(|c: char| c == '"' || c == ' ');
    let value = line.get(..4).filter(|p| p.eq_ignore_ascii_case("sep="))?;
    let d = &line.as_bytes()[value.len()..];
    let delimiter = match d {
        [d] if d.is_ascii() && !matches!(d, b'"' | b'\n' | b'\r') => *d,
        _ => return None,
    };
    let ends = &rest.as_bytes()[line_len..];
    let end = match ends {
        [b'\r', b'\n', ..] => 2,
        [b'\r' | b'\n', ..] => 1,
        _ => 0,
    };
    Some((delimiter, bom + line_len + end))
}

/// The first 50 lines of `text`, cut at a line end outside quotes (a quoted field may hold line
/// breaks), at most 64 KiB unless the first line is longer; a `sep=` line left out.
fn sample(text: &str) -> &str {
    let from = sep_line(text).map_or(0, |(_, len)| len);
    let bytes = &text.as_bytes()[from..];
    let (mut quoted, mut lines) = (false, 0);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                lines += 1;
                if lines == 50 || i >= 64 << 10 {
                    return &text[from..from + i];
                }
            }
            _ => {}
        }
    }
    &text[from..]
}

/// Picks the delimiter that splits the first lines into the same number (> 1) of fields, counting
/// only delimiters outside quotes; a `sep=X` first line names it.
pub fn detect_delimiter(text: &str, default: u8) -> u8 {
    if let Some((d, _)) = sep_line(text) {
        return d;
    }
    let sample = sample(text);
    // (rows with the header's field count, rows sampled, header field count)
    let score = |d: u8| -> (usize, usize, usize) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty())) // blank lines do not count
            .take(20)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            return (0, 0, 0);
        };
        (
            counts.iter().filter(|&&c| c == first).count(),
            counts.len(),
            first,
        )
    };
    // The extension's delimiter wins whenever it splits the header into 2+ fields and at least
    // half of the sampled rows alike (ragged rows happen; a wrong delimiter splits the header
    // into one field or into pieces that the rows do not repeat).
    let (consistent, sampled, fields) = score(default);
    // A header the default splits into names the app knows settles it.
    let knows_header = |d: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .find(|r| r.iter().any(|c| !c.trim().is_empty()))
            .is_some_and(|r| r.len() >= 2 && r.iter().any(|h| match_header(h).is_some()))
    };
    if knows_header(default) {
        return default;
    }
    if fields >= 2 && consistent * 2 >= sampled {
        return default;
    }
    // Else the delimiter whose records are most often as wide as its header, as a share of the
    // records it reads (each delimiter reads quotes its own way: split at a comma, the lines of
    // a quoted multi-line note are records of one field alike, and more of them than the
    // semicolon's records), then the one with the most fields.
    let better = |(c, s, f): (usize, usize, usize), (bc, bs, bf): (usize, usize, usize)| {
        let (share, best_share) = (c * bs.max(1), bc * s.max(1));
        share > best_share || (share == best_share && f > bf)
    };
    let mut best = (default, (consistent, sampled, fields));
    for d in DELIMITERS {
        let scored = score(d);
        if scored.2 >= 2 && (best.1.2 < 2 || better(scored, best.1)) {
            best = (d, scored);
        }
    }
    best.0
}

/// The delimiter of delimited text: as chosen, else detected from its first lines (noted in the
/// report when it is not the format's own).
pub(crate) fn choose_delimiter(
    text: &str,
    format: Format,
    options: &ReadOptions,
    report: &mut ImportReport,
) -> u8 {
    let default = if format == Format::Tsv { b'\t' } else { b',' };
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| detect_delimiter(text, default));
    // A `sep=` line names the delimiter: nothing was guessed.
    if delimiter != default && options.delimiter.is_none() && sep_line(text).is_none() {
        report.guesses.push(crate::msg!(
            "guess-delimiter",
            delimiter = delimiter_text(delimiter)
        ));
    }
    report.delimiter = Some(delimiter);
    report.format = Some(format);
    delimiter
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Excel's semicolon CSV: notes quoted because they hold a semicolon, a comma or a line
    /// break, decimal commas in the figures.
    fn excel_semicolon(rows: usize) -> String {
        let mut text =
            String::from("\u{feff}date;province;rigs_seized;electricity_saved_kwh;notes\r\n");
        for i in 0..rows {
            text.push_str(&format!(
                "2021-09-{:02};Hebei;{i};6580,5;\"8 fans; line loss 28%, 22 arrested\n9 factories; 3 towns\"\r\n",
                i % 28 + 1
            ));
        }
        text
    }

    #[test]
    fn quoted_delimiters_and_line_breaks_do_not_count() {
        for rows in [1, 3, 24, 25, 49, 60] {
            assert_eq!(
                detect_delimiter(&excel_semicolon(rows), b','),
                b';',
                "{rows} rows"
            );
        }
        // A comma file whose quoted notes hold semicolons stays a comma file.
        let comma =
            "date,province,notes\n2021-09-27,Hebei,\"a; b; c; d\"\n2021-09-28,Hebei,\"e;\nf\"\n";
        assert_eq!(detect_delimiter(comma, b','), b',');
    }

    #[test]
    fn lines_of_quoted_notes_do_not_outvote_the_records() {
        // Few records, notes of several lines: split at commas, the lines are more records of
        // one field than the semicolon has records at all.
        let text = "date;province;rigs_seized;notes\r\n\
            2021-09-27;Hebei;1;\"raid at night\n3 sites\npower cut\"\r\n\
            2021-09-28;Hebei;2;\"22 arrested\n9 factories\"\r\n\
            2021-09-29;Hebei;3;\"8 fans; line loss 28%\"\r\n";
        assert_eq!(detect_delimiter(text, b','), b';');
    }

    #[test]
    fn the_sample_ends_outside_quotes() {
        let text = excel_semicolon(60);
        let s = sample(&text);
        assert_eq!(s.matches('"').count() % 2, 0, "no quoted field cut");
        assert!(s.len() < text.len());
    }

    #[test]
    fn a_sep_line_names_the_delimiter_and_is_not_data() {
        assert_eq!(sep_line("sep=;\r\ndate;province\r\n"), Some((b';', 7)));
        assert_eq!(
            sep_line("\u{feff}sep=|\ndate|province\n"),
            Some((b'|', 3 + 6))
        );
        assert_eq!(sep_line("\"sep=;\"\ndate;province\n"), Some((b';', 8)));
        assert_eq!(sep_line("SEP=\t\n"), Some((b'\t', 6)));
        assert_eq!(sep_line("sep=;"), Some((b';', 5)));
        assert_eq!(sep_line("separator,date\n"), None);
        assert_eq!(sep_line("sep=;;\n"), None);
        assert_eq!(
            detect_delimiter("sep=;\ndate,province,city\n1,2,3\n", b','),
            b';'
        );
        let mut report = ImportReport::default();
        let d = choose_delimiter(
            "sep=;\ndate;x\n",
            Format::Csv,
            &ReadOptions::default(),
            &mut report,
        );
        assert_eq!(d, b';');
        assert!(
            report.guesses.is_empty(),
            "the file says so: {:?}",
            report.guesses
        );
    }
}
