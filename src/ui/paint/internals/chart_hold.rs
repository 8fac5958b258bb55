//! The cards and charts not laid out at all while nothing can change them or reach them.
//!
//! While the charts are painted from their picture ([`super::chart_cache`]) they were still laid
//! out every frame (egui_plot building four plots and their axes, 140 legend entries, the
//! cards), only so that the pointer, the keyboard and screen readers would find them: most of a
//! frame's CPU time while only the table scrolled. A frame now skips that layout when all of
//! these hold:
//!
//! - what the charts show is the same as in the last frame that laid them out: the same key
//!   (the app's view, hidden provinces, mode, export in progress) and the same surroundings
//!   (the rect they are given, clip rect, layer, pixels per point, style, fonts, AccessKit on or
//!   off);
//! - nothing in this frame's input can reach them: the pointer is not over them and did not move,
//!   press or touch there this frame, no press that started there is still held, no widget of
//!   theirs has the keyboard focus (nor a widget egui did not see last frame), and no key that
//!   moves the focus (Tab, unmodified arrows, Escape) or AccessKit action came in;
//! - the last two live frames (in two different frames, not two passes of one) were laid out
//!   with the same key and quiet input, painted the picture (their shapes were equal to it), and
//!   at least the style's animation time has passed since anything could have reached them, so
//!   no hover fade or scroll animation is still running.
//!
//! A skipped frame stands in for the layout so that egui sees what it would have seen:
//!
//! - every widget the charts registered in the last live frame is registered again with the same
//!   id, rect, interaction rect and sense, in the same order. egui decides what is hovered and
//!   clicked from the *previous* frame's widgets, so a click arriving in the same input as the
//!   pointer's first move over the charts still finds its widget, and Tab order and the focus
//!   list are those of a live frame;
//! - the dashboard's scope takes the same rect (nothing after it moves);
//! - the picture is painted where it was;
//! - with AccessKit on (a screen reader, or the tests), the charts' accessibility subtree of the
//!   last live frame is given again under the same scope node, so a screen reader (and kittest)
//!   sees the same tree.
//!
//! Any other frame is live, and the next frames are live until the charts have settled again.

use std::sync::Arc;

use egui::{Event, Id, Key, LayerId, Rect, Style, Ui, WidgetRect, accesskit};

/// Where and how the charts are laid out, apart from what they show.
#[derive(Clone, Debug, PartialEq)]
struct Surroundings {
    max_rect: Rect,
    available: Rect,
    clip_rect: Rect,
    layer: LayerId,
    pixels_per_point: f32,
    max_texture_side: usize,
    enabled: bool,
    visible: bool,
    sizing_pass: bool,
    accesskit: bool,
    fonts: u64,
}

impl Surroundings {
    fn of(ui: &Ui) -> Self {
        let ctx = ui.ctx();
        Surroundings {
            max_rect: ui.max_rect(),
            available: ui.available_rect_before_wrap(),
            clip_rect: ui.clip_rect(),
            layer: ui.layer_id(),
            pixels_per_point: ctx.pixels_per_point(),
            max_texture_side: ctx.input(|i| i.max_texture_side),
            enabled: ui.is_enabled(),
            visible: ui.is_visible(),
            sizing_pass: ui.is_sizing_pass(),
            accesskit: ctx.viewport(|v| v.this_pass.accesskit_state.is_some()),
            fonts: fonts_fingerprint(ctx),
        }
    }
}

/// The installed font families and fonts, and how many fallback fonts were found so far.
fn fonts_fingerprint(ctx: &egui::Context) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    ctx.fonts(|f| {
        let d = f.definitions();
        d.families.hash(&mut h);
        d.font_data.keys().for_each(|k| k.hash(&mut h));
        f.discovered_fonts()
            .iter()
            .for_each(|i| i.name.hash(&mut h));
    });
    h.finish()
}

/// The last live layout, as a skipped frame repeats it.
struct Held<K> {
    key: K,
    around: Surroundings,
    style: Arc<Style>,
    /// The dashboard scope's id.
    scope: Id,
    /// What the scope took.
    rect: Rect,
    /// Where the pointer can reach a widget of the charts (their rect and egui's interact
    /// radius).
    reach: Rect,
    /// The widgets laid out inside the scope, in order (not the scope itself).
    widgets: Vec<WidgetRect>,
    /// The accessibility subtree under the scope (its own node first), when AccessKit was on.
    nodes: Vec<(Id, accesskit::Node)>,
}

