//! The application: owns the session (document, aggregates, history), the view settings and the
//! dialogs, lays out the views and routes what they ask for into edit commands.
//!
//! This file holds [`App`], its start options and the order of a frame (`eframe::App::ui`); the
//! rest is split by what it does: opening files (`open`), saving and autosave (`save`), edit
//! commands and shortcuts (`commands`), the menus (`menu`), the status bar and messages
//! (`status`), the cached visible rows and problems (`derived`), the cards and charts
//! (`dashboard`), the export dialog's pictures (`export`), the panels (`panels`) and the modal dialogs (`dialogs`).

mod commands;
mod crash_notice;
mod dashboard;
mod derived;
mod dialogs;
mod export;
mod firstrun;
mod keyboard;
mod menu;
mod open;
mod panels;
mod provenance;
mod save;
mod selection;
mod status;
mod timeline;

use std::path::PathBuf;

use egui::ViewportCommand;

use crate::analysis::View;
use crate::data::document::{Metric, Place};
use crate::frame_stats::FrameStats;
use crate::recovery::{Recovered, Recovery};
use crate::session::Session;
use crate::ui::charts::{self, ChartLayout};
use crate::ui::dialogs::{FileDialogs, NativeDialogs};
use crate::ui::filters::ViewSettings;
use crate::ui::map::{MapSettings, MapState};
use crate::ui::table::TableState;
use crash_notice::CrashNotice;
pub use crash_notice::file_url;
use dashboard::ChartPaint;
use derived::Derived;
pub use open::{FileReader, ReadResult, read_file};
use open::{Loading, OpenTarget, Pending, PreviewState};
use save::Unsaved;
use status::Message;

/// Drops the scroll positions egui restored from the last run (a no-op without the
/// `egui-internals` feature).
pub use crate::ui::paint::internals::forget_scroll_positions;

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
    /// The map: shown instead of the charts, and the metric it colours.
    pub map: MapSettings,
    /// The interface's language, chosen in View ▸ Language; `None` follows the system.
    pub language: Option<crate::i18n::Language>,
    /// Light or dark, chosen in View ▸ Theme; `System` (the default) follows the system.
    pub theme: egui::ThemePreference,
    /// The tip strip over the sample data was dismissed (it does not come back).
    pub tips_dismissed: bool,
}

impl Settings {
    /// The language the interface is shown in: the chosen one, or the system's.
    pub fn interface_language(&self) -> crate::i18n::Language {
        self.language.unwrap_or_else(crate::i18n::Language::system)
    }
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
    /// themselves (see `crate::ui::paint::internals::chart_cache`; never without the
    /// `egui-internals` feature): the native window. Off in tests unless a test turns it on.
    pub chart_pictures: bool,
    /// How files are read (default [`read_file`]: tests put in one that fails).
    pub reader: Option<FileReader>,
    /// The data folder whose markers say how the last run ended (`crate::crash`) and where the
    /// log file is: the app's data folder in the real window, none by default (tests).
    pub crash_dir: Option<PathBuf>,
    /// The sample data opens with the tip strip until it is dismissed: the native window. Off in
    /// tests unless a test turns it on, so their first screen stays the dashboard alone.
    pub first_run_tips: bool,
}

/// Work that spans frames: a file loading on a worker thread, the export dialog.
struct Jobs {
    /// How files are read.
    reader: FileReader,
    /// A file being read on a worker thread.
    loading: Option<Loading>,
    /// The export dialog, while it is open.
    export: Option<crate::ui::export_dialog::ExportDialog>,
}

/// The app's side of the window: repaint requests from workers, the title, closing, and the
/// startup and frame-time measurements.
struct Window {
    /// For workers to ask for a repaint when they are done.
    ctx: Option<egui::Context>,
    /// The title last sent to the window.
    sent_title: String,
    /// The user chose to close with unsaved changes.
    allow_close: bool,
    /// When the process started, until the first frame reports it.
    report_startup: Option<std::time::Instant>,
    /// Frame times being measured (`CRACKDOWN_FRAME_STATS`).
    frame_stats: Option<FrameStats>,
}

