//! A corpus of bad inputs, ingested through the real binary: each file either ingests or is
//! skipped with a line naming it and the reason, the others still ingest, the exit status says
//! whether anything was skipped (0 all taken, 2 some skipped, 1 error), and the database holds
//! exactly the files taken.
//!
//! The corpus is generated at test time (binary, huge and odd files have no place in git).

use crate::binary;

use std::path::{Path, PathBuf};

use pointwise::db::{self, queries};

/// What must become of one input.
#[derive(Debug, Clone)]
enum Expect {
    /// Stored under its file name; the body contains this text.
    Ingested(&'static str),
    /// Not stored; the summary names the file with this reason.
    Skipped(&'static str),
    /// Not stored under its name; reported as the same content as this file.
    Duplicate(&'static str),
    /// Not looked at: not an article file inside a directory.
    Ignored,
}

struct Case {
    /// Path relative to the corpus directory.
    path: &'static str,
    expect: Expect,
}

const GOOD: &str = "Kallas on the plan\n2025-11-22\n\nEU foreign policy chief Kaja Kallas said the 28-point plan was unacceptable because it rewards aggression.\n";

/// The smallest valid PNG (1x1 pixel).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) -> anyhow::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, bytes)?;
    Ok(())
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Builds the corpus under `root` and returns the cases with their expected outcome.
fn build_corpus(root: &Path, max_bytes: usize) -> anyhow::Result<Vec<Case>> {
    use Expect::{Duplicate, Ignored, Ingested, Skipped};
    let mut cases = Vec::new();
    let mut add = |path: &'static str, expect: Expect| cases.push(Case { path, expect });

    write(root, "good.txt", GOOD)?;
    add("good.txt", Ingested("rewards aggression"));

    write(root, "empty.txt", "")?;
    add("empty.txt", Skipped("empty file"));

    write(root, "blank.txt", " \n\n\t \r\n")?;
    add("blank.txt", Skipped("empty file"));

    write(root, "photo.txt", PNG)?;
    add("photo.txt", Skipped("binary content"));

    write(root, "picture.png", PNG)?;
    add("picture.png", Ignored);

    write(
        root,
        "nul.txt",
        b"Plan\n2025-11-22\n\nPeskov said the plan\0 was a basis.\n",
    )?;
    add("nul.txt", Skipped("binary content"));

    write(root, "control.txt", b"Peskov said \x01\x02\x03 the plan.\n")?;
    add("control.txt", Skipped("binary content"));

    write(
        root,
        "cp1252.txt",
        b"Tusk on the plan\n2025-11-25\n\n\x93The plan is a capitulation,\x94 Donald Tusk said. Caf\xe9 \x80 5.\n",
    )?;
    add(
        "cp1252.txt",
        Ingested("\u{201C}The plan is a capitulation,\u{201D} Donald Tusk said. Café € 5."),
    );

    let text16 = "Sybiha on the plan\n2025-11-23\n\nForeign minister Andrii Sybiha said the plan must respect Ukraine's sovereignty — «Київ».\n";
    write(root, "utf16le.txt", utf16(text16, false))?;
    add(
        "utf16le.txt",
        Ingested("respect Ukraine's sovereignty — «Київ»"),
    );
    write(
        root,
        "utf16be.txt",
        utf16(&text16.replace("Sybiha said", "Sybiha also said"), true),
    )?;
    add("utf16be.txt", Ingested("Sybiha also said"));

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(GOOD.replace("Kallas said", "Kallas then said").as_bytes());
    write(root, "utf8-bom.txt", bom)?;
    add("utf8-bom.txt", Ingested("Kallas then said"));

    write(root, "too-big.txt", "The plan. ".repeat(max_bytes / 10 + 1))?;
    add("too-big.txt", Skipped("larger than the limit"));

    // One line of 2 MB (no line break at all), a statement at its end.
    let mut line = "Delegations met in Geneva and the talks went on for hours. ".repeat(35_000);
    line.push_str("Kaja Kallas said the 28-point plan was unacceptable at the end of the line.");
    write(root, "long-line.txt", &line)?;
    add(
        "long-line.txt",
        Ingested("unacceptable at the end of the line"),
    );

    write(
        root,
        "unbalanced.txt",
        "Quotes\n2025-11-22\n\n\"The plan is a basis, Peskov said. “It cannot work, Kallas said.\n\n« Never » »» \" ” „ the plan\n",
    )?;
    add("unbalanced.txt", Ingested("It cannot work, Kallas said."));

    let nested = format!(
        "Nested\n2025-11-22\n\n{}the 28-point plan{} Zelensky said.\n",
        "\"‘«„“".repeat(2000),
        "”»’\"".repeat(2000)
    );
    write(root, "nested.txt", nested)?;
    add("nested.txt", Ingested("the 28-point plan"));

    write(
        root,
        "boilerplate.txt",
        "Tags: war, Ukraine\nSubscribe to our newsletter\nAdvertisement\nShare\nCopyright 2025 Example Media\n",
    )?;
    add("boilerplate.txt", Skipped("no article text"));

    write(
        root,
        "scripts.html",
        r#"<!DOCTYPE html><html><head><title>Rutte on the plan</title><script>var x = "Trump said the plan is perfect";</script>
<style>body { color: red }</style></head><body><nav>Home World</nav><article><h1>Rutte on the plan</h1>
<p>NATO Secretary General Mark Rutte said the 28-point plan needs the allies' consent.</p>
<script>document.write("<p>Injected: the plan is dead, Lavrov said.</p>")</script><noscript>Enable JavaScript</noscript>
</article></body></html>"#,
    )?;
    add("scripts.html", Ingested("needs the allies' consent"));

    write(
        root,
        "only-script.html",
        "<html><head><script>alert('the plan')</script></head><body><script>x()</script></body></html>",
    )?;
    add("only-script.html", Skipped("no article text"));

    let twin = GOOD.replace("Kallas said", "Kallas repeated");
    write(root, "copy-a.txt", &twin)?;
    add("copy-a.txt", Ingested("Kallas repeated"));
    write(root, "copy-b.txt", &twin)?;
    add("copy-b.txt", Duplicate("copy-a.txt"));

    write(
        root,
        "one/same-name.txt",
        GOOD.replace("Kallas said", "Kallas first said"),
    )?;
    add("one/same-name.txt", Ingested("Kallas first said"));
    write(
        root,
        "two/same-name.txt",
        GOOD.replace("Kallas said", "Kallas later said"),
    )?;
    add(
        "two/same-name.txt",
        Skipped("another file named same-name.txt"),
    );

    // A directory that links to itself: walked once.
    write(
        root,
        "loop/inner.txt",
        GOOD.replace("Kallas said", "Kallas in the loop said"),
    )?;
    std::os::unix::fs::symlink(root.join("loop"), root.join("loop/again"))?;
    add("loop/inner.txt", Ingested("Kallas in the loop said"));
    add("loop/again", Skipped("link loop"));

    // A link to itself and a link to nothing.
    std::os::unix::fs::symlink("self.txt", root.join("self.txt"))?;
    add("self.txt", Skipped("cannot open"));
    std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("dangling.txt"))?;
    add("dangling.txt", Skipped("cannot open"));

    // A named pipe: opening it would block forever; it is refused without opening.
    let fifo = std::process::Command::new("mkfifo")
        .arg(root.join("pipe.txt"))
        .status()?;
    anyhow::ensure!(fifo.success(), "mkfifo failed");
    add("pipe.txt", Skipped("not a regular file"));

    // A file without read permission. Root reads it anyway, so there the expected outcome is
    // that it ingests; the pipe above and the unreadable directory below are refused even as root.
    write(
        root,
        "locked.txt",
        GOOD.replace("Kallas said", "Kallas privately said"),
    )?;
    set_mode(&root.join("locked.txt"), 0o000)?;
    if is_root() {
        println!(
            "running as root: chmod 000 does not stop reads, so locked.txt is expected to ingest"
        );
        add("locked.txt", Ingested("Kallas privately said"));
    } else {
        add("locked.txt", Skipped("Permission denied"));
    }
    write(
        root,
        "locked-dir/hidden.txt",
        GOOD.replace("Kallas said", "Kallas quietly said"),
    )?;
    set_mode(&root.join("locked-dir"), 0o000)?;
    if is_root() {
        add("locked-dir/hidden.txt", Ingested("Kallas quietly said"));
    } else {
        add("locked-dir", Skipped("cannot read directory"));
    }
    Ok(cases)
}

fn set_mode(path: &Path, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    Ok(())
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

async fn stored(db: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let pool = db::connect(db).await?;
    let mut out = Vec::new();
    for s in queries::list_sources(&pool.clone().into()).await? {
        let body = queries::get_source(&pool.clone().into(), s.id)
            .await?
            .map(|(_, body)| body)
            .unwrap_or_default();
        out.push((s.file_name, body));
    }
    pool.close().await;
    Ok(out)
}

#[tokio::test]
#[ignore = "slow: cargo test -- --ignored"]
async fn every_bad_input_is_ingested_or_skipped_by_name_and_the_rest_still_ingests()
-> anyhow::Result<()> {
    // Arrange
    let tmp = tempfile::tempdir()?;
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root)?;
    let max = 3_000_000;
    let cases = build_corpus(&root, max)?;
    assert!(cases.len() >= 20, "{} cases", cases.len());
    let db = tmp.path().join("bad.db");
    let missing = tmp.path().join("missing.txt");
    // Act
    let out = binary::run(
        &db,
        &[
            "ingest",
            "--max-bytes",
            &max.to_string(),
            &root.display().to_string(),
            &missing.display().to_string(),
            &root.join("photo.txt").display().to_string(),
        ],
    )?;
    // Assert
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "some files are skipped\n{stdout}\n{stderr}"
    );
    let rows = stored(&db).await?;
    let lines: Vec<&str> = stdout.lines().collect();
    let line_for = |kind: &str, rel: &str| {
        let path = root.join(rel).display().to_string();
        lines
            .iter()
            .find(|l| l.trim_start().starts_with(&format!("{kind} {path}:")))
            .map(|l| l.to_string())
    };
    for case in &cases {
        let name = file_name(case.path);
        let row = rows.iter().find(|(f, _)| f == name);
        match &case.expect {
            Expect::Ingested(text) => {
                let body = row.map(|(_, b)| b.as_str());
                assert!(
                    body.is_some_and(|b| b.contains(text)),
                    "{}: expected stored with {text:?}, got {:?}\n{stdout}",
                    case.path,
                    body.map(|b| b.chars().take(200).collect::<String>())
                );
            }
            Expect::Skipped(why) => {
                let line = line_for("skipped", case.path);
                assert!(
                    line.as_deref().is_some_and(|l| l.contains(why)),
                    "{}: expected skipped for {why:?}, got {line:?}\n{stdout}",
                    case.path
                );
                if case.path != "two/same-name.txt" {
                    assert!(row.is_none(), "{} must not be stored", case.path);
                }
            }
            Expect::Duplicate(first) => {
                let line = line_for("duplicate", case.path);
                assert!(
                    line.as_deref().is_some_and(|l| l.contains(first)),
                    "{}: expected a duplicate of {first}, got {line:?}\n{stdout}",
                    case.path
                );
                assert!(row.is_none(), "{} is stored once, under {first}", case.path);
            }
            Expect::Ignored => {
                assert!(row.is_none() && !stdout.contains(name), "{}", case.path);
            }
        }
    }
    // The name on the command line and the missing path are reported too.
    assert!(
        stdout.contains(&format!(
            "skipped {}: binary content",
            root.join("photo.txt").display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("skipped {}: cannot open", missing.display())),
        "{stdout}"
    );
    // The same-name file in the second directory did not replace the first.
    let same = rows.iter().find(|(f, _)| f == "same-name.txt");
    assert!(same.is_some_and(|(_, b)| b.contains("first said")));
    // Exactly the files expected to ingest are stored.
    let want = cases
        .iter()
        .filter(|c| matches!(c.expect, Expect::Ingested(_)))
        .count();
    assert_eq!(rows.len(), want, "{rows:?}");
    let summary = lines.first().copied().unwrap_or_default();
    assert!(
        summary.contains(&format!("{want} new")) && summary.contains("1 duplicate,"),
        "{summary}"
    );
    for dir in ["locked.txt", "locked-dir"] {
        set_mode(&root.join(dir), 0o755)?;
    }
    Ok(())
}

#[tokio::test]
async fn the_default_size_limit_is_ten_megabytes() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let big = tmp.path().join("huge.txt");
    std::fs::write(&big, vec![b'a'; 10 * 1024 * 1024 + 1])?;
    let db = tmp.path().join("d.db");
    let out = binary::run(&db, &["ingest", &big.display().to_string()])?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "skipped {}: larger than the limit (10485761 bytes > 10485760",
            big.display()
        )),
        "{stdout}"
    );
    assert!(stored(&db).await?.is_empty());
    Ok(())
}

