//! The province gazetteer: the 34 provincial-level divisions of China (plus `National` for
//! country-wide actions), every spelling we know for each, and the cities that roll up to them.
//!
//! The tables are the project's own copies in `assets/` (embedded at compile time), so nothing is
//! read from disk at run time.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Index of a region in [`Gazetteer::regions`]: 0..34 are provinces, [`NATIONAL`] is the country.
pub type RegionId = u8;

/// The region standing for country-wide actions.
pub const NATIONAL: RegionId = 34;

/// Number of regions (34 provincial divisions and `National`).
pub const REGION_COUNT: usize = 35;

/// One provincial-level division (or the country as a whole).
#[derive(Clone, Debug)]
pub struct Region {
    /// ISO 3166-2:CN code (`CN-NM`), or `CN` for the whole country.
    pub code: String,
    /// English name (`Inner Mongolia`).
    pub english: String,
    /// Simplified Chinese name (`内蒙古自治区`).
    pub chinese: String,
    /// Kind of division (`province`, `autonomous region`, `municipality`, …).
    pub kind: String,
}

/// How a cell resolved to a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The region.
    pub region: RegionId,
    /// True when the text named a city that rolls up to the region.
    pub via_city: bool,
}

/// All regions and the name index.
pub struct Gazetteer {
    regions: Vec<Region>,
    names: HashMap<String, RegionId>,
    cities: HashMap<String, RegionId>,
    /// Every (spelling, region) pair from the province table, for tests and help text.
    spellings: Vec<(String, RegionId)>,
}

const PROVINCES_CSV: &str = include_str!("../../assets/provinces.csv");
const CITIES_CSV: &str = include_str!("../../assets/cities.csv");
/// China's prefecture-level divisions (`scripts/make-prefectures`), read after the curated
/// cities: `code,province_iso,zh,short,pinyin,alt_spellings`.
const PREFECTURES_CSV: &str = include_str!("../../assets/prefectures.csv");

/// Suffixes that name the kind of division; stripped when a name is not found as written.
const SUFFIXES: &[&str] = &[
    "specialadministrativeregion",
    "uygurautonomousregion",
    "uyghurautonomousregion",
    "zhuangautonomousregion",
    "huiautonomousregion",
    "autonomousregion",
    "municipality",
    "province",
    "zizhiqu",
    "sheng",
    "shi",
    "sar",
    "ar",
    "uygur",
    "uyghur",
    "zhuangzu",
    "zhuang",
    "huizu",
    "hui",
    "city",
    "county",
    "district",
    "prefecture",
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    // Traditional forms (廣西壯族自治區, 新疆維吾爾自治區).
    "特別行政區",
    "維吾爾自治區",
    "壯族自治區",
    "回族自治區",
    "自治區",
    "省",
    "市",
    "县",
    "区",
    "地区",
    "自治州",
];

/// Pinyin with tone marks to plain letters: `Nèi Měnggǔ` → `Nei Menggu`.
fn toneless(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' | 'Ā' | 'Á' | 'Ǎ' | 'À' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'Ē' | 'É' | 'Ě' | 'È' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' | 'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' | 'Ü' => {
            'u'
        }
        c => c,
    }
}

/// Folds case, spaces, punctuation, tone marks and parenthetical remarks away:
/// `Canton (province)` → `canton`, `Xīnjiāng` → `xinjiang`.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0_u32;
    for c in name.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_alphanumeric() => out.extend(toneless(c).to_lowercase()),
            _ => {}
        }
    }
    out
}

fn strip_suffixes(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = key.to_owned();
    while let Some(s) = SUFFIXES
        .iter()
        .find(|s| current.len() > s.len() && current.ends_with(**s))
    {
        current.truncate(current.len() - s.len());
        out.push(current.clone());
    }
    out
}

