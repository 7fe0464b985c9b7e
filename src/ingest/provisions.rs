//! Stage 5: statement text -> the points it is about, with the words that linked each.
//!
//! Text and vocabulary are folded, split into words and stemmed, and matched as whole word
//! sequences. The text is cut into clauses (at punctuation and at "and", "but", "as well as"
//! ...); in each clause the point with the highest score wins, where a phrase weighs more than
//! a word and overlapping matches for one point count once. A word several points share
//! ("NATO", "troops", "sanctions") only adds weight to those points; alone it decides nothing
//! unless the statement is otherwise about the plan, when its `default` point applies.
//! "point 7" / "points 7 and 8" name points directly.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::catalog::Plan;
use crate::grammar::grammar;
use crate::model::ProvisionLink;
use crate::text::{WordRef, fold_str, stem, stem_into, word_refs, words};

#[derive(Debug, Clone)]
enum Target {
    /// A word of one point.
    Strong(u8),
    /// A word that counts for one point only beside another of its words.
    Weak(u8),
    /// A word several points share (index into `shared`).
    Shared(usize),
    /// A word that shows the text speaks of the plan (point 0's vocabulary).
    Plan,
    /// A phrase in which words of the vocabulary are something else ("to deal with",
    /// "Russia's army").
    NotPlan,
}

#[derive(Debug, Clone)]
struct Pattern {
    target: Target,
    tokens: usize,
}

#[derive(Debug, Clone)]
struct SharedWord {
    points: Vec<u8>,
    default: Option<u8>,
    marks_plan: bool,
}

/// The vocabulary of the 28 points, compiled.
#[derive(Debug)]
pub struct Linker {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    shared: Vec<SharedWord>,
    /// Last stems of the points' phrases of several words ("plant", "council").
    heads: std::collections::HashSet<String>,
    /// Parties of the plan ("nato", "the eu"): in an enumeration of actors, not a topic.
    parties: std::collections::HashSet<String>,
    /// Words matched as written ("constitute" is not "constitution").
    unstemmed: std::collections::HashSet<String>,
    /// Words that open a fronted aside ("beyond", "besides").
    asides: Vec<Vec<String>>,
}

/// One vocabulary match in a text.
#[derive(Debug, Clone)]
struct Hit {
    first_token: usize,
    last_token: usize,
    pattern: usize,
    surface: String,
}

/// What the vocabulary finds in one statement.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    hits: Vec<Hit>,
    clause_of: Vec<usize>,
    explicit: Vec<u8>,
    /// Words of point 0's vocabulary found ("plan", "peace deal").
    pub plan_words: Vec<String>,
    /// Per word: inside a fronted aside ("Beyond territory, …").
    aside: Vec<bool>,
    /// Per word: the next word is one of `actor_verbs` ("the EU must …"), and the word is no
    /// alternative after "or"; empty when no hit is one of `actors`.
    before_verb: Vec<bool>,
    /// Per word: one of `topic_words` stands within three words before it ("concerning the
    /// EU"); empty when no hit is one of `actors`.
    topic_before: Vec<bool>,
}

static POINT_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bpoints? (?:no\.? ?|number )?(\d{1,2})((?:(?:, | and | & |-)\d{1,2})*)")
        .expect("static pattern")
});

/// The numbers one to twenty-eight in words, in order.
const NUMBER_WORDS: [&str; 28] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "twenty-one",
    "twenty-two",
    "twenty-three",
    "twenty-four",
    "twenty-five",
    "twenty-six",
    "twenty-seven",
    "twenty-eight",
];

/// "point eight", "point number seven", "points seven and eight": numbers in words.
static POINT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"(?:twenty-(?:one|two|three|four|five|six|seven|eight)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
    Regex::new(&format!(
        r"\bpoints? (?:number )?({n}(?:(?:, | and ){n})*)\b"
    ))
    .expect("static pattern")
});

/// The hits of one clause and the points they give.
type ClauseLinks<'a> = (Vec<&'a Hit>, Vec<(u8, Vec<String>)>);

