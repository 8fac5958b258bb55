//! Tab-separated text as spreadsheets put on the clipboard: cells with a tab, newline or quote
//! are quoted, quotes doubled (what Excel and LibreOffice write and read).

/// Formats rows of cells as clipboard text.
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains(['\t', '\n', '\r', '"']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Splits clipboard text into rows of cells. A trailing newline does not make an empty row.
pub fn from_tsv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(true)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect();
    if rows.is_empty() && !text.is_empty() {
        // Unbalanced quotes: take it line by line, as typed.
        return text
            .lines()
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_tabs_newlines_and_quotes() {
        let rows = vec![
            vec![
                "2021-09-27".to_owned(),
                "内蒙古".to_owned(),
                "10,100".to_owned(),
            ],
            vec![
                "a\tb".to_owned(),
                "two\nlines".to_owned(),
                "say \"hi\"".to_owned(),
            ],
            vec![String::new(), "x".to_owned(), String::new()],
        ];
        assert_eq!(from_tsv(&to_tsv(&rows)), rows);
        assert_eq!(
            from_tsv("1\t2\r\n3\t4\r\n"),
            vec![vec!["1", "2"], vec!["3", "4"]]
        );
        assert_eq!(from_tsv("只有一格"), vec![vec!["只有一格"]]);
    }
}