/// Decides when the charts' layout may be skipped, and stands in for it (see the module docs).
pub struct ChartHold<K> {
    held: Option<Held<K>>,
    /// Live frames in a row that were laid out with quiet input and painted the picture.
    settled: u32,
    /// The frame that counted last in `settled` (two passes of one frame count once).
    settled_frame: Option<u64>,
    /// Input time of the last frame that could have reached or changed the charts.
    disturbed_at: f64,
    /// This frame's input cannot reach the charts and they show the same as when held.
    quiet: bool,
    /// This frame skipped the layout.
    skipped: bool,
    /// Widgets of the layer before the scope.
    first: usize,
    /// The surroundings and style `plan` saw this frame.
    planned: Option<(Surroundings, Arc<Style>)>,
    /// Frames that skipped the layout, for tests and measurements.
    skipped_frames: u64,
}

impl<K> Default for ChartHold<K> {
    fn default() -> Self {
        ChartHold {
            held: None,
            settled: 0,
            settled_frame: None,
            disturbed_at: f64::NEG_INFINITY,
            quiet: false,
            skipped: false,
            first: 0,
            planned: None,
            skipped_frames: 0,
        }
    }
}

/// Live frames in a row that must show the picture before the layout is skipped.
const SETTLE_FRAMES: u32 = 2;

impl<K: PartialEq> ChartHold<K> {
    /// Whether the last frame skipped the charts' layout.
    pub fn skipped(&self) -> bool {
        self.skipped
    }

    /// How many frames skipped the charts' layout so far.
    pub fn skipped_frames(&self) -> u64 {
        self.skipped_frames
    }

    /// Call on the `ui` the dashboard's scope will be made in, before it: whether this frame may
    /// skip the layout. `picture`: the last frame painted the charts from their picture, and it
    /// can be painted again.
    pub fn plan(&mut self, ui: &Ui, key: &K, picture: bool) -> bool {
        let ctx = ui.ctx();
        let now = ctx.input(|i| i.time);
        let around = Surroundings::of(ui);
        self.quiet = self.held.as_ref().is_some_and(|h| {
            h.key == *key
                && h.around == around
                && (Arc::ptr_eq(&h.style, ui.style()) || *h.style == **ui.style())
                && !reaches(ctx, h)
        });
        if !self.quiet {
            self.settled = 0;
            self.disturbed_at = now;
        }
        let calm = now - self.disturbed_at >= f64::from(ui.style().animation_time);
        self.skipped = self.quiet && picture && calm && self.settled >= SETTLE_FRAMES;
        self.first = widget_count(ui);
        self.planned = Some((around, Arc::clone(ui.style())));
        if self.skipped {
            self.skipped_frames += 1;
        }
        self.skipped
    }

    /// Call inside the dashboard's scope in a skipped frame, before painting the picture: the
    /// widgets of the last live layout are registered again and the scope takes the same rect.
    pub fn replay_widgets(&self, ui: &mut Ui) {
        let Some(held) = &self.held else { return };
        debug_assert_eq!(
            ui.unique_id(),
            held.scope,
            "replayed in the scope it was laid out in"
        );
        let clip = ui.clip_rect();
        for w in &held.widgets {
            // `interact` clips the widget's interaction rect to the clip rect: this clip gives
            // the interaction rect it had.
            ui.set_clip_rect(w.interact_rect);
            let _ = ui.interact(w.rect, w.id, w.sense);
        }
        ui.set_clip_rect(clip);
        ui.expand_to_include_rect(held.rect);
    }

    /// Call after the dashboard's scope in a skipped frame: gives the held accessibility subtree
    /// again, under the scope's node.
    pub fn replay_nodes(&self, ctx: &egui::Context) {
        let Some(held) = &self.held else { return };
        if held.nodes.is_empty() {
            return;
        }
        let root = egui::accesskit_root_id();
        // A node egui does not know a parent of is added to the root's children: the root's are
        // put back as they were after the subtree is in.
        let Some(root_children) = ctx.accesskit_node_builder(root, |n| n.children().to_vec())
        else {
            return;
        };
        // Descendants first: adding one may also list it among the scope's children (egui's
        // parent of a replayed widget is the scope), which the scope's own node then replaces.
        for (id, node) in held.nodes.iter().skip(1) {
            ctx.accesskit_node_builder(*id, |n| *n = node.clone());
        }
        let (scope, node) = &held.nodes[0];
        ctx.accesskit_node_builder(*scope, |n| *n = node.clone());
        ctx.accesskit_node_builder(root, |n| n.set_children(root_children));
    }

