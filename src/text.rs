//! Text folding and tokenising shared by the extraction stages.
//!
//! Matching runs on a *folded* copy of the text (lower case, ASCII apostrophes and dashes,
//! diacritics removed) that keeps a map back to the original byte offsets, so every match can
//! be reported as a span of the original body.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
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
            let mut pushed = false;
            for l in c.to_lowercase() {
                if let Some(d) = deunicode::deunicode_char(l)
                    && d.is_ascii()
                    && !d.is_empty()
                    && d.chars().all(|x| x.is_ascii_alphanumeric())
                {
                    let before = out.len();
                    out.push_str(d);
                    out[before..].make_ascii_lowercase();
                } else {
                    out.push(l);
                }
                pushed = true;
            }
            if !pushed {
                out.push(c);
            }
        }
    }
}

/// True for a byte that folds to itself lower-cased: ASCII other than the backtick (an
/// apostrophe).
fn plain_ascii(b: u8) -> bool {
    b.is_ascii() && b != b'`'
}

/// Folds `s` onto `out`; with `map`, pushes the original offset of every folded byte.
fn fold_into(s: &str, out: &mut String, mut map: Option<&mut Vec<usize>>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // a run of plain ASCII is copied and lower-cased in one go
        let run = bytes[i..]
            .iter()
            .position(|&b| !plain_ascii(b))
            .map_or(s.len(), |p| i + p);
        if run > i {
            let before = out.len();
            out.push_str(&s[i..run]);
            out[before..].make_ascii_lowercase();
            if let Some(m) = map.as_deref_mut() {
                m.extend(i..run);
            }
            i = run;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let before = out.len();
        fold_char(c, out);
        if let Some(m) = map.as_deref_mut() {
            m.extend(std::iter::repeat_n(i, out.len() - before));
        }
        i += c.len_utf8();
    }
}

/// Folds `s` for matching, keeping the offset map.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    fold_into(s, &mut text, Some(&mut map));
    map.push(s.len());
    Folded { text, map }
}

/// Folds `s` for matching and drops the map.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out, None);
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

/// One word of a folded text, borrowed from it where it can be: see [`Word`].
#[derive(Debug, Clone, PartialEq)]
pub struct WordRef<'a> {
    /// Start byte in the folded text.
    pub start: usize,
    /// End byte in the folded text.
    pub end: usize,
    /// The word, folded (numbers lose their thousands separators).
    pub text: Cow<'a, str>,
}

/// The character at byte `i` of `s` (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// The words of a folded text, as [`words`] splits them, without copying those that are a
/// slice of the text.
pub fn word_refs(folded: &str) -> impl Iterator<Item = WordRef<'_>> {
    let bytes = folded.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(c) = char_at(folded, i) {
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            // the form is a slice of the text until a separator is left out of it
            let mut owned: Option<String> = None;
            let numeric = c.is_ascii_digit();
            while let Some(c) = char_at(folded, i) {
                if c.is_alphanumeric() {
                    if let Some(o) = owned.as_mut() {
                        o.push(c);
                    }
                    i += c.len_utf8();
                } else if numeric
                    && (c == ',' || c == '.')
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())
                {
                    owned.get_or_insert_with(|| folded[start..i].to_string());
                    i += 1;
                } else {
                    break;
                }
            }
            let text = match owned {
                Some(o) => Cow::Owned(o),
                None => Cow::Borrowed(&folded[start..i]),
            };
            // "ukraine's" -> "ukraine" (the lone "s" after an apostrophe is dropped)
            if text == "s" && start > 0 && bytes[start - 1] == b'\'' {
                continue;
            }
            return Some(WordRef {
                start,
                end: i,
                text,
            });
        }
        None
    })
}

/// Splits a folded text into words: runs of letters and digits; a number keeps its `,`/`.`
/// separators out of its form; a possessive `'s` is dropped.
pub fn words(folded: &str) -> Vec<Word> {
    word_refs(folded)
        .map(|w| Word {
            start: w.start,
            end: w.end,
            text: w.text.into_owned(),
        })
        .collect()
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Entries the stem cache holds before it starts afresh.
const STEM_CACHE_MAX: usize = 100_000;

thread_local! {
    /// Folded word -> its stem: a text repeats its words, and Snowball is slow.
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Pushes the English (Porter2) stem of a folded word onto `out`.
pub fn stem_into(word: &str, out: &mut String) {
    STEMS.with(|cell| {
        let mut cache = cell.borrow_mut();
        if let Some(s) = cache.get(word) {
            out.push_str(s);
            return;
        }
        let s = STEMMER.stem(word).into_owned();
        out.push_str(&s);
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        cache.insert(word.to_string(), s);
    });
}

/// The English (Porter2) stem of a folded word.
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
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

/// The month a lowercase word names, 1..12: "november", "nov", "sept".
pub fn month_number(w: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
        })
        .and_then(|i| u8::try_from(i + 1).ok())
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

    #[test]
    fn months_by_full_name_three_letters_or_sept() {
        assert_eq!(month_number("november"), Some(11));
        assert_eq!(month_number("nov"), Some(11));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("novem"), None);
        assert_eq!(month_number("mayor"), None);
    }
}
