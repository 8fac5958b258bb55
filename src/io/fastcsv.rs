//! Delimited text split into records without an allocation per row, and split across threads.
//!
//! The rules are the csv crate's (RFC 4180 as spreadsheets write it): a field that starts with a
//! quote runs to the closing quote, `""` inside it is one quote, text after the closing quote is
//! appended; a quote inside an unquoted field is an ordinary character; `\n`, `\r` and `\r\n` end
//! a record; empty lines are skipped; an unterminated quote runs to the end of the file.
//! `tests/csv_split.rs` checks this reader against the csv crate on random input.
//!
//! Parallel reading: the text is cut at line ends near equal offsets and each part is read on
//! its own thread. A cut can fall inside a quoted field that spans lines; the thread reading the
//! part before it reads on to the end of its last record and reports where it stopped, and a part
//! whose guessed start was wrong is read again from there, so the result is always exactly what
//! one sequential reader gives.

use memchr::{memchr, memchr2, memchr3};

/// Reads records of `text` starting at byte `start` and stops before the first record that starts
/// at or after `stop`. Calls `each(fields, record_start)` for every record; returns the offset
/// where reading stopped: a record start at or after `stop`, the end of the text, or — when
/// `each` returned `false` — the offset after that record, with `true` to say so.
pub fn read_records(
    text: &str,
    delimiter: u8,
    start: usize,
    stop: usize,
    mut each: impl FnMut(&[&str], usize) -> bool,
) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut fields: Vec<&str> = Vec::with_capacity(16);
    let mut scratch = String::new();
    let mut spans: Vec<(bool, usize, usize)> = Vec::with_capacity(16);
    // A carriage return that does not start a CRLF ends a line too (old Mac files); the fastest
    // path below only looks for line feeds, so such text takes the general path.
    let region_end = if stop >= bytes.len() {
        bytes.len()
    } else {
        memchr(b'\n', &bytes[stop..]).map_or(bytes.len(), |i| stop + i + 1)
    };
    let region = &bytes[start.min(region_end)..region_end];
    let lone_cr =
        memchr::memchr_iter(b'\r', region).any(|i| region.get(i + 1).is_some_and(|&b| b != b'\n'));
    while pos < bytes.len() {
        // Empty lines are skipped.
        match bytes[pos] {
            b'\n' | b'\r' => {
                pos += 1;
                continue;
            }
            _ => {}
        }
        if pos >= stop {
            return (pos, false);
        }
        let record_start = pos;
        fields.clear();
        if !lone_cr {
            // Fastest path: find delimiters, line feeds and quotes 8 bytes at a time; a quote
            // sends the record to the general path.
            match split_unquoted(text, pos, delimiter, &mut fields) {
                Some(next) => {
                    pos = next;
                    if !each(&fields, record_start) {
                        return (pos, true);
                    }
                    continue;
                }
                None => fields.clear(),
            }
        }
        // General path: a state machine over the record, which may span lines (quoted fields,
        // lone carriage returns).
        scratch.clear();
        spans.clear();
        pos = quoted_record(text, delimiter, pos, &mut scratch, &mut spans);
        let quoted: Vec<&str> = spans
            .iter()
            .map(|&(owned, a, b)| if owned { &scratch[a..b] } else { &text[a..b] })
            .collect();
        if !each(&quoted, record_start) {
            return (pos, true);
        }
    }
    (bytes.len(), false)
}

/// High bit of byte `i` set when byte `i` of the 8 at `at` is the delimiter, a line feed or a
/// quote (exact zero-byte test on each comparison, 8 bytes at a time).
fn special_mask(bytes: &[u8], at: usize, delimiter: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    let x = u64::from_le_bytes(word);
    let zero_bytes = |y: u64| !(((y & LOW7).wrapping_add(LOW7)) | y | LOW7);
    zero_bytes(x ^ (ONES * u64::from(delimiter)))
        | zero_bytes(x ^ (ONES * u64::from(b'\n')))
        | zero_bytes(x ^ (ONES * u64::from(b'"')))
}