/// The point or shared word a target names, to compare two targets.
fn target_point(t: &Target) -> Option<usize> {
    match t {
        Target::Strong(n) | Target::Weak(n) => Some(usize::from(*n)),
        Target::Shared(i) => Some(*i),
        Target::Plan | Target::NotPlan => None,
    }
}

/// "U.S." read as "US" (the dots become spaces, so every byte keeps its place): the words
/// split at a dot, and "U.S. initiative" could not match the vocabulary's "us initiative".
/// Only a run of single letters each followed by a dot ("U.S.", "E.U.", "a.m.").
pub(super) fn undot_initials(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let boundary = |i: Option<usize>| {
        i.and_then(|i| b.get(i))
            .is_none_or(|c| !c.is_ascii_alphanumeric())
    };
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i + 3 < b.len() + 1 {
        // a letter at a word start, a dot, a letter, a dot: then as many more pairs as follow
        if letter(i)
            && b.get(i + 1) == Some(&b'.')
            && letter(i + 2)
            && b.get(i + 3) == Some(&b'.')
            && boundary(i.checked_sub(1))
        {
            let mut j = i;
            while letter(j)
                && b.get(j + 1) == Some(&b'.')
                && boundary(j.checked_sub(1).filter(|_| j == i))
            {
                j += 2;
            }
            let o = out.get_or_insert_with(|| b.to_vec());
            let letters: Vec<u8> = (i..j).step_by(2).map(|k| b[k]).collect();
            for (k, slot) in (i..j).enumerate() {
                o[slot] = letters.get(k).copied().unwrap_or(b' ');
            }
            i = j;
        } else {
            i += 1;
        }
    }
    match out.and_then(|o| String::from_utf8(o).ok()) {
        Some(s) => std::borrow::Cow::Owned(s),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The keyword, then the keyword with a shared term written out in each of its longer
/// synonyms, bare and after "the": "joining nato" also as "joining the north atlantic treaty
/// organization".
fn spelled_out(plan: &Plan, keyword: &str) -> Vec<String> {
    let mut out = vec![keyword.to_string()];
    let words: Vec<&str> = keyword.split_whitespace().collect();
    for s in &plan.shared {
        let Some(i) = words.iter().position(|w| *w == s.term) else {
            continue;
        };
        // the spelled-out name takes an article: "joining the north atlantic treaty organization"
        for syn in s
            .synonyms
            .iter()
            .filter(|x| x.split_whitespace().count() > 2)
        {
            for article in [None, Some("the")] {
                let mut w: Vec<&str> = words.clone();
                w.splice(i..=i, article.into_iter().chain(syn.split_whitespace()));
                out.push(w.join(" "));
            }
        }
    }
    out
}

fn stem_phrase(phrase: &str, unstemmed: &std::collections::HashSet<String>) -> Vec<String> {
    let folded = fold_str(&undot_initials(phrase));
    words(&folded)
        .into_iter()
        .map(|w| {
            if unstemmed.contains(&*w.text) {
                w.text.to_string()
            } else {
                stem(&w.text)
            }
        })
        .collect()
}

impl Linker {
    /// Compiles the vocabulary of `plan`.
    pub fn new(plan: &Plan) -> Result<Self, aho_corasick::BuildError> {
        let unstemmed: std::collections::HashSet<String> =
            plan.layout.unstemmed.iter().map(|w| fold_str(w)).collect();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |phrase: &str, target: Target| {
            let stems = stem_phrase(phrase, &unstemmed);
            if !stems.is_empty() {
                keys.push(format!(" {} ", stems.join(" ")));
                patterns.push(Pattern {
                    target,
                    tokens: stems.len(),
                });
            }
        };
        for p in &plan.points {
            for k in p.keywords.iter().flat_map(|k| spelled_out(plan, k)) {
                add(
                    &k,
                    if p.number == 0 {
                        Target::Plan
                    } else {
                        Target::Strong(p.number)
                    },
                );
            }
            for k in &p.weak {
                add(
                    k,
                    if p.number == 0 {
                        Target::Plan
                    } else {
                        Target::Weak(p.number)
                    },
                );
            }
        }
        let mut shared = Vec::new();
        for (i, s) in plan.shared.iter().enumerate() {
            for k in std::iter::once(&s.term).chain(&s.synonyms) {
                add(k, Target::Shared(i));
            }
            shared.push(SharedWord {
                points: s.points.clone(),
                default: s.default,
                marks_plan: s.marks_plan,
            });
        }
        for k in &plan.layout.not_plan {
            add(k, Target::NotPlan);
        }
        let heads = plan
            .points
            .iter()
            .filter(|p| p.number > 0)
            .flat_map(|p| &p.keywords)
            .map(|k| stem_phrase(k, &unstemmed))
            .filter(|st| st.len() > 1)
            .filter_map(|st| st.last().cloned())
            .collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)?;
        Ok(Self {
            ac,
            patterns,
            shared,
            heads,
            parties: plan.layout.parties.iter().map(|p| fold_str(p)).collect(),
            asides: plan
                .layout
                .asides
                .iter()
                .map(|a| {
                    words(&fold_str(a))
                        .iter()
                        .map(|w| w.text.to_string())
                        .collect()
                })
                .collect(),
            unstemmed,
        })
    }

    /// Finds the vocabulary in `text`; bytes in `masked` (ranges of `text`) are ignored.
    pub fn analyse(&self, text: &str, masked: &[std::ops::Range<usize>]) -> Analysis {
        // "give us guarantees": the pronoun in lower case is never the United States
        let unus = pronoun_us(text);
        let text = unus.as_deref().unwrap_or(text);
        let undotted = undot_initials(text);
        let text = undotted.as_ref();
        let folded = fold_visible(text, masked);
        let ws: Vec<WordRef<'_>> = word_refs(&folded).collect();
        let tokens = self.tokenize(&folded, &ws);
        let mut hits = self.find_hits(&folded, &ws, &tokens);
        self.drop_not_plan(&mut hits);
        drop_nested_strong(&mut hits, &self.patterns);
        let plan_words = hits
            .iter()
            .filter(|h| matches!(self.patterns[h.pattern].target, Target::Plan))
            .map(|h| h.surface.clone())
            .collect();
        // only a text that names NATO, the EU or Europe needs the words after them
        let hits_actor = hits
            .iter()
            .any(|h| grammar().provisions.actors.contains(&*h.surface));
        let topic_before = if !hits_actor {
            Vec::new()
        } else {
            (0..ws.len())
                .map(|k| {
                    (k.saturating_sub(3)..k)
                        .any(|j| grammar().provisions.topic_words.contains(&*ws[j].text))
                })
                .collect()
        };
        Analysis {
            hits,
            topic_before,
            clause_of: tokens.clause_of,
            explicit: explicit_points(&folded),
            plan_words,
            aside: tokens.aside,
            before_verb: if !hits_actor {
                Vec::new()
            } else {
                (0..ws.len())
                    .map(|k| {
                        // "clauses concerning the EU or NATO could …": an alternative is an object
                        let back =
                            |i: usize| k.checked_sub(i).and_then(|j| ws.get(j)).map(|w| &*w.text);
                        let alternative = back(1) == Some("or")
                            || (back(1) == Some("the") && back(2) == Some("or"));
                        !alternative
                            && ws.get(k + 1).is_some_and(|n| {
                                grammar().provisions.actor_verbs.contains(&*n.text)
                            })
                    })
                    .collect()
            },
        }
    }

    /// The clause and aside flag of every word, and the stems joined as " s1 s2 s3 " for
    /// whole-word matching, with the word index of every byte.
    fn tokenize(&self, folded: &str, ws: &[WordRef<'_>]) -> Tokens {
        let mut t = Tokens {
            clause_of: Vec::with_capacity(ws.len()),
            punct_before: Vec::with_capacity(ws.len()),
            aside: Vec::with_capacity(ws.len()),
            joined: String::with_capacity(folded.len() + 2),
            token_at: Vec::with_capacity(folded.len() + 2),
            compact: String::new(),
            compact_at: Vec::new(),
        };
        t.joined.push(' ');
        let mut fillers = false;
        let mut stems = Vec::with_capacity(ws.len());
        let mut in_aside = false;
        let mut clause = 0;
        let mut prev_end = 0;
        for (k, w) in ws.iter().enumerate() {
            let gap = &folded[prev_end..w.start];
            // most gaps are one space: no searching those
            let breaks = gap != " "
                && (gap.contains([',', ';', ':', '(', ')', '.', '!', '?', '"'])
                    || gap.contains(" - ")
                    || gap.contains(['\u{2014}', '\u{2013}']));
            // ("as well as"; "in exchange for" and "in return for" join two sides of a trade)
            let trade = w.text == "in"
                && ws
                    .get(k + 1)
                    .is_some_and(|n| ["exchange", "return"].contains(&&*n.text))
                && ws.get(k + 2).is_some_and(|n| n.text == "for");
            let conj = grammar().provisions.conjunctions.contains(&*w.text)
                || (w.text == "as" && ws.get(k + 1).is_some_and(|n| n.text == "well"))
                || trade;
            if k > 0 && (breaks || conj) {
                clause += 1;
            }
            if k == 0 || breaks {
                in_aside = self.opens_aside(ws, k);
            }
            t.clause_of.push(clause);
            // a quotation mark does not part a phrase ("\"reliable\" security guarantees")
            t.punct_before
                .push(k > 0 && breaks && gap.contains([',', ';', ':', '.', '(', ')']));
            t.aside.push(in_aside);
            let before = t.joined.len();
            if self.unstemmed.contains(&*w.text) {
                t.joined.push_str(&w.text);
            } else {
                stem_into(&w.text, &mut t.joined);
            }
            t.token_at
                .extend(std::iter::repeat_n(k, t.joined.len() - before + 1));
            stems.push((before, t.joined.len()));
            t.joined.push(' ');
            prev_end = w.end;
            fillers |= grammar().provisions.fillers.contains(&*w.text);
        }
        if fillers {
            compact_tokens(ws, &stems, &mut t);
        }
        t
    }

    /// Every vocabulary match in the joined stems; two keywords with one stem ("change by
    /// force", "changed by force") match once.
    fn find_hits(&self, folded: &str, ws: &[WordRef<'_>], t: &Tokens) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let plain = self.ac.find_overlapping_iter(&t.joined).map(|m| (m, false));
        let compact = self.ac.find_overlapping_iter(&t.compact).map(|m| (m, true));
        for (m, skips) in plain.chain(compact) {
            let at = if skips { &t.compact_at } else { &t.token_at };
            let first = at.get(m.start()).copied().unwrap_or(0);
            let Some(pattern) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let last = if skips {
                // (the key ends in a space: its last stem ends a byte before)
                at.get(m.end().saturating_sub(2)).copied().unwrap_or(first)
            } else {
                first + pattern.tokens.saturating_sub(1)
            };
            // a phrase with fillers inside: a point's own phrase, at most two of them ("cede
            // some territory"); one with none is matched in the plain stems already
            let inside = (last + 1 - first).saturating_sub(pattern.tokens);
            if skips && (inside == 0 || inside > 2 || !matches!(pattern.target, Target::Strong(_)))
            {
                continue;
            }
            // "peace in Ukraine, security guarantees" holds no "Ukraine's security"
            if !matches!(pattern.target, Target::NotPlan)
                && (first + 1..=last).any(|k| t.punct_before.get(k).copied().unwrap_or(false))
            {
                continue;
            }
            let surface = match (ws.get(first), ws.get(last)) {
                // one space between words ("u.s." was read as "us" and two spaces)
                (Some(a), Some(b)) => folded[a.start..b.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => String::new(),
            };
            if hits.iter().any(|h| {
                h.first_token == first
                    && h.last_token == last
                    && std::mem::discriminant(&self.patterns[h.pattern].target)
                        == std::mem::discriminant(&pattern.target)
                    && target_point(&self.patterns[h.pattern].target)
                        == target_point(&pattern.target)
            }) {
                continue;
            }
            hits.push(Hit {
                first_token: first,
                last_token: last,
                pattern: m.pattern().as_usize(),
                surface,
            });
        }
        hits
    }

    /// "he has to deal with", "Russia's army", "more sanctions": the words inside such a
    /// phrase are something else than the plan's, and the phrase itself links nothing.
    fn drop_not_plan(&self, hits: &mut Vec<Hit>) {
        let not_plan: Vec<(usize, usize)> = hits
            .iter()
            .filter(|h| matches!(self.patterns[h.pattern].target, Target::NotPlan))
            .map(|h| (h.first_token, h.last_token))
            .collect();
        if !not_plan.is_empty() {
            hits.retain(|h| {
                !matches!(self.patterns[h.pattern].target, Target::NotPlan)
                    && !not_plan
                        .iter()
                        .any(|&(a, b)| a <= h.first_token && h.last_token <= b)
            });
        }
    }

    /// True when the words from `k` open a fronted aside ("beyond", "apart from").
    fn opens_aside(&self, ws: &[WordRef<'_>], k: usize) -> bool {
        self.asides.iter().any(|a| {
            !a.is_empty()
                && a.iter()
                    .enumerate()
                    .all(|(i, t)| ws.get(k + i).is_some_and(|w| w.text == *t))
        })
    }

    /// True when the text names a point by its own words (not only shared ones) or by number.
    pub fn names_a_point(&self, a: &Analysis) -> bool {
        let strong = a
            .hits
            .iter()
            .any(|h| matches!(self.patterns[h.pattern].target, Target::Strong(_)));
        if !a.explicit.is_empty() || strong {
            return true;
        }
        // two weak words of one point in a clause ("scale back" + "its military" -> 6)
        let mut weak: BTreeMap<(usize, u8), Vec<&Hit>> = BTreeMap::new();
        for h in &a.hits {
            if let (Target::Weak(n), Some(c)) = (
                &self.patterns[h.pattern].target,
                a.clause_of.get(h.first_token),
            ) {
                weak.entry((*c, *n)).or_default().push(h);
            }
        }
        if weak.values().any(|hs| apart(hs) >= 2) {
            return true;
        }
        // two different shared words that agree on one point ("NATO" and "constitution" -> 7)
        let clauses = a.clause_of.last().map_or(0, |c| c + 1);
        (0..clauses).any(|c| {
            let mut terms: BTreeMap<u8, std::collections::BTreeSet<usize>> = BTreeMap::new();
            for h in a
                .hits
                .iter()
                .filter(|h| a.clause_of.get(h.first_token) == Some(&c))
            {
                if let Target::Shared(i) = self.patterns[h.pattern].target
                    && let Some(s) = self.shared.get(i)
                {
                    for p in &s.points {
                        terms.entry(*p).or_default().insert(i);
                    }
                }
            }
            terms.values().any(|t| t.len() >= 2)
        })
    }

    /// True when `stem` ends a point's phrase of several words: "plant" in "the Zaporizhzhia
    /// nuclear power plant" (19).
    pub fn is_phrase_head(&self, stem: &str) -> bool {
        self.heads.contains(stem)
    }

    /// The points named in `a` by a phrase of several words whose last word is `head` (see
    /// [`Linker::is_phrase_head`]).
    pub fn points_headed_by(&self, a: &Analysis, head: &str) -> Vec<ProvisionLink> {
        let mut out: Vec<ProvisionLink> = Vec::new();
        for h in &a.hits {
            let Target::Strong(n) = self.patterns[h.pattern].target else {
                continue;
            };
            let last = h.surface.split_whitespace().last().map(stem);
            if h.last_token > h.first_token
                && last.as_deref() == Some(head)
                && !out.iter().any(|l| l.number == n)
            {
                out.push(ProvisionLink {
                    number: n,
                    evidence: vec![format!("the {head}: {}", h.surface)],
                });
            }
        }
        out
    }

    /// True when the text uses a shared word that is a topic of the negotiations
    /// ("membership", "sanctions"), as opposed to the name of an actor ("NATO").
    pub fn has_topic_word(&self, a: &Analysis) -> bool {
        a.hits
            .iter()
            .any(|h| match self.patterns[h.pattern].target {
                Target::Shared(i) => self.shared.get(i).is_some_and(|s| s.marks_plan),
                _ => false,
            })
    }

    /// The points the analysed text is about. `about_plan` allows shared words to decide
    /// through their defaults. Returns an empty list when nothing links.
    pub fn link(&self, a: &Analysis, about_plan: bool) -> Vec<ProvisionLink> {
        // "Beyond territory, the plan caps the army": the aside's words decide only alone
        let outside: Vec<&Hit> = a
            .hits
            .iter()
            .filter(|h| !a.aside.get(h.first_token).copied().unwrap_or(false))
            .collect();
        if outside.len() < a.hits.len() {
            let links = self.link_hits(a, &outside, about_plan);
            if !links.is_empty() {
                return links;
            }
        }
        let all: Vec<&Hit> = a.hits.iter().collect();
        self.link_hits(a, &all, about_plan)
    }

    fn link_hits(&self, a: &Analysis, hits: &[&Hit], about_plan: bool) -> Vec<ProvisionLink> {
        let mut links: BTreeMap<u8, Vec<String>> = BTreeMap::new();
        for n in &a.explicit {
            links.entry(*n).or_default().push(format!("point {n}"));
        }
        // the hits of each clause, in order (a clause without hits links nothing)
        let mut by_clause: BTreeMap<usize, Vec<&Hit>> = BTreeMap::new();
        for &h in hits {
            if let Some(c) = a.clause_of.get(h.first_token) {
                by_clause.entry(*c).or_default().push(h);
            }
        }
        // "The United States, NATO and Europe give guarantees": a clause of one or two words
        // is a member of an enumeration; a party named there is an actor, not a topic
        let enumerated: Vec<usize> = by_clause
            .keys()
            .copied()
            .filter(|c| a.clause_of.iter().filter(|&&x| x == *c).count() <= 2)
            .collect();
        let shared_only = |hits: &[&Hit]| {
            hits.iter().all(|h| {
                matches!(
                    self.patterns[h.pattern].target,
                    Target::Shared(_) | Target::Plan
                )
            })
        };
        let per_clause: Vec<(bool, ClauseLinks<'_>)> = by_clause
            .into_iter()
            .map(|(c, in_clause)| {
                let best = self.best_in_clause(&in_clause, about_plan);
                (enumerated.contains(&c), (in_clause, best))
            })
            .collect();
        // points that a clause names by their own words
        let named: Vec<u8> = per_clause
            .iter()
            .filter(|(_, (hits, _))| !shared_only(hits))
            .flat_map(|(_, (_, best))| best.iter().map(|(n, _)| *n))
            .chain(a.explicit.iter().copied())
            .collect();
        // "negotiators from Germany, France, the EU and Ukraine": among two or more members
        // with no word of the plan (countries, people), a party is one of those who act
        let bare_members = if enumerated.is_empty() {
            0
        } else {
            bare_members(a, hits)
        };
        for (enumerated, (hits, best)) in per_clause {
            if enumerated
                && shared_only(&hits)
                && (!named.is_empty() || bare_members >= 2)
                && hits.iter().all(|h| self.is_party(&h.surface))
            {
                continue;
            }
            // "Europe will stand with Ukraine", "the EU must be on board": a party that acts
            if shared_only(&hits) && hits.iter().all(|h| self.is_actor(a, h)) {
                continue;
            }
            // "whether this is the EU, a European group or whatever": a bloc's bare name
            if shared_only(&hits) && hits.iter().all(|h| self.is_bare_bloc(a, h)) {
                continue;
            }
            // "a dialogue between Russia and NATO": NATO is the point named beside it, not
            // NATO's default point; the clause's other shared words still decide ("security
            // guarantees modelled on NATO's" -> 5)
            let best = if shared_only(&hits) && !named.is_empty() {
                let rest: Vec<&Hit> = hits
                    .iter()
                    .copied()
                    .filter(|h| !self.shares_a_point(h, &named))
                    .collect();
                if rest.len() == hits.len() {
                    best
                } else {
                    self.best_in_clause(&rest, about_plan)
                }
            } else {
                best
            };
            for (n, evidence) in best {
                let e = links.entry(n).or_default();
                for w in evidence {
                    if !e.contains(&w) {
                        e.push(w);
                    }
                }
            }
        }
        links
            .into_iter()
            .map(|(number, evidence)| ProvisionLink { number, evidence })
            .collect()
    }
}

/// The clauses of one or two words with no hit: the bare members of an enumeration (countries,
/// names), counted in one pass over the words.
fn bare_members(a: &Analysis, hits: &[&Hit]) -> usize {
    let n = a.clause_of.iter().copied().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; n];
    for &c in &a.clause_of {
        size[c] += 1;
    }
    let mut hit = vec![false; n];
    for h in hits {
        if let Some(&c) = a.clause_of.get(h.first_token) {
            hit[c] = true;
        }
    }
    (0..n)
        .filter(|&c| (1..=2).contains(&size[c]) && !hit[c])
        .count()
}

impl Linker {
    /// True when `surface` names a party of the war or the talks, with or without "the" ("EU",
    /// "the EU").
    fn is_party(&self, surface: &str) -> bool {
        self.parties.contains(surface) || self.parties.contains(&format!("the {surface}"))
    }

    /// True when hit `h` is one of `actors` right before one of `actor_verbs`.
    fn is_actor(&self, a: &Analysis, h: &Hit) -> bool {
        grammar().provisions.actors.contains(&*h.surface)
            && a.before_verb.get(h.last_token).copied().unwrap_or(false)
    }

    /// True when hit `h` is a bloc's name with no word of a topic before it.
    fn is_bare_bloc(&self, a: &Analysis, h: &Hit) -> bool {
        grammar().provisions.blocs.contains(&*h.surface)
            && !a.topic_before.get(h.first_token).copied().unwrap_or(false)
    }

    /// True when `h` is a shared word one of whose points is in `named`.
    fn shares_a_point(&self, h: &Hit, named: &[u8]) -> bool {
        match self.patterns[h.pattern].target {
            Target::Shared(i) => self
                .shared
                .get(i)
                .is_some_and(|s| s.points.iter().any(|p| named.contains(p))),
            _ => false,
        }
    }
}

/// The words of one text, as [`Linker::analyse`] needs them.
struct Tokens {
    clause_of: Vec<usize>,
    /// Per word: punctuation stands between it and the word before.
    punct_before: Vec<bool>,
    aside: Vec<bool>,
    joined: String,
    token_at: Vec<usize>,
    /// The stems joined without the fillers ("cede some territory" as " cede territori "),
    /// empty when the text has none, and the word index of every byte.
    compact: String,
    compact_at: Vec<usize>,
}

/// Fills `t.compact` and `t.compact_at`: the stems of `t.joined` (word `k` at `stems[k]`)
/// without the fillers.
fn compact_tokens(ws: &[WordRef<'_>], stems: &[(usize, usize)], t: &mut Tokens) {
    t.compact.push(' ');
    for (k, &(a, b)) in stems.iter().enumerate() {
        if ws
            .get(k)
            .is_some_and(|w| grammar().provisions.fillers.contains(&*w.text))
        {
            continue;
        }
        t.compact.push_str(&t.joined[a..b]);
        t.compact.push(' ');
        t.compact_at.extend(std::iter::repeat_n(k, b - a + 1));
    }
}

/// `text` folded, with the bytes in `masked` blanked out.
fn fold_visible(text: &str, masked: &[std::ops::Range<usize>]) -> String {
    if masked.is_empty() {
        return fold_str(text);
    }
    let mut visible = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if masked.iter().any(|m| m.contains(&i)) {
            visible.push(' ');
        } else {
            visible.push(c);
        }
    }
    fold_str(&visible)
}

/// Points named by number: "point 7", "points 7 and 8", "points 3, 4-5".
fn explicit_points(folded: &str) -> Vec<u8> {
    POINT_REF
        .captures_iter(folded)
        .flat_map(|c| {
            let mut v = vec![c[1].to_string()];
            v.extend(
                c[2].split(|ch: char| !ch.is_ascii_digit())
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
            v
        })
        .filter_map(|n| n.parse::<u8>().ok())
        .chain(POINT_WORDS.captures_iter(folded).flat_map(|c| {
            c[1].split([',', ' '])
                .filter_map(|w| NUMBER_WORDS.iter().position(|n| *n == w))
                .map(|i| i as u8 + 1)
                .collect::<Vec<u8>>()
        }))
        .filter(|n| (1..=28).contains(n))
        .collect()
}

mod score;

use score::{apart, drop_nested_strong, pronoun_us};

#[cfg(test)]
mod tests;
