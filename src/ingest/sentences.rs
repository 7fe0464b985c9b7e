//! Stage 2: body -> quotations and sentences, with byte spans into the body.
//!
//! Quotation marks are paired per paragraph before sentences are split, so a quote that runs
//! over several sentences stays one quote and no sentence ends inside a quote. Supported pairs:
//! straight `"…"`, curly `“…”` (and mixed `“…"`), single curly `‘…’` (an apostrophe between
//! letters is not a closer), guillemets `«…»`, `‹…›` and low-high `„…“`; mismatched styles (`«…”`,
//! `“…»`, `"…»`) pair when no other quote opened in between. A quote left open at the
//! end of its paragraph runs to the end of the paragraph and is marked `closed: false`.

use std::ops::Range;

use crate::grammar::grammar;

/// A quotation: the marks and the words between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the opening mark to just after the closing mark (or the paragraph end).
    pub outer: Range<usize>,
    /// The quoted words, without the marks and without a trailing comma.
    pub inner: Range<usize>,
    /// False when the paragraph ended before the quote closed.
    pub closed: bool,
    /// Index of the paragraph.
    pub para: usize,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range in the body.
    pub span: Range<usize>,
    /// Index of the paragraph.
    pub para: usize,
    /// Index of the sentence within its paragraph.
    pub index_in_para: usize,
}

/// Quotes and sentences of one body.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Every quotation, in order.
    pub quotes: Vec<Quote>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The quotes that lie inside `span`.
    pub fn quotes_in(&self, span: &Range<usize>) -> impl Iterator<Item = &Quote> {
        let span = span.clone();
        self.quotes
            .iter()
            .filter(move |q| q.outer.start >= span.start && q.outer.start < span.end)
    }

    /// True when byte `i` lies inside a quotation (marks included).
    pub fn in_quote(&self, i: usize) -> bool {
        self.quotes.iter().any(|q| q.outer.contains(&i))
    }
}

fn closers(open: char) -> &'static [char] {
    match open {
        '"' => &['"', '\u{201D}'],
        '\u{201C}' => &['\u{201D}', '"', '\u{201C}'],
        '\u{2018}' => &['\u{2019}'],
        '\'' => &['\''],
        '\u{00AB}' => &['\u{00BB}'],
        '\u{2039}' => &['\u{203A}'],
        '\u{201E}' => &['\u{201C}', '\u{201D}'],
        _ => &[],
    }
}

/// Marks that close `open` only when no other quote opened after it: `«…”`, `“…»`, `„…»`
/// (a writer or a copy-paste mixing styles).
fn loose_closers(open: char) -> &'static [char] {
    match open {
        '\u{00AB}' => &['\u{201D}', '"'],
        '\u{201C}' | '\u{201E}' | '"' => &['\u{00BB}'],
        _ => &[],
    }
}

/// True when `c` at `k` closes the quote opened at `from` with a mark of another style.
fn closes_loosely(chars: &[(usize, char)], from: usize, k: usize, open: char) -> bool {
    let c = chars[k].1;
    let prev = k.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(k + 1).map(|x| x.1);
    loose_closers(open).contains(&c)
        && prev.is_some_and(|p| !p.is_whitespace())
        && !next.is_some_and(char::is_alphanumeric)
        && !chars[from + 1..k].iter().enumerate().any(|(j, &(_, x))| {
            let before = chars[from + j].1;
            let after = chars.get(from + j + 2).map(|y| y.1);
            x != '\''
                && x != '\u{2018}'
                && is_opener(x, Some(before), after)
                && before.is_whitespace()
        })
}

