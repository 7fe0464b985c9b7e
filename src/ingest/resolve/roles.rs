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
/// True when a title names one of the side's words: "russian" fits a title with "russia",
/// "ukrainian" one with "ukraine".
fn of_side(title: &str, side: &[String]) -> bool {
    title.split_whitespace().any(|t| {
        side.iter().any(|w| {
            let common = w.chars().zip(t.chars()).take_while(|(a, b)| a == b).count();
            w == t || common >= 5
        })
    })
}

pub(in crate::ingest) fn role_holder(
    words: &[String],
    side: &[String],
    persons: bool,
    pos: usize,
    holders: &[RoleHolder],
) -> Option<Speaker> {
    let fits = |title: &str| {
        words.iter().any(|w| {
            let w = format!(" {w} ");
            // a vice president is not "the president", a former minister not "the minister"
            title.match_indices(&w).any(|(i, _)| {
                !["vice", "former", "ex"]
                    .iter()
                    .any(|q| title[..i].ends_with(&format!(" {q}")))
            })
        })
    };
    let eligible = || {
        holders
            .iter()
            .rev()
            .filter(|h| h.pos < pos || h.pos == 0)
            .filter(|h| (h.speaker.kind == SpeakerKind::Person) == persons)
            .filter(|h| side.is_empty() || of_side(&h.title, side))
    };
    // the last one the article itself titled so ("President Zelensky … the president"), else
    // the last whose role the speaker list gives
    eligible()
        .find(|h| fits(&h.written))
        .or_else(|| eligible().find(|h| fits(&h.title)))
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

/// The persons of the speaker list as holders of their offices ("President of Finland"), and
/// the country the article's publisher is based in: for a role named alone that no one in the
/// article holds ("The Prime Minister said …" in a government readout).
pub(in crate::ingest) struct Offices<'a> {
    /// Each person's first role phrase and country, folded and spaced (" president of
    /// finland finland "), at position 0.
    pub(in crate::ingest) holders: &'a [RoleHolder],
    /// The publisher's country, folded and spaced.
    pub(in crate::ingest) home: Option<String>,
    /// The words of a side ("us" -> "us", "u.s.", "american", "usa", …).
    pub(in crate::ingest) gazetteer: &'a crate::ingest::speakers::Gazetteer,
}

impl Offices<'_> {
    /// False when the description names a side ("the US official": "us") and every title the
    /// article or the speaker list gives `person` is of another one: "the US official said"
    /// right after Zelensky spoke is not Zelensky.
    pub(in crate::ingest) fn may_be(
        &self,
        person: &Speaker,
        description: &[String],
        article: &[RoleHolder],
    ) -> bool {
        let side = self.gazetteer.side_words(description);
        let mut titles = article
            .iter()
            .chain(self.holders)
            .filter(|h| h.speaker.slug == person.slug)
            .peekable();
        side.is_empty() || titles.peek().is_none() || titles.any(|h| of_side(&h.title, &side))
    }

    /// The one office holder whose role starts with the role's words, of the side the phrase
    /// names ("the Russian foreign minister") or else of the publisher's country; none when
    /// neither is known or several fit ("the minister").
    pub(in crate::ingest) fn holder(&self, words: &[String], side: &[String]) -> Option<Speaker> {
        let home = self.home.as_deref().filter(|_| side.is_empty());
        // by the publisher's country only an office one person holds ("the president")
        let one_holder = words
            .first()
            .is_some_and(|w| grammar().resolve.home_offices.contains(w.as_str()));
        if side.is_empty() && !(home.is_some() && one_holder) {
            return None;
        }
        let mut found = self.holders.iter().filter(|h| {
            words.iter().any(|w| h.title.starts_with(&format!(" {w} ")))
                && match home {
                    Some(c) => h.title.ends_with(&format!(" {c} ")),
                    None => role_holder(words, side, true, 1, std::slice::from_ref(h)).is_some(),
                }
        });
        let first = found.next()?;
        found.next().is_none().then(|| first.speaker.clone())
    }
}

/// A person's office as a holder: the role up to its first ';', ',' or '(' and the country.
pub(in crate::ingest) fn office(entry: &crate::catalog::SpeakerEntry) -> Option<RoleHolder> {
    let role = entry
        .role
        .split([';', ',', '('])
        .next()
        .unwrap_or("")
        .trim();
    if entry.kind != "person" || role.is_empty() || entry.country.is_empty() {
        return None;
    }
    let fold = |t: &str| spaced(&crate::text::fold_str(t));
    Some(RoleHolder {
        pos: 0,
        written: String::new(),
        title: format!(
            " {} {} {} ",
            fold(role),
            fold(&entry.organisation),
            fold(&entry.country)
        ),
        speaker: Speaker {
            name: entry.name.clone(),
            slug: entry.slug.clone(),
            kind: SpeakerKind::Person,
            known: true,
        },
    })
}
