//! Reading files and writing rows: the only impure part of the ingest.
//!
//! Each article is stored in one transaction (its source row and all its statements), so a
//! crash never leaves half an article. An unchanged file (same SHA-256) is skipped; a changed
//! one replaces its statements; a new name whose content is already stored under another name
//! is a duplicate: stored once, both names reported. Every file not taken is named with the
//! reason; the others still ingest.

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
    /// Files whose content is already stored under another name: (file, name stored under).
    pub duplicates: Vec<(String, String)>,
    /// Files not taken, with the reason.
    pub skipped: Vec<(String, String)>,
}

impl fmt::Display for IngestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files read: {} new, {} unchanged, {} replaced, {} duplicates, {} skipped; \
             {} statements written",
            self.read,
            self.new,
            self.unchanged,
            self.replaced,
            self.duplicates.len(),
            self.skipped.len(),
            self.statements
        )?;
        for (file, first) in &self.duplicates {
            write!(
                f,
                "\n  duplicate {file}: same content as {first}, stored once under {first}"
            )?;
        }
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
    Duplicate(String),
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
                let real = match std::fs::canonicalize(&path) {
                    Ok(real) => real,
                    Err(e) => {
                        report.skipped.push((
                            path.display().to_string(),
                            format!("cannot resolve directory: {e}"),
                        ));
                        continue;
                    }
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
    let mut names = std::collections::HashMap::new();
    for path in files {
        report.read += 1;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        bar.set_message(name.clone());
        let shown = path.display().to_string();
        let outcome = match names.entry(name.clone()) {
            std::collections::hash_map::Entry::Occupied(first) => Ok(Err(format!(
                "another file named {name} was read in this run ({}); articles are stored by \
                 file name, so rename one",
                first.get()
            ))),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(shown.clone());
                match read_limited(&path, max_bytes) {
                    Ok(b) => ingest_bytes(pool, extractor, &name, &b).await,
                    Err(e) => Ok(Err(e)),
                }
            }
        };
        tally(&mut report, &shown, outcome?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(report)
}

/// Reads a regular file of at most `max_bytes`; anything else is a reason to skip it.
///
/// The type is checked before opening, so a named pipe or a device never blocks the run, and
/// the read itself stops one byte past the limit, so a file that grows meanwhile is refused too.
fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file (a pipe, socket or device)".into());
    }
    if meta.len() > max_bytes {
        return Err(format!(
            "larger than the limit ({} bytes > {max_bytes}; see --max-bytes)",
            meta.len()
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "larger than the limit (more than {max_bytes} bytes; see --max-bytes)"
        ));
    }
    Ok(bytes)
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
        Ok(Outcome::Duplicate(first)) => report.duplicates.push((file.to_string(), first)),
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
    if stored.is_none()
        && let Some(first) = queries::find_source_by_hash(pool, &hash, name).await?
    {
        return Ok(Ok(Outcome::Duplicate(first)));
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
