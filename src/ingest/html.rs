//! Saved web pages -> the plain-text article form the other stages read.
//!
//! Uses a real HTML parser (`scraper`, built on html5ever). Metadata comes from, in order:
//! JSON-LD `NewsArticle` (`headline`, `datePublished`, `publisher.name`), OpenGraph and article
//! meta (`og:title`, `og:site_name`, `article:published_time`), then `<title>`, `<h1>`, `<time>`.
//! The body is the paragraphs of `<article>` (else `<main>`, else the page), without scripts,
//! styles, navigation, headers, footers, asides, forms and figure captions.

use scraper::{ElementRef, Html, Selector};

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date-time as written (ISO 8601 in meta tags).
    pub published: Option<String>,
    /// Site or publisher name.
    pub publisher: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

/// True when the text looks like an HTML document rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && head.contains("<body"))
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn meta_content(doc: &Html, attr: &str, names: &[&str]) -> Option<String> {
    for n in names {
        let sel = selector(&format!("meta[{attr}=\"{n}\"]"))?;
        if let Some(v) = doc
            .select(&sel)
            .filter_map(|e| e.value().attr("content"))
            .map(str::trim)
            .find(|v| !v.is_empty())
        {
            return Some(v.to_string());
        }
    }
    None
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Finds a `NewsArticle`-like object in JSON-LD (possibly inside `@graph` or an array).
fn json_ld(doc: &Html) -> PageMeta {
    let mut meta = PageMeta::default();
    let Some(sel) = selector("script[type=\"application/ld+json\"]") else {
        return meta;
    };
    for script in doc.select(&sel) {
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => {
                    let kind = map.get("@type").map(|t| t.to_string()).unwrap_or_default();
                    if kind.contains("Article") || kind.contains("Posting") {
                        let s = |k: &str| {
                            map.get(k)
                                .and_then(|v| v.as_str())
                                .map(|s| s.trim().to_string())
                                .filter(|s| !s.is_empty())
                        };
                        meta.title = meta.title.or_else(|| s("headline"));
                        meta.published = meta.published.or_else(|| s("datePublished"));
                        meta.url = meta.url.or_else(|| s("url"));
                        if let Some(p) = map.get("publisher") {
                            let name = p
                                .get("name")
                                .and_then(|n| n.as_str())
                                .or_else(|| p.as_str());
                            meta.publisher = meta.publisher.or_else(|| name.map(str::to_string));
                        }
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g.clone());
                    }
                }
                _ => {}
            }
        }
    }
    meta
}

const SKIP: &[&str] = &[
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figcaption",
    "noscript",
    "button",
    "svg",
    "template",
    "iframe",
];

fn inside_skipped(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        SKIP.contains(&a.value().name())
            || a.value()
                .attr("role")
                .is_some_and(|r| r == "navigation" || r == "banner" || r == "contentinfo")
    })
}

/// Converts a page to `(meta, text)`: the text has the headline, the date, a blank line and the
/// paragraphs separated by blank lines, ready for [`super::article::parse_article`].
pub fn html_to_text(html: &str) -> (PageMeta, String) {
    let doc = Html::parse_document(html);
    let ld = json_ld(&doc);
    let first_text =
        |css: &str| selector(css).and_then(|s| doc.select(&s).map(text_of).find(|t| !t.is_empty()));
    let meta = PageMeta {
        title: ld
            .title
            .or_else(|| meta_content(&doc, "property", &["og:title"]))
            .or_else(|| first_text("h1"))
            .or_else(|| first_text("title")),
        published: ld
            .published
            .or_else(|| meta_content(&doc, "property", &["article:published_time"]))
            .or_else(|| meta_content(&doc, "name", &["date", "pubdate", "publishdate", "dc.date"]))
            .or_else(|| {
                selector("time[datetime]").and_then(|s| {
                    doc.select(&s)
                        .filter_map(|e| e.value().attr("datetime"))
                        .next()
                        .map(str::to_string)
                })
            }),
        publisher: ld
            .publisher
            .or_else(|| meta_content(&doc, "property", &["og:site_name"])),
        url: ld
            .url
            .or_else(|| meta_content(&doc, "property", &["og:url"])),
    };
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|css| selector(css))
        .find_map(|s| doc.select(&s).next());
    let mut paragraphs = Vec::new();
    if let (Some(root), Some(blocks)) = (root, selector("p, li, blockquote > p, h2, h3")) {
        for e in root.select(&blocks) {
            if inside_skipped(e)
                || (e.value().name() == "li"
                    && e.ancestors()
                        .filter_map(ElementRef::wrap)
                        .any(|a| a.value().name() == "nav"))
            {
                continue;
            }
            // a <p> inside a <li> or <blockquote> is taken once
            if e.value().name() == "li"
                && selector("p").is_some_and(|p| e.select(&p).next().is_some())
            {
                continue;
            }
            let t = text_of(e);
            if !t.is_empty() {
                // a list item keeps its bullet, so the extraction sees the list
                if e.value().name() == "li" {
                    paragraphs.push(format!("\u{2022} {t}"));
                } else {
                    paragraphs.push(t);
                }
            }
        }
    }
    let mut text = String::new();
    if let Some(t) = &meta.title {
        text.push_str(t);
        text.push('\n');
    }
    if let Some(d) = &meta.published {
        text.push_str(d.get(..10).unwrap_or(d));
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&paragraphs.join("\n\n"));
    text.push('\n');
    (meta, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_ld_and_drops_scripts_and_navigation() {
        let html = r#"<!DOCTYPE html><html><head><title>Site | Story</title>
<meta property="og:site_name" content="Kyiv Daily">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Sybiha on the plan","datePublished":"2025-11-24T09:30:00+02:00"}</script>
<script>var x = "Peskov said the plan was good.";</script></head>
<body><nav><p>Home</p></nav><article><h1>Sybiha on the plan</h1>
<p>Foreign Minister Andrii Sybiha said the plan needs work.</p><footer><p>Share this</p></footer></article></body></html>"#;
        let (meta, text) = html_to_text(html);
        assert_eq!(meta.title.as_deref(), Some("Sybiha on the plan"));
        assert_eq!(meta.publisher.as_deref(), Some("Kyiv Daily"));
        assert!(text.contains("2025-11-24"));
        assert!(text.contains("Andrii Sybiha said the plan needs work."));
        assert!(!text.contains("Peskov") && !text.contains("Home") && !text.contains("Share this"));
    }

    #[test]
    fn a_list_item_keeps_a_bullet() {
        let html = "<html><body><article><p>The draft's key provisions:</p><ul><li>Kyiv caps its army at 600,000.</li></ul></article></body></html>";
        let (_, text) = html_to_text(html);
        assert!(text.contains("\u{2022} Kyiv caps its army"), "{text}");
    }
}
