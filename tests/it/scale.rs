//! What keeps the pages small at any size: the counts kept by the ingest (migration 0007) agree
//! with a fresh count after new and replaced articles, and the pages whose size grows with the
//! corpus (a point, a speaker, the matrix by article or speaker, the lists of sources and
//! speakers) come a page at a time, with links that lead on and back.

use crate::common;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use pointwise::db::Db;
use pointwise::ingest::run::run;

pub type TallyRow = (i64, String, String, i64, String, String, i64);

/// `tally` as stored (the same SQL on both backends; tests/it/concurrent.rs reads it too).
pub const KEPT_TALLIES: &str =
    "select provision, category, publisher, speaker_id, kind, stance, statements from tally
     order by 1, 2, 3, 4, 5, 6";

/// `tally` counted afresh from the statements (the same SQL on both backends): per point, each
/// statement once (-1), per category (-2) and per point outside each of the statement's
/// categories (-100 - p).
pub const FRESH_TALLIES: &str = "select x.provision, x.category, s.publisher, coalesce(t.speaker_id, 0), t.kind, t.stance, count(distinct t.id)
     from (select statement_id as id, provision, '' as category from statement_provision
           union all select id, -1, '' from statement
           union all select l.statement_id, -2, v.category from statement_provision l
               join provision v on v.number = l.provision where v.category is not null
           union all select l.statement_id, -100 - l.provision, c.category from statement_provision l
               join (select distinct m.statement_id, v.category from statement_provision m
                     join provision v on v.number = m.provision where v.category is not null) c
               on c.statement_id = l.statement_id
               join provision p on p.number = l.provision where p.category is null or p.category <> c.category) x
     join statement t on t.id = x.id join source s on s.id = t.source_id
     group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6";

/// `tally` as stored, and as counted afresh from the statements, on either backend.
pub async fn tallies(db: &Db) -> anyhow::Result<(Vec<TallyRow>, Vec<TallyRow>)> {
    Ok(match db {
        Db::Sqlite(pool) => (
            sqlx::query_as(KEPT_TALLIES).fetch_all(pool).await?,
            sqlx::query_as(FRESH_TALLIES).fetch_all(pool).await?,
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(KEPT_TALLIES).fetch_all(pool).await?,
            sqlx::query_as(FRESH_TALLIES).fetch_all(pool).await?,
        ),
    })
}

/// `n` small articles in `dir`, each with a quote on the plan, from two outlets.
fn articles(dir: &std::path::Path, n: usize, said: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    for i in 0..n {
        let outlet = if i % 2 == 0 { "Reuters" } else { "TASS" };
        std::fs::write(
            dir.join(format!("a{i:03}.txt")),
            format!(
                "Article {i} on the plan\n2025-11-{:02}\n{outlet}\n\n\"The 28-point plan {said} on Ukraine's army,\" Mark Rutte said.\n\n\"We oppose the territorial clauses of the plan,\" Dmitry Peskov said.\n",
                1 + i % 28
            ),
        )?;
    }
    Ok(())
}

fn statement_ids(body: &str) -> BTreeSet<String> {
    body.match_indices("<article class=\"statement")
        .filter_map(|(i, _)| {
            let rest = &body[i..];
            let start = rest.find("id=\"s")? + 5;
            let end = rest[start..].find('"')? + start;
            Some(rest[start..end].to_string())
        })
        .collect()
}

fn link(body: &str, rel: &str) -> Option<String> {
    // the last such link: the pager of the statements (a point page also links to its neighbours)
    let i = body.rfind(&format!("rel=\"{rel}\""))?;
    let before = &body[..i];
    let start = before.rfind("href=\"")? + 6;
    let end = before[start..].find('"')? + start;
    Some(
        before[start..end]
            .replace("&#38;", "&")
            .replace("&amp;", "&"),
    )
}

#[tokio::test]
async fn the_ingest_keeps_the_tallies_equal_to_a_fresh_count() -> anyhow::Result<()> {
    // Arrange: the seeds one article per transaction, then 70 articles in batches
    let t = common::seeded_db().await?;
    let dir = t.dir.path().join("corpus");
    articles(&dir, 70, "is a basis for peace")?;
    // Act
    run(&t.db, &t.extractor, std::slice::from_ref(&dir), 1 << 20).await?;
    let (kept, fresh) = tallies(&t.db).await?;
    assert!(!kept.is_empty());
    assert_eq!(kept, fresh, "after new articles");
    // Act: every article changed (replaced), some now by the other outlet
    articles(&dir, 70, "puts limits")?;
    std::fs::remove_file(dir.join("a000.txt"))?;
    run(&t.db, &t.extractor, std::slice::from_ref(&dir), 1 << 20).await?;
    // Assert
    let (kept, fresh) = tallies(&t.db).await?;
    assert_eq!(kept, fresh, "after replaced articles");
    Ok(())
}

