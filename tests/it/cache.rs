//! The response cache: same bytes as an uncached render, ETag and 304, and an ingest that bumps
//! the data version and invalidates what was kept.

use crate::common;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use pointwise::db::queries;
use pointwise::web::cache::{self, CacheConfig, ResponseCache, VERSION_HEADER};
use pointwise::web::{AppState, Config, router};
use tower::ServiceExt;

async fn send(
    app: &Router,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> anyhow::Result<(StatusCode, HeaderMap, Vec<u8>)> {
    let mut req = Request::builder().uri(uri);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    let response = app.clone().oneshot(req.body(Body::empty())?).await?;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok((status, headers, bytes.to_vec()))
}

fn version_of(h: &HeaderMap) -> i64 {
    h.get(&VERSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1)
}

fn state(pool: &pointwise::db::Db) -> AppState {
    AppState::new(pool.clone(), "http://test.local")
}

/// The site behind a cache that is on or off, and the cache.
fn site(pool: &pointwise::db::Db, enabled: bool) -> (Router, std::sync::Arc<ResponseCache>) {
    let config = Config {
        cache: CacheConfig {
            enabled,
            ..CacheConfig::default()
        },
        ..Config::default()
    };
    router(state(pool), config)
}

/// The site behind a cache that is on or off.
fn app_with(pool: &pointwise::db::Db, enabled: bool) -> Router {
    site(pool, enabled).0
}

#[tokio::test]
async fn cached_pages_are_the_bytes_of_an_uncached_render() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let cached = app_with(&t.db, true);
    let cold = app_with(&t.db, false);
    for uri in [
        "/",
        "/provisions/6",
        "/statements?speaker=mark-rutte",
        "/speakers/dmitry-peskov",
        "/sources/1",
    ] {
        let (s0, _, cold_body) = send(&cold, uri, &[]).await?;
        let (s1, h1, first) = send(&cached, uri, &[]).await?;
        let (s2, h2, second) = send(&cached, uri, &[]).await?;
        assert_eq!(
            (s0, s1, s2),
            (StatusCode::OK, StatusCode::OK, StatusCode::OK)
        );
        assert_eq!(first, cold_body, "{uri}: first cached answer");
        assert_eq!(second, cold_body, "{uri}: answer from memory");
        assert_eq!(h1.get(header::ETAG), h2.get(header::ETAG));
        assert!(h2.get(header::CACHE_CONTROL).is_some());
        // gzip copy decompresses to the same page
        let (_, hz, zipped) = send(&cached, uri, &[(header::ACCEPT_ENCODING, "gzip")]).await?;
        assert_eq!(
            hz.get(header::CONTENT_ENCODING).map(|v| v.as_bytes()),
            Some(&b"gzip"[..])
        );
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&zipped[..]), &mut plain)?;
        assert_eq!(plain, cold_body, "{uri}: gzip copy");
    }
    let (app, c) = site(&t.db, true);
    send(&app, "/", &[]).await?;
    send(&app, "/", &[]).await?;
    let (entries, _) = c.stats().await;
    assert_eq!(entries, 1, "one page kept");
    Ok(())
}

#[tokio::test]
async fn if_none_match_with_the_current_etag_is_304() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    for enabled in [true, false] {
        let app = app_with(&t.db, enabled);
        let (status, h, body) = send(&app, "/provisions/6", &[]).await?;
        assert_eq!(status, StatusCode::OK);
        let etag = h
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("no ETag"))?;
        assert!(
            String::from_utf8_lossy(&body).contains(&format!("data version {}", version_of(&h)))
        );
        let (status, h304, body) =
            send(&app, "/provisions/6", &[(header::IF_NONE_MATCH, &etag)]).await?;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "cache on: {enabled}");
        assert!(body.is_empty());
        assert_eq!(h304.get(header::ETAG), h.get(header::ETAG));
        // another page, or a stale tag, is answered in full
        let (status, _, _) = send(&app, "/provisions/7", &[(header::IF_NONE_MATCH, &etag)]).await?;
        assert_eq!(status, StatusCode::OK);
        let (status, _, _) = send(
            &app,
            "/provisions/6",
            &[(header::IF_NONE_MATCH, "W/\"0-0\"")],
        )
        .await?;
        assert_eq!(status, StatusCode::OK);
    }
    // errors are not cached and carry no ETag
    let app = app_with(&t.db, true);
    let (status, h, _) = send(&app, "/provisions/99", &[]).await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(h.get(header::ETAG).is_none());
    Ok(())
}

