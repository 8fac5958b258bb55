//! The fast, parallel delimited-text reader gives exactly the records the csv crate gives, on
//! random text full of quotes, delimiters and line ends, whatever the cuts between parts, and
//! however the text is cut into chunks.

use crackdown_dashboard::io::fastcsv;
use proptest::prelude::*;

/// Records as the csv crate reads them (flexible, no headers), without empty records.
fn csv_crate(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn ours(text: &str, delimiter: u8, parts: usize) -> Vec<Vec<String>> {
    let cuts = fastcsv::guess_cuts(text, 0, parts);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..parts {
        // As the reader does: a part starts where the part before it really ended.
        let from = if i == 0 { 0 } else { start };
        let (end, stopped) = fastcsv::read_records(text, delimiter, from, cuts[i + 1], |f, _| {
            out.push(f.iter().map(|s| (*s).to_owned()).collect());
            true
        });
        assert!(!stopped);
        start = end;
    }
    out
}

/// Records read as a file read in chunks gives them: each chunk ends anywhere (at a character
/// boundary), a record that runs past it is read again with the next chunk.
fn chunked(text: &str, delimiter: u8, chunk: usize) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let (mut base, mut end) = (0, 0);
    loop {
        end = (end + chunk).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let more = end < text.len();
        let (at, ended) =
            fastcsv::read_chunk(&text[base..end], delimiter, 0, usize::MAX, more, |f, _| {
                out.push(f.iter().map(|s| (*s).to_owned()).collect());
                true
            });
        assert_ne!(ended, fastcsv::Ended::Cancelled);
        if !more {
            return out;
        }
        base += at;
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "bc", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "内",
        ]),
        0..80,
    )
    .prop_map(|v| v.concat())
}

/// Longer text, mostly plain records as files have them, so records and fields cross the
/// reader's 64-byte blocks; now and then a quote, a CR or an empty line.
fn long_text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "bc",
            "2021-09-27",
            "Inner Mongolia",
            "https://example.org/1",
            ",",
            ",",
            ",",
            ";",
            "\t",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "\"",
            " ",
            "内蒙古",
            "x".repeat(70).leak(),
        ]),
        0..400,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn same_records_as_the_csv_crate(text in text_strategy(), parts in 1usize..5, semicolon in any::<bool>()) {
        let d = if semicolon { b';' } else { b',' };
        prop_assert_eq!(ours(&text, d, parts), csv_crate(&text, d));
    }

    #[test]
    fn same_records_when_read_in_chunks(text in long_text_strategy(), chunk in 1usize..100, semicolon in any::<bool>()) {
        let d = if semicolon { b';' } else { b',' };
        prop_assert_eq!(chunked(&text, d, chunk), csv_crate(&text, d));
    }

    #[test]
    fn same_records_as_the_csv_crate_across_blocks(text in long_text_strategy(), parts in 1usize..5, delimiter in prop::sample::select(vec![b',', b';', b'\t'])) {
        prop_assert_eq!(ours(&text, delimiter, parts), csv_crate(&text, delimiter));
    }
}

#[test]
fn quoted_fields_across_lines_and_cuts() {
    let text = "a,b\n\"x\ny\",2\n\"he said \"\"hi\"\"\",3\n\"open\n,4\n";
    for parts in 1..8 {
        assert_eq!(
            ours(text, b',', parts),
            csv_crate(text, b','),
            "{parts} parts"
        );
    }
}
