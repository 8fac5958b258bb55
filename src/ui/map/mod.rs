//! The map view: a choropleth of the 34 divisions for the chosen metric, per period or
//! cumulative as the dashboard is, over the whole date range or one period of the time slider
//! (with a play button stepping period by period); a legend; hover names the province, its value
//! and its events; click selects it. The shapes, projection, hit testing and colour scale are in
//! [`crate::map`] (no egui); painting is in `draw.rs`, the legend in `legend.rs`.

mod draw;
mod legend;

use std::time::Duration;

use egui::Ui;

use crate::analysis::{Granularity, View, day_key_label};
use crate::data::document::{Metric, Place};
use crate::map::scale::Scale;
use crate::map::values::{MapValues, When};

/// How long the play button shows each period.
pub const STEP: Duration = Duration::from_millis(800);

/// What the map remembers between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct MapSettings {
    /// The dashboard shows the map instead of the charts.
    pub shown: bool,
    /// The metric the map colours.
    pub metric: Metric,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            shown: false,
            metric: Metric::Rigs,
        }
    }
}

/// The time slider's state (not remembered).
#[derive(Clone, Debug)]
pub struct MapState {
    /// The time shown.
    pub when: When,
    /// The play button is on.
    pub playing: bool,
    /// Input time of the next step while playing.
    next_step: f64,
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            when: When::All,
            playing: false,
            next_step: 0.0,
        }
    }
}

/// What the map shows.
pub struct MapInput<'a> {
    /// The dashboard's view (filter applied).
    pub view: &'a View,
    /// Running totals instead of what each period added.
    pub cumulative: bool,
    /// The province selected in the app (outlined).
    pub selected: Option<Place>,
    /// The events behind the province hovered (found by the app from `MapOutput::hovered`).
    pub events: Option<&'a crate::ui::events::Hovered>,
}

/// What the user did on the map.
#[derive(Default)]
pub struct MapOutput {
    /// A province clicked (to select).
    pub clicked: Option<Place>,
    /// Export… was clicked: open the export dialog for the map.
    pub export: bool,
    /// The province under the pointer: the app finds its events over [`event_periods`].
    pub hovered: Option<Place>,
    /// A province clicked and where: its events are pinned there.
    pub pin: Option<(Place, egui::Pos2)>,
}

/// The periods whose events are behind the map's values at `when`: all of them over the whole
/// range, those to the end of the slider's period when cumulative, else that period.
pub fn event_periods(when: When, cumulative: bool) -> std::ops::RangeInclusive<i32> {
    match when {
        When::All => i32::MIN..=i32::MAX,
        When::Period(p) if cumulative => i32::MIN..=p,
        When::Period(p) => p..=p,
    }
}

/// "Charts | Map": which one the dashboard shows below the cards.
pub fn view_switch(ui: &mut Ui, shown: &mut bool) {
    ui.horizontal(|ui| {
        ui.selectable_value(shown, false, crate::tr!("map-switch-charts"))
            .on_hover_text(crate::tr!("map-switch-charts-hint"));
        ui.selectable_value(shown, true, crate::tr!("map-switch-map"))
            .on_hover_text(crate::tr!("map-switch-map-hint"));
    });
}

/// The periods the slider steps through: every one from the view's first day to its last.
fn periods(view: &View) -> Vec<i32> {
    let g = view.granularity;
    match (view.first_day, view.last_day) {
        (Some(a), Some(b)) => (g.period_of_key(a)..=g.period_of_key(b)).collect(),
        _ => Vec::new(),
    }
}

/// The time shown, in words: "2018-01-02 – 2022-06-30", "2021 Q3", "to the end of 2021 Q3".
pub fn when_text(view: &View, when: When, cumulative: bool) -> String {
    match when {
        When::All => match (view.first_day, view.last_day) {
            (Some(a), Some(b)) => format!("{} – {}", day_key_label(a), day_key_label(b)),
            _ => crate::tr!("map-no-dates"),
        },
        When::Period(p) if cumulative => {
            crate::tr!(
                "map-to-the-end-of",
                period = crate::ui::words::period_label(view.granularity, p)
            )
        }
        When::Period(p) => crate::ui::words::period_label(view.granularity, p),
    }
}

