//! Plain egui in place of the internals (the `egui-internals` feature off): the same types and
//! functions as the real modules, doing nothing. The charts are laid out and painted live every
//! frame, no clip rect is changed and scroll positions are kept.

use std::marker::PhantomData;

use egui::{Color32, LayerId, Ui};

/// Never has a picture: the charts are always painted as shapes.
#[derive(Default)]
pub struct ChartCache;

/// Nothing to remember between `begin` and `end`.
pub struct Span;

impl ChartCache {
    /// A cache that never paints pictures, whatever `enabled` says.
    pub fn new(_enabled: bool) -> Self {
        ChartCache
    }

    /// Always false: no frame paints the charts from a picture.
    pub fn used(&self) -> bool {
        false
    }

    /// Does nothing.
    pub fn begin(&mut self, _ui: &Ui, _background: Color32) -> Span {
        Span
    }

    /// Does nothing: the charts' shapes stay as painted.
    pub fn end(&mut self, _ui: &Ui, _span: Span) {}

    /// Paints nothing (there is no picture).
    pub fn repaint_picture(&mut self, _ui: &Ui) -> bool {
        false
    }

    /// Does nothing.
    pub fn finish(&mut self, _ctx: &egui::Context, _over: Option<egui::Rect>) {}
}

/// Never skips the charts' layout.
pub struct ChartHold<K>(PhantomData<K>);

impl<K> Default for ChartHold<K> {
    fn default() -> Self {
        ChartHold(PhantomData)
    }
}

impl<K: PartialEq> ChartHold<K> {
    /// Always false.
    pub fn skipped(&self) -> bool {
        false
    }

    /// Always 0.
    pub fn skipped_frames(&self) -> u64 {
        0
    }

    /// Always false: every frame lays the charts out.
    pub fn plan(&mut self, _ui: &Ui, _key: &K, _picture: bool) -> bool {
        false
    }

    /// Does nothing (never called: no frame is skipped).
    pub fn replay_widgets(&self, _ui: &mut Ui) {}

    /// Does nothing (never called: no frame is skipped).
    pub fn replay_nodes(&self, _ctx: &egui::Context) {}

    /// Does nothing.
    pub fn record(&mut self, _ui: &Ui, _scope: &egui::Response, _key: K, _painted: bool) {}
}

/// Does nothing: every shape keeps the clip rect egui gave it.
pub fn widen_contained_clips(_ctx: &egui::Context, _layer: LayerId) {}

/// Does nothing: scroll positions restored from the last run are kept.
pub fn forget_scroll_positions(_ctx: &egui::Context) {}
