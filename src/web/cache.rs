//! The response cache: the data changes only when an ingest runs, so each page is rendered once
//! per data version and then served from memory.
//!
//! - The data version is the `meta` row `data_version`, bumped by every ingest transaction
//!   (see [`crate::db::write::Writer::commit`]). The server re-reads it at most every
//!   [`CHECK_EVERY`] (one tiny query), and at once after an ingest in this process, so an
//!   ingest by another process is noticed within that time.
//! - GET and HEAD answers with status 200 and a text type (HTML, JSON, CSV, Atom, CSS) are kept
//!   under their path and query (and `Accept` header), with a gzip copy made once; the whole
//!   cache is dropped when the version changes and is bounded in bytes.
//! - Every such answer carries a weak ETag made of the version and the key, `Cache-Control:
//!   public, max-age=0, must-revalidate` and `X-Pointwise-Data-Version`; a request whose
//!   `If-None-Match` names the current ETag gets `304 Not Modified`.
//! - `POINTWISE_CACHE=off` keeps the headers and the 304s but renders every request (the "cold"
//!   figures of `bench/serve.sh`).

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sqlx::SqlitePool;

use crate::db::{self, queries};

/// How often the data version is re-read from the database, at most.
pub const CHECK_EVERY: Duration = Duration::from_millis(250);
/// Default bound of the cache, in bytes of bodies kept (plain and gzip).
pub const DEFAULT_MAX_BYTES: usize = 256 * 1024 * 1024;
/// The header that names the data version of an answer.
pub const VERSION_HEADER: HeaderName = HeaderName::from_static("x-pointwise-data-version");

const CACHE_CONTROL: HeaderValue = HeaderValue::from_static("public, max-age=0, must-revalidate");

tokio::task_local! {
    static RENDER_VERSION: i64;
}

/// The data version of the page being rendered, for the footer (`""` outside a request).
pub fn footer_version() -> String {
    RENDER_VERSION
        .try_with(|v| v.to_string())
        .unwrap_or_default()
}

/// One kept answer.
struct Entry {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    gzip: Option<Bytes>,
}

impl Entry {
    fn size(&self) -> usize {
        self.body.len() + self.gzip.as_ref().map_or(0, Bytes::len) + 256
    }
}

#[derive(Default)]
struct Store {
    version: i64,
    bytes: usize,
    entries: HashMap<String, Arc<Entry>>,
}

/// The cache and the data version it follows.
pub struct ResponseCache {
    pool: SqlitePool,
    enabled: bool,
    max_bytes: usize,
    version: AtomicI64,
    known: AtomicBool,
    checked_at: AtomicU64,
    seen_local: AtomicU64,
    start: Instant,
    store: Mutex<Store>,
    /// One gate per key being rendered: the requests that miss the same key wait for the
    /// first one's render instead of each rendering the page again.
    rendering: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl ResponseCache {
    /// A cache over `pool`; `enabled: false` renders every request (headers and 304s stay).
    pub fn new(pool: SqlitePool, enabled: bool, max_bytes: usize) -> Arc<Self> {
        Arc::new(Self {
            pool,
            enabled,
            max_bytes,
            version: AtomicI64::new(0),
            known: AtomicBool::new(false),
            checked_at: AtomicU64::new(0),
            seen_local: AtomicU64::new(u64::MAX),
            start: Instant::now(),
            store: Mutex::new(Store::default()),
            rendering: Mutex::new(HashMap::new()),
        })
    }

    /// Reads `POINTWISE_CACHE` (`off`, `0` or `false` disables the cache).
    pub fn from_env(pool: SqlitePool) -> Arc<Self> {
        let enabled = !matches!(
            std::env::var("POINTWISE_CACHE").as_deref(),
            Ok("off" | "0" | "false" | "no")
        );
        Self::new(pool, enabled, DEFAULT_MAX_BYTES)
    }

    /// The current data version: re-read when [`CHECK_EVERY`] has passed or this process has
    /// ingested since the last read.
    pub async fn version(&self) -> i64 {
        let now = self.start.elapsed().as_millis() as u64;
        let local = db::local_writes();
        let last = self.checked_at.load(Ordering::Acquire);
        let stale = !self.known.load(Ordering::Acquire)
            || now.saturating_sub(last) >= CHECK_EVERY.as_millis() as u64
            || self.seen_local.load(Ordering::Acquire) != local;
        if stale
            && (self.seen_local.swap(local, Ordering::AcqRel) != local
                || self
                    .checked_at
                    .compare_exchange(last, now.max(1), Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                || !self.known.load(Ordering::Acquire))
        {
            match queries::data_version(&self.pool).await {
                Ok(v) => {
                    self.version.store(v, Ordering::Release);
                    self.known.store(true, Ordering::Release);
                    self.checked_at.store(now.max(1), Ordering::Release);
                }
                Err(e) => tracing::warn!(error = %e, "cannot read the data version"),
            }
        }
        self.version.load(Ordering::Acquire)
    }

    fn get(&self, version: i64, key: &str) -> Option<Arc<Entry>> {
        let store = self.store.lock().ok()?;
        if store.version != version {
            return None;
        }
        store.entries.get(key).cloned()
    }

    fn put(&self, version: i64, key: String, entry: Entry) {
        let Ok(mut store) = self.store.lock() else {
            return;
        };
        if store.version != version {
            if version < store.version {
                return; // rendered before a newer version was seen: do not keep it
            }
            store.entries.clear();
            store.bytes = 0;
            store.version = version;
        }
        let size = entry.size();
        if size > self.max_bytes / 4 {
            return;
        }
        // evict arbitrary entries until the new one fits
        while store.bytes + size > self.max_bytes {
            let Some(k) = store.entries.keys().next().cloned() else {
                break;
            };
            if let Some(old) = store.entries.remove(&k) {
                store.bytes -= old.size();
            }
        }
        if let Some(old) = store.entries.insert(key, Arc::new(entry)) {
            store.bytes -= old.size();
        }
        store.bytes += size;
    }

    /// The gate of `key` (made when no render of it is under way).
    fn gate(&self, key: &str) -> Option<Arc<tokio::sync::Mutex<()>>> {
        let mut gates = self.rendering.lock().ok()?;
        Some(gates.entry(key.to_string()).or_default().clone())
    }

    /// Drops the gate of `key` once its render is over (later requests find the entry).
    fn ungate(&self, key: &str) {
        if let Ok(mut gates) = self.rendering.lock() {
            gates.remove(key);
        }
    }

    /// Entries kept and their bytes (for tests and the benchmark's log).
    pub fn stats(&self) -> (usize, usize) {
        self.store
            .lock()
            .map(|s| (s.entries.len(), s.bytes))
            .unwrap_or_default()
    }
}

/// FNV-1a, for a short stable ETag suffix.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn is_text(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| {
            t.starts_with("text/")
                || t.starts_with("application/json")
                || t.starts_with("application/atom+xml")
                || t.starts_with("application/xml")
        })
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';');
            let name = it.next().unwrap_or("").trim();
            let refused = it.any(|p| {
                let p = p.trim();
                p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    let bare = etag.trim_start_matches("W/");
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == bare)
}

