//! Finding a table's header: the row, among the first [`LOOK`] rows that are not blank, that
//! looks most like one. Title rows (one filled cell), notes and blank rows above it are skipped.
//! A unit row right under it (`台`, `个`, `亿千瓦时`, `(t)`) is part of the header: each unit is
//! joined to its name (`节约电量(亿千瓦时)`), so the column is read in that unit.
//!
//! A header names fields the app knows, or at least holds short texts in several cells, and the
//! rows after it hold numbers or dates. A file whose first row is its header reads as it always
//! did: no later row scores above a real header, and ties go to the earlier row.

use super::headers::match_header;
use super::report::{ImportReport, ReadOptions};
use crate::data::figure::{self, Quantity};
use crate::data::value;

/// Rows (not blank) among which the header is looked for.
pub(crate) const LOOK: usize = 20;
/// Rows after a candidate that say whether data follows it.
const AFTER: usize = 3;
/// Rows (not blank) a reader gathers for [`find_header`]: the candidates, a unit row and the
/// rows after the last candidate.
pub(crate) const GATHER: usize = LOOK + 1 + AFTER;

/// A row at the head of a table: its number as a spreadsheet shows it (1-based) and its cells.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct HeadRow {
    pub(crate) number: usize,
    pub(crate) cells: Vec<String>,
}

impl HeadRow {
    fn blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// The header found: which of the rows given it is, whether the row after it holds units, and
/// the column names (units joined).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Header {
    pub(crate) index: usize,
    /// The row under it holds the columns' units.
    pub(crate) units: bool,
    /// The row under it is a second header row of grouped columns.
    pub(crate) grouped: bool,
    pub(crate) names: Vec<String>,
    /// A row above the header that declares the table's units (`单位：台、万千瓦时`): its index
    /// among the rows given, the units it names, and the names of the columns those units were
    /// joined to (as the header row wrote them).
    pub(crate) declared: Option<(usize, Vec<String>, Vec<String>)>,
}

impl Header {
    /// The index of the first row after the header (and its unit row or second header row).
    pub(crate) fn body(&self) -> usize {
        self.index + 1 + usize::from(self.units || self.grouped)
    }
}

/// A cell that holds a value rather than a name: a number (in any of the usual formats) or a
/// date.
fn is_value(cell: &str) -> bool {
    let c = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if c.is_empty() {
        return false;
    }
    let numeric = c.bytes().any(|b| b.is_ascii_digit())
        && c.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' ' | b'-' | b'%'));
    numeric || figure::parse_figure(c, Quantity::Mass, 0).is_ok() || value::parse_date(c).is_ok()
}

/// Cells that label a unit row rather than give a unit (`单位`: "unit").
fn unit_label(cell: &str) -> bool {
    let c = cell.trim().trim_end_matches([':', '：']).to_lowercase();
    matches!(c.as_str(), "单位" | "计量单位" | "unit" | "units")
}

/// Units that figures are not counted in but that unit rows name beside them.
const OTHER_UNITS: &[&str] = &[
    "元",
    "万元",
    "亿元",
    "%",
    "人",
    "名",
    "户",
    "次",
    "起",
    "件",
    "千瓦",
    "万千瓦",
    "kw",
    "mw",
];

/// True when `row` is a unit row: at least one filled cell, and every filled cell a short unit
/// (a data row may hold a unit word too: a figure typed as `t` beside a basis `event`).
pub(crate) fn is_unit_row(row: &HeadRow) -> bool {
    let filled: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && !unit_label(c))
        .collect();
    let units = filled
        .iter()
        .filter(|c| {
            figure::is_unit_word(c) || OTHER_UNITS.iter().any(|u| c.eq_ignore_ascii_case(u))
        })
        .count();
    !filled.is_empty()
        && units == filled.len()
        && filled
            .iter()
            .all(|c| c.chars().count() <= 12 && !is_value(c))
}

/// Whether the units of `units` sit where units can: a unit under a column that names a field
/// without figures (date, province, action, source…) means the row is data (an action typed as
/// `%`), not the header's units.
fn units_fit(header: &HeadRow, units: &HeadRow) -> bool {
    units.cells.iter().enumerate().all(|(i, u)| {
        let u = u.trim();
        u.is_empty()
            || unit_label(u)
            || header
                .cells
                .get(i)
                .and_then(|name| match_header(name))
                .is_none_or(|f| f.metric().is_some())
    })
}

