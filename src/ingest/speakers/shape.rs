//! Noun phrases whose shape says who speaks before any name does: the agent of a document
//! ("a copy obtained by Bloomberg"), a head with a relative clause ("Estonian officials who have
//! studied the draft"), a medium after its description ("the agency Reuters"), a country or
//! capital ("Oslo"), and a coordination of speakers ("Trump and Macron": the first; the
//! statement is copied for the others, see `statements::pairs`).

use super::*;
use crate::grammar::grammar;

impl Gazetteer {
    /// The speaker a phrase names by its shape, if it has one of the shapes above.
    pub(super) fn resolve_shape(
        &self,
        np: &str,
        words: &[&str],
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let tokens: Vec<&str> = np.split_whitespace().collect();
        if tokens.len() != words.len() {
            return None;
        }
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        // "Ukraine and its European allies", "Kyiv and their partners": one group, as written
        if let Some(m) = self.party_and_its_group(&tokens, words, local) {
            return Some(m);
        }
        // "a copy obtained by Bloomberg", "released by the French government"; but a speaker
        // before the participle is the one who speaks ("the official cited by Politico"), when
        // it is a name or an unnamed source: a role ("the US official") is no one the article
        // names, so the medium keeps it
        if let Some(i) = (1..words.len().saturating_sub(1))
            .find(|&i| words[i] == "by" && self.agent_participles.contains(&bare(words[i - 1])))
        {
            if i >= 2
                && let Some(m @ Mention::Speaker(..)) =
                    self.resolve(&tokens[..i - 1].join(" "), local)
            {
                return Some(m);
            }
            // "reporting by the Journal and verified by Reuters": the first agent
            let end = (i + 2..words.len().saturating_sub(1))
                .find(|&j| {
                    words[j] == "and" && self.agent_participles.contains(&bare(words[j + 1]))
                })
                .unwrap_or(words.len());
            return match self.resolve(&tokens[i + 1..end].join(" "), local) {
                Some(m @ (Mention::Speaker(..) | Mention::Role { .. })) => Some(m),
                _ => None,
            };
        }
        // "a statement from Merz's office", "a readout by the White House": the office
        if let Some(i) = (1..words.len().saturating_sub(1)).find(|&i| {
            ["from", "by", "of"].contains(&words[i])
                && grammar()
                    .shape
                    .statement_nouns
                    .contains(bare(words[i - 1]).as_str())
                && i <= 2
        }) {
            return match self.resolve(&tokens[i + 1..].join(" "), local) {
                Some(m @ (Mention::Speaker(..) | Mention::Role { .. })) => Some(m),
                _ => None,
            };
        }
        // "The White House's readout", "the ministry's statement": whoever issued it
        if words.len() >= 2
            && grammar()
                .shape
                .statement_nouns
                .contains(bare(words[words.len() - 1]).as_str())
            && let Some(owner) = ["'s", "\u{2019}s"]
                .iter()
                .find_map(|p| tokens[tokens.len() - 2].strip_suffix(p))
        {
            let owner = [&tokens[..tokens.len() - 2], &[owner]].concat().join(" ");
            return match self.resolve(&owner, local) {
                Some(m @ (Mention::Speaker(..) | Mention::Role { .. })) => Some(m),
                _ => None,
            };
        }
        // "the White House's readout", "a Kremlin statement": the issuer before the noun
        if let Some(m) = self.issuer_of_document(&tokens, words, local) {
            return Some(m);
        }
        if let Some(m) = self.joint_document(words) {
            return Some(m);
        }
        // "the Axios report claims", "a Reuters story": the medium
        if let [head @ .., last] = words
            && [
                "report",
                "reports",
                "story",
                "article",
                "scoop",
                "investigation",
            ]
            .contains(&bare(last).as_str())
            && (1..=4).contains(&head.len())
            && let Some(m) = self.resolve(&tokens[..tokens.len() - 1].join(" "), local)
            && matches!(&m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Media)
            // "media reports", "Ukrainian media reports": no medium is named, the phrase is
            // the speaker as written
            && (!self.media.contains(&bare(head[head.len() - 1]))
                || matches!(&m, Mention::Speaker(sp, _) if sp.known))
        {
            return Some(m);
        }
        // "the people said" after "three people familiar with the talks": the group, found when
        // speakers are resolved (`resolve/unnamed.rs`)
        if let [the, head] = words
            && ["the", "these", "those"].contains(the)
            && self.unnamed_with_clause.iter().any(|w| w == head)
        {
            return Some(unnamed(head));
        }
        // "Estonian officials who have studied the draft", "three people who have read it"
        if let Some(i) = (1..words.len()).find(|&i| ["who", "which", "that"].contains(&words[i])) {
            let head = tokens[..i].join(" ");
            return self.resolve(&head, local).or_else(|| {
                let last = bare(words[i - 1]);
                // "three people who have read the text": several keep the article's words
                let several = last.ends_with('s') || last == "people";
                let name = match (several, tokens.len() <= 8) {
                    (true, true) => strip_determiner(np),
                    (true, false) => "unnamed sources".to_string(),
                    _ => "unnamed source".to_string(),
                };
                self.unnamed_with_clause
                    .contains(&last)
                    .then(|| unnamed(&name))
            });
        }
        // "India on Thursday", "the Kremlin earlier this week": the speaker before the time
        if let Some(i) = time_adjunct(words) {
            return self.resolve(&tokens[..i].join(" "), local);
        }
        if let Some(m) = self.described_medium(words) {
            return Some(m);
        }
        if let Some(m) = self.person_of_body(&tokens, words, local) {
            return Some(m);
        }
        if let Some(m) = self.group_of_places(np, &tokens, words) {
            return Some(m);
        }
        if let Some(name) = self.place(&tokens) {
            return Some(unlisted(name, SpeakerKind::Body));
        }
        self.coordination(&tokens, words, local)
    }

