//! The speaker's noun phrase: after the verb (`said Peskov`) or before it.

use super::*;
use crate::grammar::grammar;

/// A noun phrase after a verb, up to a comma, period or preposition: `said Peskov,`.
pub(super) fn np_after(
    ctx: &Context<'_>,
    ws: &[SWord],
    from: usize,
    limit: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let first = ws.get(from)?;
    if first.in_quote || grammar().statements.post_np_stop.contains(&*first.text) {
        return None;
    }
    let mut last = from;
    let mut k = from;
    while k < ws.len() && k < from + 9 && ws[k].end <= limit && !ws[k].in_quote {
        // "by the agency Reuters citing three sources": the medium, not its sources
        if (grammar().statements.post_np_stop.contains(&*ws[k].text) || ws[k].text == "citing")
            && k > from
        {
            break;
        }
        last = k;
        let gap = ctx
            .body
            .get(ws[k].end..ws.get(k + 1).map_or(ws[k].end, |n| n.start))
            .unwrap_or("");
        // ("said Rep. Anna Berg": the full stop of a title's abbreviation goes on)
        let abbreviation = gap.trim() == "."
            && ws[k].capital
            && grammar().sentences.abbreviations.contains(&*ws[k].text);
        if gap.contains([',', '.', ';', ':', '(']) && !abbreviation {
            break;
        }
        k += 1;
    }
    let span = first.start..ws[last].end;
    let m = ctx.gazetteer.resolve(&ctx.body[span.clone()], local)?;
    if matches!(m, Mention::Document) {
        return None;
    }
    Some((m, span))
}

