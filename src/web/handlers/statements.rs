//! `/statements` (filterable, faceted, searchable list; the URL is the whole state), its
//! twins `/statements.json`, `/statements.csv` and `/statements.atom`, and `/statements/{id}`
//! (and `/statements/{id}.json`).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Serialize;

use super::parse_id;
use crate::db::fts::split_marks;
use crate::db::models::{
    CategoryRow, Cursor, Direction, FilterStats, ProvisionRow, SourceHit, SourceRow, SpeakerRow,
    StatementFilter, StatementRow,
};
use crate::db::queries::{self, Facet};
use crate::model::{Kind, Stance};
use crate::web::filter::{RawStatementQuery, query_string};
use crate::web::formats::{self, Feed, StatementOut};
use crate::web::page::{ATOM, CSV, JSON, PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

/// Most rows in one CSV download (about 3.5 MB); a full download links to the next part with
/// `Link: <...&after=...>; rel="next"` and says the cap in `X-Pointwise-Row-Cap`.
pub const CSV_MAX_ROWS: i64 = 10_000;
/// Entries in a feed.
pub const FEED_ENTRIES: i64 = 50;
/// Values shown per facet (the selected ones always are).
pub const FACET_SHOWN: usize = 20;
/// Matching articles listed above the statements when searching.
const SOURCE_HITS_SHOWN: i64 = 5;

/// One option of a select box.
pub struct Choice {
    /// Value sent.
    pub value: String,
    /// Label shown.
    pub label: String,
    /// Currently selected.
    pub selected: bool,
}

/// One value of a facet.
#[derive(Debug, Clone, Serialize)]
pub struct FacetValue {
    /// URL value.
    pub value: String,
    /// For people.
    pub label: String,
    /// Statements it has under the rest of the filter.
    pub count: i64,
    /// In the filter now.
    pub selected: bool,
    /// The list with this value added (or removed when selected).
    pub toggle: String,
}

/// One facet: a parameter and its values.
#[derive(Debug, Clone, Serialize)]
pub struct FacetGroup {
    /// The URL parameter.
    pub name: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Values shown.
    pub values: Vec<FacetValue>,
    /// Values not shown (beyond [`FACET_SHOWN`]).
    pub hidden: usize,
}

/// A statement on the list, its text split into runs with the search hits marked.
pub struct Hit {
    /// The statement.
    pub s: StatementRow,
    /// (text, is a search hit).
    pub runs: Vec<(String, bool)>,
}

/// A matching article, its snippet split into runs with the hits marked.
pub struct SourceMatch {
    /// The article.
    pub source: SourceHit,
    /// (text, is a search hit).
    pub runs: Vec<(String, bool)>,
}

/// The list page.
#[derive(Template)]
#[template(path = "pages/statements.html")]
pub struct StatementsPage {
    /// Head data.
    pub meta: PageMeta,
    /// The rows of this page.
    pub rows: Vec<Hit>,
    /// Counts under the filter.
    pub stats: FilterStats,
    /// What the filter shows, in words (a sentence, capitalised, no full stop).
    pub summary: String,
    /// The facets.
    pub facets: Vec<FacetGroup>,
    /// Articles matching the search, and how many in all.
    pub source_hits: Vec<SourceMatch>,
    /// Articles matching the search in all.
    pub source_total: i64,
    /// The filter's query string (no cursor), for the twins' links.
    pub query: String,
    /// Search words.
    pub q: String,
    /// Date range.
    pub from: String,
    /// Date range.
    pub to: String,
    /// Form choices.
    pub sorts: Vec<Choice>,
    /// Form choices.
    pub provisions: Vec<Choice>,
    /// Form choices.
    pub categories: Vec<Choice>,
    /// Form choices.
    pub speakers: Vec<Choice>,
    /// Form choices.
    pub sources: Vec<Choice>,
    /// Form choices.
    pub kinds: Vec<Choice>,
    /// Form choices.
    pub stances: Vec<Choice>,
    /// Link to the first page, when this is not it.
    pub first: Option<String>,
    /// Link to the previous page, if any.
    pub prev: Option<String>,
    /// Link to the next page, if any.
    pub next: Option<String>,
}

fn choices<T>(items: &[T], selected: &[String], f: impl Fn(&T) -> (String, String)) -> Vec<Choice> {
    items
        .iter()
        .map(|i| {
            let (value, label) = f(i);
            Choice {
                selected: selected.contains(&value),
                value,
                label,
            }
        })
        .collect()
}

/// The options of a select box for a facet with many values (speakers, sources): the values its
/// facet shows (the selected ones and those with most statements), named from `named` (the
/// selected rows) when they are among them.
fn facet_choices<T>(
    facets: &[FacetGroup],
    name: &str,
    named: &[T],
    f: impl Fn(&T) -> (String, String),
) -> Vec<Choice> {
    let names: Vec<(String, String)> = named.iter().map(f).collect();
    facets
        .iter()
        .filter(|g| g.name == name)
        .flat_map(|g| &g.values)
        .map(|v| Choice {
            label: names
                .iter()
                .find(|(value, _)| *value == v.value)
                .map_or_else(|| v.label.clone(), |(_, label)| label.clone()),
            value: v.value.clone(),
            selected: v.selected,
        })
        .collect()
}

const FACETS: [(Facet, &str, &str); 6] = [
    (Facet::Provision, "provision", "Point"),
    (Facet::Category, "category", "Category"),
    (Facet::Speaker, "speaker", "Speaker"),
    (Facet::Source, "source", "Source"),
    (Facet::Kind, "kind", "Kind"),
    (Facet::Stance, "stance", "Stance"),
];

fn selected(f: &StatementFilter, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Provision => f.provisions.iter().map(i64::to_string).collect(),
        Facet::Category => f.categories.clone(),
        Facet::Speaker => f.speakers.clone(),
        Facet::Source => f.sources.iter().map(i64::to_string).collect(),
        Facet::Kind => f.kinds.clone(),
        Facet::Stance => f.stances.clone(),
    }
}

