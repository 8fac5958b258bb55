//! Delimited text read from its file in chunks (`io::stream`) gives the same document, report and
//! aggregates as the whole file read at once, however the chunks and parts cut the records; and
//! files it does not take (other encodings, invalid UTF-8 anywhere) still open, whole.

use std::path::{Path, PathBuf};

use crackdown_dashboard::analysis::{Filter, Granularity, LoadSums};
use crackdown_dashboard::data::document::{Document, Edit};
use crackdown_dashboard::data::problem_index::ProblemIndex;
use crackdown_dashboard::data::row_checks::Checked;
use crackdown_dashboard::io::stream::{self, Chunks};
use crackdown_dashboard::io::{self, Progress, ReadOptions};
use crackdown_dashboard::session::Import;
use proptest::prelude::*;

mod common;

/// Every cell as the file had it, with the column names.
fn cells(doc: &Document) -> Vec<Vec<String>> {
    let columns = doc.columns();
    let mut out = vec![
        columns
            .iter()
            .map(|&c| doc.column_key(c).to_owned())
            .collect(),
    ];
    for row in 0..doc.len() {
        out.push(
            columns
                .iter()
                .map(|&c| doc.file_text(row, c).into_owned())
                .collect(),
        );
    }
    out
}

/// Writes `bytes` to `name` in `dir` (a temporary directory each test holds and removes).
fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The monthly view of an import's aggregates (made while reading, or by a pass).
fn monthly(import: &mut Import) -> crackdown_dashboard::analysis::View {
    import
        .summed_aggregates()
        .view(Granularity::Month, &Filter::default())
}

/// `path` read in default chunks, or `None` when it is left to the whole-file reader.
fn streamed(path: &Path, options: &ReadOptions) -> Option<Import> {
    stream::read_path(path, None, options, &Progress::default(), Chunks::default()).unwrap()
}

/// The problems checked while `import` was read are those a check of the whole document finds,
/// and they follow an edit that makes the last row repeat the first as a fresh check finds.
fn checked_as_whole(import: Import) {
    let mut doc = import.doc;
    let mut index = import.problems.expect("checked while reading");
    let fresh = ProblemIndex::build(&doc);
    assert_eq!(index.list(), fresh.list());
    assert_eq!(
        (index.cell_count(), index.left_out_count()),
        (fresh.cell_count(), fresh.left_out_count())
    );
    let Some(last) = doc.len().checked_sub(1) else {
        return;
    };
    for column in doc.columns().to_vec() {
        let edit = Edit::SetCell {
            row: last,
            column,
            text: doc.cell_text(0, column).into_owned(),
        };
        doc.apply(&edit, &mut crackdown_dashboard::data::facts::NoObserver)
            .unwrap();
        index.follow(&doc, &edit);
    }
    assert_eq!(index.list(), ProblemIndex::build(&doc).list());
}

/// Reads `path` in chunks of `sizes` and whole, and checks both give the same (the problems
/// checked while reading too).
fn same_as_whole(path: &Path, options: &ReadOptions, sizes: Chunks) {
    let checked =
        stream::read_path::<Checked<LoadSums>>(path, None, options, &Progress::default(), sizes)
            .unwrap()
            .expect("plain UTF-8 text is read in chunks");
    checked_as_whole(checked.into_checked());
    let mut streamed = stream::read_path(path, None, options, &Progress::default(), sizes)
        .unwrap()
        .expect("plain UTF-8 text is read in chunks");
    let bytes = std::fs::read(path).unwrap();
    let mut whole = io::read(path, &bytes, None, options).unwrap();
    assert_eq!(cells(&streamed.doc), cells(&whole.doc), "{sizes:?}");
    assert_eq!(streamed.report, whole.report);
    assert!(streamed.aggregates.is_some(), "summed while reading");
    assert_eq!(monthly(&mut streamed), monthly(&mut whole));
}

