//! Sieve 0: interview transcripts (`Name: …`, `Q:` / `A:` paragraphs), and sections under a
//! name: `Name: "A quoted heading"` then the person's own paragraphs (an "experts react" page),
//! or `Name on the plan:` then paragraphs that are only quotes, or running text with no marks.

use super::*;
use crate::grammar::grammar;

mod parliament;

/// `Name:` or `Name, Role:` ("MARY LANE, HOST:", "Lev Orlov, Kremlin aide:"), perhaps with a
/// bracket before the colon ("Lev Orlov on X (formerly Twitter):").
static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^([\p{Lu}][\p{L}.'\u{2019}/& -]{0,50}?)(?:,\s+(\p{Lu}[\p{L}.'\u{2019} -]{0,60}?))?(?:\s*\([^)\n]{1,40}\))?:\s+\S",
    )
    .expect("static pattern")
});
/// A label on a line of its own, its turn in the paragraphs below ("STEVE INSKEEP, HOST:").
static LABEL_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^([\p{Lu}][\p{L}.'\u{2019} -]{0,50}?),\s+(\p{Lu}[\p{L}.'\u{2019} -]{0,60}?):\s*$",
    )
    .expect("static pattern")
});
static NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b\p{Lu}[\p{Ll}'\u{2019}-]+(?:\s+\p{Lu}[\p{Ll}'\u{2019}-]+){1,2}\b")
        .expect("static pattern")
});

pub(super) fn is_question_label(label: &str) -> bool {
    matches!(label.trim(), "Q" | "Question" | "Interviewer")
}

