//! The stylesheet and the copy-link script, embedded in the binary.

use axum::http::header;
use axum::response::IntoResponse;

// the versions' pages have their own rules, served after the site's
const APP_CSS: &str = concat!(
    include_str!("../../../static/app.css"),
    include_str!("../../../static/versions.css")
);
const APP_JS: &str = include_str!("../../../static/app.js");

/// Assets change with the binary: an hour of caching, then a check.
const CACHE: &str = "public, max-age=3600";

/// `GET /static/app.css`
pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        APP_CSS,
    )
}

/// `GET /static/app.js`: the copy-link buttons (progressive enhancement; every page works
/// without it).
pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        APP_JS,
    )
}
