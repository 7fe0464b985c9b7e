//! The response cache: the data changes only when an ingest runs, so each page is rendered once
//! per data version and then served from memory.
//!
//! - The data version comes from [`DataVersion`] (an atomic refreshed in the background), so a
//!   cache hit never waits for the database.
//! - GET and HEAD answers with status 200 and a text type (HTML, JSON, CSV, Atom, CSS) are kept
//!   under a normalised key: the path and the query pairs whose names the site reads (decoded,
//!   stably sorted by name, re-encoded). Other parameters and the `Accept` header do not reach
//!   the key: the site has one representation per URL, so they cannot change the answer.
//! - The store is a [`moka`] cache (least recently used out first) bounded in bytes, each entry
//!   weighed as everything it holds (key, body, gzip copy, headers, plus a fixed overhead) and
//!   at least `max_bytes / max_entries`, which bounds the number of entries too. A body over an
//!   eighth of the bound is not kept. A new data version empties it.
//! - Misses of one key are rendered once: moka's `try_get_with` runs one render and the other
//!   requests wait for it. When the rendering request is dropped (client gone, timeout), moka's
//!   guard removes its marker and a waiting request takes over, so nothing is left behind.
//! - Every such answer carries a weak ETag made of the version and the key, `Cache-Control:
//!   public, max-age=0, must-revalidate` and `X-Pointwise-Data-Version`; a request whose
//!   `If-None-Match` names the current ETag gets `304 Not Modified`.
//! - [`CacheConfig::enabled`] `false` keeps the headers and the 304s but renders every request
//!   (the "cold" figures of `bench/serve.sh`).

use std::collections::HashSet;
use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub use super::version::{CHECK_EVERY, DataVersion};

/// Default bound of the cache, in bytes of everything its entries hold.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Default bound of the number of entries.
pub const DEFAULT_MAX_ENTRIES: u64 = 4096;
/// What an entry costs beyond its bytes (moka's node, the `Arc`s, the header map).
const ENTRY_OVERHEAD: usize = 512;
/// The header that names the data version of an answer.
pub const VERSION_HEADER: HeaderName = HeaderName::from_static("x-pointwise-data-version");

const CACHE_CONTROL: HeaderValue = HeaderValue::from_static("public, max-age=0, must-revalidate");
const PRIVATE: HeaderValue = HeaderValue::from_static("private, no-store");

tokio::task_local! {
    static RENDER_VERSION: i64;
}

/// The data version of the page being rendered, for the footer (`""` outside a request).
pub fn footer_version() -> String {
    RENDER_VERSION
        .try_with(|v| v.to_string())
        .unwrap_or_default()
}

/// How the cache behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheConfig {
    /// `false` renders every request (headers and 304s stay).
    pub enabled: bool,
    /// Bound of the bytes the entries hold (key, bodies, headers).
    pub max_bytes: u64,
    /// Bound of the number of entries.
    pub max_entries: u64,
    /// The query parameter names the site reads: the others are left out of the key.
    pub query_names: HashSet<&'static str>,
}

impl Default for CacheConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            max_bytes: DEFAULT_MAX_BYTES,
            max_entries: DEFAULT_MAX_ENTRIES,
            query_names: HashSet::new(),
        }
    }
}

/// A normalised request: the data version it was answered under and its path and query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    version: i64,
    path: Box<str>,
}

/// One kept answer.
struct Entry {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    gzip: Option<Bytes>,
}

impl Entry {
    fn size(&self, key: &Key) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + 32)
            .sum();
        key.path.len()
            + self.body.len()
            + self.gzip.as_ref().map_or(0, Bytes::len)
            + headers
            + ENTRY_OVERHEAD
    }
}

/// A miss whose answer is not kept (not a 200 text page): the requests that waited for it
/// render their own.
#[derive(Debug)]
struct Uncacheable;

/// The cache and the data version it follows.
pub struct ResponseCache {
    config: CacheConfig,
    version: Arc<DataVersion>,
    store: moka::future::Cache<Key, Arc<Entry>>,
    /// The version the store holds entries of (emptied when a newer one is seen).
    store_version: AtomicI64,
    /// Renders under way (for tests and the benchmark's log).
    rendering: AtomicUsize,
}

