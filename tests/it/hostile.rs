//! Hostile traffic (issue 17): the response cache stays bounded whatever the URL and headers,
//! a cancelled render leaves nothing behind, expensive misses are shed at once instead of
//! stalling the site, cache hits never wait for the database, HEAD is cached like GET, idle
//! and half-sent connections are closed, and odd inputs get the site's own error page.

use crate::common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use pointwise::web::budget::Budgets;
use pointwise::web::cache::{CacheConfig, ResponseCache};
use pointwise::web::{AppState, Config, Limits, router};
use sqlx::SqlitePool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn send(app: &Router, method: &str, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req.body(Body::empty()).expect("a valid request");
    let response = app.clone().oneshot(req).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

fn state(pool: &pointwise::db::Db) -> AppState {
    AppState::new(pool.clone(), "http://test.local")
}

fn site(pool: &pointwise::db::Db, config: Config) -> (Router, Arc<ResponseCache>) {
    router(state(pool), config)
}

/// A read pool of `n` connections on the test database.
async fn pool_of(t: &common::TestDb, n: u32) -> anyhow::Result<SqlitePool> {
    Ok(pointwise::db::connect_read_only(&t.dir.path().join("test.db"), n).await?)
}

#[tokio::test]
async fn unknown_parameters_and_accept_headers_do_not_make_new_entries() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let (app, cache) = site(&t.db, Config::default());
    let pad = "x".repeat(6000);
    let accept = "text/html,".repeat(1500);
    let first = send(&app, "GET", "/speakers.json?page=1", &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    for n in 0..40 {
        let uri = format!("/speakers.json?u={n}&page=1&pad={pad}");
        let a = send(&app, "GET", &uri, &[("accept", &accept)]).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_eq!(a.body, first.body, "the same page");
    }
    // the known names, in any order and spelling, are one page too
    let a = send(
        &app,
        "GET",
        "/statements?kind=quote&speaker=mark-rutte",
        &[],
    )
    .await;
    let b = send(
        &app,
        "GET",
        "/statements?speaker=mark-rutte&kind=quote",
        &[],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body, b.body);
    // a name the handlers do not read (here: not decoded) is left out of the key, and the
    // page kept under that key is the one the handlers render for it
    let odd = "/statements?spea%6Bker=mark-rutte&kind=quote";
    let c = send(&app, "GET", odd, &[]).await;
    let d = send(&app, "GET", "/statements?kind=quote", &[]).await;
    let cold = site(
        &t.db,
        Config {
            cache: CacheConfig {
                enabled: false,
                ..CacheConfig::default()
            },
            ..Config::default()
        },
    )
    .0;
    assert_eq!(c.body, send(&cold, "GET", odd, &[]).await.body);
    assert_eq!(c.body, d.body);
    assert_ne!(c.body, a.body);
    assert_eq!(cache.stats().await.0, 3, "one entry per page");
    Ok(())
}

#[tokio::test]
async fn the_cache_is_bounded_in_bytes_and_entries() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let max_bytes = 512 * 1024;
    let config = Config {
        cache: CacheConfig {
            max_bytes,
            max_entries: 8,
            ..CacheConfig::default()
        },
        budgets: Budgets {
            heavy: 64,
            light: 64,
            ..Budgets::default()
        },
        ..Config::default()
    };
    let (app, cache) = site(&t.db, config);
    let long = "w".repeat(150);
    for n in 0..60 {
        let uri = format!("/statements?q={long}{n}");
        let a = send(&app, "GET", &uri, &[]).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
    }
    let (entries, bytes) = cache.stats().await;
    assert!(entries <= 8, "{entries} entries");
    assert!(bytes <= max_bytes, "{bytes} bytes");
    assert!(entries >= 1, "pages are still kept");
    Ok(())
}

#[tokio::test]
async fn cancelled_renders_leave_nothing_behind() -> anyhow::Result<()> {
    let t = common::sqlite_seeded_db().await?;
    let pool = pool_of(&t, 1).await?;
    let (app, cache) = site(&pool.clone().into(), Config::default());
    // the data version is read once, then every render waits for the one connection
    assert_eq!(
        send(&app, "GET", "/static/app.css", &[]).await.status,
        StatusCode::OK
    );
    let (kept, _) = cache.stats().await; // the stylesheet
    let held = pool.acquire().await?;
    let mut tasks = Vec::new();
    for n in 0..50 {
        let app = app.clone();
        let uri = format!("/provisions/{}", n % 5 + 1);
        tasks.push(tokio::spawn(
            async move { send(&app, "GET", &uri, &[]).await },
        ));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        cache.renders_in_flight() > 0,
        "renders wait for the connection"
    );
    for task in &tasks {
        task.abort(); // the clients go away
    }
    for task in tasks {
        let _ = task.await;
    }
    drop(held);
    assert_eq!(cache.renders_in_flight(), 0, "no render is left");
    assert_eq!(cache.stats().await.0, kept, "nothing was kept");
    // the same pages render again, once each
    for n in 1..=5 {
        let a = send(&app, "GET", &format!("/provisions/{n}"), &[]).await;
        assert_eq!(a.status, StatusCode::OK);
    }
    assert_eq!(cache.stats().await.0, kept + 5);
    Ok(())
}

