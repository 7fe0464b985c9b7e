//! Sieves 2 and 3: quotes with their attribution, and `"…," he said, adding that …`.

use super::*;
use crate::grammar::grammar;

/// Sieves 2 and 3 for one quote.
pub(super) fn quote_candidate(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    q: &Quote,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let n_words = word_refs(&fold_str(&ctx.body[q.inner.clone()])).count();
    if is_programme_title(ctx.body, q, n_words) {
        return None;
    }
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
        point: None,
        topic: None,
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
    // `"…," according to Oleksandr Merezhko, who chairs …`: the name after "according to"
    if let [a, t, ..] = after[..]
        && ws[a].text == "according"
        && ws[t].text == "to"
        && let Some((m, span)) = np_after(ctx, ws, t + 1, s.span.end, local)
    {
        return Some(make(
            Some(m),
            Some(span),
            None,
            "quote, according to after",
            0.85,
            false,
        ));
    }
    // `praised by Ukraine's president as "substantive"`: the agent of a participle of judging
    let as_before = ws
        .iter()
        .rev()
        .find(|w| w.end <= q.outer.start)
        .is_some_and(|w| w.text == "as" && !w.in_quote);
    if as_before
        && let Some((m, span, verb)) = super::reported::judged_by(ctx, ws, q.outer.start, local)
    {
        return Some(make(
            Some(m),
            Some(span),
            Some(verb),
            "quote, judged by",
            0.8,
            false,
        ));
    }
    // a clause of its own opens after the quote (`…," even as allies warn …`)
    let mut clause_after = false;
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
            // `Although X said the text was "…," an aide admitted that …`: a clause of its own
            (Some(_), Some(_))
                if ws.get(k + len).is_some_and(|w| w.text == "that")
                    && opens_that_clause_before(ctx, ws, q) =>
            {
                None
            }
            (Some(&a), Some(&b)) => {
                let span = ws[a].start..ws[b].end;
                let np = &ctx.body[span.clone()];
                // "…," and analysts pointed out that …, "…," although an aide disagreed: a
                // new clause, no attribution
                let opener = fold_str(np);
                let opener = opener.split_whitespace().next().unwrap_or("");
                // `…," even as allies warn …`: "even" (a word allowed between a speaker and
                // the verb, so not in the phrase) before "as" or "if" opens a clause
                let even = ["as", "if"].contains(&opener) && a > 0 && ws[a - 1].text == "even";
                // `…", as Hale said his offer was final`: a clause of its own with its own
                // content after the verb; `…", as Hale put it` is the quote's attribution
                let as_clause = opener == "as" && clause_after_verb(ws, k + len);
                // `…," Yuri Ushakov, the Kremlin's adviser, told`: the name before its appositive
                let named = np
                    .split_once(',')
                    .filter(|(name, rest)| {
                        name.split_whitespace().count() <= 4
                            && !rest.trim().is_empty()
                            && !rest.contains('.')
                    })
                    .and_then(|(name, _)| match ctx.gazetteer.resolve(name, local) {
                        Some(m @ Mention::Speaker(..)) if is_person(&m) => {
                            Some((m, span.start..span.start + name.trim_end().len()))
                        }
                        _ => None,
                    });
                if named.is_some() {
                    named
                } else if np.contains([',', '.'])
                    || crate::ingest::speakers::after_conjunction(np).is_some()
                    || grammar().statements.clause_conjunctions.contains(opener)
                    || grammar().statements.subordinators.contains(opener)
                    || even
                    || as_clause
                {
                    clause_after |= even || as_clause;
                    None
                } else {
                    ctx.gazetteer.resolve(np, local).map(|m| (m, span))
                }
            }
            // `…", calling it "…"`: after a participle comes its object, not a speaker
            _ if ws[k].text.ends_with("ing") => None,
            _ => np_after(ctx, ws, k + len, s.span.end, local),
        };
        if let Some((m, span)) = speaker {
            // `"…," Interfax reported Peskov said`: the one the medium reports
            if let Some((inner, inner_span, inner_verb)) =
                reported_after_medium(ctx, ws, &m, &after[pos..], local)
            {
                return Some(make(
                    Some(inner),
                    Some(inner_span),
                    Some(inner_verb),
                    "quote, speaker inside a relay",
                    0.8,
                    false,
                ));
            }
            // `X said that the plan "…," UNN reports`: the medium passes on X's words
            if let Some(inner) = speaker_inside_relay(ctx, s, si, q, ws, &m, local) {
                return Some(Candidate {
                    kind: Kind::Quote,
                    span: q.inner.clone(),
                    rule: "quote, speaker inside a relay",
                    ..inner
                });
            }
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
        // "described the 20-point text as \"…\"": a verb of naming reaches past its object to "as"
        // ("… as merely \"…\"": an adverb may stand after "as")
        let named_as = ws[last].text == "as"
            || prev.len() >= 2
                && ws[prev[prev.len() - 2]].text == "as"
                && ctx.speech.is_between(&ws[last].text);
        // (a colon reaches past a long adjunct: "stated on Friday at a closed session of the
        // Council: \"…\"")
        // ("called the 28-point plan \"…\"": a verb of naming reaches past its object)
        // (no other quote between: `described as a "working" or "live" proposal`)
        let calls_near = prev
            .iter()
            .rev()
            .take(7)
            .take_while(|&&k| !ws[k].in_quote)
            .any(|&k| grammar().statements.call_verbs.contains(&*ws[k].text))
            // (and the quote ends the sentence: not `called it "remarkable" and said …`)
            && ws.iter().filter(|w| w.start >= q.outer.end).count() <= 3;
        let reach = if gap_text.ends_with(':') {
            14
        } else if named_as {
            8
        } else if calls_near {
            6
        } else {
            3
        };
        for back in 0..=reach.min(prev.len() - 1) {
            let k = prev[prev.len() - 1 - back];
            let Some(len) = ctx.speech.verb_at(ws, k, false) else {
                continue;
            };
            let verb = ws[k..k + len]
                .iter()
                .map(|w| &*w.text)
                .collect::<Vec<_>>()
                .join(" ");
            // `faces what he calls "…"`, `talks, which Rubio declared were "…"`: the subject
            // between "what" or "which" and the verb
            // (three words or more: "what she called \"historic successes\"" is a label)
            if n_words >= 3
                && let Some((m, span)) = what_subject(ctx, ws, k, local)
            {
                return Some(make(
                    Some(m),
                    Some(span),
                    Some(verb),
                    "quote, what X calls",
                    0.85,
                    false,
                ));
            }
            let call = grammar().statements.call_verbs.contains(&*ws[k].text);
            let colon = gap_text.ends_with(':') || gap_text.ends_with(',');
            if back > 0 && !call && !colon {
                break;
            }
            if k + len - 1 > last {
                break;
            }
            // "X said Russia insists …, calling it “…”": a participle after a comma has the
            // subject of the sentence's first verb of speech, not the nearest noun
            let head = participle_head(ctx, ws, k);
            if let Some((m, span)) = subject_before(ctx, s, ws, head.unwrap_or(k), false, local) {
                let rule = if head.is_some() {
                    PARTICIPLE
                } else {
                    "quote, speaker before"
                };
                return Some(make(Some(m), Some(span), Some(verb), rule, 0.85, false));
            }
            break;
        }
    }
    // `X said Sunday that if Kyiv balks, it can "…," even as allies warn …`: the quote inside
    // the "that" clause of a verb further back
    if clause_after
        && let Some((k, len)) = that_verb_before(ctx, ws, q)
        && let Some((m, span)) = subject_before(ctx, s, ws, k, false, local)
    {
        let verb = ws[k..k + len].iter().map(|w| &*w.text).collect::<Vec<_>>();
        return Some(make(
            Some(m),
            Some(span),
            Some(verb.join(" ")),
            "quote, in a that clause",
            0.8,
            false,
        ));
    }
    if let Some((m, span)) = person_before_colon(ctx, s, ws, &prev, gap_text, local) {
        return Some(make(
            Some(m),
            Some(span),
            None,
            "quote, after a colon",
            0.75,
            false,
        ));
    }
    if let Some((m, span, verb)) = second_clause(ctx, s, ws, &prev, local) {
        return Some(make(
            Some(m),
            Some(span),
            Some(verb),
            "quote, second clause",
            0.8,
            false,
        ));
    }
    let outside: usize = ws.iter().filter(|w| !w.in_quote).count();
    if outside == 0
        && let Some((m, span)) = name_line_after(ctx, q, local)
    {
        return Some(make(
            Some(m),
            Some(span),
            None,
            "quote, name line after",
            0.75,
            false,
        ));
    }
    // a quote that is the whole sentence: the speaker of the quote before it, or, in a
    // paragraph of its own near the plan's name and with a modal, the plan's own words
    // a readout in quotes: `"The Prime Minister reiterated that …"` is the person it names
    if outside == 0
        && let Some((m, span, verb)) = nested_speaker(ctx, s, ws, local)
    {
        return Some(make(
            Some(m),
            Some(span),
            Some(verb),
            "quote, speaker inside",
            0.7,
            false,
        ));
    }
    if gap_text.ends_with(':')
        && let Some(c) = point_lead(ctx, s, si, q, ws)
    {
        return Some(c);
    }
    if outside == 0 && n_words >= 4 {
        let rule = if quotes_the_plan(ctx, s, q) {
            PLAN_WORDS
        } else {
            "quote, continued"
        };
        return Some(make(None, None, None, rule, 0.6, true));
    }
    // a sentence that goes on from the speaker's sentence before it in the paragraph, with a
    // long quote and a few words of its own ("The goal is a peace \"that respects …\"")
    let cue = (0..ws.len()).any(|k| !ws[k].in_quote && ctx.speech.verb_at(ws, k, false).is_some());
    if s.index_in_para > 0 && outside <= 8 && n_words >= 6 && !cue && !names_a_document(ws) {
        return Some(make(None, None, None, "quote, continued", 0.5, true));
    }
    None
}

