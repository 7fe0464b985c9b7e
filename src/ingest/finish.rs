//! The last stage of [`Extractor::extract`]: relevance, points and stance of each resolved
//! candidate; what is not about the plan is dropped.

use std::ops::Range;

use super::antecedents::SpanAnalyses;
use super::provisions::Analysis;
use super::resolve::Names;
use super::statements::{Candidate, Context};
use super::{Extractor, Kind, ProvisionLink, Speaker, SpeakerKind, Statement, relevance};
use std::rc::Rc;

/// What the pass over the candidates keeps from one to the next.
struct Pass<'a> {
    spans: SpanAnalyses<'a>,
    /// Where people are named, to keep their names out of the linking.
    name_spans: Vec<Range<usize>>,
    /// (speaker, paragraph, whether the next statement of that speaker continues it).
    previous: Option<(Option<String>, usize, bool)>,
}

/// One candidate under judgement.
struct Judged {
    sentence: Range<usize>,
    own: Rc<Analysis>,
    whole: Rc<Analysis>,
    /// Points of a phrase that names a point taken up from earlier in the article.
    antecedent: Vec<ProvisionLink>,
}

impl Pass<'_> {
    /// Names, the speaker's own span and its appositive inside `range`, relative to it.
    fn masks(&self, ctx: &Context<'_>, c: &Candidate, range: &Range<usize>) -> Vec<Range<usize>> {
        let appositive = speaker_appositive(ctx, c);
        self.name_spans
            .iter()
            .chain(c.speaker_span.iter())
            .chain(appositive.iter())
            .filter(|r| r.start >= range.start && r.end <= range.end)
            .map(|r| r.start - range.start..r.end - range.start)
            .collect()
    }
}

/// "Tom Baker, a former NATO envoy, said …" / "…, said Tom Baker, a former NATO envoy.": the
/// title or description between commas right after the speaker's name describes the speaker,
/// so its words ("NATO", "security council") name no point of the claim.
fn speaker_appositive(ctx: &Context<'_>, c: &Candidate) -> Option<Range<usize>> {
    // what follows a document named as the subject is what it holds ("The plan came out in
    // November, requiring Kyiv to give up Donbas, and …")
    if matches!(c.mention, None | Some(super::Mention::Document)) {
        return None;
    }
    let name = c.speaker_span.as_ref()?;
    let end = ctx.seg.sentences.get(c.sentence)?.span.end;
    let rest = ctx.body.get(name.end..end)?;
    let inner = rest.strip_prefix(',')?;
    let (described, after) = match inner.find(',') {
        Some(i) => (&inner[..i], Some(&inner[i + 1..])),
        None => (inner.trim_end_matches(['.', '!', '?']), None),
    };
    let folded = crate::text::fold_str(described);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 14
        || described.contains(['"', '\u{201c}', '\u{201d}', ';', ':'])
        || words.iter().any(|w| ctx.speech.is_verb(w))
    {
        return None;
    }
    match after {
        // a verb of speech right after the second comma closes the description
        Some(after) => {
            let next = crate::text::fold_str(after);
            let mut next_words = next.split_whitespace();
            let opens_verb = next_words.by_ref().take(2).any(|w| {
                ctx.speech
                    .is_verb(w.trim_matches(|ch: char| !ch.is_alphanumeric()))
            });
            opens_verb.then(|| name.end..name.end + 1 + described.len() + 1)
        }
        // the description closes the sentence after a speaker named behind the verb
        None => {
            let start = ctx.seg.sentences.get(c.sentence)?.span.start;
            let before = crate::text::fold_str(ctx.body.get(start..name.start)?);
            let verb_before = before
                .split_whitespace()
                .last()
                .is_some_and(|w| ctx.speech.is_verb(w));
            (verb_before && words.len() <= 10).then(|| name.end..name.end + 1 + described.len())
        }
    }
}

/// "He stated," or "Asked about the plan, Carney said:" before a quote in the next paragraph:
/// reported speech whose sentence ends at its verb and a comma or a colon says nothing of its
/// own (the quote after it carries the words, and the speaker).
fn only_a_cue(ctx: &Context<'_>, c: &Candidate) -> bool {
    let Some(text) = ctx.body.get(c.span.clone()) else {
        return false;
    };
    let text = text.trim_end();
    let Some(rest) = text.strip_suffix([',', ':']) else {
        return false;
    };
    let last = rest
        .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '\u{2019}')
        .next()
        .unwrap_or("");
    c.kind == Kind::Paraphrase
        && c.verb
            .as_deref()
            .and_then(|v| v.split_whitespace().last())
            .is_some_and(|v| crate::text::fold_str(last) == v)
}

