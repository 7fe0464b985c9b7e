//! Whether a candidate statement is about the plan at all, decided by its own words and its
//! paragraph rather than by the article: a minister's travel that names NATO, a remark with no
//! plan words, a speech given before the plan existed or an event ("X briefed envoys") are not
//! plan statements.

use super::*;
use crate::grammar::grammar;

/// Why a statement is taken to be about the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reason {
    /// Its own words, or its sentence's, name a point or the plan.
    OwnWords,
    /// An item of a list of the plan's points.
    ListItem,
    /// The sentence before, in the same paragraph, is about the plan.
    SentenceBefore,
    /// The same speaker's statement just before, in the same paragraph, was about the plan by
    /// its own words.
    Continues,
    /// A known speaker uses a word of the negotiations in an article about the plan.
    Topic,
}

/// What the relevance test reads of one candidate.
pub(super) struct Probe<'a> {
    pub(super) c: &'a Candidate,
    pub(super) own: &'a Analysis,
    pub(super) whole: &'a Analysis,
    pub(super) text: &'a str,
    pub(super) has_speaker: bool,
    /// The statement before is the same speaker's, about the plan, in this paragraph or the
    /// one before.
    pub(super) continues: bool,
}

impl Extractor {
    /// Why the candidate is about the plan, or `None`. The tests that analyse more text come
    /// last: each is needed only when those before it fail.
    pub(super) fn relevance(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        title: Option<&str>,
        p: &Probe<'_>,
    ) -> Option<Reason> {
        let c = p.c;
        if c.rule == "list item" {
            return Some(Reason::ListItem);
        }
        // (a block of speech that a dash cue below closes may lack its full stop, and so may a
        // turn under a name on a page that strips them)
        if is_headline(ctx, c.para)
            && !["dash cue, paragraph before", "speech under a name"].contains(&c.rule)
        {
            return None;
        }
        // the plan as the subject of a verb of content ("The draft gives Ukraine security
        // guarantees"), or its content right under its name ("Under the plan, sanctions would be
        // eased"): a word several points share is enough, through its default point
        let of_plan = c.rule == "the plan says"
            || (c.rule == "plan content"
                && (!p.whole.plan_words.is_empty() || self.plan_just_before(ctx, spans, c)));
        if of_plan && c.mention.is_none() && !self.linker.link(p.own, true).is_empty() {
            return Some(Reason::OwnWords);
        }
        if c.rule == "plan content" {
            return self.linker.names_a_point(p.own).then_some(Reason::OwnWords);
        }
        // a front-line report, with no word of the plan ("liberated the settlement of X": a
        // village, not a peace settlement); a speaker's quote that goes on from their words on
        // the plan may name the fighting ("he loses ground in the offensive")
        let settlement_only =
            p.whole.plan_words.iter().all(|w| {
                ["settlement", "settlements"].contains(&crate::text::fold_str(w).as_str())
            });
        let goes_on = c.kind == Kind::Quote && p.continues;
        if settlement_only && !goes_on && self.front_line_report(p.text) {
            return None;
        }
        if self.linker.names_a_point(p.own)
            || self.linker.names_a_point(p.whole)
            || !p.whole.plan_words.is_empty()
        {
            return Some(Reason::OwnWords);
        }
        // a speech dated before the plan existed is not about it
        if self.dated_before_plan(p.text) {
            return None;
        }
        if p.continues {
            return Some(Reason::Continues);
        }
        let before = c
            .sentence
            .checked_sub(1)
            .and_then(|i| ctx.seg.sentences.get(i))
            .filter(|b| b.para == c.para);
        if let Some(b) = before {
            let a = spans.get(&b.span, Vec::new());
            if !a.plan_words.is_empty() || self.linker.names_a_point(&a) {
                return Some(Reason::SentenceBefore);
            }
        }
        if p.has_speaker && self.remarks_tied_to_the_plan(ctx, spans, c.para + 1) {
            return Some(Reason::Topic);
        }
        if p.has_speaker && self.answers_a_question_on_the_plan(ctx, c) {
            return Some(Reason::Topic);
        }
        // an interview answer to a question that names the plan or a point
        if let Some(q) = self.question_before(ctx, spans, c)
            && (!q.plan_words.is_empty() || self.linker.names_a_point(&q))
        {
            return Some(Reason::SentenceBefore);
        }
        if p.has_speaker
            && spans.article_on_plan(title)
            && ((self.paragraph_on_plan(ctx, spans, title, c.para)
                && (self.names_negotiation(without_aside(p.text))
                    // the words that bring a quote: "characterised the discussions as \"…\""
                    || c.kind == Kind::Quote
                        && ctx.seg.sentences.get(c.sentence).is_some_and(|s| {
                            ctx.body
                                .get(s.span.start..c.span.start)
                                .is_some_and(|lead| self.names_negotiation(lead))
                        })
                    // in an article about the plan, a topic word of the negotiations
                    // ("membership")
                    || self.linker.has_topic_word(p.own)
                    || refers_to_it(c, p.text)))
                // a speaker's own words quoted in, or just after, a paragraph on the plan
                || (c.kind == Kind::Quote && self.near_plan(ctx, spans, title, c.para)))
        {
            return Some(Reason::Topic);
        }
        None
    }

