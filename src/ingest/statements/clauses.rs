//! Two speakers in one sentence: "Kyiv has agreed to the draft, while Moscow says it is too
//! early", "While the White House backs the plan, European leaders have voiced concern". Each
//! clause is one speaker's statement, so the sentence is cut where the second clause opens.

use super::*;

/// The two statements of a sentence whose clauses have each their own speaker, or `None`.
pub(super) fn two_speakers(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<[Candidate; 2]> {
    let (first, second) = cut(ctx, ws)?;
    let leading = first.start == 1;
    let part = |r: Range<usize>| Sentence {
        span: ws[r.start].start..ws[r.end - 1].end,
        ..s.clone()
    };
    let a = sentence_candidate(ctx, &part(first.clone()), si, &ws[first], &[], local)?;
    let b = sentence_candidate(
        ctx,
        &part(second.clone()),
        si,
        &ws[second.clone()],
        &[],
        local,
    )?;
    let voiced = |c: &Candidate| {
        c.mention
            .as_ref()
            .is_some_and(|m| !matches!(m, Mention::Document))
    };
    // the second clause's speaker opens it: "…, while Moscow says", not "…, while adding"
    let opens = b
        .speaker_span
        .as_ref()
        .is_some_and(|sp| sp.start <= ws[(second.start + 1).min(second.end - 1)].start);
    // its verb within its first words: "…, and there has been progress, as you said" is one
    // (the main clause after a leading one may hold an aside first: "While …, Holt, speaking
    // to the press at 21:30 in Geneva, confirmed …")
    let verb = b.verb.as_deref().and_then(|v| v.split_whitespace().next());
    let reach = if leading { 12 } else { 6 };
    let early = (second.start..(second.start + reach).min(second.end))
        .any(|k| verb.is_some_and(|v| ws[k].text == v));
    // "…, but he stressed …" goes on with the first clause's speaker; a role names another
    // ("…, but the Ukrainian ambassador voiced concern")
    let named = matches!(b.mention, Some(Mention::Speaker(..) | Mention::Role { .. }));
    (voiced(&a) && named && opens && early && a.mention != b.mention).then_some([a, b])
}

/// "Trump said Kyiv had shown no gratitude, prompting Ukrainian officials to stress that …":
/// the clause after a participle of cause is the statement of its object, who is made to
/// speak; the clause before it is the first speaker's.
pub(super) fn caused_speech(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<[Candidate; 2]> {
    let comma_before = |k: usize| k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains(',');
    let k = (2..ws.len().saturating_sub(4)).find(|&k| {
        comma_before(k)
            && !ws[k].in_quote
            && grammar()
                .statements
                .causal_participles
                .contains(&*ws[k].text)
    })?;
    // "prompting Ukrainian officials to stress": "to" and a verb of speech within six words
    let to = (k + 2..(k + 8).min(ws.len().saturating_sub(1)))
        .find(|&j| ws[j].text == "to" && !ws[j].in_quote)?;
    let v = to + 1;
    if !ctx.speech.is_verb(&ws[v].text) || ws[k + 1..to].iter().any(|w| w.in_quote) {
        return None;
    }
    let np = ws[k + 1].start..ws[to - 1].end;
    let mention = match ctx.gazetteer.resolve(&ctx.body[np.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Role { .. }) => m,
        _ => return None,
    };
    let part = Sentence {
        span: s.span.start..ws[k - 1].end,
        ..s.clone()
    };
    let first = sentence_candidate(ctx, &part, si, &ws[..k], &[], local)?;
    if !matches!(
        first.mention,
        Some(Mention::Speaker(..) | Mention::Pronoun(..))
    ) {
        return None;
    }
    let from = ws
        .get(v + 1)
        .filter(|w| w.text == "that")
        .map_or(v + 1, |_| v + 2);
    let claim = ws.get(from)?.start..s.span.end;
    let second = Candidate {
        kind: Kind::Paraphrase,
        span: claim,
        sentence: si,
        para: s.para,
        mention: Some(mention),
        speaker_span: Some(np),
        verb: Some(ws[v].text.to_string()),
        rule: "made to speak",
        confidence: 0.7,
        floating: false,
        point: None,
        topic: None,
    };
    Some([first, second])
}

/// "Malek said the plan's status is unclear, while Sweden's Berg insisted “…”": the quote is
/// the second clause's speaker's; the first clause, before the cut and the quote, is the
/// statement of its own speaker (another one), or `None`.
pub(super) fn clause_before_quote(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    quote: &Candidate,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let (first, second) = cut(ctx, ws)?;
    let quoted_after = quote.span.start > ws.get(second.start)?.start
        && quote
            .speaker_span
            .as_ref()
            .is_some_and(|sp| sp.start >= ws[second.start].start);
    // (a first clause with a quote of its own has its speaker already: "“…,” Umerov told
    // journalists, while Kallas said “…”")
    if first.start != 0
        || first.is_empty()
        || !quoted_after
        || ws[first.clone()].iter().any(|w| w.in_quote)
    {
        return None;
    }
    let part = Sentence {
        span: ws[first.start].start..ws[first.end - 1].end,
        ..s.clone()
    };
    let a = sentence_candidate(ctx, &part, si, &ws[first], &[], local)?;
    let other = matches!(&a.mention, Some(Mention::Speaker(..)) if a.mention != quote.mention);
    (other && a.kind == Kind::Paraphrase).then_some(a)
}

/// The word ranges of the two clauses: a comma and a conjunction ("…, while Moscow says …",
/// "…, and analysts noted …"), or a subordinate clause first ("While X …, Y …").
fn cut(ctx: &Context<'_>, ws: &[SWord]) -> Option<(Range<usize>, Range<usize>)> {
    let comma_before =
        |k: usize| k > 0 && ctx.body[ws[k - 1].end..ws[k].start].contains([',', ';']);
    // "…, as Trump claimed that …" opens a clause too, but "As reported by X, …" opens none
    let conjunction =
        |w: &str| grammar().statements.clause_conjunctions.contains(w) || w == "and" || w == "as";
    if ws.first().is_some_and(|w| {
        grammar().statements.clause_conjunctions.contains(&*w.text) && w.text != "but"
    }) {
        // the comma after which a verb of speech comes within six words ("While sources
        // revealed that X warned …, in an attempt to …, the Kremlin announced …"), else the first
        let mut commas =
            (3..ws.len().saturating_sub(3)).filter(|&k| comma_before(k) && !ws[k].in_quote);
        // (an aside between commas after the subject does not count: "…, Holt, speaking to
        // the press at 21:30 in Geneva, confirmed …")
        let speaks = |k: &usize| {
            let aside = (k + 1..ws.len().min(k + 4))
                .find(|&j| comma_before(j))
                .and_then(|a| {
                    (a + 1..(a + 11).min(ws.len()))
                        .find(|&j| comma_before(j))
                        .map(|b| a..b)
                });
            (*k..ws.len())
                .filter(|j| !aside.as_ref().is_some_and(|r| r.contains(j)))
                .take(6)
                .any(|j| !ws[j].in_quote && ctx.speech.verb_at(ws, j, false).is_some())
        };
        let first = commas.next()?;
        let k = std::iter::once(first)
            .chain(commas)
            .find(speaks)
            .unwrap_or(first);
        return Some((1..k, k..ws.len()));
    }
    // "…, even as allies warn …": the conjunction after "even"
    let even = |k: usize| k > 0 && ws[k - 1].text == "even" && comma_before(k - 1);
    // "…, and that Russia will not …" goes on with what the first speaker said
    let k = (3..ws.len().saturating_sub(3))
        .find(|&k| {
            (comma_before(k) || even(k))
                && !ws[k].in_quote
                && conjunction(&ws[k].text)
                && ws.get(k + 1).is_some_and(|w| w.text != "that")
        })
        // "Beijing reiterated its support after Trump said that …": a clause of time with a
        // comma or none (the caller keeps it only when a speaker and a verb open it)
        .or_else(|| {
            (3..ws.len().saturating_sub(3)).find(|&k| {
                !ws[k].in_quote
                    && grammar()
                        .statements
                        .time_conjunctions
                        .contains(&*ws[k].text)
                    // (the caller wants a verb of speech among its first words)
                    && (k + 1..(k + 7).min(ws.len()))
                        .any(|j| ctx.speech.verb_at(ws, j, false).is_some())
            })
        })?;
    let first = if even(k) { 0..k - 1 } else { 0..k };
    Some((first, k + 1..ws.len()))
}

#[cfg(test)]
mod tests;
