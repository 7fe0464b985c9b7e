//! Failed sign-ins, counted per account name and per address: after [`FREE_FAILURES`] the next
//! attempts are slowed (a growing delay), and after [`MAX_FAILURES`] within [`WINDOW`] refused
//! (429) until the window has passed. A name that has no account is counted like one that has,
//! so the answers never tell them apart. The counts live in the database ([`crate::db::sign_in`]),
//! so every server on it sees the same ones and a restart forgets none.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::db::{Db, sign_in};

/// Failures allowed before the attempts are slowed.
pub const FREE_FAILURES: u32 = 3;
/// Failures after which the attempts are refused until [`WINDOW`] has passed.
pub const MAX_FAILURES: u32 = 10;
/// How long failures are remembered.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The longest delay before an attempt is answered.
const MAX_DELAY: Duration = Duration::from_secs(4);

/// What to do with a sign-in attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Try it, after this delay.
    Try(Duration),
    /// Refuse it (429).
    Refuse,
}

/// The sign-in throttle's policy; the failures it reads and counts are in the database.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    /// The first delay (doubled at each failure after, up to [`MAX_DELAY`]).
    unit: Duration,
}

impl Default for Throttle {
    fn default() -> Self {
        Self::with_unit(Duration::from_millis(250))
    }
}

impl Throttle {
    /// A throttle whose first delay is `unit` (tests use a short one).
    pub fn with_unit(unit: Duration) -> Self {
        Self { unit }
    }

    /// What to do with an attempt for `account` from `address`: the worse of the two.
    pub async fn verdict(&self, db: &Db, account: &str, address: &str) -> sqlx::Result<Verdict> {
        let keys = keys(account, address);
        let count = sign_in::failures(db, [&keys[0], &keys[1]], window_start()).await?;
        Ok(self.verdict_for(u32::try_from(count).unwrap_or(u32::MAX)))
    }

    /// The verdict after `count` failures within the window.
    fn verdict_for(&self, count: u32) -> Verdict {
        if count >= MAX_FAILURES {
            Verdict::Refuse
        } else if count >= FREE_FAILURES {
            let steps = count - FREE_FAILURES;
            Verdict::Try((self.unit * (1u32 << steps.min(8))).min(MAX_DELAY))
        } else {
            Verdict::Try(Duration::ZERO)
        }
    }

    /// Counts a failed attempt.
    pub async fn failed(&self, db: &Db, account: &str, address: &str) -> sqlx::Result<()> {
        let keys = keys(account, address);
        sign_in::record_failure(db, [&keys[0], &keys[1]], now(), window_start()).await
    }

    /// Forgets the account's failures after a successful sign-in (the address's stay).
    pub async fn succeeded(&self, db: &Db, account: &str) -> sqlx::Result<()> {
        sign_in::forget(db, &key("account", account)).await
    }
}

/// Unix seconds now.
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Failures whose first is at or before this are forgotten.
fn window_start() -> i64 {
    now() - i64::try_from(WINDOW.as_secs()).unwrap_or(0)
}

fn keys(account: &str, address: &str) -> [String; 2] {
    [key("account", account), key("address", address)]
}

fn key(what: &str, value: &str) -> String {
    format!("{what}:{}", value.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_free_then_slowed_doubling_then_refused() {
        let t = Throttle::default();
        assert_eq!(t.verdict_for(0), Verdict::Try(Duration::ZERO));
        assert_eq!(
            t.verdict_for(FREE_FAILURES - 1),
            Verdict::Try(Duration::ZERO)
        );
        assert_eq!(
            t.verdict_for(FREE_FAILURES),
            Verdict::Try(Duration::from_millis(250))
        );
        assert_eq!(
            t.verdict_for(FREE_FAILURES + 1),
            Verdict::Try(Duration::from_millis(500))
        );
        assert_eq!(t.verdict_for(MAX_FAILURES - 1), Verdict::Try(MAX_DELAY));
        assert_eq!(t.verdict_for(MAX_FAILURES), Verdict::Refuse);
    }

    #[test]
    fn names_and_addresses_are_counted_apart_and_without_case() {
        assert_eq!(keys("Ann", "1.2.3.4"), ["account:ann", "address:1.2.3.4"]);
    }
}
