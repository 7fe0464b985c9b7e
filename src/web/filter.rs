//! Query parameters of `/statements`, in two stages: [`RawStatementQuery`] takes anything
//! (and re-fills the form); [`RawStatementQuery::parse`] validates it into a typed
//! [`StatementFilter`] or says which parameter is wrong. [`FACETS`] is the one table of the
//! facet parameters: each one's URL name, title, parser, selection and toggle.

use std::fmt::Display;

use serde::Deserialize;

use crate::db::fts;
use crate::db::models::{Cursor, Direction, Sort, StatementFilter, parse_date};
use crate::db::queries::Facet;
use crate::model::{Kind, PointNumber, Stance};
use crate::web::error::WebError;

/// Rows per page of `/statements`.
pub const PAGE_SIZE: i64 = 50;
/// The most rows per page a `size` may ask for.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// The raw query string of `/statements`. Every key may repeat; empty values are ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawStatementQuery {
    /// Point numbers, 0 to [`PointNumber::LAST`].
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
    /// yes (reviewed by an editor), no.
    pub reviewed: Vec<String>,
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
    /// Version slugs of the plan (`seeds/versions.toml`).
    pub version: Vec<String>,
}

/// One facet parameter of the statement list.
pub struct FacetDef {
    /// The dimension the database counts.
    pub facet: Facet,
    /// The URL parameter.
    pub name: &'static str,
    /// Heading of its facet and label of its select box.
    pub title: &'static str,
    /// Its raw values.
    pub raw: fn(&RawStatementQuery) -> &[String],
    /// Adds one URL value to a filter, or says what the parameter takes.
    pub add: fn(&mut StatementFilter, &str) -> Result<(), String>,
    /// Removes one URL value from a filter (false when it was not selected).
    pub remove: fn(&mut StatementFilter, &str) -> bool,
    /// The URL values a filter selects, in URL order.
    pub selected: fn(&StatementFilter) -> Vec<String>,
}

/// The facet parameters, in the order of the query string, the form and the facet lists.
pub const FACETS: [FacetDef; 8] = [
    FacetDef {
        facet: Facet::Provision,
        name: "provision",
        title: "Point",
        raw: |r| &r.provision,
        add: |f, v| {
            let p = PointNumber::parse(v).ok_or_else(|| {
                format!("it takes a point number from 0 to {}", PointNumber::LAST)
            })?;
            f.provisions.push(p);
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.provisions, v),
        selected: |f| names(&f.provisions),
    },
    FacetDef {
        facet: Facet::Category,
        name: "category",
        title: "Category",
        raw: |r| &r.category,
        add: |f, v| push_slug(&mut f.categories, v, "a category name such as peace"),
        remove: |f, v| remove_named(&mut f.categories, v),
        selected: |f| names(&f.categories),
    },
    FacetDef {
        facet: Facet::Speaker,
        name: "speaker",
        title: "Speaker",
        raw: |r| &r.speaker,
        add: |f, v| {
            push_slug(
                &mut f.speakers,
                v,
                "a speaker identifier such as mark-rutte",
            )
        },
        remove: |f, v| remove_named(&mut f.speakers, v),
        selected: |f| names(&f.speakers),
    },
    FacetDef {
        facet: Facet::Source,
        name: "source",
        title: "Source",
        raw: |r| &r.source,
        add: |f, v| {
            let id = v.parse::<i64>().ok().filter(|n| *n > 0);
            f.sources
                .push(id.ok_or_else(|| "it takes a source number".to_string())?);
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.sources, v),
        selected: |f| names(&f.sources),
    },
    FacetDef {
        facet: Facet::Kind,
        name: "kind",
        title: "Kind",
        raw: |r| &r.kind,
        add: |f, v| {
            let k = Kind::parse(v);
            f.kinds
                .push(k.ok_or_else(|| "it takes quote, paraphrase or report".to_string())?);
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.kinds, v),
        selected: |f| names(&f.kinds),
    },
    FacetDef {
        facet: Facet::Stance,
        name: "stance",
        title: "Stance",
        raw: |r| &r.stance,
        add: |f, v| {
            let s = Stance::parse(v)
                .ok_or_else(|| "it takes supports, opposes, mixed or neutral".to_string())?;
            f.stances.push(s);
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.stances, v),
        selected: |f| names(&f.stances),
    },
    FacetDef {
        facet: Facet::Reviewed,
        name: "reviewed",
        title: "Reviewed",
        raw: |r| &r.reviewed,
        add: |f, v| {
            if v != "yes" && v != "no" {
                return Err("it takes yes or no".to_string());
            }
            f.reviewed.push(v.to_string());
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.reviewed, v),
        selected: |f| names(&f.reviewed),
    },
    FacetDef {
        facet: Facet::Version,
        name: "version",
        title: "Version of the plan",
        raw: |r| &r.version,
        add: |f, v| {
            let known = crate::versions::Versions::bundled().is_ok_and(|all| all.get(v).is_some());
            if !known {
                return Err(
                    "it takes a version of the plan such as twenty-point (see /versions)".into(),
                );
            }
            f.versions.push(v.to_string());
            Ok(())
        },
        remove: |f, v| remove_named(&mut f.versions, v),
        selected: |f| names(&f.versions),
    },
];

