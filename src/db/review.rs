//! Editors' corrections (migration 0009): an append-only log keyed by the article's file name
//! and the statement's words, applied over what the extraction stored.
//!
//! [`review`] writes an editor's changes to one statement; `corrections::reapply` runs at the end of every
//! ingest batch, in its transaction, so a re-ingested article gets its corrections back (those
//! whose words are still a statement of it). Applying sets the statement row's speaker, kind,
//! stance, points and `review` mark (or deletes the row for "not a plan statement"), keeps the
//! extraction's own values in `statement_extracted`, and counts the article again
//! (`tally::recount_sources`), so every page, filter and count shows the corrected
//! record.

use sqlx::{FromRow, QueryBuilder};

use super::{Db, on_db};

use crate::model::{Kind, Stance};

/// One line of a statement's correction log.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct CorrectionRow {
    /// Id (the log's order).
    pub id: i64,
    /// `confirm`, `speaker`, `points`, `kind`, `stance` or `not_plan`.
    pub field: String,
    /// The value before (a speaker's name, points as `6, 21`, a kind, a stance).
    pub before: String,
    /// The value after.
    pub after: String,
    /// The editor's note.
    pub note: String,
    /// The editor's name.
    pub editor: String,
    /// When (UTC, ISO 8601).
    pub at: String,
}

/// Who the statement is by, as an editor sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerChoice {
    /// A speaker the database has, by slug.
    Existing(String),
    /// A new speaker, by name (its slug is made from it).
    New(String),
    /// The article's own voice.
    Article,
}

/// An editor's review of one statement: `None` leaves a field as it is; nothing changed and not
/// dismissed is a confirmation.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// New speaker.
    pub speaker: Option<SpeakerChoice>,
    /// New points (sorted, deduplicated, never empty).
    pub points: Option<Vec<i64>>,
    /// New kind.
    pub kind: Option<Kind>,
    /// New stance.
    pub stance: Option<Stance>,
    /// Not a statement about the plan: taken off the site.
    pub not_plan: bool,
    /// The editor's note.
    pub note: String,
}

/// What a review did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The statement is shown as reviewed or corrected.
    Kept,
    /// The statement was taken off the site.
    Dismissed,
}

fn points_text(points: &[i64]) -> String {
    points
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Records `review` of statement `id` by the account `account_id` (`editor` its name) and
/// applies it; `Ok(None)` when there is no such statement or the speaker chosen does not exist.
pub async fn review(
    db: &Db,
    id: i64,
    account_id: i64,
    editor: &str,
    review: &Review,
) -> sqlx::Result<Option<Outcome>> {
    on_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        let Some(cur) = side::corrections::current(&mut tx, id).await? else {
            return Ok(None);
        };
        let mut changes: Vec<(&str, String, String)> = Vec::new();
        if let Some(choice) = &review.speaker {
            let Some(slug) = side::corrections::speaker_slug(&mut tx, choice).await? else {
                return Ok(None);
            };
            if slug != cur.speaker_slug {
                changes.push(("speaker", cur.speaker_slug.clone(), slug));
            }
        }
        if let Some(points) = review.points.as_deref().map(points_text)
            && points != cur.points
        {
            changes.push(("points", cur.points.clone(), points));
        }
        if let Some(kind) = review.kind.filter(|k| *k != cur.kind.as_str()) {
            changes.push(("kind", cur.kind.clone(), kind.to_string()));
        }
        if let Some(stance) = review.stance.filter(|s| *s != cur.stance.as_str()) {
            changes.push(("stance", cur.stance.clone(), stance.to_string()));
        }
        if review.not_plan {
            let before = format!(
                "{} · {} · {} · {}",
                cur.speaker_name, cur.kind, cur.stance, cur.points
            );
            changes.push(("not_plan", before, String::new()));
        }
        if changes.is_empty() {
            changes.push(("confirm", String::new(), String::new()));
        }
        for (field, before, after) in &changes {
            sqlx::query(
            "insert into correction (source_file, words, field, before, after, note, account_id, editor)
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&cur.source_file)
        .bind(&cur.words)
        .bind(field)
        .bind(before)
        .bind(after)
        .bind(&review.note)
        .bind(account_id)
        .bind(editor)
        .execute(&mut *tx)
        .await?;
        }
        side::corrections::apply(&mut tx, cur.source_id, &cur.source_file, &cur.words).await?;
        side::tally::recount_sources(&mut tx, &[cur.source_id]).await?;
        side::corrections::bump_version(&mut tx).await?;
        tx.commit().await?;
        Ok(Some(if review.not_plan {
            Outcome::Dismissed
        } else {
            Outcome::Kept
        }))
    })
}

