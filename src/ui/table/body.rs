//! The table's rows: the row number, then one cell per column (the text field of the cell
//! being edited is in `editing.rs`), and the stripes under every other row.

use egui::emath::GuiRounding as _;
use egui::{Rect, RichText, Sense, Ui};
use egui_extras::{TableBody, TableRow};

use crate::data::document::{Column, Document};
use crate::ui::theme;

use super::{Frame, Gathered, TableState, Whole, editing, menus};

/// What a cell shows: figures with thousands separators (and their approximate marker),
/// everything else as stored.
pub(super) fn display_text(doc: &Document, row: usize, column: Column) -> String {
    if let Column::Field(f) = column
        && let Some(m) = f.metric()
        && let Some(text) = crate::analysis::provenance::figure_text(doc, row, m)
    {
        return text;
    }
    shown_text(doc, row, column)
}

/// A cell's stored text as shown, the two basis values the app writes named in the interface's
/// language (the file keeps `event` and `running_total`).
pub fn shown_text(doc: &Document, row: usize, column: Column) -> String {
    let text = doc.cell_text(row, column);
    if column == Column::Field(crate::data::document::Field::Basis) {
        match text.as_ref() {
            "event" => return crate::tr!("table-basis-event"),
            "running_total" => return crate::tr!("table-basis-running-total"),
            _ => {}
        }
    }
    text.into_owned()
}

/// Draws the rows laid out in the viewport, and their stripes.
pub(super) fn body_ui(
    mut body: TableBody<'_>,
    f: &Frame<'_>,
    state: &mut TableState,
    g: &mut Gathered,
) {
    // Every other row gets a faint stripe, as egui_extras paints them, but one rect per
    // row in one mesh under all rows: egui_extras paints one per cell, clipped unlike the
    // cell's text, and each became a draw call of its own.
    let painter = body.ui_mut().painter().clone();
    let spacing = body.ui_mut().spacing().item_spacing;
    let stripe_color = body.ui_mut().visuals().faint_bg_color;
    let stripes_at = painter.add(egui::Shape::Noop);
    let mut stripes: Vec<Rect> = Vec::new();
    g.rows_clip = body.ui_mut().clip_rect();
    super::grid::grid_node(body.ui_mut(), g.rows_clip, f, state);
    body.rows(f.row_height, f.visible.len(), |mut table_row| {
        let table_row_index = table_row.index();
        let row_rect = row_ui(&mut table_row, f, state, g);
        if table_row_index.is_multiple_of(2) {
            stripes.push(row_rect);
        }
    });
    let ppp = painter.pixels_per_point();
    let mut mesh = egui::Mesh::default();
    for r in stripes {
        let r = r.expand2(0.5 * spacing).round_ui().round_to_pixels(ppp);
        mesh.add_colored_rect(r, stripe_color);
    }
    painter.set(stripes_at, egui::Shape::mesh(mesh));
}

/// One row: its number, then its cells. Returns the rect the row covers.
fn row_ui(
    table_row: &mut TableRow<'_, '_>,
    f: &Frame<'_>,
    state: &mut TableState,
    g: &mut Gathered,
) -> Rect {
    let table_row_index = table_row.index();
    // Rows are laid out top to bottom.
    g.shown = Some((g.shown.map_or(table_row_index, |s| s.0), table_row_index));
    let mut row_rect = Rect::NOTHING;
    let row = f.visible[table_row_index];
    let in_range = f
        .range
        .as_ref()
        .is_some_and(|(rows, _)| rows.contains(&table_row_index));
    let selected = if state.whole == Whole::Rows {
        in_range
    } else {
        state.selected == Some(row)
    };
    table_row.set_selected(selected);
    table_row.col(|ui| {
        row_rect = ui.max_rect();
        number_cell(ui, f, state, g, row);
    });
    for (&c, title) in f.columns.iter().zip(&f.titles) {
        table_row.col(|ui| {
            row_rect = row_rect.union(ui.max_rect());
            if let Some(ed) = state
                .editing
                .as_mut()
                .filter(|e| e.row == row && e.column == c)
            {
                editing::editor_cell(ui, ed, row, c, title, g);
                return;
            }
            cell_ui(ui, f, state, g, (table_row_index, row), c);
        });
    }
    row_rect
}

