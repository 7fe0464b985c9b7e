//! `/provisions` and `/provisions/{n}`: a point's text and what each source says about it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::parse_id;
use crate::db::models::{ProvisionRow, SourceRow, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::page::{ATOM, JSON, PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

/// Statements of one source on the point.
pub struct SourceBlock {
    /// The source.
    pub source: SourceRow,
    /// Its statements on the point.
    pub statements: Vec<StatementRow>,
}

/// The point page.
#[derive(Template)]
#[template(path = "pages/provision.html")]
pub struct ProvisionPage {
    /// Head data.
    pub meta: PageMeta,
    /// The point.
    pub provision: ProvisionRow,
    /// Category name.
    pub category: String,
    /// One block per source that speaks of it.
    pub blocks: Vec<SourceBlock>,
    /// Statements in all.
    pub total: i64,
    /// Previous and next point numbers.
    pub prev: Option<i64>,
    /// Next point.
    pub next: Option<i64>,
}

/// The list of points.
#[derive(Template)]
#[template(path = "pages/provisions.html")]
pub struct ProvisionsPage {
    /// Head data.
    pub meta: PageMeta,
    /// All points.
    pub provisions: Vec<ProvisionRow>,
}

/// `GET /provisions`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Html<String>> {
    let provisions = queries::list_provisions(&state.pool).await?;
    let meta = PageMeta::new(
        "The 28 points of the plan",
        "The 28 points of the US peace plan for Russia and Ukraine (November 2025), summarised.",
        "/provisions",
        vec![crumb("Matrix", "/"), crumb("Points", "/provisions")],
    )
    .with_alternate(JSON, "/provisions.json")
    .with_base(&state.public_url);
    render(&ProvisionsPage { meta, provisions })
}

/// `GET /provisions/{number}`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Html<String>> {
    let number = parse_id(&raw, "point")?;
    let provision = queries::get_provision(&state.pool, number)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("The plan has no point {number}: points run from 1 to 28 (0 is the plan as a whole).")))?;
    let filter = StatementFilter {
        provisions: vec![number],
        limit: 10_000,
        ..Default::default()
    };
    let (statements, total) = queries::list_statements(&state.pool, &filter).await?;
    let sources = queries::list_sources(&state.pool).await?;
    let blocks: Vec<SourceBlock> = sources
        .into_iter()
        .filter_map(|source| {
            let statements: Vec<StatementRow> = statements
                .iter()
                .filter(|s| s.source_id == source.id)
                .cloned()
                .collect();
            (!statements.is_empty()).then_some(SourceBlock { source, statements })
        })
        .collect();
    let category = match &provision.category {
        Some(slug) => queries::list_categories(&state.pool)
            .await?
            .into_iter()
            .find(|c| &c.slug == slug)
            .map(|c| format!("{}. {}", c.letter, c.name))
            .unwrap_or_default(),
        None => String::new(),
    };
    let label = provision.label();
    let meta = PageMeta::new(
        &format!("{label}: {}", provision.title),
        &format!(
            "{total} statements from {} sources on {label} of the 28-point plan: {}",
            blocks.len(),
            provision.title
        ),
        &format!("/provisions/{number}"),
        vec![
            crumb("Matrix", "/"),
            crumb("Points", "/provisions"),
            crumb(label, format!("/provisions/{number}")),
        ],
    )
    .with_alternate(ATOM, format!("/provisions/{number}/feed.atom"))
    .with_alternate(JSON, format!("/statements.json?provision={number}"))
    .with_base(&state.public_url);
    render(&ProvisionPage {
        meta,
        category,
        blocks,
        total,
        prev: (number > 0).then(|| number - 1),
        next: (number < 28).then(|| number + 1),
        provision,
    })
}
