//! Reading files and writing rows: the only impure part of the ingest.
//!
//! Each article is stored in one transaction (its source row and all its statements), so a
//! crash never leaves half an article. An unchanged file (same SHA-256) is skipped; a changed
//! one replaces its statements; a new name whose content is already stored under another name
//! is a duplicate: stored once, both names reported. Every file not taken is named with the
//! reason; the others still ingest.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sha2::{Digest, Sha256};
use sqlx::SqlitePool;

use super::decode::decode;
use super::{Article, Extractor, Statement};
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
        let name = base_name(&path);
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

/// The name an article is stored under: its file name.
fn base_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
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

/// Files handed to the extraction threads ahead of the writer, at most: bounds the memory of a
/// run whatever its size.
const WINDOW: usize = 256;

/// Articles per transaction in [`run_parallel`]: each article is still stored whole or not at
/// all (a failed write rolls back its batch and ends the run; a crash loses at most the batch
/// in flight, which the next run stores again since its hashes were not committed), and the
/// pages SQLite rewrites at each commit are written once per batch instead of once per article.
const BATCH: usize = 64;

/// What an extraction thread hands the writer for one file.
enum Prepared {
    /// Not taken: the reason.
    Skip(String),
    /// Same hash as the one stored when the file was handed out: probably nothing to do (the
    /// writer checks again, keeping the bytes in case an earlier file of the run changed it).
    Unchanged { hash: String, bytes: Vec<u8> },
    /// Extracted.
    Ready {
        hash: String,
        article: Article,
        statements: Vec<Statement>,
    },
}

struct Job {
    index: usize,
    path: PathBuf,
    name: String,
    stored: Option<String>,
}

fn prepare(extractor: &Extractor, job: &Job, max_bytes: u64) -> Prepared {
    let bytes = match read_limited(&job.path, max_bytes) {
        Ok(b) => b,
        Err(e) => return Prepared::Skip(e),
    };
    let hash = sha256_hex(&bytes);
    if job.stored.as_deref() == Some(hash.as_str()) {
        return Prepared::Unchanged { hash, bytes };
    }
    match extract_bytes(extractor, &job.name, &bytes) {
        Ok((article, statements)) => Prepared::Ready {
            hash,
            article,
            statements,
        },
        Err(e) => Prepared::Skip(e),
    }
}

/// [`run`] with the extraction spread over one thread per core while this task writes: files
/// are read and extracted in parallel, up to [`WINDOW`] ahead, and stored in the order of
/// [`run`] (so ids and the report are the same), [`BATCH`] articles per transaction.
pub async fn run_parallel(
    pool: &SqlitePool,
    extractor: Arc<Extractor>,
    paths: &[PathBuf],
    max_bytes: u64,
) -> Result<IngestReport, sqlx::Error> {
    let mut report = IngestReport::default();
    let files = collect_files(paths, &mut report);
    let bar = progress(files.len());
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let (job_tx, job_rx) = std::sync::mpsc::channel::<Job>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel::<(usize, Prepared)>();
    let mut workers = Vec::with_capacity(threads);
    for _ in 0..threads {
        let (rx, tx, ex) = (job_rx.clone(), done_tx.clone(), extractor.clone());
        workers.push(std::thread::spawn(move || {
            loop {
                let job = match rx.lock() {
                    Ok(guard) => guard.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else { return };
                let prepared = prepare(&ex, &job, max_bytes);
                if tx.send((job.index, prepared)).is_err() {
                    return;
                }
            }
        }));
    }
    drop(done_tx);
    let names: Vec<String> = files.iter().map(|p| base_name(p)).collect();
    let mut speakers = queries::SpeakerIds::default();
    let mut pending = std::collections::BTreeMap::new();
    let mut first_seen = std::collections::HashMap::new();
    let mut dispatched = 0;
    let mut tx = None;
    let mut staged = Vec::with_capacity(BATCH);
    let mut written_ids = Vec::with_capacity(BATCH);
    let result: Result<(), sqlx::Error> = async {
        for (written, path) in files.iter().enumerate() {
            while dispatched < files.len() && dispatched < written + WINDOW {
                let end = (dispatched + 64).min(files.len()).min(written + WINDOW);
                let stored = queries::get_source_hashes(pool, &names[dispatched..end]).await?;
                for index in dispatched..end {
                    let job = Job {
                        index,
                        path: files[index].clone(),
                        name: names[index].clone(),
                        stored: stored.get(&names[index]).cloned(),
                    };
                    if job_tx.send(job).is_err() {
                        return Err(sqlx::Error::WorkerCrashed);
                    }
                }
                dispatched = end;
            }
            let prepared = loop {
                if let Some(p) = pending.remove(&written) {
                    break p;
                }
                match done_rx.recv().await {
                    Some((i, p)) => {
                        pending.insert(i, p);
                    }
                    None => return Err(sqlx::Error::WorkerCrashed),
                }
            };
            report.read += 1;
            let name = &names[written];
            let shown = path.display().to_string();
            match first_seen.entry(name.clone()) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    staged.push((
                        shown,
                        Err(format!(
                            "another file named {name} was read in this run ({}); articles are \
                             stored by file name, so rename one",
                            first.get()
                        )),
                    ));
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(shown.clone());
                }
            }
            let (hash, data) = match prepared {
                Prepared::Skip(why) => {
                    staged.push((shown, Err(why)));
                    continue;
                }
                Prepared::Unchanged { hash, bytes } => (hash, Err(bytes)),
                Prepared::Ready {
                    hash,
                    article,
                    statements,
                } => (hash, Ok((article, statements))),
            };
            let conn = match &mut tx {
                Some(t) => t,
                None => tx.insert(pool.begin().await?),
            };
            let stored = queries::source_hash_in(conn, name).await?;
            let duplicate_of = match stored {
                None => queries::find_source_by_hash_in(conn, &hash, name).await?,
                Some(_) => None,
            };
            let outcome = if stored.as_deref() == Some(hash.as_str()) {
                Ok(Outcome::Unchanged)
            } else if let Some(first) = duplicate_of {
                Ok(Outcome::Duplicate(first))
            } else {
                match data.or_else(|bytes| extract_bytes(&extractor, name, &bytes)) {
                    Ok((article, statements)) => {
                        let url = article.url.clone().unwrap_or_default();
                        written_ids.push(
                            queries::replace_source_with(
                                conn,
                                &mut speakers,
                                &article,
                                &hash,
                                &url,
                                &statements,
                            )
                            .await?,
                        );
                        Ok(if stored.is_some() {
                            Outcome::Replaced(statements.len())
                        } else {
                            Outcome::New(statements.len())
                        })
                    }
                    Err(e) => Err(e),
                }
            };
            staged.push((shown, outcome));
            if staged.len() >= BATCH {
                commit(&mut tx, &mut written_ids, &mut staged, &mut report, &bar).await?;
            }
        }
        commit(&mut tx, &mut written_ids, &mut staged, &mut report, &bar).await?;
        Ok(())
    }
    .await;
    drop(job_tx);
    for w in workers {
        if w.join().is_err() {
            tracing::error!("an extraction thread panicked");
        }
    }
    bar.finish_and_clear();
    result.map(|()| report)
}

