//! The entity table of an article, built before attribution (after Muzny et al. 2017: quote ->
//! mention -> entity): every person the article names, also where no speech verb follows
//! ("Former committee chair Tom Reyes met the envoys on Monday."), so that a later surname
//! alone, a pronoun or a role noun ("the chair") resolves to them. Known people, bodies and
//! media come from the gazetteer (`resolve::Names`); this module adds the new people:
//! a run of two or three capitalised name words whose first word is a known first name
//! (`seeds/forenames.toml`), or that follows an honorific or a title word ("Senator", "aide").
//! Gender comes from the honorific, else from the first-name lists.

use std::collections::HashSet;
use std::ops::Range;

use super::sentences::Segmented;
use super::speakers::{Gazetteer, Gender, Mention};
use crate::catalog::Forenames;
use crate::grammar::grammar;
use crate::model::{Speaker, SpeakerKind};
use crate::text::{fold_str, slugify};

/// A new person named in the article.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Byte offset of the name in the body.
    pub pos: usize,
    /// Paragraph index.
    pub para: usize,
    /// The person.
    pub speaker: Speaker,
    /// From the honorific or the first name.
    pub gender: Option<Gender>,
    /// The words of their title, before the name and in an appositive after it, folded.
    pub title: String,
}

/// Compiled first-name lists and title words.
#[derive(Debug)]
pub struct People {
    male: HashSet<String>,
    female: HashSet<String>,
    honorific_male: HashSet<String>,
    honorific_female: HashSet<String>,
    titles: HashSet<String>,
    not_name: HashSet<String>,
}

/// A word of a sentence with its byte range in the body.
struct Tok<'a> {
    start: usize,
    raw: &'a str,
    bare: &'a str,
}

impl People {
    /// Compiles the lists.
    pub fn new(f: &Forenames, not_name: &[String]) -> Self {
        let set = |v: &[String]| v.iter().map(|s| fold_str(s)).collect::<HashSet<_>>();
        Self {
            male: set(&f.male),
            female: set(&f.female),
            honorific_male: set(&f.honorifics_male),
            honorific_female: set(&f.honorifics_female),
            titles: set(&f.title_words),
            not_name: set(not_name),
        }
    }