/// Splits one record that has no quote and ends with a line feed (or the text's end) into
/// `fields`; returns the offset after it, or `None` when a quote comes first.
fn split_unquoted<'t>(
    text: &'t str,
    start: usize,
    delimiter: u8,
    fields: &mut Vec<&'t str>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut i = start;
    let end_field = |fields: &mut Vec<&'t str>, from: usize, to: usize| {
        // CRLF: the CR is part of the line end, not of the last field.
        let to = if to > from && bytes[to - 1] == b'\r' {
            to - 1
        } else {
            to
        };
        fields.push(&text[from..to]);
    };
    while i + 8 <= bytes.len() {
        let mut m = special_mask(bytes, i, delimiter);
        while m != 0 {
            let k = i + (m.trailing_zeros() / 8) as usize;
            m &= m - 1;
            match bytes[k] {
                b'"' => return None,
                b'\n' => {
                    end_field(fields, at, k);
                    return Some(k + 1);
                }
                _ => {
                    fields.push(&text[at..k]);
                    at = k + 1;
                }
            }
        }
        i += 8;
    }
    for k in i..bytes.len() {
        match bytes[k] {
            b'"' => return None,
            b'\n' => {
                end_field(fields, at, k);
                return Some(k + 1);
            }
            b if b == delimiter => {
                fields.push(&text[at..k]);
                at = k + 1;
            }
            _ => {}
        }
    }
    end_field(fields, at, bytes.len());
    Some(bytes.len())
}

/// The offset after a line end at `at` (`\r\n` counts as one).
fn next_line(bytes: &[u8], at: usize) -> usize {
    if at >= bytes.len() {
        return at;
    }
    if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
        at + 2
    } else {
        at + 1
    }
}

/// Reads one record that contains a quote somewhere. Fields are spans either of `text`
/// (`owned == false`) or of `scratch` (unescaped quoted fields). Returns the offset after the
/// record's line end.
fn quoted_record(
    text: &str,
    delimiter: u8,
    mut pos: usize,
    scratch: &mut String,
    spans: &mut Vec<(bool, usize, usize)>,
) -> usize {
    let bytes = text.as_bytes();
    loop {
        // At the start of a field.
        if bytes.get(pos) == Some(&b'"') {
            pos += 1;
            let field_start = scratch.len();
            // Inside quotes: copy up to the next quote; `""` is a quote, a lone quote closes.
            loop {
                match memchr(b'"', &bytes[pos..]) {
                    None => {
                        scratch.push_str(&text[pos..]);
                        spans.push((true, field_start, scratch.len()));
                        return bytes.len();
                    }
                    Some(i) => {
                        scratch.push_str(&text[pos..pos + i]);
                        pos += i + 1;
                        if bytes.get(pos) == Some(&b'"') {
                            scratch.push('"');
                            pos += 1;
                        } else {
                            break;
                        }
                    }
                }
            }
            // After the closing quote: anything up to the delimiter or line end is appended
            // (quotes there are ordinary characters).
            let end =
                memchr3(delimiter, b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            scratch.push_str(&text[pos..end]);
            spans.push((true, field_start, scratch.len()));
            pos = end;
        } else {
            let end =
                memchr3(delimiter, b'\n', b'\r', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            spans.push((false, pos, end));
            pos = end;
        }
        match bytes.get(pos) {
            Some(&b) if b == delimiter => pos += 1,
            Some(_) => return next_line(bytes, pos),
            None => return pos,
        }
    }
}

/// Guessed start offsets of `parts` parts of `text[start..]`: `start`, then the offset after the
/// first line end at or after each equal cut. Parts may come out empty (equal offsets).
pub fn guess_cuts(text: &str, start: usize, parts: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let len = bytes.len().saturating_sub(start);
    let mut cuts = vec![start];
    for i in 1..parts {
        let at = start + len * i / parts;
        let at = at.max(*cuts.last().unwrap_or(&start));
        let cut =
            memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |j| next_line(bytes, at + j));
        cuts.push(cut);
    }
    cuts.push(bytes.len());
    cuts
}