fn toggle<T: PartialEq + Ord>(list: &mut Vec<T>, v: T) {
    if let Some(i) = list.iter().position(|x| *x == v) {
        list.remove(i);
    } else {
        list.push(v);
        list.sort();
    }
}

/// The filter with `value` added to (or removed from) `facet`, back on its first page.
fn toggled(f: &StatementFilter, facet: Facet, value: &str) -> StatementFilter {
    let mut g = f.clone();
    g.cursor = None;
    g.offset = 0;
    match facet {
        Facet::Provision => {
            if let Ok(n) = value.parse() {
                toggle(&mut g.provisions, n);
            }
        }
        Facet::Source => {
            if let Ok(n) = value.parse() {
                toggle(&mut g.sources, n);
            }
        }
        Facet::Category => toggle(&mut g.categories, value.to_string()),
        Facet::Speaker => toggle(&mut g.speakers, value.to_string()),
        Facet::Kind => toggle(&mut g.kinds, value.to_string()),
        Facet::Stance => toggle(&mut g.stances, value.to_string()),
    }
    g
}

/// `path` with the filter's query string.
fn href(path: &str, f: &StatementFilter) -> String {
    let qs = query_string(f);
    if qs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{qs}")
    }
}

/// `path` with the filter and a cursor.
fn cursor_href(path: &str, f: &StatementFilter, row: &StatementRow, dir: Direction) -> String {
    let qs = query_string(f);
    let key = if dir == Direction::After {
        "after"
    } else {
        "before"
    };
    let cursor = Cursor::of(row).encode();
    if qs.is_empty() {
        format!("{path}?{key}={cursor}")
    } else {
        format!("{path}?{qs}&{key}={cursor}")
    }
}

/// Links to the first, previous and next pages of statements shown on a page of its own
/// (a point, a speaker): `base` is its path with any query it keeps.
pub struct Pager {
    /// The first page, when this is not it.
    pub first: Option<String>,
    /// The previous page.
    pub prev: Option<String>,
    /// The next page.
    pub next: Option<String>,
}

