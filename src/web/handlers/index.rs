//! `/`: the matrix of points by sources (or by speakers with `?by=speaker`).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::db::models::CellRow;
use crate::db::queries;
use crate::web::page::{PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

/// `?by=source|speaker`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MatrixQuery {
    /// Columns: `source` (default) or `speaker`.
    pub by: Option<String>,
}

/// A column of the matrix.
pub struct Column {
    /// Header text.
    pub label: String,
    /// Second header line.
    pub sub: String,
    /// Link to the column's page.
    pub href: String,
    /// Filter key for cell links (`source=3`, `speaker=mark-rutte`).
    pub filter: String,
}

/// A cell.
pub struct Cell {
    /// Statements.
    pub total: i64,
    /// Link to them.
    pub href: String,
    /// Tooltip and screen-reader text.
    pub label: String,
    /// CSS class for the dominant stance.
    pub class: &'static str,
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

/// The matrix page.
#[derive(Template)]
#[template(path = "pages/index.html")]
pub struct MatrixPage {
    /// Head data.
    pub meta: PageMeta,
    /// true: columns are speakers.
    pub by_speaker: bool,
    /// Columns.
    pub columns: Vec<Column>,
    /// Row groups.
    pub groups: Vec<Group>,
    /// Total statements, sources, speakers.
    pub totals: (i64, i64, i64),
}

fn dominant(c: &CellRow) -> &'static str {
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

/// `GET /`
pub async fn matrix_page(
    State(state): State<AppState>,
    Query(q): Query<MatrixQuery>,
) -> WebResult<Html<String>> {
    let by_speaker = match q.by.as_deref() {
        None | Some("" | "source") => false,
        Some("speaker") => true,
        Some(other) => {
            return Err(WebError::BadRequest(format!(
                "The parameter by cannot be “{}”: it takes source or speaker.",
                other.chars().take(40).collect::<String>()
            )));
        }
    };
    let provisions = queries::list_provisions(&state.pool).await?;
    let categories = queries::list_categories(&state.pool).await?;
    let (columns, cells) = if by_speaker {
        let speakers = queries::list_speakers(&state.pool).await?;
        let cols: Vec<Column> = speakers
            .iter()
            .map(|s| Column {
                label: s.name.clone(),
                sub: format!("{} statements", s.statements),
                href: format!("/speakers/{}", s.slug),
                filter: format!("speaker={}", s.slug),
            })
            .collect();
        let ids: Vec<i64> = speakers.iter().map(|s| s.id).collect();
        (
            cols.into_iter().zip(ids).collect::<Vec<_>>(),
            queries::matrix_by_speaker(&state.pool).await?,
        )
    } else {
        let sources = queries::list_sources(&state.pool).await?;
        let cols = sources
            .iter()
            .map(|s| {
                (
                    Column {
                        label: s.short_name(),
                        sub: s.published_date.clone().unwrap_or_else(|| "undated".into()),
                        href: format!("/sources/{}", s.id),
                        filter: format!("source={}", s.id),
                    },
                    s.id,
                )
            })
            .collect();
        (cols, queries::matrix_by_source(&state.pool).await?)
    };
    let by_cell: HashMap<(i64, i64), &CellRow> = cells
        .iter()
        .map(|c| ((c.provision, c.column_id), c))
        .collect();
    let make_row = |p: &crate::db::models::ProvisionRow| {
        let cells: Vec<Cell> = columns
            .iter()
            .map(|(col, id)| match by_cell.get(&(p.number, *id)) {
                Some(c) => Cell {
                    total: c.total,
                    href: format!("/statements?provision={}&{}", p.number, col.filter),
                    label: format!(
                        "{}: {} on {} ({} supports, {} opposes, {} mixed, {} neutral)",
                        col.label,
                        c.total,
                        p.label(),
                        c.supports,
                        c.opposes,
                        c.mixed,
                        c.neutral
                    ),
                    class: dominant(c),
                },
                None => Cell {
                    total: 0,
                    href: String::new(),
                    label: format!("{}: nothing on {}", col.label, p.label()),
                    class: "none",
                },
            })
            .collect();
        Row {
            number: p.number,
            title: p.title.clone(),
            total: cells.iter().map(|c| c.total).sum(),
            cells,
        }
    };
    let mut groups = vec![Group {
        name: String::new(),
        rows: provisions
            .iter()
            .filter(|p| p.number == 0)
            .map(&make_row)
            .collect(),
    }];
    for c in &categories {
        groups.push(Group {
            name: format!("{}. {}", c.letter, c.name),
            rows: provisions
                .iter()
                .filter(|p| p.category.as_deref() == Some(c.slug.as_str()))
                .map(&make_row)
                .collect(),
        });
    }
    let (sources, statements, _) = queries::count_rows(&state.pool).await?;
    let speakers = queries::list_speakers(&state.pool).await?.len() as i64;
    let view = if by_speaker { "speakers" } else { "sources" };
    let meta = PageMeta::new(
        &format!("The 28-point plan, point by point, by {view}"),
        &format!("{statements} statements on the US 28-point peace plan from {sources} sources and {speakers} speakers, point by point."),
        if by_speaker { "/?by=speaker" } else { "/" },
        vec![crumb("Matrix", "/")],
    )
    .with_base(&state.public_url);
    let columns = columns.into_iter().map(|(c, _)| c).collect();
    render(&MatrixPage {
        meta,
        by_speaker,
        columns,
        groups,
        totals: (statements, sources, speakers),
    })
}
