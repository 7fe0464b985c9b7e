//! Stage 3: sentences -> candidate statements, with the noun phrase of their speaker.
//!
//! Sieves, highest precision first (see docs/extraction.md):
//! 1. a list introduced by "According to the plan:" -> one report per item;
//! 2. a quote with its attribution after it (`"…," he said.` / `"…," said Peskov.`) or before it
//!    (`According to Rutte, "…"`, `he wrote: "…"`, `Rubio called the meeting "…"`);
//! 3. a quote that fills its sentence with no attribution -> the speaker of the quote before it;
//! 4. reported speech in the sentence: `According to X, …`, `As reported by X, …`,
//!    `X said (that) …`, `…, X said.`, `the plan requires …`.
//!
//! A short quote with no attribution next to it is a scare quote and stays part of its sentence.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use super::sentences::{Quote, Segmented, Sentence};
use super::speakers::{Gazetteer, Mention};
use crate::catalog::SpeechLexicon;
use crate::grammar::grammar;
use crate::model::Kind;
use crate::text::{Folded, fold, fold_str, word_refs};

mod backref;
mod clauses;
mod content;
mod counter;
mod cues;
mod lists;
#[cfg(test)]
mod media_tests;
mod pairs;
mod quotes;
pub(super) use quotes::PLAN_WORDS;
mod relative;
mod relay;
mod reported;
mod subject;
#[cfg(test)]
pub(crate) mod tests;
mod transcript;

pub use lists::Layout;
use lists::find_lists;
use quotes::{adding_that, carry_back, quote_candidate};
use reported::{authored, sentence_candidate};
use subject::{np_after, subject_before};
use transcript::find_transcript;

/// A statement before its speaker is resolved from context and its points are linked.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Quote, paraphrase or report (a report may become one once the speaker is known).
    pub kind: Kind,
    /// Byte range of the statement in the body.
    pub span: Range<usize>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
    /// Paragraph index.
    pub para: usize,
    /// Who, as found in the text; `None` is the article's own voice.
    pub mention: Option<Mention>,
    /// Where the speaker is named, to keep their name out of the linking.
    pub speaker_span: Option<Range<usize>>,
    /// The speech verb, for stance.
    pub verb: Option<String>,
    /// The rule that fired.
    pub rule: &'static str,
    /// How sure the rule is.
    pub confidence: f32,
    /// A quote with no attribution of its own: the speaker of the quote before it.
    pub floating: bool,
    /// The point the layout says it is about: item N of a list of the 28 points is point N.
    pub point: Option<u8>,
    /// The heading of the list section it stands in ("Territory"), or the main clause of a
    /// relative clause of speech: links it when its own words name no point.
    pub topic: Option<Range<usize>>,
}

/// A word of a sentence with its span in the body.
#[derive(Debug, Clone)]
struct SWord<'a> {
    start: usize,
    end: usize,
    text: Cow<'a, str>,
    in_quote: bool,
    /// Followed by 's ("Russia's").
    possessive: bool,
    /// Joined to the word before by a hyphen ("US-backed": "backed").
    hyphened: bool,
    /// Written with a capital first letter.
    capital: bool,
}

/// Compiled speech-verb lists.
#[derive(Debug)]
pub struct SpeechRules {
    verbs: HashSet<String>,
    phrases: Vec<Vec<String>>,
    after_quote: HashSet<String>,
    between: HashSet<String>,
    document_verbs: HashSet<String>,
    object_not_speech: HashSet<String>,
    noun_before: HashSet<String>,
    irregular_past: HashSet<String>,
    relays: Vec<Vec<String>>,
    judging: HashSet<String>,
    judging_verbs: HashSet<String>,
    reaction_verbs: Vec<Vec<String>>,
    reaction_nouns: HashSet<String>,
    media_acts: HashSet<String>,
    media_places: HashSet<String>,
    event_verbs: HashSet<String>,
    light_verbs: HashSet<String>,
    attitude_nouns: HashSet<String>,
    linking_verbs: HashSet<String>,
    attitude_adjectives: HashSet<String>,
    attitude_participles: HashSet<String>,
    attitude_objects: HashSet<String>,
}

