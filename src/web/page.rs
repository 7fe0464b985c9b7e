//! What every page shares: title, description, canonical URL, breadcrumbs; and rendering.

use askama::Template;
use axum::response::Html;

use crate::db::fts::split_marks;
use crate::db::models::SourceHit;
use crate::web::error::WebResult;

/// An article matching a search, its snippet split into runs with the hits marked
/// (`templates/partials/source_hit.html` shows it).
pub struct SourceMatch {
    /// The article.
    pub source: SourceHit,
    /// Its snippet: (text, is a search hit).
    pub runs: Vec<(String, bool)>,
}

impl From<SourceHit> for SourceMatch {
    fn from(source: SourceHit) -> Self {
        SourceMatch {
            runs: split_marks(&source.snippet),
            source,
        }
    }
}

/// Head and navigation data of a page.
#[derive(Debug, Clone)]
pub struct PageMeta {
    /// `<title>` and OpenGraph title.
    pub title: String,
    /// Meta description and OpenGraph description.
    pub description: String,
    /// Path and query of the canonical URL (joined to the public URL by the handler).
    pub canonical: String,
    /// Breadcrumbs: (label, href); the last one is the current page.
    pub crumbs: Vec<(String, String)>,
    /// The same data in other formats (JSON, CSV, Atom), for `<link rel="alternate">`.
    pub alternates: Vec<Alternate>,
}

/// Another format of a page's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternate {
    /// MIME type, e.g. `application/atom+xml`.
    pub mime: &'static str,
    /// Path and query (made absolute by [`PageMeta::with_base`]).
    pub href: String,
    /// Short label: "JSON", "CSV", "Atom feed".
    pub title: &'static str,
}

/// MIME type of the JSON twins.
pub const JSON: &str = "application/json";
/// MIME type of the CSV downloads.
pub const CSV: &str = "text/csv";
/// MIME type of the feeds.
pub const ATOM: &str = "application/atom+xml";

fn label_of(mime: &'static str) -> &'static str {
    match mime {
        JSON => "JSON",
        CSV => "CSV",
        ATOM => "Atom feed",
        _ => "Other format",
    }
}

impl PageMeta {
    /// A page's meta.
    pub fn new(
        title: &str,
        description: &str,
        canonical: &str,
        crumbs: Vec<(String, String)>,
    ) -> Self {
        Self {
            title: title.to_string(),
            description: description.to_string(),
            canonical: canonical.to_string(),
            crumbs,
            alternates: Vec::new(),
        }
    }

    /// Adds another format of the page's data (`mime` is [`JSON`], [`CSV`] or [`ATOM`]).
    pub fn with_alternate(mut self, mime: &'static str, href: impl Into<String>) -> Self {
        self.alternates.push(Alternate {
            mime,
            href: href.into(),
            title: label_of(mime),
        });
        self
    }

    /// Makes the canonical path absolute.
    pub fn with_base(mut self, base: &str) -> Self {
        if self.canonical.starts_with('/') {
            self.canonical = format!("{base}{}", self.canonical);
        }
        for a in &mut self.alternates {
            if a.href.starts_with('/') {
                a.href = format!("{base}{}", a.href);
            }
        }
        self
    }
}

/// Renders a template into an HTML response.
pub fn render<T: Template>(page: &T) -> WebResult<Html<String>> {
    Ok(Html(page.render()?))
}

/// A breadcrumb.
pub fn crumb(label: impl Into<String>, href: impl Into<String>) -> (String, String) {
    (label.into(), href.into())
}
