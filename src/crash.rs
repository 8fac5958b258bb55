//! How the last run ended, told at the next start. Two markers in the app's data folder:
//! `running` is written when the window opens and removed when it closes normally, and the panic
//! hook (`crate::logging`) writes `last-crash.json` with the panic's message and place. At start,
//! a `running` marker left behind means the last run did not close normally: with a crash record
//! it panicked, without one it was killed (or the machine stopped). No egui here.
//!
//! A panic on a worker thread that the app survived (it becomes an error message) also writes a
//! record; the run then closes normally and removes `running`, so that record is dropped at the
//! next start. Two windows open at once share the `running` marker: a start beside a running
//! window may say the last run was killed; without unsaved edits that is one quiet line in the
//! status bar, never a dialog.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The record of a panic, as written by the panic hook.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Crash {
    /// The app's version.
    pub version: String,
    /// The operating system and architecture (`linux x86_64`).
    pub os: String,
    /// The panic's message.
    pub message: String,
    /// Where it panicked (`src/app/mod.rs:120`).
    pub location: String,
    /// The thread that panicked.
    pub thread: String,
    /// When, as local time `YYYY-MM-DD HH:MM:SS`.
    pub time: String,
}

impl Crash {
    /// A record of a panic now, on this machine.
    pub fn now(message: &str, location: &str, thread: &str) -> Self {
        Crash {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            os: os(),
            message: message.to_owned(),
            location: location.to_owned(),
            thread: thread.to_owned(),
            time: now(),
        }
    }
}

/// How the last run ended, when not normally.
#[derive(Clone, Debug, PartialEq)]
pub enum LastRun {
    /// It panicked.
    Panicked(Crash),
    /// It was killed, or the machine stopped (it left no crash record). `since` is when it
    /// started.
    Killed { since: String },
}

/// The operating system and architecture.
pub fn os() -> String {
    format!("{} {}", std::env::consts::OS, std::env::consts::ARCH)
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The markers in one data folder.
#[derive(Clone, Debug)]
pub struct Markers {
    dir: PathBuf,
}

impl Markers {
    /// The markers kept in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Markers { dir: dir.into() }
    }

    /// The crash record's path.
    pub fn crash_path(&self) -> PathBuf {
        self.dir.join("last-crash.json")
    }

    /// The running marker's path.
    pub fn running_path(&self) -> PathBuf {
        self.dir.join("running")
    }

    /// At the window's start: how the last run ended (when not normally), then marks this run as
    /// running. A crash record without a running marker is from a run that closed normally
    /// (a worker's panic it survived): it is removed.
    pub fn start(&self) -> Option<LastRun> {
        let running = std::fs::read_to_string(self.running_path()).ok();
        let crash = std::fs::read(self.crash_path())
            .ok()
            .and_then(|b| serde_json::from_slice::<Crash>(&b).ok());
        let last = match (running, crash) {
            (Some(_), Some(crash)) => Some(LastRun::Panicked(crash)),
            (Some(since), None) => Some(LastRun::Killed {
                since: since.trim().to_owned(),
            }),
            (None, _) => {
                let _ = std::fs::remove_file(self.crash_path());
                None
            }
        };
        if let Err(e) = std::fs::create_dir_all(&self.dir)
            .and_then(|()| std::fs::write(self.running_path(), now()))
        {
            log::warn!(
                "the running marker in {} not written: {e}",
                self.dir.display()
            );
        }
        if let Some(last) = &last {
            log::warn!("the last run did not close normally: {last:?}");
        }
        last
    }

    /// The user read the notice: the crash record is forgotten.
    pub fn dismiss(&self) {
        let _ = std::fs::remove_file(self.crash_path());
    }

    /// The window closed normally.
    pub fn clean_exit(&self) {
        let _ = std::fs::remove_file(self.running_path());
    }

    /// Writes a crash record (the panic hook).
    pub fn record(&self, crash: &Crash) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let json = serde_json::to_vec_pretty(crash).map_err(std::io::Error::other)?;
        std::fs::write(self.crash_path(), json)
    }
}

/// Where the panic hook writes its record: set once the window app knows its data folder.
static PANIC_DIR: OnceLock<PathBuf> = OnceLock::new();

/// The panic hook writes its records in `dir` from now on.
pub fn record_panics_in(dir: &Path) {
    let _ = PANIC_DIR.set(dir.to_owned());
}

/// Called by the panic hook: writes the record where [`record_panics_in`] said, if it did.
pub fn record_panic(message: &str, location: &str, thread: &str) {
    if let Some(dir) = PANIC_DIR.get() {
        let _ = Markers::new(dir).record(&Crash::now(message, location, thread));
    }
}

/// The short report put on the clipboard for a bug report.
pub fn report(last: &LastRun, log_file: Option<&Path>) -> String {
    let mut text = format!(
        "Mining Crackdown Dashboard {} on {}\n",
        env!("CARGO_PKG_VERSION"),
        os()
    );
    match last {
        LastRun::Panicked(c) => {
            text.push_str(&format!(
                "Closed unexpectedly at {} (version {}, {}): panic on thread '{}' at {}: {}\n",
                c.time, c.version, c.os, c.thread, c.location, c.message
            ));
        }
        LastRun::Killed { since } => {
            text.push_str(&format!(
                "Closed unexpectedly (no panic recorded; the run started at {since})\n"
            ));
        }
    }
    if let Some(log) = log_file {
        text.push_str(&format!("Log file: {}\n", log.display()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicked_run_a_killed_run_and_a_clean_exit() {
        let dir = tempfile::tempdir().unwrap();
        let m = Markers::new(dir.path().join("data"));
        assert_eq!(m.start(), None, "a first start");
        m.clean_exit();
        assert_eq!(m.start(), None, "after a clean exit");
        // Killed: the running marker stays.
        assert!(matches!(m.start(), Some(LastRun::Killed { .. })));
        m.record(&Crash::now("boom", "src/x.rs:1", "main")).unwrap();
        let Some(LastRun::Panicked(c)) = m.start() else {
            panic!("the crash record is read")
        };
        assert_eq!(
            (c.message.as_str(), c.location.as_str()),
            ("boom", "src/x.rs:1")
        );
        m.dismiss();
        assert!(matches!(m.start(), Some(LastRun::Killed { .. })));
        // A record left by a run that then closed normally is dropped.
        m.record(&Crash::now("worker", "src/y.rs:2", "w")).unwrap();
        m.clean_exit();
        assert_eq!(m.start(), None);
        assert!(!m.crash_path().exists());
    }

    #[test]
    fn the_report_names_version_os_message_and_place() {
        let c = Crash::now("index out of range", "src/ui/table.rs:9", "main");
        let r = report(&LastRun::Panicked(c), Some(Path::new("/tmp/x.log")));
        assert!(r.contains(env!("CARGO_PKG_VERSION")), "{r}");
        assert!(r.contains(std::env::consts::OS), "{r}");
        assert!(
            r.contains("index out of range") && r.contains("src/ui/table.rs:9"),
            "{r}"
        );
        assert!(r.contains("/tmp/x.log"), "{r}");
    }
}
