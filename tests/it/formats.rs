//! The statement list as an analyst uses it (facets, search, dates, sort, keyset pages) and
//! its machine twins (JSON, CSV, Atom), on the seeds and on hostile articles.

use crate::common;

use std::collections::HashSet;

use axum::Router;
use axum::http::StatusCode;
use pointwise::db::models::{StatementFilter, StatementRow, parse_date};
use pointwise::db::queries;
use pointwise::model::{Kind, PointNumber, Stance};
use serde_json::Value;

/// Every stored statement, straight from the database.
async fn all_statements(t: &common::TestDb) -> anyhow::Result<Vec<StatementRow>> {
    Ok(queries::export_statements(&t.db).await?)
}

async fn get_json(app: &Router, uri: &str) -> anyhow::Result<Value> {
    let (status, body) = common::get(app, uri).await?;
    anyhow::ensure!(status == StatusCode::OK, "{uri}: {status} {body}");
    Ok(serde_json::from_str(&body)?)
}

/// The path and query of an absolute test URL.
fn path_of(url: &str) -> String {
    url.trim_start_matches("http://test.local").to_string()
}

/// A database with one article written to `name` in the temporary directory.
async fn db_with_article(name: &str, text: &str) -> anyhow::Result<common::TestDb> {
    let t = common::test_db().await?;
    let file = t.dir.path().join(name);
    std::fs::write(&file, text)?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[file], 1 << 20).await?;
    Ok(t)
}

fn ids_of(json: &Value) -> Vec<i64> {
    json["statements"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["id"].as_i64()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_summary_sentence_counts_what_the_filter_shows() -> anyhow::Result<()> {
    // Arrange: what point 21 holds, counted from the rows themselves
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let rows: Vec<StatementRow> = all_statements(&t)
        .await?
        .into_iter()
        .filter(|s| s.provision_numbers().contains(&21))
        .collect();
    let speakers: HashSet<_> = rows.iter().filter_map(|s| s.speaker_slug.clone()).collect();
    let sources: HashSet<_> = rows.iter().map(|s| s.source_id).collect();
    assert!(rows.len() > 1 && speakers.len() > 1 && sources.len() > 1);
    let want = format!(
        "{} statements on point 21 (Territorial settlement) by {} speakers in {} sources",
        rows.len(),
        speakers.len(),
        sources.len()
    );
    // Act
    let (status, body) = common::get(&app, "/statements?provision=21").await?;
    // Assert: h1, title and share description
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains(&format!("<h1 id=\"summary\">{want}</h1>")),
        "{want}"
    );
    assert!(body.contains(&format!("<title>{want} · Pointwise</title>")));
    assert!(body.contains(&format!(
        "<meta property=\"og:description\" content=\"{want}"
    )));
    assert_eq!(
        body.matches("<article class=\"statement").count(),
        rows.len()
    );
    Ok(())
}

#[tokio::test]
async fn facet_counts_agree_with_the_lists_their_links_give() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let start = get_json(&app, "/statements.json?provision=21").await?;
    let facets = start["facets"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        facets.len(),
        8,
        "point, category, speaker, source, kind, stance, reviewed, version"
    );
    let mut followed = 0;
    for g in &facets {
        let name = g["name"].as_str().unwrap_or_default();
        for v in g["values"].as_array().cloned().unwrap_or_default() {
            let toggle = path_of(v["toggle"].as_str().unwrap_or_default());
            let selected = v["selected"].as_bool().unwrap_or(false);
            if name == "provision" {
                if selected {
                    // removing the only point gives every statement
                    assert_eq!(toggle, "/statements.json");
                }
                continue;
            }
            assert!(!selected && toggle.contains("provision=21"), "{toggle}");
            // Act: follow the toggle link
            let next = get_json(&app, &toggle).await?;
            // Assert: it holds as many statements as the facet said
            assert_eq!(
                next["stats"]["statements"], v["count"],
                "{name}={} via {toggle}",
                v["value"]
            );
            // and the value is now selected there, its link taking it off again
            let back = next["facets"]
                .as_array()
                .and_then(|a| a.iter().find(|x| x["name"] == name))
                .and_then(|x| x["values"].as_array())
                .and_then(|a| a.iter().find(|x| x["value"] == v["value"]))
                .cloned()
                .unwrap_or_default();
            assert_eq!(back["selected"], Value::Bool(true));
            assert_eq!(
                path_of(back["toggle"].as_str().unwrap_or_default()),
                "/statements.json?provision=21"
            );
            followed += 1;
        }
    }
    assert!(followed >= 8, "followed {followed} links");
    // the HTML page shows the same facets as plain links
    let (_, body) = common::get(&app, "/statements?provision=21").await?;
    assert!(body.contains("id=\"facet-speaker\"") && body.contains("id=\"facet-stance\""));
    assert!(body.contains("href=\"/statements\" rel=\"nofollow\" aria-current=\"true\""));
    Ok(())
}

