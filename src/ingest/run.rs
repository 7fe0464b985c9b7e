//! Reading files and writing rows: the only impure part of the ingest.
//!
//! Each article is stored in one transaction (its source row and all its statements), so a
//! crash never leaves half an article. An unchanged file (same SHA-256) is skipped; a changed
//! one replaces its statements.

use std::fmt;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use super::Extractor;
use super::decode::decode;
use crate::catalog::SEED_ARTICLES;
use crate::db::queries;

/// Files larger than this are skipped (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// What an ingest run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestReport {
    /// Files looked at.
    pub read: usize,
    /// Stored for the first time.
    pub new: usize,
    /// Same content as stored: nothing to do.
    pub unchanged: usize,
    /// Content changed: statements replaced.
    pub replaced: usize,
    /// Statements written.
    pub statements: usize,
    /// Files not taken, with the reason.
    pub skipped: Vec<(String, String)>,
}

impl fmt::Display for IngestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files read: {} new, {} unchanged, {} replaced, {} skipped; {} statements written",
            self.read,
            self.new,
            self.unchanged,
            self.replaced,
            self.skipped.len(),
            self.statements
        )?;
        for (file, why) in &self.skipped {
            write!(f, "\n  skipped {file}: {why}")?;
        }
        Ok(())
    }
}

enum Outcome {
    New(usize),
    Unchanged,
    Replaced(usize),
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "text" | "md" | "html" | "htm")
    )
}

/// Expands directories (recursively, sorted) into files; a named file is always kept.
fn collect_files(paths: &[PathBuf], report: &mut IngestReport) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<(PathBuf, bool)> = paths.iter().rev().map(|p| (p.clone(), true)).collect();
    let mut seen_dirs = std::collections::HashSet::new();
    while let Some((path, named)) = stack.pop() {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let Ok(real) = std::fs::canonicalize(&path) else {
                    continue;
                };
                if !seen_dirs.insert(real) {
                    report.skipped.push((
                        path.display().to_string(),
                        "directory already visited (link loop)".into(),
                    ));
                    continue;
                }
                match std::fs::read_dir(&path) {
                    Ok(entries) => {
                        let mut children: Vec<PathBuf> =
                            entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                        children.sort();
                        for c in children.into_iter().rev() {
                            stack.push((c, false));
                        }
                    }
                    Err(e) => report.skipped.push((
                        path.display().to_string(),
                        format!("cannot read directory: {e}"),
                    )),
                }
            }
            Ok(_) if named || is_article_file(&path) => out.push(path),
            Ok(_) => {}
            Err(e) => report
                .skipped
                .push((path.display().to_string(), format!("cannot open: {e}"))),
        }
    }
    out
}

fn progress(len: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// Ingests the files and directories in `paths`.
pub async fn run(
    pool: &SqlitePool,
    extractor: &Extractor,
    paths: &[PathBuf],
    max_bytes: u64,
) -> Result<IngestReport, sqlx::Error> {
    let mut report = IngestReport::default();
    let files = collect_files(paths, &mut report);
    let bar = progress(files.len());
    for path in files {
        report.read += 1;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        bar.set_message(name.clone());
        let bytes = match std::fs::metadata(&path) {
            Ok(m) if m.len() > max_bytes => Err(format!(
                "larger than the limit ({} bytes > {max_bytes})",
                m.len()
            )),
            Ok(_) => std::fs::read(&path).map_err(|e| format!("cannot read: {e}")),
            Err(e) => Err(format!("cannot read: {e}")),
        };
        let outcome = match bytes {
            Ok(b) => ingest_bytes(pool, extractor, &name, &b).await,
            Err(e) => Ok(Err(e)),
        };
        tally(&mut report, &path.display().to_string(), outcome?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(report)
}

/// Ingests the seed articles bundled into the binary.
pub async fn run_bundled(
    pool: &SqlitePool,
    extractor: &Extractor,
) -> Result<IngestReport, sqlx::Error> {
    let mut report = IngestReport::default();
    let mut files: Vec<_> = SEED_ARTICLES.files().collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    for f in files {
        report.read += 1;
        let name = f
            .path()
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let outcome = ingest_bytes(pool, extractor, &name, f.contents()).await?;
        tally(&mut report, &name, outcome);
    }
    Ok(report)
}

fn tally(report: &mut IngestReport, file: &str, outcome: Result<Outcome, String>) {
    match outcome {
        Ok(Outcome::New(n)) => {
            report.new += 1;
            report.statements += n;
        }
        Ok(Outcome::Replaced(n)) => {
            report.replaced += 1;
            report.statements += n;
        }
        Ok(Outcome::Unchanged) => report.unchanged += 1,
        Err(why) => report.skipped.push((file.to_string(), why)),
    }
}

/// Stores one article; `Ok(Err(reason))` when the file is skipped.
async fn ingest_bytes(
    pool: &SqlitePool,
    extractor: &Extractor,
    name: &str,
    bytes: &[u8],
) -> Result<Result<Outcome, String>, sqlx::Error> {
    let hash: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let stored = queries::get_source_hash(pool, name).await?;
    if stored.as_deref() == Some(hash.as_str()) {
        return Ok(Ok(Outcome::Unchanged));
    }
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let article = extractor.parse(name, &text);
    if article.body.trim().is_empty() {
        return Ok(Err("no article text left after removing boilerplate".into()));
    }
    let statements = extractor.extract(&article);
    let url = article.url.clone().unwrap_or_default();
    let mut tx = pool.begin().await?;
    queries::replace_source(&mut tx, &article, &hash, &url, &statements).await?;
    tx.commit().await?;
    tracing::debug!(
        file = name,
        statements = statements.len(),
        "ingested source"
    );
    Ok(Ok(if stored.is_some() {
        Outcome::Replaced(statements.len())
    } else {
        Outcome::New(statements.len())
    }))
}
