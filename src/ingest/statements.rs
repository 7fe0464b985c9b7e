//! Stage 3: sentences -> candidate statements, with the noun phrase of their speaker.
//!
//! Sieves, highest precision first (see docs/extraction.md):
//! 1. a list introduced by "According to the plan:" -> one report per item;
//! 2. a quote with its attribution after it (`"…," he said.` / `"…," said Peskov.`) or before it
//!    (`According to Rutte, "…"`, `he wrote: "…"`, `Rubio called the meeting "…"`);
//! 3. a quote that fills its sentence with no attribution -> the speaker of the quote before it;
//! 4. reported speech in the sentence: `According to X, …`, `As reported by X, …`,
//!    `X said (that) …`, `…, X said.`, `the plan requires …`.
//!
//! A short quote with no attribution next to it is a scare quote and stays part of its sentence.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use super::sentences::{Quote, Segmented, Sentence};
use super::speakers::{Gazetteer, Mention};
use crate::catalog::SpeechLexicon;
use crate::model::Kind;
use crate::text::{Folded, fold, fold_str, word_refs};

/// A statement before its speaker is resolved from context and its points are linked.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Quote, paraphrase or report (a report may become one once the speaker is known).
    pub kind: Kind,
    /// Byte range of the statement in the body.
    pub span: Range<usize>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
    /// Paragraph index.
    pub para: usize,
    /// Who, as found in the text; `None` is the article's own voice.
    pub mention: Option<Mention>,
    /// Where the speaker is named, to keep their name out of the linking.
    pub speaker_span: Option<Range<usize>>,
    /// The speech verb, for stance.
    pub verb: Option<String>,
    /// The rule that fired.
    pub rule: &'static str,
    /// How sure the rule is.
    pub confidence: f32,
    /// A quote with no attribution of its own: the speaker of the quote before it.
    pub floating: bool,
}

/// A word of a sentence with its span in the body.
#[derive(Debug, Clone)]
struct SWord<'a> {
    start: usize,
    end: usize,
    text: Cow<'a, str>,
    in_quote: bool,
}

/// Compiled speech-verb lists.
#[derive(Debug)]
pub struct SpeechRules {
    verbs: HashSet<String>,
    phrases: Vec<Vec<String>>,
    after_quote: HashSet<String>,
    between: HashSet<String>,
    document_verbs: HashSet<String>,
}

const ADVERBIAL_START: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "during",
    "for",
    "since",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "first",
    "also",
    "subsequently",
    "specifically",
    "separately",
    "speaking",
    "asked",
    "as",
    "with",
    "without",
    "despite",
    "following",
    "ahead",
    "today",
    "yesterday",
    "last",
    "this",
    "and",
    "but",
    "so",
    "then",
    "while",
    "when",
    "if",
    "although",
    "though",
    "citing",
    "meeting",
    "who",
    "which",
    "whose",
    "where",
    "according",
    "by",
    "from",
    "under",
    "over",
    "amid",
    "still",
    "now",
    "instead",
    "moreover",
    "furthermore",
    "finally",
    "second",
    "third",
    "next",
    "previously",
    "indeed",
    "yet",
    "nevertheless",
    "notably",
    "importantly",
    "separately",
    "addressing",
    "writing",
    "in turn",
    "of course",
    "to",
    "until",
    "unlike",
    "like",
    "against",
];
static WIRE_DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[^()]{0,60}\([\p{L} .&-]{2,30}\)\s*[-\u{2013}\u{2014}]\s*")
        .expect("static pattern")
});
const CALL_VERBS: &[&str] = &[
    "called",
    "calls",
    "call",
    "described",
    "describes",
    "dubbed",
    "termed",
    "labelled",
    "labeled",
    "branded",
];
const POST_NP_STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "while",
    "from",
    "with",
    "that",
    "when",
    "as",
    "adding",
    "according",
    "told",
    "said",
];

impl SpeechRules {
    /// Compiles the lists.
    pub fn new(lex: &SpeechLexicon) -> Self {
        let set = |v: &[String]| v.iter().map(|s| fold_str(s)).collect::<HashSet<_>>();
        Self {
            verbs: set(&lex.verbs),
            phrases: lex
                .phrases
                .iter()
                .map(|p| fold_str(p).split_whitespace().map(String::from).collect())
                .collect(),
            after_quote: set(&lex.after_quote),
            between: set(&lex.between),
            document_verbs: set(&lex.document_verbs),
        }
    }

