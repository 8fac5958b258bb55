//! The state of one walk over a JSON text: what the top-level value is, the rows arrays found
//! and the keys of their rows, and the document being built from one of them. The serde
//! visitors that drive it are in [`super::visit`]; the passes are in [`super::read`].

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::de::{self, SeqAccess};

use super::visit::RowSeed;
use super::{NONE, RECENT, TICK};
use crate::data::document::Document;
use crate::io::builder::Builder;
use crate::io::progress::Progress;
use crate::io::report::{ImportReport, ReadOptions};

/// What the top-level value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Scalar,
    Array,
    Object,
}

/// A cell of the row being read.
#[derive(Clone, Copy)]
pub(super) enum Cell<'de> {
    Empty,
    /// A string of the file without escapes.
    Text(&'de str),
    /// A range of the row's buffer (unescaped strings, numbers, nested values).
    Buf(usize, usize),
}

pub(super) fn cell_text<'a, 'de: 'a>(slots: &'a [Cell<'de>], buf: &'a str, key: u32) -> &'a str {
    match slots.get(key as usize) {
        Some(Cell::Text(s)) => s,
        Some(&Cell::Buf(a, b)) => &buf[a..b],
        _ => "",
    }
}

/// Building a document from one rows array.
pub(super) struct Build {
    /// The columns, fixed once the builder has begun.
    pub(super) headers: Vec<String>,
    /// Per column, the key that fills it ([`NONE`]: none yet).
    pub(super) header_src: Vec<u32>,
    /// `None` until the first row is read (first pass).
    pub(super) builder: Option<Builder>,
}

/// The state of the rows array being read.
#[derive(Default)]
pub(super) struct Rows<'de> {
    /// Keys in order of first appearance, and their indexes.
    pub(super) keys: Vec<String>,
    pub(super) index: FxHashMap<String, u32>,
    /// Recently seen keys by a cheap hash of their length and end bytes: rows repeat a few
    /// keys, and a comparison is cheaper than a lookup in `index`.
    pub(super) recent: Vec<u32>,
    /// The current row's cells by key.
    pub(super) slots: Vec<Cell<'de>>,
    pub(super) buf: String,
    /// Rows read.
    pub(super) len: usize,
    /// The first row that is not an object.
    pub(super) first_bad: Option<usize>,
    pub(super) build: Option<Build>,
}

/// What was learned of one rows array.
pub(super) struct RowsSummary {
    pub(super) len: usize,
    pub(super) first_bad: Option<usize>,
    pub(super) keys: Vec<String>,
}

/// The last value of one of the [`ROW_KEYS`].
pub(super) struct Candidate {
    pub(super) occurrence: usize,
    /// `None` when the value is not an array.
    pub(super) rows: Option<RowsSummary>,
}

/// A document built from a rows array.
pub(super) struct Built {
    pub(super) occurrence: usize,
    /// The "columns" list it was built with.
    pub(super) columns: Option<Vec<String>>,
    pub(super) doc: Document,
}

/// One walk over the text.
pub(super) struct Scan<'de, 'p> {
    pub(super) path: &'p Path,
    pub(super) options: &'p ReadOptions,
    pub(super) progress: &'p Progress,
    pub(super) report: &'p mut ImportReport,
    /// The report as it was before the read.
    pub(super) snapshot: &'p ImportReport,
    pub(super) base: usize,
    pub(super) size: usize,
    pub(super) total: u64,
    pub(super) cancelled: bool,
    /// Byte offset of the last key read, for progress.
    pub(super) at: usize,
    /// Second pass: the occurrence of the rows to build, and the build, begun.
    pub(super) target: Option<usize>,
    pub(super) prepared: Option<Build>,
    pub(super) kind: Kind,
    /// Top-level keys read.
    pub(super) occurrences: usize,
    /// The last "columns" list (`None` when it is not an array).
    pub(super) columns: Option<Vec<String>>,
    pub(super) candidates: [Option<Candidate>; 4],
    pub(super) top: Option<RowsSummary>,
    pub(super) built: Option<Built>,
    pub(super) rows: Rows<'de>,
}

impl<'de, 'p> Scan<'de, 'p> {
    pub(super) fn new(
        path: &'p Path,
        text: &'de str,
        report: &'p mut ImportReport,
        snapshot: &'p ImportReport,
        options: &'p ReadOptions,
        progress: &'p Progress,
    ) -> Self {
        Scan {
            path,
            options,
            progress,
            report,
            snapshot,
            base: text.as_ptr() as usize,
            size: text.len().max(1),
            total: progress.get().1,
            cancelled: false,
            at: 0,
            target: None,
            prepared: None,
            kind: Kind::Scalar,
            occurrences: 0,
            columns: None,
            candidates: [None, None, None, None],
            top: None,
            built: None,
            rows: Rows::default(),
        }
    }

