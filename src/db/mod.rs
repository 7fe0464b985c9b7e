//! The database: connection, migrations and every SQL statement of the program.
//!
//! All SQL lives in this module's files behind plain functions ([`queries`] and [`statements`]
//! for the pages, [`facets`], [`matrix`], [`fts`] for search, [`mod@write`] and [`tally`] for the
//! ingest), so another backend can follow by re-implementing db/ alone.

pub mod accounts;
mod bulk;
pub mod facets;
pub mod fts;
pub mod matrix;
pub mod models;
pub mod queries;
pub mod review;
pub mod schema;
pub mod statements;
pub mod tally;
mod target;
pub mod versions;
pub mod write;

pub use target::{DbTarget, DbTargetError};

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// The SQLite migrations in `migrations/sqlite/`, embedded. Public so tests can run them.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

/// Opens (creating if needed) the SQLite database at `path` and runs the migrations.
///
/// WAL journal and a busy timeout let an ingest run while the server reads. Two processes
/// opening a new database at once would both create its tables: the switch to WAL and the
/// migrations run under an exclusive advisory lock on the file (`flock`, which does not touch
/// the byte-range locks SQLite itself takes), so the second waits and finds them done.
pub async fn connect(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(sqlx::Error::Io)?;
    let file = tokio::task::spawn_blocking(move || file.lock().map(|()| file))
        .await
        .map_err(|e| sqlx::Error::Io(std::io::Error::other(e)))?
        .map_err(sqlx::Error::Io)?;
    let pool = open_and_migrate(path).await;
    drop(file); // releases the lock
    pool
}

async fn open_and_migrate(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true)
        // the ingest's multi-row inserts keep their statement journal in memory, and a batch of
        // articles fits in the page cache (64 MB) instead of spilling to the WAL mid-transaction
        .pragma("temp_store", "memory")
        .pragma("cache_size", "-65536")
        // a checkpoint every 64 MB of log instead of SQLite's 4 MB: an ingest batch rewrites
        // the same pages of the counts and indexes, and each checkpoint copied them all back
        // to the file (31 GB written for a 1.7 GB database at 100k articles)
        .pragma("wal_autocheckpoint", "16384");
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Folds the write-ahead log into the database file and closes the pool, so that the file
/// alone is the whole database once the process has exited (a copy of it is a backup).
pub async fn close(pool: SqlitePool) -> Result<(), sqlx::Error> {
    let checkpoint = sqlx::query("pragma wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await;
    pool.close().await;
    checkpoint.map(|_| ())
}

/// How long a connection waits for a lock held by another before it gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens the database at `path` read-only, for the server: its connections never take a
/// write lock, so an ingest running beside it (in WAL mode) never makes a page wait or fail.
///
/// The database must exist and be migrated: call [`connect`] first.
pub async fn connect_read_only(
    path: &Path,
    max_connections: u32,
) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(true)
        .busy_timeout(BUSY_TIMEOUT)
        .foreign_keys(true)
        // pages are read from the OS's cache in place instead of copied into each
        // connection's own (the largest lists read a few thousand rows of a large file)
        .pragma("mmap_size", "1073741824")
        .pragma("cache_size", "-16384");
    SqlitePoolOptions::new()
        .max_connections(max_connections.max(1))
        .connect_with(options)
        .await
}

/// SQLite's own consistency check: `"ok"` when the file is sound, else the problems found.
pub async fn integrity_check(pool: &SqlitePool) -> Result<String, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar("pragma integrity_check")
        .fetch_all(pool)
        .await?;
    Ok(rows.join("; "))
}

/// FTS5's check of both full-text indexes against the rows they index (statement text, source
/// title and body): `Ok(())` when they agree, the error SQLite reports otherwise.
pub async fn search_index_check(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    sqlx::query("insert into statement_fts (statement_fts, rank) values ('integrity-check', 1)")
        .execute(pool)
        .await?;
    sqlx::query("insert into source_fts (source_fts, rank) values ('integrity-check', 1)")
        .execute(pool)
        .await?;
    Ok(())
}
