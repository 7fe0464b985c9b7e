//! Every SQL statement of the program, each behind a plain function.

use std::collections::HashMap;

use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

use super::fts;
use super::models::{
    CategoryRow, CellRow, Cursor, Direction, FacetCount, FilterStats, ProvisionRow, Sort,
    SourceHit, SourceRow, SpeakerRow, StatementFilter, StatementRow,
};
use crate::catalog::Catalog;

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
    super::matrix::upsert_outlets(&mut tx, &catalog.outlets).await?;
    bump_data_version(&mut tx).await?;
    tx.commit().await?;
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

/// All sources, oldest first (for tests and tools: the pages read [`source_page`]).
pub async fn list_sources(pool: &SqlitePool) -> sqlx::Result<Vec<SourceRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(SOURCE_COLUMNS);
    q.push(" order by s.published_date is null, s.published_date, s.published_time, s.id");
    q.build_query_as().fetch_all(pool).await
}

/// Sources dated within `from..=to` (when given; undated ones only without a range), oldest
/// first, undated last: `limit` of them after the position `after` (date or '' for undated,
/// id) in that order; and how many there are in all.
pub async fn source_page(
    pool: &SqlitePool,
    from: Option<&str>,
    to: Option<&str>,
    after: Option<(&str, i64)>,
    limit: i64,
) -> sqlx::Result<(Vec<SourceRow>, i64)> {
    // undated articles sort as '~' (after every date), so one key orders them last
    let key = "coalesce(s.published_date, '~')";
    let push_range = |q: &mut QueryBuilder<Sqlite>| {
        q.push(" where 1 = 1");
        if let Some(d) = from {
            q.push(" and s.published_date >= ").push_bind(d.to_string());
        }
        if let Some(d) = to {
            q.push(" and s.published_date <= ").push_bind(d.to_string());
        }
    };
    let mut q = QueryBuilder::<Sqlite>::new(SOURCE_COLUMNS);
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
    let mut c = QueryBuilder::<Sqlite>::new("select count(*) from source s");
    push_range(&mut c);
    let total = c.build_query_scalar().fetch_one(pool).await?;
    Ok((rows, total))
}

/// The sources with these ids (those that exist), in id order.
pub async fn sources_by_ids(pool: &SqlitePool, ids: &[i64]) -> sqlx::Result<Vec<SourceRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = QueryBuilder::<Sqlite>::new(SOURCE_COLUMNS);
    q.push(" where s.id");
    push_in(&mut q, ids);
    q.push(" order by s.id");
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
    let (rows, _) = speaker_page(pool, 0, i64::MAX).await?;
    Ok(rows)
}

/// Speakers with at least one statement, most statements first (then by name): `limit` of
/// them from the `offset`th, and how many there are in all. Counted from the tallies.
pub async fn speaker_page(
    pool: &SqlitePool,
    offset: i64,
    limit: i64,
) -> sqlx::Result<(Vec<SpeakerRow>, i64)> {
    let rows = sqlx::query_as(
        "select p.id, p.slug, p.name, p.kind, p.role, p.organisation, p.country, p.known, x.n as statements
         from (select speaker_id, sum(statements) as n from tally where provision = -1 and speaker_id <> 0
               group by speaker_id) x join speaker p on p.id = x.speaker_id
         where x.n > 0 order by x.n desc, p.name, p.id limit ? offset ?",
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
}

/// The speakers with these slugs (those that exist).
pub async fn speakers_by_slugs(
    pool: &SqlitePool,
    slugs: &[String],
) -> sqlx::Result<Vec<SpeakerRow>> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = QueryBuilder::<Sqlite>::new(SPEAKER_COLUMNS);
    q.push(" where p.slug");
    push_in(&mut q, slugs);
    q.build_query_as().fetch_all(pool).await
}

/// One speaker by slug.
pub async fn get_speaker(pool: &SqlitePool, slug: &str) -> sqlx::Result<Option<SpeakerRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(SPEAKER_COLUMNS);
    q.push(" where p.slug = ").push_bind(slug.to_string());
    q.build_query_as().fetch_optional(pool).await
}

