//! Counts kept by the ingest (migration 0007): statements per point, outlet, speaker and
//! stance (`tally`), per point, outlet, day and stance (`tally_day`), per source
//! (`tally_count`), per point, category, day, kind and stance (`tally_date`, migration 0012),
//! per point or category, day and speaker (`tally_date_speaker`), per category and source
//! (`tally_count_category`, migration 0014), per version and source (`tally_count_version`,
//! migration 0015; also by kind and stance, migration 0016), and what each source contributes
//! to them (`tally_source`). The matrix, the timeline of a point and the facets of the lists
//! read them instead of grouping every statement.
//!
//! Each is split by kind and stance. In the tallies, provision -1 is the statement itself
//! (counted once, whatever points it is about), -2 with a category the statement counted once
//! in that category, -3 with a version its version and -4 with `category/version` its version
//! in each of its categories (both in `tally_source` and `tally_date` only), and [`CROSSED`] - p
//! with a category the statement on point p counted in each of its categories that p is not in,
//! and [`VERSIONED`] - p with a version the statement on point p by its version (`tally_source`
//! and `tally_date` only; -3 also in `tally_date_speaker`). [`BY_KIND_STANCE`] (-5) with
//! `version/kind/stance` counts a statement by its version, kind and stance in
//! `tally_date_speaker`; `tally_count_version` holds, besides each version, its `version/kind/`,
//! `version//stance` and `version/kind/stance` per source (see `version_keys`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sqlx::{Database, QueryBuilder};

use super::{Db, Param, on_db};

use super::bulk::MAX_ROWS;

fn push_ids<DB: Database>(q: &mut QueryBuilder<DB>, ids: &[i64])
where
    i64: Param<DB>,
    String: Param<DB>,
{
    q.push(" in (");
    let mut sep = q.separated(", ");
    for id in ids {
        sep.push_bind(*id);
    }
    q.push(")");
}

/// The upsert clauses of the totals, `tally` and `tally_day`: a batch adds to what is counted.
/// (PostgreSQL needs the conflict's columns, the primary key, named.)
const ADD: &str = " on conflict (provision, category, publisher, speaker_id, kind, stance)
    do update set statements = tally.statements + excluded.statements";
const ADD_DAY: &str = " on conflict (provision, publisher, date, stance)
    do update set statements = tally_day.statements + excluded.statements";
const ADD_DATE: &str = " on conflict (provision, category, date, kind, stance)
    do update set statements = tally_date.statements + excluded.statements";
const ADD_DATE_SPEAKER: &str = " on conflict (provision, category, date, speaker_id)
    do update set statements = tally_date_speaker.statements + excluded.statements";

/// A source written by the batch, as the counts see it.
#[derive(Debug, Clone)]
pub struct CountedSource {
    /// Its id.
    pub id: i64,
    /// Its publisher ('' when unknown).
    pub publisher: String,
    /// Its date, YYYY-MM-DD, or ''.
    pub date: String,
    /// Whether it replaced an earlier version (whose counts are taken out first).
    pub replaced: bool,
}

/// A statement written by the batch, as the counts see it.
#[derive(Debug, Clone)]
pub struct CountedStatement<'a> {
    /// Its source.
    pub source_id: i64,
    /// Its speaker, 0 for the article's own voice.
    pub speaker_id: i64,
    /// Quote, paraphrase or report.
    pub kind: &'a str,
    /// Its stance.
    pub stance: &'a str,
    /// The points it is linked to.
    pub provisions: Vec<i64>,
    /// The version of the plan it speaks of, if known (counted as provision -3 with the
    /// version's slug as category, and -4 with `category/version`, in `tally_source` and
    /// `tally_date` only).
    pub version: Option<&'a str>,
}

