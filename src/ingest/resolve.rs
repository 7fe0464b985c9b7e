//! Speakers from context: the names, titles and roles of an article, definite descriptions
//! ("the Russian minister") and pronouns resolved against who was named before.

use super::sentences::Segmented;
use super::*;
use crate::grammar::grammar;

mod roles;
mod unnamed;
pub(super) use roles::{Offices, office, role_holder, title_after};
use roles::{issuer_before, quoted_before, same_document_before};

/// The body of an article folded, and the known names in it.
pub(super) struct Names {
    pub(super) folded: Folded,
    pub(super) hits: Vec<NameHit>,
}

impl Names {
    pub(super) fn find(gazetteer: &Gazetteer, body: &str) -> Self {
        let folded = fold(body);
        let hits = gazetteer.find(&folded.text);
        Self { folded, hits }
    }
}

/// A known person or medium, or a new person of the entity table, named outside quotes.
#[derive(Debug, Clone)]
pub(super) struct NameMention {
    pub(super) pos: usize,
    /// Where the name ends.
    pub(super) end: usize,
    pub(super) para: usize,
    pub(super) speaker: Speaker,
    pub(super) gender: Option<Gender>,
    /// Named among the first words of its sentence: its subject, most likely.
    pub(super) subject: bool,
    /// Joined to another name by "and" or a comma ("France's Macron and Italy's Meloni"): one
    /// of several, never "he" or "she".
    pub(super) paired: bool,
}

/// Marks the names joined to the next one by "and", "&" or a comma, with at most a possessive
/// or a title between ("Macron and Italy's Giorgia Meloni", "Merz, Macron and Starmer").
pub(super) fn mark_pairs(mentions: &mut [NameMention], body: &str) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        if a.end > b.pos || a.speaker.slug == b.speaker.slug {
            continue;
        }
        let Some(gap) = body.get(a.end..b.pos) else {
            continue;
        };
        // two people, not a person and the description in apposition (", a negotiator")
        let people = [a, b].iter().all(|m| m.speaker.kind == SpeakerKind::Person);
        let gap = gap.trim();
        let joined = people
            && gap.split_whitespace().count() <= 3
            && !gap.contains(['.', ';', ':', '(', ')', '"', '\u{201C}', '\u{201D}'])
            && (gap == ","
                || ["and ", "& ", ", and "].iter().any(|j| gap.starts_with(j))
                || gap == "and");
        if joined {
            mentions[i - 1].paired = true;
            mentions[i].paired = true;
        }
    }
}

/// Marks the subjects: the first name of a sentence, among its first eight words and not right
/// after a preposition; after a fronted phrase ("Speaking ahead of the summit in Delhi, Mr Ruiz
/// committed …"), the name right after its comma, when there is one, and not a name inside the
/// phrase.
pub(super) fn mark_subjects(mentions: &mut [NameMention], body: &str, seg: &Segmented) {
    let mut last_sentence = None;
    for k in 0..mentions.len() {
        let pos = mentions[k].pos;
        // sentences are in order: a binary search, not a scan per name
        let i = seg.sentences.partition_point(|s| s.span.end <= pos);
        let Some(sentence) = seg.sentences.get(i).filter(|s| s.span.contains(&pos)) else {
            continue;
        };
        let start = sentence.span.start;
        let after_front = body
            .get(start..sentence.span.end)
            .and_then(fronted_end)
            .map(|e| start + e);
        let subject = match after_front {
            // the first name after the phrase's comma, a title of a few words before it
            Some(e) if pos >= e => {
                !mentions[..k].iter().any(|m| m.pos >= e && m.pos < pos)
                    && body
                        .get(e..pos)
                        .is_some_and(|t| t.split_whitespace().count() <= 4)
            }
            // inside the phrase: only when no name follows its comma closely
            Some(e) => {
                last_sentence != Some(i)
                    && !mentions[k + 1..].iter().any(|m| {
                        m.pos >= e
                            && m.pos < sentence.span.end
                            && body
                                .get(e..m.pos)
                                .is_some_and(|t| t.split_whitespace().count() <= 4)
                    })
            }
            // "The outburst was first noted by Mark Brenner": a name after a preposition is
            // no subject
            None => {
                last_sentence != Some(i)
                    && body
                        .get(start..pos)
                        .is_some_and(|t| t.split_whitespace().count() <= 8 && !after_preposition(t))
            }
        };
        mentions[k].subject = subject;
        last_sentence = Some(i);
    }
}

/// Whether the words before a name end on a preposition ("reported by", "talks with").
fn after_preposition(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| grammar().speakers.prepositions.contains(w.as_str()))
}

