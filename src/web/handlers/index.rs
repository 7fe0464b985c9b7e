//! `/`: the matrix as a heatmap of points (rows) by outlets, countries, articles, speakers or
//! organisations (columns, `?by=`), narrowed with `outlet=`, `country=`, `organisation=`; and
//! below it "who stands where", speakers by points.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::db::matrix::{self, Axis, AxisFilter, ColumnRow, KeyedCell};
use crate::db::models::ProvisionRow;
use crate::db::queries;
use crate::web::filter::page_number;
use crate::web::page::{PageMeta, crumb, encode, render};
use crate::web::{AppState, WebError, WebResult};

/// How many speakers "who stands where" lists, most statements first.
const WHO_ROWS: usize = 60;
/// Longest list of ids or slugs a link to `/statements` carries; a column with more links to
/// its drill-down instead (the server refuses addresses over 8 kB).
const MAX_FILTER_BYTES: usize = 6000;
/// Width of the stance bar in a cell, in SVG units.
const BAR_WIDTH: f64 = 40.0;
/// Columns per page of the matrix (`page=`): the views of articles and speakers grow with the
/// corpus; the outlet and country views fit on one page.
pub const COLUMNS_PER_PAGE: usize = 50;

/// `?by=…&outlet=…&country=…&organisation=…`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MatrixQuery {
    /// Columns: `outlet` (default), `country`, `source`, `speaker`, `organisation`,
    /// `speaker-country`.
    pub by: Option<String>,
    /// Only this outlet's articles.
    pub outlet: Option<String>,
    /// Only outlets (or speakers) of this country.
    pub country: Option<String>,
    /// Only this organisation's speakers.
    pub organisation: Option<String>,
    /// Page of columns, from 1.
    pub page: Option<String>,
}

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
    /// 0 to 28.
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
    /// One cell per point, 0 to 28.
    pub cells: Vec<Cell>,
}

/// Speakers of one country.
pub struct WhoGroup {
    /// Country, or "other".
    pub name: String,
    /// Rows.
    pub rows: Vec<WhoRow>,
}

/// A link to another view.
pub struct ViewLink {
    /// Text.
    pub label: &'static str,
    /// Target.
    pub href: &'static str,
    /// The view shown.
    pub current: bool,
}

/// The matrix page.
#[derive(Template)]
#[template(path = "pages/index.html")]
pub struct MatrixPage {
    /// Head data.
    pub meta: PageMeta,
    /// What the columns are, in words ("outlet").
    pub noun: &'static str,
    /// Views of the columns.
    pub views: Vec<ViewLink>,
    /// What the columns are narrowed to, in words, and where to widen them.
    pub narrowed: Option<(String, String)>,
    /// When narrowed: the statements of the columns shown, as a list.
    pub narrowed_list: String,
    /// Column groups (empty when the columns have none).
    pub column_groups: Vec<ColumnGroup>,
    /// Columns.
    pub columns: Vec<Column>,
    /// Row groups.
    pub groups: Vec<Group>,
    /// The points, for the headers of "who stands where".
    pub points: Vec<(i64, String)>,
    /// "Who stands where".
    pub who: Vec<WhoGroup>,
    /// Speakers left out of "who stands where".
    pub who_more: usize,
    /// Total statements, sources, speakers.
    pub totals: (i64, i64, i64),
    /// Which columns are shown, when they take more than one page ("columns 51 to 100").
    pub shown: String,
    /// Link to the previous page of columns.
    pub prev: Option<String>,
    /// Link to the next page of columns.
    pub next: Option<String>,
}

fn parse_axis(by: Option<&str>) -> WebResult<Axis> {
    Ok(match by {
        None | Some("" | "outlet") => Axis::Outlet,
        Some("country") => Axis::Country,
        Some("source") => Axis::Source,
        Some("speaker") => Axis::Speaker,
        Some("organisation") => Axis::Organisation,
        Some("speaker-country") => Axis::SpeakerCountry,
        Some(other) => {
            return Err(WebError::BadRequest(format!(
                "The parameter by cannot be “{}”: it takes outlet, country, source, speaker, organisation or speaker-country.",
                other.chars().take(40).collect::<String>()
            )));
        }
    })
}

