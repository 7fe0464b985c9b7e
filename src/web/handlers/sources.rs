//! `/sources` and `/sources/{id}`: an article with every statement highlighted in place.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::parse_id;
use crate::db::models::{SourceRow, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::page::{PageMeta, crumb, render};
use crate::web::{AppState, WebError, WebResult};

/// A run of body text, highlighted when it is a statement.
pub struct Piece {
    /// The text.
    pub text: String,
    /// The statement it is, if any.
    pub statement: Option<StatementRow>,
}

/// The article page.
#[derive(Template)]
#[template(path = "pages/source.html")]
pub struct SourcePage {
    /// Head data.
    pub meta: PageMeta,
    /// The article.
    pub source: SourceRow,
    /// Paragraphs, each a list of pieces.
    pub paragraphs: Vec<Vec<Piece>>,
    /// The statements, in order.
    pub statements: Vec<StatementRow>,
}

/// The list of sources.
#[derive(Template)]
#[template(path = "pages/sources.html")]
pub struct SourcesPage {
    /// Head data.
    pub meta: PageMeta,
    /// All sources.
    pub sources: Vec<SourceRow>,
}

/// `GET /sources`
pub async fn list_page(State(state): State<AppState>) -> WebResult<Html<String>> {
    let sources = queries::list_sources(&state.pool).await?;
    let meta = PageMeta::new(
        "Sources",
        &format!(
            "The {} articles Pointwise has read about the 28-point plan.",
            sources.len()
        ),
        "/sources",
        vec![crumb("Matrix", "/"), crumb("Sources", "/sources")],
    )
    .with_base(&state.public_url);
    render(&SourcesPage { meta, sources })
}

/// Splits the body into paragraphs of plain and highlighted pieces.
fn pieces(body: &str, statements: &[StatementRow]) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in body.split("\n\n") {
        let start = offset;
        let end = start + para.len();
        offset = end + 2;
        let mut pieces = Vec::new();
        let mut cursor = start;
        for s in statements {
            let (a, b) = (s.span_start as usize, s.span_end as usize);
            if a < cursor
                || b > end
                || a >= b
                || !body.is_char_boundary(a)
                || !body.is_char_boundary(b)
            {
                continue;
            }
            if a > cursor {
                pieces.push(Piece {
                    text: body[cursor..a].to_string(),
                    statement: None,
                });
            }
            pieces.push(Piece {
                text: body[a..b].to_string(),
                statement: Some(s.clone()),
            });
            cursor = b;
        }
        if cursor < end {
            pieces.push(Piece {
                text: body[cursor..end].to_string(),
                statement: None,
            });
        }
        out.push(pieces);
    }
    out
}

/// `GET /sources/{id}`
pub async fn detail_page(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> WebResult<Html<String>> {
    let id = parse_id(&raw, "source")?;
    let (source, body) = queries::get_source(&state.pool, id)
        .await?
        .ok_or_else(|| WebError::NotFound(format!("There is no source {id}.")))?;
    let filter = StatementFilter {
        sources: vec![id],
        limit: 10_000,
        ..Default::default()
    };
    let (mut statements, _) = queries::list_statements(&state.pool, &filter).await?;
    statements.sort_by_key(|s| s.span_start);
    let title = if source.title.is_empty() {
        source.file_name.clone()
    } else {
        source.title.clone()
    };
    let meta = PageMeta::new(
        &title,
        &format!(
            "{}: {} statements on the 28-point plan, highlighted in the article.",
            source.dateline(),
            statements.len()
        ),
        &format!("/sources/{id}"),
        vec![
            crumb("Matrix", "/"),
            crumb("Sources", "/sources"),
            crumb(source.short_name(), format!("/sources/{id}")),
        ],
    )
    .with_base(&state.public_url);
    let paragraphs = pieces(&body, &statements);
    render(&SourcePage {
        meta,
        source,
        paragraphs,
        statements,
    })
}
