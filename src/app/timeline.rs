//! The policy timeline's markers, made once per document revision and filter (they look at
//! every row) and handed to the time charts; none while the switch is off.

use std::sync::Arc;

use super::App;
use crate::analysis::Filter;
use crate::ui::charts::{DayMarkers, by_day};

/// The markers by day and what they were made from (document revision, filter).
pub(super) type MarkersCache = ((u64, Filter), Arc<Vec<DayMarkers>>);

impl App {
    /// The markers the charts show this frame: the cached ones while the document and the
    /// filter are the same (the same `Arc`, so the dashboard's key compares them at once).
    pub(super) fn timeline_markers(&mut self) -> Arc<Vec<DayMarkers>> {
        let s = &self.settings.view;
        if !s.timeline {
            return Arc::default();
        }
        let key = (self.session.doc().revision(), s.filter.clone());
        if let Some((k, markers)) = &self.paint.markers
            && *k == key
        {
            return Arc::clone(markers);
        }
        let found = crate::analysis::timeline::markers(self.session.doc(), &key.1);
        let markers = Arc::new(by_day(found));
        self.paint.markers = Some((key, Arc::clone(&markers)));
        markers
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::filters::ViewSettings;

    #[test]
    fn the_switch_is_on_in_settings_saved_before_it_and_kept_off() {
        let old: ViewSettings = serde_json::from_str("{}").unwrap();
        assert!(old.timeline, "on by default");
        let off = ViewSettings {
            timeline: false,
            ..ViewSettings::default()
        };
        let again: ViewSettings =
            serde_json::from_str(&serde_json::to_string(&off).unwrap()).unwrap();
        assert!(!again.timeline);
    }
}
