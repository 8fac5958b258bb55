//! `export`, run as a script would run it (the real binary, no window), and the pictures it
//! writes: sizes at each scale, the palette's colours of the shown provinces, the SVG's text and
//! text alternative, the SVG rendered with resvg against the PNG of a separate run, the footer's
//! sources, and bad arguments.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crackdown_dashboard::analysis::{Filter, Granularity};
use crackdown_dashboard::data::document::Metric;
use crackdown_dashboard::picture::font::{FAMILY, FONT_BYTES};
use crackdown_dashboard::picture::palette::place_rgb;
use crackdown_dashboard::session::Session;
use resvg::{tiny_skia, usvg};

const SAMPLE: &str = "sample-data/crackdown-events.csv";

/// The binary, logging into a test folder instead of the user's data folder.
fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crackdown-dashboard"))
        .env(
            "CRACKDOWN_DATA_DIR",
            std::env::temp_dir().join("crackdown-dashboard-tests"),
        )
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

/// Runs `export SAMPLE args… --out dir/name` and checks it succeeded.
fn exported(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let mut all = vec![SAMPLE];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let o = export(&all);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn colors(img: &image::RgbaImage) -> HashSet<[u8; 3]> {
    img.pixels().map(|p| [p.0[0], p.0[1], p.0[2]]).collect()
}

#[test]
fn a_2x_png_is_exactly_twice_the_1x_png() {
    let dir = tempfile::tempdir().unwrap();
    for chart in ["rigs", "dashboard"] {
        let size = ["--width", "800", "--height", "450"];
        let one = exported(
            dir.path(),
            "one.png",
            &[&["--chart", chart][..], &size].concat(),
        );
        let two = exported(
            dir.path(),
            "two.png",
            &[&["--chart", chart, "--scale", "2"][..], &size].concat(),
        );
        let (a, b) = (image::open(one).unwrap(), image::open(two).unwrap());
        assert_eq!((a.width(), a.height()), (800, 450));
        assert_eq!((b.width(), b.height()), (1600, 900), "{chart} at 2×");
    }
    let three = exported(
        dir.path(),
        "three.png",
        &["--chart", "coal", "--scale", "3"],
    );
    let img = image::open(three).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (3600, 2025),
        "the default 1200×675 at 3×"
    );
}

#[test]
fn exports_of_the_sample_hold_each_shown_provinces_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::sample();
    let view = session
        .view(Granularity::Quarter, &Filter::default())
        .clone();
    for (chart, metric) in [("rigs", Metric::Rigs), ("projects", Metric::Projects)] {
        for kind in ["bars", "cumulative", "multiples", "ranking"] {
            let png = exported(
                dir.path(),
                &format!("{chart}-{kind}.png"),
                &["--chart", chart, "--view", kind],
            );
            let found = colors(&image::open(png).unwrap().to_rgba8());
            let shown = &view.chart(metric).unwrap().series;
            assert!(shown.len() >= 3, "the sample shows several provinces");
            for s in shown {
                let c = place_rgb(s.place).array();
                assert!(
                    found.contains(&c),
                    "{chart} {kind}: {:?} colour {c:?}",
                    s.place
                );
            }
        }
    }
    // The dashboard shows the provinces of every chart.
    let found = colors(
        &image::open(exported(dir.path(), "d.png", &["--chart", "dashboard"]))
            .unwrap()
            .to_rgba8(),
    );
    for chart in &view.charts {
        for s in &chart.series {
            assert!(found.contains(&place_rgb(s.place).array()), "{:?}", s.place);
        }
    }
    // Only the provinces asked for: Hebei (in the sample's rigs) is not drawn.
    let png = exported(
        dir.path(),
        "two.png",
        &["--chart", "rigs", "--provinces", "CN-NM,CN-GD"],
    );
    let found = colors(&image::open(png).unwrap().to_rgba8());
    let g = crackdown_dashboard::data::gazetteer::Gazetteer::get();
    let place =
        |name| crackdown_dashboard::data::document::Place::Region(g.resolve(name).unwrap().region);
    assert!(found.contains(&place_rgb(place("Inner Mongolia")).array()));
    assert!(found.contains(&place_rgb(place("Guangdong")).array()));
    assert!(!found.contains(&place_rgb(place("Hebei")).array()));
}

