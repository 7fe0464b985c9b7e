//! The PostgreSQL side of the schema (migrations/postgres/), and each backend's tables and
//! columns as the database itself lists them, so a test can hold the two schemas side by side.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::migrate::Migrator;
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{AssertSqlSafe, SqlitePool};

/// The PostgreSQL migrations in `migrations/postgres/`, embedded.
pub static PG_MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Tables and their columns, by name.
pub type Columns = BTreeMap<String, BTreeSet<String>>;

/// Opens the PostgreSQL database at `url` (which must exist) and runs its migrations; sqlx
/// holds an advisory lock while they run, so two processes starting at once apply them once.
pub async fn connect_postgres(url: &str, max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let pool = postgres_pool(url, max_connections).await?;
    PG_MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// A pool on the PostgreSQL database at `url`. The server's notices are not sent (sqlx would
/// log each: "relation already exists, skipping" at every start, "the text-search query
/// contains only stop words" at such a search); warnings and errors are.
pub async fn postgres_pool(url: &str, max_connections: u32) -> Result<PgPool, sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?.options([("client_min_messages", "warning")]);
    PgPoolOptions::new()
        .max_connections(max_connections.max(1))
        .connect_with(options)
        .await
}

/// The tables and columns of a SQLite database (sqlx's own table and SQLite's left out).
pub async fn sqlite_columns(pool: &SqlitePool) -> sqlx::Result<Columns> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select m.name, c.name from sqlite_master m join pragma_table_info(m.name) c
         where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
           and m.name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await?;
    Ok(collect(rows))
}

/// The tables and columns of a PostgreSQL database's `public` schema (sqlx's table left out).
pub async fn postgres_columns(pool: &PgPool) -> sqlx::Result<Columns> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select table_name::text, column_name::text from information_schema.columns
         where table_schema = 'public' and table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await?;
    Ok(collect(rows))
}

fn collect(rows: Vec<(String, String)>) -> Columns {
    let mut out = Columns::new();
    for (table, column) in rows {
        out.entry(table).or_default().insert(column);
    }
    out
}

/// Creates the PostgreSQL database `name` through the server at `admin_url` (for tests and
/// set-up scripts). `name` must be a plain identifier (letters, digits, `_`).
pub async fn create_postgres_database(admin_url: &str, name: &str) -> Result<(), sqlx::Error> {
    plain_identifier(name)?;
    admin_statement(admin_url, format!("create database {name}")).await
}

/// Drops the PostgreSQL database `name` (its connections ended first) through `admin_url`.
pub async fn drop_postgres_database(admin_url: &str, name: &str) -> Result<(), sqlx::Error> {
    plain_identifier(name)?;
    admin_statement(
        admin_url,
        format!("drop database if exists {name} with (force)"),
    )
    .await
}

/// Runs one statement on a connection of its own to the server at `admin_url`. The callers
/// build it around a checked plain identifier: no quoting needed, nothing else can reach it.
async fn admin_statement(admin_url: &str, sql: String) -> Result<(), sqlx::Error> {
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .connect(admin_url)
        .await?;
    let result = sqlx::raw_sql(AssertSqlSafe(sql))
        .execute(&pool)
        .await
        .map(|_| ());
    pool.close().await;
    result
}

fn plain_identifier(name: &str) -> Result<(), sqlx::Error> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(sqlx::Error::Configuration(
            format!("{name:?}: not a plain database name").into(),
        ))
    }
}