#[tokio::test]
async fn a_point_and_a_speaker_come_a_page_at_a_time() -> anyhow::Result<()> {
    let t = common::sqlite_seeded_db().await?;
    let app = common::app(&t.db);
    for page in ["/provisions/21", "/speakers/mark-rutte"] {
        // Act
        let (status, first) = common::get(&app, &format!("{page}?size=1")).await?;
        // Assert
        assert_eq!(status, StatusCode::OK, "{page}");
        let ids = statement_ids(&first);
        assert_eq!(ids.len(), 1, "{page}: one statement a page");
        let next = link(&first, "next").ok_or_else(|| anyhow::anyhow!("{page}: no next"))?;
        assert!(next.starts_with(&format!("{page}?size=1&after=")), "{next}");
        assert!(first.contains("as a filterable list"), "{page}");
        let (status, second) = common::get(&app, &next).await?;
        assert_eq!(status, StatusCode::OK, "{next}");
        let ids2 = statement_ids(&second);
        assert_eq!(ids2.len(), 1);
        assert!(
            ids.is_disjoint(&ids2),
            "{page}: page 2 shows other statements"
        );
        let prev = link(&second, "prev").ok_or_else(|| anyhow::anyhow!("{next}: no prev"))?;
        let (_, back) = common::get(&app, &prev).await?;
        assert_eq!(statement_ids(&back), ids, "{prev} leads back");
        assert!(second.contains(&format!("href=\"{page}?size=1\">first page")));
    }
    let (_, point) = common::get(&app, "/provisions/21").await?;
    assert!(point.contains("Who says most about it"));
    assert!(
        point.contains("/statements?provision=21&amp;speaker=")
            || point.contains("/statements?provision=21&#38;speaker=")
    );
    let (_, json) = common::get(&app, "/speakers/mark-rutte.json?size=1").await?;
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["statements"].as_array().map(Vec::len), Some(1));
    assert!(
        v["next"]
            .as_str()
            .is_some_and(|n| n.contains("/speakers/mark-rutte.json?size=1&after="))
    );
    Ok(())
}

#[tokio::test]
async fn the_matrix_by_article_and_the_list_of_sources_are_paged() -> anyhow::Result<()> {
    // Arrange: 5 seeds and 110 articles
    let t = common::sqlite_seeded_db().await?;
    let dir = t.dir.path().join("corpus");
    articles(&dir, 110, "is a basis for peace")?;
    run(&t.db, &t.extractor, std::slice::from_ref(&dir), 1 << 20).await?;
    let app = common::app(&t.db);
    // Act
    let (status, first) = common::get(&app, "/?by=source").await?;
    // Assert
    assert_eq!(status, StatusCode::OK);
    assert!(
        first.contains("Showing columns 1 to 50."),
        "pager on the first page"
    );
    let next = link(&first, "next").ok_or_else(|| anyhow::anyhow!("no next columns"))?;
    assert_eq!(next, "/?by=source&page=2");
    let (status, second) = common::get(&app, &next).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(second.contains("columns 51 to 100"));
    assert_eq!(link(&second, "prev").as_deref(), Some("/?by=source"));
    let (status, _) = common::get(&app, "/?by=source&page=9").await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "past the last page");
    let (_, outlets) = common::get(&app, "/").await?;
    assert!(
        !outlets.contains("Showing columns"),
        "the outlets fit on one page"
    );
    // the list of sources
    let (status, sources) = common::get(&app, "/sources").await?;
    assert_eq!(status, StatusCode::OK);
    let next = link(&sources, "next").ok_or_else(|| anyhow::anyhow!("no next sources"))?;
    assert!(next.starts_with("/sources?after="), "{next}");
    let (status, rest) = common::get(&app, &next).await?;
    assert_eq!(status, StatusCode::OK);
    assert!(rest.contains("href=\"/sources\">first page"));
    assert_eq!(
        sources.matches("<tr><td>").count() + rest.matches("<tr><td>").count(),
        115,
        "every source once"
    );
    let (_, json) = common::get(&app, "/sources.json").await?;
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["total"], 115);
    assert_eq!(v["sources"].as_array().map(Vec::len), Some(100));
    Ok(())
}

#[tokio::test]
async fn bad_paging_parameters_are_400_naming_them() -> anyhow::Result<()> {
    let t = common::sqlite_seeded_db().await?;
    let app = common::app(&t.db);
    for (uri, name) in [
        ("/provisions/6?after=nonsense", "after"),
        ("/provisions/6?size=0", "size"),
        ("/speakers/mark-rutte?before=1.2", "before"),
        ("/speakers/mark-rutte.json?size=5000", "size"),
        ("/speakers?page=0", "page"),
        ("/speakers.json?page=x", "page"),
        ("/sources?after=abc", "after"),
        ("/sources?after=999999", "after"),
        ("/?by=source&page=-1", "page"),
        ("/?page=two", "page"),
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(body.contains(&format!("parameter {name}")), "{uri}: {body}");
    }
    Ok(())
}

