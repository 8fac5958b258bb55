//! The filter bar (grouping, per-period or cumulative, date range) and the province list.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::analysis::{Filter, Granularity, View};
use crate::data::document::Place;
use crate::data::value;
use crate::picture::ChartKind;
use crate::ui::theme;

/// View settings that persist between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Time grouping.
    pub granularity: Granularity,
    /// How the metrics are charted: per-period bars, cumulative lines, small multiples or a
    /// ranking.
    pub kind: ChartKind,
    /// Provinces and dates shown.
    pub filter: Filter,
    /// Date range fields as typed.
    pub from_text: String,
    /// Date range fields as typed.
    pub to_text: String,
    /// Keep the N largest provinces in the bars and lines, the rest summed into Other.
    pub top_n: Option<usize>,
    /// The policy timeline's markers on the time charts.
    pub timeline: bool,
}

impl ViewSettings {
    /// Whether the charts (and the map) show running totals.
    pub fn cumulative(&self) -> bool {
        self.kind == ChartKind::Cumulative
    }
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            granularity: Granularity::Quarter,
            kind: ChartKind::Bars,
            filter: Filter::default(),
            from_text: String::new(),
            to_text: String::new(),
            top_n: None,
            timeline: true,
        }
    }
}

/// Parses a range field: empty is open; a month or year counts from its first (or to its last) day.
fn range_key(text: &str, end: bool) -> Result<Option<i32>, value::DateError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let d = value::parse_date(text)?;
    let key = d.day_key();
    Ok(Some(if end {
        match d.precision() {
            value::Precision::Year => key - key % 10_000 + 1231,
            value::Precision::Month => key - key % 100 + 31,
            value::Precision::Day => key,
        }
    } else {
        key
    }))
}

/// A chart kind's name and hint in the filter bar.
pub fn kind_name(kind: ChartKind) -> (String, String) {
    match kind {
        ChartKind::Bars => (
            crate::tr!("filters-per-period"),
            crate::tr!("filters-per-period-hint"),
        ),
        ChartKind::Cumulative => (
            crate::tr!("filters-cumulative"),
            crate::tr!("filters-cumulative-hint"),
        ),
        ChartKind::Multiples => (
            crate::tr!("views-multiples"),
            crate::tr!("views-multiples-hint"),
        ),
        ChartKind::Ranking => (
            crate::tr!("views-ranking"),
            crate::tr!("views-ranking-hint"),
        ),
    }
}

/// The four chart kinds, then "Show: All / Top 5 / Top 10" (for the bars and lines).
fn kind_and_top_n(ui: &mut Ui, s: &mut ViewSettings) {
    for kind in ChartKind::ALL {
        let (name, hint) = kind_name(kind);
        ui.selectable_value(&mut s.kind, kind, name)
            .on_hover_text(hint);
    }
    ui.separator();
    let enabled = crate::picture::chart::needs_legend(s.kind);
    ui.add_enabled_ui(enabled, |ui| {
        ui.label(crate::tr!("views-show"));
        let choices = [
            (None, crate::tr!("views-show-all")),
            (Some(5), crate::tr!("views-show-top", n = "5")),
            (Some(10), crate::tr!("views-show-top", n = "10")),
        ];
        for (n, name) in choices {
            ui.selectable_value(&mut s.top_n, n, name)
                .on_hover_text(crate::tr!("views-show-hint"));
        }
    });
}

/// A grouping's name in the interface's language ("Month", "月").
pub fn granularity_name(g: Granularity) -> String {
    match g {
        Granularity::Month => crate::tr!("granularity-month"),
        Granularity::Quarter => crate::tr!("granularity-quarter"),
        Granularity::Year => crate::tr!("granularity-year"),
    }
}

/// "By month" in the View menu, in the interface's language.
pub fn granularity_by(g: Granularity) -> String {
    match g {
        Granularity::Month => crate::tr!("granularity-by-month"),
        Granularity::Quarter => crate::tr!("granularity-by-quarter"),
        Granularity::Year => crate::tr!("granularity-by-year"),
    }
}

