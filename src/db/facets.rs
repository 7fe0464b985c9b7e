//! The facets' counts of the statement list: for each facet, how many statements each value
//! has under the rest of the filter, from the tallies when they can answer.

use sqlx::{Database, QueryBuilder};

use super::{Db, Param, is_pg, on_db};

use super::tally::{
    BY_KIND_STANCE, CROSSED, IN_SET, IN_SETS, SET_KIND_STANCE, SET_VERSION, VERSIONED, version_key,
};

use crate::model::{Kind, Stance};

use super::models::{FacetCount, StatementFilter};
use super::statements::{
    Facet, is_open, only_category, only_dated, open_but_unreviewed, push_filter, push_in,
    push_link_filter, push_source_dates, push_tally_range, push_walk_filter, unreviewed_only,
};

/// Whether `f` has a date range: its counts come from `tally_date` rather than `tally`.
fn dated(f: &StatementFilter) -> bool {
    f.from.is_some() || f.to.is_some()
}

/// Whether the counts of `facet` under `f` can come from `tally`, or with a date range from
/// `tally_date` (points, category, speaker, kind, stance: no source or search, at most one
/// point or one category, not both; the editors' queue only without a date range).
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
        && (f.reviewed.is_empty() || (unreviewed_only(f) && !dated(f) && !crossed(f, facet)))
        && facet != Facet::Reviewed
        && (facet == Facet::Version || f.versions.is_empty())
        && f.q.is_none()
        && (provisions + categories <= 1 || (categories == 0 && f.reviewed.is_empty()))
        && (!dated(f) || dated_in_tally(f, facet))
}

/// Whether the counts of `facet` under `f` sum the rows of several points ([`push_shared`]).
fn several_points(f: &StatementFilter, facet: Facet) -> bool {
    facet != Facet::Provision && f.provisions.len() > 1
}

/// Whether the version facet under `f` can come from the rows of its points by version
/// ([`VERSIONED`] - p in `tally_date`): points and, as for the other facets of [`in_tally`], at
/// most kinds, stances and a date range besides.
fn point_versions_in_tally(f: &StatementFilter) -> bool {
    !f.provisions.is_empty()
        && f.categories.is_empty()
        && f.speakers.is_empty()
        && f.reviewed.is_empty()
        && in_tally(f, Facet::Version)
}

/// What the rows of [`push_shared`] are counted by besides the columns of `statement`: nothing,
/// each category of the statement's points, or its version.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SharedBy {
    Statement,
    Category,
    Version,
}

/// `select columns from (...)`: a row for each statement on k > 1 of the points of `f`, to take
/// out the k - 1 times the rows of each point count it (`statements` is 1 - k): its
/// provision (-1), category (`''`, each category of its points, or its version, by `by`),
/// publisher, date (`''` when undated), source, speaker (0 for none), kind and stance. The
/// statements on several points are few (`statement_provision_shared`).
fn push_shared<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    by: SharedBy,
    columns: &str,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("select ")
        .push(columns)
        .push(" from (select -1 as provision, ")
        .push(match by {
            SharedBy::Statement => "''",
            SharedBy::Category => "c.slug",
            SharedBy::Version => "w.version",
        });
    q.push(
        " as category, r.publisher, coalesce(r.published_date, '') as date, t.source_id,
         coalesce(t.speaker_id, 0) as speaker_id, t.kind, t.stance, 1 - o.k as statements
         from (select statement_id, count(*) as k from statement_provision_shared where provision",
    );
    push_in(q, &f.provisions);
    // `cross join` keeps SQLite from reading every statement of the filter's kinds or stances
    // (pushed down into this branch) first: 23 s at 100k for the version facet with a kind
    let join = if is_pg::<DB>() {
        " join "
    } else {
        " cross join "
    };
    q.push(" group by statement_id having count(*) > 1) o")
        .push(join)
        .push("statement t on t.id = o.statement_id")
        .push(join)
        .push("source r on r.id = t.source_id");
    match by {
        SharedBy::Statement => {}
        SharedBy::Category => {
            q.push(join).push("category c on exists (select 1 from statement_provision l join provision v on v.number = l.provision where l.statement_id = o.statement_id and v.category = c.slug)");
        }
        SharedBy::Version => {
            q.push(join)
                .push("statement_version w on w.statement_id = o.statement_id");
        }
    }
    q.push(") x");
}

/// ` from (...) s`: the rows of `table` (its `columns`) of each point of `f` (for
/// the category facet also those of its points outside a category, [`CROSSED`] - p), and
/// those of [`push_shared`] that take out what they count more than once.
fn push_points_from<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    facet: Facet,
    table: &str,
    columns: &str,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(" from (select ");
    if facet == Facet::Category {
        // a point's own rows (no category) named by its category here, once per point, not
        // looked up per row by the facet's join (on PostgreSQL at 100k, two points: 27,408
        // lookups, 0.09 of the facet's 0.12 s)
        let mut sep = q.separated(", ");
        for c in columns.split(", ") {
            if c == "category" {
                sep.push("coalesce(nullif(t.category, ''), v.category, '') as category");
            } else {
                sep.push("t.").push_unseparated(c);
            }
        }
        q.push(" from ")
            .push(table)
            .push(" t left join provision v on v.number = t.provision where t.provision in (");
    } else {
        q.push(columns)
            .push(" from ")
            .push(table)
            .push(" where provision in (");
    }
    let mut sep = q.separated(", ");
    for p in &f.provisions {
        sep.push_bind(*p);
    }
    if facet == Facet::Category {
        for p in &f.provisions {
            sep.push_bind(CROSSED - p.number());
        }
    }
    q.push(") union all ");
    let by = if facet == Facet::Category {
        SharedBy::Category
    } else {
        SharedBy::Statement
    };
    push_shared(q, f, by, columns);
    q.push(") s");
}

/// Whether the counts of `facet` under `f` need the rows of points outside a category
/// ([`CROSSED`] - p): the point facet of a category, the category facet of a point. The
/// editors' queue has no such rows to take the reviewed statements out of.
fn crossed(f: &StatementFilter, facet: Facet) -> bool {
    (facet == Facet::Provision && !f.categories.is_empty())
        || (facet == Facet::Category && !f.provisions.is_empty())
}