    /// True when the sentence before the candidate's, in its paragraph, uses a word of the plan:
    /// "A draft plan was leaked last week. Ukraine would get security guarantees."
    fn plan_just_before(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        c: &Candidate,
    ) -> bool {
        c.sentence
            .checked_sub(1)
            .and_then(|i| ctx.seg.sentences.get(i))
            .filter(|b| b.para == c.para)
            .is_some_and(|b| !spans.get(&b.span, Vec::new()).plan_words.is_empty())
    }

    /// True when paragraph `para` opens by tying the words before it to the plan: "Her comments
    /// came a day after the 28-point plan was made public", "The remarks come as envoys meet on
    /// the draft".
    fn remarks_tied_to_the_plan(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        para: usize,
    ) -> bool {
        let Some(first) = ctx.seg.sentences.iter().find(|s| s.para == para) else {
            return false;
        };
        let folded = crate::text::fold_str(&ctx.body[first.span.clone()]);
        let ws: Vec<&str> = folded.split_whitespace().take(4).collect();
        let ties = match ws[..] {
            [owner, noun, verb, ..] => {
                ["his", "her", "their", "the", "these", "those", "its"].contains(&owner)
                    && grammar().relevance.remarks.contains(noun)
                    && ["came", "come", "comes"].contains(&verb)
            }
            _ => false,
        };
        ties && {
            let a = spans.get(&first.span, Vec::new());
            !a.plan_words.is_empty() || self.linker.names_a_point(&a)
        }
    }

    /// True when `text` uses a word of the negotiations ("talks", "discussions", "deal").
    fn names_negotiation(&self, text: &str) -> bool {
        let folded = crate::text::fold_str(text);
        let ws: Vec<_> = crate::text::word_refs(&folded).collect();
        // the verb, not the noun: "has to deal with many other files"
        let verb = |k: usize| {
            ws[k].text == "deal"
                && (k.checked_sub(1).is_some_and(|j| ws[j].text == "to")
                    || ws.get(k + 1).is_some_and(|n| n.text == "with"))
        };
        (0..ws.len()).any(|k| self.negotiation.contains(&*ws[k].text) && !verb(k))
    }

    /// True when the title (for the lead), paragraph `para`, one of the two before it or the one
    /// after it uses a word of the plan ("plan",
    /// "proposal", "peace deal") or names a point: a word of the negotiations is plan talk only
    /// there.
    fn paragraph_on_plan(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        title: Option<&str>,
        para: usize,
    ) -> bool {
        if para <= 1 && self.title_names_plan(title) {
            return true;
        }
        (para.saturating_sub(2)..=para + 1).any(|p| {
            ctx.paragraphs.get(p).is_some_and(|r| {
                let a = spans.get(r, Vec::new());
                !a.plan_words.is_empty() || self.linker.names_a_point(&a)
            })
        })
    }

    /// True when the article's title uses a word of the plan.
    fn title_names_plan(&self, title: Option<&str>) -> bool {
        title.is_some_and(|t| !self.linker.analyse(t, &[]).plan_words.is_empty())
    }

