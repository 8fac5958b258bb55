//! Totals rows: a row that sums other rows of the table (`合计`, `小计`, `Total`, `All
//! provinces`), found by the words in its province, city or first cell. Such a row is left out
//! of every sum, so that the rows it sums are not counted twice, unless its basis says
//! `counted` (what the one-click fix writes). Running-total rows are never totals rows.
//!
//! Notes under a table (`注：…`, `数据来源：…`, `Note: …`, `Quelle: …`) and the sign-off lines of
//! a statistics form (`填报人：…`, `联系电话：…`) are left out the same way and by the same cells,
//! under a message of their own: they are no events.
//!
//! The words are matched once per distinct text (per interned symbol, cached), so a row costs
//! a table lookup, not a string scan. No parsing into the document here.

use super::cells::{BasisCell, DateCell, Num};
use super::document::Document;
use super::interner::{EMPTY, Sym};
use super::schema::{Column, Field};
use super::value::Basis;

/// Texts that, alone, say a row sums others (compared after [`normalize`]).
const WORDS: &[&str] = &[
    // Chinese: total, grand total, subtotal, cumulative, altogether, summary.
    "合计",
    "总计",
    "小计",
    "累计",
    "共计",
    "总合计",
    "汇总",
    "合计数",
    "总计数",
    "累计数",
    // English.
    "total",
    "totals",
    "grand total",
    "subtotal",
    "sub-total",
    "sub total",
    "sum",
    "sums",
    "all provinces",
    "all regions",
    "all provinces and regions",
    // German, Dutch, French, Italian, Spanish and Portuguese, as European Excel tables write
    // their last row (`Summe`, `Insgesamt`, `Totaal`, `Totale`, `Suma`).
    "summe",
    "gesamt",
    "insgesamt",
    "gesamtsumme",
    "totaal",
    "somme",
    "totale",
    "totali",
    "somma",
    "suma",
    "soma",
];

/// Chinese words that end a totals text after a short qualifier (`全省合计`, `全国总计`,
/// `内蒙古小计`, `各地共计`). `累计` is not one: `本月累计` is a running figure, not a sum of
/// the rows above.
const CJK_SUFFIXES: &[&str] = &["合计", "总计", "小计", "共计"];

/// English words that end a totals text after a place name (`Hebei total`), for province and
/// city cells only.
const LATIN_SUFFIXES: &[&str] = &["total", "totals", "subtotal", "sub-total"];

/// Words that, at the start of a cell and followed by a colon, a number or nothing, say the
/// row is a note under the table (compared after [`normalize`], so `注：` is `注:`). `注意`,
/// `Notebook` or `Sources of power` are not: what follows the word must end it ([`word_ends`]).
const NOTE_WORDS: &[&str] = &[
    // Chinese: note, notes, remark, explanation, data source, source.
    "注",
    "附注",
    "备注",
    "注释",
    "说明",
    "数据来源",
    "资料来源",
    "来源",
    // The sign-off lines of a Chinese statistics form: who filled it in, checked it and is in
    // charge, how to reach them, when it was filled in or sent.
    "填报人",
    "填表人",
    "制表人",
    "制表",
    "审核人",
    "负责人",
    "单位负责人",
    "统计负责人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
    "报出日期",
    "报送日期",
    // English, German, French, Spanish, Italian.
    "note",
    "notes",
    "nb",
    "n.b",
    "source",
    "sources",
    "quelle",
    "quellen",
    "anmerkung",
    "anmerkungen",
    "hinweis",
    "remarque",
    "remarques",
    "fuente",
    "fuentes",
    "nota",
    "notas",
];

