//! The same Pointwise on PostgreSQL: the bundled seeds ingested into a PostgreSQL database
//! and into SQLite give the same statements and counts, and the pages answer alike (skipped
//! with a printed reason when `POINTWISE_TEST_DB` is unset; see `common::postgres_server`).

use serde_json::Value;

use crate::common::{self, postgres_test_db, sqlite_seeded_db};
use pointwise::catalog::Catalog;
use pointwise::db::{Db, queries};

/// A statement as the export gives it, without the database's own ids.
fn exported(rows: &[pointwise::db::models::StatementRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "{} {} {:?} {} {} {} {}-{} {:?}",
                r.id,
                r.file_name,
                r.speaker_name,
                r.kind,
                r.stance,
                r.text,
                r.span_start,
                r.span_end,
                r.provision_numbers()
            )
        })
        .collect()
}

/// The ids and texts of the statements of a `/statements.json` answer.
fn listed(body: &str) -> anyhow::Result<Vec<(i64, String)>> {
    let json: Value = serde_json::from_str(body)?;
    Ok(json["statements"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| (s["id"].as_i64().unwrap_or(-1), s["text"].to_string()))
                .collect()
        })
        .unwrap_or_default())
}

#[tokio::test]
async fn the_seeds_read_the_same_on_postgres_as_on_sqlite() -> anyhow::Result<()> {
    // a failing page logs its database error
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let Some(pg) = postgres_test_db("postgres::seeds").await? else {
        return Ok(());
    };
    let lite = sqlite_seeded_db().await?;
    let post = Db::from(pg.pool.clone());
    queries::upsert_catalog(&post, &Catalog::bundled()?).await?;
    let report = pointwise::ingest::run::run_bundled(&post, &lite.extractor).await?;
    assert!(report.statements > 0, "{report}");

    assert_eq!(
        queries::count_rows(&post).await?,
        queries::count_rows(&lite.db).await?
    );
    let (on_pg, on_lite) = (
        queries::export_statements(&post).await?,
        queries::export_statements(&lite.db).await?,
    );
    assert!(!on_lite.is_empty());
    assert_eq!(exported(&on_pg), exported(&on_lite));

    let (pg_app, lite_app) = (common::app(&post), common::app(&lite.db));
    for uri in [
        "/statements.json",
        "/statements.json?provision=21",
        "/statements.json?category=guarantees&kind=report",
        "/statements.json?q=ceasefire",
        "/statements.json?stance=opposes&sort=-date",
        "/statements.json?sort=source&size=5",
        "/statements.json?reviewed=no&version=us-28",
    ] {
        let (pg_status, pg_body) = common::get(&pg_app, uri).await?;
        let (lite_status, lite_body) = common::get(&lite_app, uri).await?;
        assert_eq!(
            (pg_status.as_u16(), lite_status.as_u16()),
            (200, 200),
            "{uri}: {pg_body}"
        );
        let (pg_rows, lite_rows) = (listed(&pg_body)?, listed(&lite_body)?);
        assert!(!lite_rows.is_empty(), "{uri} lists statements");
        assert_eq!(pg_rows, lite_rows, "{uri}");
    }
    // the pages: every one answers, and with the same page as on SQLite but the searches
    // (each engine cuts its snippets its own way) and the organisations (their speakers'
    // links list them in the order each engine's `string_agg`/`group_concat` gives)
    let first = on_lite[0].id;
    let same = [
        "/".to_string(),
        "/?by=source&outlet=TASS".to_string(),
        "/?by=outlet".to_string(),
        "/?by=country".to_string(),
        "/?by=speaker".to_string(),
        "/statements".to_string(),
        "/statements?provision=21&stance=neutral".to_string(),
        "/statements?category=guarantees&reviewed=no".to_string(),
        format!("/statements/{first}"),
        "/provisions/21".to_string(),
        "/sources".to_string(),
        "/speakers".to_string(),
        "/claims".to_string(),
        "/versions".to_string(),
    ];
    for uri in &same {
        let (status, body) = common::get(&pg_app, uri).await?;
        assert_eq!(status.as_u16(), 200, "{uri} on PostgreSQL: {body}");
        let (lite_status, lite_body) = common::get(&lite_app, uri).await?;
        assert_eq!(lite_status.as_u16(), 200, "{uri} on SQLite: {lite_body}");
        let differs = body.lines().zip(lite_body.lines()).find(|(a, b)| a != b);
        assert!(
            body == lite_body,
            "{uri}: the page differs from SQLite's: {differs:?}"
        );
    }
    let (status, body) = common::get(&pg_app, "/?by=organisation").await?;
    assert_eq!(status.as_u16(), 200, "organisations on PostgreSQL: {body}");
    assert!(body.contains("speaker=nato"), "{body}");
    for uri in ["/statements?q=ceasefire", "/sources?q=ceasefire"] {
        let (status, body) = common::get(&pg_app, uri).await?;
        assert_eq!(status.as_u16(), 200, "{uri} on PostgreSQL: {body}");
        assert!(body.contains("<mark>"), "{uri} marks its hits: {body}");
    }
    pg.finish().await?;
    Ok(())
}

