//! The queries behind the matrix at `/` and the per-point timeline: statement counts per point
//! and column, where a column is an article, an outlet, an outlet's country, a speaker, a
//! speaker's organisation or a speaker's country.
//!
//! Kept apart from `queries.rs` so the views can grow without touching the write path. The SQL
//! pieces an [`Axis`] picks are fixed strings of this module; every value from a request is
//! bound with `push_bind`.

use sqlx::{Database, FromRow, QueryBuilder};

use super::{Db, Param, on_db};

use crate::catalog::OutletEntry;
use crate::model::Stance;

/// What the columns of the matrix are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// One column per article.
    Source,
    /// One column per outlet (publisher).
    Outlet,
    /// One column per country the outlets are based in.
    Country,
    /// One column per speaker.
    Speaker,
    /// One column per speaker organisation.
    Organisation,
    /// One column per speaker country.
    SpeakerCountry,
}

impl Axis {
    /// Columns from the speaker side (statements in the article's own voice are left out).
    pub fn speaker_side(self) -> bool {
        matches!(
            self,
            Axis::Speaker | Axis::Organisation | Axis::SpeakerCountry
        )
    }

    /// The column key.
    fn key(self) -> &'static str {
        match self {
            Axis::Source => "cast(s.id as text)",
            Axis::Outlet => "s.publisher",
            Axis::Country => OUTLET_COUNTRY,
            Axis::Speaker => "p.slug",
            Axis::Organisation => "coalesce(nullif(p.organisation, ''), 'other')",
            Axis::SpeakerCountry => SPEAKER_COUNTRY,
        }
    }

    /// The column header.
    fn label(self) -> &'static str {
        match self {
            Axis::Source => "min(case s.publisher when '' then s.file_name else s.publisher end)",
            Axis::Outlet => {
                "min(case s.publisher when '' then 'unknown outlet' else s.publisher end)"
            }
            Axis::Speaker => "min(p.name)",
            Axis::Country => "min(coalesce(nullif(o.country, ''), 'other'))",
            Axis::Organisation => "min(coalesce(nullif(p.organisation, ''), 'other'))",
            Axis::SpeakerCountry => "min(coalesce(nullif(p.country, ''), 'other'))",
        }
    }

    /// The header's second line.
    fn sub(self) -> &'static str {
        match self {
            Axis::Source => "coalesce(min(s.published_date), 'undated')",
            Axis::Speaker => "coalesce(min(nullif(p.role, '')), min(p.kind))",
            _ => "''",
        }
    }

    /// The group a column falls in (the header row above the columns).
    fn group(self) -> &'static str {
        match self {
            Axis::Source => {
                "min(case s.publisher when '' then 'unknown outlet' else s.publisher end)"
            }
            Axis::Outlet => "min(coalesce(nullif(o.country, ''), 'other'))",
            Axis::Speaker => "min(coalesce(nullif(p.country, ''), 'other'))",
            Axis::Organisation => {
                "case when count(distinct coalesce(nullif(p.country, ''), 'other')) = 1
                 then min(coalesce(nullif(p.country, ''), 'other')) else 'several countries' end"
            }
            Axis::Country | Axis::SpeakerCountry => "''",
        }
    }

    /// The order of the columns (the group first, so a group's columns stand together).
    fn order(self) -> &'static str {
        match self {
            Axis::Source => {
                " order by grp = 'unknown outlet', grp, min(s.published_date) is null, min(s.published_date), min(s.published_time), min(s.id)"
            }
            _ => " order by grp = 'other', grp, key = 'other', statements desc, key",
        }
    }
}

const OUTLET_COUNTRY: &str = "coalesce(nullif(o.country, ''), 'other')";
const SPEAKER_COUNTRY: &str = "coalesce(nullif(p.country, ''), 'other')";
/// The counts kept by the ingest, as `s` (publisher, speaker_id, provision, stance, statements),
/// with the outlet and the speaker: every axis but [`Axis::Source`] reads its columns and cells
/// from here.
const FROM_TALLY: &str = " from tally s left join outlet o on o.publisher = s.publisher
    left join speaker p on p.id = s.speaker_id";