/// Whether a cell's text starts like a note under a table: a [`NOTE_WORDS`] word ending
/// there (`注：`, `注1`, `注①`, `Source:`, `Notes`), or a footnote mark (`*`, `※`) before text.
fn is_note_text(text: &str) -> bool {
    // The start is enough, and notes are long: only the first characters are normalised.
    let head: String = text.trim_start().chars().take(12).collect();
    if let Some(rest) = head.strip_prefix(['*', '※']) {
        return rest
            .trim_start_matches(['*', '※', ' '])
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
    }
    let key = normalize(&head);
    NOTE_WORDS.iter().any(|w| {
        key.strip_prefix(w).is_some_and(|rest| {
            word_ends(rest) || rest.starts_with(|c| ('\u{2460}'..='\u{2473}').contains(&c))
        })
    })
}

/// Characters of Chinese, Japanese or Korean text (no spaces between words).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// A cell's text as the words are compared: full-width letters, digits and punctuation as
/// ASCII, lower case, runs of spaces as one (none beside Chinese characters: `合　计` is
/// `合计`), and no spaces, colons, full stops or footnote stars at the ends.
fn normalize(text: &str) -> String {
    let mut chars: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{FEFF}' | '\u{200B}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            if chars.last().is_some_and(|&l| l != ' ') {
                chars.push(' ');
            }
        } else {
            chars.extend(c.to_lowercase());
        }
    }
    while chars
        .last()
        .is_some_and(|&c| matches!(c, ' ' | ':' | '.' | '。' | '*' | '、'))
    {
        chars.pop();
    }
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            if before.is_some_and(|&b| is_cjk(b)) || after.is_some_and(|&a| is_cjk(a)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether what follows a totals word at the start of a text still reads as that word
/// (`Total (all provinces)`, `合计：`, `Total - 2021`), not as a longer word (`Totalitarian`,
/// `合计划`, `Sum of`).
fn word_ends(rest: &str) -> bool {
    let rest = rest.trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) => {
            matches!(
                c,
                '(' | '[' | '{' | ':' | ';' | ',' | '-' | '/' | '–' | '—' | '（' | '【' | '，'
            ) || c.is_ascii_digit()
        }
    }
}

/// Whether a cell's text says its row sums other rows: a totals word alone or at the start
/// (`合计`, `Total (all provinces)`, `合计：`), or a Chinese sum word after a short qualifier
/// (`全省合计`). Case, spaces, full-width forms and a trailing colon do not matter.
pub fn is_totals_text(text: &str) -> bool {
    totals_kind(text) & WORD != 0
}

/// As [`is_totals_text`], for a province or city cell, which also reads a place name followed
/// by `total` or `subtotal` (`Hebei total`) as a totals row.
pub fn is_totals_place(text: &str) -> bool {
    totals_kind(text) & PLACE != 0
}

/// Cache bits of a symbol: looked at, a totals text, a totals place text, a note.
const SEEN: u8 = 1;
const WORD: u8 = 2;
const PLACE: u8 = 4;
const NOTE: u8 = 8;

/// What the text reads as ([`WORD`], [`PLACE`] and [`NOTE`] bits, and [`SEEN`]).
fn totals_kind(text: &str) -> u8 {
    if text.trim().is_empty() {
        return SEEN;
    }
    // A text without a letter is neither (a serial number in a first 序号 column, a date): told
    // apart without allocating, as such columns hold a new text on nearly every row.
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return SEEN;
    }
    if is_note_text(text) {
        return SEEN | NOTE;
    }
    // A totals text is short; long ones (notes, sources) need no closer look.
    if text.len() > 120 {
        return SEEN;
    }
    let key = normalize(text);
    let word = WORDS
        .iter()
        .any(|w| key.strip_prefix(w).is_some_and(word_ends))
        || CJK_SUFFIXES.iter().any(|s| {
            key.strip_suffix(s).is_some_and(|q| {
                let n = q.chars().count();
                (1..=5).contains(&n) && q.chars().all(is_cjk)
            })
        });
    if word {
        return SEEN | WORD | PLACE;
    }
    let place = LATIN_SUFFIXES.iter().any(|s| {
        key.strip_suffix(s)
            .and_then(|q| q.strip_suffix(' '))
            .is_some_and(|q| {
                let words = q.split(' ').count();
                words <= 3 && q.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
            })
    });
    if place { SEEN | PLACE } else { SEEN }
}