fn parse_value(name: &str, value: Option<String>) -> WebResult<Option<String>> {
    match value {
        Some(v) if v.chars().count() > 200 => Err(WebError::BadRequest(format!(
            "The parameter {name} is longer than 200 characters."
        ))),
        Some(v) if v.is_empty() => Ok(None),
        other => Ok(other),
    }
}

fn parse_filter(axis: Axis, q: MatrixQuery) -> WebResult<AxisFilter> {
    let filter = AxisFilter {
        outlet: parse_value("outlet", q.outlet)?,
        country: parse_value("country", q.country)?,
        organisation: parse_value("organisation", q.organisation)?,
    };
    if axis.speaker_side() && filter.outlet.is_some() {
        return Err(WebError::BadRequest(
            "The parameter outlet narrows the outlet, country and source views, not the speaker views.".into(),
        ));
    }
    if !axis.speaker_side() && filter.organisation.is_some() {
        return Err(WebError::BadRequest(
            "The parameter organisation narrows the speaker, organisation and speaker-country views, not the outlet views.".into(),
        ));
    }
    Ok(filter)
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

fn cell(c: Option<&KeyedCell>, max: i64, href: String, whose: &str, on: &str) -> Cell {
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

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The column's link and the filter its cells add to `/statements`.
fn column_links(axis: Axis, c: &ColumnRow) -> (String, String, String) {
    let key = encode(&c.key);
    let (href, sub) = match axis {
        Axis::Source => (format!("/sources/{}", c.key), c.sub.clone()),
        Axis::Outlet => (
            format!("/?by=source&outlet={key}"),
            plural(c.sources, "article"),
        ),
        Axis::Country => (
            format!("/?by=outlet&country={key}"),
            plural(c.sources, "article"),
        ),
        Axis::Speaker => (format!("/speakers/{}", c.key), c.sub.clone()),
        Axis::Organisation => (
            format!("/?by=speaker&organisation={key}"),
            plural(c.member_list().len() as i64, "speaker"),
        ),
        Axis::SpeakerCountry => (
            format!("/?by=organisation&country={key}"),
            plural(c.member_list().len() as i64, "speaker"),
        ),
    };
    let name = if axis.speaker_side() {
        "speaker"
    } else {
        "source"
    };
    let filter = c
        .member_list()
        .iter()
        .map(|m| format!("{name}={}", encode(m)))
        .collect::<Vec<_>>()
        .join("&");
    (href, sub, filter)
}

fn group_href(axis: Axis, grp: &str) -> String {
    let g = encode(grp);
    match axis {
        Axis::Source if grp != "unknown outlet" => format!("/?by=source&outlet={g}"),
        Axis::Outlet => format!("/?by=outlet&country={g}"),
        Axis::Speaker | Axis::Organisation => format!("/?by={}&country={g}", by_name(axis)),
        _ => String::new(),
    }
}

fn by_name(axis: Axis) -> &'static str {
    match axis {
        Axis::Outlet => "outlet",
        Axis::Country => "country",
        Axis::Source => "source",
        Axis::Speaker => "speaker",
        Axis::Organisation => "organisation",
        Axis::SpeakerCountry => "speaker-country",
    }
}

fn noun(axis: Axis) -> &'static str {
    match axis {
        Axis::Outlet => "outlet",
        Axis::Country => "outlets' country",
        Axis::Source => "article",
        Axis::Speaker => "speaker",
        Axis::Organisation => "speakers' organisation",
        Axis::SpeakerCountry => "speakers' country",
    }
}

/// The path and query of page `page` of the view.
fn paged(axis: Axis, f: &AxisFilter, page: usize) -> String {
    let base = canonical(axis, f);
    match (page, base.contains('?')) {
        (1, _) => base,
        (_, true) => format!("{base}&page={page}"),
        (_, false) => format!("{base}?page={page}"),
    }
}

