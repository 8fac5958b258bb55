//! Reading and writing event files: CSV (and TSV) and JSON, with forgiving header matching and
//! atomic saves. Nothing here knows about the UI; errors name the file, row and column.

mod headers;

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use headers::match_header;

use crate::data::document::{Column, Document, Field, Metric, Num};

/// File formats the app reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// A JSON array of row objects, or `{"events": [...]}`.
    Json,
}

impl Format {
    /// The format a file name asks for, if its extension is known.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// Lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
        }
    }
}

/// A file that could not be read or written, with a sentence a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// The file concerned.
    pub path: PathBuf,
    /// What went wrong, including row and column where known.
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        write!(f, "“{name}”: {}", self.message)
    }
}

impl std::error::Error for FileError {}

fn err(path: &Path, message: impl Into<String>) -> FileError {
    FileError {
        path: path.to_owned(),
        message: message.into(),
    }
}

/// Reads an event file, choosing the format from the extension (or the content when unknown).
pub fn read_path(path: &Path) -> Result<Document, FileError> {
    let bytes =
        fs::read(path).map_err(|e| err(path, format!("cannot be read: {}", io_reason(&e))))?;
    read_bytes(path, &bytes, Format::from_path(path))
}

/// Reads an event file from memory. `path` is only used in messages; `format` `None` sniffs.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Document, FileError> {
    let text = decode_text(path, bytes)?;
    let format = format.unwrap_or_else(|| {
        let start = text.trim_start();
        if start.starts_with('[') || start.starts_with('{') {
            Format::Json
        } else {
            Format::Csv
        }
    });
    match format {
        Format::Csv => read_delimited(path, text, b','),
        Format::Tsv => read_delimited(path, text, b'\t'),
        Format::Json => read_json(path, text),
    }
}

fn decode_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, FileError> {
    if bytes.is_empty() {
        return Err(err(path, "the file is empty"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(err(
            path,
            format!(
                "this is not a text file (it contains binary data at byte {pos}); open a CSV or JSON file"
            ),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        err(path, format!("line {line} is not valid UTF-8 text (byte {}); save the file as UTF-8 and try again", e.valid_up_to()))
    })
}

/// Maps a file's header cells to columns; unknown and duplicate headers become extra columns.
fn map_headers(headers: &[String]) -> (Vec<Column>, Vec<String>) {
    let mut columns = Vec::with_capacity(headers.len());
    let mut extras = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let field = match_header(h).filter(|f| !columns.contains(&Column::Field(*f)));
        match field {
            Some(f) => columns.push(Column::Field(f)),
            None => {
                let name = if h.trim().is_empty() {
                    format!("column {}", i + 1)
                } else {
                    h.trim().to_owned()
                };
                columns.push(Column::Extra(extras.len()));
                extras.push(name);
            }
        }
    }
    (columns, extras)
}

fn check_known(path: &Path, columns: &[Column]) -> Result<(), FileError> {
    if columns.iter().any(|c| matches!(c, Column::Field(_))) {
        Ok(())
    } else {
        Err(err(
            path,
            "no column has a name the app knows (expected date, province, rigs_seized, …); see the README for the accepted column names",
        ))
    }
}

fn read_delimited(path: &Path, text: &str, delimiter: u8) -> Result<Document, FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| err(path, format!("the header row cannot be read: {e}")))?
        .iter()
        .map(str::to_owned)
        .collect();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(err(
            path,
            "the first line is empty; it should name the columns (date, province, …)",
        ));
    }
    let (mut columns, extras) = map_headers(&headers);
    check_known(path, &columns)?;
    let mut doc = Document::with_columns(columns.clone(), extras);
    let mut record = csv::StringRecord::new();
    let mut row = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e
                    .position()
                    .map_or(String::new(), |p| format!("line {}: ", p.line()));
                return Err(err(
                    path,
                    format!("{line}row {} cannot be read: {e}", row + 1),
                ));
            }
        }
        row += 1;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue; // blank line
        }
        // Cells beyond the header go to new, named extra columns rather than being dropped.
        for i in columns.len()..record.len() {
            columns.push(doc.add_extra_column(format!("column {}", i + 1)));
        }
        doc.push_row(columns.iter().copied().zip(record.iter()));
    }
    Ok(doc)
}