/// A cell that gives only a unit: `台`, `万千瓦时`, `（万吨）`, `(million t)`.
fn unit_cell(cell: &str) -> bool {
    let c = cell.trim();
    let inner = c
        .trim_start_matches(['(', '（', '[', '【'])
        .trim_end_matches([')', '）', ']', '】'])
        .trim();
    !inner.is_empty()
        && (figure::is_unit_word(inner)
            || OTHER_UNITS.iter().any(|u| inner.eq_ignore_ascii_case(u)))
}

/// The nearest named header cell at or left of column `i` whose group reaches `i`: itself when
/// named, else the one a merged cell spans from (the header cells between are empty and the
/// row under them is filled, as a merged group header leaves them).
fn group_of<'a>(header: &'a HeadRow, sub: &HeadRow, i: usize) -> Option<&'a str> {
    let cell = |r: &'a HeadRow, j: usize| r.cells.get(j).map_or("", |c| c.trim());
    let sub_cell = |j: usize| sub.cells.get(j).map_or("", |c| c.trim());
    let mut j = i;
    loop {
        if !cell(header, j).is_empty() {
            return Some(cell(header, j));
        }
        if sub_cell(j).is_empty() || j == 0 {
            return None;
        }
        j -= 1;
    }
}

/// True when `sub`, right under `header`, is a second header row, as tables with grouped
/// columns have (`关停项目` merged over `项目数（个）` and `矿机数（台）`, `节约电量` over
/// `（万千瓦时）`): no values, short texts, at least one under an empty header cell that a group
/// spans, and each a unit or a name the app knows. A data row has no cell under an empty header
/// cell that names a field.
fn is_sub_header(header: &HeadRow, sub: &HeadRow) -> bool {
    let filled: Vec<(usize, &str)> = sub
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.trim()))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    // Alone: a group that names a field would make any text under it look like a name.
    let names = |_: usize, c: &str| unit_cell(c) || match_header(c).is_some();
    let under_empty = |i: usize| header.cells.get(i).is_none_or(|h| h.trim().is_empty());
    filled.len() >= 2
        && filled
            .iter()
            .all(|&(_, c)| !is_value(c) && c.chars().count() <= 20)
        && filled.iter().any(|&(i, c)| {
            under_empty(i) && i > 0 && group_of(header, sub, i).is_some() && names(i, c)
        })
        && filled.iter().all(|&(i, c)| names(i, c))
}

/// A grouped column's name from its group and the second header row's cell: the cell alone when
/// it names a field (`矿机数（台）`), the group with the unit when it gives only a unit
/// (`节约电量（万千瓦时）`), else both (`关停项目 项目数（个）`).
fn grouped_name(group: Option<&str>, sub: &str) -> String {
    let sub = sub.trim();
    match group {
        _ if sub.is_empty() => group.unwrap_or("").to_owned(),
        None => sub.to_owned(),
        Some(_) if match_header(sub).is_some() => sub.to_owned(),
        Some(g) if unit_cell(sub) => with_unit(g, sub),
        Some(g) => format!("{g} {sub}"),
    }
}

/// A column's name with the unit a row under it gives: `节约电量（万千瓦时）`, `矿机(台)`; the unit
/// alone under an unnamed column.
fn with_unit(name: &str, unit: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        unit.to_owned()
    } else if unit.starts_with(['(', '（', '[', '【']) {
        format!("{name}{unit}")
    } else {
        format!("{name}({unit})")
    }
}

/// Words that label a unit declaration (`单位：万千瓦时`, `Unit: GWh`, `Einheit: t`), halfwidth
/// and lower case.
const UNIT_LABELS: &[&str] = &[
    "计量单位",
    "单位",
    "units",
    "unit",
    "einheiten",
    "einheit",
    "unités",
    "unité",
    "unidades",
    "unidad",
    "unità",
];

