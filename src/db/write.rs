//! The ingest's write path: articles go in batches, one transaction per batch, and each article
//! is stored whole or not at all (a failed write rolls the batch back).
//!
//! Per article there are two statements: the check of its name and content hash, and the
//! source row itself (plus a delete when it replaces an earlier version). Its statements and
//! their point links are kept in memory and go in with a few large multi-row inserts when the
//! batch commits, and the full-text index (migration 0008 dropped its insert triggers) is fed
//! once per batch with `insert ... select` over the new rows: FTS5 flushes its pending terms at
//! every statement, so feeding it row by row wrote many small segments and merged them again.
//! Ids are allocated here: the batch holds SQLite's write lock from its first write to its
//! commit, so the ids after the largest stored one are ours.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::ingest::{Article, Speaker, Statement};

/// What is stored under a file name and content hash, read inside the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The content hash stored under this file name, if the name was ingested before.
    pub hash: Option<String>,
    /// Another file name under which the same content is stored, if any.
    pub duplicate_of: Option<String>,
}

/// One statement row waiting for the batch's commit.
struct Row {
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
    tx: Transaction<'static, Sqlite>,
    /// The id of the first source row inserted (not replaced) in this batch.
    first_new_source: Option<i64>,
    /// The id of the first statement of this batch, once the lock is held.
    first_statement: Option<i64>,
    next_statement: i64,
    rows: Vec<Row>,
    links: Vec<(i64, i64, String)>,
}

/// Writes the articles of one ingest run, batch by batch.
pub struct Writer {
    pool: SqlitePool,
    /// Speaker ids by slug, kept for the run. Only ids of committed rows or of the open batch
    /// go in; a failed batch ends the run, so no id of a rolled-back row is used again.
    speakers: HashMap<String, i64>,
    batch: Option<Batch>,
}

/// Largest number of rows in one multi-row insert (12 columns: 3,072 bound values).
const MAX_ROWS: usize = 256;

/// Splits `len` rows into chunks of [`MAX_ROWS`] and then powers of two, so a run uses at most
/// nine distinct SQL texts per table (each one a prepared statement cached by sqlx).
fn chunk_sizes(mut len: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while len > 0 {
        let size = if len >= MAX_ROWS {
            MAX_ROWS
        } else {
            1 << (usize::BITS - 1 - len.leading_zeros())
        };
        out.push(size);
        len -= size;
    }
    out
}

impl Writer {
    /// A writer on `pool` with no batch open.
    pub fn new(pool: SqlitePool) -> Self {
        Self {
            pool,
            speakers: HashMap::new(),
            batch: None,
        }
    }

    /// True when a batch is open (something was written since the last commit).
    pub fn in_batch(&self) -> bool {
        self.batch.is_some()
    }

    async fn batch(&mut self) -> sqlx::Result<&mut Batch> {
        if self.batch.is_none() {
            let tx = self.pool.begin().await?;
            self.batch = Some(Batch {
                tx,
                first_new_source: None,
                first_statement: None,
                next_statement: 0,
                rows: Vec::new(),
                links: Vec::new(),
            });
        }
        match self.batch.as_mut() {
            Some(b) => Ok(b),
            None => Err(sqlx::Error::WorkerCrashed),
        }
    }

    /// What is stored under `file_name`, and whether `hash` is stored under another name; read
    /// in the batch, so it sees the batch's own rows.
    pub async fn stored(&mut self, file_name: &str, hash: &str) -> sqlx::Result<Stored> {
        let b = self.batch().await?;
        let (hash, duplicate_of): (Option<String>, Option<String>) = sqlx::query_as(
            "select (select content_hash from source where file_name = ?1),
                    (select file_name from source where content_hash = ?2 and file_name <> ?1
                     order by id limit 1)",
        )
        .bind(file_name)
        .bind(hash)
        .fetch_one(&mut *b.tx)
        .await?;
        Ok(Stored { hash, duplicate_of })
    }