/// Adds the prefecture-level divisions' names to `cities` (city key → province), after the
/// curated cities, which win. A name that is also a province's (海南 for 海南藏族自治州, in
/// Qinghai) or that cities of two provinces share (Suzhou is 苏州 in Jiangsu and 宿州 in Anhui)
/// is left out: it cannot say which province is meant.
fn add_prefectures(
    cities: &mut HashMap<String, RegionId>,
    names: &HashMap<String, RegionId>,
    regions: &[Region],
) {
    let mut found: HashMap<String, Option<RegionId>> = HashMap::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(PREFECTURES_CSV.as_bytes());
    for record in reader.records().flatten() {
        let code = record.get(1).unwrap_or("").trim();
        let Some(id) = regions.iter().position(|r| r.code == code) else {
            continue;
        };
        let id = id as RegionId;
        let alts = record.get(5).unwrap_or("").split(';');
        for name in [2, 3, 4]
            .map(|i| record.get(i).unwrap_or(""))
            .into_iter()
            .chain(alts)
        {
            let key = normalize(name);
            if key.is_empty() || names.contains_key(&key) {
                continue;
            }
            found
                .entry(key)
                .and_modify(|seen| {
                    if *seen != Some(id) {
                        *seen = None;
                    }
                })
                .or_insert(Some(id));
        }
    }
    for (key, id) in found {
        if let Some(id) = id {
            cities.entry(key).or_insert(id);
        }
    }
}