/// The units a cell declares for the table, as a title or a note above the header writes them:
/// `单位：台、万千瓦时`, `（单位：亿千瓦时）`, `Unit: GWh`, `Einheit: Mio. t`; only the words
/// that are units figures are counted in (`万元` is not one).
fn declared_units(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    for label in UNIT_LABELS {
        // The label's first place in the cell, any case, not inside a longer word.
        let Some(at) = (0..cell.len()).find(|&i| {
            cell.get(i..i + label.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(label))
                && !(label.is_ascii()
                    && cell[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric))
        }) else {
            continue;
        };
        let after = cell[at + label.len()..].trim_start();
        let Some(rest) = after.strip_prefix(':').or_else(|| after.strip_prefix('：')) else {
            continue;
        };
        let rest = rest.split([')', '）', ']', '】']).next().unwrap_or("");
        for word in rest.split(['、', '，', ',', ';', '；', '/', '|']) {
            let word = word.trim().trim_end_matches(['.', '。']);
            if figure::unit_of(word).is_some() {
                out.push(word.to_owned());
            }
        }
        break;
    }
    out
}

/// Joins the units a row above the header declares to the metric columns that name no unit of
/// their own, where one declared unit alone fits the column's quantity and scales it
/// (`节约电量` under `单位：台、万千瓦时` becomes `节约电量(万千瓦时)`). A unit of one, or two
/// units of one quantity with different scales, changes nothing.
fn apply_declared_units(
    rows: &[HeadRow],
    index: usize,
    names: &mut [String],
) -> Option<(usize, Vec<String>, Vec<String>)> {
    let (at, units) = rows[..index].iter().enumerate().find_map(|(i, r)| {
        let units: Vec<String> = r.cells.iter().flat_map(|c| declared_units(c)).collect();
        (!units.is_empty()).then_some((i, units))
    })?;
    let mut joined = Vec::new();
    for name in names.iter_mut() {
        let Some(quantity) = match_header(name)
            .and_then(|f| f.metric())
            .map(|m| m.quantity())
        else {
            continue;
        };
        if figure::header_unit(name, quantity).is_some() {
            continue;
        }
        let fitting: Vec<(&String, i32)> = units
            .iter()
            .filter_map(|u| figure::unit_of(u).map(|(q, p)| (u, q, p)))
            .filter(|&(_, q, _)| q == quantity)
            .map(|(u, _, p)| (u, p))
            .collect();
        let Some(&(unit, pow10)) = fitting.first() else {
            continue;
        };
        if pow10 != 0 && fitting.iter().all(|&(_, p)| p == pow10) {
            joined.push(name.trim().to_owned());
            *name = with_unit(name, unit);
        }
    }
    (!joined.is_empty()).then_some((at, units, joined))
}

/// How many cells of a row name a field the app knows.
fn known_names(row: &HeadRow) -> usize {
    row.cells
        .iter()
        .filter(|c| !c.trim().is_empty() && match_header(c).is_some())
        .count()
}

/// How much a row looks like a header, with the rows that follow it.
fn score(row: &HeadRow, following: &[&HeadRow]) -> i32 {
    let filled: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let known = filled.iter().filter(|c| match_header(c).is_some()).count() as i32;
    let values = filled.iter().filter(|c| is_value(c)).count() as i32;
    let long = filled
        .iter()
        .filter(|c| !is_value(c) && c.chars().count() > 40)
        .count() as i32;
    let texts = filled.len() as i32 - values - long;
    let mut s = 4 * known + 2 * texts - 3 * values - 2 * long;
    if filled.len() == 1 {
        // One filled cell: a title or a note (a one-column table's header names its field).
        s -= 2;
    }
    // Rows of numbers or dates after it (its unit row skipped).
    let data = following
        .iter()
        .skip_while(|r| is_unit_row(r))
        .take(AFTER)
        .filter(|r| r.cells.iter().any(|c| is_value(c)))
        .count() as i32;
    s + 2 * data
}

