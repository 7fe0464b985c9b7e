//! Full-text search: turning what a person typed into a safe SQLite FTS5 query, and reading
//! the hit markers that `highlight()` and `snippet()` put around matches.
//!
//! The query language is small on purpose: words and `"quoted phrases"` must all match, `OR`
//! between two terms matches either, and a word ending in `*` matches as a prefix. Every term
//! is passed to FTS5 as a quoted string, so no input can be an FTS5 syntax error: unbalanced
//! quotes close at the end, stray operators and punctuation are words (or dropped).

/// Put before each hit by the highlight queries (a control character no article contains
/// after [`split_marks`] has taken it out).
pub const MARK_OPEN: char = '\u{2}';
/// Put after each hit.
pub const MARK_CLOSE: char = '\u{3}';

/// The longest search accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most terms accepted.
pub const MAX_TERMS: usize = 16;

/// Why a search cannot be run, for the 400 page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Longer than [`MAX_QUERY_CHARS`].
    TooLong,
    /// More than [`MAX_TERMS`] terms.
    TooManyTerms,
    /// Nothing to search for (only punctuation or operators).
    NoWords,
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::TooLong => write!(f, "a search has at most {MAX_QUERY_CHARS} characters"),
            QueryError::TooManyTerms => write!(f, "a search has at most {MAX_TERMS} words"),
            QueryError::NoWords => write!(f, "it takes words to search for"),
        }
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Term { text: String, prefix: bool },
    Or,
}

fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut phrase = String::new();
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                phrase.push(c);
            }
            let prefix = chars.peek() == Some(&'*');
            if prefix {
                chars.next();
            }
            out.push(Token::Term {
                text: phrase,
                prefix,
            });
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            if word == "OR" || word == "|" {
                out.push(Token::Or);
            } else {
                let prefix = word.ends_with('*');
                let text = word.trim_end_matches('*').to_string();
                out.push(Token::Term { text, prefix });
            }
        }
    }
    out
}

/// The spelling variants of one name (`seeds/spellings.toml`), searched as alternatives.
const SPELLINGS_TOML: &str = include_str!("../../seeds/spellings.toml");

#[derive(serde::Deserialize)]
struct Spellings {
    groups: Vec<Vec<String>>,
}

/// The groups of [`SPELLINGS_TOML`], read once (none if it cannot be read: a test checks it
/// can).
fn spelling_groups() -> &'static [Vec<String>] {
    static GROUPS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        toml::from_str::<Spellings>(SPELLINGS_TOML)
            .map(|s| s.groups)
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "seeds/spellings.toml cannot be read");
                Vec::new()
            })
    })
}

/// A word and its other spellings (`donbas` -> `donbas`, `donbass`); the word alone when it
/// has none.
fn spellings_of(word: &str) -> Vec<String> {
    let lower = word.to_lowercase();
    spelling_groups()
        .iter()
        .find(|g| g.contains(&lower))
        .cloned()
        .unwrap_or_else(|| vec![word.to_string()])
}

fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// One term of a search: a word or phrase, matched whole or (`prefix`) as the start of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word or phrase as typed (no control characters).
    pub text: String,
    /// Whether it matches as a prefix (typed with a trailing `*`).
    pub prefix: bool,
}

/// What a person typed as a search: groups that must all match, each matching when any of its
/// terms does (`OR`, or the spellings of one name). Both engines' queries are built from it.
pub fn query_groups(input: &str) -> Result<Vec<Vec<Term>>, QueryError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong);
    }
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut pending_or = false;
    let mut terms = 0;
    for token in tokens(input) {
        match token {
            Token::Or => pending_or = !groups.is_empty(),
            Token::Term { text, prefix } => {
                // control characters (our hit markers among them) are never searched
                let text: String = text.chars().filter(|c| !c.is_control()).collect();
                if !has_word(&text) {
                    continue;
                }
                terms += 1;
                if terms > MAX_TERMS {
                    return Err(QueryError::TooManyTerms);
                }
                let ways: Vec<Term> = if prefix {
                    vec![Term {
                        text: text.trim().to_string(),
                        prefix,
                    }]
                } else {
                    // a name written several ways matches every way it is written
                    spellings_of(text.trim())
                        .into_iter()
                        .map(|text| Term {
                            text,
                            prefix: false,
                        })
                        .collect()
                };
                match groups.last_mut() {
                    Some(last) if pending_or => last.extend(ways),
                    _ => groups.push(ways),
                }
                pending_or = false;
            }
        }
    }
    if groups.is_empty() {
        return Err(QueryError::NoWords);
    }
    Ok(groups)
}

/// The FTS5 MATCH expression for what a person typed: every term a quoted string.
pub fn match_expression(input: &str) -> Result<String, QueryError> {
    Ok(query_groups(input)?
        .iter()
        .map(|group| {
            let p = group
                .iter()
                .map(|t| {
                    if t.prefix {
                        format!("{}*", quote(&t.text))
                    } else {
                        quote(&t.text)
                    }
                })
                .collect::<Vec<_>>()
                .join(" OR ");
            if p.contains(" OR ") {
                format!("({p})")
            } else {
                p
            }
        })
        .collect::<Vec<_>>()
        .join(" AND "))
}