static WIRE_DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^[^()]{0,60}\([\p{L} .&-]{2,30}\)\s*(?:--|[-\u{2013}\u{2014}]|\s)\s*")
        .expect("static pattern")
});

/// True when `m` names a person.
fn is_person(m: &Mention) -> bool {
    matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Person)
}

/// True when the words of phrase `p` stand at word `k`, outside quotes.
fn phrase_at(p: &[String], ws: &[SWord], k: usize) -> bool {
    words_at(p.iter().map(String::as_str), ws, k)
}

/// True when `words`, in order, stand at word `k`, outside quotes.
fn words_at<'a>(words: impl IntoIterator<Item = &'a str>, ws: &[SWord], k: usize) -> bool {
    words
        .into_iter()
        .enumerate()
        .all(|(i, t)| ws.get(k + i).is_some_and(|w| w.text == t && !w.in_quote))
}

impl SpeechRules {
    /// Compiles the lists.
    pub fn new(lex: &SpeechLexicon) -> Self {
        let set = |v: &[String]| v.iter().map(|s| fold_str(s)).collect::<HashSet<_>>();
        let words = |v: &[String]| -> Vec<Vec<String>> {
            v.iter()
                .map(|p| fold_str(p).split_whitespace().map(String::from).collect())
                .collect()
        };
        Self {
            verbs: set(&lex.verbs),
            phrases: words(&lex.phrases),
            after_quote: set(&lex.after_quote),
            between: set(&lex.between),
            document_verbs: set(&lex.document_verbs),
            object_not_speech: set(&lex.object_not_speech),
            noun_before: set(&lex.noun_before),
            irregular_past: set(&lex.irregular_past),
            relays: words(&lex.relays),
            judging: set(&lex.judging_participles),
            judging_verbs: set(&lex.judging_verbs),
            reaction_verbs: words(&lex.reaction_verbs),
            reaction_nouns: set(&lex.reaction_nouns),
            media_acts: set(&lex.media_acts),
            media_places: set(&lex.media_places),
            event_verbs: set(&lex.event_verbs),
            light_verbs: set(&lex.light_verbs),
            attitude_nouns: set(&lex.attitude_nouns),
            linking_verbs: set(&lex.linking_verbs),
            attitude_adjectives: set(&lex.attitude_adjectives),
            attitude_participles: set(&lex.attitude_participles),
            attitude_objects: set(&lex.attitude_objects),
        }
    }

    /// True when the folded `word` is a speech verb or opens a speech phrase ("said",
    /// "took" of "took issue").
    pub fn is_verb(&self, word: &str) -> bool {
        self.verbs.contains(word)
            || self
                .phrases
                .iter()
                .any(|p| p.first().is_some_and(|f| f == word))
    }

