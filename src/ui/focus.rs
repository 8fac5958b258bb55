//! Keyboard focus for widgets made of several: a legend entry (swatch and name) or a problem
//! (place and message) is one clickable, focusable widget. Its `Ui` senses the clicks itself
//! (`UiBuilder::sense`): `Response::interact` on a plain group's response would share the
//! group `Ui`'s id, which that `Ui` registers as unfocusable first every frame, so the focus was
//! dropped each frame and Tab could never stop there.

use egui::{InnerResponse, Sense, Ui, UiBuilder};

/// Groups of widgets that are one clickable, focusable widget (Enter and Space click it, as a
/// button). The returned response is the clickable group's.
pub trait ClickableGroup {
    /// As `Ui::horizontal`.
    fn clickable_horizontal<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R>;
    /// As `Ui::vertical`.
    fn clickable_vertical<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R>;
}

/// `add` in a child `Ui` (in the parent's layout) that senses clicks itself.
fn clickable<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    ui.scope_builder(UiBuilder::new().sense(Sense::click()), add)
}

impl ClickableGroup for Ui {
    fn clickable_horizontal<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
        self.horizontal(|ui| clickable(ui, add)).inner
    }

    fn clickable_vertical<R>(&mut self, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
        self.vertical(|ui| clickable(ui, add)).inner
    }
}
