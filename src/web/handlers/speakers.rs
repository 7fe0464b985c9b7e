//! `/speakers` and `/speakers/{slug}`: everything one speaker said, by point.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use crate::db::models::{ProvisionRow, SpeakerRow, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::page::{PageMeta, crumb, render};
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
    .with_base(&state.public_url);
    render(&SpeakersPage { meta, speakers })
}

/// `GET /speakers/{slug}`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> WebResult<Html<String>> {
    let not_found = || WebError::NotFound("No speaker has this identifier.".to_string());
    if slug.len() > 120 {
        return Err(not_found());
    }
    let speaker = queries::get_speaker(&state.pool, &slug)
        .await?
        .ok_or_else(not_found)?;
    let filter = StatementFilter {
        speakers: vec![speaker.slug.clone()],
        limit: 10_000,
        ..Default::default()
    };
    let (statements, total) = queries::list_statements(&state.pool, &filter).await?;
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
    .with_base(&state.public_url);
    render(&SpeakerPage {
        meta,
        speaker,
        groups,
    })
}
