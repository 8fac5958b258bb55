//! The app's log and its safety net: a logger that writes to stderr and to a size-bounded log
//! file in the app's data folder, and the one panic hook, which logs a panic with its backtrace
//! (on Windows the release build has no console, so without the file a panic would leave no
//! trace). No egui here.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use flexi_logger::{
    Cleanup, Criterion, Duplicate, FileSpec, FlexiLoggerError, Logger, LoggerHandle, Naming,
};

/// The log file's base name; the file being written is `crackdown-dashboard_rCURRENT.log`.
pub const LOG_BASENAME: &str = "crackdown-dashboard";

/// A log file is rotated when it passes this size, and [`KEPT_FILES`] rotated files are kept,
/// so the log never holds more than about 4 MB.
pub const MAX_LOG_BYTES: u64 = 1 << 20;

/// How many rotated log files are kept beside the current one.
pub const KEPT_FILES: usize = 3;

/// The running logger: dropping it flushes and closes the log file.
static HANDLE: OnceLock<LoggerHandle> = OnceLock::new();

/// Where the log file is being written, once [`start`] succeeded.
static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// The app's data folder: `CRACKDOWN_DATA_DIR` when set (tests, portable use), else the
/// platform's folder for app data (the same one eframe keeps its settings in).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("CRACKDOWN_DATA_DIR") {
        return Some(PathBuf::from(d));
    }
    eframe::storage_dir("crackdown-dashboard")
}

/// Where the current log file is (or would be) in `dir`.
pub fn log_file_in(dir: &Path) -> PathBuf {
    dir.join(format!("{LOG_BASENAME}_rCURRENT.log"))
}

/// The file the log is being written to, if logging started.
pub fn log_path() -> Option<&'static Path> {
    LOG_PATH.get().map(PathBuf::as_path)
}

/// Where log lines go besides the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Echo {
    /// Info and above also go to stderr (the window app).
    Stderr,
    /// Only the file (command-line tools, whose stderr is their own output).
    FileOnly,
}

/// Starts logging to `dir` (created when missing). `RUST_LOG` overrides the level (`info` by
/// default). Returns the log file's path. When the file cannot be opened, the window app logs to
/// stderr alone and says why there; the command-line tools (whose stderr is their own output)
/// then log nothing. Calling it again does nothing.
pub fn start(dir: Option<&Path>, echo: Echo) -> Option<PathBuf> {
    if HANDLE.get().is_some() {
        return log_path().map(Path::to_owned);
    }
    let to_file = dir.and_then(|dir| match start_file(dir, echo) {
        Ok(handle) => {
            let _ = LOG_PATH.set(log_file_in(dir));
            Some(handle)
        }
        Err(e) => {
            if echo == Echo::Stderr {
                eprintln!("the log file in {} cannot be written: {e}", dir.display());
            }
            None
        }
    });
    let handle = match to_file {
        Some(handle) => Some(handle),
        None if echo == Echo::Stderr => logger().and_then(|l| l.log_to_stderr().start()).ok(),
        None => None,
    };
    if let Some(handle) = handle {
        let _ = HANDLE.set(handle);
    }
    log_path().map(Path::to_owned)
}

/// The logger at `RUST_LOG`'s level, or `info` when it is unset or unreadable.
fn logger() -> Result<Logger, FlexiLoggerError> {
    Logger::try_with_env_or_str("info").or_else(|_| Logger::try_with_str("info"))
}

/// The size-bounded log file in `dir`, copied to stderr as `echo` says.
fn start_file(dir: &Path, echo: Echo) -> Result<LoggerHandle, FlexiLoggerError> {
    std::fs::create_dir_all(dir)?;
    let duplicate = match echo {
        Echo::Stderr => Duplicate::Info,
        Echo::FileOnly => Duplicate::None,
    };
    let spec = FileSpec::default()
        .directory(dir)
        .basename(LOG_BASENAME)
        .suppress_timestamp();
    logger()?
        .log_to_file(spec)
        .rotate(
            Criterion::Size(MAX_LOG_BYTES),
            Naming::Numbers,
            Cleanup::KeepLogFiles(KEPT_FILES),
        )
        .append()
        .format_for_files(flexi_logger::detailed_format)
        .duplicate_to_stderr(duplicate)
        .start()
}

/// The text of a panic's payload (`panic!` with a literal or a formatted message).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Installs the app's one panic hook: it logs the panic, the thread and a backtrace, writes the
/// crash record the next start reads (`crate::crash`), flushes the log, and then runs the default hook (which prints to stderr as before).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed");
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::force_capture();
        let message = panic_text(info.payload());
        log::error!("panic on thread '{name}' at {place}: {message}\nbacktrace:\n{backtrace}");
        // The next start tells the user (see `crate::crash`).
        crate::crash::record_panic(&message, &place, name);
        if let Some(handle) = HANDLE.get() {
            handle.flush();
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_text_reads_literal_and_formatted_messages() {
        let literal = std::panic::catch_unwind(|| panic!("plain")).unwrap_err();
        assert_eq!(panic_text(literal.as_ref()), "plain");
        let n = 3;
        let formatted = std::panic::catch_unwind(|| panic!("row {n}")).unwrap_err();
        assert_eq!(panic_text(formatted.as_ref()), "row 3");
    }
}
