//! The document's problems kept up to date edit by edit ([`ProblemIndex`]): an edit re-checks
//! the rows it touched, and the rows whose "repeats row N" problem it may change, instead of the
//! whole document. [`Document::problems`] is the same check made once over every row.
//!
//! Repeated rows are found by a hash of each row's cells ([`Document::row_hash`]): the index
//! keeps every row's hash, how many rows have each hash, and the rows of each hash that more than
//! one row has. A row repeats the first earlier row of its hash whose cells are the same.

use rustc_hash::FxHashMap;

use super::document::Document;
use super::edit::Edit;
use super::problems::{Problem, RowHash};
use super::row_checks::RowChecks;

/// The problems of a document, in row then column order, kept up to date by [`Self::follow`].
#[derive(Clone, Debug, Default)]
pub struct ProblemIndex {
    /// Every problem, in row order; within a row, cells in column order, then the row's own.
    list: Vec<Problem>,
    /// How many of `list` are cells that did not parse.
    cells: usize,
    /// How many of `list` are rows left out of the sums (totals rows, figures without a date).
    left_out: usize,
    /// Each row's hash.
    hashes: Vec<RowHash>,
    /// How many rows have each hash.
    counts: HashCounts,
    /// The rows (ascending) of each hash that more than one row has.
    groups: FxHashMap<RowHash, Vec<u32>>,
}

impl ProblemIndex {
    /// Checks every row of `doc` (on two threads for a large document).
    pub fn build(doc: &Document) -> ProblemIndex {
        ProblemIndex::from_checks(doc, RowChecks::of(doc))
    }

    /// The index of `doc` from the checks of all its rows (made while it was read, in parts):
    /// only the repeats among rows sharing a hash are left to find.
    pub fn from_checks(doc: &Document, checks: RowChecks) -> ProblemIndex {
        let RowChecks {
            list,
            hashes,
            sorted,
            groups,
            ..
        } = checks;
        if hashes.len() != doc.len() {
            // Not the checks of this document (a bug): check it again.
            return ProblemIndex::build(doc);
        }
        let (cells, left_out) = kinds(&list);
        let mut index = ProblemIndex {
            list,
            cells,
            left_out,
            hashes,
            counts: HashCounts::of_sorted(sorted),
            groups,
        };
        let mut repeats: Vec<Problem> = Vec::new();
        for rows in index.groups.values() {
            repeats.extend(repeats_in_group(doc, rows));
        }
        if !repeats.is_empty() {
            index.list.extend(repeats);
            // Stable: a row's cells stay in column order, its repeat after them.
            index
                .list
                .sort_by_key(|p| (p.row, u8::from(p.column.is_none())));
        }
        index
    }

    /// Every problem, in row then column order.
    pub fn list(&self) -> &[Problem] {
        &self.list
    }

    /// The problems, taken.
    pub fn into_list(self) -> Vec<Problem> {
        self.list
    }

    /// How many problems are cells that did not parse (the rest are whole rows).
    pub fn cell_count(&self) -> usize {
        self.cells
    }

    /// How many problems are rows left out of the sums (totals rows, figures without a date).
    pub fn left_out_count(&self) -> usize {
        self.left_out
    }

    /// Brings the index up to date after `edit` was applied to `doc`: the rows it touched are
    /// checked again, and every row whose repeat problem it may have changed.
    pub fn follow(&mut self, doc: &Document, edit: &Edit) {
        match edit {
            Edit::SetCell { row, .. } => self.refresh_changed(doc, *row),
            Edit::InsertRow { at, .. } => self.rows_moved(doc, &[], &[*at]),
            Edit::DeleteRow { at } => self.rows_moved(doc, &[*at], &[]),
            Edit::Batch { edits, .. } => match row_batch(edits) {
                Some(RowBatch::Cells(rows)) => {
                    for row in rows {
                        self.refresh_changed(doc, row);
                    }
                }
                Some(RowBatch::Deleted(mut rows)) => {
                    rows.reverse();
                    self.rows_moved(doc, &rows, &[]);
                }
                Some(RowBatch::Inserted(rows)) => self.rows_moved(doc, &[], &rows),
                None => *self = ProblemIndex::build(doc),
            },
            // The date order changes how every kept date reads.
            Edit::SetDateOrder { .. } => *self = ProblemIndex::build(doc),
        }
        debug_assert_eq!(self.hashes.len(), doc.len());
    }