/// Commits the articles written since the last commit and counts them in the report.
async fn commit(
    tx: &mut Option<sqlx::Transaction<'static, sqlx::Sqlite>>,
    written_ids: &mut Vec<i64>,
    staged: &mut Vec<(String, Result<Outcome, String>)>,
    report: &mut IngestReport,
    bar: &ProgressBar,
) -> Result<(), sqlx::Error> {
    if let Some(mut t) = tx.take() {
        crate::db::after_ingest_batch(&mut t, written_ids).await?;
        written_ids.clear();
        t.commit().await?;
        crate::db::note_local_write();
    }
    bar.inc(staged.len() as u64);
    for (file, outcome) in staged.drain(..) {
        tally(report, &file, outcome);
    }
    Ok(())
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
    let hash = sha256_hex(bytes);
    let stored = queries::get_source_hash(pool, name).await?;
    if stored.as_deref() == Some(hash.as_str()) {
        return Ok(Ok(Outcome::Unchanged));
    }
    if stored.is_none()
        && let Some(first) = queries::find_source_by_hash(pool, &hash, name).await?
    {
        return Ok(Ok(Outcome::Duplicate(first)));
    }
    let (article, statements) = match extract_bytes(extractor, name, bytes) {
        Ok(x) => x,
        Err(e) => return Ok(Err(e)),
    };
    let mut speakers = queries::SpeakerIds::default();
    let outcome = store(
        pool,
        &mut speakers,
        stored.is_some(),
        &hash,
        &article,
        &statements,
    )
    .await?;
    Ok(Ok(outcome))
}

fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Decodes, parses and extracts one file (pure); the error is the reason to skip it.
fn extract_bytes(
    extractor: &Extractor,
    name: &str,
    bytes: &[u8],
) -> Result<(Article, Vec<Statement>), String> {
    let text = decode(bytes).map_err(|e| e.to_string())?;
    let article = extractor.parse(name, &text);
    if article.body.trim().is_empty() {
        return Err("no article text left after removing boilerplate".into());
    }
    let statements = extractor.extract(&article);
    Ok((article, statements))
}

/// Writes one extracted article in its own transaction.
async fn store(
    pool: &SqlitePool,
    speakers: &mut queries::SpeakerIds,
    replaced: bool,
    hash: &str,
    article: &Article,
    statements: &[Statement],
) -> Result<Outcome, sqlx::Error> {
    let url = article.url.clone().unwrap_or_default();
    let mut tx = pool.begin().await?;
    let id =
        queries::replace_source_with(&mut tx, speakers, article, hash, &url, statements).await?;
    crate::db::after_ingest_batch(&mut tx, &[id]).await?;
    tx.commit().await?;
    crate::db::note_local_write();
    tracing::debug!(
        file = article.file_name,
        statements = statements.len(),
        "ingested source"
    );
    Ok(if replaced {
        Outcome::Replaced(statements.len())
    } else {
        Outcome::New(statements.len())
    })
}
