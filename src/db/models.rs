//! Rows read from the database.

use serde::Serialize;
use sqlx::FromRow;

use jiff::civil::Date;

use crate::model::{Kind, PointNumber, Stance};

/// A category of points.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct CategoryRow {
    /// URL identifier.
    pub slug: String,
    /// A to D.
    pub letter: String,
    /// Name.
    pub name: String,
    /// One sentence.
    pub description: String,
}

/// A point of the plan.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct ProvisionRow {
    /// 0 to [`crate::model::PointNumber::LAST`].
    pub number: i64,
    /// Category slug; `None` for point 0.
    pub category: Option<String>,
    /// Short title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// JSON array of sub-points.
    pub sub_points: String,
    /// JSON array of vocabulary.
    pub keywords: String,
}

impl ProvisionRow {
    /// The sub-points as a list.
    pub fn sub_point_list(&self) -> Vec<String> {
        serde_json::from_str(&self.sub_points).unwrap_or_default()
    }

    /// The vocabulary as a list.
    pub fn keyword_list(&self) -> Vec<String> {
        serde_json::from_str(&self.keywords).unwrap_or_default()
    }

    /// "Point 6" or "The plan as a whole".
    pub fn label(&self) -> String {
        if self.number == 0 {
            "Plan as a whole".to_string()
        } else {
            format!("Point {}", self.number)
        }
    }
}

/// An article.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct SourceRow {
    /// Id.
    pub id: i64,
    /// File it was ingested from.
    pub file_name: String,
    /// Publisher.
    pub publisher: String,
    /// Title.
    pub title: String,
    /// YYYY-MM-DD.
    pub published_date: Option<String>,
    /// HH:MM.
    pub published_time: Option<String>,
    /// URL.
    pub url: String,
    /// Number of statements.
    pub statements: i64,
}

impl SourceRow {
    /// "2025-11-24 · TASS".
    pub fn dateline(&self) -> String {
        let mut s = self
            .published_date
            .clone()
            .unwrap_or_else(|| "undated".into());
        if let Some(t) = &self.published_time {
            s.push(' ');
            s.push_str(t);
        }
        if !self.publisher.is_empty() {
            s.push_str(" · ");
            s.push_str(&self.publisher);
        }
        s
    }

    /// Publisher, or the file name when unknown.
    pub fn short_name(&self) -> String {
        if self.publisher.is_empty() {
            self.file_name.clone()
        } else {
            self.publisher.clone()
        }
    }
}

/// A speaker with the number of statements.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct SpeakerRow {
    /// Id.
    pub id: i64,
    /// URL identifier.
    pub slug: String,
    /// Canonical name.
    pub name: String,
    /// person, body, media, unnamed.
    pub kind: String,
    /// Role.
    pub role: String,
    /// Organisation.
    pub organisation: String,
    /// Country.
    pub country: String,
    /// From the seeds (1) or first seen in an article (0).
    pub known: i64,
    /// Number of statements.
    pub statements: i64,
}

/// A statement with what the pages show about it.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct StatementRow {
    /// Id.
    pub id: i64,
    /// Source id.
    pub source_id: i64,
    /// Source file name.
    pub file_name: String,
    /// Source title.
    pub source_title: String,
    /// Source publisher.
    pub publisher: String,
    /// Source date.
    pub published_date: Option<String>,
    /// Speaker slug (`None` for the article's own voice).
    pub speaker_slug: Option<String>,
    /// Speaker name.
    pub speaker_name: Option<String>,
    /// How the speaker was resolved.
    pub speaker_via: String,
    /// Quote, paraphrase or report.
    pub kind: Kind,
    /// Supports, opposes, mixed or neutral.
    pub stance: Stance,
    /// Words that set the stance.
    pub stance_cues: String,
    /// The words.
    pub text: String,
    /// Byte offsets in the body.
    pub span_start: i64,
    /// Byte offsets in the body.
    pub span_end: i64,
    /// Rule that fired.
    pub rule: String,
    /// Confidence (stored from an `f32`; shown and serialised to two decimals).
    #[serde(serialize_with = "two_decimals")]
    pub confidence: f64,
    /// `reviewed` (an editor confirmed it), `corrected` (an editor changed it) or `` (not
    /// reviewed).
    pub review: String,
    /// `number=evidence` pairs joined by `|` (internal: the JSON gives them as `provisions`).
    #[serde(skip)]
    pub links: String,
}

/// A confidence rounded to two decimals: 0.6 rather than the stored 0.6000000238418579.
pub fn round_confidence(c: f64) -> f64 {
    (c * 100.0).round() / 100.0
}

