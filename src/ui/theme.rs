//! The design system: colors, spacing and text styles. Views never hard-code a color.

use egui::Color32;

use crate::data::document::Place;
use crate::picture::palette;

/// A stable color per province, the same in every chart, legend, list and export: the
/// colour-blind-safe palette of [`crate::picture::palette`].
pub fn place_color(place: Place) -> Color32 {
    let [r, g, b] = palette::place_rgb(place).array();
    Color32::from_rgb(r, g, b)
}

/// Adds the bundled Noto Sans SC subset (see `scripts/make-font`) after egui's own fonts, so
/// Chinese place names render on a machine with no CJK font installed.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "Noto Sans SC (bundled subset)",
        egui::FontData::from_static(crate::picture::font::FONT_BYTES),
        families,
    ));
}

/// Text color of a cell that did not parse.
pub fn error_text(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(255, 120, 120)
    } else {
        Color32::from_rgb(190, 20, 20)
    }
}

/// Background of a cell that did not parse.
pub fn error_fill(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(80, 25, 25)
    } else {
        Color32::from_rgb(255, 225, 225)
    }
}

/// Muted text (captions, counts).
pub fn weak_text(visuals: &egui::Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Corner radius of cards and chart frames.
pub const RADIUS: u8 = 6;

/// Inner margin of cards and chart frames.
pub const PAD: i8 = 8;

/// Frame of a card or chart.
pub fn card_frame(visuals: &egui::Visuals) -> egui::Frame {
    egui::Frame::group(&egui::Style {
        visuals: visuals.clone(),
        ..Default::default()
    })
    .fill(visuals.extreme_bg_color)
    .corner_radius(RADIUS)
    .inner_margin(PAD)
}

/// Frame of an info bar (the tip strip over the sample data): a quiet tint of the panel, a thin
/// line under it, one line of text.
pub fn info_bar_frame(visuals: &egui::Visuals) -> egui::Frame {
    let fill = if visuals.dark_mode {
        Color32::from_rgb(36, 44, 56)
    } else {
        Color32::from_rgb(232, 240, 250)
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(PAD, 3))
        .stroke(visuals.widgets.noninteractive.bg_stroke)
}

/// The ring round the widget with the keyboard focus: 2 points of a blue that stands out from
/// the panels, the selection and the widgets' own strokes (dark blue on the light theme, light
/// blue on the dark one; egui's own cue, the "active" look, is faint on menu buttons and
/// nothing at all on custom widgets).
pub fn focus_stroke(visuals: &egui::Visuals) -> egui::Stroke {
    let color = if visuals.dark_mode {
        Color32::from_rgb(120, 190, 255)
    } else {
        Color32::from_rgb(0, 84, 196)
    };
    egui::Stroke::new(2.0, color)
}

/// Paints the focus ring round the focused widget (call once the frame's widgets are laid out),
/// on the widget's own layer, round the part of it not clipped away. Returns where it is.
pub fn paint_focus_ring(ctx: &egui::Context) -> Option<egui::Rect> {
    // Not while the window is in the background (egui's `has_focus` says the same).
    let id = ctx
        .memory(|m| m.focused())
        .filter(|_| ctx.input(|i| i.focused))?;
    // The widget's rect as this frame registered it (`Context::read_response` would also
    // surrender the focus of a widget focused in a frame with a click elsewhere).
    let (rect, layer) = ctx.viewport(|v| {
        v.this_pass
            .widgets
            .get(id)
            .map(|w| (w.interact_rect, w.layer_id))
    })?;
    if !rect.is_positive() || !rect.is_finite() {
        return None;
    }
    let stroke = focus_stroke(&ctx.global_style().visuals);
    ctx.layer_painter(layer)
        .with_clip_rect(ctx.content_rect())
        .rect_stroke(rect.expand(1.0), 3.0, stroke, egui::StrokeKind::Outside);
    Some(rect.expand(1.0 + stroke.width))
}