/// A facet's counts as `facet_counts` gives them: value -> count.
async fn facet(
    pool: &pointwise::db::Db,
    filter: &pointwise::db::models::StatementFilter,
    facet: pointwise::db::queries::Facet,
) -> anyhow::Result<std::collections::BTreeMap<String, i64>> {
    let (rows, _) = pointwise::db::queries::facet_counts(pool, filter, facet, 100).await?;
    Ok(rows.into_iter().map(|r| (r.value, r.count)).collect())
}

/// Rows `(value, count)` of a recount in SQL, as a map.
async fn recount(
    pool: &sqlx::SqlitePool,
    sql: &'static str,
    bind: &str,
) -> anyhow::Result<std::collections::BTreeMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(sql).bind(bind).fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

#[tokio::test]
async fn counts_read_from_the_tallies_equal_a_recount_of_the_statements() -> anyhow::Result<()> {
    use pointwise::db::models::{StatementFilter, parse_date};
    use pointwise::db::queries::Facet;
    // Arrange: the seeds (dated 2025-11-20 to 2025-12-02), one undated article and two
    // statements an editor reviewed
    let t = common::sqlite_seeded_db().await?;
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("undated.txt"),
        "Plan talks\n\n\"We reject the plan's army cap,\" Kaja Kallas said.\n",
    )?;
    run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    sqlx::query("update statement set review = 'confirmed' where id in (select min(id) from statement union select max(id) from statement)")
        .execute(t.pool())
        .await?;
    let undated: i64 = sqlx::query_scalar(
        "select count(*) from statement_provision l join statement t on t.id = l.statement_id
         join source s on s.id = t.source_id where s.published_date is null",
    )
    .fetch_one(t.pool())
    .await?;
    assert!(
        undated > 0,
        "the undated article's statement is about a point"
    );
    let points_from = "select cast(l.provision as text), count(*) from statement_provision l
         join statement t on t.id = l.statement_id join source s on s.id = t.source_id
         where s.published_date >= ? group by l.provision";
    let points_to = "select cast(l.provision as text), count(*) from statement_provision l
         join statement t on t.id = l.statement_id join source s on s.id = t.source_id
         where s.published_date <= ? group by l.provision";
    let reviewed_on = "select case when t.review = '' then 'no' else 'yes' end, count(*)
         from statement t where ? = '' or t.id in (select statement_id from statement_provision where provision = cast(? as integer))
         group by 1";
    for date in ["2025-11-20", "2025-11-25", "2025-12-02"] {
        let d = parse_date(date);
        // Act: the point facet of a date range comes from the counts per day
        let from = StatementFilter {
            from: d,
            ..Default::default()
        };
        let to = StatementFilter {
            to: d,
            ..Default::default()
        };
        // Assert: equal to the links of the statements dated in the range (none undated)
        assert_eq!(
            facet(&t.db, &from, Facet::Provision).await?,
            recount(t.pool(), points_from, date).await?,
            "from={date}"
        );
        assert_eq!(
            facet(&t.db, &to, Facet::Provision).await?,
            recount(t.pool(), points_to, date).await?,
            "to={date}"
        );
    }
    // the reviewed facet: the reviewed counted, the rest the tally's total less them
    let all = facet(&t.db, &StatementFilter::default(), Facet::Reviewed).await?;
    let rows: Vec<(String, i64)> = sqlx::query_as(reviewed_on)
        .bind("")
        .bind("")
        .fetch_all(t.pool())
        .await?;
    assert_eq!(all, rows.into_iter().collect());
    assert_eq!(all.get("yes"), Some(&2));
    let on_21 = StatementFilter {
        provisions: pointwise::model::PointNumber::new(21).into_iter().collect(),
        ..Default::default()
    };
    let rows: Vec<(String, i64)> = sqlx::query_as(reviewed_on)
        .bind("21")
        .bind("21")
        .fetch_all(t.pool())
        .await?;
    assert_eq!(
        facet(&t.db, &on_21, Facet::Reviewed).await?,
        rows.into_iter().collect()
    );
    Ok(())
}

/// Runs `sql` on either backend.
async fn execute(db: &Db, sql: &'static str) -> anyhow::Result<()> {
    match db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(drop)?,
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(drop)?,
    }
    Ok(())
}

/// Rows `(value, count)` of `sql` on either backend, as a map.
async fn counted(
    db: &Db,
    sql: &'static str,
) -> anyhow::Result<std::collections::BTreeMap<String, i64>> {
    let rows: Vec<(String, i64)> = match db {
        Db::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await?,
        Db::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await?,
    };
    Ok(rows.into_iter().collect())
}

