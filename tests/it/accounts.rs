//! `pointwise user ...`: accounts made, listed, disabled and given a new password through the
//! real binary, the password read from stdin (not a terminal here) and stored only as argon2id.

use std::io::Write as _;
use std::process::{Output, Stdio};

use pointwise::db::{self, accounts};

use crate::binary::{bin, run};

/// `pointwise --db DB ARGS...` with `stdin` written to its standard input.
pub fn run_with_input(db: &std::path::Path, args: &[&str], stdin: &str) -> anyhow::Result<Output> {
    let mut child = bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdin"))?
        .write_all(stdin.as_bytes())?;
    Ok(child.wait_with_output()?)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[tokio::test]
async fn accounts_are_added_listed_disabled_and_repassworded() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("a.db");
    let added = run_with_input(
        &path,
        &["user", "add", "ann", "--role", "editor"],
        "a long passphrase\n",
    )?;
    assert_eq!(added.status.code(), Some(0), "{}", text(&added));
    let again = run_with_input(
        &path,
        &["user", "add", "ANN", "--role", "admin"],
        "a long passphrase\n",
    )?;
    assert_eq!(
        again.status.code(),
        Some(1),
        "a name is taken whatever its case"
    );
    let short = run_with_input(&path, &["user", "add", "bob", "--role", "admin"], "short\n")?;
    assert_eq!(short.status.code(), Some(1));
    assert!(text(&short).contains("at least 10"), "{}", text(&short));
    let bad_role = run_with_input(
        &path,
        &["user", "add", "bob", "--role", "owner"],
        "a long passphrase\n",
    )?;
    assert_ne!(bad_role.status.code(), Some(0));

    let list = run(&path, &["user", "list"])?;
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(listed.starts_with("ann\teditor\tactive"), "{listed}");
    assert!(!listed.contains("bob"), "{listed}");

    let pool = db::connect(&path).await?;
    let ann = accounts::by_name(&pool.clone().into(), "ann")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no ann"))?;
    assert!(
        ann.password_hash.starts_with("$argon2id$"),
        "{}",
        ann.password_hash
    );
    assert!(!ann.password_hash.contains("passphrase"));
    assert!(pointwise::password::verify(
        "a long passphrase",
        &ann.password_hash
    ));

    assert_eq!(
        run(&path, &["user", "disable", "ann"])?.status.code(),
        Some(0)
    );
    assert_eq!(
        run(&path, &["user", "disable", "nobody"])?.status.code(),
        Some(1)
    );
    let listed = String::from_utf8_lossy(&run(&path, &["user", "list"])?.stdout).into_owned();
    assert!(listed.starts_with("ann\teditor\tdisabled"), "{listed}");

    let changed = run_with_input(&path, &["user", "password", "ann"], "another passphrase\n")?;
    assert_eq!(changed.status.code(), Some(0), "{}", text(&changed));
    let ann = accounts::by_name(&pool.clone().into(), "ann")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no ann"))?;
    assert!(pointwise::password::verify(
        "another passphrase",
        &ann.password_hash
    ));
    assert!(!pointwise::password::verify(
        "a long passphrase",
        &ann.password_hash
    ));
    Ok(())
}

#[tokio::test]
async fn no_account_exists_by_default() -> anyhow::Result<()> {
    let t = crate::common::seeded_db().await?;
    assert!(accounts::list(&t.db).await?.is_empty());
    Ok(())
}
