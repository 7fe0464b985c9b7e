//! Ingest: parsing of each seed, idempotent re-ingest, replacement of a changed file, and
//! skipped files named with their reason.

use crate::common;

use pointwise::db::queries;
use pointwise::ingest::run::run;

const BOILERPLATE: &[&str] = &[
    "MORE ABOUT",
    "HOT NEWS",
    "LATEST",
    "Related Reads",
    "Sign in or create",
    "Tags:",
    "1 min read",
    "(Photo:",
    "follow us on X",
    "Odesa TCK",
];

#[tokio::test]
async fn every_seed_parses_date_title_and_publisher_without_boilerplate() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let expected = [
        ("000_c3dc1bcbdb17d6c4.txt", "2025-11-24", None, "TASS"),
        (
            "001_42dedaff9d4a8782.txt",
            "2025-11-21",
            Some("17:11"),
            "Interfax-Ukraine",
        ),
        ("002_0d8a2504ec654811.txt", "2025-12-02", None, "LIGA.net"),
        (
            "003_2df2c5dbd146e2f9.txt",
            "2025-11-21",
            Some("10:22"),
            "ReOpen Media",
        ),
        ("004_fe4b7451dd4c2f57.txt", "2025-11-20", None, "Babel"),
    ];
    for (file, date, time, publisher) in expected {
        // Act
        let raw = std::fs::read_to_string(common::seeds_dir().join(file))?;
        let a = t.extractor.parse(file, &raw);
        // Assert
        assert_eq!(a.published_date.as_deref(), Some(date), "{file}");
        assert_eq!(a.published_time.as_deref(), time, "{file}");
        assert_eq!(a.publisher.as_deref(), Some(publisher), "{file}");
        let title = a.title.clone().unwrap_or_default();
        assert!(!title.is_empty(), "{file} has a title");
        assert!(
            !a.body.contains(&title) || file.starts_with("000"),
            "{file}: the title is not repeated in the body"
        );
        for b in BOILERPLATE {
            assert!(
                !a.body.contains(b),
                "{file}: boilerplate {b:?} reached the body"
            );
        }
        assert!(
            !a.body.starts_with(" date"),
            "{file}: the date header is not body text"
        );
    }
    Ok(())
}

#[tokio::test]
async fn interfax_title_line_is_the_title() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let raw = std::fs::read_to_string(common::seeds_dir().join("001_42dedaff9d4a8782.txt"))?;
    let a = t.extractor.parse("001_42dedaff9d4a8782.txt", &raw);
    assert!(
        a.title
            .as_deref()
            .is_some_and(|t| t.starts_with("NATO not commenting on"))
    );
    assert!(
        a.body
            .starts_with("NATO is not commenting on the American 28-point peace plan"),
        "{}",
        &a.body[..80]
    );
    Ok(())
}

#[tokio::test]
async fn reingesting_unchanged_files_changes_nothing() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let paths = vec![common::seeds_dir()];
    let first = run(&t.db, &t.extractor, &paths, 1 << 20).await?;
    let rows = queries::count_rows(&t.db).await?;
    // Act
    let second = run(&t.db, &t.extractor, &paths, 1 << 20).await?;
    // Assert
    assert_eq!((first.new, first.read), (5, 5));
    assert!(first.statements > 30, "{first}");
    assert_eq!((second.new, second.unchanged, second.replaced), (0, 5, 0));
    assert_eq!(queries::count_rows(&t.db).await?, rows);
    assert_eq!(rows.0, 5);
    Ok(())
}

#[tokio::test]
async fn a_changed_file_replaces_its_statements() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let file = t.dir.path().join("kyiv-wire.txt");
    std::fs::write(
        &file,
        "Kallas rejects plan\n2025-11-22\n\nEU foreign policy chief Kaja Kallas said the 28-point plan was unacceptable because it rewards aggression.\n",
    )?;
    run(&t.db, &t.extractor, std::slice::from_ref(&file), 1 << 20).await?;
    let before = queries::count_rows(&t.db).await?;
    // Act
    std::fs::write(
        &file,
        "Kallas rejects plan\n2025-11-22\n\nEU foreign policy chief Kaja Kallas said the 28-point plan was unacceptable.\n\n\"Ukraine must never be forced to give up territory,\" Kallas told reporters.\n",
    )?;
    let report = run(&t.db, &t.extractor, std::slice::from_ref(&file), 1 << 20).await?;
    // Assert
    let after = queries::count_rows(&t.db).await?;
    assert_eq!(report.replaced, 1, "{report}");
    assert_eq!((before.0, after.0), (1, 1), "still one source");
    assert_eq!(before.1, 1);
    assert_eq!(
        after.1, 2,
        "the old statement was replaced, the new quote added"
    );
    Ok(())
}

