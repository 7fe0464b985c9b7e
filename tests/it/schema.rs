//! The two backends' migrations give the same schema in meaning: the same tables with the same
//! columns. The full-text index is where they differ by design: SQLite keeps it in FTS5 tables
//! (`statement_fts`, `source_fts` and their shadow tables), PostgreSQL in a generated
//! `search` column of `statement` and `source`.

use crate::common::{postgres_test_db, sqlite_test_db};

use pointwise::db::schema::{Columns, postgres_columns, sqlite_columns};

#[tokio::test]
async fn sqlite_and_postgres_have_the_same_tables_and_columns() -> anyhow::Result<()> {
    let Some(pg) = postgres_test_db("schema").await? else {
        return Ok(());
    };
    let sqlite = sqlite_test_db().await?;
    let mut lite: Columns = sqlite_columns(sqlite.pool()).await?;
    let mut post: Columns = postgres_columns(&pg.pool).await?;
    pg.finish().await?;

    let fts: Vec<String> = lite
        .keys()
        .filter(|t| t.starts_with("statement_fts") || t.starts_with("source_fts"))
        .cloned()
        .collect();
    assert!(fts.len() >= 2, "SQLite has its FTS5 tables: {fts:?}");
    for t in fts {
        lite.remove(&t);
    }
    for table in ["statement", "source"] {
        let columns = post.get_mut(table).expect("table in PostgreSQL");
        assert!(columns.remove("search"), "{table}.search in PostgreSQL");
    }
    assert!(lite.len() >= 19, "{:?}", lite.keys());
    assert_eq!(lite, post);
    Ok(())
}

/// The model's stored types read and write the same on both backends: a point is an integer
/// (PostgreSQL has no unsigned byte) and a number outside the plan is an error, the enums are
/// text, and a sum of integers cast to bigint reads as `i64` (a plain `sum` of a bigint is
/// `numeric` on PostgreSQL).
#[tokio::test]
async fn model_types_read_and_write_alike_on_both_backends() -> anyhow::Result<()> {
    use pointwise::model::{Kind, PointNumber, Role, Stance};

    let sqlite = sqlite_test_db().await?;
    let p: PointNumber = sqlx::query_scalar("select cast(6 as bigint)")
        .fetch_one(sqlite.pool())
        .await?;
    assert_eq!(p.number(), 6);
    let bad = sqlx::query_scalar::<_, PointNumber>("select cast(29 as bigint)")
        .fetch_one(sqlite.pool())
        .await;
    assert!(bad.is_err(), "29 is no point of the plan: {bad:?}");
    let (s, k, r): (Stance, Kind, Role) = sqlx::query_as("select $1, $2, $3")
        .bind(Stance::Opposes)
        .bind(Kind::Paraphrase)
        .bind(Role::Admin)
        .fetch_one(sqlite.pool())
        .await?;
    assert_eq!((s, k, r), (Stance::Opposes, Kind::Paraphrase, Role::Admin));

    let Some(pg) = postgres_test_db("model_types").await? else {
        return Ok(());
    };
    let p: PointNumber = sqlx::query_scalar("select cast($1 as bigint)")
        .bind(PointNumber::new(28))
        .fetch_one(&pg.pool)
        .await?;
    assert_eq!(p.number(), 28);
    let bad = sqlx::query_scalar::<_, PointNumber>("select cast(-1 as bigint)")
        .fetch_one(&pg.pool)
        .await;
    assert!(bad.is_err(), "-1 is no point of the plan: {bad:?}");
    let (s, k, r): (Stance, Kind, Role) =
        sqlx::query_as("select cast($1 as text), cast($2 as text), cast($3 as text)")
            .bind(Stance::Mixed)
            .bind(Kind::Report)
            .bind(Role::Editor)
            .fetch_one(&pg.pool)
            .await?;
    assert_eq!((s, k, r), (Stance::Mixed, Kind::Report, Role::Editor));
    let total: i64 = sqlx::query_scalar(
        "select coalesce(cast(sum(n) as bigint), 0) from (values (cast(2 as bigint)), (3)) v(n)",
    )
    .fetch_one(&pg.pool)
    .await?;
    assert_eq!(total, 5);
    pg.finish().await?;
    Ok(())
}