/// The cell that makes a row a totals row ([`Document::totals_row_cell`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TotalsCell {
    /// The province, the city or the first column.
    pub column: Column,
    /// The cell reads as a note under the table (`注：…`, `Source: …`), not as a sum.
    pub note: bool,
}

impl Document {
    /// The cache bits of a symbol's text, from the cache when it was noted.
    #[inline]
    fn totals_bits(&self, sym: Sym) -> u8 {
        if sym == EMPTY {
            return SEEN;
        }
        match self.totals_syms.get(sym as usize) {
            Some(&b) if b != 0 => b,
            _ => totals_kind(self.strings.resolve(sym)),
        }
    }

    /// Looks at a symbol's text once, so that rows holding it are told apart by a lookup.
    #[inline]
    pub(super) fn note_totals_sym(&mut self, sym: Sym) {
        if sym == EMPTY {
            return;
        }
        let i = sym as usize;
        if self.totals_syms.get(i).is_some_and(|&b| b != 0) {
            return;
        }
        if self.totals_syms.len() <= i {
            self.totals_syms.resize(i + 1, 0);
        }
        self.totals_syms[i] = totals_kind(self.strings.resolve(sym));
    }

    /// Notes the symbols of a row's province, city and first cell.
    pub(super) fn note_totals_row(&mut self, row: usize) {
        let (p, c, f) = (self.province[row], self.city[row], self.first_cell_sym(row));
        self.note_totals_sym(p);
        self.note_totals_sym(c);
        self.note_totals_sym(f);
    }

    /// Takes in the cache of a part joined to this document (`map`: its symbols to ours).
    pub(super) fn absorb_totals_syms(&mut self, theirs: &[u8], map: &[Sym]) {
        for (i, &b) in theirs.iter().enumerate() {
            if b == 0 {
                continue;
            }
            let Some(&sym) = map.get(i) else { continue };
            let j = sym as usize;
            if self.totals_syms.len() <= j {
                self.totals_syms.resize(j + 1, 0);
            }
            self.totals_syms[j] = b;
        }
    }

    /// The symbol of the text in a row's first cell, when the first column is neither the
    /// province nor the city (those are looked at anyway) and the cell holds text.
    #[inline(always)]
    pub(super) fn first_cell_sym(&self, row: usize) -> Sym {
        match self.columns.first() {
            Some(Column::Field(Field::Date)) => match self.date[row] {
                DateCell::Invalid(sym) => sym,
                _ => EMPTY,
            },
            Some(Column::Field(Field::Action)) => self.action[row],
            Some(Column::Field(Field::Source)) => self.source[row],
            Some(Column::Field(Field::Notes)) => self.notes[row],
            Some(&Column::Extra(i)) => self.extras.get(i).map_or(EMPTY, |c| c[row]),
            Some(Column::Field(f)) => match f.metric().map(|m| self.figure(row, m)) {
                Some(Num::Invalid(sym)) => sym,
                _ => EMPTY,
            },
            None => EMPTY,
        }
    }

    /// The cell that makes a row a totals row (its province, city or first cell holds a totals
    /// word), or `None` when the row is counted: no such word, a running total, or a basis of
    /// `counted` (the user said it is a real row).
    pub fn totals_cell(&self, row: usize) -> Option<Column> {
        self.totals_row_cell(row).map(|t| t.column)
    }

    /// As [`Document::totals_cell`], with whether that cell is a note under the table.
    pub fn totals_row_cell(&self, row: usize) -> Option<TotalsCell> {
        if row >= self.len {
            return None;
        }
        self.totals_cell_of(
            self.basis[row],
            self.province[row],
            self.city[row],
            self.first_cell_sym(row),
        )
    }

