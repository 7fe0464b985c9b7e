//! Scoring extracted statements against a hand-annotated gold set: the measures of
//! `shared/eval/score.py`, built in so a newsroom can measure the extractor on its own articles.
//!
//! Pure: rows in, a [`Report`] out; it knows only [`crate::model`] and serde. Both sides are JSON Lines rows in the export format
//! (`source_file`, `speaker`, `kind`, `text`, `provisions`, `stance`; the gold adds `aliases` and
//! `optional`). Only the articles named in the gold set are scored. The measures:
//! - pairs: (article, point), which points each source speaks of;
//! - triples: (article, speaker, point), speakers matched through the gold's aliases (the
//!   article's own first, then any article's, then by last word);
//! - statements: a predicted statement with points is right when a gold one (optional ones
//!   included) covers the same words, with the same speaker and a shared point;
//! - quotes: gold quotes found (text overlap) and found with the right speaker;
//! - stance: agreement on the gold statements that were found.
//!
//! Optional gold statements are neither rewarded nor punished.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::Statement;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// One statement, gold or predicted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct Row {
    /// The article's file name.
    #[serde(default)]
    pub source_file: String,
    /// Canonical speaker; `None` for the article's own voice.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Other names of the speaker (gold only).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// quote | paraphrase | report.
    #[serde(default)]
    pub kind: String,
    /// The span of the body.
    #[serde(default)]
    pub text: String,
    /// Point numbers; `[0]` for the plan as a whole; empty when not about the plan.
    #[serde(default)]
    pub provisions: Vec<i64>,
    /// supports | opposes | mixed | neutral.
    #[serde(default)]
    pub stance: String,
    /// Borderline gold statement: neither rewarded nor punished.
    #[serde(default)]
    pub optional: bool,
}

impl Row {
    /// A predicted row from an extracted statement of the article `source_file`.
    pub fn from_statement(source_file: &str, s: &Statement) -> Self {
        Self {
            source_file: source_file.to_string(),
            speaker: s.speaker.as_ref().map(|x| x.name.clone()),
            aliases: Vec::new(),
            kind: s.kind.as_str().to_string(),
            text: s.text.clone(),
            provisions: s.provisions.iter().map(|p| i64::from(p.number)).collect(),
            stance: s.stance.as_str().to_string(),
            optional: false,
        }
    }
}

/// Parses JSON Lines; blank lines are skipped, a bad line is an error naming its number.
pub fn parse_jsonl(text: &str) -> Result<Vec<Row>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(tp: usize, npred: usize, ngold: usize) -> Self {
        let p = if npred > 0 {
            tp as f64 / npred as f64
        } else {
            0.0
        };
        let r = if ngold > 0 {
            tp as f64 / ngold as f64
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Self { p, r, f1 }
    }
}

/// (article, speaker, point).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Triple {
    /// The article's file name.
    pub source_file: String,
    /// Canonical speaker, `None` for the article's own voice.
    pub speaker: Option<String>,
    /// Point number.
    pub point: i64,
}

/// Triple counts of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleScore {
    /// The article's file name.
    pub source_file: String,
    /// Required gold triples.
    pub gold: usize,
    /// Predicted triples (optional ones left out).
    pub predicted: usize,
    /// Triples in both.
    pub correct: usize,
    /// Triple F1 of this article.
    pub f1: f64,
}

/// Everything the scorer measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Articles named in the gold set.
    pub articles: usize,
    /// Required gold statements.
    pub gold_statements: usize,
    /// Optional gold statements.
    pub gold_optional: usize,
    /// Predicted statements of those articles.
    pub predicted: usize,
    /// (article, point) pairs.
    pub pairs: Prf,
    /// (article, speaker, point) triples.
    pub triples: Prf,
    /// Whole statements.
    pub statements: Prf,
    /// Required gold quotes.
    pub quotes: usize,
    /// Gold quotes found.
    pub quotes_found: usize,
    /// Gold quotes found with the right speaker.
    pub quotes_right_speaker: usize,
    /// Required gold statements found.
    pub stance_found: usize,
    /// Of those, found with the gold stance.
    pub stance_agree: usize,
    /// Triple counts per article, by file name.
    pub per_article: Vec<ArticleScore>,
    /// Gold triples not predicted.
    pub misses: Vec<Triple>,
    /// Predicted triples not in the gold set.
    pub extras: Vec<Triple>,
}

/// Normalises like score.py: NFKD without combining marks, curly apostrophes straight,
/// whitespace collapsed, lower case.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .map(|c| match c {
            '\u{2019}' | '\u{02BC}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The ASCII words of the normalised text.
