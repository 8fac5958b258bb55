//! The editable table: every row, virtualized, with click-to-edit cells. It never changes the
//! document itself: it returns edit commands for the app to apply.

use egui::emath::GuiRounding as _;
use egui::{Align, Key, Layout, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::analysis::rows::SortDir;
use crate::data::document::{Column, Document, Edit, Field};
use crate::data::figure::MarkerSide;
use crate::data::value;
use crate::ui::theme;

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

/// The document's problems: cells that did not parse, and rows that repeat another exactly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProblemCounts {
    /// Flagged cells.
    pub cells: usize,
    /// Repeated rows.
    pub rows: usize,
}

impl ProblemCounts {
    /// What the toolbar says ("2 cells to check", "1 repeated row", "3 cells and 468 repeated
    /// rows to check"), or `None` when there is nothing.
    pub fn label(self) -> Option<String> {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let (c, r) = (self.cells, self.rows);
        match (c, r) {
            (0, 0) => None,
            (c, 0) => Some(format!("{c} cell{} to check", s(c))),
            (0, r) => Some(format!("{r} repeated row{} to check", s(r))),
            (c, r) => Some(format!(
                "{c} cell{} and {r} repeated row{} to check",
                s(c),
                s(r)
            )),
        }
    }
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

/// Something done to the selected rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// An empty row above the selection.
    InsertAbove,
    /// An empty row below the selection.
    InsertBelow,
    /// Copies of the selected rows below them.
    Duplicate,
    /// Remove the selected rows.
    Delete,
}

impl RowAction {
    /// All row actions, in menu order.
    pub const ALL: [RowAction; 4] = [
        RowAction::InsertAbove,
        RowAction::InsertBelow,
        RowAction::Duplicate,
        RowAction::Delete,
    ];

    /// Menu and button text for `n` selected rows ("Delete 3 rows").
    pub fn label(self, n: usize) -> String {
        let rows = |verb: &str| match n {
            0 | 1 => format!("{verb} row"),
            n => format!("{verb} {n} rows"),
        };
        match self {
            RowAction::InsertAbove => "Insert row above".to_owned(),
            RowAction::InsertBelow => "Insert row below".to_owned(),
            RowAction::Duplicate => rows("Duplicate"),
            RowAction::Delete => rows("Delete"),
        }
    }

    /// The keyboard shortcut shown next to it in menus.
    pub fn shortcut(self) -> &'static str {
        match self {
            RowAction::InsertAbove => "Ctrl++",
            RowAction::Delete => "Ctrl+-",
            _ => "",
        }
    }

    /// Whether it can act with `n` selected rows.
    pub fn enabled(self, n: usize) -> bool {
        match self {
            RowAction::InsertAbove | RowAction::InsertBelow => true,
            RowAction::Duplicate | RowAction::Delete => n > 0,
        }
    }
}

/// The edit a row action makes and what to select after it.
pub struct RowPlan {
    /// The edit (one undo step).
    pub edit: Edit,
    /// The document rows to select once the edit is applied.
    pub select: std::ops::Range<usize>,
    /// Start editing the first selected row (a new empty row).
    pub edit_new_row: bool,
}