/// The speaker noun phrase in front of the verb at word `v`: the first comma-separated
/// segment before it that resolves, skipping adverbials and asides.
pub(super) fn subject_before(
    ctx: &Context<'_>,
    s: &Sentence,
    ws: &[SWord],
    v: usize,
    document: bool,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let mut end = v;
    while end > 0 && ctx.speech.is_between(&ws[end - 1].text) && !ws[end - 1].in_quote {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let stop = ws[end - 1].end;
    let start = last_long_quote(ctx.body, &ws[..end]).map_or(s.span.start, |k| ws[k].end);
    if let Some(found) = relative_antecedent(ctx, ws, end, start, local) {
        return Some(found);
    }
    let mut start = start;
    // a list marker opening the sentence is no part of the subject ("- The Kremlin reiterated")
    let lead = &ctx.body[start..stop];
    let unmarked = lead.trim_start_matches(|c: char| {
        c.is_whitespace() || ['-', '\u{2022}', '*', '\u{2013}', '\u{2014}', '\u{b7}'].contains(&c)
    });
    start += lead.len() - unmarked.len();
    // a wire dateline is not a speaker: "WARSAW, Nov 25 (Reuters) - Poland's minister said"
    // (with no dash, "Washington, Dec 15 (NationPress) The US announced": a capital follows)
    if let Some(m) = WIRE_DATELINE.find(&ctx.body[start..stop])
        && (m
            .as_str()
            .trim_end()
            .ends_with(['-', '\u{2013}', '\u{2014}'])
            || ctx.body[start + m.end()..stop].starts_with(char::is_uppercase))
        && m.as_str().contains(char::is_uppercase)
    {
        start += m.end();
    }
    // a label or dateline before a colon is not the subject ("NEW DELHI: India welcomed",
    // "Kyiv Independent: President Zelensky has said"), but a time is no label ("Rubio,
    // speaking at 20:30, confirmed")
    let before = &ctx.body[start..stop];
    let label = before.match_indices(':').map(|(c, _)| c).rfind(|&c| {
        !(before[..c].ends_with(|ch: char| ch.is_ascii_digit())
            && before[c + 1..].starts_with(|ch: char| ch.is_ascii_digit()))
    });
    if let Some(c) = label {
        start += c + 1;
    }
    let pre = &ctx.body[start..stop];
    // "…, with several allies insisting that …": the speaker of a participle is the noun
    // after "with" right before it; "The talks ended with envoys questioning …" needs no comma
    // when that noun is short
    if ws[v].text.ends_with("ing") {
        let last = pre[pre.rfind([',', ';']).map_or(0, |c| c + 1)..].trim();
        let after_with = last.strip_prefix("with ").or_else(|| {
            last.rfind(" with ")
                .map(|i| &last[i + 6..])
                .filter(|r| r.split_whitespace().count() <= 4)
                // (not "… sections that deal with NATO, warning …")
                .filter(|_| !ctx.body[stop..ws[v].start].contains(','))
        });
        if let Some(rest) = after_with.map(str::trim_start)
            && !rest.is_empty()
            && let Some(m @ Mention::Speaker(..)) = ctx.gazetteer.resolve(rest, local)
        {
            let end = start + pre.trim_end().len();
            return Some((m, end - rest.len()..end));
        }
    }
    let mut proper: Option<(String, Range<usize>)> = None;
    // segments with their byte offsets (the dashes are three bytes long)
    let mut segments: Vec<(usize, &str)> = Vec::new();
    let mut from = 0;
    for (i, ch) in pre.char_indices() {
        // (inside a typed dash already cut)
        if i < from {
            continue;
        }
        // (a double hyphen is a dash typed: "Kyiv's allies -- led by Britain -- have said")
        let typed_dash = pre[i..].starts_with(" --") || pre[i..].starts_with("-- ");
        if [',', ';', '\u{2014}', '\u{2013}', '(', ')'].contains(&ch) || typed_dash {
            segments.push((from, &pre[from..i]));
            from = i + if typed_dash { 3 } else { ch.len_utf8() };
        }
    }
    segments.push((from, &pre[from.min(pre.len())..]));
    let n_segments = segments.len();
    // "Kyiv would agree to …" is what the plan asks of Kyiv, not Kyiv speaking
    let modal = ws[end..v]
        .iter()
        .any(|w| grammar().statements.modals.contains(&*w.text));
    // (a subordinate clause's subject stands right before its verb: not "Umerov, speaking
    // after Rubio, offered")
    let next_to_verb = !ctx.body[stop..ws[v].start].contains(',');
    if let Some(found) = after_conjunction(ctx, &segments, start, next_to_verb, local) {
        return Some(found);
    }
    if let Some(found) = named_before_description(ctx, &segments, start, local) {
        return Some(found);
    }
    // "…, and the meeting is for the envoys, Orlov and one aide only, he added": a pronoun right
    // before the verb is the subject, not a name listed before it
    if next_to_verb
        && let Some(&(offset, seg)) = segments.last()
        && ["he", "she", "they"].contains(&fold_str(seg.trim()).as_str())
        && let Some(m) = ctx.gazetteer.resolve(seg.trim(), local)
    {
        let at = start + offset + (seg.len() - seg.trim_start().len());
        return Some((m, at..at + seg.trim().len()));
    }
    if next_to_verb && let Some(found) = name_after_fronted_phrase(ctx, &segments, start, local) {
        return Some(found);
    }
    let mut after_document = false;
    let mut in_aside = false;
    for (i, &(seg_offset, seg)) in segments.iter().enumerate() {
        let (seg_offset, seg) = after_conjunction_word(seg_offset, seg);
        let (seg_offset, seg) = after_participle(seg_offset, seg);
        let seg_start = start + seg_offset;
        let trimmed = seg.trim();
        if trimmed.is_empty() {
            continue;
        }
        // "The draft, shaped by A, B and C, calls for …": the names that go on the aside's
        // list up to the verb are part of it
        if in_aside && aside_list_goes_on(&segments[i..]) {
            continue;
        }
        let lead = seg.len() - seg.trim_start().len();
        let span = seg_start + lead..seg_start + lead + trimmed.len();
        let folded = fold_str(trimmed);
        let first = folded.split_whitespace().next().unwrap_or("");
        let first_two = folded
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        let adverbial = grammar().statements.adverbial_start.contains(first)
            || grammar()
                .statements
                .adverbial_start
                .contains(first_two.as_str())
            || (folded.split_whitespace().count() == 1 && first.ends_with("ly"));
        let is_pronoun = ["he", "she", "they", "it"].contains(&folded.as_str());
        // "…, which U.S. officials said was a working document": the speaker inside a
        // relative clause right before its verb
        if ["which", "that", "whom"].contains(&first) && i + 1 == n_segments {
            let rest = trimmed[first.len()..].trim_start();
            // only a noun phrase: lowercase words are determiners or its last word ("which
            // Kyiv and its allies said")
            let words: Vec<&str> = rest.split_whitespace().collect();
            let np_only = words.len() <= 6
                && words.iter().enumerate().all(|(j, w)| {
                    j + 1 == words.len()
                        || w.starts_with(char::is_uppercase)
                        || grammar().statements.relative_np_words.contains(*w)
                });
            if np_only && let Some(m @ Mention::Speaker(..)) = ctx.gazetteer.resolve(rest, local) {
                let end = span.end;
                return Some((m, end - rest.len()..end));
            }
        }
        // "Earlier media reports said": a time word that opens the noun phrase right before the
        // verb is its adjective, not an adverbial of its own
        let opens_subject = i + 1 == n_segments
            && folded.split_whitespace().count() >= 3
            && grammar().statements.time_adjectives.contains(first);
        // "First Deputy Foreign Minister Anna Berg": an ordinal before a capitalised word opens
        // a title
        let opens_title = grammar().statements.title_ordinals.contains(first)
            && trimmed
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
        if adverbial && !is_pronoun && !opens_subject && !opens_title {
            continue;
        }
        // "…, shunned by Oslo, the envoys stressed": a passive aside describes what comes
        // before it; its agent is no subject while a segment still follows
        if passive_aside(&folded) && segments[i + 1..].iter().any(|(_, s)| !s.trim().is_empty()) {
            in_aside = after_document;
            continue;
        }
        // "Leaders of Norway, Japan and Brazil said": the commas join the group's places
        if let Some(found) =
            group_over_commas(ctx, pre, seg_offset, start, i + 1 < n_segments, local)
        {
            return Some(found);
        }
        // "The European text explicitly states that …, while acknowledging …": a clause with
        // its own verb before the participle; its subject is the words before that verb
        let inner_verb = ws.iter().position(|w| {
            ws[v].text.ends_with("ing") && w.start > span.start && w.end <= span.end && !w.in_quote
        });
        let inner_verb = inner_verb.and_then(|from| {
            (from..ws.len())
                .take_while(|&k| ws[k].end <= span.end)
                .find(|&k| ctx.speech.verb_at(ws, k, false).is_some())
        });
        let (trimmed, span) = match inner_verb {
            Some(k) if k > 0 && ws[k - 1].end > span.start => (
                &ctx.body[span.start..ws[k - 1].end],
                span.start..ws[k - 1].end,
            ),
            _ => (trimmed, span),
        };
        let resolved = ctx.gazetteer.resolve(trimmed, local);
        // "An earlier version, drafted by US envoys, called for …", "The plan, written in talks
        // between US and Russian representatives, pushes for …": the aside describes the
        // document, which stays the subject; only a medium that saw it reports it
        let document_aside = std::mem::replace(
            &mut after_document,
            matches!(resolved, Some(Mention::Document)),
        ) && (passive_aside(trimmed) || participle_aside(trimmed))
            && !matches!(&resolved, Some(Mention::Speaker(sp, _)) if sp.kind == crate::model::SpeakerKind::Media);
        in_aside = document_aside;
        if document_aside {
            continue;
        }
        match resolved {
            // in "The plan needs work, Rutte said" the plan is what is spoken of, not who speaks
            Some(Mention::Document) if !document => continue,
            // "Rosatom, Russia's state nuclear corporation, said": the name, not its description
            Some(Mention::Speaker(sp, _))
                if sp.kind == crate::model::SpeakerKind::Body
                    && !sp.known
                    && let Some((name, name_span)) = proper.take() =>
            {
                let body = crate::model::Speaker {
                    slug: crate::text::slugify(&name),
                    name,
                    kind: crate::model::SpeakerKind::Body,
                    known: false,
                };
                return Some((Mention::Speaker(body, None), name_span));
            }
            // a country or capital speaks only right before its verb ("Oslo maintains"), not
            // as a dateline ("WASHINGTON —") or an aside ("Europe, he said, would …")
            Some(Mention::Speaker(sp, _)) if !sp.known && ctx.gazetteer.is_place(&sp.name) => {
                // (an abbreviation such as "US" or "UAE" is written in capitals anyway)
                let dateline = !sp.name.chars().any(char::is_lowercase)
                    && sp.name.chars().filter(char::is_ascii_alphabetic).count() > 3;
                // only adverbials may follow it ("Brussels, for its part, maintains")
                let next_to_verb = segments[i + 1..].iter().all(|(_, rest)| {
                    let f = fold_str(rest.trim());
                    f.is_empty()
                        || grammar()
                            .statements
                            .adverbial_start
                            .iter()
                            .any(|a| f == *a || f.starts_with(&format!("{a} ")))
                });
                if next_to_verb && !modal && !dateline {
                    return Some((Mention::Speaker(sp, None), span));
                }
            }
            Some(m) => return Some(refined(ctx, &segments[i + 1..], start, m, span, local)),
            None => {
                let one_word = !trimmed.contains(char::is_whitespace);
                let capital = trimmed.chars().next().is_some_and(char::is_uppercase)
                    && trimmed.chars().skip(1).any(char::is_lowercase)
                    && trimmed.chars().all(|c| c.is_alphanumeric() || c == '-');
                proper = (one_word && capital).then(|| (trimmed.to_string(), span));
            }
        }
    }
    participle_subject(ctx, ws, v, start, local)
        .or_else(|| coordinated_subject(ctx, ws, end, start, local))
}

/// "Briefing the media alongside the Commission's President, Ursula von der Leyen, after the
/// meeting, Costa welcomed": after a fronted participle or adverbial running over several
/// commas, a short name right before the verb is the subject, not a name inside the phrase.
fn name_after_fronted_phrase(
    ctx: &Context<'_>,
    segments: &[(usize, &str)],
    start: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let [(_, first), .., (offset, last)] = segments else {
        return None;
    };
    if segments.len() < 3 {
        return None;
    }
    let opener = fold_str(first.trim());
    let opener = opener.split_whitespace().next().unwrap_or("");
    let fronted = (opener.ends_with("ing") && opener.len() > 5)
        || grammar().statements.adverbial_start.contains(opener);
    let name = last.trim();
    let words = name.split_whitespace().count();
    if !fronted || words == 0 || words > 4 || !name.starts_with(char::is_uppercase) {
        return None;
    }
    // "Later that day, the leaders of the Nordic states, Canada and Mexico issued": the last
    // segment ends a list the one before it opens, not a name of its own
    let before = fold_str(segments[segments.len() - 2].1.trim());
    let before_opener = before.split_whitespace().next().unwrap_or("");
    if name.contains(" and ") && !grammar().statements.adverbial_start.contains(before_opener) {
        return None;
    }
    let m @ Mention::Speaker(..) = ctx.gazetteer.resolve(name, local)? else {
        return None;
    };
    let lead = last.len() - last.trim_start().len();
    let at = start + offset + lead;
    Some((m, at..at + name.len()))
}

/// The last word of the last quote that is not a name: a quote before the subject ends the
/// sentence's earlier part, but a name in quotes does not ("the think tank \"Ukrainian
/// Prism\"": a few words, each capitalised).
fn last_long_quote(body: &str, ws: &[SWord]) -> Option<usize> {
    let mut k = ws.len();
    while let Some(last) = ws[..k].iter().rposition(|w| w.in_quote) {
        let first = ws[..last]
            .iter()
            .rposition(|w| !w.in_quote)
            .map_or(0, |j| j + 1);
        let name = last + 1 - first <= 4
            && ws[first..=last]
                .iter()
                .all(|w| body[w.start..w.end].starts_with(char::is_uppercase));
        if !name {
            return Some(last);
        }
        k = first;
    }
    None
}

/// A group named by the places it comes from, whose list of places runs over the commas from
/// this segment to the verb ("Leaders of Norway, Japan and Brazil"): one body, as written.
fn group_over_commas(
    ctx: &Context<'_>,
    pre: &str,
    seg_offset: usize,
    start: usize,
    more: bool,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let rest = pre.get(seg_offset..)?;
    if !more {
        return None;
    }
    if !rest.contains(" of ") {
        return places_over_commas(ctx, rest, start + seg_offset);
    }
    // the list ends at the first word that is neither a name nor "and"/"the"/"of", nor the
    // plural head of a name ("the leaders of the Nordic states, Canada and Mexico")
    let lead = rest.len() - rest.trim_start().len();
    let mut end = rest.len();
    let mut seen_of = false;
    let mut after_name = false;
    for (at, w) in rest
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - rest.as_ptr() as usize, w))
    {
        let name = w.starts_with(char::is_uppercase);
        let head = after_name && ctx.gazetteer.is_group_head(w);
        if seen_of && !(name || head || ["and", "the", "of"].contains(&w)) {
            end = at;
            break;
        }
        seen_of |= w == "of";
        after_name = name;
    }
    let trimmed = rest[..end].trim().trim_end_matches(',');
    match ctx.gazetteer.resolve(trimmed, local) {
        Some(m @ Mention::Speaker(..)) if matches!(&m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Body && sp.name.contains(',')) =>
        {
            let from = start + seg_offset + lead;
            Some((m, from..from + trimmed.len()))
        }
        _ => None,
    }
}

