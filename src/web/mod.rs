//! The dashboard: one router, one state, server-rendered pages that work without JavaScript.

pub mod blindspots;
pub mod budget;
pub mod cache;
pub mod error;
pub mod feed;
pub mod field_names;
pub mod filter;
pub mod formats;
pub mod handlers;
pub mod listing;
pub mod matrix;
pub mod page;
pub mod paging;
pub mod proxy;
pub mod review;
pub mod serve;
pub mod session;
pub mod state;
pub mod throttle;
pub mod timeline;
pub mod version;
pub mod versions;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{WebError, WebResult};
pub use state::AppState;

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The headers every response carries, errors and static files included.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
];

/// What the server accepts before it refuses a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Requests handled at once; one more is answered 503 at once (load shedding).
    pub max_in_flight: usize,
    /// A request still running after this is answered 503.
    pub timeout: Duration,
    /// Longest path and query string, in bytes (414 above).
    pub max_uri_bytes: usize,
    /// Largest sum of header names and values, in bytes (431 above).
    pub max_header_bytes: usize,
    /// Most header lines (431 above).
    pub max_headers: usize,
    /// A connection whose request head has not fully arrived after this is closed; so is a
    /// kept-alive connection idle for this long.
    pub header_read_timeout: Duration,
    /// Connections open at once; the server accepts the next one when one closes.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_in_flight: 1024,
            timeout: Duration::from_secs(10),
            max_uri_bytes: 8 * 1024,
            max_header_bytes: 16 * 1024,
            max_headers: 64,
            header_read_timeout: Duration::from_secs(10),
            max_connections: 768,
        }
    }
}

/// How the site is put together: limits, cache and render budgets.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// What the server accepts before it refuses a request.
    pub limits: Limits,
    /// The response cache (its `query_names` are filled in by [`router`]).
    pub cache: cache::CacheConfig,
    /// Renders at once, expensive and other.
    pub budgets: budget::Budgets,
    /// A pool of its own for the expensive renders (default: the state's).
    pub heavy_pool: Option<crate::db::Db>,
    /// A writable pool for the editors' sessions and corrections (default: the state's).
    pub write_pool: Option<crate::db::Db>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see [`proxy`]).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// The query parameter names the site reads: every field of the handlers' query types.
pub fn query_names() -> std::collections::HashSet<&'static str> {
    [
        field_names::of::<filter::RawStatementQuery>(),
        field_names::of::<filter::RawSourceQuery>(),
        field_names::of::<handlers::index::MatrixQuery>(),
        field_names::of::<handlers::speakers::ListQuery>(),
        field_names::of::<handlers::claims::ClaimsQuery>(),
    ]
    .concat()
    .into_iter()
    .collect()
}

/// The site: every route behind the render budgets, the response cache and the server's
/// layers; `cache` follows the data version of the state's pool.
pub fn router(mut state: AppState, config: Config) -> (Router, Arc<cache::ResponseCache>) {
    if let Some(writer) = config.write_pool {
        state.writer = writer;
    }
    let mut cache_config = config.cache;
    cache_config.query_names.extend(query_names());
    let version = cache::DataVersion::watch(state.pool.clone());
    let cache = cache::ResponseCache::new(version, cache_config);
    let heavy_state = AppState {
        pool: config.heavy_pool.unwrap_or_else(|| state.pool.clone()),
        ..state.clone()
    };
    let dispatch = budget::Dispatch::new(config.budgets, routes(heavy_state), routes(state));
    let app = Router::new()
        .fallback(budget::dispatch)
        .with_state(dispatch)
        .layer(axum::middleware::from_fn_with_state(
            cache.clone(),
            cache::middleware,
        ));
    let mut app = with_layers(app, config.limits);
    if !config.trusted_proxies.is_empty() {
        let trusted: proxy::TrustedProxies = config.trusted_proxies.into();
        app = app.layer(axum::middleware::from_fn_with_state(
            trusted,
            proxy::client_address,
        ));
    }
    (app, cache)
}