fn is_opener(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let after_space =
        || prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/:\"\u{201C}".contains(p));
    match c {
        // (a mark that opens the paragraph opens a quote, even before a stray space:
        // `" It is the kind of thing …," she said.`)
        '"' | '\u{201C}' | '\u{00AB}' | '\u{201E}' | '\u{2039}' => {
            next.is_some_and(|n| !n.is_whitespace()) || (prev.is_none() && next.is_some())
        }
        '\u{2018}' => after_space() && next.is_some_and(|n| !n.is_whitespace()),
        // a straight single quote opens only before a letter ('It isn't a deal,' she said),
        // never an elision ('90s)
        '\'' => after_space() && next.is_some_and(char::is_alphabetic),
        _ => false,
    }
}

fn is_closer(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    if !closers(open).contains(&c) {
        return false;
    }
    match c {
        // an apostrophe inside a word ("Kyiv’s", "don’t") does not close a single quote
        '\u{2019}' => !next.is_some_and(|n| n.is_alphanumeric()),
        // an apostrophe inside a word ("isn't") does not close a straight single quote either
        '\'' => {
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(|n| n.is_alphanumeric())
        }
        // a curly opener used as a closer must follow a word, not a space
        '\u{201C}' if open == '\u{201C}' => prev.is_some_and(|p| !p.is_whitespace()),
        _ => true,
    }
}

fn trim_inner(body: &str, mut r: Range<usize>) -> Range<usize> {
    let s = &body[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start += lead;
    let s = &body[r.clone()];
    let trimmed = s.trim_end().trim_end_matches([',', ' ']);
    r.end = r.start + trimmed.len();
    r
}

/// Finds the quotations of one paragraph.
/// `next_opens`: the next paragraph opens with a straight single mark, so a straight single
/// mark that opens this one and is left open is a quote over paragraphs, not an apostrophe.
fn scan_quotes(
    body: &str,
    para: &Range<usize>,
    para_index: usize,
    next_opens: bool,
    out: &mut Vec<Quote>,
) {
    let text = &body[para.clone()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Option<(usize, char)> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        match open {
            None => {
                if is_opener(c, prev, next) {
                    open = Some((i, c));
                }
            }
            Some((o, oc)) => {
                // "the allies' plan" inside a straight single quote: a plural possessive, when
                // another mark closes the quote later in the paragraph
                let possessive = oc == '\''
                    && prev == Some('s')
                    && next == Some(' ')
                    && chars.get(k + 2).is_some_and(|x| x.1.is_lowercase())
                    && chars[k + 1..].iter().any(|x| x.1 == '\'');
                let from = chars.partition_point(|x| x.0 < o);
                if !possessive
                    && (is_closer(oc, c, prev, next) || closes_loosely(&chars, from, k, oc))
                {
                    let start = para.start + o;
                    let end = para.start + i + c.len_utf8();
                    let inner = trim_inner(body, start + oc.len_utf8()..para.start + i);
                    out.push(Quote {
                        outer: start..end,
                        inner,
                        closed: true,
                        para: para_index,
                    });
                    open = None;
                }
            }
        }
    }
    // a straight single mark left open is an apostrophe, not a quote, unless it opens the
    // paragraph and the next one opens with one too ('We read it. / 'It is a trap,' she said.)
    if let Some((o, oc)) = open.filter(|x| x.1 != '\'' || (next_opens && x.0 == 0)) {
        let start = para.start + o;
        let inner = trim_inner(body, start + oc.len_utf8()..para.end);
        out.push(Quote {
            outer: start..para.end,
            inner,
            closed: false,
            para: para_index,
        });
    }
}

/// A live page's time opening a paragraph, before a capital: "14:32 GMT", "3:12pm:", "16.40
/// CET -", "09:06 Kyiv time |".
static TIMESTAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|ET|EST|EDT|PT|PST|local time|Kyiv time|Moscow time)?\s*[:|\-\u{2013}\u{2014}]?\s+",
    )
    .expect("static pattern")
});

/// "… Holt said in a post on X. \"Much progress was made.\"": the platform X, not an initial,
/// when "on" or "via" stands before it or a quotation mark follows (no initial opens a quote).
fn platform_x(text: &str, next: Option<char>) -> bool {
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let single = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let on = words
        .next()
        .is_some_and(|w| ["on", "via"].contains(&w.to_lowercase().as_str()) && last == "X");
    single && (on || next.is_some_and(|n| "\"\u{201C}\u{00AB}".contains(n)))
}

