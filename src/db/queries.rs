//! Every SQL statement of the program, each behind a plain function.

use std::collections::HashMap;

use jiff::civil::Date;
use sqlx::QueryBuilder;

use super::{Db, on_db};

pub use super::facets::facet_counts;
use super::fts;
use super::models::{
    CategoryRow, CellRow, ProvisionRow, SourceHit, SourceRow, SpeakerRow, StatementRow,
};
pub use super::statements::{Facet, list_statements, statement_page, statement_stats};
use super::statements::{STATEMENT_JOINS, push_in, push_tsquery, statement_select};
use crate::catalog::Catalog;

/// Writes the categories, points and known speakers of `catalog` (insert or update), and the
/// plan's versions, unless the database already holds this very catalog: every process calls
/// this at start-up, and bumping the data version each time would empty every other server's
/// response cache whenever one of them restarts. Returns whether anything was written.
pub async fn upsert_catalog(db: &Db, catalog: &Catalog) -> sqlx::Result<bool> {
    let versions = crate::versions::Versions::bundled().ok();
    // a release whose migrations changed what the pages show bumps the version too
    let migrator = if db.is_postgres() {
        &super::schema::PG_MIGRATOR
    } else {
        &super::MIGRATOR
    };
    let schema = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    let fingerprint = catalog_fingerprint(catalog, versions, schema);
    on_db!(db, |pool| {
        // read before the transaction: on SQLite a transaction that reads first and then writes
        // fails at once ("database is locked") when another process wrote in between; two
        // processes that both find an old fingerprint both write the same rows, which is harmless
        let stored: Option<i64> =
            sqlx::query_scalar("select value from meta where key = 'catalog_fingerprint'")
                .fetch_optional(pool)
                .await?;
        if stored == Some(fingerprint) {
            return Ok(false);
        }
        let mut tx = pool.begin().await?;
        for (i, c) in catalog.plan.categories.iter().enumerate() {
            sqlx::query(
            "insert into category (slug, letter, name, description, position) values ($1, $2, $3, $4, $5)
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
            "insert into provision (number, category, title, summary, sub_points, keywords) values ($1, $2, $3, $4, $5, $6)
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
            "insert into speaker (slug, name, kind, role, organisation, country, known) values ($1, $2, $3, $4, $5, $6, 1)
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
        side::matrix::upsert_outlets(&mut tx, &catalog.outlets).await?;
        if let Some(versions) = versions {
            side::versions::upsert(&mut tx, versions).await?;
        }
        side::queries::bump_data_version(&mut tx).await?;
        sqlx::query(
            "insert into meta (key, value) values ('catalog_fingerprint', $1)
             on conflict (key) do update set value = excluded.value",
        )
        .bind(fingerprint)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// A number that changes whenever what [`upsert_catalog`] writes changes, or the schema: the
/// first eight bytes of the SHA-256 of the latest migration's version and the catalog's and the
/// versions' debug form (their maps are ordered).
fn catalog_fingerprint(
    catalog: &Catalog,
    versions: Option<&crate::versions::Versions>,
    schema: i64,
) -> i64 {
    use sha2::{Digest, Sha256};
    let written = format!(
        "{schema}{:?}{:?}{:?}{:?}{versions:?}",
        catalog.plan.categories, catalog.plan.points, catalog.speakers, catalog.outlets
    );
    let digest = Sha256::digest(written.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_le_bytes(first)
}

/// The data version: changes with every transaction that changes what the pages show.
pub async fn data_version(db: &Db) -> sqlx::Result<i64> {
    on_db!(db, |pool| {
        sqlx::query_scalar("select value from meta where key = 'data_version'")
            .fetch_one(pool)
            .await
    })
}

/// Marks the data as changed (after an edit made outside the ingest): servers notice within
/// their polling interval. Returns the new version.
pub async fn touch_data_version(db: &Db) -> sqlx::Result<i64> {
    on_db!(db, |pool| {
        sqlx::query_scalar(
            "update meta set value = value + 1 where key = 'data_version' returning value",
        )
        .fetch_one(pool)
        .await
    })
}

/// The stored content hashes of the given file names (those ingested before).
pub async fn get_source_hashes(
    db: &Db,
    file_names: &[String],
) -> sqlx::Result<HashMap<String, String>> {
    on_db!(db, |pool| {
        if file_names.is_empty() {
            return Ok(HashMap::new());
        }
        let mut q = QueryBuilder::<Backend>::new(
            "select file_name, content_hash from source where file_name in (",
        );
        let mut sep = q.separated(", ");
        for n in file_names {
            sep.push_bind(n.clone());
        }
        q.push(")");
        let rows: Vec<(String, String)> = q.build_query_as().fetch_all(pool).await?;
        Ok(rows.into_iter().collect())
    })
}

/// Number of sources, statements and statement-point links.
pub async fn count_rows(db: &Db) -> sqlx::Result<(i64, i64, i64)> {
    on_db!(db, |pool| {
        sqlx::query_as(
        "select (select count(*) from source), (select count(*) from statement), (select count(*) from statement_provision)",
    )
    .fetch_one(pool)
    .await
    })
}

/// All categories in display order.
pub async fn list_categories(db: &Db) -> sqlx::Result<Vec<CategoryRow>> {
    on_db!(db, |pool| {
        sqlx::query_as("select slug, letter, name, description from category order by position")
            .fetch_all(pool)
            .await
    })
}

/// All points, from 0 (the plan as a whole).
pub async fn list_provisions(db: &Db) -> sqlx::Result<Vec<ProvisionRow>> {
    on_db!(db, |pool| {
        sqlx::query_as("select number, category, title, summary, sub_points, keywords from provision order by number")
        .fetch_all(pool)
        .await
    })
}

/// One point.
pub async fn get_provision(db: &Db, number: i64) -> sqlx::Result<Option<ProvisionRow>> {
    on_db!(db, |pool| {
        sqlx::query_as("select number, category, title, summary, sub_points, keywords from provision where number = $1")
        .bind(number)
        .fetch_optional(pool)
        .await
    })
}

const SOURCE_COLUMNS: &str =
    "select s.id, s.file_name, s.publisher, s.title, s.published_date, s.published_time, s.url,
    (select count(*) from statement t where t.source_id = s.id) as statements from source s";

/// All sources, oldest first (for tests and tools: the pages read [`source_page`]).
pub async fn list_sources(db: &Db) -> sqlx::Result<Vec<SourceRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(SOURCE_COLUMNS);
        q.push(" order by s.published_date is null, s.published_date, s.published_time, s.id");
        q.build_query_as().fetch_all(pool).await
    })
}

/// Sources dated within `from..=to` (when given; undated ones only without a range), oldest
/// first, undated last: `limit` of them after the position `after` (date or '' for undated,
/// id) in that order; and how many there are in all.
pub async fn source_page(
    db: &Db,
    from: Option<Date>,
    to: Option<Date>,
    after: Option<(&str, i64)>,
    limit: i64,
) -> sqlx::Result<(Vec<SourceRow>, i64)> {
    on_db!(db, |pool| {
        // undated articles sort as '~' (after every date), so one key orders them last
        let key = "coalesce(s.published_date, '~')";
        let push_range = |q: &mut QueryBuilder<Backend>| {
            q.push(" where 1 = 1");
            if let Some(d) = from {
                q.push(" and s.published_date >= ").push_bind(d.to_string());
            }
            if let Some(d) = to {
                q.push(" and s.published_date <= ").push_bind(d.to_string());
            }
        };
        let mut q = QueryBuilder::<Backend>::new(SOURCE_COLUMNS);
        push_range(&mut q);
        if let Some((date, id)) = after {
            let date = if date.is_empty() { "~" } else { date };
            q.push(" and (")
                .push(key)
                .push(" > ")
                .push_bind(date.to_string())
                .push(" or (")
                .push(key)
                .push(" = ")
                .push_bind(date.to_string())
                .push(" and s.id > ")
                .push_bind(id)
                .push("))");
        }
        q.push(" order by ")
            .push(key)
            .push(", s.id limit ")
            .push_bind(limit);
        let rows = q.build_query_as().fetch_all(pool).await?;
        let mut c = QueryBuilder::<Backend>::new("select count(*) from source s");
        push_range(&mut c);
        let total = c.build_query_scalar().fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// The sources with these ids (those that exist), in id order.
pub async fn sources_by_ids(db: &Db, ids: &[i64]) -> sqlx::Result<Vec<SourceRow>> {
    on_db!(db, |pool| {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Backend>::new(SOURCE_COLUMNS);
        q.push(" where s.id");
        push_in(&mut q, ids);
        q.push(" order by s.id");
        q.build_query_as().fetch_all(pool).await
    })
}

/// One source and its body.
pub async fn get_source(db: &Db, id: i64) -> sqlx::Result<Option<(SourceRow, String)>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(SOURCE_COLUMNS);
        q.push(" where s.id = ").push_bind(id);
        let Some(row): Option<SourceRow> = q.build_query_as().fetch_optional(pool).await? else {
            return Ok(None);
        };
        let body: String = sqlx::query_scalar("select body from source where id = $1")
            .bind(id)
            .fetch_one(pool)
            .await?;
        Ok(Some((row, body)))
    })
}

const SPEAKER_COLUMNS: &str =
    "select p.id, p.slug, p.name, p.kind, p.role, p.organisation, p.country, p.known,
    (select count(*) from statement t where t.speaker_id = p.id) as statements from speaker p";

/// Speakers with at least one statement, most statements first.
pub async fn list_speakers(db: &Db) -> sqlx::Result<Vec<SpeakerRow>> {
    let (rows, _) = speaker_page(db, 0, i64::MAX).await?;
    Ok(rows)
}

/// Speakers with at least one statement, most statements first (then by name): `limit` of
/// them from the `offset`th, and how many there are in all. Counted from the tallies.
pub async fn speaker_page(
    db: &Db,
    offset: i64,
    limit: i64,
) -> sqlx::Result<(Vec<SpeakerRow>, i64)> {
    on_db!(db, |pool| {
        let rows = sqlx::query_as(
        "select p.id, p.slug, p.name, p.kind, p.role, p.organisation, p.country, p.known, x.n as statements
         from (select speaker_id, cast(sum(statements) as bigint) as n from tally where provision = -1 and speaker_id <> 0
               group by speaker_id) x join speaker p on p.id = x.speaker_id
         where x.n > 0 order by x.n desc, p.name, p.id limit $1 offset $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await?;
        let total = sqlx::query_scalar(
            "select count(distinct speaker_id) from tally where provision = -1 and speaker_id <> 0",
        )
        .fetch_one(pool)
        .await?;
        Ok((rows, total))
    })
}

/// The speakers with these slugs (those that exist).
pub async fn speakers_by_slugs(db: &Db, slugs: &[String]) -> sqlx::Result<Vec<SpeakerRow>> {
    on_db!(db, |pool| {
        if slugs.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Backend>::new(SPEAKER_COLUMNS);
        q.push(" where p.slug");
        push_in(&mut q, slugs);
        q.build_query_as().fetch_all(pool).await
    })
}

/// One speaker by slug.
pub async fn get_speaker(db: &Db, slug: &str) -> sqlx::Result<Option<SpeakerRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(SPEAKER_COLUMNS);
        q.push(" where p.slug = ").push_bind(slug.to_string());
        q.build_query_as().fetch_optional(pool).await
    })
}

/// Statement texts with each hit of the search `text` between [`fts::MARK_OPEN`] and
/// [`fts::MARK_CLOSE`], for the statements `ids` that match it.
pub async fn highlight_statements(
    db: &Db,
    text: &str,
    ids: &[i64],
) -> sqlx::Result<Vec<(i64, String)>> {
    on_db!(db, |pool| {
        let Ok(expr) = fts::match_expression(text) else {
            return Ok(Vec::new());
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Backend>::new("");
        if PG {
            let Ok(groups) = fts::query_groups(text) else {
                return Ok(Vec::new());
            };
            q.push("select t.id, ")
                .push(HEADLINE_OPEN)
                .push("t.text, '<', chr(1)), x.q, ")
                .push(HEADLINE_MARKS)
                .push(" || ', HighlightAll=true'), chr(1), '<') from statement t, (select ");
            push_tsquery(&mut q, &groups);
            q.push(" as q) x where t.search @@ x.q and t.id");
        } else {
            q.push("select rowid, highlight(statement_fts, 0, char(2), char(3)) from statement_fts where statement_fts match ")
                .push_bind(expr)
                .push(" and rowid");
        }
        push_in(&mut q, ids);
        q.build_query_as().fetch_all(pool).await
    })
}

/// The options of PostgreSQL's `ts_headline` that put [`fts::MARK_OPEN`] and
/// [`fts::MARK_CLOSE`] around each hit, as SQL text.
const HEADLINE_MARKS: &str = "'StartSel=' || chr(2) || ', StopSel=' || chr(3)";
/// `ts_headline` of a text parsed as the stored vectors are (each `<` read as chr(1), a
/// separator: migration 0002), with the `<` given back: this, the text, `'<', chr(1)), x.q,`
/// the options, then `), chr(1), '<')`.
const HEADLINE_OPEN: &str = "replace(ts_headline('pointwise', replace(";

/// Sources whose title or body matches the search `text` (best first, at most `limit`),
/// dated within `from`..=`to` when given, with a snippet of the body; and how many match.
pub async fn search_sources(
    db: &Db,
    text: &str,
    from: Option<Date>,
    to: Option<Date>,
    limit: i64,
) -> sqlx::Result<(Vec<SourceHit>, i64)> {
    on_db!(db, |pool| {
        let Ok(expr) = fts::match_expression(text) else {
            return Ok((Vec::new(), 0));
        };
        let groups = fts::query_groups(text).unwrap_or_default();
        // the sources matching (`s`, and `x.q` the query on PostgreSQL), dated within the range
        let push_from = |q: &mut QueryBuilder<Backend>| {
            if PG {
                q.push(" from source s, (select ");
                push_tsquery(q, &groups);
                q.push(" as q) x where s.search @@ x.q");
            } else {
                q.push(" from source_fts join source s on s.id = source_fts.rowid where source_fts match ")
                    .push_bind(expr.clone());
            }
            if let Some(d) = from {
                q.push(" and s.published_date >= ").push_bind(d.to_string());
            }
            if let Some(d) = to {
                q.push(" and s.published_date <= ").push_bind(d.to_string());
            }
        };
        let mut q = QueryBuilder::<Backend>::new(
            "select s.id, s.publisher, s.title, s.file_name, s.published_date, ",
        );
        if PG {
            q.push(HEADLINE_OPEN)
                .push("s.body, '<', chr(1)), x.q, ")
                .push(HEADLINE_MARKS)
                .push(" || ', MaxWords=40, MinWords=20'), chr(1), '<') as snippet");
        } else {
            q.push("snippet(source_fts, -1, char(2), char(3), '…', 40) as snippet");
        }
        push_from(&mut q);
        q.push(if PG {
            " order by ts_rank(s.search, x.q) desc, s.id limit "
        } else {
            " order by bm25(source_fts), s.id limit "
        })
        .push_bind(limit);
        let rows = q.build_query_as().fetch_all(pool).await?;
        let mut c = QueryBuilder::<Backend>::new("select count(*)");
        push_from(&mut c);
        let total = c.build_query_scalar().fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// One statement.
pub async fn get_statement(db: &Db, id: i64) -> sqlx::Result<Option<StatementRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(statement_select(PG));
        q.push(STATEMENT_JOINS).push(" where t.id = ").push_bind(id);
        q.build_query_as().fetch_optional(pool).await
    })
}

/// Statement counts per (point, source), by stance.
pub async fn matrix_by_source(db: &Db) -> sqlx::Result<Vec<CellRow>> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "select l.provision, t.source_id as column_id, count(*) as total,
            count(*) filter (where t.stance = 'supports') as supports,
            count(*) filter (where t.stance = 'opposes') as opposes,
            count(*) filter (where t.stance = 'mixed') as mixed,
            count(*) filter (where t.stance = 'neutral') as neutral
         from statement_provision l join statement t on t.id = l.statement_id
         group by l.provision, t.source_id",
        )
        .fetch_all(pool)
        .await
    })
}