    /// The length in words of a speech verb starting at word `k`, if one does.
    fn verb_at(&self, ws: &[SWord], k: usize, after_quote: bool) -> Option<usize> {
        let w = ws.get(k)?;
        // "the US-backed proposal", "a Kremlin-approved text": an adjective, not a verb
        if w.in_quote || w.hyphened || inside_name(ws, k) || self.is_noun_or_has_object(ws, k) {
            return None;
        }
        for p in &self.phrases {
            if p.len() > 1 && phrase_at(p, ws, k) {
                return Some(p.len());
            }
        }
        // "briefed the envoys that …" speaks; "officials briefed on the talks" does not
        // ("“…,” Trump responded." and "Jaiswal responded, “We have seen reports …”": a quote
        // before, or one that opens a sentence of its own right after, also speaks; "had
        // agreed “not to disclose” the talks" does not)
        let clause_only = grammar().statements.clause_verbs.contains(&*w.text)
            && !after_quote
            && !ws.get(k + 1).is_some_and(|n| n.in_quote && n.capital);
        // ("announced on Monday that …": "on" and a time is no topic)
        let described = ws
            .get(k + 1)
            .is_some_and(|n| ["on", "about", "by"].contains(&&*n.text))
            && !ws
                .get(k + 2)
                .is_some_and(|t| grammar().shape.time_words.contains(&*t.text));
        if clause_only
            && (described
                || !ws[k + 1..(k + 9).min(ws.len())]
                    .iter()
                    .any(|w| w.text == "that"))
        {
            return None;
        }
        let g = &grammar().statements;
        // "Franco, tell us about this plan": a host's request, not a report of speech
        let request = ws.get(k + 1).is_some_and(|n| {
            g.imperatives
                .iter()
                .any(|p| p.split_once(' ') == Some((&*w.text, &*n.text)))
        });
        if request {
            return None;
        }
        if g.object_verbs.contains(&*w.text) && !speaks_of_the_text(ws, k) {
            return None;
        }
        if g.infinitive_verbs.contains(&*w.text)
            && !ws[k + 1..(k + 7).min(ws.len())]
                .iter()
                .any(|w| w.text == "to")
        {
            return None;
        }
        if self.verbs.contains(&*w.text) || (after_quote && self.after_quote.contains(&*w.text)) {
            return Some(1);
        }
        // "Kyiv's position is to freeze the lines", "Carney's view that the plan needs work": a
        // stance of its owner
        if ["is", "remains", "that"].contains(&&*w.text)
            && k >= 2
            && ws[k - 2].possessive
            && grammar().shape.stance_nouns.contains(&*ws[k - 1].text)
        {
            return Some(1);
        }
        self.light_verb_at(ws, k)
            .or_else(|| self.judging_verb_at(ws, k))
            .or_else(|| self.attitude_at(ws, k))
    }

    /// True when a verb of receiving a reaction ("drew", "met with") begins at word `k`.
    fn reaction_verb_at(&self, ws: &[SWord], k: usize) -> bool {
        self.reaction_verbs.iter().any(|p| phrase_at(p, ws, k))
    }

    /// "Many lawmakers now see the proposal as leaning toward Moscow": a verb of judging with
    /// "as" within six words after it (no comma between); the cue is the verb.
    fn judging_verb_at(&self, ws: &[SWord], k: usize) -> Option<usize> {
        if !self.judging_verbs.contains(&*ws[k].text) {
            return None;
        }
        // (a quoted noun may stand in the object: "identified the main \"key point\" of the
        // talks as …")
        (k + 2..(k + 10).min(ws.len()))
            .filter(|&j| !ws[j].in_quote)
            .find(|&j| ws[j].text == "as")
            .filter(|&j| {
                ws.get(j + 1)
                    .is_some_and(|n| !["soon", "well", "long", "much", "far"].contains(&&*n.text))
            })
            .map(|_| 1)
    }

    /// "expressed cautious optimism", "voiced deep concern": a light verb and, within three
    /// words, a noun of attitude; the cue runs to the noun.
    fn light_verb_at(&self, ws: &[SWord], k: usize) -> Option<usize> {
        if !self.light_verbs.contains(&*ws[k].text) {
            return None;
        }
        // "Kyiv's allies have reacted publicly to the plan": a reaction to what follows "to"
        if ws[k].text.starts_with("react")
            && let Some(to) = (k + 1..(k + 3).min(ws.len())).find(|&j| ws[j].text == "to")
            && ws[k + 1..to].iter().all(|w| self.is_between(&w.text))
        {
            return Some(to - k + 1);
        }
        // "voiced “significant concerns over the plan”": a quote that opens on the noun is
        // what was voiced, and the verb alone is the cue
        if ws.get(k + 1).is_some_and(|w| w.in_quote) {
            return (1..=3)
                .take_while(|i| ws.get(k + i).is_some_and(|w| w.in_quote))
                .any(|i| self.attitude_nouns.contains(&*ws[k + i].text))
                .then_some(1);
        }
        (1..=3)
            .take_while(|i| ws.get(k + i).is_some_and(|w| !w.in_quote))
            .find(|i| self.attitude_nouns.contains(&*ws[k + i].text))
            .map(|i| i + 1)
    }

