//! Reading and writing event files: CSV/TSV (delimiter detected), JSON, and spreadsheets
//! (.xlsx, .xls, .ods), in UTF-8, UTF-16 or a guessed legacy encoding, with forgiving header
//! matching and atomic saves. Nothing here knows about the UI; errors name the file, row and
//! column, and a report says what was guessed so the app can show an import preview.

pub mod clipboard;
pub mod decode;
pub mod fastcsv;
mod headers;
mod json;
pub mod sheet;
pub mod stream;

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use headers::{is_key, match_header};

use crate::analysis::{Aggregates, LoadSums};
use crate::data::document::{Column, Document, Field, Metric, Num};
use crate::data::value::DateOrder;

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

/// Choices that override what the reader would guess (the import preview sets them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    /// Text encoding (by name: `utf-8`, `gb18030`, …).
    pub encoding: Option<String>,
    /// Field delimiter for delimited text.
    pub delimiter: Option<u8>,
    /// Sheet of a workbook, by index.
    pub sheet: Option<usize>,
    /// How to read numeric day/month dates.
    pub date_order: Option<DateOrder>,
    /// Per source column: the field it holds, or `None` to keep it as an extra column.
    pub mapping: Option<Vec<Option<Field>>>,
}

/// What the reader found and what it had to guess.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// The format read.
    pub format: Option<Format>,
    /// Encoding name (`utf-8`, `gb18030`, `utf-16le`, …); empty for spreadsheets and JSON bytes.
    pub encoding: String,
    /// Delimiter of delimited text.
    pub delimiter: Option<u8>,
    /// Sheet names of a workbook.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<usize>,
    /// Source column names, in file order.
    pub headers: Vec<String>,
    /// What each source column was mapped to (`None`: kept as an extra column).
    pub mapping: Vec<Option<Field>>,
    /// The day/month order used (inferred from the file or chosen).
    pub date_order: DateOrder,
    /// Sentences naming each guess ("encoding guessed as gb18030").
    pub guesses: Vec<String>,
    /// Other things the user should know.
    pub warnings: Vec<String>,
}

impl ImportReport {
    /// True when something was guessed and the user should confirm it before the data opens.
    pub fn needs_preview(&self) -> bool {
        !self.guesses.is_empty()
    }
}

/// A document read from a file, with the report of how it was read.
pub struct Import {
    /// The rows.
    pub doc: Document,
    /// How they were read.
    pub report: ImportReport,
    /// The document's aggregates when they were summed while reading (delimited text) or on the
    /// loading thread ([`read_path_progress`]), so opening need not walk the rows again.
    pub aggregates: Option<Aggregates>,
}

impl Import {
    /// The document's aggregates: those made while reading, else summed now.
    pub fn summed_aggregates(&mut self) -> &mut Aggregates {
        let Import {
            doc, aggregates, ..
        } = self;
        aggregates.get_or_insert_with(|| Aggregates::build(doc))
    }
}

/// Reads an event file, choosing the format from the extension (or the content when unknown).
pub fn read_path(path: &Path) -> Result<Document, FileError> {
    read_path_with(path, &ReadOptions::default()).map(|i| i.doc)
}

/// Reads an event file with the given choices, returning the report too. Plain UTF-8 delimited
/// text is read in chunks ([`stream`]); anything else whole.
pub fn read_path_with(path: &Path, options: &ReadOptions) -> Result<Import, FileError> {
    read_any(path, options, &Progress::default()).map(|(_, import)| import)
}

/// Reads plain UTF-8 delimited text in chunks, anything else whole: the import, and the file's
/// bytes when it was read whole.
fn read_any(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Option<Vec<u8>>, Import), FileError> {
    let format = Format::from_path(path);
    if let Some(import) = stream::read_path(path, format, options, progress, Default::default())? {
        return Ok((None, import));
    }
    let bytes = read_file(path, progress)?;
    let import = read_with(path, &bytes, format, options, progress)?;
    Ok((Some(bytes), import))
}

