//! The open document with everything that follows it: its aggregates, its file, and the undo
//! history. The UI changes the document only through [`Session::apply`]; undo replays the
//! inverse edits. No egui here.

use std::path::{Path, PathBuf};

use crate::analysis::{Aggregates, Filter, Granularity, LoadSums, View};
use crate::data::document::{Document, Edit, EditError};
use crate::data::problem_index::ProblemIndex;
use crate::io::{self, ErrorKind, FileError};

struct Step {
    /// The edit as the user made it (redo replays it).
    forward: Edit,
    /// The edit that undoes it.
    inverse: Edit,
    /// "edit of rigs seized in row 12", in any language.
    description: crate::i18n::Msg,
    /// State id before the edit.
    before: u64,
    /// State id after the edit.
    after: u64,
}

/// An open document and its history.
pub struct Session {
    /// Shared with background jobs (sorting, problems); an edit while one runs copies it.
    doc: std::sync::Arc<Document>,
    agg: Aggregates,
    /// The document's problems, following every edit.
    problems: ProblemIndex,
    path: Option<PathBuf>,
    name: String,
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    next_state: u64,
    saved_state: u64,
    /// The last views asked for (the dashboard asks for two: with and without hidden provinces).
    view_cache: Vec<((u64, Granularity, Filter), View)>,
}

/// A file read for a session: the document, the report, and the aggregates summed while it
/// was read ([`LoadSums`] is the reader's sink).
pub type Import = io::Import<LoadSums>;

impl Session {
    /// A session over a document; `path` is where Save writes (`None`: Save asks).
    pub fn new(doc: Document, path: Option<PathBuf>, name: impl Into<String>) -> Self {
        let agg = Aggregates::build(&doc);
        Session::with_aggregates(doc, agg, None, path, name)
    }

    /// A session over `doc` whose aggregates `agg` were already made (while the file was read),
    /// and its problems when they were checked too.
    fn with_aggregates(
        doc: Document,
        agg: Aggregates,
        problems: Option<ProblemIndex>,
        path: Option<PathBuf>,
        name: impl Into<String>,
    ) -> Self {
        let problems = problems.unwrap_or_else(|| ProblemIndex::build(&doc));
        Session {
            doc: std::sync::Arc::new(doc),
            agg,
            problems,
            path,
            name: name.into(),
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state: 0,
            view_cache: Vec::new(),
        }
    }

    /// The bundled sample data, not tied to a file (Save asks where to write).
    pub fn sample() -> Self {
        Session::new(io::sample_document(), None, io::SAMPLE_NAME)
    }

    /// Reads a file into a new session. On error nothing else changes.
    pub fn open(path: &Path) -> Result<Self, FileError> {
        let import: Import = io::read_path_with(path, &io::ReadOptions::default())?;
        Ok(Session::opened(
            import.doc,
            import.aggregates,
            import.problems,
            path,
        ))
    }

    /// A session over a document read from `path` (after an import preview, say), with its
    /// aggregates and problems when the reader made them.
    pub fn opened(
        doc: Document,
        agg: Option<Aggregates>,
        problems: Option<ProblemIndex>,
        path: &Path,
    ) -> Self {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let agg = agg.unwrap_or_else(|| Aggregates::build(&doc));
        Session::with_aggregates(doc, agg, problems, Some(path.to_owned()), name)
    }

    /// Marks the session as having unsaved changes (restored edits).
    pub fn mark_dirty(&mut self) {
        self.saved_state = u64::MAX;
    }

    /// Takes the current state as the unchanged one (a choice made while opening the file).
    pub fn mark_clean(&mut self) {
        self.saved_state = self.state;
    }

    /// The document shared, for work on another thread (it sees this revision).
    pub fn doc_shared(&self) -> std::sync::Arc<Document> {
        std::sync::Arc::clone(&self.doc)
    }