/// The document rows of the selection (ascending), or the selected row.
pub fn selected_rows(state: &TableState, visible: &[usize], ncols: usize) -> Vec<usize> {
    if let Some((rows, _)) = selection(state, visible, ncols) {
        let mut out: Vec<usize> = rows.map(|r| visible[r]).collect();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    state
        .selected
        .filter(|r| visible.contains(r))
        .into_iter()
        .collect()
}

/// How many rows the selection spans (without listing them).
pub fn selected_count(state: &TableState, visible: &[usize], ncols: usize) -> usize {
    match selection(state, visible, ncols) {
        Some((rows, _)) => rows.count(),
        None => usize::from(state.selected.is_some_and(|r| visible.contains(&r))),
    }
}

fn plural_rows(verb: &str, rows: &[usize]) -> String {
    match rows {
        [one] => format!("{verb} of row {}", one + 1),
        _ => format!("{verb} of {} rows", rows.len()),
    }
}

/// The edit for a row action on the selected rows: duplicates and deletions of several rows are
/// one undo step. `None` when there is nothing to act on.
pub fn plan_rows(
    doc: &Document,
    visible: &[usize],
    state: &TableState,
    action: RowAction,
) -> Option<RowPlan> {
    let rows = selected_rows(state, visible, doc.columns().len());
    let insert = |at: usize| RowPlan {
        edit: Edit::InsertRow {
            at,
            cells: Vec::new(),
        },
        select: at..at + 1,
        edit_new_row: true,
    };
    match action {
        RowAction::InsertAbove => Some(insert(rows.first().copied().unwrap_or(0).min(doc.len()))),
        RowAction::InsertBelow => Some(insert(
            rows.last().map_or(doc.len(), |r| (r + 1).min(doc.len())),
        )),
        RowAction::Duplicate => {
            let last = *rows.last()?;
            let edits = rows
                .iter()
                .enumerate()
                .map(|(i, &r)| Edit::InsertRow {
                    at: last + 1 + i,
                    cells: doc.row_cells(r),
                })
                .collect();
            Some(RowPlan {
                edit: Edit::Batch {
                    label: plural_rows("duplicate", &rows),
                    edits,
                },
                select: last + 1..last + 1 + rows.len(),
                edit_new_row: false,
            })
        }
        RowAction::Delete => {
            let first = *rows.first()?;
            // From the bottom up, so the indices of the rows still to delete stay valid.
            let edits = rows
                .iter()
                .rev()
                .map(|&at| Edit::DeleteRow { at })
                .collect();
            let left = doc.len() - rows.len();
            let at = first.min(left.saturating_sub(1));
            Some(RowPlan {
                edit: Edit::Batch {
                    label: plural_rows("delete", &rows),
                    edits,
                },
                select: if left == 0 { 0..0 } else { at..at + 1 },
                edit_new_row: false,
            })
        }
    }
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

/// What a cell shows: figures with thousands separators (and their approximate marker),
/// everything else as stored.
fn display_text(doc: &Document, row: usize, column: Column) -> String {
    if let Column::Field(f) = column
        && let Some(m) = f.metric()
        && let Some(v) = doc.figure_value(row, m)
    {
        let number = value::group_thousands(v, 6);
        return match doc.figure_marker(row, m) {
            Some((MarkerSide::Before, marker)) => format!("{marker}{number}"),
            Some((MarkerSide::After, marker)) => format!("{number}{marker}"),
            None => number,
        };
    }
    doc.cell_text(row, column).into_owned()
}

/// Rows a Page Up / Page Down moves.
const PAGE: isize = 20;

/// The selected rectangle in visible-row and column indices, if any: whole rows span every
/// column, whole columns every shown row.
fn selection(
    state: &TableState,
    visible: &[usize],
    ncols: usize,
) -> Option<(
    std::ops::RangeInclusive<usize>,
    std::ops::RangeInclusive<usize>,
)> {
    let (cr, cc) = state.cursor?;
    let (ar, ac) = state.anchor.unwrap_or((cr, cc));
    let pr = visible.iter().position(|&r| r == cr)?;
    let pa = visible.iter().position(|&r| r == ar).unwrap_or(pr);
    let last_col = ncols.max(1) - 1;
    let (cc, ac) = (cc.min(last_col), ac.min(last_col));
    Some(match state.whole {
        Whole::Cells => (pr.min(pa)..=pr.max(pa), cc.min(ac)..=cc.max(ac)),
        Whole::Rows => (pr.min(pa)..=pr.max(pa), 0..=last_col),
        Whole::Columns => (0..=visible.len() - 1, cc.min(ac)..=cc.max(ac)),
    })
}

/// Keys and clipboard events for the table when no text field has the keyboard: arrows, Tab,
/// Home/End, Page Up/Down, Ctrl+Home/End, Ctrl+A, Enter/F2 to edit, Delete to clear, typing to
/// start editing, copy and paste as tab-separated text.
fn handle_keys(
    ui: &Ui,
    doc: &Document,
    visible: &[usize],
    state: &mut TableState,
    actions: &mut TableActions,
) {
    let ctx = ui.ctx().clone();
    if state.editing.is_some() || ctx.text_edit_focused() || visible.is_empty() {
        return;
    }
    let Some((row, col)) = state.cursor else {
        return;
    };
    let ncols = doc.columns().len();
    let Some(pos) = visible.iter().position(|&r| r == row) else {
        return;
    };
    let consume = |m: Modifiers, k: Key| ctx.input_mut(|i| i.consume_key(m, k));
    let mut target: Option<(isize, isize, bool)> = None; // (row delta or absolute, col, extend)
    let (p, c) = (pos as isize, col as isize);
    let last_row = visible.len() as isize - 1;
    let last_col = ncols as isize - 1;
    // Shift first: a plain-key match would also take the shifted key.
    for (m, extend) in [(Modifiers::SHIFT, true), (Modifiers::NONE, false)] {
        if consume(m, Key::ArrowDown) {
            target = Some((p + 1, c, extend));
        }
        if consume(m, Key::ArrowUp) {
            target = Some((p - 1, c, extend));
        }
        if consume(m, Key::ArrowRight) {
            target = Some((p, c + 1, extend));
        }
        if consume(m, Key::ArrowLeft) {
            target = Some((p, c - 1, extend));
        }
        if consume(m, Key::PageDown) {
            target = Some((p + PAGE, c, extend));
        }
        if consume(m, Key::PageUp) {
            target = Some((p - PAGE, c, extend));
        }
        if consume(m | Modifiers::COMMAND, Key::Home) {
            target = Some((0, 0, extend));
        }
        if consume(m | Modifiers::COMMAND, Key::End) {
            target = Some((last_row, last_col, extend));
        }
        if consume(m, Key::Home) {
            target = Some((p, 0, extend));
        }
        if consume(m, Key::End) {
            target = Some((p, last_col, extend));
        }
    }
    if consume(Modifiers::SHIFT, Key::Tab) {
        target = Some((p, c - 1, false));
    }
    if consume(Modifiers::NONE, Key::Tab) {
        target = Some((p, c + 1, false));
    }
    if consume(Modifiers::COMMAND, Key::A)
        || consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::Space)
    {
        state.anchor = Some((visible[0], 0));
        state.cursor = Some((visible[visible.len() - 1], ncols - 1));
        state.whole = Whole::Cells;
        return;
    }
    // Ctrl+Space: the selected columns; Shift+Space: the selected rows (as in spreadsheets).
    let mut space = false;
    if consume(Modifiers::COMMAND, Key::Space) {
        state.whole = Whole::Columns;
        space = true;
    }
    if consume(Modifiers::SHIFT, Key::Space) {
        state.whole = Whole::Rows;
        space = true;
    }
    // With whole rows selected, Ctrl+- deletes them and Ctrl++ inserts a row above (otherwise
    // these keys keep zooming).
    if state.whole == Whole::Rows {
        if consume(Modifiers::COMMAND, Key::Minus) {
            actions.rows = Some(RowAction::Delete);
            return;
        }
        if consume(Modifiers::COMMAND | Modifiers::SHIFT, Key::Equals)
            || consume(Modifiers::COMMAND, Key::Plus)
        {
            actions.rows = Some(RowAction::InsertAbove);
            return;
        }
    }
    if consume(Modifiers::NONE, Key::Escape) {
        state.anchor = None;
        state.whole = Whole::Cells;
    }
    if let Some((r, c, extend)) = target {
        let r = r.clamp(0, last_row) as usize;
        let c = c.clamp(0, last_col) as usize;
        if extend {
            state.anchor.get_or_insert((row, col));
        } else {
            state.anchor = None;
            state.whole = Whole::Cells;
        }
        state.cursor = Some((visible[r], c));
        state.selected = Some(visible[r]);
        state.scroll_to = Some((r, Align::Center));
        return;
    }
    let column = doc.columns()[col];
    if consume(Modifiers::NONE, Key::Enter) || consume(Modifiers::NONE, Key::F2) {
        state.editing = Some(Editing {
            row,
            column,
            buffer: doc.cell_text(row, column).into_owned(),
            focused: false,
        });
        return;
    }
    let range = selection(state, visible, ncols);
    if (consume(Modifiers::NONE, Key::Delete) || consume(Modifiers::NONE, Key::Backspace))
        && let Some((rows, cols)) = range.clone()
    {
        let edits: Vec<Edit> = rows
            .flat_map(|r| cols.clone().map(move |c| (r, c)))
            .filter(|&(r, c)| !doc.cell_text(visible[r], doc.columns()[c]).is_empty())
            .map(|(r, c)| Edit::SetCell {
                row: visible[r],
                column: doc.columns()[c],
                text: String::new(),
            })
            .collect();
        if !edits.is_empty() {
            let n = edits.len();
            actions.edits.push(Edit::Batch {
                label: format!("clearing of {n} cell{}", if n == 1 { "" } else { "s" }),
                edits,
            });
        }
        return;
    }
    let events = ctx.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Copy | egui::Event::Cut => {
                if let Some((rows, cols)) = range.clone() {
                    let cells: Vec<Vec<String>> = rows
                        .map(|r| {
                            cols.clone()
                                .map(|c| doc.cell_text(visible[r], doc.columns()[c]).into_owned())
                                .collect()
                        })
                        .collect();
                    ctx.copy_text(crate::io::clipboard::to_tsv(&cells));
                }
            }
            egui::Event::Paste(text) => {
                let block = crate::io::clipboard::from_tsv(&text);
                actions
                    .edits
                    .extend(paste_edits(doc, visible, pos, col, &block));
            }
            // The space of Shift+Space selected rows; it types nothing.
            egui::Event::Text(t) if space && t.trim().is_empty() => {}
            egui::Event::Text(t) if !t.chars().all(char::is_control) => {
                // Typing over a cell starts editing it with what was typed, as in a spreadsheet.
                state.editing = Some(Editing {
                    row,
                    column,
                    buffer: t,
                    focused: false,
                });
                return;
            }
            _ => {}
        }
    }
}