/// The subject of `what X calls "…"` or `which X declared were "…"`: the words between "what"
/// or "which" (up to four words before the verb at `k`, perhaps with an auxiliary: "what the
/// minister has called") and the verb.
fn what_subject(
    ctx: &Context<'_>,
    ws: &[SWord],
    k: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let mut end = k;
    while end > 0 && ctx.speech.is_between(&ws[end - 1].text) {
        end -= 1;
    }
    let what = (end.saturating_sub(5)..end.saturating_sub(1))
        .rfind(|&j| ws[j].text == "what" || ws[j].text == "which")?;
    // "a source said the Kremlin insists on clauses which Moscow calls \"…\"": inside an
    // attribution, the label is part of the outer speaker's statement
    if (0..what).any(|j| !ws[j].in_quote && ctx.speech.verb_at(ws, j, false).is_some()) {
        return None;
    }
    let span = ws[what + 1].start..ws[end - 1].end;
    match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Pronoun(..) | Mention::Role { .. }) => Some((m, span)),
        _ => None,
    }
}

/// A paragraph that is only a quote, with the next line holding only a person's name, perhaps
/// after a dash and before a handle or a date ("— Ana Torres (@anatorres) 24 November"): a
/// pull quote or an embedded post, credited to that person.
fn name_line_after(
    ctx: &Context<'_>,
    q: &Quote,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let para = ctx.paragraphs.get(q.para)?;
    let own = ctx.body[para.clone()].trim();
    let quote = ctx.body[q.outer.clone()].trim();
    if own.len() > quote.len() + 2 {
        return None;
    }
    let next = ctx.paragraphs.get(q.para + 1)?;
    let line = &ctx.body[next.clone()];
    let name = line
        .trim_start()
        .trim_start_matches(['\u{2014}', '\u{2013}', '-', '~', ' '])
        .split(['(', ',', '\u{2014}', '|'])
        .next()?
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let m = ctx.gazetteer.resolve(name, local)?;
    // a known person, or one the article named before (not a reporter's byline)
    let surname = words.last().copied().unwrap_or("");
    let person = matches!(&m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Person
        && (sp.known || ctx.body[..q.outer.start].contains(surname)));
    let at = next.start + line.find(name)?;
    person.then_some((m, at..at + name.len()))
}

