//! The dashboard: the cards and the four charts, how they are painted (live, from their
//! picture, or without being laid out), their "About this chart" lines, and the Export… buttons
//! (which open the export dialog, `super::export`).

use std::collections::BTreeSet;

use super::App;
use crate::analysis::rows::LeftOut;
use crate::analysis::{Filter, Granularity, View};
use crate::data::document::{Metric, Place};
use crate::ui::charts::{self, ChartInput, ChartLayout};
use crate::ui::export_dialog::ExportTarget;
use crate::ui::paint::internals::{ChartCache, ChartHold};
use crate::ui::{cards, map};

/// What the cards and charts show. While it stays the same and no input can reach them, a frame
/// may paint them from their picture without laying them out (see
/// `crate::ui::paint::internals::chart_hold`).
#[derive(PartialEq)]
pub(super) struct DashboardKey {
    /// The view with hidden provinces left out (cards, bars, lines).
    view: View,
    /// The view with every province (legends).
    all: View,
    hidden: BTreeSet<Place>,
    cumulative: bool,
    /// How the metrics are charted.
    kind: crate::picture::ChartKind,
    /// The province selected in any view (highlighted in every view).
    selected: Option<Place>,
    /// Top N and Other in the bars and lines.
    top_n: Option<usize>,
    /// Each chart's "About this chart" sentence.
    about: [String; 4],
    /// The policy timeline's markers (empty when switched off; see `super::timeline`).
    markers: std::sync::Arc<Vec<charts::DayMarkers>>,
    /// Rows with figures left out of the cards, by reason.
    left_out: cards::LeftOutCounts,
    /// The interface's language, which all their words are in.
    language: crate::i18n::Language,
}

/// What the "About this chart" sentences are made from.
type AboutKey = (u64, Granularity, Filter, crate::i18n::Language);

/// How the charts were last painted and how the next frame may paint them.
pub(super) struct ChartPaint {
    /// Where each chart was drawn last frame, in [`Metric::ALL`] order.
    pub(super) layouts: [ChartLayout; 4],
    /// The charts' picture.
    pub(super) chart_cache: ChartCache,
    /// When the cards and charts need not be laid out.
    pub(super) chart_hold: ChartHold<DashboardKey>,
    /// The clear colour paints the window's background; panels paint no fill of their own.
    pub(super) background_from_clear: bool,
    /// The "About this chart" sentences and what they were made from (document revision,
    /// grouping, filter, the interface's language): made again only when one changes, since
    /// they look at every row.
    about: Option<(AboutKey, [String; 4])>,
    /// The policy timeline's markers and what they were made from (see `super::timeline`).
    pub(super) markers: Option<super::timeline::MarkersCache>,
}

impl ChartPaint {
    /// Nothing painted yet; pictures only when `chart_pictures`.
    pub(super) fn new(chart_pictures: bool, background_from_clear: bool) -> Self {
        ChartPaint {
            layouts: [ChartLayout::default(); 4],
            chart_cache: ChartCache::new(chart_pictures),
            chart_hold: ChartHold::default(),
            background_from_clear,
            about: None,
            markers: None,
        }
    }
}

impl App {
    /// The four charts' "About this chart" sentences for the current view and filter, in the
    /// interface's language (made here, on the UI thread).
    fn about_texts(&mut self) -> [String; 4] {
        let s = &self.settings.view;
        let key = (
            self.session.doc().revision(),
            s.granularity,
            s.filter.clone(),
            crate::i18n::language(),
        );
        if let Some((k, texts)) = &self.paint.about
            && *k == key
        {
            return texts.clone();
        }
        let view = self.session.view(key.1, &key.2).clone();
        let doc = self.session.doc();
        let texts = Metric::ALL.map(|m| {
            crate::ui::words::about(&crate::analysis::describe::about_parts(
                doc, &view, &key.2, m,
            ))
        });
        self.paint.about = Some((key, texts.clone()));
        texts
    }