const STATEMENT_SELECT: &str = "select t.id, t.source_id, s.file_name, s.title as source_title, s.publisher, s.published_date,
    p.slug as speaker_slug, p.name as speaker_name, t.speaker_via, t.kind, t.stance, t.stance_cues, t.text,
    t.span_start, t.span_end, t.rule, t.confidence,
    coalesce((select group_concat(l.provision || '=' || l.evidence, '|') from
        (select provision, evidence from statement_provision where statement_id = t.id order by provision) l), '') as links";

const STATEMENT_JOINS: &str = " from statement t join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id";

/// A facet of the statement list: a dimension the filter can restrict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// `provision`
    Provision,
    /// `category`
    Category,
    /// `speaker`
    Speaker,
    /// `source`
    Source,
    /// `kind`
    Kind,
    /// `stance`
    Stance,
}

fn push_in<T>(q: &mut QueryBuilder<Sqlite>, values: &[T])
where
    T: Clone + Send + 'static + for<'a> sqlx::Encode<'a, Sqlite> + sqlx::Type<Sqlite>,
{
    q.push(" in (");
    let mut sep = q.separated(", ");
    for v in values {
        sep.push_bind(v.clone());
    }
    q.push(")");
}

/// True when `f` without the facet `skip` restricts nothing.
fn is_open(f: &StatementFilter, skip: Option<Facet>) -> bool {
    let open = |facet: Facet, empty: bool| empty || skip == Some(facet);
    open(Facet::Provision, f.provisions.is_empty())
        && open(Facet::Category, f.categories.is_empty())
        && open(Facet::Speaker, f.speakers.is_empty())
        && open(Facet::Source, f.sources.is_empty())
        && open(Facet::Kind, f.kinds.is_empty())
        && open(Facet::Stance, f.stances.is_empty())
        && f.q.is_none()
        && f.from.is_none()
        && f.to.is_none()
}

/// ` where l.statement_id in (the statements of the filter)`, or nothing for no filter.
fn push_link_filter(q: &mut QueryBuilder<Sqlite>, f: &StatementFilter, skip: Facet) {
    if !is_open(f, Some(skip)) {
        q.push(" where l.statement_id in (select t.id from statement t");
        push_filter(q, f, Some(skip));
        q.push(")");
    }
}

/// The `where` clause of a statement filter, on `statement t` alone (every other table is
/// reached through an indexed `in (select ...)`), leaving out the facet `skip`.
fn push_filter(q: &mut QueryBuilder<Sqlite>, f: &StatementFilter, skip: Option<Facet>) {
    push_filter_as(q, f, skip, false);
}

/// [`push_filter`]; with `walk`, for a query that walks `source s` in date order and checks
/// each statement `t` (see [`statement_page`]): the points are tested per statement and the
/// dates on `s`, instead of lists of every matching statement or article.
fn push_filter_as(
    q: &mut QueryBuilder<Sqlite>,
    f: &StatementFilter,
    skip: Option<Facet>,
    walk: bool,
) {
    q.push(" where 1 = 1");
    let provisions = if skip == Some(Facet::Provision) {
        &[][..]
    } else {
        &f.provisions[..]
    };
    let categories = if skip == Some(Facet::Category) {
        &[][..]
    } else {
        &f.categories[..]
    };
    // two independent conditions: some link to one of the points, some link to a point of
    // one of the categories (so each facet's counts agree with the list its link gives)
    let links = if walk {
        " and exists (select 1 from statement_provision l where l.statement_id = t.id and l.provision"
    } else {
        " and t.id in (select l.statement_id from statement_provision l where l.provision"
    };
    if !provisions.is_empty() {
        q.push(links);
        push_in(q, provisions);
        q.push(")");
    }
    if !categories.is_empty() {
        q.push(links)
            .push(" in (select number from provision where category");
        push_in(q, categories);
        q.push("))");
    }
    if skip != Some(Facet::Speaker) && !f.speakers.is_empty() {
        q.push(" and t.speaker_id in (select id from speaker where slug");
        push_in(q, &f.speakers);
        q.push(")");
    }
    if skip != Some(Facet::Kind) && !f.kinds.is_empty() {
        q.push(" and t.kind");
        push_in(q, &f.kinds);
    }
    if skip != Some(Facet::Stance) && !f.stances.is_empty() {
        q.push(" and t.stance");
        push_in(q, &f.stances);
    }
    if skip != Some(Facet::Source) && !f.sources.is_empty() {
        q.push(" and t.source_id");
        push_in(q, &f.sources);
    }
    if walk {
        if let Some(d) = &f.from {
            q.push(" and s.published_date >= ").push_bind(d.clone());
        }
        if let Some(d) = &f.to {
            q.push(" and s.published_date <= ").push_bind(d.clone());
        }
    } else if f.from.is_some() || f.to.is_some() {
        q.push(" and t.source_id in (select id from source where 1 = 1");
        if let Some(d) = &f.from {
            q.push(" and published_date >= ").push_bind(d.clone());
        }
        if let Some(d) = &f.to {
            q.push(" and published_date <= ").push_bind(d.clone());
        }
        q.push(")");
    }
    if let Some(text) = &f.q {
        // an expression that cannot be built matches nothing (the web layer rejects it first)
        let expr = fts::match_expression(text).unwrap_or_else(|_| "\"\"".into());
        q.push(" and t.id in (select rowid from statement_fts where statement_fts match ")
            .push_bind(expr)
            .push(")");
    }
}

