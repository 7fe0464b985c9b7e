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

    /// "Britain, France and Germany have sent Washington their own version": countries named
    /// together right before a verb of drafting (`[speech] drafting`), as one speaker.
    fn drafting_places(&self, words: &[&str]) -> Option<Speaker> {
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let is_place = |w: &str| {
            let b = bare(w);
            b.starts_with(char::is_uppercase) && self.places.contains(&fold_str(&b))
        };
        for (i, w) in words.iter().enumerate() {
            if !is_place(w) {
                continue;
            }
            // a run "A, B and C": places joined by commas and one "and"
            let mut j = i;
            let mut joined = false;
            while j + 1 < words.len() {
                if words[j].ends_with(',') && is_place(words[j + 1]) {
                    j += 1;
                } else if words[j + 1] == "and" && words.get(j + 2).is_some_and(|n| is_place(n)) {
                    j += 2;
                    joined = true;
                    break;
                } else {
                    break;
                }
            }
            let drafting = words[j + 1..(j + 5).min(words.len())]
                .iter()
                .any(|v| self.drafting.contains(&fold_str(&bare(v))));
            if joined && drafting {
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