/// The edits a pasted block makes from the active cell: cells are parsed as if typed, and rows
/// are added at the end when the block is longer than the table.
fn paste_edits(
    doc: &Document,
    visible: &[usize],
    pos: usize,
    col: usize,
    block: &[Vec<String>],
) -> Option<Edit> {
    let columns = doc.columns();
    let mut edits = Vec::new();
    let mut cells = 0;
    let mut appended = 0;
    for (i, line) in block.iter().enumerate() {
        let targets: Vec<(Column, String)> = line
            .iter()
            .enumerate()
            .filter_map(|(j, text)| columns.get(col + j).map(|&c| (c, text.clone())))
            .collect();
        cells += targets.len();
        match visible.get(pos + i) {
            Some(&row) => edits.extend(targets.into_iter().map(|(column, text)| Edit::SetCell {
                row,
                column,
                text,
            })),
            None => {
                edits.push(Edit::InsertRow {
                    at: doc.len() + appended,
                    cells: targets,
                });
                appended += 1;
            }
        }
    }
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("paste of {cells} cell{}", if cells == 1 { "" } else { "s" }),
        edits,
    })
}

/// Row actions as menu items (the Edit menu and a cell's context menu); returns the one clicked.
pub fn row_menu(ui: &mut Ui, n: usize) -> Option<RowAction> {
    let mut clicked = None;
    for action in RowAction::ALL {
        let mut button = egui::Button::new(action.label(n));
        if !action.shortcut().is_empty() {
            button = button.shortcut_text(action.shortcut());
        }
        if ui.add_enabled(action.enabled(n), button).clicked() {
            clicked = Some(action);
        }
    }
    clicked
}

