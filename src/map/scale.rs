//! The choropleth's colour scale: up to five classes with geometric breaks (crackdown figures
//! span orders of magnitude: one province's 6,890 rigs beside another's 80), coloured from
//! viridis (sequential, readable by the colour-blind and in grey print). On a light background
//! the ramp runs from pale yellow (least) to dark purple (most), on a dark one the other way, so
//! "more" always stands out from the background. Zero (rows whose figure is 0) and no data (no
//! figure at all) have their own neutral colours outside the ramp, named in the legend: a
//! province without figures never reads as a province with none seized.

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Viridis at 0, ¼, ½, ¾ and 1.
const VIRIDIS: [Rgb; 5] = [
    [0x44, 0x01, 0x54],
    [0x3b, 0x52, 0x8b],
    [0x21, 0x91, 0x8c],
    [0x5e, 0xc9, 0x62],
    [0xfd, 0xe7, 0x25],
];

/// Most classes a scale has.
pub const MAX_CLASSES: usize = 5;

/// What a province's value is coloured as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fill {
    /// No figure for the metric in the chosen time.
    NoData,
    /// Figures that add up to zero.
    Zero,
    /// A class of the ramp (0 = least).
    Class(usize),
}

/// Classes from the smallest positive value to the largest.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    /// Class bounds, ascending: class `i` holds values from `breaks[i]` up to `breaks[i + 1]`
    /// (the last one inclusive). One bound only: every positive value is one class.
    pub breaks: Vec<f64>,
    /// Colours for a dark background.
    pub dark: bool,
}

/// Rounds to two significant digits (class bounds a reader can take in: 190, not 187.3).
fn round2(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v;
    }
    let p = 10f64.powf(v.log10().floor() - 1.0);
    (v / p).round() * p
}

impl Scale {
    /// A scale over `values` (the positive ones count).
    pub fn new(values: impl IntoIterator<Item = f64>, dark: bool) -> Scale {
        let (mut lo, mut hi) = (f64::INFINITY, 0.0_f64);
        for v in values.into_iter().filter(|v| *v > 0.0 && v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let mut breaks = Vec::new();
        if hi > 0.0 {
            breaks.push(lo);
            if hi > lo {
                let ratio = hi / lo;
                for i in 1..MAX_CLASSES {
                    let b = round2(lo * ratio.powf(i as f64 / MAX_CLASSES as f64));
                    if b > *breaks.last().unwrap_or(&0.0) && b < hi {
                        breaks.push(b);
                    }
                }
                breaks.push(hi);
            }
        }
        Scale { breaks, dark }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.breaks
            .len()
            .saturating_sub(1)
            .max(usize::from(!self.breaks.is_empty()))
    }

    /// How `value` is coloured (`None`: no data).
    pub fn fill(&self, value: Option<f64>) -> Fill {
        match value {
            None => Fill::NoData,
            Some(v) if v <= 0.0 || !v.is_finite() => Fill::Zero,
            Some(v) => {
                let n = self.classes();
                let upper = self.breaks.get(1..).unwrap_or(&[]);
                let i = upper.iter().take_while(|b| v > **b).count();
                Fill::Class(i.min(n.saturating_sub(1)))
            }
        }
    }

    /// The colour of a fill.
    pub fn color(&self, fill: Fill) -> Rgb {
        match fill {
            Fill::NoData if self.dark => [0x4a, 0x4a, 0x4a],
            Fill::NoData => [0xc8, 0xc8, 0xc8],
            Fill::Zero if self.dark => [0x22, 0x22, 0x22],
            Fill::Zero => [0xfa, 0xfa, 0xfa],
            Fill::Class(i) => {
                let n = self.classes().max(1);
                // Classes spread over the whole ramp: 2 classes are its two ends.
                let t = if n == 1 {
                    1.0
                } else {
                    i as f64 / (n - 1) as f64
                };
                let t = if self.dark { t } else { 1.0 - t };
                ramp(t)
            }
        }
    }

    /// The bounds of class `i` (low, high).
    pub fn bounds(&self, i: usize) -> (f64, f64) {
        let lo = self.breaks.get(i).copied().unwrap_or(0.0);
        let hi = self.breaks.get(i + 1).copied().unwrap_or(lo);
        (lo, hi)
    }
}

/// Viridis at `t` in 0..=1, between its five stops.
fn ramp(t: f64) -> Rgb {
    let t = t.clamp(0.0, 1.0) * 4.0;
    let i = (t.floor() as usize).min(3);
    let f = t - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    std::array::from_fn(|k| {
        (f64::from(a[k]) + (f64::from(b[k]) - f64::from(a[k])) * f).round() as u8
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_the_values_in_order() {
        let s = Scale::new([80.0, 300.0, 6890.0, 0.0], false);
        assert_eq!(s.breaks.first(), Some(&80.0));
        assert_eq!(s.breaks.last(), Some(&6890.0));
        assert!(s.breaks.windows(2).all(|w| w[0] < w[1]), "{:?}", s.breaks);
        assert_eq!(s.fill(Some(80.0)), Fill::Class(0));
        assert_eq!(s.fill(Some(6890.0)), Fill::Class(s.classes() - 1));
        assert_eq!(s.classes(), 5);
        let mut last = 0;
        for v in [80.0, 150.0, 300.0, 1000.0, 3000.0, 6890.0] {
            let Fill::Class(i) = s.fill(Some(v)) else {
                panic!()
            };
            assert!(i >= last);
            last = i;
        }
    }

    #[test]
    fn zero_and_no_data_are_not_in_the_ramp() {
        for dark in [false, true] {
            let s = Scale::new([1.0, 10.0, 100.0], dark);
            assert_eq!(s.fill(Some(0.0)), Fill::Zero);
            assert_eq!(s.fill(None), Fill::NoData);
            let ramp: Vec<Rgb> = (0..s.classes()).map(|i| s.color(Fill::Class(i))).collect();
            let (zero, none) = (s.color(Fill::Zero), s.color(Fill::NoData));
            assert_ne!(zero, none);
            assert!(!ramp.contains(&zero) && !ramp.contains(&none));
        }
    }

    #[test]
    fn more_stands_out_from_the_background() {
        let lum = |c: Rgb| c.iter().map(|&v| f64::from(v)).sum::<f64>();
        let light = Scale::new([1.0, 1000.0], false);
        assert!(lum(light.color(Fill::Class(0))) > lum(light.color(Fill::Class(1))));
        let dark = Scale::new([1.0, 1000.0], true);
        assert!(lum(dark.color(Fill::Class(0))) < lum(dark.color(Fill::Class(1))));
    }

    #[test]
    fn one_value_is_one_class_and_nothing_is_none() {
        let s = Scale::new([5.0, 5.0], false);
        assert_eq!(s.classes(), 1);
        assert_eq!(s.fill(Some(5.0)), Fill::Class(0));
        let empty = Scale::new([], false);
        assert_eq!(empty.classes(), 0);
        assert_eq!(empty.fill(None), Fill::NoData);
    }
}