/// The correction log of a statement, oldest first, speakers by name.
pub async fn log(db: &Db, statement_id: i64) -> sqlx::Result<Vec<CorrectionRow>> {
    on_db!(db, |pool| {
        sqlx::query_as(
        "select c.id, c.field,
            case when c.field = 'speaker' then coalesce((select name from speaker where slug = c.before), 'the article') else c.before end as before,
            case when c.field = 'speaker' then coalesce((select name from speaker where slug = c.after), 'the article') else c.after end as after,
            c.note, c.editor, c.at
         from statement t join source s on s.id = t.source_id
         join correction c on c.source_file = s.file_name and c.words = t.text
         where t.id = $1 order by c.id",
    )
    .bind(statement_id)
    .fetch_all(pool)
    .await
    })
}

/// The slug of the speaker named or slugged `name` (case-insensitive), if the database has one.
pub async fn find_speaker(db: &Db, name: &str) -> sqlx::Result<Option<String>> {
    on_db!(db, |pool| {
        sqlx::query_scalar(
        "select slug from speaker where lower(name) = lower($1) or slug = $2 order by known desc, id limit 1",
    )
    .bind(name)
    .bind(name)
    .fetch_optional(pool)
    .await
    })
}

/// The names of the speakers with most statements, for the review form's suggestions.
pub async fn speaker_names(db: &Db, limit: i64) -> sqlx::Result<Vec<String>> {
    on_db!(db, |pool| {
        sqlx::query_scalar(
            "select p.name from speaker p join statement t on t.speaker_id = p.id
         group by p.id order by count(*) desc, p.name limit $1",
        )
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// A page of what needs an editor's look among the statements of `filter`: lowest confidence
/// first, then those not reviewed; and how many match in all.
pub async fn queue(
    db: &Db,
    filter: &super::models::StatementFilter,
) -> sqlx::Result<(Vec<super::models::StatementRow>, i64)> {
    on_db!(db, |pool| {
        use super::statements::{STATEMENT_JOINS, push_filter, statement_select};
        let mut q = QueryBuilder::<Backend>::new(statement_select(PG));
        q.push(STATEMENT_JOINS);
        push_filter(&mut q, filter, None);
        q.push(" order by t.confidence asc, t.review <> '' asc, t.id asc limit ")
            .push_bind(filter.limit)
            .push(" offset ")
            .push_bind(filter.offset);
        let rows = q.build_query_as().fetch_all(pool).await?;
        let mut q = QueryBuilder::<Backend>::new("select count(*) from statement t");
        push_filter(&mut q, filter, None);
        let total = q.build_query_scalar().fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// Corrections that apply to no statement any more: the article changed and their words are
/// gone (`gone`), or they are still there but no longer extracted as a statement.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Orphan {
    /// The article.
    pub source_id: i64,
    /// Its file name.
    pub source_file: String,
    /// The statement's words.
    pub words: String,
    /// The fields corrected (`speaker,points`).
    pub fields: String,
    /// When the last correction was made.
    pub at: String,
    /// Whether the words are gone from the article.
    pub gone: bool,
}

/// The corrections of statements the extraction no longer gives (see [`orphans`]).
const ORPHANS: &str =
    "select s.id as source_id, c.source_file, c.words, group_concat(distinct c.field) as fields,
        max(c.at) as at, instr(s.body, c.words) = 0 as gone
     from correction c join source s on s.file_name = c.source_file
     where not exists (select 1 from statement t where t.source_id = s.id and t.text = c.words)
     group by c.source_file, c.words
     having count(*) filter (where c.field = 'not_plan') = 0
     order by max(c.id) desc limit 500";

/// [`ORPHANS`] in PostgreSQL's words (`string_agg`, `strpos`, and the source's id grouped on,
/// which its body depends on).
const ORPHANS_PG: &str = "select s.id as source_id, c.source_file, c.words,
        string_agg(distinct c.field, ',') as fields, max(c.at) as at, strpos(s.body, c.words) = 0 as gone
     from correction c join source s on s.file_name = c.source_file
     where not exists (select 1 from statement t where t.source_id = s.id and t.text = c.words)
     group by s.id, c.source_file, c.words
     having count(*) filter (where c.field = 'not_plan') = 0
     order by max(c.id) desc limit 500";

/// The corrections that need a new look (see [`Orphan`]); dismissed statements are not listed.
pub async fn orphans(db: &Db) -> sqlx::Result<Vec<Orphan>> {
    on_db!(db, |pool| {
        sqlx::query_as(if PG { ORPHANS_PG } else { ORPHANS })
            .fetch_all(pool)
            .await
    })
}

/// A statement the extraction missed, as an editor adds it.
#[derive(Debug, Clone)]
pub struct Added {
    /// Its words: an exact part of the article's body.
    pub words: String,
    /// Who says it.
    pub speaker: SpeakerChoice,
    /// Its points (sorted, never empty).
    pub points: Vec<i64>,
    /// Its kind.
    pub kind: Kind,
    /// Its stance.
    pub stance: Stance,
    /// The editor's note.
    pub note: String,
}

/// What adding a statement did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOutcome {
    /// Added: its id.
    Added(i64),
    /// The words are not part of the article.
    NotInArticle,
    /// A statement with these words exists: its id.
    Exists(i64),
    /// No such source, or the speaker chosen does not exist.
    Missing,
}

/// Adds a statement the extraction missed to source `source_id`: an `added` correction (kept and
/// applied again after every re-ingest while the words are in the article) and its row.
pub async fn add(
    db: &Db,
    source_id: i64,
    account_id: i64,
    editor: &str,
    a: &Added,
) -> sqlx::Result<AddOutcome> {
    on_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        let Some((file, body)): Option<(String, String)> =
            sqlx::query_as("select file_name, body from source where id = $1")
                .bind(source_id)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(AddOutcome::Missing);
        };
        if a.words.is_empty() || !body.contains(&a.words) {
            return Ok(AddOutcome::NotInArticle);
        }
        let exists: Option<i64> =
            sqlx::query_scalar("select id from statement where source_id = $1 and text = $2")
                .bind(source_id)
                .bind(&a.words)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(id) = exists {
            return Ok(AddOutcome::Exists(id));
        }
        let Some(slug) = side::corrections::speaker_slug(&mut tx, &a.speaker).await? else {
            return Ok(AddOutcome::Missing);
        };
        let after = format!("{}|{}|{}|{slug}", a.kind, a.stance, points_text(&a.points));
        sqlx::query(
        "insert into correction (source_file, words, field, before, after, note, account_id, editor)
         values ($1, $2, 'added', '', $3, $4, $5, $6)",
    )
    .bind(&file)
    .bind(&a.words)
    .bind(&after)
    .bind(&a.note)
    .bind(account_id)
    .bind(editor)
    .execute(&mut *tx)
    .await?;
        let id =
            side::corrections::create_added(&mut tx, source_id, &body, &a.words, &after).await?;
        side::corrections::apply(&mut tx, source_id, &file, &a.words).await?;
        side::tally::recount_sources(&mut tx, &[source_id]).await?;
        side::corrections::bump_version(&mut tx).await?;
        tx.commit().await?;
        Ok(id.map_or(AddOutcome::Missing, AddOutcome::Added))
    })
}
