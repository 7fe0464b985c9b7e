//! Sieve 5: the plan's content told in the article's own voice with a party as subject, once
//! the plan is named nearby: "Specifically, Kyiv would have to quit Donbas and cap its forces",
//! "Crimea would be recognised as de facto Russian" under a heading after "Here is what the
//! draft says". The statement must name a point (checked when it is linked); a party's own
//! position ("Kyiv would never accept …") is not the plan's content.

use super::*;
use crate::grammar::grammar;

/// A report of the plan's content, if sentence `s` is one.
pub(super) fn plan_content(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    ws: &[SWord],
) -> Option<Candidate> {
    let text = ctx.body[s.span.clone()].trim_end();
    // a quote of the plan's words inside the sentence is part of its content; a quote that
    // fills most of it is someone speaking
    if text.ends_with('?')
        || ctx
            .seg
            .quotes_in(&s.span)
            .any(|q| 2 * q.inner.len() > text.len())
    {
        return None;
    }
    if let Some(c) = clause_of_plan(ctx, s, si, ws) {
        return Some(c);
    }
    if relative_of_document(ctx, ws)
        || examples_of_demands(ws)
        || demonstrative_of_document(ctx, s, si, ws)
        || existential_in_document(ctx, ws)
        || passive_of_content(ctx, s, ws)
    {
        return Some(report(s, si));
    }
    if let Some(c) = with_document(ctx, s, si, ws) {
        return Some(c);
    }
    // the modal, within the first words: "would", "is to", "will have to"
    let k = (0..ws.len().min(24)).find(|&k| {
        let w = &*ws[k].text;
        !ws[k].in_quote
            && (w == "would"
                || (["is", "are"].contains(&w) && ws.get(k + 1).is_some_and(|n| n.text == "to"))
                || w == "will")
    })?;
    // a bare "will" is the plan's content only right under its name and with no date: "Under
    // the plan, … Nato jets will be based in Poland", not "Talks will resume on Monday"
    let bare_will = ws[k].text == "will" && ws.get(k + 1).is_none_or(|n| n.text != "have");
    if bare_will
        && (ws.iter().any(|w| grammar().content.when.contains(&*w.text))
            || !(plan_named_right_before(ctx, s) || goes_on_from_content(ctx, s)))
    {
        return None;
    }
    // someone speaks before the modal: "Takaichi added that Japan would …" (a word right
    // before the modal is its subject: "Territorial questions would be settled")
    // ("the United States, NATO and Europe would …": a capitalised "States" is a name)
    let relative = embedded_relative(ctx, ws).unwrap_or(0..0);
    if (0..k.saturating_sub(1)).any(|j| {
        !relative.contains(&j)
            && ctx.speech.verb_at(ws, j, false).is_some()
            && (j == 0 || !ctx.body[ws[j].start..].starts_with(char::is_uppercase))
    }) {
        return None;
    }
    // the party's own position: "Kyiv would never accept", but not an obligation: "Kyiv
    // would have to accept …"
    let v = (k + 1..ws.len()).find(|&j| !grammar().content.between.contains(&*ws[j].text))?;
    let obliged = ws[k + 1..v]
        .windows(2)
        .any(|w| grammar().content.obligations.contains(&*w[0].text) && w[1].text == "to");
    if (ctx.layout.is_position(&ws[v].text) && !obliged)
        || (k > 0 && ["i", "we", "you", "he", "she", "they"].contains(&&*ws[k - 1].text))
    {
        return None;
    }
    if !plan_named_near(ctx, s.para) {
        return None;
    }
    Some(report(s, si))
}

/// "… first drafted as a 28-point plan, which included clauses on borders …", "the first
/// draft, which called for Ukraine to give up Donbas": a relative clause on a document whose
/// verb tells what the document holds (the statement must still name a point to be kept).
fn relative_of_document(ctx: &Context<'_>, ws: &[SWord]) -> bool {
    // (past its purpose: "a plan to stop the fighting that involves …")
    let purpose_of_plan = |k: usize| {
        (k.saturating_sub(9)..k.saturating_sub(2)).any(|j| {
            ctx.layout.names_plan(&ws[j].text)
                && ws[j + 1].text == "to"
                && !ctx.body[ws[j].end..ws[k].start].contains([',', ';', '(', '\u{2014}'])
        })
    };
    (1..ws.len()).any(|k| {
        !ws[k].in_quote
            && ["which", "that"].contains(&&*ws[k].text)
            && (ctx.layout.names_plan(&ws[k - 1].text) || purpose_of_plan(k))
            && (k + 1..ws.len().min(k + 4))
                .find(|&j| !grammar().content.between.contains(&*ws[j].text))
                .is_some_and(|j| {
                    ctx.speech.document_verbs.contains(&*ws[j].text)
                        || grammar().content.relative_verbs.contains(&*ws[j].text)
                })
    })
}