    /// "Europe and Ukraine were horrified", "Prague remained deeply wary of the terms": a
    /// linking verb and, within two words (an adverb between), an adjective of a state of mind
    /// (or a participle of a feeling with what it is about after it); the cue runs to it.
    fn attitude_at(&self, ws: &[SWord], k: usize) -> Option<usize> {
        if !self.linking_verbs.contains(&*ws[k].text) {
            return None;
        }
        // ("are encouraged that …", not "are encouraged to apply")
        let feeling = |i: usize| {
            let w = &*ws[k + i].text;
            self.attitude_adjectives.contains(w)
                || (self.attitude_participles.contains(w)
                    && ws
                        .get(k + i + 1)
                        .is_some_and(|n| self.attitude_objects.contains(&*n.text)))
        };
        (1..=2)
            .take_while(|i| ws.get(k + i).is_some_and(|w| !w.in_quote))
            .find(|&i| feeling(i))
            .filter(|&i| i == 1 || self.is_between(&ws[k + 1].text))
            .map(|i| i + 1)
    }

    /// "Moscow's demands", "the claims": a noun; "would add $50bn": a verb with an object.
    fn is_noun_or_has_object(&self, ws: &[SWord], k: usize) -> bool {
        let before = k
            .checked_sub(1)
            .and_then(|i| ws.get(i))
            .filter(|w| !w.in_quote);
        // "pressed Ukraine to accept": an infinitive is no finite speech verb
        // ("A Ukrainian official earlier claimed": a past form after an adverb is the verb)
        let past_after_adverb = (ws[k].text.ends_with("ed")
            || self.irregular_past.contains(&*ws[k].text))
            && before.is_some_and(|b| !grammar().speakers.determiners.contains(&*b.text));
        let noun = before.is_some_and(|b| {
            (self.noun_before.contains(&*b.text) && !past_after_adverb)
                || b.possessive
                || b.text == "to"
        });
        // "signatory states will provide …": a plural noun before a modal or an auxiliary, not
        // a verb of speech
        let plural_subject = ws[k].text.ends_with('s')
            && ws.get(k + 1).is_some_and(|n| {
                !n.in_quote
                    && n.start == ws[k].end + 1
                    && (grammar().statements.modals.contains(&*n.text)
                        || ["have", "are", "were", "do"].contains(&&*n.text)
                        // "media reports claimed", "his comments suggested": the noun of a
                        // speech verb right before another
                        || self.verbs.contains(&*n.text))
            });
        let object = self.object_not_speech.contains(&*ws[k].text)
            && ws.get(k + 1).is_some_and(|n| {
                !n.in_quote
                    && (grammar().statements.object_start.contains(&*n.text)
                        || n.text
                            .starts_with(|c: char| c.is_ascii_digit() || "$€£".contains(c)))
            });
        // "… drop its NATO hopes — all long-standing Kremlin demands.": a plural noun of what a
        // plan asks that ends the sentence has no object, so it is no verb there
        let bare_plural =
            k + 1 == ws.len() && grammar().content.example_heads.contains(&*ws[k].text);
        noun || object || plural_subject || bare_plural
    }

    fn is_between(&self, w: &str) -> bool {
        self.between.contains(w) || (w.len() > 4 && w.ends_with("ly"))
    }
}

/// Everything the sieves read.
pub struct Context<'a> {
    /// The article body.
    pub body: &'a str,
    /// Its quotes and sentences.
    pub seg: &'a Segmented,
    /// Paragraph ranges.
    pub paragraphs: &'a [Range<usize>],
    /// Known names.
    pub gazetteer: &'a Gazetteer,
    /// Speech verbs.
    pub speech: &'a SpeechRules,
    /// Headers of lists of the plan's points.
    pub layout: &'a Layout,
    /// The article's title.
    pub title: Option<&'a str>,
    /// The new people of the article's entity table, by folded surname.
    pub people: &'a [(String, crate::model::Speaker)],
}