enum Key {
    Text(String),
    Int(i64),
}

/// One part of a sort key: the expression to order by, the same value for comparing with a
/// cursor (undated articles compare as ''), ascending or not, and the cursor's value.
struct SortKey {
    order: &'static str,
    compare: &'static str,
    asc: bool,
    value: Key,
}

fn key(order: &'static str, compare: &'static str, asc: bool, value: Key) -> SortKey {
    SortKey {
        order,
        compare,
        asc,
        value,
    }
}

const DATE: &str = "s.published_date";
const DATE_COMPARED: &str = "coalesce(s.published_date, '')";

/// The sort key of `sort`. The expressions are fixed strings, never user input. Ordering by
/// the plain columns lets SQLite walk `source_by_date` and `statement_by_source` in order
/// instead of sorting every matching row; SQLite puts NULL first, so undated articles come
/// first oldest-first and last newest-first, as '' compares.
fn sort_keys(sort: Sort, c: &Cursor) -> Vec<SortKey> {
    let date = || Key::Text(c.date.clone().unwrap_or_default());
    let mut keys = match sort {
        Sort::Date => vec![key(DATE, DATE_COMPARED, true, date())],
        Sort::DateDesc => vec![key(DATE, DATE_COMPARED, false, date())],
        Sort::Source => vec![
            key(
                "s.publisher",
                "s.publisher",
                true,
                Key::Text(c.publisher.clone()),
            ),
            key(DATE, DATE_COMPARED, true, date()),
        ],
    };
    keys.push(key(
        "s.id",
        "s.id",
        sort != Sort::DateDesc,
        Key::Int(c.source_id),
    ));
    keys.push(key(
        "t.span_start",
        "t.span_start",
        true,
        Key::Int(c.span_start),
    ));
    keys.push(key("t.id", "t.id", true, Key::Int(c.id)));
    keys
}

fn push_key(q: &mut QueryBuilder<Sqlite>, k: &Key) {
    match k {
        Key::Text(s) => q.push_bind(s.clone()),
        Key::Int(i) => q.push_bind(*i),
    };
}

