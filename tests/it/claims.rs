//! Statements know their version (the `version=` filter and facet, the reason on the statement
//! page) and their claims are checked against its text (`/claims`), on two articles of our own.

use std::path::PathBuf;

use crate::common;

use axum::http::StatusCode;
use pointwise::ingest::run::run;

const LEAK_WEEK: &str = "Europe questions the leaked peace plan
2025-11-21
Example Wire

The leaked US peace plan would force Ukraine to halve its army, EU foreign policy chief Kaja Kallas said on Friday.

\"Under this plan Russia would be invited back into the G8, and that is a reward for aggression,\" Kallas told reporters.

Polish Foreign Minister Radoslaw Sikorski said the plan would cap the armed forces at 600,000 troops.
";

const FRAMEWORK: &str = "Zelensky reads out the new framework
2025-12-24
Example Post

President Volodymyr Zelensky said the 20-point framework would keep the army at 800,000 in peacetime.

Kremlin spokesman Dmitry Peskov said the 20-point framework still calls for elections within 100 days.
";

/// A database with the two articles ingested.
async fn two_articles() -> anyhow::Result<common::TestDb> {
    let t = common::test_db().await?;
    let files: Vec<PathBuf> = [("leak.txt", LEAK_WEEK), ("framework.txt", FRAMEWORK)]
        .iter()
        .map(|(name, text)| {
            let path = t.dir.path().join(name);
            std::fs::write(&path, text).map(|()| path)
        })
        .collect::<Result<_, _>>()?;
    run(&t.db, &t.extractor, &files, 1 << 20).await?;
    Ok(t)
}

fn json(body: &str) -> anyhow::Result<serde_json::Value> {
    Ok(serde_json::from_str(body)?)
}

#[tokio::test]
async fn the_version_filter_keeps_the_statements_of_a_version() -> anyhow::Result<()> {
    let t = two_articles().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/statements.json?version=twenty-point").await?;
    assert_eq!(status, StatusCode::OK);
    let v = json(&body)?;
    let texts: Vec<&str> = v["statements"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["text"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().all(|t| t.contains("20-point framework")));
    // the facet counts each version under the rest of the filter, with the version's name
    let (_, all) = common::get(&app, "/statements.json").await?;
    let all = json(&all)?;
    let facet = all["facets"]
        .as_array()
        .and_then(|f| f.iter().find(|x| x["name"] == "version"))
        .cloned()
        .unwrap_or_default();
    let counts: Vec<(String, String, i64)> = facet["values"]
        .as_array()
        .map(|vals| {
            vals.iter()
                .map(|x| {
                    (
                        x["value"].as_str().unwrap_or("").to_string(),
                        x["label"].as_str().unwrap_or("").to_string(),
                        x["count"].as_i64().unwrap_or(-1),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        counts,
        [
            ("us-28".to_string(), "28 points".to_string(), 3),
            ("twenty-point".to_string(), "20 points".to_string(), 2)
        ],
        "{facet}"
    );
    // combined with another facet, and in the HTML list
    let (_, page) = common::get(&app, "/statements?version=us-28&provision=13").await?;
    let page = common::Page::parse(&page);
    assert_eq!(page.count(".statement"), 1);
    let (status, body) = common::get(&app, "/statements?version=thirty-point").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("version"));
    Ok(())
}

#[tokio::test]
async fn the_statement_page_says_which_text_and_why_and_checks_its_claims() -> anyhow::Result<()> {
    let t = two_articles().await?;
    let app = common::app(&t.db);
    let (_, list) = common::get(&app, "/statements.json?provision=6&version=us-28").await?;
    let list = json(&list)?;
    let halved = list["statements"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|s| s["text"].as_str().is_some_and(|t| t.contains("halve")))
        })
        .and_then(|s| s["id"].as_i64())
        .ok_or_else(|| anyhow::anyhow!("no statement on halving: {list}"))?;
    let (status, body) = common::get(&app, &format!("/statements/{halved}")).await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let why = page.texts("dl.why dd").join(" | ");
    assert!(
        why.contains("The US 28-point plan: dated 2025-11-21, in its time (from 2025-11-18)"),
        "{why}"
    );
    assert!(
        why.contains("Contradicts the text: says the army is halved; the US 28-point plan caps it at 600,000."),
        "{why}"
    );
    let (_, twin) = common::get(&app, &format!("/statements/{halved}.json")).await?;
    let twin = json(&twin)?;
    assert_eq!(twin["versions"]["version"][0], "us-28");
    assert_eq!(twin["versions"]["claims"][0]["verdict"], "contradicts");

    let (_, peskov) = common::get(&app, "/statements.json?provision=25").await?;
    let id = json(&peskov)?["statements"][0]["id"].as_i64().unwrap_or(0);
    let (_, body) = common::get(&app, &format!("/statements/{id}")).await?;
    let why = common::Page::parse(&body).texts("dl.why dd").join(" | ");
    assert!(why.contains("names it (“20-point”)"), "{why}");
    assert!(why.contains("says the elections: 100 days; the 20-point framework sets elections as soon as possible"), "{why}");
    Ok(())
}

#[tokio::test]
async fn claims_are_listed_by_point_and_by_source() -> anyhow::Result<()> {
    let t = two_articles().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/claims").await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    assert_eq!(
        page.attrs("section h3", "id"),
        ["point6", "point13", "point25"]
    );
    // point 6: the halved army contradicts the 28-point cap, 600,000 and 800,000 match their texts
    let six: Vec<String> = page.texts("section:has(#point6) li.claim > p:first-child");
    assert_eq!(six.len(), 3, "{six:?}");
    assert!(
        six[0].starts_with("Contradicts: says the army is halved"),
        "{six:?}"
    );
    assert!(six[1..].iter().all(|c| c.starts_with("Matches")), "{six:?}");
    // by source, counted; the totals are the recount of the list
    let outlets = page.texts("#by-source-caption ~ tbody th");
    let counts = page.texts("#by-source-caption ~ tbody td");
    assert_eq!(outlets, ["leak.txt", "framework.txt"]);
    assert_eq!(counts, ["1", "2", "1", "1"]);
    let contradicting = page.count("li.claim.contradicts");
    let matching = page.count("li.claim.matches");
    assert_eq!((contradicting, matching), (2, 3));
    assert!(page.texts(".lead")[0].contains("2 contradict it, 3 match it"));

    let (_, only) = common::get(&app, "/claims?verdict=contradicts").await?;
    let only = common::Page::parse(&only);
    assert_eq!(only.count("li.claim.contradicts"), 2);
    assert_eq!(only.count("li.claim.matches"), 0);
    let (status, json_body) = common::get(&app, "/claims.json?verdict=matches").await?;
    assert_eq!(status, StatusCode::OK);
    let v = json(&json_body)?;
    assert_eq!(v["by_point"].as_array().map(Vec::len), Some(2));
    let (status, _) = common::get(&app, "/claims?verdict=maybe").await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    Ok(())
}
