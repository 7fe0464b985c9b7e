//! The data version the server follows: the `meta` row `data_version`, bumped by every ingest
//! transaction (see [`crate::db::write::Writer::commit`]).
//!
//! A background task re-reads it every [`CHECK_EVERY`], so an ingest by another process is
//! noticed within that time, and a request only reads an atomic: a cache hit never waits for a
//! database connection, however busy the pool is.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::db::{Db, queries};

/// How often the data version is re-read from the database.
pub const CHECK_EVERY: Duration = Duration::from_millis(250);

/// The last data version read, shared by the requests and the task that refreshes it.
pub struct DataVersion {
    pool: Db,
    value: AtomicI64,
    known: AtomicBool,
}

impl DataVersion {
    /// Follows the version of `pool`'s database: a task re-reads it every [`CHECK_EVERY`] until
    /// the returned handle is dropped. Must be called inside a tokio runtime.
    pub fn watch(pool: Db) -> Arc<Self> {
        let this = Arc::new(Self {
            pool,
            value: AtomicI64::new(0),
            known: AtomicBool::new(false),
        });
        let weak = Arc::downgrade(&this);
        tokio::spawn(poll(weak));
        this
    }

    /// The version: the last one read (one query only before the first read has finished).
    pub async fn current(&self) -> i64 {
        if !self.known.load(Ordering::Acquire) {
            self.refresh().await;
        }
        self.value.load(Ordering::Acquire)
    }

    /// Reads the version now (after an ingest in this process, to skip the polling delay).
    pub async fn refresh(&self) {
        match queries::data_version(&self.pool).await {
            Ok(v) => {
                self.value.fetch_max(v, Ordering::AcqRel);
                self.known.store(true, Ordering::Release);
            }
            Err(e) => tracing::warn!(error = %e, "cannot read the data version"),
        }
    }
}

async fn poll(this: Weak<DataVersion>) {
    let mut tick = tokio::time::interval(CHECK_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let Some(version) = this.upgrade() else {
            return;
        };
        version.refresh().await;
    }
}
