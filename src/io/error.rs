//! [`FileError`]: a file that could not be read or written, as a sentence a user can act on, with
//! a kind a caller can match on and the underlying error where there was one. The sentences are
//! made by the readers and writers; this file only holds the type and the wording of I/O
//! failures.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::i18n::Msg;

/// What kind of problem a [`FileError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The file or its folder does not exist.
    NotFound,
    /// The file may not be read or written.
    PermissionDenied,
    /// Another failure of the operating system reading the file.
    Io,
    /// The content is binary data, not text.
    Binary,
    /// An unknown encoding was chosen.
    Encoding,
    /// JSON that does not parse, at this line and column.
    Syntax {
        /// Line (from 1).
        line: usize,
        /// Column (from 1).
        column: usize,
    },
    /// JSON nested too deeply to be a table.
    TooDeep,
    /// Valid JSON that is not a table of events (no rows array, a row that is not an object).
    NotATable,
    /// The first line (the header) is empty.
    NoHeader,
    /// No column has a name the app knows.
    NoKnownColumns,
    /// A byte that cannot separate fields was chosen as the delimiter.
    BadDelimiter,
    /// The file (or the sheet) holds nothing.
    Empty,
    /// A spreadsheet extension on content that is not a workbook.
    NotAWorkbook,
    /// A workbook the spreadsheet reader refused.
    Spreadsheet,
    /// A workbook so damaged that the spreadsheet reader failed on it (it panicked).
    Damaged,
    /// The load was cancelled.
    Cancelled,
    /// The file could not be written (or the document not encoded for it).
    Write,
    /// The format cannot be written.
    Unsupported,
    /// A document without a file was to be saved to it.
    NoPath,
}

/// A file that could not be read or written, with a sentence a user can act on.
#[derive(Clone, Debug)]
pub struct FileError {
    /// The file concerned.
    pub path: PathBuf,
    /// What went wrong, including row and column where known (it dereferences to the English;
    /// the interface shows [`FileError::text`]).
    pub message: Msg,
    kind: ErrorKind,
    source: Option<Arc<dyn Error + Send + Sync + 'static>>,
}

impl FileError {
    /// An error of `kind` about `path`, saying `message`.
    pub fn new(path: &Path, kind: ErrorKind, message: impl Into<Msg>) -> FileError {
        FileError {
            path: path.to_owned(),
            message: message.into(),
            kind,
            source: None,
        }
    }

    /// The same error, caused by `source` (what [`Error::source`] returns).
    pub fn with_source(mut self, source: impl Error + Send + Sync + 'static) -> FileError {
        self.source = Some(Arc::new(source));
        self
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The sentence in the interface's language (`Display` is the English): “name”: message.
    pub fn text(&self) -> String {
        crate::tr!(
            "file-error",
            name = self.file_name(),
            message = self.message.text()
        )
    }

    /// The file's name (its whole path when it has none).
    fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Errors are equal when they say the same of the same file (the source is not compared).
impl PartialEq for FileError {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.kind == other.kind && self.message == other.message
    }
}

impl Eq for FileError {}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}”: {}", self.file_name(), self.message)
    }
}

impl Error for FileError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// Shorthand for [`FileError::new`].
pub(crate) fn err(path: &Path, kind: ErrorKind, message: impl Into<Msg>) -> FileError {
    FileError::new(path, kind, message)
}

/// The error of a cancelled load.
pub(crate) fn cancelled(path: &Path) -> FileError {
    err(path, ErrorKind::Cancelled, crate::msg!("file-cancelled"))
}

/// A file that could not be read, and why.
pub(crate) fn read_error(path: &Path, e: std::io::Error) -> FileError {
    use std::io::ErrorKind as K;
    let kind = match e.kind() {
        K::NotFound => ErrorKind::NotFound,
        K::PermissionDenied => ErrorKind::PermissionDenied,
        _ => ErrorKind::Io,
    };
    err(
        path,
        kind,
        crate::msg!("file-cannot-read", reason = io_reason(&e)),
    )
    .with_source(e)
}

/// A file that could not be written, and why.
pub(crate) fn write_error(path: &Path, e: std::io::Error) -> FileError {
    err(
        path,
        ErrorKind::Write,
        crate::msg!("file-cannot-save", reason = io_reason(&e)),
    )
    .with_source(e)
}

/// The words for an I/O failure.
fn io_reason(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => crate::msg!("file-not-found"),
        K::PermissionDenied => crate::msg!("file-permission-denied"),
        K::StorageFull => crate::msg!("file-disk-full"),
        K::ReadOnlyFilesystem => crate::msg!("file-read-only"),
        K::IsADirectory => crate::msg!("file-is-a-folder"),
        // The operating system's own words.
        _ => Msg::raw(e.to_string()),
    }
}
