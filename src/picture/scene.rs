//! A picture as a list of shapes in logical pixels (origin top left, y down): what the SVG
//! writer writes and, through it, what the PNG shows.

use super::palette::Rgb;

/// How text sits on its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the start of the baseline.
    Start,
    /// The point is the middle of the baseline.
    Middle,
    /// The point is the end of the baseline.
    End,
}

/// A run of text on one baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Anchor point x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
    /// The text.
    pub text: String,
    /// Font size, px.
    pub size: f32,
    /// Bold.
    pub bold: bool,
    /// Colour.
    pub color: Rgb,
    /// How the text sits on (x, y).
    pub anchor: Anchor,
}

/// One shape.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill.
        fill: Rgb,
    },
    /// An open line through points.
    Polyline {
        /// The points.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Rgb,
        /// Width, px.
        width: f32,
    },
    /// A filled closed polygon.
    Polygon {
        /// The corners.
        points: Vec<(f32, f32)>,
        /// Fill.
        fill: Rgb,
        /// Outline colour and width.
        stroke: Option<(Rgb, f32)>,
    },
    /// A filled circle.
    Circle {
        /// Centre x.
        cx: f32,
        /// Centre y.
        cy: f32,
        /// Radius.
        r: f32,
        /// Fill.
        fill: Rgb,
    },
    /// Text.
    Text(Text),
}

/// A whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width, logical px.
    pub width: f32,
    /// Height, logical px.
    pub height: f32,
    /// Background colour.
    pub background: Rgb,
    /// Shapes, painted in order.
    pub shapes: Vec<Shape>,
    /// The picture's title (SVG `<title>`).
    pub title: String,
    /// Its text alternative (SVG `<desc>`).
    pub description: String,
}

impl Scene {
    /// An empty picture.
    pub fn new(width: f32, height: f32, background: Rgb) -> Self {
        Scene {
            width,
            height,
            background,
            shapes: Vec::new(),
            title: String::new(),
            description: String::new(),
        }
    }

    /// Adds a filled rectangle (nothing for an empty one).
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() {
            self.shapes.push(Shape::Rect { x, y, w, h, fill });
        }
    }

    /// Adds a line.
    pub fn line(&mut self, points: Vec<(f32, f32)>, color: Rgb, width: f32) {
        if points.len() >= 2 {
            self.shapes.push(Shape::Polyline {
                points,
                color,
                width,
            });
        }
    }

    /// Adds text; `y` is the baseline.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        bold: bool,
        color: Rgb,
        anchor: Anchor,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.shapes.push(Shape::Text(Text {
                x,
                y,
                text,
                size,
                bold,
                color,
                anchor,
            }));
        }
    }

    /// Every text of the picture, in order (for tests and the accessible description).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
    }
}

/// A rectangle of the picture, for laying parts out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    /// Left.
    pub x: f32,
    /// Top.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Area {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
}
