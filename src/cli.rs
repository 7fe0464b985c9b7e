//! Command line: `pointwise [serve|ingest|export|extract|eval]`. With no subcommand it serves, creating the
//! database and loading the bundled seed articles when the database is empty.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::catalog::Catalog;
use crate::db::{self, queries};
use crate::ingest::{
    self, Extractor,
    export::{self, ExportLine, Spellings},
};
use crate::model::Statement;
use crate::web;

/// Pointwise: who says what about each point of the US 28-point peace plan.
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    after_help = "With no command, pointwise serves the dashboard at http://127.0.0.1:3000 \
                  (as `pointwise serve`), creating the database and loading the five bundled \
                  seed articles first when it is empty."
)]
pub struct Cli {
    /// Database of serve, ingest and export: a SQLite file path (created when missing),
    /// sqlite:PATH, or postgres://user@host/database (which must exist; its tables are made);
    /// extract and eval read none. Another scheme is refused.
    #[arg(
        long,
        global = true,
        env = "POINTWISE_DB",
        default_value = "data/pointwise.db"
    )]
    pub db: db::DbTarget,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (files or directories) into the database; with no path, the five
    /// bundled seed articles.
    ///
    /// An article is a plain-text file (.txt, .text, .md: an optional header of title, date,
    /// publisher and URL lines, then paragraphs; see the README) or a saved web page (.html,
    /// .htm). Ends with a summary and one line per duplicate and skipped file; exits 0 when
    /// every file was taken, 2 when some were skipped, 1 on an error. Shows a progress bar on
    /// a terminal, and a line every few seconds otherwise.
    Ingest {
        /// Article files, or directories (their .txt, .text, .md, .html and .htm files).
        paths: Vec<PathBuf>,
        /// Skip files larger than this many bytes.
        #[arg(long, default_value_t = ingest::run::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
    },
    /// Serve the dashboard.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "POINTWISE_ADDR", default_value = "127.0.0.1:3000")]
        addr: SocketAddr,
        /// Public base URL for canonical links (default: http://ADDR); with https:// the
        /// editors' session cookie is sent Secure.
        #[arg(long, env = "POINTWISE_PUBLIC_URL")]
        public_url: Option<String>,
        /// Requests handled at once; more are answered 503 at once.
        #[arg(long, env = "POINTWISE_MAX_IN_FLIGHT", default_value_t = web::Limits::default().max_in_flight)]
        max_in_flight: usize,
        /// Seconds before a request still running is answered 503.
        #[arg(long, env = "POINTWISE_TIMEOUT", default_value_t = web::Limits::default().timeout.as_secs())]
        timeout: u64,
        /// Keep rendered pages in memory until the data changes (`off` renders every request).
        #[arg(long, env = "POINTWISE_CACHE", default_value = "on", value_parser = parse_switch)]
        cache: bool,
        /// Address of a reverse proxy in front of this server (repeat or separate with commas):
        /// for its connections the client is the last X-Forwarded-For entry.
        #[arg(long, env = "POINTWISE_TRUSTED_PROXY", value_delimiter = ',')]
        trusted_proxy: Vec<std::net::IpAddr>,
    },
    /// Print every statement in the database as JSON Lines (the format `eval --pred` reads).
    Export {
        /// Only the statements an editor reviewed, as gold lines (one JSON object a line: the
        /// format `pointwise eval --gold` reads).
        #[arg(long)]
        reviewed: bool,
    },
    /// Print what the extraction finds in article files, as JSON Lines with the rule and
    /// evidence of each statement; reads and writes no database.
    Extract {
        /// Article files (.txt, .text, .md, .html, .htm).
        files: Vec<PathBuf>,
    },
    /// Score the extraction against a hand-annotated gold set, as the project's scorer does.
    ///
    /// Pairs, triples, whole statements, quotes and stance; a per-article table; each miss and
    /// extra. Extracts PATHS in memory (nothing stored), or reads a JSON Lines export (--pred).
    Eval(EvalArgs),
    /// Manage the editors' accounts (none exists until one is added).
    #[command(subcommand)]
    User(UserCommand),
}

/// `pointwise user ...`.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account. The password is read without echo, or from stdin when it is not a terminal.
    Add {
        /// The name to sign in with.
        name: String,
        /// editor (reviews and corrects) or admin (also manages accounts).
        #[arg(long, value_parser = parse_role)]
        role: crate::model::Role,
    },
    /// List the accounts.
    List,
    /// Disable an account (it cannot sign in; its sessions end).
    Disable {
        /// The account's name.
        name: String,
    },
    /// Enable a disabled account again.
    Enable {
        /// The account's name.
        name: String,
    },
    /// Set a new password (read as for `add`); the account's sessions end.
    Password {
        /// The account's name.
        name: String,
    },
}

