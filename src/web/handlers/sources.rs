//! `/sources` and `/sources/{id}`: an article with every statement highlighted in place.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Serialize;

use super::parse_id;
use crate::db::fts::split_marks;
use crate::db::models::{SourceHit, SourceRow, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::error::{WebError, WebResult};
use crate::web::filter::{RawSourceQuery, SourceFilter};
use crate::web::formats::{self, StatementOut};
use crate::web::page::{ATOM, JSON, PageMeta, SourceMatch, crumb, render};
use crate::web::paging::{link, with_query};
use crate::web::state::AppState;

/// A run of body text, highlighted when it is a statement.
pub struct Piece {
    /// The text.
    pub text: String,
    /// The statement it is, if any.
    pub statement: Option<StatementRow>,
}

/// The article page.
#[derive(Template)]
#[template(path = "pages/source.html")]
pub struct SourcePage {
    /// Head data.
    pub meta: PageMeta,
    /// The article.
    pub source: SourceRow,
    /// Paragraphs, each a list of pieces.
    pub paragraphs: Vec<Vec<Piece>>,
    /// The statements, in order.
    pub statements: Vec<StatementRow>,
    /// The editor signed in, if any (then the page has the form that adds a statement).
    pub editor: Option<crate::web::session::Editor>,
}

/// The list of sources.
#[derive(Template)]
#[template(path = "pages/sources.html")]
pub struct SourcesPage {
    /// Head data.
    pub meta: PageMeta,
    /// All sources (dated within the range), when not searching.
    pub sources: Vec<SourceRow>,
    /// Search hits, when searching.
    pub hits: Vec<SourceMatch>,
    /// Hits in all.
    pub total: i64,
    /// The search.
    pub q: String,
    /// Date range.
    pub from: String,
    /// Date range.
    pub to: String,
    /// Query string of the filter, for the twins.
    pub query: String,
    /// The first page, when this is not it.
    pub first: Option<String>,
    /// The next page.
    pub next: Option<String>,
}

/// Most search hits listed.
const SEARCH_LIMIT: i64 = 200;

/// Sources per page of `/sources`.
pub const SOURCES_PER_PAGE: i64 = 100;

/// The sources of a filter: a page of the sources in the date range (and the link to the
/// next page), or the search hits; and how many there are in all.
async fn fetch(
    state: &AppState,
    f: &SourceFilter,
) -> WebResult<(Vec<SourceRow>, Vec<SourceHit>, i64, Option<i64>)> {
    let (from, to) = (f.from, f.to);
    Ok(match &f.q {
        Some(q) => {
            let (hits, total) =
                queries::search_sources(&state.pool, q, from, to, SEARCH_LIMIT).await?;
            (Vec::new(), hits, total, None)
        }
        None => {
            let after = match f.after {
                Some(id) => {
                    let (source, _) =
                        queries::get_source(&state.pool, id).await?.ok_or_else(|| {
                            WebError::BadRequest(format!(
                                "The parameter after cannot be “{id}”: there is no source {id}."
                            ))
                        })?;
                    Some((source.published_date.unwrap_or_default(), id))
                }
                None => None,
            };
            let (mut rows, total) = queries::source_page(
                &state.pool,
                from,
                to,
                after.as_ref().map(|(d, id)| (d.as_str(), *id)),
                SOURCES_PER_PAGE + 1,
            )
            .await?;
            let more = rows.len() as i64 > SOURCES_PER_PAGE;
            rows.truncate(SOURCES_PER_PAGE as usize);
            let next = rows.last().filter(|_| more).map(|r| r.id);
            (rows, Vec::new(), total, next)
        }
    })
}

/// `GET /sources` (and `?q=` to search titles and bodies, `from`, `to`)
pub async fn list_page(
    State(state): State<AppState>,
    Query(raw): Query<RawSourceQuery>,
) -> WebResult<Response> {
    let f = raw.parse()?;
    let qs = f.query_string();
    let (sources, hits, total, next) = fetch(&state, &f).await?;
    let page_link = |id: i64| link("/sources", &qs, &[("after", id)]);
    let title = match &f.q {
        Some(q) => format!(
            "{total} article{} mention “{q}”",
            if total == 1 { "" } else { "s" }
        ),
        None => "Sources".to_string(),
    };
    let description = match &f.q {
        Some(_) => format!("{title}: articles Pointwise has read about the 28-point plan."),
        None => format!("The {total} articles Pointwise has read about the 28-point plan."),
    };
    let canonical = match f.after {
        Some(id) => page_link(id),
        None => with_query("/sources", &qs),
    };
    let meta = PageMeta::new(
        &title,
        &description,
        &canonical,
        vec![crumb("Matrix", "/"), crumb("Sources", canonical.clone())],
    )
    .with_alternate(JSON, with_query("/sources.json", &qs))
    .with_base(&state.public_url);
    Ok(render(&SourcesPage {
        meta,
        sources,
        hits: hits.into_iter().map(SourceMatch::from).collect(),
        total,
        q: f.q.clone().unwrap_or_default(),
        from: f.from.map(|d| d.to_string()).unwrap_or_default(),
        to: f.to.map(|d| d.to_string()).unwrap_or_default(),
        first: f.after.map(|_| with_query("/sources", &qs)),
        next: next.map(page_link),
        query: qs,
    })?
    .into_response())
}

/// A source in the JSON twin of the list.
#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(flatten)]
    source: &'a SourceRow,
    url: String,
    statements_url: String,
}

