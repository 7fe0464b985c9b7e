//! The statement list's SQL: a filter's `where` clause, keyset pages in each order, and the
//! counts of a filter. [`super::facets`] counts each facet's values under the same filter.

use sqlx::{Database, QueryBuilder};

use super::{Db, Param, is_pg, on_db};

use super::fts;
use super::models::{Cursor, Direction, FilterStats, Sort, StatementFilter, StatementRow};

/// The columns of a [`StatementRow`] (its points joined as `number=evidence|...`).
const STATEMENT_SELECT: &str = "select t.id, t.source_id, s.file_name, s.title as source_title, s.publisher, s.published_date,
    p.slug as speaker_slug, p.name as speaker_name, t.speaker_via, t.kind, t.stance, t.stance_cues, t.text,
    t.span_start, t.span_end, t.rule, t.confidence, t.review,
    coalesce((select group_concat(l.provision || '=' || l.evidence, '|') from
        (select provision, evidence from statement_provision where statement_id = t.id order by provision) l), '') as links";

/// [`STATEMENT_SELECT`] in PostgreSQL's words (`string_agg`, in point order).
const STATEMENT_SELECT_PG: &str = "select t.id, t.source_id, s.file_name, s.title as source_title, s.publisher, s.published_date,
    p.slug as speaker_slug, p.name as speaker_name, t.speaker_via, t.kind, t.stance, t.stance_cues, t.text,
    t.span_start, t.span_end, t.rule, t.confidence, t.review,
    coalesce((select string_agg(cast(l.provision as text) || '=' || l.evidence, '|' order by l.provision) from
        (select provision, evidence from statement_provision where statement_id = t.id order by provision) l), '') as links";

/// The columns of a [`StatementRow`] on PostgreSQL (`pg`) or SQLite.
pub(super) fn statement_select(pg: bool) -> &'static str {
    if pg {
        STATEMENT_SELECT_PG
    } else {
        STATEMENT_SELECT
    }
}

pub(super) const STATEMENT_JOINS: &str = " from statement t join source s on s.id = t.source_id left join speaker p on p.id = t.speaker_id";

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
    /// `reviewed`
    Reviewed,
    /// `version`
    Version,
}

pub(super) fn push_in<DB: Database, T>(q: &mut QueryBuilder<DB>, values: &[T])
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
    T: Param<DB>,
{
    q.push(" in (");
    let mut sep = q.separated(", ");
    for v in values {
        sep.push_bind(v.clone());
    }
    q.push(")");
}

/// True when `f` without the facet `skip` restricts nothing.
pub(super) fn is_open(f: &StatementFilter, skip: Option<Facet>) -> bool {
    let open = |facet: Facet, empty: bool| empty || skip == Some(facet);
    open(Facet::Provision, f.provisions.is_empty())
        && open(Facet::Category, f.categories.is_empty())
        && open(Facet::Speaker, f.speakers.is_empty())
        && open(Facet::Source, f.sources.is_empty())
        && open(Facet::Kind, f.kinds.is_empty())
        && open(Facet::Stance, f.stances.is_empty())
        && open(Facet::Reviewed, f.reviewed.is_empty())
        && open(Facet::Version, f.versions.is_empty())
        && f.q.is_none()
        && f.from.is_none()
        && f.to.is_none()
}

/// Whether `f` selects only the statements no editor reviewed (`reviewed=no`): the editors'
/// queue, nearly every statement.
pub(super) fn unreviewed_only(f: &StatementFilter) -> bool {
    !f.reviewed.is_empty() && f.reviewed.iter().all(|v| v == "no")
}

/// Whether `f` is [`unreviewed_only`] and selects nothing else (`skip` left out, as in
/// [`is_open`]): its counts are the tallies' less those of the reviewed statements.
pub(super) fn open_but_unreviewed(f: &StatementFilter, skip: Option<Facet>) -> bool {
    unreviewed_only(f)
        && is_open(
            &StatementFilter {
                reviewed: Vec::new(),
                ..f.clone()
            },
            skip,
        )
}

