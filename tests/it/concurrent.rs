//! Two `pointwise ingest` processes at once on one database (issue 16), on SQLite and on
//! PostgreSQL: two folders sharing about half of their files, ingested by two processes started
//! together. Both exit 0 (each batch waits for the other's: SQLite's write lock, PostgreSQL's
//! transaction advisory lock), each shared file is new to exactly one of them and unchanged to
//! the other, every article is stored once, the statements are those of one ingest of the
//! union, and the kept counts equal a recount.

use crate::binary;
use crate::common;
use crate::scale::{FRESH_TALLIES, KEPT_TALLIES, TallyRow};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// The fixture corpus split over two folders with `held` in both; returns the folders, the
/// number of distinct files and the number shared.
fn two_folders(root: &Path) -> anyhow::Result<([PathBuf; 2], usize, usize)> {
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
    let union = names[0].union(&names[1]).count();
    let shared = names[0].intersection(&names[1]).count();
    Ok(([root.join("a"), root.join("b")], union, shared))
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

/// What both backends must show after the two ingests: `counts` are the sources, their distinct
/// file names and the distinct content hashes; `tallies` the kept counts and their recount.
fn check(
    outputs: &[Output; 2],
    (union, shared): (usize, usize),
    counts: (i64, i64, i64),
    tallies: &(Vec<TallyRow>, Vec<TallyRow>),
) -> anyhow::Result<()> {
    let mut new = 0;
    let mut unchanged = 0;
    for out in outputs {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stdout}\n{stderr}");
        println!("{}", stdout.trim());
        assert_eq!(reported(&stdout, "replaced")?, 0, "{stdout}");
        assert_eq!(reported(&stdout, "duplicates")?, 0, "{stdout}");
        new += reported(&stdout, "new")?;
        unchanged += reported(&stdout, "unchanged")?;
    }
    assert_eq!(new, union, "each file new to exactly one ingest");
    assert_eq!(unchanged, shared, "each shared file unchanged to the other");
    let union = i64::try_from(union)?;
    assert_eq!(counts, (union, union, union), "every article stored once");
    assert!(!tallies.0.is_empty());
    assert_eq!(tallies.0, tallies.1, "the kept counts equal a recount");
    Ok(())
}

/// The two folders, the number of distinct files and of shared ones, and the export of one
/// ingest of the corpus parts they hold into a SQLite file.
struct Arranged {
    dirs: [PathBuf; 2],
    sizes: (usize, usize),
    reference: Vec<String>,
}

fn arrange(root: &Path) -> anyhow::Result<Arranged> {
    let (dirs, union, shared) = two_folders(root)?;
    let reference = root.join("reference.db");
    let parts = ["tune", "held", "fresh2"].map(|part| {
        let dir = common::fixture("corpus").join(part).join("articles");
        dir.display().to_string()
    });
    let mut args = vec!["ingest"];
    args.extend(parts.iter().map(String::as_str));
    let out = binary::run(&reference, &args)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    anyhow::ensure!(out.status.success(), "the reference ingest: {stdout}");
    Ok(Arranged {
        dirs,
        sizes: (union, shared),
        reference: export_without_ids(&reference)?,
    })
}

const COUNTS: &str =
    "select count(*), count(distinct file_name), count(distinct content_hash) from source";

#[tokio::test]
async fn two_ingests_at_once_store_every_article_once_on_sqlite() -> anyhow::Result<()> {
    // Arrange
    let root = tempfile::tempdir()?;
    let Arranged {
        dirs,
        sizes,
        reference,
    } = arrange(root.path())?;
    let db = root.path().join("shared.db");
    // Act
    let outputs = ingest_together(&db, &dirs)?;
    // Assert
    let pool = pointwise::db::connect(&db).await?;
    let counts = sqlx::query_as(COUNTS).fetch_one(&pool).await?;
    let tallies = (
        sqlx::query_as(KEPT_TALLIES).fetch_all(&pool).await?,
        sqlx::query_as(FRESH_TALLIES).fetch_all(&pool).await?,
    );
    pool.close().await;
    check(&outputs, sizes, counts, &tallies)?;
    assert_eq!(
        export_without_ids(&db)?,
        reference,
        "the statements of one ingest"
    );
    Ok(())
}

#[tokio::test]
async fn two_ingests_at_once_store_every_article_once_on_postgres() -> anyhow::Result<()> {
    let Some(pg) = common::postgres_test_db("concurrent::postgres").await? else {
        return Ok(());
    };
    // Arrange
    let root = tempfile::tempdir()?;
    let Arranged {
        dirs,
        sizes,
        reference,
    } = arrange(root.path())?;
    let db = Path::new(&pg.url);
    // Act
    let outputs = ingest_together(db, &dirs)?;
    // Assert
    let counts = sqlx::query_as(COUNTS).fetch_one(&pg.pool).await?;
    let tallies = (
        sqlx::query_as(KEPT_TALLIES).fetch_all(&pg.pool).await?,
        sqlx::query_as(FRESH_TALLIES).fetch_all(&pg.pool).await?,
    );
    check(&outputs, sizes, counts, &tallies)?;
    assert_eq!(
        export_without_ids(db)?,
        reference,
        "the statements of one ingest"
    );
    pg.finish().await?;
    Ok(())
}
