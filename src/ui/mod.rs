//! The views, one file each. They read the session and return what the user asked for; only the
//! app turns that into edit commands.

pub mod cards;
pub mod chart_cache;
pub mod chart_hold;
pub mod charts;
pub mod clips;
pub mod dialogs;
pub mod export;
pub mod filters;
pub mod preview;
pub mod problems;
pub mod reduce;
pub mod table;
pub mod theme;
