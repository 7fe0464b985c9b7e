//! Which version of the plan a statement speaks of, and its claims checked against that text.
//! Pure: the phrases that name each version and the checks are data (`seeds/versions.toml`).
//!
//! A statement that names a version ("the 19-point plan", "the European counter-proposal")
//! speaks of it (of the latest one named, when it names several: a comparison is about the
//! newer text); failing that, one dated in a version's time speaks of that version. Its claims
//! are then compared with that version's text: see [`Claims`].

use regex::Regex;

use crate::grammar::grammar;
use crate::model::{ClaimCheck, Statement, Verdict, VersionLink};
use crate::text::{Folded, fold, on_word_boundaries};
use crate::versions::{Check, Version, Versions};

/// The version each statement speaks of, and its checked claims; `date` is the article's.
pub fn annotate(v: &Versions, claims: &Claims, date: Option<&str>, statements: &mut [Statement]) {
    for s in statements {
        let folded = fold(&s.text);
        s.version = version_of(v, &folded.text, date);
        if let Some(link) = &s.version
            && let Some(version) = v.get(&link.slug)
        {
            s.claims = claims.check(v, version, &folded, &s.text);
        }
    }
}

/// Where `phrase` (folded already: [`Versions::parse`] checks it) stands in `folded` on word
/// boundaries.
fn find_phrase(folded: &str, phrase: &str) -> Option<usize> {
    folded
        .match_indices(phrase)
        .map(|(i, _)| i)
        .find(|&i| on_word_boundaries(folded, i, i + phrase.len()))
}

/// The version a statement's folded text names, or else the one whose time its date is in.
pub fn version_of(v: &Versions, folded: &str, date: Option<&str>) -> Option<VersionLink> {
    let named = v.versions.iter().rev().find_map(|x| {
        x.phrases
            .iter()
            .find(|p| find_phrase(folded, p).is_some())
            .map(|p| (x, p))
    });
    if let Some((x, phrase)) = named {
        return Some(VersionLink {
            slug: x.slug.clone(),
            via: format!("names it (“{phrase}”)"),
        });
    }
    let date = date?;
    let x = v.in_force(date)?;
    Some(VersionLink {
        slug: x.slug.clone(),
        via: format!(
            "dated {date}, in its time (from {})",
            x.from.as_deref().unwrap_or(&x.date)
        ),
    })
}

/// Whether one of the negations (`[versions] negations` in `seeds/grammar.toml`) stands in the five words before byte `at` of `folded`.
fn negated(folded: &str, at: usize) -> bool {
    folded[..at]
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .rev()
        .take(5)
        .any(|w| grammar().versions.negations.contains(w) || w.ends_with("n't"))
}

/// The compiled number patterns of the checks.
#[derive(Debug)]
pub struct Claims {
    count: Regex,
    days: Regex,
    billions: Regex,
    percent: Regex,
}

impl Claims {
    /// Compiles the number patterns.
    pub fn new() -> Result<Self, regex::Error> {
        Ok(Self {
            // 600,000 / 600 000 / 600.000 / 600000 / 600k / 600 thousand
            count: Regex::new(
                r"\b(\d{1,3}(?:[,. ]\d{3})+|\d{4,7}|\d{1,3}(?:\.\d+)?\s?(?:k|thousand)\b)",
            )?,
            days: Regex::new(r"\b(\d{1,4}|hundred)[ -]days?\b")?,
            billions: Regex::new(r"(?:[$€]|\beur ?|\b)(\d{1,4}(?:\.\d+)?)\s?(?:billion|bn)\b")?,
            percent: Regex::new(r"\b(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent\b)")?,
        })
    }

    /// The claims of a statement (`text`, and `folded` from it) about `version`'s text, one
    /// per topic at most.
    pub fn check(
        &self,
        v: &Versions,
        version: &Version,
        folded: &Folded,
        text: &str,
    ) -> Vec<ClaimCheck> {
        let f = folded.text.as_str();
        v.checks
            .iter()
            .filter(|c| c.cues.iter().any(|cue| find_phrase(f, cue).is_some()))
            .filter_map(|c| {
                self.by_phrase(c, version, f)
                    .or_else(|| self.by_number(c, version, folded, text))
            })
            .collect()
    }