/// The route table.
fn routes(state: AppState) -> Router {
    Router::new()
        .route("/", get(handlers::index::matrix_page))
        .route("/provisions", get(handlers::provisions::list_page))
        .route(
            "/provisions/{number}",
            get(handlers::provisions::detail_page),
        )
        .route("/provisions.json", get(handlers::data::provisions_json))
        .route(
            "/provisions/{number}/feed.atom",
            get(handlers::data::provision_feed),
        )
        .route(
            "/provisions/{number}/versions.json",
            get(handlers::versions::point_json),
        )
        .route("/claims", get(handlers::claims::claims_page))
        .route("/claims.json", get(handlers::claims::claims_json))
        .route("/versions", get(handlers::versions::list_page))
        .route("/versions.json", get(handlers::versions::list_json))
        .route("/versions/{slug}", get(handlers::versions::detail_page))
        .route("/sources", get(handlers::sources::list_page))
        .route("/sources.json", get(handlers::sources::list_json))
        .route("/sources/{id}", get(handlers::sources::detail_page))
        .route(
            "/sources/{id}/statements",
            post(handlers::review::add_statement),
        )
        .route("/speakers", get(handlers::speakers::list_page))
        .route("/speakers.json", get(handlers::speakers::list_json))
        .route("/speakers/{slug}/feed.atom", get(handlers::speakers::feed))
        .route("/speakers/{slug}", get(handlers::speakers::detail_page))
        .route("/statements", get(handlers::statements::list_page))
        .route("/statements.json", get(handlers::statements::list_json))
        .route("/statements.csv", get(handlers::statements::list_csv))
        .route("/statements.atom", get(handlers::statements::list_atom))
        .route("/statements/{id}", get(handlers::statements::detail_page))
        .route("/statements/{id}/review", post(handlers::review::submit))
        .route(
            "/login",
            get(handlers::login::login_page).post(handlers::login::login),
        )
        .route("/logout", post(handlers::login::logout))
        .route("/review", get(handlers::review::queue_page))
        .route("/review.json", get(handlers::review::queue_page))
        .route(
            "/admin/accounts",
            get(handlers::admin::accounts_page).post(handlers::admin::account_action),
        )
        .route("/static/app.css", get(handlers::assets::stylesheet))
        .route("/static/app.js", get(handlers::assets::script))
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state)
}

/// Wraps routes in the server's layers, innermost first: size caps, timeout, concurrency
/// limit with load shedding, panic catching, tracing, and the security headers outermost so
/// that every answer (404, 405, 414, 503, a caught panic) carries them.
pub fn with_layers(app: Router, limits: Limits) -> Router {
    let mut app = app
        .layer(axum::middleware::from_fn_with_state(limits, size_caps))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            limits.timeout,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overloaded))
                .load_shed()
                .layer(GlobalConcurrencyLimitLayer::new(
                    limits.max_in_flight.max(1),
                )),
        )
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(panicked))
        .layer(TraceLayer::new_for_http());
    for (name, value) in SECURITY_HEADERS {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    app
}

/// Refuses a URI or headers over the caps before any handler parses them.
async fn size_caps(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    let uri_len = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if uri_len > limits.max_uri_bytes {
        return WebError::Refused(
            StatusCode::URI_TOO_LONG,
            format!(
                "The address is {uri_len} bytes long; this site takes at most {}.",
                limits.max_uri_bytes
            ),
        )
        .into_response();
    }
    let headers = request.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len())
        .sum();
    if headers.len() > limits.max_headers || header_bytes > limits.max_header_bytes {
        return WebError::Refused(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "The request has {} headers of {header_bytes} bytes; this site takes at most {} \
                 headers of {} bytes.",
                headers.len(),
                limits.max_headers,
                limits.max_header_bytes
            ),
        )
        .into_response();
    }
    if !decodes_to_utf8(request.uri().path()) {
        return WebError::BadRequest("The address is not valid UTF-8 once decoded.".into())
            .into_response();
    }
    next.run(request).await
}

/// Whether a percent-encoded path decodes to UTF-8 (axum's own refusal is plain text).
fn decodes_to_utf8(path: &str) -> bool {
    let raw = path.as_bytes();
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (raw[i], hex) {
            (b'%', Some(b)) => {
                bytes.push(b);
                i += 3;
            }
            (b, _) => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&bytes).is_ok()
}

async fn overloaded(_: tower::BoxError) -> Response {
    budget::busy()
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    WebError::Refused(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side.".into(),
    )
    .into_response()
}