/// The paging of a page showing `rows` of `filter` (`more`: more rows follow in its direction);
/// links go to `base` with `size` (when not the default) and the cursor.
pub fn pager(base: &str, filter: &StatementFilter, rows: &[StatementRow], more: bool) -> Pager {
    let mut qs = Vec::new();
    if filter.limit != crate::web::filter::PAGE_SIZE {
        qs.push(format!("size={}", filter.limit));
    }
    let link = |key: &str, row: &StatementRow| {
        let mut parts = qs.clone();
        parts.push(format!("{key}={}", Cursor::of(row).encode()));
        format!("{base}?{}", parts.join("&"))
    };
    let dir = filter.cursor.as_ref().map(|c| c.1);
    let (has_prev, has_next) = match dir {
        Some(Direction::Before) => (more, !rows.is_empty()),
        Some(Direction::After) => (!rows.is_empty(), more),
        None => (false, more),
    };
    Pager {
        first: dir.is_some().then(|| {
            if qs.is_empty() {
                base.to_string()
            } else {
                format!("{base}?{}", qs.join("&"))
            }
        }),
        prev: rows.first().filter(|_| has_prev).map(|r| link("before", r)),
        next: rows.last().filter(|_| has_next).map(|r| link("after", r)),
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

/// The names of the selected `values`, joined by "or": each looked up in `items`.
fn name_list<V, T>(
    values: &[V],
    items: &[T],
    is: impl Fn(&T, &V) -> bool,
    name: impl Fn(Option<&T>, &V) -> String,
) -> String {
    values
        .iter()
        .map(|v| name(items.iter().find(|i| is(i, v)), v))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The sentence that says what the filter shows, e.g. "9 statements on point 21 (…) by 5
/// speakers in 4 sources".
pub fn summary(
    stats: &FilterStats,
    f: &StatementFilter,
    provisions: &[ProvisionRow],
    speakers: &[SpeakerRow],
    sources: &[SourceRow],
    categories: &[CategoryRow],
) -> String {
    let n = stats.statements;
    let names = |v: Vec<String>| v.join(" or ");
    let mut s = if f.kinds.is_empty() {
        plural(n, "statement", "statements")
    } else {
        format!(
            "{n} {}",
            names(
                f.kinds
                    .iter()
                    .map(|k| if n == 1 { k.clone() } else { format!("{k}s") })
                    .collect()
            )
        )
    };
    if !f.stances.is_empty() {
        let one = n == 1;
        s.push_str(" that ");
        s.push_str(&names(
            f.stances
                .iter()
                .map(|x| match (x.as_str(), one) {
                    ("supports", true) => "supports".into(),
                    ("supports", false) => "support".into(),
                    ("opposes", true) => "opposes".into(),
                    ("opposes", false) => "oppose".into(),
                    (other, true) => format!("is {other}"),
                    (other, false) => format!("are {other}"),
                })
                .collect(),
        ));
    }
    if let Some(q) = &f.q {
        s.push_str(&format!(" matching “{q}”"));
    }
    if !f.provisions.is_empty() {
        s.push_str(" on ");
        s.push_str(&name_list(
            &f.provisions,
            provisions,
            |p, n| p.number == *n,
            |p, n| {
                p.map_or(format!("point {n}"), |p| {
                    if p.number == 0 {
                        "the plan as a whole".into()
                    } else {
                        format!("point {n} ({})", p.title)
                    }
                })
            },
        ));
    }
    if !f.categories.is_empty() {
        s.push_str(" in ");
        s.push_str(&name_list(
            &f.categories,
            categories,
            |x, c| &x.slug == c,
            |x, c| x.map_or(c.clone(), |x| x.name.clone()),
        ));
    }
    match (&f.from, &f.to) {
        (Some(a), Some(b)) if a == b => s.push_str(&format!(" dated {a}")),
        (Some(a), Some(b)) => s.push_str(&format!(" dated {a} to {b}")),
        (Some(a), None) => s.push_str(&format!(" dated {a} or later")),
        (None, Some(b)) => s.push_str(&format!(" dated {b} or earlier")),
        (None, None) => {}
    }
    if !f.speakers.is_empty() {
        s.push_str(" by ");
        s.push_str(&name_list(
            &f.speakers,
            speakers,
            |x, c| &x.slug == c,
            |x, c| x.map_or(c.clone(), |x| x.name.clone()),
        ));
    } else if stats.speakers > 0 {
        s.push_str(" by ");
        s.push_str(&plural(stats.speakers, "speaker", "speakers"));
    }
    s.push_str(" in ");
    if f.sources.is_empty() {
        s.push_str(&plural(stats.sources, "source", "sources"));
    } else {
        s.push_str(&name_list(
            &f.sources,
            sources,
            |x, c| x.id == *c,
            |x, c| x.map_or(format!("source {c}"), SourceRow::short_name),
        ));
    }
    upper_first(&s)
}

/// Everything a listing shows, for every format.
struct Listing {
    filter: StatementFilter,
    rows: Vec<StatementRow>,
    stats: FilterStats,
    summary: String,
    facets: Vec<FacetGroup>,
    first: Option<String>,
    prev: Option<String>,
    next: Option<String>,
    provisions: Vec<ProvisionRow>,
    speakers: Vec<SpeakerRow>,
    sources: Vec<SourceRow>,
    categories: Vec<CategoryRow>,
}

async fn load(state: &AppState, filter: StatementFilter, path: &str) -> WebResult<Listing> {
    let pool = &state.pool;
    let (rows, more) = queries::statement_page(pool, &filter).await?;
    let provisions = queries::list_provisions(pool).await?;
    // only the selected speakers and sources are named (the facets name the others)
    let speakers = queries::speakers_by_slugs(pool, &filter.speakers).await?;
    let sources = queries::sources_by_ids(pool, &filter.sources).await?;
    let categories = queries::list_categories(pool).await?;
    // the six counts at once, each on a connection of its own
    let count = |facet| queries::facet_counts(pool, &filter, facet, FACET_SHOWN);
    let counted = tokio::try_join!(
        count(FACETS[0].0),
        count(FACETS[1].0),
        count(FACETS[2].0),
        count(FACETS[3].0),
        count(FACETS[4].0),
        count(FACETS[5].0),
    )?;
    let counted = [
        counted.0, counted.1, counted.2, counted.3, counted.4, counted.5,
    ];
    let mut facets = Vec::with_capacity(FACETS.len());
    let mut stats = FilterStats::default();
    for ((facet, name, title), (counts, distinct)) in FACETS.into_iter().zip(counted) {
        let chosen = selected(&filter, facet);
        // each facet counts the filter without its own selection, so the whole filter's
        // counts are the facet's values that are selected (or all of them, when none is)
        let within = counts
            .iter()
            .filter(|c| c.count > 0 && (chosen.is_empty() || chosen.contains(&c.value)));
        let values_within = if chosen.is_empty() {
            distinct
        } else {
            within.clone().count() as i64
        };
        match facet {
            Facet::Kind => stats.statements = within.map(|c| c.count).sum(),
            Facet::Speaker => stats.speakers = values_within,
            Facet::Source => stats.sources = values_within,
            _ => {}
        }
        let value = |value: String, label: String, count: i64, selected: bool| FacetValue {
            toggle: href(path, &toggled(&filter, facet, &value)),
            value,
            label,
            count,
            selected,
        };
        // selected values first, then the others in the query's order
        let (mine, rest): (Vec<_>, Vec<_>) =
            counts.into_iter().partition(|c| chosen.contains(&c.value));
        let counted = mine.len();
        let mut values: Vec<FacetValue> = mine
            .into_iter()
            .map(|c| value(c.value, c.label, c.count, true))
            .collect();
        // a selected value with no statements under the rest of the filter still shows
        for v in &chosen {
            if !values.iter().any(|x| &x.value == v) {
                values.push(value(v.clone(), v.clone(), 0, true));
            }
        }
        let room = FACET_SHOWN.max(chosen.len()).saturating_sub(values.len());
        let others = rest.len().min(room);
        let hidden = usize::try_from(distinct)
            .unwrap_or(0)
            .saturating_sub(counted + others);
        values.extend(
            rest.into_iter()
                .take(room)
                .map(|c| value(c.value, c.label, c.count, false)),
        );
        facets.push(FacetGroup {
            name,
            title,
            values,
            hidden,
        });
    }
    let dir = filter.cursor.as_ref().map(|c| c.1);
    let paged = dir.is_some() || filter.offset > 0;
    let (has_prev, has_next) = match dir {
        Some(Direction::Before) => (more, !rows.is_empty()),
        Some(Direction::After) => (!rows.is_empty(), more),
        None => (filter.offset > 0 && !rows.is_empty(), more),
    };
    let prev = rows
        .first()
        .filter(|_| has_prev)
        .map(|r| cursor_href(path, &filter, r, Direction::Before));
    let next = rows
        .last()
        .filter(|_| has_next)
        .map(|r| cursor_href(path, &filter, r, Direction::After));
    let summary = summary(
        &stats,
        &filter,
        &provisions,
        &speakers,
        &sources,
        &categories,
    );
    Ok(Listing {
        first: paged.then(|| href(path, &filter)),
        filter,
        rows,
        stats,
        summary,
        facets,
        prev,
        next,
        provisions,
        speakers,
        sources,
        categories,
    })
}

fn list_filter(raw: &RawStatementQuery) -> WebResult<StatementFilter> {
    raw.parse()
}

fn with_twins(meta: PageMeta, qs: &str) -> PageMeta {
    let suffix = if qs.is_empty() {
        String::new()
    } else {
        format!("?{qs}")
    };
    meta.with_alternate(JSON, format!("/statements.json{suffix}"))
        .with_alternate(CSV, format!("/statements.csv{suffix}"))
        .with_alternate(ATOM, format!("/statements.atom{suffix}"))
}

/// `GET /statements`
pub async fn list_page(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let filter = list_filter(&raw)?;
    let l = load(&state, filter, "/statements").await?;
    let f = &l.filter;
    let highlights = match &f.q {
        Some(q) => {
            let ids: Vec<i64> = l.rows.iter().map(|r| r.id).collect();
            queries::highlight_statements(&state.pool, q, &ids).await?
        }
        None => Vec::new(),
    };
    let (source_hits, source_total) = match &f.q {
        Some(q) => {
            queries::search_sources(
                &state.pool,
                q,
                f.from.as_deref(),
                f.to.as_deref(),
                SOURCE_HITS_SHOWN,
            )
            .await?
        }
        None => (Vec::new(), 0),
    };
    let qs = query_string(f);
    let canonical = raw_self(f, &raw);
    let meta = with_twins(
        PageMeta::new(
            &l.summary,
            &format!("{} about the US 28-point peace plan.", l.summary),
            &canonical,
            vec![crumb("Matrix", "/"), crumb("Statements", canonical.clone())],
        ),
        &qs,
    )
    .with_base(&state.public_url);
    let provision_values: Vec<String> = f.provisions.iter().map(i64::to_string).collect();
    let rows = l
        .rows
        .iter()
        .map(|s| Hit {
            runs: highlights
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or_else(|| vec![(s.text.clone(), false)], |(_, m)| split_marks(m)),
            s: s.clone(),
        })
        .collect();
    let page = StatementsPage {
        meta,
        rows,
        stats: l.stats,
        summary: l.summary.clone(),
        facets: l.facets.clone(),
        source_hits: source_hits
            .into_iter()
            .map(|h| SourceMatch {
                runs: split_marks(&h.snippet),
                source: h,
            })
            .collect(),
        source_total,
        q: f.q.clone().unwrap_or_default(),
        from: f.from.clone().unwrap_or_default(),
        to: f.to.clone().unwrap_or_default(),
        sorts: crate::db::models::Sort::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_string(),
                label: s.label().to_string(),
                selected: *s == f.sort,
            })
            .collect(),
        provisions: choices(&l.provisions, &provision_values, |p| {
            (p.number.to_string(), format!("{}: {}", p.label(), p.title))
        }),
        categories: choices(&l.categories, &f.categories, |c| {
            (c.slug.clone(), format!("{}. {}", c.letter, c.name))
        }),
        speakers: facet_choices(&l.facets, "speaker", &l.speakers, |s| {
            (s.slug.clone(), s.name.clone())
        }),
        sources: facet_choices(&l.facets, "source", &l.sources, |s| {
            (s.id.to_string(), s.dateline())
        }),
        kinds: choices(&Kind::ALL, &f.kinds, |k| {
            (k.as_str().to_string(), k.as_str().to_string())
        }),
        stances: choices(&Stance::ALL, &f.stances, |k| {
            (k.as_str().to_string(), k.as_str().to_string())
        }),
        first: l.first.clone(),
        prev: l.prev.clone(),
        next: l.next.clone(),
        query: qs,
    };
    Ok(render(&page)?.into_response())
}

/// The path and query of this exact view (filter, then its cursor or page).
fn raw_self(f: &StatementFilter, raw: &RawStatementQuery) -> String {
    let base = href("/statements", f);
    let join = if base.contains('?') { '&' } else { '?' };
    match &f.cursor {
        Some((c, Direction::After)) => format!("{base}{join}after={}", c.encode()),
        Some((c, Direction::Before)) => format!("{base}{join}before={}", c.encode()),
        None if f.offset > 0 => {
            let page = raw.page.iter().rev().find(|p| !p.trim().is_empty());
            format!("{base}{join}page={}", page.map_or("1", |p| p.trim()))
        }
        None => base,
    }
}

/// The JSON twin of a listing.
#[derive(Serialize)]
struct ListingJson<'a> {
    summary: &'a str,
    stats: FilterStats,
    query: String,
    html: String,
    csv: String,
    atom: String,
    next: Option<String>,
    prev: Option<String>,
    statements: Vec<StatementOut<'a>>,
    facets: &'a [FacetGroup],
}