/// The dashboard application.
pub struct App {
    settings: Settings,
    session: Session,
    dialogs: Box<dyn FileDialogs>,
    table: TableState,
    message: Option<Message>,
    pending: Option<Pending>,
    preview: Option<PreviewState>,
    derived: Derived,
    jobs: Jobs,
    paint: ChartPaint,
    unsaved: Unsaved,
    window: Window,
    crash: CrashNotice,
    /// The province selected in every view (see `selection`).
    selected_place: Option<Place>,
    /// A dialog, popup, menu or text field had Escape in the last frame (`selection`).
    escape_taken: bool,
    /// The map's time slider.
    map: MapState,
    /// The tip strip and Help ▸ Data format….
    first_run: firstrun::FirstRun,
    /// The events behind the figure hovered, and the list a click pinned.
    provenance: provenance::Provenance,
}

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
        crate::ui::theme::install_fonts(&cc.egui_ctx);
        cc.egui_ctx.set_theme(settings.theme);
        let mut app = App {
            settings,
            session: Session::sample(),
            dialogs,
            table: TableState::default(),
            message: None,
            pending: None,
            preview: None,
            derived: Derived::default(),
            jobs: Jobs {
                reader: start.reader.unwrap_or(read_file),
                loading: None,
                export: None,
            },
            paint: ChartPaint::new(start.chart_pictures, start.background_from_clear),
            unsaved: Unsaved {
                recovery: start
                    .recovery_dir
                    .clone()
                    .or_else(Recovery::default_dir)
                    .map(Recovery::new),
                recovered: None,
                delay: start
                    .autosave_delay
                    .unwrap_or(std::time::Duration::from_secs(3)),
                due: None,
            },
            window: Window {
                ctx: Some(cc.egui_ctx.clone()),
                sent_title: String::new(),
                allow_close: false,
                report_startup: start
                    .started
                    .filter(|_| std::env::var_os("CRACKDOWN_REPORT_STARTUP").is_some()),
                frame_stats: start.frame_stats.map(FrameStats::new),
            },
            crash: CrashNotice::start(start.crash_dir.clone()),
            selected_place: None,
            escape_taken: false,
            map: MapState::default(),
            first_run: firstrun::FirstRun {
                tips: start.first_run_tips,
                data_format: false,
            },
            provenance: provenance::Provenance::default(),
        };
        let file = if start.sample {
            None
        } else {
            start
                .file
                .or_else(|| app.settings.last_file.clone().filter(|p| p.is_file()))
        };
        // Edits left unsaved by a crash or a killed process are offered back. Looked for before
        // the file opens: opening never clears a copy waiting to be offered.
        app.unsaved.recovered = app.unsaved.recovery.as_ref().and_then(Recovery::pending);
        app.quiet_kill_note();
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }

    /// Whether the last frame painted the charts from a picture of them (see
    /// `crate::ui::paint::internals::chart_cache`; always false without the `egui-internals`
    /// feature).
    pub fn charts_from_picture(&self) -> bool {
        self.paint.chart_cache.used()
    }

    /// Whether the last frame painted the cards and charts from their picture without laying
    /// them out (see `crate::ui::paint::internals::chart_hold`; always false without the
    /// `egui-internals` feature).
    pub fn charts_skipped(&self) -> bool {
        self.paint.chart_hold.skipped()
    }

    /// How many frames so far painted the cards and charts without laying them out.
    pub fn charts_skipped_frames(&self) -> u64 {
        self.paint.chart_hold.skipped_frames()
    }

    /// Unsaved edits found at start, waiting for Restore or Discard.
    pub fn recovered(&self) -> Option<&Recovered> {
        self.unsaved.recovered.as_ref()
    }

    /// The open session (read only).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The province selected in every view (charts, map, table), if any.
    pub fn selected_place(&self) -> Option<Place> {
        self.selected_place
    }

    /// Whether the dashboard shows the map instead of the charts.
    pub fn settings_map_shown(&self) -> bool {
        self.settings.map.shown
    }

    /// The current view settings.
    pub fn view_settings(&self) -> &ViewSettings {
        &self.settings.view
    }

    /// Where each chart was drawn last frame, in [`Metric::ALL`] order.
    pub fn chart_layout(&self, metric: Metric) -> ChartLayout {
        self.paint.layouts[metric.index()]
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
            &self.paint.layouts[metric.index()],
            view.chart(metric)?,
            s.granularity,
            s.cumulative(),
            place,
            period,
        )
    }

    /// The window title: the session's name, starred while it has unsaved changes, and the app's
    /// name, in the interface's language.
    fn title(&self) -> String {
        let marker = if self.session.is_dirty() { "*" } else { "" };
        let name = if self.session.path().is_none() && self.session.name() == crate::io::SAMPLE_NAME
        {
            crate::tr!("status-sample-name")
        } else {
            self.session.name().to_owned()
        };
        format!("{marker}{name} — {}", crate::tr!("app-name"))
    }

    /// Before the panels: closing with unsaved edits asks first, a dropped file opens, and the
    /// window's title follows the session.
    fn window_requests(&mut self, ctx: &egui::Context) {
        // Closing with unsaved edits asks first.
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.is_dirty()
            && !self.window.allow_close
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
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
    }

    /// With `CRACKDOWN_FRAME_STATS=N`: once the file is in and no dialog is open, scrolls the
    /// table and repaints every frame, and after N measured frames prints the figures and closes.
    fn measure_frame(&mut self, ctx: &egui::Context, previous_cpu: Option<f32>) {
        if self.window.frame_stats.is_none()
            || self.jobs.loading.is_some()
            || self.preview.is_some()
            || self.unsaved.recovered.is_some()
            || self.crash_notice_shown()
            || self.pending.is_some()
        {
            return;
        }
        let rows = self.visible_rows().len();
        let Some(stats) = &mut self.window.frame_stats else {
            return;
        };
        self.table.scroll_to = Some((stats.next_row(rows), egui::Align::Center));
        stats.note_picture(
            self.paint.chart_cache.used(),
            self.paint.chart_hold.skipped(),
        );
        if stats.frame(std::time::Instant::now(), previous_cpu) {
            let size = ctx.content_rect().size() * ctx.pixels_per_point();
            eprintln!(
                "{}",
                stats.report(
                    self.session.doc().len(),
                    [size.x.round() as u32, size.y.round() as u32]
                )
            );
            self.window.frame_stats = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        } else {
            ctx.request_repaint();
        }
    }

    /// With `CRACKDOWN_REPORT_STARTUP`: the first frame prints how long after process start it
    /// was drawn.
    fn report_startup(&mut self) {
        if let Some(t) = self.window.report_startup.take() {
            eprintln!(
                "startup: first frame with {} rows drawn {:.0} ms after process start",
                self.session.doc().len(),
                t.elapsed().as_secs_f64() * 1000.0
            );
        }
    }

    /// Keeps egui's theme on the one chosen in View ▸ Theme (set at start too, so the first frame
    /// has it; anything else that changes egui's choice is undone here, and the frame redrawn).
    fn apply_theme(&self, ctx: &egui::Context) {
        if ctx.options(|o| o.theme_preference) != self.settings.theme {
            ctx.set_theme(self.settings.theme);
            ctx.request_repaint();
        }
    }
}

impl eframe::App for App {
    /// One frame, in this order: work finished since the last frame, shortcuts, the window's
    /// requests, the panels, the dialogs over them, then the paint list's final touches.
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        crate::i18n::set_language(self.settings.interface_language());
        self.apply_theme(&ctx);
        self.poll_loading(&ctx);
        self.autosave(&ctx);
        self.handle_shortcuts(&ctx);
        self.menu_key(&ctx);
        keyboard::focus_after_dialogs(&ctx);
        self.measure_frame(&ctx, frame.info().cpu_usage);
        self.window_requests(&ctx);
        self.panels(ui);
        self.dialogs_ui(&ctx);
        self.selection_keys(&ctx);
        self.report_startup();
        let ring = crate::ui::theme::paint_focus_ring(&ctx);
        self.drop_overlay(&ctx);
        // A picture of the charts never holds the focus ring.
        self.paint.chart_cache.finish(&ctx, ring);
        // Shapes wholly inside their clip rects share draw calls (see
        // `ui::paint::internals::clips`).
        crate::ui::paint::internals::widen_contained_clips(&ctx, egui::LayerId::background());
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