    /// Puts the report back as it was before the read.
    pub(super) fn restore(&mut self) {
        self.report.clone_from(self.snapshot);
    }

    /// Stops building the current rows array.
    pub(super) fn abort(&mut self) {
        if let Some(b) = self.rows.build.take()
            && b.builder.is_some()
        {
            self.restore();
        }
    }

    /// Checks for cancelling and reports progress; false when cancelled.
    pub(super) fn tick(&mut self) -> bool {
        if self.progress.is_cancelled() {
            self.cancelled = true;
            return false;
        }
        if self.rows.build.is_some() && self.total > 0 {
            let half = self.total / 2;
            let done = half + half * self.at as u64 / self.size as u64;
            self.progress
                .set(done.max(self.progress.get().0), self.total);
        }
        true
    }

    /// Reads a rows array; builds it in the first pass when no other array was built, and in
    /// the second when it is the target.
    pub(super) fn run_rows<A: SeqAccess<'de>>(
        &mut self,
        mut seq: A,
        occurrence: usize,
    ) -> Result<RowsSummary, A::Error> {
        let build = match self.target {
            Some(t) if t == occurrence => self.prepared.take(),
            Some(_) => None,
            None if self.built.is_none() => Some(Build {
                headers: self.columns.clone().unwrap_or_default(),
                header_src: Vec::new(),
                builder: None,
            }),
            None => None,
        };
        let columns = self.columns.clone();
        self.rows = Rows {
            build,
            ..Rows::default()
        };
        loop {
            if self.rows.len.is_multiple_of(TICK) && !self.tick() {
                return Err(de::Error::custom("loading was cancelled"));
            }
            if seq.next_element_seed(RowSeed(self))?.is_none() {
                break;
            }
        }
        let rows = std::mem::take(&mut self.rows);
        if let Some(Build {
            builder: Some(b), ..
        }) = rows.build
        {
            self.built = Some(Built {
                occurrence,
                columns,
                doc: b.doc,
            });
        }
        Ok(RowsSummary {
            len: rows.len,
            first_bad: rows.first_bad,
            keys: rows.keys,
        })
    }

    /// The index of a key of the current row.
    pub(super) fn resolve(&mut self, key: &str) -> u32 {
        let r = &mut self.rows;
        let b = key.as_bytes();
        let h = match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => {
                (usize::from(first) ^ (usize::from(last) << 1) ^ b.len().wrapping_mul(37))
                    & (RECENT - 1)
            }
            _ => 0,
        };
        if r.recent.is_empty() {
            r.recent = vec![NONE; RECENT];
        }
        let k = r.recent[h];
        if k != NONE && r.keys[k as usize] == key {
            return k;
        }
        let k = match r.index.get(key) {
            Some(&k) => k,
            None => self.new_key(key),
        };
        self.rows.recent[h] = k;
        k
    }

    pub(super) fn new_key(&mut self, key: &str) -> u32 {
        let r = &mut self.rows;
        let k = r.keys.len() as u32;
        r.keys.push(key.to_owned());
        r.index.insert(key.to_owned(), k);
        r.slots.push(Cell::Empty);
        if let Some(b) = &mut r.build
            && b.builder.is_some()
        {
            let mut found = false;
            for (h, src) in b.headers.iter().zip(&mut b.header_src) {
                if h == key {
                    *src = k;
                    found = true;
                }
            }
            if !found {
                // A column the document does not have: the second pass builds it.
                self.abort();
            }
        }
        k
    }

    pub(super) fn start_row(&mut self) {
        let r = &mut self.rows;
        if r.build.is_some() {
            r.slots.fill(Cell::Empty);
            r.buf.clear();
        }
    }

    /// Adds the row read to the document (beginning it after the first row).
    pub(super) fn end_row(&mut self) {
        let r = &mut self.rows;
        r.len += 1;
        let Some(b) = &mut r.build else {
            return;
        };
        if b.builder.is_none() {
            for k in &r.keys {
                if !b.headers.contains(k) {
                    b.headers.push(k.clone());
                }
            }
            b.header_src = b
                .headers
                .iter()
                .map(|h| r.index.get(h.as_str()).copied().unwrap_or(NONE))
                .collect();
            match Builder::begin(self.path, &b.headers, self.report, self.options) {
                Ok(builder) => b.builder = Some(builder),
                Err(_) => {
                    // The second pass, with all the columns, says whether this is final.
                    r.build = None;
                    return;
                }
            }
        }
        let (slots, buf) = (&r.slots, r.buf.as_str());
        if let Some(builder) = &mut b.builder {
            builder.add_iter(b.header_src.iter().map(|&k| cell_text(slots, buf, k)));
        }
    }

    /// A row that is not an object.
    pub(super) fn bad_row(&mut self) {
        if self.rows.first_bad.is_none() {
            self.rows.first_bad = Some(self.rows.len);
        }
        self.abort();
        self.rows.len += 1;
    }
}
