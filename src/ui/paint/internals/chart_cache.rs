//! The charts painted from a picture of themselves while they look the same.
//!
//! Software OpenGL (llvmpipe, no GPU) spends most of a frame shading pixels and setting up
//! triangles, and the four charts (card frames, thousands of bars, grid lines, legends) were
//! half of both while only the table scrolled. The charts are still laid out in every frame
//! that input can reach them in (their widgets answer the pointer, keyboard and screen readers
//! as before; other frames repeat the last layout without doing it, see [`super::chart_hold`]);
//! the shapes they painted are compared with the shapes of a frame read back from the screen. When they are equal, the
//! shapes are dropped and that frame's pixels are painted instead, one textured rectangle
//! copied pixel for pixel: the picture shows exactly what the shapes would paint.
//!
//! A picture is taken (one screenshot) once the charts' shapes have held for two frames and
//! differ from the picture's; it is kept only if every frame until it arrived painted the same
//! shapes with nothing else (menu, tooltip, dialog, dropped-file overlay) over them.

use std::sync::{Arc, Mutex};

use egui::epaint::ClippedShape;
use egui::layers::ShapeIdx;
use egui::{Color32, ColorImage, LayerId, Rect, TextureHandle, TextureOptions, Ui};

/// A screenshot delivered by the integration: (request number, image).
type Slot = Arc<Mutex<Option<(u64, Arc<ColorImage>)>>>;

/// What a picture (or a pending one) shows.
#[derive(Clone, Debug, PartialEq)]
struct Look {
    /// The charts' shapes, with their clip rects.
    shapes: Vec<ClippedShape>,
    /// Physical pixels: x, y, width, height.
    pixels: [usize; 4],
    pixels_per_point: f32,
    /// What is under the charts (clear colour or panel fill).
    background: Color32,
}

/// A screenshot asked for.
struct Pending {
    id: u64,
    look: Look,
}

/// The picture in use.
struct Picture {
    look: Look,
    texture: TextureHandle,
}

impl Picture {
    /// The picture as one textured rectangle over the pixels it was taken from.
    fn mesh(&self) -> egui::Shape {
        let [x, y, w, h] = self.look.pixels;
        let ppp = self.look.pixels_per_point;
        let rect = Rect::from_min_size(
            egui::pos2(x as f32, y as f32) / ppp,
            egui::vec2(w as f32, h as f32) / ppp,
        );
        let mut mesh = egui::Mesh::with_texture(self.texture.id());
        mesh.add_rect_with_uv(
            rect,
            Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        egui::Shape::mesh(mesh)
    }
}

/// Where this frame's chart shapes are in the paint list.
pub struct Span {
    layer: LayerId,
    start: ShapeIdx,
    clip: Rect,
    background: Color32,
}

/// The charts' picture and the screenshot that may replace it.
#[derive(Default)]
pub struct ChartCache {
    enabled: bool,
    picture: Option<Picture>,
    pending: Option<Pending>,
    requests: u64,
    slot: Slot,
    /// The charts' look in the previous frame.
    last: Option<Look>,
    /// This frame's look when it was painted live (a screenshot may be asked for in `finish`).
    live: Option<Look>,
    /// The picture was painted this frame.
    used: bool,
}

impl ChartCache {
    /// A cache that paints pictures when `enabled` (the native window); when off the charts are
    /// always painted as shapes.
    pub fn new(enabled: bool) -> Self {
        ChartCache {
            enabled,
            ..Default::default()
        }
    }

    /// Whether the last frame painted the charts from the picture.
    pub fn used(&self) -> bool {
        self.used
    }

    /// Call before the charts are drawn into `ui`; `background` is what is painted under them.
    pub fn begin(&mut self, ui: &Ui, background: Color32) -> Span {
        Span {
            layer: ui.layer_id(),
            start: ui.painter().add(egui::Shape::Noop),
            clip: ui.clip_rect(),
            background,
        }
    }

    /// Call after the charts are drawn: paints the picture instead of their shapes when it shows
    /// the same.
    pub fn end(&mut self, ui: &Ui, span: Span) {
        self.used = false;
        self.live = None;
        if !self.enabled {
            return;
        }
        let ctx = ui.ctx();
        let ppp = ctx.pixels_per_point();
        let first = span.start.0 + 1;
        let shapes: Vec<ClippedShape> = ctx.graphics(|g| {
            g.get(span.layer)
                .map(|list| list.all_entries().skip(first).cloned().collect())
                .unwrap_or_default()
        });
        // Nothing painted, or more than a texture can hold (the charts are then painted live).
        let max_side = ctx.input(|i| i.max_texture_side);
        let Some(pixels) = pixel_rect(&shapes, span.clip, ctx.content_rect(), ppp)
            .filter(|p| p[2] <= max_side && p[3] <= max_side)
        else {
            self.last = None;
            return;
        };
        let look = Look {
            shapes,
            pixels,
            pixels_per_point: ppp,
            background: span.background,
        };
        self.take_screenshot(ctx);
        if let Some(picture) = &self.picture
            && picture.look == look
        {
            let mesh = picture.mesh();
            let end = first + look.shapes.len();
            ctx.graphics_mut(|g| {
                let list = g.entry(span.layer);
                list.set(span.start, span.clip, mesh);
                for i in first..end {
                    list.reset_shape(ShapeIdx(i));
                }
            });
            self.used = true;
            self.last = Some(look);
            return;
        }
        if self.last.as_ref() == Some(&look) {
            self.live = Some(look.clone());
        }
        self.last = Some(look);
    }