/// `"…," Yermak told reporters, while Rubio said the talks were "…"`: a quote after another
/// quote of the same sentence belongs to the speech verb of its own clause, the nearest one
/// between the two quotes (`prev`: the words before this quote).
/// The speaker of the clause that holds the quote when the attribution after it is a medium
/// relaying the sentence: "Zelensky said the plan \"must …,\" Ukrinform reports".
fn speaker_inside_relay(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    q: &Quote,
    ws: &[SWord],
    after: &Mention,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    if !is_medium(after) {
        return None;
    }
    let n = ws.iter().take_while(|w| w.end <= q.outer.start).count();
    let head = Sentence {
        span: s.span.start..q.outer.start,
        ..s.clone()
    };
    sentence_candidate(ctx, &head, si, &ws[..n], &[], local).filter(|c| {
        c.mention
            .as_ref()
            .is_some_and(|m| !matches!(m, Mention::Document) && !is_medium(m))
    })
}

/// `"…," Interfax reported Dmitry Peskov said on Tuesday`: after a medium's verb
/// (`rest` starts at it) a speaker with a verb of their own (within five words) is the one
/// quoted.
fn reported_after_medium(
    ctx: &Context<'_>,
    ws: &[SWord],
    medium: &Mention,
    rest: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    if !is_medium(medium) {
        return None;
    }
    let &k = rest.first()?;
    let from = k + ctx.speech.verb_at(ws, k, true)?;
    let from = if ws.get(from).is_some_and(|w| w.text == "that") {
        from + 1
    } else {
        from
    };
    let v = (from + 1..(from + 6).min(ws.len()))
        .find(|&j| !ws[j].in_quote && ctx.speech.verb_at(ws, j, false).is_some())?;
    let span = ws[from].start..ws[v - 1].end;
    let np = &ctx.body[span.clone()];
    if np.contains([',', '.']) || ws[from..v].iter().any(|w| w.in_quote) {
        return None;
    }
    let m = ctx.gazetteer.resolve(np, local)?;
    let person = matches!(m, Mention::Speaker(..) | Mention::Pronoun(..)) && !is_medium(&m);
    person.then(|| (m, span, ws[v].text.to_string()))
}

