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

/// POST /statements/{id}/review.
pub async fn submit(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    Form(f): Form<ReviewForm>,
) -> Response {
    let back = format!("/statements/{}", raw.chars().take(20).collect::<String>());
    let gate = if wants_data(&headers) {
        Gate::Data(Role::Editor)
    } else {
        Gate::Page(Role::Editor)
    };
    let editor = match session::require(&state, &headers, gate, &back).await {
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
