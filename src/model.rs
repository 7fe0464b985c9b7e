//! The program's data types, at the bottom of the house: what an article, a statement and a
//! speaker are. [`crate::ingest`] makes them, [`crate::db`] stores them and [`crate::web`] shows
//! them; this module imports none of those.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// An article after parsing: metadata and the cleaned body the statements point into.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File name it came from.
    pub file_name: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher, from the text (dateline, header) or the seed metadata.
    pub publisher: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published_date: Option<String>,
    /// Publication time, `HH:MM`, when the article gives one.
    pub published_time: Option<String>,
    /// Address of the original, when known (HTML meta or the seed metadata).
    pub url: Option<String>,
    /// The cleaned body: paragraphs separated by a blank line.
    pub body: String,
    /// Byte ranges of the paragraphs in `body`.
    pub paragraphs: Vec<Range<usize>>,
}

/// A point of the plan: 0 (the plan as a whole) to [`PointNumber::LAST`]. The one place the
/// range is written; the bundled catalog holds exactly these points (a test of
/// [`crate::catalog`] checks it).
///
/// Stored as an integer (`i64`) on every backend, since PostgreSQL has no unsigned byte; a
/// stored number outside the plan is a decoding error rather than a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PointNumber(u8);

impl<DB: sqlx::Database> sqlx::Type<DB> for PointNumber
where
    i64: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <i64 as sqlx::Type<DB>>::type_info()
    }

    fn compatible(ty: &DB::TypeInfo) -> bool {
        <i64 as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for PointNumber
where
    i64: sqlx::Encode<'q, DB>,
{
    fn encode_by_ref(
        &self,
        buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        <i64 as sqlx::Encode<'q, DB>>::encode(self.number(), buf)
    }
}

impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for PointNumber
where
    i64: sqlx::Decode<'r, DB>,
{
    fn decode(
        value: <DB as sqlx::Database>::ValueRef<'r>,
    ) -> Result<Self, sqlx::error::BoxDynError> {
        let n = <i64 as sqlx::Decode<'r, DB>>::decode(value)?;
        PointNumber::new(n).ok_or_else(|| format!("point {n} is not in the plan").into())
    }
}

impl PointNumber {
    /// The last point of the plan.
    pub const LAST: u8 = 28;

    /// The point `n`, if the plan has it.
    pub fn new(n: i64) -> Option<Self> {
        u8::try_from(n)
            .ok()
            .filter(|n| *n <= Self::LAST)
            .map(PointNumber)
    }

    /// Parses a point number written in decimal (`"6"`).
    pub fn parse(s: &str) -> Option<Self> {
        s.parse::<i64>().ok().and_then(Self::new)
    }

    /// The number.
    pub fn number(self) -> i64 {
        i64::from(self.0)
    }

    /// The point after this one, if any.
    pub fn next(self) -> Option<Self> {
        (self.0 < Self::LAST).then(|| PointNumber(self.0 + 1))
    }

    /// The point before this one, if any.
    pub fn prev(self) -> Option<Self> {
        self.0.checked_sub(1).map(PointNumber)
    }
}

impl fmt::Display for PointNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// How a statement is made. Stored, sent in URLs and shown as its lowercase name
/// ([`Kind::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Kind {
    /// Words inside quotation marks.
    Quote,
    /// Reported speech.
    Paraphrase,
    /// A description of what the plan contains.
    Report,
}

impl Kind {
    /// The name used in the database, URLs and the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Paraphrase => "paraphrase",
            Kind::Report => "report",
        }
    }

    /// Parses the name produced by [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "quote" => Some(Kind::Quote),
            "paraphrase" => Some(Kind::Paraphrase),
            "report" => Some(Kind::Report),
            _ => None,
        }
    }

    /// Every kind, in display order.
    pub const ALL: [Kind; 3] = [Kind::Quote, Kind::Paraphrase, Kind::Report];

    /// True for words inside quotation marks (the pages put them back in quotes).
    pub fn is_quote(self) -> bool {
        self == Kind::Quote
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The speaker's position toward the points a statement is about. Stored, sent in URLs and
/// shown as its lowercase name ([`Stance::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Stance {
    /// For.
    Supports,
    /// Against.
    Opposes,
    /// For with conditions, or for some and against others.
    Mixed,
    /// Describes without taking a side.
    Neutral,
}

