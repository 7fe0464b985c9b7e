//! The plan's content in a clause on the plan's name inside another statement: "Trump gave Kyiv
//! until Thursday to accept a plan which endorses Moscow's demands on NATO", "a draft, which
//! would hand Donbas to Russia, surfaced this week", "the plan was leaked, including the loss of
//! Donbas". The clause is a report in the article's voice (it must name a point to be kept); the
//! statement it stood in ends before it. A relative clause with a speaker of its own past the
//! sentence's speaker ("X said …, which critics say rewards aggression, …") is that speaker's
//! statement too.

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
    let comma = ctx.body[ws[k - 1].end..w.start].contains(',');
    if ["which", "that"].contains(&&*w.text) {
        let verb = ws[k + 1..(k + 3).min(ws.len())]
            .iter()
            .find(|n| !content.between.contains(&*n.text));
        let of_content = verb.is_some_and(|v| {
            ctx.speech.document_verbs.contains(&*v.text)
                || content.relative_verbs.contains(&*v.text)
        });
        // a whole document, not a part of it: "the plan's provision that would restart the
        // plant" names which provision is meant; after a comma the clause may follow what
        // happened to the plan ("a new draft surfaced this week, which would cap the army")
        // "concern over sections of the draft that propose a cap on the army": which are meant
        // ("parts of the US plan that …": "of" up to four words before the head)
        let part_of = (k.saturating_sub(5)..k.saturating_sub(1))
            .find(|&j| j > 0 && ws[j].text == "of")
            .is_some_and(|j| {
                let noun = &*ws[j - 1].text;
                content.parts.contains(noun)
                    || content
                        .parts
                        .contains(noun.strip_suffix('s').unwrap_or(noun))
                    || ["parts", "part", "aspects", "aspect", "points"].contains(&noun)
            });
        return of_content
            && !part_of
            && !any_such(ws, k)
            && (content.relative_heads.contains(&*ws[k - 1].text)
                || head_before_passive(ctx, ws, k)
                || (alone
                    && comma
                    && w.text == "which"
                    && plan_subject_before(ctx, ws, k, false)));
    }
    alone
        && comma
        && content.holding_participles.contains(&*w.text)
        && plan_subject_before(ctx, ws, k, true)
}

/// "reject any plan which would cede land": a head under "any", "no" or "every" (the nearest
/// determiner, within four words before the head) is a kind of plan someone wants or refuses,
/// not the plan's content.
fn any_such(ws: &[SWord], k: usize) -> bool {
    (k.saturating_sub(5)..k.saturating_sub(1))
        .rev()
        .find(|&j| {
            let w = &*ws[j].text;
            let c = &grammar().content;
            c.any_determiners.contains(w) || c.object_determiners.contains(w)
        })
        .is_some_and(|j| grammar().content.any_determiners.contains(&*ws[j].text))
}

/// True when a plan's name stands before a participle and its agent right before word `k`:
/// "the draft written by Washington, which sought to …", "the text put forward by
/// Washington, which would …" (the agent three words at most).
fn head_before_passive(ctx: &Context<'_>, ws: &[SWord], k: usize) -> bool {
    let Some(by) = (k.saturating_sub(4)..k).rfind(|&j| ws[j].text == "by") else {
        return false;
    };
    (by.saturating_sub(3)..by).any(|j| {
        j > 0
            && ws[j].text.ends_with("ed")
            && !ws[j - 1].in_quote
            && ctx.layout.names_plan(&ws[j - 1].text)
            && ws[j - 1].end + 1 >= ws[j].start
    })
}

/// True when the plan is what the clause before word `k` is about: named among the six words
/// before it (three unless `near`: "the minerals deal struck this year, which granted …" is
/// another deal), or as the subject of the sentence (before its first verb, at most eighteen words
/// back) with no one speaking in between ("The US-drafted 28-point plan for Moscow and Kyiv was
/// made public on Tuesday, including …"; a passive "was made public" tells what happened to it).
fn plan_subject_before(ctx: &Context<'_>, ws: &[SWord], k: usize, near: bool) -> bool {
    let names = |n: &SWord| !n.in_quote && ctx.layout.names_plan(&n.text);
    let window = if near { 6 } else { 3 };
    if ws[k.saturating_sub(window)..k].iter().any(names) {
        return true;
    }
    if k > 18 {
        return false;
    }
    // a participle joined to a word is an adjective ("the US-proposed plan")
    let joined = |j: usize| ctx.body[..ws[j].start].ends_with('-');
    let verb = (0..k)
        .find(|&j| {
            !joined(j)
                && (AUXILIARIES.contains(&&*ws[j].text) || (j > 0 && ws[j].text.ends_with("ed")))
        })
        .unwrap_or(k);
    let passive = |j: usize| j > 0 && AUXILIARIES.contains(&&*ws[j - 1].text);
    ws[..verb].iter().any(names)
        && (0..k).all(|j| joined(j) || passive(j) || ctx.speech.verb_at(ws, j, false).is_none())
}

