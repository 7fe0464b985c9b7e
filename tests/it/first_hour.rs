//! What a newcomer met in the first hour (issue 15): numbers and labels as a person reads
//! them, addresses that answer alike, search that knows a name's spellings.

use crate::common;

use axum::http::StatusCode;
use serde_json::Value;

fn json(body: &str) -> anyhow::Result<Value> {
    Ok(serde_json::from_str(body)?)
}

/// The statements of a `/statements.json` query.
async fn statements(app: &axum::Router, query: &str) -> anyhow::Result<Vec<Value>> {
    let (status, body) = common::get(app, &format!("/statements.json?size=1000&{query}")).await?;
    assert_eq!(status, StatusCode::OK, "{query}");
    Ok(json(&body)?["statements"]
        .as_array()
        .cloned()
        .unwrap_or_default())
}

#[tokio::test]
async fn confidence_is_rounded_and_the_internal_links_are_not_shown() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let rows = statements(&app, "").await?;
    assert!(!rows.is_empty());
    for s in &rows {
        let c = s["confidence"].as_f64().unwrap_or(-1.0);
        assert_eq!(c, (c * 100.0).round() / 100.0, "two decimals at most: {c}");
        assert!(s.get("links").is_none(), "no internal links field: {s}");
        assert!(s["provisions"].is_array());
    }
    let (_, body) = common::get(&app, "/statements/1.json").await?;
    let one = json(&body)?;
    assert!(one.get("links").is_none(), "{one}");
    let (_, page) = common::get(&app, "/statements/1").await?;
    let rule = common::Page::parse(&page).texts(".why dd");
    let shown = rule
        .iter()
        .find(|t| t.contains("confidence"))
        .cloned()
        .unwrap_or_default();
    let digits = shown
        .rsplit("confidence ")
        .next()
        .unwrap_or("")
        .trim_end_matches(')');
    assert!(
        digits.len() <= 4 && digits.parse::<f64>().is_ok(),
        "confidence on the page: {shown:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_statement_on_one_point_is_headed_with_that_point() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let rows = statements(&app, "provision=5").await?;
    let only_5 = rows
        .iter()
        .find(|s| s["provisions"].as_array().is_some_and(|p| p.len() == 1))
        .and_then(|s| s["id"].as_i64());
    let id = only_5.ok_or_else(|| anyhow::anyhow!("no statement on point 5 alone"))?;
    let (_, body) = common::get(&app, &format!("/statements/{id}")).await?;
    let h1 = common::Page::parse(&body).texts("h1");
    assert!(h1[0].ends_with(" on point 5"), "{h1:?}");
    // a statement on the plan as a whole says so
    let plan = statements(&app, "provision=0").await?;
    let whole = plan
        .iter()
        .find(|s| s["provisions"].as_array().is_some_and(|p| p.len() == 1))
        .and_then(|s| s["id"].as_i64())
        .ok_or_else(|| anyhow::anyhow!("no statement on the plan alone"))?;
    let (_, body) = common::get(&app, &format!("/statements/{whole}")).await?;
    let h1 = common::Page::parse(&body).texts("h1");
    assert!(h1[0].ends_with(" on the 28-point plan"), "{h1:?}");
    Ok(())
}

#[tokio::test]
async fn the_points_page_counts_each_points_statements() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (_, body) = common::get(&app, "/provisions").await?;
    let page = common::Page::parse(&body);
    let counts = page.texts("ol.points li .count");
    assert_eq!(counts.len(), 29, "one count per point and the plan");
    let on_21 = statements(&app, "provision=21").await?.len();
    assert!(on_21 > 1);
    assert_eq!(counts[21], format!("{on_21} statements"));
    let link = page.attrs("ol.points li .count a", "href");
    assert!(
        link.contains(&"/statements?provision=21".to_string()),
        "{link:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_point_has_a_json_twin_like_a_statement() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (status, body) = common::get(&app, "/provisions/21.json").await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let p = json(&body)?;
    assert_eq!(p["number"], 21);
    let on_21 = statements(&app, "provision=21").await?;
    assert_eq!(p["statements"].as_u64(), Some(on_21.len() as u64));
    let page = p["page"].as_array().cloned().unwrap_or_default();
    assert_eq!(page.len(), on_21.len(), "fewer than 50: one page");
    assert!(p["top_speakers"].as_array().is_some_and(|a| !a.is_empty()));
    assert_eq!(p["url"], "http://test.local/provisions/21");
    // the page names it, and a point the plan lacks is a 404 in either form
    let (_, html) = common::get(&app, "/provisions/21").await?;
    let alt =
        common::Page::parse(&html).attrs("link[rel=alternate][type='application/json']", "href");
    assert_eq!(
        alt,
        [
            "http://test.local/provisions/21.json",
            "http://test.local/provisions/21/versions.json"
        ]
    );
    assert_eq!(
        common::get(&app, "/provisions/29.json").await?.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        common::get(&app, "/provisions/x.json").await?.0,
        StatusCode::BAD_REQUEST
    );
    Ok(())
}

