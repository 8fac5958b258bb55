//! The interface's language and its texts (egui-free).
//!
//! Every text the interface shows is looked up by key in the Fluent files of
//! `assets/locales/<language>/*.ftl`, which are built into the binary (`fluent-templates`'
//! `static_loader!`; nothing is read at run time). Each area of the code keeps its keys in its own
//! file (`main.ftl`, `views.ftl`, …) with the same name in every language; `tests/i18n.rs` checks
//! that every key exists in every language. Unicode isolation marks around arguments are turned
//! off: egui would draw them as boxes.
//!
//! The language is per thread (the UI thread sets it from the settings at the start of each frame,
//! so tests running side by side each keep their own); threads that never set it use English.
//!
//! Use [`tr!`](crate::tr): `tr!("menu-file")`, or with arguments
//! `tr!("rows-left-out", count = 3, file = name)`.

use std::cell::Cell;

mod msg;
pub use msg::{Arg, Msg};

pub use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./assets/locales",
        fallback_language: "en",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Language {
    /// Every language, in the order the View menu lists them.
    pub const ALL: [Language; 2] = [Language::En, Language::Zh];

    /// Its Fluent identifier (the folder under `assets/locales`).
    pub fn id(self) -> LanguageIdentifier {
        match self {
            Language::En => langid!("en"),
            Language::Zh => langid!("zh-CN"),
        }
    }

    /// Its own name, as a menu lists it ("English", "中文").
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Zh => "中文",
        }
    }

    /// The language of a locale such as `zh-CN`, `zh_TW.UTF-8` or `en-GB`: Chinese for any `zh`,
    /// English otherwise.
    pub fn from_locale(locale: &str) -> Language {
        let l = locale.trim().to_ascii_lowercase();
        if l == "zh" || l.starts_with("zh-") || l.starts_with("zh_") {
            Language::Zh
        } else {
            Language::En
        }
    }

    /// The system's language (`sys-locale`), English when it cannot be told. Read once per
    /// process: the app asks every frame, and the system's locale does not change under it.
    pub fn system() -> Language {
        static SYSTEM: std::sync::OnceLock<Language> = std::sync::OnceLock::new();
        *SYSTEM.get_or_init(|| {
            sys_locale::get_locale().map_or(Language::En, |l| Language::from_locale(&l))
        })
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::En) };
}

/// Sets this thread's language.
pub fn set_language(lang: Language) {
    CURRENT.with(|c| c.set(lang));
}

/// This thread's language.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// The text of `key` in this thread's language (English when that language lacks it; the key
/// itself when no language has it, so a missing key shows rather than vanishing).
pub fn text(key: &str) -> String {
    LOCALES
        .try_lookup(&language().id(), key)
        .unwrap_or_else(|| key.to_owned())
}

/// The text of `key` with its arguments filled in.
pub fn text_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    text_with_in(language(), key, args)
}

/// The text of `key` in `lang` with its arguments filled in.
pub fn text_with_in(
    lang: Language,
    key: &str,
    args: &[(&'static str, FluentValue<'static>)],
) -> String {
    let map = args
        .iter()
        .map(|(k, v)| (std::borrow::Cow::Borrowed(*k), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(&lang.id(), key, &map)
        .unwrap_or_else(|| key.to_owned())
}

/// The text of a key, in the current language: `tr!("key")` or `tr!("key", name = value, …)`
/// (values: anything `FluentValue` is made from: strings, numbers).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with(
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_the_language() {
        assert_eq!(Language::from_locale("zh-CN"), Language::Zh);
        assert_eq!(Language::from_locale("zh_TW.UTF-8"), Language::Zh);
        assert_eq!(Language::from_locale("en-GB"), Language::En);
        assert_eq!(Language::from_locale("de"), Language::En);
    }

    #[test]
    fn texts_follow_the_threads_language_without_isolation_marks() {
        set_language(Language::Zh);
        let zh = crate::tr!("app-name");
        let n = crate::tr!("rows-count", count = 3);
        set_language(Language::En);
        let en = crate::tr!("app-name");
        assert_eq!(en, "Mining Crackdown Dashboard");
        assert_eq!(zh, "挖矿整治仪表板");
        assert_eq!(n, "3 行");
        assert!(!n.contains('\u{2068}') && !n.contains('\u{2069}'));
        assert_eq!(crate::tr!("no-such-key"), "no-such-key");
    }
}