    /// The cards and charts in the central panel: laid out, or repeated from the last layout while
    /// nothing can change or reach them; then the legend clicks and exports they asked for.
    pub(super) fn dashboard(&mut self, ui: &mut egui::Ui) {
        if self.settings.map.shown {
            self.map_dashboard(ui);
            self.provenance_after(ui.ctx());
            self.pinned_events(ui);
            return;
        }
        let key = self.dashboard_key();
        // While nothing can change or reach the cards and charts, they are not laid out: their
        // picture is painted again (see `ui::paint::internals::chart_hold`).
        let picture = self.paint.chart_cache.used();
        let skip = self.paint.chart_hold.plan(ui, &key, picture);
        let mut toggles = Vec::new();
        let mut selects = Vec::new();
        let mut exports = Vec::new();
        let mut show_left_out = None;
        let scope = ui.scope_builder(
            egui::UiBuilder::new().scope_id(egui::Id::unique("dashboard")),
            |ui| {
                if skip {
                    self.paint.chart_hold.replay_widgets(ui);
                    self.paint.chart_cache.repaint_picture(ui);
                } else {
                    show_left_out =
                        self.cards_and_charts(ui, &key, &mut toggles, &mut selects, &mut exports);
                }
            },
        );
        if skip {
            self.paint.chart_hold.replay_nodes(ui.ctx());
        } else {
            let painted = self.paint.chart_cache.used();
            self.paint
                .chart_hold
                .record(ui, &scope.response, key, painted);
        }
        for place in toggles {
            let hidden = &mut self.settings.view.filter.hidden;
            if !hidden.remove(&place) {
                hidden.insert(place);
            }
        }
        if let Some(place) = selects.first() {
            self.select_from_chart(*place);
        }
        if let Some(why) = show_left_out {
            self.show_left_out(why);
        }
        if let Some(metric) = exports.first() {
            self.open_export(ExportTarget::Chart(*metric));
            ui.ctx().request_repaint();
        }
        self.provenance_after(ui.ctx());
        self.pinned_events(ui);
    }

    /// The cards and the map, laid out live every frame (the map is one mesh and its borders:
    /// cheap); the province clicked becomes the selected one.
    fn map_dashboard(&mut self, ui: &mut egui::Ui) {
        // The charts' held layout is of no use once the map has been shown.
        self.paint.chart_hold = ChartHold::default();
        let key = self.dashboard_key();
        let mut show_left_out = None;
        ui.scope_builder(
            egui::UiBuilder::new().scope_id(egui::Id::unique("dashboard")),
            |ui| {
                show_left_out = cards::cards_ui(ui, &key.view, key.left_out);
                ui.add_space(2.0);
                map::view_switch(ui, &mut self.settings.map.shown);
                ui.add_space(2.0);
                let input = map::MapInput {
                    view: &key.view,
                    cumulative: key.cumulative,
                    selected: self.selected_place,
                    events: self.provenance.hovered.as_ref(),
                };
                let out = map::map_ui(ui, &input, &mut self.settings.map, &mut self.map);
                if let Some(place) = out.clicked {
                    self.selected_place = Some(place);
                }
                self.map_provenance(&out, &key.view);
                if out.export {
                    let metric = self.settings.map.metric;
                    self.open_export(crate::ui::export_dialog::ExportTarget::Map(metric));
                }
            },
        );
        if let Some(why) = show_left_out {
            self.show_left_out(why);
        }
    }

    /// What the cards and charts show this frame.
    fn dashboard_key(&mut self) -> DashboardKey {
        let s = self.settings.view.clone();
        let unhidden = Filter {
            hidden: BTreeSet::new(),
            ..s.filter.clone()
        };
        let about = self.about_texts();
        DashboardKey {
            view: self.session.view(s.granularity, &s.filter).clone(),
            all: self.session.view(s.granularity, &unhidden).clone(),
            hidden: s.filter.hidden.clone(),
            cumulative: s.cumulative(),
            kind: s.kind,
            selected: self.selected_place,
            top_n: s.top_n,
            about,
            markers: self.timeline_markers(),
            left_out: cards::LeftOutCounts {
                no_date: self.session.aggregates().undated_with_figures(),
                totals_rows: self.session.aggregates().totals_rows(),
                note_rows: self.session.aggregates().note_rows(),
            },
            language: crate::i18n::language(),
        }
    }

