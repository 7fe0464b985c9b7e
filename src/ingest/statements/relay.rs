//! The medium behind a sentence: "…, Ukrinform reports, citing Bloomberg" and "as reported by
//! UNN, with reference to Bloomberg" are Bloomberg's reports (the medium that had the story
//! first); "The Financial Times published a plan that includes …" is the Financial Times's;
//! "…, per Axios." is Axios's; a "Source: Financial Times, citing …" line under a lead makes
//! the lead the FT's report.

use super::*;
use crate::model::{Speaker, SpeakerKind};

/// Gives `c` the medium its sentence cites, where the sentence names one in one of the shapes
/// above; a person or body already found as the speaker keeps it.
pub(super) fn source(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    c: &mut Candidate,
    local: &mut Vec<(String, Speaker)>,
) {
    let is_medium =
        |m: &Mention| matches!(m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Media);
    let voiceless = matches!(c.mention, None | Some(Mention::Document));
    // "…, per Axios." frames the sentence, also over the agent of a passive ("Kyiv has been told
    // by the administration that …, per Reuters")
    if (voiceless || c.rule == "reported by" || c.mention.as_ref().is_some_and(is_medium))
        && let Some((m, span)) = per_medium(ctx, s, ws, local)
    {
        set(c, m, span);
        return;
    }
    if !voiceless && !c.mention.as_ref().is_some_and(is_medium) {
        return;
    }
    let plain = |k: usize| ws.get(k).is_some_and(|w| !w.in_quote);
    // "Ukrinform reports this, citing Bloomberg.": only where the sentence before came from
    let back_reference = (0..ws.len()).any(|k| {
        ctx.speech.verb_at(ws, k, false).is_some()
            && ws
                .get(k + 1)
                .is_some_and(|w| ["this", "so", "it"].contains(&&*w.text))
    });
    if back_reference {
        return;
    }
    // "…, as reported by UNN": the medium named after "reported by" anywhere in the sentence
    if voiceless
        && let Some(k) = (1..ws.len()).find(|&k| {
            plain(k) && ws[k].text == "reported" && ws.get(k + 1).is_some_and(|w| w.text == "by")
        })
        && let Some((m, span)) = np_after(ctx, ws, k + 2, s.span.end, local)
        && is_medium(&m)
        && (ws[k - 1].text == "as" || !super::cues::appositive(ctx, s, &span))
    {
        set(c, m, span);
    }
    // "…, citing Bloomberg": the cited medium, not the one that passes it on
    let cited = ctx.speech.relays.iter().find_map(|p| {
        (0..ws.len()).find_map(|k| {
            let hit = p
                .iter()
                .enumerate()
                .all(|(i, t)| plain(k + i) && ws[k + i].text == *t);
            hit.then(|| np_after(ctx, ws, k + p.len(), s.span.end, local))
                .flatten()
                .filter(|(m, _)| is_medium(m))
        })
    });
    if let Some((m, span)) = cited
        && (voiceless || c.mention.as_ref().is_some_and(is_medium))
    {
        set(c, m, span);
        return;
    }
    if !matches!(c.mention, None | Some(Mention::Document)) {
        return;
    }
    // "The Financial Times published a plan that includes …"
    if let Some(k) =
        (1..ws.len().min(6)).find(|&k| plain(k) && ctx.speech.media_acts.contains(&*ws[k].text))
        && let span = (ws[0].start..ws[k - 1].end)
        && let Some(m) = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)
        && is_medium(&m)
    {
        set(c, m, span);
    }
}