/// Reads a whole file, large ones in parallel parts (the copy from the page cache is a good
/// part of opening a big file), counting bytes into `progress` (its first half) and stopping
/// when cancelled.
pub fn read_file(path: &Path, progress: &Progress) -> Result<Vec<u8>, FileError> {
    let reason = |e: std::io::Error| read_error(path, &e);
    let file = fs::File::open(path).map_err(reason)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0) as usize;
    let total = (size as u64).max(1) * 2;
    progress.set(0, total);
    let done = std::sync::atomic::AtomicU64::new(0);
    let read_part = |buf: &mut [u8], offset: usize| -> Result<usize, FileError> {
        let mut at = 0;
        while at < buf.len() {
            if progress.is_cancelled() {
                return Err(err(path, "loading was cancelled"));
            }
            let end = (at + (4 << 20)).min(buf.len());
            let n = read_at(&file, &mut buf[at..end], (offset + at) as u64).map_err(reason)?;
            if n == 0 {
                break;
            }
            at += n;
            let d = done.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed) + n as u64;
            progress.set(d, total);
        }
        Ok(at)
    };
    let mut bytes = vec![0u8; size];
    let parts = if size < 8 << 20 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    };
    let part_len = size.div_ceil(parts).max(1);
    let counts: Vec<Result<usize, FileError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = bytes
            .chunks_mut(part_len)
            .enumerate()
            .map(|(i, chunk)| {
                let read_part = &read_part;
                scope.spawn(move || read_part(chunk, i * part_len))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (i, c) in counts.into_iter().enumerate() {
        let n = c?;
        if n < part_len.min(size - i * part_len) {
            // The file shrank while it was read: keep what came before the gap.
            bytes.truncate(i * part_len + n);
            return Ok(bytes);
        }
    }
    // A file that grew while it was read: take the rest too.
    use std::io::{Read, Seek};
    let mut f = &file;
    if f.seek(std::io::SeekFrom::Start(size as u64)).is_ok() {
        f.read_to_end(&mut bytes).map_err(reason)?;
    }
    Ok(bytes)
}

#[cfg(unix)]
fn read_at(file: &fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Shared progress of a load running on another thread: bytes done of total, and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    done: std::sync::atomic::AtomicU64,
    total: std::sync::atomic::AtomicU64,
    cancel: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// Work done and total, in bytes (reading counts the file once, parsing once more).
    pub fn get(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.done.load(Relaxed), self.total.load(Relaxed))
    }

    fn set(&self, done: u64, total: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        self.total.store(total, Relaxed);
        self.done.store(done.min(total), Relaxed);
    }

    /// Asks the load to stop; it ends with an error that says so.
    pub fn cancel(&self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// True once [`Progress::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Reads a file, reporting progress and stopping when cancelled, parses it and sums its
/// aggregates. Returns the file's bytes when it was read whole or when reading it guessed
/// something, for an import preview to read again with other choices; none otherwise.
pub fn read_path_progress(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Vec<u8>, Import), FileError> {
    let (bytes, mut import) = read_any(path, options, progress)?;
    let bytes = match bytes {
        Some(bytes) => {
            // Summed here, on the loading thread, when the reader did not already.
            import.summed_aggregates();
            bytes
        }
        // Read in chunks: the bytes are read too only when the reading guessed something, for
        // the import preview to read again with other choices.
        None if import.report.needs_preview() => read_file(path, progress)?,
        None => Vec::new(),
    };
    Ok((bytes, import))
}

/// Reads an event file from memory. `path` is only used in messages; `format` `None` sniffs.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Document, FileError> {
    read(path, bytes, format, &ReadOptions::default()).map(|i| i.doc)
}

fn sniff_binary(bytes: &[u8]) -> Option<Format> {
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

/// Reads an event file from memory with the given choices.
pub fn read(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    options: &ReadOptions,
) -> Result<Import, FileError> {
    read_with(path, bytes, format, options, &Progress::default())
}

/// As [`read`], reporting parsing progress (the second half of `progress`) and stopping when
/// cancelled.
pub fn read_with(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Import, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(err(path, "the file is empty"));
    }
    let mut report = ImportReport::default();
    let binary = sniff_binary(bytes);
    let format = match (format, binary) {
        (_, Some(b)) => b,
        (Some(f), None) if f.is_spreadsheet() => {
            return Err(err(
                path,
                format!(
                    "this is not a {} spreadsheet (its content is not a workbook)",
                    f.name()
                ),
            ));
        }
        (Some(f), None) => f,
        (None, None) => Format::Csv,
    };
    let (headers, rows): (Vec<String>, Vec<Vec<String>>) = if format.is_spreadsheet() {
        let wb = sheet::Workbook::open(bytes).map_err(|e| err(path, e))?;
        let index = options
            .sheet
            .filter(|&i| i < wb.names.len())
            .unwrap_or_else(|| wb.default_sheet());
        if wb.names.len() > 1 && options.sheet.is_none() {
            report.guesses.push(format!(
                "the workbook has {} sheets; reading “{}”",
                wb.names.len(),
                wb.names[index]
            ));
        }
        report.sheets = wb.names.clone();
        report.sheet = Some(index);
        let mut rows: Vec<Vec<String>> = wb
            .rows(index)
            .map(<[Vec<String>]>::to_vec)
            .unwrap_or_default();
        // Leading empty rows are not the header.
        while rows
            .first()
            .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()))
        {
            rows.remove(0);
        }
        if rows.is_empty() {
            return Err(err(
                path,
                format!("the sheet “{}” is empty", wb.names[index]),
            ));
        }
        let headers = rows.remove(0);
        (headers, rows)
    } else {
        let forced = match &options.encoding {
            Some(name) => Some(
                decode::encoding_by_name(name)
                    .ok_or_else(|| err(path, format!("unknown encoding “{name}”")))?,
            ),
            None => None,
        };
        let decoded = decode::decode(bytes, forced).map_err(|e| err(path, e))?;
        report.encoding = decode::encoding_name(decoded.encoding);
        if decoded.guessed {
            report.guesses.push(format!(
                "no byte-order mark and not UTF-8: the encoding was guessed as {}",
                report.encoding
            ));
        }
        report.warnings.extend(decoded.warning);
        let text = decoded.text.as_ref();
        let start = text.trim_start_matches('\u{feff}').trim_start();
        let looks_like_json =
            format != Format::Tsv && (start.starts_with('[') || start.starts_with('{'));
        // Content wins over the extension for JSON named .csv, but text that only starts with a
        // bracket ("[notes],date") and is not JSON stays delimited text.
        let json = match format {
            Format::Json => Some(json::read(path, text, &mut report, options, progress)?),
            _ if looks_like_json => json::read(path, text, &mut report, options, progress).ok(),
            _ => None,
        };
        if let Some(parsed) = json {
            report.format = Some(Format::Json);
            if parsed.rows_empty {
                // No events: keep the columns the file names (our own files list them), if any
                // is known; otherwise an empty document.
                let doc = parsed.doc.unwrap_or_else(|_| Document::new());
                return Ok(Import {
                    doc,
                    report,
                    aggregates: None,
                });
            }
            return finish(parsed.doc?, None, report, options);
        }
        let delimiter = choose_delimiter(text, format, options, &mut report);
        let (doc, agg) = read_delimited(path, text, delimiter, &mut report, options, progress)?;
        return finish(doc, Some(agg), report, options);
    };
    report.format = Some(format);
    let doc = build(path, &headers, &rows, &mut report, options, progress)?;
    finish(doc, None, report, options)
}

