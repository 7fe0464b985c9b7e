//! Editors' corrections (issue 13): who may make them, what visitors then see in every format,
//! and that they survive a re-ingest of the article.

use std::path::Path;

use axum::http::{Request, StatusCode, header};
use pointwise::ingest::run::run;
use pointwise::model::Role;
use sqlx::SqlitePool;

use crate::common::{Page, TestDb, test_db};
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
    let t = test_db().await?;
    let dir = t.dir.path().join("articles");
    std::fs::create_dir_all(&dir)?;
    article(&dir, "")?;
    run(&t.pool, &t.extractor, &[dir], 1 << 20).await?;
    let id = army_id(&t.pool)
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
    let app = crate::common::app(&t.pool);
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
    assert_eq!(corrections(&t.pool).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_review_without_the_session_token_is_refused() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.pool, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.pool);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    for token in ["", "0", &"ab".repeat(32)] {
        let a = correct(&mut c, id, &[("csrf", token), ("stance", "opposes")]).await?;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{token:?}");
    }
    assert_eq!(corrections(&t.pool).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_disabled_editor_cannot_review() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.pool, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.pool);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let page = c.get(&format!("/statements/{id}")).await?;
    pointwise::db::accounts::set_disabled(&t.pool, "ed", true).await?;
    let a = c
        .post(
            &format!("/statements/{id}/review"),
            &[("csrf", &page.csrf()), ("action", "confirm")],
        )
        .await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert!(a.location().starts_with("/login"));
    assert_eq!(corrections(&t.pool).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_correction_shows_in_every_format_escaped() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.pool, "ed", Role::Editor).await?;
    let (app, _cache) = crate::common::site(&t.pool);
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
    let (kept, fresh) = crate::scale::tallies(&t.pool).await?;
    assert_eq!(kept, fresh);
    Ok(())
}

#[tokio::test]
async fn corrections_survive_a_re_ingest() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.pool, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.pool);
    let mut c = Client::new(&app);
    c.sign_in("ed").await?;
    let a = correct(&mut c, id, &[("stance", "mixed"), ("points", "6")]).await?;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    // the article changes (a paragraph more): it is extracted again, and corrected again
    let dir = t.dir.path().join("articles");
    article(&dir, "\nA new paragraph about the weather.\n")?;
    run(&t.pool, &t.extractor, &[dir], 1 << 20).await?;
    let new_id = army_id(&t.pool)
        .await?
        .ok_or_else(|| anyhow::anyhow!("statement gone"))?;
    let (stance, review, points): (String, String, String) = sqlx::query_as(
        "select stance, review, (select group_concat(provision) from statement_provision where statement_id = t.id)
         from statement t where id = ?",
    )
    .bind(new_id)
    .fetch_one(&t.pool)
    .await?;
    assert_eq!(
        (stance.as_str(), review.as_str(), points.as_str()),
        ("mixed", "corrected", "6")
    );
    // the extraction's own values are kept beside
    let machine: String =
        sqlx::query_scalar("select stance from statement_extracted where statement_id = ?")
            .bind(new_id)
            .fetch_one(&t.pool)
            .await?;
    assert_ne!(machine, "mixed");
    let (kept, fresh) = crate::scale::tallies(&t.pool).await?;
    assert_eq!(kept, fresh);
    // the log is append-only
    assert!(
        sqlx::query("delete from correction")
            .execute(&t.pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("update correction set note = 'x'")
            .execute(&t.pool)
            .await
            .is_err()
    );
    Ok(())
}

#[tokio::test]
async fn not_a_plan_statement_takes_it_off_the_site() -> anyhow::Result<()> {
    let (t, id) = with_article().await?;
    add_account(&t.pool, "ed", Role::Editor).await?;
    let app = crate::common::app(&t.pool);
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
    assert_eq!(army_id(&t.pool).await?, None);
    assert_eq!(
        Client::new(&app)
            .get(&format!("/statements/{id}"))
            .await?
            .status,
        StatusCode::NOT_FOUND
    );
    let (kept, fresh) = crate::scale::tallies(&t.pool).await?;
    assert_eq!(kept, fresh);
    Ok(())
}