fn two_decimals<S: serde::Serializer>(c: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round_confidence(*c))
}

/// One point a statement is linked to.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LinkView {
    /// Point number.
    pub number: i64,
    /// The words that linked it.
    pub evidence: String,
}

impl StatementRow {
    /// The linked points with their evidence.
    pub fn link_list(&self) -> Vec<LinkView> {
        self.links
            .split('|')
            .filter_map(|part| {
                let (n, e) = part.split_once('=')?;
                Some(LinkView {
                    number: n.parse().ok()?,
                    evidence: e.to_string(),
                })
            })
            .collect()
    }

    /// The confidence as shown: two decimals at most ("0.6", "0.75").
    pub fn confidence_shown(&self) -> String {
        round_confidence(self.confidence).to_string()
    }

    /// What the statement is about, for its heading: "point 5", "points 5 and 6", "the 28-point plan".
    pub fn about(&self) -> String {
        let points: Vec<String> = self
            .provision_numbers()
            .into_iter()
            .filter(|n| *n != 0)
            .map(|n| n.to_string())
            .collect();
        match points.as_slice() {
            [] => "the 28-point plan".to_string(),
            [one] => format!("point {one}"),
            [first @ .., last] => format!("points {} and {last}", first.join(", ")),
        }
    }

    /// Point numbers only.
    pub fn provision_numbers(&self) -> Vec<i64> {
        self.link_list().into_iter().map(|l| l.number).collect()
    }

    /// The text as one run that is not a search hit (the form of a statement card's text).
    pub fn plain_runs(&self) -> Vec<(String, bool)> {
        vec![(self.text.clone(), false)]
    }

    /// Speaker name or "the article".
    pub fn speaker_label(&self) -> String {
        self.speaker_name
            .clone()
            .unwrap_or_else(|| "The article".into())
    }

    /// Source label: "TASS, 2025-11-24".
    pub fn source_label(&self) -> String {
        let who = if self.publisher.is_empty() {
            self.file_name.as_str()
        } else {
            self.publisher.as_str()
        };
        match &self.published_date {
            Some(d) => format!("{who}, {d}"),
            None => who.to_string(),
        }
    }
}

/// One cell of a matrix: how many statements a column makes on a point, by stance.
#[derive(Debug, Clone, FromRow, Serialize, Default)]
pub struct CellRow {
    /// Point.
    pub provision: i64,
    /// Source id or speaker id.
    pub column_id: i64,
    /// Statements.
    pub total: i64,
    /// Of which supports.
    pub supports: i64,
    /// Of which opposes.
    pub opposes: i64,
    /// Of which mixed.
    pub mixed: i64,
    /// Of which neutral.
    pub neutral: i64,
}

/// The order of a statement list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// Oldest article first (undated last), then in text order. The default.
    #[default]
    Date,
    /// Newest article first (undated last), each article in text order.
    DateDesc,
    /// By publisher name, then oldest first.
    Source,
}

impl Sort {
    /// Every order, for the form.
    pub const ALL: [Sort; 3] = [Sort::Date, Sort::DateDesc, Sort::Source];

    /// The URL value: `date`, `-date`, `source`.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::DateDesc => "-date",
            Sort::Source => "source",
        }
    }

    /// Parses [`Sort::as_str`].
    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// For people.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "oldest first",
            Sort::DateDesc => "newest first",
            Sort::Source => "by source",
        }
    }
}

/// A position in a sorted statement list: the sort key of one row. Rows strictly after (or
/// before) it are the next (or previous) page, so pages stay stable while rows are added.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cursor {
    /// The article's date (`None` when undated).
    pub date: Option<String>,
    /// The article's publisher.
    pub publisher: String,
    /// The article.
    pub source_id: i64,
    /// Byte offset of the statement in the article.
    pub span_start: i64,
    /// The statement.
    pub id: i64,
}

impl Cursor {
    /// The key of a row.
    pub fn of(row: &StatementRow) -> Cursor {
        Cursor {
            date: row.published_date.clone(),
            publisher: row.publisher.clone(),
            source_id: row.source_id,
            span_start: row.span_start,
            id: row.id,
        }
    }

    /// URL form: `id.source.span.date.publisher-hex` (date `-` when undated), URL-safe.
    pub fn encode(&self) -> String {
        let hex: String = self.publisher.bytes().map(|b| format!("{b:02x}")).collect();
        format!(
            "{}.{}.{}.{}.{hex}",
            self.id,
            self.source_id,
            self.span_start,
            self.date.as_deref().unwrap_or("-")
        )
    }

