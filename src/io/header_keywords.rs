//! Naming a figure column by the words in its header when no synonym matches: `关停项目数`,
//! `查扣矿机数量`, `节约标准煤(万吨)`, `seized miners (units)`, `Number of mining farms closed`.
//!
//! A rule needs two things: a word for what is counted or measured (`矿机`, `miners`, `电`,
//! `coal`) and a word saying the header counts or measures it (`数`, `number`, `seized`, `节约`,
//! a unit such as `(台)` or `kWh`). A word saying the column is about something else (`notes`,
//! `source`, `model`, `电话`, `煤矿`, a price, a rate) rules it out. When the words fit two
//! fields, the header names none.

use crate::data::document::Field;

/// What one field's header says, in Chinese (substrings) and English (whole words).
struct Rule {
    field: Field,
    /// What is counted or measured.
    zh: &'static [&'static str],
    en: &'static [&'static str],
    /// Words saying the header counts or measures it (units included).
    zh_quantity: &'static [&'static str],
    en_quantity: &'static [&'static str],
    /// Words saying the column is about something else (besides [`ZH_NOT`], [`EN_NOT`]).
    zh_not: &'static [&'static str],
    en_not: &'static [&'static str],
}

/// Count words shared by the count rules.
const EN_COUNT: &[&str] = &[
    "number",
    "num",
    "nr",
    "count",
    "total",
    "units",
    "qty",
    "quantity",
    // German, French, Spanish, Italian.
    "anzahl",
    "zahl",
    "stück",
    "nombre",
    "número",
    "numero",
    "cantidad",
    "quantità",
];

const RULES: &[Rule] = &[
    Rule {
        field: Field::Rigs,
        zh: &["矿机"],
        en: &[
            "rig",
            "rigs",
            "miner",
            "miners",
            "machine",
            "machines",
            "asic",
            "asics",
            // German, French, Spanish, Italian.
            "geräte",
            "maschinen",
            "equipos",
            "máquinas",
            "maquinas",
            "macchine",
        ],
        zh_quantity: &[
            "数", "台", "查扣", "没收", "扣押", "收缴", "缴获", "查获", "清理", "拆除",
        ],
        en_quantity: &[
            "seized",
            "confiscated",
            "impounded",
            "removed",
            "dismantled",
            "cleared",
            // German, French, Spanish, Italian.
            "beschlagnahmt",
            "beschlagnahmte",
            "beschlagnahmten",
            "sichergestellt",
            "sichergestellte",
            "sichergestellten",
            "konfisziert",
            "konfiszierte",
            "saisis",
            "saisies",
            "confisqués",
            "confisquées",
            "incautados",
            "incautadas",
            "decomisados",
            "confiscados",
            "sequestrati",
            "sequestrate",
            "confiscati",
        ],
        zh_not: &["人员", "嫌疑人", "抓获"],
        en_not: &["people", "persons", "arrested", "suspects", "workers"],
    },
    Rule {
        field: Field::Projects,
        zh: &["项目", "矿场", "矿点", "矿厂", "窝点", "场所"],
        en: &[
            "project",
            "projects",
            "mine",
            "mines",
            "farm",
            "farms",
            "site",
            "sites",
            "facility",
            "facilities",
            "operations",
            // German, French, Spanish, Italian.
            "projekte",
            "minen",
            "farmen",
            "anlagen",
            "projets",
            "fermes",
            "proyectos",
            "minas",
            "granjas",
            "progetti",
            "miniere",
        ],
        zh_quantity: &[
            "关停", "关闭", "清理", "清退", "取缔", "整治", "淘汰", "停产", "数", "个", "家", "处",
            "座",
        ],
        en_quantity: &[
            "closed",
            "closures",
            "shut",
            "shutdown",
            "shutdowns",
            "shuttered",
            "cleared",
            "banned",
            "halted",
            "stopped",
            "removed",
            // German, French, Spanish, Italian.
            "geschlossen",
            "geschlossene",
            "geschlossenen",
            "stillgelegt",
            "stillgelegte",
            "stillgelegten",
            "abgeschaltet",
            "abgeschaltete",
            "fermés",
            "fermées",
            "fermetures",
            "cerrados",
            "cerradas",
            "cierres",
            "clausurados",
            "chiusi",
            "chiuse",
            "chiusure",
        ],
        zh_not: &["煤"],
        en_not: &["coal", "server", "servers"],
    },
    Rule {
        field: Field::Kwh,
        zh: &["电"],
        en: &[
            "electricity",
            "power",
            "energy",
            "kwh",
            "gwh",
            "twh",
            "mwh",
            // German, French, Spanish, Italian.
            "strom",
            "energie",
            "électricité",
            "énergie",
            "electricidad",
            "energía",
            "elettricità",
            "energia",
        ],
        zh_quantity: &["量", "节约", "节省", "节", "省", "耗", "用", "千瓦时", "度"],
        en_quantity: &[
            "saved",
            "saving",
            "savings",
            "save",
            "reduced",
            "reduction",
            "consumption",
            "consumed",
            "used",
            "usage",
            "kwh",
            "gwh",
            "twh",
            "mwh",
            // German, French, Spanish, Italian.
            "eingespart",
            "eingesparte",
            "eingesparter",
            "gespart",
            "einsparung",
            "verbrauch",
            "économisée",
            "économisé",
            "économies",
            "consommation",
            "ahorrada",
            "ahorrado",
            "ahorro",
            "consumo",
            "risparmiata",
            "risparmiato",
            "risparmio",
        ],
        zh_not: &[
            "电话", "电子", "电脑", "电邮", "电视", "电池", "电费", "电价", "电压", "电流", "电站",
            "电厂", "电网",
        ],
        en_not: &[
            "plant",
            "plants",
            "station",
            "stations",
            "grid",
            "supplier",
            "supply",
            "capacity",
            "bill",
            "tariff",
            "kraftwerk",
            "netz",
            "preis",
            "centrale",
            "centrales",
            "réseau",
            "prix",
            "precio",
            "prezzo",
        ],
    },
    Rule {
        field: Field::Coal,
        zh: &["煤"],
        en: &["coal", "tce", "kohle", "steinkohle", "charbon", "carbón"],
        zh_quantity: &["节约", "节省", "标准", "标", "量", "耗", "吨"],
        en_quantity: &[
            "saved",
            "saving",
            "savings",
            "save",
            "tonnes",
            "tonne",
            "tons",
            "ton",
            "t",
            "mt",
            "kt",
            "equivalent",
            "standard",
            "tce",
            // German, French, Spanish, Italian.
            "eingespart",
            "eingesparte",
            "gespart",
            "tonnen",
            "économisé",
            "économisées",
            "ahorrado",
            "ahorradas",
            "toneladas",
            "risparmiato",
            "tonnellate",
        ],
        zh_not: &["煤矿", "煤价", "煤气", "煤电"],
        en_not: &["mine", "mines", "mining", "plant", "plants", "power"],
    },
];

