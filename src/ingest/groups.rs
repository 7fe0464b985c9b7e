//! Joint speakers in the entity table: people named together ("German Chancellor Friedrich
//! Merz, French President Emmanuel Macron and British Prime Minister Keir Starmer") form a
//! group that a later "the leaders", "the three leaders" or "both leaders" refers to. The group
//! is named by their surnames ("Merz, Macron and Starmer").

use super::resolve::NameMention;
use super::statements::Candidate;
use crate::grammar::grammar;
use crate::model::{Speaker, SpeakerKind};
use crate::text::slugify;
use std::ops::Range;

/// People named together, as one speaker.
#[derive(Debug, Clone)]
pub(super) struct Joint {
    pub(super) pos: usize,
    pub(super) speaker: Speaker,
    /// Two bodies or countries named together ("the United States and Ukraine"): "both sides".
    pub(super) sides: bool,
}

/// The groups of people named together, in order of their first name.
pub(super) fn joint_groups(
    body: &str,
    mentions: &[NameMention],
    is_place: &dyn Fn(&str) -> bool,
) -> Vec<Joint> {
    let mut out = Vec::new();
    // (start, end, person): a title and the name of one person right after it are one
    let mut chain: Vec<(usize, usize, &Speaker)> = Vec::new();
    let flush = |chain: &mut Vec<(usize, usize, &Speaker)>, out: &mut Vec<Joint>| {
        if chain.len() >= 2 {
            out.push(joint(chain));
        }
        chain.clear();
    };
    for m in mentions
        .iter()
        .filter(|m| m.speaker.kind == SpeakerKind::Person)
    {
        let gap = chain
            .last()
            .and_then(|prev| body.get(prev.1..m.pos))
            .unwrap_or("");
        match chain.last_mut() {
            Some(prev) if prev.2.slug == m.speaker.slug && gap.trim().is_empty() => {
                prev.1 = prev.1.max(m.end);
                continue;
            }
            Some(prev) if prev.2.slug != m.speaker.slug && gap.len() < 60 && is_list_gap(gap) => {}
            _ => flush(&mut chain, &mut out),
        }
        chain.push((m.pos, m.end, &m.speaker));
    }
    flush(&mut chain, &mut out);
    out.extend(side_pairs(body, is_place));
    out.sort_by_key(|j| j.pos);
    same_pair_same_name(&mut out);
    out
}

/// "the United States and Ukraine" … "Ukraine and the United States": one pair of sides keeps
/// the name of its first mention in the article.
fn same_pair_same_name(joints: &mut [Joint]) {
    let members = |name: &str| {
        let mut m: Vec<String> = name.split(" and ").map(str::to_string).collect();
        m.sort();
        m
    };
    for i in 1..joints.len() {
        if !joints[i].sides {
            continue;
        }
        let mine = members(&joints[i].speaker.name);
        if let Some(first) = joints[..i]
            .iter()
            .find(|j| j.sides && members(&j.speaker.name) == mine)
        {
            joints[i].speaker = first.speaker.clone();
        }
    }
}

/// Two places joined by a bare "and" ("the United States and Ukraine") as one pair of sides.
fn side_pairs(body: &str, is_place: &dyn Fn(&str) -> bool) -> Vec<Joint> {
    let mut out = Vec::new();
    for (at, _) in body.match_indices(" and ") {
        // (a line break ends the run: "Talks\nNorway and Chile met" pairs Norway)
        let left = capitalised_run(body[..at].rsplit(' '), true);
        // (past an article: "the United States", "The US and Russia")
        let after = &body[at + 5..];
        let after = after.strip_prefix("the ").unwrap_or(after);
        let right = capitalised_run(after.split(' '), false);
        let left: Vec<&str> = left.into_iter().rev().collect();
        let left = match left.split_first() {
            Some((the, rest)) if *the == "The" && !rest.is_empty() => rest.join(" "),
            _ => left.join(" "),
        };
        let right = right.join(" ");
        if left.is_empty() || right.is_empty() || left == right {
            continue;
        }
        if is_place(&left) && is_place(&right) {
            out.push(side_pair(at - left.len(), &left, &right));
        }
    }
    out.extend(compound_pairs(body, is_place));
    out
}

