//! Shared test helpers: a fresh database with the catalog, the router, and GET requests.
#![allow(
    dead_code,
    reason = "tests/browser.rs includes this file too and uses two of the helpers"
)]

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use pointwise::catalog::Catalog;
use pointwise::db::{self, Db, queries};
use pointwise::ingest::Extractor;
use pointwise::web::{AppState, Config, router};
use sqlx::SqlitePool;
use tower::ServiceExt;

/// A database, migrated, with the catalog loaded: a SQLite file in a temporary directory, or
/// (see [`test_db`]) a database of its own on the PostgreSQL test server.
pub struct TestDb {
    /// The database, as the program opens it.
    pub db: Db,
    /// The SQLite pool of `dir/test.db` (on SQLite), for a test's own SQL.
    sqlite: Option<SqlitePool>,
    /// A temporary directory (holding `test.db` on SQLite).
    pub dir: tempfile::TempDir,
    /// The extraction rules.
    pub extractor: std::sync::Arc<Extractor>,
    /// The PostgreSQL database, dropped with this (see `PgTestDb`'s `Drop`).
    pg: Option<PgTestDb>,
}

impl TestDb {
    /// The SQLite pool, for a test's own SQL: such a test opens its database with
    /// [`sqlite_test_db`] (its SQL is SQLite's, and it reads the file `dir/test.db`).
    pub fn pool(&self) -> &SqlitePool {
        self.sqlite
            .as_ref()
            .expect("a test reading SQLite itself opens its database with sqlite_test_db")
    }
}

/// A database for a test, with the catalog loaded: SQLite, or PostgreSQL when
/// `POINTWISE_TEST_BACKEND=postgres` (on the server `POINTWISE_TEST_DB` names), so the suite
/// runs on either backend.
pub async fn test_db() -> anyhow::Result<TestDb> {
    if std::env::var("POINTWISE_TEST_BACKEND").is_ok_and(|b| b == "postgres") {
        let Some(pg) = postgres_test_db("POINTWISE_TEST_BACKEND=postgres").await? else {
            anyhow::bail!("POINTWISE_TEST_BACKEND=postgres needs POINTWISE_TEST_DB");
        };
        let db = Db::from(pg.pool.clone());
        return loaded(db, None, tempfile::tempdir()?, Some(pg)).await;
    }
    sqlite_test_db().await
}

/// A SQLite database in a temporary directory (`dir/test.db`), whatever the backend of the
/// suite: for the tests of SQLite itself (its file, its read-only pools) and those that read it
/// with their own SQL.
pub async fn sqlite_test_db() -> anyhow::Result<TestDb> {
    let dir = tempfile::tempdir()?;
    let pool = db::connect(&dir.path().join("test.db")).await?;
    loaded(Db::from(pool.clone()), Some(pool), dir, None).await
}

async fn loaded(
    db: Db,
    sqlite: Option<SqlitePool>,
    dir: tempfile::TempDir,
    pg: Option<PgTestDb>,
) -> anyhow::Result<TestDb> {
    let catalog = Catalog::bundled()?;
    queries::upsert_catalog(&db, &catalog).await?;
    let extractor = std::sync::Arc::new(Extractor::new(&catalog)?);
    Ok(TestDb {
        db,
        sqlite,
        dir,
        extractor,
        pg,
    })
}

/// A database with the five seed articles ingested (on the suite's backend: see [`test_db`]).
pub async fn seeded_db() -> anyhow::Result<TestDb> {
    let t = test_db().await?;
    pointwise::ingest::run::run_bundled(&t.db, &t.extractor).await?;
    Ok(t)
}

/// [`seeded_db`] on SQLite whatever the suite's backend (see [`sqlite_test_db`]).
pub async fn sqlite_seeded_db() -> anyhow::Result<TestDb> {
    let t = sqlite_test_db().await?;
    pointwise::ingest::run::run_bundled(&t.db, &t.extractor).await?;
    Ok(t)
}

pub fn app(db: &Db) -> Router {
    site(db).0
}

