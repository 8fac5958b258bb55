//! The events behind a figure, as the chart and map tooltips list them and as the popup a click
//! pins shows them: one line per event (date, city, the action shortened, the figure, the
//! source as its domain), at most [`CAP`], then "… and N more". In the pinned popup the
//! sources are links that open in the browser; a tooltip follows the pointer, so its sources
//! are only coloured like links. The events themselves are found by
//! [`crate::analysis::provenance`] (no egui); the app finds them for the hovered figure only and
//! keeps them while the same figure is hovered.

use std::ops::RangeInclusive;
use std::sync::Arc;

use egui::{Pos2, RichText, Ui};

use crate::analysis::provenance::{Event, SourcePart, source_parts};
use crate::data::document::{Metric, Place};

/// The most events listed; the rest are counted.
pub const CAP: usize = 10;

/// The longest action shown, in characters (the table has the whole text).
const ACTION_CHARS: usize = 40;

/// The events behind one figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventList {
    /// The first [`CAP`] events.
    pub events: Vec<Event>,
    /// How many more there are.
    pub more: usize,
}

/// The figure a list belongs to: a metric's value of a place over some periods (one for a bar
/// or a point; the map's range or its slider's time).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub metric: Metric,
    pub place: Place,
    pub periods: RangeInclusive<i32>,
}

/// The events of the figure under the pointer, found by the app.
#[derive(Clone, Debug)]
pub struct Hovered {
    pub figure: Figure,
    pub list: Arc<EventList>,
}

impl Hovered {
    /// The list when it is the one of `figure`.
    pub fn of(hovered: Option<&Hovered>, figure: &Figure) -> Option<Arc<EventList>> {
        hovered
            .filter(|h| h.figure == *figure)
            .map(|h| Arc::clone(&h.list))
    }
}

/// A list pinned by a click: shown in a popup where the click was until Escape or a click
/// elsewhere.
#[derive(Clone, Debug)]
pub struct Pinned {
    pub figure: Figure,
    /// Where the click was.
    pub at: Pos2,
    /// What the figure is ("Inner Mongolia · 2021 Q3").
    pub title: String,
    pub list: Arc<EventList>,
    /// A new id for each pin (a popup just opened is not closed by the click that opened it).
    pub serial: u64,
}

/// An action cut to [`ACTION_CHARS`] characters with "…".
fn shorten(text: &str) -> String {
    if text.chars().count() <= ACTION_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(ACTION_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// One event's line without its source: "2021-09-27 · Bayannaoer · DRC seizure … · 10100".
pub fn event_text(e: &Event) -> String {
    let action = shorten(&e.action);
    [
        e.date.as_str(),
        e.city.as_str(),
        action.as_str(),
        e.figure.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Draws the list: a heading, a line per event, "… and N more". With `links`, each source
/// address is a link (a click opens it in a new browser tab); otherwise it is coloured as one.
pub fn list_ui(ui: &mut Ui, list: &EventList, links: bool) {
    if list.events.is_empty() {
        return;
    }
    let weak = crate::ui::theme::weak_text(ui.visuals());
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    ui.add_space(2.0);
    ui.label(
        RichText::new(crate::tr!("provenance-heading"))
            .small()
            .color(weak),
    );
    for e in &list.events {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            ui.label(event_text(e));
            source_ui(ui, &e.source, links);
        });
    }
    if list.more > 0 {
        ui.label(
            RichText::new(crate::tr!("provenance-more", n = list.more.to_string())).color(weak),
        );
    }
}

/// An event's source: its addresses by domain (links when `links`), other text weak.
fn source_ui(ui: &mut Ui, source: &str, links: bool) {
    let link_color = ui.visuals().hyperlink_color;
    for part in source_parts(source) {
        match part {
            SourcePart::Link { url, domain } if links => {
                let r = ui
                    .link(&domain)
                    .on_hover_text(&url)
                    .accessible_name(crate::tr!("provenance-open", domain = domain.clone()));
                if r.clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                }
            }
            SourcePart::Link { domain, .. } => {
                ui.label(RichText::new(domain).color(link_color));
            }
            SourcePart::Text(text) => {
                ui.label(
                    RichText::new(shorten(&text)).color(crate::ui::theme::weak_text(ui.visuals())),
                );
            }
        }
    }
}

/// How far from the spot clicked the pinned list opens, in points.
const PIN_GAP: f32 = 10.0;

/// The pinned list's popup, anchored where the click was. Returns whether it stays open
/// (Escape and a click outside it close it).
pub fn pinned_ui(ctx: &egui::Context, layer: egui::LayerId, pinned: &Pinned) -> bool {
    let mut open = true;
    let id = egui::Id::unique(("pinned events", pinned.serial));
    egui::Popup::new(id, ctx.clone(), pinned.at, layer)
        // Below and beside the spot clicked, not on it: a second click there reaches the bar
        // again (clearing the selection) and closes the list.
        .gap(PIN_GAP)
        .open_bool(&mut open)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .accessible_name(crate::tr!(
            "provenance-pinned",
            title = pinned.title.clone()
        ))
        .show(|ui| {
            ui.label(RichText::new(&pinned.title).strong());
            list_ui(ui, &pinned.list, true);
        });
    open
}