/// Whether `f` has a date range and, `skip` left out as in [`is_open`], nothing else: its
/// counts are those of `tally_date` and `tally_count` in the range.
pub(crate) fn only_dated(f: &StatementFilter, skip: Option<Facet>) -> bool {
    (f.from.is_some() || f.to.is_some())
        && is_open(
            &StatementFilter {
                from: None,
                to: None,
                ..f.clone()
            },
            skip,
        )
}

/// The one category of `f` when, `skip` left out as in [`is_open`], it selects that category
/// and at most a date range: its sources are counted in `tally_count_category`.
pub(super) fn only_category(f: &StatementFilter, skip: Option<Facet>) -> Option<&str> {
    let rest = StatementFilter {
        categories: Vec::new(),
        from: None,
        to: None,
        ..f.clone()
    };
    match f.categories.as_slice() {
        [c] if is_open(&rest, skip) => Some(c),
        _ => None,
    }
}

/// ` and published_date` in the date range of `f` (inside `select id from source where ...`).
pub(crate) fn push_source_dates<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    String: Param<DB>,
{
    if let Some(d) = &f.from {
        q.push(" and published_date >= ").push_bind(d.to_string());
    }
    if let Some(d) = &f.to {
        q.push(" and published_date <= ").push_bind(d.to_string());
    }
}

/// ` where l.statement_id in (the statements of the filter)`, or nothing for no filter.
pub(super) fn push_link_filter<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    skip: Facet,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if !is_open(f, Some(skip)) {
        q.push(" where l.statement_id in (select t.id from statement t");
        push_filter(q, f, Some(skip));
        q.push(")");
    }
}

/// The `where` clause of a statement filter, on `statement t` alone (every other table is
/// reached through an indexed `in (select ...)`), leaving out the facet `skip`.
pub(super) fn push_filter<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    skip: Option<Facet>,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    push_filter_as(q, f, skip, false);
}

/// Whether `f` (the facet `skip` left out) has a search, speakers or sources: conditions that
/// find few statements through their own indexes.
fn narrowed(f: &StatementFilter, skip: Option<Facet>) -> bool {
    f.q.is_some()
        || (skip != Some(Facet::Speaker) && !f.speakers.is_empty())
        || (skip != Some(Facet::Source) && !f.sources.is_empty())
}

/// [`push_filter`] for a query that has `source s` joined to each statement `t`: the points
/// and categories tested on each statement's links, the dates on `s`.
pub(super) fn push_walk_filter<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    skip: Option<Facet>,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    push_filter_as(q, f, skip, true);
}

/// [`push_filter`]; with `walk`, for a query that walks `source s` in date order and checks
/// each statement `t` (see [`statement_page`]): the points are tested per statement and the
/// dates on `s`, instead of lists of every matching statement or article.
fn push_filter_as<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    skip: Option<Facet>,
    walk: bool,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
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
    // one of the categories (so each facet's counts agree with the list its link gives);
    // tested per statement when the walk or a narrower condition (a search, speakers, sources)
    // finds the statements: a list of every statement of a category first took 2.8 s at 100k
    let links = if walk || narrowed(f, skip) {
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
    if skip != Some(Facet::Reviewed) {
        push_reviewed(q, &f.reviewed);
    }
    if skip != Some(Facet::Version) && !f.versions.is_empty() {
        // per statement like the links (a list of the statements of a version, nearly all of
        // them, before the few a walk or a narrower condition checks)
        q.push(if walk || narrowed(f, skip) {
            " and exists (select 1 from statement_version w where w.statement_id = t.id and w.version"
        } else {
            " and t.id in (select statement_id from statement_version where version"
        });
        push_in(q, &f.versions);
        q.push(")");
    }
    if skip != Some(Facet::Source) && !f.sources.is_empty() {
        q.push(" and t.source_id");
        push_in(q, &f.sources);
    }
    push_dates(q, f, skip, walk);
    if let Some(text) = &f.q {
        push_search(q, text);
    }
}