/// The site and its response cache (whose data version a test refreshes after an ingest in
/// the test's own process, instead of waiting for the poll).
pub fn site(db: &Db) -> (Router, std::sync::Arc<pointwise::web::cache::ResponseCache>) {
    router(
        AppState::new(db.clone(), "http://test.local"),
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

/// A parsed HTML page, queried by CSS selector (so a test checks the structure, not the bytes
/// askama happens to write).
pub struct Page(scraper::Html);

impl Page {
    pub fn parse(html: &str) -> Self {
        Self(scraper::Html::parse_document(html))
    }

    fn select<'a>(&'a self, css: &str) -> impl Iterator<Item = scraper::ElementRef<'a>> {
        let selector = scraper::Selector::parse(css)
            .unwrap_or_else(|e| panic!("bad selector {css:?} in a test: {e}"));
        self.0.select(&selector).collect::<Vec<_>>().into_iter()
    }

    /// How many elements match `css`.
    pub fn count(&self, css: &str) -> usize {
        self.select(css).count()
    }

    /// The text of each element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The value of `attr` (entities decoded) on each element matching `css` that has it.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css)
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }
}

/// A fresh PostgreSQL database on the server `POINTWISE_TEST_DB` names, migrated; dropped when
/// this is dropped.
pub struct PgTestDb {
    /// The pool.
    pub pool: sqlx::PgPool,
    /// The database's URL.
    pub url: String,
    admin: String,
    name: String,
}

impl PgTestDb {
    /// Closes the pool and drops the database.
    pub async fn finish(self) -> anyhow::Result<()> {
        self.pool.close().await;
        Ok(())
    }
}

impl Drop for PgTestDb {
    /// Drops the database, also when a test fails before [`PgTestDb::finish`] (on a thread
    /// of its own: a drop cannot wait on the test's runtime); `with (force)` ends the
    /// connections still open.
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(db::schema::drop_postgres_database(&admin, &name))?;
            anyhow::Ok(())
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!(
                "the PostgreSQL test database {} was not dropped: {dropped:?}",
                self.name
            );
        }
    }
}

/// The PostgreSQL server of the tests: `POINTWISE_TEST_DB` (a postgres:// URL of a database
/// to connect to, such as `postgres://postgres@127.0.0.1:5432/postgres`). Unset, a test of
/// PostgreSQL is skipped with a printed reason, unless `POINTWISE_REQUIRE_POSTGRES=1` (CI)
/// makes that a failure.
pub fn postgres_server(test: &str) -> anyhow::Result<Option<String>> {
    match std::env::var("POINTWISE_TEST_DB") {
        Ok(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Some(url))
        }
        _ if std::env::var("POINTWISE_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            anyhow::bail!(
                "{test}: POINTWISE_REQUIRE_POSTGRES=1 but POINTWISE_TEST_DB is no postgres:// URL"
            )
        }
        _ => {
            eprintln!("{test}: skipped on PostgreSQL: POINTWISE_TEST_DB is no postgres:// URL");
            Ok(None)
        }
    }
}

/// `url` with its database (the path) replaced by `name`, its query string kept.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (before_query, query) = rest
        .split_once('?')
        .map_or((rest, None), |(a, q)| (a, Some(q)));
    let authority = before_query.split('/').next().unwrap_or(before_query);
    match query {
        Some(q) => format!("{scheme}://{authority}/{name}?{q}"),
        None => format!("{scheme}://{authority}/{name}"),
    }
}

/// A new database on the test server, migrated; `None` (skipped, reason printed) when none
/// is configured.
pub async fn postgres_test_db(test: &str) -> anyhow::Result<Option<PgTestDb>> {
    let Some(admin) = postgres_server(test)? else {
        return Ok(None);
    };
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!("pg_test_{}_{n}_{nanos}", std::process::id());
    db::schema::create_postgres_database(&admin, &name).await?;
    let url = with_database(&admin, &name);
    let pool = db::schema::connect_postgres(&url, 4).await?;
    Ok(Some(PgTestDb {
        pool,
        url,
        admin,
        name,
    }))
}