    fn is_name_word(&self, bare: &str) -> bool {
        let mut chars = bare.chars();
        chars.next().is_some_and(char::is_uppercase)
            && bare.chars().skip(1).any(char::is_lowercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && !self.not_name.contains(&fold_str(bare))
    }

    /// The new people named outside quotes, in order; `known` are the byte ranges of names the
    /// gazetteer knows (left to it).
    pub fn find(&self, body: &str, seg: &Segmented, known: &[Range<usize>]) -> Vec<Entity> {
        let mut out = Vec::new();
        let speaking = self.speaking_surnames(body, seg);
        for s in &seg.sentences {
            let toks = tokens(body, s.span.clone());
            let mut i = 0;
            while i < toks.len() {
                match self.name_at(&toks, i, &speaking) {
                    Some((len, gender)) => {
                        let pos = toks[i].start;
                        let end = toks[i + len - 1].start + toks[i + len - 1].bare.len();
                        let overlaps = known.iter().any(|r| r.start < end && pos < r.end);
                        if !overlaps && !seg.in_quote(pos) {
                            out.push(self.entity(&toks, i, len, gender, s.para));
                        }
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    /// The folded name words that speak alone somewhere in the article, outside quotes:
    /// "Chapman said", "said Chapman". A run of name words ending in one of them is a person
    /// even when the first name is on no list ("Anastasiia Chapman moved to the US …").
    fn speaking_surnames(&self, body: &str, seg: &Segmented) -> HashSet<String> {
        let verbs = &grammar().statements.communication_verbs;
        let mut out = HashSet::new();
        for s in &seg.sentences {
            let toks = tokens(body, s.span.clone());
            for pair in toks.windows(2) {
                let [a, b] = pair else { continue };
                if seg.in_quote(a.start) || a.raw.ends_with([',', '.', ';', ':', ')']) {
                    continue;
                }
                // (folding only around a name word: this reads every word of the article)
                if self.is_name_word(a.bare) {
                    if verbs.contains(fold_str(b.bare).as_str()) {
                        out.insert(fold_str(a.bare));
                    }
                } else if b.raw.ends_with(['.', ','])
                    && self.is_name_word(b.bare)
                    && grammar()
                        .entities
                        .inverted_verbs
                        .contains(fold_str(a.bare).as_str())
                {
                    out.insert(fold_str(b.bare));
                }
            }
        }
        out.retain(|w| !self.titles.contains(w));
        out
    }

    /// A name of two or three words starting at token `i`, with the gender it gives.
    fn name_at(
        &self,
        toks: &[Tok],
        i: usize,
        speaking: &HashSet<String>,
    ) -> Option<(usize, Option<Gender>)> {
        if !self.is_name_word(toks[i].bare) {
            return None;
        }
        let mut len = 1;
        let mut particles = 0;
        loop {
            // "John E. Herbst": a middle initial after the first name goes on with it
            let initial = toks.get(i + len).is_some_and(|t| {
                t.raw.len() == 2 && t.raw.ends_with('.') && t.raw.starts_with(char::is_uppercase)
            });
            if len == 1
                && initial
                && !toks[i].raw.ends_with([',', '.', ';', ':', ')'])
                && toks
                    .get(i + 2)
                    .is_some_and(|t| self.is_name_word(t.bare) && t.bare.len() > 1)
            {
                len += 2;
                continue;
            }
            // "Jan de Vries": one or two particles before a name word go on with the name
            let run = self.particles_at(toks, i + len);
            let goes_on = len < 3 + particles
                && !toks[i + len - 1].raw.ends_with([',', '.', ';', ':', ')'])
                && toks.get(i + len + run).is_some_and(|t| {
                    // "Marko Mihkel (Reform)": a party in brackets is no part of the name
                    self.is_name_word(t.bare) && t.bare.len() > 1 && !t.raw.starts_with('(')
                });
            if !goes_on {
                break;
            }
            len += run + 1;
            particles += run;
        }
        let first = fold_str(toks[i].bare);
        // "De Vries said" after "Jan de Vries": a surname with its particle, no new name;
        // "Taoiseach Micheal Martin": a title opens no name (the name after it is titled)
        if len < 2
            || grammar().entities.name_particles.contains(first.as_str())
            || self.titles.contains(&first)
        {
            return None;
        }
        let before = i
            .checked_sub(1)
            .map(|j| fold_str(toks[j].bare.trim_end_matches('.')));
        let before = before.as_deref().unwrap_or("");
        let gender = if self.honorific_male.contains(before) {
            Some(Gender::Male)
        } else if self.honorific_female.contains(before) {
            Some(Gender::Female)
        } else if self.male.contains(&first) {
            Some(Gender::Male)
        } else if self.female.contains(&first) {
            Some(Gender::Female)
        } else {
            None
        };
        // "senators Ada Kline and …": a plural title names each person after it
        let titled = self.titles.contains(before)
            || before
                .strip_suffix('s')
                .is_some_and(|b| self.titles.contains(b));
        let speaks = speaking.contains(&fold_str(toks[i + len - 1].bare));
        (gender.is_some() || titled || speaks || self.title_follows(toks, i + len))
            .then_some((len, gender))
    }

    /// The number of name particles at token `at` ("de", "von der"), at most two.
    fn particles_at(&self, toks: &[Tok], at: usize) -> usize {
        let particle = |k: usize| {
            toks.get(k).is_some_and(|t| {
                t.raw == t.bare && grammar().entities.name_particles.contains(t.bare)
            })
        };
        (0..2).take_while(|&j| particle(at + j)).count()
    }

    /// True when an appositive with a title word follows the name at `at`, past a party in
    /// brackets ("Marko Mihkel (Reform), chair of the foreign affairs committee, …").
    fn title_follows(&self, toks: &[Tok], at: usize) -> bool {
        let mut k = at;
        if toks.get(k).is_some_and(|t| t.raw.starts_with('(')) {
            while toks.get(k).is_some_and(|t| !t.raw.contains(')')) {
                k += 1;
            }
            k += 1;
        }
        let comma = k
            .checked_sub(1)
            .and_then(|j| toks.get(j))
            .is_some_and(|t| t.raw.ends_with(','));
        comma
            && toks[k.min(toks.len())..]
                .iter()
                .take(4)
                .any(|t| self.titles.contains(&fold_str(t.bare)))
    }

    fn entity(
        &self,
        toks: &[Tok],
        i: usize,
        len: usize,
        gender: Option<Gender>,
        para: usize,
    ) -> Entity {
        // (a middle initial keeps its full stop: "John E. Herbst")
        let name = toks[i..i + len]
            .iter()
            .map(|t| if t.bare.len() == 1 { t.raw } else { t.bare })
            .collect::<Vec<_>>()
            .join(" ");
        // the title: the words before the name back to a comma, and an appositive after it
        let mut title: Vec<&str> = Vec::new();
        for t in toks[..i].iter().rev().take(6) {
            if t.raw.ends_with([',', '.', ';', ':']) {
                break;
            }
            title.push(t.bare);
        }
        title.reverse();
        if toks[i + len - 1].raw.ends_with(',') {
            for t in toks[i + len..].iter().take(6) {
                title.push(t.bare);
                if t.raw.ends_with([',', '.', ';', ':']) {
                    break;
                }
            }
        }
        Entity {
            pos: toks[i].start,
            para,
            speaker: Speaker {
                slug: slugify(&name),
                name,
                kind: SpeakerKind::Person,
                known: false,
            },
            gender,
            title: fold_str(&title.join(" ")),
        }
    }
}

/// The whitespace-separated words of a sentence, with their punctuation and without it
/// (a possessive "'s" is dropped: "Reyes's" -> "Reyes").
fn tokens(body: &str, span: Range<usize>) -> Vec<Tok<'_>> {
    let text = &body[span.clone()];
    let mut out = Vec::new();
    let mut from: Option<usize> = None;
    let mut push = |a: usize, b: usize| {
        let raw = &text[a..b];
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let mut bare = raw.trim_matches(|c: char| !c.is_alphanumeric());
        for suffix in ["'s", "\u{2019}s"] {
            bare = bare.strip_suffix(suffix).unwrap_or(bare);
        }
        out.push(Tok {
            start: span.start + a + lead,
            raw,
            bare,
        });
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(a) = from.take() {
                push(a, i);
            }
        } else if from.is_none() {
            from = Some(i);
        }
    }
    if let Some(a) = from {
        push(a, text.len());
    }
    out
}

/// The unnamed sources the article introduces anywhere outside quotes ("Our correspondent
/// asked a senior EU diplomat …"), for a later "the diplomat said".
pub fn unnamed_sources(body: &str, seg: &Segmented, gazetteer: &Gazetteer) -> Vec<Entity> {
    let mut out = Vec::new();
    for s in &seg.sentences {
        let toks = tokens(body, s.span.clone());
        for (i, t) in toks.iter().enumerate() {
            if !gazetteer.is_unnamed_head(&fold_str(t.bare)) || seg.in_quote(t.start) {
                continue;
            }
            let Some(d) = (i.saturating_sub(5)..i).rev().find(|&j| {
                grammar()
                    .entities
                    .indefinite
                    .contains(fold_str(toks[j].bare).as_str())
            }) else {
                continue;
            };
            if toks[d..i]
                .iter()
                .any(|x| x.raw.ends_with([',', '.', ';', ':']))
            {
                continue;
            }
            let phrase = toks[d..=i]
                .iter()
                .map(|x| x.bare)
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(Mention::Speaker(sp, g)) = gazetteer.resolve(&phrase, &mut Vec::new())
                && sp.kind == SpeakerKind::Unnamed
            {
                out.push(Entity {
                    pos: toks[d].start,
                    para: s.para,
                    speaker: sp,
                    gender: g,
                    title: String::new(),
                });
            }
        }
    }
    out
}

/// The folded surname of each new person, for a later surname alone ("Reyes said").
pub fn surnames(entities: &[Entity]) -> Vec<(String, Speaker)> {
    let mut out: Vec<(String, Speaker)> = Vec::new();
    for e in entities {
        if let Some(last) = e.speaker.name.split_whitespace().last() {
            let key = fold_str(last);
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, e.speaker.clone()));
            }
        }
    }
    // a name whose first word is no known first name may put the family name first
    // ("Takaichi Sanae" -> "Takaichi said"); surnames found above win
    for e in entities.iter().filter(|e| e.gender.is_none()) {
        if let Some(first) = e.speaker.name.split_whitespace().next() {
            let key = fold_str(first);
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, e.speaker.clone()));
            }
        }
    }
    out
}

