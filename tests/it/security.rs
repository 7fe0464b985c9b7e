//! Security and limits through the router: headers on every response (errors, static files,
//! refusals), 404/405/HEAD, absurd parameters answered 400 or 414 and never 5xx, load shedding,
//! timeout and caught panics; and an article full of XSS payloads (as text and as HTML) shown
//! escaped on every page type, with the export still valid JSON.

use crate::common;

use crate::binary;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use http_body_util::BodyExt;
use pointwise::db::queries;
use pointwise::web::{Limits, SECURITY_HEADERS, with_layers};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> anyhow::Result<Answer> {
    let response = app.clone().oneshot(request).await?;
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await?.to_bytes();
    Ok(Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

async fn call(app: &Router, method: &str, uri: &str) -> anyhow::Result<Answer> {
    send(
        app,
        Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())?,
    )
    .await
}

fn assert_security_headers(what: &str, a: &Answer) {
    for (name, value) in SECURITY_HEADERS {
        assert_eq!(
            a.headers.get(name).and_then(|v| v.to_str().ok()),
            Some(value),
            "{what} ({}) lacks {name}",
            a.status
        );
    }
    let csp = a
        .headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: {csp}"
    );
}

/// A router with the server's layers around test routes: one that waits until released,
/// one that panics.
fn test_router(
    limits: Limits,
    entered: Arc<AtomicUsize>,
    gate: Arc<tokio::sync::Semaphore>,
) -> Router {
    let slow = get(move || {
        let entered = entered.clone();
        let gate = gate.clone();
        async move {
            entered.fetch_add(1, Ordering::SeqCst);
            let _permit = gate.acquire().await;
            "done"
        }
    });
    let app = Router::new().route("/slow", slow).route(
        "/panic",
        get(|| async {
            let v: Vec<u8> = Vec::new();
            #[allow(clippy::indexing_slicing, reason = "the handler must panic")]
            let x = v[1];
            x.to_string()
        }),
    );
    with_layers(app, limits)
}

