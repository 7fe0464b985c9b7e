//! Every route through the router: status, key content, and escaping of article text.

use crate::common;

use axum::http::StatusCode;
use pointwise::db::queries;

#[tokio::test]
async fn every_page_answers_with_its_content() -> anyhow::Result<()> {
    // Arrange
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let pages = [
        ("/", "Who says what about each point"),
        ("/?by=speaker", "Mark Rutte"),
        ("/provisions", "Army capped"),
        ("/provisions/6", "600,000"),
        ("/provisions/0", "Plan as a whole"),
        ("/sources", "Interfax-Ukraine"),
        ("/sources/1", "<mark"),
        ("/speakers", "Dmitry Peskov"),
        ("/speakers/mark-rutte", "Point 7"),
        ("/statements", "statements"),
        ("/statements?provision=21&stance=neutral", "on point 21"),
        ("/statements/1", "In context"),
        ("/static/app.css", "prefers-color-scheme"),
    ];
    for (uri, needle) in pages {
        // Act
        let (status, body) = common::get(&app, uri).await?;
        // Assert
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(body.contains(needle), "{uri} lacks {needle:?}");
        if uri != "/static/app.css" {
            let page = common::Page::parse(&body);
            let title = page.texts("head > title");
            assert!(title.len() == 1 && !title[0].is_empty(), "{uri} title");
            let canonical = page.attrs("head > link[rel=canonical]", "href");
            assert_eq!(canonical.len(), 1, "{uri} canonical");
            assert!(
                canonical[0].starts_with("http://test.local/"),
                "{uri} {canonical:?}"
            );
            let og = page.attrs(r#"head > meta[property="og:title"]"#, "content");
            assert!(
                og.len() == 1 && !og[0].is_empty() && title[0].starts_with(&og[0]),
                "{uri} og:title {og:?} is the title without the site's name"
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn filters_show_only_matching_statements() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(
        &app,
        "/statements?speaker=dmitry-peskov&speaker=karoline-leavitt",
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let mut speakers = page.attrs("article.statement .who > a:not(.chip)", "href");
    speakers.sort();
    speakers.dedup();
    assert_eq!(
        speakers,
        ["/speakers/dmitry-peskov", "/speakers/karoline-leavitt"],
        "only the two speakers' cards, Rutte filtered out"
    );
    let (_, body) = common::get(&app, "/statements?stance=opposes").await?;
    let page = common::Page::parse(&body);
    let cards = page.count("article.statement");
    assert!(cards > 0);
    assert_eq!(page.count("article.statement.stance-opposes"), cards);
    assert_eq!(
        page.texts("article.statement .badge.stance"),
        vec!["opposes"; cards]
    );
    let (_, body) = common::get(&app, "/statements?category=guarantees&kind=report").await?;
    let page = common::Page::parse(&body);
    let kinds = page.texts("article.statement .badge.kind");
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| k == "report"),
        "{kinds:?}"
    );
    assert!(
        page.texts("article.statement a.chip")
            .contains(&"point 6".to_owned()),
        "category B holds point 6"
    );
    Ok(())
}

#[tokio::test]
async fn unknown_ids_are_404_and_bad_filters_400_with_a_message() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let cases = [
        ("/provisions/29", StatusCode::NOT_FOUND, "no point 29"),
        (
            "/provisions/abc",
            StatusCode::BAD_REQUEST,
            "not a point number",
        ),
        ("/sources/99999", StatusCode::NOT_FOUND, "no source"),
        (
            "/speakers/nobody-at-all",
            StatusCode::NOT_FOUND,
            "No speaker",
        ),
        ("/statements/0", StatusCode::NOT_FOUND, "no statement"),
        (
            "/statements?provision=x",
            StatusCode::BAD_REQUEST,
            "provision",
        ),
        (
            "/statements?stance=angry",
            StatusCode::BAD_REQUEST,
            "stance",
        ),
        ("/statements?page=0", StatusCode::BAD_REQUEST, "page"),
        (
            "/statements?source=99999999999999999999999",
            StatusCode::BAD_REQUEST,
            "source",
        ),
        ("/?by=color", StatusCode::BAD_REQUEST, "by"),
        ("/no/such/page", StatusCode::NOT_FOUND, "no page"),
    ];
    for (uri, want, needle) in cases {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, want, "{uri}");
        assert!(body.contains(needle), "{uri}: {body}");
    }
    Ok(())
}

#[tokio::test]
async fn article_text_and_query_values_are_escaped() -> anyhow::Result<()> {
    // Arrange: an article full of markup
    let t = common::test_db().await?;
    let file = t.dir.path().join("xss.txt");
    std::fs::write(
        &file,
        "<script>alert(1)</script> plan\n2025-11-22\n\n\"<img src=x onerror=alert(2)> We reject the plan,\" Kaja Kallas said. <b>bold</b>\n",
    )?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[file], 1 << 20).await?;
    assert_eq!(
        queries::count_rows(&t.db).await?.1,
        1,
        "the quote is stored"
    );
    let app = common::app(&t.db);
    // Act + Assert
    for uri in [
        "/",
        "/sources/1",
        "/statements",
        "/statements/1",
        "/speakers/kaja-kallas",
        "/provisions/0",
        "/sources",
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            !body.contains("<script>alert")
                && !body.contains("<img src=x")
                && !body.contains("<b>bold"),
            "{uri} is not escaped"
        );
    }
    let (_, body) = common::get(&app, "/sources/1").await?;
    assert!(
        body.contains("&#60;img src=x") || body.contains("&lt;img src=x"),
        "the text is shown, escaped"
    );
    let (status, body) = common::get(&app, "/statements?speaker=%3Cscript%3E").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!body.contains("<script>"));
    Ok(())
}

#[tokio::test]
async fn responses_carry_security_headers() -> anyhow::Result<()> {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let t = common::seeded_db().await?;
    let response = common::app(&t.db)
        .oneshot(Request::builder().uri("/").body(Body::empty())?)
        .await?;
    let h = response.headers();
    assert!(
        h.get("content-security-policy")
            .is_some_and(|v| v.to_str().unwrap_or("").contains("default-src 'none'"))
    );
    assert_eq!(
        h.get("x-content-type-options")
            .and_then(|v| v.to_str().ok()),
        Some("nosniff")
    );
    assert!(h.get("referrer-policy").is_some());
    Ok(())
}
