//! The `pointwise` binary: parse the command line, set up logging, run.

use std::io::IsTerminal as _;

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// mimalloc instead of glibc's allocator: the extraction threads allocate what the writer
/// frees, which glibc handles with arena locks and consolidation (about 14% of an ingest's
/// samples); see docs/performance.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        // colour codes only for a person at a terminal, never in a log file or a pipe
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match pointwise::cli::run(pointwise::cli::Cli::parse()).await {
        Ok(code) => std::process::ExitCode::from(code.clamp(0, 255) as u8),
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::from(1)
        }
    }
}
