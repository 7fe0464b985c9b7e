//! Joint speakers in the entity table: people named together ("German Chancellor Friedrich
//! Merz, French President Emmanuel Macron and British Prime Minister Keir Starmer") form a
//! group that a later "the leaders", "the three leaders" or "both leaders" refers to. The group
//! is named by their surnames ("Merz, Macron and Starmer").

use super::resolve::NameMention;
use crate::model::{Speaker, SpeakerKind};
use crate::text::slugify;

/// People named together, as one speaker.
#[derive(Debug, Clone)]
pub(super) struct Joint {
    pub(super) pos: usize,
    pub(super) speaker: Speaker,
}

/// Nouns that refer back to people named together.
const GROUP_NOUNS: &[&str] = &[
    "leaders",
    "heads of state",
    "heads of government",
    "men",
    "women",
];
/// Words before them that count or gather ("the three leaders", "both leaders").
const COUNTS: &[&str] = &[
    "the", "two", "three", "four", "five", "both", "all", "these", "those",
];

/// The groups of people named together, in order of their first name.
pub(super) fn joint_groups(body: &str, mentions: &[NameMention]) -> Vec<Joint> {
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
    out
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
    }
}

/// True when a group's name refers back to people named together ("three leaders").
pub(super) fn refers_to_joint(name: &str) -> bool {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words.first().is_some_and(|w| COUNTS.contains(w)) {
        words.remove(0);
    }
    GROUP_NOUNS.contains(&words.join(" ").as_str())
}

/// The latest group named before `at`.
pub(super) fn joint_before(joints: &[Joint], at: usize) -> Option<Speaker> {
    joints
        .iter()
        .rev()
        .find(|j| j.pos < at)
        .map(|j| j.speaker.clone())
}
