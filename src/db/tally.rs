//! Counts kept by the ingest (migration 0007): statements per point, outlet, speaker and
//! stance (`tally`), per point, outlet, day and stance (`tally_day`), per source
//! (`tally_count`), and what each source contributes to them (`tally_source`). The matrix, the
//! timeline of a point and the facets of an unfiltered list read them instead of grouping every
//! statement.
//!
//! Each is split by kind and stance. In the tallies, provision -1 is the statement itself (counted once, whatever points it is
//! about) and provision -2 with a category the statement counted once in that category.

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// The rows each source contributes, counted from its statements: per point, per statement
/// (-1), per category (-2). Each is completed with `where t.source_id in (...)` and its
/// `group by`; the three never share a key.
const COUNT_SOURCES: [(&str, &str); 3] = [
    (
        "insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
         select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), l.provision, '',
             t.kind, t.stance, count(*)
         from statement t join source s on s.id = t.source_id join statement_provision l on l.statement_id = t.id
         where t.source_id",
        " group by t.source_id, coalesce(t.speaker_id, 0), l.provision, t.kind, t.stance",
    ),
    (
        "insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
         select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -1, '',
             t.kind, t.stance, count(*)
         from statement t join source s on s.id = t.source_id
         where t.source_id",
        " group by t.source_id, coalesce(t.speaker_id, 0), t.kind, t.stance",
    ),
    (
        "insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
         select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -2, v.category,
             t.kind, t.stance, count(distinct t.id)
         from statement t join source s on s.id = t.source_id join statement_provision l on l.statement_id = t.id
         join provision v on v.number = l.provision
         where v.category is not null and t.source_id",
        " group by t.source_id, coalesce(t.speaker_id, 0), v.category, t.kind, t.stance",
    ),
];

fn push_ids(q: &mut QueryBuilder<Sqlite>, ids: &[i64]) {
    q.push(" in (");
    let mut sep = q.separated(", ");
    for id in ids {
        sep.push_bind(*id);
    }
    q.push(")");
}

/// Adds (`sign` 1) or takes out (`sign` -1) the rows of `tally_source` for the sources `ids`
/// from the totals; whether there were any.
async fn apply(conn: &mut SqliteConnection, ids: &[i64], sign: i64) -> sqlx::Result<bool> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "insert into tally (provision, category, publisher, speaker_id, kind, stance, statements)
         select provision, category, publisher, speaker_id, kind, stance, ",
    );
    q.push_bind(sign)
        .push(" * sum(statements) from tally_source where source_id");
    push_ids(&mut q, ids);
    q.push(
        " group by provision, category, publisher, speaker_id, kind, stance
         on conflict do update set statements = statements + excluded.statements",
    );
    let touched = q.build().execute(&mut *conn).await?.rows_affected() > 0;
    let mut q = QueryBuilder::<Sqlite>::new(
        "insert into tally_day (provision, publisher, date, stance, statements)
         select provision, publisher, date, stance, ",
    );
    q.push_bind(sign)
        .push(" * sum(statements) from tally_source where provision >= 0 and source_id");
    push_ids(&mut q, ids);
    q.push(
        " group by provision, publisher, date, stance
         on conflict do update set statements = statements + excluded.statements",
    );
    q.build().execute(&mut *conn).await?;
    Ok(touched)
}