    /// The length in words of a speech verb starting at word `k`, if one does.
    fn verb_at(&self, ws: &[SWord], k: usize, after_quote: bool) -> Option<usize> {
        let w = ws.get(k)?;
        if w.in_quote {
            return None;
        }
        for p in &self.phrases {
            if p.len() > 1
                && ws.len() >= k + p.len()
                && p.iter()
                    .enumerate()
                    .all(|(i, t)| ws[k + i].text == *t && !ws[k + i].in_quote)
            {
                return Some(p.len());
            }
        }
        if self.verbs.contains(&*w.text) || (after_quote && self.after_quote.contains(&*w.text)) {
            return Some(1);
        }
        None
    }

    fn is_between(&self, w: &str) -> bool {
        self.between.contains(w) || (w.len() > 4 && w.ends_with("ly"))
    }
}

/// Everything the sieves read.
pub struct Context<'a> {
    /// The article body.
    pub body: &'a str,
    /// Its quotes and sentences.
    pub seg: &'a Segmented,
    /// Paragraph ranges.
    pub paragraphs: &'a [Range<usize>],
    /// Known names.
    pub gazetteer: &'a Gazetteer,
    /// Speech verbs.
    pub speech: &'a SpeechRules,
}

/// The words of the sentence at `span`, folded as `f`.
fn sentence_words<'f>(ctx: &Context<'_>, span: &Range<usize>, f: &'f Folded) -> Vec<SWord<'f>> {
    word_refs(&f.text)
        .map(|w| {
            let start = span.start + f.orig(w.start);
            let end = span.start + f.orig(w.end);
            SWord {
                start,
                end,
                text: w.text,
                in_quote: ctx.seg.in_quote(start),
            }
        })
        .collect()
}

/// Finds the candidate statements of an article.
pub fn find_candidates(ctx: &Context<'_>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut local = Vec::new();
    let mut list_paras = find_lists(ctx, &mut out, &mut local);
    list_paras.extend(find_transcript(ctx, &mut out, &mut local));
    let mut doc_origin: Option<(String, usize)> = None;
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        if list_paras.contains(&s.para) {
            continue;
        }
        let folded = fold(&ctx.body[s.span.clone()]);
        let ws = sentence_words(ctx, &s.span, &folded);
        let quotes: Vec<&Quote> = ctx.seg.quotes_in(&s.span).collect();
        let mut attributed = false;
        for q in &quotes {
            if let Some(c) = quote_candidate(ctx, s, si, q, &ws, &mut local) {
                attributed |= !c.floating;
                out.push(c);
                if let Some(extra) =
                    adding_that(s, si, q, &ws, out.last().and_then(|c| c.mention.clone()))
                {
                    out.push(extra);
                }
            }
        }
        if !attributed && let Some(mut c) = sentence_candidate(ctx, s, si, &ws, &quotes, &mut local)
        {
            authored(ctx, &mut c, &mut doc_origin);
            out.extend(split_complements(ctx.body, s, &ws, c));
        }
    }
    out.sort_by_key(|c| c.span.start);
    out
}

static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^([\p{Lu}][\p{L}.'\u{2019} -]{0,50}?):\s+\S").expect("static pattern")
});
static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b\p{Lu}[\p{Ll}'\u{2019}-]+(?:\s+\p{Lu}[\p{Ll}'\u{2019}-]+){1,2}\b")
        .expect("static pattern")
});

fn is_question_label(label: &str) -> bool {
    matches!(label.trim(), "Q" | "Question" | "Interviewer")
}

