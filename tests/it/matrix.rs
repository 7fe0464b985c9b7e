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
    let outlets = matrix::matrix_columns(&t.db, Axis::Outlet, &AxisFilter::default()).await?;
    let countries = matrix::matrix_columns(&t.db, Axis::Country, &AxisFilter::default()).await?;
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
    assert_eq!(total, pointwise::db::queries::count_rows(&t.db).await?.1);
    Ok(())
}

#[tokio::test]
async fn cells_add_up_across_groupings() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let f = AxisFilter::default();
    let mut sums = Vec::new();
    for axis in [Axis::Source, Axis::Outlet, Axis::Country] {
        let cells = matrix::matrix_cells(&t.db, axis, &f).await?;
        for c in &cells {
            assert_eq!(c.total, c.supports + c.opposes + c.mixed + c.neutral);
        }
        sums.push(cells.iter().map(|c| c.total).sum::<i64>());
    }
    assert!(
        sums[0] > 0 && sums.iter().all(|s| *s == sums[0]),
        "{sums:?}"
    );
    let speaker: i64 = matrix::matrix_cells(&t.db, Axis::Speaker, &f)
        .await?
        .iter()
        .map(|c| c.total)
        .sum();
    let org: i64 = matrix::matrix_cells(&t.db, Axis::Organisation, &f)
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
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    // the heat steps, the stance bar and the counts in words
    assert!(
        page.count("table.heatmap td.cell.h5") > 0,
        "the fullest cell is darkest"
    );
    assert!(page.count("table.heatmap td.cell.h1") > 0);
    let filled = page.count("table.heatmap td.cell:not(.h0)");
    assert!(filled > 0);
    assert_eq!(
        page.count("table.heatmap td.cell:not(.h0) > a > svg.bar"),
        filled,
        "every filled cell has its stance bar"
    );
    assert!(page.count("table.heatmap svg.bar > rect.supports") > 0);
    assert!(
        page.texts("table.heatmap td.cell .sr")
            .iter()
            .any(|t| t.starts_with("ReOpen Media: 13 statements on Plan as a whole (")),
        "the count in words"
    );
    // grouped by country, with drill-downs to the outlet's articles
    assert_eq!(
        page.texts(
            r#"tr.colgroups > th[scope=colgroup][colspan="3"] > a[href="/?by=outlet&country=Ukraine"]"#
        ),
        ["Ukraine"],
        "country group"
    );
    assert_eq!(
        page.texts(r#"table.heatmap thead th[scope=col] > a[href="/?by=source&outlet=LIGA.net"]"#),
        ["LIGA.net"]
    );
    // who stands where
    assert_eq!(page.texts("h2#who"), ["Who stands where"]);
    assert!(
        page.count(r#"table.who td.cell > a[href="/statements?provision=7&speaker=mark-rutte"]"#)
            == 1
    );
    assert_eq!(
        page.count("[style]"),
        0,
        "no inline style (the CSP forbids them)"
    );
    assert_eq!(page.count("script:not([src])"), 0, "no inline script");
    Ok(())
}

#[tokio::test]
async fn drill_downs_narrow_the_columns() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/?by=source&outlet=TASS").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    assert!(page.texts("p.narrowed")[0].starts_with("Showing only articles of TASS."));
    assert_eq!(
        page.texts(r#"p.narrowed > a[href="/statements?source=1"]"#),
        ["Their statements as a list"],
        "the drill-down links to the outlet's statements"
    );
    let columns = |page: &common::Page| page.attrs("table.heatmap thead th[scope=col] > a", "href");
    assert_eq!(columns(&page), ["/sources/1"], "TASS's one article");
    let (_, body) = common::get(&app, "/?by=outlet&country=Ukraine").await?;
    let page = common::Page::parse(&body);
    let outlets = page.texts("table.heatmap thead th[scope=col] > a");
    assert!(outlets.contains(&"LIGA.net".to_owned()) && !outlets.contains(&"TASS".to_owned()));
    assert!(
        columns(&page)
            .iter()
            .all(|h| h.starts_with("/?by=source&outlet=")),
        "{outlets:?}"
    );
    assert!(body.contains("/statements?source="), "{body}");
    let (_, body) = common::get(&app, "/?by=speaker&organisation=NATO").await?;
    let speakers = common::Page::parse(&body).texts("table.heatmap thead th[scope=col] > a");
    assert!(
        speakers.contains(&"Mark Rutte".to_owned())
            && !speakers.contains(&"Dmitry Peskov".to_owned()),
        "{speakers:?}"
    );
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
    let app = common::app(&t.db);
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
    let (rows, undated) = matrix::timeline(&t.db, 21).await?;
    assert_eq!(undated, 0);
    // the seeds' statements on point 21 (with "viewed by Ukraine's allies as capitulation")
    assert_eq!(rows.iter().map(|r| r.statements).sum::<i64>(), 5);
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/provisions/21").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    assert_eq!(
        page.attrs("figure.timeline svg.timeline[role=img]", "aria-labelledby"),
        ["tl-title tl-desc"]
    );
    assert_eq!(
        page.texts("svg.timeline > title#tl-title"),
        ["Statements on Point 21 over time, by outlet"]
    );
    assert!(
        page.texts("svg.timeline > desc#tl-desc")[0]
            .starts_with("5 dated statements from 3 outlets between 2025-11-20 and 2025-11-24")
    );
    assert_eq!(
        page.count("table > caption#tl-caption"),
        1,
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
        let response = common::app(&t.db)
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
        let (_, body) = common::get(&common::app(&t.db), uri).await?;
        assert!(body.contains(needle), "{uri}");
    }
    let (_, page) = common::get(&common::app(&t.db), "/statements").await?;
    assert!(page.contains("<script src=\"/static/app.js\" defer></script>"));
    assert!(!page.contains("Copy link"), "no button without the script");
    Ok(())
}
