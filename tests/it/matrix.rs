//! The matrix at `/` (heatmap, groupings, drill-downs, "who stands where"), the per-point
//! timeline and the static assets, through the router on the seed articles.

use crate::common;

use axum::http::StatusCode;
use pointwise::db::matrix::{self, Axis, AxisFilter};

#[tokio::test]
async fn columns_group_articles_by_outlet_and_country() -> anyhow::Result<()> {
    // Arrange
    let t = common::seeded_db().await?;
    // Act
    let outlets = matrix::matrix_columns(&t.pool, Axis::Outlet, &AxisFilter::default()).await?;
    let countries = matrix::matrix_columns(&t.pool, Axis::Country, &AxisFilter::default()).await?;
    // Assert: five outlets, one article each; three Ukrainian ones under Ukraine
    assert_eq!(outlets.len(), 5);
    let ukraine: Vec<&str> = outlets
        .iter()
        .filter(|c| c.grp == "Ukraine")
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(ukraine.len(), 3, "{ukraine:?}");
    assert!(ukraine.contains(&"LIGA.net") && ukraine.contains(&"Babel"));
    let reopen = outlets.iter().find(|c| c.key == "ReOpen Media");
    assert_eq!(
        reopen.map(|c| c.grp.as_str()),
        Some("other"),
        "an outlet missing from seeds/outlets.toml is under other"
    );
    let keys: Vec<&str> = countries.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(keys.contains(&"Russia") && keys.contains(&"Ukraine"));
    assert_eq!(keys.last(), Some(&"other"), "other comes last");
    let total: i64 = countries.iter().map(|c| c.statements).sum();
    assert_eq!(total, pointwise::db::queries::count_rows(&t.pool).await?.1);
    Ok(())
}

#[tokio::test]
async fn cells_add_up_across_groupings() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let f = AxisFilter::default();
    let mut sums = Vec::new();
    for axis in [Axis::Source, Axis::Outlet, Axis::Country] {
        let cells = matrix::matrix_cells(&t.pool, axis, &f).await?;
        for c in &cells {
            assert_eq!(c.total, c.supports + c.opposes + c.mixed + c.neutral);
        }
        sums.push(cells.iter().map(|c| c.total).sum::<i64>());
    }
    assert!(
        sums[0] > 0 && sums.iter().all(|s| *s == sums[0]),
        "{sums:?}"
    );
    let speaker: i64 = matrix::matrix_cells(&t.pool, Axis::Speaker, &f)
        .await?
        .iter()
        .map(|c| c.total)
        .sum();
    let org: i64 = matrix::matrix_cells(&t.pool, Axis::Organisation, &f)
        .await?
        .iter()
        .map(|c| c.total)
        .sum();
    assert_eq!(speaker, org);
    assert!(
        speaker < sums[0],
        "the article's own voice has no speaker column"
    );
    Ok(())
}

#[tokio::test]
async fn the_matrix_is_a_heatmap_with_bars_and_accessible_counts() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.pool);
    let (status, body) = common::get(&app, "/").await?;
    assert_eq!(status, StatusCode::OK);
    // the heat steps, the stance bar and the counts in words
    assert!(
        body.contains("class=\"cell h5\""),
        "the fullest cell is darkest"
    );
    assert!(body.contains("class=\"cell h1\""));
    assert!(body.contains("<svg class=\"bar\"") && body.contains("<rect class=\"supports\""));
    assert!(body.contains("<span class=\"sr\">ReOpen Media: 13 statements on Plan as a whole ("));
    // grouped by country, with drill-downs to the outlet's articles
    // (askama writes & as &#38;)
    assert!(
        body.contains("<th scope=\"colgroup\" colspan=\"3\"><a href=\"/?by=outlet&#38;country=Ukraine\">Ukraine</a>"),
        "country group"
    );
    assert!(body.contains("href=\"/?by=source&#38;outlet=LIGA.net\""));
    // who stands where
    assert!(body.contains("Who stands where"));
    assert!(body.contains("/statements?provision=7&#38;speaker=mark-rutte"));
    assert!(
        !body.contains(" style="),
        "no inline style (the CSP forbids them)"
    );
    assert!(!body.contains("<script>"), "no inline script");
    Ok(())
}