    /// True when paragraph `para` or the one before it uses a word of the plan or names a
    /// point: a quote there, by a named speaker, answers to it ("The draft reached Kyiv on
    /// Friday. 'We need something our soldiers can accept,' the minister said."). Paragraphs of
    /// other quotes in between keep the chain: a round of reactions, one leader a paragraph.
    /// A chain that reaches the top of the article answers to its headline ("More work needed
    /// on Ukraine peace deal, Rubio says" over two paragraphs of Rubio's words).
    fn near_plan(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        title: Option<&str>,
        para: usize,
    ) -> bool {
        if para <= 2
            && self.title_names_plan(title)
            && (0..para).all(|p| {
                ctx.paragraphs
                    .get(p)
                    .is_some_and(|r| ctx.seg.quotes_in(r).next().is_some() || p == 0)
            })
        {
            return true;
        }
        for p in (para.saturating_sub(4)..=para).rev() {
            let Some(r) = ctx.paragraphs.get(p) else {
                return false;
            };
            let a = spans.get(r, Vec::new());
            if !a.plan_words.is_empty() || self.linker.names_a_point(&a) {
                return true;
            }
            if p < para && ctx.seg.quotes_in(r).next().is_none() {
                return false;
            }
        }
        false
    }

    /// True when the statement opens the paragraph after a question on the plan: "Our
    /// correspondent asked a diplomat whether the bloc had seen the new text." / "Not that we
    /// have been told," the diplomat said.
    fn answers_a_question_on_the_plan(&self, ctx: &Context<'_>, c: &Candidate) -> bool {
        let first = ctx
            .seg
            .sentences
            .get(c.sentence)
            .is_some_and(|s| s.index_in_para == 0);
        let Some(before) = c.para.checked_sub(1).and_then(|p| ctx.paragraphs.get(p)) else {
            return false;
        };
        let folded = crate::text::fold_str(&ctx.body[before.clone()]);
        let words: Vec<&str> = folded
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        first
            && words
                .iter()
                .any(|w| ["asked", "question", "questioned"].contains(w))
            && words.iter().any(|w| self.negotiation.contains(*w))
    }

    /// The analysis of the question an interview answer follows: the paragraph before it, when
    /// that paragraph asks ("And the amnesty?", "RFE/RL: Does the clause help Moscow?").
    pub(super) fn question_before(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        c: &Candidate,
    ) -> Option<std::rc::Rc<Analysis>> {
        if c.rule != "interview answer" {
            return None;
        }
        let r = c.para.checked_sub(1).and_then(|p| ctx.paragraphs.get(p))?;
        ctx.body[r.clone()]
            .contains('?')
            .then(|| spans.get(r, Vec::new()))
    }

    /// True when the text reports the front line: "its forces have taken three villages".
    fn front_line_report(&self, text: &str) -> bool {
        let padded = format!(" {} ", words_of(text).join(" "));
        self.battlefield.iter().any(|w| padded.contains(w.as_str()))
    }

    /// True when the text dates itself ("on November 16", "16 November") before the plan was
    /// first reported (`first_reported` in `[layout]` of `seeds/plan.toml`).
    pub(super) fn dated_before_plan(&self, text: &str) -> bool {
        let Some((month, day)) = self.first_reported else {
            return false;
        };
        let folded = crate::text::fold_str(text);
        let ws: Vec<&str> = folded
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        ws.iter().enumerate().any(|(i, w)| {
            let Some(m) = crate::text::month_number(w) else {
                return false;
            };
            let day_of = |x: Option<&&str>| {
                x.and_then(|d| {
                    d.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
                        .parse::<u8>()
                        .ok()
                })
                .filter(|d| (1..=31).contains(d))
            };
            let d =
                day_of(ws.get(i + 1)).or_else(|| i.checked_sub(1).and_then(|j| day_of(ws.get(j))));
            // the month of the first report, before its day, or one of the two months before
            (m == month && d.is_some_and(|d| d < day))
                || (d.is_some() && (m + 12 - month) % 12 >= 10)
        })
    }
}

/// (month, day) of a `YYYY-MM-DD` date.
pub(super) fn month_day(date: &str) -> Option<(u8, u8)> {
    let mut parts = date.split('-').skip(1);
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((month, day))
}

