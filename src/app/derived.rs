//! What the views show worked out from the document: the table's visible rows and the checked
//! problem list, cached per revision (large documents work them out on a worker thread). Not
//! the views themselves.

use super::App;
use crate::analysis::rows::RowQuery;
use crate::background::Background;
use crate::data::document::{Notice, Problem};
use crate::ui::table;

/// Documents from this many rows sort, filter and list problems on a worker thread.
const BACKGROUND_ROWS: usize = 50_000;

/// A document's problems, and how many are cells that did not parse (the rest are repeated
/// rows), counted where they are checked.
#[derive(Default)]
pub(super) struct CheckedProblems {
    pub(super) list: Vec<Problem>,
    pub(super) counts: table::ProblemCounts,
}

impl CheckedProblems {
    /// Counts the cells among `list`.
    fn of(list: Vec<Problem>) -> Self {
        let cells = list.iter().filter(|p| p.column.is_some()).count();
        let counts = table::ProblemCounts {
            cells,
            rows: list.len() - cells,
        };
        CheckedProblems { list, counts }
    }
}

/// The caches of what is derived from the document, cleared when another document is opened.
#[derive(Default)]
pub(super) struct Derived {
    /// The table's rows for (revision or length, query); large documents sort on a worker.
    pub(super) visible_cache: Background<(u64, RowQuery), Vec<usize>>,
    /// Document length the table's last rows were checked against (none is beyond it).
    pub(super) visible_len: usize,
    /// Problems per revision; large documents list them on a worker.
    pub(super) problems_cache: Background<u64, CheckedProblems>,
    /// A file was just opened: show the problem list if its check finds any.
    pub(super) show_problems_when_checked: bool,
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
        let problems = if query.problems_only && !identity {
            match self.problems_current() {
                Some(list) => Some(list),
                None => return self.visible_until_ready(),
            }
        } else {
            None
        };
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
                    problems.as_deref().map(|p| p.list.as_slice()),
                )
            },
            notify,
        );
        self.visible_shown(rows, current)
    }

    /// The rows shown while their new order is worked out.
    fn visible_until_ready(&mut self) -> std::sync::Arc<Vec<usize>> {
        let rows = self.derived.visible_cache.last();
        self.visible_shown(rows, false)
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

    /// The document's problems as last checked, and whether that check is of the current
    /// revision (one is started if not: here for a small document, on a worker for a large one).
    fn checked_problems(&mut self) -> (std::sync::Arc<CheckedProblems>, bool) {
        let rev = self.session.doc().revision();
        let inline = self.session.doc().len() < BACKGROUND_ROWS;
        let shared = self.session.doc_shared();
        let notify = self.notifier();
        let (checked, fresh) = self.derived.problems_cache.get(
            &rev,
            inline,
            move || CheckedProblems::of(shared.problems()),
            notify,
        );
        let checked = checked.unwrap_or_default();
        let noticed = fresh && !self.notices().is_empty();
        if fresh
            && std::mem::take(&mut self.derived.show_problems_when_checked)
            && (!checked.list.is_empty() || noticed)
        {
            self.settings.show_problems = true;
        }
        (checked, fresh)
    }

    /// The problem list when it is checked for the current revision (starting the check if not).
    fn problems_current(&mut self) -> Option<std::sync::Arc<CheckedProblems>> {
        let (checked, fresh) = self.checked_problems();
        fresh.then_some(checked)
    }

    /// The problem list as last checked (starting a check of the current revision if needed).
    pub(super) fn problems(&mut self) -> std::sync::Arc<CheckedProblems> {
        self.checked_problems().0
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

    /// How many problems the last check found.
    pub(super) fn problem_count(&mut self) -> usize {
        self.problems().list.len()
    }
}
