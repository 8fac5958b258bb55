//! The editable table: every row, virtualized, with click-to-edit cells. It never changes the
//! document itself: it returns edit commands for the app to apply.
//!
//! This file holds the state kept between frames and `table_ui`, which calls the parts in
//! order: keys, toolbar, header, rows, then what the frame's clicks and drags asked for. The
//! parts live in the files next to it; row actions in `rows.rs`, the selected range in
//! `selection.rs`.

mod autoscroll;
mod body;
pub use body::shown_text;
mod editing;
mod grid;
mod header;
mod keys;
mod menus;
mod rows;
mod selection;
mod toolbar;

use egui::{Align, Layout, Pos2, Rect, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::analysis::rows::{LeftOut, SortDir};
use crate::data::document::{Column, Document, Edit, Field, Place};

pub use menus::{count_row_button, row_menu};
pub use rows::{RowAction, RowPlan, plan_rows};
pub use selection::{selected_count, selected_rows};
pub use toolbar::ProblemCounts;

use selection::CellRange;

/// A cell being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    /// Document row.
    pub row: usize,
    /// Column.
    pub column: Column,
    /// Text typed so far.
    pub buffer: String,
    /// Focus has been requested.
    pub focused: bool,
}

/// Table state that lives between frames.
#[derive(Default)]
pub struct TableState {
    /// The cell being edited.
    pub editing: Option<Editing>,
    /// The selected row (document index).
    pub selected: Option<usize>,
    /// Scroll this visible-row index to the middle next frame (or to an edge: a drag past the
    /// rows).
    pub scroll_to: Option<(usize, Align)>,
    /// Quick search text.
    pub search: String,
    /// Show only rows with problems.
    pub problems_only: bool,
    /// Show only the rows left out of the sums for this reason (the cards' note).
    pub left_out: Option<LeftOut>,
    /// Sort column and direction (a view, not an edit).
    pub sort: Option<(Column, SortDir)>,
    /// The active cell (document row, column index); keys act on it.
    pub cursor: Option<(usize, usize)>,
    /// The other corner of a selected range (document row, column index).
    pub anchor: Option<(usize, usize)>,
    /// Whether the range spans whole rows or whole columns.
    pub whole: Whole,
    /// A mouse drag is selecting cells or rows.
    pub drag: Option<Whole>,
    /// The table's grid takes the keyboard focus next frame (a click in it, an edit ended
    /// with a key).
    pub take_keyboard: bool,
}

/// What a selected range covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Whole {
    /// The cells between the anchor and the active cell.
    #[default]
    Cells,
    /// Every column of the rows between the anchor and the active cell.
    Rows,
    /// Every shown row of the columns between the anchor and the active cell.
    Columns,
}

impl TableState {
    /// Selects whole document rows `rows` (after a row action), or nothing when empty.
    pub fn select_rows(&mut self, visible: &[usize], rows: std::ops::Range<usize>) {
        let col = self.cursor.map_or(0, |c| c.1);
        self.editing = None;
        if rows.is_empty() {
            self.cursor = None;
            self.anchor = None;
            self.selected = None;
            self.whole = Whole::Cells;
            return;
        }
        let last = rows.end - 1;
        self.anchor = (rows.len() > 1).then_some((rows.start, col));
        self.cursor = Some((last, col));
        self.selected = Some(rows.start);
        self.whole = Whole::Rows;
        self.scroll_to = visible
            .iter()
            .position(|&r| r == rows.start)
            .map(|i| (i, Align::Center));
    }
}

impl TableState {
    /// Header click: ascending, then descending, then file order.
    pub fn cycle_sort(&mut self, column: Column) {
        self.sort = match self.sort {
            Some((c, SortDir::Ascending)) if c == column => Some((column, SortDir::Descending)),
            Some((c, SortDir::Descending)) if c == column => None,
            _ => Some((column, SortDir::Ascending)),
        };
    }
}

/// What the table asks the app to do.
#[derive(Default)]
pub struct TableActions {
    /// Edits to apply, in order.
    pub edits: Vec<Edit>,
    /// Insert, duplicate or delete the selected rows.
    pub rows: Option<RowAction>,
    /// The selection chip's Show all rows: no province is selected any more.
    pub clear_place: bool,
}

/// What every part of one frame's table reads: the document, the rows shown and the pointer.
struct Frame<'a> {
    doc: &'a Document,
    visible: &'a [usize],
    /// The document's columns, in order.
    columns: &'a [Column],
    /// The selected range (visible-row and column indices), as it was before the rows drew.
    range: Option<CellRange>,
    /// Rows the selection spans (for the context menu's labels).
    nselected: usize,
    /// Where the pointer is while the primary button is down (a drag selection).
    pointer: Option<Pos2>,
    /// Shift was held: clicks extend the selection.
    shift_click: bool,
    row_height: f32,
    /// Each column's title in the interface's language, as `columns` orders them.
    titles: Vec<String>,
}

/// A field's column title in the interface's language (`Field::title` is the English, for the
/// command line and files).
pub fn field_title(f: Field) -> String {
    match f {
        Field::Date => crate::tr!("table-column-date"),
        Field::Province => crate::tr!("table-column-province"),
        Field::City => crate::tr!("table-column-city"),
        Field::Action => crate::tr!("table-column-action"),
        Field::Projects => crate::tr!("table-column-projects"),
        Field::Rigs => crate::tr!("table-column-rigs"),
        Field::Kwh => crate::tr!("table-column-kwh"),
        Field::Coal => crate::tr!("table-column-coal"),
        Field::Basis => crate::tr!("table-column-basis"),
        Field::Source => crate::tr!("table-column-source"),
        Field::Notes => crate::tr!("table-column-notes"),
    }
}

