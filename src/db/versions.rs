//! The plan's versions in the database: the `plan_version` rows written with the catalog, the
//! version each statement speaks of (`statement_version`) and its checked claims (`claim`),
//! written with the statements' batch; and the queries that read them back.

use serde::Serialize;
use sqlx::{FromRow, QueryBuilder};

use super::{Db, on_db};

use super::bulk::MAX_ROWS;
use crate::model::{ClaimCheck, Statement};
use crate::versions::Versions;

/// The versions and claims of a batch's statements, waiting for its commit.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    versions: Vec<(i64, String, String)>,
    claims: Vec<(i64, ClaimCheck)>,
}

impl Pending {
    /// The version each queued statement speaks of (statement id -> slug).
    pub(super) fn by_statement(&self) -> std::collections::HashMap<i64, &str> {
        self.versions
            .iter()
            .map(|(id, slug, _)| (*id, slug.as_str()))
            .collect()
    }

    /// Queues what statement `id` says of the versions.
    pub(super) fn add(&mut self, id: i64, s: &Statement) {
        if let Some(v) = &s.version {
            self.versions.push((id, v.slug.clone(), v.via.clone()));
        }
        self.claims.extend(s.claims.iter().map(|c| (id, c.clone())));
    }
}

/// The version a statement speaks of: (slug, why).
pub async fn statement_version(db: &Db, id: i64) -> sqlx::Result<Option<(String, String)>> {
    on_db!(db, |pool| {
        sqlx::query_as("select version, via from statement_version where statement_id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// A checked claim with its statement and source.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct ClaimRow {
    /// The statement.
    pub statement_id: i64,
    /// The point.
    pub provision: i64,
    /// The topic.
    pub topic: String,
    /// The version compared with.
    pub version: String,
    /// `matches` or `contradicts`.
    pub verdict: String,
    /// What the statement says.
    pub said: String,
    /// What the text says.
    pub text_says: String,
    /// The statement's words.
    pub text: String,
    /// Its source.
    pub source_id: i64,
    /// The source's publisher (or file name).
    pub outlet: String,
    /// The source's date.
    pub published_date: Option<String>,
    /// The speaker's name, if any.
    pub speaker_name: Option<String>,
}

const CLAIM_SELECT: &str =
    "select c.statement_id, c.provision, c.topic, c.version, c.verdict, c.said, c.text_says,
    t.text, t.source_id, case when s.publisher = '' then s.file_name else s.publisher end as outlet,
    s.published_date, p.name as speaker_name
    from claim c join statement t on t.id = c.statement_id join source s on s.id = t.source_id
    left join speaker p on p.id = t.speaker_id";

/// The claims of one statement.
pub async fn statement_claims(db: &Db, id: i64) -> sqlx::Result<Vec<ClaimRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(CLAIM_SELECT);
        q.push(" where c.statement_id = ")
            .push_bind(id)
            .push(" order by c.id");
        q.build_query_as().fetch_all(pool).await
    })
}

/// Every checked claim, contradictions first, by point, then by outlet and date, at most
/// `limit`; with `verdict`, only those.
pub async fn list_claims(
    db: &Db,
    verdict: Option<&str>,
    limit: i64,
) -> sqlx::Result<Vec<ClaimRow>> {
    on_db!(db, |pool| {
        let mut q = QueryBuilder::<Backend>::new(CLAIM_SELECT);
        if let Some(v) = verdict {
            q.push(" where c.verdict = ").push_bind(v.to_string());
        }
        q.push(" order by c.verdict, c.provision, outlet, s.published_date, c.id limit ")
            .push_bind(limit);
        q.build_query_as().fetch_all(pool).await
    })
}

super::per_backend! {
    /// Writes the versions' names (for the labels of the version facet).
    pub(crate) async fn upsert(conn: &mut Conn, v: &Versions) -> sqlx::Result<()> {
        for (i, x) in v.versions.iter().enumerate() {
            sqlx::query(
                "insert into plan_version (slug, name, short, date, position) values ($1, $2, $3, $4, $5)
                 on conflict (slug) do update set name = excluded.name, short = excluded.short,
                 date = excluded.date, position = excluded.position",
            )
            .bind(&x.slug)
            .bind(&x.name)
            .bind(&x.short)
            .bind(&x.date)
            .bind(i as i64)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    /// Writes the queue `p` (after the statements it refers to).
    pub(crate) async fn insert_pending(conn: &mut Conn, p: &Pending) -> sqlx::Result<()> {
        side::bulk::insert_rows(
            &mut *conn,
            "insert into statement_version (statement_id, version, via) ",
            "",
            &p.versions,
            MAX_ROWS,
            |mut v, (id, slug, via)| {
                v.push_bind(*id)
                    .push_bind(slug.as_str())
                    .push_bind(via.as_str());
            },
        )
        .await?;
        side::bulk::insert_rows(
            conn,
            "insert into claim (statement_id, provision, topic, version, verdict, said, text_says) ",
            "",
            &p.claims,
            MAX_ROWS,
            |mut v, (id, c)| {
                v.push_bind(*id)
                    .push_bind(i64::from(c.point))
                    .push_bind(c.topic.as_str())
                    .push_bind(c.version.as_str())
                    .push_bind(c.verdict.as_str())
                    .push_bind(c.said.as_str())
                    .push_bind(c.text_says.as_str());
            },
        )
        .await
    }
}
