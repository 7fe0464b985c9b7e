//! Crash safety: SIGKILL the ingest in the middle of a large run. The database then opens,
//! `PRAGMA integrity_check` says ok, every stored source has exactly the statements a clean
//! run gives that file (none half-written), and a re-run ends with the same rows as a clean run.

use crate::binary;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use pointwise::db::{self, queries};

const ARTICLES: usize = 2500;

/// Every stored row that matters, by content (ids may differ between databases): per file,
/// its source fields and its statements.
type Snapshot = BTreeMap<String, (String, Vec<String>)>;

async fn snapshot(db_path: &Path) -> anyhow::Result<(Snapshot, String)> {
    let pool = db::connect(db_path).await?;
    let integrity = db::integrity_check(&pool.clone().into()).await?;
    let mut out = Snapshot::new();
    for s in queries::list_sources(&pool.clone().into()).await? {
        let body = queries::get_source(&pool.clone().into(), s.id)
            .await?
            .map(|(_, b)| b)
            .unwrap_or_default();
        out.insert(
            s.file_name.clone(),
            (
                format!(
                    "{}|{}|{:?}|{:?}|{}",
                    s.title, s.publisher, s.published_date, s.published_time, body
                ),
                Vec::new(),
            ),
        );
    }
    for r in queries::export_statements(&pool.clone().into()).await? {
        let line = format!(
            "{:?}|{}|{}|{}|{}..{}|{}|{:?}",
            r.speaker_slug,
            r.kind,
            r.stance,
            r.text,
            r.span_start,
            r.span_end,
            r.rule,
            r.provision_numbers()
        );
        out.entry(r.file_name.clone())
            .or_insert_with(|| (String::from("statement without source"), Vec::new()))
            .1
            .push(line);
    }
    for (_, statements) in out.values_mut() {
        statements.sort();
    }
    pool.close().await;
    Ok((out, integrity))
}

async fn source_count(db_path: &Path) -> i64 {
    let Ok(pool) = db::connect_read_only(db_path, 1).await else {
        return 0;
    };
    let n = queries::count_rows(&pool.clone().into())
        .await
        .map_or(0, |c| c.0);
    pool.close().await;
    n
}

#[tokio::test]
#[ignore = "slow: cargo test -- --ignored"]
async fn sigkill_mid_ingest_loses_nothing_and_a_rerun_matches_a_clean_run() -> anyhow::Result<()> {
    // Arrange: a few thousand articles, and a clean run for reference.
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("articles");
    std::fs::create_dir(&dir)?;
    for n in 0..ARTICLES {
        std::fs::write(dir.join(format!("a{n:05}.txt")), binary::article(n))?;
    }
    let dir_arg = dir.display().to_string();
    let clean_db = tmp.path().join("clean.db");
    let clean = binary::run(&clean_db, &["ingest", &dir_arg])?;
    assert_eq!(clean.status.code(), Some(0));
    let (want, integrity) = snapshot(&clean_db).await?;
    assert_eq!(integrity, "ok");
    assert_eq!(want.len(), ARTICLES);

    // Act: kill -9 once some sources are in, well before the end.
    let crash_db = tmp.path().join("crash.db");
    let mut child = binary::bin()
        .arg("--db")
        .arg(&crash_db)
        .args(["ingest", &dir_arg])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let start = Instant::now();
    let target = (ARTICLES / 5) as i64;
    while source_count(&crash_db).await < target {
        anyhow::ensure!(
            child.try_wait()?.is_none(),
            "the ingest ended before the kill"
        );
        anyhow::ensure!(start.elapsed() < Duration::from_secs(300), "no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    binary::signal(&child, "KILL")?;
    let status = child.wait()?;
    assert_eq!(status.code(), None, "killed by a signal, not finished");

    // Assert: sound, and no source half-written.
    let (got, integrity) = snapshot(&crash_db).await?;
    assert_eq!(integrity, "ok");
    assert!(
        got.len() >= target as usize && got.len() < ARTICLES,
        "killed mid-run: {} of {ARTICLES} sources",
        got.len()
    );
    for (file, row) in &got {
        assert_eq!(
            Some(row),
            want.get(file),
            "{file}: the stored source and its statements equal a clean run's"
        );
    }
    println!(
        "killed after {} of {ARTICLES} sources; all complete",
        got.len()
    );

    // A re-run completes the database: the same rows as the clean run.
    let rerun = binary::run(&crash_db, &["ingest", &dir_arg])?;
    let stdout = String::from_utf8_lossy(&rerun.stdout);
    assert_eq!(rerun.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(&format!("{} unchanged", got.len())),
        "stored files are not redone: {stdout}"
    );
    let (after, integrity) = snapshot(&crash_db).await?;
    assert_eq!(integrity, "ok");
    assert!(after == want, "the re-run ends with the clean run's rows");
    Ok(())
}