impl Extractor {
    /// Relevance, points, stance; drops what is not about the plan.
    pub(super) fn finish(
        &self,
        ctx: &Context<'_>,
        names: &Names,
        title: Option<&str>,
        resolved: Vec<(Candidate, Option<Speaker>, String)>,
    ) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        // statements that are only a cue, kept while the loop runs for the quotes they lead to
        let mut cues = Vec::new();
        let mut pass = Pass {
            spans: SpanAnalyses::new(&self.linker, ctx.body),
            name_spans: names
                .hits
                .iter()
                .filter(|h| h.speaker.kind == SpeakerKind::Person)
                .map(|h| names.folded.orig(h.start)..names.folded.orig(h.end))
                .collect(),
            previous: None,
        };
        for (c, speaker, via) in resolved {
            // (a span cut down to nothing is no statement)
            if ctx
                .body
                .get(c.span.clone())
                .is_none_or(|t| t.trim().is_empty())
            {
                continue;
            }
            let Some(judged) = self.judge(ctx, &mut pass, title, &c, speaker.as_ref()) else {
                continue;
            };
            let mut provisions = self.points(ctx, &mut pass, &c, &judged);
            if provisions.is_empty() && judged.own.plan_words.is_empty() {
                provisions = continued_points(ctx, &c, speaker.as_ref(), &out);
            }
            if provisions.is_empty() {
                if speaker.is_none() || c.rule == "list item" {
                    // the article's own words about the plan, with no point: not a statement
                    continue;
                }
                provisions.push(ProvisionLink {
                    number: 0,
                    evidence: Vec::new(),
                });
            }
            let kind = match (&speaker, c.kind) {
                (None, _) => Kind::Report,
                (Some(s), Kind::Paraphrase) if s.kind == SpeakerKind::Media => Kind::Report,
                (_, k) => k,
            };
            let text = &ctx.body[c.span.clone()];
            let (stance, stance_cues) = self.stance.stance(kind, text, c.verb.as_deref());
            if only_a_cue(ctx, &c) {
                cues.push(out.len());
            }
            out.push(Statement {
                speaker,
                speaker_via: via,
                kind,
                span: c.span.clone(),
                text: text.to_string(),
                provisions,
                stance,
                stance_cues,
                rule: c.rule,
                confidence: c.confidence,
                version: None,
                claims: Vec::new(),
            });
        }
        fn name(s: &Statement) -> Option<&String> {
            s.speaker.as_ref().map(|p| &p.name)
        }
        for k in cues.into_iter().rev() {
            // (only when the next statement is the same speaker's: "Interfax reported:" before
            // a list in the article's voice stays the medium's report)
            if out.get(k + 1).is_some_and(|n| name(n) == name(&out[k])) {
                out.remove(k);
            }
        }
        out
    }

    /// Whether a candidate is about the plan (its own words, its paragraph, the chain of its
    /// speaker, or a phrase of a point named earlier); `None` drops it.
    fn judge(
        &self,
        ctx: &Context<'_>,
        pass: &mut Pass<'_>,
        title: Option<&str>,
        c: &Candidate,
        speaker: Option<&Speaker>,
    ) -> Option<Judged> {
        let sentence = ctx
            .seg
            .sentences
            .get(c.sentence)
            .map_or(c.span.clone(), |s| s.span.clone());
        let text = &ctx.body[c.span.clone()];
        let own = pass.spans.get(&c.span, pass.masks(ctx, c, &c.span));
        let whole = pass.spans.get(&sentence, pass.masks(ctx, c, &sentence));
        let key = speaker.map(continuation_key);
        let continues = pass.previous.as_ref().is_some_and(|(k, para, carries)| {
            *carries && *k == key && key.is_some() && c.para <= para + 1
        });
        let probe = relevance::Probe {
            c,
            own: &own,
            whole: &whole,
            text,
            has_speaker: speaker.is_some(),
            continues,
        };
        let reason = self.relevance(ctx, &mut pass.spans, title, &probe);
        let event = self.is_event(c, text, &own);
        let relevant = reason.is_some() && !event;
        // "the plant", "the council": a phrase of a point named earlier in the article
        let antecedent = if relevant
            && (!self.linker.link(&own, true).is_empty()
                || (c.kind == Kind::Quote && !self.linker.link(&whole, true).is_empty()))
        {
            Vec::new()
        } else {
            let masks = pass.masks(ctx, c, &c.span);
            let found = self.antecedent_points(ctx, &mut pass.spans, text, &masks, c.sentence);
            // "This would let Moscow profit from the assets": the article's account goes on
            // about what the sentence before described
            if found.is_empty() && c.kind == Kind::Report && c.mention.is_none() {
                self.points_before(ctx, pass, c, &own)
            } else {
                found
            }
        };
        let carries = reason.is_some() && relevant;
        let relevant = relevant || (!antecedent.is_empty() && !event);
        // the author's aside inside a speaker's sentence does not break the speaker's chain
        if c.rule != "author's aside" {
            pass.previous = Some((key, c.para, carries || relevant && reason.is_none()));
        }
        relevant.then_some(Judged {
            sentence,
            own,
            whole,
            antecedent,
        })
    }

    /// The points of a relevant candidate: its layout, its own words, the frame of a quote,
    /// the claim or sentence before it, or an antecedent phrase.
    fn points(
        &self,
        ctx: &Context<'_>,
        pass: &mut Pass<'_>,
        c: &Candidate,
        j: &Judged,
    ) -> Vec<ProvisionLink> {
        let mut provisions = self.linker.link(&j.own, true);
        // "…, up from 600,000, highlighting debates over limits for a sovereign state": the
        // author's closing aside adds no point to a text that names one without it
        let text = &ctx.body[c.span.clone()];
        let kept = relevance::without_aside(text).len();
        if kept < text.len() && !provisions.is_empty() {
            let mut masks = pass.masks(ctx, c, &c.span);
            masks.push(kept..text.len());
            let main = self.linker.link(&pass.spans.get(&c.span, masks), true);
            if !main.is_empty() {
                provisions = main;
            }
        }
        // item N of a list of the 28 points is point N, unless its words name other points
        // by their own vocabulary (a counter-proposal numbered its own way under a lead that
        // counts the 28 points)
        if let Some(n) = c.point
            && (provisions.iter().any(|p| p.number == n) || !self.linker.names_a_point(&j.own))
        {
            return vec![ProvisionLink {
                number: n,
                evidence: vec![format!("item {n} of the 28 points")],
            }];
        }
        if c.kind == Kind::Quote
            && let Some(framed) = self.framed_clause(ctx, pass, c, &j.sentence)
        {
            provisions = framed;
        }
        if provisions.is_empty() && c.kind == Kind::Quote {
            provisions = self.linker.link(&j.whole, true);
        }
        // an interview answer is also about what its question named ("And the amnesty?")
        if let Some(q) = self.question_before(ctx, &mut pass.spans, c) {
            for link in self.linker.link(&q, true) {
                if !provisions.iter().any(|p| p.number == link.number) {
                    provisions.push(link);
                }
            }
            provisions.sort_by_key(|p| p.number);
        }
        // "Elections" / "old draft → within 100 days": the heading of its list section
        if provisions.is_empty()
            && let Some(topic) = &c.topic
        {
            let heading = pass.spans.get(topic, Vec::new());
            provisions = self.linker.link(&heading, true);
        }
        if provisions.is_empty() {
            provisions = self.points_before(ctx, pass, c, &j.own);
        }
        if provisions.is_empty() {
            provisions = j.antecedent.clone();
        }
        provisions
    }

    /// "Sybiha wrote that the plan's tolerance clause 'must apply to Russia first …'": the
    /// clause the frame of a quote names is what the quote is about.
    fn framed_clause(
        &self,
        ctx: &Context<'_>,
        pass: &mut Pass<'_>,
        c: &Candidate,
        sentence: &Range<usize>,
    ) -> Option<Vec<ProvisionLink>> {
        if sentence.start >= c.span.start {
            return None;
        }
        let mut masks = pass.masks(ctx, c, sentence);
        masks.push(c.span.start - sentence.start..c.span.end - sentence.start);
        let frame_text = &ctx.body[sentence.clone()];
        let frame = pass.spans.get(sentence, masks);
        let names_clause = crate::text::word_refs(&crate::text::fold_str(frame_text))
            .any(|w| ["clause", "provision", "section", "chapter"].contains(&&*w.text));
        if !names_clause || !self.linker.names_a_point(&frame) {
            return None;
        }
        Some(self.linker.link(&frame, true)).filter(|f| !f.is_empty())
    }

    /// "Berlin wants the limit removed": the points of the sentence before; and a quote that
    /// follows its speaker's point in the same paragraph ("X took issue with the jets clause.
    /// 'Nobody asked us about our airfields,' he said.").
    fn points_before(
        &self,
        ctx: &Context<'_>,
        pass: &mut Pass<'_>,
        c: &Candidate,
        own: &Analysis,
    ) -> Vec<ProvisionLink> {
        let text = &ctx.body[c.span.clone()];
        let follows = c.kind == Kind::Quote
            && own.plan_words.is_empty()
            && !crate::text::word_refs(&crate::text::fold_str(text))
                .any(|w| self.negotiation.contains(&*w.text));
        if !self.refers_back(text) && !follows {
            return Vec::new();
        }
        let Some(p) = c
            .sentence
            .checked_sub(1)
            .and_then(|i| ctx.seg.sentences.get(i))
            .filter(|p| p.para + 1 >= c.para && (c.kind != Kind::Quote || p.para == c.para))
        else {
            return Vec::new();
        };
        // "Trump set a deadline to accept the plan. The plan caps the army. … He said the
        // deadline could slip": the sentence that named the noun last, not the one before
        let p = self.named_before(ctx, c, text).unwrap_or(p);
        let before = pass.spans.get(&p.span, Vec::new());
        self.linker.link(&before, true)
    }

    /// The latest of the four sentences before `c` (in its paragraph or the one before) that
    /// uses a noun of `anaphora` that `text` uses.
    fn named_before<'c>(
        &self,
        ctx: &'c Context<'_>,
        c: &Candidate,
        text: &str,
    ) -> Option<&'c crate::ingest::sentences::Sentence> {
        let nouns: Vec<String> = crate::text::word_refs(&crate::text::fold_str(text))
            .map(|w| w.text.to_string())
            .filter(|w| self.anaphora.iter().any(|a| a == w))
            .collect();
        if nouns.is_empty() {
            return None;
        }
        (1..=4)
            .filter_map(|back| c.sentence.checked_sub(back))
            .filter_map(|i| ctx.seg.sentences.get(i))
            .take_while(|p| p.para + 1 >= c.para)
            .find(|p| {
                crate::text::word_refs(&crate::text::fold_str(&ctx.body[p.span.clone()]))
                    .any(|w| nouns.iter().any(|n| *n == w.text))
            })
    }
}

