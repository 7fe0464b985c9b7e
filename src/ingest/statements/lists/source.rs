//! Who a list of the plan's points is cited to: a medium ("as seen by Reuters"), its presenter
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
    let lower = text.to_lowercase();
    let at = [
        "according to ",
        " seen by ",
        " obtained by ",
        " published by ",
        " circulated by ",
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
        named
            .then(|| ctx.gazetteer.resolve(np, local))
            .flatten()
            .filter(|m| matches!(m, Mention::Speaker(..)))
    });
    cited
        .or_else(|| presenter(ctx, text, local))
        .or_else(|| authors_of(ctx, text))
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
    let authors = ctx.gazetteer.authors(ctx.body, &origin)?;
    Some(Mention::Speaker(authors, None))
}