/// The canonical path and query of the view.
fn canonical(axis: Axis, f: &AxisFilter) -> String {
    let mut parts = Vec::new();
    if axis != Axis::Outlet || f != &AxisFilter::default() {
        parts.push(format!("by={}", by_name(axis)));
    }
    for (name, v) in [
        ("outlet", &f.outlet),
        ("country", &f.country),
        ("organisation", &f.organisation),
    ] {
        if let Some(v) = v {
            parts.push(format!("{name}={}", encode(v)));
        }
    }
    if parts.is_empty() {
        "/".into()
    } else {
        format!("/?{}", parts.join("&"))
    }
}

fn narrowed(axis: Axis, f: &AxisFilter) -> Option<(String, String)> {
    let mut what = Vec::new();
    if let Some(o) = &f.outlet {
        what.push(format!("articles of {o}"));
    }
    if let Some(o) = &f.organisation {
        what.push(format!("speakers of {o}"));
    }
    if let Some(c) = &f.country {
        what.push(if axis.speaker_side() {
            format!("speakers from {c}")
        } else {
            format!("outlets based in {c}")
        });
    }
    (!what.is_empty()).then(|| {
        let back = if axis.speaker_side() {
            "/?by=speaker"
        } else {
            "/"
        };
        (what.join(", "), back.to_string())
    })
}

fn views(axis: Axis) -> Vec<ViewLink> {
    [
        ("outlets", "/", Axis::Outlet),
        ("outlets' countries", "/?by=country", Axis::Country),
        ("articles", "/?by=source", Axis::Source),
        ("speakers", "/?by=speaker", Axis::Speaker),
        ("organisations", "/?by=organisation", Axis::Organisation),
        (
            "speakers' countries",
            "/?by=speaker-country",
            Axis::SpeakerCountry,
        ),
    ]
    .into_iter()
    .map(|(label, href, a)| ViewLink {
        label,
        href,
        current: a == axis,
    })
    .collect()
}

