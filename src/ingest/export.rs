//! Statements -> JSON Lines in the format `shared/eval/score.py` reads.

use serde::Serialize;

/// One line of the export.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ExportLine {
    /// Statement id in the database.
    pub id: i64,
    /// The article's file name.
    pub source_file: String,
    /// Canonical speaker name; `null` for the article's own voice.
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
