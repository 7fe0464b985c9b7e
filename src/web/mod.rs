//! The dashboard: one router, one state, server-rendered pages that work without JavaScript.

pub mod cache;
pub mod error;
pub mod feed;
pub mod filter;
pub mod formats;
pub mod handlers;
pub mod listing;
pub mod matrix;
pub mod page;
pub mod paging;
pub mod timeline;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sqlx::SqlitePool;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{WebError, WebResult};

/// What every handler can read.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub pool: SqlitePool,
    /// Base URL for canonical links, without a trailing slash.
    pub public_url: Arc<str>,
}

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
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_in_flight: 1024,
            timeout: Duration::from_secs(10),
            max_uri_bytes: 8 * 1024,
            max_header_bytes: 16 * 1024,
            max_headers: 64,
        }
    }
}

/// The route table: every path of the site, with the default [`Limits`], behind the response
/// cache (`POINTWISE_CACHE`).
pub fn router(state: AppState) -> Router {
    router_with_limits(state, Limits::default())
}

/// The route table with the given limits.
pub fn router_with_limits(state: AppState, limits: Limits) -> Router {
    let cache = cache::ResponseCache::from_env(state.pool.clone());
    router_with(state, limits, cache)
}

/// [`router`] with a given response cache (tests and benchmarks turn it on or off).
pub fn router_with_cache(state: AppState, cache: Arc<cache::ResponseCache>) -> Router {
    router_with(state, Limits::default(), cache)
}

fn router_with(state: AppState, limits: Limits, cache: Arc<cache::ResponseCache>) -> Router {
    let app = Router::new()
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
        .route("/sources", get(handlers::sources::list_page))
        .route("/sources.json", get(handlers::sources::list_json))
        .route("/sources/{id}", get(handlers::sources::detail_page))
        .route("/speakers", get(handlers::speakers::list_page))
        .route("/speakers.json", get(handlers::speakers::list_json))
        .route("/speakers/{slug}/feed.atom", get(handlers::speakers::feed))
        .route("/speakers/{slug}", get(handlers::speakers::detail_page))
        .route("/statements", get(handlers::statements::list_page))
        .route("/statements.json", get(handlers::statements::list_json))
        .route("/statements.csv", get(handlers::statements::list_csv))
        .route("/statements.atom", get(handlers::statements::list_atom))
        .route("/statements/{id}", get(handlers::statements::detail_page))
        .route("/static/app.css", get(handlers::assets::stylesheet))
        .route("/static/app.js", get(handlers::assets::script))
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            cache,
            cache::middleware,
        ));
    with_layers(app, limits)
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
    next.run(request).await
}

async fn overloaded(_: tower::BoxError) -> WebError {
    WebError::Refused(
        StatusCode::SERVICE_UNAVAILABLE,
        "The server is busy; try again in a moment.".into(),
    )
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    WebError::Refused(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong on our side.".into(),
    )
    .into_response()
}

/// Serves the dashboard on `addr` until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(
    pool: SqlitePool,
    addr: SocketAddr,
    public_url: Option<String>,
    limits: Limits,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    let public_url = public_url.unwrap_or_else(|| format!("http://{local}"));
    let state = AppState {
        pool,
        public_url: public_url.trim_end_matches('/').into(),
    };
    println!("Pointwise is serving http://{local} (Ctrl-C to stop)");
    axum::serve(listener, router_with_limits(state, limits))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    println!("Pointwise stopped: every request in flight was answered");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