impl ResponseCache {
    /// A cache following `version`.
    pub fn new(version: Arc<DataVersion>, config: CacheConfig) -> Arc<Self> {
        let floor = (config.max_bytes / config.max_entries.max(1)).max(1);
        // LRU, not moka's default TinyLFU: TinyLFU refuses a large entry (the matrix) when the
        // small ones it would evict were asked for more often in total, and a page refused
        // under a flood of expensive misses is a page shed with 503
        let store = moka::future::Cache::builder()
            .eviction_policy(moka::policy::EvictionPolicy::lru())
            .max_capacity(config.max_bytes)
            .weigher(move |k: &Key, v: &Arc<Entry>| {
                let w = (v.size(k) as u64).max(floor);
                u32::try_from(w).unwrap_or(u32::MAX)
            })
            .build();
        Arc::new(Self {
            config,
            version,
            store,
            store_version: AtomicI64::new(i64::MIN),
            rendering: AtomicUsize::new(0),
        })
    }

    /// The data version this cache follows.
    pub fn data_version(&self) -> &Arc<DataVersion> {
        &self.version
    }

    /// Entries kept and their weight in bytes, after moka's pending bookkeeping has run.
    pub async fn stats(&self) -> (u64, u64) {
        self.store.run_pending_tasks().await;
        (self.store.entry_count(), self.store.weighted_size())
    }

    /// Renders under way now.
    pub fn renders_in_flight(&self) -> usize {
        self.rendering.load(Ordering::Acquire)
    }

    /// The key of a request: `None` when its query cannot be decoded (it is rendered, not kept).
    fn key(&self, version: i64, req: &Request) -> Option<Key> {
        let path = req.uri().path();
        let Some(query) = req.uri().query() else {
            return Some(Key {
                version,
                path: path.into(),
            });
        };
        let mut pairs: Vec<(String, String)> = serde_html_form::from_str(query).ok()?;
        pairs.retain(|(name, _)| self.config.query_names.contains(name.as_str()));
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let query = serde_html_form::to_string(&pairs).ok()?;
        let path = if query.is_empty() {
            path.into()
        } else {
            format!("{path}?{query}").into()
        };
        Some(Key { version, path })
    }

    /// Empties the store when `version` is newer than what it holds.
    fn follow(&self, version: i64) {
        if self.store_version.fetch_max(version, Ordering::AcqRel) < version {
            self.store.invalidate_all();
        }
    }
}

/// Counts a render while it runs (dropped with it, whether it ends or is cancelled).
struct Rendering<'a>(&'a AtomicUsize);