/// "Vilnius, Riga and Tallinn said": places listed over commas right before the verb; the
/// first, with the whole list as its span (each of the others speaks too, `pairs`).
fn places_over_commas(
    ctx: &Context<'_>,
    rest: &str,
    from: usize,
) -> Option<(Mention, Range<usize>)> {
    let trimmed = rest.trim();
    let tokens: Vec<&str> = trimmed.split_whitespace().collect();
    let folded = fold_str(trimmed);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if tokens.len() != words.len() || tokens.len() > 12 {
        return None;
    }
    let parts = crate::ingest::speakers::coordinated_parts(&tokens, &words)?;
    if parts.len() < 3 || !parts.iter().all(|p| ctx.gazetteer.is_place(p)) {
        return None;
    }
    let first = parts[0]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    let speaker = crate::model::Speaker {
        slug: crate::text::slugify(&first),
        name: first,
        kind: crate::model::SpeakerKind::Body,
        known: false,
    };
    let lead = rest.len() - rest.trim_start().len();
    Some((
        Mention::Speaker(speaker, None),
        from + lead..from + lead + trimmed.len(),
    ))
}

/// `"…," Yermak told reporters, while Rubio said …`: a conjunction opening the segment right
/// before the verb starts a new clause, whose subject follows it (not a noun of the clause
/// before, and not an adverbial "while in Geneva").
fn after_conjunction(
    ctx: &Context<'_>,
    segments: &[(usize, &str)],
    start: usize,
    next_to_verb: bool,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let &(offset, seg) = segments.last()?;
    let trimmed = seg.trim_start();
    let first = trimmed.split_whitespace().next()?;
    let rest = if grammar()
        .statements
        .clause_conjunctions
        .contains(fold_str(first).as_str())
    {
        trimmed[first.len()..].trim()
    } else {
        // "It comes after Ukraine said …": the noun phrase after the last subordinator, right
        // before the verb ("after Rubio and offered" is a preposition's object)
        let last = trimmed.split_whitespace().last().map(fold_str);
        if !next_to_verb || last.is_some_and(|w| ["and", "or", "but", "then"].contains(&&*w)) {
            return None;
        }
        // ("even as critics say": "as" after "even", not "leaders such as Macron")
        let words: Vec<&str> = trimmed.split_whitespace().collect();
        let cut = (0..words.len())
            .rfind(|&i| {
                let w = fold_str(words[i]);
                grammar().statements.subordinators.contains(w.as_str())
                    || (w == "as" && i > 0 && fold_str(words[i - 1]) == "even")
            })
            .map(|i| words[i])
            .and_then(|w| trimmed.rfind(&format!(" {w} ")).map(|i| i + w.len() + 2))?;
        trimmed[cut..].trim()
    };
    let m = ctx.gazetteer.resolve(rest, local)?;
    if matches!(m, Mention::Document) {
        return None;
    }
    let end = start + offset + seg.trim_end().len();
    Some((m, end - rest.len()..end))
}