/// The header among `rows` (the head of a table, blank rows included): the row numbered
/// `chosen` when given (`None` when it is blank or not among them), else the best-scoring of the
/// first [`LOOK`] rows that are not blank; `None` when every row is blank.
pub(crate) fn find_header(rows: &[HeadRow], chosen: Option<usize>) -> Option<Header> {
    let filled: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].blank()).collect();
    let index = match chosen {
        Some(n) => *filled.iter().find(|&&i| rows[i].number == n)?,
        None => best(rows, &filled)?,
    };
    let next = filled.iter().find(|&&i| i > index).copied();
    // Grouped columns first: their second row may read as units too (`rigs` is a unit word).
    let grouped = next.is_some_and(|n| n == index + 1 && is_sub_header(&rows[index], &rows[n]));
    let units = !grouped
        && next.is_some_and(|n| {
            n == index + 1 && is_unit_row(&rows[n]) && units_fit(&rows[index], &rows[n])
        });
    let mut names = rows[index].cells.clone();
    if grouped {
        let (header, sub) = (&rows[index], &rows[index + 1]);
        let width = header.cells.len().max(sub.cells.len());
        names = (0..width)
            .map(|i| {
                let cell = sub.cells.get(i).map_or("", String::as_str);
                grouped_name(group_of(header, sub, i), cell)
            })
            .collect();
    } else if units {
        for (name, unit) in names.iter_mut().zip(&rows[index + 1].cells) {
            let unit = unit.trim();
            if !unit.is_empty() && !unit_label(unit) {
                *name = with_unit(name, unit);
            }
        }
    }
    let declared = apply_declared_units(rows, index, &mut names);
    Some(Header {
        index,
        units,
        grouped,
        names,
        declared,
    })
}

/// The best candidate: the first [`LOOK`] rows that are not blank, a unit row under a header
/// excluded. A later row must look like a header (text, no values) to be taken over the first,
/// and, when the first names known fields, name more of them.
fn best(rows: &[HeadRow], filled: &[usize]) -> Option<usize> {
    let first = *filled.first()?;
    let first_known = known_names(&rows[first]);
    // A first row that names a known field is the header, as it always was, when it has several
    // cells or its one cell is a column name (not words that say what a title counts): a data
    // row further down whose values happen to be column names (`省`, `event`) must never take
    // its place and swallow the rows above it. Title and note rows are one cell of words.
    let filled_cells: Vec<&str> = rows[first]
        .cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let a_name = |c: &str| {
        crate::io::headers::classify_header(c)
            .is_some_and(|(_, s)| s >= crate::io::headers::Strength::Synonym)
    };
    if first_known > 0 && (filled_cells.len() >= 2 || filled_cells.iter().all(|c| a_name(c))) {
        return Some(first);
    }
    let mut best: (usize, Option<(usize, i32)>) = (first, None);
    for (k, &i) in filled.iter().enumerate().take(LOOK) {
        let row = &rows[i];
        let above = k.checked_sub(1).map(|j| &rows[filled[j]]);
        let under_header = above.is_some_and(|a| {
            a.number + 1 == row.number
                && a.cells.iter().filter(|c| !c.trim().is_empty()).count() >= 2
        });
        if under_header && is_unit_row(row) {
            continue;
        }
        let names = row.cells.iter().filter(|c| !c.trim().is_empty());
        let header_like = names.clone().all(|c| !is_value(c))
            && names.filter(|c| c.trim().chars().count() <= 40).count() >= 2;
        // A first row that names known fields is the header unless a later one names more.
        if i != first && (!header_like || (first_known > 0 && known_names(row) <= first_known)) {
            continue;
        }
        let following: Vec<&HeadRow> = filled[k + 1..].iter().map(|&j| &rows[j]).collect();
        // More names the app knows win first; then how much the row looks like a header.
        let key = (known_names(row), score(row, &following));
        if best.1.is_none_or(|b| key > b) {
            best = (i, Some(key));
        }
    }
    Some(best.0)
}

/// Notes in the report which row is the header, the rows that could be, and what was guessed.
pub(crate) fn note_header(
    report: &mut ImportReport,
    options: &ReadOptions,
    rows: &[HeadRow],
    header: &Header,
) {
    report.header_row = Some(rows[header.index].number);
    report.header_rows = candidates(rows);
    if options.header_row.is_none() {
        report.guesses.extend(header_guesses(rows, header));
    }
}

