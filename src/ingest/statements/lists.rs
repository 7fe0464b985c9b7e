//! Sieve 1: the article's own account of the plan laid out as a list, one report per item.
//!
//! Items are paragraphs opened by a marker (numbered `1.` `1)` `(1)` `Point 1:`, lettered `a)`,
//! bulleted `•` `-` `*` `–`, arrowed `→` `>`), or plain lines after a header that ends with a
//! colon. A list counts when the line before it (or a short heading) names the plan or its
//! points (`[layout] headers` in `seeds/plan.toml`): "The 28 points:", "Key provisions",
//! "Here is the full text". Item N of a list whose header (or the article's lead) counts 28
//! points is point N, and so are the sub-items of a numbered item that ends with a colon. A
//! series after a colon in one sentence ("The draft's terms are: A; B; and C.") gives one item
//! per part. An item that quotes or names a speaker is left to the other sieves.

use std::sync::LazyLock;

use regex::Regex;

use super::*;

/// The compiled `[layout]` words a list reads.
#[derive(Debug, Default)]
pub struct Layout {
    headers: Vec<String>,
    versions: Vec<u32>,
    author_asides: Vec<String>,
    positions: HashSet<String>,
    commitments: HashSet<String>,
    auxiliaries: HashSet<String>,
    document_verbs: HashSet<String>,
    topic_prepositions: HashSet<String>,
    item_speech: Vec<String>,
}

impl Layout {
    /// Compiles the header words of `[layout]`.
    pub fn new(layout: &crate::catalog::Layout) -> Self {
        Self {
            headers: layout
                .headers
                .iter()
                .map(|h| format!(" {} ", fold_str(h)))
                .collect(),
            versions: layout.versions.clone(),
            author_asides: layout.author_asides.iter().map(|w| fold_str(w)).collect(),
            positions: layout.positions.iter().map(|w| fold_str(w)).collect(),
            commitments: layout.commitments.iter().map(|w| fold_str(w)).collect(),
            auxiliaries: layout.auxiliaries.iter().map(|w| fold_str(w)).collect(),
            document_verbs: layout.document_verbs.iter().map(|w| fold_str(w)).collect(),
            topic_prepositions: layout
                .topic_prepositions
                .iter()
                .map(|w| fold_str(w))
                .collect(),
            item_speech: layout
                .item_speech
                .iter()
                .map(|w| format!(" {} ", fold_str(w)))
                .collect(),
        }
    }

    /// Where the speaker's words end in `text` and an author's aside starts: after a comma (", a
    /// swipe at") or after a dash that the plan's name follows ("— the American plan would …").
    pub(super) fn author_aside_at(&self, text: &str) -> Option<(usize, usize)> {
        let lower = text.to_lowercase();
        let appositive = lower.match_indices(", a").map(|(i, _)| i).find(|&i| {
            let head: Vec<&str> = lower[i + 2..].split_whitespace().take(5).collect();
            let head = format!(" {} ", head.join(" "));
            ["a", "an"].contains(&lower[i + 2..].split_whitespace().next().unwrap_or(""))
                && self
                    .author_asides
                    .iter()
                    .any(|a| head.contains(&format!(" {a} ")))
        });
        appositive
            .map(|i| (i, i + 2))
            .or_else(|| plan_after_dash(text))
    }

    /// True when `verb`, after a party and a modal, gives the party's position ("accept").
    pub(super) fn is_position(&self, verb: &str) -> bool {
        self.positions.contains(verb)
    }

    /// True when `verb` is a present-tense commitment ("pledges", "undertakes").
    pub(super) fn is_commitment(&self, verb: &str) -> bool {
        self.commitments.contains(verb)
    }

    /// True when `w` may follow a document as its subject ("had", "is", "still").
    pub(super) fn is_auxiliary(&self, w: &str) -> bool {
        self.auxiliaries.contains(w)
    }

    /// True for a word that opens a fronted topic ("On money, …").
    pub(super) fn is_topic_preposition(&self, w: &str) -> bool {
        self.topic_prepositions.contains(w)
    }

    /// True for a verb of what a document does to its parties ("bars", "promises").
    pub(super) fn is_document_verb(&self, w: &str) -> bool {
        self.document_verbs.contains(w)
    }