#[tokio::test]
async fn unreadable_empty_and_binary_files_are_skipped_by_name() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let dir = t.dir.path().join("in");
    std::fs::create_dir(&dir)?;
    std::fs::write(dir.join("empty.txt"), "")?;
    std::fs::write(dir.join("image.txt"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13])?;
    std::fs::write(dir.join("big.txt"), "x ".repeat(600))?;
    std::fs::write(
        dir.join("good.txt"),
        "Plan\n2025-11-22\n\nSikorski said the peace plan was a good basis for talks.\n",
    )?;
    let missing = t.dir.path().join("missing.txt");
    // Act
    let report = run(&t.db, &t.extractor, &[dir, missing], 1000).await?;
    // Assert
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .map(|(f, why)| format!("{f}: {why}"))
        .collect();
    assert_eq!(report.new, 1, "{report}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("empty.txt") && r.contains("empty")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("image.txt") && r.contains("binary")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("big.txt") && r.contains("limit")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("missing.txt") && r.contains("cannot")),
        "{reasons:?}"
    );
    assert_eq!(queries::count_rows(&t.db).await?.0, 1);
    Ok(())
}

#[tokio::test]
async fn html_pages_and_legacy_encodings_are_read() -> anyhow::Result<()> {
    // Arrange
    let t = common::test_db().await?;
    let dir = t.dir.path().join("pages");
    std::fs::create_dir(&dir)?;
    std::fs::write(
        dir.join("page.html"),
        r#"<!DOCTYPE html><html><head><title>Kallas | EU Observer</title>
<meta property="og:site_name" content="EU Observer"><meta property="article:published_time" content="2025-11-24T08:15:00Z">
<script>document.write("Trump said the plan is perfect")</script></head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<article><h1>Kallas: plan must not reward aggression</h1>
<p>EU foreign policy chief Kaja Kallas said the 28-point plan was unacceptable as long as it rewarded aggression.</p>
<p>Related: <a href="/x">Lavrov says the plan is a basis</a></p></article>
<footer><p>Subscribe to our newsletter</p></footer></body></html>"#,
    )?;
    // Windows-1252 curly quotes (0x93, 0x94)
    std::fs::write(
        dir.join("cp1252.txt"),
        b"Tusk on the plan\n2025-11-25\n\n\x93The plan is a capitulation,\x94 Donald Tusk said.\n",
    )?;
    // Act
    let report = run(&t.db, &t.extractor, &[dir], 1 << 20).await?;
    // Assert
    assert_eq!(report.new, 2, "{report}");
    let sources = queries::list_sources(&t.db).await?;
    let page = sources.iter().find(|s| s.file_name == "page.html");
    assert!(
        page.is_some_and(|p| p.publisher == "EU Observer"
            && p.title.starts_with("Kallas")
            && p.published_date.as_deref() == Some("2025-11-24")),
        "{sources:?}"
    );
    let filter = pointwise::db::models::StatementFilter {
        limit: 100,
        ..Default::default()
    };
    let (rows, _) = queries::list_statements(&t.db, &filter).await?;
    assert!(
        rows.iter()
            .any(|r| r.speaker_name.as_deref() == Some("Kaja Kallas") && r.stance == "opposes"),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.speaker_name.as_deref() == Some("Donald Tusk")
                && r.text == "The plan is a capitulation"),
        "{rows:#?}"
    );
    assert!(
        !rows.iter().any(|r| r.text.contains("perfect")),
        "scripts are not text"
    );
    Ok(())
}

#[tokio::test]
async fn a_section_label_before_the_date_is_not_the_title() -> anyhow::Result<()> {
    let t = common::test_db().await?;
    let raw = "RIA Novosti\nIn the world\n14:22 22.11.2025\nDmitriev: the US plan opens the way to economic ties\n\n\
MOSCOW, 22 November. Kirill Dmitriev said the American peace initiative creates an opportunity.\n";
    let a = t.extractor.parse("ria.txt", raw);
    assert_eq!(
        a.title.as_deref(),
        Some("Dmitriev: the US plan opens the way to economic ties")
    );
    assert_eq!(a.published_time.as_deref(), Some("14:22"));
    assert!(a.body.starts_with("MOSCOW, 22 November."), "{}", a.body);
    Ok(())
}
