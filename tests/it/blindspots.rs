//! Blindspots on the matrix and on an outlet's drill-down, counted against a recount of the
//! statement list.

use std::collections::{BTreeMap, BTreeSet};

use crate::common;

use axum::http::StatusCode;

/// Points 1-28 each outlet has statements on, recounted from `/statements.json`.
async fn recount(app: &axum::Router) -> anyhow::Result<BTreeMap<String, BTreeSet<i64>>> {
    let (_, body) = common::get(app, "/statements.json?size=1000").await?;
    let v: serde_json::Value = serde_json::from_str(&body)?;
    let mut out: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for s in v["statements"].as_array().cloned().unwrap_or_default() {
        let outlet = s["publisher"].as_str().unwrap_or_default().to_string();
        let points = out.entry(outlet).or_default();
        for p in s["provisions"].as_array().cloned().unwrap_or_default() {
            if let Some(n) = p["number"].as_i64().filter(|n| *n >= 1) {
                points.insert(n);
            }
        }
    }
    Ok(out)
}

#[tokio::test]
async fn blindspot_counts_agree_with_a_recount() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let covered = recount(&app).await?;
    let all: BTreeSet<i64> = covered.values().flatten().copied().collect();
    assert!(covered.len() >= 3, "{covered:?}");

    let (_, off) = common::get(&app, "/").await?;
    let off = common::Page::parse(&off);
    assert_eq!(off.count("td.blind"), 0);
    assert_eq!(off.attrs(".blind-toggle a", "href"), ["/?blindspots=1"]);

    let (status, body) = common::get(&app, "/?blindspots=1").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let outlets = page.texts("table.heatmap thead tr:last-child th[scope=col] a");
    let counts: Vec<usize> = page
        .texts("tr.blind-counts td")
        .iter()
        .filter_map(|c| c.parse().ok())
        .collect();
    assert_eq!(outlets.len(), counts.len());
    let mut marked = 0;
    for (outlet, count) in outlets.iter().zip(&counts) {
        let own = covered.get(outlet).cloned().unwrap_or_default();
        let want = all.difference(&own).count();
        assert_eq!(*count, want, "{outlet}");
        marked += want;
    }
    assert!(marked > 0, "the seeds leave some point to some outlet");
    assert_eq!(page.count("td.blind"), marked);
    assert_eq!(page.attrs(".blind-toggle a", "href"), ["/"]);

    // the drill-down of one outlet names its blindspots
    let (outlet, own) = covered
        .iter()
        .next()
        .map(|(o, p)| (o.clone(), p.clone()))
        .unwrap_or_default();
    let path = format!("/?by=source&outlet={}", outlet.replace(' ', "+"));
    let (status, drill) = common::get(&app, &path).await?;
    assert_eq!(status, StatusCode::OK);
    let drill = common::Page::parse(&drill);
    let linked: Vec<i64> = drill
        .texts(".blind-outlet a")
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect();
    let want: Vec<i64> = all.difference(&own).copied().collect();
    assert_eq!(linked, want, "{outlet}");
    let (status, countries) = common::get(&app, "/?by=country&blindspots=1").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(common::Page::parse(&countries).count("tr.blind-counts td") > 1);
    // the speakers' views have no blindspots
    let (_, speakers) = common::get(&app, "/?by=speaker&blindspots=1").await?;
    assert_eq!(
        common::Page::parse(&speakers).count("td.blind, .blind-toggle"),
        0
    );
    Ok(())
}