    /// Row `row`'s cells changed.
    fn refresh_changed(&mut self, doc: &Document, row: usize) {
        if row >= self.hashes.len() || self.hashes.len() != doc.len() {
            *self = ProblemIndex::build(doc);
            return;
        }
        let old = self.hashes[row];
        let new = doc.row_hash(row);
        let mut affected = vec![row];
        if old != new {
            affected.extend(self.leave(old, row));
            self.hashes[row] = new;
            self.enter(new, row);
        }
        affected.extend(self.group(old).iter().map(|&r| r as usize));
        affected.extend(self.group(new).iter().map(|&r| r as usize));
        affected.sort_unstable();
        affected.dedup();
        for r in affected {
            self.refresh_row(doc, r);
        }
    }

    /// Rows were deleted (`deleted`: their indexes before, ascending) or inserted (`inserted`:
    /// their indexes after, ascending); every other row moved up or down with them.
    fn rows_moved(&mut self, doc: &Document, deleted: &[usize], inserted: &[usize]) {
        let old_len = self.hashes.len();
        if old_len + inserted.len() != doc.len() + deleted.len()
            || deleted.iter().any(|&r| r >= old_len)
            || inserted.iter().any(|&r| r >= doc.len())
        {
            *self = ProblemIndex::build(doc);
            return;
        }
        // Where each row that stays goes (`u32::MAX`: deleted).
        let mut moved = vec![u32::MAX; old_len];
        let (mut d, mut i, mut to) = (0, 0, 0);
        for (from, slot) in moved.iter_mut().enumerate() {
            if deleted.get(d) == Some(&from) {
                d += 1;
                continue;
            }
            while inserted.get(i) == Some(&to) {
                i += 1;
                to += 1;
            }
            *slot = to as u32;
            to += 1;
        }
        let mut hashes = vec![0; doc.len()];
        for (from, &to) in moved.iter().enumerate() {
            if to != u32::MAX {
                hashes[to as usize] = self.hashes[from];
            }
        }
        let mut touched: Vec<RowHash> = Vec::with_capacity(deleted.len() + inserted.len());
        for &from in deleted {
            let h = self.hashes[from];
            self.counts.add(h, -1);
            touched.push(h);
        }
        for &at in inserted {
            let h = doc.row_hash(at);
            hashes[at] = h;
            self.counts.add(h, 1);
            touched.push(h);
        }
        self.hashes = hashes;
        let remap = |r: &mut u32| {
            *r = moved[*r as usize];
            *r != u32::MAX
        };
        self.list.retain_mut(|p| {
            let mut r = p.row as u32;
            let kept = remap(&mut r);
            p.row = r as usize;
            kept
        });
        for rows in self.groups.values_mut() {
            rows.retain_mut(remap);
        }
        let mut refresh: Vec<usize> = inserted.to_vec();
        self.regroup(&mut touched, &mut refresh);
        // Every repeat message names rows, which may have moved.
        refresh.extend(self.groups.values().flatten().map(|&r| r as usize));
        refresh.sort_unstable();
        refresh.dedup();
        (self.cells, self.left_out) = kinds(&self.list);
        for r in refresh {
            self.refresh_row(doc, r);
        }
    }

    /// Makes the groups of the `touched` hashes match their counts again (one pass over the
    /// rows when a hash newly has several); rows left alone in a group go into `refresh`.
    fn regroup(&mut self, touched: &mut Vec<RowHash>, refresh: &mut Vec<usize>) {
        touched.sort_unstable();
        touched.dedup();
        let mut gather: rustc_hash::FxHashSet<RowHash> = Default::default();
        for h in touched.iter() {
            let count = self.counts.get(*h);
            if count < 2 {
                if let Some(rows) = self.groups.remove(h) {
                    refresh.extend(rows.into_iter().map(|r| r as usize));
                }
            } else if self.groups.get(h).map_or(0, Vec::len) != count as usize {
                gather.insert(*h);
            }
        }
        if gather.is_empty() {
            return;
        }
        for h in &gather {
            self.groups.insert(*h, Vec::new());
        }
        for (row, h) in self.hashes.iter().enumerate() {
            if gather.contains(h)
                && let Some(rows) = self.groups.get_mut(h)
            {
                rows.push(row as u32);
            }
        }
    }