/// Whether the version facet under `f` can come from the rows by version in `tally_date` (-3,
/// or -4 for a category): at most one category and, as for the other facets of [`in_tally`],
/// no point, source, search, review selection or speaker (`tally_date` has no speakers).
fn versions_in_tally(f: &StatementFilter) -> bool {
    f.categories.len() <= 1
        && f.provisions.is_empty()
        && f.speakers.is_empty()
        && f.reviewed.is_empty()
        && in_tally(f, Facet::Version)
}

/// Whether the counts of `facet` under `f`, with a date range, can come from the tallies per
/// day: `tally_date_speaker` for the speakers (a range and at most one point or category),
/// `tally_date` for the rest (no speaker).
fn dated_in_tally(f: &StatementFilter, facet: Facet) -> bool {
    if facet == Facet::Speaker {
        f.kinds.is_empty() && f.stances.is_empty()
    } else {
        f.speakers.is_empty()
    }
}

/// Whether the counts of `facet` under `f` come from the rows by version (-3 and
/// [`VERSIONED`] - p in `tally_date`, -3 and [`BY_KIND_STANCE`] in `tally_date_speaker`,
/// `tally_count_version` by version, kind and stance): `f` selects versions and, `facet` left
/// out, at most kinds, stances and a date range besides. A statement speaks of one version at
/// most, and has one kind and one stance, so the rows of several versions, kinds or stances add
/// up.
fn by_version(f: &StatementFilter, facet: Facet) -> bool {
    let rest = StatementFilter {
        versions: Vec::new(),
        kinds: Vec::new(),
        stances: Vec::new(),
        from: None,
        to: None,
        ..f.clone()
    };
    facet != Facet::Version && !f.versions.is_empty() && is_open(&rest, Some(facet))
}

/// Whether the counts of `facet` under `f` come from the rows by set of categories ([`IN_SET`]
/// and [`IN_SETS`] - p in `tally_date`, [`SET_VERSION`] for the versions, [`IN_SET`] and
/// [`SET_KIND_STANCE`] in `tally_date_speaker`, `tally_count_set`): `f` selects several
/// categories and, `facet` left out, at most kinds, stances and a date range besides. A
/// statement is in one set, so the rows of the sets that hold one of the categories add up
/// (the rows of each category count a statement about two of them twice). The category facet
/// leaves the categories out, and one category has rows of its own.
fn by_set(f: &StatementFilter, facet: Facet) -> bool {
    facet != Facet::Category && in_sets(f, Some(facet))
}

/// Whether `f` selects several categories and, `skip` left out as in [`is_open`], at most
/// kinds, stances and a date range besides: its counts are those of the sets of categories.
pub(super) fn in_sets(f: &StatementFilter, skip: Option<Facet>) -> bool {
    let rest = StatementFilter {
        categories: Vec::new(),
        kinds: Vec::new(),
        stances: Vec::new(),
        from: None,
        to: None,
        ..f.clone()
    };
    f.categories.len() > 1 && is_open(&rest, skip)
}

/// ` (category like '%+c+%' or ...)`: the keys of the sets that hold one of `f`'s categories
/// (see [`super::tally::set_key`]; a slug has no `+`, `%` or `_`).
fn push_set_match<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
{
    q.push(" (");
    let mut sep = q.separated(" or ");
    for c in &f.categories {
        sep.push("category like ")
            .push_bind_unseparated(format!("%+{c}+%"));
    }
    q.push(")");
}

/// ` in (the sets of categories that hold one of f's)`, read from the few [`IN_SET`] rows of
/// `tally_date` (at most 15 sets of the four categories), so that the rows of each are sought
/// in the index.
fn push_sets<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
{
    q.push(" in (select distinct category from tally_date where provision = ")
        .push_bind(IN_SET)
        .push(" and");
    push_set_match(q, f);
    q.push(")");
}

/// ` and` the kinds and stances of `f` (each but `facet`'s own) on the column `prefix`kind and
/// `prefix`stance.
fn push_kinds_stances<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    facet: Facet,
    prefix: &str,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if facet != Facet::Kind && !f.kinds.is_empty() {
        q.push(" and ").push(prefix).push("kind");
        push_in(q, &f.kinds);
    }
    if facet != Facet::Stance && !f.stances.is_empty() {
        q.push(" and ").push(prefix).push("stance");
        push_in(q, &f.stances);
    }
}

/// ` and c.category_set in (the sets of f) and` its kinds and stances (or the rows of every
/// kind and stance, '') and its date range, on `tally_count_set c`.
fn push_set_sources_where<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(" where c.category_set");
    push_sets(q, f);
    if f.kinds.is_empty() && f.stances.is_empty() {
        q.push(" and c.kind = '' and c.stance = ''");
    } else {
        q.push(" and c.kind <> ''");
        push_kinds_stances(q, f, Facet::Source, "c.");
    }
    push_version_source_dates(q, f);
}

/// ` and s.category in` the keys of the [`SET_KIND_STANCE`] rows of `tally_date_speaker s` that
/// count the statements of `f`'s sets, kinds and stances; or the [`IN_SET`] rows of its sets
/// when `f` has neither kinds nor stances.
fn push_set_speakers_where<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(" where s.provision = ");
    if f.kinds.is_empty() && f.stances.is_empty() {
        q.push_bind(IN_SET).push(" and s.category");
        push_sets(q, f);
    } else {
        q.push_bind(SET_KIND_STANCE)
            .push(" and s.category in (select distinct category || '/' || kind || '/' || stance from tally_date where provision = ")
            .push_bind(IN_SET)
            .push(" and");
        push_set_match(q, f);
        push_kinds_stances(q, f, Facet::Speaker, "");
        q.push(")");
    }
    push_tally_dates(q, f);
    q.push(" and s.speaker_id <> 0");
}

/// The point facet over rows whose provision encodes a point (a set of categories or a
/// version: `code - provision` is the point): the head, up to the code bound next, and the tail.
const ENCODED_POINTS_HEAD: &str = "select cast(v.number as text) as value,
     case when v.number = 0 then 'Plan as a whole' else 'Point ' || v.number || ': ' || v.title end as label,
     cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total
     from tally_date s join provision v on v.number = ";
const ENCODED_POINTS_TAIL: &str =
    " group by v.number, v.title having sum(s.statements) > 0 order by v.number";

