//! Scroll positions restored from the last run, dropped at start.

/// Drops the scroll positions egui restored from the last run. They can hold a scroll animation
/// that was running when the app closed, timed by the last run's clock: the new run's clock
/// starts near zero, so the animation would repaint every frame for as long as the last run had
/// lasted (measured: seconds of 100% CPU at start after closing mid-scroll). Every list starts
/// at the top instead; panel sizes and column widths are kept.
pub fn forget_scroll_positions(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove_by_type::<egui::containers::scroll_area::State>());
}
