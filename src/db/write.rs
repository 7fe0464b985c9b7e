//! The ingest's write path: articles go in batches, one transaction per batch, and each article
//! is stored whole or not at all (a failed write rolls the batch back).
//!
//! A batch sends a handful of statements whatever its size: one query each for the stored
//! hashes of its names and for other names holding its hashes; new sources, their statements
//! and point links wait in memory and go in with a few large multi-row inserts when the batch
//! commits (only a replaced article writes at once: its source row and the delete of its old
//! statements); and the full-text index (migration 0008 dropped its insert triggers) is fed
//! once per batch with `insert ... select` over the new rows: FTS5 flushes its pending terms at
//! every statement, so feeding it row by row wrote many small segments and merged them again.
//! Ids are allocated here: the batch begins with `BEGIN IMMEDIATE`, so it holds SQLite's write
//! lock from its first statement to its commit and the ids after the largest stored one are
//! ours (and no other writer can commit between its reads and its writes). On PostgreSQL the
//! batch takes a transaction advisory lock first, to the same effect, needs no index feed
//! (the `search` columns are generated), and moves the identity sequences past its ids.

use std::collections::HashMap;

use super::{Db, Tx, on_tx};

use super::bulk::MAX_ROWS;
use super::tally::{CountedSource, CountedStatement};
use crate::model::{Article, Speaker, Statement};

/// What is stored under some file names and content hashes, read inside the batch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// The content hash stored under each of the file names asked about that is stored.
    pub hash_of: HashMap<String, String>,
    /// The file names under which each of the hashes asked about is stored, oldest first.
    pub names_of: HashMap<String, Vec<String>>,
}

/// One new source row waiting for the batch's commit.
pub(crate) struct PendingSource {
    id: i64,
    file_name: String,
    hash: String,
    publisher: String,
    title: String,
    published_date: Option<String>,
    published_time: Option<String>,
    url: String,
    body: String,
}

/// One statement row waiting for the batch's commit.
pub(crate) struct Row {
    id: i64,
    source_id: i64,
    speaker_id: Option<i64>,
    speaker_via: String,
    kind: &'static str,
    stance: &'static str,
    stance_cues: String,
    text: String,
    span_start: i64,
    span_end: i64,
    rule: &'static str,
    confidence: f64,
}

/// The open transaction of a batch and what it still has to write.
struct Batch {
    tx: Tx,
    /// The id of the first new source of this batch, and of the next one.
    first_source: i64,
    next_source: i64,
    /// The id of the first statement of this batch, and of the next one.
    first_statement: i64,
    next_statement: i64,
    sources: Vec<PendingSource>,
    /// Every source written (new or replaced), for the counts kept by the ingest.
    written: Vec<CountedSource>,
    /// Whether anything was written (a re-run of unchanged files changes nothing, not even
    /// the data version, so the server's cache stays).
    changed: bool,
    rows: Vec<Row>,
    links: Vec<(i64, i64, String)>,
    /// The versions the statements speak of and their checked claims.
    versions: super::versions::Pending,
}

/// Writes the articles of one ingest run, batch by batch.
pub struct Writer {
    db: Db,
    /// Speaker ids by slug, kept for the run. Only ids of committed rows or of the open batch
    /// go in; a failed batch ends the run, so no id of a rolled-back row is used again.
    speakers: HashMap<String, i64>,
    /// The category of each point, read with the first batch.
    categories: Option<HashMap<i64, String>>,
    batch: Option<Batch>,
}

/// Largest number of source rows in one multi-row insert (their bodies are large).
const MAX_SOURCES: usize = 64;

impl Writer {
    /// A writer on `db` with no batch open.
    pub fn new(db: Db) -> Self {
        Self {
            db,
            speakers: HashMap::new(),
            categories: None,
            batch: None,
        }
    }

    /// True when a batch is open (something was written since the last commit).
    pub fn in_batch(&self) -> bool {
        self.batch.is_some()
    }

