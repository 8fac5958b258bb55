//! Help ▸ Data format…: a window documenting the columns the app reads (every known field, what it
//! holds, its unit, spellings its header may have), the dates and numbers it reads, and buttons
//! that save an empty template (CSV or .xlsx).
//!
//! The list is made from the code's own tables, so it cannot drift from what the reader does: the
//! fields and their keys from [`Field::ALL`], the units from each metric's quantity, the Chinese
//! spellings from the header synonyms ([`crate::io::synonyms`]); the English spellings, header
//! units, dates and numbers shown are examples that the tests below read with the app's own
//! parsers.

use egui::RichText;

use super::theme;
use crate::data::document::Field;
use crate::data::figure::Quantity;
use crate::data::value::Basis;

/// Which template file to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFormat {
    /// Comma-separated text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl TemplateFormat {
    /// The file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            TemplateFormat::Csv => "csv",
            TemplateFormat::Xlsx => "xlsx",
        }
    }

    /// The save dialog's name for the file type.
    pub fn filter_name(self) -> &'static str {
        match self {
            TemplateFormat::Csv => "CSV",
            TemplateFormat::Xlsx => "Excel workbook (.xlsx)",
        }
    }

    /// The name the save dialog suggests.
    pub fn suggested_name(self) -> String {
        format!("crackdown-events-template.{}", self.extension())
    }
}

/// English headers the app reads as `field` (a test reads each one).
fn english_examples(field: Field) -> &'static [&'static str] {
    match field {
        Field::Date => &["Day", "Event date", "When"],
        Field::Province => &["Province/Region", "Region", "Province code"],
        Field::City => &["City or area", "County", "Prefecture"],
        Field::Action => &["Action type", "Measure", "Description"],
        Field::Projects => &["Projects", "Mines closed", "Number of mining farms closed"],
        Field::Rigs => &["Rigs", "Machines seized", "Seized miners (units)"],
        Field::Kwh => &["Electricity saved (GWh)", "kWh saved", "Power saved"],
        Field::Coal => &["Coal saved (t)", "Coal (million t)", "Coal"],
        Field::Basis => &["Figure basis"],
        Field::Source => &["Sources", "URL", "Link"],
        Field::Notes => &["Note", "Comments", "Remarks"],
    }
}

/// Headers whose unit scales the column, with the power of ten they stand for (a test checks
/// each against the reader's).
const UNIT_EXAMPLES: [(&str, Field, i32); 4] = [
    ("Electricity saved (GWh)", Field::Kwh, 6),
    ("节约电量(亿千瓦时)", Field::Kwh, 8),
    ("节约电量万度", Field::Kwh, 4),
    ("Coal (million t)", Field::Coal, 6),
];

/// Dates the app reads (a test parses each).
const DATE_EXAMPLES: [&str; 9] = [
    "2021-09-27",
    "2021-09",
    "2021",
    "2021/9/27",
    "27 Sep 2021",
    "September 2021",
    "2021年9月27日",
    "2021年9月",
    "27.09.2021",
];

/// Figures the app reads, with the quantity of the column they are in (a test parses each).
const NUMBER_EXAMPLES: [(&str, Quantity); 6] = [
    ("10,100", Quantity::Count),
    ("1.2万台", Quantity::Count),
    ("about 3,000", Quantity::Count),
    ("6.58 billion kWh", Quantity::Energy),
    ("65.8亿千瓦时", Quantity::Energy),
    ("200万吨", Quantity::Mass),
];

/// What a field's column holds, in the interface's language.
fn description(field: Field) -> String {
    match field {
        Field::Date => crate::tr!("firstrun-format-date"),
        Field::Province => crate::tr!("firstrun-format-province"),
        Field::City => crate::tr!("firstrun-format-city"),
        Field::Action => crate::tr!("firstrun-format-action"),
        Field::Projects => crate::tr!("firstrun-format-projects"),
        Field::Rigs => crate::tr!("firstrun-format-rigs"),
        Field::Kwh => crate::tr!("firstrun-format-kwh"),
        Field::Coal => crate::tr!("firstrun-format-coal"),
        Field::Basis => crate::tr!(
            "firstrun-format-basis",
            event = Basis::Event.as_str(),
            total = Basis::RunningTotal.as_str()
        ),
        Field::Source => crate::tr!("firstrun-format-source"),
        Field::Notes => crate::tr!("firstrun-format-notes"),
    }
}

/// A field's unit: the metric's for figures, else what kind of value it is.
fn unit(field: Field) -> String {
    match field.metric().map(|m| m.quantity()) {
        Some(Quantity::Count) => crate::tr!("firstrun-unit-count"),
        Some(Quantity::Energy) => crate::tr!("firstrun-unit-kwh"),
        Some(Quantity::Mass) => crate::tr!("firstrun-unit-tonnes"),
        None if field == Field::Date => crate::tr!("firstrun-unit-date"),
        None => crate::tr!("firstrun-unit-text"),
    }
}

