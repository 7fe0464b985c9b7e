//! Stage 6: statement -> stance toward the points it is about.
//!
//! Precision first, neutral by default: a report is always neutral; otherwise the cues of
//! `[stance]` in `seeds/lexicon.toml` are looked for in the statement's own words (and its
//! speech verb). A support cue after a negation within three words counts as opposition
//! ("would not accept"). Support with opposition or with a condition is `mixed`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::catalog::StanceLexicon;
use crate::model::{Kind, Stance};
use crate::text::{fold_str, on_word_boundaries};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Supports,
    Opposes,
    Mixed,
}

/// Compiled stance cues.
#[derive(Debug)]
pub struct StanceRules {
    ac: AhoCorasick,
    cues: Vec<Cue>,
    negations: Vec<String>,
}

impl StanceRules {
    /// Compiles the cue lists.
    pub fn new(lex: &StanceLexicon) -> Result<Self, aho_corasick::BuildError> {
        let mut pats = Vec::new();
        let mut cues = Vec::new();
        for (list, cue) in [
            (&lex.opposes, Cue::Opposes),
            (&lex.mixed, Cue::Mixed),
            (&lex.supports, Cue::Supports),
        ] {
            for p in list {
                pats.push(fold_str(p));
                cues.push(cue);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)?;
        Ok(Self {
            ac,
            cues,
            negations: lex.negations.iter().map(|n| fold_str(n)).collect(),
        })
    }

    /// The stance of a statement of `kind` with words `text` and speech verb `verb`, and the
    /// cues that decided it.
    pub fn stance(&self, kind: Kind, text: &str, verb: Option<&str>) -> (Stance, Vec<String>) {
        if kind == Kind::Report {
            return (Stance::Neutral, Vec::new());
        }
        let mut folded = fold_str(text);
        if let Some(v) = verb {
            folded.push_str(" . ");
            folded.push_str(&fold_str(v));
        }
        let (mut sup, mut opp, mut mix) = (false, false, false);
        let mut found = Vec::new();
        for m in self.ac.find_iter(&folded) {
            if !on_word_boundaries(&folded, m.start(), m.end()) {
                continue;
            }
            let Some(cue) = self.cues.get(m.pattern().as_usize()) else {
                continue;
            };
            let word = folded[m.start()..m.end()].to_string();
            let negated = self.negated(&folded[..m.start()]);
            match (cue, negated) {
                (Cue::Supports, true) => opp = true,
                (Cue::Supports, false) => sup = true,
                (Cue::Opposes, _) => opp = true,
                (Cue::Mixed, _) => mix = true,
            }
            found.push(if negated && *cue == Cue::Supports {
                format!("not … {word}")
            } else {
                word
            });
        }
        let stance = match (sup, opp, mix) {
            (true, true, _) | (_, false, true) => Stance::Mixed,
            (false, true, _) => Stance::Opposes,
            (true, false, false) => Stance::Supports,
            (false, false, false) => Stance::Neutral,
        };
        (stance, found)
    }

    fn negated(&self, before: &str) -> bool {
        let words: Vec<&str> = before
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().rev().take(3).any(|w| {
            self.negations
                .iter()
                .any(|n| n == w || (n == "n't" && w.ends_with("n't")))
        })
    }
}