    async fn batch(&mut self) -> sqlx::Result<&mut Batch> {
        if self.batch.is_none() {
            let mut tx = self.db.begin_write().await?;
            let (source, statement, categories) = on_tx!(&mut tx, |conn| {
                if PG {
                    // one ingest writes at a time, as SQLite's write lock makes it there: the
                    // ids after the largest stored are then this batch's (the lock's key is
                    // any number no other lock of this database uses; released at commit)
                    sqlx::query("select pg_advisory_xact_lock(16)")
                        .execute(&mut *conn)
                        .await?;
                }
                let (source, statement): (i64, i64) = sqlx::query_as(
                    "select (select coalesce(max(id), 0) + 1 from source),
                            (select coalesce(max(id), 0) + 1 from statement)",
                )
                .fetch_one(&mut *conn)
                .await?;
                let categories = match self.categories {
                    None => Some(side::tally::categories(conn).await?),
                    Some(_) => None,
                };
                (source, statement, categories)
            });
            if categories.is_some() {
                self.categories = categories;
            }
            self.batch = Some(Batch {
                tx,
                first_source: source,
                next_source: source,
                first_statement: statement,
                next_statement: statement,
                sources: Vec::new(),
                written: Vec::new(),
                changed: false,
                rows: Vec::new(),
                links: Vec::new(),
                versions: Default::default(),
            });
        }
        match self.batch.as_mut() {
            Some(b) => Ok(b),
            None => Err(sqlx::Error::WorkerCrashed),
        }
    }

    /// What is stored under `names` and which names hold `hashes`, read in the batch (so
    /// nothing can change it before the batch commits).
    pub async fn stored(&mut self, names: &[&str], hashes: &[&str]) -> sqlx::Result<Stored> {
        let b = self.batch().await?;
        let mut stored = Stored::default();
        let by_name = "select file_name, content_hash from source where file_name in (";
        let by_hash = "select content_hash, file_name from source where content_hash in (";
        let (by_name, by_hash) = on_tx!(&mut b.tx, |conn| (
            side::bulk::pairs_in(&mut *conn, by_name, names, ")").await?,
            side::bulk::pairs_in(&mut *conn, by_hash, hashes, ") order by id").await?,
        ));
        stored.hash_of.extend(by_name);
        for (hash, name) in by_hash {
            stored.names_of.entry(hash).or_default().push(name);
        }
        Ok(stored)
    }

