//! The data model: events, the province gazetteer, cell values and edit commands. No UI here.

pub mod document;
pub mod figure;
pub mod gazetteer;
pub mod value;
