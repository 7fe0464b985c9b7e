//! An article about a counter-draft ("Three capitals send Washington a counter-proposal"):
//! what "the text", "the draft" or "it" provides there is that draft's, spoken for its
//! drafters; a subject naming the US plan ("the American plan", "the 28-point plan") stays the
//! plan's, in the article's own voice.

use super::*;
use crate::model::Speaker;

/// Rules of the article's own account of a document, by the document as subject.
const DOCUMENT_RULES: [&str; 2] = ["the plan says", "document as subject"];

/// Nouns that name a document without saying whose ("the text", "it").
const GENERIC: [&str; 7] = [
    "it", "text", "draft", "document", "proposal", "version", "paper",
];

/// Gives the statements of a counter-draft's own content to its drafters, when the title or the
/// first paragraph names a counter-draft; the plan's content told after one of them in its
/// paragraph ("It maintains that … Reconstruction would be financed through …") is the draft's
/// too.
pub(super) fn counter_draft(ctx: &Context<'_>, out: &mut [Candidate]) {
    let Some(authors) = drafters(ctx) else {
        return;
    };
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].span.start);
    let mut drafted_para = None;
    for i in order {
        let c = &mut out[i];
        if c.mention.is_some() {
            // ("The European text keeps …" already speaks for its side)
            if c.rule == "document of its authors" {
                drafted_para = Some(c.para);
            }
            continue;
        }
        let goes_on = c.rule == "plan content" && drafted_para == Some(c.para);
        let own = DOCUMENT_RULES.contains(&c.rule)
            && c.speaker_span.clone().is_some_and(|r| {
                let np = ctx.body.get(r.clone()).unwrap_or("");
                let rest = ctx.body.get(r.end..c.span.end).unwrap_or("");
                of_the_counter_draft(ctx, np) && !names_the_us_plan(ctx, rest)
            });
        if own || goes_on {
            c.mention = Some(Mention::Speaker(authors.clone(), None));
            c.kind = Kind::Paraphrase;
            c.rule = "counter-draft of its drafters";
            drafted_para = Some(c.para);
        }
    }
}

/// The drafters of the counter-draft the title or the first paragraph names.
fn drafters(ctx: &Context<'_>) -> Option<Speaker> {
    let first = ctx.paragraphs.first().and_then(|r| ctx.body.get(r.clone()));
    let opening = format!("{} {}", ctx.title.unwrap_or(""), first.unwrap_or(""));
    if !names_counter(&opening) {
        return None;
    }
    // its side, from the words right before its noun, the title first ("European
    // counterproposal to US plan")
    let origin = [ctx.title.unwrap_or(""), first.unwrap_or("")]
        .iter()
        .find_map(|t| side_before_counter(ctx, t))
        .unwrap_or_default();
    // the places named drafting it ("Britain, France and Germany have drafted"), else a group
    // of its side ("European governments"), else the side
    ctx.gazetteer
        .authors(ctx.body, "")
        .or_else(|| ctx.gazetteer.authors(ctx.body, &origin))
        .or_else(|| ctx.gazetteer.side(&origin))
}

/// The side named in the two words before the first counter-draft `text` names ("the
/// European counter-proposal" -> "European").
fn side_before_counter(ctx: &Context<'_>, text: &str) -> Option<String> {
    let folded = fold_str(text).replace("counter ", "counter-");
    let ws: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let at = ws
        .iter()
        .position(|w| grammar().statements.counter_documents.contains(*w))?;
    ctx.gazetteer
        .document_origin(&ws[at.saturating_sub(2)..at].join(" "))
}

/// Whether `text` names a counter-draft (`[statements] counter_documents`), in one word or two.
fn names_counter(text: &str) -> bool {
    // "a counter proposal", written in two words
    fold_str(text)
        .replace("counter ", "counter-")
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| grammar().statements.counter_documents.contains(w))
}

/// Whether `text` names a document of the US ("… unlike the American draft, which caps …").
fn names_the_us_plan(ctx: &Context<'_>, text: &str) -> bool {
    ctx.gazetteer.document_origins(text).iter().any(|o| us(o))
}

fn us(origin: &str) -> bool {
    ["US", "White House"].contains(&origin)
}

/// Whether a document subject is the counter-draft: it names it, or its side ("the European
/// text"), or names no side in a word or two ("the draft", "it"); not when it names the US.
fn of_the_counter_draft(ctx: &Context<'_>, np: &str) -> bool {
    let origins = ctx.gazetteer.document_origins(np);
    if origins.iter().any(|o| us(o)) {
        return false;
    }
    if names_counter(np) || !origins.is_empty() {
        return true;
    }
    let folded = fold_str(np);
    let ws: Vec<&str> = folded.split_whitespace().collect();
    ws.len() <= 2 && ws.last().is_some_and(|w| GENERIC.contains(w))
}

#[cfg(test)]
mod tests {
    use super::names_counter;
    use crate::ingest::statements::tests::texts;

    #[test]
    fn a_counter_draft_is_named_in_one_word_or_two() {
        assert!(names_counter("a 28-point counter proposal to the plan"));
        assert!(names_counter("Europe's counter-draft"));
        assert!(!names_counter("Europe counters the plan"));
    }

    #[test]
    fn a_counter_draft_speaks_for_its_drafters_and_the_us_plan_stays_the_plan() {
        let got = texts(
            "Nordic states table counter-proposal to US peace plan\n\nNorway, Sweden and Finland have sent Washington their own counter-proposal to the 28-point plan, diplomats in Oslo said.\n\nThe text keeps Ukraine's army at 800,000 troops in peacetime. It also leaves the door to NATO open. Frozen Russian assets would stay frozen until Kyiv is compensated.\n\nThe original US plan, by contrast, caps Ukraine's army at 600,000 troops.",
        );
        let by = |words: &str| {
            got.iter()
                .find(|(_, t)| t.contains(words))
                .map(|(n, _)| n.clone())
        };
        let drafters = Some(Some("Norway, Sweden and Finland".to_string()));
        assert_eq!(by("800,000"), drafters, "{got:?}");
        assert_eq!(by("door to NATO"), drafters, "{got:?}");
        // the plan's content told after the draft's in its paragraph
        assert_eq!(by("stay frozen"), drafters, "{got:?}");
        assert_eq!(by("600,000"), Some(None), "{got:?}");
    }

    #[test]
    fn the_drafts_content_after_its_sided_text_goes_on_for_the_drafters() {
        let got = texts(
            "Nordic states table counter-proposal to US peace plan\n\nNorway, Sweden and Finland have sent Washington their own counter-proposal to the 28-point plan, diplomats in Oslo said.\n\nThe Nordic text keeps Ukraine's army at 800,000 troops in peacetime. Frozen Russian assets would stay frozen until Kyiv is compensated.",
        );
        let frozen = got.iter().find(|(_, t)| t.contains("stay frozen"));
        assert_eq!(
            frozen.and_then(|(n, _)| n.as_deref()),
            Some("Norway, Sweden and Finland"),
            "{got:?}"
        );
    }

    #[test]
    fn an_article_that_names_no_counter_draft_keeps_the_text_in_its_own_voice() {
        let got = texts(
            "Allies weigh US peace plan\n\nNorway, Sweden and Finland discussed the 28-point peace plan in Oslo.\n\nThe text keeps Ukraine's army at 600,000 troops in peacetime.",
        );
        let army = got.iter().find(|(_, t)| t.contains("600,000"));
        assert_eq!(army.map(|(n, _)| n.clone()), Some(None), "{got:?}");
    }
}