#[tokio::test]
async fn the_counts_of_the_editors_queue_equal_those_read_from_the_statements() -> anyhow::Result<()>
{
    use pointwise::db::models::StatementFilter;
    use pointwise::db::queries::{Facet, statement_stats};
    use pointwise::model::{Kind, PointNumber};
    // Arrange: the seeds and one more article; an editor reviewed the first statement, one
    // with several points, and every statement of the last article (so a source and its
    // speaker leave the queue)
    let t = common::seeded_db().await?;
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("reviewed.txt"),
        "Plan talks\n\n\"We reject the plan's army cap,\" Kaja Kallas said.\n",
    )?;
    run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    execute(
        &t.db,
        "update statement set review = 'confirmed' where id = (select min(id) from statement)
         or id = (select min(statement_id) from statement_provision group by statement_id
                  having count(*) > 1 order by 1 limit 1)
         or source_id = (select max(id) from source)",
    )
    .await?;
    let queue = StatementFilter {
        reviewed: vec!["no".into()],
        ..Default::default()
    };
    let all_sources: Vec<i64> = counted(&t.db, "select cast(id as text), id from source")
        .await?
        .into_values()
        .collect();
    let filters = [
        queue.clone(),
        StatementFilter {
            provisions: PointNumber::new(21).into_iter().collect(),
            ..queue.clone()
        },
        StatementFilter {
            categories: vec!["peace".into()],
            ..queue.clone()
        },
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..queue.clone()
        },
        StatementFilter {
            speakers: vec!["kaja-kallas".into()],
            ..queue.clone()
        },
    ];
    let facets = [
        Facet::Provision,
        Facet::Category,
        Facet::Speaker,
        Facet::Kind,
        Facet::Stance,
        Facet::Reviewed,
        Facet::Version,
    ];
    for f in &filters {
        // every source selected: the same statements, counted from the statements themselves
        let scanned = StatementFilter {
            sources: all_sources.clone(),
            ..f.clone()
        };
        for which in facets {
            // Act
            let from_counts = facet(&t.db, f, which).await?;
            // Assert
            assert_eq!(
                from_counts,
                facet(&t.db, &scanned, which).await?,
                "{which:?} under {f:?}"
            );
        }
    }
    // the sources and the totals of the queue alone, against a recount
    let sources = counted(
        &t.db,
        "select cast(source_id as text), count(*) from statement where review = '' group by source_id",
    )
    .await?;
    assert_eq!(facet(&t.db, &queue, Facet::Source).await?, sources);
    let last: i64 = all_sources.iter().copied().max().unwrap_or_default();
    assert!(
        !sources.contains_key(&last.to_string()),
        "the reviewed article"
    );
    let totals = counted(
        &t.db,
        "select 'all', count(*) from statement where review = ''
         union all select 'speakers', count(distinct speaker_id) from statement where review = ''
         union all select 'sources', count(distinct source_id) from statement where review = ''",
    )
    .await?;
    let stats = statement_stats(&t.db, &queue).await?;
    assert_eq!(
        [stats.statements, stats.speakers, stats.sources],
        [totals["all"], totals["speakers"], totals["sources"]]
    );
    assert!(totals["all"] > 0);
    Ok(())
}

/// Each statement about a category with the set of its categories (`+europe+peace+`, as
/// `db::tally::set_key` names it), for the recounts of the rows by set (migration 0017).
macro_rules! category_sets {
    () => {
        "(select statement_id, '+' || string_agg(category, '+' order by category) || '+' as category_set
          from (select distinct m.statement_id, v.category from statement_provision m
                join provision v on v.number = m.provision where v.category is not null) d
          group by statement_id)"
    };
}

/// `tally_date` and `tally_date_speaker` as stored (migration 0012), and counted afresh from
/// the statements (the same SQL on both backends).
const KEPT_DATES: &str =
    "select provision, category, date, kind, stance, statements from tally_date
     order by 1, 2, 3, 4, 5";