#[tokio::test]
async fn search_finds_and_highlights_statements_and_articles() -> anyhow::Result<()> {
    // Arrange: which statements say Donetsk, from the rows
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let want: HashSet<i64> = all_statements(&t)
        .await?
        .iter()
        .filter(|s| s.text.to_lowercase().contains("donetsk"))
        .map(|s| s.id)
        .collect();
    assert!(!want.is_empty());
    // Act
    let json = get_json(&app, "/statements.json?q=donetsk&size=1000").await?;
    let (status, body) = common::get(&app, "/statements?q=Donetsk").await?;
    // Assert
    assert_eq!(ids_of(&json).into_iter().collect::<HashSet<_>>(), want);
    assert_eq!(status, StatusCode::OK);
    assert!(body.matches("<mark>Donetsk</mark>").count() >= want.len());
    assert!(body.contains("articles mention “Donetsk”"));
    let (status, sources) = common::get(&app, "/sources?q=donetsk").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(sources.contains("<mark>Donetsk</mark>") && sources.contains("href=\"/sources/"));
    // phrases, prefixes and OR
    let phrase = get_json(
        &app,
        "/statements.json?q=%22security+guarantees%22&size=1000",
    )
    .await?;
    for s in phrase["statements"].as_array().cloned().unwrap_or_default() {
        let text = s["text"].as_str().unwrap_or_default().to_lowercase();
        assert!(text.contains("security guarantee"), "{text}");
    }
    let crimea = get_json(&app, "/statements.json?q=crimea&size=1000").await?;
    let either = get_json(&app, "/statements.json?q=donetsk+OR+crimea&size=1000").await?;
    let union: HashSet<i64> = want.iter().copied().chain(ids_of(&crimea)).collect();
    assert_eq!(ids_of(&either).into_iter().collect::<HashSet<_>>(), union);
    let both = get_json(&app, "/statements.json?q=donetsk+crimea&size=1000").await?;
    assert!(ids_of(&both).iter().all(|id| want.contains(id)));
    Ok(())
}

#[tokio::test]
async fn search_text_and_hits_are_escaped() -> anyhow::Result<()> {
    // Arrange: markup around the words searched for
    let t = db_with_article(
        "xss.txt",
        "Plan <b>alert</b>\n2025-11-22\n\n\"<script>alert(1)</script> We reject the plan,\" Kaja Kallas said. <img src=x onerror=alert(2)>\n",
    )
    .await?;
    let app = common::app(&t.db);
    for (uri, hit) in [
        ("/statements?q=alert", true),
        ("/sources?q=alert", true),
        ("/statements?q=%3Cscript%3Ealert", true),
        ("/statements?q=%3Cb%3Eplan%3C%2Fb%3E", false),
        ("/sources?q=%3Cb%3Ealert%3C%2Fb%3E", true),
    ] {
        // Act
        let (status, body) = common::get(&app, uri).await?;
        // Assert
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            !body.contains("<script>") && !body.contains("<img src=x") && !body.contains("<b>"),
            "{uri} lets markup through"
        );
        assert_eq!(body.contains("<mark>"), hit, "{uri}");
    }
    let json = get_json(&app, "/sources.json?q=alert").await?;
    assert_eq!(json["total"], 1);
    assert!(
        json["sources"][0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("<script>alert(1)") && !s.contains('\u{2}'))
    );
    Ok(())
}