/// Statement counts per (point, speaker), by stance; the article's own voice is speaker 0.
pub async fn matrix_by_speaker(db: &Db) -> sqlx::Result<Vec<CellRow>> {
    on_db!(db, |pool| {
        sqlx::query_as(
            "select l.provision, coalesce(t.speaker_id, 0) as column_id, count(*) as total,
            count(*) filter (where t.stance = 'supports') as supports,
            count(*) filter (where t.stance = 'opposes') as opposes,
            count(*) filter (where t.stance = 'mixed') as mixed,
            count(*) filter (where t.stance = 'neutral') as neutral
         from statement_provision l join statement t on t.id = l.statement_id
         group by l.provision, coalesce(t.speaker_id, 0)",
        )
        .fetch_all(pool)
        .await
    })
}

/// Every statement for the export, in source and text order, then in the order stored (a
/// claim made together is its first speaker's statement, then the copies for the others).
pub async fn export_statements(db: &Db) -> sqlx::Result<Vec<StatementRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(statement_select(PG));
        q.push(STATEMENT_JOINS)
            .push(" order by s.file_name, t.span_start, t.id");
        q.build_query_as().fetch_all(pool).await
    })
}

super::per_backend! {
    /// Bumps the data version inside the caller's transaction.
    pub(crate) async fn bump_data_version(conn: &mut Conn) -> sqlx::Result<()> {
        sqlx::query("update meta set value = value + 1 where key = 'data_version'")
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
