//! Joint speakers: "Trump and Macron said …", "Lisbon and Warsaw announced …" is one claim of
//! each of them, so the candidate is copied once per speaker after the first.

use super::*;
use crate::ingest::speakers::coordinated_parts;

/// The candidate, then one copy for each further speaker its noun phrase coordinates.
pub(super) fn per_speaker(
    ctx: &Context<'_>,
    c: Candidate,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<Candidate> {
    let Some(span) = c.speaker_span.clone() else {
        return vec![c];
    };
    if !matches!(c.mention, Some(Mention::Speaker(..))) {
        return vec![c];
    }
    let np = &ctx.body[span.clone()];
    let mut tokens: Vec<&str> = np.split_whitespace().collect();
    let folded = fold_str(np);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    // "reports by Reuters and The Financial Times", "Axios and the Financial Times": the
    // agents, each a medium (a determiner dropped so that "the Financial Times" counts as a name)
    let medium = matches!(&c.mention, Some(Mention::Speaker(sp, _))
        if sp.kind == crate::model::SpeakerKind::Media);
    if tokens.len() == words.len() && medium {
        let by = words.iter().rposition(|w| *w == "by").map_or(0, |b| b + 1);
        let keep = |i: &usize| *i >= by && !["the", "The"].contains(&tokens[*i]);
        let idx: Vec<usize> = (0..tokens.len()).filter(keep).collect();
        tokens = idx.iter().map(|&i| tokens[i]).collect();
        words = idx.iter().map(|&i| words[i]).collect();
    }
    let Some(parts) = coordinated_parts(&tokens, &words) else {
        return vec![c];
    };
    // media named together are one report each, whichever of them the phrase resolved to
    if medium {
        let is_medium = |m: &Mention| matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media);
        let each: Option<Vec<Mention>> = parts
            .iter()
            .map(|p| ctx.gazetteer.resolve(p, local).filter(is_medium))
            .collect();
        if let Some(each) = each {
            return each
                .into_iter()
                .enumerate()
                .map(|(i, m)| Candidate {
                    mention: Some(m),
                    rule: if i == 0 {
                        c.rule
                    } else {
                        crate::model::Statement::JOINT_COPY
                    },
                    ..c.clone()
                })
                .collect();
        }
    }
    // the phrase names its first part ("Trump and Macron" -> Trump), not a group with a shared
    // head ("U.S. and Ukrainian negotiators")
    if ctx.gazetteer.resolve(&parts[0], local).as_ref() != c.mention.as_ref() {
        return vec![c];
    }
    let mut others = Vec::new();
    for (i, p) in parts.iter().enumerate().skip(1) {
        match ctx.gazetteer.resolve(p, local) {
            // "Rubio and Ukraine's negotiator, Andriy Yermak, said": the name in the appositive
            Some(Mention::Speaker(sp, _))
                if i + 1 == parts.len()
                    && sp.kind == crate::model::SpeakerKind::Unnamed
                    && let Some(m) = appositive_person(ctx, span.end, local) =>
            {
                others.push(m)
            }
            Some(m @ Mention::Speaker(..)) if Some(&m) != c.mention.as_ref() => others.push(m),
            _ => return vec![c],
        }
    }
    let mut out = vec![c.clone()];
    out.extend(others.into_iter().map(|m| Candidate {
        mention: Some(m),
        rule: crate::model::Statement::JOINT_COPY,
        ..c.clone()
    }));
    out
}

/// The person named between commas right after `end` (", Andriy Yermak,").
fn appositive_person(
    ctx: &Context<'_>,
    end: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let rest = ctx.body.get(end..)?.strip_prefix(',')?;
    let name = &rest[..rest.find([',', '.', ';'])?];
    let m = ctx.gazetteer.resolve(name.trim(), local)?;
    is_person(&m).then_some(m)
}
