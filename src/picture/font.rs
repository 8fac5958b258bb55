//! The bundled font (a subset of Noto Sans SC, SIL Open Font License; made by
//! `scripts/make-font`): its bytes, its family name, and text widths measured with it, so the
//! picture's layout (legend wrapping, label widths) is what resvg then draws.

use std::sync::OnceLock;

/// The font file, `assets/fonts/NotoSansSC-Subset.ttf`.
pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.ttf");

/// The family name the SVG asks for (the font's own name).
pub const FAMILY: &str = "Noto Sans SC";

fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(FONT_BYTES, 0).ok())
        .as_ref()
}

/// Width of `text` at `size` px, from the font's advance widths (a character the font lacks
/// counts as one em; no kerning, which the font barely uses).
pub fn text_width(text: &str, size: f32) -> f32 {
    let Some(face) = face() else {
        return text.chars().count() as f32 * size * 0.6;
    };
    let em = f32::from(face.units_per_em().max(1));
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(em, f32::from)
        })
        .sum();
    units / em * size
}

/// Height of capitals above the baseline at `size` px (to centre text on a row).
pub fn cap_height(size: f32) -> f32 {
    face()
        .and_then(|f| {
            let h = f.capital_height()?;
            Some(f32::from(h) / f32::from(f.units_per_em().max(1)) * size)
        })
        .unwrap_or(size * 0.72)
}

/// Shortens `text` with "…" until it fits `width` at `size`.
pub fn fit(text: &str, size: f32, width: f32) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>() + "…";
        if text_width(&s, size) <= width {
            return s;
        }
    }
    String::new()
}

/// Breaks `text` into lines no wider than `width` at `size` (at spaces, or anywhere in a word
/// longer than a line, as in Chinese), at most `max_lines`; the last one ends with "…" when
/// text was left over.
pub fn wrap(text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        let candidate = format!("{line}{word}");
        if text_width(candidate.trim_end(), size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_owned());
            line = String::new();
        }
        // A word too long for a line is cut by characters.
        for c in word.chars() {
            line.push(c);
            if text_width(line.trim_end(), size) > width {
                line.pop();
                lines.push(line.trim_end().to_owned());
                line = c.to_string();
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), size, width);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_measures_latin_and_chinese() {
        let w = text_width("Inner Mongolia", 12.0);
        assert!(w > 50.0 && w < 110.0, "{w}");
        // Every hanzi is one em wide in Noto Sans SC: found in the subset.
        assert!((text_width("内蒙古", 10.0) - 30.0).abs() < 0.5);
        assert!(text_width("", 12.0) == 0.0);
    }

    #[test]
    fn wrapping_keeps_lines_inside_the_width_and_marks_what_is_left_out() {
        let text = "Source: a.csv; one two three four five six seven eight nine ten";
        let lines = wrap(text, 12.0, 120.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| text_width(l, 12.0) <= 120.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("short", 12.0, 120.0, 3), vec!["short"]);
        assert!(fit("a long long label", 12.0, 40.0).ends_with('…'));
    }
}
