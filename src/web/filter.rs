//! Query parameters of `/statements`, in two stages: [`RawStatementQuery`] takes anything
//! (and re-fills the form); [`RawStatementQuery::parse`] validates it into a
//! [`StatementFilter`] or says which parameter is wrong.

use serde::Deserialize;

use super::WebError;
use super::page::encode;
use crate::db::fts;
use crate::db::models::{Cursor, Direction, Sort, StatementFilter, is_date};
use crate::model::{Kind, Stance};

/// Rows per page of `/statements`.
pub const PAGE_SIZE: i64 = 50;
/// The most rows per page a `size` may ask for.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// The raw query string of `/statements`. Every key may repeat; empty values are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawStatementQuery {
    /// Point numbers, 0 to 28.
    pub provision: Vec<String>,
    /// Category slugs (peace, guarantees, europe, relations).
    pub category: Vec<String>,
    /// Speaker slugs.
    pub speaker: Vec<String>,
    /// Source ids.
    pub source: Vec<String>,
    /// quote, paraphrase, report.
    pub kind: Vec<String>,
    /// supports, opposes, mixed, neutral.
    pub stance: Vec<String>,
    /// Full-text search words (see [`crate::db::fts`]).
    pub q: Vec<String>,
    /// Articles dated on or after, YYYY-MM-DD.
    pub from: Vec<String>,
    /// Articles dated on or before, YYYY-MM-DD.
    pub to: Vec<String>,
    /// `date` (default), `-date` or `source`.
    pub sort: Vec<String>,
    /// Keyset cursor: the rows after this one.
    pub after: Vec<String>,
    /// Keyset cursor: the rows before this one.
    pub before: Vec<String>,
    /// Page number, from 1 (an offset; the pager's links use `after` and `before`).
    pub page: Vec<String>,
    /// Rows per page, 1 to [`MAX_PAGE_SIZE`] (default [`PAGE_SIZE`]).
    pub size: Vec<String>,
}

fn values(v: &[String]) -> impl Iterator<Item = &str> {
    v.iter().map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// The last non-empty value of a key that takes one value (a repeated key is not an error).
fn single(v: &[String]) -> Option<&str> {
    values(v).last()
}

fn slug_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn show(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The most pages a `page` may ask for.
const MAX_PAGE: i64 = 100_000;

/// A `page` parameter (its last non-empty value): the page asked for, from 1 (1 when there is
/// none), or a 400 naming the parameter. The one parser of every list's `page`.
pub fn page_number(raw: Option<&str>) -> Result<i64, WebError> {
    match raw.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(1),
        Some(p) => match p.parse::<i64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(WebError::BadRequest(format!(
                "The parameter page cannot be “{}”: it takes a page number from 1.",
                show(p)
            ))),
        },
    }
}

/// [`page_number`] of a key that may repeat.
pub fn last_page_number(raw: &[String]) -> Result<i64, WebError> {
    page_number(single(raw))
}

impl RawStatementQuery {
    /// Validates the parameters.
    pub fn parse(&self) -> Result<StatementFilter, WebError> {
        let bad = |name: &str, value: &str, want: &str| {
            WebError::BadRequest(format!(
                "The parameter {name} cannot be “{}”: {want}.",
                show(value)
            ))
        };
        let mut f = StatementFilter {
            limit: PAGE_SIZE,
            ..Default::default()
        };
        for v in values(&self.provision) {
            match v.parse::<i64>() {
                Ok(n) if (0..=28).contains(&n) => f.provisions.push(n),
                _ => return Err(bad("provision", v, "it takes a point number from 0 to 28")),
            }
        }
        for v in values(&self.category) {
            if !slug_ok(v) {
                return Err(bad("category", v, "it takes a category name such as peace"));
            }
            f.categories.push(v.to_string());
        }
        for v in values(&self.speaker) {
            if !slug_ok(v) {
                return Err(bad(
                    "speaker",
                    v,
                    "it takes a speaker identifier such as mark-rutte",
                ));
            }
            f.speakers.push(v.to_string());
        }
        for v in values(&self.source) {
            match v.parse::<i64>() {
                Ok(n) if n > 0 => f.sources.push(n),
                _ => return Err(bad("source", v, "it takes a source number")),
            }
        }
        for v in values(&self.kind) {
            if Kind::parse(v).is_none() {
                return Err(bad("kind", v, "it takes quote, paraphrase or report"));
            }
            f.kinds.push(v.to_string());
        }
        for v in values(&self.stance) {
            if Stance::parse(v).is_none() {
                return Err(bad(
                    "stance",
                    v,
                    "it takes supports, opposes, mixed or neutral",
                ));
            }
            f.stances.push(v.to_string());
        }
        if let Some(q) = single(&self.q) {
            if let Err(e) = fts::match_expression(q) {
                return Err(bad("q", q, &e.to_string()));
            }
            f.q = Some(q.to_string());
        }
        for (name, raw, slot) in [
            ("from", &self.from, &mut f.from),
            ("to", &self.to, &mut f.to),
        ] {
            if let Some(d) = single(raw) {
                if !is_date(d) {
                    return Err(bad(name, d, "it takes a date written YYYY-MM-DD"));
                }
                *slot = Some(d.to_string());
            }
        }
        if let (Some(a), Some(b)) = (&f.from, &f.to)
            && a > b
        {
            return Err(bad(
                "from",
                a,
                &format!("it must not be later than to ({b})"),
            ));
        }
        if let Some(v) = single(&self.sort) {
            f.sort =
                Sort::parse(v).ok_or_else(|| bad("sort", v, "it takes date, -date or source"))?;
        }
        let after = single(&self.after);
        let before = single(&self.before);
        if let (Some(_), Some(b)) = (after, before) {
            return Err(bad("before", b, "it cannot be used together with after"));
        }
        for (name, raw, dir) in [
            ("after", after, Direction::After),
            ("before", before, Direction::Before),
        ] {
            if let Some(v) = raw {
                let cursor = Cursor::decode(v)
                    .ok_or_else(|| bad(name, v, "it takes a position from the pager's links"))?;
                f.cursor = Some((cursor, dir));
            }
        }
        if let Some(v) = single(&self.size) {
            match v.parse::<i64>() {
                Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => f.limit = n,
                _ => {
                    return Err(bad(
                        "size",
                        v,
                        &format!("it takes a number of rows from 1 to {MAX_PAGE_SIZE}"),
                    ));
                }
            }
        }
        f.offset = (last_page_number(&self.page)? - 1) * f.limit;
        for list in [&mut f.provisions, &mut f.sources] {
            list.sort_unstable();
            list.dedup();
        }
        for list in [
            &mut f.categories,
            &mut f.speakers,
            &mut f.kinds,
            &mut f.stances,
        ] {
            list.sort();
            list.dedup();
        }
        Ok(f)
    }
}

