//! Text folding and tokenising shared by the extraction stages.
//!
//! Matching runs on a *folded* copy of the text (lower case, ASCII apostrophes and dashes,
//! diacritics removed) that keeps a map back to the original byte offsets, so every match can
//! be reported as a span of the original body.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A folded copy of a text with a map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; one extra entry for the end.
    map: Vec<usize>,
}

impl Folded {
    /// The original byte offset of folded byte `i`.
    pub fn orig(&self, i: usize) -> usize {
        self.map
            .get(i)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }
}

/// Folds one character into the ASCII-ish form used for matching.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' | '\u{2032}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        // a dash between words separates clauses; a hyphen joins a word
        '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push_str(" - "),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => out.push('-'),
        '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2007}' => out.push(' '),
        '\u{00AD}' => {}
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            let lower: String = c.to_lowercase().collect();
            let mut pushed = false;
            for l in lower.chars() {
                if let Some(d) = deunicode::deunicode_char(l)
                    && d.is_ascii()
                    && !d.is_empty()
                    && d.chars().all(|x| x.is_ascii_alphanumeric())
                {
                    out.push_str(&d.to_ascii_lowercase());
                    pushed = true;
                } else {
                    out.push(l);
                    pushed = true;
                }
            }
            if !pushed {
                out.push(c);
            }
        }
    }
}

/// Folds `s` for matching, keeping the offset map.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let before = text.len();
        fold_char(c, &mut text);
        for _ in before..text.len() {
            map.push(i);
        }
    }
    map.push(s.len());
    Folded { text, map }
}

/// Folds `s` for matching and drops the map.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// One word of a folded text: its byte range in the folded text and its folded form.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Start byte in the folded text.
    pub start: usize,
    /// End byte in the folded text.
    pub end: usize,
    /// The word, folded (numbers lose their thousands separators: `600,000` is `600000`).
    pub text: String,
}

/// Splits a folded text into words: runs of letters and digits; a number keeps its `,`/`.`
/// separators out of its form; a possessive `'s` is dropped.
pub fn words(folded: &str) -> Vec<Word> {
    let bytes = folded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let Some(c) = folded[i..].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut form = String::new();
        let numeric = c.is_ascii_digit();
        while i < folded.len() {
            let Some(c) = folded[i..].chars().next() else {
                break;
            };
            if c.is_alphanumeric() {
                form.push(c);
                i += c.len_utf8();
            } else if numeric
                && (c == ',' || c == '.')
                && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())
            {
                i += 1;
            } else {
                break;
            }
        }
        // "ukraine's" -> "ukraine" (the lone "s" after an apostrophe is dropped)
        if form == "s" && start > 0 && bytes[start - 1] == b'\'' {
            continue;
        }
        out.push(Word {
            start,
            end: i,
            text: form,
        });
    }
    out
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The English (Porter2) stem of a folded word.
pub fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// A slug for a name: lower-case ASCII words joined by hyphens.
pub fn slugify(name: &str) -> String {
    let folded = fold_str(name);
    let mut out = String::new();
    for w in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

/// True when `folded[start..end]` stands on word boundaries of `folded`.
pub fn on_word_boundaries(folded: &str, start: usize, end: usize) -> bool {
    let before = folded[..start].chars().next_back();
    let after = folded[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_maps_back_to_original_offsets() {
        let s = "Jean-Noël’s “plan”";
        let f = fold(s);
        assert_eq!(f.text, "jean-noel's \"plan\"");
        let i = f.text.find("plan").unwrap_or(0);
        assert_eq!(&s[f.orig(i)..f.orig(i + 4)], "plan");
    }

    #[test]
    fn numbers_lose_separators_and_possessives_drop() {
        let w: Vec<String> = words("ukraine's army of 600,000 troops")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["ukraine", "army", "of", "600000", "troops"]);
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Jean-Noël Barrot"), "jean-noel-barrot");
        assert_eq!(slugify("unnamed US official"), "unnamed-us-official");
    }
}
