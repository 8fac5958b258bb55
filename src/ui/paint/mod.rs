//! How the dashboard is painted cheaply: per-pixel reduction of chart data ([`reduce`], plain
//! numbers) and the tricks that read or rewrite egui's internals ([`internals`]: the charts'
//! picture, the skipped layout, widened clip rects, forgotten scroll positions). The views
//! themselves live beside this in [`crate::ui`].

pub mod internals;
pub mod reduce;
