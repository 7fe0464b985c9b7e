//! Sieve 1: lists of the plan's points, one report per item.

use super::*;

/// Sieve 1: "According to the plan:" followed by one item per paragraph.
pub(super) fn find_lists(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> HashSet<usize> {
    let mut used = HashSet::new();
    let mut p = 0;
    while p < ctx.paragraphs.len() {
        let text = ctx.body[ctx.paragraphs[p].clone()].trim();
        let folded = fold_str(text);
        let header = text.ends_with(':') && folded.split_whitespace().count() <= 14 && {
            let ws: Vec<&str> = folded.trim_end_matches(':').split_whitespace().collect();
            let doc_word = ws.iter().any(|w| {
                [
                    "plan",
                    "document",
                    "draft",
                    "proposal",
                    "text",
                    "framework",
                    "memorandum",
                    "points",
                ]
                .contains(w)
            });
            doc_word
                && (folded.starts_with("according to")
                    || folded.starts_with("under")
                    || ws.iter().any(|w| {
                        [
                            "includes",
                            "include",
                            "envisages",
                            "provides",
                            "says",
                            "states",
                            "stipulates",
                            "proposes",
                            "contains",
                            "following",
                        ]
                        .contains(w)
                    }))
        };
        if !header {
            p += 1;
            continue;
        }
        // "According to Bloomberg, the plan includes:" -> the medium is the speaker
        let mention = text
            .strip_prefix("According to ")
            .and_then(|rest| rest.split(',').next())
            .filter(|np| !np.ends_with(':'))
            .and_then(|np| ctx.gazetteer.resolve(np, local))
            .filter(|m| !matches!(m, Mention::Document));
        used.insert(p);
        let mut q = p + 1;
        while q < ctx.paragraphs.len() && q <= p + 15 {
            let r = ctx.paragraphs[q].clone();
            let item = ctx.body[r.clone()].trim_end();
            let item = item.trim_start_matches(['-', '*', '\u{2022}', ' ']);
            let start = r.end - item.len();
            let sentence = ctx
                .seg
                .sentences
                .iter()
                .position(|s| s.para == q)
                .unwrap_or(0);
            out.push(Candidate {
                kind: Kind::Report,
                span: start..r.end,
                sentence,
                para: q,
                mention: mention.clone(),
                speaker_span: None,
                verb: None,
                rule: "list item",
                confidence: 0.85,
                floating: false,
            });
            used.insert(q);
            q += 1;
            if !item.ends_with(';') && !item.ends_with(',') {
                break;
            }
        }
        p = q;
    }
    used
}
