//! The data model: events, the province gazetteer, cell values and edit commands. No UI here.

pub mod append;
pub mod cells;
pub mod date;
pub mod date_parse;
pub mod document;
pub mod edit;
pub mod facts;
pub mod figure;
pub mod gazetteer;
pub mod input;
pub mod interner;
pub mod left_out;
pub mod notices;
pub mod number_format;
pub mod place;
pub mod problem_index;
pub mod problems;
pub mod row_checks;
pub mod schema;
pub mod sink;
pub mod totals;
pub mod value;
