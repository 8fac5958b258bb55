//! Every key the code names in `tr!("key", …)` or `msg!("key", …)` has a text in the English
//! Fluent files (and so, by `tests/i18n.rs`, in Chinese too): a key with no text would show as
//! the key itself, in the window and in the command line's English.

use std::collections::BTreeSet;
use std::path::Path;

/// The keys defined in the `.ftl` files of `dir`.
fn defined(dir: &Path) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                if let Some((id, _)) = line.split_once(" =")
                    && !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    keys.insert(id.to_owned());
                }
            }
        }
    }
    keys
}

/// The keys named by `tr!(` and `msg!(` in the Rust files under `dir`, each with its file.
fn used(dir: &Path, out: &mut BTreeSet<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for mac in ["tr!(", "msg!("] {
                for (at, _) in text.match_indices(mac) {
                    // Not `include_str!(`, not an example in a comment.
                    let before = &text[..at];
                    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
                    if before
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                        || line.trim_start().starts_with("//")
                    {
                        continue;
                    }
                    let rest = text[at + mac.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue; // the macro's own definition
                    };
                    let key: String = rest.chars().take_while(|&c| c != '"').collect();
                    out.insert((key, path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_key_the_code_names_has_an_english_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let keys = defined(&root.join("assets/locales/en"));
    let mut named = BTreeSet::new();
    used(&root.join("src"), &mut named);
    assert!(named.len() > 200, "only {} keys found", named.len());
    let missing: Vec<_> = named
        .iter()
        .filter(|(k, _)| !keys.contains(k) && k != "key" && k != "no-such-key")
        .collect();
    assert!(missing.is_empty(), "no English text for {missing:?}");
}
