//! The matrix of `/` laid out for its template: columns, cells (count, heat step, stance bar,
//! link), the points' rows by category, and "who stands where".

use std::collections::HashMap;

use crate::db::matrix::{self, Axis, AxisFilter, ColumnRow, KeyedCell, UNKNOWN_OUTLET};
use crate::db::models::{CategoryRow, ProvisionRow};
use crate::web::error::WebResult;
use crate::web::filter::form;
use crate::web::state::AppState;

/// How many speakers "who stands where" lists, most statements first.
const WHO_ROWS: usize = 60;
/// Longest list of ids or slugs a link to `/statements` carries; a column with more links to
/// its drill-down instead (the server refuses addresses over 8 kB).
const MAX_FILTER_BYTES: usize = 6000;
/// Width of the stance bar in a cell, in SVG units.
const BAR_WIDTH: f64 = 40.0;
/// One coloured piece of a cell's stance bar.
pub struct Segment {
    /// CSS class: `supports`, `opposes`, `mixed`, `neutral`.
    pub class: &'static str,
    /// Left edge.
    pub x: String,
    /// Width.
    pub width: String,
}

/// A cell.
pub struct Cell {
    /// Statements.
    pub total: i64,
    /// Link to them.
    pub href: String,
    /// Screen-reader text and tooltip: the counts by stance.
    pub label: String,
    /// Heat step 0 (none) to 5 (the most in the table).
    pub heat: u8,
    /// Dominant stance, for the "who stands where" grid.
    pub stance: &'static str,
    /// The stance bar.
    pub bar: Vec<Segment>,
}

/// A column of the matrix.
pub struct Column {
    /// Header text.
    pub label: String,
    /// Second header line.
    pub sub: String,
    /// Link to the column's page or its drill-down.
    pub href: String,
}

/// A group of columns (the outlets of a country, the articles of an outlet).
pub struct ColumnGroup {
    /// Header text.
    pub label: String,
    /// Link to its drill-down, may be empty.
    pub href: String,
    /// Number of columns.
    pub span: usize,
}

/// A row: one point.
pub struct Row {
    /// 0 to [`crate::model::PointNumber::LAST`].
    pub number: i64,
    /// Point title.
    pub title: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Row total.
    pub total: i64,
}

/// Rows of one category.
pub struct Group {
    /// "A. Peace in Ukraine", or "" for point 0.
    pub name: String,
    /// Rows.
    pub rows: Vec<Row>,
}

/// A speaker row of "who stands where".
pub struct WhoRow {
    /// Name.
    pub name: String,
    /// Link to the speaker.
    pub href: String,
    /// One cell per point, from 0.
    pub cells: Vec<Cell>,
}

/// Speakers of one country.
pub struct WhoGroup {
    /// Country, or "other".
    pub name: String,
    /// Rows.
    pub rows: Vec<WhoRow>,
}

fn dominant(c: &KeyedCell) -> &'static str {
    let max = c.supports.max(c.opposes).max(c.mixed).max(c.neutral);
    if max == 0 {
        "none"
    } else if c.opposes == max {
        "opposes"
    } else if c.supports == max {
        "supports"
    } else if c.mixed == max {
        "mixed"
    } else {
        "neutral"
    }
}

/// The heat step of `total` in a table whose largest cell is `max`: 1 to 5, 0 for none.
pub fn heat(total: i64, max: i64) -> u8 {
    if total <= 0 || max <= 0 {
        return 0;
    }
    // ceil(5 * total / max) in integers, clamped to 1..=5
    (((5 * total) + max - 1) / max).clamp(1, 5) as u8
}

/// The stance bar: one segment per stance present, widths proportional to the counts.
pub fn bar(c: &KeyedCell) -> Vec<Segment> {
    let mut out = Vec::new();
    if c.total <= 0 {
        return out;
    }
    let sum = (c.supports + c.opposes + c.mixed + c.neutral).max(1) as f64;
    let mut x = 0.0;
    for (class, n) in [
        ("supports", c.supports),
        ("opposes", c.opposes),
        ("mixed", c.mixed),
        ("neutral", c.neutral),
    ] {
        if n > 0 {
            let width = BAR_WIDTH * n as f64 / sum;
            out.push(Segment {
                class,
                x: format!("{x:.1}"),
                width: format!("{width:.1}"),
            });
            x += width;
        }
    }
    out
}

