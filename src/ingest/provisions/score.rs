//! Scoring of one clause: which point its words name, and how strongly.

use std::collections::BTreeMap;

use super::{Hit, Linker, Pattern, Target};

impl Linker {
    /// The best-scoring points of one clause, with the words that linked each.
    pub(super) fn best_in_clause(&self, hits: &[&Hit], about_plan: bool) -> Vec<(u8, Vec<String>)> {
        let mut strong: BTreeMap<u8, Vec<&Hit>> = BTreeMap::new();
        let mut weak: BTreeMap<u8, Vec<&Hit>> = BTreeMap::new();
        let mut shared: Vec<&Hit> = Vec::new();
        for h in hits {
            match self.patterns[h.pattern].target {
                Target::Strong(n) => strong.entry(n).or_default().push(h),
                Target::Weak(n) => weak.entry(n).or_default().push(h),
                Target::Shared(_) => shared.push(h),
                Target::Plan | Target::NotPlan => {}
            }
        }
        let mut score: BTreeMap<u8, f32> = BTreeMap::new();
        let mut evidence: BTreeMap<u8, Vec<String>> = BTreeMap::new();
        for (n, hs) in &strong {
            *score.entry(*n).or_default() += self.weight(hs);
            evidence
                .entry(*n)
                .or_default()
                .extend(hs.iter().map(|h| h.surface.clone()));
        }
        let strong_points: Vec<u8> = strong.keys().copied().collect();
        for (n, hs) in &weak {
            if strong_points.contains(n) || apart(hs) >= 2 {
                *score.entry(*n).or_default() += 0.5 * self.weight(hs);
                evidence
                    .entry(*n)
                    .or_default()
                    .extend(hs.iter().map(|h| h.surface.clone()));
            }
        }
        let mut shared_score: BTreeMap<u8, f32> = BTreeMap::new();
        // each shared word counts once per clause, whatever form of it matched
        let mut seen_terms = std::collections::HashSet::new();
        for h in &shared {
            let Target::Shared(i) = self.patterns[h.pattern].target else {
                continue;
            };
            if !seen_terms.insert(i) {
                continue;
            }
            let Some(s) = self.shared.get(i) else {
                continue;
            };
            for p in &s.points {
                *shared_score.entry(*p).or_default() += 1.0;
                if score.contains_key(p) {
                    *score.entry(*p).or_default() += 0.5;
                    evidence.entry(*p).or_default().push(h.surface.clone());
                }
            }
            if let Some(d) = s.default {
                *shared_score.entry(d).or_default() += 0.5;
            }
        }
        if score.is_empty() {
            // only shared words: they decide together, and only for a statement about the plan
            if !about_plan || shared_score.is_empty() {
                return Vec::new();
            }
            let best = shared_score.values().copied().fold(0.0_f32, f32::max);
            // one shared word without a default (score 1.0) decides nothing
            if best < 1.5 {
                return Vec::new();
            }
            return shared_score
                .iter()
                .filter(|(_, s)| **s >= best)
                .map(|(n, _)| {
                    let words = shared
                        .iter()
                        .filter(|h| match self.patterns[h.pattern].target {
                            Target::Shared(i) => {
                                self.shared.get(i).is_some_and(|s| s.points.contains(n))
                            }
                            _ => false,
                        })
                        .map(|h| h.surface.clone())
                        .collect();
                    (*n, words)
                })
                .collect();
        }
        let best = score.values().copied().fold(0.0_f32, f32::max);
        score
            .into_iter()
            .filter(|(_, s)| *s >= best - 1e-6)
            .map(|(n, _)| {
                let mut e = evidence.remove(&n).unwrap_or_default();
                e.dedup();
                (n, e)
            })
            .collect()
    }

    /// Weight of one point's matches in a clause: a phrase weighs more than a word, and
    /// matches nested in a longer one count once.
    fn weight(&self, hits: &[&Hit]) -> f32 {
        let mut total = 0.0;
        for h in hits {
            let nested = hits.iter().any(|o| {
                !std::ptr::eq(*o, *h)
                    && o.first_token <= h.first_token
                    && o.last_token >= h.last_token
                    && (o.last_token - o.first_token) > (h.last_token - h.first_token)
            });
            if !nested {
                let n = self.patterns[h.pattern].tokens as f32;
                total += 1.0 + 0.5 * (n - 1.0);
            }
        }
        total
    }
}

/// The number of hits in `hits` that do not overlap one another ("its military forces" is one
/// phrase, however many weak words match inside it).
pub(super) fn apart(hits: &[&Hit]) -> usize {
    let mut spans: Vec<(usize, usize)> =
        hits.iter().map(|h| (h.first_token, h.last_token)).collect();
    spans.sort_unstable();
    let mut n = 0;
    let mut end: Option<usize> = None;
    for (a, b) in spans {
        if end.is_none_or(|e| a > e) {
            n += 1;
            end = Some(b);
        } else if let Some(e) = end {
            end = Some(e.max(b));
        }
    }
    n
}

/// "guarantees from the United States and Europe" (5) holds "guarantee from the United States"
/// (10): a point's phrase inside a longer phrase of another point is that other point's.
pub(super) fn drop_nested_strong(hits: &mut Vec<Hit>, patterns: &[Pattern]) {
    let strong = |h: &Hit| match patterns[h.pattern].target {
        Target::Strong(n) => Some(n),
        _ => None,
    };
    let outer: Vec<(usize, usize, u8)> = hits
        .iter()
        .filter_map(|h| strong(h).map(|n| (h.first_token, h.last_token, n)))
        .collect();
    hits.retain(|h| {
        let Some(n) = strong(h) else {
            return true;
        };
        !outer.iter().any(|&(a, b, m)| {
            m != n
                && a <= h.first_token
                && h.last_token <= b
                && b - a > h.last_token - h.first_token
        })
    });
}

/// `text` with the lower-case pronoun "us" written "we" (same length), if it has one.
pub(super) fn pronoun_us(text: &str) -> Option<String> {
    let is_word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.');
    let bytes = text.as_bytes();
    let at: Vec<usize> = text
        .match_indices("us")
        .map(|(i, _)| i)
        .filter(|&i| {
            !is_word(i.checked_sub(1).and_then(|j| bytes.get(j))) && !is_word(bytes.get(i + 2))
        })
        .collect();
    if at.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    for i in at {
        out.replace_range(i..i + 2, "we");
    }
    Some(out)
}
