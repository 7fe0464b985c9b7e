//! Machine formats of the points: `/provisions.json` and the per-point Atom feed
//! `/provisions/{n}/feed.atom` (the HTML pages are in [`super::provisions`]).

use axum::extract::{Path, State};
use axum::response::Response;

use super::{no_such_point, parse_id};
use crate::db::models::{ProvisionRow, StatementFilter};
use crate::db::queries;
use crate::model::PointNumber;
use crate::web::error::WebResult;
use crate::web::formats::{self, ProvisionOut};
use crate::web::state::AppState;

/// `GET /provisions.json`: every point, with how many statements link to it.
pub async fn provisions_json(State(state): State<AppState>) -> WebResult<Response> {
    let provisions = queries::list_provisions(&state.pool).await?;
    let counts = crate::db::tally::point_counts(&state.pool).await?;
    let base = &state.public_url;
    let out: Vec<ProvisionOut> = provisions
        .iter()
        .map(|p: &ProvisionRow| {
            let n = counts.get(&p.number).copied().unwrap_or(0);
            ProvisionOut::new(p, n, base)
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