    /// As [`Document::totals_row_cell`], from a row's basis cell and the symbols of its
    /// province, city and first cell.
    #[inline(always)]
    pub(super) fn totals_cell_of(
        &self,
        basis: BasisCell,
        province: Sym,
        city: Sym,
        first: Sym,
    ) -> Option<TotalsCell> {
        if matches!(
            basis,
            BasisCell::Valid(Basis::RunningTotal) | BasisCell::Counted
        ) {
            return None;
        }
        // A text is a totals text or a note, never both: the bits that matched tell which.
        let cell = |column, bits: u8| TotalsCell {
            column,
            note: bits & NOTE != 0,
        };
        let (p, c, f) = (
            self.totals_bits(province),
            self.totals_bits(city),
            self.totals_bits(first),
        );
        if p & (PLACE | NOTE) != 0 {
            Some(cell(Column::Field(Field::Province), p))
        } else if c & (PLACE | NOTE) != 0 {
            Some(cell(Column::Field(Field::City), c))
        } else if f & (WORD | self.first_cell_notes()) != 0 {
            self.columns.first().map(|&column| cell(column, f))
        } else {
            None
        }
    }

    /// The [`NOTE`] bit when a note in the first cell makes its row a note under the table:
    /// not when the first column is one whose cells may well start so (`Source: Xinhua` in a
    /// source column, `注：…` in a notes column, an action).
    #[inline(always)]
    fn first_cell_notes(&self) -> u8 {
        match self.columns.first() {
            Some(Column::Field(Field::Source | Field::Notes | Field::Action)) => 0,
            _ => NOTE,
        }
    }

    /// True when the row is a totals row, left out of every sum.
    pub fn is_totals_row(&self, row: usize) -> bool {
        self.totals_cell(row).is_some()
    }

    /// True when `sym`, an unparsed cell of `row`, is part of a note under the table: the row
    /// is a note row and the cell reads as a note too (`审核人：…` beside `填报人：…`), so it is
    /// no figure or date the app failed to read.
    pub(super) fn is_part_of_note(&self, row: usize, sym: Sym) -> bool {
        self.totals_bits(sym) & NOTE != 0 && self.is_note_row(row)
    }

