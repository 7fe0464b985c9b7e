//! Stage 6: statement -> stance toward the points it is about.
//!
//! Precision first, neutral by default: a report is always neutral; otherwise the cues of
//! `[stance]` in `seeds/lexicon.toml` are looked for in the statement's own words (and its
//! speech verb). A support cue after a negation within three words counts as opposition
//! ("would not accept"), and so does a concession the plan asks for ("would not recognise",
//! "will never give up"). A verdict by figure of speech (`verdicts`: "a gift to Moscow",
//! "written in the Kremlin", "unlawful") is opposition. Support with opposition or with a
//! condition is `mixed`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::catalog::StanceLexicon;
use crate::model::{Kind, Stance};
use crate::text::{fold_str, on_word_boundaries};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cue {
    Supports,
    Opposes,
    Mixed,
    /// A concession the plan asks for: opposition when negated, nothing otherwise.
    Concession,
    /// A phrase that holds a cue word and takes no side.
    Neutral,
}

/// Compiled stance cues.
#[derive(Debug)]
pub struct StanceRules {
    ac: AhoCorasick,
    cues: Vec<Cue>,
    negations: Vec<String>,
    conditions: Vec<String>,
    but_then: Vec<String>,
    unsaid: Vec<String>,
    rejections: Vec<String>,
    others: Vec<String>,
    plan_objects: Vec<String>,
    criticisms: Vec<String>,
}