/// `But he set clear red lines: "…"`, `Zelensky was blunt: "…"`: a short clause whose subject
/// is a person, ending in a colon right before the quote, introduces that person's words; the
/// clause may follow a fronted phrase ("Asked about the NATO clause, which earlier drafts
/// carried, Zelensky was firm: "…"") and run on to a relative clause ("He added a caveat that
/// has raised doubts: "…"").
fn person_before_colon(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    prev: &[usize],
    gap_text: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    if gap_text != ":" || prev.is_empty() || prev.len() > 24 || prev.iter().any(|&k| ws[k].in_quote)
    {
        return None;
    }
    // the clause opens the sentence or follows a comma or a dash
    let starts = (0..prev.len()).filter(|&i| {
        i == 0 || {
            let gap = &ctx.body[ws[prev[i - 1]].end..ws[prev[i]].start];
            gap.contains([',', '\u{2014}', '\u{2013}'])
        }
    });
    starts
        .filter(|&i| prev.len() - i <= 12)
        .find_map(|i| clause_subject(ctx, s, ws, &prev[i..], local))
}

/// The person (or "he", "she") opening `clause`, a run of words right before a colon.
fn clause_subject(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    clause: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let first = clause
        .iter()
        .position(|&k| !["but", "and", "yet", "still", "so"].contains(&&*ws[k].text))?;
    let pronoun = ["he", "she"].contains(&&*ws[clause[first]].text);
    let names = clause[first..]
        .iter()
        .take_while(|&&k| ctx.body[ws[k].start..].starts_with(char::is_uppercase))
        .count();
    let verb = first + if pronoun { 1 } else { names };
    if verb == first || verb >= clause.len() {
        return None;
    }
    let (m, span) = subject_before(ctx, s, ws, clause[verb], false, local)?;
    let person = match &m {
        Mention::Pronoun(p) => matches!(
            p,
            crate::ingest::speakers::Pronoun::He | crate::ingest::speakers::Pronoun::She
        ),
        Mention::Speaker(sp, _) => sp.kind == crate::model::SpeakerKind::Person,
        _ => false,
    };
    // "Moscow's reaction was telling: …": a body's response, named by its possessive
    let response = matches!(m, Mention::Speaker(..))
        && names == 1
        && {
            let w = &ws[clause[first]];
            let word = ctx.body.get(w.start..w.end).unwrap_or("");
            let after = ctx.body.get(w.end..).unwrap_or("");
            ["'s", "\u{2019}s"]
                .iter()
                .any(|p| word.ends_with(p) || after.starts_with(p))
        }
        && grammar()
            .statements
            .response_nouns
            .contains(&*ws[clause[verb]].text);
    (person || response).then_some((m, span))
}

