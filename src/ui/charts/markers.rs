//! The policy timeline on the time charts: rows with an action but no figures, and National
//! rows (`crate::analysis::timeline::markers`), as small triangles along the bottom of the plot
//! at their day, in the province's colour (National grey). Markers on one day, and days closer
//! on screen than a marker is wide, share one spot: their triangles stack (one per province),
//! and hovering the spot lists them all. Each day has an accessible node ("Policy event,
//! 2021-05-21, National: …") so a screen reader finds it.

use egui::{Color32, Pos2, Rect, RichText, Ui, accesskit::Role, pos2};
use egui_plot::PlotTransform;

use crate::analysis::day_key_label;
use crate::analysis::timeline::Marker;
use crate::data::document::Place;
use crate::picture::chart::timeline::{HALF_WIDTH, HEIGHT, MAX_STACK, day_x};
use crate::ui::{theme, words};

/// The markers of one day, in the order `markers` gave them.
#[derive(Clone, Debug)]
pub struct DayMarkers {
    /// Day key (`yyyymmdd`).
    pub day: i32,
    /// Where the day is on the charts' x axis ([`day_x`], worked out once, not every frame).
    pub x: f64,
    /// The markers of that day.
    pub markers: Vec<Marker>,
    /// Their provinces, each once, in the order of the markers (the triangles stack so).
    pub places: Vec<Place>,
}

// Equal by their day and markers (`x` and `places` follow from them). `Eq` matters: an `Arc`
// of an `Eq` type compares by address first, which is how the dashboard's key compares the
// markers every frame.
impl PartialEq for DayMarkers {
    fn eq(&self, other: &Self) -> bool {
        self.day == other.day && self.markers == other.markers
    }
}

impl Eq for DayMarkers {}

/// Groups markers (in date order) by day.
pub fn by_day(markers: Vec<Marker>) -> Vec<DayMarkers> {
    let mut out: Vec<DayMarkers> = Vec::new();
    for m in markers {
        match out.last_mut() {
            Some(last) if last.day == m.day => {
                if !last.places.contains(&m.place) {
                    last.places.push(m.place);
                }
                last.markers.push(m);
            }
            _ => out.push(DayMarkers {
                day: m.day,
                x: day_x(m.day),
                places: vec![m.place],
                markers: vec![m],
            }),
        }
    }
    out
}

/// Most accessible nodes per chart (days, from the left).
pub const MAX_NODES: usize = 150;
/// Most markers a tooltip lists, then "… and N more".
const MAX_TOOLTIP: usize = 8;
/// Most characters of an action text in the tooltip.
const MAX_TEXT: usize = 300;

/// One spot on the time axis: the days drawn there and the provinces stacked.
pub(super) struct Spot<'a> {
    /// Where the spot's triangles are.
    rect: Rect,
    /// The days at this spot.
    days: &'a [DayMarkers],
    /// The provinces, in the order their triangles stack (bottom first; at most `MAX_STACK`).
    places: Vec<Place>,
}

/// The spots of the days the plot shows, left to right.
pub(super) fn spots<'a>(days: &'a [DayMarkers], t: &PlotTransform) -> Vec<Spot<'a>> {
    let frame = *t.frame();
    // The triangles, their outline and its feathering wholly inside the plot: drawn with the
    // ui's own clip rect, they then share the window's meshes (see `ui::paint` clips).
    let bottom = frame.bottom() - 2.5;
    let (left, right) = (
        frame.left() + HALF_WIDTH + 2.0,
        frame.right() - HALF_WIDTH - 2.0,
    );
    let mut out: Vec<Spot<'a>> = Vec::new();
    let mut start = 0;
    while start < days.len() {
        let x = t.position_from_point_x(days[start].x);
        if !(left..=right).contains(&x) {
            start += 1;
            continue;
        }
        // Days less than a triangle's width to the right join this spot.
        let mut end = start + 1;
        while end < days.len() && t.position_from_point_x(days[end].x) - x < HALF_WIDTH * 2.0 {
            end += 1;
        }
        let group = &days[start..end];
        // Each day's provinces are known once (a day of a big file can hold thousands of
        // markers; this runs every frame).
        // Only the first MAX_STACK provinces are drawn: looking further is wasted.
        let mut places: Vec<Place> = Vec::with_capacity(MAX_STACK);
        for &p in group.iter().flat_map(|d| &d.places) {
            if places.len() == MAX_STACK {
                break;
            }
            if !places.contains(&p) {
                places.push(p);
            }
        }
        let stacked = places.len().min(MAX_STACK) as f32;
        let rect = Rect::from_min_max(
            pos2(x - HALF_WIDTH, bottom - HEIGHT * stacked),
            pos2(x + HALF_WIDTH, bottom),
        );
        out.push(Spot {
            rect,
            days: group,
            places,
        });
        start = end;
    }
    out
}

/// Paints the spots' triangles (inside the plot, see [`spots`]).
pub(super) fn paint(ui: &Ui, spots: &[Spot<'_>]) {
    let painter = ui.painter();
    let outline = egui::Stroke::new(1.0, ui.visuals().panel_fill);
    for spot in spots {
        let x = spot.rect.center().x;
        for (i, &place) in spot.places.iter().take(MAX_STACK).enumerate() {
            let base = spot.rect.bottom() - HEIGHT * i as f32;
            let points = vec![
                pos2(x, base - HEIGHT),
                pos2(x + HALF_WIDTH, base),
                pos2(x - HALF_WIDTH, base),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                theme::place_color(place),
                outline,
            ));
        }
    }
}

