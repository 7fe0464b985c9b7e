//! Machine formats of the points: `/provisions.json` and the per-point Atom feed
//! `/provisions/{n}/feed.atom` (the HTML pages are in [`super::provisions`]).

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Serialize;

use super::{no_such_point, parse_id};
use crate::db::models::{ProvisionRow, StatementFilter};
use crate::db::queries::{self, Facet};
use crate::model::PointNumber;
use crate::web::error::WebResult;
use crate::web::formats;
use crate::web::state::AppState;

/// A point in the JSON twin.
#[derive(Serialize)]
struct ProvisionOut<'a> {
    number: i64,
    category: Option<&'a str>,
    title: &'a str,
    summary: &'a str,
    sub_points: Vec<String>,
    keywords: Vec<String>,
    statements: i64,
    url: String,
    statements_url: String,
    feed: String,
}

/// `GET /provisions.json`: every point, with how many statements link to it.
pub async fn provisions_json(State(state): State<AppState>) -> WebResult<Response> {
    let provisions = queries::list_provisions(&state.pool).await?;
    let (counts, _) = queries::facet_counts(
        &state.pool,
        &StatementFilter::default(),
        Facet::Provision,
        0,
    )
    .await?;
    let base = &state.public_url;
    let out: Vec<ProvisionOut> = provisions
        .iter()
        .map(|p: &ProvisionRow| ProvisionOut {
            number: p.number,
            category: p.category.as_deref(),
            title: &p.title,
            summary: &p.summary,
            sub_points: p.sub_point_list(),
            keywords: p.keyword_list(),
            statements: counts
                .iter()
                .find(|c| c.value == p.number.to_string())
                .map_or(0, |c| c.count),
            url: format!("{base}/provisions/{}", p.number),
            statements_url: format!("{base}/statements.json?provision={}", p.number),
            feed: format!("{base}/provisions/{}/feed.atom", p.number),
        })
        .collect();
    Ok(formats::json(&serde_json::json!({ "provisions": out })))
}

/// `GET /provisions/{number}/feed.atom`: the newest statements on one point.
pub async fn provision_feed(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Response> {
    let number = parse_id(&raw, "point")?;
    let point = PointNumber::new(number).ok_or_else(|| no_such_point(number))?;
    let provision = queries::get_provision(&state.pool, number)
        .await?
        .ok_or_else(|| no_such_point(number))?;
    let filter = StatementFilter {
        provisions: vec![point],
        ..Default::default()
    };
    crate::web::feed::feed(
        &state,
        filter,
        format!(
            "{}: {} · statements on the 28-point plan · Pointwise",
            provision.label(),
            provision.title
        ),
        &format!("/provisions/{number}"),
        &format!("/provisions/{number}/feed.atom"),
    )
    .await
}