/// The counts of `facet` under `f` from the rows by set of categories (see [`by_set`]); the
/// speakers and sources as `key_id, n, total, chosen` for [`push_speaker_counts`] and
/// [`push_source_counts`].
fn push_set_tally<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter, facet: Facet)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    match facet {
        Facet::Provision => {
            q.push(ENCODED_POINTS_HEAD)
                .push_bind(IN_SETS)
                .push(" - s.provision where s.provision in (select ")
                .push_bind(IN_SETS)
                .push(" - number from provision) and s.category");
            push_sets(q, f);
            push_tally_rest(q, f, facet);
            q.push(ENCODED_POINTS_TAIL);
        }
        Facet::Speaker => {
            q.push("s.speaker_id as key_id, cast(sum(s.statements) as bigint) as n, count(*) over () as total, ");
            push_chosen(
                q,
                "s.speaker_id",
                &f.speakers,
                Some("select id from speaker where slug"),
            );
            q.push(" as chosen from tally_date_speaker s");
            push_set_speakers_where(q, f);
            q.push(" group by s.speaker_id having sum(s.statements) > 0 order by chosen desc, n desc, key_id");
        }
        Facet::Source => {
            q.push("c.id as key_id, cast(sum(c.statements) as bigint) as n, count(*) over () as total, ");
            push_chosen(q, "c.id", &f.sources, None);
            q.push(" as chosen from tally_count_set c");
            push_set_sources_where(q, f);
            q.push(" group by c.id order by chosen desc, n desc, c.id");
        }
        Facet::Kind | Facet::Stance => push_kind_stance_tally(q, f, facet, |q| {
            q.push_bind(IN_SET).push(" and s.category");
            push_sets(q, f);
        }),
        Facet::Reviewed => {
            // the reviewed ones counted, the others the sets' total less them
            q.push("select value, label, n as count, cast(0 as bigint) as total from (select 'yes' as value, 'reviewed' as label, (");
            push_reviewed_count(q, f);
            q.push(") as n union all select 'no', 'not reviewed', (");
            push_set_total(q, f);
            q.push(") - (");
            push_reviewed_count(q, f);
            q.push(")) x where n > 0 order by value desc");
        }
        Facet::Version => {
            // `set/version` rows: the version after the `/`
            let find = if is_pg::<DB>() { "strpos" } else { "instr" };
            q.push("select x.version as value, coalesce(pv.short, x.version) as label, x.n as count, cast(0 as bigint) as total from (select substr(s.category, ")
                .push(find)
                .push("(s.category, '/') + 1) as version, cast(sum(s.statements) as bigint) as n from tally_date s where s.provision = ")
                .push_bind(SET_VERSION)
                .push(" and s.category in (select distinct category from tally_date where provision = ")
                .push_bind(SET_VERSION)
                .push(" and");
            push_set_match(q, f);
            q.push(")");
            push_tally_rest(q, f, facet);
            q.push(" group by 1) x left join plan_version pv on pv.slug = x.version where x.n > 0 order by pv.position, x.version");
        }
        Facet::Category => {}
    }
}

/// `select` the statements of `f`'s sets of categories, kinds, stances and date range (see
/// [`by_set`]), from the [`IN_SET`] rows of `tally_date`.
fn push_set_total<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("select coalesce(cast(sum(s.statements) as bigint), 0) from tally_date s where s.provision = ")
        .push_bind(IN_SET)
        .push(" and s.category");
    push_sets(q, f);
    push_tally_rest(q, f, Facet::Reviewed);
}

/// The statements, speakers and sources of a filter of several categories with at most kinds,
/// stances and a date range (see [`by_set`]) from the rows by set of categories.
pub(super) fn set_stats<DB: Database>(f: &StatementFilter) -> QueryBuilder<DB>
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    let mut q = QueryBuilder::<DB>::new("select (");
    push_set_total(&mut q, f);
    q.push(") as statements, (select count(distinct s.speaker_id) from tally_date_speaker s");
    push_set_speakers_where(&mut q, f);
    q.push(") as speakers, (select count(distinct c.id) from tally_count_set c");
    push_set_sources_where(&mut q, f);
    q.push(") as sources");
    q
}

/// The names of `selected`, or of every value of `all` when none is selected; `""` (any) for
/// none when `any` is set.
fn names<T: Copy>(
    selected: &[T],
    all: &[T],
    any: bool,
    name: fn(T) -> &'static str,
) -> Vec<&'static str> {
    match (selected.is_empty(), any) {
        (true, true) => vec![""],
        (true, false) => all.iter().map(|v| name(*v)).collect(),
        (false, _) => selected.iter().map(|v| name(*v)).collect(),
    }
}

/// Each [`version_key`] of `f`'s versions by its kinds and its stances: with `any`, `""` for
/// kinds or stances none of which is selected, else each of them.
fn version_keys(f: &StatementFilter, any: bool) -> Vec<String> {
    let kinds = names(&f.kinds, &Kind::ALL, any, Kind::as_str);
    let stances = names(&f.stances, &Stance::ALL, any, Stance::as_str);
    let mut keys = Vec::new();
    for v in &f.versions {
        for k in &kinds {
            for s in &stances {
                keys.push(version_key(v, k, s));
            }
        }
    }
    keys
}

/// The keys of `tally_count_version` whose rows add up to the sources of `f`'s versions, kinds
/// and stances: each version alone, or by its kinds, its stances or both.
fn source_version_keys(f: &StatementFilter) -> Vec<String> {
    version_keys(f, true)
}

/// The categories of the [`BY_KIND_STANCE`] rows of `tally_date_speaker` whose rows add up to
/// the speakers of `f`'s versions, kinds and stances (each kind or stance when none is
/// selected), or none when `f` has neither kinds nor stances (then its -3 rows count them).
fn speaker_version_keys(f: &StatementFilter) -> Option<Vec<String>> {
    (!f.kinds.is_empty() || !f.stances.is_empty()).then(|| version_keys(f, false))
}

/// ` and s.category in (the versions of f)`: the rows by version of `tally_date s`.
fn push_versions<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(" and s.category");
    push_in(q, &f.versions);
}

/// The kind or stance facet (`facet`) under `f` from the rows of `tally_date` that `scope`
/// picks (it pushes the provision after `s.provision = ` and the category test): by set of
/// categories or by version.
fn push_kind_stance_tally<DB: Database>(
    q: &mut QueryBuilder<DB>,
    f: &StatementFilter,
    facet: Facet,
    scope: impl FnOnce(&mut QueryBuilder<DB>),
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    let column = if facet == Facet::Kind {
        "s.kind"
    } else {
        "s.stance"
    };
    q.push("select ")
        .push(column)
        .push(" as value, ")
        .push(column)
        .push(" as label, cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total from tally_date s where s.provision = ");
    scope(q);
    push_tally_rest(q, f, facet);
    q.push(" group by ")
        .push(column)
        .push(" having sum(s.statements) > 0");
}

