//! The plan's versions as data (`seeds/versions.toml`): each text with its date, drafters,
//! sources and items mapped to the 28 points, the status of every point in it, the talks
//! between texts, the disagreements between sources and the claims checked against the text.
//! Read and validated once ([`Versions::bundled`]); the program refuses to start on a fault.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::PointNumber;

const VERSIONS_TOML: &str = include_str!("../seeds/versions.toml");

/// What became of one of the 28 points in a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// First appears in this text.
    New,
    /// Carried over as it was.
    Kept,
    /// Carried over with changes.
    Amended,
    /// Taken out of this text into a separate document or track.
    Moved,
    /// Left out.
    Dropped,
    /// In the text without agreed wording.
    Disputed,
    /// Not known from the sources.
    Unknown,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 7] = [
        Status::New,
        Status::Kept,
        Status::Amended,
        Status::Moved,
        Status::Dropped,
        Status::Disputed,
        Status::Unknown,
    ];

    /// The name used in the seeds, URLs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Kept => "kept",
            Status::Amended => "amended",
            Status::Moved => "moved",
            Status::Dropped => "dropped",
            Status::Disputed => "disputed",
            Status::Unknown => "unknown",
        }
    }

    /// Words for a reader.
    pub fn label(self) -> &'static str {
        match self {
            Status::Moved => "moved to a separate document",
            Status::Unknown => "unknown",
            s => s.as_str(),
        }
    }

    /// Parses [`Status::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// One item of a version, in its own numbering.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Item {
    /// Its number in the version.
    pub number: u32,
    /// Short title.
    pub title: String,
    /// Our paraphrase of its wording.
    pub text: String,
    /// The 28-point numbers it carries on (empty for a new item).
    #[serde(default)]
    pub continues: Vec<u8>,
    /// Pages reporting this item, besides the version's.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One text of the plan.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Version {
    /// URL identifier.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Short label.
    pub short: String,
    /// When its text was first made known, YYYY-MM-DD.
    pub date: String,
    /// Who drafted it.
    pub drafted_by: String,
    /// `full`, `summary` or `reported`.
    pub knowledge: String,
    /// Statements dated from this day (to the next version's) speak of it; none for a
    /// counter-proposal.
    #[serde(default)]
    pub from: Option<String>,
    /// Words that name it in a statement, lowercase.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Pages reporting it.
    #[serde(default)]
    pub sources: Vec<String>,
    /// A sentence or two on it.
    #[serde(default)]
    pub note: String,
    /// Status name -> the points with that status.
    #[serde(default)]
    pub status: BTreeMap<String, Vec<u8>>,
    /// Its items, in its own order.
    #[serde(default, rename = "item")]
    pub items: Vec<Item>,
}

impl Version {
    /// What became of point `n` in this version.
    pub fn status_of(&self, n: u8) -> Status {
        self.status
            .iter()
            .find(|(_, points)| points.contains(&n))
            .and_then(|(name, _)| Status::parse(name))
            .unwrap_or(Status::Unknown)
    }

    /// The items that carry on point `n`.
    pub fn items_for(&self, n: u8) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|i| i.continues.contains(&n))
            .collect()
    }

    /// How complete our knowledge of its text is, for a reader.
    pub fn knowledge_label(&self) -> &'static str {
        match self.knowledge.as_str() {
            "full" => "full text published and cross-checked",
            "summary" => "detailed summaries of the text",
            _ => "only reports of what it contains",
        }
    }
}

/// A meeting or event between texts.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Talk {
    /// YYYY-MM-DD.
    pub date: String,
    /// Where.
    pub place: String,
    /// What happened.
    pub what: String,
    /// Pages reporting it.
    pub sources: Vec<String>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Account {
    /// What it says.
    pub says: String,
    /// Pages that say it.
    pub sources: Vec<String>,
}

/// A fact the sources disagree on.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Disagreement {
    /// The version it concerns.
    pub version: String,
    /// What is disputed.
    pub topic: String,
    /// Every account.
    #[serde(rename = "account")]
    pub accounts: Vec<Account>,
}

