//! Stage 4: speaker mentions -> canonical speakers.
//!
//! A noun phrase in front of (or after) a speech verb is resolved, in this order: a pronoun; an
//! unnamed source ("a senior US official" -> "unnamed US official"); a known person by name or
//! alias, then by title alone ("the Kremlin spokesman"); a known body or medium; a document
//! ("the plan"); a group ("EU leaders", "Ukrainian media"); a surname already introduced in this
//! article; a new person's name ("Olena Kovalchuk"). Names and titles come from
//! `seeds/speakers.toml`; the word lists from `seeds/lexicon.toml`.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::catalog::{Lexicon, SpeakerEntry};
use crate::grammar::grammar;
use crate::model::{Speaker, SpeakerKind};
use crate::text::{fold_str, on_word_boundaries, slugify};

mod authors;
mod entries;
mod long;
mod shape;
#[cfg(test)]
mod tests;
mod unnamed;
use entries::{entry_patterns, known_entry};
pub(in crate::ingest) use long::after_conjunction;
pub use shape::coordinated_parts;
use shape::{entity_at_end, entity_at_start};

/// Grammatical gender of a person, for he/she.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he
    Male,
    /// she
    Female,
}

/// A pronoun that stands for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he
    He,
    /// she
    She,
    /// they
    They,
    /// it
    It,
    /// "the latter": the last person named before
    Latter,
    /// "the former": the person named before the last one
    Former,
    /// "the 58-year-old former prime minister": a person described by age, the one the
    /// article is on about
    Described,
}

/// What a noun phrase refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mention {
    /// A speaker, with the gender when it is a person whose gender is known.
    Speaker(Speaker, Option<Gender>),
    /// A pronoun to resolve from context.
    Pronoun(Pronoun),
    /// The plan itself or a document of it.
    Document,
    /// A role named alone ("the President", "the Ministry"): the person or body last named
    /// with a title holding one of `words`; `fallback` when there is none.
    Role {
        /// Title words that name the role.
        words: Vec<String>,
        /// The group the phrase names when no one in the article holds the role.
        fallback: Option<Speaker>,
        /// Folded words naming the side the phrase gives ("the Russian minister": "russian",
        /// "russia", "moscow"); the holder's title must hold one of them.
        side: Vec<String>,
    },
}

#[derive(Debug, Clone)]
struct Known {
    speaker: Speaker,
    gender: Option<Gender>,
    role: String,
}

/// A known name found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NameHit {
    /// Start byte in the folded text.
    pub start: usize,
    /// End byte in the folded text.
    pub end: usize,
    /// The speaker named.
    pub speaker: Speaker,
    /// Gender when known.
    pub gender: Option<Gender>,
    /// True when the hit is a title rather than a name.
    pub title: bool,
    /// The speaker's role in `seeds/speakers.toml`, folded.
    pub role: String,
}

/// Known speakers and the word lists that resolve noun phrases.
#[derive(Debug)]
pub struct Gazetteer {
    ac: AhoCorasick,
    patterns: Vec<(usize, bool)>,
    known: Vec<Known>,
    unnamed: Vec<String>,
    groups: Vec<String>,
    media: HashSet<String>,
    documents: HashSet<String>,
    origins: Vec<(String, String)>,
    sides: Vec<(String, String)>,
    not_name: HashSet<String>,
    roles: Vec<(String, Vec<String>)>,
    agent_participles: HashSet<String>,
    unnamed_with_clause: Vec<String>,
    places: HashSet<String>,
    drafting: HashSet<String>,
}

fn speaker_kind(kind: &str) -> SpeakerKind {
    SpeakerKind::parse(kind)
}

