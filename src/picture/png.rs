//! SVG to PNG with resvg at any scale, with only the bundled font in the font database (no
//! system fonts: the picture is the same on every machine).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::font::{FAMILY, FONT_BYTES};

/// The largest side of a picture, in pixels (a 16,384-pixel square is 1 GB of RGBA).
pub const MAX_SIDE: u32 = 16_384;

/// Why a picture could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureError(pub String);

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PictureError {}

/// Pixels of a rendered picture: RGBA, not premultiplied, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes.
    pub rgba: Vec<u8>,
}

/// The font database with the bundled font only, made once.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_BYTES.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// How many pixels a side of `logical` px has at `scale`.
pub fn pixels(logical: f32, scale: f32) -> u32 {
    (logical * scale).round().max(0.0) as u32
}

/// Renders an SVG document at `scale` (a 1200-px-wide picture at 2× is 2400 px wide).
pub fn render_svg(svg: &str, scale: f32) -> Result<Rendered, PictureError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PictureError(format!(
            "the scale {scale} is not a positive number"
        )));
    }
    let options = usvg::Options {
        fontdb: fontdb(),
        font_family: FAMILY.to_owned(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| PictureError(format!("the picture could not be read as SVG: {e}")))?;
    let size = tree.size();
    let (w, h) = (pixels(size.width(), scale), pixels(size.height(), scale));
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(PictureError(format!(
            "a picture of {w}×{h} pixels cannot be made (each side 1 to {MAX_SIDE} pixels)"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| PictureError(format!("no memory for a picture of {w}×{h} pixels")))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(Rendered {
        width: w,
        height: h,
        rgba: pixmap.take_demultiplied(),
    })
}

/// PNG bytes of rendered pixels.
pub fn encode_png(picture: &Rendered) -> Result<Vec<u8>, PictureError> {
    let buffer = image::RgbaImage::from_raw(picture.width, picture.height, picture.rgba.clone())
        .ok_or_else(|| PictureError("the picture's pixels do not match its size".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| PictureError(format!("cannot be encoded as PNG: {e}")))?;
    Ok(out.into_inner())
}

/// An SVG document rendered at `scale` as PNG bytes.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, PictureError> {
    encode_png(&render_svg(svg, scale)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_at_the_scale_asked_for_with_the_bundled_font() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ffffff"/><text x="2" y="15" font-family="Noto Sans SC" font-size="14">内A</text></svg>"##;
        let one = render_svg(svg, 1.0).unwrap();
        let three = render_svg(svg, 3.0).unwrap();
        assert_eq!((one.width, one.height), (40, 20));
        assert_eq!((three.width, three.height), (120, 60));
        // The text was drawn: some pixels are dark.
        assert!(
            one.rgba.chunks(4).any(|p| p[0] < 100),
            "text drawn with the bundled font"
        );
        assert!(render_svg(svg, 0.0).is_err());
        assert!(
            render_svg(svg, 1000.0).is_err(),
            "too large is an error, not a crash"
        );
        assert!(render_svg("not svg", 1.0).is_err());
        let png = encode_png(&one).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
