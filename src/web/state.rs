//! What every handler can read: the state the router hands to each request.

use std::sync::Arc;

use crate::db::Db;
use crate::web::throttle::Throttle;

/// What every handler can read.
#[derive(Clone)]
pub struct AppState {
    /// The database, to read (the server's pool is read-only).
    pub pool: Db,
    /// Base URL for canonical links, without a trailing slash.
    pub public_url: Arc<str>,
    /// The database, to write: editors' sessions and corrections only.
    pub writer: Db,
    /// Whether cookies are sent `Secure` (the public URL is `https://`).
    pub secure_cookies: bool,
    /// The sign-in throttle's policy (the failures are counted in the database).
    pub throttle: Throttle,
}

impl AppState {
    /// A state reading and writing through `pool`, linking to `public_url`.
    pub fn new(pool: Db, public_url: &str) -> Self {
        let public_url = public_url.trim_end_matches('/');
        Self {
            writer: pool.clone(),
            pool,
            secure_cookies: public_url.starts_with("https://"),
            public_url: public_url.into(),
            throttle: Throttle::default(),
        }
    }
}