fn read_json(path: &Path, text: &str) -> Result<Document, FileError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        err(
            path,
            format!(
                "line {}, column {}: this is not valid JSON ({e})",
                e.line(),
                e.column()
            ),
        )
    })?;
    let rows = match &value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => ["events", "rows", "data", "records"]
            .iter()
            .find_map(|k| o.get(*k).and_then(|v| v.as_array()))
            .ok_or_else(|| err(path, "the JSON object has no \"events\" array; expected [ {…}, … ] or {\"events\": [ {…}, … ]}"))?,
        _ => return Err(err(path, "expected a JSON array of rows or {\"events\": [ … ]}")),
    };
    // Column order: the file's own "columns" list when it has one, then keys as they appear.
    let mut headers: Vec<String> = value
        .get("columns")
        .and_then(|c| c.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    for (i, row) in rows.iter().enumerate() {
        let obj = row.as_object().ok_or_else(|| {
            err(
                path,
                format!("row {} is not an object with named fields", i + 1),
            )
        })?;
        for k in obj.keys() {
            if !headers.iter().any(|h| h == k) {
                headers.push(k.clone());
            }
        }
    }
    let (columns, extras) = map_headers(&headers);
    if !rows.is_empty() {
        check_known(path, &columns)?;
    }
    let mut doc = Document::with_columns(columns.clone(), extras);
    for row in rows {
        let Some(obj) = row.as_object() else { continue };
        let cells: Vec<(Column, String)> = headers
            .iter()
            .zip(&columns)
            .filter_map(|(h, c)| obj.get(h).map(|v| (*c, json_cell_text(v))))
            .collect();
        doc.push_row(cells.iter().map(|(c, s)| (*c, s.as_str())));
    }
    Ok(doc)
}

fn json_cell_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Writes the document in the format the extension names, atomically.
pub fn write_path(doc: &Document, path: &Path) -> Result<(), FileError> {
    let format = Format::from_path(path).unwrap_or(Format::Csv);
    let bytes = to_bytes(doc, format).map_err(|e| err(path, e))?;
    atomic_write(path, &bytes)
}

/// Serializes the document.
pub fn to_bytes(doc: &Document, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Tsv { b'\t' } else { b',' };
            let mut w = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(Vec::new());
            let cols = doc.columns();
            w.write_record(cols.iter().map(|c| doc.column_key(*c)))
                .map_err(|e| e.to_string())?;
            let mut record = csv::StringRecord::new();
            for row in 0..doc.len() {
                record.clear();
                for c in cols {
                    record.push_field(&doc.cell_text(row, *c));
                }
                w.write_record(&record).map_err(|e| e.to_string())?;
            }
            w.into_inner().map_err(|e| e.to_string())
        }
        Format::Json => {
            let mut rows = Vec::with_capacity(doc.len());
            for row in 0..doc.len() {
                let mut obj = serde_json::Map::new();
                for &c in doc.columns() {
                    let text = doc.cell_text(row, c);
                    if text.is_empty() {
                        continue;
                    }
                    let value = match c {
                        Column::Field(f) if f.metric().is_some() => {
                            match doc.figure(row, f.metric().unwrap_or(Metric::Rigs)) {
                                Num::Value(v) => serde_json::Number::from_f64(v)
                                    .map(|n| {
                                        if v.fract() == 0.0 && v.abs() < 9e15 {
                                            serde_json::Value::from(v as i64)
                                        } else {
                                            serde_json::Value::Number(n)
                                        }
                                    })
                                    .unwrap_or_else(|| serde_json::Value::String(text.to_string())),
                                _ => serde_json::Value::String(text.to_string()),
                            }
                        }
                        _ => serde_json::Value::String(text.to_string()),
                    };
                    obj.insert(doc.column_key(c).to_owned(), value);
                }
                rows.push(serde_json::Value::Object(obj));
            }
            let mut root = serde_json::Map::new();
            let columns = doc
                .columns()
                .iter()
                .map(|c| serde_json::Value::from(doc.column_key(*c)))
                .collect();
            root.insert("columns".into(), serde_json::Value::Array(columns));
            root.insert("events".into(), serde_json::Value::Array(rows));
            let mut out = serde_json::to_vec_pretty(&serde_json::Value::Object(root))
                .map_err(|e| e.to_string())?;
            out.push(b'\n');
            Ok(out)
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "the file or its folder does not exist".into(),
        K::PermissionDenied => "permission denied".into(),
        K::StorageFull => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the disk is read-only".into(),
        K::IsADirectory => "this is a folder, not a file".into(),
        _ => e.to_string(),
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`, so a
/// failure at any point leaves the old file as it was.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| err(path, "is not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        err(
            path,
            format!(
                "could not be saved: {}; the previous file is unchanged",
                io_reason(&e)
            ),
        )
    })
}

/// The sample dataset shipped inside the binary (same content as `sample-data/`).
pub const SAMPLE_CSV: &str = include_str!("../../sample-data/crackdown-events.csv");

/// The name the sample data is shown under.
pub const SAMPLE_NAME: &str = "crackdown-events.csv (sample data)";

/// The sample dataset as a document.
pub fn sample_document() -> Document {
    read_bytes(
        Path::new(SAMPLE_NAME),
        SAMPLE_CSV.as_bytes(),
        Some(Format::Csv),
    )
    .unwrap_or_else(|_| Document::new())
}

/// Keeps the field list in one place for callers that need it.
pub fn known_fields() -> &'static [Field] {
    &Field::ALL
}
