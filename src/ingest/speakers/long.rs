//! Speaker phrases too long or too clausal for the other shapes: a name ending a long title
//! ("Former foreign ministry secretary general and security expert Rainer Saks"), an unnamed
//! source with its body named after it ("an official of the Office of the President of
//! Ukraine"), and the subject of a second clause ("… is unlikely to yield and Zelensky also").

use super::*;
use crate::grammar::grammar;

impl Gazetteer {
    /// "The Kremlin is unlikely to yield and Zelensky also": after a clause, the subject of the
    /// clause the last "and" or "but" opens (up to four words, itself no clause).
    pub(super) fn second_clause_subject(
        &self,
        np: &str,
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let at = np.rfind(" and ").or_else(|| np.rfind(" but "))?;
        // the words before hold a verb: a clause, not a list ("leaders of Canada and Japan")
        let verb = np[..at].split_whitespace().any(|w| {
            [
                "is", "are", "was", "were", "has", "have", "had", "will", "would", "must",
                "should", "can", "could", "may", "might",
            ]
            .contains(&fold_str(w).as_str())
        });
        // a preposition's object goes on over "and" ("defended a proposal for Russia and
        // Ukraine"): no clause opens there
        let before: Vec<String> = np[..at].split_whitespace().map(fold_str).collect();
        let object = before.len() >= 2 && {
            let g = &grammar().speakers;
            let p = before[before.len() - 2].as_str();
            g.prepositions.contains(p) || g.adjunct_prepositions.contains(p)
        };
        if !verb || object {
            return None;
        }
        let tail = np[at..].trim_start();
        let tail = after_conjunction(tail)?;
        let words: Vec<String> = tail.split_whitespace().map(fold_str).collect();
        let clause = words
            .iter()
            .any(|w| grammar().speakers.stop.contains(w.as_str()));
        if words.len() > 4 || clause {
            return None;
        }
        self.resolve(tail, local)
    }

    /// "Former foreign ministry secretary general and security expert Rainer Saks": a person the
    /// article or the speaker list names, ending a title too long for the other shapes.
    pub(super) fn person_ending(
        &self,
        np: &str,
        folded: &str,
        local: &[(String, Speaker)],
    ) -> Option<Mention> {
        // a title holds no clause ("… guarantee that President X") and no dateline ("KYIV -")
        let clause = np.split_whitespace().any(|t| {
            t.chars().all(|c| !c.is_alphanumeric())
                || grammar()
                    .speakers
                    .stop
                    .contains(fold_str(t.trim_matches(|c: char| !c.is_alphanumeric())).as_str())
        });
        if clause {
            return None;
        }
        if let Some(s) = shape::entity_at_end(np, folded, local) {
            return Some(Mention::Speaker(s, None));
        }
        let end = folded
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len();
        self.find(folded)
            .into_iter()
            .find(|h| h.speaker.kind == SpeakerKind::Person && !h.title && h.end == end)
            .map(|h| Mention::Speaker(h.speaker, h.gender))
    }

    /// "an official of the Office of the President of Ukraine": an unnamed source among the
    /// first four words of a phrase too long for any other shape, its body named after it.
    pub(super) fn long_unnamed(&self, np: &str, folded: &str, words: &[&str]) -> Option<Mention> {
        let clean = clean_words(words);
        let head_early = clean.iter().take(4).any(|w| self.is_unnamed_head(w));
        let stop = clean
            .iter()
            .any(|w| grammar().speakers.stop.contains(w.as_str()));
        if words.len() > 12 || !head_early || stop {
            return None;
        }
        let hits: Vec<NameHit> = self
            .find(folded)
            .into_iter()
            .filter(|h| !folded[h.end..].starts_with('\''))
            .collect();
        self.unnamed_source(np, folded, &clean, &hits)
    }
}

/// The phrase after a leading "and", "but" or "or" (and any closing quote mark before it).
pub(in crate::ingest) fn after_conjunction(np: &str) -> Option<&str> {
    let t = np.trim_start_matches(|c: char| !c.is_alphanumeric());
    ["and ", "but ", "or "]
        .iter()
        .find_map(|c| t.strip_prefix(c))
        .filter(|rest| !rest.trim().is_empty())
}