/// Where the subject of a sentence opening with a fronted phrase starts: past the comma that
/// ends a phrase opened by a preposition, a subordinator or a participle ("Speaking ahead of
/// …,", "In a call with …,"), within its first twenty words; not after a conjunction ("But
/// Tom Hale, speaking …").
fn fronted_end(sentence: &str) -> Option<usize> {
    let g = grammar();
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
    let first = words.next()?;
    let first_two = format!("{first} {}", words.next().unwrap_or_default());
    let opens = (g.statements.adverbial_start.contains(first.as_str())
        || g.statements.adverbial_start.contains(first_two.as_str())
        || first.len() > 4 && first.ends_with("ing"))
        && !g.statements.sentence_conjunctions.contains(first.as_str());
    if !opens {
        return None;
    }
    let comma = sentence.find(',')?;
    let words = sentence[..comma].split_whitespace().count();
    ((2..=20).contains(&words)).then_some(comma + 1)
}

/// A person or body named in the article, with the words of their title.
#[derive(Debug, Clone)]
pub(super) struct RoleHolder {
    pub(super) pos: usize,
    pub(super) title: String,
    /// The part of `title` the article writes around the name ("US President"), which
    /// "the president" prefers to a role only the speaker list knows.
    pub(super) written: String,
    pub(super) speaker: Speaker,
}