#[tokio::test]
async fn a_filter_on_someone_who_does_not_exist_is_a_404_like_their_page() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    assert_eq!(
        common::get(&app, "/speakers/nobody").await?.0,
        StatusCode::NOT_FOUND
    );
    for uri in [
        "/statements?speaker=nobody",
        "/statements.json?speaker=nobody",
        "/statements.csv?speaker=nobody",
        "/statements.atom?speaker=nobody",
        "/statements?provision=21&speaker=mark-rutte&speaker=nobody",
        "/statements?source=999999",
        "/statements?category=nothing",
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(body.contains("There is no"), "{uri}: {body}");
    }
    let (_, body) = common::get(&app, "/statements?speaker=nobody").await?;
    assert!(body.contains("There is no speaker “nobody”"), "{body}");
    // someone who exists but said nothing under the filter is an empty list, not a 404
    let (status, _) = common::get(&app, "/statements?speaker=mark-rutte&provision=28").await?;
    assert_eq!(status, StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn a_name_finds_the_same_statements_however_it_is_spelled() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let ids = |rows: Vec<Value>| {
        let mut v: Vec<i64> = rows.iter().filter_map(|s| s["id"].as_i64()).collect();
        v.sort_unstable();
        v
    };
    let donbas = ids(statements(&app, "q=Donbas").await?);
    let donbass = ids(statements(&app, "q=Donbass").await?);
    assert!(
        donbas.len() >= 2,
        "the seeds write it both ways: {donbas:?}"
    );
    assert_eq!(donbas, donbass);
    assert_eq!(
        ids(statements(&app, "q=Kiev").await?),
        ids(statements(&app, "q=Kyiv").await?)
    );
    // the hits are highlighted whichever way the text spells them
    let (_, body) = common::get(&app, "/statements?q=Donbas").await?;
    let marks = common::Page::parse(&body).texts("article.statement mark");
    assert!(marks.iter().any(|m| m == "Donbass"), "{marks:?}");
    Ok(())
}

#[tokio::test]
async fn the_unknown_outlet_column_leads_to_the_articles_with_no_outlet() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    // an article with no publisher line, from no known outlet
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("anonymous.txt"),
        "A ceasefire draft\n\nA spokesman said the draft would freeze the line of contact in \
         Zaporizhzhia and Kherson, which Kyiv rejects.\n",
    )?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    let app = common::app(&t.db);
    let (_, body) = common::get(&app, "/").await?;
    let page = common::Page::parse(&body);
    let unknown = page.attrs("table.heatmap thead th a[href*='outlet=unknown']", "href");
    assert_eq!(
        unknown,
        ["/?by=source&outlet=unknown+outlet"],
        "{:?}",
        page.attrs("table.heatmap thead th a", "href")
    );
    assert!(
        page.texts("p.note")
            .iter()
            .any(|t| t.contains("this project's own grouping"))
    );
    let (status, body) = common::get(&app, &unknown[0]).await?;
    assert_eq!(status, StatusCode::OK);
    let page = common::Page::parse(&body);
    let columns = page.attrs("table.heatmap thead th[scope=col] a", "href");
    assert_eq!(
        columns.len(),
        1,
        "only the article with no outlet: {columns:?}"
    );
    assert!(
        page.texts("p.narrowed")
            .iter()
            .any(|t| t.contains("outlet is unknown"))
    );
    Ok(())
}

/// `pointwise ARGS... --help`, its standard output.
fn help(args: &[&str]) -> anyhow::Result<String> {
    let out = crate::binary::bin().args(args).arg("--help").output()?;
    assert!(out.status.success(), "{args:?} --help");
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn the_help_texts_say_what_each_command_does() -> anyhow::Result<()> {
    let top = help(&[])?;
    assert!(
        top.contains("With no command, pointwise serves the dashboard"),
        "{top}"
    );
    let ingest = help(&["ingest"])?;
    assert!(
        ingest.contains("with no path, the five bundled seed articles."),
        "{ingest}"
    );
    for ext in [".txt", ".md", ".html"] {
        assert!(ingest.contains(ext), "ingest --help names {ext}: {ingest}");
    }
    assert!(ingest.contains("publisher"), "{ingest}");
    let export = help(&["export"])?;
    assert!(
        !export.contains("shared/"),
        "no file outside the repository: {export}"
    );
    let extract = help(&["extract"])?;
    assert!(
        extract.contains("reads and writes no database"),
        "{extract}"
    );
    for text in [&top, &ingest, &export, &extract] {
        // every sentence of a command's description is whole
        assert!(!text.contains("the bundled seeds\n"), "{text}");
    }
    Ok(())
}

#[test]
fn logs_written_to_a_file_carry_no_colour_codes() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let log = std::fs::File::create(dir.path().join("log.txt"))?;
    let status = crate::binary::bin()
        .env("RUST_LOG", "debug")
        .arg("--db")
        .arg(dir.path().join("p.db"))
        .args(["ingest"])
        .stdout(std::process::Stdio::null())
        .stderr(log)
        .status()?;
    assert!(status.success());
    let text = std::fs::read_to_string(dir.path().join("log.txt"))?;
    assert!(text.contains("DEBUG"), "the log has lines: {text:.200}");
    assert!(!text.contains('\u{1b}'), "no escape codes: {text:.400}");
    Ok(())
}

