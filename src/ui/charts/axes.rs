//! The charts' axes: where periods fall on the time axis, the year, quarter and month marks and
//! their labels, and the value marks in the axis's unit (the ticks and units of
//! [`crate::picture`], so the screen and the exports agree).

use egui_plot::{GridInput, GridMark};

use crate::analysis::{Granularity, date_to_x};
use crate::picture::ticks;
use crate::picture::units::{self, Scale};

/// Where a period starts and ends on the time axis.
pub(super) fn period_x_range(g: Granularity, period: i32) -> (f64, f64) {
    (date_to_x(g.start(period)), date_to_x(g.end(period)))
}

/// Year, quarter or month marks depending on the visible span (the exports' marks).
pub(super) fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    ticks::date_marks(min, max, usize::MAX)
        .into_iter()
        .map(|m| GridMark {
            value: m.x,
            step_size: m.step,
        })
        .collect()
}

/// Value marks at 1, 2, 2.5 or 5 × 10ⁿ, about four over the visible range, so every chart gets
/// readable labels however tall it is (the exports' ticks).
pub(super) fn value_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let (values, step) = ticks::value_ticks(min, max, 4.0);
    values
        .into_iter()
        .map(|value| GridMark {
            value,
            step_size: step,
        })
        .collect()
}

/// A time mark's label: the year in January, else the quarter or the month.
pub(super) fn date_label(mark: GridMark) -> String {
    ticks::date_label_in(
        ticks::DateMark {
            x: mark.value,
            step: mark.step_size,
        },
        crate::ui::words::units_lang(),
    )
}

/// A value mark's label in the axis's unit (`12,000`; `2.5` on a GWh axis).
pub(super) fn value_label(mark: GridMark, scale: Scale) -> String {
    units::tick_label(mark.value, mark.step_size, scale)
}