type SourceKey<'a> = (i64, i64, i64, &'a str, &'a str, &'a str);
/// A `tally` row's key: provision, category, publisher, speaker id, kind, stance.
type TotalKey<'a> = (i64, &'a str, &'a str, i64, &'a str, &'a str);
/// A `tally_day` row's key: provision, publisher, date, stance.
type DayKey<'a> = (i64, &'a str, &'a str, &'a str);
/// A `tally_date` row's key: provision, category, date, kind, stance.
type DateKey<'a> = (i64, &'a str, &'a str, &'a str, &'a str);
/// A `tally_date_speaker` row's key: provision (a point, -1, -2 with a category or -3 with a
/// version), category, date, speaker id.
type DateSpeakerKey<'a> = (i64, &'a str, &'a str, i64);
/// A `tally_source` row: source id, publisher, date, speaker id, provision, category, kind,
/// stance, statements.
type SourceRow<'a> = (
    i64,
    &'a str,
    &'a str,
    i64,
    i64,
    &'a str,
    &'a str,
    &'a str,
    i64,
);

/// What a batch adds to each table of counts.
struct Rollup<'a> {
    sources: Vec<SourceRow<'a>>,
    totals: BTreeMap<TotalKey<'a>, i64>,
    days: BTreeMap<DayKey<'a>, i64>,
    dates: BTreeMap<DateKey<'a>, i64>,
    date_speakers: BTreeMap<DateSpeakerKey<'a>, i64>,
    per_count: BTreeMap<i64, i64>,
    per_category: BTreeMap<(&'a str, i64), i64>,
    per_version: BTreeMap<(&'a str, i64), i64>,
    per_set: BTreeMap<(&'a str, &'a str, &'a str, i64), i64>,
}

/// `provision` of the rows that count a statement on point p in a category p is not in:
/// `CROSSED - p` (-100 to -128), with that category.
pub const CROSSED: i64 = -100;

/// `provision` of the rows that count a statement on point p by the version it speaks of:
/// `VERSIONED - p` (-300 to -328), with the version's slug as category. With -3 (each
/// statement once by its version) they give the facets of a version filter.
pub const VERSIONED: i64 = -300;

/// `provision` of the rows of `tally_date_speaker` that count a statement by its version, kind
/// and stance, with `version/kind/stance` as category: the speaker facet of a version with
/// kinds or stances.
pub const BY_KIND_STANCE: i64 = -5;

/// `provision` of the rows that count a statement once by the set of its categories, with that
/// set as category (see [`set_key`]), in `tally_source`, `tally_date` and `tally_date_speaker`:
/// a statement has one set, so the rows of the sets a filter of several categories meets add up
/// (the rows of each category count a statement in two of them twice).
pub const IN_SET: i64 = -6;

/// `provision` of the rows that count a statement by the set of its categories and its version,
/// with `set/version` as category (`tally_source` and `tally_date`): the version facet of
/// several categories.
pub const SET_VERSION: i64 = -7;

/// `provision` of the rows of `tally_date_speaker` that count a statement by the set of its
/// categories, its kind and its stance, with `set/kind/stance` as category: the speaker facet of
/// several categories with kinds or stances.
pub const SET_KIND_STANCE: i64 = -8;

/// `provision` of the rows that count a statement on point p by the set of its categories:
/// `IN_SETS - p` (-500 to -528), with the set as category (`tally_source` and `tally_date`):
/// the point facet of several categories.
pub const IN_SETS: i64 = -500;

/// The set of `categories` as the tallies name it: each slug between `+`, in byte order
/// (`+europe+peace+`), so that `like '%+peace+%'` finds the sets that hold a category.
pub fn set_key<'c>(categories: impl IntoIterator<Item = &'c str>) -> String {
    let mut cats: Vec<&str> = categories.into_iter().collect();
    cats.sort_unstable();
    cats.dedup();
    let mut key = String::from("+");
    for c in cats {
        key.push_str(c);
        key.push('+');
    }
    key
}

/// The keys of `tally_count_version` (and, with both a kind and a stance, of the
/// [`BY_KIND_STANCE`] rows of `tally_date_speaker`) that count the statements of `version` with
/// `kind` and `stance`, either of them `""` for any: the version itself, `version/kind/`,
/// `version//stance` or `version/kind/stance`.
pub fn version_key(version: &str, kind: &str, stance: &str) -> String {
    if kind.is_empty() && stance.is_empty() {
        version.to_string()
    } else {
        format!("{version}/{kind}/{stance}")
    }
}

/// The keys of `tally_count_version` a statement of `version`, `kind` and `stance` counts in
/// besides its version: with its kind and stance, its kind alone and its stance alone (see
/// [`version_key`]).
fn version_keys(version: &str, kind: &str, stance: &str) -> [String; 3] {
    [
        version_key(version, kind, stance),
        version_key(version, kind, ""),
        version_key(version, "", stance),
    ]
}

/// The keys of [`version_keys`] of each (version, kind, stance) of `statements`.
type VersionKeys<'a> = HashMap<(&'a str, &'a str, &'a str), [String; 3]>;