/// The row number: click selects the whole row, Shift+click extends, drag selects several.
fn number_cell(ui: &mut Ui, f: &Frame<'_>, state: &TableState, g: &mut Gathered, row: usize) {
    let (rect, r) = ui.allocate_exact_size(ui.available_size(), Sense::CLICK | Sense::DRAG);
    let galley = egui::WidgetText::from(RichText::new((row + 1).to_string()).weak()).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        rect.width() - 4.0,
        egui::TextStyle::Body,
    );
    let pos = egui::pos2(
        rect.right() - 4.0 - galley.size().x,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter()
        .with_clip_rect(rect)
        .galley(pos, galley, ui.visuals().text_color());
    let r = r.accessible_name(crate::tr!("table-select-row", row = (row + 1).to_string()));
    super::grid::cell_node(&r);
    if r.clicked() {
        g.row_click = Some((row, f.shift_click));
    }
    if r.drag_started() {
        g.drag_start = Some((row, state.cursor.map_or(0, |c| c.1), Whole::Rows));
    }
    if let Some(p) = f.pointer
        && rect.y_range().contains(p.y)
    {
        g.drag_over = Some((row, usize::MAX));
    }
    if r.secondary_clicked() {
        g.context = Some((row, state.cursor.map_or(0, |c| c.1), true));
    }
    menus::context_menu(f, &r, row, g);
}