/// Sources with statements, as `s` (id, publisher, statements), with the outlet.
const FROM_COUNTED: &str = " from tally_count s left join outlet o on o.publisher = s.publisher";
/// A column's source ids are listed (for the links of its cells) up to this many sources.
const MEMBERS_MAX: i64 = 400;

/// The column (and `outlet=` value) of the articles with no publisher.
pub const UNKNOWN_OUTLET: &str = "unknown outlet";

/// Narrows the columns: to one outlet's articles, one country's outlets or articles, one
/// organisation's or one country's speakers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AxisFilter {
    /// Publisher, exactly (source side).
    pub outlet: Option<String>,
    /// Country of the outlet (source side) or of the speaker (speaker side); `other` for none.
    pub country: Option<String>,
    /// Speaker organisation (speaker side); `other` for none.
    pub organisation: Option<String>,
}

/// The narrowing of `f` (after a `where`); `speaker` is the column of the speaker id on the
/// speaker side (0 or null for the article's own voice).
fn push_narrowing<DB: Database>(q: &mut QueryBuilder<DB>, axis: Axis, f: &AxisFilter, speaker: &str)
where
    i64: Param<DB>,
    String: Param<DB>,
{
    if axis.speaker_side() {
        q.push(" and coalesce(").push(speaker).push(", 0) <> 0");
        if let Some(c) = &f.country {
            q.push(" and ")
                .push(SPEAKER_COUNTRY)
                .push(" = ")
                .push_bind(c.clone());
        }
        if let Some(o) = &f.organisation {
            q.push(" and coalesce(nullif(p.organisation, ''), 'other') = ")
                .push_bind(o.clone());
        }
    } else {
        if let Some(c) = &f.country {
            q.push(" and ")
                .push(OUTLET_COUNTRY)
                .push(" = ")
                .push_bind(c.clone());
        }
        match f.outlet.as_deref() {
            Some(UNKNOWN_OUTLET) => {
                q.push(" and s.publisher = ''");
            }
            Some(o) => {
                q.push(" and s.publisher = ").push_bind(o.to_string());
            }
            None => {}
        }
    }
}

/// A column of the matrix.
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct ColumnRow {
    /// Key: source id, publisher, country, speaker slug or organisation.
    pub key: String,
    /// Header text.
    pub label: String,
    /// Second header line (date, role), may be empty.
    pub sub: String,
    /// The group the column stands under (outlet, country), may be empty.
    pub grp: String,
    /// Statements in the column.
    pub statements: i64,
    /// Articles they come from.
    pub sources: i64,
    /// Source ids or speaker slugs, comma-separated; empty for a column of more than a few
    /// hundred articles (its cells link to its drill-down).
    pub members: String,
}

impl ColumnRow {
    /// The source ids or speaker slugs the column is made of.
    pub fn member_list(&self) -> Vec<&str> {
        self.members.split(',').filter(|m| !m.is_empty()).collect()
    }
}

/// The columns for `axis`, with their groups, in display order: all of them.
pub async fn matrix_columns(
    db: &Db,
    axis: Axis,
    filter: &AxisFilter,
) -> sqlx::Result<Vec<ColumnRow>> {
    matrix_column_page(db, axis, filter, 0, i64::MAX).await
}

