//! The plan's content in a clause on the plan's name inside another statement: "Trump gave Kyiv
//! until Thursday to accept a plan which endorses Moscow's demands on NATO", "a draft, which
//! would hand Donbas to Russia, surfaced this week", "the plan was leaked, including the loss of
//! Donbas". The clause is a report in the article's voice (it must name a point to be kept); the
//! statement it stood in ends before it.

use super::*;
use crate::grammar::grammar;

/// Where the clause starts (a byte offset) and its report, if sentence `s` holds one.
/// A participle opens one only in a sentence with no statement of its own ("The plan was
/// revealed last week, including the loss of Donbas"): after a speaker's words it goes on with
/// them ("The Kremlin says the plan ignores its concerns, including NATO's growth").
pub(super) fn plan_clause(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    alone: bool,
) -> Option<(usize, Candidate)> {
    let k = (2..ws.len().saturating_sub(3)).find(|&k| opens_clause(ctx, ws, k, alone))?;
    let mut c = super::content::report(s, si);
    c.span.start = ws[k].start;
    c.rule = "plan clause";
    Some((ws[k].start, c))
}

/// True when word `k` opens a clause on a document named just before: "which"/"that" with a
/// verb of what a document holds or a modal within two words, or a participle of holding
/// after a comma with the document within the six words before.
fn opens_clause(ctx: &Context<'_>, ws: &[SWord], k: usize, alone: bool) -> bool {
    let w = &ws[k];
    if w.in_quote || ws[k - 1].in_quote {
        return false;
    }
    let content = &grammar().content;
    if ["which", "that"].contains(&&*w.text) {
        let verb = ws[k + 1..(k + 3).min(ws.len())]
            .iter()
            .find(|n| !content.between.contains(&*n.text));
        // a whole document, not a part of it: "the plan's provision that would restart the
        // plant" names which provision is meant
        return content.relative_heads.contains(&*ws[k - 1].text)
            && verb.is_some_and(|v| {
                ctx.speech.document_verbs.contains(&*v.text)
                    || content.relative_verbs.contains(&*v.text)
            });
    }
    let comma = ctx.body[ws[k - 1].end..w.start].contains(',');
    alone
        && comma
        && content.holding_participles.contains(&*w.text)
        && ws[k.saturating_sub(6)..k]
            .iter()
            .any(|n| !n.in_quote && ctx.layout.names_plan(&n.text))
}

#[cfg(test)]
mod tests;
