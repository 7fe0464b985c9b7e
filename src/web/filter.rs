//! Query parameters of `/statements`, in two stages: [`RawStatementQuery`] takes anything
//! (and re-fills the form); [`RawStatementQuery::parse`] validates it into a
//! [`StatementFilter`] or says which parameter is wrong.

use serde::Deserialize;

use super::WebError;
use super::page::encode;
use crate::db::models::StatementFilter;
use crate::ingest::{Kind, Stance};

/// Rows per page of `/statements`.
pub const PAGE_SIZE: i64 = 50;

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
    /// Page number, from 1.
    pub page: Option<String>,
}

fn values(v: &[String]) -> impl Iterator<Item = &str> {
    v.iter().map(|s| s.trim()).filter(|s| !s.is_empty())
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
        if let Some(p) = self
            .page
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match p.parse::<i64>() {
                Ok(n) if (1..=100_000).contains(&n) => f.offset = (n - 1) * PAGE_SIZE,
                _ => return Err(bad("page", p, "it takes a page number from 1")),
            }
        }
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

/// The canonical query string of a filter (sorted, without empty values), without the page.
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
    parts.join("&")
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