    /// The rows sharing hash `h`, when more than one row has it.
    fn group(&self, h: RowHash) -> &[u32] {
        self.groups.get(&h).map_or(&[], Vec::as_slice)
    }

    /// Row `row` now has hash `h`.
    fn enter(&mut self, h: RowHash, row: usize) {
        match self.counts.add(h, 1) {
            0 | 1 => {}
            2 => {
                // The one other row of this hash: found by looking (rare: a row made equal to
                // another, or a hash collision).
                let other = self
                    .hashes
                    .iter()
                    .enumerate()
                    .position(|(r, &x)| x == h && r != row);
                let mut rows: Vec<u32> = other.into_iter().map(|r| r as u32).collect();
                let at = rows.partition_point(|&r| (r as usize) < row);
                rows.insert(at, row as u32);
                self.groups.insert(h, rows);
            }
            _ => {
                let rows = self.groups.entry(h).or_default();
                let at = rows.partition_point(|&r| (r as usize) < row);
                rows.insert(at, row as u32);
            }
        }
    }

    /// Row `row` no longer has hash `h`; gives the row left alone with that hash, if one is (its
    /// repeat problem goes).
    fn leave(&mut self, h: RowHash, row: usize) -> Option<usize> {
        match self.counts.add(h, -1) {
            0 => None,
            1 => self
                .groups
                .remove(&h)
                .unwrap_or_default()
                .into_iter()
                .map(|r| r as usize)
                .find(|&r| r != row),
            _ => {
                if let Some(rows) = self.groups.get_mut(&h)
                    && let Ok(i) = rows.binary_search(&(row as u32))
                {
                    rows.remove(i);
                }
                None
            }
        }
    }

    /// Checks row `row` again: its cells, then whether it repeats an earlier row.
    fn refresh_row(&mut self, doc: &Document, row: usize) {
        let mut found = Vec::new();
        doc.check_row(row, &mut found);
        if let Some(p) = self.repeat_of(doc, row) {
            found.push(p);
        }
        self.splice_row(row, found);
    }

    /// The problem of `row` repeating an earlier row of its hash, if it does.
    fn repeat_of(&self, doc: &Document, row: usize) -> Option<Problem> {
        let rows = self.group(*self.hashes.get(row)?);
        let before = &rows[..rows.partition_point(|&r| (r as usize) < row)];
        repeat_among(doc, before.iter().map(|&r| r as usize), row)
    }

    /// Replaces the problems listed for `row` by `found` (when they differ).
    fn splice_row(&mut self, row: usize, found: Vec<Problem>) {
        let from = self.list.partition_point(|p| p.row < row);
        let to = from + self.list[from..].partition_point(|p| p.row <= row);
        if self.list[from..to] == found[..] {
            return;
        }
        let (gone, gone_left_out) = kinds(&self.list[from..to]);
        let (new, new_left_out) = kinds(&found);
        self.cells = self.cells - gone + new;
        self.left_out = self.left_out - gone_left_out + new_left_out;
        self.list.splice(from..to, found);
    }
}

/// How many of `problems` are cells that did not parse, and how many rows left out of the sums.
fn kinds(problems: &[Problem]) -> (usize, usize) {
    let left_out = problems.iter().filter(|p| p.is_left_out()).count();
    let cells = problems
        .iter()
        .filter(|p| p.column.is_some() && !p.is_left_out())
        .count();
    (cells, left_out)
}

/// What a batch of edits changed, when it can be followed without checking every row.
enum RowBatch {
    /// Cells of these rows (rows did not move).
    Cells(Vec<usize>),
    /// Rows deleted at these indexes, each in the document as the batch left it before
    /// (descending, so each is also the row's index before the batch).
    Deleted(Vec<usize>),
    /// Rows inserted at these indexes (ascending, so each is also the row's index after).
    Inserted(Vec<usize>),
}