fn rows_by_category(
    provisions: &[ProvisionRow],
    categories: &[crate::db::models::CategoryRow],
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
async fn who_stands_where(
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
                            "/statements?provision={}&speaker={}",
                            p.number,
                            encode(&s.key)
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

/// `GET /`
pub async fn matrix_page(
    State(state): State<AppState>,
    Query(q): Query<MatrixQuery>,
) -> WebResult<Html<String>> {
    let axis = parse_axis(q.by.as_deref())?;
    let page = usize::try_from(page_number(q.page.as_deref())?).unwrap_or(1);
    let filter = parse_filter(axis, q)?;
    let provisions = queries::list_provisions(&state.pool).await?;
    let categories = queries::list_categories(&state.pool).await?;
    let offset = (page - 1) * COLUMNS_PER_PAGE;
    let (column_rows, cells, more) = if axis == Axis::Source {
        // one column per article: read only this page's columns and their cells
        let mut rows = matrix::matrix_column_page(
            &state.pool,
            axis,
            &filter,
            offset as i64,
            COLUMNS_PER_PAGE as i64 + 1,
        )
        .await?;
        let more = rows.len() > COLUMNS_PER_PAGE;
        rows.truncate(COLUMNS_PER_PAGE);
        let ids: Vec<i64> = rows.iter().filter_map(|c| c.key.parse().ok()).collect();
        let cells = matrix::source_cells(&state.pool, &ids).await?;
        (rows, cells, more)
    } else {
        let mut rows = matrix::matrix_columns(&state.pool, axis, &filter).await?;
        let more = rows.len() > offset + COLUMNS_PER_PAGE;
        rows.drain(..offset.min(rows.len()));
        rows.truncate(COLUMNS_PER_PAGE);
        let cells = matrix::matrix_cells(&state.pool, axis, &filter).await?;
        (rows, cells, more)
    };
    if column_rows.is_empty() && page > 1 {
        return Err(WebError::NotFound(format!(
            "This view has no page {page} of columns: see {}.",
            canonical(axis, &filter)
        )));
    }
    let max = cells.iter().map(|c| c.total).max().unwrap_or(0);
    let by_cell: HashMap<(i64, &str), &KeyedCell> = cells
        .iter()
        .map(|c| ((c.provision, c.key.as_str()), c))
        .collect();
    let prev = (page > 1).then(|| paged(axis, &filter, page - 1));
    let next = more.then(|| paged(axis, &filter, page + 1));
    let shown = if prev.is_some() || next.is_some() {
        format!("columns {} to {}", offset + 1, offset + column_rows.len())
    } else {
        String::new()
    };
    let mut columns = Vec::new();
    let mut filters = Vec::new();
    let mut column_groups: Vec<ColumnGroup> = Vec::new();
    for c in &column_rows {
        let (href, sub, cell_filter) = column_links(axis, c);
        columns.push(Column {
            label: c.label.clone(),
            sub,
            href,
        });
        filters.push(cell_filter);
        match column_groups.last_mut() {
            Some(g) if g.label == c.grp => g.span += 1,
            _ => column_groups.push(ColumnGroup {
                label: c.grp.clone(),
                href: group_href(axis, &c.grp),
                span: 1,
            }),
        }
    }
    if column_groups.iter().all(|g| g.label.is_empty()) {
        column_groups.clear();
    }
    let make_row = |p: &ProvisionRow| {
        let cells: Vec<Cell> = column_rows
            .iter()
            .zip(&filters)
            .zip(&columns)
            .map(|((col, f), column)| {
                cell(
                    by_cell.get(&(p.number, col.key.as_str())).copied(),
                    max,
                    if f.is_empty() || f.len() > MAX_FILTER_BYTES {
                        column.href.clone()
                    } else {
                        format!("/statements?provision={}&{f}", p.number)
                    },
                    &col.label,
                    &p.label(),
                )
            })
            .collect();
        Row {
            number: p.number,
            title: p.title.clone(),
            total: cells.iter().map(|c| c.total).sum(),
            cells,
        }
    };
    let groups = rows_by_category(&provisions, &categories, make_row);
    let who_filter = if axis.speaker_side() {
        filter.clone()
    } else {
        AxisFilter::default()
    };
    let (who, who_more) = who_stands_where(&state, &provisions, &who_filter).await?;
    let (statements, sources, speakers) = matrix::totals(&state.pool).await?;
    let narrowed = narrowed(axis, &filter);
    let narrowed_list = if narrowed.is_some()
        && prev.is_none()
        && next.is_none()
        && !filters.is_empty()
        && filters.iter().all(|f| !f.is_empty())
        && filters.iter().map(|f| f.len() + 1).sum::<usize>() <= MAX_FILTER_BYTES
    {
        format!("/statements?{}", filters.join("&"))
    } else {
        String::new()
    };
    let noun = noun(axis);
    let title = match &narrowed {
        Some((what, _)) => format!("The 28-point plan, point by point: {what}"),
        None => format!("The 28-point plan, point by point, by {noun}"),
    };
    let title = if shown.is_empty() {
        title
    } else {
        format!("{title} ({shown})")
    };
    let meta = PageMeta::new(
        &title,
        &format!("{statements} statements on the US 28-point peace plan from {sources} sources and {speakers} speakers, point by point, by {noun}."),
        &paged(axis, &filter, page),
        vec![crumb("Matrix", "/")],
    )
    .with_base(&state.public_url);
    render(&MatrixPage {
        meta,
        noun,
        views: views(axis),
        narrowed,
        narrowed_list,
        column_groups,
        columns,
        groups,
        points: provisions
            .iter()
            .map(|p| (p.number, p.title.clone()))
            .collect(),
        who,
        who_more,
        totals: (statements, sources, speakers),
        shown,
        prev,
        next,
    })
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

    #[test]
    fn the_canonical_url_names_only_what_differs_from_the_default() {
        assert_eq!(canonical(Axis::Outlet, &AxisFilter::default()), "/");
        assert_eq!(
            canonical(Axis::Speaker, &AxisFilter::default()),
            "/?by=speaker"
        );
        let f = AxisFilter {
            outlet: Some("LIGA.net & co".into()),
            ..Default::default()
        };
        assert_eq!(
            canonical(Axis::Source, &f),
            "/?by=source&outlet=LIGA.net%20%26%20co"
        );
    }
}