/// The words of the sentence at `span`, folded as `f`.
fn sentence_words<'f>(ctx: &Context<'_>, span: &Range<usize>, f: &'f Folded) -> Vec<SWord<'f>> {
    word_refs(&f.text)
        .map(|w| {
            let start = span.start + f.orig(w.start);
            let end = span.start + f.orig(w.end);
            SWord {
                start,
                end,
                text: w.text,
                in_quote: ctx.seg.in_quote(start),
                possessive: ctx.body[end..].starts_with("'s")
                    || ctx.body[end..].starts_with("\u{2019}s"),
                hyphened: ctx.body[..start].ends_with('-')
                    && ctx.body[..start.saturating_sub(1)].ends_with(char::is_alphanumeric),
                capital: ctx.body[start..].starts_with(char::is_uppercase),
            }
        })
        .collect()
}

/// "the U.S. State Department", "Kyiv Post said": a capitalised word after another inside a
/// sentence that is not written in title case is part of a name, not a verb.
fn inside_name(ws: &[SWord], k: usize) -> bool {
    // (the count over the sentence only for the rare capitalised verb after a capital: this
    // runs for every word tried as a verb)
    // ("Secretary of State Marco Rubio": a title goes on over "of", in any sentence)
    let over_of = k > 1 && ws[k - 1].text == "of" && ws[k - 2].capital;
    k > 0
        && ws[k].capital
        && (over_of
            || (ws[k - 1].capital && ws.iter().filter(|w| w.capital).count() * 2 <= ws.len()))
}

/// `Merz called the plan "a crucial step" and "really remarkable."`: a quote joined to an
/// attributed one of the same sentence by "and", "or" or a comma alone is the same speaker's.
fn conjoined_quote(
    ctx: &Context<'_>,
    q: &Quote,
    ws: &[SWord],
    before: Option<&(&Quote, Candidate)>,
) -> Option<Candidate> {
    let (prev, c) = before?;
    let gap = ctx.body.get(prev.outer.end..q.outer.start)?.trim();
    let joined = ["and", "or", ",", ", and", "but"].contains(&gap) || gap.is_empty();
    (c.mention.is_some() && (joined || same_subject_goes_on(ctx, prev, q, ws))).then(|| Candidate {
        span: q.inner.clone(),
        rule: "quote, joined to the one before",
        speaker_span: None,
        ..c.clone()
    })
}

/// `described the plan as "bold" and claimed it would leave Moscow "the clear winner"`,
/// `welcomed "the impetus" in the talks, and said that while "…"`: between two quotes, "and" or
/// "but" and a verb of speech with no subject of its own, within six words of the second
/// quote, go on with the subject of the first; so does "and that", a second clause of the same
/// verb ("noted he is in \"constant contact\" with Kyiv and that they are \"…\"").
fn same_subject_goes_on(ctx: &Context<'_>, prev: &Quote, q: &Quote, ws: &[SWord]) -> bool {
    let gap: Vec<usize> = (0..ws.len())
        .filter(|&k| ws[k].start >= prev.outer.end && ws[k].end <= q.outer.start)
        .collect();
    if gap.iter().any(|&k| ws[k].in_quote) {
        return false;
    }
    let Some(&last) = gap.last() else {
        return false;
    };
    gap.iter().any(|&j| {
        let verb = (j + 1..=last).find(|&k| !ctx.speech.is_between(&ws[k].text));
        // "… and that they are \"…\"": a second clause of the same verb of speech
        let clause = ws.get(j + 1).is_some_and(|w| w.text == "that") && last - j <= 6;
        ["and", "but"].contains(&&*ws[j].text)
            && (clause
                || verb
                    .is_some_and(|k| last - k <= 6 && ctx.speech.verb_at(ws, k, false).is_some()))
    })
}

/// True when `m` names a medium (a news outlet or agency).
fn is_medium(m: &Mention) -> bool {
    matches!(m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Media)
}

/// `Lavrov described the "media hype" around the plan as an attempt to derail it`: a quote of
/// one to three words after a determiner, with the sentence going on after it (three words or
/// more), is a phrase of the sentence, not a statement of its own; the sentence is the
/// speaker's statement.
fn scare_quote(q: &Quote, ws: &[SWord]) -> bool {
    let inside = ws
        .iter()
        .filter(|w| w.start >= q.inner.start && w.end <= q.inner.end)
        .count();
    let after = ws
        .iter()
        .filter(|w| w.start >= q.outer.end && !w.in_quote)
        .count();
    let before: Vec<&SWord> = ws.iter().filter(|w| w.end <= q.outer.start).collect();
    // a noun phrase in quotes ("the 'media hype'"), not an assessment ("called the meeting
    // 'the most productive' since …")
    let determiner = before.last().is_some_and(|w| {
        [
            "the", "a", "an", "its", "their", "his", "her", "this", "these", "that",
        ]
        .contains(&&*w.text)
    });
    (1..=3).contains(&inside) && after >= 3 && before.len() >= 2 && determiner
}