    /// True when `text` uses a header word ("points", "the draft", "key provisions").
    pub(super) fn names_plan(&self, text: &str) -> bool {
        let padded = format!(" {} ", words_only(text));
        self.headers.iter().any(|h| padded.contains(h.as_str()))
    }
}

/// "… never borders moved by force — the American plan would hand Donetsk to Russia": a dash, then
/// "the" and the plan's name within four words, opens the article's own account of the plan.
/// Returns where the words before the dash end and where the aside starts.
fn plan_after_dash(text: &str) -> Option<(usize, usize)> {
    ["\u{2014}", "\u{2013}", " - "].iter().find_map(|dash| {
        text.match_indices(dash).find_map(|(i, d)| {
            let after = text[i + d.len()..].trim_start();
            let start = text.len() - after.len();
            let ws: Vec<String> = after
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
                .filter(|w| !w.is_empty())
                .take(5)
                .map(str::to_lowercase)
                .collect();
            let names_plan = ws.first().is_some_and(|w| w == "the")
                && ws[1..]
                    .iter()
                    .any(|w| grammar().content.relative_heads.contains(w));
            names_plan.then(|| (text[..i].trim_end().len(), start))
        })
    })
}

/// Folded words of `text` joined by single spaces; a single quotation mark around a word is
/// no part of it ("the ‘peace agreement’ would").
fn words_only(text: &str) -> String {
    fold_str(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list item found in the article, before it becomes a candidate.
#[derive(Debug, Clone)]
struct Item {
    para: usize,
    span: Range<usize>,
    number: Option<u8>,
    /// A numbered item that ends with a colon heads the items after it.
    heads: bool,
    /// The lettered section heading it stands under ("B. The US guarantee").
    section: Option<Range<usize>>,
}

/// The heading a list stands under ("Territory", "US guarantee:"): its words link an item
/// that names no point of its own.
fn topic_of(ctx: &Context<'_>, header: usize) -> Option<Range<usize>> {
    let r = ctx.paragraphs.get(header)?;
    let raw = &ctx.body[r.clone()];
    let text = raw.trim();
    (text.split_whitespace().count() <= 8 && !text.ends_with(['.', '!', '?'])).then(|| {
        let start = r.start + raw.len() - raw.trim_start().len();
        start..start + text.len()
    })
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:point|item|no\.?)\s*)?\(?(\d{1,2})(?:\s*[.):]|\s?[-\u{2013}\u{2014}])\s+")
        .expect("static pattern")
});
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?[a-h][.)]\s+").expect("static pattern"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\u{2022}\u{00B7}\u{25AA}\u{25BA}\u{2192}\u{2013}\u{2014}\u{2713}*>-]+\s*")
        .expect("static pattern")
});
static PLAN_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[- ]points? (?:peace )?(?:plan|formula|proposal|framework|programme|program|initiative)\b")
        .expect("static pattern")
});
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[- ](?:key |main |original |initial )?points?\b")
        .expect("static pattern")
});

static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^\s\u{2192}>][^\u{2192}>=]{0,40}?\s(?:\u{2192}|->|=>)\s+\S")
        .expect("static pattern")
});

/// The marker of a list paragraph: its length in bytes and the number it gives. A line
/// "old draft → 600,000 troops" (a short label, an arrow, its content) is an item whole.
fn marker(text: &str) -> Option<(usize, Option<u8>)> {
    if LABELLED
        .find(text)
        .is_some_and(|m| text[..m.end()].split_whitespace().count() <= 7)
    {
        return Some((0, None));
    }
    if let Some(c) = NUMBERED.captures(text) {
        let len = c.get(0).map_or(0, |m| m.end());
        return Some((len, c.get(1).and_then(|n| n.as_str().parse().ok())));
    }
    let m = LETTERED.find(text).or_else(|| BULLET.find(text))?;
    // a dash that joins words ("-based") or a negative number is no bullet
    let rest = &text[m.end()..];
    rest.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "\"\u{201C}'($\u{20AC}\u{A3}".contains(c))
        .then_some((m.end(), None))
}

/// True when a paragraph's text opens with a list marker.
pub(super) fn is_item(text: &str) -> bool {
    marker(text).is_some()
}