impl Gazetteer {
    /// Builds the matcher from the speaker list and the lexicon.
    pub fn new(speakers: &[SpeakerEntry], lex: &Lexicon) -> Result<Self, aho_corasick::BuildError> {
        let mut pats = Vec::new();
        let mut patterns = Vec::new();
        let mut known = Vec::new();
        for (i, s) in speakers.iter().enumerate() {
            known.push(known_entry(s, lex));
            for (form, title) in entry_patterns(s) {
                pats.push(form);
                patterns.push((i, title));
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)?;
        let fold_all = |v: &[String]| v.iter().map(|s| fold_str(s)).collect::<Vec<_>>();
        Ok(Self {
            ac,
            patterns,
            known,
            unnamed: fold_all(&lex.nouns.unnamed),
            groups: fold_all(&lex.nouns.groups),
            media: fold_all(&lex.nouns.media).into_iter().collect(),
            documents: fold_all(&lex.nouns.documents).into_iter().collect(),
            origins: lex
                .nouns
                .origins
                .iter()
                .map(|(k, v)| (fold_str(k), v.clone()))
                .collect(),
            sides: lex
                .nouns
                .sides
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            not_name: fold_all(&lex.names.not_name).into_iter().collect(),
            roles: lex
                .nouns
                .roles
                .iter()
                .map(|(k, v)| (fold_str(k), fold_all(v)))
                .collect(),
            agent_participles: fold_all(&lex.speech.agent_participles)
                .into_iter()
                .collect(),
            unnamed_with_clause: fold_all(&lex.nouns.unnamed_with_clause),
            places: fold_all(&lex.nouns.places)
                .into_iter()
                .map(|p| p.replace('.', ""))
                .collect(),
            drafting: fold_all(&lex.speech.drafting).into_iter().collect(),
        })
    }

    /// Every known name or title in a folded text, on word boundaries.
    pub fn find(&self, folded: &str) -> Vec<NameHit> {
        self.ac
            .find_iter(folded)
            .filter(|m| on_word_boundaries(folded, m.start(), m.end()))
            .filter_map(|m| {
                let (i, title) = *self.patterns.get(m.pattern().as_usize())?;
                let k = self.known.get(i)?;
                Some(NameHit {
                    start: m.start(),
                    end: m.end(),
                    speaker: k.speaker.clone(),
                    gender: k.gender,
                    title,
                    role: k.role.clone(),
                })
            })
            .collect()
    }

    /// The canonical names of the media, for recognising a publisher line.
    pub fn media_aliases(speakers: &[SpeakerEntry]) -> Vec<(String, String)> {
        speakers
            .iter()
            .filter(|s| s.kind == "media")
            .flat_map(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .map(move |a| (fold_str(a), s.name.clone()))
            })
            .collect()
    }

    /// True when `folded` heads an unnamed source ("official", "diplomat").
    pub fn is_unnamed_head(&self, folded: &str) -> bool {
        self.unnamed.iter().any(|u| u == folded)
    }

    fn is_document_phrase(&self, words: &[&str]) -> bool {
        words.iter().take(5).any(|w| self.documents.contains(*w))
    }

