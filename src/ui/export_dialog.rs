//! The Export dialog: size (presets or custom), scale, PNG or SVG, light or dark, and the
//! picture's title, subtitle and footer (prefilled by the app); Save… or Copy image. The
//! picture itself is made off screen by [`crate::picture`], so its size never depends on the
//! window.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::data::document::Metric;
use crate::picture::png::pixels;
use crate::picture::{Format, Texts, Theme};
use crate::ui::theme;

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    /// One metric's chart.
    Chart(Metric),
    /// The four charts together.
    Dashboard,
    /// The province map, coloured by a metric.
    Map(Metric),
}

impl ExportTarget {
    /// A file name to suggest: `rigs-seized.png`, `dashboard.png`, `map-rigs-seized.png`.
    pub fn file_name(self, format: Format) -> String {
        let stem = match self {
            ExportTarget::Chart(m) => m.title().to_owned(),
            ExportTarget::Dashboard => "Dashboard".to_owned(),
            ExportTarget::Map(m) => format!("Map {}", m.title()),
        };
        format!(
            "{}.{}",
            stem.to_lowercase().replace(' ', "-"),
            format.extension()
        )
    }

    /// The pictures the dialog offers, for a map coloured by `map_metric`: the dashboard, each
    /// chart, the map.
    pub fn all(map_metric: Metric) -> Vec<ExportTarget> {
        std::iter::once(ExportTarget::Dashboard)
            .chain(Metric::ALL.map(ExportTarget::Chart))
            .chain([ExportTarget::Map(map_metric)])
            .collect()
    }

    /// Its name in the dialog's choice of picture.
    fn choice_name(self) -> String {
        match self {
            ExportTarget::Chart(m) => crate::ui::words::metric_title(m),
            ExportTarget::Dashboard => crate::tr!("export-what-dashboard"),
            ExportTarget::Map(_) => crate::tr!("export-what-map"),
        }
    }
}

/// Size presets in logical pixels.
pub const PRESETS: [(&str, u32, u32); 3] = [
    ("1200 × 675", 1200, 675),
    ("1600 × 900", 1600, 900),
    ("A4 landscape (1123 × 794)", 1123, 794),
];

/// The dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// What is exported.
    pub target: ExportTarget,
    /// The preset chosen, or `None` for a custom size.
    pub preset: Option<usize>,
    /// Width, logical px.
    pub width: u32,
    /// Height, logical px.
    pub height: u32,
    /// 1, 2 or 3.
    pub scale: u32,
    /// PNG or SVG.
    pub format: Format,
    /// Light (default) or dark.
    pub theme: Theme,
    /// Title, subtitle, footer and text alternative.
    pub texts: Texts,
    /// The metric the map is coloured by, when the map is chosen.
    pub map_metric: Metric,
}

impl ExportDialog {
    /// The dialog for `target` with the first preset, 1×, PNG, light, and `texts`; the map, when
    /// chosen, is coloured by `map_metric`.
    pub fn new(target: ExportTarget, texts: Texts, map_metric: Metric) -> Self {
        ExportDialog {
            target,
            preset: Some(0),
            width: PRESETS[0].1,
            height: PRESETS[0].2,
            scale: 1,
            format: Format::Png,
            theme: Theme::Light,
            texts,
            map_metric,
        }
    }

    /// The PNG's size in pixels.
    pub fn pixel_size(&self) -> [u32; 2] {
        let s = self.scale as f32;
        [pixels(self.width as f32, s), pixels(self.height as f32, s)]
    }
}

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportAction {
    /// Save… (asks where, then writes the file).
    Save,
    /// Copy image (the PNG onto the clipboard).
    Copy,
    /// Cancel, Escape or a click outside.
    Close,
}

/// `path` with the format's extension (added when it has none or another one).
pub fn with_extension(path: &Path, format: Format) -> PathBuf {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case(format.extension()) => path.to_owned(),
        _ => {
            let mut s = path.as_os_str().to_owned();
            s.push(".");
            s.push(format.extension());
            PathBuf::from(s)
        }
    }
}

/// Size presets and the custom size.
fn size_ui(ui: &mut Ui, d: &mut ExportDialog) {
    ui.label(RichText::new(crate::tr!("export-size")).strong());
    ui.horizontal_wrapped(|ui| {
        for (i, (name, w, h)) in PRESETS.iter().enumerate() {
            // "A4 landscape" is words; the other presets are only their sizes.
            let name = if name.starts_with("A4") {
                crate::tr!("export-preset-a4")
            } else {
                (*name).to_owned()
            };
            if ui.radio(d.preset == Some(i), name).clicked() {
                d.preset = Some(i);
                (d.width, d.height) = (*w, *h);
            }
        }
        if ui
            .radio(d.preset.is_none(), crate::tr!("export-custom"))
            .clicked()
        {
            d.preset = None;
        }
    });
    if d.preset.is_none() {
        ui.horizontal(|ui| {
            ui.label(crate::tr!("export-width"));
            ui.add(
                egui::DragValue::new(&mut d.width)
                    .range(100..=8000)
                    .suffix(" px"),
            )
            .accessible_name(crate::tr!("export-width"));
            ui.label(crate::tr!("export-height"));
            ui.add(
                egui::DragValue::new(&mut d.height)
                    .range(100..=8000)
                    .suffix(" px"),
            )
            .accessible_name(crate::tr!("export-height"));
        });
    }
}

