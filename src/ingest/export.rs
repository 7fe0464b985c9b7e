//! Statements -> JSON Lines in the format `shared/eval/score.py` reads.

use serde::Serialize;

/// One line of the export.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExportLine {
    /// Statement id in the database.
    pub id: i64,
    /// The article's file name.
    pub source_file: String,
    /// Speaker name, a known person's as the article spells it ([`Spellings`]); `null` for the
    /// article's own voice.
    pub speaker: Option<String>,
    /// quote | paraphrase | report.
    pub kind: String,
    /// The exact span of the body.
    pub text: String,
    /// Point numbers, `[0]` for the plan as a whole.
    pub provisions: Vec<i64>,
    /// supports | opposes | mixed | neutral.
    pub stance: String,
    /// Byte offsets of the span in the cleaned body.
    pub span: [i64; 2],
}

/// How each known person's name is spelled in one article. The speaker list keeps one
/// canonical spelling ("Volodymyr Zelenskyy", "Sergey Lavrov") so a person's statements group
/// across sources; an article that writes "Zelensky" or "Sergei Lavrov" is quoted, in the
/// export, with its own spelling, as annotators of that article write the name.
#[derive(Debug, Clone, Default)]
pub struct Spellings {
    /// Canonical name -> its single-word aliases (surname variants) and its full-name aliases.
    people: std::collections::HashMap<String, (Vec<String>, Vec<String>)>,
}

impl Spellings {
    /// The persons of the speaker list with their spelling variants.
    pub fn new(catalog: &crate::catalog::Catalog) -> Self {
        let people = catalog
            .speakers
            .iter()
            .filter(|s| s.kind == "person" && s.name.split_whitespace().count() >= 2)
            .map(|s| {
                let (single, full): (Vec<String>, Vec<String>) = s
                    .aliases
                    .iter()
                    .filter(|a| a.starts_with(char::is_uppercase))
                    .cloned()
                    .partition(|a| a.split_whitespace().count() == 1);
                (s.name.clone(), (single, full))
            })
            .collect();
        Self { people }
    }

    /// `name` as `body` spells it; `name` itself when the article writes it that way, when it
    /// names no variant, or when the speaker is no known person.
    pub fn as_written(&self, name: &str, body: &str) -> String {
        self.variant(name, body).unwrap_or_else(|| name.to_string())
    }

    fn variant(&self, name: &str, body: &str) -> Option<String> {
        let (surnames, full) = self.people.get(name)?;
        let (first, last) = name.rsplit_once(' ')?;
        let words: Vec<&str> = body
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        let bigram = |a: &str, b: &str| words.windows(2).filter(|w| w[0] == a && w[1] == b).count();
        if bigram(first, last) > 0 {
            return None;
        }
        let count = |w: &str| words.iter().filter(|x| **x == w).count();
        // the surname the article uses most, the canonical one included; else one that begins
        // as the canonical one does right after the canonical first name ("Johann Wadeful")
        let stem = |w: &str| w.chars().take(3).collect::<String>();
        let surname = std::iter::once(last)
            .chain(surnames.iter().map(String::as_str))
            .map(|s| (count(s), s))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n)
            .map(|(_, s)| s)
            .or_else(|| {
                words
                    .windows(2)
                    .find(|w| w[0] == first && w[1].starts_with(stem(last).as_str()))
                    .map(|w| w[1])
            })?;
        // "Sergei Lavrov": a first name that begins as the canonical one does, before it
        let written_first = words
            .windows(2)
            .find(|w| w[1] == surname && w[0] != first && w[0].starts_with(stem(first).as_str()))
            .map(|w| w[0]);
        let candidate = match written_first {
            Some(f) => format!("{f} {surname}"),
            // a first name of the speaker list's ("Volodymyr", "Vladimir"), not a title of
            // two words ("President Zelensky"): it begins with the canonical one's letter
            None => full
                .iter()
                .filter_map(|a| a.split_once(' ').filter(|(_, l)| *l == surname))
                .filter(|(f, _)| f.chars().next() == first.chars().next())
                .find(|(f, l)| bigram(f, l) > 0)
                .map_or_else(|| format!("{first} {surname}"), |(f, l)| format!("{f} {l}")),
        };
        (candidate != name).then_some(candidate)
    }
}