fn version_keys_of<'a>(statements: &[CountedStatement<'a>]) -> VersionKeys<'a> {
    let mut keys = HashMap::new();
    for t in statements {
        if let Some(v) = t.version {
            keys.entry((v, t.kind, t.stance))
                .or_insert_with(|| version_keys(v, t.kind, t.stance));
        }
    }
    keys
}

/// The composite `category/version` of each category and each version of `statements`: the
/// category of the rows (provision -4) that count a statement about a category by its version.
pub(crate) fn category_versions<'a>(
    categories: &'a HashMap<i64, String>,
    statements: &[CountedStatement<'a>],
) -> HashMap<(&'a str, &'a str), String> {
    let versions: BTreeSet<&'a str> = statements.iter().filter_map(|t| t.version).collect();
    let mut pairs = HashMap::new();
    for c in categories.values() {
        for v in &versions {
            pairs.insert((c.as_str(), *v), format!("{c}/{v}"));
        }
    }
    pairs
}

/// The set of categories of each statement of a batch (by its index), with its version
/// (`set/version`), and the `set/kind/stance` of each (set, kind, stance): the categories of the
/// rows [`IN_SET`], [`SET_VERSION`], [`IN_SETS`] - p and [`SET_KIND_STANCE`].
pub(crate) struct SetKeys<'a> {
    sets: Vec<Option<(String, Option<String>)>>,
    by_kind_stance: HashMap<(String, &'a str, &'a str), String>,
}

pub(crate) fn set_keys_of<'a>(
    categories: &HashMap<i64, String>,
    statements: &[CountedStatement<'a>],
) -> SetKeys<'a> {
    let mut by_kind_stance = HashMap::new();
    let sets = statements
        .iter()
        .map(|t| {
            let cats: Vec<&str> = t
                .provisions
                .iter()
                .filter_map(|p| categories.get(p).map(String::as_str))
                .collect();
            if cats.is_empty() {
                return None;
            }
            let set = set_key(cats);
            by_kind_stance
                .entry((set.clone(), t.kind, t.stance))
                .or_insert_with(|| format!("{set}/{}/{}", t.kind, t.stance));
            let version = t.version.map(|v| format!("{set}/{v}"));
            Some((set, version))
        })
        .collect();
    SetKeys {
        sets,
        by_kind_stance,
    }
}