    /// Call after the dashboard's scope in a live frame, with the scope's response and whether
    /// the picture was painted this frame: remembers the layout for the frames that skip it.
    pub fn record(&mut self, ui: &Ui, scope: &egui::Response, key: K, painted_picture: bool) {
        let ctx = ui.ctx();
        let layer = ui.layer_id();
        let widgets: Vec<WidgetRect> = ctx.viewport(|v| {
            v.this_pass
                .widgets
                .get_layer(layer)
                .skip(self.first)
                .copied()
                .collect()
        });
        // The scope is the first widget; every other one is replayed as it was (on this layer,
        // enabled and visible, as `Ui::interact` in the scope would register it).
        let holdable = widgets.first().is_some_and(|w| w.id == scope.id)
            && widgets[1..]
                .iter()
                .all(|w| w.enabled && w.visible && w.layer_id == layer);
        let frame = ctx.cumulative_frame_nr();
        if self.quiet && painted_picture && holdable {
            if self.settled_frame != Some(frame) {
                self.settled += 1;
                self.settled_frame = Some(frame);
            }
        } else {
            self.settled = 0;
            self.disturbed_at = ctx.input(|i| i.time);
        }
        let Some((around, style)) = self.planned.take().filter(|_| holdable) else {
            self.held = None;
            return;
        };
        let radius = ui.style().interaction.interact_radius;
        let reach = widgets[1..]
            .iter()
            .fold(scope.rect, |r, w| r.union(w.interact_rect))
            .expand(radius + 1.0);
        self.held = Some(Held {
            key,
            around,
            style,
            scope: scope.id,
            rect: scope.rect,
            reach,
            widgets: widgets[1..].to_vec(),
            nodes: subtree(ctx, scope.id),
        });
    }
}

/// How many widgets the `ui`'s layer has this pass.
fn widget_count(ui: &Ui) -> usize {
    let layer = ui.layer_id();
    ui.ctx()
        .viewport(|v| v.this_pass.widgets.get_layer(layer).count())
}

/// Whether this frame's input can reach the held charts.
fn reaches<K>(ctx: &egui::Context, held: &Held<K>) -> bool {
    let area = held.reach;
    let pointer_or_keys = ctx.input(|i| {
        i.pointer.latest_pos().is_some_and(|p| area.contains(p))
            || i.pointer.press_origin().is_some_and(|p| area.contains(p))
            || i.raw.events.iter().any(|e| match e {
                Event::PointerMoved(p) | Event::PointerButton { pos: p, .. } => area.contains(*p),
                Event::Touch { pos, .. } => area.contains(*pos),
                Event::Key { key, modifiers, .. } => {
                    *key == Key::Tab
                        || (!modifiers.any()
                            && matches!(
                                key,
                                Key::ArrowUp
                                    | Key::ArrowDown
                                    | Key::ArrowLeft
                                    | Key::ArrowRight
                                    | Key::Escape
                            ))
                }
                Event::AccessKitActionRequest(_) => true,
                _ => false,
            })
    });
    if pointer_or_keys {
        return true;
    }
    let held_widget = |id: Id| held.widgets.iter().any(|w| w.id == id);
    let focus = ctx
        .memory(|m| m.focused())
        .is_some_and(|id| held_widget(id) || !ctx.viewport(|v| v.prev_pass.widgets.contains(id)));
    focus || ctx.dragged_id().is_some_and(held_widget)
}

/// The accessibility subtree under `scope`, the scope's node first, parents before children.
fn subtree(ctx: &egui::Context, scope: Id) -> Vec<(Id, accesskit::Node)> {
    ctx.viewport(|v| {
        let Some(state) = &v.this_pass.accesskit_state else {
            return Vec::new();
        };
        let Some(node) = state.nodes.get(&scope) else {
            return Vec::new();
        };
        let ids: rustc_hash::FxHashMap<accesskit::NodeId, Id> = state
            .nodes
            .keys()
            .map(|id| (id.accesskit_id(), *id))
            .collect();
        let mut out = vec![(scope, node.clone())];
        let mut i = 0;
        while i < out.len() {
            let children: Vec<Id> = out[i]
                .1
                .children()
                .iter()
                .filter_map(|c| ids.get(c).copied())
                .collect();
            for id in children {
                if let Some(node) = state.nodes.get(&id) {
                    out.push((id, node.clone()));
                }
            }
            i += 1;
        }
        out
    })
}
