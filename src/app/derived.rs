//! What the views show worked out from the document: the table's visible rows and the checked
//! problem list shared with a worker, cached per revision (large documents sort on a worker
//! thread). Not the views themselves. The problems themselves follow each edit in the session.

use super::App;
use crate::analysis::rows::RowQuery;
use std::sync::Arc;

use crate::background::Background;
use crate::data::document::{Notice, Problem};
use crate::ui::table;

/// Documents from this many rows sort and filter on a worker thread.
const BACKGROUND_ROWS: usize = 50_000;

/// The caches of what is derived from the document, cleared when another document is opened.
#[derive(Default)]
pub(super) struct Derived {
    /// The table's rows for (revision or length, query); large documents sort on a worker.
    pub(super) visible_cache: Background<(u64, RowQuery), Vec<usize>>,
    /// Document length the table's last rows were checked against (none is beyond it).
    pub(super) visible_len: usize,
    /// The problem list as of a revision, for the table's problems filter on a worker.
    pub(super) problem_list: Option<(u64, Arc<Vec<Problem>>)>,
    /// The document's notices and the revision they are of (a sample of rows: cheap).
    pub(super) notices: Option<(u64, std::sync::Arc<Vec<Notice>>)>,
}

impl App {
    /// What the table shows: filter, search, problems only and sort order.
    fn row_query(&self) -> RowQuery {
        RowQuery {
            filter: self.settings.view.filter.clone(),
            search: self.table.search.clone(),
            problems_only: self.table.problems_only,
            left_out: self.table.left_out,
            place: self.selected_place,
            sort: self.table.sort,
        }
    }

    /// Asks for a repaint when a worker is done.
    fn notifier(&self) -> impl FnOnce() + Send + 'static {
        let ctx = self.window.ctx.clone();
        move || {
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        }
    }

    /// The table's rows in the order shown (the last ones while a worker sorts).
    pub(super) fn visible_rows(&mut self) -> std::sync::Arc<Vec<usize>> {
        let query = self.row_query();
        // Showing every row in file order does not depend on what cells hold.
        let identity = crate::analysis::rows::is_identity(&query);
        // The problems filter reads the list the status bar keeps, checked once per revision;
        // while that check runs, the rows shown stay as they were.
        let problems = (query.problems_only && !identity).then(|| self.problem_list());
        let doc = self.session.doc();
        let len = doc.len();
        let key = (if identity { len as u64 } else { doc.revision() }, query);
        let inline = identity || len < BACKGROUND_ROWS;
        let shared = self.session.doc_shared();
        let q = key.1.clone();
        let notify = self.notifier();
        let (rows, current) = self.derived.visible_cache.get(
            &key,
            inline,
            move || {
                crate::analysis::rows::visible_rows_checked(
                    &shared,
                    &q,
                    problems.as_deref().map(Vec::as_slice),
                )
            },
            notify,
        );
        self.visible_shown(rows, current)
    }

    /// `rows` as shown: while they are not `current`, without rows deleted since.
    fn visible_shown(
        &mut self,
        rows: Option<std::sync::Arc<Vec<usize>>>,
        current: bool,
    ) -> std::sync::Arc<Vec<usize>> {
        let len = self.session.doc().len();
        let rows = rows.unwrap_or_default();
        if current {
            self.derived.visible_len = len;
        } else if len < self.derived.visible_len {
            // Rows were deleted since: show what still exists until the new order arrives
            // (checked once per shrink, not every frame).
            self.derived.visible_len = len;
            let kept: Vec<usize> = rows.iter().copied().filter(|&r| r < len).collect();
            return self
                .derived
                .visible_cache
                .replace_last(kept)
                .unwrap_or_default();
        }
        rows
    }

    /// The document's problems as of its current revision, shared (copied once per revision).
    fn problem_list(&mut self) -> Arc<Vec<Problem>> {
        let rev = self.session.doc().revision();
        match &self.derived.problem_list {
            Some((r, list)) if *r == rev => Arc::clone(list),
            _ => {
                let list = Arc::new(self.session.problems().list().to_vec());
                self.derived.problem_list = Some((rev, Arc::clone(&list)));
                list
            }
        }
    }

    /// How many problems are cells, rows left out of the sums, and repeated rows.
    pub(super) fn problem_counts(&self) -> table::ProblemCounts {
        let problems = self.session.problems();
        let (cells, left_out) = (problems.cell_count(), problems.left_out_count());
        table::ProblemCounts {
            cells,
            rows: problems.list().len() - cells - left_out,
            left_out,
        }
    }

    /// The document's notices (extra columns holding figures), worked out once per revision.
    pub(super) fn notices(&mut self) -> std::sync::Arc<Vec<Notice>> {
        let rev = self.session.doc().revision();
        match &self.derived.notices {
            Some((r, n)) if *r == rev => std::sync::Arc::clone(n),
            _ => {
                let n = std::sync::Arc::new(self.session.doc().notices());
                self.derived.notices = Some((rev, std::sync::Arc::clone(&n)));
                n
            }
        }
    }

    /// How many problems the document has.
    pub(super) fn problem_count(&self) -> usize {
        self.session.problems().list().len()
    }
}
