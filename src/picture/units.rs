//! Numbers that read well: axis units chosen from the largest value (kWh → MWh / GWh / TWh,
//! t → thousand t / million t; 万 and 亿 for a Chinese interface), axis titles with their unit
//! ("Electricity saved (GWh)"), tick labels with thousands separators, and amounts in words for
//! labels ("6.58 billion kWh", "65.8亿千瓦时"). The screen's axes and the exports both use these.

use crate::data::document::Metric;
use crate::data::value::{group_thousands, human_amount};

/// The interface language numbers are written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English: thousands, millions, billions; kWh, MWh, GWh, TWh.
    #[default]
    En,
    /// Chinese: 万 (10⁴) and 亿 (10⁸); 千瓦时, 吨.
    Zh,
}

/// What an axis divides its values by, and the unit that leaves (for the axis title).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Values are shown divided by this.
    pub divisor: f64,
    /// The unit of the divided values (`GWh`, `million t`, `万千瓦时`, `count`).
    pub unit: &'static str,
}

/// A metric's name in `lang`.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match lang {
        Lang::En => metric.title(),
        Lang::Zh => match metric {
            Metric::Projects => "关停挖矿项目",
            Metric::Rigs => "查获矿机",
            Metric::Kwh => "节约电量",
            Metric::Coal => "节约煤炭",
        },
    }
}

/// The largest unit the axis's largest value `max` is still at least one of.
pub fn axis_scale(metric: Metric, max: f64, lang: Lang) -> Scale {
    let steps: &[(f64, &'static str)] = match (lang, metric) {
        (Lang::En, Metric::Kwh) => &[(1.0, "kWh"), (1e3, "MWh"), (1e6, "GWh"), (1e9, "TWh")],
        (Lang::En, Metric::Coal) => &[(1.0, "t"), (1e3, "thousand t"), (1e6, "million t")],
        (Lang::En, _) => &[(1.0, "count")],
        (Lang::Zh, Metric::Kwh) => &[(1.0, "千瓦时"), (1e4, "万千瓦时"), (1e8, "亿千瓦时")],
        (Lang::Zh, Metric::Coal) => &[(1.0, "吨"), (1e4, "万吨"), (1e8, "亿吨")],
        (Lang::Zh, Metric::Projects) => &[(1.0, "个"), (1e4, "万个")],
        (Lang::Zh, Metric::Rigs) => &[(1.0, "台"), (1e4, "万台")],
    };
    let max = if max.is_finite() { max.abs() } else { 0.0 };
    let (divisor, unit) = steps
        .iter()
        .rev()
        .find(|(d, _)| max >= *d)
        .unwrap_or(&steps[0]);
    Scale {
        divisor: *divisor,
        unit,
    }
}

/// An axis title with its unit: `Electricity saved (GWh)`, `节约电量（亿千瓦时）`.
pub fn axis_title(metric: Metric, scale: Scale, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} ({})", metric_name(metric, lang), scale.unit),
        Lang::Zh => format!("{}（{}）", metric_name(metric, lang), scale.unit),
    }
}

/// A tick label in the axis's unit, with as many decimals as the tick step needs and thousands
/// separators: `12,000`, `2.5`, `0`.
pub fn tick_label(value: f64, step: f64, scale: Scale) -> String {
    let v = value / scale.divisor + 0.0; // no "-0"
    let step = (step / scale.divisor).abs();
    let decimals = if step > 0.0 && step.is_finite() {
        (-step.log10().floor()).clamp(0.0, 3.0) as usize
    } else {
        0
    };
    // A step of 2.5 needs one decimal more than its magnitude says.
    let decimals = if decimals < 3 && (step * 10f64.powi(decimals as i32)).fract() > 1e-6 {
        decimals + 1
    } else {
        decimals
    };
    group_thousands(v, decimals)
}

/// A number with at most two decimals, without trailing zeros or separators (Chinese writes
/// 1104万, not 1,104万).
fn short(v: f64) -> String {
    group_thousands(v, 2).replace(',', "")
}

