//! `/statements` (filterable list; the URL is the whole state) and `/statements/{id}`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use axum_extra::extract::Query;

use super::parse_id;
use crate::db::models::{CategoryRow, ProvisionRow, SourceRow, SpeakerRow, StatementRow};
use crate::db::queries;
use crate::ingest::{Kind, Stance};
use crate::web::filter::{PAGE_SIZE, RawStatementQuery, query_string};
use crate::web::page::{PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

/// One option of a select box.
pub struct Choice {
    /// Value sent.
    pub value: String,
    /// Label shown.
    pub label: String,
    /// Currently selected.
    pub selected: bool,
}

/// The list page.
#[derive(Template)]
#[template(path = "pages/statements.html")]
pub struct StatementsPage {
    /// Head data.
    pub meta: PageMeta,
    /// The rows of this page.
    pub rows: Vec<StatementRow>,
    /// Rows matching in all.
    pub total: i64,
    /// What the filter shows, in words.
    pub summary: String,
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
    /// Link to the previous page, if any.
    pub prev: Option<String>,
    /// Link to the next page, if any.
    pub next: Option<String>,
    /// Current page number.
    pub page: i64,
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

fn summary(
    total: i64,
    f: &crate::db::models::StatementFilter,
    provisions: &[ProvisionRow],
    speakers: &[SpeakerRow],
    sources: &[SourceRow],
    categories: &[CategoryRow],
) -> String {
    let mut s = format!("{total} statement{}", if total == 1 { "" } else { "s" });
    let names = |v: Vec<String>| v.join(" or ");
    if !f.kinds.is_empty() {
        s = format!(
            "{total} {}",
            names(f.kinds.iter().map(|k| format!("{k}s")).collect())
        );
    }
    if !f.stances.is_empty() {
        s.push_str(&format!(
            " that {}",
            names(
                f.stances
                    .iter()
                    .map(|x| if x == "mixed" {
                        "are mixed".into()
                    } else if x == "neutral" {
                        "are neutral".into()
                    } else {
                        x.clone()
                    })
                    .collect()
            )
        ));
    }
    if !f.provisions.is_empty() {
        s.push_str(&format!(
            " on {}",
            names(
                f.provisions
                    .iter()
                    .map(|n| provisions.iter().find(|p| p.number == *n).map_or(
                        format!("point {n}"),
                        |p| if p.number == 0 {
                            "the plan as a whole".into()
                        } else {
                            format!("point {n} ({})", p.title)
                        }
                    ))
                    .collect()
            )
        ));
    }
    if !f.categories.is_empty() {
        s.push_str(&format!(
            " in {}",
            names(
                f.categories
                    .iter()
                    .map(|c| categories
                        .iter()
                        .find(|x| &x.slug == c)
                        .map_or(c.clone(), |x| x.name.clone()))
                    .collect()
            )
        ));
    }
    if !f.speakers.is_empty() {
        s.push_str(&format!(
            " by {}",
            names(
                f.speakers
                    .iter()
                    .map(|c| speakers
                        .iter()
                        .find(|x| &x.slug == c)
                        .map_or(c.clone(), |x| x.name.clone()))
                    .collect()
            )
        ));
    }
    if !f.sources.is_empty() {
        s.push_str(&format!(
            " in {}",
            names(
                f.sources
                    .iter()
                    .map(|c| sources
                        .iter()
                        .find(|x| x.id == *c)
                        .map_or(format!("source {c}"), |x| x.short_name()))
                    .collect()
            )
        ));
    }
    s
}

/// `GET /statements`
pub async fn list_page(
    State(state): State<AppState>,
    Query(raw): Query<RawStatementQuery>,
) -> WebResult<Html<String>> {
    let filter = raw.parse()?;
    let (rows, total) = queries::list_statements(&state.pool, &filter).await?;
    let provisions = queries::list_provisions(&state.pool).await?;
    let speakers = queries::list_speakers(&state.pool).await?;
    let sources = queries::list_sources(&state.pool).await?;
    let categories = queries::list_categories(&state.pool).await?;
    let text = summary(
        total,
        &filter,
        &provisions,
        &speakers,
        &sources,
        &categories,
    );
    let qs = query_string(&filter);
    let page = filter.offset / PAGE_SIZE + 1;
    let link = |p: i64| {
        let mut parts = vec![];
        if !qs.is_empty() {
            parts.push(qs.clone());
        }
        if p > 1 {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            "/statements".to_string()
        } else {
            format!("/statements?{}", parts.join("&"))
        }
    };
    let provision_values: Vec<String> = filter.provisions.iter().map(|p| p.to_string()).collect();
    let source_values: Vec<String> = filter.sources.iter().map(|p| p.to_string()).collect();
    let meta = PageMeta::new(
        &format!("{} · Pointwise", upper_first(&text)),
        &format!("{} about the US 28-point peace plan.", upper_first(&text)),
        &link(page),
        vec![crumb("Matrix", "/"), crumb("Statements", link(page))],
    )
    .with_base(&state.public_url);
    render(&StatementsPage {
        meta,
        provisions: choices(&provisions, &provision_values, |p| {
            (p.number.to_string(), format!("{}: {}", p.label(), p.title))
        }),
        categories: choices(&categories, &filter.categories, |c| {
            (c.slug.clone(), format!("{}. {}", c.letter, c.name))
        }),
        speakers: choices(&speakers, &filter.speakers, |s| {
            (s.slug.clone(), s.name.clone())
        }),
        sources: choices(&sources, &source_values, |s| {
            (s.id.to_string(), s.dateline())
        }),
        kinds: choices(&Kind::ALL, &filter.kinds, |k| {
            (k.as_str().to_string(), k.as_str().to_string())
        }),
        stances: choices(&Stance::ALL, &filter.stances, |k| {
            (k.as_str().to_string(), k.as_str().to_string())
        }),
        prev: (page > 1).then(|| link(page - 1)),
        next: (filter.offset + PAGE_SIZE < total).then(|| link(page + 1)),
        page,
        rows,
        total,
        summary: text,
    })
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

/// `GET /statements/{id}`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Html<String>> {
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
    .with_base(&state.public_url);
    render(&StatementPage {
        meta,
        statement,
        before,
        after,
    })
}
