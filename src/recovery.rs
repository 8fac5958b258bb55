//! Crash recovery: unsaved edits are written to the app's data folder a few seconds after each
//! change, and offered back at the next start after a crash or a killed process. No egui here.

use std::path::{Path, PathBuf};

use crate::data::document::Document;
use crate::io::{self, ErrorKind, FileError, Format};

/// What the recovery folder holds.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Recovered {
    /// The file the edits belong to, if it had one.
    pub original: Option<PathBuf>,
    /// The name shown in the title bar.
    pub name: String,
    /// When the edits were written, as local time `YYYY-MM-DD HH:MM:SS`.
    pub saved_at: String,
    /// When the original file was last modified as the edits were written (seconds and
    /// nanoseconds since 1970), to tell whether it changed on disk since.
    #[serde(default)]
    pub original_modified: Option<(u64, u32)>,
}

/// When `path` was last modified (seconds and nanoseconds since 1970), if it can be read.
fn modified(path: &Path) -> Option<(u64, u32)> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let d = t.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some((d.as_secs(), d.subsec_nanos()))
}

impl Recovered {
    /// True when the original file was modified (or removed) since the edits were written.
    pub fn original_changed(&self) -> bool {
        match (&self.original, self.original_modified) {
            (Some(path), Some(then)) => modified(path) != Some(then),
            _ => false,
        }
    }
}

/// The recovery folder and its two files.
#[derive(Clone, Debug)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    /// Recovery kept in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Recovery { dir: dir.into() }
    }

    /// The default folder: the app's data folder, or `CRACKDOWN_DATA_DIR` when set.
    pub fn default_dir() -> Option<PathBuf> {
        crate::logging::data_dir().map(|d| d.join("recovery"))
    }

    fn data_path(&self) -> PathBuf {
        self.dir.join("unsaved.csv")
    }

    fn meta_path(&self) -> PathBuf {
        self.dir.join("unsaved.json")
    }

    /// Writes the document and what it belongs to (each file atomically).
    pub fn write(
        &self,
        doc: &Document,
        original: Option<&Path>,
        name: &str,
    ) -> Result<(), FileError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            FileError::new(
                &self.dir,
                ErrorKind::Write,
                crate::msg!("file-cannot-create", reason = e.to_string()),
            )
            .with_source(e)
        })?;
        let bytes = io::to_bytes(doc, Format::Csv).map_err(|e| e.for_file(&self.data_path()))?;
        io::atomic_write(&self.data_path(), &bytes)?;
        let meta = Recovered {
            original: original.map(Path::to_owned),
            original_modified: original.and_then(modified),
            name: name.to_owned(),
            saved_at: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        };
        let json = serde_json::to_vec_pretty(&meta).unwrap_or_default();
        let written = io::atomic_write(&self.meta_path(), &json);
        match &written {
            Ok(()) => log::info!(
                "recovery copy of {name} ({} rows) written to {}",
                doc.len(),
                self.dir.display()
            ),
            Err(e) => log::warn!("recovery copy of {name} not written: {e}"),
        }
        written
    }

    /// What is waiting to be restored, if anything.
    pub fn pending(&self) -> Option<Recovered> {
        let meta = std::fs::read(self.meta_path()).ok()?;
        if !self.data_path().is_file() {
            return None;
        }
        serde_json::from_slice(&meta).ok()
    }

    /// Reads the recovered document.
    pub fn read(&self) -> Result<Document, FileError> {
        log::info!("restoring the recovery copy in {}", self.dir.display());
        io::read_path(&self.data_path())
    }

    /// Forgets the recovered edits (after a save, a restore or a discard).
    pub fn clear(&self) {
        if self.meta_path().exists() {
            log::info!("recovery copy in {} removed", self.dir.display());
        }
        let _ = std::fs::remove_file(self.meta_path());
        let _ = std::fs::remove_file(self.data_path());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_pending_read_clear() {
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::new(dir.path().join("recovery"));
        assert!(r.pending().is_none());
        let doc = io::sample_document();
        r.write(&doc, Some(Path::new("/data/events.csv")), "events.csv")
            .unwrap();
        let p = r.pending().unwrap();
        assert_eq!(p.original.as_deref(), Some(Path::new("/data/events.csv")));
        assert_eq!(p.name, "events.csv");
        assert_eq!(r.read().unwrap().len(), doc.len());
        r.clear();
        assert!(r.pending().is_none());
    }

    #[test]
    fn a_totals_row_counted_by_the_user_stays_counted_in_the_recovery_copy() {
        use crate::data::document::{Column, Field, NoObserver};
        let dir = tempfile::tempdir().unwrap();
        let r = Recovery::new(dir.path().join("recovery"));
        let mut doc = io::read_bytes(
            Path::new("t.csv"),
            "date,province,rigs_seized\n2021-09-27,Hebei,5\n2021-09-30,合计,5\n2021-09-30,Total,5\n"
                .as_bytes(),
            Some(Format::Csv),
        )
        .unwrap();
        let fix = doc.count_row(1).unwrap();
        doc.apply(&fix, &mut NoObserver).unwrap();
        r.write(&doc, None, "t.csv").unwrap();
        let back = r.read().unwrap();
        assert_eq!(back.cell_text(1, Column::Field(Field::Basis)), "counted");
        assert!(!back.is_totals_row(1), "the mark is kept");
        assert!(back.is_totals_row(2), "the other totals row is still one");
    }
}