/// Sieve 0: an interview transcript. `Yuri Ushakov: …` or `A: …` paragraphs are the
/// speaker's own words (the person asked is the first one named before the first question);
/// `Q: …` paragraphs yield nothing.
fn find_transcript(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> HashSet<usize> {
    let mut used = HashSet::new();
    let labels: Vec<Option<String>> = ctx
        .paragraphs
        .iter()
        .map(|r| {
            LABEL
                .captures(&ctx.body[r.clone()])
                .map(|c| c[1].to_string())
        })
        .collect();
    let first_question = labels
        .iter()
        .position(|l| l.as_deref().is_some_and(is_question_label));
    let interviewee = first_question.and_then(|q| {
        ctx.paragraphs[..q].iter().find_map(|r| {
            NAME.find_iter(&ctx.body[r.clone()]).find_map(|m| {
                match ctx.gazetteer.resolve(m.as_str(), local) {
                    Some(Mention::Speaker(sp, g))
                        if sp.kind == crate::model::SpeakerKind::Person =>
                    {
                        Some(Mention::Speaker(sp, g))
                    }
                    _ => None,
                }
            })
        })
    });
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        if is_question_label(label) {
            if first_question.is_some() {
                used.insert(p);
            }
            continue;
        }
        let mention = if matches!(label.as_str(), "A" | "Answer") {
            interviewee.clone()
        } else {
            match ctx.gazetteer.resolve(label, local) {
                Some(Mention::Speaker(sp, g)) if sp.kind == crate::model::SpeakerKind::Person => {
                    Some(Mention::Speaker(sp, g))
                }
                _ => None,
            }
        };
        let Some(mention) = mention else { continue };
        used.insert(p);
        let r = &ctx.paragraphs[p];
        let content_start = r.start
            + label.len()
            + 1
            + (ctx.body[r.start + label.len() + 1..r.end].len()
                - ctx.body[r.start + label.len() + 1..r.end]
                    .trim_start()
                    .len());
        for (si, s) in ctx
            .seg
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.para == p)
        {
            let start = s.span.start.max(content_start);
            if start >= s.span.end {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Quote,
                span: start..s.span.end,
                sentence: si,
                para: p,
                mention: Some(mention.clone()),
                speaker_span: None,
                verb: None,
                rule: "interview answer",
                confidence: 0.85,
                floating: false,
            });
        }
    }
    used
}

