//! The parallel ingest stores exactly what the sequential one does, in the same order, and
//! reports unchanged and replaced files the same way.

mod common;

use std::sync::Arc;

use pointwise::db::queries;
use pointwise::ingest::run::run_parallel;

async fn dump(pool: &sqlx::SqlitePool) -> anyhow::Result<Vec<String>> {
    Ok(queries::export_statements(pool)
        .await?
        .into_iter()
        .map(|r| {
            format!(
                "{} {} {} {:?} {} {} {} {}-{} {}",
                r.id,
                r.source_id,
                r.file_name,
                r.speaker_slug,
                r.kind,
                r.stance,
                r.text,
                r.span_start,
                r.span_end,
                r.links
            )
        })
        .collect())
}

#[tokio::test]
async fn parallel_ingest_stores_the_same_rows_as_the_sequential_one() -> anyhow::Result<()> {
    let paths = vec![common::seeds_dir(), common::fixture("corpus/articles")];
    let a = common::test_db().await?;
    let sequential = pointwise::ingest::run(&a.pool, &a.extractor, &paths, 1 << 20).await?;
    let b = common::test_db().await?;
    let extractor = Arc::new(pointwise::ingest::Extractor::new(
        &pointwise::catalog::Catalog::bundled()?,
    )?);
    let parallel = run_parallel(&b.pool, extractor.clone(), &paths, 1 << 20).await?;
    assert_eq!(sequential, parallel);
    assert!(
        parallel.new >= 30 && parallel.statements > 100,
        "{parallel}"
    );
    let (rows_a, rows_b) = (dump(&a.pool).await?, dump(&b.pool).await?);
    assert_eq!(rows_a.len(), parallel.statements);
    assert_eq!(rows_a, rows_b);
    assert_eq!(
        queries::count_rows(&a.pool).await?,
        queries::count_rows(&b.pool).await?
    );

    // again: nothing to do
    let again = run_parallel(&b.pool, extractor.clone(), &paths, 1 << 20).await?;
    assert_eq!(again.unchanged, parallel.new);
    assert_eq!((again.new, again.replaced, again.statements), (0, 0, 0));

    // a changed file replaces its statements; an oversized one is skipped by name
    let dir = tempfile::tempdir()?;
    let seed = std::fs::read_dir(common::seeds_dir())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .min()
        .ok_or_else(|| anyhow::anyhow!("no seed"))?;
    let name = seed.file_name().ok_or_else(|| anyhow::anyhow!("no name"))?;
    let mut text = std::fs::read_to_string(&seed)?;
    text.push_str("\n\n\"The plan is unacceptable,\" Dmitry Peskov said.\n");
    std::fs::write(dir.path().join(name), text)?;
    std::fs::write(dir.path().join("big.txt"), "x".repeat(5000))?;
    let changed = run_parallel(&b.pool, extractor, &[dir.path().to_path_buf()], 4096).await?;
    assert_eq!(changed.replaced, 1, "{changed}");
    assert_eq!(changed.skipped.len(), 1);
    assert!(changed.skipped[0].0.ends_with("big.txt"));
    let rows = dump(&b.pool).await?;
    assert!(rows.iter().any(|r| r.contains("The plan is unacceptable")));
    Ok(())
}