/// The rows a batch changed: only cell edits, only deletions from the bottom up, or only
/// insertions from the top down; `None` for anything else (checked again as a whole).
fn row_batch(edits: &[Edit]) -> Option<RowBatch> {
    let rows =
        |pick: fn(&Edit) -> Option<usize>| edits.iter().map(pick).collect::<Option<Vec<_>>>();
    if let Some(cells) = rows(|e| match e {
        Edit::SetCell { row, .. } => Some(*row),
        _ => None,
    }) {
        return Some(RowBatch::Cells(cells));
    }
    if let Some(at) = rows(|e| match e {
        Edit::DeleteRow { at } => Some(*at),
        _ => None,
    }) && at.windows(2).all(|w| w[0] > w[1])
    {
        return Some(RowBatch::Deleted(at));
    }
    if let Some(at) = rows(|e| match e {
        Edit::InsertRow { at, .. } => Some(*at),
        _ => None,
    }) && at.windows(2).all(|w| w[0] < w[1])
    {
        return Some(RowBatch::Inserted(at));
    }
    None
}

/// How many rows have each hash: the hashes as sorted when the index was built, one list per
/// part checked (a binary search in each counts them, with no table of a million entries to
/// fill at open), and the changes since.
#[derive(Clone, Debug, Default)]
struct HashCounts {
    sorted: Vec<Vec<RowHash>>,
    changed: FxHashMap<RowHash, i64>,
}

impl HashCounts {
    fn of_sorted(sorted: Vec<Vec<RowHash>>) -> Self {
        HashCounts {
            sorted,
            changed: FxHashMap::default(),
        }
    }

    /// How many rows have hash `h`.
    fn get(&self, h: RowHash) -> u32 {
        let base: i64 = self
            .sorted
            .iter()
            .map(|part| {
                let from = part.partition_point(|&x| x < h);
                part[from..].partition_point(|&x| x == h) as i64
            })
            .sum();
        (base + self.changed.get(&h).copied().unwrap_or(0)).max(0) as u32
    }

    /// One more row (`by` 1) or one fewer (−1) has hash `h`; gives how many now do.
    fn add(&mut self, h: RowHash, by: i64) -> u32 {
        let c = self.changed.entry(h).or_insert(0);
        *c += by;
        if *c == 0 {
            self.changed.remove(&h);
        }
        self.get(h)
    }
}

/// The repeat problems among rows that share a hash (ascending).
fn repeats_in_group(doc: &Document, rows: &[u32]) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, &row) in rows.iter().enumerate() {
        let before = rows[..i].iter().map(|&r| r as usize);
        out.extend(repeat_among(doc, before, row as usize));
    }
    out
}