    /// Stores one article: a new one waits for the batch's commit with its statements, one
    /// that `replaces` the version stored under its name is written at once (its source row,
    /// and the delete of its old statements) and its new statements wait. Returns its id.
    pub async fn write(
        &mut self,
        article: Article,
        hash: &str,
        replaces: bool,
        statements: Vec<Statement>,
    ) -> sqlx::Result<i64> {
        let b = self.batch().await?;
        b.changed = true;
        let publisher = article.publisher.clone().unwrap_or_default();
        let date = article.published_date.clone().unwrap_or_default();
        let id = if replaces {
            on_tx!(&mut b.tx, |conn| {
                let id: i64 = sqlx::query_scalar(
                "update source set content_hash = $1, publisher = $2, title = $3, published_date = $4,
                 published_time = $5, url = $6, body = $7, ingested_at = $8
                 where file_name = $9 returning id",
            )
            .bind(hash)
            .bind(article.publisher.as_deref().unwrap_or(""))
            .bind(article.title.as_deref().unwrap_or(""))
            .bind(article.published_date.as_deref())
            .bind(article.published_time.as_deref())
            .bind(article.url.as_deref().unwrap_or(""))
            .bind(&article.body)
            // the time as the column's default writes it (UTC, to the second), from Rust so
            // that the statement is the same on every backend
            .bind(jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
            .bind(&article.file_name)
            .fetch_one(&mut *conn)
            .await?;
                // the old statements (and, by cascade and trigger, their links and index entries)
                sqlx::query("delete from statement where source_id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                id
            })
        } else {
            let id = b.next_source;
            b.next_source += 1;
            b.sources.push(PendingSource {
                id,
                file_name: article.file_name,
                hash: hash.to_string(),
                publisher: article.publisher.unwrap_or_default(),
                title: article.title.unwrap_or_default(),
                published_date: article.published_date,
                published_time: article.published_time,
                url: article.url.unwrap_or_default(),
                body: article.body,
            });
            id
        };
        b.written.push(CountedSource {
            id,
            publisher,
            date,
            replaced: replaces,
        });
        for s in statements {
            let speaker_id = match &s.speaker {
                Some(sp) => Some(self.speaker_id(sp).await?),
                None => None,
            };
            let b = self.batch().await?;
            let sid = b.next_statement;
            b.next_statement += 1;
            b.versions.add(sid, &s);
            for p in &s.provisions {
                b.links
                    .push((sid, i64::from(p.number), p.evidence.join(", ")));
            }
            b.rows.push(Row {
                id: sid,
                source_id: id,
                speaker_id,
                speaker_via: s.speaker_via,
                kind: s.kind.as_str(),
                stance: s.stance.as_str(),
                stance_cues: s.stance_cues.join(", "),
                text: s.text,
                span_start: s.span.start as i64,
                span_end: s.span.end as i64,
                rule: s.rule,
                confidence: f64::from(s.confidence),
            });
        }
        Ok(id)
    }

    /// The id of a speaker, creating a row for one first seen in this run's articles.
    async fn speaker_id(&mut self, s: &Speaker) -> sqlx::Result<i64> {
        if let Some(id) = self.speakers.get(&s.slug) {
            return Ok(*id);
        }
        let b = self.batch().await?;
        let id = on_tx!(&mut b.tx, |conn| {
            let found: Option<i64> = sqlx::query_scalar("select id from speaker where slug = $1")
                .bind(&s.slug)
                .fetch_optional(&mut *conn)
                .await?;
            match found {
            Some(id) => id,
            None => sqlx::query_scalar(
                "insert into speaker (slug, name, kind, known) values ($1, $2, $3, 0) returning id",
            )
            .bind(&s.slug)
            .bind(&s.name)
            .bind(s.kind.as_str())
            .fetch_one(&mut *conn)
            .await?,
        }
        });
        self.speakers.insert(s.slug.clone(), id);
        Ok(id)
    }

    /// Writes the queued sources, statements, links and index entries, bumps the data version
    /// and commits. Returns false when nothing was written.
    pub async fn commit(&mut self) -> sqlx::Result<bool> {
        let Some(mut b) = self.batch.take() else {
            return Ok(false);
        };
        if !b.changed {
            // only reads (and perhaps speakers of articles that were then not written)
            b.tx.commit().await?;
            return Ok(false);
        }
        let new_statements = (!b.rows.is_empty()).then_some(b.first_statement);
        let new_sources = (!b.sources.is_empty()).then_some(b.first_source);
        let versions = b.versions.by_statement();
        let counted = counted(&b.rows, &b.links, &versions);
        let none = HashMap::new();
        let categories = self.categories.as_ref().unwrap_or(&none);
        let ids: Vec<i64> = b.written.iter().map(|s| s.id).collect();
        on_tx!(&mut b.tx, |conn| {
            side::write::insert_sources(&mut *conn, &b.sources).await?;
            side::write::insert_statements(&mut *conn, &b.rows, &b.links).await?;
            side::versions::insert_pending(&mut *conn, &b.versions).await?;
            side::write::feed_search(&mut *conn, new_statements, new_sources).await?;
            side::write::advance_ids(&mut *conn).await?;
            side::tally::count_batch(&mut *conn, categories, &b.written, &counted).await?;
            // editors' corrections of these articles, applied again over the new extraction
            side::corrections::reapply(&mut *conn, &ids).await?;
            sqlx::query("update meta set value = value + 1 where key = 'data_version'")
                .execute(&mut *conn)
                .await?;
        });
        b.tx.commit().await?;
        Ok(true)
    }

    /// Drops the open batch, rolling back what it wrote.
    pub async fn rollback(&mut self) -> sqlx::Result<()> {
        if let Some(b) = self.batch.take() {
            b.tx.rollback().await?;
        }
        Ok(())
    }
}

/// The links of the statements about two or more points (`statement_provision_shared`), each
/// once.
fn shared_links(links: &[(i64, i64, String)]) -> Vec<(i64, i64)> {
    let unique: std::collections::BTreeSet<(i64, i64)> = links
        .iter()
        .map(|(sid, number, _)| (*sid, *number))
        .collect();
    let mut points: HashMap<i64, usize> = HashMap::new();
    for (sid, _) in &unique {
        *points.entry(*sid).or_default() += 1;
    }
    unique
        .into_iter()
        .filter(|(sid, _)| points.get(sid).is_some_and(|n| *n > 1))
        .collect()
}

/// The batch's statements as the tallies count them, with the points each is linked to.
fn counted<'a>(
    rows: &'a [Row],
    links: &[(i64, i64, String)],
    versions: &HashMap<i64, &'a str>,
) -> Vec<CountedStatement<'a>> {
    let mut points: HashMap<i64, Vec<i64>> = HashMap::with_capacity(rows.len());
    for (sid, number, _) in links {
        points.entry(*sid).or_default().push(*number);
    }
    rows.iter()
        .map(|r| CountedStatement {
            source_id: r.source_id,
            speaker_id: r.speaker_id.unwrap_or(0),
            kind: r.kind,
            stance: r.stance,
            provisions: points.remove(&r.id).unwrap_or_default(),
            version: versions.get(&r.id).copied(),
        })
        .collect()
}

