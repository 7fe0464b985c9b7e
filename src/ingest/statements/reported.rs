//! Sieve 4: reported speech in a sentence, documents as subjects and their authors.

use super::cues::{
    appositive, as_said_after, closing_cue, dash_cue, impersonal_passive, in_words_of,
    media_list_end, quoted_as,
};
use super::*;
use crate::grammar::grammar;
use crate::model::Speaker;

/// True when `q` is all that follows "that" and a contrast opens the rest of the sentence:
/// `Rubio maintains that "…", and yet the talks were held in secret`.
fn that_quote_then_contrast(body: &str, s: &Sentence, q: &Quote) -> bool {
    let before = body[s.span.start..q.outer.start].trim_end();
    let opens = before.ends_with(':')
        || before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("that"));
    if !opens {
        return false;
    }
    let after = body[q.outer.end..s.span.end].trim_start();
    let after = crate::text::fold_str(after.strip_prefix(',').unwrap_or(after).trim_start());
    grammar()
        .statements
        .contrast_openers
        .iter()
        .any(|c| after.strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
}

/// "We are reaching a point …" / "— said the Finnish president.": a paragraph that only
/// holds a dash and its cue closes the paragraph before it, direct speech with no quotation
/// marks when it speaks in the first person. `by` is the cue's statement, its span moved there.
fn dash_paragraph(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    dash: usize,
    by: &Candidate,
) -> Option<Candidate> {
    let para = ctx.paragraphs.get(s.para)?;
    if !ctx.body[para.start..dash].trim().is_empty() || si == 0 {
        return None;
    }
    let prev = ctx.paragraphs.get(s.para.checked_sub(1)?)?;
    let text = ctx.body[prev.clone()].trim_end();
    let lead = text.len() - text.trim_start().len();
    let marks = text.contains(['"', '\u{201C}', '\u{201D}', '\u{AB}', '\u{BB}']);
    let short = crate::text::word_refs(&fold_str(text)).count() <= 120;
    (first_person(text) && !marks && short).then(|| Candidate {
        kind: Kind::Quote,
        span: prev.start + lead..prev.start + text.len(),
        sentence: si - 1,
        para: s.para - 1,
        ..by.clone()
    })
}