    /// Resolves a noun phrase (original text) to a mention. `local` holds the people first
    /// named in this article, by folded surname.
    pub fn resolve(&self, np: &str, local: &mut Vec<(String, Speaker)>) -> Option<Mention> {
        let np = np
            .trim()
            .trim_matches(|c: char| c == ',' || c == '.' || c == ':' || c.is_whitespace());
        // the closing mark of a quote the phrase was cut from ("” for both sides, the White
        // House said"), not a title in quotes ("Radio North's \"Morning Desk\"")
        let np = match np.strip_prefix(['\u{201D}', '\u{00BB}']) {
            Some(rest) => rest.trim_start(),
            None if np.starts_with('"') && np.matches('"').count() == 1 => np[1..].trim_start(),
            None => np,
        };
        // a web address from a page's share bar ("Copy URL https://…") names no one
        if np.contains("//") || np.contains("www.") {
            return None;
        }
        let folded = fold_str(np);
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > 16 {
            return None;
        }
        if let Some(m) = pronoun(&words) {
            return Some(m);
        }
        // "It acquiesces to many Russians' demands": a pronoun and its verb open a clause,
        // no name ("He and Witkoff" are two)
        if let [first, second, ..] = words.as_slice()
            && ["it", "he", "she", "they", "we"].contains(first)
            && *second != "and"
        {
            return None;
        }
        // "The summit saw leaders from Canada and Japan …", "…, worrying officials who said":
        // the group the event witnesses or stirs
        if let Some(i) = words
            .iter()
            .take(6)
            .position(|w| grammar().speakers.scene_verbs.contains(*w))
            .filter(|&i| i + 1 < words.len())
            // (its object: "leaders saw in Oslo" is no event witnessing anyone)
            .filter(|&i| {
                !grammar()
                    .speakers
                    .adjunct_prepositions
                    .contains(words[i + 1])
            })
        {
            let rest: Vec<&str> = np.split_whitespace().skip(i + 1).collect();
            return self.resolve(&rest.join(" "), local);
        }
        // "many lawmakers -- including some Republicans --": an aside naming some of a group
        // is no speaker of its own
        if words[0] == "including" {
            return None;
        }
        if let Some(m) = self.resolve_shape(np, &words, local) {
            return Some(m);
        }
        // "…,” and analysts pointed out that": the subject of a new clause after the conjunction
        if let Some(rest) = after_conjunction(np) {
            return self.resolve(rest, local);
        }
        // "concern in Kyiv and among its allies, who say": a phrase opening with a
        // preposition is an adjunct, no speaker
        if grammar()
            .speakers
            .adjunct_prepositions
            .contains(words[0].trim_matches(|c: char| !c.is_alphanumeric()))
        {
            return None;
        }
        if words.len() > 9 {
            // "An official in the Office of the President, asked by the paper to comment,":
            // the head before its appositive
            if let Some((head, _)) = np.split_once(',')
                && head.split_whitespace().count() >= 2
            {
                return self.resolve(head, local);
            }
            return self
                .person_ending(np, &folded, local)
                .or_else(|| self.long_unnamed(np, &folded, &words))
                .or_else(|| self.second_clause_subject(np, local));
        }
        let clean = clean_words(&words);
        if clean
            .iter()
            .any(|w| grammar().speakers.stop.contains(w.as_str()))
        {
            return self.second_clause_subject(np, local);
        }
        let hits = self.find(&folded);
        // a name followed by 's is a possessive, not the speaker ("Zelensky's office")
        let hits: Vec<NameHit> = hits
            .into_iter()
            .filter(|h| !folded[h.end..].starts_with('\''))
            .collect();
        if let Some(m) = unnamed::unnamed_spokesperson(np, &hits) {
            return Some(m);
        }
        if let Some(m) = self.definite_title(np, &words, &clean, &hits) {
            return Some(m);
        }
        if let Some(m) = self.unnamed_source(np, &folded, &clean, &hits) {
            return Some(m);
        }
        if let Some(m) = self.named_in_phrase(np, &folded, &hits, local) {
            return Some(m);
        }
        if let Some(m) = self.institution(np) {
            return Some(m);
        }
        if let Some(head) = self.group_before_modifier(np, &clean) {
            return self.resolve(&head, local);
        }
        let group_head = self.group_head(&clean);
        if let Some(m) = self.definite_role(np, &clean, group_head) {
            return Some(m);
        }
        if let Some(m) = self.group_or_document(np, &clean, group_head) {
            return Some(m);
        }
        if let Some(m) = self.honorific(&clean, local) {
            return Some(m);
        }
        // a surname the article named, alone or after an honorific ("Mr. King" after "Angus
        // King", though "King" is no name word of its own)
        let surname = match clean.as_slice() {
            [w] => Some(w),
            [h, w] if grammar().speakers.honorifics.contains(h.as_str()) => Some(w),
            _ => None,
        };
        if let Some(w) = surname
            && let Some((_, s)) = local.iter().find(|(known, _)| known == w)
        {
            return Some(Mention::Speaker(s.clone(), None));
        }
        if let [w] = clean.as_slice()
            && let Some(s) = by_forename(w, local)
        {
            return Some(Mention::Speaker(s, None));
        }
        if clean.len() == 1 {
            return None;
        }
        self.new_person(np, local)
    }

