//! Stage 1: raw article text -> [`Article`] (metadata and a cleaned body).
//!
//! Reads the header lines the seeds and common outlets use (a ` date YYYY-MM-DD` prefix,
//! `17:11 21.11.2025`, `21 NOV 2025 10:22`, `November 23, 2025`, a publisher line, a title
//! line, "1 min read"), a wire dateline (`NEW YORK, November 24. /TASS/.`, `(Reuters) -`), and
//! drops boilerplate (tags, "MORE ABOUT" lists, sign-in prompts, "AD" lines, photo credits,
//! repeated titles) with the rules in `seeds/lexicon.toml`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::catalog::BoilerplateLexicon;
use crate::model::Article;
use crate::text::fold_str;

/// Compiled boilerplate rules and the publisher names to recognise.
#[derive(Debug)]
pub struct ArticleRules {
    cut_from: Vec<String>,
    drop_prefixes: Vec<String>,
    drop_lines: Vec<String>,
    drop_patterns: Vec<Regex>,
    /// (folded alias, canonical name) of every medium.
    publishers: Vec<(String, String)>,
}

impl ArticleRules {
    /// Compiles the rules; patterns that do not compile are reported by name.
    pub fn new(
        lex: &BoilerplateLexicon,
        publishers: Vec<(String, String)>,
    ) -> Result<Self, regex::Error> {
        let drop_patterns = lex
            .drop_patterns
            .iter()
            .map(|p| Regex::new(&format!("(?i){p}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            cut_from: lex.cut_from.iter().map(|s| fold_str(s)).collect(),
            drop_prefixes: lex.drop_prefixes.iter().map(|s| fold_str(s)).collect(),
            drop_lines: lex.drop_lines.iter().map(|s| fold_str(s)).collect(),
            drop_patterns,
            publishers,
        })
    }

    fn publisher_named(&self, line: &str) -> Option<String> {
        let f = fold_str(line.trim());
        self.publishers
            .iter()
            .find(|(alias, _)| *alias == f)
            .map(|(_, name)| name.clone())
    }

    fn is_cut(&self, line: &str) -> bool {
        let f = fold_str(line.trim().trim_end_matches(':').trim());
        self.cut_from.contains(&f)
    }

    fn is_junk(&self, line: &str) -> bool {
        let t = line.trim();
        let f = fold_str(t);
        self.drop_lines.contains(&f)
            || self.drop_prefixes.iter().any(|p| f.starts_with(p.as_str()))
            || self.drop_patterns.iter().any(|r| r.is_match(t))
    }
}

static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*"));
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\p{Lu}][\p{Lu} .'\-]{1,40}, [\p{L}]+ \d{1,2}\. /([\p{L}\- ]{2,30})/\.?\s*")
});
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[^\n]{0,60}?\((Reuters|AP|AFP|Bloomberg|TASS|Interfax)\)\s*[-\u{2013}\u{2014}]")
});
/// A wire dateline opening the first paragraph, of any agency: `KYIV, Nov 25 (Reuters) - `,
/// `GENEVA, Feb. 17 (Xinhua) -- `, `MOSCOW. Nov 25 (Interfax) - `, `Brussels, Nov. 22 (Jiji
/// Press)--`.
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[\p{Lu}][\p{Lu} .'\-]{1,40}[,.]? [^()\n]{0,30}|[\p{Lu}][\p{L} .'\-]{1,40}, [^()\n]{0,20}\d[^()\n]{0,10})\([\p{L}][\p{L} .\-]{1,30}\)\s*(?:--\s*|[-\u{2013}\u{2014}]\s+)",
    )
});
/// A place dateline with no agency opening the first paragraph: `Halifax, Canada — `, `Kyiv,
/// Ukraine – `, `WASHINGTON, DC: ` (a colon only after capitals).
static PLACE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[\p{Lu}][\p{L}.'\-]+(?: [\p{Lu}][\p{L}.'\-]+){0,2}, [\p{Lu}][\p{L}.'\-]+(?: [\p{Lu}][\p{L}.'\-]+){0,2}\s+[\u{2013}\u{2014}]|[\p{Lu}][\p{Lu}.'\-]+(?: [\p{Lu}][\p{Lu}.'\-]+){0,2}, [\p{Lu}][\p{Lu}.]+:)\s+",
    )
});
/// A header line that is an address (`https://…`, or `URL: https://…`).
static URL_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:url:\s*)?(https?://\S+)$"));
/// The label of a date line: `Date:`, `Published:`, `Updated on:`.
static DATE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:date|published|updated|posted)(?i: on)?:\s*"));
/// A header line naming the publisher, known or not: `Publisher: Kyiv Independent`.
static PUBLISHER_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:publisher):\s*(\S.{0,79})$"));
static ISO: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?\S*)?$"));
static TIME_DMY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2}):(\d{2}),? (\d{1,2})\.(\d{1,2})\.(\d{4})$"));
static DMY_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? (\d{1,2}):(\d{2}))?$"));
static D_MON_Y: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})(?:,? (\d{1,2}):(\d{2}))?(?: [a-z]{2,5})?$")
});
static MON_D_Y: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:[a-z]+day, )?([a-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:(?:,| at|,? -)? (\d{1,2}):(\d{2})(?: ?([ap])\.?m\.?)?)?(?: [a-z]{2,5})?$",
    )
});

