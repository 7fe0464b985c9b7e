//! Cues of reported speech that frame a sentence from outside its subject and verb: a closing
//! cue ("…, Interfax reported", also before a relay: "…, citing sources"), "X quoted Y as
//! saying", an impersonal passive ("It has been reported that …"), "In X's words", and a list
//! of media after "according to" ("reports by Axios, the FT and the NYT").

use super::*;
use crate::grammar::grammar;
use crate::model::SpeakerKind;

/// "It has been reported that", "it was also reported that": the verb at `k` in a passive
/// whose subject is an empty "it" and whose content follows "that".
pub(super) fn impersonal_passive(ws: &[SWord], k: usize) -> bool {
    let between = [
        "has", "had", "have", "also", "been", "was", "is", "further", "earlier",
    ];
    k >= 2
        && ws[0].text == "it"
        && ["been", "was", "is"].contains(&&*ws[k - 1].text)
        && ws[1..k].iter().all(|w| between.contains(&&*w.text))
        && ws.get(k + 1).is_some_and(|w| w.text == "that")
}

/// "The plan, first reported by Axios, would cap …": the agent `span` of a participle set off
/// by commas is followed by a comma before the sentence ends, so the participle only tells
/// which plan is meant and the claim of the sentence is the article's own.
pub(super) fn appositive(ctx: &Context<'_>, s: &Sentence, span: &Range<usize>) -> bool {
    ctx.body
        .get(span.end..s.span.end)
        .is_some_and(|rest| rest.contains(','))
}