/// Sieve 1: lists of the plan's points. Returns the paragraphs and sentences it used.
pub(super) fn find_lists(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> (HashSet<usize>, HashSet<usize>) {
    let mut paras = HashSet::new();
    let mut sentences = HashSet::new();
    let mut p = 0;
    // the paragraph right after the last list ("US guarantee:" may head a list of its own)
    let mut after_list = None;
    if let Some((items, next)) = title_list(ctx) {
        // an article that is only the list: the title is its header
        let numbered = numbers_are_points(ctx, 0, &items);
        for item in items.iter().filter(|i| !i.heads) {
            if !claims_of_its_own(ctx, &item.span) {
                paras.insert(item.para);
                out.push(item_candidate(ctx, item, numbered, None));
            }
        }
        after_list = Some(next);
        p = next;
    }
    while p < ctx.paragraphs.len() {
        // "He said three principles must hold:" and "First — …": the speaker's items
        if let Some((items, next)) = speaker::speaker_list(ctx, p, local) {
            paras.extend(items.iter().map(|c| c.para));
            out.extend(items);
            p = next;
            continue;
        }
        if let Some(h) = header_before(ctx, p, after_list) {
            let (items, next) = list_at(ctx, p, h.colon || h.bare, h.bare);
            if !items.is_empty() && another_plan(ctx, h.para) {
                // Zelensky's 10-point formula is not this plan: its items say nothing of it
                paras.extend(items.iter().map(|i| i.para));
                p = next;
                continue;
            }
            if !items.is_empty() {
                let numbered = numbers_are_points(ctx, h.para, &items);
                let mention = list_source(ctx, h.para, local);
                let topic = topic_of(ctx, h.para);
                for item in items.iter().filter(|i| !i.heads) {
                    // an item that quotes or names a speaker is left to the other sieves
                    if claims_of_its_own(ctx, &item.span) {
                        continue;
                    }
                    paras.insert(item.para);
                    let mut c = item_candidate(ctx, item, numbered, mention.clone());
                    c.topic = item.section.clone().or_else(|| topic.clone());
                    out.push(c);
                }
                if h.colon {
                    // the header's own sentence; the paragraph's other sentences stay
                    sentences.extend(sentences_of(ctx, h.para).last());
                }
                after_list = Some(next);
                p = next;
                continue;
            }
        }
        if let Some((items, next)) = runs::run_at(ctx, p) {
            for item in &items {
                paras.insert(item.para);
                out.push(item_candidate(ctx, item, false, None));
            }
            after_list = Some(next);
            p = next;
            continue;
        }
        series_in(ctx, p, out, &mut sentences);
        p += 1;
    }
    (paras, sentences)
}

/// A title that counts things other than points ("Eight notes about the plan's 28 points",
/// "Five questions about the plan"): its numbered items are the author's, not the plan's.
static COUNTS_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,2}|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:(?:key|main|big)\s+)?([a-z]+)",
    )
    .expect("static pattern")
});

/// A list that opens the body under a title naming the plan ("Kyiv's new 20-point plan" and
/// then "1. …"), with no lead of its own: its items and the paragraph after it. The title's
/// count decides whether item N is point N; another plan's list ("his 10-point formula") is
/// none of this one's.
fn title_list(ctx: &Context<'_>) -> Option<(Vec<Item>, usize)> {
    let title = ctx.title?;
    let first = ctx.body[ctx.paragraphs.first()?.clone()].trim();
    let plan_of: Vec<u32> = PLAN_OF
        .captures_iter(&fold_str(title))
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    if !ctx.layout.names_plan(title)
        || COUNTS_OTHER
            .captures(&fold_str(title))
            .is_some_and(|c| !c[1].starts_with("point"))
        || marker(first).is_none_or(|(_, n)| n.is_none())
        || plan_of.iter().any(|n| !ctx.layout.versions.contains(n))
    {
        return None;
    }
    let (items, next) = list_at(ctx, 0, false, false);
    (items.len() >= 3).then_some((items, next))
}

/// The indices of the sentences of paragraph `para` (sentences are in paragraph order).
fn sentences_of(ctx: &Context<'_>, para: usize) -> Range<usize> {
    let s = &ctx.seg.sentences;
    s.partition_point(|x| x.para < para)..s.partition_point(|x| x.para <= para)
}

