//! `POST /statements/{id}/review`: an editor confirms or corrects a statement (the form is on
//! the statement page, [`crate::web::review`]). Visitors are sent to /login (401 when they ask
//! for JSON), a form without the session's token is refused (403).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::parse_id;
use crate::db::queries;
use crate::db::review::{self, Outcome};
use crate::model::Role;
use crate::web::error::{WebError, WebResult};
use crate::web::review::ReviewForm;
use crate::web::session::{self, Editor, Gate};
use crate::web::state::AppState;

/// Whether the client asked for data rather than a page.
pub fn wants_data(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json"))
}

/// The editor signed in, or the answer that refuses the request: a redirect to /login (then
/// back to `back`) for a page, 401 for data.
async fn signed_in_editor(
    state: &AppState,
    headers: &HeaderMap,
    back: &str,
) -> Result<Editor, Response> {
    let gate = if wants_data(headers) {
        Gate::Data(Role::Editor)
    } else {
        Gate::Page(Role::Editor)
    };
    session::require(state, headers, gate, back).await
}

/// POST /statements/{id}/review.
pub async fn submit(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ReviewForm>,
) -> Response {
    let back = format!("/statements/{}", raw.chars().take(20).collect::<String>());
    let editor = match signed_in_editor(&state, &headers, &back).await {
        Ok(e) => e,
        Err(refused) => return refused,
    };
    apply(&state, &editor, &raw, &f).await.into_response()
}

async fn apply(
    state: &AppState,
    editor: &Editor,
    raw: &str,
    f: &ReviewForm,
) -> WebResult<Redirect> {
    session::check_csrf(editor, &f.csrf)?;
    let id = parse_id(raw, "statement")?;
    let statement = queries::get_statement(&state.writer, id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no statement {id}.")))?;
    let wanted = f.review(state, &statement).await?;
    let outcome = review::review(&state.writer, id, editor.account_id, &editor.name, &wanted)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no statement {id}.")))?;
    tracing::info!(account = %editor.name.escape_debug(), statement = id, ?outcome, "statement reviewed");
    Ok(match outcome {
        Outcome::Kept => Redirect::to(&format!("/statements/{id}")),
        Outcome::Dismissed => Redirect::to(&format!("/sources/{}", statement.source_id)),
    })
}

/// The review queue page.
#[derive(askama::Template)]
#[template(path = "pages/review.html")]
pub struct QueuePage {
    /// Head data.
    pub meta: crate::web::page::PageMeta,
    /// The editor.
    pub editor: Editor,
    /// This page of statements, as cards.
    pub rows: Vec<crate::web::review::Card>,
    /// How many match.
    pub total: i64,
    /// Corrections whose statement is gone.
    pub orphans: Vec<review::Orphan>,
    /// The link to the next page, if any.
    pub next: Option<String>,
}

/// The JSON twin of the queue.
#[derive(serde::Serialize)]
struct QueueJson<'a> {
    total: i64,
    statements: Vec<crate::web::formats::StatementOut<'a>>,
    needs_a_new_look: &'a [review::Orphan],
    next: Option<String>,
}

/// GET /review and /review.json: what needs a look, lowest confidence first, then not
/// reviewed; the parameters of /statements filter it (by default `reviewed=no`).
pub async fn queue_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    raw_path: axum::extract::OriginalUri,
    axum_extra::extract::Query(mut raw): axum_extra::extract::Query<
        crate::web::filter::RawStatementQuery,
    >,
) -> Response {
    let as_json = raw_path.path().ends_with(".json");
    let gate = if as_json || wants_data(&headers) {
        Gate::Data(Role::Editor)
    } else {
        Gate::Page(Role::Editor)
    };
    let editor = match session::require(&state, &headers, gate, "/review").await {
        Ok(e) => e,
        Err(refused) => return refused,
    };
    if raw.reviewed.iter().all(|v| v.trim().is_empty()) {
        raw.reviewed = vec!["no".into()];
    }
    queue(&state, editor, &raw, as_json)
        .await
        .unwrap_or_else(IntoResponse::into_response)
}

async fn queue(
    state: &AppState,
    editor: Editor,
    raw: &crate::web::filter::RawStatementQuery,
    as_json: bool,
) -> WebResult<Response> {
    let filter = raw.parse()?;
    let (rows, total) = review::queue(&state.pool, &filter).await?;
    let orphans = review::orphans(&state.pool).await?;
    let shown = filter.offset + rows.len() as i64;
    let q = crate::web::filter::query_string(&filter);
    let page = filter.offset / filter.limit.max(1) + 1;
    let path = if as_json { "/review.json" } else { "/review" };
    let next = (shown < total).then(|| crate::web::paging::link(path, &q, &[("page", page + 1)]));
    if as_json {
        let statements = rows
            .iter()
            .map(|r| crate::web::formats::StatementOut::new(r, &state.public_url))
            .collect();
        return Ok(crate::web::formats::json(&QueueJson {
            total,
            statements,
            needs_a_new_look: &orphans,
            next,
        }));
    }
    let meta = crate::web::page::PageMeta::new(
        "Review",
        "What needs an editor's look.",
        "/review",
        vec![
            crate::web::page::crumb("Matrix", "/"),
            crate::web::page::crumb("Review", "/review"),
        ],
    )
    .with_base(&state.public_url);
    Ok(crate::web::page::render(&QueuePage {
        meta,
        editor,
        rows: rows
            .into_iter()
            .map(crate::web::review::Card::from)
            .collect(),
        total,
        orphans,
        next,
    })?
    .into_response())
}

/// POST /sources/{id}/statements: an editor adds a statement the extraction missed (its words
/// must be an exact part of the article).
pub async fn add_statement(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    Form(f): Form<crate::web::review::AddForm>,
) -> Response {
    let back = format!("/sources/{}", raw.chars().take(20).collect::<String>());
    let editor = match signed_in_editor(&state, &headers, &back).await {
        Ok(e) => e,
        Err(refused) => return refused,
    };
    add(&state, &editor, &raw, &f).await.into_response()
}

async fn add(
    state: &AppState,
    editor: &Editor,
    raw: &str,
    f: &crate::web::review::AddForm,
) -> WebResult<Redirect> {
    session::check_csrf(editor, &f.csrf)?;
    let id = parse_id(raw, "source")?;
    let added = f.added(state).await?;
    match review::add(&state.writer, id, editor.account_id, &editor.name, &added).await? {
        review::AddOutcome::Added(sid) => {
            tracing::info!(account = %editor.name.escape_debug(), statement = sid, "statement added");
            Ok(Redirect::to(&format!("/statements/{sid}")))
        }
        review::AddOutcome::Exists(sid) => Ok(Redirect::to(&format!("/statements/{sid}"))),
        review::AddOutcome::NotInArticle => Err(WebError::BadRequest(
            "These words are not part of the article: paste them exactly as it has them.".into(),
        )),
        review::AddOutcome::Missing => Err(WebError::NotFound(format!("There is no source {id}."))),
    }
}
