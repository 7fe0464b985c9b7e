//! The two backends' migrations give the same schema in meaning: the same tables with the same
//! columns. The full-text index is where they differ by design: SQLite keeps it in FTS5 tables
//! (`statement_fts`, `source_fts` and their shadow tables), PostgreSQL in a generated
//! `search` column of `statement` and `source`.

use crate::common::{postgres_test_db, test_db};

use pointwise::db::schema::{Columns, postgres_columns, sqlite_columns};

#[tokio::test]
async fn sqlite_and_postgres_have_the_same_tables_and_columns() -> anyhow::Result<()> {
    let Some(pg) = postgres_test_db("schema").await? else {
        return Ok(());
    };
    let sqlite = test_db().await?;
    let mut lite: Columns = sqlite_columns(&sqlite.pool).await?;
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
