//! Failed sign-ins, counted per key (`account:<name>` or `address:<ip>`) in the database
//! (migration 0011), so that every server on the database sees the same counts. Times are Unix
//! seconds; the policy (how many, how long) is [`crate::web::throttle`]'s.

use super::{Db, on_db};

/// The largest failure count among `keys` whose first failure is after `since`.
pub async fn failures(db: &Db, keys: [&str; 2], since: i64) -> sqlx::Result<i64> {
    on_db!(db, |pool| {
        sqlx::query_scalar(
            "select coalesce(max(failures), 0) from sign_in_failure
             where key in ($1, $2) and first_at > $3",
        )
        .bind(keys[0])
        .bind(keys[1])
        .bind(since)
        .fetch_one(pool)
        .await
    })
}

/// Counts a failure for each of `keys` at `now`: a key whose first failure is at or before
/// `since` starts again from one. Rows that old are deleted in the same transaction.
pub async fn record_failure(db: &Db, keys: [&str; 2], now: i64, since: i64) -> sqlx::Result<()> {
    on_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        sqlx::query("delete from sign_in_failure where first_at <= $1")
            .bind(since)
            .execute(&mut *tx)
            .await?;
        for key in keys {
            // a key whose window ended was just deleted, so the conflict is always a live one
            sqlx::query(
                "insert into sign_in_failure (key, failures, first_at) values ($1, 1, $2)
                 on conflict (key) do update set failures = sign_in_failure.failures + 1",
            )
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })
}

/// Forgets the failures of `key` (after a successful sign-in).
pub async fn forget(db: &Db, key: &str) -> sqlx::Result<()> {
    on_db!(db, |pool| {
        sqlx::query("delete from sign_in_failure where key = $1")
            .bind(key)
            .execute(pool)
            .await?;
        Ok(())
    })
}