impl Stance {
    /// The name used in the database, URLs and the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Mixed => "mixed",
            Stance::Neutral => "neutral",
        }
    }

    /// Parses the name produced by [`Stance::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "supports" => Some(Stance::Supports),
            "opposes" => Some(Stance::Opposes),
            "mixed" => Some(Stance::Mixed),
            "neutral" => Some(Stance::Neutral),
            _ => None,
        }
    }

    /// Every stance, in display order.
    pub const ALL: [Stance; 4] = [
        Stance::Supports,
        Stance::Opposes,
        Stance::Mixed,
        Stance::Neutral,
    ];
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with a stored or URL name (`stance == "opposes"`).
impl PartialEq<&str> for Stance {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Compares with a stored or URL name (`kind == "quote"`).
impl PartialEq<&str> for Kind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What sort of speaker a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An institution or a group of people ("EU leaders").
    Body,
    /// A news medium or press reports.
    Media,
    /// An unnamed source ("unnamed US official").
    Unnamed,
}

impl SpeakerKind {
    /// The name used in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Body => "body",
            SpeakerKind::Media => "media",
            SpeakerKind::Unnamed => "unnamed",
        }
    }

    /// Parses a kind name; unknown names are bodies.
    pub fn parse(s: &str) -> Self {
        match s {
            "person" => SpeakerKind::Person,
            "media" => SpeakerKind::Media,
            "unnamed" => SpeakerKind::Unnamed,
            _ => SpeakerKind::Body,
        }
    }
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// URL identifier.
    pub slug: String,
    /// Person, body, medium or unnamed source.
    pub kind: SpeakerKind,
    /// True when the speaker is in `seeds/speakers.toml`.
    pub known: bool,
}

/// A point a statement is linked to, with the words that linked it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvisionLink {
    /// 0 (the plan as a whole) to 28.
    pub number: u8,
    /// The words of the statement that linked it ("army", "600,000"); empty for point 0.
    pub evidence: Vec<String>,
}

/// One statement found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Who makes it; `None` for the article's own voice.
    pub speaker: Option<Speaker>,
    /// How the speaker was found ("named", "title", "pronoun he", "previous quote" ...).
    pub speaker_via: String,
    /// Quote, paraphrase or report.
    pub kind: Kind,
    /// Byte range of the statement in the article body.
    pub span: Range<usize>,
    /// The text of the span.
    pub text: String,
    /// The points it is about (never empty: `[0]` for the plan as a whole).
    pub provisions: Vec<ProvisionLink>,
    /// Stance toward those points.
    pub stance: Stance,
    /// The words that set the stance, if any.
    pub stance_cues: Vec<String>,
    /// The extraction rule that fired.
    pub rule: &'static str,
    /// How sure the rule is, 0 to 1.
    pub confidence: f32,
    /// The version of the plan it speaks of, and why (none before the plan was reported).
    pub version: Option<VersionLink>,
    /// Its numbers and key terms checked against that version's text.
    pub claims: Vec<ClaimCheck>,
}

impl Statement {
    /// The rule of a copy made for a further speaker of one noun phrase ("Macron and Merz
    /// said …": the first speaker's statement, then this copy for Merz, with the same span).
    pub const JOINT_COPY: &'static str = "joint speakers";
}

/// The version of the plan a statement speaks of (`seeds/versions.toml`), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionLink {
    /// The version's slug.
    pub slug: String,
    /// Why: "names it (“the 19-point plan”)" or "dated 2025-11-26, in its time".
    pub via: String,
}

/// Whether a claim agrees with the text it is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The text says the same.
    Matches,
    /// The text says otherwise.
    Contradicts,
}

impl Verdict {
    /// The name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Matches => "matches",
            Verdict::Contradicts => "contradicts",
        }
    }
}

/// A number or key term of a statement compared with the text of the version it speaks of.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCheck {
    /// The point of the plan (1 to 28).
    pub point: u8,
    /// The checked topic (`army`, `g8` ...).
    pub topic: String,
    /// The version whose text it is compared with.
    pub version: String,
    /// What the statement says ("the army is halved", "600,000").
    pub said: String,
    /// What the text says ("the 28-point text caps it at 600,000").
    pub text_says: String,
    /// Matches or contradicts.
    pub verdict: Verdict,
}

/// What an editor's account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "text", rename_all = "lowercase")]
pub enum Role {
    /// Reviews and corrects statements.
    Editor,
    /// An editor who also manages the accounts.
    Admin,
}

impl Role {
    /// The name used in the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Parses the name produced by [`Role::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