    /// Stores one article (inserting or replacing its source row) and queues its statements
    /// for the batch's commit. `replaces` says whether the name was stored before.
    pub async fn write(
        &mut self,
        article: &Article,
        hash: &str,
        replaces: bool,
        statements: Vec<Statement>,
    ) -> sqlx::Result<i64> {
        let b = self.batch().await?;
        let conn: &mut SqliteConnection = &mut b.tx;
        let id: i64 = sqlx::query_scalar(
            "insert into source (file_name, content_hash, publisher, title, published_date, published_time, url, body)
             values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (file_name) do update set content_hash = excluded.content_hash, publisher = excluded.publisher,
             title = excluded.title, published_date = excluded.published_date, published_time = excluded.published_time,
             url = excluded.url, body = excluded.body, ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
             returning id",
        )
        .bind(&article.file_name)
        .bind(hash)
        .bind(article.publisher.as_deref().unwrap_or(""))
        .bind(article.title.as_deref().unwrap_or(""))
        .bind(article.published_date.as_deref())
        .bind(article.published_time.as_deref())
        .bind(article.url.as_deref().unwrap_or(""))
        .bind(&article.body)
        .fetch_one(&mut *conn)
        .await?;
        if replaces {
            // the old statements (and, by cascade and trigger, their links and index entries)
            sqlx::query("delete from statement where source_id = ?")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        } else if b.first_new_source.is_none() {
            b.first_new_source = Some(id);
        }
        if b.first_statement.is_none() {
            // the source row took the write lock: the ids after the largest are ours
            let first: i64 = sqlx::query_scalar("select coalesce(max(id), 0) + 1 from statement")
                .fetch_one(&mut *conn)
                .await?;
            b.first_statement = Some(first);
            b.next_statement = first;
        }
        for s in statements {
            let speaker_id = match &s.speaker {
                Some(sp) => Some(self.speaker_id(sp).await?),
                None => None,
            };
            let b = self.batch().await?;
            let sid = b.next_statement;
            b.next_statement += 1;
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
        let conn: &mut SqliteConnection = &mut b.tx;
        let found: Option<i64> = sqlx::query_scalar("select id from speaker where slug = ?")
            .bind(&s.slug)
            .fetch_optional(&mut *conn)
            .await?;
        let id = match found {
            Some(id) => id,
            None => sqlx::query_scalar(
                "insert into speaker (slug, name, kind, known) values (?, ?, ?, 0) returning id",
            )
            .bind(&s.slug)
            .bind(&s.name)
            .bind(s.kind.as_str())
            .fetch_one(&mut *conn)
            .await?,
        };
        self.speakers.insert(s.slug.clone(), id);
        Ok(id)
    }

    /// Writes the queued statements, links and index entries, bumps the data version and
    /// commits. Returns false when no batch was open.
    pub async fn commit(&mut self) -> sqlx::Result<bool> {
        let Some(mut b) = self.batch.take() else {
            return Ok(false);
        };
        let conn: &mut SqliteConnection = &mut b.tx;
        let mut rest = &b.rows[..];
        for size in chunk_sizes(b.rows.len()) {
            let (chunk, tail) = rest.split_at(size);
            rest = tail;
            let mut q = QueryBuilder::<Sqlite>::new(
                "insert into statement (id, source_id, speaker_id, speaker_via, kind, stance, stance_cues, text, span_start, span_end, rule, confidence) ",
            );
            q.push_values(chunk, |mut v, r| {
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
            });
            q.build().persistent(true).execute(&mut *conn).await?;
        }
        let mut rest = &b.links[..];
        for size in chunk_sizes(b.links.len()) {
            let (chunk, tail) = rest.split_at(size);
            rest = tail;
            let mut q = QueryBuilder::<Sqlite>::new(
                "insert or ignore into statement_provision (statement_id, provision, evidence) ",
            );
            q.push_values(chunk, |mut v, (sid, number, evidence)| {
                v.push_bind(*sid)
                    .push_bind(*number)
                    .push_bind(evidence.as_str());
            });
            q.build().persistent(true).execute(&mut *conn).await?;
        }
        if let Some(first) = b.first_statement {
            sqlx::query("insert into statement_fts (rowid, text) select id, text from statement where id >= ?")
                .bind(first)
                .execute(&mut *conn)
                .await?;
        }
        if let Some(first) = b.first_new_source {
            sqlx::query(
                "insert into source_fts (rowid, title, body) select id, title, body from source where id >= ?",
            )
            .bind(first)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query("update meta set value = value + 1 where key = 'data_version'")
            .execute(&mut *conn)
            .await?;
        b.tx.commit().await?;
        super::note_local_write();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_rows_with_few_sizes() {
        for len in [0, 1, 2, 3, 15, 16, 17, 255, 256, 257, 1000, 4097] {
            let sizes = chunk_sizes(len);
            assert_eq!(sizes.iter().sum::<usize>(), len, "{len}");
            assert!(sizes.iter().all(|s| s.is_power_of_two() && *s <= MAX_ROWS));
        }
        assert_eq!(chunk_sizes(1000), [256, 256, 256, 128, 64, 32, 8]);
    }
}