/// Settles the date order (as chosen, or as the unambiguous dates say) and keeps the aggregates
/// made while reading when that did not change how any date reads.
fn finish(
    mut doc: Document,
    aggregates: Option<Aggregates>,
    mut report: ImportReport,
    options: &ReadOptions,
) -> Result<Import, FileError> {
    let read_order = doc.date_order();
    match options.date_order {
        Some(order) if order != DateOrder::Unknown => {
            let _ = doc.apply(
                &crate::data::document::Edit::SetDateOrder { order },
                &mut crate::data::document::NoObserver,
            );
        }
        _ => {
            if let Some(order) = doc.infer_date_order() {
                report.guesses.push(format!(
                    "numeric dates are read as {} (as the unambiguous ones are)",
                    order.label()
                ));
            }
        }
    }
    if doc.has_ambiguous_dates() {
        report.guesses.push(
            "some numeric dates could be day/month or month/day: choose the date order".into(),
        );
    }
    report.date_order = doc.date_order();
    let aggregates = aggregates.filter(|_| doc.date_order() == read_order);
    Ok(Import {
        doc,
        report,
        aggregates,
    })
}

/// Human name of a delimiter.
pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "vertical bar",
        _ => "other",
    }
}

/// Delimiters the reader considers, in order of preference.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the first lines into the same number (> 1) of fields.
pub fn detect_delimiter(text: &str, default: u8) -> u8 {
    let sample: String = text.lines().take(50).collect::<Vec<_>>().join("\n");
    // (rows with the header's field count, rows sampled, header field count)
    let score = |d: u8| -> (usize, usize, usize) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .filter_map(Result::ok)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty())) // blank lines do not count
            .take(20)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            return (0, 0, 0);
        };
        (
            counts.iter().filter(|&&c| c == first).count(),
            counts.len(),
            first,
        )
    };
    // The extension's delimiter wins whenever it splits the header into 2+ fields and at least
    // half of the sampled rows alike (ragged rows happen; a wrong delimiter splits the header
    // into one field or into pieces that the rows do not repeat).
    let (consistent, sampled, fields) = score(default);
    // A header the default splits into names the app knows settles it.
    let knows_header = |d: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(d)
            .flexible(true)
            .has_headers(false)
            .from_reader(sample.as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .find(|r| r.iter().any(|c| !c.trim().is_empty()))
            .is_some_and(|r| r.len() >= 2 && r.iter().any(|h| match_header(h).is_some()))
    };
    if knows_header(default) {
        return default;
    }
    if fields >= 2 && consistent * 2 >= sampled {
        return default;
    }
    let mut best = (default, (consistent, fields));
    for d in DELIMITERS {
        let (c, _, f) = score(d);
        if f >= 2 && (c, f) > best.1 {
            best = (d, (c, f));
        }
    }
    best.0
}

