//! Which rows the table shows, in which order: the shared province and date filter, a quick
//! search across the text columns, a "rows with problems" filter, and a stable sort by any
//! column. These are views: they never change the document.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::Filter;
use crate::data::document::{Column, Document, Field};

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
    /// Sort column and direction; `None` keeps file order.
    pub sort: Option<(Column, SortDir)>,
}

#[derive(Debug, PartialEq, PartialOrd)]
enum Key {
    Number(f64),
    Text(String),
}

fn sort_key(doc: &Document, row: usize, column: Column) -> Option<Key> {
    match column {
        Column::Field(Field::Date) => doc
            .date_value(row)
            .map(|d| Key::Number(f64::from(d.day_key()))),
        Column::Field(f) if f.metric().is_some() => f
            .metric()
            .and_then(|m| doc.figure_value(row, m))
            .map(Key::Number),
        _ => {
            let t = doc.cell_text(row, column);
            (!t.trim().is_empty()).then(|| Key::Text(t.to_lowercase()))
        }
    }
}

/// True when a row's text columns (or its province's English name) contain `needle` (lower case).
fn matches_search(doc: &Document, row: usize, needle: &str) -> bool {
    if Document::place_name(doc.place(row))
        .to_lowercase()
        .contains(needle)
    {
        return true;
    }
    doc.columns().iter().any(|&c| {
        let text_column =
            matches!(c, Column::Extra(_)) || matches!(c, Column::Field(f) if f.metric().is_none());
        text_column && doc.cell_text(row, c).to_lowercase().contains(needle)
    })
}

/// The rows to show, in order.
pub fn visible_rows(doc: &Document, q: &RowQuery) -> Vec<usize> {
    let needle = q.search.trim().to_lowercase();
    let with_problems: HashSet<usize> = if q.problems_only {
        doc.problems().into_iter().map(|p| p.row).collect()
    } else {
        HashSet::new()
    };
    let mut rows: Vec<usize> = (0..doc.len())
        .filter(|&r| q.filter.accepts(doc.place(r), doc.date_value(r)))
        .filter(|r| !q.problems_only || with_problems.contains(r))
        .filter(|&r| needle.is_empty() || matches_search(doc, r, &needle))
        .collect();
    if let Some((column, dir)) = q.sort {
        let mut keyed: Vec<(Option<Key>, usize)> = rows
            .iter()
            .map(|&r| (sort_key(doc, r, column), r))
            .collect();
        // Stable; empty cells last in both directions.
        keyed.sort_by(|(a, _), (b, _)| match (a, b) {
            (Some(a), Some(b)) => {
                let o = a.partial_cmp(b).unwrap_or(Ordering::Equal);
                if dir == SortDir::Descending {
                    o.reverse()
                } else {
                    o
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        rows = keyed.into_iter().map(|(_, r)| r).collect();
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
}
