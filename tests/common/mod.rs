//! Shared test helpers: a fresh database with the catalog, the router, and GET requests.
#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use pointwise::catalog::Catalog;
use pointwise::db::{self, queries};
use pointwise::ingest::Extractor;
use pointwise::web::{AppState, Config, router};
use sqlx::SqlitePool;
use tower::ServiceExt;

/// A database in a temporary directory, migrated, with the catalog loaded.
pub struct TestDb {
    /// The pool.
    pub pool: SqlitePool,
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
    /// The extraction rules.
    pub extractor: std::sync::Arc<Extractor>,
}

pub async fn test_db() -> anyhow::Result<TestDb> {
    let dir = tempfile::tempdir()?;
    let pool = db::connect(&dir.path().join("test.db")).await?;
    let catalog = Catalog::bundled()?;
    queries::upsert_catalog(&pool, &catalog).await?;
    let extractor = std::sync::Arc::new(Extractor::new(&catalog)?);
    Ok(TestDb {
        pool,
        dir,
        extractor,
    })
}

/// A database with the five seed articles ingested.
pub async fn seeded_db() -> anyhow::Result<TestDb> {
    let t = test_db().await?;
    pointwise::ingest::run_bundled(&t.pool, &t.extractor).await?;
    Ok(t)
}

pub fn app(pool: &SqlitePool) -> Router {
    site(pool).0
}

/// The site and its response cache (whose data version a test refreshes after an ingest in
/// the test's own process, instead of waiting for the poll).
pub fn site(pool: &SqlitePool) -> (Router, std::sync::Arc<pointwise::web::cache::ResponseCache>) {
    router(
        AppState {
            pool: pool.clone(),
            public_url: "http://test.local".into(),
        },
        Config::default(),
    )
}

/// GET `uri`: status and body.
pub async fn get(app: &Router, uri: &str) -> anyhow::Result<(StatusCode, String)> {
    let response = app
        .clone()
        .oneshot(Request::builder().uri(uri).body(Body::empty())?)
        .await?;
    let status = response.status();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, String::from_utf8_lossy(&bytes).into_owned()))
}

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/articles")
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
