//! The design system: colors, spacing and text styles. Views never hard-code a color.

use egui::Color32;

use crate::data::document::Place;
use crate::data::gazetteer::NATIONAL;

/// Hand-picked, well separated colors for the provinces that appear most in the crackdown record.
const KEY_COLORS: &[(&str, (u8, u8, u8))] = &[
    ("CN-NM", (214, 39, 40)),
    ("CN-XJ", (31, 119, 180)),
    ("CN-SC", (44, 160, 44)),
    ("CN-YN", (148, 103, 189)),
    ("CN-HE", (255, 127, 14)),
    ("CN-GD", (23, 190, 207)),
    ("CN-JS", (227, 119, 194)),
    ("CN-ZJ", (140, 86, 75)),
    ("CN-AH", (188, 189, 34)),
    ("CN-HL", (174, 199, 232)),
    ("CN-TJ", (255, 187, 120)),
    ("CN-HB", (152, 223, 138)),
    ("CN-GS", (197, 176, 213)),
    ("CN-QH", (0, 128, 128)),
    ("CN-GZ", (255, 152, 150)),
    ("CN-HA", (196, 156, 148)),
    ("CN-SX", (219, 219, 141)),
    ("CN-HI", (158, 218, 229)),
    ("CN-JX", (247, 182, 210)),
];

/// A stable, distinct color per province, the same in every chart, legend and list.
pub fn place_color(place: Place) -> Color32 {
    // Computed once per region: charts ask for every bar of every frame.
    static COLORS: std::sync::OnceLock<Vec<Color32>> = std::sync::OnceLock::new();
    let colors = COLORS.get_or_init(|| {
        (0..=u8::MAX)
            .map(|id| compute_place_color(Place::Region(id)))
            .collect()
    });
    match place {
        Place::Region(id) => colors[usize::from(id)],
        Place::Unknown => compute_place_color(place),
    }
}

fn compute_place_color(place: Place) -> Color32 {
    match place {
        Place::Region(NATIONAL) => Color32::from_rgb(128, 128, 128),
        Place::Region(id) => {
            let code = crate::data::gazetteer::Gazetteer::get()
                .region(id)
                .code
                .as_str();
            if let Some((_, (r, g, b))) = KEY_COLORS.iter().find(|(c, _)| *c == code) {
                Color32::from_rgb(*r, *g, *b)
            } else {
                // The rest: golden-angle hues, distinct from each other.
                let hue = (f32::from(id) * 0.618_034 + 0.05).fract();
                egui::ecolor::Hsva::new(hue, 0.55, 0.8, 1.0).into()
            }
        }
        Place::Unknown => Color32::from_rgb(100, 100, 100),
    }
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
