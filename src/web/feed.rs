//! The Atom feeds: the newest statements of a filter, rendered by `templates/feed.atom`.

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::db::models::{Sort, StatementFilter, StatementRow};
use crate::db::queries;
use crate::web::error::WebResult;
use crate::web::state::AppState;

/// Entries in a feed.
pub const FEED_ENTRIES: i64 = 50;

/// Escapes text for XML content and attribute values, dropping the characters XML 1.0 cannot
/// hold (most C0 controls; unpaired surrogates cannot occur in a Rust string). The escaper of
/// the `.atom` templates (see `askama.toml`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, s: &str) -> std::fmt::Result {
        for c in s.chars() {
            match c {
                '&' => dest.write_str("&amp;")?,
                '<' => dest.write_str("&lt;")?,
                '>' => dest.write_str("&gt;")?,
                '"' => dest.write_str("&quot;")?,
                '\'' => dest.write_str("&apos;")?,
                '\t' | '\n' | '\r' => dest.write_char(c)?,
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
                c => dest.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// One entry of a feed.
pub struct Entry<'a> {
    /// The statement.
    pub statement: &'a StatementRow,
    /// Its permalink (absolute); also the entry's id.
    pub url: String,
    /// Its first 100 characters, with an ellipsis when cut.
    pub short: String,
    /// Its article's date, or the feed's when undated.
    pub updated: String,
}

/// A feed of statements.
#[derive(Template)]
#[template(path = "feed.atom")]
pub struct Feed<'a> {
    /// Feed title.
    pub title: String,
    /// The HTML page the feed follows (absolute); also the feed's id.
    pub page_url: String,
    /// The feed's own URL (absolute).
    pub self_url: String,
    /// Base URL for the entries' links.
    pub base: &'a str,
    /// The newest entry's date (or a fixed date for an empty feed).
    pub updated: String,
    /// Entries, newest first.
    pub entries: Vec<Entry<'a>>,
}

fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

impl<'a> Feed<'a> {
    /// The feed of `statements` (newest first), linked under `base`.
    pub fn new(
        title: String,
        page_url: String,
        self_url: String,
        base: &'a str,
        statements: &'a [StatementRow],
    ) -> Self {
        let updated = statements
            .iter()
            .filter_map(|s| s.published_date.as_deref())
            .max()
            .map_or_else(|| "2025-11-20T00:00:00Z".to_string(), timestamp);
        let entries = statements
            .iter()
            .map(|s| {
                let short: String = s.text.chars().take(100).collect();
                let cut = short.len() < s.text.len();
                Entry {
                    statement: s,
                    url: format!("{base}/statements/{}", s.id),
                    short: if cut { format!("{short}…") } else { short },
                    updated: s
                        .published_date
                        .as_deref()
                        .map_or_else(|| updated.clone(), timestamp),
                }
            })
            .collect();
        Feed {
            title,
            page_url,
            self_url,
            base,
            updated,
            entries,
        }
    }

    /// The feed as an `application/atom+xml` response.
    pub fn response(&self) -> WebResult<Response> {
        Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            )],
            self.render()?,
        )
            .into_response())
    }
}

/// The newest statements of `filter` as an Atom feed titled `title`, following the HTML page
/// at `page` (a path), served at `self_path`.
pub async fn feed(
    state: &AppState,
    mut filter: StatementFilter,
    title: String,
    page: &str,
    self_path: &str,
) -> WebResult<Response> {
    filter.sort = Sort::DateDesc;
    filter.cursor = None;
    filter.offset = 0;
    filter.limit = FEED_ENTRIES;
    let (rows, _) = queries::statement_page(&state.pool, &filter).await?;
    let base = &state.public_url;
    Feed::new(
        title,
        format!("{base}{page}"),
        format!("{base}{self_path}"),
        base,
        &rows,
    )
    .response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use askama::filters::Escaper;

    #[test]
    fn xml_escaping_handles_markup_and_controls() {
        let mut out = String::new();
        let escaped = Xml.write_escaped_str(&mut out, "<a href=\"x\">&'\u{1}\u{b}ok\n");
        assert_eq!(escaped, Ok(()));
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;ok\n");
    }
}
