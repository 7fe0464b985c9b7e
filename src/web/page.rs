//! What every page shares: title, description, canonical URL, breadcrumbs; and rendering.

use askama::Template;
use axum::response::Html;

use super::WebResult;

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
        }
    }

    /// Makes the canonical path absolute.
    pub fn with_base(mut self, base: &str) -> Self {
        if self.canonical.starts_with('/') {
            self.canonical = format!("{base}{}", self.canonical);
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

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
