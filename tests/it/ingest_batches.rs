//! The ingest's batches: what is stored does not depend on how the articles were split into
//! runs and transactions or on the extraction threads' timing, and the full-text index stays
//! in step with the rows it indexes (it is fed once per batch, not by triggers).

use crate::common;

use pointwise::db::{self, queries};
use pointwise::ingest::run::run;

async fn dump(pool: &pointwise::db::Db) -> anyhow::Result<Vec<String>> {
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

/// The article files of the seeds and the tune half of the fixture corpus, in the order a run
/// reads them.
fn article_files() -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut out = Vec::new();
    for dir in [common::seeds_dir(), common::fixture("corpus/tune/articles")] {
        let mut files: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
            .collect();
        files.sort();
        out.extend(files);
    }
    Ok(out)
}

#[tokio::test]
async fn one_run_and_one_run_per_file_store_the_same_rows() -> anyhow::Result<()> {
    let files = article_files()?;
    assert!(files.len() > 30, "{} files", files.len());
    // all at once: several files per batch, extracted on several threads
    let a = common::test_db().await?;
    let all = run(&a.db, &a.extractor, &files, 1 << 20).await?;
    assert_eq!(all.new, files.len(), "{all}");
    assert!(all.statements > 100, "{all}");
    // one run (and so one batch) per file
    let b = common::test_db().await?;
    let mut statements = 0;
    for f in &files {
        let r = run(&b.db, &b.extractor, std::slice::from_ref(f), 1 << 20).await?;
        assert_eq!(r.new, 1, "{r}");
        statements += r.statements;
    }
    assert_eq!(statements, all.statements);
    let (rows_a, rows_b) = (dump(&a.db).await?, dump(&b.db).await?);
    assert_eq!(rows_a.len(), all.statements);
    assert_eq!(rows_a, rows_b);
    assert_eq!(
        queries::count_rows(&a.db).await?,
        queries::count_rows(&b.db).await?
    );
    db::search_index_check(&a.db).await?;
    db::search_index_check(&b.db).await?;
    // and the same again, twice: same rows whatever the threads did
    let c = common::test_db().await?;
    run(&c.db, &c.extractor, &files, 1 << 20).await?;
    assert_eq!(dump(&c.db).await?, rows_a);
    Ok(())
}

#[tokio::test]
async fn rerun_and_replaced_articles_keep_the_search_index_in_step() -> anyhow::Result<()> {
    let files = article_files()?;
    let t = common::test_db().await?;
    let first = run(&t.db, &t.extractor, &files, 1 << 20).await?;
    // again: nothing to do
    let again = run(&t.db, &t.extractor, &files, 1 << 20).await?;
    assert_eq!(again.unchanged, first.new, "{again}");
    assert_eq!((again.new, again.replaced, again.statements), (0, 0, 0));

    // a changed file replaces its statements; an oversized one is skipped by name
    let dir = tempfile::tempdir()?;
    let seed = files
        .first()
        .ok_or_else(|| anyhow::anyhow!("no seed"))?
        .clone();
    let name = seed.file_name().ok_or_else(|| anyhow::anyhow!("no name"))?;
    let mut text = std::fs::read_to_string(&seed)?;
    text.push_str("\n\n\"The plan is unacceptable,\" Dmitry Peskov said.\n");
    std::fs::write(dir.path().join(name), &text)?;
    std::fs::write(dir.path().join("big.txt"), "x".repeat(5000))?;
    let changed = run(&t.db, &t.extractor, &[dir.path().to_path_buf()], 4096).await?;
    assert_eq!(changed.replaced, 1, "{changed}");
    assert_eq!(changed.skipped.len(), 1);
    assert!(changed.skipped[0].0.ends_with("big.txt"));
    let rows = dump(&t.db).await?;
    assert!(rows.iter().any(|r| r.contains("The plan is unacceptable")));
    db::search_index_check(&t.db).await?;

    // the replaced article's new words are found by the search, once
    let filter = pointwise::db::models::StatementFilter {
        q: Some("unacceptable".into()),
        limit: 100,
        ..Default::default()
    };
    let (hits, total) = queries::list_statements(&t.db, &filter).await?;
    let new = hits
        .iter()
        .filter(|r| r.text.contains("The plan is unacceptable"))
        .count();
    assert_eq!(new, 1, "{total} hits");
    assert_eq!(usize::try_from(total)?, hits.len());
    // back to the original: the sentence is gone from rows and index
    std::fs::write(dir.path().join(name), std::fs::read(&seed)?)?;
    let back = run(&t.db, &t.extractor, &[dir.path().join(name)], 1 << 20).await?;
    assert_eq!(back.replaced, 1, "{back}");
    db::search_index_check(&t.db).await?;
    assert_eq!(dump(&t.db).await?.len(), first.statements);
    Ok(())
}