fn map_headers(
    headers: &[String],
    overrides: Option<&Vec<Option<Field>>>,
) -> (Vec<Column>, Vec<String>, Vec<Option<Field>>) {
    let mut columns = Vec::with_capacity(headers.len());
    let mut extras = Vec::new();
    let mut mapping = Vec::with_capacity(headers.len());
    for (i, h) in headers.iter().enumerate() {
        let field = match overrides.and_then(|o| o.get(i)) {
            Some(choice) => *choice,
            None => match_header(h),
        }
        .filter(|f| !columns.contains(&Column::Field(*f)));
        mapping.push(field);
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
    (columns, extras, mapping)
}

/// Builds a document row by row from a header: maps the columns, then takes rows as they come.
#[derive(Clone)]
struct Builder {
    doc: Document,
    columns: Vec<Column>,
}

impl Builder {
    fn begin(
        path: &Path,
        headers: &[String],
        report: &mut ImportReport,
        options: &ReadOptions,
    ) -> Result<Builder, FileError> {
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(err(
                path,
                "the first line is empty; it should name the columns (date, province, …)",
            ));
        }
        let (columns, extras, mapping) = map_headers(headers, options.mapping.as_ref());
        if !columns.iter().any(|c| matches!(c, Column::Field(_))) {
            return Err(err(
                path,
                "no column has a name the app knows (expected date, province, rigs_seized, …); see the README for the accepted column names",
            ));
        }
        if options.mapping.is_none() {
            for (h, f) in headers.iter().zip(&mapping) {
                if let Some(f) = f
                    && !is_key(h, *f)
                {
                    report
                        .guesses
                        .push(format!("column “{}” was read as {}", h.trim(), f.key()));
                }
            }
        }
        report.headers = headers.to_vec();
        report.mapping = mapping;
        let mut doc = Document::with_columns(columns.clone(), extras);
        for (h, c) in headers.iter().zip(&columns) {
            doc.set_header(*c, h);
        }
        Ok(Builder { doc, columns })
    }

    /// Adds one row of cell texts; blank rows are skipped, cells beyond the header go to new,
    /// named extra columns rather than being dropped.
    fn add(&mut self, cells: &[&str]) {
        // Blank rows are skipped (white space as `str::trim` means it; a cell starting with a
        // letter or digit, as a row's first cell nearly always does, is decided at once).
        let blank = |c: &&str| {
            !c.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) && c.trim().is_empty()
        };
        if cells.iter().all(blank) {
            return;
        }
        for i in self.columns.len()..cells.len() {
            let c = self.doc.add_extra_column(format!("column {}", i + 1));
            self.columns.push(c);
        }
        self.doc.push_record(&self.columns, cells);
    }

    /// As [`Builder::add`], for cells that come one by one (gathered on the stack when a row
    /// has up to 32).
    fn add_iter<'a>(&mut self, cells: impl Iterator<Item = &'a str>) {
        let mut small = [""; 32];
        let mut n = 0;
        let mut wide: Vec<&str> = Vec::new();
        for c in cells {
            if n < small.len() {
                small[n] = c;
                n += 1;
            } else {
                if wide.is_empty() {
                    wide.extend_from_slice(&small);
                }
                wide.push(c);
            }
        }
        if wide.is_empty() {
            self.add(&small[..n]);
        } else {
            self.add(&wide);
        }
    }
}