const FRESH_DATES: &str = concat!("select x.provision, x.category, coalesce(s.published_date, ''), t.kind, t.stance, count(distinct t.id)
     from (select statement_id as id, provision, '' as category from statement_provision
           union all select id, -1, '' from statement
           union all select l.statement_id, -2, v.category from statement_provision l
               join provision v on v.number = l.provision where v.category is not null
           union all select statement_id, -3, version from statement_version
           union all select l.statement_id, -100 - l.provision, c.category from statement_provision l
               join (select distinct m.statement_id, v.category from statement_provision m
                     join provision v on v.number = m.provision where v.category is not null) c
               on c.statement_id = l.statement_id
               join provision p on p.number = l.provision where p.category is null or p.category <> c.category
           union all select w.statement_id, -4, c.category || '/' || w.version from statement_version w
               join (select distinct m.statement_id, v.category from statement_provision m
                     join provision v on v.number = m.provision where v.category is not null) c
               on c.statement_id = w.statement_id
           union all select w.statement_id, -300 - l.provision, w.version from statement_version w
               join statement_provision l on l.statement_id = w.statement_id
           union all select c.statement_id, -6, c.category_set from ", category_sets!(), " c
           union all select c.statement_id, -7, c.category_set || '/' || w.version from ", category_sets!(), " c
               join statement_version w on w.statement_id = c.statement_id
           union all select c.statement_id, -500 - l.provision, c.category_set from ", category_sets!(), " c
               join statement_provision l on l.statement_id = c.statement_id) x
     join statement t on t.id = x.id join source s on s.id = t.source_id
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5");
const KEPT_DATE_SPEAKERS: &str = "select provision, category, date, speaker_id, statements from tally_date_speaker order by 1, 2, 3, 4";
const FRESH_DATE_SPEAKERS: &str = concat!("select x.provision, x.category, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), count(distinct t.id)
     from (select statement_id as id, provision, '' as category from statement_provision
           union all select id, -1, '' from statement
           union all select l.statement_id, -2, v.category from statement_provision l
               join provision v on v.number = l.provision where v.category is not null
           union all select statement_id, -3, version from statement_version
           union all select w.statement_id, -5, w.version || '/' || u.kind || '/' || u.stance
               from statement_version w join statement u on u.id = w.statement_id
           union all select c.statement_id, -6, c.category_set from ", category_sets!(), " c
           union all select c.statement_id, -8, c.category_set || '/' || u.kind || '/' || u.stance
               from ", category_sets!(), " c join statement u on u.id = c.statement_id) x
     join statement t on t.id = x.id join source s on s.id = t.source_id
     group by 1, 2, 3, 4 order by 1, 2, 3, 4");

type DateRow = (i64, String, String, String, String, i64);
type DateSpeakerRow = (i64, String, String, i64, i64);

/// Every facet and the totals of date-range filters, read from `tally_date` and `tally_count`,
/// equal those counted from the statements (the same filter with every source and both review
/// states selected, which no tally answers); and `tally_date` equals a fresh count.
async fn assert_dated_counts_agree(db: &Db, when: &str) -> anyhow::Result<()> {
    use pointwise::db::models::{StatementFilter, parse_date};
    use pointwise::model::{Kind, PointNumber, Stance};
    let (kept, fresh, kept_speakers, fresh_speakers): (
        Vec<DateRow>,
        Vec<DateRow>,
        Vec<DateSpeakerRow>,
        Vec<DateSpeakerRow>,
    ) = match db {
        Db::Sqlite(pool) => (
            sqlx::query_as(KEPT_DATES).fetch_all(pool).await?,
            sqlx::query_as(FRESH_DATES).fetch_all(pool).await?,
            sqlx::query_as(KEPT_DATE_SPEAKERS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_DATE_SPEAKERS).fetch_all(pool).await?,
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(KEPT_DATES).fetch_all(pool).await?,
            sqlx::query_as(FRESH_DATES).fetch_all(pool).await?,
            sqlx::query_as(KEPT_DATE_SPEAKERS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_DATE_SPEAKERS).fetch_all(pool).await?,
        ),
    };
    assert!(!kept.is_empty());
    assert_eq!(kept, fresh, "tally_date {when}");
    assert_eq!(kept_speakers, fresh_speakers, "tally_date_speaker {when}");
    let day = parse_date("2025-11-25");
    let from = StatementFilter {
        from: day,
        ..Default::default()
    };
    let to = StatementFilter {
        to: day,
        ..Default::default()
    };
    let filters = [
        from.clone(),
        to.clone(),
        StatementFilter {
            from: parse_date("2025-11-21"),
            to: parse_date("2025-12-01"),
            ..Default::default()
        },
        StatementFilter {
            provisions: PointNumber::new(21).into_iter().collect(),
            ..from.clone()
        },
        StatementFilter {
            categories: vec!["peace".into()],
            ..to.clone()
        },
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..from.clone()
        },
        StatementFilter {
            stances: vec![Stance::Opposes],
            ..to.clone()
        },
        StatementFilter {
            speakers: vec!["mark-rutte".into()],
            ..from.clone()
        },
    ];
    assert_filters_agree(db, &filters, when).await
}

/// Every facet and the totals of each of `filters`, as the tallies give them, equal those
/// counted from the statements (the same filter with every source and both review states
/// selected, which no tally answers).
async fn assert_filters_agree(
    db: &Db,
    filters: &[pointwise::db::models::StatementFilter],
    when: &str,
) -> anyhow::Result<()> {
    use pointwise::db::models::StatementFilter;
    use pointwise::db::queries::{Facet, statement_stats};
    let all_sources: Vec<i64> = counted(db, "select cast(id as text), id from source")
        .await?
        .into_values()
        .collect();
    let facets = [
        Facet::Provision,
        Facet::Category,
        Facet::Speaker,
        Facet::Source,
        Facet::Kind,
        Facet::Stance,
        Facet::Reviewed,
        Facet::Version,
    ];
    let mut seen = 0;
    for f in filters {
        let scanned = StatementFilter {
            sources: all_sources.clone(),
            reviewed: vec!["yes".into(), "no".into()],
            ..f.clone()
        };
        for which in facets {
            // Act
            let from_counts = facet(db, f, which).await?;
            // Assert
            assert_eq!(
                from_counts,
                facet(db, &scanned, which).await?,
                "{which:?} under {f:?} {when}"
            );
            seen += from_counts.values().sum::<i64>();
        }
        let (a, b) = (
            statement_stats(db, f).await?,
            statement_stats(db, &scanned).await?,
        );
        assert_eq!(
            [a.statements, a.speakers, a.sources],
            [b.statements, b.speakers, b.sources],
            "totals under {f:?} {when}"
        );
    }
    assert!(seen > 0, "the filters hold statements {when}");
    Ok(())
}

/// `tally_count_category` as stored (migration 0014), and counted afresh from the statements.
const KEPT_CATEGORY_COUNTS: &str =
    "select category, cast(id as text), statements from tally_count_category order by 1, 2";
const FRESH_CATEGORY_COUNTS: &str =
    "select v.category, cast(t.source_id as text), count(distinct t.id)
     from statement t join statement_provision l on l.statement_id = t.id
     join provision v on v.number = l.provision where v.category is not null
     group by 1, 2 order by 1, 2";

type CategoryCountRow = (String, String, i64);

/// `tally_count_set` as stored (migration 0017: each set of categories per source, in all and
/// by kind and stance), and counted afresh from the statements.
const KEPT_SET_COUNTS: &str =
    "select category_set || '/' || kind || '/' || stance, cast(id as text), statements
     from tally_count_set order by 1, 2";
const FRESH_SET_COUNTS: &str = concat!(
    "select x.k, cast(t.source_id as text), count(*)
     from (select c.statement_id, c.category_set || '//' as k from ",
    category_sets!(),
    " c
           union all select c.statement_id, c.category_set || '/' || u.kind || '/' || u.stance
               from ",
    category_sets!(),
    " c join statement u on u.id = c.statement_id) x
     join statement t on t.id = x.statement_id
     group by 1, 2 order by 1, 2"
);

/// `tally_count_version` as stored (migrations 0015 and 0016: each version alone and by kind,
/// stance or both), and counted afresh from the statements.
const KEPT_VERSION_COUNTS: &str =
    "select version, cast(id as text), statements from tally_count_version order by 1, 2";
const FRESH_VERSION_COUNTS: &str = "select x.version, cast(t.source_id as text), count(*)
     from (select statement_id, version from statement_version
           union all select w.statement_id, w.version || '/' || u.kind || '/' || u.stance
               from statement_version w join statement u on u.id = w.statement_id
           union all select w.statement_id, w.version || '/' || u.kind || '/'
               from statement_version w join statement u on u.id = w.statement_id
           union all select w.statement_id, w.version || '//' || u.stance
               from statement_version w join statement u on u.id = w.statement_id) x
     join statement t on t.id = x.statement_id
     group by 1, 2 order by 1, 2";

/// Every facet and the totals of filters by a version (alone, every version, with a kind, a
/// stance, both, two kinds, a date range, a date range with a kind or a stance, and with a
/// point, which no tally answers; every version with a kind), read from the rows by version,
/// equal those counted from the statements; and `tally_count_version` equals a fresh count.
async fn assert_version_counts_agree(db: &Db, when: &str) -> anyhow::Result<()> {
    use pointwise::db::models::{StatementFilter, parse_date};
    use pointwise::model::{Kind, PointNumber, Stance};
    let (kept, fresh): (Vec<CategoryCountRow>, Vec<CategoryCountRow>) = match db {
        Db::Sqlite(pool) => (
            sqlx::query_as(KEPT_VERSION_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_VERSION_COUNTS).fetch_all(pool).await?,
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(KEPT_VERSION_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_VERSION_COUNTS).fetch_all(pool).await?,
        ),
    };
    assert!(!kept.is_empty());
    assert_eq!(kept, fresh, "tally_count_version {when}");
    let versions: Vec<String> = counted(
        db,
        "select version, count(*) from statement_version group by version",
    )
    .await?
    .into_keys()
    .collect();
    assert!(!versions.is_empty(), "statements speak of versions {when}");
    let version = |v: &str| StatementFilter {
        versions: vec![v.into()],
        ..Default::default()
    };
    let mut filters = vec![
        StatementFilter {
            versions: versions.clone(),
            ..Default::default()
        },
        StatementFilter {
            versions: versions.clone(),
            kinds: vec![Kind::Quote],
            ..Default::default()
        },
    ];
    for v in &versions {
        filters.extend([
            version(v),
            StatementFilter {
                kinds: vec![Kind::Quote],
                ..version(v)
            },
            StatementFilter {
                stances: vec![Stance::Opposes],
                ..version(v)
            },
            StatementFilter {
                from: parse_date("2025-11-25"),
                ..version(v)
            },
            StatementFilter {
                to: parse_date("2025-11-25"),
                kinds: vec![Kind::Quote],
                ..version(v)
            },
            StatementFilter {
                to: parse_date("2025-11-25"),
                stances: vec![Stance::Opposes],
                ..version(v)
            },
            StatementFilter {
                kinds: vec![Kind::Quote],
                stances: vec![Stance::Opposes, Stance::Supports],
                ..version(v)
            },
            StatementFilter {
                kinds: vec![Kind::Quote, Kind::Paraphrase],
                ..version(v)
            },
            StatementFilter {
                provisions: PointNumber::new(6).into_iter().collect(),
                ..version(v)
            },
        ]);
    }
    assert_filters_agree(db, &filters, when).await
}

/// Every facet and the totals of filters by a category or a point (alone, with a kind, a
/// stance, a speaker, a date range) and by a kind, a stance or a speaker alone, read from the
/// tallies, equal those counted from the statements; and `tally_count_category` equals a
/// fresh count.
async fn assert_category_counts_agree(db: &Db, when: &str) -> anyhow::Result<()> {
    use pointwise::db::models::{StatementFilter, parse_date};
    use pointwise::model::{Kind, PointNumber, Stance};
    let (kept, fresh): (Vec<CategoryCountRow>, Vec<CategoryCountRow>) = match db {
        Db::Sqlite(pool) => (
            sqlx::query_as(KEPT_CATEGORY_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_CATEGORY_COUNTS)
                .fetch_all(pool)
                .await?,
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(KEPT_CATEGORY_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_CATEGORY_COUNTS)
                .fetch_all(pool)
                .await?,
        ),
    };
    assert!(!kept.is_empty());
    assert_eq!(kept, fresh, "tally_count_category {when}");
    let (kept, fresh): (Vec<CategoryCountRow>, Vec<CategoryCountRow>) = match db {
        Db::Sqlite(pool) => (
            sqlx::query_as(KEPT_SET_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_SET_COUNTS).fetch_all(pool).await?,
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(KEPT_SET_COUNTS).fetch_all(pool).await?,
            sqlx::query_as(FRESH_SET_COUNTS).fetch_all(pool).await?,
        ),
    };
    assert!(!kept.is_empty());
    assert_eq!(kept, fresh, "tally_count_set {when}");
    let categories = |cs: &[&str]| StatementFilter {
        categories: cs.iter().map(|c| c.to_string()).collect(),
        ..Default::default()
    };
    let category = |c: &str| StatementFilter {
        categories: vec![c.into()],
        ..Default::default()
    };
    let point = |p: i64| StatementFilter {
        provisions: PointNumber::new(p).into_iter().collect(),
        ..Default::default()
    };
    let peace = category("peace");
    let filters = [
        peace.clone(),
        category("guarantees"),
        category("europe"),
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..peace.clone()
        },
        StatementFilter {
            stances: vec![Stance::Opposes],
            ..category("guarantees")
        },
        StatementFilter {
            speakers: vec!["mark-rutte".into()],
            ..peace.clone()
        },
        StatementFilter {
            from: parse_date("2025-11-25"),
            ..peace.clone()
        },
        StatementFilter {
            to: parse_date("2025-11-25"),
            stances: vec![Stance::Opposes],
            ..category("guarantees")
        },
        point(21),
        point(6),
        point(0),
        StatementFilter::default(),
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..Default::default()
        },
        StatementFilter {
            stances: vec![Stance::Opposes],
            ..Default::default()
        },
        StatementFilter {
            speakers: vec!["mark-rutte".into()],
            ..Default::default()
        },
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..point(6)
        },
        StatementFilter {
            from: parse_date("2025-11-25"),
            ..point(6)
        },
        // several categories: the rows by set of categories
        categories(&["peace", "europe"]),
        categories(&["peace", "guarantees"]),
        categories(&["peace", "europe", "guarantees"]),
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..categories(&["peace", "europe"])
        },
        StatementFilter {
            from: parse_date("2025-11-25"),
            ..categories(&["peace", "guarantees"])
        },
        StatementFilter {
            to: parse_date("2025-11-25"),
            stances: vec![Stance::Opposes],
            ..categories(&["peace", "europe"])
        },
        StatementFilter {
            kinds: vec![Kind::Quote, Kind::Paraphrase],
            stances: vec![Stance::Opposes, Stance::Supports],
            from: parse_date("2025-11-21"),
            to: parse_date("2025-12-01"),
            ..categories(&["guarantees", "europe"])
        },
        StatementFilter {
            speakers: vec!["mark-rutte".into()],
            ..categories(&["peace", "europe"])
        },
    ];
    assert_filters_agree(db, &filters, when).await
}