    /// A known person in the phrase, or a known body or medium that ends it unqualified.
    fn named_in_phrase(
        &self,
        np: &str,
        folded: &str,
        hits: &[NameHit],
        local: &[(String, Speaker)],
    ) -> Option<Mention> {
        let person = hits
            .iter()
            .filter(|h| h.speaker.kind == SpeakerKind::Person)
            .max_by_key(|h| (!h.title, h.end - h.start));
        if let Some(h) = person {
            // "Poland's foreign minister Radek Vasko": a new name after a known title is the
            // person named, not the title's holder of the speaker list
            if h.title
                && let Some(s) = entity_at_end(np, &folded[h.end..], local)
                    .or_else(|| entity_at_start(&folded[h.end..], local))
            {
                return Some(Mention::Speaker(s, None));
            }
            return Some(Mention::Speaker(h.speaker.clone(), h.gender));
        }
        if let Some(h) = hits.iter().max_by_key(|h| h.end - h.start) {
            // "NATO foreign ministers" is a group, not NATO itself, and "NATO must act" no speaker
            let covers_end = folded[h.end..].trim().is_empty();
            // "the Central Election Commission" is not "the Commission"
            let one_word = !folded[h.start..h.end].contains(' ');
            let qualified = one_word
                && folded[..h.start]
                    .split_whitespace()
                    .any(|w| !grammar().speakers.determiners.contains(w));
            // "U.S. and Ukrainian negotiators" are both sides, not the Ukrainian delegation
            let coordinated = folded[..h.start].trim_end().ends_with(" and");
            if covers_end && !qualified && !coordinated {
                return Some(Mention::Speaker(h.speaker.clone(), None));
            }
        }
        None
    }

    /// "The Ministry of External Affairs", "India's Federal Department of Foreign Affairs": a
    /// body's proper name, a capitalised head of a group and "of", "for" or "on" and capitalised
    /// words, named without its determiner or the possessive before it.
    fn institution(&self, np: &str) -> Option<Mention> {
        let mut words: Vec<&str> = np.split_whitespace().collect();
        if words.first().is_some_and(|w| {
            w.ends_with("'s") || w.ends_with("\u{2019}s") || ["The", "the"].contains(w)
        }) {
            words.remove(0);
        }
        let capital = |w: &&str| w.starts_with(char::is_uppercase);
        let joins = ["of", "for", "on"];
        let of = words.iter().position(|w| joins.contains(w))?;
        let head = fold_str(words.get(of.checked_sub(1)?)?);
        let named = (1..=4).contains(&(words.len() - of - 1))
            && words[..of].iter().all(capital)
            && words[of + 1..]
                .iter()
                .all(|w| capital(w) || ["the", "and"].contains(w))
            && words.last().is_some_and(capital)
            && self.groups.contains(&head);
        named.then(|| {
            let name = words.join(" ");
            Mention::Speaker(
                Speaker {
                    slug: crate::text::slugify(&name),
                    name,
                    kind: SpeakerKind::Body,
                    known: false,
                },
                None,
            )
        })
    }

    /// "European leaders gathered at the G20 summit": the group's words, without what follows.
    fn group_before_modifier(&self, np: &str, clean: &[String]) -> Option<String> {
        // "European leaders gathered at the G20 summit": the group, without what follows it
        if let Some(i) = (0..clean.len().saturating_sub(1)).find(|&i| {
            self.group_head(&clean[..=i]).is_some() && {
                let next = clean[i + 1].as_str();
                // a participle with its preposition ("gathered at"), not a verb ("discussed the")
                let participle = next.len() > 4
                    && (next.ends_with("ed") || next.ends_with("ing"))
                    && clean.get(i + 2).is_some_and(|w| {
                        grammar().speakers.post_modifier.contains(w.as_str()) || w == "with"
                    });
                grammar().speakers.post_modifier.contains(next) || participle
            }
        }) {
            let head: Vec<&str> = np.split_whitespace().take(i + 1).collect();
            if head.len() == i + 1 {
                return Some(head.join(" "));
            }
        }
        None
    }

