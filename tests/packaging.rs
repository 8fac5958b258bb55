//! The packaging configuration names what it must: the .deb (Cargo.toml's
//! `[package.metadata.deb]`), the Windows installer and macOS bundle (cargo-packager's
//! `[package.metadata.packager]` and `assets/macos/Info.plist`), the `.desktop` entry, the
//! icons they point at, and the man page. The Windows and macOS packages cannot be built on this
//! machine, so their configuration is checked here; the .deb is also built, installed and
//! started by `scripts/deb-window`.

use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The six file types the app opens: extension and MIME type.
const TYPES: [(&str, &str); 6] = [
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
    ("json", "application/json"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("xls", "application/vnd.ms-excel"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn manifest() -> toml::Table {
    read("Cargo.toml").parse().unwrap()
}

fn metadata(key: &str) -> toml::Table {
    manifest()["package"]["metadata"][key]
        .as_table()
        .unwrap_or_else(|| panic!("[package.metadata.{key}]"))
        .clone()
}

/// The `.desktop` entry's keys (its one group).
fn desktop_entry() -> Vec<(String, String)> {
    let text = read("assets/crackdown-dashboard.desktop");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l.split_once('=').unwrap_or_else(|| panic!("{l}"));
            (k.to_owned(), v.to_owned())
        })
        .collect()
}

fn desktop_key(key: &str) -> String {
    desktop_entry()
        .into_iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("no {key}= in the .desktop entry"))
        .1
}

#[test]
fn the_desktop_entry_opens_every_type_with_the_installed_binary() {
    let mime: BTreeSet<String> = desktop_key("MimeType")
        .split(';')
        .filter(|m| !m.is_empty())
        .map(str::to_owned)
        .collect();
    let want: BTreeSet<String> = TYPES.iter().map(|(_, m)| (*m).to_owned()).collect();
    assert_eq!(mime, want);
    assert_eq!(desktop_key("Exec"), "crackdown-dashboard %F");
    assert_eq!(desktop_key("Icon"), "crackdown-dashboard");
    assert_eq!(desktop_key("Type"), "Application");
    assert_eq!(desktop_key("Terminal"), "false");
}