/// Sieve 1: "According to the plan:" followed by one item per paragraph.
fn find_lists(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> HashSet<usize> {
    let mut used = HashSet::new();
    let mut p = 0;
    while p < ctx.paragraphs.len() {
        let text = ctx.body[ctx.paragraphs[p].clone()].trim();
        let folded = fold_str(text);
        let header = text.ends_with(':') && folded.split_whitespace().count() <= 14 && {
            let ws: Vec<&str> = folded.trim_end_matches(':').split_whitespace().collect();
            let doc_word = ws.iter().any(|w| {
                [
                    "plan",
                    "document",
                    "draft",
                    "proposal",
                    "text",
                    "framework",
                    "memorandum",
                    "points",
                ]
                .contains(w)
            });
            doc_word
                && (folded.starts_with("according to")
                    || folded.starts_with("under")
                    || ws.iter().any(|w| {
                        [
                            "includes",
                            "include",
                            "envisages",
                            "provides",
                            "says",
                            "states",
                            "stipulates",
                            "proposes",
                            "contains",
                            "following",
                        ]
                        .contains(w)
                    }))
        };
        if !header {
            p += 1;
            continue;
        }
        // "According to Bloomberg, the plan includes:" -> the medium is the speaker
        let mention = text
            .strip_prefix("According to ")
            .and_then(|rest| rest.split(',').next())
            .filter(|np| !np.ends_with(':'))
            .and_then(|np| ctx.gazetteer.resolve(np, local))
            .filter(|m| !matches!(m, Mention::Document));
        used.insert(p);
        let mut q = p + 1;
        while q < ctx.paragraphs.len() && q <= p + 15 {
            let r = ctx.paragraphs[q].clone();
            let item = ctx.body[r.clone()].trim_end();
            let item = item.trim_start_matches(['-', '*', '\u{2022}', ' ']);
            let start = r.end - item.len();
            let sentence = ctx
                .seg
                .sentences
                .iter()
                .position(|s| s.para == q)
                .unwrap_or(0);
            out.push(Candidate {
                kind: Kind::Report,
                span: start..r.end,
                sentence,
                para: q,
                mention: mention.clone(),
                speaker_span: None,
                verb: None,
                rule: "list item",
                confidence: 0.85,
                floating: false,
            });
            used.insert(q);
            q += 1;
            if !item.ends_with(';') && !item.ends_with(',') {
                break;
            }
        }
        p = q;
    }
    used
}

/// Sieves 2 and 3 for one quote.
fn quote_candidate(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    q: &Quote,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let n_words = word_refs(&fold_str(&ctx.body[q.inner.clone()])).count();
    let make = |mention: Option<Mention>,
                speaker_span: Option<Range<usize>>,
                verb: Option<String>,
                rule,
                confidence,
                floating| Candidate {
        kind: Kind::Quote,
        span: q.inner.clone(),
        sentence: si,
        para: s.para,
        mention,
        speaker_span,
        verb,
        rule,
        confidence,
        floating,
    };
    // after the quote: `, he said` / `, said Peskov` / `," the minister continued.`
    // the attribution after a quote follows punctuation: `…," he said`, not `"long" call with`
    let inner_end = ctx.body[..q.outer.end]
        .trim_end_matches(|c: char| "\"'\u{201D}\u{2019}\u{00BB}\u{203A}\u{201C}".contains(c));
    let punctuated = inner_end
        .ends_with([',', '.', '?', '!', '\u{2026}', '-', '\u{2014}', '\u{2013}'])
        || ctx.body[q.outer.end..]
            .trim_start()
            .starts_with([',', '\u{2014}', '\u{2013}'])
        || ctx.body[q.outer.end..].starts_with(" -");
    let after: Vec<usize> = if punctuated {
        (0..ws.len())
            .filter(|&k| ws[k].start >= q.outer.end)
            .take_while(|&k| !ws[k].in_quote)
            .take(12)
            .collect()
    } else {
        Vec::new()
    };
    for (pos, &k) in after.iter().enumerate() {
        let Some(len) = ctx.speech.verb_at(ws, k, true) else {
            continue;
        };
        let verb = ws[k..k + len]
            .iter()
            .map(|w| &*w.text)
            .collect::<Vec<_>>()
            .join(" ");
        let before: Vec<usize> = after[..pos]
            .iter()
            .copied()
            .filter(|&j| !ctx.speech.is_between(&ws[j].text))
            .collect();
        // `…," Peskov said` (speaker before the verb) or `…," said Peskov` (after it)
        let speaker = match (before.first(), before.last()) {
            (Some(&a), Some(&b)) => {
                let span = ws[a].start..ws[b].end;
                let np = &ctx.body[span.clone()];
                if np.contains([',', '.']) {
                    None
                } else {
                    ctx.gazetteer.resolve(np, local).map(|m| (m, span))
                }
            }
            _ => np_after(ctx, ws, k + len, s.span.end, local),
        };
        if let Some((m, span)) = speaker {
            return Some(make(
                Some(m),
                Some(span),
                Some(verb),
                "quote, speaker after",
                0.9,
                false,
            ));
        }
        break;
    }
    // before the quote: `According to Rutte, "…"` / `he wrote: "…"` / `Rubio called the meeting "…"`
    let prev: Vec<usize> = (0..ws.len())
        .filter(|&k| ws[k].end <= q.outer.start)
        .collect();
    let gap_text = ctx.body[prev.last().map_or(s.span.start, |&k| ws[k].end)..q.outer.start].trim();
    if let Some(pos) = prev.iter().rposition(|&k| ws[k].text == "according") {
        let k = prev[pos];
        // A name must follow "according to" before the quote (found by the property tests:
        // `“According to:"…"` sliced past the last word).
        if ws.get(k + 1).is_some_and(|w| w.text == "to")
            && prev.len() - pos <= 8
            && gap_text.starts_with([',', ':'])
            && let Some(&last) = prev.last()
            && k + 2 <= last
        {
            let span = ws[k + 2].start..ws[last].end;
            if let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local) {
                return Some(make(
                    Some(m),
                    Some(span),
                    None,
                    "quote, according to",
                    0.9,
                    false,
                ));
            }
        }
    }
    if let Some(&last) = prev.last() {
        // a speech verb right before the quote, maybe with a short object and a colon
        // "Rubio told reporters outside the U.S. mission: \"…\"" reaches back further than "he said: \"…\""
        let reach = if gap_text.ends_with(':') { 8 } else { 3 };
        for back in 0..=reach.min(prev.len() - 1) {
            let k = prev[prev.len() - 1 - back];
            let Some(len) = ctx.speech.verb_at(ws, k, false) else {
                continue;
            };
            let call = CALL_VERBS.contains(&&*ws[k].text);
            let colon = gap_text.ends_with(':') || gap_text.ends_with(',');
            if back > 0 && !call && !colon {
                break;
            }
            if k + len - 1 > last {
                break;
            }
            let verb = ws[k..k + len]
                .iter()
                .map(|w| &*w.text)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some((m, span)) = subject_before(ctx, s, ws, k, false, local) {
                return Some(make(
                    Some(m),
                    Some(span),
                    Some(verb),
                    "quote, speaker before",
                    0.85,
                    false,
                ));
            }
            break;
        }
    }
    // a quote that is the whole sentence: the speaker of the quote before it
    let outside: usize = ws.iter().filter(|w| !w.in_quote).count();
    if outside == 0 && n_words >= 4 {
        return Some(make(None, None, None, "quote, continued", 0.6, true));
    }
    None
}

