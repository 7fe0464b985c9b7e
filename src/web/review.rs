//! What the statement page shows of the editors' work (the review mark, the correction log, and
//! for a signed-in editor the review form) and the form read into a [`Review`]. Shared by
//! `handlers::statements` (the page) and `handlers::review` (the form's target).

use axum::http::HeaderMap;
use serde::Deserialize;

use crate::db::models::StatementRow;
use crate::db::review::{self, CorrectionRow, Review, SpeakerChoice};
use crate::model::{Kind, PointNumber, Stance};
use crate::web::error::{WebError, WebResult};
use crate::web::session::{self, Editor};
use crate::web::state::AppState;

/// Longest note kept, in characters.
pub const MAX_NOTE: usize = 2000;
/// Speakers suggested in the form.
const SUGGESTED: i64 = 300;

/// The review part of a statement page.
pub struct ReviewBox {
    /// The correction log, oldest first.
    pub log: Vec<CorrectionRow>,
    /// The editor signed in, if any (only then is the form shown).
    pub editor: Option<Editor>,
    /// Speaker names suggested in the form.
    pub speakers: Vec<String>,
    /// The statement's points as the form shows them (`6, 21`).
    pub points: String,
    /// The kinds, for the form.
    pub kinds: [Kind; 3],
    /// The stances, for the form.
    pub stances: [Stance; 4],
}

impl ReviewBox {
    /// The log of `s`, and the form when an editor is signed in.
    pub async fn load(state: &AppState, headers: &HeaderMap, s: &StatementRow) -> WebResult<Self> {
        let editor = session::current(state, headers).await?;
        let speakers = if editor.is_some() {
            review::speaker_names(&state.pool, SUGGESTED).await?
        } else {
            Vec::new()
        };
        Ok(Self {
            log: review::log(&state.pool, s.id).await?,
            editor,
            speakers,
            points: s
                .provision_numbers()
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            kinds: Kind::ALL,
            stances: Stance::ALL,
        })
    }
}

/// The review form of `/statements/{id}`.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ReviewForm {
    /// The session's token.
    pub csrf: String,
    /// `confirm` (as extracted) or `save` (the fields as sent).
    pub action: String,
    /// A speaker's name (existing or new); empty for the article's own voice.
    pub speaker: String,
    /// Point numbers, separated by commas or spaces.
    pub points: String,
    /// A kind.
    pub kind: String,
    /// A stance.
    pub stance: String,
    /// Present when the statement is not about the plan.
    pub not_plan: Option<String>,
    /// Why.
    pub note: String,
}

fn bad(what: &str) -> WebError {
    WebError::BadRequest(what.to_string())
}

/// Parses point numbers (`6, 21`), sorted and without repeats.
fn parse_points(raw: &str) -> WebResult<Vec<i64>> {
    let mut points = Vec::new();
    for part in raw.split([',', ' ', ';']).filter(|p| !p.trim().is_empty()) {
        let p = PointNumber::parse(part.trim()).ok_or_else(|| {
            bad(&format!(
                "Points are numbers from 0 to {} (0 for the plan as a whole).",
                PointNumber::LAST
            ))
        })?;
        points.push(p.number());
    }
    points.sort_unstable();
    points.dedup();
    if points.is_empty() {
        return Err(bad(
            "A statement is about at least one point (0 for the plan as a whole).",
        ));
    }
    Ok(points)
}

impl ReviewForm {
    /// The review the form asks for, against the statement `s` as it is.
    pub async fn review(&self, state: &AppState, s: &StatementRow) -> WebResult<Review> {
        let note: String = self.note.trim().chars().take(MAX_NOTE).collect();
        if self.action == "confirm" {
            return Ok(Review {
                note,
                ..Review::default()
            });
        }
        let speaker = self.speaker.trim();
        let speaker = if speaker == s.speaker_name.as_deref().unwrap_or("") {
            None
        } else if speaker.is_empty() || speaker.eq_ignore_ascii_case("the article") {
            Some(SpeakerChoice::Article)
        } else if speaker.chars().count() > 120 || speaker.chars().any(char::is_control) {
            return Err(bad("A speaker's name is at most 120 characters."));
        } else {
            match review::find_speaker(&state.writer, speaker).await? {
                Some(slug) => Some(SpeakerChoice::Existing(slug)),
                None if crate::text::slugify(speaker).is_empty() => {
                    return Err(bad("A new speaker's name needs letters or digits."));
                }
                None => Some(SpeakerChoice::New(speaker.to_string())),
            }
        };
        let kind = Kind::parse(&self.kind)
            .ok_or_else(|| bad("The kind is quote, paraphrase or report."))?;
        let stance = Stance::parse(&self.stance)
            .ok_or_else(|| bad("The stance is supports, opposes, mixed or neutral."))?;
        Ok(Review {
            speaker,
            points: Some(parse_points(&self.points)?),
            kind: Some(kind),
            stance: Some(stance),
            not_plan: self.not_plan.is_some(),
            note,
        })
    }
}

/// A statement card of the review queue (the card partial wants the row and its text runs).
pub struct Card {
    /// The statement.
    pub s: StatementRow,
    /// Its text as one run.
    pub runs: Vec<(String, bool)>,
}

impl From<StatementRow> for Card {
    fn from(s: StatementRow) -> Self {
        Self {
            runs: s.plain_runs(),
            s,
        }
    }
}

/// The form that adds a missed statement on `/sources/{id}`.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct AddForm {
    /// The session's token.
    pub csrf: String,
    /// The words, pasted or selected: an exact part of the article.
    pub words: String,
    /// A speaker's name (existing or new); empty for the article's own voice.
    pub speaker: String,
    /// Point numbers.
    pub points: String,
    /// A kind.
    pub kind: String,
    /// A stance.
    pub stance: String,
    /// Why.
    pub note: String,
}

impl AddForm {
    /// The statement the form adds.
    pub async fn added(&self, state: &AppState) -> WebResult<review::Added> {
        let words = self.words.trim();
        if words.is_empty() || words.len() > 5000 {
            return Err(bad(
                "Paste or select the statement's words (at most 5,000 bytes).",
            ));
        }
        let speaker = self.speaker.trim();
        let speaker = if speaker.is_empty() || speaker.eq_ignore_ascii_case("the article") {
            SpeakerChoice::Article
        } else if speaker.chars().count() > 120 || speaker.chars().any(char::is_control) {
            return Err(bad("A speaker's name is at most 120 characters."));
        } else if let Some(slug) = review::find_speaker(&state.writer, speaker).await? {
            SpeakerChoice::Existing(slug)
        } else if crate::text::slugify(speaker).is_empty() {
            return Err(bad("A new speaker's name needs letters or digits."));
        } else {
            SpeakerChoice::New(speaker.to_string())
        };
        Ok(review::Added {
            words: words.to_string(),
            speaker,
            points: parse_points(&self.points)?,
            kind: Kind::parse(&self.kind)
                .ok_or_else(|| bad("The kind is quote, paraphrase or report."))?,
            stance: Stance::parse(&self.stance)
                .ok_or_else(|| bad("The stance is supports, opposes, mixed or neutral."))?,
            note: self.note.trim().chars().take(MAX_NOTE).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_read_checked_and_sorted() {
        assert_eq!(parse_points("21, 6 6").ok(), Some(vec![6, 21]));
        assert_eq!(parse_points("0").ok(), Some(vec![0]));
        assert!(parse_points("29").is_err());
        assert!(parse_points(" , ").is_err());
        assert!(parse_points("six").is_err());
    }
}
