//! Rows read from the database.

use serde::Serialize;
use sqlx::FromRow;

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
    /// 0 to 28.
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
    /// quote, paraphrase, report.
    pub kind: String,
    /// supports, opposes, mixed, neutral.
    pub stance: String,
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
    /// Confidence.
    pub confidence: f64,
    /// `number=evidence` pairs joined by `|`.
    pub links: String,
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

    /// Point numbers only.
    pub fn provision_numbers(&self) -> Vec<i64> {
        self.link_list().into_iter().map(|l| l.number).collect()
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

/// A validated filter over statements. Empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatementFilter {
    /// Point numbers.
    pub provisions: Vec<i64>,
    /// Category slugs.
    pub categories: Vec<String>,
    /// Speaker slugs.
    pub speakers: Vec<String>,
    /// Source ids.
    pub sources: Vec<i64>,
    /// Kinds.
    pub kinds: Vec<String>,
    /// Stances.
    pub stances: Vec<String>,
    /// Rows per page.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
}