/// `pointwise eval --gold FILE [--pred FILE | PATHS...]`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold statements, JSON Lines (the format of shared/gold/seeds.jsonl).
    #[arg(long)]
    gold: PathBuf,
    /// Predicted statements, JSON Lines (the format of `pointwise export`).
    #[arg(long, conflicts_with = "paths", required_unless_present = "paths")]
    pred: Option<PathBuf>,
    /// Article files or directories (.txt, .html) to extract and score, nothing stored.
    paths: Vec<PathBuf>,
    /// Only the totals: no per-article table, misses or extras.
    #[arg(long)]
    quiet: bool,
    /// Exit with status 1 when the triple F1 is lower than this.
    #[arg(long)]
    min_f1: Option<f64>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the command line; returns the process exit code.
pub async fn run(cli: Cli) -> anyhow::Result<i32> {
    let catalog = Catalog::bundled()?;
    // the plan's versions are checked before anything runs (a fault names itself)
    crate::versions::Versions::bundled()?;
    let extractor = std::sync::Arc::new(Extractor::new(&catalog)?);
    let spellings = Spellings::new(&catalog);
    if let Some(Command::Extract { files }) = &cli.command {
        return extract_files(&extractor, &spellings, files);
    }
    if let Some(Command::Eval(args)) = &cli.command {
        return eval(&extractor, &spellings, args);
    }
    let pool = db::open(&cli.db, 8)
        .await
        .with_context(|| format!("cannot open database {}", cli.db))?;
    queries::upsert_catalog(&pool, &catalog).await?;
    match cli.command.unwrap_or(Command::Serve {
        addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
        public_url: None,
        max_in_flight: web::Limits::default().max_in_flight,
        trusted_proxy: Vec::new(),
        timeout: web::Limits::default().timeout.as_secs(),
        cache: true,
    }) {
        Command::Ingest { paths, max_bytes } => {
            let report = if paths.is_empty() {
                ingest::run::run_bundled(&pool, &extractor).await?
            } else {
                ingest::run::run(&pool, &extractor, &paths, max_bytes).await?
            };
            println!("{report}");
            db::close(pool).await?;
            Ok(if report.skipped.is_empty() { 0 } else { 2 })
        }
        Command::Export { reviewed: true } => {
            let rows = queries::export_statements(&pool).await?;
            let mut out = std::io::stdout().lock();
            for line in crate::cli_user::gold_lines(&catalog, &rows) {
                writeln!(out, "{}", serde_json::to_string(&line)?)?;
            }
            db::close(pool).await?;
            Ok(0)
        }
        Command::Export { reviewed: false } => {
            // each source's body, for the names as it spells them (rows come source by source)
            let mut body: Option<(i64, String)> = None;
            let mut lines = Vec::new();
            for row in queries::export_statements(&pool).await? {
                if body.as_ref().is_none_or(|(id, _)| *id != row.source_id) {
                    let text = queries::get_source(&pool, row.source_id).await?;
                    body = Some((row.source_id, text.map(|(_, b)| b).unwrap_or_default()));
                }
                let text = body.as_ref().map_or("", |(_, b)| b.as_str());
                let line = ExportLine {
                    id: row.id,
                    source_file: row.file_name.clone(),
                    speaker: row
                        .speaker_name
                        .as_deref()
                        .map(|n| spellings.as_written(n, text)),
                    kind: row.kind.to_string(),
                    text: row.text.clone(),
                    provisions: row.provision_numbers(),
                    stance: row.stance.to_string(),
                    span: [row.span_start, row.span_end],
                };
                let key = (row.source_id, line.span);
                let speaker = line.speaker.clone();
                lines.push((line, key, speaker, row.rule == Statement::JOINT_COPY));
            }
            let mut out = std::io::stdout().lock();
            for line in export::fold_joint(lines, |l, group| l.speaker = Some(group)) {
                writeln!(out, "{}", serde_json::to_string(&line)?)?;
            }
            db::close(pool).await?;
            Ok(0)
        }
        Command::User(command) => {
            let code = crate::cli_user::run(&pool, command).await?;
            db::close(pool).await?;
            Ok(code)
        }
        Command::Extract { .. } | Command::Eval(_) => Ok(0),
        Command::Serve {
            addr,
            public_url,
            max_in_flight,
            timeout,
            cache,
            trusted_proxy,
        } => {
            let (sources, _, _) = queries::count_rows(&pool).await?;
            if sources == 0 {
                let report = ingest::run::run_bundled(&pool, &extractor).await?;
                tracing::info!("loaded the bundled seed articles: {report}");
            }
            // Migrations and seeds ran on the writable pool; the pages read through read-only
            // pools, and only the editors' sign-ins and corrections write (through this one).
            // the expensive renders read through a pool of their own, so they cannot hold the
            // connections the cheap pages need (see web::budget)
            let open = |n| db::open_reader(&cli.db, n);
            let read_pool = open(4)
                .await
                .with_context(|| format!("cannot open database {} to read", cli.db))?;
            let heavy_pool = open(6)
                .await
                .with_context(|| format!("cannot open database {} to read", cli.db))?;
            let config = web::Config {
                limits: web::Limits {
                    max_in_flight,
                    timeout: std::time::Duration::from_secs(timeout.max(1)),
                    ..web::Limits::default()
                },
                cache: web::cache::CacheConfig {
                    enabled: cache,
                    ..web::cache::CacheConfig::default()
                },
                heavy_pool: Some(heavy_pool),
                write_pool: Some(pool.clone()),
                trusted_proxies: trusted_proxy,
                ..web::Config::default()
            };
            web::serve::serve(read_pool, addr, public_url, config).await?;
            db::close(pool).await?;
            Ok(0)
        }
    }
}

