//! Reading files and writing rows: the only impure part of the ingest.
//!
//! Articles are written in batches, one transaction each ([`crate::db::write::Writer`]): an
//! article is stored whole (its source row and all its statements) or not at all, so a crash
//! never leaves half an article. An unchanged file (same SHA-256) is skipped; a changed
//! one replaces its statements; a new name whose content is already stored under another name
//! is a duplicate: stored once, both names reported. Every file not taken is named with the
//! reason; the others still ingest.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::decode::decode;
use super::{Article, Extractor, Statement};
use crate::catalog::SEED_ARTICLES;
use crate::db::queries;
use crate::db::write::Writer;

mod progress;
mod report;
use progress::Progress;
pub use report::{IngestError, IngestReport, SkipReason, shown};

/// Files larger than this are skipped (bytes).
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

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

/// Expands directories (recursively, sorted) into files; a named file is always kept. A path
/// named twice (`d` and `./d`) is read once.
fn collect_files(paths: &[PathBuf], report: &mut IngestReport) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut named = std::collections::HashSet::new();
    let roots: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| named.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())))
        .collect();
    let mut stack: Vec<(PathBuf, bool)> = roots
        .iter()
        .rev()
        .map(|p| (p.to_path_buf(), true))
        .collect();
    let mut seen_dirs = std::collections::HashSet::new();
    while let Some((path, named)) = stack.pop() {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                let real = match std::fs::canonicalize(&path) {
                    Ok(real) => real,
                    Err(e) => {
                        report.skipped.push((
                            path.display().to_string(),
                            SkipReason::CannotResolveDirectory(e.to_string()),
                        ));
                        continue;
                    }
                };
                if !seen_dirs.insert(real) {
                    report
                        .skipped
                        .push((path.display().to_string(), SkipReason::LinkLoop));
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
                        SkipReason::CannotReadDirectory(e.to_string()),
                    )),
                }
            }
            Ok(_) if named || is_article_file(&path) => out.push(path),
            Ok(_) => {}
            Err(e) => report.skipped.push((
                path.display().to_string(),
                SkipReason::CannotOpen(e.to_string()),
            )),
        }
    }
    out
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
fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    use std::io::Read as _;
    let cannot_read = |e: std::io::Error| SkipReason::CannotRead(e.to_string());
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if !meta.is_file() {
        return Err(SkipReason::NotRegular);
    }
    if meta.len() > max_bytes {
        return Err(SkipReason::TooLarge {
            size: meta.len(),
            max: max_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > max_bytes {
        return Err(SkipReason::GrewTooLarge { max: max_bytes });
    }
    Ok(bytes)
}

/// Files handed to the extraction threads ahead of the writer, at most: bounds the memory of a
/// run whatever its size.
const WINDOW: usize = 256;

/// Articles per transaction: each article is still stored whole or not at all (a failed write
/// rolls back its batch and ends the run; a crash loses at most the batch in flight, which the
/// next run stores again since its hashes were not committed), and the pages SQLite rewrites at
/// each commit, the statement rows and the full-text index entries are written once per batch
/// instead of once per article.
const BATCH: usize = 256;

/// Where the bytes of one input come from.
#[derive(Clone)]
enum Origin {
    /// A file, read (within the size limit) by an extraction thread.
    File(PathBuf),
    /// An article bundled into the binary.
    Bundled(&'static [u8]),
}

/// One input of a run: its origin, the name it is stored under and how the report shows it.
struct Input {
    origin: Origin,
    name: String,
    shown: String,
}

/// What an extraction thread hands the writer for one input.
enum Prepared {
    /// Not taken: the reason.
    Skip(SkipReason),
    /// Same hash as the one stored when the input was handed out: probably nothing to do (the
    /// writer checks again, keeping the bytes in case the stored row changed meanwhile).
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
    origin: Origin,
    name: String,
    stored: Option<String>,
}

fn prepare(extractor: &Extractor, job: &Job, max_bytes: u64) -> Prepared {
    let owned;
    let bytes: &[u8] = match &job.origin {
        Origin::Bundled(b) => b,
        Origin::File(path) => match read_limited(path, max_bytes) {
            Ok(b) => {
                owned = b;
                &owned
            }
            Err(e) => return Prepared::Skip(e),
        },
    };
    let hash = sha256_hex(bytes);
    if job.stored.as_deref() == Some(hash.as_str()) {
        return Prepared::Unchanged {
            hash,
            bytes: bytes.to_vec(),
        };
    }
    match extract_bytes(extractor, &job.name, bytes) {
        Ok((article, statements)) => Prepared::Ready {
            hash,
            article,
            statements,
        },
        Err(e) => Prepared::Skip(e),
    }
}

/// Ingests the files and directories in `paths` (directories recursively, in sorted order).
///
/// Reading, hashing, decoding and extraction run on one thread per core, up to `WINDOW`
/// files ahead, while this task writes the results in input order (so ids and the report do
/// not depend on the threads), `BATCH` articles per transaction.
pub async fn run(
    pool: &crate::db::Db,
    extractor: &Arc<Extractor>,
    paths: &[PathBuf],
    max_bytes: u64,
) -> Result<IngestReport, IngestError> {
    let mut report = IngestReport::default();
    let inputs = collect_files(paths, &mut report)
        .into_iter()
        .map(|path| Input {
            name: base_name(&path),
            shown: path.display().to_string(),
            origin: Origin::File(path),
        })
        .collect();
    ingest_inputs(pool, extractor, inputs, max_bytes, report).await
}

/// Ingests the seed articles bundled into the binary, the same way as [`run`].
pub async fn run_bundled(
    pool: &crate::db::Db,
    extractor: &Arc<Extractor>,
) -> Result<IngestReport, IngestError> {
    let mut files: Vec<_> = SEED_ARTICLES.files().collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    let inputs = files
        .into_iter()
        .map(|f| {
            let name = f
                .path()
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            Input {
                shown: name.clone(),
                name,
                origin: Origin::Bundled(f.contents()),
            }
        })
        .collect();
    ingest_inputs(
        pool,
        extractor,
        inputs,
        DEFAULT_MAX_BYTES,
        IngestReport::default(),
    )
    .await
}

/// The pipeline of [`run`] and [`run_bundled`].
async fn ingest_inputs(
    pool: &crate::db::Db,
    extractor: &Arc<Extractor>,
    inputs: Vec<Input>,
    max_bytes: u64,
    mut report: IngestReport,
) -> Result<IngestReport, IngestError> {
    let bar = Progress::new(inputs.len());
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .min(inputs.len().max(1));
    let workers = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("extract-{i}"))
        .build()
        .map_err(|e| IngestError::Pool(e.to_string()))?;
    // None: the job panicked (the panic hook has printed it); the run stops rather than wait
    let (done_tx, mut done_rx) =
        tokio::sync::mpsc::unbounded_channel::<(usize, Option<Prepared>)>();
    let send_job = |job: Job| {
        let (tx, ex) = (done_tx.clone(), extractor.clone());
        workers.spawn(move || {
            let prepared = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                prepare(&ex, &job, max_bytes)
            }));
            let _ = tx.send((job.index, prepared.ok()));
        });
    };
    let mut writer = Writer::new(pool.clone());
    let mut pending = std::collections::BTreeMap::new();
    let mut first_seen: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    let mut dispatched = 0;
    let mut staged: Vec<Staged> = Vec::with_capacity(BATCH);
    let result: Result<(), IngestError> = async {
        for (written, input) in inputs.iter().enumerate() {
            while dispatched < inputs.len() && dispatched < written + WINDOW {
                let end = (dispatched + 64).min(inputs.len()).min(written + WINDOW);
                let names: Vec<String> = inputs[dispatched..end]
                    .iter()
                    .map(|i| i.name.clone())
                    .collect();
                let stored = queries::get_source_hashes(pool, &names).await?;
                for (index, name) in (dispatched..end).zip(names) {
                    let job = Job {
                        index,
                        origin: inputs[index].origin.clone(),
                        stored: stored.get(&name).cloned(),
                        name,
                    };
                    send_job(job);
                }
                dispatched = end;
            }
            let prepared = loop {
                if let Some(p) = pending.remove(&written) {
                    break p;
                }
                match done_rx.recv().await {
                    Some((i, Some(p))) => {
                        pending.insert(i, p);
                    }
                    Some((_, None)) | None => return Err(IngestError::WorkerStopped),
                }
            };
            report.read += 1;
            let name = &input.name;
            bar.set_message(name.clone());
            bar.inc(1);
            let item = match first_seen.entry(name.clone()) {
                std::collections::hash_map::Entry::Occupied(first) => Err(SkipReason::SameName {
                    name: name.clone(),
                    first: first.get().clone(),
                }),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(input.shown.clone());
                    match prepared {
                        Prepared::Skip(why) => Err(why),
                        Prepared::Unchanged { hash, bytes } => Ok((hash, Err(bytes))),
                        Prepared::Ready {
                            hash,
                            article,
                            statements,
                        } => Ok((hash, Ok((article, statements)))),
                    }
                }
            };
            staged.push(Staged {
                shown: input.shown.clone(),
                name: name.clone(),
                item,
            });
            if staged.len() >= BATCH {
                write_batch(&mut writer, extractor, &mut staged, &mut report).await?;
            }
        }
        write_batch(&mut writer, extractor, &mut staged, &mut report).await?;
        Ok(())
    }
    .await;
    bar.finish();
    if result.is_err() {
        // what the failed batch wrote is rolled back; earlier batches stay committed
        let _ = writer.rollback().await;
    }
    result.map(|()| report)
}

