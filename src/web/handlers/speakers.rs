//! `/speakers` and `/speakers/{slug}`: everything one speaker said, by point.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::db::models::{ProvisionRow, SpeakerRow, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::formats::{self, StatementOut};
use crate::web::page::{ATOM, JSON, PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

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
    /// By point.
    pub groups: Vec<PointGroup>,
}

/// The list of speakers.
#[derive(Template)]
#[template(path = "pages/speakers.html")]
pub struct SpeakersPage {
    /// Head data.
    pub meta: PageMeta,
    /// Speakers with statements.
    pub speakers: Vec<SpeakerRow>,
}

/// `GET /speakers`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Html<String>> {
    let speakers = queries::list_speakers(&state.pool).await?;
    let meta = PageMeta::new(
        "Speakers",
        &format!(
            "The {} people, bodies and media quoted on the 28-point plan.",
            speakers.len()
        ),
        "/speakers",
        vec![crumb("Matrix", "/"), crumb("Speakers", "/speakers")],
    )
    .with_alternate(JSON, "/speakers.json")
    .with_base(&state.public_url);
    render(&SpeakersPage { meta, speakers })
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

/// `GET /speakers.json`
pub async fn list_json(State(state): State<AppState>) -> WebResult<Response> {
    let speakers = queries::list_speakers(&state.pool).await?;
    let out: Vec<SpeakerOut> = speakers
        .iter()
        .map(|s| SpeakerOut::new(s, &state.public_url))
        .collect();
    Ok(formats::json(&serde_json::json!({
        "total": out.len(),
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
    super::statements::feed(
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

/// `GET /speakers/{slug}` and `/speakers/{slug}.json`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let (slug, as_json) = super::json_suffix(slug);
    let speaker = find(&state, &slug).await?;
    let filter = StatementFilter {
        speakers: vec![speaker.slug.clone()],
        limit: 10_000,
        ..Default::default()
    };
    let (statements, total) = queries::list_statements(&state.pool, &filter).await?;
    if as_json {
        let base = &state.public_url;
        return Ok(formats::json(&serde_json::json!({
            "speaker": SpeakerOut::new(&speaker, base),
            "statements": statements
                .iter()
                .map(|s| StatementOut::new(s, base))
                .collect::<Vec<_>>(),
        })));
    }
    let groups = queries::list_provisions(&state.pool)
        .await?
        .into_iter()
        .filter_map(|p| {
            let st: Vec<StatementRow> = statements
                .iter()
                // each statement once (its id is an anchor), under its first point other
                // than the plan as a whole; its chips name the others
                .filter(|s| {
                    let points = s.provision_numbers();
                    points
                        .iter()
                        .copied()
                        .find(|n| *n != 0)
                        .or(points.first().copied())
                        == Some(p.number)
                })
                .cloned()
                .collect();
            (!st.is_empty()).then_some(PointGroup {
                provision: p,
                statements: st,
            })
        })
        .collect();
    let meta = PageMeta::new(
        &format!("{}: statements on the 28-point plan", speaker.name),
        &format!(
            "{total} statements by {} on the US 28-point peace plan, by point.",
            speaker.name
        ),
        &format!("/speakers/{}", speaker.slug),
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
    })?
    .into_response())
}