/// ` and` the date range of `f`: on `s` for a walk (see [`push_filter_as`]), on each
/// statement's article when a narrower condition finds the statements, else a list of the
/// range's articles.
fn push_dates<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    skip: Option<Facet>,
    walk: bool,
) where
    String: Param<DB>,
{
    if walk {
        if let Some(d) = &f.from {
            q.push(" and s.published_date >= ").push_bind(d.to_string());
        }
        if let Some(d) = &f.to {
            q.push(" and s.published_date <= ").push_bind(d.to_string());
        }
    } else if (f.from.is_some() || f.to.is_some()) && narrowed(f, skip) {
        // each statement's article looked up, not a list of every article of the range
        // (SQLite read the statements of each instead: for a speaker at 100k, in the sqlite3
        // shell, 0.19 s against 0.04 s)
        q.push(" and exists (select 1 from source d where d.id = t.source_id");
        push_source_dates(q, f);
        q.push(")");
    } else if f.from.is_some() || f.to.is_some() {
        q.push(" and t.source_id in (select id from source where 1 = 1");
        push_source_dates(q, f);
        q.push(")");
    }
}

/// ` and` the statements matching the search `text`: FTS5's index on SQLite, the `search`
/// column on PostgreSQL. A search that cannot be built matches nothing (the web layer rejects
/// it first).
fn push_search<DB: Database>(q: &mut QueryBuilder<DB>, text: &str)
where
    String: Param<DB>,
{
    if is_pg::<DB>() {
        match fts::query_groups(text) {
            Ok(groups) => {
                q.push(" and t.search @@ ");
                push_tsquery(q, &groups);
            }
            Err(_) => {
                q.push(" and false");
            }
        }
    } else {
        let expr = fts::match_expression(text).unwrap_or_else(|_| "\"\"".into());
        q.push(" and t.id in (select rowid from statement_fts where statement_fts match ")
            .push_bind(expr)
            .push(")");
    }
}

/// A search as a PostgreSQL `tsquery` expression (see [`fts::query_groups`]): the groups
/// joined by `&&`, the terms of a group by `||`; each term a bound value that
/// `websearch_to_tsquery` reads as a phrase, or a prefix that `to_tsquery` reads as plain
/// words (letters and digits only, so no input is tsquery syntax).
pub(super) fn push_tsquery<DB: Database>(q: &mut QueryBuilder<DB>, groups: &[Vec<fts::Term>])
where
    String: Param<DB>,
{
    q.push("(");
    for (i, group) in groups.iter().enumerate() {
        q.push(if i > 0 { " && (" } else { "(" });
        for (j, term) in group.iter().enumerate() {
            if j > 0 {
                q.push(" || ");
            }
            match fts::prefix_tsquery(&term.text).filter(|_| term.prefix) {
                Some(prefix) => q.push("to_tsquery('pointwise', ").push_bind(prefix),
                None => q
                    .push("websearch_to_tsquery('pointwise', ")
                    .push_bind(fts::websearch_phrase(&term.text)),
            };
            q.push(")");
        }
        q.push(")");
    }
    q.push(")");
}

/// ` and` the statements an editor reviewed (`yes`) or did not (`no`); nothing for both or none.
fn push_reviewed<DB: Database>(q: &mut QueryBuilder<DB>, reviewed: &[String])
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    let yes = reviewed.iter().any(|v| v == "yes");
    let no = reviewed.iter().any(|v| v == "no");
    if yes && !no {
        // the reviewed are few: a list of their ids from `statement_by_review` (`>` rather than
        // `<>` so the index can seek; the same rows, since review is a non-null text) keeps
        // SQLite from scanning a whole index in the order of a facet's `group by` instead
        q.push(" and t.id in (select id from statement where review > '')");
    } else if no && !yes {
        q.push(" and t.review = ''");
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

fn push_key<DB: Database>(q: &mut QueryBuilder<DB>, k: &Key)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    match k {
        Key::Text(s) => q.push_bind(s.clone()),
        Key::Int(i) => q.push_bind(*i),
    };
}