/// `and (k1 > c1 or (k1 = c1 and (k2 > c2 or ...)))`, with `<` for descending keys, all
/// flipped for the previous page; for the date orders also a plain range on the date that
/// the index can seek to.
fn push_keyset(q: &mut QueryBuilder<Sqlite>, sort: Sort, cursor: &Cursor, dir: Direction) {
    let keys = sort_keys(sort, cursor);
    if sort != Sort::Source {
        let forward = (sort == Sort::Date) == (dir == Direction::After);
        match (&cursor.date, forward) {
            (Some(d), true) => {
                q.push(" and s.published_date >= ").push_bind(d.clone());
            }
            (Some(d), false) => {
                q.push(" and (s.published_date <= ")
                    .push_bind(d.clone())
                    .push(" or s.published_date is null)");
            }
            (None, false) => {
                q.push(" and s.published_date is null");
            }
            (None, true) => {}
        }
    }
    q.push(" and ");
    for (i, k) in keys.iter().enumerate() {
        let after = k.asc == (dir == Direction::After);
        q.push("(")
            .push(k.compare)
            .push(if after { " > " } else { " < " });
        push_key(q, &k.value);
        if i + 1 < keys.len() {
            q.push(" or (").push(k.compare).push(" = ");
            push_key(q, &k.value);
            q.push(" and ");
        }
    }
    for i in 0..keys.len() {
        q.push(if i + 1 < keys.len() { "))" } else { ")" });
    }
}

fn push_order(q: &mut QueryBuilder<Sqlite>, sort: Sort, dir: Direction) {
    let keys = sort_keys(sort, &Cursor::default());
    q.push(" order by ");
    let mut sep = q.separated(", ");
    for k in &keys {
        let asc = k.asc == (dir == Direction::After);
        sep.push(k.order)
            .push_unseparated(if asc { " asc" } else { " desc" });
    }
}

/// One page of the statements matching `filter`: `filter.limit` rows from its cursor (or its
/// offset) in its order, and whether more rows follow in that direction. The page's ids are
/// found first; only those rows get their columns (and their points) read.
pub async fn statement_page(
    pool: &SqlitePool,
    filter: &StatementFilter,
) -> sqlx::Result<(Vec<StatementRow>, bool)> {
    let dir = filter.cursor.as_ref().map_or(Direction::After, |c| c.1);
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_SELECT);
    // A filter that matches many statements (points, categories, kinds, stances, dates) finds
    // its page soonest by walking the articles in date order: `cross join` keeps SQLite from
    // reading every match through an index on the filter and sorting them all. A speaker, a
    // source or a search may match only a few, which their indexes find at once.
    let walk = filter.speakers.is_empty()
        && filter.sources.is_empty()
        && filter.q.is_none()
        && filter.sort != Sort::Source;
    q.push(if walk {
        " from (select t.id from source s cross join statement t on s.id = t.source_id"
    } else {
        " from (select t.id from statement t join source s on s.id = t.source_id"
    });
    push_filter_as(&mut q, filter, None, walk);
    if let Some((cursor, dir)) = &filter.cursor {
        push_keyset(&mut q, filter.sort, cursor, *dir);
    }
    push_order(&mut q, filter.sort, dir);
    q.push(" limit ").push_bind(filter.limit.saturating_add(1));
    if filter.cursor.is_none() {
        q.push(" offset ").push_bind(filter.offset);
    }
    q.push(") k join statement t on t.id = k.id join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id");
    push_order(&mut q, filter.sort, dir);
    let mut rows: Vec<StatementRow> = q.build_query_as().fetch_all(pool).await?;
    let more = rows.len() as i64 > filter.limit;
    rows.truncate(usize::try_from(filter.limit).unwrap_or(0));
    if dir == Direction::Before {
        rows.reverse();
    }
    Ok((rows, more))
}

/// Statements matching `filter` (a page of them) and how many match in all.
pub async fn list_statements(
    pool: &SqlitePool,
    filter: &StatementFilter,
) -> sqlx::Result<(Vec<StatementRow>, i64)> {
    let (rows, _) = statement_page(pool, filter).await?;
    let mut q = QueryBuilder::<Sqlite>::new("select count(*) from statement t");
    push_filter(&mut q, filter, None);
    let total = q.build_query_scalar().fetch_one(pool).await?;
    Ok((rows, total))
}

