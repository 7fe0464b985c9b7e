//! `/speakers` and `/speakers/{slug}`: everything one speaker said, by point.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Serialize;

use crate::db::models::{ProvisionRow, SpeakerRow, StatementFilter, StatementRow};
use crate::db::{queries, tally};
use crate::web::error::{WebError, WebResult};
use crate::web::filter::{RawStatementQuery, last_page_number};
use crate::web::formats::{self, StatementOut};
use crate::web::page::{ATOM, JSON, PageMeta, crumb, render};
use crate::web::paging::{Pager, canonical_page, link, pager, paging};
use crate::web::state::AppState;

/// The speaker's statements on one point.
pub struct PointGroup {
    /// The point.
    pub provision: ProvisionRow,
    /// Statements.
    pub statements: Vec<StatementRow>,
}

/// The speaker page.
#[derive(Template)]
#[template(path = "pages/speaker.html")]
pub struct SpeakerPage {
    /// Head data.
    pub meta: PageMeta,
    /// The speaker.
    pub speaker: SpeakerRow,
    /// This page's statements, by point.
    pub groups: Vec<PointGroup>,
    /// Statements per point, in all: (point, its label and title, statements).
    pub points: Vec<(i64, String, i64)>,
    /// Links to the other pages of statements.
    pub pages: Pager,
}

/// The list of speakers.
#[derive(Template)]
#[template(path = "pages/speakers.html")]
pub struct SpeakersPage {
    /// Head data.
    pub meta: PageMeta,
    /// This page of the speakers with statements.
    pub speakers: Vec<SpeakerRow>,
    /// Speakers with statements in all.
    pub total: i64,
    /// The previous page.
    pub prev: Option<String>,
    /// The next page.
    pub next: Option<String>,
}

/// Speakers per page of `/speakers`.
pub const SPEAKERS_PER_PAGE: i64 = 100;

/// `?page=N` of `/speakers`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Page, from 1.
    pub page: Vec<String>,
}

/// `path` on page `n` (no `page` on the first).
fn page_link(path: &str, n: i64) -> String {
    if n == 1 {
        path.to_string()
    } else {
        link(path, "", &[("page", n)])
    }
}

/// One page of speakers, the links to the pages around it, and how many speakers in all.
async fn speakers_of(
    state: &AppState,
    q: &ListQuery,
    path: &str,
) -> WebResult<(Vec<SpeakerRow>, Option<String>, Option<String>, i64, i64)> {
    let page = last_page_number(&q.page)?;
    let (speakers, total) = queries::speaker_page(
        &state.pool,
        (page - 1) * SPEAKERS_PER_PAGE,
        SPEAKERS_PER_PAGE,
    )
    .await?;
    let link = |n: i64| page_link(path, n);
    let prev = (page > 1).then(|| link(page - 1));
    let next = (page * SPEAKERS_PER_PAGE < total).then(|| link(page + 1));
    Ok((speakers, prev, next, total, page))
}

/// `GET /speakers` (`page=N`: [`SPEAKERS_PER_PAGE`] a page, most statements first)
pub async fn list_page(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> WebResult<Html<String>> {
    let (speakers, prev, next, total, page) = speakers_of(&state, &q, "/speakers").await?;
    let canonical = page_link("/speakers", page);
    let meta = PageMeta::new(
        &if page == 1 {
            "Speakers".to_string()
        } else {
            format!("Speakers, page {page}")
        },
        &format!("The {total} people, bodies and media quoted on the 28-point plan."),
        &canonical,
        vec![crumb("Matrix", "/"), crumb("Speakers", "/speakers")],
    )
    .with_alternate(JSON, canonical.replacen("/speakers", "/speakers.json", 1))
    .with_base(&state.public_url);
    render(&SpeakersPage {
        meta,
        speakers,
        total,
        prev,
        next,
    })
}

/// A speaker in the JSON twins.
#[derive(Serialize)]
struct SpeakerOut<'a> {
    #[serde(flatten)]
    speaker: &'a SpeakerRow,
    url: String,
    statements_url: String,
    feed: String,
}

impl<'a> SpeakerOut<'a> {
    fn new(speaker: &'a SpeakerRow, base: &str) -> Self {
        SpeakerOut {
            url: format!("{base}/speakers/{}", speaker.slug),
            statements_url: format!("{base}/statements.json?speaker={}", speaker.slug),
            feed: format!("{base}/speakers/{}/feed.atom", speaker.slug),
            speaker,
        }
    }
}

/// `GET /speakers.json`: the same page as `/speakers`.
pub async fn list_json(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    let (speakers, prev, next, total, _) = speakers_of(&state, &q, "/speakers.json").await?;
    let base = &state.public_url;
    let out: Vec<SpeakerOut> = speakers.iter().map(|s| SpeakerOut::new(s, base)).collect();
    let abs = |p: Option<String>| p.map(|p| format!("{base}{p}"));
    Ok(formats::json(&serde_json::json!({
        "total": total,
        "next": abs(next),
        "prev": abs(prev),
        "speakers": out,
    })))
}