fn second_clause(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    prev: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let opened = prev.iter().rposition(|&k| ws[k].in_quote)?;
    let between = &prev[opened + 1..];
    let pos = between
        .iter()
        .rev()
        .take(15)
        .position(|&k| ctx.speech.verb_at(ws, k, false).is_some())?;
    let k = between[between.len() - 1 - pos];
    let len = ctx.speech.verb_at(ws, k, false)?;
    // the verb of the first quote's own attribution ("Yermak told") is not this clause's
    let (m, span) = subject_before(ctx, s, ws, k, false, local)?;
    // (a subject found before the first quote, by a fallback, is no subject of this clause)
    let gap = ctx.body.get(ws[between[0]].start..span.start);
    if !gap.is_some_and(|g| g.contains(',')) {
        return None;
    }
    let verb = ws[k..k + len].iter().map(|w| &*w.text).collect::<Vec<_>>();
    Some((m, span, verb.join(" ")))
}

/// `"…," he said, adding that …` -> a paraphrase by the same speaker; `…, adding, "…"` (a
/// quote that ends the sentence) -> a quote by the same speaker.
pub(super) fn adding_that(
    s: &Sentence,
    si: usize,
    (q, quotes): (&Quote, &[&Quote]),
    ws: &[SWord],
    mention: Option<Mention>,
) -> Option<Candidate> {
    let k = ws
        .iter()
        .position(|w| w.start >= q.outer.end && !w.in_quote && w.text == "adding")?;
    mention.as_ref()?;
    let rest_quoted = quotes.iter().find(|n| {
        n.outer.start >= ws[k].end
            && ws[k + 1..].iter().all(|w| w.in_quote)
            && ws.get(k + 1).is_some_and(|w| n.inner.contains(&w.start))
    });
    let (kind, span) = match rest_quoted {
        Some(n) => (Kind::Quote, n.inner.clone()),
        None => (Kind::Paraphrase, ws[k].start..s.span.end),
    };
    Some(Candidate {
        kind,
        span,
        sentence: si,
        para: s.para,
        mention,
        speaker_span: None,
        verb: Some("adding".into()),
        rule: "adding that",
        confidence: 0.8,
        floating: false,
        point: None,
        topic: None,
    })
}