fn re(p: &str) -> Regex {
    Regex::new(p).expect("static pattern compiles")
}

fn month(name: &str) -> Option<u32> {
    crate::text::month_number(&name.to_ascii_lowercase()).map(u32::from)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn hm(h: Option<&str>, m: Option<&str>, pm: Option<&str>) -> Option<String> {
    let mut h: u32 = h?.parse().ok()?;
    let m: u32 = m?.parse().ok()?;
    if pm.is_some_and(|p| p.eq_ignore_ascii_case("p")) && h < 12 {
        h += 12;
    }
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// Reads a line that is only a date (and maybe a time): `(YYYY-MM-DD, Some(HH:MM))`.
pub fn parse_date_line(line: &str) -> Option<(String, Option<String>)> {
    let l = line.trim();
    // a labelled line: "Date: 2025-12-24", "Published: Nov 21, 2025"
    let l = DATE_LABEL.find(l).map_or(l, |m| l[m.end()..].trim());
    if let Some(c) = ISO.captures(l) {
        let m: u32 = c[2].parse().ok()?;
        return Some((
            ymd(&c[1], m, &c[3])?,
            hm(
                c.get(4).map(|x| x.as_str()),
                c.get(5).map(|x| x.as_str()),
                None,
            ),
        ));
    }
    if let Some(c) = TIME_DMY.captures(l) {
        let m: u32 = c[4].parse().ok()?;
        return Some((ymd(&c[5], m, &c[3])?, hm(Some(&c[1]), Some(&c[2]), None)));
    }
    if let Some(c) = DMY_TIME.captures(l) {
        let m: u32 = c[2].parse().ok()?;
        return Some((
            ymd(&c[3], m, &c[1])?,
            hm(
                c.get(4).map(|x| x.as_str()),
                c.get(5).map(|x| x.as_str()),
                None,
            ),
        ));
    }
    if let Some(c) = D_MON_Y.captures(l) {
        return Some((
            ymd(&c[3], month(&c[2])?, &c[1])?,
            hm(
                c.get(4).map(|x| x.as_str()),
                c.get(5).map(|x| x.as_str()),
                None,
            ),
        ));
    }
    if let Some(c) = MON_D_Y.captures(l) {
        let time = hm(
            c.get(4).map(|x| x.as_str()),
            c.get(5).map(|x| x.as_str()),
            c.get(6).map(|x| x.as_str()),
        );
        return Some((ymd(&c[3], month(&c[1])?, &c[2])?, time));
    }
    None
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// What the header lines before the running text say.
#[derive(Default)]
struct Header<'a> {
    date: Option<String>,
    time: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    /// Title-like lines, in order; a short first one is a section label.
    candidates: Vec<&'a str>,
    /// Index of the first line of running text.
    body_start: usize,
    /// An address or a labelled date line came after the first title-like line: the title is
    /// settled ("G20 and Ukraine", a short title, then "URL: …").
    settled: bool,
}

impl<'a> Header<'a> {
    /// The first title-like line longer than a section label, else the first one.
    fn title(&self) -> Option<String> {
        self.candidates
            .iter()
            .find(|c| word_count(c) > 3)
            .or(self.candidates.first())
            .map(|c| c.to_string())
    }

    /// Whether `line` can still be a title line: the first candidate, or a second one after a
    /// short section label; 2..=30 words and no closing punctuation. The first may ask or
    /// exclaim ("Ukraine: how to achieve peace?").
    fn takes_title(&self, line: &str) -> bool {
        let after_label = self.candidates.len() == 1
            && !self.settled
            && word_count(self.candidates[0]) <= 3
            && !line.contains(['"', '\u{201C}', '\u{00AB}']);
        let closing: &[char] = if self.candidates.is_empty() {
            &['.', '"', '\u{201D}', ';', ':']
        } else {
            &['.', '!', '?', '"', '\u{201D}', ';', ':']
        };
        (self.candidates.is_empty() || after_label)
            && (2..=30).contains(&word_count(line))
            && !line.ends_with(closing)
    }
}

/// Normalises line ends and drops a byte-order mark and a ` date YYYY-MM-DD` prefix.
fn normalise(raw: &str) -> (String, Option<String>) {
    let text = raw
        .trim_start_matches('\u{FEFF}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    match DATE_PREFIX.captures(&text) {
        Some(c) => {
            let end = c.get(0).map_or(0, |m| m.end());
            (text[end..].to_string(), Some(c[1].to_string()))
        }
        None => (text, None),
    }
}

/// A page pasted one word a line (a broken export): the words of each run of lines joined by
/// spaces, so that its sentences read as text. Only when most of many lines hold one word.
fn reflow_word_lines(text: String) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let single = lines
        .iter()
        .filter(|l| l.split_whitespace().count() == 1)
        .count();
    if lines.len() < 30 || single * 5 < lines.len() * 4 {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            out.push_str("\n\n");
        } else {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

/// Reads the header: lines before the first line of running text (at most 14).
fn read_header<'a>(lines: &[&'a str], rules: &ArticleRules) -> Header<'a> {
    let mut h = Header::default();
    let mut i = 0;
    while i < lines.len() && i < 14 {
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() || h.candidates.contains(&line) {
            continue;
        }
        // a labelled line after the title settles it
        h.settled |=
            !h.candidates.is_empty() && (URL_LINE.is_match(line) || DATE_LABEL.is_match(line));
        if let Some(c) = URL_LINE.captures(line) {
            h.url.get_or_insert_with(|| c[1].to_string());
        } else if let Some(c) = PUBLISHER_LINE.captures(line) {
            // a labelled line names the publisher, whether or not it is a known outlet
            let name = c[1].trim();
            h.publisher = Some(
                rules
                    .publisher_named(name)
                    .unwrap_or_else(|| name.to_string()),
            );
        } else if let Some((d, t)) = parse_date_line(line) {
            h.date.get_or_insert(d);
            if h.time.is_none() {
                h.time = t;
            }
        } else if let Some(p) = rules.publisher_named(line) {
            h.publisher.get_or_insert(p);
        } else if rules.is_junk(line) {
        } else if h.takes_title(line) {
            h.candidates.push(line);
        } else {
            i -= 1;
            break;
        }
    }
    h.body_start = i;
    h
}