/// The columns for `axis` in display order, `limit` of them from the `offset`th.
pub async fn matrix_column_page(
    db: &Db,
    axis: Axis,
    filter: &AxisFilter,
    offset: i64,
    limit: i64,
) -> sqlx::Result<Vec<ColumnRow>> {
    on_db!(db, |pool| {
        if axis == Axis::Source {
            // one column per article: the sources with statements, read a page at a time
            let mut q = QueryBuilder::<Backend>::new(
                "select cast(s.id as text) as key,
                case r.publisher when '' then r.file_name else r.publisher end as label,
                coalesce(r.published_date, 'undated') as sub,
                case r.publisher when '' then 'unknown outlet' else r.publisher end as grp,
                s.statements, cast(1 as bigint) as sources, cast(s.id as text) as members",
            );
            q.push(FROM_COUNTED)
                .push(" join source r on r.id = s.id where 1 = 1");
            push_narrowing(&mut q, axis, filter, "");
            q.push(
            " order by r.publisher = '', r.publisher, r.published_date is null, r.published_date,
              r.published_time, s.id limit ",
        )
        .push_bind(limit)
        .push(" offset ")
        .push_bind(offset);
            return q.build_query_as().fetch_all(pool).await;
        }
        // PostgreSQL orders by an expression of the output's names only around a subquery
        let mut q = QueryBuilder::<Backend>::new(if PG {
            "select * from (select "
        } else {
            "select "
        });
        q.push(axis.key())
            .push(" as key, ")
            .push(axis.label())
            .push(" as label, ")
            .push(axis.sub())
            .push(" as sub, ")
            .push(axis.group())
            .push(" as grp, cast(sum(s.statements) as bigint) as statements, cast(0 as bigint) as sources, ");
        if axis.speaker_side() {
            q.push(if PG {
                "string_agg(distinct p.slug, ',')"
            } else {
                "group_concat(distinct p.slug)"
            });
        } else {
            q.push("''");
        }
        q.push(" as members")
            .push(FROM_TALLY)
            .push(" where s.provision = -1");
        push_narrowing(&mut q, axis, filter, "s.speaker_id");
        q.push(if PG {
            " group by key) c"
        } else {
            " group by key"
        })
        .push(axis.order());
        let mut columns: Vec<ColumnRow> = q.build_query_as().fetch_all(pool).await?;
        if !axis.speaker_side() {
            // the articles of each outlet (or country), and their ids when they are few
            let mut q = QueryBuilder::<Backend>::new("select ");
            q.push(axis.key())
                .push(" as key, count(*) as n, case when count(*) <= ");
            q.push_bind(MEMBERS_MAX)
                .push(if PG {
                    " then string_agg(cast(s.id as text), ',') else '' end as members"
                } else {
                    " then group_concat(s.id) else '' end as members"
                })
                .push(FROM_COUNTED)
                .push(" where 1 = 1");
            push_narrowing(&mut q, axis, filter, "");
            q.push(" group by key");
            let counted: Vec<(String, i64, String)> = q.build_query_as().fetch_all(pool).await?;
            for c in &mut columns {
                if let Some((_, n, members)) = counted.iter().find(|(k, _, _)| *k == c.key) {
                    c.sources = *n;
                    c.members.clone_from(members);
                }
            }
        }
        columns.drain(
            ..usize::try_from(offset)
                .unwrap_or(usize::MAX)
                .min(columns.len()),
        );
        columns.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(columns)
    })
}

/// One cell: statements of a column on a point, by stance.
#[derive(Debug, Clone, FromRow, PartialEq, Default)]
pub struct KeyedCell {
    /// Point.
    pub provision: i64,
    /// Column key (as in [`ColumnRow::key`]).
    pub key: String,
    /// Statements.
    pub total: i64,
    /// Of which supports.
    pub supports: i64,
    /// Of which opposes.
    pub opposes: i64,
    /// Of which mixed.
    pub mixed: i64,
    /// Of which neutral.
    pub neutral: i64,
}

const CELL_SUMS: &str = " as key, cast(sum(s.statements) as bigint) as total,
    cast(sum(case s.stance when 'supports' then s.statements else 0 end) as bigint) as supports,
    cast(sum(case s.stance when 'opposes' then s.statements else 0 end) as bigint) as opposes,
    cast(sum(case s.stance when 'mixed' then s.statements else 0 end) as bigint) as mixed,
    cast(sum(case s.stance when 'neutral' then s.statements else 0 end) as bigint) as neutral";