    /// "the President", "the Russian minister": a role to find among the article's people.
    fn definite_role(
        &self,
        np: &str,
        clean: &[String],
        group_head: Option<&str>,
    ) -> Option<Mention> {
        // "the President", "the Ministry": whoever the article last named in that role
        // "the Russian minister", "the Finnish president": the role, past the nationality
        let role_from = if clean.len() >= 3 && self.origins.iter().any(|(k, _)| *k == clean[1]) {
            2
        } else {
            1
        };
        // "Chile's defence minister": the office of the country before the possessive
        let possessor = np
            .split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
            && clean.first().is_some_and(|w| self.is_place(w));
        if possessor
            && let Some((_, role_words)) =
                self.roles.iter().find(|(k, _)| *k == clean[1..].join(" "))
        {
            let side = self.side_words(&clean[..1]);
            return Some(Mention::Role {
                words: role_words.clone(),
                fallback: None,
                side: if side.is_empty() {
                    clean[..1].to_vec()
                } else {
                    side
                },
            });
        }
        if clean.len() >= 2
            && clean[0] == "the"
            && let Some((_, role_words)) = self
                .roles
                .iter()
                .find(|(k, _)| *k == clean[role_from..].join(" "))
        {
            let fallback = group_head.map(|head| {
                let name = strip_determiner(np);
                // ("the spokeswoman" is a person the article may have named: an unnamed
                // source until found)
                let kind = if self.media.contains(head) {
                    SpeakerKind::Media
                } else if grammar().speakers.person_heads.contains(head) {
                    SpeakerKind::Unnamed
                } else {
                    SpeakerKind::Body
                };
                Speaker {
                    slug: slugify(&name),
                    name,
                    kind,
                    known: false,
                }
            });
            return Some(Mention::Role {
                words: role_words.clone(),
                fallback,
                side: self.side_words(&clean[1..role_from]),
            });
        }
        None
    }

    /// A document ("the draft"), or a group or medium named by its head noun.
    fn group_or_document(
        &self,
        np: &str,
        clean: &[String],
        group_head: Option<&str>,
    ) -> Option<Mention> {
        let last = clean.last().map(String::as_str).unwrap_or("");
        let content: Vec<&str> = clean
            .iter()
            .map(String::as_str)
            .skip_while(|w| grammar().speakers.determiners.contains(w))
            .collect();
        // "the clause on the humanitarian committee": a document's noun before a preposition
        // heads the phrase, whatever group ends it
        let document_head = content.windows(2).take(3).any(|w| {
            self.documents.contains(w[0]) && grammar().speakers.about_prepositions.contains(w[1])
        });
        if self.is_document_phrase(&content) && (group_head.is_none() || document_head) {
            return Some(Mention::Document);
        }
        // "Russia hopes the United States": a determiner inside the phrase after a word that is
        // no preposition shows a verb before it, so no group
        let inner_verb = clean.windows(2).skip(1).any(|w| {
            ["the", "a", "an"].contains(&w[1].as_str())
                && !["of", "for", "and", "in", "at", "from", "on", "to", "with"]
                    .contains(&w[0].as_str())
        });
        // ("Members of the Senate Arctic Affairs Committee": a body's proper name after
        // "of" may run longer)
        let limit = if proper_name_after_of(np) { 9 } else { 6 };
        if let Some(head) = group_head
            && clean.len() <= limit
            && !inner_verb
        {
            let name = strip_determiner(np);
            let kind = if self.media.contains(head) || self.media.contains(last) {
                SpeakerKind::Media
            } else {
                SpeakerKind::Body
            };
            return Some(unlisted(name, kind));
        }
        None
    }

