//! Editors' corrections (issue 13): who may make them, what visitors then see in every format,
//! and that they survive a re-ingest of the article.

use std::path::Path;

use axum::http::{Request, StatusCode, header};
use pointwise::ingest::run::run;
use pointwise::model::Role;
use sqlx::SqlitePool;

use crate::common::{Page, TestDb, sqlite_test_db};
use crate::editors_client::{Client, add_account};

const ARMY: &str = "The 28-point plan caps Ukraine's army at 600,000";

fn article(dir: &Path, extra: &str) -> anyhow::Result<()> {
    std::fs::write(
        dir.join("plan-test.txt"),
        format!(
            "A test article on the plan\n2025-11-24\nReuters\n\n\"{ARMY},\" Mark Rutte said.\n\n\"We oppose the territorial clauses of the plan,\" Dmitry Peskov said.\n{extra}"
        ),
    )?;
    Ok(())
}

/// A database with the test article, and the id of the statement on the army.
async fn with_article() -> anyhow::Result<(TestDb, i64)> {
    let t = sqlite_test_db().await?;
    let dir = t.dir.path().join("articles");
    std::fs::create_dir_all(&dir)?;
    article(&dir, "")?;
    run(&t.db, &t.extractor, &[dir], 1 << 20).await?;
    let id = army_id(t.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("no statement on the army"))?;
    Ok((t, id))
}

async fn army_id(pool: &SqlitePool) -> anyhow::Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("select id from statement where text like '%army at 600,000%'")
            .fetch_optional(pool)
            .await?,
    )
}

async fn corrections(pool: &SqlitePool) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("select count(*) from correction")
        .fetch_one(pool)
        .await?)
}