/// Groups body lines into paragraphs: stops at a cut line, skips the repeated title, date
/// lines and junk, and joins a line that starts in lower case to an unfinished paragraph.
fn body_paragraphs(lines: &[&str], title: Option<&str>, rules: &ArticleRules) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut prev_blank = true;
    // a bullet alone on its line (a list copied from a page: "-" then the item) opens the next
    let mut bullet: Option<&str> = None;
    let mut in_list = false;
    for (i, raw_line) in lines.iter().enumerate() {
        let line = raw_line.trim();
        if line.is_empty() {
            prev_blank = true;
            continue;
        }
        if is_lone_bullet(line) {
            bullet = Some(line);
            continue;
        }
        // (a live page's "Key events" under no colon are headlines without a stop: left bare)
        if let Some(b) = bullet.take()
            && (in_list
                || paragraphs.last().is_some_and(|p| p.ends_with(':'))
                || line.ends_with(['.', ';', ':', '!', '?'])
                || line.starts_with(char::is_lowercase))
        {
            paragraphs.push(format!("{b} {line}"));
            in_list = true;
            prev_blank = false;
            continue;
        }
        in_list = false;
        if rules.is_cut(line) {
            // a menu's "Top stories" above the story cuts nothing: no sentence came before it
            let sentence = |p: &String| {
                p.split_whitespace().count() >= 5 && p.ends_with(['.', '!', '?', '"', '\u{201D}'])
            };
            if !paragraphs.iter().any(sentence) || prose_follows(&lines[i + 1..]) {
                continue;
            }
            break;
        }
        if title == Some(line)
            || parse_date_line(line).is_some()
            || URL_LINE.is_match(line)
            || rules.is_junk(line)
        {
            continue;
        }
        // a line in lower case, or a quote, goes on an unfinished one ("the minister stressed
        // that" then "“it is …,”")
        // ("— the president explained", a dash and its attribution, goes on the quote too)
        let lower = line
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || ['"', '\u{201C}'].contains(&c))
            || line
                .strip_prefix(['\u{2014}', '\u{2013}'])
                .is_some_and(|rest| rest.trim_start().starts_with(char::is_lowercase));
        let continues = paragraphs.last().is_some_and(|p| {
            let p = p.trim_end();
            // a quote closed after a comma waits for its attribution on the next line
            // ("…,”" then "Nawrocki said."), over a blank line only when it starts in lower case
            let awaits = [",\"", ",\u{201D}", ",\u{2019}", ",'"]
                .iter()
                .any(|e| p.ends_with(e));
            let unfinished = !p.ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';']);
            (awaits && (!prev_blank || lower)) || (!prev_blank && unfinished && lower)
        });
        match paragraphs.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(line);
            }
            _ => paragraphs.push(line.to_string()),
        }
        prev_blank = false;
    }
    paragraphs
}