/// The map view: toolbar (metric, time slider, play), the map and its legend.
pub fn map_ui(
    ui: &mut Ui,
    input: &MapInput<'_>,
    settings: &mut MapSettings,
    state: &mut MapState,
) -> MapOutput {
    let periods = periods(input.view);
    if let When::Period(p) = state.when
        && !periods.contains(&p)
    {
        state.when = When::All;
        state.playing = false;
    }
    let export = toolbar(ui, settings, state, &periods, input.view.granularity);
    play(ui, state, &periods);
    let metric = settings.metric;
    let values = MapValues::new(input.view, metric, state.when, input.cumulative);
    let scale = Scale::new(values.range.iter().copied(), ui.visuals().dark_mode);
    let caption = crate::tr!(
        "map-caption",
        metric = crate::ui::words::metric_title(metric),
        when = when_text(input.view, state.when, input.cumulative),
        mode = if input.cumulative {
            crate::tr!("map-mode-cumulative")
        } else {
            crate::tr!("map-mode-per-period")
        }
    );
    ui.label(egui::RichText::new(&caption).strong());
    let mut out = MapOutput {
        export,
        ..MapOutput::default()
    };
    let legend_width = 170.0;
    let size = ui.available_size();
    ui.horizontal_top(|ui| {
        let map_size = egui::vec2((size.x - legend_width - 8.0).max(200.0), size.y.max(200.0));
        let (rect, _) = ui.allocate_exact_size(map_size, egui::Sense::hover());
        let draw = draw::MapDraw {
            rect,
            values: &values,
            scale: &scale,
            metric,
            selected: input.selected,
            caption: &caption,
            events: input.events,
            periods: event_periods(state.when, input.cumulative),
        };
        (out.clicked, out.hovered) = draw::draw(ui, &draw);
        if let Some(place) = out.clicked {
            let at = ui.ctx().pointer_interact_pos().unwrap_or(rect.center());
            out.pin = Some((place, at));
        }
        ui.vertical(|ui| legend::legend(ui, &scale, &values, metric));
    });
    out
}

/// Metric, the play button, the slider and "Whole range".
fn toolbar(
    ui: &mut Ui,
    settings: &mut MapSettings,
    state: &mut MapState,
    periods: &[i32],
    g: Granularity,
) -> bool {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(crate::tr!("map-colour-by"));
        egui::ComboBox::from_id_salt("map metric")
            .selected_text(crate::ui::words::metric_title(settings.metric))
            .show_ui(ui, |ui| {
                for m in Metric::ALL {
                    ui.selectable_value(&mut settings.metric, m, crate::ui::words::metric_title(m));
                }
            })
            .response
            .labelled_by(l.id);
        let export = ui
            .button(crate::tr!("map-export"))
            .on_hover_text(crate::tr!("map-export-hint"))
            .accessible_name(crate::tr!("map-export-name"))
            .clicked();
        ui.separator();
        if periods.is_empty() {
            return export;
        }
        let (label, hint) = if state.playing {
            (crate::tr!("map-pause"), crate::tr!("map-pause-hint"))
        } else {
            (crate::tr!("map-play"), crate::tr!("map-play-hint"))
        };
        if ui.button(label).on_hover_text(hint).clicked() {
            state.playing = !state.playing;
            state.next_step = 0.0;
            if state.playing && state.when == When::Period(periods[periods.len() - 1]) {
                state.when = When::All;
            }
        }
        let mut index = match state.when {
            When::Period(p) => periods.iter().position(|q| *q == p).unwrap_or(0),
            When::All => periods.len() - 1,
        };
        let l = ui.label(crate::tr!(
            "map-time-by",
            period = crate::ui::filters::granularity_name(g).to_lowercase()
        ));
        let r = ui
            .add(
                egui::Slider::new(&mut index, 0..=periods.len() - 1)
                    .show_value(false)
                    .custom_formatter(|i, _| {
                        crate::ui::words::period_label(g, periods[i as usize])
                    }),
            )
            .labelled_by(l.id);
        if r.changed() {
            state.when = When::Period(periods[index]);
            state.playing = false;
        }
        if let When::Period(p) = state.when {
            ui.label(crate::ui::words::period_label(g, p));
        }
        if ui
            .selectable_label(state.when == When::All, crate::tr!("map-whole-range"))
            .on_hover_text(crate::tr!("map-whole-range-hint"))
            .clicked()
        {
            state.when = When::All;
            state.playing = false;
        }
        export
    })
    .inner
}

/// While playing: the next period when its time has come, and a repaint asked for then; stops
/// after the last period. Nothing is asked for while stopped.
fn play(ui: &Ui, state: &mut MapState, periods: &[i32]) {
    if !state.playing {
        return;
    }
    let Some(&last) = periods.last() else {
        state.playing = false;
        return;
    };
    let now = ui.input(|i| i.time);
    if now >= state.next_step {
        state.when = match state.when {
            When::All => When::Period(periods[0]),
            When::Period(p) if p >= last => {
                state.playing = false;
                // One more frame shows the button as Play again; then nothing repaints.
                ui.ctx().request_repaint();
                return;
            }
            When::Period(p) => When::Period(p + 1),
        };
        state.next_step = now + STEP.as_secs_f64();
    }
    let wait = (state.next_step - now).max(0.0);
    ui.ctx()
        .request_repaint_after(Duration::from_secs_f64(wait));
}