    /// The table shows only the rows left out of the cards for `why` (the cards' note clicked):
    /// without a search that could hide them, from the top.
    fn show_left_out(&mut self, why: LeftOut) {
        self.table.left_out = Some(why);
        self.table.problems_only = false;
        self.table.search.clear();
        self.table.scroll_to = Some((0, egui::Align::Min));
    }

    /// Lays out the cards and the four charts (painted from their picture when it shows the
    /// same); collects the provinces whose legend entry was clicked and the charts whose Export…
    /// was; returns the rows left out the user asked to see.
    fn cards_and_charts(
        &mut self,
        ui: &mut egui::Ui,
        key: &DashboardKey,
        toggles: &mut Vec<Place>,
        selects: &mut Vec<Place>,
        exports: &mut Vec<Metric>,
    ) -> Option<LeftOut> {
        let (view, all) = (&key.view, &key.all);
        let painted = self.paint.chart_cache.begin(ui, ui.visuals().panel_fill);
        let show_left_out = cards::cards_ui(ui, view, key.left_out);
        ui.add_space(2.0);
        map::view_switch(ui, &mut self.settings.map.shown);
        ui.add_space(2.0);
        let spacing = ui.spacing().item_spacing.y;
        let height = ((ui.available_height() - spacing) / 2.0).max(180.0);
        let gap = 8.0;
        let width = ((ui.available_width() - gap) / 2.0).floor().max(200.0);
        let span = view.first_day.zip(view.last_day);
        let mut asked = Vec::new();
        for pair in charts::METRICS.chunks(2) {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for metric in pair {
                    let (Some(chart), Some(all_chart)) = (view.chart(*metric), all.chart(*metric))
                    else {
                        continue;
                    };
                    let input = ChartInput {
                        chart,
                        all: all_chart,
                        hidden: &key.hidden,
                        granularity: view.granularity,
                        cumulative: key.cumulative,
                        kind: key.kind,
                        selected: key.selected,
                        about: &key.about[metric.index()],
                        span,
                        top_n: key.top_n,
                        other: &[],
                        markers: &key.markers,
                        events: self.provenance.hovered.as_ref(),
                    };
                    ui.allocate_ui_with_layout(
                        egui::vec2(width, height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(width);
                            let (actions, layout) = charts::chart_ui(ui, &input, height);
                            self.paint.layouts[metric.index()] = layout;
                            toggles.extend(actions.toggle);
                            selects.extend(actions.select);
                            if actions.export {
                                exports.push(*metric);
                            }
                            asked.push((*metric, actions));
                        },
                    );
                }
            });
        }
        self.paint.chart_cache.end(ui, painted);
        for (metric, actions) in asked {
            self.chart_provenance(metric, &actions);
        }
        show_left_out
    }
}

impl App {
    /// What a chart's provenance asked for: the events of the bar or point hovered, and of the
    /// one clicked (pinned where it was clicked).
    fn chart_provenance(&mut self, metric: Metric, actions: &charts::ChartActions) {
        use super::provenance::chart_figure;
        if let Some((place, period)) = actions.hovered {
            self.provenance.asked_hover = Some(chart_figure(metric, place, period));
        }
        if let Some((place, period, at)) = actions.pin {
            let g = self.settings.view.granularity;
            let title = crate::tr!(
                "provenance-title",
                place = crate::ui::words::place_name(place),
                when = crate::ui::words::period_label(g, period)
            );
            self.provenance.asked_pin = Some((chart_figure(metric, place, period), at, title));
        }
    }
}

impl App {
    /// What the map's provenance asked for: the events of the province hovered, and of the one
    /// clicked (pinned where it was clicked), over the map's range or its slider's time.
    fn map_provenance(&mut self, out: &map::MapOutput, view: &View) {
        use super::provenance::map_figure;
        let metric = self.settings.map.metric;
        let cumulative = self.settings.view.cumulative();
        let periods = map::event_periods(self.map.when, cumulative);
        if let Some(place) = out.hovered {
            self.provenance.asked_hover = Some(map_figure(metric, place, periods.clone()));
        }
        if let Some((place, at)) = out.pin {
            let title = crate::tr!(
                "provenance-title",
                place = crate::ui::words::place_name(place),
                when = map::when_text(view, self.map.when, cumulative)
            );
            self.provenance.asked_pin = Some((map_figure(metric, place, periods), at, title));
        }
    }
}