/// A document from one side ("the European text", "Kyiv's counter-proposal") speaks for its
/// authors as the article names them ("European governments"); "it" and "the document" right
/// after it are the same text; "the plan" is the plan again.
fn authored(ctx: &Context<'_>, c: &mut Candidate, last: &mut Option<(String, usize)>) {
    if !matches!(c.rule, "the plan says" | "document as subject") || c.mention.is_some() {
        return;
    }
    let Some(np) = c.speaker_span.clone().map(|r| fold_str(&ctx.body[r])) else {
        return;
    };
    let origin = match ctx.gazetteer.document_origin(&np) {
        Some(o) => Some(o),
        None => {
            let ws: Vec<&str> = np.split_whitespace().collect();
            let generic = ws.len() <= 2
                && ws.last().is_some_and(|w| {
                    [
                        "it",
                        "document",
                        "text",
                        "draft",
                        "version",
                        "paper",
                        "counter-proposal",
                    ]
                    .contains(w)
                });
            last.as_ref()
                .filter(|(_, para)| generic && c.para <= para + 1)
                .map(|(o, _)| o.clone())
        }
    };
    *last = origin.clone().map(|o| (o, c.para));
    if let Some(authors) = origin.and_then(|o| ctx.gazetteer.authors(ctx.body, &o)) {
        c.mention = Some(Mention::Speaker(authors, None));
        c.kind = Kind::Paraphrase;
        c.rule = "document of its authors";
    }
}

/// `X said that A and that B` makes two claims: one candidate each, with the same speaker, so
/// that each is linked and given a stance on its own words.
fn split_complements(body: &str, s: &Sentence, ws: &[SWord], c: Candidate) -> Vec<Candidate> {
    if c.kind != Kind::Paraphrase || c.span != s.span || c.mention.is_none() {
        return vec![c];
    }
    let verb_at = c
        .verb
        .as_deref()
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| ws.iter().position(|w| w.text == v && !w.in_quote));
    let Some(verb_at) = verb_at else {
        return vec![c];
    };
    let cuts: Vec<usize> = (verb_at + 2..ws.len())
        .filter(|&k| {
            ws[k].text == "that"
                && !ws[k].in_quote
                && ["and", "but"].contains(&&*ws[k - 1].text)
                && !ws[k - 1].in_quote
        })
        .map(|k| k - 1)
        .collect();
    if cuts.is_empty() {
        return vec![c];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = c.span.start;
    for (i, &k) in cuts.iter().enumerate() {
        let end = start
            + body[start..ws[k].start]
                .trim_end_matches([' ', ',', ';'])
                .len();
        let mut part = c.clone();
        part.span = start..end;
        if i > 0 {
            part.rule = "reported speech, and that";
        }
        out.push(part);
        start = ws[k + 1].start;
    }
    let mut last = c;
    last.span = start..s.span.end;
    last.rule = "reported speech, and that";
    out.push(last);
    out
}