/// A label that is no speaker: a newsletter's kicker in capitals ("RUTTE DRAWS THE LINE: …",
/// three words or more), not a name in capitals ("TRUMP: …").
fn is_kicker(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    words.len() >= 3 && words.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// "PRESIDENT DONALD TRUMP" -> "President Donald Trump"; a label in mixed case is kept.
fn title_case(label: &str) -> String {
    if label.chars().any(char::is_lowercase) {
        return label.to_string();
    }
    label
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The labels of the programme's journalists, in capitals: the name of every `Name, Role:`
/// label whose role is a journalist's ("MARY LANE, HOST:"), and its surname alone ("LANE:").
fn journalists(captures: &[Option<regex::Captures<'_>>]) -> HashSet<String> {
    let mut out = HashSet::new();
    for c in captures.iter().flatten() {
        let Some(role) = c.get(2) else { continue };
        let role = role.as_str().to_lowercase();
        if !role
            .split_whitespace()
            .any(|w| grammar().transcript.journalist_roles.contains(w))
        {
            continue;
        }
        let name = c[1].to_uppercase();
        out.extend(name.split_whitespace().last().map(String::from));
        out.insert(name);
    }
    out
}

/// The person a label or a lead names, if the gazetteer knows them as a person.
fn person(
    ctx: &Context<'_>,
    text: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    match ctx.gazetteer.resolve(text, local) {
        Some(Mention::Speaker(sp, g)) if sp.kind == crate::model::SpeakerKind::Person => {
            Some(Mention::Speaker(sp, g))
        }
        _ => None,
    }
}

/// True when a label's person is a stranger: neither known nor one of the article's people (a
/// known first name, an honorific or a title).
fn stranger(ctx: &Context<'_>, m: &Mention) -> bool {
    matches!(m, Mention::Speaker(sp, _)
        if !sp.known && !ctx.people.iter().any(|(_, p)| p.name == sp.name))
}

/// True when the label names a medium: the interviewer's outlet asks ("RFE/RL: Is a vote …?").
fn is_medium(
    ctx: &Context<'_>,
    label: &str,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> bool {
    matches!(
        ctx.gazetteer.resolve(label, local),
        Some(Mention::Speaker(sp, _)) if sp.kind == crate::model::SpeakerKind::Media
    )
}

/// What the transcript sieve leaves for the later stages: the paragraphs it has read, and the
/// journalist whose turn each paragraph stands in (see [`journalists_speak`]).
pub(super) struct Transcript {
    pub(super) used: HashSet<usize>,
    pub(super) journalist_turns: Vec<Option<Mention>>,
}

/// Sieve 0: an interview transcript. `Yuri Ushakov: …` or `A: …` paragraphs are the
/// speaker's own words, one quote a paragraph (the person asked is the first one named before
/// the first question); `Q: …` paragraphs, and those of a label naming a medium, yield nothing.
pub(super) fn find_transcript(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Transcript {
    let mut used = HashSet::new();
    let dotted = dotted_labels(ctx);
    let captures: Vec<Option<regex::Captures<'_>>> = ctx
        .paragraphs
        .iter()
        .map(|r| LABEL.captures(&ctx.body[r.clone()]))
        .collect();
    let alone: Vec<Option<regex::Captures<'_>>> = ctx
        .paragraphs
        .iter()
        .map(|r| LABEL_LINE.captures(ctx.body[r.clone()].trim_end()))
        .collect();
    let mut journalists = journalists(&captures);
    journalists.extend(self::journalists(&alone));
    // a broadcast transcript labels its journalists ("MARY LANE, HOST:"); its guests' labels
    // in capitals are names ("PRESIDENT LEV ORLOV:"), elsewhere they may be kickers
    let broadcast = !journalists.is_empty();
    let turns_of_journalists = journalist_turns(ctx, &captures, &alone, &journalists, local);
    let labels: Vec<Option<String>> = captures
        .iter()
        .zip(dotted)
        .map(|(c, d)| {
            c.as_ref()
                .map(|c| c[1].to_string())
                .filter(|l| {
                    !is_kicker(l) || (broadcast && person(ctx, &title_case(l), local).is_some())
                })
                .or(d)
        })
        .collect();
    // a turn that ends in a question, answered by another label in the next paragraph
    let asks_next = |p: usize, l: &str| {
        ctx.body[ctx.paragraphs[p].clone()]
            .trim_end()
            .ends_with('?')
            && labels
                .get(p + 1)
                .and_then(Option::as_deref)
                .is_some_and(|n| n != l)
    };
    let asking: Vec<bool> = labels
        .iter()
        .enumerate()
        .map(|(p, l)| {
            l.as_deref().is_some_and(|l| {
                is_question_label(l) || is_medium(ctx, l, local) || asks_next(p, l)
            })
        })
        .collect();
    let first_question = asking.iter().position(|a| *a);
    let interviewee = first_question.and_then(|q| {
        ctx.paragraphs[..q].iter().find_map(|r| {
            NAME.find_iter(&ctx.body[r.clone()])
                .find_map(|m| person(ctx, m.as_str(), local))
        })
    });
    let asks = questioners(ctx, &labels);
    // two people or more, each labelling a paragraph of their own, one of them named before
    // ("Nick Schifrin reports." then "Amna Nawaz: …" and "Nick Schifrin: …"), make a
    // programme's conversation: its strangers speak too
    let mut talkers: Vec<&str> = labels.iter().flatten().map(String::as_str).collect();
    talkers.sort_unstable();
    talkers.dedup();
    let people: Vec<Mention> = talkers
        .iter()
        .filter(|l| l.split_whitespace().count() >= 2)
        .filter_map(|l| person(ctx, l, local))
        .collect();
    let conversation = people.len() >= 2 && people.iter().any(|m| !stranger(ctx, m));
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label else { continue };
        // a journalist's question ("Anna Petrova: Good afternoon, Life.ru. Will you …?", "RFE/RL:
        // Moscow says the vote is illegitimate. Does the clause help it?") is no statement: what
        // it reports is the premise of the question
        if asks.contains(label) || asking[p] {
            used.insert(p);
            continue;
        }
        // the programme's own reporter: the other sieves read the turn as the article's account;
        // a host's question is no one's statement ("INSKEEP: Is the disagreement harmful?")
        if journalists.contains(&label.to_uppercase()) {
            if ctx.body[ctx.paragraphs[p].clone()]
                .trim_end()
                .ends_with('?')
            {
                used.insert(p);
            }
            continue;
        }
        // "ISCHINGER:" after "WOLFGANG ISCHINGER:": the name the first label gave
        let named = full_label(&labels, label);
        let mention = if matches!(label.as_str(), "A" | "Answer") {
            interviewee.clone()
        } else {
            person(ctx, &named, local)
                .or_else(|| broadcast.then(|| person(ctx, &title_case(&named), local))?)
                .or_else(|| answerer(ctx, label, first_question.is_some(), local))
        };
        let Some(mention) = mention else { continue };
        // a stranger's label speaks only in an interview (questions, a broadcast, or turns
        // under one label): "Military Deterrence: Ukraine keeps …" is a labelled list line
        let turns = labels.iter().filter(|l| l.as_ref() == Some(label)).count();
        if stranger(ctx, &mention)
            && first_question.is_none()
            && !broadcast
            && turns < 2
            && !conversation
        {
            continue;
        }
        used.insert(p);
        let r = &ctx.paragraphs[p];
        // after the colon that ends the label (past a role or a bracket: "… (on X):")
        let colon = r.start
            + label.len()
            + ctx
                .body
                .get(r.start + label.len()..r.end)
                .and_then(|t| t.find(':'))
                .unwrap_or(0)
            + 1;
        let Some(after) = ctx.body.get(colon..r.end) else {
            continue;
        };
        let content = colon + (after.len() - after.trim_start().len());
        // the label is only a name ("Marta Haring:", not "Zelenskyy in Dublin:", a live page's
        // headline over a reporter's paragraph)
        let name_only = label
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
        if let Some(q) = heading_quote(ctx, content, r).filter(|_| name_only) {
            out.push(candidate(
                ctx,
                q.inner.clone(),
                p,
                Kind::Quote,
                &mention,
                "interview answer",
            ));
            // a headline in single marks over a reporter's paragraph ("Tusk: 'Who wrote it?'")
            // is a live page's post, not a section
            if !ctx.body[q.outer.clone()].starts_with(['\'', '\u{2018}']) {
                section(ctx, &labels, p, label, &mention, out, &mut used);
            }
        } else {
            let end = r.start + ctx.body[r.clone()].trim_end().len();
            out.push(candidate(
                ctx,
                content..end,
                p,
                Kind::Quote,
                &mention,
                "interview answer",
            ));
            // a transcript's turn goes on over the paragraphs after it, up to the next label
            let transcript = first_question.is_some() || broadcast || turns >= 2 || capitals(label);
            if transcript {
                turn_goes_on(ctx, &labels, p, label, &mention, out, &mut used);
            }
        }
    }
    used.extend(leads(ctx, out, local));
    if labels.iter().all(Option::is_none) {
        used.extend(unlabelled_interview(ctx, out, local));
    }
    used.extend(signed_posts(ctx, out, &used, local));
    used.extend(parliament::record_turns(ctx, out, &used, local));
    Transcript {
        used,
        journalist_turns: turns_of_journalists,
    }
}

/// The full name a surname-only label stands for: the first label of two or more words that
/// ends with it ("WOLFGANG ISCHINGER" for "ISCHINGER"); the label itself otherwise.
fn full_label(labels: &[Option<String>], label: &str) -> String {
    if label.split_whitespace().count() > 1 {
        return label.to_string();
    }
    labels
        .iter()
        .flatten()
        .find(|l| {
            l.split_whitespace().count() > 1
                && l.split_whitespace().last() == Some(label)
                && !l.contains(',')
        })
        .cloned()
        .unwrap_or_else(|| label.to_string())
}

/// A post copied from a social network with its author's signature at the end of the paragraph
/// and no closing stop after it ("No plan can rest on Kyiv's surrender. We stand with Ukraine.
/// Gitanas Nauseda President of Lithuania"): the words before the signature are the author's,
/// when the signature opens with a person the article named before or the gazetteer knows.
fn signed_posts(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    used: &HashSet<usize>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<usize> {
    let mut taken = Vec::new();
    for (p, r) in ctx.paragraphs.iter().enumerate() {
        let raw = &ctx.body[r.clone()];
        let text = raw.trim_end();
        if used.contains(&p) || text.ends_with(['.', '!', '?', '"', '\u{201D}', ')', ':']) {
            continue;
        }
        let Some(stop) = text.rfind(['.', '!', '?']) else {
            continue;
        };
        let signature = text[stop + 1..].trim();
        let words: Vec<&str> = signature.split_whitespace().collect();
        let capitalised = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        // a name, not a sentence the page broke off ("… The German Chancellor, Friedrich Merz,")
        let opens_name = words.first().is_some_and(|w| {
            !grammar()
                .speakers
                .determiners
                .contains(w.to_lowercase().as_str())
        });
        if !(2..=8).contains(&words.len())
            || capitalised + 1 < words.len()
            || !opens_name
            || !text.ends_with(char::is_alphabetic)
        {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let post = r.start + lead..r.start + stop + 1;
        if ctx.body[post.clone()].split_whitespace().count() < 5 {
            continue;
        }
        let Some(mention) = (2..=3.min(words.len())).rev().find_map(|n| {
            let name = words[..n].join(" ");
            let surname = words[n - 1];
            person(ctx, &name, local).filter(|m| {
                matches!(m, Mention::Speaker(sp, _) if sp.known)
                    || ctx.body[..r.start].contains(surname)
            })
        }) else {
            continue;
        };
        taken.push(p);
        out.push(candidate(
            ctx,
            post,
            p,
            Kind::Quote,
            &mention,
            "post with its signature",
        ));
    }
    taken
}

/// The span of paragraph `p` without the blanks around it.
fn trimmed_span(ctx: &Context<'_>, p: usize) -> Range<usize> {
    let r = &ctx.paragraphs[p];
    let raw = &ctx.body[r.clone()];
    let start = r.start + raw.len() - raw.trim_start().len();
    start..start + raw.trim().len()
}

/// A question printed as a paragraph of its own, with no label: one short paragraph ending in
/// a question mark, not a quote.
fn is_question(text: &str) -> bool {
    let text = text.trim();
    text.ends_with('?')
        && text.split_whitespace().count() <= 60
        && !text.starts_with(['"', '\u{201C}', '\u{2018}', '\''])
}

/// An interview printed without labels: a lead that introduces the person asked ("… asked
/// the diplomat Ana Ruiz to explain the talks.": the first person named after the last cue), a
/// question paragraph within two paragraphs of it, then the answers. Every paragraph after the
/// first question that is no question is the person's own words, a quote a paragraph; the
/// questions yield nothing. Returns the paragraphs used.
fn unlabelled_interview(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<usize> {
    let text = |p: usize| ctx.body[ctx.paragraphs[p].clone()].trim();
    let n = ctx.paragraphs.len();
    let Some(first) = (1..n).find(|&p| is_question(text(p))) else {
        return Vec::new();
    };
    if first + 1 >= n || is_question(text(first + 1)) {
        return Vec::new();
    }
    let Some(mention) = (first.saturating_sub(2)..first).rev().find_map(|p| {
        let lead = text(p);
        // the last cue: "The editor Ana Ruiz asked the diplomat Lev Orlov …" questions Orlov
        let cue = lead
            .split(|c: char| !c.is_alphanumeric())
            .collect::<Vec<_>>()
            .iter()
            .rposition(|w| {
                grammar()
                    .transcript
                    .interview_cues
                    .contains(w.to_lowercase())
            })?;
        let after: usize = lead
            .split(|c: char| !c.is_alphanumeric())
            .take(cue + 1)
            .map(|w| w.len() + 1)
            .sum();
        NAME.find_iter(lead.get(after.min(lead.len())..)?)
            .find_map(|m| person(ctx, m.as_str(), local))
    }) else {
        return Vec::new();
    };
    let mut used = Vec::new();
    for p in first..n {
        let t = text(p);
        if is_question(t) {
            used.push(p);
            continue;
        }
        if !t.ends_with(['.', '!', '"', '\u{201D}', ')']) {
            break;
        }
        used.push(p);
        out.push(candidate(
            ctx,
            trimmed_span(ctx, p),
            p,
            Kind::Quote,
            &mention,
            "interview answer, no label",
        ));
    }
    used
}

/// The one who answers an interview under a surname in capitals ("KARLSEN:" after
/// "NORDLYS: …?"): the person of that name, known or new to the article, when someone else in
/// the transcript asks.
fn answerer(
    ctx: &Context<'_>,
    label: &str,
    someone_asks: bool,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    if !someone_asks || !capitals(label) || label.split_whitespace().count() != 1 {
        return None;
    }
    let name = title_case(label);
    if let Some(m) = person(ctx, &name, local) {
        return Some(m);
    }
    let speaker = crate::model::Speaker {
        slug: crate::text::slugify(&name),
        name: name.clone(),
        kind: crate::model::SpeakerKind::Person,
        known: false,
    };
    local.push((fold_str(&name), speaker.clone()));
    Some(Mention::Speaker(speaker, None))
}

/// A label in capitals ("SECRETARY RUBIO", "WERTHEIM"): a transcript's, not a heading's.
fn capitals(label: &str) -> bool {
    label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase)
}

/// The paragraphs after a labelled turn with no label of their own, up to the next label, a
/// heading or a paragraph that names the speaker again: the speaker's own words, a quote a
/// paragraph ("SECRETARY RUBIO: Good afternoon. …" then two more paragraphs of his).
fn turn_goes_on(
    ctx: &Context<'_>,
    labels: &[Option<String>],
    p: usize,
    label: &str,
    mention: &Mention,
    out: &mut Vec<Candidate>,
    used: &mut HashSet<usize>,
) {
    let surname = label.split_whitespace().last().unwrap_or(label);
    for (q, next) in labels.iter().enumerate().skip(p + 1) {
        let r = &ctx.paragraphs[q];
        let text = ctx.body[r.clone()].trim_end();
        // (or a page cut off in the middle of the turn's last paragraph)
        let cut_off = q + 1 == ctx.paragraphs.len() && text.split_whitespace().count() >= 15;
        let running = text.ends_with(['.', '!', '?', '"', '\u{201D}', ']', ')']) || cut_off;
        let lower = text.to_lowercase();
        let named_again = lower.contains(&surname.to_lowercase());
        // the reporter again: "Vance wrote on X that \"…\""
        let narration = lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| grammar().transcript.narration_words.contains(w));
        if next.is_some() || !running || named_again || narration || used.contains(&q) {
            break;
        }
        used.insert(q);
        out.push(candidate(
            ctx,
            trimmed_span(ctx, q),
            q,
            Kind::Quote,
            mention,
            "interview answer, continued",
        ));
    }
}

/// `Q. …` / `A. …` paragraphs (an interview printed with full stops), when the article has
/// both: "Q" and "A" labels, else nothing.
fn dotted_labels(ctx: &Context<'_>) -> Vec<Option<String>> {
    let labels: Vec<Option<String>> = ctx
        .paragraphs
        .iter()
        .map(|r| {
            DOTTED
                .captures(&ctx.body[r.clone()])
                .map(|c| c[1].to_string())
        })
        .collect();
    let has = |l: &str| labels.iter().any(|x| x.as_deref() == Some(l));
    if has("Q") && has("A") {
        labels
    } else {
        vec![None; labels.len()]
    }
}

static DOTTED: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^(Q|A)\.\s+\p{Lu}").expect("static pattern"));

/// The candidate of `span` in paragraph `para`, in the sentence where it starts.
fn candidate(
    ctx: &Context<'_>,
    span: Range<usize>,
    para: usize,
    kind: Kind,
    mention: &Mention,
    rule: &'static str,
) -> Candidate {
    let sentence = ctx
        .seg
        .sentences
        .iter()
        .position(|s| s.para == para && s.span.end > span.start)
        .unwrap_or_default();
    Candidate {
        kind,
        span,
        sentence,
        para,
        mention: Some(mention.clone()),
        speaker_span: None,
        verb: None,
        rule,
        confidence: 0.85,
        floating: false,
        point: None,
        topic: None,
    }
}

/// The quote that is all of a label's content, when the content is a quoted heading and no
/// running text (`Marta Haring: "Amnesty is the clause nobody will swallow"`).
fn heading_quote<'a>(ctx: &'a Context<'_>, content: usize, r: &Range<usize>) -> Option<&'a Quote> {
    let end = r.start + ctx.body[r.clone()].trim_end().len();
    ctx.seg
        .quotes
        .iter()
        .find(|q| q.outer.start == content && q.closed && q.outer.end >= end)
}

/// The paragraphs after a name with a quoted heading, up to the next label or heading or a
/// paragraph that names the person again: the person's own text, a paraphrase a sentence.
fn section(
    ctx: &Context<'_>,
    labels: &[Option<String>],
    p: usize,
    name: &str,
    mention: &Mention,
    out: &mut Vec<Candidate>,
    used: &mut HashSet<usize>,
) {
    let surname = name.split_whitespace().last().unwrap_or(name);
    for (q, label) in labels.iter().enumerate().skip(p + 1) {
        let text = ctx.body[ctx.paragraphs[q].clone()].trim_end();
        let running = text.ends_with(['.', '!', '?', '"', '\u{201D}', ']', ')']);
        // a paragraph that names the person again is the reporter's ("Hollis notes"): the other
        // sieves read it
        if label.is_some() || !running || text.contains(surname) {
            break;
        }
        used.insert(q);
        for s in ctx.seg.sentences.iter().filter(|s| s.para == q) {
            out.push(candidate(
                ctx,
                s.span.clone(),
                q,
                Kind::Paraphrase,
                mention,
                "section under a name",
            ));
        }
    }
}

/// `Sybiha on the plan:` then paragraphs that are only quotes: each quote is the person's, one
/// statement a paragraph. Returns the paragraphs used.
fn leads(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<usize> {
    let mut used = Vec::new();
    for (p, r) in ctx.paragraphs.iter().enumerate() {
        let text = ctx.body[r.clone()].trim();
        if !text.ends_with(':') {
            continue;
        }
        let block = block_after(ctx, p);
        if text.split_whitespace().count() > 30 && !block {
            continue;
        }
        let short = text.split_whitespace().count() <= 8;
        let Some(mention) = NAME
            .find_iter(text)
            .chain(LEAD_SURNAME.find_iter(text))
            // "V.V. Putin regarding the plan:": a known surname after initials
            .chain(LEAD_WORD.find_iter(text))
            .filter(|_| short)
            .find_map(|m| person(ctx, m.as_str(), local))
            .filter(|m| !stranger(ctx, m))
            .or_else(|| lead_speaker(ctx, p, local))
        else {
            continue;
        };
        if block {
            // "The New York Times reported:" then the report's words set off with no marks
            used.extend([p, p + 1]);
            for s in ctx.seg.sentences.iter().filter(|s| s.para == p + 1) {
                let (span, kind) = (s.span.clone(), Kind::Paraphrase);
                out.push(candidate(
                    ctx,
                    span,
                    p + 1,
                    kind,
                    &mention,
                    "block under a lead",
                ));
            }
            continue;
        }
        if short && let Some(turn) = unmarked_turn(ctx, p, &mention) {
            used.push(p);
            for q in turn {
                used.push(q);
                let span = trimmed_span(ctx, q);
                out.push(candidate(
                    ctx,
                    span,
                    q,
                    Kind::Quote,
                    &mention,
                    "speech under a name",
                ));
            }
            continue;
        }
        for q in p + 1..ctx.paragraphs.len() {
            let r = &ctx.paragraphs[q];
            let end = r.start + ctx.body[r.clone()].trim_end().len();
            let Some(quote) = ctx
                .seg
                .quotes
                .iter()
                .find(|x| x.outer.start == r.start && x.outer.end + 1 >= end)
            else {
                break;
            };
            used.extend([p, q]);
            out.push(candidate(
                ctx,
                quote.inner.clone(),
                q,
                Kind::Quote,
                &mention,
                "quote under a lead",
            ));
        }
    }
    used
}

/// "British Prime Minister Keir Starmer:" or "Putin on the draft:", a lead with no speech verb,
/// then paragraphs of running text with no quotation marks (a channel reposting remarks): the
/// person's own words, up to the next lead, a paragraph with marks or one naming them again.
fn unmarked_turn(ctx: &Context<'_>, p: usize, mention: &Mention) -> Option<Vec<usize>> {
    let s = ctx.seg.sentences.iter().rfind(|s| s.para == p)?;
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    if (0..ws.len()).any(|k| ctx.speech.verb_at(&ws, k, false).is_some()) {
        return None;
    }
    let Mention::Speaker(sp, _) = mention else {
        return None;
    };
    let surname = sp.name.split_whitespace().last()?;
    let turn: Vec<usize> = (p + 1..ctx.paragraphs.len())
        .take(MAX_TURN)
        .take_while(|&q| {
            let r = &ctx.paragraphs[q];
            let text = ctx.body[r.clone()].trim();
            !text.ends_with(':') && !text.contains(surname) && ctx.seg.quotes_in(r).next().is_none()
        })
        .collect();
    let first = turn
        .first()
        .map(|&q| ctx.body[ctx.paragraphs[q].clone()].trim())?;
    (first.split_whitespace().count() >= 8 && first.starts_with(char::is_uppercase)).then_some(turn)
}

/// The most paragraphs one unmarked turn runs over.
const MAX_TURN: usize = 12;

/// True when the lead at paragraph `p` ends with its speech verb ("The Times reported:", "as
/// the paper wrote on Sunday:") and the next paragraph is running text with no mark of its
/// own: a block quotation of the source, set off by layout alone.
fn block_after(ctx: &Context<'_>, p: usize) -> bool {
    let Some(s) = ctx.seg.sentences.iter().rfind(|s| s.para == p) else {
        return false;
    };
    let Some(next) = ctx.paragraphs.get(p + 1) else {
        return false;
    };
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    let verb_near_colon = (ws.len().saturating_sub(4)..ws.len()).any(|k| {
        !ws[k].in_quote
            && !ctx.body[ws[k].start..].starts_with(char::is_uppercase)
            && ctx.speech.verb_at(&ws, k, false).is_some()
    });
    let text = ctx.body[next.clone()].trim();
    verb_near_colon
        && text.split_whitespace().count() >= 12
        && text.starts_with(char::is_uppercase)
        && ctx.seg.quotes_in(next).next().is_none()
        && !text.ends_with(':')
}

/// The speaker of a lead of a press review or a longer lead, the subject of its speech verb:
/// "Europe can still be heard, Le Soir believes:", "The daily Le Soir welcomes the change:".
fn lead_speaker(
    ctx: &Context<'_>,
    p: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<Mention> {
    let s = ctx.seg.sentences.iter().rfind(|s| s.para == p)?;
    let folded = fold(&ctx.body[s.span.clone()]);
    let ws = sentence_words(ctx, &s.span, &folded);
    // a capitalised word is part of a name ("The Washington Post reported:")
    let v = (0..ws.len()).find(|&k| {
        !ws[k].in_quote
            && !ctx.body[ws[k].start..].starts_with(char::is_uppercase)
            && ctx.speech.verb_at(&ws, k, false).is_some()
    })?;
    match subject_before(ctx, s, &ws, v, false, local)? {
        (m @ Mention::Speaker(..), _) if !stranger(ctx, &m) => Some(m),
        _ => None,
    }
}

/// A capitalised word anywhere in a short lead.
static LEAD_WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\b\p{Lu}\p{Ll}+\b").expect("static pattern"));

/// A single capitalised word opening a lead ("Sybiha on the plan:").
static LEAD_SURNAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\p{Lu}[\p{Ll}'\u{2019}-]+").expect("static pattern")
});

/// The labels of a transcript that ask rather than answer: at least half of their paragraphs
/// hold a question mark, while someone else in the transcript answers with none.
fn questioners(ctx: &Context<'_>, labels: &[Option<String>]) -> HashSet<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (p, label) in labels.iter().enumerate() {
        let Some(label) = label.as_deref() else {
            continue;
        };
        let asks = usize::from(ctx.body[ctx.paragraphs[p].clone()].contains('?'));
        match counts.iter_mut().find(|(l, _, _)| *l == label) {
            Some(c) => {
                c.1 += 1;
                c.2 += asks;
            }
            None => counts.push((label, 1, asks)),
        }
    }
    let someone_answers = counts.iter().any(|(_, n, q)| *n >= 2 && *q == 0);
    counts
        .into_iter()
        .filter(|(_, n, q)| someone_answers && q * 2 >= *n)
        .map(|(l, _, _)| l.to_string())
        .collect()
}

/// In a broadcast transcript the programme's journalists speak in their own names: what the other
/// sieves read in a host's or a correspondent's turn as the article's account ("MAYNES: … It calls
/// for limits on the army") is that journalist's report. A quote with no cue of its own keeps
/// the quote before it.
pub(super) fn journalists_speak(out: &mut [Candidate], turns: &[Option<Mention>]) {
    for c in out.iter_mut() {
        if c.floating || !matches!(c.mention, None | Some(Mention::Document)) {
            continue;
        }
        if let Some(Some(m)) = turns.get(c.para) {
            c.mention = Some(m.clone());
        }
    }
}

/// The journalist whose turn each paragraph stands in, if any: from a journalist's label (on its
/// own line or opening the paragraph) up to the next label or a stage note ("(SOUNDBITE …)").
fn journalist_turns(
    ctx: &Context<'_>,
    inline: &[Option<regex::Captures<'_>>],
    alone: &[Option<regex::Captures<'_>>],
    names: &HashSet<String>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<Option<Mention>> {
    let mut current = None;
    let mut turns = Vec::with_capacity(ctx.paragraphs.len());
    for (p, r) in ctx.paragraphs.iter().enumerate() {
        if let Some(c) = alone[p].as_ref().or(inline[p].as_ref()) {
            let label = c[1].to_uppercase();
            current = names
                .contains(&label)
                .then(|| full_name(names, &label))
                .and_then(|n| person(ctx, &title_case(&n), local));
        } else if ctx.body[r.clone()].trim().starts_with('(') {
            current = None;
        }
        turns.push(current.clone());
    }
    turns
}

/// The full name of a journalist's surname label ("MAYNES" -> "CHARLES MAYNES").
fn full_name(names: &HashSet<String>, label: &str) -> String {
    names
        .iter()
        .filter(|n| n.contains(' ') && n.split_whitespace().last() == Some(label))
        .min()
        .cloned()
        .unwrap_or_else(|| label.to_string())
}

/// "BRUNO: Moscow says …": a statement the other sieves found at the start of a labelled turn
/// starts after the label in capitals.
pub(super) fn skip_labels(ctx: &Context<'_>, out: &mut [Candidate]) {
    for c in out.iter_mut() {
        let Some(r) = ctx.paragraphs.get(c.para) else {
            continue;
        };
        let raw = &ctx.body[r.clone()];
        let start = r.start + raw.len() - raw.trim_start().len();
        if c.span.start != start {
            continue;
        }
        let Some(m) = LABEL.captures(raw.trim_start()).and_then(|l| l.get(0)) else {
            continue;
        };
        let label = &raw.trim_start()[..m.end()];
        if label.chars().any(char::is_lowercase) {
            continue;
        }
        // the match ends on the first character of the content
        let content = start + m.end() - label.chars().last().map_or(0, char::len_utf8);
        if content < c.span.end {
            c.span.start = content;
        }
    }
}

#[cfg(test)]
mod tests;
