//! The database handle every caller outside db/ holds: a SQLite or a PostgreSQL pool, chosen at
//! start-up, and the transaction of either.
//!
//! Each function of db/ takes a [`Db`] (or a [`Tx`]) and writes its body once: the macros
//! [`on_db!`](crate::db::on_db) and [`on_tx!`](crate::db::on_tx) expand it once per backend,
//! with `Backend` naming that backend's sqlx type (for `QueryBuilder::<Backend>`) and the
//! constant `PG` telling the two apart where the SQL text differs (`if PG { .. } else { .. }`
//! between two static strings).

use sqlx::postgres::PgPool;
use sqlx::{Postgres, Sqlite, SqlitePool, Transaction};

/// A pool of connections to the database, SQLite or PostgreSQL.
#[derive(Debug, Clone)]
pub enum Db {
    /// A SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL database.
    Postgres(PgPool),
}

impl From<SqlitePool> for Db {
    fn from(pool: SqlitePool) -> Self {
        Self::Sqlite(pool)
    }
}

impl From<PgPool> for Db {
    fn from(pool: PgPool) -> Self {
        Self::Postgres(pool)
    }
}

/// An open transaction on either backend.
#[derive(Debug)]
pub enum Tx {
    /// On SQLite.
    Sqlite(Transaction<'static, Sqlite>),
    /// On PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

/// `on_db!(db, |pool| body)`: expands `body` once per backend with `pool` bound to the pool of
/// `db` (a `Db` or `&Db`), the type `Backend` (`sqlx::Sqlite` or `sqlx::Postgres`), the
/// constant `PG` and `side` (that backend's halves of the [`per_backend!`] functions). Written
/// like a closure so that rustfmt formats the body; it is not one (`?` and `return` leave the
/// enclosing function).
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => {
                #[allow(dead_code)]
                type Backend = sqlx::Sqlite;
                #[allow(dead_code)]
                const PG: bool = false;
                #[allow(unused_imports)]
                use $crate::db::sqlite_side as side;
                $body
            }
            $crate::db::Db::Postgres($pool) => {
                #[allow(dead_code)]
                type Backend = sqlx::Postgres;
                #[allow(dead_code)]
                const PG: bool = true;
                #[allow(unused_imports)]
                use $crate::db::postgres_side as side;
                $body
            }
        }
    };
}
pub(crate) use on_db;

/// `on_tx!(tx, |conn| body)`: expands `body` once per backend with `conn` bound to the
/// connection of the transaction `tx` (a `&mut Tx`), and `Backend`, `PG` and `side` as in
/// [`on_db!`].
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match &mut *$tx {
            $crate::db::Tx::Sqlite(open) => {
                #[allow(dead_code)]
                type Backend = sqlx::Sqlite;
                #[allow(dead_code)]
                const PG: bool = false;
                #[allow(unused_imports)]
                use $crate::db::sqlite_side as side;
                let $conn: &mut sqlx::SqliteConnection = &mut **open;
                $body
            }
            $crate::db::Tx::Postgres(open) => {
                #[allow(dead_code)]
                type Backend = sqlx::Postgres;
                #[allow(dead_code)]
                const PG: bool = true;
                #[allow(unused_imports)]
                use $crate::db::postgres_side as side;
                let $conn: &mut sqlx::PgConnection = &mut **open;
                $body
            }
        }
    };
}
pub(crate) use on_tx;

/// Compiles `$item`s (functions on a connection, which call each other) once per backend, in
/// the modules `on_sqlite` and `on_postgres` of the file; each sees the file's items, `Conn`
/// (the backend's connection type), `Backend`, `PG`, and `side`: the same backend's modules of
/// the other files (`side::tally::count_batch`).
macro_rules! per_backend {
    ($($item:item)*) => {
        pub(crate) mod on_sqlite {
            #![allow(unused_imports, dead_code)]
            use super::*;
            use $crate::db::sqlite_side as side;
            pub(crate) type Conn = sqlx::SqliteConnection;
            type Backend = sqlx::Sqlite;
            const PG: bool = false;
            $($item)*
        }
        pub(crate) mod on_postgres {
            #![allow(unused_imports, dead_code)]
            use super::*;
            use $crate::db::postgres_side as side;
            pub(crate) type Conn = sqlx::PgConnection;
            type Backend = sqlx::Postgres;
            const PG: bool = true;
            $($item)*
        }
    };
}
pub(crate) use per_backend;

impl Db {
    /// Whether this is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres(_))
    }

    /// Begins a transaction for reads and small writes.
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Begins a transaction that will write: on SQLite `begin immediate`, which takes the write
    /// lock at once (so what it reads cannot change before it commits); on PostgreSQL a plain
    /// `begin` (rows and constraints lock as they are written).
    pub async fn begin_write(&self) -> sqlx::Result<Tx> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin_with("begin immediate").await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Closes the pool (waits for its connections to be returned).
    pub async fn close_pool(&self) {
        match self {
            Self::Sqlite(pool) => pool.close().await,
            Self::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    /// Commits the transaction.
    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Self::Sqlite(tx) => tx.commit().await,
            Self::Postgres(tx) => tx.commit().await,
        }
    }

    /// Rolls the transaction back.
    pub async fn rollback(self) -> sqlx::Result<()> {
        match self {
            Self::Sqlite(tx) => tx.rollback().await,
            Self::Postgres(tx) => tx.rollback().await,
        }
    }
}

/// A value the query builders bind on the backend `DB` (the helpers that build a query for
/// either backend ask this of the types they bind).
pub trait Param<DB: sqlx::Database>:
    for<'a> sqlx::Encode<'a, DB> + sqlx::Type<DB> + Send + Clone + 'static
{
}

impl<DB: sqlx::Database, T> Param<DB> for T where
    T: for<'a> sqlx::Encode<'a, DB> + sqlx::Type<DB> + Send + Clone + 'static
{
}

/// Whether `DB` is PostgreSQL (for the helpers generic over the backend, which cannot see the
/// `PG` of `on_db!`).
pub fn is_pg<DB: sqlx::Database>() -> bool {
    DB::NAME == "PostgreSQL"
}
