//! The machine formats of the listings: JSON, CSV (safe to open in a spreadsheet) and Atom.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::db::models::{LinkView, StatementRow};

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
pub const STATEMENT_CSV_HEADER: [&str; 16] = [
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
        s.kind.clone(),
        s.stance.clone(),
        points,
        s.text.clone(),
        s.stance_cues.clone(),
        s.rule.clone(),
        format!("{:.2}", s.confidence),
        s.speaker_via.clone(),
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

/// Escapes text for XML content and attribute values, dropping the characters XML 1.0
/// cannot hold (most C0 controls, unpaired surrogates cannot occur in a Rust string).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A feed of statements.
pub struct Feed<'a> {
    /// Feed title.
    pub title: String,
    /// The HTML page the feed follows (absolute); also the feed's id.
    pub page_url: String,
    /// The feed's own URL (absolute).
    pub self_url: String,
    /// Base URL for the entries' links.
    pub base: &'a str,
    /// Entries, newest first.
    pub statements: &'a [StatementRow],
}

fn timestamp(date: Option<&str>) -> Option<String> {
    date.map(|d| format!("{d}T00:00:00Z"))
}

/// The Atom document of a feed.
pub fn atom(feed: &Feed<'_>) -> String {
    let updated = feed
        .statements
        .iter()
        .filter_map(|s| s.published_date.as_deref())
        .max()
        .and_then(|d| timestamp(Some(d)))
        .unwrap_or_else(|| "2025-11-20T00:00:00Z".into());
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.push_str(&format!("  <title>{}</title>\n", xml_escape(&feed.title)));
    x.push_str(&format!("  <id>{}</id>\n", xml_escape(&feed.page_url)));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&feed.self_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&feed.page_url)
    ));
    x.push_str(&format!("  <updated>{updated}</updated>\n"));
    x.push_str("  <author><name>Pointwise</name></author>\n");
    x.push_str("  <generator>Pointwise</generator>\n");
    for s in feed.statements {
        let url = format!("{}/statements/{}", feed.base, s.id);
        let short: String = s.text.chars().take(100).collect();
        let ellipsis = if short.len() < s.text.len() {
            "…"
        } else {
            ""
        };
        let title = format!(
            "{} ({}, {}): {short}{ellipsis}",
            s.speaker_label(),
            s.kind,
            s.stance
        );
        let when = timestamp(s.published_date.as_deref()).unwrap_or_else(|| updated.clone());
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", xml_escape(&title)));
        x.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        x.push_str(&format!("    <updated>{when}</updated>\n"));
        x.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml_escape(&s.speaker_label())
        ));
        for n in s.provision_numbers() {
            let label = if n == 0 {
                "plan".to_string()
            } else {
                format!("point {n}")
            };
            x.push_str(&format!(
                "    <category term=\"{n}\" label=\"{}\" scheme=\"{}/provisions/\"/>\n",
                xml_escape(&label),
                xml_escape(feed.base)
            ));
        }
        x.push_str(&format!(
            "    <content type=\"text\">{}\n\n{}</content>\n",
            xml_escape(&s.text),
            xml_escape(&format!("{} in {}", s.speaker_label(), s.source_label()))
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// An Atom response.
pub fn atom_response(body: String) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        )],
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

    #[test]
    fn xml_escape_handles_markup_and_controls() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'\u{1}\u{b}ok\n"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok\n"
        );
    }
}