/// The counts of `facet` under `f` from the rows by version (see [`by_version`]); the speakers
/// and sources as `key_id, n, total, chosen` for [`push_speaker_counts`] and
/// [`push_source_counts`].
fn push_version_tally<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter, facet: Facet)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    match facet {
        Facet::Provision => {
            q.push(ENCODED_POINTS_HEAD)
                .push_bind(VERSIONED)
                .push(" - s.provision where s.provision <= ")
                .push_bind(VERSIONED);
            push_versions(q, f);
            push_tally_rest(q, f, facet);
            q.push(ENCODED_POINTS_TAIL);
        }
        Facet::Category => {
            // -4 rows: `category/version`
            q.push(
                "select c.slug as value, c.letter || '. ' || c.name as label,
                 cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total
                 from tally_date s join category c on s.category in (",
            );
            let mut sep = q.separated(", ");
            for v in &f.versions {
                sep.push("c.slug || ")
                    .push_bind_unseparated(format!("/{v}"));
            }
            q.push(") where s.provision = -4");
            push_tally_rest(q, f, facet);
            q.push(" group by c.slug having sum(s.statements) > 0 order by min(c.position)");
        }
        Facet::Speaker => {
            q.push("s.speaker_id as key_id, cast(sum(s.statements) as bigint) as n, count(*) over () as total, ");
            push_chosen(
                q,
                "s.speaker_id",
                &f.speakers,
                Some("select id from speaker where slug"),
            );
            q.push(" as chosen from tally_date_speaker s where s.provision = ");
            match speaker_version_keys(f) {
                Some(keys) => {
                    q.push_bind(BY_KIND_STANCE).push(" and s.category");
                    push_in(q, &keys);
                }
                None => {
                    q.push("-3");
                    push_versions(q, f);
                }
            }
            push_tally_dates(q, f);
            q.push(" and s.speaker_id <> 0 group by s.speaker_id having sum(s.statements) > 0 order by chosen desc, n desc, key_id");
        }
        Facet::Source => {
            let keys = source_version_keys(f);
            let [key] = keys.as_slice() else {
                // several keys: each source's rows summed
                q.push("c.id as key_id, cast(sum(c.statements) as bigint) as n, count(*) over () as total, ");
                push_chosen(q, "c.id", &f.sources, None);
                q.push(" as chosen from tally_count_version c where c.version");
                push_in(q, &keys);
                push_version_source_dates(q, f);
                q.push(" group by c.id order by chosen desc, n desc, c.id");
                return;
            };
            q.push("c.id as key_id, c.statements as n, ");
            if dated(f) {
                q.push("count(*) over ()");
            } else {
                q.push("(select count(*) from tally_count_version where version = ")
                    .push_bind(key.clone())
                    .push(")");
            }
            q.push(" as total, ");
            push_chosen(q, "c.id", &f.sources, None);
            q.push(" as chosen from tally_count_version c where c.version = ")
                .push_bind(key.clone());
            push_version_source_dates(q, f);
            // without a selection the index on the count gives the order
            q.push(if f.sources.is_empty() {
                " order by c.statements desc, c.id"
            } else {
                " order by chosen desc, c.statements desc, c.id"
            });
        }
        Facet::Kind | Facet::Stance => push_kind_stance_tally(q, f, facet, |q| {
            q.push("-3");
            push_versions(q, f);
        }),
        Facet::Reviewed => {
            // the reviewed ones counted, the others the versions' total less them
            q.push("select value, label, n as count, cast(0 as bigint) as total from (select 'yes' as value, 'reviewed' as label, (");
            push_reviewed_count(q, f);
            q.push(") as n union all select 'no', 'not reviewed', (select coalesce(cast(sum(s.statements) as bigint), 0) from tally_date s where s.provision = -3");
            push_versions(q, f);
            push_tally_rest(q, f, facet);
            q.push(") - (");
            push_reviewed_count(q, f);
            q.push(")) x where n > 0 order by value desc");
        }
        Facet::Version => {}
    }
}

/// ` and` the rows of `tally_count_version c` of the sources in the date range of `f`, if it has
/// one.
fn push_version_source_dates<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
{
    if dated(f) {
        q.push(" and c.id in (select id from source where 1 = 1");
        push_source_dates(q, f);
        q.push(")");
    }
}

/// The reviewed statements as rows of `tally` that count -1 each (per point, once, and once per
/// category, as the ingest counts them). Added to `tally`, they leave the counts of the
/// statements nobody reviewed; the reviewed are few, and `statement_by_review` finds them
/// (`cross join` keeps SQLite from reading every link of the points instead: 1.7 s at 100k).
fn reviewed_as_tally(pg: bool) -> &'static str {
    if pg {
        "select l.provision, '' as category, coalesce(t.speaker_id, 0) as speaker_id, t.kind, t.stance, -1 as statements
         from statement t join statement_provision l on l.statement_id = t.id where t.review > ''"
    } else {
        "select l.provision, '' as category, coalesce(t.speaker_id, 0) as speaker_id, t.kind, t.stance, -1 as statements
         from statement t cross join statement_provision l on l.statement_id = t.id where t.review > ''"
    }
}

/// The rest of [`reviewed_as_tally`]: each reviewed statement once, and once per category.
const REVIEWED_ONCE_AND_PER_CATEGORY: &str = "
    union all select -1, '', coalesce(t.speaker_id, 0), t.kind, t.stance, -1 from statement t where t.review > ''
    union all select -2, c.category, coalesce(t.speaker_id, 0), t.kind, t.stance, -1
    from (select distinct l.statement_id, v.category from statement_provision l
          join provision v on v.number = l.provision
          where v.category is not null and l.statement_id in (select id from statement where review > '')) c
    join statement t on t.id = c.statement_id";