/// `"…," he said, adding that …` -> a paraphrase by the same speaker.
fn adding_that(
    s: &Sentence,
    si: usize,
    q: &Quote,
    ws: &[SWord],
    mention: Option<Mention>,
) -> Option<Candidate> {
    let k = ws
        .iter()
        .position(|w| w.start >= q.outer.end && !w.in_quote && w.text == "adding")?;
    mention.as_ref()?;
    Some(Candidate {
        kind: Kind::Paraphrase,
        span: ws[k].start..s.span.end,
        sentence: si,
        para: s.para,
        mention,
        speaker_span: None,
        verb: Some("adding".into()),
        rule: "adding that",
        confidence: 0.8,
        floating: false,
    })
}

/// A noun phrase after a verb, up to a comma, period or preposition: `said Peskov,`.
fn np_after(
    ctx: &Context<'_>,
    ws: &[SWord],
    from: usize,
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let first = ws.get(from)?;
    if first.in_quote || POST_NP_STOP.contains(&&*first.text) {
        return None;
    }
    let mut last = from;
    let mut k = from;
    while k < ws.len() && k < from + 9 && ws[k].end <= limit && !ws[k].in_quote {
        if POST_NP_STOP.contains(&&*ws[k].text) && k > from {
            break;
        }
        last = k;
        let gap = ctx
            .body
            .get(ws[k].end..ws.get(k + 1).map_or(ws[k].end, |n| n.start))
            .unwrap_or("");
        if gap.contains([',', '.', ';', ':', '(']) {
            break;
        }
        k += 1;
    }
    let span = first.start..ws[last].end;
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    if matches!(m, Mention::Document) {
        return None;
    }
    Some((m, span))
}

