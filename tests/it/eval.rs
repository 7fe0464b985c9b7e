//! `pointwise eval` against `shared/eval/score.py`: the same numbers on the seeds, from an
//! export file and from the articles extracted in memory.

use std::path::{Path, PathBuf};
use std::process::Command;

use pointwise::catalog::Catalog;
use pointwise::eval::Row;
use pointwise::ingest::Extractor;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds extracted in memory, as the export's JSON Lines.
fn seeds_export() -> anyhow::Result<String> {
    let extractor = Extractor::new(&Catalog::bundled()?)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds/articles"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut out = String::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = pointwise::ingest::decode::decode(&std::fs::read(&path)?)?;
        for s in extractor.extract(&extractor.parse(&name, &text)) {
            out.push_str(&serde_json::to_string(&Row::from_statement(&name, &s))?);
            out.push('\n');
        }
    }
    Ok(out)
}

fn run(cmd: &mut Command) -> anyhow::Result<(i32, String)> {
    let out = cmd.output()?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout)?,
    ))
}

/// The measure lines (not the per-article table) and the counts of misses and extras.
fn measures(report: &str) -> (Vec<String>, usize, usize) {
    let lines = report
        .lines()
        .filter(|l| !l.starts_with("  "))
        .map(str::to_string)
        .collect();
    let count = |w: &str| {
        report
            .lines()
            .filter(|l| l.trim_start().starts_with(w))
            .count()
    };
    (lines, count("miss"), count("extra"))
}

fn pointwise() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pointwise"))
}

#[test]
fn eval_agrees_with_score_py_on_the_seeds() -> anyhow::Result<()> {
    // Arrange
    let script = root().join("../shared/eval/score.py");
    if !script.exists() {
        println!("skipped: {} not found", script.display());
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, seeds_export()?)?;
    let gold = root().join("tests/fixtures/seeds_gold.jsonl");
    // Act
    let py = Command::new("python3")
        .arg(&script)
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .output();
    let Ok(py) = py else {
        println!("skipped: python3 cannot be run");
        return Ok(());
    };
    let py = String::from_utf8(py.stdout)?;
    let (code, ours) = run(pointwise()
        .arg("eval")
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred))?;
    // Assert
    assert_eq!(code, 0);
    assert!(py.contains("triples  P="), "score.py printed: {py}");
    assert_eq!(
        measures(&ours),
        measures(&py),
        "ours:\n{ours}\nscore.py:\n{py}"
    );
    Ok(())
}

#[test]
fn eval_of_paths_equals_eval_of_their_export() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, seeds_export()?)?;
    let gold = root().join("tests/fixtures/seeds_gold.jsonl");
    let (_, from_export) = run(pointwise()
        .arg("eval")
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&pred))?;
    let (_, from_paths) = run(pointwise()
        .arg("eval")
        .arg("--gold")
        .arg(&gold)
        .arg(root().join("seeds/articles")))?;
    assert_eq!(from_paths, from_export);
    assert!(
        from_paths.contains("  article "),
        "per-article table: {from_paths}"
    );
    Ok(())
}

#[test]
fn min_f1_sets_the_exit_status_and_json_is_machine_readable() -> anyhow::Result<()> {
    let gold = root().join("tests/fixtures/seeds_gold.jsonl");
    let seeds = root().join("seeds/articles");
    let (low, _) = run(pointwise()
        .args(["eval", "--quiet", "--min-f1", "0.1", "--gold"])
        .arg(&gold)
        .arg(&seeds))?;
    let (high, quiet) = run(pointwise()
        .args(["eval", "--quiet", "--min-f1", "1.01", "--gold"])
        .arg(&gold)
        .arg(&seeds))?;
    assert_eq!((low, high), (0, 1));
    assert!(
        !quiet.contains("miss") && !quiet.contains("extra"),
        "{quiet}"
    );
    let (_, json) = run(pointwise()
        .args(["eval", "--json", "--gold"])
        .arg(&gold)
        .arg(&seeds))?;
    let v: serde_json::Value = serde_json::from_str(&json)?;
    assert_eq!(v["articles"], 5);
    assert!(
        v["triples"]["f1"]
            .as_f64()
            .is_some_and(|f| f > 0.0 && f <= 1.0)
    );
    assert_eq!(v["per_article"].as_array().map(Vec::len), Some(5));
    Ok(())
}

#[test]
fn eval_reports_a_bad_gold_line_and_needs_pred_or_paths() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"source_file\": \"a.txt\"}\nnot json\n")?;
    let out = pointwise()
        .arg("eval")
        .arg("--gold")
        .arg(&gold)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/articles"))
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)?.contains("line 2"));
    let none = pointwise().arg("eval").arg("--gold").arg(&gold).output()?;
    assert_eq!(none.status.code(), Some(2), "clap usage error");
    Ok(())
}
