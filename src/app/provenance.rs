//! The events behind the figure under the pointer (a chart's bar or point, a province on the
//! map), found for that figure only and kept while it stays the same (finding them looks at
//! every row), and the list a click pins in a popup (`crate::ui::events`).

use std::ops::RangeInclusive;
use std::sync::Arc;

use super::App;
use crate::analysis::provenance;
use crate::analysis::{Filter, Granularity};
use crate::data::document::{Metric, Place};
use crate::ui::events::{self, EventList, Figure, Hovered, Pinned};

/// What a list was found from: the document's revision (no two documents share one), grouping,
/// filter and the figure.
type ListKey = (u64, Granularity, Filter, Figure);

/// The hovered figure's events and the pinned list.
#[derive(Default)]
pub(super) struct Provenance {
    /// The last list found and what it was found from.
    cache: Option<(ListKey, Arc<EventList>)>,
    /// The events of the figure hovered last frame (the tooltips show them).
    pub(super) hovered: Option<Hovered>,
    /// The list a click pinned, and the document revision it is of.
    pinned: Option<(Pinned, u64)>,
    /// Pins so far (each pin's popup has an id of its own).
    serial: u64,
    /// The figure under the pointer this frame (a chart or the map says).
    pub(super) asked_hover: Option<Figure>,
    /// The figure clicked this frame, where, and its title.
    pub(super) asked_pin: Option<(Figure, egui::Pos2, String)>,
    /// How many times the rows were looked through for a list (tests: once per figure).
    scans: u64,
    /// Each place's rows, and the document revision they are of.
    index: Option<(u64, Arc<provenance::PlaceRows>)>,
}

impl App {
    /// The events behind `metric`'s value of `place` over `periods` under the current filter;
    /// the last list again while nothing it was found from changed.
    fn event_list(&mut self, figure: &Figure) -> Arc<EventList> {
        let doc = self.session.doc();
        let s = &self.settings.view;
        let key = (
            doc.revision(),
            s.granularity,
            s.filter.clone(),
            figure.clone(),
        );
        if let Some((k, list)) = &self.provenance.cache
            && *k == key
        {
            return Arc::clone(list);
        }
        self.provenance.scans += 1;
        let of = key.0;
        let index = match &self.provenance.index {
            Some((k, index)) if *k == of => Arc::clone(index),
            _ => {
                let index = Arc::new(provenance::PlaceRows::build(doc));
                self.provenance.index = Some((of, Arc::clone(&index)));
                index
            }
        };
        let (shown, more) = provenance::events_of(
            doc,
            Some(&index),
            &s.filter,
            figure.metric,
            figure.place,
            s.granularity,
            figure.periods.clone(),
            events::CAP,
        );
        let list = Arc::new(EventList {
            events: shown,
            more,
        });
        self.provenance.cache = Some((key, Arc::clone(&list)));
        list
    }

    /// After the charts or the map: the figure hovered this frame (its events are found for the
    /// next frame's tooltip, which is asked for at once) and the one clicked (pinned).
    pub(super) fn provenance_after(&mut self, ctx: &egui::Context) {
        let hovered = self.provenance.asked_hover.take();
        let pin = self.provenance.asked_pin.take();
        match hovered {
            Some(figure) => {
                let list = self.event_list(&figure);
                let known = self
                    .provenance
                    .hovered
                    .as_ref()
                    .is_some_and(|h| Arc::ptr_eq(&h.list, &list));
                if !known {
                    self.provenance.hovered = Some(Hovered { figure, list });
                    ctx.request_repaint();
                }
            }
            None => self.provenance.hovered = None,
        }
        if let Some((figure, at, title)) = pin {
            let list = self.event_list(&figure);
            self.provenance.serial += 1;
            let revision = self.session.doc().revision();
            self.provenance.pinned = Some((
                Pinned {
                    figure,
                    at,
                    title,
                    list,
                    serial: self.provenance.serial,
                },
                revision,
            ));
            ctx.request_repaint();
        }
    }

    /// The pinned list's popup, until Escape, a click elsewhere or a change of the document.
    pub(super) fn pinned_events(&mut self, ui: &egui::Ui) {
        let revision = self.session.doc().revision();
        let Some((pinned, of)) = &self.provenance.pinned else {
            return;
        };
        if *of != revision || !events::pinned_ui(ui.ctx(), ui.layer_id(), pinned) {
            self.provenance.pinned = None;
            ui.ctx().request_repaint();
        }
    }

    /// How many times the rows were looked through for the events behind a figure (tests).
    pub fn provenance_scans(&self) -> u64 {
        self.provenance.scans
    }

    /// The pinned list's title, for tests (`None`: nothing pinned).
    pub fn pinned_title(&self) -> Option<&str> {
        self.provenance
            .pinned
            .as_ref()
            .map(|(p, _)| p.title.as_str())
    }
}

/// A chart's figure: `metric`'s value of `place` in one period.
pub(super) fn chart_figure(metric: Metric, place: Place, period: i32) -> Figure {
    Figure {
        metric,
        place,
        periods: period..=period,
    }
}

/// A map figure: `metric`'s value of `place` over `periods`.
pub(super) fn map_figure(metric: Metric, place: Place, periods: RangeInclusive<i32>) -> Figure {
    Figure {
        metric,
        place,
        periods,
    }
}
