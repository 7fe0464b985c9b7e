//! The plan's versions laid out for the pages: a point's wording in each version with a
//! word-level diff from the version before, the strip of its statuses over time, the timeline of
//! versions and talks, and the statuses the matrix colours its rows by.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::versions::{Status, Version, Versions};
use crate::web::error::WebError;

/// A run of words of a diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    /// The words, with the spaces between them.
    pub text: String,
    /// `same`, `added` or `removed`.
    pub change: &'static str,
}

/// The word-level diff from `old` to `new`, as runs of words that are the same, added or
/// removed. Within a block of changes the removed words come first, then the added ones, and a
/// space between two changed words belongs to the change ("are limited to" -> "stay at" is one
/// removal and one addition, not four).
pub fn word_diff(old: &str, new: &str) -> Vec<Run> {
    let diff = TextDiff::from_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let changed = |i: usize| changes.get(i).is_some_and(|c| c.0 != ChangeTag::Equal);
    let mut runs: Vec<Run> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for (i, (tag, value)) in changes.iter().enumerate() {
        let joint = *tag == ChangeTag::Equal
            && value.trim().is_empty()
            && i > 0
            && changed(i - 1)
            && changed(i + 1);
        match tag {
            ChangeTag::Delete => removed.push_str(value),
            ChangeTag::Insert => added.push_str(value),
            ChangeTag::Equal if joint => {
                removed.push_str(value);
                added.push_str(value);
            }
            ChangeTag::Equal => {
                flush(&mut runs, &mut removed, &mut added);
                push(&mut runs, value, "same");
            }
        }
    }
    flush(&mut runs, &mut removed, &mut added);
    runs
}

/// Ends a block of changes: its removed words, then its added ones.
fn flush(runs: &mut Vec<Run>, removed: &mut String, added: &mut String) {
    for (text, change) in [(removed, "removed"), (added, "added")] {
        if !text.is_empty() {
            push(runs, text, change);
            text.clear();
        }
    }
}

fn push(runs: &mut Vec<Run>, text: &str, change: &'static str) {
    match runs.last_mut() {
        Some(r) if r.change == change => r.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_string(),
            change,
        }),
    }
}

/// What a point's wording changed from.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    /// The version compared with.
    pub against: String,
    /// Its short label.
    pub against_short: String,
    /// The diff from its wording to this one.
    pub runs: Vec<Run>,
}

/// One version's column on a point's page.
#[derive(Debug, Clone, Serialize)]
pub struct PointInVersion {
    /// Version slug.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Short label.
    pub short: String,
    /// Its date.
    pub date: String,
    /// What became of the point (`kept`, `amended` ...).
    pub status: &'static str,
    /// The status for a reader.
    pub status_label: &'static str,
    /// The items carrying the point on: (number in the version, title, wording).
    pub items: Vec<(u32, String, String)>,
    /// The changes from the last version before it with wording for the point.
    pub changes: Option<Changes>,
    /// Whether the page shows this version's changes.
    pub selected: bool,
}

/// A point across the versions.
#[derive(Debug, Clone, Serialize)]
pub struct PointVersions {
    /// The point.
    pub point: u8,
    /// One column per version, by date.
    pub columns: Vec<PointInVersion>,
}

impl PointVersions {
    /// The day each version's text was made known and the point's status in it, for the
    /// timeline.
    pub fn starts(&self) -> Vec<(String, String)> {
        self.columns
            .iter()
            .map(|c| (c.date.clone(), format!("{} ({})", c.short, c.status_label)))
            .collect()
    }

    /// The column whose changes the page shows.
    pub fn selected(&self) -> Option<&PointInVersion> {
        self.columns.iter().find(|c| c.selected)
    }
}

/// The bundled versions (checked at start-up, so a fault here is the server's).
pub fn data() -> Result<&'static Versions, WebError> {
    Versions::bundled().map_err(|e| {
        WebError::Refused(axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    })
}