/// `GET /statements.json`: the same filter, page and facets as `/statements`.
pub async fn list_json(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let filter = list_filter(&raw)?;
    let l = load(&state, filter, "/statements.json").await?;
    let base = &state.public_url;
    let qs = query_string(&l.filter);
    let suffix = if qs.is_empty() {
        String::new()
    } else {
        format!("?{qs}")
    };
    let abs = |p: &Option<String>| p.as_ref().map(|p| format!("{base}{p}"));
    let mut facets = l.facets.clone();
    for g in &mut facets {
        for v in &mut g.values {
            v.toggle = format!("{base}{}", v.toggle);
        }
    }
    Ok(formats::json(&ListingJson {
        summary: &l.summary,
        stats: l.stats,
        html: format!("{base}/statements{suffix}"),
        csv: format!("{base}/statements.csv{suffix}"),
        atom: format!("{base}/statements.atom{suffix}"),
        query: qs,
        next: abs(&l.next),
        prev: abs(&l.prev),
        statements: l.rows.iter().map(|r| StatementOut::new(r, base)).collect(),
        facets: &facets,
    }))
}

/// `GET /statements.csv`: the statements of the filter (up to [`CSV_MAX_ROWS`]), in its order,
/// from an `after=` cursor when given (the `Link` of a capped download); the page is ignored.
pub async fn list_csv(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let mut filter = raw.parse()?;
    filter.cursor = filter.cursor.filter(|c| c.1 == Direction::After);
    filter.offset = 0;
    filter.limit = CSV_MAX_ROWS;
    let (rows, _) = queries::statement_page(&state.pool, &filter).await?;
    let mut body = formats::csv_row(&formats::STATEMENT_CSV_HEADER);
    for r in &rows {
        body.push_str(&formats::statement_csv_row(r, &state.public_url));
    }
    let mut response = formats::csv_response(body, "statements.csv");
    if let Some(last) = rows.last().filter(|_| rows.len() as i64 == CSV_MAX_ROWS) {
        let next = cursor_href("/statements.csv", &filter, last, Direction::After);
        let link = format!("<{}{next}>; rel=\"next\"", state.public_url);
        if let Ok(v) = axum::http::HeaderValue::from_str(&link) {
            response.headers_mut().insert(axum::http::header::LINK, v);
        }
        response.headers_mut().insert(
            "x-pointwise-row-cap",
            axum::http::HeaderValue::from(CSV_MAX_ROWS),
        );
    }
    Ok(response)
}

