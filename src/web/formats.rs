//! The machine formats of the listings: JSON and CSV (safe to open in a spreadsheet); Atom is
//! in [`super::feed`].

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::db::models::{LinkView, ProvisionRow, StatementRow};

/// A JSON response (`application/json`).
pub fn json<T: Serialize>(value: &T) -> Response {
    match serde_json::to_string_pretty(value) {
        Ok(body) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "json error");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// One statement as the JSON twins show it.
#[derive(Serialize)]
pub struct StatementOut<'a> {
    /// The row.
    #[serde(flatten)]
    pub row: &'a StatementRow,
    /// Its permalink.
    pub url: String,
    /// The points it is about, with the words that linked each.
    pub provisions: Vec<LinkView>,
}

impl<'a> StatementOut<'a> {
    /// The JSON form of `row`, with URLs under `base`.
    pub fn new(row: &'a StatementRow, base: &str) -> Self {
        StatementOut {
            url: format!("{base}/statements/{}", row.id),
            provisions: row.link_list(),
            row,
        }
    }
}

/// A point as the JSON twins show it (`/provisions.json`, `/provisions/{n}.json`).
#[derive(Serialize)]
pub struct ProvisionOut<'a> {
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

impl<'a> ProvisionOut<'a> {
    /// The JSON form of point `p` with its number of `statements`, with URLs under `base`.
    pub fn new(p: &'a ProvisionRow, statements: i64, base: &str) -> Self {
        ProvisionOut {
            number: p.number,
            category: p.category.as_deref(),
            title: &p.title,
            summary: &p.summary,
            sub_points: p.sub_point_list(),
            keywords: p.keyword_list(),
            statements,
            url: format!("{base}/provisions/{}", p.number),
            statements_url: format!("{base}/statements.json?provision={}", p.number),
            feed: format!("{base}/provisions/{}/feed.atom", p.number),
        }
    }
}

/// A CSV cell: always quoted (quotes doubled), and a leading `=`, `+`, `-`, `@` (or their
/// fullwidth forms, which spreadsheets also read as operators), tab or carriage return gets an
/// apostrophe first, so a spreadsheet shows it as text instead of running it as a formula.
pub fn csv_cell(value: &str) -> String {
    let guard = matches!(
        value.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠')
    );
    let mut out = String::with_capacity(value.len() + 3);
    out.push('"');
    if guard {
        out.push('\'');
    }
    out.push_str(&value.replace('"', "\"\""));
    out.push('"');
    out
}

/// A CSV record ending in CRLF.
pub fn csv_row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The header of the statements CSV.
pub const STATEMENT_CSV_HEADER: [&str; 17] = [
    "id",
    "url",
    "date",
    "publisher",
    "source_id",
    "source_title",
    "speaker_slug",
    "speaker",
    "kind",
    "stance",
    "points",
    "text",
    "stance_cues",
    "rule",
    "confidence",
    "speaker_via",
    "review",
];

/// One statement as a CSV record.
pub fn statement_csv_row(s: &StatementRow, base: &str) -> String {
    let points = s
        .provision_numbers()
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    csv_row(&[
        s.id.to_string(),
        format!("{base}/statements/{}", s.id),
        s.published_date.clone().unwrap_or_default(),
        s.publisher.clone(),
        s.source_id.to_string(),
        s.source_title.clone(),
        s.speaker_slug.clone().unwrap_or_default(),
        s.speaker_label(),
        s.kind.to_string(),
        s.stance.to_string(),
        points,
        s.text.clone(),
        s.stance_cues.clone(),
        s.rule.clone(),
        format!("{:.2}", s.confidence),
        s.speaker_via.clone(),
        s.review.clone(),
    ])
}

/// A CSV download named `file_name`.
pub fn csv_response(body: String, file_name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "\"plain\"");
        assert_eq!(csv_cell("say \"no\", twice"), "\"say \"\"no\"\", twice\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for bad in [
            "+1",
            "-1+2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
        ] {
            assert!(csv_cell(bad).starts_with("\"'"), "{bad:?}");
        }
        assert_eq!(csv_row(&["a", "b\nc"]), "\"a\",\"b\nc\"\r\n");
    }
}