/// The canonical query string of a filter (sorted, without empty values), without the page
/// or cursor.
pub fn query_string(f: &StatementFilter) -> String {
    let mut parts = Vec::new();
    parts.extend(f.provisions.iter().map(|p| format!("provision={p}")));
    parts.extend(
        f.categories
            .iter()
            .map(|c| format!("category={}", encode(c))),
    );
    parts.extend(f.speakers.iter().map(|s| format!("speaker={}", encode(s))));
    parts.extend(f.sources.iter().map(|s| format!("source={s}")));
    parts.extend(f.kinds.iter().map(|k| format!("kind={}", encode(k))));
    parts.extend(f.stances.iter().map(|s| format!("stance={}", encode(s))));
    if let Some(q) = &f.q {
        parts.push(format!("q={}", encode(q)));
    }
    if let Some(d) = &f.from {
        parts.push(format!("from={d}"));
    }
    if let Some(d) = &f.to {
        parts.push(format!("to={d}"));
    }
    if f.sort != Sort::default() {
        parts.push(format!("sort={}", encode(f.sort.as_str())));
    }
    if f.limit != PAGE_SIZE && f.limit > 0 {
        parts.push(format!("size={}", f.limit));
    }
    parts.join("&")
}

/// The raw query string of `/sources`: a search and a date range.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawSourceQuery {
    /// Full-text search over titles and bodies.
    pub q: Vec<String>,
    /// Articles dated on or after, YYYY-MM-DD.
    pub from: Vec<String>,
    /// Articles dated on or before, YYYY-MM-DD.
    pub to: Vec<String>,
    /// The list after this source (its id: the pager's link).
    pub after: Vec<String>,
}

/// A validated `/sources` query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceFilter {
    /// Search words.
    pub q: Option<String>,
    /// Date range.
    pub from: Option<String>,
    /// Date range.
    pub to: Option<String>,
    /// The list after this source id.
    pub after: Option<i64>,
}

impl SourceFilter {
    /// The canonical query string.
    pub fn query_string(&self) -> String {
        let mut parts = Vec::new();
        if let Some(q) = &self.q {
            parts.push(format!("q={}", encode(q)));
        }
        if let Some(d) = &self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = &self.to {
            parts.push(format!("to={d}"));
        }
        parts.join("&")
    }
}

impl RawSourceQuery {
    /// Validates the parameters (the same rules as for `/statements`).
    pub fn parse(&self) -> Result<SourceFilter, WebError> {
        let raw = RawStatementQuery {
            q: self.q.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            ..Default::default()
        };
        let f = raw.parse()?;
        let after = match single(&self.after) {
            None => None,
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    return Err(WebError::BadRequest(format!(
                        "The parameter after cannot be “{}”: it takes a source number from the pager's link.",
                        show(v)
                    )));
                }
            },
        };
        Ok(SourceFilter {
            q: f.q,
            from: f.from,
            to: f.to,
            after,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_empty_values_are_normalised() {
        let raw = RawStatementQuery {
            provision: vec!["7".into(), "".into(), "6".into(), "7".into()],
            stance: vec!["opposes".into()],
            ..Default::default()
        };
        let f = raw.parse().map_err(|e| e.to_string());
        assert_eq!(f.as_ref().map(|f| f.provisions.clone()), Ok(vec![6, 7]));
        assert_eq!(
            f.map(|f| query_string(&f)),
            Ok("provision=6&provision=7&stance=opposes".to_string())
        );
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let raw = RawStatementQuery {
            provision: vec!["99".into()],
            ..Default::default()
        };
        let err = raw.parse().err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("provision") && err.contains("99"), "{err}");
    }
}