/// The .deb's assets: source in the repo → path installed.
fn deb_assets() -> Vec<(String, String)> {
    metadata("deb")["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let a = a.as_array().unwrap();
            (
                a[0].as_str().unwrap().to_owned(),
                a[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_deb_installs_binary_entry_man_page_and_every_hicolor_icon() {
    let assets = deb_assets();
    let installs = |src: &str, dest: &str| assets.iter().any(|(s, d)| s == src && d == dest);
    assert!(installs("target/release/crackdown-dashboard", "usr/bin/"));
    assert!(installs(
        "assets/crackdown-dashboard.desktop",
        "usr/share/applications/"
    ));
    assert!(installs(
        "assets/crackdown-dashboard.1",
        "usr/share/man/man1/"
    ));
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let src = format!("assets/icon/crackdown-dashboard-{size}.png");
        let dest = format!("usr/share/icons/hicolor/{size}x{size}/apps/crackdown-dashboard.png");
        assert!(installs(&src, &dest), "{size} px icon");
        let png = std::fs::read(Path::new(ROOT).join(&src)).unwrap();
        // PNG header, then IHDR's width and height (big-endian).
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{src}");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (size, size), "{src}");
    }
    for (src, _) in assets.iter().filter(|(s, _)| !s.starts_with("target/")) {
        assert!(Path::new(ROOT).join(src).is_file(), "{src} is in the repo");
    }
}

#[test]
fn the_deb_depends_on_the_libraries_winit_loads_at_run_time() {
    let depends = metadata("deb")["depends"].as_str().unwrap().to_owned();
    let names: Vec<&str> = depends.split(',').map(str::trim).collect();
    for lib in [
        "$auto",
        "libxkbcommon-x11-0",
        "libgl1",
        "libegl1",
        "libxcursor1",
        "libxrandr2",
        "libxi6",
    ] {
        assert!(names.contains(&lib), "depends lacks {lib}: {depends}");
    }
}

#[test]
fn the_windows_installer_associates_every_type_and_has_the_icon() {
    let packager = metadata("packager");
    let formats: Vec<&str> = packager["formats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        formats.contains(&"nsis") && formats.contains(&"app"),
        "{formats:?}"
    );
    let associations = packager["file-associations"].as_array().unwrap();
    for (ext, mime) in TYPES {
        assert!(
            associations.iter().any(|a| {
                a["extensions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e.as_str() == Some(ext))
                    && a["mime-type"].as_str() == Some(mime)
                    && a.get("description").is_some()
            }),
            "no file association for .{ext} ({mime})"
        );
    }
    let icons: Vec<&str> = packager["icons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    for icon in &icons {
        assert!(Path::new(ROOT).join(icon).is_file(), "{icon}");
    }
    assert!(icons.iter().any(|i| i.ends_with(".ico")));
    assert!(icons.iter().any(|i| i.ends_with(".icns")));
    let nsis_icon = packager["nsis"]["installer-icon"].as_str().unwrap();
    assert!(Path::new(ROOT).join(nsis_icon).is_file());
    // The .exe's own icon: build.rs embeds the .ico with winresource, on Windows only.
    let build = read("build.rs");
    assert!(build.contains("set_icon(\"assets/icon/crackdown-dashboard.ico\")"));
    let winresource = &manifest()["target"]["cfg(windows)"]["build-dependencies"];
    assert!(winresource.get("winresource").is_some());
    let ico = std::fs::read(Path::new(ROOT).join("assets/icon/crackdown-dashboard.ico")).unwrap();
    assert_eq!(&ico[..4], b"\0\0\x01\0", "an .ico file");
    let count = u16::from_le_bytes([ico[4], ico[5]]);
    assert!(count >= 6, "the .ico holds {count} sizes");
    let icns = std::fs::read(Path::new(ROOT).join("assets/icon/crackdown-dashboard.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
}

#[test]
fn the_mac_bundle_declares_csv_json_and_xlsx_documents() {
    let macos = &metadata("packager")["macos"];
    let path = macos["info-plist-path"].as_str().unwrap();
    let plist = plist::Value::from_file(Path::new(ROOT).join(path)).unwrap();
    let types = plist.as_dictionary().unwrap()["CFBundleDocumentTypes"]
        .as_array()
        .unwrap();
    let declared = |ext: &str, uti: &str| {
        types.iter().any(|t| {
            let t = t.as_dictionary().unwrap();
            let has = |key: &str, value: &str| {
                t.get(key)
                    .and_then(plist::Value::as_array)
                    .is_some_and(|a| a.iter().any(|v| v.as_string() == Some(value)))
            };
            has("CFBundleTypeExtensions", ext)
                && has("LSItemContentTypes", uti)
                && t.get("CFBundleTypeRole").and_then(plist::Value::as_string) == Some("Editor")
        })
    };
    assert!(declared("csv", "public.comma-separated-values-text"));
    assert!(declared("json", "public.json"));
    assert!(declared("xlsx", "org.openxmlformats.spreadsheetml.sheet"));
}

#[test]
fn the_man_page_describes_every_subcommand() {
    let man = read("assets/crackdown-dashboard.1");
    let section = man
        .split(".SH COMMANDS")
        .nth(1)
        .expect("a COMMANDS section")
        .split("\n.SH ")
        .next()
        .unwrap();
    // Each subcommand is a `.TP` paragraph whose tag line is `.B name ...`.
    let described: BTreeSet<&str> = section
        .split(".TP\n")
        .skip(1)
        .filter_map(|p| p.strip_prefix(".B ")?.split_whitespace().next())
        .collect();
    let known: BTreeSet<&str> = crackdown_dashboard::cli::COMMANDS.iter().copied().collect();
    assert_eq!(
        described, known,
        "the man page's COMMANDS and cli::COMMANDS"
    );
    for command in crackdown_dashboard::cli::COMMANDS {
        assert!(
            crackdown_dashboard::cli::USAGE.contains(&format!("crackdown-dashboard {command}")),
            "--help lacks {command}"
        );
    }
}