/// Lowercase words separated by single spaces.
pub(super) fn spaced(folded: &str) -> String {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title right before a name: the capitalised words (and "of", "for", "the", "and",
/// dashes) that end where the name starts ("... with Deputy Prime Minister – Minister of
/// Foreign Affairs of Poland " -> that whole title).
pub(super) fn title_before(text: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for w in text.split_whitespace().rev() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let connector =
            ["of", "for", "the", "-", "\u{2013}", "\u{2014}"].contains(&w) || bare.is_empty();
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if w.ends_with([',', '.', ';', ':']) || !(capital || connector) || kept.len() >= 12 {
            break;
        }
        kept.push(w);
    }
    kept.reverse();
    crate::text::fold_str(&kept.join(" "))
}

/// Resolves pronouns and continued quotes from the statements and names before them.
pub(super) fn resolve_speakers(
    body: &str,
    joints: &[super::groups::Joint],
    candidates: Vec<Candidate>,
    mentions: &[NameMention],
    holders: &[RoleHolder],
    offices: &Offices<'_>,
) -> Vec<(Candidate, Option<Speaker>, String)> {
    let mut out: Vec<(Candidate, Option<Speaker>, String)> = Vec::with_capacity(candidates.len());
    let mut genders: Vec<(String, Option<Gender>)> = mentions
        .iter()
        .map(|m| (m.speaker.slug.clone(), m.gender))
        .collect();
    for c in candidates {
        let (speaker, via) = match &c.mention {
            // "a joint US-Ukraine statement said": the pair of sides
            _ if let Some(j) = c
                .speaker_span
                .as_ref()
                .and_then(|r| super::groups::joint_issuer(body, r.clone(), joints)) =>
            {
                (Some(j), "a joint statement".to_string())
            }
            // "“…,” the official said, adding that …": whoever the quote went to
            _ if c.rule == "adding that"
                && let Some((_, Some(s), _)) = out
                    .last()
                    .filter(|(p, _, _)| p.sentence == c.sentence && p.mention == c.mention) =>
            {
                (Some(s.clone()), "the speaker of its sentence".to_string())
            }
            // "…, his office said": the office of the person named last before it
            _ if let Some(o) = office_of_person_before(body, &c, mentions, offices) => {
                (Some(o), "“his office”".to_string())
            }
            // "the three leaders said" after Merz, Macron and Starmer were named together
            Some(Mention::Speaker(s, _))
                if !s.known
                    && super::groups::refers_to_joint(&s.name)
                    && let Some(j) = super::groups::joint_before(joints, c.span.start)
                        .filter(|j| super::groups::count_fits(&s.name, j)) =>
            {
                (Some(j), format!("“the {}”", s.name.to_lowercase()))
            }
            // "the officials said", "the agency's sources" after "Three officials briefed on
            // the plan said …": that group
            Some(Mention::Speaker(s, _))
                if !s.known
                    && matches!(s.kind, SpeakerKind::Unnamed | SpeakerKind::Body)
                    && let Some(head) = c
                        .speaker_span
                        .as_ref()
                        .and_then(|r| body.get(r.clone()))
                        .and_then(unnamed::referring_head)
                    && let Some(g) =
                        unnamed::group_before(&head, s, (body, c.span.start), &out, mentions) =>
            {
                (Some(g), format!("“the {head}”"))
            }
            // "The leaders said" after "European leaders said": that group
            Some(Mention::Speaker(s, _))
                if !s.known
                    && s.kind == SpeakerKind::Body
                    && let Some(g) = super::groups::same_group_before(
                        &s.name,
                        &out.iter()
                            .filter_map(|(_, s, _)| s.clone())
                            .collect::<Vec<_>>(),
                    ) =>
            {
                (Some(g), format!("“the {}”", s.name.to_lowercase()))
            }
            // "both sides agreed" after "the United States and Ukraine": that pair
            _ if let Some(phrase) = c.speaker_span.as_ref().and_then(|r| body.get(r.clone()))
                && super::groups::refers_to_sides(phrase)
                && let Some(j) = super::groups::sides_before(joints, c.span.start) =>
            {
                (Some(j), format!("“{}”", phrase.trim().to_lowercase()))
            }
            // "“…,” he said, according to TASS. “…,” reports Anadolu.": a medium that only
            // relays a quote of the person quoted just before in the paragraph
            Some(Mention::Speaker(s, _))
                if c.kind == Kind::Quote
                    && s.kind == SpeakerKind::Media
                    && let Some(p) = quoted_before(&c, &out) =>
            {
                (Some(p), "quote relayed by a medium".to_string())
            }
            // "the same diplomat" after "a European Union official told …": that source
            Some(Mention::Speaker(s, _))
                if s.kind == SpeakerKind::Unnamed
                    && c.speaker_span
                        .as_ref()
                        .and_then(|r| body.get(r.clone()))
                        .is_some_and(|t| t.trim().to_lowercase().starts_with("the same "))
                    && let Some(u) = out
                        .iter()
                        .rev()
                        .take(6)
                        .filter_map(|(_, s, _)| s.as_ref())
                        .find(|s| s.kind == SpeakerKind::Unnamed) =>
            {
                (Some(u.clone()), "“the same”".to_string())
            }
            // "one of the sources said" after "Two sources close to X told …": that group
            Some(Mention::Speaker(s, _))
                if !s.known
                    && let Some(g) = member_of_group(
                        c.speaker_span.as_ref().and_then(|r| body.get(r.clone())),
                        &out,
                    ) =>
            {
                (Some(g), "“one of them”".to_string())
            }
            Some(Mention::Speaker(s, _))
                if let Some(earlier) = definite_description(
                    s,
                    c.speaker_span
                        .as_ref()
                        .and_then(|r| body.get(r.clone()))
                        .is_some_and(definite_phrase),
                    c.span.start,
                    &out,
                    mentions,
                )
                .filter(|e| {
                    e.kind != SpeakerKind::Person || description_fits(s, e, holders, offices)
                }) =>
            {
                (
                    Some(earlier),
                    format!("“the {}”", s.name.trim_start_matches("unnamed ")),
                )
            }
            Some(Mention::Speaker(s, g)) => {
                genders.push((s.slug.clone(), *g));
                (
                    Some(s.clone()),
                    if s.known {
                        "named".to_string()
                    } else {
                        "named (new)".to_string()
                    },
                )
            }
            Some(Mention::Role {
                words,
                fallback,
                side,
            }) => {
                // "the association" after "the Ukrainian Grain Association said"
                let earlier_body = || {
                    out.iter()
                        .rev()
                        .filter_map(|(_, s, _)| s.as_ref())
                        .find(|s| {
                            s.kind == SpeakerKind::Body && fallback.is_some() && {
                                let name = format!(" {} ", spaced(&crate::text::fold_str(&s.name)));
                                words.iter().any(|w| name.contains(&format!(" {w} ")))
                            }
                        })
                };
                // "the aide" names a person; with no aide named it stays the unnamed source
                let unnamed = fallback.as_ref().filter(|f| f.kind == SpeakerKind::Unnamed);
                let persons = fallback.is_none() || unnamed.is_some();
                // "the statement read": whoever issued the last statement named so, else whoever
                // spoke last, in the paragraph or the two before
                let issuer = || {
                    words
                        .first()
                        .filter(|w| grammar().shape.statement_nouns.contains(w.as_str()))
                        .and_then(|w| {
                            same_document_before(body, w, &out).or_else(|| issuer_before(&c, &out))
                        })
                };
                // "…, the minister said" right after Lavrov spoke: Lavrov, though a Belarusian
                // minister was named after him
                // their titles in the article, and their office in the speaker list
                let holds = |s: &Speaker| {
                    let own: Vec<RoleHolder> = holders
                        .iter()
                        .chain(offices.holders)
                        .filter(|h| h.speaker.slug == s.slug)
                        .cloned()
                        .collect();
                    role_holder(words, side, true, c.span.start, &own)
                };
                let last_speaker = || {
                    let s = out
                        .iter()
                        .rev()
                        .take_while(|(p, _, _)| p.para + 1 >= c.para)
                        .filter_map(|(_, s, _)| s.as_ref())
                        .find(|s| s.kind == SpeakerKind::Person)?;
                    holds(s)
                };
                // "Trump told reporters … Putin … The president indicated": the last person who
                // spoke with that title, before one only named with it
                let titled_speaker = || {
                    out.iter()
                        .rev()
                        .filter_map(|(_, s, _)| s.as_ref())
                        .filter(|s| s.kind == SpeakerKind::Person)
                        .find_map(holds)
                };
                let found = issuer()
                    .or_else(|| earlier_body().cloned())
                    .or_else(|| persons.then(last_speaker).flatten())
                    .or_else(|| persons.then(titled_speaker).flatten())
                    .or_else(|| role_holder(words, side, persons, c.span.start, holders))
                    // no one in the article holds it: the office holder of the speaker list
                    .or_else(|| {
                        (persons && unnamed.is_none())
                            .then(|| offices.holder(words, side))
                            .flatten()
                    });
                match found {
                    Some(s) => {
                        let via = format!("“the {}”", words.first().map_or("", String::as_str));
                        (Some(s), via)
                    }
                    None => match (unnamed, fallback) {
                        (Some(u), _) => {
                            let earlier =
                                definite_description(u, true, c.span.start, &out, mentions).filter(
                                    |e| {
                                        e.kind != SpeakerKind::Person
                                            || description_fits(u, e, holders, offices)
                                    },
                                );
                            (
                                Some(earlier.unwrap_or_else(|| u.clone())),
                                "named (new)".to_string(),
                            )
                        }
                        (None, Some(f)) => (Some(f.clone()), "named (new)".to_string()),
                        // "Chile's defence minister", "the Norwegian foreign minister": an
                        // office of a country the article never fills and the speaker list
                        // does not know is that office holder, as the article names them
                        (None, None) => match c
                            .speaker_span
                            .as_ref()
                            .and_then(|r| body.get(r.clone()))
                            .filter(|_| !side.is_empty())
                        {
                            Some(phrase) => {
                                (Some(office_as_written(phrase)), "named (new)".to_string())
                            }
                            None => continue,
                        },
                    },
                }
            }
            // "Macron, Merz and Starmer called for … In a call, they said …": the group
            Some(Mention::Pronoun(Pronoun::They))
                if let Some(j) = super::groups::joint_for_they(body, joints, &c, &out) =>
            {
                (Some(j), "pronoun they (people named together)".to_string())
            }
            Some(Mention::Pronoun(p @ (Pronoun::Latter | Pronoun::Former))) => {
                match latter_or_former(*p == Pronoun::Former, body, &c, mentions) {
                    Some(s) => (Some(s), format!("pronoun {}", pronoun_word(*p))),
                    None => continue,
                }
            }
            Some(Mention::Pronoun(p)) => {
                // "Asked whether Zelensky would sign, he said": not a name of the question
                let asked = asked_clause(body, &c);
                let kept: Vec<NameMention>;
                let mentions = match &asked {
                    Some(r) => {
                        kept = mentions
                            .iter()
                            .filter(|m| !r.contains(&m.pos))
                            .cloned()
                            .collect();
                        &kept[..]
                    }
                    None => mentions,
                };
                let own = subject_before_as(body, &c, *p, mentions, &genders);
                match own
                    .or_else(|| pronoun(*p, &c, &out, mentions, &genders))
                    .or_else(|| {
                        // "the 58-year-old former prime minister" paragraphs after the person spoke
                        (*p == Pronoun::Described)
                            .then(|| {
                                out.iter()
                                    .rev()
                                    .filter_map(|(_, s, _)| s.as_ref())
                                    .find(|s| s.kind == SpeakerKind::Person)
                                    .cloned()
                            })
                            .flatten()
                    }) {
                    Some(s) => (Some(s), format!("pronoun {}", pronoun_word(*p))),
                    None => continue,
                }
            }
            // "The ministry said … It argued that the text …": "it" is the body that spoke
            // right before, not the document
            Some(Mention::Document) | None if let Some(b) = body_before_it(body, &c, &out) => {
                (Some(b), "pronoun it".to_string())
            }
            // "Axios reported … The draft reportedly also caps the army": that medium
            Some(Mention::Document) | None
                if hearsay(body, &c)
                    && let Some(m) = unnamed::medium_just_before(&out, c.span.start, true) =>
            {
                (Some(m), "“reportedly” after a medium".to_string())
            }
            Some(Mention::Document) | None if c.floating => {
                // a quote paragraph with no attribution goes on the quote or the reported speech
                // of a person just before ("Zelensky addressed the nation, saying …" then three
                // paragraphs that are only quotes)
                match out.last().filter(|(p, s, _)| {
                    let person = s.as_ref().is_some_and(|s| {
                        matches!(s.kind, SpeakerKind::Person | SpeakerKind::Unnamed)
                    });
                    (p.kind == Kind::Quote && s.is_some() || p.kind == Kind::Paraphrase && person)
                        && c.para <= p.para + 1
                }) {
                    Some((_, s, _)) => (s.clone(), "previous quote".to_string()),
                    None => match introduced_before(body, &c, mentions, &out) {
                        Some(s) => (Some(s), "introduced before".to_string()),
                        // "“The army will be capped at 600,000.”" under the plan's name
                        None if c.rule == super::statements::PLAN_WORDS => {
                            (None, "the plan's words".to_string())
                        }
                        None => continue,
                    },
                }
            }
            Some(Mention::Document) | None => (None, "the article".to_string()),
        };
        let mut c = c;
        if via == "the plan's words" {
            c.kind = Kind::Report;
        }
        if via == "pronoun it"
            && c.kind == Kind::Report
            && speaker
                .as_ref()
                .is_some_and(|s| s.kind == SpeakerKind::Body)
        {
            // the body's own words, reported (a medium's stay its report)
            c.kind = Kind::Paraphrase;
            c.rule = "reported speech";
        }
        out.push((c, speaker, via));
    }
    out
}

/// True when the statement's words hold an adverb of hearsay ("the draft reportedly caps …").
fn hearsay(body: &str, c: &Candidate) -> bool {
    body.get(c.span.clone()).is_some_and(|t| {
        let folded = crate::text::fold_str(t);
        crate::text::word_refs(&folded).any(|w| grammar().resolve.hearsay.contains(&*w.text))
    })
}

/// "Olga Petrenko, of the School of Communication, has twenty years of …" and then paragraphs
/// that are only quotes: an expert round-up introduces each speaker by name at the start of
/// the paragraph right before their quotes, with no statement there.
fn introduced_before(
    body: &str,
    c: &Candidate,
    mentions: &[NameMention],
    out: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    let para = c.para.checked_sub(1)?;
    if out.iter().any(|(p, _, _)| p.para == para) {
        return None;
    }
    let m = mentions.iter().find(|m| m.para == para)?;
    let line_start = body[..m.pos].rfind('\n').map_or(0, |i| i + 1);
    let lead = body[line_start..m.pos].split_whitespace().count();
    // ("This is what President Tom Reyes told the media today.": a short line naming one
    // person only)
    let line_end = body[m.pos..].find('\n').map_or(body.len(), |i| m.pos + i);
    let short = body[line_start..line_end].split_whitespace().count() <= 16
        && mentions
            .iter()
            .filter(|n| n.para == para)
            .all(|n| n.speaker == m.speaker);
    (m.speaker.kind == SpeakerKind::Person && (lead <= 2 || short)).then(|| m.speaker.clone())
}

/// The body or medium that spoke in the statement right before `c`, in its paragraph or the one
/// before, when `c`'s subject is "it" and that statement's subject was no document ("…, the
/// agency reported. According to it, …").
fn body_before_it(
    body: &str,
    c: &Candidate,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    let subject = c.speaker_span.as_ref().and_then(|r| body.get(r.clone()))?;
    if !subject.trim().eq_ignore_ascii_case("it") {
        return None;
    }
    let (p, s, _) = before.last()?;
    let s = s.as_ref()?;
    // (a medium only after "according to": "It would also cap the army" is the plan it reported)
    let cited = s.kind == SpeakerKind::Media && c.rule == "according to";
    // (nor a body that only reacted to the subject: "The plan drew criticism from the
    // partners. It demands …" is the plan)
    let agent_only = ["reaction from", "judged by"].contains(&p.rule);
    ((s.kind == SpeakerKind::Body || cited)
        && !agent_only
        && p.para + 1 >= c.para
        && !matches!(p.mention, Some(Mention::Document)))
    .then(|| s.clone())
}

/// "the newspaper" -> the medium named before; "the diplomat" -> the unnamed diplomat before.
/// True when the person an unnamed description ("unnamed US official") was resolved to may be
/// of the side its words name.
fn description_fits(
    description: &Speaker,
    person: &Speaker,
    holders: &[RoleHolder],
    offices: &Offices<'_>,
) -> bool {
    let words: Vec<String> = description
        .name
        .trim_start_matches("unnamed ")
        .split_whitespace()
        .map(crate::text::fold_str)
        .collect();
    offices.may_be(person, &words, holders)
}

/// "the aide", or a possessive before the role ("Putin's aide", "the Kremlin's spokesman"):
/// a description of someone in particular.
fn definite_phrase(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    t.starts_with("the ")
        || t.split_whitespace()
            .next()
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
}

/// How many statements or names back a description looks for the group or person it takes up.
const LOOK_BACK: usize = 300;

pub(super) fn definite_description(
    s: &Speaker,
    definite: bool,
    at: usize,
    before: &[(Candidate, Option<Speaker>, String)],
    mentions: &[NameMention],
) -> Option<Speaker> {
    if s.known {
        return None;
    }
    let bare = s
        .name
        .strip_prefix("unnamed ")
        .unwrap_or(&s.name)
        .to_lowercase();
    // (the last few hundred statements: the scans below run for every statement)
    let mut earlier = before
        .iter()
        .rev()
        .take(LOOK_BACK)
        .filter_map(|(_, sp, _)| sp.as_ref());
    // "the report said" is the medium named before; "those reports", "reports say" (and a
    // report with no medium named) are the medium or media that reported just before, else the
    // media at large
    // "multiple reports", "several media reports", "unconfirmed press reports": reports all
    let head = bare
        .split_whitespace()
        .skip_while(|w| grammar().resolve.report_quantifiers.contains(w))
        .collect::<Vec<_>>()
        .join(" ");
    let head = head.as_str();
    if head == "report" || head == "reports" {
        // "the reports", "those reports", "reportedly" refer back; "several reports" do not
        let refers = bare
            .split_whitespace()
            .next()
            .is_some_and(|w| ["reports", "those", "these", "media"].contains(&w));
        let medium = if head == "report" {
            latest_medium(before, mentions, at)
        } else if refers {
            unnamed::media_just_before(before, at)
        } else {
            None
        };
        return Some(medium.unwrap_or_else(|| Speaker {
            slug: "media-reports".to_string(),
            name: "media reports".to_string(),
            kind: SpeakerKind::Media,
            known: false,
        }));
    }
    // "the media outlet", "the news agency": a media word after "media" or "news"
    if let Some((first, word)) = bare.split_once(' ')
        && definite
        && ["media", "news"].contains(&first)
        && grammar().resolve.media_words.contains(word)
    {
        return latest_medium(before, mentions, at);
    }
    // "the Kremlin official said" right after Peskov spoke: Peskov
    if bare.contains(' ') {
        let head = bare.rsplit(' ').next().unwrap_or("");
        let nobody_so_named = !earlier.clone().any(|x| x.name == s.name);
        return (s.kind == SpeakerKind::Unnamed
            && definite
            && grammar().resolve.title_heads.contains(head)
            && nobody_so_named)
            .then(|| last_person(before))
            .flatten();
    }
    if grammar().resolve.media_words.contains(bare.as_str()) {
        return latest_medium(before, mentions, at);
    }
    if s.kind == SpeakerKind::Unnamed {
        if let Some(same) = definite.then(|| spoke_last_as(s, before)).flatten() {
            return Some(same);
        }
        let suffix = format!(" {bare}");
        // "Senior American officials said … A second official added": one of that group
        let plural = format!(" {bare}s");
        let same = |x: &&Speaker| {
            let name = format!(" {}", x.name.to_lowercase());
            x.kind == SpeakerKind::Unnamed
                && x.name != s.name
                && (name.ends_with(&suffix) || name.ends_with(&plural))
        };
        // a statement of one before, or one the article introduced ("asked a senior EU
        // diplomat …"), the later the better
        let same_kind = earlier.find(same).cloned().or_else(|| {
            mentions
                .iter()
                .rev()
                .filter(|m| m.pos < at)
                .take(LOOK_BACK)
                .map(|m| &m.speaker)
                .find(same)
                .cloned()
        });
        let same_kind = same_kind.map(|x| unnamed::fullest(&x, before));
        if same_kind.is_some()
            || !definite
            || !grammar().resolve.title_heads.contains(bare.as_str())
        {
            return same_kind;
        }
        // "A senior ministry official was more forthcoming. … the official said": the source
        // the article introduced after the last person spoke, else that person ("the diplomat
        // stressed" right after Zakharova spoke)
        let person = last_person(before);
        let spoke_at = person.as_ref().and_then(|p| {
            before
                .iter()
                .rev()
                .find(|(_, sp, _)| sp.as_ref().is_some_and(|x| x.slug == p.slug))
                .map(|(c, _, _)| c.speaker_span.as_ref().map_or(c.span.start, |r| r.start))
        });
        let introduced = mentions
            .iter()
            .rev()
            .filter(|m| m.pos < at && spoke_at.is_none_or(|p| m.pos > p))
            .find(|m| {
                m.speaker.kind == SpeakerKind::Unnamed
                    && format!(" {}", m.speaker.name.to_lowercase()).ends_with(&suffix)
            });
        return introduced.map(|m| m.speaker.clone()).or(person);
    }
    None
}

/// The medium named last before `at`, as a speaker or anywhere ("Ukrinform reports this,
/// citing Bloomberg. According to the agency, …" is Bloomberg).
fn latest_medium(
    before: &[(Candidate, Option<Speaker>, String)],
    mentions: &[NameMention],
    at: usize,
) -> Option<Speaker> {
    let spoke = before.iter().rev().find_map(|(c, sp, _)| {
        let pos = c.speaker_span.as_ref().map_or(c.span.start, |r| r.start);
        sp.as_ref()
            .filter(|x| x.kind == SpeakerKind::Media && x.known)
            .map(|x| (pos, x))
    });
    let named = mentions
        .iter()
        .rev()
        .filter(|m| m.pos < at && m.speaker.kind == SpeakerKind::Media)
        .map(|m| (m.pos, &m.speaker))
        .next();
    match (spoke, named) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b.1 } else { a.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
    .cloned()
}

/// "A senior aide told The Hill that the plan, which Trump said …, will meet resistance. “…,”
/// the aide said": the unnamed source of that very name, when no person spoke in a later
/// sentence than it did (a person quoted inside its sentence does not take the reference).
fn spoke_last_as(s: &Speaker, before: &[(Candidate, Option<Speaker>, String)]) -> Option<Speaker> {
    let spoke = |keep: &dyn Fn(&Speaker) -> bool| {
        before
            .iter()
            .rev()
            .take(LOOK_BACK)
            .find_map(|(c, sp, _)| sp.as_ref().filter(|x| keep(x)).map(|x| (c.sentence, x)))
    };
    let (sentence, same) = spoke(&|x| x.kind == SpeakerKind::Unnamed && x.name == s.name)?;
    let person = spoke(&|x| x.kind == SpeakerKind::Person).map(|(n, _)| n);
    person
        .is_none_or(|n| n <= sentence)
        .then(|| unnamed::fullest(same, before))
}

/// The person among the speakers of the last three statements, latest first.
fn last_person(before: &[(Candidate, Option<Speaker>, String)]) -> Option<Speaker> {
    before
        .iter()
        .rev()
        .take(3)
        .filter_map(|(_, sp, _)| sp.as_ref())
        .find(|x| x.kind == SpeakerKind::Person)
        .cloned()
}

/// "one of the sources" / "both sources" / "one of them": the plural unnamed source that spoke
/// last before, when its words hold the same head ("Two sources close to the Kremlin").
fn member_of_group(
    np: Option<&str>,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    let np = np?.trim().to_lowercase();
    let rest = ["one of the ", "another of the ", "both ", "one of "]
        .iter()
        .find_map(|p| np.strip_prefix(p))?;
    let head = rest.split_whitespace().last()?;
    if !head.ends_with('s') || head.len() < 4 {
        return None;
    }
    before
        .iter()
        .rev()
        .filter_map(|(_, sp, _)| sp.as_ref())
        .find(|x| {
            x.kind == SpeakerKind::Unnamed
                && (head == "them" || x.name.to_lowercase().split_whitespace().any(|w| w == head))
        })
        .cloned()
}

fn plural_unnamed(s: &Speaker) -> bool {
    s.kind == SpeakerKind::Unnamed && !s.name.starts_with("unnamed ") && s.name.ends_with('s')
}

/// The fronted question of "Asked what would happen if Zelensky refused, he said …" (from the
/// sentence's start to the pronoun): the names in it are what the speaker was asked about, and
/// the pronoun is the person asked, named before it.
fn asked_clause(body: &str, c: &Candidate) -> Option<Range<usize>> {
    let at = c.speaker_span.as_ref()?.start;
    let before = body.get(..at)?;
    let start = before.rfind(['.', '?', '!', '\n']).map_or(0, |i| i + 1);
    let clause = before[start..].trim_start();
    let first = clause
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .map(crate::text::fold_str)?;
    grammar()
        .speakers
        .asking_participles
        .contains(first.as_str())
        .then_some(start..at)
}

pub(super) fn pronoun_word(p: Pronoun) -> &'static str {
    match p {
        Pronoun::He => "he",
        Pronoun::She => "she",
        Pronoun::They => "they",
        Pronoun::It => "it",
        Pronoun::Latter => "the latter",
        Pronoun::Former => "the former",
        Pronoun::Described => "the N-year-old",
    }
}

