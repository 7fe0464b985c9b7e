//! `/provisions` and `/provisions/{n}`: a point's text and what each source says about it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Serialize;

use super::{no_such_point, parse_id};
use crate::db::matrix;
use crate::db::models::{ProvisionRow, SourceRow, StatementRow};
use crate::db::queries;
use crate::db::tally::{self, RankBy, Ranked};
use crate::model::PointNumber;
use crate::web::error::WebResult;
use crate::web::filter::RawStatementQuery;
use crate::web::formats::{self, ProvisionOut, StatementOut};
use crate::web::page::{ATOM, JSON, PageMeta, crumb, render};
use crate::web::paging::{Pager, canonical_page, pager, paging};
use crate::web::state::AppState;
use crate::web::timeline::Timeline;
use crate::web::versions;

/// Statements of one source on the point (those of this page).
pub struct SourceBlock {
    /// The source.
    pub source: SourceRow,
    /// Its statements on the point.
    pub statements: Vec<StatementRow>,
}

/// Sources and speakers ranked on the point.
const RANKED: i64 = 10;

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
    /// One block per source among this page's statements, in their order.
    pub blocks: Vec<SourceBlock>,
    /// Statements in all.
    pub total: i64,
    /// The sources with most statements on the point, and how many sources speak of it.
    pub top_sources: (Vec<Ranked>, i64),
    /// The speakers with most statements on it, and how many speakers.
    pub top_speakers: (Vec<Ranked>, i64),
    /// Links to the other pages of statements.
    pub pages: Pager,
    /// Previous and next point numbers.
    pub prev: Option<i64>,
    /// Next point.
    pub next: Option<i64>,
    /// Statements over time, by outlet.
    pub timeline: Timeline,
    /// The point's wording and status in each version of the plan.
    pub versions: crate::web::versions::PointVersions,
}

/// The list of points.
#[derive(Template)]
#[template(path = "pages/provisions.html")]
pub struct ProvisionsPage {
    /// Head data.
    pub meta: PageMeta,
    /// All points, each with its number of statements.
    pub provisions: Vec<(ProvisionRow, i64)>,
}

/// `GET /provisions`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Html<String>> {
    let counts = tally::point_counts(&state.pool).await?;
    let provisions = queries::list_provisions(&state.pool)
        .await?
        .into_iter()
        .map(|p| {
            let n = counts.get(&p.number).copied().unwrap_or(0);
            (p, n)
        })
        .collect();
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

/// The page's statements by source, in the list's order (date, then source).
fn by_source(statements: Vec<StatementRow>, sources: Vec<SourceRow>) -> Vec<SourceBlock> {
    let mut blocks: Vec<SourceBlock> = Vec::new();
    for s in statements {
        match blocks.last_mut() {
            Some(b) if b.source.id == s.source_id => b.statements.push(s),
            _ => {
                if let Some(source) = sources.iter().find(|x| x.id == s.source_id) {
                    blocks.push(SourceBlock {
                        source: source.clone(),
                        statements: vec![s],
                    });
                }
            }
        }
    }
    blocks
}

/// "B. Security guarantees": the point's category, or "" for point 0.
async fn category_name(state: &AppState, provision: &ProvisionRow) -> WebResult<String> {
    let Some(slug) = &provision.category else {
        return Ok(String::new());
    };
    Ok(queries::list_categories(&state.pool)
        .await?
        .into_iter()
        .find(|c| &c.slug == slug)
        .map(|c| format!("{}. {}", c.letter, c.name))
        .unwrap_or_default())
}

/// The JSON twin of a point's page: the point, who says most about it, and the same page of
/// its statements with the links to the next and previous ones.
#[derive(Serialize)]
struct ProvisionJson<'a> {
    #[serde(flatten)]
    provision: ProvisionOut<'a>,
    category_name: &'a str,
    sources: i64,
    top_sources: &'a [Ranked],
    speakers: i64,
    top_speakers: &'a [Ranked],
    page: Vec<StatementOut<'a>>,
    next: Option<String>,
    prev: Option<String>,
}

/// `GET /provisions/{number}` and `/provisions/{number}.json` (`after`, `before`, `size`:
/// the pages of its statements)
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    Query(query): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let (raw, as_json) = super::json_suffix(raw);
    let number = parse_id(&raw, "point")?;
    let mut filter = paging(&query)?;
    let point = PointNumber::new(number).ok_or_else(|| no_such_point(number))?;
    let provision = queries::get_provision(&state.pool, number)
        .await?
        .ok_or_else(|| no_such_point(number))?;
    filter.provisions = vec![point];
    let (statements, more) = queries::statement_page(&state.pool, &filter).await?;
    let total = tally::provision_total(&state.pool, number).await?;
    let path = format!("/provisions/{number}");
    let pages = pager(&path, &filter, &statements, more);
    let top_sources = tally::provision_ranking(&state.pool, number, RankBy::Source, RANKED).await?;
    let top_speakers =
        tally::provision_ranking(&state.pool, number, RankBy::Speaker, RANKED).await?;
    let category = category_name(&state, &provision).await?;
    if as_json {
        let base = &state.public_url;
        let abs = |p: &Option<String>| p.as_ref().map(|p| format!("{base}{p}"));
        return Ok(formats::json(&ProvisionJson {
            provision: ProvisionOut::new(&provision, total, base),
            category_name: &category,
            sources: top_sources.1,
            top_sources: &top_sources.0,
            speakers: top_speakers.1,
            top_speakers: &top_speakers.0,
            page: statements
                .iter()
                .map(|r| StatementOut::new(r, base))
                .collect(),
            next: abs(&pages.next),
            prev: abs(&pages.prev),
        }));
    }
    let ids: Vec<i64> = statements.iter().map(|s| s.source_id).collect();
    let blocks = by_source(
        statements,
        queries::sources_by_ids(&state.pool, &ids).await?,
    );
    let (timeline_rows, undated) = matrix::timeline(&state.pool, number).await?;
    let mut timeline = Timeline::build(&timeline_rows, undated);
    let label = provision.label();
    let meta = PageMeta::new(
        &format!("{label}: {}", provision.title),
        &format!(
            "{total} statements from {} sources on {label} of the 28-point plan: {}",
            top_sources.1, provision.title
        ),
        &canonical_page(&path, &query),
        vec![
            crumb("Matrix", "/"),
            crumb("Points", "/provisions"),
            crumb(label, format!("/provisions/{number}")),
        ],
    )
    .with_alternate(ATOM, format!("/provisions/{number}/feed.atom"))
    .with_alternate(JSON, format!("/provisions/{number}.json"))
    .with_alternate(JSON, format!("/provisions/{number}/versions.json"))
    .with_base(&state.public_url);
    let all = versions::data()?;
    let shown = versions::pick(all, &query.version)?.map(|v| v.slug.as_str());
    let versions = versions::point_versions(all, u8::try_from(number).unwrap_or(0), shown);
    timeline.mark_versions(&versions.starts());
    Ok(render(&ProvisionPage {
        meta,
        category,
        blocks,
        total,
        top_sources,
        top_speakers,
        pages,
        prev: point.prev().map(PointNumber::number),
        next: point.next().map(PointNumber::number),
        timeline,
        provision,
        versions,
    })?
    .into_response())
}