/// What the report says of the header: a sentence when it is not the first row, or has units
/// under it.
pub(crate) fn header_guesses(rows: &[HeadRow], header: &Header) -> Vec<crate::i18n::Msg> {
    let mut out = Vec::new();
    let number = rows[header.index].number;
    let first = rows
        .iter()
        .find(|r| !r.blank())
        .map_or(number, |r| r.number);
    if number > first {
        out.push(crate::msg!(
            "guess-header-row",
            row = number.to_string(),
            above = (number - 1).to_string(),
            count = number - 1
        ));
    }
    if header.grouped {
        let subs: Vec<&str> = rows[header.index + 1]
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        out.push(crate::msg!(
            "guess-grouped-row",
            row = (number + 1).to_string(),
            names = subs.join(", ")
        ));
    } else if header.units {
        let units: Vec<&str> = rows[header.index + 1]
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && !unit_label(c))
            .collect();
        out.push(crate::msg!(
            "guess-unit-row",
            row = (number + 1).to_string(),
            units = units.join(", ")
        ));
    }
    if let Some((at, units, columns)) = &header.declared {
        out.push(crate::msg!(
            "guess-declared-units",
            row = rows[*at].number.to_string(),
            units = units.join(", "),
            columns = columns.join(", ")
        ));
    }
    out
}