/// Statement counts per (point, column), by stance: every cell of the view.
pub async fn matrix_cells(
    db: &Db,
    axis: Axis,
    filter: &AxisFilter,
) -> sqlx::Result<Vec<KeyedCell>> {
    on_db!(db, |pool| {
        if axis == Axis::Source {
            let mut q =
                QueryBuilder::<Backend>::new("select s.provision, cast(s.source_id as text)");
            q.push(CELL_SUMS).push(
            " from tally_source s left join outlet o on o.publisher = s.publisher where s.provision >= 0",
        );
            push_narrowing(&mut q, axis, filter, "");
            q.push(" group by s.provision, s.source_id");
            return q.build_query_as().fetch_all(pool).await;
        }
        let mut q = QueryBuilder::<Backend>::new("select s.provision, ");
        q.push(axis.key())
            .push(CELL_SUMS)
            .push(FROM_TALLY)
            .push(" where s.provision >= 0");
        push_narrowing(&mut q, axis, filter, "s.speaker_id");
        q.push(" group by s.provision, key");
        q.build_query_as().fetch_all(pool).await
    })
}

/// The cells of the columns of articles `sources` (ids), per (point, source), by stance.
pub async fn source_cells(db: &Db, sources: &[i64]) -> sqlx::Result<Vec<KeyedCell>> {
    on_db!(db, |pool| {
        if sources.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Backend>::new("select s.provision, cast(s.source_id as text)");
        q.push(CELL_SUMS)
            .push(" from tally_source s where s.provision >= 0 and s.source_id in (");
        let mut sep = q.separated(", ");
        for id in sources {
            sep.push_bind(*id);
        }
        q.push(") group by s.provision, s.source_id");
        q.build_query_as().fetch_all(pool).await
    })
}

/// Statements, sources and speakers with statements, from the tallies.
pub async fn totals(db: &Db) -> sqlx::Result<(i64, i64, i64)> {
    on_db!(db, |pool| {
        sqlx::query_as(
        "select coalesce((select cast(sum(statements) as bigint) from tally where provision = -1), 0),
            (select count(*) from tally_count),
            (select count(distinct speaker_id) from tally where provision = -1 and speaker_id <> 0)",
    )
    .fetch_one(pool)
    .await
    })
}

/// Statements on one point, counted per outlet, date and stance: the points of the timeline.
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct TimelineRow {
    /// Publisher, or "unknown outlet".
    pub outlet: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// The statements' stance.
    pub stance: Stance,
    /// Statements.
    pub statements: i64,
}

/// The dated statements on point `provision` per outlet, date and stance, and how many
/// statements on it have no date (from the counts kept by the ingest).
pub async fn timeline(db: &Db, provision: i64) -> sqlx::Result<(Vec<TimelineRow>, i64)> {
    on_db!(db, |pool| {
        let rows = sqlx::query_as(
            "select case publisher when '' then 'unknown outlet' else publisher end as outlet,
            date, stance, cast(sum(statements) as bigint) as statements
         from tally_day where provision = $1 and date <> ''
         group by outlet, date, stance order by outlet, date, stance",
        )
        .bind(provision)
        .fetch_all(pool)
        .await?;
        let undated: i64 = sqlx::query_scalar(
        "select coalesce(cast(sum(statements) as bigint), 0) from tally_day where provision = $1 and date = ''",
    )
    .bind(provision)
    .fetch_one(pool)
    .await?;
        Ok((rows, undated))
    })
}

super::per_backend! {
    /// Writes the outlets of `seeds/outlets.toml` (insert or update), inside the catalog's
    /// transaction. Outlets removed from the file are removed here too.
    pub(crate) async fn upsert_outlets(conn: &mut Conn, outlets: &[OutletEntry]) -> sqlx::Result<()> {
        sqlx::query("delete from outlet")
            .execute(&mut *conn)
            .await?;
        for o in outlets {
            sqlx::query(
                "insert into outlet (publisher, country) values ($1, $2)
                 on conflict (publisher) do update set country = excluded.country",
            )
            .bind(&o.publisher)
            .bind(&o.country)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}