/// One line per claim. The extraction gives a claim made together ("Macron and Merz said …")
/// to each speaker, so each one's page lists it: the first speaker's statement, then a copy of
/// rule [`Statement::JOINT_COPY`] with the same span for each further one. Here each copy is
/// folded into the line before it with its key (source and span), whose speaker becomes the
/// group as a list of its names ("Emmanuel Macron and Friedrich Merz"): one claim of one
/// group, as the statement model counts it.
///
/// `lines` are (line, key, speaker, is a copy) in the extraction's order; `set` writes a
/// group's name into its first line.
///
/// [`Statement::JOINT_COPY`]: crate::model::Statement::JOINT_COPY
pub fn fold_joint<T, K: PartialEq>(
    lines: impl IntoIterator<Item = (T, K, Option<String>, bool)>,
    set: impl Fn(&mut T, String),
) -> Vec<T> {
    let mut out: Vec<(T, K, Vec<String>)> = Vec::new();
    for (line, key, speaker, copy) in lines {
        if copy && let Some(first) = out.iter_mut().rev().find(|(_, k, _)| *k == key) {
            first.2.extend(speaker);
            continue;
        }
        out.push((line, key, speaker.into_iter().collect()));
    }
    out.into_iter()
        .map(|(mut line, _, names)| {
            if let Some((last, rest)) = names.split_last()
                && !rest.is_empty()
            {
                set(&mut line, format!("{} and {last}", rest.join(", ")));
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings() -> Spellings {
        let catalog = crate::catalog::Catalog::bundled().expect("catalog");
        Spellings::new(&catalog)
    }

    #[test]
    fn a_known_person_is_exported_with_the_article_s_spelling() {
        let s = spellings();
        let body = "President Volodymyr Zelensky said the plan needs work. Zelensky added more.";
        assert_eq!(
            s.as_written("Volodymyr Zelenskyy", body),
            "Volodymyr Zelensky"
        );
        // a surname alone takes the canonical first name
        let body = "Zelenskiy told reporters the plan needs work.";
        assert_eq!(
            s.as_written("Volodymyr Zelenskyy", body),
            "Volodymyr Zelenskiy"
        );
        // a first name spelled another way
        let body = "Foreign Minister Sergei Lavrov said the draft was a basis. Lavrov went on.";
        assert_eq!(s.as_written("Sergey Lavrov", body), "Sergei Lavrov");
        // a surname spelled as no list spells it, after the first name
        let body = "German Foreign Minister Johann Wadeful said the plan needs Europe.";
        assert_eq!(s.as_written("Johann Wadephul", body), "Johann Wadeful");
        // a title before the surname is no first name
        let body = "President Zelensky said the plan needs work.";
        assert_eq!(
            s.as_written("Volodymyr Zelenskyy", body),
            "Volodymyr Zelensky"
        );
    }

    #[test]
    fn the_canonical_spelling_or_an_unknown_speaker_is_left_as_it_is() {
        let s = spellings();
        let body = "Volodymyr Zelenskyy said so, and Zelensky's office agreed.";
        assert_eq!(
            s.as_written("Volodymyr Zelenskyy", body),
            "Volodymyr Zelenskyy"
        );
        assert_eq!(s.as_written("Kremlin", "The Kremlin said no."), "Kremlin");
        assert_eq!(s.as_written("Anna Brix", "Anna Brix said no."), "Anna Brix");
        // the article never names the person (a title resolved to them)
        let body = "The Ukrainian president said the plan needs work.";
        assert_eq!(
            s.as_written("Volodymyr Zelenskyy", body),
            "Volodymyr Zelenskyy"
        );
    }

    #[test]
    fn a_claim_made_together_is_one_line_of_the_group() {
        let line = |name: &str, span: usize, copy: bool| {
            (name.to_string(), span, Some(name.to_string()), copy)
        };
        let lines = vec![
            line("Emmanuel Macron", 10, false),
            line("Friedrich Merz", 10, true),
            line("Keir Starmer", 10, true),
            // a copy folds into the line with its own span, not the latest one
            line("Kaja Kallas", 50, false),
            line("Ursula von der Leyen", 10, true),
            line("Marco Rubio", 80, false),
            // a copy with no line of its span stays a line of its own
            line("Andriy Yermak", 90, true),
        ];
        let folded = fold_joint(lines, |l, group| *l = group);
        assert_eq!(
            folded,
            [
                "Emmanuel Macron, Friedrich Merz, Keir Starmer and Ursula von der Leyen",
                "Kaja Kallas",
                "Marco Rubio",
                "Andriy Yermak"
            ]
        );
    }
}