/// The definition of a facet ([`FACETS`] has one for each; a test checks it).
pub fn facet_def(facet: Facet) -> &'static FacetDef {
    FACETS
        .iter()
        .find(|d| d.facet == facet)
        .unwrap_or(&FACETS[0])
}

/// The URL values of a list.
fn names<T: Display>(list: &[T]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// Removes the value whose URL form is `v`.
fn remove_named<T: Display>(list: &mut Vec<T>, v: &str) -> bool {
    let before = list.len();
    list.retain(|x| x.to_string() != v);
    list.len() != before
}

fn push_slug(list: &mut Vec<String>, v: &str, want: &str) -> Result<(), String> {
    if !slug_ok(v) {
        return Err(format!("it takes {want}"));
    }
    list.push(v.to_string());
    Ok(())
}

/// Sorts every selection into URL order (numbers by value, names alphabetically) without
/// repeats.
fn normalise(f: &mut StatementFilter) {
    f.provisions.sort_unstable();
    f.provisions.dedup();
    f.sources.sort_unstable();
    f.sources.dedup();
    for list in [
        &mut f.categories,
        &mut f.speakers,
        &mut f.reviewed,
        &mut f.versions,
    ] {
        list.sort();
        list.dedup();
    }
    f.kinds.sort_by_key(|k| k.as_str());
    f.kinds.dedup();
    f.stances.sort_by_key(|s| s.as_str());
    f.stances.dedup();
}

/// The filter with the URL value `value` of `facet` added (or removed when it is selected),
/// back on its first page.
pub fn toggled(f: &StatementFilter, facet: Facet, value: &str) -> StatementFilter {
    let def = facet_def(facet);
    let mut g = f.clone();
    g.cursor = None;
    g.offset = 0;
    if !(def.remove)(&mut g, value) && (def.add)(&mut g, value).is_ok() {
        normalise(&mut g);
    }
    g
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
        let mut f = StatementFilter {
            limit: PAGE_SIZE,
            ..Default::default()
        };
        for def in &FACETS {
            for v in values((def.raw)(self)) {
                (def.add)(&mut f, v).map_err(|want| bad(def.name, v, &want))?;
            }
        }
        normalise(&mut f);
        if let Some(q) = single(&self.q) {
            if let Err(e) = fts::match_expression(q) {
                return Err(bad("q", q, &e.to_string()));
            }
            f.q = Some(q.to_string());
        }
        (f.from, f.to) = date_range(&self.from, &self.to)?;
        if let Some(v) = single(&self.sort) {
            f.sort =
                Sort::parse(v).ok_or_else(|| bad("sort", v, "it takes date, -date or source"))?;
        }
        f.cursor = cursor(single(&self.after), single(&self.before))?;
        if let Some(v) = single(&self.size) {
            f.limit = v
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
                .ok_or_else(|| {
                    bad(
                        "size",
                        v,
                        &format!("it takes a number of rows from 1 to {MAX_PAGE_SIZE}"),
                    )
                })?;
        }
        f.offset = (last_page_number(&self.page)? - 1) * f.limit;
        Ok(f)
    }
}

/// A 400 naming the parameter, its value (cut) and what it takes.
fn bad(name: &str, value: &str, want: &str) -> WebError {
    WebError::BadRequest(format!(
        "The parameter {name} cannot be “{}”: {want}.",
        show(value)
    ))
}

/// The `from` and `to` dates (their last values), checked to be real dates in order.
fn date_range(
    from: &[String],
    to: &[String],
) -> Result<(Option<jiff::civil::Date>, Option<jiff::civil::Date>), WebError> {
    let date = |name: &str, raw: &[String]| match single(raw) {
        None => Ok(None),
        Some(d) => parse_date(d)
            .map(Some)
            .ok_or_else(|| bad(name, d, "it takes a date written YYYY-MM-DD")),
    };
    let (from, to) = (date("from", from)?, date("to", to)?);
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        return Err(bad(
            "from",
            &a.to_string(),
            &format!("it must not be later than to ({b})"),
        ));
    }
    Ok((from, to))
}

