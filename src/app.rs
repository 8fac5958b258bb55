//! The application: owns the session (document, aggregates, history), the view settings and the
//! dialogs, lays out the views and routes what they ask for into edit commands.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Key, KeyboardShortcut, Modifiers, RichText, ViewportCommand};

use crate::analysis::rows::RowQuery;
use crate::background::Background;

/// Documents from this many rows sort, filter and list problems on a worker thread.
const BACKGROUND_ROWS: usize = 50_000;
use crate::analysis::{Filter, View};
use crate::data::document::Problem;
use crate::data::document::{Column, Edit, Field, Metric, Place};
use crate::data::value::DateOrder;
use crate::frame_stats::FrameStats;
use crate::io::{Import, ReadOptions};
use crate::recovery::{Recovered, Recovery};
use crate::session::Session;
use crate::ui::charts::{self, ChartInput, ChartLayout};
use crate::ui::dialogs::{FileDialogs, NativeDialogs, SaveKind};
use crate::ui::filters::{self, ViewSettings};
use crate::ui::paint::internals::{ChartCache, ChartHold};
use crate::ui::preview::{self, PreviewChoice, PreviewHistory};
use crate::ui::table::{self, Editing, RowAction, TableState};
use crate::ui::{cards, export, problems, theme};

/// The window title's fixed part.
pub const APP_NAME: &str = "Mining Crackdown Dashboard";

/// Settings remembered between runs.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Grouping, mode and filters.
    pub view: ViewSettings,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The file open when the app was last closed.
    pub last_file: Option<PathBuf>,
    /// The problems panel is open.
    pub show_problems: bool,
}

/// What to open at start.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// When the process started; with `CRACKDOWN_REPORT_STARTUP` set, the time to the first
    /// drawn frame is printed on stderr (how the startup figure in the README is measured).
    pub started: Option<std::time::Instant>,
    /// A file given on the command line (or by the OS on double-click).
    pub file: Option<PathBuf>,
    /// Open the bundled sample data, ignoring the last file.
    pub sample: bool,
    /// Where unsaved edits are kept for crash recovery (default: the app's data folder).
    pub recovery_dir: Option<PathBuf>,
    /// How long after a change unsaved edits are written for recovery (default 3 s).
    pub autosave_delay: Option<std::time::Duration>,
    /// Measure this many frames while the table scrolls, print the frame times on stderr and
    /// close (`CRACKDOWN_FRAME_STATS=N`, see [`crate::frame_stats`]).
    pub frame_stats: Option<usize>,
    /// The window's background is the clear colour, and panels paint no fill of their own (the
    /// native window: software OpenGL then shades each pixel once less per frame). Off in tests,
    /// whose renderer clears to transparent.
    pub background_from_clear: bool,
    /// While the charts look the same from frame to frame they are painted from a picture of
    /// themselves (see [`crate::ui::paint::internals::chart_cache`]): the native window. Off in tests unless a
    /// test turns it on.
    pub chart_pictures: bool,
}

/// A document's problems, and how many are cells that did not parse (the rest are repeated
/// rows), counted where they are checked.
#[derive(Default)]
struct CheckedProblems {
    list: Vec<Problem>,
    counts: table::ProblemCounts,
}

impl CheckedProblems {
    fn of(list: Vec<Problem>) -> Self {
        let cells = list.iter().filter(|p| p.column.is_some()).count();
        let counts = table::ProblemCounts {
            cells,
            rows: list.len() - cells,
        };
        CheckedProblems { list, counts }
    }
}

/// What the cards and charts show. While it stays the same and no input can reach them, a frame
/// may paint them from their picture without laying them out (see [`crate::ui::paint::internals::chart_hold`]).
#[derive(PartialEq)]
struct DashboardKey {
    /// The view with hidden provinces left out (cards, bars, lines).
    view: View,
    /// The view with every province (legends).
    all: View,
    hidden: BTreeSet<Place>,
    cumulative: bool,
    /// The chart being exported (drawn without its Export button).
    capture: Option<Metric>,
}

/// Something waiting for the user to decide about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Open(OpenTarget),
    Close,
}

/// What to open.
#[derive(Clone, Debug, PartialEq)]
enum OpenTarget {
    Dialog,
    Path(PathBuf),
    Sample,
}

/// A file read with guesses, waiting for the user to confirm the import preview.
struct PreviewState {
    path: PathBuf,
    bytes: Vec<u8>,
    options: ReadOptions,
    import: Import,
    /// The choices made in the preview, for its Undo and Redo.
    history: PreviewHistory,
    /// The date order the file was read with before any choice (what undo after opening
    /// returns to).
    first_date_order: DateOrder,
}

impl PreviewState {
    /// Reads the file again with `options`; on error nothing changes.
    fn reread(&mut self, options: ReadOptions) -> Result<(), crate::io::FileError> {
        let format = crate::io::Format::from_path(&self.path);
        self.import = crate::io::read(&self.path, &self.bytes, format, &options)?;
        self.options = options;
        Ok(())
    }
}

/// A step in the import preview's history.
enum PreviewStep {
    Undo,
    Redo,
}

struct ExportJob {
    metric: Metric,
    path: PathBuf,
    rect: egui::Rect,
    pixels_per_point: f32,
}