/// Chinese words saying a column holds text, a time, money or a ratio, not a figure.
const ZH_NOT: &[&str] = &[
    "备注", "说明", "来源", "名称", "地址", "型号", "类型", "品牌", "时间", "日期", "编号", "序号",
    "链接", "网址", "公司", "单位", "元", "价", "费", "金额", "率", "比例", "占比", "同比", "环比",
    "百分", "%", "每",
];

/// English words saying a column holds text, a time, money or a ratio, not a figure.
const EN_NOT: &[&str] = &[
    "note",
    "notes",
    "comment",
    "comments",
    "remark",
    "remarks",
    "source",
    "sources",
    "url",
    "link",
    "description",
    "desc",
    "type",
    "model",
    "brand",
    "name",
    "id",
    "date",
    "time",
    "year",
    "month",
    "unit",
    "price",
    "cost",
    "value",
    "yuan",
    "rmb",
    "cny",
    "usd",
    "eur",
    "percent",
    "percentage",
    "pct",
    "rate",
    "ratio",
    "share",
    "growth",
    "change",
    "per",
    "average",
    "avg",
    "about",
    "hashrate",
    // German, French, Spanish, Italian: notes, sources, dates, units, money, shares.
    "anmerkung",
    "anmerkungen",
    "bemerkung",
    "bemerkungen",
    "quelle",
    "quellen",
    "remarque",
    "remarques",
    "fuente",
    "fuentes",
    "fonte",
    "fonti",
    "nota",
    "notas",
    "datum",
    "fecha",
    "jahr",
    "monat",
    "année",
    "mois",
    "año",
    "mes",
    "einheit",
    "unité",
    "unidad",
    "kosten",
    "coût",
    "costo",
    "coste",
    "euro",
    "prozent",
    "anteil",
    "pourcentage",
    "porcentaje",
    "percentuale",
];