/// A quote over several paragraphs in the journalistic convention: each paragraph opens with a
/// mark and only the last one closes (`“We have read the text.` / `“The cap has to go,” Holm
/// said.`). A paragraph left open with no attribution of its own is the speaker's of the quote
/// that closes the run, up to six paragraphs on.
pub(super) fn carry_back(ctx: &Context<'_>, out: &mut [Candidate]) {
    let mut updates = Vec::new();
    for (i, c) in out.iter().enumerate() {
        if !c.floating || c.mention.is_some() {
            continue;
        }
        let open = ctx.seg.quotes.iter().any(|q| {
            q.inner == c.span && !q.closed && ctx.paragraphs[q.para].start == q.outer.start
        });
        if !open {
            continue;
        }
        for para in c.para + 1..(c.para + 7).min(ctx.paragraphs.len()) {
            let r = &ctx.paragraphs[para];
            let Some(next) = ctx.seg.quotes.iter().find(|x| x.outer.start == r.start) else {
                break;
            };
            let closer = out.iter().find(|x| {
                x.para == para && x.kind == Kind::Quote && !x.floating && x.mention.is_some()
            });
            if let Some(closer) = closer {
                updates.push((i, closer.mention.clone(), closer.verb.clone()));
                break;
            }
            if next.closed {
                break;
            }
        }
    }
    for (i, mention, verb) in updates {
        let c = &mut out[i];
        c.mention = mention;
        c.verb = verb;
        c.floating = false;
        c.rule = "quote over paragraphs";
    }
}

/// "told NBC's \"Meet the Press\"", "speaking to ERR's \"Evening Hour\"": a short quote right
/// after a possessive is the title of a programme or a paper, not anyone's words.
/// So is one in title case right after "told", "on" or "to" (`told “Evening Hour” host …`).
fn is_programme_title(body: &str, q: &Quote, n_words: usize) -> bool {
    let before = body[..q.outer.start].trim_end();
    let title_case = body[q.inner.clone()]
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let object = ["told", "on", "to"].contains(&last);
    n_words <= 4
        && (before.ends_with("'s") || before.ends_with("\u{2019}s") || (title_case && object))
}

#[cfg(test)]
mod tests;

/// The rule of a quote paragraph that may be the plan's own words (the resolver keeps it as
/// the article's report when no speaker goes before it).
pub(in crate::ingest) const PLAN_WORDS: &str = "quote of the plan's words";

/// "“The size of the Ukrainian army will be capped at 600,000.”" as a paragraph of its own,
/// near the plan's name: a quote of the plan's text, with a modal of what it provides.
fn quotes_the_plan(ctx: &Context<'_>, s: &Sentence, q: &Quote) -> bool {
    let whole = ctx.paragraphs.get(s.para).is_some_and(|r| {
        ctx.body[r.clone()].trim().len() <= q.outer.len() + 2 && r.start == q.outer.start
    });
    let inner = fold_str(&ctx.body[q.inner.clone()]);
    whole
        && word_refs(&inner).any(|w| ["will", "would", "shall"].contains(&&*w.text))
        && super::content::plan_named_near(ctx, s.para)
}

/// A point of the plan named right before a colon and its quoted words ("All Kyiv gets is
/// point No. 5: “…”", "Clause 7: “…”"): the plan's text, quoted by the article, when no verb
/// of speech stands before the quote in the sentence. The sentence is the statement, so
/// the point's number goes with it.
fn point_lead(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    q: &Quote,
    ws: &[SWord],
) -> Option<Candidate> {
    let lead = fold_str(&ctx.body[s.span.start..q.outer.start]);
    let before: Vec<usize> = (0..ws.len())
        .filter(|&k| ws[k].end <= q.outer.start)
        .collect();
    let speaks = before
        .iter()
        .any(|&k| ctx.speech.verb_at(ws, k, false).is_some());
    (POINT_LEAD.is_match(lead.trim_end()) && !speaks && q.closed).then(|| Candidate {
        kind: Kind::Report,
        span: s.span.start..s.span.end.max(q.outer.end),
        sentence: si,
        para: s.para,
        mention: Some(Mention::Document),
        speaker_span: None,
        verb: None,
        rule: "the plan says",
        confidence: 0.75,
        floating: false,
        point: None,
        topic: None,
    })
}

