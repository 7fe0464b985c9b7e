//! Unnamed sources: "a senior US official" -> "unnamed US official", with the side its
//! adjectives or a body named in the phrase give, and no source when a person is named in it.

use super::*;
use crate::grammar::grammar;

impl Gazetteer {
    pub(super) fn unnamed_source(
        &self,
        np: &str,
        folded: &str,
        clean: &[String],
        hits: &[NameHit],
    ) -> Option<Mention> {
        let joined = clean.join(" ");
        let head_at = self
            .unnamed
            .iter()
            .filter_map(|u| find_word(&joined, u).map(|p| (p, u)))
            .min_by_key(|(p, _)| *p)?;
        let (at, head) = head_at;
        let head_word = joined[..at].split_whitespace().count();
        // a named person in the phrase makes the head a title ("Kremlin aide Yuri Ushakov");
        // possessives ("Zelensky's aide") were removed from `hits` by the caller; a person
        // after a preposition is what the source knows about ("officials familiar with the
        // Modi-Putin summit")
        let in_modifier = |h: &NameHit| {
            let w = folded[..h.start].split_whitespace().count();
            clean.get(head_word + 1..w).is_some_and(|between| {
                between
                    .iter()
                    .any(|x| grammar().speakers.prepositions.contains(x.as_str()))
            })
        };
        // a person's title that holds the head ("the EU's top diplomat") names that person
        let title_of_head = |h: &NameHit| {
            h.title
                && folded[..h.start].split_whitespace().count() <= head_word
                && folded[..h.end].split_whitespace().count() > head_word
        };
        if hits.iter().any(|h| {
            h.speaker.kind == SpeakerKind::Person
                && (!h.title && !in_modifier(h) || title_of_head(h))
        }) || names_follow(np, head)
        {
            return None;
        }
        // a nationality before the head wins over a place after it ("a European diplomat in
        // Brussels" is European, not also EU); a place alone gives the side ("a diplomat in
        // Brussels")
        let mut origins = self.origins_in(&clean[..head_word.min(clean.len())]);
        // what the source knows about is not its side ("a source familiar with the American
        // draft" is no US source)
        let known_about = clean
            .iter()
            .position(|w| grammar().speakers.knowledge_words.contains(w.as_str()))
            .unwrap_or(clean.len());
        if origins.is_empty() {
            origins = self.origins_in(&clean[..known_about]);
        }
        // a body named in the phrase gives the origin only when no adjective did
        // ("a member of the Ukrainian delegation" -> "unnamed Ukrainian official")
        if origins.is_empty() {
            for h in hits {
                // "an Axios source in the administration": the medium is the channel, not a
                // side; the side of the body's country ("an official of the Office of the
                // President of Ukraine" -> "unnamed Ukrainian official"), else the body's own name
                let side = self
                    .side_of_role(&h.role)
                    .unwrap_or_else(|| h.speaker.name.clone());
                if !matches!(h.speaker.kind, SpeakerKind::Person | SpeakerKind::Media)
                    && !origins.contains(&side)
                {
                    origins.push(side);
                }
            }
        }
        // "US officials" and "a US official" are one source type: the singular names both
        let noun = match head.trim_end_matches('s') {
            // the role of an unnamed source matters less than its side: one name for all
            "representative" | "official" | "member" | "adviser" | "advisor" | "insider" => {
                "official"
            }
            "person familiar" | "people familiar" => "source",
            other => other,
        };
        let canonical = if origins.is_empty() {
            format!("unnamed {noun}")
        } else {
            format!("unnamed {} {noun}", origins.join(" and "))
        };
        // several sources keep the words the article names them by ("Ukrainian officials",
        // "three sources familiar with the matter"), as annotators list them; "one of the
        // sources" is one source
        let one_of = clean.len() > 2 && clean[0] == "one" && clean[1] == "of";
        let plural = (head.ends_with('s') || head.starts_with("people")) && !one_of;
        let name = if plural && np.split_whitespace().count() <= 8 {
            // a phrase cut before its object leaves no dangling "familiar" / "close"
            let name = strip_determiner(np);
            let dangling = [
                "familiar", "close", "briefed", "involved", "with", "in", "on", "to",
            ];
            match name.rsplit_once(' ') {
                Some((head, last)) if dangling.contains(&last) => head.to_string(),
                _ => name,
            }
        } else {
            canonical
        };
        Some(unlisted(name, SpeakerKind::Unnamed))
    }