/// Builds the document from a header and rows of cell texts (spreadsheets and JSON).
fn build(
    path: &Path,
    headers: &[String],
    rows: &[Vec<String>],
    report: &mut ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Document, FileError> {
    let mut b = Builder::begin(path, headers, report, options)?;
    let (_, total) = progress.get();
    let half = total / 2;
    for (i, record) in rows.iter().enumerate() {
        if i.is_multiple_of(8192) {
            if progress.is_cancelled() {
                return Err(err(path, "loading was cancelled"));
            }
            if total > 0 {
                progress.set(half + half * i as u64 / rows.len().max(1) as u64, total);
            }
        }
        b.add_iter(record.iter().map(String::as_str));
    }
    Ok(b.doc)
}

/// The delimiter of delimited text: as chosen, else detected from its first lines (noted in the
/// report when it is not the format's own).
fn choose_delimiter(
    text: &str,
    format: Format,
    options: &ReadOptions,
    report: &mut ImportReport,
) -> u8 {
    let default = if format == Format::Tsv { b'\t' } else { b',' };
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| detect_delimiter(text, default));
    if delimiter != default && options.delimiter.is_none() {
        report.guesses.push(format!(
            "the delimiter was detected as {}",
            delimiter_name(delimiter)
        ));
    }
    report.delimiter = Some(delimiter);
    report.format = Some(format);
    delimiter
}

/// The header of delimited text (leading blank lines skipped) made into an empty document's
/// columns, and the offset where the body starts. `None` when no header is found: the text is
/// blank, or — with `more`, the text going on — the header runs past its end.
fn delimited_header(
    path: &Path,
    text: &str,
    delimiter: u8,
    more: bool,
    report: &mut ImportReport,
    options: &ReadOptions,
) -> Result<Option<(Builder, usize)>, FileError> {
    // The app only detects or offers `DELIMITERS`; any other single ASCII byte works too, but
    // a quote, a line end or half of a multi-byte character cannot separate fields.
    if !delimiter.is_ascii() || matches!(delimiter, b'"' | b'\n' | b'\r') {
        return Err(err(
            path,
            format!(
                "byte {delimiter:#04x} cannot separate fields; use a comma, semicolon, tab or |"
            ),
        ));
    }
    let mut headers: Option<Vec<String>> = None;
    let (body, ended) = fastcsv::read_chunk(text, delimiter, 0, usize::MAX, more, |fields, _| {
        if fields.iter().all(|c| c.trim().is_empty()) {
            return true;
        }
        headers = Some(fields.iter().map(|c| (*c).to_owned()).collect());
        false
    });
    match headers {
        Some(headers) if ended == fastcsv::Ended::Cancelled => Ok(Some((
            Builder::begin(path, &headers, report, options)?,
            body,
        ))),
        _ => Ok(None),
    }
}

/// Delimited text bodies shorter than this are read on one thread: below a few megabytes a
/// thread costs more than it saves.
const MIN_PARALLEL_BYTES: usize = 4 << 20;