/// "A framework resting on Moscow's terms, such as giving up the Donbas and shrinking the
/// army": examples, in gerunds after "such as", of what a plan named before them asks.
fn examples_of_demands(ws: &[SWord]) -> bool {
    (1..ws.len().saturating_sub(2)).any(|k| {
        !ws[k].in_quote
            && ws[k].text == "such"
            && ws[k + 1].text == "as"
            && ws[k + 2].text.ends_with("ing")
            && (k.saturating_sub(6)..k)
                .any(|j| grammar().content.example_heads.contains(&*ws[j].text))
            && ws[..k]
                .iter()
                .any(|w| !w.in_quote && grammar().content.relative_heads.contains(&*w.text))
    })
}

/// "If Russia attacked again, a joint military response is proposed": what the plan holds in
/// a passive with no agent, in a paragraph near the plan's name.
fn passive_of_content(ctx: &Context<'_>, s: &Sentence, ws: &[SWord]) -> bool {
    let passive = (1..ws.len()).find(|&k| {
        !ws[k].in_quote
            && ["is", "are"].contains(&&*ws[k - 1].text)
            && grammar().content.passive_holding.contains(&*ws[k].text)
    });
    passive.is_some_and(|k| ws.get(k + 1).is_none_or(|w| w.text != "by"))
        && plan_named_near(ctx, s.para)
}

/// Verbs of a document telling what it holds, in the forms a demonstrative or an absolute
/// clause takes ("Those included …", "with the plan requiring …").
const HOLDING: [&str; 16] = [
    "included",
    "include",
    "includes",
    "including",
    "required",
    "requiring",
    "called",
    "calling",
    "demanded",
    "demanding",
    "proposed",
    "proposing",
    "envisaged",
    "envisaging",
    "offered",
    "offering",
];

/// "(Lavrov welcomed the original plan for its key principles.) Those included barring Ukraine
/// from NATO, …": a demonstrative subject right after a sentence that names the plan, with a
/// verb of what a document holds.
fn demonstrative_of_document(ctx: &Context<'_>, s: &Sentence, si: usize, ws: &[SWord]) -> bool {
    let opens = ws
        .first()
        .is_some_and(|w| ["those", "these"].contains(&&*w.text))
        && ws.get(1).is_some_and(|w| HOLDING.contains(&&*w.text));
    opens
        && si
            .checked_sub(1)
            .and_then(|i| ctx.seg.sentences.get(i))
            .is_some_and(|b| {
                b.para + 1 >= s.para && ctx.layout.names_plan(&ctx.body[b.span.clone()])
            })
}

/// "In the original plan there was a section on amnesty …": "in" and a document, then "there"
/// and a form of "be"; or the subject after the verb: "At the heart of the draft lies an
/// amnesty …" (the opening words in grammar.toml `content.fronted`).
fn existential_in_document(ctx: &Context<'_>, ws: &[SWord]) -> bool {
    let be = |w: &SWord| ["was", "were", "is", "are", "would", "will"].contains(&&*w.text);
    ws.first()
        .is_some_and(|w| grammar().content.fronted.contains(&*w.text))
        && (1..ws.len().min(7)).any(|k| {
            ctx.layout.names_plan(&ws[k].text)
                && !ws[..=k].iter().any(|w| w.in_quote)
                // "In the plan there is …", or the subject after the verb: "At the heart of
                // the draft lies …"
                && (ws.get(k + 1).is_some_and(|w| w.text == "there") && ws.get(k + 2).is_some_and(be)
                    || ws.get(k + 1).is_some_and(|w| ["is", "are", "lies", "lie"].contains(&&*w.text)))
        })
}

