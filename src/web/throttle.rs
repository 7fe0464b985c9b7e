//! Failed sign-ins, counted per account name and per address: after [`FREE_FAILURES`] the next
//! attempts are slowed (a growing delay), and after [`MAX_FAILURES`] within [`WINDOW`] refused
//! (429) until the window has passed. A name that has no account is counted like one that has,
//! so the answers never tell them apart. Kept in memory (a restart forgets them) and bounded.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before the attempts are slowed.
pub const FREE_FAILURES: u32 = 3;
/// Failures after which the attempts are refused until [`WINDOW`] has passed.
pub const MAX_FAILURES: u32 = 10;
/// How long failures are remembered.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The longest delay before an attempt is answered.
const MAX_DELAY: Duration = Duration::from_secs(4);
/// Keys remembered at most (the oldest are forgotten first).
const MAX_KEYS: usize = 10_000;

/// What to do with a sign-in attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Try it, after this delay.
    Try(Duration),
    /// Refuse it (429).
    Refuse,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    first: Instant,
}

/// The failures of the recent sign-ins.
#[derive(Debug)]
pub struct Throttle {
    failures: Mutex<HashMap<String, Failures>>,
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
        Self {
            failures: Mutex::default(),
            unit,
        }
    }

    /// What to do with an attempt for `account` from `address`: the worse of the two.
    pub fn verdict(&self, account: &str, address: &str) -> Verdict {
        let now = Instant::now();
        let Ok(map) = self.failures.lock() else {
            return Verdict::Refuse;
        };
        let count = [key("account", account), key("address", address)]
            .iter()
            .filter_map(|k| map.get(k))
            .filter(|f| now.duration_since(f.first) < WINDOW)
            .map(|f| f.count)
            .max()
            .unwrap_or(0);
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
    pub fn failed(&self, account: &str, address: &str) {
        let now = Instant::now();
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        if map.len() >= MAX_KEYS {
            map.retain(|_, f| now.duration_since(f.first) < WINDOW);
            if map.len() >= MAX_KEYS
                && let Some(oldest) = map
                    .iter()
                    .min_by_key(|(_, f)| f.first)
                    .map(|(k, _)| k.clone())
            {
                map.remove(&oldest);
            }
        }
        for k in [key("account", account), key("address", address)] {
            let f = map.entry(k).or_insert(Failures {
                count: 0,
                first: now,
            });
            if now.duration_since(f.first) >= WINDOW {
                *f = Failures {
                    count: 0,
                    first: now,
                };
            }
            f.count += 1;
        }
    }

    /// Forgets the account's failures after a successful sign-in (the address's stay).
    pub fn succeeded(&self, account: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&key("account", account));
        }
    }
}

fn key(what: &str, value: &str) -> String {
    format!("{what}:{}", value.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_slow_then_refuse_per_account_and_address() {
        let t = Throttle::default();
        assert_eq!(t.verdict("ann", "1.2.3.4"), Verdict::Try(Duration::ZERO));
        for _ in 0..FREE_FAILURES {
            t.failed("ann", "1.2.3.4");
        }
        assert_eq!(
            t.verdict("ANN", "5.6.7.8"),
            Verdict::Try(Duration::from_millis(250))
        );
        assert_eq!(
            t.verdict("bob", "1.2.3.4"),
            Verdict::Try(Duration::from_millis(250))
        );
        assert_eq!(t.verdict("bob", "5.6.7.8"), Verdict::Try(Duration::ZERO));
        for _ in FREE_FAILURES..MAX_FAILURES {
            t.failed("ann", "1.2.3.4");
        }
        assert_eq!(t.verdict("ann", "9.9.9.9"), Verdict::Refuse);
        assert_eq!(t.verdict("carl", "1.2.3.4"), Verdict::Refuse);
        t.succeeded("ann");
        assert_eq!(t.verdict("ann", "9.9.9.9"), Verdict::Try(Duration::ZERO));
    }
}
