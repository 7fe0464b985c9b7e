//! Editors' accounts and their sign-in sessions (migration 0009). Only hashes are stored: the
//! argon2id string of a password ([`crate::password`]) and the SHA-256 of a session id.

use sqlx::FromRow;

use super::{Db, Param, on_db};

use crate::model::Role;

/// An account as `user list` and the sign-in read it.
#[derive(Debug, Clone, FromRow)]
pub struct Account {
    /// Id.
    pub id: i64,
    /// Name (unique, case-insensitive).
    pub name: String,
    /// Editor or admin.
    pub role: Role,
    /// The argon2id PHC string.
    pub password_hash: String,
    /// A disabled account cannot sign in, and its sessions are gone.
    pub disabled: bool,
    /// When it was made.
    pub created_at: String,
}

/// A signed-in session with its account.
#[derive(Debug, Clone, FromRow)]
pub struct Session {
    /// The account.
    pub account_id: i64,
    /// Its name.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// Whether it was disabled since.
    pub disabled: bool,
    /// The session's CSRF token.
    pub csrf: String,
    /// Unix seconds of the sign-in.
    pub created_at: i64,
    /// Unix seconds of the last request.
    pub seen_at: i64,
}

/// Adds an account; `Ok(None)` when the name is taken.
pub async fn add(
    db: &Db,
    name: &str,
    role: Role,
    password_hash: &str,
) -> sqlx::Result<Option<i64>> {
    on_db!(db, |pool| {
        // names are unique whatever their case: `collate nocase` on SQLite, a unique index on
        // `lower(name)` on PostgreSQL
        sqlx::query_scalar(if PG {
            "insert into account (name, role, password_hash) values ($1, $2, $3)
             on conflict (lower(name)) do nothing returning id"
        } else {
            "insert into account (name, role, password_hash) values ($1, $2, $3)
             on conflict (name) do nothing returning id"
        })
        .bind(name)
        .bind(role)
        .bind(password_hash)
        .fetch_optional(pool)
        .await
    })
}

/// Every account, by name.
pub async fn list(db: &Db) -> sqlx::Result<Vec<Account>> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "select id, name, role, password_hash, disabled <> 0 as disabled, created_at
             from account order by name",
        )
        .fetch_all(pool)
        .await
    })
}

/// The account named `name` (case-insensitive), if any.
pub async fn by_name(db: &Db, name: &str) -> sqlx::Result<Option<Account>> {
    on_db!(db, |pool| {
        sqlx::query_as(if PG {
            "select id, name, role, password_hash, disabled <> 0 as disabled, created_at
             from account where lower(name) = lower($1)"
        } else {
            "select id, name, role, password_hash, disabled <> 0 as disabled, created_at
             from account where name = $1"
        })
        .bind(name)
        .fetch_optional(pool)
        .await
    })
}

/// Disables (or enables again) an account and ends its sessions; false when there is none.
pub async fn set_disabled(db: &Db, name: &str, disabled: bool) -> sqlx::Result<bool> {
    let update = if db.is_postgres() {
        "update account set disabled = $1 where lower(name) = lower($2) returning id"
    } else {
        "update account set disabled = $1 where name = $2 returning id"
    };
    update_ending_sessions(db, update, i64::from(disabled), name).await
}

/// Sets a new password hash and ends the account's sessions; false when there is none.
pub async fn set_password(db: &Db, name: &str, password_hash: &str) -> sqlx::Result<bool> {
    let update = if db.is_postgres() {
        "update account set password_hash = $1 where lower(name) = lower($2) returning id"
    } else {
        "update account set password_hash = $1 where name = $2 returning id"
    };
    update_ending_sessions(db, update, password_hash.to_string(), name).await
}

/// Runs `update` (which sets a column to `$1` on the account named `$2` and returns its id)
/// and ends that account's sessions, in one transaction; false when no account matched.
async fn update_ending_sessions<T>(
    db: &Db,
    update: &'static str,
    value: T,
    name: &str,
) -> sqlx::Result<bool>
where
    T: Param<sqlx::Sqlite> + Param<sqlx::Postgres>,
{
    on_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(update)
            .bind(value)
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(id) = id {
            sqlx::query("delete from session where account_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id.is_some())
    })
}

/// Stores a new session (by the hash of its id) for `account_id`.
pub async fn start_session(
    db: &Db,
    id_hash: &str,
    account_id: i64,
    csrf: &str,
    now: i64,
) -> sqlx::Result<()> {
    on_db!(db, |pool| {
        sqlx::query(
        "insert into session (id_hash, account_id, csrf, created_at, seen_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(id_hash)
    .bind(account_id)
    .bind(csrf)
    .bind(now)
    .bind(now)
    .execute(pool)
    .await?;
        Ok(())
    })
}

/// The session whose id hashes to `id_hash`, with its account.
pub async fn session(db: &Db, id_hash: &str) -> sqlx::Result<Option<Session>> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "select s.account_id, a.name, a.role, a.disabled <> 0 as disabled, s.csrf, s.created_at, s.seen_at
         from session s join account a on a.id = s.account_id where s.id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(pool)
        .await
    })
}

/// Records a request of the session (its idle time starts again).
pub async fn touch_session(db: &Db, id_hash: &str, now: i64) -> sqlx::Result<()> {
    on_db!(db, |pool| {
        sqlx::query("update session set seen_at = $1 where id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(pool)
            .await?;
        Ok(())
    })
}

/// Ends a session.
pub async fn end_session(db: &Db, id_hash: &str) -> sqlx::Result<()> {
    on_db!(db, |pool| {
        sqlx::query("delete from session where id_hash = $1")
            .bind(id_hash)
            .execute(pool)
            .await?;
        Ok(())
    })
}

/// Removes the sessions idle since before `idle_before` or started before `started_before`.
pub async fn purge_sessions(db: &Db, idle_before: i64, started_before: i64) -> sqlx::Result<u64> {
    on_db!(db, |pool| {
        let done = sqlx::query("delete from session where seen_at < $1 or created_at < $2")
            .bind(idle_before)
            .bind(started_before)
            .execute(pool)
            .await?;
        Ok(done.rows_affected())
    })
}