/// A column's title as the interface shows it: a field's in the interface's language, an extra
/// column's name as in the file.
pub fn column_title(doc: &Document, c: Column) -> String {
    match c {
        Column::Field(f) => field_title(f),
        Column::Extra(_) => doc.column_title(c).to_owned(),
    }
}

/// What the header and rows reported while they were drawn; applied once the table is laid
/// out, in `table_ui`'s order.
struct Gathered {
    commit: Option<Edit>,
    cancel: bool,
    start: Option<(usize, Column)>,
    sort_clicked: Option<Column>,
    move_after: Option<(isize, isize)>,
    drag_start: Option<(usize, usize, Whole)>,
    drag_over: Option<(usize, usize)>,
    row_click: Option<(usize, bool)>,
    context: Option<(usize, usize, bool)>,
    menu_action: Option<RowAction>,
    /// The totals row whose context menu said to count it.
    count_row: Option<usize>,
    /// The rows' viewport.
    rows_clip: Rect,
    /// The first and last visible-row indices laid out in it.
    shown: Option<(usize, usize)>,
}

impl Gathered {
    fn new() -> Self {
        Gathered {
            commit: None,
            cancel: false,
            start: None,
            sort_clicked: None,
            move_after: None,
            drag_start: None,
            drag_over: None,
            row_click: None,
            context: None,
            menu_action: None,
            count_row: None,
            rows_clip: Rect::NOTHING,
            shown: None,
        }
    }
}

fn column_width(column: Column) -> f32 {
    match column {
        Column::Field(Field::Date) => 90.0,
        Column::Field(Field::Province) => 120.0,
        Column::Field(Field::City) => 110.0,
        Column::Field(Field::Action) => 260.0,
        Column::Field(Field::Projects | Field::Rigs | Field::Coal) => 100.0,
        Column::Field(Field::Kwh) => 150.0,
        Column::Field(Field::Basis) => 100.0,
        Column::Field(Field::Source) => 220.0,
        Column::Field(Field::Notes) => 320.0,
        Column::Extra(_) => 110.0,
    }
}

/// The height of a row: a line of body text (or an interactive widget) and a little air.
fn row_height(ui: &Ui) -> f32 {
    let text_height = egui::TextStyle::Body
        .resolve(ui.style())
        .size
        .max(ui.spacing().interact_size.y);
    text_height + 4.0
}

/// The table's columns (row number, then one per document column) and the scroll asked for.
fn builder<'a>(ui: &'a mut Ui, columns: &[Column], state: &mut TableState) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(grid::TABLE_SALT)
        // Striped by hand below: one stripe per row, not one per cell.
        .striped(false)
        .resizable(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .column(TableColumn::exact(56.0));
    for &c in columns {
        builder = builder.column(
            TableColumn::initial(column_width(c))
                .at_least(40.0)
                .clip(true),
        );
    }
    if let Some((i, align)) = state.scroll_to.take() {
        builder = builder.scroll_to_row(i, Some(align));
    }
    builder
}

/// Draws the table toolbar and body. `place` is the province selected in every view: `visible`
/// holds only its rows, and the toolbar says so.
pub fn table_ui(
    ui: &mut Ui,
    doc: &Document,
    (visible, place): (&[usize], Option<Place>),
    state: &mut TableState,
    problems: ProblemCounts,
) -> TableActions {
    let mut actions = TableActions::default();
    keys::handle_keys(ui, doc, visible, state, &mut actions);
    let shift_click = ui.input(|i| i.modifiers.shift);
    toolbar::toolbar_ui(ui, doc, (visible, place), state, problems, &mut actions);
    let pointer = selection::drag_pointer(ui, state);
    let columns = doc.columns().to_vec();
    let row_height = row_height(ui);
    let builder = builder(ui, &columns, state);
    let range = selection::selection(state, visible, columns.len());
    let nselected = range.as_ref().map_or(0, |(rows, _)| rows.clone().count());
    let frame = Frame {
        doc,
        visible,
        columns: &columns,
        range,
        nselected,
        pointer,
        shift_click,
        row_height,
        titles: columns.iter().map(|&c| column_title(doc, c)).collect(),
    };
    let mut gathered = Gathered::new();
    builder
        .header(row_height, |header| {
            header::header_ui(header, &frame, state, &mut gathered);
        })
        .body(|body| body::body_ui(body, &frame, state, &mut gathered));
    if let Some(c) = gathered.sort_clicked {
        state.cycle_sort(c);
    }
    selection::apply_drag(state, &gathered);
    autoscroll::scroll_past_edges(ui, &frame, state, &gathered);
    selection::apply_row_click(state, &gathered);
    menus::apply_context(&frame, state, &gathered);
    if gathered.menu_action.is_some() {
        actions.rows = gathered.menu_action;
    }
    actions
        .edits
        .extend(gathered.count_row.and_then(|row| doc.count_row(row)));
    editing::finish(&frame, state, gathered, &mut actions);
    grid::skip_resize_handles(ui, columns.len());
    actions
}
