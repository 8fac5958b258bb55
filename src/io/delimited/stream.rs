//! Delimited UTF-8 text read from its file in chunks, each part of the file on its own thread,
//! straight into the document: no buffer holds the whole file, and each chunk is parsed while
//! it is still in the processor's cache.
//!
//! Only plain delimited UTF-8 text (with or without a byte-order mark) is read this way. Anything
//! else — a spreadsheet, JSON, UTF-16, a legacy encoding, a chosen encoding, invalid UTF-8
//! found anywhere, a head without 50 whole lines to detect the delimiter from — is left to the
//! whole-file reader ([`crate::io::read_with`]), which gives the same document for text this reader
//! takes (`tests/files.rs` compares them, with chunks small enough to cut every record).

use std::fs;
use std::path::Path;

use super::parts::{MIN_PARALLEL_BYTES, PartProgress, PartReader, part_count, read_in_parts};
use super::sniff::choose_delimiter;
use super::split as fastcsv;
use super::{delimited_header, read_delimited};
use crate::data::sink::LoadSink;
use crate::io::error::{FileError, cancelled, read_error};
use crate::io::file::read_full;
use crate::io::format::{Format, sniff_binary};
use crate::io::progress::Progress;
use crate::io::report::{Import, ImportReport, ReadOptions, finish};

/// Sizes the reader works in.
#[derive(Clone, Copy, Debug)]
pub struct Chunks {
    /// Bytes read first, to find the encoding, the delimiter and the header.
    pub head: usize,
    /// Bytes read at a time by each thread.
    pub chunk: usize,
    /// Bodies shorter than this are read on one thread.
    pub min_parallel: usize,
}

impl Default for Chunks {
    fn default() -> Self {
        Chunks {
            head: 256 << 10,
            chunk: 1 << 20,
            min_parallel: MIN_PARALLEL_BYTES,
        }
    }
}

/// Why a part could not be read this way.
enum Stop {
    /// A read failed.
    File(FileError),
    /// The text is not UTF-8 after all: the whole-file reader decides what it is.
    NotUtf8,
}

/// Reads plain delimited UTF-8 text from `path` in chunks of `sizes`; `Ok(None)` when the file is
/// something else, for the whole-file reader. `format` is the extension's. The rows are summed
/// into the sink `S` as they are read. A head too short for the rows that find the header (and
/// decide number formats) is read again four times as long.
pub fn read_path<S: LoadSink>(
    path: &Path,
    format: Option<Format>,
    options: &ReadOptions,
    progress: &Progress,
    sizes: Chunks,
) -> Result<Option<Import<S>>, FileError> {
    let mut head = sizes.head.max(1);
    loop {
        match read_with_head(path, format, options, progress, sizes, head)? {
            Attempt::Done(import) => return Ok(import.map(|i| *i)),
            Attempt::MoreHead if head < MAX_HEAD => head = head.saturating_mul(4),
            Attempt::MoreHead => return Ok(None),
        }
    }
}

/// The longest head read to find the header in; past it the whole-file reader reads the file.
const MAX_HEAD: usize = 64 << 20;

/// What one try with a head of some size gave.
enum Attempt<S: LoadSink> {
    Done(Option<Box<Import<S>>>),
    /// The head ends before the header could be found.
    MoreHead,
}