/// Full-width letters, digits and brackets to ASCII, lower case.
fn normalize(header: &str) -> String {
    header
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The header's words in Latin letters (runs of ASCII letters and digits, and the accented
/// letters of European languages: `électricité`, `geräte`).
fn words(h: &str) -> Vec<&str> {
    h.split(|c: char| !(c.is_ascii_alphanumeric() || ('\u{c0}'..='\u{24f}').contains(&c)))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `h` holds one of the Chinese words.
fn zh_has(h: &str, list: &[&str]) -> bool {
    list.iter().any(|w| h.contains(w))
}

/// Whether one of the header's English words is in `list`.
fn en_has(words: &[&str], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(w))
}

/// Whether the header counts in English: a count word, or `no.` / `#` before `of`.
fn en_counts(h: &str, words: &[&str]) -> bool {
    en_has(words, EN_COUNT)
        || h.contains('#')
        || words.windows(2).any(|p| p[0] == "no" && p[1] == "of")
}

/// The field a header's words name (see the module comment), or `None`.
pub(crate) fn keyword_field(header: &str) -> Option<Field> {
    let h = normalize(header);
    let words = words(&h);
    if zh_has(&h, ZH_NOT) || en_has(&words, EN_NOT) {
        return None;
    }
    let counts = en_counts(&h, &words);
    let mut found = None;
    for r in RULES {
        let subject = zh_has(&h, r.zh) || en_has(&words, r.en);
        let excluded = zh_has(&h, r.zh_not) || en_has(&words, r.en_not);
        let is_count = matches!(r.field, Field::Rigs | Field::Projects);
        let quantity =
            zh_has(&h, r.zh_quantity) || en_has(&words, r.en_quantity) || (is_count && counts);
        if subject && !excluded && quantity {
            if found.is_some() {
                // The words fit two fields: leave it to the user.
                return None;
            }
            found = Some(r.field);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_that_say_what_they_count_are_named() {
        for (h, f) in [
            ("关停项目数", Field::Projects),
            ("关闭矿场数量", Field::Projects),
            ("清理矿点(个)", Field::Projects),
            ("Number of mining farms closed", Field::Projects),
            ("mines shut down", Field::Projects),
            ("No. of projects", Field::Projects),
            ("查扣矿机数", Field::Rigs),
            ("查扣矿机数量", Field::Rigs),
            ("矿机台数", Field::Rigs),
            ("seized miners (units)", Field::Rigs),
            ("number of machines", Field::Rigs),
            ("# of rigs", Field::Rigs),
            ("ASICs confiscated", Field::Rigs),
            ("节约电量万度", Field::Kwh),
            ("电量（亿千瓦时）", Field::Kwh),
            ("省电", Field::Kwh),
            ("用电量(万千瓦时)", Field::Kwh),
            ("Electricity saved GWh", Field::Kwh),
            ("power consumption (kWh)", Field::Kwh),
            ("节约标准煤", Field::Coal),
            ("节约标准煤(万吨)", Field::Coal),
            ("标准煤（吨）", Field::Coal),
            ("coal savings, tonnes", Field::Coal),
            ("ＣＯＡＬ　ＳＡＶＥＤ", Field::Coal),
            // German, French, Spanish, Italian newsroom headers.
            ("Beschlagnahmte Rigs", Field::Rigs),
            ("Anzahl Geräte", Field::Rigs),
            ("Mining-Rigs (Stück)", Field::Rigs),
            ("Machines saisies", Field::Rigs),
            ("Equipos incautados", Field::Rigs),
            ("Macchine sequestrate", Field::Rigs),
            ("Geschlossene Minen", Field::Projects),
            ("Fermes fermées", Field::Projects),
            ("Minas cerradas", Field::Projects),
            ("Eingesparter Strom (kWh)", Field::Kwh),
            ("Électricité économisée (GWh)", Field::Kwh),
            ("Energía ahorrada", Field::Kwh),
            ("Eingesparte Kohle (t)", Field::Coal),
            ("Charbon économisé", Field::Coal),
            ("Carbón ahorrado (toneladas)", Field::Coal),
        ] {
            assert_eq!(keyword_field(h), Some(f), "{h}");
        }
    }

    #[test]
    fn headers_about_something_else_are_not_named() {
        for h in [
            "notes about rigs",
            "rigs",
            "miners",
            "rig model",
            "矿机型号",
            "矿机价值(万元)",
            "miners arrested",
            "number of miners arrested",
            "rigs per farm",
            "source",
            "电话",
            "电话号码",
            "电子邮箱",
            "电费(万元)",
            "节电率(%)",
            "power plant",
            "power capacity (MW)",
            "煤矿",
            "煤矿数量",
            "coal mines closed",
            "关停时间",
            "项目名称",
            "罚款(万元)",
            "hashrate (EH/s)",
            "confidence",
            "电",
            "煤炭",
            "Anmerkung zu Geräten",
            "Prix de l'électricité",
            "Anteil Strom (%)",
            "Kohlekraftwerke geschlossen",
        ] {
            assert_eq!(keyword_field(h), None, "{h}");
        }
    }
}