/// The spellings a field's header may have besides its key: English examples and the Chinese
/// synonyms of the header table.
pub fn spellings(field: Field) -> Vec<&'static str> {
    let chinese = crate::io::synonyms(field)
        .iter()
        .copied()
        .filter(|s| !s.is_ascii());
    english_examples(field)
        .iter()
        .copied()
        .chain(chinese)
        .collect()
}

/// The Help ▸ Data format… window while `open`; the template the user asked to save, if any.
pub fn data_format_ui(ctx: &egui::Context, open: &mut bool) -> Option<TemplateFormat> {
    let mut save = None;
    egui::Window::new(crate::tr!("firstrun-format-title"))
        .id(egui::Id::unique("data_format_window"))
        .open(open)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(820.0)
        // As high as its contents (the columns scroll inside), as wide as the user likes.
        .resizable([true, false])
        .show(ctx, |ui| {
            ui.add(egui::Label::new(crate::tr!("firstrun-format-intro")).wrap());
            ui.add_space(6.0);
            // The columns and notes scroll; the template buttons stay in view under them.
            let height = (ctx.content_rect().height() * 0.5).max(160.0);
            // Always this high, so the window's size holds from its first frame.
            egui::ScrollArea::vertical()
                .max_height(height)
                .auto_shrink([false, false])
                .show(ui, notes);
            ui.separator();
            ui.label(
                RichText::new(crate::tr!("firstrun-format-template"))
                    .color(theme::weak_text(ui.visuals())),
            );
            ui.horizontal(|ui| {
                if ui.button(crate::tr!("firstrun-save-csv")).clicked() {
                    save = Some(TemplateFormat::Csv);
                }
                if ui.button(crate::tr!("firstrun-save-xlsx")).clicked() {
                    save = Some(TemplateFormat::Xlsx);
                }
            });
        });
    save
}

/// The columns, then how header units, dates and numbers are written.
fn notes(ui: &mut egui::Ui) {
    columns_grid(ui);
    ui.add_space(6.0);
    let units: Vec<&str> = UNIT_EXAMPLES.iter().map(|(h, _, _)| *h).collect();
    let numbers: Vec<&str> = NUMBER_EXAMPLES.iter().map(|(n, _)| *n).collect();
    for line in [
        crate::tr!("firstrun-format-units", examples = units.join(", ")),
        crate::tr!("firstrun-format-dates", examples = DATE_EXAMPLES.join(", ")),
        crate::tr!("firstrun-format-numbers", examples = numbers.join(", ")),
    ] {
        ui.add(egui::Label::new(line).wrap());
    }
}

/// One row per known field: its key (the template's header), what it holds, its unit and other
/// spellings.
fn columns_grid(ui: &mut egui::Ui) {
    egui::Grid::new("data_format_columns")
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for head in [
                crate::tr!("firstrun-format-column"),
                crate::tr!("firstrun-format-holds"),
                crate::tr!("firstrun-format-unit"),
                crate::tr!("firstrun-format-also"),
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for field in Field::ALL {
                ui.label(RichText::new(field.key()).monospace());
                wrapped(ui, description(field), 330.0);
                ui.label(unit(field));
                wrapped(ui, spellings(field).join(", "), 300.0);
                ui.end_row();
            }
        });
}

/// A grid cell of text wrapped at `width` (a wrapped label alone takes the narrowest width).
fn wrapped(ui: &mut egui::Ui, text: String, width: f32) {
    ui.scope(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figure::{header_pow10, parse_figure};
    use crate::io::match_header;

    #[test]
    fn every_spelling_shown_is_read_as_its_field() {
        for field in Field::ALL {
            let shown = spellings(field);
            assert!(shown.len() >= 2, "{field:?} has spellings to show");
            for s in shown {
                assert_eq!(match_header(s), Some(field), "{s}");
            }
        }
    }

    #[test]
    fn every_unit_example_scales_its_column_as_shown() {
        for (header, field, pow10) in UNIT_EXAMPLES {
            assert_eq!(match_header(header), Some(field), "{header}");
            let quantity = field.metric().unwrap().quantity();
            assert_eq!(header_pow10(header, quantity), pow10, "{header}");
        }
    }

    #[test]
    fn every_date_and_number_shown_is_read() {
        for d in DATE_EXAMPLES {
            assert!(crate::data::value::parse_date(d).is_ok(), "{d}");
        }
        for (n, quantity) in NUMBER_EXAMPLES {
            assert!(parse_figure(n, quantity, 0).is_ok(), "{n}");
        }
    }
}
