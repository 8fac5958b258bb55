//! Report pictures, without egui: a chart or the dashboard as a small [`scene::Scene`] (rects,
//! lines, polygons, circles, text) built from the same [`crate::analysis::View`] series, colours
//! ([`palette`]), units ([`units`]) and ticks ([`ticks`]) the screen uses; written as SVG
//! ([`svg`]) and rendered from that SVG to PNG by resvg ([`png`]) with only the bundled font
//! ([`font`]), so the PNG and the SVG have the same layout and the picture is the same on every
//! machine. The window's export dialog and the headless `export` command both call
//! [`chart::chart_scene`] and [`dashboard::dashboard_scene`].
//!
//! May import `data` and `analysis`; never egui, `ui` or `app`.

pub mod chart;
pub mod dashboard;
pub mod font;
pub mod map;
pub mod palette;
pub mod png;
pub mod scene;
pub mod svg;
pub mod texts;
pub mod ticks;
pub mod units;

/// Light or dark picture.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Theme {
    /// Dark text on white (the default: pictures go into reports).
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
}

/// How a metric is charted.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ChartKind {
    /// Per-period bars stacked by province.
    #[default]
    Bars,
    /// Cumulative lines per province.
    Cumulative,
    /// One small chart per province on shared axes, ordered by total.
    Multiples,
    /// Horizontal bars of each province's total over the date range.
    Ranking,
}

impl ChartKind {
    /// All kinds, in menu order.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Bars,
        ChartKind::Cumulative,
        ChartKind::Multiples,
        ChartKind::Ranking,
    ];

    /// The word on the command line (`--view bars`).
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Bars => "bars",
            ChartKind::Cumulative => "cumulative",
            ChartKind::Multiples => "multiples",
            ChartKind::Ranking => "ranking",
        }
    }

    /// The kind a command-line word names.
    pub fn from_key(key: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The texts around a picture: all editable in the export dialog.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts {
    /// Big line on top.
    pub title: String,
    /// Metric, period and filters.
    pub subtitle: String,
    /// "Source: <file>; <sources of the shown rows>".
    pub footer: String,
    /// The text alternative ("About this chart"): SVG `<title>`/`<desc>`.
    pub description: String,
}

/// A picture file's format.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    /// Pixels (at the chosen scale).
    #[default]
    Png,
    /// Vectors, text as text.
    Svg,
}

impl Format {
    /// The format a file name's extension names (`.png`, `.svg`, any case).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}

/// The bytes of a scene's file: SVG as written, or that SVG rendered to PNG at `scale` (so the
/// two have the same layout).
pub fn encode(
    scene: &scene::Scene,
    format: Format,
    scale: f32,
) -> Result<Vec<u8>, png::PictureError> {
    let svg = svg::to_svg(scene);
    match format {
        Format::Svg => Ok(svg.into_bytes()),
        Format::Png => png::svg_to_png(&svg, scale),
    }
}
