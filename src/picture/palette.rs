//! The province palette: one fixed colour per province, the same in every view and export, and
//! independent of which provinces a file holds (it is keyed by the ISO code, never by position).
//!
//! The sixteen provinces that appear most in the crackdown record get the colour-blind-safe
//! categorical sets: first Okabe & Ito's seven colours (Okabe & Ito 2008, "Color Universal
//! Design": distinguishable under protanopia, deuteranopia and tritanopia), then Paul Tol's nine
//! "muted" colours (Tol 2021, "Colour schemes", designed to stay distinct for colour-blind
//! readers and in greyscale print, and not to clash with Okabe–Ito). The other eighteen, which
//! rarely have figures, take Tol's "light" set and then Tol's "bright" and "dark" sets, repeated
//! lightness apart. No palette keeps 34 categories apart for every reader; a chart with many
//! provinces should show the top few and group the rest. National is grey, an unknown place a
//! darker grey.

use crate::data::document::Place;
use crate::data::gazetteer::{Gazetteer, NATIONAL};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The three channels.
    pub fn array(self) -> [u8; 3] {
        [self.0, self.1, self.2]
    }
}

const fn hex(v: u32) -> Rgb {
    Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// National events.
pub const NATIONAL_GREY: Rgb = hex(0x88_88_88);
/// Rows whose province is not known.
pub const UNKNOWN_GREY: Rgb = hex(0x5f_5f_5f);

/// Every province's colour, by ISO 3166-2 code.
const COLORS: [(&str, Rgb); 34] = [
    // Okabe–Ito (black left out: it is the text colour).
    ("CN-NM", hex(0xD5_5E_00)), // vermillion
    ("CN-XJ", hex(0x00_72_B2)), // blue
    ("CN-SC", hex(0x00_9E_73)), // bluish green
    ("CN-GD", hex(0xE6_9F_00)), // orange
    ("CN-HE", hex(0xCC_79_A7)), // reddish purple
    ("CN-YN", hex(0x56_B4_E9)), // sky blue
    ("CN-HB", hex(0xF0_E4_42)), // yellow
    // Paul Tol, muted.
    ("CN-AH", hex(0x33_22_88)), // indigo
    ("CN-HL", hex(0x88_CC_EE)), // cyan
    ("CN-ZJ", hex(0x44_AA_99)), // teal
    ("CN-GZ", hex(0x11_77_33)), // green
    ("CN-JS", hex(0x99_99_33)), // olive
    ("CN-GS", hex(0xDD_CC_77)), // sand
    ("CN-TJ", hex(0xCC_66_77)), // rose
    ("CN-QH", hex(0x88_22_55)), // wine
    ("CN-HA", hex(0xAA_44_99)), // purple
    // Paul Tol, light.
    ("CN-SX", hex(0x77_AA_DD)), // light blue
    ("CN-JX", hex(0xEE_88_66)), // orange
    ("CN-HI", hex(0xEE_DD_88)), // light yellow
    ("CN-NX", hex(0xFF_AA_BB)), // pink
    ("CN-SN", hex(0x99_DD_FF)), // light cyan
    ("CN-GX", hex(0x44_BB_99)), // mint
    ("CN-LN", hex(0xBB_CC_33)), // pear
    ("CN-SD", hex(0xAA_AA_00)), // olive
    // Paul Tol, bright and dark.
    ("CN-FJ", hex(0x44_77_AA)), // blue
    ("CN-HN", hex(0x22_88_33)), // green
    ("CN-JL", hex(0xAA_33_77)), // purple
    ("CN-XZ", hex(0x66_CC_EE)), // cyan
    ("CN-CQ", hex(0xEE_66_77)), // red
    ("CN-BJ", hex(0x22_22_55)), // dark blue
    ("CN-SH", hex(0x66_33_33)), // dark red
    ("CN-TW", hex(0x22_55_55)), // dark cyan
    ("CN-HK", hex(0x66_66_33)), // dark yellow
    ("CN-MO", hex(0x22_55_22)), // dark green
];

/// A province's colour by its ISO code; a code outside the table (a gazetteer that grew) takes a
/// stable one from the light set.
pub fn code_rgb(code: &str) -> Rgb {
    if let Some((_, c)) = COLORS.iter().find(|(k, _)| *k == code) {
        return *c;
    }
    let hash = code.bytes().fold(0usize, |h, b| h * 31 + usize::from(b));
    COLORS[16 + hash % 8].1
}

/// The colour of a place in every chart, legend, map and export.
pub fn place_rgb(place: Place) -> Rgb {
    // Computed once per region: charts ask for every bar of every frame.
    static TABLE: std::sync::OnceLock<Vec<Rgb>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let g = Gazetteer::get();
        (0..=u8::MAX)
            .map(|id| {
                if id == NATIONAL {
                    NATIONAL_GREY
                } else if usize::from(id) < g.regions().len() {
                    code_rgb(g.region(id).code.as_str())
                } else {
                    UNKNOWN_GREY
                }
            })
            .collect()
    });
    match place {
        Place::Region(id) => table[usize::from(id)],
        Place::Unknown => UNKNOWN_GREY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_its_own_colour_and_national_is_grey() {
        let g = Gazetteer::get();
        let mut seen = std::collections::HashSet::new();
        for (id, r) in g.regions().iter().enumerate() {
            let id = u8::try_from(id).unwrap();
            let c = place_rgb(Place::Region(id));
            if id == NATIONAL {
                assert_eq!(c, NATIONAL_GREY);
                continue;
            }
            assert!(
                COLORS.iter().any(|(k, _)| *k == r.code.as_str()),
                "{} has a colour of its own",
                r.code
            );
            assert!(seen.insert(c), "{} shares its colour", r.code);
            assert_ne!(c, NATIONAL_GREY);
        }
        assert_eq!(seen.len(), 34);
    }

    #[test]
    fn colours_do_not_depend_on_which_places_are_asked_for() {
        let nm = Gazetteer::get().resolve("Inner Mongolia").unwrap().region;
        assert_eq!(place_rgb(Place::Region(nm)), hex(0xD55E00));
        assert_eq!(place_rgb(Place::Region(nm)).hex(), "#d55e00");
        assert_eq!(code_rgb("CN-ZZ"), code_rgb("CN-ZZ"));
    }
}