fn gzip(body: &[u8]) -> Option<Bytes> {
    let mut enc = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::new(6),
    );
    enc.write_all(body).ok()?;
    enc.finish().ok().map(Bytes::from)
}

fn validators(headers: &mut HeaderMap, etag: &str, version: i64) {
    if let Ok(v) = HeaderValue::from_str(etag) {
        headers.insert(header::ETAG, v);
    }
    headers.insert(header::CACHE_CONTROL, CACHE_CONTROL);
    headers.insert(VERSION_HEADER, HeaderValue::from(version));
}

fn not_modified(etag: &str, version: i64) -> Response {
    let mut r = StatusCode::NOT_MODIFIED.into_response();
    validators(r.headers_mut(), etag, version);
    r
}

fn from_entry(e: &Entry, gzip_ok: bool, head: bool) -> Response {
    let (body, encoded) = match (&e.gzip, gzip_ok) {
        (Some(z), true) => (z.clone(), true),
        _ => (e.body.clone(), false),
    };
    let len = body.len();
    let mut r = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *r.status_mut() = e.status;
    *r.headers_mut() = e.headers.clone();
    if encoded {
        r.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    r.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    r
}

/// The middleware: register with `axum::middleware::from_fn_with_state(cache, middleware)`.
pub async fn middleware(
    State(cache): State<Arc<ResponseCache>>,
    req: Request,
    next: Next,
) -> Response {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        return next.run(req).await;
    }
    let version = cache.version().await;
    let path = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string());
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let key = format!("{path}\0{accept}");
    let etag = format!("W/\"{version}-{:016x}\"", fnv(&key));
    let gzip_ok = accepts_gzip(req.headers());
    let conditional = req.headers().contains_key(header::IF_NONE_MATCH);
    if cache.enabled
        && let Some(entry) = cache.get(version, &key)
    {
        if conditional && matches_etag(req.headers(), &etag) {
            return not_modified(&etag, version);
        }
        return from_entry(&entry, gzip_ok, head);
    }
    // one render per key at a time: who waited finds the entry the first one kept
    let gate = if cache.enabled && !head {
        cache.gate(&key)
    } else {
        None
    };
    let _turn = match &gate {
        Some(g) => Some(g.lock().await),
        None => None,
    };
    if gate.is_some()
        && let Some(entry) = cache.get(version, &key)
    {
        if conditional && matches_etag(req.headers(), &etag) {
            return not_modified(&etag, version);
        }
        return from_entry(&entry, gzip_ok, head);
    }
    let response = render(&cache, version, key.clone(), req, next, gzip_ok, &etag).await;
    if gate.is_some() {
        cache.ungate(&key);
    }
    response
}

/// Renders the request and keeps the answer when it can be kept.
async fn render(
    cache: &ResponseCache,
    version: i64,
    key: String,
    req: Request,
    next: Next,
    gzip_ok: bool,
    etag: &str,
) -> Response {
    let head = req.method() == Method::HEAD;
    let conditional = req.headers().contains_key(header::IF_NONE_MATCH);
    let inm = conditional.then(|| req.headers().clone());
    let response = RENDER_VERSION.scope(version, next.run(req)).await;
    if response.status() != StatusCode::OK
        || !is_text(response.headers())
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    validators(&mut parts.headers, etag, version);
    if inm.as_ref().is_some_and(|h| matches_etag(h, etag)) {
        return not_modified(etag, version);
    }
    if !cache.enabled || head {
        return Response::from_parts(parts, body);
    }
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read a response body for the cache");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    parts
        .headers
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let entry = Entry {
        status: parts.status,
        gzip: (bytes.len() > 1024).then(|| gzip(&bytes)).flatten(),
        headers: parts.headers,
        body: bytes,
    };
    let response = from_entry(&entry, gzip_ok, false);
    cache.put(version, key, entry);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_accepted_unless_refused() {
        let mut h = HeaderMap::new();
        assert!(!accepts_gzip(&h));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br, gzip"),
        );
        assert!(accepts_gzip(&h));
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0, br"),
        );
        assert!(!accepts_gzip(&h));
    }

    #[test]
    fn etags_match_weakly_and_in_lists() {
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"3-00ff\""),
        );
        assert!(matches_etag(&h, "W/\"3-00ff\""));
        assert!(!matches_etag(&h, "W/\"4-00ff\""));
    }
}