pub(super) fn pronoun(
    p: Pronoun,
    c: &Candidate,
    before: &[(Candidate, Option<Speaker>, String)],
    mentions: &[NameMention],
    genders: &[(String, Option<Gender>)],
) -> Option<Speaker> {
    let gender_of = |s: &Speaker| {
        genders
            .iter()
            .rev()
            .find(|(slug, g)| *slug == s.slug && g.is_some())
            .and_then(|(_, g)| *g)
    };
    let fits = |s: &Speaker| match p {
        Pronoun::He | Pronoun::She => {
            let want = if p == Pronoun::He {
                Gender::Male
            } else {
                Gender::Female
            };
            let plural_source = s.kind == SpeakerKind::Unnamed && s.name.ends_with('s');
            matches!(s.kind, SpeakerKind::Person | SpeakerKind::Unnamed)
                && !plural_source
                && gender_of(s).is_none_or(|g| g == want)
        }
        Pronoun::They => s.kind != SpeakerKind::Person,
        Pronoun::It => matches!(s.kind, SpeakerKind::Body | SpeakerKind::Media),
        Pronoun::Latter | Pronoun::Former => false,
        Pronoun::Described => s.kind == SpeakerKind::Person,
    };
    // "…," he continued: the speaker goes on, a person only named in between is not him
    let goes_on = c
        .verb
        .as_deref()
        .is_some_and(|v| grammar().speakers.going_on.contains(v));
    if goes_on
        && let Some(s) = before
            .iter()
            .rev()
            .filter(|(b, _, _)| b.para + 3 >= c.para && b.span.start < c.span.start)
            .filter_map(|(_, s, _)| s.clone())
            .find(|s| fits(s))
    {
        return Some(s);
    }
    // the same or the previous paragraph first; then, when nobody there fits, a few
    // paragraphs further back (a paragraph on something else may stand between)
    // the latest of: a speaker of a statement before, a person named as the subject of a
    // sentence before ("Kremlin aide Lev Orlov spoke to the press. He said …" is Orlov, even
    // after a quote of Putin's); a person named elsewhere in a sentence only when neither is
    for back in [1, 3] {
        let window = c.para.saturating_sub(back);
        let from_statement = before
            .iter()
            .rev()
            .filter(|(b, _, _)| b.para >= window && b.span.start < c.span.start)
            .filter_map(|(b, s, _)| {
                let at = b.speaker_span.as_ref().map_or(b.span.start, |r| r.start);
                s.clone().map(|s| (at, s))
            })
            .find(|(_, s)| fits(s));
        let named = |subject_only: bool| {
            mentions
                .iter()
                .rev()
                .filter(|m| m.pos < c.span.start && m.para >= window)
                // "Reuters reports this, citing three sources. According to them, …": a group
                // of unnamed sources named anywhere is a subject for "they"
                .filter(|m| {
                    m.subject || !subject_only || p == Pronoun::They && plural_unnamed(&m.speaker)
                })
                // one of a pair or a list is "they", not "he" or "she"
                .filter(|m| !(m.paired && matches!(p, Pronoun::He | Pronoun::She)))
                .map(|m| (m.pos, m.speaker.clone()))
                .find(|(_, s)| fits(s))
        };
        let best = match (from_statement, named(true)) {
            (Some(st), Some(nm)) => Some(if nm.0 > st.0 { nm } else { st }),
            (st, nm) => st.or(nm).or_else(|| named(false)),
        };
        if let Some((_, s)) = best {
            return Some(s);
        }
    }
    None
}