    /// "Tom Reyes of the Brookings Institution", "Jan Berg of S&D": the person before "of" and
    /// the body they belong to (two to four capitalised words before it, which name a person:
    /// "Secretary of State" and "Ministry of Defence" name none).
    fn person_of_body(
        &self,
        tokens: &[&str],
        words: &[&str],
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let of = words.iter().position(|w| *w == "of")?;
        let capital = |t: &&str| t.starts_with(char::is_uppercase);
        if !(2..=4).contains(&of) || !tokens[..of].iter().all(capital) || words.len() - of > 7 {
            return None;
        }
        self.resolve(&tokens[..of].join(" "), local)
            .filter(|m| matches!(m, Mention::Speaker(sp, _) if sp.kind == SpeakerKind::Person))
    }

    /// "The White House's readout", "a French presidency statement", "a Kremlin statement":
    /// the words between the determiner and a noun of `statement_nouns` name who issued it, when
    /// they are a name that names a speaker ("the joint statement" and "the side letter" name
    /// none, and are left to the role rules; "Kyiv Post" is a name, not a post).
    fn issuer_of_document(
        &self,
        tokens: &[&str],
        words: &[&str],
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let last = words.last()?.trim_matches(|c: char| !c.is_alphanumeric());
        // a capital noun is part of a name ("Kyiv Post", "Washington Post")
        let lowercase_noun = tokens
            .last()
            .is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()));
        if tokens.len() < 2 || !lowercase_noun || !grammar().shape.statement_nouns.contains(last) {
            return None;
        }
        let skip = [
            "a", "an", "the", "joint", "final", "official", "written", "new", "brief",
        ];
        let start = words.iter().take_while(|w| skip.contains(w)).count();
        let issuer = tokens.get(start..tokens.len() - 1)?.join(" ");
        let issuer = issuer
            .strip_suffix("'s")
            .or_else(|| issuer.strip_suffix("’s"))
            .unwrap_or(&issuer);
        // the issuer is a name ("the side letter" names nobody)
        if !issuer
            .split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        match self.resolve(issuer, local) {
            Some(m @ (Mention::Speaker(..) | Mention::Role { .. })) => Some(m),
            _ => None,
        }
    }

    /// "a joint statement", "a joint statement of the two capitals", "a US-Ukraine
    /// statement": a text issued by several, who are found from the context when speakers are
    /// resolved (`groups::joint_issuer`).
    fn joint_document(&self, words: &[&str]) -> Option<Mention> {
        let bare = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let at = words
            .iter()
            .take(5)
            .position(|w| grammar().shape.statement_nouns.contains(bare(w).as_str()))?;
        let before = &words[..at];
        let pair = |w: &&str| {
            w.split_once(['-', '\u{2013}'])
                .is_some_and(|(l, r)| self.is_place(l) && self.is_place(r))
        };
        let opens = before
            .first()
            .is_some_and(|w| ["a", "an", "the"].contains(&bare(w).as_str()));
        let joint = before.iter().any(|w| bare(w) == "joint") || before.iter().any(pair);
        // "a joint statement" or "the joint statement of the two capitals" (a phrase after
        // the noun names no one: "the joint statement issued on Sunday")
        (opens && joint).then(|| Mention::Role {
            words: vec![bare(words[at])],
            fallback: None,
            side: Vec::new(),
        })
    }

    /// "the aide", "the Kremlin leader's aide", "the Russian adviser": a role after "the" and
    /// words of a side or possessives only is whoever the article named in that role (with
    /// that side); with no such holder it stays the unnamed source it describes.
    pub(super) fn definite_title(
        &self,
        np: &str,
        words: &[&str],
        clean: &[String],
        hits: &[NameHit],
    ) -> Option<Mention> {
        if clean.len() < 2 || clean[0] != "the" || hits.iter().any(|h| h.title) {
            return None;
        }
        // "the statement read", "the joint communique said": whoever issued it
        if clean.len() <= 3
            && let Some(noun) = grammar()
                .shape
                .statement_nouns
                .iter()
                .find(|n| clean.last().is_some_and(|l| l == *n))
            && (clean.len() == 2
                || ["joint", "final", "official", "written"].contains(&clean[1].as_str()))
        {
            return Some(Mention::Role {
                words: vec![(*noun).to_string()],
                fallback: None,
                side: Vec::new(),
            });
        }
        let head = clean.last()?;
        let (_, role_words) = self.roles.iter().find(|(k, _)| k == head)?;
        let middle = &clean[1..clean.len() - 1];
        let plain = middle.iter().zip(&words[1..]).all(|(w, raw)| {
            self.origins.iter().any(|(k, _)| k == w)
                || raw.ends_with("'s")
                || ["senior", "top", "chief"].contains(&w.as_str())
        });
        if !plain || !self.is_unnamed_head(head) {
            return None;
        }
        let fallback = match self.unnamed_source(np, &fold_str(np), clean, hits) {
            Some(Mention::Speaker(sp, _)) => Some(sp),
            _ => None,
        };
        Some(Mention::Role {
            words: role_words.clone(),
            fallback,
            side: self.side_words(middle),
        })
    }

    /// The folded words that name the sides among `words` ("russian" -> "russian", "moscow",
    /// "russia"): every origin key of the same side, and the side's own name.
    pub(in crate::ingest) fn side_words(&self, words: &[String]) -> Vec<String> {
        let sides: Vec<&String> = words
            .iter()
            .filter_map(|w| self.origins.iter().find(|(k, _)| k == w).map(|(_, o)| o))
            .collect();
        let mut out: Vec<String> = self
            .origins
            .iter()
            .filter(|(_, o)| sides.contains(&o))
            .map(|(k, _)| k.clone())
            .collect();
        out.extend(sides.iter().map(|o| fold_str(o)));
        out.sort();
        out.dedup();
        out
    }

    /// "the agency Reuters", "US outlet Axios": the medium named at the end of its description.
    fn described_medium(&self, words: &[&str]) -> Option<Mention> {
        let folded = words.join(" ");
        let hit = self
            .find(&folded)
            .into_iter()
            .filter(|h| h.speaker.kind == SpeakerKind::Media)
            .max_by_key(|h| h.end - h.start)?;
        let is_descriptor = |w: &str| {
            let w = w.trim_end_matches("'s");
            self.media.contains(w) || grammar().shape.media_descriptors.contains(w)
        };
        let after: Vec<&str> = folded[hit.end..].split_whitespace().collect();
        let at_end = after.is_empty();
        let described = folded[..hit.start].split_whitespace().any(is_descriptor);
        // "the Axios news website", "the RBC-Ukraine news agency": the description after it
        let described_after = !after.is_empty() && after.iter().all(|w| is_descriptor(w));
        (at_end && described || described_after).then_some(Mention::Speaker(hit.speaker, None))
    }

    /// A country or capital alone, as the article writes it.
    fn place(&self, tokens: &[&str]) -> Option<String> {
        let mut name = tokens
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        // "U.K." is written "UK"
        if name.split('.').all(|p| p.chars().count() == 1) {
            name = name.replace('.', "");
        }
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        if capital && self.places.contains(&fold_str(&name).replace('.', "")) {
            return Some(name);
        }
        // "the US", "The UK", "the United Kingdom": the places written with an article ("The
        // Hague" is a name of its own, found above; "the Kyiv" is the start of "the Kyiv Post")
        let takes_the = |rest: &[&str]| match rest {
            [abbreviation] => !abbreviation.contains(char::is_lowercase),
            [first, ..] => *first == "United",
            [] => false,
        };
        match tokens {
            [the, rest @ ..] if the.eq_ignore_ascii_case("the") && takes_the(rest) => {
                self.place(rest)
            }
            _ => None,
        }
    }

    /// True when `name` is a country or capital of the list (a speaker that a modal verb turns
    /// into the content of the plan: "Kyiv would agree to ...").
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(&fold_str(name).replace('.', ""))
    }

    /// True when `word` is a participle whose agent is who holds or saw a text ("seen" in
    /// "seen by Reuters").
    pub fn is_agent_participle(&self, word: &str) -> bool {
        self.agent_participles.contains(&fold_str(word))
    }

    /// True when `word` is a plural head of `[nouns] groups` ("countries" in "the EU countries").
    pub fn is_group_head(&self, word: &str) -> bool {
        let bare = fold_str(word.trim_matches(|c: char| !c.is_alphanumeric()));
        bare.ends_with('s') && self.groups.contains(&bare)
    }

    /// "Leaders of Chile, Peru and Norway", "the foreign ministers of France and Poland": a
    /// group named by a plural head of `[nouns] groups` and the countries or capitals it comes
    /// from (several, joined by commas and "and"), as the article writes it.
    fn group_of_places(&self, np: &str, tokens: &[&str], words: &[&str]) -> Option<Mention> {
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        // "Leaders of Chile, Peru and Kenya", "leaders from Canada, Europe and Japan"
        let of = (1..words.len().min(5)).find(|&i| words[i] == "of" || words[i] == "from")?;
        let head = bare(words[of - 1]);
        if !head.ends_with('s') || !self.groups.contains(&head) || of + 1 >= tokens.len() {
            return None;
        }
        let tail = &tokens[of + 1..];
        // several places: one alone ("the leaders of France") is more often a list the
        // commas cut short than a group
        let parts = coordinated_parts(tail, &words[of + 1..])?;
        // "Leaders of Chile, Peru and the African Union": a body may stand among the places
        let is_body = |p: &str| {
            matches!(self.resolve(p, &mut Vec::new()),
                Some(Mention::Speaker(s, _)) if s.kind == SpeakerKind::Body)
        };
        let every_place = parts.iter().all(|p| {
            let bare = p.strip_prefix("the ").unwrap_or(p);
            self.place(&bare.split_whitespace().collect::<Vec<_>>())
                .is_some()
                || is_body(p)
        });
        every_place.then(|| unlisted(strip_determiner(np), SpeakerKind::Body))
    }

    /// "Trump and Macron", "Lisbon, Riga and Warsaw": the first, when every part names a
    /// speaker of its own. A shared head ("U.S. and Ukrainian negotiators", "EU and NATO
    /// officials") is one group, not a coordination.
    fn coordination(
        &self,
        tokens: &[&str],
        words: &[&str],
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let parts = coordinated_parts(tokens, words)?;
        let first = &parts[0];
        let adjective_first = !first.contains(' ')
            && self.origins.iter().any(|(k, _)| {
                *k == fold_str(first.trim_matches(|c: char| !c.is_alphanumeric())).replace('.', "")
                    || *k == fold_str(first)
            });
        // (a capital alone after "and" is a coordination: "Washington and Kyiv said")
        let shared_head = parts
            .last()
            .is_some_and(|p| p.split_whitespace().count() >= 2);
        if adjective_first && shared_head {
            return None;
        }
        let mut resolved = Vec::new();
        for p in &parts {
            match self.resolve(p, local) {
                Some(m @ Mention::Speaker(..)) => resolved.push(m),
                _ => return None,
            }
        }
        resolved.into_iter().next()
    }
}

