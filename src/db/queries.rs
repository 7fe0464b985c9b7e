//! Every SQL statement of the program, each behind a plain function.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

use super::models::{
    CategoryRow, CellRow, ProvisionRow, SourceRow, SpeakerRow, StatementFilter, StatementRow,
};
use crate::catalog::Catalog;
use crate::ingest::{Article, Speaker, Statement};

/// Writes the categories, points and known speakers of `catalog` (insert or update).
pub async fn upsert_catalog(pool: &SqlitePool, catalog: &Catalog) -> sqlx::Result<()> {
    let mut tx = pool.begin().await?;
    for (i, c) in catalog.plan.categories.iter().enumerate() {
        sqlx::query(
            "insert into category (slug, letter, name, description, position) values (?, ?, ?, ?, ?)
             on conflict (slug) do update set letter = excluded.letter, name = excluded.name,
             description = excluded.description, position = excluded.position",
        )
        .bind(&c.slug)
        .bind(&c.letter)
        .bind(&c.name)
        .bind(&c.description)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    for p in &catalog.plan.points {
        let category = (!p.category.is_empty()).then_some(p.category.as_str());
        let mut keywords = p.keywords.clone();
        keywords.extend(p.weak.iter().cloned());
        sqlx::query(
            "insert into provision (number, category, title, summary, sub_points, keywords) values (?, ?, ?, ?, ?, ?)
             on conflict (number) do update set category = excluded.category, title = excluded.title,
             summary = excluded.summary, sub_points = excluded.sub_points, keywords = excluded.keywords",
        )
        .bind(i64::from(p.number))
        .bind(category)
        .bind(&p.title)
        .bind(&p.summary)
        .bind(serde_json::to_string(&p.sub_points).unwrap_or_else(|_| "[]".into()))
        .bind(serde_json::to_string(&keywords).unwrap_or_else(|_| "[]".into()))
        .execute(&mut *tx)
        .await?;
    }
    for s in &catalog.speakers {
        sqlx::query(
            "insert into speaker (slug, name, kind, role, organisation, country, known) values (?, ?, ?, ?, ?, ?, 1)
             on conflict (slug) do update set name = excluded.name, kind = excluded.kind, role = excluded.role,
             organisation = excluded.organisation, country = excluded.country, known = 1",
        )
        .bind(&s.slug)
        .bind(&s.name)
        .bind(&s.kind)
        .bind(&s.role)
        .bind(&s.organisation)
        .bind(&s.country)
        .execute(&mut *tx)
        .await?;
    }
    bump_data_version(&mut tx).await?;
    tx.commit().await?;
    super::note_local_write();
    Ok(())
}

/// The data version: changes with every transaction that changes what the pages show.
pub async fn data_version(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar("select value from meta where key = 'data_version'")
        .fetch_one(pool)
        .await
}

/// Marks the data as changed (after an edit made outside the ingest): servers notice within
/// their polling interval. Returns the new version.
pub async fn touch_data_version(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "update meta set value = value + 1 where key = 'data_version' returning value",
    )
    .fetch_one(pool)
    .await
}