/// Two places joined by a hyphen or a dash in one word ("a joint US-Ukraine statement", "the
/// Ukraine–U.S. talks") as one pair of sides.
fn compound_pairs(body: &str, is_place: &dyn Fn(&str) -> bool) -> Vec<Joint> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in body.split([' ', '\n']) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let bare = bare.trim_end_matches('.');
        if let Some((left, right)) = bare.split_once(['-', '\u{2013}'])
            && left != right
            && is_place(left)
            && is_place(right)
        {
            out.push(side_pair(pos, left, right));
        }
        pos += word.len() + 1;
    }
    out
}

fn side_pair(pos: usize, left: &str, right: &str) -> Joint {
    let long = |place: &str| {
        let key = crate::text::fold_str(place).replace('.', "");
        grammar()
            .groups
            .long_place_names
            .get(&key)
            .map_or_else(|| place.trim_end_matches('.').to_string(), Clone::clone)
    };
    let (left, right) = (long(left), long(right));
    let first = |p: &str| grammar().groups.pair_first.iter().any(|f| f == p);
    let name = if first(&right) && !first(&left) {
        format!("{right} and {left}")
    } else {
        format!("{left} and {right}")
    };
    Joint {
        pos,
        speaker: Speaker {
            slug: slugify(&name),
            name,
            kind: SpeakerKind::Body,
            known: false,
        },
        sides: true,
    }
}

/// Up to two capitalised words in a row, punctuation at the far end cut off; the run stays on
/// one line (`words` from the near end: "Talks\nNorway" gives "Norway").
fn capitalised_run<'a>(words: impl Iterator<Item = &'a str>, backwards: bool) -> Vec<&'a str> {
    let mut run = Vec::new();
    for w in words.take(2) {
        let (w, line_ends) = match (w.rsplit_once('\n'), w.split_once('\n')) {
            (Some((_, near)), _) if backwards => (near, true),
            (_, Some((near, _))) => (near, true),
            _ => (w, false),
        };
        let w = w.trim_end_matches([',', '.', ';', ':']);
        if !w.chars().next().is_some_and(char::is_uppercase) || w.contains('\'') {
            break;
        }
        run.push(w);
        if line_ends {
            break;
        }
    }
    run
}

/// ", " or " and " or ", and ", then only capitalised title words ("French President").
fn is_list_gap(gap: &str) -> bool {
    let t = gap.trim();
    let rest = if let Some(r) = t.strip_prefix(',') {
        let r = r.trim_start();
        r.strip_prefix("and ").unwrap_or(r)
    } else if let Some(r) = t.strip_prefix("and ") {
        r
    } else if t == "and" {
        ""
    } else {
        return false;
    };
    rest.split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with([',', '.', ';']))
}

fn joint(chain: &[(usize, usize, &Speaker)]) -> Joint {
    let surnames: Vec<&str> = chain
        .iter()
        .map(|(_, _, s)| s.name.split_whitespace().last().unwrap_or(&s.name))
        .collect();
    let (last, rest) = surnames
        .split_last()
        .map_or(("", &[][..]), |(l, r)| (*l, r));
    let name = format!("{} and {last}", rest.join(", "));
    Joint {
        pos: chain[0].0,
        speaker: Speaker {
            slug: slugify(&name),
            name,
            kind: SpeakerKind::Body,
            known: false,
        },
        sides: false,
    }
}

/// True when a group's name refers back to people named together ("three leaders").
pub(super) fn refers_to_joint(name: &str) -> bool {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| grammar().groups.counts.contains(w))
    {
        words.remove(0);
    }
    grammar()
        .groups
        .group_nouns
        .contains(words.join(" ").as_str())
}

/// False when the phrase counts other than the people named together ("the four leaders"
/// after three names is a wider group); true when it gives no count.
pub(super) fn count_fits(name: &str, joint: &Speaker) -> bool {
    let lower = name.to_lowercase();
    let count = lower.split_whitespace().find_map(|w| match w {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    });
    // "Merz, Macron and Starmer": the commas and the last "and"
    let members = joint.name.matches(", ").count() + 2;
    count.is_none_or(|n| n == members)
}