#[tokio::test]
async fn exit_status_is_zero_when_all_is_taken_and_one_on_an_error() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("ok");
    write(&dir, "a.txt", GOOD)?;
    write(
        &dir,
        "b.txt",
        GOOD.replace("Kallas said", "Kallas stressed"),
    )?;
    write(&dir, "c.txt", GOOD)?; // a duplicate is taken: stored once, reported
    let db = tmp.path().join("ok.db");
    let out = binary::run(&db, &["ingest", &dir.display().to_string()])?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("2 new") && stdout.contains("duplicate"),
        "{stdout}"
    );
    assert_eq!(stored(&db).await?.len(), 2);
    // A database that cannot be opened is an error: status 1 and a message naming it.
    let not_a_db: PathBuf = tmp.path().join("ok");
    let out = binary::run(&not_a_db, &["ingest", &dir.display().to_string()])?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(&not_a_db.display().to_string()), "{stderr}");
    Ok(())
}

#[tokio::test]
#[ignore = "slow: cargo test -- --ignored"]
async fn a_directory_of_ten_thousand_files_ingests_every_one() -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let dir = tmp.path().join("many");
    std::fs::create_dir(&dir)?;
    for n in 0..10_000 {
        std::fs::write(
            dir.join(format!("a{n:05}.txt")),
            format!("Note {n}\n2025-11-22\n\nKaja Kallas said the plan was unacceptable ({n}).\n"),
        )?;
    }
    let db = tmp.path().join("many.db");
    let out = binary::run(&db, &["ingest", &dir.display().to_string()])?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.starts_with("10000 files read: 10000 new"),
        "{stdout}"
    );
    let pool = db::connect(&db).await?;
    let (sources, statements, _) = queries::count_rows(&pool.clone().into()).await?;
    assert_eq!(sources, 10_000);
    assert_eq!(statements, 10_000, "one statement per file");
    Ok(())
}

/// A `--db` (or `POINTWISE_DB`) value with a scheme the program does not know is refused with
/// a message naming the flag, and nothing is created where a path would have gone.
#[test]
fn an_unknown_db_scheme_is_refused() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let out = binary::bin()
        .current_dir(dir.path())
        .args(["--db", "mysql://localhost/pointwise", "export"])
        .output()?;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--db") && stderr.contains("mysql:"),
        "{stderr}"
    );
    let out = binary::bin()
        .current_dir(dir.path())
        .env("POINTWISE_DB", "postgress://localhost/pointwise")
        .arg("export")
        .output()?;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("postgress:"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0, "nothing created");
    Ok(())
}