/// A cell that is not being edited: its selection and cursor marks, its text (red when it did
/// not parse), and the click, drag and right-click on it. `at` is (visible row, document row).
fn cell_ui(
    ui: &mut Ui,
    f: &Frame<'_>,
    state: &TableState,
    g: &mut Gathered,
    at: (usize, usize),
    c: Column,
) {
    let (table_row_index, row) = at;
    let doc = f.doc;
    let col_index = f.columns.iter().position(|&x| x == c).unwrap_or(0);
    let title = f.titles.get(col_index).map_or("", String::as_str);
    let cell_rect = ui.max_rect();
    if let Some((rows, cols)) = &f.range
        && rows.contains(&table_row_index)
        && cols.contains(&col_index)
    {
        ui.painter().rect_filled(
            cell_rect,
            0.0,
            ui.visuals().selection.bg_fill.linear_multiply(0.45),
        );
    }
    if state.cursor == Some((row, col_index)) {
        ui.painter().rect_stroke(
            cell_rect.shrink(1.0),
            0.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let text = display_text(doc, row, c);
    let problem = doc.cell_problem(row, c);
    // The word that makes a totals row (合计, Total): the row is not counted.
    let totals = doc.totals_row_cell(row).filter(|t| t.column == c);
    let totals_word = totals.is_some();
    let mut rt = RichText::new(&text);
    if problem.is_some() {
        rt = rt
            .color(theme::error_text(ui.visuals()))
            .background_color(theme::error_fill(ui.visuals()));
    } else if totals_word {
        rt = rt.italics().color(theme::error_text(ui.visuals()));
    }
    let links = source_links(c, &text);
    if !links.is_empty() && problem.is_none() {
        rt = rt.color(ui.visuals().hyperlink_color).underline();
    }
    let numeric = matches!(c, Column::Field(f) if f.metric().is_some());
    // The whole cell is clickable (also when empty), but not focusable: the table's grid has
    // the keyboard (`grid.rs`). Dragging selects a range.
    let (rect, r) = ui.allocate_exact_size(ui.available_size(), Sense::CLICK | Sense::DRAG);
    if r.drag_started() {
        g.drag_start = Some((row, col_index, Whole::Cells));
    }
    if let Some(p) = f.pointer
        && cell_rect.y_range().contains(p.y)
        && cell_rect.x_range().contains(p.x)
    {
        g.drag_over = Some((row, col_index));
    }
    if r.secondary_clicked() {
        g.context = Some((row, col_index, false));
    }
    menus::context_menu(f, &r, row, g);
    let text_rect = open_source_button(ui, cell_rect, row, &links).map_or(rect, |b| {
        Rect::from_min_max(rect.min, egui::pos2(b.left().max(rect.left()), rect.max.y))
    });
    paint_text(ui, text_rect, rt, numeric);
    let role = if links.is_empty() {
        egui::Role::Label
    } else {
        egui::Role::Link
    };
    r.widget_info(|| egui::WidgetInfo::labeled(role, true, text.as_str()));
    if let Some((url, _)) = links.first() {
        let url = url.clone();
        ui.ctx()
            .accesskit_node_builder(r.id, |node| node.set_url(url));
    }
    let shown = if text.is_empty() {
        crate::tr!("table-empty")
    } else {
        text.clone()
    };
    let r = r.accessible_name(crate::tr!(
        "table-cell",
        title = title.to_owned(),
        row = (row + 1).to_string(),
        shown = shown
    ));
    let r = match &problem {
        Some(p) => r.on_hover_text(
            RichText::new(crate::tr!("table-cell-problem", problem = p.text()))
                .color(theme::error_text(ui.visuals())),
        ),
        None if totals.is_some_and(|t| t.note) => {
            r.on_hover_text(crate::tr!("table-note-row-hint"))
        }
        None if totals_word => r.on_hover_text(crate::tr!("table-totals-word-hint")),
        None if !text.is_empty() && r.hovered() && text.len() > 24 => r.on_hover_text(&text),
        None => r,
    };
    if r.clicked() {
        g.start = Some((row, c));
    }
}

/// The web addresses in a source cell, with their domains (none in any other column).
fn source_links(c: Column, text: &str) -> Vec<(String, String)> {
    if c != Column::Field(crate::data::document::Field::Source) {
        return Vec::new();
    }
    crate::analysis::provenance::source_parts(text)
        .into_iter()
        .filter_map(|p| match p {
            crate::analysis::provenance::SourcePart::Link { url, domain } => Some((url, domain)),
            crate::analysis::provenance::SourcePart::Text(_) => None,
        })
        .collect()
}

/// A source cell's "Open" button, at its right end while the pointer is over the cell (or its
/// list of addresses is open): it opens the address in the browser, or lists them when there
/// are several. A click elsewhere on the cell still selects it, a double click edits it.
/// Returns the button's rect when shown.
fn open_source_button(
    ui: &mut Ui,
    cell_rect: Rect,
    row: usize,
    links: &[(String, String)],
) -> Option<Rect> {
    let menu_id = egui::Id::unique(("table source links", row));
    if links.is_empty()
        || !(ui.rect_contains_pointer(cell_rect) || egui::Popup::is_id_open(ui.ctx(), menu_id))
    {
        return None;
    }
    // At the right end of the part of the cell in view (a wide column may run past the table).
    let cell_rect = cell_rect.intersect(ui.clip_rect());
    if !cell_rect.is_positive() {
        return None;
    }
    let label = RichText::new(crate::tr!("provenance-table-open")).small();
    let width = egui::WidgetText::from(label.clone())
        .into_galley(ui, None, f32::INFINITY, egui::TextStyle::Small)
        .size()
        .x
        + 2.0 * ui.spacing().button_padding.x
        + 6.0;
    let b_rect = Rect::from_min_max(
        egui::pos2(
            (cell_rect.right() - width - 2.0).max(cell_rect.left()),
            cell_rect.top() + 1.0,
        ),
        egui::pos2(cell_rect.right() - 2.0, cell_rect.bottom() - 1.0),
    );
    let domains: Vec<&str> = links.iter().map(|(_, d)| d.as_str()).collect();
    let b = ui
        .put(b_rect, egui::Button::new(label).small())
        .on_hover_text(crate::tr!("provenance-table-open-hint"))
        .accessible_name(crate::tr!(
            "provenance-table-open-name",
            row = (row + 1).to_string(),
            domain = domains.join(", ")
        ));
    if let [(url, _)] = links {
        if b.clicked() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
        return Some(b_rect);
    }
    egui::Popup::from_toggle_button_response(&b)
        .id(menu_id)
        .kind(egui::PopupKind::Menu)
        .show(|ui| {
            for (url, domain) in links {
                let item = ui
                    .button(domain)
                    .on_hover_text(url)
                    .accessible_name(crate::tr!("provenance-open", domain = domain.clone()));
                if item.clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                    egui::Popup::close_id(ui.ctx(), menu_id);
                }
            }
        });
    Some(b_rect)
}

/// A cell's text in `rect`, truncated: figures right-aligned, everything else left-aligned.
fn paint_text(ui: &Ui, rect: Rect, rt: RichText, numeric: bool) {
    let galley = egui::WidgetText::from(rt).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        rect.width() - 4.0,
        egui::TextStyle::Body,
    );
    let x = if numeric {
        rect.right() - 2.0 - galley.size().x
    } else {
        rect.left() + 2.0
    };
    let pos = egui::pos2(x, rect.center().y - galley.size().y / 2.0);
    ui.painter()
        .with_clip_rect(rect)
        .galley(pos, galley, ui.visuals().text_color());
}
