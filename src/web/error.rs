//! The web error boundary: every error becomes a page with the right status, and internal
//! errors are logged once here and never shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::page::PageMeta;

/// What can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The thing asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request cannot be understood (a bad filter value, a bad id).
    #[error("{0}")]
    BadRequest(String),
    /// The request breaks a limit or a protocol rule (414, 431, 405, 503): the status and why.
    #[error("{1}")]
    Refused(StatusCode, String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    /// A template failed to render.
    #[error(transparent)]
    Render(#[from] askama::Error),
}

/// Handlers return this.
pub type WebResult<T> = Result<T, WebError>;

/// The error page.
#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    /// Title, description, breadcrumbs.
    pub meta: PageMeta,
    /// HTTP status code.
    pub status: u16,
    /// What went wrong, for a person.
    pub message: String,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title, message) = match &self {
            WebError::NotFound(m) => (StatusCode::NOT_FOUND, "Not found", m.clone()),
            WebError::BadRequest(m) => (StatusCode::BAD_REQUEST, "Bad request", m.clone()),
            WebError::Refused(status, m) => (
                *status,
                status.canonical_reason().unwrap_or("Refused"),
                m.clone(),
            ),
            WebError::Db(sqlx::Error::RowNotFound) => {
                (StatusCode::NOT_FOUND, "Not found", "No such record.".into())
            }
            WebError::Db(e) => {
                tracing::error!(error = %e, "database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Server error",
                    "Something went wrong on our side.".into(),
                )
            }
            WebError::Render(e) => {
                tracing::error!(error = %e, "template error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Server error",
                    "Something went wrong on our side.".into(),
                )
            }
        };
        let page = ErrorPage {
            meta: PageMeta::new(title, &message, "/", vec![]),
            status: status.as_u16(),
            message,
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, title).into_response(),
        }
    }
}