/// The 400 of a version the data does not have.
pub fn no_such_version(v: &Versions, slug: &str) -> WebError {
    let known: Vec<&str> = v.versions.iter().map(|x| x.slug.as_str()).collect();
    WebError::BadRequest(format!(
        "There is no version “{}”: the versions are {}.",
        slug.chars().take(40).collect::<String>(),
        known.join(", ")
    ))
}

/// The version named by a `version` parameter (the last value when repeated), if any.
pub fn pick<'a>(v: &'a Versions, raw: &[String]) -> Result<Option<&'a Version>, WebError> {
    match raw.iter().rev().find(|s| !s.trim().is_empty()) {
        None => Ok(None),
        Some(s) => v
            .get(s.trim())
            .map(Some)
            .ok_or_else(|| no_such_version(v, s)),
    }
}

/// Point `n` across the versions; the changes shown are `selected`'s (by default the last
/// version with wording for it).
pub fn point_versions(v: &Versions, n: u8, selected: Option<&str>) -> PointVersions {
    let mut columns: Vec<PointInVersion> = Vec::new();
    let mut last: Option<(String, String, String)> = None;
    for version in &v.versions {
        let items: Vec<(u32, String, String)> = version
            .items_for(n)
            .into_iter()
            .map(|i| (i.number, i.title.clone(), i.text.clone()))
            .collect();
        let wording = items
            .iter()
            .map(|i| i.2.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let changes = match (&last, items.is_empty()) {
            (Some((slug, short, old)), false) => Some(Changes {
                against: slug.clone(),
                against_short: short.clone(),
                runs: word_diff(old, &wording),
            }),
            _ => None,
        };
        if !items.is_empty() {
            last = Some((version.slug.clone(), version.short.clone(), wording));
        }
        let status = version.status_of(n);
        columns.push(PointInVersion {
            slug: version.slug.clone(),
            name: version.name.clone(),
            short: version.short.clone(),
            date: version.date.clone(),
            status: status.as_str(),
            status_label: status.label(),
            items,
            changes,
            selected: false,
        });
    }
    let pick = match selected {
        Some(s) => columns.iter().position(|c| c.slug == s),
        None => columns.iter().rposition(|c| c.changes.is_some()),
    };
    if let Some(i) = pick {
        columns[i].selected = true;
    }
    PointVersions { point: n, columns }
}

/// One entry of the timeline of versions and talks.
#[derive(Debug, Clone, Serialize)]
pub struct Moment {
    /// YYYY-MM-DD.
    pub date: String,
    /// `version` or `talk`.
    pub kind: &'static str,
    /// The version's name, or the talk's place.
    pub title: String,
    /// The version's page ("" for a talk).
    pub href: String,
    /// What happened, or who drafted the version.
    pub what: String,
    /// Pages reporting it.
    pub sources: Vec<String>,
}

/// The versions and talks in date order (a version before a talk of the same day).
pub fn moments(v: &Versions) -> Vec<Moment> {
    let mut out: Vec<Moment> = v
        .versions
        .iter()
        .map(|x| Moment {
            date: x.date.clone(),
            kind: "version",
            title: x.name.clone(),
            href: format!("/versions/{}", x.slug),
            what: format!(
                "Drafted by {}. Known from {}.",
                x.drafted_by,
                x.knowledge_label()
            ),
            sources: x.sources.clone(),
        })
        .chain(v.talks.iter().map(|t| Moment {
            date: t.date.clone(),
            kind: "talk",
            title: t.place.clone(),
            href: String::new(),
            what: t.what.clone(),
            sources: t.sources.clone(),
        }))
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(b.kind.cmp(a.kind)));
    out
}

/// A point as a version leaves it: its status and the items that carry it on.
#[derive(Debug, Clone, Serialize)]
pub struct PointStatus {
    /// 1 to 28.
    pub point: u8,
    /// Status name.
    pub status: &'static str,
    /// For a reader.
    pub label: &'static str,
    /// The version's items that carry it on.
    pub items: Vec<u32>,
}

/// Every one of the 28 points as `version` leaves it.
pub fn statuses(version: &Version) -> Vec<PointStatus> {
    (1..=crate::model::PointNumber::LAST)
        .map(|n| {
            let s: Status = version.status_of(n);
            PointStatus {
                point: n,
                status: s.as_str(),
                label: s.label(),
                items: version.items_for(n).iter().map(|i| i.number).collect(),
            }
        })
        .collect()
}