/// Bumps the data version inside the caller's transaction.
async fn bump_data_version(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    sqlx::query("update meta set value = value + 1 where key = 'data_version'")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The stored content hash of a file name, if it was ingested before.
pub async fn get_source_hash(pool: &SqlitePool, file_name: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select content_hash from source where file_name = ?")
        .bind(file_name)
        .fetch_optional(pool)
        .await
}

/// [`get_source_hash`] inside the caller's transaction.
pub async fn source_hash_in(
    conn: &mut SqliteConnection,
    file_name: &str,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select content_hash from source where file_name = ?")
        .bind(file_name)
        .fetch_optional(&mut *conn)
        .await
}

/// The stored content hashes of the given file names (those ingested before).
pub async fn get_source_hashes(
    pool: &SqlitePool,
    file_names: &[String],
) -> sqlx::Result<HashMap<String, String>> {
    if file_names.is_empty() {
        return Ok(HashMap::new());
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "select file_name, content_hash from source where file_name in (",
    );
    let mut sep = q.separated(", ");
    for n in file_names {
        sep.push_bind(n.clone());
    }
    q.push(")");
    let rows: Vec<(String, String)> = q.build_query_as().fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

/// Speaker ids by slug, kept across the articles of one ingest run so each speaker is looked
/// up once. Only ids of committed or current-transaction rows go in; a failed transaction
/// ends the run, so no id of a rolled-back row is used again.
#[derive(Debug, Default)]
pub struct SpeakerIds(HashMap<String, i64>);

/// Rows per multi-row insert: a fixed size keeps the number of distinct SQL texts (each one a
/// prepared statement cached per connection) small.
const ROWS_PER_INSERT: usize = 16;

/// Inserts or replaces one source and all its statements, inside the caller's transaction,
/// and bumps the data version in it.
pub async fn replace_source(
    conn: &mut SqliteConnection,
    article: &Article,
    hash: &str,
    url: &str,
    statements: &[Statement],
) -> sqlx::Result<i64> {
    let mut speakers = SpeakerIds::default();
    replace_source_with(conn, &mut speakers, article, hash, url, statements).await
}

/// [`replace_source`] with a speaker id cache shared by the articles of a run; statements and
/// their point links go in with multi-row inserts.
pub async fn replace_source_with(
    conn: &mut SqliteConnection,
    speakers: &mut SpeakerIds,
    article: &Article,
    hash: &str,
    url: &str,
    statements: &[Statement],
) -> sqlx::Result<i64> {
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
    .bind(url)
    .bind(&article.body)
    .fetch_one(&mut *conn)
    .await?;
    bump_data_version(&mut *conn).await?;
    super::note_local_write();
    sqlx::query("delete from statement where source_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if statements.is_empty() {
        return Ok(id);
    }
    let mut speaker_ids = Vec::with_capacity(statements.len());
    for s in statements {
        speaker_ids.push(match &s.speaker {
            Some(sp) => match speakers.0.get(&sp.slug) {
                Some(id) => Some(*id),
                None => {
                    let sid = upsert_speaker(&mut *conn, sp).await?;
                    speakers.0.insert(sp.slug.clone(), sid);
                    Some(sid)
                }
            },
            None => None,
        });
    }
    // The transaction holds the write lock since the source row went in, so the ids after the
    // largest one are ours (what SQLite itself would pick for an integer primary key).
    let first: i64 = sqlx::query_scalar("select coalesce(max(id), 0) + 1 from statement")
        .fetch_one(&mut *conn)
        .await?;
    let rows: Vec<(i64, Option<i64>, &Statement)> = statements
        .iter()
        .zip(speaker_ids)
        .enumerate()
        .map(|(k, (s, sp))| (first + k as i64, sp, s))
        .collect();
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "insert into statement (id, source_id, speaker_id, speaker_via, kind, stance, stance_cues, text, span_start, span_end, rule, confidence) ",
        );
        q.push_values(chunk, |mut b, (sid, speaker, s)| {
            b.push_bind(*sid)
                .push_bind(id)
                .push_bind(*speaker)
                .push_bind(s.speaker_via.clone())
                .push_bind(s.kind.as_str())
                .push_bind(s.stance.as_str())
                .push_bind(s.stance_cues.join(", "))
                .push_bind(s.text.clone())
                .push_bind(s.span.start as i64)
                .push_bind(s.span.end as i64)
                .push_bind(s.rule)
                .push_bind(f64::from(s.confidence));
        });
        q.build().execute(&mut *conn).await?;
    }
    let links: Vec<(i64, i64, String)> = rows
        .iter()
        .flat_map(|(sid, _, s)| {
            s.provisions
                .iter()
                .map(move |p| (*sid, i64::from(p.number), p.evidence.join(", ")))
        })
        .collect();
    for chunk in links.chunks(ROWS_PER_INSERT) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "insert or ignore into statement_provision (statement_id, provision, evidence) ",
        );
        q.push_values(chunk, |mut b, (sid, number, evidence)| {
            b.push_bind(*sid)
                .push_bind(*number)
                .push_bind(evidence.clone());
        });
        q.build().execute(&mut *conn).await?;
    }
    Ok(id)
}