/// True when `text` has a word of the first person ("We have sent …").
fn first_person(text: &str) -> bool {
    crate::text::word_refs(&fold_str(text))
        .any(|w| grammar().statements.first_person.contains(&*w.text))
}

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
        // a sentence that is mostly one quote is that quote, and so is "X maintains that \"…\",
        // and yet …": the clause after the contrast is someone else's (the author's)
        // (a quote after ", insisting," is the participle's, with a statement of its own,
        // when the clause before holds a quote of its own: "said the text “…,” insisting, “…”")
        let (kind, span) = match quotes
            .iter()
            .filter(|q| quotes.len() < 2 || !after_participle(ctx.body, q))
            .max_by_key(|q| q.inner.len())
        {
            Some(q)
                if kind == Kind::Paraphrase
                    && (q.inner.len() * 2 >= s.span.len()
                        || that_quote_then_contrast(ctx.body, s, q)) =>
            {
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
    // a cue found with its speaker, the speaker's words and its verb
    let cue = |found: Option<(Mention, Range<usize>, String)>, rule, confidence| {
        found.map(|(m, span, verb)| base(Some(m), Some(span), Some(verb), rule, confidence))
    };
    let plain: Vec<usize> = (0..ws.len()).filter(|&k| !ws[k].in_quote).collect();
    // According to X, … / …, according to X. / Based on X, … (only opening the sentence: "a
    // deal based on the plan" cites nobody)
    let cites = |k: usize| {
        let next = |t: &str| ws.get(k + 1).is_some_and(|w| w.text == t);
        (ws[k].text == "according" && next("to")) || (k == 0 && ws[k].text == "based" && next("on"))
    };
    if let Some(pos) = plain.iter().position(|&k| cites(k)) {
        let k = plain[pos];
        let np_start = ws.get(k + 2)?.start;
        let rest = &ctx.body[np_start..s.span.end];
        let np_len = rest
            .find([',', ':', ';'])
            .unwrap_or_else(|| rest.trim_end_matches(['.', '!', '?']).len());
        let mut span = np_start..np_start + np_len;
        let mut named = it_the_plan(ctx, si, &ctx.body[span.clone()])
            .or_else(|| ctx.gazetteer.resolve(&ctx.body[span.clone()], local));
        // "According to the plan, seen by Reuters, …": the medium that saw the text
        if matches!(named, None | Some(Mention::Document))
            && let Some((m, agent)) = agent_aside(ctx, &span, s.span.end, local)
        {
            (named, span) = (Some(m), agent);
        }
        // "…, according to the head of the president's office, Andriy Yermak.": the person who
        // holds the role, in an appositive that ends the sentence
        let found = match named {
            Some(m) if is_person(&m) => Some((m, span)),
            other => holder_after(ctx, s, span.end, local).or(other.map(|m| (m, span))),
        };
        if let Some((m, mut span)) = found {
            // "The official claimed that …, according to The Moscow Times": the medium passes
            // on what a speaker named before it said, who keeps it
            if let Some(inner) = speaker_before_relay(ctx, s, si, ws, k, &m, local) {
                return Some(inner);
            }
            // "According to the FT, Zelensky said on arrival that …": the medium relays a
            // speaker whose own verb follows, who keeps the words
            if k == 0
                && is_medium(&m)
                && let Some((inner, inner_span, verb)) =
                    speaker_after_medium(ctx, s, ws, span.end, local)
            {
                return Some(base(
                    Some(inner),
                    Some(inner_span),
                    Some(verb),
                    "according to a medium, speaker",
                    0.8,
                ));
            }
            span.end = media_list_end(ctx, &m, span.end, s.span.end, local);
            return Some(base(Some(m), Some(span), None, "according to", 0.85));
        }
    }
    // "From a Semafor article, it became known that …", "As it became known to Politico, …"
    if let Some((m, span)) = known_from(ctx, s, ws, local) {
        return Some(base(Some(m), Some(span), None, "became known from", 0.8));
    }
    // "…, which many Ukrainians had perceived as …" / "perceived by Ukrainians as a trap": the agent's view
    if let Some((m, span, verb)) = judged_by(ctx, ws, s.span.end, local) {
        return Some(base(Some(m), Some(span), Some(verb), "judged by", 0.7));
    }
    // "The draft drew fierce criticism from Oslo and its partners": those who reacted
    if let Some((m, span, noun)) = reaction_from(ctx, ws, s.span.end, local) {
        return Some(base(Some(m), Some(span), Some(noun), "reaction from", 0.65));
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
    // "…, as noted by American senators who …": the agent after "as <cue> by" anywhere after a
    // comma frames the sentence
    if let Some(k) = (1..ws.len().saturating_sub(3)).find(|&k| {
        ws[k].text == "as"
            && ctx.body[ws[k - 1].end..ws[k].start].contains(',')
            && ctx.speech.verb_at(ws, k + 1, false) == Some(1)
            && ws[k + 2].text == "by"
    }) && let Some((m, span)) = np_after(ctx, ws, k + 3, s.span.end, local)
    {
        // "…, Peskov said, as reported by TASS": the speaker inside the relay keeps it
        let head = Sentence {
            span: s.span.start..ws[k - 1].end,
            ..s.clone()
        };
        if let Some(inner) = sentence_candidate(ctx, &head, si, &ws[..k], &[], local)
            .filter(|c| matches!(c.mention, Some(Mention::Speaker(..) | Mention::Pronoun(..))))
        {
            return Some(Candidate {
                span: s.span.clone(),
                ..inner
            });
        }
        return Some(base(
            Some(m),
            Some(span),
            Some(ws[k + 1].text.to_string()),
            "as reported by",
            0.85,
        ));
    }
    // "Reuters quoted anonymous sources as saying that …": the one quoted speaks
    if let Some(c) = cue(
        quoted_as(ctx, s, ws, &plain, local),
        "quoted as saying",
        0.8,
    ) {
        return Some(c);
    }
    // "… easier to accept — said the Finnish president.": the words before the dash; a dash
    // after a full stop closes the paragraph's words before it
    if let Some((m, span, verb, dash)) = dash_cue(ctx, s, ws, local) {
        let before = ws.iter().take_while(|w| w.end <= dash).count();
        // (the paragraph's words only when they speak in the first person: "We have sent …")
        let para_start = ctx.paragraphs.get(s.para).map_or(s.span.start, |p| p.start);
        let closes = ctx.body[..dash]
            .trim_end()
            .ends_with(['.', '!', '?', '\u{2026}'])
            && first_person(&ctx.body[para_start..dash]);
        let (start, rule) = if before >= 3 && !closes {
            (s.span.start, "dash cue")
        } else {
            (para_start, "dash cue, sentences before")
        };
        if let Some(c) = dash_paragraph(
            ctx,
            s,
            si,
            dash,
            &base(
                Some(m.clone()),
                Some(span.clone()),
                Some(verb.clone()),
                "dash cue, paragraph before",
                0.7,
            ),
        ) {
            return Some(c);
        }
        let end = ctx.body[..dash].trim_end_matches([' ', ',']).len();
        if end > start + 12 {
            let mut c = base(Some(m), Some(span), Some(verb), rule, 0.75);
            c.span = start..end;
            return Some(c);
        }
    }
    // "…, as Bondar noted in an interview, RBC-Ukraine reports.": the speaker after "as";
    // "Negotiators agreed on X, Interfax reported.": the cue that closes the sentence frames
    // all of it, so its speaker wins over a verb inside the content
    let closing = as_said_after(ctx, ws, &plain, local)
        .map(|cue| (cue, false))
        .or_else(|| closing_cue(ctx, s, ws, &plain, local).map(|cue| (cue, true)));
    if let Some(((m, span, verb), relayed)) = closing {
        if relayed && let Some(inner) = inside_relay(ctx, s, si, ws, &m, &span, local) {
            return Some(inner);
        }
        return Some(base(
            Some(m),
            Some(span),
            Some(verb),
            "reported speech, closing cue",
            0.8,
        ));
    }
    // "Germany is wary of the plan, said Chancellor Anna Berg.": a verb of saying after a
    // comma, with its speaker after it, closes the sentence and wins over a verb before it
    let closed = inverted_closing(ctx, s, ws, &plain, local);
    if let Some(c) = cue(closed, "reported speech, speaker after", 0.75) {
        return Some(c);
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
            // or a participle after a comma: "The plan, reported by Axios on Monday, would …"
            let reduced = k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
            if let Some(by) = by
                && ws.get(by).is_some_and(|w| w.text == "by")
                && k > 0
                && (["was", "were", "been", "is"].contains(&&*ws[k - 1].text) || reduced)
            {
                // inside a clause of "that" no speech verb before took ("concerns that the
                // demands had been accepted by Washington"), the agent is not a speaker
                if ws[..k].iter().any(|w| w.text == "that") {
                    continue;
                }
                if !documents
                    && let Some((m, span)) = np_after(ctx, ws, by + 1, s.span.end, local)
                    && !(reduced && appositive(ctx, s, &span))
                {
                    return Some(base(Some(m), Some(span), Some(verb), "reported by", 0.7));
                }
                continue;
            }
            // "Kyiv is being told to accept the deal", "the plan has been rejected": the subject
            // of a passive with no agent is the one addressed or the thing spoken of
            if !documents && passive_without_agent(ws, k) {
                continue;
            }
            if let Some((m, span)) = subject_before(ctx, s, ws, k, documents, local) {
                let is_doc = matches!(m, Mention::Document)
                    || (matches!(m, Mention::Pronoun(crate::ingest::speakers::Pronoun::It))
                        && recent_document(ctx, s));
                // "it" speaks only as the document, or as a statement that spoke just before
                // ("“…,” the communique read. It further urged …")
                let it = matches!(m, Mention::Pronoun(crate::ingest::speakers::Pronoun::It));
                if is_doc != documents || it && !is_doc && !statement_just_before(ctx, s) {
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
                if let Some(inner) = relayed_after(ctx, s, si, ws, k, &m, local) {
                    return Some(inner);
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
            // (a participle takes its object after it: "…, calling it a trap")
            if !documents && speech == Some(1) && !ws[k].text.ends_with("ing") {
                let after_comma = k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
                if after_comma
                    && let Some((m, span)) =
                        np_after(ctx, ws, k + speech.unwrap_or(1), s.span.end, local)
                {
                    let verb_span = ws[k].start..span.end;
                    if let Some(inner) = inside_relay(ctx, s, si, ws, &m, &verb_span, local) {
                        return Some(inner);
                    }
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
    // "A later draft obtained by Reuters eased …": the medium that saw the text
    if let Some((m, span, verb)) = seen_document(ctx, ws, local) {
        return Some(base(
            Some(m),
            Some(span),
            Some(verb),
            "document seen by",
            0.7,
        ));
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
        .and_then(|_| (1..6.min(ws.len())).find(|&k| topic_end(k)))
        .unwrap_or(0);
    let head: Vec<&SWord> = ws[off..]
        .iter()
        .take_while(|w| !w.in_quote)
        .take(5)
        .collect();
    for n in (1..=4).rev() {
        let (Some(first), Some(last)) = (head.first(), head.get(n - 1)) else {
            continue;
        };
        // "It also ties the frozen assets to …" right after the plan was named: "it" is the
        // plan, with a verb in "-s" of its own
        let it = n == 1 && first.text == "it" && first.capital;
        if n == 1 && !it {
            continue;
        }
        // the verb, past an aside: "The European text, seen by the Guardian, raises …"
        let n = n + off;
        let next = if gap_has_comma(n) {
            (n + 1..(n + 11).min(ws.len()))
                .find(|&k| gap_has_comma(k))
                .and_then(|k| ws.get(k))
        } else if ws
            .get(n)
            .is_some_and(|w| is_manner_adverb(&w.text) || (it && w.text == "also"))
        {
            // "The Europeans' own draft rightly ties …"
            ws.get(n + 1)
        } else {
            ws.get(n)
        };
        // past its drafters: "A counter-draft written by Spain, Italy and Portugal lifts …"
        let drafters = ws
            .get(n)
            .filter(|w| !gap_has_comma(n) && ctx.gazetteer.is_drafting(&w.text))
            .and_then(|_| agent_run_end(ctx.body, ws, n + 1));
        let next = drafters.map_or(next, |j| ws.get(j));
        let Some(next) = next else { continue };
        let np_end = drafters.map_or(last.end, |j| ws[j - 1].end);
        let np = &ctx.body[first.start..last.end];
        // "raises", "would", and auxiliaries: "That first draft had barred …"
        // a plural subject's verb is one of a document's: "These provisions bar …"
        let verb_like = next.text.len() > 3 && next.text.ends_with('s')
            || ctx.speech.document_verbs.contains(&*next.text)
            || ["would", "will"].contains(&&*next.text)
            || ctx.layout.is_auxiliary(&next.text);
        // "The proposals were handed to …", "The document is divided into …": something done
        // to the document, not what it says
        let copula = ["is", "was", "are", "were", "been"].contains(&&*next.text);
        // the word after the auxiliary (not past an adverb: "The proposal was reportedly
        // drafted to …" is what reports say of it)
        let after = ws.iter().find(|w| w.start > next.start);
        let acted_on = copula
            && after.is_some_and(|w| {
                w.text.ends_with("ed")
                    || w.text.ends_with("en")
                    || IRREGULAR_PARTICIPLES.contains(&&*w.text)
            });
        // "The plan has evolved through several drafts": its history, not what it says ("The
        // first draft had barred …" says it)
        let history = ["has", "have", "had"].contains(&&*next.text)
            && after.is_some_and(|w| {
                w.text.ends_with("ed") && !ctx.speech.document_verbs.contains(&*w.text)
            });
        let own_verb = next.text.len() > 3
            && next.text.ends_with('s')
            && !["does", "says", "seems", "means"].contains(&&*next.text);
        if it && !(own_verb && !next.in_quote && recent_document(ctx, s)) {
            continue;
        }
        if !np.contains(',')
            && verb_like
            && !acted_on
            && !history
            && !next.in_quote
            && (it
                || matches!(ctx.gazetteer.resolve(np, local), Some(Mention::Document))
                || names_a_document(np)
                || (is_ordinal_document(np) && recent_document(ctx, s)))
        {
            return Some(base(
                Some(Mention::Document),
                Some(first.start..np_end),
                Some(next.text.to_string()),
                "document as subject",
                0.7,
            ));
        }
    }
    // "Among the plan's major points are …; …; …": the points that follow are its content
    if let Some(at) = among_the_points(ctx, ws, local) {
        return Some(base(
            Some(Mention::Document),
            Some(ws[1].start..ws[at - 1].end),
            Some(ws[at].text.to_string()),
            "document as subject",
            0.7,
        ));
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

/// "A Norwegian official confirmed that the text …, NRK reports", "He told the envoys that …, the
/// people said": a medium or a group of sources relays a sentence whose own subject speaks
/// with a verb of saying, so the sentence is that speaker's (the innermost source).
fn inside_relay(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    outer: &Mention,
    outer_span: &Range<usize>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let medium = is_medium(outer);
    // the group's head noun: "the people", "said the people who spoke on condition …"
    let words = fold_str(&ctx.body[outer_span.clone()]);
    let sources = words
        .split_whitespace()
        .take_while(|w| !["who", "that", "with", "familiar"].contains(w))
        .last()
        .is_some_and(|w| grammar().resolve.source_groups.contains(w));
    // a readout: "Putin told Erdogan that …, the Kremlin said" is the named person's
    let body =
        matches!(outer, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Body);
    if !medium && !sources && !body {
        return None;
    }
    let cut = ctx.body[s.span.start..outer_span.start].rfind(',')? + s.span.start;
    let n = ws.iter().take_while(|w| w.end <= cut).count();
    let head = Sentence {
        span: s.span.start..cut,
        ..s.clone()
    };
    let inner = sentence_candidate(ctx, &head, si, &ws[..n], &[], local)?;
    let says = inner.verb.as_deref().is_some_and(|v| {
        v.split_whitespace()
            .next()
            .is_some_and(|v| grammar().statements.communication_verbs.contains(v))
    });
    let voiced = matches!(
        inner.mention,
        Some(Mention::Speaker(..) | Mention::Pronoun(..) | Mention::Role { .. })
    );
    let person = matches!(&inner.mention, Some(Mention::Speaker(sp, _)) if sp.kind == crate::model::SpeakerKind::Person);
    let relayed = medium || sources || person;
    (says && voiced && relayed && inner.rule == "reported speech").then(|| Candidate {
        span: s.span.clone(),
        rule: "reported speech, inside a relay",
        ..inner
    })
}

/// "The Moscow Times reported on Friday that Putin said …", "AFP reports Meloni said …": a
/// medium (or a group of sources) whose clause ("that" or none) opens with a speaker and a verb
/// of saying relays that speaker, who is the source of the sentence (the innermost one).
fn relayed_after(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    k: usize,
    outer: &Mention,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    if !is_medium(outer) {
        return None;
    }
    // "reported (on Friday) that": "that" within four words of the verb; else the clause
    // right after the verb ("AFP reports Meloni said …")
    let from = (k + 1..(k + 5).min(ws.len()))
        .find(|&j| ws[j].text == "that" && !ws[j].in_quote)
        .map_or(k + 1, |that| that + 1);
    let rest = Sentence {
        span: ws.get(from)?.start..s.span.end,
        ..s.clone()
    };
    let inner = sentence_candidate(ctx, &rest, si, &ws[from..], &[], local)?;
    // (a verb of saying or belief, or a light verb and its noun: "expressed concern", not
    // "spoke of")
    let says = inner.verb.as_deref().is_some_and(|v| {
        v.split_whitespace().nth(1).is_some_and(|noun| {
            !grammar().statements.adverbial_start.contains(noun) && noun != "of"
        }) || v.split_whitespace().next().is_some_and(|v| {
            grammar().statements.communication_verbs.contains(v)
                || grammar().statements.belief_verbs.contains(v)
        })
    });
    // the clause's subject opens it, perhaps after a phrase of time and its comma: "that Putin
    // said", "that before the summit, Putin said", not "that the plan, Putin said, …"
    let opens = inner.speaker_span.as_ref().is_some_and(|sp| {
        let lead = ctx.body[rest.span.start..sp.start].trim();
        lead.is_empty()
            || (lead.ends_with(',')
                && !lead[..lead.len() - 1].contains(',')
                && lead.split_whitespace().count() <= 8
                && lead.split_whitespace().next().is_some_and(|w| {
                    grammar()
                        .statements
                        .adverbial_start
                        .contains(w.to_lowercase().as_str())
                }))
    });
    let voiced = matches!(inner.mention, Some(Mention::Speaker(..)));
    (says && opens && voiced && inner.rule == "reported speech").then(|| Candidate {
        span: s.span.clone(),
        rule: "reported speech, relayed by a medium",
        ..inner
    })
}

/// "A second sets out guarantees. A third covers reconstruction.": after the documents of a
/// package are named, an ordinal alone is one of them.
/// True when the speech verb at `k` is a participle after an auxiliary of the passive ("is
/// being told", "was repeatedly urged", "has been rejected"), one adverb allowed between.
fn passive_without_agent(ws: &[SWord], k: usize) -> bool {
    let aux = ["is", "are", "was", "were", "been", "being", "be"];
    let participle = ws[k].text.ends_with("ed") || ["told", "said"].contains(&&*ws[k].text);
    let before = |j: usize| k.checked_sub(j).and_then(|i| ws.get(i));
    participle
        && (before(1).is_some_and(|w| aux.contains(&&*w.text))
            || (before(2).is_some_and(|w| aux.contains(&&*w.text))
                && before(1).is_some_and(|w| w.text.ends_with("ly"))))
}

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
/// The index of "are" / "is" in "Among the plan's major points are …", when the words between
/// "among" and it name the plan or its points (at most six words).
fn among_the_points(
    ctx: &Context<'_>,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<usize> {
    if ws.first()?.text != "among" {
        return None;
    }
    let at =
        (2..ws.len().min(8)).find(|&k| ["are", "is", "were", "was"].contains(&&*ws[k].text))?;
    let np = ctx.body.get(ws[1].start..ws[at - 1].end)?;
    (matches!(ctx.gazetteer.resolve(np, local), Some(Mention::Document)) || names_a_document(np))
        .then_some(at)
}

fn names_a_document(np: &str) -> bool {
    let f = fold_str(np);
    let ws: Vec<&str> = f.split_whitespace().collect();
    let content = &grammar().content;
    ws.len() <= 4
        && ws
            .first()
            .is_some_and(|w| content.document_determiners.contains(w))
        && ws
            .last()
            .is_some_and(|w| content.document_heads.contains(w))
}

/// True when the sentence before `s`, in its paragraph, ends by naming a statement that spoke
/// ("“…,” the joint statement said."): a noun of `statement_nouns` among its last eight words.
fn statement_just_before(ctx: &Context<'_>, s: &Sentence) -> bool {
    let Some(i) = ctx.seg.sentences.iter().position(|x| x.span == s.span) else {
        return false;
    };
    let Some(b) = i
        .checked_sub(1)
        .and_then(|j| ctx.seg.sentences.get(j))
        .filter(|b| b.para == s.para)
    else {
        return false;
    };
    let folded = fold_str(&ctx.body[b.span.clone()]);
    let words: Vec<&str> = folded
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .rev()
        .take(8)
        .any(|w| grammar().shape.statement_nouns.contains(w))
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

/// "perceived by Ukrainians as a trap", "seen by many in Kyiv as …": a participle of judging, "by",
/// a speaker's noun phrase of at most six words and "as" before any comma.
pub(super) fn judged_by(
    ctx: &Context<'_>,
    ws: &[SWord],
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    (0..ws.len().saturating_sub(3)).find_map(|k| {
        if ws[k].in_quote || !ctx.speech.judging.contains(&*ws[k].text) {
            return None;
        }
        // "the regions would be treated as Russian, including by Washington": the plan's terms
        let modal = k >= 2
            && ws[k - 1].text == "be"
            && grammar().statements.modals.contains(&*ws[k - 2].text);
        if modal {
            return None;
        }
        let np = if ws[k + 1].text == "by" {
            // "perceived by many Ukrainians as a wish list", "accused by lawmakers of …"
            let to =
                (k + 3..(k + 9).min(ws.len())).find(|&j| ["as", "of"].contains(&&*ws[j].text))?;
            ws[k + 2].start..ws[to - 1].end
        } else if ws[k + 1].text == "as" {
            // "dismissed as a nonstarter by Ukrainians": the agent after its verdict
            let by = (k + 2..(k + 10).min(ws.len())).find(|&j| ws[j].text == "by")?;
            let gap = |j: usize| gap_after(ctx.body, ws, j).contains([',', ';', '.']);
            let mut end = by + 1;
            while end + 1 < ws.len() && end < by + 5 && !gap(end) && ws[end + 1].text != "and" {
                end += 1;
            }
            ws.get(by + 1)?.start..ws.get(end)?.end
        } else {
            return None;
        };
        if np.end > limit || ctx.body[np.clone()].contains([',', ';', '(']) {
            return None;
        }
        match ctx.gazetteer.resolve(&ctx.body[np.clone()], local)? {
            m @ Mention::Speaker(..) => Some((m, np, ws[k].text.to_string())),
            _ => None,
        }
    })
}

/// "The draft drew fierce criticism from Oslo and its partners": a verb of receiving that begins
/// at most four words before a noun of reaction, then "from" and who reacted, up to a comma or a
/// word that opens what the reaction was about ("over", "after", "because").
pub(super) fn reaction_from(
    ctx: &Context<'_>,
    ws: &[SWord],
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let k = (1..ws.len().saturating_sub(2)).find(|&k| {
        !ws[k].in_quote
            && ws[k + 1].text == "from"
            && ctx.speech.reaction_nouns.contains(&*ws[k].text)
            && (k.saturating_sub(4)..k).any(|v| ctx.speech.reaction_verb_at(ws, v))
    })?;
    // a reaction inside what someone reports is theirs ("an aide told the paper that the
    // draft will be met with resistance from senators")
    if (0..k.saturating_sub(4))
        .any(|j| !ws[j].in_quote && ctx.speech.verb_at(ws, j, false).is_some())
    {
        return None;
    }
    let gap = |j: usize, marks: &[char]| gap_after(ctx.body, ws, j).contains(marks);
    let start = k + 2;
    let mut end = start;
    while end + 1 < ws.len()
        && end < start + 9
        && !gap(end, &[';', '.', '(', ')'])
        && !grammar()
            .statements
            .reaction_stops
            .contains(&*ws[end + 1].text)
    {
        end += 1;
    }
    // a comma ends them unless a list runs on to "and" ("from Kyiv, its allies and lawmakers")
    let last_comma = (start..end).rev().find(|&j| gap(j, &[',']));
    if let Some(c) = last_comma
        && !(c + 1..end).any(|j| ws[j].text == "and")
    {
        end = (start..=c).find(|&j| gap(j, &[','])).unwrap_or(c);
    }
    // ("… and was later cut": the "and" before the stop joins predicates, not names)
    while end > start && ["and", "or"].contains(&&*ws[end].text) {
        end -= 1;
    }
    let np = ws.get(start)?.start..ws.get(end)?.end;
    if np.end > limit {
        return None;
    }
    // a list whose whole names no one is its first part's (the others are its joint speakers)
    let first = (start..end)
        .find(|&j| gap(j, &[',']) || ws[j + 1].text == "and")
        .map_or(np.clone(), |j| ws[start].start..ws[j].end);
    let mention = ctx
        .gazetteer
        .resolve(&ctx.body[np.clone()], local)
        .or_else(|| ctx.gazetteer.resolve(&ctx.body[first], local))?;
    matches!(mention, Mention::Speaker(..)).then(|| (mention, np, ws[k].text.to_string()))
}

/// The text between word `j` and the next one (nothing after the last word).
fn gap_after<'a>(body: &'a str, ws: &[SWord], j: usize) -> &'a str {
    &body[ws[j].end..ws.get(j + 1).map_or(ws[j].end, |n| n.start)]
}

/// "A later copy of the European text obtained by Reuters eased …", "A draft seen by the
/// Financial Times caps …": a document a medium saw, as the subject of a verb, is that medium's
/// report. The medium, the words that name it with the document, and the verb.
fn seen_document(
    ctx: &Context<'_>,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let content = &grammar().content;
    let by = (3..ws.len().min(10))
        .find(|&k| ws[k].text == "by" && ctx.gazetteer.is_agent_participle(&ws[k - 1].text))?;
    let comma = |k: usize| ctx.body[ws[k - 1].end..ws[k].start].contains([',', ';', ':']);
    let document = content.document_determiners.contains(&*ws[0].text)
        && ws[..by - 1]
            .iter()
            .any(|w| content.document_heads.contains(&*w.text));
    if !document || (1..=by).any(comma) || ws[..=by].iter().any(|w| w.in_quote) {
        return None;
    }
    // the medium's name, perhaps after "the": "by Reuters", "by the Financial Times"
    let from = by + usize::from(ws.get(by + 1).is_some_and(|w| w.text == "the"));
    let verb = agent_run_end(ctx.body, ws, by).or_else(|| {
        (from > by)
            .then(|| {
                (from + 1..ws.len())
                    .find(|&j| !ctx.body[ws[j].start..].starts_with(char::is_uppercase))
            })
            .flatten()
            .filter(|&j| j > from + 1)
    })?;
    let w = &ws[verb];
    let finite = w.text.len() > 3 && (w.text.ends_with('s') || w.text.ends_with("ed"))
        || ctx.speech.document_verbs.contains(&*w.text)
        || ["would", "will"].contains(&&*w.text)
        || ctx.layout.is_auxiliary(&w.text);
    if !finite || w.in_quote || comma(verb) {
        return None;
    }
    let span = ws[0].start..ws[verb - 1].end;
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    is_medium(&m).then(|| (m, span, w.text.to_string()))
}

/// "…, said Chancellor Anna Berg." / "…, said Anna Berg, NRK reports.": the last verb of
/// saying in the sentence, after a comma and past its first three words, with a person or
/// body after it that runs to the end of the sentence or to a comma. The speaker, where it is
/// named, and the verb.
fn inverted_closing(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    plain: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let k = *plain.iter().rev().find(|&&k| {
        k >= 3
            && grammar()
                .statements
                .communication_verbs
                .contains(&*ws[k].text)
            && ctx.body[ws[k - 1].end..ws[k].start].contains(',')
    })?;
    let (m, span) = np_after(ctx, ws, k + 1, s.span.end, local)?;
    let rest = ctx.body[span.end..s.span.end].trim_start();
    let closes = rest.starts_with(',') || rest.trim_end_matches(['.', '!', '?']).is_empty();
    let speaks = matches!(&m, Mention::Speaker(sp, _) if matches!(sp.kind, crate::model::SpeakerKind::Person | crate::model::SpeakerKind::Body));
    (closes && speaks).then(|| (m, span, ws[k].text.to_string()))
}

/// The word after "by" and the names it introduces ("by Britain, France and Germany raises"
/// -> the index of "raises"), when `by` is that word and a capitalised name follows it.
fn agent_run_end(body: &str, ws: &[SWord], by: usize) -> Option<usize> {
    if ws.get(by)?.text != "by" {
        return None;
    }
    let capital = |w: &SWord| body[w.start..w.end].starts_with(char::is_uppercase);
    let mut j = by + 1;
    while ws.get(j).is_some_and(|w| capital(w) || w.text == "and") {
        j += 1;
    }
    (j > by + 1 && j < ws.len() && capital(&ws[j - 1])).then_some(j)
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
    // "A counter-draft written by Spain, Italy and Portugal": its drafters, named
    let raw = c.speaker_span.clone().map_or("", |r| &ctx.body[r]);
    if let Some(drafters) = ctx.gazetteer.drafted_by(raw) {
        c.mention = Some(Mention::Speaker(drafters, None));
        c.kind = Kind::Paraphrase;
        c.rule = "document of its authors";
        return;
    }
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
    // the side is the document's own only when its adjective stands before the document noun
    // ("the European plan", not "the plan yields to Russian demands"), or when "the document"
    // follows such a text
    let (origin, own) = match ctx.gazetteer.document_origin(&np) {
        Some(o) => {
            let own = ctx.gazetteer.document_origins(&np).contains(&o);
            (Some(o), own)
        }
        None => (
            last.as_ref()
                .filter(|(_, para)| generic && c.para <= para + 1)
                .map(|(o, _)| o.clone()),
            true,
        ),
    };
    *last = origin.clone().filter(|_| own).map(|o| (o, c.para));
    let authors = origin.as_ref().and_then(|o| {
        ctx.gazetteer
            .authors(ctx.body, o)
            .or_else(|| own.then(|| ctx.gazetteer.side(o)).flatten())
    });
    if let Some(authors) = authors {
        c.mention = Some(Mention::Speaker(authors, None));
        c.kind = Kind::Paraphrase;
        c.rule = "document of its authors";
    }
}

/// Past participles without "-ed" or "-en" that tell what was done to a document ("The plan
/// was met with criticism", "was sent to Kyiv").
const IRREGULAR_PARTICIPLES: [&str; 12] = [
    "met", "made", "sent", "put", "set", "held", "left", "brought", "shown", "told", "kept", "read",
];

/// The person named in an appositive of at most four words from a comma at `at` to the end of
/// sentence `s`: "…, according to the head of the office, Andriy Yermak."
pub(super) fn holder_after(
    ctx: &Context<'_>,
    s: &Sentence,
    at: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let rest = ctx.body.get(at..s.span.end)?.strip_prefix(',')?;
    let name = rest.trim_end().trim_end_matches(['.', '!', '?']);
    let words = name.split_whitespace().count();
    if !(2..=4).contains(&words) || name.contains([',', ';', ':', '"', '\u{201c}']) {
        return None;
    }
    let start = at + 1 + (name.len() - name.trim_start().len());
    let span = start..at + 1 + name.len();
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    is_person(&m).then_some((m, span))
}

/// "Washington sent its 28-point plan to Kyiv. According to it, …": "it" after "according to"
/// is the document when the sentence before names the plan.
fn it_the_plan(ctx: &Context<'_>, si: usize, np: &str) -> Option<Mention> {
    let before = si.checked_sub(1).and_then(|i| ctx.seg.sentences.get(i))?;
    (np.trim().eq_ignore_ascii_case("it")
        && ctx.seg.sentences.get(si)?.para <= before.para + 1
        && ctx.layout.names_plan(&ctx.body[before.span.clone()]))
    .then_some(Mention::Document)
}

/// The candidate of the words before a closing "…, according to <medium>" (word `k`), when
/// they name a person or body that speaks: the medium only relays it.
fn speaker_before_relay(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    k: usize,
    cited: &Mention,
    local: &mut Vec<(String, Speaker)>,
) -> Option<Candidate> {
    let medium = is_medium(cited);
    let comma_before = |j: usize| j > 0 && ctx.body[ws[j - 1].end..ws[j].start].contains(',');
    // "…, although according to reports from X, …": the clause before the comma is the
    // speaker's own, and the statement ends there
    let conjunction = k >= 4
        && ["although", "though", "but", "while", "whereas"].contains(&&*ws[k - 1].text)
        && comma_before(k - 1);
    if !medium || k < 3 || !(comma_before(k) || conjunction) {
        return None;
    }
    let cut = if conjunction { k - 1 } else { k };
    let head = Sentence {
        span: s.span.start..ws[cut - 1].end,
        ..s.clone()
    };
    let span = if conjunction {
        head.span.clone()
    } else {
        s.span.clone()
    };
    sentence_candidate(ctx, &head, si, &ws[..cut], &[], local)
        .filter(|c| matches!(c.mention, Some(Mention::Speaker(..) | Mention::Pronoun(..))))
        .map(|inner| Candidate { span, ..inner })
}

/// `, seen by Reuters,` (or `, which was obtained by Axios,`) right after the document a
/// sentence cites: the medium and its span, when the agent is one.
fn agent_aside(
    ctx: &Context<'_>,
    np: &Range<usize>,
    end: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let rest = ctx.body.get(np.end..end)?.strip_prefix(',')?;
    let aside = rest.split([',', ';']).next()?;
    let from = np.end + 1 + (aside.len() - aside.trim_start().len());
    let words: Vec<&str> = aside.split_whitespace().collect();
    let by = words.iter().position(|w| *w == "by")?;
    let lead = &words[..by];
    let participle = lead.last()?;
    let relative = lead[..lead.len() - 1]
        .iter()
        .all(|w| ["which", "that", "was", "is", "has", "had", "been"].contains(w));
    if !relative || !ctx.gazetteer.is_agent_participle(participle) {
        return None;
    }
    // (through the shape of a document's agent, which also reads a list of media and
    // "outlets like Axios")
    let m = ctx.gazetteer.resolve(
        &format!("a copy {participle} by {}", words[by + 1..].join(" ")),
        local,
    )?;
    let is_medium =
        matches!(&m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media);
    is_medium.then(|| (m, from..from + aside.trim().len()))
}

/// "From a Semafor article, it became known that …", "It became known from a Politico
/// report that …", "As it became known to Axios, …" (the wording of pages translated from
/// Ukrainian or Russian): the medium after "from" or "to", at the sentence's start or right
/// after the phrase of learning.
fn known_from(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let known = (0..ws.len()).find_map(|k| {
        grammar()
            .statements
            .became_known
            .iter()
            .find(|p| super::words_at(p.split_whitespace(), ws, k))
            .map(|p| (k, k + p.split_whitespace().count()))
    })?;
    let (at, after) = known;
    let from = if ws.first().is_some_and(|w| w.text == "from") && at > 1 {
        1
    } else if ws
        .get(after)
        .is_some_and(|w| ["from", "to"].contains(&&*w.text))
    {
        after + 1
    } else {
        return None;
    };
    let start = ws.get(from)?.start;
    let rest = &ctx.body[start..s.span.end];
    let len = rest.find([',', ';']).unwrap_or(rest.len());
    let len = rest[..len].find(" that ").unwrap_or(len);
    let span = start..start + rest[..len].trim_end().len();
    let np = &ctx.body[span.clone()];
    // ("a Semafor article": the medium as the agent of what it published)
    let m = ctx.gazetteer.resolve(np, local).or_else(|| {
        ctx.gazetteer
            .resolve(&format!("a copy published by {np}"), local)
    })?;
    super::is_medium(&m).then_some((m, span))
}

/// The speaker of the clause after "According to <medium>,": the subject of the first speech
/// verb among the twelve words after the medium's name, when it names a person ("According to
/// the FT, upon arrival, Zelensky stated that …"; sources the medium cites stay its own).
fn speaker_after_medium(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    np_end: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let from = ws.iter().position(|w| w.start >= np_end)?;
    let v = (from..ws.len().min(from + 12))
        .filter(|&j| !ws[j].in_quote)
        .find(|&j| ctx.speech.verb_at(ws, j, false).is_some())?;
    let (m, span) = subject_before(ctx, s, ws, v, false, local)?;
    // a person; unnamed sources stay the medium's ("According to CNN, sources say …")
    if span.start < np_end || !is_person(&m) {
        return None;
    }
    Some((m, span, ws[v].text.to_string()))
}

/// "…, insisting, “…”", "…, calling it “…”": a quote brought by a participle of speech after a
/// comma, within three words before it.
fn after_participle(body: &str, q: &Quote) -> bool {
    let Some(before) = body.get(..q.outer.start) else {
        return false;
    };
    let before = before.trim_end().trim_end_matches(',');
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    let folded = fold_str(&before[comma + 1..]);
    let words: Vec<_> = crate::text::word_refs(&folded).collect();
    words.len() <= 3
        && words
            .first()
            .is_some_and(|w| grammar().relevance.claim_participles.contains(&*w.text))
}