super::per_backend! {
    /// The batch's new source rows.
    pub(crate) async fn insert_sources(conn: &mut Conn, sources: &[PendingSource]) -> sqlx::Result<()> {
        side::bulk::insert_rows(
            conn,
            "insert into source (id, file_name, content_hash, publisher, title, published_date, published_time, url, body) ",
            "",
            sources,
            MAX_SOURCES,
            |mut v, r| {
                v.push_bind(r.id)
                    .push_bind(r.file_name.as_str())
                    .push_bind(r.hash.as_str())
                    .push_bind(r.publisher.as_str())
                    .push_bind(r.title.as_str())
                    .push_bind(r.published_date.as_deref())
                    .push_bind(r.published_time.as_deref())
                    .push_bind(r.url.as_str())
                    .push_bind(r.body.as_str());
            },
        )
        .await
    }

    /// The batch's statement rows and their links to points.
    pub(crate) async fn insert_statements(
        conn: &mut Conn,
        rows: &[Row],
        links: &[(i64, i64, String)],
    ) -> sqlx::Result<()> {
        side::bulk::insert_rows(
            &mut *conn,
            "insert into statement (id, source_id, speaker_id, speaker_via, kind, stance, stance_cues, text, span_start, span_end, rule, confidence) ",
            "",
            rows,
            MAX_ROWS,
            |mut v, r| {
                v.push_bind(r.id)
                    .push_bind(r.source_id)
                    .push_bind(r.speaker_id)
                    .push_bind(r.speaker_via.as_str())
                    .push_bind(r.kind)
                    .push_bind(r.stance)
                    .push_bind(r.stance_cues.as_str())
                    .push_bind(r.text.as_str())
                    .push_bind(r.span_start)
                    .push_bind(r.span_end)
                    .push_bind(r.rule)
                    .push_bind(r.confidence);
            },
        )
        .await?;
        side::bulk::insert_rows(
            &mut *conn,
            "insert into statement_provision (statement_id, provision, evidence) ",
            " on conflict do nothing",
            links,
            MAX_ROWS,
            |mut v, (sid, number, evidence)| {
                v.push_bind(*sid)
                    .push_bind(*number)
                    .push_bind(evidence.as_str());
            },
        )
        .await?;
        let shared = shared_links(links);
        side::bulk::insert_rows(
            conn,
            "insert into statement_provision_shared (statement_id, provision) ",
            "",
            &shared,
            MAX_ROWS,
            |mut v, (sid, number)| {
                v.push_bind(*sid).push_bind(*number);
            },
        )
        .await
    }

    /// On PostgreSQL, moves the identity sequences of `source` and `statement` past the ids this
    /// batch gave, so that a row inserted without an id takes a free one. Nothing on SQLite, whose
    /// ids follow the largest stored.
    pub(crate) async fn advance_ids(conn: &mut Conn) -> sqlx::Result<()> {
        if PG {
            sqlx::query(
                "select setval(pg_get_serial_sequence('source', 'id'),
                               (select coalesce(max(id), 0) + 1 from source), false),
                        setval(pg_get_serial_sequence('statement', 'id'),
                               (select coalesce(max(id), 0) + 1 from statement), false)",
            )
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    /// Feeds the full-text indexes with the batch's new rows, the statements and sources from the
    /// given first ids on (once per batch: see the module doc). On PostgreSQL the generated
    /// `search` columns index each row as it is written: nothing to feed.
    pub(crate) async fn feed_search(
        conn: &mut Conn,
        first_statement: Option<i64>,
        first_source: Option<i64>,
    ) -> sqlx::Result<()> {
        if PG {
            return Ok(());
        }
        if let Some(first) = first_statement {
            sqlx::query(
                "insert into statement_fts (rowid, text) select id, text from statement where id >= $1",
            )
            .bind(first)
            .execute(&mut *conn)
            .await?;
        }
        if let Some(first) = first_source {
            sqlx::query(
                "insert into source_fts (rowid, title, body) select id, title, body from source where id >= $1",
            )
            .bind(first)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}