/// "'… how to shrink the army,' he said. 'Nobody showed us a limit.'": a quote that goes on
/// from its speaker's quote, with no point or plan word of its own, is about what that quote was
/// about.
fn continued_points(
    ctx: &Context<'_>,
    c: &Candidate,
    speaker: Option<&Speaker>,
    out: &[Statement],
) -> Vec<ProvisionLink> {
    let Some(speaker) = speaker else {
        return Vec::new();
    };
    if !matches!(c.rule, "quote, continued" | "quote over paragraphs") {
        return Vec::new();
    }
    let para_of = |at: usize| ctx.paragraphs.partition_point(|p| p.end <= at);
    out.last()
        .filter(|p| {
            p.speaker.as_ref().is_some_and(|s| s.slug == speaker.slug)
                && p.span.end <= c.span.start
                && para_of(c.span.start) <= para_of(p.span.start) + 1
        })
        .map(|p| p.provisions.clone())
        .unwrap_or_default()
}

/// The key under which one speaker's statements continue each other: the slug, except that
/// unnamed sources of one description are one source ("US officials" then "a senior US
/// official").
fn continuation_key(s: &Speaker) -> String {
    match s.kind {
        SpeakerKind::Unnamed => {
            let n = s.name.to_lowercase();
            let bare = n.strip_prefix("unnamed ").unwrap_or(&n);
            format!("unnamed {}", bare.trim_end_matches('s'))
        }
        _ => s.slug.clone(),
    }
}

#[cfg(test)]
mod tests;