/// ` from` the counts of `facet` as `tally s`: the table itself, `tally_date` (or for the
/// speakers `tally_date_speaker`) for a date range, or for
/// [`unreviewed_only`] the table with the reviewed statements taken out (see
/// [`reviewed_as_tally`]).
fn push_tally_from<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter, facet: Facet)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if several_points(f, facet) {
        // the rows of each point, less what they count twice ([`push_tally_where`] adds the rest)
        let (table, columns) = if dated(f) && facet == Facet::Speaker {
            ("tally_date_speaker", DATE_SPEAKER_COLUMNS)
        } else if dated(f) {
            ("tally_date", DATE_COLUMNS)
        } else {
            ("tally", TALLY_COLUMNS)
        };
        push_points_from(q, f, facet, table, columns);
    } else if dated(f) && facet == Facet::Speaker {
        q.push(" from tally_date_speaker s");
    } else if dated(f) {
        q.push(" from tally_date s");
    } else if unreviewed_only(f) {
        q.push(" from (select provision, category, speaker_id, kind, stance, statements from tally union all ")
            .push(reviewed_as_tally(is_pg::<DB>()))
            .push(REVIEWED_ONCE_AND_PER_CATEGORY)
            .push(") s");
    } else {
        q.push(" from tally s");
    }
}

/// The columns of `tally`, `tally_date` and `tally_date_speaker` that the facets read.
const TALLY_COLUMNS: &str = "provision, category, publisher, speaker_id, kind, stance, statements";
const DATE_COLUMNS: &str = "provision, category, date, kind, stance, statements";
const DATE_SPEAKER_COLUMNS: &str = "provision, category, date, speaker_id, statements";

/// ` where` the rows of `tally s` that count the statements of `f` for `facet` (see
/// [`in_tally`]): per point for the point facet, per category for the category facet, else
/// the statements of the one point or category selected, or each statement once.
fn push_tally_where<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter, facet: Facet)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if several_points(f, facet) {
        // the rows of the points were picked in [`push_points_from`]
        q.push(" where 1 = 1");
        push_tally_rest(q, f, facet);
        return;
    }
    match (facet, f.provisions.first(), f.categories.first()) {
        (Facet::Provision, _, Some(c)) => {
            // the points of the category (all their statements are in it), and the others'
            // statements that are also about it
            // (a list of the provisions, so that the index seeks to each: an `or` of the two
            // kinds of rows read all of `tally`, 0.12 s at 100k)
            q.push(" where s.provision in (select number from provision where category = ")
                .push_bind(c.clone())
                .push(" union all select ")
                .push_bind(CROSSED)
                .push(" - number from provision where category is null or category <> ")
                .push_bind(c.clone())
                .push(") and (s.provision >= 0 or s.category = ")
                .push_bind(c.clone())
                .push(")");
        }
        (Facet::Provision, _, None) => {
            q.push(" where s.provision >= 0");
        }
        (Facet::Category, Some(p), _) => {
            // the point's own category, and the others its statements are also about
            q.push(" where (s.provision = ")
                .push_bind(*p)
                .push(" or s.provision = ")
                .push_bind(CROSSED - p.number())
                .push(")");
        }
        (Facet::Category, None, _) => {
            q.push(" where s.provision = -2");
        }
        (_, Some(p), _) => {
            q.push(" where s.provision = ").push_bind(*p);
        }
        (_, None, Some(c)) => {
            q.push(" where s.provision = -2 and s.category = ")
                .push_bind(c.clone());
        }
        (_, None, None) => {
            q.push(" where s.provision = -1");
        }
    }
    push_tally_rest(q, f, facet);
}

/// ` and` the speakers, kinds, stances and dates of `f` on the rows of `tally s` (each but
/// `facet`'s own).
fn push_tally_rest<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter, facet: Facet)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
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
    push_tally_dates(q, f);
}

/// ` and` the rows of `tally_date s` in the date range of `f`, if it has one: an undated
/// article ('' in the tally) is in no range, as its NULL date in `source`.
fn push_tally_dates<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
{
    if dated(f) {
        push_tally_range(q, f);
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
fn push_chosen<DB: Database, T>(
    q: &mut QueryBuilder<DB>,
    column: &str,
    values: &[T],
    lookup: Option<&str>,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
    T: Param<DB>,
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
fn push_grouped<DB: Database, T>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    facet: Facet,
    column: &str,
    values: &[T],
    lookup: Option<&str>,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
    T: Param<DB>,
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

/// Whether the point facet under `f` can come from `tally_day` (points, outlets, days,
/// stances): a date range with at most stances besides.
fn points_by_day(f: &StatementFilter) -> bool {
    (f.from.is_some() || f.to.is_some())
        && f.categories.is_empty()
        && f.speakers.is_empty()
        && f.sources.is_empty()
        && f.kinds.is_empty()
        && f.reviewed.is_empty()
        && f.versions.is_empty()
        && f.q.is_none()
}

/// The points with their statements in the date range of `f` (see [`points_by_day`]); an
/// undated article ('' in `tally_day`) is in no range, as its NULL date in `source`.
fn push_point_counts_by_day<DB: Database>(q: &mut QueryBuilder<DB>, f: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(
        "select cast(s.provision as text) as value,
         case when s.provision = 0 then 'Plan as a whole' else 'Point ' || s.provision || ': ' || v.title end as label,
         cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total
         from tally_day s join provision v on v.number = s.provision where s.date <> ''",
    );
    if let Some(d) = &f.from {
        q.push(" and s.date >= ").push_bind(d.to_string());
    }
    if let Some(d) = &f.to {
        q.push(" and s.date <= ").push_bind(d.to_string());
    }
    if !f.stances.is_empty() {
        q.push(" and s.stance");
        push_in(q, &f.stances);
    }
    q.push(" group by s.provision, v.title having sum(s.statements) > 0 order by s.provision");
}

/// The points with their statements: from the tallies, or from the links of the filter's
/// statements.
fn push_point_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter, cube: bool)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if !cube && points_by_day(filter) {
        push_point_counts_by_day(q, filter);
    } else if cube {
        // a row of a point outside the category (CROSSED - p) counts for point p
        q.push(
            "select cast(v.number as text) as value,
             case when v.number = 0 then 'Plan as a whole' else 'Point ' || v.number || ': ' || v.title end as label,
             cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total",
        );
        push_tally_from(q, filter, Facet::Provision);
        q.push(" join provision v on v.number = case when s.provision <= ")
            .push_bind(CROSSED)
            .push(" then ")
            .push_bind(CROSSED)
            .push(" - s.provision else s.provision end");
        push_tally_where(q, filter, Facet::Provision);
        q.push(" group by v.number, v.title having sum(s.statements) > 0 order by v.number");
    } else {
        q.push(
            "select cast(l.provision as text) as value,
             case when l.provision = 0 then 'Plan as a whole' else 'Point ' || l.provision || ': ' || v.title end as label,
             count(*) as count, cast(0 as bigint) as total
             from statement_provision l join provision v on v.number = l.provision",
        );
        push_link_filter(q, filter, Facet::Provision);
        q.push(" group by l.provision, v.title order by l.provision");
    }
}

/// The categories with their statements (each statement once per category).
fn push_category_counts<DB: Database>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    cube: bool,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if cube {
        q.push(
            "select c.slug as value, c.letter || '. ' || c.name as label, cast(sum(s.statements) as bigint) as count, cast(0 as bigint) as total",
        );
        push_tally_from(q, filter, Facet::Category);
        // a point's own rows (no category) count in the point's category
        q.push(" join category c on c.slug = coalesce(nullif(s.category, ''), (select v.category from provision v where v.number = s.provision))");
        push_tally_where(q, filter, Facet::Category);
        q.push(" group by c.slug having sum(s.statements) > 0 order by min(c.position)");
    } else {
        q.push(
            "select c.slug as value, c.letter || '. ' || c.name as label, count(distinct l.statement_id) as count,
             cast(0 as bigint) as total
             from statement_provision l join provision v on v.number = l.provision
             join category c on c.slug = v.category",
        );
        push_link_filter(q, filter, Facet::Category);
        q.push(" group by c.slug order by min(c.position)");
    }
}