#[tokio::test]
async fn an_ingest_bumps_the_version_and_invalidates_the_cache() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let (app, c) = site(&t.db, true);
    let before = queries::data_version(&t.db).await?;
    let (_, h0, page0) = send(&app, "/sources", &[]).await?;
    assert_eq!(version_of(&h0), before);
    let (_, _, again) = send(&app, "/sources", &[]).await?;
    assert_eq!(page0, again);

    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("fresh.txt"),
        "Talks resume\n2025-12-01\nReuters\n\n\"The plan is unacceptable,\" Dmitry Peskov said.\n",
    )?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    let after = queries::data_version(&t.db).await?;
    assert!(after > before, "version {before} -> {after}");
    // an ingest in this process tells the server at once (another one is polled for)
    c.data_version().refresh().await;

    let (status, h1, page1) = send(&app, "/sources", &[]).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(version_of(&h1), after);
    assert_ne!(h1.get(header::ETAG), h0.get(header::ETAG));
    assert!(String::from_utf8_lossy(&page1).contains("Talks resume"));
    assert!(!String::from_utf8_lossy(&page0).contains("Talks resume"));
    // the old ETag no longer gives 304
    let old = h0
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let (status, _, _) = send(&app, "/sources", &[(header::IF_NONE_MATCH, &old)]).await?;
    assert_eq!(status, StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn a_restart_keeps_the_version_unless_the_catalog_changed() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let catalog = pointwise::catalog::Catalog::bundled()?;
    // the harness loaded the catalog once; every later start finds it there
    let before = queries::data_version(&t.db).await?;
    assert!(!queries::upsert_catalog(&t.db, &catalog).await?);
    assert!(!queries::upsert_catalog(&t.db, &catalog).await?);
    assert_eq!(queries::data_version(&t.db).await?, before);
    // a release whose catalog differs writes it and tells the servers
    let mut renamed = catalog.clone();
    if let Some(c) = renamed.plan.categories.first_mut() {
        c.name.push_str(" (renamed)");
    }
    assert!(queries::upsert_catalog(&t.db, &renamed).await?);
    assert!(queries::data_version(&t.db).await? > before);
    let names: Vec<String> = queries::list_categories(&t.db)
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.iter().any(|n| n.ends_with(" (renamed)")), "{names:?}");
    Ok(())
}

#[tokio::test]
async fn another_process_ingest_is_noticed_by_polling() -> anyhow::Result<()> {
    let t = common::sqlite_seeded_db().await?;
    let app = app_with(&t.db, true);
    let (_, h0, _) = send(&app, "/", &[]).await?;
    // a second pool on the same file plays the other process: it writes without this
    // process's in-memory notice, so only the version row tells
    let other = sqlx::SqlitePool::connect_with(
        sqlx::sqlite::SqliteConnectOptions::new().filename(t.dir.path().join("test.db")),
    )
    .await?;
    queries::touch_data_version(&other.into()).await?;
    tokio::time::sleep(cache::CHECK_EVERY + std::time::Duration::from_millis(50)).await;
    let (_, h1, _) = send(&app, "/", &[]).await?;
    assert_eq!(version_of(&h1), version_of(&h0) + 1);
    Ok(())
}

#[tokio::test]
async fn concurrent_misses_of_one_page_get_one_render_and_the_same_bytes() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let (app, c) = site(&t.db, true);
    let requests: Vec<_> = (0..16)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { send(&app, "/provisions/21", &[]).await })
        })
        .collect();
    let mut bodies = Vec::new();
    for r in requests {
        let (status, _, body) = r.await??;
        assert_eq!(status, StatusCode::OK);
        bodies.push(body);
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "the same bytes");
    assert_eq!(c.stats().await.0, 1, "one entry kept");
    Ok(())
}