/// Which picture: the dashboard, one chart or the map (the app words the texts anew on a
/// change).
fn target_ui(ui: &mut Ui, d: &mut ExportDialog) {
    let map_metric = match d.target {
        ExportTarget::Map(m) => m,
        _ => d.map_metric,
    };
    ui.label(RichText::new(crate::tr!("export-what")).strong());
    ui.horizontal_wrapped(|ui| {
        for target in ExportTarget::all(map_metric) {
            ui.radio_value(&mut d.target, target, target.choice_name());
        }
    });
}

/// Scale, format and theme.
fn look_ui(ui: &mut Ui, d: &mut ExportDialog) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::tr!("export-scale")).strong());
        for s in 1..=3 {
            ui.radio_value(&mut d.scale, s, format!("{s}×"));
        }
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::tr!("export-format")).strong());
        ui.radio_value(&mut d.format, Format::Png, "PNG");
        ui.radio_value(&mut d.format, Format::Svg, crate::tr!("export-svg"));
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(crate::tr!("export-theme")).strong());
        ui.radio_value(&mut d.theme, Theme::Light, crate::tr!("export-light"));
        ui.radio_value(&mut d.theme, Theme::Dark, crate::tr!("export-dark"));
    });
}

/// One labelled text field.
fn text_field(ui: &mut Ui, label: &str, text: &mut String, lines: usize) {
    ui.label(RichText::new(label).strong());
    let edit = egui::TextEdit::multiline(text)
        .desired_rows(lines)
        .desired_width(f32::INFINITY);
    ui.add(edit).accessible_name(label);
}

/// The dialog; returns what the user asked for this frame.
pub fn export_dialog_ui(ctx: &egui::Context, d: &mut ExportDialog) -> Option<ExportAction> {
    let modal = egui::Modal::new(egui::Id::unique("export_dialog")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(match d.target {
            ExportTarget::Chart(m) => crate::tr!(
                "export-heading-chart",
                metric = crate::ui::words::metric_lower(m)
            ),
            ExportTarget::Dashboard => crate::tr!("export-heading-dashboard"),
            ExportTarget::Map(m) => crate::tr!(
                "export-heading-map",
                metric = crate::ui::words::metric_lower(m)
            ),
        });
        ui.add_space(4.0);
        target_ui(ui, d);
        ui.add_space(4.0);
        size_ui(ui, d);
        ui.add_space(4.0);
        look_ui(ui, d);
        let [w, h] = d.pixel_size();
        let size = match d.format {
            Format::Png => crate::tr!("export-png-size", w = w, h = h),
            Format::Svg => crate::tr!("export-svg-size", sw = d.width, sh = d.height, w = w, h = h),
        };
        ui.label(RichText::new(size).color(theme::weak_text(ui.visuals())));
        ui.add_space(4.0);
        text_field(ui, &crate::tr!("export-title"), &mut d.texts.title, 1);
        text_field(ui, &crate::tr!("export-subtitle"), &mut d.texts.subtitle, 2);
        text_field(ui, &crate::tr!("export-footer"), &mut d.texts.footer, 3);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let mut action = None;
            if ui.button(crate::tr!("export-save")).clicked() {
                action = Some(ExportAction::Save);
            }
            if ui
                .button(crate::tr!("export-copy"))
                .on_hover_text(crate::tr!("export-copy-hint"))
                .clicked()
            {
                action = Some(ExportAction::Copy);
            }
            if ui.button(crate::tr!("export-cancel")).clicked() {
                action = Some(ExportAction::Close);
            }
            action
        })
        .inner
    });
    if modal.should_close() {
        return Some(ExportAction::Close);
    }
    modal.inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_sizes() {
        assert_eq!(
            with_extension(Path::new("a"), Format::Png),
            Path::new("a.png")
        );
        assert_eq!(
            with_extension(Path::new("a.SVG"), Format::Svg),
            Path::new("a.SVG")
        );
        assert_eq!(
            with_extension(Path::new("a.png"), Format::Svg),
            Path::new("a.png.svg")
        );
        let mut d = ExportDialog::new(ExportTarget::Dashboard, Texts::default(), Metric::Rigs);
        d.scale = 2;
        assert_eq!(d.pixel_size(), [2400, 1350]);
        assert_eq!(
            ExportTarget::Chart(Metric::Rigs).file_name(Format::Svg),
            "rigs-seized.svg"
        );
    }
}