/// A term as PostgreSQL's `websearch_to_tsquery` reads it: a quoted phrase (it reads any text
/// without error, and inside quotes no word is an operator), without `<` (which its parser
/// would take for the start of markup, as the stored vectors do not: migration 0002).
pub fn websearch_phrase(term: &str) -> String {
    format!("\"{}\"", term.replace(['"', '<'], " "))
}

/// A prefix term as PostgreSQL's `to_tsquery` reads it: its words, letters and digits only,
/// each a prefix, in sequence (`sanction*` -> `sanction:*`); `None` when no word is left.
pub fn prefix_tsquery(term: &str) -> Option<String> {
    let words: Vec<String> = term
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("{w}:*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" <-> "))
}

/// Splits text marked by the highlight queries into (text, is_hit) runs, balanced: a stray
/// marker is dropped, an unclosed hit ends with the text. The runs are plain text, to be
/// escaped by the template.
pub fn split_marks(marked: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let mut in_hit = false;
    for c in marked.chars() {
        let flip = (c == MARK_OPEN && !in_hit) || (c == MARK_CLOSE && in_hit);
        if flip {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), in_hit));
            }
            in_hit = !in_hit;
        } else if c != MARK_OPEN && c != MARK_CLOSE {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push((current, in_hit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_quoted_and_operators_kept_only_between_terms() {
        assert_eq!(
            match_expression("army cap"),
            Ok("\"army\" AND \"cap\"".into())
        );
        assert_eq!(
            match_expression("NATO OR alliance \"security guarantees\""),
            Ok("(\"NATO\" OR \"alliance\") AND \"security guarantees\"".into())
        );
        assert_eq!(match_expression("sanction*"), Ok("\"sanction\"*".into()));
        assert_eq!(match_expression("OR army OR"), Ok("\"army\"".into()));
        assert_eq!(
            match_expression("\"unbalanced"),
            Ok("\"unbalanced\"".into())
        );
        assert_eq!(
            match_expression("NOT AND NEAR(a b)"),
            Ok("\"NOT\" AND \"AND\" AND \"NEAR(a\" AND \"b)\"".into())
        );
        assert_eq!(match_expression("a\"b"), Ok("\"a\" AND \"b\"".into()));
    }

    #[test]
    fn a_name_spelled_several_ways_matches_every_spelling() {
        assert!(
            !spelling_groups().is_empty(),
            "seeds/spellings.toml is read"
        );
        let both = Ok("(\"donbas\" OR \"donbass\") AND \"troops\"".to_string());
        assert_eq!(match_expression("Donbas troops"), both);
        assert_eq!(match_expression("DONBASS troops"), both);
        assert_eq!(
            match_expression("Kiev OR Moscow"),
            Ok("(\"kyiv\" OR \"kiev\" OR \"Moscow\")".into())
        );
        // a prefix is the prefix typed
        assert_eq!(match_expression("donbas*"), Ok("\"donbas\"*".into()));
    }

    #[test]
    fn postgres_terms_are_phrases_or_plain_prefixes() {
        assert_eq!(websearch_phrase("or -army"), "\"or -army\"");
        assert_eq!(websearch_phrase("a\"b"), "\"a b\"");
        assert_eq!(websearch_phrase("<script>alert"), "\" script>alert\"");
        assert_eq!(prefix_tsquery("sanction"), Some("sanction:*".into()));
        assert_eq!(
            prefix_tsquery("peace pl!an"),
            Some("peace:* <-> pl:* <-> an:*".into())
        );
        assert_eq!(prefix_tsquery("&|!"), None);
        let groups = query_groups("Kiev OR Moscow sanction*").unwrap_or_default();
        let texts: Vec<Vec<(&str, bool)>> = groups
            .iter()
            .map(|g| g.iter().map(|t| (t.text.as_str(), t.prefix)).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec![("kyiv", false), ("kiev", false), ("Moscow", false)],
                vec![("sanction", true)]
            ]
        );
    }

    #[test]
    fn nothing_to_search_and_too_long_are_errors() {
        for q in ["*", "\"\"", "OR", "- + ^", "\u{2}"] {
            assert_eq!(match_expression(q), Err(QueryError::NoWords), "{q:?}");
        }
        assert_eq!(
            match_expression(&"a".repeat(MAX_QUERY_CHARS + 1)),
            Err(QueryError::TooLong)
        );
        assert_eq!(
            match_expression(&"a ".repeat(MAX_TERMS + 1)),
            Err(QueryError::TooManyTerms)
        );
    }

    #[test]
    fn marks_split_into_balanced_runs() {
        let m = format!("a {MARK_OPEN}<b>{MARK_CLOSE} c {MARK_CLOSE}d{MARK_OPEN}e");
        assert_eq!(
            split_marks(&m),
            vec![
                ("a ".to_string(), false),
                ("<b>".to_string(), true),
                (" c d".to_string(), false),
                ("e".to_string(), true)
            ]
        );
    }
}
