//! `/`: the matrix as a heatmap of points (rows) by outlets, countries, articles, speakers or
//! organisations (columns, `?by=`), narrowed with `outlet=`, `country=`, `organisation=`; and
//! below it "who stands where", speakers by points.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::db::matrix::{self, Axis, AxisFilter, ColumnRow, KeyedCell, UNKNOWN_OUTLET};
use crate::db::queries;
use crate::web::error::{WebError, WebResult};
use crate::web::filter::{form, page_number};
use crate::web::matrix::{
    Column, ColumnGroup, Group, WhoGroup, by_name, layout_columns, narrowed_list, point_rows,
    who_stands_where,
};
use crate::web::page::{PageMeta, crumb, render};
use crate::web::paging::{link, with_query};
use crate::web::state::AppState;
use crate::web::{blindspots, versions};

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
    /// Colour the rows by each point's status in this version of the plan.
    pub version: Option<String>,
    /// `1`: mark the points each outlet or country never wrote about while others did.
    pub blindspots: Option<String>,
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
    /// The rows' status in a chosen version of the plan.
    pub by_version: crate::web::versions::RowStatuses,
    /// Points never written about by a column (or the drill-down's outlet) while others did.
    pub blind: crate::web::blindspots::Blindspots,
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
    if page == 1 {
        canonical(axis, f)
    } else {
        link("/", &view_query(axis, f), &[("page", page)])
    }
}

/// The canonical path and query of the view.
fn canonical(axis: Axis, f: &AxisFilter) -> String {
    with_query("/", &view_query(axis, f))
}

/// The query string of the view: its axis and narrowing, when not the default.
fn view_query(axis: Axis, f: &AxisFilter) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if axis != Axis::Outlet || f != &AxisFilter::default() {
        pairs.push(("by", by_name(axis)));
    }
    for (name, v) in [
        ("outlet", &f.outlet),
        ("country", &f.country),
        ("organisation", &f.organisation),
    ] {
        if let Some(v) = v {
            pairs.push((name, v));
        }
    }
    form(&pairs)
}

fn narrowed(axis: Axis, f: &AxisFilter) -> Option<(String, String)> {
    let mut what = Vec::new();
    match f.outlet.as_deref() {
        Some(UNKNOWN_OUTLET) => what.push("articles whose outlet is unknown".to_string()),
        Some(o) => what.push(format!("articles of {o}")),
        None => {}
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

/// One page of the view's columns (`COLUMNS_PER_PAGE` from `offset`), their cells, and
/// whether more columns follow.
async fn read_columns(
    state: &AppState,
    axis: Axis,
    filter: &AxisFilter,
    offset: usize,
) -> WebResult<(Vec<ColumnRow>, Vec<KeyedCell>, bool)> {
    let pool = &state.pool;
    if axis == Axis::Source {
        // one column per article: read only this page's columns and their cells
        let (skip, take) = (offset as i64, COLUMNS_PER_PAGE as i64 + 1);
        let mut rows = matrix::matrix_column_page(pool, axis, filter, skip, take).await?;
        let more = rows.len() > COLUMNS_PER_PAGE;
        rows.truncate(COLUMNS_PER_PAGE);
        let ids: Vec<i64> = rows.iter().filter_map(|c| c.key.parse().ok()).collect();
        let cells = matrix::source_cells(pool, &ids).await?;
        Ok((rows, cells, more))
    } else {
        let mut rows = matrix::matrix_columns(pool, axis, filter).await?;
        let more = rows.len() > offset + COLUMNS_PER_PAGE;
        rows.drain(..offset.min(rows.len()));
        rows.truncate(COLUMNS_PER_PAGE);
        let cells = matrix::matrix_cells(pool, axis, filter).await?;
        Ok((rows, cells, more))
    }
}

/// The page's title: what the columns are or are narrowed to, and which are shown.
fn title(axis: Axis, narrowed: Option<&(String, String)>, shown: &str) -> String {
    let title = match narrowed {
        Some((what, _)) => format!("The 28-point plan, point by point: {what}"),
        None => format!("The 28-point plan, point by point, by {}", noun(axis)),
    };
    if shown.is_empty() {
        title
    } else {
        format!("{title} ({shown})")
    }
}

/// `GET /`
pub async fn matrix_page(
    State(state): State<AppState>,
    Query(q): Query<MatrixQuery>,
) -> WebResult<Html<String>> {
    let axis = parse_axis(q.by.as_deref())?;
    let page = usize::try_from(page_number(q.page.as_deref())?).unwrap_or(1);
    let all_versions = versions::data()?;
    let version = versions::pick(all_versions, q.version.as_slice())?;
    let blind_on = q
        .blindspots
        .as_deref()
        .is_some_and(|v| !v.is_empty() && v != "0");
    let filter = parse_filter(axis, q)?;
    let provisions = queries::list_provisions(&state.pool).await?;
    let categories = queries::list_categories(&state.pool).await?;
    let offset = (page - 1) * COLUMNS_PER_PAGE;
    let (column_rows, cells, more) = read_columns(&state, axis, &filter, offset).await?;
    if column_rows.is_empty() && page > 1 {
        return Err(WebError::NotFound(format!(
            "This view has no page {page} of columns: see {}.",
            canonical(axis, &filter)
        )));
    }
    let prev = (page > 1).then(|| paged(axis, &filter, page - 1));
    let next = more.then(|| paged(axis, &filter, page + 1));
    let shown = if prev.is_some() || next.is_some() {
        format!("columns {} to {}", offset + 1, offset + column_rows.len())
    } else {
        String::new()
    };
    let here = paged(axis, &filter, page);
    let blind = blindspots::load(&state.pool, axis, &filter, &column_rows, blind_on, &here).await?;
    let (columns, filters, column_groups) = layout_columns(axis, &column_rows);
    let groups = point_rows(
        &provisions,
        &categories,
        &column_rows,
        &filters,
        &columns,
        &cells,
    );
    let who_filter = if axis.speaker_side() {
        filter.clone()
    } else {
        AxisFilter::default()
    };
    let (who, who_more) = who_stands_where(&state, &provisions, &who_filter).await?;
    let (statements, sources, speakers) = matrix::totals(&state.pool).await?;
    let narrowed = narrowed(axis, &filter);
    let one_page = prev.is_none() && next.is_none();
    let noun = noun(axis);
    let meta = PageMeta::new(
        &title(axis, narrowed.as_ref(), &shown),
        &format!("{statements} statements on the US 28-point peace plan from {sources} sources and {speakers} speakers, point by point, by {noun}."),
        &paged(axis, &filter, page),
        vec![crumb("Matrix", "/")],
    )
    .with_base(&state.public_url);
    render(&MatrixPage {
        meta,
        noun,
        views: views(axis),
        narrowed_list: if narrowed.is_some() && one_page {
            narrowed_list(&filters)
        } else {
            String::new()
        },
        narrowed,
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
        by_version: versions::row_statuses(all_versions, version, &here),
        blind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "/?by=source&outlet=LIGA.net+%26+co"
        );
    }
}
