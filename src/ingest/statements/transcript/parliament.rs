//! A parliament's record: a line that is only the member's label ("The Prime Minister (Ana
//! Ruiz)", "Leo Hale (Northfield) (Lab)", "Mary Byrne (Cork East, Labour)"), then the member's
//! own words over the paragraphs below, up to the next label.

use super::*;

/// A line of a label and a bracket, perhaps a second (a party): "Title (Name)" or "Name
/// (Seat)". A record copied from a page may repeat the name before it ("Photo of Leo HaleLeo
/// Hale (…)", "Leo Hale Portrait Leo Hale (…)").
static LABEL_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(\p{Lu}[^()\n]{1,80}?)\s*\(([^()\n]{2,60})\)(?:\s*\([^()\n]{1,30}\))?$")
        .expect("static pattern")
});

/// The member a label line names: the name in the bracket after a title ("The Prime
/// Minister (Ana Ruiz)"), else the name before the bracket ("Leo Hale (Northfield)").
fn member(line: &str) -> Option<String> {
    let c = LABEL_LINE.captures(line)?;
    let (outside, inside) = (c[1].trim(), c[2].trim());
    let capitalised = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && !s.contains(',')
    };
    // a title: "The Prime Minister", "Madam Deputy Speaker", "The Minister for Armed Forces"
    let titled = outside.starts_with("The ")
        || outside
            .split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase))
        || outside.ends_with("Speaker");
    if capitalised(inside) && titled {
        return Some(inside.to_string());
    }
    let name = repeated_name(outside);
    capitalised(name).then(|| name.to_string())
}

/// The name of a label that a page prints twice, once under a picture: "Photo of Leo
/// HaleLeo Hale" and "Leo Hale Portrait Leo Hale" are "Leo Hale".
fn repeated_name(outside: &str) -> &str {
    let outside = outside.strip_prefix("Photo of ").unwrap_or(outside);
    if let Some((_, after)) = outside.split_once(" Portrait ") {
        return after.trim();
    }
    let half = outside.len() / 2;
    match (outside.get(..half), outside.get(half..)) {
        (Some(a), Some(b)) if a == b => a,
        _ => outside,
    }
}

/// A line of the page around the record, no words of anyone's: "Link to this: Individually
/// | In context", "- Hansard - -", "7:50 am".
fn page_line(line: &str) -> bool {
    let line = line.trim();
    !line.ends_with([
        '.', '!', '?', '"', '\u{201D}', ']', ')', ';', ':', ',', '\u{2014}',
    ]) && line.split_whitespace().count() <= 8
}

/// True when the words speak in the first person, as a member's do.
fn first_person(text: &str) -> bool {
    crate::text::word_refs(&fold_str(text))
        .any(|w| grammar().statements.first_person.contains(&*w.text))
}

/// The turns of a parliament's record: every paragraph (or line after the label, in the
/// label's own paragraph) from a label line to the next is a quote of the member, when the
/// first of them speaks in the first person (a caption "Ana Ruiz (left)" over a report does
/// not). Returns the paragraphs used.
pub(super) fn record_turns(
    ctx: &Context<'_>,
    out: &mut Vec<Candidate>,
    used: &HashSet<usize>,
    local: &mut Vec<(String, crate::model::Speaker)>,
) -> Vec<usize> {
    let mut taken = Vec::new();
    // the member speaking, and whether their turn has begun
    let mut turn: Option<(Mention, bool)> = None;
    for (p, r) in ctx.paragraphs.iter().enumerate() {
        if used.contains(&p) {
            turn = None;
            continue;
        }
        let mut content = None;
        let mut offset = r.start;
        for line in ctx.body[r.clone()].split_inclusive('\n') {
            let start = offset + line.len() - line.trim_start().len();
            offset += line.len();
            if let Some(name) = member(line.trim()) {
                turn = person(ctx, &name, local).map(|m| (m, false));
            } else if !line.trim().is_empty() && !page_line(line) {
                content = Some(start..r.start + ctx.body[r.clone()].trim_end().len());
                break;
            }
        }
        let Some(span) = content else { continue };
        let Some((mention, begun)) = turn.as_mut() else {
            continue;
        };
        if !*begun && !first_person(&ctx.body[span.clone()]) {
            turn = None;
            continue;
        }
        *begun = true;
        taken.push(p);
        out.push(candidate(
            ctx,
            span,
            p,
            Kind::Quote,
            mention,
            "parliament record",
        ));
    }
    taken
}
