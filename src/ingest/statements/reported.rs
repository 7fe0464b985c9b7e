//! Sieve 4: reported speech in a sentence, documents as subjects and their authors.

use super::*;
use crate::model::SpeakerKind;

/// Sieve 4: reported speech in a sentence.
pub(super) fn sentence_candidate(
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
            point: None,
            topic: None,
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
        let mut span = np_start..np_start + np_len;
        if let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local) {
            span.end = media_list_end(ctx, &m, span.end, s.span.end, local);
            return Some(base(Some(m), Some(span), None, "according to", 0.85));
        }
    }
    // In X's words, … / In the words of X, …
    if let Some(m) = in_words_of(ctx, s, ws, local) {
        return Some(base(Some(m.0), Some(m.1), None, "according to", 0.8));
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
    // "Reuters quoted anonymous sources as saying that …": the one quoted speaks
    if let Some((m, span, verb)) = quoted_as(ctx, s, ws, &plain, local) {
        return Some(base(
            Some(m),
            Some(span),
            Some(verb),
            "quoted as saying",
            0.8,
        ));
    }
    // "Negotiators agreed on X, Interfax reported.": the cue that closes the sentence frames
    // all of it, so its speaker wins over a verb inside the content
    if let Some((m, span, verb)) = closing_cue(ctx, s, ws, &plain, local) {
        return Some(base(
            Some(m),
            Some(span),
            Some(verb),
            "reported speech, closing cue",
            0.8,
        ));
    }
    // X said (that) … / …, X said. / …, said X.   (a person or body speaking wins over the
    // plan "saying" something, so documents are tried in a second pass)
    for documents in [false, true] {
        for &k in &plain {
            let speech = ctx.speech.verb_at(ws, k, false);
            let doc_verb = ctx.speech.document_verbs.contains(&*ws[k].text)
                || ctx.layout.is_document_verb(&ws[k].text);
            if (!documents && speech.is_none()) || (documents && !doc_verb && speech.is_none()) {
                continue;
            }
            let verb = ws[k..k + speech.unwrap_or(1)]
                .iter()
                .map(|w| &*w.text)
                .collect::<Vec<_>>()
                .join(" ");
            // "It has also been reported that …": an impersonal report is the article's own
            // account, and no verb inside its clause ("which Russia demanded") takes it over
            if !documents && impersonal_passive(ws, k) {
                return Some(base(None, None, Some(verb), "impersonal report", 0.7));
            }
            // passive: "This was reported by the President's Office.", "This was confirmed to
            // the Times by five officials."
            let by = match ws.get(k + 1).map(|w| &*w.text) {
                Some("to") => (k + 3..(k + 9).min(ws.len())).find(|&j| ws[j].text == "by"),
                _ => Some(k + 1),
            };
            if let Some(by) = by
                && ws.get(by).is_some_and(|w| w.text == "by")
                && k > 0
                && ["was", "were", "been", "is"].contains(&&*ws[k - 1].text)
            {
                if !documents && let Some((m, span)) = np_after(ctx, ws, by + 1, s.span.end, local)
                {
                    return Some(base(Some(m), Some(span), Some(verb), "reported by", 0.7));
                }
                continue;
            }
            if let Some((m, span)) = subject_before(ctx, s, ws, k, documents, local) {
                let is_doc = matches!(m, Mention::Document)
                    || (matches!(m, Mention::Pronoun(crate::ingest::speakers::Pronoun::It))
                        && recent_document(ctx, s));
                if is_doc != documents
                    || matches!(m, Mention::Pronoun(crate::ingest::speakers::Pronoun::It))
                        && !is_doc
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
            // "…, said Peskov." (one word: "…, called for an amnesty" names no speaker)
            if !documents && speech == Some(1) {
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
    let gap_has_comma =
        |k: usize| k > 0 && k < ws.len() && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
    // past a fronted topic: "On money, the counter-proposal says …", "On elections: the …"
    let topic_end = |k: usize| {
        gap_has_comma(k) || (k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(':'))
    };
    let off = ws
        .first()
        .filter(|w| ctx.layout.is_topic_preposition(&w.text))
        .and_then(|_| (1..4.min(ws.len())).find(|&k| topic_end(k)))
        .unwrap_or(0);
    let head: Vec<&SWord> = ws[off..]
        .iter()
        .take_while(|w| !w.in_quote)
        .take(5)
        .collect();
    for n in (2..=4).rev() {
        let (Some(first), Some(last)) = (head.first(), head.get(n - 1)) else {
            continue;
        };
        // the verb, past an aside: "The European text, seen by the Guardian, raises …"
        let n = n + off;
        let next = if gap_has_comma(n) {
            (n + 1..(n + 11).min(ws.len()))
                .find(|&k| gap_has_comma(k))
                .and_then(|k| ws.get(k))
        } else if ws.get(n).is_some_and(|w| is_manner_adverb(&w.text)) {
            // "The Europeans' own draft rightly ties …"
            ws.get(n + 1)
        } else {
            ws.get(n)
        };
        let Some(next) = next else { continue };
        let np = &ctx.body[first.start..last.end];
        // "raises", "would", and auxiliaries: "That first draft had barred …"
        let verb_like = next.text.len() > 3 && next.text.ends_with('s')
            || ["would", "will"].contains(&&*next.text)
            || ctx.layout.is_auxiliary(&next.text);
        // "The proposals were handed to …", "The document is divided into …": something done
        // to the document, not what it says
        let copula = ["is", "was", "are", "were", "been"].contains(&&*next.text);
        let acted_on = copula
            && ws
                .iter()
                .find(|w| w.start > next.start)
                .is_some_and(|w| w.text.ends_with("ed") || w.text.ends_with("en"));
        if !np.contains(',')
            && verb_like
            && !acted_on
            && !next.in_quote
            && (matches!(ctx.gazetteer.resolve(np, local), Some(Mention::Document))
                || names_a_document(np)
                || (is_ordinal_document(np) && recent_document(ctx, s)))
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

/// "It has been reported that", "it was also reported that": the verb at `k` in a passive
/// whose subject is an empty "it" and whose content follows "that".
fn impersonal_passive(ws: &[SWord], k: usize) -> bool {
    let between = [
        "has", "had", "have", "also", "been", "was", "is", "further", "earlier",
    ];
    k >= 2
        && ws[0].text == "it"
        && ["been", "was", "is"].contains(&&*ws[k - 1].text)
        && ws[1..k].iter().all(|w| between.contains(&&*w.text))
        && ws.get(k + 1).is_some_and(|w| w.text == "that")
}

/// "A second sets out guarantees. A third covers reconstruction.": after the documents of a
/// package are named, an ordinal alone is one of them.
pub(super) fn is_ordinal_document(np: &str) -> bool {
    let f = fold_str(np);
    let ws: Vec<&str> = f.split_whitespace().collect();
    matches!(ws.as_slice(), [d, o] if ["a", "the"].contains(d)
        && ["first", "second", "third", "fourth", "fifth", "last"].contains(o))
}

/// "rightly", "wisely", "quietly": an adverb of manner between a subject and its verb.
fn is_manner_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !["only", "early", "family", "italy"].contains(&w)
}

/// "That first draft", "the revised text", "a separate guarantee paper": a determiner and a
/// document noun.
fn names_a_document(np: &str) -> bool {
    let f = fold_str(np);
    let ws: Vec<&str> = f.split_whitespace().collect();
    ws.len() <= 4
        && ws
            .first()
            .is_some_and(|w| ["the", "that", "this", "its", "their", "a", "an"].contains(w))
        && ws.last().is_some_and(|w| {
            [
                "plan",
                "draft",
                "text",
                "proposal",
                "version",
                "document",
                "framework",
                "counter-proposal",
                "counterproposal",
                "counter-plan",
                "non-paper",
                "blueprint",
                "memorandum",
                "roadmap",
                "paper",
            ]
            .contains(w)
        })
}

/// True when "it" can stand for a document: one, or the points or a clause of one, is named in
/// this or the four sentences before.
pub(super) fn recent_document(ctx: &Context<'_>, s: &Sentence) -> bool {
    let docs = [
        "plan",
        "document",
        "draft",
        "proposal",
        "text",
        "memorandum",
        "framework",
        "points",
        "clause",
        "provision",
    ];
    let idx = ctx
        .seg
        .sentences
        .iter()
        .position(|x| x.span == s.span)
        .unwrap_or(0);
    // four sentences back, and past the items of a list just above ("- It caps the army;")
    let mut from = idx.saturating_sub(4);
    while from > 0 && {
        let r = ctx.paragraphs[ctx.seg.sentences[from].para].clone();
        super::lists::is_item(ctx.body[r].trim())
    } {
        from -= 1;
    }
    ctx.seg.sentences[from..=idx].iter().any(|x| {
        let f = fold_str(&ctx.body[x.span.clone()]);
        f.split(|c: char| !c.is_alphanumeric())
            .any(|w| docs.contains(&w))
    })
}

/// A document from one side ("the European text", "Kyiv's counter-proposal") speaks for its
/// authors as the article names them ("European governments"); "it" and "the document" right
/// after it are the same text; "the plan" is the plan again.
pub(super) fn authored(ctx: &Context<'_>, c: &mut Candidate, last: &mut Option<(String, usize)>) {
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
pub(super) fn split_complements(
    body: &str,
    s: &Sentence,
    ws: &[SWord],
    c: Candidate,
) -> Vec<Candidate> {
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

/// `…, X reported.` / `…, X said on Tuesday.`: a speech verb among the last words of the
/// sentence, after a comma and the speaker's noun phrase.
fn closing_cue(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    plain: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    // "…, Interfax reported, citing sources.": the relay after the cue is part of the cue
    let n = relay_after_comma(ctx, ws).unwrap_or(ws.len());
    let end = ws.get(n).map_or(s.span.end, |w| w.start);
    let &last = plain.iter().rev().find(|&&k| k < n)?;
    if last + 1 != n {
        return None;
    }
    let k = plain
        .iter()
        .rev()
        .filter(|&&k| k < n)
        .take(4)
        .copied()
        .find(|&k| ctx.speech.verb_at(ws, k, false) == Some(1))?;
    // nothing but a short adjunct after the verb ("on Tuesday"), no clause
    if ctx.body[ws[k].end..end]
        .trim_end_matches([' ', ','])
        .contains([',', ';', ':'])
    {
        return None;
    }
    // the speaker right before the verb, after a comma: at most six words
    let from = (0..k)
        .rev()
        .take(7)
        .find(|&j| j > 0 && ctx.body[ws[j - 1].end..ws[j].start].contains(','))?;
    if ws[from..k].iter().any(|w| w.in_quote) {
        return None;
    }
    let mut end = k;
    while end > from && ctx.speech.is_between(&ws[end - 1].text) {
        end -= 1;
    }
    if end == from {
        return None;
    }
    let span = ws[from].start..ws[end - 1].end;
    let m = match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Role { .. }) => m,
        _ => return None,
    };
    // "Zakharova wrote that …, Caliber.Az reports": a person speaking inside the sentence is
    // its source; the medium only passes it on
    let is =
        |m: &Mention, kind: SpeakerKind| matches!(m, Mention::Speaker(sp, _) if sp.kind == kind);
    let person_inside = is(&m, SpeakerKind::Media)
        && plain.iter().take_while(|&&j| j < from).any(|&j| {
            ctx.speech.verb_at(ws, j, false).is_some()
                && subject_before(ctx, s, ws, j, false, local)
                    .is_some_and(|(inner, _)| is(&inner, SpeakerKind::Person))
        });
    (!person_inside).then(|| (m, span, ws[k].text.to_string()))
}

/// `TASS quoted Ushakov as saying that …`, `Reuters quoted an unnamed official as confirming
/// …`: the phrase between "quoted" and "as" with a verb of speech in -ing.
fn quoted_as(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    plain: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let q = plain
        .iter()
        .copied()
        .find(|&k| ["quoted", "quotes", "quoting", "cited"].contains(&&*ws[k].text))?;
    let a = (q + 2..(q + 10).min(ws.len())).find(|&k| ws[k].text == "as" && !ws[k].in_quote)?;
    let verb = ws
        .get(a + 1)
        .filter(|w| w.text.ends_with("ing") && !w.in_quote)?;
    let span = ws[q + 1].start..ws[a - 1].end;
    if ctx.body[span.clone()].contains([',', ';']) || span.end > s.span.end {
        return None;
    }
    match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Role { .. } | Mention::Pronoun(_)) => {
            Some((m, span, verb.text.to_string()))
        }
        _ => None,
    }
}

/// "according to reports by Axios, the Financial Times and the New York Times, …": where a
/// list of media that starts at a medium ending at `end` ends (each part a medium, the last
/// after "and"), so that each medium is given the report.
fn media_list_end(
    ctx: &Context<'_>,
    first: &Mention,
    mut end: usize,
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> usize {
    let is_medium =
        |m: &Mention| matches!(m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Media);
    if !is_medium(first) {
        return end;
    }
    let start = end;
    let mut closed = false;
    while !closed && ctx.body[end..limit].starts_with(',') {
        let from = end + 1;
        let len = ctx.body[from..limit]
            .find([',', ':', ';'])
            .unwrap_or(limit - from);
        let segment = ctx.body[from..from + len].trim();
        // "the Financial Times and the New York Times" (no comma before "and")
        let (pieces, last): (Vec<&str>, bool) = match segment.strip_prefix("and ") {
            Some(p) => (vec![p], true),
            None => match segment.split_once(" and ") {
                Some((a, b)) => (vec![a, b], true),
                None => (vec![segment], false),
            },
        };
        let all_media = pieces.iter().all(|p| {
            p.split_whitespace().count() <= 5
                && ctx
                    .gazetteer
                    .resolve(p, local)
                    .is_some_and(|m| is_medium(&m))
        });
        if !all_media {
            break;
        }
        end = from + len;
        closed = last;
    }
    // a list that never reaches its "and" is no list ("Axios, the outlet said, …")
    if closed { end } else { start }
}

/// The word that opens a relay after a comma ("…, Interfax reported, citing sources").
fn relay_after_comma(ctx: &Context<'_>, ws: &[SWord]) -> Option<usize> {
    (1..ws.len()).find(|&k| {
        !ws[k].in_quote
            && ctx.body[ws[k - 1].end..ws[k].start].contains(',')
            && ctx.speech.relays.iter().any(|p| {
                p.iter()
                    .enumerate()
                    .all(|(i, t)| ws.get(k + i).is_some_and(|w| w.text == *t))
            })
    })
}

/// `In Ushakov's words, …` / `In the words of the minister, …`: like "according to".
fn in_words_of(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    if ws.first()?.text != "in" || ws.first()?.in_quote {
        return None;
    }
    let comma = ctx.body[s.span.clone()].find(',')? + s.span.start;
    let head: Vec<&SWord> = ws.iter().take_while(|w| w.end <= comma).collect();
    let words_at = head.iter().position(|w| w.text == "words")?;
    let np = if words_at + 1 < head.len() && head[words_at + 1].text == "of" {
        head.get(words_at + 2)?.start..head.last()?.end
    } else if words_at >= 2 && head[words_at - 1].possessive {
        head[1].start..head[words_at - 1].end
    } else {
        return None;
    };
    match ctx.gazetteer.resolve(&ctx.body[np.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Pronoun(_) | Mention::Role { .. }) => Some((m, np)),
        _ => None,
    }
}