/// The speaker noun phrase in front of the verb at word `v`: the first comma-separated
/// segment before it that resolves, skipping adverbials and asides.
fn subject_before(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    v: usize,
    document: bool,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let mut end = v;
    while end > 0 && ctx.speech.is_between(&ws[end - 1].text) && !ws[end - 1].in_quote {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let stop = ws[end - 1].end;
    let start = ws
        .iter()
        .take(end)
        .rposition(|w| w.in_quote)
        .map_or(s.span.start, |k| ws[k].end);
    let mut start = start;
    // a wire dateline is not a speaker: "WARSAW, Nov 25 (Reuters) - Poland's minister said"
    if let Some(m) = WIRE_DATELINE.find(&ctx.body[start..stop]) {
        start += m.end();
    }
    let pre = &ctx.body[start..stop];
    // "…, with several allies insisting that …": the speaker of a participle is the noun
    // after "with" right before it
    if ws[v].text.ends_with("ing")
        && let Some(cut) = pre.rfind([',', ';'])
    {
        let last = pre[cut + 1..].trim();
        if let Some(rest) = last.strip_prefix("with ").map(str::trim_start)
            && rest.contains(' ')
            && let Some(m @ Mention::Speaker(..)) = ctx.gazetteer.resolve(rest, local)
        {
            let end = start + pre.trim_end().len();
            return Some((m, end - rest.len()..end));
        }
    }
    let mut proper: Option<(String, Range<usize>)> = None;
    // segments with their byte offsets (the dashes are three bytes long)
    let mut segments: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (i, ch) in pre.char_indices() {
        if [',', ';', '\u{2014}', '\u{2013}', '(', ')'].contains(&ch) {
            segments.push((from, &pre[from..i]));
            from = i + ch.len_utf8();
        }
    }
    segments.push((from, &pre[from..]));
    for (seg_offset, seg) in segments {
        let seg_start = start + seg_offset;
        let trimmed = seg.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = seg.len() - seg.trim_start().len();
        let span = seg_start + lead..seg_start + lead + trimmed.len();
        let folded = fold_str(trimmed);
        let first = folded.split_whitespace().next().unwrap_or("");
        let first_two = folded
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        let adverbial = ADVERBIAL_START.contains(&first)
            || ADVERBIAL_START.contains(&first_two.as_str())
            || (folded.split_whitespace().count() == 1 && first.ends_with("ly"));
        let is_pronoun = ["he", "she", "they", "it"].contains(&folded.as_str());
        if adverbial && !is_pronoun {
            continue;
        }
        match ctx.gazetteer.resolve(trimmed, local) {
            // in "The plan needs work, Rutte said" the plan is what is spoken of, not who speaks
            Some(Mention::Document) if !document => continue,
            // "Rosatom, Russia's state nuclear corporation, said": the name, not its description
            Some(Mention::Speaker(sp, _))
                if sp.kind == crate::model::SpeakerKind::Body
                    && !sp.known
                    && let Some((name, name_span)) = proper.take() =>
            {
                let body = crate::model::Speaker {
                    slug: crate::text::slugify(&name),
                    name,
                    kind: crate::model::SpeakerKind::Body,
                    known: false,
                };
                return Some((Mention::Speaker(body, None), name_span));
            }
            Some(m) => return Some((m, span)),
            None => {
                let one_word = !trimmed.contains(char::is_whitespace);
                let capital = trimmed.chars().next().is_some_and(char::is_uppercase)
                    && trimmed.chars().skip(1).any(char::is_lowercase)
                    && trimmed.chars().all(|c| c.is_alphanumeric() || c == '-');
                proper = (one_word && capital).then(|| (trimmed.to_string(), span));
            }
        }
    }
    None
}

/// Sieve 4: reported speech in a sentence.
fn sentence_candidate(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    quotes: &[&Quote],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let base = |mention: Option<Mention>,
                speaker_span: Option<Range<usize>>,
                verb: Option<String>,
                rule,
                confidence| {
        let kind = if matches!(mention, None | Some(Mention::Document)) {
            Kind::Report
        } else {
            Kind::Paraphrase
        };
        let mention = mention.filter(|m| !matches!(m, Mention::Document));
        // a sentence that is mostly one quote is that quote
        let (kind, span) = match quotes.iter().max_by_key(|q| q.inner.len()) {
            Some(q) if kind == Kind::Paraphrase && q.inner.len() * 2 >= s.span.len() => {
                (Kind::Quote, q.inner.clone())
            }
            _ => (kind, s.span.clone()),
        };
        Candidate {
            kind,
            span,
            sentence: si,
            para: s.para,
            mention,
            speaker_span,
            verb,
            rule,
            confidence,
            floating: false,
        }
    };
    let plain: Vec<usize> = (0..ws.len()).filter(|&k| !ws[k].in_quote).collect();
    // According to X, … / …, according to X.
    if let Some(pos) = plain
        .iter()
        .position(|&k| ws[k].text == "according" && ws.get(k + 1).is_some_and(|w| w.text == "to"))
    {
        let k = plain[pos];
        let np_start = ws.get(k + 2)?.start;
        let rest = &ctx.body[np_start..s.span.end];
        let np_len = rest
            .find([',', ':', ';'])
            .unwrap_or_else(|| rest.trim_end_matches(['.', '!', '?']).len());
        let span = np_start..np_start + np_len;
        if let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local) {
            return Some(base(Some(m), Some(span), None, "according to", 0.85));
        }
    }
    // As reported by X, … / As X pointed out, …
    if ws.first().is_some_and(|w| w.text == "as") {
        if ws.get(2).is_some_and(|w| w.text == "by") && ctx.speech.verb_at(ws, 1, false).is_some() {
            let rest = &ctx.body[ws.get(3)?.start..s.span.end];
            let len = rest.find(',').unwrap_or(0);
            let span = ws[3].start..ws[3].start + len;
            if len > 0
                && let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)
            {
                return Some(base(
                    Some(m),
                    Some(span),
                    Some(ws[1].text.to_string()),
                    "as reported by",
                    0.85,
                ));
            }
        }
        let comma = ctx.body[s.span.clone()].find(',').map(|c| s.span.start + c);
        if let Some(comma) = comma
            && let Some(v) = (1..ws.len())
                .find(|&k| ws[k].end <= comma && ctx.speech.verb_at(ws, k, false).is_some())
        {
            let span = ws[1].start..ws[v - 1].end;
            if v > 1
                && let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)
            {
                return Some(base(
                    Some(m),
                    Some(span),
                    Some(ws[v].text.to_string()),
                    "as X said",
                    0.85,
                ));
            }
        }
    }
    // X said (that) … / …, X said. / …, said X.   (a person or body speaking wins over the
    // plan "saying" something, so documents are tried in a second pass)
    for documents in [false, true] {
        for &k in &plain {
            let speech = ctx.speech.verb_at(ws, k, false);
            let doc_verb = ctx.speech.document_verbs.contains(&*ws[k].text);
            if (!documents && speech.is_none()) || (documents && !doc_verb && speech.is_none()) {
                continue;
            }
            let verb = ws[k..k + speech.unwrap_or(1)]
                .iter()
                .map(|w| &*w.text)
                .collect::<Vec<_>>()
                .join(" ");
            // passive: "This was reported by the President's Office."
            if ws.get(k + 1).is_some_and(|w| w.text == "by")
                && k > 0
                && ["was", "were", "been", "is"].contains(&&*ws[k - 1].text)
            {
                if !documents && let Some((m, span)) = np_after(ctx, ws, k + 2, s.span.end, local) {
                    return Some(base(Some(m), Some(span), Some(verb), "reported by", 0.7));
                }
                continue;
            }
            if let Some((m, span)) = subject_before(ctx, s, ws, k, documents, local) {
                let is_doc = matches!(m, Mention::Document)
                    || (matches!(m, Mention::Pronoun(super::speakers::Pronoun::It))
                        && recent_document(ctx, s));
                if is_doc != documents
                    || matches!(m, Mention::Pronoun(super::speakers::Pronoun::It)) && !is_doc
                {
                    continue;
                }
                if is_doc {
                    return Some(base(
                        Some(Mention::Document),
                        Some(span),
                        Some(verb),
                        "the plan says",
                        0.8,
                    ));
                }
                return Some(base(
                    Some(m),
                    Some(span),
                    Some(verb),
                    "reported speech",
                    0.75,
                ));
            }
            if !documents && speech.is_some() {
                // "…, said Peskov."
                let after_comma = k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
                if after_comma
                    && let Some((m, span)) =
                        np_after(ctx, ws, k + speech.unwrap_or(1), s.span.end, local)
                {
                    return Some(base(
                        Some(m),
                        Some(span),
                        Some(verb),
                        "reported speech, speaker after",
                        0.75,
                    ));
                }
            }
        }
    }
    // "The European text raises the ceiling …": a document as the subject of any verb
    let head: Vec<&SWord> = ws.iter().take_while(|w| !w.in_quote).take(5).collect();
    let gap_has_comma =
        |k: usize| k > 0 && k < ws.len() && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
    for n in (2..=4).rev() {
        let (Some(first), Some(last)) = (head.first(), head.get(n - 1)) else {
            continue;
        };
        // the verb, past an aside: "The European text, seen by the Guardian, raises …"
        let next = if gap_has_comma(n) {
            (n + 1..(n + 8).min(ws.len()))
                .find(|&k| gap_has_comma(k))
                .and_then(|k| ws.get(k))
        } else {
            ws.get(n)
        };
        let Some(next) = next else { continue };
        let np = &ctx.body[first.start..last.end];
        let verb_like = next.text.len() > 3 && next.text.ends_with('s')
            || ["would", "will"].contains(&&*next.text);
        if !np.contains(',')
            && verb_like
            && !next.in_quote
            && matches!(ctx.gazetteer.resolve(np, local), Some(Mention::Document))
        {
            return Some(base(
                Some(Mention::Document),
                Some(first.start..last.end),
                Some(next.text.to_string()),
                "document as subject",
                0.7,
            ));
        }
    }
    // Under the plan, …
    let lead = fold_str(&ctx.body[s.span.clone()]);
    if (lead.starts_with("under the ") || lead.starts_with("under this "))
        && lead
            .split(',')
            .next()
            .is_some_and(|h| h.split_whitespace().count() <= 6)
    {
        return Some(base(None, None, None, "under the plan", 0.75));
    }
    None
}

/// True when "it" can stand for a document: one is named in this or the previous sentence.
fn recent_document(ctx: &Context<'_>, s: &Sentence) -> bool {
    let docs = [
        "plan",
        "document",
        "draft",
        "proposal",
        "text",
        "memorandum",
        "framework",
    ];
    let idx = ctx
        .seg
        .sentences
        .iter()
        .position(|x| x.span == s.span)
        .unwrap_or(0);
    let from = idx.saturating_sub(3);
    ctx.seg.sentences[from..=idx].iter().any(|x| {
        let f = fold_str(&ctx.body[x.span.clone()]);
        f.split(|c: char| !c.is_alphanumeric())
            .any(|w| docs.contains(&w))
    })
}