    /// "Sir Keir", "Dame Kaja": a British honorific with the first name of a known person, or
    /// of one person the article has named ("Sir Tom" after "Sir Tom Reyes").
    fn honorific(&self, clean: &[String], local: &[(String, Speaker)]) -> Option<Mention> {
        let [title, first] = clean else { return None };
        if !["sir", "dame"].contains(&title.as_str()) {
            return None;
        }
        let first_is = |name: &str| fold_str(name).split_whitespace().next() == Some(first);
        let mut by_first = self
            .known
            .iter()
            .filter(|k| k.speaker.kind == SpeakerKind::Person && first_is(&k.speaker.name));
        if let (Some(k), None) = (by_first.next(), by_first.next()) {
            return Some(Mention::Speaker(k.speaker.clone(), k.gender));
        }
        let mut named = local
            .iter()
            .map(|(_, s)| s)
            .filter(|s| s.kind == SpeakerKind::Person && first_is(&s.name));
        let one = named.next()?;
        named
            .all(|s| s.slug == one.slug)
            .then(|| Mention::Speaker(one.clone(), None))
    }

    fn group_head<'a>(&self, clean: &'a [String]) -> Option<&'a str> {
        let last = clean.last()?;
        let n = clean.len();
        let two = (n >= 2).then(|| format!("{} {}", clean[n - 2], clean[n - 1]));
        if self
            .groups
            .iter()
            .any(|g| g == last || two.as_deref() == Some(g.as_str()))
        {
            Some(last.as_str())
        } else {
            None
        }
    }

    fn new_person(&self, np: &str, local: &mut Vec<(String, Speaker)>) -> Option<Mention> {
        let tokens: Vec<&str> = np.split_whitespace().collect();
        let is_name_word = |t: &str| {
            let t = t.trim_matches(|c: char| c == ',' || c == '.');
            let mut chars = t.chars();
            let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
            // "Sweden's Maria Berg": a possessive before the name is no part of it
            let possessive = t.ends_with("'s") || t.ends_with("\u{2019}s");
            first_upper
                && !possessive
                && t.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
                && t.chars().skip(1).any(|c| c.is_lowercase())
                && !self.not_name.contains(&fold_str(t))
        };
        let run: Vec<&str> = tokens
            .iter()
            .rev()
            .take_while(|t| is_name_word(t))
            .copied()
            .collect();
        // "Senator Wong": a title and the surname of someone the article named in full
        if run.len() == 1
            && tokens.len() >= 2
            && let Some((_, s)) = local.iter().find(|(k, _)| *k == fold_str(run[0]))
        {
            return Some(Mention::Speaker(s.clone(), None));
        }
        // "De Vries said" after "Jan de Vries": the surname with its particle
        if let [surname, particle] = run[..]
            && grammar()
                .entities
                .name_particles
                .contains(fold_str(particle).as_str())
            && let Some((_, s)) = local.iter().find(|(k, _)| *k == fold_str(surname))
        {
            return Some(Mention::Speaker(s.clone(), None));
        }
        if !(2..=3).contains(&run.len()) {
            return None;
        }
        // "Vera Lind of the Centre for Eastern Studies": a run after "for" / "of" ends the name
        // of her organisation; the person is the name before its first "of"
        let before_run = tokens.len() - run.len();
        if before_run > 0 && ["of", "for", "and", "the"].contains(&tokens[before_run - 1]) {
            let of = tokens.iter().position(|t| *t == "of")?;
            return (of >= 2 && of < before_run)
                .then(|| self.new_person(&tokens[..of].join(" "), local))
                .flatten();
        }
        // "Former committee chair Tom Reyes": a name the entity table found after a title,
        // whatever the case of the title's words
        if let Some(s) = entity_at_end(np, &fold_str(np), local) {
            return Some(Mention::Speaker(s, None));
        }
        // everything before the name must be title-like (capitalised) or a determiner
        let before = &tokens[..tokens.len() - run.len()];
        if before.iter().any(|t| {
            let f = fold_str(t);
            !(t.chars().next().is_some_and(|c| c.is_uppercase())
                || grammar().speakers.determiners.contains(f.as_str())
                || ["of", "and", "for"].contains(&f.as_str()))
        }) {
            return None;
        }
        let name: Vec<&str> = run.into_iter().rev().collect();
        let name = name
            .join(" ")
            .trim_matches(|c: char| c == ',' || c == '.')
            .to_string();
        let speaker = Speaker {
            slug: slugify(&name),
            name: name.clone(),
            kind: SpeakerKind::Person,
            known: false,
        };
        if let Some(surname) = name.split_whitespace().last() {
            local.push((fold_str(surname), speaker.clone()));
        }
        Some(Mention::Speaker(speaker, None))
    }
}