/// "Reyes answered by promising that he was ready, as he told reporters", "As Reyes flew to
/// Oslo, he told reporters …": the person named as the subject of the statement's own
/// sentence, before "as" and the pronoun or in the fronted clause before it.
fn subject_before_as(
    body: &str,
    c: &Candidate,
    p: Pronoun,
    mentions: &[NameMention],
    genders: &[(String, Option<Gender>)],
) -> Option<Speaker> {
    let at = c.speaker_span.as_ref()?.start;
    let want = match p {
        Pronoun::He => Gender::Male,
        Pronoun::She => Gender::Female,
        _ => return None,
    };
    let before = body.get(c.span.start..at)?.trim_end();
    let m = mentions
        .iter()
        .find(|m| m.subject && !m.paired && (c.span.start..at).contains(&m.pos))?;
    // or the subject of a fronted clause of time: "As Reyes flew to Oslo on Sunday, he told
    // reporters …" (only capitalised words of a title between: not "After meeting Reyes, he")
    let opener = body.get(c.span.start..m.pos)?;
    let mut words = opener.split_whitespace();
    let fronted = before.ends_with(',')
        && words.next().is_some_and(|w| {
            let w = crate::text::fold_str(w);
            w == "as" || grammar().statements.subordinators.contains(w.as_str())
        })
        && words.all(|w| w.starts_with(char::is_uppercase));
    if !(crate::text::fold_str(before).ends_with(" as") || fronted) {
        return None;
    }
    let gender = genders
        .iter()
        .rev()
        .find(|(slug, g)| *slug == m.speaker.slug && g.is_some())
        .and_then(|(_, g)| *g);
    (m.speaker.kind == SpeakerKind::Person && gender.is_none_or(|g| g == want))
        .then(|| m.speaker.clone())
}