/// The newest statements of `filter` as an Atom feed titled `title`.
pub async fn feed(
    state: &AppState,
    mut filter: StatementFilter,
    title: String,
    page: &str,
    self_path: &str,
) -> WebResult<Response> {
    filter.sort = crate::db::models::Sort::DateDesc;
    filter.cursor = None;
    filter.offset = 0;
    filter.limit = FEED_ENTRIES;
    let (rows, _) = queries::statement_page(&state.pool, &filter).await?;
    let base = &state.public_url;
    Ok(formats::atom_response(formats::atom(&Feed {
        title,
        page_url: format!("{base}{page}"),
        self_url: format!("{base}{self_path}"),
        base,
        statements: &rows,
    })))
}

/// `GET /statements.atom`: the newest statements of the filter.
pub async fn list_atom(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let filter = raw.parse()?;
    let stats = queries::statement_stats(&state.pool, &filter).await?;
    let text = summary(
        &stats,
        &filter,
        &queries::list_provisions(&state.pool).await?,
        &queries::speakers_by_slugs(&state.pool, &filter.speakers).await?,
        &queries::sources_by_ids(&state.pool, &filter.sources).await?,
        &queries::list_categories(&state.pool).await?,
    );
    let page = href("/statements", &filter);
    let self_path = href("/statements.atom", &filter);
    feed(
        &state,
        filter,
        format!("{text} · Pointwise"),
        &page,
        &self_path,
    )
    .await
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The permalink page of one statement.
#[derive(Template)]
#[template(path = "pages/statement.html")]
pub struct StatementPage {
    /// Head data.
    pub meta: PageMeta,
    /// The statement.
    pub statement: StatementRow,
    /// Text of its paragraph before the statement.
    pub before: String,
    /// Text of its paragraph after it.
    pub after: String,
}

/// The JSON twin of a statement page.
#[derive(Serialize)]
struct StatementJson<'a> {
    #[serde(flatten)]
    statement: StatementOut<'a>,
    before: &'a str,
    after: &'a str,
}