impl<'a> Rendering<'a> {
    fn start(n: &'a AtomicUsize) -> Self {
        n.fetch_add(1, Ordering::AcqRel);
        Self(n)
    }
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// FNV-1a, for a short stable ETag suffix.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether an answer may be kept and shared: a text type, no cookie set, not marked `no-store`
/// (the sign-in form).
fn is_shareable(headers: &HeaderMap) -> bool {
    is_text(headers)
        && !headers.contains_key(header::SET_COOKIE)
        && !headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("no-store"))
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

/// The quality a client gives to `coding` in `Accept-Encoding`: its own entry wins over `*`;
/// absent from both, 0.
fn encoding_quality(headers: &HeaderMap, coding: &str) -> f32 {
    let mut own = None;
    let mut star = None;
    let entries = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for part in entries {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let q = it
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(coding) {
            own = Some(q);
        } else if name == "*" {
            star = Some(q);
        }
    }
    own.or(star).unwrap_or(0.0)
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    encoding_quality(headers, "gzip") > 0.0
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

/// What a request needs to be answered from an entry.
struct Ask {
    version: i64,
    etag: String,
    gzip_ok: bool,
    head: bool,
    conditional: Option<HeaderMap>,
}

impl Ask {
    fn answer(&self, entry: &Entry) -> Response {
        if self
            .conditional
            .as_ref()
            .is_some_and(|h| matches_etag(h, &self.etag))
        {
            return not_modified(&self.etag, self.version);
        }
        from_entry(entry, self.gzip_ok, self.head)
    }
}

/// The middleware: register with `axum::middleware::from_fn_with_state(cache, middleware)`.
pub async fn middleware(
    State(cache): State<Arc<ResponseCache>>,
    req: Request,
    next: Next,
) -> Response {
    let head = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head {
        // an editor's form: what it changed is seen by the next request, not 250 ms later
        let response = next.run(req).await;
        cache.version.refresh().await;
        return response;
    }
    if super::session::has_session_cookie(req.headers()) {
        // an editor's pages carry their name and forms: never kept, never served from here
        let mut response = next.run(req).await;
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, PRIVATE);
        return response;
    }
    let version = cache.version.current().await;
    cache.follow(version);
    let Some(key) = cache.key(version, &req) else {
        return next.run(req).await;
    };
    let ask = Ask {
        version,
        etag: format!("W/\"{version}-{:016x}\"", fnv(&key.path)),
        gzip_ok: accepts_gzip(req.headers()),
        head,
        conditional: req
            .headers()
            .contains_key(header::IF_NONE_MATCH)
            .then(|| req.headers().clone()),
    };
    if !cache.config.enabled {
        return render_uncached(version, &ask, req, next).await;
    }
    // one render per key: the first miss runs `init`, the others wait for its entry
    let mut turn = Some((req, next));
    let mut own = None;
    let kept = cache
        .store
        .try_get_with(key, async {
            let _counted = Rendering::start(&cache.rendering);
            let (mut req, next) = turn.take().ok_or(Uncacheable)?;
            *req.method_mut() = Method::GET; // a HEAD miss renders and keeps the page too
            let largest = (cache.config.max_bytes / 8) as usize;
            render_entry(version, &ask.etag, largest, req, next)
                .await
                .map_err(|response| {
                    own = Some(response);
                    Uncacheable
                })
        })
        .await;
    match (kept, own, turn) {
        (Ok(entry), _, _) => ask.answer(&entry),
        // this request's own render could not be kept (an error page, a non-text answer)
        (Err(_), Some(response), _) => response,
        // another request's render could not be kept: render this one
        (Err(_), None, Some((req, next))) => render_uncached(version, &ask, req, next).await,
        (Err(_), None, None) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Renders a request without keeping it (headers and 304 as for a kept one).
async fn render_uncached(version: i64, ask: &Ask, req: Request, next: Next) -> Response {
    let response = RENDER_VERSION.scope(version, next.run(req)).await;
    if response.status() != StatusCode::OK
        || !is_shareable(response.headers())
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    validators(&mut parts.headers, &ask.etag, version);
    if ask
        .conditional
        .as_ref()
        .is_some_and(|h| matches_etag(h, &ask.etag))
    {
        return not_modified(&ask.etag, version);
    }
    Response::from_parts(parts, body)
}

/// Renders a request into an entry, or gives back the answer when it cannot be kept (not a 200
/// text page, or a body over `largest` bytes).
async fn render_entry(
    version: i64,
    etag: &str,
    largest: usize,
    req: Request,
    next: Next,
) -> Result<Arc<Entry>, Response> {
    let response = RENDER_VERSION.scope(version, next.run(req)).await;
    if response.status() != StatusCode::OK
        || !is_shareable(response.headers())
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return Err(response);
    }
    let (mut parts, body) = response.into_parts();
    validators(&mut parts.headers, etag, version);
    let bytes = axum::body::to_bytes(body, usize::MAX).await.map_err(|e| {
        tracing::warn!(error = %e, "cannot read a response body for the cache");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })?;
    if bytes.len() > largest {
        return Err(Response::from_parts(parts, Body::from(bytes)));
    }
    parts
        .headers
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(Arc::new(Entry {
        status: parts.status,
        gzip: (bytes.len() > 1024).then(|| gzip(&bytes)).flatten(),
        headers: parts.headers,
        body: bytes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_accepted_unless_refused() {
        let mut h = HeaderMap::new();
        assert!(!accepts_gzip(&h));
        for (value, want) in [
            ("br, gzip", true),
            ("gzip;q=0, br", false),
            ("gzip;q=0, *", false),
            ("gzip; q=0.000", false),
            ("*", true),
            ("*;q=0", false),
            ("br;q=1, gzip;q=0.5", true),
            ("identity", false),
        ] {
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(value));
            assert_eq!(accepts_gzip(&h), want, "{value}");
        }
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
