//! Mining Crackdown Dashboard: open event files about China's crackdown on cryptocurrency mining,
//! edit them in a table, and chart them per province over time.
//!
//! Data flows one way: file → [`io`] → [`data::document::Document`] → (edit commands in
//! [`session`]) → [`analysis`] → [`ui`]. The model and analysis know nothing of egui.

pub mod analysis;
pub mod app;
pub mod background;
pub mod cli;
pub mod crash;
pub mod data;
pub mod frame_stats;
pub mod i18n;
pub mod io;
pub mod logging;
pub mod map;
pub mod picture;
pub mod recovery;
pub mod session;
pub mod synth;
pub mod ui;

pub use app::{App, StartOptions};