fn body_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "2021-09-27",
            "Hebei",
            "内蒙古",
            "12",
            "3,4",
            ",",
            ",",
            ";",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "\"",
            "\"\"",
            "\"a\nb\"",
            " ",
            "x".repeat(70).leak(),
        ]),
        0..300,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Chunks of a byte and up cut every record, field, quote and CRLF somewhere; parts start
    /// anywhere, including inside quoted fields.
    #[test]
    fn chunks_and_parts_anywhere_read_as_the_whole_file(
        body in body_strategy(),
        chunk in 1usize..80,
        head in 24usize..200,
        parallel in any::<bool>(),
        semicolon in any::<bool>(),
    ) {
        let d = if semicolon { b';' } else { b',' };
        let header = if semicolon { "date;province;rigs_seized;notes\n" } else { "date,province,rigs_seized,notes\n" };
        let text = format!("{header}{body}");
        let dir = tempfile::tempdir().unwrap();
        let path = temp_file(&dir, "p.csv", text.as_bytes());
        let options = ReadOptions { delimiter: Some(d), ..Default::default() };
        let sizes = Chunks { head, chunk, min_parallel: if parallel { 0 } else { usize::MAX } };
        let streamed = stream::read_path::<Checked<LoadSums>>(&path, None, &options, &Progress::default(), sizes).unwrap();
        let whole = io::read::<LoadSums>(&path, text.as_bytes(), None, &options);
        match (streamed, whole) {
            (Some(s), Ok(w)) => {
                prop_assert_eq!(cells(&s.doc), cells(&w.doc));
                prop_assert_eq!(&s.report, &w.report);
                // Each part's rows checked on its own thread, with its own symbols and extra
                // columns, as the joined document is checked.
                checked_as_whole(s.into_checked());
            }
            // Blank text is left to the whole-file reader.
            // The header must be whole within the head.
            (None, _) => prop_assert!(head < header.len(), "read whole though the head holds the header"),
            (Some(_), Err(e)) => prop_assert!(false, "only the whole read failed: {}", e),
        }
    }
}

/// The generated data with quoted multi-line notes, read in parts on threads with default
/// chunks and with 4 KiB chunks (a record cut at nearly every chunk's end), and with the
/// delimiter detected.
#[test]
fn a_large_file_in_chunks_reads_as_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::csv_with_quoted_notes(60_000, 7, 5);
    assert!(text.len() > 4 << 20, "big enough for parallel parts");
    let path = temp_file(&dir, "large.csv", text.as_bytes());
    let options = ReadOptions::default();
    same_as_whole(&path, &options, Chunks::default());
    same_as_whole(
        &path,
        &options,
        Chunks {
            chunk: 4096,
            ..Chunks::default()
        },
    );
    // With a byte-order mark, and as the app and the command line read files.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let path = temp_file(&dir, "bom.csv", &bom);
    same_as_whole(&path, &options, Chunks::default());
    let (bytes, import) =
        io::read_path_progress::<LoadSums>(&path, &options, &Progress::default()).unwrap();
    assert!(
        bytes.is_empty(),
        "nothing to preview, so the bytes were not kept"
    );
    assert_eq!(import.doc.len(), 60_000);
}

/// Text that turns out not to be UTF-8 after the head, and text in another encoding, are read
/// whole: the same document as reading the bytes, with the encoding reported.
#[test]
fn other_text_is_left_to_the_whole_file_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = crackdown_dashboard::synth::csv(20_000, 9).into_bytes();
    // A Latin-1 "é" near the end: not UTF-8.
    let at = text.len() - 10;
    text.insert(at, 0xE9);
    let path = temp_file(&dir, "latin1.csv", &text);
    assert!(
        streamed(&path, &ReadOptions::default()).is_none(),
        "invalid UTF-8 past the head goes to the whole-file reader"
    );
    let import = io::read_path_with::<LoadSums>(&path, &ReadOptions::default()).unwrap();
    let whole = io::read::<LoadSums>(&path, &text, None, &ReadOptions::default()).unwrap();
    assert_eq!(cells(&import.doc), cells(&whole.doc));
    assert_ne!(import.report.encoding, "utf-8");
    // UTF-16 (a byte-order mark) and a chosen encoding are read whole too.
    let path = temp_file(&dir, "utf16.csv", b"\xFF\xFEd\0a\0t\0e\0\n\0");
    assert!(streamed(&path, &ReadOptions::default()).is_none());
    let chosen = ReadOptions {
        encoding: Some("utf-8".into()),
        ..Default::default()
    };
    let path = temp_file(&dir, "chosen.csv", b"date,province\n2021-01-01,Hebei\n");
    assert!(streamed(&path, &chosen).is_none());
}

/// A cancelled load ends with an error that says so; a file that cannot be read names itself.
#[test]
fn cancelled_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = crackdown_dashboard::synth::csv(50_000, 3);
    let path = temp_file(&dir, "cancel.csv", text.as_bytes());
    let progress = Progress::default();
    progress.cancel();
    let e = stream::read_path::<LoadSums>(
        &path,
        None,
        &ReadOptions::default(),
        &progress,
        Chunks::default(),
    )
    .map(|_| ())
    .unwrap_err();
    assert!(e.to_string().contains("cancelled"), "{e}");
    let missing = Path::new("/nonexistent/events.csv");
    let e = io::read_path_with::<LoadSums>(missing, &ReadOptions::default())
        .map(|_| ())
        .unwrap_err();
    assert!(e.to_string().contains("events.csv"), "{e}");
}