/// `pointwise --db postgres://...` runs: the ingest of the seeds, an export equal to the one of
/// a SQLite file, and a server that answers from the PostgreSQL database.
#[tokio::test]
async fn the_binary_ingests_exports_and_serves_on_postgres() -> anyhow::Result<()> {
    use crate::binary::{Server, request, run};

    let Some(pg) = postgres_test_db("postgres::binary").await? else {
        return Ok(());
    };
    let url = std::path::Path::new(&pg.url);
    let ingest = run(url, &["ingest"])?;
    let stderr = String::from_utf8_lossy(&ingest.stderr);
    assert!(ingest.status.success(), "ingest on PostgreSQL: {stderr}");
    let on_pg = run(url, &["export"])?;
    assert!(on_pg.status.success());

    let dir = tempfile::tempdir()?;
    let file = dir.path().join("lite.db");
    assert!(run(&file, &["ingest"])?.status.success());
    let on_lite = run(&file, &["export"])?;
    assert!(!on_lite.stdout.is_empty());
    assert!(on_pg.stdout == on_lite.stdout, "the exports differ");

    let server = Server::start(url, &[])?;
    let page = request(server.addr, "GET", "/statements?provision=21")?;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("on point 21"), "{}", page.body);
    drop(server);
    pg.finish().await?;
    Ok(())
}

/// Editors on PostgreSQL: accounts (names unique whatever their case), sessions, a correction
/// applied and counted, a statement added, and both kept when the article is ingested again.
#[tokio::test]
async fn editors_accounts_and_corrections_work_on_postgres() -> anyhow::Result<()> {
    use pointwise::db::{accounts, review};
    use pointwise::model::{Kind, Role, Stance};

    let Some(pg) = postgres_test_db("postgres::editors").await? else {
        return Ok(());
    };
    let db = Db::from(pg.pool.clone());
    queries::upsert_catalog(&db, &Catalog::bundled()?).await?;
    let lite = crate::common::sqlite_test_db().await?;
    let dir = tempfile::tempdir()?;
    let body = "A test article on the plan\n2025-11-24\nReuters\n\n\
        \"The 28-point plan caps Ukraine's army at 600,000,\" Mark Rutte said.\n\n\
        Officials met in Geneva to discuss the plan on Sunday.\n";
    std::fs::write(dir.path().join("plan-test.txt"), body)?;
    let paths = [dir.path().to_path_buf()];
    pointwise::ingest::run::run(&db, &lite.extractor, &paths, 1 << 20).await?;

    let ann = accounts::add(&db, "Ann", Role::Editor, "hash-1")
        .await?
        .ok_or_else(|| anyhow::anyhow!("Ann not added"))?;
    assert_eq!(
        accounts::add(&db, "ANN", Role::Admin, "hash-2").await?,
        None
    );
    let found = accounts::by_name(&db, "ann").await?;
    assert_eq!(found.map(|a| (a.id, a.disabled)), Some((ann, false)));
    accounts::start_session(&db, "session-hash", ann, "csrf", 1_000).await?;
    let session = accounts::session(&db, "session-hash").await?;
    assert_eq!(
        session.map(|s| (s.account_id, s.disabled)),
        Some((ann, false))
    );
    assert!(accounts::set_disabled(&db, "aNN", true).await?);
    assert!(accounts::session(&db, "session-hash").await?.is_none());
    assert_eq!(
        accounts::list(&db).await?.first().map(|a| a.disabled),
        Some(true)
    );

    let rows = queries::export_statements(&db).await?;
    let army = rows
        .iter()
        .find(|r| r.text.contains("army at 600,000"))
        .ok_or_else(|| anyhow::anyhow!("no statement on the army: {rows:?}"))?;
    let wanted = review::Review {
        stance: Some(if army.stance == Stance::Opposes {
            Stance::Supports
        } else {
            Stance::Opposes
        }),
        note: "checked".into(),
        ..review::Review::default()
    };
    let outcome = review::review(&db, army.id, ann, "Ann", &wanted).await?;
    assert_eq!(outcome, Some(review::Outcome::Kept));
    let added = review::Added {
        words: "Officials met in Geneva to discuss the plan on Sunday.".into(),
        speaker: review::SpeakerChoice::Article,
        points: vec![0],
        kind: Kind::Report,
        stance: Stance::Neutral,
        note: String::new(),
    };
    let added_id = match review::add(&db, army.source_id, ann, "Ann", &added).await? {
        review::AddOutcome::Added(id) => id,
        other => anyhow::bail!("not added: {other:?}"),
    };
    assert!(added_id > army.id, "the added statement takes a new id");

    // the article again, changed: a new extraction, and the corrections applied over it
    std::fs::write(
        dir.path().join("plan-test.txt"),
        format!("{body}\nThe talks go on.\n"),
    )?;
    pointwise::ingest::run::run(&db, &lite.extractor, &paths, 1 << 20).await?;
    let after = queries::export_statements(&db).await?;
    let army = after
        .iter()
        .find(|r| r.text.contains("army at 600,000"))
        .ok_or_else(|| anyhow::anyhow!("no statement on the army after the re-ingest"))?;
    assert_eq!(Some(army.stance), wanted.stance);
    assert_eq!(army.review, "corrected");
    assert!(
        after
            .iter()
            .any(|r| r.text.starts_with("Officials met in Geneva"))
    );
    let log = review::log(&db, army.id).await?;
    assert_eq!(
        log.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
        ["stance"]
    );
    assert!(review::orphans(&db).await?.is_empty());
    let (kept, fresh) = crate::scale::tallies(&db).await?;
    assert!(!kept.is_empty());
    assert_eq!(
        kept, fresh,
        "the counts after the corrections and the re-ingest"
    );
    let filter = pointwise::db::models::StatementFilter {
        stances: vec![army.stance],
        ..Default::default()
    };
    let (counted, _) = queries::facet_counts(&db, &filter, queries::Facet::Stance, 10).await?;
    let stance = army.stance.to_string();
    assert!(
        counted.iter().any(|f| f.value == stance && f.count >= 1),
        "{counted:?}"
    );
    pg.finish().await?;
    Ok(())
}