/// Draws the table toolbar and body.
pub fn table_ui(
    ui: &mut Ui,
    doc: &Document,
    visible: &[usize],
    state: &mut TableState,
    problems: ProblemCounts,
) -> TableActions {
    let mut actions = TableActions::default();
    handle_keys(ui, doc, visible, state, &mut actions);
    let shift_click = ui.input(|i| i.modifiers.shift);
    // The search field and the problems filter come first: what follows them changes width
    // (the buttons name how many rows they act on, the count changes with the filter), and
    // ticking the filter must not move it from under the pointer.
    ui.horizontal(|ui| {
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.search).hint_text("Search text columns").desired_width(180.0),
        );
        let _ = search.accessible_name("Search");
        ui.checkbox(&mut state.problems_only, "Only rows with problems");
        if let Some(text) = problems.label() {
            ui.label(RichText::new(text).color(theme::error_text(ui.visuals())))
                .on_hover_text("Cells shown in red did not parse; hover one to see why. They are kept exactly as typed. Repeated rows are listed in the problems panel.");
        }
        ui.separator();
        let n = selected_count(state, visible, doc.columns().len());
        for action in RowAction::ALL {
            let hover = match action {
                RowAction::InsertAbove => "Insert an empty row above the selected rows (Ctrl++ when whole rows are selected)",
                RowAction::InsertBelow => "Insert an empty row below the selected rows",
                RowAction::Duplicate => "Copy the selected rows below them",
                RowAction::Delete => "Delete the selected rows (Ctrl+- when whole rows are selected)",
            };
            if ui
                .add_enabled(action.enabled(n), egui::Button::new(action.label(n)))
                .on_hover_text(hover)
                .clicked()
            {
                actions.rows = Some(action);
            }
        }
        ui.separator();
        let shown = if visible.len() == doc.len() {
            format!("{} rows", value::group_thousands(doc.len() as f64, 0))
        } else {
            format!("{} of {} rows", value::group_thousands(visible.len() as f64, 0), value::group_thousands(doc.len() as f64, 0))
        };
        ui.label(shown);
    });

    // Mouse drag selection: where the pointer is while the primary button is down.
    let pointer = ui.input(|i| {
        i.pointer
            .primary_down()
            .then(|| i.pointer.interact_pos())
            .flatten()
    });
    if pointer.is_none() {
        state.drag = None;
    }
    let columns = doc.columns().to_vec();
    let text_height = egui::TextStyle::Body
        .resolve(ui.style())
        .size
        .max(ui.spacing().interact_size.y);
    let row_height = text_height + 4.0;
    let mut builder = TableBuilder::new(ui)
        .id_salt("events_table")
        // Striped by hand below: one stripe per row, not one per cell.
        .striped(false)
        .resizable(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .column(TableColumn::exact(56.0));
    for &c in &columns {
        builder = builder.column(
            TableColumn::initial(column_width(c))
                .at_least(40.0)
                .clip(true),
        );
    }
    if let Some((i, align)) = state.scroll_to.take() {
        builder = builder.scroll_to_row(i, Some(align));
    }
    let mut commit: Option<Edit> = None;
    let mut cancel = false;
    let mut start: Option<(usize, Column)> = None;
    let mut sort_clicked: Option<Column> = None;
    let mut move_after: Option<(isize, isize)> = None;
    let ncols = columns.len();
    let range = selection(state, visible, ncols);
    let nselected = range.as_ref().map_or(0, |(rows, _)| rows.clone().count());
    let mut drag_start: Option<(usize, usize, Whole)> = None;
    let mut drag_over: Option<(usize, usize)> = None;
    let mut row_click: Option<(usize, bool)> = None;
    let mut context: Option<(usize, usize, bool)> = None;
    let mut menu_action: Option<RowAction> = None;
    // The rows' viewport and the first and last visible-row indices laid out in it.
    let mut rows_clip = egui::Rect::NOTHING;
    let mut shown: Option<(usize, usize)> = None;
    builder
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new("#").strong());
            });
            for &c in &columns {
                header.col(|ui| {
                    let arrow = match state.sort {
                        Some((s, SortDir::Ascending)) if s == c => " ↑",
                        Some((s, SortDir::Descending)) if s == c => " ↓",
                        _ => "",
                    };
                    let title = doc.column_title(c);
                    let r = ui
                        .add(
                            egui::Label::new(RichText::new(format!("{title}{arrow}")).strong())
                                .sense(Sense::click()),
                        )
                        .on_hover_text("Click to sort: ascending, descending, file order")
                        .accessible_name(format!("Sort by {title}"));
                    if r.clicked() {
                        sort_clicked = Some(c);
                    }
                });
            }
        })
        .body(|mut body| {
            // Every other row gets a faint stripe, as egui_extras paints them, but one rect per
            // row in one mesh under all rows: egui_extras paints one per cell, clipped unlike the
            // cell's text, and each became a draw call of its own.
            let painter = body.ui_mut().painter().clone();
            let spacing = body.ui_mut().spacing().item_spacing;
            let stripe_color = body.ui_mut().visuals().faint_bg_color;
            let stripes_at = painter.add(egui::Shape::Noop);
            let mut stripes: Vec<egui::Rect> = Vec::new();
            rows_clip = body.ui_mut().clip_rect();
            body.rows(row_height, visible.len(), |mut table_row| {
                let table_row_index = table_row.index();
                // Rows are laid out top to bottom.
                shown = Some((shown.map_or(table_row_index, |s| s.0), table_row_index));
                let mut row_rect = egui::Rect::NOTHING;
                let row = visible[table_row_index];
                let in_range = range
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
                    // The row number: click selects the whole row, Shift+click extends, drag
                    // selects several.
                    let (rect, r) =
                        ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
                    let galley =
                        egui::WidgetText::from(RichText::new((row + 1).to_string()).weak())
                            .into_galley(
                                ui,
                                Some(egui::TextWrapMode::Truncate),
                                rect.width() - 4.0,
                                egui::TextStyle::Body,
                            );
                    let pos = egui::pos2(
                        rect.right() - 4.0 - galley.size().x,
                        rect.center().y - galley.size().y / 2.0,
                    );
                    ui.painter().with_clip_rect(rect).galley(
                        pos,
                        galley,
                        ui.visuals().text_color(),
                    );
                    let r = r.accessible_name(format!("Select row {}", row + 1));
                    if r.clicked() {
                        row_click = Some((row, shift_click));
                    }
                    if r.drag_started() {
                        drag_start = Some((row, state.cursor.map_or(0, |c| c.1), Whole::Rows));
                    }
                    if let Some(p) = pointer
                        && rect.y_range().contains(p.y)
                    {
                        drag_over = Some((row, usize::MAX));
                    }
                    if r.secondary_clicked() {
                        context = Some((row, state.cursor.map_or(0, |c| c.1), true));
                    }
                    r.context_menu(|ui| {
                        if let Some(a) = row_menu(ui, nselected.max(1)) {
                            menu_action = Some(a);
                            ui.close();
                        }
                    });
                });
                for &c in &columns {
                    table_row.col(|ui| {
                        row_rect = row_rect.union(ui.max_rect());
                        let title = doc.column_title(c);
                        if let Some(ed) = state
                            .editing
                            .as_mut()
                            .filter(|e| e.row == row && e.column == c)
                        {
                            let r = ui.add(
                                egui::TextEdit::singleline(&mut ed.buffer)
                                    .desired_width(f32::INFINITY)
                                    .margin(egui::vec2(2.0, 0.0)),
                            );
                            let r = r.accessible_name(format!("Edit {title}, row {}", row + 1));
                            if !ed.focused {
                                r.request_focus();
                                ed.focused = true;
                            }
                            let (enter, escape, tab, shift) = ui.input(|i| {
                                (
                                    i.key_pressed(egui::Key::Enter),
                                    i.key_pressed(egui::Key::Escape),
                                    i.key_pressed(egui::Key::Tab),
                                    i.modifiers.shift,
                                )
                            });
                            if escape || enter || tab {
                                // Give the keyboard back to the table at once.
                                r.surrender_focus();
                            }
                            if escape {
                                cancel = true;
                            } else if r.lost_focus() || enter || tab {
                                commit = Some(Edit::SetCell {
                                    row,
                                    column: c,
                                    text: ed.buffer.clone(),
                                });
                                // Enter moves down, Tab right, Shift+Tab left, as in a spreadsheet.
                                move_after = match (enter, tab, shift) {
                                    (true, _, _) => Some((1, 0)),
                                    (_, true, false) => Some((0, 1)),
                                    (_, true, true) => Some((0, -1)),
                                    _ => None,
                                };
                            }
                            return;
                        }
                        let col_index = columns.iter().position(|&x| x == c).unwrap_or(0);
                        let cell_rect = ui.max_rect();
                        if let Some((rows, cols)) = &range
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
                        let mut rt = RichText::new(&text);
                        if problem.is_some() {
                            rt = rt
                                .color(theme::error_text(ui.visuals()))
                                .background_color(theme::error_fill(ui.visuals()));
                        }
                        let numeric = matches!(c, Column::Field(f) if f.metric().is_some());
                        // The whole cell is clickable (also when empty), but not focusable: the
                        // keyboard stays with the table. Dragging selects a range.
                        let (rect, r) =
                            ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
                        if r.drag_started() {
                            drag_start = Some((row, col_index, Whole::Cells));
                        }
                        if let Some(p) = pointer
                            && cell_rect.y_range().contains(p.y)
                            && cell_rect.x_range().contains(p.x)
                        {
                            drag_over = Some((row, col_index));
                        }
                        if r.secondary_clicked() {
                            context = Some((row, col_index, false));
                        }
                        r.context_menu(|ui| {
                            if let Some(a) = row_menu(ui, nselected.max(1)) {
                                menu_action = Some(a);
                                ui.close();
                            }
                        });
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
                        ui.painter().with_clip_rect(rect).galley(
                            pos,
                            galley,
                            ui.visuals().text_color(),
                        );
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, text.as_str())
                        });
                        let shown = if text.is_empty() {
                            "empty"
                        } else {
                            text.as_str()
                        };
                        let r = r.accessible_name(format!("{title}, row {}: {shown}", row + 1));
                        let r = match &problem {
                            Some(p) => r.on_hover_text(
                                RichText::new(format!(
                                    "{p}\nThe text is kept as typed; this cell does not count."
                                ))
                                .color(theme::error_text(ui.visuals())),
                            ),
                            None if !text.is_empty() && r.hovered() && text.len() > 24 => {
                                r.on_hover_text(&text)
                            }
                            None => r,
                        };
                        if r.clicked() {
                            start = Some((row, c));
                        }
                    });
                }
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
        });
    if let Some(c) = sort_clicked {
        state.cycle_sort(c);
    }
    if let Some((row, col, whole)) = drag_start {
        state.drag = Some(whole);
        state.anchor = Some((row, col));
        state.cursor = Some((row, col));
        state.selected = Some(row);
        state.whole = whole;
    }
    if let (Some(kind), Some((row, col))) = (state.drag, drag_over) {
        // Over the row numbers a cell drag keeps its column; a row drag keeps the column too.
        let col = match (kind, col) {
            (Whole::Cells, c) if c != usize::MAX => c,
            _ => state.cursor.map_or(0, |c| c.1),
        };
        state.cursor = Some((row, col));
        state.editing = None;
    }
    // Dragging past the top or bottom of the rows scrolls them, faster the further the pointer
    // is past the edge, as in a spreadsheet: the active cell moves on to the rows coming in.
    if let (Some(_), Some(p), Some((first, last))) = (state.drag, pointer, shown) {
        let past = if p.y > rows_clip.bottom() {
            p.y - rows_clip.bottom()
        } else if p.y < rows_clip.top() {
            p.y - rows_clip.top()
        } else {
            0.0
        };
        if past != 0.0 && !visible.is_empty() {
            let step = 1 + (past.abs() / row_height).min(20.0) as usize;
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
    if let Some((row, extend)) = row_click {
        let col = state.cursor.map_or(0, |c| c.1);
        if extend && state.cursor.is_some() {
            state.anchor = state.anchor.or(state.cursor);
        } else {
            state.anchor = None;
        }
        state.cursor = Some((row, col));
        state.selected = Some(row);
        state.whole = Whole::Rows;
    }
    if let Some((row, col, whole_row)) = context {
        // A right-click outside the selection selects the clicked cell (or row) first.
        let pos = visible.iter().position(|&r| r == row);
        let inside = range.as_ref().is_some_and(|(rows, cols)| {
            pos.is_some_and(|p| rows.contains(&p)) && (whole_row || cols.contains(&col))
        });
        if !inside {
            state.cursor = Some((row, col));
            state.anchor = None;
            state.selected = Some(row);
            state.whole = if whole_row { Whole::Rows } else { Whole::Cells };
        }
    }
    if menu_action.is_some() {
        actions.rows = menu_action;
    }
    if cancel {
        state.editing = None;
    } else if commit.is_none() && start.is_some() {
        // Clicking another cell commits the one being edited, as in a spreadsheet.
        commit = state.editing.take().map(|ed| Edit::SetCell {
            row: ed.row,
            column: ed.column,
            text: ed.buffer,
        });
    }
    if let Some(Edit::SetCell { row, column, text }) = &commit {
        if doc.cell_text(*row, *column) != text.as_str() {
            actions.edits.extend(commit.clone());
        }
        state.editing = None;
    }
    if let (Some((dr, dc)), Some(Edit::SetCell { row, column, .. })) = (move_after, &commit) {
        let col = columns.iter().position(|c| c == column).unwrap_or(0) as isize;
        if let Some(pos) = visible.iter().position(|r| r == row) {
            let p = (pos as isize + dr).clamp(0, visible.len() as isize - 1) as usize;
            let c = (col + dc).clamp(0, columns.len() as isize - 1) as usize;
            state.cursor = Some((visible[p], c));
            state.anchor = None;
            state.selected = Some(visible[p]);
            state.scroll_to = Some((p, Align::Center));
        }
    }
    if let Some((row, column)) = start {
        let col = columns.iter().position(|&c| c == column).unwrap_or(0);
        if shift_click && state.cursor.is_some() {
            // Shift-click extends the selection from the active cell.
            state.anchor = state.anchor.or(state.cursor);
            state.cursor = Some((row, col));
            state.whole = Whole::Cells;
            state.editing = None;
        } else {
            state.selected = Some(row);
            state.cursor = Some((row, col));
            state.anchor = None;
            state.whole = Whole::Cells;
            state.editing = Some(Editing {
                row,
                column,
                buffer: doc.cell_text(row, column).into_owned(),
                focused: false,
            });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::document::NoObserver;

    fn doc(cities: &[&str]) -> Document {
        let mut d = Document::new();
        for c in cities {
            d.push_row([(Column::Field(Field::City), *c)]);
        }
        d
    }

    fn cities(d: &Document) -> Vec<String> {
        (0..d.len())
            .map(|r| d.cell_text(r, Column::Field(Field::City)).into_owned())
            .collect()
    }

    /// Whole rows from visible position `from` to `to`.
    fn rows_selected(visible: &[usize], from: usize, to: usize) -> TableState {
        TableState {
            anchor: Some((visible[from], 2)),
            cursor: Some((visible[to], 2)),
            whole: Whole::Rows,
            ..Default::default()
        }
    }

    #[test]
    fn problem_counts_name_cells_and_repeated_rows() {
        let label = |cells, rows| ProblemCounts { cells, rows }.label();
        assert_eq!(label(0, 0), None);
        assert_eq!(label(1, 0).as_deref(), Some("1 cell to check"));
        assert_eq!(label(2, 0).as_deref(), Some("2 cells to check"));
        assert_eq!(label(0, 1).as_deref(), Some("1 repeated row to check"));
        assert_eq!(
            label(3, 468).as_deref(),
            Some("3 cells and 468 repeated rows to check")
        );
    }

    #[test]
    fn deleting_rows_of_a_sorted_view_deletes_those_rows_and_undoes_as_one() {
        let mut d = doc(&["a", "b", "c", "d", "e"]);
        // A sorted view shows rows 4, 0, 2, 1, 3: selecting the first three picks e, a, c.
        let visible = [4, 0, 2, 1, 3];
        let state = rows_selected(&visible, 0, 2);
        assert_eq!(
            selected_rows(&state, &visible, d.columns().len()),
            [0, 2, 4]
        );
        assert_eq!(selected_count(&state, &visible, d.columns().len()), 3);
        let plan = plan_rows(&d, &visible, &state, RowAction::Delete).unwrap();
        assert_eq!(plan.edit.describe(&d), "delete of 3 rows");
        let undo = d.apply(&plan.edit, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["b", "d"]);
        assert_eq!(plan.select, 0..1);
        d.apply(&undo, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn duplicates_follow_the_last_selected_row_in_order() {
        let mut d = doc(&["a", "b", "c", "d"]);
        let visible = [0, 1, 2, 3];
        let state = rows_selected(&visible, 2, 1); // dragged upwards: rows b and c
        let plan = plan_rows(&d, &visible, &state, RowAction::Duplicate).unwrap();
        assert_eq!(plan.edit.describe(&d), "duplicate of 2 rows");
        d.apply(&plan.edit, &mut NoObserver).unwrap();
        assert_eq!(cities(&d), ["a", "b", "c", "b", "c", "d"]);
        assert_eq!(plan.select, 3..5);

        let one = rows_selected(&visible, 0, 0);
        let plan = plan_rows(&d, &visible, &one, RowAction::Duplicate).unwrap();
        assert_eq!(plan.edit.describe(&d), "duplicate of row 1");
    }

    #[test]
    fn inserting_goes_above_or_below_the_selection_and_works_on_an_empty_table() {
        let d = doc(&["a", "b", "c"]);
        let visible = [0, 1, 2];
        let state = rows_selected(&visible, 1, 2);
        let at = |action| match plan_rows(&d, &visible, &state, action).map(|p| p.edit) {
            Some(Edit::InsertRow { at, .. }) => at,
            other => panic!("{other:?}"),
        };
        assert_eq!(at(RowAction::InsertAbove), 1);
        assert_eq!(at(RowAction::InsertBelow), 3);

        let empty = Document::new();
        let none = TableState::default();
        assert!(plan_rows(&empty, &[], &none, RowAction::Delete).is_none());
        assert!(plan_rows(&empty, &[], &none, RowAction::Duplicate).is_none());
        let plan = plan_rows(&empty, &[], &none, RowAction::InsertBelow).unwrap();
        assert_eq!(
            plan.edit,
            Edit::InsertRow {
                at: 0,
                cells: Vec::new()
            }
        );
    }

    #[test]
    fn deleting_every_row_selects_nothing() {
        let d = doc(&["a", "b"]);
        let visible = [0, 1];
        let state = rows_selected(&visible, 0, 1);
        let plan = plan_rows(&d, &visible, &state, RowAction::Delete).unwrap();
        assert!(plan.select.is_empty());
        let mut after = TableState::default();
        after.select_rows(&[], plan.select);
        assert_eq!(after.cursor, None);
    }

    #[test]
    fn whole_columns_span_the_shown_rows() {
        let visible = [3, 1, 2];
        let state = TableState {
            cursor: Some((1, 4)),
            anchor: Some((1, 2)),
            whole: Whole::Columns,
            ..Default::default()
        };
        assert_eq!(selection(&state, &visible, 11), Some((0..=2, 2..=4)));
        let rows = TableState {
            whole: Whole::Rows,
            ..state
        };
        assert_eq!(selection(&rows, &visible, 11), Some((1..=1, 0..=10)));
    }
}