/// The (provision, category) of every row a statement counts in: each of its points, itself
/// (-1), each category it is about (-2), its version (-3), each of its points outside each of
/// those categories ([`CROSSED`] - p), each category with its version (-4) and each of its
/// points with its version ([`VERSIONED`] - p); and, in the set of its categories `set` (with
/// its version), once ([`IN_SET`]), by its version ([`SET_VERSION`]) and on each of its points
/// ([`IN_SETS`] - p).
fn counted_as<'a>(
    categories: &'a HashMap<i64, String>,
    pairs: &'a HashMap<(&'a str, &'a str), String>,
    set: Option<&'a (String, Option<String>)>,
    t: &CountedStatement<'a>,
) -> Vec<(i64, &'a str)> {
    let mut points = t.provisions.clone();
    points.sort_unstable();
    points.dedup();
    let mut cats: Vec<&'a str> = Vec::new();
    for p in &points {
        if let Some(c) = categories.get(p)
            && !cats.contains(&c.as_str())
        {
            cats.push(c);
        }
    }
    let mut keys: Vec<(i64, &'a str)> = points.iter().map(|p| (*p, "")).collect();
    keys.push((-1, ""));
    for c in cats {
        keys.push((-2, c));
        for p in &points {
            if categories.get(p).map(String::as_str) != Some(c) {
                keys.push((CROSSED - p, c));
            }
        }
        if let Some(pair) = t.version.and_then(|v| pairs.get(&(c, v))) {
            keys.push((-4, pair));
        }
    }
    if let Some(v) = t.version {
        keys.push((-3, v));
        keys.extend(points.iter().map(|p| (VERSIONED - p, v)));
    }
    if let Some((set, version)) = set {
        keys.push((IN_SET, set.as_str()));
        keys.extend(points.iter().map(|p| (IN_SETS - p, set.as_str())));
        if let Some(sv) = version {
            keys.push((SET_VERSION, sv.as_str()));
        }
    }
    keys
}

/// The statements per source, in each row of [`counted_as`].
fn per_source<'a>(
    categories: &'a HashMap<i64, String>,
    pairs: &'a HashMap<(&'a str, &'a str), String>,
    sets: &'a SetKeys<'a>,
    statements: &[CountedStatement<'a>],
) -> BTreeMap<SourceKey<'a>, i64> {
    let mut per_source: BTreeMap<SourceKey<'a>, i64> = BTreeMap::new();
    for (i, t) in statements.iter().enumerate() {
        let set = sets.sets.get(i).and_then(Option::as_ref);
        for (provision, category) in counted_as(categories, pairs, set, t) {
            *per_source
                .entry((
                    t.source_id,
                    t.speaker_id,
                    provision,
                    category,
                    t.kind,
                    t.stance,
                ))
                .or_default() += 1;
        }
    }
    per_source
}

/// Whether `tally` counts the rows of `provision`: all but the versions (-3, -4 and
/// [`VERSIONED`] - p) and the sets of categories ([`IN_SET`], [`SET_VERSION`], [`IN_SETS`] - p),
/// which only `tally_date` counts (its rows summed over every day give them without a date
/// range).
fn in_totals(provision: i64) -> bool {
    provision != -3
        && provision != -4
        && provision != IN_SET
        && provision != SET_VERSION
        && provision > VERSIONED
}

/// Whether `tally_date_speaker` counts the rows of `provision`: the points, each statement once
/// (-1), per category (-2) and per version (-3; by kind and stance, [`BY_KIND_STANCE`], is
/// added with them in [`roll_up`]).
fn in_date_speakers(provision: i64) -> bool {
    provision >= -3 || provision == IN_SET
}

/// The per-source counts summed into the rows of each table of counts (`keys` from
/// [`version_keys_of`], `sets` from [`set_keys_of`]).
fn roll_up<'a>(
    per_source: &BTreeMap<SourceKey<'a>, i64>,
    meta: &HashMap<i64, &'a CountedSource>,
    keys: &'a VersionKeys<'a>,
    sets: &'a SetKeys<'a>,
) -> Rollup<'a> {
    let mut r = Rollup {
        sources: Vec::with_capacity(per_source.len()),
        totals: BTreeMap::new(),
        days: BTreeMap::new(),
        dates: BTreeMap::new(),
        date_speakers: BTreeMap::new(),
        per_count: BTreeMap::new(),
        per_category: BTreeMap::new(),
        per_version: BTreeMap::new(),
        per_set: BTreeMap::new(),
    };
    for (&(source, speaker, provision, category, kind, stance), &n) in per_source {
        let (publisher, date) = meta
            .get(&source)
            .map_or(("", ""), |s| (s.publisher.as_str(), s.date.as_str()));
        if in_totals(provision) {
            *r.totals
                .entry((provision, category, publisher, speaker, kind, stance))
                .or_default() += n;
        }
        *r.dates
            .entry((provision, category, date, kind, stance))
            .or_default() += n;
        if in_date_speakers(provision) {
            *r.date_speakers
                .entry((provision, category, date, speaker))
                .or_default() += n;
        }
        if provision >= 0 {
            *r.days
                .entry((provision, publisher, date, stance))
                .or_default() += n;
        }
        if provision == -1 {
            *r.per_count.entry(source).or_default() += n;
        }
        if provision == -2 {
            *r.per_category.entry((category, source)).or_default() += n;
        }
        if provision == -3 {
            *r.per_version.entry((category, source)).or_default() += n;
            if let Some(keys) = keys.get(&(category, kind, stance)) {
                *r.date_speakers
                    .entry((BY_KIND_STANCE, &keys[0], date, speaker))
                    .or_default() += n;
                for key in keys {
                    *r.per_version.entry((key, source)).or_default() += n;
                }
            }
        }
        if provision == IN_SET {
            *r.per_set.entry((category, "", "", source)).or_default() += n;
            *r.per_set
                .entry((category, kind, stance, source))
                .or_default() += n;
            if let Some(key) = sets
                .by_kind_stance
                .get(&(category.to_string(), kind, stance))
            {
                *r.date_speakers
                    .entry((SET_KIND_STANCE, key, date, speaker))
                    .or_default() += n;
            }
        }
        r.sources.push((
            source, publisher, date, speaker, provision, category, kind, stance, n,
        ));
    }
    r
}