/// The keyset position of `after` or `before` (not both).
fn cursor(
    after: Option<&str>,
    before: Option<&str>,
) -> Result<Option<(Cursor, Direction)>, WebError> {
    let (name, raw, dir) = match (after, before) {
        (Some(_), Some(b)) => {
            return Err(bad("before", b, "it cannot be used together with after"));
        }
        (Some(a), None) => ("after", a, Direction::After),
        (None, Some(b)) => ("before", b, Direction::Before),
        (None, None) => return Ok(None),
    };
    let c = Cursor::decode(raw)
        .ok_or_else(|| bad(name, raw, "it takes a position from the pager's links"))?;
    Ok(Some((c, dir)))
}

/// The canonical query string of a filter (sorted, without empty values), without the page
/// or cursor.
pub fn query_string(f: &StatementFilter) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    for def in &FACETS {
        pairs.extend((def.selected)(f).into_iter().map(|v| (def.name, v)));
    }
    pairs.extend(f.q.iter().map(|q| ("q", q.clone())));
    pairs.extend(f.from.iter().map(|d| ("from", d.to_string())));
    pairs.extend(f.to.iter().map(|d| ("to", d.to_string())));
    if f.sort != Sort::default() {
        pairs.push(("sort", f.sort.as_str().to_string()));
    }
    if f.limit != PAGE_SIZE && f.limit > 0 {
        pairs.push(("size", f.limit.to_string()));
    }
    form(&pairs)
}

/// `key=value` pairs as a query string (form encoding, as a browser sends a form).
pub fn form<V: serde::Serialize>(pairs: &[(&str, V)]) -> String {
    serde_html_form::to_string(pairs).unwrap_or_default()
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
    pub from: Option<jiff::civil::Date>,
    /// Date range.
    pub to: Option<jiff::civil::Date>,
    /// The list after this source id.
    pub after: Option<i64>,
}

impl SourceFilter {
    /// The canonical query string.
    pub fn query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        pairs.extend(self.q.iter().map(|q| ("q", q.clone())));
        pairs.extend(self.from.iter().map(|d| ("from", d.to_string())));
        pairs.extend(self.to.iter().map(|d| ("to", d.to_string())));
        form(&pairs)
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
            Some(v) => Some(v.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
                bad("after", v, "it takes a source number from the pager's link")
            })?),
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
        let points = f
            .as_ref()
            .map(|f| f.provisions.iter().map(|p| p.number()).collect());
        assert_eq!(points, Ok(vec![6, 7]));
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

    #[test]
    fn every_facet_has_one_definition_under_its_own_name() {
        let all = [
            (Facet::Provision, "provision"),
            (Facet::Category, "category"),
            (Facet::Speaker, "speaker"),
            (Facet::Source, "source"),
            (Facet::Kind, "kind"),
            (Facet::Stance, "stance"),
            (Facet::Version, "version"),
        ];
        for (facet, name) in all {
            assert_eq!(FACETS.iter().filter(|d| d.facet == facet).count(), 1);
            assert_eq!(facet_def(facet).name, name);
        }
    }

    #[test]
    fn toggling_a_facet_value_adds_it_in_order_and_removes_it() -> Result<(), String> {
        let raw = RawStatementQuery {
            kind: vec!["report".into()],
            page: vec!["3".into()],
            ..Default::default()
        };
        let f = raw.parse().map_err(|e| e.to_string())?;
        let added = toggled(&f, Facet::Kind, "paraphrase");
        assert_eq!(added.kinds, vec![Kind::Paraphrase, Kind::Report]);
        assert_eq!(added.offset, 0, "back on the first page");
        assert_eq!(
            toggled(&added, Facet::Kind, "report").kinds,
            [Kind::Paraphrase]
        );
        // a value the parameter does not take leaves the filter as it is
        assert_eq!(toggled(&f, Facet::Provision, "99").provisions, []);
        Ok(())
    }

    #[test]
    fn the_query_string_is_form_encoded_in_table_order() -> Result<(), String> {
        let raw = RawStatementQuery {
            q: vec!["security guarantees & more".into()],
            stance: vec!["neutral".into(), "mixed".into()],
            provision: vec!["21".into()],
            from: vec!["2025-11-21".into()],
            sort: vec!["-date".into()],
            ..Default::default()
        };
        let f = raw.parse().map_err(|e| e.to_string())?;
        assert_eq!(
            query_string(&f),
            "provision=21&stance=mixed&stance=neutral&q=security+guarantees+%26+more\
             &from=2025-11-21&sort=-date"
        );
        Ok(())
    }

    #[test]
    fn dates_must_be_real_and_in_order() {
        let err = |from: &str, to: &str| {
            let raw = RawStatementQuery {
                from: vec![from.into()],
                to: vec![to.into()],
                ..Default::default()
            };
            raw.parse().err().map(|e| e.to_string()).unwrap_or_default()
        };
        assert!(err("2025-02-29", "").contains("YYYY-MM-DD"));
        assert!(err("2025-11-30", "2025-11-01").contains("not be later than to"));
        assert_eq!(err("2024-02-29", "2024-03-01"), "");
    }
}