/// The header of a list that would start at paragraph `p`.
struct Header {
    para: usize,
    /// The header ends with a colon: plain lines after it are items too.
    colon: bool,
    /// A heading over bare phrase lines ("Key provisions of the plan" / "Kyiv quits Donetsk"):
    /// the list runs while its lines stay bare.
    bare: bool,
}

/// The header before paragraph `p`: the paragraph before it, when its last sentence names the
/// plan and ends with a colon, is a short heading, or announces a list ("Here are the points").
/// A colon ends a header that names the plan in an earlier sentence of a short paragraph ("The
/// draft lays out 28 proposals. Others demand more:"), and a short heading with a colon right
/// after a list heads the next one ("US guarantee:").
fn header_before(ctx: &Context<'_>, p: usize, after_list: Option<usize>) -> Option<Header> {
    let h = p.checked_sub(1)?;
    let text = ctx.body[ctx.paragraphs[h].clone()].trim();
    let starts_list = marker(ctx.body[ctx.paragraphs[p].clone()].trim()).is_some();
    // two bare phrase lines, the bullets lost ("Kyiv quits Donetsk" / "NATO halts expansion")
    // (only under a line that can be a heading: no full stop)
    let bare_lines = !starts_list
        && !text.ends_with(['.', '!', '?', '"', '\u{201D}'])
        && (p..p + 2).all(|q| {
            ctx.paragraphs.get(q).is_some_and(|r| {
                let line = ctx.body[r.clone()].trim();
                marker(line).is_none() && same_phrase_shape(&[], ctx, line)
            })
        });
    if (marker(text).is_some() || !(starts_list || bare_lines)) && !text.ends_with(':') {
        return None;
    }
    let last = sentences_of(ctx, h)
        .last()
        .and_then(|i| ctx.seg.sentences.get(i))
        .map_or(text, |s| ctx.body[s.span.clone()].trim());
    let n = last.split_whitespace().count();
    let colon = last.ends_with(':');
    let heading = n <= 12 && !last.ends_with(['.', '!', '?', '"', '\u{201D}']);
    let names = ctx.layout.names_plan(last)
        || (colon && sentences_of(ctx, h).len() <= 4 && ctx.layout.names_plan(text))
        || (colon && n <= 6 && after_list == Some(h))
        || (heading && n <= 6 && starts_list && section_lead_names_plan(ctx, h));
    if n > 40 || !names {
        return None;
    }
    let announces = {
        let w = format!(" {} ", words_only(last));
        [
            " here ",
            " following ",
            " below ",
            " as follows ",
            " include ",
            " includes ",
        ]
        .iter()
        .any(|k| w.contains(k))
    };
    // "Main Terms of the Draft Plan" over bare lines: a short heading
    let bare = bare_lines && heading && n <= 8 && !colon && ctx.layout.names_plan(last);
    (colon || bare || ((heading || announces) && starts_list)).then_some(Header {
        para: h,
        colon,
        bare,
    })
}

/// "Territory" / "- Crimea recognised ...": a themed section of an explainer. Going back from
/// the heading at `h` past other headings, list lines and short page furniture ("Share",
/// "Read Time: 3 min"), the first paragraph of prose names the plan ("Here is what the
/// document contains, grouped by theme.").
fn section_lead_names_plan(ctx: &Context<'_>, h: usize) -> bool {
    for p in (0..h).rev().take(40) {
        let text = ctx.body[ctx.paragraphs[p].clone()].trim();
        if marker(text).is_some() || text.split_whitespace().count() <= 6 {
            continue;
        }
        let last = sentences_of(ctx, p)
            .last()
            .and_then(|i| ctx.seg.sentences.get(i))
            .map_or(text, |s| ctx.body[s.span.clone()].trim());
        return ctx.layout.names_plan(last) || ctx.layout.names_plan(text);
    }
    false
}