/// `according to "Reuters" and "CNN"`: a medium's name in quotation marks (as pages translated
/// from Arabic or Russian write them) is a name, not words anyone said.
fn name_in_quotes(ctx: &Context<'_>, q: &Quote, local: &[(String, crate::model::Speaker)]) -> bool {
    let inner = ctx.body[q.inner.clone()].trim_matches(|c: char| !c.is_alphanumeric());
    inner.split_whitespace().count() <= 4
        && matches!(ctx.gazetteer.resolve(inner, &mut local.to_vec()), Some(m) if is_medium(&m))
}

/// True when the quote's speaker opens an absolute clause after a comma ("…, with Jan Berg
/// calling it “…”").
fn with_clause(ctx: &Context<'_>, c: &Candidate) -> bool {
    c.speaker_span.as_ref().is_some_and(|sp| {
        let before = fold_str(ctx.body[..sp.start].trim_end());
        before.ends_with(", with")
    })
}

/// The statements of one sentence, pushed onto `out`.
fn sentence_statements(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
    doc_origin: &mut Option<(String, usize)>,
) {
    let quotes: Vec<&Quote> = ctx.seg.quotes_in(&s.span).collect();
    let mut attributed = false;
    let mut before: Option<(&Quote, Candidate)> = None;
    let mut participle_at = None;
    let mut absolute_from = None;
    for q in &quotes {
        // (a quote already taken by "adding, \"…\"" after the one before)
        if scare_quote(q, ws)
            || name_in_quotes(ctx, q, local)
            || out.iter().any(|c| c.span == q.inner)
        {
            continue;
        }
        let found = quote_candidate(ctx, s, si, q, ws, local)
            .or_else(|| conjoined_quote(ctx, q, ws, before.as_ref()));
        before = found.clone().map(|c| (*q, c));
        if let Some(c) = found {
            // "X said …, calling it “…”": the clause before the participle is X's too; "X
            // voiced dismay, with Y calling it “…”": the clause before "with" is X's own
            let absolute = with_clause(ctx, &c);
            if c.rule == quotes::PARTICIPLE || absolute {
                participle_at.get_or_insert(q.outer.start);
            }
            if absolute {
                absolute_from
                    .get_or_insert(c.speaker_span.as_ref().map_or(q.outer.start, |r| r.start));
            }
            attributed |= !c.floating && c.rule != quotes::PARTICIPLE && !absolute;
            let mut joint = pairs::per_speaker(ctx, c, local);
            let c = joint.remove(0);
            out.push(c);
            out.extend(joint);
            if let Some(extra) = adding_that(
                s,
                si,
                (q, &quotes),
                ws,
                out.last().and_then(|c| c.mention.clone()),
            ) {
                out.push(extra);
            }
        }
    }
    // "X said A, while Y insisted “B”": the clause before the quote's is X's
    if attributed
        && let Some(quote) = out.last().filter(|c| c.sentence == si).cloned()
        && let Some(mut c) = clauses::clause_before_quote(ctx, s, si, ws, &quote, local)
    {
        relay::source(ctx, s, ws, &mut c, local);
        out.push(c);
    }
    if !attributed
        && let Some(both) = clauses::caused_speech(ctx, s, si, ws, local)
            .or_else(|| clauses::two_speakers(ctx, s, si, ws, local))
    {
        for mut c in both {
            relay::source(ctx, s, ws, &mut c, local);
            out.extend(pairs::per_speaker(ctx, c, local));
        }
        return;
    }
    let found = (!attributed)
        .then(|| sentence_candidate(ctx, s, si, ws, &quotes, local))
        .flatten()
        .filter(|c| !content::under_modal(c, ws))
        .filter(|c| !content::presents_the_plan(ctx, c, ws))
        .filter(|c| !content::speaker_in_relative(ctx, c, ws))
        // (not the quote's speaker again, found in the clause after "with")
        .filter(|c| {
            absolute_from.is_none_or(|at| c.speaker_span.as_ref().is_none_or(|sp| sp.end < at))
        })
        .map(|mut c| {
            // (it ends at the comma before the participle)
            if let Some(at) = participle_at.filter(|&at| at > c.span.start)
                && let Some(comma) = ctx.body[c.span.start..at].rfind(',')
            {
                c.span.end = c.span.end.min(c.span.start + comma);
            }
            c
        });
    if let Some(c) = found.as_ref()
        && content::commitment_of_plan(ctx, s, c, ws)
    {
        let mut r = content::report(s, si);
        relay::copy_agent(ctx, ws, &mut r, local);
        out.push(r);
    } else if let Some(mut c) = found {
        relay::source(ctx, s, ws, &mut c, local);
        // "…, which US officials said was a draft": the main clause is the plan's content
        if let Some(cut) = content::relative_cue(&c, ctx.body, ws)
            && let Some(mut main) = content::plan_content(ctx, s, si, ws)
                .or_else(|| content::document_clause(ctx, s, si, cut))
        {
            main.span.end = cut;
            // "…, which the officials said would be approved": about what the main clause
            // names when its own words name nothing
            c.topic = Some(main.span.clone());
            out.push(main);
            content::drop_appositive_noun(ctx, &mut c, ws, local);
            c.span.start =
                cut + 1 + ctx.body[cut + 1..].len() - ctx.body[cut + 1..].trim_start().len();
        }
        authored(ctx, &mut c, doc_origin);
        relay::copy_agent(ctx, ws, &mut c, local);
        let aside = c.speaker_span.as_ref().and_then(|r| {
            relative::aside_speaker(ctx, (s, si), ws, (r.end, c.mention.as_ref()), local)
        });
        out.extend(pairs::per_speaker(ctx, c, local));
        out.extend(aside);
    } else if !attributed {
        if let Some(mut c) = content::plan_content(ctx, s, si, ws) {
            relay::source(ctx, s, ws, &mut c, local);
            relay::copy_agent(ctx, ws, &mut c, local);
            content::continue_speech(ctx, s, ws, out, &mut c);
            out.push(c);
        }
        // "The plan would make Kyiv cede land – terms that Oslo has said it would resist."
        let no_speaker = (s.span.start, None);
        out.extend(relative::aside_speaker(ctx, (s, si), ws, no_speaker, local));
    }
}

