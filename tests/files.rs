//! File-level tests: the sample data, saving and opening again, and files that cannot be read.

use std::path::Path;

use crackdown_dashboard::analysis::LoadSums;
use crackdown_dashboard::data::document::{Column, Document, Edit, Field, NoObserver};
use crackdown_dashboard::io::{self, Format};

mod common;

fn cells(doc: &Document) -> Vec<Vec<(String, String)>> {
    (0..doc.len())
        .map(|r| {
            doc.columns()
                .iter()
                .map(|&c| {
                    (
                        doc.column_key(c).to_owned(),
                        doc.cell_text(r, c).into_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_sample_row_parses_without_problems() {
    let doc = io::sample_document();
    assert_eq!(doc.len(), 60);
    assert_eq!(doc.problems(), vec![], "sample data problems");
    for row in 0..doc.len() {
        assert!(
            matches!(
                doc.place(row),
                crackdown_dashboard::data::document::Place::Region(_)
            ),
            "row {} has a province",
            row + 1
        );
    }
    // The unknown `confidence` column is kept.
    assert_eq!(doc.extra_names(), ["confidence"]);
}

#[test]
fn sample_csv_and_json_hold_the_same_rows() {
    let csv = io::read_path(Path::new("sample-data/crackdown-events.csv")).unwrap();
    let json = io::read_path(Path::new("sample-data/crackdown-events.json")).unwrap();
    let sorted = |d: &Document| -> Vec<Vec<(String, String)>> {
        cells(d)
            .into_iter()
            .map(|mut r| {
                r.retain(|(_, v)| !v.is_empty());
                r.sort();
                r
            })
            .collect()
    };
    assert_eq!(sorted(&csv), sorted(&json));
    // The binary embeds the same file.
    assert_eq!(cells(&csv), cells(&io::sample_document()));
}

fn tricky_document() -> Document {
    let text = "Date,Province/Region,Rigs,kWh saved,confidence,Notes,projects closed\n\
                2021-09-27,内蒙古,\"10,100\",6.58 billion,high,\"a, quoted\nnote\",45\n\
                2021-13-01,Atlantis,abc,,low,,-3\n\
                2019,Hebei,,,,,\n";
    io::read_bytes(Path::new("t.csv"), text.as_bytes(), Some(Format::Csv)).unwrap()
}

#[test]
fn save_then_open_gives_the_same_rows_in_csv_and_json() {
    let mut doc = tricky_document();
    assert_eq!(doc.problems().len(), 4, "{:?}", doc.problems());
    doc.apply(
        &Edit::SetCell {
            row: 2,
            column: Column::Field(Field::Coal),
            text: "12 t?".into(),
        },
        &mut NoObserver,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for name in ["out.csv", "out.json", "out.tsv"] {
        let path = dir.path().join(name);
        io::write_path(&doc, &path).unwrap();
        let back = io::read_path(&path).unwrap();
        assert_eq!(cells(&back), cells(&doc), "{name}");
        assert_eq!(back.problems(), doc.problems(), "{name}");
        assert_eq!(back.extra_names(), ["confidence"], "{name}");
        // Saving again writes the same bytes.
        let again = dir.path().join(format!("again-{name}"));
        io::write_path(&back, &again).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&again).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn unreadable_files_give_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "binary.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "not a text file",
        ),
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\n\r\n  \n", "empty"),
        ("bad.json", b"[{\"date\": \"2021\",]", "not valid JSON"),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let e = io::read_path(&path).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains(name) && text.contains(expect),
            "{name}: {text}"
        );
    }
    let missing = io::read_path(&dir.path().join("missing.csv")).unwrap_err();
    assert!(missing.to_string().contains("does not exist"), "{missing}");
}

#[test]
fn a_file_that_is_not_utf8_opens_with_a_guessed_encoding() {
    let bytes = b"date,province,source\n2021,Hebei,Caf\xe9 R\xe9publique \x96 news\n";
    let import = io::read::<LoadSums>(
        Path::new("latin.csv"),
        bytes,
        None,
        &io::ReadOptions::default(),
    )
    .unwrap();
    assert!(
        import.report.needs_preview(),
        "the guess is shown to the user"
    );
    assert!(
        import.report.guesses[0].contains("guessed"),
        "{:?}",
        import.report.guesses
    );
    assert_eq!(import.doc.len(), 1);
    // The user can override the guess.
    let options = io::ReadOptions {
        encoding: Some("windows-1252".into()),
        ..Default::default()
    };
    let import = io::read::<LoadSums>(Path::new("latin.csv"), bytes, None, &options).unwrap();
    assert_eq!(
        import.doc.cell_text(0, Column::Field(Field::Source)),
        "Café République – news"
    );
}

#[test]
fn failed_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.csv");
    std::fs::write(&path, "date\n2020\n").unwrap();
    let doc = tricky_document();
    // A folder in the way of the temporary file makes the save fail.
    let blocker = dir
        .path()
        .join(format!(".keep.csv.{}.tmp", std::process::id()));
    std::fs::create_dir(&blocker).unwrap();
    let e = io::write_path(&doc, &path).unwrap_err();
    assert!(e.to_string().contains("previous file is unchanged"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "date\n2020\n");
}

#[test]
fn rows_wider_than_the_header_keep_their_cells() {
    let text = "date,province,rigs\n2021,Hebei,5,extra cell,another\n2020,Sichuan,1\n";
    let doc = io::read_bytes(Path::new("wide.csv"), text.as_bytes(), None).unwrap();
    assert_eq!(doc.extra_names(), ["column 4", "column 5"]);
    assert_eq!(doc.cell_text(0, Column::Extra(0)), "extra cell");
    assert_eq!(doc.cell_text(0, Column::Extra(1)), "another");
    assert_eq!(doc.cell_text(1, Column::Extra(0)), "");
    assert_eq!(doc.len(), 2);
}

#[test]
fn json_shapes_and_header_synonyms() {
    for text in [
        r#"[{"Date": "2021-09", "Province/Region": "Nei Mongol", "machines seized": 5}]"#,
        r#"{"events": [{"date": "2021-09", "province": "CN-NM", "rigs_seized": "5"}]}"#,
    ] {
        let doc = io::read_bytes(Path::new("x.json"), text.as_bytes(), None).unwrap();
        assert_eq!(doc.len(), 1);
        assert_eq!(doc.cell_text(0, Column::Field(Field::Rigs)), "5");
        assert_eq!(
            crackdown_dashboard::data::document::Document::place_name(doc.place(0)),
            "Inner Mongolia"
        );
    }
}

#[test]
fn text_starting_with_a_bracket_is_not_taken_for_json() {
    let text = "[notes],date,province,rigs\nx,2021,Hebei,5\n";
    for name in ["b.csv", "b.dat"] {
        let doc = io::read_bytes(Path::new(name), text.as_bytes(), None).unwrap();
        assert_eq!(doc.len(), 1, "{name}");
        assert_eq!(doc.cell_text(0, Column::Field(Field::Rigs)), "5");
    }
}

#[test]
fn a_truncated_spreadsheet_gives_a_message_not_a_crash() {
    // Found by fuzzing: calamine panics on a cut .xls; the reader turns that into a message.
    let xls = std::fs::read("tests/fixtures/xls_sheet.xls").unwrap();
    for cut in [512, 4096, xls.len() / 2] {
        let e = io::read_bytes(Path::new("cut.xls"), &xls[..cut.min(xls.len())], None).unwrap_err();
        assert!(e.to_string().contains("cut.xls"), "{e}");
    }
    let xlsx = std::fs::read("tests/fixtures/xlsx_one_sheet.xlsx").unwrap();
    let e = io::read_bytes(Path::new("cut.xlsx"), &xlsx[..xlsx.len() / 2], None).unwrap_err();
    assert!(e.to_string().contains("cut.xlsx"), "{e}");
}

/// A file big enough to be read in parallel parts, with quoted multi-line notes around the cuts,
/// reads exactly as the csv crate splits it, cell for cell.
#[test]
fn a_large_file_read_in_parallel_parts_matches_a_sequential_read() {
    let text = common::csv_with_quoted_notes(60_000, 3, 0);
    assert!(text.len() > 4 << 20, "big enough for parallel parts");
    let doc = io::read_bytes(Path::new("big.csv"), text.as_bytes(), None).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(doc.len(), records.len() - 1);
    let columns = doc.columns().to_vec();
    for (row, rec) in records[1..].iter().enumerate() {
        for (i, cell) in rec.iter().enumerate() {
            assert_eq!(
                doc.file_text(row, columns[i]),
                cell,
                "row {} column {}",
                row + 1,
                i + 1
            );
        }
    }
}

/// The aggregates summed while the parts of a large file are read are what a pass over the
/// finished document gives (events, running totals, undated rows with figures, every period);
/// when the unambiguous numeric dates then settle the date order, the reader's sums are not kept.
#[test]
fn aggregates_summed_while_reading_equal_a_pass_over_the_document() {
    use crackdown_dashboard::analysis::{Aggregates, Filter, Granularity};
    let mut text = String::new();
    for (i, line) in crackdown_dashboard::synth::csv(60_000, 5)
        .lines()
        .enumerate()
    {
        match i % 1_009 {
            // Undated rows with figures, and figures that do not parse.
            500 => text.push_str(",Hebei,,raid,3,40,,,event,,undated"),
            700 => text.push_str("2021-05-06,Sichuan,,raid,many,12,,,event,,bad figure"),
            _ => text.push_str(line),
        }
        text.push('\n');
    }
    assert!(text.len() > 4 << 20, "big enough for parallel parts");
    assert!(
        text.contains("running_total"),
        "running totals are summed too"
    );
    let path = Path::new("sums.csv");
    let import =
        io::read::<LoadSums>(path, text.as_bytes(), None, &io::ReadOptions::default()).unwrap();
    let mut read = import.aggregates.expect("summed while reading");
    let mut pass = Aggregates::build(&import.doc);
    assert_eq!(read.undated_with_figures(), pass.undated_with_figures());
    assert!(read.undated_with_figures() > 50);
    assert_eq!(read.places(), pass.places());
    for g in [Granularity::Month, Granularity::Quarter, Granularity::Year] {
        assert_eq!(
            read.view(g, &Filter::default()),
            pass.view(g, &Filter::default())
        );
    }
    for place in pass.places() {
        for m in crackdown_dashboard::data::document::Metric::ALL {
            assert_eq!(read.steps(place, m).to_vec(), pass.steps(place, m).to_vec());
        }
    }
    // Day-first dates (13/04 can only be day/month) make the reader settle the order after
    // the rows are in: the 04/05 rows read differently then, so the sums are made again.
    let dated = text.replacen(
        "\n2021-05-06,Sichuan",
        "\n13/04/2021,Sichuan,,raid,1,1,,,event,,\n04/05/2021,Sichuan",
        1,
    );
    let import =
        io::read::<LoadSums>(path, dated.as_bytes(), None, &io::ReadOptions::default()).unwrap();
    assert_eq!(
        import.doc.date_order(),
        crackdown_dashboard::data::value::DateOrder::DayFirst
    );
    assert!(
        import.aggregates.is_none(),
        "the sums of the read order are dropped"
    );
}

/// Errors say what kind of problem they are (the sentence stays as it was) and keep the error
/// behind them, where there was one.
#[test]
fn errors_have_kinds_and_sources() {
    use crackdown_dashboard::io::ErrorKind;
    use std::error::Error;
    let dir = tempfile::tempdir().unwrap();
    let missing = io::read_path(&dir.path().join("missing.csv")).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    let source = missing.source().expect("the I/O error is kept");
    assert_eq!(
        source
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind),
        Some(std::io::ErrorKind::NotFound)
    );
    let binary = io::read_bytes(Path::new("x.csv"), b"\x89PNG\r\n\x1a\n\0\0", None).unwrap_err();
    assert_eq!(binary.kind(), ErrorKind::Binary);
    assert!(binary.source().is_some());
    let bad = io::read_bytes(
        Path::new("x.json"),
        b"[\n  {\"date\": 1,,}\n]",
        Some(Format::Json),
    )
    .unwrap_err();
    let ErrorKind::Syntax { line, column } = bad.kind() else {
        panic!("{bad}: {:?}", bad.kind());
    };
    assert_eq!(line, 2, "{bad}");
    assert!(
        bad.message
            .starts_with(&format!("line 2, column {column}:")),
        "{bad}"
    );
    let deep = "[".repeat(500);
    let e = io::read_bytes(Path::new("x.json"), deep.as_bytes(), Some(Format::Json)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooDeep, "{e}");
    let e =
        io::read_bytes(Path::new("x.json"), b"{\"other\": []}", Some(Format::Json)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotATable, "{e}");
    // No column the app knows: read with every column kept, for the preview to map them.
    let import = io::read::<()>(
        Path::new("nothing.csv"),
        b"foo,bar\n1,2\n",
        None,
        &io::ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(import.doc.extra_names(), ["foo", "bar"]);
    assert!(import.report.needs_preview());
    assert!(
        import
            .report
            .guesses
            .iter()
            .any(|g| g.contains("no column has a name the app knows")),
        "{:?}",
        import.report.guesses
    );
    let e = io::read_bytes(Path::new("blank.csv"), b"  \n\n", None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Empty, "{e}");
    let e =
        io::read_bytes(Path::new("x.xlsx"), b"date,province\n", Some(Format::Xlsx)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotAWorkbook, "{e}");
    let xlsx = std::fs::read("tests/fixtures/xlsx_one_sheet.xlsx").unwrap();
    let e = io::read_bytes(Path::new("cut.xlsx"), &xlsx[..xlsx.len() / 2], None).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Spreadsheet | ErrorKind::Damaged),
        "{e}: {:?}",
        e.kind()
    );
    let doc = io::sample_document();
    let e = io::to_bytes(&doc, Format::Ods).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported);
    let e = io::write_path(&doc, &dir.path().join("out.ods")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported);
    let e = io::write_path(&doc, &dir.path().join("no-such-folder").join("out.csv")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Write);
    assert!(e.source().is_some());
    // A load cancelled before it starts ends as cancelled, whichever reader takes the file.
    for name in ["sample.csv", "sample.json"] {
        let path = dir.path().join(name);
        let bytes = io::to_bytes(&doc, Format::from_path(&path).unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        let progress = io::Progress::default();
        progress.cancel();
        let e = io::read_path_progress::<()>(&path, &io::ReadOptions::default(), &progress)
            .err()
            .expect("cancelled");
        assert_eq!(e.kind(), ErrorKind::Cancelled, "{name}: {e}");
    }
}