/// The form of the statement page, filled by `fields` over what it shows.
async fn correct(
    c: &mut Client,
    id: i64,
    fields: &[(&str, &str)],
) -> anyhow::Result<crate::editors_client::Answer> {
    let page = c.get(&format!("/statements/{id}")).await?;
    let p = Page::parse(&page.body);
    let value = |css: &str| p.attrs(css, "value").into_iter().next().unwrap_or_default();
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), page.csrf()),
        ("speaker".into(), value("#review-speaker")),
        ("points".into(), value("#review-points")),
        ("kind".into(), value("#review-kind option[selected]")),
        ("stance".into(), value("#review-stance option[selected]")),
        ("action".into(), "save".into()),
    ];
    for (k, v) in fields {
        form.retain(|(name, _)| name != k);
        form.push(((*k).into(), (*v).into()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.post(&format!("/statements/{id}/review"), &pairs).await
}

#[tokio::test]
async fn visitors_cannot_review() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    let app = crate::common::app(&t.db);
    let mut visitor = Client::new(&app);
    let form = [("action", "confirm"), ("csrf", "x")];
    let a = visitor
        .post(&format!("/statements/{id}/review"), &form)
        .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), format!("/login?next=%2Fstatements%2F{id}"));
    let data = visitor
        .send(
            Request::builder()
                .method("POST")
                .uri(format!("/statements/{id}/review"))
                .header(header::ACCEPT, "application/json")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(axum::body::Body::from("action=confirm"))?,
        )
        .await?;
    assert_eq!(data.status, StatusCode::UNAUTHORIZED);
    // nor does a visitor see the form
    let page = visitor.get(&format!("/statements/{id}")).await?;
    assert_eq!(Page::parse(&page.body).count("form.review-form"), 0);
    assert_eq!(corrections(t.pool()).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_review_without_the_session_token_is_refused() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    for token in ["", "0", &"ab".repeat(32)] {
        let a = correct(&mut c, id, &[("csrf", token), ("stance", "opposes")]).await?;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{token:?}");
    }
    assert_eq!(corrections(t.pool()).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_disabled_editor_cannot_review() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let page = c.get(&format!("/statements/{id}")).await?;
    pointwise::db::accounts::set_disabled(&t.db, "ed", true).await?;
    let a = c
        .post(
            &format!("/statements/{id}/review"),
            &[("csrf", &page.csrf()), ("action", "confirm")],
        )
        .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(a.location().starts_with("/login"));
    assert_eq!(corrections(t.pool()).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_correction_shows_in_every_format_escaped() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let (app, _cache) = crate::common::site(&t.db);
    let mut visitor = Client::new(&app);
    let before = visitor.get(&format!("/statements/{id}")).await?;
    assert!(before.body.contains("No editor has reviewed"));
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let name = "<script>alert(1)</script> Jane Roe";
    let note = "Said by <b>her</b> & \"not\" him";
    let a = correct(
        &mut c,
        id,
        &[("speaker", name), ("points", "6, 21"), ("note", note)],
    )
    .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!(a.location(), format!("/statements/{id}"));

    // the page: at once (the cache follows the new data version), the mark and the log
    let html = visitor.get(&format!("/statements/{id}")).await?.body;
    let page = Page::parse(&html);
    assert!(
        !html.contains("<script>alert") && !html.contains("<b>her</b>"),
        "escaped"
    );
    assert_eq!(page.texts(".statement .badge.review"), ["corrected"]);
    let log = page.texts("table.log tbody tr");
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(
        log.iter()
            .any(|r| r.contains("speaker") && r.contains("Mark Rutte") && r.contains(name)),
        "{log:?}"
    );
    assert!(
        log.iter().all(|r| r.contains(note) && r.contains("ed")),
        "{log:?}"
    );
    assert!(
        log.iter()
            .any(|r| r.contains("points") && r.contains("6,21")),
        "{log:?}"
    );

    // JSON: the row's mark and the log, the name as data
    let json: serde_json::Value =
        serde_json::from_str(&visitor.get(&format!("/statements/{id}.json")).await?.body)?;
    assert_eq!(json["review"], "corrected");
    assert_eq!(json["speaker_name"], name);
    assert_eq!(json["corrections"][0]["note"], note);
    let numbers: Vec<i64> = json["provisions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["number"].as_i64())
        .collect();
    assert_eq!(numbers, [6, 21]);

    // CSV: a review column; Atom: escaped, marked
    let csv = visitor.get("/statements.csv?reviewed=yes").await?.body;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers()?.clone();
    let review_col = headers
        .iter()
        .position(|h| h == "review")
        .ok_or_else(|| anyhow::anyhow!("no review column"))?;
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][review_col], "corrected");
    let atom = visitor.get("/statements.atom?reviewed=yes").await?.body;
    let doc = roxmltree::Document::parse(&atom)?;
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .and_then(|e| e.descendants().find(|n| n.has_tag_name("title")))
        .and_then(|n| n.text())
        .unwrap_or("");
    assert!(
        title.starts_with(name) && title.contains("corrected"),
        "{title}"
    );

    // the filter: reviewed=yes has it alone, reviewed=no the rest
    let yes: serde_json::Value =
        serde_json::from_str(&visitor.get("/statements.json?reviewed=yes").await?.body)?;
    let no: serde_json::Value =
        serde_json::from_str(&visitor.get("/statements.json?reviewed=no").await?.body)?;
    let ids = |v: &serde_json::Value| {
        v["statements"].as_array().map_or_else(Vec::new, |a| {
            a.iter()
                .filter_map(|s| s["id"].as_i64())
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(ids(&yes), [id]);
    assert!(!ids(&no).contains(&id) && !ids(&no).is_empty());
    assert_eq!(
        visitor.get("/statements?reviewed=maybe").await?.status,
        StatusCode::BAD_REQUEST
    );
    // the counts kept for the matrix follow the correction
    let (kept, fresh) = crate::scale::tallies(&t.db).await?;
    assert_eq!(kept, fresh);
    Ok(())
}

#[tokio::test]
async fn corrections_survive_a_re_ingest() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let a = correct(&mut c, id, &[("stance", "mixed"), ("points", "6")]).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // the article changes (a paragraph more): it is extracted again, and corrected again
    let dir = t.dir.path().join("articles");
    article(&dir, "\nA new paragraph about the weather.\n")?;
    run(&t.db, &t.extractor, &[dir], 1 << 20).await?;
    let new_id = army_id(t.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("statement gone"))?;
    let (stance, review, points): (String, String, String) = sqlx::query_as(
        "select stance, review, (select group_concat(provision) from statement_provision where statement_id = t.id)
         from statement t where id = ?",
    )
    .bind(new_id)
    .fetch_one(t.pool())
    .await?;
    assert_eq!(
        (stance.as_str(), review.as_str(), points.as_str()),
        ("mixed", "corrected", "6")
    );
    // the extraction's own values are kept beside
    let machine: String =
        sqlx::query_scalar("select stance from statement_extracted where statement_id = ?")
            .bind(new_id)
            .fetch_one(t.pool())
            .await?;
    assert_ne!(machine, "mixed");
    let (kept, fresh) = crate::scale::tallies(&t.db).await?;
    assert_eq!(kept, fresh);
    // the log is append-only
    assert!(
        sqlx::query("delete from correction")
            .execute(t.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("update correction set note = 'x'")
            .execute(t.pool())
            .await
            .is_err()
    );
    Ok(())
}

#[tokio::test]
async fn not_a_plan_statement_takes_it_off_the_site() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let a = correct(
        &mut c,
        id,
        &[("not_plan", "yes"), ("note", "a quote on the weather")],
    )
    .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert!(a.location().starts_with("/sources/"));
    assert_eq!(army_id(t.pool()).await?, None);
    assert_eq!(
        Client::new(&app)
            .get(&format!("/statements/{id}"))
            .await?
            .status,
        StatusCode::NOT_FOUND
    );
    let (kept, fresh) = crate::scale::tallies(&t.db).await?;
    assert_eq!(kept, fresh);
    Ok(())
}

#[tokio::test]
async fn the_queue_is_for_editors_lowest_confidence_first() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut visitor = Client::new(&app);
    let a = visitor.get("/review").await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.location(), "/login?next=%2Freview");
    assert_eq!(
        visitor.get("/review.json").await?.status,
        StatusCode::UNAUTHORIZED
    );

    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let queue = |v: serde_json::Value| -> Vec<(i64, f64)> {
        v["statements"].as_array().map_or_else(Vec::new, |a| {
            a.iter()
                .filter_map(|s| Some((s["id"].as_i64()?, s["confidence"].as_f64()?)))
                .collect()
        })
    };
    let before = queue(serde_json::from_str(&c.get("/review.json").await?.body)?);
    assert!(before.len() >= 2, "{before:?}");
    assert!(
        before.windows(2).all(|w| w[0].1 <= w[1].1),
        "lowest confidence first: {before:?}"
    );
    let page = c.get("/review").await?;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        Page::parse(&page.body).count("article.statement"),
        before.len()
    );
    let a = correct(&mut c, id, &[("action", "confirm")]).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let after = queue(serde_json::from_str(&c.get("/review.json").await?.body)?);
    assert_eq!(
        after.len(),
        before.len() - 1,
        "a reviewed statement leaves the queue"
    );
    assert!(!after.iter().any(|(i, _)| *i == id));
    let reviewed = queue(serde_json::from_str(
        &c.get("/review.json?reviewed=yes").await?.body,
    )?);
    assert_eq!(reviewed.iter().map(|r| r.0).collect::<Vec<_>>(), [id]);
    Ok(())
}