/// `GET /statements/{id}` and `/statements/{id}.json`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Response> {
    let (raw, as_json) = super::json_suffix(raw);
    let id = parse_id(&raw, "statement")?;
    let statement = queries::get_statement(&state.pool, id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no statement {id}.")))?;
    let (_, body) = queries::get_source(&state.pool, statement.source_id)
        .await?
        .ok_or_else(|| WebError::NotFound("The statement's source is gone.".into()))?;
    let (a, b) = (statement.span_start as usize, statement.span_end as usize);
    let (before, after) =
        if a <= b && b <= body.len() && body.is_char_boundary(a) && body.is_char_boundary(b) {
            let para_start = body[..a].rfind("\n\n").map_or(0, |i| i + 2);
            let para_end = body[b..].find("\n\n").map_or(body.len(), |i| b + i);
            (
                body[para_start..a].to_string(),
                body[b..para_end].to_string(),
            )
        } else {
            (String::new(), String::new())
        };
    if as_json {
        return Ok(formats::json(&StatementJson {
            statement: StatementOut::new(&statement, &state.public_url),
            before: &before,
            after: &after,
        }));
    }
    let who = statement.speaker_label();
    let short: String = statement.text.chars().take(140).collect();
    let meta = PageMeta::new(
        &format!("{who} on the 28-point plan: “{short}”"),
        &format!(
            "{who}, {} ({}), {}: {short}",
            statement.kind,
            statement.stance,
            statement.source_label()
        ),
        &format!("/statements/{id}"),
        vec![
            crumb("Matrix", "/"),
            crumb("Statements", "/statements"),
            crumb(format!("Statement {id}"), format!("/statements/{id}")),
        ],
    )
    .with_alternate(JSON, format!("/statements/{id}.json"))
    .with_base(&state.public_url);
    Ok(render(&StatementPage {
        meta,
        statement,
        before,
        after,
    })?
    .into_response())
}
