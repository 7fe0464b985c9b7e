//! Groups of unnamed sources referred back to: "the officials said", "the people added", "two of
//! the officials", "the agency's sources" after "Three officials briefed on the plan said …" are
//! that group, as the article first described it. Also "the reports" after "US media reported".

use super::*;

/// The plural head a phrase refers back to a group by ("the officials" -> "officials", "its
/// sources" -> "sources", "two of the diplomats" -> "diplomats"), or None for any other phrase
/// ("three sources familiar with the talks" introduces a group; it refers to none).
pub(super) fn referring_head(phrase: &str) -> Option<String> {
    let folded = crate::text::fold_str(phrase.trim());
    let words: Vec<&str> = folded.split_whitespace().collect();
    let (&head, openers) = words.split_last()?;
    let g = &grammar().resolve;
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with('\u{2019}') || w.ends_with("s'");
    let refers = openers
        .iter()
        .any(|w| ["the", "these", "those", "its", "their", "both"].contains(w) || possessive(w));
    // "one of the sources", "another of the officials": a member speaks for the group
    let openers = match openers {
        [one, rest @ ..] if ["one", "another", "each"].contains(one) => rest,
        _ => openers,
    };
    let all_openers = openers.iter().enumerate().all(|(i, w)| {
        g.group_openers.contains(w)
            // "the agency's sources", "Axios's sources": a medium's
            || (possessive(w) && i + 1 == openers.len())
    });
    (refers && all_openers && openers.len() <= 4 && g.source_groups.contains(head))
        .then(|| head.to_string())
}

/// The head words of an unnamed source's name, before what it knows or where it sits
/// ("three sources familiar with the matter" -> "three sources").
fn head_words(name: &str) -> Vec<String> {
    let stops = [
        "who", "that", "which", "familiar", "briefed", "close", "with", "in", "on", "from", "at",
        "to", "involved", "of",
    ];
    name.to_lowercase()
        .split_whitespace()
        .take_while(|w| !stops.contains(w))
        .map(str::to_string)
        .collect()
}

/// The group of unnamed sources that spoke before (or that the article introduced) whose head
/// is `head`; a generic head ("the sources", "the people") takes any group of generic sources.
pub(super) fn group_before(
    head: &str,
    s: &Speaker,
    (body, at): (&str, usize),
    before: &[(Candidate, Option<Speaker>, String)],
    mentions: &[NameMention],
) -> Option<Speaker> {
    let g = &grammar().resolve;
    let generic = g.source_generic.contains(head);
    let fits = |x: &&Speaker| {
        // a bare "Officials" describes nobody
        let bare = x.name.to_lowercase();
        if x.kind != SpeakerKind::Unnamed || bare == s.name.to_lowercase() || bare == head {
            return false;
        }
        let words = head_words(&x.name);
        words.iter().any(|w| {
            w == head || (generic && g.source_generic.contains(w.as_str()))
            // "the officials" after "a senior US official" and "a second official"
            || format!("{w}s") == head
        })
    };
    if let Some(spoke) = before
        .iter()
        .rev()
        .filter_map(|(_, sp, _)| sp.as_ref())
        .find(fits)
    {
        return Some(fullest(spoke, before));
    }
    // one the entity table found ("three sources"), in the fuller words of the text ("three
    // sources familiar with the matter"), else one the text introduced in passing
    let in_text = introduced_before(body, head, at);
    let named = mentions
        .iter()
        .rev()
        .filter(|m| m.pos < at)
        .map(|m| &m.speaker)
        .find(fits);
    match (named, in_text) {
        (Some(n), Some(t)) if t.name.to_lowercase().starts_with(&n.name.to_lowercase()) => Some(t),
        (Some(n), _) => Some(fullest(n, before)),
        (None, t) => t,
    }
}

/// A group the article introduced in passing, in the 1,200 characters before `at` ("…,
/// citing three people familiar with the talks. The people said …"): a count and the head, up
/// to the end of the clause and at most eight words, as the article words it.
fn introduced_before(body: &str, head: &str, at: usize) -> Option<Speaker> {
    let from = body.floor_char_boundary(at.saturating_sub(1200));
    let text = body.get(from..at)?;
    let lower = text.to_lowercase();
    let counts = grammar().entities.indefinite.iter().collect::<Vec<_>>();
    let g = &grammar().resolve;
    // "one of the sources" after "citing four people familiar with the plans"
    let heads: Vec<&str> = if g.source_generic.contains(head) {
        g.source_generic.iter().collect()
    } else {
        vec![head]
    };
    let start = counts
        .iter()
        .flat_map(|c| heads.iter().map(move |h| format!(" {c} {h}")))
        .filter_map(|p| lower.rfind(&p).map(|i| i + 1))
        .max()?;
    let rest = &text[start..];
    let end = rest
        .find([',', '.', ';', ':', '(', '\n'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end]
        .split_whitespace()
        .take_while(|w| !["said", "told", "say", "says", "added"].contains(w))
        .collect();
    if words.len() > 8 {
        return None;
    }
    let name = words.join(" ");
    Some(Speaker {
        slug: crate::text::slugify(&name),
        name,
        kind: SpeakerKind::Unnamed,
        known: false,
    })
}

/// The group as the article first described it: "Two sources" (the entity table's cut) is
/// "Two sources close to the presidential administration" when that spoke before.
pub(super) fn fullest(x: &Speaker, before: &[(Candidate, Option<Speaker>, String)]) -> Speaker {
    let prefix = format!("{} ", x.name.to_lowercase());
    before
        .iter()
        .filter_map(|(_, sp, _)| sp.as_ref())
        .find(|y| y.kind == SpeakerKind::Unnamed && y.name.to_lowercase().starts_with(&prefix))
        .unwrap_or(x)
        .clone()
}

/// The named medium that reported in the 1,500 characters before `at` ("US media reported
/// … According to the reports, …"; "Axios reported … The plan reportedly also …").
pub(super) fn media_just_before(
    before: &[(Candidate, Option<Speaker>, String)],
    at: usize,
) -> Option<Speaker> {
    medium_just_before(before, at, false)
}

/// The medium that reported last, within 1,500 bytes before `at`: a named one, or with
/// `generic` also the media at large ("Media reports said … The draft reportedly caps …").
/// A description in lowercase words ("media outlets") names no medium.
pub(super) fn medium_just_before(
    before: &[(Candidate, Option<Speaker>, String)],
    at: usize,
    generic: bool,
) -> Option<Speaker> {
    let named = |sp: &Speaker| sp.slug != "media-reports" && sp.name.contains(char::is_uppercase);
    before
        .iter()
        .rev()
        .take_while(|(c, _, _)| c.span.start + 1500 >= at)
        .filter_map(|(_, sp, _)| sp.as_ref())
        .find(|sp| sp.kind == SpeakerKind::Media && (generic || named(sp)))
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::referring_head;

    #[test]
    fn a_definite_or_possessive_plural_refers_back_and_a_new_group_does_not() {
        assert_eq!(
            referring_head("The officials").as_deref(),
            Some("officials")
        );
        assert_eq!(
            referring_head("two of the sources").as_deref(),
            Some("sources")
        );
        assert_eq!(
            referring_head("the agency's sources").as_deref(),
            Some("sources")
        );
        assert_eq!(referring_head("The people").as_deref(), Some("people"));
        assert_eq!(
            referring_head("three sources familiar with the talks"),
            None
        );
        assert_eq!(referring_head("two officials"), None);
        assert_eq!(referring_head("the senators"), None);
    }
}
