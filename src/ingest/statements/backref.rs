//! A speaker named after the words: "Kyiv is ready to talk. But there is no question of giving
//! up Donbas. This was stated by President Zelensky in his evening address." The sentence that
//! names the speaker is no claim; the sentences before it in its paragraph that no one else
//! speaks are the speaker's. "Reuters writes about this." relays what went before: no claim of
//! its own, but a medium's relay makes the sentences before it (the paragraph before, when the
//! relay opens its own) that medium's report.

use super::*;
use crate::grammar::grammar;

/// Gives the sentences before a back-reference ("This was stated by X") to X, and drops the
/// back-reference's own statement.
pub(super) fn stated_by_after(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) {
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        // "Reuters writes about this." relays what the article said before: no claim of its own
        if let Some((m, span)) = relays_what_went_before(ctx, s, local) {
            out.retain(|c| c.sentence != si);
            // a medium relaying the lead reports it ("The draft was based on a Russian text.
            // / AFP writes about it, citing two diplomats.")
            if is_medium(&m) {
                let by = stated_by(s, si, m, span);
                for j in relayed_sentences(ctx, out, si) {
                    give(ctx, out, &by, j, "stated by, after");
                }
            }
            continue;
        }
        if let Some(by) = bare_saying(ctx, out, s, si) {
            let content = content_sentences(ctx, out, si);
            if !content.is_empty() {
                out.retain(|c| c.sentence != si);
                for j in content {
                    give(ctx, out, &by, j, "bare saying, after");
                }
            }
            continue;
        }
        let Some((mention, span)) = back_reference(ctx, s, local) else {
            continue;
        };
        out.retain(|c| c.sentence != si);
        let by = stated_by(s, si, mention, span);
        for j in content_sentences(ctx, out, si) {
            give(ctx, out, &by, j, "stated by, after");
        }
    }
}

/// The statement of back-reference `s` (sentence `si`) by `mention`, named at `span`: what
/// [`give`] copies onto the sentences it speaks for.
fn stated_by(s: &Sentence, si: usize, mention: Mention, span: Range<usize>) -> Candidate {
    Candidate {
        kind: Kind::Paraphrase,
        span: s.span.clone(),
        sentence: si,
        para: s.para,
        mention: Some(mention),
        speaker_span: Some(span),
        verb: None,
        rule: "stated by, after",
        confidence: 0.7,
        floating: false,
        point: None,
        topic: None,
    }
}

/// "This was stated by …", "The statement was made by …", "This is stated in a study by …": a
/// subject that points back, a passive (past or present) and "by"; the speaker after "by".
fn back_reference(
    ctx: &Context<'_>,
    s: &Sentence,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    let be = ws
        .iter()
        .position(|w| ["was", "were", "is", "are"].contains(&&*w.text))
        .filter(|&b| (1..=3).contains(&b))?;
    let subject = ws[..be]
        .iter()
        .map(|w| &*w.text)
        .collect::<Vec<_>>()
        .join(" ");
    // "was made by …", "was confirmed to The Times by …"; "was made public on Tuesday,
    // citing three officials" names its source after "citing"
    let by = (be + 2..(be + 7).min(ws.len()))
        .find(|&k| ws[k].text == "by")
        .or_else(|| {
            (be + 2..(be + 8).min(ws.len())).find(|&k| {
                ws[k].text == "citing" && ctx.body[ws[k - 1].end..ws[k].start].contains(',')
            })
        })?;
    if !grammar()
        .statements
        .back_subjects
        .contains(subject.as_str())
        // (a quote of its own makes it a statement, but not a scare quote after the speaker:
        // "…, UNN reports with reference to Russian \"media.\"")
        || ws[..by].iter().any(|w| w.in_quote)
        || ws.iter().filter(|w| w.in_quote).count() > 2
    {
        return None;
    }
    if ws[by].text == "citing" {
        return cited(ctx, s, &ws, by, local);
    }
    let np = np_after(ctx, &ws, by + 1, s.span.end, local).filter(|(m, _)| speaks(m));
    match np {
        // a role before the name does not hide it ("the spokesman of the government, Jan Novak")
        Some((ref m, ref span)) if !is_person(m) => {
            super::reported::holder_after(ctx, s, span.end, local)
                .or_else(|| name_after_title(ctx, s, &ws, by, local))
                .or(np)
        }
        Some(_) => np,
        None => name_after_title(ctx, s, &ws, by, local),
    }
}