/// The rows offered as the header in the import preview: the first [`LOOK`] rows that are not
/// blank, each as its number and the start of its text.
pub(crate) fn candidates(rows: &[HeadRow]) -> Vec<(usize, String)> {
    rows.iter()
        .filter(|r| !r.blank())
        .take(LOOK)
        .map(|r| {
            let text: Vec<&str> = r
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            let text = text.join(" | ");
            let short: String = text.chars().take(60).collect();
            let short = if short.len() < text.len() {
                format!("{short}…")
            } else {
                short
            };
            (r.number, short)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<HeadRow> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| HeadRow {
                number: i + 1,
                cells: l.split(',').map(str::to_owned).collect(),
            })
            .collect()
    }

    fn header_row(lines: &[&str]) -> usize {
        let r = rows(lines);
        let h = find_header(&r, None).expect("a header");
        r[h.index].number
    }

    #[test]
    fn a_first_row_header_is_the_header() {
        assert_eq!(
            header_row(&["date,province,rigs_seized", "2021-09-27,Hebei,10"]),
            1
        );
        // A one-column table.
        assert_eq!(header_row(&["date", "2021-09-27", "2021-09-28"]), 1);
        // No header at all: the first row, as always (the reader then says what is wrong).
        assert_eq!(
            header_row(&["2021-09-27,Hebei,10", "2021-09-28,Shanxi,"]),
            1
        );
        // Text rows under a header of unknown names: the first row.
        assert_eq!(header_row(&["foo,bar,baz", "a,b,c", "d,e,f"]), 1);
        // A header with a name the app knows, over rows of text: the header.
        assert_eq!(
            header_row(&["省份,x,,", "a", "Hebei,ø,National,n/a", "2021-09-27,2,3,4"]),
            1
        );
        // Later rows of text that happen to hold a field's name do not displace it.
        assert_eq!(
            header_row(&["Date", "cumulative,event", "x,y", "2021-09-27"]),
            1
        );
        assert_eq!(
            header_row(&["日期,x", "\u{feff}1e26,cumulative,event", "2021,1"]),
            1
        );
    }

    #[test]
    fn title_blank_and_note_rows_above_the_header_are_skipped() {
        let lines = [
            "2021年全省虚拟货币挖矿整治情况统计表,,,",
            ",,,",
            "日期,省份,关停项目,查扣矿机",
            "2021-09-27,内蒙古,45,10100",
        ];
        assert_eq!(header_row(&lines), 3);
        let note = [
            "Source: National Energy Administration, figures as published on 8 October 2021,,",
            "date,province,rigs_seized",
            "2021-09-27,Hebei,10",
        ];
        assert_eq!(header_row(&note), 2);
        // A header with no name the app knows, all text, over rows of numbers.
        let unknown = [
            "Table 3,,",
            "Region name,Seized,Closed",
            "North,10,2",
            "South,3,1",
        ];
        assert_eq!(header_row(&unknown), 2);
    }

    #[test]
    fn a_first_row_naming_a_field_stays_the_header_whatever_the_rows_below_hold() {
        // Found by the round-trip proptest: the data row's values are column names, and taking
        // it as the header would have lost it and everything above it.
        let r = rows(&["city,remark", "省,event", "Hebei,police"]);
        assert_eq!(find_header(&r, None).unwrap().index, 0);
        let r = rows(&["date", "省,省"]);
        assert_eq!(find_header(&r, None).unwrap().index, 0);
        // A one-cell title naming a field is still passed over for the header under it.
        let r = rows(&[
            "2021年各省关停项目统计",
            "日期,省份,关停项目",
            "2021-09-27,内蒙古,45",
        ]);
        assert_eq!(find_header(&r, None).unwrap().index, 1);
    }

    #[test]
    fn units_declared_above_the_header_scale_the_columns_that_name_none() {
        // A title, then the units line Chinese government tables put under it.
        let r = rows(&[
            "2021年各地虚拟货币挖矿整治情况统计表",
            ",,,单位：台、万千瓦时、万吨",
            "日期,省份,查扣矿机,节约电量,节约标准煤(吨),electricity note",
            "2021-06-01,内蒙古,1200,35.5,3,x",
        ]);
        let h = find_header(&r, None).unwrap();
        assert_eq!(h.index, 2);
        // Rigs count in 台 (nothing to scale), kWh in 万千瓦时; coal names its own unit.
        assert_eq!(
            h.names[2..5],
            ["查扣矿机", "节约电量(万千瓦时)", "节约标准煤(吨)"]
        );
        assert_eq!(
            figure::header_pow10(&h.names[3], Quantity::Energy),
            4,
            "{:?}",
            h.names
        );
        let said = header_guesses(&r, &h);
        assert!(
            said.iter()
                .any(|m| m.contains("row 2 gives the table's units")
                    && m.contains("万千瓦时")
                    && m.contains("节约电量")),
            "{said:?}"
        );
        // In brackets inside the title, and in English.
        for (title, header, want) in [
            (
                "2021年整治情况（单位：亿千瓦时）",
                "日期,省份,节约电量",
                "节约电量(亿千瓦时)",
            ),
            (
                "Crackdown 2021 (Unit: GWh)",
                "Date,Province,Electricity saved",
                "Electricity saved(GWh)",
            ),
            (
                "Einheit: Mio. t; Stand 2021",
                "Datum,Provinz,coal saved",
                "coal saved",
            ),
        ] {
            let r = rows(&[title, header, "2021-06-01,Hebei,3"]);
            let h = find_header(&r, None).unwrap();
            assert_eq!(h.names[2], want, "{title}");
        }
        // Units of money, or two scales of one quantity, change nothing.
        for line in [
            "单位：万元",
            "单位：万千瓦时、亿千瓦时",
            "community: 万千瓦时",
        ] {
            let r = rows(&[line, "日期,省份,节约电量", "2021-06-01,Hebei,3"]);
            let h = find_header(&r, None).unwrap();
            assert_eq!(h.names[2], "节约电量", "{line}");
            assert!(h.declared.is_none(), "{line}");
        }
    }

    #[test]
    fn a_second_header_row_of_grouped_columns_is_part_of_the_header() {
        // As Chinese government tables are laid out: 关停项目 merged over two columns, units
        // in brackets under 节约电量 and 节约标准煤, 序号 and 盟市 merged down over both rows.
        let r = rows(&[
            "序号,盟市,关停项目,,节约电量,节约标准煤,备注",
            ",,项目数（个）,矿机数（台）,（万千瓦时）,（万吨）,",
            "1,鄂尔多斯市,12,8600,35000,1.05,",
        ]);
        let h = find_header(&r, None).unwrap();
        assert_eq!((h.index, h.body(), h.grouped), (0, 2, true));
        assert_eq!(
            h.names,
            [
                "序号",
                "盟市",
                "项目数（个）",
                "矿机数（台）",
                "节约电量（万千瓦时）",
                "节约标准煤（万吨）",
                "备注"
            ]
        );
        let fields: Vec<_> = h.names.iter().map(|n| match_header(n)).collect();
        use crate::data::schema::Field;
        assert_eq!(fields[2], Some(Field::Projects));
        assert_eq!(fields[3], Some(Field::Rigs));
        assert_eq!(fields[4], Some(Field::Kwh));
        assert_eq!(fields[5], Some(Field::Coal));
        assert!(header_guesses(&r, &h)[0].contains("grouped columns"));
        // English, the same way.
        let r = rows(&[
            "Date,Province,Seized,,Saved",
            ",,rigs,projects,(GWh)",
            "2021-09-27,Hebei,10,2,1.5",
        ]);
        let h = find_header(&r, None).unwrap();
        assert!(h.grouped);
        assert_eq!(h.names[2..], ["rigs", "projects", "Saved(GWh)"]);
    }

    #[test]
    fn a_data_row_of_texts_is_never_a_second_header_row() {
        // Texts under named columns only (no empty header cell a group spans): data.
        let r = rows(&["date,province,rigs_seized", ",,rigs", "2021-09-27,Hebei,10"]);
        assert!(!find_header(&r, None).unwrap().grouped);
        let r = rows(&["city,remark", "省,event", "Hebei,police"]);
        assert!(!find_header(&r, None).unwrap().grouped);
        // Under an empty header cell, but naming nothing: data.
        let r = rows(&["日期,省份,关停项目,", ",,abc,xyz", "2021-09-27,河北,1,2"]);
        assert!(!find_header(&r, None).unwrap().grouped);
    }

    #[test]
    fn a_unit_under_a_text_column_is_a_data_row_not_the_units() {
        // Found by the round-trip proptest: an action typed as `%` under the header was taken
        // for its unit row, and the file read with no rows.
        let r = rows(&["action,Date,notes,Rigs", "%"]);
        let h = find_header(&r, None).unwrap();
        assert!(!h.units, "{h:?}");
        assert_eq!(h.body(), 1);
        // Under a figure column, the same row is the units.
        let r = rows(&["Rigs,Date", "%"]);
        assert!(find_header(&r, None).unwrap().units);
    }

    #[test]
    fn a_unit_row_under_the_names_joins_them() {
        let r = rows(&[
            "省份,关停项目,查扣矿机,节约电量,节约标煤",
            ",个,台,亿千瓦时,(万吨)",
            "内蒙古,45,10100,65.8,200",
        ]);
        let h = find_header(&r, None).unwrap();
        assert_eq!(h.index, 0);
        assert!(h.units);
        assert_eq!(h.body(), 2);
        assert_eq!(
            h.names,
            [
                "省份",
                "关停项目(个)",
                "查扣矿机(台)",
                "节约电量(亿千瓦时)",
                "节约标煤(万吨)"
            ]
        );
        assert_eq!(figure::header_pow10(&h.names[3], Quantity::Energy), 8);
        let guesses = header_guesses(&r, &h);
        assert!(
            guesses[0].contains("row 2 holds the columns' units"),
            "{guesses:?}"
        );
        // English units, a label cell, and cells that are values are no unit row.
        assert!(is_unit_row(&rows(&["unit:,kWh,(t),rigs"])[0]));
        assert!(!is_unit_row(&rows(&["Hebei,10,200"])[0]));
        assert!(!is_unit_row(&rows(&["Hebei,Shanxi,Jilin"])[0]));
        assert!(!is_unit_row(&rows(&[",,"])[0]));
    }

    #[test]
    fn a_chosen_row_is_the_header_and_the_report_names_it() {
        let r = rows(&["Title,,", ",,", "date,province,rigs", "2021-09-27,Hebei,10"]);
        let h = find_header(&r, None).unwrap();
        assert_eq!(
            header_guesses(&r, &h),
            ["the header is row 3; rows 1–2 above it are skipped"]
        );
        let chosen = find_header(&r, Some(4)).unwrap();
        assert_eq!(chosen.names, ["2021-09-27", "Hebei", "10"]);
        assert_eq!(find_header(&r, Some(2)), None, "a blank row is no header");
        assert_eq!(
            candidates(&r),
            [
                (1, "Title".to_owned()),
                (3, "date | province | rigs".to_owned()),
                (4, "2021-09-27 | Hebei | 10".to_owned())
            ]
        );
    }
}
