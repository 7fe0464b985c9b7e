//! What every handler can read: the state the router hands to each request.

use std::sync::Arc;

use sqlx::SqlitePool;

/// What every handler can read.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub pool: SqlitePool,
    /// Base URL for canonical links, without a trailing slash.
    pub public_url: Arc<str>,
}
