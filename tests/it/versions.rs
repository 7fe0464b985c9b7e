//! The plan's versions: /versions, /versions/{slug}, a point's text in each version with its
//! word-level diff, their JSON twins and the refusals.

use crate::common;

use axum::http::StatusCode;

#[tokio::test]
async fn the_timeline_lists_every_version_and_talk_in_date_order() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/versions").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let dates = page.attrs(".moment time", "datetime");
    assert!(dates.len() >= 15, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let links = page.attrs(".moment.version h2 a", "href");
    assert_eq!(
        links,
        [
            "/versions/us-28",
            "/versions/e3-counter",
            "/versions/geneva-19",
            "/versions/twenty-point"
        ]
    );
    // every moment has its sources as outside links
    assert_eq!(page.count(".moment details"), dates.len());
    assert!(page.count(".moment .sources-list a[href^='https://']") >= dates.len());

    let (status, json) = common::get(&app, "/versions.json").await?;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["versions"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["versions"][3]["points"][5]["status"], "amended");
    assert_eq!(v["versions"][3]["points"][25]["status"], "dropped");
    assert_eq!(v["disagreements"].as_array().map(Vec::len), Some(2));
    Ok(())
}

#[tokio::test]
async fn a_version_lists_its_items_in_its_own_order_linked_to_the_points() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/versions/twenty-point").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let items = page.attrs("ol.items > li", "id");
    let want: Vec<String> = (1..=20).map(|n| format!("item{n}")).collect();
    assert_eq!(items, want);
    // item 4 carries on point 6 (the army), item 10 carries on nothing
    let four = page.attrs("#item4 .continues a", "href");
    assert_eq!(four, ["/provisions/6?version=twenty-point#versions"]);
    assert!(page.texts("#item10 .continues")[0].starts_with("New"));
    // the 28 points, each with its status
    assert_eq!(page.count(".status-table tbody tr"), 28);
    assert!(body.contains("moved to a separate document"));
    // the disagreement on the fund's target keeps both figures
    let disagreement = page.texts(".disagreement li").join(" ");
    assert!(
        disagreement.contains("$800 billion") && disagreement.contains("678"),
        "{disagreement}"
    );

    let (_, geneva) = common::get(&app, "/versions/geneva-19").await?;
    let geneva = common::Page::parse(&geneva);
    let accounts = geneva.texts(".disagreement li").join(" ");
    assert!(
        accounts.contains("19 points") && accounts.contains("22 points"),
        "{accounts}"
    );
    assert!(geneva.texts("#items + p")[0].contains("not published"));

    let (status, json) = common::get(&app, "/versions/e3-counter.json").await?;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["points"][2]["status"], "dropped");
    assert_eq!(v["items"][0]["continues"][0], 1);
    Ok(())
}

#[tokio::test]
async fn a_point_shows_its_wording_in_each_version_and_the_changes() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/provisions/6").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let strip = page.texts(".strip li");
    assert_eq!(strip.len(), 4, "{strip:?}");
    assert!(strip[0].contains("28 points") && strip[0].contains("new"));
    assert!(strip[2].contains("unknown"));
    assert!(strip[3].contains("20 points") && strip[3].contains("amended"));
    // by default, the latest text's changes: from the E3's 800,000 "limited to" to "stay at"
    assert_eq!(
        page.texts("#diff-title"),
        ["What changed from E3 counter to 20 points"]
    );
    assert!(
        page.texts(".diff-text del")
            .iter()
            .any(|d| d.contains("limited to"))
    );
    let ins = page.texts(".diff-text ins");
    assert!(ins.iter().any(|d| d.contains("stay at")), "{ins:?}");

    // switching the version shows that version's changes
    let (_, e3) = common::get(&app, "/provisions/6?version=e3-counter").await?;
    let e3 = common::Page::parse(&e3);
    assert_eq!(
        e3.texts("#diff-title"),
        ["What changed from 28 points to E3 counter"]
    );
    assert!(
        e3.texts(".diff-text del")
            .iter()
            .any(|d| d.contains("600,000"))
    );
    assert!(
        e3.texts(".diff-text ins")
            .iter()
            .any(|d| d.contains("800,000"))
    );
    assert_eq!(
        e3.attrs(".strip a[aria-current]", "href"),
        ["/provisions/6?version=e3-counter#versions"]
    );

    let (status, json) = common::get(&app, "/provisions/6/versions.json").await?;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["versions"][1]["changes"]["against"], "us-28");
    assert_eq!(
        v["versions"][0]["items"][0][2],
        "Ukraine's armed forces are limited to 600,000 personnel."
    );
    Ok(())
}

#[tokio::test]
async fn unknown_versions_are_refused_with_a_message() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/versions/thirty-point").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("There is no version"));
    let (status, body) = common::get(&app, "/provisions/6?version=%3Cb%3E").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("There is no version")
            && body.contains("&#60;b&#62;")
            && !body.contains("<b>"),
        "{body}"
    );
    let (status, _) = common::get(&app, "/provisions/29/versions.json").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = common::get(&app, "/provisions/0/versions.json").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test]
async fn the_matrix_colours_its_rows_by_the_status_in_a_chosen_version() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (status, plain) = common::get(&app, "/").await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        common::Page::parse(&plain).count("tr[class^='status-row-']"),
        0
    );

    let (status, body) = common::get(&app, "/?by=country&version=twenty-point").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    // the 28 points, each coloured and labelled in words; the plan as a whole is not
    assert_eq!(page.count("tr[class^='status-row-']"), 28);
    let mut dropped: Vec<u8> = page
        .texts("tr.status-row-dropped th[scope=row] a")
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect();
    dropped.sort_unstable();
    assert_eq!(dropped, [3, 7, 8, 9, 15, 17, 26]);
    let moved = page.texts("tr.status-row-moved .status");
    assert_eq!(moved, vec!["moved to a separate document"; 3]);
    // the choice keeps the columns' view
    let current = page.attrs("nav[aria-label='Rows by version'] a[aria-current]", "href");
    assert_eq!(current, ["/?by=country&version=twenty-point"]);
    let (status, _) = common::get(&app, "/?version=forty-point").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn the_timeline_marks_the_versions_within_its_days() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/provisions/6").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let dates = page.texts(".timeline-table tbody td:first-child");
    let (first, last) = (dates.iter().min().cloned(), dates.iter().max().cloned());
    let marks = page.texts("svg.timeline .version-start title");
    // exactly the versions made known between the first and the last dated statement
    let v = pointwise::versions::Versions::bundled()?;
    let want: Vec<String> = v
        .versions
        .iter()
        .filter(|x| {
            first.as_ref().is_some_and(|f| &x.date >= f)
                && last.as_ref().is_some_and(|l| &x.date <= l)
        })
        .map(|x| x.date.clone())
        .collect();
    let got: Vec<String> = marks
        .iter()
        .filter_map(|m| m.split(':').next())
        .map(str::to_string)
        .collect();
    assert_eq!(got, want, "{first:?} {last:?}");
    assert!(!got.is_empty(), "the seeds span some version's day");
    assert!(page.texts("figcaption")[0].contains("Dashed lines mark a version of the plan"));
    // each version's column links to the statements on the point about it
    let links = page.attrs(".versions-side a[href^='/statements']", "href");
    assert_eq!(links.len(), 4);
    assert_eq!(links[3], "/statements?provision=6&version=twenty-point");
    Ok(())
}