/// What one version's text has on a checked topic.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TextValue {
    /// The version.
    pub version: String,
    /// The number it gives, when the topic is a number.
    #[serde(default)]
    pub value: Option<f64>,
    /// What it says ("caps it at 600,000").
    pub says: String,
}

/// A phrase a statement may use on a checked topic, and the texts it agrees with.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Phrase {
    /// The words, lowercase.
    pub words: Vec<String>,
    /// What a statement using them says ("the army is halved").
    pub said: String,
    /// Versions whose text it matches.
    #[serde(default)]
    pub matches: Vec<String>,
    /// Versions whose text it contradicts.
    #[serde(default)]
    pub contradicts: Vec<String>,
}

/// A topic whose claims are checked against the text.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Check {
    /// Identifier.
    pub topic: String,
    /// Words for a reader ("the army's size").
    pub label: String,
    /// The 28-point number it belongs to.
    pub point: u8,
    /// One of these must be in the statement.
    pub cues: Vec<String>,
    /// `count`, `days`, `billions` or `percent`: numbers of that sort are compared.
    #[serde(default)]
    pub number: Option<String>,
    /// What each version's text says.
    #[serde(default, rename = "text")]
    pub texts: Vec<TextValue>,
    /// Phrases and the texts they agree with.
    #[serde(default, rename = "phrase")]
    pub phrases: Vec<Phrase>,
}

impl Check {
    /// What `version`'s text has on the topic.
    pub fn text_of(&self, version: &str) -> Option<&TextValue> {
        self.texts.iter().find(|t| t.version == version)
    }
}

/// Everything in `seeds/versions.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Versions {
    /// The texts, in the file's order (by date).
    #[serde(rename = "version")]
    pub versions: Vec<Version>,
    /// Talks between them.
    #[serde(default, rename = "talk")]
    pub talks: Vec<Talk>,
    /// Facts the sources disagree on.
    #[serde(default, rename = "disagreement")]
    pub disagreements: Vec<Disagreement>,
    /// Claims checked against the text.
    #[serde(default, rename = "check")]
    pub checks: Vec<Check>,
}

/// `seeds/versions.toml` does not parse or does not hold together.
#[derive(Debug, Clone, thiserror::Error)]
#[error("seeds/versions.toml: {0}")]
pub struct VersionsError(String);

impl Versions {
    /// The bundled versions, parsed and validated once.
    pub fn bundled() -> Result<&'static Versions, VersionsError> {
        static BUNDLED: OnceLock<Result<Versions, VersionsError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| Self::parse(VERSIONS_TOML))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and validates a versions file.
    pub fn parse(text: &str) -> Result<Versions, VersionsError> {
        let v: Versions = toml::from_str(text).map_err(|e| VersionsError(e.to_string()))?;
        let faults = v.faults();
        if faults.is_empty() {
            Ok(v)
        } else {
            Err(VersionsError(faults.join("; ")))
        }
    }

    /// The version with this slug.
    pub fn get(&self, slug: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.slug == slug)
    }

    /// The version whose time a statement dated `date` (YYYY-MM-DD) falls in: the one with the
    /// latest `from` on or before it.
    pub fn in_force(&self, date: &str) -> Option<&Version> {
        self.versions
            .iter()
            .filter(|v| v.from.as_deref().is_some_and(|f| f <= date))
            .max_by(|a, b| a.from.cmp(&b.from))
    }

    /// The day the next version in time after `v` begins, if any.
    pub fn until(&self, v: &Version) -> Option<&str> {
        let from = v.from.as_deref()?;
        self.versions
            .iter()
            .filter_map(|x| x.from.as_deref())
            .filter(|f| *f > from)
            .min()
    }

    /// Every fault of the file, each said in full.
    fn faults(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut slugs = HashSet::new();
        for v in &self.versions {
            if !slugs.insert(v.slug.as_str()) {
                out.push(format!("version {:?} is listed twice", v.slug));
            }
            version_faults(v, &mut out);
        }
        let known = |s: &str| self.get(s).is_some();
        for t in &self.talks {
            if !is_date(&t.date) {
                out.push(format!(
                    "talk at {}: date {:?} is not YYYY-MM-DD",
                    t.place, t.date
                ));
            }
            if t.sources.is_empty() {
                out.push(format!("talk at {} on {} has no source", t.place, t.date));
            }
        }
        for d in &self.disagreements {
            if !known(&d.version) {
                out.push(format!(
                    "disagreement {:?}: no version {:?}",
                    d.topic, d.version
                ));
            }
            if d.accounts.len() < 2 || d.accounts.iter().any(|a| a.sources.is_empty()) {
                out.push(format!(
                    "disagreement {:?} needs two accounts or more, each with a source",
                    d.topic
                ));
            }
        }
        for c in &self.checks {
            check_faults(c, &known, &mut out);
        }
        let words = self.versions.iter().flat_map(|v| &v.phrases).chain(
            self.checks
                .iter()
                .flat_map(|c| c.cues.iter().chain(c.phrases.iter().flat_map(|p| &p.words))),
        );
        for w in words {
            if w.is_empty() || *w != crate::text::fold_str(w) {
                out.push(format!(
                    "phrase {w:?} must be lowercase, as the text is matched folded"
                ));
            }
        }
        out
    }
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok()
}