/// True when a phrase refers back to two sides named together ("both sides").
pub(super) fn refers_to_sides(phrase: &str) -> bool {
    let lower = phrase.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words
        .first()
        .is_none_or(|w| !grammar().groups.counts.contains(w))
    {
        return false;
    }
    while words
        .first()
        .is_some_and(|w| grammar().groups.counts.contains(w) && *w != "two")
    {
        words.remove(0);
    }
    let rest = words.join(" ");
    grammar().groups.side_nouns.contains(rest.as_str())
        || grammar()
            .groups
            .side_nouns
            .contains(rest.trim_start_matches("two "))
}

/// The latest group of people named before `at`.
pub(super) fn joint_before(joints: &[Joint], at: usize) -> Option<Speaker> {
    joints
        .iter()
        .rev()
        .find(|j| j.pos < at && !j.sides)
        .map(|j| j.speaker.clone())
}

/// The latest pair of sides named before `at`.
pub(super) fn sides_before(joints: &[Joint], at: usize) -> Option<Speaker> {
    joints
        .iter()
        .rev()
        .find(|j| j.pos < at && j.sides)
        .map(|j| j.speaker.clone())
}

/// "The leaders said …" after "European leaders said …" or "Leaders of Chile and Peru said …"
/// with nobody named together: the group that spoke last (among the last eight statements) under the same head noun.
pub(super) fn same_group_before(name: &str, before: &[Speaker]) -> Option<Speaker> {
    let head = name.trim().to_lowercase();
    let head = head.strip_prefix("the ").unwrap_or(&head);
    if head.contains(' ') || !head.ends_with('s') {
        return None;
    }
    before
        .iter()
        .rev()
        .take(8)
        .find(|s| {
            let n = s.name.to_lowercase();
            // "EU foreign ministers", or "Leaders of Japan, Canada and the EU"
            let of_head = n.split(" of ").next().and_then(|h| h.rsplit(' ').next());
            s.kind != SpeakerKind::Person
                && n.split_whitespace().count() > 1
                && (n.rsplit(' ').next() == Some(head)
                    || n.contains(" of ") && of_head == Some(head))
        })
        .cloned()
}

/// "they" right after people named together (no more than about two paragraphs back, and no
/// statement in between by anyone outside the group): the group.
pub(super) fn joint_for_they(
    body: &str,
    joints: &[Joint],
    c: &Candidate,
    before: &[(Candidate, Option<Speaker>, String)],
) -> Option<Speaker> {
    // two sides count only as the subject that opens a sentence close before ("The United
    // States and Ukraine agreed on a text … they said"), not named anywhere in it
    let opens = |j: &Joint| {
        let lead = body[..j.pos]
            .rsplit(['.', '\n'])
            .next()
            .unwrap_or("")
            .trim();
        c.span.start - j.pos <= 600 && ["", "The", "the", "Both", "both"].contains(&lead)
    };
    let j = joints
        .iter()
        .rev()
        .find(|j| j.pos < c.span.start && (!j.sides || opens(j)))?;
    if c.span.start - j.pos > 1200 {
        return None;
    }
    let outsider = before
        .iter()
        .filter(|(b, _, _)| b.span.start > j.pos)
        .filter_map(|(_, s, _)| s.as_ref())
        .any(|s| {
            let surname = s.name.split_whitespace().last().unwrap_or(&s.name);
            s.slug != j.speaker.slug && !j.speaker.name.contains(surname)
        });
    (!outsider).then(|| j.speaker.clone())
}

/// "according to a joint statement of the two capitals", "a joint US-Ukraine statement said",
/// "the joint communique read": a text issued jointly speaks for the pair of sides or the group
/// named latest before the end of its phrase (`phrase`, where the speaker was found).
pub(super) fn joint_issuer(body: &str, phrase: Range<usize>, joints: &[Joint]) -> Option<Speaker> {
    // from the start of its first word ("Norway statement" cut from "Chile–Norway statement")
    let start = body
        .get(..phrase.start)?
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let phrase = start..phrase.end;
    let lower = crate::text::fold_str(body.get(phrase.clone())?);
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let document = words
        .iter()
        .any(|w| grammar().shape.statement_nouns.contains(w));
    let pair_inside = joints.iter().any(|j| j.sides && phrase.contains(&j.pos));
    if !document || !(words.contains(&"joint") || pair_inside) {
        return None;
    }
    let end = phrase.end;
    joints
        .iter()
        .rev()
        .find(|j| j.pos < end)
        .map(|j| j.speaker.clone())
}
