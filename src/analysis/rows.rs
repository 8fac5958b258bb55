//! Which rows the table shows, in which order: the shared province and date filter, a quick
//! search across the text columns, a "rows with problems" filter, the rows left out of the sums
//! (no date, totals rows), and a stable sort by any column. These are views: they never change the document.

use std::borrow::Cow;
use std::collections::HashSet;

use rustc_hash::FxHashMap;

use super::Filter;
use crate::data::document::{Column, Document, Field, Problem};
use crate::data::left_out::RowProblem;

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortDir {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

/// What the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RowQuery {
    /// Provinces and dates (shared with the charts).
    pub filter: Filter,
    /// Text to look for in the text columns (case-insensitive); empty shows all.
    pub search: String,
    /// Only rows with a problem.
    pub problems_only: bool,
    /// Only the rows left out of the sums for this reason (whatever the province and date
    /// filter: these rows are in no chart).
    pub left_out: Option<LeftOut>,
    /// Only the rows of this place (the province selected in every view; cities roll up to
    /// their province, as `Document::place` does). The rows left out of the sums, when asked
    /// for, are shown whatever it is.
    pub place: Option<crate::data::document::Place>,
    /// Sort column and direction; `None` keeps file order.
    pub sort: Option<(Column, SortDir)>,
}

/// Why rows are left out of the charts and cards (see [`Document::row_problem`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeftOut {
    /// Rows with figures but no valid date.
    NoDate,
    /// Totals rows (`合计`, `Total`).
    TotalsRow,
    /// Notes under the table (`注：…`, `Source: …`).
    NoteRow,
}

impl LeftOut {
    /// Whether a row is left out for this reason.
    pub fn matches(self, doc: &Document, row: usize) -> bool {
        matches!(
            (self, doc.row_problem(row)),
            (LeftOut::NoDate, Some(RowProblem::NoDate))
                | (LeftOut::TotalsRow, Some(RowProblem::TotalsRow(_)))
                | (LeftOut::NoteRow, Some(RowProblem::NoteRow(_)))
        )
    }
}

/// True when the query shows every row in file order (nothing to compute).
pub fn is_identity(q: &RowQuery) -> bool {
    q.filter.hidden.is_empty()
        && q.filter.from.is_none()
        && q.filter.to.is_none()
        && q.search.trim().is_empty()
        && !q.problems_only
        && q.left_out.is_none()
        && q.place.is_none()
        && q.sort.is_none()
}

fn is_text_column(c: Column) -> bool {
    matches!(c, Column::Extra(_))
        || matches!(c, Column::Field(f) if f.metric().is_none() && f != Field::Date)
}

/// Sort keys of one column: a number per row that orders like the column (text by its lower
/// case, each distinct text ranked once), or `None` for empty cells.
fn sort_keys(doc: &Document, rows: &[usize], column: Column) -> Vec<Option<u64>> {
    // Order-preserving bits of a float (negative values flip).
    let float_key = |v: f64| {
        let b = v.to_bits();
        if b >> 63 == 1 { !b } else { b | (1 << 63) }
    };
    match column {
        Column::Field(Field::Date) => rows
            .iter()
            .map(|&r| {
                doc.date_value(r)
                    .map(|d| d.day_key() as i64 as u64 ^ (1 << 63))
            })
            .collect(),
        Column::Field(f) if f.metric().is_some() => {
            let m = f.metric().unwrap_or(crate::data::document::Metric::Rigs);
            rows.iter()
                .map(|&r| doc.figure_value(r, m).map(float_key))
                .collect()
        }
        _ => {
            // Distinct texts get an id, ids are ranked by lower case text.
            let mut ids: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
            let mut texts: Vec<Cow<'_, str>> = Vec::new();
            let row_ids: Vec<u32> = rows
                .iter()
                .map(|&r| {
                    let t = doc.cell_text(r, column);
                    match ids.get(&t) {
                        Some(&id) => id,
                        None => {
                            let id = texts.len() as u32;
                            texts.push(t.clone());
                            ids.insert(t, id);
                            id
                        }
                    }
                })
                .collect();
            let lower: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
            let mut order: Vec<u32> = (0..texts.len() as u32).collect();
            order.sort_by(|&a, &b| lower[a as usize].cmp(&lower[b as usize]));
            // Texts equal but for case tie (and keep file order).
            let mut rank = vec![0u64; texts.len()];
            let mut r = 0u64;
            for (i, &id) in order.iter().enumerate() {
                if i > 0 && lower[id as usize] != lower[order[i - 1] as usize] {
                    r += 1;
                }
                rank[id as usize] = r;
            }
            row_ids
                .iter()
                .map(|&id| (!texts[id as usize].trim().is_empty()).then_some(rank[id as usize]))
                .collect()
        }
    }
}