#[tokio::test]
async fn malformed_searches_are_400_or_a_plain_search_never_500() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let rows = queries::count_rows(&t.db).await?.1;
    let long = "a".repeat(300);
    let nothing = ["*", "%22%22", "OR", "OR+OR+%7C", "-", "%02%03", "%22*%22*"];
    for q in nothing.iter().copied().chain([long.as_str()]) {
        let (status, body) = common::get(&app, &format!("/statements?q={q}")).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "q={q}");
        assert!(body.contains("The parameter q"), "q={q}: {body}");
    }
    let odd = [
        "%22unbalanced",
        "plan%22",
        "NEAR(plan",
        "plan+AND",
        "NOT+plan",
        "plan*",
        "%5Eplan",
        "plan:army",
        "text:plan",
        "%7Bplan%7D",
        "plan+%2B+army",
        "%27%3B+drop+table+statement%3B--",
    ];
    for q in odd {
        for path in [
            "/statements",
            "/statements.json",
            "/sources",
            "/statements.csv",
        ] {
            let (status, _) = common::get(&app, &format!("{path}?q={q}")).await?;
            assert_eq!(status, StatusCode::OK, "{path}?q={q}");
        }
    }
    assert_eq!(queries::count_rows(&t.db).await?.1, rows, "nothing dropped");
    Ok(())
}

#[tokio::test]
async fn the_date_range_keeps_articles_dated_within_it() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let all = all_statements(&t).await?;
    let want: HashSet<i64> = all
        .iter()
        .filter(|s| {
            s.published_date
                .as_deref()
                .is_some_and(|d| ("2025-11-21".."2025-11-25").contains(&d))
        })
        .map(|s| s.id)
        .collect();
    assert!(!want.is_empty() && want.len() < all.len());
    let json = get_json(
        &app,
        "/statements.json?from=2025-11-21&to=2025-11-24&size=1000",
    )
    .await?;
    assert_eq!(ids_of(&json).into_iter().collect::<HashSet<_>>(), want);
    let (_, body) = common::get(&app, "/statements?from=2025-11-21&to=2025-11-24").await?;
    assert!(body.contains("dated 2025-11-21 to 2025-11-24"));
    let (_, sources) = common::get(&app, "/sources.json?from=2025-11-25")
        .await?
        .clone();
    let sources: Value = serde_json::from_str(&sources)?;
    for s in sources["sources"].as_array().cloned().unwrap_or_default() {
        assert!(
            s["published_date"]
                .as_str()
                .is_some_and(|d| d >= "2025-11-25")
        );
    }
    Ok(())
}

/// Walks `start` by its `next` links, then back by `prev`: every row once, in both directions.
async fn walk(app: &Router, start: &str) -> anyhow::Result<Vec<Value>> {
    let mut rows: Vec<Value> = Vec::new();
    let mut pages: Vec<Vec<i64>> = Vec::new();
    let mut url = start.to_string();
    let mut last = Value::Null;
    for _ in 0..100 {
        let page = get_json(app, &url).await?;
        pages.push(ids_of(&page));
        rows.extend(page["statements"].as_array().cloned().unwrap_or_default());
        match page["next"].as_str() {
            Some(n) => url = path_of(n),
            None => {
                last = page;
                break;
            }
        }
    }
    // back again: the same pages in reverse
    let mut back: Vec<Vec<i64>> = vec![ids_of(&last)];
    let mut prev = last["prev"].as_str().map(path_of);
    while let Some(p) = prev {
        let page = get_json(app, &p).await?;
        back.push(ids_of(&page));
        prev = page["prev"].as_str().map(path_of);
        anyhow::ensure!(back.len() <= pages.len(), "prev runs past the first page");
    }
    back.reverse();
    assert_eq!(back, pages, "{start}: prev retraces next");
    Ok(rows)
}