/// `row` repeats the first of `earlier` (rows of its hash, ascending) whose cells are the same,
/// unless it is blank.
fn repeat_among(
    doc: &Document,
    mut earlier: impl Iterator<Item = usize>,
    row: usize,
) -> Option<Problem> {
    if doc.row_is_blank(row) {
        return None;
    }
    let first = earlier.find(|&e| doc.rows_equal(e, row))?;
    Some(Problem {
        row,
        column: None,
        message: crate::msg!(
            "problem-repeat",
            row = (row + 1).to_string(),
            first = (first + 1).to_string()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::{Column, Field};

    const COLUMNS: [Column; 4] = [
        Column::Field(Field::Date),
        Column::Field(Field::Province),
        Column::Field(Field::Rigs),
        Column::Field(Field::Notes),
    ];

    /// The problems found the slow, plain way: each row's cells, then the first earlier row
    /// with the same cells (no hashes).
    fn plain_problems(doc: &Document) -> Vec<Problem> {
        let mut out = Vec::new();
        for row in 0..doc.len() {
            doc.check_row(row, &mut out);
            out.extend(repeat_among(doc, 0..row, row));
        }
        out
    }

    /// A few values per column, so rows repeat often; some do not parse.
    fn cell(column: usize, pick: u64) -> String {
        let choices: &[&str] = match column {
            0 => &["2021-06-01", "2021-13-45", "", "2021-06-02"],
            1 => &["Hebei", "Atlantis", "", "内蒙古", "合计"],
            2 => &["10", "abc", "", "7"],
            _ => &["a", "", "b", "a"],
        };
        choices[pick as usize % choices.len()].to_owned()
    }

    #[test]
    fn the_index_follows_random_edits_as_a_fresh_check_would_find() {
        let mut doc = Document::with_columns(COLUMNS.to_vec(), Vec::new());
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..30 {
            let cells: Vec<String> = (0..4).map(|c| cell(c, next())).collect();
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            doc.push_record(&COLUMNS, &refs);
        }
        let mut index = ProblemIndex::build(&doc);
        assert_eq!(index.list(), plain_problems(&doc));
        let mut undo = Vec::new();
        for step in 0..600 {
            let len = doc.len();
            let edit = match next() % 10 {
                0 if len > 1 => Edit::DeleteRow {
                    at: next() as usize % len,
                },
                1 => Edit::InsertRow {
                    at: next() as usize % (len + 1),
                    cells: (0..4).map(|c| (COLUMNS[c], cell(c, next()))).collect(),
                },
                2 if !undo.is_empty() => undo.pop().unwrap(),
                3 => Edit::Batch {
                    label: "paste".into(),
                    edits: (0..3)
                        .map(|_| {
                            let c = next() as usize % 4;
                            Edit::SetCell {
                                row: next() as usize % len,
                                column: COLUMNS[c],
                                text: cell(c, next()),
                            }
                        })
                        .collect(),
                },
                _ => {
                    let c = next() as usize % 4;
                    Edit::SetCell {
                        row: next() as usize % len,
                        column: COLUMNS[c],
                        text: cell(c, next()),
                    }
                }
            };
            // An older inverse may name rows that are gone: then nothing changed.
            let Ok(inverse) = doc.apply(&edit, &mut crate::data::facts::NoObserver) else {
                assert_eq!(index.list(), plain_problems(&doc));
                continue;
            };
            index.follow(&doc, &edit);
            undo.push(inverse);
            let plain = plain_problems(&doc);
            assert_eq!(index.list(), plain, "after step {step}: {edit:?}");
            assert_eq!(
                (index.cell_count(), index.left_out_count()),
                kinds(&plain),
                "after step {step}"
            );
        }
        assert!(
            index.list().iter().any(|p| p.column.is_none()),
            "the edits made repeated rows"
        );
    }

    #[test]
    fn rows_that_share_a_hash_but_differ_are_no_repeats() {
        // Rows that differ only in their notes, until two of them share a 32-bit hash (one
        // pair in about 80,000 rows).
        let mut doc = Document::with_columns(COLUMNS.to_vec(), Vec::new());
        let mut seen: FxHashMap<RowHash, usize> = FxHashMap::default();
        let mut pair = None;
        for i in 0..400_000usize {
            let note = format!("note {i}");
            doc.push_record(&COLUMNS, &["2021-06-01", "Hebei", "10", &note]);
            if let Some(&first) = seen.get(&doc.row_hash(i)) {
                pair = Some((first, i));
                break;
            }
            seen.insert(doc.row_hash(i), i);
        }
        let (first, second) = pair.expect("two rows of one hash");
        let mut index = ProblemIndex::build(&doc);
        assert_eq!(
            index.list(),
            &[],
            "rows {first} and {second} share a hash only"
        );
        assert_eq!(index.group(doc.row_hash(second)).len(), 2);
        // Made the same as the first, the second repeats it; as it was, it no longer does.
        let same = Edit::SetCell {
            row: second,
            column: COLUMNS[3],
            text: format!("note {first}"),
        };
        let inverse = doc
            .apply(&same, &mut crate::data::facts::NoObserver)
            .unwrap();
        index.follow(&doc, &same);
        let repeat: Vec<Problem> = repeat_among(&doc, first..first + 1, second)
            .into_iter()
            .collect();
        assert_eq!(index.list(), repeat);
        doc.apply(&inverse, &mut crate::data::facts::NoObserver)
            .unwrap();
        index.follow(&doc, &inverse);
        assert_eq!(index.list(), &[]);
    }
}