#[tokio::test]
async fn every_response_carries_the_security_headers() -> anyhow::Result<()> {
    // Arrange
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let long = format!("/statements?speaker={}", "a".repeat(9000));
    // Act + Assert
    for (method, uri, want) in [
        ("GET", "/", 200),
        ("GET", "/static/app.css", 200),
        ("HEAD", "/sources", 200),
        ("GET", "/no/such/page", 404),
        ("GET", "/statements?stance=angry", 400),
        ("POST", "/statements", 405),
        ("GET", long.as_str(), 414),
    ] {
        let a = call(&app, method, uri).await?;
        assert_eq!(a.status.as_u16(), want, "{method} {uri}");
        assert_security_headers(&format!("{method} {uri}"), &a);
    }
    let mut many = Request::builder().uri("/");
    for n in 0..100 {
        many = many.header(format!("x-h{n}"), "v");
    }
    let a = send(&app, many.body(Body::empty())?).await?;
    assert_eq!(a.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    assert!(
        a.body.contains("431") && a.body.contains("100 headers"),
        "{}",
        a.body
    );
    assert_security_headers("100 headers", &a);
    let a = send(
        &app,
        Request::builder()
            .uri("/")
            .header("cookie", "x".repeat(20_000))
            .body(Body::empty())?,
    )
    .await?;
    assert_eq!(a.status, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    // A caught panic is a 500 error page with the headers.
    let r = test_router(
        Limits::default(),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(tokio::sync::Semaphore::new(1)),
    );
    let a = call(&r, "GET", "/panic").await?;
    assert_eq!(a.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(a.body.contains("Something went wrong") && !a.body.contains("index out of bounds"));
    assert_security_headers("panic", &a);
    Ok(())
}

#[tokio::test]
async fn wrong_methods_are_405_with_the_error_page_and_unknown_routes_404() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    for uri in [
        "/",
        "/provisions/6",
        "/sources/1",
        "/statements",
        "/static/app.css",
    ] {
        for method in ["POST", "PUT", "DELETE", "PATCH"] {
            let a = call(&app, method, uri).await?;
            assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
            assert!(
                a.body.contains("405") && a.body.contains("only answers GET and HEAD"),
                "{method} {uri}: {}",
                a.body
            );
        }
    }
    for uri in [
        "/nope",
        "/provisions/6/extra",
        "/static/evil.js",
        "/sources/1/",
        "/.env",
    ] {
        let a = call(&app, "GET", uri).await?;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(a.body.contains("404"), "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn head_works_on_every_page() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    for uri in [
        "/",
        "/?by=speaker",
        "/provisions",
        "/provisions/6",
        "/sources",
        "/sources/1",
        "/speakers",
        "/speakers/mark-rutte",
        "/statements",
        "/statements?provision=7",
        "/statements/1",
        "/static/app.css",
    ] {
        let get = call(&app, "GET", uri).await?;
        let head = call(&app, "HEAD", uri).await?;
        assert_eq!(
            (get.status, head.status),
            (StatusCode::OK, StatusCode::OK),
            "{uri}"
        );
        assert!(head.body.is_empty(), "HEAD {uri} has no body");
        assert_eq!(
            head.headers.get("content-type"),
            get.headers.get("content-type"),
            "{uri}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn absurd_parameters_get_4xx_never_5xx() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let repeated =
        |key: &str, n: usize| format!("/statements?{}", vec![format!("{key}=1"); n].join("&"));
    let cases: Vec<(String, u16)> = vec![
        (
            "/statements?provision=99999999999999999999999999".into(),
            400,
        ),
        ("/statements?provision=-1".into(), 400),
        ("/statements?provision=1e3".into(), 400),
        ("/statements?page=99999999999999".into(), 400),
        ("/statements?page=-3".into(), 400),
        ("/statements?source=0".into(), 400),
        ("/statements?speaker=%ZZ".into(), 400),
        ("/statements?speaker=%FF%FE%00".into(), 400),
        ("/statements?stance=%E2%80%AEopposes".into(), 400),
        ("/statements?kind=%".into(), 400),
        (format!("/statements?speaker={}", "a".repeat(5000)), 400),
        ("/provisions/99999999999999999999".into(), 400),
        ("/provisions/-1".into(), 400),
        ("/provisions/%ZZ".into(), 400),
        ("/sources/-5".into(), 400),
        ("/sources/18446744073709551616".into(), 400),
        ("/statements/1e10".into(), 400),
        ("/statements/%00".into(), 400),
        ("/?by=%00".into(), 400),
        ("/?by=source&by=speaker".into(), 400),
        (repeated("provision", 600), 200),
        (repeated("p", 10_000), 414),
        (repeated("stance", 5_000), 414),
        (format!("/statements?provision={}", "9".repeat(9000)), 414),
        (format!("/{}", "a".repeat(10_000)), 414),
    ];
    for (uri, want) in cases {
        let a = call(&app, "GET", &uri).await?;
        let shown: String = uri.chars().take(60).collect();
        assert_eq!(
            a.status.as_u16(),
            want,
            "{shown}: {}",
            a.body.chars().take(300).collect::<String>()
        );
        assert!(!a.body.contains("panicked"), "{shown}");
    }
    // Invalid UTF-8 in a path segment is refused by the extractor, not a 500.
    let a = call(&app, "GET", "/speakers/%FF%FE").await?;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn overload_is_shed_with_503_at_once_and_slow_requests_time_out() -> anyhow::Result<()> {
    // Arrange: two requests in flight hold the only two slots.
    let entered = Arc::new(AtomicUsize::new(0));
    let gate = Arc::new(tokio::sync::Semaphore::new(0));
    let limits = Limits {
        max_in_flight: 2,
        timeout: Duration::from_secs(30),
        ..Limits::default()
    };
    let app = test_router(limits, entered.clone(), gate.clone());
    let first = tokio::spawn({
        let app = app.clone();
        async move { call(&app, "GET", "/slow").await.map(|a| a.status) }
    });
    let second = tokio::spawn({
        let app = app.clone();
        async move { call(&app, "GET", "/slow").await.map(|a| a.status) }
    });
    let start = Instant::now();
    while entered.load(Ordering::SeqCst) < 2 {
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(10),
            "handlers never ran"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Act: a third request while both slots are taken.
    let asked = Instant::now();
    let third = call(&app, "GET", "/slow").await?;
    let waited = asked.elapsed();
    // Assert: refused at once, not queued; the two in flight still finish.
    assert_eq!(third.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(third.body.contains("busy"), "{}", third.body);
    assert_security_headers("503", &third);
    assert!(waited < Duration::from_secs(5), "shed in {waited:?}");
    assert_eq!(
        entered.load(Ordering::SeqCst),
        2,
        "the third never reached the handler"
    );
    gate.add_permits(2);
    assert_eq!(first.await??, StatusCode::OK);
    assert_eq!(second.await??, StatusCode::OK);
    // Once the slots are free, requests are served again.
    gate.add_permits(1);
    assert_eq!(call(&app, "GET", "/slow").await?.status, StatusCode::OK);

    // A request running past the timeout is answered 503.
    let app = test_router(
        Limits {
            timeout: Duration::from_millis(200),
            ..Limits::default()
        },
        Arc::new(AtomicUsize::new(0)),
        Arc::new(tokio::sync::Semaphore::new(0)),
    );
    let a = call(&app, "GET", "/slow").await?;
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_security_headers("timeout", &a);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// XSS: hostile article text on every page type and format.

/// The usual filter-evasion list.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<ScRiPt>alert(2)</sCrIpT>",
    "<img src=x onerror=alert(3)>",
    "\"><svg/onload=alert(4)>",
    "'><svg onload=alert(5)>",
    "`><img src=x onerror=alert(6)>",
    "javascript:alert(7)",
    "</title><script>alert(8)</script>",
    "</textarea><script>alert(9)</script>",
    "<iframe src=\"javascript:alert(10)\"></iframe>",
    "&lt;script&gt;alert(11)&lt;/script&gt;",
    "+ADw-script+AD4-alert(12)+ADw-/script+AD4-",
    "<a href=\"jav&#x09;ascript:alert(13)\">x</a>",
    "<math><mtext></p><style><img src onerror=alert(14)>",
    "--><script>alert(15)</script><!--",
    "]]><script>alert(16)</script>",
    "<body onload=alert(17)>",
    "<div style=\"background:url(javascript:alert(18))\">",
    "' onmouseover='alert(19)' x='",
    "\" onfocus=\"alert(20)\" autofocus \"",
    "{{ 7*7 }} ${7*7} {% raw %}",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "@SUM(1+1)",
    "\u{202E}txt.exe",
];

/// How a page of some URL must be checked.
#[derive(Debug, Clone, Copy)]
enum Format {
    Html,
    Json,
    Csv,
    Atom,
}

/// Checks a JSON twin: it parses, and the payloads are in it only as JSON strings.
fn check_json(uri: &str, body: &str) {
    let v: serde_json::Value = serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{uri}: not valid JSON ({e}): {body:.200}"));
    assert!(v.is_object() || v.is_array(), "{uri}: {v:.200}");
}

/// Checks a CSV download: it parses, and no cell can start a spreadsheet formula.
fn check_csv(uri: &str, body: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{uri}: not valid CSV: {e}"));
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{uri}: a cell a spreadsheet would run: {cell:.80}"
            );
        }
        rows += 1;
    }
    assert!(rows > 0, "{uri}: no rows");
}

/// Checks an Atom feed: well-formed XML with only Atom elements (no injected markup).
fn check_atom(uri: &str, body: &str) {
    let doc = roxmltree::Document::parse(body)
        .unwrap_or_else(|e| panic!("{uri}: not well-formed XML: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert_eq!(
            node.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom"),
            "{uri}: an element that is not Atom: <{}>",
            node.tag_name().name()
        );
        assert!(
            !matches!(node.tag_name().name(), "script" | "svg" | "img" | "iframe"),
            "{uri}: injected <{}>",
            node.tag_name().name()
        );
    }
}

/// Checks an HTML page: no element, attribute or URL the payloads could have injected.
fn check_html(uri: &str, body: &str) {
    use scraper::{Html, Selector};
    let doc = Html::parse_document(body);
    let all = Selector::parse("*").unwrap_or_else(|_| unreachable!());
    for el in doc.select(&all) {
        let v = el.value();
        let name = v.name();
        assert!(
            !matches!(
                name,
                "iframe" | "math" | "object" | "embed" | "base" | "style" | "textarea"
            ),
            "{uri}: injected <{name}>"
        );
        // The only SVG on our pages is what the templates draw: the matrix bars and the timeline.
        if name == "svg" {
            assert!(
                matches!(v.attr("class"), Some("bar" | "timeline")),
                "{uri}: injected {}",
                el.html().chars().take(120).collect::<String>()
            );
        }
        if name == "script" {
            let src = v.attr("src").unwrap_or("");
            assert!(
                src.starts_with("/static/"),
                "{uri}: a script that is not ours: {}",
                el.html()
            );
            assert!(
                el.text().collect::<String>().trim().is_empty(),
                "{uri}: inline script"
            );
        }
        if name == "img" {
            assert!(
                v.attr("src").is_some_and(|s| s.starts_with('/')),
                "{uri}: {}",
                el.html()
            );
        }
        for (attr, value) in v.attrs() {
            assert!(
                !attr.starts_with("on"),
                "{uri}: event handler {attr} on <{name}>"
            );
            assert!(attr != "style", "{uri}: inline style on <{name}>");
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if matches!(attr, "href" | "src" | "action" | "formaction" | "content") {
                assert!(
                    !squeezed.starts_with("javascript:") && !squeezed.starts_with("vbscript:"),
                    "{uri}: {attr}={value:?}"
                );
            }
        }
    }
    for p in PAYLOADS {
        if p.contains(['<', '>', '"', '\'', '`']) {
            assert!(!body.contains(p), "{uri}: payload shown unescaped: {p}");
        }
    }
}

fn check(uri: &str, format: Format, body: &str) {
    match format {
        Format::Html => check_html(uri, body),
        Format::Json => check_json(uri, body),
        Format::Csv => check_csv(uri, body),
        Format::Atom => check_atom(uri, body),
    }
}

/// Every page type, with the ids that exist in the database.
async fn pages(pool: &pointwise::db::Db) -> anyhow::Result<Vec<(String, Format)>> {
    let mut out: Vec<(String, Format)> = [
        "/",
        "/?by=speaker",
        "/provisions",
        "/sources",
        "/speakers",
        "/statements",
        "/statements?kind=quote&stance=opposes",
        "/statements?speaker=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/statements?stance=%22%3E%3Csvg%2Fonload%3Dalert(4)%3E",
        "/provisions/%3C%2Ftitle%3E%3Cscript%3Ealert(8)%3C%2Fscript%3E",
        "/sources/%22%3E%3Csvg%2Fonload%3Dalert(4)%3E",
        "/speakers/%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E",
        "/no/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ]
    .into_iter()
    .map(|u| (u.to_string(), Format::Html))
    .collect();
    for (u, f) in [
        ("/statements.json", Format::Json),
        ("/statements.json?q=plan", Format::Json),
        ("/sources.json", Format::Json),
        ("/sources.json?q=plan", Format::Json),
        ("/speakers.json", Format::Json),
        ("/provisions.json", Format::Json),
        ("/statements.csv", Format::Csv),
        ("/statements.atom", Format::Atom),
        ("/statements?q=plan", Format::Html),
        ("/sources?q=plan", Format::Html),
    ] {
        out.push((u.to_string(), f));
    }
    for n in 0..=28 {
        out.push((format!("/provisions/{n}"), Format::Html));
        out.push((format!("/provisions/{n}/feed.atom"), Format::Atom));
    }
    for s in queries::list_sources(pool).await? {
        out.push((format!("/sources/{}", s.id), Format::Html));
        out.push((format!("/sources/{}.json", s.id), Format::Json));
        out.push((format!("/statements?source={}", s.id), Format::Html));
        out.push((format!("/statements.csv?source={}", s.id), Format::Csv));
    }
    for s in queries::list_speakers(pool).await? {
        out.push((format!("/speakers/{}", s.slug), Format::Html));
        out.push((format!("/speakers/{}.json", s.slug), Format::Json));
        out.push((format!("/speakers/{}/feed.atom", s.slug), Format::Atom));
    }
    for row in queries::export_statements(pool).await? {
        out.push((format!("/statements/{}", row.id), Format::Html));
        out.push((format!("/statements/{}.json", row.id), Format::Json));
    }
    Ok(out)
}

fn hostile_text() -> String {
    let mut s = format!(
        "{} Peace plan {}\n2025-11-22\n{}\n\n",
        PAYLOADS[7], PAYLOADS[3], PAYLOADS[19]
    );
    for (n, p) in PAYLOADS.iter().enumerate() {
        let who = ["Kaja Kallas", "Dmitry Peskov", "Mark Rutte"][n % 3];
        s.push_str(&format!(
            "\"{p} The 28-point plan is unacceptable on the army cap,\" {who} said. {p}\n\n"
        ));
    }
    s
}

fn hostile_html() -> String {
    let esc = |p: &str| {
        p.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut s = format!(
        "<!DOCTYPE html><html><head><title>{}</title>\
         <meta property=\"og:title\" content=\"{}\"><meta property=\"og:site_name\" content=\"{}\">\
         <meta property=\"article:published_time\" content=\"2025-11-23T10:00:00Z\">\
         <script>alert('head')</script></head><body><article><h1>{}</h1>",
        esc(PAYLOADS[7]),
        esc(PAYLOADS[3]),
        esc(PAYLOADS[18]),
        esc(PAYLOADS[3]),
    );
    for (n, p) in PAYLOADS.iter().enumerate() {
        let who = ["Volodymyr Zelensky", "Donald Tusk", "Marco Rubio"][n % 3];
        s.push_str(&format!(
            "<p onclick=\"alert('p')\">&ldquo;{} Sanctions relief under the plan is premature,&rdquo; {who} said. {p}</p>",
            esc(p)
        ));
    }
    s.push_str(
        "<img src=x onerror=alert('raw')><svg onload=alert('raw')></svg></article></body></html>",
    );
    s
}

#[tokio::test]
async fn xss_payloads_in_articles_are_escaped_on_every_page_and_in_the_export() -> anyhow::Result<()>
{
    // Arrange: the payloads as a text article and as an HTML page (SQLite: the export runs
    // the binary on its file).
    let t = common::sqlite_test_db().await?;
    let dir = t.dir.path().join("hostile");
    std::fs::create_dir(&dir)?;
    std::fs::write(dir.join("hostile.txt"), hostile_text())?;
    std::fs::write(dir.join("hostile.html"), hostile_html())?;
    let report =
        pointwise::ingest::run::run(&t.db, &t.extractor, std::slice::from_ref(&dir), 1 << 20)
            .await?;
    assert_eq!(report.new, 2, "{report}");
    let (_, statements, _) = queries::count_rows(&t.db).await?;
    assert!(
        statements >= 20,
        "{statements} statements: the payloads are stored"
    );
    let app = common::app(&t.db);
    let pages = pages(&t.db).await?;
    // Act + Assert
    for (uri, format) in &pages {
        let a = call(&app, "GET", uri).await?;
        assert!(a.status.as_u16() < 500, "{uri}: {}", a.status);
        check(uri, *format, &a.body);
    }
    // The payloads are shown as text (escaped), not dropped: the checks above could fail.
    for id in queries::list_sources(&t.db).await?.iter().map(|s| s.id) {
        let a = call(&app, "GET", &format!("/sources/{id}")).await?;
        let doc = scraper::Html::parse_document(&a.body);
        let text: String = doc.root_element().text().collect();
        for p in [PAYLOADS[0], PAYLOADS[2], PAYLOADS[3], PAYLOADS[10]] {
            assert!(
                text.contains(p),
                "/sources/{id} does not show {p:?} as text"
            );
        }
    }
    let a = call(
        &app,
        "GET",
        "/provisions/%3C%2Ftitle%3E%3Cscript%3Ealert(8)%3C%2Fscript%3E",
    )
    .await?;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(
        a.body.contains("&#60;/title&#62;") || a.body.contains("&lt;/title&gt;"),
        "{}",
        a.body
    );
    // The export (JSON Lines) stays valid and keeps the text exactly.
    let db = t.dir.path().join("test.db");
    let out = binary::run(&db, &["export"])?;
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout)?;
    let mut lines = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        assert!(v["text"].is_string(), "{line}");
        lines += 1;
    }
    assert_eq!(lines, statements);
    assert!(
        stdout.contains("\\\"><svg/onload=alert(4)>"),
        "quotes escaped in JSON strings"
    );
    Ok(())
}

#[test]
fn the_html_check_catches_each_kind_of_injection() {
    for bad in [
        "<p><script>alert(1)</script></p>",
        "<p><img src=x onerror=alert(3)></p>",
        "<a href=\" javascript:alert(7)\">x</a>",
        "<title></title><svg/onload=alert(4)></title>",
        "<p title='' onmouseover='alert(19)' x=''>t</p>",
        "<p>\"><svg/onload=alert(4)></p>",
    ] {
        let caught = std::panic::catch_unwind(|| check_html("test", bad));
        assert!(caught.is_err(), "not caught: {bad}");
    }
    check_html(
        "test",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &#34;&#62;</p>",
    );
}
