//! The views, one file each. They read the session and return what the user asked for; only the
//! app turns that into edit commands. How they are painted cheaply (and every use of egui's
//! internals) is in [`paint`].

pub mod cards;
pub mod charts;
pub mod data_format;
pub mod dialogs;
pub mod events;
pub mod export_dialog;
pub mod filters;
pub mod focus;
pub mod map;
pub mod paint;
pub mod preview;
mod preview_choices;
pub mod problems;
pub mod table;
pub mod theme;
pub mod tips;
pub mod words;

pub use paint::reduce;
