//! Everything that reads or rewrites egui's per-pass state, paint lists or memory, in one place.
//!
//! Written against **egui 0.37.0** (see Cargo.lock). Each item relies on details a plain egui
//! app does not need, so a new egui version must be checked against this list first:
//!
//! - [`chart_hold`] (the cards and charts not laid out while nothing can reach them) reads
//!   `Context::viewport(|v| ..)`'s `ViewportState::this_pass` / `prev_pass` (`PassState`):
//!   `widgets` (`WidgetRects::get_layer` in registration order, `contains`) and
//!   `accesskit_state.nodes`; it relies on egui deciding hover and clicks from the *previous*
//!   pass's widget rects (so widgets re-registered with `Ui::interact` behave as laid-out ones),
//!   on `Ui::interact` clipping the interaction rect to the clip rect, on `Memory::focused` and
//!   `Context::dragged_id`, and writes AccessKit nodes back with
//!   `Context::accesskit_node_builder` (a node without a known parent joins the root's children).
//! - [`chart_cache`] (the charts painted from a screenshot of themselves) reads a layer's shapes
//!   with `Context::graphics` (`PaintList::all_entries`, `ShapeIdx` from `egui::layers`) and
//!   replaces them with `Context::graphics_mut` (`PaintList::set`, `reset_shape`); it asks for
//!   screenshots with `Context::request_screenshot` and decides what may cover the charts from
//!   `Memory::areas().visible_layer_ids()` and `Memory::area_rect`. It assumes the painters
//!   copy a texture with `TextureOptions::NEAREST` pixel for pixel at the screenshot's scale.
//! - [`clips`] (fewer draw calls) rewrites the clip rects of a layer's shapes through
//!   `Context::graphics_mut` (`PaintList::next_idx`, `mutate_shape`), relying on the tessellator
//!   starting a mesh where the clip rect changes and on glow and wgpu rounding scissor rects to
//!   the nearest pixel.
//! - [`scroll`] deletes `egui::containers::scroll_area::State` from `Memory::data`
//!   (`IdTypeMap::remove_by_type`), relying on that being where scroll positions are persisted.
//!
//! The cargo feature `egui-internals` (on by default) turns these on. Without it the same types
//! and functions come from `plain.rs`, which uses no internals: the charts are laid out and
//! painted live every frame, clip rects stay as egui made them, and scroll positions restored
//! from the last run are kept.

#[cfg(feature = "egui-internals")]
pub mod chart_cache;
#[cfg(feature = "egui-internals")]
pub mod chart_hold;
#[cfg(feature = "egui-internals")]
pub mod clips;
#[cfg(feature = "egui-internals")]
pub mod scroll;
#[cfg(feature = "egui-internals")]
pub use {
    chart_cache::ChartCache, chart_hold::ChartHold, clips::widen_contained_clips,
    scroll::forget_scroll_positions,
};

#[cfg(not(feature = "egui-internals"))]
mod plain;
#[cfg(not(feature = "egui-internals"))]
pub use plain::{ChartCache, ChartHold, forget_scroll_positions, widen_contained_clips};