/// `statement_provision_shared` as stored (migration 0018: the links of the statements about two
/// or more points), and found afresh from the links.
const KEPT_SHARED: &str =
    "select cast(statement_id as text) || '/' || cast(provision as text), provision
     from statement_provision_shared";
const FRESH_SHARED: &str =
    "select cast(statement_id as text) || '/' || cast(provision as text), provision
     from statement_provision where statement_id in
     (select statement_id from statement_provision group by statement_id having count(*) > 1)";

/// Every facet and the totals of filters by two and three points (alone, with a kind, a
/// stance and a date range, two kinds, a speaker), read from the counts of each point less
/// the statements they count twice, equal those counted from the statements; and
/// `statement_provision_shared` equals the links of the statements about several points.
async fn assert_point_counts_agree(db: &Db, when: &str) -> anyhow::Result<()> {
    use pointwise::db::models::{StatementFilter, parse_date};
    use pointwise::model::{Kind, PointNumber, Stance};
    let kept = counted(db, KEPT_SHARED).await?;
    assert_eq!(
        kept,
        counted(db, FRESH_SHARED).await?,
        "statement_provision_shared {when}"
    );
    // the points of a statement on several of them, and 6, 21 and 0
    let mut shared: Vec<i64> = kept
        .values()
        .copied()
        .collect::<BTreeSet<i64>>()
        .into_iter()
        .collect();
    shared.truncate(2);
    assert_eq!(shared.len(), 2, "a statement on two points {when}");
    let points = |ps: &[i64]| StatementFilter {
        provisions: ps.iter().filter_map(|p| PointNumber::new(*p)).collect(),
        ..Default::default()
    };
    let filters = [
        points(&shared),
        points(&[6, 21]),
        points(&[0, 6, 21]),
        points(&[shared[0], shared[1], 21]),
        StatementFilter {
            kinds: vec![Kind::Quote],
            ..points(&[6, 21])
        },
        StatementFilter {
            kinds: vec![Kind::Quote, Kind::Paraphrase],
            ..points(&shared)
        },
        StatementFilter {
            from: parse_date("2025-11-25"),
            ..points(&[6, 21])
        },
        StatementFilter {
            to: parse_date("2025-11-25"),
            stances: vec![Stance::Opposes, Stance::Neutral],
            ..points(&[0, 6, 21])
        },
        StatementFilter {
            speakers: vec!["mark-rutte".into()],
            ..points(&[6, 21])
        },
    ];
    assert_filters_agree(db, &filters, when).await
}