/// An amount with its unit, in words, for labels and sentences: `6.58 billion kWh`,
/// `2 million t`, `8,181`; in Chinese `65.8亿千瓦时`, `200万吨`, `8181台`.
pub fn amount(metric: Metric, value: f64, lang: Lang) -> String {
    match lang {
        Lang::En => match metric {
            Metric::Projects | Metric::Rigs => group_thousands(value, 0),
            Metric::Kwh => format!("{} kWh", human_amount(value)),
            Metric::Coal => format!("{} t", human_amount(value)),
        },
        Lang::Zh => {
            let unit = match metric {
                Metric::Projects => "个",
                Metric::Rigs => "台",
                Metric::Kwh => "千瓦时",
                Metric::Coal => "吨",
            };
            let a = value.abs();
            let number = if a >= 1e8 {
                format!("{}亿", short(value / 1e8))
            } else if a >= 1e4 {
                format!("{}万", short(value / 1e4))
            } else {
                short(value)
            };
            format!("{number}{unit}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_units_follow_the_largest_value() {
        let s = axis_scale(Metric::Kwh, 6.58e9, Lang::En);
        assert_eq!((s.divisor, s.unit), (1e9, "TWh"));
        assert_eq!(
            axis_title(
                Metric::Kwh,
                axis_scale(Metric::Kwh, 2.5e7, Lang::En),
                Lang::En
            ),
            "Electricity saved (GWh)"
        );
        assert_eq!(axis_scale(Metric::Kwh, 800.0, Lang::En).unit, "kWh");
        assert_eq!(axis_scale(Metric::Kwh, 0.0, Lang::En).unit, "kWh");
        assert_eq!(axis_scale(Metric::Coal, 2e6, Lang::En).unit, "million t");
        assert_eq!(
            axis_title(
                Metric::Rigs,
                axis_scale(Metric::Rigs, 1e4, Lang::En),
                Lang::En
            ),
            "Rigs seized (count)"
        );
        let zh = axis_scale(Metric::Kwh, 6.58e9, Lang::Zh);
        assert_eq!(
            axis_title(Metric::Kwh, zh, Lang::Zh),
            "节约电量（亿千瓦时）"
        );
        assert_eq!(axis_scale(Metric::Coal, 2e6, Lang::Zh).unit, "万吨");
        assert_eq!(axis_scale(Metric::Kwh, f64::NAN, Lang::En).unit, "kWh");
    }

    #[test]
    fn tick_labels_have_the_decimals_their_step_needs() {
        let gwh = axis_scale(Metric::Kwh, 2.5e7, Lang::En);
        assert_eq!(tick_label(2e7, 5e6, gwh), "20");
        assert_eq!(tick_label(2.5e6, 2.5e6, gwh), "2.5");
        let count = axis_scale(Metric::Rigs, 12_000.0, Lang::En);
        assert_eq!(tick_label(12_000.0, 2_000.0, count), "12,000");
        assert_eq!(tick_label(-0.0, 2_000.0, count), "0");
        assert_eq!(tick_label(0.5, 0.5, count), "0.5");
    }

    #[test]
    fn amounts_in_words_in_english_and_chinese() {
        assert_eq!(amount(Metric::Kwh, 6.58e9, Lang::En), "6.58 billion kWh");
        assert_eq!(amount(Metric::Coal, 2e6, Lang::En), "2 million t");
        assert_eq!(amount(Metric::Rigs, 8181.0, Lang::En), "8,181");
        assert_eq!(amount(Metric::Kwh, 6.58e9, Lang::Zh), "65.8亿千瓦时");
        assert_eq!(amount(Metric::Kwh, 11_040_000.0, Lang::Zh), "1104万千瓦时");
        assert_eq!(amount(Metric::Coal, 2e6, Lang::Zh), "200万吨");
        assert_eq!(amount(Metric::Rigs, 8181.0, Lang::Zh), "8181台");
        assert_eq!(amount(Metric::Rigs, 10_100.0, Lang::Zh), "1.01万台");
    }
}