#[tokio::test]
async fn drill_downs_narrow_the_columns() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.pool);
    let (status, body) = common::get(&app, "/?by=source&outlet=TASS").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Showing only articles of TASS"));
    assert!(
        body.contains("<a href=\"/statements?source=1\">Their statements as a list</a>"),
        "the drill-down links to the outlet's statements"
    );
    assert!(body.contains("href=\"/sources/1\"") && !body.contains("href=\"/sources/2\""));
    let (_, body) = common::get(&app, "/?by=outlet&country=Ukraine").await?;
    assert!(body.contains("LIGA.net") && !body.contains(">TASS</a>"));
    assert!(body.contains("/statements?source="), "{body}");
    let (_, body) = common::get(&app, "/?by=speaker&organisation=NATO").await?;
    assert!(body.contains("Mark Rutte") && !body.contains(">Dmitry Peskov</a></th><th"));
    let (status, body) = common::get(&app, "/?by=speaker").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("/speakers/mark-rutte"));
    for uri in ["/?by=organisation", "/?by=speaker-country", "/?by=country"] {
        let (status, _) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn bad_matrix_parameters_are_400_with_a_message() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.pool);
    let long = "x".repeat(300);
    let cases = [
        ("/?by=colour".to_string(), "by cannot be"),
        ("/?by=speaker&outlet=TASS".to_string(), "outlet"),
        ("/?by=outlet&organisation=NATO".to_string(), "organisation"),
        (format!("/?by=source&outlet={long}"), "longer than 200"),
        ("/?by=source&outlet=%3Cscript%3E".to_string(), ""),
    ];
    for (uri, needle) in &cases {
        let (status, body) = common::get(&app, uri).await?;
        if needle.is_empty() {
            // an unknown outlet is an empty view, never markup
            assert_eq!(status, StatusCode::OK, "{uri}");
            assert!(!body.contains("<script>"), "{uri}");
        } else {
            assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
            assert!(body.contains(needle), "{uri}: {body}");
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_point_has_a_timeline_svg_and_its_table() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let (rows, undated) = matrix::timeline(&t.pool, 21).await?;
    assert_eq!(undated, 0);
    assert_eq!(rows.iter().map(|r| r.statements).sum::<i64>(), 4);
    let app = common::app(&t.pool);
    let (status, body) = common::get(&app, "/provisions/21").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<svg class=\"timeline\"") && body.contains("role=\"img\""));
    assert!(
        body.contains("<title id=\"tl-title\">Statements on Point 21 over time, by outlet</title>")
    );
    assert!(body.contains(
        "<desc id=\"tl-desc\">4 dated statements from 3 outlets between 2025-11-20 and 2025-11-24"
    ));
    assert!(
        body.contains("<caption id=\"tl-caption\">"),
        "table fallback"
    );
    let (_, body) = common::get(&app, "/provisions/2").await?;
    assert!(body.contains("No dated statement on this point yet"));
    Ok(())
}

#[tokio::test]
async fn the_script_and_stylesheet_are_served_with_types_and_caching() -> anyhow::Result<()> {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let t = common::seeded_db().await?;
    for (uri, kind, needle) in [
        ("/static/app.js", "text/javascript", "clipboard"),
        ("/static/app.css", "text/css", "@media print"),
    ] {
        let response = common::app(&t.pool)
            .oneshot(Request::builder().uri(uri).body(Body::empty())?)
            .await?;
        assert_eq!(response.status(), StatusCode::OK);
        let h = response.headers();
        assert!(
            h.get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with(kind)),
            "{uri}"
        );
        assert!(
            h.get("cache-control")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("max-age")),
            "{uri}"
        );
        let (_, body) = common::get(&common::app(&t.pool), uri).await?;
        assert!(body.contains(needle), "{uri}");
    }
    let (_, page) = common::get(&common::app(&t.pool), "/statements").await?;
    assert!(page.contains("<script src=\"/static/app.js\" defer></script>"));
    assert!(!page.contains("Copy link"), "no button without the script");
    Ok(())
}