/// The selected speakers and the `shown` with most statements.
fn push_speaker_counts<DB: Database>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    shown: usize,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("select p.slug as value, p.name as label, x.n as count, x.total from (select ");
    let lookup = Some("select id from speaker where slug");
    if by_version(filter, Facet::Speaker) {
        push_version_tally(q, filter, Facet::Speaker);
    } else if by_set(filter, Facet::Speaker) {
        push_set_tally(q, filter, Facet::Speaker);
    } else if in_tally(filter, Facet::Speaker) {
        q.push("s.speaker_id as key_id, cast(sum(s.statements) as bigint) as n, count(*) over () as total, ");
        push_chosen(q, "s.speaker_id", &filter.speakers, lookup);
        q.push(" as chosen");
        push_tally_from(q, filter, Facet::Speaker);
        push_tally_where(q, filter, Facet::Speaker);
        q.push(" and s.speaker_id <> 0 group by s.speaker_id having sum(s.statements) > 0");
        q.push(" order by chosen desc, n desc, key_id");
    } else {
        let (column, values) = ("t.speaker_id", &filter.speakers);
        push_grouped(q, filter, Facet::Speaker, column, values, lookup);
    }
    q.push(" limit ")
        .push_bind((shown + filter.speakers.len()) as i64)
        .push(") x join speaker p on p.id = x.key_id order by x.chosen desc, x.n desc, p.name");
}

/// Whether the source facet under `f` can come from `tally_source`: its rows of one point or
/// category, with kinds, stances or a date range as [`in_tally`] allows them. Not with
/// speakers: their statements, found through their index, are fewer than the rows of a
/// category (a speaker in a category at 100k, sqlite3 shell: 0.05 s against 0.15 s).
fn sources_in_tally(f: &StatementFilter) -> bool {
    let rest = StatementFilter {
        sources: Vec::new(),
        ..f.clone()
    };
    (rest.provisions.len() + rest.categories.len() == 1
        || (rest.provisions.len() > 1 && rest.categories.is_empty()))
        && rest.speakers.is_empty()
        && rest.reviewed.is_empty()
        && in_tally(&rest, Facet::Source)
}

/// The sources of `filter` (see [`sources_in_tally`]), summed over their rows of the point or
/// category.
fn push_tally_source_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if several_points(filter, Facet::Source) {
        push_points_source_counts(q, filter);
        return;
    }
    q.push("s.source_id as key_id, cast(sum(s.statements) as bigint) as n, count(*) over () as total, ");
    push_chosen(q, "s.source_id", &filter.sources, None);
    q.push(" as chosen from tally_source s");
    push_tally_where(q, filter, Facet::Source);
    q.push(
        " group by s.source_id having sum(s.statements) > 0 order by chosen desc, n desc, key_id",
    );
}

/// The sources of several points (see [`sources_in_tally`]): each source's rows of the points
/// in `tally_source` summed, plus what [`push_shared`] takes out of it. Grouped apart, so that
/// PostgreSQL reads only the index by point (summing them with the few rows of `push_shared`
/// in one `union all` read every row of `tally_source` for its columns, 1.0 s for two points
/// at 100k, or with only the index's columns spread the grouping over parallel workers, 0.25 s,
/// against 0.09 to 0.13 s done in one process).
fn push_points_source_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("a.source_id as key_id, a.n + coalesce(c.n, 0) as n, count(*) over () as total, ");
    push_chosen(q, "a.source_id", &filter.sources, None);
    q.push(" as chosen from (select s.source_id, cast(sum(s.statements) as bigint) as n from tally_source s where s.provision");
    push_in(q, &filter.provisions);
    push_tally_rest(q, filter, Facet::Source);
    // every statement of `push_shared` is counted in its source's rows of the points above
    q.push(" group by s.source_id) a left join (select s.source_id, cast(sum(s.statements) as bigint) as n from (");
    push_shared(
        q,
        filter,
        SharedBy::Statement,
        "source_id, date, speaker_id, kind, stance, statements",
    );
    q.push(") s where 1 = 1");
    push_tally_rest(q, filter, Facet::Source);
    q.push(" group by s.source_id) c on c.source_id = a.source_id where a.n + coalesce(c.n, 0) > 0 order by chosen desc, n desc, key_id");
}