/// The parts of "A and B" / "A, B and C" (original text), when the phrase has that shape.
pub fn coordinated_parts(tokens: &[&str], words: &[&str]) -> Option<Vec<String>> {
    let and = words.iter().position(|w| *w == "and")?;
    if and == 0 || and + 1 >= words.len() || words[and + 1..].contains(&"and") {
        return None;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if i == and {
            // (after a serial comma the part before "and" is already closed)
            if !current.is_empty() {
                parts.push(current.join(" "));
            }
            current.clear();
            continue;
        }
        let ends_part = t.ends_with(',') && i < and;
        current.push(t.trim_end_matches(','));
        if ends_part {
            parts.push(current.join(" "));
            current.clear();
        }
    }
    parts.push(current.join(" "));
    // "Politico and the Guardian": a name after its article counts
    let named = |p: &String| {
        let p = p.strip_prefix("the ").unwrap_or(p);
        p.chars().next().is_some_and(char::is_uppercase)
    };
    (parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && named(p))).then_some(parts)
}

impl Gazetteer {
    /// "Ukraine and its European allies": a party and a group of its own ("its", "their"), a
    /// noun of groups at the end, is one body named as written.
    fn party_and_its_group(
        &self,
        tokens: &[&str],
        words: &[&str],
        local: &mut Vec<(String, Speaker)>,
    ) -> Option<Mention> {
        let and = words.iter().position(|w| *w == "and")?;
        let own = words.get(and + 1)?;
        let head = words.last()?.trim_matches(|c: char| !c.is_alphanumeric());
        if !(1..=3).contains(&and)
            || !["its", "their"].contains(own)
            || words.len() > and + 5
            || !self.groups.iter().any(|g| g == head)
        {
            return None;
        }
        match self.resolve(&tokens[..and].join(" "), local)? {
            Mention::Speaker(..) => Some(unlisted(tokens.join(" "), SpeakerKind::Body)),
            _ => None,
        }
    }
}

