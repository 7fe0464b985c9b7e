//! One file per page: its template struct and its handler.

pub mod admin;
pub mod assets;
pub mod claims;
pub mod data;
pub mod index;
pub mod login;
pub mod provisions;
pub mod review;
pub mod sources;
pub mod speakers;
pub mod statements;
pub mod versions;

use crate::web::error::WebError;

/// Any path the router does not know.
pub async fn not_found() -> WebError {
    WebError::NotFound("There is no page at this address.".into())
}

/// A known path asked with a method it does not answer (only GET and HEAD are served).
pub async fn method_not_allowed() -> WebError {
    WebError::Refused(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "This page only answers GET and HEAD.".into(),
    )
}

/// Parses a numeric path segment, answering 400 for anything else.
pub fn parse_id(raw: &str, what: &str) -> Result<i64, WebError> {
    raw.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
        WebError::BadRequest(format!(
            "“{}” is not a {what} number.",
            raw.chars().take(40).collect::<String>()
        ))
    })
}

/// Splits a `.json` suffix off a path segment: (the rest, whether it was there).
pub fn json_suffix(raw: String) -> (String, bool) {
    match raw.strip_suffix(".json") {
        Some(r) => (r.to_string(), true),
        None => (raw, false),
    }
}

/// The 404 of a point the plan does not have.
pub fn no_such_point(number: i64) -> WebError {
    WebError::NotFound(format!(
        "The plan has no point {number}: points run from 1 to {} (0 is the plan as a whole).",
        crate::model::PointNumber::LAST
    ))
}
