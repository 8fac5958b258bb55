//! "Top N and Other" for the stacked bars and cumulative lines: the N provinces with the largest
//! totals keep their series, the rest are summed into one grey Other series (built by
//! [`crate::analysis::ranking::top_n`]), named "Other (K provinces)" in the legend and the
//! tooltip, which list the provinces it holds. The cards are unaffected.

use egui::{RichText, Sense, Ui};

use crate::analysis::{MetricChart, Series, ranking};
use crate::data::document::Place;
use crate::ui::{theme, words};

use super::ChartInput;

pub use crate::analysis::ranking::OTHER;

/// A chart with all but its largest provinces summed into Other.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouped {
    /// The visible series: the kept provinces, in the chart's order, then Other.
    pub chart: MetricChart,
    /// The legend's series: every province not in Other (hidden ones too), then Other.
    pub all: MetricChart,
    /// The provinces summed into Other, largest first.
    pub other: Vec<Place>,
}

/// Keeps the `n` largest provinces of `chart` and sums the rest into [`OTHER`] (its values and
/// event counts per period, its running level including what came before the range); `None`
/// when nothing would be grouped.
pub fn group(chart: &MetricChart, all: &MetricChart, n: usize) -> Option<Grouped> {
    let t = ranking::top_n(chart, n);
    if t.other.is_empty() {
        return None;
    }
    let grouped = |s: &Series| t.other.contains(&s.place);
    let level_before: f64 = chart
        .series
        .iter()
        .filter(|s| grouped(s))
        .map(|s| s.level_before)
        .sum();
    let points: Vec<_> = t
        .other_points
        .into_iter()
        .map(|mut p| {
            p.level += level_before;
            p
        })
        .collect();
    let other = Series {
        place: OTHER,
        total: points.iter().map(|p| p.value).sum(),
        points,
        level_before,
    };
    let kept = |c: &MetricChart| {
        let mut series: Vec<Series> = c.series.iter().filter(|s| !grouped(s)).cloned().collect();
        series.push(other.clone());
        MetricChart {
            metric: c.metric,
            series,
        }
    };
    Some(Grouped {
        chart: kept(chart),
        all: kept(all),
        other: t.other,
    })
}

/// The grouped chart `input` asks for: its `top_n` in the bars and lines, when that groups any.
pub(super) fn grouped(input: &ChartInput<'_>) -> Option<Grouped> {
    let n = input.top_n?;
    if !crate::picture::chart::needs_legend(input.kind) {
        return None;
    }
    group(input.chart, input.all, n)
}

/// The view an export draws: with `top_n`, each chart's bars or lines grouped as on screen.
pub fn top_n_view(
    view: &crate::analysis::View,
    kind: crate::picture::ChartKind,
    top_n: Option<usize>,
) -> std::borrow::Cow<'_, crate::analysis::View> {
    let Some(n) = top_n.filter(|_| crate::picture::chart::needs_legend(kind)) else {
        return std::borrow::Cow::Borrowed(view);
    };
    let mut grouped = view.clone();
    for chart in &mut grouped.charts {
        if let Some(g) = group(chart, chart, n) {
            *chart = g.chart;
        }
    }
    std::borrow::Cow::Owned(grouped)
}

/// "Other (5 provinces)".
pub fn label(other: &[Place]) -> String {
    crate::tr!(
        "views-other-label",
        k = other.len(),
        n = other.len().to_string()
    )
}

/// A series' name: the province's, or Other's with how many it holds.
pub(super) fn series_name(input: &ChartInput<'_>, place: Place) -> String {
    if place == OTHER {
        label(input.other)
    } else {
        words::place_name(place)
    }
}

/// "Summed into Other: Hebei, Sichuan, …".
pub(super) fn members_hint(other: &[Place]) -> String {
    let names: Vec<String> = other.iter().map(|p| words::place_name(*p)).collect();
    crate::tr!("views-other-hint", places = names.join(", "))
}

/// Other's legend entry: a grey swatch and "Other (K provinces)"; hovering lists them. Its
/// accessible name gives Other's total. Clicking it hides nothing (it is not one province).
pub(super) fn legend_entry(ui: &mut Ui, input: &ChartInput<'_>, series: &Series) {
    let label = label(input.other);
    let response = ui
        .horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let (r, painter) = ui.allocate_painter(egui::vec2(10.0, 10.0), Sense::hover());
            painter.rect_filled(r.rect, 2.0, theme::place_color(OTHER));
            ui.add(egui::Label::new(RichText::new(&label).small()).selectable(false))
        })
        .inner;
    let name = crate::tr!(
        "views-other-name",
        label = label,
        value = words::figure(input.chart.metric, series.total),
        metric = words::metric_lower(input.chart.metric)
    );
    response
        .on_hover_text(members_hint(input.other))
        .accessible_name(name);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Aggregates, Filter, Granularity};
    use crate::data::document::Metric;

    #[test]
    fn other_holds_every_figure_of_the_provinces_it_groups() {
        let doc = crate::io::sample_document();
        let mut agg = Aggregates::build(&doc);
        let view = agg.view(Granularity::Quarter, &Filter::default());
        for metric in Metric::ALL {
            let chart = view.chart(metric).unwrap();
            let Some(g) = group(chart, chart, 2) else {
                assert!(chart.series.len() <= 2);
                continue;
            };
            assert_eq!(g.chart.series.len(), 3, "two kept and Other");
            assert_eq!(g.chart.series.last().unwrap().place, OTHER);
            assert_eq!(g.other.len(), chart.series.len() - 2);
            let members = || chart.series.iter().filter(|s| g.other.contains(&s.place));
            let other = g.chart.series.last().unwrap();
            let expect: f64 = members().map(|s| s.total).sum();
            assert!((other.total - expect).abs() < 1e-6, "{metric:?}");
            // Per period too, and the events behind it, and the running level.
            for p in &other.points {
                let at = |s: &Series| s.points.iter().find(|q| q.period == p.period).copied();
                let value: f64 = members().filter_map(at).map(|q| q.value).sum();
                let rows: u32 = members().filter_map(at).map(|q| q.rows).sum();
                assert!((p.value - value).abs() < 1e-6);
                assert_eq!(p.rows, rows);
                let level: f64 = members()
                    .map(|s| {
                        s.points
                            .iter()
                            .take_while(|q| q.period <= p.period)
                            .last()
                            .map_or(s.level_before, |q| q.level)
                    })
                    .sum();
                assert!((p.level - level).abs() < 1e-6, "{metric:?} level");
            }
            // The whole chart sums to what it did.
            let sum = |c: &MetricChart| c.series.iter().map(|s| s.total).sum::<f64>();
            assert!((sum(&g.chart) - sum(chart)).abs() < 1e-6);
        }
        let rigs = view.chart(Metric::Rigs).unwrap();
        assert!(group(rigs, rigs, 100).is_none(), "nothing to group");
    }
}
