//! Saving (Save, Save As) and keeping unsaved edits for crash recovery (autosave).

use std::path::Path;

use super::App;
use crate::recovery::{Recovered, Recovery};
use crate::ui::dialogs::SaveKind;

/// Unsaved edits kept for crash recovery: where, when next, and what was found at start.
pub(super) struct Unsaved {
    /// Where unsaved edits are written (none when there is no data folder).
    pub(super) recovery: Option<Recovery>,
    /// Unsaved edits found at start, waiting for Restore or Discard.
    pub(super) recovered: Option<Recovered>,
    /// How long after a change the edits are written.
    pub(super) delay: std::time::Duration,
    /// When they are to be written next.
    pub(super) due: Option<std::time::Instant>,
}

impl App {
    /// Saves; returns true when the data is safely on disk.
    pub(super) fn save(&mut self) -> bool {
        if self.session.path().is_none() {
            return self.save_as();
        }
        match self.session.save() {
            Ok(p) => {
                self.saved(&p);
                true
            }
            Err(e) => {
                self.error(crate::tr!("status-could-not-save", error = e.text()));
                false
            }
        }
    }

    /// Asks where to save, then saves there; returns true when the data is safely on disk.
    pub(super) fn save_as(&mut self) -> bool {
        let suggested = match self.session.path() {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => "crackdown-events.csv".to_owned(),
        };
        let Some(mut path) = self.dialogs.pick_save(SaveKind::Data, &suggested) else {
            return false;
        };
        if crate::io::Format::from_path(&path).is_none() {
            path.set_extension("csv");
        }
        match self.session.save_as(&path) {
            Ok(()) => {
                self.saved(&path);
                true
            }
            Err(e) => {
                self.error(crate::tr!("status-could-not-save", error = e.text()));
                false
            }
        }
    }

    /// After a save: remembered as recent, nothing left to recover.
    fn saved(&mut self, path: &Path) {
        self.remember_recent(path);
        if let Some(r) = &self.unsaved.recovery {
            r.clear();
        }
        self.unsaved.due = None;
        self.info(crate::tr!(
            "status-saved",
            path = path.display().to_string()
        ));
    }

    /// After any change: unsaved edits are written for recovery a few seconds later; back at
    /// the saved state there is nothing to recover.
    pub(super) fn changed(&mut self) {
        if self.session.is_dirty() {
            self.unsaved.due = Some(std::time::Instant::now() + self.unsaved.delay);
        } else {
            self.unsaved.due = None;
            if let Some(r) = &self.unsaved.recovery {
                r.clear();
            }
        }
    }

    /// Writes unsaved edits for recovery when they are due.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(due) = self.unsaved.due else { return };
        let now = std::time::Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.unsaved.due = None;
        if let Some(r) = &self.unsaved.recovery
            && let Err(e) = r.write(self.session.doc(), self.session.path(), self.session.name())
        {
            self.info(crate::tr!("status-no-recovery", error = e.to_string()));
        }
    }
}