/// The spot under the pointer (with a little slack: the triangles are small).
pub(super) fn hit<'s, 'a>(spots: &'s [Spot<'a>], pointer: Pos2) -> Option<&'s Spot<'a>> {
    spots
        .iter()
        .filter(|s| s.rect.expand(3.0).contains(pointer))
        .min_by(|a, b| {
            let d = |s: &Spot<'_>| (s.rect.center().x - pointer.x).abs();
            d(a).total_cmp(&d(b))
        })
}

/// An action text cut to `MAX_TEXT` characters.
fn short(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= MAX_TEXT {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX_TEXT).collect();
        s.push('…');
        s
    }
}

/// The tooltip of a spot: each day's date, then its markers (province, action text).
pub(super) fn tooltip_ui(ui: &mut Ui, spot: &Spot<'_>) {
    ui.set_max_width(320.0);
    let weak = theme::weak_text(ui.visuals());
    ui.label(
        RichText::new(crate::tr!("timeline-tooltip-title"))
            .small()
            .color(weak),
    );
    let mut shown = 0;
    let total: usize = spot.days.iter().map(|d| d.markers.len()).sum();
    for day in spot.days {
        if shown >= MAX_TOOLTIP {
            break;
        }
        ui.label(RichText::new(day_key_label(day.day)).strong());
        for m in day.markers.iter().take(MAX_TOOLTIP - shown) {
            shown += 1;
            // One label (one accessible text): the province in its colour, then the action.
            let mut job = egui::text::LayoutJob::default();
            let style = ui.style();
            let place = crate::tr!(
                "timeline-node-event",
                place = words::place_name(m.place),
                text = ""
            );
            RichText::new(place)
                .strong()
                .color(marker_text_color(ui, m.place))
                .append_to(
                    &mut job,
                    style,
                    egui::FontSelection::Default,
                    egui::Align::LEFT,
                );
            RichText::new(short(&m.text)).append_to(
                &mut job,
                style,
                egui::FontSelection::Default,
                egui::Align::LEFT,
            );
            ui.label(job);
        }
    }
    if total > shown {
        let more = (total - shown).to_string();
        ui.label(RichText::new(crate::tr!("timeline-more", n = more)).color(weak));
    }
}

/// A province's colour as text: National's grey would be too faint, so it reads as strong text.
fn marker_text_color(ui: &Ui, place: Place) -> Color32 {
    if place == Place::Region(crate::data::gazetteer::NATIONAL) {
        ui.visuals().strong_text_color()
    } else {
        theme::place_color(place)
    }
}

/// What a screen reader says for one day: "Policy event, 2021-05-21, National: …; Inner
/// Mongolia: …".
fn node_label(day: &DayMarkers) -> String {
    let mut events: Vec<String> = day
        .markers
        .iter()
        .take(MAX_TOOLTIP)
        .map(|m| {
            crate::tr!(
                "timeline-node-event",
                place = words::place_name(m.place),
                text = short(&m.text)
            )
        })
        .collect();
    if day.markers.len() > MAX_TOOLTIP {
        let more = (day.markers.len() - MAX_TOOLTIP).to_string();
        events.push(crate::tr!("timeline-more", n = more));
    }
    crate::tr!(
        "timeline-node",
        date = day_key_label(day.day),
        events = events.join("; ")
    )
}

/// The accessible nodes of the days shown (at most [`MAX_NODES`]), each over its spot, inside
/// the chart `chart` (a name its description gives, so each chart's events can be told apart).
pub(super) fn nodes(ui: &mut Ui, plot_id: egui::Id, spots: &[Spot<'_>], chart: &str) {
    let days = spots
        .iter()
        .flat_map(|s| s.days.iter().map(move |d| (s.rect, d)));
    for (rect, day) in days.take(MAX_NODES) {
        let id = plot_id.with(("policy event", day.day));
        let r = ui.interact(rect, id, egui::Sense::hover());
        // Worded only when a screen reader (accesskit) asks.
        r.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, node_label(day)));
        let description = chart.to_owned();
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_description(description));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::x_to_date;

    /// The date under a chart x.
    fn x_day(x: f64) -> i32 {
        use chrono::Datelike;
        let d = x_to_date(x);
        d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
    }

    #[test]
    fn days_group_in_order_and_x_is_that_day() {
        let doc = crate::io::sample_document();
        let all = crate::analysis::timeline::markers(&doc, &Default::default());
        let n = all.len();
        let days = by_day(all);
        assert_eq!(days.iter().map(|d| d.markers.len()).sum::<usize>(), n);
        assert!(days.windows(2).all(|w| w[0].day < w[1].day));
        for d in &days {
            assert!(d.markers.iter().all(|m| m.day == d.day));
            assert_eq!(x_day(day_x(d.day)), d.day);
        }
        assert_eq!(short(&"x".repeat(400)).chars().count(), MAX_TEXT + 1);
    }
}
