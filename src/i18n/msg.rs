//! [`Msg`]: a sentence made where the app cannot know the language it will be shown in (the
//! model's checks, the readers' guesses and errors, made on worker threads, which use English),
//! kept as a key and its arguments and rendered in the interface's language at display time.
//!
//! A `Msg` also holds its English text, rendered from the same key the first time it is asked for
//! (making one costs no more than the `format!` it replaces; a problem list of a million rows
//! shown in Chinese never renders its English), so the command line, the log and `check --json`
//! read it as a `&str` (it dereferences to the English) and every English consumer sees exactly
//! what the English `.ftl` file says.

use std::fmt;
use std::sync::OnceLock;

use super::{FluentValue, Language};

/// One argument of a [`Msg`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is (a cell's text, a file's name, a row number as text).
    Text(String),
    /// A whole number (picks a plural form; shown without separators).
    Count(i64),
    /// Another message, rendered in the same language.
    Msg(Box<Msg>),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A message's arguments, by name.
type Args = Vec<(&'static str, Arg)>;

/// A sentence by key and arguments, with its English text (see the module's notes). The default
/// is empty raw text. Messages are equal when their English is.
#[derive(Clone, Debug, Default)]
pub struct Msg {
    /// Rendered from `parts` when first asked for (given for raw text).
    english: OnceLock<String>,
    /// The key and arguments; `None` for text that has no translation (an operating system's
    /// own error message), shown as it is in every language.
    parts: Option<Box<(&'static str, Args)>>,
}

impl Msg {
    /// The message of `key` with `args`.
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg {
            english: OnceLock::new(),
            parts: Some(Box::new((key, args))),
        }
    }

    /// Text shown as it is in every language.
    pub fn raw(text: impl Into<String>) -> Msg {
        Msg {
            english: OnceLock::from(text.into()),
            parts: None,
        }
    }

    /// Its English text.
    pub fn english(&self) -> &str {
        self.english.get_or_init(|| match &self.parts {
            Some(p) => render(Language::En, p.0, &p.1),
            None => String::new(),
        })
    }

    /// Its key (`None` for raw text).
    pub fn key(&self) -> Option<&'static str> {
        self.parts.as_ref().map(|p| p.0)
    }

    /// Its text in this thread's language (the interface's, on the UI thread).
    pub fn text(&self) -> String {
        self.text_in(super::language())
    }

    /// Its text in `lang`.
    pub fn text_in(&self, lang: Language) -> String {
        match &self.parts {
            Some(p) if lang != Language::En => render(lang, p.0, &p.1),
            _ => self.english().to_owned(),
        }
    }
}

/// The text of `key` in `lang`, with `args` (nested messages in the same language).
fn render(lang: Language, key: &'static str, args: &[(&'static str, Arg)]) -> String {
    let values: Vec<(&'static str, FluentValue<'static>)> = args
        .iter()
        .map(|(name, a)| {
            let v = match a {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.text_in(lang)),
            };
            (*name, v)
        })
        .collect();
    super::text_with_in(lang, key, &values)
}

/// The English text.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// The English text, as a `&str`.
impl std::ops::Deref for Msg {
    type Target = str;
    fn deref(&self) -> &str {
        self.english()
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::raw(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::raw(s)
    }
}

impl PartialEq for Msg {
    fn eq(&self, other: &Msg) -> bool {
        self.english() == other.english()
    }
}

impl Eq for Msg {}

impl PartialEq<str> for Msg {
    fn eq(&self, other: &str) -> bool {
        self.english() == other
    }
}

impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.english() == *other
    }
}

impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.english())
    }
}

