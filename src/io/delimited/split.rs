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
    each: impl FnMut(&[&str], usize) -> bool,
) -> (usize, bool) {
    let (end, ended) = read_chunk(text, delimiter, start, stop, false, each);
    (end, ended == Ended::Cancelled)
}

/// Why [`read_chunk`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// At a record that starts at or after `stop`, or at the end of the text.
    Stop,
    /// `each` returned `false`.
    Cancelled,
    /// At the start of a record that runs past the end of the text, which goes on (`more`).
    Incomplete,
}

/// As [`read_records`], for a piece of a longer text read in chunks: with `more`, the text goes
/// on after `text`, so a record that reaches its end without a line end (a quoted field still
/// open, or a carriage return that may be half of a CRLF) is not read; reading stops at its start
/// with [`Ended::Incomplete`], to go on when more text has come.
pub fn read_chunk(
    text: &str,
    delimiter: u8,
    start: usize,
    stop: usize,
    more: bool,
    mut each: impl FnMut(&[&str], usize) -> bool,
) -> (usize, Ended) {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut fields: Vec<&str> = Vec::with_capacity(16);
    let mut scratch = String::new();
    let mut spans: Vec<(bool, usize, usize)> = Vec::with_capacity(16);
    let mut block = Block::at(bytes, start, delimiter);
    // A record that ends at the text's end without a line feed (a CR there may be half of a
    // CRLF) may go on in the next chunk.
    let cut_off = |next: usize| more && next == bytes.len() && bytes[next - 1] != b'\n';
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
            return (pos, Ended::Stop);
        }
        let record_start = pos;
        fields.clear();
        // Fastest path: find delimiters, line ends and quotes 64 bytes at a time; a quote or a
        // carriage return that is not part of a CRLF sends the record to the general path.
        if let Some(next) = split_unquoted(text, pos, delimiter, &mut block, &mut fields) {
            if cut_off(next) {
                return (record_start, Ended::Incomplete);
            }
            pos = next;
            if !each(&fields, record_start) {
                return (pos, Ended::Cancelled);
            }
            continue;
        }
        fields.clear();
        // General path: a state machine over the record, which may span lines (quoted fields,
        // lone carriage returns).
        scratch.clear();
        spans.clear();
        pos = match quoted_record(text, delimiter, pos, &mut scratch, &mut spans) {
            Some(next) if !cut_off(next) => next,
            _ if more => return (record_start, Ended::Incomplete),
            _ => bytes.len(),
        };
        let quoted: Vec<&str> = spans
            .iter()
            .map(|&(owned, a, b)| if owned { &scratch[a..b] } else { &text[a..b] })
            .collect();
        if !each(&quoted, record_start) {
            return (pos, Ended::Cancelled);
        }
    }
    (bytes.len(), Ended::Stop)
}

/// Which of the 64 bytes from `base` are the delimiter (`delim`), a line end (`end`: `\n` or
/// `\r`) and a quote (`quote`), one bit per byte; bytes past the end of the text have no bit.
#[derive(Clone, Copy, Debug, Default)]
struct Block {
    base: usize,
    delim: u64,
    end: u64,
    quote: u64,
}

impl Block {
    /// The masks of the 64 bytes from `base` (inlined: it runs once every 64 bytes of text).
    #[inline(always)]
    fn at(bytes: &[u8], base: usize, delimiter: u8) -> Block {
        match bytes.get(base..base + 64) {
            Some(full) => Block::of(full, base, delimiter),
            None => Block::at_end(bytes, base, delimiter),
        }
    }

    #[inline(always)]
    fn of(full: &[u8], base: usize, delimiter: u8) -> Block {
        let mut block = Block {
            base,
            ..Block::default()
        };
        for k in 0..4 {
            let [d, e, q] = masks16(&full[16 * k..16 * k + 16], delimiter);
            block.delim |= u64::from(d) << (16 * k);
            block.end |= u64::from(e) << (16 * k);
            block.quote |= u64::from(q) << (16 * k);
        }
        block
    }