/// True when `line` is a list bullet and nothing else.
fn is_lone_bullet(line: &str) -> bool {
    [
        "-", "*", "\u{2022}", "\u{2013}", "\u{2014}", "\u{00B7}", "\u{25AA}", "\u{25CF}",
    ]
    .contains(&line)
}

/// True when the next line with words is a paragraph of prose (100 characters or more, ending
/// a sentence): the "Also read" before it was a link set inside the story, which goes on; a
/// list of other articles is a run of headlines, which end without a full stop.
fn prose_follows(rest: &[&str]) -> bool {
    rest.iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(is_prose)
}

/// A line of the story's prose: long, and closed as a sentence is.
fn is_prose(line: &str) -> bool {
    line.len() >= 100 && line.ends_with(['.', '!', '?', '"', '\u{201D}'])
}

/// The outlet a wire dateline names; the dateline opens the story, which may stand after a
/// menu label, the title and a time.
fn dateline_publisher(paragraphs: &[String]) -> Option<String> {
    for first in paragraphs.iter().take(4) {
        if let Some(c) = DATELINE.captures(first) {
            return Some(c[1].trim().to_string());
        } else if let Some(c) = WIRE.captures(first) {
            return Some(c[1].to_string());
        }
    }
    None
}

/// Parses one article. Pure: the caller reads the file and decodes it.
pub fn parse_article(file_name: &str, raw: &str, rules: &ArticleRules) -> Article {
    let (text, prefix_date) = normalise(raw);
    let text = reflow_word_lines(text);
    let lines: Vec<&str> = text.lines().collect();
    let header = read_header(&lines, rules);
    let title = header.title();
    let mut paragraphs = body_paragraphs(&lines[header.body_start..], title.as_deref(), rules);
    let publisher = header.publisher.or_else(|| dateline_publisher(&paragraphs));
    split_wire_dateline(&mut paragraphs);
    let (body, ranges) = join_paragraphs(&paragraphs);
    Article {
        file_name: file_name.to_string(),
        title,
        publisher,
        published_date: prefix_date.or(header.date),
        published_time: header.time,
        url: header.url,
        body,
        paragraphs: ranges,
    }
}

/// Puts a wire dateline (`KYIV, Nov 25 (Reuters) -`, `NEW YORK, November 24. /TASS/.`) in a
/// paragraph of its own, so no sentence and no statement starts with it; the body keeps its
/// words.
fn split_wire_dateline(paragraphs: &mut Vec<String>) {
    // the first paragraph, or one of the next two after a line of page furniture
    let Some((at, first)) = paragraphs.iter().enumerate().take(3).find(|(_, p)| {
        DATELINE.is_match(p) || WIRE_DATELINE.is_match(p) || PLACE_DATELINE.is_match(p)
    }) else {
        return;
    };
    let found = DATELINE
        .find(first)
        .or_else(|| WIRE_DATELINE.find(first))
        .or_else(|| PLACE_DATELINE.find(first));
    let Some(end) = found.map(|m| m.end()) else {
        return;
    };
    if end >= first.len() {
        return;
    }
    let rest = first[end..].to_string();
    let dateline = first[..end].trim_end().to_string();
    paragraphs.splice(at..at + 1, [dateline, rest]);
}

