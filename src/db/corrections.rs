//! Applying editors' corrections ([`super::review`]) inside a transaction: the log of a
//! statement, the changes it makes to the statement rows, the statements editors added, and
//! [`reapply`](on_sqlite::reapply) at the end of every ingest batch. Written once for both
//! backends ([`per_backend!`](super::per_backend)).

use sqlx::FromRow;

use super::review::SpeakerChoice;

/// The current values of a statement, as the log records them.
#[derive(Debug, FromRow)]
pub(crate) struct Current {
    pub(crate) source_id: i64,
    pub(crate) source_file: String,
    pub(crate) words: String,
    pub(crate) speaker_slug: String,
    pub(crate) speaker_name: String,
    pub(crate) kind: String,
    pub(crate) stance: String,
    pub(crate) points: String,
}

super::per_backend! {
    pub(crate) async fn current(conn: &mut Conn, id: i64) -> sqlx::Result<Option<Current>> {
        sqlx::query_as(
            "select t.source_id, s.file_name as source_file, t.text as words,
                coalesce(p.slug, '') as speaker_slug, coalesce(p.name, '') as speaker_name, t.kind, t.stance,
                coalesce((select string_agg(cast(provision as text), ',') from
                    (select provision from statement_provision where statement_id = t.id order by provision) x), '') as points
             from statement t join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id
             where t.id = $1",
        )
        .bind(id)
        .fetch_optional(conn)
        .await
    }

    /// The slug of the speaker an editor chose, creating a new one first; `''` for the article.
    pub(crate) async fn speaker_slug(
        conn: &mut Conn,
        choice: &SpeakerChoice,
    ) -> sqlx::Result<Option<String>> {
        match choice {
            SpeakerChoice::Article => Ok(Some(String::new())),
            SpeakerChoice::Existing(slug) => {
                sqlx::query_scalar("select slug from speaker where slug = $1")
                    .bind(slug)
                    .fetch_optional(conn)
                    .await
            }
            SpeakerChoice::New(name) => {
                let slug = crate::text::slugify(name);
                if slug.is_empty() {
                    return Ok(None);
                }
                sqlx::query(
                    "insert into speaker (slug, name, kind, known) values ($1, $2, 'person', 0)
                     on conflict (slug) do nothing",
                )
                .bind(&slug)
                .bind(name)
                .execute(conn)
                .await?;
                Ok(Some(slug))
            }
        }
    }

    pub(crate) async fn bump_version(conn: &mut Conn) -> sqlx::Result<()> {
        sqlx::query("update meta set value = value + 1 where key = 'data_version'")
            .execute(conn)
            .await?;
        Ok(())
    }

    /// The corrections of one statement, oldest first: (field, after).
    pub(crate) async fn log_of(
        conn: &mut Conn,
        file: &str,
        words: &str,
    ) -> sqlx::Result<Vec<(String, String)>> {
        sqlx::query_as(
            "select field, after from correction where source_file = $1 and words = $2 order by id",
        )
        .bind(file)
        .bind(words)
        .fetch_all(conn)
        .await
    }

    /// Applies the corrections of (`file`, `words`) to the statements of source `source_id` with
    /// those words: the last value of each field wins. Returns how many statements it touched.
    pub(crate) async fn apply(
        conn: &mut Conn,
        source_id: i64,
        file: &str,
        words: &str,
    ) -> sqlx::Result<usize> {
        let log = log_of(&mut *conn, file, words).await?;
        if log.is_empty() {
            return Ok(0);
        }
        let ids: Vec<i64> =
            sqlx::query_scalar("select id from statement where source_id = $1 and text = $2")
                .bind(source_id)
                .bind(words)
                .fetch_all(&mut *conn)
                .await?;
        let last = |f: &str| {
            log.iter()
                .rev()
                .find(|(field, _)| field == f)
                .map(|(_, a)| a.as_str())
        };
        let corrected = log.iter().any(|(f, _)| f != "confirm");
        for id in &ids {
            if last("not_plan").is_some() {
                sqlx::query("delete from statement where id = $1")
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                continue;
            }
            sqlx::query(
                "insert into statement_extracted (statement_id, speaker_id, kind, stance, points)
                 select t.id, t.speaker_id, t.kind, t.stance,
                     coalesce((select string_agg(cast(provision as text), ',') from statement_provision where statement_id = t.id), '')
                 from statement t where t.id = $1 on conflict (statement_id) do nothing",
            )
            .bind(id)
            .execute(&mut *conn)
            .await?;
            if let Some(slug) = last("speaker") {
                sqlx::query("update statement set speaker_id = (select id from speaker where slug = $1) where id = $2")
                    .bind(slug)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            if let Some(kind) = last("kind") {
                sqlx::query("update statement set kind = $1 where id = $2")
                    .bind(kind)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            if let Some(stance) = last("stance") {
                sqlx::query("update statement set stance = $1 where id = $2")
                    .bind(stance)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
            }
            if let Some(points) = last("points") {
                set_points(&mut *conn, *id, points).await?;
            }
            sqlx::query("update statement set review = $1 where id = $2")
                .bind(if corrected { "corrected" } else { "reviewed" })
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        Ok(ids.len())
    }

    /// Replaces a statement's points by `points` (`n,n,...`), keeping the evidence of those it had.
    pub(crate) async fn set_points(conn: &mut Conn, id: i64, points: &str) -> sqlx::Result<()> {
        let wanted: Vec<i64> = points
            .split(',')
            .filter_map(|p| p.trim().parse().ok())
            .collect();
        let kept: Vec<(i64, String)> = sqlx::query_as(
            "select provision, evidence from statement_provision where statement_id = $1",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        sqlx::query("delete from statement_provision where statement_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for p in wanted {
            let evidence = kept
                .iter()
                .find(|(n, _)| *n == p)
                .map_or_else(|| "set by an editor".to_string(), |(_, e)| e.clone());
            sqlx::query(
                "insert into statement_provision (statement_id, provision, evidence)
                 select $1, number, $2 from provision where number = $3",
            )
            .bind(id)
            .bind(evidence)
            .bind(p)
            .execute(&mut *conn)
            .await?;
        }
        // the links of a statement about two or more points, again
        sqlx::query("delete from statement_provision_shared where statement_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "insert into statement_provision_shared (statement_id, provision)
             select statement_id, provision from statement_provision where statement_id = $1
             and (select count(*) from statement_provision where statement_id = $1) > 1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    /// Applies the corrections of the sources `ids` again (after an ingest batch wrote them, in its
    /// transaction) and counts again the sources they changed. Returns whether any did.
    pub(crate) async fn reapply(conn: &mut Conn, ids: &[i64]) -> sqlx::Result<bool> {
        let any: bool = sqlx::query_scalar("select exists (select 1 from correction)")
            .fetch_one(&mut *conn)
            .await?;
        if !any {
            return Ok(false);
        }
        let mut touched = Vec::new();
        for id in ids {
            recreate_added(&mut *conn, *id).await?;
            let keys: Vec<(String, String)> = sqlx::query_as(
                "select distinct c.source_file, c.words from correction c
                 join source s on s.file_name = c.source_file where s.id = $1",
            )
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
            let mut n = 0;
            for (file, words) in &keys {
                n += apply(&mut *conn, *id, file, words).await?;
            }
            if n > 0 {
                touched.push(*id);
            }
        }
        if !touched.is_empty() {
            side::tally::recount_sources(&mut *conn, &touched).await?;
        }
        Ok(!touched.is_empty())
    }

    /// Writes the row of an added statement (`after` is `kind|stance|points|speaker slug`) at the
    /// first place its words are in `body`; `None` when they are not.
    pub(crate) async fn create_added(
        conn: &mut Conn,
        source_id: i64,
        body: &str,
        words: &str,
        after: &str,
    ) -> sqlx::Result<Option<i64>> {
        let Some(start) = body.find(words) else {
            return Ok(None);
        };
        let mut parts = after.splitn(4, '|');
        let (kind, stance, points, slug) = (
            parts.next().unwrap_or("report"),
            parts.next().unwrap_or("neutral"),
            parts.next().unwrap_or("0"),
            parts.next().unwrap_or(""),
        );
        let id: i64 = sqlx::query_scalar(
            "insert into statement (source_id, speaker_id, speaker_via, kind, stance, text, span_start, span_end, rule, confidence)
             values ($1, (select id from speaker where slug = $2), 'added by an editor', $3, $4, $5, $6, $7, 'editor', 1)
             returning id",
        )
        .bind(source_id)
        .bind(slug)
        .bind(kind)
        .bind(stance)
        .bind(words)
        .bind(i64::try_from(start).unwrap_or(i64::MAX))
        .bind(i64::try_from(start + words.len()).unwrap_or(i64::MAX))
        .fetch_one(&mut *conn)
        .await?;
        // the ingest feeds the index itself (migration 0008): so does this (PostgreSQL's
        // generated `search` column needs nothing)
        if !PG {
            sqlx::query("insert into statement_fts (rowid, text) values ($1, $2)")
                .bind(id)
                .bind(words)
                .execute(&mut *conn)
                .await?;
        }
        set_points(&mut *conn, id, points).await?;
        Ok(Some(id))
    }

    /// Writes again the rows of the statements editors added to source `id` that the extraction
    /// has not found itself (after a re-ingest replaced the article's statements).
    pub(crate) async fn recreate_added(conn: &mut Conn, id: i64) -> sqlx::Result<()> {
        let added: Vec<(String, String, String)> = sqlx::query_as(
            "select c.words, c.after, s.body from correction c join source s on s.file_name = c.source_file
             where s.id = $1 and c.field = 'added'
               and not exists (select 1 from statement t where t.source_id = s.id and t.text = c.words)
             order by c.id",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        for (words, after, body) in added {
            create_added(&mut *conn, id, &body, &words, &after).await?;
        }
        Ok(())
    }
}
