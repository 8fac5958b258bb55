//! The province selected in every view (`App::selected_place`): the charts highlight it, the
//! map outlines it, the table shows only its rows. The map's click and the charts' click select
//! it (a chart click on the selected province clears it), the table chip's Show all rows and
//! Escape clear it, and so do hiding it and opening another file (`open.rs`).

use egui::{Context, Key, Modifiers};

use super::App;
use crate::data::document::Place;

impl App {
    /// A chart's bar or line was clicked: its province is selected, or no province when it was
    /// the selected one.
    pub(super) fn select_from_chart(&mut self, place: Place) {
        self.selected_place = if self.selected_place == Some(place) {
            None
        } else {
            Some(place)
        };
    }

    /// After the panels and dialogs: a hidden province is no longer selected, and Escape that
    /// nothing else took clears the selection. Escape belongs to a dialog, a popup or menu, or a
    /// text field (a cell being edited) open in the frame it was pressed in, so it counts only
    /// when none was open in the last frame; the table's own use of it (dropping a selected
    /// range) consumes it first.
    pub(super) fn selection_keys(&mut self, ctx: &Context) {
        if let Some(place) = self.selected_place
            && self.settings.view.filter.hidden.contains(&place)
        {
            self.selected_place = None;
            ctx.request_repaint();
        }
        let escape_free = !self.escape_taken;
        self.escape_taken = ctx.memory(|m| m.top_modal_layer().is_some())
            || ctx.any_popup_open()
            || ctx.text_edit_focused()
            || self.table.editing.is_some();
        if escape_free
            && self.selected_place.is_some()
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.selected_place = None;
            ctx.request_repaint();
        }
    }
}
