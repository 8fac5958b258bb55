//! The policy timeline: rows with an action but no figures (bans, notices, surcharges) and
//! National rows, as markers on the time axis of the time charts. No egui: the export reuses it.

use super::Filter;
use crate::data::document::{Column, Field};
use crate::data::document::{Document, Metric, Place};
use crate::data::gazetteer::NATIONAL;

/// One marker on the time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    /// The row in the document.
    pub row: usize,
    /// Day key (`yyyymmdd`) of the event.
    pub day: i32,
    /// The province, or National.
    pub place: Place,
    /// The action text as the user sees it.
    pub text: String,
}

/// The markers the filter lets through, in date order. A row is a marker when it is National
/// (dated, whatever its figures) or when it has an action and no figure at all.
pub fn markers(doc: &Document, filter: &Filter) -> Vec<Marker> {
    let mut out = Vec::new();
    for row in 0..doc.len() {
        let place = doc.place(row);
        let Some(date) = doc.date_value(row) else {
            continue;
        };
        if !filter.accepts(place, Some(date)) {
            continue;
        }
        let national = place == Place::Region(NATIONAL);
        let text = doc.cell_text(row, Column::Field(Field::Action));
        let no_figures = Metric::ALL
            .iter()
            .all(|&m| doc.figure_value(row, m).is_none());
        if national || (no_figures && !text.trim().is_empty()) {
            out.push(Marker {
                row,
                day: date.day_key(),
                place,
                text: text.into_owned(),
            });
        }
    }
    out.sort_by_key(|m| (m.day, m.row));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_national_and_figureless_markers_that_the_filter_hides() {
        let doc = crate::io::sample_document();
        let all = markers(&doc, &Filter::default());
        assert!(all.iter().any(|m| m.place == Place::Region(NATIONAL)));
        assert!(all.iter().any(|m| m.place != Place::Region(NATIONAL)));
        assert!(all.windows(2).all(|w| w[0].day <= w[1].day));
        for m in &all {
            let national = m.place == Place::Region(NATIONAL);
            let figureless = Metric::ALL
                .iter()
                .all(|&k| doc.figure_value(m.row, k).is_none());
            assert!(national || figureless, "row {} has figures", m.row);
        }
        let mut hide = Filter::default();
        hide.hidden.insert(Place::Region(NATIONAL));
        let shown = markers(&doc, &hide);
        assert!(shown.len() < all.len());
        assert!(shown.iter().all(|m| m.place != Place::Region(NATIONAL)));
    }
}