/// How many statements match `filter`, by how many speakers, in how many sources.
pub async fn statement_stats(
    pool: &SqlitePool,
    filter: &StatementFilter,
) -> sqlx::Result<FilterStats> {
    if is_open(filter, None) {
        // everything: the tallies kept by the ingest
        return sqlx::query_as(
            "select coalesce((select sum(statements) from tally where provision = -1), 0) as statements,
             (select count(distinct speaker_id) from tally where provision = -1 and speaker_id <> 0) as speakers,
             (select count(*) from tally_count) as sources",
        )
        .fetch_one(pool)
        .await;
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "select count(*) as statements, count(distinct t.speaker_id) as speakers,
         count(distinct t.source_id) as sources from statement t",
    );
    push_filter(&mut q, filter, None);
    q.build_query_as().fetch_one(pool).await
}

/// Whether the counts of `facet` under `f` can come from `tally` (points, category, speaker,
/// kind, stance: no source, date or search, at most one point or one category, not both).
fn in_tally(f: &StatementFilter, facet: Facet) -> bool {
    let provisions = if facet == Facet::Provision {
        0
    } else {
        f.provisions.len()
    };
    let categories = if facet == Facet::Category {
        0
    } else {
        f.categories.len()
    };
    f.sources.is_empty()
        && f.q.is_none()
        && f.from.is_none()
        && f.to.is_none()
        && provisions + categories <= 1
        && !(facet == Facet::Provision && categories > 0)
        && !(facet == Facet::Category && provisions > 0)
}

/// ` where` the rows of `tally s` that count the statements of `f` for `facet` (see
/// [`in_tally`]): per point for the point facet, per category for the category facet, else
/// the statements of the one point or category selected, or each statement once.
fn push_tally_where(q: &mut QueryBuilder<Sqlite>, f: &StatementFilter, facet: Facet) {
    match facet {
        Facet::Provision => {
            q.push(" where s.provision >= 0");
        }
        Facet::Category => {
            q.push(" where s.provision = -2");
        }
        _ => match (f.provisions.first(), f.categories.first()) {
            (Some(p), _) => {
                q.push(" where s.provision = ").push_bind(*p);
            }
            (None, Some(c)) => {
                q.push(" where s.provision = -2 and s.category = ")
                    .push_bind(c.clone());
            }
            (None, None) => {
                q.push(" where s.provision = -1");
            }
        },
    }
    if facet != Facet::Speaker && !f.speakers.is_empty() {
        q.push(" and s.speaker_id in (select id from speaker where slug");
        push_in(q, &f.speakers);
        q.push(")");
    }
    if facet != Facet::Kind && !f.kinds.is_empty() {
        q.push(" and s.kind");
        push_in(q, &f.kinds);
    }
    if facet != Facet::Stance && !f.stances.is_empty() {
        q.push(" and s.stance");
        push_in(q, &f.stances);
    }
}

/// A facet value, its count and how many values the facet has in all.
#[derive(sqlx::FromRow)]
struct FacetRow {
    value: String,
    label: String,
    count: i64,
    total: i64,
}

/// ` (column in (the selected values)) as chosen` for ordering the selected values first.
fn push_chosen<T>(q: &mut QueryBuilder<Sqlite>, column: &str, values: &[T], lookup: Option<&str>)
where
    T: Clone + Send + 'static + for<'a> sqlx::Encode<'a, Sqlite> + sqlx::Type<Sqlite>,
{
    if values.is_empty() {
        q.push("0");
        return;
    }
    q.push("(").push(column);
    match lookup {
        Some(select) => {
            q.push(" in (").push(select);
            push_in(q, values);
            q.push("))");
        }
        None => {
            push_in(q, values);
            q.push(")");
        }
    }
}

/// `column as key_id, n, total, chosen from statement t where (filter) group by column`, most
/// statements first after the selected `values`.
fn push_grouped<T>(
    q: &mut QueryBuilder<Sqlite>,
    filter: &StatementFilter,
    facet: Facet,
    column: &str,
    values: &[T],
    lookup: Option<&str>,
) where
    T: Clone + Send + 'static + for<'a> sqlx::Encode<'a, Sqlite> + sqlx::Type<Sqlite>,
{
    q.push(column)
        .push(" as key_id, count(*) as n, count(*) over () as total, ");
    push_chosen(q, column, values, lookup);
    q.push(" as chosen from statement t");
    push_filter(q, filter, Some(facet));
    q.push(" and ")
        .push(column)
        .push(" is not null group by ")
        .push(column)
        .push(" order by chosen desc, n desc, key_id");
}