/// "…, per Axios.", "Per a copy seen by CNN, …", "As per the report, …": the medium after a
/// "per" that opens the sentence or follows a comma ("$50 per barrel" is no citation).
fn per_medium(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    local: &mut Vec<(String, Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let k = (0..ws.len()).find(|&k| {
        !ws[k].in_quote
            && ws[k].text == "per"
            && (k == 0
                || (k == 1 && ws[0].text == "as")
                || ctx.body[ws[k - 1].end..ws[k].start].contains(','))
    })?;
    np_after(ctx, ws, k + 1, s.span.end, local)
        .filter(|(m, _)| matches!(m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Media))
}

fn set(c: &mut Candidate, m: Mention, span: Range<usize>) {
    c.mention = Some(m);
    c.speaker_span = Some(span);
    c.kind = Kind::Report;
}

/// "Source: Financial Times, citing four people familiar with the plans" right under the lead
/// (the house style of some Ukrainian sites): the lead's sentences in the article's own voice
/// are that medium's reports, also those no other sieve took.
pub(super) fn source_line(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, Speaker)>,
) {
    let line = (1..ctx.paragraphs.len()).find_map(|p| {
        let text = ctx.body[ctx.paragraphs[p].clone()].trim();
        let rest = text
            .strip_prefix("Source:")
            .or_else(|| text.strip_prefix("Sources:"))?;
        let np = rest.split([',', ';', '.']).next()?.trim();
        match ctx.gazetteer.resolve(np, local)? {
            m @ Mention::Speaker(..) if is_media(&m) => Some((p, m)),
            _ => None,
        }
    });
    let Some((p, medium)) = line else { return };
    let lead = p - 1;
    for c in out
        .iter_mut()
        .filter(|c| c.para == lead && c.mention.is_none())
    {
        c.mention = Some(medium.clone());
        c.kind = Kind::Report;
    }
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        if s.para == lead && !out.iter().any(|c| c.sentence == si) {
            let mut c = super::content::report(s, si);
            c.mention = Some(medium.clone());
            c.rule = "source line";
            out.push(c);
        }
    }
}

fn is_media(m: &Mention) -> bool {
    matches!(m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Media)
}

/// The number of words of "outlets like", "media such as" at word `k` (a noun of the media,
/// then "like" or "such as"), else 0.
fn examples_lead(ws: &[SWord], k: usize) -> usize {
    let media = |j: usize| {
        ws.get(j)
            .is_some_and(|w| grammar().statements.media_nouns.contains(&*w.text))
    };
    let word = |j: usize, t: &str| ws.get(j).is_some_and(|w| w.text == t);
    if !media(k) {
        0
    } else if word(k + 1, "like") {
        2
    } else if word(k + 1, "such") && word(k + 2, "as") {
        3
    } else {
        0
    }
}

/// "The European version, a copy of which was obtained by Reuters, swaps …", "The draft, seen
/// by Politico, says …": a document in the article's voice whose copy a medium saw is that
/// medium's report (run after the authors of a document from one side were given their text);
/// so is one placed in a medium ("The plan, described in US media, includes …").
pub(super) fn copy_agent(
    ctx: &Context<'_>,
    ws: &[SWord],
    c: &mut Candidate,
    local: &mut Vec<(String, Speaker)>,
) {
    if c.mention.is_some()
        || !matches!(
            c.rule,
            "the plan says" | "document as subject" | "plan content"
        )
    {
        return;
    }
    let found = (1..ws.len()).find_map(|k| {
        let act = &*ws[k - 1].text;
        let agent = !ws[k].in_quote
            && ((ws[k].text == "by" && ctx.speech.media_acts.contains(act))
                || (ws[k].text == "in" && ctx.speech.media_places.contains(act)));
        // "by outlets like Axios and the BBC": the outlets named after "like" / "such as"
        let from = k + 1 + examples_lead(ws, k + 1);
        // the longest run of up to six words that names a medium ("as obtained by Axios
        // included …" runs on into the clause without a comma)
        agent
            .then(|| {
                (from..(from + 6).min(ws.len()))
                    .rev()
                    .filter_map(|j| np_after(ctx, ws, from, ws[j].end, local))
                    .find(|(m, _)| is_media(m))
            })
            .flatten()
    });
    if let Some((m, span)) = found {
        set(c, m, span);
    }
}