/// A personal pronoun as a mention.
fn pronoun(words: &[&str]) -> Option<Mention> {
    match words {
        ["he" | "him"] => Some(Mention::Pronoun(Pronoun::He)),
        ["she" | "her"] => Some(Mention::Pronoun(Pronoun::She)),
        ["they" | "them"] => Some(Mention::Pronoun(Pronoun::They)),
        ["it"] => Some(Mention::Pronoun(Pronoun::It)),
        ["the", "latter"] => Some(Mention::Pronoun(Pronoun::Latter)),
        ["the", "former"] => Some(Mention::Pronoun(Pronoun::Former)),
        ["the", age, ..]
            if age.ends_with("-year-old") && age.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Some(Mention::Pronoun(Pronoun::Described))
        }
        _ => None,
    }
}

/// The words without punctuation, dots or a possessive: "u.s." -> "us", "plan's" -> "plan".
fn clean_words(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w.strip_suffix("'s").unwrap_or(w);
            w.replace('.', "")
        })
        .collect()
}

fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = haystack[from..].find(needle) {
        let s = from + p;
        if on_word_boundaries(haystack, s, s + needle.len()) {
            return Some(s);
        }
        from = s + needle.len().max(1);
    }
    None
}

/// The phrase without a leading article ("the Norwegian foreign minister" -> "Norwegian
/// foreign minister").
pub(in crate::ingest) fn strip_determiner(np: &str) -> String {
    let t = np.trim();
    for d in ["The ", "the ", "A ", "a ", "An ", "an "] {
        if let Some(rest) = t.strip_prefix(d) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// A speaker not in the speaker list, named as `name` says.
fn unlisted(name: String, kind: SpeakerKind) -> Mention {
    Mention::Speaker(
        Speaker {
            slug: slugify(&name),
            name,
            kind,
            known: false,
        },
        None,
    )
}

/// True when a plural stands before the first "of" and the words after it (and "the") are
/// two or more, all capitalised: many of a body by its proper name ("members of the Senate
/// Arctic Affairs Committee"), not a title ("the head of the Odesa Regional …").
fn proper_name_after_of(np: &str) -> bool {
    let words: Vec<&str> = np.split_whitespace().collect();
    let Some(of) = words.iter().position(|w| *w == "of") else {
        return false;
    };
    let tail: Vec<&str> = words[of + 1..]
        .iter()
        .copied()
        .skip_while(|w| *w == "the")
        .collect();
    of > 0
        && words[of - 1].ends_with('s')
        && tail.len() >= 2
        && tail.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// "Tom argues" after the article named Tom Lind (or "Dan argues" after Daniel Marsh, by
/// `[speakers] short_forenames`): the one person the article named in full whose first name is
/// the word, when no other shares it.
fn by_forename(word: &str, local: &[(String, Speaker)]) -> Option<Speaker> {
    let named = |first: &str| {
        let first = fold_str(first);
        first == word
            || grammar()
                .speakers
                .short_forenames
                .contains(format!("{word} {first}"))
    };
    let mut found = local.iter().map(|(_, s)| s).filter(|s| {
        let mut parts = s.name.split_whitespace();
        s.kind == SpeakerKind::Person && parts.next().is_some_and(named) && parts.next().is_some()
    });
    let first = found.next()?;
    found.all(|s| s.slug == first.slug).then(|| first.clone())
}
