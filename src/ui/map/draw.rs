//! Painting the map: one mesh for every province's fill, their borders, the hovered and the
//! selected province outlined; the hover tooltip; an accessible node per province (a button
//! named as the interface names the province, its value as the description) so screen readers
//! and tests find them, Tab reaches them and Enter selects.

use egui::accesskit::Role;
use egui::{Color32, Pos2, Rect, Stroke, Ui, WidgetInfo, pos2, vec2};

use crate::data::document::{Metric, Place};
use crate::map::scale::{Fill, Scale};
use crate::map::values::MapValues;
use crate::map::{Map, Point, Shape};
use crate::ui::{theme, words};

/// The pointer finds a province within this many points of it, however small it is drawn (Hong
/// Kong and Macao are a pixel or two across on a small map).
pub const MIN_HIT_RADIUS: f32 = 8.0;

/// What one frame of the map draws.
pub(super) struct MapDraw<'a> {
    pub rect: Rect,
    pub values: &'a MapValues,
    pub scale: &'a Scale,
    pub metric: Metric,
    pub selected: Option<Place>,
    pub caption: &'a str,
    /// The events of the province hovered (when the app has found them).
    pub events: Option<&'a crate::ui::events::Hovered>,
    /// The periods behind the values shown.
    pub periods: std::ops::RangeInclusive<i32>,
}

/// Unit box → screen.
#[derive(Clone, Copy)]
struct Frame {
    origin: Pos2,
    scale: f32,
}

impl Frame {
    fn fit(rect: Rect, aspect: f32) -> Frame {
        let inner = rect.shrink(6.0);
        let scale = (inner.width())
            .min(inner.height() / aspect.max(0.01))
            .max(1.0);
        let size = vec2(scale, scale * aspect);
        Frame {
            origin: inner.center() - size / 2.0,
            scale,
        }
    }
    fn to_screen(self, p: Point) -> Pos2 {
        self.origin + vec2(p[0], p[1]) * self.scale
    }
    fn to_unit(self, p: Pos2) -> Point {
        let v = (p - self.origin) / self.scale;
        [v.x, v.y]
    }
}

fn color([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The fill of a province this frame.
fn fill_of(d: &MapDraw<'_>, s: &Shape) -> Fill {
    d.scale.fill(d.values.get(s.region).map(|v| v.value))
}

/// Paints the map into `d.rect`; returns the province clicked and the one hovered.
pub(super) fn draw(ui: &mut Ui, d: &MapDraw<'_>) -> (Option<Place>, Option<Place>) {
    let map = Map::get();
    let frame = Frame::fit(d.rect, map.aspect());
    let id = ui.scope_id().with("province map");
    let response = ui.interact(d.rect, id, egui::Sense::click());
    let name = crate::tr!("map-name", caption = d.caption.to_owned());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, name.clone()));
    let radius = MIN_HIT_RADIUS / frame.scale;
    let pointer = ui
        .ctx()
        .pointer_hover_pos()
        .filter(|p| d.rect.contains(*p) && ui.rect_contains_pointer(d.rect));
    let hovered = pointer.and_then(|p| map.hit(frame.to_unit(p), radius));
    let painter = ui.painter_at(d.rect);
    let mut mesh = egui::Mesh::default();
    for s in map.shapes() {
        let c = color(d.scale.color(fill_of(d, s)));
        let base = mesh.vertices.len() as u32;
        for v in &s.mesh.vertices {
            mesh.colored_vertex(frame.to_screen(*v), c);
        }
        mesh.indices.extend(s.mesh.indices.iter().map(|i| base + i));
    }
    painter.add(mesh);
    let visuals = ui.visuals();
    let border = Stroke::new(0.7, visuals.panel_fill);
    let outline = |s: &Shape, stroke: Stroke| {
        for ring in &s.rings {
            let pts: Vec<Pos2> = ring.iter().map(|p| frame.to_screen(*p)).collect();
            painter.add(egui::Shape::closed_line(pts, stroke));
        }
    };
    for s in map.shapes() {
        outline(s, border);
    }
    let strong = visuals.strong_text_color();
    let mut clicked = None;
    for s in map.shapes() {
        let place = Place::Region(s.region);
        let node = province_node(ui, d, s, frame);
        if node.clicked() {
            clicked = Some(place);
        }
        if node.has_focus() || hovered == Some(s.region) {
            outline(s, Stroke::new(1.5, strong));
        }
        if d.selected == Some(place) {
            outline(s, Stroke::new(3.0, strong));
        }
        // Provinces too small to see get a ring round them when hovered or selected.
        if s.size() * frame.scale < 4.0 && (hovered == Some(s.region) || d.selected == Some(place))
        {
            painter.circle_stroke(frame.to_screen(s.anchor), 5.0, Stroke::new(1.5, strong));
        }
    }
    if response.clicked() && clicked.is_none() {
        clicked = hovered.map(Place::Region);
    }
    if let Some(region) = hovered {
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            id,
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| tooltip(ui, d, Place::Region(region)));
    }
    (clicked, hovered.map(Place::Region))
}

/// What a province's value reads as: "Rigs seized: 6,890", "Rigs seized: no data".
pub(super) fn value_text(d: &MapDraw<'_>, place: Place) -> (String, String) {
    let Place::Region(region) = place else {
        return (String::new(), String::new());
    };
    match d.values.get(region) {
        Some(v) => (
            crate::tr!(
                "map-value",
                metric = words::metric_title(d.metric),
                value = words::figure(d.metric, v.value)
            ),
            words::events(v.events),
        ),
        None => (
            crate::tr!("map-value-no-data", metric = words::metric_title(d.metric)),
            crate::tr!("map-no-events"),
        ),
    }
}

fn tooltip(ui: &mut Ui, d: &MapDraw<'_>, place: Place) {
    let (value, events) = value_text(d, place);
    ui.label(egui::RichText::new(words::place_name(place)).strong());
    ui.label(value);
    ui.label(egui::RichText::new(events).color(theme::weak_text(ui.visuals())));
    let figure = crate::ui::events::Figure {
        metric: d.metric,
        place,
        periods: d.periods.clone(),
    };
    if let Some(list) = crate::ui::events::Hovered::of(d.events, &figure) {
        crate::ui::events::list_ui(ui, &list, false);
    }
}

/// A province's accessible node: a small square round its anchor (inside the province; where
/// a test's hover lands), a button named after the province.
fn province_node(ui: &mut Ui, d: &MapDraw<'_>, s: &Shape, frame: Frame) -> egui::Response {
    let place = Place::Region(s.region);
    let side = (s.size() * frame.scale * 0.2).clamp(4.0, 16.0);
    let rect = Rect::from_center_size(frame.to_screen(s.anchor), vec2(side, side));
    let rect = rect.intersect(d.rect);
    let id = ui.scope_id().with(("province", s.region));
    let r = ui.interact(
        if rect.is_positive() {
            rect
        } else {
            Rect::from_min_size(pos2(d.rect.min.x, d.rect.min.y), vec2(1.0, 1.0))
        },
        id,
        egui::Sense::click(),
    );
    let name = words::place_name(place);
    r.widget_info(|| WidgetInfo::labeled(Role::Button, true, name.clone()));
    let (value, events) = value_text(d, place);
    let selected = d.selected == Some(place);
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_description(crate::tr!(
            "map-province-description",
            value = value,
            events = events
        ));
        // Screen readers say which province is the selected one (outlined on the map).
        node.set_selected(selected);
    });
    r
}
