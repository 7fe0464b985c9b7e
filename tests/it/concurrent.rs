//! Two `pointwise ingest` processes at once on one database (issue 16), on SQLite and on
//! PostgreSQL, with the real binary. Both exit 0: each batch waits for the other's (SQLite's
//! write lock, PostgreSQL's transaction advisory lock, see docs/deploy.md). Two cases:
//! - the fixture corpus in two folders sharing about half of their files (one batch each): each
//!   shared file is new to exactly one ingest and unchanged to the other, every article is
//!   stored once, the statements are those of one ingest of the union;
//! - 300 small articles in each folder (two batches each, which may interleave), half of them
//!   shared and a third of those with other content under the same name: each name stored
//!   once, each differing one replaced exactly once, no article left without statements.
//!
//! In both the counts kept by the ingest equal a recount (tests/it/scale.rs's queries).

use crate::binary;
use crate::common;
use crate::scale::{FRESH_TALLIES, KEPT_TALLIES, TallyRow};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// One case: the two folders, what their reports must add up to, and (for the corpus) the
/// export of one ingest of the union.
struct Case {
    dirs: [PathBuf; 2],
    expected: Reports,
    reference: Option<Vec<String>>,
}

/// The counts of the two ingests' reports, added up.
#[derive(Debug, Default, PartialEq, Eq)]
struct Reports {
    new: usize,
    unchanged: usize,
    replaced: usize,
    duplicates: usize,
}

/// The fixture corpus split over two folders with `held` in both, and the export of one
/// ingest of the three parts into a SQLite file.
fn corpus_case(root: &Path) -> anyhow::Result<Case> {
    let corpus = common::fixture("corpus");
    let layout = [("a", ["tune", "held"]), ("b", ["held", "fresh2"])];
    let mut names = [BTreeSet::new(), BTreeSet::new()];
    for (i, (folder, parts)) in layout.iter().enumerate() {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir)?;
        for part in parts {
            for entry in std::fs::read_dir(corpus.join(part).join("articles"))? {
                let path = entry?.path();
                let name = path.file_name().map(|n| n.to_os_string());
                let name = name.ok_or_else(|| anyhow::anyhow!("no name: {}", path.display()))?;
                std::fs::copy(&path, dir.join(&name))?;
                names[i].insert(name);
            }
        }
    }
    let reference = root.join("reference.db");
    let parts = ["tune", "held", "fresh2"].map(|p| path(&corpus.join(p).join("articles")));
    let mut args = vec!["ingest"];
    args.extend(parts.iter().map(String::as_str));
    let out = binary::run(&reference, &args)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    anyhow::ensure!(out.status.success(), "the reference ingest: {stdout}");
    Ok(Case {
        dirs: [root.join("a"), root.join("b")],
        expected: Reports {
            new: names[0].union(&names[1]).count(),
            unchanged: names[0].intersection(&names[1]).count(),
            ..Reports::default()
        },
        reference: Some(export_without_ids(&reference)?),
    })
}

/// Small articles n000..n299 in `a` and n150..n449 in `b`, where n150..n199 say something else
/// in `b`: 450 names, 100 shared alike, 50 shared with other content.
fn small_case(root: &Path) -> anyhow::Result<Case> {
    let dirs = [root.join("a"), root.join("b")];
    for (dir, range) in dirs.iter().zip([0..300, 150..450]) {
        std::fs::create_dir_all(dir)?;
        for i in range {
            let (outlet, said) = match (i % 2, dir.ends_with("b") && i < 200) {
                (0, false) => ("Reuters", "is a basis for peace"),
                (_, false) => ("TASS", "is a basis for peace"),
                (_, true) => ("Reuters", "puts limits"),
            };
            std::fs::write(
                dir.join(format!("n{i:03}.txt")),
                format!(
                    "Article {i} on the plan\n2025-11-{:02}\n{outlet}\n\n\"The 28-point plan {said} on Ukraine's army,\" Mark Rutte said.\n\n\"We oppose the territorial clauses of the plan,\" Dmitry Peskov said.\n",
                    1 + i % 28
                ),
            )?;
        }
    }
    Ok(Case {
        dirs,
        expected: Reports {
            new: 450,
            unchanged: 100,
            replaced: 50,
            duplicates: 0,
        },
        reference: None,
    })
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// Starts `pointwise --db DB ingest DIR` for both folders before waiting for either.
fn ingest_together(db: &Path, dirs: &[PathBuf; 2]) -> anyhow::Result<[Output; 2]> {
    let spawn = |dir: &Path| {
        binary::bin()
            .arg("--db")
            .arg(db)
            .arg("ingest")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    };
    let (a, b) = (spawn(&dirs[0])?, spawn(&dirs[1])?);
    Ok([a.wait_with_output()?, b.wait_with_output()?])
}

/// The number before `word` in an ingest's report ("104 files read: 32 new, 72 unchanged, ...").
fn reported(report: &str, word: &str) -> anyhow::Result<usize> {
    let end = report
        .find(&format!(" {word}"))
        .ok_or_else(|| anyhow::anyhow!("no {word:?} in {report:?}"))?;
    let start = report[..end].rfind(' ').map_or(0, |i| i + 1);
    Ok(report[start..end].parse()?)
}

/// Asserts that both ingests exited 0 and adds up their reports (printed: which ingest found
/// what depends on whose batch committed first).
fn reports(outputs: &[Output; 2]) -> anyhow::Result<Reports> {
    let mut sum = Reports::default();
    for out in outputs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        println!("{}", stdout.trim());
        sum.new += reported(&stdout, "new")?;
        sum.unchanged += reported(&stdout, "unchanged")?;
        sum.replaced += reported(&stdout, "replaced")?;
        sum.duplicates += reported(&stdout, "duplicates")?;
    }
    Ok(sum)
}

