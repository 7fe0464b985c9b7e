//! The dashboard: one router, one state, server-rendered pages that work without JavaScript.

pub mod cache;
pub mod error;
pub mod filter;
pub mod handlers;
pub mod page;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::get;
use sqlx::SqlitePool;
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

/// The route table: every path of the site, behind the response cache (`POINTWISE_CACHE`).
pub fn router(state: AppState) -> Router {
    let cache = cache::ResponseCache::from_env(state.pool.clone());
    router_with_cache(state, cache)
}

/// [`router`] with a given response cache (tests and benchmarks turn it on or off).
pub fn router_with_cache(state: AppState, cache: Arc<cache::ResponseCache>) -> Router {
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    let mut app = Router::new()
        .route("/", get(handlers::index::matrix_page))
        .route("/provisions", get(handlers::provisions::list_page))
        .route(
            "/provisions/{number}",
            get(handlers::provisions::detail_page),
        )
        .route("/sources", get(handlers::sources::list_page))
        .route("/sources/{id}", get(handlers::sources::detail_page))
        .route("/speakers", get(handlers::speakers::list_page))
        .route("/speakers/{slug}", get(handlers::speakers::detail_page))
        .route("/statements", get(handlers::statements::list_page))
        .route("/statements/{id}", get(handlers::statements::detail_page))
        .route("/static/app.css", get(handlers::assets::stylesheet))
        .fallback(handlers::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            cache,
            cache::middleware,
        ));
    for (name, value) in headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    app.layer(SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ))
    .layer(TimeoutLayer::with_status_code(
        axum::http::StatusCode::SERVICE_UNAVAILABLE,
        Duration::from_secs(10),
    ))
    .layer(CompressionLayer::new())
    .layer(CatchPanicLayer::new())
    .layer(TraceLayer::new_for_http())
}

/// Serves the dashboard on `addr` until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(pool: SqlitePool, addr: SocketAddr, public_url: String) -> std::io::Result<()> {
    let state = AppState {
        pool,
        public_url: public_url.trim_end_matches('/').into(),
    };
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("Pointwise is serving {} (Ctrl-C to stop)", state.public_url);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
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
