//! Opening: what to open (dialog, path, sample), reading small files here and large ones on a
//! worker thread, the import preview's state, and accepting an import as the new session. The
//! loading and preview dialogs are in `dialogs.rs`.

use std::path::{Path, PathBuf};

use super::App;
use crate::background::Worker;
use crate::data::document::Edit;
use crate::data::value::DateOrder;
use crate::io::ReadOptions;
use crate::session::Import;
use crate::session::Session;
use crate::ui::preview::PreviewHistory;
use crate::ui::table::TableState;

/// Files larger than this load on a worker thread with a progress bar and Cancel.
const BACKGROUND_LOAD_BYTES: u64 = 2_000_000;

/// How many recently opened files are remembered.
const MAX_RECENT: usize = 10;

/// Something waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pending {
    Open(OpenTarget),
    Close,
}

/// What to open.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum OpenTarget {
    Dialog,
    Path(PathBuf),
    Sample,
}

/// A file read with guesses, waiting for the user to confirm the import preview.
pub(super) struct PreviewState {
    pub(super) path: PathBuf,
    bytes: Vec<u8>,
    pub(super) options: ReadOptions,
    pub(super) import: Import,
    /// The choices made in the preview, for its Undo and Redo.
    pub(super) history: PreviewHistory,
    /// The date order the file was read with before any choice (what undo after opening
    /// returns to).
    pub(super) first_date_order: DateOrder,
}

impl PreviewState {
    /// Reads the file again with `options`; on error nothing changes.
    pub(super) fn reread(&mut self, options: ReadOptions) -> Result<(), crate::io::FileError> {
        let format = crate::io::Format::from_path(&self.path);
        let mut import: Import = crate::io::read(&self.path, &self.bytes, format, &options)?;
        import.checked_problems();
        self.import = import;
        self.options = options;
        Ok(())
    }
}

/// A step in the import preview's history.
pub(super) enum PreviewStep {
    Undo,
    Redo,
}

/// What reading a file gives: its bytes (for the import preview) and the import.
pub type ReadResult = Result<(Vec<u8>, Import), crate::io::FileError>;

/// How the app reads a file it opens. The app uses [`read_file`]; a test can put in a reader
/// that fails in a way no real file can make it (a panic on the loading thread).
pub type FileReader = fn(&Path, &ReadOptions, &crate::io::Progress) -> ReadResult;

/// Reads a file as the app opens it: parsed, and summed per province and day on this thread.
pub fn read_file(path: &Path, options: &ReadOptions, progress: &crate::io::Progress) -> ReadResult {
    crate::io::read_path_progress(path, options, progress)
}

/// A file being read on a worker thread.
pub(super) struct Loading {
    pub(super) path: PathBuf,
    pub(super) progress: std::sync::Arc<crate::io::Progress>,
    worker: Worker<ReadResult>,
}