/// Each source of the one `category` of `filter` (and its date range) with its count, from
/// `tally_count_category` (see [`only_category`]).
fn push_category_source_counts<DB: Database>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    category: &str,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    // each source of the category (and the date range) with its count
    q.push("c.id as key_id, c.statements as n, ");
    if dated(filter) {
        q.push("count(*) over ()");
    } else {
        q.push("(select count(*) from tally_count_category where category = ")
            .push_bind(category.to_string())
            .push(")");
    }
    q.push(" as total, ");
    push_chosen(q, "c.id", &filter.sources, None);
    q.push(" as chosen from tally_count_category c where c.category = ")
        .push_bind(category.to_string());
    if dated(filter) {
        q.push(" and c.id in (select id from source where 1 = 1");
        push_source_dates(q, filter);
        q.push(")");
    }
    // without a selection the index on the count gives the order
    q.push(if filter.sources.is_empty() {
        " order by c.statements desc, c.id"
    } else {
        " order by chosen desc, c.statements desc, c.id"
    });
}

/// The selected sources and the `shown` with most statements.
fn push_source_counts<DB: Database>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    shown: usize,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(
        "select cast(s.id as text) as value,
         case when s.publisher = '' then s.file_name else s.publisher end || coalesce(', ' || s.published_date, '') as label,
         x.n as count, x.total from (select ",
    );
    if is_open(filter, Some(Facet::Source)) {
        q.push("c.id as key_id, c.statements as n, (select count(*) from tally_count) as total, ");
        push_chosen(q, "c.id", &filter.sources, None);
        q.push(" as chosen from tally_count c");
        // without a selection the index on the count gives the order
        q.push(if filter.sources.is_empty() {
            " order by c.statements desc, c.id"
        } else {
            " order by chosen desc, c.statements desc, c.id"
        });
    } else if only_dated(filter, Some(Facet::Source)) {
        // each source of the date range with its count
        q.push("c.id as key_id, c.statements as n, count(*) over () as total, ");
        push_chosen(q, "c.id", &filter.sources, None);
        q.push(" as chosen from tally_count c where c.id in (select id from source where 1 = 1");
        push_source_dates(q, filter);
        q.push(") order by chosen desc, c.statements desc, c.id");
    } else if by_version(filter, Facet::Source) {
        push_version_tally(q, filter, Facet::Source);
    } else if by_set(filter, Facet::Source) {
        push_set_tally(q, filter, Facet::Source);
    } else if let Some(category) = only_category(filter, Some(Facet::Source)) {
        push_category_source_counts(q, filter, category);
    } else if sources_in_tally(filter) {
        push_tally_source_counts(q, filter);
    } else if open_but_unreviewed(filter, Some(Facet::Source)) {
        // each source's count less its reviewed statements
        q.push("c.id as key_id, c.statements - coalesce(r.n, 0) as n, count(*) over () as total, ");
        push_chosen(q, "c.id", &filter.sources, None);
        q.push(
            " as chosen from tally_count c left join (select source_id, count(*) as n from statement
             where id in (select id from statement where review > '') group by source_id) r on r.source_id = c.id
             where c.statements - coalesce(r.n, 0) > 0 order by chosen desc, n desc, c.id",
        );
    } else {
        push_grouped(
            q,
            filter,
            Facet::Source,
            "t.source_id",
            &filter.sources,
            None,
        );
    }
    q.push(" limit ")
        .push_bind((shown + filter.sources.len()) as i64)
        .push(") x join source s on s.id = x.key_id order by x.chosen desc, x.n desc, s.published_date, s.id");
}

/// The kinds or stances (`column`, their name and label alike) with their statements.
fn push_label_counts<DB: Database>(
    q: &mut QueryBuilder<DB>,
    filter: &StatementFilter,
    facet: Facet,
    column: &'static str,
    cube: bool,
) where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    let alias = if cube { "s." } else { "t." };
    let count = if cube {
        "cast(sum(s.statements) as bigint)"
    } else {
        "count(*)"
    };
    q.push("select ")
        .push(alias)
        .push(column)
        .push(" as value, ")
        .push(alias)
        .push(column)
        .push(" as label, ")
        .push(count)
        .push(" as count, cast(0 as bigint) as total");
    if cube {
        push_tally_from(q, filter, facet);
        push_tally_where(q, filter, facet);
    } else {
        q.push(" from statement t");
        push_filter(q, filter, Some(facet));
    }
    q.push(" group by ").push(alias).push(column);
    if cube {
        q.push(" having sum(s.statements) > 0");
    }
    if cube && several_points(filter, facet) {
        // in the order the statements grouped gave them before (PostgreSQL hashes the rows of
        // the points in no order)
        q.push(" order by ").push(alias).push(column);
    }
}

/// Whether the rest of `f` (its review selection left out) is one `tally` (or with a date
/// range `tally_date`) counts: points or a category (at most one), speakers, kinds and stances.
fn review_in_tally(f: &StatementFilter) -> bool {
    f.sources.is_empty()
        && f.versions.is_empty()
        && f.q.is_none()
        && (f.provisions.len() + f.categories.len() <= 1 || f.categories.is_empty())
        && (!dated(f) || f.speakers.is_empty())
}

/// `select count(*)` of the reviewed statements under the rest of `filter`: they are found
/// first through `statement_by_review` (`cross join` keeps that order, and `+ 0` keeps a
/// condition on `t.id` from being applied to `r` instead), then each is checked against the
/// filter (its points, categories and dates per statement), so the cost follows the reviewed
/// statements (few) rather than the filter's.
fn push_reviewed_count<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push(if is_pg::<DB>() {
        // PostgreSQL has no `cross join ... on`, and plans the join itself
        "select count(*) from statement r join statement t on t.id = r.id + 0 join source s on s.id = t.source_id"
    } else {
        "select count(*) from statement r cross join statement t on t.id = r.id + 0 cross join source s on s.id = t.source_id"
    });
    // each reviewed statement's points tested on its own links (a list of every statement of
    // a category first took 2.7 s at 100k)
    push_walk_filter(q, filter, Some(Facet::Reviewed));
    q.push(" and r.review > ''");
}

/// The statements reviewed by an editor (`yes`) and not (`no`) under the rest of the filter.
fn push_review_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    if review_in_tally(filter) {
        // the reviewed ones counted, the others the tally's total less them: no statement of
        // the filter but the reviewed is read
        q.push("select value, label, n as count, cast(0 as bigint) as total from (select 'yes' as value, 'reviewed' as label, (");
        push_reviewed_count(q, filter);
        q.push(") as n union all select 'no', 'not reviewed', (select coalesce(cast(sum(s.statements) as bigint), 0)");
        let (table, columns) = if dated(filter) {
            ("tally_date", DATE_COLUMNS)
        } else {
            ("tally", TALLY_COLUMNS)
        };
        if several_points(filter, Facet::Reviewed) {
            push_points_from(q, filter, Facet::Reviewed, table, columns);
        } else {
            q.push(" from ").push(table).push(" s");
        }
        push_tally_where(q, filter, Facet::Reviewed);
        q.push(") - (");
        push_reviewed_count(q, filter);
        q.push(")) x where n > 0 order by value desc");
        return;
    }
    q.push(
        "select case when t.review = '' then 'no' else 'yes' end as value,
            case when t.review = '' then 'not reviewed' else 'reviewed' end as label,
            count(*) as count, cast(0 as bigint) as total from statement t",
    );
    push_filter(q, filter, Some(Facet::Reviewed));
    q.push(" group by 1, 2 order by 1 desc");
}