/// `editor` or `admin`.
fn parse_role(s: &str) -> Result<crate::model::Role, String> {
    crate::model::Role::parse(s).ok_or_else(|| format!("{s:?}: expected editor or admin"))
}

/// `on`/`off` (also `1`/`0`, `true`/`false`, `yes`/`no`).
fn parse_switch(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "on" | "1" | "true" | "yes" => Ok(true),
        "off" | "0" | "false" | "no" => Ok(false),
        _ => Err(format!("{s:?}: expected on or off")),
    }
}

/// Reads, decodes and parses one article file, for `extract` and `eval` (no database).
fn read_article(
    extractor: &Extractor,
    path: &std::path::Path,
) -> anyhow::Result<crate::model::Article> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = ingest::decode::decode(&bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Ok(extractor.parse(&name, &text))
}

/// `pointwise extract FILE...`: each statement as a JSON line, with the rule and evidence.
fn extract_files(
    extractor: &Extractor,
    spellings: &Spellings,
    files: &[PathBuf],
) -> anyhow::Result<i32> {
    let mut out = std::io::stdout().lock();
    for path in files {
        let article = read_article(extractor, path)?;
        let mut lines = Vec::new();
        for s in extractor.extract(&article) {
            let speaker = s
                .speaker
                .as_ref()
                .map(|x| spellings.as_written(&x.name, &article.body));
            let line = serde_json::json!({
                "source_file": article.file_name,
                "speaker": speaker,
                "via": s.speaker_via,
                "kind": s.kind.as_str(),
                "text": s.text,
                "provisions": s.provisions.iter().map(|p| p.number).collect::<Vec<_>>(),
                "evidence": s.provisions.iter().map(|p| p.evidence.join(", ")).collect::<Vec<_>>(),
                "stance": s.stance.as_str(),
                "cues": s.stance_cues,
                "rule": s.rule,
            });
            lines.push((line, s.span, speaker, s.rule == Statement::JOINT_COPY));
        }
        for line in export::fold_joint(lines, |l, group| l["speaker"] = group.into()) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(0)
}

/// `pointwise eval`: scores the export (--pred) or an in-memory extraction of PATHS.
fn eval(extractor: &Extractor, spellings: &Spellings, args: &EvalArgs) -> anyhow::Result<i32> {
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let gold = crate::eval::parse_jsonl(&read(&args.gold)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.gold.display()))?;
    let pred = match &args.pred {
        Some(p) => crate::eval::parse_jsonl(&read(p)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
        None => {
            let mut rows = Vec::new();
            for path in article_files(&args.paths)? {
                rows.extend(extract_rows(extractor, spellings, &path)?);
            }
            rows
        }
    };
    let report = crate::eval::score(&gold, &pred);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", crate::eval::render(&report, args.quiet));
    }
    Ok(i32::from(
        args.min_f1.is_some_and(|m| report.triples.f1 < m),
    ))
}

/// The files named and the .txt/.html/.htm files of the directories named, sorted.
fn article_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let entries =
            std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    ["txt", "html", "htm"].contains(&e.to_ascii_lowercase().as_str())
                })
            })
            .collect();
        files.sort();
        out.extend(files);
    }
    Ok(out)
}

/// One article extracted in memory, as scorer rows.
fn extract_rows(
    extractor: &Extractor,
    spellings: &Spellings,
    path: &std::path::Path,
) -> anyhow::Result<Vec<crate::eval::Row>> {
    let article = read_article(extractor, path)?;
    let rows = extractor.extract(&article).into_iter().map(|s| {
        let mut row = crate::eval::Row::from_statement(&article.file_name, &s);
        row.speaker = row.speaker.map(|n| spellings.as_written(&n, &article.body));
        let speaker = row.speaker.clone();
        (row, s.span, speaker, s.rule == Statement::JOINT_COPY)
    });
    Ok(export::fold_joint(rows, |r, group| r.speaker = Some(group)))
}
