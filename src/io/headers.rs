//! Header matching: a column name as people write it → the field it holds.

use crate::data::document::Field;

/// Folds case, spaces, underscores, punctuation and a bracketed unit away:
/// `Rigs Seized` → `rigsseized`, `节约电量(亿千瓦时)` → `节约电量`.
fn fold(header: &str) -> String {
    let mut depth = 0_u32;
    let mut out = String::with_capacity(header.len());
    for c in header.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

/// Synonyms per field, already folded.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Date,
        &[
            "date",
            "day",
            "eventdate",
            "reportdate",
            "reporteddate",
            "when",
            "日期",
            "时间",
            // As German, French and Spanish spreadsheets head them (datum, fecha; "date" above).
            "datum",
            "fecha",
        ],
    ),
    (
        Field::Province,
        &[
            "province",
            "provinceregion",
            "region",
            "provincename",
            "state",
            "admin1",
            "iso",
            "provincecode",
            "省份",
            "省",
            "地区",
            "省区",
            "provinz",
            "provincia",
            "région",
        ],
    ),
    (
        Field::City,
        &[
            "city",
            "cityorarea",
            "area",
            "county",
            "prefecture",
            "location",
            "place",
            "stadt",
            "ville",
            "ciudad",
            "città",
            "城市",
            "市",
            // How Chinese government tables head their city column: prefecture-level city
            // (地市, 地级市), league or city in Inner Mongolia (盟市), city or prefecture (市州).
            "地市",
            "地级市",
            "盟市",
            "市州",
            "地州",
            "州市",
            "所在地市",
            "所属地市",
        ],
    ),
    (
        Field::Action,
        &[
            "action",
            "actiontype",
            "measure",
            "what",
            "description",
            "event",
            "maßnahme",
            "massnahme",
            "mesure",
            "medida",
            "行动",
            "措施",
            "整治措施",
            "处置措施",
            "处置方式",
            "整治情况",
        ],
    ),
    (
        Field::Projects,
        &[
            "projectsshutdown",
            "projects",
            "projectsclosed",
            "projectsshut",
            "projectsshutdowns",
            "minesclosed",
            "minesshutdown",
            "closures",
            "shutdowns",
            "farmsclosed",
            "关停项目",
            "关停矿场",
        ],
    ),
    (
        Field::Rigs,
        &[
            "rigsseized",
            "rigs",
            "machinesseized",
            "machines",
            "miningrigs",
            "miningrigsseized",
            "rigsconfiscated",
            "minersseized",
            "查扣矿机",
            "没收矿机",
            "矿机数量",
            "矿机",
        ],
    ),
    (
        Field::Kwh,
        &[
            "electricitysavedkwh",
            "electricitysaved",
            "kwhsaved",
            "savedkwh",
            "electricity",
            "electricitykwh",
            "kwh",
            "energysaved",
            "powersaved",
            "节约电量",
            "节电量",
        ],
    ),
    (
        Field::Coal,
        &[
            "coalsavedtonnes",
            "coalsaved",
            "coal",
            "coaltonnes",
            "coalsavedt",
            "coalt",
            "coalsavedtons",
            "节约标煤",
            "标煤",
        ],
    ),
    (
        Field::Basis,
        &["basis", "figurebasis", "figuresbasis", "口径"],
    ),
    (
        Field::Source,
        &[
            "source",
            "sources",
            "url",
            "link",
            "reference",
            "来源",
            "quelle",
            "quellen",
            "fuente",
            "fuentes",
            "fonte",
            "fonti",
        ],
    ),
    (
        Field::Notes,
        &[
            "notes",
            "note",
            "comment",
            "comments",
            "remarks",
            "备注",
            "anmerkung",
            "anmerkungen",
            "bemerkung",
            "bemerkungen",
            "remarque",
            "remarques",
            "nota",
            "notas",
        ],
    ),
];