/// True when the claim opens on "it" or "this", the thing its paragraph is about: a quote
/// that starts so ("It won't work," she said) or reported speech with the pronoun right after
/// the speech verb ("Starmer said it had important elements").
fn refers_to_it(c: &Candidate, text: &str) -> bool {
    let folded = crate::text::fold_str(text);
    let ws: Vec<&str> = folded
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let pronoun = |w: Option<&&str>| w.is_some_and(|w| ["it", "this"].contains(w));
    match c.kind {
        Kind::Quote => pronoun(ws.first()) || object_of_it(&ws),
        Kind::Paraphrase => {
            c.verb.as_deref().is_some_and(|v| {
                let v = crate::text::fold_str(v);
                // not a passive: "Europe has been told it is no party" names no speaker
                let passive = |at: usize| {
                    ws[..at]
                        .iter()
                        .rev()
                        .find(|b| !(b.len() > 4 && b.ends_with("ly")))
                        .is_some_and(|b| ["been", "was", "were", "is", "are", "be"].contains(b))
                };
                ws.iter()
                    .position(|w| *w == v)
                    .is_some_and(|at| pronoun(ws.get(at + 1)) && !passive(at))
            }) || object_of_it(&ws)
        }
        Kind::Report => false,
    }
}

/// True when a quotation mark opens within the three words after `verb` and its preposition
/// ("talked about “good progress” in the talks").
fn quote_after(text: &str, verb: &str) -> bool {
    let folded = crate::text::fold_str(text);
    let Some(at) = folded.find(verb) else {
        return false;
    };
    folded[at..]
        .split_whitespace()
        .skip(1)
        .take(3)
        .any(|w| w.starts_with(['"', '\u{201C}', '\u{2018}', '\'', '\u{00AB}']))
}

/// "… told Axios he felt optimistic about it", "… said Kyiv would not agree to it": the pronoun
/// as the object of a preposition of attitude, with no noun after it ("about it all" too).
/// Or the object of a verb of taking a side ("must reject it", "would never sign it").
fn object_of_it(ws: &[&str]) -> bool {
    let relevance = &grammar().relevance;
    ws.windows(2).any(|w| {
        (relevance.attitude_prepositions.contains(w[0]) || relevance.side_verbs.contains(w[0]))
            && ["it", "this"].contains(&w[1])
    })
}