/// The rows to show, in order.
pub fn visible_rows(doc: &Document, q: &RowQuery) -> Vec<usize> {
    visible_rows_checked(doc, q, None)
}

/// As [`visible_rows`], with the document's problems when they were already listed (checking a
/// million rows again for the "rows with problems" filter takes a third of a second).
pub fn visible_rows_checked(
    doc: &Document,
    q: &RowQuery,
    problems: Option<&[Problem]>,
) -> Vec<usize> {
    if is_identity(q) {
        return (0..doc.len()).collect();
    }
    let needle = q.search.trim().to_lowercase();
    let with_problems: HashSet<usize> = match (q.problems_only, problems) {
        (false, _) => HashSet::new(),
        (true, Some(list)) => list.iter().map(|p| p.row).collect(),
        (true, None) => doc.problems().into_iter().map(|p| p.row).collect(),
    };
    // Whether a text matches, remembered per distinct text (columns repeat their values).
    let text_columns: Vec<Column> = doc
        .columns()
        .iter()
        .copied()
        .filter(|&c| is_text_column(c))
        .collect();
    let mut seen: FxHashMap<&str, bool> = FxHashMap::default();
    let mut place_hits: FxHashMap<crate::data::document::Place, bool> = FxHashMap::default();
    let mut matches_search = |r: usize| -> bool {
        let place = doc.place(r);
        if *place_hits
            .entry(place)
            .or_insert_with(|| Document::place_name(place).to_lowercase().contains(&needle))
        {
            return true;
        }
        text_columns.iter().any(|&c| match doc.cell_text(r, c) {
            Cow::Borrowed(t) => *seen
                .entry(t)
                .or_insert_with(|| t.to_lowercase().contains(&needle)),
            Cow::Owned(t) => t.to_lowercase().contains(&needle),
        })
    };
    let mut rows: Vec<usize> = (0..doc.len())
        .filter(|&r| match q.left_out {
            Some(why) => why.matches(doc, r),
            None => {
                let place = doc.place(r);
                q.place.is_none_or(|p| p == place) && q.filter.accepts(place, doc.date_value(r))
            }
        })
        .filter(|r| !q.problems_only || with_problems.contains(r))
        .filter(|&r| needle.is_empty() || matches_search(r))
        .collect();
    if let Some((column, dir)) = q.sort {
        let keys = sort_keys(doc, &rows, column);
        // Stable: ties keep file order; empty cells last in both directions.
        let mut keyed: Vec<(u64, usize)> = Vec::with_capacity(rows.len());
        let mut empty: Vec<usize> = Vec::new();
        for (&r, k) in rows.iter().zip(&keys) {
            match k {
                Some(k) if dir == SortDir::Descending => keyed.push((!k, r)),
                Some(k) => keyed.push((*k, r)),
                None => empty.push(r),
            }
        }
        keyed.sort_unstable();
        rows = keyed.into_iter().map(|(_, r)| r).chain(empty).collect();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_search_and_problems() {
        let doc = crate::io::sample_document();
        let all = visible_rows(&doc, &RowQuery::default());
        assert_eq!(all, (0..doc.len()).collect::<Vec<_>>());
        let rigs = Column::Field(Field::Rigs);
        let desc = visible_rows(
            &doc,
            &RowQuery {
                sort: Some((rigs, SortDir::Descending)),
                ..Default::default()
            },
        );
        assert_eq!(
            doc.cell_text(desc[0], Column::Field(Field::City)),
            "Bayannaoer"
        );
        assert_eq!(desc.len(), doc.len(), "sorting keeps every row");
        let asc = visible_rows(
            &doc,
            &RowQuery {
                sort: Some((rigs, SortDir::Ascending)),
                ..Default::default()
            },
        );
        assert_eq!(
            doc.figure_value(asc[0], crate::data::document::Metric::Rigs),
            Some(4.0)
        );
        // Empty cells last, in file order (stable).
        let empties: Vec<usize> = asc
            .iter()
            .copied()
            .filter(|&r| {
                doc.figure_value(r, crate::data::document::Metric::Rigs)
                    .is_none()
            })
            .collect();
        assert!(empties.windows(2).all(|w| w[0] < w[1]));
        let hits = visible_rows(
            &doc,
            &RowQuery {
                search: "bayannaoer".into(),
                ..Default::default()
            },
        );
        assert!(
            hits.iter()
                .any(|&r| doc.cell_text(r, Column::Field(Field::City)) == "Bayannaoer")
        );
        assert!(hits.len() < doc.len() / 10, "{hits:?}");
        let im = visible_rows(
            &doc,
            &RowQuery {
                search: "inner mongolia".into(),
                ..Default::default()
            },
        );
        assert!(im.len() >= 3);
        assert!(
            visible_rows(
                &doc,
                &RowQuery {
                    problems_only: true,
                    ..Default::default()
                }
            )
            .is_empty()
        );
    }

    #[test]
    fn the_rows_left_out_whatever_the_filter() {
        let mut doc = Document::new();
        for (date, province, rigs) in [
            ("2021-09-27", "Hebei", "10"),
            ("", "Hebei", "6890"),
            ("2021-13-45", "Sichuan", "200"),
            ("", "Sichuan", ""),
            ("2021-09-30", "合计", "7100"),
        ] {
            doc.push_row([
                (Column::Field(Field::Date), date),
                (Column::Field(Field::Province), province),
                (Column::Field(Field::Rigs), rigs),
            ]);
        }
        let mut q = RowQuery {
            left_out: Some(LeftOut::NoDate),
            ..Default::default()
        };
        assert!(!is_identity(&q));
        assert_eq!(visible_rows(&doc, &q), vec![1, 2]);
        // The province and date filter is for charted rows: it does not hide these.
        q.filter.from = Some(2021_01_01);
        assert_eq!(visible_rows(&doc, &q), vec![1, 2]);
        q.search = "sichuan".into();
        assert_eq!(visible_rows(&doc, &q), vec![2]);
        let q = RowQuery {
            left_out: Some(LeftOut::TotalsRow),
            ..Default::default()
        };
        assert_eq!(visible_rows(&doc, &q), vec![4]);
    }

    #[test]
    fn the_selected_place_shows_its_rows_and_its_cities_rows() {
        let mut doc = Document::new();
        for (province, city) in [
            ("Hebei", ""),
            ("Sichuan", ""),
            ("", "Tangshan"),
            ("河北省", "Tangshan"),
            ("合计", ""),
        ] {
            doc.push_row([
                (Column::Field(Field::Date), "2021-06-01"),
                (Column::Field(Field::Province), province),
                (Column::Field(Field::City), city),
                (Column::Field(Field::Rigs), "5"),
            ]);
        }
        let hebei = doc.place(0);
        let q = RowQuery {
            place: Some(hebei),
            ..Default::default()
        };
        assert!(!is_identity(&q));
        assert_eq!(visible_rows(&doc, &q), vec![0, 2, 3]);
        // The rows left out of the sums, when asked for, are shown whatever the place.
        let q = RowQuery {
            left_out: Some(LeftOut::TotalsRow),
            ..q
        };
        assert_eq!(visible_rows(&doc, &q), vec![4]);
    }

    #[test]
    fn problems_listed_before_filter_as_a_fresh_check_does() {
        let mut doc = crate::io::sample_document();
        for (row, column, text) in [
            (3, Field::Rigs, "many"),
            (10, Field::Date, "not a date"),
            (40, Field::Province, "Atlantis"),
        ] {
            doc.apply(
                &crate::data::document::Edit::SetCell {
                    row,
                    column: Column::Field(column),
                    text: text.into(),
                },
                &mut crate::data::document::NoObserver,
            )
            .unwrap();
        }
        let listed = doc.problems();
        for search in ["", "hebei", "atlantis"] {
            let q = RowQuery {
                problems_only: true,
                search: search.into(),
                sort: Some((Column::Field(Field::Date), SortDir::Descending)),
                ..Default::default()
            };
            let checked = visible_rows(&doc, &q);
            assert_eq!(visible_rows_checked(&doc, &q, Some(&listed)), checked);
            if search.is_empty() {
                assert_eq!(
                    checked,
                    vec![40, 3, 10],
                    "newest first, the unparsed date last"
                );
            }
        }
        // The list given is the one used (the caller keeps it current).
        let q = RowQuery {
            problems_only: true,
            ..Default::default()
        };
        assert_eq!(visible_rows_checked(&doc, &q, Some(&listed[..1])), vec![3]);
    }
}