/// The synonyms a field's header may be (folded: lower case, no spaces or punctuation), as the
/// matching reads them; Help ▸ Data format lists them.
pub fn synonyms(field: Field) -> &'static [&'static str] {
    SYNONYMS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(&[], |(_, names)| names)
}

/// True when a header is the field's own key, written any case or with spaces for underscores.
pub fn is_key(header: &str, field: Field) -> bool {
    fold(header) == fold(field.key())
}

/// How surely a header names its field: its own key, a synonym, or the words in it
/// ([`super::header_keywords`]). The stronger match wins when two columns name one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// The header's words say what it counts (`查扣矿机数量`, `seized miners (units)`).
    Keyword,
    /// A synonym (`rigs`, `查扣矿机`, `Electricity saved (kWh)`).
    Synonym,
    /// The field's own key (`rigs_seized`).
    Key,
}

/// The field a header names, forgiving case, spaces, underscores and common synonyms.
pub fn match_header(header: &str) -> Option<Field> {
    classify_header(header).map(|(f, _)| f)
}

/// The field a header names and how surely: its key, a synonym, else the words in it.
pub fn classify_header(header: &str) -> Option<(Field, Strength)> {
    let find = |k: &str| {
        SYNONYMS
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(f, _)| *f)
    };
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    if let Some(f) = Field::ALL.iter().find(|f| fold(f.key()) == key) {
        return Some((*f, Strength::Key));
    }
    // "Electricity saved (kWh)" folds to "electricitysaved"; names with the unit inside the
    // brackets as part of the name ("Coal saved (t)" → "coalsavedt") are tried too.
    find(&key)
        .or_else(|| {
            let whole: String = header
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            find(&whole)
        })
        .map(|f| (f, Strength::Synonym))
        .or_else(|| super::header_keywords::keyword_field(header).map(|f| (f, Strength::Keyword)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_forgive_case_spaces_and_synonyms() {
        for (h, f) in [
            ("Rigs Seized", Field::Rigs),
            ("rigs", Field::Rigs),
            ("machines seized", Field::Rigs),
            ("kWh saved", Field::Kwh),
            ("projects closed", Field::Projects),
            ("Province/Region", Field::Province),
            ("PROJECTS_SHUT_DOWN", Field::Projects),
            (" electricity_saved_kwh ", Field::Kwh),
            ("省份", Field::Province),
            ("Coal saved (t)", Field::Coal),
            ("Electricity saved (GWh)", Field::Kwh),
            ("节约电量(亿千瓦时)", Field::Kwh),
            ("Coal (million t)", Field::Coal),
            ("关停矿场", Field::Projects),
            ("没收矿机", Field::Rigs),
            ("口径", Field::Basis),
            ("盟市", Field::City),
            ("Datum", Field::Date),
            ("Fecha", Field::Date),
            ("Provinz", Field::Province),
            ("Région", Field::Province),
            ("Stadt", Field::City),
            ("Città", Field::City),
            ("Maßnahme", Field::Action),
            ("地市", Field::City),
            ("市（州）", Field::City),
            ("市州", Field::City),
            ("Quelle", Field::Source),
            ("Fuente", Field::Source),
            ("Anmerkung", Field::Notes),
            ("Remarques", Field::Notes),
        ] {
            assert_eq!(match_header(h), Some(f), "{h}");
        }
        assert_eq!(match_header("confidence"), None);
        assert_eq!(
            classify_header("rigs_seized"),
            Some((Field::Rigs, Strength::Key))
        );
        assert_eq!(
            classify_header("Rigs Seized"),
            Some((Field::Rigs, Strength::Key))
        );
        assert_eq!(
            classify_header("查扣矿机"),
            Some((Field::Rigs, Strength::Synonym))
        );
        assert_eq!(
            classify_header("查扣矿机数量"),
            Some((Field::Rigs, Strength::Keyword))
        );
        // A synonym of another field is not overruled by the words in it.
        assert_eq!(match_header("source"), Some(Field::Source));
        assert_eq!(match_header("notes about rigs"), None);
        assert_eq!(match_header(""), None);
    }
}
