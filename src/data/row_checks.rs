//! Every row checked once, in parts ([`RowChecks`]): each row's cell and row problems and its
//! hash, checked on the thread that read the row while a file is read in parts ([`Checked`] is
//! the reader's sink that does it beside the caller's sums), then joined in file order. What
//! [`super::problem_index::ProblemIndex`] is built from: the joined checks give every row's hash,
//! the hashes sorted, and the rows of each hash more than one row has, so only the repeats
//! among those rows are left to find in the joined document.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::document::Document;
use super::problems::{Problem, RowHash};
use super::sink::LoadSink;

/// Documents from this many rows are checked on two threads when not read in parts.
const PARALLEL_ROWS: usize = 100_000;

/// The checks of a run of rows: of one part of a file (rows counted from the part's first), or
/// of a whole document once the parts are joined.
#[derive(Clone, Debug, Default)]
pub struct RowChecks {
    /// The row of the document checked that the first hash is of.
    first: usize,
    /// Cell and row problems (not repeats), in row then column order, numbered as rows of the
    /// document checked.
    pub(super) list: Vec<Problem>,
    /// Each row's hash.
    pub(super) hashes: Vec<RowHash>,
    /// The hashes sorted, one list per part (or per run of rows sorted at once).
    pub(super) sorted: Vec<Vec<RowHash>>,
    /// The rows (ascending) of each hash more than one row has; made when the parts are joined.
    pub(super) groups: FxHashMap<RowHash, Vec<u32>>,
}

impl RowChecks {
    /// Checks rows from the next one not checked yet up to `end` (rows are checked in order).
    fn check_to(&mut self, doc: &Document, end: usize) {
        let from = self.first + self.hashes.len();
        let end = end.min(doc.len());
        self.hashes.reserve(end.saturating_sub(from));
        for row in from..end {
            if doc.may_have_problems(row) {
                doc.check_row(row, &mut self.list);
            }
            self.hashes.push(doc.row_hash(row));
        }
    }

    /// Sorts the hashes not sorted yet, as one more sorted list.
    fn sort_rest(&mut self) {
        let sorted: usize = self.sorted.iter().map(Vec::len).sum();
        if sorted < self.hashes.len() {
            let mut rest = self.hashes[sorted..].to_vec();
            rest.sort_unstable();
            self.sorted.push(rest);
        }
    }

    /// Checks the rows of `doc` in `rows`.
    fn of_rows(doc: &Document, rows: Range<usize>) -> RowChecks {
        let mut checks = RowChecks {
            first: rows.start,
            ..Default::default()
        };
        checks.check_to(doc, rows.end);
        checks.sort_rest();
        checks
    }

    /// Every row of `doc` checked (on two threads for a large document), the groups made.
    pub fn of(doc: &Document) -> RowChecks {
        let len = doc.len();
        if len < PARALLEL_ROWS {
            return RowChecks::joined(vec![RowChecks::of_rows(doc, 0..len)]);
        }
        let mid = len / 2;
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| RowChecks::of_rows(doc, mid..len));
            let first = RowChecks::of_rows(doc, 0..mid);
            // A panic on the other thread is a bug in the checks: check that half here.
            let second = second
                .join()
                .unwrap_or_else(|_| RowChecks::of_rows(doc, mid..len));
            (first, second)
        });
        RowChecks::joined(vec![first, second])
    }

    /// The checks of consecutive parts joined in file order: problems renumbered, hashes
    /// concatenated (onto the first part's), the sorted lists kept, and the rows of every
    /// repeated hash gathered.
    fn joined(parts: Vec<RowChecks>) -> RowChecks {
        let rows: usize = parts.iter().map(|p| p.hashes.len()).sum();
        let mut parts = parts.into_iter();
        let mut out = parts.next().unwrap_or_default();
        let first = std::mem::take(&mut out.first);
        for p in &mut out.list {
            p.row -= first;
        }
        // Grown in place where the allocator can (a large block is remapped, not copied).
        out.hashes.reserve_exact(rows - out.hashes.len());
        for part in parts {
            let offset = out.hashes.len();
            out.list.extend(part.list.into_iter().map(|mut p| {
                p.row = p.row - part.first + offset;
                p
            }));
            out.hashes.extend_from_slice(&part.hashes);
            out.sorted.extend(part.sorted);
        }
        let repeated = repeated(&out.sorted);
        if !repeated.is_empty() {
            // Few hashes repeat: a bit per value of a hash's top 16 bits rules out nearly every
            // row before the set is asked.
            let mut maybe = vec![0u64; 1 << 10];
            for h in &repeated {
                maybe[(h >> 22) as usize] |= 1 << ((h >> 16) & 63);
            }
            for (row, h) in out.hashes.iter().enumerate() {
                if maybe[(h >> 22) as usize] & (1 << ((h >> 16) & 63)) != 0 && repeated.contains(h)
                {
                    out.groups.entry(*h).or_default().push(row as u32);
                }
            }
        }
        out
    }
}