fn words(s: &str) -> BTreeSet<String> {
    norm(s)
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Speaker names -> the gold's canonical speaker: the article's own annotation first.
struct Aliases {
    any: HashMap<String, Option<String>>,
    local: HashMap<String, HashMap<String, Option<String>>>,
}

impl Aliases {
    fn new(gold: &[Row]) -> Self {
        let mut any = HashMap::new();
        let mut local: HashMap<String, HashMap<String, Option<String>>> = HashMap::new();
        for g in gold {
            for name in g.speaker.iter().chain(&g.aliases) {
                if name.is_empty() {
                    continue;
                }
                any.insert(norm(name), g.speaker.clone());
                local
                    .entry(g.source_file.clone())
                    .or_default()
                    .insert(norm(name), g.speaker.clone());
            }
        }
        Self { any, local }
    }

    fn canon(&self, name: Option<&str>, file: &str) -> Option<String> {
        let name = name?;
        let n = norm(name);
        if n.is_empty() {
            return None;
        }
        let last = n.rsplit(' ').next().unwrap_or_default();
        let empty = HashMap::new();
        let tables = [self.local.get(file).unwrap_or(&empty), &self.any];
        for key in [n.as_str(), last] {
            if let Some(found) = tables.iter().find_map(|t| t.get(key)) {
                return found.clone();
            }
        }
        Some(name.to_string())
    }
}

/// True when the two statements of one article cover the same words.
fn overlaps(g: &Row, p: &Row) -> bool {
    if g.source_file != p.source_file {
        return false;
    }
    let (gt, pt) = (norm(&g.text), norm(&p.text));
    if pt.contains(&gt) || (!pt.is_empty() && gt.contains(&pt) && pt.chars().count() >= 12) {
        return true;
    }
    let (gw, pw) = (words(&g.text), words(&p.text));
    !gw.is_empty() && gw.intersection(&pw).count() as f64 / gw.len() as f64 >= 0.6
}

fn triples<'a>(
    rows: impl Iterator<Item = &'a Row>,
    speaker_of: impl Fn(&Row) -> Option<String>,
) -> BTreeSet<Triple> {
    rows.flat_map(|r| {
        let speaker = speaker_of(r);
        r.provisions.iter().map(move |&point| Triple {
            source_file: r.source_file.clone(),
            speaker: speaker.clone(),
            point,
        })
    })
    .collect()
}

fn pairs(t: &BTreeSet<Triple>) -> BTreeSet<(String, i64)> {
    t.iter().map(|x| (x.source_file.clone(), x.point)).collect()
}

/// Scores `pred` against `gold`.
pub fn score(gold: &[Row], pred: &[Row]) -> Report {
    let files: BTreeSet<&str> = gold.iter().map(|g| g.source_file.as_str()).collect();
    let pred: Vec<&Row> = pred
        .iter()
        .filter(|p| files.contains(p.source_file.as_str()))
        .collect();
    let aliases = Aliases::new(gold);
    let canon = |p: &Row| aliases.canon(p.speaker.as_deref(), &p.source_file);
    let required: Vec<&Row> = gold.iter().filter(|g| !g.optional).collect();
    let g_tri = triples(required.iter().copied(), |r| r.speaker.clone());
    let o_tri: BTreeSet<Triple> =
        triples(gold.iter().filter(|g| g.optional), |r| r.speaker.clone())
            .difference(&g_tri)
            .cloned()
            .collect();
    let p_tri: BTreeSet<Triple> = triples(pred.iter().copied(), canon)
        .difference(&o_tri)
        .cloned()
        .collect();
    let g_pair = pairs(&g_tri);
    let o_pair: BTreeSet<_> = pairs(&o_tri).difference(&g_pair).cloned().collect();
    let p_pair: BTreeSet<_> = triples(pred.iter().copied(), |_| None)
        .iter()
        .map(|x| (x.source_file.clone(), x.point))
        .filter(|x| !o_pair.contains(x))
        .collect();
    let mut report = Report {
        articles: files.len(),
        gold_statements: required.len(),
        gold_optional: gold.len() - required.len(),
        predicted: pred.len(),
        pairs: Prf::new(
            p_pair.intersection(&g_pair).count(),
            p_pair.len(),
            g_pair.len(),
        ),
        triples: Prf::new(p_tri.intersection(&g_tri).count(), p_tri.len(), g_tri.len()),
        misses: g_tri.difference(&p_tri).cloned().collect(),
        extras: p_tri.difference(&g_tri).cloned().collect(),
        per_article: per_article(&files, &g_tri, &p_tri),
        ..Report::default()
    };
    found_measures(&mut report, gold, &required, &pred, &canon);
    report
}