#[tokio::test]
async fn the_counts_of_date_ranges_categories_and_versions_equal_those_read_from_the_statements()
-> anyhow::Result<()> {
    use crate::editors_client::add_account;
    use pointwise::db::review::{Review, review};
    use pointwise::model::{Role, Stance};
    // Arrange: the seeds (2025-11-20 to 2025-12-02), one undated article and one of 2025-11-25
    let t = common::seeded_db().await?;
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("undated.txt"),
        "Plan talks\n\n\"We reject the plan's army cap,\" Kaja Kallas said.\n",
    )?;
    let dated = |said: &str| {
        format!(
            "Plan talks in Geneva\n2025-11-25\nReuters\n\n\"The 28-point plan {said} on Ukraine's army,\" Mark Rutte said.\n\n\"We oppose the territorial clauses of the plan,\" Dmitry Peskov said.\n"
        )
    };
    std::fs::write(dir.path().join("dated.txt"), dated("is a basis for peace"))?;
    run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    // Act and assert: as ingested
    assert_dated_counts_agree(&t.db, "after the ingest").await?;
    assert_category_counts_agree(&t.db, "after the ingest").await?;
    assert_version_counts_agree(&t.db, "after the ingest").await?;
    assert_point_counts_agree(&t.db, "after the ingest").await?;
    // Act: the dated article replaced by a new version (re-ingest)
    std::fs::write(dir.path().join("dated.txt"), dated("puts limits"))?;
    run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20).await?;
    assert_dated_counts_agree(&t.db, "after a re-ingest").await?;
    assert_category_counts_agree(&t.db, "after a re-ingest").await?;
    assert_version_counts_agree(&t.db, "after a re-ingest").await?;
    assert_point_counts_agree(&t.db, "after a re-ingest").await?;
    // Act: an editor moves a statement of the range to another point and stance
    let id: i64 = counted(
        &t.db,
        "select 'id', min(t.id) from statement t join source s on s.id = t.source_id
         where s.published_date = '2025-11-25'",
    )
    .await?
    .get("id")
    .copied()
    .ok_or_else(|| anyhow::anyhow!("no statement of 2025-11-25"))?;
    let ed = add_account(&t.db, "ed", Role::Editor).await?;
    let wanted = Review {
        points: Some(vec![6, 21]),
        stance: Some(Stance::Neutral),
        note: "checked".into(),
        ..Review::default()
    };
    review(&t.db, id, ed, "ed", &wanted).await?;
    // Assert
    assert_dated_counts_agree(&t.db, "after a review").await?;
    assert_category_counts_agree(&t.db, "after a review").await?;
    assert_version_counts_agree(&t.db, "after a review").await?;
    assert_point_counts_agree(&t.db, "after a review").await?;
    let crossed: i64 = counted(
        &t.db,
        "select 'n', count(*) from tally where provision <= -100",
    )
    .await?
    .get("n")
    .copied()
    .unwrap_or_default();
    assert!(crossed > 0, "a statement on points of two categories");
    Ok(())
}
