//! Fewer draw calls: shapes that lie wholly inside their clip rect do not need it.
//!
//! egui gives table cells, painters and panels their own clip rects, and the tessellator starts
//! a new mesh (one draw call and scissor change) whenever the clip rect changes from one shape
//! to the next: about 190 draw calls a frame, each with a fixed cost in the OpenGL driver and,
//! with software rendering (llvmpipe), in its rasterizer threads. A shape whose pixels all lie
//! inside its clip rect looks the same clipped to the whole window, and neighbours so widened
//! share one mesh.

use egui::emath::{GuiRounding as _, TSTransform};
use egui::layers::ShapeIdx;
use egui::{LayerId, Rect, Shape};

/// Clips every shape of `layer` whose pixels all lie inside its clip rect to the whole window
/// instead.
pub fn widen_contained_clips(ctx: &egui::Context, layer: LayerId) {
    let window = ctx.content_rect();
    let ppp = ctx.pixels_per_point();
    let (round_rects, round_text) =
        ctx.tessellation_options(|o| (o.round_rects_to_pixels, o.round_text_to_pixels));
    ctx.graphics_mut(|g| {
        let Some(list) = g.get_mut(layer) else { return };
        for i in 0..list.next_idx().0 {
            list.mutate_shape(ShapeIdx(i), |s| {
                if s.clip_rect != window
                    && s.transform_after_tessellation == TSTransform::IDENTITY
                    && window.contains_rect(s.clip_rect)
                    && inside(&s.shape, s.clip_rect, window, ppp, round_rects, round_text)
                {
                    s.clip_rect = window;
                }
            });
        }
    });
}

/// Whether every pixel `shape` paints in `window` is inside `clip`.
fn inside(
    shape: &Shape,
    clip: Rect,
    window: Rect,
    ppp: f32,
    round_rects: bool,
    round_text: bool,
) -> bool {
    // The pixels the scissor keeps: the painters (glow, wgpu) round the clip rect's edges to the
    // nearest pixel.
    let keep = Rect::from_min_max(
        ((clip.min.to_vec2() * ppp).round() / ppp).to_pos2(),
        ((clip.max.to_vec2() * ppp).round() / ppp).to_pos2(),
    );
    // What is outside the window is not painted either way.
    let keep = |painted: Rect| keep.contains_rect(painted.intersect(window));
    if matches!(shape, Shape::Callback(_)) {
        return false;
    }
    // Nothing painted in the window (a placeholder, an empty text, something off screen): its
    // clip rect only splits meshes.
    if !shape.visual_bounding_rect().intersects(window) {
        return true;
    }
    match shape {
        Shape::Rect(r)
            if r.fill == egui::Color32::TRANSPARENT && r.stroke.is_empty() && r.brush.is_none() =>
        {
            true
        }
        // A filled rect is rounded to pixels; its anti-aliasing fringe then adds nothing outside
        // it (the fringe's outer half is transparent at the neighbouring pixels' centres).
        Shape::Rect(r)
            if r.stroke.is_empty()
                && r.blur_width == 0.0
                && r.angle == 0.0
                && r.brush.is_none()
                && r.round_to_pixels.unwrap_or(round_rects) =>
        {
            keep(r.rect.round_to_pixels(ppp))
        }
        // Text is drawn as glyph rectangles within its galley's mesh bounds, at its position
        // rounded to pixels.
        Shape::Text(t) if t.angle == 0.0 => {
            let pos = if round_text {
                t.pos.round_to_pixels(ppp)
            } else {
                t.pos
            };
            keep(t.galley.mesh_bounds.translate(pos.to_vec2()))
        }
        // Anything else anti-aliased or rounded to pixels: two pixels to spare.
        Shape::Rect(_)
        | Shape::LineSegment { .. }
        | Shape::Path(_)
        | Shape::Circle(_)
        | Shape::Mesh(_) => keep(shape.visual_bounding_rect().expand(2.0 / ppp)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, Stroke, pos2};

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
    }

    #[test]
    fn shapes_whose_pixels_stay_inside_their_clip_rect() {
        let clip = rect(10.0, 10.0, 50.0, 30.0);
        let window = rect(0.0, 0.0, 100.0, 100.0);
        let inside = |s: &Shape, ppp: f32| inside(s, clip, window, ppp, true, true);
        // A filled rect up to the clip's edges paints nothing outside it.
        assert!(inside(&Shape::rect_filled(clip, 0.0, Color32::RED), 1.0));
        assert!(inside(&Shape::rect_filled(clip, 3.0, Color32::RED), 1.0));
        // Nothing painted is inside anything.
        assert!(inside(&Shape::Noop, 1.0));
        let off_screen = rect(120.0, 10.0, 150.0, 30.0);
        assert!(inside(
            &Shape::rect_filled(off_screen, 0.0, Color32::RED),
            1.0
        ));
        let far = rect(60.0, 40.0, 90.0, 60.0);
        assert!(inside(
            &Shape::rect_filled(far, 0.0, Color32::TRANSPARENT),
            1.0
        ));
        assert!(!inside(
            &Shape::rect_filled(far, 0.0, Color32::from_additive_luminance(5)),
            1.0
        ));
        // Across an edge, or rounded outwards to pixels at 1.5 pixels per point, it does.
        let wide = rect(10.0, 10.0, 50.5, 30.0);
        assert!(!inside(&Shape::rect_filled(wide, 0.0, Color32::RED), 1.0));
        let odd = rect(10.0, 10.0, 50.4, 30.0);
        assert!(!inside(&Shape::rect_filled(odd, 0.0, Color32::RED), 1.5));
        // A stroke's anti-aliasing reaches past the rect: it needs room to spare.
        let stroke = Stroke::new(1.0, Color32::RED);
        let framed = Shape::rect_stroke(clip, 0.0, stroke, egui::StrokeKind::Inside);
        assert!(!inside(&framed, 1.0));
        let line = Shape::line_segment([Pos2::new(20.0, 20.0), Pos2::new(40.0, 20.0)], stroke);
        assert!(inside(&line, 1.0));
        let long = Shape::line_segment([Pos2::new(20.0, 20.0), Pos2::new(49.0, 20.0)], stroke);
        assert!(!inside(&long, 1.0));
        // What reaches past the window is not painted with or without the clip rect.
        let edge = rect(60.0, 10.0, 100.0, 30.0);
        let past = Shape::rect_filled(rect(70.0, 10.0, 120.0, 30.0), 0.0, Color32::RED);
        assert!(super::inside(&past, edge, window, 1.0, true, true));
        assert!(!super::inside(
            &past,
            edge,
            rect(0.0, 0.0, 110.0, 100.0),
            1.0,
            true,
            true
        ));
    }
}