/// A link to a view, and whether it is the one shown.
#[derive(Debug, Clone)]
pub struct ViewOption {
    /// Text.
    pub label: String,
    /// Target.
    pub href: String,
    /// The view shown.
    pub current: bool,
}

/// The matrix's rows coloured by what became of each point in a chosen version.
#[derive(Debug, Clone, Default)]
pub struct RowStatuses {
    /// The version chosen: (slug, name).
    pub version: Option<(String, String)>,
    /// One link per version, and one for no colouring.
    pub links: Vec<ViewOption>,
    /// Status name and label of points 1 to 28 (index 0 is point 1).
    statuses: Vec<(&'static str, &'static str)>,
}

impl RowStatuses {
    /// The status (name, label) of point `n` in the chosen version; none for point 0 or when
    /// no version is chosen.
    pub fn of(&self, n: &i64) -> Option<&(&'static str, &'static str)> {
        usize::try_from(*n - 1)
            .ok()
            .and_then(|i| self.statuses.get(i))
    }
}

/// The matrix's colouring by `selected`, with links from `here` (the matrix's own address,
/// without `version`) to each choice.
pub fn row_statuses(v: &Versions, selected: Option<&Version>, here: &str) -> RowStatuses {
    let join = if here.contains('?') { '&' } else { '?' };
    let mut links = vec![ViewOption {
        label: "none".into(),
        href: here.to_string(),
        current: selected.is_none(),
    }];
    links.extend(v.versions.iter().map(|x| ViewOption {
        label: x.short.clone(),
        href: format!("{here}{join}version={}", x.slug),
        current: selected.is_some_and(|s| s.slug == x.slug),
    }));
    RowStatuses {
        version: selected.map(|s| (s.slug.clone(), s.name.clone())),
        links,
        statuses: selected.map_or_else(Vec::new, |s| {
            statuses(s)
                .into_iter()
                .map(|p| (p.status, p.label))
                .collect()
        }),
    }
}

/// The version a statement speaks of, why, and its checked claims.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StatementVersion {
    /// The version's slug, name and why.
    pub version: Option<(String, String, String)>,
    /// Its claims checked against that text.
    pub claims: Vec<crate::db::versions::ClaimRow>,
}

/// What statement `id` says of the versions.
pub async fn for_statement(pool: &crate::db::Db, id: i64) -> Result<StatementVersion, WebError> {
    let all = data()?;
    let version = crate::db::versions::statement_version(pool, id)
        .await?
        .map(|(slug, via)| {
            let name = all
                .get(&slug)
                .map_or_else(|| slug.clone(), |v| v.name.clone());
            (slug, name, via)
        });
    Ok(StatementVersion {
        version,
        claims: crate::db::versions::statement_claims(pool, id).await?,
    })
}

/// Checked claims of one point.
#[derive(Debug, Clone, Serialize)]
pub struct PointClaims {
    /// The point.
    pub point: i64,
    /// Its claims, contradictions first.
    pub claims: Vec<crate::db::versions::ClaimRow>,
}

/// One outlet's checked claims, counted.
#[derive(Debug, Clone, Serialize)]
pub struct OutletClaims {
    /// The outlet (publisher, or file name).
    pub outlet: String,
    /// Claims contradicting the text.
    pub contradicts: usize,
    /// Claims matching it.
    pub matches: usize,
}

