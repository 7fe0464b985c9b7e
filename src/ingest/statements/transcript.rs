//! Sieve 0: interview transcripts (`Name: …`, `Q:` / `A:` paragraphs).

use super::*;

static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^([\p{Lu}][\p{L}.'\u{2019} -]{0,50}?):\s+\S").expect("static pattern")
});
static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b\p{Lu}[\p{Ll}'\u{2019}-]+(?:\s+\p{Lu}[\p{Ll}'\u{2019}-]+){1,2}\b")
        .expect("static pattern")
});

pub(super) fn is_question_label(label: &str) -> bool {
    matches!(label.trim(), "Q" | "Question" | "Interviewer")
}

/// Sieve 0: an interview transcript. `Yuri Ushakov: …` or `A: …` paragraphs are the
/// speaker's own words (the person asked is the first one named before the first question);
/// `Q: …` paragraphs yield nothing.
pub(super) fn find_transcript(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> HashSet<usize> {
    let mut used = HashSet::new();
    let labels: Vec<Option<String>> = ctx
        .paragraphs
        .iter()
        .map(|r| {
            LABEL
                .captures(&ctx.body[r.clone()])
                .map(|c| c[1].to_string())
        })
        .collect();
    let first_question = labels
        .iter()
        .position(|l| l.as_deref().is_some_and(is_question_label));
    let interviewee = first_question.and_then(|q| {
        ctx.paragraphs[..q].iter().find_map(|r| {
            NAME.find_iter(&ctx.body[r.clone()]).find_map(|m| {
                match ctx.gazetteer.resolve(m.as_str(), local) {
                    Some(Mention::Speaker(sp, g))
                        if sp.kind == crate::model::SpeakerKind::Person =>
                    {
                        Some(Mention::Speaker(sp, g))
                    }
                    _ => None,
                }
            })
        })
    });
    let asks = questioners(ctx, &labels);
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        // a journalist's question ("Anna Petrova: Good afternoon, Life.ru. Will you …?") is not
        // theirs to state; what it reports ("Zelensky has said …") the other sieves still read
        if asks.contains(label) {
            continue;
        }
        if is_question_label(label) {
            if first_question.is_some() {
                used.insert(p);
            }
            continue;
        }
        let mention = if matches!(label.as_str(), "A" | "Answer") {
            interviewee.clone()
        } else {
            match ctx.gazetteer.resolve(label, local) {
                Some(Mention::Speaker(sp, g)) if sp.kind == crate::model::SpeakerKind::Person => {
                    Some(Mention::Speaker(sp, g))
                }
                _ => None,
            }
        };
        let Some(mention) = mention else { continue };
        used.insert(p);
        let r = &ctx.paragraphs[p];
        let content_start = r.start
            + label.len()
            + 1
            + (ctx.body[r.start + label.len() + 1..r.end].len()
                - ctx.body[r.start + label.len() + 1..r.end]
                    .trim_start()
                    .len());
        for (si, s) in ctx
            .seg
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.para == p)
        {
            let start = s.span.start.max(content_start);
            if start >= s.span.end {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Quote,
                span: start..s.span.end,
                sentence: si,
                para: p,
                mention: Some(mention.clone()),
                speaker_span: None,
                verb: None,
                rule: "interview answer",
                confidence: 0.85,
                floating: false,
                point: None,
            });
        }
    }
    used
}

/// The labels of a transcript that ask rather than answer: at least half of their paragraphs
/// hold a question mark, while someone else in the transcript answers with none.
fn questioners(ctx: &Context<'_>, labels: &[Option<String>]) -> HashSet<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label.as_deref() else {
            continue;
        };
        let asks = usize::from(ctx.body[ctx.paragraphs[p].clone()].contains('?'));
        match counts.iter_mut().find(|(l, _, _)| *l == label) {
            Some(c) => {
                c.1 += 1;
                c.2 += asks;
            }
            None => counts.push((label, 1, asks)),
        }
    }
    let someone_answers = counts.iter().any(|(_, n, q)| *n >= 2 && *q == 0);
    counts
        .into_iter()
        .filter(|(_, n, q)| someone_answers && q * 2 >= *n)
        .map(|(l, _, _)| l.to_string())
        .collect()
}
