//! The integration tests, one binary (cargo links each file under tests/ on its own, so 14 files
//! were 14 binaries): each file here is a module. `cargo test` runs the fast ones; the slow ones
//! (10,000 files, crash, load, the browser in tests/browser.rs) are `#[ignore]`d, run them with
//! `cargo test -- --ignored`.

mod accounts;
mod bad_input;
mod binary;
mod blindspots;
mod cache;
mod claims;
mod common;
mod concurrency;
mod concurrent;
mod crash;
mod editors_client;
mod eval;
mod extraction;
mod first_hour;
mod formats;
mod hostile;
mod hostile_files;
mod ingest;
mod ingest_batches;
mod matrix;
mod postgres;
mod review;
mod robustness;
mod scale;
mod schema;
mod security;
mod signin;
mod versions;
mod web;
