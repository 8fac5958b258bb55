//! The export dialog's side in the app: opening it with the texts prefilled from the current
//! view, making the picture off screen from the scene (never a screenshot, so its size does not
//! depend on the window), saving it atomically, and copying the PNG to the clipboard.

use std::path::Path;

use super::App;
use crate::analysis::MetricChart;
use crate::picture::chart::{ChartSpec, chart_scene};
use crate::picture::dashboard::dashboard_scene;
use crate::picture::scene::Scene;
use crate::picture::{ChartKind, Format, encode, png, svg};
use crate::ui::dialogs::SaveKind;
use crate::ui::export_dialog::{
    ExportAction, ExportDialog, ExportTarget, export_dialog_ui, with_extension,
};
use crate::ui::words::{PictureInput, chart_texts, dashboard_texts, map_texts, units_lang};

impl App {
    /// How the charts are drawn now.
    fn chart_kind(&self) -> ChartKind {
        self.settings.view.kind
    }

    /// The open file's name as a footer names it.
    fn source_name(&self) -> String {
        self.session.path().and_then(Path::file_name).map_or_else(
            || self.session.name().to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Opens the export dialog for `target`, its texts made from what the dashboard shows.
    pub(super) fn open_export(&mut self, target: ExportTarget) {
        let texts = self.export_texts(target);
        let map_metric = self.settings.map.metric;
        self.jobs.export = Some(ExportDialog::new(target, texts, map_metric));
    }

    /// The texts prefilled for `target`, from what the dashboard shows.
    fn export_texts(&mut self, target: ExportTarget) -> crate::picture::Texts {
        let (g, filter) = (
            self.settings.view.granularity,
            self.settings.view.filter.clone(),
        );
        let view = self.session.view(g, &filter).clone();
        let (kind, file) = (self.chart_kind(), self.source_name());
        // In the interface's language (the headless `export` command words them in English).
        let input = PictureInput {
            doc: self.session.doc(),
            view: &view,
            filter: &filter,
            kind,
            file: &file,
        };
        match target {
            ExportTarget::Chart(m) => chart_texts(&input, m),
            ExportTarget::Dashboard => dashboard_texts(&input),
            ExportTarget::Map(m) => map_texts(&input, m),
        }
    }

    /// The scene of the dialog's picture, from the current view.
    fn export_scene(&mut self, d: &ExportDialog) -> Scene {
        let (g, filter) = (
            self.settings.view.granularity,
            self.settings.view.filter.clone(),
        );
        let kind = self.chart_kind();
        let lang = units_lang();
        // The policy timeline as the charts show it (none while it is switched off).
        let markers: Vec<_> = self
            .timeline_markers()
            .iter()
            .flat_map(|d| d.markers.iter().cloned())
            .collect();
        // Top N and Other as on screen (the bars and lines only).
        let top_n = self.settings.view.top_n;
        let view = &*crate::ui::charts::top_n_view(self.session.view(g, &filter), kind, top_n);
        let (w, h) = (d.width as f32, d.height as f32);
        match d.target {
            ExportTarget::Dashboard => {
                dashboard_scene(view, kind, lang, &d.texts, d.theme, w, h, &markers)
            }
            ExportTarget::Map(metric) => {
                let cumulative = kind == ChartKind::Cumulative;
                crate::picture::map::map_scene(
                    view, metric, cumulative, lang, &d.texts, d.theme, w, h,
                )
            }
            ExportTarget::Chart(metric) => {
                let empty = MetricChart {
                    metric,
                    series: Vec::new(),
                };
                let spec = ChartSpec {
                    chart: view.chart(metric).unwrap_or(&empty),
                    granularity: g,
                    kind,
                    span: view.first_day.zip(view.last_day),
                    lang,
                    markers: &markers,
                };
                chart_scene(&spec, &d.texts, d.theme, w, h)
            }
        }
    }

    /// The export dialog while it is open, and what it asked for.
    pub(super) fn export_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.jobs.export.take() else {
            return;
        };
        let before = dialog.target;
        let action = export_dialog_ui(ctx, &mut dialog);
        if dialog.target != before {
            // Another picture chosen: its own title, subtitle and footer.
            dialog.texts = self.export_texts(dialog.target);
        }
        let done = match action {
            Some(ExportAction::Close) => true,
            Some(ExportAction::Save) => self.save_picture(&dialog),
            Some(ExportAction::Copy) => {
                self.copy_picture(ctx, &dialog);
                false
            }
            None => false,
        };
        if !done {
            self.jobs.export = Some(dialog);
        }
    }

    /// Asks where, then writes the picture atomically. True when it was written.
    fn save_picture(&mut self, d: &ExportDialog) -> bool {
        let kind = match d.format {
            Format::Png => SaveKind::Png,
            Format::Svg => SaveKind::Svg,
        };
        let Some(path) = self.dialogs.pick_save(kind, &d.target.file_name(d.format)) else {
            return false;
        };
        let path = with_extension(&path, d.format);
        let scene = self.export_scene(d);
        let result = encode(&scene, d.format, d.scale as f32)
            .map_err(|e| {
                crate::io::FileError::new(&path, crate::io::ErrorKind::Write, e.to_string())
            })
            .and_then(|bytes| crate::io::atomic_write(&path, &bytes));
        match result {
            Ok(()) => {
                let size = match d.format {
                    Format::Png => {
                        let [w, h] = d.pixel_size();
                        crate::tr!("picture-msg-png-size", w = w.to_string(), h = h.to_string())
                    }
                    Format::Svg => crate::tr!(
                        "picture-msg-svg-size",
                        w = d.width.to_string(),
                        h = d.height.to_string()
                    ),
                };
                let path = path.display().to_string();
                self.info(crate::tr!("picture-msg-exported", path = path, size = size));
                true
            }
            Err(e) => {
                self.error(crate::tr!(
                    "picture-msg-export-failed",
                    error = e.to_string()
                ));
                false
            }
        }
    }

    /// Puts the PNG of the picture on the clipboard.
    fn copy_picture(&mut self, ctx: &egui::Context, d: &ExportDialog) {
        let scene = self.export_scene(d);
        match png::render_svg(&svg::to_svg(&scene), d.scale as f32) {
            Ok(p) => {
                let size = [p.width as usize, p.height as usize];
                ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(size, &p.rgba));
                let what = match d.target {
                    ExportTarget::Chart(m) => crate::ui::words::metric_lower(m),
                    ExportTarget::Dashboard => crate::tr!("picture-msg-dashboard"),
                    ExportTarget::Map(_) => crate::tr!("picture-msg-map"),
                };
                self.info(crate::tr!(
                    "picture-msg-copied",
                    what = what,
                    w = p.width.to_string(),
                    h = p.height.to_string()
                ));
            }
            Err(e) => self.error(crate::tr!("picture-msg-copy-failed", error = e.to_string())),
        }
    }
}