    /// A phrase of the check that the version's text matches or contradicts.
    fn by_phrase(&self, c: &Check, version: &Version, folded: &str) -> Option<ClaimCheck> {
        c.phrases.iter().find_map(|p| {
            let verdict = if p.matches.contains(&version.slug) {
                Verdict::Matches
            } else if p.contradicts.contains(&version.slug) {
                Verdict::Contradicts
            } else {
                return None;
            };
            let at = p.words.iter().find_map(|w| find_phrase(folded, w))?;
            (!negated(folded, at)).then(|| claim(c, version, p.said.clone(), verdict))
        })
    }

    /// A number of the check's sort compared with the version's.
    fn by_number(
        &self,
        c: &Check,
        version: &Version,
        folded: &Folded,
        original: &str,
    ) -> Option<ClaimCheck> {
        let pattern = match c.number.as_deref()? {
            "count" => &self.count,
            "days" => &self.days,
            "billions" => &self.billions,
            _ => &self.percent,
        };
        let text = c.text_of(&version.slug)?;
        let f = folded.text.as_str();
        // the figure as the statement writes it ("€90bn", not the folded "eur90bn")
        let words_of = |r: std::ops::Range<usize>| {
            original
                .get(folded.orig(r.start)..folded.orig(r.end))
                .unwrap_or(&f[r])
                .trim()
        };
        let found: Vec<(f64, &str, usize)> = pattern
            .captures_iter(f)
            .filter_map(|m| {
                let whole = m.get(0)?;
                let value = number_value(m.get(1)?.as_str())?;
                Some((value, words_of(whole.range()), whole.start()))
            })
            .filter(|(value, _, at)| plausible(c, *value) && !negated(f, *at))
            .collect();
        let (value, words, _) = found
            .iter()
            .find(|(value, ..)| Some(*value) == text.value)
            .or_else(|| found.first())?;
        let verdict = if Some(*value) == text.value {
            Verdict::Matches
        } else {
            Verdict::Contradicts
        };
        Some(claim(c, version, format!("{}: {words}", c.label), verdict))
    }
}

/// Whether a number can be the topic's (an army of 12 is a count of something else).
fn plausible(c: &Check, value: f64) -> bool {
    match c.number.as_deref() {
        Some("count") => value >= 10_000.0,
        Some("percent") => value <= 100.0,
        _ => value > 0.0,
    }
}

/// The number a matched figure stands for ("600,000", "600k", "600 thousand", "hundred").
fn number_value(s: &str) -> Option<f64> {
    let s = s.trim();
    if s == "hundred" {
        return Some(100.0);
    }
    let (digits, times) = match s.strip_suffix("thousand").or_else(|| s.strip_suffix('k')) {
        Some(d) => (d.trim(), 1000.0),
        None => (s, 1.0),
    };
    let groups: Vec<&str> = digits.split([',', '.', ' ']).collect();
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    let plain = if thousands {
        // thousands separators: "600,000", "600 000", "600.000"
        groups.concat()
    } else {
        digits.replace(',', ".")
    };
    plain.parse::<f64>().ok().map(|n| n * times)
}

fn claim(c: &Check, version: &Version, said: String, verdict: Verdict) -> ClaimCheck {
    let says = c.text_of(&version.slug).map_or("", |t| t.says.as_str());
    let mut name = version.name.clone();
    if let Some(first) = name.get(..1) {
        name = first.to_lowercase() + &name[1..];
    }
    ClaimCheck {
        point: c.point,
        topic: c.topic.clone(),
        version: version.slug.clone(),
        said,
        text_says: format!("{name} {says}"),
        verdict,
    }
}

#[cfg(test)]
mod tests;