/// The items of a list starting at paragraph `p`, and the paragraph after the list.
fn list_at(ctx: &Context<'_>, p: usize, colon: bool, bare: bool) -> (Vec<Item>, usize) {
    let mut items: Vec<Item> = Vec::new();
    let mut q = p;
    // the number of the item that heads the plain sub-items after it
    let mut heading: Option<u8> = None;
    // the number of the last numbered item: plain lines before the next number belong to it
    let mut current: Option<u8> = None;
    // "B. The US guarantee": a lettered heading over plain lines
    let mut section: Option<Range<usize>> = None;
    // page furniture between two numbered items ("Subscribe to our newsletter"): skipped up
    // to the next number
    let mut skipping = false;
    while q < ctx.paragraphs.len() && items.len() < 60 {
        let r = ctx.paragraphs[q].clone();
        let raw = &ctx.body[r.clone()];
        let text = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let marked = marker(text).or_else(|| bare_number(text, current));
        if skipping && marked.is_none() {
            q += 1;
            continue;
        }
        skipping = false;
        if let Some(m) = section_heading(text) {
            let start = r.start + lead + m;
            section = Some(start..r.start + raw.trim_end().len());
            q += 1;
            continue;
        }
        let plain_ok = || {
            let n = text.split_whitespace().count();
            // "Territory": a heading over sentences, not a line of a list
            if n <= 5 && !text.ends_with(['.', ';', ',', ':', '!', '?']) {
                return false;
            }
            let one_sentence = sentences_of(ctx, q).len() <= 2;
            n <= 60 && one_sentence
        };
        let (len, number) = match marked {
            Some(m) => m,
            None if bare => {
                if same_phrase_shape(&items, ctx, text) {
                    (0, None)
                } else {
                    break;
                }
            }
            // plain lines: after a colon header, or under a numbered item that ends with one
            // under a lettered heading: one plain sentence that nobody speaks
            None if section.is_some()
                && plain_ok()
                && sentences_of(ctx, q).len() <= 1
                && !claims_of_its_own(ctx, &r) =>
            {
                (0, None)
            }
            None if (heading.is_some()
                || (colon && items.is_empty())
                || continues_plain(&items, ctx)
                || (colon && plain_run(&items, ctx, q)))
                && plain_ok() =>
            {
                (0, None)
            }
            None if colon && same_phrase_shape(&items, ctx, text) => (0, None),
            None if plain_ok() && next_number_follows(ctx, q, current) => (0, None),
            None if text.split_whitespace().count() <= 6
                && next_number_follows(ctx, q, current) =>
            {
                skipping = true;
                q += 1;
                continue;
            }
            None => break,
        };
        // "- Territory -": a heading between items, not an item
        if marked.is_some() && is_dash_heading(text) {
            q += 1;
            continue;
        }
        let start = r.start + lead + len;
        let end = r.start + raw.trim_end().len();
        if start >= end {
            q += 1;
            continue;
        }
        let heads = number.is_some() && text.ends_with(':');
        if number.is_some() {
            heading = heads.then_some(number).flatten();
            current = number;
        }
        // "1. Sovereignty confirmed.2. A non-aggression pact ...": two items glued together
        let glued = number.and_then(|n| glued_next(&ctx.body[start..end], n));
        if let (Some((at, rest)), Some(n)) = (glued, number) {
            items.push(Item {
                para: q,
                span: start..start + at,
                number,
                heads: false,
                section: section.clone(),
            });
            items.push(Item {
                para: q,
                span: start + rest..end,
                number: Some(n + 1),
                heads,
                section: section.clone(),
            });
            current = Some(n + 1);
            q += 1;
            continue;
        }
        items.push(Item {
            para: q,
            span: start..end,
            number: number
                .or(heading)
                .or(if marked.is_none() { current } else { None }),
            heads,
            section: section.clone(),
        });
        q += 1;
    }
    (items, q)
}

static SECTION_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?[A-H][.)]\s+").expect("static pattern"));

/// "A. NATO", "C) Compliance": a capital letter and a short title with no full stop head a
/// section of a list; returns the byte offset of the title.
fn section_heading(text: &str) -> Option<usize> {
    let m = SECTION_LETTER.find(text)?;
    let title = &text[m.end()..];
    (title.split_whitespace().count() <= 6
        && title.starts_with(char::is_uppercase)
        && !title.ends_with(['.', ';', ',', ':', '!', '?']))
    .then_some(m.end())
}

/// In the text of item `n`, the end of the item and the start of item `n + 1` glued to it
/// after a full stop ("… confirmed.2. A non-aggression pact …").
fn glued_next(text: &str, n: u8) -> Option<(usize, usize)> {
    let marker = format!(".{}. ", n + 1);
    let at = text.find(&marker)?;
    let rest = at + marker.len();
    text[rest..]
        .starts_with(char::is_uppercase)
        .then_some((at + 1, rest))
}

static BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s+\p{Lu}").expect("static pattern"));

/// "3 It is expected that …": a number with no mark before a capital opens an item only when it
/// is the one after `current`.
fn bare_number(text: &str, current: Option<u8>) -> Option<(usize, Option<u8>)> {
    let c = BARE_NUMBER.captures(text)?;
    let n: u8 = c.get(1)?.as_str().parse().ok()?;
    let len = c.get(0)?.end() - text[..c.get(0)?.end()].chars().last()?.len_utf8();
    (current.is_some_and(|cur| n == cur + 1)).then_some((len, Some(n)))
}

/// True when, after plain lines from paragraph `q`, the item numbered one more than `current`
/// follows within five paragraphs: the plain lines are sub-items of the current one.
fn next_number_follows(ctx: &Context<'_>, q: usize, current: Option<u8>) -> bool {
    let Some(n) = current else {
        return false;
    };
    (q + 1..(q + 6).min(ctx.paragraphs.len()))
        .map(|r| {
            let text = ctx.body[ctx.paragraphs[r].clone()].trim();
            marker(text).or_else(|| bare_number(text, current))
        })
        .find(Option::is_some)
        .flatten()
        .is_some_and(|(_, number)| number == Some(n + 1))
}

/// "- Territory -": a word or two between two dashes is a heading.
fn is_dash_heading(text: &str) -> bool {
    let t = text.trim();
    let dashes = ['-', '\u{2013}', '\u{2014}'];
    t.starts_with(dashes) && t.ends_with(dashes) && t.split_whitespace().count() <= 6
}

/// Plain lines go on after a plain first item that ends like a list line (";" or ",").
/// True when `text` is a bare phrase line (no full stop, in sentence case, 3 to 25 words), the
/// first of a list or like its first: bullets a page lost keep the list going after a colon header ("…,
/// including:" / "Moscow's control over Donetsk" / "A reduced Ukrainian military"). A line in
/// title case ("International Response") is the next section's heading.
fn same_phrase_shape(items: &[Item], ctx: &Context<'_>, text: &str) -> bool {
    let bare = |t: &str| {
        !t.trim_end()
            .ends_with(['.', ';', ',', ':', '!', '?', '"', '\u{201d}'])
    };
    let first_bare = items
        .first()
        .is_none_or(|i| i.number.is_none() && bare(&ctx.body[i.span.clone()]));
    let n = text.split_whitespace().count();
    let title_case = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .all(|w| w.starts_with(char::is_uppercase));
    first_bare && bare(text) && (3..=25).contains(&n) && !title_case
}

/// After a colon header, a run of plain items of one short sentence each ("Main points:" /
/// "Kyiv keeps its sovereignty." / "Crimea is recognised as Russian.") goes on
/// while the next paragraph is one short sentence too.
fn plain_run(items: &[Item], ctx: &Context<'_>, q: usize) -> bool {
    let short = |r: &Range<usize>| ctx.body[r.clone()].split_whitespace().count() <= 30;
    // (lines with no marker only: after bullets, a plain line is prose or the next header)
    let plain = |i: &Item| {
        i.number.is_none()
            && short(&i.span)
            && ctx
                .paragraphs
                .get(i.para)
                .is_some_and(|r| marker(ctx.body[r.clone()].trim()).is_none())
    };
    !items.is_empty()
        && items.iter().all(plain)
        && sentences_of(ctx, q).len() <= 1
        && ctx
            .paragraphs
            .get(q)
            .is_some_and(|r| short(r) && !ctx.body[r.clone()].trim_end().ends_with(':'))
}

fn continues_plain(items: &[Item], ctx: &Context<'_>) -> bool {
    items
        .last()
        .is_some_and(|i| ctx.body[i.span.clone()].trim_end().ends_with([';', ',']))
}