/// "The envoys pressed Kyiv to sign. A senior diplomat told DPA on Friday.": a
/// sentence that opens on its speaker and says nothing after its verb names who said the
/// sentences before it. After the verb come only whom it was told (up to three words) and a
/// short adjunct ("on Friday", "in an interview"), then the end or a comma and a verb of speech
/// ("…, reports TASR"). The speaker's statement of that sentence.
fn bare_saying(ctx: &Context<'_>, out: &[Candidate], s: &Sentence, si: usize) -> Option<Candidate> {
    let c = out.iter().find(|c| {
        c.sentence == si
            && c.kind == Kind::Paraphrase
            && matches!(c.mention, Some(Mention::Speaker(..)))
    })?;
    let verb = c
        .verb
        .as_deref()
        .filter(|v| grammar().statements.bare_verbs.contains(*v))?;
    let speaker = c.speaker_span.as_ref()?;
    let lead = ctx.body.get(s.span.start..speaker.start)?;
    if lead.contains([',', '"', '\u{201C}']) || lead.split_whitespace().count() > 2 {
        return None;
    }
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    let v = ws
        .iter()
        .position(|w| w.start >= speaker.end && &*w.text == verb)?;
    // the words up to a comma; after it, only a verb of speech ("…, reports TASR")
    let comma = (v + 1..ws.len()).find(|&k| ctx.body[ws[k - 1].end..ws[k].start].contains(','));
    if let Some(k) = comma
        && ctx.speech.verb_at(&ws, k, false).is_none()
    {
        return None;
    }
    let rest = &ws[v + 1..comma.unwrap_or(ws.len())];
    let preposition = |w: &SWord| grammar().speakers.adjunct_prepositions.contains(&*w.text);
    let object = if ["told", "tells"].contains(&verb) {
        rest.iter().take(3).take_while(|w| !preposition(w)).count()
    } else {
        0
    };
    let bare = rest.len() <= 5
        && rest.get(object).is_none_or(preposition)
        && !ws.iter().any(|w| w.in_quote)
        && !rest
            .iter()
            .any(|w| grammar().statements.bare_stops.contains(&*w.text));
    bare.then(|| c.clone())
}

/// "… citing three diplomats, after a dinner in Bergen.": the source after "citing", up to
/// the next comma or the end of the sentence.
fn cited(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    citing: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let start = ws.get(citing + 1)?.start;
    let rest = &ctx.body[start..s.span.end];
    let np = rest
        .split(',')
        .next()?
        .trim_end()
        .trim_end_matches(['.', '!']);
    let m = ctx.gazetteer.resolve(np, local).filter(speaks)?;
    Some((m, start..start + np.len()))
}

/// "Reuters writes about this.", "Ukrinform reports it, citing two sources.": a short
/// sentence of a speaker, a verb of speech and "this", "it" or "so" (perhaps after "about" or
/// "on") that ends it, or a comma and "citing" after it. The speaker and where it is named.
fn relays_what_went_before(
    ctx: &Context<'_>,
    s: &Sentence,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    let citing = ws.iter().position(|w| w.text == "citing").filter(|&c| {
        c > 0
            && ctx.body[ws[c - 1].end..ws[c].start].contains(',')
            && !ws[c..].iter().any(|w| w.in_quote)
    });
    let n = citing.unwrap_or(ws.len());
    if !(3..=7).contains(&n)
        || ws[..n].iter().any(|w| w.in_quote)
        || !["this", "it", "so"].contains(&&*ws[n - 1].text)
    {
        return None;
    }
    let v = if ["about", "on"].contains(&&*ws[n - 2].text) {
        n - 3
    } else {
        n - 2
    };
    let closes = citing.is_some() || ctx.body[ws[n - 1].end..s.span.end].trim() == ".";
    if v == 0 || !closes || ctx.speech.verb_at(&ws, v, false) != Some(1) {
        return None;
    }
    let span = ws[0].start..ws[v - 1].end;
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    speaks(&m).then_some((m, span))
}

/// The sentences a medium's relay at sentence `si` reports: those before it in its
/// paragraph, or, when it opens its paragraph, those of the paragraph before (back to one
/// that holds a speaker's statement).
fn relayed_sentences(ctx: &Context<'_>, out: &[Candidate], si: usize) -> Vec<usize> {
    let Some(s) = ctx.seg.sentences.get(si) else {
        return Vec::new();
    };
    let para = if s.index_in_para == 0 {
        s.para.checked_sub(1)
    } else {
        Some(s.para)
    };
    para.map_or_else(Vec::new, |p| sentences_back(ctx, si, p, |_| true, out))
}

fn speaks(m: &Mention) -> bool {
    matches!(m, Mention::Speaker(..) | Mention::Role { .. })
}