/// "point No. 5:", "clause 7:", "item 12:" closing the words before a quote.
static POINT_LEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b(?:point|clause|item|paragraph)\s+(?:no\.?\s*|number\s+)?\d{1,2}\s*:$")
        .expect("static pattern")
});

/// The rule of a quote after a participle of the sentence's speaker ("X said …, calling it
/// “…”"): the sentence before the participle is that speaker's statement too.
pub(super) const PARTICIPLE: &str = "quote, participle of the speaker";

/// For a participle after a comma at `k` (", calling it"), the first verb of speech before it
/// in the sentence, outside quotes, whose subject the participle shares.
fn participle_head(ctx: &Context<'_>, ws: &[SWord], k: usize) -> Option<usize> {
    let after_comma = k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
    if !ws[k].text.ends_with("ing") || !after_comma {
        return None;
    }
    (0..k).find(|&j| !ws[j].in_quote && ctx.speech.verb_at(ws, j, false).is_some())
}

/// True when a word outside the quotes names the plan or a text ("The draft calls for \"…\""):
/// the sentence is then about the document, not a speaker's words going on.
fn names_a_document(ws: &[SWord]) -> bool {
    ws.iter()
        .any(|w| !w.in_quote && grammar().content.relative_heads.contains(&*w.text))
}

/// True when a verb of speech before the quote in its sentence takes a "that" clause the
/// quote stands in ("X said on Sunday that the text was \"…\"").
fn opens_that_clause_before(ctx: &Context<'_>, ws: &[SWord], q: &Quote) -> bool {
    that_verb_before(ctx, ws, q).is_some()
}

/// The first verb of speech before the quote whose "that" clause the quote stands in, and its
/// length in words.
fn that_verb_before(ctx: &Context<'_>, ws: &[SWord], q: &Quote) -> Option<(usize, usize)> {
    let open = ws
        .iter()
        .position(|w| w.start >= q.outer.start)
        .unwrap_or(ws.len());
    (0..open).find_map(|k| {
        ctx.speech
            .verb_at(ws, k, false)
            .filter(|&len| (k + len..open).any(|j| ws[j].text == "that"))
            .map(|len| (k, len))
    })
}

/// True when the verb ending before word `next` has content of its own after it ("said his
/// offer was final"), not only "it" or an adverbial ("put it", "said on Friday").
fn clause_after_verb(ws: &[SWord], next: usize) -> bool {
    ws.get(next).is_some_and(|w| {
        !w.in_quote && w.text != "it" && !grammar().statements.adverbial_start.contains(&*w.text)
    })
}

/// The person a quoted sentence reports, a readout's way ("“The Prime Minister reiterated that
/// …”", "“The leaders agreed that …”"): the subject of a speech verb among its first eight
/// words, a person, a role or a group, not a pronoun or the plan.
fn nested_speaker(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    // the words read as if the marks were not there
    let inner: Vec<SWord> = ws
        .iter()
        .take(9)
        .map(|w| SWord {
            in_quote: false,
            ..w.clone()
        })
        .collect();
    let v = (1..inner.len()).find(|&k| ctx.speech.verb_at(&inner, k, false).is_some())?;
    // (the subject opens the sentence, right after the mark: no comma before the verb)
    let span = ws[0].start..ws[v - 1].end;
    let mark = ctx.body[s.span.start..ws[0].start].chars().count();
    if ctx.body[span.clone()].contains([',', ';', ':']) || mark > 1 {
        return None;
    }
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    let fits = match &m {
        Mention::Speaker(sp, _) => matches!(
            sp.kind,
            crate::model::SpeakerKind::Person | crate::model::SpeakerKind::Body
        ),
        Mention::Role { .. } => true,
        Mention::Pronoun(_) | Mention::Document => false,
    };
    fits.then(|| (m, span, ws[v].text.to_string()))
}