fn unnamed(name: &str) -> Mention {
    Mention::Speaker(
        Speaker {
            slug: slugify(name),
            name: name.to_string(),
            kind: SpeakerKind::Unnamed,
            known: false,
        },
        None,
    )
}

/// Where a trailing time adjunct starts ("on Thursday", "earlier this week", "on Nov. 21",
/// "yesterday"), when the phrase has a word before it.
fn time_adjunct(words: &[&str]) -> Option<usize> {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let timeish = |w: &str| {
        let w = bare(w);
        grammar().shape.time_words.contains(w.as_str())
            || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty()
    };
    let openers = [
        "on",
        "last",
        "this",
        "earlier",
        "late",
        "early",
        "yesterday",
        "today",
    ];
    let i = (1..words.len()).find(|&i| {
        openers.contains(&bare(words[i]).as_str())
            && words[i..]
                .iter()
                .skip(1)
                .all(|w| timeish(w) || openers.contains(&bare(w).as_str()))
            && (words.len() - i == 1
                && ["yesterday", "today", "earlier"].contains(&bare(words[i]).as_str())
                || words[i + 1..].iter().any(|w| timeish(w)))
    })?;
    Some(i)
}

/// The person of the entity table (`local`, by folded surname) whose full name ends `np`, when
/// the words before it (`tail` is the folded text from where a title ended) hold no preposition
/// or verb: "Latvian minister Ilze Berzina".
pub(super) fn entity_at_end(np: &str, tail: &str, local: &[(String, Speaker)]) -> Option<Speaker> {
    let surname = fold_str(np.split_whitespace().last()?);
    let surname = surname.trim_matches(|c: char| !c.is_alphanumeric());
    let (_, s) = local.iter().find(|(k, _)| k == surname)?;
    let name = fold_str(&s.name);
    let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric());
    let before = tail.strip_suffix(name.as_str())?;
    let clean = before.is_empty() || before.ends_with(' ');
    let plain = before.split_whitespace().all(|w| {
        !grammar()
            .shape
            .not_title
            .contains(w.trim_matches(|c: char| !c.is_alphanumeric()))
    });
    (clean && plain && name.contains(' ')).then(|| s.clone())
}

/// A person of the entity table named right at the start of `tail` (the folded words after a
/// title: "UK Prime Minister Arthur Pell waved a sheet and").
pub(super) fn entity_at_start(tail: &str, local: &[(String, Speaker)]) -> Option<Speaker> {
    let tail = tail.trim_start();
    local
        .iter()
        .map(|(_, s)| s)
        .filter(|s| s.kind == SpeakerKind::Person && s.name.contains(' '))
        .find(|s| {
            let name = fold_str(&s.name);
            tail.strip_prefix(name.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .cloned()
}