/// The cell of `c` (none: an empty cell) linking to `href`, described as what `whose`
/// says `on` a point.
pub fn cell(c: Option<&KeyedCell>, max: i64, href: String, whose: &str, on: &str) -> Cell {
    match c {
        Some(c) if c.total > 0 => Cell {
            total: c.total,
            href,
            label: format!(
                "{whose}: {} on {on} ({} supports, {} opposes, {} mixed, {} neutral)",
                plural(c.total, "statement"),
                c.supports,
                c.opposes,
                c.mixed,
                c.neutral
            ),
            heat: heat(c.total, max),
            stance: dominant(c),
            bar: bar(c),
        },
        _ => Cell {
            total: 0,
            href: String::new(),
            label: format!("{whose}: nothing on {on}"),
            heat: 0,
            stance: "none",
            bar: Vec::new(),
        },
    }
}

/// "1 statement", "2 statements".
pub fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The column's link and the filter its cells add to `/statements`.
pub fn column_links(axis: Axis, c: &ColumnRow) -> (String, String, String) {
    // the articles with no publisher are the outlet UNKNOWN_OUTLET (`outlet=` alone is no filter)
    let key = match axis {
        Axis::Outlet if c.key.is_empty() => UNKNOWN_OUTLET,
        _ => c.key.as_str(),
    };
    let view = |by: &str, name: &str| format!("/?{}", form(&[("by", by), (name, key)]));
    let (href, sub) = match axis {
        Axis::Source => (format!("/sources/{}", c.key), c.sub.clone()),
        Axis::Outlet => (view("source", "outlet"), plural(c.sources, "article")),
        Axis::Country => (view("outlet", "country"), plural(c.sources, "article")),
        Axis::Speaker => (format!("/speakers/{}", c.key), c.sub.clone()),
        Axis::Organisation => (
            view("speaker", "organisation"),
            plural(c.member_list().len() as i64, "speaker"),
        ),
        Axis::SpeakerCountry => (
            view("organisation", "country"),
            plural(c.member_list().len() as i64, "speaker"),
        ),
    };
    let name = if axis.speaker_side() {
        "speaker"
    } else {
        "source"
    };
    let members = c.member_list();
    let pairs: Vec<(&str, &str)> = members.iter().map(|m| (name, &**m)).collect();
    let filter = form(&pairs);
    (href, sub, filter)
}

/// The drill-down of a column group, or "" when it has none.
pub fn group_href(axis: Axis, grp: &str) -> String {
    let view = |by: &str, name: &str| format!("/?{}", form(&[("by", by), (name, grp)]));
    match axis {
        Axis::Source => view("source", "outlet"),
        Axis::Outlet => view("outlet", "country"),
        Axis::Speaker | Axis::Organisation => view(by_name(axis), "country"),
        _ => String::new(),
    }
}

/// The `by=` value of an axis.
pub fn by_name(axis: Axis) -> &'static str {
    match axis {
        Axis::Outlet => "outlet",
        Axis::Country => "country",
        Axis::Source => "source",
        Axis::Speaker => "speaker",
        Axis::Organisation => "organisation",
        Axis::SpeakerCountry => "speaker-country",
    }
}

/// The rows of the points, point 0 first, then by category.
pub fn rows_by_category(
    provisions: &[ProvisionRow],
    categories: &[CategoryRow],
    make_row: impl Fn(&ProvisionRow) -> Row,
) -> Vec<Group> {
    let mut groups = vec![Group {
        name: String::new(),
        rows: provisions
            .iter()
            .filter(|p| p.number == 0)
            .map(&make_row)
            .collect(),
    }];
    for c in categories {
        groups.push(Group {
            name: format!("{}. {}", c.letter, c.name),
            rows: provisions
                .iter()
                .filter(|p| p.category.as_deref() == Some(c.slug.as_str()))
                .map(&make_row)
                .collect(),
        });
    }
    groups
}

/// "Who stands where": the speakers with the most statements (of the speaker filter when the
/// view is a speaker view), grouped by country, by the points.
pub async fn who_stands_where(
    state: &AppState,
    provisions: &[ProvisionRow],
    filter: &AxisFilter,
) -> WebResult<(Vec<WhoGroup>, usize)> {
    let mut speakers = matrix::matrix_columns(&state.pool, Axis::Speaker, filter).await?;
    let cells = matrix::matrix_cells(&state.pool, Axis::Speaker, filter).await?;
    let max = cells.iter().map(|c| c.total).max().unwrap_or(0);
    let by_cell: HashMap<(i64, &str), &KeyedCell> = cells
        .iter()
        .map(|c| ((c.provision, c.key.as_str()), c))
        .collect();
    let more = speakers.len().saturating_sub(WHO_ROWS);
    if more > 0 {
        // keep the speakers with the most statements, then restore the display order
        let mut order: Vec<usize> = (0..speakers.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(speakers[i].statements));
        let mut keep: Vec<usize> = order.into_iter().take(WHO_ROWS).collect();
        keep.sort_unstable();
        speakers = keep.into_iter().map(|i| speakers[i].clone()).collect();
    }
    let mut groups: Vec<WhoGroup> = Vec::new();
    for s in &speakers {
        let row = WhoRow {
            name: s.label.clone(),
            href: format!("/speakers/{}", s.key),
            cells: provisions
                .iter()
                .map(|p| {
                    cell(
                        by_cell.get(&(p.number, s.key.as_str())).copied(),
                        max,
                        format!(
                            "/statements?{}",
                            form(&[
                                ("provision", p.number.to_string()),
                                ("speaker", s.key.clone())
                            ])
                        ),
                        &s.label,
                        &p.label(),
                    )
                })
                .collect(),
        };
        match groups.last_mut() {
            Some(g) if g.name == s.grp => g.rows.push(row),
            _ => groups.push(WhoGroup {
                name: s.grp.clone(),
                rows: vec![row],
            }),
        }
    }
    Ok((groups, more))
}