#[tokio::test]
async fn corrections_whose_words_are_gone_are_listed_for_a_new_look() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let a = correct(&mut c, id, &[("stance", "opposes")]).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let dir = t.dir.path().join("articles");
    std::fs::write(
        dir.join("plan-test.txt"),
        "A test article on the plan\n2025-11-24\nReuters\n\n\"We oppose the territorial clauses of the plan,\" Dmitry Peskov said.\n",
    )?;
    run(&t.db, &t.extractor, &[dir], 1 << 20).await?;
    let json: serde_json::Value = serde_json::from_str(&c.get("/review.json").await?.body)?;
    let orphans = json["needs_a_new_look"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(orphans.len(), 1, "{json}");
    assert_eq!(orphans[0]["words"], ARMY);
    assert_eq!(orphans[0]["gone"], true);
    let page = c.get("/review").await?;
    assert!(Page::parse(&page.body).texts("ul.orphans li")[0].contains("gone from the article"));
    // the correction itself is kept
    assert_eq!(corrections(t.pool()).await?, 1);
    Ok(())
}

#[tokio::test]
async fn export_reviewed_writes_a_gold_set_that_eval_reads() -> anyhow::Result<()> {
    use pointwise::db::review::{Review, SpeakerChoice, review};
    let (t, id) = with_article().await?;
    let ed = add_account(&t.db, "ed", Role::Editor).await?;
    let wanted = Review {
        speaker: Some(SpeakerChoice::New("Jane Roe".into())),
        points: Some(vec![6]),
        note: "checked against the video".into(),
        ..Review::default()
    };
    review(&t.db, id, ed, "ed", &wanted).await?;
    let db = t.dir.path().join("test.db");
    let gold_out = crate::binary::run(&db, &["export", "--reviewed"])?;
    assert_eq!(gold_out.status.code(), Some(0));
    let gold_text = String::from_utf8(gold_out.stdout)?;
    let gold = pointwise::eval::parse_jsonl(&gold_text).map_err(anyhow::Error::msg)?;
    assert_eq!(gold.len(), 1, "{gold_text}");
    assert_eq!(gold[0].source_file, "plan-test.txt");
    assert_eq!(gold[0].speaker.as_deref(), Some("Jane Roe"));
    assert_eq!(gold[0].provisions, [6]);
    assert_eq!(gold[0].text, ARMY);
    let line: serde_json::Value = serde_json::from_str(gold_text.lines().next().unwrap_or(""))?;
    for key in [
        "source_file",
        "speaker",
        "aliases",
        "kind",
        "text",
        "provisions",
        "stance",
        "optional",
    ] {
        assert!(line.get(key).is_some(), "{key} in {line}");
    }
    // eval takes it as gold: the export of everything (corrected) finds it
    let gold_path = t.dir.path().join("gold.jsonl");
    std::fs::write(&gold_path, &gold_text)?;
    let pred_path = t.dir.path().join("pred.jsonl");
    std::fs::write(&pred_path, crate::binary::run(&db, &["export"])?.stdout)?;
    let gold_arg = gold_path.to_string_lossy().into_owned();
    let pred_arg = pred_path.to_string_lossy().into_owned();
    let eval = crate::binary::run(
        &db,
        &["eval", "--gold", &gold_arg, "--pred", &pred_arg, "--json"],
    )?;
    assert_eq!(
        eval.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&eval.stdout)?;
    assert_eq!(report["triples"]["r"], 1.0, "{report}");
    Ok(())
}