    /// The last bytes of the text, fewer than 64: no bits past its end.
    #[cold]
    fn at_end(bytes: &[u8], base: usize, delimiter: u8) -> Block {
        let rest = bytes.get(base..).unwrap_or_default();
        let mut padded = [0u8; 64];
        padded[..rest.len()].copy_from_slice(rest);
        let mut block = Block::of(&padded, base, delimiter);
        let valid = (1u64 << rest.len()) - 1;
        block.delim &= valid;
        block.end &= valid;
        block.quote &= valid;
        block
    }
}

/// Bits `i` set when byte `i` of the 16 is the delimiter, a line end (`\n`, `\r`), a quote
/// (SSE2 compares, which every x86-64 processor has).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn masks16(chunk: &[u8], delimiter: u8) -> [u16; 3] {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i,
    };
    let mut a = [0u8; 16];
    a.copy_from_slice(chunk);
    let v = m128i::from(a);
    let is = |b: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b as i8));
    let delim = move_mask_i8_m128i(is(delimiter));
    let end = move_mask_i8_m128i(bitor_m128i(is(b'\n'), is(b'\r')));
    let quote = move_mask_i8_m128i(is(b'"'));
    [delim as u16, end as u16, quote as u16]
}

/// As above, a byte at a time where SSE2 is not available.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn masks16(chunk: &[u8], delimiter: u8) -> [u16; 3] {
    let mut m = [0u16; 3];
    for (i, &b) in chunk.iter().enumerate() {
        m[0] |= u16::from(b == delimiter) << i;
        m[1] |= u16::from(b == b'\n' || b == b'\r') << i;
        m[2] |= u16::from(b == b'"') << i;
    }
    m
}

/// Splits one record that has no quote and ends with a line end (or the text's end) into
/// `fields`; returns the offset after it, or `None` when a quote or a lone carriage return comes
/// first. `block` holds the masks of the 64 bytes being read and moves on through the text from
/// record to record.
fn split_unquoted<'t>(
    text: &'t str,
    start: usize,
    delimiter: u8,
    block: &mut Block,
    fields: &mut Vec<&'t str>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    if start < block.base || start >= block.base + 64 {
        *block = Block::at(bytes, start, delimiter);
    }
    let mut at = start;
    loop {
        // Only bits at or after the field being read count, and before the record's end.
        let keep = (!0u64)
            .checked_shl(at.saturating_sub(block.base) as u32)
            .unwrap_or(0);
        let end = (block.end & keep).trailing_zeros();
        let before = if end == 64 { !0 } else { (1u64 << end) - 1 };
        if block.quote & keep & before != 0 {
            return None;
        }
        let mut delim = block.delim & keep & before;
        while delim != 0 {
            let i = block.base + delim.trailing_zeros() as usize;
            delim &= delim - 1;
            fields.push(&text[at..i]);
            at = i + 1;
        }
        if end < 64 {
            let i = block.base + end as usize;
            fields.push(&text[at..i]);
            if bytes[i] == b'\n' {
                return Some(i + 1);
            }
            // A CR ends the record when a LF follows it, or the text ends; a lone one is left
            // to the general path.
            return match bytes.get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => None,
                None => Some(i + 1),
            };
        }
        let next = block.base + 64;
        if next >= bytes.len() {
            fields.push(&text[at..]);
            return Some(bytes.len());
        }
        *block = Block::at(bytes, next, delimiter);
    }
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
/// record's line end, or `None` when the text ends first (the record then runs to its end).
fn quoted_record(
    text: &str,
    delimiter: u8,
    mut pos: usize,
    scratch: &mut String,
    spans: &mut Vec<(bool, usize, usize)>,
) -> Option<usize> {
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
                        return None;
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
            Some(_) => return Some(next_line(bytes, pos)),
            None => return None,
        }
    }
}

/// The offset after the first line end at or after `at` (`\r\n` counts as one), if any.
pub fn line_after(bytes: &[u8], at: usize) -> Option<usize> {
    memchr2(b'\n', b'\r', bytes.get(at..)?).map(|j| next_line(bytes, at + j))
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
        let cut = line_after(bytes, at).unwrap_or(bytes.len());
        cuts.push(cut);
    }
    cuts.push(bytes.len());
    cuts
}