/// [`read_path`] with a head of `head_size` bytes.
fn read_with_head<S: LoadSink>(
    path: &Path,
    format: Option<Format>,
    options: &ReadOptions,
    progress: &Progress,
    sizes: Chunks,
    head_size: usize,
) -> Result<Attempt<S>, FileError> {
    if !matches!(format, None | Some(Format::Csv | Format::Tsv)) || options.encoding.is_some() {
        return Ok(Attempt::Done(None));
    }
    let reason = |e: std::io::Error| read_error(path, e);
    let file = fs::File::open(path).map_err(reason)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let total = size.max(1) * 2;
    progress.set(0, total);
    let mut head = vec![0u8; head_size];
    let n = read_full(&file, &mut head, 0).map_err(reason)?;
    head.truncate(n);
    // A head shorter than asked for is the whole file.
    let whole = n < head_size;
    if sniff_binary(&head).is_some() || head.iter().all(u8::is_ascii_whitespace) {
        return Ok(Attempt::Done(None));
    }
    let bom = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else if encoding_rs::Encoding::for_bom(&head).is_some() {
        return Ok(Attempt::Done(None));
    } else {
        0
    };
    // Whole lines only (a line end is never inside a multi-byte character).
    let valid = if whole {
        head.len()
    } else {
        memchr::memrchr(b'\n', &head).map_or(0, |i| i + 1)
    };
    let Some(text) = head.get(bom..valid).and_then(|h| utf8(h).ok()) else {
        return Ok(Attempt::Done(None));
    };
    let format = format.unwrap_or(Format::Csv);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let looks_like_json =
        format != Format::Tsv && (start.starts_with('[') || start.starts_with('{'));
    // A delimiter is detected from the first 50 lines.
    let few_lines = || memchr::memchr_iter(b'\n', text.as_bytes()).count() < 50;
    if looks_like_json || (!whole && options.delimiter.is_none() && few_lines()) {
        return Ok(Attempt::Done(None));
    }
    let mut report = ImportReport {
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let delimiter = choose_delimiter(text, format, options, &mut report);
    if whole {
        let (doc, agg) =
            read_delimited::<S>(path, text, delimiter, &mut report, options, progress)?;
        return finish(doc, Some(agg), report, options).map(|i| Attempt::Done(Some(Box::new(i))));
    }
    let trimmed = text.trim_start_matches('\u{feff}');
    let Some((template, body)) =
        delimited_header(path, trimmed, delimiter, true, &mut report, options)?
    else {
        return Ok(Attempt::MoreHead);
    };
    let body = (bom + (text.len() - trimmed.len()) + body) as u64;
    let len = size.saturating_sub(body);
    let parts = part_count(len, sizes.min_parallel);
    let mut cuts = vec![body];
    for i in 1..parts as u64 {
        let at = (body + len * i / parts as u64).max(cuts[cuts.len() - 1]);
        let cut = if at < size {
            line_after(&file, at).map_err(reason)?
        } else {
            u64::MAX
        };
        cuts.push(cut);
    }
    cuts.push(u64::MAX);
    let cuts: Vec<usize> = cuts
        .into_iter()
        .map(|c| usize::try_from(c).unwrap_or(usize::MAX))
        .collect();
    let counter = PartProgress::new(progress, len, 0, total, total);
    let read = |reader: &mut PartReader<'_, S>, from: usize, stop: usize| {
        if from == usize::MAX {
            // No line end after the guessed cut: an empty part. (Any other part is read to its
            // end, even past the size the file had: it may have grown, or report no size.)
            return Ok((from, false));
        }
        read_chunks(path, &file, delimiter, from, stop, sizes.chunk, reader)
    };
    let (doc, agg) = match read_in_parts(&template, &cuts, size as usize, &counter, read) {
        Ok(Some(read)) => read,
        Ok(None) => return Err(cancelled(path)),
        Err(Stop::File(e)) => return Err(e),
        Err(Stop::NotUtf8) => return Ok(Attempt::Done(None)),
    };
    finish(doc, Some(agg), report, options).map(|i| Attempt::Done(Some(Box::new(i))))
}

/// Reads the records that start in `from..stop` (and the rest of the last one) from `file`,
/// `chunk` bytes at a time into one buffer; a record cut by a chunk's end is carried to the front
/// and read with the next chunk. Returns where reading stopped and whether it was cancelled.
fn read_chunks(
    path: &Path,
    file: &fs::File,
    delimiter: u8,
    from: usize,
    stop: usize,
    chunk: usize,
    reader: &mut PartReader<'_, impl LoadSink>,
) -> Result<(usize, bool), Stop> {
    let chunk = chunk.max(1);
    let mut buf: Vec<u8> = Vec::new();
    // File offset of `buf[0]`, and bytes held.
    let (mut base, mut held) = (from, 0usize);
    loop {
        if reader.cancelled() {
            return Ok((base, true));
        }
        if buf.len() < held + chunk {
            buf.resize(held + chunk, 0);
        }
        let n = read_full(file, &mut buf[held..held + chunk], (base + held) as u64)
            .map_err(|e| Stop::File(read_error(path, e)))?;
        held += n;
        let more = n == chunk;
        // Whole lines only while more follows (a line end is never inside a character).
        let valid = if more {
            memchr::memrchr(b'\n', &buf[..held]).map_or(0, |i| i + 1)
        } else {
            held
        };
        let text = utf8(&buf[..valid]).map_err(|_| Stop::NotUtf8)?;
        let (end, ended) = fastcsv::read_chunk(
            text,
            delimiter,
            0,
            stop.saturating_sub(base),
            more,
            |fields, at| reader.record(fields, base + at),
        );
        match ended {
            fastcsv::Ended::Cancelled => return Ok((base + end, true)),
            fastcsv::Ended::Stop if end < valid || !more => return Ok((base + end, false)),
            // The text ran out (or a record is cut off): keep the rest and read on.
            _ => {
                buf.copy_within(end..held, 0);
                base += end;
                held -= end;
            }
        }
    }
}

/// UTF-8 check, SIMD first (the standard library's says where invalid text starts, which is not
/// needed here).
fn utf8(bytes: &[u8]) -> Result<&str, ()> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| ())
}

/// The offset after the first line end at or after `at` (a guessed part start), or the end of
/// the file when none comes within 64 KiB.
fn line_after(file: &fs::File, at: u64) -> std::io::Result<u64> {
    let mut window = vec![0u8; 64 << 10];
    let n = read_full(file, &mut window, at)?;
    Ok(fastcsv::line_after(&window[..n], 0).map_or(u64::MAX, |end| at + end as u64))
}