    /// True when the cell that makes the row a totals row (see [`Document::totals_cell`])
    /// reads as a note under the table (`注：…`, `Source: …`) rather than as a sum.
    pub fn is_note_row(&self, row: usize) -> bool {
        self.totals_row_cell(row).is_some_and(|t| t.note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::facts::NoObserver;

    #[test]
    fn notes_under_a_table_by_their_first_word() {
        for t in [
            "注：1.数据截至2021年6月底。",
            "注:本表数据为初步统计",
            "注1：含小型矿点",
            "注①关停项目按矿场计",
            "附注：",
            "备注：单位为台",
            "说明：1.本表由各盟市填报",
            "数据来源：各省发展改革委",
            "资料来源：国家能源局",
            "来源：新华社",
            "  Note: figures are provisional",
            "Notes",
            "NOTE 1. Rigs counted by police",
            "Source: Xinhua, 2021-06-20",
            "Sources: provincial DRCs",
            "Quelle: Reuters",
            "Anmerkung: vorläufige Zahlen",
            "Fuente: Xinhua",
            "Nota: cifras provisionales",
            "Remarque : chiffres provisoires",
            "* includes small sites",
            "※含已关停矿点",
            "填报人：张三",
            "单位负责人：李四",
            "联系电话：0471-1234567",
            "报出日期：2021年10月8日",
        ] {
            assert!(is_note_text(t), "{t}");
            assert_eq!(totals_kind(t) & (NOTE | WORD | PLACE), NOTE, "{t}");
        }
        for t in [
            "注意",
            "说明书",
            "来源地",
            "Notebook",
            "Sources of power",
            "Nottingham",
            "Hebei",
            "内蒙古",
            "*",
            "** 12",
            "2021-09-27",
            "合计",
            "填报单位名称",
            "负责人员",
        ] {
            assert!(!is_note_text(t), "{t}");
        }
    }

    #[test]
    fn a_note_row_is_left_out_unless_its_first_column_holds_sources_or_notes() {
        let row = |columns: &[Field], cells: &[&str]| {
            let mut d = doc(columns, &[cells]);
            d.infer_date_order();
            (d.is_totals_row(0), d.is_note_row(0))
        };
        use Field::*;
        assert_eq!(
            row(&[Province, Rigs], &["注：数据截至6月", ""]),
            (true, true)
        );
        assert_eq!(
            row(&[Date, Province, Rigs], &["数据来源：发改委", "", ""]),
            (true, true)
        );
        // A source column first: `Source: Xinhua` is its cell, not a note under the table.
        assert_eq!(
            row(&[Source, Province, Rigs], &["Source: Xinhua", "Hebei", "5"]),
            (false, false)
        );
        assert_eq!(
            row(&[Notes, Province, Rigs], &["注：临河区", "Hebei", "5"]),
            (false, false)
        );
        // Counted by the user's fix, it is summed like any row.
        let mut d = doc(&[Province, Rigs], &[&["注：数据截至6月", "7"]]);
        let fix = d.count_row(0).expect("a note row has the totals-row fix");
        d.apply(&fix, &mut NoObserver).unwrap();
        assert!(!d.is_totals_row(0) && !d.is_note_row(0));
        // The cell that makes the row a note is the note, not the cells beside it; a totals
        // word is no note.
        let d = doc(
            &[Date, Province, Rigs],
            &[&["数据来源：发改委", "", ""], &["", "合计", "9"]],
        );
        let cell = |column, note| {
            Some(TotalsCell {
                column: Column::Field(column),
                note,
            })
        };
        assert_eq!(d.totals_row_cell(0), cell(Date, true));
        assert_eq!(d.totals_cell(1), Some(Column::Field(Province)));
        assert_eq!(d.totals_row_cell(1), cell(Province, false));
        assert_eq!(d.totals_row_cell(5), None);
    }

    #[test]
    fn a_sign_off_line_spread_over_columns_is_one_note_not_figures_that_did_not_parse() {
        use Field::*;
        let mut d = doc(
            &[Province, Projects, Rigs],
            &[
                &["填报人：王五", "审核人：赵六", "联系电话：123"],
                &["Hebei", "审核人：赵六", "x"],
            ],
        );
        let flagged = |d: &Document, row| {
            [Projects, Rigs].map(|f| d.cell_problem(row, Column::Field(f)).is_some())
        };
        // In the note row, the note's other parts are no figures; "x" in a real row is one.
        assert!(d.is_note_row(0));
        assert_eq!(flagged(&d, 0), [false, false]);
        assert_eq!(flagged(&d, 1), [true, true]);
        // Counted as a real row, its cells are figures that did not parse.
        let fix = d.count_row(0).unwrap();
        d.apply(&fix, &mut NoObserver).unwrap();
        assert_eq!(flagged(&d, 0), [true, true]);
    }

    #[test]
    fn totals_words_alone_at_the_start_or_after_a_qualifier() {
        for t in [
            "合计",
            " 合计 ",
            "合　计",
            "合 计",
            "合计：",
            "合计:",
            "合计（全省）",
            "总计",
            "小计",
            "累计",
            "共计",
            "全省合计",
            "全国合计",
            "全市小计",
            "内蒙古小计",
            "汇总",
            "Total",
            "TOTAL",
            "Total:",
            "Totals",
            "Grand total",
            "grand  total",
            "Ｔｏｔａｌ",
            "Total (all provinces)",
            "Total - 2021",
            "Total 2021",
            "Sum",
            "Subtotal",
            "Sub-total",
            "All provinces",
            "all provinces:",
            "合计*",
            "Summe",
            "Summe:",
            "Summe (alle Provinzen)",
            "Insgesamt",
            "Gesamt",
            "Totaal",
            "Totale",
            "Somme",
            "Suma",
        ] {
            assert!(is_totals_text(t), "{t}");
            assert!(is_totals_place(t), "{t}");
        }
    }

    #[test]
    fn words_that_only_begin_like_a_total_are_not_totals() {
        for t in [
            "",
            "Totalitarian",
            "Total shutdown",
            "Summary",
            "Sumatra",
            "Sum of rigs",
            "合计划",
            "总计划",
            "小计算机",
            "累计关停",
            "本月累计",
            "联合",
            "合肥",
            "合川",
            "National",
            "全国",
            "全省",
            "Inner Mongolia",
            "内蒙古",
            "totally",
            "police total",
            "2021-09-27",
            "一二三四五六合计",
            "Summer",
            "Gesamtzahl",
            "Somalia",
            "Totalement",
        ] {
            assert!(!is_totals_text(t), "{t}");
        }
        // A place name followed by "total" is a totals row in a place cell only.
        assert!(is_totals_place("Hebei total"));
        assert!(is_totals_place("Inner Mongolia subtotal"));
        assert!(!is_totals_text("Hebei total"));
        assert!(!is_totals_place("police total, see notes"));
        assert!(!is_totals_place("Totalitarian"));
        assert!(!is_totals_place("合肥"));
    }

    fn doc(columns: &[Field], rows: &[&[&str]]) -> Document {
        let columns: Vec<Column> = columns.iter().map(|f| Column::Field(*f)).collect();
        let mut d = Document::with_columns(columns.clone(), Vec::new());
        for r in rows {
            d.push_record(&columns, r);
        }
        d
    }

    #[test]
    fn a_row_is_a_totals_row_by_its_province_city_or_first_cell() {
        use Field::*;
        let d = doc(
            &[Date, Province, City, Rigs, Basis],
            &[
                &["2021-09-27", "内蒙古", "巴彦淖尔", "10", ""],
                &["", "合计", "", "30", ""],
                &["2021-09-27", "内蒙古", "小计", "20", ""],
                &["合计", "", "", "30", ""],
                &["2021-09-27", "Hebei", "Total", "5", "running_total"],
                &["2021-09-27", "Total", "", "5", "counted"],
                &["2021-09-27", "合肥", "", "5", ""],
            ],
        );
        let cells: Vec<Option<Column>> = (0..d.len()).map(|r| d.totals_cell(r)).collect();
        assert_eq!(
            cells,
            [
                None,
                Some(Column::Field(Province)),
                Some(Column::Field(City)),
                Some(Column::Field(Date)),
                None,
                None,
                None,
            ]
        );
        assert!(d.facts(1).totals_row && d.facts(2).totals_row && d.facts(3).totals_row);
        assert!(!d.facts(4).totals_row && !d.facts(5).totals_row);
        // The totals word is not also an unknown province.
        assert_eq!(d.cell_problem(1, Column::Field(Province)), None);
        assert_eq!(d.cell_problem(3, Column::Field(Date)), None);
        assert!(d.cell_problem(5, Column::Field(Province)).is_some());
        // The same answers in a document read in parts and joined.
        let mut joined = doc(&[Date, Province, City, Rigs, Basis], &[]);
        joined.append_on(d.clone(), false);
        for r in 0..d.len() {
            assert_eq!(joined.totals_cell(r), d.totals_cell(r), "{r}");
        }
    }

    #[test]
    fn an_extra_first_column_counts_as_the_first_cell() {
        let columns = vec![
            Column::Extra(0),
            Column::Field(Field::Province),
            Column::Field(Field::Rigs),
        ];
        let mut d = Document::with_columns(columns.clone(), vec!["序号".into()]);
        d.push_record(&columns, &["1", "河北", "5"]);
        d.push_record(&columns, &["合计", "", "5"]);
        assert!(!d.is_totals_row(0));
        assert_eq!(d.totals_cell(1), Some(Column::Extra(0)));
        // Edited in and out.
        d.apply(
            &crate::data::edit::Edit::SetCell {
                row: 0,
                column: Column::Extra(0),
                text: "Total".into(),
            },
            &mut NoObserver,
        )
        .unwrap();
        assert!(d.is_totals_row(0));
    }
}