const AUXILIARIES: [&str; 9] = [
    "is", "are", "was", "were", "been", "be", "has", "have", "had",
];

/// "Holt said Oslo had welcomed a first plan – which Riga and its partners said was far too
/// kind to Moscow – but …", "Envoys meet on the plan -- one that Oslo's allies have said is far
/// too kind to Moscow": a relative clause after a comma or a dash (and at most two words of
/// its own head, "one that", "measures that"), past the sentence's speaker if it has one
/// (whose phrase ends at `after`), whose own subject speaks; that subject's statement, the
/// clause its words.
pub(super) fn aside_speaker(
    ctx: &Context<'_>,
    (s, si): (&Sentence, usize),
    ws: &[SWord],
    (after, main): (usize, Option<&Mention>),
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Candidate> {
    let marked = |j: usize| {
        j > 0 && {
            let gap = &ctx.body[ws[j - 1].end..ws[j].start];
            gap.contains([',', '\u{2013}', '\u{2014}']) || gap.contains("--")
        }
    };
    // the head words between the mark and the pronoun: lower case, no verb form
    let head_word = |j: usize| {
        let t = &*ws[j].text;
        !ws[j].in_quote
            && ctx.body[ws[j].start..].starts_with(char::is_lowercase)
            && !t.ends_with("ing")
            && !t.ends_with("ed")
            && !["and", "but", "or", "so", "yet"].contains(&t)
            && ctx.speech.verb_at(ws, j, false).is_none()
    };
    let opens = |k: usize| {
        marked(k)
            || (k >= 2 && marked(k - 1) && head_word(k - 1))
            || (k >= 3 && marked(k - 2) && head_word(k - 2) && head_word(k - 1))
    };
    let k = (1..ws.len()).find(|&k| {
        !ws[k].in_quote
            && ["which", "that"].contains(&&*ws[k].text)
            && ws[k].start > after
            && opens(k)
    })?;
    let v = (k + 2..(k + 10).min(ws.len()))
        .find(|&v| !ws[v].in_quote && ctx.speech.verb_at(ws, v, false).is_some())?;
    // (an auxiliary before the verb is no part of the subject: "which Oslo has said")
    let mut last = v - 1;
    while last > k + 1 && ctx.speech.is_between(&ws[last].text) {
        // "that Russia will not accept": what a party will do, not what it says
        if grammar().statements.modals.contains(&*ws[last].text) {
            return None;
        }
        last -= 1;
    }
    let np = ws[k + 1].start..ws[last].end;
    // (its subject is one phrase: "which U.S. envoys worked on in Miami, also says" finds the
    // main clause's verb past a comma)
    if ctx.body[ws[k].end..ws[v].start].contains([',', ';']) {
        return None;
    }
    let m = ctx.gazetteer.resolve(&ctx.body[np.clone()], local)?;
    if !matches!(m, Mention::Speaker(..)) || main == Some(&m) {
        return None;
    }
    // (words of its own after the verb: "the talks, which the Kremlin confirmed, …" only
    // confirms an event)
    let stop = (v + 1..ws.len()).find(|&j| marked(j)).unwrap_or(ws.len());
    // (with no one speaking the sentence, only a clause that ends it: "The town of Vostok,
    // which Moscow says it annexed, would be frozen" is the plan's content)
    let someone = matches!(
        main,
        Some(Mention::Speaker(..) | Mention::Role { .. } | Mention::Pronoun(..))
    );
    if stop < v + 3 || (!someone && stop < ws.len()) {
        return None;
    }
    let end = ws[stop - 1].end;
    Some(Candidate {
        kind: Kind::Paraphrase,
        span: ws[k].start..end,
        sentence: si,
        para: s.para,
        mention: Some(m),
        speaker_span: Some(np),
        verb: Some(ws[v].text.to_string()),
        rule: "speaker in a relative clause",
        confidence: 0.7,
        floating: false,
        point: None,
        // about what the clause before it names, when its own words name nothing
        topic: Some(s.span.start..ws[k].start),
    })
}

#[cfg(test)]
mod tests;
