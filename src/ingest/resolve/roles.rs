//! Role nouns and texts that speak for someone: the holder of "the minister", the appositive
//! title after a known name, whoever issued "the statement", and the person a medium only
//! relays.

use super::*;

/// The appositive right after a name, folded: "…, foreign policy adviser to the president,"
/// -> "foreign policy adviser to the president" (up to eight words).
pub(in crate::ingest) fn title_after(text: &str) -> String {
    let Some(rest) = text.strip_prefix(',') else {
        return String::new();
    };
    let end = rest.find([',', '.', ';', ':', '(']).unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(9).collect();
    if words.len() > 8 {
        return String::new();
    }
    crate::text::fold_str(&words.join(" "))
}

/// The holder of a role named alone, last named before `pos`.
pub(in crate::ingest) fn role_holder(
    words: &[String],
    side: &[String],
    persons: bool,
    pos: usize,
    holders: &[RoleHolder],
) -> Option<Speaker> {
    // "russian" fits a title with "russia", "ukrainian" one with "ukraine"
    let same_side = |t: &str| {
        side.iter().any(|w| {
            let common = w.chars().zip(t.chars()).take_while(|(a, b)| a == b).count();
            w == t || common >= 5
        })
    };
    holders
        .iter()
        .rev()
        .filter(|h| h.pos < pos || h.pos == 0)
        .filter(|h| (h.speaker.kind == SpeakerKind::Person) == persons)
        .filter(|h| side.is_empty() || h.title.split_whitespace().any(same_side))
        .find(|h| {
            words.iter().any(|w| {
                let w = format!(" {w} ");
                // a vice president is not "the president", a former minister not "the minister"
                h.title.match_indices(&w).any(|(i, _)| {
                    !["vice", "former", "ex"]
                        .iter()
                        .any(|q| h.title[..i].ends_with(&format!(" {q}")))
                })
            })
        })
        .map(|h| h.speaker.clone())
}

/// "the joint statement said" after "A joint statement released by Washington said": the
/// speaker found for the last statement whose speaker phrase named the same kind of document
/// (`noun`), however far before.
pub(super) fn same_document_before(
    body: &str,
    noun: &str,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    before
        .iter()
        .rev()
        .filter(|(p, s, _)| {
            s.is_some()
                && p.speaker_span
                    .as_ref()
                    .and_then(|r| body.get(r.clone()))
                    .is_some_and(|phrase| {
                        crate::text::fold_str(phrase)
                            .split(|ch: char| !ch.is_alphanumeric())
                            .any(|w| w == noun)
                    })
        })
        .find_map(|(_, s, _)| s.clone())
}

/// The speaker (not a medium) of the latest statement in `c`'s paragraph or the two before.
pub(super) fn issuer_before(
    c: &Candidate,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    before
        .iter()
        .rev()
        .take_while(|(p, _, _)| p.para + 2 >= c.para)
        .filter_map(|(_, s, _)| s.as_ref())
        .find(|s| s.kind != SpeakerKind::Media)
        .cloned()
}

/// The person or unnamed source of the quote right before `c` in its paragraph.
pub(super) fn quoted_before(
    c: &Candidate,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    let (p, s, _) = before.last()?;
    let s = s.as_ref()?;
    (p.kind == Kind::Quote
        && p.para == c.para
        && matches!(s.kind, SpeakerKind::Person | SpeakerKind::Unnamed))
    .then(|| s.clone())
}