/// The id of a speaker, creating a row for one first seen in an article.
async fn upsert_speaker(conn: &mut SqliteConnection, s: &Speaker) -> sqlx::Result<i64> {
    if let Some(id) = sqlx::query_scalar("select id from speaker where slug = ?")
        .bind(&s.slug)
        .fetch_optional(&mut *conn)
        .await?
    {
        return Ok(id);
    }
    sqlx::query_scalar(
        "insert into speaker (slug, name, kind, known) values (?, ?, ?, 0) returning id",
    )
    .bind(&s.slug)
    .bind(&s.name)
    .bind(s.kind.as_str())
    .fetch_one(&mut *conn)
    .await
}

/// Number of sources, statements and statement-point links.
pub async fn count_rows(pool: &SqlitePool) -> sqlx::Result<(i64, i64, i64)> {
    sqlx::query_as(
        "select (select count(*) from source), (select count(*) from statement), (select count(*) from statement_provision)",
    )
    .fetch_one(pool)
    .await
}

/// All categories in display order.
pub async fn list_categories(pool: &SqlitePool) -> sqlx::Result<Vec<CategoryRow>> {
    sqlx::query_as("select slug, letter, name, description from category order by position")
        .fetch_all(pool)
        .await
}

/// All points, 0 to 28.
pub async fn list_provisions(pool: &SqlitePool) -> sqlx::Result<Vec<ProvisionRow>> {
    sqlx::query_as("select number, category, title, summary, sub_points, keywords from provision order by number")
        .fetch_all(pool)
        .await
}

/// One point.
pub async fn get_provision(pool: &SqlitePool, number: i64) -> sqlx::Result<Option<ProvisionRow>> {
    sqlx::query_as("select number, category, title, summary, sub_points, keywords from provision where number = ?")
        .bind(number)
        .fetch_optional(pool)
        .await
}

const SOURCE_COLUMNS: &str =
    "select s.id, s.file_name, s.publisher, s.title, s.published_date, s.published_time, s.url,
    (select count(*) from statement t where t.source_id = s.id) as statements from source s";

/// All sources, oldest first.
pub async fn list_sources(pool: &SqlitePool) -> sqlx::Result<Vec<SourceRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(SOURCE_COLUMNS);
    q.push(" order by s.published_date is null, s.published_date, s.published_time, s.id");
    q.build_query_as().fetch_all(pool).await
}

/// One source and its body.
pub async fn get_source(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<(SourceRow, String)>> {
    let mut q = QueryBuilder::<Sqlite>::new(SOURCE_COLUMNS);
    q.push(" where s.id = ").push_bind(id);
    let Some(row): Option<SourceRow> = q.build_query_as().fetch_optional(pool).await? else {
        return Ok(None);
    };
    let body: String = sqlx::query_scalar("select body from source where id = ?")
        .bind(id)
        .fetch_one(pool)
        .await?;
    Ok(Some((row, body)))
}

const SPEAKER_COLUMNS: &str =
    "select p.id, p.slug, p.name, p.kind, p.role, p.organisation, p.country, p.known,
    (select count(*) from statement t where t.speaker_id = p.id) as statements from speaker p";

/// Speakers with at least one statement, most statements first.
pub async fn list_speakers(pool: &SqlitePool) -> sqlx::Result<Vec<SpeakerRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(SPEAKER_COLUMNS);
    q.push(" where exists (select 1 from statement t where t.speaker_id = p.id) order by statements desc, p.name");
    q.build_query_as().fetch_all(pool).await
}

/// One speaker by slug.
pub async fn get_speaker(pool: &SqlitePool, slug: &str) -> sqlx::Result<Option<SpeakerRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(SPEAKER_COLUMNS);
    q.push(" where p.slug = ").push_bind(slug.to_string());
    q.build_query_as().fetch_optional(pool).await
}

const STATEMENT_COLUMNS: &str = "select t.id, t.source_id, s.file_name, s.title as source_title, s.publisher, s.published_date,
    p.slug as speaker_slug, p.name as speaker_name, t.speaker_via, t.kind, t.stance, t.stance_cues, t.text,
    t.span_start, t.span_end, t.rule, t.confidence,
    coalesce((select group_concat(l.provision || '=' || l.evidence, '|') from
        (select provision, evidence from statement_provision where statement_id = t.id order by provision) l), '') as links
    from statement t join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id";

