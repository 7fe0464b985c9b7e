//! `/versions` (the timeline of the plan's texts and the talks between them), `/versions/{slug}`
//! (one text's items in its own order, each linked to the points it carries on) and the JSON
//! twins, with `/provisions/{n}/versions.json` (a point's wording in each text).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::{json_suffix, no_such_point, parse_id};
use crate::model::PointNumber;
use crate::versions::{Disagreement, Version};
use crate::web::error::{WebError, WebResult};
use crate::web::formats;
use crate::web::page::{JSON, PageMeta, crumb, render};
use crate::web::state::AppState;
use crate::web::versions::{self, Moment, PointStatus};

/// The timeline of versions and talks.
#[derive(Template)]
#[template(path = "pages/versions.html")]
pub struct VersionsPage {
    /// Head data.
    pub meta: PageMeta,
    /// Versions and talks by date.
    pub moments: Vec<Moment>,
}

/// One version.
#[derive(Template)]
#[template(path = "pages/version.html")]
pub struct VersionPage {
    /// Head data.
    pub meta: PageMeta,
    /// The version.
    pub version: &'static Version,
    /// The 28 points as it leaves them.
    pub statuses: Vec<PointStatus>,
    /// Facts about it the sources disagree on.
    pub disagreements: Vec<&'static Disagreement>,
    /// The day statements stop falling in its time, when another text follows.
    pub until: Option<&'static str>,
}

/// `GET /versions`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Response> {
    let v = versions::data()?;
    let meta = PageMeta::new(
        "The plan's versions and the talks between them",
        "How the US 28-point plan changed: the European counter-proposal, the Geneva 19-point draft and the 20-point framework, with the talks between them.",
        "/versions",
        vec![crumb("Matrix", "/"), crumb("Versions", "/versions")],
    )
    .with_alternate(JSON, "/versions.json")
    .with_base(&state.public_url);
    Ok(render(&VersionsPage {
        meta,
        moments: versions::moments(v),
    })?
    .into_response())
}

/// `GET /versions.json`: every version (with its items and statuses), the talks, the
/// disagreements and the timeline.
pub async fn list_json(State(state): State<AppState>) -> WebResult<Response> {
    let v = versions::data()?;
    let base = &state.public_url;
    let out: Vec<serde_json::Value> = v.versions.iter().map(|x| version_json(x, base)).collect();
    Ok(formats::json(&serde_json::json!({
        "versions": out,
        "talks": v.talks,
        "disagreements": v.disagreements,
        "timeline": versions::moments(v),
    })))
}

fn version_json(x: &Version, base: &str) -> serde_json::Value {
    serde_json::json!({
        "slug": x.slug,
        "name": x.name,
        "date": x.date,
        "drafted_by": x.drafted_by,
        "knowledge": x.knowledge,
        "from": x.from,
        "sources": x.sources,
        "note": x.note,
        "items": x.items,
        "points": versions::statuses(x),
        "url": format!("{base}/versions/{}", x.slug),
        "statements_url": format!("{base}/statements.json?version={}", x.slug),
    })
}

/// `GET /versions/{slug}` and `/versions/{slug}.json`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Response> {
    let v = versions::data()?;
    let (slug, as_json) = json_suffix(raw);
    let version = v.get(&slug).ok_or_else(|| {
        WebError::NotFound(format!(
            "There is no version “{}”. The versions are listed at /versions.",
            slug.chars().take(40).collect::<String>()
        ))
    })?;
    let disagreements: Vec<&Disagreement> = v
        .disagreements
        .iter()
        .filter(|d| d.version == version.slug)
        .collect();
    if as_json {
        let mut out = version_json(version, &state.public_url);
        out["disagreements"] = serde_json::json!(disagreements);
        return Ok(formats::json(&out));
    }
    let path = format!("/versions/{}", version.slug);
    let meta = PageMeta::new(
        &version.name,
        &format!(
            "{} ({}): its items in its own order, each linked to the points of the 28-point plan it carries on.",
            version.name, version.date
        ),
        &path,
        vec![
            crumb("Matrix", "/"),
            crumb("Versions", "/versions"),
            crumb(version.short.clone(), path.clone()),
        ],
    )
    .with_alternate(JSON, format!("{path}.json"))
    .with_base(&state.public_url);
    Ok(render(&VersionPage {
        meta,
        version,
        statuses: versions::statuses(version),
        disagreements,
        until: v.until(version),
    })?
    .into_response())
}

/// `GET /provisions/{n}/versions.json`: the point's wording and status in each version, with
/// the word-level changes from the version before.
pub async fn point_json(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Response> {
    let number = parse_id(&raw, "point")?;
    let point = PointNumber::new(number)
        .filter(|p| p.number() > 0)
        .ok_or_else(|| no_such_point(number))?;
    let v = versions::data()?;
    let n = u8::try_from(point.number()).map_err(|_| no_such_point(number))?;
    let out = versions::point_versions(v, n, None);
    Ok(formats::json(&serde_json::json!({
        "point": out.point,
        "url": format!("{}/provisions/{number}#versions", state.public_url),
        "versions": out.columns,
    })))
}
