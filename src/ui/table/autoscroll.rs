//! Dragging a selection past the top or bottom of the rows scrolls them on. Starting and
//! following a drag inside the rows is in `selection.rs`.

use egui::{Align, Ui};

use super::{Frame, Gathered, TableState};

/// Dragging past the top or bottom of the rows scrolls them, faster the further the pointer is
/// past the edge, as in a spreadsheet: the active cell moves on to the rows coming in.
pub(super) fn scroll_past_edges(ui: &Ui, f: &Frame<'_>, state: &mut TableState, g: &Gathered) {
    let visible = f.visible;
    let rows_clip = g.rows_clip;
    if let (Some(_), Some(p), Some((first, last))) = (state.drag, f.pointer, g.shown) {
        let past = if p.y > rows_clip.bottom() {
            p.y - rows_clip.bottom()
        } else if p.y < rows_clip.top() {
            p.y - rows_clip.top()
        } else {
            0.0
        };
        if past != 0.0 && !visible.is_empty() {
            let step = 1 + (past.abs() / f.row_height).min(20.0) as usize;
            let (target, align) = if past > 0.0 {
                ((last + step).min(visible.len() - 1), Align::Max)
            } else {
                (first.saturating_sub(step), Align::Min)
            };
            let col = state.cursor.map_or(0, |c| c.1);
            state.cursor = Some((visible[target], col));
            state.editing = None;
            state.scroll_to = Some((target, align));
            // Frames follow while there are rows left to scroll in (none once at the end).
            let at_end = if past > 0.0 {
                last + 1 >= visible.len()
            } else {
                first == 0
            };
            if !at_end {
                ui.ctx().request_repaint();
            }
        }
    }
}