#[tokio::test]
async fn an_editor_adds_a_missed_statement_that_survives_a_re_ingest() -> anyhow::Result<()> {
    let (t, _) = with_article().await?;
    add_account(&t.db, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.db);
    let source: i64 = sqlx::query_scalar("select id from source where file_name = 'plan-test.txt'")
        .fetch_one(t.pool())
        .await?;
    let missed = "A new paragraph about the weather";
    let dir = t.dir.path().join("articles");
    article(&dir, &format!("\n{missed} and the plan.\n"))?;
    run(&t.db, &t.extractor, std::slice::from_ref(&dir), 1 << 20).await?;
    // a visitor has no form and cannot post one
    let mut visitor = Client::new(&app);
    let page = visitor.get(&format!("/sources/{source}")).await?;
    assert_eq!(Page::parse(&page.body).count("#add-words"), 0);
    let a = visitor
        .post(
            &format!("/sources/{source}/statements"),
            &[("words", missed)],
        )
        .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(a.location().starts_with("/login"));

    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let page = c.get(&format!("/sources/{source}")).await?;
    let csrf = page.csrf();
    let url = format!("/sources/{source}/statements");
    let form = |words: &'static str| -> Vec<(&'static str, String)> {
        [
            ("words", words),
            ("speaker", "Mark Rutte"),
            ("points", "0"),
            ("kind", "paraphrase"),
            ("stance", "neutral"),
            ("note", "missed"),
        ]
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .chain([("csrf", csrf.clone())])
        .collect()
    };
    let not_there = form("words the article never had");
    let pairs: Vec<(&str, &str)> = not_there.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(c.post(&url, &pairs).await?.status, StatusCode::BAD_REQUEST);
    let good = form(missed);
    let pairs: Vec<(&str, &str)> = good.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let a = c.post(&url, &pairs).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    let added = |pool: SqlitePool| async move {
        sqlx::query_as::<_, (i64, String, String)>(
            "select t.id, t.review, coalesce(p.name, '') from statement t left join speaker p on p.id = t.speaker_id where t.text = ?",
        )
        .bind(missed)
        .fetch_optional(&pool)
        .await
    };
    let (id, review, speaker) = added(t.pool().clone())
        .await?
        .ok_or_else(|| anyhow::anyhow!("not added"))?;
    assert_eq!(a.location(), format!("/statements/{id}"));
    assert_eq!(
        (review.as_str(), speaker.as_str()),
        ("corrected", "Mark Rutte")
    );
    // searchable, and counted
    let found: serde_json::Value =
        serde_json::from_str(&visitor.get("/statements.json?q=weather").await?.body)?;
    assert_eq!(found["statements"][0]["id"], id);
    let (kept, fresh) = crate::scale::tallies(&t.db).await?;
    assert_eq!(kept, fresh);
    // the article changes elsewhere: the added statement is written again
    article(
        &dir,
        &format!("\n{missed} and the plan.\n\nOne more line.\n"),
    )?;
    run(&t.db, &t.extractor, &[dir], 1 << 20).await?;
    let again = added(t.pool().clone()).await?;
    assert!(again.is_some_and(|(_, r, s)| r == "corrected" && s == "Mark Rutte"));
    let (kept, fresh) = crate::scale::tallies(&t.db).await?;
    assert_eq!(kept, fresh);
    Ok(())
}
