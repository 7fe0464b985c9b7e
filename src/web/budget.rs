//! Two budgets for renders (what the response cache did not answer): one for the expensive
//! pages (the matrix, a point, a speaker, every listing with a filter, the statement lists and
//! downloads) and one for everything else. Each lets a number of renders run and a bounded
//! number wait for them (two semaphores: a place in the budget is taken without waiting, a
//! turn to run is waited for); when every place is taken the request is answered 503 with
//! `Retry-After` at once instead of queueing until the timeout, and a flood of expensive misses
//! never delays a cheap page.
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

use crate::web::error::WebError;

/// Renders at once per budget, and how many more may wait for a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budgets {
    /// Expensive renders at once.
    pub heavy: usize,
    /// Expensive renders waiting for a turn at most.
    pub heavy_queue: usize,
    /// Other renders at once.
    pub light: usize,
    /// Other renders waiting for a turn at most.
    pub light_queue: usize,
}

impl Default for Budgets {
    /// As many expensive renders as cores (at least 2, at most 8): they are CPU-bound, so more
    /// would only slow the cheap pages; four times as many waiting. 64 others, 64 waiting.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let heavy = cores.clamp(2, 8);
        Self {
            heavy,
            heavy_queue: 4 * heavy,
            light: 64,
            light_queue: 64,
        }
    }
}

/// One budget: places (running or waiting) and turns (running).
struct Budget {
    router: Router,
    places: Arc<Semaphore>,
    turns: Arc<Semaphore>,
}

impl Budget {
    fn new(router: Router, run: usize, queue: usize) -> Self {
        let run = run.max(1);
        Self {
            router,
            places: Arc::new(Semaphore::new(run + queue)),
            turns: Arc::new(Semaphore::new(run)),
        }
    }
}

/// The two routers and their budgets.
pub struct Dispatch {
    heavy: Budget,
    light: Budget,
}

impl Dispatch {
    /// `heavy` and `light` are the same routes over different pools.
    pub fn new(budgets: Budgets, heavy: Router, light: Router) -> Arc<Self> {
        Arc::new(Self {
            heavy: Budget::new(heavy, budgets.heavy, budgets.heavy_queue),
            light: Budget::new(light, budgets.light, budgets.light_queue),
        })
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
    let budget = if is_heavy(req.uri().path(), req.uri().query()) {
        &d.heavy
    } else {
        &d.light
    };
    let Ok(_place) = budget.places.clone().try_acquire_owned() else {
        return busy();
    };
    let Ok(_turn) = budget.turns.clone().acquire_owned().await else {
        return busy();
    };
    match budget.router.clone().oneshot(req).await {
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