#[tokio::test]
async fn keyset_pages_visit_every_row_once_in_every_order() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let all: HashSet<i64> = all_statements(&t).await?.iter().map(|s| s.id).collect();
    for sort in ["date", "-date", "source"] {
        // Act
        let rows = walk(&app, &format!("/statements.json?sort={sort}&size=7")).await?;
        // Assert: all rows, no repeats, in order
        let ids: Vec<i64> = rows.iter().filter_map(|r| r["id"].as_i64()).collect();
        assert_eq!(ids.len(), all.len(), "{sort}: every row once");
        assert_eq!(ids.iter().copied().collect::<HashSet<_>>(), all, "{sort}");
        let key = |r: &Value| match sort {
            "source" => r["publisher"].as_str().unwrap_or_default().to_string(),
            // undated articles come first oldest-first, last newest-first
            _ => r["published_date"].as_str().unwrap_or("").to_string(),
        };
        for w in rows.windows(2) {
            let (a, b) = (key(&w[0]), key(&w[1]));
            if sort == "-date" {
                assert!(a >= b, "{sort}: {a} then {b}");
            } else {
                assert!(a <= b, "{sort}: {a} then {b}");
            }
        }
    }
    // a filtered walk keeps its filter
    let neutral = walk(&app, "/statements.json?stance=neutral&size=5").await?;
    assert!(neutral.len() > 5 && neutral.iter().all(|r| r["stance"] == "neutral"));
    // the HTML pager keeps every parameter
    let (_, body) = common::get(&app, "/statements?stance=neutral&sort=-date&size=5").await?;
    let next = body
        .split("rel=\"next\"")
        .next()
        .and_then(|b| b.rsplit("href=\"").next())
        .unwrap_or_default();
    assert!(
        next.starts_with("/statements?stance=neutral&#38;sort=-date&#38;size=5&#38;after="),
        "{next}"
    );
    // the old page parameter still works
    let p2 = get_json(&app, "/statements.json?size=7&page=2").await?;
    let walked = walk(&app, "/statements.json?size=7").await?;
    let second: Vec<i64> = walked[7..14]
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    assert_eq!(ids_of(&p2), second);
    Ok(())
}

#[tokio::test]
async fn bad_parameters_are_400_naming_them() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let cases = [
        ("from=2025-13-01", "from"),
        ("from=2025-02-30", "from"),
        ("from=yesterday", "from"),
        ("to=2025-1-1", "to"),
        ("to=99999999999999999999", "to"),
        ("from=2025-11-25&to=2025-11-20", "from"),
        ("sort=random", "sort"),
        ("sort=date%3B+drop", "sort"),
        ("after=garbage", "after"),
        ("after=1.2.3", "after"),
        ("before=1.2.3.2025-11-20.zz", "before"),
        ("after=1.1.1.-.&before=1.1.1.-.", "before"),
        ("size=0", "size"),
        ("size=100000000000000000000", "size"),
        ("q=*", "q"),
    ];
    for (qs, name) in cases {
        for path in [
            "/statements",
            "/statements.json",
            "/statements.csv",
            "/statements.atom",
        ] {
            let (status, body) = common::get(&app, &format!("{path}?{qs}")).await?;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}?{qs}");
            assert!(
                body.contains(&format!("The parameter {name} ")),
                "{path}?{qs}: {body}"
            );
        }
    }
    for (uri, name) in [
        ("/sources?q=*", "q"),
        ("/sources.json?q=%22%22", "q"),
        ("/sources?from=2025-11-31", "from"),
        ("/sources.json?to=soon", "to"),
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            body.contains(&format!("The parameter {name} ")),
            "{uri}: {body}"
        );
    }
    // repeated single-value keys are fine: the last one counts
    let (status, body) = common::get(&app, "/statements?sort=date&sort=-date&q=&q=plan").await?;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("matching “plan”"));
    Ok(())
}

