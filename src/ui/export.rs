//! Chart pictures: crop a screenshot of the window to a chart's rectangle and write it as PNG.

use std::path::{Path, PathBuf};

use egui::{ColorImage, Rect};

use crate::io::{self, FileError};

/// Adds `.png` when the name has no extension or another one.
pub fn with_png_extension(path: &Path) -> PathBuf {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("png") => path.to_owned(),
        _ => {
            let mut s = path.as_os_str().to_owned();
            s.push(".png");
            PathBuf::from(s)
        }
    }
}

/// Crops `screenshot` (physical pixels) to `rect` (points) at `pixels_per_point`.
pub fn crop(screenshot: &ColorImage, rect: Rect, pixels_per_point: f32) -> ColorImage {
    let [w, h] = screenshot.size;
    let x0 = ((rect.min.x * pixels_per_point).round().max(0.0) as usize).min(w);
    let y0 = ((rect.min.y * pixels_per_point).round().max(0.0) as usize).min(h);
    let x1 = ((rect.max.x * pixels_per_point).round().max(0.0) as usize).clamp(x0, w);
    let y1 = ((rect.max.y * pixels_per_point).round().max(0.0) as usize).clamp(y0, h);
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(&screenshot.pixels[y * w + x0..y * w + x1]);
    }
    ColorImage::new([x1 - x0, y1 - y0], pixels)
}

/// Encodes an image as PNG bytes.
pub fn encode_png(image: &ColorImage) -> image::ImageResult<Vec<u8>> {
    let [w, h] = image.size;
    let mut rgba = Vec::with_capacity(w * h * 4);
    for p in &image.pixels {
        rgba.extend_from_slice(&p.to_srgba_unmultiplied());
    }
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or_else(|| {
        image::ImageError::Parameter(image::error::ParameterError::from_kind(
            image::error::ParameterErrorKind::DimensionMismatch,
        ))
    })?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer.write_to(&mut out, image::ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// The export step the button runs once the window's pixels arrive: crop to the chart and save
/// atomically. Returns the size written, in pixels.
pub fn save_chart_png(
    screenshot: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<[usize; 2], FileError> {
    let image = crop(screenshot, rect, pixels_per_point);
    if image.size[0] == 0 || image.size[1] == 0 {
        return Err(FileError::new(
            path,
            io::ErrorKind::Write,
            "the chart is not on screen; nothing to export",
        ));
    }
    let bytes = encode_png(&image).map_err(|e| {
        FileError::new(
            path,
            io::ErrorKind::Write,
            format!("cannot be encoded as PNG: {e}"),
        )
        .with_source(e)
    })?;
    io::atomic_write(path, &bytes)?;
    Ok(image.size)
}
