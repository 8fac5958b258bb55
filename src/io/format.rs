//! [`Format`]: the file formats the app reads and writes, from a file name's extension or from
//! the first bytes of a workbook.

use std::path::Path;

/// File formats the app reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated (or other delimiter) values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// A JSON array of row objects, or `{"events": [...]}`.
    Json,
    /// Excel 2007+ workbook.
    Xlsx,
    /// Excel 97–2003 workbook (read only).
    Xls,
    /// OpenDocument spreadsheet (read only).
    Ods,
}

impl Format {
    /// The format a file name asks for, if its extension is known.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "json" => Some(Format::Json),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            _ => None,
        }
    }

    /// Lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }

    /// True for workbook formats.
    pub fn is_spreadsheet(self) -> bool {
        matches!(self, Format::Xlsx | Format::Xls | Format::Ods)
    }
}

/// The workbook format the content starts like, if any.
pub(crate) fn sniff_binary(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(b"PK\x03\x04") {
        // Both .xlsx and .ods are zip files; an .ods starts with its uncompressed mimetype.
        let head = &bytes[..bytes.len().min(120)];
        let needle = b"application/vnd.oasis.opendocument";
        if head.windows(needle.len()).any(|w| w == needle) {
            Some(Format::Ods)
        } else {
            Some(Format::Xlsx)
        }
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(Format::Xls)
    } else {
        None
    }
}