fn is_point(n: u8) -> bool {
    n >= 1 && PointNumber::new(i64::from(n)).is_some()
}

fn version_faults(v: &Version, out: &mut Vec<String>) {
    let name = &v.slug;
    if v.slug.is_empty()
        || !v
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        out.push(format!("version {name:?}: a slug takes a-z, 0-9 and -"));
    }
    if v.sources.is_empty() {
        out.push(format!("version {name:?} has no source"));
    }
    for s in v
        .sources
        .iter()
        .chain(v.items.iter().flat_map(|i| &i.sources))
    {
        if !s.starts_with("https://") && !s.starts_with("http://") {
            out.push(format!("version {name:?}: source {s:?} is not an address"));
        }
    }
    if !is_date(&v.date) || v.from.as_deref().is_some_and(|f| !is_date(f)) {
        out.push(format!("version {name:?}: date or from is not YYYY-MM-DD"));
    }
    if !["full", "summary", "reported"].contains(&v.knowledge.as_str()) {
        out.push(format!(
            "version {name:?}: knowledge {:?} is not full, summary or reported",
            v.knowledge
        ));
    }
    let mut seen = HashSet::new();
    for (status, points) in &v.status {
        if Status::parse(status).is_none_or(|s| s == Status::Unknown) {
            out.push(format!("version {name:?}: no status {status:?}"));
        }
        for p in points {
            if !is_point(*p) {
                out.push(format!(
                    "version {name:?}: status {status} names point {p}, which does not exist"
                ));
            } else if !seen.insert(*p) {
                out.push(format!("version {name:?}: point {p} has two statuses"));
            }
        }
    }
    let mut numbers = HashSet::new();
    for item in &v.items {
        if !numbers.insert(item.number) {
            out.push(format!(
                "version {name:?}: item {} is listed twice",
                item.number
            ));
        }
        for p in &item.continues {
            if !is_point(*p) {
                out.push(format!(
                    "version {name:?}: item {} continues point {p}, which does not exist",
                    item.number
                ));
            }
        }
    }
}

fn check_faults(c: &Check, known: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
    let topic = &c.topic;
    if !is_point(c.point) {
        out.push(format!("check {topic:?}: point {} does not exist", c.point));
    }
    if c.number
        .as_deref()
        .is_some_and(|n| !["count", "days", "billions", "percent"].contains(&n))
    {
        out.push(format!(
            "check {topic:?}: number is count, days, billions or percent"
        ));
    }
    for t in &c.texts {
        if !known(&t.version) {
            out.push(format!("check {topic:?}: no version {:?}", t.version));
        }
    }
    for p in &c.phrases {
        for v in p.matches.iter().chain(&p.contradicts) {
            if c.text_of(v).is_none() {
                out.push(format!(
                    "check {topic:?}: phrase {:?} names version {v:?}, which has no text on the topic",
                    p.said
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