/// "… by Ukraine's deputy envoy to the UN, Kristina Hayovyshyn.": the name after the title and
/// the last comma of the sentence, "by" being word `by`.
fn name_after_title(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    by: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let rest = &ctx.body[ws.get(by + 1)?.start..s.span.end];
    let comma = rest.rfind(',')?;
    let name = rest[comma + 1..].trim().trim_end_matches(['.', '!']);
    let start = ws[by + 1].start
        + comma
        + 1
        + (rest[comma + 1..].len() - rest[comma + 1..].trim_start().len());
    // (a person: the last part of a list, "leaders from Canada, Finland and Norway", is no
    // name after a title)
    let m = ctx.gazetteer.resolve(name, local).filter(is_person)?;
    Some((m, start..start + name.len()))
}

/// The sentences a back-reference at sentence `si` speaks for: those before it in its
/// paragraph, back to one that holds a speaker's statement.
fn content_sentences(ctx: &Context<'_>, out: &[Candidate], si: usize) -> Vec<usize> {
    let Some(s) = ctx.seg.sentences.get(si) else {
        return Vec::new();
    };
    // a back-reference that opens its paragraph follows a lead or a paragraph of news ("Kyiv
    // has received the draft." / "This was reported by the President's Office."): an event,
    // not words of the speaker
    if s.index_in_para == 0 {
        return Vec::new();
    }
    sentences_back(
        ctx,
        si,
        s.para,
        |c| c.kind != Kind::Report && !positioned(c),
        out,
    )
}

/// Up to four sentences before `si`, latest first, while they stand in paragraph `para` and
/// hold no statement with a speaker that `voices` accepts.
fn sentences_back(
    ctx: &Context<'_>,
    si: usize,
    para: usize,
    voices: impl Fn(&Candidate) -> bool,
    out: &[Candidate],
) -> Vec<usize> {
    let voiced = |j: usize| {
        out.iter()
            .any(|c| c.sentence == j && c.mention.is_some() && voices(c))
    };
    (si.saturating_sub(4)..si)
        .rev()
        .take_while(|&j| ctx.seg.sentences[j].para == para && !voiced(j))
        .collect()
}

/// True when a candidate's verb states a position ("President Hale backs the plan"), not a
/// saying: a back-reference after it ("This was reported by his press secretary") names who
/// said so.
fn positioned(c: &Candidate) -> bool {
    c.verb
        .as_deref()
        .is_some_and(|v| grammar().statements.position_verbs.contains(v))
}

/// Sentence `j` becomes the back-reference's speaker's: its voiceless statement takes the
/// speaker, or a new one is made.
fn give(ctx: &Context<'_>, out: &mut Vec<Candidate>, by: &Candidate, j: usize, rule: &'static str) {
    let mut found = false;
    for c in out
        .iter_mut()
        .filter(|c| c.sentence == j && (c.mention.is_none() || positioned(c)))
    {
        c.mention = by.mention.clone();
        c.speaker_span = by.speaker_span.clone();
        c.kind = Kind::Paraphrase;
        found = true;
    }
    if found || out.iter().any(|c| c.sentence == j) {
        return;
    }
    let s = &ctx.seg.sentences[j];
    let text = ctx.body[s.span.clone()].trim_end();
    out.push(Candidate {
        kind: Kind::Paraphrase,
        span: s.span.start..s.span.start + text.len(),
        sentence: j,
        para: s.para,
        rule,
        ..by.clone()
    });
}

/// "Ukraine's road to NATO is open, but we lack consensus. That is why we talk of guarantees,
/// Holt explained.": a sentence in the first person with no speaker of its own, right before a
/// sentence of the same paragraph that a person closes ("…, Holt explained"), is that
/// person's, as agency copy gives speech without quotation marks.
pub(super) fn first_person_before(ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    let closers: Vec<Candidate> = out
        .iter()
        .filter(|c| {
            c.rule.starts_with("reported speech, closing cue")
                || c.rule == "reported speech, speaker after"
        })
        .filter(|c| {
            matches!(&c.mention, Some(Mention::Speaker(sp, _)) if sp.kind == crate::model::SpeakerKind::Person)
                || matches!(c.mention, Some(Mention::Pronoun(..)))
        })
        .cloned()
        .collect();
    for by in closers {
        let Some(j) = by.sentence.checked_sub(1) else {
            continue;
        };
        let s = &ctx.seg.sentences[j];
        let first_person = || {
            let folded = fold(&ctx.body[s.span.clone()]);
            sentence_words(ctx, &s.span, &folded)
                .iter()
                .any(|w| !w.in_quote && grammar().statements.first_person.contains(&*w.text))
        };
        let voiced = out.iter().any(|c| c.sentence == j && c.mention.is_some());
        if s.para == by.para && !voiced && first_person() {
            give(ctx, out, &by, j, "first person before a cue");
        }
    }
}

#[cfg(test)]
mod tests;