/// True when item N is point N: the header, the title, the two paragraphs before the header
/// or the lead count 28 points, none of them counts another number ("the 20 points grew out
/// of the 28-point plan"), and the items are numbered.
fn numbers_are_points(ctx: &Context<'_>, header: usize, items: &[Item]) -> bool {
    if !items.iter().any(|i| i.number.is_some()) || items.iter().any(|i| i.number > Some(28)) {
        return false;
    }
    let near = (header.saturating_sub(2)..=header)
        .chain(0..3)
        .filter_map(|h| ctx.paragraphs.get(h))
        .map(|r| &ctx.body[r.clone()]);
    let counts: Vec<u32> = ctx
        .title
        .into_iter()
        .chain(near)
        .flat_map(counts_in)
        .collect();
    counts.contains(&28) && counts.iter().all(|&n| n == 28)
}

/// True when the title, the header or the two paragraphs before it name an "N-point plan"
/// and none of those N is a version of this plan ("his 10-point peace formula").
fn another_plan(ctx: &Context<'_>, header: usize) -> bool {
    let near = (header.saturating_sub(2)..=header)
        .filter_map(|h| ctx.paragraphs.get(h))
        .map(|r| &ctx.body[r.clone()]);
    let named: Vec<u32> = ctx
        .title
        .into_iter()
        .chain(near)
        .flat_map(|t| {
            PLAN_OF
                .captures_iter(&fold_str(t))
                .filter_map(|c| c.get(1)?.as_str().parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect();
    !named.is_empty() && !named.iter().any(|n| ctx.layout.versions.contains(n))
}

/// Every number of points a text counts.
fn counts_in(text: &str) -> Vec<u32> {
    COUNT
        .captures_iter(&fold_str(text))
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect()
}

/// An item that quotes someone or names a speaker makes claims of its own.
fn claims_of_its_own(ctx: &Context<'_>, span: &Range<usize>) -> bool {
    if ctx.seg.quotes_in(span).any(|q| q.inner.len() > 40) {
        return true;
    }
    let w = format!(" {} ", words_only(&ctx.body[span.clone()]));
    ctx.layout
        .item_speech
        .iter()
        .any(|k| w.contains(k.as_str()))
}

fn item_candidate(
    ctx: &Context<'_>,
    item: &Item,
    numbered: bool,
    mention: Option<Mention>,
) -> Candidate {
    let sentence = sentences_of(ctx, item.para).start;
    Candidate {
        kind: Kind::Report,
        span: item.span.clone(),
        sentence,
        para: item.para,
        mention,
        speaker_span: None,
        verb: None,
        rule: "list item",
        confidence: 0.85,
        floating: false,
        point: numbered.then_some(item.number).flatten(),
        topic: None,
    }
}

/// "The draft's terms are: Ukraine caps its army; it renounces NATO; and elections are held."
/// One item per part of a series after a colon whose lead names the plan.
fn series_in(ctx: &Context<'_>, p: usize, out: &mut Vec<Candidate>, used: &mut HashSet<usize>) {
    for si in sentences_of(ctx, p) {
        let s = &ctx.seg.sentences[si];
        let text = &ctx.body[s.span.clone()];
        let Some(colon) = text.find(':') else {
            continue;
        };
        let (lead, rest) = (&text[..colon], &text[colon + 1..]);
        if rest.matches(';').count() < 1
            || lead.split_whitespace().count() > 14
            || !ctx.layout.names_plan(lead)
            || ctx.seg.quotes_in(&s.span).next().is_some()
        {
            continue;
        }
        let mut start = s.span.start + colon + 1;
        let parts: Vec<&str> = rest.split(';').collect();
        for part in parts {
            let end = start + part.len();
            let trimmed = part.trim().trim_end_matches('.');
            let trimmed = trimmed
                .strip_prefix("and ")
                .or_else(|| trimmed.strip_prefix("or "))
                .unwrap_or(trimmed);
            if let Some(off) = part.find(trimmed).filter(|_| !trimmed.is_empty()) {
                out.push(Candidate {
                    kind: Kind::Report,
                    span: start + off..start + off + trimmed.len(),
                    sentence: si,
                    para: p,
                    mention: None,
                    speaker_span: None,
                    verb: None,
                    rule: "list item",
                    confidence: 0.8,
                    floating: false,
                    point: None,
                    topic: None,
                });
            }
            start = end + 1;
        }
        used.insert(si);
    }
}

mod runs;
mod source;
mod speaker;

use source::list_source;

#[cfg(test)]
mod tests;
