//! The database: connection, migrations and every SQL statement of the program.
//!
//! All SQL lives in this module's files behind plain functions ([`queries`] and [`statements`]
//! for the pages, [`facets`], [`matrix`], [`fts`] for search, [`mod@write`] and [`tally`] for the
//! ingest), so another backend can follow by re-implementing db/ alone.

pub mod accounts;
mod bulk;
mod corrections;
pub mod facets;
pub mod fts;
mod handle;
pub mod matrix;
pub mod models;
pub mod queries;
pub mod review;
pub mod schema;
pub mod sign_in;
pub mod statements;
pub mod tally;
mod target;
pub mod versions;
pub mod write;

pub use handle::{Db, Param, Tx, is_pg};
pub(crate) use handle::{on_db, on_tx, per_backend};

/// The SQLite halves of the functions written once for both backends ([`per_backend!`]).
pub(crate) mod sqlite_side {
    pub(crate) use super::bulk::on_sqlite as bulk;
    pub(crate) use super::corrections::on_sqlite as corrections;
    pub(crate) use super::matrix::on_sqlite as matrix;
    pub(crate) use super::queries::on_sqlite as queries;
    pub(crate) use super::tally::on_sqlite as tally;
    pub(crate) use super::versions::on_sqlite as versions;
    pub(crate) use super::write::on_sqlite as write;
}

/// The PostgreSQL halves of the functions written once for both backends ([`per_backend!`]).
pub(crate) mod postgres_side {
    pub(crate) use super::bulk::on_postgres as bulk;
    pub(crate) use super::corrections::on_postgres as corrections;
    pub(crate) use super::matrix::on_postgres as matrix;
    pub(crate) use super::queries::on_postgres as queries;
    pub(crate) use super::tally::on_postgres as tally;
    pub(crate) use super::versions::on_postgres as versions;
    pub(crate) use super::write::on_postgres as write;
}
pub use target::{DbTarget, DbTargetError};

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// The SQLite migrations in `migrations/sqlite/`, embedded. Public so tests can run them.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

/// Opens the database `target` names and runs its migrations: a SQLite file (created if
/// needed, see [`connect`]) or a PostgreSQL database (which must exist) with a pool of
/// `max_connections`.
pub async fn open(target: &DbTarget, max_connections: u32) -> Result<Db, sqlx::Error> {
    Ok(match target {
        DbTarget::Sqlite(path) => Db::Sqlite(connect(path).await?),
        DbTarget::Postgres(url) => {
            Db::Postgres(schema::connect_postgres(url, max_connections).await?)
        }
    })
}

/// A pool for the server's pages to read through, on a database [`open`] has migrated:
/// read-only connections to a SQLite file (see [`connect_read_only`]); on PostgreSQL a pool of
/// its own (PostgreSQL's readers never wait for a writer).
pub async fn open_reader(target: &DbTarget, max_connections: u32) -> Result<Db, sqlx::Error> {
    Ok(match target {
        DbTarget::Sqlite(path) => Db::Sqlite(connect_read_only(path, max_connections).await?),
        DbTarget::Postgres(url) => Db::Postgres(schema::postgres_pool(url, max_connections).await?),
    })
}

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

/// Closes the pool. On SQLite it first folds the write-ahead log into the database file, so
/// that the file alone is the whole database once the process has exited (a copy of it is a
/// backup); PostgreSQL has nothing to fold.
pub async fn close(db: Db) -> Result<(), sqlx::Error> {
    let checkpoint = match &db {
        Db::Sqlite(pool) => sqlx::query("pragma wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await
            .map(|_| ()),
        Db::Postgres(_) => Ok(()),
    };
    db.close_pool().await;
    checkpoint
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
/// PostgreSQL has no counterpart without an extension (amcheck): there it is an error saying
/// so, never an "ok" that checked nothing.
pub async fn integrity_check(db: &Db) -> Result<String, sqlx::Error> {
    match db {
        Db::Sqlite(pool) => {
            let rows: Vec<String> = sqlx::query_scalar("pragma integrity_check")
                .fetch_all(pool)
                .await?;
            Ok(rows.join("; "))
        }
        Db::Postgres(_) => Err(sqlx::Error::Configuration(
            "integrity_check: SQLite's file check has no PostgreSQL counterpart".into(),
        )),
    }
}

/// Checks both full-text indexes against the rows they index (statement text, source title
/// and body): `Ok(())` when they agree, an error otherwise. On SQLite, FTS5's integrity-check;
/// on PostgreSQL, that every stored `search` vector equals the one its text makes now.
pub async fn search_index_check(db: &Db) -> Result<(), sqlx::Error> {
    match db {
        Db::Sqlite(pool) => {
            sqlx::query(
                "insert into statement_fts (statement_fts, rank) values ('integrity-check', 1)",
            )
            .execute(pool)
            .await?;
            sqlx::query("insert into source_fts (source_fts, rank) values ('integrity-check', 1)")
                .execute(pool)
                .await?;
            Ok(())
        }
        Db::Postgres(pool) => {
            let stale: i64 = sqlx::query_scalar(
                "select (select count(*) from statement
                         where search is distinct from
                           to_tsvector('pointwise', replace(text, '<', chr(1))))
                      + (select count(*) from source
                         where search is distinct from
                           to_tsvector('pointwise', replace(title || ' ' || body, '<', chr(1))))",
            )
            .fetch_one(pool)
            .await?;
            if stale == 0 {
                Ok(())
            } else {
                Err(sqlx::Error::Protocol(format!(
                    "{stale} rows' search vectors differ from their text"
                )))
            }
        }
    }
}