impl App {
    /// Puts `path` first in the recent files and makes it the file reopened next run.
    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path.clone());
        self.settings.recent.truncate(MAX_RECENT);
        self.settings.last_file = Some(path);
    }

    /// Makes `session` the open one, with a fresh table and caches.
    pub(super) fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.table = TableState::default();
        // The province selected in the last file's views is not selected in this one.
        self.selected_place = None;
        self.derived.visible_cache.clear();
        self.derived.visible_len = 0;
        self.derived.problem_list = None;
        self.derived.notices = None;
    }

    /// Opens a file: here when small, on a worker thread when large.
    pub(super) fn open_path(&mut self, path: &Path) {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > BACKGROUND_LOAD_BYTES {
            self.start_loading(path);
            return;
        }
        log::info!("opening {}", path.display());
        let result = (self.jobs.reader)(
            path,
            &ReadOptions::default(),
            &crate::io::Progress::default(),
        );
        self.finish_open(path, result);
    }

    /// Loads a large file on a worker thread; the window keeps responding and shows progress.
    /// A panic on that thread ends the load with an error message, never a progress window
    /// waiting for ever.
    fn start_loading(&mut self, path: &Path) {
        log::info!("opening {} on a worker thread", path.display());
        let progress = std::sync::Arc::new(crate::io::Progress::default());
        let (p, file, read) = (
            std::sync::Arc::clone(&progress),
            path.to_owned(),
            self.jobs.reader,
        );
        let ctx = self.window.ctx.clone();
        let spawned = Worker::spawn(
            "load-file",
            move || read(&file, &ReadOptions::default(), &p),
            move || {
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            },
        );
        match spawned {
            Ok(worker) => {
                self.jobs.loading = Some(Loading {
                    path: path.to_owned(),
                    progress,
                    worker,
                })
            }
            Err(e) => self.error(crate::tr!(
                "status-could-not-start",
                path = path.display().to_string(),
                reason = e.to_string()
            )),
        }
    }

    /// Takes the file a worker has read, if it is done.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.jobs.loading else {
            return;
        };
        match loading.worker.poll() {
            Some(result) => {
                let path = loading.path.clone();
                let cancelled = loading.progress.is_cancelled();
                self.jobs.loading = None;
                match result {
                    Ok(_) if cancelled => {}
                    Ok(result) => self.finish_open(&path, result),
                    Err(panic) => self.error(format!(
                        "{}\n\n{}",
                        crate::tr!(
                            "status-open-panic",
                            path = path.display().to_string(),
                            reason = panic.to_string()
                        ),
                        crate::tr!("status-data-unchanged")
                    )),
                }
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// A file read: shown in the import preview if something was guessed, else opened.
    fn finish_open(&mut self, path: &Path, result: ReadResult) {
        match result {
            Ok((bytes, import)) if import.report.needs_preview() => {
                // Something was guessed: show it before the data replaces what is open.
                self.preview = Some(PreviewState {
                    path: path.to_owned(),
                    bytes,
                    options: ReadOptions::default(),
                    first_date_order: import.report.date_order,
                    import,
                    history: PreviewHistory::default(),
                });
            }
            Ok((_, import)) => self.accept_import(path, import),
            Err(e) => self.error(format!(
                "{}\n\n{}",
                crate::tr!("status-could-not-open", error = e.text()),
                crate::tr!("status-data-unchanged")
            )),
        }
    }

    /// Opens an import as the new session.
    pub(super) fn accept_import(&mut self, path: &Path, import: Import) {
        self.accept_import_with_order(path, import, None);
    }

    /// Opens an import. A date order chosen in the preview (`first`: the order the file was read
    /// with before that) becomes the first undoable edit, so Edit ▸ Undo can take it back.
    pub(super) fn accept_import_with_order(
        &mut self,
        path: &Path,
        import: Import,
        first: Option<DateOrder>,
    ) {
        let rows = import.doc.len();
        let mut doc = import.doc;
        let chosen = doc.date_order();
        let undoable = first.filter(|&f| f != chosen).is_some_and(|f| {
            doc.apply(
                &Edit::SetDateOrder { order: f },
                &mut crate::data::document::NoObserver,
            )
            .is_ok()
        });
        // The aggregates and problems made while reading hold unless the date order was changed
        // just now.
        let agg = import.aggregates.filter(|_| !undoable);
        let problems = import.problems.filter(|_| !undoable);
        let mut session = Session::opened(doc, agg, problems, path);
        if undoable && session.apply(Edit::SetDateOrder { order: chosen }).is_ok() {
            // The data as opened is the unchanged state; undoing the choice is a change.
            session.mark_clean();
        }
        // A recovery copy is not cleared here: at start it is the crash's copy, offered once the
        // file is open (a file argument, the last file, a drop); later, edits left unsaved were
        // already written or discarded ("Don't Save" clears the copy).
        self.replace_session(session);
        self.remember_recent(path);
        // The problem list opens if the check found any (a large file was checked on the
        // loading thread), or a column of figures is kept as an extra column.
        if self.problem_count() > 0 || !self.notices().is_empty() {
            self.settings.show_problems = true;
        }
        self.info(crate::tr!(
            "status-opened",
            path = path.display().to_string(),
            rows = rows.to_string()
        ));
    }

    /// Opens `target`, asking first about unsaved changes.
    pub(super) fn request_open(&mut self, target: OpenTarget) {
        if self.session.is_dirty() {
            self.pending = Some(Pending::Open(target));
        } else {
            self.do_open(target);
        }
    }

    /// Opens `target` now.
    pub(super) fn do_open(&mut self, target: OpenTarget) {
        match target {
            OpenTarget::Dialog => {
                if let Some(path) = self.dialogs.pick_open() {
                    self.open_path(&path);
                }
            }
            OpenTarget::Path(p) => self.open_path(&p),
            OpenTarget::Sample => {
                self.replace_session(Session::sample());
                self.settings.last_file = None;
                self.info(crate::tr!("status-opened-sample"));
            }
        }
    }

    /// Undo or Redo of a choice in the import preview: the file is read again as it was.
    pub(super) fn preview_step(&mut self, step: PreviewStep) {
        let Some(state) = &mut self.preview else {
            return;
        };
        let target = match step {
            PreviewStep::Undo => state.history.undo_target(),
            PreviewStep::Redo => state.history.redo_target(),
        };
        let Some(target) = target.cloned() else {
            return;
        };
        let current = state.options.clone();
        match state.reread(target) {
            Ok(()) => match step {
                PreviewStep::Undo => state.history.undone(current),
                PreviewStep::Redo => state.history.redone(current),
            },
            Err(e) => self.error(crate::tr!("status-could-not-read", error = e.text())),
        }
    }
}
