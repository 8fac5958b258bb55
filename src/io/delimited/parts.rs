//! Delimited text read in parts, one thread each: every part's records go into a copy of the
//! header's empty document and are summed into the part's own [`LoadSink`]; the parts are then
//! checked against each other (a guessed cut inside a quoted field is read again), joined in
//! file order, and their sinks joined beside that.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::data::document::Document;
use crate::data::sink::LoadSink;
use crate::io::builder::Builder;
use crate::io::progress::Progress;

/// Delimited text bodies shorter than this are read on one thread: below a few megabytes a
/// thread costs more than it saves.
pub(crate) const MIN_PARALLEL_BYTES: usize = 4 << 20;

/// How many parts (one thread each) a delimited body of `len` bytes is read in: one below
/// `min_parallel` bytes, else one per core (up to 8).
pub(crate) fn part_count(len: u64, min_parallel: usize) -> usize {
    if len < min_parallel as u64 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    }
}

/// Rows read from one part of delimited text, and their sums.
struct Part<S> {
    builder: Builder,
    sums: S,
    /// Where reading stopped (the start of the next part's first record).
    end: usize,
    cancelled: bool,
}

/// Parsing progress shared by the threads reading parts: `parsed` of `len` body bytes map to
/// `base..base + span` of `progress`.
pub(crate) struct PartProgress<'a> {
    progress: &'a Progress,
    parsed: AtomicU64,
    len: u64,
    base: u64,
    span: u64,
    total: u64,
}

impl<'a> PartProgress<'a> {
    /// Progress of `len` body bytes, counted into `base..base + span` of `total`.
    pub(crate) fn new(progress: &'a Progress, len: u64, base: u64, span: u64, total: u64) -> Self {
        PartProgress {
            progress,
            parsed: AtomicU64::new(0),
            len,
            base,
            span,
            total,
        }
    }

    fn add(&self, bytes: u64) {
        let done = self.parsed.fetch_add(bytes, Relaxed) + bytes;
        if self.total > 0 {
            self.progress.set(
                self.base + self.span * done.min(self.len) / self.len.max(1),
                self.total,
            );
        }
    }
}

/// Reads the records of one part into a copy of the header's empty document, counting progress
/// and handing the rows read since to the sink's [`LoadSink::rows_read`] every 8,192 records
/// (the problem checks look at the rows then, while they are in the cache), then sums the part's
/// rows for the aggregates in one tight pass on the same thread. (Summing each row as it is parsed, or every few thousand rows, measured slower:
/// the day sums a row adds to are spread over megabytes, and the parsing evicts them from the
/// cache in between.)
pub(crate) struct PartReader<'a, S> {
    builder: Builder,
    sums: S,
    rows: usize,
    /// Rows handed to the sink's [`LoadSink::rows_read`] so far.
    read: usize,
    counted: usize,
    progress: &'a PartProgress<'a>,
}

impl<'a, S: LoadSink> PartReader<'a, S> {
    /// A reader of the part of `bytes` bytes starting at offset `from`.
    fn new(template: &Builder, from: usize, bytes: usize, progress: &'a PartProgress<'a>) -> Self {
        let mut builder = template.clone();
        // Room for the whole part without growing, rows being rarely under 64 bytes (the spare
        // room is given back after joining the parts).
        builder.doc.reserve(bytes / 64);
        PartReader {
            builder,
            sums: S::default(),
            rows: 0,
            read: 0,
            counted: from,
            progress,
        }
    }

    /// True once the load was cancelled.
    pub(crate) fn cancelled(&self) -> bool {
        self.progress.progress.is_cancelled()
    }

    /// One record starting at offset `at`; `false` when the load was cancelled.
    #[inline]
    pub(crate) fn record(&mut self, fields: &[&str], at: usize) -> bool {
        self.rows += 1;
        if self.rows.is_multiple_of(8192) {
            if self.cancelled() {
                return false;
            }
            self.progress.add(at.saturating_sub(self.counted) as u64);
            self.counted = at;
            let doc = &self.builder.doc;
            self.sums.rows_read(doc, self.read..doc.len());
            self.read = doc.len();
        }
        self.builder.add(fields);
        true
    }

    fn finish(mut self, end: usize, cancelled: bool) -> Part<S> {
        if !cancelled {
            let doc = &self.builder.doc;
            self.sums.add_rows(doc, 0..doc.len());
        }
        Part {
            builder: self.builder,
            sums: self.sums,
            end,
            cancelled,
        }
    }
}

/// Reads the parts of a body of `size` bytes that start at the guessed `cuts` (the last is the
/// end), each on its own thread with `read(reader, from, stop)`, which hands the records that
/// start in `from..stop` (and the rest of the last one) to the reader and says where it stopped
/// and whether it was cancelled. Returns the parts joined in file order and their sums; `None`
/// when cancelled.
pub(crate) fn read_in_parts<S, E, F>(
    template: &Builder,
    cuts: &[usize],
    size: usize,
    counter: &PartProgress<'_>,
    read: F,
) -> Result<Option<(Document, S::Output)>, E>
where
    S: LoadSink,
    E: Send,
    F: Fn(&mut PartReader<'_, S>, usize, usize) -> Result<(usize, bool), E> + Sync,
{
    let read_part = |from: usize, stop: usize| -> Result<Part<S>, E> {
        let bytes = stop.min(size).saturating_sub(from);
        let mut reader = PartReader::new(template, from, bytes, counter);
        let (end, cancelled) = read(&mut reader, from, stop)?;
        Ok(reader.finish(end, cancelled))
    };
    match read_parts(cuts, &read_part)? {
        Some(parts) if !counter.progress.is_cancelled() => Ok(Some(join_parts(parts))),
        _ => Ok(None),
    }
}

/// Reads the parts that start at the guessed `cuts` (the last is the end) on one thread each;
/// a part whose guessed start was inside a quoted field is read again from where the part
/// before it really ended, so the result is what one sequential read gives. `None` when
/// cancelled.
fn read_parts<S: LoadSink, E: Send>(
    cuts: &[usize],
    read_part: &(dyn Fn(usize, usize) -> Result<Part<S>, E> + Sync),
) -> Result<Option<Vec<Part<S>>>, E> {
    let parts = cuts.len() - 1;
    let results: Vec<Result<Part<S>, E>> = if parts == 1 {
        vec![read_part(cuts[0], cuts[1])]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..parts)
                .map(|i| {
                    let (from, stop) = (cuts[i], cuts[i + 1]);
                    scope.spawn(move || read_part(from, stop))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut results = results.into_iter().collect::<Result<Vec<Part<S>>, E>>()?;
    if results.iter().any(|r| r.cancelled) {
        return Ok(None);
    }
    for i in 1..results.len() {
        let end_before = results[i - 1].end;
        if end_before != cuts[i] {
            results[i] = read_part(end_before, cuts[i + 1])?;
            if results[i].cancelled {
                return Ok(None);
            }
        }
    }
    Ok(Some(results))
}

/// The parts joined in file order, and their sums (joined from the parts' sinks on another
/// thread meanwhile).
fn join_parts<S: LoadSink>(parts: Vec<Part<S>>) -> (Document, S::Output) {
    let (docs, sums): (Vec<Document>, Vec<S>) =
        parts.into_iter().map(|p| (p.builder.doc, p.sums)).unzip();
    std::thread::scope(|scope| {
        let agg = scope.spawn(|| S::join(sums));
        let mut docs = docs.into_iter();
        let mut doc = docs.next().unwrap_or_default();
        for part in docs {
            doc.append(part);
        }
        doc.shrink_to_fit();
        let agg = agg.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (doc, agg)
    })
}
