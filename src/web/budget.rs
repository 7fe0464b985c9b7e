//! Two budgets for renders (what the response cache did not answer): one for the expensive
//! pages (the matrix, a point, a speaker, every listing with a filter, the statement lists and
//! downloads) and one for everything else. Each is a semaphore taken without waiting: when a
//! budget is spent the request is answered 503 with `Retry-After` at once instead of queueing
//! until the timeout, and a flood of expensive misses never delays a cheap page.
//!
//! Each budget renders through its own router and database pool, so the expensive renders
//! cannot hold the connections a cheap page needs either.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;
use tower::ServiceExt;

use super::WebError;

/// Renders at once per budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Expensive renders at once.
    pub heavy: usize,
    /// Other renders at once.
    pub light: usize,
}

impl Default for Budgets {
    /// As many expensive renders as cores (at least 2, at most 8): they are CPU-bound, so more
    /// would only slow the cheap pages; 64 others.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self {
            heavy: cores.clamp(2, 8),
            light: 64,
        }
    }
}

/// The two routers and their semaphores.
pub struct Dispatch {
    heavy: (Router, Arc<Semaphore>),
    light: (Router, Arc<Semaphore>),
}

impl Dispatch {
    /// `heavy` and `light` are the same routes over different pools.
    pub fn new(budgets: Budgets, heavy: Router, light: Router) -> Arc<Self> {
        Arc::new(Self {
            heavy: (heavy, Arc::new(Semaphore::new(budgets.heavy.max(1)))),
            light: (light, Arc::new(Semaphore::new(budgets.light.max(1)))),
        })
    }

    /// Permits left in the expensive and the cheap budget.
    pub fn available(&self) -> (usize, usize) {
        (
            self.heavy.1.available_permits(),
            self.light.1.available_permits(),
        )
    }
}

/// Whether rendering `path?query` is expensive.
pub fn is_heavy(path: &str, query: Option<&str>) -> bool {
    if path.starts_with("/static/") {
        return false;
    }
    if query.is_some_and(|q| !q.is_empty()) {
        return true;
    }
    let mut parts = path.trim_start_matches('/').split('/');
    matches!(
        (parts.next(), parts.next()),
        (Some(""), None)
            | (
                Some("statements" | "statements.json" | "statements.csv" | "statements.atom"),
                None
            )
            | (Some("provisions" | "speakers"), Some(_))
    )
}

/// The answer when a budget is spent: the site's error page, 503, `Retry-After: 1`.
pub fn busy() -> Response {
    let mut r = WebError::Refused(
        StatusCode::SERVICE_UNAVAILABLE,
        "The server is busy; try again in a moment.".into(),
    )
    .into_response();
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    r
}

/// The fallback of the outer router: picks the budget, takes a permit or sheds the request.
pub async fn dispatch(State(d): State<Arc<Dispatch>>, req: Request) -> Response {
    let (router, budget) = if is_heavy(req.uri().path(), req.uri().query()) {
        &d.heavy
    } else {
        &d.light
    };
    let Ok(_permit) = budget.clone().try_acquire_owned() else {
        return busy();
    };
    match router.clone().oneshot(req).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expensive_pages_are_told_apart() {
        for (path, query) in [
            ("/", None),
            ("/statements", None),
            ("/statements.csv", None),
            ("/provisions/6", None),
            ("/speakers/dmitry-peskov", None),
            ("/sources", Some("q=army")),
        ] {
            assert!(is_heavy(path, query), "{path}");
        }
        for (path, query) in [
            ("/static/app.css", Some("v=1")),
            ("/statements/12", None),
            ("/sources/3", None),
            ("/speakers", None),
            ("/provisions", None),
            ("/sources", Some("")),
        ] {
            assert!(!is_heavy(path, query), "{path}");
        }
    }
}
