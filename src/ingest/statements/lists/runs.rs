//! Lists with no header and no markers: a run of short lines, one obligation each, right after
//! the plan is named ("Ukraine's sovereignty will be confirmed." / "NATO agrees not to station
//! troops in Ukraine." / ...). Wire rewrites often paste the points this way.

use super::super::{Context, sentence_words};
use super::{Item, claims_of_its_own, marker, sentences_of};
use crate::grammar::grammar;
use crate::text::fold;

/// Fewer lines than this are ordinary paragraphs in the future tense.
const MIN_RUN: usize = 4;

/// The items of a run starting at paragraph `p`, and the paragraph after it, when the run is
/// long enough and the plan is named in the title or the paragraph before it.
pub(super) fn run_at(ctx: &Context<'_>, p: usize) -> Option<(Vec<Item>, usize)> {
    let named = (p <= 2 && ctx.title.is_some_and(|t| ctx.layout.names_plan(t)))
        || p.checked_sub(1)
            .and_then(|h| ctx.paragraphs.get(h))
            .is_some_and(|r| ctx.layout.names_plan(&ctx.body[r.clone()]));
    if !named || !is_line(ctx, p) {
        return None;
    }
    let mut q = p;
    while q < ctx.paragraphs.len() && is_line(ctx, q) {
        q += 1;
    }
    if q - p < MIN_RUN {
        return None;
    }
    let items = (p..q)
        .map(|para| {
            let raw = &ctx.body[ctx.paragraphs[para].clone()];
            let start = ctx.paragraphs[para].start + (raw.len() - raw.trim_start().len());
            Item {
                para,
                span: start..ctx.paragraphs[para].start + raw.trim_end().len(),
                number: None,
                heads: false,
                section: None,
            }
        })
        .collect();
    Some((items, q))
}

/// True when paragraph `p` reads as one line of the plan: short, unmarked, no quote, nobody
/// speaking, and an obligation's modal among its words.
fn is_line(ctx: &Context<'_>, p: usize) -> bool {
    let r = ctx.paragraphs[p].clone();
    let text = ctx.body[r.clone()].trim();
    let n = text.split_whitespace().count();
    if !(3..=70).contains(&n)
        || sentences_of(ctx, p).len() > 4
        || marker(text).is_some()
        || !text.ends_with(['.', ';'])
        || ctx.seg.quotes_in(&r).next().is_some()
        || claims_of_its_own(ctx, &r)
    {
        return false;
    }
    let folded = fold(&ctx.body[r.clone()]);
    let ws = sentence_words(ctx, &r, &folded);
    // "NATO agrees not to station troops": a commitment of the plan, not NATO speaking
    // and a passive ("will be confirmed") or "the United States", "European states" is no
    // speech either
    let passive = |k: usize| {
        k.checked_sub(1).is_some_and(|j| {
            ["be", "been", "is", "are", "was", "were", "united", "member"].contains(&&*ws[j].text)
                || (ws[k].text == "states"
                    && ctx.body[ws[j].start..].starts_with(char::is_uppercase))
        })
    };
    if ws.iter().any(|w| grammar().runs.when.contains(&*w.text)) {
        return false;
    }
    let speaks = (0..ws.len()).any(|k| {
        ctx.speech.verb_at(&ws, k, false).is_some()
            && !grammar().runs.modals.contains(&*ws[k].text)
            && !passive(k)
    });
    !speaks && ws.iter().any(|w| grammar().runs.modals.contains(&*w.text))
}