/// The toolbar above the charts.
pub fn filter_bar(ui: &mut Ui, s: &mut ViewSettings) {
    ui.horizontal_wrapped(|ui| {
        ui.label(crate::tr!("filters-group-by"));
        for g in Granularity::ALL {
            ui.selectable_value(&mut s.granularity, g, granularity_name(g));
        }
        ui.separator();
        kind_and_top_n(ui, s);
        ui.separator();
        let range_field = |ui: &mut Ui,
                           label: &str,
                           text: &mut String,
                           end: bool|
         -> Result<Option<i32>, value::DateError> {
            let l = ui.label(label);
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .desired_width(90.0)
                        .hint_text("YYYY-MM-DD"),
                )
                .labelled_by(l.id);
            let parsed = range_key(text, end);
            if let Err(e) = &parsed {
                r.on_hover_text(e.to_string());
                ui.label(
                    RichText::new(crate::tr!("filters-invalid-date"))
                        .color(theme::error_text(ui.visuals())),
                );
            }
            parsed
        };
        let from = range_field(ui, &crate::tr!("filters-from"), &mut s.from_text, false);
        let to = range_field(ui, &crate::tr!("filters-to"), &mut s.to_text, true);
        if let Ok(f) = from {
            s.filter.from = f;
        }
        if let Ok(t) = to {
            s.filter.to = t;
        }
        if (!s.from_text.is_empty() || !s.to_text.is_empty())
            && ui.button(crate::tr!("filters-all-dates")).clicked()
        {
            s.from_text.clear();
            s.to_text.clear();
            s.filter.from = None;
            s.filter.to = None;
        }
        ui.separator();
        timeline_switch(ui, &mut s.timeline);
    });
}

/// The "Policy timeline" check box: markers of bans, notices and National rows on the time
/// charts.
pub fn timeline_switch(ui: &mut Ui, on: &mut bool) {
    ui.checkbox(on, crate::tr!("timeline-switch"))
        .on_hover_text(crate::tr!("timeline-switch-hint"));
}

/// The province list: one checkbox per place with data, with its color and visible rows.
pub fn province_list(ui: &mut Ui, places: &[Place], hidden: &mut BTreeSet<Place>, view: &View) {
    ui.horizontal(|ui| {
        ui.heading(crate::tr!("filters-provinces"));
    });
    ui.horizontal(|ui| {
        if ui.small_button(crate::tr!("filters-show-all")).clicked() {
            hidden.clear();
        }
        if ui.small_button(crate::tr!("filters-hide-all")).clicked() {
            hidden.extend(places.iter().copied());
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for &place in places {
                let mut shown = !hidden.contains(&place);
                ui.horizontal(|ui| {
                    let (r, painter) =
                        ui.allocate_painter(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    painter.rect_filled(r.rect, 2.0, theme::place_color(place));
                    if ui
                        .checkbox(&mut shown, crate::ui::words::place_name(place))
                        .changed()
                    {
                        if shown {
                            hidden.remove(&place);
                        } else {
                            hidden.insert(place);
                        }
                    }
                    let n: u32 = view
                        .charts
                        .iter()
                        .flat_map(|c| c.series.iter().filter(|s| s.place == place))
                        .map(|s| s.points.iter().map(|p| p.rows).sum::<u32>())
                        .max()
                        .unwrap_or(0);
                    if n > 0 {
                        ui.label(
                            RichText::new(n.to_string())
                                .small()
                                .color(theme::weak_text(ui.visuals())),
                        )
                        .on_hover_text(crate::tr!("provinces-rows-hint"));
                    }
                });
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_fields() {
        assert_eq!(range_key("", false), Ok(None));
        assert_eq!(range_key("2021", false), Ok(Some(2021_01_01)));
        assert_eq!(range_key("2021", true), Ok(Some(2021_12_31)));
        assert_eq!(range_key("2021-02", true), Ok(Some(2021_02_31)));
        assert!(range_key("nope", true).is_err());
    }
}