/// `and (k1 > c1 or (k1 = c1 and (k2 > c2 or ...)))`, with `<` for descending keys, all
/// flipped for the previous page; for the date orders also a plain range on the date that
/// the index can seek to.
fn push_keyset<DB: Database>(q: &mut QueryBuilder<DB>, sort: Sort, cursor: &Cursor, dir: Direction)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    let keys = sort_keys(sort, cursor);
    if sort != Sort::Source {
        let forward = (sort == Sort::Date) == (dir == Direction::After);
        match (&cursor.date, forward) {
            (Some(d), true) => {
                q.push(" and s.published_date >= ").push_bind(d.to_string());
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

fn push_order<DB: Database>(q: &mut QueryBuilder<DB>, sort: Sort, dir: Direction)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
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
    db: &Db,
    filter: &StatementFilter,
) -> sqlx::Result<(Vec<StatementRow>, bool)> {
    on_db!(db, |pool| {
        let dir = filter.cursor.as_ref().map_or(Direction::After, |c| c.1);
        let mut q = QueryBuilder::<Backend>::new(statement_select(PG));
        // A filter that matches many statements (points, categories, kinds, stances, dates) finds
        // its page soonest by walking the articles in date order: `cross join` keeps SQLite from
        // reading every match through an index on the filter and sorting them all. A speaker, a
        // source or a search may match only a few, which their indexes find at once.
        // Likewise only reviewed statements, which `statement_by_review` finds (a walk over every
        // article to find none took 8 s at 100k).
        let reviewed_only =
            !filter.reviewed.is_empty() && filter.reviewed.iter().all(|v| v == "yes");
        let walk = filter.speakers.is_empty()
            && filter.sources.is_empty()
            && filter.q.is_none()
            && !reviewed_only
            && filter.sort != Sort::Source;
        q.push(if walk && !PG {
            " from (select t.id from source s cross join statement t on s.id = t.source_id"
        } else if walk {
            // PostgreSQL has no `cross join ... on`, and plans the join itself
            " from (select t.id from source s join statement t on s.id = t.source_id"
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
    })
}

/// Statements matching `filter` (a page of them) and how many match in all.
pub async fn list_statements(
    db: &Db,
    filter: &StatementFilter,
) -> sqlx::Result<(Vec<StatementRow>, i64)> {
    let (rows, _) = statement_page(db, filter).await?;
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new("select count(*) from statement t");
        push_filter(&mut q, filter, None);
        let total = q.build_query_scalar().fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// ` and` the rows of `tally_date s` in the date range of `f` (undated articles, '', in none).
pub(super) fn push_tally_range<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    String: Param<DB>,
{
    q.push(" and s.date <> ''");
    if let Some(d) = &f.from {
        q.push(" and s.date >= ").push_bind(d.to_string());
    }
    if let Some(d) = &f.to {
        q.push(" and s.date <= ").push_bind(d.to_string());
    }
}

/// How many statements match `filter`, by how many speakers, in how many sources.
pub async fn statement_stats(db: &Db, filter: &StatementFilter) -> sqlx::Result<FilterStats> {
    on_db!(db, |pool| {
        if is_open(filter, None) {
            // everything: the tallies kept by the ingest
            return sqlx::query_as(
            "select coalesce((select cast(sum(statements) as bigint) from tally where provision = -1), 0) as statements,
             (select count(distinct speaker_id) from tally where provision = -1 and speaker_id <> 0) as speakers,
             (select count(*) from tally_count) as sources",
        )
        .fetch_one(pool)
        .await;
        }
        if open_but_unreviewed(filter, None) {
            // the editors' queue: the tallies less the reviewed statements (few), and the
            // speakers and sources all of whose statements were reviewed
            return sqlx::query_as(
            "select coalesce((select cast(sum(statements) as bigint) from tally where provision = -1), 0)
                - (select count(*) from statement where review > '') as statements,
             (select count(*) from (select x.speaker_id from (select speaker_id, statements from tally
                where provision = -1 and speaker_id <> 0 union all select speaker_id, -1 from statement
                where id in (select id from statement where review > '') and speaker_id is not null) x
                group by x.speaker_id having sum(x.statements) > 0) y) as speakers,
             (select count(*) from tally_count) - (select count(*) from (select source_id, count(*) as n
                from statement where id in (select id from statement where review > '')
                group by source_id) r
                join tally_count c on c.id = r.source_id where c.statements = r.n) as sources",
        )
        .fetch_one(pool)
        .await;
        }
        if only_dated(filter, None) {
            // a date range alone: the tallies per day, and the counted sources of the range
            let mut q = QueryBuilder::<Backend>::new(
                "select coalesce((select cast(sum(s.statements) as bigint) from tally_date s where s.provision = -1",
            );
            push_tally_range(&mut q, filter);
            q.push("), 0) as statements, (select count(distinct s.speaker_id) from tally_date_speaker s where s.provision = -1 and s.speaker_id <> 0");
            push_tally_range(&mut q, filter);
            q.push(") as speakers, (select count(*) from tally_count c where c.id in (select id from source where 1 = 1");
            push_source_dates(&mut q, filter);
            q.push(")) as sources");
            return q.build_query_as().fetch_one(pool).await;
        }
        if super::facets::in_sets(filter, None) {
            // several categories (at most kinds, stances and a date range besides)
            return super::facets::set_stats::<Backend>(filter)
                .build_query_as()
                .fetch_one(pool)
                .await;
        }
        if let Some(category) = only_category(filter, None) {
            return category_stats(filter, category)
                .build_query_as()
                .fetch_one(pool)
                .await;
        }
        let mut q = QueryBuilder::<Backend>::new(
            "select count(*) as statements, count(distinct t.speaker_id) as speakers,
         count(distinct t.source_id) as sources from statement t",
        );
        push_filter(&mut q, filter, None);
        q.build_query_as().fetch_one(pool).await
    })
}

/// The counts of one `category` and at most a date range (see [`only_category`]): the
/// category's rows of `tally` (or per day `tally_date` and `tally_date_speaker`), and its
/// sources in `tally_count_category`.
fn category_stats<DB: Database>(f: &StatementFilter, category: &str) -> QueryBuilder<DB>
where
    i64: Param<DB>,
    String: Param<DB>,
{
    let dated = f.from.is_some() || f.to.is_some();
    let mut q =
        QueryBuilder::<DB>::new("select coalesce((select cast(sum(s.statements) as bigint) from ");
    q.push(if dated { "tally_date" } else { "tally" })
        .push(" s where s.provision = -2 and s.category = ")
        .push_bind(category.to_string());
    if dated {
        push_tally_range(&mut q, f);
    }
    q.push("), 0) as statements, (select count(distinct s.speaker_id) from ")
        .push(if dated { "tally_date_speaker" } else { "tally" })
        .push(" s where s.provision = -2 and s.speaker_id <> 0 and s.category = ")
        .push_bind(category.to_string());
    if dated {
        push_tally_range(&mut q, f);
    }
    q.push(") as speakers, (select count(*) from tally_count_category c where c.category = ")
        .push_bind(category.to_string());
    if dated {
        q.push(" and c.id in (select id from source where 1 = 1");
        push_source_dates(&mut q, f);
        q.push(")");
    }
    q.push(") as sources");
    q
}