/// "Kyiv sought changes, with the 28-point plan obliging it to hand over
/// territory …": an absolute clause on a document from "with" to the end of the sentence.
fn with_document(ctx: &Context<'_>, s: &Sentence, si: usize, ws: &[SWord]) -> Option<Candidate> {
    let k = (1..ws.len()).find(|&k| {
        ws[k].text == "with"
            && !ws[k].in_quote
            && (k + 1..ws.len().min(k + 6))
                .find(|&j| HOLDING.contains(&&*ws[j].text) && ws[j].text.ends_with("ing"))
                .is_some_and(|j| {
                    let noun = &ws[j - 1];
                    ctx.layout.names_plan(&noun.text) && !ws[k + 1..j].iter().any(|w| w.in_quote)
                })
    })?;
    let mut c = report(s, si);
    c.span.start = ws.get(k + 1)?.start;
    Some(c)
}

/// True when the plan is named in the sentence's paragraph before it, or in the paragraph
/// right before ("Under the European-Ukrainian plan, …").
fn plan_named_right_before(ctx: &Context<'_>, s: &Sentence) -> bool {
    let Some(here) = ctx.paragraphs.get(s.para) else {
        return false;
    };
    let before_in_para = &ctx.body[here.start..s.span.start.max(here.start)];
    ctx.layout.names_plan(before_in_para)
        || s.para
            .checked_sub(1)
            .and_then(|p| ctx.paragraphs.get(p))
            .is_some_and(|r| ctx.layout.names_plan(&ctx.body[r.clone()]))
}

/// "Peskov said the points would be discussed next week. However, the question of territory
/// will be settled in talks.": a bare "will" right after a speaker's reported speech in the
/// paragraph, in a sentence that does not name the plan, goes on with what the speaker said;
/// it is no account of the plan in the article's voice. It floats to that speaker.
pub(super) fn continue_speech(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    before: &[Candidate],
    c: &mut Candidate,
) {
    let speaker_before = before.last().is_some_and(|p| {
        p.sentence + 1 == c.sentence
            && p.para == s.para
            && p.kind == Kind::Paraphrase
            && matches!(p.mention, Some(Mention::Speaker(..) | Mention::Pronoun(..)))
    });
    let bare_will = ws
        .iter()
        .all(|w| !["would", "must", "should", "shall"].contains(&&*w.text))
        && ws.iter().any(|w| w.text == "will");
    if c.mention.is_none()
        && speaker_before
        && bare_will
        && !ctx.layout.names_plan(&ctx.body[s.span.clone()])
    {
        c.kind = Kind::Paraphrase;
        c.rule = "reported speech, continued";
        c.floating = true;
    }
}

/// "In return, Russia would rejoin the G8." / "Crimea will be recognised as Russian …": the
/// paragraph before goes on with the plan's content under a modal ("would", or the "will" of
/// an outline of its points), and the plan is named near.
fn goes_on_from_content(ctx: &Context<'_>, s: &Sentence) -> bool {
    s.para
        .checked_sub(1)
        .and_then(|p| ctx.paragraphs.get(p))
        .is_some_and(|r| {
            let text = &ctx.body[r.clone()];
            // short quotes of the plan's words are part of it, a long one is someone speaking
            (text.contains(" would ") || text.contains(" will "))
                && ctx.seg.quotes_in(r).all(|q| 4 * q.inner.len() < r.len())
        })
        && plan_named_near(ctx, s.para)
}

/// "The US draft wants a vote within 100 days, a timetable …": the main clause before a
/// relative cue at `cut` that names the plan is its content in the article's voice.
pub(super) fn document_clause(
    ctx: &Context<'_>,
    s: &Sentence,
    si: usize,
    cut: usize,
) -> Option<Candidate> {
    let head: String = ctx.body[s.span.start..cut]
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    let ordinal: String = head
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    (ctx.layout.names_plan(&head)
        || (super::reported::is_ordinal_document(&ordinal)
            && super::reported::recent_document(ctx, s)))
    .then(|| report(s, si))
}

/// A report of the plan's content in the article's own voice.
pub(super) fn report(s: &Sentence, si: usize) -> Candidate {
    Candidate {
        kind: Kind::Report,
        span: s.span.clone(),
        sentence: si,
        para: s.para,
        mention: None,
        speaker_span: None,
        verb: None,
        rule: "plan content",
        confidence: 0.6,
        floating: false,
        point: None,
        topic: None,
    }
}

