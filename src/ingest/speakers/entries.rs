//! The speaker list's entries as the gazetteer holds them: the known speaker and the folded
//! names and titles that find it.

use std::collections::HashSet;

use super::{Gender, Known, speaker_kind};
use crate::catalog::{Lexicon, SpeakerEntry};
use crate::model::Speaker;
use crate::text::fold_str;

/// The speaker list's entry as a known speaker, with the words its role, country and
/// organisation give.
pub(super) fn known_entry(s: &SpeakerEntry, lex: &Lexicon) -> Known {
    let gender = match s.gender.as_deref() {
        Some("m") => Some(Gender::Male),
        Some("f") => Some(Gender::Female),
        _ => None,
    };
    Known {
        speaker: Speaker {
            name: s.name.clone(),
            slug: s.slug.clone(),
            kind: speaker_kind(&s.kind),
            known: true,
        },
        gender,
        // the country and the sides its organisation names ("Kremlin"), so that "the
        // Russian minister" finds a Russian minister (no other word of the
        // organisation: "Office of the President" does not make a president)
        role: fold_str(&format!(
            "{} {} {}",
            s.role,
            s.country,
            fold_str(&s.organisation)
                .split_whitespace()
                .filter(|w| lex.nouns.origins.contains_key(*w))
                .collect::<Vec<_>>()
                .join(" ")
        )),
    }
}

/// The folded forms that name an entry, each once: its names and aliases (false), then its
/// titles (true).
pub(super) fn entry_patterns(s: &SpeakerEntry) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for alias in std::iter::once(&s.name).chain(&s.aliases) {
        // "the Alliance" is matched as "alliance", so that a longer title starting at
        // the same word ("the Alliance Secretary General") is not cut short
        let f = fold_str(alias.trim());
        let f = f.strip_prefix("the ").map(str::to_string).unwrap_or(f);
        if !f.is_empty() && seen.insert(f.clone()) {
            out.push((f, false));
        }
    }
    for title in &entry_titles(s) {
        let f = fold_str(title.trim());
        let f = f.strip_prefix("the ").map(str::to_string).unwrap_or(f);
        // "alliance secretary general" also as "alliance's secretary general"
        let possessive = f.split_once(' ').map(|(a, b)| format!("{a}'s {b}"));
        for form in std::iter::once(f).chain(possessive) {
            if !form.is_empty() && seen.insert(form.clone()) {
                out.push((form, true));
            }
        }
    }
    out
}

/// The entry's titles, with "Poland's foreign minister" and "foreign minister of Poland" made
/// from a person's role and country.
fn entry_titles(s: &SpeakerEntry) -> Vec<String> {
    let role = s
        .role
        .split(['(', ',', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let mut titles = s.titles.clone();
    if s.kind == "person"
        && !role.is_empty()
        && !s.country.is_empty()
        && role.split_whitespace().count() <= 4
    {
        let country = s.country.to_lowercase();
        titles.push(format!("{country}'s {role}"));
        titles.push(format!("{role} of {country}"));
    }
    // "the head of Ukraine's Foreign Ministry" is its foreign minister
    let heads: Vec<String> = titles
        .iter()
        .filter_map(|t| t.trim().strip_suffix(" minister"))
        .flat_map(|t| {
            [
                format!("head of {t} ministry"),
                format!("head of the {t} ministry"),
            ]
        })
        .collect();
    titles.extend(heads);
    titles
}
