//! `/statements` (filterable, faceted, searchable list; the URL is the whole state), its
//! twins `/statements.json`, `/statements.csv` and `/statements.atom`, and `/statements/{id}`
//! (and `/statements/{id}.json`). The list itself is read by [`crate::web::listing`].

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Serialize;

use super::parse_id;
use crate::db::fts::split_marks;
use crate::db::models::{Direction, FilterStats, Sort, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::error::{WebError, WebResult};
use crate::web::feed;
use crate::web::filter::{FACETS, RawStatementQuery, query_string};
use crate::web::formats::{self, StatementOut};
use crate::web::listing::{self, FacetGroup, Listing, Names};
use crate::web::page::{ATOM, CSV, JSON, PageMeta, SourceMatch, crumb, render};
use crate::web::paging::{Pager, cursor_href, href, link, with_query};
use crate::web::state::AppState;

/// Most rows in one CSV download (about 3.5 MB); a full download links to the next part with
/// `Link: <...&after=...>; rel="next"` and says the cap in `X-Pointwise-Row-Cap`.
pub const CSV_MAX_ROWS: i64 = 10_000;
/// Matching articles listed above the statements when searching.
const SOURCE_HITS_SHOWN: i64 = 5;

/// One option of the order's select box.
pub struct Choice {
    /// Value sent.
    pub value: String,
    /// Label shown.
    pub label: String,
    /// Currently selected.
    pub selected: bool,
}

/// What the search form sends besides its own fields: the orders to choose from, and the
/// facet values selected now (hidden fields, so a search keeps them). The facets' links are
/// the one way to pick points, speakers, sources, kinds and stances.
pub struct FormChoices {
    /// Orders.
    pub sorts: Vec<Choice>,
    /// (parameter, value) of every facet value in the filter.
    pub kept: Vec<(&'static str, String)>,
}

/// A statement on the list, its text split into runs with the search hits marked.
pub struct Hit {
    /// The statement.
    pub s: StatementRow,
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
    /// Articles matching the search.
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
    /// The search form's order and kept values.
    pub form: FormChoices,
    /// Links to the first, previous and next pages.
    pub pages: Pager,
}

impl FormChoices {
    /// The choices of a listing's form.
    fn of(l: &Listing) -> Self {
        let f = &l.filter;
        FormChoices {
            sorts: Sort::ALL
                .iter()
                .map(|s| Choice {
                    value: s.as_str().to_string(),
                    label: s.label().to_string(),
                    selected: *s == f.sort,
                })
                .collect(),
            kept: FACETS
                .iter()
                .flat_map(|def| (def.selected)(f).into_iter().map(|v| (def.name, v)))
                .collect(),
        }
    }
}

fn with_twins(meta: PageMeta, qs: &str) -> PageMeta {
    meta.with_alternate(JSON, with_query("/statements.json", qs))
        .with_alternate(CSV, with_query("/statements.csv", qs))
        .with_alternate(ATOM, with_query("/statements.atom", qs))
}

/// The rows with the search hits marked, and the articles matching the search.
async fn search_marks(
    state: &AppState,
    l: &Listing,
) -> WebResult<(Vec<Hit>, Vec<SourceMatch>, i64)> {
    let f = &l.filter;
    let (highlights, (source_hits, source_total)) = match &f.q {
        Some(q) => {
            let ids: Vec<i64> = l.rows.iter().map(|r| r.id).collect();
            (
                queries::highlight_statements(&state.pool, q, &ids).await?,
                queries::search_sources(&state.pool, q, f.from, f.to, SOURCE_HITS_SHOWN).await?,
            )
        }
        None => (Vec::new(), (Vec::new(), 0)),
    };
    let rows = l
        .rows
        .iter()
        .map(|s| Hit {
            runs: highlights
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or_else(|| s.plain_runs(), |(_, m)| split_marks(m)),
            s: s.clone(),
        })
        .collect();
    let hits = source_hits.into_iter().map(SourceMatch::from).collect();
    Ok((rows, hits, source_total))
}

/// `GET /statements`
pub async fn list_page(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let l = listing::load(&state, raw.parse()?, "/statements").await?;
    let (rows, source_hits, source_total) = search_marks(&state, &l).await?;
    let f = &l.filter;
    let qs = query_string(f);
    let canonical = self_href(f);
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
    let page = StatementsPage {
        meta,
        rows,
        source_hits,
        source_total,
        q: f.q.clone().unwrap_or_default(),
        from: f.from.map(|d| d.to_string()).unwrap_or_default(),
        to: f.to.map(|d| d.to_string()).unwrap_or_default(),
        form: FormChoices::of(&l),
        query: qs,
        stats: l.stats,
        summary: l.summary,
        facets: l.facets,
        pages: Pager {
            first: l.first,
            prev: l.prev,
            next: l.next,
        },
    };
    Ok(render(&page)?.into_response())
}

/// The path and query of this exact view (filter, then its cursor or page).
fn self_href(f: &StatementFilter) -> String {
    let at = match &f.cursor {
        Some((c, Direction::After)) => vec![("after", c.encode())],
        Some((c, Direction::Before)) => vec![("before", c.encode())],
        None if f.offset > 0 && f.limit > 0 => vec![("page", (f.offset / f.limit + 1).to_string())],
        None => Vec::new(),
    };
    link("/statements", &query_string(f), &at)
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
    let l = listing::load(&state, raw.parse()?, "/statements.json").await?;
    let base = &state.public_url;
    let qs = query_string(&l.filter);
    let abs = |p: &Option<String>| p.as_ref().map(|p| format!("{base}{p}"));
    let mut facets = l.facets.clone();
    for v in facets.iter_mut().flat_map(|g| &mut g.values) {
        v.toggle = format!("{base}{}", v.toggle);
    }
    Ok(formats::json(&ListingJson {
        summary: &l.summary,
        stats: l.stats,
        html: format!("{base}{}", with_query("/statements", &qs)),
        csv: format!("{base}{}", with_query("/statements.csv", &qs)),
        atom: format!("{base}{}", with_query("/statements.atom", &qs)),
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
    // a speaker, source or category that does not exist is a 404, as on the page
    Names::load(&state, &filter).await?;
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

/// `GET /statements.atom`: the newest statements of the filter.
pub async fn list_atom(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let filter = raw.parse()?;
    let stats = queries::statement_stats(&state.pool, &filter).await?;
    let names = Names::load(&state, &filter).await?;
    let text = listing::summary(&stats, &filter, &names);
    let page = href("/statements", &filter);
    let self_path = href("/statements.atom", &filter);
    feed::feed(
        &state,
        filter,
        format!("{text} · Pointwise"),
        &page,
        &self_path,
    )
    .await
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
    /// Its review mark, correction log and, for an editor, the review form.
    pub review: crate::web::review::ReviewBox,
    /// The version of the plan it speaks of, and its checked claims.
    pub versions: crate::web::versions::StatementVersion,
}

/// The JSON twin of a statement page.
#[derive(Serialize)]
struct StatementJson<'a> {
    #[serde(flatten)]
    statement: StatementOut<'a>,
    before: &'a str,
    after: &'a str,
    /// The editors' correction log, oldest first.
    corrections: &'a [crate::db::review::CorrectionRow],
    versions: crate::web::versions::StatementVersion,
}

/// `GET /statements/{id}` and `/statements/{id}.json`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    headers: axum::http::HeaderMap,
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
    let review = crate::web::review::ReviewBox::load(&state, &headers, &statement).await?;
    let versions = crate::web::versions::for_statement(&state.pool, id).await?;
    if as_json {
        return Ok(formats::json(&StatementJson {
            statement: StatementOut::new(&statement, &state.public_url),
            before: &before,
            after: &after,
            corrections: &review.log,
            versions,
        }));
    }
    let who = statement.speaker_label();
    let short: String = statement.text.chars().take(140).collect();
    let meta = PageMeta::new(
        &format!("{who} on {}: “{short}”", statement.about()),
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
        review,
        versions,
    })?
    .into_response())
}