/// The columns of a page of the matrix: their headers, the `/statements` filter each one's
/// cells add (empty when it has none), and their groups (none when no column has one).
pub fn layout_columns(
    axis: Axis,
    rows: &[ColumnRow],
) -> (Vec<Column>, Vec<String>, Vec<ColumnGroup>) {
    let mut columns = Vec::new();
    let mut filters = Vec::new();
    let mut groups: Vec<ColumnGroup> = Vec::new();
    for c in rows {
        let (href, sub, cell_filter) = column_links(axis, c);
        columns.push(Column {
            label: c.label.clone(),
            sub,
            href,
        });
        filters.push(cell_filter);
        match groups.last_mut() {
            Some(g) if g.label == c.grp => g.span += 1,
            _ => groups.push(ColumnGroup {
                label: c.grp.clone(),
                href: group_href(axis, &c.grp),
                span: 1,
            }),
        }
    }
    if groups.iter().all(|g| g.label.is_empty()) {
        groups.clear();
    }
    (columns, filters, groups)
}

/// The rows of the matrix: one per point, grouped by category, each with a cell per column
/// (`rows`, their `filters` and headers `columns`) from `cells`.
pub fn point_rows(
    provisions: &[ProvisionRow],
    categories: &[CategoryRow],
    rows: &[ColumnRow],
    filters: &[String],
    columns: &[Column],
    cells: &[KeyedCell],
) -> Vec<Group> {
    let max = cells.iter().map(|c| c.total).max().unwrap_or(0);
    let by_cell: HashMap<(i64, &str), &KeyedCell> = cells
        .iter()
        .map(|c| ((c.provision, c.key.as_str()), c))
        .collect();
    let make_row = |p: &ProvisionRow| {
        let cells: Vec<Cell> = rows
            .iter()
            .zip(filters)
            .zip(columns)
            .map(|((col, f), column)| {
                let href = if f.is_empty() || f.len() > MAX_FILTER_BYTES {
                    column.href.clone()
                } else {
                    format!("/statements?provision={}&{f}", p.number)
                };
                let c = by_cell.get(&(p.number, col.key.as_str())).copied();
                cell(c, max, href, &col.label, &p.label())
            })
            .collect();
        Row {
            number: p.number,
            title: p.title.clone(),
            total: cells.iter().map(|c| c.total).sum(),
            cells,
        }
    };
    rows_by_category(provisions, categories, make_row)
}

/// The link to the statements of every column shown, when the view is narrowed to them and
/// they fit on one page and in one address; "" otherwise.
pub fn narrowed_list(filters: &[String]) -> String {
    if !filters.is_empty()
        && filters.iter().all(|f| !f.is_empty())
        && filters.iter().map(|f| f.len() + 1).sum::<usize>() <= MAX_FILTER_BYTES
    {
        format!("/statements?{}", filters.join("&"))
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_steps_run_from_one_to_five() {
        assert_eq!(heat(0, 10), 0);
        assert_eq!(heat(1, 10), 1);
        assert_eq!(heat(2, 10), 1);
        assert_eq!(heat(3, 10), 2);
        assert_eq!(heat(10, 10), 5);
        assert_eq!(heat(1, 1), 5);
    }

    #[test]
    fn the_bar_splits_its_width_by_stance() {
        let c = KeyedCell {
            total: 4,
            supports: 1,
            opposes: 3,
            ..Default::default()
        };
        let b = bar(&c);
        assert_eq!(b.len(), 2);
        assert_eq!(
            (b[0].class, b[0].x.as_str(), b[0].width.as_str()),
            ("supports", "0.0", "10.0")
        );
        assert_eq!(
            (b[1].class, b[1].x.as_str(), b[1].width.as_str()),
            ("opposes", "10.0", "30.0")
        );
    }
}