#[tokio::test]
async fn json_twins_have_their_shapes() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let total = queries::count_rows(&t.db).await?.1;
    // a page smaller than the seeds' statements, so that there is a next one
    let list = get_json(&app, "/statements.json?size=20").await?;
    assert_eq!(list["stats"]["statements"], total);
    assert_eq!(ids_of(&list).len(), 20);
    let first = &list["statements"][0];
    for key in [
        "id",
        "url",
        "text",
        "kind",
        "stance",
        "provisions",
        "source_id",
    ] {
        assert!(!first[key].is_null(), "statement lacks {key}");
    }
    assert!(list["next"].as_str().is_some_and(|n| n.contains("after=")));
    let provisions = get_json(&app, "/provisions.json").await?;
    let points = provisions["provisions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(points.len(), 29);
    let on_21 = get_json(&app, "/statements.json?provision=21").await?;
    assert_eq!(points[21]["statements"], on_21["stats"]["statements"]);
    let speakers = get_json(&app, "/speakers.json").await?;
    assert!(
        speakers["speakers"]
            .as_array()
            .is_some_and(|a| a.iter().any(|s| s["slug"] == "mark-rutte"))
    );
    let sources = get_json(&app, "/sources.json").await?;
    assert_eq!(sources["total"], 5);
    let one = get_json(&app, "/statements/1.json").await?;
    assert_eq!(one["id"], 1);
    let source = get_json(&app, "/sources/1.json").await?;
    assert!(source["body"].as_str().is_some_and(|b| b.len() > 100));
    let rutte = get_json(&app, "/speakers/mark-rutte.json").await?;
    assert_eq!(rutte["speaker"]["slug"], "mark-rutte");
    let (status, _) = common::get(&app, "/statements/99999.json").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // every HTML listing names its twins in the head and on the page
    for (page, twin) in [
        ("/statements?provision=21", "/statements.atom?provision=21"),
        ("/statements?provision=21", "/statements.csv?provision=21"),
        ("/sources", "/sources.json"),
        ("/speakers", "/speakers.json"),
        ("/speakers/mark-rutte", "/speakers/mark-rutte/feed.atom"),
        ("/provisions", "/provisions.json"),
        ("/provisions/21", "/provisions/21/feed.atom"),
        ("/statements/1", "/statements/1.json"),
    ] {
        let mime = if twin.contains(".atom") {
            "application/atom+xml"
        } else if twin.contains(".csv") {
            "text/csv"
        } else {
            "application/json"
        };
        let (_, body) = common::get(&app, page).await?;
        let link =
            format!("<link rel=\"alternate\" type=\"{mime}\" href=\"http://test.local{twin}\"");
        assert!(body.contains(&link), "{page} lacks {link}");
    }
    Ok(())
}

