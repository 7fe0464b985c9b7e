//! The queries behind the matrix at `/` and the per-point timeline: statement counts per point
//! and column, where a column is an article, an outlet, an outlet's country, a speaker, a
//! speaker's organisation or a speaker's country.
//!
//! Kept apart from `queries.rs` so the views can grow without touching the write path. The SQL
//! pieces an [`Axis`] picks are fixed strings of this module; every value from a request is
//! bound with `push_bind`.

use sqlx::{FromRow, QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

use crate::catalog::OutletEntry;

/// Writes the outlets of `seeds/outlets.toml` (insert or update), inside the catalog's
/// transaction. Outlets removed from the file are removed here too.
pub async fn upsert_outlets(
    conn: &mut SqliteConnection,
    outlets: &[OutletEntry],
) -> sqlx::Result<()> {
    sqlx::query("delete from outlet")
        .execute(&mut *conn)
        .await?;
    for o in outlets {
        sqlx::query(
            "insert into outlet (publisher, country) values (?, ?)
             on conflict (publisher) do update set country = excluded.country",
        )
        .bind(&o.publisher)
        .bind(&o.country)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

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

    /// What a column is made of: source ids or speaker slugs, for the links to the statements.
    fn member(self) -> &'static str {
        if self.speaker_side() {
            "p.slug"
        } else {
            "cast(s.id as text)"
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
const FROM: &str = " from statement t join source s on s.id = t.source_id
    left join outlet o on o.publisher = s.publisher left join speaker p on p.id = t.speaker_id";

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

fn push_where(q: &mut QueryBuilder<Sqlite>, axis: Axis, f: &AxisFilter) {
    q.push(" where 1 = 1");
    if axis.speaker_side() {
        q.push(" and t.speaker_id is not null");
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
        if let Some(o) = &f.outlet {
            q.push(" and s.publisher = ").push_bind(o.clone());
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
    /// Source ids or speaker slugs, comma-separated.
    pub members: String,
}

impl ColumnRow {
    /// The source ids or speaker slugs the column is made of.
    pub fn member_list(&self) -> Vec<&str> {
        self.members.split(',').filter(|m| !m.is_empty()).collect()
    }
}

/// The columns for `axis`, with their groups, in display order.
pub async fn matrix_columns(
    pool: &SqlitePool,
    axis: Axis,
    filter: &AxisFilter,
) -> sqlx::Result<Vec<ColumnRow>> {
    let mut q = QueryBuilder::<Sqlite>::new("select ");
    q.push(axis.key())
        .push(" as key, ")
        .push(axis.label())
        .push(" as label, ")
        .push(axis.sub())
        .push(" as sub, ")
        .push(axis.group())
        .push(" as grp, count(*) as statements, count(distinct s.id) as sources, group_concat(distinct ")
        .push(axis.member())
        .push(") as members")
        .push(FROM);
    push_where(&mut q, axis, filter);
    q.push(" group by key").push(axis.order());
    q.build_query_as().fetch_all(pool).await
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

/// Statement counts per (point, column), by stance.
pub async fn matrix_cells(
    pool: &SqlitePool,
    axis: Axis,
    filter: &AxisFilter,
) -> sqlx::Result<Vec<KeyedCell>> {
    let mut q = QueryBuilder::<Sqlite>::new("select l.provision, ");
    q.push(axis.key()).push(
        " as key, count(*) as total,
            sum(t.stance = 'supports') as supports, sum(t.stance = 'opposes') as opposes,
            sum(t.stance = 'mixed') as mixed, sum(t.stance = 'neutral') as neutral
         from statement_provision l join statement t on t.id = l.statement_id join source s on s.id = t.source_id
         left join outlet o on o.publisher = s.publisher left join speaker p on p.id = t.speaker_id",
    );
    push_where(&mut q, axis, filter);
    q.push(" group by l.provision, key");
    q.build_query_as().fetch_all(pool).await
}

/// Statements on one point, counted per outlet, date and stance: the points of the timeline.
#[derive(Debug, Clone, FromRow, PartialEq)]
pub struct TimelineRow {
    /// Publisher, or "unknown outlet".
    pub outlet: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// supports, opposes, mixed, neutral.
    pub stance: String,
    /// Statements.
    pub statements: i64,
}

/// The dated statements on point `provision` per outlet, date and stance, and how many
/// statements on it have no date.
pub async fn timeline(pool: &SqlitePool, provision: i64) -> sqlx::Result<(Vec<TimelineRow>, i64)> {
    let rows = sqlx::query_as(
        "select case s.publisher when '' then 'unknown outlet' else s.publisher end as outlet,
            s.published_date as date, t.stance, count(*) as statements
         from statement_provision l join statement t on t.id = l.statement_id join source s on s.id = t.source_id
         where l.provision = ? and s.published_date is not null
         group by outlet, date, t.stance order by outlet, date, t.stance",
    )
    .bind(provision)
    .fetch_all(pool)
    .await?;
    let undated: i64 = sqlx::query_scalar(
        "select count(*) from statement_provision l join statement t on t.id = l.statement_id
         join source s on s.id = t.source_id where l.provision = ? and s.published_date is null",
    )
    .bind(provision)
    .fetch_one(pool)
    .await?;
    Ok((rows, undated))
}