/// A source or speaker with its number of statements on one point.
#[derive(Debug, Clone, sqlx::FromRow, PartialEq, serde::Serialize)]
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
    db: &Db,
    provision: i64,
    by: RankBy,
    limit: i64,
) -> sqlx::Result<(Vec<Ranked>, i64)> {
    on_db!(db, |pool| {
        let (rows, total) = match by {
        RankBy::Source => (
            "select cast(x.source_id as text) as key,
                case when s.publisher = '' then s.file_name else s.publisher end || coalesce(', ' || s.published_date, '') as label,
                x.n as statements
             from (select source_id, cast(sum(statements) as bigint) as n from tally_source where provision = $1
                   group by source_id order by n desc, source_id limit $2) x
             join source s on s.id = x.source_id order by x.n desc, x.source_id",
            "select count(distinct source_id) from tally_source where provision = $1",
        ),
        RankBy::Speaker => (
            "select p.slug as key, p.name as label, x.n as statements
             from (select speaker_id, cast(sum(statements) as bigint) as n from tally where provision = $1 and speaker_id <> 0
                   group by speaker_id order by n desc, speaker_id limit $2) x
             join speaker p on p.id = x.speaker_id order by x.n desc, p.name",
            "select count(distinct speaker_id) from tally where provision = $1 and speaker_id <> 0",
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
    })
}

/// Statements on point `provision`.
pub async fn provision_total(db: &Db, provision: i64) -> sqlx::Result<i64> {
    on_db!(db, |pool| {
        sqlx::query_scalar(
            "select coalesce(cast(sum(statements) as bigint), 0) from tally where provision = $1",
        )
        .bind(provision)
        .fetch_one(pool)
        .await
    })
}

/// Statements on each point (point number -> statements), the points with none left out.
pub async fn point_counts(db: &Db) -> sqlx::Result<std::collections::HashMap<i64, i64>> {
    on_db!(db, |pool| {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
        "select provision, cast(sum(statements) as bigint) from tally where provision >= 0 group by provision",
    )
    .fetch_all(pool)
    .await?;
        Ok(rows.into_iter().collect())
    })
}

/// A speaker's statements per point (provision, statements), in point order.
pub async fn speaker_points(db: &Db, speaker_id: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    on_db!(db, |pool| {
        sqlx::query_as(
        "select provision, cast(sum(statements) as bigint) from tally where speaker_id = $1 and provision >= 0
         group by provision order by provision",
    )
    .bind(speaker_id)
    .fetch_all(pool)
    .await
    })
}

super::per_backend! {
    /// Adds (`sign` 1) or takes out (`sign` -1) the rows of `tally_source` for the sources `ids`
    /// from the totals; whether there were any.
    async fn apply(conn: &mut Conn, ids: &[i64], sign: i64) -> sqlx::Result<bool> {
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally (provision, category, publisher, speaker_id, kind, stance, statements)
             select provision, category, publisher, speaker_id, kind, stance, ",
        );
        q.push_bind(sign)
            .push(" * sum(statements) from tally_source where provision not in (-3, -4, ")
            .push_bind(IN_SET)
            .push(", ")
            .push_bind(SET_VERSION)
            .push(") and provision > ")
            .push_bind(VERSIONED)
            .push(" and source_id");
        push_ids(&mut q, ids);
        q.push(" group by provision, category, publisher, speaker_id, kind, stance")
            .push(ADD);
        let touched = q.build().execute(&mut *conn).await?.rows_affected() > 0;
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally_day (provision, publisher, date, stance, statements)
             select provision, publisher, date, stance, ",
        );
        q.push_bind(sign)
            .push(" * sum(statements) from tally_source where provision >= 0 and source_id");
        push_ids(&mut q, ids);
        q.push(" group by provision, publisher, date, stance")
            .push(ADD_DAY);
        q.build().execute(&mut *conn).await?;
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally_date (provision, category, date, kind, stance, statements)
             select provision, category, date, kind, stance, ",
        );
        q.push_bind(sign)
            .push(" * sum(statements) from tally_source where source_id");
        push_ids(&mut q, ids);
        q.push(" group by provision, category, date, kind, stance")
            .push(ADD_DATE);
        q.build().execute(&mut *conn).await?;
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally_date_speaker (provision, category, date, speaker_id, statements)
             select provision, category, date, speaker_id, ",
        );
        q.push_bind(sign)
            .push(" * sum(statements) from tally_source where (provision >= -3 or provision = ")
            .push_bind(IN_SET)
            .push(") and source_id");
        push_ids(&mut q, ids);
        q.push(" group by provision, category, date, speaker_id")
            .push(ADD_DATE_SPEAKER);
        q.build().execute(&mut *conn).await?;
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally_date_speaker (provision, category, date, speaker_id, statements)
             select ",
        );
        q.push_bind(BY_KIND_STANCE)
            .push(", category || '/' || kind || '/' || stance, date, speaker_id, ")
            .push_bind(sign)
            .push(" * sum(statements) from tally_source where provision = -3 and source_id");
        push_ids(&mut q, ids);
        q.push(" group by category, kind, stance, date, speaker_id")
            .push(ADD_DATE_SPEAKER);
        q.build().execute(&mut *conn).await?;
        let mut q = QueryBuilder::<Backend>::new(
            "insert into tally_date_speaker (provision, category, date, speaker_id, statements)
             select ",
        );
        q.push_bind(SET_KIND_STANCE)
            .push(", category || '/' || kind || '/' || stance, date, speaker_id, ")
            .push_bind(sign)
            .push(" * sum(statements) from tally_source where provision = ")
            .push_bind(IN_SET)
            .push(" and source_id");
        push_ids(&mut q, ids);
        q.push(" group by category, kind, stance, date, speaker_id")
            .push(ADD_DATE_SPEAKER);
        q.build().execute(&mut *conn).await?;
        Ok(touched)
    }

    /// The category of each point that has one, for the counts per category.
    pub(crate) async fn categories(conn: &mut Conn) -> sqlx::Result<HashMap<i64, String>> {
        let rows: Vec<(i64, String)> =
            sqlx::query_as("select number, category from provision where category is not null")
                .fetch_all(&mut *conn)
                .await?;
        Ok(rows.into_iter().collect())
    }

    /// Counts what the batch wrote, inside its transaction and after its rows went in: takes out
    /// what its replaced sources contributed when last counted (from `tally_source`), then adds the
    /// contributions of all its sources, counted here from the rows the writer still holds
    /// (grouping them again in SQL cost more than the rest of the write).
    pub(crate) async fn count_batch(
        conn: &mut Conn,
        categories: &HashMap<i64, String>,
        sources: &[CountedSource],
        statements: &[CountedStatement<'_>],
    ) -> sqlx::Result<()> {
        let replaced: Vec<i64> = sources
            .iter()
            .filter(|s| s.replaced)
            .map(|s| s.id)
            .collect();
        uncount(&mut *conn, &replaced).await?;
        let meta: HashMap<i64, &CountedSource> = sources.iter().map(|s| (s.id, s)).collect();
        let pairs = category_versions(categories, statements);
        let sets = set_keys_of(categories, statements);
        let per_source = per_source(categories, &pairs, &sets, statements);
        let keys = version_keys_of(statements);
        let rollup = roll_up(&per_source, &meta, &keys, &sets);
        insert_source_rows(&mut *conn, &rollup, &meta).await?;
        insert_totals(&mut *conn, &rollup).await?;
        if !replaced.is_empty() {
            // only sources counted before can leave totals at zero
            sqlx::query("delete from tally where statements <= 0")
                .execute(&mut *conn)
                .await?;
            sqlx::query("delete from tally_day where statements <= 0")
                .execute(&mut *conn)
                .await?;
            sqlx::query("delete from tally_date where statements <= 0")
                .execute(&mut *conn)
                .await?;
            sqlx::query("delete from tally_date_speaker where statements <= 0")
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// Counts the sources `ids` again from their statement rows as they are now (after an editor's
    /// correction changed them): what they contributed before is taken out first.
    pub(crate) async fn recount_sources(conn: &mut Conn, ids: &[i64]) -> sqlx::Result<()> {
        let categories = categories(&mut *conn).await?;
        for chunk in ids.chunks(64) {
            let mut q = QueryBuilder::<Backend>::new(
                "select id, publisher, coalesce(published_date, '') from source where id",
            );
            push_ids(&mut q, chunk);
            let sources: Vec<(i64, String, String)> = q.build_query_as().fetch_all(&mut *conn).await?;
            let mut q = QueryBuilder::<Backend>::new(
                "select t.source_id, coalesce(t.speaker_id, 0), t.kind, t.stance,
                    coalesce((select string_agg(cast(provision as text), ',') from statement_provision where statement_id = t.id), ''),
                    (select version from statement_version where statement_id = t.id)
                 from statement t where t.source_id",
            );
            push_ids(&mut q, chunk);
            let rows: Vec<(i64, i64, String, String, String, Option<String>)> =
                q.build_query_as().fetch_all(&mut *conn).await?;
            let sources: Vec<CountedSource> = sources
                .into_iter()
                .map(|(id, publisher, date)| CountedSource {
                    id,
                    publisher,
                    date,
                    replaced: true,
                })
                .collect();
            let statements: Vec<CountedStatement<'_>> = rows
                .iter()
                .map(
                    |(source_id, speaker_id, kind, stance, points, version)| CountedStatement {
                        source_id: *source_id,
                        speaker_id: *speaker_id,
                        kind,
                        stance,
                        provisions: points.split(',').filter_map(|p| p.parse().ok()).collect(),
                        version: version.as_deref(),
                    },
                )
                .collect();
            count_batch(&mut *conn, &categories, &sources, &statements).await?;
        }
        Ok(())
    }

    /// Takes out what the `replaced` sources contributed when last counted, and their own rows.
    async fn uncount(conn: &mut Conn, replaced: &[i64]) -> sqlx::Result<()> {
        for chunk in replaced.chunks(64) {
            apply(&mut *conn, chunk, -1).await?;
            let mut q = QueryBuilder::<Backend>::new("delete from tally_source where source_id");
            push_ids(&mut q, chunk);
            q.build().persistent(false).execute(&mut *conn).await?;
            let mut q = QueryBuilder::<Backend>::new("delete from tally_count where id");
            push_ids(&mut q, chunk);
            q.build().persistent(false).execute(&mut *conn).await?;
            let mut q = QueryBuilder::<Backend>::new("delete from tally_count_category where id");
            push_ids(&mut q, chunk);
            q.build().persistent(false).execute(&mut *conn).await?;
            let mut q = QueryBuilder::<Backend>::new("delete from tally_count_version where id");
            push_ids(&mut q, chunk);
            q.build().persistent(false).execute(&mut *conn).await?;
            let mut q = QueryBuilder::<Backend>::new("delete from tally_count_set where id");
            push_ids(&mut q, chunk);
            q.build().persistent(false).execute(&mut *conn).await?;
        }
        Ok(())
    }

    /// The batch's own rows: `tally_source` (what each source contributed), `tally_count`,
    /// `tally_count_category` and `tally_count_version`.
    async fn insert_source_rows(
        conn: &mut Conn,
        rollup: &Rollup<'_>,
        meta: &HashMap<i64, &CountedSource>,
    ) -> sqlx::Result<()> {
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements) ",
            "",
            &rollup.sources,
            MAX_ROWS,
            |mut v, r| {
                v.push_bind(r.0)
                    .push_bind(r.1)
                    .push_bind(r.2)
                    .push_bind(r.3)
                    .push_bind(r.4)
                    .push_bind(r.5)
                    .push_bind(r.6)
                    .push_bind(r.7)
                    .push_bind(r.8);
            },
        )
        .await?;
        let per_category: Vec<_> = rollup.per_category.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_count_category (category, id, statements) ",
            "",
            &per_category,
            MAX_ROWS,
            |mut v, ((category, id), n)| {
                v.push_bind(*category).push_bind(*id).push_bind(**n);
            },
        )
        .await?;
        let per_version: Vec<_> = rollup.per_version.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_count_version (version, id, statements) ",
            "",
            &per_version,
            MAX_ROWS,
            |mut v, ((version, id), n)| {
                v.push_bind(*version).push_bind(*id).push_bind(**n);
            },
        )
        .await?;
        let per_set: Vec<_> = rollup.per_set.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_count_set (category_set, kind, stance, id, statements) ",
            "",
            &per_set,
            MAX_ROWS,
            |mut v, ((set, kind, stance, id), n)| {
                v.push_bind(*set)
                    .push_bind(*kind)
                    .push_bind(*stance)
                    .push_bind(*id)
                    .push_bind(**n);
            },
        )
        .await?;
        let counts: Vec<_> = rollup.per_count.iter().collect();
        side::bulk::insert_rows(
            conn,
            "insert into tally_count (id, publisher, statements) ",
            "",
            &counts,
            MAX_ROWS,
            |mut v, (id, n)| {
                let publisher = meta.get(*id).map_or("", |s| s.publisher.as_str());
                v.push_bind(**id).push_bind(publisher).push_bind(**n);
            },
        )
        .await
    }

    /// The batch's additions to the running totals, `tally` and `tally_day` (added to existing rows).
    async fn insert_totals(conn: &mut Conn, rollup: &Rollup<'_>) -> sqlx::Result<()> {
        let totals: Vec<_> = rollup.totals.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally (provision, category, publisher, speaker_id, kind, stance, statements) ",
            ADD,
            &totals,
            MAX_ROWS,
            |mut v, ((p, c, publisher, sp, k, st), n)| {
                v.push_bind(*p)
                    .push_bind(*c)
                    .push_bind(*publisher)
                    .push_bind(*sp)
                    .push_bind(*k)
                    .push_bind(*st)
                    .push_bind(**n);
            },
        )
        .await?;
        let dates: Vec<_> = rollup.dates.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_date (provision, category, date, kind, stance, statements) ",
            ADD_DATE,
            &dates,
            MAX_ROWS,
            |mut v, ((p, c, date, k, st), n)| {
                v.push_bind(*p)
                    .push_bind(*c)
                    .push_bind(*date)
                    .push_bind(*k)
                    .push_bind(*st)
                    .push_bind(**n);
            },
        )
        .await?;
        let date_speakers: Vec<_> = rollup.date_speakers.iter().collect();
        side::bulk::insert_rows(
            &mut *conn,
            "insert into tally_date_speaker (provision, category, date, speaker_id, statements) ",
            ADD_DATE_SPEAKER,
            &date_speakers,
            MAX_ROWS,
            |mut v, ((p, c, date, sp), n)| {
                v.push_bind(*p)
                    .push_bind(*c)
                    .push_bind(*date)
                    .push_bind(*sp)
                    .push_bind(**n);
            },
        )
        .await?;
        let days: Vec<_> = rollup.days.iter().collect();
        side::bulk::insert_rows(
            conn,
            "insert into tally_day (provision, publisher, date, stance, statements) ",
            ADD_DAY,
            &days,
            MAX_ROWS,
            |mut v, ((p, publisher, date, st), n)| {
                v.push_bind(*p)
                    .push_bind(*publisher)
                    .push_bind(*date)
                    .push_bind(*st)
                    .push_bind(**n);
            },
        )
        .await
    }
}