/// "drafted in talks between two envoys", "written over a weekend": a past participle opens it.
fn participle_aside(seg: &str) -> bool {
    seg.split_whitespace().nth(1).is_some()
        && seg.split_whitespace().next().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_lowercase())
                && ((w.len() > 4 && w.ends_with("ed"))
                    || grammar().statements.document_participles.contains(w))
        })
}

/// True when the segments (from one after an aside's first to the verb) go on the aside's list
/// of names: short phrases, the last joined by "and" ("…, B and C", "…, B, and C").
fn aside_list_goes_on(rest: &[(usize, &str)]) -> bool {
    let short = |s: &str| (1..=7).contains(&s.split_whitespace().count());
    rest.iter().all(|(_, s)| short(s))
        && rest.last().is_some_and(|(_, s)| {
            let s = s.trim();
            s.starts_with("and ") || s.contains(" and ")
        })
}

/// "drafted by US envoys", "put forward by Washington": one to three lowercase words, then "by".
fn passive_aside(seg: &str) -> bool {
    let ws: Vec<&str> = seg.split_whitespace().collect();
    ws.iter().take(4).position(|w| *w == "by").is_some_and(|b| {
        b > 0
            && ws[..b]
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
    })
}

/// "Leaders of the coalition met at the Elysee on Tuesday and agreed that …": the verb after
/// "and" speaks for the subject of the first verb, the words from the sentence start to it.
fn coordinated_subject(
    ctx: &Context<'_>,
    ws: &[SWord],
    end: usize,
    start: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let and = end.checked_sub(1)?;
    if !["and", "but"].contains(&&*ws[and].text)
        || and == 0
        || ctx.body[ws[and - 1].end..ws[and].start].contains(',')
    {
        return None;
    }
    let first = ws.iter().position(|w| w.start >= start)?;
    // one clause before the conjunction: no aside ("The US recently — and suddenly —") and no
    // infinitive the cue could belong to ("scrambling to shore up Kyiv and assert …")
    if ctx.body[ws[first].start..ws[and].start]
        .contains([',', ';', ':', '(', '\u{2014}', '\u{2013}'])
        || ws[first..and]
            .iter()
            .any(|w| ["to", "that", "which", "who"].contains(&&*w.text))
    {
        return None;
    }
    let lower = |k: usize| ctx.body[ws[k].start..ws[k].end].starts_with(char::is_lowercase);
    // the first verb: an event or a past form, or any lowercase word right after a name
    // ("Trump set a deadline but said …")
    let verb = (first + 1..and).find(|&k| {
        lower(k)
            && (ctx.speech.event_verbs.contains(&*ws[k].text)
                || ws[k].text.len() > 4 && ws[k].text.ends_with("ed"))
    });
    let verb = verb.or_else(|| {
        (first + 1..and.min(first + 5)).find(|&k| {
            lower(k)
                && !grammar().statements.modals.contains(&*ws[k].text)
                && !grammar().speakers.prepositions.contains(&*ws[k].text)
                && !grammar().speakers.determiners.contains(&*ws[k].text)
                && matches!(
                    ctx.gazetteer
                        .resolve(&ctx.body[ws[first].start..ws[k - 1].end], local),
                    Some(Mention::Speaker(..))
                )
        })
    })?;
    let span = ws[first].start..ws[verb - 1].end;
    if ws[first..verb].iter().any(|w| w.in_quote)
        || ctx.body[span.clone()].contains([',', ';', ':'])
    {
        return None;
    }
    match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
        m @ Mention::Speaker(..) => Some((m, span)),
        _ => None,
    }
}