/// The versions the statements speak of, in the versions' order.
fn push_version_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    // from the tallies when they count the rest of the filter (a date range alone, a kind, a
    // category: provision -3 or -4)
    if versions_in_tally(filter) {
        push_tally_version_counts(q, filter);
        return;
    }
    if point_versions_in_tally(filter) {
        push_point_version_counts(q, filter);
        return;
    }
    // counted per version first, then named: joining each of 1.4 million rows to its
    // version's name before grouping took 1.7 s at 100k, grouping first 0.1 s;
    // with only `reviewed=no`: every statement's versions less the reviewed statements'
    let less_reviewed = open_but_unreviewed(filter, Some(Facet::Version));
    q.push("select x.version as value, coalesce(pv.short, x.version) as label, x.n as count, cast(0 as bigint) as total from (select v.version, ");
    q.push(if less_reviewed {
        "count(*) - (select count(*) from statement_version w where w.version = v.version
         and w.statement_id in (select id from statement where review > '')) as n"
    } else {
        "count(*) as n"
    });
    q.push(" from statement_version v");
    if !less_reviewed && !is_open(filter, Some(Facet::Version)) {
        q.push(" where v.statement_id in (select t.id from statement t");
        push_filter(q, filter, Some(Facet::Version));
        q.push(")");
    }
    q.push(" group by v.version) x left join plan_version pv on pv.slug = x.version where x.n > 0 order by pv.position, x.version");
}

/// The versions of the statements of the points of `filter` (see [`point_versions_in_tally`]):
/// the rows of each point by version ([`VERSIONED`] - p) of `tally_date`, in the date range or
/// on every day, less what they count twice (see [`push_shared`]).
fn push_point_version_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("select x.version as value, coalesce(pv.short, x.version) as label, x.n as count, cast(0 as bigint) as total from (select s.category as version, cast(sum(s.statements) as bigint) as n from (select ")
        .push(DATE_COLUMNS)
        .push(" from tally_date where provision in (");
    let mut sep = q.separated(", ");
    for p in &filter.provisions {
        sep.push_bind(VERSIONED - p.number());
    }
    q.push(")");
    if filter.provisions.len() > 1 {
        q.push(" union all ");
        push_shared(q, filter, SharedBy::Version, DATE_COLUMNS);
    }
    q.push(") s where 1 = 1");
    push_tally_rest(q, filter, Facet::Version);
    q.push(" group by s.category) x left join plan_version pv on pv.slug = x.version where x.n > 0 order by pv.position, x.version");
}

/// The versions of the statements of `filter` (see [`versions_in_tally`]): the rows by
/// version (-3), or those of its category by version (-4 with `category/version`), of
/// `tally_date` in the date range or on every day.
fn push_tally_version_counts<DB: Database>(q: &mut QueryBuilder<DB>, filter: &StatementFilter)
where
    i64: Param<DB>,
    String: Param<DB>,
    crate::model::Kind: Param<DB>,
    crate::model::Stance: Param<DB>,
{
    q.push("select x.version as value, coalesce(pv.short, x.version) as label, x.n as count, cast(0 as bigint) as total from (select ");
    // without a date range, every day's rows (undated articles' too)
    let from = " from tally_date s";
    match filter.categories.first() {
        Some(c) => {
            let prefix = format!("{c}/");
            q.push("substr(s.category, length(")
                .push_bind(prefix.clone())
                .push(") + 1) as version, cast(sum(s.statements) as bigint) as n")
                .push(from)
                .push(" where s.provision = -4 and substr(s.category, 1, length(")
                .push_bind(prefix.clone())
                .push(")) = ")
                .push_bind(prefix);
        }
        None => {
            q.push("s.category as version, cast(sum(s.statements) as bigint) as n")
                .push(from)
                .push(" where s.provision = -3");
        }
    }
    push_tally_rest(q, filter, Facet::Version);
    q.push(" group by s.category) x left join plan_version pv on pv.slug = x.version where x.n > 0 order by pv.position, x.version");
}

/// The values of one facet with their counts: statements matching `filter` with that facet's
/// own selection left out (so each count says what adding the value would bring), and how many
/// values the facet has. Points, categories, kinds and stances come all, in their natural
/// order; speakers and sources the selected ones and then the `shown` with most statements.
/// When the rest of the filter is empty the counts come from the tallies kept by the ingest.
pub async fn facet_counts(
    db: &Db,
    filter: &StatementFilter,
    facet: Facet,
    shown: usize,
) -> sqlx::Result<(Vec<FacetCount>, i64)> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new("");
        let cube = in_tally(filter, facet);
        let versioned = by_version(filter, facet);
        let in_sets = by_set(filter, facet);
        match facet {
            Facet::Provision | Facet::Kind | Facet::Stance | Facet::Reviewed | Facet::Version
                if in_sets =>
            {
                push_set_tally(&mut q, filter, facet)
            }
            Facet::Provision | Facet::Category | Facet::Kind | Facet::Stance | Facet::Reviewed
                if versioned =>
            {
                push_version_tally(&mut q, filter, facet)
            }
            Facet::Provision => push_point_counts(&mut q, filter, cube),
            Facet::Category => push_category_counts(&mut q, filter, cube),
            Facet::Speaker => push_speaker_counts(&mut q, filter, shown),
            Facet::Source => push_source_counts(&mut q, filter, shown),
            Facet::Kind => push_label_counts(&mut q, filter, facet, "kind", cube),
            Facet::Stance => push_label_counts(&mut q, filter, facet, "stance", cube),
            Facet::Reviewed => push_review_counts(&mut q, filter),
            Facet::Version => push_version_counts(&mut q, filter),
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
    })
}