/// "At the heart of the proposal is a requirement that Ukrainian forces withdraw ...", "The
/// most contested element is a clause proposing that ...": a part of the plan, after a copula,
/// with its content.
fn clause_of_plan(ctx: &Context<'_>, s: &Sentence, si: usize, ws: &[SWord]) -> Option<Candidate> {
    let copula = (0..ws.len().min(16))
        .find(|&k| !ws[k].in_quote && ["is", "are", "was", "were"].contains(&&*ws[k].text))?;
    let mut k = copula + 1;
    while ws.get(k).is_some_and(|w| {
        ["a", "an", "the", "one", "also"].contains(&&*w.text) || w.text.ends_with("ed")
    }) {
        k += 1;
    }
    let part = ws
        .get(k)
        .filter(|w| grammar().content.parts.contains(&*w.text))?;
    let opener = ws
        .get(k + 1)
        .filter(|w| grammar().content.openers.contains(&*w.text))?;
    if part.in_quote
        || opener.in_quote
        || (0..copula).any(|j| ctx.speech.verb_at(ws, j, false).is_some())
        || !plan_named_near(ctx, s.para)
    {
        return None;
    }
    Some(report(s, si))
}

/// True when the plan is named near paragraph `para`: in it, in the title (for the lead), or
/// going back past headings ("Territory") and paragraphs that tell the plan's content in the
/// same way, in one of the two paragraphs before.
pub(super) fn plan_named_near(ctx: &Context<'_>, para: usize) -> bool {
    if para <= 2 && ctx.title.is_some_and(|t| ctx.layout.names_plan(t)) {
        return true;
    }
    let mut others = 0;
    for p in (0..=para).rev().take(12) {
        let Some(r) = ctx.paragraphs.get(p) else {
            continue;
        };
        let text = &ctx.body[r.clone()];
        if ctx.layout.names_plan(text) {
            return true;
        }
        let heading = text.split_whitespace().count() <= 5 && !text.trim_end().ends_with('.');
        // (an outline of the points in the future tense goes on as one with "would")
        let content = (text.contains(" would ") || text.contains(" will "))
            && ctx.seg.quotes_in(r).next().is_none();
        if p != para && !heading && !content {
            others += 1;
            if others >= 2 {
                return false;
            }
        }
    }
    false
}

/// "Under the plan, Ukraine pledges to hold elections": a present-tense commitment right after
/// the plan is named, with no date, is the plan's content in the article's voice.
pub(super) fn commitment_of_plan(
    ctx: &Context<'_>,
    s: &Sentence,
    c: &Candidate,
    ws: &[SWord],
) -> bool {
    let Some(verb) = c.verb.as_deref().and_then(|v| v.split_whitespace().next()) else {
        return false;
    };
    let verb = fold_str(verb);
    // "Under the plan, Ukraine pledges …": the plan named before the verb in the sentence
    let fronted = ws
        .iter()
        .find(|w| w.text == verb && !w.in_quote)
        .is_some_and(|w| ctx.layout.names_plan(&ctx.body[s.span.start..w.start]));
    ctx.layout.is_commitment(&verb)
        && ctx.seg.quotes_in(&s.span).next().is_none()
        && !ws.iter().any(|w| grammar().content.when.contains(&*w.text))
        && (fronted || plan_named_right_before(ctx, s))
}

/// The first word of the speech verb of `c` and where it stands in `ws`, after the speaker.
fn verb_at<'c>(c: &'c Candidate, ws: &[SWord]) -> Option<(&'c str, usize)> {
    let verb = c.verb.as_deref()?.split_whitespace().next()?;
    let from = c.speaker_span.as_ref().map_or(0, |r| r.end);
    ws.iter()
        .position(|w| w.start >= from && w.text == verb && !w.in_quote)
        .map(|k| (verb, k))
}

/// True when the verb of `c` presents the plan as its object, with a clause that tells what the
/// plan holds ("The ministry has announced a peace plan … that involves ceding
/// land"): the announcement is an event, and the clause is the article's account.
pub(super) fn presents_the_plan(ctx: &Context<'_>, c: &Candidate, ws: &[SWord]) -> bool {
    let Some((verb, k)) = verb_at(c, ws) else {
        return false;
    };
    if !grammar()
        .content
        .presenting
        .contains(fold_str(verb).as_str())
    {
        return false;
    }
    let object = &ws[k + 1..ws.len().min(k + 6)];
    let determiner = object
        .first()
        .is_some_and(|w| grammar().content.object_determiners.contains(&*w.text));
    let relative = ws[k + 1..]
        .iter()
        .any(|w| !w.in_quote && ["that", "which"].contains(&&*w.text));
    determiner
        && relative
        && object
            .last()
            .is_some_and(|last| ctx.layout.names_plan(&ctx.body[object[0].start..last.end]))
}

