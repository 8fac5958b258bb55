//! The notice at start after the last run closed unexpectedly (see `crate::crash`): what
//! happened, the panic's message, the recovery offer, where the log file is (and a button that
//! opens its folder), and Copy report. A run that was killed with nothing unsaved gets one quiet
//! line in the status bar instead.

use std::path::{Path, PathBuf};

use super::App;
use super::dialogs::recovery_offer;
use crate::crash::{self, LastRun, Markers};

/// The markers of this run and what the last one left.
#[derive(Default)]
pub(super) struct CrashNotice {
    /// The markers in the data folder (none in tests that do not ask for them).
    pub(super) markers: Option<Markers>,
    /// Where the markers (and the log file) are.
    pub(super) dir: Option<PathBuf>,
    /// How the last run ended, until the notice is closed.
    pub(super) last: Option<LastRun>,
}

impl CrashNotice {
    /// Reads how the last run ended from `dir` and marks this run as running.
    pub(super) fn start(dir: Option<PathBuf>) -> Self {
        let markers = dir.clone().map(Markers::new);
        let last = markers.as_ref().and_then(Markers::start);
        CrashNotice { markers, dir, last }
    }
}

/// A `file://` URL of a local folder (the log file's, for the OS to open).
pub fn file_url(path: &Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

impl App {
    /// True while the notice is up (it then holds the recovery offer).
    pub(super) fn crash_notice_shown(&self) -> bool {
        match &self.crash.last {
            Some(LastRun::Panicked(_)) => true,
            Some(LastRun::Killed { .. }) => self.unsaved.recovered.is_some(),
            None => false,
        }
    }

    /// A run killed with nothing unsaved: one line in the status bar, no dialog.
    pub(super) fn quiet_kill_note(&mut self) {
        if matches!(self.crash.last, Some(LastRun::Killed { .. })) && !self.crash_notice_shown() {
            self.crash.last = None;
            self.info(crate::tr!("crash-quiet"));
        }
    }

    /// The notice, until Close (or Restore or Discard).
    pub(super) fn crash_notice_ui(&mut self, ctx: &egui::Context) {
        if !self.crash_notice_shown() {
            return;
        }
        let Some(last) = self.crash.last.clone() else {
            return;
        };
        let log_file = self.crash.dir.as_deref().map(crate::logging::log_file_in);
        let rec = self.unsaved.recovered.clone();
        let mut recovery = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("crash_notice")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(crate::tr!("crash-title"));
            if let LastRun::Panicked(c) = &last {
                ui.label(crate::tr!(
                    "crash-error",
                    message = c.message.clone(),
                    place = c.location.clone(),
                    time = c.time.clone()
                ));
            }
            if let Some(rec) = &rec {
                ui.add_space(6.0);
                recovery = recovery_offer(ui, rec);
            }
            ui.add_space(6.0);
            if let Some(log) = &log_file {
                ui.label(crate::tr!(
                    "crash-log-file",
                    path = log.display().to_string()
                ));
            }
            ui.horizontal(|ui| {
                if let Some(dir) = log_file.as_deref().and_then(Path::parent)
                    && ui.button(crate::tr!("crash-open-log-folder")).clicked()
                {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(file_url(dir)));
                }
                if ui.button(crate::tr!("crash-copy-report")).clicked() {
                    ui.ctx()
                        .copy_text(crash::report(&last, log_file.as_deref()));
                }
                close = rec.is_none() && ui.button(crate::tr!("crash-close")).clicked();
            });
        });
        if let Some(restore) = recovery {
            self.recovery_chosen(restore);
            close = true;
        }
        if close {
            self.crash.last = None;
            if let Some(m) = &self.crash.markers {
                m.dismiss();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_of_unix_and_windows_folders() {
        assert_eq!(
            file_url(Path::new("/home/a b/.local/share/x")),
            "file:///home/a%20b/.local/share/x"
        );
        assert_eq!(
            file_url(Path::new(r"C:\Users\Li\AppData")),
            "file:///C:/Users/Li/AppData"
        );
    }
}