/// An extracted article, or the bytes of one that looked unchanged.
type Extracted = Result<(Article, Vec<Statement>), Vec<u8>>;

/// One input waiting for its batch: its hash and what was extracted, or why it is skipped.
struct Staged {
    shown: String,
    name: String,
    item: Result<(String, Extracted), SkipReason>,
}

/// Writes the staged inputs as one batch (one transaction) and counts them in the report.
///
/// The stored hashes of the batch's names and the names holding its hashes are read in the
/// batch, two queries in all; then each input is, in order: unchanged (same hash under its
/// name), a duplicate (a new name whose content is stored under another name, or was written
/// earlier in this batch), or written (new, or replacing its name's older content).
async fn write_batch(
    writer: &mut Writer,
    extractor: &Extractor,
    staged: &mut Vec<Staged>,
    report: &mut IngestReport,
) -> Result<(), IngestError> {
    if staged.is_empty() {
        return Ok(());
    }
    let with_hash: Vec<(&str, &str)> = staged
        .iter()
        .filter_map(|s| {
            s.item
                .as_ref()
                .ok()
                .map(|(h, _)| (s.name.as_str(), h.as_str()))
        })
        .collect();
    let stored = if with_hash.is_empty() {
        Default::default()
    } else {
        let names: Vec<&str> = with_hash.iter().map(|(n, _)| *n).collect();
        let hashes: Vec<&str> = with_hash.iter().map(|(_, h)| *h).collect();
        writer.stored(&names, &hashes).await?
    };
    // content written in this batch (hash -> name), and names whose content it replaced
    let mut written: std::collections::HashMap<String, String> = Default::default();
    let mut replaced: std::collections::HashSet<String> = Default::default();
    let mut outcomes = Vec::with_capacity(staged.len());
    for s in staged.drain(..) {
        let outcome = match s.item {
            Err(why) => Err(why),
            Ok((hash, data)) => {
                let before = stored.hash_of.get(&s.name);
                if before == Some(&hash) {
                    Ok(Outcome::Unchanged)
                } else if let Some(first) = before
                    .is_none()
                    .then(|| {
                        stored
                            .names_of
                            .get(&hash)
                            .and_then(|names| {
                                names
                                    .iter()
                                    .find(|n| **n != s.name && !replaced.contains(*n))
                                    .cloned()
                            })
                            .or_else(|| written.get(&hash).cloned())
                    })
                    .flatten()
                {
                    Ok(Outcome::Duplicate(first))
                } else {
                    match data.or_else(|bytes| extract_bytes(extractor, &s.name, &bytes)) {
                        Ok((article, statements)) => {
                            let n = statements.len();
                            let replaces = before.is_some();
                            writer.write(article, &hash, replaces, statements).await?;
                            tracing::debug!(file = %s.name, statements = n, "ingested source");
                            written.entry(hash).or_insert_with(|| s.name.clone());
                            if replaces {
                                replaced.insert(s.name.clone());
                                Ok(Outcome::Replaced(n))
                            } else {
                                Ok(Outcome::New(n))
                            }
                        }
                        Err(e) => Err(e),
                    }
                }
            }
        };
        outcomes.push((s.shown, outcome));
    }
    writer.commit().await?;
    for (file, outcome) in outcomes {
        tally(report, &file, outcome);
    }
    Ok(())
}

fn tally(report: &mut IngestReport, file: &str, outcome: Result<Outcome, SkipReason>) {
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
) -> Result<(Article, Vec<Statement>), SkipReason> {
    let text = decode(bytes)?;
    if super::html::is_page(name, &text) {
        super::html::check_size(&text).map_err(SkipReason::TooComplex)?;
    }
    let article = extractor.parse(name, &text);
    if article.body.trim().is_empty() {
        return Err(SkipReason::NoText);
    }
    let statements = extractor.extract(&article);
    Ok((article, statements))
}