/// The export of `db` as a set of lines without what depends on which ingest committed first:
/// the ids, and the spelling of a speaker's name (a speaker's row keeps the spelling of the
/// first article that named it: "foreign ministry" or "Foreign Ministry"), kept as its lower-case
/// letters and digits.
fn export_without_ids(db: &Path) -> anyhow::Result<Vec<String>> {
    let out = binary::run(db, &["export"])?;
    anyhow::ensure!(out.status.success(), "export of {}", db.display());
    let mut lines = Vec::new();
    for line in String::from_utf8(out.stdout)?.lines() {
        let mut value: serde_json::Value = serde_json::from_str(line)?;
        if let Some(object) = value.as_object_mut() {
            object.remove("id");
            if let Some(serde_json::Value::String(name)) = object.get_mut("speaker") {
                *name = name
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
            }
        }
        lines.push(value.to_string());
    }
    lines.sort();
    Ok(lines)
}

/// What the database holds after the two ingests.
struct Stored {
    /// Sources, their distinct file names and distinct content hashes.
    counts: (i64, i64, i64),
    /// Sources without a statement.
    bare: i64,
    /// The counts kept by the ingest, and recounted.
    tallies: (Vec<TallyRow>, Vec<TallyRow>),
}

const COUNTS: &str =
    "select count(*), count(distinct file_name), count(distinct content_hash) from source";
const BARE: &str = "select count(*) from source where id not in (select source_id from statement)";

/// [`Stored`], read from a SQLite or a PostgreSQL pool.
macro_rules! stored {
    ($pool:expr) => {
        Stored {
            counts: sqlx::query_as(COUNTS).fetch_one($pool).await?,
            bare: sqlx::query_scalar(BARE).fetch_one($pool).await?,
            tallies: (
                sqlx::query_as(KEPT_TALLIES).fetch_all($pool).await?,
                sqlx::query_as(FRESH_TALLIES).fetch_all($pool).await?,
            ),
        }
    };
}

/// Runs `case` in `root` on the database `db` (a path or a URL), `read` giving what it stored.
async fn run_case<F>(case: &Case, db: &Path, read: F) -> anyhow::Result<()>
where
    F: AsyncFnOnce() -> anyhow::Result<Stored>,
{
    // Act
    let outputs = ingest_together(db, &case.dirs)?;
    // Assert
    let sum = reports(&outputs)?;
    assert_eq!(sum, case.expected, "each file new to one ingest only");
    let stored = read().await?;
    let names = i64::try_from(case.expected.new)?;
    assert_eq!(stored.counts, (names, names, names), "every article once");
    assert!(!stored.tallies.0.is_empty());
    assert_eq!(stored.tallies.0, stored.tallies.1, "kept counts = recount");
    match &case.reference {
        Some(reference) => assert_eq!(&export_without_ids(db)?, reference, "one ingest's"),
        None => assert_eq!(stored.bare, 0, "every article keeps its statements"),
    }
    Ok(())
}

async fn on_sqlite(case: fn(&Path) -> anyhow::Result<Case>) -> anyhow::Result<()> {
    let root = tempfile::tempdir()?;
    let case = case(root.path())?;
    let db = root.path().join("shared.db");
    run_case(&case, &db, async || {
        let pool = pointwise::db::connect(&db).await?;
        let stored = stored!(&pool);
        pool.close().await;
        Ok(stored)
    })
    .await
}

async fn on_postgres(test: &str, case: fn(&Path) -> anyhow::Result<Case>) -> anyhow::Result<()> {
    let Some(pg) = common::postgres_test_db(test).await? else {
        return Ok(());
    };
    let root = tempfile::tempdir()?;
    let case = case(root.path())?;
    run_case(&case, Path::new(&pg.url), async || Ok(stored!(&pg.pool))).await?;
    pg.finish().await
}

#[tokio::test]
async fn two_ingests_at_once_store_every_article_once_on_sqlite() -> anyhow::Result<()> {
    on_sqlite(corpus_case).await
}

#[tokio::test]
async fn two_ingests_at_once_store_every_article_once_on_postgres() -> anyhow::Result<()> {
    on_postgres("concurrent::corpus_on_postgres", corpus_case).await
}

#[tokio::test]
async fn interleaved_batches_replace_each_differing_article_once_on_sqlite() -> anyhow::Result<()> {
    on_sqlite(small_case).await
}

#[tokio::test]
async fn interleaved_batches_replace_each_differing_article_once_on_postgres() -> anyhow::Result<()>
{
    on_postgres("concurrent::small_on_postgres", small_case).await
}