/// True when the clause at `cut` follows a comma and a later comma closes it, with the main
/// clause going on after it: a quote or a verb ("…, which had 28 points, \"leaned …\" and
/// capped …"), not an appositive ("…, a red line for Kyiv").
fn aside_between_commas(body: &str, s: &Sentence, cut: usize) -> bool {
    let opened = body[s.span.start..cut].trim_end().ends_with(',');
    let rest = &body[cut..s.span.end];
    let goes_on = |after: &str| {
        let mut words = after.split_whitespace();
        let first = words.next().unwrap_or("");
        let bare = first
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        words.count() >= 2
            && (first.starts_with(['"', '\u{201C}', '\''])
                || bare.ends_with("ed")
                || grammar().statements.modals.contains(bare.as_str())
                || ["is", "was", "are", "were", "has", "had", "remains"].contains(&bare.as_str()))
    };
    opened && rest.find(',').is_some_and(|c| goes_on(&rest[c + 1..]))
}

/// A clause on the plan's name inside the sentence's statements becomes a report of its own
/// and the statement it stood in ends before it; a report of the whole sentence already holds
/// it.
fn split_plan_clause(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
    out: &mut Vec<Candidate>,
    before: usize,
) {
    let alone = out.len() == before;
    let Some((cut, report)) = relative::plan_clause(ctx, s, si, ws, alone) else {
        return;
    };
    let mine = &mut out[before..];
    if mine
        .iter()
        .any(|c| c.kind == Kind::Report && c.mention.is_none() && c.span.contains(&cut))
    {
        return;
    }
    // "Stubb recalled that the initial plan, which had 28 points, \"favoured Russia\"": an
    // aside between commas inside what a speaker said leaves the speaker's words whole
    if aside_between_commas(ctx.body, s, cut)
        && mine
            .iter()
            .any(|c| c.mention.is_some() && c.kind != Kind::Quote && c.span.contains(&cut))
    {
        return;
    }
    // "…, which includes a cap on the army, according to reports": the clause is what the
    // medium reports; it stays the medium's
    if mine
        .iter()
        .any(|c| c.kind != Kind::Quote && c.span.start == cut)
    {
        return;
    }
    for c in mine.iter_mut() {
        if c.kind != Kind::Quote && c.span.contains(&cut) {
            let end = ctx.body[c.span.start..cut]
                .trim_end_matches([' ', ','])
                .len();
            c.span.end = c.span.start + end;
        }
    }
    out.push(report);
}