#[tokio::test]
async fn a_spent_budget_sheds_at_once_and_cheap_pages_and_hits_stay_fast() -> anyhow::Result<()> {
    let t = common::sqlite_seeded_db().await?;
    let light_pool = pool_of(&t, 2).await?;
    let heavy_pool = pool_of(&t, 1).await?;
    let config = Config {
        budgets: Budgets {
            heavy: 1,
            heavy_queue: 0,
            light: 8,
            light_queue: 0,
        },
        heavy_pool: Some(heavy_pool.clone().into()),
        ..Config::default()
    };
    let (app, _cache) = site(&light_pool.clone().into(), config);
    assert_eq!(send(&app, "GET", "/", &[]).await.status, StatusCode::OK);
    // an expensive render stuck on the database holds the whole expensive budget
    let held = heavy_pool.acquire().await?;
    let stuck = {
        let app = app.clone();
        tokio::spawn(async move { send(&app, "GET", "/statements?kind=quote", &[]).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let shed = send(&app, "GET", "/statements?kind=report", &[]).await;
    assert_eq!(shed.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        shed.headers.get(header::RETRY_AFTER).map(|v| v.as_bytes()),
        Some(&b"1"[..])
    );
    assert!(shed.body.contains("busy"), "the site's error page");
    let cheap = send(&app, "GET", "/sources/1", &[]).await;
    assert_eq!(cheap.status, StatusCode::OK);
    // a hit needs no connection at all: hold the cheap pool's too
    let held_light = (light_pool.acquire().await?, light_pool.acquire().await?);
    let hit = send(&app, "GET", "/", &[]).await;
    assert_eq!(hit.status, StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    drop(held_light);
    drop(held);
    assert_eq!(stuck.await?.status, StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn head_misses_are_kept_and_shared_with_get() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let (app, cache) = site(&t.db, Config::default());
    let head = send(&app, "HEAD", "/provisions/6", &[]).await;
    assert_eq!(head.status, StatusCode::OK);
    assert!(head.body.is_empty());
    assert_eq!(cache.stats().await.0, 1, "the HEAD miss was kept");
    let get = send(&app, "GET", "/provisions/6", &[]).await;
    assert_eq!(
        get.headers.get(header::ETAG),
        head.headers.get(header::ETAG)
    );
    assert_eq!(
        head.headers.get(header::CONTENT_LENGTH),
        get.headers.get(header::CONTENT_LENGTH)
    );
    assert_eq!(cache.stats().await.0, 1, "GET found it");
    Ok(())
}

#[tokio::test]
async fn gzip_refused_with_q0_is_not_sent() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let (app, _) = site(&t.db, Config::default());
    for _ in 0..2 {
        let a = send(&app, "GET", "/", &[("accept-encoding", "gzip;q=0, *")]).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_ne!(
            a.headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.as_bytes()),
            Some(&b"gzip"[..])
        );
    }
    Ok(())
}

#[tokio::test]
async fn invalid_utf8_in_a_path_gets_the_site_error_page() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    for uri in ["/statements/%FF", "/speakers/%C3%28", "/provisions/%80"] {
        let a = send(&app, "GET", uri, &[]).await;
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(a.body.contains("</html>"), "{uri}: {}", a.body);
        assert!(a.headers.contains_key("content-security-policy"));
    }
    Ok(())
}

/// The site served by the real server loop on a loopback port.
async fn serve_loop(
    t: &common::TestDb,
    limits: Limits,
) -> anyhow::Result<(std::net::SocketAddr, tokio::sync::oneshot::Sender<()>)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (app, _) = site(
        &t.db,
        Config {
            limits,
            ..Config::default()
        },
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(pointwise::web::serve::run(listener, app, limits, async {
        let _ = stopped.await;
    }));
    Ok((addr, stop))
}

/// Reads until the peer closes (`Ok(bytes)`) or `limit` passes (`Err`).
async fn read_to_close(s: &mut tokio::net::TcpStream, limit: Duration) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    tokio::time::timeout(limit, s.read_to_end(&mut out)).await??;
    Ok(out)
}

#[tokio::test]
async fn silent_and_idle_connections_are_closed_and_the_cap_holds() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let limits = Limits {
        header_read_timeout: Duration::from_millis(400),
        max_connections: 3,
        ..Limits::default()
    };
    let (addr, _stop) = serve_loop(&t, limits).await?;
    // three sockets that send nothing (or half a request) fill the cap...
    let mut silent = tokio::net::TcpStream::connect(addr).await?;
    let mut dribble = tokio::net::TcpStream::connect(addr).await?;
    dribble.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await?;
    let mut idle = tokio::net::TcpStream::connect(addr).await?;
    idle.write_all(b"GET /static/app.css HTTP/1.1\r\nHost: x\r\n\r\n")
        .await?;
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await?;
    assert_eq!(&first, b"HTTP/1.1 200");
    // ...a fourth client waits, and is served once the timeout has closed them
    let started = Instant::now();
    let mut late = tokio::net::TcpStream::connect(addr).await?;
    late.write_all(b"GET /static/app.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await?;
    let answer = read_to_close(&mut late, Duration::from_secs(5)).await?;
    assert!(
        answer.starts_with(b"HTTP/1.1 200"),
        "served after the cap freed"
    );
    assert!(started.elapsed() >= Duration::from_millis(200));
    for s in [&mut silent, &mut dribble, &mut idle] {
        read_to_close(s, Duration::from_secs(2)).await?;
    }
    Ok(())
}