/// A search hit in the JSON twin, its snippet with hits marked `<mark>` … `</mark>`
/// (the text itself is not HTML).
#[derive(Serialize)]
struct HitOut<'a> {
    id: i64,
    url: String,
    publisher: &'a str,
    title: &'a str,
    file_name: &'a str,
    published_date: Option<&'a str>,
    snippet: String,
    hits: Vec<String>,
}

/// `GET /sources.json`: the same list (or search) as `/sources`.
pub async fn list_json(
    State(state): State<AppState>,
    Query(raw): Query<RawSourceQuery>,
) -> WebResult<Response> {
    let f = raw.parse()?;
    let base = &state.public_url;
    let (all, hits, total, next) = fetch(&state, &f).await?;
    let qs = f.query_string();
    let next = next.map(|id| format!("{base}{}", link("/sources.json", &qs, &[("after", id)])));
    match &f.q {
        Some(q) => {
            let out: Vec<HitOut> = hits
                .iter()
                .map(|h| {
                    let runs = split_marks(&h.snippet);
                    HitOut {
                        id: h.id,
                        url: format!("{base}/sources/{}", h.id),
                        publisher: &h.publisher,
                        title: &h.title,
                        file_name: &h.file_name,
                        published_date: h.published_date.as_deref(),
                        snippet: runs.iter().map(|r| r.0.as_str()).collect(),
                        hits: runs.iter().filter(|r| r.1).map(|r| r.0.clone()).collect(),
                    }
                })
                .collect();
            Ok(formats::json(&serde_json::json!({
                "q": q,
                "total": total,
                "sources": out,
            })))
        }
        None => {
            let out: Vec<SourceOut> = all
                .iter()
                .map(|s| SourceOut {
                    source: s,
                    url: format!("{base}/sources/{}", s.id),
                    statements_url: format!("{base}/statements.json?source={}", s.id),
                })
                .collect();
            Ok(formats::json(&serde_json::json!({
                "total": total,
                "next": next,
                "sources": out,
            })))
        }
    }
}

/// Splits the body into paragraphs of plain and highlighted pieces.
fn pieces(body: &str, statements: &[StatementRow]) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in body.split("\n\n") {
        let start = offset;
        let end = start + para.len();
        offset = end + 2;
        let mut pieces = Vec::new();
        let mut cursor = start;
        for s in statements {
            let (a, b) = (s.span_start as usize, s.span_end as usize);
            if a < cursor
                || b > end
                || a >= b
                || !body.is_char_boundary(a)
                || !body.is_char_boundary(b)
            {
                continue;
            }
            if a > cursor {
                pieces.push(Piece {
                    text: body[cursor..a].to_string(),
                    statement: None,
                });
            }
            pieces.push(Piece {
                text: body[a..b].to_string(),
                statement: Some(s.clone()),
            });
            cursor = b;
        }
        if cursor < end {
            pieces.push(Piece {
                text: body[cursor..end].to_string(),
                statement: None,
            });
        }
        out.push(pieces);
    }
    out
}

/// `GET /sources/{id}` and `/sources/{id}.json`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
) -> WebResult<Response> {
    let (raw, as_json) = super::json_suffix(raw);
    let id = parse_id(&raw, "source")?;
    let (source, body) = queries::get_source(&state.pool, id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no source {id}.")))?;
    let filter = StatementFilter {
        sources: vec![id],
        limit: 10_000,
        ..Default::default()
    };
    let (mut statements, _) = queries::list_statements(&state.pool, &filter).await?;
    statements.sort_by_key(|s| s.span_start);
    if as_json {
        let base = &state.public_url;
        return Ok(formats::json(&serde_json::json!({
            "source": SourceOut {
                source: &source,
                url: format!("{base}/sources/{id}"),
                statements_url: format!("{base}/statements.json?source={id}"),
            },
            "body": body,
            "statements": statements
                .iter()
                .map(|s| StatementOut::new(s, base))
                .collect::<Vec<_>>(),
        })));
    }
    let title = if source.title.is_empty() {
        source.file_name.clone()
    } else {
        source.title.clone()
    };
    let meta = PageMeta::new(
        &title,
        &format!(
            "{}: {} statements on the 28-point plan, highlighted in the article.",
            source.dateline(),
            statements.len()
        ),
        &format!("/sources/{id}"),
        vec![
            crumb("Matrix", "/"),
            crumb("Sources", "/sources"),
            crumb(source.short_name(), format!("/sources/{id}")),
        ],
    )
    .with_alternate(JSON, format!("/sources/{id}.json"))
    .with_alternate(ATOM, format!("/statements.atom?source={id}"))
    .with_base(&state.public_url);
    let paragraphs = pieces(&body, &statements);
    let editor = crate::web::session::current(&state, &headers).await?;
    Ok(render(&SourcePage {
        meta,
        source,
        paragraphs,
        statements,
        editor,
    })?
    .into_response())
}