fn join_paragraphs(paragraphs: &[String]) -> (String, Vec<Range<usize>>) {
    let mut body = String::new();
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(p);
        ranges.push(start..body.len());
    }
    (body, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_date_form_the_seeds_use() {
        assert_eq!(
            parse_date_line("17:11 21.11.2025"),
            Some(("2025-11-21".into(), Some("17:11".into())))
        );
        assert_eq!(
            parse_date_line("21 NOV 2025 10:22"),
            Some(("2025-11-21".into(), Some("10:22".into())))
        );
        assert_eq!(
            parse_date_line("November 23, 2025"),
            Some(("2025-11-23".into(), None))
        );
        assert_eq!(
            parse_date_line("Nov 23, 2025 2:05 pm GMT"),
            Some(("2025-11-23".into(), Some("14:05".into())))
        );
        assert_eq!(
            parse_date_line("2025-11-24"),
            Some(("2025-11-24".into(), None))
        );
        assert_eq!(
            parse_date_line("Date: 2025-12-24"),
            Some(("2025-12-24".into(), None))
        );
        assert_eq!(
            parse_date_line("Published on: Nov 23, 2025"),
            Some(("2025-11-23".into(), None))
        );
        assert_eq!(parse_date_line("Date: to be set"), None);
        assert_eq!(parse_date_line("32.13.2025"), None);
        assert_eq!(parse_date_line("Zelensky met Trump"), None);
    }

    fn rules() -> ArticleRules {
        let lex = BoilerplateLexicon {
            cut_from: Vec::new(),
            drop_prefixes: Vec::new(),
            drop_lines: Vec::new(),
            drop_patterns: Vec::new(),
        };
        ArticleRules::new(&lex, vec![("reuters".into(), "Reuters".into())])
            .expect("no patterns to compile")
    }

    #[test]
    fn a_labelled_publisher_line_names_any_outlet_and_an_address_line_the_url() {
        let raw = "Draft terms rejected in Kyiv\n2025-11-25\nPublisher: Kyiv Independent\n\
                   URL: https://example.org/a/1\n\nThe minister said the plan was unacceptable.\n";
        let a = parse_article("a.txt", raw, &rules());
        assert_eq!(a.title.as_deref(), Some("Draft terms rejected in Kyiv"));
        assert_eq!(a.published_date.as_deref(), Some("2025-11-25"));
        assert_eq!(a.publisher.as_deref(), Some("Kyiv Independent"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(a.body, "The minister said the plan was unacceptable.");
        // a known outlet keeps its canonical name; a bare address line is the URL too
        let raw = "A title of some length\npublisher: REUTERS\nhttps://example.org/b\n\nText.\n";
        let a = parse_article("b.txt", raw, &rules());
        assert_eq!(a.publisher.as_deref(), Some("Reuters"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/b"));
    }

    #[test]
    fn a_short_title_before_labelled_lines_is_settled_and_a_title_may_ask() {
        // "Talks in Oslo" would read as a section label; the address after it settles it
        let raw = "Talks in Oslo\nURL: https://example.org/c\nDate: 2025-11-26\n\n\
                   The Speaker (Tom Vale)\n\nI will update the House on the peace plan.\n";
        let a = parse_article("c.txt", raw, &rules());
        assert_eq!(a.title.as_deref(), Some("Talks in Oslo"));
        assert_eq!(a.published_date.as_deref(), Some("2025-11-26"));
        assert!(a.body.starts_with("The Speaker (Tom Vale)"), "{:?}", a.body);
        let raw = "Oslo: is the plan dead?\nURL: https://example.org/d\n\nEnvoys left Oslo.\n";
        let a = parse_article("d.txt", raw, &rules());
        assert_eq!(a.title.as_deref(), Some("Oslo: is the plan dead?"));
        assert_eq!(a.body, "Envoys left Oslo.");
    }

    #[test]
    fn a_bullet_alone_on_its_line_opens_the_item_after_it_in_a_list_under_a_colon() {
        let raw = "Draft terms rejected in Kyiv\n\nThe draft would oblige Kyiv to:\n-\nWithdraw from Donetsk;\n-\nCut its army.\nKey events\n-\nEnvoy lands in Oslo, officials say\n";
        let a = parse_article("l.txt", raw, &rules());
        let paras: Vec<&str> = a.paragraphs.iter().map(|r| &a.body[r.clone()]).collect();
        assert_eq!(
            paras,
            vec![
                "The draft would oblige Kyiv to:",
                "- Withdraw from Donetsk;",
                "- Cut its army.",
                "Key events",
                // a live page's headline, with no stop and no colon above, stays bare
                "Envoy lands in Oslo, officials say",
            ]
        );
    }

    /// Rules that cut the article at one label and drop nothing.
    fn cutting_at(label: &str) -> ArticleRules {
        let lex = BoilerplateLexicon {
            cut_from: vec![label.into()],
            drop_prefixes: Vec::new(),
            drop_lines: Vec::new(),
            drop_patterns: Vec::new(),
        };
        ArticleRules::new(&lex, Vec::new()).expect("no patterns to compile")
    }

    #[test]
    fn a_menu_label_above_the_story_cuts_nothing() {
        let rules = cutting_at("Top stories");
        let page = "The lake's own voice since 1901\nTop stories\nStay in touch with the lake\n\n\
                    Geneva talks end\n\n\
                    Envoys met in Geneva on the peace plan for eleven hours.\n\n\
                    Top stories\nSnow closes the pass\nMarkets rally\n";
        let a = parse_article("m.txt", page, &rules);
        assert!(a.body.contains("eleven hours"), "{:?}", a.body);
        // after the story the same label still ends it
        assert!(!a.body.contains("Snow closes"), "{:?}", a.body);
    }

    #[test]
    fn a_link_set_inside_the_story_does_not_end_it_and_a_headline_list_does() {
        let rules = cutting_at("Also read");
        let story = "Envoys met in Geneva on the peace plan.\nAlso read\n\
                     Envoy Maren Holt said the army cap was the hardest point of the plan to settle. \
                     She added that the text would need weeks of work before anyone signed it.\n";
        let a = parse_article("s.txt", story, &rules);
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.body);
        assert!(a.body.contains("Maren Holt"));
        let quote = "Envoys met in Geneva on the peace plan.\nAlso read\n\n\
                     Holt said, \"The army cap is the hardest point of all, and we will need many more weeks of work on it in Geneva.\"\n";
        let a = parse_article("q.txt", quote, &rules);
        assert_eq!(
            a.paragraphs.len(),
            2,
            "one quoted sentence goes on too: {:?}",
            a.body
        );
        let list = "Envoys met in Geneva on the peace plan.\nAlso read\nHolt says the cap is too low\n\
                    Talks resume in Geneva\n";
        let a = parse_article("l.txt", list, &rules);
        assert_eq!(a.body, "Envoys met in Geneva on the peace plan.");
    }

    #[test]
    fn a_wire_dateline_after_a_line_of_page_furniture_is_split_off_too() {
        let raw = "A title of some length\n\nNews from Japan\n\n\
                   Oslo, Nov. 22 (Jiji Press)--Leaders said the plan needs work.\n";
        let a = parse_article("j.txt", raw, &rules());
        assert!(
            a.body
                .ends_with("Oslo, Nov. 22 (Jiji Press)--\n\nLeaders said the plan needs work."),
            "{:?}",
            a.body
        );
    }

    #[test]
    fn an_appeal_for_support_is_dropped_but_a_member_in_a_sentence_is_not() {
        let raw = "Talks in Geneva\n\nThe plan says Kyiv will never become a member of NATO.\n\nWe work hard to bring you news from the front. Consider supporting our newsroom.\n";
        let catalog = crate::catalog::Catalog::bundled().expect("seeds parse");
        let bundled = ArticleRules::new(&catalog.lexicon.boilerplate, Vec::new())
            .expect("bundled patterns compile");
        let a = parse_article("s.txt", raw, &bundled);
        assert!(a.body.contains("never become a member"), "{:?}", a.body);
        assert!(!a.body.contains("Consider supporting"), "{:?}", a.body);
    }

    #[test]
    fn an_image_credit_line_is_dropped() {
        // (the credit glued to the caption after it, as a page's text runs them together)
        let raw = "Talks in Geneva\n\nImage source, Jane Roe / Wire PhotosEnvoys landed in Geneva.\n\n\
                   The plan says Kyiv will never become a member of NATO.\n";
        let catalog = crate::catalog::Catalog::bundled().expect("seeds parse");
        let bundled = ArticleRules::new(&catalog.lexicon.boilerplate, Vec::new())
            .expect("bundled patterns compile");
        let a = parse_article("i.txt", raw, &bundled);
        assert_eq!(
            a.body, "The plan says Kyiv will never become a member of NATO.",
            "{:?}",
            a.body
        );
    }

    #[test]
    fn a_page_pasted_one_word_a_line_reads_as_running_text() {
        let words = "Envoy Maren Holt said on Monday that the peace plan would need many more weeks of work before anyone could sign it in Geneva, and that the army cap was still the hardest of its points to settle.";
        let raw = format!(
            "Talks in Geneva\n\n{}\n",
            words.split(' ').collect::<Vec<_>>().join("\n")
        );
        let a = parse_article("w.txt", &raw, &rules());
        assert!(a.body.contains(words), "{:?}", a.body);
        // ordinary short lines (a list) stay as they are
        let list = "Points:\n- one\n- two\n- three\n";
        let a = parse_article("l.txt", list, &rules());
        assert!(!a.body.contains("one - two"), "{:?}", a.body);
    }

    #[test]
    fn a_quote_broken_over_lines_joins_its_lead_and_its_attribution() {
        let raw = "Talks in Geneva\n\nThe envoys met in Geneva on Sunday.\n\nThe envoy stressed that\n\u{201C}no clause of the plan is final,\u{201D}\n\
                   Holt said on Monday.\nThe next talks are in May.\n";
        let a = parse_article("q.txt", raw, &rules());
        assert!(
            a.body.contains(
                "The envoy stressed that \u{201C}no clause of the plan is final,\u{201D} Holt said on Monday."
            ),
            "{:?}",
            a.body
        );
        // a finished sentence keeps its line
        assert!(!a.body.contains("Monday. The next"), "{:?}", a.body);
    }

    #[test]
    fn a_wire_dateline_is_a_paragraph_of_its_own() {
        let raw = "KYIV, Nov 25 (Reuters) - The minister said the plan was unacceptable.\n\n\
                   More text.\n";
        let a = parse_article("c.txt", raw, &rules());
        assert_eq!(a.publisher.as_deref(), Some("Reuters"));
        assert_eq!(
            a.body,
            "KYIV, Nov 25 (Reuters) -\n\nThe minister said the plan was unacceptable.\n\nMore text."
        );
        assert_eq!(a.paragraphs.len(), 3);
        let xinhua = "GENEVA, Feb. 17 (Xinhua) -- Talks ended.\n";
        let a = parse_article("d.txt", xinhua, &rules());
        assert_eq!(a.body, "GENEVA, Feb. 17 (Xinhua) --\n\nTalks ended.");
        let tass = "NEW YORK, November 24. /TASS/. The plan needs work, he said.\n";
        let a = parse_article("t.txt", tass, &rules());
        assert_eq!(a.publisher.as_deref(), Some("TASS"));
        assert_eq!(
            a.body,
            "NEW YORK, November 24. /TASS/.\n\nThe plan needs work, he said."
        );
        // a place and its country or state before a dash, or capitals before a colon
        let place = "Halifax, Nova Scotia \u{2014} Senator Holt said the plan rewards Moscow.\n";
        let a = parse_article("p.txt", place, &rules());
        assert_eq!(
            a.body,
            "Halifax, Nova Scotia \u{2014}\n\nSenator Holt said the plan rewards Moscow."
        );
        let capitals = "WASHINGTON, DC: The plan drew fire.\n";
        let a = parse_article("w.txt", capitals, &rules());
        assert_eq!(a.body, "WASHINGTON, DC:\n\nThe plan drew fire.");
        // a name and an aside before a dash, or a word in lower case, is no place
        for plain in [
            "Maren Holt, the envoy \u{2014} who spoke first \u{2014} said no.\n",
            "Holt, Berg: the two envoys said no.\n",
        ] {
            let a = parse_article("n.txt", plain, &rules());
            assert_eq!(a.paragraphs.len(), 1, "{plain}");
        }
        // a sentence with a parenthesis is not a dateline
        let plain = "The draft (the second one) - as leaked - was read.\n";
        let a = parse_article("e.txt", plain, &rules());
        assert_eq!(a.paragraphs.len(), 1);
    }
}