/// The later mentions of the table's people by surname alone ("Wicker said" after "Roger
/// Wicker"), outside quotes and the full names: each one a mention of that person, so that a
/// "he" after "McConnell echoed …" is McConnell, not a name later in that sentence.
pub fn surname_mentions(body: &str, seg: &Segmented, people: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for e in people {
        let Some(last) = e.speaker.name.split_whitespace().last() else {
            continue;
        };
        if last.len() < 3 || seen.contains(&e.speaker.slug.as_str()) {
            continue;
        }
        seen.push(&e.speaker.slug);
        let full = |at: usize| {
            people
                .iter()
                .any(|p| p.pos <= at && at < p.pos + p.speaker.name.len())
        };
        for s in seg.sentences.iter().filter(|s| s.span.end > e.pos) {
            for t in tokens(body, s.span.clone()) {
                if t.bare == last && t.start > e.pos && !full(t.start) && !seg.in_quote(t.start) {
                    out.push(Entity {
                        pos: t.start,
                        para: s.para,
                        ..e.clone()
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::ingest::sentences::segment;

    fn people(text: &str) -> Vec<Entity> {
        let c = Catalog::bundled().expect("seeds parse");
        let p = People::new(&c.forenames, &c.lexicon.names.not_name);
        let paragraphs: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let seg = segment(text, &paragraphs);
        p.find(text, &seg, &[])
    }

    #[test]
    fn a_name_whose_surname_speaks_later_is_a_person_whatever_its_first_name() {
        let text = "Oleksiia Varnava moved to Ohio ten years ago. Her family lives near Kharkiv. \
                    Varnava said the peace plan rewards Moscow.";
        let e = people(text);
        assert_eq!(
            e.iter()
                .map(|e| e.speaker.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Oleksiia Varnava"]
        );
        // a place before a verb that is no speech names no one
        assert!(people("Lake Varnava lies near Kharkiv. Varnava attracts tourists.").is_empty());
    }

    #[test]
    fn a_new_name_after_a_long_title_is_a_person_with_that_title_and_gender() {
        let e = people("Former committee chair Tom Reyes met the envoys on Monday.");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].speaker.name, "Tom Reyes");
        assert_eq!(e[0].gender, Some(Gender::Male));
        assert!(e[0].title.contains("chair"), "{}", e[0].title);
    }

    #[test]
    fn a_name_in_an_appositive_after_a_title_word_is_a_person() {
        let e = people("The Kremlin's aide, Lev Orlov, spoke to the press.");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].speaker.name, "Lev Orlov");
        let e = people("Ms Ilse Brandt arrived late.");
        assert_eq!(e[0].gender, Some(Gender::Female));
    }

    #[test]
    fn a_name_with_particles_is_one_name_and_its_surname_no_new_one() {
        let e = people("Former ambassador Jan de Vries met the envoys. De Vries left early.");
        let names: Vec<&str> = e.iter().map(|e| e.speaker.name.as_str()).collect();
        assert_eq!(names, ["Jan de Vries"]);
        let e = people("Aide Karl von der Heide spoke first.");
        assert_eq!(e[0].speaker.name, "Karl von der Heide");
    }

    #[test]
    fn a_name_with_a_title_in_an_appositive_after_it_is_a_person_without_its_party() {
        // no known first name, no title before: the appositive after the party makes a person
        let e = people("Tarmo Vaikla (Centre), head of the defence committee, was blunter.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].speaker.name, "Tarmo Vaikla");
        let e = people("Tarmo Vaikla, head of the defence committee, was blunter.");
        assert_eq!(e[0].speaker.name, "Tarmo Vaikla");
    }

    #[test]
    fn places_and_names_without_a_first_name_or_title_are_no_people() {
        assert!(people("Envoys flew from Abu Dhabi to the Black Sea coast.").is_empty());
    }
}