impl Gazetteer {
    /// The shared gazetteer, built once from the embedded tables.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut regions = Vec::with_capacity(REGION_COUNT);
        let mut spellings = Vec::new();
        let mut reader = csv::Reader::from_reader(PROVINCES_CSV.as_bytes());
        for record in reader.records().flatten() {
            let field = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
            let id = regions.len() as RegionId;
            regions.push(Region {
                code: field(0),
                english: field(3),
                chinese: field(5),
                kind: field(2),
            });
            for name in [field(0), field(3), field(4), field(5)] {
                if !name.is_empty() {
                    spellings.push((name, id));
                }
            }
            for alt in field(6).split(';') {
                let alt = alt.trim();
                // "(echarts file shanxi1.json)" is a remark, not a spelling.
                if !alt.is_empty() && !alt.starts_with('(') {
                    spellings.push((alt.to_owned(), id));
                }
            }
        }
        debug_assert_eq!(
            regions.len(),
            NATIONAL as usize,
            "provinces.csv must list 34 divisions"
        );
        regions.push(Region {
            code: "CN".into(),
            english: "National".into(),
            chinese: "全国".into(),
            kind: "country".into(),
        });
        for name in [
            "National",
            "CN",
            "China",
            "全国",
            "中国",
            "Nationwide",
            "Country",
        ] {
            spellings.push((name.to_owned(), NATIONAL));
        }
        let mut names = HashMap::new();
        for (name, id) in &spellings {
            let key = normalize(name);
            for k in std::iter::once(key.clone()).chain(strip_suffixes(&key)) {
                names.entry(k).or_insert(*id);
            }
        }
        // Exact spellings win over stripped forms of other names.
        for (name, id) in &spellings {
            names.insert(normalize(name), *id);
        }
        let mut cities = HashMap::new();
        let mut reader = csv::Reader::from_reader(CITIES_CSV.as_bytes());
        for record in reader.records().flatten() {
            let code = record.get(1).unwrap_or("").trim();
            let Some(id) = regions.iter().position(|r| r.code == code) else {
                continue;
            };
            let mut city_names = vec![record.get(0).unwrap_or(""), record.get(2).unwrap_or("")];
            city_names.extend(record.get(3).unwrap_or("").split(';'));
            for name in city_names {
                let key = normalize(name);
                if key.is_empty() {
                    continue;
                }
                for k in std::iter::once(key.clone()).chain(strip_suffixes(&key)) {
                    cities.entry(k).or_insert(id as RegionId);
                }
            }
        }
        add_prefectures(&mut cities, &names, &regions);
        Gazetteer {
            regions,
            names,
            cities,
            spellings,
        }
    }

    /// All regions, indexed by [`RegionId`].
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// One region.
    pub fn region(&self, id: RegionId) -> &Region {
        &self.regions[usize::from(id).min(self.regions.len() - 1)]
    }

    /// Every spelling of every region as listed in the province table.
    pub fn spellings(&self) -> &[(String, RegionId)] {
        &self.spellings
    }

    /// Finds the region a province cell names, accepting any known spelling, the ISO code, the
    /// Chinese name with or without its suffix, or a city that rolls up to a province.
    pub fn resolve(&self, text: &str) -> Option<Resolved> {
        let key = normalize(text);
        if key.is_empty() {
            return None;
        }
        let candidates = std::iter::once(key.clone()).chain(strip_suffixes(&key));
        for k in candidates {
            if let Some(&region) = self.names.get(&k) {
                return Some(Resolved {
                    region,
                    via_city: false,
                });
            }
        }
        self.resolve_city(text).map(|region| Resolved {
            region,
            via_city: true,
        })
    }

    /// Finds the province a city name rolls up to.
    pub fn resolve_city(&self, text: &str) -> Option<RegionId> {
        let key = normalize(text);
        if key.is_empty() {
            return None;
        }
        std::iter::once(key.clone())
            .chain(strip_suffixes(&key))
            .find_map(|k| self.cities.get(&k).copied())
            .or_else(|| {
                // "Tangshan (Kaiping district)" → first word group
                let first = text.split([',', ';', '/']).next()?;
                (first.len() < text.len())
                    .then(|| self.resolve_city(first))
                    .flatten()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_resolves_to_its_province() {
        let g = Gazetteer::get();
        assert_eq!(g.regions().len(), REGION_COUNT);
        // 34 divisions × (code, English, romanised, Chinese) at least.
        assert!(g.spellings().len() >= 34 * 4, "{}", g.spellings().len());
        for (name, id) in g.spellings() {
            let got = g.resolve(name).map(|r| r.region);
            assert_eq!(
                got,
                Some(*id),
                "{name:?} should resolve to {}",
                g.region(*id).english
            );
        }
    }

    #[test]
    fn forgiving_forms() {
        let g = Gazetteer::get();
        let nm = g.resolve("Inner Mongolia").unwrap().region;
        for s in [
            "内蒙古自治区",
            "内蒙古",
            "Nei Mongol",
            "inner mongolia",
            "INNER_MONGOLIA",
            "cn-nm",
            "Neimenggu",
        ] {
            assert_eq!(g.resolve(s).map(|r| r.region), Some(nm), "{s}");
        }
        let xj = g.resolve("CN-XJ").unwrap().region;
        assert_eq!(
            g.resolve("Xinjiang Uygur Autonomous Region")
                .unwrap()
                .region,
            xj
        );
        assert_eq!(g.resolve("新疆").unwrap().region, xj);
        let sc = g.resolve("Sichuan").unwrap().region;
        assert_eq!(g.resolve("四川省").unwrap().region, sc);
        assert_ne!(
            g.resolve("Shanxi").unwrap().region,
            g.resolve("Shaanxi").unwrap().region
        );
        assert_eq!(
            g.resolve("Xizang").unwrap().region,
            g.resolve("Tibet").unwrap().region
        );
        assert_eq!(g.resolve("National").unwrap().region, NATIONAL);
        assert_eq!(g.resolve("Atlantis"), None);
        assert_eq!(g.resolve(""), None);
    }

    #[test]
    fn short_and_colloquial_chinese_names_resolve() {
        let g = Gazetteer::get();
        for (short, code) in [
            ("内蒙", "CN-NM"),
            ("新疆", "CN-XJ"),
            ("广西", "CN-GX"),
            ("宁夏", "CN-NX"),
            ("西藏", "CN-XZ"),
        ] {
            assert_eq!(
                g.resolve(short).map(|r| r.region),
                g.resolve(code).map(|r| r.region),
                "{short}"
            );
            assert!(g.resolve(short).is_some(), "{short}");
        }
    }

    #[test]
    fn full_traditional_and_pinyin_forms_resolve() {
        let g = Gazetteer::get();
        for (name, code) in [
            ("内蒙古自治区", "CN-NM"),
            ("内蒙自治区", "CN-NM"),
            ("新疆维吾尔自治区", "CN-XJ"),
            ("广西壮族自治区", "CN-GX"),
            ("宁夏回族自治区", "CN-NX"),
            ("西藏自治区", "CN-XZ"),
            ("黑龙江省", "CN-HL"),
            ("广东省", "CN-GD"),
            ("北京市", "CN-BJ"),
            ("廣東", "CN-GD"),
            ("廣東省", "CN-GD"),
            ("內蒙古", "CN-NM"),
            ("內蒙古自治區", "CN-NM"),
            ("廣西壯族自治區", "CN-GX"),
            ("新疆維吾爾自治區", "CN-XJ"),
            ("寧夏", "CN-NX"),
            ("黑龍江省", "CN-HL"),
            ("陝西", "CN-SN"),
            ("臺灣", "CN-TW"),
            ("Neimenggu", "CN-NM"),
            ("Nèi Měnggǔ", "CN-NM"),
            ("Xinjiang", "CN-XJ"),
            ("Xīnjiāng", "CN-XJ"),
            ("Guangxi", "CN-GX"),
            ("Ningxia", "CN-NX"),
            ("Xizang", "CN-XZ"),
        ] {
            let got = g.resolve(name).map(|r| g.region(r.region).code.as_str());
            assert_eq!(got, Some(code), "{name}");
        }
        // Shaanxi and Shanxi stay apart in traditional characters too.
        assert_ne!(
            g.resolve("陝西").map(|r| r.region),
            g.resolve("山西").map(|r| r.region)
        );
    }

    /// The province a name resolves to, by its ISO code.
    fn code_of(name: &str) -> Option<&'static str> {
        let g = Gazetteer::get();
        g.resolve(name).map(|r| g.region(r.region).code.as_str())
    }

    #[test]
    fn every_prefecture_level_division_rolls_up_to_its_province() {
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(PREFECTURES_CSV.as_bytes());
        let mut count = 0;
        for record in reader.records() {
            let record = record.unwrap();
            let (province, zh) = (&record[1], &record[2]);
            // 吉林市 is found as the province 吉林 (the same province).
            assert_eq!(code_of(zh), Some(province), "{zh}");
            count += 1;
        }
        assert_eq!(count, 333, "China has 333 prefecture-level divisions");
    }

    #[test]
    fn prefectures_by_short_name_pinyin_and_usual_abbreviation() {
        assert_eq!(code_of("鄂尔多斯市"), Some("CN-NM"));
        assert_eq!(code_of("鄂尔多斯"), Some("CN-NM"));
        assert_eq!(code_of("E'erduosi"), Some("CN-NM"));
        assert_eq!(code_of("Ordos"), Some("CN-NM"), "the curated English name");
        assert_eq!(code_of("兴安盟"), Some("CN-NM"));
        assert_eq!(code_of("凉山州"), Some("CN-SC"));
        assert_eq!(code_of("凉山彝族自治州"), Some("CN-SC"));
        assert_eq!(code_of("海南藏族自治州"), Some("CN-QH"));
        assert_eq!(code_of("海南州"), Some("CN-QH"));
        assert_eq!(code_of("伊犁州"), Some("CN-XJ"));
        assert_eq!(code_of("大兴安岭地区"), Some("CN-HL"));
    }

    #[test]
    fn names_a_province_has_or_two_provinces_share_are_not_taken_for_cities() {
        // 海南 is the province, not Qinghai's 海南藏族自治州; 吉林市 is in 吉林 either way.
        assert_eq!(code_of("海南"), Some("CN-HI"));
        assert_eq!(code_of("Hainan"), Some("CN-HI"));
        // Suzhou: 苏州 (Jiangsu) and 宿州 (Anhui); Taizhou: 台州 (Zhejiang) and 泰州 (Jiangsu).
        assert_eq!(code_of("苏州"), Some("CN-JS"));
        assert_eq!(code_of("宿州市"), Some("CN-AH"));
        assert_eq!(code_of("台州"), Some("CN-ZJ"));
        assert_eq!(code_of("泰州"), Some("CN-JS"));
        assert_eq!(code_of("Suzhou"), None);
        assert_eq!(code_of("Taizhou"), None);
    }

    #[test]
    fn cities_roll_up() {
        let g = Gazetteer::get();
        let nm = g.resolve("Inner Mongolia").unwrap().region;
        let r = g.resolve("Bayannaoer").unwrap();
        assert_eq!(
            r,
            Resolved {
                region: nm,
                via_city: true
            }
        );
        assert_eq!(g.resolve("巴彦淖尔").unwrap().region, nm);
        assert_eq!(g.resolve("Bayannur").unwrap().region, nm);
        assert_eq!(
            g.resolve("Tangshan").unwrap().region,
            g.resolve("Hebei").unwrap().region
        );
        assert_eq!(
            g.resolve("Dongguan").unwrap().region,
            g.resolve("Guangdong").unwrap().region
        );
    }
}