    /// The side the words of a known body's role and country give ("... of ukraine ukraine"
    /// -> "Ukrainian"): an origin key, or one sharing its first five letters with a word.
    fn side_of_role(&self, role: &str) -> Option<String> {
        role.split_whitespace().find_map(|w| {
            self.origins
                .iter()
                .find(|(k, _)| {
                    let common = k.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
                    k == w || common >= 5
                })
                .map(|(_, o)| o.clone())
        })
    }

    /// The sides named by the adjectives of `clean`, two-word ones first ("South Korean"
    /// before "Korean"), each once and in order.
    fn origins_in(&self, clean: &[String]) -> Vec<String> {
        let find = |w: &str| self.origins.iter().find(|(k, _)| k == w).map(|(_, o)| o);
        let mut origins: Vec<String> = Vec::new();
        let mut i = 0;
        while let Some(w) = clean.get(i) {
            let pair = clean.get(i + 1).and_then(|n| find(&format!("{w} {n}")));
            let (found, step) = match pair {
                Some(o) => (Some(o), 2),
                None => (find(w), 1),
            };
            if let Some(o) = found
                && !origins.contains(o)
            {
                origins.push(o.clone());
            }
            i += step;
        }
        origins
    }
}

/// "Senior official Anna Brix said", "Senator Wong told": a capitalised word right after the
/// head is a name the lists do not know (a day or a month is not), and the head is that
/// person's title, not an unnamed source.
fn names_follow(np: &str, head: &str) -> bool {
    let words: Vec<&str> = np
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let head_last = head.split_whitespace().last().unwrap_or(head);
    let Some(at) = words.iter().position(|w| fold_str(w) == head_last) else {
        return false;
    };
    words.get(at + 1).is_some_and(|w| {
        w.len() > 1
            && w.chars().next().is_some_and(char::is_uppercase)
            && !grammar().shape.time_words.contains(fold_str(w).as_str())
    })
}

/// "A State Department spokesperson", "a spokesman for the U.S. Army": a spokesperson the
/// article does not name is an unnamed source described by their body, "unnamed State
/// Department spokesperson", "unnamed US Army spokesman" (the title names a known holder only
/// with "the").
pub(super) fn unnamed_spokesperson(np: &str, hits: &[NameHit]) -> Option<Mention> {
    let words: Vec<&str> = np.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if !["a", "an"].contains(&bare(words.first()?).as_str())
        || hits
            .iter()
            .any(|h| h.speaker.kind == SpeakerKind::Person && !h.title)
    {
        return None;
    }
    let h = words
        .iter()
        .position(|w| grammar().speakers.person_heads.contains(bare(w).as_str()))?;
    let mut body: Vec<&str> = words[1..h].to_vec();
    // "a spokeswoman for the Chilean navy": the body after the head goes before it
    if let Some((first, rest)) = words[h + 1..].split_first()
        && ["for", "from", "of"].contains(&bare(first).as_str())
    {
        let rest = match rest.split_first() {
            Some((the, rest)) if bare(the) == "the" => rest,
            _ => rest,
        };
        body.extend(rest);
    }
    let body: Vec<&str> = body
        .into_iter()
        .map(|w| match w {
            "U.S." => "US",
            "U.K." => "UK",
            other => other,
        })
        .collect();
    let head = words[h].trim_matches(|c: char| !c.is_alphanumeric());
    let name = if body.is_empty() {
        format!("unnamed {head}")
    } else {
        format!("unnamed {} {head}", body.join(" "))
    };
    Some(unlisted(name, SpeakerKind::Unnamed))
}