async fn find(state: &AppState, slug: &str) -> WebResult<SpeakerRow> {
    let not_found = || WebError::NotFound("No speaker has this identifier.".to_string());
    if slug.len() > 120 {
        return Err(not_found());
    }
    queries::get_speaker(&state.pool, slug)
        .await?
        .ok_or_else(not_found)
}

/// `GET /speakers/{slug}/feed.atom`: the speaker's newest statements.
pub async fn feed(State(state): State<AppState>, Path(slug): Path<String>) -> WebResult<Response> {
    let speaker = find(&state, &slug).await?;
    let filter = StatementFilter {
        speakers: vec![speaker.slug.clone()],
        ..Default::default()
    };
    crate::web::feed::feed(
        &state,
        filter,
        format!(
            "{}: statements on the 28-point plan · Pointwise",
            speaker.name
        ),
        &format!("/speakers/{}", speaker.slug),
        &format!("/speakers/{}/feed.atom", speaker.slug),
    )
    .await
}

/// The JSON twin of a speaker's page.
fn detail_json(
    speaker: &SpeakerRow,
    statements: &[StatementRow],
    pages: &Pager,
    base: &str,
) -> Response {
    let abs = |p: &Option<String>| p.as_ref().map(|p| format!("{base}{p}"));
    formats::json(&serde_json::json!({
        "speaker": SpeakerOut::new(speaker, base),
        "total": speaker.statements,
        "next": abs(&pages.next),
        "prev": abs(&pages.prev),
        "statements": statements
            .iter()
            .map(|s| StatementOut::new(s, base))
            .collect::<Vec<_>>(),
    }))
}

/// Statements per point, in all: (point, its label and title, statements).
fn point_counts(provisions: &[ProvisionRow], counts: Vec<(i64, i64)>) -> Vec<(i64, String, i64)> {
    counts
        .into_iter()
        .map(|(n, count)| {
            let title = provisions
                .iter()
                .find(|p| p.number == n)
                .map_or_else(String::new, |p| format!("{}: {}", p.label(), p.title));
            (n, title, count)
        })
        .collect()
}

/// The page's statements by point: each statement once (its id is an anchor), under its first
/// point other than the plan as a whole; its chips name the others.
fn by_point(provisions: Vec<ProvisionRow>, statements: &[StatementRow]) -> Vec<PointGroup> {
    let home = |s: &StatementRow| {
        let points = s.provision_numbers();
        points
            .iter()
            .copied()
            .find(|n| *n != 0)
            .or(points.first().copied())
    };
    provisions
        .into_iter()
        .filter_map(|p| {
            let st: Vec<StatementRow> = statements
                .iter()
                .filter(|s| home(s) == Some(p.number))
                .cloned()
                .collect();
            (!st.is_empty()).then_some(PointGroup {
                provision: p,
                statements: st,
            })
        })
        .collect()
}

/// `GET /speakers/{slug}` and `/speakers/{slug}.json` (`after`, `before`, `size`: the pages
/// of the statements, oldest first)
pub async fn detail_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<RawStatementQuery>,
) -> WebResult<Response> {
    let (slug, as_json) = super::json_suffix(slug);
    let mut filter = paging(&query)?;
    let speaker = find(&state, &slug).await?;
    filter.speakers = vec![speaker.slug.clone()];
    let (statements, more) = queries::statement_page(&state.pool, &filter).await?;
    let total = speaker.statements;
    let path = format!("/speakers/{}", speaker.slug);
    if as_json {
        let pages = pager(&format!("{path}.json"), &filter, &statements, more);
        return Ok(detail_json(
            &speaker,
            &statements,
            &pages,
            &state.public_url,
        ));
    }
    let pages = pager(&path, &filter, &statements, more);
    let provisions = queries::list_provisions(&state.pool).await?;
    let points = point_counts(
        &provisions,
        tally::speaker_points(&state.pool, speaker.id).await?,
    );
    let groups = by_point(provisions, &statements);
    let meta = PageMeta::new(
        &format!("{}: statements on the 28-point plan", speaker.name),
        &format!(
            "{total} statements by {} on the US 28-point peace plan, by point.",
            speaker.name
        ),
        &canonical_page(&path, &query),
        vec![
            crumb("Matrix", "/"),
            crumb("Speakers", "/speakers"),
            crumb(speaker.name.clone(), format!("/speakers/{}", speaker.slug)),
        ],
    )
    .with_alternate(JSON, format!("/speakers/{}.json", speaker.slug))
    .with_alternate(ATOM, format!("/speakers/{}/feed.atom", speaker.slug))
    .with_base(&state.public_url);
    Ok(render(&SpeakerPage {
        meta,
        speaker,
        groups,
        points,
        pages,
    })?
    .into_response())
}