/// `Zelensky addressed the nation on Friday, saying …`: a participle cue after a comma speaks
/// for the subject that opens the sentence, the shortest run of its first words that names a
/// speaker.
fn participle_subject(
    ctx: &Context<'_>,
    ws: &[SWord],
    v: usize,
    start: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let after_comma = v > 0 && ctx.body[ws[v - 1].end..ws[v].start].contains(',');
    if !ws[v].text.ends_with("ing") || !after_comma {
        return None;
    }
    let mut first = ws.iter().position(|w| w.start >= start)?;
    // past a dateline in capitals ("BRUSSELS — EU ministers …", "NEW DELHI: India …")
    let caps = |k: usize| !ctx.body[ws[k].start..ws[k].end].contains(char::is_lowercase);
    let mut k = first;
    while k + 1 < v && caps(k) {
        if ctx.body[ws[k].end..ws[k + 1].start].contains(['\u{2014}', '\u{2013}', '-', ':']) {
            first = k + 1;
            break;
        }
        k += 1;
    }
    // "The US peace plan, echoing Yalta, …": the plan is the subject, and it speaks not; but
    // in "The Kremlin ignored the initiative, saying …" the Kremlin does
    let document_after = |last: usize, local: &mut Vec<(String, crate::model::Speaker)>| {
        (last + 1..(last + 3).min(v)).any(|e| {
            !ctx.body[ws[last].end..ws[e].start].contains(',')
                && matches!(
                    ctx.gazetteer
                        .resolve(&ctx.body[ws[last + 1].start..ws[e].end], local),
                    Some(Mention::Document)
                )
        })
    };
    for last in first..(first + 6).min(v) {
        let span = ws[first].start..ws[last].end;
        if ws[last].in_quote || ctx.body[span.clone()].contains([',', ';', ':']) {
            break;
        }
        // "The EU's top diplomat": not the EU
        if ws[last].possessive {
            continue;
        }
        match ctx.gazetteer.resolve(&ctx.body[span.clone()], local) {
            Some(m @ Mention::Pronoun(_)) => return Some((m, span)),
            Some(Mention::Speaker(..)) if document_after(last, local) => return None,
            Some(m @ Mention::Speaker(..)) => {
                return Some(longer_group(ctx, ws, last, v, m, span, local));
            }
            _ => {}
        }
    }
    None
}