/// The values of one facet with their counts: statements matching `filter` with that facet's
/// own selection left out (so each count says what adding the value would bring), and how many
/// values the facet has. Points, categories, kinds and stances come all, in their natural
/// order; speakers and sources the selected ones and then the `shown` with most statements.
/// When the rest of the filter is empty the counts come from the tallies kept by the ingest.
pub async fn facet_counts(
    pool: &SqlitePool,
    filter: &StatementFilter,
    facet: Facet,
    shown: usize,
) -> sqlx::Result<(Vec<FacetCount>, i64)> {
    let open = is_open(filter, Some(facet));
    let cube = in_tally(filter, facet);
    let mut q = QueryBuilder::<Sqlite>::new("");
    match facet {
        Facet::Provision if cube => {
            q.push(
                "select cast(s.provision as text) as value,
                 case when s.provision = 0 then 'Plan as a whole' else 'Point ' || s.provision || ': ' || v.title end as label,
                 sum(s.statements) as count, 0 as total
                 from tally s join provision v on v.number = s.provision",
            );
            push_tally_where(&mut q, filter, facet);
            q.push(" group by s.provision order by s.provision");
        }
        Facet::Provision => {
            q.push(
                "select cast(l.provision as text) as value,
                 case when l.provision = 0 then 'Plan as a whole' else 'Point ' || l.provision || ': ' || v.title end as label,
                 count(*) as count, 0 as total
                 from statement_provision l join provision v on v.number = l.provision",
            );
            push_link_filter(&mut q, filter, facet);
            q.push(" group by l.provision order by l.provision");
        }
        Facet::Category if cube => {
            q.push(
                "select c.slug as value, c.letter || '. ' || c.name as label, sum(s.statements) as count, 0 as total
                 from tally s join category c on c.slug = s.category",
            );
            push_tally_where(&mut q, filter, facet);
            q.push(" group by c.slug order by min(c.position)");
        }
        Facet::Category => {
            q.push(
                "select c.slug as value, c.letter || '. ' || c.name as label, count(distinct l.statement_id) as count,
                 0 as total
                 from statement_provision l join provision v on v.number = l.provision
                 join category c on c.slug = v.category",
            );
            push_link_filter(&mut q, filter, facet);
            q.push(" group by c.slug order by min(c.position)");
        }
        Facet::Speaker => {
            q.push("select p.slug as value, p.name as label, x.n as count, x.total from (select ");
            let lookup = Some("select id from speaker where slug");
            if open {
                q.push(
                    "s.speaker_id as key_id, sum(s.statements) as n, count(*) over () as total, ",
                );
                push_chosen(&mut q, "s.speaker_id", &filter.speakers, lookup);
                q.push(" as chosen from tally s where s.provision = -1 and s.speaker_id <> 0 group by s.speaker_id");
                q.push(" order by chosen desc, n desc, key_id");
            } else {
                push_grouped(
                    &mut q,
                    filter,
                    facet,
                    "t.speaker_id",
                    &filter.speakers,
                    lookup,
                );
            }
            q.push(" limit ")
                .push_bind((shown + filter.speakers.len()) as i64)
                .push(") x join speaker p on p.id = x.key_id order by x.chosen desc, x.n desc, p.name");
        }
        Facet::Source => {
            q.push(
                "select cast(s.id as text) as value,
                 case when s.publisher = '' then s.file_name else s.publisher end || coalesce(', ' || s.published_date, '') as label,
                 x.n as count, x.total from (select ",
            );
            if open {
                q.push("c.id as key_id, c.statements as n, (select count(*) from tally_count) as total, ");
                push_chosen(&mut q, "c.id", &filter.sources, None);
                q.push(" as chosen from tally_count c");
                // without a selection the index on the count gives the order
                q.push(if filter.sources.is_empty() {
                    " order by c.statements desc, c.id"
                } else {
                    " order by chosen desc, c.statements desc, c.id"
                });
            } else {
                push_grouped(&mut q, filter, facet, "t.source_id", &filter.sources, None);
            }
            q.push(" limit ")
                .push_bind((shown + filter.sources.len()) as i64)
                .push(") x join source s on s.id = x.key_id order by x.chosen desc, x.n desc, s.published_date, s.id");
        }
        Facet::Kind | Facet::Stance => {
            let column = if facet == Facet::Kind {
                "t.kind"
            } else {
                "t.stance"
            };
            if cube {
                let column = if facet == Facet::Kind {
                    "s.kind"
                } else {
                    "s.stance"
                };
                q.push("select ")
                    .push(column)
                    .push(" as value, ")
                    .push(column)
                    .push(" as label, sum(s.statements) as count, 0 as total from tally s");
                push_tally_where(&mut q, filter, facet);
                q.push(" group by ").push(column);
            } else {
                q.push("select ")
                    .push(column)
                    .push(" as value, ")
                    .push(column)
                    .push(" as label, count(*) as count, 0 as total from statement t");
                push_filter(&mut q, filter, Some(facet));
                q.push(" group by ").push(column);
            }
        }
    }
    let rows: Vec<FacetRow> = q.build_query_as().fetch_all(pool).await?;
    let total = rows.first().map_or(0, |r| r.total).max(rows.len() as i64);
    let rows = rows
        .into_iter()
        .map(|r| FacetCount {
            value: r.value,
            label: r.label,
            count: r.count,
        })
        .collect();
    Ok((rows, total))
}

/// Statement texts with each hit of the search `text` between [`fts::MARK_OPEN`] and
/// [`fts::MARK_CLOSE`], for the statements `ids` that match it.
pub async fn highlight_statements(
    pool: &SqlitePool,
    text: &str,
    ids: &[i64],
) -> sqlx::Result<Vec<(i64, String)>> {
    let Ok(expr) = fts::match_expression(text) else {
        return Ok(Vec::new());
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "select rowid, highlight(statement_fts, 0, char(2), char(3)) from statement_fts where statement_fts match ",
    );
    q.push_bind(expr).push(" and rowid");
    push_in(&mut q, ids);
    q.build_query_as().fetch_all(pool).await
}

/// Sources whose title or body matches the search `text` (best first, at most `limit`),
/// dated within `from`..=`to` when given, with a snippet of the body; and how many match.
pub async fn search_sources(
    pool: &SqlitePool,
    text: &str,
    from: Option<&str>,
    to: Option<&str>,
    limit: i64,
) -> sqlx::Result<(Vec<SourceHit>, i64)> {
    let Ok(expr) = fts::match_expression(text) else {
        return Ok((Vec::new(), 0));
    };
    let push_where = |q: &mut QueryBuilder<Sqlite>| {
        q.push(" where source_fts match ").push_bind(expr.clone());
        if let Some(d) = from {
            q.push(" and s.published_date >= ").push_bind(d.to_string());
        }
        if let Some(d) = to {
            q.push(" and s.published_date <= ").push_bind(d.to_string());
        }
    };
    let mut q = QueryBuilder::<Sqlite>::new(
        "select s.id, s.publisher, s.title, s.file_name, s.published_date,
         snippet(source_fts, -1, char(2), char(3), '…', 40) as snippet
         from source_fts join source s on s.id = source_fts.rowid",
    );
    push_where(&mut q);
    q.push(" order by bm25(source_fts), s.id limit ")
        .push_bind(limit);
    let rows = q.build_query_as().fetch_all(pool).await?;
    let mut c = QueryBuilder::<Sqlite>::new(
        "select count(*) from source_fts join source s on s.id = source_fts.rowid",
    );
    push_where(&mut c);
    let total = c.build_query_scalar().fetch_one(pool).await?;
    Ok((rows, total))
}

/// One statement.
pub async fn get_statement(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<StatementRow>> {
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_SELECT);
    q.push(STATEMENT_JOINS).push(" where t.id = ").push_bind(id);
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
    let mut q = QueryBuilder::<Sqlite>::new(STATEMENT_SELECT);
    q.push(STATEMENT_JOINS)
        .push(" order by s.file_name, t.span_start");
    q.build_query_as().fetch_all(pool).await
}
