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

/// Deepest nesting of elements a page may have before it is refused.
pub const MAX_DEPTH: usize = 512;
/// Most elements a page may have before it is refused.
pub const MAX_ELEMENTS: usize = 200_000;

/// Elements that hold nothing (no end tag) or whose end tag may be left out: they do not nest.
const FLAT: [&str; 24] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp",
];

/// A linear pre-scan of a page, before the parser sees it: the parser's work grows with the
/// square of the nesting depth (a 10 MB page of nested `<div>`s would take hours), so a page
/// nested deeper than [`MAX_DEPTH`] or with more than [`MAX_ELEMENTS`] elements is refused with
/// the reason. Comments and the contents of `<script>` and `<style>` are skipped; elements
/// that do not nest (void ones, `p`, `li`, table cells...) are counted but not stacked.
pub fn check_size(html: &str) -> Result<(), String> {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut elements, mut i) = (0usize, 0usize, 0usize, 0usize);
    while let Some(off) = b.get(i..).and_then(|r| r.iter().position(|&c| c == b'<')) {
        i += off + 1;
        let rest = b.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i += find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name =
            String::from_utf8_lossy(&rest[name_start..name_start + name_len]).to_ascii_lowercase();
        let flat = FLAT.contains(&name.as_str());
        if closing {
            if !flat {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        let tag_end = find(rest, b">").map_or(rest.len(), |e| e + 1);
        let self_closing = rest.get(..tag_end).is_some_and(|t| t.ends_with(b"/>"));
        if name == "script" || name == "style" {
            let body = rest.get(tag_end..).unwrap_or_default();
            i += tag_end + find_close(body, name.as_bytes()).unwrap_or(body.len());
            continue;
        }
        if !flat && !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
        if deepest > MAX_DEPTH {
            return Err(format!(
                "HTML nested deeper than {MAX_DEPTH} elements (refused before parsing)"
            ));
        }
        if elements > MAX_ELEMENTS {
            return Err(format!(
                "HTML with more than {MAX_ELEMENTS} elements (refused before parsing)"
            ));
        }
    }
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where `</name` starts in `hay`, in any letter case.
fn find_close(hay: &[u8], name: &[u8]) -> Option<usize> {
    hay.windows(name.len() + 2)
        .position(|w| w.starts_with(b"</") && w[2..].eq_ignore_ascii_case(name))
}

/// Whether a file is read as a saved web page (by its name or its first bytes).
pub fn is_page(file_name: &str, raw: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(raw)
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

/// Class or id words of the boxes of other articles that pages set inside the story ("Read
/// more:" and a few headlines, then the story goes on): the box is skipped, not the rest.
const OTHER_STORIES: &[&str] = &[
    "related",
    "read-more",
    "readmore",
    "recommended",
    "more-stories",
];

fn inside_skipped(e: ElementRef<'_>) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).any(|a| {
        let names = |attr| a.value().attr(attr).unwrap_or("").to_ascii_lowercase();
        let (class, id) = (names("class"), names("id"));
        SKIP.contains(&a.value().name())
            || a.value()
                .attr("role")
                .is_some_and(|r| r == "navigation" || r == "banner" || r == "contentinfo")
            || (class
                .split_ascii_whitespace()
                .chain(std::iter::once(id.as_str())))
            .any(|w| OTHER_STORIES.iter().any(|o| w.contains(o)))
    })
}

/// Converts a page to `(meta, text)`: the text has the headline, the date, a blank line and the
/// paragraphs separated by blank lines, ready for [`super::article::parse_article`].
///
/// A page refused by [`check_size`] gives no text (callers that can report why call it first).
pub fn html_to_text(html: &str) -> (PageMeta, String) {
    if check_size(html).is_err() {
        return (PageMeta::default(), String::new());
    }
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
    // character references such as `&#27;` come out of the parser as control characters
    let clean = |s: Option<String>| s.map(super::decode::without_controls);
    let meta = PageMeta {
        title: clean(meta.title),
        published: clean(meta.published),
        publisher: clean(meta.publisher),
        url: clean(meta.url),
    };
    (meta, super::decode::without_controls(text))
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
    fn a_box_of_other_stories_inside_the_story_is_skipped_and_the_story_goes_on() {
        let html = r#"<html><body><article><h1>Oslo and the plan</h1>
<p>Norway's foreign minister said the guarantees were a start.</p>
<div class="story-related"><p>Read more:</p><p>Oslo hosts talks on the Arctic</p></div>
<p>She added that Oslo would send no soldiers before a ceasefire.</p></article></body></html>"#;
        let (_, text) = html_to_text(html);
        assert!(
            !text.contains("Read more") && !text.contains("Arctic"),
            "{text}"
        );
        assert!(text.contains("would send no soldiers"), "{text}");
    }

    #[test]
    fn a_list_item_keeps_a_bullet() {
        let html = "<html><body><article><p>The draft's key provisions:</p><ul><li>Kyiv caps its army at 600,000.</li></ul></article></body></html>";
        let (_, text) = html_to_text(html);
        assert!(text.contains("\u{2022} Kyiv caps its army"), "{text}");
    }

    #[test]
    fn deep_or_huge_pages_are_refused_before_parsing() {
        let deep = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(600),
            "</div>".repeat(600)
        );
        assert!(
            check_size(&deep)
                .expect_err("too deep")
                .contains("nested deeper")
        );
        let (_, text) = html_to_text(&deep);
        assert!(text.is_empty());
        let wide = format!(
            "<html><body>{}</body></html>",
            "<span>a</span>".repeat(MAX_ELEMENTS + 1)
        );
        assert!(
            check_size(&wide)
                .expect_err("too many")
                .contains("elements")
        );
        // unclosed paragraphs, void elements, comments and scripts do not count as nesting
        let fine = format!(
            "<html><body><!-- <div><div> --><script>if (a<b) {{ x = '<div>'; }}</SCRIPT>{}{}</body></html>",
            "<p>one<br>two<img src=x>".repeat(2000),
            "<section><div>x</div></section>".repeat(100)
        );
        assert_eq!(check_size(&fine), Ok(()));
    }
}