impl StanceRules {
    /// Compiles the cue lists.
    pub fn new(lex: &StanceLexicon) -> Result<Self, aho_corasick::BuildError> {
        let mut pats = Vec::new();
        let mut cues = Vec::new();
        let lists = [
            (&lex.opposes, Cue::Opposes),
            (&lex.verdicts, Cue::Opposes),
            (&lex.mixed_plain, Cue::Mixed),
            (&lex.supports_plain, Cue::Supports),
            (&lex.mixed, Cue::Mixed),
            (&lex.supports, Cue::Supports),
            (&lex.concessions, Cue::Concession),
            (&lex.neutral, Cue::Neutral),
        ];
        for (list, cue) in lists {
            for p in list {
                pats.push(fold_str(p));
                cues.push(cue);
            }
        }
        // the other forms of each cue ("criticise" -> "criticised", "criticizing"), after every
        // listed phrase, so that a listed form keeps its own class
        let listed: foldhash::HashSet<String> = pats.iter().cloned().collect();
        for (list, cue) in lists {
            for form in list.iter().flat_map(|p| forms(&fold_str(p))) {
                if !listed.contains(&form) {
                    pats.push(form);
                    cues.push(cue);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)?;
        Ok(Self {
            ac,
            cues,
            negations: lex.negations.iter().map(|n| fold_str(n)).collect(),
            conditions: lex.conditions.iter().map(|n| fold_str(n)).collect(),
            but_then: lex.but_then.iter().map(|n| fold_str(n)).collect(),
            unsaid: lex.unsaid.iter().map(|n| fold_str(n)).collect(),
            rejections: lex.rejections.iter().map(|n| fold_str(n)).collect(),
            others: lex.other_parties.iter().map(|n| fold_str(n)).collect(),
            plan_objects: lex.plan_objects.iter().map(|n| fold_str(n)).collect(),
            criticisms: lex.criticisms.iter().map(|n| fold_str(n)).collect(),
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
        // where a concession is granted ("Kyiv could give up its NATO bid …"), not refused
        let mut granted: Option<usize> = None;
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
            // "Putin did not reject the plan": a rejection denied takes no side
            if negated && *cue == Cue::Opposes && self.rejections.contains(&word) {
                continue;
            }
            if *cue == Cue::Opposes && self.rejections.contains(&word) {
                // "rejected suggestions that it favours Moscow": a defence of the plan
                if let Some(noun) = self.criticism_after(&folded[m.end()..]) {
                    sup = true;
                    found.push(format!("{word} … {noun}"));
                    continue;
                }
            }
            // "if Kyiv rejects it, …": a hypothetical, not the speaker's verdict
            if *cue == Cue::Opposes && self.hypothetical(&folded[..m.start()]) {
                continue;
            }
            // "rejected the European counter-proposal": aimed at another party, not the plan
            if *cue == Cue::Opposes && self.aimed_elsewhere(&folded, m.start(), m.end()) {
                continue;
            }
            match (cue, negated) {
                (Cue::Supports | Cue::Concession, true) => opp = true,
                (Cue::Supports, false) => sup = true,
                (Cue::Opposes, _) => opp = true,
                (Cue::Mixed, _) => mix = true,
                (Cue::Concession, false) => {
                    granted.get_or_insert(m.start());
                    continue;
                }
                (Cue::Neutral, _) => continue,
            }
            found.push(
                if negated && matches!(cue, Cue::Supports | Cue::Concession) {
                    format!("not … {word}")
                } else {
                    word
                },
            );
        }
        let words = words_of(&folded);
        // "would support the force, but would not send troops": support, then a refusal or a
        // demand ("but insisted that …")
        if sup && !opp && self.but_then(&words) {
            mix = true;
            found.push("but … not".to_string());
        }
        // "a number we can live with, if the guarantees are real": support on a condition; a
        // concession only before its condition ("if their troops leave, …" asks it of others)
        if !opp
            && !mix
            && let Some(w) = self.condition(&words)
        {
            let at = w.as_ptr() as usize - folded.as_ptr() as usize;
            if sup || granted.is_some_and(|g| g < at) {
                mix = true;
                found.push(format!("… {w}"));
            }
        }
        let stance = match (sup, opp, mix) {
            (true, true, _) | (_, false, true) => Stance::Mixed,
            (false, true, _) => Stance::Opposes,
            (true, false, false) => Stance::Supports,
            (false, false, false) => Stance::Neutral,
        };
        (stance, found)
    }

    /// True when the four words on either side of an opposition cue name another party's
    /// proposal or demands ("the European counter-proposal", "the Europeans") and none names
    /// the plan ("the US plan").
    fn aimed_elsewhere(&self, folded: &str, start: usize, end: usize) -> bool {
        let split = |t: &'_ str| -> Vec<String> {
            t.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let before = split(&folded[..start]);
        let window: Vec<String> = before
            .into_iter()
            .rev()
            .take(4)
            .chain(split(&folded[start..end]))
            .chain(split(&folded[end..]).into_iter().take(4))
            .collect();
        window.iter().any(|w| self.others.iter().any(|o| o == w))
            && !window
                .iter()
                .any(|w| self.plan_objects.iter().any(|o| o == w))
    }

    /// True when a "but" is followed by a negation within three words, or a word of `but_then`
    /// within six ("we welcome it, but Kyiv and the EU must be on board").
    fn but_then(&self, words: &[&str]) -> bool {
        words.iter().enumerate().any(|(i, w)| {
            let next = |n| words.iter().skip(i + 1).take(n);
            *w == "but"
                && (next(3).any(|x| self.is_negation(x))
                    || next(6).any(|x| self.but_then.iter().any(|b| b == x)))
                && !next(3).any(|x| self.unsaid.iter().any(|u| u == x))
        })
    }

    /// The word that opens a condition in `words`, if one does: "if", "unless", but not "even
    /// if", "as if", "asked if" or "if not".
    fn condition<'w>(&self, words: &[&'w str]) -> Option<&'w str> {
        words.iter().enumerate().find_map(|(i, w)| {
            let before = i.checked_sub(1).and_then(|j| words.get(j));
            let no_condition = before.is_some_and(|b| {
                [
                    "even", "as", "asked", "ask", "asks", "know", "see", "wonder", "what",
                ]
                .contains(b)
            }) || words.get(i + 1).is_some_and(|n| *n == "not");
            (self.conditions.iter().any(|c| c == w) && !no_condition).then_some(*w)
        })
    }