    /// Parses [`Cursor::encode`]; `None` for anything else.
    pub fn decode(s: &str) -> Option<Cursor> {
        let mut parts = s.split('.');
        let id = parts.next()?.parse().ok()?;
        let source_id = parts.next()?.parse().ok()?;
        let span_start = parts.next()?.parse().ok()?;
        let date = match parts.next()? {
            "-" => None,
            d if is_date(d) => Some(d.to_string()),
            _ => return None,
        };
        let hex = parts.next()?;
        if parts.next().is_some() || hex.len() % 2 != 0 || hex.len() > 1000 {
            return None;
        }
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        Some(Cursor {
            date,
            publisher: String::from_utf8(bytes).ok()?,
            source_id,
            span_start,
            id,
        })
    }
}

/// A real calendar date written `YYYY-MM-DD` (and nothing else: the date written back must be
/// the text read). Parsed by jiff, so the calendar rules are not ours to get wrong.
pub fn parse_date(s: &str) -> Option<Date> {
    s.parse::<Date>().ok().filter(|d| d.to_string() == s)
}

/// True for a real calendar date written `YYYY-MM-DD` (see [`parse_date`]).
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Which way a keyset page goes from its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Rows after the cursor (the next page).
    #[default]
    After,
    /// Rows before the cursor (the previous page).
    Before,
}

/// A validated filter over statements. Empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatementFilter {
    /// Points.
    pub provisions: Vec<PointNumber>,
    /// Category slugs.
    pub categories: Vec<String>,
    /// Speaker slugs.
    pub speakers: Vec<String>,
    /// Source ids.
    pub sources: Vec<i64>,
    /// Kinds.
    pub kinds: Vec<Kind>,
    /// Stances.
    pub stances: Vec<Stance>,
    /// `yes` (reviewed or corrected by an editor) and/or `no`.
    pub reviewed: Vec<String>,
    /// Slugs of the plan's versions the statements speak of.
    pub versions: Vec<String>,
    /// Full-text search words, as typed (trimmed); matched by [`super::fts`].
    pub q: Option<String>,
    /// Articles dated on or after.
    pub from: Option<Date>,
    /// Articles dated on or before.
    pub to: Option<Date>,
    /// Order.
    pub sort: Sort,
    /// Keyset position and direction.
    pub cursor: Option<(Cursor, Direction)>,
    /// Rows per page.
    pub limit: i64,
    /// Rows to skip (the old `page`; ignored with a cursor).
    pub offset: i64,
}

/// What a filtered list holds: statements, and the speakers and sources among them.
#[derive(Debug, Clone, Copy, Default, FromRow, Serialize, PartialEq)]
pub struct FilterStats {
    /// Statements.
    pub statements: i64,
    /// Distinct speakers (the article's own voice not counted).
    pub speakers: i64,
    /// Distinct sources.
    pub sources: i64,
}

/// One value of a facet and how many statements have it.
#[derive(Debug, Clone, FromRow, Serialize, PartialEq)]
pub struct FacetCount {
    /// The URL value (point number, slug, source id, kind, stance).
    pub value: String,
    /// For people.
    pub label: String,
    /// Statements.
    pub count: i64,
}

/// A source matching a full-text search, with a snippet of its body.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct SourceHit {
    /// Id.
    pub id: i64,
    /// Publisher.
    pub publisher: String,
    /// Title.
    pub title: String,
    /// File name.
    pub file_name: String,
    /// YYYY-MM-DD.
    pub published_date: Option<String>,
    /// Body text around the hits, with [`super::fts::MARK_OPEN`] / [`super::fts::MARK_CLOSE`]
    /// around each hit.
    pub snippet: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            date: Some("2025-11-24".into()),
            publisher: "Інтерфакс, \"TASS\" & co.".into(),
            source_id: 3,
            span_start: 1200,
            id: 77,
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c.clone()));
        let undated = Cursor { date: None, ..c };
        assert_eq!(Cursor::decode(&undated.encode()), Some(undated));
        for bad in [
            "",
            "1.2.3",
            "1.2.3.-.zz",
            "1.2.3.2025-02-30.",
            "a.2.3.-.",
            "1.2.3.-.4.5",
            "1.2.3.-.ff",
        ] {
            assert_eq!(Cursor::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_are_real_calendar_days() {
        for good in ["2025-11-24", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "2025-11-24x",
            "+025-11-24",
            "2025-11-3١",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
