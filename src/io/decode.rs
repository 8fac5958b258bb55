//! Text encodings: byte-order marks, UTF-8, and a guess (chardetng) for files without a BOM,
//! such as the GBK/GB18030 CSV files Chinese Excel writes.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// True when the encoding was guessed rather than known (no BOM and not valid UTF-8).
    pub guessed: bool,
    /// Something the user should know (a cut-off last character).
    pub warning: Option<crate::i18n::Msg>,
}

/// Binary data where text was expected: NUL bytes in what is not UTF-8 or UTF-16.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotText {
    /// Offset of the first NUL byte.
    pub at: usize,
}

impl NotText {
    /// The sentence in any language (the English is `Display`).
    pub fn message(&self) -> crate::i18n::Msg {
        crate::msg!("file-not-text", at = self.at.to_string())
    }
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message().english())
    }
}

impl std::error::Error for NotText {}

/// The lower-case name used in reports: `utf-8`, `utf-16le`, `gb18030`, `windows-1252`.
pub fn encoding_name(e: &'static Encoding) -> String {
    if e == GBK || e == GB18030 {
        "gb18030".into()
    } else {
        e.name().to_lowercase()
    }
}

/// Finds an encoding by a name a user may type or pick.
pub fn encoding_by_name(name: &str) -> Option<&'static Encoding> {
    match name.trim().to_lowercase().as_str() {
        "gbk" | "gb2312" | "gb18030" | "chinese" => Some(GB18030),
        n => Encoding::for_label(n.as_bytes()),
    }
}

/// Encodings offered in the import preview.
pub const CHOICES: &[&str] = &[
    "utf-8",
    "gb18030",
    "utf-16le",
    "utf-16be",
    "big5",
    "shift_jis",
    "windows-1252",
    "iso-8859-1",
];

/// Decodes `bytes`: with `forced` when the user chose an encoding, else by BOM, else as UTF-8
/// when valid, else as the best guess. Binary data (NUL bytes outside UTF-16) is refused.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, NotText> {
    if let Some(enc) = forced {
        let (text, _) = enc.decode_with_bom_removal(bytes);
        return Ok(Decoded {
            text,
            encoding: enc,
            guessed: false,
            warning: None,
        });
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning =
            had_errors.then(|| crate::msg!("warning-invalid-bytes", encoding = encoding_name(enc)));
        return Ok(Decoded {
            text,
            encoding: enc,
            guessed: false,
            warning,
        });
    }
    // NUL bytes in text that is not UTF-8 mean binary data. (Valid UTF-8 may hold a NUL in a
    // cell, as our own saves of such a cell do; it is kept.)
    // UTF-8 is checked first: valid text needs no search for NUL bytes.
    // (SIMD validation first, several times faster on a large file; the standard library's
    // says where invalid text starts.)
    let utf8 = match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(_) => std::str::from_utf8(bytes),
    };
    if utf8.is_err()
        && let Some(pos) = memchr::memchr(0, bytes)
    {
        return Err(NotText { at: pos });
    }
    match utf8 {
        Ok(s) => Ok(Decoded {
            text: Cow::Borrowed(s),
            encoding: UTF_8,
            guessed: false,
            warning: None,
        }),
        Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
            // Valid UTF-8 whose last character was cut off (a truncated download or copy).
            let (text, _) = UTF_8.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text,
                encoding: UTF_8,
                guessed: false,
                warning: Some(crate::msg!("warning-cut-character")),
            })
        }
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
            let enc = if enc == GBK { GB18030 } else { enc };
            let (text, _, _) = enc.decode(bytes);
            Ok(Decoded {
                text,
                encoding: enc,
                guessed: true,
                warning: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_utf8_and_guesses() {
        let d = decode(b"\xEF\xBB\xBFdate\n", None).unwrap();
        assert_eq!(
            (d.text.as_ref(), encoding_name(d.encoding), d.guessed),
            ("date\n", "utf-8".into(), false)
        );
        let d = decode(b"\xFF\xFEd\0a\0", None).unwrap();
        assert_eq!(
            (d.text.as_ref(), encoding_name(d.encoding)),
            ("da", "utf-16le".into())
        );
        let d = decode(b"\xFE\xFF\0d\0a", None).unwrap();
        assert_eq!(
            (d.text.as_ref(), encoding_name(d.encoding)),
            ("da", "utf-16be".into())
        );
        let (gbk, _, _) = GB18030.encode("日期,省份\n2021年9月27日,内蒙古自治区,巴彦淖尔\n");
        let d = decode(&gbk, None).unwrap();
        assert!(d.guessed);
        assert_eq!(encoding_name(d.encoding), "gb18030");
        assert!(d.text.contains("内蒙古自治区"), "{}", d.text);
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", None)
                .unwrap_err()
                .to_string()
                .contains("not a text file")
        );
        let d = decode("内蒙".as_bytes().split_at(5).0, None).unwrap();
        assert!(d.warning.is_some());
        assert_eq!(encoding_by_name("GBK"), Some(GB18030));
    }
}