/// Recounts the tallies for the sources `source_ids` (every source the batch inserted or
/// replaced, in any order, repeats allowed), inside the batch's transaction and after their
/// statements were written: takes out what they contributed when last counted and adds what
/// they hold now. A source of the list with no statements any more simply leaves the totals.
pub async fn after_ingest_batch(
    conn: &mut SqliteConnection,
    source_ids: &[i64],
) -> sqlx::Result<()> {
    let mut ids = source_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    // a fixed chunk size keeps the number of distinct SQL texts (prepared statements) small
    // only sources counted before (replaced ones) can leave totals at zero
    let mut replaced = false;
    for chunk in ids.chunks(64) {
        replaced |= apply(&mut *conn, chunk, -1).await?;
        let mut q = QueryBuilder::<Sqlite>::new("delete from tally_source where source_id");
        push_ids(&mut q, chunk);
        q.build().execute(&mut *conn).await?;
        let mut q = QueryBuilder::<Sqlite>::new("delete from tally_count where id");
        push_ids(&mut q, chunk);
        q.build().execute(&mut *conn).await?;
        for (insert, group) in COUNT_SOURCES {
            let mut q = QueryBuilder::<Sqlite>::new(insert);
            push_ids(&mut q, chunk);
            q.push(group);
            q.build().execute(&mut *conn).await?;
        }
        let mut q = QueryBuilder::<Sqlite>::new(
            "insert into tally_count (id, publisher, statements)
             select source_id, min(publisher), sum(statements) from tally_source
             where provision = -1 and source_id",
        );
        push_ids(&mut q, chunk);
        q.push(" group by source_id");
        q.build().execute(&mut *conn).await?;
        apply(&mut *conn, chunk, 1).await?;
    }
    if replaced {
        sqlx::query("delete from tally where statements <= 0")
            .execute(&mut *conn)
            .await?;
        sqlx::query("delete from tally_day where statements <= 0")
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A source or speaker with its number of statements on one point.
#[derive(Debug, Clone, sqlx::FromRow, PartialEq)]
pub struct Ranked {
    /// Source id or speaker slug.
    pub key: String,
    /// The outlet and date, or the speaker's name.
    pub label: String,
    /// Statements on the point.
    pub statements: i64,
}

/// Which ranking of a point: its sources or its speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankBy {
    /// Sources, by statements on the point.
    Source,
    /// Speakers (the article's own voice left out).
    Speaker,
}

/// The `limit` sources (or speakers) with most statements on point `provision`, and how many
/// sources (or speakers) speak of it in all.
pub async fn provision_ranking(
    pool: &sqlx::SqlitePool,
    provision: i64,
    by: RankBy,
    limit: i64,
) -> sqlx::Result<(Vec<Ranked>, i64)> {
    let (rows, total) = match by {
        RankBy::Source => (
            "select cast(x.source_id as text) as key,
                case when s.publisher = '' then s.file_name else s.publisher end || coalesce(', ' || s.published_date, '') as label,
                x.n as statements
             from (select source_id, sum(statements) as n from tally_source where provision = ?
                   group by source_id order by n desc, source_id limit ?) x
             join source s on s.id = x.source_id order by x.n desc, x.source_id",
            "select count(distinct source_id) from tally_source where provision = ?",
        ),
        RankBy::Speaker => (
            "select p.slug as key, p.name as label, x.n as statements
             from (select speaker_id, sum(statements) as n from tally where provision = ? and speaker_id <> 0
                   group by speaker_id order by n desc, speaker_id limit ?) x
             join speaker p on p.id = x.speaker_id order by x.n desc, p.name",
            "select count(distinct speaker_id) from tally where provision = ? and speaker_id <> 0",
        ),
    };
    let rows = sqlx::query_as(rows)
        .bind(provision)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    let total = sqlx::query_scalar(total)
        .bind(provision)
        .fetch_one(pool)
        .await?;
    Ok((rows, total))
}

/// Statements on point `provision`.
pub async fn provision_total(pool: &sqlx::SqlitePool, provision: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("select coalesce(sum(statements), 0) from tally where provision = ?")
        .bind(provision)
        .fetch_one(pool)
        .await
}

/// A speaker's statements per point (provision, statements), in point order.
pub async fn speaker_points(
    pool: &sqlx::SqlitePool,
    speaker_id: i64,
) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "select provision, sum(statements) from tally where speaker_id = ? and provision >= 0
         group by provision order by provision",
    )
    .bind(speaker_id)
    .fetch_all(pool)
    .await
}