fn push_filter(q: &mut QueryBuilder<Sqlite>, f: &StatementFilter) {
    q.push(" where 1 = 1");
    if !f.provisions.is_empty() || !f.categories.is_empty() {
        q.push(" and exists (select 1 from statement_provision l left join provision v on v.number = l.provision where l.statement_id = t.id");
        if !f.provisions.is_empty() {
            q.push(" and l.provision in (");
            let mut sep = q.separated(", ");
            for p in &f.provisions {
                sep.push_bind(*p);
            }
            q.push(")");
        }
        if !f.categories.is_empty() {
            q.push(" and v.category in (");
            let mut sep = q.separated(", ");
            for c in &f.categories {
                sep.push_bind(c.clone());
            }
            q.push(")");
        }
        q.push(")");
    }
    let in_list = |q: &mut QueryBuilder<Sqlite>, column: &str, values: &[String]| {
        if values.is_empty() {
            return;
        }
        q.push(" and ").push(column).push(" in (");
        let mut sep = q.separated(", ");
        for v in values {
            sep.push_bind(v.clone());
        }
        q.push(")");
    };
    // column names are fixed strings, never user input
    in_list(q, "p.slug", &f.speakers);
    in_list(q, "t.kind", &f.kinds);
    in_list(q, "t.stance", &f.stances);
    if !f.sources.is_empty() {
        q.push(" and t.source_id in (");
        let mut sep = q.separated(", ");
        for s in &f.sources {
            sep.push_bind(*s);
        }
        q.push(")");
    }
}

/// Statements matching `filter` (a page of them) and how many match in all.
pub async fn list_statements(
    pool: &SqlitePool,
    filter: &StatementFilter,
) -> sqlx::Result<(Vec<StatementRow>, i64)> {
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_COLUMNS);
    push_filter(&mut q, filter);
    q.push(" order by s.published_date is null, s.published_date, s.id, t.span_start limit ")
        .push_bind(filter.limit)
        .push(" offset ")
        .push_bind(filter.offset);
    let rows = q.build_query_as().fetch_all(pool).await?;
    let mut c = QueryBuilder::<Sqlite>::new(
        "select count(*) from statement t join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id",
    );
    push_filter(&mut c, filter);
    let total: i64 = c.build_query_scalar().fetch_one(pool).await?;
    Ok((rows, total))
}

/// One statement.
pub async fn get_statement(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<StatementRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_COLUMNS);
    q.push(" where t.id = ").push_bind(id);
    q.build_query_as().fetch_optional(pool).await
}

/// Statement counts per (point, source), by stance.
pub async fn matrix_by_source(pool: &SqlitePool) -> sqlx::Result<Vec<CellRow>> {
    sqlx::query_as(
        "select l.provision, t.source_id as column_id, count(*) as total,
            sum(t.stance = 'supports') as supports, sum(t.stance = 'opposes') as opposes,
            sum(t.stance = 'mixed') as mixed, sum(t.stance = 'neutral') as neutral
         from statement_provision l join statement t on t.id = l.statement_id
         group by l.provision, t.source_id",
    )
    .fetch_all(pool)
    .await
}

/// Statement counts per (point, speaker), by stance; the article's own voice is speaker 0.
pub async fn matrix_by_speaker(pool: &SqlitePool) -> sqlx::Result<Vec<CellRow>> {
    sqlx::query_as(
        "select l.provision, coalesce(t.speaker_id, 0) as column_id, count(*) as total,
            sum(t.stance = 'supports') as supports, sum(t.stance = 'opposes') as opposes,
            sum(t.stance = 'mixed') as mixed, sum(t.stance = 'neutral') as neutral
         from statement_provision l join statement t on t.id = l.statement_id
         group by l.provision, coalesce(t.speaker_id, 0)",
    )
    .fetch_all(pool)
    .await
}

/// Every statement for the export, in source and text order.
pub async fn export_statements(pool: &SqlitePool) -> sqlx::Result<Vec<StatementRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_COLUMNS);
    q.push(" order by s.file_name, t.span_start");
    q.build_query_as().fetch_all(pool).await
}
