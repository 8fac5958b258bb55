//! Test data shared by the file-reading tests (`mod common;` in each).

/// The generated data (`synth::csv(rows, seed)`) with a quoted note spanning lines, with an
/// escaped quote, added as a 12th column every 997 rows; with `crlf_every` > 0, every such line
/// ends with CRLF instead of LF.
pub fn csv_with_quoted_notes(rows: usize, seed: u64, crlf_every: usize) -> String {
    let mut text = String::new();
    for (i, line) in crackdown_dashboard::synth::csv(rows, seed)
        .lines()
        .enumerate()
    {
        text.push_str(line);
        if i > 0 && i % 997 == 0 {
            text.push_str(",\"line one\nline \"\"two\"\"\r\nline three\"");
        }
        let crlf = crlf_every > 0 && i % crlf_every == 0;
        text.push_str(if crlf { "\r\n" } else { "\n" });
    }
    text
}