    /// The document (read only: change it with [`Session::apply`]).
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The file this session saves to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Name for the title bar.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True while there are changes since the last open or save.
    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// Applies an edit, records it for undo, and updates the aggregates incrementally.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let description = edit.describe(&self.doc);
        let inverse = std::sync::Arc::make_mut(&mut self.doc).apply(&edit, &mut self.agg)?;
        self.problems.follow(&self.doc, &edit);
        let before = self.state;
        self.state = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            forward: edit,
            inverse,
            description,
            before,
            after: self.state,
        });
        self.redo.clear();
        Ok(())
    }

    /// What Undo would undo ("edit of rigs seized in row 12"; shown with `.text()`).
    pub fn undo_description(&self) -> Option<&crate::i18n::Msg> {
        self.undo.last().map(|s| &s.description)
    }

    /// What Redo would redo.
    pub fn redo_description(&self) -> Option<&crate::i18n::Msg> {
        self.redo.last().map(|s| &s.description)
    }

    /// Undoes the last edit. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        match std::sync::Arc::make_mut(&mut self.doc).apply(&step.inverse, &mut self.agg) {
            Ok(_) => {
                self.problems.follow(&self.doc, &step.inverse);
                self.state = step.before;
                self.redo.push(step);
                true
            }
            Err(_) => {
                // Cannot happen with a consistent history; drop it rather than corrupt data.
                step.description = crate::i18n::Msg::default();
                self.undo.clear();
                false
            }
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match std::sync::Arc::make_mut(&mut self.doc).apply(&step.forward, &mut self.agg) {
            Ok(inverse) => {
                self.problems.follow(&self.doc, &step.forward);
                self.state = step.after;
                self.undo.push(Step { inverse, ..step });
                true
            }
            Err(_) => {
                self.redo.clear();
                false
            }
        }
    }

    /// Saves to the session's file.
    pub fn save(&mut self) -> Result<PathBuf, FileError> {
        let path = self.path.clone().ok_or_else(|| {
            FileError::new(
                Path::new(&self.name),
                ErrorKind::NoPath,
                crate::msg!("file-no-path"),
            )
        })?;
        self.save_as(&path)?;
        Ok(path)
    }

    /// Saves to `path` (format from its extension) and makes it the session's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), FileError> {
        io::write_path(&self.doc, path)?;
        self.path = Some(path.to_owned());
        self.name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.saved_state = self.state;
        Ok(())
    }

    /// The dashboard view for a grouping and filter, cached until the document or filter changes.
    pub fn view(&mut self, granularity: Granularity, filter: &Filter) -> &View {
        const KEEP: usize = 2;
        let key = (self.doc.revision(), granularity, filter.clone());
        match self.view_cache.iter().position(|(k, _)| *k == key) {
            Some(i) => {
                let hit = self.view_cache.remove(i);
                self.view_cache.push(hit);
            }
            None => {
                let view = self.agg.view(granularity, filter);
                if self.view_cache.len() >= KEEP {
                    self.view_cache.remove(0);
                }
                self.view_cache.push((key, view));
            }
        }
        &self.view_cache.last().expect("the view was just cached").1
    }

    /// The document's problems, up to date with every edit.
    pub fn problems(&self) -> &ProblemIndex {
        &self.problems
    }

    /// Aggregates (for places with data and undated rows).
    pub fn aggregates(&self) -> &Aggregates {
        &self.agg
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::{Column, Field, Metric};

    #[test]
    fn undo_returns_to_saved_state() {
        let mut s = Session::sample();
        assert!(!s.is_dirty());
        s.apply(Edit::SetCell {
            row: 0,
            column: Column::Field(Field::Rigs),
            text: "5".into(),
        })
        .unwrap();
        assert!(s.is_dirty());
        assert!(
            s.undo_description()
                .unwrap()
                .contains("rigs seized in row 1")
        );
        assert!(s.undo());
        assert!(!s.is_dirty());
        assert!(s.redo());
        assert!(s.is_dirty());
    }

    #[test]
    fn a_choice_made_while_opening_is_clean_and_undoing_it_is_a_change() {
        let mut s = Session::sample();
        s.apply(Edit::SetDateOrder {
            order: crate::data::value::DateOrder::MonthFirst,
        })
        .unwrap();
        s.mark_clean();
        assert!(!s.is_dirty());
        assert_eq!(
            s.undo_description().map(|d| d.english()),
            Some("date order month/day/year")
        );
        assert!(s.undo());
        assert!(s.is_dirty());
        assert!(s.redo());
        assert!(!s.is_dirty());
    }

    #[test]
    fn view_follows_edits() {
        let mut s = Session::sample();
        let before = s.view(Granularity::Year, &Filter::default()).totals[Metric::Rigs.index()];
        s.apply(Edit::InsertRow {
            at: 0,
            cells: vec![
                (Column::Field(Field::Date), "2020-01-01".into()),
                (Column::Field(Field::Province), "Hebei".into()),
                (Column::Field(Field::Rigs), "7".into()),
            ],
        })
        .unwrap();
        let after = s.view(Granularity::Year, &Filter::default()).totals[Metric::Rigs.index()];
        assert_eq!(after, before + 7.0);
    }
}
