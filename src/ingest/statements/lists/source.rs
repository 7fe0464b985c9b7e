//! Who a list of the plan's points is cited to: a medium ("as seen by Reuters", "(CNN)"), its presenter
//! ("as Zelensky outlined them") or a counter-proposal's authors.

use super::super::{Context, Mention};
use super::words_only;

/// "According to Bloomberg, the plan includes:", "as seen by Reuters": the medium is the
/// speaker of the list.
pub(super) fn list_source(
    ctx: &Context<'_>,
    header: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let text = ctx.body[ctx.paragraphs[header].clone()].trim();
    source_in(ctx, text, local)
        .or_else(|| counter_draft_above(ctx, header))
        .or_else(|| {
            // a themed section's heading ("Territory"): the lead above its sections may cite the
            // list to a medium ("The terms are now public (Politico):")
            if text.split_whitespace().count() > 6 {
                return None;
            }
            let lead = (0..header).rev().take(40).find(|&p| {
                let t = ctx.body[ctx.paragraphs[p].clone()].trim();
                super::marker(t).is_none() && t.split_whitespace().count() > 6
            })?;
            let lead = ctx.body[ctx.paragraphs[lead].clone()].trim();
            // only a medium: a lawmaker who "circulated" the text above a list is its channel
            source_in(ctx, lead, local).filter(
            |m| matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media),
        )
        })
}

/// The source a header's or lead's text cites, in the shapes above.
fn source_in(
    ctx: &Context<'_>,
    text: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let lower = text.to_lowercase();
    let at = [
        "according to ",
        " seen by ",
        " obtained by ",
        " published by ",
        " circulated by ",
        " reported by ",
        " per ",
    ]
    .iter()
    .find_map(|k| lower.find(k).map(|i| i + k.len()));
    let cited = at.and_then(|at| {
        let np = text.get(at..)?.split([',', ':', ';', '.']).next()?;
        // a named medium, not "a news agency"
        let named = np
            .split_whitespace()
            .find(|w| !["the", "a", "an"].contains(&w.to_lowercase().as_str()))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        // (or the media at large: "according to media reports")
        ctx.gazetteer.resolve(np, local).filter(|m| {
            matches!(m, Mention::Speaker(sp, _) if named || sp.kind == crate::model::SpeakerKind::Media)
        })
    });
    cited
        .or_else(|| medium_says(ctx, text, local))
        .or_else(|| parenthetical_medium(ctx, text, local))
        .or_else(|| presenter(ctx, text, local))
        .or_else(|| authors_of(ctx, text))
}

/// "Several US outlets have reported that the text would further:": a medium (named or the
/// media at large) as the subject of a verb of reporting in the header.
fn medium_says(
    ctx: &Context<'_>,
    header: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let words: Vec<&str> = header.split_whitespace().collect();
    let v = words.iter().take(10).position(|w| {
        let w = w.to_lowercase();
        ctx.speech.verbs.contains(w.as_str()) && w != "according"
    })?;
    // the subject before the verb, past an opening adverb and its comma ("Additionally, …")
    let subject = words[..v].join(" ");
    let subject = subject.rsplit(',').next()?.trim();
    let subject = subject
        .strip_suffix(" have")
        .or_else(|| subject.strip_suffix(" has"))
        .unwrap_or(subject);
    ctx.gazetteer.resolve(subject, local).filter(
        |m| matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media),
    )
}

/// "The terms are now public (Politico):": a parenthesis that holds only a medium's
/// name cites the list to it.
fn parenthetical_medium(
    ctx: &Context<'_>,
    header: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let open = header.rfind('(')?;
    let inner = header.get(open + 1..)?.split(')').next()?.trim();
    if inner.is_empty() || inner.split_whitespace().count() > 4 {
        return None;
    }
    ctx.gazetteer.resolve(inner, local).filter(
        |m| matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media),
    )
}

/// "The points, as Zelensky outlined them": who set the list out.
fn presenter(
    ctx: &Context<'_>,
    header: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let at = header.find(" as ")? + 4;
    let rest = header.get(at..)?;
    let verbs = [
        "outlined",
        "described",
        "presented",
        "listed",
        "set",
        "published",
        "laid",
        "summarised",
        "summarized",
        "explained",
        "unveiled",
    ];
    let words: Vec<&str> = rest.split_whitespace().collect();
    let v = words
        .iter()
        .position(|w| verbs.contains(&w.to_lowercase().as_str()))
        .filter(|&v| (1..=4).contains(&v))?;
    let np = words[..v].join(" ");
    ctx.gazetteer
        .resolve(&np, local)
        .filter(|m| matches!(m, Mention::Speaker(..)))
}

/// "The full European counter-proposal:": a document of one side speaks for its authors as
/// the article names them ("European governments").
fn authors_of(ctx: &Context<'_>, header: &str) -> Option<Mention> {
    let ws: Vec<String> = words_only(header).split(' ').map(String::from).collect();
    let documents = [
        "plan",
        "draft",
        "proposal",
        "counter-proposal",
        "counterproposal",
        "text",
        "document",
        "framework",
        "version",
        "counter-plan",
    ];
    let at = ws.iter().position(|w| documents.contains(&w.as_str()))?;
    let np = ws[at.saturating_sub(3)..at].join(" ");
    let origin = ctx.gazetteer.document_origin(&np)?;
    let authors = ctx.gazetteer.authors_or_side(ctx.body, &origin)?;
    Some(Mention::Speaker(authors, None))
}

/// "… Unlike the American version, the European plan keeps …" then "The full text of the plan
/// includes:": a header that names a document of no side, right under a paragraph whose last
/// document of a side is another side's, lists that side's text.
fn counter_draft_above(ctx: &Context<'_>, header: usize) -> Option<Mention> {
    let text = &ctx.body[ctx.paragraphs[header].clone()];
    if !ctx.gazetteer.document_origins(text).is_empty()
        || !words_only(text)
            .split(' ')
            .any(|w| ["plan", "draft", "document", "text", "proposal", "version"].contains(&w))
    {
        return None;
    }
    let lead = (0..header).rev().take(2).find(|&p| {
        ctx.body[ctx.paragraphs[p].clone()]
            .split_whitespace()
            .count()
            > 6
    })?;
    let origin = ctx
        .gazetteer
        .document_origins(&ctx.body[ctx.paragraphs[lead].clone()])
        .pop()
        .filter(|o| !["US", "White House"].contains(&o.as_str()))?;
    let authors = ctx.gazetteer.authors_or_side(ctx.body, &origin)?;
    Some(Mention::Speaker(authors, None))
}
