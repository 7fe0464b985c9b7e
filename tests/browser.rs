//! The browser tests, driven from `cargo test`: serves the seed articles from a temporary
//! database on a free port and runs `node tests/browser/run.mjs BASE_URL` (headless Chromium
//! with playwright-core, axe-core on every page type, the Nu Html Checker on their HTML).
//!
//! `node tests/browser/editors.mjs` runs the editors' scenario (sign in, correct, sign out, see
//! it as a visitor) with axe and the validator on their pages.
//!
//! Without node, Chromium, Java or `tests/browser/node_modules` the test prints
//! "browser tests skipped: <why>" and passes, unless `POINTWISE_REQUIRE_BROWSER=1`, under
//! which it fails (CI sets it).

#[path = "it/common.rs"]
mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn browser_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// What is missing for the browser tests, if anything.
fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let modules = browser_dir().join("node_modules");
    if !runs("node", "--version") {
        Some("node is not installed".into())
    } else if !Path::new(&chromium).exists() {
        Some(format!(
            "no Chromium at {chromium} (apt-get install chromium chromium-driver)"
        ))
    } else if !runs("java", "-version") {
        Some("java is not installed (the Nu Html Checker needs it)".into())
    } else if ["playwright-core", "axe-core", "vnu-jar/build/dist/vnu.jar"]
        .iter()
        .any(|m| !modules.join(m).exists())
    {
        Some("tests/browser/node_modules is missing (run npm ci in tests/browser)".into())
    } else {
        None
    }
}

/// Whether the browser tests can run here: prints why not (and fails under
/// `POINTWISE_REQUIRE_BROWSER=1`) when they cannot.
fn can_run() -> bool {
    let required = std::env::var("POINTWISE_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    if let Some(why) = missing() {
        assert!(
            !required,
            "browser tests cannot run under POINTWISE_REQUIRE_BROWSER=1: {why}"
        );
        // straight to stderr, past the test harness's capture, so `cargo test` shows it
        let _ = writeln!(std::io::stderr(), "browser tests skipped: {why}");
        return false;
    }
    true
}

/// Serves `pool` on a free port and runs `node SCRIPT BASE_URL ARGS...` in tests/browser;
/// fails unless every check passed.
async fn run_script(pool: &pointwise::db::Db, script: &str, args: &[String]) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = common::app(pool);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let dir = browser_dir();
    let (script, args) = (script.to_string(), args.to_vec());
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(script)
            .arg(&base)
            .args(args)
            .current_dir(dir)
            .output()
    })
    .await??;
    server.abort();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        output.status.success(),
        "the browser tests failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(
        stdout.contains(" passed, 0 failed"),
        "the browser tests ran no check:\n{stdout}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow: cargo test -- --ignored"]
async fn pages_work_in_chromium_pass_axe_and_validate() -> anyhow::Result<()> {
    if !can_run() {
        return Ok(());
    }
    let t = common::sqlite_seeded_db().await?;
    run_script(&t.db, "run.mjs", &[]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow: cargo test -- --ignored"]
async fn an_editor_corrects_a_statement_in_chromium() -> anyhow::Result<()> {
    if !can_run() {
        return Ok(());
    }
    let t = common::sqlite_seeded_db().await?;
    let password = "a browser passphrase";
    let hash = pointwise::password::hash(password)?;
    pointwise::db::accounts::add(&t.db, "editor", pointwise::model::Role::Editor, &hash).await?;
    let id: i64 = sqlx::query_scalar("select min(id) from statement")
        .fetch_one(t.pool())
        .await?;
    let args = ["editor".to_string(), password.to_string(), id.to_string()];
    run_script(&t.db, "editors.mjs", &args).await
}