/// `…, X reported.` / `…, X said on Tuesday.`: a speech verb among the last words of the
/// sentence, after a comma and the speaker's noun phrase.
pub(super) fn closing_cue(
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
    // "…, accusing President Trump of … and calling …": a participle opens no speaker phrase
    let participle = ws[from].text.ends_with("ing")
        && ctx.body[ws[from].start..].starts_with(|c: char| c.is_lowercase());
    // ("…, while the Parliament urges progress.": a second clause of its own, no cue that
    // frames the first)
    let second_clause = grammar()
        .statements
        .clause_conjunctions
        .contains(&*ws[from].text);
    // ("…, a claim the ministry quickly rejected.": a noun and the clause that qualifies it, whose
    // subject only answers the claim)
    let qualified_noun = ["a", "an"].contains(&&*ws[from].text)
        && (from + 2..k).any(|j| {
            ["the", "that", "which"].contains(&&*ws[j].text)
                && !grammar().speakers.prepositions.contains(&*ws[j - 1].text)
        });
    if participle || second_clause || qualified_noun || ws[from..k].iter().any(|w| w.in_quote) {
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
    // (or after its verb: "…, said Chancellor Anna Berg, NRK reports")
    let person_inside = is(&m, SpeakerKind::Media)
        && plain.iter().take_while(|&&j| j < from).any(|&j| {
            if ctx.speech.verb_at(ws, j, false).is_none() {
                return false;
            }
            let person = |found: Option<(Mention, Range<usize>)>| {
                found.is_some_and(|(inner, _)| is(&inner, SpeakerKind::Person))
            };
            let after_comma = j > 0 && ctx.body[ws[j - 1].end..ws[j].start].contains(',');
            person(subject_before(ctx, s, ws, j, false, local))
                || (after_comma && person(np_after(ctx, ws, j + 1, ws[from].start, local)))
        });
    (!person_inside).then(|| (m, span, ws[k].text.to_string()))
}

/// `TASS quoted Ushakov as saying that …`, `Reuters quoted an unnamed official as confirming
/// …`: the phrase between "quoted" and "as" with a verb of speech in -ing.
pub(super) fn quoted_as(
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
pub(super) fn media_list_end(
    ctx: &Context<'_>,
    first: &Mention,
    mut end: usize,
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> usize {
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
pub(super) fn relay_after_comma(ctx: &Context<'_>, ws: &[SWord]) -> Option<usize> {
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
pub(super) fn in_words_of(
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

/// `…, as Bondar noted in an interview.` / `…, as the minister said today, Ukrinform reports.`:
/// "as", after a comma, with a speaker and a verb of speech, frames the claim before it. A verb
/// of speech before "as" has its own subject, which wins.
pub(super) fn as_said_after(
    ctx: &Context<'_>,
    ws: &[SWord],
    plain: &[usize],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String)> {
    let &k = plain.iter().find(|&&k| {
        k > 2 && ws[k].text == "as" && ctx.body[ws[k - 1].end..ws[k].start].contains(',')
    })?;
    if plain[..]
        .iter()
        .take_while(|&&j| j < k)
        .any(|&j| ctx.speech.verb_at(ws, j, false).is_some())
    {
        return None;
    }
    // a verb of speech within seven words, the speaker's words between with no comma ("as
    // reported by" has its own rule); a verb of a position with an object is a cause ("as Kyiv
    // opposes it"), without one it frames the claim ("as Moscow demanded")
    let g = &grammar().statements;
    let says = |v: usize| {
        !g.position_verbs.contains(&*ws[v].text)
            || ws.get(v + 1).is_none_or(|o| {
                !g.object_start.contains(&*o.text) && !g.object_pronouns.contains(&*o.text)
            })
    };
    let v = (k + 2..(k + 8).min(ws.len()))
        .find(|&v| ctx.speech.verb_at(ws, v, false) == Some(1) && says(v))?;
    if ws[k + 1..=v].iter().any(|w| w.in_quote) || ws.get(v + 1).is_some_and(|w| w.text == "that") {
        return None;
    }
    let mut end = v;
    while end > k + 1 && ctx.speech.is_between(&ws[end - 1].text) {
        end -= 1;
    }
    // "…, as is stressed in the statement": a passive verb, no speaker between
    if end == k + 1 {
        return None;
    }
    let span = ws[k + 1].start..ws[end - 1].end;
    if ctx.body[span.clone()].contains([',', ';', ':']) {
        return None;
    }
    match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
        m @ (Mention::Speaker(..) | Mention::Role { .. } | Mention::Pronoun(_)) => {
            Some((m, span, ws[v].text.to_string()))
        }
        _ => None,
    }
}

/// `… easier to accept — said the Finnish president.`, `…, - the minister Andrii Sybiha
/// stressed.`: direct speech set off by a dash, as Ukrainian and Russian pages print it, with the
/// speaker and a verb of speech after the dash at the end of the sentence. The speaker, its
/// span, the verb, and where the dash stands.
pub(super) fn dash_cue(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>, String, usize)> {
    let text = &ctx.body[s.span.clone()];
    let dash = text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '-' | '\u{2013}' | '\u{2014}')
                && (i == 0 || text[..i].ends_with([' ', ',']))
                && text[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| s.span.start + i)
        .next_back()?;
    let d = ws.iter().position(|w| w.start > dash)?;
    let after = &ws[d..];
    if after.len() > 12 || after.iter().any(|w| w.in_quote) {
        return None;
    }
    let resolved = |m: Mention| {
        matches!(
            m,
            Mention::Speaker(..) | Mention::Role { .. } | Mention::Pronoun(_)
        )
        .then_some(m)
    };
    // after the speaker and the verb, at most a short adjunct ("on Tuesday"), no clause: "-
    // Zelensky says he will not …" is a headline's lead to what follows
    let short_after = |end: usize| {
        let rest: Vec<&SWord> = ws.iter().filter(|w| w.start >= end).collect();
        rest.len() <= 4 && !rest.iter().any(|w| w.text == "that")
    };
    // "— said the Finnish president"
    if let Some(len) = ctx.speech.verb_at(ws, d, false) {
        let (m, span) = np_after(ctx, ws, d + len, s.span.end, local)?;
        if !short_after(span.end) {
            return None;
        }
        return Some((resolved(m)?, span, ws[d].text.to_string(), dash));
    }
    // "— the minister stressed"
    let v = (d + 1..(d + 9).min(ws.len())).find(|&v| ctx.speech.verb_at(ws, v, false).is_some())?;
    let mut end = v;
    while end > d + 1 && ctx.speech.is_between(&ws[end - 1].text) {
        end -= 1;
    }
    let span = ws[d].start..ws[end - 1].end;
    if !short_after(ws[v].end) {
        return None;
    }
    let m = resolved(ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?)?;
    Some((m, span, ws[v].text.to_string(), dash))
}