/// A message for the user: errors in a dialog, information in the status bar.
#[derive(Clone, Debug)]
struct Message {
    text: String,
    error: bool,
}

/// Files larger than this load on a worker thread with a progress bar and Cancel.
const BACKGROUND_LOAD_BYTES: u64 = 2_000_000;

/// Where a worker thread leaves the file it read.
type LoadSlot = std::sync::Arc<Mutex<Option<Result<(Vec<u8>, Import), crate::io::FileError>>>>;

/// A file being read on a worker thread.
struct Loading {
    path: PathBuf,
    progress: std::sync::Arc<crate::io::Progress>,
    slot: LoadSlot,
}

/// The dashboard application.
pub struct App {
    settings: Settings,
    session: Session,
    dialogs: Box<dyn FileDialogs>,
    table: TableState,
    message: Option<Message>,
    pending: Option<Pending>,
    allow_close: bool,
    export_request: Option<(Metric, PathBuf)>,
    export_job: Option<ExportJob>,
    screenshot: Arc<Mutex<Option<Arc<ColorImage>>>>,
    layouts: [ChartLayout; 4],
    sent_title: String,
    /// The table's rows for (revision or length, query); large documents sort on a worker.
    visible_cache: Background<(u64, RowQuery), Vec<usize>>,
    /// Document length the table's last rows were checked against (none is beyond it).
    visible_len: usize,
    /// Problems per revision; large documents list them on a worker.
    problems_cache: Background<u64, CheckedProblems>,
    /// A file was just opened: show the problem list if its check finds any.
    show_problems_when_checked: bool,
    report_startup: Option<std::time::Instant>,
    preview: Option<PreviewState>,
    loading: Option<Loading>,
    ctx: Option<egui::Context>,
    recovery: Option<Recovery>,
    recovered: Option<Recovered>,
    autosave_delay: std::time::Duration,
    autosave_due: Option<std::time::Instant>,
    frame_stats: Option<FrameStats>,
    background_from_clear: bool,
    chart_cache: ChartCache,
    chart_hold: ChartHold<DashboardKey>,
}

const MAX_RECENT: usize = 10;

pub use crate::ui::paint::internals::forget_scroll_positions;

impl App {
    /// The app with the operating system's file dialogs.
    pub fn new(cc: &eframe::CreationContext<'_>, start: StartOptions) -> Self {
        Self::with_dialogs(cc, start, Box::new(NativeDialogs::default()))
    }

    /// The app with the given dialogs (tests answer them like a user).
    pub fn with_dialogs(
        cc: &eframe::CreationContext<'_>,
        start: StartOptions,
        dialogs: Box<dyn FileDialogs>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        forget_scroll_positions(&cc.egui_ctx);
        let mut app = App {
            settings,
            session: Session::sample(),
            dialogs,
            table: TableState::default(),
            message: None,
            pending: None,
            allow_close: false,
            export_request: None,
            export_job: None,
            screenshot: Arc::default(),
            layouts: [ChartLayout::default(); 4],
            sent_title: String::new(),
            visible_cache: Background::default(),
            visible_len: 0,
            problems_cache: Background::default(),
            show_problems_when_checked: false,
            preview: None,
            loading: None,
            ctx: Some(cc.egui_ctx.clone()),
            recovery: start
                .recovery_dir
                .clone()
                .or_else(Recovery::default_dir)
                .map(Recovery::new),
            recovered: None,
            autosave_delay: start
                .autosave_delay
                .unwrap_or(std::time::Duration::from_secs(3)),
            autosave_due: None,
            report_startup: start
                .started
                .filter(|_| std::env::var_os("CRACKDOWN_REPORT_STARTUP").is_some()),
            frame_stats: start.frame_stats.map(FrameStats::new),
            background_from_clear: start.background_from_clear,
            chart_cache: ChartCache::new(start.chart_pictures),
            chart_hold: ChartHold::default(),
        };
        let file = if start.sample {
            None
        } else {
            start
                .file
                .or_else(|| app.settings.last_file.clone().filter(|p| p.is_file()))
        };
        if let Some(path) = file {
            app.open_path(&path);
        }
        // Edits left unsaved by a crash or a killed process are offered back.
        app.recovered = app.recovery.as_ref().and_then(Recovery::pending);
        app
    }

    /// Whether the last frame painted the charts from a picture of them (see
    /// [`crate::ui::paint::internals::chart_cache`]).
    pub fn charts_from_picture(&self) -> bool {
        self.chart_cache.used()
    }

    /// Whether the last frame painted the cards and charts from their picture without laying
    /// them out (see [`crate::ui::paint::internals::chart_hold`]).
    pub fn charts_skipped(&self) -> bool {
        self.chart_hold.skipped()
    }

    /// How many frames so far painted the cards and charts without laying them out.
    pub fn charts_skipped_frames(&self) -> u64 {
        self.chart_hold.skipped_frames()
    }

    /// Unsaved edits found at start, waiting for Restore or Discard.
    pub fn recovered(&self) -> Option<&Recovered> {
        self.recovered.as_ref()
    }

    /// The open session (read only).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The current view settings.
    pub fn view_settings(&self) -> &ViewSettings {
        &self.settings.view
    }

    /// Where each chart was drawn last frame, in [`Metric::ALL`] order.
    pub fn chart_layout(&self, metric: Metric) -> ChartLayout {
        self.layouts[metric.index()]
    }