/// The hashes that more than one of the sorted lists' entries have: neighbours within a list,
/// and the lists walked side by side two at a time.
pub(super) fn repeated(sorted: &[Vec<RowHash>]) -> rustc_hash::FxHashSet<RowHash> {
    let mut out = rustc_hash::FxHashSet::default();
    for (i, a) in sorted.iter().enumerate() {
        out.extend(a.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]));
        for b in &sorted[i + 1..] {
            // Without a branch on which side is smaller (a coin toss for hashes): each step moves
            // on in the list whose hash is not the larger, both when they are equal.
            let (mut i, mut j) = (0, 0);
            while i < a.len() && j < b.len() {
                let (x, y) = (a[i], b[j]);
                if x == y {
                    out.insert(x);
                }
                i += usize::from(x <= y);
                j += usize::from(y <= x);
            }
        }
    }
    out
}

/// Each part's rows checked on its own thread, as they are read (while they are in the cache)
/// and when the part is read; the parts' checks joined in file order. A part's rows are checked
/// in order from its first: each call checks every row before its range's end not checked yet.
impl LoadSink for RowChecks {
    type Output = RowChecks;

    fn rows_read(&mut self, doc: &Document, rows: Range<usize>) {
        self.check_to(doc, rows.end);
    }

    fn add_rows(&mut self, doc: &Document, rows: Range<usize>) {
        self.check_to(doc, rows.end);
        self.sort_rest();
    }

    fn join(parts: Vec<RowChecks>) -> RowChecks {
        RowChecks::joined(parts)
    }

    fn sum(doc: &Document) -> RowChecks {
        RowChecks::of(doc)
    }
}

/// A reader's sink that checks every row for problems ([`RowChecks`]) beside the sums of `S`,
/// on the threads that read the rows.
#[derive(Default)]
pub struct Checked<S> {
    sums: S,
    checks: RowChecks,
}

impl<S: LoadSink> LoadSink for Checked<S> {
    type Output = (S::Output, RowChecks);

    fn rows_read(&mut self, doc: &Document, rows: Range<usize>) {
        self.sums.rows_read(doc, rows.clone());
        self.checks.rows_read(doc, rows);
    }

    fn add_rows(&mut self, doc: &Document, rows: Range<usize>) {
        self.sums.add_rows(doc, rows.clone());
        self.checks.add_rows(doc, rows);
    }

    fn join(parts: Vec<Self>) -> Self::Output {
        let (sums, checks): (Vec<S>, Vec<RowChecks>) =
            parts.into_iter().map(|p| (p.sums, p.checks)).unzip();
        // Side by side, so that neither waits for the other to start (the rows' append runs
        // beside them both).
        std::thread::scope(|scope| {
            let checks = scope.spawn(|| RowChecks::join(checks));
            let sums = S::join(sums);
            (
                sums,
                checks
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        })
    }

    fn sum(doc: &Document) -> Self::Output {
        (S::sum(doc), RowChecks::of(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_repeated_within_and_across_lists() {
        let lists = vec![
            vec![1, 4, 4, 9],
            vec![],
            vec![2, 5],
            vec![0, 2, 11],
            vec![9],
        ];
        let mut found: Vec<RowHash> = repeated(&lists).into_iter().collect();
        found.sort_unstable();
        assert_eq!(found, [2, 4, 9]);
        assert!(repeated(&[vec![1, 2, 3]]).is_empty());
    }
}