impl Extractor {
    /// True when reported speech is an event, not a claim: a verb of `events` followed by
    /// "on" / "about" ("Rutte commented on the plan that …"), or by a noun phrase with no
    /// clause and no word of a point ("he announced meetings in Turkey").
    pub(super) fn is_event(&self, c: &Candidate, text: &str, own: &Analysis) -> bool {
        // "The draft drew criticism from Kyiv": the reaction is the claim, nothing follows it
        if c.kind != Kind::Paraphrase || c.rule == "reaction from" {
            return false;
        }
        let folded = crate::text::fold_str(text);
        let ws: Vec<&str> = folded
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // "According to officials, the envoy's trip to Ankara has been postponed": who meets
        // whom, with no cue verb
        if c.rule == "according to" {
            return ws.chunks(8).any(|chunk| self.is_meeting(chunk, own));
        }
        let Some(verb) = c.verb.as_deref().map(crate::text::fold_str) else {
            return false;
        };
        // "talked about …": the verb of the phrase, with its preposition read after it
        let verb = match verb.split_once(' ') {
            Some((v, "about" | "of" | "on")) if self.events.contains(v) => v.to_string(),
            _ => verb,
        };
        // after a long appositive too: "Yermak, the head of …, wrote that his team had met …"
        if let Some(at) = ws.iter().position(|w| *w == verb)
            && self.is_meeting(after_that(&ws[at + 1..]), own)
        {
            return true;
        }
        // "Advisers of three capitals are in Geneva and will meet the delegation separately, a
        // source said": the claim before a closing cue
        if c.rule == "reported speech, closing cue"
            && let Some(at) = ws.iter().rposition(|w| *w == verb)
            && ws[..at].chunks(8).any(|chunk| self.is_meeting(chunk, own))
        {
            return true;
        }
        // the speaker and the verb open the statement: what follows them is the claim. After
        // a closing cue ("The plan is not final, Rubio said on Sunday.") the claim went before.
        if c.rule == "reported speech, closing cue" {
            return false;
        }
        let Some(at) = ws.iter().take(8).position(|w| *w == verb) else {
            return false;
        };
        if is_setting(&ws[at + 1..], &verb) || self.is_delivery(&ws[at + 1..]) {
            return true;
        }
        // "did not comment on the content": a refusal to comment is a claim
        let negated = ws[..at].iter().rev().take(3).any(|w| {
            ["not", "declined", "refused", "no", "never"].contains(w) || w.ends_with("n't")
        });
        // "he did not say which", "would not say which are open": a refusal that names nothing
        // of the plan says nothing about it
        let unsaid = self
            .catalog
            .lexicon
            .stance
            .unsaid
            .iter()
            .any(|u| verb.starts_with(u.as_str()));
        let generic = &self.catalog.lexicon.stance.unsaid_generic;
        let names_plan = own
            .plan_words
            .iter()
            .any(|w| !generic.contains(&crate::text::fold_str(w)));
        if negated && unsaid && !names_plan && !self.linker.names_a_point(own) {
            return true;
        }
        if !self.events.contains(verb.as_str()) {
            return false;
        }
        let rest = &ws[at + 1..];
        if negated
            || rest
                .iter()
                .any(|w| grammar().relevance.claim_participles.contains(w))
        {
            return false;
        }
        match rest.first() {
            // a passive ("This was reported by Reuters"): what was reported is the subject
            Some(&"by") => false,
            // "announced on Monday that …": "on" and a time, then the claim
            Some(&"on")
                if rest
                    .get(1)
                    .is_some_and(|t| grammar().shape.time_words.contains(*t))
                    && rest.iter().take(6).any(|w| *w == "that") =>
            {
                false
            }
            // "talked about \"good progress\"": a quoted verdict is a claim
            Some(&("on" | "about")) => !quote_after(text, verb.as_str()),
            Some(&"that") | None => false,
            Some(_) => !rest.contains(&"that") && !self.linker.names_a_point(own),
        }
    }
}

impl Extractor {
    /// "(wrote that) his team had met the advisers before …", "(said) she would fly to the NATO
    /// summit": a verb of `meetings` within the first eight words of the claim, no word of the
    /// plan, and no point but by a `bare` word.
    fn is_meeting(&self, rest: &[&str], own: &Analysis) -> bool {
        let topic = &self.catalog.lexicon.topic;
        let meets = rest
            .iter()
            .take(8)
            .any(|w| topic.meetings.iter().any(|m| m == w));
        let bare = self
            .linker
            .link(own, true)
            .iter()
            .all(|l| l.evidence.iter().all(|e| topic.bare.iter().any(|b| b == e)));
        meets && own.plan_words.is_empty() && bare
    }
}

impl Extractor {
    /// "(said) the text was handed to Kyiv by …": a document of at most four words, a
    /// passive auxiliary and a participle of passing it on.
    fn is_delivery(&self, rest: &[&str]) -> bool {
        let rest = rest.strip_prefix(&["that"]).unwrap_or(rest);
        let Some(aux) = rest
            .iter()
            .take(5)
            .position(|w| ["was", "were", "is", "are", "been"].contains(w))
        else {
            return false;
        };
        let doc = rest[..aux].last().is_some_and(|w| {
            [
                "text",
                "draft",
                "plan",
                "document",
                "proposal",
                "proposals",
                "version",
            ]
            .contains(w)
        });
        // "… was delivered to an envoy and was not the US recommendation": a claim follows
        let claim_follows = rest.windows(2).skip(aux + 3).any(|w| {
            w[0] == "and"
                && ["was", "is", "were", "would", "will", "that", "had", "has"].contains(&w[1])
        });
        doc && aux >= 1
            && !claim_follows
            && rest
                .get(aux + 1)
                .is_some_and(|w| self.deliveries.contains(*w))
            && rest
                .get(aux + 2)
                .is_some_and(|w| ["to", "by", "over", "on"].contains(w))
    }
}