fn ends_with_abbreviation(text: &str) -> bool {
    let word: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    single_initial || grammar().sentences.abbreviations.contains(lower.as_str())
}

/// Splits one paragraph into sentences, never inside a quotation.
fn split_paragraph(
    body: &str,
    para: &Range<usize>,
    para_index: usize,
    quotes: &[Quote],
    out: &mut Vec<Sentence>,
) {
    let text = &body[para.clone()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let inside = |i: usize| {
        quotes
            .iter()
            .any(|q| q.outer.start < para.start + i && para.start + i < q.outer.end - 1)
    };
    // a live page's time before the paragraph ("14:32 GMT Kallas said …") is no part of it
    let mut start = TIMESTAMP
        .find(text)
        .filter(|m| text[m.end()..].starts_with(char::is_uppercase))
        .map_or(0, |m| m.end());
    let mut index = 0;
    let mut k = text[..start].chars().count();
    while k < chars.len() {
        let (i, c) = chars[k];
        // a quote that ends with its own full stop ends the sentence too: `… direction." "We …`
        let closes_quote = || {
            chars.get(k + 1).is_some_and(|&(j, cj)| {
                quotes
                    .iter()
                    .any(|q| q.closed && q.outer.end == para.start + j + cj.len_utf8())
            })
        };
        if matches!(c, '.' | '!' | '?' | '\u{2026}') && (!inside(i) || closes_quote()) {
            let mut j = k + 1;
            loop {
                while j < chars.len() && "\"'\u{201D}\u{2019})]\u{00BB}".contains(chars[j].1) {
                    j += 1;
                }
                // a footnote marker after the full stop: "… settled.[3] Next"
                match footnote_end(&chars, j) {
                    Some(e) => j = e,
                    None => break,
                }
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut n = j;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let next_starts = n < chars.len()
                && (chars[n].1.is_uppercase()
                    || chars[n].1.is_ascii_digit()
                    || "\"\u{201C}\u{2018}\u{00AB}(/".contains(chars[n].1)
                    // a straight single mark opening a quote: "… told Metro. 'The terms …'"
                    || chars[n].1 == '\''
                        && chars.get(n + 1).is_some_and(|x| x.1.is_uppercase()))
                && !aside_goes_on(&chars, n);
            // "1. Ukraine's sovereignty …": the number of a list item ends no sentence
            let item_number = c == '.'
                && start == 0
                && (1..=2).contains(&i)
                && text[..i].chars().all(|d| d.is_ascii_digit());
            let abbreviation = c == '.'
                && (item_number
                    || (ends_with_abbreviation(&text[start..i])
                        && !platform_x(&text[start..i], chars.get(n).map(|x| x.1))));
            // run together by a page that lost the space: "… narrowing the gaps.The U.S. says",
            // also after a closing quotation mark: "… a “pawn of the powers.”She argued"
            let closing_marks = chars[k + 1..j]
                .iter()
                .all(|x| ['"', '\u{201D}'].contains(&x.1));
            let run_in = (j == k + 1 || closing_marks)
                && k >= 2
                && chars[k - 1].1.is_lowercase()
                && chars[k - 2].1.is_lowercase()
                && chars.get(j).is_some_and(|x| x.1.is_uppercase())
                && chars.get(j + 1).is_some_and(|x| x.1.is_lowercase());
            if run_in && !abbreviation {
                push_sentence(para, start, chars[j].0, para_index, &mut index, text, out);
                start = chars[j].0;
                k = j;
                continue;
            }
            if at_space && next_starts && !abbreviation {
                let end = chars.get(j).map_or(text.len(), |x| x.0);
                push_sentence(para, start, end, para_index, &mut index, text, out);
                start = chars[n].0;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    push_sentence(para, start, text.len(), para_index, &mut index, text, out);
}

/// "… keeps Kyiv out of the Atlantic Treaty Org. (Nato), and shrinks its army": a short
/// bracket right after the full stop, followed by a comma or a lower-case word, belongs to the
/// sentence (the full stop ended an abbreviation or a name, not the sentence).
fn aside_goes_on(chars: &[(usize, char)], n: usize) -> bool {
    if chars.get(n).is_none_or(|c| c.1 != '(') {
        return false;
    }
    let close = (n + 1..(n + 30).min(chars.len())).find(|&e| chars[e].1 == ')');
    close.is_some_and(|e| {
        let mut a = e + 1;
        while chars.get(a).is_some_and(|c| c.1 == ' ') {
            a += 1;
        }
        chars
            .get(a)
            .is_some_and(|c| c.1 == ',' || c.1 == ';' || c.1.is_lowercase())
    })
}

/// The index just past a footnote marker ("[3]", "[12]") that starts at `j`, if one does.
fn footnote_end(chars: &[(usize, char)], j: usize) -> Option<usize> {
    if chars.get(j)?.1 != '[' {
        return None;
    }
    let mut e = j + 1;
    while chars.get(e).is_some_and(|c| c.1.is_ascii_digit()) {
        e += 1;
    }
    (e > j + 1 && e <= j + 4 && chars.get(e)?.1 == ']').then_some(e + 1)
}

fn push_sentence(
    para: &Range<usize>,
    start: usize,
    end: usize,
    para_index: usize,
    index: &mut usize,
    text: &str,
    out: &mut Vec<Sentence>,
) {
    let s = &text[start..end];
    let trimmed = s.trim_end();
    if trimmed.trim().is_empty() {
        return;
    }
    let lead = s.len() - s.trim_start().len();
    out.push(Sentence {
        span: para.start + start + lead..para.start + start + trimmed.len(),
        para: para_index,
        index_in_para: *index,
    });
    *index += 1;
}

/// A quote left open at the end of the paragraph before that runs on into this one with no
/// new opening mark and closes in it ("“We back the talks.` / `Now the ball is with Kyiv,”
/// he said."): the words up to the closing mark, a quote of their own.
fn quote_run_on(body: &str, para: &Range<usize>, p: usize, last: Option<&Quote>) -> Option<Quote> {
    last.filter(|q| !q.closed && q.para + 1 == p && body[q.outer.start..].starts_with('\u{201C}'))?;
    let text = &body[para.clone()];
    let close = text.find('\u{201D}')?;
    // (a paragraph that opens on a mark of its own, curly or straight, is its own quote)
    if text[..close].contains('\u{201C}') || text.trim_start().starts_with(['\u{201C}', '"']) {
        return None;
    }
    let end = para.start + close + '\u{201D}'.len_utf8();
    Some(Quote {
        outer: para.start..end,
        inner: trim_inner(body, para.start..para.start + close),
        closed: true,
        para: p,
    })
}

/// Finds the quotations and sentences of a body split into `paragraphs`.
pub fn segment(body: &str, paragraphs: &[Range<usize>]) -> Segmented {
    let mut seg = Segmented::default();
    for (p, para) in paragraphs.iter().enumerate() {
        let first = seg.quotes.len();
        let next_opens = paragraphs
            .get(p + 1)
            .is_some_and(|r| body[r.clone()].trim_start().starts_with('\''));
        scan_quotes(body, para, p, next_opens, &mut seg.quotes);
        if let Some(q) = quote_run_on(body, para, p, seg.quotes[..first].last()) {
            seg.quotes.insert(first, q);
        }
        let quotes = seg.quotes[first..].to_vec();
        split_paragraph(body, para, p, &quotes, &mut seg.sentences);
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> (Segmented, Vec<String>) {
        let paragraphs: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let s = segment(text, &paragraphs);
        let sentences = s
            .sentences
            .iter()
            .map(|x| text[x.span.clone()].to_string())
            .collect();
        (s, sentences)
    }

    #[test]
    fn a_bracket_after_a_full_stop_that_the_sentence_goes_on_from_ends_nothing() {
        let (_, got) = seg(
            "It bars Ukraine from the Atlantic Treaty Org. (Nato), and caps its army. (Reuters) Talks resume.",
        );
        assert_eq!(
            got,
            [
                "It bars Ukraine from the Atlantic Treaty Org. (Nato), and caps its army.",
                "(Reuters) Talks resume."
            ]
        );
    }

    #[test]
    fn a_straight_single_quote_left_open_before_another_quote_paragraph_runs_on() {
        let text =
            "'We don't sign a blank cheque. It's a trap.\n\n'And nobody asked us,' she said.";
        let paragraphs = [0..43, 45..text.len()];
        let s = segment(text, &paragraphs);
        let inner: Vec<&str> = s.quotes.iter().map(|q| &text[q.inner.clone()]).collect();
        assert_eq!(
            inner,
            [
                "We don't sign a blank cheque. It's a trap.",
                "And nobody asked us"
            ],
            "{:?}",
            s.quotes
        );
        assert!(!s.quotes[0].closed);
        // alone, the open mark is an apostrophe
        let text = "'90s were different.";
        let alone = segment(text, std::slice::from_ref(&(0..text.len())));
        assert!(alone.quotes.is_empty());
    }

    #[test]
    fn quote_spanning_two_sentences_is_one_quote_and_one_sentence() {
        let (s, sentences) = seg("\"It is good. It was a success,\" he said. Mr. Peskov agreed.");
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(
            sentences,
            [
                "\"It is good. It was a success,\" he said.",
                "Mr. Peskov agreed."
            ]
        );
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        let text = "NATO on ‘Kyiv’s plan for peace,’ but states";
        let (s, _) = seg(text);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(&text[s.quotes[0].inner.clone()], "Kyiv’s plan for peace");
    }

    #[test]
    fn a_quote_left_open_runs_on_into_a_paragraph_that_only_closes_it() {
        let text = "\u{201C}We back the talks.\n\nNow it is up to Kyiv,\u{201D} Hale said.";
        let cut = text.find("\n\n").expect("two paragraphs");
        let paragraphs = [0..cut, cut + 2..text.len()];
        let s = segment(text, &paragraphs);
        let inner: Vec<&str> = s.quotes.iter().map(|q| &text[q.inner.clone()]).collect();
        assert_eq!(inner, ["We back the talks.", "Now it is up to Kyiv"]);
    }

    #[test]
    fn a_straight_single_mark_opening_a_quote_starts_a_sentence() {
        let (_, got) = seg("'It is a start,' Hale told the radio. 'The rest is for Kyiv.'");
        assert_eq!(
            got,
            [
                "'It is a start,' Hale told the radio.",
                "'The rest is for Kyiv.'"
            ]
        );
    }

    #[test]
    fn a_full_stop_run_into_the_next_sentence_ends_it() {
        let (_, got) = seg(
            "Talks went on all night.Kyiv said the gap had narrowed. See kyiv.gov.ua for e.g.the text.",
        );
        assert_eq!(
            got,
            [
                "Talks went on all night.",
                "Kyiv said the gap had narrowed.",
                "See kyiv.gov.ua for e.g.the text."
            ]
        );
    }

    #[test]
    fn a_closing_quote_run_into_the_next_sentence_ends_it() {
        let (_, got) = seg("Holt called the draft “a pawn of great powers.”She wants envoys sent.");
        assert_eq!(
            got,
            [
                "Holt called the draft “a pawn of great powers.”",
                "She wants envoys sent."
            ]
        );
    }

    #[test]
    fn a_footnote_marker_after_a_full_stop_ends_the_sentence() {
        let (_, sentences) = seg("The pact ends old disputes.[3] Kyiv keeps its army.");
        assert_eq!(
            sentences,
            ["The pact ends old disputes.[3]", "Kyiv keeps its army."]
        );
    }

    #[test]
    fn the_number_of_a_list_item_ends_no_sentence() {
        let (_, sentences) = seg("7. Kyiv stays out of NATO. The alliance agrees.");
        assert_eq!(
            sentences,
            ["7. Kyiv stays out of NATO.", "The alliance agrees."]
        );
    }

    #[test]
    fn straight_single_quotes_hold_apostrophes() {
        let text = "'It isn't a plan, it's the allies' wish list,' she said of the draft.";
        let (s, _) = seg(text);
        assert_eq!(s.quotes.len(), 1);
        assert_eq!(
            &text[s.quotes[0].inner.clone()],
            "It isn't a plan, it's the allies' wish list"
        );
        let (s, _) = seg("Kyiv's envoys met in the '90s and the allies' staff agreed.");
        assert!(s.quotes.is_empty(), "apostrophes are no quotes");
    }

    #[test]
    fn a_live_page_time_opens_no_sentence() {
        for text in [
            "14:32 GMT Kallas said the cap was too low.",
            "3:12pm: Kallas said the cap was too low.",
            "16.40 CET - Kallas said the cap was too low.",
        ] {
            let (_, sentences) = seg(text);
            assert_eq!(sentences, ["Kallas said the cap was too low."], "{text}");
        }
        let (_, sentences) = seg("10.5 million people voted.");
        assert_eq!(sentences, ["10.5 million people voted."]);
    }

    #[test]
    fn the_platform_x_ends_a_sentence_and_an_initial_does_not() {
        let (_, sentences) = seg("Holt said in a post on X. \"Much progress was made.\"");
        assert_eq!(
            sentences,
            ["Holt said in a post on X.", "\"Much progress was made.\""]
        );
        let (_, sentences) = seg("Zelensky wrote on X. He said the plan needed work.");
        assert_eq!(sentences.len(), 2, "{sentences:?}");
        let (_, sentences) = seg("The envoy J. Smith said the plan was fair.");
        assert_eq!(sentences.len(), 1, "{sentences:?}");
    }

    #[test]
    fn a_paragraph_opening_on_a_straight_mark_after_an_open_quote_is_one_quote() {
        let text = "\u{201C}We back the talks.\n\n\"The ball is with Kyiv now.\u{201D}";
        let gap = text.find("\n\n").expect("two paragraphs");
        let paragraphs = [0..gap, gap + 2..text.len()];
        let s = segment(text, &paragraphs);
        let second: Vec<&str> = s
            .quotes
            .iter()
            .filter(|q| q.para == 1)
            .map(|q| &text[q.inner.clone()])
            .collect();
        assert_eq!(second, ["The ball is with Kyiv now."]);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let text = "Lavrov said: «We will not accept it";
        let (s, _) = seg(text);
        assert!(!s.quotes[0].closed);
        assert_eq!(&text[s.quotes[0].inner.clone()], "We will not accept it");
    }

    #[test]
    fn mismatched_marks_pair_when_nothing_opens_between() {
        for text in [
            "\u{00AB}We shall not sign this text\u{201D}, the envoy said.",
            "\u{201C}We shall not sign this text\u{00BB}, the envoy said.",
            "\"We shall not sign this text\u{201D}, the envoy said.",
        ] {
            let (s, sentences) = seg(text);
            assert_eq!(s.quotes.len(), 1, "{text}");
            assert!(s.quotes[0].closed, "{text}");
            assert_eq!(
                &text[s.quotes[0].inner.clone()],
                "We shall not sign this text"
            );
            assert_eq!(sentences.len(), 1, "{text}");
        }
        // an inner quote opened in between keeps the outer one open past its own closer
        let text = "\u{00AB}He called it \u{201C}a plan\u{201D} and left\u{00BB}, she said.";
        let (s, _) = seg(text);
        assert_eq!(
            &text[s.quotes[0].inner.clone()],
            "He called it \u{201C}a plan\u{201D} and left"
        );
    }
}