#[tokio::test]
async fn csv_download_quotes_cells_and_defuses_formulas() -> anyhow::Result<()> {
    // Arrange: a title and a quote that are spreadsheet formulas, with quotes and commas
    let title = "=cmd|' /C calc'!A0 \"quoted\", plan";
    let t = db_with_article(
        "csv.txt",
        &format!("{title}\n2025-11-22\n\n\"=1+2, we reject the plan,\" Kaja Kallas said.\n"),
    )
    .await?;
    let stored = all_statements(&t).await?;
    let hostile = stored
        .iter()
        .find(|s| s.text.starts_with('='))
        .map(|s| s.text.clone());
    let hostile =
        hostile.ok_or_else(|| anyhow::anyhow!("no statement starts with = : {stored:?}"))?;
    let app = common::app(&t.db);
    // Act
    let (status, body) = common::get(&app, "/statements.csv").await?;
    // Assert: a CSV reader gets the text back, behind an apostrophe
    assert_eq!(status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers()?.clone();
    let text_col = headers
        .iter()
        .position(|h| h == "text")
        .unwrap_or(usize::MAX);
    let mut texts = Vec::new();
    for record in reader.records() {
        let record = record?;
        assert_eq!(record.len(), headers.len());
        texts.push(record.get(text_col).unwrap_or_default().to_string());
    }
    assert_eq!(texts.len(), stored.len());
    assert!(texts.contains(&format!("'{hostile}")), "{texts:?}");
    assert!(!body.contains("\n\"=") && !body.contains(",\"="));
    // the seeds' CSV has one record per statement of the filter
    let s = common::seeded_db().await?;
    let app = common::app(&s.db);
    let (_, body) = common::get(&app, "/statements.csv?provision=21&size=1").await?;
    let n = csv::Reader::from_reader(body.as_bytes()).records().count();
    let (rows, total) = queries::list_statements(
        &s.db,
        &StatementFilter {
            provisions: PointNumber::new(21).into_iter().collect(),
            limit: 1000,
            ..Default::default()
        },
    )
    .await?;
    assert_eq!((n as i64, rows.len() as i64), (total, total));
    Ok(())
}

fn parse_atom(body: &str) -> anyhow::Result<(String, Vec<(String, String)>)> {
    let doc = roxmltree::Document::parse(body)?;
    let root = doc.root_element();
    anyhow::ensure!(
        root.tag_name().name() == "feed",
        "root is {:?}",
        root.tag_name()
    );
    let child_text = |n: roxmltree::Node, name: &str| {
        n.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    let entries = root
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .map(|e| (child_text(e, "title"), child_text(e, "content")))
        .collect();
    Ok((child_text(root, "title"), entries))
}

#[tokio::test]
async fn atom_feeds_are_well_formed_and_escaped() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let on_21 = get_json(&app, "/statements.json?provision=21").await?;
    let rutte = get_json(&app, "/statements.json?speaker=mark-rutte").await?;
    for (uri, want) in [
        (
            "/provisions/21/feed.atom",
            on_21["stats"]["statements"].clone(),
        ),
        (
            "/statements.atom?provision=21",
            on_21["stats"]["statements"].clone(),
        ),
        (
            "/speakers/mark-rutte/feed.atom",
            rutte["stats"]["statements"].clone(),
        ),
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let (title, entries) = parse_atom(&body)?;
        assert!(!title.is_empty());
        assert_eq!(Value::from(entries.len()), want, "{uri}");
    }
    let (status, _) = common::get(&app, "/provisions/29/feed.atom").await?;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Arrange: markup and ampersands in the article
    let h = db_with_article(
        "atom.txt",
        "Atom & <plan>\n2025-11-22\n\n\"<script>alert(1)</script> We & they reject the plan,\" Kaja Kallas said.\n",
    )
    .await?;
    let app = common::app(&h.db);
    for uri in [
        "/statements.atom",
        "/speakers/kaja-kallas/feed.atom",
        "/provisions/0/feed.atom",
    ] {
        // Act
        let (status, body) = common::get(&app, uri).await?;
        // Assert: it parses, and the text comes back as text
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!body.contains("<script>"));
        let (_, entries) = parse_atom(&body)?;
        assert_eq!(entries.len(), 1, "{uri}");
        assert!(
            entries[0].1.contains("<script>alert(1)</script> We & they"),
            "{uri}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn the_search_index_follows_a_replaced_article() -> anyhow::Result<()> {
    // Arrange
    let t = db_with_article(
        "change.txt",
        "Plan\n2025-11-22\n\n\"We reject the plan on sanctions,\" Kaja Kallas said.\n",
    )
    .await?;
    let (app, cache) = common::site(&t.db);
    let before = get_json(&app, "/statements.json?q=sanctions").await?;
    assert_eq!(before["stats"]["statements"], 1);
    // Act: the same file, changed
    let file = t.dir.path().join("change.txt");
    std::fs::write(
        &file,
        "Plan\n2025-11-22\n\n\"We reject the plan on reparations,\" Kaja Kallas said.\n",
    )?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[file], 1 << 20).await?;
    cache.data_version().refresh().await;
    // Assert: the old words are gone from both indexes, the new ones found
    let old = get_json(&app, "/statements.json?q=sanctions").await?;
    let new = get_json(&app, "/statements.json?q=reparations").await?;
    assert_eq!(old["stats"]["statements"], 0);
    assert_eq!(new["stats"]["statements"], 1);
    assert_eq!(
        get_json(&app, "/sources.json?q=sanctions").await?["total"],
        0
    );
    assert_eq!(
        get_json(&app, "/sources.json?q=reparations").await?["total"],
        1
    );
    Ok(())
}

#[tokio::test]
async fn the_counts_shown_are_the_counts_of_the_filter() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let cases = [
        ("", StatementFilter::default()),
        (
            "provision=21&provision=6",
            StatementFilter {
                provisions: [6, 21].into_iter().filter_map(PointNumber::new).collect(),
                ..Default::default()
            },
        ),
        (
            "speaker=mark-rutte&speaker=dmitry-peskov&stance=mixed&stance=opposes",
            StatementFilter {
                speakers: s(&["dmitry-peskov", "mark-rutte"]),
                stances: vec![Stance::Mixed, Stance::Opposes],
                ..Default::default()
            },
        ),
        (
            "source=1&source=3&kind=quote",
            StatementFilter {
                sources: vec![1, 3],
                kinds: vec![Kind::Quote],
                ..Default::default()
            },
        ),
        (
            "category=guarantees&q=nato&from=2025-11-21",
            StatementFilter {
                categories: s(&["guarantees"]),
                q: Some("nato".into()),
                from: parse_date("2025-11-21"),
                ..Default::default()
            },
        ),
    ];
    for (qs, filter) in cases {
        // Act: the page derives its counts from the facets
        let json = get_json(&app, &format!("/statements.json?{qs}")).await?;
        // Assert: they are what one direct count says
        let want = queries::statement_stats(&t.db, &filter).await?;
        assert!(want.statements > 0, "{qs} matches something");
        assert_eq!(json["stats"], serde_json::to_value(want)?, "{qs}");
    }
    Ok(())
}
