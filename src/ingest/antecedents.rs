//! Points taken up by a definite noun ("the plant" after "the Zaporizhzhia nuclear power
//! plant"), and the per-article cache of span analyses the linking reads.

use super::*;

impl Extractor {
    /// The points of an earlier phrase that a definite noun of `text` takes up: "the plant"
    /// after "the Zaporizhzhia nuclear power plant", "the council" after "a Peace Council".
    /// Document words ("the agreement", "the plan") are the plan, not a phrase of a point.
    pub(super) fn antecedent_points(
        &self,
        ctx: &Context<'_>,
        spans: &mut SpanAnalyses<'_>,
        text: &str,
        masked: &[Range<usize>],
        sentence: usize,
    ) -> Vec<ProvisionLink> {
        // names and titles ("the US Secretary of the Army") take nothing up
        let visible: String = text
            .char_indices()
            .map(|(i, ch)| {
                if masked.iter().any(|m| m.contains(&i)) {
                    ' '
                } else {
                    ch
                }
            })
            .collect();
        let folded = crate::text::fold_str(&visible);
        let ws: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let heads: Vec<String> = ws
            .windows(2)
            .filter(|w| ["the", "this"].contains(&w[0]) && !self.documents.contains(w[1]))
            .map(|w| crate::text::stem(w[1]))
            .filter(|h| self.linker.is_phrase_head(h))
            .collect();
        if heads.is_empty() {
            return Vec::new();
        }
        let from = sentence.saturating_sub(12);
        for s in ctx.seg.sentences[from..sentence.min(ctx.seg.sentences.len())]
            .iter()
            .rev()
        {
            let a = spans.get(&s.span, Vec::new());
            for head in &heads {
                let found = self.linker.points_headed_by(&a, head);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// True when the text refers back to something named before: "the limit", "this clause".
    pub(super) fn refers_back(&self, text: &str) -> bool {
        let folded = crate::text::fold_str(text);
        let ws: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "the limit", "this clause", "the initial version", "these unresolved issues" (one
        // word between)
        let determiner = |w: &str| ["the", "this", "that", "such", "these", "those"].contains(&w);
        let anaphor = |w: &str| self.anaphora.iter().any(|a| a == w);
        // "… that this was the initial version": a demonstrative subject
        let copula = |w: &str| ["was", "is", "were", "are", "would", "will"].contains(&w);
        // "This would let Moscow profit …": a demonstrative subject of a modal
        let demonstrative = ws.first().is_some_and(|w| ["this", "that"].contains(w))
            && ws
                .get(1)
                .is_some_and(|w| ["would", "will", "could", "means"].contains(w));
        // a plural takes up what came before only after a demonstrative ("these issues"; "the
        // terms" may be any terms)
        let pointing = |d: &str| ["this", "that", "these", "those", "such"].contains(&d);
        let takes_up = |d: &str, n: &str| {
            (determiner(d)
                && anaphor(n)
                && (!n.ends_with('s') || ["these", "those", "such"].contains(&d)))
                || (pointing(d) && self.anaphora_demonstrative.iter().any(|a| a == n))
        };
        demonstrative
            || ws.windows(2).any(|w| takes_up(w[0], w[1]))
            || ws.windows(3).enumerate().any(|(i, w)| {
                w[0] == "that"
                    && ["this", "that", "it"].contains(&w[1])
                    && copula(w[2])
                    && !(w[1] == "it" && extraposed(&ws[i + 3..]))
            })
            || ws
                .windows(3)
                // "the 28-point plan" names the whole plan, not a point
                .any(|w| {
                    !determiner(w[1])
                        && !w[1].chars().all(|c| c.is_ascii_digit())
                        && takes_up(w[0], w[2])
                })
            // "this eastern industrial heartland": two adjectives after a demonstrative
            || ws.windows(4).any(|w| {
                pointing(w[0])
                    && !w[1..3].iter().any(|x| determiner(x) || x.chars().all(|c| c.is_ascii_digit()))
                    && self.anaphora_demonstrative.iter().any(|a| a == w[3])
            })
    }
}

/// "(that it would be) unwise to speak …", "(that it is) clear that …": after "it" and a
/// copula, an adjective and "to" / "that" make "it" stand for what follows, not for anything
/// named before.
fn extraposed(rest: &[&str]) -> bool {
    let rest = rest.strip_prefix(&["be"]).unwrap_or(rest);
    rest.get(1).is_some_and(|w| ["to", "that"].contains(w))
}

/// A span of a body and the ranges of it (relative to the span) to ignore.
type SpanKey = (Range<usize>, Vec<Range<usize>>);

/// The analyses of spans of one body, each made once: the statements of a sentence, the
/// sentence itself and the sentences before it are read again for every statement.
pub(super) struct SpanAnalyses<'a> {
    pub(super) linker: &'a Linker,
    pub(super) body: &'a str,
    /// (span, masks relative to the span) -> its analysis.
    pub(super) done: HashMap<SpanKey, Rc<Analysis>>,
    /// Whether the article is about the plan, once asked.
    pub(super) on_plan: Option<bool>,
}

impl<'a> SpanAnalyses<'a> {
    pub(super) fn new(linker: &'a Linker, body: &'a str) -> Self {
        Self {
            linker,
            body,
            done: HashMap::new(),
            on_plan: None,
        }
    }

    /// True when the article titled `title` is about the plan: its vocabulary at least three
    /// times in the body, or once in the title.
    pub(super) fn article_on_plan(&mut self, title: Option<&str>) -> bool {
        if let Some(known) = self.on_plan {
            return known;
        }
        let linker = self.linker;
        let known = self.get(&(0..self.body.len()), Vec::new()).plan_words.len() >= 3
            || title.is_some_and(|t| !linker.analyse(t, &[]).plan_words.is_empty());
        self.on_plan = Some(known);
        known
    }

    /// [`Linker::analyse`] of `body[span]` with `masks` (relative to the span) ignored.
    pub(super) fn get(&mut self, span: &Range<usize>, masks: Vec<Range<usize>>) -> Rc<Analysis> {
        let (linker, body) = (self.linker, self.body);
        self.done
            .entry((span.clone(), masks))
            .or_insert_with_key(|(span, masks)| Rc::new(linker.analyse(&body[span.clone()], masks)))
            .clone()
    }
}