/// The SVG rendered here with resvg, the bundled font the only font, at `scale`.
fn render(svg: &str, scale: f32) -> image::RgbaImage {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(FONT_BYTES.to_vec());
    let options = usvg::Options {
        fontdb: std::sync::Arc::new(db),
        font_family: FAMILY.to_owned(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let (w, h) = (
        (tree.size().width() * scale).round() as u32,
        (tree.size().height() * scale).round() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    image::RgbaImage::from_raw(w, h, pixmap.take_demultiplied()).unwrap()
}

/// Whether two pixels differ by more than `levels` in any channel.
fn differs(a: &image::Rgba<u8>, b: &image::Rgba<u8>, levels: u8) -> bool {
    a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > levels)
}

/// The SVG holds text as `<text>`, the text alternative as `<title>`/`<desc>`, and rendered
/// with resvg it is the PNG that a separate `export --out x.png` run wrote.
///
/// Threshold: at most 0.1% of the pixels may differ by more than 8 of 255 levels in a channel.
/// Both are drawn by resvg from the same SVG text with the same font, so today they are equal;
/// the margin allows for anti-aliasing differences of a future resvg (edges of text and lines
/// change by a few levels), while a moved label, a missing bar or a different font changes
/// thousands of pixels by far more.
#[test]
fn the_svg_has_text_and_rendered_with_resvg_matches_the_png() {
    let dir = tempfile::tempdir().unwrap();
    for (chart, kind, theme) in [
        ("electricity", "bars", "light"),
        ("rigs", "cumulative", "dark"),
        ("dashboard", "ranking", "light"),
    ] {
        let args = [
            "--chart", chart, "--view", kind, "--theme", theme, "--scale", "2",
        ];
        let svg = std::fs::read_to_string(exported(dir.path(), "x.svg", &args)).unwrap();
        let png = image::open(exported(dir.path(), "x.png", &args))
            .unwrap()
            .to_rgba8();
        let doc = usvg::roxmltree::Document::parse(&svg).expect("well-formed XML");
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        assert!(
            texts.len() > 10,
            "{chart}: text stays text ({} runs)",
            texts.len()
        );
        let child = |tag: &str| {
            doc.root_element()
                .children()
                .find(|n| n.has_tag_name(tag))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_owned()
        };
        assert!(!child("title").is_empty());
        assert!(
            child("desc").contains("accounts for"),
            "the text alternative: {}",
            child("desc")
        );
        let rendered = render(&svg, 2.0);
        assert_eq!(rendered.dimensions(), png.dimensions());
        let off = rendered
            .pixels()
            .zip(png.pixels())
            .filter(|(a, b)| differs(a, b, 8))
            .count();
        let limit = (png.width() * png.height()) as usize / 1000;
        assert!(
            off <= limit,
            "{chart}: {off} pixels differ (at most {limit})"
        );
    }
}

/// All the text runs of an exported SVG, joined.
fn svg_text(path: &Path) -> String {
    let svg = std::fs::read_to_string(path).unwrap();
    let doc = usvg::roxmltree::Document::parse(&svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_footer_names_the_file_and_the_sources_of_the_shown_rows() {
    let dir = tempfile::tempdir().unwrap();
    let svg = exported(
        dir.path(),
        "nm.svg",
        &["--chart", "rigs", "--provinces", "CN-NM", "--width", "1600"],
    );
    let text = svg_text(&svg);
    assert!(text.contains("Source: crackdown-events.csv;"), "{text}");
    // Inner Mongolia's rigs come from one CoinDesk report; Guangdong's are not shown.
    assert!(
        text.contains("coindesk.com/policy/2021/09/27/inner-mongolia"),
        "{text}"
    );
    assert!(!text.contains("ithome.com"), "{text}");
    // Every province: Guangdong's sources are named too, and the rest counted.
    let all = svg_text(&exported(
        dir.path(),
        "all.svg",
        &["--chart", "rigs", "--width", "2400"],
    ));
    assert!(all.contains("ithome.com") || all.contains(" more"), "{all}");
    assert!(
        all.contains(" more"),
        "more sources than the footer names: {all}"
    );
}

#[test]
fn bad_arguments_exit_with_the_usage_code_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    let out = out.to_str().unwrap();
    for (args, says) in [
        (
            vec![SAMPLE, "--chart", "pie", "--out", out],
            "--chart takes",
        ),
        (
            vec![SAMPLE, "--chart", "map", "--metric", "pie", "--out", out],
            "--metric takes",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", "x.gif"],
            "use .png or .svg",
        ),
        (vec![SAMPLE, "--chart", "rigs"], "--out"),
        (vec![SAMPLE, "--out", out], "--chart"),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--scale", "0"],
            "--scale takes",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--width", "wide"],
            "--width takes",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--view", "pie"],
            "--view takes",
        ),
        (
            vec![
                SAMPLE,
                "--chart",
                "rigs",
                "--out",
                out,
                "--provinces",
                "CN-XX",
            ],
            "CN-XX",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--from", "soon"],
            "--from takes",
        ),
        (
            vec![
                SAMPLE, "--chart", "rigs", "--out", out, "--from", "2022", "--to", "2021",
            ],
            "after",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--theme", "blue"],
            "--theme takes",
        ),
        (
            vec![SAMPLE, "--chart", "rigs", "--out", out, "--bogus"],
            "unknown option --bogus",
        ),
    ] {
        let o = export(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} says {says:?}: {err}");
        assert!(err.contains("usage:"), "the usage follows");
    }
    assert!(!Path::new(out).exists(), "nothing written");
    // A file that cannot be read, or a picture that cannot be written: exit 1, the file named.
    let o = export(&["no-such-file.csv", "--chart", "rigs", "--out", out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-file.csv"));
    let unwritable = dir.path().join("missing-folder").join("x.png");
    let o = export(&[
        SAMPLE,
        "--chart",
        "rigs",
        "--out",
        unwritable.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("x.png"));
}

#[test]
fn the_map_export_is_twice_as_large_at_2x_and_colours_the_provinces_by_class() {
    use crackdown_dashboard::map::scale::{Fill, Scale};
    use crackdown_dashboard::map::values::{MapValues, When};
    let dir = tempfile::tempdir().unwrap();
    let one = exported(dir.path(), "map1.png", &["--chart", "map"]);
    let two = exported(dir.path(), "map2.png", &["--chart", "map", "--scale", "2"]);
    let (a, b) = (image::open(one).unwrap(), image::open(two).unwrap());
    assert_eq!((a.width(), a.height()), (1200, 675));
    assert_eq!((b.width(), b.height()), (2400, 1350));
    // Inner Mongolia's class (the most rigs) and the grey of provinces with no figure are there.
    let mut session = Session::sample();
    let view = session
        .view(Granularity::Quarter, &Filter::default())
        .clone();
    let values = MapValues::new(&view, Metric::Rigs, When::All, false);
    let scale = Scale::new(values.range.iter().copied(), false);
    let found = colors(&a.to_rgba8());
    for fill in [
        Fill::Class(scale.classes() - 1),
        Fill::Class(0),
        Fill::NoData,
    ] {
        assert!(found.contains(&scale.color(fill)), "{fill:?} is on the map");
    }
    let svg = svg_text(&exported(dir.path(), "map.svg", &["--chart", "map"]));
    assert!(
        svg.contains("Natural Earth") && svg.contains("No data"),
        "{svg}"
    );
}