/// A [`Msg`] of a key with arguments: `msg!("key")`, `msg!("key", name = value, …)` (values:
/// anything an [`Arg`] is made from: `String`, `&str`, another `Msg`, and a `usize` for a number
/// that picks a plural form).
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        $crate::i18n::Msg::new($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Msg::new(
            $key,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date_parse::DateError;
    use crate::data::figure::FigureError;
    use crate::data::value::BasisError;

    /// The English of each message is what the model said before messages had keys (the
    /// command line and `check --json` print it), byte for byte.
    #[test]
    fn the_english_of_the_models_messages_is_unchanged() {
        let t = || "x".to_owned();
        let cases: Vec<(Msg, &str)> = vec![
            (DateError::Empty.message(), "empty"),
            (
                DateError::NotADate { text: t() }.message(),
                "“x” is not a date: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-09-27, 2021-09, 2021)",
            ),
            (
                DateError::NoDayAndMonth { text: t() }.message(),
                "“x” is not a date",
            ),
            (
                DateError::YearOutOfRange { year: 3000 }.message(),
                "year 3000 is outside 1990–2100",
            ),
            (
                DateError::Ambiguous {
                    text: "03/04/2021".into(),
                    first: 3,
                    second: 4,
                }
                .message(),
                "“03/04/2021” is ambiguous: 3 April or March 4? Choose the date order for this column",
            ),
            (
                DateError::NoSuchDay { text: t() }.message(),
                "“x” does not exist",
            ),
            (
                DateError::NoSuchMonth { month: 13 }.message(),
                "month 13 does not exist",
            ),
            (
                DateError::NoSuchDate {
                    year: 2021,
                    month: 2,
                    day: 30,
                }
                .message(),
                "2021-02-30 does not exist",
            ),
            (
                FigureError::Negative { text: t() }.message(),
                "“x” is negative; figures must be 0 or more",
            ),
            (
                FigureError::NotANumber { text: t() }.message(),
                "“x” is not a number",
            ),
            (
                FigureError::Separators { text: t() }.message(),
                "“x” is not a number (thousands separators go every three digits; use . for decimals)",
            ),
            (
                FigureError::TooLarge { text: t() }.message(),
                "“x” is too large",
            ),
            (
                FigureError::NotWhole { text: t() }.message(),
                "“x” is not a whole number",
            ),
            (
                FigureError::Ambiguous {
                    text: "1.234".into(),
                    here: "1234".into(),
                    usual: "1.234".into(),
                    format: "1.234,5",
                }
                .message(),
                "“1.234” could be 1.234 or 1234 (as 1,234.5, or as 1.234,5: this column's number format); type it without thousands separators",
            ),
            (
                FigureError::WrongFormat {
                    text: t(),
                    format: "1 234,5",
                }
                .message(),
                "“x” does not fit the number format 1 234,5 of its column; retype it or choose the number format when importing",
            ),
            (
                BasisError { text: t() }.message(),
                "“x” is not a basis: use event or running_total",
            ),
            (
                crate::msg!("notice-more", count = 1_usize),
                "1 more extra column holds numbers",
            ),
            (
                crate::msg!("notice-more", count = 30_usize),
                "30 more extra columns hold numbers",
            ),
            (
                crate::msg!("guess-header-row", row = "2", above = "1", count = 1_usize),
                "the header is row 2; row 1 above it is skipped",
            ),
            (
                crate::msg!("edit-clear-cells", count = 1_usize),
                "clearing of 1 cell",
            ),
            (
                crate::msg!("file-cannot-save", reason = crate::msg!("file-disk-full")),
                "could not be saved: the disk is full; the previous file is unchanged",
            ),
            (
                crate::msg!("json-no-events"),
                "the JSON object has no \"events\" array; expected [ {…}, … ] or {\"events\": [ {…}, … ]}",
            ),
            (
                crate::msg!("json-single-value"),
                "expected a JSON array of rows or {\"events\": [ … ]}, not a single value",
            ),
        ];
        for (msg, old) in cases {
            assert_eq!(msg.english(), old);
            assert_eq!(msg.to_string(), old);
        }
    }

    #[test]
    fn a_message_follows_the_threads_language_and_raw_text_stays() {
        let m = crate::msg!(
            "file-cannot-read",
            reason = crate::msg!("file-permission-denied")
        );
        crate::i18n::set_language(Language::Zh);
        let zh = m.text();
        let raw = Msg::raw("os error 5").text();
        crate::i18n::set_language(Language::En);
        assert_eq!(zh, "无法读取：没有权限");
        assert_eq!(m.text(), "cannot be read: permission denied");
        assert_eq!(&*m, "cannot be read: permission denied");
        assert_eq!(raw, "os error 5");
        assert_eq!(m.key(), Some("file-cannot-read"));
    }
}