/// The claims grouped by point (in point order) and counted by outlet (most contradictions
/// first).
pub fn group_claims(
    claims: Vec<crate::db::versions::ClaimRow>,
) -> (Vec<PointClaims>, Vec<OutletClaims>) {
    let mut outlets: Vec<OutletClaims> = Vec::new();
    for c in &claims {
        let i = match outlets.iter().position(|o| o.outlet == c.outlet) {
            Some(i) => i,
            None => {
                outlets.push(OutletClaims {
                    outlet: c.outlet.clone(),
                    contradicts: 0,
                    matches: 0,
                });
                outlets.len() - 1
            }
        };
        if c.verdict == "contradicts" {
            outlets[i].contradicts += 1;
        } else {
            outlets[i].matches += 1;
        }
    }
    outlets.sort_by(|a, b| {
        b.contradicts
            .cmp(&a.contradicts)
            .then(b.matches.cmp(&a.matches))
            .then(a.outlet.cmp(&b.outlet))
    });
    let mut points: Vec<PointClaims> = Vec::new();
    for c in claims {
        match points.iter_mut().find(|p| p.point == c.provision) {
            Some(p) => p.claims.push(c),
            None => points.push(PointClaims {
                point: c.provision,
                claims: vec![c],
            }),
        }
    }
    points.sort_by_key(|p| p.point);
    for p in &mut points {
        p.claims.sort_by_key(|c| c.verdict != "contradicts");
    }
    (points, outlets)
}

/// The host of a source address, for a link's text ("kyivindependent.com").
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split('/').next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(runs: &[Run], change: &str) -> String {
        runs.iter()
            .filter(|r| r.change == change)
            .map(|r| r.text.trim())
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn a_word_diff_marks_only_the_changed_words() {
        let runs = word_diff(
            "Ukraine's armed forces are limited to 800,000 personnel in peacetime.",
            "Ukraine's armed forces stay at 800,000 personnel in peacetime.",
        );
        let kinds: Vec<&str> = runs.iter().map(|r| r.change).collect();
        assert_eq!(kinds, ["same", "removed", "added", "same"]);
        assert_eq!(joined(&runs, "removed"), "are limited to");
        assert_eq!(joined(&runs, "added"), "stay at");
        assert_eq!(
            joined(&runs, "same"),
            "Ukraine's armed forces|800,000 personnel in peacetime."
        );
        // the runs put together give the new text back, without the removed words
        let new: String = runs
            .iter()
            .filter(|r| r.change != "removed")
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(
            new,
            "Ukraine's armed forces stay at 800,000 personnel in peacetime."
        );
        assert!(
            word_diff("same words", "same words")
                .iter()
                .all(|r| r.change == "same")
        );
        let dropped = word_diff("elections in 100 days", "elections");
        assert_eq!(joined(&dropped, "removed"), "in 100 days");
        assert_eq!(joined(&dropped, "added"), "");
    }

    #[test]
    fn a_point_has_a_column_per_version_and_its_changes_from_the_last_wording() {
        let v = Versions::bundled().expect("versions");
        let army = point_versions(v, 6, None);
        let slugs: Vec<&str> = army.columns.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs, ["us-28", "e3-counter", "geneva-19", "twenty-point"]);
        assert!(army.columns[0].changes.is_none());
        assert_eq!(army.columns[2].status, "unknown");
        assert!(army.columns[2].items.is_empty());
        // the 20 points compare with the E3 text, the last one with wording for point 6
        let twenty = army.selected().expect("the last version is selected");
        assert_eq!(twenty.slug, "twenty-point");
        let changes = twenty.changes.as_ref().expect("changes");
        assert_eq!(changes.against, "e3-counter");
        let e3 = point_versions(v, 6, Some("e3-counter"));
        assert_eq!(e3.selected().map(|c| c.slug.as_str()), Some("e3-counter"));
        // amnesty: dropped after the first text, so no later changes
        let amnesty = point_versions(v, 26, None);
        assert!(amnesty.selected().is_none());
        assert_eq!(amnesty.columns[3].status_label, "dropped");
    }

    #[test]
    fn the_timeline_puts_versions_and_talks_in_date_order() {
        let v = Versions::bundled().expect("versions");
        let m = moments(v);
        assert!(m.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(m.iter().filter(|x| x.kind == "version").count(), 4);
        assert_eq!(m.iter().filter(|x| x.kind == "talk").count(), v.talks.len());
        // the E3 text and the Geneva talks share 23 November: the text comes first
        let day: Vec<&str> = m
            .iter()
            .filter(|x| x.date == "2025-11-23")
            .map(|x| x.kind)
            .collect();
        assert_eq!(day, ["version", "talk"]);
    }
}