/// How many parts (one thread each) a delimited body of `len` bytes is read in: one below
/// `min_parallel` bytes, else one per core (up to 8).
fn part_count(len: u64, min_parallel: usize) -> usize {
    if len < min_parallel as u64 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    }
}

/// Rows read from one part of delimited text, and their sums.
struct Part {
    builder: Builder,
    sums: LoadSums,
    /// Where reading stopped (the start of the next part's first record).
    end: usize,
    cancelled: bool,
}

/// Parsing progress shared by the threads reading parts: `parsed` of `len` body bytes map to
/// `base..base + span` of `progress`.
struct PartProgress<'a> {
    progress: &'a Progress,
    parsed: std::sync::atomic::AtomicU64,
    len: u64,
    base: u64,
    span: u64,
    total: u64,
}

impl PartProgress<'_> {
    fn add(&self, bytes: u64) {
        let done = self
            .parsed
            .fetch_add(bytes, std::sync::atomic::Ordering::Relaxed)
            + bytes;
        if self.total > 0 {
            self.progress.set(
                self.base + self.span * done.min(self.len) / self.len.max(1),
                self.total,
            );
        }
    }
}

/// Reads the records of one part into a copy of the header's empty document, counting progress
/// every 8,192 records, then sums the part's rows for the aggregates in one tight pass on the
/// same thread. (Summing each row as it is parsed, or every few thousand rows, measured slower:
/// the day sums a row adds to are spread over megabytes, and the parsing evicts them from the
/// cache in between.)
struct PartReader<'a> {
    builder: Builder,
    sums: LoadSums,
    rows: usize,
    counted: usize,
    progress: &'a PartProgress<'a>,
}

impl<'a> PartReader<'a> {
    /// A reader of the part of `bytes` bytes starting at offset `from`.
    fn new(template: &Builder, from: usize, bytes: usize, progress: &'a PartProgress<'a>) -> Self {
        let mut builder = template.clone();
        // Room for the whole part without growing, rows being rarely under 64 bytes (the spare
        // room is given back after joining the parts).
        builder.doc.reserve(bytes / 64);
        PartReader {
            builder,
            sums: LoadSums::default(),
            rows: 0,
            counted: from,
            progress,
        }
    }

    /// True once the load was cancelled.
    fn cancelled(&self) -> bool {
        self.progress.progress.is_cancelled()
    }

    /// One record starting at offset `at`; `false` when the load was cancelled.
    #[inline]
    fn record(&mut self, fields: &[&str], at: usize) -> bool {
        self.rows += 1;
        if self.rows.is_multiple_of(8192) {
            if self.cancelled() {
                return false;
            }
            self.progress.add(at.saturating_sub(self.counted) as u64);
            self.counted = at;
        }
        self.builder.add(fields);
        true
    }

    fn finish(mut self, end: usize, cancelled: bool) -> Part {
        if !cancelled {
            let doc = &self.builder.doc;
            self.sums.add_rows(doc, 0..doc.len());
        }
        Part {
            builder: self.builder,
            sums: self.sums,
            end,
            cancelled,
        }
    }
}