#[tokio::test]
async fn a_publisher_line_names_an_unknown_outlet_and_a_dateline_stays_out_of_statements()
-> anyhow::Result<()> {
    let t = common::test_db().await?;
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("kyiv-post-2025-11-25.txt"),
        "Kyiv rejects giving up Donbas under the plan\n2025-11-25\nPublisher: Harbour Gazette\n\
         URL: https://example.org/harbour/1\n\n\
         KYIV, Nov 25 (Reuters) - Ukrainian President Volodymyr Zelensky said on Tuesday that \
         Ukraine would never give up the Donbas, rejecting a key part of the US peace plan.\n",
    )?;
    pointwise::ingest::run::run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    let app = common::app(&t.db);
    let (_, body) = common::get(&app, "/sources/1.json").await?;
    let source = json(&body)?;
    let text = source.to_string();
    assert!(
        text.contains("\"publisher\":\"Harbour Gazette\""),
        "{text:.600}"
    );
    let (_, page) = common::get(&app, "/sources/1").await?;
    let original = common::Page::parse(&page).attrs("a[rel~=noopener]", "href");
    assert_eq!(
        original,
        ["https://example.org/harbour/1"],
        "the URL line is the original"
    );
    let (_, body) = common::get(&app, "/").await?;
    let columns = common::Page::parse(&body).texts("table.heatmap thead th[scope=col] a");
    assert_eq!(
        columns,
        ["Harbour Gazette"],
        "the outlet, not the file or unknown outlet"
    );
    let rows = statements(&app, "").await?;
    assert!(!rows.is_empty());
    for s in &rows {
        let words = s["text"].as_str().unwrap_or("");
        assert!(!words.contains("(Reuters)"), "no dateline in {words:?}");
    }
    Ok(())
}

#[tokio::test]
async fn the_filters_are_one_control_of_links_and_a_search_form() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (_, body) = common::get(&app, "/statements?provision=21&stance=neutral&q=Donetsk").await?;
    let page = common::Page::parse(&body);
    // one <details> holds the form and the facets, closed as sent (a phone sees the list first)
    assert_eq!(page.count("details.filter-panel"), 1);
    assert_eq!(page.count("details.filter-panel[open]"), 0);
    assert_eq!(
        page.texts("details.filter-panel > summary"),
        ["Filters (2 chosen)"]
    );
    assert_eq!(page.count("details.filter-panel form.filters"), 1);
    // one per facet of FACETS: point, category, speaker, source, kind, stance, reviewed, version
    assert_eq!(page.count("details.filter-panel .facet"), 8);
    // no list box: the facets' links are the way to pick values
    assert_eq!(
        page.count("select[multiple]"),
        0,
        "no multi-select list boxes"
    );
    assert_eq!(page.attrs("form.filters select", "name"), ["sort"]);
    // the search form keeps what the facets chose
    let kept: Vec<(String, String)> = page
        .attrs("form.filters input[type=hidden]", "name")
        .into_iter()
        .zip(page.attrs("form.filters input[type=hidden]", "value"))
        .collect();
    assert_eq!(
        kept,
        [
            ("provision".to_string(), "21".to_string()),
            ("stance".to_string(), "neutral".to_string())
        ]
    );
    let toggles = page.attrs("#facet-stance li.selected a", "href");
    assert_eq!(
        toggles,
        ["/statements?provision=21&q=Donetsk"],
        "✕ takes it out"
    );
    Ok(())
}

#[tokio::test]
async fn wide_tables_and_the_timeline_carry_a_scroll_cue() -> anyhow::Result<()> {
    let t = common::seeded_db().await?;
    let app = common::app(&t.db);
    let (_, body) = common::get(&app, "/").await?;
    let page = common::Page::parse(&body);
    assert_eq!(
        page.count(".scroll table caption .pin .cue[aria-hidden=true]"),
        2
    );
    let (_, body) = common::get(&app, "/provisions/21").await?;
    let page = common::Page::parse(&body);
    assert_eq!(page.count(".scroll > .cue + svg.timeline"), 1);
    Ok(())
}