/// True when the speech verb of `c` stands under a modal ("NATO would agree not to station
/// troops", "Europe would add $100bn"): a speech that has not happened is the plan's content.
pub(super) fn under_modal(c: &Candidate, ws: &[SWord]) -> bool {
    let Some((_, k)) = verb_at(c, ws) else {
        return false;
    };
    // "NATO will also agree", "Europe would then pledge": adverbs between the modal and it
    // (but "Anand would not specify what is wrong with the plan" refuses to say: no content)
    let modal = (0..k)
        .rev()
        .take(3)
        .find(|&j| !grammar().content.between.contains(&*ws[j].text))
        .filter(|&j| ["would", "will"].contains(&&*ws[j].text));
    modal.is_some_and(|m| {
        !ws[m + 1..k]
            .iter()
            .any(|w| ["not", "never"].contains(&&*w.text))
    })
}

/// Finite verbs that take up the main clause after a relative clause between commas.
const MAIN_VERBS: [&str; 15] = [
    "would", "will", "could", "should", "must", "can", "may", "might", "is", "are", "was", "were",
    "has", "have", "had",
];

/// "Kherson, which Russia claims to have annexed, would be frozen …", "The plan, first
/// reported by Axios, would …": the word range of a relative clause (or a participle with its
/// agent) between commas that holds a speech verb while the main clause goes on after it with
/// its own verb. The speaker of that clause does not speak the sentence.
fn embedded_relative(ctx: &Context<'_>, ws: &[SWord]) -> Option<Range<usize>> {
    let comma_before = |k: usize| {
        k > 0
            && ctx
                .body
                .get(ws[k - 1].end..ws[k].start)
                .is_some_and(|gap| gap.contains(','))
    };
    // "…, first reported on Friday by Axios, …": a participle of speech with its agent
    let participle = |k: usize| {
        (k..ws.len().min(k + 2)).any(|i| {
            ws[i].text.ends_with("ed")
                && ctx.speech.verb_at(ws, i, false).is_some()
                && (i + 1..ws.len().min(i + 5))
                    .take_while(|&b| !comma_before(b))
                    .any(|b| ws[b].text == "by")
        })
    };
    let k = (1..ws.len()).find(|&k| {
        !ws[k].in_quote
            && comma_before(k)
            && (["which", "who", "whom"].contains(&&*ws[k].text) || participle(k))
    })?;
    let j = (k + 2..ws.len().min(k + 14)).find(|&j| comma_before(j))?;
    let speaks = (k..j).any(|i| ctx.speech.verb_at(ws, i, false).is_some());
    (speaks && MAIN_VERBS.contains(&&*ws[j].text)).then_some(k..j)
}

/// True when the speaker of `c` stands inside a relative clause between commas that the main
/// clause of the sentence goes on after ("…, which Moscow says it annexed, would be frozen").
pub(super) fn speaker_in_relative(ctx: &Context<'_>, c: &Candidate, ws: &[SWord]) -> bool {
    let Some(speaker) = c.speaker_span.as_ref() else {
        return false;
    };
    embedded_relative(ctx, ws).is_some_and(|r| {
        let (from, to) = (ws[r.start].start, ws[r.end - 1].end);
        speaker.start >= from && speaker.end <= to
    })
}

