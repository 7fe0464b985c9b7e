//! What the statement pages share about paging: the keyset pager of a page of its own (a
//! point, a speaker), its paging parameters, and the links and canonical address of a page.

use serde::Serialize;

use crate::db::models::{Cursor, Direction, StatementFilter, StatementRow};
use crate::web::WebResult;
use crate::web::filter::{PAGE_SIZE, RawStatementQuery, form, query_string};

/// `path`, with `?qs` when the query string is not empty.
pub fn with_query(path: &str, qs: &str) -> String {
    if qs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{qs}")
    }
}

/// `path` with the query string `qs` followed by `pairs` (form-encoded).
pub fn link<V: Serialize>(path: &str, qs: &str, pairs: &[(&str, V)]) -> String {
    let more = form(pairs);
    match (qs.is_empty(), more.is_empty()) {
        (true, _) => with_query(path, &more),
        (false, true) => with_query(path, qs),
        (false, false) => format!("{path}?{qs}&{more}"),
    }
}

/// `path` with the filter's query string.
pub fn href(path: &str, f: &StatementFilter) -> String {
    with_query(path, &query_string(f))
}

/// `path` with the filter and a cursor on `row` going `dir`.
pub fn cursor_href(path: &str, f: &StatementFilter, row: &StatementRow, dir: Direction) -> String {
    let key = match dir {
        Direction::After => "after",
        Direction::Before => "before",
    };
    link(path, &query_string(f), &[(key, Cursor::of(row).encode())])
}

/// Links to the first, previous and next pages of statements.
pub struct Pager {
    /// The first page, when this is not it.
    pub first: Option<String>,
    /// The previous page.
    pub prev: Option<String>,
    /// The next page.
    pub next: Option<String>,
}

/// Whether a page of `rows` read from `filter`'s cursor has a page before and after it
/// (`more`: more rows follow in the cursor's direction).
pub fn has_prev_next(filter: &StatementFilter, rows: &[StatementRow], more: bool) -> (bool, bool) {
    match filter.cursor.as_ref().map(|c| c.1) {
        Some(Direction::Before) => (more, !rows.is_empty()),
        Some(Direction::After) => (!rows.is_empty(), more),
        None => (filter.offset > 0 && !rows.is_empty(), more),
    }
}

/// The paging of a page of its own showing `rows` of `filter` (`more`: more rows follow in
/// its direction); links go to `base` with `size` (when not the default) and the cursor.
pub fn pager(base: &str, filter: &StatementFilter, rows: &[StatementRow], more: bool) -> Pager {
    let size: Vec<(&str, i64)> = if filter.limit == PAGE_SIZE {
        Vec::new()
    } else {
        vec![("size", filter.limit)]
    };
    let size = form(&size);
    let at = |key: &str, row: &StatementRow| link(base, &size, &[(key, Cursor::of(row).encode())]);
    let (has_prev, has_next) = has_prev_next(filter, rows, more);
    Pager {
        first: filter.cursor.is_some().then(|| with_query(base, &size)),
        prev: rows.first().filter(|_| has_prev).map(|r| at("before", r)),
        next: rows.last().filter(|_| has_next).map(|r| at("after", r)),
    }
}

/// The paging parameters of a page of its own (`after`, `before`, `size`), validated as for
/// `/statements` (a bad one is a 400 naming it); the rest of the query is not read.
pub fn paging(raw: &RawStatementQuery) -> WebResult<StatementFilter> {
    RawStatementQuery {
        after: raw.after.clone(),
        before: raw.before.clone(),
        size: raw.size.clone(),
        ..Default::default()
    }
    .parse()
}

/// `path` with the paging parameters of `raw` that are set (the canonical address of a page
/// of its own).
pub fn canonical_page(path: &str, raw: &RawStatementQuery) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("size", last(&raw.size)),
        ("after", last(&raw.after)),
        ("before", last(&raw.before)),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some((k, v?)))
    .collect();
    with_query(path, &form(&pairs))
}

/// The last non-empty value of a key, trimmed.
fn last(values: &[String]) -> Option<&str> {
    values.iter().map(|x| x.trim()).rfind(|x| !x.is_empty())
}
