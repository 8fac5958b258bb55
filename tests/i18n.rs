//! Every text key exists in every language: the Fluent files of `assets/locales/<language>/` have
//! the same names and the same keys, and each key's text loads in each language with the
//! variables it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crackdown_dashboard::i18n::{self, Language};

/// The message keys of a Fluent file (identifiers at the start of a line followed by `=`), each
/// with the variables (`$name`) its text uses, up to the next key.
fn keys(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut keys = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let id = line
            .split_once('=')
            .map(|(id, _)| id.trim_end())
            .filter(|id| {
                id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        if let Some(id) = id {
            current = Some(id.to_owned());
            keys.insert(id.to_owned(), BTreeSet::new());
        }
        if let Some(key) = &current {
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if !name.is_empty() {
                    keys.get_mut(key).unwrap().insert(name);
                }
            }
        }
    }
    keys
}

fn files(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/locales")
        .join(lang);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".ftl"))
        .collect()
}

#[test]
fn every_english_key_has_a_chinese_text_and_the_other_way_round() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
    assert_eq!(
        files("en"),
        files("zh-CN"),
        "the same .ftl files in en and zh-CN"
    );
    let mut all = 0;
    for file in files("en") {
        let en = keys(&root.join("en").join(&file));
        let zh = keys(&root.join("zh-CN").join(&file));
        let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            only_en.is_empty(),
            "{file}: no Chinese text for {only_en:?}"
        );
        assert!(
            only_zh.is_empty(),
            "{file}: no English text for {only_zh:?}"
        );
        for (key, vars) in &en {
            // Each variable given, as a number (which also picks a plural form).
            let args: Vec<(&'static str, i18n::FluentValue<'static>)> = vars
                .iter()
                .map(|v| (&*Box::leak(v.clone().into_boxed_str()), 2.into()))
                .collect();
            for lang in Language::ALL {
                i18n::set_language(lang);
                let shown = i18n::text_with(key, &args);
                assert_ne!(&shown, key, "{file}: {key} does not load in {lang:?}");
            }
        }
        all += en.len();
    }
    assert!(all > 0, "no keys found");
}

/// Every character of the Chinese texts that is not ASCII has a glyph in the bundled Noto Sans SC
/// subset (ASCII also comes from egui's own font), so no Chinese text can hit egui's missing-glyph
/// panic on a machine without CJK fonts.
#[test]
fn every_character_of_the_chinese_texts_is_in_the_bundled_font() {
    let face = ttf_parser::Face::parse(crackdown_dashboard::picture::font::FONT_BYTES, 0).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales/zh-CN");
    let mut missing = BTreeSet::new();
    let mut checked = 0;
    for file in files("zh-CN") {
        let text = std::fs::read_to_string(root.join(&file)).unwrap();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            for c in line.chars().filter(|c| !c.is_ascii()) {
                checked += 1;
                if face.glyph_index(c).is_none() {
                    missing.insert((file.clone(), c));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} characters checked");
    assert!(missing.is_empty(), "not in the bundled font: {missing:?}");
}

#[test]
fn no_key_is_defined_in_two_files() {
    // All files of a language make one bundle: a key in two areas' files would hide one text.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
    for lang in ["en", "zh-CN"] {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        for file in files(lang) {
            for key in keys(&root.join(lang).join(&file)).into_keys() {
                if let Some(other) = seen.insert(key.clone(), file.clone()) {
                    panic!("{lang}: “{key}” is in both {other} and {file}");
                }
            }
        }
    }
}
