//! The authors of a document from one side ("the European text" speaks for "European
//! governments", or for "Britain, France and Germany" when the article names them drafting it).

use super::*;

impl Gazetteer {
    /// The side a document comes from, when its noun phrase names one other than the plan's
    /// authors ("the European text" -> "European"; "the US plan" -> none).
    pub fn document_origin(&self, np: &str) -> Option<String> {
        let folded = fold_str(np);
        folded
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .filter_map(|w| {
                let w = w.trim_end_matches('.');
                self.origins.iter().find(|(k, _)| k == w).map(|(_, o)| o)
            })
            .find(|o| !["US", "White House"].contains(&o.as_str()))
            .cloned()
    }

    /// The origins of the documents a text names, in order ("the American version ... the
    /// European plan" -> US, European); a document noun takes the origin word up to two words
    /// before it.
    pub fn document_origins(&self, text: &str) -> Vec<String> {
        let folded = fold_str(text);
        let ws: Vec<&str> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .map(|w| w.trim_end_matches('.'))
            .filter(|w| !w.is_empty())
            .collect();
        let origin_of = |w: &str| {
            self.origins
                .iter()
                .find(|(k, _)| k.trim_end_matches('.') == w)
                .map(|(_, o)| o.clone())
        };
        ws.iter()
            .enumerate()
            .filter(|(_, w)| self.documents.contains(w.rsplit('-').next().unwrap_or(w)))
            .filter_map(|(i, _)| {
                ws[i.saturating_sub(2)..i]
                    .iter()
                    .rev()
                    .find_map(|b| origin_of(b))
            })
            .collect()
    }

    /// The authors of a document from `origin`, as the article names them: the first
    /// "`<origin adjective> <group>`" in `body` ("European governments").
    pub fn authors(&self, body: &str, origin: &str) -> Option<Speaker> {
        let adjectives: Vec<&str> = self
            .origins
            .iter()
            .filter(|(_, o)| o == origin)
            .map(|(k, _)| k.as_str())
            .collect();
        let words: Vec<&str> = body.split_whitespace().collect();
        let by_group = words.windows(2).find_map(|w| {
            let a = fold_str(w[0]);
            let g = fold_str(w[1].trim_end_matches(|c: char| !c.is_alphanumeric()));
            (adjectives.contains(&a.as_str())
                && w[0].chars().next().is_some_and(char::is_uppercase)
                && self.groups.contains(&g)
                && g.ends_with('s'))
            .then(|| {
                let name = format!(
                    "{} {}",
                    w[0],
                    w[1].trim_end_matches(|c: char| !c.is_alphanumeric())
                );
                Speaker {
                    slug: slugify(&name),
                    name,
                    kind: SpeakerKind::Body,
                    known: false,
                }
            })
        });
        by_group.or_else(|| self.drafting_places(&words))
    }

    /// True for a verb of drafting a text ("drafted", "prepared"), punctuation aside.
    pub fn is_drafting(&self, w: &str) -> bool {
        self.drafting
            .contains(&fold_str(w.trim_matches(|c: char| !c.is_alphanumeric())))
    }

    /// The authors of a document from `origin` as the article names them, else its side.
    pub fn authors_or_side(&self, body: &str, origin: &str) -> Option<Speaker> {
        self.authors(body, origin).or_else(|| self.side(origin))
    }

    /// The places named together right after a verb of drafting and "by" in a document's noun
    /// phrase ("a counter-draft written by Spain, Italy and Portugal").
    pub fn drafted_by(&self, np: &str) -> Option<Speaker> {
        let words: Vec<&str> = np.split_whitespace().collect();
        let by = words.iter().position(|w| *w == "by")?;
        (by >= 1 && self.is_drafting(words[by - 1]))
            .then(|| self.drafting_places(&words))
            .flatten()
    }

    /// The side that speaks for a document from `origin` whose authors the article does not
    /// name ("the European plan" -> "Europe").
    pub fn side(&self, origin: &str) -> Option<Speaker> {
        let (_, name) = self.sides.iter().find(|(o, _)| o == origin)?;
        Some(Speaker {
            slug: slugify(name),
            name: name.clone(),
            kind: SpeakerKind::Body,
            known: false,
        })
    }

    /// "Britain, France and Germany have sent Washington their own version", "a text drafted by
    /// Britain, France, and Germany": countries named together right before a verb of drafting
    /// (`[speech] drafting`), or right after one and "by", as one speaker.
    fn drafting_places(&self, words: &[&str]) -> Option<Speaker> {
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let is_place = |w: &str| {
            let b = bare(w);
            b.starts_with(char::is_uppercase)
                && self.places.contains(&fold_str(&b).replace('.', ""))
        };
        for (i, w) in words.iter().enumerate() {
            if !is_place(w) {
                continue;
            }
            let Some(j) = place_run(words, i, is_place) else {
                continue;
            };
            let after = words[j + 1..(j + 5).min(words.len())]
                .iter()
                .any(|v| self.is_drafting(v));
            let before = i >= 2 && words[i - 1] == "by" && self.is_drafting(words[i - 2]);
            if after || before {
                let name = words[i..=j]
                    .join(" ")
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_string();
                return Some(Speaker {
                    slug: slugify(&name),
                    name,
                    kind: SpeakerKind::Body,
                    known: false,
                });
            }
        }
        None
    }
}

/// The end of a run "A, B and C" (or "A, B, and C") of places starting at `i`: places joined
/// by commas and one "and"; none when no "and" joins them.
fn place_run(words: &[&str], i: usize, is_place: impl Fn(&str) -> bool) -> Option<usize> {
    let mut j = i;
    while j + 1 < words.len() {
        let comma = words[j].ends_with(',');
        if comma && is_place(words[j + 1]) {
            j += 1;
        } else if words[j + 1] == "and" && words.get(j + 2).is_some_and(|n| is_place(n)) {
            return Some(j + 2);
        } else {
            return None;
        }
    }
    None
}