/// Reads the parts that start at the guessed `cuts` (the last is the end) on one thread each;
/// a part whose guessed start was inside a quoted field is read again from where the part
/// before it really ended, so the result is what one sequential read gives. `None` when
/// cancelled.
fn read_parts<E: Send>(
    cuts: &[usize],
    read_part: &(dyn Fn(usize, usize) -> Result<Part, E> + Sync),
) -> Result<Option<Vec<Part>>, E> {
    let parts = cuts.len() - 1;
    let results: Vec<Result<Part, E>> = if parts == 1 {
        vec![read_part(cuts[0], cuts[1])]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..parts)
                .map(|i| {
                    let (from, stop) = (cuts[i], cuts[i + 1]);
                    scope.spawn(move || read_part(from, stop))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut results = results.into_iter().collect::<Result<Vec<Part>, E>>()?;
    if results.iter().any(|r| r.cancelled) {
        return Ok(None);
    }
    for i in 1..results.len() {
        let end_before = results[i - 1].end;
        if end_before != cuts[i] {
            results[i] = read_part(end_before, cuts[i + 1])?;
            if results[i].cancelled {
                return Ok(None);
            }
        }
    }
    Ok(Some(results))
}

/// The parts joined in file order, and their aggregates (joined from the parts' sums on another
/// thread meanwhile).
fn join_parts(parts: Vec<Part>) -> (Document, Aggregates) {
    let (docs, sums): (Vec<Document>, Vec<LoadSums>) =
        parts.into_iter().map(|p| (p.builder.doc, p.sums)).unzip();
    std::thread::scope(|scope| {
        let agg = scope.spawn(|| Aggregates::from_sums(sums));
        let mut docs = docs.into_iter();
        let mut doc = docs.next().unwrap_or_default();
        for part in docs {
            doc.append(part);
        }
        doc.shrink_to_fit();
        let agg = agg.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (doc, agg)
    })
}

/// Reads delimited text straight into a document, without holding the rows twice: the header
/// first, then the body in parts read in parallel (see [`fastcsv`]) and joined in file order.
/// Each part's rows are summed for the aggregates on its thread once read.
fn read_delimited(
    path: &Path,
    text: &str,
    delimiter: u8,
    report: &mut ImportReport,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<(Document, Aggregates), FileError> {
    let text = text.trim_start_matches('\u{feff}');
    let Some((template, body)) = delimited_header(path, text, delimiter, false, report, options)?
    else {
        return Err(err(path, "the file is empty"));
    };
    let parts = part_count((text.len() - body) as u64, MIN_PARALLEL_BYTES);
    let cuts = fastcsv::guess_cuts(text, body, parts);
    let (_, total) = progress.get();
    let counter = PartProgress {
        progress,
        parsed: Default::default(),
        len: (text.len() - body) as u64,
        base: total / 2,
        span: total - total / 2,
        total,
    };
    let read_part = |from: usize, stop: usize| -> Result<Part, FileError> {
        let bytes = stop.min(text.len()).saturating_sub(from);
        let mut reader = PartReader::new(&template, from, bytes, &counter);
        let (end, cancelled) = fastcsv::read_records(text, delimiter, from, stop, |fields, at| {
            reader.record(fields, at)
        });
        Ok(reader.finish(end, cancelled))
    };
    let parts = read_parts(&cuts, &read_part)?;
    match parts {
        Some(parts) if !progress.is_cancelled() => Ok(join_parts(parts)),
        _ => Err(err(path, "loading was cancelled")),
    }
}

/// Writes the document in the format the extension names, atomically.
pub fn write_path(doc: &Document, path: &Path) -> Result<(), FileError> {
    let format = Format::from_path(path).unwrap_or(Format::Csv);
    let bytes = to_bytes(doc, format).map_err(|e| err(path, e))?;
    atomic_write(path, &bytes)
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
pub fn to_bytes(doc: &Document, format: Format) -> Result<Vec<u8>, String> {
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
            let mut w = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(Vec::new());
            let cols = doc.columns();
            w.write_record(&headers).map_err(|e| e.to_string())?;
            let mut record = csv::StringRecord::new();
            for row in 0..doc.len() {
                record.clear();
                for c in cols {
                    record.push_field(&doc.file_text(row, *c));
                }
                w.write_record(&record).map_err(|e| e.to_string())?;
            }
            w.into_inner().map_err(|e| e.to_string())
        }
        Format::Json => {
            let mut rows = Vec::with_capacity(doc.len());
            for row in 0..doc.len() {
                let mut obj = serde_json::Map::new();
                for (&c, name) in doc.columns().iter().zip(&headers) {
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
                .map_err(|e| e.to_string())?;
            out.push(b'\n');
            Ok(out)
        }
        Format::Xlsx => sheet::write_xlsx(doc, &headers),
        Format::Xls | Format::Ods => Err(format!(
            "the app cannot write .{} files; save as .xlsx, .csv or .json",
            format.name()
        )),
    }
}

/// A file that could not be read, and why.
fn read_error(path: &Path, e: &std::io::Error) -> FileError {
    err(path, format!("cannot be read: {}", io_reason(e)))
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
