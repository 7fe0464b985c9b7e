//! A speaker's own list: "He said three principles must be upheld:" and then items opened by a
//! marker or an ordinal ("First —", "Second principle —", "Finally,"). Each item is that
//! speaker's claim, not the article's account of the plan.

use super::super::{Candidate, Context, Kind, Mention, sentence_words, subject_before};
use super::{marker, sentences_of};
use crate::grammar::grammar;
use crate::text::fold;

/// Items are the paragraphs that open with a marker or an ordinal word.
const MIN_ITEMS: usize = 2;

/// The candidates of a speaker's list whose items start at paragraph `p`, and the paragraph
/// after the list.
pub(super) fn speaker_list(
    ctx: &Context<'_>,
    p: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Vec<Candidate>, usize)> {
    let h = p.checked_sub(1)?;
    let si = sentences_of(ctx, h).last()?;
    let s = ctx.seg.sentences.get(si)?;
    if !ctx.body[s.span.clone()].trim_end().ends_with(':') {
        return None;
    }
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    let v =
        (1..ws.len().min(12)).find(|&k| ctx.speech.verb_at(ws.as_slice(), k, false).is_some())?;
    let (mention, span) = subject_before(ctx, s, &ws, v, false, local)?;
    let speaks = match &mention {
        Mention::Speaker(sp, _) => sp.kind != crate::model::SpeakerKind::Media,
        Mention::Pronoun(_) => true,
        _ => false,
    };
    if !speaks {
        return None;
    }
    let items: Vec<usize> = (p..ctx.paragraphs.len())
        .take_while(|&q| opens_item(ctx.body[ctx.paragraphs[q].clone()].trim()))
        .collect();
    if items.len() < MIN_ITEMS {
        return None;
    }
    let next = p + items.len();
    let out = items
        .into_iter()
        .map(|q| {
            let r = ctx.paragraphs[q].clone();
            let text = &ctx.body[r.clone()];
            let lead = text.len() - text.trim_start().len();
            Candidate {
                kind: Kind::Paraphrase,
                span: r.start + lead..r.start + text.trim_end().len(),
                sentence: sentences_of(ctx, q).start,
                para: q,
                mention: Some(mention.clone()),
                speaker_span: Some(span.clone()),
                verb: Some(ws[v].text.to_string()),
                rule: "speaker's list",
                confidence: 0.75,
                floating: false,
                point: None,
                topic: None,
            }
        })
        .collect();
    Some((out, next))
}

/// True when a paragraph opens with a list marker, or with an ordinal and at most one more
/// word before a dash, colon or comma ("First —", "Second principle —", "Thirdly,").
fn opens_item(text: &str) -> bool {
    if marker(text).is_some() {
        return true;
    }
    let head: String = text.chars().take(40).collect();
    let Some(cut) = head.find(['\u{2014}', '\u{2013}', ':', ',']) else {
        return false;
    };
    let words: Vec<String> = head[..cut]
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    (1..=2).contains(&words.len())
        && grammar()
            .statements
            .list_ordinals
            .contains(words[0].as_str())
}