/// Quotes, stance and whole statements: the measures that compare texts.
fn found_measures(
    report: &mut Report,
    gold: &[Row],
    required: &[&Row],
    pred: &[&Row],
    canon: &dyn Fn(&Row) -> Option<String>,
) {
    for g in required {
        let hits: Vec<&&Row> = pred.iter().filter(|p| overlaps(g, p)).collect();
        if g.kind == "quote" {
            report.quotes += 1;
            if !hits.is_empty() {
                report.quotes_found += 1;
                if hits.iter().any(|p| canon(p) == g.speaker) {
                    report.quotes_right_speaker += 1;
                }
            }
        }
        if !hits.is_empty() {
            report.stance_found += 1;
            if hits.iter().any(|p| p.stance == g.stance) {
                report.stance_agree += 1;
            }
        }
    }
    let same = |g: &Row, p: &Row| {
        overlaps(g, p)
            && canon(p) == g.speaker
            && g.provisions.iter().any(|x| p.provisions.contains(x))
    };
    let plan: Vec<&&Row> = pred.iter().filter(|p| !p.provisions.is_empty()).collect();
    let tp_p = plan
        .iter()
        .filter(|p| gold.iter().any(|g| same(g, p)))
        .count();
    let tp_r = required
        .iter()
        .filter(|g| plan.iter().any(|p| same(g, p)))
        .count();
    let p = if plan.is_empty() {
        0.0
    } else {
        tp_p as f64 / plan.len() as f64
    };
    let r = if required.is_empty() {
        0.0
    } else {
        tp_r as f64 / required.len() as f64
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    report.statements = Prf { p, r, f1 };
}

fn per_article(
    files: &BTreeSet<&str>,
    g_tri: &BTreeSet<Triple>,
    p_tri: &BTreeSet<Triple>,
) -> Vec<ArticleScore> {
    let mut by: BTreeMap<&str, ArticleScore> = files
        .iter()
        .map(|f| {
            let s = ArticleScore {
                source_file: (*f).to_string(),
                ..ArticleScore::default()
            };
            (*f, s)
        })
        .collect();
    for t in g_tri {
        if let Some(a) = by.get_mut(t.source_file.as_str()) {
            a.gold += 1;
            a.correct += usize::from(p_tri.contains(t));
        }
    }
    for t in p_tri {
        if let Some(a) = by.get_mut(t.source_file.as_str()) {
            a.predicted += 1;
        }
    }
    by.into_values()
        .map(|mut a| {
            a.f1 = Prf::new(a.correct, a.predicted, a.gold).f1;
            a
        })
        .collect()
}

fn triple_text(t: &Triple) -> String {
    let speaker = t
        .speaker
        .as_deref()
        .map_or("None".into(), |s| format!("'{s}'"));
    format!("('{}', {speaker}, {})", t.source_file, t.point)
}

/// The report as score.py prints it, then a per-article table; `quiet` leaves out the table,
/// the misses and the extras.
pub fn render(r: &Report, quiet: bool) -> String {
    let mut out = String::new();
    let prf = |x: &Prf| format!("P={:.3} R={:.3} F1={:.3}", x.p, x.r, x.f1);
    let _ = writeln!(
        out,
        "articles {}  gold statements {} (+{} optional)  predicted {}",
        r.articles, r.gold_statements, r.gold_optional, r.predicted
    );
    let _ = writeln!(out, "pairs    {}  (article, point)", prf(&r.pairs));
    let _ = writeln!(
        out,
        "triples  {}  (article, speaker, point)",
        prf(&r.triples)
    );
    let _ = writeln!(
        out,
        "statements {}  (same words, speaker and a point as a gold statement)",
        prf(&r.statements)
    );
    let _ = writeln!(
        out,
        "quotes   found {}/{}, right speaker {}/{}",
        r.quotes_found, r.quotes, r.quotes_right_speaker, r.quotes
    );
    let _ = writeln!(
        out,
        "stance   {}/{} of the gold statements found",
        r.stance_agree, r.stance_found
    );
    if !quiet {
        let _ = writeln!(
            out,
            "  {:<48} {:>5} {:>5} {:>5} {:>6}",
            "article", "gold", "pred", "right", "F1"
        );
        for a in &r.per_article {
            let _ = writeln!(
                out,
                "  {:<48} {:>5} {:>5} {:>5} {:>6.3}",
                a.source_file, a.gold, a.predicted, a.correct, a.f1
            );
        }
        for t in &r.misses {
            let _ = writeln!(out, "  miss  {}", triple_text(t));
        }
        for t in &r.extras {
            let _ = writeln!(out, "  extra {}", triple_text(t));
        }
    }
    let _ = writeln!(out, "triple_f1 {:.3}", r.triples.f1);
    out
}

#[cfg(test)]
mod tests;