/// Finds the candidate statements of an article.
pub fn find_candidates(ctx: &Context<'_>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut local = ctx.people.to_vec();
    let (mut list_paras, list_sentences) = find_lists(ctx, &mut out, &mut local);
    let labelled = find_transcript(ctx, &mut out, &mut local);
    list_paras.extend(labelled.used);
    let mut doc_origin: Option<(String, usize)> = None;
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        if list_paras.contains(&s.para) || list_sentences.contains(&si) {
            continue;
        }
        let before = out.len();
        let folded = fold(&ctx.body[s.span.clone()]);
        let ws = sentence_words(ctx, &s.span, &folded);
        sentence_statements(ctx, s, si, &ws, &mut out, &mut local, &mut doc_origin);
        split_plan_clause(ctx, s, si, &ws, &mut out, before);
    }
    backref::stated_by_after(ctx, &mut out, &mut local);
    backref::first_person_before(ctx, &mut out);
    relay::source_line(ctx, &mut out, &mut local);
    counter::counter_draft(ctx, &mut out);
    let asides: Vec<Candidate> = out
        .iter_mut()
        .filter_map(|c| content::author_aside(ctx, c))
        .collect();
    out.extend(asides);
    transcript::skip_labels(ctx, &mut out);
    transcript::journalists_speak(&mut out, &labelled.journalist_turns);
    out.sort_by_key(|c| c.span.start);
    carry_back(ctx, &mut out);
    // the paragraph's words that a dash cue closes are its speaker's, not the article's
    let closed: Vec<Range<usize>> = out
        .iter()
        .filter(|c| c.rule == "dash cue, sentences before")
        .map(|c| c.span.clone())
        .collect();
    out.retain(|c| {
        c.mention.is_some()
            || !closed
                .iter()
                .any(|r| r.start <= c.span.start && c.span.end <= r.end)
    });
    out
}

/// Whether the verb of `object_verbs` at `k` reports: with a "that" clause ("outlined that …") or
/// an object naming the plan's text ("outlined the main elements of the deal"); not as an
/// adjective ("Kyiv's newly outlined plan"), a passive without its agent ("was outlined last
/// week") or with another object ("after Kyiv outlines its principles").
fn speaks_of_the_text(ws: &[SWord], k: usize) -> bool {
    let g = &grammar().statements;
    let before = |i: usize| k.checked_sub(i).and_then(|j| ws.get(j));
    let adjective = before(1).is_some_and(|w| w.possessive)
        || (before(1).is_some_and(|w| w.text.ends_with("ly"))
            && before(2).is_some_and(|w| w.possessive));
    let passive = before(1)
        .is_some_and(|w| ["was", "were", "been", "is", "are"].contains(&&*w.text))
        && ws.get(k + 1).is_none_or(|w| w.text != "by");
    if adjective || passive {
        return false;
    }
    let after = &ws[k + 1..(k + 9).min(ws.len())];
    after.iter().any(|w| w.text == "that")
        || after
            .iter()
            .take(6)
            .any(|w| g.object_words.contains(&*w.text))
}
