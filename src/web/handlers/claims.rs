//! `/claims`: the numbers and key terms of statements checked against the text of the version
//! they speak of, by point and by source; `/claims.json` its twin. `verdict=contradicts` or
//! `verdict=matches` keeps one kind.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::Query;
use serde::Deserialize;

use crate::db::versions::list_claims;
use crate::web::error::{WebError, WebResult};
use crate::web::formats;
use crate::web::page::{JSON, PageMeta, crumb, render};
use crate::web::state::AppState;
use crate::web::versions::{OutletClaims, PointClaims, group_claims};

/// The most claims a page lists.
const MAX_CLAIMS: i64 = 2000;

/// The query of `/claims`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ClaimsQuery {
    /// `contradicts` or `matches` (the last value when repeated).
    pub verdict: Vec<String>,
}

/// The claims page.
#[derive(Template)]
#[template(path = "pages/claims.html")]
pub struct ClaimsPage {
    /// Head data.
    pub meta: PageMeta,
    /// The verdict kept, if one.
    pub verdict: String,
    /// Claims by point.
    pub points: Vec<PointClaims>,
    /// Claims counted by outlet.
    pub outlets: Vec<OutletClaims>,
    /// Claims in all: (contradicting, matching).
    pub totals: (usize, usize),
}

fn parse_verdict(q: &ClaimsQuery) -> WebResult<Option<&'static str>> {
    match q
        .verdict
        .iter()
        .rev()
        .find(|v| !v.is_empty())
        .map(String::as_str)
    {
        None => Ok(None),
        Some("contradicts") => Ok(Some("contradicts")),
        Some("matches") => Ok(Some("matches")),
        Some(other) => Err(WebError::BadRequest(format!(
            "The parameter verdict cannot be “{}”: it takes contradicts or matches.",
            other.chars().take(40).collect::<String>()
        ))),
    }
}

async fn load(
    state: &AppState,
    q: &ClaimsQuery,
) -> WebResult<(Option<&'static str>, Vec<PointClaims>, Vec<OutletClaims>)> {
    let verdict = parse_verdict(q)?;
    let claims = list_claims(&state.pool, verdict, MAX_CLAIMS).await?;
    let (points, outlets) = group_claims(claims);
    Ok((verdict, points, outlets))
}

/// `GET /claims`
pub async fn claims_page(
    State(state): State<AppState>,
    Query(q): Query<ClaimsQuery>,
) -> WebResult<Response> {
    let (verdict, points, outlets) = load(&state, &q).await?;
    let totals = outlets
        .iter()
        .fold((0, 0), |(c, m), o| (c + o.contradicts, m + o.matches));
    let suffix = verdict.map_or(String::new(), |v| format!("?verdict={v}"));
    let meta = PageMeta::new(
        "Claims checked against the text",
        &format!(
            "{} statements contradict the text of the plan's version they speak of and {} match it: army size, elections, frozen assets, G8, amnesty, territory.",
            totals.0, totals.1
        ),
        &format!("/claims{suffix}"),
        vec![crumb("Matrix", "/"), crumb("Claims", "/claims")],
    )
    .with_alternate(JSON, format!("/claims.json{suffix}"))
    .with_base(&state.public_url);
    Ok(render(&ClaimsPage {
        meta,
        verdict: verdict.unwrap_or("").to_string(),
        points,
        outlets,
        totals,
    })?
    .into_response())
}

/// `GET /claims.json`
pub async fn claims_json(
    State(state): State<AppState>,
    Query(q): Query<ClaimsQuery>,
) -> WebResult<Response> {
    let (_, points, outlets) = load(&state, &q).await?;
    Ok(formats::json(&serde_json::json!({
        "by_point": points,
        "by_source": outlets,
    })))
}