    /// In a frame that does not lay the charts out (see [`super::chart_hold`]): paints the
    /// picture the last frame painted, in the same place, into `ui` (the `ui` the charts were
    /// drawn into, so with the same clip rect). False, painting nothing, when the last frame
    /// painted no picture.
    pub fn repaint_picture(&mut self, ui: &Ui) -> bool {
        self.live = None;
        let Some(picture) = self.picture.as_ref().filter(|_| self.used) else {
            self.used = false;
            return false;
        };
        ui.painter().add(picture.mesh());
        true
    }

    /// Call at the end of the frame, when everything is drawn: keeps or drops the screenshot
    /// asked for, and asks for one of the charts painted live if they have held still. `over` is
    /// what the frame painted over the charts after them (the focus ring): a picture is neither
    /// taken nor kept with it.
    pub fn finish(&mut self, ctx: &egui::Context, over: Option<Rect>) {
        let live = self.live.take();
        if !self.enabled {
            return;
        }
        // The frame a pending screenshot shows must paint the same shapes, uncovered.
        if let Some(p) = &self.pending
            && (live.as_ref() != Some(&p.look) || covered(ctx, &p.look, over) || ctx.will_discard())
        {
            self.pending = None;
        }
        let Some(look) = live else { return };
        if self.pending.is_some() || covered(ctx, &look, over) || ctx.will_discard() {
            return;
        }
        self.requests += 1;
        let id = self.requests;
        let slot = Arc::clone(&self.slot);
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Ok(mut s) = slot.lock() {
                *s = Some((id, image));
            }
            repaint.request_repaint();
        });
        self.pending = Some(Pending { id, look });
    }

    /// Turns a delivered screenshot into the picture, if it is the one pending.
    fn take_screenshot(&mut self, ctx: &egui::Context) {
        let Some((id, image)) = self.slot.lock().ok().and_then(|mut s| s.take()) else {
            return;
        };
        let Some(pending) = self.pending.take_if(|p| p.id == id) else {
            return;
        };
        let [x, y, w, h] = pending.look.pixels;
        if x + w > image.size[0] || y + h > image.size[1] {
            return;
        }
        let mut crop = image.region_by_pixels([x, y], [w, h]);
        // The framebuffer is opaque where the charts are; a cleared alpha must not show through.
        for p in &mut crop.pixels {
            *p = Color32::from_rgb(p.r(), p.g(), p.b());
        }
        let texture = match self.picture.take() {
            Some(mut p) => {
                p.texture.set(crop, TextureOptions::NEAREST);
                p.texture
            }
            None => ctx.load_texture("charts picture", crop, TextureOptions::NEAREST),
        };
        self.picture = Some(Picture {
            look: pending.look,
            texture,
        });
    }
}

/// The physical pixels the shapes paint (one more all round for anti-aliasing), within the clip
/// rect and the screen; `None` when they paint nothing.
fn pixel_rect(shapes: &[ClippedShape], clip: Rect, screen: Rect, ppp: f32) -> Option<[usize; 4]> {
    let bounds = shapes
        .iter()
        .map(|s| s.shape.visual_bounding_rect().intersect(s.clip_rect))
        .filter(|r| r.is_positive())
        .fold(Rect::NOTHING, |a, b| a.union(b));
    let r = bounds.intersect(clip).intersect(screen);
    if !r.is_positive() {
        return None;
    }
    let limit = screen.max * ppp;
    let x0 = ((r.min.x * ppp).floor() - 1.0).max(0.0);
    let y0 = ((r.min.y * ppp).floor() - 1.0).max(0.0);
    let x1 = ((r.max.x * ppp).ceil() + 1.0).min(limit.x.floor());
    let y1 = ((r.max.y * ppp).ceil() + 1.0).min(limit.y.floor());
    (x1 > x0 && y1 > y0).then_some([
        x0 as usize,
        y0 as usize,
        (x1 - x0) as usize,
        (y1 - y0) as usize,
    ])
}

/// Whether anything may paint over the look's pixels: an area (window, menu, popup, tooltip)
/// visible this frame or the last one over them, files dragged over the window (an overlay), or
/// `over` (the focus ring) on them.
fn covered(ctx: &egui::Context, look: &Look, over: Option<Rect>) -> bool {
    let [x, y, w, h] = look.pixels;
    let ppp = look.pixels_per_point;
    let rect = Rect::from_min_size(
        egui::pos2(x as f32, y as f32) / ppp,
        egui::vec2(w as f32, h as f32) / ppp,
    );
    if ctx.input(|i| !i.raw.hovered_files.is_empty()) || over.is_some_and(|o| o.intersects(rect)) {
        return true;
    }
    ctx.memory(|m| {
        m.areas()
            .visible_layer_ids()
            .into_iter()
            .filter(|layer| *layer != LayerId::background())
            .any(|layer| m.area_rect(layer.id).is_none_or(|a| a.intersects(rect)))
    })
}