/// True when what follows the speech verb is only its setting, with no claim: "He said that
/// said at a briefing in Brussels", "she spoke in Oslo on Monday".
fn is_setting(rest: &[&str], verb: &str) -> bool {
    let mut rest = rest;
    while let Some((first, tail)) = rest.split_first() {
        if ["that", "so", "this"].contains(first) || *first == verb {
            rest = tail;
        } else {
            break;
        }
    }
    // "said on Sunday the plan needs work": a time, then a clause, is no setting
    if let [prep, time, clause @ ..] = rest
        && grammar().relevance.setting.contains(prep)
        && grammar().shape.time_words.contains(*time)
    {
        let clause: Vec<&str> = clause
            .iter()
            .copied()
            .skip_while(|w| grammar().shape.time_words.contains(*w))
            .collect();
        if clause
            .first()
            .is_some_and(|w| !grammar().relevance.setting.contains(w))
        {
            return false;
        }
    }
    rest.first()
        .is_some_and(|w| grammar().relevance.setting.contains(w))
        && rest.len() <= 10
        && !rest
            .iter()
            .any(|w| ["that", "which", "it", "the plan"].contains(w))
}

/// The text before a trailing aside that opens with a comma and a participle ("…, mentioning
/// the talks in Geneva"): the words of the aside are the author's, not the claim's.
pub(super) fn without_aside(text: &str) -> &str {
    let mut from = 0;
    while let Some(i) = text[from..].find(", ") {
        let at = from + i;
        let next = text[at + 2..]
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or_default();
        // the aside ends the text ("Witkoff, speaking to reporters, said" is no aside)
        let last = !text[at + 2..].contains(", ");
        // "including joining NATO, ceding land and …": an item of a series, not an aside
        let series = text[..at].contains("including ");
        if last
            && !series
            && next.len() > 5
            && next.ends_with("ing")
            && !["according", "during", "including"].contains(&next)
        {
            return &text[..at];
        }
        from = at + 2;
    }
    text
}

#[cfg(test)]
mod tests;

/// True when paragraph `para` is a headline or a heading, not running text: no sentence ends
/// in it or at its end, at most 25 words and no list marker ("Exclusive: US draft would have Kyiv quit
/// Donbas, document shows"; "Zelenskiy Says Ready To Drop NATO Bid").
fn is_headline(ctx: &Context<'_>, para: usize) -> bool {
    let Some(text) = ctx.paragraphs.get(para).map(|r| ctx.body[r.clone()].trim()) else {
        return false;
    };
    // (a comma ends no headline: a page cut off in the middle of a sentence)
    let closed = text.ends_with([
        '.', '!', '?', '"', '\u{201D}', '\u{2019}', '\u{00BB}', ')', ']', ':', ';', '\u{2026}', ',',
    ]) || [".'", "?'", "!'"].iter().any(|e| text.ends_with(e));
    let marked = text.starts_with(['\u{2022}', '-', '*', '\u{2013}', '\u{2192}', '>'])
        || text.chars().next().is_some_and(|c| c.is_ascii_digit());
    // (the cheap tests first: it runs for every statement of the paragraph)
    if closed || marked || text.split_whitespace().nth(25).is_some() {
        return false;
    }
    // a finished sentence inside ("… Kallas said. <b>bold</b>") makes it running text; the
    // full stop of "U.S." does not
    let chars: Vec<char> = text.chars().collect();
    let sentence_inside = chars.windows(3).any(|w| {
        ['.', '!', '?'].contains(&w[1])
            && w[2].is_whitespace()
            && (w[0].is_lowercase() || w[0].is_ascii_digit() || "\"\u{201D}')".contains(w[0]))
    });
    !sentence_inside
}

/// The folded words of `text`.
fn words_of(text: &str) -> Vec<String> {
    crate::text::fold_str(text)
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The words after a "that" among the first eight, else all: in "told journalists after their
/// second meeting that the talks had gone well" the meeting is when it was said, the claim
/// follows "that".
fn after_that<'w, 'a>(rest: &'w [&'a str]) -> &'w [&'a str] {
    match rest.iter().take(8).position(|w| *w == "that") {
        Some(t) => &rest[t + 1..],
        None => rest,
    }
}