/// "Russia would rejoin the G8 under the plan, which US officials said was still a working
/// document": the cue of `c` stands in a relative clause after a comma; returns the byte offset
/// of that comma (the main clause before it is the article's own account).
pub(super) fn relative_cue(c: &Candidate, body: &str, ws: &[SWord]) -> Option<usize> {
    // someone speaks in the relative clause, not a document ("…, a text that would …")
    c.mention.as_ref()?;
    let speaker = c.speaker_span.as_ref()?;
    let k = ws
        .iter()
        .position(|w| {
            !w.in_quote && ["which", "who"].contains(&&*w.text) && w.start <= speaker.start
        })
        .or_else(|| appositive_before(body, ws, speaker))?;
    let comma = body[..ws[k].start].rfind(',')?;
    let gap = k.checked_sub(1).map_or(0, |j| ws[j].end);
    // the speaker stands inside the relative clause, or the clause is on the plan ("…, which
    // includes …, according to reports"): "…, which Kyiv drafts with its allies, Zelensky
    // said" closes the whole sentence
    let inside = !body[ws[k].end..speaker.start.max(ws[k].end)].contains(',')
        || k.checked_sub(1)
            .is_some_and(|j| grammar().content.relative_heads.contains(&*ws[j].text));
    // the cut falls inside the candidate: a quote that ends before the comma keeps its words
    (k >= 5 && inside && comma >= gap && c.span.contains(&comma)).then_some(comma)
}

/// "…, a timetable several election specialists told CNN was unrealistic": an appositive noun
/// after a comma with a relative clause of speech, no "which"; returns the index of the
/// appositive's determiner when one to three words stand between the comma and the speaker.
fn appositive_before(body: &str, ws: &[SWord], speaker: &Range<usize>) -> Option<usize> {
    let s = ws.iter().position(|w| w.start == speaker.start)?;
    let last = ws.iter().rposition(|w| w.end <= speaker.end)?;
    (s.saturating_sub(3)..=s).find(|&d| {
        // "…, a timetable European officials told": a common noun after the determiner and
        // the speaker after it, not "…, the officials said" nor "…, the Kremlin said"
        // ("…, a senior official said" is the speaker's own phrase)
        d > 0
            && d + 1 < last
            && !grammar()
                .content
                .source_modifiers
                .contains(&*ws[d + 1].text)
            && ["a", "an", "the", "one"].contains(&&*ws[d].text)
            && !ws[d].in_quote
            && body[ws[d - 1].end..ws[d].start].contains(',')
            && !body[ws[d + 1].start..].starts_with(char::is_uppercase)
    })
}

/// "…, a timetable European officials told CNN was …": when the speaker's phrase still opens
/// with the appositive's noun ("timetable European officials"), the speaker is the rest.
pub(super) fn drop_appositive_noun(
    ctx: &Context<'_>,
    c: &mut Candidate,
    ws: &[SWord],
    local: &mut Vec<(String, crate::model::Speaker)>,
) {
    let Some(span) = c.speaker_span.clone() else {
        return;
    };
    let Some(mut s) = ws.iter().position(|w| w.start == span.start) else {
        return;
    };
    // the phrase may open with the determiner itself ("a timetable European officials")
    if ["a", "an", "the", "one"].contains(&&*ws[s].text) {
        s += 1;
    }
    let after_determiner = s > 1
        && ["a", "an", "the", "one"].contains(&&*ws[s - 1].text)
        && ctx.body[ws[s - 2].end..ws[s - 1].start].contains(',');
    let common_noun = !ctx.body[ws[s].start..].starts_with(char::is_uppercase);
    let Some(next) = ws.get(s + 1).filter(|n| n.end <= span.end) else {
        return;
    };
    if after_determiner && common_noun {
        let rest = next.start..span.end;
        if let Some(m) = ctx.gazetteer.resolve(&ctx.body[rest.clone()], local) {
            c.mention = Some(m);
            c.speaker_span = Some(rest);
        }
    }
}

/// "Rutte said no outsider writes the alliance's rules, a swipe at the draft's demand that NATO
/// bar Ukraine forever": the aside after the speaker's words is the article's own account. Cuts
/// it from `c` and returns it as a report of its own.
pub(super) fn author_aside(ctx: &Context<'_>, c: &mut Candidate) -> Option<Candidate> {
    c.mention.as_ref()?;
    let text = &ctx.body[c.span.clone()];
    let (at, from) = ctx.layout.author_aside_at(text)?;
    let start = c.span.start + from;
    let end = c.span.start + text.trim_end().trim_end_matches(['.', ';']).len();
    if start >= end || ctx.seg.in_quote(start) {
        return None;
    }
    let mut aside = c.clone();
    aside.span = start..end;
    aside.mention = None;
    aside.speaker_span = None;
    aside.verb = None;
    aside.kind = Kind::Report;
    aside.rule = "author's aside";
    aside.floating = false;
    c.span.end = c.span.start + at;
    Some(aside)
}

#[cfg(test)]
mod tests;