    /// A word of `criticisms` among the three words after a rejection.
    fn criticism_after<'t>(&self, after: &'t str) -> Option<&'t str> {
        words_of(after)
            .into_iter()
            .take(3)
            .find(|w| self.criticisms.iter().any(|c| c == w))
    }

    /// A condition word ("if", "unless") among the four words before a cue.
    fn hypothetical(&self, before: &str) -> bool {
        let words = words_of(before);
        let last = words.len();
        words[last.saturating_sub(4)..]
            .iter()
            .any(|w| self.conditions.iter().any(|c| c == w))
    }

    fn is_negation(&self, w: &str) -> bool {
        self.negations
            .iter()
            .any(|n| n == w || (n == "n't" && w.ends_with("n't")))
    }

    /// A negation within three words before a cue, or "no" / "nobody" opening the subject
    /// four words before ("No court in Kyiv will accept it").
    fn negated(&self, before: &str) -> bool {
        let words = words_of(before);
        // "not only fair but also realistic": an addition, no negation
        let not_only = |i: usize| words.get(i + 1).is_some_and(|n| *n == "only");
        let last = words.len();
        (last.saturating_sub(3)..last).any(|i| self.is_negation(words[i]) && !not_only(i))
            || words
                .iter()
                .rev()
                .nth(3)
                .is_some_and(|w| ["no", "nobody", "none"].contains(w))
    }
}

/// The other forms of a folded cue: a single word's inflections (third person or plural, past,
/// gerund: "non-starter" -> "non-starters", "criticise" -> "criticised", "criticising") and, in
/// any cue, the other spelling of "-ise"/"-ize" and "-isation"/"-ization". A word already
/// inflected ("-s", "-ed", "-ing") or shorter than four letters is not inflected again.
fn forms(cue: &str) -> Vec<String> {
    let mut out = Vec::new();
    let single =
        !cue.contains(' ') && cue.len() >= 4 && cue.chars().all(|c| c.is_alphabetic() || c == '-');
    let inflected = ["s", "ed", "ing"].iter().any(|e| cue.ends_with(e));
    if single && !inflected {
        if let Some(stem) = cue.strip_suffix('e') {
            out.extend([format!("{cue}s"), format!("{cue}d"), format!("{stem}ing")]);
        } else if let Some(stem) = cue
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
        {
            out.extend([
                format!("{stem}ies"),
                format!("{stem}ied"),
                format!("{cue}ing"),
            ]);
        } else {
            let s = if cue.ends_with(['x', 'z']) || cue.ends_with("ch") || cue.ends_with("sh") {
                "es"
            } else {
                "s"
            };
            out.extend([format!("{cue}{s}"), format!("{cue}ed"), format!("{cue}ing")]);
        }
    }
    let spelled: Vec<String> = std::iter::once(cue.to_string())
        .chain(out.iter().cloned())
        .filter_map(|f| other_spelling(&f))
        .collect();
    out.extend(spelled);
    out
}

/// "criticise" <-> "criticize", "organisation" <-> "organization" (the first such ending only).
fn other_spelling(form: &str) -> Option<String> {
    for (a, b) in [
        ("isation", "ization"),
        ("ization", "isation"),
        ("is", "iz"),
        ("iz", "is"),
    ] {
        for end in ["e", "es", "ed", "ing"] {
            let ending = if a.len() > 2 {
                a.to_string()
            } else {
                format!("{a}{end}")
            };
            if let Some(stem) = form.strip_suffix(&ending).filter(|s| s.len() >= 3) {
                let to = if a.len() > 2 {
                    b.to_string()
                } else {
                    format!("{b}{end}")
                };
                return Some(format!("{stem}{to}"));
            }
        }
    }
    None
}

