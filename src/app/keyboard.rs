//! The keyboard's way round the window, beyond egui's own Tab order: F10 focuses the menu bar's
//! first menu, as desktop apps do (egui's menus then open with Enter or Space, move with the
//! arrows and close with Escape), and the focused widget gets a ring round it
//! (`ui::theme::paint_focus_ring`). When a dialog closes, the focus goes back where it was before
//! the dialog opened (egui drops it: the widgets under a modal dialog cannot hold it).

use egui::{Context, Id, Key, Modifiers};

use super::App;

/// Where the menu bar leaves its first menu's widget id for F10.
fn first_menu_key() -> Id {
    Id::unique("first menu of the menu bar")
}

/// The menu bar says which widget is its first menu (its File button).
pub(super) fn note_first_menu(ctx: &Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(first_menu_key(), id));
}

/// The focus seen while no dialog was open, and whether one was open in the last frame.
#[derive(Clone, Copy, Default)]
struct FocusBeforeDialog {
    focus: Option<Id>,
    dialog_open: bool,
}

/// Before the panels: a dialog (a modal layer) closed since the last frame gives the focus back
/// to the widget that had it before the dialog opened, if nothing has it now.
pub(super) fn focus_after_dialogs(ctx: &Context) {
    let key = Id::unique("focus before the dialog");
    let mut state: FocusBeforeDialog = ctx.data(|d| d.get_temp(key)).unwrap_or_default();
    let (modal, focused) = ctx.memory(|m| (m.top_modal_layer().is_some(), m.focused()));
    if modal {
        state.dialog_open = true;
    } else {
        if state.dialog_open
            && focused.is_none()
            && let Some(id) = state.focus
        {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        state.dialog_open = false;
        state.focus = focused.or(state.focus);
    }
    ctx.data_mut(|d| d.insert_temp(key, state));
}

impl App {
    /// Before the panels: F10 gives the focus to the first menu (F10 again, or Escape, leaves
    /// it).
    pub(super) fn menu_key(&mut self, ctx: &Context) {
        if !ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F10)) {
            return;
        }
        let Some(id) = ctx.data(|d| d.get_temp::<Id>(first_menu_key())) else {
            return;
        };
        ctx.memory_mut(|m| {
            if m.focused() == Some(id) {
                m.surrender_focus(id);
            } else {
                m.request_focus(id);
            }
        });
    }
}
