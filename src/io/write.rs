//! Serializing a document: [`to_bytes`] in each format the app writes (CSV, TSV, JSON; .xlsx in
//! [`super::sheet`]), and [`EncodeError`] for a document that cannot be written so. Saving the
//! bytes to a file is [`super::atomic_write`].

use std::error::Error;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use super::error::{ErrorKind, FileError};
use super::format::Format;
use crate::data::document::{Column, Document, Metric, Num};

/// A document that could not be serialized in a format.
#[derive(Clone, Debug)]
pub struct EncodeError {
    kind: ErrorKind,
    message: crate::i18n::Msg,
    source: Option<Arc<dyn Error + Send + Sync + 'static>>,
}

impl EncodeError {
    /// The encoder's failure `e`.
    pub(crate) fn from_error(e: impl Error + Send + Sync + 'static) -> EncodeError {
        EncodeError {
            kind: ErrorKind::Write,
            message: crate::i18n::Msg::raw(e.to_string()),
            source: Some(Arc::new(e)),
        }
    }

    /// [`ErrorKind::Write`], or [`ErrorKind::Unsupported`] for a format the app cannot write.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The error as one about saving `path`.
    pub fn for_file(self, path: &Path) -> FileError {
        let e = FileError::new(path, self.kind, self.message);
        match self.source {
            Some(source) => e.with_source(Shared(source)),
            None => e,
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error for EncodeError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// A shared source error passed on as the source of a [`FileError`].
#[derive(Debug)]
struct Shared(Arc<dyn Error + Send + Sync + 'static>);

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Error for Shared {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.0.source()
    }
}

/// Column names to write: as in the file, made unique where two columns share one (JSON keys
/// must differ).
fn unique_headers(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(doc.columns().len());
    for &c in doc.columns() {
        let mut name = doc.column_header(c).to_owned();
        if out.contains(&name) {
            name = doc.column_key(c).to_owned();
        }
        let base = name.clone();
        let mut n = 2;
        while out.contains(&name) {
            name = format!("{base} ({n})");
            n += 1;
        }
        out.push(name);
    }
    out
}

/// A figure as a JSON number in its column's unit, when it is a plain figure.
fn json_number(doc: &Document, row: usize, metric: Metric) -> Option<serde_json::Value> {
    if doc.figure_marker(row, metric).is_some() {
        return None;
    }
    let Num::Value(v) = doc.figure(row, metric) else {
        return None;
    };
    let text = crate::data::figure::in_unit(v, doc.column_pow10(metric));
    if let Ok(i) = text.parse::<i64>() {
        return Some(serde_json::Value::from(i));
    }
    serde_json::Number::from_f64(text.parse().ok()?).map(serde_json::Value::Number)
}

/// Serializes the document.
pub fn to_bytes(doc: &Document, format: Format) -> Result<Vec<u8>, EncodeError> {
    // JSON object keys must differ; other formats keep the file's names as they were.
    let headers: Vec<String> = if format == Format::Json {
        unique_headers(doc)
    } else {
        doc.columns()
            .iter()
            .map(|&c| doc.column_header(c).to_owned())
            .collect()
    };
    match format {
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Tsv { b'\t' } else { b',' };
            to_delimited(doc, &headers, delimiter)
        }
        Format::Json => to_json(doc, &headers),
        Format::Xlsx => super::sheet::write_xlsx(doc, &headers),
        Format::Xls | Format::Ods => Err(EncodeError {
            kind: ErrorKind::Unsupported,
            message: crate::msg!("file-cannot-write-format", format = format.name()),
            source: None,
        }),
    }
}

/// The document as delimited text.
fn to_delimited(doc: &Document, headers: &[String], delimiter: u8) -> Result<Vec<u8>, EncodeError> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let cols = doc.columns();
    w.write_record(headers).map_err(EncodeError::from_error)?;
    let mut record = csv::StringRecord::new();
    for row in 0..doc.len() {
        record.clear();
        for c in cols {
            record.push_field(&doc.file_text(row, *c));
        }
        w.write_record(&record).map_err(EncodeError::from_error)?;
    }
    w.into_inner()
        .map_err(|e| EncodeError::from_error(e.into_error()))
}

/// The document as a JSON object: its `"columns"`, then its `"events"`.
fn to_json(doc: &Document, headers: &[String]) -> Result<Vec<u8>, EncodeError> {
    let mut rows = Vec::with_capacity(doc.len());
    for row in 0..doc.len() {
        let mut obj = serde_json::Map::new();
        for (&c, name) in doc.columns().iter().zip(headers) {
            let text = doc.file_text(row, c);
            if text.is_empty() {
                continue;
            }
            let number = match c {
                Column::Field(f) => f.metric().and_then(|m| json_number(doc, row, m)),
                Column::Extra(_) => None,
            };
            obj.insert(
                name.clone(),
                number.unwrap_or_else(|| serde_json::Value::String(text.into_owned())),
            );
        }
        rows.push(serde_json::Value::Object(obj));
    }
    let mut root = serde_json::Map::new();
    let columns = headers
        .iter()
        .map(|h| serde_json::Value::from(h.as_str()))
        .collect();
    root.insert("columns".into(), serde_json::Value::Array(columns));
    root.insert("events".into(), serde_json::Value::Array(rows));
    let mut out = serde_json::to_vec_pretty(&serde_json::Value::Object(root))
        .map_err(EncodeError::from_error)?;
    out.push(b'\n');
    Ok(out)
}