/// "Envoy Reyes met banker Orlov. The latter said …": the person whose name (or surname)
/// was written last in the 400 bytes before the statement (the former: the one written last
/// before that one, another person). Persons are those the article named before.
fn latter_or_former(
    former: bool,
    body: &str,
    c: &Candidate,
    mentions: &[NameMention],
) -> Option<Speaker> {
    let mut from = c.span.start.saturating_sub(400);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let region = body.get(from..c.span.start)?;
    let mut seen: Vec<(usize, &Speaker)> = Vec::new();
    for m in mentions.iter().filter(|m| m.pos < c.span.start) {
        let s = &m.speaker;
        if s.kind != SpeakerKind::Person || seen.iter().any(|(_, k)| k.slug == s.slug) {
            continue;
        }
        let surname = s.name.split_whitespace().last().unwrap_or(&s.name);
        let last = region
            .match_indices(surname)
            .map(|(i, _)| i)
            .filter(|&i| {
                let before = region[..i].chars().next_back();
                let after = region[i + surname.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .last();
        if let Some(at) = last {
            seen.push((at, s));
        }
    }
    seen.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    seen.get(usize::from(former)).map(|(_, s)| (*s).clone())
}

/// The speaker an unfilled office of a country stands for: the phrase without its article
/// ("the Norwegian foreign minister" is "Norwegian foreign minister").
fn office_as_written(phrase: &str) -> Speaker {
    let name = super::speakers::strip_determiner(phrase);
    Speaker {
        slug: crate::text::slugify(&name),
        name,
        kind: SpeakerKind::Unnamed,
        known: false,
    }
}

/// "his office", "her office", "his spokesman": the body or aide the speaker list gives the
/// person named last before the phrase ("Zelenskyy's office" is the Office of the President of
/// Ukraine); none when the list has no such entry.
fn office_of_person_before(
    body: &str,
    c: &Candidate,
    mentions: &[NameMention],
    offices: &Offices<'_>,
) -> Option<Speaker> {
    let r = c.speaker_span.as_ref()?;
    let phrase = crate::text::fold_str(body.get(r.clone())?);
    let noun = phrase
        .strip_prefix("his ")
        .or_else(|| phrase.strip_prefix("her "))?;
    let person = mentions
        .iter()
        .rev()
        .find(|m| m.end <= r.start && m.speaker.kind == SpeakerKind::Person)?;
    let surname = person.speaker.name.split_whitespace().last()?;
    match offices
        .gazetteer
        .resolve(&format!("{surname}'s {noun}"), &mut Vec::new())
    {
        Some(Mention::Speaker(s, _)) if s.known && s.slug != person.speaker.slug => Some(s),
        _ => None,
    }
}
