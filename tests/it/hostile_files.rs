//! Hostile files and starts (issue 17): a deeply nested page is refused in linear time, two
//! processes opening a new database at once both succeed, the write-ahead log is folded in at
//! exit, file names are printed escaped, a directory named twice is read once, and control
//! characters and fullwidth formula signs never reach the pages or the CSV as they came.

use crate::binary;

use crate::common;

use std::time::{Duration, Instant};

use pointwise::db::queries;

const GOOD: &str = "Kallas on the plan\n2025-11-22\n\nEU foreign policy chief Kaja Kallas said the 28-point plan was unacceptable because it rewards aggression.\n";

/// `'<div>' * n + 'x' + '</div>' * n`, about 11 bytes per level.
fn nested_page(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html><body>{}x{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    )
}

#[tokio::test]
async fn a_10_mb_nested_page_is_skipped_in_seconds() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let dir = tempfile::tempdir()?;
    let page = nested_page(950_000);
    assert!(page.len() >= 10_000_000, "{} bytes", page.len());
    std::fs::write(dir.path().join("deep.html"), &page)?;
    std::fs::write(dir.path().join("good.txt"), GOOD)?;
    let started = Instant::now();
    let report =
        pointwise::ingest::run::run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 16 << 20)
            .await?;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert_eq!(report.new, 1, "{report}");
    assert_eq!(report.skipped.len(), 1, "{report}");
    let (file, why) = &report.skipped[0];
    assert!(file.ends_with("deep.html"), "{file}");
    assert!(why.to_string().contains("nested deeper"), "{why}");
    Ok(())
}

#[test]
fn two_ingests_on_a_new_database_both_succeed() -> anyhow::Result<()> {
    double_starts(5)
}

/// The figure: 20 of 20 (slow: run with `--ignored`).
#[test]
#[ignore = "slow: 20 pairs of processes"]
fn twenty_double_starts_on_a_new_database_are_clean() -> anyhow::Result<()> {
    double_starts(20)
}

fn double_starts(rounds: usize) -> anyhow::Result<()> {
    let seeds = common::seeds_dir();
    for round in 0..rounds {
        let tmp = tempfile::tempdir()?;
        let db = tmp.path().join("new.db");
        let start = || {
            binary::bin()
                .arg("--db")
                .arg(&db)
                .arg("ingest")
                .arg(&seeds)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
        };
        let (a, b) = (start()?, start()?);
        for child in [a, b] {
            let out = child.wait_with_output()?;
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    Ok(())
}

#[test]
fn an_ingest_leaves_no_write_ahead_log_and_the_file_alone_is_the_database() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let db = tmp.path().join("w.db");
    let out = binary::run(&db, &["ingest", &common::seeds_dir().to_string_lossy()])?;
    assert_eq!(out.status.code(), Some(0));
    let wal = tmp.path().join("w.db-wal");
    assert!(
        !wal.exists() || std::fs::metadata(&wal)?.len() == 0,
        "the WAL is folded in at exit"
    );
    // a copy of the file alone holds every table and row
    let copy = tmp.path().join("copy.db");
    std::fs::copy(&db, &copy)?;
    let export = binary::run(&copy, &["export"])?;
    assert_eq!(export.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&export.stdout).lines().count() > 10);
    Ok(())
}

#[test]
fn file_names_are_printed_escaped_and_a_directory_named_twice_is_read_once() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("d");
    std::fs::create_dir(&dir)?;
    std::fs::write(dir.join("good.txt"), GOOD)?;
    let evil = "x\n0 files read: all fine\u{1b}[2J.txt";
    std::fs::write(dir.join(evil), b"")?;
    let db = tmp.path().join("n.db");
    let out = binary::bin()
        .current_dir(tmp.path())
        .arg("--db")
        .arg(&db)
        .args(["ingest", "d", "./d"])
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    assert!(
        !stdout.lines().any(|l| l.starts_with("0 files read")),
        "{stdout}"
    );
    assert!(
        stdout.contains("x\\n0 files read: all fine\\u{1b}[2J.txt"),
        "{stdout}"
    );
    assert!(!stdout.contains("link loop"), "{stdout}");
    assert!(stdout.starts_with("2 files read: 1 new"), "{stdout}");
    Ok(())
}

#[tokio::test]
async fn control_characters_and_fullwidth_formulas_are_defused() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let dir = tempfile::tempdir()?;
    // control bytes in the first 8 KB make a file binary (skipped): these come later
    let filler = "The talks went on through the night in a long and quiet room. ".repeat(150);
    let text = format!(
        "Plan talks\n2025-11-22\n\n{filler}\n\n\"We reject the plan\u{1b}[31m outright\u{7},\" Kaja \
         Kallas said.\n\n\"＝HYPERLINK(1) is what we reject,\" Kaja Kallas said.\n"
    );
    std::fs::write(dir.path().join("ctl.txt"), text)?;
    let page = "<!DOCTYPE html><html><head><title>Talks&#27;[2J</title></head><body><article><p>\"We reject the plan&#7; outright,\" Kaja Kallas said on the talks.</p></article></body></html>";
    std::fs::write(dir.path().join("ctl.html"), page)?;
    let report =
        pointwise::ingest::run::run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 1 << 20)
            .await?;
    assert_eq!((report.new, report.skipped.len()), (2, 0), "{report}");
    let app = common::app(&t.db);
    for uri in [
        "/statements",
        "/statements.csv",
        "/sources",
        "/sources/1",
        "/sources/2",
    ] {
        let (status, body) = common::get(&app, uri).await?;
        assert_eq!(status, axum::http::StatusCode::OK, "{uri}");
        assert!(
            !body
                .chars()
                .any(|c| c < ' ' && !matches!(c, '\n' | '\r' | '\t')),
            "{uri} has control characters"
        );
        assert!(!body.contains('\u{7f}'));
    }
    let (_, csv) = common::get(&app, "/statements.csv").await?;
    assert!(csv.contains("\"'＝HYPERLINK(1)"), "{csv}");
    assert!(queries::data_version(&t.db).await? > 0);
    Ok(())
}
