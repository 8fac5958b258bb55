//! The document's schema: the fields the app understands, the metrics it charts and sums, and
//! the columns of a document (known fields and extra ones). No storage or parsing here.

use super::figure::Quantity;
use super::value;

/// A field the app understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Day, month or year of the event.
    Date,
    /// Provincial-level division, or `National`.
    Province,
    /// City, county or area (optional).
    City,
    /// What happened (free text).
    Action,
    /// Mining projects shut down.
    Projects,
    /// Mining rigs seized.
    Rigs,
    /// Electricity saved, kWh.
    Kwh,
    /// Coal saved, tonnes.
    Coal,
    /// `event` or `running_total`.
    Basis,
    /// Where the figures come from.
    Source,
    /// Caveats and other figures.
    Notes,
}

impl Field {
    /// All fields in their canonical column order.
    pub const ALL: [Field; 11] = [
        Field::Date,
        Field::Province,
        Field::City,
        Field::Action,
        Field::Projects,
        Field::Rigs,
        Field::Kwh,
        Field::Coal,
        Field::Basis,
        Field::Source,
        Field::Notes,
    ];

    /// The column name written to files.
    pub fn key(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Province => "province",
            Field::City => "city",
            Field::Action => "action",
            Field::Projects => "projects_shut_down",
            Field::Rigs => "rigs_seized",
            Field::Kwh => "electricity_saved_kwh",
            Field::Coal => "coal_saved_tonnes",
            Field::Basis => "basis",
            Field::Source => "source",
            Field::Notes => "notes",
        }
    }

    /// The column title shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Field::Date => "Date",
            Field::Province => "Province",
            Field::City => "City",
            Field::Action => "Action",
            Field::Projects => "Projects shut down",
            Field::Rigs => "Rigs seized",
            Field::Kwh => "Electricity saved (kWh)",
            Field::Coal => "Coal saved (t)",
            Field::Basis => "Basis",
            Field::Source => "Source",
            Field::Notes => "Notes",
        }
    }

    /// The metric this field holds, if it is a figure.
    pub fn metric(self) -> Option<Metric> {
        match self {
            Field::Projects => Some(Metric::Projects),
            Field::Rigs => Some(Metric::Rigs),
            Field::Kwh => Some(Metric::Kwh),
            Field::Coal => Some(Metric::Coal),
            _ => None,
        }
    }
}

/// A figure that is charted and summed.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Metric {
    /// Mining projects shut down.
    Projects,
    /// Mining rigs seized.
    Rigs,
    /// Electricity saved, kWh.
    Kwh,
    /// Coal saved, tonnes.
    Coal,
}

impl Metric {
    /// All metrics in display order.
    pub const ALL: [Metric; 4] = [Metric::Projects, Metric::Rigs, Metric::Kwh, Metric::Coal];

    /// Index 0..4.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The field holding this metric.
    pub fn field(self) -> Field {
        match self {
            Metric::Projects => Field::Projects,
            Metric::Rigs => Field::Rigs,
            Metric::Kwh => Field::Kwh,
            Metric::Coal => Field::Coal,
        }
    }

    /// Chart and card title.
    pub fn title(self) -> &'static str {
        match self {
            Metric::Projects => "Projects shut down",
            Metric::Rigs => "Rigs seized",
            Metric::Kwh => "Electricity saved",
            Metric::Coal => "Coal saved",
        }
    }

    /// What the figures count, which decides their units.
    pub fn quantity(self) -> Quantity {
        match self {
            Metric::Projects | Metric::Rigs => Quantity::Count,
            Metric::Kwh => Quantity::Energy,
            Metric::Coal => Quantity::Mass,
        }
    }

    /// A value with its unit, for cards and tooltips.
    pub fn format(self, value: f64) -> String {
        match self {
            Metric::Projects | Metric::Rigs => value::group_thousands(value, 0),
            Metric::Kwh => value::format_kwh(value),
            Metric::Coal => value::format_tonnes(value),
        }
    }
}

/// A column of the document: a known field or one the app does not know (kept as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// A field the app understands.
    Field(Field),
    /// An extra column, by index into [`Document::extra_names`].
    Extra(usize),
}