/// The words of folded text, apostrophes kept ("won't").
fn words_of(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> StanceRules {
        let Ok(catalog) = crate::catalog::Catalog::bundled() else {
            panic!("seeds parse")
        };
        let Ok(r) = StanceRules::new(&catalog.lexicon.stance) else {
            panic!("cues compile")
        };
        r
    }

    #[test]
    fn a_cue_is_found_in_its_other_forms() {
        assert_eq!(
            forms("criticise"),
            [
                "criticises",
                "criticised",
                "criticising",
                "criticize",
                "criticizes",
                "criticized",
                "criticizing"
            ]
        );
        assert!(forms("non-starter").contains(&"non-starters".to_string()));
        assert!(forms("rejected").is_empty(), "already inflected");
        let r = rules();
        let (s, _) = r.stance(
            Kind::Paraphrase,
            "the envoy called two clauses non-starters",
            None,
        );
        assert_eq!(s, Stance::Opposes);
    }

    #[test]
    fn a_text_as_a_foundation_or_gaps_closing_is_support() {
        let r = rules();
        for text in [
            "the minister called the outline a possible foundation for a settlement",
            "the envoy said the remaining differences were not insurmountable",
            "Vienna said the revised text held many of the right elements",
        ] {
            assert_eq!(
                r.stance(Kind::Paraphrase, text, None).0,
                Stance::Supports,
                "{text}"
            );
        }
    }

    #[test]
    fn criticism_fear_and_a_tilt_toward_moscow_are_opposition() {
        let r = rules();
        for text in [
            "the senator blasted the draft in a post on Sunday",
            "lawmakers fear that the deal leans toward Moscow",
            "the analyst called the clause a payoff that would embolden the Kremlin",
        ] {
            assert_eq!(
                r.stance(Kind::Paraphrase, text, None).0,
                Stance::Opposes,
                "{text}"
            );
        }
    }

    #[test]
    fn support_but_a_stress_on_terms_is_mixed() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the premier welcomed the initiative but stressed the role of national parliaments",
            None,
        );
        assert_eq!(s, Stance::Mixed);
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "several clauses require clarification before Madrid signs",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn a_concession_refused_is_opposition() {
        let r = rules();
        let (s, _) = r.stance(
            Kind::Paraphrase,
            "Kyiv would not recognise Crimea as Russian",
            None,
        );
        assert_eq!(s, Stance::Opposes);
        let (s, _) = r.stance(Kind::Paraphrase, "Kyiv will recognise the new border", None);
        assert_eq!(s, Stance::Neutral, "a concession alone takes no side");
    }

    #[test]
    fn a_cap_that_invites_the_next_invasion_is_opposition() {
        let (s, _) = rules().stance(
            Kind::Quote,
            "a 600,000 cap only invites the next invasion",
            None,
        );
        assert_eq!(s, Stance::Opposes);
    }

    #[test]
    fn a_figurative_verdict_is_opposition() {
        let (s, cues) = rules().stance(
            Kind::Quote,
            "this draft is a gift to the Kremlin wrapped in diplomatic paper",
            None,
        );
        assert_eq!(s, Stance::Opposes, "{cues:?}");
        let (s, _) = rules().stance(Kind::Quote, "we cannot take it as it is written", None);
        assert_eq!(s, Stance::Opposes);
    }

    #[test]
    fn everyday_verdicts_take_a_side() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the envoy said the draft held clauses Lisbon could work with",
            None,
        );
        assert_eq!(s, Stance::Supports);
        let (s, _) = rules().stance(
            Kind::Quote,
            "the guarantee looks solid on paper, yet nobody has named the troops",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn support_then_but_not_is_mixed() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "Oslo would support the monitors with satellites but would not send soldiers",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn anonymity_is_no_condition() {
        let (s, _) = rules().stance(
            Kind::Quote,
            "an aide, speaking on condition of anonymity, called it a first draft",
            None,
        );
        assert_eq!(s, Stance::Neutral);
    }

    #[test]
    fn offering_alternatives_rather_than_rejecting_is_mixed() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "she would suggest changes rather than reject the text",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn but_also_is_not_mixed_by_itself() {
        let (s, _) = rules().stance(
            Kind::Quote,
            "he is busy not only with Ukraine but also with the budget",
            None,
        );
        assert_eq!(s, Stance::Neutral);
    }

    #[test]
    fn not_only_and_but_also_add_support_to_support() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the plan was not only fair but also realistic",
            None,
        );
        assert_eq!(s, Stance::Supports);
    }

    #[test]
    fn a_support_cue_after_a_verb_of_doubt_is_doubted() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "diplomats doubt Putin will accept the guarantees",
            None,
        );
        assert_eq!(s, Stance::Opposes);
    }

    #[test]
    fn support_with_a_condition_is_mixed() {
        let r = rules();
        let (s, _) = r.stance(
            Kind::Quote,
            "we can live with that ceiling, if the guarantees behind it hold",
            None,
        );
        assert_eq!(s, Stance::Mixed);
        let (s, _) = r.stance(
            Kind::Paraphrase,
            "Kyiv could give up its membership bid if it gets binding guarantees",
            None,
        );
        assert_eq!(s, Stance::Mixed, "a concession granted on a condition");
        let (s, _) = r.stance(
            Kind::Quote,
            "we welcome the text, even if it came late",
            None,
        );
        assert_eq!(s, Stance::Supports, "\"even if\" is no condition");
        let (s, _) = r.stance(
            Kind::Quote,
            "if their troops leave the region, the shooting will stop",
            None,
        );
        assert_eq!(
            s,
            Stance::Neutral,
            "a concession asked of others in the condition"
        );
        let (s, _) = r.stance(Kind::Quote, "no national court will accept it", None);
        assert_eq!(s, Stance::Opposes, "a negated subject four words before");
    }

    #[test]
    fn support_then_but_insisted_is_mixed() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "Minsk was ready to work on the draft but insisted that the army cap must stay",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn but_did_not_say_is_no_refusal() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "he said Moscow had made concessions but did not say which",
            None,
        );
        assert_eq!(s, Stance::Supports);
    }

    #[test]
    fn claiming_the_decision_is_opposition() {
        let r = rules();
        for text in [
            "the bloc's enlargement cannot be the subject of a bargain with Moscow",
            "where allied troops go after a truce is for them to decide",
            "nobody asked us about our ports",
            "letting borders be changed by force would send the wrong signal",
        ] {
            let (s, _) = r.stance(Kind::Paraphrase, text, None);
            assert_eq!(s, Stance::Opposes, "{text}");
        }
        let (s, _) = r.stance(
            Kind::Paraphrase,
            "the minister pushed back on the troop clause",
            Some("pushed back"),
        );
        assert_eq!(s, Stance::Opposes, "a light-verb cue of opposition");
    }

    #[test]
    fn opposing_another_partys_proposal_is_not_opposing_the_plan() {
        for text in [
            "the envoy rejected the European counter-proposal out of hand",
            "he accused the Europeans of unacceptable demands",
        ] {
            let (s, _c) = rules().stance(Kind::Paraphrase, text, None);
            assert_eq!(s, Stance::Neutral, "{text} {_c:?}");
        }
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the Europeans rejected the US plan as unacceptable",
            None,
        );
        assert_eq!(s, Stance::Opposes, "the plan is still the object");
    }

    #[test]
    fn rejecting_criticism_of_the_plan_defends_it() {
        let (s, cues) = rules().stance(
            Kind::Paraphrase,
            "the spokeswoman dismissed claims that the draft favours Moscow",
            None,
        );
        assert_eq!(s, Stance::Supports, "{cues:?}");
    }

    #[test]
    fn pushing_back_on_a_characterization_defends_the_plan() {
        let (s, cues) = rules().stance(
            Kind::Paraphrase,
            "the ministry pushed back on that characterization, saying both sides were heard",
            None,
        );
        assert_eq!(s, Stance::Supports, "{cues:?}");
    }

    #[test]
    fn a_refusal_inside_a_condition_is_no_verdict() {
        let (s, cues) = rules().stance(
            Kind::Paraphrase,
            "Moscow would take the land by force if Kyiv rejects the offer",
            None,
        );
        assert_eq!(s, Stance::Neutral, "{cues:?}");
    }

    #[test]
    fn talks_moving_a_flaw_and_work_ahead_take_a_side() {
        let r = rules();
        let stance = |t: &str| r.stance(Kind::Quote, t, None).0;
        assert_eq!(
            stance("the text has improved and the talks are progressing"),
            Stance::Supports
        );
        assert_eq!(
            stance("the draft has major flaws and is a disaster for Kyiv"),
            Stance::Opposes
        );
        assert_eq!(
            stance("the hardest issues remain unresolved"),
            Stance::Mixed
        );
    }

    #[test]
    fn a_rejection_denied_takes_no_side() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the spokesman said Moscow did not reject the draft",
            None,
        );
        assert_eq!(s, Stance::Neutral);
    }

    #[test]
    fn welcome_but_a_demand_further_on_is_mixed() {
        let r = rules();
        let (s, _) = r.stance(
            Kind::Quote,
            "we welcome every effort, but Kyiv and the Union must also be at the table",
            None,
        );
        assert_eq!(s, Stance::Mixed);
        let (s, _) = r.stance(
            Kind::Quote,
            "there are good ideas in it. But some parts should be improved",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn a_report_is_neutral() {
        let (s, _) = rules().stance(Kind::Report, "the plan would reject any NATO troops", None);
        assert_eq!(s, Stance::Neutral);
    }

    #[test]
    fn an_evaluation_that_condemns_a_term_is_opposition() {
        let r = rules();
        for text in [
            "handing over the eastern districts would be a gift to the Kremlin",
            "the clause reads as though it had been drafted in Moscow",
            "a text this lopsided cannot end the war",
        ] {
            let (s, _) = r.stance(Kind::Quote, text, None);
            assert_eq!(s, Stance::Opposes, "{text}");
        }
    }

    #[test]
    fn an_evaluation_that_favours_the_talks_is_support() {
        let r = rules();
        for text in [
            "there are provisions in the draft that Moscow could work with",
            "the envoy was confident the remaining gaps can be closed",
        ] {
            let (s, _) = r.stance(Kind::Paraphrase, text, None);
            assert_eq!(s, Stance::Supports, "{text}");
        }
    }

    #[test]
    fn some_elements_for_and_work_still_to_do_is_mixed() {
        let r = rules();
        let (s, _) = r.stance(
            Kind::Paraphrase,
            "the framework has elements that can be built on, though the army limits need talks",
            None,
        );
        assert_eq!(s, Stance::Mixed);
        // support, then "but" and what is still missing
        let (s, _) = r.stance(
            Kind::Quote,
            "the guarantees are welcome, but questions about who enforces them are open",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }

    #[test]
    fn a_refusal_in_the_future_or_a_claim_of_ownership_is_opposition() {
        let r = rules();
        for text in [
            "Handing over the valley? That will not happen on my watch.",
            "the reactor belongs to the country that built it",
        ] {
            let (s, _) = r.stance(Kind::Quote, text, None);
            assert_eq!(s, Stance::Opposes, "{text}");
        }
    }

    #[test]
    fn a_demand_dropped_on_a_condition_is_mixed() {
        let (s, _) = rules().stance(
            Kind::Paraphrase,
            "the government could drop its alliance bid if the guarantees were ratified",
            None,
        );
        assert_eq!(s, Stance::Mixed);
    }
}