/// "EU foreign ministers" rather than "EU": one or two more words that make a group or body
/// (no participle among them: "Zelensky addressed" stays Zelensky).
fn longer_group(
    ctx: &Context<'_>,
    ws: &[SWord],
    last: usize,
    v: usize,
    m: Mention,
    span: Range<usize>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> (Mention, Range<usize>) {
    for more in [last + 1, last + 2] {
        if more >= v || ws[more].in_quote || ws[more].text.ends_with("ed") {
            break;
        }
        let longer = span.start..ws[more].end;
        if ctx.body[longer.clone()].contains([',', ';', ':']) {
            break;
        }
        if let Some(Mention::Speaker(sp, g)) =
            ctx.gazetteer.resolve(&ctx.body[longer.clone()], local)
            && sp.kind != crate::model::SpeakerKind::Person
        {
            return (Mention::Speaker(sp, g), longer);
        }
    }
    (m, span)
}

/// "One of the sources, a U.S. official who asked not to be named, said": an unnamed source
/// with no side takes the side its appositive gives.
fn refined(
    ctx: &Context<'_>,
    rest: &[(usize, &str)],
    start: usize,
    m: Mention,
    span: Range<usize>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> (Mention, Range<usize>) {
    // "President Emmanuel Macron, Chancellor Friedrich Merz and Prime Minister Keir Starmer
    // called …": the whole list, which `pairs` splits into one statement each
    if is_person(&m)
        && let Some(&(off, last)) = rest.last()
        && last.contains(" and ")
        && rest.iter().all(|(_, seg)| {
            ctx.gazetteer
                .resolve(seg.trim(), local)
                .as_ref()
                .is_some_and(is_person)
        })
    {
        let end = start + off + last.trim_end().len();
        return (m, span.start..end);
    }
    // "unnamed source", or a group of sources named by the article's words
    let bare_unnamed = |m: &Mention| {
        matches!(m, Mention::Speaker(sp, _)
            if sp.kind == crate::model::SpeakerKind::Unnamed
                && (sp.name.split(' ').count() == 2 || !sp.name.starts_with("unnamed ")))
    };
    // "The Kremlin's aide, Lev Orlov, said", "The minister, Lev Orlov, said": the name in the
    // appositive, not the description before it
    // … and "The head of the Ukrainian delegation, chief of staff Andrii Yermak, wrote": a
    // title of the speaker list (no surname in it) before another person's name
    let surname = |sp: &crate::model::Speaker| {
        let last = sp.name.split_whitespace().last().unwrap_or("");
        fold_str(last).chars().take(6).collect::<String>()
    };
    let by_title = matches!(&m, Mention::Speaker(sp, _)
        if sp.kind == crate::model::SpeakerKind::Person
            && sp.known
            && !fold_str(&ctx.body[span.clone()]).contains(&surname(sp)));
    let description = by_title
        || matches!(&m, Mention::Role { .. })
        || matches!(&m, Mention::Speaker(sp, _) if sp.kind == crate::model::SpeakerKind::Unnamed);
    if !description {
        return (m, span);
    }
    let Some(&(offset, seg)) = rest.first() else {
        return (m, span);
    };
    let trimmed = seg.trim();
    let lead = seg.len() - seg.trim_start().len();
    // "The communique, released by the Dutch government, said": whoever released it
    let statement = matches!(&m, Mention::Role { words, .. }
        if words.first().is_some_and(|w| grammar().shape.statement_nouns.contains(w.as_str())));
    match ctx.gazetteer.resolve(trimmed, local) {
        Some(better @ Mention::Speaker(..))
            if statement || is_person(&better) || bare_unnamed(&m) && !bare_unnamed(&better) =>
        {
            let from = start + offset + lead;
            (better, from..from + trimmed.len())
        }
        _ => (m, span),
    }
}

/// "…resistance from Belgium, a bloc member that has cautioned that …": a description in lower
/// case with a relative pronoun stands for the name right before its comma, which speaks.
fn named_before_description(
    ctx: &Context<'_>,
    segments: &[(usize, &str)],
    start: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let [.., (before_offset, before), (_, last)] = segments else {
        return None;
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    let described = words.len() >= 3
        && ["a", "an"].contains(&words[0])
        && ["that", "who"].contains(words.last()?)
        && words.iter().all(|w| !w.starts_with(char::is_uppercase));
    if !described {
        return None;
    }
    let trimmed = before.trim_end();
    let name_words = trimmed
        .split_whitespace()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    let name_len: usize = trimmed
        .split_whitespace()
        .rev()
        .take(name_words)
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .checked_sub(1)?;
    let name = &trimmed[trimmed.len() - name_len..];
    match ctx.gazetteer.resolve(name, local)? {
        m @ Mention::Speaker(..) => {
            let end = start + before_offset + trimmed.len();
            Some((m, end - name.len()..end))
        }
        _ => None,
    }
}

/// "The plan drew criticism from European diplomats who argue that …", "Zelensky met Nordic
/// ministers, who said …": a verb after "who" speaks for the noun phrase right before "who"
/// (its capitalised words and determiners), not for the subject of the sentence.
fn relative_antecedent(
    ctx: &Context<'_>,
    ws: &[SWord],
    end: usize,
    start: usize,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Option<(Mention, Range<usize>)> {
    let who = end.checked_sub(1)?;
    let head = who.checked_sub(1)?;
    if ws[who].text != "who" || ws[who].in_quote || ws[head].in_quote || ws[head].start < start {
        return None;
    }
    let gap = |k: usize| ctx.body[ws[k].end..ws[k + 1].start].trim();
    // "Lawmakers said they spoke with Rubio, who told them …": the first speaker frames it
    let framed = (0..head).any(|k| !ws[k].in_quote && ctx.speech.verb_at(ws, k, false).is_some());
    if framed || !["", ","].contains(&gap(head)) {
        return None;
    }
    let determiners = &grammar().speakers.determiners;
    let mut first = head;
    while first > 0 && ws[first - 1].start >= start && gap(first - 1).is_empty() {
        let w = &ws[first - 1];
        // "Ministry of Defence", "France and Germany", "politicians and analysts"
        let joins = (w.text == "of" && ws[first].capital) || w.text == "and";
        let after_and = ws[first].text == "and";
        if w.in_quote || !(w.capital || joins || after_and || determiners.contains(&*w.text)) {
            break;
        }
        first -= 1;
    }
    // "the chief of staff for Prime Minister Orban, who", "supporters on Capitol Hill, who",
    // "an adviser to Trump, who": the name completes a role or places a group; it does not speak
    // ("criticism from European diplomats who", "handed the plan to Zelensky, who" it does)
    let before = |k: usize| first.checked_sub(k).map(|i| &*ws[i].text);
    let complement = grammar()
        .speakers
        .role_prepositions
        .contains(before(1).unwrap_or(""))
        || (before(1) == Some("to")
            && before(2).is_some_and(|w| grammar().resolve.title_heads.contains(w)));
    if complement {
        return None;
    }
    (first..=head).find_map(|f| {
        let span = ws[f].start..ws[head].end;
        match ctx.gazetteer.resolve(&ctx.body[span.clone()], local)? {
            m @ Mention::Speaker(..) => Some((m, span)),
            _ => None,
        }
    })
}

/// `…, spooking European officials who felt …`: a participle that opens a segment is the verb of
/// the clause before, not part of the noun phrase after it (the participles of
/// `adverbial_start`, "speaking", "addressing", open adverbials and stay).
fn after_participle(offset: usize, seg: &str) -> (usize, &str) {
    let lead = seg.len() - seg.trim_start().len();
    let rest = &seg[lead..];
    let Some((first, after)) = rest.split_once(' ') else {
        return (offset, seg);
    };
    let participle = first.len() > 4
        && first.ends_with("ing")
        && first.chars().all(|c| c.is_ascii_lowercase())
        && !grammar().statements.adverbial_start.contains(first);
    if participle && after.split_whitespace().count() >= 2 {
        let skip = lead + first.len() + 1;
        (offset + skip, &seg[skip..])
    } else {
        (offset, seg)
    }
}

/// `And Ukraine has repeatedly said …`, `But Kyiv says …`: a conjunction that opens the sentence
/// joins it to the one before; the noun phrase after it is the subject.
fn after_conjunction_word(offset: usize, seg: &str) -> (usize, &str) {
    let lead = seg.len() - seg.trim_start().len();
    let rest = &seg[lead..];
    match rest.split_once(' ') {
        Some((first, after))
            if first.starts_with(char::is_uppercase)
                && grammar()
                    .statements
                    .sentence_conjunctions
                    .contains(fold_str(first))
                && !after.trim().is_empty() =>
        {
            let skip = lead + first.len() + 1;
            (offset + skip, &seg[skip..])
        }
        _ => (offset, seg),
    }
}