    /// The view the dashboard currently shows.
    pub fn current_view(&mut self) -> View {
        let (g, f) = (
            self.settings.view.granularity,
            self.settings.view.filter.clone(),
        );
        self.session.view(g, &f).clone()
    }

    /// Screen position of a place's bar (or line point) in a chart, from the last frame.
    pub fn chart_point(&mut self, metric: Metric, place: Place, period: i32) -> Option<egui::Pos2> {
        let view = self.current_view();
        let s = &self.settings.view;
        charts::point_position(
            &self.layouts[metric.index()],
            view.chart(metric)?,
            s.granularity,
            s.cumulative,
            place,
            period,
        )
    }

    fn title(&self) -> String {
        let marker = if self.session.is_dirty() { "*" } else { "" };
        format!("{marker}{} — {APP_NAME}", self.session.name())
    }

    fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path.clone());
        self.settings.recent.truncate(MAX_RECENT);
        self.settings.last_file = Some(path);
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.table = TableState::default();
        self.visible_cache.clear();
        self.visible_len = 0;
        self.problems_cache.clear();
        self.show_problems_when_checked = false;
    }

    fn open_path(&mut self, path: &Path) {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > BACKGROUND_LOAD_BYTES {
            self.start_loading(path);
            return;
        }
        let result = crate::io::read_path_progress(
            path,
            &ReadOptions::default(),
            &crate::io::Progress::default(),
        );
        self.finish_open(path, result);
    }

    /// Loads a large file on a worker thread; the window keeps responding and shows progress.
    fn start_loading(&mut self, path: &Path) {
        let progress = std::sync::Arc::new(crate::io::Progress::default());
        let slot: LoadSlot = std::sync::Arc::default();
        let (p, s, file) = (
            std::sync::Arc::clone(&progress),
            std::sync::Arc::clone(&slot),
            path.to_owned(),
        );
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("load-file".into())
            .spawn(move || {
                let result = crate::io::read_path_progress(&file, &ReadOptions::default(), &p);
                if let Ok(mut slot) = s.lock() {
                    *slot = Some(result);
                }
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.loading = Some(Loading {
                    path: path.to_owned(),
                    progress,
                    slot,
                })
            }
            Err(e) => self.error(format!("Could not start loading {}: {e}", path.display())),
        }
    }

    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else { return };
        let result = loading.slot.lock().ok().and_then(|mut s| s.take());
        match result {
            Some(result) => {
                let path = loading.path.clone();
                let cancelled = loading.progress.is_cancelled();
                self.loading = None;
                if !cancelled {
                    self.finish_open(&path, result);
                }
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    fn loading_ui(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else { return };
        let (done, total) = loading.progress.get();
        let name = loading.path.file_name().map_or_else(
            || loading.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("loading_modal")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(format!("Opening “{name}”"));
            let fraction = if total > 0 {
                done as f32 / total as f32
            } else {
                0.0
            };
            // The file's size is half the total: reading and parsing count it once each,
            // one after the other or together (a CSV file is parsed as it is read).
            let size = (total / 2) as f64 / 1e6;
            let text = format!("{:.1} of {:.1} MB read", f64::from(fraction) * size, size);
            ui.add(egui::ProgressBar::new(fraction).show_percentage())
                .accessible_name(format!("Loading progress: {text}"));
            ui.label(text);
            ui.add_space(6.0);
            if ui.button("Cancel loading").clicked() {
                cancel = true;
            }
        });
        if cancel {
            loading.progress.cancel();
            self.loading = None;
            self.info("Loading cancelled; the data that was open is unchanged");
        }
    }

    fn finish_open(
        &mut self,
        path: &Path,
        result: Result<(Vec<u8>, Import), crate::io::FileError>,
    ) {
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
                "Could not open {e}\n\nThe data that was open is unchanged."
            )),
        }
    }

    fn accept_import(&mut self, path: &Path, import: Import) {
        self.accept_import_with_order(path, import, None);
    }

    /// Opens an import. A date order chosen in the preview (`first`: the order the file was read
    /// with before that) becomes the first undoable edit, so Edit ▸ Undo can take it back.
    fn accept_import_with_order(&mut self, path: &Path, import: Import, first: Option<DateOrder>) {
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
        // The aggregates made while reading hold unless the date order was changed just now.
        let agg = import.aggregates.filter(|_| !undoable);
        let mut session = Session::opened(doc, agg, path);
        if undoable && session.apply(Edit::SetDateOrder { order: chosen }).is_ok() {
            // The data as opened is the unchanged state; undoing the choice is a change.
            session.mark_clean();
        }
        self.replace_session(session);
        if let Some(r) = &self.recovery {
            r.clear();
        }
        self.remember_recent(path);
        // The problem list opens if the check finds any: a small file is checked here and now,
        // a large one on a worker (the window would stop for a third of a second at a million
        // rows), the list opening when that is done.
        self.show_problems_when_checked = true;
        self.problems();
        self.info(format!("Opened {} ({rows} rows)", path.display()));
    }

    fn request_open(&mut self, target: OpenTarget) {
        if self.session.is_dirty() {
            self.pending = Some(Pending::Open(target));
        } else {
            self.do_open(target);
        }
    }

    fn do_open(&mut self, target: OpenTarget) {
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
                self.info("Opened the sample data");
            }
        }
    }

    /// Saves; returns true when the data is safely on disk.
    fn save(&mut self) -> bool {
        if self.session.path().is_none() {
            return self.save_as();
        }
        match self.session.save() {
            Ok(p) => {
                self.saved(&p);
                true
            }
            Err(e) => {
                self.error(format!("Could not save {e}"));
                false
            }
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = match self.session.path() {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => "crackdown-events.csv".to_owned(),
        };
        let Some(mut path) = self.dialogs.pick_save(SaveKind::Data, &suggested) else {
            return false;
        };
        if crate::io::Format::from_path(&path).is_none() {
            path.set_extension("csv");
        }
        match self.session.save_as(&path) {
            Ok(()) => {
                self.saved(&path);
                true
            }
            Err(e) => {
                self.error(format!("Could not save {e}"));
                false
            }
        }
    }

    fn saved(&mut self, path: &Path) {
        self.remember_recent(path);
        if let Some(r) = &self.recovery {
            r.clear();
        }
        self.autosave_due = None;
        self.info(format!("Saved {}", path.display()));
    }

    /// After any change: unsaved edits are written for recovery a few seconds later; back at
    /// the saved state there is nothing to recover.
    fn changed(&mut self) {
        if self.session.is_dirty() {
            self.autosave_due = Some(std::time::Instant::now() + self.autosave_delay);
        } else {
            self.autosave_due = None;
            if let Some(r) = &self.recovery {
                r.clear();
            }
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(due) = self.autosave_due else { return };
        let now = std::time::Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.autosave_due = None;
        if let Some(r) = &self.recovery
            && let Err(e) = r.write(self.session.doc(), self.session.path(), self.session.name())
        {
            self.info(format!("Could not keep a recovery copy: {e}"));
        }
    }

    /// Applies an edit through the session (so undo replays it); false when it failed.
    fn apply(&mut self, edit: Edit) -> bool {
        let result = self.session.apply(edit);
        if let Err(e) = &result {
            self.error(format!("That change could not be made: {e}"));
        }
        self.changed();
        result.is_ok()
    }

    /// Applies the cell being edited, as a spreadsheet does before saving or opening.
    fn commit_editing(&mut self) {
        if let Some(ed) = self.table.editing.take()
            && self.session.doc().cell_text(ed.row, ed.column) != ed.buffer.as_str()
        {
            self.apply(Edit::SetCell {
                row: ed.row,
                column: ed.column,
                text: ed.buffer,
            });
        }
    }

    fn undo(&mut self) {
        self.table.editing = None;
        if let Some(d) = self.session.undo_description().map(str::to_owned)
            && self.session.undo()
        {
            self.info(format!("Undid {d}"));
            self.changed();
        }
    }

    fn redo(&mut self) {
        self.table.editing = None;
        if let Some(d) = self.session.redo_description().map(str::to_owned)
            && self.session.redo()
        {
            self.info(format!("Redid {d}"));
            self.changed();
        }
    }

    /// Inserts, duplicates or deletes the selected rows as one undo step, then selects the rows
    /// it made (or the row that took the deleted ones' place).
    fn row_action(&mut self, action: RowAction) {
        self.commit_editing();
        let visible = self.visible_rows();
        let Some(plan) = table::plan_rows(self.session.doc(), &visible, &self.table, action) else {
            return;
        };
        let description = plan.edit.describe(self.session.doc());
        if !self.apply(plan.edit) {
            return;
        }
        let visible = self.visible_rows();
        self.table.select_rows(&visible, plan.select.clone());
        if plan.edit_new_row {
            // A new empty row: type its date straight away.
            let at = plan.select.start;
            let col = self
                .session
                .doc()
                .columns()
                .iter()
                .position(|&c| c == Column::Field(Field::Date))
                .unwrap_or(0);
            self.table.whole = table::Whole::Cells;
            self.table.cursor = Some((at, col));
            self.table.editing = Some(Editing {
                row: at,
                column: self.session.doc().columns()[col],
                buffer: String::new(),
                focused: false,
            });
        }
        let mut done = description;
        if let Some(first) = done.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        self.info(format!("{done} (Ctrl+Z undoes)"));
    }

    fn start_export(&mut self, metric: Metric) {
        let name = format!("{}.png", metric.title().to_lowercase().replace(' ', "-"));
        if let Some(path) = self.dialogs.pick_save(SaveKind::Png, &name) {
            self.export_request = Some((metric, export::with_png_extension(&path)));
        }
    }

    fn row_query(&self) -> RowQuery {
        RowQuery {
            filter: self.settings.view.filter.clone(),
            search: self.table.search.clone(),
            problems_only: self.table.problems_only,
            sort: self.table.sort,
        }
    }

    fn notifier(&self) -> impl FnOnce() + Send + 'static {
        let ctx = self.ctx.clone();
        move || {
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        }
    }

    fn visible_rows(&mut self) -> std::sync::Arc<Vec<usize>> {
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
        let (rows, current) = self.visible_cache.get(
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
        let rows = self.visible_cache.last();
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
            self.visible_len = len;
        } else if len < self.visible_len {
            // Rows were deleted since: show what still exists until the new order arrives
            // (checked once per shrink, not every frame).
            self.visible_len = len;
            let kept: Vec<usize> = rows.iter().copied().filter(|&r| r < len).collect();
            return self.visible_cache.replace_last(kept).unwrap_or_default();
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
        let (checked, fresh) = self.problems_cache.get(
            &rev,
            inline,
            move || CheckedProblems::of(shared.problems()),
            notify,
        );
        let checked = checked.unwrap_or_default();
        if fresh && std::mem::take(&mut self.show_problems_when_checked) && !checked.list.is_empty()
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

    fn problems(&mut self) -> std::sync::Arc<CheckedProblems> {
        self.checked_problems().0
    }

    fn problem_count(&mut self) -> usize {
        self.problems().list.len()
    }

    /// Selects a problem's cell in the table, ready to be fixed.
    fn focus_cell(&mut self, row: usize, column: Option<Column>) {
        let visible = self.visible_rows();
        let Some(index) = visible.iter().position(|&r| r == row) else {
            self.info(format!(
                "Row {} is hidden by the province or date filter",
                row + 1
            ));
            return;
        };
        self.table.selected = Some(row);
        self.table.scroll_to = Some((index, egui::Align::Center));
        self.table.editing = column.map(|c| Editing {
            row,
            column: c,
            buffer: self.session.doc().cell_text(row, c).into_owned(),
            focused: false,
        });
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // A focused text field keeps Ctrl+Z for its own text.
        let editing_text = ctx.text_edit_focused();
        let shortcut = |m: Modifiers, k: Key| KeyboardShortcut::new(m, k);
        let consume = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_shortcut(&shortcut(m, k)));
        // Longer chords first: Ctrl+S would also match Ctrl+Shift+S.
        if consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::S) {
            self.commit_editing();
            self.save_as();
        }
        if consume(Modifiers::COMMAND, Key::S) {
            self.commit_editing();
            self.save();
        }
        if consume(Modifiers::COMMAND, Key::O) {
            self.commit_editing();
            self.request_open(OpenTarget::Dialog);
        }
        if !editing_text {
            // While the import preview is open, undo and redo step through its choices.
            let preview = self.preview.is_some();
            if consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z)
                || consume(Modifiers::COMMAND, Key::Y)
            {
                if preview {
                    self.preview_step(PreviewStep::Redo);
                } else {
                    self.redo();
                }
            }
            if consume(Modifiers::COMMAND, Key::Z) {
                if preview {
                    self.preview_step(PreviewStep::Undo);
                } else {
                    self.undo();
                }
            }
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.request_open(OpenTarget::Dialog);
                }
                ui.menu_button("Open Recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(RichText::new("No recent files").weak());
                    }
                    for p in self.settings.recent.clone() {
                        let name = p.file_name().map_or_else(
                            || p.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        );
                        if ui
                            .button(name)
                            .on_hover_text(p.display().to_string())
                            .clicked()
                        {
                            self.request_open(OpenTarget::Path(p));
                        }
                    }
                    if !self.settings.recent.is_empty() {
                        ui.separator();
                        if ui.button("Clear list").clicked() {
                            self.settings.recent.clear();
                        }
                    }
                });
                ui.separator();
                if ui
                    .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    self.commit_editing();
                    self.save();
                }
                if ui
                    .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
                    .clicked()
                {
                    self.commit_editing();
                    self.save_as();
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.session.undo_description().map(|d| format!("Undo {d}"));
                if ui
                    .add_enabled(
                        undo.is_some(),
                        egui::Button::new(undo.as_deref().unwrap_or("Undo"))
                            .shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    self.undo();
                }
                let redo = self.session.redo_description().map(|d| format!("Redo {d}"));
                if ui
                    .add_enabled(
                        redo.is_some(),
                        egui::Button::new(redo.as_deref().unwrap_or("Redo"))
                            .shortcut_text("Ctrl+Y"),
                    )
                    .clicked()
                {
                    self.redo();
                }
                ui.separator();
                let visible = self.visible_rows();
                let n = table::selected_count(
                    &self.table,
                    &visible,
                    self.session.doc().columns().len(),
                );
                if let Some(action) = table::row_menu(ui, n) {
                    self.row_action(action);
                }
            });
            ui.menu_button("Data", |ui| {
                ui.label(RichText::new("Read numeric dates like 03/04/2021 as").weak());
                let current = self.session.doc().date_order();
                for order in [
                    crate::data::value::DateOrder::DayFirst,
                    crate::data::value::DateOrder::MonthFirst,
                ] {
                    if ui.radio(current == order, order.label()).clicked() && current != order {
                        self.apply(Edit::SetDateOrder { order });
                    }
                }
            });
            ui.menu_button("View", |ui| {
                let v = &mut self.settings.view;
                for g in crate::analysis::Granularity::ALL {
                    ui.radio_value(
                        &mut v.granularity,
                        g,
                        format!("By {}", g.label().to_lowercase()),
                    );
                }
                ui.separator();
                ui.radio_value(&mut v.cumulative, false, "Per period (bars)");
                ui.radio_value(&mut v.cumulative, true, "Cumulative (lines)");
                ui.separator();
                if ui.button("Show all provinces and dates").clicked() {
                    v.filter = Filter::default();
                    v.from_text.clear();
                    v.to_text.clear();
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Open sample data").clicked() {
                    self.request_open(OpenTarget::Sample);
                }
                ui.label(RichText::new(format!("{APP_NAME} {}", env!("CARGO_PKG_VERSION"))).weak());
            });
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let problems = self.problem_count();
        let shown = self.visible_rows().len();
        let undated = self.session.aggregates().undated_with_figures();
        ui.horizontal(|ui| {
            let name = match self.session.path() {
                Some(p) => p.display().to_string(),
                None => self.session.name().to_owned(),
            };
            let dirty = if self.session.is_dirty() {
                " (unsaved changes)"
            } else {
                ""
            };
            ui.label(format!("{name}{dirty}"));
            ui.separator();
            let total = crate::data::value::group_thousands(self.session.doc().len() as f64, 0);
            if shown == self.session.doc().len() {
                ui.label(format!("{total} rows"));
            } else {
                ui.label(format!(
                    "{} of {total} rows",
                    crate::data::value::group_thousands(shown as f64, 0)
                ));
            }
            // No spinner: it would repaint every frame; the worker asks for one when done.
            if self.visible_cache.is_busy() {
                ui.label(
                    RichText::new("sorting and filtering…").color(theme::weak_text(ui.visuals())),
                );
            }
            ui.separator();
            let text = match problems {
                _ if self.problems_cache.is_busy() => "checking for problems…".to_owned(),
                0 => "no problems".to_owned(),
                1 => "1 problem".to_owned(),
                n => format!("{n} problems"),
            };
            let color = if problems > 0 {
                theme::error_text(ui.visuals())
            } else {
                theme::weak_text(ui.visuals())
            };
            if ui
                .selectable_label(
                    self.settings.show_problems,
                    RichText::new(text).color(color),
                )
                .on_hover_text("Show or hide the list of problems")
                .clicked()
            {
                self.settings.show_problems = !self.settings.show_problems;
            }
            if undated > 0 {
                ui.separator();
                ui.label(
                    RichText::new(format!(
                        "{undated} rows with figures have no valid date and are not charted"
                    ))
                    .color(theme::error_text(ui.visuals())),
                );
            }
            if let Some(m) = self.message.clone().filter(|m| !m.error) {
                ui.separator();
                ui.label(m.text);
            }
        });
    }

    fn preview_ui(&mut self, ctx: &egui::Context) {
        let Some(state) = &self.preview else { return };
        let name = state.path.file_name().map_or_else(
            || state.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let choice = egui::Modal::new(egui::Id::unique("import_preview"))
            .show(ctx, |ui| {
                ui.set_max_width(ctx.content_rect().width() * 0.8);
                preview::preview_ui(ui, &name, &state.import, &state.options, &state.history)
            })
            .inner;
        match choice {
            Some(PreviewChoice::Open) => {
                if let Some(state) = self.preview.take() {
                    let first = state
                        .options
                        .date_order
                        .is_some()
                        .then_some(state.first_date_order);
                    self.accept_import_with_order(&state.path, state.import, first);
                }
            }
            Some(PreviewChoice::Cancel) => {
                self.preview = None;
                self.info("Import cancelled; the data that was open is unchanged");
            }
            Some(PreviewChoice::Reread { options, label }) => {
                if let Some(state) = &mut self.preview {
                    let before = state.options.clone();
                    match state.reread(options) {
                        Ok(()) => state.history.record(before, label),
                        Err(e) => self.error(format!("Could not read {e} that way")),
                    }
                }
            }
            Some(PreviewChoice::Undo) => self.preview_step(PreviewStep::Undo),
            Some(PreviewChoice::Redo) => self.preview_step(PreviewStep::Redo),
            None => {}
        }
    }

    /// Undo or Redo of a choice in the import preview: the file is read again as it was.
    fn preview_step(&mut self, step: PreviewStep) {
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
            Err(e) => self.error(format!("Could not read {e} that way")),
        }
    }

    fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(rec) = self.recovered.clone() else {
            return;
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("recovery_modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Restore unsaved changes?");
            ui.label(format!(
                "The app closed unexpectedly while “{}” had unsaved changes. They were kept at {}.",
                rec.name, rec.saved_at
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard").clicked() {
                    choice = Some(false);
                }
            });
        });
        let Some(restore) = choice else { return };
        self.recovered = None;
        let Some(recovery) = self.recovery.clone() else {
            return;
        };
        if !restore {
            recovery.clear();
            return;
        }
        match recovery.read() {
            Ok(doc) => {
                let mut s = Session::new(doc, rec.original.clone(), rec.name.clone());
                s.mark_dirty();
                self.replace_session(s);
                self.info(format!(
                    "Restored the unsaved changes to {} from {}",
                    rec.name, rec.saved_at
                ));
            }
            Err(e) => self.error(format!("Could not restore the unsaved changes: {e}")),
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        self.loading_ui(ctx);
        self.recovery_ui(ctx);
        self.preview_ui(ctx);
        if let Some(m) = self.message.clone().filter(|m| m.error) {
            let modal = egui::Modal::new(egui::Id::unique("error_modal")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading("Something went wrong");
                ui.label(&m.text);
                ui.add_space(8.0);
                ui.button("OK").clicked()
            });
            if modal.inner || modal.should_close() {
                self.message = None;
            }
        }
        let Some(pending) = self.pending.clone() else {
            return;
        };
        let what = match &pending {
            Pending::Close => "closing",
            Pending::Open(_) => "opening another file",
        };
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved_modal")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading("Unsaved changes");
            ui.label(format!(
                "Save the changes to “{}” before {what}?",
                self.session.name()
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(0);
                }
                if ui.button("Don't Save").clicked() {
                    choice = Some(1);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(2);
                }
            });
        });
        let proceed = match choice {
            Some(0) => self.save(),
            Some(1) => {
                // The user discarded the edits: nothing to recover.
                if let Some(r) = &self.recovery {
                    r.clear();
                }
                self.autosave_due = None;
                true
            }
            Some(_) => {
                self.pending = None;
                false
            }
            None => false,
        };
        if proceed {
            self.pending = None;
            match pending {
                Pending::Close => {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                Pending::Open(target) => self.do_open(target),
            }
        }
    }

    fn finish_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export_job else { return };
        let image = self.screenshot.lock().ok().and_then(|mut s| s.take());
        let Some(image) = image else {
            ctx.request_repaint();
            return;
        };
        let result = export::save_chart_png(&image, job.rect, job.pixels_per_point, &job.path);
        let path = job.path.clone();
        self.export_job = None;
        match result {
            Ok([w, h]) => self.info(format!("Exported {} ({w}×{h} px)", path.display())),
            Err(e) => self.error(format!("Could not export {e}")),
        }
    }

    /// With `CRACKDOWN_FRAME_STATS=N`: once the file is in and no dialog is open, scrolls the
    /// table and repaints every frame, and after N measured frames prints the figures and closes.
    fn measure_frame(&mut self, ctx: &egui::Context, previous_cpu: Option<f32>) {
        if self.frame_stats.is_none()
            || self.loading.is_some()
            || self.preview.is_some()
            || self.recovered.is_some()
            || self.pending.is_some()
        {
            return;
        }
        let rows = self.visible_rows().len();
        let Some(stats) = &mut self.frame_stats else {
            return;
        };
        self.table.scroll_to = Some((stats.next_row(rows), egui::Align::Center));
        stats.note_picture(self.chart_cache.used(), self.chart_hold.skipped());
        if stats.frame(std::time::Instant::now(), previous_cpu) {
            let size = ctx.content_rect().size() * ctx.pixels_per_point();
            eprintln!(
                "{}",
                stats.report(
                    self.session.doc().len(),
                    [size.x.round() as u32, size.y.round() as u32]
                )
            );
            self.frame_stats = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }

    /// A panel's frame: without its fill when the clear colour paints the background.
    fn panel_frame(&self, ui: &egui::Ui, central: bool) -> egui::Frame {
        let frame = if central {
            egui::Frame::central_panel(ui.style())
        } else {
            egui::Frame::side_top_panel(ui.style())
        };
        if self.background_from_clear {
            frame.fill(egui::Color32::TRANSPARENT)
        } else {
            frame
        }
    }

    fn dashboard(&mut self, ui: &mut egui::Ui) {
        let s = self.settings.view.clone();
        let unhidden = Filter {
            hidden: BTreeSet::new(),
            ..s.filter.clone()
        };
        let key = DashboardKey {
            view: self.session.view(s.granularity, &s.filter).clone(),
            all: self.session.view(s.granularity, &unhidden).clone(),
            hidden: s.filter.hidden.clone(),
            cumulative: s.cumulative,
            // From the request until the picture arrives: the window may take it a frame or
            // more later (eframe's glow renderer does), and the chart must still be drawn
            // without its Export button then.
            capture: self
                .export_request
                .as_ref()
                .map(|(m, _)| *m)
                .or(self.export_job.as_ref().map(|j| j.metric)),
        };
        // While nothing can change or reach the cards and charts, they are not laid out: their
        // picture is painted again (see `ui::paint::internals::chart_hold`). Never while a chart is being exported.
        let picture = self.chart_cache.used() && key.capture.is_none();
        let skip = self.chart_hold.plan(ui, &key, picture);
        let mut toggles = Vec::new();
        let mut exports = Vec::new();
        let scope = ui.scope_builder(
            egui::UiBuilder::new().scope_id(egui::Id::unique("dashboard")),
            |ui| {
                if skip {
                    self.chart_hold.replay_widgets(ui);
                    self.chart_cache.repaint_picture(ui);
                } else {
                    self.cards_and_charts(ui, &key, &mut toggles, &mut exports);
                }
            },
        );
        if skip {
            self.chart_hold.replay_nodes(ui.ctx());
        } else {
            let painted = self.chart_cache.used();
            self.chart_hold.record(ui, &scope.response, key, painted);
        }
        for place in toggles {
            let hidden = &mut self.settings.view.filter.hidden;
            if !hidden.remove(&place) {
                hidden.insert(place);
            }
        }
        if let Some((metric, path)) = self.export_request.take() {
            let slot = Arc::clone(&self.screenshot);
            ui.ctx().request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(image);
                }
            });
            self.export_job = Some(ExportJob {
                metric,
                path,
                rect: self.layouts[metric.index()].frame,
                pixels_per_point: ui.ctx().pixels_per_point(),
            });
        }
        if let Some(metric) = exports.first() {
            self.start_export(*metric);
            ui.ctx().request_repaint();
        }
    }

    /// Lays out the cards and the four charts (painted from their picture when it shows the
    /// same); collects the provinces whose legend entry was clicked and the charts whose Export
    /// PNG… was.
    fn cards_and_charts(
        &mut self,
        ui: &mut egui::Ui,
        key: &DashboardKey,
        toggles: &mut Vec<Place>,
        exports: &mut Vec<Metric>,
    ) {
        let (view, all) = (&key.view, &key.all);
        let painted = self.chart_cache.begin(ui, ui.visuals().panel_fill);
        cards::cards_ui(ui, view);
        ui.add_space(6.0);
        let spacing = ui.spacing().item_spacing.y;
        let height = ((ui.available_height() - spacing) / 2.0).max(180.0);
        let gap = 8.0;
        let width = ((ui.available_width() - gap) / 2.0).floor().max(200.0);
        let span = view.first_day.zip(view.last_day);
        for pair in charts::METRICS.chunks(2) {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for metric in pair {
                    let (Some(chart), Some(all_chart)) = (view.chart(*metric), all.chart(*metric))
                    else {
                        continue;
                    };
                    let input = ChartInput {
                        chart,
                        all: all_chart,
                        hidden: &key.hidden,
                        granularity: view.granularity,
                        cumulative: key.cumulative,
                        capturing: key.capture == Some(*metric),
                        span,
                    };
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(width);
                            let (actions, layout) = charts::chart_ui(ui, &input, height);
                            self.layouts[metric.index()] = layout;
                            toggles.extend(actions.toggle);
                            if actions.export {
                                exports.push(*metric);
                            }
                        },
                    );
                }
            });
        }
        self.chart_cache.end(ui, painted);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.finish_export(&ctx);
        self.poll_loading(&ctx);
        self.autosave(&ctx);
        self.handle_shortcuts(&ctx);
        self.measure_frame(&ctx, frame.info().cpu_usage);

        // Closing with unsaved edits asks first.
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.is_dirty()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Close);
        }
        // A file dropped onto the window opens like File ▸ Open.
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.request_open(OpenTarget::Path(path));
        }

        let title = self.title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }

        // Panels sit in a scope whose frame is the panel colour, painted by the clear colour when
        // `background_from_clear`: widgets that blend to the background (scroll fades) see it.
        let background = egui::UiStackInfo::new(egui::UiKind::Frame)
            .with_frame(egui::Frame::NONE.fill(ui.visuals().panel_fill));
        ui.scope_builder(egui::UiBuilder::new().ui_stack_info(background), |ui| {
            let side = self.panel_frame(ui, false);
            egui::Panel::top("menu")
                .frame(side)
                .show(ui, |ui| self.menu_bar(ui));
            egui::Panel::top("filters").frame(side).show(ui, |ui| {
                ui.add_space(2.0);
                filters::filter_bar(ui, &mut self.settings.view);
                ui.add_space(2.0);
            });
            egui::Panel::bottom("status")
                .frame(side)
                .show(ui, |ui| self.status_bar(ui));
            let places = self.session.aggregates().places();
            let view = self.current_view();
            egui::Panel::left("provinces")
                .frame(side)
                .resizable(true)
                .default_size(190.0)
                .show(ui, |ui| {
                    filters::province_list(
                        ui,
                        &places,
                        &mut self.settings.view.filter.hidden,
                        &view,
                    );
                });
            if self.settings.show_problems {
                let list = self.problems();
                let mut clicked = None;
                egui::Panel::right("problems")
                    .frame(side)
                    .resizable(true)
                    .default_size(280.0)
                    .show(ui, |ui| {
                        clicked = problems::problems_ui(ui, self.session.doc(), &list.list);
                    });
                if let Some((row, column)) = clicked {
                    self.focus_cell(row, column);
                }
            }
            let visible = self.visible_rows();
            let problems = self.problems().counts;
            egui::Panel::bottom("table")
                .frame(side)
                .resizable(true)
                .default_size(300.0)
                .min_size(120.0)
                .show(ui, |ui| {
                    // The panel keeps its height when a filter leaves few rows (its toolbar must
                    // not move from under the pointer).
                    ui.set_min_height(ui.available_height());
                    ui.add_space(4.0);
                    let actions = table::table_ui(
                        ui,
                        self.session.doc(),
                        &visible,
                        &mut self.table,
                        problems,
                    );
                    for e in actions.edits {
                        self.apply(e);
                    }
                    if let Some(action) = actions.rows {
                        self.row_action(action);
                    }
                });
            let central = self.panel_frame(ui, true);
            egui::CentralPanel::default()
                .frame(central)
                .show(ui, |ui| self.dashboard(ui));
        });

        self.dialogs_ui(&ctx);

        if let Some(t) = self.report_startup.take() {
            eprintln!(
                "startup: first frame with {} rows drawn {:.0} ms after process start",
                self.session.doc().len(),
                t.elapsed().as_secs_f64() * 1000.0
            );
        }

        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop the file to open it",
                egui::TextStyle::Heading.resolve(&ctx.global_style()),
                egui::Color32::WHITE,
            );
        }
        self.chart_cache.finish(&ctx);
        // Shapes wholly inside their clip rects share draw calls (see `ui::paint::internals::clips`).
        crate::ui::paint::internals::widen_contained_clips(&ctx, egui::LayerId::background());
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
